"""Hostile inputs, round 30 (helper-inputs30).

Each test is a hostile input the old code got wrong; what it did is said beside the test.  Tests named ``guard``
pin behaviour that held and must keep holding.
"""

from __future__ import annotations

import pytest

from .test_inputs_round28 import _read_docx

# --------------------------------------------------------------------------- 1. a table of figures by person


@pytest.mark.parametrize("rows", [
    [("Sarah Jones", "12 cases"), ("Tom Price", "15 cases"), ("Amy Lee", "9 cases"), ("Sarah Jones", "20 cases")],
    [("Sarah Jones", "12 open cases"), ("Tom Price", "1 open case"), ("Sarah Jones", "14 open cases"),
     ("Tom Price", "3 open cases")],
    [("Sarah Jones", "3.5 FTE"), ("Tom Price", "2 FTE"), ("Sarah Jones", "4 FTE"), ("Tom Price", "1.5 FTE")],
], ids=["caseloads", "two_word_unit_singular_and_plural", "decimal_figures"])
def test_docx_a_table_of_figures_by_person_is_read_whole(tmp_path, rows):
    # On the old code read as turns ('Sarah Jones: 12 cases'): the figures were speech, Sarah Jones the interviewer
    # and her caseload a question.
    text, speakers = _read_docx(tmp_path, rows)
    assert text.splitlines() == [" ".join(r) for r in rows]
    assert speakers == ["respondent"]


@pytest.mark.parametrize("rows", [
    [("Sarah Jones", "How many cases?"), ("Tom Price", "12 cases"), ("Sarah Jones", "And now?"), ("Tom Price", "15 cases")],
    [("Sarah Jones", "12 cases"), ("Tom Price", "15 referrals"), ("Sarah Jones", "20 visits"), ("Tom Price", "14 cases")],
], ids=["a_question", "no_one_measure"])
def test_guard_docx_named_speakers_giving_figures_in_turns_keep_their_labels(tmp_path, rows):
    text, speakers = _read_docx(tmp_path, rows)
    assert text.splitlines() == [f"{a}: {b}" for a, b in rows]
    assert len(speakers) == len(rows)


# --------------------------------------------------------------------------- 2. a role named once


@pytest.mark.parametrize("role", ["Chair", "Chairperson", "Convenor"])
def test_docx_a_role_heard_once_is_a_labelled_turn(tmp_path, role):
    # On the old code 'Chair: Welcome everyone' was text of no speaker ('unknown', label ''): a role named once was
    # no label, as a name given once is not.
    from impact.coding.segment import split_turns

    rows = [(role, "Welcome everyone"), ("Sarah Jones", "How has it gone?"), ("Tom Price", "Better."),
            ("Sarah Jones", "Why?"), ("Tom Price", "The review.")]
    text, _ = _read_docx(tmp_path, rows)
    turns = split_turns(text)
    assert list(turns["label"]) == [r[0] for r in rows]
    assert list(turns["speaker"]) == ["interviewer"] * 2 + ["respondent", "interviewer", "respondent"]
    assert [text[a:b] for a, b in zip(turns["start"], turns["end"])] == [r[1] for r in rows]


def test_a_chair_in_the_middle_of_a_txt_transcript_is_a_labelled_turn():
    # On the old code 'Chair: Let us move on' was text of Tom Price's turn: his answer held the chair's words.
    from impact.coding.segment import split_turns

    text = ("Sarah Jones: How has it gone?\nTom Price: Better.\nChair: Let us move on.\nSarah Jones: Why?\n"
            "Tom Price: The review.\n")
    turns = split_turns(text)
    assert list(turns["label"]) == ["Sarah Jones", "Tom Price", "Chair", "Sarah Jones", "Tom Price"]
    assert list(turns["speaker"]) == ["interviewer", "respondent", "interviewer", "interviewer", "respondent"]


def test_guard_a_word_of_a_chair_in_notes_is_no_label():
    from impact.coding.segment import split_turns

    assert list(split_turns("The chair: a new one was elected.\nNotes follow.\n")["label"]) == [""]


# --------------------------------------------------------------------------- 3. an id given twice, once with a space


@pytest.mark.parametrize(("cell", "said"), [
    ("302 ", "the two differ only in a space at the end of '302 ' on this row: take it out"),
    ("\t302", "the two differ only in a tab at the start of '\\t302' on this row: take it out"),
    ("302\u00a0", "the two differ only in a no-break space at the end of '302\\xa0' on this row: take it out"),
], ids=["trailing_space", "leading_tab", "no_break_space"])
def test_an_id_given_twice_once_with_a_space_says_the_space_is_the_only_difference(study_dir, cell, said):
    # On the old code "'council_id=302' - expected a unique council_id (already on row 3)": the two rows look the
    # same, and nothing said that the space was why one was not read as the other.
    from .test_inputs_round5 import _problems

    path = study_dir / "councils.csv"
    text = path.read_text(encoding="utf-8")
    row = text.split("\n")[2]
    assert row.startswith("302,")
    path.write_text(text.rstrip("\n") + "\n" + row.replace("302", f'"{cell}"', 1) + "\n", encoding="utf-8")
    assert (f"councils.csv:5:council_id: 'council_id=302' - expected a unique council_id (already on row 3; {said})"
            in _problems(study_dir))


# --------------------------------------------------------------------------- 4. a short answer dense with names


@pytest.mark.parametrize("text", [
    "I: Who?\nR: Siobhan, Krzysztof, Wojciech and Oluwaseun.\n",
    "I: Who moved?\nR: Siobhan Brennan moved to Haringey with Krzysztof Nowak.\n",
], ids=["four_names_in_six_words", "five_names_in_nine_words"])
def test_a_short_english_answer_dense_with_names_passes_without_a_word(study_dir, capsys, text):
    # On the old code told as another language ('only 33% of its 6 words ...', 'only 44% of its 9 words ... are
    # English or Welsh words'): names were left aside only where they were under half the words.
    from impact.cli import main

    (study_dir / "transcripts" / "301" / "P1-early.txt").write_text(text, encoding="utf-8")
    assert main(["validate", str(study_dir)]) == 0
    assert "301/P1-early.txt" not in capsys.readouterr().out


def test_guard_a_short_answer_in_another_language_is_still_told_with_capitals_at_sentence_starts(study_dir, capsys):
    from impact.cli import main

    text = "I: Jak się masz?\nR: Dobrze. Praca idzie lepiej. Zespół jest silniejszy. Szefowa pomaga.\n"
    (study_dir / "transcripts" / "301" / "P1-early.txt").write_text(text, encoding="utf-8")
    assert main(["validate", str(study_dir)]) == 0
    assert "expected a transcript in English (transcripts/301/P1-early.txt" in capsys.readouterr().out


def test_guard_a_chair_named_atop_written_notes_makes_no_turns():
    from impact.coding.segment import split_turns

    turns = split_turns("Chair: Cllr Jones\nThe meeting agreed the plan.\n")
    assert list(turns["speaker"]) == ["respondent"] and list(turns["label"]) == [""]

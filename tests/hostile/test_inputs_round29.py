"""Hostile inputs, round 29 (helper-inputs29).

Each test is a hostile input the old code got wrong; what it did is said beside the test.  Tests named ``guard``
pin behaviour that held and must keep holding.
"""

from __future__ import annotations

import pytest

from .test_inputs_round28 import _read_docx

# --------------------------------------------------------------------------- 1. a first row that is a turn


def test_docx_a_first_row_that_is_a_turn_of_a_speaker_heard_once_is_read(tmp_path):
    # On the old code 'Chair | Welcome everyone' was taken for a header row (two short cells over turns) and its
    # text lost: the chair speaks once, so no label below repeats it.
    rows = [("Chair", "Welcome everyone"), ("Sarah Jones", "Thanks. It has gone well."), ("Tom Price", "I agree."),
            ("Sarah Jones", "Morale is up?"), ("Tom Price", "Yes.")]
    text, speakers = _read_docx(tmp_path, rows)
    assert text.splitlines() == [f"{a}: {b}" for a, b in rows]
    assert speakers == ["unknown", "interviewer", "respondent", "interviewer", "respondent"]


@pytest.mark.parametrize("head", [("Speaker", "Text"), ("Name", "What was said"), ("Who", "Said", "Notes")],
                         ids=["speaker_text", "name_what_was_said", "who_said_notes"])
def test_guard_docx_a_header_row_naming_the_speaker_column_is_still_not_read(tmp_path, head):
    rows = [("Sarah Jones", "How has it gone?"), ("Tom Price", "Better."), ("Sarah Jones", "Why?"),
            ("Tom Price", "The review.")]
    text, speakers = _read_docx(tmp_path, [head, *rows])
    assert text.splitlines() == [f"{a}: {b}" for a, b in rows]
    assert speakers == ["interviewer", "respondent"] * 2


# --------------------------------------------------------------------------- 2, 3. tab labels in .txt transcripts


def test_txt_tab_labels_beside_colon_labels_are_labels():
    # On the old code only the 'Interviewer:' labels were read: 'Tom Price<tab>...' was text of the interviewer's
    # turn, then split off as an unlabelled answer holding the name.
    from impact.coding.segment import split_turns

    text = ("Interviewer: How has it gone?\nTom Price\tWe rewrote the threshold document.\nInterviewer: And morale?\n"
            "Tom Price\tBetter.\n")
    turns = split_turns(text)
    assert list(turns["label"]) == ["Interviewer", "Tom Price"] * 2
    assert list(turns["speaker"]) == ["interviewer", "respondent"] * 2
    assert [text[a:b] for a, b in zip(turns["start"], turns["end"])] == [
        "How has it gone?", "We rewrote the threshold document.", "And morale?", "Better."]


@pytest.mark.parametrize("head", ["Speaker\tText", "Speaker name\tUtterance\tTime", "Who\tWhat"],
                         ids=["speaker_text", "three_columns", "who_what"])
def test_txt_a_header_line_over_tab_separated_turns_is_not_read_as_text(head):
    # On the old code 'Speaker<tab>Text' was an 'unknown' turn of text before the first label.
    from impact.coding.segment import split_turns

    text = f"{head}\nSarah Jones\tHow has it gone?\nTom Price\tWe rewrote it.\nSarah Jones\tAnd morale?\nTom Price\tBetter.\n"
    turns = split_turns(text)
    assert list(turns["label"]) == ["Sarah Jones", "Tom Price"] * 2
    assert [text[a:b] for a, b in zip(turns["start"], turns["end"])] == [
        "How has it gone?", "We rewrote it.", "And morale?", "Better."]


def test_guard_txt_a_first_line_that_names_no_column_is_text():
    # guard: a title line before the turns, tab or not, is kept as text before the first label
    from impact.coding.segment import split_turns

    text = "Barnet\tinterview 2\nSarah Jones\tHow has it gone?\nTom Price\tBetter.\nSarah Jones\tWhy?\nTom Price\tThe review.\n"
    turns = split_turns(text)
    assert turns["speaker"].iloc[0] == "unknown"
    assert text[turns["start"].iloc[0]:turns["end"].iloc[0]] == "Barnet\tinterview 2"


# --------------------------------------------------------------------------- 4. named speakers answering in figures


@pytest.mark.parametrize("rows", [
    [("Sarah Jones", "12"), ("Tom Price", "15"), ("Sarah Jones", "20"), ("Tom Price", "14")],
    [("Chair", "How many cases do you each hold?"), ("Sarah Jones", "12"), ("Tom Price", "15"),
     ("Chair", "And last year?"), ("Sarah Jones", "14"), ("Tom Price", "18")],
], ids=["names_and_figures", "chair_asks_named_staff_answer"])
def test_docx_named_speakers_answering_in_figures_keep_their_labels(tmp_path, rows):
    # On the old code read as a table of figures (more than half the rows hold a digit), every label lost: one
    # respondent turn 'Sarah Jones 12 Tom Price 15 ...'.
    text, speakers = _read_docx(tmp_path, rows)
    assert text.splitlines() == [f"{a}: {b}" for a, b in rows]
    assert len(speakers) == len(rows)


def test_guard_docx_a_table_of_figures_by_council_is_still_read_whole(tmp_path):
    rows = [("Barnet", "12 referrals"), ("Camden", "9 referrals"), ("Barnet", "14 referrals"), ("Camden", "11")]
    text, speakers = _read_docx(tmp_path, rows)
    assert text.splitlines() == [" ".join(r) for r in rows]
    assert speakers == ["respondent"]


# --------------------------------------------------------------------------- 5. abbreviations of a status


@pytest.mark.parametrize(("kind", "value", "meant"), [
    ("ofsted_judgement", "RI", "requires_improvement"), ("ofsted_judgement", "R.I.", "requires_improvement"),
    ("ofsted_judgement", "Req. improvement", "requires_improvement"),  # this one held (close by spelling)
    ("improvement_notice", "NtI", "notice_to_improve"),
], ids=["RI", "R.I.", "req_improvement", "NtI"])
def test_a_status_given_by_its_initials_is_told_the_value_meant(study_dir, kind, value, meant):
    # On the old code "'RI' - expected for kind ofsted_judgement, one of [...]" with no word of which.
    from impact import vocab

    from .test_inputs_round5 import _problems

    path = study_dir / "status_history.csv"
    old = "302,ofsted_judgement,adequate," if kind == "ofsted_judgement" else "improvement_notice,notice_to_improve,"
    new = f"302,ofsted_judgement,{value}," if kind == "ofsted_judgement" else f"improvement_notice,{value},"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    row = 3 if kind == "ofsted_judgement" else 5
    assert (f"status_history.csv:{row}:status: {value!r} - expected for kind {kind}, one of "
            f"{sorted(vocab.STATUSES[kind])} (did you mean {meant!r}?)") in _problems(study_dir)


def test_a_council_type_given_by_its_initials_is_told_the_value_meant(study_dir):
    # On the old code "'LB' - expected one of [...]" with no word of which
    from .test_inputs_round5 import _problems

    path = study_dir / "councils.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("E09000003,london_borough", "E09000003,LB", 1),
                    encoding="utf-8")
    assert any(p.startswith("councils.csv:3:council_type: 'LB' - expected") and p.endswith(
        "(did you mean 'london_borough'?)") for p in _problems(study_dir))


def test_guard_a_single_letter_is_no_abbreviation():
    from impact.schema import did_you_mean

    assert did_you_mean("R", ["requires_improvement", "good"]) == ""


# --------------------------------------------------------------------------- 6. short transcripts in another language


_SHORT_POLISH = "I: Jak się masz?\nR: Dobrze, dziękuję. Praca idzie lepiej.\n"


def test_a_short_transcript_in_another_language_is_told(study_dir, capsys):
    # On the old code valid without a word: under 20 words of three letters or more, no text was judged.
    from impact.cli import main

    (study_dir / "transcripts" / "301" / "P1-early.txt").write_text(_SHORT_POLISH, encoding="utf-8")
    assert main(["validate", str(study_dir)]) == 0  # told, not refused: five words are a small sample
    assert ("warning: interviews.csv:3:transcript: '301/P1-early.txt' - expected a transcript in English (transcripts/"
            "301/P1-early.txt: only 0% of its 5 words of three letters or more (names aside) are English or Welsh "
            "words (not words: 'się', 'masz', 'dziękuję', ...): impact's coder reads English, so little of it would be "
            "coded; if the interview was held in another language, give its English translation)"
            ) in capsys.readouterr().out


@pytest.mark.parametrize("text", ["I: Anything else?\nR: Yeah it has gone well, thanks.\n",
                                  "I: Who?\nR: MASH referrals went to CSC and the LADO.\n",
                                  "I: Who joined?\nR: Siobhan and Krzysztof joined from Haringey.\n",
                                  "I: Anything else?\nR: No.\n"],
                         ids=["short_answer", "acronyms", "names", "one_word"])
def test_guard_a_short_english_answer_passes_without_a_word(study_dir, capsys, text):
    from impact.cli import main

    (study_dir / "transcripts" / "301" / "P1-early.txt").write_text(text, encoding="utf-8")
    assert main(["validate", str(study_dir)]) == 0
    assert "301/P1-early.txt" not in capsys.readouterr().out

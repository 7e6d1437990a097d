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


# --------------------------------------------------------------------------- new cases: cells merged in a spreadsheet


def _blank_below_first(path, columns, rows=(2, 3)):
    """Blank ``columns`` (by index) on the data lines ``rows`` (0 is the header) of the CSV file ``path``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    for i in rows:
        cells = lines[i].split(",")
        for j in columns:
            cells[j] = ""
        lines[i] = ",".join(cells)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_interviews_with_ids_merged_over_rows_are_named_not_a_traceback(study_dir):
    # On the old code a TypeError ('<' not supported between 'NoneType' and 'str') from the attrition check: the
    # blank participant and council ids of rows 3 and 4 were sorted beside the ids given.
    from .test_inputs_round5 import _problems

    _blank_below_first(study_dir / "interviews.csv", [1, 2])
    merged = ("(blank below {!r} on row 2, as a spreadsheet saves a cell merged over rows 2 to 4: if rows 3 to 4 share "
              "its value, unmerge the cell and fill the value down)")
    assert _problems(study_dir) == [
        f"interviews.csv:{row}:{col}: '' - expected a value ({what}) {merged.format(first)}"
        for row in (3, 4) for col, what, first in [("participant_id", "Who was interviewed.", "P1"),
                                                   ("council_id", "Council (must be the participant's).", "301")]]


def test_a_councils_region_merged_over_rows_says_to_fill_it_down(study_dir):
    # On the old code "councils.csv:3:region: '' - expected a value (DfE region name.)": not that the blanks below
    # 'London' are the shape a merged cell is saved in.
    from .test_inputs_round5 import _problems

    _blank_below_first(study_dir / "councils.csv", [4])
    assert _problems(study_dir) == [
        f"councils.csv:{row}:region: '' - expected a value (DfE region name.) (blank below 'London' on row 2, as a "
        "spreadsheet saves a cell merged over rows 2 to 4: if rows 3 to 4 share its value, unmerge the cell and fill "
        "the value down)" for row in (3, 4)]


def test_guard_a_blank_cell_below_a_blank_one_is_told_plainly(study_dir):
    from .test_inputs_round5 import _problems

    _blank_below_first(study_dir / "councils.csv", [4], rows=(1, 2))
    assert _problems(study_dir) == [f"councils.csv:{row}:region: '' - expected a value (DfE region name.)"
                                    for row in (2, 3)]


# --------------------------------------------------------------------------- new cases: names that look the same


@pytest.mark.parametrize(("name", "told"), [
    ("\u04201-early.txt", "U+0420 CYRILLIC CAPITAL LETTER ER at character 1, which looks like 'P'"),
    ("P1-early\uff0etxt", "U+FF0E FULLWIDTH FULL STOP at character 9, which looks like '.'"),
], ids=["cyrillic_er", "full_width_stop"])
def test_a_transcript_named_with_a_look_alike_letter_says_which(study_dir, name, told):
    # On the old code "expected an existing file transcripts/301/P1-early.txt": the file is there to the eye.
    from .test_inputs_round5 import _problems

    (study_dir / "transcripts" / "301" / "P1-early.txt").rename(study_dir / "transcripts" / "301" / name)
    assert _problems(study_dir) == [
        f"interviews.csv:3:transcript: '301/P1-early.txt' - expected an existing file transcripts/301/P1-early.txt "
        f"(found '301/{name}', a name that looks the same but is not: it holds {told}; rename the file, typing the "
        "name)"]


@pytest.mark.parametrize(("name", "told"), [
    ("councils.\u0441sv", " (U+0441 CYRILLIC SMALL LETTER ES at character 10, which looks like 'c')"),
    ("councils.csv ", " (a space at the end)"), ("councils.csv\u00a0", " (a no-break space at the end)"),
    ("Councils.CSV", "")], ids=["cyrillic_es", "space", "no_break_space", "capitals"])
def test_a_table_named_in_a_way_that_looks_right_says_what_differs(study_dir, name, told):
    # On the old code "found 'councils.csv ': names are exact, lower case, ...": not what differs, where nothing does
    # to the eye; a Cyrillic letter was not found at all.
    from .test_inputs_round5 import _problems

    (study_dir / "councils.csv").rename(study_dir / name)
    assert _problems(study_dir)[0] == (
        f"councils.csv: expected the file councils.csv (One row per council in the study.); found {name!r}{told}: "
        "names are exact, lower case, and a table is read from a CSV file named councils.csv, a workbook named "
        "councils.xlsx, or a sheet named councils of study.xlsx")


# --------------------------------------------------------------------------- new cases: transcript paths out of reach


@pytest.mark.parametrize(("path", "told"), [
    ("https://sharepoint.example/P1-early.docx", "an address (URL)"), ("file:///tmp/P1-early.txt", "an address (URL)"),
    ("~/P1-early.txt", "a home folder ('~')")], ids=["https", "file_url", "home"])
def test_a_transcript_path_out_of_the_study_is_refused_saying_what_it_names(study_dir, path, told):
    # On the old code "expected an existing file transcripts/https://sharepoint.example/P1-early.docx"
    from .test_inputs_round5 import _problems

    p = study_dir / "interviews.csv"
    p.write_text(p.read_text(encoding="utf-8").replace("301/P1-early.txt", path, 1), encoding="utf-8")
    assert _problems(study_dir) == [
        f"interviews.csv:3:transcript: {path!r} - expected a path inside transcripts/ (this names {told}, which impact "
        "does not read: copy the file into the study's transcripts/ folder and write its path there, such as "
        "301/P1-early.txt)"]


def test_a_transcript_path_starting_with_the_folder_says_to_write_it_from_inside(study_dir):
    # On the old code "expected an existing file transcripts/transcripts/301/P1-early.txt", with no word of why
    from .test_inputs_round5 import _problems

    p = study_dir / "interviews.csv"
    p.write_text(p.read_text(encoding="utf-8").replace("301/P1-early.txt", "transcripts/301/P1-early.txt", 1),
                 encoding="utf-8")
    assert _problems(study_dir) == [
        "interviews.csv:3:transcript: 'transcripts/301/P1-early.txt' - expected an existing file "
        "transcripts/transcripts/301/P1-early.txt (paths are written from inside transcripts/: write 301/P1-early.txt)"]


# --------------------------------------------------------------------------- new case: a survey answer with thousands


def test_a_survey_answer_with_a_thousands_separator_is_shown_as_written(study_dir):
    # On the old code "'1000' - expected a whole number from 1 to 5": the file holds '1,000', which a search for
    # 1000 does not find.
    from .test_inputs_round5 import _problems

    p = study_dir / "survey_responses.csv"
    lines = p.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].rsplit(",", 1)[0] + ',"1,000"'
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert _problems(study_dir) == ["survey_responses.csv:2:value: '1,000' - expected a whole number from 1 to 5 (the "
                                    "scale of q_confident; read as 1000)"]


# --------------------------------------------------------------------------- new cases that held


def _docx_transcript(study_dir, body):
    from .test_study_inputs import _docx

    _docx(study_dir / "transcripts" / "301" / "P1-early.docx", body)
    (study_dir / "transcripts" / "301" / "P1-early.txt").unlink()
    p = study_dir / "interviews.csv"
    p.write_text(p.read_text(encoding="utf-8").replace("301/P1-early.txt", "301/P1-early.docx", 1), encoding="utf-8")


def _xlsx_bytes():
    import io

    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["council_id", "name"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize(("make", "told"), [
    (lambda d: (d / "councils.csv").write_bytes(_xlsx_bytes()),
     "councils.csv: expected a readable CSV file (a zip archive (an Excel workbook"),
    (lambda d: (d / "councils.csv").write_text((d / "councils.csv").read_text().replace(",", ";")),
     "councils.csv:1: 'values separated by semicolons' - expected commas"),
    (lambda d: (d / "councils.csv").write_text((d / "councils.csv").read_text().replace(",", "\t")),
     "councils.csv:1: 'values separated by tabs' - expected commas"),
    (lambda d: (d / "indicators.csv").write_text('council_id,period,measure,value,flag\n301,2012-03-31,cin_rate,'
                                                 '"1.234,5",\n'),
     "indicators.csv:2:value: '1.234,5' - expected a number with a decimal point, not a comma, and no thousands "
     "separator (write '1234.5')"),
    (lambda d: (d / "study.yaml").write_text((d / "study.yaml").read_text().replace("nfer_impacts", "/etc/passwd")),
     "study.yaml:3:codebook: '/etc/passwd' - expected a codebook file inside the study folder"),
    (lambda d: ((d.parent / "cb.yaml").write_text("x: 1\n"), (d / "cb.yaml").symlink_to(d.parent / "cb.yaml"),
                (d / "study.yaml").write_text((d / "study.yaml").read_text().replace("nfer_impacts", "cb.yaml"))),
     "study.yaml:3:codebook: 'cb.yaml' - expected a codebook file inside the study folder (no absolute path, '..' or "
     "link)"),
    (lambda d: ((d / "councils.csv").rename(d.parent / "c.csv"), (d / "councils.csv").symlink_to(d.parent / "c.csv")),
     "councils.csv: expected a plain file inside the study folder"),
    (lambda d: _docx_transcript(d, "") or (d / "transcripts" / "301" / "P1-early.docx").write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600),
     "(it is an old-style Office file (.xls or .doc) or one saved with a password (encrypted)"),
    (lambda d: _docx_transcript(d, "") or (d / "transcripts" / "301" / "P1-early.docx").write_bytes(
        b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n"), "(it is a PDF document)"),
    (lambda d: (d / "transcripts" / "301" / "P1-early.txt").write_text(r"{\rtf1\ansi Interviewer: Hi?\par}"),
     "a Rich Text Format document, not text"),
], ids=["xlsx_as_csv", "semicolons", "tabs", "european_number", "codebook_absolute", "codebook_link_out",
        "table_link_out", "doc_as_docx", "pdf_as_docx", "rtf_as_txt"])
def test_guard_files_of_another_kind_or_out_of_the_folder_are_named(study_dir, make, told):
    from .test_inputs_round5 import _problems

    make(study_dir)
    assert any(told in p for p in _problems(study_dir))


def test_guard_text_deleted_with_tracking_is_not_read_in_paragraphs_or_table_rows(tmp_path):
    from impact.study import read_transcript

    from .test_study_inputs import _docx

    deleted = '<w:del w:id="1" w:author="x"><w:r><w:delText>{}</w:delText></w:r></w:del>'
    body = ('<w:p><w:r><w:t xml:space="preserve">Interviewer: It went </w:t></w:r>' + deleted.format("badly")
            + '<w:ins w:id="2" w:author="x"><w:r><w:t>well?</w:t></w:r></w:ins></w:p><w:tbl>'
            '<w:tr><w:trPr><w:del w:id="3" w:author="x"/></w:trPr><w:tc><w:p>' + deleted.format("Respondent")
            + '</w:p></w:tc><w:tc><w:p>' + deleted.format("Gone.") + "</w:p></w:tc></w:tr>"
            "<w:tr><w:tc><w:p><w:r><w:t>Respondent</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Better.</w:t></w:r>"
            "</w:p></w:tc></w:tr></w:tbl>")
    _docx(tmp_path / "t.docx", body)
    assert read_transcript(tmp_path / "t.docx") == "Interviewer: It went well?\nRespondent: Better."


# --------------------------------------------------------------------------- new cases: a percentage with a comma, a blank .docx


@pytest.mark.parametrize(("value", "write"), [("12,5%", "'12.5'"), ("1,234 %", "'1.234' or '1234'")],
                         ids=["decimal_comma", "thousands_or_decimal"])
def test_a_percentage_written_with_a_comma_says_what_to_write(study_dir, value, write):
    # On the old code "'12,5%' - expected a number": the hints for a percentage sign and for a comma each stood
    # alone, and neither was given for both.
    from .test_inputs_round5 import _problems

    (study_dir / "indicators.csv").write_text(f'council_id,period,measure,value,flag\n301,2012-03-31,cin_rate,"{value}",\n',
                                              encoding="utf-8")
    assert _problems(study_dir) == [
        f"indicators.csv:2:value: {value!r} - expected a number (a percentage sign and a comma: write the number alone "
        f"with a decimal point and no thousands separator, {write}, in the unit the column describes)"]


def test_a_docx_without_text_is_not_called_an_empty_file(study_dir):
    # On the old code "(the file is empty)" of a Word document of some kilobytes that holds no text
    from .test_inputs_round5 import _problems

    _docx_transcript(study_dir, "<w:p/>")
    assert _problems(study_dir) == ["interviews.csv:3:transcript: '301/P1-early.docx' - expected a transcript with "
                                    "some text (the file holds no text)"]

"""Hostile inputs, round 31 (helper-inputs31).

Each test is a hostile input the old code got wrong; what it did is said beside the test.  Tests named ``guard``
pin behaviour that held and must keep holding.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from .test_inputs_round5 import _problems
from .test_inputs_round28 import _read_docx

# --------------------------------------------------------------------------- 1. a paragraph mark deleted in Word

_RUN = '<w:r><w:t xml:space="preserve">{}</w:t></w:r>'
_MARK_GONE = '<w:pPr><w:rPr><w:{0} w:id="9" w:author="x" w:date="2025-01-01T00:00:00Z"/></w:rPr></w:pPr>'


@pytest.mark.parametrize("tag", ["del", "moveFrom"])
def test_docx_a_paragraph_mark_deleted_with_tracking_joins_the_two_paragraphs(tmp_path, tag):
    # On the old code two lines, 'Respondent: We rewrote the' and 'threshold document.': Word, the change accepted,
    # shows one paragraph.
    from impact.study import read_transcript

    from .test_study_inputs import _docx

    body = ("<w:p>" + _RUN.format("Interviewer: How has it gone?") + "</w:p>"
            + "<w:p>" + _MARK_GONE.format(tag) + _RUN.format("Respondent: We rewrote the ") + "</w:p>"
            + "<w:p>" + _MARK_GONE.format(tag) + _RUN.format("threshold ") + "</w:p>"
            + "<w:p>" + _RUN.format("document.") + "</w:p>"
            + "<w:p>" + _RUN.format("Interviewer: Thanks.") + "</w:p>")
    _docx(tmp_path / "t.docx", body)
    assert read_transcript(tmp_path / "t.docx").splitlines() == [
        "Interviewer: How has it gone?", "Respondent: We rewrote the threshold document.", "Interviewer: Thanks."]


def test_guard_docx_a_paragraph_mark_inserted_with_tracking_keeps_two_lines(tmp_path):
    from impact.study import read_transcript

    from .test_study_inputs import _docx

    body = ("<w:p>" + _MARK_GONE.format("ins") + _RUN.format("Interviewer: Why?") + "</w:p>"
            + "<w:p>" + _RUN.format("Respondent: The review.") + "</w:p>")
    _docx(tmp_path / "t.docx", body)
    assert read_transcript(tmp_path / "t.docx").splitlines() == ["Interviewer: Why?", "Respondent: The review."]


# --------------------------------------------------------------------------- 2. a whole number written '4.0'


def _set_column(path, column, values):
    """Write ``values`` (data row -> text) into ``column`` of the CSV file ``path``."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    j = rows[0].index(column)
    for i, text in values.items():
        rows[i][j] = text
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def test_a_scale_answer_written_with_a_point_and_zeros_is_read_and_said(study_dir, capsys):
    # On the old code '4.0' and '2.00' were read as 4 and 2 without a word.
    from impact.cli import main
    from impact.study import load_study

    path = study_dir / "survey_responses.csv"
    _set_column(path, "value", {1: "4.0", 2: "2.00"})
    assert main(["validate", str(study_dir)]) == 0
    out = capsys.readouterr().out
    assert ("survey_responses.csv:2:value: '4.0' - expected a whole number without a decimal point (2 cells in column "
            "value, on rows 2, 3, are written with a decimal point, as a spreadsheet or pandas saves whole numbers in "
            "a column with blanks: read as whole numbers, '4.0' as 4)") in out
    values = load_study(study_dir).survey_responses["value"]
    assert list(values) == [4, 2]


def test_guard_a_scale_answer_with_a_fraction_is_refused_naming_row_and_column(study_dir):
    path = study_dir / "survey_responses.csv"
    _set_column(path, "value", {2: "4.5"})
    assert [p for p in _problems(study_dir) if ":value:" in p] == [
        "survey_responses.csv:3:value: '4.5' - expected a whole number from 1 to 5 (the scale of q_confident)"]


def test_guard_an_id_written_as_a_float_is_refused_with_the_fix(study_dir):
    path = study_dir / "councils.csv"
    _set_column(path, "council_id", {1: "301.0"})
    assert _problems(study_dir)[0].startswith(
        "councils.csv:2:council_id: '301.0' - expected a DfE three-digit local authority number, as text (e.g. 301) "
        "(301.0 is 301 with a decimal point, as a spreadsheet or program saves a number it was not told is text: "
        "write 301)")


# --------------------------------------------------------------------------- 3. blank rows in a table


@pytest.mark.parametrize("blank", ["", ",,,,,,", " , ,"], ids=["empty_line", "commas", "spaces"])
def test_blank_rows_in_the_middle_of_a_table_are_said_and_the_rows_below_read(study_dir, capsys, blank):
    # On the old code the blank rows were passed over without a word.
    from impact.cli import main
    from impact.study import load_study

    path = study_dir / "interviews.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    n = len(lines) - 1
    lines[3:3] = [blank, blank]
    lines.insert(8, blank)
    path.write_text("\n".join(lines) + "\n\n\n", encoding="utf-8")  # blank lines at the end: no data after them
    assert main(["validate", str(study_dir)]) == 0
    out = capsys.readouterr().out
    assert ("warning: interviews.csv:4: expected no blank rows between rows of data (3 blank rows, rows 4, 5, 9, not "
            "read: nothing in them to read; the rows below them are read)") in out
    assert len(load_study(study_dir).interviews) == n


# --------------------------------------------------------------------------- 4. a table of figures with a note


@pytest.mark.parametrize("rows", [
    [("Sarah Jones", "12 cases (two new this week)"), ("Tom Price", "15 cases"), ("Amy Lee", "9 cases"),
     ("Sarah Jones", "20 cases")],
    [("Sarah Jones", "12 open cases"), ("Tom Price", "15 open cases - 2 unallocated"), ("Sarah Jones", "14 open cases"),
     ("Tom Price", "3 open cases"), ("Amy Lee", "4 open cases [agency]")],
], ids=["round_brackets", "dash_and_square_brackets"])
def test_docx_a_table_of_figures_by_person_with_a_note_in_a_cell_is_read_whole(tmp_path, rows):
    # On the old code read as turns ('Sarah Jones: 12 cases (two new this week)'): one note in a cell and the
    # caseloads were speech, Sarah Jones the interviewer.
    text, speakers = _read_docx(tmp_path, rows)
    assert text.splitlines() == [" ".join(r) for r in rows]
    assert speakers == ["respondent"]


def test_guard_docx_figures_each_with_a_note_are_turns(tmp_path):
    # notes on most rows are more than figures: answers, kept with their labels
    rows = [("Sarah Jones", "12 cases (mostly new)"), ("Tom Price", "15 cases (as last year)"),
            ("Sarah Jones", "20 cases - more than before"), ("Tom Price", "14 cases")]
    text, speakers = _read_docx(tmp_path, rows)
    assert text.splitlines() == [f"{a}: {b}" for a, b in rows]
    assert len(speakers) == len(rows)


# --------------------------------------------------------------------------- 5. a merged cell's shape in a workbook


def _review_book(tmp_path):
    from impact.review import export_review
    from tests.test_review import CODES

    texts = ["We felt valued.", "The plan changed.", "Partners met monthly.", "We learned a lot."]
    starts = [0, 16, 34, 56]
    segments = pd.DataFrame({"segment_id": [f"I1:{i}" for i in range(1, 5)], "interview_id": "I1", "start": starts,
                             "end": [s + len(t) for s, t in zip(starts, texts)], "text": texts})
    coded = pd.DataFrame({"unit": segments["segment_id"], "code": "morale", "score": [0.5, 0.6, 0.7, 0.8],
                          "negated": False, "hedged": False, "attribution": "", "start": starts,
                          "end": [s + 3 for s in starts]})
    return export_review(segments, coded=coded, path=tmp_path / "review.xlsx", codebook=CODES, reviewer="ann")


@pytest.mark.parametrize(("decisions", "codes", "blank", "first", "expected"), [
    (["other", "", ""], ["learning"] * 3, "decision", "other", "a decision (other_code is 'learning')"),
    (["other"] * 3, ["learning", "", ""], "other_code", "learning", "a code id (decision is 'other')"),
], ids=["decision", "other_code"])
def test_a_review_workbook_value_in_the_first_row_of_a_group_says_merged(tmp_path, decisions, codes, blank, first,
                                                                         expected):
    # On the old code the decision rows were told "other_code: 'learning' - expected blank unless decision is
    # 'other'", the code rows "expected a code id (decision is 'other')": not that the shape is a merged cell's, as
    # the CSV tables of a study are told (round 30).
    from openpyxl import load_workbook

    from impact.errors import ValidationError
    from impact.review import REVIEW_COLUMNS, import_review

    path = _review_book(tmp_path)
    book = load_workbook(path)
    sheet = book["review"]
    col = {name: i + 1 for i, name in enumerate(REVIEW_COLUMNS)}
    for row, (d, c) in enumerate(zip(decisions, codes), start=2):
        sheet.cell(row, col["decision"], d or None)
        sheet.cell(row, col["other_code"], c or None)
    book.save(path)
    with pytest.raises(ValidationError) as info:
        import_review(path)
    hint = (f" (blank below {first!r} on row 2, as a spreadsheet saves a cell merged over rows 2 to 4: if rows 3 to 4 "
            "share its value, unmerge the cell and fill the value down)")
    assert [str(p) for p in info.value.problems] == [
        f"review.xlsx (sheet 'review'):{row}:{blank}: '' - expected {expected}{hint}" for row in (3, 4)]


def test_a_blank_row_in_a_review_workbook_is_said_and_the_rows_below_read(tmp_path):
    # On the old code passed over without a word.
    from openpyxl import load_workbook

    from impact.errors import ImpactWarning
    from impact.review import REVIEW_COLUMNS, import_review

    path = _review_book(tmp_path)
    book = load_workbook(path)
    sheet = book["review"]
    sheet.protection.sheet = False
    sheet.insert_rows(3)
    sheet.cell(5, REVIEW_COLUMNS.index("decision") + 1, "accept")
    book.save(path)
    with pytest.warns(ImpactWarning, match=r"review.xlsx \(sheet 'review'\):3: expected no blank rows between rows of "
                                           r"data \(1 blank row, row 3, not read"):
        decided = import_review(path)
    assert list(decided["sheet_row"]) == [5]


# --------------------------------------------------------------------------- new cases


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_transcripts_file_in_place_of_the_folder_is_said_once(study_dir):
    # On the old code one "expected an existing file transcripts/301/P1-expectations.txt" for each of the 10 rows,
    # with no word that transcripts is a file.
    import shutil

    shutil.rmtree(study_dir / "transcripts")
    (study_dir / "transcripts").write_text("notes\n", encoding="utf-8")
    assert _problems(study_dir) == ["transcripts/: expected a folder holding the 10 transcripts that interviews.csv "
                                    "names, inside the study folder (transcripts is a file, not a folder)"]


@pytest.mark.parametrize(("old", "new", "told"), [
    ("    q_confident:", "\tq_confident:", "study.yaml:6: expected a readable study.yaml (not valid YAML (found character '\\t' that cannot start any "
     "token: a tab (column 1), where YAML indents with spaces only: replace the tab with spaces)"),
    ("name: Tiny study", "<<: {name: Tiny study}", "study.yaml:2: expected a readable study.yaml (not valid YAML (could not determine a constructor "
     "for the tag 'tag:yaml.org,2002:merge': a merge key (<<), which copies keys from elsewhere and is not read: "
     "write the keys out in full)"),
    ("name: Tiny study", "name: !!python/object/apply:os.system ['true']", "a tag (!!name or !name), which is not "
     "read: write the value as plain text, in quotes if need be)"),
    ("codebook: nfer_impacts", "codebook: nfer_impacts\n---\nname: again",
     "not valid YAML (but found another document: a second document after a '---' line, where one is read: take out "
     "the '---' line, or what follows it)"),
], ids=["tab", "merge_key", "python_tag", "second_document"])
def test_yaml_a_parser_complaint_is_said_in_the_editor_s_words(study_dir, old, new, told):
    # On the old code the parser's words alone ("found character '\t' that cannot start any token", "could not
    # determine a constructor for the tag 'tag:yaml.org,2002:merge'"): not what to change.
    _edit(study_dir / "study.yaml", old, new)
    assert told in _problems(study_dir)[0]


@pytest.mark.parametrize(("mark", "said"), [(b"\xef\xbb\xbf", "a UTF-8"), (b"\xff\xfe", "a UTF-16")],
                         ids=["utf8", "utf16"])
def test_a_transcript_holding_only_a_byte_order_mark_is_not_called_empty(study_dir, mark, said):
    # On the old code "(the file is empty)" of a file of 3 bytes.
    (study_dir / "transcripts" / "301" / "P1-early.txt").write_bytes(mark)
    assert _problems(study_dir) == [
        f"interviews.csv:3:transcript: '301/P1-early.txt' - expected a transcript with some text (the file holds only "
        f"{said} byte-order mark, the mark an editor writes at the start of a file, and no text: was the transcript "
        "saved before it was pasted in?)"]


def test_a_date_that_reads_either_way_is_read_day_first_and_said(study_dir, capsys):
    # On the old code '03/04/2011' was read as 3 April without a word; US settings save 4 March so.
    from impact.cli import main
    from impact.study import load_study

    path = study_dir / "interviews.csv"
    _edit(path, "2011-03-01", "03/04/2011")
    _edit(path, "2011-08-15", "15/08/2011")  # only day first: no note
    assert main(["validate", str(study_dir)]) == 0
    out = capsys.readouterr().out
    assert ("warning: interviews.csv:2:date: '03/04/2011' - expected a date as YYYY-MM-DD (1 date in column date, on "
            "row 2, is written day/month/year with a day of 12 or less, and read day first, as UK settings save "
            "dates: '03/04/2011' as 2011-04-03; saved with US settings it would be 2011-03-04: write YYYY-MM-DD to be "
            "sure)") in out
    assert "15/08/2011" not in out
    assert str(load_study(study_dir).interviews["date"].iloc[0].date()) == "2011-04-03"


@pytest.mark.parametrize(("old", "new", "told"), [
    ("      - 5", "      - 5.0", "study.yaml:8:survey.items.q_confident.scale: '[1, 5.0]' - expected [min, max], whole "
     "numbers from -1000 to 1000, min < max (5.0 is written with a decimal point, which YAML reads as a decimal, not "
     "a whole number: write 5)"),
    ("codebook:", "seed: 4.0\ncodebook:", "study.yaml:3:seed: '4.0' - expected a whole number from 0 to 4,294,967,295 "
     "(4.0 is written with a decimal point, which YAML reads as a decimal, not a whole number: write 4)"),
], ids=["scale", "seed"])
def test_yaml_a_whole_number_written_with_a_point_says_so(study_dir, old, new, told):
    # On the old code "expected [min, max], whole numbers ..." of '[1, 5.0]', with no word of the point, where the
    # tables' '4.0' is read (fault 2): study.yaml is typed by hand, so it is refused with the fix.
    _edit(study_dir / "study.yaml", old, new)
    assert _problems(study_dir) == [told]


# --------------------------------------------------------------------------- new cases that held

_BOMB = "".join(f"{a}: &{a} [{', '.join([f'*{b}'] * 9)}]\n" for a, b in zip("bcdefgh", "abcdefg"))


@pytest.mark.parametrize(("make", "told"), [
    (lambda d: _edit(d / "study.yaml", "codebook:", "name: Again\ncodebook:"),
     "study.yaml:3: expected a readable study.yaml (the key 'name' is given twice (first on line 2) - expected each key once)"),
    (lambda d: _edit(d / "study.yaml", "name: Tiny study", "name: &n Tiny study\ndescription: *n"),
     "study.yaml:3: expected a readable study.yaml (YAML aliases (*name) are not allowed - write the value out in full)"),
    (lambda d: _edit(d / "study.yaml", "format_version: 1", "format_version: 1\na: &a [x, x, x, x, x, x, x, x, x]\n"
                     + _BOMB.rstrip("\n")), "YAML aliases (*name) are not allowed"),
    (lambda d: _edit(d / "study.yaml", "codebook:", "waves:\n- {id: expectations, label: E, window_days: [-120, 0]}\n"
                     "- {id: early, label: Early, window_days: [60, 200]}\n- {id: early, label: Again, window_days: "
                     "[60, 200]}\ncodebook:"), "study.yaml:6:waves[2].id: 'early' - expected each wave id once"),
    (lambda d: _edit(d / "interviews.csv", "2011-03-01", "2011-13-01"),
     "interviews.csv:2:date: '2011-13-01' - expected a date as YYYY-MM-DD (there is no month 13)"),
    (lambda d: _edit(d / "interviews.csv", "2011-03-01", "40603"),
     "interviews.csv:2:date: '40603' - expected a date as YYYY-MM-DD (it looks like an Excel date serial number: "
     "40603 is 2011-03-01; format the column as a date, YYYY-MM-DD, before saving)"),
    (lambda d: _edit(d / "interviews.csv", "2011-03-01", "2011-02-29"), "(2011-02 has no day 29)"),
    (lambda d: _edit(d / "reviews.csv", ",8\n", ",45%\n"),
     "reviews.csv:2:n_recommendations: '45%' - expected a whole number (a percentage sign: write the number alone, "
     "in the unit the column describes)"),
    (lambda d: _edit(d / "reviews.csv", ",8\n", ",-3\n"),
     "reviews.csv:2:n_recommendations: '-3' - expected a whole number from 0 to 1,000"),
    (lambda d: (d / "councils.csv").write_bytes((d / "councils.csv").read_text(encoding="utf-8").encode("utf-16-le")),
     "(it looks like UTF-16 text without a byte-order mark, little-endian: save it as UTF-8)"),
    # a table is read from its own workbook, councils.xlsx, since inputs60: a CSV file under that name is no workbook
    (lambda d: (d / "councils.csv").rename(d / "councils.xlsx"), "councils.xlsx: expected a readable .xlsx workbook "
     "(it is a text file (a CSV or plain text with another file's extension?), not a zip archive)"),
], ids=["yaml_key_twice", "yaml_alias", "yaml_alias_bomb", "wave_twice", "month_13", "excel_serial", "feb_29",
        "percent_count", "negative_count", "utf16_without_mark", "xlsx_table"])
def test_guard_hostile_study_files_are_named(study_dir, make, told):
    make(study_dir)
    assert any(told in p for p in _problems(study_dir))


def test_guard_a_csv_in_utf16_with_its_mark_is_read(study_dir):
    from impact.study import load_study

    path = study_dir / "councils.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    assert list(load_study(study_dir).councils["council_id"]) == ["301", "302", "880"]


def test_guard_a_study_folder_that_is_a_file_is_refused(tmp_path):
    from ._util import cli_here, refused

    (tmp_path / "study").write_text("x\n", encoding="utf-8")
    refused(cli_here("validate", str(tmp_path / "study"), cwd=tmp_path), "a file, not a study folder")


def test_guard_a_docx_transcript_of_one_table_and_no_paragraph_is_read(tmp_path):
    from impact.study import read_transcript

    from .test_study_inputs import _docx, _row

    _docx(tmp_path / "t.docx", "<w:tbl>" + _row("Interviewer", "How has it gone?") + _row("Respondent", "Better.")
          + "</w:tbl>")
    assert read_transcript(tmp_path / "t.docx") == "Interviewer: How has it gone?\nRespondent: Better."


@pytest.mark.parametrize("filtered", [False, True], ids=["hidden", "filtered_out"])
def test_a_hidden_row_of_a_review_workbook_is_read_and_said(tmp_path, filtered):
    # On the old code a decision in a hidden or filtered-out row was read without a word: one the reviewer may not
    # have seen when saving.
    from openpyxl import load_workbook

    from impact.errors import ImpactWarning
    from impact.review import REVIEW_COLUMNS, import_review

    path = _review_book(tmp_path)
    book = load_workbook(path)
    sheet = book["review"]
    decision = REVIEW_COLUMNS.index("decision") + 1
    sheet.cell(2, decision, "accept")
    sheet.cell(3, decision, "reject")
    if filtered:
        sheet.auto_filter.ref = "A1:M5"
    sheet.row_dimensions[3].hidden = True
    book.save(path)
    with pytest.warns(ImpactWarning, match=r"review.xlsx \(sheet 'review'\): 1 row hidden or filtered out \(row 3\) "
                                           "read as the others are: show it to check what it holds"):
        decided = import_review(path)
    assert list(decided["decision"]) == ["accept", "reject"]


def test_a_hidden_review_sheet_is_read_and_said(tmp_path):
    # Before, a review sheet hidden by the reviewer (its decisions perhaps never looked at when saving) was read
    # without a word; impact's own hidden copy of the exported cells ('veryHidden') says nothing.
    from openpyxl import load_workbook

    from impact.errors import ImpactWarning
    from impact.review import REVIEW_COLUMNS, import_review

    path = _review_book(tmp_path)
    book = load_workbook(path)
    book["review"].cell(2, REVIEW_COLUMNS.index("decision") + 1, "accept")
    book.save(path)
    with warnings.catch_warnings():
        warnings.simplefilter("error", ImpactWarning)
        assert list(import_review(path)["decision"]) == ["accept"]  # shown: no word
    book = load_workbook(path)
    book.create_sheet("notes")  # a workbook needs one sheet shown
    book["review"].sheet_state = "hidden"
    book.save(path)
    with pytest.warns(ImpactWarning, match=r"review.xlsx \(sheet 'review'\): the sheet is hidden; its \d+ rows? read "
                                           r"as a shown sheet's are: unhide it"):
        decided = import_review(path)
    assert list(decided["decision"]) == ["accept"]


@pytest.mark.parametrize(("typed", "held"), [("\uff12", "U+FF12 FULLWIDTH DIGIT TWO"),
                                             ("\u0662", "U+0662 ARABIC-INDIC DIGIT TWO")],
                         ids=["full_width", "arabic_indic"])
def test_a_scale_answer_typed_in_digits_of_another_width_says_which(study_dir, typed, held):
    # On the old code "'２' - expected a whole number from 1 to 5": the answer looks like 2.
    _set_column(study_dir / "survey_responses.csv", "value", {1: typed})
    assert _problems(study_dir) == [
        f"survey_responses.csv:2:value: {typed!r} - expected a whole number (it holds {held}, a digit of another "
        "width or script, which is not read as one: write '2')"]

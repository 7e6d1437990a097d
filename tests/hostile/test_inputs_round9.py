"""Hostile inputs, round 9 (helper-inputs9).

Each test is a hostile input: where the old code did something wrong the test fails on it (what it did is said
beside the test); the others guard what the old code already did right (marked "guard").
"""

from __future__ import annotations

import pandas as pd
import pytest

from impact.errors import InputError, ValidationError

from .test_inputs_round5 import _replace
from .test_inputs_round8 import _errors, _tables, _texts

_CLOSE = "expected a closing '\"' for the quoted value that starts here"


# --------------------------------------------------------------------------- 1. an unclosed quote swallowing rows


@pytest.mark.parametrize("later", [
    "",  # the quote runs on to the end of the file
    '"South West"',  # the quote is closed by the opening quote of a later value
])
def test_an_unclosed_quote_in_the_middle_of_a_table_is_one_problem_at_the_row_where_it_opens(later, study_dir):
    # On the old code the Barnet row was read with Torbay's row inside its name: "2 cells - expected 5", a missing
    # council_type and region, and 880 "expected a council_id listed in councils.csv" in 4 other tables (8 errors).
    _replace(study_dir / "councils.csv", "302,Barnet,", '302,"Barnet,')
    if later:
        _replace(study_dir / "councils.csv", ",South West", f",{later}")
    problems = _errors(study_dir)
    assert len(problems) == 1, problems
    assert problems[0].startswith("councils.csv:3:name: '\"Barnet,E09000003,london_borough,London' - " + _CLOSE)
    assert "swallows 1 line that looks like rows of the table" in problems[0]


def test_the_rows_after_an_unclosed_quote_are_read_as_rows(study_dir):
    # The swallowed line is read as the row it is: Torbay is a council of the study again, its rows are checked.
    _replace(study_dir / "councils.csv", "302,Barnet,", '302,"Barnet,')
    _replace(study_dir / "councils.csv", "880,Torbay,E06000027,unitary", "880,Torbay,E06000027,unitry")
    problems = _errors(study_dir)
    assert [p.split(" - ")[0] for p in problems] == [
        "councils.csv:3:name: '\"Barnet,E09000003,london_borough,London'", "councils.csv:4:council_type: 'unitry'"]


def test_a_value_over_two_lines_holding_commas_is_no_unclosed_quote(study_dir):
    # Guard: a closed value over lines, one holding fewer commas than a row, is read as written.
    from impact.study import load_study

    _replace(study_dir / "status_history.csv", "DfE letter", '"DfE letter, signed\nby the minister"')
    assert "DfE letter, signed\nby the minister" in set(load_study(study_dir).status_history["source"])


def test_an_unclosed_quote_in_supplied_codings_names_its_row(study_dir, tmp_path):
    # On the old code pandas read the rest of the file into one attribution: 'P1-early,learning' was part of the
    # value and the coding of learning was lost, without a word.
    from impact.codings import read_codings
    from impact.study import load_study

    (tmp_path / "c.csv").write_text('interview_id,code,attribution\nP1-early,morale,"Ofsted visit\n'
                                    'P1-early,learning,\nP2-early,morale,\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"c\.csv:2:attribution: '\"Ofsted visit' - expected a closing '\"' for the "
                                         r"quoted value that starts here .*swallows 2 lines that look like rows"):
        read_codings(tmp_path / "c.csv", load_study(study_dir))


# --------------------------------------------------------------------------- 2. yes/no in a date column


@pytest.mark.parametrize("value", ["TRUE", "no", "WAHR"])
def test_a_yes_no_value_in_a_date_column_says_so(value, study_dir):
    # On the old code: "expected a date as YYYY-MM-DD", nothing more (number columns got a hint in round 8).
    _replace(study_dir / "interviews.csv", "2011-08-15", value)
    assert _errors(study_dir) == [
        f"interviews.csv:3:date: {value!r} - expected a date as YYYY-MM-DD ({value} is a yes/no value, where this "
        "column expects a date: write the date as YYYY-MM-DD, or leave the cell blank where none is known)"]


def test_a_yes_no_value_given_to_study_in_a_date_column_says_so(tiny_study):
    # On the old code: "expected a date (a bool was given)".
    from impact.study import Study

    tables = _tables(tiny_study)
    interviews = tables["interviews"].astype({"date": object})
    interviews.loc[1, "date"] = True
    with pytest.raises(ValidationError) as info:
        Study(tiny_study.meta, {**tables, "interviews": interviews}, _texts(tiny_study))
    assert [str(p) for p in info.value.problems] == [
        "interviews.csv:3:date: 'True' - expected a date (True is a yes/no value, where this column expects a date: "
        "write the date as YYYY-MM-DD, or leave the cell blank where none is known)"]


# --------------------------------------------------------------------------- 3. a list item holding the separator


def test_a_list_item_holding_the_list_separator_is_refused(tiny_study):
    # On the old code ["outcomes;vision_strategy_leadership"] was held as two themes: the item split without a word.
    from impact.study import Study

    tables = _tables(tiny_study)
    reviews = tables["reviews"].copy()
    reviews["themes"] = reviews["themes"].astype(object)
    first = reviews.loc[0, "themes"]
    reviews.at[0, "themes"] = ["outcomes;vision_strategy_leadership"]
    reviews.at[1, "themes"] = ["outcomes", "vision_strategy_leadership"]  # guard: two items given as two
    reviews.at[2, "themes"] = "outcomes;vision_strategy_leadership"  # guard: a file's own text, two items
    with pytest.raises(ValidationError) as info:
        Study(tiny_study.meta, {**tables, "reviews": reviews}, _texts(tiny_study))
    assert [str(p) for p in info.value.problems] == [
        "reviews.csv:2:themes: 'outcomes;vision_strategy_leadership' - expected list items without ';', which "
        "separates the items of a list (item 1 of 1: a study file would read it as 2 items, 'outcomes' and "
        "'vision_strategy_leadership'): give each item as an item of its own"]  # the item alone (round 10)
    assert first is not None


# --------------------------------------------------------------------------- 4. rows of coded files


_HOSTILE_LAYOUT = ("interview_id,code,attribution\n"
                   "P1-early,morale,\"Ofsted\nvisit\"\n"  # a value over two lines: one row as a spreadsheet shows it
                   "\n"  # a blank line: a row of a spreadsheet
                   "P1-early,{bad},\n")


def test_rows_of_a_coded_file_are_counted_as_the_study_tables_count_them(study_dir, tmp_path):
    # On the old code the unknown code was on "c.csv:3" (data row 2, plus 2), where a spreadsheet and the study
    # tables say row 4 (the file's line 5).
    from impact.codings import read_codings
    from impact.study import load_study

    (tmp_path / "c.csv").write_text(_HOSTILE_LAYOUT.format(bad="morael"), encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        read_codings(tmp_path / "c.csv", load_study(study_dir), codes=["morale", "learning"])
    (problem,) = [str(p) for p in info.value.problems]
    assert problem.startswith("c.csv:4:code: 'morael'")
    # the same layout in a study table: the same row number
    f = study_dir / "status_history.csv"
    header, first, *rest = f.read_text(encoding="utf-8").split("\n")
    f.write_text("\n".join([header, first.replace("DfE letter", '"DfE\nletter"'), "", rest[0].replace(",", ",X", 1),
                            *rest[1:]]), encoding="utf-8")
    assert [p.split(":")[:2] for p in _errors(study_dir)] == [["status_history.csv", "4"]]


def test_rows_of_a_coded_file_after_a_row_left_out_for_present_false_keep_their_numbers(tiny_study):
    # A review's decisions with present False are left out before the rows are checked: the rows after keep theirs.
    from impact.codings import as_codings

    data = pd.DataFrame({"interview_id": ["P1-early", "P1-early"], "code": ["morale", "morael"],
                         "present": [False, True]})
    with pytest.raises(ValidationError) as info:
        as_codings(data, tiny_study, codes=["morale"], source="r.xlsx")
    assert [str(p).split(" - ")[0] for p in info.value.problems] == ["r.xlsx:3:code: 'morael'"]


# --------------------------------------------------------------------------- 5. codings with no coder named


def test_codings_with_no_coder_column_leave_the_coder_unnamed(study_dir, tmp_path):
    # On the old code the coder was named after the file ("c"), and analyse() recorded one coder: the report said
    # "one coder, whose codings the user supplied", of a file that does not say how many people coded.
    from impact.codings import read_codings
    from impact.pipeline import analyse
    from impact.study import load_study

    study = load_study(study_dir)
    (tmp_path / "c.csv").write_text("interview_id,code\nP1-early,morale\nP3-early,learning\n", encoding="utf-8")
    codings = read_codings(tmp_path / "c.csv", study)
    assert set(codings["coder"]) == {""}
    f = analyse(study, coded=tmp_path / "c.csv", parts=(), n_resamples=99)
    assert f.coding["coders"] == []
    assert f.coding["description"].startswith("codings supplied by the user (coders not named)")
    # guard: a coder column names them, counted
    (tmp_path / "d.csv").write_text("interview_id,code,coder\nP1-early,morale,ann\nP3-early,learning,bo\n",
                                    encoding="utf-8")
    f = analyse(study, coded=tmp_path / "d.csv", parts=(), n_resamples=99)
    assert f.coding["coders"] == ["ann", "bo"]
    assert f.coding["description"].startswith("codings supplied by the user (2 coders)")


# --------------------------------------------------------------------------- more hostile coded files


def _read(tmp_path, study_dir, text):
    from impact.codings import read_codings
    from impact.study import load_study

    (tmp_path / "c.csv").write_text(text, encoding="utf-8")
    return read_codings(tmp_path / "c.csv", load_study(study_dir), codes=["morale", "learning"])


@pytest.mark.parametrize(("text", "problem"), [
    # On the old code each was read without a word: a span past the end of its transcript (offsets of another
    # file), a start with no end (a span of one end), a unit that is a segment of another interview than the row's.
    ("interview_id,start,end,code\nP1-early,0,99999,morale\n",
     "c.csv:2:end: '99999' - expected an offset within the transcript of P1-early ({n:,} characters, counted as code "
     "points)"),
    ("interview_id,code,start\nP1-early,morale,3\n",
     "c.csv:2:end: '' - expected an end offset as well (start is 3): a span has both, a coding of the whole interview "
     "neither"),
    ("interview_id,code,start,end\nP1-early,morale,,5\n",
     "c.csv:2:start: '' - expected a start offset as well (end is 5): a span has both, a coding of the whole "
     "interview neither"),
    ("unit,interview_id,code\nP2-early:1,P1-early,morale\n",
     "c.csv:2:unit: 'P2-early:1' - expected a segment of the row's interview, P1-early (P1-early:<n>), or the "
     "interview id itself"),
])
def test_spans_and_units_that_cannot_be_right_are_refused(text, problem, study_dir, tmp_path, tiny_study):
    n = len(tiny_study.transcript("P1-early"))  # the transcript as the study holds it, counted independently
    with pytest.raises(ValidationError) as info:
        _read(tmp_path, study_dir, text)
    assert [str(p) for p in info.value.problems] == [problem.format(n=n)]


def test_a_span_to_the_end_of_its_transcript_is_read(study_dir, tmp_path, tiny_study):
    # Guard: the end is exclusive, so an end at the transcript's length is its last character.
    n = len(tiny_study.transcript("P1-early"))
    got = _read(tmp_path, study_dir, f"interview_id,start,end,code\nP1-early,0,{n},morale\n")
    assert list(got["end"]) == [n]


def test_a_column_named_in_another_case_is_named(study_dir, tmp_path):
    # On the old code: "codings need a `code` column; the columns are ['Interview_ID', 'Code']", nothing more.
    with pytest.raises(InputError, match=r"the columns are \['Interview_ID', 'Code'\] \(found 'Code': column names "
                                         r"are exact, lower case\)$"):
        _read(tmp_path, study_dir, "Interview_ID,Code\nP1-early,morale\n")


def test_codings_with_some_coders_named_record_the_unnamed_ones(study_dir, tmp_path):
    # A coder column blank on some rows: the named coders are counted, and the rows of no named coder said.
    from impact.pipeline import analyse
    from impact.study import load_study

    (tmp_path / "c.csv").write_text("interview_id,code,coder\nP1-early,morale,ann\nP3-early,learning,\n",
                                    encoding="utf-8")
    f = analyse(load_study(study_dir), coded=tmp_path / "c.csv", parts=(), n_resamples=99)
    assert (f.coding["coders"], f.coding["coders_unnamed"]) == (["ann"], True)
    assert f.coding["description"].startswith("codings supplied by the user (1 coder and codings of coders not named)")


# --------------------------------------------------------------------------- more hostile review workbooks


@pytest.fixture
def review_xlsx(coded_file, study_dir, tmp_path, capsys):
    from .test_inputs_round8 import review_xlsx as exported

    return exported.__wrapped__(coded_file, study_dir, tmp_path, capsys)


def _refused(review_xlsx, change) -> list[str]:
    from impact.review import import_review

    from .test_inputs_round8 import _filled

    with pytest.raises(ValidationError) as info:
        import_review(_filled(review_xlsx, change))
    return [str(p) for p in info.value.problems]


def test_a_header_row_deleted_is_one_problem(review_xlsx):
    # On the old code: 14 problems, one per column ("expected the column header 'row_id' unchanged", ...), of a row
    # of data read as the header, the header row itself gone.
    def change(wb, ws, col):
        ws.delete_rows(1)

    (problem,) = _refused(review_xlsx, change)
    assert problem.startswith("filled.xlsx (sheet 'review'):1: 'r00001, ")
    assert problem.endswith("row 1 holds no column header of the exported sheet (the header row was deleted?) - undo "
                            "the change, or export the workbook again")


def test_a_column_inserted_is_one_problem_not_one_per_cell(review_xlsx):
    # On the old code: 56 problems, each exported column "renamed" and each row's cells judged under the column to
    # their right (a decision read from the text column, a read-only column "edited").
    def change(wb, ws, col):
        ws.insert_cols(1)
        ws.cell(1, 1, "my notes")
        ws.cell(2, 1, "checked")
        ws.cell(2, col["decision"] + 1, "accept")

    (problem,) = _refused(review_xlsx, change)
    assert problem.startswith("filled.xlsx (sheet 'review'):1: 'my notes, row_id, unit, ")
    assert "(a column was inserted, deleted or moved) - undo the change, or export the workbook again" in problem


def test_a_header_renamed_in_place_is_still_one_problem_per_header(review_xlsx):
    # Guard: a header renamed where it stands is named by its column; the rows are read.
    def change(wb, ws, col):
        ws.cell(1, col["notes"], "Notes")

    assert _refused(review_xlsx, change) == ["filled.xlsx (sheet 'review'):1:N (notes): 'Notes' - expected the column "
                                             "header 'notes' unchanged (columns must not be renamed, moved or deleted)"]


@pytest.mark.parametrize("value", ["yes", "TRUE", "no"])
def test_a_yes_no_decision_says_what_to_write(value, review_xlsx):
    # On the old code: "expected one of accept, reject, other", nothing more.
    def change(wb, ws, col):
        ws.cell(2, col["decision"], value)

    assert _refused(review_xlsx, change) == [
        f"filled.xlsx (sheet 'review'):2:decision: {value!r} - expected one of accept, reject, other ({value} is a "
        "yes/no value, where this column expects accept, reject or other: write accept if the code is right, reject "
        "if it is not, or leave the cell blank where none is known)"]


def test_rows_sorted_and_a_row_copied_with_another_decision(review_xlsx):
    # Guard: rows sorted by the reviewer are read by their ids; a row copied is one problem naming both rows.
    from impact.review import import_review

    from .test_inputs_round8 import _filled

    def sort(wb, ws, col):
        rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
        for i, r in enumerate(reversed(rows)):
            for j, v in enumerate(r):
                ws.cell(i + 2, j + 1, v)
        ws.cell(2, col["decision"], "reject")

    last = [c.value for c in next(iter(__import__("openpyxl").load_workbook(review_xlsx)["review"].iter_rows(
        min_row=21, max_row=21)))]
    decisions = import_review(_filled(review_xlsx, sort))
    assert list(decisions[["unit", "code", "decision"]].itertuples(index=False, name=None)) == [
        (last[1], last[2], "reject")]

    def copy(wb, ws, col):
        ws.cell(2, col["decision"], "accept")
        ws.insert_rows(3)
        for j in range(1, ws.max_column + 1):
            ws.cell(3, j, ws.cell(2, j).value)
        ws.cell(3, col["decision"], "reject")

    assert _refused(review_xlsx, copy) == [
        "filled.xlsx (sheet 'review'):3:row_id: 'r00001' - expected each row once (row 2 has the same id)"]


def test_a_row_cut_short_before_its_code_is_no_interview_found_to_hold_none(study_dir, tmp_path):
    # On the old code "P1-early" alone in a file of three columns was padded with empty cells and read as "an
    # interview checked and found to hold no code", a finding, without a word.
    with pytest.raises(ValidationError) as info:
        _read(tmp_path, study_dir, "interview_id,code,attribution\nP1-early,morale,\nP3-early\n")
    assert [str(p) for p in info.value.problems] == [
        "c.csv:3:code: '' - expected a code, or the row written out with its empty cells (interview_id, code, "
        "attribution): a row cut short before its code is not read as an interview checked and found to hold none"]
    # guard: the row written out with its empty cells is such a finding
    got = _read(tmp_path, study_dir, "interview_id,code,attribution\nP1-early,morale,\nP3-early,,\n")
    assert got.attrs["checked_interviews"] == ["P3-early"]

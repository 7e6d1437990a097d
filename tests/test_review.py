"""Tests of impact.review: export to Excel, a simulated reviewer, and a strict import."""

from __future__ import annotations

import pandas as pd
import pytest
from openpyxl import load_workbook

from impact.agreement import coding_to_units, percent_agreement
from impact.errors import InputError, ValidationError
from impact.review import REVIEW_COLUMNS, ReviewWarning, export_review, import_review

CODES = pd.DataFrame({"code_id": ["commitment", "plans_actions", "learning", "morale", "partnership"],
                      "label": ["Commitment", "Plans", "Learning", "Morale", "Partnership"],
                      "definition": ["c", "p", "l", "m", "=p"]})
COL = {name: chr(ord("A") + i) for i, name in enumerate(REVIEW_COLUMNS)}


@pytest.fixture
def segments() -> pd.DataFrame:
    texts = ["We felt our work was valued.", "=HYPERLINK(\"http://evil\")", "The plan changed.",
             "+44 partners met monthly.", "We learned a lot.", "Nothing much."]
    starts, pos = [], 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + 1
    return pd.DataFrame({"segment_id": [f"I1:{i}" for i in range(1, 7)], "interview_id": "I1",
                         "start": starts, "end": [s + len(t) for s, t in zip(starts, texts, strict=True)],
                         "text": texts})


@pytest.fixture
def coded(segments) -> pd.DataFrame:
    scores = [0.95, 0.5, 0.7, 0.55, 0.6, 0.99]
    codes = ["morale", "learning", "plans_actions", "partnership", "learning", "morale"]
    return pd.DataFrame({"unit": segments["segment_id"], "code": codes, "score": scores,
                         "negated": False, "hedged": [True] + [False] * 5, "attribution": ["review"] + [""] * 5,
                         "start": segments["start"], "end": segments["start"] + 3})


@pytest.fixture
def exported(tmp_path, segments, coded):
    return export_review(segments, coded=coded, path=tmp_path / "review.xlsx", codebook=CODES, reviewer="ann")


def _rows_by_unit(ws) -> dict[str, int]:
    return {ws[f"B{r}"].value: r for r in range(2, ws.max_row + 1)}


def test_export_layout(exported):
    wb = load_workbook(exported)
    assert wb.sheetnames[:3] == ["README", "review", "codes"]
    assert wb["_original"].sheet_state == "veryHidden"
    ws = wb["review"]
    assert [c.value for c in ws[1]] == list(REVIEW_COLUMNS)
    assert ws.freeze_panes == "A2"
    assert ws.column_dimensions["A"].hidden
    assert ws.protection.sheet and ws["A2"].protection.locked and not ws[f"{COL['decision']}2"].protection.locked
    assert ws[f"{COL['text']}2"].alignment.wrap_text
    # least certain first: score 0.5, 0.55, 0.6, 0.7, 0.95, 0.99
    assert [ws[f"{COL['score']}{r}"].value for r in range(2, 8)] == [0.5, 0.55, 0.6, 0.7, 0.95, 0.99]
    formulas = sorted(dv.formula1 for dv in ws.data_validations.dataValidation)
    assert formulas == ['"accept,reject,other"', "codes!$A$2:$A$6"]
    # every text cell is formula-neutralised
    texts = {ws[f"{COL['text']}{r}"].value for r in range(2, 8)}
    assert "'=HYPERLINK(\"http://evil\")" in texts and "'+44 partners met monthly." in texts
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)
    assert wb["codes"]["C6"].value == "'=p"
    # evidence is the coded span inside the segment
    row = _rows_by_unit(ws)["I1:1"]
    assert ws[f"{COL['evidence']}{row}"].value == "We "
    assert ws[f"{COL['hedged']}{row}"].value == "yes"
    assert "accept" in " ".join(str(c.value) for c in wb["README"]["A"])


def test_round_trip_reports_exactly_the_bad_cells(exported):
    wb = load_workbook(exported)
    ws = wb["review"]
    rows = _rows_by_unit(ws)
    d, o, n = COL["decision"], COL["other_code"], COL["notes"]
    ws[f"{d}{rows['I1:1']}"] = "accept"
    ws[f"{n}{rows['I1:1']}"] = "clearly about morale"
    ws[f"{d}{rows['I1:2']}"] = "reject"
    ws[f"{d}{rows['I1:3']}"] = "other"
    ws[f"{o}{rows['I1:3']}"] = "commitment"
    ws[f"{d}{rows['I1:4']}"] = "acept"  # typo
    ws[f"{d}{rows['I1:5']}"] = "other"
    ws[f"{o}{rows['I1:5']}"] = "lerning"  # unknown code id
    ws[f"A{rows['I1:6']}"] = None  # deleted id
    ws[f"{d}{rows['I1:6']}"] = "accept"
    wb.save(exported)
    with pytest.raises(ValidationError, match="3 problem") as err:
        import_review(exported)
    got = {(p.file, p.row, p.column, p.value) for p in err.value.problems}
    assert got == {
        ("review.xlsx (sheet 'review')", rows["I1:4"], "decision", "acept"),
        ("review.xlsx (sheet 'review')", rows["I1:5"], "other_code", "lerning"),
        ("review.xlsx (sheet 'review')", rows["I1:6"], "row_id", ""),
    }
    good = err.value.partial
    assert sorted(zip(good.unit, good.code, good.present, strict=True)) == [
        ("I1:1", "morale", True), ("I1:2", "learning", False),
        ("I1:3", "commitment", True), ("I1:3", "plans_actions", False)]
    assert (good.coder == "ann").all()
    assert good.loc[good.unit == "I1:1", "notes"].item() == "clearly about morale"
    # fix the bad cells: everything imports
    ws[f"{d}{rows['I1:4']}"] = "Accept "
    ws[f"{o}{rows['I1:5']}"] = "morale"  # a code other than the row's own ('learning': 'other' of it is refused)
    ws[f"A{rows['I1:6']}"] = load_workbook(exported)["_original"][f"A{rows['I1:6']}"].value
    wb.save(exported)
    res = import_review(exported, reviewer="bob")
    assert len(res) == 8 and set(res.coder) == {"bob"}  # 'other' gives two rows (rejected + chosen code)
    assert res.loc[res.unit == "I1:4", "decision"].item() == "accept"


def test_libreoffice_like_edits(exported):
    wb = load_workbook(exported)
    ws = wb["review"]
    rows = _rows_by_unit(ws)
    r = rows["I1:4"]  # score 0.55, uncertainty 0.9 (stored as 0.9 after rounding)
    ws[f"{COL['score']}{r}"] = 0.550000000000001  # a program re-writing the number
    ws[f"{COL['notes']}{r}"] = 12  # a number where text is expected
    ws[f"{COL['decision']}{r}"] = "reject"
    ws[f"{COL['attribution']}{r}"] = None  # blank saved as empty
    wb.save(exported)
    res = import_review(exported)
    assert res.loc[res.unit == "I1:4", "notes"].item() == "12"
    assert not res.loc[res.unit == "I1:4", "present"].item()


def test_every_other_problem_is_reported(exported):
    wb = load_workbook(exported)
    ws = wb["review"]
    rows = _rows_by_unit(ws)
    ws[f"{COL['text']}{rows['I1:1']}"] = "edited text"  # read-only column edited
    ws[f"{COL['notes']}{rows['I1:2']}"] = "=1+1"  # a formula
    ws[f"{COL['decision']}{rows['I1:3']}"] = "other"  # other without a code
    ws[f"{COL['other_code']}{rows['I1:5']}"] = "morale"  # other code without decision 'other'
    last = ws.max_row
    for c in range(1, len(REVIEW_COLUMNS) + 1):  # a duplicated row
        ws.cell(row=last + 1, column=c, value=ws.cell(row=rows["I1:4"], column=c).value)
    ws["O1"] = "my column"  # an added column
    ws[f"O{rows['I1:6']}"] = "a comment outside notes"
    ws.cell(row=last + 3, column=len(REVIEW_COLUMNS), value="a stray note")  # an added row
    wb.save(exported)
    with pytest.raises(ValidationError) as err:
        import_review(exported)
    got = {(p.row, p.column) for p in err.value.problems}
    assert got == {
        (rows["I1:1"], "text"), (rows["I1:2"], "notes"), (rows["I1:3"], "other_code"),
        (rows["I1:5"], "other_code"), (last + 1, "row_id"), (1, "O (my column)"),
        (rows["I1:6"], "my column"), (last + 3, "row_id"),
    }


def test_deleted_rows_and_added_sheets_warn(exported):
    wb = load_workbook(exported)
    ws = wb["review"]
    ws[f"{COL['decision']}2"] = "accept"
    ws.delete_rows(3, 1)
    wb.create_sheet("scratch")
    wb.save(exported)
    with pytest.warns(ReviewWarning) as record:
        res = import_review(exported)
    messages = " ".join(str(w.message) for w in record)
    assert "r00002" in messages and "'scratch'" in messages
    assert len(res) == 1


def test_notes_without_decision_are_kept(exported):
    wb = load_workbook(exported)
    ws = wb["review"]
    ws[f"{COL['notes']}2"] = "not sure - ask the team"
    wb.save(exported)
    res = import_review(exported)
    assert res["notes"].tolist() == ["not sure - ask the team"] and res["present"].isna().all()


def test_reviewer_required_and_not_a_review_file(tmp_path, segments, coded):
    p = export_review(segments, coded=coded, path=tmp_path / "r.xlsx")
    with pytest.raises(InputError, match="no reviewer named"):
        import_review(p)
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(InputError, match="not a readable .xlsx"):
        import_review(bad)


def test_export_is_atomic(tmp_path, segments, coded):
    p = export_review(segments, coded=coded, path=tmp_path / "r.xlsx", reviewer="ann")
    before = p.read_bytes()
    with pytest.raises(ValidationError, match="I9:9"):
        export_review(segments, coded=pd.DataFrame({"unit": ["I9:9"], "code": ["morale"], "score": [0.5]}), path=p)
    assert p.read_bytes() == before
    assert [f.name for f in tmp_path.iterdir()] == ["r.xlsx"]


def test_reviewer_becomes_a_coder(exported, segments, coded):
    wb = load_workbook(exported)
    ws = wb["review"]
    for r in range(2, ws.max_row + 1):
        ws[f"{COL['decision']}{r}"] = "accept" if ws[f"{COL['score']}{r}"].value >= 0.6 else "reject"
    wb.save(exported)
    rev = import_review(exported)
    machine = coded.assign(coder="machine")
    long = coding_to_units(pd.concat([machine, rev]), units=segments, uncoded="missing")
    # the machine suggested one code per segment; the reviewer saw all six segments and rejected the
    # two suggestions scored below 0.6 (learning on I1:2, partnership on I1:4): 5 of 6 units agree.
    per_code = long.groupby("code").apply(lambda g: percent_agreement(g).value, include_groups=False)
    assert per_code["learning"] == pytest.approx(5 / 6)
    assert per_code["partnership"] == pytest.approx(5 / 6)
    assert per_code["morale"] == pytest.approx(1.0)


def test_decisions_are_not_exported_again_as_suggestions(exported, segments, tmp_path):
    # `impact review export --coded reviewer.csv` (the file `impact review import` writes) wrote the reviewer's
    # rejections into a new workbook as suggestions to accept; it is refused, saying which file it takes.
    wb = load_workbook(exported)
    ws = wb["review"]
    for row, decision in zip(range(2, 5), ["accept", "reject", "other"]):
        ws[f"{COL['decision']}{row}"] = decision
    ws[f"{COL['other_code']}4"] = "commitment"
    wb.save(exported)
    decisions = import_review(exported)
    assert not decisions["present"].all()  # the rejections are rows too
    with pytest.raises(InputError, match=r"holds a reviewer's decisions .* expected a coder's suggestions"):
        export_review(segments, coded=decisions, path=tmp_path / "again.xlsx", codebook=CODES)
    assert not (tmp_path / "again.xlsx").exists()


def test_export_rows_are_as_tall_as_their_wrapped_text(tmp_path, segments, coded):
    # A review sheet's segment text wraps in its column, but neither Excel nor LibreOffice grows a row it did not lay
    # out: the 5-council synthetic study's review workbook (impact review export, LibreOffice render) showed each
    # segment's text running over the rows below, and the README's lines over each other. A planted segment of 66
    # words of ten zeros: Excel's column width is counted in the default font's "0", so a 60-wide column holds at
    # most 5 such words a line (5 x 10 + 4 spaces = 54; 6 words need 65), and the text needs at least 14 lines.
    long = " ".join(["0000000000"] * 66)
    segments = segments.copy()
    segments.loc[2, "text"] = long
    segments["end"] = segments["start"] + segments["text"].str.len()
    path = export_review(segments, coded=coded, path=tmp_path / "review.xlsx", codebook=CODES, reviewer="ann")
    wb = load_workbook(path)
    ws = wb["review"]
    # planned 60 wide, narrowed (round 35) so that the sheet prints one page wide at 75% or more: more lines, not fewer
    assert ws.column_dimensions[COL["text"]].width <= 60
    rows = _rows_by_unit(ws)
    line = 12.75  # 10 pt Arial, the sheet's font (round 34; Calibri 11 before), takes 12.75 pt a line in Excel
    assert ws.row_dimensions[rows["I1:3"]].height >= 14 * line
    # a row whose text fits one line keeps the default height (or close to it)
    assert (ws.row_dimensions[rows["I1:6"]].height or ws.sheet_format.defaultRowHeight) <= 2 * line
    # the README: an instruction of more than 150 characters wraps in its column, at most 110 wide (English prose in
    # Arial averages about 0.83 of a "0" a character, spaces included: 150 characters are about 124 "0"s wide)
    readme = wb["README"]
    assert readme.column_dimensions["A"].width <= 110
    long_lines = [cell for (cell,) in readme.iter_rows(min_row=2, max_col=1) if len(cell.value) > 150]
    assert long_lines and all(readme.row_dimensions[c.row].height >= 2 * line for c in long_lines)


@pytest.mark.parametrize("how", ["code added", "code renamed"])
def test_a_code_added_to_the_codes_sheet_is_no_code_of_the_decisions(exported, tmp_path, how):
    """The 'codes' sheet is protected without a password. On the old code a reviewer who unprotected it and added a
    code (or renamed one) could choose it in other_code, and `review import` wrote it into the decisions: a code no
    codebook defines, refused only later by `run --human` or `agree --study`. The codes offered are kept with the
    workbook at export; any other on the sheet is a problem naming its sheet, row and column."""
    wb = load_workbook(exported)
    sheet = wb["codes"]
    sheet.protection.sheet = False
    if how == "code added":
        sheet.append(["new_code", "A new code", "made up by the reviewer"])
        row = sheet.max_row
    else:
        row = 1 + [c.value for c in sheet["A"]][1:].index("partnership") + 1
        sheet[f"A{row}"] = "new_code"
    ws = wb["review"]
    first = _rows_by_unit(ws)["I1:2"]
    ws[f"{COL['decision']}{first}"], ws[f"{COL['other_code']}{first}"] = "other", "new_code"
    wb.save(tmp_path / "edited.xlsx")
    with pytest.raises(ValidationError) as info:
        import_review(tmp_path / "edited.xlsx")
    said = [str(p) for p in info.value.problems]
    assert said[0].startswith(f"edited.xlsx (sheet 'codes'):{row}:code_id: 'new_code' - expected a code of the "
                              "codebook the workbook was exported with")
    assert said[1].startswith(f"edited.xlsx (sheet 'review'):{first}:other_code: 'new_code' - expected a code id "
                              "listed on the 'codes' sheet")
    assert len(said) == 2
    assert "new_code" not in set(info.value.partial["code"])

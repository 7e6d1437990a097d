"""A study's tables read from an Excel workbook (inputs60): ``study.xlsx`` with a sheet per table, or a table's own
``<table>.xlsx``, checked as its CSV files are and refused or told in the sheet's terms (workbook and sheet, Excel's
row number, the column's letter and header).

Workbooks are written here with openpyxl, as Excel types what a person enters: numbers as numbers, dates as dates,
ids of digits alone as numbers; a formula's saved value is put into the sheet's XML by hand (openpyxl saves formulas
without one, as a program that does not calculate does).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import openpyxl
import pytest
from hostile._util import cli_here, snapshot
from hostile.test_inputs_round33 import ole2
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

import impact
from impact import load_study
from impact._study_book import BOOK_SUFFIXES
from impact.errors import ValidationError
from impact.schema import TABLES
from impact.study import UncheckedInputWarning

BOOK = "study.xlsx"
TYPES = {name: {c.name: c.type for c in spec.columns} for name, spec in TABLES.items()}


def _typed(text: str, type_: str | None):
    """A CSV cell as Excel holds what a person typed: a number, a date, or text (text that is no number or date of
    its column's type stays text, as Excel keeps it)."""
    if text == "":
        return None
    try:
        if type_ == "int" or (type_ == "id" and re.fullmatch(r"[1-9][0-9]{0,8}", text)):
            return int(text)
        if type_ == "float":
            return float(text)
        if type_ == "date":
            return dt.datetime.strptime(text, "%Y-%m-%d")
    except ValueError:
        pass
    return text


def _rows(folder: Path, name: str) -> list[list[str]]:
    with open(folder / TABLES[name].filename, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def to_workbook(folder: Path, *, typed: bool = True, own: tuple[str, ...] = ()) -> Path:
    """Move each table's CSV file of ``folder`` into a sheet of ``study.xlsx`` named as the table (the ``own`` tables
    into a workbook of their own, ``<table>.xlsx``, on a sheet named 'Sheet1')."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, spec in TABLES.items():
        if not (folder / spec.filename).exists():
            continue
        rows = _rows(folder, name)
        target = openpyxl.Workbook() if name in own else book
        ws = target.active if name in own else target.create_sheet(name)
        for k, row in enumerate(rows):
            ws.append([_typed(c, TYPES[name].get(rows[0][j]) if typed and k else None) if c else None
                       for j, c in enumerate(row)])
        if name in own:
            target.save(folder / f"{name}.xlsx")
        (folder / spec.filename).unlink()
    book.save(folder / BOOK)
    return folder / BOOK


def edit(path: Path, change) -> None:
    wb = openpyxl.load_workbook(path)
    change(wb)
    wb.save(path)


def sheet_xml(path: Path, sheet: str, old: str, new: str) -> None:
    """Replace ``old`` by ``new`` in the XML of ``sheet`` (its part found by order: openpyxl writes sheetN.xml)."""
    wb = openpyxl.load_workbook(path, read_only=True)
    part = f"xl/worksheets/sheet{wb.sheetnames.index(sheet) + 1}.xml"
    wb.close()
    with zipfile.ZipFile(path) as z:
        items = {i.filename: z.read(i) for i in z.infolist()}
    assert old.encode() in items[part], items[part][-600:]
    items[part] = items[part].replace(old.encode(), new.encode())
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, b in items.items():
            z.writestr(n, b)


def refused(folder: Path) -> list[str]:
    with pytest.raises(ValidationError) as info:
        load_study(folder)
    return [str(p) for p in info.value.problems]


def told(folder: Path) -> list[str]:
    return [str(p) for p in load_study(folder).load_problems if "attrition" not in p.expected]


@pytest.fixture
def book_dir(study_dir) -> Path:
    """The tiny study with its tables in study.xlsx (no CSV file)."""
    to_workbook(study_dir)
    return study_dir


# --------------------------------------------------------------------------- the same study, read from a workbook


def test_the_bundled_example_saved_as_a_workbook_loads_to_an_identical_study(tmp_path):
    # On main's head study.xlsx was not read: every table was 'missing'.
    example = impact.example_path()
    csv_study = load_study(example)
    headers = {TABLES[n].filename: _rows(example, n)[0] for n in TABLES}
    folder = tmp_path / "example"
    shutil.copytree(example, folder)
    to_workbook(folder)
    assert not any((folder / spec.filename).exists() for spec in TABLES.values())
    book_study = load_study(folder)  # validated: every check of the CSV files passes on the sheets
    for name in TABLES:
        assert book_study.table(name).equals(csv_study.table(name)), name
        assert book_study.table(name).dtypes.equals(csv_study.table(name).dtypes), name
    assert book_study.meta == csv_study.meta
    assert book_study.equals(csv_study)
    # the same warnings (attrition), each at the same row, in the sheet's terms
    assert len(book_study.load_problems) > 10
    assert [str(p) for p in book_study.load_problems] == [_in_sheet_terms(p, headers) for p in csv_study.load_problems]


@pytest.mark.parametrize("typed", [True, False], ids=["typed", "text"])
def test_tables_in_their_own_workbooks_and_in_study_xlsx_read_as_the_csv_files(study_dir, tiny_study, typed):
    to_workbook(study_dir, typed=typed, own=("councils", "interviews"))
    assert (study_dir / "councils.xlsx").is_file() and not (study_dir / "councils.csv").exists()
    study = load_study(study_dir)
    for name in TABLES:
        assert study.table(name).equals(tiny_study.table(name)), name
    assert study.equals(tiny_study)


def _plant(folder: Path, rng: np.random.Generator) -> None:
    """Faults of several kinds at rows the seed chooses, written into the CSV files."""
    def change(name, fn):
        rows = _rows(folder, name)
        k = int(rng.integers(1, len(rows)))
        fn(rows, k, rows[0])
        with open(folder / TABLES[name].filename, "w", newline="", encoding="utf-8") as f:
            csv.writer(f, lineterminator="\n").writerows(rows)

    def at(col, value):
        def fn(rows, k, header):
            rows[k][header.index(col)] = value(rows[k][header.index(col)])
        return fn

    faults = [
        ("councils", at("council_type", lambda v: v + "x")),
        ("interviews", at("council_id", lambda v: "999")),
        ("interviews", at("wave", lambda v: v.upper() + "s")),
        ("interviews", at("date", lambda v: "2011-02-30")),
        ("participants", at("role", lambda v: "")),
        ("reviews", at("n_recommendations", lambda v: "-3")),
        ("status_history", at("start_date", lambda v: "40603")),
        ("participants", lambda rows, k, header: rows.append(list(rows[k]))),  # a participant twice
    ]
    for i in rng.choice(len(faults), size=4, replace=False):
        change(*faults[i])


def _in_sheet_terms(problem, headers: dict[str, list[str]]) -> str:
    """What a CSV file's problem is to read as when its table is a sheet of study.xlsx."""
    labels = {TABLES[name].filename: f"{BOOK} (sheet '{name}')" for name in TABLES}
    file, column = problem.file, problem.column
    if file in labels:
        header = headers[file]
        if column in header:
            column = f"{get_column_letter(header.index(column) + 1)} ({column})"
        file = labels[file]
    expected = re.sub("|".join(map(re.escape, labels)), lambda m: labels[m.group(0)], problem.expected)
    return str(type(problem)(file, problem.row, column, problem.value, expected, problem.severity))


@pytest.mark.parametrize("seed", [4711, 90210, 2718])
def test_a_workbook_gives_the_csv_files_problems_each_at_its_sheet_row_and_column(tmp_path, seed):
    folder = tmp_path / "study"
    impact.synth.generate(5, seed=seed, out=folder)
    _plant(folder, np.random.default_rng(seed))
    headers = {TABLES[n].filename: _rows(folder, n)[0] for n in TABLES if (folder / TABLES[n].filename).exists()}
    with pytest.raises(ValidationError) as from_csv:
        load_study(folder)
    to_workbook(folder, typed=False)
    with pytest.raises(ValidationError) as from_book:
        load_study(folder)
    expected = [_in_sheet_terms(p, headers) for p in from_csv.value.problems]
    assert len(expected) >= 4
    assert [str(p) for p in from_book.value.problems] == expected


# --------------------------------------------------------------------------- each fault: read correctly, or refused


def _formula(cell: str, formula: str):
    def change(wb):
        wb["reviews"][cell] = formula
    return change


def test_a_formula_saved_without_its_value_is_refused_on_its_cell(book_dir):
    edit(book_dir / BOOK, _formula("F3", "=4+7"))
    assert refused(book_dir) == [
        "study.xlsx (sheet 'reviews'):3:F (n_recommendations): '=4+7' - expected a value, not a formula saved "
        "without its value (impact reads the value a formula was last saved with and never calculates one; this "
        "workbook was saved by a program that did not calculate it): open the workbook in Excel or LibreOffice and "
        "save it again, or paste the cells as values"]


def test_a_formula_is_read_as_the_value_saved_with_it_never_calculated(book_dir):
    edit(book_dir / BOOK, _formula("F3", "=4+7"))
    sheet_xml(book_dir / BOOK, "reviews", "<f>4+7</f><v></v>", "<f>4+7</f><v>13</v>")  # saved 13, not 4+7
    assert load_study(book_dir).table("reviews")["n_recommendations"].tolist()[:2] == [8, 13]


def test_an_error_value_is_refused_on_its_cell(book_dir):
    edit(book_dir / BOOK, _formula("F3", "=1/0"))
    sheet_xml(book_dir / BOOK, "reviews", '<c r="F3"><f>1/0</f><v></v></c>',
              '<c r="F3" t="e"><f>1/0</f><v>#DIV/0!</v></c>')
    assert refused(book_dir) == [
        "study.xlsx (sheet 'reviews'):3:F (n_recommendations): '#DIV/0!' - expected a value, not the error #DIV/0! "
        "(its formula fails): correct the formula, or type the value"]


def test_merged_cells_are_refused_once_not_once_per_blank_cell(book_dir):
    edit(book_dir / BOOK, lambda wb: wb["councils"].merge_cells("E2:E3"))  # 'London' over two councils
    assert refused(book_dir) == [
        "study.xlsx (sheet 'councils'):2:E (region): 'E2:E3' - expected one value in each cell, not cells merged "
        "into one (a merged cell keeps its value in E2 only, so the other cells of E2:E3 would be read as blank): "
        "unmerge the cells and fill in each of them"]


def test_dates_typed_as_dates_are_read_and_a_time_of_day_is_refused(book_dir, tiny_study):
    assert isinstance(openpyxl.load_workbook(book_dir / BOOK)["interviews"]["E2"].value, dt.datetime)
    assert load_study(book_dir).table("interviews")["date"].equals(tiny_study.table("interviews")["date"])
    edit(book_dir / BOOK, lambda wb: wb["interviews"].__setitem__("E2", dt.datetime(2011, 3, 1, 14, 30)))
    assert refused(book_dir) == [
        "study.xlsx (sheet 'interviews'):2:E (date): '2011-03-01 14:30:00' - expected a date as YYYY-MM-DD (it "
        "carries a time of day, 14:30:00: write the date alone, 2011-03-01, so that no one reads the time as part "
        "of the date)"]


def test_a_number_typed_as_text_and_an_id_typed_as_a_number_are_read(book_dir, tiny_study):
    def change(wb):
        wb["reviews"]["F2"] = " 8"  # text
        wb["councils"]["A2"] = 301.0  # a number, as Excel holds every number
    edit(book_dir / BOOK, change)
    assert isinstance(openpyxl.load_workbook(book_dir / BOOK)["interviews"]["C2"].value, int)
    study = load_study(book_dir)
    assert study.table("reviews")["n_recommendations"].tolist() == tiny_study.table("reviews")["n_recommendations"].tolist()
    assert study.table("councils").equals(tiny_study.table("councils"))


def test_formatted_empty_rows_and_columns_after_the_table_are_not_data(book_dir, tiny_study):
    def change(wb):
        ws = wb["councils"]
        for r in range(1, 40):  # formatted, never filled: Excel saves them
            ws.cell(row=r, column=9).font = Font(bold=True)
        for c in range(1, 12):
            ws.cell(row=30, column=c).font = Font(bold=True)
        ws.cell(row=31, column=2).value = ""
    edit(book_dir / BOOK, change)
    assert told(book_dir) == []
    assert load_study(book_dir).table("councils").equals(tiny_study.table("councils"))


def test_a_hidden_sheet_and_hidden_rows_and_columns_are_read_and_told(book_dir, tiny_study):
    def change(wb):
        wb["participants"].sheet_state = "hidden"
        wb["councils"].row_dimensions[3].hidden = True
        wb["councils"].column_dimensions["D"].hidden = True
    edit(book_dir / BOOK, change)
    assert load_study(book_dir).equals(tiny_study)
    assert told(book_dir) == [
        "warning: study.xlsx (sheet 'councils'):3: expected rows that are shown (1 row hidden or filtered out, row 3, "
        "read as the others are: show it to see what it holds)",
        "warning: study.xlsx (sheet 'councils'):1: expected columns that are shown (1 column hidden, D "
        "(council_type), read as the others are: unhide it to see what it holds)",
        "warning: study.xlsx (sheet 'participants'): expected a sheet that is shown (it is hidden, and its 4 rows of "
        "data are read as a shown sheet's are: unhide it, right-click a sheet tab and Unhide, to see what it holds)"]


def test_a_sheet_named_in_another_case_or_with_spaces_is_its_table(book_dir, tiny_study):
    def change(wb):
        wb["councils"].title = "Councils "
        wb["status_history"].title = "Status History"
    edit(book_dir / BOOK, change)
    study = load_study(book_dir)
    assert study.equals(tiny_study)
    edit(book_dir / BOOK, lambda wb: wb.create_sheet("councils").append(["council_id"]))  # and a second sheet for it
    assert refused(book_dir) == [
        "study.xlsx (sheet 'Councils '): expected the councils table in one place: it is in study.xlsx (sheet "
        "'Councils ') and in study.xlsx (sheet 'councils'), and which of them holds it is not known - keep one, and "
        "delete or move the other"]


def test_a_sheet_named_as_no_table_is_told_not_read(book_dir):
    edit(book_dir / BOOK, lambda wb: wb.create_sheet("Notes").append(["Interviews done by JS"]))
    assert told(book_dir) == [
        "warning: study.xlsx (sheet 'Notes'): expected a sheet named as a table of the study (councils, "
        "status_history, reviews, participants, interviews, survey_responses, actions, action_progress, "
        "indicators): this sheet is not read"]
    edit(book_dir / BOOK, lambda wb: setattr(wb["councils"], "title", "councills"))
    assert refused(book_dir)[0] == (
        "study.xlsx: expected a sheet named councils (One row per council in the study.), or the file councils.csv; "
        "its sheets are 'councills', 'status_history', 'reviews', 'participants', 'interviews', 'survey_responses', "
        "'Notes' (did you "
        "mean 'councills'?)")


def test_a_table_given_as_a_csv_file_and_as_a_sheet_is_refused(book_dir, tiny_study):
    tiny_study.save(book_dir.parent / "csv")
    shutil.copy(book_dir.parent / "csv" / "interviews.csv", book_dir / "interviews.csv")
    assert refused(book_dir) == [
        "interviews.csv: expected the interviews table in one place: it is in interviews.csv and in study.xlsx "
        "(sheet 'interviews'), and which of them holds it is not known - keep one, and delete or move the other"]


def test_a_tables_own_workbook_of_two_sheets_of_data_is_refused(study_dir):
    to_workbook(study_dir, own=("councils",))
    edit(study_dir / "councils.xlsx", lambda wb: wb.create_sheet("old").append(["301", "Barking"]))
    assert refused(study_dir) == [
        "councils.xlsx: expected one sheet, or one named councils (it has 2 sheets holding data: 'Sheet', 'old', "
        "and which holds the table is not known)"]


# The CSV files' faults of the header and rows (tests/test_io.py, the hostile input rounds) on a sheet: the same
# problems, at Excel's rows and the columns' letters.
@pytest.mark.parametrize(("change", "expected"), [
    (lambda ws: ws.insert_rows(1), ["study.xlsx (sheet 'councils'):1: expected the header row on row 1 (row 1 is "
                                    "blank and the header is on row 2: delete the blank row above it)"]),
    (lambda ws: (ws.insert_rows(1), ws.__setitem__("A1", "Councils of the study")),
     ["study.xlsx (sheet 'councils'):1: 'Councils of the study' - expected the header row at the top (row 2 holds the "
      "column names, below 1 row of another kind, a title or a note?: delete row 1)"]),
    (lambda ws: ws.__setitem__("G3", "extra"), ["study.xlsx (sheet 'councils'):1:G: '' - expected a column name "
                                                 "(blank header cell)"]),
    (lambda ws: ws.__setitem__("F1", "region"), ["study.xlsx (sheet 'councils'):1:E (region): 'region' - expected "
                                                  "each column name once (columns 5 and 6 are both region: which "
                                                  "holds the region is not known; the rows are checked once one is "
                                                  "renamed or taken out)"]),
    (lambda ws: ws.__setitem__("A7", "Source: DfE, 2012"),
     ["study.xlsx (sheet 'councils'):7:A (council_id): 'Source: DfE, 2012' - expected rows of data only (row 7, "
      "below the table, holds one cell where a row has 5: a note, such as a source? Delete it, or keep the note in "
      "another file)"]),
    (lambda ws: ws.__setitem__("D3", "unitery"),
     ["study.xlsx (sheet 'councils'):3:D (council_type): 'unitery' - expected one of ['county', 'london_borough', "
      "'metropolitan_district', 'unitary'] (did you mean 'unitary' or 'county'?)"]),
    (lambda ws: ws.delete_cols(3), ["study.xlsx (sheet 'councils'):1:ons_code: expected a column `ons_code` (ONS "
                                    "local authority code (E06/E08/E09/E10...).)"]),
], ids=["blank_row_above", "title_above", "value_without_header", "header_twice", "note_below", "vocabulary",
        "column_missing"])
def test_the_csv_checks_of_a_table_apply_to_its_sheet(book_dir, change, expected):
    edit(book_dir / BOOK, lambda wb: change(wb["councils"]))
    assert [p for p in refused(book_dir) if "sheet 'councils'" in p] == expected


def test_blank_rows_between_rows_of_data_are_told_as_in_a_csv_file(book_dir, tiny_study):
    edit(book_dir / BOOK, lambda wb: wb["councils"].insert_rows(3, 2))
    assert load_study(book_dir).table("councils").equals(tiny_study.table("councils"))
    assert told(book_dir) == ["warning: study.xlsx (sheet 'councils'):3: expected no blank rows between rows of data "
                              "(2 blank rows, rows 3, 4, not read: nothing in them to read; the rows below them are "
                              "read)"]


def test_a_reference_to_another_sheet_names_that_sheet(book_dir):
    edit(book_dir / BOOK, lambda wb: wb["interviews"].__setitem__("C4", 999))
    assert refused(book_dir) == ["study.xlsx (sheet 'interviews'):4:C (council_id): '999' - expected a council_id "
                                 "listed in study.xlsx (sheet 'councils')"]


def test_a_transcript_path_out_of_transcripts_is_refused_on_its_cell(book_dir):
    # tests/test_hostile_study.py's _traversal_path, in a sheet
    edit(book_dir / BOOK, lambda wb: wb["interviews"].__setitem__("G2", "../../../../etc/passwd"))
    assert refused(book_dir) == ["study.xlsx (sheet 'interviews'):2:G (transcript): '../../../../etc/passwd' - "
                                 "expected a path inside transcripts/ (no '..', no absolute path)"]


def test_read_unchecked_the_warnings_name_the_sheet(book_dir):
    edit(book_dir / BOOK, lambda wb: wb["councils"].__setitem__("F1", "region"))
    with pytest.warns(UncheckedInputWarning, match=re.escape(
            "study.xlsx (sheet 'councils'):1:E (region): 'region' - expected each column name once (columns 5 and 6 "
            "are both region") + ".*only the last column named region is read"):
        study = load_study(book_dir, validate=False)
    assert [p.where for p in study.load_problems] == ["study.xlsx (sheet 'councils'):1:E (region)"]


# --------------------------------------------------------------------------- workbooks that cannot be read


@pytest.mark.parametrize(("make", "expected"), [
    (lambda f: f.write_bytes(ole2(["EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"])),
     "study.xlsx: expected a readable .xlsx workbook (it is a workbook or document saved with a password (encrypted: "
     "Office keeps the .xlsx or .docx inside an OLE2 file): open it, take the password off"),
    (lambda f: f.write_bytes(f.read_bytes()[:2000]),
     "study.xlsx: expected a readable .xlsx workbook (it starts as a zip archive but is damaged or cut short"),
    (lambda f: f.write_text("council_id,name\n301,Barking\n"),
     "study.xlsx: expected a readable .xlsx workbook (it is a text file (a CSV or plain text with another file's "
     "extension?), not a zip archive)"),
    pytest.param(lambda f: f.rename(f.with_name("study.ods")),
                 "study.ods: expected a workbook of the study's tables named study.xlsx (it is an OpenDocument "
                 "spreadsheet (.ods), which impact does not read: open it and save it as \"Excel Workbook (.xlsx)\"",
                 marks=pytest.mark.skipif(".ods" in BOOK_SUFFIXES, reason="the optional readers are installed: "
                                          "study.ods is read (tests/test_inputs_round63.py)")),
    (lambda f: f.rename(f.with_name("Study.xlsx")),
     "Study.xlsx: expected a workbook of the study's tables named study.xlsx (names are exact, lower case: rename "
     "it)"),
], ids=["password", "cut_short", "csv_named_xlsx", "ods", "capitals"])
def test_a_workbook_that_cannot_be_read_is_one_clear_refusal(book_dir, make, expected):
    make(book_dir / BOOK)
    problems = refused(book_dir)
    assert len(problems) == 1 and problems[0].startswith(expected), problems


def test_a_link_named_study_xlsx_is_not_followed(book_dir, tmp_path):
    outside = tmp_path / "elsewhere.xlsx"
    (book_dir / BOOK).rename(outside)
    (book_dir / BOOK).symlink_to(outside)
    assert refused(book_dir) == ["study.xlsx: expected a plain file inside the study folder (it is a link, or "
                                 "resolves outside the folder: not read)"]


def test_reading_writes_nothing_and_save_writes_csv_files(book_dir, tiny_study, tmp_path):
    before = snapshot(book_dir)
    study = load_study(book_dir)
    load_study(book_dir, validate=False)
    assert snapshot(book_dir) == before  # the workbook untouched: nothing written back
    copy = study.save(tmp_path / "copy")
    sheets = openpyxl.load_workbook(book_dir / BOOK, read_only=True).sheetnames
    assert sorted(p.name for p in copy.glob("*.csv")) == sorted(TABLES[n].filename for n in sheets)
    assert not list(copy.glob("*.xlsx")) and load_study(copy).equals(tiny_study)
    with pytest.raises(FileExistsError, match=r"files that are not part of one \(study\.xlsx\)"):
        study.save(book_dir)  # over its own folder: the workbook is not impact's to delete
    assert snapshot(book_dir) == before


def test_the_command_line_names_the_sheet_and_exits_2(book_dir, tmp_path):
    edit(book_dir / BOOK, lambda wb: wb["councils"].__setitem__("D3", "unitery"))
    proc = cli_here("validate", str(book_dir), cwd=tmp_path)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "study.xlsx (sheet 'councils'):3:D (council_type): 'unitery' - expected one of" in proc.stderr


def test_a_zip_bomb_named_study_xlsx_is_refused_in_time(book_dir, tmp_path):
    # as tests/test_hostile_study.py runs a bomb: a child process with a timeout
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (300 * 1024 * 1024))
    (book_dir / BOOK).write_bytes(buf.getvalue())
    before = snapshot(tmp_path)
    proc = subprocess.run([sys.executable, "-m", "impact", "validate", str(book_dir)], capture_output=True, text=True,
                          timeout=60, cwd=tmp_path)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "study.xlsx: expected a readable .xlsx workbook" in proc.stderr and "zip bomb" in proc.stderr
    assert snapshot(tmp_path) == before

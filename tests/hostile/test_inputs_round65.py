"""Input round 65 (helper inputs65): files a user may really send, as Excel, LibreOffice and Windows give them.

What a red team found on main's head (each test below failed there, unless named ``guard``):

1. An ``.xls`` (Excel 97-2003) number formatted as a percentage (typed ``45%``: the cell holds 0.45) was read as
   0.45 in a number column without a word, where an ``.xlsx`` or ``.ods`` cell so is refused (round 64).  Its cell
   format (XF) and the workbook's number formats (FORMAT) are read now: refused in a number column, naming sheet, row
   and column, read as ``45%`` in a text column, as the CSV file saved from the sheet holds it.
2. A workbook past the 2,000,000 XML elements read from one file (a sheet of five columns past about 180,000 rows)
   was refused as "unsafe archive ... (an XML bomb?)".  A part expanding as a worksheet does (11-14 fold) is told as a
   large file, to be saved as CSV; one expanding as a bomb does (a small file expanding hugely) is still a bomb.
3. An unquoted ``1.234,5`` in a comma-separated file (a decimal comma) was "a comma inside a cell, as in 'March 1,
   2011'", or, where the row's last cell is empty, "a comma at the end of the line?".  It is told as the number split
   at its comma, naming file, row and column, and how to write it.
4. ``1.23457E+12`` (a long id or number as Excel shows it, and saves it to CSV, in a column formatted as General) was
   read as an id without a word, its last digits lost; in a decimal column it was read as 1,234,570,000,000 without a
   word.  An id column refuses it (the digits are lost); a decimal column reads it and warns that Excel rounded it.
5. A Windows shortcut where a table should be (``councils.csv.lnk``, which Windows shows as ``councils.csv``) was
   "expected the file councils.csv" (a required table), or nothing at all (an optional one: the study read without
   it); a shortcut saved under the table's own name was "contains NUL bytes"; one for study.yaml, a transcript or the
   transcripts folder was told as that file or folder missing.  Each is told as a shortcut, with the path it points
   to, to be copied in its place.
6. A table whose first cell starts with ``ï»¿`` (the UTF-8 byte-order mark read as Windows-1252 text and saved again)
   was two problems, an unknown column "did you mean 'council_id'?" and a missing one, neither saying what the three
   characters are.  It is one problem naming them and the round trip that made them.
7. A date exported with a time zone (``2011-08-14T23:00:00.000Z``: a SharePoint list or web form exports a date typed
   in the UK as its midnight there, in UTC, the day before in summer time) was "expected a date as YYYY-MM-DD" alone.
   It names the date typed (checked against the Europe/London rules of the time zone database).

Values, rows and columns are drawn from seeds the project has not used (6501-6503 and those plus 10 to 110).
"""

from __future__ import annotations

import csv
import datetime
import importlib.util
import shutil
import struct
import warnings
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from test_study_workbook import edit, refused, to_workbook

import impact._archive
from impact import load_study

SEEDS = [6501, 6502, 6503]
READERS = all(importlib.util.find_spec(m) is not None for m in ("python_calamine", "olefile"))
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _rows(path: Path) -> list[list[str]]:
    return list(csv.reader(path.read_text(encoding="utf-8").splitlines()))


def _write(path: Path, rows: list[list[str]]) -> None:
    """``rows`` written as a hand-edited CSV file: cells joined by commas, none quoted."""
    path.write_text("".join(",".join(r) + "\n" for r in rows), encoding="utf-8")


def _plant_cell(folder: Path, rng: np.random.Generator, columns: list[tuple[str, str]], make):
    """A cell of one of ``columns`` ((file, column)) of ``folder``, on a row ``rng`` draws, set to the text
    ``make(rng)`` gives first (it may give more): ``((file, column, line, cells in the header), what make gave)``."""
    file, column = columns[int(rng.integers(len(columns)))]
    rows = _rows(folder / file)
    row = int(rng.integers(1, len(rows)))
    made = make(rng)
    rows[row][rows[0].index(column)] = made[0]
    _write(folder / file, rows)
    return (file, column, row + 1, len(rows[0])), made


def _quiet_load(folder: Path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_study(folder, validate=False)


# --------------------------------------------------------------------------- 1. an .xls percentage


_PERCENT_FORMATS = ["0%", "0.0%", "0.00%", "0.000%"]  # built-in 9 and 10, and formats of the workbook's own


def _plant_percentages(folder: Path, rng: np.random.Generator) -> dict:
    """Numbers formatted as percentages in the study workbook: a survey answer, a recommendations count, an indicator
    value (a decimal column) and a council's name (a text column); what was planted."""
    pct = [int(rng.integers(1, 100)) for _ in range(6)]
    fmts = [str(rng.choice(_PERCENT_FORMATS)) for _ in range(6)]
    rows = {"survey_responses": int(rng.integers(2, 5)), "reviews": int(rng.integers(2, 5)),
            "councils": int(rng.integers(2, 5))}

    def change(wb):
        for (sheet, letter), p, f in zip([("survey_responses", "F"), ("reviews", "F"), ("councils", "B")],
                                         [pct[0], pct[1], pct[3]], [fmts[0], fmts[1], fmts[3]], strict=True):
            cell = wb[sheet][f"{letter}{rows[sheet]}"]
            cell.value, cell.number_format = p / 100, f
        ws = wb.create_sheet("indicators")
        ws.append(["council_id", "period", "measure", "value", "flag"])
        ws.append([301, "2012-03-31", "cp_rate", pct[2] / 100, None])
        ws["D2"].number_format = fmts[2]
        # two numbers side by side: an .xls keeps them in one record (MULRK), each with its own format
        ws.append([302, "2012-03-31", "cp_rate", pct[4] / 100, pct[5] / 100])
        ws["D3"].number_format, ws["E3"].number_format = fmts[4], fmts[5]

    edit(folder / "study.xlsx", change)
    return {"pct": pct, "rows": rows}


@pytest.fixture(scope="module")
def xls_studies(tmp_path_factory) -> dict[int, tuple[Path, Path, dict]]:
    """For each seed, the tiny study with percentages planted, as study.xlsx and as LibreOffice's study.xls (one
    LibreOffice process for all): seed -> (xlsx folder, xls folder, what was planted)."""
    from conftest import make_tiny_study
    from test_inputs_round63 import convert

    base = tmp_path_factory.mktemp("xls65")
    made = {}
    for seed in SEEDS:
        folder = base / f"xlsx{seed}"
        make_tiny_study().save(folder)
        to_workbook(folder)
        made[seed] = (folder, _plant_percentages(folder, np.random.default_rng(seed)))
        shutil.copy(folder / "study.xlsx", base / f"book{seed}.xlsx")
    books = convert([base / f"book{seed}.xlsx" for seed in SEEDS], "xls", base / "made", base / "profile")
    out = {}
    for seed, book in zip(SEEDS, books, strict=True):
        folder, truth = made[seed]
        xls = base / f"xls{seed}"
        shutil.copytree(folder, xls, ignore=shutil.ignore_patterns("study.xlsx"))
        shutil.copy(book, xls / "study.xls")
        out[seed] = (folder, xls, truth)
    return out


def _said(folder: Path) -> list[str]:
    return refused(folder)


@pytest.mark.skipif(not READERS or SOFFICE is None, reason="needs python-calamine, olefile and LibreOffice")
@pytest.mark.parametrize("seed", SEEDS)
def test_an_xls_percentage_is_refused_in_a_number_column_as_an_xlsx_one_is(seed, xls_studies):
    xlsx, xls, truth = xls_studies[seed]
    pct, rows = truth["pct"], truth["rows"]
    said = _said(xls)
    assert said == [p.replace("study.xlsx", "study.xls") for p in _said(xlsx)]

    def refusal(sheet: str, row: int, letter: str, column: str, p: int) -> str:
        return (f"study.xls (sheet '{sheet}'):{row}:{letter} ({column}): '{p}%' - expected a number, not a percentage "
                f"(the cell holds {p / 100!r}, formatted to show {p}%; a CSV file saved from the sheet would hold "
                f"{p}%): format the cell as a number (General) and enter the value in the unit the column describes")

    for planted in (refusal("survey_responses", rows["survey_responses"], "F", "value", pct[0]),
                    refusal("reviews", rows["reviews"], "F", "n_recommendations", pct[1]),
                    refusal("indicators", 2, "D", "value", pct[2]),  # a decimal column: 0.37 read without a word
                    refusal("indicators", 3, "D", "value", pct[4])):
        assert planted in said, said


@pytest.mark.skipif(not READERS or SOFFICE is None, reason="needs python-calamine, olefile and LibreOffice")
@pytest.mark.parametrize("seed", SEEDS)
def test_an_xls_percentage_in_a_text_column_is_read_as_the_csv_file_holds_it(seed, xls_studies):
    _, xls, truth = xls_studies[seed]
    names = _quiet_load(xls).councils["name"].tolist()
    assert names[truth["rows"]["councils"] - 2] == f"{truth['pct'][3]}%"


# --------------------------------------------------------------------------- 2. a large workbook, not a bomb


def _cap(monkeypatch, cap: int) -> None:
    """The XML elements read from one file capped at ``cap`` (the real cap, 2,000,000, met by a 180,000-row sheet of
    five columns: bench/large_workbook.py), so that a small workbook meets it."""
    monkeypatch.setitem(impact._archive.ARCHIVE_LIMITS, "max_xml_elements", cap)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_workbook_past_the_xml_elements_read_as_a_large_file_is_told_to_be_saved_as_csv(seed, study_dir,
                                                                                         monkeypatch):
    rng = np.random.default_rng(seed + 10)
    to_workbook(study_dir)
    cap = int(rng.integers(150, 900))  # the workbook's parts hold about 950
    _cap(monkeypatch, cap)
    size = (study_dir / "study.xlsx").stat().st_size
    (p,) = refused(study_dir)
    assert p.startswith("study.xlsx: expected a readable .xlsx workbook (study.xlsx:xl/"), p
    assert p.endswith(f": more than {cap:,} XML elements, the most read from one file (it is large, {size:,} bytes, "
                      "and not a small file expanding hugely, as a bomb is: too large to read whole; save each large "
                      "sheet as \"CSV UTF-8 (comma delimited)\" named as its table, which is read up to 50 MiB))"), p
    assert "bomb?" not in p


@pytest.mark.parametrize("seed", SEEDS)
def test_guard_a_small_part_expanding_into_many_elements_is_still_a_bomb(seed, study_dir, monkeypatch):
    rng = np.random.default_rng(seed + 20)
    to_workbook(study_dir)
    path = study_dir / "study.xlsx"
    with zipfile.ZipFile(path) as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    sheet = "xl/worksheets/sheet1.xml"
    many = int(rng.integers(20_000, 40_000))  # under the 1 MiB past which the expansion itself is refused
    parts[sheet] = parts[sheet].replace(b"<sheetData>", b"<sheetData>" + b"<row/>" * many)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    cap = int(rng.integers(1_200, 5_000))  # past the other parts' elements (about 950): met in the sheet
    _cap(monkeypatch, cap)
    assert refused(study_dir) == [f"study.xlsx: expected a readable .xlsx workbook (study.xlsx:{sheet}: unsafe "
                                  f"archive - more than {cap:,} XML elements (an XML bomb?))"]


# --------------------------------------------------------------------------- 3. a decimal comma not in quotes


_NUMBER_COLUMNS = [("survey_responses.csv", "value"), ("reviews.csv", "n_recommendations")]


def _comma_number(rng: np.random.Generator) -> tuple[str, str]:
    """A number written with a decimal comma, points between its thousands or none, and how to write it."""
    whole, part = int(rng.integers(1, 99_999)), int(rng.integers(1, 99))
    if whole >= 1000 and rng.random() < 0.6:
        head = f"{whole:,}".replace(",", ".")
    else:
        head = str(whole)
    return f"{head},{part}", f"{whole}.{part}"


def _decimal_comma_said(file: str, row: int, column: str, width: int, text: str, fixed: str) -> str:
    first, second = text.rsplit(",", 1)
    return (f"{file}:{row}:{column}: '{text}' - expected {width} cells, one per header column (the number '{text}' "
            "holds a comma, which a comma-separated file takes for the end of a cell unless the cell is in double "
            f"quotes: it is read as two cells, '{first}' and '{second}', and the cells after it fall under the wrong "
            f"columns - write it with a decimal point and no other mark, '{fixed}'; the row's cells are not checked)")


@pytest.mark.parametrize("seed", SEEDS)
def test_a_decimal_comma_not_in_quotes_is_told_at_its_row_and_column(seed, study_dir):
    rng = np.random.default_rng(seed + 30)
    (file, column, line, width), (text, fixed) = _plant_cell(study_dir, rng, _NUMBER_COLUMNS, _comma_number)
    said = [p for p in refused(study_dir) if p.startswith(f"{file}:{line}:")]
    assert said == [_decimal_comma_said(file, line, column, width, text, fixed)]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_decimal_comma_before_an_empty_last_cell_is_not_called_a_comma_at_the_end_of_the_line(seed, study_dir):
    # an indicator's value before an empty flag: on main, "its last cell is empty: a comma at the end of the line?"
    rng = np.random.default_rng(seed + 40)
    texts = [_comma_number(rng) for _ in range(3)]
    rows = [["council_id", "period", "measure", "value", "flag"]]
    rows += [[c, "2012-03-31", "cp_rate", text, ""] for c, (text, _) in zip(["301", "302", "880"], texts, strict=True)]
    bad = sorted(int(k) for k in rng.choice(3, size=2, replace=False))
    for k in set(range(3)) - set(bad):
        rows[k + 1][3] = texts[k][1]  # written with a point: read
    _write(study_dir / "indicators.csv", rows)
    said = [p for p in refused(study_dir) if p.startswith("indicators.csv")]
    assert said == [_decimal_comma_said("indicators.csv", k + 2, "value", 5, *texts[k]) for k in bad]


def test_guard_a_comma_at_the_end_of_a_line_is_still_told_so(study_dir):
    rows = _rows(study_dir / "councils.csv")
    rows[2] = [*rows[2], ""]
    _write(study_dir / "councils.csv", rows)
    assert [p for p in refused(study_dir) if p.startswith("councils.csv")] == [
        "councils.csv:3: '6 cells' - expected 5 cells, one per header column (its last cell is empty: a comma at "
        "the end of the line? Take it off, or name the column in the header)"]


# --------------------------------------------------------------------------- 4. a number as Excel shows a long one


def _excel_shows(n: int) -> str:
    """``n`` as Excel's General format shows a number too long for its cell: six significant digits (1.23457E+12)."""
    mantissa, exponent = f"{n:.5E}".split("E")
    return f"{mantissa.rstrip('0').rstrip('.')}E{exponent[0]}{int(exponent[1:]):02d}"


def test_guard_excel_shows_as_the_project_writes():
    # Excel 365, General format: 1234567890123 in a narrow cell shows 1.23457E+12; 100000000000000 shows 1E+14
    assert [_excel_shows(1234567890123), _excel_shows(10**14), _excel_shows(40_500_000_000_000)] == [
        "1.23457E+12", "1E+14", "4.05E+13"]


_ID_COLUMNS = [("survey_responses.csv", "respondent_id"), ("interviews.csv", "interview_id")]


@pytest.mark.parametrize("seed", SEEDS)
def test_an_id_as_excel_shows_a_long_number_is_refused_its_digits_being_lost(seed, study_dir):
    rng = np.random.default_rng(seed + 50)

    def long_id(rng: np.random.Generator) -> tuple[str, int]:
        digits = int(rng.integers(12, 17))
        return _excel_shows(int(rng.integers(10 ** (digits - 1), 10 ** digits))), digits

    (file, column, line, _), (shown, digits) = _plant_cell(study_dir, rng, _ID_COLUMNS, long_id)
    kept = len(shown.split("E")[0].replace(".", ""))
    lost = digits - kept
    said = [p for p in refused(study_dir) if p.startswith(f"{file}:{line}:{column}:")]
    assert said == [f"{file}:{line}:{column}: '{shown}' - expected an id written in full ('{shown}' is a "
                    f"{digits}-digit number as a spreadsheet shows one in a column not formatted as text, to {kept} "
                    "significant digits, and a CSV file saved from the sheet holds only those: the id's last "
                    f"{lost} digits are lost - format the column as text and enter the ids again, or copy them from "
                    "their source)"], said


@pytest.mark.parametrize("seed", SEEDS)
def test_a_decimal_value_as_excel_shows_a_long_number_is_read_and_told_it_was_rounded(seed, study_dir):
    rng = np.random.default_rng(seed + 60)
    values = [int(rng.integers(10**11, 10**14)) for _ in range(3)]
    shown = [_excel_shows(v) for v in values]
    which = int(rng.integers(3))
    cells = [str(v) for v in values]
    cells[which] = shown[which]
    _write(study_dir / "indicators.csv", [["council_id", "period", "measure", "value", "flag"],
                                          *([c, "2012-03-31", "cp_rate", v, ""] for c, v in
                                            zip(["301", "302", "880"], cells, strict=True))])
    study = load_study(study_dir)
    read = float(shown[which])
    assert study.table("indicators")["value"].tolist() == [read if k == which else float(v)
                                                            for k, v in enumerate(values)]
    kept = len(shown[which].split("E")[0].replace(".", ""))
    told = [str(p) for p in study.load_problems if p.file == "indicators.csv"]
    assert told == [f"warning: indicators.csv:{which + 2}:value: '{shown[which]}' - expected a number written out in "
                    f"digits ('{shown[which]}' is how a spreadsheet shows a number too long for its cell, to {kept} "
                    f"significant digit{'s' if kept > 1 else ''}, and a CSV file saved from the sheet holds it "
                    f"rounded so: read as {read:,.0f}, its digits past the {kept}{_th(kept)} perhaps lost - format "
                    "the column as a number showing every digit, and save the file again)"]


def _th(n: int) -> str:
    return {1: "st", 2: "nd", 3: "rd"}.get(n, "th")


# --------------------------------------------------------------------------- 5. a Windows shortcut for a table


def _shortcut(target: str) -> bytes:
    """A Windows shortcut to ``target`` as [MS-SHLLINK] lays one out: the 76-byte header (HasLinkInfo), a LinkInfo
    with a VolumeID (a fixed drive) and the local base path; written here from the specification."""
    path = target.encode("cp1252") + b"\x00"
    volume = struct.pack("<4I", 17, 3, 0x5A17C0DE, 16) + b"\x00"  # size, DRIVE_FIXED, serial, label offset: no label
    header = 28
    info = struct.pack("<7I", header + len(volume) + len(path) + 1, header, 1, header, header + len(volume), 0,
                       header + len(volume) + len(path)) + volume + path + b"\x00"
    flags = 0x02  # HasLinkInfo
    head = (struct.pack("<I", 0x4C) + bytes.fromhex("0114020000000000C000000000000046") + struct.pack("<II", flags, 0x20)
            + bytes(24) + struct.pack("<IiI", 0, 0, 1) + bytes(12))
    assert len(head) == 0x4C
    return head + info


_SHORTCUT_SAID = ("a Windows shortcut (.lnk) to {target}, not the file itself (Windows hides a shortcut's .lnk ending): "
                  "copy the file it points to here in its place")


def _target(rng: np.random.Generator, name: str) -> str:
    user = str(rng.choice(["ann", "j.smith", "Olu Adebayo"]))
    where = str(rng.choice(["Documents\\Peer review 2012", "OneDrive - Torbay Council\\Evaluation", "Desktop"]))
    return f"C:\\Users\\{user}\\{where}\\{name}"


@pytest.mark.parametrize("seed", SEEDS)
def test_a_shortcut_in_place_of_a_required_table_is_told_with_where_it_points(seed, study_dir):
    rng = np.random.default_rng(seed + 70)
    name = str(rng.choice(["councils.csv", "participants.csv", "reviews.csv"]))
    target = _target(rng, name)
    (study_dir / name).unlink()
    (study_dir / f"{name}.lnk").write_bytes(_shortcut(target))
    said = [p for p in refused(study_dir) if p.startswith(f"{name}:")]
    assert len(said) == 1 and said[0].endswith(f"; found '{name}.lnk', {_SHORTCUT_SAID.format(target=target)}"), said


@pytest.mark.parametrize("seed", SEEDS)
def test_a_shortcut_in_place_of_an_optional_table_is_told_not_read_without_a_word(seed, study_dir):
    rng = np.random.default_rng(seed + 80)
    target = _target(rng, "indicators.csv")
    (study_dir / "indicators.csv.lnk").write_bytes(_shortcut(target))
    study = load_study(study_dir)
    told = [str(p) for p in study.load_problems if p.file == "indicators.csv"]
    assert len(told) == 1 and f"found 'indicators.csv.lnk', {_SHORTCUT_SAID.format(target=target)}; it is optional, " \
        "so the study is read without it: copy the file in to have it read" in told[0], told


@pytest.mark.parametrize("seed", SEEDS)
def test_a_shortcut_saved_under_a_tables_name_is_told_as_a_shortcut(seed, study_dir):
    rng = np.random.default_rng(seed + 90)
    name = str(rng.choice(["councils.csv", "interviews.csv", "survey_responses.csv"]))
    target = _target(rng, name)
    (study_dir / name).write_bytes(_shortcut(target))
    assert f"{name}: expected a readable CSV file ({_SHORTCUT_SAID.format(target=target)})" in refused(study_dir)


@pytest.mark.parametrize("which", ["study.yaml", "transcript", "transcripts"])
@pytest.mark.parametrize("seed", SEEDS)
def test_a_shortcut_for_study_yaml_a_transcript_or_the_transcripts_folder_is_told_with_where_it_points(seed, which,
                                                                                                      study_dir):
    # on main: "found 'study.yaml.lnk': the name is exact, study.yaml" (it is), "expected an existing file
    # transcripts/301/P1-early.txt" and "transcripts/: ... (it is missing)", none naming a shortcut
    rng = np.random.default_rng(seed + 95)
    if which == "study.yaml":
        target = _target(rng, "study.yaml")
        (study_dir / "study.yaml").unlink()
        (study_dir / "study.yaml.lnk").write_bytes(_shortcut(target))
        assert refused(study_dir) == ["study.yaml: expected a study.yaml file in the study folder; found "
                                      f"'study.yaml.lnk', {_SHORTCUT_SAID.format(target=target)}"]
    elif which == "transcript":
        rows = _rows(study_dir / "interviews.csv")
        row = int(rng.integers(1, len(rows)))
        rel = rows[row][rows[0].index("transcript")]
        target = _target(rng, rel.rsplit("/", 1)[-1])
        (study_dir / "transcripts" / rel).unlink()
        (study_dir / "transcripts" / f"{rel}.lnk").write_bytes(_shortcut(target))
        name = rel.rsplit("/", 1)[-1]
        assert [p for p in refused(study_dir) if p.startswith("interviews.csv") and ":transcript:" in p] == [
            f"interviews.csv:{row + 1}:transcript: '{rel}' - expected an existing file transcripts/{rel} (found "
            f"'{name}.lnk', {_SHORTCUT_SAID.format(target=target)})"]
    else:
        target = _target(rng, "transcripts")
        shutil.rmtree(study_dir / "transcripts")
        (study_dir / "transcripts.lnk").write_bytes(_shortcut(target))
        folder = _SHORTCUT_SAID.format(target=target).replace("the file", "the folder")
        said = [p for p in refused(study_dir) if p.startswith("transcripts/:")]
        assert len(said) == 1 and said[0].endswith(f"(it is missing; found 'transcripts.lnk', {folder})"), said


# --------------------------------------------------------------------------- 6. a byte-order mark turned into text


_MARKS = [("\u00ef\u00bb\u00bf", "UTF-8"), ("\u00ff\u00fe", "UTF-16")]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_byte_order_mark_saved_as_text_is_one_problem_naming_it(seed, study_dir):
    # on main: "'ï»¿council_id' - expected only the columns [...] (did you mean 'council_id'?)" and "expected a column
    # `council_id`": two problems, neither saying what the three characters are
    rng = np.random.default_rng(seed + 100)
    name = str(rng.choice(["councils.csv", "reviews.csv", "participants.csv", "interviews.csv"]))
    mark, encoding = _MARKS[int(rng.integers(len(_MARKS)))]
    path = study_dir / name
    text = path.read_text(encoding="utf-8")
    first = text.split(",", 1)[0]
    path.write_text(mark + text, encoding="utf-8")  # the mark's bytes read as Windows-1252, saved again as UTF-8
    said = [p for p in refused(study_dir) if p.startswith(f"{name}:")]
    assert said == [f"{name}:1:{first}: '{mark}{first}' - expected the column name without '{mark}' before it "
                    f"('{mark}' is the byte-order mark a {encoding} file begins with, read as Windows-1252 text and "
                    "saved again: the file was opened as Windows-1252 and saved, and each accented letter, '£' or "
                    "curly quote in it is now two or three other characters - save the table again from the original "
                    f"as \"CSV UTF-8 (comma delimited)\", or, if it holds none of those, delete '{mark}' from its "
                    "start)"]
    assert list(_quiet_load(study_dir).table(name.removesuffix(".csv")).columns)[0] == first


# --------------------------------------------------------------------------- 7. a date exported with a time zone


@pytest.mark.parametrize("seed", SEEDS)
def test_a_date_exported_as_uk_midnight_in_utc_is_refused_naming_the_date_typed(seed, study_dir):
    # a SharePoint list or a web form exports a date typed in the UK as its midnight there, in UTC: in summer time
    # 23:00 the day before; on main "expected a date as YYYY-MM-DD" alone
    from zoneinfo import ZoneInfo

    rng = np.random.default_rng(seed + 110)
    path = study_dir / "interviews.csv"
    rows = _rows(path)
    said_rows = sorted(int(k) for k in rng.choice(np.arange(1, len(rows)), size=3, replace=False))
    meant = {}
    for n, k in enumerate(said_rows):  # the first in summer time (June to August), the others any day
        start = pd.Timestamp(f"{int(rng.integers(2005, 2012))}-06-01") if n == 0 else pd.Timestamp("2005-01-01")
        day = start + pd.Timedelta(days=int(rng.integers(0, 92 if n == 0 else 365 * 6)))
        local = datetime.datetime(day.year, day.month, day.day, tzinfo=ZoneInfo("Europe/London"))
        utc = local.astimezone(datetime.UTC)
        cell = utc.strftime("%Y-%m-%dT%H:%M:%S") + str(rng.choice([".000Z", "Z"]))
        rows[k][rows[0].index("date")] = cell
        meant[k] = (cell, local.date().isoformat(), utc.date() != local.date())
    _write(path, rows)
    said = [p for p in refused(study_dir) if ":date:" in p and p.startswith("interviews.csv")]
    shown = "it is a date and time with a time zone, as a web form or SharePoint list exports a date"
    assert said == [f"interviews.csv:{k + 1}:date: '{cell}' - expected a date as YYYY-MM-DD " + (
        f"({shown}: {cell} is midnight of {date} in the UK, in British Summer Time, the date typed there, where UTC is "
        f"still the day before: write {date})" if before else f"(write it as YYYY-MM-DD: {date})")
        for k, (cell, date, before) in meant.items()]

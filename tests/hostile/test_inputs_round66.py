"""Input round 66 (helper inputs66): counts in messages, the UK's clocks before 1996, a workbook bomb at its real size,
and the files a hostile user puts in a study folder.

What a red team found on main's head (each test below failed there):

1. A message built with a count did not agree with it: a row of one spare empty cell was "its last 1 cell is empty",
   a row of one cell "'1 cells' - expected 7 cells", a wave written as a number in a study of one wave "it has 1
   waves", a hidden sheet of one row "its 1 row of data are read", and a part of a zip archive "declares a 81-fold
   expansion".  Every count goes through ``impact._words`` (``_counted``, ``_verb``, and ``_after_the`` for a noun
   after 'its last' or 'the first': the noun alone for one).
2. A date exported with a time zone (``1994-10-25T23:00:00Z``) was read by a hand rule of the UK's summer time (March's
   last Sunday to October's, the rule since 1996); until 1995 it ended on October's fourth Sunday, so in the week
   after it in 1993-1995 a UTC midnight was told as "01:00, write the date alone" and 23:00 UTC as the next day's
   midnight "in British Summer Time".  The Europe/London rules of the time zone database (zoneinfo) are read now.
3. A workbook part expanding 50-100-fold (under the 100-fold cap on any member) was only tested small.  At its real
   size, 120 MB of text in one cell of a 1.8 MB workbook (68-fold) was read by openpyxl for 270 s, to 5.2 GB of
   memory.  A cell, shared string or comment of more text than Excel holds (32,767 characters, and 8,192 of formula)
   is refused as soon as that much is read, whatever the ratio, and the rest of the part is not inflated.  (A ratio
   alone tells no bomb: LibreOffice's .ods of the bundled example expands 86-fold.  120 MB of rows at 81-fold was
   refused on main too, as a sheet reaching past 1,000,000 cells, after 200,001 rows: 3.5 s, 183 MB.)
4. A table saved with a name ending in a dot or a space (``councils.csv.``, which Windows takes off, so the file
   shows there as ``councils.csv``) was "expected the file councils.csv" alone, the file beside it not named; for an
   optional table, nothing was said and the study was read without it.  It is named, with why Windows would show it
   as the table.
5. Header cells merged in a sheet (``B1:C1``) were told three times: the merge, the blank header cell it leaves in
   C1, and the column whose name that was.  The blank cell is the merge's problem, told once with it.

Swept and found as the format reference says on main (no test: each is told naming file, row, column and what was
expected, or read with a warning): a CSV file in UTF-16 with its mark or in Windows-1252 with smart quotes (read,
the latter with a warning; a smart-quoted id refused with the id meant); a hidden or very hidden sheet (read, with a
warning saying how to unhide it); a formula's cached ``#REF!`` or ``#N/A`` (refused on its cell); dates mixing
``dd/mm`` and ``mm/dd`` (each ambiguous one refused, naming the month-first date); an id with a leading zero or
typed as a number (``'0301'``, ``7`` for ``007``: refused with the id meant), with spaces at its ends (read without
them, as documented); a transcript named ``CON.txt`` or ending in a dot; a link out of the study folder; a zero-byte
table; a folder where a file is expected; a header naming a column twice in another case or with spaces.

Values, rows and columns are drawn from seeds the project has not used (6601-6603 and those plus 10 to 60).
"""

from __future__ import annotations

import csv
import datetime
import shutil
import struct
import tracemalloc
import warnings
import zipfile
import zlib
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
import pytest
import yaml
from test_study_workbook import edit, refused, to_workbook

import impact._archive
from impact import load_study

SEEDS = [6601, 6602, 6603]
LONDON = ZoneInfo("Europe/London")


def _rows(path: Path) -> list[list[str]]:
    return list(csv.reader(path.read_text(encoding="utf-8").splitlines()))


def _write(path: Path, rows: list[list[str]]) -> None:
    """``rows`` written as a hand-edited CSV file: cells joined by commas, none quoted."""
    path.write_text("".join(",".join(r) + "\n" for r in rows), encoding="utf-8")


def _told(folder: Path) -> list[str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return [str(p) for p in load_study(folder).load_problems]


# --------------------------------------------------------------------------- 1. counts that agree with their noun


@pytest.mark.parametrize("seed", SEEDS)
def test_a_row_of_one_spare_empty_cell_is_its_last_cell_not_its_last_1_cell(seed, study_dir):
    rng = np.random.default_rng(seed)
    file = str(rng.choice(["councils.csv", "participants.csv", "interviews.csv"]))
    rows = _rows(study_dir / file)
    one, more = (int(k) for k in rng.choice(np.arange(1, len(rows)), size=2, replace=False))
    spare = int(rng.integers(2, 5))
    rows[one] += [""]
    rows[more] += [""] * spare
    _write(study_dir / file, rows)
    said = {p.split(":")[1]: p for p in refused(study_dir) if p.startswith(f"{file}:")}
    width = len(rows[0])
    tail = ": a comma at the end of the line? Take it off, or name the column in the header)"
    assert said[str(one + 1)] == (f"{file}:{one + 1}: '{width + 1} cells' - expected {width} cells, one per header "
                                  f"column (its last cell is empty{tail}")
    assert said[str(more + 1)] == (f"{file}:{more + 1}: '{width + spare} cells' - expected {width} cells, one per "
                                   f"header column (its last {spare} cells are empty{tail}")


@pytest.mark.parametrize("seed", SEEDS)
def test_a_row_of_one_cell_inside_the_table_is_1_cell(seed, study_dir):
    rng = np.random.default_rng(seed + 10)
    rows = _rows(study_dir / "interviews.csv")
    k = int(rng.integers(1, len(rows) - 1))  # not the last row: one below the table is a note
    rows[k] = [rows[k][0]]
    _write(study_dir / "interviews.csv", rows)
    said = [p for p in refused(study_dir) if p.startswith(f"interviews.csv:{k + 1}: ")]
    assert said == [f"interviews.csv:{k + 1}: '1 cell' - expected {len(rows[0])} cells, one per header column"]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_wave_written_as_its_number_in_a_study_of_one_wave_says_1_wave(seed, study_dir):
    rng = np.random.default_rng(seed + 20)
    meta = yaml.safe_load((study_dir / "study.yaml").read_text(encoding="utf-8"))
    meta["waves"] = [{"id": "baseline", "label": "Before the review", "anchor": "review_start",
                      "window_days": [-3650, 3650]}]
    (study_dir / "study.yaml").write_text(yaml.safe_dump(meta), encoding="utf-8")
    rows = _rows(study_dir / "interviews.csv")
    k = int(rng.integers(1, len(rows)))
    written = str(rng.choice(["2", "3", "Wave 2", "second"]))
    for r in rows[1:]:
        r[rows[0].index("wave")] = ""
    rows[k][rows[0].index("wave")] = written
    _write(study_dir / "interviews.csv", rows)
    said = [p for p in refused(study_dir) if p.startswith(f"interviews.csv:{k + 1}:wave:")]
    assert len(said) == 1 and said[0].endswith(" (waves are named by their ids in study.yaml, and it has 1 wave: "
                                               "baseline)"), said


@pytest.mark.parametrize("seed", SEEDS)
def test_a_hidden_sheet_of_one_row_of_data_is_told_in_the_singular(seed, study_dir):
    rng = np.random.default_rng(seed + 30)
    to_workbook(study_dir)
    council = str(rng.choice(["301", "302", "880"]))
    state = str(rng.choice(["hidden", "veryHidden"]))

    def change(wb):
        ws = wb.create_sheet("actions")
        ws.append(["action_id", "council_id", "theme", "owner_role", "description"])
        ws.append([f"A{int(rng.integers(1, 99))}", int(council), "outcomes", "dcs", "Audit the front door"])
        ws.sheet_state = state

    edit(study_dir / "study.xlsx", change)
    said = [p for p in _told(study_dir) if "(sheet 'actions')" in p]
    assert len(said) == 1 and "it is hidden, and its 1 row of data is read as a shown sheet's are" in said[0], said


def test_a_part_declaring_more_than_its_ratio_says_that_it_expands_so(tmp_path):
    with zipfile.ZipFile(tmp_path / "a.zip", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("bomb", b"\0" * (2 * 1024 * 1024))
    with pytest.raises(impact.InputError) as err, impact._archive.open_archive(tmp_path / "a.zip", label="a.zip"):
        pass
    assert "entry 'bomb' declares that it expands 1,0" in str(err.value)
    assert "declares a " not in str(err.value)  # 'a 81-fold', 'a 800-fold': no article agrees with every number


# --------------------------------------------------------------------------- 2. summer time before 1996


def _fourth_sunday_weeks(rng: np.random.Generator, k: int) -> list[datetime.date]:
    """``k`` days of the weeks the UK's summer time rules differed: from October's fourth Sunday (its end until 1995)
    to its last (its end since 1996), in 1993-1995, the only years of the dates accepted (from 1990) they differ."""
    days = []
    for year in (1993, 1994, 1995):
        fourth = datetime.date(year, 10, 22) + datetime.timedelta(days=(6 - datetime.date(year, 10, 22).weekday()) % 7)
        days += [fourth + datetime.timedelta(days=d) for d in range(7)]
    return [days[int(i)] for i in rng.choice(len(days), size=k, replace=False)]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_uk_midnight_in_utc_before_1996_is_read_by_the_clocks_of_the_time(seed, study_dir):
    rng = np.random.default_rng(seed + 40)
    rows = _rows(study_dir / "interviews.csv")
    cells = {}
    for k, day, late in zip(sorted(int(k) for k in rng.choice(np.arange(1, len(rows)), size=3, replace=False)),
                            _fourth_sunday_weeks(rng, 3), [False, True, bool(rng.integers(2))], strict=True):
        if late:  # 23:00 UTC the day before: midnight there in summer time, not in these weeks of winter time
            utc = datetime.datetime.combine(day - datetime.timedelta(days=1), datetime.time(23), datetime.UTC)
        else:  # the midnight a form exported: UTC is the UK's time in winter
            utc = datetime.datetime.combine(day, datetime.time(0), LONDON).astimezone(datetime.UTC)
        cell = utc.strftime("%Y-%m-%dT%H:%M:%S") + str(rng.choice([".000Z", "Z"]))
        rows[k][rows[0].index("date")] = cell
        local = utc.astimezone(LONDON)
        assert local.utcoffset() == datetime.timedelta(0)  # the premise: winter time then, by the tz database
        cells[k] = (cell, local)
    _write(study_dir / "interviews.csv", rows)
    said = {int(p.split(":")[1]): p for p in refused(study_dir) if p.startswith("interviews.csv") and ":date:" in p}
    shown = "it is a date and time with a time zone, as a web form or SharePoint list exports a date"
    for k, (cell, local) in cells.items():
        if local.time() == datetime.time(0):
            tail = f"(write it as YYYY-MM-DD: {local.date().isoformat()})"
        else:
            tail = f"({shown}, at {cell[11:16]} (Z): write the date alone, as YYYY-MM-DD, the date meant)"
        assert said[k + 1] == f"interviews.csv:{k + 1}:date: '{cell}' - expected a date as YYYY-MM-DD {tail}"


# --------------------------------------------------------------------------- 3. a workbook bomb at its real size


def _deflated_block(data: bytes) -> bytes:
    """``data`` as raw deflate blocks ending on a full flush: the same block repeated is a valid stream, which
    expands as ``data`` does (each copy compressed alone), so a bomb of any size costs one compression."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush(zlib.Z_FULL_FLUSH)


def _zip(path: Path, members: list[tuple[str, bytes, bytes, int, int]]) -> None:
    """A zip archive of deflated ``members`` (name, raw deflate stream, its end, CRC-32, size), written by hand: its
    declared sizes are what the stream holds."""
    out, central = bytearray(), bytearray()
    for name, body, end, crc, size in members:
        raw = name.encode()
        offset = len(out)
        compressed = len(body) + len(end)
        out += struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 33, crc, compressed, size, len(raw), 0) + raw
        out += body + end
        central += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 8, 0, 33, crc, compressed, size, len(raw),
                               0, 0, 0, 0, 0, offset) + raw
    n = len(members)
    path.write_bytes(bytes(out) + bytes(central)
                     + struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, n, n, len(central), len(out), 0))


def _bomb(book: Path, fill: bytes, copies: int, *, opening: bytes = b"", closing: bytes = b"") -> tuple[int, float]:
    """``book`` (an .xlsx) with its first sheet's rows led by ``opening``, ``copies`` of ``fill`` and ``closing``:
    (the sheet's size, its expansion)."""
    with zipfile.ZipFile(book) as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    sheet = "xl/worksheets/sheet1.xml"
    head, _, tail = parts[sheet].partition(b"<sheetData>")
    head += b"<sheetData>" + opening
    tail = closing + tail
    block = _deflated_block(fill)
    ends = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = _deflated_block(head) + block * copies
    end = ends.compress(tail) + ends.flush()
    crc = zlib.crc32(head)
    for _ in range(copies):
        crc = zlib.crc32(fill, crc)
    crc = zlib.crc32(tail, crc)
    size = len(head) + copies * len(fill) + len(tail)
    members = []
    for name, data in parts.items():
        if name == sheet:
            members.append((name, body, end, crc, size))
        else:
            c = zlib.compressobj(9, zlib.DEFLATED, -15)
            members.append((name, c.compress(data) + c.flush(), b"", zlib.crc32(data), len(data)))
    _zip(book, members)
    return size, size / (len(body) + len(end))


def _inflated(monkeypatch) -> list[int]:
    """The bytes :class:`impact._archive.GuardedZip` inflates from the sheet's part, counted as they are streamed."""
    seen = [0]
    stream = impact._archive.GuardedZip.stream

    def counted(self, name, **kwargs):
        for chunk in stream(self, name, **kwargs):
            if self.info(name).filename == "xl/worksheets/sheet1.xml":
                seen[0] += len(chunk)
            yield chunk

    monkeypatch.setattr(impact._archive.GuardedZip, "stream", counted)
    return seen


def _refused_within(folder: Path) -> tuple[list[str], int]:
    """The problems refusing the study, and the most memory Python held meanwhile (bytes)."""
    tracemalloc.start()
    try:
        said = refused(folder)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return said, peak


def _one_cell_bomb(folder: Path, rng: np.random.Generator, runs: tuple[int, int]) -> tuple[int, float, int]:
    """The study workbook of ``folder`` with one cell of its councils sheet holding 20-120 MB of text: runs of one
    letter between others (the run's length drawn from ``runs``) make the expansion.  (the sheet's size, its
    expansion, the cell's row)."""
    run = int(rng.integers(*runs))
    fill = bytes(rng.integers(97, 99, 100_000 // run * 2, dtype=np.uint8)).replace(b"a", b"a" * run)
    row = int(rng.integers(5, 9))
    size, ratio = _bomb(folder / "study.xlsx", fill, int(rng.integers(600, 1200)),
                        opening=f'<row r="{row}"><c r="B{row}" t="inlineStr"><is><t>'.encode(),
                        closing=b"</t></is></c></row>")
    return size, ratio, row


def _cell_refused(where: str) -> str:
    """The refusal of study.xlsx for the text ``where`` names ("(sheet 'councils'): cell B5")."""
    return (f"study.xlsx: expected a readable .xlsx workbook (study.xlsx {where} holds more than 40,959 characters of "
            "text - expected at most 32,767 in a cell (and 8,192 in its formula), the most Excel holds: a zip bomb, or "
            "a file no spreadsheet saved?)")


#: Runs of one letter drawn from ``runs`` give an expansion of ``low`` to ``high``-fold, the text at least ``size`` bytes:
#: 50-100-fold, under the 100-fold cap on any member (on main a 1.8 MB workbook of 120 MB in one cell, 68-fold, was
#: read for 270 s, to 5.2 GB of memory); 15-50-fold, as large a file as a worksheet of its size is.
_BANDS = {"50-100": ((30, 75), 50, 100, 50_000_000), "15-50": ((6, 16), 15, 50, 20_000_000)}


@pytest.mark.parametrize("band", list(_BANDS))
@pytest.mark.parametrize("seed", SEEDS)
def test_a_cell_of_more_text_than_excel_holds_is_refused_without_inflating_the_rest_whatever_the_ratio(
        seed, band, study_dir, monkeypatch):
    runs, low, high, least = _BANDS[band]
    rng = np.random.default_rng(seed + 50 + (band == "15-50"))
    to_workbook(study_dir)
    size, ratio, row = _one_cell_bomb(study_dir, rng, runs)
    assert low < ratio < high and size > least, (ratio, size)  # the premise
    seen = _inflated(monkeypatch)
    said, peak = _refused_within(study_dir)
    assert said == [_cell_refused(f"(sheet 'councils'): cell B{row}")]
    assert seen[0] < 4 * 1024 * 1024, seen  # a chunk or a few of the stream, not the sheet
    assert peak < 64 * 1024 * 1024, peak


def declare_shared_strings(parts: dict[str, bytes]) -> None:
    """Declare a shared strings part, ``xl/sharedStrings.xml``, in a workbook's ``parts`` (openpyxl writes none)."""
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(b"</Types>", (
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        b'spreadsheetml.sharedStrings+xml"/></Types>'))
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(b"</Relationships>", (
        b'<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        b'sharedStrings" Target="sharedStrings.xml"/></Relationships>'))


def test_a_shared_string_of_more_text_than_excel_holds_is_refused(study_dir):
    # Excel keeps a cell's text in the shared strings (openpyxl writes it in the cell): one of 45,000 characters, a
    # paste of a whole document, is put there by hand
    to_workbook(study_dir)
    rng = np.random.default_rng(6611)
    text = "".join(rng.choice(list("abcdefgh "), size=45_000))
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    book = study_dir / "study.xlsx"
    with zipfile.ZipFile(book) as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    parts["xl/sharedStrings.xml"] = f'<sst xmlns="{ns}" count="1" uniqueCount="1"><si><t>{text}</t></si></sst>'.encode()
    declare_shared_strings(parts)
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = parts[sheet].replace(b'<c r="B3" t="inlineStr"><is><t>Barnet</t></is></c>',
                                        b'<c r="B3" t="s"><v>0</v></c>')
    assert b'<c r="B3" t="s">' in parts[sheet]
    with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    assert refused(study_dir) == [_cell_refused("(xl/sharedStrings.xml): shared string 1")]


# --------------------------------------------------------------------------- 4. a table's name ending in a dot


@pytest.mark.parametrize("seed", SEEDS)
def test_a_table_named_with_a_dot_or_space_at_its_end_is_named(seed, study_dir):
    rng = np.random.default_rng(seed + 70)
    end = str(rng.choice([".", "..", ". ", ". ."]))
    shown = "dot" if end.endswith(".") else "space"
    required = str(rng.choice(["councils.csv", "participants.csv", "reviews.csv"]))
    shutil.move(study_dir / required, study_dir / (required + end))
    said = [p for p in refused(study_dir) if p.startswith(f"{required}:")]
    assert len(said) == 1 and (f"; found '{required}{end}' ('{required}{end}' ends in a {shown}, which Windows "
                               f"takes off: there it would name another file, '{required}'): names are exact"
                               in said[0]), said


def test_an_optional_table_named_with_a_dot_at_its_end_is_told_not_passed_over(study_dir):
    rows = [["action_id", "council_id", "theme", "owner_role", "description"], ["A7", "302", "outcomes", "dcs", "x"]]
    _write(study_dir / "actions.csv.", rows)
    said = [p for p in _told(study_dir) if "actions.csv" in p]
    assert len(said) == 1 and said[0].startswith("warning: actions.csv: expected the file actions.csv") and (
        "found 'actions.csv.' ('actions.csv.' ends in a dot, which Windows takes off" in said[0]), said


# --------------------------------------------------------------------------- 5. merged header cells


@pytest.mark.parametrize("seed", SEEDS)
def test_header_cells_merged_are_one_problem_with_the_column_they_hid(seed, study_dir):
    from openpyxl.utils import get_column_letter

    rng = np.random.default_rng(seed + 80)
    to_workbook(study_dir)
    sheet = str(rng.choice(["councils", "participants", "interviews"]))
    header = _rows_of(study_dir, sheet)
    first = int(rng.integers(1, len(header) - 1))  # 0-based: the merge starts after the first column
    last = first + 1
    ref = f"{get_column_letter(first + 1)}1:{get_column_letter(last + 1)}1"
    edit(study_dir / "study.xlsx", lambda wb: wb[sheet].merge_cells(ref))  # Excel keeps the first cell's value
    said = [p for p in refused(study_dir) if p.startswith(f"study.xlsx (sheet '{sheet}'):1:")]
    assert said == [
        f"study.xlsx (sheet '{sheet}'):1:{get_column_letter(first + 1)} ({header[first]}): '{ref}' - expected one "
        f"value in each cell, not cells merged into one (a merged cell keeps its value in "
        f"{get_column_letter(first + 1)}1 only, so the other cells of {ref} would be read as blank): unmerge the "
        "cells and fill in each of them",
        f"study.xlsx (sheet '{sheet}'):1:{header[last]}: expected a column `{header[last]}` "
        f"({_description(sheet, header[last])})"]


def _rows_of(folder: Path, sheet: str) -> list[str]:
    import openpyxl

    wb = openpyxl.load_workbook(folder / "study.xlsx", read_only=True)
    try:
        return [c.value for c in next(wb[sheet].iter_rows(max_row=1))]
    finally:
        wb.close()


def _description(table: str, column: str) -> str:
    from impact.schema import TABLES

    return TABLES[table].column(column).description

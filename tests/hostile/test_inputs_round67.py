"""Input round 67 (helper inputs67): the limits round 66 left.

What was found on main's head (each test below failed there):

1. A workbook's text had no limit in all: a sheet of many cells, each under the 32,767 characters a cell holds (120
   MB of text at 74-fold) was read whole, in 4 s, to 283 MB.  A workbook of more than 32,000,000 characters of text
   (``XLSX_LIMITS['max_text']``: the bundled example's tables hold 572,756 as a workbook, the six DfE tables of
   children's social care by council 1.8 million in all) is refused as soon as the cell passing it is read, naming
   file, sheet, cell and the limit; the rest of the part is not inflated.
2. An ``.ods``'s cells were read by calamine without those limits: a cell of 120 MB of text, or many cells of text
   (or one cell of text repeated across columns and rows, which calamine makes into as many strings) were built.
   ``content.xml`` is held to the same limits, streamed before calamine sees the file.
3. ``NUL.csv`` beside the tables (a copy of a table) was told as a copy alone, and ``Aux.pdf`` not at all: Windows
   cannot make a file of a device's name (CON, PRN, AUX, NUL, COM1-9, LPT1-9, any case, any extension), so the study
   folder will not copy there whole.  Every file so named is told, saying so.

The rows bomb of round 66 (120 MB of rows at 81-fold: 3.5 s, 183 MB) is measured by ``bench/rows_bomb.py``.

Values are drawn from seeds the project has not used (6701-6703 and those plus 10 to 40).
"""

from __future__ import annotations

import importlib.util
import shutil
import warnings
import zipfile
from pathlib import Path

import numpy as np
import pytest
from test_study_workbook import refused, to_workbook

from hostile.test_inputs_round66 import _inflated, _refused_within, _told, declare_shared_strings
from impact import load_study
from impact.schema import TABLES

SEEDS = [6701, 6702, 6703]


def _bench(name: str):
    """The module ``bench/<name>.py`` of this repository, by its file (another checkout's ``bench`` may come first on
    the path)."""
    path = Path(__file__).resolve().parents[2] / "bench" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"_bench_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


#: The bombs are written as the benchmark writes them.
write_bombs = _bench("rows_bomb").write_bombs
BUDGET = 32_000_000  # the characters of text a workbook may hold in all, as docs/study-format.md says
READERS = all(importlib.util.find_spec(m) is not None for m in ("python_calamine", "olefile"))
needs_readers = pytest.mark.skipif(not READERS, reason="the optional readers of .ods (impact[spreadsheets])")


def _text_run(rng: np.random.Generator, size: int) -> bytes:
    """``size`` letters of runs of one letter (30 to 120 long) between others: text that deflates 15-70-fold."""
    out = bytearray()
    while len(out) < size:
        out += bytes([int(rng.integers(97, 123))]) * int(rng.integers(30, 120))
    return bytes(out[:size])


def _budget_passed(cells: list[int], before: int = 0) -> int:
    """The 1-based index of the cell whose text takes the characters read past :data:`BUDGET` (``before`` read
    first), counted here independently of the reader."""
    total = before
    for k, n in enumerate(cells, 1):
        total += n
        if total > BUDGET:
            return k
    raise AssertionError("the text does not pass the budget")


def _sheet_bomb(book: Path, fill: bytes, copies: int, *, parts: dict[str, bytes] | None = None,
                bombs: dict[str, tuple[bytes, bytes, int, bytes]] | None = None) -> tuple[int, float]:
    """``book``'s first sheet with ``copies`` of the XML ``fill`` at the start of its rows (``parts``: its members,
    if not as saved; ``bombs``: other members made so): (the sheet's size, its expansion)."""
    if parts is None:
        with zipfile.ZipFile(book) as z:
            parts = {i.filename: z.read(i) for i in z.infolist()}
    sheet = "xl/worksheets/sheet1.xml"
    head, _, tail = parts[sheet].partition(b"<sheetData>")
    return write_bombs(book, parts, {**(bombs or {}), sheet: (head + b"<sheetData>", fill, copies, tail)})[sheet]


def _text_read_before(book: Path) -> int:
    """The characters of text (between any two tags) of the parts of ``book`` that hold its text (under ``xl/``), in
    the order of the archive, before the first sheet's rows."""
    total = 0
    with zipfile.ZipFile(book) as z:
        for name in z.namelist():
            if name.startswith("xl/") and name.endswith(".xml"):
                if name == "xl/worksheets/sheet1.xml":
                    with z.open(name) as fh:  # its opening alone: the rest is the bomb
                        head = fh.read(1 << 16).partition(b"<sheetData>")[0]
                    return total + _text_before(head + b"<sheetData>")
                total += _text_before(z.read(name))
    raise AssertionError("no first sheet")


def _budget_refused(where: str) -> str:
    return (f"expected a readable .{where.split(' ')[0].rpartition('.')[2]} workbook ({where} brings the workbook's "
            f"text to more than {BUDGET:,} characters - expected at most that many in a workbook, far more than a "
            "study's tables hold (a zip bomb? A table this large is read from a CSV file, up to 50 MiB))")


# --------------------------------------------------------------------------- 1. a workbook's text in all


@pytest.mark.parametrize("seed", SEEDS)
def test_a_workbook_of_more_text_than_a_study_holds_is_refused_at_the_cell_passing_it(seed, study_dir, monkeypatch):
    rng = np.random.default_rng(seed)
    to_workbook(study_dir)
    length = int(rng.integers(20_000, 32_768))  # each cell under the most Excel holds
    text = _text_run(rng, length)
    copies = BUDGET // length + int(rng.integers(50, 800))
    blanks = int(rng.integers(0, 5))  # empty cells before it, each the next column, as a cell without its reference
    column = "ABCDE"[blanks]
    size, ratio = _sheet_bomb(study_dir / "study.xlsx", b"<row>" + b"<c/>" * blanks + b'<c t="inlineStr"><is><t>'
                              + text + b"</t></is></c></row>", copies)
    assert size > BUDGET and ratio > 15, (size, ratio)  # the premise: more text than the budget, a small file
    row = _budget_passed([length] * copies, before=_text_read_before(study_dir / "study.xlsx"))
    seen = _inflated(monkeypatch)
    said, peak = _refused_within(study_dir)
    assert said == [f"study.xlsx: {_budget_refused(f'study.xlsx (sheet {chr(39)}councils{chr(39)}): cell {column}{row}')}"]
    assert seen[0] < BUDGET + 4 * 1024 * 1024 < size, seen  # streamed to the cell passing it, not the rest
    assert peak < 64 * 1024 * 1024, peak


def test_the_budget_counts_the_text_of_every_part_together(study_dir):
    # Excel keeps a cell's text in the shared strings: those and the sheets' cells count together, so a workbook
    # cannot pass the budget by spreading its text over parts
    to_workbook(study_dir)
    rng = np.random.default_rng(6711)
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    book = study_dir / "study.xlsx"
    with zipfile.ZipFile(book) as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    declare_shared_strings(parts)
    length = int(rng.integers(20_000, 32_000))
    half = BUDGET // 2 // length  # half the budget in shared strings, the rest in a sheet after them
    parts = {"xl/sharedStrings.xml": b"", **parts}  # read first
    text = _text_run(rng, length)
    copies = BUDGET // length - half + 40
    sst = (f'<sst xmlns="{ns}">'.encode(), b"<si><t>" + text + b"</t></si>", half, b"</sst>")
    _sheet_bomb(book, b'<row><c/><c/><c t="inlineStr"><is><t>' + text + b"</t></is></c></row>", copies, parts=parts,
                bombs={"xl/sharedStrings.xml": sst})
    before = _text_read_before(book)
    assert before >= half * length  # the premise: the shared strings are read first
    row = _budget_passed([length] * copies, before=before)
    said = refused(study_dir)
    assert said == [f"study.xlsx: {_budget_refused(f'study.xlsx (sheet {chr(39)}councils{chr(39)}): cell C{row}')}"]


# --------------------------------------------------------------------------- 2. an .ods held to the same limits


_ODS_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
_MANIFEST = (b'<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument'
             b':xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-'
             b'type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.'
             b'xml" manifest:media-type="text/xml"/></manifest:manifest>')


def _ods_cell(value: str) -> str:
    from xml.sax.saxutils import escape

    return f'<table:table-cell office:value-type="string"><text:p>{escape(value)}</text:p></table:table-cell>'


def _to_ods(folder: Path) -> tuple[bytes, bytes]:
    """Move each table's CSV file of ``folder`` into a sheet of ``study.ods`` (every cell text, as a CSV file's
    are), written by hand as LibreOffice writes one; the ``content.xml`` before and after the first sheet's rows."""
    import csv

    sheets = []
    for name, spec in TABLES.items():
        path = folder / spec.filename
        if not path.exists():
            continue
        rows = list(csv.reader(path.read_text(encoding="utf-8").splitlines()))
        sheets.append((name, "".join("<table:table-row>" + "".join(_ods_cell(c) for c in row) + "</table:table-row>"
                                     for row in rows)))
        path.unlink()
    head = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS_NS} office:version="1.2">'
            f'<office:body><office:spreadsheet><table:table table:name="{sheets[0][0]}">')
    tail = sheets[0][1] + "</table:table>" + "".join(f'<table:table table:name="{n}">{rows}</table:table>'
                                                    for n, rows in sheets[1:])
    tail += "</office:spreadsheet></office:body></office:document-content>"
    _write_ods(folder / "study.ods", (head + tail).encode())
    return head.encode(), tail.encode()


def _write_ods(path: Path, content: bytes) -> None:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", _MANIFEST, compress_type=zipfile.ZIP_DEFLATED)


def _ods_bomb(folder: Path, head: bytes, tail: bytes, fill: bytes, copies: int) -> tuple[int, float]:
    parts = {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"",
             "META-INF/manifest.xml": _MANIFEST}
    return write_bombs(folder / "study.ods", parts, {"content.xml": (head, fill, copies, tail)})["content.xml"]


def _ods_cell_text(text: bytes) -> bytes:
    return (b'<table:table-row><table:table-cell office:value-type="string"><text:p>' + text
            + b"</text:p></table:table-cell></table:table-row>")


@needs_readers
@pytest.mark.parametrize("seed", SEEDS)
def test_an_ods_cell_of_more_text_than_excel_holds_is_refused_before_calamine_reads_it(seed, study_dir, monkeypatch):
    rng = np.random.default_rng(seed + 10)
    head, tail = _to_ods(study_dir)
    # one cell of 20-120 MB of text, after rows of the sheet's own
    row = int(rng.integers(2, 6))
    lines = tail.split(b"</table:table-row>")
    before = b"</table:table-row>".join(lines[:row - 1]) + b"</table:table-row>"
    opening = before + b'<table:table-row><table:table-cell office:value-type="string"><text:p>'
    text = _text_run(rng, 100_000)
    size, ratio = _ods_bomb(study_dir, head + opening, b"</text:p></table:table-cell></table:table-row>"
                            + b"</table:table-row>".join(lines[row - 1:]), text, int(rng.integers(200, 1200)))
    assert size > 20_000_000 and ratio > 15, (size, ratio)  # the premise
    calls = _calamine_calls(monkeypatch)
    said, peak = _refused_within(study_dir)
    assert said == [f"study.ods: expected a readable .ods workbook (study.ods (sheet 'councils'): cell A{row} holds "
                    "more than 40,959 characters of text - expected at most 32,767 in a cell (and 8,192 in its "
                    "formula), the most Excel holds: a zip bomb, or a file no spreadsheet saved?)"]
    assert calls == [] and peak < 64 * 1024 * 1024, (calls, peak)


@needs_readers
@pytest.mark.parametrize("seed", SEEDS)
def test_an_ods_of_more_text_than_a_study_holds_is_refused_counting_cells_repeated(seed, study_dir, monkeypatch):
    rng = np.random.default_rng(seed + 20)
    csv_study = load_study(study_dir)
    head, tail = _to_ods(study_dir)
    with warnings.catch_warnings():  # the premise: the .ods written here is read, its tables the CSV files'
        warnings.simplefilter("ignore")
        ods_study = load_study(study_dir)
    assert all(ods_study.table(name).equals(csv_study.table(name)) for name in TABLES)
    length = int(rng.integers(20_000, 32_768))
    text = _text_run(rng, length)
    # a cell repeated across columns and rows: a few bytes that calamine makes into as many strings
    columns, rows = int(rng.integers(20, 60)), int(rng.integers(30, 60))
    assert columns * rows * length > BUDGET  # the premise
    header = tail.index(b"</table:table-row>") + len(b"</table:table-row>")
    content = head + tail[:header] + (
        f'<table:table-row table:number-rows-repeated="{rows}"><table:table-cell office:value-type="string" '
        f'table:number-columns-repeated="{columns}"><text:p>').encode() + text + (
        b"</text:p></table:table-cell></table:table-row>") + tail[header:]
    _write_ods(study_dir / "study.ods", content)
    assert (study_dir / "study.ods").stat().st_size < 1_000_000
    calls = _calamine_calls(monkeypatch)
    said, peak = _refused_within(study_dir)
    # the cell's text counts once for each cell it stands for: its first, at row 2, passes the budget
    assert _budget_passed([length * columns * rows], before=_text_before(head + tail[:header])) == 1
    assert said == [f"study.ods: {_budget_refused('study.ods (sheet ' + repr('councils') + '): cell A2')}"]
    assert calls == [] and peak < 64 * 1024 * 1024, (calls, peak)


@needs_readers
@pytest.mark.parametrize("seed", SEEDS)
def test_an_ods_of_many_cells_of_text_is_refused_at_the_cell_passing_the_budget(seed, study_dir, monkeypatch):
    rng = np.random.default_rng(seed + 30)
    head, tail = _to_ods(study_dir)
    length = int(rng.integers(20_000, 32_768))
    copies = BUDGET // length + int(rng.integers(50, 800))
    header = tail.index(b"</table:table-row>") + len(b"</table:table-row>")
    before = head + tail[:header]
    size, ratio = _ods_bomb(study_dir, before, tail[header:], _ods_cell_text(_text_run(rng, length)), copies)
    assert size > BUDGET and ratio > 15, (size, ratio)
    row = 1 + _budget_passed([length] * copies, before=_text_before(before))
    calls = _calamine_calls(monkeypatch)
    said, peak = _refused_within(study_dir)
    assert said == [f"study.ods: {_budget_refused('study.ods (sheet ' + repr('councils') + f'): cell A{row}')}"]
    assert calls == [] and peak < 64 * 1024 * 1024, (calls, peak)


def _text_before(xml: bytes) -> int:
    """The characters of text in ``xml`` (an opening of content.xml, closed here to be parsed)."""
    from xml.parsers import expat

    count = [0]
    parser = expat.ParserCreate()
    parser.CharacterDataHandler = lambda t: count.__setitem__(0, count[0] + len(t))
    parser.Parse(xml, False)
    return count[0]


def _calamine_calls(monkeypatch) -> list[str]:
    """The files handed to calamine (none, where a file is refused before it is read)."""
    import python_calamine as pc

    calls: list[str] = []
    opened = pc.CalamineWorkbook.from_filelike

    def counted(fh):
        calls.append("read")
        return opened(fh)

    monkeypatch.setattr(pc.CalamineWorkbook, "from_filelike", counted)
    return calls


# --------------------------------------------------------------------------- 3. a name Windows cannot make


def _windows_device(rng: np.random.Generator) -> str:
    name = str(rng.choice(["CON", "PRN", "AUX", "NUL", *(f"COM{k}" for k in range(1, 10)),
                           *(f"LPT{k}" for k in range(1, 10))]))
    return "".join(c.lower() if rng.integers(2) else c for c in name)


_WINDOWS_TAIL = ("is the name of a device on Windows ({}), with any extension: Windows cannot make the file, and "
                 "writing to it writes to the device: a study folder holding it, made on Linux or a Mac, cannot be "
                 "copied to Windows whole, nor opened there; rename it, or move it out of the study folder")


@pytest.mark.parametrize("seed", SEEDS)
def test_a_copy_of_a_table_named_as_a_windows_device_says_windows_cannot_make_it(seed, study_dir):
    rng = np.random.default_rng(seed + 40)
    device = _windows_device(rng)
    table = str(rng.choice(["councils.csv", "participants.csv", "interviews.csv", "reviews.csv"]))
    name = device + str(rng.choice([".csv", ".txt", ".csv.txt"]))
    shutil.copy(study_dir / table, study_dir / name)
    said = [p for p in _told(study_dir) if p.startswith(f"warning: {name}:")]
    assert said == [f"warning: {name}: expected only the files the study reads ({name} is not read: it holds the "
                    f"columns of {table}, which the study reads: a copy saved under another name? Keep the one to "
                    f"read as {table}; and {name!r} {_WINDOWS_TAIL.format(device.upper())})"]


@pytest.mark.parametrize("seed", SEEDS)
def test_any_file_named_as_a_windows_device_is_told_whatever_it_is(seed, study_dir):
    rng = np.random.default_rng(seed + 50)
    device = _windows_device(rng)
    name = device + str(rng.choice([".pdf", ".docx", ".tar.gz", ".md", ""]))
    (study_dir / name).write_bytes(bytes(rng.integers(0, 256, 64, dtype=np.uint8)))
    said = [p for p in _told(study_dir) if p.startswith(f"warning: {name}:")]
    assert said == [f"warning: {name}: expected a name Windows can make ({name!r} "
                    f"{_WINDOWS_TAIL.format(device.upper())})"]
    # the name is the problem, not the file: one named otherwise says nothing
    (study_dir / name).rename(study_dir / ("x" + name))
    assert [p for p in _told(study_dir) if f"x{name}" in p] == []


def test_the_budget_is_the_limit_documented():
    from impact._archive import XLSX_LIMITS
    from impact.schema import format_reference

    assert XLSX_LIMITS.get("max_text") == BUDGET
    assert f"more than {BUDGET:,} characters of text in all" in " ".join(format_reference().split())

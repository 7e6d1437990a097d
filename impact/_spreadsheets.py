"""Private: the sheets of an OpenDocument spreadsheet (``.ods``) or an Excel 97-2003 workbook (``.xls``), read with
the optional python-calamine (``pip install impact[spreadsheets]``) into the :class:`~impact._archive.SheetCells` an
``.xlsx`` gives, so that every check of a sheet applies to them.

python-calamine (pandas' own reader of these files) gives each cell's saved value and each sheet's visibility, but
reads an error value (``#DIV/0!``) as an empty cell and does not tell merged cells in an ``.ods``, hidden rows and
columns, or which cells hold formulas.  Those are read here from the file itself, before calamine reads it, in a pass
that also bounds what calamine will build:

- an ``.ods`` is a zip of XML: opened through the guarded archive (:func:`impact._archive.open_archive`: zip bombs,
  unsafe names), every member streamed once under its caps, and ``content.xml`` parsed with defusedxml for its
  cells' positions (rows and columns repeated counted), spans (merged cells), ``table:visibility`` of rows and
  columns, formulas (``table:formula``; one without ``office:value-type`` was saved without its value) and error
  values (``calcext:value-type="error"``, as LibreOffice writes them);
- an ``.xls`` is an OLE2 compound file, its ``Workbook`` stream read with olefile (at most
  :data:`MAX_XLS_BYTES`), and its BIFF8 records ([MS-XLS] 2.4) read for the sheets' cells (ROW's ``fDyZero``:
  hidden or filtered out; COLINFO's ``fHidden``; MERGEDCELLS; FORMULA and BOOLERR: error values and formulas;
  the cell format, XF, of NUMBER, RK, MULRK and FORMULA, with the workbook's XF and FORMAT records: a number shown
  as a percentage, or as a date in a format named by its built-in id alone, which calamine reads as the number for
  the Thai ids 71-81; DATEMODE: dates counted from 1904).
  A workbook saved with a password (FILEPASS) or older than Excel 97 (BIFF5) is refused saying so.

A sheet reaching past :data:`impact._archive.XLSX_LIMITS` is refused before calamine builds it.

Not checked: an error value in an ``.ods`` saved by a program other than LibreOffice, which writes no
``calcext:value-type`` (the cell is read as calamine reads it, as a rule blank); an ``.xls`` formula's text (BIFF
keeps it as tokens: a problem names the cell, not the formula); ``.xlsb`` and flat ``.fods`` files stay refused.
An ``.xls`` number shown as a percentage (its cell format, XF, naming a built-in percentage format or a FORMAT record's
with a ``%``) is told as an ``.xlsx``'s is: refused in a number column, read as ``45%`` in a text column.
"""

from __future__ import annotations

import importlib.util
import io
import struct
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._archive import (
    LOCALE_DATE_FORMATS,
    MAX_CELL_TEXT,
    XLSX_LIMITS,
    SheetCells,
    SheetReachError,
    _column_letters,
    _limits,
    _TextBudget,
    _TextCount,
    open_archive,
    read_once,
    shown_as_percent,
    stream_xml,
)
from .errors import InputError

__all__ = []  # private module

#: The suffixes read with python-calamine, and what each is.
KINDS = {".ods": "an OpenDocument spreadsheet (.ods)", ".xls": "an Excel 97-2003 workbook (.xls)"}
#: What installs the readers of :data:`KINDS`.
EXTRA = "pip install impact[spreadsheets]"
#: The most bytes an .xls may have (read into memory whole, as calamine reads it).
MAX_XLS_BYTES = 64 * 1024 * 1024


def available() -> bool:
    """Whether the optional readers (python-calamine, and olefile for .xls) are installed."""
    return all(importlib.util.find_spec(m) is not None for m in ("python_calamine", "olefile"))


@dataclass
class Facts:
    """What calamine does not tell of a sheet, as :class:`impact._archive._SheetFacts` holds it for an .xlsx:
    ``merged`` ranges (``"B4:C4"``), ``hidden_rows``, ``hidden_columns`` ((first, last), from 1), ``formulas``
    ((row, column) -> [text, value saved]), ``errors`` ((row, column) -> the error value, ``"#DIV/0!"``) and
    ``percent``: the (row, column) of numbers shown as percentages (an ``.ods`` cell of value type percentage, an
    ``.xls`` cell whose format shows a percentage)."""

    merged: list[str] = field(default_factory=list)
    hidden_rows: list[int] = field(default_factory=list)
    hidden_columns: list[tuple[int, int]] = field(default_factory=list)
    formulas: dict[tuple[int, int], list] = field(default_factory=dict)
    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    percent: set[tuple[int, int]] = field(default_factory=set)
    #: The (row, column) of an ``.xls``'s numbers in a date format named by its built-in id alone
    #: (:data:`impact._archive.LOCALE_DATE_FORMATS`: calamine reads ids 27-36 and 50-58 as dates, not the Thai 71-81)
    #: and whether the workbook counts its dates from 1904 (its DATEMODE record).
    local_dates: set[tuple[int, int]] = field(default_factory=set)
    date1904: bool = False


def _reach(where: str, row: int, col: int, cells: int, lim: Mapping[str, int]) -> None:
    if row > lim["max_rows"] or col > lim["max_columns"] or cells > lim["max_cells"]:
        raise SheetReachError(f"{where}: a cell reaches row {row:,}, column {_column_letters(col)} ({col:,}), {cells:,} "
                         f"cells - expected at most {lim['max_rows']:,} rows, {lim['max_columns']:,} columns and "
                         f"{lim['max_cells']:,} cells (delete the rows and columns past the data)")


# --------------------------------------------------------------------------- .ods

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}"
_ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"


def _attrs(attrs: list[str]) -> dict[str, str]:
    return dict(zip(attrs[::2], attrs[1::2]))


def _count(value: str | None) -> int:
    return int(value) if value and value.isdigit() and int(value) > 0 else 1


class _OdsFacts(_TextCount):
    """A parser target over ``content.xml``: each sheet's :class:`Facts`, by its name, in order; a cell of more text
    than :data:`impact._archive.MAX_CELL_TEXT`, and more text in all than ``limits``' ``max_text`` (a cell repeated
    counted as often as calamine makes it), refused as soon as read, as an ``.xlsx``'s is."""

    def __init__(self, *, label: str, limits: Mapping[str, int]) -> None:
        super().__init__(where=label, text_cap=MAX_CELL_TEXT, budget=_TextBudget(limits["max_text"]))
        self.label = label
        self.limits = limits
        self.sheets: dict[str, Facts] = {}
        self._facts: Facts | None = None
        self._name = ""
        self._row = self._col = self._cells = self._last = 0
        self._rows_here = 1  # the current row's repeat
        self._hidden_rows: list[tuple[int, int]] = []
        self._error: tuple[int, int] | None = None  # the error cell whose text is being read
        self._text = ""
        self._repeats = 1  # how many cells the one open stands for (columns repeated, times its row's repeats)

    def start(self, tag: str, attrs: list[str]) -> None:
        if not self._holder:
            self._chars = 0
        if tag == f"{_TABLE}table":
            a = _attrs(attrs)
            self._name = a.get(f"{_TABLE}name", "")
            self.where = f"{self.label} (sheet {self._name!r})"
            self._facts = self.sheets.setdefault(self._name, Facts())
            self._row, self._col, self._last, self._hidden_rows = 0, 0, 0, []
        elif self._facts is None:
            return
        elif tag == f"{_TABLE}table-column":
            a = _attrs(attrs)
            n = _count(a.get(f"{_TABLE}number-columns-repeated"))
            if a.get(f"{_TABLE}visibility", "visible") != "visible":
                self._facts.hidden_columns.append((self._col + 1, self._col + n))
            self._col += n
        elif tag == f"{_TABLE}table-row":
            a = _attrs(attrs)
            self._rows_here = _count(a.get(f"{_TABLE}number-rows-repeated"))
            if a.get(f"{_TABLE}visibility", "visible") != "visible":
                self._hidden_rows.append((self._row + 1, self._row + self._rows_here))
            self._row += 1  # the first of the repeated rows; the rest are added at its end
            self._col = 0
        elif tag in (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell"):
            self._cell(tag, _attrs(attrs))

    def _cell(self, tag: str, a: dict[str, str]) -> None:
        facts = self._facts
        if facts is None:  # a cell outside a <table:table>: nothing of a sheet
            return
        n = _count(a.get(f"{_TABLE}number-columns-repeated"))
        first, self._col = self._col + 1, self._col + n
        self._chars, self._holder, self._repeats = 0, f"cell {_column_letters(first)}{self._row}", n * self._rows_here
        kind = a.get(f"{_OFFICE}value-type")
        formula = a.get(f"{_TABLE}formula")
        if tag.endswith("covered-table-cell") or (kind is None and formula is None):
            return
        last_row = self._row + self._rows_here - 1
        self._cells += n * self._rows_here
        self._last = max(self._last, last_row)
        _reach(f"{self.label} (sheet {self._name!r})", last_row, self._col, self._cells, self.limits)
        cols, rows = _count(a.get(f"{_TABLE}number-columns-spanned")), _count(a.get(f"{_TABLE}number-rows-spanned"))
        for r in range(self._row, last_row + 1):
            for c in range(first, self._col + 1):
                if cols > 1 or rows > 1:
                    facts.merged.append(f"{_column_letters(c)}{r}:{_column_letters(c + cols - 1)}{r + rows - 1}")
                if kind == "percentage":
                    facts.percent.add((r, c))
                if formula is not None:
                    text = formula.split(":", 1)[1] if formula.startswith(("of:", "oooc:", "msoxl:")) else formula
                    facts.formulas[(r, c)] = [text.removeprefix("="), kind is not None]
                if a.get(f"{_CALCEXT}value-type") == "error":
                    facts.errors[(r, c)] = "#VALUE!"  # the error's own text is read from its <text:p> below
                    self._error, self._text = (r, c), ""

    def end(self, tag: str) -> None:
        if not self._holder or tag in (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell"):
            self._chars, self._holder, self._repeats = 0, "", 1
        if tag == f"{_TABLE}table-cell" and self._error is not None:
            self._facts.errors[self._error] = self._text.strip() or "#VALUE!"  # type: ignore[union-attr]
            self._error = None
        elif tag == f"{_TABLE}table-row":
            self._row += self._rows_here - 1
            self._rows_here = 1
        elif tag == f"{_TABLE}table" and self._facts is not None:
            self._facts.hidden_rows = [r for first, last in self._hidden_rows
                                       for r in range(first, min(last, self._last) + 1)]
            self._facts, self._cells, self.where = None, 0, self.label

    def data(self, text: str) -> None:
        self._count(text, self._repeats)
        if self._error is not None:
            self._text += text

    def close(self) -> dict[str, Facts]:
        return self.sheets


def _ods_facts(gz: Any, label: str, lim: Mapping[str, int]) -> dict[str, Facts]:
    mime = gz.find("mimetype")
    if mime is None or gz.read(mime, max_bytes=200).strip() != _ODS_MIME:
        raise InputError(f"{label}: not a readable .ods spreadsheet (it is a zip archive, but not an OpenDocument "
                         "spreadsheet: its mimetype is not " + _ODS_MIME.decode() + ")")
    content = gz.find("content.xml")
    if content is None:
        raise InputError(f"{label}: not a readable .ods spreadsheet (it has no content.xml: damaged?)")
    for name in gz.namelist():  # every member once, under the archive's caps
        if name != content:
            for _ in gz.stream(name):
                pass
    return stream_xml(gz, content, _OdsFacts(label=label, limits=lim))


# --------------------------------------------------------------------------- .xls

#: [MS-XLS] 2.5.97.2 BErr: the error values a cell may hold.
_BIFF_ERRORS = {0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!", 0x1D: "#NAME?", 0x24: "#NUM!",
                0x2A: "#N/A", 0x2B: "#GETTING_DATA"}
_BOF, _EOF, _BOUNDSHEET, _FILEPASS, _DATEMODE = 0x0809, 0x000A, 0x0085, 0x002F, 0x0022
_ROW, _COLINFO, _MERGED, _FORMULA, _BOOLERR = 0x0208, 0x007D, 0x00E5, 0x0006, 0x0205
_FORMAT, _XF, _NUMBER, _RK, _MULRK = 0x041E, 0x00E0, 0x0203, 0x027E, 0x00BD
#: [MS-XLS] 2.5.165 IFmt: the built-in number formats that show a number as a percentage (9 "0%", 10 "0.00%").
_PERCENT_FORMATS = {9, 10}
_SST, _CONTINUE, _LABELSST, _LABEL, _RSTRING, _STRING = 0x00FC, 0x003C, 0x00FD, 0x0204, 0x00D6, 0x0207
#: The records of a cell holding a value (row and column first): LABELSST, NUMBER, RK, LABEL, RSTRING, FORMULA,
#: BOOLERR; MULRK (0x00BD) holds several.
_CELLS = {0x00FD, 0x0203, 0x027E, 0x0204, 0x00D6, _FORMULA, _BOOLERR}


def _records(data: bytes, at: int):
    """The BIFF records from ``at`` on: (type, body, offset), to the end of the stream."""
    while at + 4 <= len(data):
        kind, size = struct.unpack_from("<HH", data, at)
        yield kind, data[at + 4: at + 4 + size], at
        at += 4 + size


def _xls_bytes(path: Path, label: str) -> bytes:
    """The bytes of the .xls ``path``, read once (at most :data:`MAX_XLS_BYTES`, refused if it changed while read)."""
    from ._io import read_bounded, unreadable

    try:
        size = path.stat().st_size
    except OSError as exc:  # locked by the program that has it open, gone since it was found
        raise unreadable(label, exc) from None
    if size > MAX_XLS_BYTES:
        raise InputError(f"{label}: not a readable .xls workbook (it is {size:,} bytes - expected at most "
                         f"{MAX_XLS_BYTES:,}: save it as .xlsx)")
    return read_bounded(path, MAX_XLS_BYTES, label=label, size=size)


def _xls_stream(data: bytes, label: str) -> bytes:
    """The Workbook stream of the .xls whose bytes are ``data``."""
    import olefile

    from ._io import OLE2_MAGIC, _document_kind, unreadable

    head = data[:4096]
    if not head.startswith(OLE2_MAGIC):
        kind = (_document_kind(head) or "not an OLE2 compound file, as an .xls is") if head else "empty, 0 bytes"
        raise InputError(f"{label}: not a readable .xls workbook (it is {kind})")
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:  # bytes under 1,536 would be read as a path
            name = next((n for n in ("Workbook", "Book") if ole.exists(n)), None)
            if name is None:
                from ._io import ole2_kind

                raise InputError(f"{label}: not a readable .xls workbook (it is "
                                 f"{ole2_kind(['/'.join(e) for e in ole.listdir()])})")
            if ole.get_size(name) > MAX_XLS_BYTES:
                raise InputError(f"{label}: not a readable .xls workbook (its Workbook stream is more than "
                                 f"{MAX_XLS_BYTES:,} bytes)")
            return ole.openstream(name).read()
    except InputError:
        raise
    except OSError as exc:  # a damaged file (olefile's own OSError, no errno), or the file system's
        if exc.errno is not None:
            raise unreadable(label, exc) from None
        raise InputError(f"{label}: not a readable .xls workbook (damaged: {exc})") from None
    except Exception as exc:  # olefile raises others for a damaged file
        raise InputError(f"{label}: not a readable .xls workbook (damaged: {exc})") from None


class _XlsText(_TextCount):
    """The text of an .xls counted as its records are read, each string by the count of characters its record gives:
    a cell or shared string of more than :data:`impact._archive.MAX_CELL_TEXT`, and more text in all than ``limits``'
    ``max_text``, refused as soon as read, as an ``.xlsx``'s or an ``.ods``'s is.  A cell of a shared string counts
    its text again: calamine makes a string of it for each cell, so one long string named by a million cells is a
    million strings."""

    crafted = "a file no spreadsheet saved?"

    def __init__(self, *, label: str, limits: Mapping[str, int]) -> None:
        super().__init__(where=label, text_cap=MAX_CELL_TEXT, budget=_TextBudget(limits["max_text"], self.crafted))

    def text(self, where: str, holder: str, n: int) -> None:
        """Count ``n`` characters of the string ``holder`` ("cell B5", "shared string 3") of ``where``."""
        self.where, self._holder, self._chars = where, holder, 0
        self._count_chars(n)


def _sst_lengths(chunks: list[bytes]) -> Iterator[int]:
    """The length in characters of each string of a shared string table ([MS-XLS] 2.4.265 SST: its record's body and
    those of the CONTINUE records after it, ``chunks``), as each is read.  A string's characters may run on into the
    next record, which then begins with a byte of flags saying whether they are one or two bytes each; its header,
    rich-text runs and phonetic data are stepped over.  A damaged table ends the reading where its bytes do."""
    k, at = 0, 8  # cstTotal, cstUnique
    chunk = chunks[0]
    unique = struct.unpack_from("<I", chunk, 4)[0] if len(chunk) >= 8 else 0

    def skip(n: int) -> bool:  # step over n bytes, across records; False where the table ends first
        nonlocal k, at, chunk
        while n > 0:
            if at >= len(chunk):
                k += 1
                if k >= len(chunks):
                    return False
                chunk, at = chunks[k], 0
            step = min(n, len(chunk) - at)
            at, n = at + step, n - step
        return True

    for _ in range(unique):
        if at + 3 > len(chunk):  # a string's header begins a record of its own
            k += 1
            if k >= len(chunks):
                return
            chunk, at = chunks[k], 0
            if len(chunk) < 3:
                return
        cch, flags = struct.unpack_from("<HB", chunk, at)
        at += 3
        runs = ext = 0
        if flags & 0x08 and at + 2 <= len(chunk):
            runs = struct.unpack_from("<H", chunk, at)[0]
            at += 2
        if flags & 0x04 and at + 4 <= len(chunk):
            ext = struct.unpack_from("<I", chunk, at)[0]
            at += 4
        yield cch
        wide, left = flags & 0x01, cch
        while left:
            if at >= len(chunk):  # the characters run on: the next record begins with their flags
                k += 1
                if k >= len(chunks) or not chunks[k]:
                    return
                chunk, at = chunks[k], 1
                wide = chunk[0] & 0x01
            take = min(left, (len(chunk) - at) // (2 if wide else 1))
            if take == 0:  # half a character left in the record: damaged
                return
            at, left = at + take * (2 if wide else 1), left - take
        if not skip(4 * runs + ext):
            return


def _xls_facts(book: bytes, label: str, lim: Mapping[str, int]) -> dict[str, Facts]:
    data = _xls_stream(book, label)
    text = _XlsText(label=label, limits=lim)
    shared: list[int] = []  # each shared string's length, in characters
    sst: list[bytes] | None = None  # the shared string table's record and its CONTINUE records, while read
    sheets: list[tuple[str, int]] = []
    formats: dict[int, str] = {}  # a number format's id -> its text (FORMAT records: those a workbook defines)
    xf_formats: list[int] = []  # each cell format's (XF's) number format id, in the order of the XF records
    date1904 = False
    for n, (kind, body, _) in enumerate(_records(data, 0)):
        if n == 0 and (kind != _BOF or len(body) < 4 or struct.unpack_from("<H", body)[0] != 0x0600):
            raise InputError(f"{label}: not a readable .xls workbook (it is not an Excel 97-2003 (BIFF8) workbook: "
                             "an older one, Excel 5.0/95? Open it and save it as Excel Workbook (.xlsx))")
        if kind == _FILEPASS:
            raise InputError(f"{label}: not a readable .xls workbook (it is saved with a password: open it, take "
                             "the password off and save it again)")
        if kind == _BOUNDSHEET and len(body) >= 8:
            at, cch, high = struct.unpack_from("<I", body)[0], body[6], body[7] & 1
            raw = body[8: 8 + cch * (2 if high else 1)]
            sheets.append((raw.decode("utf-16-le" if high else "latin-1", "replace"), at))
        if kind == _FORMAT and len(body) >= 5:
            ifmt, cch, high = *struct.unpack_from("<HH", body), body[4] & 1
            formats[ifmt] = body[5: 5 + cch * (2 if high else 1)].decode("utf-16-le" if high else "latin-1", "replace")
        if kind == _XF and len(body) >= 4:
            xf_formats.append(struct.unpack_from("<H", body, 2)[0])
        if kind == _DATEMODE and len(body) >= 2:
            date1904 = struct.unpack_from("<H", body)[0] == 1
        if sst is not None and kind != _CONTINUE:  # the table ends: its strings counted as they are read
            for n_chars in _sst_lengths(sst):
                shared.append(n_chars)
                text.text(f"{label} (shared strings)", f"shared string {len(shared):,}", n_chars)
            sst = None
        if kind == _SST and len(body) >= 8:
            sst = [body]
        elif kind == _CONTINUE and sst is not None:
            sst.append(body)
        if kind == _EOF:
            break
    percent = {k for k, ifmt in enumerate(xf_formats)
               if ifmt in _PERCENT_FORMATS or shown_as_percent(formats.get(ifmt))}
    local = {k for k, ifmt in enumerate(xf_formats) if ifmt in LOCALE_DATE_FORMATS and ifmt not in formats}
    out = {}
    for name, at in sheets:
        out[name] = _xls_sheet(data, at, f"{label} (sheet {name!r})", lim, percent, text=text, shared=shared,
                               local=local)
        out[name].date1904 = date1904
    return out


def _xls_sheet(data: bytes, at: int, where: str, lim: Mapping[str, int], percent: set[int] = frozenset(), *,
               text: _XlsText | None = None, shared: list[int] = (), local: set[int] = frozenset()) -> Facts:
    """A sheet's :class:`Facts` from its BIFF8 records from ``at``; ``percent``: the cell formats (XF indexes) that
    show a number as a percentage; ``local``: those that show it as a date by a built-in id alone
    (:data:`LOCALE_DATE_FORMATS`); ``text``: the workbook's text counted so far, each cell's added (``shared``: the
    length of each shared string, for a cell naming one)."""
    facts = Facts()
    top = cells = 0
    hidden: list[int] = []
    formula_at: tuple[int, int] | None = None  # the cell of the formula a STRING record gives the text of
    for kind, body, _ in _records(data, at):
        if kind == _EOF:
            break
        if text is not None:
            n_chars, cell = None, None
            if kind in (_LABEL, _RSTRING) and len(body) >= 8:  # the cell's own string: its count at 6
                cell, n_chars = struct.unpack_from("<HH", body), struct.unpack_from("<H", body, 6)[0]
            elif kind == _LABELSST and len(body) >= 10:
                cell, isst = struct.unpack_from("<HH", body), struct.unpack_from("<I", body, 6)[0]
                n_chars = shared[isst] if isst < len(shared) else 0
            elif kind == _STRING and len(body) >= 2 and formula_at is not None:  # a formula's text value
                cell, n_chars = formula_at, struct.unpack_from("<H", body)[0]
            if n_chars:
                text.text(where, f"cell {_column_letters(cell[1] + 1)}{cell[0] + 1}", n_chars)
            formula_at = struct.unpack_from("<HH", body) if kind == _FORMULA and len(body) >= 4 else None
        if kind in _CELLS and len(body) >= 4 or kind == 0x00BD and len(body) >= 6:
            row, col = struct.unpack_from("<HH", body)
            last = struct.unpack_from("<H", body, len(body) - 2)[0] if kind == 0x00BD else col
            cells += last - col + 1
            top = max(top, row + 1)
            _reach(where, row + 1, last + 1, cells, lim)
        if kind == _ROW and len(body) >= 14 and struct.unpack_from("<H", body, 12)[0] & 0x20:
            hidden.append(struct.unpack_from("<H", body)[0] + 1)
        elif kind == _COLINFO and len(body) >= 10 and struct.unpack_from("<H", body, 8)[0] & 1:
            first, last = struct.unpack_from("<HH", body)
            facts.hidden_columns.append((first + 1, last + 1))
        elif kind == _MERGED and len(body) >= 2:
            for k in range(min(struct.unpack_from("<H", body)[0], (len(body) - 2) // 8)):
                r1, r2, c1, c2 = struct.unpack_from("<HHHH", body, 2 + 8 * k)
                facts.merged.append(f"{_column_letters(c1 + 1)}{r1 + 1}:{_column_letters(c2 + 1)}{r2 + 1}")
        elif kind == _FORMULA and len(body) >= 14:
            row, col = struct.unpack_from("<HH", body)
            facts.formulas[(row + 1, col + 1)] = ["", True]  # BIFF keeps every formula's value
            if body[12:14] == b"\xff\xff" and body[6] == 2:
                facts.errors[(row + 1, col + 1)] = _BIFF_ERRORS.get(body[8], "#VALUE!")
        elif kind == _BOOLERR and len(body) >= 8 and body[7] == 1:
            row, col = struct.unpack_from("<HH", body)
            facts.errors[(row + 1, col + 1)] = _BIFF_ERRORS.get(body[6], "#VALUE!")
        marked = [(percent, facts.percent), (local, facts.local_dates)]
        if (percent or local) and kind in (_NUMBER, _RK, _FORMULA) and len(body) >= (14 if kind == _FORMULA else 6):
            row, col, xf = struct.unpack_from("<HHH", body)  # a number, its cell format (XF) at 4
            if not (kind == _FORMULA and body[12:14] == b"\xff\xff"):  # a formula's text or error
                for xfs, cells_of in marked:
                    if xf in xfs:
                        cells_of.add((row + 1, col + 1))
        elif (percent or local) and kind == _MULRK and len(body) >= 6:  # numbers in a row: (format, value) 6 bytes each
            row, col = struct.unpack_from("<HH", body)
            for k in range((len(body) - 6) // 6):
                xf = struct.unpack_from("<H", body, 4 + 6 * k)[0]
                for xfs, cells_of in marked:
                    if xf in xfs:
                        cells_of.add((row + 1, col + k + 1))
    facts.hidden_rows = [r for r in hidden if r <= top]
    return facts


# --------------------------------------------------------------------------- both


def _data_type(value: Any) -> str:
    if isinstance(value, bool):
        return "b"
    if isinstance(value, (int, float)):
        return "n"
    if isinstance(value, str):
        return "s"
    return "d"


def _local_date(value: Any, date1904: bool) -> tuple[Any, str]:
    """An ``.xls`` number shown in a date format named by its built-in id alone (a Thai one, 71-81, calamine reads as
    the number) as the date it shows, as an ``.xlsx``'s is (:func:`impact._archive._shown_as_local_date`)."""
    from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return from_excel(value, CALENDAR_MAC_1904 if date1904 else CALENDAR_WINDOWS_1900), "d"
        except (OverflowError, ValueError):  # no date (a serial past 9999): the number, refused as one
            pass
    return (None if value == "" else value), _data_type(value)


_STATES = {"Visible": "visible", "Hidden": "hidden", "VeryHidden": "veryHidden"}


def read_other_sheets(path: str | Path, *, label: str | None = None,
                      sheet_limits: Mapping[str, Any] | None = None) -> list[SheetCells]:
    """Every sheet of an ``.ods`` or ``.xls``, as :func:`impact._archive.read_sheets` gives an ``.xlsx``'s: each
    cell's saved value (calamine), an error value as ``(value, "e")``, and the sheet's :class:`Facts`.

    Raises
    ------
    InputError
        The readers are not installed, an unsafe archive, a sheet too large, a damaged, password-protected or other
        kind of file.
    """
    import python_calamine as pc

    p = Path(path)
    name = label or str(path)
    lim = _limits(XLSX_LIMITS, sheet_limits)
    suffix = p.suffix.casefold()
    buf: io.BytesIO | None = None
    # read once: calamine is given the bytes checked, never the file read again (a sync client may have replaced it)
    if suffix == ".ods":
        data = read_once(p, label=name, what=".ods spreadsheet")
        with open_archive(p, label=name, kind=".ods spreadsheet", data=data) as gz:
            facts = _ods_facts(gz, name, lim)
        buf = io.BytesIO(data)
    elif suffix == ".xls":
        data = _xls_bytes(p, name)
        facts = _xls_facts(data, name, lim)
        buf = io.BytesIO(data)
    else:
        raise ValueError(f"`path` must end in .ods or .xls, but {p.name!r} was passed")
    out = []
    try:
        with pc.CalamineWorkbook.from_filelike(buf) as wb:
            for meta in wb.sheets_metadata:
                if str(meta.typ).rpartition(".")[2] != "WorkSheet":
                    continue
                found = facts.get(meta.name, Facts())
                rows: list[list[tuple[Any, str]]] = []
                for r, values in enumerate(wb.get_sheet_by_name(meta.name).to_python(skip_empty_area=False), 1):
                    cells = [((found.errors[(r, c)], "e") if (r, c) in found.errors else
                              _local_date(v, found.date1904) if (r, c) in found.local_dates else
                              (None if v == "" else v, _data_type(v))) for c, v in enumerate(values, 1)]
                    while cells and cells[-1][0] is None and (r, len(cells)) not in found.formulas:
                        cells.pop()
                    rows.append(cells)
                for (r, c), value in found.errors.items():  # an error beyond what calamine gives
                    while len(rows) < r:
                        rows.append([])
                    rows[r - 1] += [(None, "n")] * (c - len(rows[r - 1]))
                    rows[r - 1][c - 1] = (value, "e")
                while rows and not rows[-1]:
                    rows.pop()
                state = _STATES.get(str(meta.visible).rpartition(".")[2], "visible")
                out.append(SheetCells(meta.name, state, rows, found))  # type: ignore[arg-type]
    except pc.PasswordError:
        raise InputError(f"{name}: not a readable {suffix} workbook (it is saved with a password: open it, take the "
                         "password off and save it again)") from None
    except (pc.CalamineError, ValueError, OSError) as exc:
        raise InputError(f"{name}: not a readable {suffix} workbook ({type(exc).__name__}: {exc})") from None
    return out

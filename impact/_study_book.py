"""Private: a study's tables read from the sheets of Excel workbooks.

A study folder may hold its tables as the sheets of one workbook, ``study.xlsx`` (a sheet per table, named as the
table), or a table as a workbook of its own, ``<table>.xlsx``, instead of its CSV file.  A macro-enabled workbook,
``study.xlsm`` or ``<table>.xlsm``, is read as one (its cells' saved values; its macros are never run: openpyxl
neither runs nor keeps them).  A table given in two places (a CSV file and a sheet, two sheets, or a table's
``.xlsx`` and ``.xlsm``) is refused: which of them holds it is not known; so are ``study.xlsx`` and ``study.xlsm``
side by side.  An OpenDocument spreadsheet (``study.ods``, ``<table>.ods``) and an Excel 97-2003 workbook
(``study.xls``, ``<table>.xls``) are read as one where the optional readers are installed (``pip install
impact[spreadsheets]``: python-calamine and olefile, :mod:`impact._spreadsheets`), with the same checks; without
them they are refused saying so.  Other spreadsheets (``.xlsb``, ``.fods``, ``.numbers``) are refused saying how to
save them as an ``.xlsx`` workbook or as CSV UTF-8 files.

Each sheet is read into the records a CSV file gives (:func:`impact._io.table_records`), so every check of a CSV
file applies to it, and :func:`relabel` names its problems in the sheet's terms: the workbook and sheet, Excel's row
number, and the column's letter with its header (``study.xlsx (sheet 'councils'):5:C (ons_code)``).  Cells are read
as their saved values (openpyxl, read-only): a formula's value as it was saved, never calculated, a date formatted
as a date as ``YYYY-MM-DD`` (in any date format, those Excel set for East Asia names by number alone among them:
:data:`impact._archive.LOCALE_DATE_FORMATS`), a number as its digits; what cannot be read so (a formula saved without its value, an
error value, cells merged into one) is refused on its cell.  Nothing is written to a workbook.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter, range_boundaries

from . import _spreadsheets
from ._archive import ArchiveSizeError, SheetCells, SheetReachError, read_sheets
from ._io import _listing, table_records
from ._words import _counted, _number, _verb
from .errors import InputError, Problem
from .schema import Table, did_you_mean

__all__ = []  # private module

#: The workbook holding a study's tables as its sheets.
WORKBOOK = "study.xlsx"
#: The extensions of the workbooks read: an Excel workbook, and a macro-enabled one (the same cells; its macros are
#: never run); an OpenDocument spreadsheet and an Excel 97-2003 workbook where the optional readers are installed.
BOOK_SUFFIXES = (".xlsx", ".xlsm", *(_spreadsheets.KINDS if _spreadsheets.available() else ()))
#: The names the workbook of a study's tables may have (:data:`WORKBOOK` first).
STUDY_BOOKS = tuple(f"study{s}" for s in BOOK_SUFFIXES)


def book_names(tables: Mapping[str, Table]) -> tuple[str, ...]:
    """The names of the workbooks a study folder's tables are read from: :data:`STUDY_BOOKS` and each
    ``<table>.xlsx`` or ``<table>.xlsm``."""
    return (*STUDY_BOOKS, *(f"{name}{s}" for name in tables for s in BOOK_SUFFIXES))

#: Spreadsheets impact does not read, by extension: what each is (.ods and .xls are read where the optional readers
#: are installed, :data:`impact._spreadsheets.EXTRA`).
OTHER_BOOKS = {
    ".ods": "an OpenDocument spreadsheet (.ods)",
    ".fods": "a flat OpenDocument spreadsheet (.fods)",
    ".xls": "an Excel 97-2003 workbook (.xls)",
    ".xlsb": "an Excel binary workbook (.xlsb)",
    ".numbers": "a Numbers spreadsheet",
}
SAVE_AS_XLSX = ("open it and save it as \"Excel Workbook (.xlsx)\" (in LibreOffice: File > Save As, type \"Excel "
                "2007-365\"), or save each sheet as \"CSV UTF-8 (comma delimited)\" (.csv), named as its table")


def not_read(suffix: str) -> str:
    """What makes a spreadsheet of the extension ``suffix`` (``".ods"``) readable, where impact does not read it:
    the optional readers of .ods and .xls files, or "" (it is read, or no reader of impact's reads it)."""
    if suffix.casefold() in _spreadsheets.KINDS and suffix.casefold() not in BOOK_SUFFIXES:
        return f"; or install the optional readers of .ods and .xls files ({_spreadsheets.EXTRA}), which read it"
    return ""


def sheet_key(name: str) -> str:
    """A sheet's name as matched to a table's: case, spaces at its ends, and spaces, hyphens or underscores between
    its words aside.

    Examples
    --------
    >>> sheet_key(" Status history "), sheet_key("COUNCILS"), sheet_key("action-progress")
    ('status_history', 'councils', 'action_progress')
    """
    return re.sub(r"[\s_-]+", "_", name.strip().casefold())


def book_label(file: str, sheet: str) -> str:
    """How a sheet is named in a problem: ``study.xlsx (sheet 'councils')``."""
    return f"{file} (sheet {sheet!r})"


def is_book_label(file: str, tables: Mapping[str, Table]) -> bool:
    """Whether ``file`` (a :class:`~impact.errors.Problem`'s) names a workbook of a study's tables or a sheet of one
    named as a table: a name impact fixes, not one a person chose (which may name a person or a council).

    Examples
    --------
    >>> from impact.schema import TABLES
    >>> [is_book_label(f, TABLES) for f in ("study.xlsx (sheet 'Councils ')", "councils.xlsx", "study.xlsx (sheet 'Jo')")]
    [True, True, False]
    """
    import ast

    for book in book_names(tables):
        if file == book:
            return True
        if file.startswith(f"{book} (sheet ") and file.endswith(")"):
            try:
                sheet = ast.literal_eval(file[len(book) + 8:-1])
            except (ValueError, SyntaxError):
                return False
            return isinstance(sheet, str) and sheet_key(sheet) in tables
    return False


def cell_text(value: Any) -> str:
    """A sheet's cell as the text a CSV file would hold: a whole number without ``.0``, a date formatted as a date as
    ``YYYY-MM-DD`` (with its time of day, if it has one), TRUE or FALSE, text as it is.

    Examples
    --------
    >>> import datetime as dt
    >>> [cell_text(v) for v in (None, 12, 3.0, 2.5, dt.datetime(2012, 3, 1), dt.datetime(2012, 3, 1, 14, 30), True)]
    ['', '12', '3', '2.5', '2012-03-01', '2012-03-01 14:30:00', 'TRUE']
    >>> cell_text(dt.timedelta(days=40603, hours=1, minutes=30))  # a duration, as an .ods saves it
    'PT974473H30M00S'
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if math.isfinite(value) and value == int(value) and abs(value) < 2 ** 53:
            return str(int(value))
        return repr(value)
    if isinstance(value, _dt.datetime):
        if value.time() == _dt.time(0) and value.tzinfo is None:
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, (_dt.date, _dt.time)):
        return value.isoformat()
    if isinstance(value, _dt.timedelta):  # a cell formatted as a duration ('[h]:mm:ss'): as an .ods file saves one
        minutes, seconds = divmod(abs(value).total_seconds(), 60)
        hours, minutes = divmod(int(minutes), 60)
        return f"{'-' if value < _dt.timedelta(0) else ''}PT{hours}H{minutes:02d}M{seconds:02g}S"
    return str(value)


def percent_text(value: Any) -> str:
    """A number shown as a percentage as a CSV file saved from its sheet holds it: ``45%`` for 0.45 (every digit
    kept, where the sheet may show fewer).

    Examples
    --------
    >>> [percent_text(v) for v in (0.45, 0.125, 1, -0.07, 0.1 + 0.2)]
    ['45%', '12.5%', '100%', '-7%', '30.000000000000004%']
    """
    from decimal import Decimal

    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return cell_text(value)
    shown = format(Decimal(repr(value)).scaleb(2).normalize(), "f")
    return f"{shown}%"


@dataclass
class SheetTable:
    """A table read from a sheet: ``file`` (the workbook's name) and ``sheet``, and what
    :func:`impact._io.table_records` gives (``header``, ``records``, ``problems``, ``kept``: the sheet's column of
    each header column, from 0), with ``told``: the cells (row, column name) whose one problem is told already (a
    formula saved without its value, cells merged into one), whose other problems are not told again."""

    file: str
    sheet: str
    header: list[str]
    records: list[tuple[int, Any]]
    problems: list[Problem]
    kept: list[int]
    told: set[tuple[int, str]] = field(default_factory=set)

    @property
    def label(self) -> str:
        return book_label(self.file, self.sheet)

    def letter(self, column: str) -> str:
        """A column of the table (its header name, or ``#3`` for a column without one) as the sheet shows it:
        ``"C (ons_code)"``; a name the header does not hold is returned as it is."""
        if column in self.header:
            return f"{get_column_letter(self.kept[self.header.index(column)] + 1)} ({column})"
        m = re.fullmatch(r"#([0-9]+)", column)
        if m and 0 < int(m.group(1)) <= len(self.kept):
            return get_column_letter(self.kept[int(m.group(1)) - 1] + 1)
        return column


@dataclass
class Books:
    """What a study folder's workbooks give: ``tables`` read from sheets (by table name), ``problems`` found
    (workbooks that cannot be read, tables given twice, sheets not read), ``refused``: tables not read because of a
    problem told here, and ``unread``: a workbook of tables was found but not read (a table it may hold is not told
    missing)."""

    tables: dict[str, SheetTable] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    refused: set[str] = field(default_factory=set)
    unread: bool = False
    sheets: list[str] | None = None  # the sheets of study.xlsx, where it is read
    book: str = WORKBOOK  # the name of the workbook of the study's tables read (study.xlsx or study.xlsm)


def read_books(folder: Path, tables: Mapping[str, Table], *,
               not_plain: Callable[[Path], str | None]) -> Books:
    """Read the tables a study folder holds in workbooks: ``study.xlsx`` (or ``study.xlsm``) and each
    ``<table>.xlsx`` (or ``.xlsm``).

    ``not_plain(path)``: why a file of the study is not read (a link, a link out of the folder), or None.
    """
    books = Books()
    sources: dict[str, list[str]] = {name: [] for name in tables}  # each table's places, as messages name them
    for name, spec in tables.items():
        f = folder / spec.filename
        if f.exists() or f.is_symlink():
            sources[name].append(spec.filename)
    found = [n for n in STUDY_BOOKS if (folder / n).exists() or (folder / n).is_symlink()]
    if len(found) > 1:  # two workbooks of the tables: which holds them is not known, and neither is read
        books.problems.append(Problem(found[0], None, None, None, f"one workbook of the study's tables: "
                                      f"{' and '.join(found)} are both there, and which of them holds the tables is "
                                      "not known - keep one, and delete or move the other"))
        books.unread = True
    elif found:
        books.book = found[0]
        sheets = _read_book(folder / found[0], found[0], books, not_plain)
        if sheets is None:
            books.unread = True
        else:
            books.sheets = [s.name for s in sheets]
            _study_sheets(sheets, tables, books, sources)
    else:
        books.unread = _other_study_book(folder, books)
    for name, spec in tables.items():
        for suffix in BOOK_SUFFIXES:
            f = folder / f"{name}{suffix}"
            if not (f.exists() or f.is_symlink()):
                continue
            sheets = _read_book(f, f.name, books, not_plain)
            if sheets is None:
                books.refused.add(name)
                continue
            chosen = _table_sheet(sheets, name, f.name, books)
            if chosen is not None:
                sources[name].append(book_label(f.name, chosen.name))
                books.tables.setdefault(name, _sheet_table(chosen, file=f.name, spec=spec))
    for name, found in sources.items():
        if len(found) > 1:
            books.problems.append(Problem(found[0], None, None, None, f"the {name} table in one place: it is in "
                                          f"{' and in '.join(found)}, and which of them holds it is not known - keep "
                                          f"one, and delete or move the other{'s' if len(found) > 2 else ''}"))
            books.refused.add(name)
    for name in books.refused:
        books.tables.pop(name, None)
    return books


def _read_book(f: Path, file: str, books: Books, not_plain: Callable[[Path], str | None]) -> list[SheetCells] | None:
    """The sheets of the workbook ``f``, or None with its problem told (a link, a folder, a file that is no
    readable workbook: password-protected, damaged, another kind)."""
    if (why := not_plain(f)) is not None:
        books.problems.append(Problem(file, None, None, None, why))
        return None
    if not f.is_file():
        books.problems.append(Problem(file, None, None, None, f"an {Path(file).suffix} workbook - it is "
                                      f"{'a folder' if f.is_dir() else 'not a regular file'}"))
        return None
    try:
        if f.suffix.casefold() in _spreadsheets.KINDS:
            return _spreadsheets.read_other_sheets(f, label=file)
        return read_sheets(f, label=file)
    except InputError as exc:  # 'not a readable .xlsx workbook (not a readable zip archive) (it is ...)': what it is
        detail = re.sub(r"^not a readable \.\w+ (?:workbook|spreadsheet) (?:\(not a readable zip archive\) )?"
                        r"\((.*)\)$", r"\1", str(exc).removeprefix(f"{file}: "), flags=re.DOTALL)
        if isinstance(exc, SheetReachError):  # a table this large is read from its CSV file (up to 50 MiB)
            detail = (f"{detail.removesuffix(')')}; or, a table of more cells than that, save the sheet as \"CSV "
                      "UTF-8 (comma delimited)\" named as its table, which is read up to 50 MiB)")
        elif isinstance(exc, ArchiveSizeError):  # a workbook just large (not a bomb): its tables are read as CSV
            detail = (f"{detail.removesuffix(')')}; save each large sheet as \"CSV UTF-8 (comma delimited)\" named as "
                      "its table, which is read up to 50 MiB)")
        books.problems.append(Problem(file, None, None, None, f"a readable {Path(file).suffix} workbook ({detail})"))
        return None


def _other_study_book(folder: Path, books: Books) -> bool:
    """Tell a workbook of the study's tables that is not read: ``Study.xlsx`` (names are exact), ``study.ods`` and
    other spreadsheets impact does not read; True where one is there."""
    try:
        near = sorted(p.name for p in folder.iterdir() if p.is_file() and (
            p.name.strip().casefold() in STUDY_BOOKS or (p.stem.strip().casefold() == "study"
                                                        and p.suffix.casefold() in OTHER_BOOKS)))
    except OSError:
        return False
    for name in near:
        kind = OTHER_BOOKS.get(Path(name).suffix.casefold())
        why = (f"it is {kind}, which impact does not read: {SAVE_AS_XLSX}{not_read(Path(name).suffix)}" if kind else
               "names are exact, lower case: rename it")
        meant = name.strip().casefold() if name.strip().casefold() in STUDY_BOOKS else WORKBOOK
        books.problems.append(Problem(name, None, None, None, f"a workbook of the study's tables named {meant} "
                                      f"({why})"))
    return bool(near)


def _holds_data(sheet: SheetCells) -> bool:
    return any(v is not None and str(v).strip() for row in sheet.rows for v, _ in row) or bool(sheet.facts.formulas)


def _study_sheets(sheets: list[SheetCells], tables: Mapping[str, Table], books: Books,
                  sources: dict[str, list[str]]) -> None:
    """Match the sheets of ``study.xlsx`` to the tables by name; tell a sheet named as no table (if it holds
    anything) and a table two sheets are named as."""
    by_table: dict[str, list[SheetCells]] = {}
    for sheet in sheets:
        if (key := sheet_key(sheet.name)) in tables:
            by_table.setdefault(key, []).append(sheet)
    for name, found in by_table.items():
        sources[name] += [book_label(books.book, s.name) for s in found]
        if len(found) == 1:
            books.tables[name] = _sheet_table(found[0], file=books.book, spec=tables[name])
    for sheet in sheets:
        key = sheet_key(sheet.name)
        if key in tables or not _holds_data(sheet):
            continue
        near = did_you_mean(key, list(tables))
        if near and any(not sources[n] and not tables[n].optional for n in tables if f"'{n}'" in near):
            continue  # told once, by the missing table's error, which names this sheet as the one meant
        books.problems.append(Problem(book_label(books.book, sheet.name), None, None, None,
                                      f"a sheet named as a table of the study ({', '.join(tables)}){near}: this "
                                      "sheet is not read", "warning"))


def _table_sheet(sheets: list[SheetCells], name: str, file: str, books: Books) -> SheetCells | None:
    """The sheet of a table's own workbook (``councils.xlsx``) that holds it: the one named as the table, else its
    one sheet that holds anything; None (told) where that is not one sheet.  Other sheets holding anything are told
    not read."""
    named = [s for s in sheets if sheet_key(s.name) == name]
    filled = [s for s in sheets if _holds_data(s)]
    chosen = named if named else filled if filled else sheets[:1]
    if len(chosen) != 1:
        books.problems.append(Problem(file, None, None, None, f"one sheet, or one named {name} (it has "
                                      f"{_counted(len(chosen), 'sheet')} {'named so' if named else 'holding data'}: "
                                      f"{', '.join(repr(s.name) for s in chosen)}, and which holds the table is not "
                                      "known)"))
        books.refused.add(name)
        return None
    for other in filled:
        if other is not chosen[0]:
            books.problems.append(Problem(book_label(file, other.name), None, None, None,
                                          f"the {name} table only (its sheet {chosen[0].name!r} is read): this "
                                          "sheet is not read; a study's tables in one workbook go in "
                                          f"{WORKBOOK}, a sheet each", "warning"))
    return chosen[0]


def _sheet_table(sheet: SheetCells, *, file: str, spec: Table) -> SheetTable:
    """A sheet read as the table ``spec``: its cells as text, then :func:`impact._io.table_records`, with the
    problems only a sheet has (formulas saved without their values, error values, merged cells, a hidden sheet,
    hidden rows and columns) named by Excel's row, the column's letter and its header."""
    label = book_label(file, sheet.name)
    faults: list[Problem] = []
    told: set[tuple[int, int]] = set()  # (row, column from 1)
    head = [cell_text(v).strip() for v, _ in (sheet.rows[0] if sheet.rows else [])]
    percent = getattr(sheet.facts, "percent", set())
    numeric = {c.name for c in spec.columns if c.type in ("int", "float")}

    def column(col: int) -> str:  # from 1
        name = head[col - 1] if col <= len(head) else ""
        return f"{get_column_letter(col)} ({name})" if name else get_column_letter(col)

    rows: list[list[str]] = []
    for r, cells in enumerate(sheet.rows, start=1):
        texts = []
        for c, (value, data_type) in enumerate(cells, start=1):
            formula = sheet.facts.formulas.get((r, c))
            if formula is not None and not formula[1]:
                faults.append(Problem(label, r, column(c), f"={formula[0]}" if formula[0] else "a shared formula",
                                      "a value, not a formula saved without its value (impact reads the value a "
                                      "formula was last saved with and never calculates one; this workbook was "
                                      "saved by a program that did not calculate it): open the workbook in Excel "
                                      "or LibreOffice and save it again, or paste the cells as values"))
                told.add((r, c))
                texts.append("")
            elif (r, c) in percent and r > 1 and c <= len(head) and head[c - 1] in numeric:
                shown = percent_text(value)
                faults.append(Problem(label, r, column(c), shown, f"a number, not a percentage (the cell holds "
                                      f"{cell_text(value)}, formatted to show {shown}; a CSV file saved from the "
                                      f"sheet would hold {shown}): format the cell as a number (General) and enter "
                                      "the value in the unit the column describes"))
                told.add((r, c))
                texts.append("")
            elif data_type == "e":
                faults.append(Problem(label, r, column(c), str(value), f"a value, not the error {value} "
                                      f"({'its formula fails' if formula is not None else 'an error value'}): "
                                      "correct the formula, or type the value"))
                told.add((r, c))
                texts.append("")
            else:
                texts.append(percent_text(value) if (r, c) in percent else cell_text(value))
        rows.append(texts)
    for ref in sheet.facts.merged:
        try:
            left, top, right, bottom = range_boundaries(ref)
        except (ValueError, TypeError):
            continue
        if (left, top) == (right, bottom):
            continue
        faults.append(Problem(label, top, column(left), ref, f"one value in each cell, not cells merged into one "
                              f"(a merged cell keeps its value in {get_column_letter(left)}{top} only, so the other "
                              f"cells of {ref} would be read as blank): unmerge the cells and fill in each of them"))
        told |= {(r, c) for r in range(top, bottom + 1) for c in range(left, right + 1)} - {(top, left)}
    header, records, problems, kept = table_records(spec.filename, rows, expected=spec.column_names,
                                                    blank_note=True)
    # a blank header cell merged into the one before it is the merge's problem, told once with it
    merged_heads = {f"#{i + 1}" for i, k in enumerate(kept) if (1, k + 1) in told}
    problems = [p for p in problems if not (p.row == 1 and p.value == "" and p.column in merged_heads)]
    names = {k + 1: h for h, k in zip(header, kept)}
    table = SheetTable(file, sheet.name, header, records, faults + problems, kept,
                       {(r, names[c]) for r, c in told if c in names})
    table.problems += _hidden(sheet, table, column)
    return table


def _hidden(sheet: SheetCells, table: SheetTable, column: Callable[[int], str]) -> list[Problem]:
    """Warnings for a hidden sheet, and for hidden rows and columns of the table: read as shown ones are, what they
    hold may not have been seen."""
    out = []
    label = table.label
    if sheet.state != "visible" and table.records:
        # a very hidden sheet is not listed by Excel's Unhide: only its Visible property shows it again
        how = ("right-click a sheet tab and Unhide, to see what it holds" if sheet.state == "hidden" else
               "to see what it holds: it is very hidden, which Excel's Unhide does not list - in Excel's Visual Basic "
               "editor (Alt+F11) set the sheet's Visible property to -1 - xlSheetVisible, or in LibreOffice choose "
               "Sheet > Show Sheet")
        out.append(Problem(label, None, None, None, f"a sheet that is shown (it is hidden, and its "
                           f"{_counted(len(table.records), 'row')} of data {_verb(len(table.records), 'is')} read as a shown sheet's are: "
                           "unhide "
                           f"it, {how})", "warning"))
    data_rows = {r for r, _ in table.records}
    if hidden := sorted(set(sheet.facts.hidden_rows) & data_rows):
        out.append(Problem(label, hidden[0], None, None, f"rows that are shown ({_counted(len(hidden), 'row')} "
                           f"hidden or filtered out, {_number(hidden, 'row')} {_listing(list(map(str, hidden)))}, "
                           f"read as the others are: show {_them(hidden)} to see what {_them(hidden)} "
                           f"{_verb(hidden, 'holds')})", "warning"))
    kept = {k + 1 for k in table.kept}
    cols = sorted({c for first, last in sheet.facts.hidden_columns
                   for c in range(first, min(last, max(kept, default=0)) + 1)} & kept)
    if cols:
        shown = _listing([column(c) for c in cols])
        out.append(Problem(label, 1, None, None, f"columns that are shown ({_counted(len(cols), 'column')} hidden, "
                           f"{shown}, read as the others are: unhide {_them(cols)} to see what {_them(cols)} "
                           f"{_verb(cols, 'holds')})", "warning"))
    return out


def _them(items: list) -> str:
    return "it" if len(items) == 1 else "them"


def relabel(problems: list[Problem], tables: Mapping[str, SheetTable], files: Mapping[str, str]) -> list[Problem]:
    """``problems`` with each one of a table read from a sheet named in the sheet's terms: the workbook and sheet
    for the file, the column's letter with its header, and the table's file wherever a message names it (``a
    council of councils.csv``) as the sheet.  ``files``: each table's CSV file name, by table name."""
    if not tables:
        return problems
    by_file = {files[name]: t for name, t in tables.items()}
    named = re.compile(r"(?<![\w./-])(" + "|".join(map(re.escape, by_file)) + r")(?![\w])")
    out = []
    for p in problems:
        expected = named.sub(lambda m: by_file[m.group(1)].label, p.expected)
        t = by_file.get(p.file)
        if t is not None:
            out.append(replace(p, file=t.label, column=t.letter(p.column) if p.column else p.column,
                               expected=expected))
        else:
            out.append(p if expected == p.expected else replace(p, expected=expected))
    return out

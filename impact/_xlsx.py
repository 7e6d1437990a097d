"""Private helpers for the spreadsheets people fill in (review, adjudication).

Writing: a formatted sheet (bold frozen header, widths, wrapped text, drop-down
lists, locked read-only cells, every text cell formula-neutralised), saved
atomically.  Reading: every cell as text exactly as typed, whatever program
saved the file (Excel, LibreOffice: numbers where text was expected, ``None``
for blanks), with formulas and unreadable cells reported, never dropped.
"""

from __future__ import annotations

import datetime as _dt
import math
import os
import warnings
from collections.abc import Callable, Collection
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ._io import (
    _listing,
    atomic_write_bytes,
    blank_rows_note,
    check_input_file,
    merged_blanks,
    tell_if_open_in_office,
)
from ._tabular import _cell as _tabular_cell
from ._tabular import workbook_bytes
from ._textwidth import _words, arial_width, excel_pixels, heading_units, widest_line, wrapped_lines
from ._words import _counted, _named, _number, _verb
from .errors import ImpactWarning, InputError, Problem, user_level

__all__ = []  # private module

#: Every workbook's font: Arial (Liberation Sans) has the same widths in Excel and LibreOffice, unlike Calibri, which
#: LibreOffice replaces by DejaVu Sans where Carlito is missing (a quarter wider: the review sheet's rows clipped
#: their text, and headers in a font of no name printed in a serif).
FONT_NAME = "Arial"
FONT_PT = 10.0
#: A line of wrapped 10 pt Arial in a cell, as Excel sets it (its row of one line is 17 pixels, 12.75 pt, and a row
#: of n lines n times that); LibreOffice's are 11.2 pt apart, so a row high enough for Excel holds them too.  (Rows
#: were 13 pt a line and 2 more, over lines counted with the Word layout's widest widths: 1.4 times their text in
#: LibreOffice.)
LINE_PT = 12.75
#: The width (points) of a digit of 10 pt Arial: LibreOffice's unit of column width in a workbook whose default font
#: that is.
DIGIT_PT = 5.55
#: An indent of 1 is three spaces, 12 px in Excel (8.4 pt measured on LibreOffice's PDF), taken off the column's
#: width (Excel's unit) for its text.
INDENT_CHARS = 12 / 7
#: Side, top and bottom margins (inches; the page header and footer sit in the top and bottom ones, 0.25 in from the
#: edge) and the printed width (points) of an A4 page inside them, portrait and landscape.
#: LibreOffice lays a column out up to 3% wider than Excel's formula: planned within 97% of it.
MARGINS = (0.4, 0.5)
PAGE_POINTS = {False: (595.3 - 144 * MARGINS[0]) * 0.97, True: (841.9 - 144 * MARGINS[0]) * 0.97}
EDITABLE_FILL = PatternFill("solid", fgColor="FFF2CC")
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
_HEAD = Font(name=FONT_NAME, size=FONT_PT, bold=True)


def to_cell(value: object) -> object:
    """A Python value as a safe spreadsheet cell (text neutralised, NaN blank).

    Numbers stay numbers (infinity, which a spreadsheet cannot hold, becomes
    text), dates and timestamps stay dates (without a time zone), missing
    values of every kind are blank.  Shared by the review and adjudication
    workbooks and the report's workbook.
    """
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, np.datetime64):
        value = pd.Timestamp(value)
        if value is pd.NaT:
            return None
    if isinstance(value, pd.Timestamp):
        return (value.tz_localize(None) if value.tzinfo is not None else value).to_pydatetime()
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalar
        value = value.item()
    if isinstance(value, float):
        return None if math.isnan(value) else value if math.isfinite(value) else str(value)
    if isinstance(value, (bool, int)):
        return value
    return _tabular_cell(str(value))  # the one writer's rule for text


def cell_text(value: object, *, strip: bool = True) -> str:
    """A cell as text, whatever type the saving program gave it; with ``strip`` false, text as it was written (a unit
    or code exported with spaces, a tab or a no-break space at its ends is matched to the coded file by that text).

    Examples
    --------
    >>> cell_text(" S1\u00a0"), cell_text(" S1\u00a0", strip=False), cell_text(3.0, strip=False)
    ('S1', ' S1\xa0', '3')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if math.isfinite(value) and value == int(value):
            return str(int(value))
        return repr(value)
    if isinstance(value, _dt.datetime) and value.time() == _dt.time(0):
        return value.date().isoformat()  # a date a spreadsheet holds as a day number: no time of day was typed
    if isinstance(value, (_dt.datetime, _dt.date, _dt.time)):
        return value.isoformat()
    return str(value).strip() if strip else str(value)


def write_sheet(ws, frame: pd.DataFrame, *, widths: dict[str, float] | None = None, wrap: set[str] = frozenset(),
                editable: set[str] = frozenset(), hidden: set[str] = frozenset(), protect: bool = True,
                number_format: dict[str, str] | None = None) -> None:
    """Write ``frame`` to ``ws`` with a frozen bold header; lock all but ``editable`` columns.

    ``widths`` (Excel's unit, default 14) are the widest a column is made: each is at least its header's width; a
    column of text neither wrapped nor edited is no wider than its longest value; the ``wrap`` columns are narrowed
    in proportion (no narrower than their longest word) until the sheet prints one page wide at
    :data:`LEAST_SCALE` or more (:func:`page_widths`: the review sheet, planned 255 wide, printed at 53%); a sheet
    whose columns cannot be narrowed that far prints at that scale, over more pages across.  Text after a column of
    numbers or of wrapped text starts an indent in (:func:`gapped`).
    """
    widths = widths or {}
    columns = list(frame.columns)
    ws.append(columns)
    for row in frame.itertuples(index=False):
        ws.append([to_cell(v) for v in row])
    numbers = {j for j, name in enumerate(columns, start=1) if pd.api.types.is_numeric_dtype(frame[name])
               and not pd.api.types.is_bool_dtype(frame[name])}  # aligned right
    shown = [j for j, name in enumerate(columns, start=1) if name not in hidden]
    wrapped = {j for j, name in enumerate(columns, start=1) if name in wrap}
    indented = gapped(shown, numbers, wrapped)
    planned = {j: widths.get(name, 14) for j, name in enumerate(columns, start=1)}
    natural: dict[int, float] = {}
    least: dict[int, float] = {}
    for j in shown:
        name, pad = columns[j - 1], INDENT_CHARS * (j in indented)
        values = {cell_text(v) for v in frame[name].tolist()} - {""} if j not in numbers else set()
        head = text_chars(name, bold=True)
        if j in wrapped:
            word = max((text_chars(w) for v in values for w in v.split()), default=0.0)
            natural[j] = max(planned[j], head) + pad
            least[j] = min(max(word, head) + pad, natural[j])
        elif name in editable or j in numbers:
            natural[j] = least[j] = max(planned[j], head) + pad
        else:
            longest = max((text_chars(v) for v in values), default=0.0)
            natural[j] = least[j] = max(min(planned[j], longest), head, 6.0) + pad
    natural = {j: math.ceil(w * 10 - 1e-9) / 10 for j, w in natural.items()}
    least = {j: min(math.ceil(w * 10 - 1e-9) / 10, natural[j]) for j, w in least.items()}
    fitted, landscape = page_widths(natural, least, proportional=True)
    final = {**planned, **fitted}
    for j, name in enumerate(columns, start=1):
        letter = get_column_letter(j)
        head = ws.cell(row=1, column=j)
        head.font = _HEAD
        head.fill = HEADER_FILL
        if j in indented:  # in line with the text below it
            head.alignment = Alignment(horizontal="left", indent=1)
        ws.column_dimensions[letter].width = final[j]
        if name in hidden:
            ws.column_dimensions[letter].hidden = True
        align = Alignment(wrap_text=name in wrap or None, vertical="top", horizontal="left" if j in indented else None,
                          indent=int(j in indented))
        for i in range(2, len(frame) + 2):
            cell = ws.cell(row=i, column=j)
            cell.alignment = align
            if number_format and name in number_format:
                cell.number_format = number_format[name]
            if name in editable:
                cell.protection = Protection(locked=False)
                cell.fill = EDITABLE_FILL
    fit_row_heights(ws, final, only=wrapped)
    ws.freeze_panes = "A2"
    # one page wide at 75% or more, portrait if it fits so, else landscape (a review sheet printed at about 55%); the
    # header row on every page (printed with no setup, its columns ran over three pages across)
    fits = PAGE_POINTS[landscape] / printed_points(fitted) >= LEAST_SCALE - 1e-9 if fitted else True
    print_setup(ws, landscape=landscape, title_rows="1:1", header=ws.title,
                scale=None if fits else round(LEAST_SCALE * 100))
    if protect:
        # No password: protection guards against slips, not against a determined user.
        ws.protection.sheet = True
        ws.protection.formatColumns = False
        ws.protection.formatRows = False
        ws.protection.autoFilter = False
        ws.protection.sort = False


def cell_lines(text: str, width: float, size: float = FONT_PT, *, bold: bool = False) -> int:
    """Lines ``text`` takes in a wrapped cell ``width`` wide (Excel's unit), in Excel or in LibreOffice, whichever
    takes more.

    Excel's column of width ``w`` is ``7 w`` pixels, 5 of them padding, and its letters are drawn at whole pixels
    (:func:`impact._textwidth.excel_pixels`); LibreOffice's is ``w`` digits of 10 pt Arial (5.55 pt each, measured
    on its PDF), its text set at Arial's own widths, 2 pt of it margin.  Excel's is the narrower for the same text
    (a digit's 7.2 pixels count as 7): the never-underestimated widths of the Word layout counted lines neither
    takes.

    >>> cell_lines("one two three", 60), cell_lines("one two three", 5)
    (1, 3)
    """
    return max(lines_each(text, width, size, bold=bold))


def lines_each(text: str, width: float, size: float = FONT_PT, *, bold: bool = False) -> tuple[int, int]:
    """(Excel's, LibreOffice's) lines of ``text`` in a wrapped cell ``width`` wide (:func:`cell_lines`)."""
    return (wrapped_lines(text, round(width * 7) - 5, size, bold=bold, measure=excel_pixels),
            wrapped_lines(text, width * DIGIT_PT - 2, size, bold=bold, measure=arial_width))


#: The smallest print scale a sheet is fitted to while its columns can be made to fit: 10 pt text printed at 7.5 pt.
#: (Fitted to one page wide, a sheet of long text printed at 40-60%, unreadable on paper: the review sheet at 53%.)
LEAST_SCALE = 0.75


def text_chars(text: str, *, bold: bool = False) -> float:
    """Column width (Excel's unit) that holds ``text`` on one line: its width as Excel draws it
    (:func:`impact._textwidth.excel_pixels`), the column's 5 pixels of padding and 3 more, in Excel's 7-pixel unit.
    (LibreOffice's column of the same width is wider than its text by more.)  The Word layout's never-underestimated
    widths made every column a character or two wider than its text needs.
    """
    pixels = max((excel_pixels(line, FONT_PT, bold=bold) for line in str(text).split("\n")), default=0)
    return (pixels + 8) / 7


def page_widths(natural: dict[int, float], least: dict[int, float], *,
                proportional: bool = False) -> tuple[dict[int, float], bool]:
    """(column widths, landscape?) of a sheet printed one page wide at no less than :data:`LEAST_SCALE`.

    Portrait if the columns' ``natural`` widths (Excel's unit) fit it so, else landscape; a sheet wider than that is
    narrowed, its widest columns first (or, ``proportional``, every column by the same share of its width), each to
    no less than its ``least`` (where a word would break), and its text wraps onto more lines.  Only a sheet whose
    ``least`` widths are still too wide prints smaller.

    >>> page_widths({1: 40.0, 2: 10.0}, {1: 12.0, 2: 10.0})
    ({1: 40.0, 2: 10.0}, False)
    >>> widths, landscape = page_widths({1: 60.0, 2: 60.0, 3: 60.0, 4: 20.0}, {1: 12.0, 2: 58.0, 3: 12.0, 4: 20.0})
    >>> widths, landscape, round(PAGE_POINTS[True] / printed_points(widths), 2)
    ({1: 52.3, 2: 58.0, 3: 52.3, 4: 20.0}, True, 0.75)
    >>> page_widths({1: 120.0, 2: 60.0, 3: 20.0}, {1: 10.0, 2: 10.0, 3: 20.0}, proportional=True)
    ({1: 108.5, 2: 54.2, 3: 20.0}, True)
    """
    for landscape in (False, True):
        if printed_points(natural) <= PAGE_POINTS[landscape] / LEAST_SCALE:
            return dict(natural), landscape
    room = PAGE_POINTS[True] / LEAST_SCALE

    def capped(level: float) -> dict[int, float]:
        if proportional:
            return {j: max(least[j], min(natural[j], natural[j] * level)) for j in natural}
        return {j: max(least[j], min(natural[j], level)) for j in natural}

    if printed_points(capped(0.0)) > room:
        return capped(0.0), True  # no word broken: fitted to the page, smaller
    low, high = 0.0, 1.0 if proportional else max(natural.values())
    for _ in range(40):  # the highest level (the widest a column may stay) at which the sheet fits
        mid = (low + high) / 2
        low, high = (mid, high) if printed_points(capped(mid)) <= room else (low, mid)
    return {j: math.floor(w * 10) / 10 for j, w in capped(low).items()}, True


def gapped(order: list[int], right: set[int], reach: set[int]) -> set[int]:
    """The columns of ``order`` (left to right as printed) whose text is indented off the column before it.

    LibreOffice and Excel wrap a cell's text up to the edge of its column, less a margin of about a point, and start
    the next column's a point in: text filling its column printed a space's width from the next column's, read as
    one line ("... (per 10,000 Values not published").  Numbers are aligned right, to the same edge ("1Small count").
    So a column of text (not in ``right``) just after a column of numbers (``right``) or of wrapped text (``reach``)
    starts an indent (:data:`INDENT_CHARS`, three spaces) in.

    >>> sorted(gapped([1, 2, 3, 4, 5], right={2}, reach={4}))
    [3, 5]
    """
    return {j for before, j in zip(order, order[1:]) if j not in right and (before in right or before in reach)}


def fit_row_heights(ws, widths: dict[int, float], *, only: set[int] | None = None, header: bool | int = False) -> None:
    """Give each row the height its wrapped text needs (neither Excel nor LibreOffice grows a row for wrapped text
    it did not lay out itself): every workbook the package writes, in its 10 pt Arial (:func:`use_arial`).

    ``widths``: column number -> width (Excel's unit; a column not named is 10).  ``only`` limits the columns looked
    at (those that wrap) below the heading rows (``header``: True for row 1, or how many), or in every row unless
    ``header``; a merged cell counts with the width of all
    the columns it spans; a cell's own indent (:data:`INDENT_CHARS` a level) comes off its width.  A row of ``n``
    lines is ``n`` times Excel's line (:data:`LINE_PT`), no more.  A cell merged down over rows (a heading over a
    table's two heading rows) needs its lines in those rows together: its last row is given only what the rows above
    leave short (its lines counted in its first row alone, on top of the row below's, made a sheet's two heading rows
    twice as tall as their text).
    """
    spans = {(rng.min_row, rng.min_col): sum(widths.get(j, 10.0) for j in range(rng.min_col, rng.max_col + 1))
             for rng in ws.merged_cells.ranges}
    down = {(rng.min_row, rng.min_col): rng.max_row for rng in ws.merged_cells.ranges if rng.max_row > rng.min_row}
    tall: list[tuple[int, int, float]] = []  # (first row, last row, height needed) of each cell merged down
    heights: dict[int, float] = {}
    for row in ws.iter_rows():
        height, lines = LINE_PT, 1
        for cell in row:
            key = (cell.row, cell.column)
            skip = only is not None and cell.column not in only and key not in spans and not cell.row <= int(header)
            if not isinstance(cell.value, str) or not cell.value or skip:
                continue
            width = spans.get(key, widths.get(cell.column, 10.0)) - INDENT_CHARS * (cell.alignment.indent or 0)
            size = float(cell.font.sz or FONT_PT) if cell.font else FONT_PT
            bold = bool(cell.font and cell.font.bold)
            n = cell_lines(cell.value, width, size, bold=bold)
            if key in down:
                tall.append((cell.row, down[key], n * LINE_PT * size / FONT_PT))
                continue
            lines = max(lines, n)
            height = max(height, n * LINE_PT * size / FONT_PT)
        if lines > 1 or height > LINE_PT:
            heights[row[0].row] = height
    for first, last, need in tall:
        short = need - sum(heights.get(r, LINE_PT) for r in range(first, last + 1))
        if short > 0.005:
            heights[last] = heights.get(last, LINE_PT) + short
    for r, height in heights.items():
        ws.row_dimensions[r].height = round(height, 2)


def _wrapped_cells(ws, only: set[int] | None, header: int) -> dict[int, list[tuple[str, bool, float, int]]]:
    """(text, bold, indent in Excel's unit, row) of each cell :func:`fit_row_heights` counts lines of, by column; a
    cell merged over other columns is left out (its width is theirs together)."""
    merged = {(rng.min_row, rng.min_col) for rng in ws.merged_cells.ranges if rng.max_col > rng.min_col}
    cells: dict[int, list[tuple[str, bool, float, int]]] = {}
    for row in ws.iter_rows():
        for cell in row:
            if (not isinstance(cell.value, str) or not cell.value or (cell.row, cell.column) in merged
                    or (only is not None and cell.column not in only and cell.row > header)):
                continue
            cells.setdefault(cell.column, []).append(
                (cell.value, bool(cell.font and cell.font.bold), INDENT_CHARS * (cell.alignment.indent or 0), cell.row))
    return cells


#: The most (Excel's unit, two digits) a column is widened so that Excel wraps its text onto no more lines than
#: LibreOffice does (:func:`excel_catch_up`), and the share of the sheet's printed width all such widening may add.
_CATCH_UP = (2.0, 0.015)


def excel_catch_up(ws, widths: dict[int, float], *, landscape: bool, only: set[int] | None = None,
                   header: int = 0) -> dict[int, float]:
    """``widths`` with each column whose text Excel wraps onto more lines than LibreOffice (:func:`cell_lines`
    counts the more) made the few pixels wider that Excel needs to wrap it as LibreOffice does, so that the row is
    as tall as both need and no taller: Excel draws letters at whole pixels and a column's text 5 pixels in, a little
    narrower than LibreOffice's column of the same width, and a heading of words as wide as the column ("under way",
    64 pixels in 62) took a line more in Excel. A row must be Excel's lines tall (Excel clips a row set too short),
    so the line Excel alone needed printed blank in LibreOffice (the example's Table 8: a heading row of 7 lines,
    89 pt, where LibreOffice draws 6; five more rows one line taller than LibreOffice fills).

    A column is widened by at most :data:`_CATCH_UP`'s first figure, and all of them together by no more than its
    share of the sheet's printed width, or up to the page where the sheet is narrower: a sheet fitted to its page
    prints at most 1.5% smaller, never below :data:`LEAST_SCALE`. ``only`` and ``header`` as
    :func:`fit_row_heights`.
    """
    most, share = _CATCH_UP
    before = printed_points(widths)
    room = max(PAGE_POINTS[landscape], before * (1 + share))
    room = min(room, max(before, PAGE_POINTS[landscape] / LEAST_SCALE))
    out = dict(widths)
    wanted: list[tuple[float, int, list[float]]] = []  # (least widening, column, new widths, preferred first)
    cells = _wrapped_cells(ws, only, int(header))
    lines = _kept_lines()  # the same cell at the same width is measured again and again below: once here
    for j, column in cells.items():
        width = widths.get(j, 10.0)
        first = [lines(text, width - indent, bold=bold) for text, bold, indent, _ in column]
        full = least = None if any(e > lo for e, lo in first) else 0
        steps: list[int] = []  # each widening after which Excel wraps some cell onto fewer lines
        before = [e for e, _ in first]
        for p in range(1, round(most * 7) + 1) if full is None else ():  # Excel's column grows a pixel at a time
            each = [lines(text, width + p / 7 - indent, bold=bold) for text, bold, indent, _ in column]
            if any(e < b for (e, _), b in zip(each, before, strict=True)):
                steps.append(p)
            before = [e for e, _ in each]
            # the fewest pixels after which Excel wraps each cell as LibreOffice then does (LibreOffice too may take
            # a line less wider), else, or where the sheet has no room for those, as LibreOffice did before
            if least is None and all(e <= lo for (e, _), (_, lo) in zip(each, first, strict=True)):
                least = p
            if all(e <= lo for e, lo in each):
                full = p
                break
        # (and, where neither exists or the sheet has no room for it, each step before it: a widening of one pixel
        # took a line off the one row of a suppression ledger that LibreOffice printed with a blank line, where the
        # column's other rows needed more than the sheet had room for)
        options = [p for p in dict.fromkeys((full, least, *steps)) if p and (full is None or p <= full)]
        if options:
            wanted.append((min(options), j, [round(width + p / 7, 4) for p in options]))
    # the widenings that leave fewest lines blank in LibreOffice, then fewest cells Excel wraps onto more lines
    # (a row's blank line goes only when all its cells are caught up), most saved a point first: the least widening
    # first spent the room on headings and left two rows of the example's Table 8 a line blank
    candidates = {(j, w) for _, j, options in wanted for w in options}
    blank = _blank_lines(cells, out, lines)
    while candidates:
        scored = []
        for j, w in candidates:
            trial = {**out, j: w}
            cost = printed_points(trial) - printed_points(out)
            if printed_points(trial) <= room + 1e-9 and (saved := blank - _blank_lines(cells, trial, lines)) > 0:
                scored.append((-saved / max(cost, 1e-9), w, j))
        if not scored:
            break
        _, w, j = min(scored)
        out, blank = {**out, j: w}, _blank_lines(cells, {**out, j: w}, lines)
        candidates = {(k, v) for k, v in candidates if k != j or v > w}
    if only is not None and blank >= 1000:
        out, blank = _widened_with_slack(cells, out, candidates, only, room, blank, lines)
    # a column of wrapped text the sheet had no room to widen: a few pixels narrower, where LibreOffice then wraps each such cell
    # onto Excel's lines (with a point to spare) and Excel onto no more than it did: the row as tall, no line of it
    # blank in LibreOffice, and the page no wider (the example's Table 8: two rows of its column of what is
    # suppressed, 3 lines in Excel, 2 in LibreOffice, whose second line came within 0.06 pt of the column's edge)
    for _, j, _options in wanted:
        if out[j] != widths.get(j, 10.0) or only is None or j not in only:  # a column of wrapped text only
            continue
        out[j] = _narrowed_to_excel(cells[j], out[j], lines)
    return out


def _kept_lines():
    """:func:`lines_each` of one sheet's layout, each text at each width measured once (:func:`excel_catch_up` and its
    helpers try a column's cells at each pixel of widening and narrowing, and every column's again for each trial:
    87,000 measures of 5,000 distinct (text, width) in a 12-council report, testtime29). Kept by the call only."""
    seen: dict[tuple[str, float, bool], tuple[int, int]] = {}

    def lines(text: str, width: float, *, bold: bool = False) -> tuple[int, int]:
        key = (text, width, bold)
        found = seen.get(key)
        if found is None:
            found = seen[key] = lines_each(text, width, bold=bold)
        return found
    return lines


def _slack(cells: list[tuple[str, bool, float, int]], width: float, lines=lines_each) -> int:
    """The most pixels (up to :data:`_NARROW_MOST`) a column ``width`` wide can be made narrower with each of its
    ``cells`` (text, bold, indent) wrapped onto as many lines in Excel and in LibreOffice as before."""
    before = [lines(text, width - indent, bold=bold) for text, bold, indent, _ in cells]
    for p in range(1, _NARROW_MOST + 1):
        if any(lines(text, width - p / 7 - indent, bold=bold) != b
               for (text, bold, indent, _), b in zip(cells, before, strict=True)):
            return p - 1
    return _NARROW_MOST


def _widened_with_slack(cells: dict[int, list[tuple[str, bool, float, int]]], widths: dict[int, float],
                        candidates: set[tuple[int, float]], only: set[int], room: float,
                        blank: int, lines=lines_each) -> tuple[dict[int, float], int]:
    """(widths, :func:`_blank_lines`) after the widenings of ``candidates`` (column, width) that leave fewer lines
    blank in LibreOffice but that the sheet had no ``room`` for, each paid for by columns of wrapped text (``only``)
    that wrap onto no more lines a few pixels narrower (:func:`_slack`), the least widening first: a 60-council
    study's suppression ledger, printed at 75%, left one row a line blank in LibreOffice for want of 6 pixels, which
    the columns beside it had to spare."""
    out = dict(widths)
    for j, w in sorted(candidates, key=lambda c: (c[1] - widths[c[0]], c[0])):
        if w <= out[j]:
            continue
        trial = {**out, j: w}
        for k in sorted((k for k in cells if k in only and k != j), key=lambda k: -_slack(cells[k], out[k], lines)):
            if printed_points(trial) <= room + 1e-9:
                break
            for _ in range(_slack(cells[k], out[k], lines)):
                if printed_points(trial) <= room + 1e-9:
                    break
                trial[k] = round(trial[k] - 1 / 7, 4)
        if printed_points(trial) <= room + 1e-9 and (after := _blank_lines(cells, trial, lines)) // 1000 < blank // 1000:
            out, blank = trial, after
    return out, blank


def _blank_lines(cells: dict[int, list[tuple[str, bool, float, int]]], widths: dict[int, float],
                 lines=lines_each) -> int:
    """Lines left blank in LibreOffice over all rows, times 1,000, and the cells Excel wraps onto more lines than
    LibreOffice: a row is as tall as Excel's most lines of its ``cells`` (:func:`_wrapped_cells`) at ``widths``,
    LibreOffice fills its own most."""
    excel: dict[int, int] = {}
    libre: dict[int, int] = {}
    behind = 0
    for j, column in cells.items():
        for text, bold, indent, row in column:
            e, lo = lines(text, widths.get(j, 10.0) - indent, bold=bold)
            excel[row], libre[row] = max(excel.get(row, 1), e), max(libre.get(row, 1), lo)
            behind += e > lo
    return 1000 * sum(max(0, excel[r] - libre[r]) for r in excel) + behind


#: The most pixels a column is narrowed so that LibreOffice wraps its text onto Excel's lines (a character's 7).
_NARROW_MOST = 7


def _narrowed_to_excel(cells: list[tuple[str, bool, float, int]], width: float, lines=lines_each) -> float:
    """``width`` made up to :data:`_NARROW_MOST` pixels narrower, the fewest after which LibreOffice wraps each of
    ``cells`` (text, bold, indent) onto as many lines as Excel, even a point wider (:data:`DIGIT_PT` per unit), and
    Excel wraps each onto no more lines than at ``width``; ``width`` itself where no such narrowing exists."""
    before = [lines(text, width - indent, bold=bold)[0] for text, bold, indent, _ in cells]
    for p in range(1, _NARROW_MOST + 1):
        trial = round(width - p / 7, 4)
        if all(lines(text, trial - indent, bold=bold)[0] == e
               and lines(text, trial - indent + 1 / DIGIT_PT, bold=bold)[1] == e
               for (text, bold, indent, _), e in zip(cells, before, strict=True)):
            return trial
    return width


#: The room (Excel's unit: a character, 7 pixels) a heading set right leaves between its widest line and its column's
#: left edge, in Excel and in LibreOffice alike.
HEADING_GAP = 1.0


def heading_gaps(ws, widths: dict[int, float], *, landscape: bool, header: int = 1,
                 gap: float = HEADING_GAP) -> dict[int, float]:
    """``widths`` with each column whose heading (rows 1 to ``header``) is set right made the few pixels wider that
    leave ``gap`` between every line of the heading and the column's left edge, in Excel (:func:`lines_each`:
    ``7 w - 5`` pixels of room) and in LibreOffice (``w`` digits, 2 pt of margin): a line that filled its column ran
    into the heading before it ("Randomisation p" ended at its column's edge, "Randomisation p," began the next
    column's, and LibreOffice printed "Randomisation p Randomisation p," as one, the example's Tables 19-21). The
    column's first width kept a gap for the heading's longest word only, not for a line of two words.

    The columns needing least are widened first, while the sheet still prints one page wide at no less than
    :data:`LEAST_SCALE` (or no smaller than it did).

    >>> from openpyxl import Workbook
    >>> ws = Workbook().active
    >>> ws["A1"], ws["B1"] = "Indicator", "Randomisation p"
    >>> ws["B1"].alignment, ws["B1"].font = Alignment(horizontal="right", wrap_text=True), Font(bold=True)
    >>> out = heading_gaps(ws, {1: 20.0, 2: 15.8571}, landscape=False)
    >>> out[1], 15.8571 < out[2] < 15.8571 + 2
    (20.0, True)
    """
    wanted: dict[int, float] = {}
    for row in ws.iter_rows(min_row=1, max_row=header):
        for cell in row:
            if cell.column == 1 or not isinstance(cell.value, str) or cell.alignment.horizontal != "right":
                continue
            bold = bool(cell.font.b)
            width = max(widths.get(cell.column, 10.0), wanted.get(cell.column, 0.0))
            # at worst the heading on one line and the gap: wider, a line may take the next word and fill again
            # ("Share with the cause left open" keeps its gap 24 pixels wider than its longest word's column)
            most = text_chars(cell.value, bold=bold) + gap + 1
            while width < most and not _keeps_gap(cell.value, width, gap, bold=bold):
                width += 1 / 7  # Excel's column grows a pixel at a time
            if width > widths.get(cell.column, 10.0) + 1e-9:
                wanted[cell.column] = round(width, 4)
    return _widened(widths, wanted, landscape)


def _heading_cells(ws, widths: dict[int, float], header: int, gap: float) -> list[tuple]:
    """(cell, width, need, last column) of each heading (rows 1 to ``header``, a merged cell once): the width (Excel's unit) its
    text has (the columns it spans, its indent off) and the gap it keeps from an edge it shares with a heading that
    may reach that edge (0: none). Which edge: a heading set right its left one (the heading before it may end
    there), one set left or as text its right one where the heading after it starts at that edge (set left or as
    text, not indented), one centred over its columns either (half the gap each side). The first column's left edge
    and the last one's right edge meet no heading."""
    top = {(r, c): (rng.min_row, rng.min_col, rng.max_col) for rng in ws.merged_cells.ranges
           for r in range(rng.min_row, rng.max_row + 1) for c in range(rng.min_col, rng.max_col + 1)}
    last = ws.max_column

    def starts_at_left_edge(row: int, col: int) -> bool:
        r, c, _ = top.get((row, col), (row, col, col))
        alignment = ws.cell(r, c).alignment
        return (col <= last and isinstance(ws.cell(r, c).value, str) and c == col
                and alignment.horizontal in (None, "general", "left") and not alignment.indent)

    found = []
    for row in ws.iter_rows(min_row=1, max_row=header):
        for cell in row:
            if not isinstance(cell.value, str) or not cell.value.strip():
                continue
            _, first, end = top.get((cell.row, cell.column), (cell.row, cell.column, cell.column))
            if first != cell.column:
                continue
            side = cell.alignment.horizontal
            need = {"right": gap if first > 1 else 0.0,
                    "center": gap if first > 1 or end < last else 0.0}.get(
                side, gap if end < last and starts_at_left_edge(cell.row, end + 1) else 0.0)
            width = sum(widths.get(j, 10.0) for j in range(first, end + 1)) - INDENT_CHARS * (cell.alignment.indent or 0)
            found.append((cell, width, need, end))
    return found


def heading_breaks(ws, widths: dict[int, float], *, header: int = 1, gap: float = HEADING_GAP) -> int:
    """Break each heading (rows 1 to ``header``) into lines of its own (line breaks in the cell) that each fit its
    column in Excel and in LibreOffice (:func:`_set_lines`) where, at its column's final ``widths``, it comes nearer
    than ``gap`` to an edge it shares with a heading that may reach the same edge (:func:`_heading_cells`), or where
    either program would wrap it with a short word alone on a line ("Credited to / new / leadership", "p / (Holm)")
    and lines of its own can bind that word to a neighbour on no more lines ("Credited / to new / leadership"). The
    sheet, printed at :data:`LEAST_SCALE` already, had no room to widen the column (:func:`heading_gaps`,
    :func:`heading_mends`): the example's Tables 7 and 11, "Share reporting it" 52.8 pt of LibreOffice's 54.6 in a
    line, "95% CI, lower" its 34 of Excel's 44 pixels, read run together with the heading beside them. Returns how
    many headings were broken.

    >>> from openpyxl import Workbook
    >>> ws = Workbook().active
    >>> ws["A1"], ws["B1"] = "Impact", "Share reporting it"
    >>> ws["B1"].alignment, ws["B1"].font = Alignment(horizontal="right", wrap_text=True), Font(bold=True)
    >>> heading_breaks(ws, {1: 20.0, 2: 10.2}), ws["B1"].value
    (1, 'Share\\nreporting\\nit')
    >>> ws["B1"] = "Credited to new leadership"
    >>> heading_breaks(ws, {1: 20.0, 2: 10.9}), ws["B1"].value
    (1, 'Credited\\nto new\\nleadership')
    """
    broken = 0
    for cell, width, need, _ in _heading_cells(ws, widths, header, gap):
        bold = bool(cell.font and cell.font.b)
        lines = _set_lines(cell.value, width, need, bold=bold)
        if lines is not None and "\n".join(lines) != cell.value:
            cell.value = "\n".join(lines)
            broken += 1
    return broken


def heading_mends(ws, widths: dict[int, float], *, landscape: bool, header: int = 1, gap: float = HEADING_GAP,
                  only: set[int] | None = None, parts: Callable[[dict[int, float]], tuple] | None = None
                  ) -> dict[int, float]:
    """``widths`` with each column whose heading (rows 1 to ``header``; a heading over several columns widens its
    last) has a short word alone on a line in any setting of its lines that fits (:func:`_set_lines`: "p / (Holm)",
    "95% / CI, / lower", "Share / with / the / cause ...") made the few pixels wider at which lines of its own bind
    that word to a neighbour on no more lines, the columns needing least first, while the sheet still prints one page
    wide at no less than :data:`LEAST_SCALE` (or no smaller than it did), as :func:`heading_gaps` widens them; where
    the sheet has no room, the columns of wrapped text (``only``) give it where each can be narrower with no row
    taller and no word broken (:func:`_row_slack`): a landscape sheet at 75% printed "Credited / to / another /
    factor" beside a column of what is suppressed wider than any of its values on their rows' lines. ``parts``: for a
    sheet printed in parts across pages, how it prints with given widths (parts, then scale: the greater the better);
    a column of such a sheet is widened where it prints in no more parts at no smaller scale (a sheet in parts printed
    "CI, / lower" where a few pixels more fitted its part).

    >>> from openpyxl import Workbook
    >>> ws = Workbook().active
    >>> ws["A1"], ws["B1"] = "Impact", "p (Holm)"
    >>> ws["B1"].alignment, ws["B1"].font = Alignment(horizontal="right", wrap_text=True), Font(bold=True)
    >>> out = heading_mends(ws, {1: 20.0, 2: 6.5}, landscape=False)
    >>> out[1], 6.5 < out[2] < text_chars("p (Holm)", bold=True) + 2
    (20.0, True)
    """
    # no widening (nor the narrowing that pays for one) that sets a row on more lines in Excel than in LibreOffice, or
    # fewer, where it set them alike: the row is Excel's lines tall, and LibreOffice printed the extra line blank
    # (render61 kept units whole by widths that left two rows of the example's Table 7 so, round 48)
    lines = _kept_lines()
    cells = _wrapped_cells(ws, only, header)
    apart = _rows_apart(cells, widths, lines)

    def alike(trial: dict[int, float], mended: set[int] = frozenset()) -> bool:
        # no row newly apart; the headings of the columns ``mended`` are left out: each is set on lines of its own
        # later (heading_breaks), as many in both programs, not wrapped by either (a column widened for "Share / with
        # the / cause" was refused for its own heading, which Excel wrapped on 5 lines and LibreOffice on 6)
        if not mended:
            return _rows_apart(cells, trial, lines) <= apart
        kept = {k: [c for c in v if not (k in mended and c[3] <= header)] for k, v in cells.items()}
        return _rows_apart(kept, trial, lines) <= _rows_apart(kept, widths, lines)

    wanted: dict[int, float] = {}
    # a short word alone on a line ("Share / with / the / cause") is mended before a unit kept whole ("Credited to / a
    # restructure" for "Credited / to a / restructure"): the room a sheet has goes to the word a reader misses first
    units_only: set[int] = set()
    for cell, width, need, j in _heading_cells(ws, widths, header, gap):
        bold = bool(cell.font and cell.font.b)
        if "\n" in cell.value:
            continue
        words = cell.value.split()
        now = _best_lines(words, width, need, bold=bold)
        # a unit heading_units binds too wide for the column ("not interviewed", "reporting it"), or kept whole only
        # on more lines or with a short word alone ("Suppressed / or / not available"): the column made as wide as
        # keeps each whole on no more lines (render62)
        units = heading_words(cell.value)
        unfit = [u for u in units if " " in u and not _fits(u, width, need, bold=bold)]
        kept = _best_lines(units, width, need, bold=bold)
        unit_wise = bool(unfit) or (_units_broken(now, units) > 0 and (len(kept), _lone_count(kept)) > (
            len(now), _lone_count(now)))
        if not (_lone_count(now) or unit_wise):
            continue
        if not _lone_count(now):
            units_only.add(j)
        most = text_chars(cell.value, bold=bold) + need + 1
        for p in range(1, round((most - width) * 7) + 1):  # Excel's column grows a pixel at a time
            set_as = _best_lines(units if unit_wise else words, width + p / 7, need, bold=bold)
            wider = round(widths.get(j, 10.0) + p / 7, 4)
            if (not _lone_count(set_as) and len(set_as) <= len(now)
                    and all(_fits(u, width + p / 7, need, bold=bold) for u in unfit)
                    and alike({**widths, j: max(wanted.get(j, 0.0), wider)}, {j})):
                wanted[j] = max(wanted.get(j, 0.0), wider)
                break
    out = _widened(widths, wanted, landscape, keep=lambda trial: alike(trial, set(wanted)), later=units_only)
    for j, width in _by_need(wanted, widths, units_only):
        short = round((width - out[j]) * 7)  # pixels
        if short <= 0 or only is None:
            continue
        spare = {k: _row_slack(ws, out, k, header, lines) for k in sorted(only) if k != j}
        if sum(spare.values()) < short:
            continue
        trial = dict(out)
        for k, give in sorted(spare.items(), key=lambda kv: -kv[1]):
            taken = min(give, short)
            trial[k] = round(trial[k] - taken / 7, 4)
            short -= taken
        trial[j] = width
        if alike(trial, set(wanted)):
            out = trial
    if parts is not None and printed_points(out) > PAGE_POINTS[True] / LEAST_SCALE + 1e-9:
        # a sheet printed in parts anyway: a column still short is widened where its part has the room
        for j, width in _by_need(wanted, widths):
            trial = {**out, j: width}
            if out[j] < width and parts(trial) >= parts(out) and alike(trial, set(wanted)):
                out = trial
    return out


def _rows_apart(cells: dict[int, list[tuple[str, bool, float, int]]], widths: dict[int, float],
                lines=lines_each) -> set[int]:
    """The rows Excel sets on a different number of lines than LibreOffice: each row's most lines of its ``cells``
    (:func:`_wrapped_cells`) at ``widths`` in each program (a row is as tall as the more, and the other prints a line
    of it blank)."""
    excel: dict[int, int] = {}
    libre: dict[int, int] = {}
    for j, column in cells.items():
        for text, bold, indent, row in column:
            e, lo = lines(text, widths.get(j, 10.0) - indent, bold=bold)
            excel[row], libre[row] = max(excel.get(row, 1), e), max(libre.get(row, 1), lo)
    return {r for r in excel if excel[r] != libre[r]}


def _row_slack(ws, widths: dict[int, float], k: int, header: int, lines=lines_each) -> int:
    """The most pixels (up to a few characters') column ``k`` can be made narrower with none of its cells wrapped onto
    more lines than the tallest cell of its row takes (the heading rows' tallest for its heading), in Excel and in
    LibreOffice, and none of its words wider than the column."""
    cells = _wrapped_cells(ws, None, header)
    tallest: dict[int, int] = {}
    for j, column in cells.items():
        for text, bold, indent, row in column:
            key = 0 if row <= header else row
            tallest[key] = max(tallest.get(key, 1), max(lines(text, widths.get(j, 10.0) - indent, bold=bold)))
    own = cells.get(k, [])
    for p in range(1, 7 * _GIVE_MOST + 1):
        width = widths.get(k, 10.0) - p / 7
        for text, bold, indent, row in own:
            if (max(lines(text, width - indent, bold=bold)) > tallest[0 if row <= header else row]
                    or not all(_fits(w, width - indent, 0.0, bold=bold) for w in text.split())):
                return p - 1
    return 7 * _GIVE_MOST if own else 0


#: The most (Excel's unit) a column of wrapped text gives a heading beside it (:func:`heading_mends`).
_GIVE_MOST = 4


def _by_need(wanted: dict[int, float], widths: dict[int, float], later: set[int] = frozenset()) -> list[tuple]:
    """The (column, width) of ``wanted``, those needing least widening first, those of ``later`` after the others."""
    return sorted(wanted.items(), key=lambda jw: (jw[0] in later, jw[1] - widths.get(jw[0], 10.0)))


def _widened(widths: dict[int, float], wanted: dict[int, float], landscape: bool,
             keep: Callable[[dict[int, float]], bool] | None = None, later: set[int] = frozenset()) -> dict[int, float]:
    """``widths`` with each column of ``wanted`` (column: width) widened to it, those needing least first (those of
    ``later`` after the others), while the sheet prints one page wide at no less than :data:`LEAST_SCALE` (or no
    smaller than it did), and where ``keep`` (of the widths tried) allows."""
    room = max(printed_points(widths), PAGE_POINTS[landscape] / LEAST_SCALE)
    out = dict(widths)
    for j, width in _by_need(wanted, widths, later):
        trial = {**out, j: width}
        if printed_points(trial) <= room + 1e-9 and (keep is None or keep(trial)):
            out = trial
    return out


#: A word of at most this many characters alone on a line of a heading reads as a word dropped ("p" over "(Holm)",
#: "to" in "Credited / to / funding"), as :data:`impact.report._layout._SHORT_WORD` counts it in Word and the web page.
_SHORT_WORD = 3


def _lone_count(lines: list[list[str]]) -> int:
    """How many of a heading's ``lines`` (of more than one) are one short word (:data:`_SHORT_WORD`)."""
    return sum(len(line) == 1 and len(line[0]) <= _SHORT_WORD for line in lines) if len(lines) > 1 else 0


def _fits(line: str, width: float, gap: float, *, bold: bool) -> bool:
    """Whether ``line`` fits a column ``width`` wide (Excel's unit) with ``gap`` beside it in Excel and in
    LibreOffice."""
    return (excel_pixels(line, FONT_PT, bold=bold) <= round(width * 7) - 5 - 7 * gap
            and arial_width(line, FONT_PT, bold=bold) <= width * DIGIT_PT - 2 - gap * DIGIT_PT)


def heading_words(text: str) -> list[str]:
    """The units a heading's line may break between: its words, those :func:`impact._textwidth.heading_units` binds
    ("95% CI", "new leadership", "not available") one unit each, as the web page and Word keep them whole.

    >>> heading_words("Credited to new leadership"), heading_words("95% CI, lower")
    (['Credited', 'to', 'new leadership'], ['95% CI,', 'lower'])
    """
    return [unit.replace("\u00a0", " ") for unit in _words(heading_units(text))]


def _units_broken(lines: list[list[str]], units: list[str]) -> int:
    """How many of a heading's ``units`` of more than one word (:func:`heading_words`) ``lines`` (of words) break."""
    words = [len(unit.split()) for unit in units]
    ends = {sum(map(len, lines[:k + 1])) for k in range(len(lines))}
    at, broken = 0, 0
    for n in words:
        broken += any(at < end < at + n for end in ends)
        at += n
    return broken


def _set_lines(text: str, width: float, gap: float, *, bold: bool) -> list[str] | None:
    """Heading ``text`` set on lines of its own for a column ``width`` wide keeping ``gap``
    (:func:`_best_lines` of its units, :func:`heading_words`), where either program's own wrapping would not keep the
    gap, would break a unit ("95% / CI", "new / leadership", "Suppressed or not / available"; render61) or would
    leave a short word alone on a line that lines of its own mend on no more lines; None where its own wrapping is as
    good."""
    if "\n" in text:  # set on lines already: each line wrapped in the column, as before
        if _keeps_gap(text, width, gap, bold=bold) and not any(
                _set_lines(part, width, gap, bold=bold) for part in text.split("\n")):
            return None
        return [line for part in text.split("\n") for line in (_set_lines(part, width, gap, bold=bold) or [part])]
    words, units = text.split(), heading_words(text)
    plain = _best_lines(words, width, gap, bold=bold)
    best = _best_lines(units, width, gap, bold=bold)
    # units kept whole where each fits and that leaves no more short words alone ("Credited / to / the review")
    if _lone_count(best) > _lone_count(plain) or not all(_fits(u, width, gap, bold=bold) for u in units if " " in u):
        best = plain
    if not _keeps_gap(text, width, gap, bold=bold):
        return [" ".join(line) for line in best]
    excel = _wrap(words, round(width * 7) - 5, lambda t: excel_pixels(t, FONT_PT, bold=bold))
    libre = _wrap(words, width * DIGIT_PT - 2, lambda t: arial_width(t, FONT_PT, bold=bold))
    if (best is not plain and max(_units_broken(excel, units), _units_broken(libre, units))
            and len(best) <= max(len(excel), len(libre))):  # at no more lines than either program sets
        return [" ".join(line) for line in best]
    best = plain
    lone = max(_lone_count(excel), _lone_count(libre))
    if lone and _lone_count(best) < lone and len(best) <= max(len(excel), len(libre)):
        return [" ".join(line) for line in best]
    return None


def _wrap(words: list[str], room: float, measure) -> list[list[str]]:
    """``words`` wrapped greedily into ``room`` as ``measure`` measures a line."""
    lines: list[list[str]] = []
    for word in words:
        if lines and measure(" ".join([*lines[-1], word])) <= room:
            lines[-1].append(word)
        else:
            lines.append([word])
    return lines


def _best_lines(words: list[str], width: float, gap: float, *, bold: bool) -> list[list[str]]:
    """``words`` set into lines that each fit a column ``width`` wide keeping ``gap`` in Excel and LibreOffice
    (:func:`_fits`; a word too wide for that alone on its line): the fewest lines of one short word, then the fewest
    lines, then each line as full as the lines after it allow (as greedy wrapping sets them).

    >>> _best_lines("Credited to new leadership".split(), 10.9, 0, bold=True)
    [['Credited'], ['to', 'new'], ['leadership']]
    """
    return [list(line) for line in _best_set(tuple(words), round(width, 4), gap, bold)[2]] or [[]]


@lru_cache(maxsize=20_000)
def _best_set(words: tuple[str, ...], width: float, gap: float, bold: bool) -> tuple[int, int, tuple]:
    """(lone short words, lines, lines) of :func:`_best_lines` (by dynamic programming over where each line ends)."""
    if not words:
        return 0, 0, ()
    best = None
    for k in range(1, len(words) + 1):
        line = words[:k]
        if k > 1 and not _fits(" ".join(line), width, gap, bold=bold):
            break
        lone, count, rest = _best_set(words[k:], width, gap, bold)
        score = (lone + (len(line) == 1 and len(line[0]) <= _SHORT_WORD), count + 1, -k)
        if best is None or score < best[0]:
            best = score, (line, *rest)
    (lone, count, _), lines = best
    return lone, count, lines


def _keeps_gap(text: str, width: float, gap: float, *, bold: bool) -> bool:
    """Whether ``text`` wrapped in a column ``width`` wide leaves ``gap`` beside its widest line in both programs."""
    excel = round(width * 7) - 5
    libre = width * DIGIT_PT - 2
    return (widest_line(text, excel, FONT_PT, bold=bold, measure=excel_pixels) <= excel - 7 * gap
            and widest_line(text, libre, FONT_PT, bold=bold, measure=arial_width) <= libre - gap * DIGIT_PT)


def use_arial(wb: Workbook) -> None:
    """Make 10 pt Arial the workbook's default font (:func:`set_default_font`) and Excel's row of one line of it
    (:data:`LINE_PT`) every sheet's default row: openpyxl's 15 pt (Calibri 11's) left LibreOffice's rows of one line
    1.2 times their text.  Call it before any cell is styled, and again once every sheet is made."""
    if wb._named_styles["Normal"].font.name != FONT_NAME:
        set_default_font(wb, FONT_NAME, FONT_PT)
    for ws in wb.worksheets:
        ws.sheet_format.defaultRowHeight = LINE_PT
        ws.sheet_format.customHeight = True


def print_setup(ws, *, landscape: bool, title_rows: str | None, header: str, scale: int | None = None) -> None:
    """Print ``ws`` on A4 one page wide (as many long as it takes), or at ``scale`` percent over as many pages across
    as it takes, ``title_rows`` repeated on every page, ``header`` above and "Page n of N" below."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    if scale is None:
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    else:
        ws.page_setup.scale = scale
        ws.sheet_properties.pageSetUpPr.fitToPage = False
    ws.print_options.gridLines = False
    ws.page_margins.left = ws.page_margins.right = MARGINS[0]
    ws.page_margins.top = ws.page_margins.bottom = MARGINS[1]
    ws.page_margins.header = ws.page_margins.footer = 0.25
    if title_rows:
        ws.print_title_rows = title_rows
    ws.oddHeader.center.text = header.replace("&", "&&")[:240]
    ws.oddHeader.center.size = 9
    ws.oddFooter.center.text = "Page &P of &N"
    ws.oddFooter.center.size = 9


def set_default_font(wb: Workbook, name: str, size: float) -> None:
    """Make ``name`` at ``size`` points the workbook's default font (its Normal style).

    A column's width is counted in the default font's digits: openpyxl's default, Calibri 11, is replaced by DejaVu
    Sans on a machine without Calibri or Carlito, whose digit is a quarter wider, so LibreOffice printed every column
    of the report's workbook 1.26 times as wide as planned (and the sheet that much smaller on the page).  Arial
    (Liberation Sans) has the same metrics in Excel and LibreOffice.  Call it before any cell is styled.
    """
    from openpyxl.styles import DEFAULT_FONT
    from openpyxl.utils.indexed_list import IndexedList

    base = Font(name=name, size=size, family=DEFAULT_FONT.family)
    wb._fonts = IndexedList([base, *list(wb._fonts)[1:]])  # font 0 is the one cells without a font of their own use
    wb._named_styles["Normal"].font = base


def add_choice(ws, column: str, frame: pd.DataFrame, formula: str, *, title: str, prompt: str) -> None:
    """A drop-down list (DataValidation) on every data cell of ``column``."""
    j = list(frame.columns).index(column) + 1
    letter = get_column_letter(j)
    dv = DataValidation(type="list", formula1=formula, allow_blank=True, showDropDown=False)
    dv.error = f"Choose a value from the list ({prompt})."
    dv.errorTitle = title
    dv.prompt = prompt
    dv.promptTitle = title
    dv.showErrorMessage = True
    dv.showInputMessage = True
    ws.add_data_validation(dv)
    dv.add(f"{letter}2:{letter}{max(len(frame) + 1, 2)}")


#: The README's column (Excel's unit): as wide as a portrait A4 page inside the margins (it was 110, and the printed
#: page cut its lines at the right-hand edge).
_README_WIDTH = math.floor(PAGE_POINTS[False] / DIGIT_PT)


def printed_points(widths: dict[int, float]) -> float:
    """Printed width (points, at 100%) of columns ``widths`` wide (Excel's unit): Excel's (``7 w + 5`` pixels a
    column) or LibreOffice's (a digit of 10 pt Arial a unit, measured on its PDF), whichever is wider: LibreOffice's
    are up to 6% wider than Excel's, and the report's suppression ledger, planned at 75% by Excel's widths, printed at
    72%."""
    return max(sum((w * 7 + 5) * 0.75 for w in widths.values()), sum(widths.values()) * DIGIT_PT)


def write_readme(ws, lines: list[str]) -> None:
    ws.column_dimensions["A"].width = _README_WIDTH
    for line in lines:
        ws.append([to_cell(line)])
        ws.cell(row=ws.max_row, column=1).alignment = Alignment(wrap_text=True, vertical="top")
    ws.cell(row=1, column=1).font = Font(name=FONT_NAME, bold=True, size=13)
    fit_row_heights(ws, {1: _README_WIDTH})
    print_setup(ws, landscape=False, title_rows=None, header=ws.title)


def write_key_values(ws, values: dict[str, object]) -> None:
    ws.append(["key", "value"])
    for k, v in values.items():
        ws.append([k, to_cell(v)])


def new_workbook(readme_lines: list[str]) -> Workbook:
    """A workbook whose first sheet is a README with ``readme_lines``."""
    wb = Workbook()
    use_arial(wb)
    readme = wb.active
    readme.title = "README"
    write_readme(readme, readme_lines)
    return wb


def finish_workbook(wb: Workbook, path, *, original: pd.DataFrame, meta: dict[str, object], active: str) -> Path:
    """Add the hidden copy of read-only cells and the metadata sheet, then save atomically."""
    orig = wb.create_sheet("_original")
    write_sheet(orig, original)
    orig.sheet_state = "veryHidden"
    ws = wb.create_sheet("_meta")
    write_key_values(ws, meta)
    ws.sheet_state = "veryHidden"
    use_arial(wb)  # the sheets made since new_workbook: their rows of one line
    wb.active = wb.sheetnames.index(active)
    return save_workbook(wb, path)


def read_meta(wb) -> dict[str, str]:
    return {cell_text(k): cell_text(v) for k, v in wb["_meta"].iter_rows(min_row=2, max_col=2, values_only=True)}


def save_workbook(wb: Workbook, path: str | os.PathLike) -> Path:
    """Save atomically: the previous file survives an interrupted write."""
    return atomic_write_bytes(path, workbook_bytes(wb))


def open_workbook(path: str | os.PathLike, *, required: list[str], known: tuple[str, ...] = ()):
    """Open a filled-in workbook (formulas kept as typed) after basic checks: a missing sheet of ``required`` is
    refused, naming the sheet a person may have renamed it to (``known``: the other sheets impact writes)."""
    path = check_input_file(path, expected=" - expected an .xlsx workbook written by impact")
    tell_if_open_in_office(path)  # read as last saved: decisions typed since are not read
    from ._archive import load_workbook as guarded_load

    wb = guarded_load(path, label=str(path), data_only=False)  # archive and sheet sizes capped before openpyxl loads
    missing = [s for s in required if s not in wb.sheetnames]
    if missing:
        from .schema import did_you_mean

        # a sheet renamed ('Review (2)', 'review ', or 'Sheet1') is the one missing: said, not only the list of
        # names; impact's own hidden sheets are no candidates (a person sees none of them)
        shown = [n for n in wb.sheetnames if wb[n].sheet_state != "veryHidden"]
        strange = [n for n in shown if n not in {*required, *known}]
        renamed = [f"{n!r} may be {m!r} renamed: name it {m!r} again" for m in missing for n in strange
                   if did_you_mean(n, [m]) or (len(missing) == 1 and len(strange) == 1)]
        raise InputError(f"{path}: {_named('sheet', missing)} missing - expected a workbook written by impact "
                         f"with sheets {[s for s in required if not s.startswith('_')]}; it has {shown}"
                         + (f" ({'; '.join(renamed)})" if renamed else ""))
    return wb


def where(path: Path, sheet: str) -> str:
    return f"{path.name} (sheet '{sheet}')"


def read_rows(ws, *, file: str, expected: list[str],
              exact: Collection[str] = ()) -> tuple[list[str], list[tuple[int, dict[str, str]]], list[Problem]]:
    """Rows of a sheet as text cells keyed by header; extra columns, formulas and renamed headers reported.

    Returns (header, records, problems); each record maps the expected column
    names (and ``"__extra__"``: {header: text} of cells in unexpected columns,
    which callers report cell by cell) to text, and ``"__formulas__"`` to the
    columns holding a formula (reported here, so callers judge those cells no
    further: one problem for one cause).  Blank rows are not read, and those with data below them are told in an
    :class:`~impact.errors.ImpactWarning`.  The text of the ``exact`` columns is kept as written (not stripped: ids
    matched to another file by their text).
    """
    problems: list[Problem] = []
    rows = list(ws.iter_rows())
    if not rows:
        return [], [], [Problem(file, 1, None, None, f"a header row {expected}")]
    header = [cell_text(c.value) for c in rows[0]]
    moved = [name for j, name in enumerate(expected) if name in header and header.index(name) != j]
    if moved or (header and not set(expected) & set(header)):
        # Columns inserted, deleted or moved (or the header row deleted): every cell from there on is under another
        # column than its own, so one problem, and no row judged by columns that are not its own.
        shown = [h for h in header if h][:len(expected) + 2]
        # a row (a title, a note) typed above the header: the header found lower down, where it is said
        lower = next((k for k, cells in enumerate(rows[1:20], start=2)
                      if [cell_text(c.value) for c in cells][:len(expected)] == expected), None) if not moved else None
        what = (f"the {_number(moved, 'column')} {moved} {_verb(moved, 'is', 'are')} not where they were exported (a column was inserted, deleted or moved)"
                if moved else f"the header row is row {lower}, below {_counted(lower - 1, 'row')} added above it: delete "
                f"row{'s 1 to ' + str(lower - 1) if lower > 2 else ' 1'}" if lower else
                "row 1 holds no column header of the exported sheet (the header row was deleted?)")
        return header, [], [Problem(file, 1, None, ", ".join(shown)[:120],
                                    f"the header row as exported, {expected}: {what} - undo the change, or "
                                    "export the workbook again")]
    for j, name in enumerate(expected):
        got = header[j] if j < len(header) else ""
        if got != name:
            problems.append(Problem(file, 1, f"{get_column_letter(j + 1)} ({name})", got,
                                    f"the column header {name!r} unchanged (columns must not be renamed, moved or deleted)"))
    extra_cols = {j: (header[j] or get_column_letter(j + 1)) for j in range(len(expected), len(header))}
    for j, name in extra_cols.items():
        if header[j]:
            problems.append(Problem(file, 1, f"{get_column_letter(j + 1)} ({name})", name,
                                    "no extra columns (this column was added; its content would be ignored - "
                                    "move it into the notes column)"))
    for merged in sorted(getattr(ws, "merged_cells", None) and ws.merged_cells.ranges or [], key=str):
        # A merged cell keeps its value in its first cell only: the rows below it would be read as left blank.
        first = merged.min_col - 1
        name = expected[first] if first < len(expected) else get_column_letter(first + 1)
        problems.append(Problem(file, merged.min_row, name, merged.coord,
                                f"one value in each cell, not cells merged into one (a merged cell keeps its value "
                                f"in {get_column_letter(merged.min_col)}{merged.min_row} only, so the other cells "
                                "would be read as blank) - unmerge the cells and fill in each of them"))
    records = []
    blank: list[int] = []
    for cells in rows[1:]:
        if all(c.data_type != "f" and cell_text(c.value) == "" for c in cells):
            # no data (spaces alone are none: a program that saved the sheet's empty rows with a space or an empty
            # text in a cell made each an 'added row' without its row id), and not the sheet's end: the rows below
            # are read
            blank.append(cells[0].row)
            continue
        rownum = cells[0].row
        rec: dict = {}
        extra: dict[str, str] = {}
        formulas: set[str] = set()
        for j, c in enumerate(cells):
            if c.data_type == "f":
                name = expected[j] if j < len(expected) else extra_cols.get(j, get_column_letter(j + 1))
                problems.append(Problem(file, rownum, name, str(c.value), "plain text or a value, not a formula"))
                formulas.add(name)
            text = cell_text(c.value, strip=not (j < len(expected) and expected[j] in exact))
            if j < len(expected):
                rec[expected[j]] = text
            elif text:
                extra[extra_cols.get(j, get_column_letter(j + 1))] = text
        for name in expected:
            rec.setdefault(name, "")
        rec["__extra__"] = extra
        rec["__formulas__"] = formulas
        records.append((rownum, rec))
    if inner := [r for r in blank if records and r < records[-1][0]]:
        warnings.warn(str(blank_rows_note(file, inner)).removeprefix("warning: "), ImpactWarning, stacklevel=user_level())
    if getattr(ws, "sheet_state", "visible") == "hidden" and records:
        # hidden by a person (impact's own copies are 'veryHidden'): what it holds may not have been seen when saved
        warnings.warn(f"{file}: the sheet is hidden; its {_counted(len(records), 'row')} "
                      "read as a shown sheet's are: unhide it (right-click a sheet tab, Unhide) to check what it holds",
                      ImpactWarning, stacklevel=user_level())
    dimensions = getattr(ws, "row_dimensions", {})
    if hidden := [r for r, _ in records if r in dimensions and dimensions[r].hidden]:
        # a row hidden, or filtered out, holds what the reviewer may not have seen: read, as the others are, and told
        shown = _listing(list(map(str, hidden)))
        warnings.warn(f"{file}: {_counted(len(hidden), 'row')} hidden or filtered out "
                      f"({_number(hidden, 'row')} {shown}) read as the others are: show "
                      f"{'them' if len(hidden) > 1 else 'it'} to check what {'they hold' if len(hidden) > 1 else 'it holds'}",
                      ImpactWarning, stacklevel=user_level())
    return header, records, problems


def undecided_runs(records, *, column: str) -> dict[int, str]:
    """The rows of ``records`` (``(row, cells)`` of a filled-in sheet) whose ``column`` is blank just below a row
    where it is filled, before the last row that fills it (not blank once stripped): the shape a cell merged over a
    group of rows is saved in once unmerged ('reject' in the group's first row only), which reads the rows below as
    left undecided.  ``{row: the merged-cell hint}``."""
    last = max((r for r, rec in records if rec[column].strip()), default=0)
    merged = merged_blanks([column], [(r, rec) for r, rec in records if r <= last])
    return {row: hint for (_, row), hint in merged.items()}


def runs_told(file: str, column: str, hints: dict[int, str], what: str) -> list[str]:
    """One line per run of ``hints`` (:func:`undecided_runs`): its rows, what they are read as, and the hint."""
    runs: dict[str, list[int]] = {}
    for row, hint in sorted(hints.items()):
        runs.setdefault(hint, []).append(row)
    return [f"{file}:{rows[0]}:{column}: blank on row{'s' if len(rows) > 1 else ''} "
            f"{_listing(list(map(str, rows)))}, {what}{hint}" for hint, rows in runs.items()]


def same_value(typed: str, exported: str, *, numeric: bool) -> bool:
    """Equal as exported; numbers compared to 9 significant digits (LibreOffice rewrites them)."""
    if typed == exported or not numeric:
        return typed == exported
    try:
        return bool(math.isclose(float(typed), float(exported), rel_tol=1e-9, abs_tol=1e-12))
    except ValueError:
        return False


def check_rows(records, original: dict[str, dict], *, file: str, id_col: str, read_only: tuple[str, ...],
               numeric: tuple[str, ...] = (), added_hint: str = "") -> tuple[list[Problem], dict[str, int], list]:
    """Check ids, duplicates, extra cells and read-only edits of a filled-in sheet.

    Returns (problems, seen ids -> sheet row, checked) where ``checked`` lists
    ``(row, record, original_record_or_None, n_problems_of_this_row)``.
    """
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    checked = []
    for row, rec in records:
        before = len(problems)
        formulas = rec.get("__formulas__", set())
        for col, text in rec["__extra__"].items():
            if col not in formulas:
                problems.append(Problem(file, row, col, text, "no content outside the sheet's columns (move it into notes)"))
        rid = rec[id_col]
        orig = original.get(rid)
        if id_col in formulas:
            orig = None  # told as a formula
        elif not rid:
            problems.append(Problem(file, row, id_col, "", "the row id written by the export (it was deleted, "
                                    f"or this row was added{added_hint})"))
        elif orig is None:
            problems.append(Problem(file, row, id_col, rid, "a row id written by the export (it was changed)"))
        elif rid in seen:
            problems.append(Problem(file, row, id_col, rid, f"each row once (row {seen[rid]} has the same id)"))
            orig = None
        else:
            seen[rid] = row
        if orig is not None:
            for col in read_only:
                # the original's text is exact (read_original), a typed cell's stripped: a space at an end is no edit
                typed, exported = rec[col].strip(), orig[col].strip()
                if col != id_col and col not in formulas and not same_value(typed, exported, numeric=col in numeric):
                    problems.append(Problem(file, row, col, rec[col],
                                            f"the exported value {orig[col]!r} (a read-only column was edited)"))
        checked.append((row, rec, orig, len(problems) - before))
    return problems, seen, checked


def read_original(wb, sheet: str, path: Path, columns: list[str], id_col: str) -> dict[str, dict]:
    # as written: the unit and code a decision is for are those of the coded file, spaces at their ends and all
    _, originals, _ = read_rows(wb[sheet], file=where(path, sheet), expected=columns, exact=columns)
    return {rec[id_col]: rec for _, rec in originals}

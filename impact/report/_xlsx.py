"""Write a report's tables to an Excel workbook and to CSV files.

The workbook is for printing and for computing:

* It opens on a **Notes** sheet that reads as a page: the title, what the
  workbook holds, a contents list (each table's sheet, linked, with its
  caption, notes and size), the key to symbols, and how the report was
  produced, every line wrapped to fit and given the height it needs.
* Each table has its own sheet, named "Table 3" as in the report.  Row 1
  holds the headings people read (the report's vocabulary); it is bold,
  wrapped, frozen and filtered, and repeats at the top of every printed page.
* **Numbers are numbers**, rounded as the report shows them (a share shown
  "30.5%" is 0.305, never 0.30500000000000005; one rule per kind of quantity,
  :func:`~impact.report._format.published_number`), with number formats from
  the table's ``columns_format`` (``0.00004`` shows as ``<0.001``, sums and
  filters still work); an interval is two numeric columns.  A difference in
  percentage points is stored in points (5.0, not 0.05), formatted
  ``+0.0" pp"`` and headed "(percentage points)": it is not a percentage.
  Floating-point round-off of zero (a bound of 2.8e-17) is stored as 0.  A suppressed or
  unavailable value (``c``, ``x``...) is an **empty cell**, shaded grey, so
  formulas skip it, and the sheet's last column, "Suppressed or not
  available", names the cells of that row and their symbol.
* **Print set-up**: A4, fitted to one page wide (landscape when the sheet is
  wider than a portrait page would show at a readable size; a sheet too wide for a landscape page at 75%
  prints in parts across pages, its row-identifying columns repeated on each), the caption in
  the page header and "Page n of m" in the footer; long text wraps and rows
  get the height their text needs.

Every text cell, header and note is passed through
:func:`impact._io.neutralise_cell`: text starting with ``=``, ``+``, ``-`` or
``@`` gets a leading apostrophe, so a transcript quote can never run as a
formula in Excel or LibreOffice.

CSV copies are UTF-8 **with** a byte-order mark: Excel on Windows reads a CSV
without one as the local code page and garbles names such as "Ynys Môn";
pandas (``read_csv``), R (``readr``) and :func:`impact._io.read_text` all
skip the mark.  They keep the machine names (snake_case columns, codes, wave
ids) described in ``tables/data_dictionary.csv``; values are the workbook's,
rounded as the report shows them (whole numbers without ".0", dates ISO 8601, missing empty,
suppression symbols as published), text neutralised as in the workbook.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from copy import copy

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from .._io import neutralise_cell
from .._tabular import workbook_bytes
from .._xlsx import (
    FONT_NAME,
    FONT_PT,
    HEADER_FILL,
    INDENT_CHARS,
    LEAST_SCALE,
    LINE_PT,
    PAGE_POINTS,
    cell_lines,
    excel_catch_up,
    fit_row_heights,
    gapped,
    heading_breaks,
    heading_gaps,
    heading_mends,
    page_widths,
    print_setup,
    printed_points,
    text_chars,
    to_cell,
    use_arial,
)
from ..schema import without_unseen
from ._format import (
    CI,
    MISSING,
    NUMERIC_KINDS,
    RATIO_CEILING,
    SYMBOLS,
    FormatSpec,
    _is_number,
    ci_digits,
    clean_text,
    format_value,
    grouped_names,
    header_groups,
    p_digits,
    provenance_entries,
    published_frame,
    said_once,
    table_display,
    table_notes,
    withheld_notes,
)
from ._labels import Label
from ._layout import identifying_columns, split_columns
from ._model import Report, Table

__all__ = ["render_xlsx", "table_csv", "sheet_names", "data_dictionary", "FLAG_COLUMN", "ALL_FIGURES"]

#: Heading of the column that names a row's suppressed or unavailable cells.
FLAG_COLUMN = "Suppressed or not available"
#: What :data:`FLAG_COLUMN` says of a row whose every figure is empty for the same reason (the symbol follows): the
#: list of its columns ran to 13 lines in a column 30 wide, three rows to a printed page (Table 10 of a 6-council
#: study, every comparison suppressed, took 30 of the workbook's 48 pages).
ALL_FIGURES = "All figures"
_MAX_WIDTH = 60
#: The widest (Excel's unit, about 450 px) the row-identifying columns are frozen beside the figures: wider, they
#: would leave too little of a laptop's window to scroll the figures through.
_FROZEN_MAX = 60.0


def _signed(body: str, digits: int, *, plus: str = "", scale: int = 0) -> str:
    """A number format whose values that round to zero at ``digits`` decimals show no sign ("0", not "-0" or "+0").

    "#,##0.0" showed -0.04 as "-0.0" and "+0;-0;0" showed -0.3 as "-0": a spreadsheet picks the section by the
    value's sign before rounding.  Here the first section takes the values that show as negative (its sign is the
    value's own), the second, Excel's and LibreOffice's negative section, which never adds a sign, everything that
    rounds to zero, and the third the values that show as positive (with ``plus`` before them).  ``scale``: the
    decimal places the format's own scaling adds (2 for a percentage).
    """
    half = 5 * 10.0 ** -(digits + scale + 1)
    limit = f"{half:.{digits + scale + 1}f}"
    return f"[<=-{limit}]{body};[<{limit}]{body};{plus}{body}"


def _decimals(d: int) -> str:
    return "." + "0" * d if d else ""


_EXCEL_FORMATS = {
    "p": lambda d: f'[<{10.0**-d:.{d}f}]"<{10.0**-d:.{d}f}";0.{"0" * d}',
    "pct": lambda d: _signed(f"0{_decimals(d)}%", d, scale=2),
    # percentage points are no percentage: the cell holds points (5.0, not 0.05) and its format says "pp"
    "pp": lambda d: _signed(f'0{_decimals(d)}" pp"', d, plus="+"),
    "num": lambda d: _signed(f"#,##0{_decimals(d)}", d),
    # a signed quantity (a change, a difference, a model's coefficient) with its "+", as the report shows it
    "diff": lambda d: _signed(f"#,##0{_decimals(d)}", d, plus="+"),
    # a ratio is never shown as 0 nor as seven figures of noise: the report's format_ratio, as a number format
    "ratio": lambda d: (f'[<{10.0**-d:.{d}f}]"<{10.0**-d:.{d}f}";[>={RATIO_CEILING:.0f}]">{RATIO_CEILING - 1:,.0f}";'
                        "#,##0" + ("." + "0" * d if d else "")),
    "auto": lambda d: _signed(f"#,##0{_decimals(d)}", d),
    "int": lambda d: _signed("#,##0", 0),
    "date": lambda d: "d mmm yyyy",
    "text": lambda d: "@",
}
_SUPPRESSED_FILL = PatternFill("solid", fgColor="D9D9D9")
_LINK = Font(name=FONT_NAME, size=FONT_PT, color="1D70B8", underline="single")
_BOLD = Font(name=FONT_NAME, size=FONT_PT, bold=True)
#: A cell's alignment by (wrapped?, indented?): an indent of 1 is :data:`impact._xlsx.INDENT_CHARS` off the column's
#: width for its text.  (openpyxl stores a style by value: one object serves every cell.)
_ALIGN = {(w, i): Alignment(horizontal="left" if i else None, vertical="top", wrap_text=w or None, indent=int(i))
          for w in (False, True) for i in (False, True)}  # an indent shows only on text aligned left
_PLAIN = Font(name=FONT_NAME, size=FONT_PT)
#: A column of figures is headed at its right, over its numbers, as the Word and web reports head it (set left, a
#: heading stood off its numbers and ran into the next heading: "Councils notParticipants", Table 4 of the example)...
_HEADING_RIGHT = Alignment(horizontal="right", vertical="top", wrap_text=True)
#: ...and its column is a character (7 px) wider than its heading's longest word, so that two headings of figures
#: side by side, each filling its column, keep a gap.
_HEADING_GAP = 1.0
#: The narrowest a column of wrapped text is made (Excel's unit, about 30 characters): narrower, its rows grow taller
#: than the scale gained saves (at the longest word's width, a list of suppressed cells ran a 19-row sheet onto 18
#: pages; at 24, onto 6; at 30, 4 pages at 59%, where it printed on 2 at 38%)...
_LEAST_WRAPPED = 30.0
#: ...unless the sheet then prints below :data:`impact._xlsx.LEAST_SCALE`: its text columns are narrowed further, a step at a
#: time, down to the narrowest of these that lets it print at that scale (Table 10 of the example, comparisons by
#: status, two text columns and a list of suppressed cells 30 wide beside ten figures, printed at 65%).
_NARROWER_WRAPPED = (26.0, 22.0, 18.0)


def sheet_names(names: list[str]) -> list[str]:
    """The sheet of each table: "Table 1", "Table 2"... in report order.

    Examples
    --------
    >>> sheet_names(["prevalence", "comparisons"])
    ['Table 1', 'Table 2']
    """
    return [f"Table {k}" for k in range(1, len(names) + 1)]


def _cell_value(value: object) -> object:
    """A pandas/numpy value as something openpyxl writes safely (text neutralised)."""
    if isinstance(value, str):
        return neutralise_cell(clean_text(value))
    return to_cell(value)


def _points(width_chars: float) -> float:
    """Printed width in points of a column ``width_chars`` wide (Excel's unit: the width of "0" in 10 pt Arial)."""
    return (width_chars * 7 + 5) * 0.75


def _plain_font(ws: Worksheet) -> None:
    """Arial for every cell still in the default font (its widths are the ones measured)."""
    made: dict[tuple, Font] = {}
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is not None and cell.font.name != FONT_NAME:
                font = cell.font
                key = (font.b, font.i, font.color)
                if key not in made:
                    made[key] = Font(name=FONT_NAME, size=FONT_PT, bold=font.b, italic=font.i, color=font.color)
                cell.font = made[key]


def _heading_lines_even(natural: dict[int, float], least: dict[int, float], heads: list[str],
                        gapped: list[bool]) -> None:
    """Widen (in ``natural``, and ``least`` where the column never wraps) each column whose heading ``heads[j - 1]``
    would take more lines at its natural width than most headings of the row (their median, at least two) to the
    narrowest width that sets it on that many: the row is as tall as its tallest heading, on every printed part of
    the sheet. The example's Table 15 printed its part of two-line headings ("odds ratio", "CI, lower") under a
    heading row of five lines, for "differs by status, p (Holm)" in a column of p-values in its other part.
    ``gapped``: a heading set right, kept a gap (_HEADING_GAP) from the one before it.

    >>> natural, least = {1: 10.0, 2: 7.0, 3: 7.0}, {2: 7.0, 3: 7.0}
    >>> _heading_lines_even(natural, least, ["Impact", "odds ratio", "differs by status, p (Holm)"],
    ...                     [False, True, True])
    >>> natural[3] > 7.0 and least[3] == natural[3], natural[2]
    (True, 7.0)
    """
    lines = {j: cell_lines(h, natural[j], bold=True) for j, h in enumerate(heads, start=1) if h}
    if len(lines) < 3:
        return
    target = max(2, sorted(lines.values())[len(lines) // 2])
    for j, n in lines.items():
        if n <= target:
            continue
        head, gap = heads[j - 1], _HEADING_GAP if gapped[j - 1] else 0.0
        words = head.split()
        runs = sorted({text_chars(" ".join(words[a:b]), bold=True) + gap for a in range(len(words))
                       for b in range(a + 1, len(words) + 1)})
        wide = next((w for w in runs if w > natural[j] and cell_lines(head, w, bold=True) <= target), None)
        if wide is not None and wide <= _MAX_WIDTH:
            natural[j] = wide
            if j in least:
                least[j] = wide


def _gives_room(natural: dict[int, float], least: dict[int, float], even: tuple[dict, dict],
                words: dict[int, float]) -> bool:
    """Whether the sheet's columns widened to ``even`` (:func:`_heading_lines_even`) print one page wide, every other
    column as wide as it was (:func:`_narrowest_needed`)."""
    before, _ = _narrowest_needed(natural, least, words)
    after, _ = _narrowest_needed(*even, words)
    return _one_page_wide(*even, words) and all(after[j] >= before[j] - 1e-6 for j in natural
                                                if even[0][j] == natural[j])


def _one_page_wide(natural: dict[int, float], fixed: dict[int, float], words: dict[int, float]) -> bool:
    """Whether a sheet of these columns (:func:`_narrowest_needed`) prints one page wide at :data:`LEAST_SCALE` or
    more."""
    widths, landscape = _narrowest_needed(natural, fixed, words)
    return PAGE_POINTS[landscape] / printed_points(widths) >= LEAST_SCALE - 1e-9


def _narrowest_needed(natural: dict[int, float], fixed: dict[int, float],
                      words: dict[int, float]) -> tuple[dict[int, float], bool]:
    """:func:`_page_widths` with the columns of text (those not in ``fixed``) no narrower than :data:`_LEAST_WRAPPED`,
    or than the widest of :data:`_NARROWER_WRAPPED` that lets the sheet print at :data:`impact._xlsx.LEAST_SCALE` (never
    narrower than a column's longest word, ``words``).

    >>> natural = {1: 60.0, 2: 60.0, 3: 60.0, **{j: 12.0 for j in range(4, 14)}}
    >>> widths, landscape = _narrowest_needed(natural, {j: 12.0 for j in range(4, 14)}, {1: 14.0, 2: 14.0, 3: 9.0})
    >>> [widths[j] for j in (1, 2, 3)], landscape
    ([20.9, 20.9, 20.9], True)
    """
    def at(floor: float) -> tuple[dict[int, float], bool]:
        return page_widths(natural, {j: fixed[j] if j in fixed else min(max(words[j], floor), natural[j])
                                      for j in natural})

    for floor in (_LEAST_WRAPPED, *_NARROWER_WRAPPED):
        widths, landscape = at(floor)
        if PAGE_POINTS[landscape] / printed_points(widths) >= LEAST_SCALE - 1e-9:
            return widths, landscape
    return at(_LEAST_WRAPPED)  # too wide at any of them: the widest text, printed smaller


def _in_points(head: str, spec: FormatSpec | None) -> str:
    """A heading over percentage points that says so (an interval's "95% CI, lower" said nothing of its unit)."""
    if spec is None or spec.kind != "pp" or "percentage point" in head.lower() or re.search(r"\bpp\b", head):
        return head
    return f"{head} (percentage points)"


def _as_points(value: object) -> object:
    """A difference of shares (0.05) in percentage points (5.0), as its sheet column shows it; text as it is."""
    if isinstance(value, (float, int, np.floating, np.integer)) and not isinstance(value, (bool, np.bool_)):
        x = float(value)
        # x * 100 in binary gives 5.000000000000001 for 0.05: the 15 significant digits a spreadsheet keeps
        return float(f"{x * 100:.15g}") if math.isfinite(x) else x
    return value


def _cell_digits(data: pd.DataFrame, col: str, spec: FormatSpec, intervals: dict[str, CI]) -> list[int]:
    """The decimals the report shows each value of a sheet column with: a p-value near 0.05 (0.0496) and the ends of
    an interval that would otherwise read the same get more than the column's own (:func:`p_digits`,
    :func:`ci_digits`); the cell's number format shows as many, as the report does."""
    if col in intervals:
        ci = intervals[col]
        return [ci_digits(float(lo), float(hi), ci.digits, percent=ci.percent, points=ci.points, ratio=ci.ratio)
                if all(_is_number(v) and np.isfinite(v) for v in (lo, hi)) else ci.digits
                for lo, hi in zip(data[ci.low].tolist(), data[ci.high].tolist(), strict=True)]
    if spec.kind == "p":
        return [p_digits(float(v), spec.digits) if _is_number(v) and np.isfinite(v) and v >= 10.0**-spec.digits
                else spec.digits for v in data[col].tolist()]
    return [spec.digits] * len(data)


def _write_table_sheet(ws: Worksheet, table: Table, report: Report, number: int) -> None:
    vocabulary = report.vocabulary
    shown = table_display(table, vocabulary)
    specs = shown.attrs["specs"]
    data = published_frame(table.shown, specs)  # rounded as the report shows it; 2.8e-17 is stored as the 0 it is
    # One sheet column per data column (an interval is its two numeric columns), headed by its label.
    columns: list[tuple[str, str, FormatSpec | None]] = []  # (data column, heading, spec)
    for key, spec in specs.items():
        if isinstance(spec, CI):
            kind = spec.end_spec()
            head = shown.attrs["labels"][key]
            columns += [(spec.low, _in_points(f"{head}, lower", kind), kind),
                        (spec.high, _in_points(f"{head}, upper", kind), kind)]
        else:
            columns.append((key, _in_points(shown.attrs["labels"][key], spec), spec))
    intervals = {c: spec for spec in specs.values() if isinstance(spec, CI) for c in (spec.low, spec.high)}
    numeric = {col for col, _, spec in columns if spec is not None and spec.kind in NUMERIC_KINDS}
    points = {col for col, _, spec in columns if spec is not None and spec.kind == "pp"}
    flags: list[str] = []
    # a figure named as the notes name it, a grouped column by its shared part then its label (grouped_names)
    named = dict(zip([col for col, _, _ in columns], grouped_names([h for _, h, _ in columns]), strict=True))
    figures = [named[col] for col, _, _ in columns if col in numeric]
    rows = []
    # Each column read once as Python objects (element access through pandas costs more than the writing).
    raw = {col: data[col].to_numpy(dtype=object) for col, _, _ in columns}
    for col in points:
        raw[col] = np.array([_as_points(v) for v in raw[col]], dtype=object)
    text = {col: shown[col].to_numpy(dtype=object) for col, _, _ in columns if col in shown.columns}
    for i in range(len(data)):
        row, flagged = [], []  # (heading, why) of each empty figure
        for col, _head, _spec in columns:
            value = raw[col][i]
            if col in numeric and isinstance(value, str):
                flagged.append((named[col], value.strip()))
                row.append(None)
            elif col in numeric and isinstance(value, (float, np.floating)) and math.isinf(value):
                # an interval open on one side: a cell cannot hold infinity, and the text "inf" was a number as text
                flagged.append((named[col], "no limit"))
                row.append(None)
            elif col in numeric or (_spec is not None and _spec.kind in ("date", "bool")):
                row.append(_cell_value(value))  # numbers, dates and yes/no stay what they are
            else:
                row.append(_cell_value(text[col][i]) if col in text and text[col][i] != MISSING else None)
        flags.append(_flag_text(flagged, figures))
        rows.append(row)
    has_flags = any(flags)
    headers = [h for _, h, _ in columns] + ([FLAG_COLUMN] if has_flags else [])
    # a heading's part shared by adjacent columns goes once in a merged row above them (_group_row): written below it,
    # and measured, the rest of each heading
    groups = header_groups(headers)
    lower = groups[1] if groups else headers
    ws.append([neutralise_cell(clean_text(h)) for h in lower])
    for row, flag in zip(rows, flags, strict=True):
        ws.append(row + ([flag or None] if has_flags else []))
    bold = _BOLD
    for cell in ws[1]:
        cell.font = bold
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    natural: dict[int, float] = {}  # the width (Excel's unit) that shows each value on one line, up to _MAX_WIDTH
    least: dict[int, float] = {}  # the width of a number or a date (they never wrap)
    words: dict[int, float] = {}  # the width below which a word (of a value or a heading) would break
    longest: dict[int, float] = {}
    for j, (col, _head, spec) in enumerate(columns, start=1):
        if col in numeric:
            fmt = _EXCEL_FORMATS.get(spec.kind, _EXCEL_FORMATS["num"])(spec.digits)  # type: ignore[union-attr]
            texts = [format_value(v, spec) + (" pp" if col in points else "")  # type: ignore[arg-type]
                     for v in data[col].tolist()]
            shown_digits = _cell_digits(table.shown, col, spec, intervals)  # type: ignore[arg-type]
            for (cell,) in ws.iter_rows(min_row=2, min_col=j, max_col=j):
                if cell.value is None and (isinstance(raw[col][cell.row - 2], str)
                                           or isinstance(raw[col][cell.row - 2], (float, np.floating))
                                           and math.isinf(raw[col][cell.row - 2])):
                    cell.fill = _SUPPRESSED_FILL
                elif not isinstance(cell.value, str):
                    digits = shown_digits[cell.row - 2]
                    cell.number_format = fmt if digits == spec.digits else _EXCEL_FORMATS[spec.kind](digits)  # type: ignore[union-attr]
        else:
            texts = [str(c.value) for (c,) in ws.iter_rows(min_row=2, min_col=j, max_col=j) if c.value is not None]
            if spec is not None and spec.kind == "date":
                for (cell,) in ws.iter_rows(min_row=2, min_col=j, max_col=j):
                    cell.number_format = _EXCEL_FORMATS["date"](0)
        longest[j] = max((text_chars(t) for t in texts), default=0.0)
        head_word = max((text_chars(w, bold=True) for w in lower[j - 1].split()), default=0.0)
        if col in numeric and j > 1:  # its heading set right, a gap from the heading before it
            head_word += _HEADING_GAP
        natural[j] = min(max(longest[j], head_word, 6.0), _MAX_WIDTH)
        # a number or a date never wraps; text may, down to its longest word
        fixed = col in numeric or (spec is not None and spec.kind == "date")
        words[j] = max(longest[j] if fixed else max((text_chars(w) for t in set(texts) for w in t.split()), default=0.0),
                       head_word)
        if fixed:
            least[j] = natural[j]
    if has_flags:
        j = len(columns) + 1
        longest[j] = max((text_chars(f) for f in flags), default=0.0)
        natural[j] = min(max(longest[j], text_chars("not available", bold=True), 16.0), 40.0)
        words[j] = text_chars("not available", bold=True)
    # no heading taller than most of its row, where no other column is narrowed for it (a value would wrap where it
    # did not) and the sheet prints as wide as it did, or it prints in parts across pages anyway
    even = dict(natural), dict(least)
    _heading_lines_even(*even, [lower[j - 1] for j in range(1, len(columns) + 1)],
                        [col in numeric and j > 1 for j, (col, _, _) in enumerate(columns, start=1)])
    if even[0] != natural and (not _one_page_wide(natural, least, words) or _gives_room(natural, least, even, words)):
        natural, least = even
    # text to the right of a column of numbers (right-aligned) or of wrapped text is indented (gapped): "1" and
    # "Small count" read "1Small count", and a wrapped line filling its column ran into the next column's text; an
    # indented column is widened by as much, which may wrap more columns, whose neighbours are then indented too
    indented: set[int] = set()
    for _ in range(len(natural) + 1):
        pad = {j: INDENT_CHARS if j in indented else 0.0 for j in natural}
        widths, landscape = _narrowest_needed({j: natural[j] + pad[j] for j in natural}, least,
                                              {j: words[j] + pad[j] for j in natural})
        wrap = {j for j, w in widths.items() if longest[j] + pad[j] > w + 0.05 or (has_flags and j == len(columns) + 1)}
        more = indented | gapped(list(natural), set(least), wrap)
        if more == indented:
            break
        indented = more
    for j, width in widths.items():
        ws.column_dimensions[get_column_letter(j)].width = width
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = _ALIGN[cell.column in wrap, cell.column in indented]
    for cell in ws[1]:  # a heading in line with the text below it
        if cell.column in indented:
            cell.alignment = _ALIGN[True, True]
        elif cell.column <= len(columns) and columns[cell.column - 1][0] in numeric:
            cell.alignment = _HEADING_RIGHT
    head_rows = 1
    if groups:
        _group_row(ws, groups[0])
        head_rows = 2
    # a column Excel wraps onto more lines than LibreOffice, a few pixels wider: its rows no taller than both need
    widths = excel_catch_up(ws, widths, landscape=landscape, only=wrap, header=head_rows)
    # a heading set right keeps a gap from the one before it on every line, not only its longest word
    widths = heading_gaps(ws, widths, landscape=landscape, header=head_rows, gap=_HEADING_GAP)
    # and a heading with a short word alone on a line ("p / (Holm)") the few pixels wider that bind it to a neighbour
    most = len(shown.columns) - 1  # never every column: nothing would be left to scroll
    identify = identifying_columns(shown.values.tolist(), [c in set(shown.attrs["numeric"]) for c in shown.columns],
                                   min(table.key_columns, most), at_most=min(3, most))
    units = _column_units([col for col, _, _ in columns] + ([FLAG_COLUMN] if has_flags else []),
                          groups[0] if groups else None, intervals)
    widths = heading_mends(ws, widths, landscape=landscape, header=head_rows, gap=_HEADING_GAP,
                           only=wrap, parts=lambda w: _parted(w, units, identify))
    # and where the sheet had no room to widen its column, any heading near an edge another heading may reach, or
    # with a short word alone on a line, is set on lines of its own that keep the gap and bind the word to another
    heading_breaks(ws, widths, header=head_rows, gap=_HEADING_GAP)
    for j, width in widths.items():
        ws.column_dimensions[get_column_letter(j)].width = width
    fit_row_heights(ws, widths, only=wrap, header=head_rows)
    # the heading row, and the columns that say what a row is (impact, wave...) where they leave room to scroll the
    # figures beside them: scrolled right, a wide sheet's figures stood beside no impact nor wave
    keys = identify
    while keys and sum(widths[j] for j in range(1, keys + 1)) > _FROZEN_MAX:
        keys -= 1
    ws.freeze_panes = f"{get_column_letter(keys + 1)}{head_rows + 1}"
    if headers:
        ws.auto_filter.ref = f"A{head_rows}:{get_column_letter(len(headers))}{max(len(data) + head_rows, head_rows)}"
    _plain_font(ws)
    # a sheet too wide for a landscape page at LEAST_SCALE prints in parts, each with the row-identifying columns
    scale = _print_parts(ws, widths, units, identify)
    print_setup(ws, landscape=landscape or scale is not None, title_rows=f"1:{head_rows}", scale=scale,
                header=f"Table {number}. {clean_text(vocabulary.prose(table.caption))}")


def _column_units(names: list[str], upper: list[tuple[str, int, bool]] | None,
                  intervals: dict[str, CI]) -> list[list[int]]:
    """The sheet's columns (numbered from 1) in runs a printed page never splits: the columns under one shared
    heading part (``upper``, :func:`header_groups`' upper row) and an interval's two ends.

    >>> ci = CI("lo", "hi")
    >>> _column_units(["a", "lo", "hi", "b"], None, {"lo": ci, "hi": ci})
    [[1], [2, 3], [4]]
    >>> _column_units(["a", "b", "c", "d"], [("a", 1, False), ("Group", 2, True), ("d", 1, False)], {})
    [[1], [2, 3], [4]]
    """
    spans = [span for _, span, _ in upper] if upper else [1] * len(names)
    units, j = [], 1
    for span in spans:
        units.append(list(range(j, j + span)))
        j += span
    out: list[list[int]] = []
    for unit in units:
        first = names[unit[0] - 1]
        if out and first in intervals and intervals[first].high == first and names[out[-1][-1] - 1] == \
                intervals[first].low:
            out[-1] += unit
        else:
            out.append(unit)
    return out


def _print_parts(ws: Worksheet, widths: dict[int, float], units: list[list[int]], keys: int) -> int | None:
    """Where ``ws`` (columns ``widths``) fitted to a landscape page's width would print below
    :data:`impact._xlsx.LEAST_SCALE`, the scale (percent) at which it prints in parts across pages instead, as Word's
    report splits such a table: the first ``keys`` columns (what a row is) repeated at the left of every part (print
    titles), a page break between parts, each part as wide as :func:`~impact.report._layout.split_columns` makes it
    at that scale, never splitting a run of ``units``; None where the sheet prints one page wide. (Fitted to one page
    wide, the change across the waves by intervention status, 23 columns, printed at 55-59%, too small to read.)
    """
    plan = _parts_plan(widths, units, keys)
    if plan is None:
        return None
    parts, key_cols, rest, scale = plan
    if key_cols:
        ws.print_title_cols = f"A:{get_column_letter(max(key_cols))}"
    for part in parts[:-1]:
        ws.col_breaks.append(Break(id=rest[part[-1] - 1][-1]))  # after the part's last column
    return scale


def _parts_plan(widths: dict[int, float], units: list[list[int]], keys: int):
    """How :func:`_print_parts` prints a sheet of columns ``widths`` in parts: (parts, the key columns, the other
    runs of ``units``, scale), or None where it prints one page wide."""
    if PAGE_POINTS[True] / printed_points(widths) >= LEAST_SCALE - 1e-9 or len(units) < 2:
        return None
    each = {j: printed_points({j: w}) for j, w in widths.items()}
    keys = max(0, min(keys, len(widths) - 1))
    heads = [u for u in units if u[0] <= keys]
    key_cols = [j for u in heads for j in u]
    rest = [u for u in units if u[0] > keys]
    if not rest:
        return None
    parts = split_columns([sum(each[j] for j in key_cols)] + [sum(each[j] for j in u) for u in rest],
                          PAGE_POINTS[True] / LEAST_SCALE, key_columns=1)
    if len(parts) < 2:
        return None
    widest = max(printed_points({j: widths[j] for j in key_cols + [j for i in part[1:] for j in rest[i - 1]]})
                 for part in parts)
    return parts, key_cols, rest, max(10, min(100, math.floor(100 * PAGE_POINTS[True] / widest)))


def _parted(widths: dict[int, float], units: list[list[int]], keys: int) -> tuple[int, int]:
    """How a sheet of columns ``widths`` prints, the greater the better: (minus its parts, its scale) as
    :func:`_print_parts` sets them (one part at the scale fitting it to a landscape page's width)."""
    plan = _parts_plan(widths, units, keys)
    if plan is None:
        return -1, max(10, min(100, math.floor(100 * PAGE_POINTS[True] / printed_points(widths))))
    return -len(plan[0]), plan[3]


def _group_row(ws: Worksheet, upper: list[tuple[str, int, bool]]) -> None:
    """A row above a sheet's headings (header_groups' upper row): a heading's part shared by adjacent columns once,
    merged and centred over them; any other column's heading moved up into a cell merged over both heading rows."""
    ws.insert_rows(1)
    j = 1
    for text, span, grouped in upper:
        below = ws.cell(2, j)
        top = ws.cell(1, j)
        top.font, top.fill = copy(below.font), copy(below.fill)
        if grouped:
            top.value = neutralise_cell(clean_text(text))
            top.alignment = Alignment(horizontal="center", vertical="top", wrap_text=True)
            for k in range(j + 1, j + span):
                ws.cell(1, k).fill = copy(below.fill)
            if span > 1:
                ws.merge_cells(start_row=1, start_column=j, end_row=1, end_column=j + span - 1)
        else:
            top.value, below.value = below.value, None
            top.alignment = copy(below.alignment)
            ws.merge_cells(start_row=1, start_column=j, end_row=2, end_column=j)
        j += span


def _write_withheld_sheet(ws: Worksheet, table: Table, report: Report, number: int, note: str) -> None:
    """The sheet of a table whose every figure is suppressed: what was withheld and why (:func:`withheld_note`), one
    wrapped line across a portrait page, in place of its rows of empty grey cells (tables/<name>.csv keeps them)."""
    width = round((PAGE_POINTS[False] / 0.75 - 5) / 7, 1)  # a portrait page's width at 100%, in Excel's unit
    ws.column_dimensions["A"].width = width
    ws.append([neutralise_cell(clean_text(note))])
    ws["A1"].alignment = Alignment(vertical="top", wrap_text=True)
    _plain_font(ws)
    fit_row_heights(ws, {1: width})
    print_setup(ws, landscape=False, title_rows="1:1",
                header=f"Table {number}. {clean_text(report.vocabulary.prose(table.caption))}")


def _flag_text(flagged: list[tuple[str, str]], figures: list[str]) -> str:
    """What :data:`FLAG_COLUMN` says of a row's empty figures, given as (heading, why) among the headings of the
    row's ``figures`` (each named as the notes name it, :func:`grouped_names`): each reason said once, after the
    columns empty for it (an interval's two ends as the interval, a shared heading part said once); where one reason
    empties every figure, or every figure but a few, :data:`ALL_FIGURES` and the reason, or "All figures but" the few shown. (A row of the counts shown and
    every share, interval and p suppressed named each of its 9 columns with its "(c)", 14 lines tall.)

    Examples
    --------
    >>> _flag_text([("Councils", "c"), ("Share", "c")], ["Councils", "Share", "Mean"])
    'Councils; Share (c)'
    >>> _flag_text([("Councils", "c"), ("Share", "c")], ["Councils", "Share"])
    'All figures (c)'
    >>> _flag_text([("Councils", "c"), ("95% CI, upper", "no limit")], ["Councils", "95% CI, upper"])
    'Councils (c); 95% CI, upper (no limit)'
    >>> _flag_text([("Share", "c"), ("95% CI, lower", "c"), ("95% CI, upper", "c")], ["n", "Share", "95% CI, lower",
    ...            "95% CI, upper"])
    'Share; 95% CI (c)'
    >>> parts = ["n", "Participants › realised", "Participants › unmet expectation", "Participants › unanticipated"]
    >>> _flag_text([("Participants › realised", "c"), ("Participants › unmet expectation", "c")], parts + ["Share"])
    'Participants › realised; unmet expectation (c)'
    >>> heads = ["Councils not in intervention", "Mean share, not in intervention", "Councils in intervention",
    ...          "Mean share, in intervention", "Difference in share (percentage points)",
    ...          "95% CI, lower (percentage points)", "95% CI, upper (percentage points)", "p-value (not a finding)"]
    >>> _flag_text([(h, "c") for h in heads if not h.startswith("Councils")], heads)
    'All figures but Councils not in intervention; Councils in intervention (c)'
    >>> _flag_text([(h, "c") for h in parts[1:]], parts)
    'All figures but n (c)'
    >>> _flag_text([(h, "c") for h in parts if h != "Participants › realised"] + [("Share", "c")], parts[:2] + parts[2:] + ["Participants › incomplete", "Share"])
    'All figures but Participants › realised; incomplete (c)'
    """
    if len(figures) > 1 and len(flagged) == len(figures) and len({why for _, why in flagged}) == 1:
        return f"{ALL_FIGURES} ({flagged[0][1]})"
    reasons: dict[str, list[str]] = {}
    for head, why in flagged:
        reasons.setdefault(why, []).append(head)
    said = "; ".join(f"{_heads_once(heads)} ({why})" for why, heads in reasons.items())
    if len(reasons) == 1:
        empty = {head for head, _ in flagged}
        shown = [h for h in figures if h not in empty]
        but = f"{ALL_FIGURES} but {_heads_once(shown)} ({flagged[0][1]})"
        if len(but) < len(said):
            return but
    return said


#: A heading of one end of an interval: what it is, which end, and its unit ("95% CI, lower (percentage points)").
_END = re.compile(r"^(.+), (lower|upper)((?: \(.*\))?)$")


def _heads_once(heads: list[str]) -> str:
    """Headings said once: an interval's two ends as the interval, a shared heading part once before its run of columns
    (:func:`~impact.report._format.said_once`)."""
    ends = {h: _END.match(h) for h in heads}
    pairs = {(m[1], m[3]) for m in ends.values() if m and m[2] == "lower"} & {
        (m[1], m[3]) for m in ends.values() if m and m[2] == "upper"}
    return said_once(m[1] + m[3] if m and (m[1], m[3]) in pairs else h for h, m in ends.items())


def _number_or_text(text: str, recorded: object) -> object:
    """A Notes entry as a number where it is one (999 resamples, a level of 0.05, 131 files), else its text.

    Only a value recorded as a number and shown as that number: a version ("2.0") is text, as is a number the
    vocabulary put into words.

    >>> _number_or_text("999", 999), _number_or_text("0.05", 0.05), _number_or_text("2.0", "2.0"), _number_or_text("No", 0)
    (999, 0.05, '2.0', 'No')
    """
    if isinstance(recorded, (int, float, np.integer, np.floating)) and not isinstance(recorded, (bool, np.bool_)):
        try:
            same = math.isfinite(float(recorded)) and float(text.replace(",", "")) == float(recorded)
        except ValueError:
            same = False
        if same:
            return to_cell(recorded)
    return neutralise_cell(text)


#: The least width (Excel's unit) of the Notes sheet's column of captions.
_LEAST_CAPTION = 12.0


def _symbols_among_numbers(column: pd.Series) -> set[str]:
    """The symbols (:data:`SYMBOLS`) a column holds in place of numbers: none unless it holds a number. The column is
    read once (the test for a number was repeated over the whole column for each symbol in it)."""
    values = column.tolist()
    found = {str(v).strip() for v in values if isinstance(v, str) and str(v).strip() in SYMBOLS}
    if found and any(isinstance(x, (int, float, np.integer, np.floating)) and not isinstance(x, bool) for x in values):
        return found
    return set()


def _write_notes(ws: Worksheet, report: Report, sheets: list[str], withheld: dict[int, str]) -> None:
    """The Notes sheet: a page that reads top to bottom (columns A-D, text wrapped to fit), printed at 80%.

    Its columns share a portrait page's width at that scale (they were 1.3 times as wide, the page printed at 58%
    by LibreOffice): the sheet names and the row counts as wide as they need, the value of each setting at least as
    wide as its longest word (a fingerprint is never broken), the table notes beside their captions with the rest.
    """
    entries = provenance_entries(report.provenance, report.vocabulary)
    # the width in Excel's unit of a portrait page printed at 80%, four columns' padding off
    total = (PAGE_POINTS[False] / 0.8 / 0.75 - 4 * 5) / 7
    first = round(max([text_chars(s) for s in sheets] + [text_chars("Sheet", bold=True)]), 1)
    last = round(max([text_chars(f"{len(t.data):,}") for t in report.tables] + [text_chars("Rows", bold=True)]), 1)
    third = round((total - first - last) * 0.7, 1)  # the notes, longer than the captions beside them
    # the settings' values (columns C:D, indented a step) hold their longest word (a 64-character fingerprint) whole,
    # as the Word and web reports' "About this report" do, where the captions keep _LEAST_CAPTION of the width
    word = max((text_chars(w) for _, value, _ in entries for w in str(value).split()), default=0.0) + INDENT_CHARS
    third = round(min(max(third, word - last), total - first - last - _LEAST_CAPTION), 1)
    widths = {1: first, 2: math.floor((total - first - last - third) * 10) / 10, 3: third, 4: last}
    for j, w in widths.items():
        ws.column_dimensions[get_column_letter(j)].width = w
    bold = _BOLD

    def line(text: str = "", *, font: Font | None = None) -> None:
        ws.append([neutralise_cell(clean_text(text)) if text else None])
        r = ws.max_row
        if text:
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(widths))
            cell = ws.cell(row=r, column=1)
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            if font is not None:
                cell.font = font

    line(report.title, font=Font(name=FONT_NAME, bold=True, size=14))
    if report.subtitle:
        line(report.subtitle, font=Font(name=FONT_NAME, italic=True, size=12))
    if report.date is not None:
        line(f"{report.date.day} {report.date:%B %Y}")
    line()
    line("Each table of the report is on its own sheet (Table 1, Table 2 ...), its values stored as numbers rounded "
         "as the report shows them (the unrounded values are those the impact library returns). Row 1 of each "
         "sheet holds the column headings and repeats on every printed page.")
    line("Suppressed or unavailable values are empty cells shaded grey, so that sums and averages skip them; the "
         f"last column of such a sheet, '{FLAG_COLUMN}', names them with their symbol ('{ALL_FIGURES}' where a "
         "row has none). The same tables with "
         "machine-readable column names are in tables/*.csv, described in tables/data_dictionary.csv.")
    symbols = sorted({s for t in report.tables for col in t.data.columns for s in _symbols_among_numbers(t.data[col])})
    for s in symbols:
        line(f"{s}: {SYMBOLS[s]}.")
    line()
    line("Contents", font=Font(name=FONT_NAME, bold=True, size=12))
    ws.append(["Sheet", "Table", "Notes", "Rows"])
    header_row = ws.max_row
    # the notes (and the settings' values below) wrapped beside a wrapped caption (setting's name) start a gap in
    gap = gapped([1, 2, 3, 4], right={4}, reach={2, 3})
    for cell in ws[header_row]:
        cell.font = bold
        cell.fill = HEADER_FILL
    for table, sheet in zip(report.tables, sheets, strict=True):
        prose = report.vocabulary.prose
        ws.append([sheet, neutralise_cell(clean_text(prose(table.caption))),
                   neutralise_cell(clean_text(withheld.get(id(table)) or table_notes(table, report.vocabulary))) or None,
                   len(table.data)])
        link = ws.cell(row=ws.max_row, column=1)
        # An in-workbook location, not a target: the file holds no external link.
        link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{sheet}'!A1", tooltip=f"Go to {sheet}")
        link.font = _LINK
        for cell in ws[ws.max_row]:
            cell.alignment = Alignment(vertical="top", wrap_text=cell.column in (2, 3), horizontal=(
                "left" if cell.column in gap else None), indent=int(cell.column in gap))
    line()
    line("About this report", font=Font(name=FONT_NAME, bold=True, size=12))
    for key, value, recorded in entries:
        ws.append([None])
        r = ws.max_row
        ws.cell(row=r, column=1, value=neutralise_cell(key)).font = bold
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=2)
        if max((text_chars(w) for w in str(value).split()), default=0.0) + INDENT_CHARS > widths[3] + widths[4]:
            # a word too wide for the value's columns even so: the value on a row of its own under its name, across
            # the page, as the Word and web reports set it
            ws.cell(row=r, column=1).alignment = Alignment(horizontal="left", vertical="top", wrap_text=True)
            line(str(value))
            continue
        ws.cell(row=r, column=3, value=_number_or_text(value, recorded))
        ws.merge_cells(start_row=r, start_column=3, end_row=r, end_column=4)
        # (a number left-aligned, as the text around it; the value a gap off its wrapped name, as the notes are)
        ws.cell(row=r, column=1).alignment = Alignment(horizontal="left", vertical="top", wrap_text=True)
        ws.cell(row=r, column=3).alignment = Alignment(horizontal="left", vertical="top", wrap_text=True,
                                                       indent=int(3 in gap))
    _plain_font(ws)
    fit_row_heights(ws, widths)
    # each table's entry a little apart from the next: an entry whose notes filled their lines to the row's foot
    # stood tight against the next entry's first line (Table 16 against Table 17 of a 6-council study)
    for r in range(header_row + 1, header_row + 1 + len(report.tables)):
        ws.row_dimensions[r].height = (ws.row_dimensions[r].height or LINE_PT) + _ENTRY_GAP
    print_setup(ws, landscape=False, title_rows=None, header=clean_text(report.title))


#: Points left below each table's entry in the Notes sheet's contents (a third of a line of 10 pt Arial).
_ENTRY_GAP = 4.0


def render_xlsx(report: Report) -> bytes:
    """The report's tables as an Excel workbook (``.xlsx`` bytes).

    Examples
    --------
    >>> import io, openpyxl
    >>> from impact.report import Report, Section, Table
    >>> t = Table("counts", pd.DataFrame({"role": ["=cmd()"], "n_councils": [3]}), "Counts")
    >>> wb = openpyxl.load_workbook(io.BytesIO(render_xlsx(Report("R", "", {}, [Section("S", [t])]))))
    >>> ws = wb["Table 1"]
    >>> wb.sheetnames, [c.value for c in ws[1]], ws["A2"].value, ws.freeze_panes, ws.print_title_rows
    (['Notes', 'Table 1'], ['Role', 'Councils'], "'=cmd()", 'B2', '$1:$1')
    """
    if not isinstance(report, Report):
        raise TypeError(f"`report` must be an impact.report.Report, but {type(report).__name__} was passed.")
    wb = Workbook()
    use_arial(wb)  # column widths in Arial's digits, in Excel and LibreOffice alike
    notes = wb.active
    notes.title = "Notes"
    sheets = sheet_names([t.name for t in report.tables])
    withheld = withheld_notes(report)
    _write_notes(notes, report, sheets, withheld)
    for n, (table, sheet) in enumerate(zip(report.tables, sheets, strict=True), start=1):
        if id(table) in withheld:
            _write_withheld_sheet(wb.create_sheet(sheet), table, report, n, withheld[id(table)])
        else:
            _write_table_sheet(wb.create_sheet(sheet), table, report, n)
    use_arial(wb)  # every sheet's row of one line Excel's own for 10 pt Arial
    wb.properties.title = clean_text(report.title)
    wb.properties.subject = clean_text(report.subtitle)
    wb.properties.creator = wb.properties.lastModifiedBy = clean_text(report.author)
    # The report's own date (not the clock) keeps the bytes of the same report the same.
    when = report.date if report.date is not None else dt.datetime(2000, 1, 1)
    if not isinstance(when, dt.datetime):
        when = dt.datetime(when.year, when.month, when.day)
    wb.properties.created = wb.properties.modified = when
    return workbook_bytes(wb)


def _csv_value(value: object) -> object:
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, (float, np.floating)):
        if math.isnan(value):
            return ""
        if math.isfinite(value) and value == int(value) and abs(value) < 2**53:
            return str(int(value))  # a count is 30, not 30.0
        return repr(float(value))
    if isinstance(value, pd.Timestamp):
        return value.isoformat() if (value.hour or value.minute or value.second) else value.date().isoformat()
    if isinstance(value, (bool, np.bool_, int, np.integer)):
        return str(value)
    # a direction override or a zero-width character changes what a reader of the CSV sees: taken out, as everywhere
    # the report publishes text (clean_text)
    return neutralise_cell(without_unseen(str(value)))


def table_csv(table: Table, *, vocabulary=None) -> bytes:
    """One table as CSV bytes (UTF-8 with BOM; see the module docstring).

    Numbers are rounded as the report shows them, as in the workbook (:func:`~impact.report._format.published_frame`,
    with the formats of ``vocabulary``, default the built-in one): a share of 0.30500000000000005 shown "30.5%" is
    written 0.305 (a share shown "31%", 0.31), a bound of 2.8e-17 is written 0.

    Examples
    --------
    >>> t = Table("t", pd.DataFrame({"quote": ["+44 1234", "ok"], "p": [0.00001, None], "n": [30.0, 2.5]}), "T")
    >>> table_csv(t).decode("utf-8-sig").splitlines()
    ['quote,p,n', "'+44 1234,1e-05,30", 'ok,,2.5']
    >>> t = Table("t", pd.DataFrame({"share": [0.30500000000000005], "mean": [0.06305555555555553]}), "T")
    >>> table_csv(t).decode("utf-8-sig").split()
    ['share,mean', '0.31,0.063']
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([neutralise_cell(without_unseen(str(c))) for c in table.data.columns])
    from ._format import resolve_formats

    specs = resolve_formats(table.data, table.columns_format, vocabulary=vocabulary, labels=table.labels)
    for row in published_frame(table.data, specs).itertuples(index=False, name=None):
        writer.writerow([_csv_value(v) for v in row])
    return buffer.getvalue().encode("utf-8-sig")


def data_dictionary(report: Report) -> pd.DataFrame:
    """What every column of ``tables/*.csv`` holds: one row per table and column.

    Columns: ``table`` (the CSV's name), ``column`` (machine name, as in the
    CSV), ``label`` and ``unit`` (as the report shows it), ``format`` (how the
    report shows the values), ``description``.

    Examples
    --------
    >>> from impact.report import Report, Section, Table
    >>> t = Table("t", pd.DataFrame({"p_adjusted": [0.2], "n_councils": [4]}), "T")
    >>> data_dictionary(Report("R", "", {}, [Section("S", [t])]))[["column", "label", "format"]].values.tolist()
    [['p_adjusted', 'Adjusted p-value', 'p-value, 3 decimals'], ['n_councils', 'Councils', 'whole number']]
    """
    from ._format import resolve_formats

    rows = []
    vocabulary = report.vocabulary
    for table in report.tables:
        specs = resolve_formats(table.data, table.columns_format, vocabulary=vocabulary, labels=table.labels)
        of_column: dict[str, tuple[str, FormatSpec | CI]] = {}
        for key, spec in specs.items():
            if isinstance(spec, CI):
                of_column[spec.low] = of_column[spec.high] = (key, spec)
            else:
                of_column[key] = (key, spec)
        for col in table.data.columns:
            own = table.labels.get(col)
            label = own if isinstance(own, Label) else Label(own) if isinstance(own, str) else vocabulary.column(col)
            key, spec = of_column.get(col, (col, None))
            text = label.text
            if isinstance(spec, CI):
                ci_label = table.labels.get(key)
                ci_text = (ci_label.text if isinstance(ci_label, Label) else ci_label) or vocabulary.column(key).text
                text = f"{ci_text}, {'lower' if col == spec.low else 'upper'}"
            symbols = sorted({v.strip() for v in table.data[col].tolist() if isinstance(v, str)
                              and v.strip() in SYMBOLS})
            description = label.description
            if symbols and spec is not None and not (isinstance(spec, FormatSpec) and spec.kind == "text"):
                description = (description + " " if description else "") + "Symbols: " + "; ".join(
                    f"{s} = {SYMBOLS[s]}" for s in symbols) + "."
            rows.append({"table": table.name, "column": col, "label": text, "unit": label.unit,
                         "format": _describe_format(spec), "description": description})
    return pd.DataFrame(rows, columns=["table", "column", "label", "unit", "format", "description"])


def _describe_format(spec: FormatSpec | CI | None) -> str:
    if isinstance(spec, CI):
        scale = ("percentage points" if spec.points else "percent" if spec.percent else "ratio" if spec.ratio
                 else "signed number" if spec.signed else "number")
        return f"interval bound, {scale}, {spec.digits} decimals"
    if spec is None:
        return ""
    words = {"p": "p-value", "pct": "percent", "pp": "percentage points", "num": "number", "diff": "signed number",
             "ratio": "ratio",
             "auto": "number", "int": "whole number", "date": "date", "text": "text", "bool": "yes/no"}[spec.kind]
    return f"{words}, {spec.digits} decimals" if spec.kind in ("p", "pct", "pp", "num", "diff", "ratio", "auto") else words

"""What readers see, round 33: workbook rows as tall as their text, wide sheets at a readable scale, numbers apart from
the text beside them, a printed table's note with its table.

- A wrapped row of tables.xlsx is as many lines high as Excel or LibreOffice sets its text in, whichever takes more,
  at Excel's line of 10 pt Arial (12.75 pt), and no more: rows were 13 pt a line and 2 more, over lines counted with
  the Word layout's never-underestimated widths, about 1.4 times their text in LibreOffice.
- A sheet of two long text columns and a list of suppressed cells beside ten figures (Table 10 of the example,
  comparisons by status) printed at 65%: its text columns now narrow below 30 characters where that is what it takes
  to print at 75% (never below their longest word), and columns are as wide as Excel draws their text, not wider.
- Text in the column right of a column of numbers is indented: the ledger's "1" and "Small count" printed as
  "1Small count".
- Printed from a browser, a table's note is kept whole with the table's last row.
"""

from __future__ import annotations

import io
import math
import re
from functools import lru_cache
from pathlib import Path

import matplotlib
import numpy as np
import openpyxl
import pandas as pd
import pytest
from openpyxl.utils import get_column_letter

from impact.report import Report, Section, Table, render_xlsx


# --------------------------------------------------------------------------- Arial's widths, read here independently
@lru_cache(maxsize=2)
def _helvetica(bold: bool) -> dict[str, int]:
    """Advance widths (thousandths of an em) of the printable ASCII characters in Helvetica (Arial's metrics), read
    from Adobe's AFM file matplotlib ships; in Adobe's standard encoding codes 39 and 96 are curly quotes, so they
    are left out (the test's text has none)."""
    path = Path(matplotlib.get_data_path()) / "fonts" / "afm" / ("phvb8a.afm" if bold else "phvr8a.afm")
    out = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        m = re.match(r"C (\d+) ; WX (\d+) ;", line)
        if m and 32 <= int(m.group(1)) < 127 and int(m.group(1)) not in (39, 96):
            out[chr(int(m.group(1)))] = int(m.group(2))
    return out


def _greedy_lines(words: list[str], width: float, measure) -> int:
    lines, used = 1, 0.0
    for word in words:
        w = measure(word)
        if used and used + measure(" ") + w > width:
            lines, used = lines + 1, w
        else:
            used += (measure(" ") if used else 0.0) + w
    return lines


def _lines_either(text: str, width_chars: float, *, bold: bool = False) -> int:
    """Lines ``text`` takes in a wrapped cell ``width_chars`` wide: in Excel (a column of 7 px a unit, 5 px of it
    padding, each letter of 10 pt Arial drawn at a 13 px em rounded to whole pixels) or in LibreOffice (a unit is a
    digit of 10 pt Arial, 5.55 pt, measured on its PDF; letters at Arial's own widths; 2 pt margin), whichever is
    more."""
    units = _helvetica(bold)
    words = text.split()
    excel = _greedy_lines(words, round(width_chars * 7) - 5,
                          lambda t: sum(math.floor(units[ch] * 13 / 1000 + 0.5) for ch in t))
    libre = _greedy_lines(words, width_chars * 5.55 - 2, lambda t: sum(units[ch] for ch in t) / 100)
    return max(excel, libre)


# --------------------------------------------------------------------------- row heights
_VARIED = ["Increased commitment and drive to improve safeguarding", "Revision of policies, processes and systems",
           "word " * 7, "word " * 23, "a", "Development of ideas, plans and actions " * 3]


def test_a_wrapped_rows_height_is_its_lines_times_excels_line():
    rows = _VARIED * 3
    data = pd.DataFrame({"impact": rows, "detail": list(reversed(rows)), "n": range(len(rows))})
    ws = openpyxl.load_workbook(io.BytesIO(render_xlsx(Report("r", "", {}, [Section("s", [Table(
        "t", data, "Rows", columns_format={"n": "int"})])]))))["Table 1"]
    widths = {j: ws.column_dimensions[get_column_letter(j)].width for j in (1, 2)}
    checked = 0
    for row in ws.iter_rows(min_row=1):
        lines = max(_lines_either(str(c.value), widths[c.column], bold=c.row == 1) for c in row[:2])
        if lines == 1:
            assert ws.row_dimensions[row[0].row].height in (None, 12.75), row[0].row
            continue
        # n lines: n times Excel's 12.75 pt line of 10 pt Arial (17 px); the rows were 13 pt a line and 2 more,
        # their lines counted with widths up to a tenth too wide
        assert ws.row_dimensions[row[0].row].height == pytest.approx(lines * 12.75, abs=0.01), (row[0].row, lines)
        checked += 1
    assert checked >= 6  # the long values wrap


# --------------------------------------------------------------------------- a wide sheet's scale
_IMPACTS = ["Increased commitment and drive to improve safeguarding", "Development of ideas, plans and actions",
            "Promotion of learning and reflective practice", "Revision of policies, processes and systems",
            "Improvement in staff morale and relations", "Affirmation and enhancement of partnership working"]
_WAVES = ["Expectations before the review", "Early impact (about 3 months after)",
          "Longer-term change (about 12 months after)"]


def _comparisons(seed: int) -> pd.DataFrame:
    """A comparison of two groups per impact and wave, as wide as the example's Table 10: two text columns, ten
    figures under long headings, the first wave's figures suppressed (so a list of suppressed cells follows)."""
    rng = np.random.default_rng(seed)
    n = len(_IMPACTS) * len(_WAVES)
    frame = pd.DataFrame({"impact": np.repeat(_IMPACTS, len(_WAVES)), "wave": _WAVES * len(_IMPACTS),
                          "n_a": rng.integers(15, 25, n), "share_a": rng.uniform(0, 1, n),
                          "n_b": rng.integers(5, 10, n), "share_b": rng.uniform(0, 1, n),
                          "difference": rng.uniform(-0.2, 0.2, n), "ci_low": rng.uniform(-0.4, -0.2, n),
                          "ci_high": rng.uniform(0.2, 0.4, n), "rank_biserial": rng.uniform(-1, 1, n),
                          "p_value": rng.uniform(0, 1, n), "p_adjusted": rng.uniform(0, 1, n)}).astype(object)
    first = frame["wave"] == _WAVES[0]
    for col in ["share_a", "share_b", "difference", "ci_low", "ci_high", "rank_biserial", "p_value", "p_adjusted"]:
        frame.loc[first, col] = "c"
    return frame


_LABELS = {"impact": "Impact", "wave": "Wave", "n_a": "Councils not in intervention",
           "share_a": "Mean share, not in intervention", "n_b": "Councils in intervention",
           "share_b": "Mean share, in intervention", "difference": "Difference in share", "ci": "95% CI",
           "rank_biserial": "Rank-biserial correlation", "p_value": "p-value (not a finding)",
           "p_adjusted": "Adjusted p-value (not a finding)"}


@pytest.mark.parametrize("seed", [1, 2])
def test_a_sheet_as_wide_as_the_comparisons_prints_at_three_quarters_or_more(seed):
    from impact.report import CI

    formats = {"n_a": "int", "share_a": "pct:0", "n_b": "int", "share_b": "pct:0", "difference": "pp:0",
               "ci": CI("ci_low", "ci_high", points=True), "rank_biserial": "num:2", "p_value": "p:3",
               "p_adjusted": "p:3"}
    table = Table("comparisons", _comparisons(seed), "Impact by intervention status", columns_format=formats,
                  labels=_LABELS)
    ws = openpyxl.load_workbook(io.BytesIO(render_xlsx(Report("r", "", {}, [Section("s", [table])]))))["Table 1"]
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    widths = [ws.column_dimensions[get_column_letter(j)].width for j in range(1, ws.max_column + 1)]
    # fitted to one page wide: the page inside its margins over the columns' width as LibreOffice sets them (a unit
    # is a digit of 10 pt Arial, 5.55 pt, measured on its PDF) and as Excel does (7 px a unit, 0.75 pt a pixel)
    page = 841.9 - 72 * (ws.page_margins.left + ws.page_margins.right)
    for unit in (5.55, 7 * 0.75):
        assert page / (sum(widths) * unit) >= 0.75, (unit, widths)  # 0.65 before (LibreOffice's PDF: 0.65)
    # no word is broken: each text column holds its longest word (and its heading's) on a line
    heads = [c.value for c in ws[1]]
    for j, head in enumerate(heads, start=1):
        values = [c.value for (c,) in ws.iter_rows(min_row=2, min_col=j, max_col=j) if isinstance(c.value, str)]
        for word in {w for v in values for w in v.split()}:
            assert _lines_either(word, widths[j - 1]) == 1, (head, word)
        for word in head.split():
            assert _lines_either(word, widths[j - 1], bold=True) == 1, (head, word)


def test_a_row_of_one_line_is_one_line_high():
    """openpyxl's default row (15 pt, Calibri 11's) left the workbook's rows of one line 1.2 times their text in
    LibreOffice; Excel's own for 10 pt Arial is 12.75 pt (17 px)."""
    data = pd.DataFrame({"impact": ["a", "b"], "n": [1, 2]})
    wb = openpyxl.load_workbook(io.BytesIO(render_xlsx(Report("r", "", {}, [Section("s", [Table(
        "t", data, "Rows", columns_format={"n": "int"})])]))))
    for ws in wb.worksheets:
        assert float(ws.sheet_format.defaultRowHeight) == 12.75, ws.title
        assert ws.sheet_format.customHeight, ws.title
    assert wb["Table 1"].row_dimensions[2].height is None  # a row of one line takes the default


# --------------------------------------------------------------------------- the web page printed
def _print_rules(page: str) -> dict[str, str]:
    """The declarations of each selector of the page's ``@media print`` block (its braces counted)."""
    start = page.index("@media print")
    depth, i = 0, page.index("{", start)
    for j in range(i, len(page)):
        depth += {"{": 1, "}": -1}.get(page[j], 0)
        if depth == 0:
            break
    block = re.sub(r"/\*.*?\*/", "", page[i + 1:j], flags=re.S)
    return {sel.strip(): body for sels, body in re.findall(r"([^{}]+)\{([^{}]*)\}", block) for sel in sels.split(",")}


def test_a_printed_tables_note_stays_whole_with_the_tables_last_row():
    """Printed from a browser, the example's Table 11 ended its page and the last two lines of its note stood alone
    on the next (Chromium, page 19 of 39); the note is kept whole and not parted from the table above it."""
    from impact.report import render_html

    table = Table("t", pd.DataFrame({"impact": ["a", "b"], "n": [1, 2]}), "Counts", notes="A note under the table.",
                  columns_format={"n": "int"})
    page = render_html(Report("r", "", {"study": "t"}, [Section("s", [table])]))
    page = page.decode("utf-8") if isinstance(page, bytes) else page
    assert '<p class="table-notes">A note under the table.</p>' in page
    rules = _print_rules(page)
    declared = {k.strip(): v.strip() for k, v in re.findall(r"([\w-]+)\s*:\s*([^;]+)", rules["p.table-notes"])}
    assert declared.get("break-inside") == "avoid" and declared.get("break-before") == "avoid", declared


# --------------------------------------------------------------------------- text beside a column of numbers
def test_text_beside_a_column_of_numbers_is_indented_and_keeps_its_lines():
    """The ledger's "Values withheld" (numbers, right-aligned) ran into the "Reason" beside it: "1Small count" in the
    printed workbook.  Text in the column right of numbers is indented (an indent of 1, three spaces), its column
    widened by as much, so its values still take the lines they did."""
    reasons = ["Small count", "Small count; From a suppressed count", "Tied to suppressed count " * 4]
    data = pd.DataFrame({"file": ["a.csv", "b.csv", "c.csv"], "withheld": [1, 12, 3], "reason": reasons,
                         "n": [4, 5, 6], "label": ["x", "y", "z"]})
    ws = openpyxl.load_workbook(io.BytesIO(render_xlsx(Report("r", "", {}, [Section("s", [Table(
        "t", data, "Ledger", columns_format={"withheld": "int", "n": "int"})])]))))["Table 1"]
    indent = {c.column: [ws.cell(row=r, column=c.column).alignment.indent for r in range(2, 5)] for c in ws[1]}
    assert indent == {1: [0] * 3, 2: [0] * 3, 3: [1] * 3, 4: [0] * 3, 5: [1] * 3}, indent
    # Excel and LibreOffice show an indent only on text aligned left (not on the 'general' alignment)
    assert {ws.cell(row=r, column=j).alignment.horizontal for r in range(2, 5) for j in (3, 5)} == {"left"}
    width = ws.column_dimensions["C"].width
    for r, text in enumerate(reasons, start=2):
        # the indent (12 px in Excel) comes off the column's width for the text
        lines = _lines_either(text, width - 12 / 7)
        assert (ws.row_dimensions[r].height or 12.75) == pytest.approx(lines * 12.75, abs=0.01), (r, lines)
    assert _lines_either(reasons[1], width - 12 / 7) == 1  # the widest short reason still on one line

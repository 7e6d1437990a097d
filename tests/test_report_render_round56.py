"""What the reader sees, round 56 (render56): a short word alone on a line of a workbook's heading.

Looked at as LibreOffice prints the workbook of the example, a 6-council (synth seed 5506) and a 40-council study
(seed 5540): the workbook places its headings' line breaks itself (render55's mend_breaks serves Word and the web
page only), and its landscape sheets at 75% printed "Credited / to / another / factor", "Share / with / the / cause /
left / open", "95% / CI, / lower", "p / (Holm)" and "Credited to / new / leadership": where the sheet had no room to
widen a column, its heading was broken greedily, a word a line, and a heading the programs wrap themselves was left
to break where it fell.

A heading is now set on lines of its own that bind a short word to a neighbour where either program would leave it
alone (:func:`impact._xlsx.heading_breaks`), its column widened the few pixels that takes where the sheet has room,
else given them by a column of wrapped text that can spare them with no row taller (:func:`impact._xlsx.heading_mends`).
The tables here are generated (seeded, seeds the project had not used) in the shapes of the example's Tables 10
(credits, a wide landscape sheet with rows of suppressed figures) and 15 (under shared heading parts); the checks wrap
each heading cell again word by word, as Excel (whole pixels) and LibreOffice (Arial's widths) wrap it, in the
column's final width.
"""

from __future__ import annotations

import io
import itertools
import random

import openpyxl
import pandas as pd
import pytest
from openpyxl.utils import get_column_letter
from test_report_render_round53 import IMPACTS
from test_report_render_round55 import _by_status

from impact import _xlsx
from impact._textwidth import arial_width, excel_pixels
from impact._xlsx import DIGIT_PT, INDENT_CHARS, LINE_PT
from impact.report import Report, Section, Table, render_xlsx

SEEDS = (5601, 5602, 5603, 5604, 5605)
FACTORS = ["Ofsted", "funding", "another factor", "new leadership", "a restructure", "the review", "a new director",
           "another programme"]


def _credits(seed: int) -> Table:
    """The example's Table 10 in shape: impacts beside counts of statements credited to each of several causes and
    the shares of some, a row or two every figure suppressed ("c")."""
    rng = random.Random(seed)
    factors = rng.sample(FACTORS, rng.randint(6, 8))
    rows = []
    for impact in rng.sample(IMPACTS, 6):
        n = rng.randint(20, 90)
        row = {"impact": impact, "n": n, "left": rng.randint(0, 9), "share_left": rng.random()}
        row |= {f"c{k}": rng.randint(0, n) for k in range(len(factors))}
        row |= {f"s{k}": rng.random() for k in range(2)}
        rows.append(row)
    for row in rng.sample(rows, 2):
        row.update({k: "c" for k in row if k != "impact"})
    labels = {"impact": "Impact", "n": "Statements reporting an impact", "left": "Cause left open",
              "share_left": "Share with the cause left open",
              **{f"c{k}": f"Credited to {f}" for k, f in enumerate(factors)},
              **{f"s{k}": f"Share credited to {factors[k]}" for k in range(2)}}
    fmt = {"impact": "text", "n": "int", "left": "int", "share_left": "pct",
           **{f"c{k}": "int" for k in range(len(factors))}, **{f"s{k}": "pct" for k in range(2)}}
    return Table(f"credits_{seed}", pd.DataFrame(rows), "What reported impacts were credited to",
                 columns_format=fmt, labels=labels)


def _book(tables) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(render_xlsx(Report("Study", "", {"study": "demo"},
                                                                [Section("Tables", tables)]))))


@pytest.fixture(scope="module")
def book():
    return _book([make(seed) for seed in SEEDS for make in (_credits, _by_status)])


def _wrap(text: str, room: float, measure) -> list[list[str]]:
    """``text`` wrapped greedily at spaces (and at its own line breaks) into ``room`` as ``measure`` measures a line
    of 10 pt Arial bold."""
    out = []
    for paragraph in text.split("\n"):
        lines: list[list[str]] = []
        for word in paragraph.split():
            if lines and measure(" ".join([*lines[-1], word])) <= room:
                lines[-1].append(word)
            else:
                lines.append([word])
        out += lines
    return out


def _headings(ws) -> list[tuple[str, float]]:
    """(text, width in Excel's unit, its indent off) of each heading cell of a table's sheet (a merged one over its
    columns together)."""
    head = 2 if any(rng.min_row == 1 and rng.max_row == 2 or rng.min_row == rng.max_row == 1
                    for rng in ws.merged_cells.ranges) else 1
    spans = {(rng.min_row, rng.min_col): range(rng.min_col, rng.max_col + 1) for rng in ws.merged_cells.ranges}
    found = []
    for r in range(1, head + 1):
        for cell in ws[r]:
            if isinstance(cell.value, str):
                cols = spans.get((cell.row, cell.column), [cell.column])
                width = sum(ws.column_dimensions[get_column_letter(j)].width for j in cols)
                found.append((cell.value, width - INDENT_CHARS * (cell.alignment.indent or 0)))
    return found


def _alone(lines: list[list[str]]) -> bool:
    """Whether a heading of more than one line has a line of one word of three characters or fewer."""
    return len(lines) > 1 and any(len(line) == 1 and len(line[0]) <= 3 for line in lines)


def _mendable(text: str, width: float, lines: int) -> bool:
    """Whether the words of ``text`` can be set on ``lines`` lines or fewer, each fitting a column ``width`` wide in
    Excel and in LibreOffice (a word alone on its line however wide), with no line of one short word: every way of
    breaking them tried."""
    words = text.split()
    for cuts in itertools.product((False, True), repeat=len(words) - 1):
        set_, line = [], [words[0]]
        for word, cut in zip(words[1:], cuts, strict=True):
            if cut:
                set_.append(line)
                line = [word]
            else:
                line.append(word)
        set_.append(line)
        fits = all(len(x) == 1 or (excel_pixels(" ".join(x), 10, bold=True) <= round(width * 7) - 5
                                   and arial_width(" ".join(x), 10, bold=True) <= width * DIGIT_PT - 2) for x in set_)
        if fits and len(set_) <= lines and not _alone(set_):
            return True
    return False


def test_workbook_headings_have_no_short_word_alone_on_a_line(book):
    """No heading of the workbook's sheets has a line of one short word, wrapped as Excel wraps it (whole pixels,
    ``7 w - 5`` of room) or as LibreOffice does (Arial's widths, ``w`` digits less 2 pt), where any setting of its
    words on as many lines in its column's width has none: on main the sheets of credits printed "Credited to / new /
    leadership" and "Share / with / the / cause / left / open", those by status "p / (Holm)". A heading no setting
    mends in its width is one whose column the sheet had no room to widen and no column of text could give it room
    without a row growing ("Credited / to / funding" beside an impact column whose rows already wrap): those are
    counted, fewer than one in twenty of the headings."""
    checked, alone, kept = 0, [], []
    for ws in book.worksheets[1:]:
        for text, width in _headings(ws):
            excel = _wrap(text, round(width * 7) - 5, lambda t: excel_pixels(t, 10, bold=True))
            libre = _wrap(text, width * DIGIT_PT - 2, lambda t: arial_width(t, 10, bold=True))
            checked += 1
            if _alone(excel) or _alone(libre):
                lines = max(len(excel), len(libre))
                (alone if _mendable(text, width, lines) else kept).append((ws.title, text, libre))
    assert alone == []
    assert checked >= len(SEEDS) * (12 + 10)
    assert len(kept) < checked / 20, kept


def test_workbook_headings_keep_their_words(book):
    """A heading set on lines of its own reads as its label: its words in order, nothing added."""
    heads = {" ".join(str(c.value).split()) for ws in book.worksheets[1:] for row in ws.iter_rows(max_row=2)
             for c in row if isinstance(c.value, str)}
    assert {"Share with the cause left open", "Statements reporting an impact", "p (Holm)",
            "Change differs by status"} <= heads
    assert any("\n" in str(c.value) for ws in book.worksheets[1:] for c in ws[1])  # some set on lines of their own


def test_workbook_rows_no_taller_for_the_headings(monkeypatch):
    """The room a heading is given comes from no row: each body row is as tall as it was with the headings left to
    wrap where they fall (heading_mends and the binding of heading_breaks undone), and the heading row no taller;
    a sheet printed at 75% stays one page wide at 75% or more."""
    tables = [_credits(seed) for seed in SEEDS]
    mended = _book(tables)
    monkeypatch.setattr(_xlsx, "heading_mends", lambda ws, widths, **kw: widths)
    monkeypatch.setattr(_xlsx, "_lone_count", lambda lines: 0)
    from impact.report import _xlsx as report_xlsx

    monkeypatch.setattr(report_xlsx, "heading_mends", lambda ws, widths, **kw: widths)
    plain = _book(tables)
    fewer = 0
    for a, b in zip(mended.worksheets[1:], plain.worksheets[1:], strict=True):
        heights = [(a.row_dimensions[r].height or LINE_PT, b.row_dimensions[r].height or LINE_PT)
                   for r in range(1, a.max_row + 1)]
        assert all(x <= y + 0.01 for x, y in heights), (a.title, heights)
        fewer += heights[0][0] < heights[0][1] - 0.01
        widths = {j: a.column_dimensions[get_column_letter(j)].width for j in range(1, a.max_column + 1)}
        assert _xlsx.PAGE_POINTS[True] / _xlsx.printed_points(widths) >= _xlsx.LEAST_SCALE - 1e-6 or \
            a.page_setup.scale is not None
    assert fewer >= 1  # and some heading row is shorter for it

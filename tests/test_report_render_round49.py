"""What readers see, round 49.

1. The workbook fitted a sheet to one page's width however wide it was: the change across the waves by intervention
   status (23 columns) printed at 55-59%, 10 pt text at under 6 pt. A sheet that cannot print at 75% on a landscape
   page now prints in parts across pages, as the Word report splits such a table: the columns that say what a row
   is repeated at the left of every part, a shared heading's columns and an interval's two ends never parted.
2. A row of a sheet printed at 75% (no room left to widen its column) kept a line blank in LibreOffice where Excel
   wrapped its text onto one line more: the columns beside it that wrap onto no more lines a few pixels narrower
   now give it the pixels (a 60-council study's suppression ledger).
"""

from __future__ import annotations

import html
import re
import subprocess

import openpyxl
import pandas as pd
import pytest

from impact.report import CI, Report, Section, Table, render_xlsx

pytestmark = pytest.mark.filterwarnings("ignore")

_GROUPS = ["Not in intervention", "In intervention", "In over not in intervention"]
_IMPACTS = ["Increased commitment and drive to improve safeguarding", "Development of ideas, plans and actions",
            "Promotion of learning and reflective practice", "Revision of policies, processes and systems"]


def _wide_table() -> Table:
    """A table as wide as the change by status: three text columns, three groups of an odds ratio, its interval and
    a p-value, then six more figures (values seeded, independent of the package)."""
    import numpy as np

    rng = np.random.default_rng(4949)
    rows = []
    for impact in _IMPACTS:
        for wave in ("Early impact (about 3 months after)", "Longer-term change (about 12 months after)"):
            row = {"impact": impact, "wave": wave, "compared": f"Expectations before the review ({impact[:9]})"}
            for g in range(3):
                ratio = float(rng.uniform(0.5, 9))
                row |= {f"or{g}": ratio, f"lo{g}": ratio / 2, f"hi{g}": ratio * 2, f"p{g}": float(rng.uniform())}
            row |= {f"x{k}": float(rng.uniform()) for k in range(6)}
            rows.append(row)
    labels = {"impact": "Impact", "wave": "Wave", "compared": "Compared with"}
    formats = {}
    for g, group in enumerate(_GROUPS):
        labels |= {f"or{g}": f"{group}: odds ratio", f"ci{g}": f"{group}: CI", f"p{g}": f"{group}: p"}
        formats |= {f"or{g}": "num:2", f"ci{g}": CI(f"lo{g}", f"hi{g}"), f"p{g}": "p:3"}
    labels |= {f"x{k}": f"Figure {k} differs" for k in range(6)}
    formats |= {f"x{k}": "num:3" for k in range(6)}
    return Table("change_by_status", pd.DataFrame(rows), "Change across the waves by intervention status",
                 columns_format=formats, labels=labels, key_columns=2)


@pytest.fixture(scope="module")
def wide_pdf(tmp_path_factory):
    from conftest import libreoffice_pdf

    folder = tmp_path_factory.mktemp("wide")
    path = folder / "tables.xlsx"
    narrow = Table("t", pd.DataFrame({"impact": _IMPACTS, "n": [3, 4, 5, 6]}), "Counts", columns_format={"n": "int"})
    path.write_bytes(render_xlsx(Report("R", "", {}, [Section("S", [_wide_table(), narrow])])))
    return path, libreoffice_pdf(path, "the printed scale of a wide sheet")


def _pages(pdf) -> list[list[tuple[float, float, str]]]:
    """Each page's words (x0, x1, text) above its footer, from pdftotext -bbox."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for page in out.split("<page ")[1:]:
        height = float(re.search(r'height="([\d.]+)"', page).group(1))
        pages.append([(float(x0), float(x1), html.unescape(w)) for x0, y0, x1, w in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">(.*?)</word>', page)
            if float(y0) < height - 40])
    return pages


def test_a_sheet_too_wide_for_a_page_prints_in_parts_at_three_quarters_or_more(wide_pdf):
    """The printed scale, measured on LibreOffice's PDF as the width of each word of four letters or more of the
    sheet's first text column (regular Arial, Liberation Sans's metrics) over its width at 10 pt, is 0.75 or more on
    every page (main: 0.57, the sheet fitted to one page wide); every page shows each impact (the repeated columns),
    and every heading is printed whole on one page (no shared heading split from its columns)."""
    from impact._textwidth import arial_width

    path, pdf = wide_pdf
    pages = [p for p in _pages(pdf) if "Wave" in {w for _, _, w in p}]  # the wide sheet's pages
    assert len(pages) >= 2
    words = {w for impact in _IMPACTS for w in impact.split() if len(w) >= 4 and w.isalpha()}
    scales = []
    for page in pages:
        ratios = sorted((x1 - x0) / arial_width(w, 10) for x0, x1, w in page if w in words)
        assert ratios, [w for _, _, w in page][:20]
        scales.append(ratios[len(ratios) // 2])
        text = " ".join(w for _, _, w in page)
        assert all(impact in text for impact in _IMPACTS), text[:300]
    assert min(scales) >= 0.75, [round(s, 3) for s in scales]
    # each shared heading part printed once per part it heads, and with its three columns' headings
    text = " ".join(" ".join(w for _, _, w in page) for page in pages)
    for group in _GROUPS:
        assert text.count(group) >= 1
    for page in pages:
        t = " ".join(w for _, _, w in page)
        for group in _GROUPS:
            if group in t.replace("In over not in intervention", ""):
                assert t.count("odds ratio") >= 1 and "upper" in t, (group, t[:300])
    ws = openpyxl.load_workbook(path)["Table 1"]
    assert ws.print_title_cols == "$A:$B" and len(ws.col_breaks.brk) >= 1
    ends = [b.id for b in ws.col_breaks.brk]
    merged = [(rng.min_col, rng.max_col) for rng in ws.merged_cells.ranges if rng.max_col > rng.min_col]
    assert not [(a, b) for a, b in merged for e in ends if a <= e < b], (merged, ends)  # no break inside a group
    # a sheet that fits a landscape page at 75% is fitted to one page wide as before, with no page breaks
    ws = openpyxl.load_workbook(path)["Table 2"]
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert not ws.col_breaks.brk and not ws.print_title_cols


def test_a_row_in_a_sheet_without_room_keeps_no_line_blank():
    """A sheet printed at 75% with no room left (a 60-council study's suppression ledger): its second column, indented
    a step, holds a row Excel wraps onto four lines where LibreOffice wraps three (widths measured with Excel's whole
    pixels and Arial's, written here), so the row, Excel's lines tall, printed a line blank in LibreOffice; six pixels
    more end that, which the sheet had no room for. The first column, whose text wraps onto no more lines a few
    pixels narrower, now gives them: the row is 3 lines in both (main left the ledger's row 4 lines in Excel, 3 in
    LibreOffice, or, where it could, made the column narrower, 4 lines in both), and the sheet prints no smaller."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    from impact._textwidth import arial_width, excel_pixels
    from impact._xlsx import LEAST_SCALE, PAGE_POINTS, excel_catch_up, printed_points
    from tests.test_report_render_round48 import _lines, _rooms

    long = ("Increased commitment and drive to improve safeguarding / Early impact (about 3 months after) / Not in "
            "intervention")
    others = [f"{impact} / {wave} / {status}" for impact in _IMPACTS[1:]
              for wave in ("Early impact (about 3 months after)", "Longer-term change (about 12 months after)")
              for status in ("Not in intervention", "In intervention")]
    ws = Workbook().active
    for k, text in enumerate([long, *others]):
        ws.append([f"tables/table_{k}.csv", text, k])
        ws.cell(k + 1, 1).alignment = Alignment(vertical="top", wrap_text=True)
        ws.cell(k + 1, 2).alignment = Alignment(vertical="top", wrap_text=True, indent=1)
    room = PAGE_POINTS[True] / LEAST_SCALE
    widths = {1: 36.6, 2: 36.6, 3: round((room - 1) / 5.55 - 73.2, 1)}  # LibreOffice's 5.55 pt a unit: 1 pt to spare
    e, lo = _rooms(widths[2] - 12 / 7)
    assert (len(_lines(long, e, lambda s: excel_pixels(s, 10))), len(_lines(long, lo, lambda s: arial_width(s, 10)))) \
        == (4, 3)  # the fault, as measured here
    out = excel_catch_up(ws, widths, landscape=True, only={1, 2})
    e, lo = _rooms(out[2] - 12 / 7)
    excel, libre = len(_lines(long, e, lambda s: excel_pixels(s, 10))), len(_lines(long, lo, lambda s: arial_width(s, 10)))
    assert excel == libre == 3, (excel, libre, out)  # main: 4 and 3 (the ledger), or 4 and 4 made narrower here
    assert printed_points(out) <= room + 1e-6 and out[3] == widths[3]
    for k in range(ws.max_row):  # the first column's rows on one line still
        e, lo = _rooms(out[1])
        text = ws.cell(k + 1, 1).value
        assert len(_lines(text, e, lambda s: excel_pixels(s, 10))) == len(_lines(text, lo, lambda s: arial_width(s, 10))) == 1

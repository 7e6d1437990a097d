"""What readers see, round 47: the web page's columns as the layout sizes them, right-set workbook headings that keep
apart, and a grouped column's shared part said once in the suppression ledger.

1. The web page had no ``<colgroup>``: Chromium shared a table's width by its longest cells and squeezed the text
   column (the example's Table 8, its impacts four lines a row beside seven columns of counts). Its columns now take
   the layout's widths (as Word's do), and a narrow screen still stacks each row as a card.
2. A workbook heading set right whose line (not only its longest word) filled its column ran into the heading before
   it: LibreOffice printed "Randomisation p Randomisation p," as one (Tables 19-21 of the example).
3. The suppression ledger listed "Participants › a; Participants › b": the part is said once before its run of
   columns, as the workbook's column of what is suppressed says it.
Widths are worked out here from Arial's own advance widths (pixels as Excel rounds them, points as LibreOffice sets
them).
"""

from __future__ import annotations

import csv

import lxml.html
import openpyxl
import pandas as pd
import pytest
from openpyxl.utils import get_column_letter

from impact._textwidth import arial_width, excel_pixels
from impact._xlsx import PAGE_POINTS, printed_points
from impact.report import Report, Section, Table, render_html

pytestmark = pytest.mark.filterwarnings("ignore")

_IMPACTS = ["Increased commitment and drive to make improvements in safeguarding",
            "Affirmation and enhancement of the quality of partnership working"]


def _widest(text: str, room: float, measure) -> float:
    """The widest line of ``text`` wrapped greedily at spaces into ``room`` (written here, not the package's); each
    line of a heading set on lines of its own (render62) starts a line, as both programs set it."""
    widest, space = 0.0, measure(" ")
    for part in text.split("\n"):
        used = 0.0
        for word in part.split():
            w = measure(word)
            used = w if used and used + space + w > room else used + (space if used else 0.0) + w
            widest = max(widest, used)
    return widest


def test_web_page_columns_take_the_layouts_widths():
    """A text column beside seven columns of counts: the page gives each column its share of the table's width,
    the text column the widest, and hides the widths on a narrow screen, where rows are stacked."""
    data = pd.DataFrame({"impact": _IMPACTS, **{f"n_{k}": [k, k + 10] for k in range(7)}})
    labels = {"impact": "Impact", **{f"n_{k}": f"Participants: count {k}" for k in range(7)}}
    table = Table("counts", data, "Counts", "", labels=labels, columns_format={f"n_{k}": "int" for k in range(7)})
    html = render_html(Report("R", "", {}, [Section("S", [table])]))
    page = lxml.html.fromstring(html)
    cols = page.xpath("//table//colgroup/col")
    assert len(cols) == 8, html[:200]
    shares = [float(c.get("style").split("width:")[1].strip(" %;")) for c in cols]
    assert sum(shares) == pytest.approx(100, abs=0.5)
    # the impact's longest line (about 66 characters) against a count's heading "count 6" over two digits
    assert shares[0] > 2.5 * max(shares[1:]), shares
    assert "table.stack colgroup { display: none; }" in html


def test_workbook_headings_set_right_keep_a_gap_from_the_heading_before(example_run):
    """Every heading set right in the example's workbook leaves a character (7 pixels in Excel, a digit's 5.55 pt in
    LibreOffice) between each of its lines and its column's left edge, but in a sheet already printed at the least
    scale, 75%, which has no room to widen a column: main's Table 19 set "Randomisation p" in a column 15.86 wide,
    Excel's 106 pixels of room for 106 pixels of text; 47 headings of 15 sheets had a line so near their column's
    edge (7 now, in Tables 7 and 11, printed at 75%)."""
    book = openpyxl.load_workbook(example_run.out_dir / "tables.xlsx")
    checked, tight, sheets = 0, [], set()
    for ws in book.worksheets:
        if not ws.title.startswith("Table"):
            continue
        widths = {j: ws.column_dimensions[get_column_letter(j)].width for j in range(1, ws.max_column + 1)}
        # printed at the least scale (as the package measures a sheet's printed width): no room to widen
        if PAGE_POINTS[ws.page_setup.orientation == "landscape"] / printed_points(widths) < 0.76:
            continue
        for row in ws.iter_rows(min_row=1, max_row=2):
            for cell in row:
                if cell.column == 1 or not isinstance(cell.value, str) or cell.alignment.horizontal != "right":
                    continue
                width = ws.column_dimensions[get_column_letter(cell.column)].width
                excel = round(width * 7) - 5
                libre = width * 5.55 - 2
                e = _widest(cell.value, excel, lambda s: excel_pixels(s, 10, bold=True))
                lo = _widest(cell.value, libre, lambda s: arial_width(s, 10, bold=True))
                checked += 1
                if e > excel - 7 or lo > libre - 5.55:
                    sheets.add(ws.title)
                    tight.append((ws.title, cell.value, width, e, excel, round(lo, 1), round(libre, 1)))
    assert checked > 50 and {"Table 19", "Table 20", "Table 21"} <= {ws.title for ws in book.worksheets}
    assert not tight, (sorted(sheets), tight)


def test_ledger_says_a_shared_part_once(example_run):
    """The suppression ledger names a grouped column's shared part once before its run of columns, in the CSV and
    the workbook alike: main wrote "Participants › realised; Participants › under way ..." for Table 8."""
    with open(example_run.out_dir / "tables" / "suppressions.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    grouped = [r["column"] for r in rows if " \u203a " in r["column"]]
    assert grouped
    for names in grouped:
        leads = [name.split(" \u203a ")[0] for name in names.split("; ") if " \u203a " in name]
        assert len(leads) == len(set(leads)), names  # each part said once
    several = [names for names in grouped if names.startswith("Participants \u203a ") and names.count("; ") >= 1]
    assert several, grouped  # Table 8's rows of two and three suppressed columns under "Participants"
    book = openpyxl.load_workbook(example_run.out_dir / "tables.xlsx")
    # the ledger's sheet: the one headed "Values withheld"
    sheet = next(ws for ws in book.worksheets if "Values withheld" in [c.value for c in ws[1]])
    j = [c.value for c in sheet[1]].index("Column")
    shown = {r[j] for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert set(several) <= shown, (sheet.title, several)

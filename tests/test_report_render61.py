"""What the reader sees, round 61 (render61): the workbook's heading units, and a landscape table's lead-in.

render60 kept each heading unit :func:`impact._textwidth.heading_units` binds ("95% CI", "new leadership", "not
available") whole on the web page; the workbook still wrapped "95% / CI, lower" and "Councils not / interviewed". And
the web page printed the paragraph leading into a landscape table (the example's Table 21) alone on a portrait page.

The tables are generated with seeds the project had not used, in the shapes of the example's table of credits
(Table 10), its shares by wave and status (Table 6) and its change over time (Table 13).
"""

from __future__ import annotations

import io
import re

import lxml.html
import openpyxl
import pandas as pd
import pytest
from test_report_render58 import _credits, _reported
from test_report_render_round53 import _change_over_time
from test_report_render_round56 import _wrap

from impact._textwidth import arial_width, excel_pixels, heading_units
from impact.report import Paragraph, Report, Section, Table, render_html, render_xlsx

SEEDS = (6161, 6162, 6163, 6164)


@pytest.fixture(scope="module")
def vocabulary():
    """The report's own vocabulary (the tiny study's report): the labels every table of credits is headed by."""
    from conftest import report_of, tiny_analysed

    return report_of(tiny_analysed())[0].vocabulary


def _broken_units(book: bytes) -> tuple[list[tuple], int]:
    """Each heading unit (of more than one word) of the workbook's table sheets that Excel or LibreOffice prints
    broken across lines, at the column's width (less its indent) and in bold 10 pt Arial: Excel's column of width
    ``w`` holds ``7 w - 5`` pixels of text (letters at whole pixels), LibreOffice's ``w`` digits of 5.55 pt less 2 pt
    of margin (both measured, impact/_xlsx.py). Also how many units were read."""
    wb = openpyxl.load_workbook(io.BytesIO(book))
    found, seen = [], 0
    for ws in wb.worksheets:
        if not ws.print_title_rows:
            continue
        header = int(ws.print_title_rows.split(":")[-1].lstrip("$"))
        spans = {(r.min_row, r.min_col): r.max_col for r in ws.merged_cells.ranges}
        for row in ws.iter_rows(min_row=1, max_row=header):
            for cell in row:
                if not isinstance(cell.value, str) or not cell.value.strip():
                    continue
                end = spans.get((cell.row, cell.column), cell.column)
                width = sum(ws.column_dimensions[openpyxl.utils.get_column_letter(j)].width
                            for j in range(cell.column, end + 1)) - 12 / 7 * (cell.alignment.indent or 0)
                whole = " ".join(cell.value.split())
                units = [u.replace("\u00a0", " ") for u in heading_units(whole).split(" ") if "\u00a0" in u]
                seen += len(units)
                for room, measure in ((round(width * 7) - 5, lambda t: excel_pixels(t, 10.0, bold=True)),
                                      (width * 5.55 - 2, lambda t: arial_width(t, 10.0, bold=True))):
                    lines = [" ".join(line) for part in cell.value.split("\n") for line in _wrap(part, room, measure)]
                    found += [(ws.title, cell.coordinate, unit, lines) for unit in units
                              if not any(unit in line for line in lines)]
    return found, seen


@pytest.mark.parametrize("seed", SEEDS)
def test_workbook_keeps_every_heading_unit_on_one_line(seed, vocabulary):
    """Every unit of a heading that the web page and Word keep whole ("95% CI,", "new leadership", "not available",
    "Share reporting it") is on one line of its cell in the written workbook, in Excel and in LibreOffice: each
    column is as wide as its heading's widest unit and the heading's lines break between units only (render60's
    head wrapped "95% / CI, lower" and "Suppressed or not / available")."""
    report = Report("Study", "", {"study": "demo"}, [Section("Tables", [_credits(seed), _reported(seed)])],
                    vocabulary=vocabulary)
    broken, seen = _broken_units(render_xlsx(report))
    assert seen >= 4  # the shapes have units: "new leadership", "95% CI,", "not available"
    assert not broken, broken


def _classes(page: str) -> list[tuple[str, str]]:
    """(kind, class) of each block of the first section: a paragraph ``p``, a table part ``wide`` or ``upright``."""
    section = lxml.html.fromstring(page).xpath("//section[contains(@class, 'report-section')]")[0]
    out = []
    for el in section:
        if el.tag == "p":
            out.append(("p", el.get("class") or ""))
        elif el.tag == "div" and "table-wrap" in (el.get("class") or ""):
            out.append(("wide" if "wide" in el.get("class").split() else "upright", ""))
    return out


@pytest.mark.parametrize("seed", SEEDS)
def test_the_paragraph_leading_into_a_landscape_table_prints_on_its_page(seed):
    """The paragraph before a table printed landscape is printed on its landscape page (``page: wide``), as Word's
    keep-with-next keeps it with the table: between two landscape tables, the whole text between them (render60
    printed the example's paragraph before Table 21 alone on a portrait page between Tables 20 and 21), after a
    portrait table, the paragraph right before it only; text before a portrait table stays portrait."""
    def narrow(name: str) -> Table:
        return Table(name, pd.DataFrame({"a": ["x", "y"], "n": [1, 2]}), "Narrow")

    first, second = _change_over_time(seed), _change_over_time(seed + 100)
    page = render_html(Report("Printed", "", {"study": "demo"}, [Section("Turned", [
        narrow("before"), Paragraph("Kept portrait."), Paragraph("Leads into the first."), first,
        Paragraph("Between, one."), Paragraph("Between, two."), second, Paragraph("Closing."), narrow("after")])]))
    got = _classes(page)
    assert [kind for kind, _ in got if kind != "p"] == ["upright", "wide", "wide", "upright"]
    assert [cls for kind, cls in got if kind == "p"] == ["", "wide-lead", "wide-lead", "wide-lead", ""]
    assert re.search(r"\.wide-lead \{ page: wide; \}", page)

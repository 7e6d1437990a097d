"""What the reader sees, round 61 (render61): a landscape table's lead-in.

(Its workbook heading-unit tests went with its workbook change, reverted after the whole run: the example's
Table 7 then had two rows Excel sets a line taller than LibreOffice fills, round 48.)

render60 kept each heading unit :func:`impact._textwidth.heading_units` binds ("95% CI", "new leadership", "not
available") whole on the web page; the workbook still wrapped "95% / CI, lower" and "Councils not / interviewed". And
the web page printed the paragraph leading into a landscape table (the example's Table 21) alone on a portrait page.

The tables are generated with seeds the project had not used, in the shapes of the example's table of credits
(Table 10), its shares by wave and status (Table 6) and its change over time (Table 13).
"""

from __future__ import annotations

import re

import lxml.html
import pandas as pd
import pytest
from test_report_render_round53 import _change_over_time

from impact.report import Paragraph, Report, Section, Table, render_html

SEEDS = (6161, 6162, 6163, 6164)


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

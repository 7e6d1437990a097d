"""What the reader sees, round 60 (render60): heading units kept whole on the web page.

The web page kept only a heading's short last word with the word before it ("95% CI"), and broke "new / leadership"
and "Statements reporting an / impact" where Word keeps them whole (:func:`impact._textwidth.heading_units`).

The tables are generated with seeds the project had not used, in the shapes of the example's table of credits
(Table 10) and its shares by wave and status (Table 6).
"""

from __future__ import annotations

import re

import lxml.html
import pytest
from test_report_render58 import _credits, _reported

from impact._textwidth import heading_units
from impact.report import Report, Section, render_html
from impact.report._format import header_groups, table_display

SEEDS = (6061, 6062, 6063, 6064)


@pytest.fixture(scope="module")
def vocabulary():
    """The report's own vocabulary (the tiny study's report): the labels every table of credits is headed by."""
    from conftest import report_of, tiny_analysed

    return report_of(tiny_analysed())[0].vocabulary


def _report(tables, vocabulary) -> Report:
    return Report("Study", "", {"study": "demo"}, [Section("Tables", list(tables))], vocabulary=vocabulary)


def _web_heads(page: str) -> list[str]:
    """Each heading cell of the web ``page``'s tables, its no-wrap spans' spaces read as no-break spaces (a browser
    breaks no line inside them)."""
    found = []
    for th in lxml.html.fromstring(page).iter("th"):
        for span in th.iter("span"):
            if "nw" in (span.get("class") or "").split():
                span.text = (span.text or "").replace(" ", "\u00a0")
        found.append(re.sub(r"[^\S\u00a0]+", " ", th.text_content()).strip())
    return [h for h in found if h]


@pytest.mark.parametrize("seed", SEEDS)
def test_web_page_keeps_every_heading_unit_whole(seed, vocabulary):
    """Every unit of a heading that Word keeps whole ("95% CI", "new leadership", "an impact", "Share reporting it")
    is kept whole on the web page, screen and print alike (a span that does not wrap): main bound only a heading's
    short last word, and the printed page read "new / leadership"."""
    tables = [_credits(seed), _reported(seed)]
    page = render_html(_report(tables, vocabulary))
    heads = _web_heads(page)
    want = set()
    for table in tables:
        frame = table_display(table, vocabulary)
        labels = [frame.attrs["labels"][c] for c in frame.columns]
        groups = header_groups(labels)
        texts = [*(labels if groups is None else [*groups[1], *(t for t, _, grouped in groups[0] if grouped)])]
        for text in texts:
            want |= {unit for unit in heading_units(text).split(" ") if "\u00a0" in unit}
    assert want  # (the shapes have units: "new leadership", "95% CI", "Share reporting it")
    shown = {unit for head in heads for unit in head.split(" ")}
    missing = sorted(u.replace("\u00a0", " ") for u in want if u not in shown and not any(u in s for s in shown))
    assert not missing, missing

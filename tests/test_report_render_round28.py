"""What readers see, round 28: each property read in the rendered file itself (the HTML and its print CSS,
python-docx, openpyxl, matplotlib's artists).

- a share's unit is said once: "%" in each cell, or "(%)" in the heading, never both;
- a figure with nothing to show (every count suppressed, or no mean to draw) is not drawn, and a sentence says why;
- a bar of zero keeps its label, so 0 is not read as missing or suppressed;
- printed from a browser, a small table stays whole and a folded table's caption stays with its figure.
"""

from __future__ import annotations

import dataclasses
import io
import re
import types
import warnings

import docx
import lxml.html
import matplotlib.pyplot as plt
import numpy as np
import openpyxl
import pandas as pd
from conftest import report_of, tiny_analysed

from impact.report import (
    CI,
    Figure,
    Paragraph,
    Report,
    Section,
    Table,
    render_docx,
    render_html,
    render_xlsx,
)
from impact.report._build import SUPPRESSED, _process_figure


def _shares_report() -> Report:
    """Shares by the vocabulary's label ("Share reporting it", unit %), a table's own "(%)" label, an interval, and a
    measure in percent shown as a plain number (social worker turnover, 15.2)."""
    data = pd.DataFrame({"impact": ["commitment", "learning"], "prevalence": [0.3, 0.0], "credited": [0.25, 1.0],
                         "lo": [0.09, 0.0], "hi": [0.64, 0.36], "sw_turnover_pct": [15.25, 9.0]})
    return Report("Shares", "", {}, [Section("S", [Table(
        "shares", data, "Shares", columns_format={"prevalence": "pct:0", "credited": "pct:0",
                                                  "ci": CI("lo", "hi", digits=0, percent=True),
                                                  "sw_turnover_pct": "num:1"},
        labels={"credited": "Share credited to the review (%)"})])])


def _percent_twice(heads: list[str], rows: list[list[str]]) -> list[str]:
    """Headings saying "(%)" over a cell that says "%" too."""
    return [h for j, h in enumerate(heads) if "(%)" in h and any(str(r[j]).rstrip().endswith("%") for r in rows)]


def test_a_share_says_percent_once_in_html_docx_and_xlsx():
    report = _shares_report()
    tree = lxml.html.fromstring(render_html(report))
    table = tree.xpath("//table")[0]
    heads = [th.text_content() for th in table.xpath(".//thead//th")]
    rows = [[c.text_content() for c in tr.xpath("./*")] for tr in table.xpath(".//tbody/tr")]
    assert rows[0][1:] == ["30%", "25%", "9% to 64%", "15.2"], rows  # the shares' cells keep their "%"
    assert _percent_twice(heads, rows) == [], heads
    # the unit said in the heading where the cells do not say it
    assert heads[1:] == ["Share reporting it", "Share credited to the review", "95% CI", "Social worker turnover (%)"]

    document = docx.Document(io.BytesIO(render_docx(report)))
    grid = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert grid[1][1] == "30%" and _percent_twice(grid[0], grid[1:]) == [], grid

    # Excel shows a "0%" number format's "%" in every cell: its heading says it no more (the values stay shares)
    ws = openpyxl.load_workbook(io.BytesIO(render_xlsx(report)))["Table 1"]
    for cell in ws[1]:
        below = ws.cell(row=2, column=cell.column)
        if "%" in below.number_format:
            assert "(%)" not in cell.value, (cell.value, below.number_format)
            assert isinstance(below.value, float | int) and 0 <= below.value <= 1, below.value


def _tiny():
    findings = tiny_analysed()
    report, _ = report_of(findings)
    return findings, report


def _blocks(report, section: str):
    return next(s for s in report.sections if s.title == section).blocks


def test_status_figure_of_suppressed_counts_only_is_not_drawn():
    findings, report = _tiny()
    blocks = _blocks(report, "The sample")
    status = next(b for b in blocks if isinstance(b, Table) and b.name == "status_by_wave")
    assert set(status.data["n_councils"]) == {SUPPRESSED}  # the tiny study's 3 councils: every count is c
    assert not any(isinstance(b, Figure) and b.name == "status_by_wave" for b in blocks)
    said = [b.text for b in blocks if isinstance(b, Paragraph) and b.text.startswith("No figure of councils")]
    assert len(said) == 1 and "suppressed" in said[0], said
    # the table, every figure c, is its caption and a sentence saying so and why (round 41: it was rows of c)
    html = render_html(report)
    assert not lxml.html.fromstring(html).xpath("//table[caption[contains(., 'Councils by intervention status')]]")
    said = lxml.html.fromstring(html).xpath("//div[@class='withheld-table'][contains(., 'Councils by intervention status')]")
    assert len(said) == 1 and "suppressed (c)" in said[0].text_content()
    # with counts published, the figure is drawn and the sentence is gone
    from impact.pipeline import build_report

    shown = _blocks(build_report(findings, min_count=1)[0], "The sample")
    assert any(isinstance(b, Figure) and b.name == "status_by_wave" for b in shown)
    assert not any(isinstance(b, Paragraph) and b.text.startswith("No figure of") for b in shown)


def test_indicator_figure_with_no_mean_to_draw_is_not_drawn():
    """A 5-council study's trends: every group-period suppressed but one, of no council with a value (seed 30871)."""
    findings, _ = _tiny()
    periods = pd.to_datetime(["2012-03-31", "2013-03-31"])
    trends = pd.DataFrame([
        {"measure": "rereferral_pct", "period": p, "status_group": g, "n_councils": 0 if k == 0 else 3,
         "mean": np.nan, "median": np.nan, "n_suppressed": 0}
        for k, p in enumerate(periods) for g in ("intervention", "no_intervention")])
    from impact.pipeline import build_report

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        report = build_report(dataclasses.replace(findings, indicator_trends=trends))[0]
    blocks = _blocks(report, "Action plans and outcome indicators")
    assert any(isinstance(b, Table) and b.name == "indicator_trends" for b in blocks)
    assert not any(isinstance(b, Figure) and b.name == "indicator_trends" for b in blocks)
    assert any(isinstance(b, Paragraph) and b.text.startswith("No figure of the outcome indicators") for b in blocks)


def test_a_bar_of_zero_keeps_its_label():
    counts = {("proc", "lead_in", "helped"): 0, ("proc", "lead_in", "hindered"): 7,
              ("proc", "on_site", "helped"): 12, ("proc", "on_site", "hindered"): SUPPRESSED}
    ctx = types.SimpleNamespace(cell=counts.__getitem__, min_count=5)
    figure = _process_figure(ctx, pd.DataFrame({"code": ["lead_in", "on_site"]}), {})
    ax = figure.fig.axes[0]
    labels = {(t.get_text(), round(t.get_position()[1])) for t in ax.texts}
    assert ("0", 0) in labels and ("7", 0) in labels and ("12", 1) in labels and (SUPPRESSED, 1) in labels, labels
    # the 0 is to the right of the axis (helped), the 7 to the left (hindered)
    zero = next(t for t in ax.texts if t.get_text() == "0")
    assert zero.get_position()[0] >= 0 and zero.get_horizontalalignment() == "left"
    plt.close(figure.fig)


def _print_css(html: str) -> str:
    return re.search(r"@media print \{(.*?)\n\}", html, re.S).group(1)


def test_printed_small_tables_stay_whole_and_a_folded_tables_caption_keeps_its_figure():
    small = pd.DataFrame({"wave": ["early", "later"], "n_councils": [12, 7]})
    long = pd.DataFrame({"wave": [f"w{i}" for i in range(40)], "n_councils": range(40)})
    fig, ax = plt.subplots(figsize=(3, 2))
    ax.plot([1, 2], [3, 4])
    report = Report("R", "", {}, [Section("S", [
        Paragraph("Before."), Table("small", small, "Small"), Table("long", long, "Long"),
        Table("trends", long, "Trends", detail=True), Figure("trends", fig, "Trends drawn", "A rising line."),
        Paragraph("After.")])])
    html = render_html(report)
    plt.close(fig)
    css = _print_css(html)
    kept = [m.group(1) for m in re.finditer(r"([^{}]+)\{[^}]*break-inside:\s*avoid", css)]
    assert any(".keep" in selectors for selectors in kept), css
    tree = lxml.html.fromstring(html)
    assert "keep" in tree.get_element_by_id("table-small").classes
    assert "keep" not in tree.get_element_by_id("table-long").classes  # a long table may break between rows
    # the folded table's caption and its figure share one block that is kept whole
    summary = tree.xpath("//details/summary")[0]
    holder = summary.getparent().getparent()
    assert "keep" in holder.classes and holder.xpath("./figure[@id='figure-trends']"), lxml.html.tostring(holder)[:200]

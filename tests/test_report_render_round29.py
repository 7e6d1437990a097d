"""What readers see, round 29: each property read in the rendered file itself (openpyxl, the CSV, matplotlib's
artists).

- floating-point round-off of zero (an interval bound of 2.8e-17) is stored and shown as 0, in every additive numeric
  column of the workbook and the CSV; a p-value or a ratio keeps its tiny value;
- a difference in percentage points is no percentage: the workbook stores points, its number format says "pp" and
  its headings say "percentage points", as the HTML's do;
- every figure is legible at the size the Word report prints it: no text under 7 pt on the page, no column label
  running into another (the heatmap's were rotated and crowded).
"""

from __future__ import annotations

import io
import math

import lxml.html
import openpyxl
import pandas as pd
from conftest import excel_shows

from impact.report import CI, Report, Section, Table, render_html, render_xlsx, table_csv
from impact.report._format import resolve_formats


def _noisy_table() -> Table:
    """Round-off of zero in each kind of additive column, beside a p-value and an odds ratio that are truly tiny."""
    data = pd.DataFrame({
        "impact": ["commitment", "learning", "morale"],
        "estimate": [3.3e-17, 0.25, -1.2],
        "ci_low": [-2.8e-17, 0.1, -2.0],
        "ci_high": [0.4, 2.8e-17, -0.5],
        "prevalence": [0.5, -1.4e-17, 1.0],
        "n_participants": [12.000000000000002, 7.0, "c"],
        "p_value": [1e-17, 0.5, 0.04],
        "odds_ratio": [5.85e-11, 1.5, 2.0],
    })
    return Table("noisy", data, "Noisy", columns_format={"estimate": "num:2", "ci": CI("ci_low", "ci_high"),
                                                         "prevalence": "pct:0", "n_participants": "int",
                                                         "p_value": "p", "odds_ratio": "ratio:2"})


def _sheet_columns(ws) -> dict[str, list]:
    # a heading by its words, whatever lines the sheet sets it on (render61, render62: "Suppressed or / not available")
    return {" ".join(str(ws.cell(1, j).value).split()): [ws.cell(i, j).value for i in range(2, ws.max_row + 1)]
            for j in range(1, ws.max_column + 1)}


def test_round_off_of_zero_is_stored_as_zero_in_the_workbook_and_the_csv():
    table = _noisy_table()
    report = Report("Noise", "", {}, [Section("S", [table])])
    ws = openpyxl.load_workbook(io.BytesIO(render_xlsx(report)))["Table 1"]
    cols = _sheet_columns(ws)
    assert cols["Estimate"] == [0, 0.25, -1.2], cols
    assert cols["95% CI, lower"] == [0, 0.1, -2.0] and cols["95% CI, upper"] == [0.4, 0, -0.5], cols
    assert cols["Share reporting it"] == [0.5, 0, 1.0], cols
    shares = [v for h, vs in cols.items() for v in vs if h not in ("p-value", "Odds ratio") and isinstance(v, float)]
    assert all(v == 0 or abs(v) > 1e-12 for v in shares), cols
    assert cols["Participants"][:2] == [12, 7] and cols["Participants"][2] is None, cols
    # a far tail and an exponentiated log-odds are real, tiny values: kept, to two significant figures (outputs1:
    # published numbers are rounded as the report shows them, "<0.01" - never 0 - for the odds ratio 5.85e-11)
    assert cols["p-value"][0] == 1e-17 and cols["Odds ratio"][0] == 5.9e-11, cols

    lines = table_csv(table).decode("utf-8-sig").splitlines()
    rows = [line.split(",") for line in lines]
    head = rows[0]
    first = dict(zip(head, rows[1], strict=True))
    assert (first["estimate"], first["ci_low"], first["n_participants"]) == ("0", "0", "12"), first
    assert first["p_value"] == "1e-17" and first["odds_ratio"] == "5.9e-11", first
    assert dict(zip(head, rows[2], strict=True))["ci_high"] == "0" and dict(zip(head, rows[2], strict=True))[
        "prevalence"] == "0", rows[2]


def test_an_open_interval_end_is_an_empty_cell_named_in_the_flag_column_not_the_text_inf():
    data = pd.DataFrame({"impact": ["commitment", "learning"], "lo": [0.5, 0.2], "hi": [math.inf, 0.9]})
    report = Report("Open", "", {}, [Section("S", [Table("open", data, "Open", columns_format={"ci": CI("lo", "hi")})])])
    ws = openpyxl.load_workbook(io.BytesIO(render_xlsx(report)))["Table 1"]
    cols = _sheet_columns(ws)
    assert cols["95% CI, upper"] == [None, 0.9] and cols["95% CI, lower"] == [0.5, 0.2], cols
    assert cols["Suppressed or not available"] == ["95% CI, upper (no limit)", None], cols
    assert ws["C2"].fill.fgColor.rgb.endswith("D9D9D9")


def _points_report() -> tuple[Report, Table]:
    data = pd.DataFrame({"impact": ["commitment", "learning"], "difference": [0.05, -0.123],
                         "diff_low": [-0.2, -0.5], "diff_high": [0.3, 0.0]})
    table = Table("comparisons", data, "Differences", columns_format={
        "difference": "pp:1", "ci": CI("diff_low", "diff_high", digits=1, points=True)},
        labels={"difference": "Difference in share (percentage points)"})
    return Report("Points", "", {}, [Section("S", [table])]), table


def test_percentage_points_are_points_in_the_workbook_as_in_the_html():
    report, table = _points_report()
    tree = lxml.html.fromstring(render_html(report))
    html_rows = [[c.text_content() for c in tr.xpath("./*")] for tr in tree.xpath("//table")[0].xpath(".//tbody/tr")]
    assert html_rows[0][1:] == ["+5.0", "-20.0 to +30.0"], html_rows  # ends signed as the workbook's (render42)

    ws = openpyxl.load_workbook(io.BytesIO(render_xlsx(report)))["Table 1"]
    heads = [c.value for c in ws[1]]
    for j, head in enumerate(heads[1:], start=2):
        assert "percentage points" in head, heads  # the interval's two columns too
        for i in (2, 3):
            cell = ws.cell(i, j)
            assert "%" not in cell.number_format and "pp" in cell.number_format, cell.number_format
            assert isinstance(cell.value, int | float), cell.value
    # the cells hold points, the same numbers the HTML prints, and Excel's format shows them signed
    assert [ws.cell(2, j).value for j in (2, 3, 4)] == [5.0, -20.0, 30.0]
    assert [ws.cell(3, j).value for j in (2, 3, 4)] == [-12.3, -50.0, 0]
    fmt = ws.cell(2, 2).number_format
    assert [excel_shows(v, fmt) for v in (5.0, -12.3, 0)] == ["+5.0 pp", "-12.3 pp", "0.0 pp"]
    specs = resolve_formats(table.data, table.columns_format)
    assert math.isclose(ws.cell(3, 2).value, table.data["difference"][1] * 100) and specs["difference"].kind == "pp"


# --- the heatmap at its printed size ------------------------------------------------------------------------------

#: The Word report's text block (A4 less 2 cm margins), in inches: a wider figure is scaled down to it, as is one
#: taller than 80% of its height; the printed HTML's block is wider (180 mm).
_PAGE_WIDTH, _PAGE_HEIGHT = 170 / 25.4, 257 / 25.4


def _printed_scale(fig) -> float:
    from impact.report._images import PNG_DPI, rasterise

    image = rasterise(fig)
    return min(1.0, _PAGE_WIDTH / (image.width / PNG_DPI), 0.8 * _PAGE_HEIGHT / (image.height / PNG_DPI))


def _overlaps(boxes) -> list[tuple[int, int]]:
    return [(i, j) for i in range(len(boxes)) for j in range(i + 1, len(boxes)) if boxes[i].overlaps(boxes[j])]


def _assert_legible(fig) -> None:
    """Every text of ``fig`` at 7 pt or more on the printed page; no column label runs into another."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.text import Text

    scale = _printed_scale(fig)
    FigureCanvasAgg(fig)
    renderer = fig.canvas.get_renderer()
    fig.draw(renderer)
    small = {(t.get_text(), round(t.get_fontsize() * scale, 1)) for t in fig.findobj(Text)
             if t.get_visible() and t.get_text().strip() and t.get_fontsize() * scale < 7}
    assert not small, (scale, sorted(small)[:5])
    for ax in fig.axes:
        labels = [t for t in ax.get_xticklabels() if t.get_visible() and t.get_text()]
        for child in ax.child_axes:  # a second level of labels (the waves) under the first
            labels += [t for t in child.get_xticklabels() if t.get_visible() and t.get_text()]
        boxes = [t.get_window_extent(renderer) for t in labels]
        assert not _overlaps(boxes), [(labels[i].get_text(), labels[j].get_text()) for i, j in _overlaps(boxes)]


def test_every_figure_of_the_example_report_is_legible_where_it_prints(example_run):
    """The heatmap (11 inches wide: 5.8 pt), the comparisons' forest plot (its one-line axis title made it 9.8 inches
    wide: 6.1 pt) and the process figure's bar labels (8 pt at 82%: 6.6 pt) were not."""
    from conftest import report_of

    report = report_of(example_run.findings)
    report = report[0] if isinstance(report, tuple) else report
    names = [f.name for f in report.figures]
    assert {"prevalence_heatmap", "comparisons_forest", "process_factors"} <= set(names), names
    for figure in report.figures:
        _assert_legible(figure.fig)


def test_a_heatmap_of_many_waves_is_drawn_in_panels_each_legible():
    import numpy as np

    from impact.report._build import STATUS_LABELS, _heatmap_figure

    waves = [f"w{k}" for k in range(5)]
    names = {w: f"Wave {k}: a follow-up about {3 * k} months after the review" for k, w in enumerate(waves)}
    rng = np.random.default_rng(29)
    rows = pd.DataFrame([{"impact": code, "wave_id": w, "group": g, "prevalence": rng.uniform(),
                          "n_participants": int(rng.integers(5, 400))}
                         for code in ("commitment", "learning", "morale") for w in waves for g in STATUS_LABELS])
    rows["prevalence"] = rows["prevalence"].astype(object)
    rows.loc[3, "prevalence"] = "c"
    fig = _heatmap_figure(rows, waves, wave_label=names.get, code_label=str.title)
    _assert_legible(fig)
    heatmaps = [ax for ax in fig.axes if ax.child_axes]
    # every wave drawn once, every column once: 10 columns, in panels
    drawn = [t.get_text().replace("\n", " ") for ax in heatmaps for child in ax.child_axes
             for t in child.get_xticklabels()]
    assert drawn == [names[w] for w in waves] and len(heatmaps) > 1, drawn
    assert sum(len(ax.get_xticklabels()) for ax in heatmaps) == 10
    # every share that is published is in a cell; the suppressed one is marked c
    texts = [t.get_text() for ax in heatmaps for t in ax.texts]
    assert texts.count("c") == 1 and sum(t.endswith(("%", "n=")) or "%\n" in t for t in texts) == 29, texts
    # nothing at all to show: no figure
    assert _heatmap_figure(rows.assign(prevalence="c"), waves, wave_label=names.get, code_label=str.title) is None

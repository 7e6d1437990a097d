"""What readers see, round 39: one label for one thing, legends below single plots, one colour per status, and the
methods line naming the tests the tables used.

1. "Intervention status" headed the status at each wave in Tables 2, 5, 6 and 11 and the status at any wave in the
   indicator trends' table and Figure 5's legend: :func:`label_homonyms` finds a label over two kinds of thing.
2. ``trend_plot`` and ``bar_counts`` put their legend at the right of the axes, which long labels squeezed (and
   pushed past the figure's edge); the legend now sits below, in columns that fit, labels wrapped.
3. Figure 1's bars were seaborn's blue and orange, not :data:`STATUS_COLOURS`.
4. The methods said "permutation tests with N resamples" of every test, where the change table's p is Friedman's
   exact permutation p (no resamples) or its chi-square approximation.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

from types import SimpleNamespace  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from conftest import report_of  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402
from matplotlib.figure import Figure as MplFigure  # noqa: E402

from impact.report import (  # noqa: E402
    Bullets,
    Figure,
    Report,
    Section,
    Table,
    Vocabulary,
    bar_counts,
    trend_plot,
)
from impact.report._build import _tests_used  # noqa: E402
from impact.report._consistency import label_homonyms, report_labels  # noqa: E402
from impact.report.figures import STATUS_COLOURS  # noqa: E402


@pytest.fixture(scope="module")
def example_report(example_run):
    report, _ = report_of(example_run.findings)
    return report


def _legend_figure(title: str, entries: list[str]) -> Figure:
    fig = MplFigure()
    ax = fig.subplots()
    for k, label in enumerate(entries):
        ax.plot([0, 1], [k, k + 1], label=label)
    ax.legend(title=title)
    return Figure("f", fig, "A figure", "Lines.")


def test_one_label_over_two_kinds_of_status_is_found():
    # planted: a table's "Intervention status" over the status at each wave, a figure's legend of the same title over
    # the status at any wave; a second table over fewer values of the first kind (one group) is the same thing
    each = Table("t", pd.DataFrame({"status_group": ["no_intervention", "intervention"], "n": [3, 4]}), "Groups")
    fewer = Table("u", pd.DataFrame({"status_group": ["intervention"], "n": [4]}), "In intervention")
    ever = _legend_figure("Intervention status", ["Not in intervention at any wave", "In intervention at some wave"])
    report = Report("r", "", {}, [Section("s", [each, fewer, ever])], vocabulary=Vocabulary())
    assert label_homonyms(report) == [("intervention status", [
        ("status", ["Table 1, heading", "Table 2, heading"]), ("status at any wave", ["Figure 1, legend title"])])]
    renamed = _legend_figure("Intervention status at any wave", ["Not in intervention at any wave"])
    assert label_homonyms(Report("r", "", {}, [Section("s", [each, renamed])], vocabulary=Vocabulary())) == []


def test_the_example_report_uses_no_label_for_two_things(example_report):
    uses = report_labels(example_report)
    # guard: the legend title of the indicators' figure heads its status groups, read from the entries
    titles = [u for u in uses if u.where.endswith("legend title") and ("status", "intervention_at_some_wave") in u.heads]
    assert [u.text for u in titles] == ["Intervention status at any wave"]
    assert label_homonyms(uses) == []


_LONG = ["Not in intervention at any wave", "In intervention at some wave",
         "A council with a very long name indeed, of the borough", "Another long council name", "Fifth",
         "Sixth group of councils with a long label"]


@pytest.mark.parametrize("draw", ["trend", "bars"])
def test_a_single_plots_legend_is_below_it_and_inside_the_figure(draw):
    data = pd.DataFrame([{"year": y, "rate": float(np.sin(y + k) + k), "group": g}
                         for k, g in enumerate(_LONG) for y in range(2010, 2016)])
    if draw == "trend":
        ax = trend_plot(data, x="year", y="rate", hue="group")
        bare = trend_plot(data, x="year", y="rate", hue="group", legend=False)
    else:
        ax = bar_counts(data, x="group", hue="group")
        bare = None
    fig = ax.figure
    fig.draw_without_rendering()
    renderer = fig.canvas.get_renderer()
    legend = ax.get_legend().get_window_extent(renderer)
    under = ax.xaxis.get_tightbbox(renderer)  # tick labels and axis label
    assert legend.y1 <= under.y0 + 0.5  # below the axis' labels, not beside the axes
    assert fig.bbox.x0 - 0.5 <= legend.x0 and legend.x1 <= fig.bbox.x1 + 0.5  # the saved image is not widened
    if bare is not None:
        bare.figure.draw_without_rendering()
        # the plot keeps its width (beside it, the legend took 40% of it) and its height (the figure grew)
        assert ax.get_window_extent(renderer).width >= 0.95 * bare.get_window_extent().width
        assert ax.get_window_extent(renderer).height >= 0.95 * bare.get_window_extent().height


def _legend_colours(report) -> dict[str, set[str]]:
    """Each legend entry's text across the report's figures, to the colours its key is drawn in."""
    found: dict[str, set[str]] = {}
    for block in report.blocks():
        if not isinstance(block, Figure):
            continue
        legends = [ax.get_legend() for ax in block.fig.axes if ax.get_legend() is not None] + list(block.fig.legends)
        for legend in legends:
            for text, handle in zip(legend.get_texts(), legend.legend_handles, strict=True):
                colour = handle.get_facecolor() if hasattr(handle, "get_height") else handle.get_color()
                found.setdefault(" ".join(text.get_text().split()), set()).add(to_hex(colour))
    return found


def test_every_figure_draws_a_status_in_its_one_colour(example_report):
    colours = _legend_colours(example_report)
    statuses = {label: c for label, c in colours.items() if label in STATUS_COLOURS}
    assert statuses  # guard: Figure 1 keys the statuses
    assert statuses == {label: {STATUS_COLOURS[label].lower()} for label in statuses}
    # the same councils grouped at any wave take their group's colour
    assert colours["Not in intervention at any wave"] == {STATUS_COLOURS["Not in intervention"].lower()}
    assert colours["In intervention at some wave"] == {STATUS_COLOURS["In intervention"].lower()}


def _methods_tests(report) -> str:
    items = [i for b in report.blocks() if isinstance(b, Bullets) for i in b.items if "Tests:" in i]
    assert len(items) == 1
    return items[0]


def test_the_methods_name_the_tests_the_tables_used(example_report):
    line = _methods_tests(example_report)
    change = [b for b in example_report.blocks() if isinstance(b, Table) and b.name == "change_over_time"][0]
    assert set(change.data["test"]) - {"c"} == {"friedman"}  # the table behind the words
    assert "Friedman's test of the change across the waves, with its exact permutation p;" in line
    assert "permutation tests with 199 resamples (seed 0) of the differences by intervention status;" in line


def test_the_methods_name_no_resamples_where_no_table_used_them():
    ctx = SimpleNamespace(f=SimpleNamespace(parameters={"seed": 5, "n_resamples": 500}))
    change = pd.DataFrame({"impact": ["a", "b", "c"], "test": ["wilcoxon", "wilcoxon", "c"],
                           "p_value": [0.2, 0.01, "c"], "p_method": ["exact", "normal", "c"]})
    said = _tests_used(ctx, {"change_over_time": change})
    assert said == ("Wilcoxon's signed-rank test of the change across the waves, with its exact permutation p (the "
                    "normal approximation where the exact p is beyond computation); ")
    assert "resamples" not in said
    assert _tests_used(ctx, {"change_over_time": change.assign(p_value="c")}) == ""

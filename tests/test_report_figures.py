"""Tests for impact.report.figures: each plot draws exactly the data it is given."""

from __future__ import annotations

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import QuadMesh
from matplotlib.colors import to_hex

from impact.report.figures import (
    OKABE_ITO,
    bar_counts,
    forest_plot,
    prevalence_heatmap,
    trajectory_chart,
    trend_plot,
)

WAVES = ["expectations", "early", "longer_term"]


# --- prevalence_heatmap -------------------------------------------------------


@pytest.fixture
def prevalence(rng) -> pd.DataFrame:
    codes = ["commitment", "plans_actions", "learning", "morale"]
    rows = [(w, c, rng.uniform(), int(rng.integers(3, 12))) for w in WAVES for c in codes]
    return pd.DataFrame(rows, columns=["wave", "code", "prevalence", "n"]).sample(frac=1, random_state=1)


def test_heatmap_cells_are_the_pivoted_values(prevalence):
    before = prevalence.copy()
    ax = prevalence_heatmap(prevalence, x="wave", y="code", value="prevalence", annot_n="n")
    pd.testing.assert_frame_equal(prevalence, before)  # caller's frame untouched
    mesh = next(c for c in ax.collections if isinstance(c, QuadMesh))
    rows = [t.get_text() for t in ax.get_yticklabels()]
    cols = [t.get_text() for t in ax.get_xticklabels()]
    # Independent computation: look every drawn cell up in the input.
    lookup = prevalence.set_index(["code", "wave"])
    grid = np.asarray(mesh.get_array()).reshape(len(rows), len(cols))
    for i, code in enumerate(rows):
        for j, wave in enumerate(cols):
            assert grid[i, j] == pytest.approx(lookup.loc[(code, wave), "prevalence"])
    texts = [t.get_text() for t in ax.texts]
    first = lookup.loc[(rows[0], cols[0])]
    assert texts[0] == f"{round(first['prevalence'] * 100):.0f}%\nn={int(first['n'])}"
    assert sorted(rows) == sorted(prevalence["code"].unique())


def test_heatmap_follows_categorical_order_and_given_axes(prevalence):
    data = prevalence.assign(wave=pd.Categorical(prevalence["wave"], categories=WAVES, ordered=True))
    fig, ax = plt.subplots()
    out = prevalence_heatmap(data, x="wave", y="code", value="prevalence", ax=ax)
    assert out is ax
    assert [t.get_text() for t in ax.get_xticklabels()] == WAVES
    assert all("n=" not in t.get_text() for t in ax.texts)


def test_heatmap_refuses_duplicates_and_non_proportions(prevalence):
    with pytest.raises(ValueError, match="one row per code x wave"):
        prevalence_heatmap(pd.concat([prevalence, prevalence.head(1)]), x="wave", y="code", value="prevalence")
    with pytest.raises(ValueError, match="proportion between 0 and 1.*1.5"):
        prevalence_heatmap(prevalence.assign(prevalence=1.5), x="wave", y="code", value="prevalence")
    with pytest.raises(ValueError, match="`x`='round' not a column"):
        prevalence_heatmap(prevalence, x="round", y="code", value="prevalence")


# --- trajectory_chart -----------------------------------------------------------


@pytest.fixture
def trajectories(rng) -> pd.DataFrame:
    states = ["none", "notice", "direction"]
    rows = [(f"C{u:02d}", w, states[int(rng.integers(0, 3))]) for u in range(25) for w in WAVES]
    data = pd.DataFrame(rows, columns=["council", "wave", "status"])
    # Planted attrition: two councils not seen at the longer-term wave.
    return data[~((data["council"].isin(["C03", "C07"])) & (data["wave"] == "longer_term"))].reset_index(drop=True)


def _bars(ax) -> dict[tuple[str, str], float]:
    return {tuple(p.get_gid().split("|")[1:]): p.get_height() for p in ax.patches if (p.get_gid() or "").startswith("bar|")}


def _flows(ax) -> dict[tuple[str, str, str], float]:
    out = {}
    for coll in ax.collections:
        gid = coll.get_gid() or ""
        if gid.startswith("flow|"):
            vertices = coll.get_paths()[0].vertices
            left = vertices[np.isclose(vertices[:, 0], vertices[:, 0].min())]
            out[tuple(gid.split("|")[1:])] = left[:, 1].max() - left[:, 1].min()
    return out


def test_trajectory_bars_and_flows_count_the_councils(trajectories):
    ax = trajectory_chart(trajectories, unit="council", time="wave", state="status")
    # Bars: independent count of councils per wave and state, absent councils as "not observed".
    expected = trajectories.groupby(["wave", "status"]).size().to_dict()
    expected[("longer_term", "not observed")] = 2
    assert _bars(ax) == {k: float(v) for k, v in expected.items()}
    # Every bar shows its count as text, so nothing rests on colour alone.
    assert sorted(int(t.get_text()) for t in ax.texts) == sorted(expected.values())
    # Flows: councils moving between consecutive waves, from an explicit merge.
    flows = _flows(ax)
    for a, b in zip(WAVES, WAVES[1:], strict=False):
        left = trajectories[trajectories["wave"] == a][["council", "status"]]
        right = trajectories[trajectories["wave"] == b][["council", "status"]]
        pairs = left.merge(right, on="council", how="left", suffixes=("_a", "_b")).fillna({"status_b": "not observed"})
        for (sa, sb), n in pairs.groupby(["status_a", "status_b"]).size().items():
            assert flows[(a, sa, sb)] == pytest.approx(n), (a, sa, sb)
    assert sum(v for k, v in flows.items() if k[0] == "early") == 25


def test_trajectory_without_missing_state_leaves_absent_units_out(trajectories):
    ax = trajectory_chart(trajectories, unit="council", time="wave", state="status", missing=None)
    bars = _bars(ax)
    assert sum(v for (w, _), v in bars.items() if w == "longer_term") == 23
    assert not any(s == "not observed" for _, s in bars)
    assert sum(v for k, v in _flows(ax).items() if k[0] == "early") == 23


def test_trajectory_colours_are_colour_blind_safe(trajectories):
    ax = trajectory_chart(trajectories, unit="council", time="wave", state="status")
    colours = {to_hex(p.get_facecolor()).upper() for p in ax.patches if (p.get_gid() or "").startswith("bar|")}
    assert colours <= {c.upper() for c in OKABE_ITO} | {"#BDBDBD"}


def test_trajectory_refuses_two_states_at_once(trajectories):
    with pytest.raises(ValueError, match="one row per council x wave"):
        trajectory_chart(pd.concat([trajectories, trajectories.head(1)]), unit="council", time="wave", state="status")
    with pytest.raises(ValueError, match="also a state"):
        trajectory_chart(trajectories, unit="council", time="wave", state="status", missing="none")


# --- forest_plot ------------------------------------------------------------------


def test_forest_plot_draws_estimates_and_intervals_top_down():
    data = pd.DataFrame({"impact": ["commitment", "learning", "morale"], "effect": [0.4, -0.1, 0.05],
                         "lo": [0.1, -0.5, -0.2], "hi": [0.7, 0.3, 0.3]})
    ax = forest_plot(data, label="impact", estimate="effect", ci_low="lo", ci_high="hi", null=0.0)
    container = ax.containers[0]
    points = container.lines[0]
    np.testing.assert_allclose(points.get_xdata(), data["effect"])
    assert [t.get_text() for t in ax.get_yticklabels()] == ["commitment", "learning", "morale"]
    ys = points.get_ydata()
    assert ys[0] > ys[1] > ys[2]  # first row on top
    segments = container.lines[2][0].get_segments()
    np.testing.assert_allclose([s[:, 0] for s in segments], data[["lo", "hi"]].to_numpy())
    assert any(np.allclose(line.get_xdata(), 0.0) for line in ax.get_lines() if line is not points)


def test_forest_plot_refuses_intervals_without_their_estimate():
    data = pd.DataFrame({"k": ["a", "b"], "e": [0.5, 2.0], "lo": [0.1, 0.1], "hi": [0.9, 1.0]})
    with pytest.raises(ValueError, match=r"contain its estimate.*b: 0.1 to 1 around 2"):
        forest_plot(data, label="k", estimate="e", ci_low="lo", ci_high="hi")


# --- trend_plot ---------------------------------------------------------------------


@pytest.fixture
def trends(rng) -> pd.DataFrame:
    dates = pd.date_range("2010-03-31", periods=6, freq="YE-MAR")
    rows = [(d, c, 40 + rng.normal(0, 5)) for c in ["301", "302", "303"] for d in dates]
    data = pd.DataFrame(rows, columns=["date", "council", "rate"])
    data.loc[4, "rate"] = np.nan  # a suppressed value leaves a gap
    return data


def test_trend_plot_lines_and_per_council_event_markers(trends):
    events = pd.DataFrame({"date": pd.to_datetime(["2012-09-01", "2014-01-15"]), "council": ["301", "303"]})
    ax = trend_plot(trends, x="date", y="rate", hue="council", events=events)
    lines = {line.get_label(): line for line in ax.get_lines()}
    for council, sub in trends.groupby("council"):
        np.testing.assert_allclose(lines[council].get_ydata(), sub.sort_values("date")["rate"], equal_nan=True)
    markers = {line.get_gid(): line for line in ax.get_lines() if (line.get_gid() or "").startswith("event|")}
    assert set(markers) == {"event|301", "event|303"}
    # Independent interpolation in days between the two surrounding observations.
    sub = trends[trends["council"] == "303"].dropna().sort_values("date")
    days = (sub["date"] - pd.Timestamp("2010-01-01")).dt.days.to_numpy(float)
    at = (pd.Timestamp("2014-01-15") - pd.Timestamp("2010-01-01")).days
    assert markers["event|303"].get_ydata()[0] == pytest.approx(np.interp(at, days, sub["rate"]))


def test_trend_plot_vertical_events_and_errors(trends):
    events = pd.DataFrame({"date": pd.to_datetime(["2013-11-01"]), "label": ["framework change"]})
    ax = trend_plot(trends, x="date", y="rate", hue="council", events=events)
    assert [line.get_gid() for line in ax.get_lines() if line.get_gid()] == ["event|framework change"]
    assert "framework change" in [t.get_text() for t in ax.texts]
    with pytest.raises(ValueError, match="`event_label`='label' not a column of `events`"):
        trend_plot(trends, x="date", y="rate", hue="council", events=events.rename(columns={"label": "what"}))
    with pytest.raises(ValueError, match="one row per council x date"):
        trend_plot(pd.concat([trends, trends.head(1)]), x="date", y="rate", hue="council")


# --- bar_counts -----------------------------------------------------------------------


def test_bar_counts_counts_rows(rng):
    roles = rng.choice(["strategic officer", "frontline officer", "lead member", "partner"], 40)
    data = pd.DataFrame({"role": roles, "wave": rng.choice(WAVES, 40)})
    ax = bar_counts(data, x="role")
    labels = [t.get_text() for t in ax.get_yticklabels()]
    widths = [p.get_width() for p in ax.patches]
    assert dict(zip(labels, widths, strict=True)) == data["role"].value_counts().to_dict()
    ax = bar_counts(data, x="role", hue="wave", orient="v")
    assert len(ax.patches) == 4 * 3
    assert sum(p.get_height() for p in ax.patches) == 40


def test_bar_counts_with_given_counts_and_order():
    data = pd.DataFrame({"status": ["none", "notice", "direction"], "councils": [12, 5, 2]})
    ax = bar_counts(data, x="status", count="councils", order=["direction", "notice", "none"])
    assert [t.get_text() for t in ax.get_yticklabels()] == ["direction", "notice", "none"]
    assert [p.get_width() for p in ax.patches] == [2, 5, 12]
    assert [t.get_text() for t in ax.texts] == ["2", "5", "12"]
    with pytest.raises(ValueError, match=r"`orient` must be one of \['h', 'v'\], but 'x'"):
        bar_counts(data, x="status", orient="x")


def test_figures_leave_global_settings_alone(prevalence):
    before = dict(mpl.rcParams)
    prevalence_heatmap(prevalence, x="wave", y="code", value="prevalence")
    assert dict(mpl.rcParams) == before


# --- for the reader: colour direction, status colours, labels, review dates, every indicator -------------


def _luminance(rgba) -> float:
    r, g, b = rgba[:3]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_heatmap_darker_cells_are_larger_shares(prevalence):
    ax = prevalence_heatmap(prevalence, x="wave", y="code", value="prevalence")
    mesh = next(c for c in ax.collections if isinstance(c, QuadMesh))
    values = np.asarray(mesh.get_array()).ravel()
    light = [_luminance(c) for c in mesh.get_facecolors()]
    order = np.argsort(values)
    assert all(np.diff(np.asarray(light)[order]) <= 1e-9)  # more -> darker, monotonically
    colorbar = ax.collections[0].colorbar
    assert colorbar.ax.get_ylabel() == "Share reporting it (%)"  # the vocabulary's label, not "prevalence"
    assert ax.get_xlabel() == "Wave" and ax.get_ylabel() == "Impact"


def test_status_groups_have_one_order_and_one_colour_in_every_figure(rng):
    from impact.report.figures import STATUS_COLOURS, group_colours

    statuses = ["In intervention", "Not in intervention"]  # appearance order: "In" first
    years = [2011, 2012, 2013]
    trend = pd.DataFrame([(s, y, rng.normal()) for s in statuses for y in years], columns=["status", "year", "mean"])
    ax1 = trend_plot(trend, x="year", y="mean", hue="status")
    bars = pd.DataFrame({"wave": ["early", "early", "late", "late"], "status": statuses * 2, "n": [3, 9, 4, 8]})
    ax2 = bar_counts(bars, x="wave", hue="status", count="n")
    flows = pd.DataFrame({"council": ["a", "a", "b", "b"], "wave": ["early", "late"] * 2, "status": statuses * 2})
    ax3 = trajectory_chart(flows, unit="council", time="wave", state="status", missing=None)
    for ax in (ax1, ax2, ax3):
        legend = ax.get_legend()
        names = [t.get_text() for t in legend.get_texts()]
        assert names == ["Not in intervention", "In intervention"]  # status order, not order of appearance
        handles = legend.legend_handles
        colours = [to_hex(h.get_color() if hasattr(h, "get_color") and not hasattr(h, "get_facecolor") else
                          h.get_facecolor()) for h in handles]
        assert colours == [STATUS_COLOURS["Not in intervention"].lower(), STATUS_COLOURS["In intervention"].lower()]
    assert group_colours(["no_intervention", "intervention"]) == {"no_intervention": OKABE_ITO[0],
                                                                  "intervention": OKABE_ITO[1]}
    with pytest.raises(ValueError, match="no colour for"):
        group_colours(["a", "b"], {"a": "red"})


def test_axis_titles_are_labels_not_column_names(trends):
    ax = trend_plot(trends.rename(columns={"rate": "cin_rate", "council": "council_id"}), x="date", y="cin_rate",
                    hue="council_id")
    assert ax.get_ylabel() == "Children in need (per 10,000\nchildren)"
    assert ax.get_legend().get_title().get_text() == "Council"
    data = pd.DataFrame({"impact": ["a"], "hodges_lehmann": [0.1], "lo": [0.0], "hi": [0.2]})
    ax = forest_plot(data, label="impact", estimate="hodges_lehmann", ci_low="lo", ci_high="hi")
    assert ax.get_xlabel() == "Difference (Hodges-Lehmann) and 95% interval"


def test_forest_plot_groups_rows_and_wraps_long_labels():
    data = pd.DataFrame({
        "impact": ["Affirmation and enhancement of the quality of partnership working"] * 2 + ["Staff morale"],
        "wave": ["Early impact", "Longer-term change", "Early impact"],
        "d": [0.1, 0.2, -0.1], "lo": [0.0, 0.1, -0.3], "hi": [0.2, 0.3, 0.1]})
    ax = forest_plot(data, label="wave", group="impact", estimate="d", ci_low="lo", ci_high="hi")
    ticks = ax.get_yticklabels()
    texts = [t.get_text() for t in ticks]
    assert texts == ["Affirmation and enhancement\nof the quality of\npartnership working", "Early impact",
                     "Longer-term change", "Staff morale", "Early impact"]
    assert [t.get_fontweight() for t in ticks] == ["bold", "normal", "normal", "bold", "normal"]
    points = ax.containers[0].lines[0]
    tick_y = [t.get_position()[1] for t in ticks]
    np.testing.assert_allclose(points.get_ydata(), [tick_y[1], tick_y[2], tick_y[4]])  # each row on its own line
    assert all(len(line) <= 30 for t in texts for line in t.split("\n"))


def test_trend_plot_marks_review_dates(trends):
    reviews = pd.to_datetime(["2011-06-15", "2012-01-20", "2012-11-05", "2013-03-01"])
    ax = trend_plot(trends, x="date", y="rate", hue="council", review_dates=reviews)
    span = next(p for p in ax.patches if p.get_gid() == "reviews")
    # axvspan gives a Rectangle from matplotlib 3.9, a Polygon before (setup.cfg allows 3.7): read its corners in data units
    xs = span.get_patch_transform().transform(span.get_path().vertices)[:, 0]
    lo, hi = xs.min(), xs.max()
    assert (lo, hi) == (mpl.dates.date2num(reviews.min()), mpl.dates.date2num(reviews.max()))
    assert span.get_label() == "Peer reviews (4)"
    ticks = next(line for line in ax.get_lines() if line.get_gid() == "review-ticks")
    np.testing.assert_array_equal(mpl.dates.date2num(pd.to_datetime(ticks.get_xdata())), mpl.dates.date2num(reviews))
    assert "Peer reviews (4)" in [t.get_text() for t in ax.get_legend().get_texts()]


def test_small_multiples_give_every_indicator_a_panel(rng):
    from impact.report.figures import indicator_small_multiples

    measures = ["cin_rate", "cpp_rate", "referral_rate", "rereferral_pct", "sw_turnover_pct"]
    dates = pd.date_range("2010-03-31", periods=5, freq="YE-MAR")
    rows = [(m, d, s, rng.normal(100)) for m in measures for d in dates for s in ["Not in intervention", "In intervention"]]
    data = pd.DataFrame(rows, columns=["measure", "period", "status", "mean"])
    fig = indicator_small_multiples(data, measure="measure", x="period", y="mean", hue="status",
                                    review_dates=pd.to_datetime(["2011-05-01", "2012-09-01"]))
    assert len(fig.axes) == len(measures)
    titles = [ax.get_title().replace("\n", " ") for ax in fig.axes]
    assert titles[0] == "Children in need (per 10,000 children)" and titles[3].startswith("Re-referrals")
    for ax, m in zip(fig.axes, measures, strict=True):
        lines = {line.get_label(): line for line in ax.get_lines() if not line.get_label().startswith("_")}
        assert to_hex(lines["In intervention"].get_color()) == OKABE_ITO[1].lower()
        want = data[(data["measure"] == m) & (data["status"] == "In intervention")].sort_values("period")["mean"]
        np.testing.assert_allclose(lines["In intervention"].get_ydata(), want)
        assert any(p.get_gid() == "reviews" for p in ax.patches)
    with pytest.raises(ValueError, match="`ncols` must be a whole number"):
        indicator_small_multiples(data, measure="measure", x="period", y="mean", hue="status", ncols=0)

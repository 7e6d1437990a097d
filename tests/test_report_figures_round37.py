"""Value labels of bars stay clear of tick labels, the legend and the axes' edges (round 37).

A 5-council study (``impact synth --councils 5 --seed 3611``) drew Figure 1 with its last bar's count "5" under the
legend's "No intervention": the legend sat inside the axes ("lower right") where the longest bar ends, and each count
was placed a fixed share of the axis (``ymax * 0.01``) past its bar with limits a fixed share past the longest
(``ymax * 1.15``), so nothing kept a label inside the axes.  The property is checked here with matplotlib's renderer:
the extent of every label drawn at a bar (in data coordinates) must lie inside the axes and intersect no tick label and
no legend.
"""

from __future__ import annotations

import types

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.text import Annotation  # noqa: E402
from matplotlib.transforms import Bbox  # noqa: E402

from impact.report import bar_counts, trajectory_chart  # noqa: E402
from impact.report._build import SUPPRESSED, _process_figure, _status_figure  # noqa: E402


def _at_data(ax, text) -> bool:
    """Whether ``text`` is a value label: every text of these figures but one placed in axes fractions."""
    if isinstance(text, Annotation):
        return text.xycoords == "data"
    # transData ends in transAxes, so a text is in axes fractions when its transform has that branch but not transData
    transform = text.get_transform()
    return transform.contains_branch(ax.transData) or not transform.contains_branch(ax.transAxes)


def _clashes(fig) -> list[str]:
    """Each value label (a text placed in data coordinates) that leaves its axes or overlaps a tick label or legend."""
    fig.draw_without_rendering()
    renderer = fig._get_renderer()
    found = []
    for ax in fig.axes:
        frame = ax.get_window_extent(renderer)
        ticks = [t for t in ax.get_xticklabels() + ax.get_yticklabels() if t.get_visible() and t.get_text()]
        legends = [ax.get_legend()] if ax.get_legend() is not None else []
        legends += list(fig.legends)
        for text in ax.texts:
            if not text.get_text() or not _at_data(ax, text):
                continue
            box = text.get_window_extent(renderer)
            # a hair (half a pixel) of tolerance for rounding of the extents
            inner = Bbox.from_extents(frame.x0 - 0.5, frame.y0 - 0.5, frame.x1 + 0.5, frame.y1 + 0.5)
            if not (inner.contains(box.x0, box.y0) and inner.contains(box.x1, box.y1)):
                found.append(f"{text.get_text()!r} leaves the axes: {box} not in {frame}")
            for tick in ticks:
                if box.overlaps(tick.get_window_extent(renderer)):
                    found.append(f"{text.get_text()!r} overlaps tick label {tick.get_text()!r}")
            for legend in legends:
                if box.overlaps(legend.get_window_extent(renderer)):
                    found.append(f"{text.get_text()!r} overlaps the legend")
    return found


def _status_ctx(counts: dict, waves: list[str], n_councils: int):
    return types.SimpleNamespace(
        cell=lambda key: counts[(key[1], key[2])], waves=waves, min_count=5, axis_wave=str,
        study=types.SimpleNamespace(councils=pd.DataFrame({"council_id": range(n_councils)})),
    )


WAVES = ["Expectations before the review", "Early impact", "Longer-term change"]


@pytest.mark.parametrize("counts, n", [
    # every council in one level at every wave, as in the 5-council study: the longest bar reaches the legend's corner
    ({(w, "none"): 5 for w in WAVES}, 5),
    # all three levels, a zero-width bar (0) and a suppressed count among them
    ({**{(w, "none"): 31 for w in WAVES}, **{(w, "notice"): 0 for w in WAVES}, **{(w, "direction"): SUPPRESSED
                                                                                 for w in WAVES}}, 31),
])
def test_status_figure_counts_clear_the_legend_ticks_and_edges(counts, n):
    levels = list(dict.fromkeys(lv for _, lv in counts))
    figure = _status_figure(_status_ctx(counts, WAVES, n), levels)
    try:
        assert _clashes(figure.fig) == []
        # every published count is still written, and at its bar
        ax = figure.fig.axes[0]
        texts = [t.get_text().strip() for t in ax.texts]
        assert sorted(texts) == sorted(str(v) if v != SUPPRESSED else t for (w, lv), v in counts.items()
                                       for t in [next((s for s in texts if s.startswith(f"{SUPPRESSED}:")), "")])
        # the bars still start at the axis: labels are fitted by widening the limits away from zero only
        assert ax.get_xlim()[0] == 0
    finally:
        plt.close(figure.fig)


def test_process_figure_wide_counts_clear_the_factor_names():
    """Long factor names leave a narrow axes; a count in hundreds at the longest bar crossed the spine into them."""
    codes = [f"factor_{i}" for i in range(12)]
    labels = {c: f"A long name of the {i}th factor that shaped the review's impact" for i, c in enumerate(codes)}
    counts = {}
    for i, c in enumerate(codes):
        counts[("proc", c, "helped")] = SUPPRESSED if i % 4 == 3 else 40 * i
        counts[("proc", c, "hindered")] = 1999 if i == 0 else (0 if i % 3 == 0 else 7 * i)
    ctx = types.SimpleNamespace(cell=counts.__getitem__, min_count=5)
    figure = _process_figure(ctx, pd.DataFrame({"code": codes}), labels)
    try:
        assert _clashes(figure.fig) == []
        ax = figure.fig.axes[0]
        written = sorted(t.get_text() for t in ax.texts)
        assert written == sorted(str(v) for v in counts.values())
    finally:
        plt.close(figure.fig)


def test_bar_counts_labels_of_many_groups_clear_the_legend_and_edges():
    """Six roles in three statuses, one count in the tens of thousands: its label ran past the axes into the legend."""
    roles = ["officer", "partner", "lead member", "manager", "head of service", "director of children's services"]
    statuses = ["Not in intervention", "Notice to Improve / Improvement Notice", "Statutory direction"]
    rows = [{"role": r, "status": s, "n": 48_213 if (i, j) == (0, 0) else (0 if (i + j) % 5 == 0 else 3 * i + j + 1)}
            for i, r in enumerate(roles) for j, s in enumerate(statuses)]
    data = pd.DataFrame(rows)
    ax = bar_counts(data, x="role", hue="status", count="n")
    try:
        assert _clashes(ax.figure) == []
        assert sorted(t.get_text() for t in ax.texts) == sorted(f"{v:,}" for v in data["n"])
    finally:
        plt.close(ax.figure)


def test_trajectory_chart_thin_counts_clear_the_first_wave_tick():
    """Thin states write their counts left of the bar: at the first wave that is nearest the axis's left edge."""
    units = [f"u{i}" for i in range(200)]
    rows = [{"unit": u, "wave": w, "state": ("none" if i >= 4 else ["notice", "direction", "notice", "direction"][i])}
            for i, u in enumerate(units) for w in ["expectations", "early", "longer_term"]]
    ax = trajectory_chart(pd.DataFrame(rows), unit="unit", time="wave", state="state")
    try:
        assert _clashes(ax.figure) == []
        assert {"2", "196"} <= {t.get_text() for t in ax.texts}
    finally:
        plt.close(ax.figure)

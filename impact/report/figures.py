"""Figures for programme reports: tidy data in, a matplotlib ``Axes`` out.

Every function takes a tidy DataFrame and column names, draws on ``ax`` (a
new figure when ``ax`` is None) and returns the Axes; none calls
``plt.show()`` or changes global settings.  Colours come from the Okabe-Ito
palette (distinguishable with the common colour-vision deficiencies) and, for
continuous values, "cividis" (designed to read the same with and without
them); every colour is paired with a label or a count, so nothing depends on
colour alone.

Category orders follow a categorical column's categories, otherwise the order
in which values first appear in the data; intervention-status groups (by
machine name or label) always come in one order - not in intervention first
- and always take the same colours (:data:`STATUS_COLOURS`), so a reader can
carry the key from one figure to the next.  Axis and legend titles are the
labels of :mod:`impact.report._labels` for the columns drawn (``p_value`` ->
"p-value"), never the column names; set your own on the returned Axes.
Long category labels are wrapped so that they do not squeeze the plot.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Mapping, Sequence
from typing import Literal

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.axes import Axes
from matplotlib.figure import Figure as MplFigure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.text import Annotation, Text
from matplotlib.ticker import PercentFormatter
from matplotlib.transforms import offset_copy

from ..schema import not_one_of
from ._labels import DEFAULT_VOCABULARY, Vocabulary

__all__ = [
    "OKABE_ITO",
    "STATUS_COLOURS",
    "group_colours",
    "indicator_small_multiples",
    "prevalence_heatmap",
    "trajectory_chart",
    "forest_plot",
    "trend_plot",
    "bar_counts",
]

#: Okabe & Ito (2008) colour-blind-safe palette, most distinct first (yellow late: weak on white).
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
_MISSING_COLOUR = "#BDBDBD"

_NOT, _IN, _NOTICE, _DIRECTION = OKABE_ITO[0], OKABE_ITO[1], OKABE_ITO[1], OKABE_ITO[3]
#: Fixed colours of the intervention-status groups, by machine name and by label, in their fixed order.
STATUS_COLOURS: dict[str, str] = {
    "no_intervention": _NOT, "Not in intervention": _NOT, "none": _NOT, "No intervention": _NOT,
    "intervention": _IN, "In intervention": _IN,
    "notice": _NOTICE, "Notice to Improve / Improvement Notice": _NOTICE,
    "direction": _DIRECTION, "Statutory direction": _DIRECTION,
}
_STATUS_ORDER = list(STATUS_COLOURS)
_WRAP = 28  # characters per line of a category label on an axis
_VALUE_GID = "value-label"  # gid of a bar's value label (:func:`_value_label`), which :func:`_fit_labels` keeps inside

_RC = {
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.labelsize": 10,
    "xtick.labelsize": 9,
    "ytick.labelsize": 9,
    "legend.fontsize": 9,
    "legend.frameon": False,
    "axes.spines.top": False,
    "axes.spines.right": False,
    # the hyphen-minus of the report's text and tables, not U+2212 (the report's own images are drawn with it too:
    # impact.report._images.rasterise)
    "axes.unicode_minus": False,
}


def _check_data(data: object, fn: str, **columns: str | None) -> pd.DataFrame:
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"`data` of {fn}() must be a pandas DataFrame, but {type(data).__name__} was passed.")
    missing = [f"`{arg}`={col!r}" for arg, col in columns.items() if col is not None and col not in data.columns]
    if missing:
        raise ValueError(
            f"{fn}(): {', '.join(missing)} not a column of `data`; the columns are {[str(c) for c in data.columns]}."
        )
    return data


def _check_unique(data: pd.DataFrame, keys: list[str], fn: str) -> None:
    dup = data.duplicated(subset=keys, keep=False)
    if dup.any():
        rows = data.loc[dup, keys].drop_duplicates().head(5).to_dict("records")
        raise ValueError(
            f"{fn}() needs one row per {' x '.join(keys)}, but {int(dup.sum())} rows share a combination, "
            f"for example {rows}; aggregate first."
        )


def _order(series: pd.Series, given: Sequence | None = None) -> list:
    """Levels in the given order, else the categories' order, else status order, else order of appearance."""
    present = list(pd.unique(series.dropna()))
    if given is not None:
        missing = [v for v in present if v not in list(given)]
        return [v for v in given if v in set(present)] + missing
    if isinstance(series.dtype, pd.CategoricalDtype):
        have = set(present)
        return [c for c in series.cat.categories if c in have]
    if present and all(v in STATUS_COLOURS for v in present):
        return sorted(present, key=_STATUS_ORDER.index)
    return present


def group_colours(levels: Sequence, palette: Mapping | Sequence | None = None) -> dict:
    """The colour of each level: ``palette`` if given, status groups their fixed colours, others Okabe-Ito in turn.

    Examples
    --------
    >>> group_colours(["In intervention", "Not in intervention"]) == {"In intervention": OKABE_ITO[1],
    ...                                                               "Not in intervention": OKABE_ITO[0]}
    True
    >>> group_colours(["a", "b"], ["red", "blue"])
    {'a': 'red', 'b': 'blue'}
    """
    if isinstance(levels, Mapping):
        # {'In intervention': 'red'} took the groups and left their colours unread (newuser18)
        from .._joins import mapping_for_names

        raise TypeError(mapping_for_names(levels, "levels", expected="a list of the groups' names")[:-1]
                        + "; to give each group its colour, pass the dict as `palette` too: "
                          "group_colours(list(colours), palette=colours).")
    if isinstance(levels, (str, bytes)) or not isinstance(levels, Iterable) or isinstance(levels, pd.DataFrame):
        # 'abc' gave a colour to each letter (newuser17)
        raise TypeError(f"The value for `levels` of impact.report.group_colours() must be a list of the groups' "
                        f"names, but {levels!r:.60} ({type(levels).__name__}) was passed"
                        + (f"; write [{levels!r}] for one group." if isinstance(levels, str) else "."))
    levels = list(levels)
    if isinstance(palette, Mapping):
        missing = [v for v in levels if v not in palette]
        if missing:
            raise ValueError(f"`palette` has no colour for {missing}; it has {list(palette)}.")
        return {v: palette[v] for v in levels}
    if palette is not None:
        colours = list(palette)
        if len(colours) < len(levels):
            raise ValueError(f"`palette` has {len(colours)} colours for {len(levels)} levels {levels}.")
        return dict(zip(levels, colours[: len(levels)], strict=True))
    fixed = {v: STATUS_COLOURS[v] for v in levels if isinstance(v, str) and v in STATUS_COLOURS}
    free = [c for c in OKABE_ITO if c not in set(fixed.values())]
    others = [v for v in levels if v not in fixed]
    spare = free if len(others) <= len(free) else list(sns.color_palette("cividis", len(others)))
    return {v: fixed.get(v) or spare[others.index(v)] for v in levels}


def _palette(n: int) -> list:
    if n <= len(OKABE_ITO):
        return OKABE_ITO[:n]
    return sns.color_palette("cividis", n)


def _label(column: object) -> str:
    """The heading people read for a column name (already-readable names pass through)."""
    return DEFAULT_VOCABULARY.column(column).header


def _wrap(text: object, width: int = _WRAP) -> str:
    return "\n".join(textwrap.wrap(str(text), width=width, break_long_words=False)) or str(text)


def _axes(ax: Axes | None, figsize: tuple[float, float]) -> Axes:
    if ax is None:
        _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax


def prevalence_heatmap(
    data: pd.DataFrame,
    *,
    x: str,
    y: str,
    value: str,
    annot_n: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Heatmap of proportions, for example the prevalence of each impact by wave and status.

    Parameters
    ----------
    data : DataFrame
        One row per ``y`` x ``x`` cell.
    x, y : str
        Columns for the columns and rows of the map (e.g. ``"wave"`` and ``"code"``;
        for wave and status together pass a combined column such as
        ``"early / notice"``).
    value : str
        Proportion between 0 and 1; shown as a percentage in each cell.
        **Darker cells are larger shares** (the reversed "cividis" map, which
        reads the same with colour-vision deficiencies and in greyscale); the
        colour bar runs from light (0%) at the bottom to dark (100%) at the top.
    annot_n : str, optional
        Column of counts (the denominator), shown as "n=…" under the percentage.
    ax : Axes, optional

    Returns
    -------
    Axes
        Row labels longer than 28 characters are wrapped onto several lines.

    Raises
    ------
    ValueError
        If a column is missing, a cell appears twice or a value is outside 0-1.

    Examples
    --------
    >>> df = pd.DataFrame({"wave": ["early", "early", "longer_term", "longer_term"],
    ...                    "code": ["learning", "morale"] * 2, "prevalence": [0.5, 0.2, 0.75, 0.4], "n": [4, 5, 4, 5]})
    >>> ax = prevalence_heatmap(df, x="wave", y="code", value="prevalence", annot_n="n")
    >>> [t.get_text() for t in ax.texts][:2]
    ['50%\\nn=4', '75%\\nn=4']
    >>> ax.collections[0].get_cmap().name  # darker means more
    'cividis_r'
    """
    fn = "prevalence_heatmap"
    _check_data(data, fn, x=x, y=y, value=value, annot_n=annot_n)
    _check_unique(data, [y, x], fn)
    values = pd.to_numeric(data[value], errors="coerce").astype(float)
    bad = data.loc[values.notna() & ~values.between(0, 1), value]
    if len(bad):
        raise ValueError(f"{fn}(): `value`={value!r} must be a proportion between 0 and 1, but {bad.tolist()[:5]} were passed.")
    rows, cols = _order(data[y]), _order(data[x])
    frame = pd.DataFrame({"r": data[y].to_numpy(), "c": data[x].to_numpy(), "v": values.to_numpy()})
    grid = frame.pivot(index="r", columns="c", values="v").reindex(index=rows, columns=cols)
    labels = grid.map(lambda v: "" if pd.isna(v) else f"{v:.0%}")
    if annot_n is not None:
        frame["n"] = data[annot_n].to_numpy()
        counts = frame.pivot(index="r", columns="c", values="n").reindex(index=rows, columns=cols)
        labels = pd.DataFrame(
            [[f"{s}\nn={int(k)}" if s and pd.notna(k) else s for s, k in zip(ls, ks, strict=True)]
             for ls, ks in zip(labels.to_numpy(), counts.to_numpy(), strict=True)],
            index=grid.index, columns=grid.columns,
        )
    with mpl.rc_context(_RC):
        ax = _axes(ax, (1.6 + 1.3 * len(cols), 1.0 + 0.55 * len(rows) * (1.4 if annot_n else 1)))
        sns.heatmap(
            grid.astype(float), ax=ax, vmin=0, vmax=1, cmap="cividis_r", annot=labels.to_numpy(), fmt="",
            linewidths=1, linecolor="white",
            cbar_kws={"label": _label(value), "format": PercentFormatter(1.0, decimals=0)},
            annot_kws={"fontsize": 9},
        )
        ax.set_xlabel(_label(x))
        ax.set_ylabel(_label(y))
        ax.set_yticks(ax.get_yticks(), [_wrap(r) for r in rows])
        ax.set_xticks(ax.get_xticks(), [_wrap(c, 18) for c in cols])
        ax.tick_params(axis="y", rotation=0)
        ax.tick_params(axis="x", rotation=0)
    return ax


def _value_label(ax: Axes, x: float, y: float, text: str, *, side: int = 1, gap: float = 3.0, **kwargs) -> Text:
    """Write a bar's value ``text`` ``gap`` points beyond its end (x, y), to the right (``side`` 1) or left (-1).

    The gap is in points, not data units: an offset of a share of the axis (``ymax * 0.01``) was a hair on a wide
    axis and nothing at all on a zero-width bar, so a short bar's label sat on the axis and on its tick labels.
    """
    shift = offset_copy(ax.transData, fig=ax.figure, x=side * gap, y=0.0, units="points")
    return ax.text(x, y, text, transform=shift, ha="left" if side > 0 else "right", va="center", gid=_VALUE_GID,
                   **kwargs)


def _fit_labels(ax: Axes, texts: Sequence[Text] | None = None, *, axis: Literal["x", "y"] = "x",
                pad: float = 2.0) -> None:
    """Widen ``ax``'s ``axis`` limits until every label of ``texts`` (default: all of ``ax.texts``) lies inside the axes.

    A value label is drawn beside the end of its bar, at a fixed distance in points, so its width in data units
    depends on the figure: limits set as a share of the longest bar (``1.15 * max``) left a wide label, on a narrow
    axes, past the spine - over the tick labels on the left, or over a legend drawn beside or inside the axes on the
    right.  The text's extent is measured with the figure's renderer, and the limits are widened (on the side that
    overflows, ``pad`` points to spare) until it fits; labels anchored outside the data (axes fractions) are left be.
    Call it after ``tight_layout`` (which changes the axes' size); a layout engine is run before measuring.
    """
    texts = list(ax.texts if texts is None else texts)
    renderer = ax.figure._get_renderer()  # also for a Figure not attached to pyplot (no Agg canvas)
    engine = ax.figure.get_layout_engine()
    for _ in range(12):
        if engine is not None:  # constrained layout sizes the axes only when drawn: measure the size it will have
            engine.execute(ax.figure)
        box = ax.get_window_extent(renderer)
        lo_px, hi_px = (box.x0, box.x1) if axis == "x" else (box.y0, box.y1)
        size = hi_px - lo_px
        if size <= 0:
            return
        scale = pad * ax.figure.dpi / 72.0
        under = over = 0.0
        for t in texts:
            if not t.get_visible() or not t.get_text() or not _moves_with_data(ax, t):
                continue
            ext = t.get_window_extent(renderer)
            lo, hi = (ext.x0, ext.x1) if axis == "x" else (ext.y0, ext.y1)
            under, over = max(under, lo_px + scale - lo), max(over, hi - hi_px + scale)
        if under <= 0.5 and over <= 0.5:
            return
        lo_lim, hi_lim = ax.get_xlim() if axis == "x" else ax.get_ylim()
        # the first limit is always at the low-pixel end (an inverted axis has it the larger), so moving each limit
        # away from the other by its side's overflow, in data units, widens the axis the right way either way
        span = (hi_lim - lo_lim) / size * 1.1
        (ax.set_xlim if axis == "x" else ax.set_ylim)(lo_lim - span * max(under, 0.0), hi_lim + span * max(over, 0.0))


def _moves_with_data(ax: Axes, text: Text) -> bool:
    """Whether ``text`` is placed in ``ax``'s data coordinates (so widening the limits moves it)."""
    if isinstance(text, Annotation):
        return text.xycoords == "data"
    # a :func:`_value_label` is placed by transData + an offset, which ``contains_branch`` (a right-hand branch) misses
    return text.get_gid() == _VALUE_GID or text.get_transform().contains_branch(ax.transData)


def _smooth(x0: float, x1: float, y0: float, y1: float, n: int = 40) -> tuple[np.ndarray, np.ndarray]:
    xs = np.linspace(x0, x1, n)
    t = (xs - x0) / (x1 - x0)
    return xs, y0 + (y1 - y0) * (3 * t**2 - 2 * t**3)


def trajectory_chart(
    data: pd.DataFrame,
    *,
    unit: str,
    time: str,
    state: str,
    missing: str | None = "not observed",
    order: Sequence | None = None,
    palette: Mapping | Sequence | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Alluvial chart of how units (councils) move between states over time.

    A stacked bar per time point shows how many units are in each state;
    bands between neighbouring bars show how many moved from each state to
    each other state (band width = number of units), coloured by the state
    they left.

    Parameters
    ----------
    data : DataFrame
        One row per ``unit`` x ``time``.
    unit, time, state : str
        Columns: the unit id, the time point (e.g. wave: expectations, early,
        longer_term) and its state (e.g. intervention status, impact level).
    missing : str or None, default "not observed"
        State shown (in grey) for a unit absent at a time point, so attrition is
        visible.  None leaves absent units out of that time point's bar.
    order : sequence, optional
        Order of the states (default: categories, status order, or order of
        appearance).
    palette : dict or list, optional
        Colours of the states (default: :func:`group_colours`).
    ax : Axes, optional

    Returns
    -------
    Axes
        Bars are ``Rectangle`` patches with ``gid`` ``"bar|<time>|<state>"``;
        bands are ``PolyCollection`` s with ``gid`` ``"flow|<time>|<from>|<to>"``.

    Examples
    --------
    >>> df = pd.DataFrame({"council": ["a", "a", "b", "b", "c", "c"], "wave": ["early", "later"] * 3,
    ...                    "status": ["notice", "none", "notice", "notice", "none", "none"]})
    >>> ax = trajectory_chart(df, unit="council", time="wave", state="status")
    >>> sorted(c.get_gid() for c in ax.collections)
    ['flow|early|none|none', 'flow|early|notice|none', 'flow|early|notice|notice']
    """
    fn = "trajectory_chart"
    _check_data(data, fn, unit=unit, time=time, state=state)
    _check_unique(data, [unit, time], fn)
    times, states = _order(data[time]), _order(data[state], order)
    if missing is not None and missing in states:
        raise ValueError(f"{fn}(): `missing`={missing!r} is also a state in the data; pass another label.")
    wide = data.pivot(index=unit, columns=time, values=state).reindex(columns=times).astype(object)
    if missing is not None:
        wide = wide.where(wide.notna(), missing)
        if (wide == missing).to_numpy().any():
            states = states + [missing]
    colours = group_colours([s for s in states if s != missing], palette)
    if missing is not None:
        colours[missing] = _MISSING_COLOUR
    n_units = len(wide)
    gap = max(n_units * 0.04, 0.1)
    width = 0.16
    with mpl.rc_context(_RC):
        ax = _axes(ax, (2.0 + 2.2 * len(times), 3.2 + 0.15 * len(states)))
        spans: dict[tuple[int, object], list[float]] = {}  # (time index, state) -> [bottom, top]
        for i, t in enumerate(times):
            counts = wide[t].value_counts()
            top = n_units + gap * (len(states) - 1)
            for s in states:
                c = int(counts.get(s, 0))
                if c == 0:
                    continue
                spans[(i, s)] = [top - c, top]
                rect = Rectangle((i - width / 2, top - c), width, c, facecolor=colours[s], edgecolor="white", gid=f"bar|{t}|{s}")
                ax.add_patch(rect)
                if c >= 0.06 * n_units:
                    ax.text(i, top - c / 2, str(c), ha="center", va="center", fontsize=9,
                            color="white" if s != missing else "black", fontweight="bold")
                else:  # too thin to hold its count: write it beside the bar
                    _value_label(ax, i - width / 2, top - c / 2, str(c), side=-1, fontsize=8)
                top -= c + gap
        for i in range(len(times) - 1):
            pairs = wide[[times[i], times[i + 1]]].dropna()
            flows = pairs.groupby([times[i], times[i + 1]], sort=False, observed=True).size()
            out_cursor = {s: spans[(i, s)][1] for s in states if (i, s) in spans}
            in_cursor = {s: spans[(i + 1, s)][1] for s in states if (i + 1, s) in spans}
            for a in states:
                for b in states:
                    c = int(flows.get((a, b), 0))
                    if c == 0:
                        continue
                    # Stack bands within a bar in state order, so they do not cross inside it.
                    y0_top, y1_top = out_cursor[a], _in_top(in_cursor, b, a, flows, states)
                    xs, upper = _smooth(i + width / 2, i + 1 - width / 2, y0_top, y1_top)
                    _, lower = _smooth(i + width / 2, i + 1 - width / 2, y0_top - c, y1_top - c)
                    band = ax.fill_between(xs, lower, upper, color=colours[a], alpha=0.45, linewidth=0)
                    band.set_gid(f"flow|{times[i]}|{a}|{b}")
                    out_cursor[a] -= c
        ax.set_xlim(-0.5, len(times) - 0.5)
        ax.set_ylim(0, n_units + gap * (len(states) - 1) * 1.02)
        ax.set_xticks(range(len(times)), [_wrap(t, 20) for t in times])
        ax.set_yticks([])
        ax.spines[["left", "top", "right"]].set_visible(False)
        ax.set_xlabel(_label(time))
        handles = [Patch(facecolor=colours[s], label=_wrap(s, 24)) for s in states]
        ax.legend(handles=handles, title=_label(state), loc="upper left", bbox_to_anchor=(1.0, 1.0))
        # a thin state's count is taller than its bar: at the bottom of the stack it hung below the axis, on the ticks
        _fit_labels(ax, axis="y")
        _fit_labels(ax, axis="x")
    return ax


def _in_top(in_cursor: dict, b: object, a: object, flows: pd.Series, states: list) -> float:
    """Top of the band a -> b on bar b: below the bands from states before a."""
    above = sum(int(flows.get((s, b), 0)) for s in states[: states.index(a)])
    return in_cursor[b] - above


#: The legend's words for a forest plot's row drawn without an interval (its ``ci_low`` or ``ci_high`` missing).
NO_INTERVAL = "No interval given: the estimate alone"


def forest_plot(
    data: pd.DataFrame,
    *,
    label: str,
    estimate: str,
    ci_low: str,
    ci_high: str,
    null: float | None = 0.0,
    group: str | None = None,
    wrap: int = _WRAP,
    ax: Axes | None = None,
    level: str = "95%",
) -> Axes:
    """Forest plot: one row per effect, a point and its confidence interval.

    Parameters
    ----------
    data : DataFrame
        One row per effect, drawn top to bottom in data order.
    label, estimate, ci_low, ci_high : str
        Columns. A row whose interval is missing (NaN: :func:`impact.stats.compare_groups`
        gives none for a rank-biserial ``effect``; plot its ``difference`` and
        ``difference_ci_low``/``difference_ci_high`` instead) is drawn as an open circle alone,
        which the legend names (:data:`NO_INTERVAL`).
    null : float or None, default 0
        Reference line of no effect (1 for ratios); None draws none.
    group : str, optional
        Column that groups the rows (e.g. the impact): each group gets a bold
        heading line and its rows are labelled by ``label`` alone (e.g. the
        wave), which keeps labels short enough not to squeeze the plot.
    wrap : int, default 28
        Labels longer than this many characters are wrapped onto more lines.
    ax : Axes, optional
    level : str, default "95%"
        The intervals' confidence level, for the axis label: the intervals are
        drawn as given, so say "90%" for those of ``alpha=0.1``.

    Returns
    -------
    Axes

    Raises
    ------
    ValueError
        If an interval does not contain its estimate.

    Examples
    --------
    >>> df = pd.DataFrame({"impact": ["learning", "morale"], "effect": [0.3, -0.1],
    ...                    "ci_low": [0.1, -0.4], "ci_high": [0.5, 0.2]})
    >>> ax = forest_plot(df, label="impact", estimate="effect", ci_low="ci_low", ci_high="ci_high")
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['learning', 'morale']
    >>> df["wave"] = ["Early", "Later"]
    >>> ax = forest_plot(df, label="wave", group="impact", estimate="effect", ci_low="ci_low", ci_high="ci_high")
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['learning', 'Early', 'morale', 'Later']
    """
    fn = "forest_plot"
    _check_data(data, fn, label=label, estimate=estimate, ci_low=ci_low, ci_high=ci_high, group=group)
    est = pd.to_numeric(data[estimate], errors="coerce").to_numpy(float)
    lo = pd.to_numeric(data[ci_low], errors="coerce").to_numpy(float)
    hi = pd.to_numeric(data[ci_high], errors="coerce").to_numpy(float)
    with np.errstate(invalid="ignore"):
        bad = np.flatnonzero((lo > est) | (est > hi))
    if len(bad):
        rows = [f"{data[label].iloc[k]!s}: {lo[k]:g} to {hi[k]:g} around {est[k]:g}" for k in bad[:5]]
        raise ValueError(f"{fn}(): each interval must contain its estimate (`ci_low` <= `estimate` <= `ci_high`), but {rows}.")
    # Lines top to bottom: (text, row index or None for a group heading).
    lines: list[tuple[str, int | None]] = []
    if group is None:
        lines = [(_wrap(v, wrap), k) for k, v in enumerate(data[label])]
    else:
        groups = data[group].tolist()
        for g in _order(data[group]):
            lines.append((_wrap(g, wrap), None))
            lines += [(_wrap(v, wrap), k) for k, v in enumerate(data[label]) if groups[k] == g]
    heights = [t.count("\n") + 1 for t, _ in lines]
    pos = np.cumsum([0.0] + [0.5 * (a + b) for a, b in zip(heights, heights[1:], strict=False)])
    pos = pos.max() - pos if len(pos) else pos
    at = {k: pos[i] for i, (_, k) in enumerate(lines) if k is not None}
    y = np.array([at[k] for k in range(len(data))]) if len(data) else np.array([])
    with mpl.rc_context(_RC):
        ax = _axes(ax, (6.5, 1.0 + 0.3 * sum(heights)))
        if null is not None:
            ax.axvline(null, color="#505A5F", linestyle="--", linewidth=1, zorder=1)
        # a row with an estimate and no interval was a filled point like every other, said nowhere (newuser6): it is
        # an open circle, and the legend says it has no interval
        alone = np.isfinite(est) & ~(np.isfinite(lo) & np.isfinite(hi))
        ax.errorbar(est[~alone], y[~alone], xerr=np.vstack([est - lo, hi - est])[:, ~alone], fmt="o",
                    color=OKABE_ITO[0], ecolor=OKABE_ITO[0], elinewidth=1.6, capsize=3, markersize=6, zorder=2)
        if alone.any():
            ax.plot(est[alone], y[alone], linestyle="none", marker="o", markersize=6, markerfacecolor="white",
                    markeredgecolor=OKABE_ITO[0], markeredgewidth=1.6, zorder=3, label=NO_INTERVAL)
            ax.legend(loc="best", frameon=False, fontsize="small")
        ax.set_yticks(pos, [t for t, _ in lines])
        for tick, (_, k) in zip(ax.get_yticklabels(), lines, strict=True):
            if k is None:
                tick.set_fontweight("bold")
        ax.tick_params(axis="y", length=0)
        top = pos.max() if len(pos) else 0
        ax.set_ylim(-0.7, top + 0.7)
        ax.set_xlabel(f"{_label(estimate)} and {level} interval")
        ax.grid(axis="x", color="#E5E5E5", linewidth=0.8)
        ax.set_axisbelow(True)
    return ax


def _as_float(values: pd.Series | np.ndarray) -> np.ndarray:
    series = pd.Series(values)
    if pd.api.types.is_datetime64_any_dtype(series.dtype):
        return mpl.dates.date2num(series.to_numpy())
    return pd.to_numeric(series, errors="coerce").to_numpy(float)


def trend_plot(
    data: pd.DataFrame,
    *,
    x: str,
    y: str,
    hue: str,
    events: pd.DataFrame | None = None,
    event_x: str | None = None,
    event_label: str = "label",
    review_dates: Sequence | pd.Series | None = None,
    hue_order: Sequence | None = None,
    palette: Mapping | Sequence | None = None,
    legend: bool = True,
    ax: Axes | None = None,
) -> Axes:
    """Lines of an indicator over time, one per ``hue`` level, with event markers.

    Parameters
    ----------
    data : DataFrame
        One row per ``hue`` x ``x``; missing ``y`` (suppressed values) leaves a gap.
    x, y, hue : str
        Columns: time (dates or numbers), value, line (e.g. council).
    events : DataFrame, optional
        Events to mark (e.g. review dates, Ofsted judgements).  With a ``hue``
        column, each event is a diamond on that line (at the interpolated
        value); without one, a dashed vertical line across the plot.
    event_x : str, optional
        Column of ``events`` with the time; defaults to ``x``.
    event_label : str, default "label"
        Column of ``events`` with the text shown for vertical-line events.
    review_dates : sequence of dates, optional
        When the peer reviews happened (e.g. ``study.reviews["end_date"]``):
        a tick for each along the foot of the plot and the span from the
        first to the last shaded, labelled "Peer reviews (n)" in the legend.
        Same type as ``x`` (dates, or numbers such as years).
    hue_order : sequence, optional
        Order of the lines in the legend (default: categories, status order,
        or order of appearance).
    palette : dict or list, optional
        Colours of the lines (default: :func:`group_colours`, so status
        groups have the same colours in every figure).
    legend : bool, default True
        Draw the legend (off when the caller draws one for several plots).
    ax : Axes, optional

    Returns
    -------
    Axes

    Examples
    --------
    >>> df = pd.DataFrame({"year": [2011, 2012, 2013] * 2, "rate": [40.0, 42.0, 38.0, 50.0, 47.0, 45.0],
    ...                    "council": ["301"] * 3 + ["302"] * 3})
    >>> ev = pd.DataFrame({"year": [2012.5], "council": ["301"]})
    >>> ax = trend_plot(df, x="year", y="rate", hue="council", events=ev)
    >>> [line.get_label() for line in ax.get_lines()][:2]
    ['301', '302']
    >>> ax = trend_plot(df, x="year", y="rate", hue="council", review_dates=[2011.4, 2011.9, 2012.2])
    >>> [p.get_label() for p in ax.patches if p.get_gid() == "reviews"]
    ['Peer reviews (3)']
    """
    fn = "trend_plot"
    _check_data(data, fn, x=x, y=y, hue=hue)
    _check_unique(data, [hue, x], fn)
    ex = event_x or x
    if events is not None:
        if not isinstance(events, pd.DataFrame):
            raise TypeError(f"`events` of {fn}() must be a pandas DataFrame, but {type(events).__name__} was passed.")
        per_line = hue in events.columns
        needed = {"event_x": ex} if per_line else {"event_x": ex, "event_label": event_label}
        missing_cols = [f"`{k}`={v!r}" for k, v in needed.items() if v not in events.columns]
        if missing_cols:
            raise ValueError(f"{fn}(): {', '.join(missing_cols)} not a column of `events`; the columns are {list(events.columns)}.")
    levels = _order(data[hue], hue_order)
    colours = group_colours(levels, palette)
    with mpl.rc_context(_RC):
        own = ax is None
        ax = _axes(ax, (7.0, 3.8))
        if review_dates is not None:
            _mark_reviews(ax, review_dates)
        lines = {}
        for level in levels:
            sub = data.loc[data[hue] == level].sort_values(x)
            (line,) = ax.plot(sub[x].to_numpy(), pd.to_numeric(sub[y], errors="coerce").to_numpy(float),
                              marker="o", markersize=4, color=colours[level], label=str(level))
            lines[level] = sub
        if events is not None and hue in events.columns:
            for _, event in events.iterrows():
                level = event[hue]
                if level not in lines:
                    continue
                sub = lines[level]
                xs, ys = _as_float(sub[x]), pd.to_numeric(sub[y], errors="coerce").to_numpy(float)
                ok = ~np.isnan(ys)
                at = _as_float(pd.Series([event[ex]]))[0]
                y_at = np.interp(at, xs[ok], ys[ok]) if ok.any() else np.nan
                ax.plot([event[ex]], [y_at], marker="D", markersize=8, color=colours[level],
                        markeredgecolor="black", linestyle="none", label="_event", gid=f"event|{level}")
            ax.plot([], [], marker="D", color="white", markeredgecolor="black", linestyle="none", label="event")
        elif events is not None:
            for _, event in events.iterrows():
                ax.axvline(event[ex], color="#505A5F", linestyle="--", linewidth=1, gid=f"event|{event[event_label]}")
                ax.annotate(str(event[event_label]), xy=(event[ex], 1.0), xycoords=("data", "axes fraction"),
                            xytext=(2, -2), textcoords="offset points", rotation=90, va="top", fontsize=8, color="#505A5F")
        ax.set_xlabel(_label(x))
        ax.set_ylabel(_wrap(_label(y), 34))
        ax.grid(axis="y", color="#E5E5E5", linewidth=0.8)
        if legend and len(levels) <= 12:
            _legend_under(ax, title=_label(hue), grow=own)
    return ax


def _mark_reviews(ax: Axes, review_dates) -> None:
    """Ticks along the foot of the plot at each review date, and the span of the reviews shaded."""
    dates = pd.Series(list(review_dates)).dropna()
    if dates.empty:
        return
    values = dates.sort_values().tolist()
    span = ax.axvspan(values[0], values[-1], color="#D9D9D9", alpha=0.45, linewidth=0, zorder=0,
                      label=f"Peer reviews ({len(values)})")
    span.set_gid("reviews")
    ticks = ax.plot(values, [0.0] * len(values), transform=ax.get_xaxis_transform(), marker="|", markersize=9,
                    color="#505A5F", linestyle="none", label="_reviews", clip_on=False, zorder=3)
    ticks[0].set_gid("review-ticks")


def bar_counts(
    data: pd.DataFrame,
    *,
    x: str,
    hue: str | None = None,
    count: str | None = None,
    order: Sequence | None = None,
    hue_order: Sequence | None = None,
    palette: Mapping | Sequence | None = None,
    orient: Literal["h", "v"] = "h",
    ax: Axes | None = None,
) -> Axes:
    """Bar chart of counts, for describing the sample (councils by status, interviews by role).

    Parameters
    ----------
    data : DataFrame
        One row per thing counted, or one row per category when ``count`` is given.
    x : str
        Category column.
    hue : str, optional
        Second category: bars side by side within each ``x``.
    count : str, optional
        Column of counts already made; without it the rows are counted.
    order : sequence, optional
        Order of the ``x`` categories (default: data order).
    hue_order : sequence, optional
        Order of the ``hue`` levels (default: categories, status order, or
        order of appearance).
    palette : dict or list, optional
        Colours of the ``hue`` levels (default: :func:`group_colours`).
    orient : {"h", "v"}, default "h"
        Horizontal bars keep long labels readable (they are wrapped too).
    ax : Axes, optional

    Returns
    -------
    Axes
        Each bar is labelled with its count.

    Examples
    --------
    >>> df = pd.DataFrame({"role": ["officer", "partner", "officer", "lead_member"]})
    >>> ax = bar_counts(df, x="role")
    >>> [int(p.get_width()) for p in ax.patches]
    [2, 1, 1]
    """
    fn = "bar_counts"
    _check_data(data, fn, x=x, hue=hue, count=count)
    if orient not in ("h", "v"):
        raise ValueError(not_one_of("orient", orient, ["h", "v"]))
    keys = [x] if hue is None else [x, hue]
    weights = pd.to_numeric(data[count], errors="coerce").fillna(0) if count else pd.Series(1, index=data.index)
    frame = pd.DataFrame({k: data[k].to_numpy() for k in keys} | {"_n": weights.to_numpy()})
    totals = frame.groupby(keys, sort=False, dropna=False, observed=True)["_n"].sum()
    cats = list(order) if order is not None else _order(data[x])
    hues = [None] if hue is None else _order(data[hue], hue_order)
    colours = [OKABE_ITO[0]] if hue is None else list(group_colours(hues, palette).values())
    thickness = 0.8 / len(hues)
    with mpl.rc_context(_RC):
        long = orient == "h"
        own = ax is None
        ax = _axes(ax, (6.0, 1.0 + 0.35 * len(cats) * len(hues)) if long else (1.5 + 0.6 * len(cats) * len(hues), 3.5))
        pos = np.arange(len(cats), dtype=float)
        for k, level in enumerate(hues):
            key = (lambda c: c) if hue is None else (lambda c, level=level: (c, level))
            values = [totals.get(key(c), 0) for c in cats]
            offset = (k - (len(hues) - 1) / 2) * thickness
            draw = ax.barh if long else ax.bar
            bars = draw(pos + offset, values, thickness, color=colours[k], label=None if hue is None else str(level))
            ax.bar_label(bars, labels=[f"{v:,.0f}" for v in values], padding=2, fontsize=9)
        ticks = [_wrap(c, _WRAP if long else 16) for c in cats]
        what = _label(count) if count else "Number"
        if long:
            ax.set_yticks(pos, ticks)
            ax.invert_yaxis()
            ax.set_xlabel(what)
            ax.set_ylabel(_label(x))
        else:
            ax.set_xticks(pos, ticks)
            ax.set_ylabel(what)
            ax.set_xlabel(_label(x))
        ax.margins(**({"x": 0.1} if long else {"y": 0.1}))
        if hue is not None:
            _legend_under(ax, title=_label(hue), grow=own)
        _fit_labels(ax, axis="x" if long else "y")
    return ax


def indicator_small_multiples(
    data: pd.DataFrame,
    *,
    measure: str,
    x: str,
    y: str,
    hue: str,
    review_dates: Sequence | pd.Series | None = None,
    order: Sequence | None = None,
    hue_order: Sequence | None = None,
    palette: Mapping | Sequence | None = None,
    vocabulary: Vocabulary | None = None,
    ncols: int = 2,
    panel_size: tuple[float, float] = (3.6, 2.5),
) -> MplFigure:
    """One small trend plot per indicator, in a grid, so every measure gets a figure.

    Each panel is a :func:`trend_plot` of one ``measure`` with its own
    y-axis, titled by the measure's label and unit ("Children in need (per
    10,000 children)"); lines and colours are the same in every panel, with
    one legend below the grid; review dates, if given, are marked in each.

    Parameters
    ----------
    data : DataFrame
        Long: one row per ``measure`` x ``hue`` x ``x``.
    measure, x, y, hue : str
        Columns: the indicator id, time, value, line (e.g. status group).
    review_dates : sequence, optional
        See :func:`trend_plot`.
    order : sequence, optional
        Order of the panels (default: categories or order of appearance).
    hue_order, palette
        See :func:`trend_plot`.
    vocabulary : Vocabulary, optional
        Labels of the measures (default: the built-in vocabulary).
    ncols : int, default 2
        Panels per row.
    panel_size : (width, height), default (3.6, 2.5)
        Inches per panel.

    Returns
    -------
    matplotlib.figure.Figure
        Not attached to pyplot (nothing to close); its axes are ``fig.axes``.

    Raises
    ------
    ValueError
        If a column is missing, ``ncols`` is not a positive whole number, or
        a measure has two rows for the same line and time.

    Examples
    --------
    >>> df = pd.DataFrame({"measure": ["cin_rate"] * 4 + ["sw_turnover_pct"] * 4, "year": [2011, 2012] * 4,
    ...                    "status": (["Not in intervention"] * 2 + ["In intervention"] * 2) * 2,
    ...                    "mean": [320.0, 330.0, 360.0, 350.0, 15.0, 16.0, 18.0, 17.0]})
    >>> fig = indicator_small_multiples(df, measure="measure", x="year", y="mean", hue="status")
    >>> [ax.get_title() for ax in fig.axes]
    ['Children in need (per 10,000 children)', 'Social worker turnover (%)']
    """
    fn = "indicator_small_multiples"
    _check_data(data, fn, measure=measure, x=x, y=y, hue=hue)
    if isinstance(ncols, bool) or not isinstance(ncols, int) or ncols < 1:
        raise ValueError(f"{fn}(): `ncols` must be a whole number of at least 1, but {ncols!r} was passed.")
    _check_unique(data, [measure, hue, x], fn)
    vocabulary = vocabulary or DEFAULT_VOCABULARY
    measures = _order(data[measure], order)
    levels = _order(data[hue], hue_order)
    colours = group_colours(levels, palette)
    n = max(len(measures), 1)
    cols = min(ncols, n)
    rows = -(-n // cols)
    fig = MplFigure(figsize=(panel_size[0] * cols, panel_size[1] * rows + 0.6), layout="constrained")  # see _legend_below
    axes = fig.subplots(rows, cols, squeeze=False).ravel()
    with mpl.rc_context(_RC):
        for ax, m in zip(axes, measures, strict=False):
            sub = data[data[measure] == m]
            trend_plot(sub, x=x, y=y, hue=hue, review_dates=review_dates, hue_order=levels, palette=colours,
                       legend=False, ax=ax)
            ax.set_title(_wrap(vocabulary.column(m).header, 40), fontsize=10)
            ax.set_xlabel("")
            ax.set_ylabel(_label(y))
            _few_time_ticks(ax, sub[x])
        for ax in axes[len(measures):]:
            fig.delaxes(ax)
        handles = [Line2D([], [], color=colours[v], marker="o", markersize=4, label=str(vocabulary.value(hue, v)))
                   for v in levels]
        if review_dates is not None and len(pd.Series(list(review_dates)).dropna()):
            handles.append(Patch(facecolor="#D9D9D9", label="Peer reviews (ticks: each review)"))
        _legend_below(fig, handles, title=vocabulary.column(hue).header, panels_height=panel_size[1] * rows)
    return fig


def _legend_below(fig: MplFigure, handles: list, *, title: str, panels_height: float, most_columns: int = 4) -> None:
    """One legend for a grid of panels, below them, as wide as the figure at most, its height added to the figure's.

    The legend takes as many columns (up to ``most_columns``) as fit the figure's width; where one column is too
    wide, its labels are wrapped until it fits.  The figure is then made taller by the legend's height, so the
    panels keep ``panels_height`` inches whatever the number or length of the labels: a legend wider than the
    figure widened the saved image (``bbox_inches="tight"``) and so shrank every panel on the page, and a tall one
    took its height from the panels.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    if not handles:
        return
    renderer = FigureCanvasAgg(MplFigure(dpi=fig.dpi)).get_renderer()
    width = fig.get_figwidth() * fig.dpi * 0.98

    def place(columns: int):
        return fig.legend(handles=handles, loc="outside lower center", ncols=columns, frameon=False,
                          title=title, fontsize=9)

    legend = _legend_columns(place, handles, fits=lambda leg: leg.get_window_extent(renderer).width <= width,
                             most_columns=most_columns)
    fig.set_figheight(panels_height + legend.get_window_extent(renderer).height / fig.dpi + 0.35)


def _legend_columns(place, handles: list, *, fits, most_columns: int = 4):
    """The legend ``place(columns)`` makes with as many columns (up to ``most_columns``) as ``fits`` its window
    extent; where one column does not fit, its labels wrapped until it does (at 10 characters a line at the least).

    The rule of :func:`_legend_below` and :func:`_legend_under`: a long legend is made taller, never wider than its
    room. ``place`` draws the legend (its handles' labels as set) and returns it; a legend that does not fit is removed
    before the next try. Returns the legend kept.
    """
    labels = [h.get_label() for h in handles]
    longest = max((len(t) for t in labels), default=1)
    tries = [(c, None) for c in range(min(len(handles), most_columns), 0, -1)]
    tries += [(1, w) for w in range(longest - 1, 9, -1)]
    for columns, wrap in tries:
        for h, text in zip(handles, labels, strict=True):
            h.set_label(text if wrap is None else _wrap(text, wrap))
        legend = place(columns)
        if fits(legend) or (columns, wrap) == tries[-1]:
            return legend
        legend.remove()
    return None


def _legend_under(ax: Axes, *, title: str, grow: bool = False, most_columns: int = 4) -> None:
    """The legend of a single plot below it (under its tick labels and axis label), centred on the axes.

    A legend beside the axes ("upper left" at the right edge) took its width from the plotting area, so long labels
    (a status group "Not in intervention at any wave", six councils' names) left a narrow plot. Below, it takes as
    many columns as fit the room the figure leaves about the axes' centre, and its labels are wrapped where one column
    does not fit (:func:`_legend_columns`, the rule of :func:`_legend_below` for a grid). It is placed a fixed
    distance in points below the axes' own decorations, so a layout engine that resizes the axes keeps it clear of
    them, and counts it in the figure's layout (constrained layout makes room for it). With ``grow`` (a figure the
    plot made itself) the figure is made taller by the legend's height, so the plot keeps its own.
    """
    handles, _ = ax.get_legend_handles_labels()
    if not handles:
        return
    fig = ax.figure
    renderer = fig._get_renderer()
    engine = fig.get_layout_engine()
    if engine is not None:
        engine.execute(fig)
    box = ax.get_window_extent(renderer)
    below = box.y0 - min(ax.xaxis.get_tightbbox(renderer).y0, box.y0)  # tick labels and axis label, in pixels
    drop = (below / fig.dpi * 72.0) + 4.0
    anchor = offset_copy(ax.transAxes, fig=fig, x=0.0, y=-drop, units="points")
    fig_box = fig.bbox
    centre = (box.x0 + box.x1) / 2
    room = 2 * min(centre - fig_box.x0, fig_box.x1 - centre) * 0.98

    def place(columns: int):
        return ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0.0), bbox_transform=anchor,
                         ncols=columns, title=title, frameon=False, borderaxespad=0.0)

    legend = _legend_columns(place, handles, fits=lambda leg: leg.get_window_extent(renderer).width <= room,
                             most_columns=most_columns)
    if grow:
        fig.set_figheight(fig.get_figheight() + (legend.get_window_extent(renderer).height + drop) / fig.dpi)


def _few_time_ticks(ax: Axes, values: pd.Series, most: int = 5) -> None:
    """At most ``most`` year ticks on a time axis (a small panel cannot hold one per year)."""
    import matplotlib.dates as mdates

    if pd.api.types.is_datetime64_any_dtype(values):
        years = values.dt.year.dropna()
        span = int(years.max() - years.min()) + 1 if len(years) else 1
        ax.xaxis.set_major_locator(mdates.YearLocator(base=max(1, -(-span // most))))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    elif pd.api.types.is_numeric_dtype(values):
        from matplotlib.ticker import MaxNLocator

        ax.xaxis.set_major_locator(MaxNLocator(nbins=most, integer=True))

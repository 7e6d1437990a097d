"""A figure's alternative text as the Word report and the web page give it: the author's sentence, then what the
figure draws, read from the figure itself.

A figure's ``alt_text`` is written once, where the figure is made, and said the same of every study: "Heatmap: rows
are impacts, columns are wave and intervention status". A screen-reader user heard which kind of chart it was, never
which impacts, waves, groups or measure it showed. :func:`figure_description` reads them off the drawn figure (each
panel's kind of chart, its title, the measure and scale of each axis, the categories along it, the series in its
legend, the colour scale), so the alternative text is true of the figure whatever the study, and as neutral: it names
what is shown, never a value or what the values say.
"""

from __future__ import annotations

import re

from matplotlib.axes import Axes
from matplotlib.collections import QuadMesh
from matplotlib.container import BarContainer, ErrorbarContainer
from matplotlib.figure import Figure as MplFigure
from matplotlib.ticker import NullFormatter

from ._model import Figure

__all__ = ["figure_alt_text", "figure_description"]

#: Categories named along an axis before the rest are counted ("and 14 more").
_MOST_NAMED = 40


def _text(text: str) -> str:
    """A label as one line of plain text: its line breaks and runs of spaces one space."""
    # (a negative number with the hyphen-minus the report prints: matplotlib labels a tick with U+2212 outside the
    # rendering's settings, impact.report._images.rasterise)
    return re.sub(r"\s+", " ", str(text)).strip().replace("\u2212", "-")


def _listed(items: list[str]) -> str:
    """Items in a sentence, separated by semicolons (a label may hold a comma of its own), the first _MOST_NAMED."""
    shown = items[:_MOST_NAMED]
    more = len(items) - len(shown)
    return "; ".join(shown) + (f"; and {more} more" if more else "")


def _kind(ax: Axes) -> str | None:
    """What ``ax`` draws: a heat map, bars, points with intervals or lines; None where nothing of those."""
    if ax.images or any(isinstance(c, QuadMesh) for c in ax.collections):
        return "heat map"
    bars = [c for c in ax.containers if isinstance(c, BarContainer)]
    if bars:
        return "horizontal bars" if any(getattr(c, "orientation", None) == "horizontal" for c in bars) or all(
            p.get_height() < p.get_width() for c in bars for p in c.patches) else "vertical bars"
    if any(isinstance(c, ErrorbarContainer) for c in ax.containers):
        return "points with intervals"
    if any(len(line.get_xdata()) > 1 and line.get_linestyle() not in ("None", "none", "", " ") for line in ax.lines):
        return "lines"
    if ax.lines or ax.collections:
        return "points"
    return None


def _axis(ax: Axes, which: str) -> str:
    """An axis of ``ax`` as a reader sees it: its label (the measure), and the categories along it or the first and
    last numbers of its scale; empty where it shows neither."""
    axis = ax.xaxis if which == "x" else ax.yaxis
    label = _text(axis.get_label().get_text())
    formatter = axis.get_major_formatter()
    lo, hi = sorted(axis.get_view_interval())
    slack = (hi - lo) * 1e-9
    # (the locator's ticks run past the view; only those within it are drawn)
    labels = [_text(t.get_text()) for t, at in zip(axis.get_majorticklabels(), axis.get_majorticklocs(), strict=False)
              if t.get_visible() and lo - slack <= at <= hi + slack]
    # (a run of the same label is one category: a label repeated apart, as a wave under each impact, is said again)
    labels = [t for k, t in enumerate(labels) if t and (k == 0 or t != labels[k - 1])]
    if isinstance(formatter, NullFormatter) or not labels:
        return label
    numeric = all(re.fullmatch(r"[-+\u2212]?[\d.,]+%?", t) for t in labels)
    if numeric:
        scale = f"scale {labels[0]} to {labels[-1]}" if len(labels) > 1 else f"marked at {labels[0]}"
        return f"{label} ({scale})" if label else scale
    named = f"{len(labels)} categories: {_listed(labels)}" if len(labels) > 1 else labels[0]
    return f"{label} ({named})" if label else named


def _legend(ax_or_fig) -> str:
    legend = ax_or_fig.get_legend() if isinstance(ax_or_fig, Axes) else None
    legends = [legend] if legend is not None else list(getattr(ax_or_fig, "legends", []))
    found = []
    for leg in legends:
        title = _text(leg.get_title().get_text())
        names = [_text(t.get_text()) for t in leg.get_texts() if _text(t.get_text())]
        if names:
            found.append((f"{title}: " if title else "") + _listed(names))
    return "; ".join(found)


def _colour_scale(ax: Axes) -> str:
    """A colour bar's axis: its measure and scale."""
    bar = ax._colorbar
    which = "x" if getattr(bar, "orientation", "vertical") == "horizontal" else "y"
    return _axis(ax, which)


def figure_description(fig: MplFigure) -> str:
    """What ``fig`` draws, in sentences: each panel's kind of chart, title, axes (their measure, scale or categories)
    and series, and its colour scale, read from the figure's own artists.

    Examples
    --------
    >>> import matplotlib
    >>> fig = MplFigure()
    >>> ax = fig.add_subplot()
    >>> _ = ax.barh(["Early impact", "Longer-term change"], [3, 5], label="Not in intervention")
    >>> _ = ax.set_xlabel("Councils"); _ = ax.legend()
    >>> figure_description(fig)  # doctest: +NORMALIZE_WHITESPACE
    'Horizontal bars. Horizontal axis: Councils (scale 0 to 5). Vertical axis: 2 categories: Early impact;
    Longer-term change. Series: Not in intervention.'
    """
    bars = {id(ax): ax for ax in fig.axes if getattr(ax, "_colorbar", None) is not None}
    panels = [ax for ax in fig.axes if id(ax) not in bars and ax.get_visible() and (_kind(ax) or ax.get_title())]
    said = []
    for k, ax in enumerate(panels, start=1):
        kind = _kind(ax)
        head = f"Panel {k} of {len(panels)}" if len(panels) > 1 else ""
        title = _text(ax.get_title())
        opening = ", ".join(x for x in (head, f"'{title}'" if title else "", kind or "") if x)
        parts = [opening[:1].upper() + opening[1:]] if opening else []
        for which, name in (("x", "Horizontal axis"), ("y", "Vertical axis")):
            shown = _axis(ax, which)
            # a second row of labels along the axis (the waves under each wave's statuses): the groups of its categories
            groups = "; ".join(x for x in (_axis(child, which) for child in ax.child_axes) if x)
            shown = "; ".join(x for x in (shown, f"grouped under {groups}" if groups else "") if x)
            if shown:
                parts.append(f"{name}: {shown}")
        series = _legend(ax)
        if series:
            parts.append(f"Series: {series}")
        said.append(". ".join(parts) + ".")
    for ax in bars.values():
        scale = _colour_scale(ax)
        if scale:
            said.append(f"Colour scale: {scale}.")
    shared = _legend(fig)
    if shared:
        said.append(f"Series: {shared}.")
    return " ".join(said)


def figure_alt_text(figure: Figure, prose=str) -> str:
    """The alternative text of ``figure`` as the renderers give it: its own (``prose`` in the report's words), then
    what it draws (:func:`figure_description`)."""
    own = _text(prose(figure.alt_text))
    drawn = figure_description(figure.fig)
    if not drawn:
        return own
    return f"{own}{'' if own.endswith(('.', '!', '?')) else '.'} What the figure shows: {drawn}"

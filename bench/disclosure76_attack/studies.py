"""Disclosure round 76's studies (seeds 600000-699999, each checked unused with ``grep -rlw`` over the .py, .json,
.md and .csv files before any run), 5 to 40 councils, 2 to 5 waves, directions and attrition, built as rounds 65, 73
and 74 built theirs (planted coding, 199 resamples, seed 1, min count 5), with two records an intruder does not have,
written beside each bundle for the attack's checking alone (:mod:`bench.disclosure76_attack.channels`):

* ``ledger.json``: every count the report's :class:`~impact.privacy.DisclosureLedger` holds, its true value and
  whether it is hidden (the withheld cells every channel is checked against);
* ``figures.json``: what each figure plots, read from the matplotlib figure as the build hands it over to be saved
  (bar heights and widths, lines' and markers' points, interval ends, axis ranges and ticks, every text).

``python -m bench.disclosure76_attack.studies OUT [NAME ...]`` (OUT a folder of its own).
"""

from __future__ import annotations

import copy
import json
import pickle
import sys
from pathlib import Path

_SMALL = dict(interviews_per_wave=3, words_per_interview=150)

#: name -> (councils, seed, generator options)
STUDIES = {
    "v05dir": (5, 607605, dict(_SMALL, intervention_paths={"never": 0.4, "entered": 0.4, "direction": 0.2})),
    "v08five": (8, 612208, dict(_SMALL, waves=5, participant_dropout=0.25)),
    "v12two": (12, 619314, dict(_SMALL, waves=2, intervention_paths={"never": 0.7, "throughout": 0.3})),
    "v15four": (15, 623515, dict(_SMALL, waves=4, participant_dropout=0.2,
                                 intervention_paths={"never": 0.5, "entered_lifted": 0.3, "lifted": 0.2})),
    "v20dir": (20, 631920, dict(_SMALL, intervention_paths={"never": 0.7, "throughout": 0.15, "direction": 0.15})),
    "v25miss": (25, 647325, dict(_SMALL, participant_missing=0.2, council_missing=0.1)),
    "v40": (40, 664040, dict(interviews_per_wave=2, words_per_interview=120)),
}


def _plain(x):
    """``x`` as JSON can hold it (a ledger key is a tuple of strings and numbers)."""
    if isinstance(x, (list, tuple)):
        return [_plain(v) for v in x]
    if hasattr(x, "item"):
        return x.item()
    return x if isinstance(x, (int, float, str, bool)) or x is None else str(x)


def _artists(fig) -> dict:
    """What ``fig`` plots: every axes' ranges, ticks, bars, lines, collections and texts, and the figure's texts."""
    from matplotlib.collections import Collection
    from matplotlib.lines import Line2D
    from matplotlib.patches import Rectangle
    from matplotlib.text import Text

    axes = []
    for ax in fig.axes:
        a = {"title": ax.get_title(), "xlabel": ax.get_xlabel(), "ylabel": ax.get_ylabel(),
             "xlim": _plain(list(ax.get_xlim())), "ylim": _plain(list(ax.get_ylim())),
             "xticks": _plain(list(ax.get_xticks())), "yticks": _plain(list(ax.get_yticks())),
             "xticklabels": [t.get_text() for t in ax.get_xticklabels()],
             "yticklabels": [t.get_text() for t in ax.get_yticklabels()],
             "bars": [], "lines": [], "collections": [], "texts": [], "images": []}
        for p in ax.patches:
            if isinstance(p, Rectangle):
                a["bars"].append(_plain([p.get_x(), p.get_y(), p.get_width(), p.get_height()]))
        for ln in ax.get_lines():
            if isinstance(ln, Line2D):
                xy = ln.get_xydata()  # in the axes' units (dates as matplotlib's numbers)
                a["lines"].append({"label": ln.get_label(), "x": [float(v) for v in xy[:, 0]],
                                   "y": [float(v) for v in xy[:, 1]]})
        for c in ax.collections:
            if isinstance(c, Collection):
                segs = [s.tolist() for s in getattr(c, "get_segments", lambda: [])()]
                arr = c.get_array()
                a["collections"].append({"type": type(c).__name__, "offsets": c.get_offsets().tolist(),
                                         "segments": segs, "array": None if arr is None else _plain(
                                             [None if v is None else float(v) for v in arr.ravel().tolist()])})
        for im in ax.get_images():
            a["images"].append(_plain(im.get_array().filled(float("nan")).tolist()
                                      if hasattr(im.get_array(), "filled") else im.get_array().tolist()))
        for t in ax.findobj(Text):
            if t.get_text():
                a["texts"].append(t.get_text())
        if ax.get_legend() is not None:
            a["texts"] += [t.get_text() for t in ax.get_legend().get_texts()]
        axes.append(a)
    return {"texts": [t.get_text() for t in fig.texts if t.get_text()],
            "suptitle": fig._suptitle.get_text() if fig._suptitle is not None else "", "axes": axes}


def _picklable(led):
    """A shallow copy of ``led`` without the solvers it keeps (HiGHS objects, which do not pickle), with the ledger of
    the relations its decisions were not told of (:meth:`~impact.privacy.DisclosureLedger._audited`) alike."""
    out = copy.copy(led)
    out.__dict__ = {k: v for k, v in led.__dict__.items() if k not in ("_guess_memo", "_near")}
    out._near = (None,)
    if "_told" in led.__dict__:
        out._told = (led._told[0], _picklable(led._told[1]))
    return out


def build(out: Path, names=None) -> None:
    """Round 65's build of :data:`STUDIES` named in ``names`` (all where none), recording each bundle's ledger and
    figures beside it."""
    from matplotlib.figure import Figure

    import impact.report._build as b
    from bench.disclosure65_attack.studies import build as build65

    seen: dict = {"ctx": [], "figures": []}
    prepared, savefig = b._prepared, Figure.savefig

    def record_prepared(*a, **k):
        ctx = prepared(*a, **k)
        seen["ctx"].append(ctx)
        return ctx

    def record_savefig(self, fname, *a, **k):
        if k.get("format") == "png":
            seen["figures"].append(_artists(self))
        return savefig(self, fname, *a, **k)

    def after(name, folder):
        seen["ctx"].clear()
        seen["figures"].clear()

    b._prepared, Figure.savefig = record_prepared, record_savefig
    try:
        for name in (names or list(STUDIES)):
            build65(out, [name], STUDIES, after_save=after)
            led = seen["ctx"][-1].ledger
            hidden = {k for k in led.values if led.hidden(k)}
            rows = [{"key": _plain(k), "value": v, "hidden": k in hidden, "auxiliary": k in led.auxiliary,
                     "public": k in led.public} for k, v in led.values.items()]
            (out / name / "ledger.json").write_text(json.dumps(rows, indent=0))
            (out / name / "figures.json").write_text(json.dumps(seen["figures"], indent=0))
            with open(out / name / "ledger.pickle", "wb") as fh:  # the ledger itself, for the audits of channels.py
                pickle.dump(_picklable(led), fh)
    finally:
        b._prepared, Figure.savefig = prepared, savefig


if __name__ == "__main__":
    build(Path(sys.argv[1]), sys.argv[2:])

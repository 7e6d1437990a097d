"""Coverage of the indicators' intervals with the degrees of freedom capped at the contributing councils less two
(truth79).

``python -m bench.truth79_indicator_df --sizes 5 10 --studies 200 --name NAME --out bench`` writes
``<out>/NAME.json``.

truth77 found the status groups' rows at 5 councils whose t interval claimed more degrees of freedom than 5 councils
hold covering 86.2% and 91.9% (``bench/truth77_indicator_df.py``). truth79 caps the degrees of freedom of every
Welch-Satterthwaite interval of :mod:`impact.stats._staggered` at the councils contributing to it less two. This
run measures the coverage on fresh studies (seeds drawn from 600000-699999, none used before; the planted effects
rotate as in :mod:`bench.truth74_indicator_coverage`), with truth76's clustered interval. Run it once with the
package before the change and once after on the same seeds (``--name``) to compare; the rows keep their ``df`` and
interval width so the two runs can be joined row by row."""

from __future__ import annotations

import argparse
import json
import platform
import time
from pathlib import Path

import numpy as np
import pandas as pd

from bench.truth74_indicator_coverage import EFFECTS, _below_nominal, clustered, one_study

SEED_DRAW = 79079  # the draw of the studies' seeds only


def seeds_for(n: int, count: int, first: int = 0) -> list[int]:
    """``count`` seeds for studies of ``n`` councils, from 600000-699999 (a separate draw per size). The draw depends
    on ``first + count``: runs to be joined (:func:`compare`) pass the same ``--studies`` and ``--first``."""
    rng = np.random.default_rng([SEED_DRAW, n])
    return [int(s) for s in rng.choice(np.arange(600000, 700000), size=first + count, replace=False)[first:]]


def summarise(d: pd.DataFrame) -> dict:
    out = {}
    for n, g in d.groupby("n"):
        part = {"every row": clustered(g)}
        for group, h in g.groupby("group"):
            part[group] = clustered(h)
            part[group]["df above n - 2"] = int((h["df"] > h["n"] - 2).sum())
            part[group]["median width"] = round(float((h["ci_high"] - h["ci_low"]).median()), 4)
        part["below 95% beyond chance (Holm over the groups)"] = _below_nominal(
            {k: v for k, v in part.items() if k != "every row"})
        out[f"{n} councils"] = part
    return out


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[5, 10])
    ap.add_argument("--studies", type=int, default=200, help="studies per size")
    ap.add_argument("--first", type=int, default=0, help="studies of each size's seeds passed over")
    ap.add_argument("--out", type=Path, default=Path("bench/results"))
    ap.add_argument("--name", default="truth79_indicator_df")
    a = ap.parse_args(argv)
    rows, cpu = [], {}
    a.out.mkdir(parents=True, exist_ok=True)
    for n in a.sizes:
        t = time.process_time()
        for i, seed in enumerate(seeds_for(n, a.studies, a.first), start=a.first):
            rows += one_study(n, seed, EFFECTS[i % len(EFFECTS)])
            if i % 20 == 19:  # written as it goes: a run stopped early keeps its studies
                cpu[n] = round(time.process_time() - t, 1)
                (a.out / f"{a.name}.json").write_text(json.dumps(dict(
                    summary=summarise(pd.DataFrame(rows)), cpu_seconds_by_size=cpu, seed_draw=SEED_DRAW,
                    python=platform.python_version(), rows=rows), indent=1, default=float))
        cpu[n] = round(time.process_time() - t, 1)
    result = dict(summary=summarise(pd.DataFrame(rows)), cpu_seconds_by_size=cpu, seed_draw=SEED_DRAW,
                  python=platform.python_version(), rows=rows)
    (a.out / f"{a.name}.json").write_text(json.dumps(result, indent=1, default=float))
    return result


if __name__ == "__main__":
    print(json.dumps(main()["summary"], indent=1))


def compare(before: Path, after: Path) -> dict:
    """The rows of two runs on the same seeds (before and after the cap), joined on seed, group and measure: the
    coverage of each by size and group (truth76's clustered interval), the rows whose df the cap lowered and the
    ratio of their interval widths."""
    keys = ["n", "seed", "group", "measure"]
    b, a = (pd.DataFrame(json.loads(p.read_text())["rows"]) for p in (before, after))
    d = b.merge(a, on=keys, suffixes=("_before", "_after"))
    out = {}
    for (n, group), h in d.groupby(["n", "group"]):
        out.setdefault(f"{n} councils", {})[group] = _compared(h)
    for n, g in d.groupby("n"):
        out[f"{n} councils"]["every row"] = _compared(g)
    return dict(rows=len(d), studies=int(d["seed"].nunique()), by_size=out)


def _compared(h: pd.DataFrame) -> dict:
    lowered = h["df_after"] < h["df_before"] - 1e-9
    width = (h["ci_high_after"] - h["ci_low_after"]) / (h["ci_high_before"] - h["ci_low_before"])
    return dict(studies=int(h["seed"].nunique()),
                before=clustered(h.rename(columns={"covers_target_before": "covers_target"})),
                after=clustered(h.rename(columns={"covers_target_after": "covers_target"})),
                df_lowered=int(lowered.sum()), rows=len(h),
                width_ratio_where_lowered=dict(median=round(float(width[lowered].median()), 4),
                                               max=round(float(width[lowered].max()), 4)) if lowered.any() else None)

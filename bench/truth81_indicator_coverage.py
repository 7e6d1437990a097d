"""Coverage of the indicators' intervals after the review at few councils, on seeds no round used (truth81).

``python -m bench.truth81_indicator_coverage --sizes 5 --studies 300 --name NAME --out bench`` writes
``<out>/NAME.json`` (its rows kept); ``python -c "from bench.truth81_indicator_coverage import compact; ..."``
writes a run's summary and :func:`diagnostics` without the rows (bench/truth81_indicator_coverage_n5.json: 400 seeds
of 5 councils, 384 of which gave an interval, on integ73's head 77c8c060).

truth79 left open the rows of the councils *not in intervention* when reviewed at 5 councils: 93.4% of 287 rows
covered the change the estimator estimates (62 studies, bench/truth79_indicator_df.json). This run measures it on
more studies with seeds from 910000-999999 (a draw of its own per size, :data:`SEED_DRAW`, none of
bench/truth81_audit.py's), with :func:`bench.truth74_indicator_coverage.one_study` (the planted effects rotating
as there) and truth79's summary (truth76's clustered interval by group, each row's ``df`` kept)."""

from __future__ import annotations

import argparse
import json
import platform
import time
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats

from bench.truth74_indicator_coverage import EFFECTS, clustered, one_study
from bench.truth79_indicator_df import summarise

SEED_DRAW = 81081  # the draw of the studies' seeds only
LOW, HIGH = 910000, 1000000


def seeds_for(n: int, count: int, first: int = 0) -> list[int]:
    """``count`` seeds for studies of ``n`` councils from 910000-999999 (a separate draw per size)."""
    rng = np.random.default_rng([SEED_DRAW, n])
    return [int(s) for s in rng.choice(np.arange(LOW, HIGH), size=first + count, replace=False)[first:]]


def diagnostics(d: pd.DataFrame) -> dict:
    """Where the rows miss, by size and group: the coverage by degrees of freedom (rounded), by treated councils and
    by planted effect (truth76's clustered interval), and the share of rows whose target lies below and above the
    interval (the t quantile of the estimate's error over its standard error, the interval's half-width over the t
    critical value): equal tails too wide mean intervals too narrow, one tail a bias."""
    d = d.assign(se=(d["ci_high"] - d["ci_low"]) / (2 * stats.t.ppf(0.975, d["df"])))
    d = d.assign(u=stats.t.cdf((d["estimate"] - d["target"]) / d["se"], d["df"]), df_round=d["df"].round(0))
    out = {}
    for (n, group), g in d.groupby(["n", "group"]):
        part = dict(tails=dict(target_above_interval=round(float((g["u"] < 0.025).mean()), 4),
                               target_below_interval=round(float((g["u"] > 0.975).mean()), 4)))
        for col in ("df_round", "n_treated", "effect"):
            part[f"by {col}"] = {str(k): {x: clustered(h)[x] for x in ("studies", "rows", "coverage", "ci95_clustered")}
                                 for k, h in g.groupby(col) if h["seed"].nunique() > 1}
        out.setdefault(f"{n} councils", {})[group] = part
    return out


def compact(path: Path, out: Path) -> dict:
    """A run's summary and :func:`diagnostics` without its rows (the file kept in bench/)."""
    doc = json.loads(path.read_text())
    rows = pd.DataFrame(doc.pop("rows"))
    doc |= dict(studies=int(rows.groupby("n")["seed"].nunique().sum()), rows=len(rows), diagnostics=diagnostics(rows))
    out.write_text(json.dumps(doc, indent=1, default=float) + "\n")
    return doc


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[5])
    ap.add_argument("--studies", type=int, default=300, help="studies per size")
    ap.add_argument("--first", type=int, default=0, help="studies of each size's seeds passed over")
    ap.add_argument("--out", type=Path, default=Path("bench"))
    ap.add_argument("--name", default="truth81_indicator_coverage")
    a = ap.parse_args(argv)
    rows, cpu = [], {}
    a.out.mkdir(parents=True, exist_ok=True)

    def write() -> dict:
        doc = dict(summary=summarise(pd.DataFrame(rows)), cpu_seconds_by_size=cpu, seed_draw=SEED_DRAW,
                   seed_range=[LOW, HIGH - 1], python=platform.python_version(), rows=rows)
        (a.out / f"{a.name}.json").write_text(json.dumps(doc, indent=1, default=float))
        return doc

    for n in a.sizes:
        t = time.process_time()
        for i, seed in enumerate(seeds_for(n, a.studies, a.first), start=a.first):
            rows += one_study(n, seed, EFFECTS[i % len(EFFECTS)])
            cpu[n] = round(time.process_time() - t, 1)
            if i % 25 == 24:  # written as it goes: a run stopped early keeps its studies
                write()
    return write()


if __name__ == "__main__":
    print(json.dumps(main()["summary"], indent=1))

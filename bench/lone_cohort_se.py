"""Coverage of the staggered difference-in-differences interval when a cohort has one council (statistics round 13).

``python -m bench.lone_cohort_se --out bench/results`` writes ``<out>/lone_cohort_se.json``: null panels (no effect)
of 20 councils over 6 periods, council and period effects plus independent N(0, 1) noise, analysed with
:func:`impact.stats.staggered_did` (never-treated comparison) and its ``"simple"`` average; the share of 95% intervals
covering the true 0 and the mean standard error against the estimates' standard deviation, with the lone council's
variance borrowed from the comparison councils (the library) and without it (the standard error as it was: the
influence function alone, which has no variation of a cohort's only council). ``coverage`` is the library's interval
(t on the Welch-Satterthwaite degrees of freedom, statistics round 14, ``median_df`` their median); ``coverage_normal``
the same standard error with the normal quantile (the interval until round 14). Designs:

* ``lone_and_four``: cohorts first treated in period 3 (4 councils) and period 5 (1 council), 15 never treated;
* ``lone_only``: one council first treated in period 4, 19 never treated;
* ``no_lone``: cohorts of 4 and 3 councils (periods 3 and 5), 13 never treated: nothing borrowed, as before.
"""

from __future__ import annotations

import argparse
import json
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats

DESIGNS = {"lone_and_four": {3: 4, 5: 1}, "lone_only": {4: 1}, "no_lone": {3: 4, 5: 3}}


def panel(rng: np.random.Generator, cohorts: dict[int, int], n: int = 20, periods: int = 6) -> pd.DataFrame:
    first = np.full(n, np.nan)
    at = 0
    for g, size in cohorts.items():
        first[at:at + size] = g
        at += size
    unit, t = np.repeat(np.arange(n), periods), np.tile(np.arange(1, periods + 1), n)
    y = rng.normal(0, 1, n)[unit] + 0.3 * t + rng.normal(0, 1, n * periods)
    return pd.DataFrame({"unit": unit, "time": t, "y": y, "first": first[unit]})


def simulate(name: str, reps: int, seed: int) -> dict:
    from impact.stats import _staggered, staggered_did

    rng = np.random.default_rng(seed)
    rows = {"borrowed": [], "influence_only": []}
    real = _staggered._lone_variance
    for _ in range(reps):
        d = panel(rng, DESIGNS[name])
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            res = staggered_did(d, outcome="y", unit="unit", time="time", first_treated="first", n_bootstrap=0)
            for how in rows:
                _staggered._lone_variance = real if how == "borrowed" else (lambda *a: [])
                try:
                    o = res.aggregate("simple", n_permutations=0).overall.iloc[0]
                finally:
                    _staggered._lone_variance = real
                rows[how].append((o["estimate"], o["se"], o["ci_low"], o["ci_high"], o["df"]))
    out = {}
    for how, r in rows.items():
        a = np.array(r, dtype=float)
        covered = (a[:, 2] <= 0) & (0 <= a[:, 3])
        normal = np.abs(a[:, 0]) <= stats.norm.ppf(0.975) * a[:, 1]
        out[how] = {"coverage": float(covered.mean()), "mc_se": float(np.sqrt(covered.mean() * (1 - covered.mean()) / reps)),
                    "coverage_normal": float(normal.mean()), "median_df": float(np.median(a[:, 4])),
                    "mean_se": float(a[:, 1].mean()), "sd_estimate": float(a[:, 0].std(ddof=1))}
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="bench/results")
    parser.add_argument("--reps", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)
    start = time.process_time()
    result = {"reps": args.reps, "seed": args.seed, "level": 0.95,
              "designs": {name: simulate(name, args.reps, args.seed + i) for i, name in enumerate(DESIGNS)}}
    result["cpu_s"] = round(time.process_time() - start, 1)
    folder = Path(args.out)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "lone_cohort_se.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()

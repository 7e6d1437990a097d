"""How often intervals for the difference in councils' mean shares cover it when each council is interviewed once
to three times a wave, so that a council's share takes few values (0, 1/3, 1/2, 2/3, 1) and is heavily tied.

``python -m bench.tied_shares_coverage [--reps 2000] [--seed 12012] [--out bench/tied_shares_coverage.json]``
simulates studies of 5, 30 and 150 councils, 30% of them in intervention (2 of 5, 9 of 30, 45 of 150); each council
has its own probability of reporting the impact, ``p ~ Beta(mu * 4, (1 - mu) * 4)`` (councils differ a good deal),
is interviewed 1, 2 or 3 times (equally likely), and its share is ``Binomial(m, p) / m``. The estimand is the
difference in the groups' expected council shares, ``mu_b - mu_a``. For each interval it writes coverage (with its
exact binomial 95% interval), the share of intervals of zero width, and the median width, to JSON, with the mean
share of between-group differences that are 0 and the share of studies whose comparison ``difference="auto"``
publishes as a difference in means:

- ``hodges_lehmann``: the Hodges-Lehmann interval :func:`impact.stats.compare_groups` gave before (a different
  estimand, the median pairwise difference, shown for its zero-width intervals);
- ``welch``: Welch's t interval on the councils' shares (zero width when every council in both groups is tied);
- ``augmented_welch``: the interval the comparisons now publish for heavily tied shares
  (:func:`impact.stats._groups._mean_difference`): Welch's t interval with one council at 0 and one at 1 added to
  each group (Agresti & Caffo 2000 for shares of 0 and 1), its centre the shares' own mean difference;
- ``newcombe_councils``: Newcombe's hybrid score interval with each council's share counted as one Bernoulli trial.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from scipy import stats

from impact.stats._exact import _newcombe
from impact.stats._groups import (
    TIED_DIFFERENCES,
    _hl_rank,
    _mean_difference_arrays,
    _tied_differences,
    _welch_half,
)

SIZES = (5, 30, 150)
SCENARIOS = ((0.1, 0.1), (0.05, 0.2), (0.3, 0.45), (0.5, 0.5), (0.6, 0.8))
KAPPA, SHARE_IN = 4.0, 0.3


def shares(mu: float, n: int, reps: int, rng: np.random.Generator) -> np.ndarray:
    p = rng.beta(mu * KAPPA, (1 - mu) * KAPPA, size=(reps, n))
    m = rng.integers(1, 4, size=(reps, n))
    return rng.binomial(m, p) / m


def welch(a: np.ndarray, b: np.ndarray, alpha: float) -> tuple[np.ndarray, np.ndarray]:
    d, half = b.mean(axis=1) - a.mean(axis=1), _welch_half(a, b, alpha)
    return d - np.nan_to_num(half), d + np.nan_to_num(half)  # no variance anywhere: "0 to 0", as Welch gives


def hodges_lehmann(a: np.ndarray, b: np.ndarray, alpha: float) -> tuple[np.ndarray, np.ndarray]:
    diffs = np.sort((b[:, :, None] - a[:, None, :]).reshape(len(a), -1), axis=1)
    rank = _hl_rank(a.shape[1], b.shape[1], alpha)
    if rank < 1:
        return np.full(len(a), np.nan), np.full(len(a), np.nan)
    return diffs[:, rank - 1], diffs[:, diffs.shape[1] - rank]


def run(reps: int, seed: int, alpha: float = 0.05) -> list[dict]:
    rng = np.random.default_rng(seed)
    out = []
    for n in SIZES:
        nb = max(1, round(SHARE_IN * n))
        na = n - nb
        for mu_a, mu_b in SCENARIOS:
            a, b = shares(mu_a, na, reps, rng), shares(mu_b, nb, reps, rng)
            truth = mu_b - mu_a
            intervals = {
                "hodges_lehmann": hodges_lehmann(a, b, alpha),
                "welch": welch(a, b, alpha),
                "augmented_welch": _mean_difference_arrays(a, b, alpha)[1:],
                "newcombe_councils": _newcombe(b.sum(axis=1), nb, a.sum(axis=1), na, alpha),
            }
            zero = float(np.mean((b[:, :, None] == a[:, None, :]).mean(axis=(1, 2))))
            tied = np.array([_tied_differences(x, y) for x, y in zip(a, b)])
            row = {"councils": n, "n_a": na, "n_b": nb, "mu_a": mu_a, "mu_b": mu_b, "truth": truth,
                   "mean_zero_differences": round(zero, 3),
                   "share_published_as_mean": round(float(np.mean(tied >= TIED_DIFFERENCES)), 4), "reps": reps}
            for name, (low, high) in intervals.items():
                given = np.isfinite(low) & np.isfinite(high)
                k = int(((low[given] <= truth) & (truth <= high[given])).sum())
                ci = stats.binomtest(k, int(given.sum())).proportion_ci(method="exact") if given.any() else None
                row[name] = {"given": int(given.sum()), "coverage": round(k / given.sum(), 4) if given.any() else None,
                             "coverage_ci": [round(ci.low, 4), round(ci.high, 4)] if ci else None,
                             "zero_width": round(float(np.mean(high[given] - low[given] == 0)), 4) if given.any() else None,
                             "median_width": round(float(np.median(high[given] - low[given])), 3) if given.any() else None}
            out.append(row)
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=12012)
    parser.add_argument("--out", type=Path, default=Path("bench/tied_shares_coverage.json"))
    args = parser.parse_args(argv)
    rows = run(args.reps, args.seed)
    args.out.write_text(json.dumps({"reps": args.reps, "seed": args.seed, "kappa": KAPPA, "share_in": SHARE_IN,
                                    "results": rows}, indent=1) + "\n")
    for r in rows:
        print(r["councils"], r["mu_a"], r["mu_b"], r["mean_zero_differences"], r["share_published_as_mean"],
              *(f"{k}={r[k]['coverage']}/{r[k]['zero_width']}/{r[k]['median_width']}"
                for k in ("hodges_lehmann", "welch", "augmented_welch", "newcombe_councils")))


if __name__ == "__main__":
    main()

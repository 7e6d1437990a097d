"""Brute force of councils_needed's check past the last shortfall (statistics round 14).

``python -m bench.councils_needed_brute --out bench --cpu 120`` writes ``<out>/councils_needed_brute.json``: designs
drawn with a fixed seed (prevalence 0.01 to 0.3, differences 0.15 to 0.7, ratios n_b / n_a from 0.005 to 10, target
power 0.5 to 0.95, Fisher's exact test or its mid-p, alpha 0.05), and for each the exact power of every n_a from 1 to
twice the normal answer plus 120 (at most 700 and n_a n_b at most 1,000,000): the longest run of n reaching the
target followed by one falling short. :func:`impact.stats.councils_needed` checks ``_EXACT_RUN`` = 50 councils past the
last shortfall; a run longer than that before a dip would make its answer wrong. Small ratios are drawn often: n_b
then steps by one every 1 / ratio councils, the pattern most likely to give long runs.
"""

from __future__ import annotations

import argparse
import math
import time
from pathlib import Path

import numpy as np

from bench.councils_needed_sawtooth import write


def main(argv: list[str] | None = None) -> None:
    from statsmodels.stats.proportion import proportion_effectsize

    from impact.stats._power import _EXACT_RUN, _exact_power, _normal_n

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="bench/results")
    parser.add_argument("--cpu", type=float, default=120.0, help="CPU seconds to spend drawing designs")
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args(argv)
    rng = np.random.default_rng(args.seed)
    start, rows = time.process_time(), []
    while time.process_time() - start < args.cpu:
        a = float(rng.choice([0.01, 0.02, 0.05, 0.1, 0.2, 0.3]))
        b = min(0.99, a + float(rng.choice([0.15, 0.2, 0.3, 0.4, 0.5, 0.7])))
        ratio = float(rng.choice([0.005, 0.01, 0.02, 0.03, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0]))
        target, midp = float(rng.choice([0.5, 0.8, 0.9, 0.95])), bool(rng.integers(2))
        guess = _normal_n(abs(float(proportion_effectsize(b, a))), 0.05, target, ratio)
        top = min(2 * guess + 120, 700)
        if top * max(1, math.ceil(top * ratio)) > 1_000_000:
            continue
        ns = np.arange(1, top + 1)
        ok = np.array([_exact_power(a, b, int(n), max(1, math.ceil(n * ratio)), 0.05, midp) >= target for n in ns])
        longest = run = 0
        for reached in ok:
            if reached:
                run += 1
            else:
                longest, run = (max(longest, run) if run else longest), 0
        rows.append(dict(p_a=a, p_b=b, ratio=ratio, power=target, method="midp" if midp else "exact", top=int(top),
                         first_reaching=int(ns[ok][0]) if ok.any() else None,
                         stays_from=int(ns[~ok].max() + 1) if (~ok).any() else 1, longest_run_before_a_dip=longest))
    result = {"seed": args.seed, "exact_run": _EXACT_RUN, "designs": rows,
              "longest_run_before_a_dip": max(r["longest_run_before_a_dip"] for r in rows),
              "designs_with_a_run_longer_than_exact_run": sum(r["longest_run_before_a_dip"] > _EXACT_RUN for r in rows),
              "cpu_s": round(time.process_time() - start, 1)}
    write(result, Path(args.out) / "councils_needed_brute.json")


if __name__ == "__main__":
    main()

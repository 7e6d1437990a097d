"""How far past the first n reaching the target exact power falls short again (statistics round 13).

``python -m bench.councils_needed_sawtooth --out bench`` writes ``<out>/councils_needed_sawtooth.json``: designs
drawn with a fixed seed (prevalence 0.02 to 0.5, differences 0.06 to 0.15, ratios 0.2 to 3, power 0.8 or 0.9,
Fisher's exact test or its mid-p, normal answer from 30 councils up, n_a x n_b at most 60,000); for each, the exact
power of every n_a from 0.85 to 1.25 times the normal answer, and the longest run of n reaching the target that is
followed by one falling short (what :func:`impact.stats.councils_needed`'s check of ``_EXACT_RUN`` = 50 councils
past the last shortfall must exceed), and the distance from the first n reaching the target to the smallest from
which power stays there.
"""

from __future__ import annotations

import argparse
import json
import math
import time
from pathlib import Path

import numpy as np


def main(argv: list[str] | None = None) -> None:
    from statsmodels.stats.proportion import proportion_effectsize

    from impact.stats._power import _exact_power, _normal_n

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="bench/results")
    parser.add_argument("--designs", type=int, default=40)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args(argv)
    rng = np.random.default_rng(args.seed)
    start, rows = time.process_time(), []
    while len(rows) < args.designs:
        a = float(rng.choice([0.02, 0.05, 0.1, 0.2, 0.3, 0.5]))
        b = min(0.98, a + float(rng.choice([0.06, 0.08, 0.1, 0.12, 0.15])))
        ratio = float(rng.choice([0.2, 0.25, 0.3, 0.5, 1 / 3, 0.7, 1.5, 2.0, 3.0, 0.6, 1.25]))
        target, midp = float(rng.choice([0.8, 0.9])), bool(rng.integers(2))
        guess = _normal_n(abs(float(proportion_effectsize(b, a))), 0.05, target, ratio)
        if guess * math.ceil(guess * ratio) > 60_000 or guess < 30:
            continue
        ns = range(max(1, int(guess * 0.85)), int(guess * 1.25) + 1)
        ok = [_exact_power(a, b, n, max(1, math.ceil(n * ratio)), 0.05, midp) >= target for n in ns]
        longest = run = 0
        for i, reached in enumerate(ok):
            if reached:
                run += 1
            else:
                if run and any(ok[:i]):
                    longest = max(longest, run)
                run = 0
        first = next((n for n, r in zip(ns, ok) if r), None)
        short = [n for n, r in zip(ns, ok) if not r]
        stays = (max(short) + 1) if short else ns[0]
        rows.append(dict(p_a=a, p_b=b, ratio=ratio, power=target, method="midp" if midp else "exact",
                         normal_n=guess, first_reaching=first, stays_from=stays, longest_run_before_a_dip=longest))
    result = {"seed": args.seed, "designs": rows, "longest_run_before_a_dip": max(r["longest_run_before_a_dip"] for r in rows),
              "largest_stays_minus_first": max(r["stays_from"] - r["first_reaching"] for r in rows if r["first_reaching"]),
              "designs_with_a_dip_after_the_first": sum(r["stays_from"] != r["first_reaching"] for r in rows),
              "cpu_s": round(time.process_time() - start, 1)}
    write(result, Path(args.out) / "councils_needed_sawtooth.json")


def write(result: dict, path: Path) -> None:
    """Write ``result`` as JSON to ``path`` (its folder made) and print it without the list of designs."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps({k: v for k, v in result.items() if k != "designs"}, indent=2))


if __name__ == "__main__":
    main()

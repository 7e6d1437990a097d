"""Disclosure round 71, open decision (a): which councils a study holds, from its indicator trends' group means and
the DfE's public figures for every council, by an integer programme (not the subsets round 65's ``membership``
enumerates, which needed the study's councils known and stopped at a few thousand subsets).

For a set of ``k`` councils drawn from the real DfE file (``../shared/data/dfe``, re-referrals as a percentage,
2013-2025), the means of each year are computed and rounded to two places, as indicator_trends.csv prints them; the
intruder then solves for 0/1 choices over every council with a value each year: ``sum x_c = k`` and each year's
``|sum x_c v_c - k m| <= 0.005 k``, and counts the sets that fit (each found is cut off and the programme solved
again, up to ``limit``). One set found: the study's councils are named by its means.

``python -m bench.disclosure71_attack.membership [k ...]`` prints, for each k, the sets found for draws of seeds
71801-71805.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.optimize import Bounds, LinearConstraint, milp

DFE = Path(__file__).resolve().parents[3] / "shared" / "data" / "dfe" / \
    "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv"


def table(path: Path = DFE) -> pd.DataFrame:
    """Councils (rows, old_la_code) by year (columns) of the re-referral percentage, councils with a value every year."""
    d = pd.read_csv(path, dtype=str)
    d = d[d["geographic_level"] == "Local authority"]
    d = d.assign(v=pd.to_numeric(d["rereferral_percent"], errors="coerce"))
    wide = d.pivot_table(index="old_la_code", columns="time_period", values="v", aggfunc="first")
    return wide.dropna()


def sets_fitting(wide: pd.DataFrame, k: int, means: np.ndarray, limit: int = 3) -> list[list[str]]:
    v = wide.to_numpy()
    n = len(wide)
    rows = [np.ones(n)] + [v[:, j] for j in range(v.shape[1])]
    lo = [k] + [k * m - 0.005 * k for m in means]
    hi = [k] + [k * m + 0.005 * k for m in means]
    found = []
    while len(found) < limit:
        res = milp(np.zeros(n), constraints=[LinearConstraint(np.array(rows), lo, hi)], integrality=np.ones(n),
                   bounds=Bounds(0, 1))
        if res.status != 0:
            break
        chosen = np.flatnonzero(res.x > 0.5)
        found.append(sorted(wide.index[chosen]))
        cut = np.zeros(n)
        cut[chosen] = 1
        rows.append(cut), lo.append(0), hi.append(k - 1)  # not this set again
    return found


def main(sizes: list[int]) -> None:
    wide = table()
    print(f"{len(wide)} councils with a value in each of {wide.shape[1]} years")
    for k in sizes:
        for seed in range(71801, 71806):
            pick = np.random.default_rng(seed).choice(len(wide), k, replace=False)
            means = np.round(wide.iloc[pick].mean().to_numpy(), 2)
            got = sets_fitting(wide, k, means)
            truth = sorted(wide.index[pick])
            print(f"k={k} seed {seed}: {len(got)} set(s) fit{' (the study' + chr(39) + 's)' if got == [truth] else ''}",
                  flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [5, 6, 12, 20])

"""Disclosure round 70's attacks on a built bundle's files, beside rounds 65's and 69's
(:mod:`bench.disclosure69_attack.attack`).

``python -m bench.disclosure70_attack.attack OUT/<name>/out ...`` prints every finding of those and of

* ``medians``: change_over_time's median share of a row's n councils at the first or last wave says ceil(n/2) of them
  at least (floor(n/2) + 1 for a median of 0 or 1) had a participant reporting the impact there (a median above 0),
  or one not reporting it (below 1): the prevalence table's hidden count of the row's group reporting it at that wave
  is then at least the first and at most the group's published participants less the second. Found where that leaves
  it fewer than 5 values and fewer than 0 to the group's participants do (from the files alone: the ledger-level
  attack, :mod:`bench.disclosure70_attack.relations`, adds every other relation the intruder holds);
* ``direction``: a two-wave row (Wilcoxon's signed-rank test) whose rank-biserial correlation is +1 or -1: no council
  moved the other way, and its exact p, 2^(1-m), gives the m councils whose share moved; found where m or the n - m
  councils whose share stayed is 1 to 4 (counts of councils the report neither publishes nor declares).
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

from bench.disclosure65_attack.attack import _csv, _num
from bench.disclosure69_attack.attack import attack as attack69
from bench.disclosure69_attack.attack import main
from bench.disclosure70_attack.relations import median_bounds

MIN_COUNT = 5


def _medians(out: Path) -> list[str]:
    t = out / "tables"
    if not (t / "change_over_time.csv").exists() or not (t / "prevalence.csv").exists():
        return []
    ch, prev = _csv(t / "change_over_time.csv"), _csv(t / "prevalence.csv")
    waves = [c[len("median_"):] for c in ch.columns if c.startswith("median_")]
    found = []
    for r in ch.itertuples(index=False):
        r = r._asdict()
        if r["n_councils"] == "c" or r["status"] == "all":
            continue
        for w in waves:
            m = _num(r[f"median_{w}"])
            if m is None:
                continue
            some, short = median_bounds(int(r["n_councils"]), m)
            cell = prev[(prev["impact"] == r["impact"]) & (prev["wave"] == w) & (prev["status"] == r["status"])]
            for c in cell.itertuples():
                if c.n_with != "c" or c.n_participants == "c":
                    continue
                n = int(c.n_participants)
                lo, hi = some, n - short
                if hi - lo < MIN_COUNT - 1 and (lo > 0 or hi < n):
                    found.append(f"medians: prevalence {r['impact']} {w} {r['status']}: n_with c is {lo} to {hi} "
                                 f"(median {r[f'median_{w}']} of {r['n_councils']} councils, {n} participants)")
    return found


def _direction(out: Path) -> list[str]:
    t = out / "tables"
    if not (t / "change_over_time.csv").exists():
        return []
    ch = _csv(t / "change_over_time.csv")
    if "matched_rank_biserial" not in ch.columns:
        return []
    found = []
    for r in ch.itertuples():
        e, p = _num(r.matched_rank_biserial), _num(r.p_value)
        if e is None or p is None or abs(e) != 1 or r.n_councils == "c":
            continue
        m = round(1 - math.log2(p))
        n = int(r.n_councils)
        if 0 < m < MIN_COUNT or 0 < n - m < MIN_COUNT:
            found.append(f"direction: change_over_time {r.impact} {r.status}: {m} of {n} councils' shares "
                         f"{'rose' if e > 0 else 'fell'}, none the other way, {n - m} the same")
    return found


def attack(out: Path) -> list[str]:
    return [*attack69(out), *_medians(out), *_direction(out)]


if __name__ == "__main__":
    main(sys.argv[1:], attack)

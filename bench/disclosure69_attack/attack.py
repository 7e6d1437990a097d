"""Disclosure round 69's attacks on a built bundle, beside round 65's (:mod:`bench.disclosure65_attack.attack`).

``python -m bench.disclosure69_attack.attack OUT/<name>/out ...`` prints every finding of round 65's attacks and of

* ``councils``: a count of councils hidden beside the published count of the participants they hold (the
  suggestions table: n_councils is 1 to n_participants where n_participants is above 0, and at most the councils
  interviewed), narrowed below 5;
* ``said_same``: a factor of process_by_impact published with its participants saying one side (n_said) and 'every
  participant who raised it said the same': one of those saying it helped and those saying it hindered is 0 and the
  other n_said, which with process_factors' row (those two add up to n_said where the table's note says they are the
  same participants) pins a hidden cell of the row;
* ``quoted``: a quote whose attribution names the wave and the status group: the participants of that group
  reporting the impact at that wave are 1 at least, which with the group's published participants narrows a hidden
  cell of the prevalence table below 5 (1 to n where n is under 6);
* ``helped``: process_by_realisation's hidden count of a realisation group's participants saying a factor helped,
  from process_factors' helped and mixed (participant-waves: each such participant is one of them) less the other
  groups' published counts, narrowed below 5 and below the group's published participants (round 69's one success);
* ``bases``: a share published beside a hidden count whose base is published elsewhere in the bundle (the prevalence
  table's participants of a wave and group, its attrition table), giving the count as share times base (to the
  share's rounding).

Tried and dropped: a status group's participants at a wave from the attrition table by status (interviewed and
missing add up to the group's participants listed), taking that total as the same at every wave: it is not, as
councils enter and leave intervention between the waves (its two "findings" on the 20-council study were wrong).
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

from bench.disclosure65_attack.attack import _csv, _num
from bench.disclosure65_attack.attack import attack as attack65

MIN_COUNT = 5


def _councils(out: Path) -> list[str]:
    t = out / "tables"
    found = []
    if not (t / "recommendations.csv").exists():
        return found
    iv = _csv(t / "interviews_by_wave.csv") if (t / "interviews_by_wave.csv").exists() else None
    most = max((int(v) for v in iv["n_councils"] if v != "c"), default=math.inf) if iv is not None else math.inf
    for r in _csv(t / "recommendations.csv").itertuples():
        if r.n_councils == "c" and r.n_participants != "c":
            p = int(r.n_participants)
            lo, hi = (1 if p else 0), min(p, most)
            if hi - lo < MIN_COUNT:
                found.append(f"councils: recommendations {r.concerning}: n_councils c is {lo} to {hi} "
                             f"({p} participants)")
        if r.n_participants == "c" and r.n_councils != "c" and int(r.n_councils) == 0:
            found.append(f"councils: recommendations {r.concerning}: n_participants c is 0 (no council)")
    return found


def _said_same(out: Path) -> list[str]:
    t = out / "tables"
    if not (t / "process_by_impact.csv").exists() or not (t / "process_factors.csv").exists():
        return []
    fac = _csv(t / "process_factors.csv").set_index("factor")
    found = []
    for r in _csv(t / "process_by_impact.csv").itertuples():
        if not r.tested.startswith("every participant who raised it said the same") or r.n_said == "c":
            continue
        n = int(r.n_said)
        row = fac.loc[r.factor]
        options = [(n, 0), (0, n)]
        options = [o for o in options if all(row[c] == "c" or int(row[c]) == v
                                             for c, v in zip(("n_helped", "n_hindered"), o))]
        hidden = [c for c in ("n_helped", "n_hindered") if row[c] == "c"]
        if len(options) == 1 and hidden:
            found.append(f"said_same: process_factors {r.factor}: {', '.join(f'{c} c is {v}' for c, v in zip(('n_helped', 'n_hindered'), options[0]) if c in hidden)}")
        if options and row["n_raised"] != "c":
            rest = [int(row["n_raised"]) - n - sum(int(row[c]) for c in ("n_mixed", "n_neutral") if row[c] != "c")]
            if any(row[c] == "c" for c in ("n_mixed", "n_neutral")) and rest[0] < MIN_COUNT:
                found.append(f"said_same: process_factors {r.factor}: hidden mixed and neutral add up to {rest[0]}")
    return found


def _helped(out: Path) -> list[str]:
    t = out / "tables"
    if not (t / "process_by_realisation.csv").exists() or not (t / "process_factors.csv").exists():
        return []
    fac = _csv(t / "process_factors.csv").set_index("factor")
    found = []
    for factor, rows in _csv(t / "process_by_realisation.csv").groupby("factor", sort=False):
        if factor not in fac.index or "c" in (fac.loc[factor, "n_helped"], fac.loc[factor, "n_mixed"]):
            continue
        bound = int(fac.loc[factor, "n_helped"]) + int(fac.loc[factor, "n_mixed"]) - sum(
            int(v) for v in rows["n_helped"] if v != "c")
        for r in rows[rows["n_helped"] == "c"].itertuples():
            n = math.inf if r.n_participants == "c" else int(r.n_participants)
            if bound < min(MIN_COUNT, n):
                found.append(f"helped: process_by_realisation {factor} {r.expectations}: n_helped c is 0 to {bound}")
    return found


def _quoted(out: Path) -> list[str]:
    t = out / "tables"
    if not (t / "quotes.csv").exists():
        return []
    prev = _csv(t / "prevalence.csv")
    labels = {"early": "early impact", "longer_term": "longer-term"}
    found = []
    for q in _csv(t / "quotes.csv").itertuples():
        a = q.attribution.lower()
        for r in prev[(prev["impact"] == q.impact) & (prev["n_with"] == "c")].itertuples():
            status = "not in intervention" if r.status == "no_intervention" else "in intervention"
            wave = labels.get(r.wave, r.wave.replace("_", " "))
            in_group = (status in a and (status != "in intervention" or "not in intervention" not in a))
            if wave in a and in_group and r.n_participants != "c" and int(r.n_participants) - 1 < MIN_COUNT:
                found.append(f"quoted: prevalence {r.impact} {r.wave} {r.status}: n_with c is 1 to {r.n_participants}")
    return found


def _bases(out: Path) -> list[str]:
    """A share with its count hidden and its base published elsewhere: the prevalence table's participants of a wave
    and group (the same in every row of that wave and group)."""
    t = out / "tables"
    found = []
    if not (t / "prevalence.csv").exists():
        return found
    prev = _csv(t / "prevalence.csv")
    base = {}
    for r in prev.itertuples():
        if r.n_participants != "c":
            base[(r.wave, r.status)] = int(r.n_participants)
    att = t / "attrition_by_status.csv"
    if att.exists():
        for r in _csv(att).itertuples():
            if r.n_participants_interviewed != "c":
                base.setdefault((r.wave, r.status), int(r.n_participants_interviewed))
    for r in prev.itertuples():
        if r.n_with == "c" and _num(r.prevalence) is not None and (r.wave, r.status) in base:
            n = base[(r.wave, r.status)]
            found.append(f"bases: prevalence {r.impact} {r.wave} {r.status}: n_with c is about "
                         f"{float(r.prevalence) * n:.1f} (share {r.prevalence} of {n})")
    return found


def attack(out: Path) -> list[str]:
    return [*attack65(out), *_councils(out), *_said_same(out), *_helped(out), *_quoted(out), *_bases(out)]


def main(paths: list[str], attack=attack) -> None:
    """Print every finding of ``attack`` on each bundle of ``paths`` (a number published in one format only aside)."""
    for arg in paths:
        print("==", arg)
        for line in attack(Path(arg)):
            if not line.startswith("extra:"):
                print(" ", line)


if __name__ == "__main__":
    main(sys.argv[1:])

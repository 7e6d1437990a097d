"""Disclosure round 73: round 71's intruder programme over a bundle's published files
(:mod:`bench.disclosure71_attack.solver`, counts of people) with the counts of councils added, and what the action
plans and change_over_time's rows of hidden councils say of them. Written from the files' meaning alone (no code of
``impact.privacy``); each hidden count is minimised and maximised with scipy's milp, and a hidden count left fewer
than 5 values wide (``hi - lo < 5``) is a leak; one pinned (``lo == hi``) is recovered exactly.

``python -m bench.disclosure73_attack.councils OUT/<name>/out [...] [--moved] [--truth]``

Relations added (each checked on the study's true counts with ``--truth``):

* the study's councils N ("This report follows N councils"); councils interviewed at each wave (interviews_by_wave)
  are those of the status groups at the wave (comparisons' n_a, not in intervention, and n_b); a group's councils
  interviewed at most its participants interviewed (prevalence's, attrition_by_status's); status_by_wave's levels
  add up to N at each wave, the councils not in intervention interviewed at most those at level 'none' and the others
  at most the rest;
* change_over_time: a row's councils followed (published or not) at most the group's councils interviewed at each
  wave; the groups' followed councils at most those interviewed at every wave, which are at most the fewest
  interviewed at a wave and at least N less the councils missing at each wave; a row whose test is printed beside
  hidden councils followed 2 of them at least, and at least the councils whose share moved: with ``--moved`` the
  intruder is handed their true number (an oracle: more than any reading of the p and the correlation gives),
  without it reads it off an exact p (p >= 2^(1-m)) and a correlation of +-1 (p = 2^(1-m)), which then bounds the
  group's participants reporting the impact at the wave it rose to (and not at the wave it left) as round 71's did;
* action_completion: a wave's row has 1 council at least, at most N and at most its actions; its completed at most
  its actions, with the share;
* provenance.json's count of the study's transcript files: the waves' interviews add up to it (every interview's
  transcript in the study, as in a generated one).
"""

from __future__ import annotations

import argparse
import html
import math
import re
from pathlib import Path

import numpy as np

from bench.disclosure71_attack.solver import THRESHOLD, Programme, _csv, _val
from bench.disclosure71_attack.solver import build as people

_A, _B = "no_intervention", "intervention"


def _councils_in_study(out: Path) -> int | None:
    text = html.unescape(re.sub(r"<[^>]+>", " ", (out / "report.html").read_text(encoding="utf-8")))
    m = re.search(r"follows (\d+) councils?\b", " ".join(text.split()))
    return int(m.group(1)) if m else None


def build(out: Path, moved: dict | None = None, tests: bool = True) -> Programme:
    """The programme; ``moved``: (impact, status) -> councils whose share moved (the oracle), ``tests``: whether the
    tests printed beside hidden councils are read at all (False: the bundle as main printed it, rows withheld)."""
    P = people(out)
    t = out / "tables"
    n = _councils_in_study(out)
    N = P.var(("councils",), str(n) if n is not None else "")
    ib = _csv(t / "interviews_by_wave.csv")
    waves = list(ib["wave"]) if ib is not None else []
    for w in waves:
        P.var(("councils_wave", w), ib.set_index("wave").loc[w, "n_councils"])
        P.le(P.var(("councils_wave", w)), N, "interviewed <= councils")
    groups = sorted({k[2] for k in P.index if k[0] == "part"} - {"all"})
    cmp_ = _csv(t / "comparisons.csv")
    for w in waves:
        if set(groups) != {_A, _B}:
            break
        for g, col in ((_A, "n_a"), (_B, "n_b")):
            cell = None
            if cmp_ is not None and len(cmp_[cmp_["wave"] == w]):
                cell = cmp_[cmp_["wave"] == w][col].iloc[0]
            ci = P.var(("ci", w, g), cell)
            P.le(ci, P.var(("part", w, g)), "councils in group <= participants in group")
        P.eq(P.var(("councils_wave", w)), [P.var(("ci", w, g)) for g in (_A, _B)], "councils interviewed by group")
    sw = _csv(t / "status_by_wave.csv")
    if sw is not None:
        for w, rows in sw.groupby("wave", sort=False):
            lv = {r["intervention"]: P.var(("level", w, r["intervention"]), r["n_councils"]) for r in rows.to_dict("records")}
            P.eq(N, list(lv.values()), "levels add up to the councils")
            if w in waves and set(groups) == {_A, _B}:
                if "none" in lv:
                    P.le(P.var(("ci", w, _A)), lv["none"], "not in intervention <= level none")
                rest = [v for k, v in lv.items() if k not in ("none", "unknown")]
                if rest:
                    terms = {P.var(("ci", w, _B)): 1.0}
                    for v in rest:
                        terms[v] = terms.get(v, 0.0) - 1.0
                    P.add(terms, -np.inf, 0, "in intervention <= levels other than none")
    ch = _csv(t / "change_over_time.csv")
    if ch is not None and len(waves) >= 2:
        gcol = "status" if "status" in ch.columns else None
        every = P.var(("every",))
        P.le(every, P.var(("councils_wave", waves[0])), "every wave <= first")
        for w in waves:
            P.le(every, P.var(("councils_wave", w)), "every wave <= each")
        # councils missing some wave at most the sum of those missing at each: every >= N - sum(N - interviewed(w))
        terms = {every: 1.0, N: float(len(waves) - 1)}
        for w in waves:
            terms[P.var(("councils_wave", w))] = terms.get(P.var(("councils_wave", w)), 0.0) - 1.0
        P.add(terms, 0, np.inf, "every >= N - missing")
        followed = {}
        for r in ch.to_dict("records"):
            g = r[gcol] if gcol else "all"
            c = followed.setdefault(g, P.var(("complete", g)))
            P.var(("complete", g), r["n_councils"])
            for w in waves:
                if g != "all" and ("ci", w, g) in P.index:
                    P.le(c, P.var(("ci", w, g)), "followed <= interviewed in group")
            if _val(r["n_councils"]) is None and tests and _val(r.get("p_value", "")) is not None:
                m = _moved(r, moved, g)
                P.add({c: 1.0}, max(2, m), np.inf, "tested beside hidden councils")
                _rank_rows(P, r, m, g, waves, groups)
        terms = {every: 1.0}
        for c in followed.values():
            terms[c] = -1.0
        P.add(terms, 0, np.inf, "followed <= every wave")
    # provenance.json's study layout counts the study's transcript files: with every interview's transcript there
    # (a generated study), the waves' interviews add up to it (checked on the truth with --truth)
    layout = _transcripts(out)
    if layout is not None and ib is not None:
        P.eq(P.var(("transcripts",), str(layout)), [P.var(("interviews", w)) for w in waves],
             "interviews add up to the transcript files")
    ac = _csv(t / "action_completion.csv")
    if ac is not None:
        for r in ac.to_dict("records"):
            c = P.var(("action_councils", r["wave"]), r["n_councils"])
            a = P.var(("actions", r["wave"]), r["n_actions"])
            P.add({c: 1.0}, 1, np.inf, "a wave's row: a council at least")
            P.le(c, N, "action councils <= councils")
            P.le(c, a, "action councils <= actions")
    return P


def _transcripts(out: Path) -> int | None:
    """The study's transcript files as provenance.json counts them: its study layout's ``transcripts/**`` entries, or,
    where those are withheld, its number of files less every other entry (round 74: a count withheld reads
    ``"withheld"``, and the file total less the rest would give it back just the same)."""
    import json

    path = out / "provenance.json"
    if not path.exists():
        return None
    layout = json.loads(path.read_text(encoding="utf-8")).get("provenance", {}).get("study_layout", {})
    files = layout.get("files", {})
    mine = [v for k, v in files.items() if k.startswith("transcripts")]
    if mine and all(isinstance(v, int) for v in mine):
        return sum(mine)
    rest = [v for k, v in files.items() if not k.startswith("transcripts")]
    if mine and isinstance(layout.get("n_files"), int) and all(isinstance(v, int) for v in rest):
        return layout["n_files"] - sum(rest)
    return None


def _moved(r: dict, moved: dict | None, g: str) -> int:
    """The councils whose share moved, as the intruder has them: the oracle's, else what the exact p says."""
    if moved is not None:
        return int(moved.get((r["impact"], g), 0))
    p = _val(r["p_value"])
    return max(1, math.ceil(1 - math.log2(p) - 1e-9)) if p and p > 0 else 0


def _rank_rows(P: Programme, r: dict, m: int, g: str, waves: list, groups: list) -> None:
    """A correlation of +-1 beside hidden councils: m councils all moved one way (each with a participant reporting
    the impact at the wave it rose to, one not at the wave it left)."""
    rb, p = _val(r.get("matched_rank_biserial", "")), _val(r.get("p_value", ""))
    if rb is None or abs(rb) != 1 or p is None or p <= 0:
        return
    k = 1 + round(-math.log2(p))
    if abs(2.0 ** (1 - k) - p) > 0.0006:
        return
    up, down = (waves[-1], waves[0]) if rb > 0 else (waves[0], waves[-1])
    cells = groups if g == "all" else [g]
    P.add(dict.fromkeys([P.var(("with", r["impact"], up, c)) for c in cells], 1.0), k, np.inf, "rank: rose to")
    t = {}
    for c in cells:
        t[P.var(("part", down, c))] = 1.0
        t[P.var(("with", r["impact"], down, c))] = -1.0
    P.add(t, k, np.inf, "rank: left")


def truth(study: Path) -> tuple[dict, dict]:
    """The study's true counts of councils and participants under the programme's keys, and the councils whose share
    moved in each row of the change across the waves (the oracle), from its planted coding."""
    import warnings

    import impact
    from impact.pipeline import analyse

    s = impact.load_study(study, validate=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        f = analyse(s, coded=study / "truth_coded.csv", n_resamples=19, seed=1, parts=["change"])
    out: dict[tuple, float] = {("councils",): float(len(s.councils))}
    for r in f.prevalence.itertuples():
        if r.measure == "reported":
            out[("with", r.code, r.wave, r.group)] = float(r.events)
            out[("part", r.wave, r.group)] = float(r.n)
    moved = {}
    ch = f.change
    if ch is not None and len(ch) and "n_moved" in ch.columns:
        gcol = "status_group" if "status_group" in ch.columns else None
        for r in ch.to_dict("records"):
            g = r[gcol] if gcol else "all"
            out[("complete", g)] = float(r["n"])
            if not np.isnan(r.get("n_moved", np.nan)):
                moved[r["code"], g] = int(r["n_moved"])
    return out, moved


def solve(out: Path, moved: dict | None, tests: bool = True) -> tuple[Programme, dict]:
    P = build(out, moved, tests)
    return P, P.solve()


def main(argv=None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path, nargs="+")
    ap.add_argument("--moved", action="store_true", help="hand the intruder the councils whose share moved")
    ap.add_argument("--truth", action="store_true", help="check the relations on the study's true counts")
    a = ap.parse_args(argv)
    for out in a.out:
        true, moved = truth(out.parent / "study") if (a.moved or a.truth) else ({}, None)
        try:
            P, res = solve(out, moved if a.moved else None)
        except RuntimeError as e:  # the files contradict the relations (main's McNemar table read by discordant count)
            print(f"{out}: no count fits every published file and relation ({e})")
            continue
        if a.truth:
            for line in P.check(true):
                print("   RELATION BROKEN BY THE TRUTH:", line)
        _, base = solve(out, moved if a.moved else None, tests=False)
        leaks = {k: v for k, v in res.items() if v[1] - v[0] < THRESHOLD - 1e-6}
        further = {k: v for k, v in leaks.items() if k in base and v[1] - v[0] < base[k][1] - base[k][0] - 1e-6}
        exact = {k: v for k, v in res.items() if v[0] == v[1]}
        print(f"{out}: {len(P.index)} unknowns, {len(P.rows)} relations, {len(res)} hidden, {len(leaks)} narrowed "
              f"({len(further)} further than without the tests beside hidden councils), {len(exact)} recovered exactly")
        for k, (lo, hi) in sorted(leaks.items(), key=str):
            print(f"   {k}: {lo:g} to {hi:g}" + (f" (true {true.get(k)})" if a.truth else "")
                  + (" EXACT" if lo == hi else "") + (" FURTHER" if k in further else ""))


if __name__ == "__main__":
    main()

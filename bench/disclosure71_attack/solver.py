"""Disclosure round 71: an intruder's integer programme over a bundle's published tables, written from the files
alone (no code of ``impact.privacy``): every count of people the tables print is an integer unknown, fixed where
published; the relations an intruder can write from the tables' meaning tie them; each hidden count is then
minimised and maximised with :func:`scipy.optimize.milp`. A hidden count whose range is shorter than the threshold
(``hi - lo < 5``) is a leak.

``python -m bench.disclosure71_attack.solver OUT/<name>/out [--truth OUT/<name>/study] [--no-ranks]``

Relations written (each from the tables' own words, checked on the study's true counts with ``--truth``):

* prevalence: ``n_with <= n_participants``; a wave and group's participants the same for every impact; their sum
  over the groups the wave's participants (interviews_by_wave, attrition); attrition_by_status's interviewed the
  same; interviewed plus missing the panel (the same at every wave where published);
* every share (prevalence, share_interviewed, share_completed, share, share_review ...) with its rounding to two
  places: ``|count - share * n| <= 0.005 n`` (linear in both);
* expectations: ``n_with <= n_participants``, the participants those of the first wave;
* change_over_time's medians (how many councils at least had a share above 0, below 1), and, at two waves, the
  matched rank-biserial correlation of +-1 with its exact p ``2^(1-m)``: the ``m`` councils whose share moved each
  had one participant reporting the impact at the wave it rose to (and one not at the wave it left); Kendall's W of
  1 at three waves or more: every council's shares strictly ordered the same way, so each council had a participant
  reporting it at every wave but the lowest and one not reporting it at every wave but the highest;
* attribution: an impact's statements at least the participants reporting it after the review (every group);
* process_factors: raised = helped + hindered + mixed + neutral; recommendations: participants >= councils;
  suggestions: suggesting <= participants; action_completion: completed <= actions.
"""

from __future__ import annotations

import argparse
import math
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.optimize import Bounds, LinearConstraint, milp

THRESHOLD = 5
BIG = 10_000


def _csv(path: Path) -> pd.DataFrame | None:
    if not path.exists():
        return None
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def _val(s: str) -> float | None:
    s = str(s).strip()
    if s in ("", "c", "x", "z", "u", "low"):
        return None
    try:
        return float(s)
    except ValueError:
        return None


class Programme:
    """Integer unknowns by name, published values, and linear constraints ``lo <= a.x <= hi``."""

    def __init__(self) -> None:
        self.index: dict[tuple, int] = {}
        self.fixed: dict[int, float] = {}
        self.hidden: set[int] = set()
        self.rows: list[tuple[dict[int, float], float, float, str]] = []

    def var(self, key: tuple, cell: str | None = None) -> int:
        i = self.index.setdefault(key, len(self.index))
        if cell is not None:
            v = _val(cell)
            if v is None:
                if str(cell).strip() == "c":
                    self.hidden.add(i)
            else:
                old = self.fixed.get(i)
                if old is not None and old != v:
                    raise ValueError(f"{key} published as {old} and {v}")
                self.fixed[i] = v
        return i

    def add(self, terms: dict[int, float], lo: float, hi: float, why: str) -> None:
        self.rows.append((terms, lo, hi, why))

    def eq(self, a: int, parts: list[int], why: str) -> None:
        t = {a: 1.0}
        for p in parts:
            t[p] = t.get(p, 0.0) - 1.0
        self.add(t, 0, 0, why)

    def le(self, a: int, b: int, why: str, gap: float = 0) -> None:  # a + gap <= b
        self.add({a: 1.0, b: -1.0}, -np.inf, -gap, why)

    def share(self, count: int, n: int, share: str, why: str) -> None:
        s = _val(share)
        if s is None:
            return
        # |count - s n| <= 0.005 n  (half a unit of the second decimal place; a little slack for float print)
        self.add({count: 1.0, n: -(s + 0.00501)}, -np.inf, 0, why)
        self.add({count: 1.0, n: -(s - 0.00501)}, 0, np.inf, why)

    def check(self, truth: dict[tuple, float]) -> list[str]:
        """The constraints the true counts break (a relation written wrong)."""
        bad = []
        inv = {i: k for k, i in self.index.items()}
        for terms, lo, hi, why in self.rows:
            if all(inv[i] in truth for i in terms):
                v = sum(c * truth[inv[i]] for i, c in terms.items())
                if not lo - 1e-6 <= v <= hi + 1e-6:
                    bad.append(f"{why}: {v} not in [{lo}, {hi}] ({[inv[i] for i in terms]})")
        return bad

    def solve(self) -> dict[tuple, tuple[float, float]]:
        n = len(self.index)
        lb, ub = np.zeros(n), np.full(n, BIG, dtype=float)
        for i, v in self.fixed.items():
            lb[i] = ub[i] = v
        A = np.zeros((len(self.rows), n))
        lo, hi = np.empty(len(self.rows)), np.empty(len(self.rows))
        for r, (terms, a, b, _) in enumerate(self.rows):
            for i, c in terms.items():
                A[r, i] += c
            lo[r], hi[r] = a, b
        cons = [LinearConstraint(A, lo, hi)] if len(self.rows) else []
        out = {}
        inv = {i: k for k, i in self.index.items()}
        for i in sorted(self.hidden - set(self.fixed)):
            ends = []
            for sign in (1, -1):
                c = np.zeros(n)
                c[i] = sign
                res = milp(c, constraints=cons, integrality=np.ones(n), bounds=Bounds(lb, ub))
                if res.status != 0:
                    raise RuntimeError(f"{inv[i]}: {res.message}")
                ends.append(sign * res.fun)
            out[inv[i]] = (ends[0], ends[1])
        return out


def _groups(df: pd.DataFrame) -> str | None:
    return "status" if "status" in df.columns else None


def build(out: Path, ranks: bool = True) -> Programme:
    t = out / "tables"
    P = Programme()
    prev = _csv(t / "prevalence.csv")
    waves: list[str] = []
    if prev is not None:
        waves = list(dict.fromkeys(prev["wave"]))
        gcol = _groups(prev)
        for r in prev.to_dict("records"):
            g = r[gcol] if gcol else "all"
            x = P.var(("with", r["impact"], r["wave"], g), r["n_with"])
            n = P.var(("part", r["wave"], g), r["n_participants"])
            P.le(x, n, "prevalence n_with <= n")
            P.share(x, n, r["prevalence"], "prevalence share")
    groups = sorted({k[2] for k in P.index if k[0] == "part"})
    for w in waves:
        tot = P.var(("part_wave", w))
        if groups != ["all"]:
            P.eq(tot, [P.var(("part", w, g)) for g in groups], "wave = sum of groups")
        else:
            P.eq(tot, [P.var(("part", w, "all"))], "wave = all")
    ib = _csv(t / "interviews_by_wave.csv")
    if ib is not None:
        for r in ib.to_dict("records"):
            P.var(("part_wave", r["wave"]), r["n_participants"])
            P.var(("councils_wave", r["wave"]), r["n_councils"])
            iv = P.var(("interviews", r["wave"]), r["n_interviews"])
            P.le(P.var(("part_wave", r["wave"])), iv, "participants <= interviews")
            P.le(P.var(("councils_wave", r["wave"])), P.var(("part_wave", r["wave"])), "councils <= participants")
    at = _csv(t / "attrition.csv")
    if at is not None:
        for r in at.to_dict("records"):
            w = r["wave"]
            a = P.var(("part_wave", w), r["n_participants_interviewed"])
            m = P.var(("missing_wave", w), r["n_participants_missing"])
            P.eq(P.var(("panel",)), [a, m], "panel = interviewed + missing")
    ab = _csv(t / "attrition_by_status.csv")
    if ab is not None:
        for r in ab.to_dict("records"):
            a = P.var(("part", r["wave"], r["status"]), r["n_participants_interviewed"])
            m = P.var(("missing", r["wave"], r["status"]), r["n_participants_missing"])
            s = P.var(("panel_group", r["wave"], r["status"]))
            P.eq(s, [a, m], "group's panel = interviewed + missing")
            P.share(a, s, r["share_interviewed"], "share interviewed")
        for w, rows in ab.groupby("wave"):
            P.eq(P.var(("missing_wave", w)), [P.var(("missing", w, g)) for g in rows["status"]], "missing by group")
    ex = _csv(t / "expectations.csv")
    if ex is not None and waves:
        for r in ex.to_dict("records"):
            g = r.get("status", "all")
            x = P.var(("expect", r["impact"], g), r["n_with"])
            n = P.var(("part", waves[0], g), r["n_participants"])
            P.le(x, n, "expectations n_with <= n")
            P.share(x, n, r["prevalence"], "expectations share")
    ch = _csv(t / "change_over_time.csv")
    if ch is not None and prev is not None:
        _change(P, ch, waves, groups, ranks)
    att = _csv(t / "attribution.csv")
    if att is not None and prev is not None:
        later = waves[1:]
        for r in att.to_dict("records"):
            if r["impact"] == "all":
                continue
            s = P.var(("statements", r["impact"]), r["n_reported"])
            cells = [P.var(("with", r["impact"], w, g)) for w in later for g in groups]
            t_ = {s: 1.0}
            for c in cells:
                t_[c] = t_.get(c, 0.0) - 1.0
            P.add(t_, 0, np.inf, "statements >= participants reporting after the review")
    pf = _csv(t / "process_factors.csv")
    if pf is not None:
        for r in pf.to_dict("records"):
            parts = [P.var(("pf", r["factor"], k), r[k]) for k in ("n_helped", "n_hindered", "n_mixed", "n_neutral")]
            P.eq(P.var(("pf", r["factor"], "n_raised"), r["n_raised"]), parts, "raised = sum")
    rec = _csv(t / "recommendations.csv")
    if rec is not None:
        for r in rec.to_dict("records"):
            P.le(P.var(("rec_c", r["concerning"]), r["n_councils"]), P.var(("rec_p", r["concerning"]), r["n_participants"]),
                 "councils <= participants")
    # a count of a whole, with its share: suggestions (of the wave's participants), actions completed
    for name, whole, whole_col, part, part_col, share in (
            ("suggestions_by_wave", "part_wave", "n_participants", "suggest", "n_suggesting", "share"),
            ("action_completion", "actions", "n_actions", "completed", "n_completed", "share_completed")):
        for r in (_csv(t / f"{name}.csv") if (t / f"{name}.csv").exists() else pd.DataFrame()).to_dict("records"):
            n, x = P.var((whole, r["wave"]), r[whole_col]), P.var((part, r["wave"]), r[part_col])
            P.le(x, n, f"{name}: part <= whole")
            P.share(x, n, r[share], f"{name} share")
    return P


def _change(P: Programme, ch: pd.DataFrame, waves: list[str], groups: list[str], ranks: bool) -> None:
    """change_over_time: the medians' and the rank statistics' bounds on the prevalence counts."""
    meds = [c for c in ch.columns if c.startswith("median_")]
    gcol = _groups(ch)
    for r in ch.to_dict("records"):
        n = _val(r["n_councils"])
        if n is None:
            continue
        n = int(n)
        g = r[gcol] if gcol else "all"
        cells = groups if g == "all" else [g]
        if any(("part", w, c) not in P.index for w in waves for c in cells):
            continue  # a status group of the table's own (ever in intervention): not the prevalence's
        some_at: dict[str, int] = {}
        short_at: dict[str, int] = {}
        for col in meds:
            w = col[len("median_"):]
            m = _val(r[col])
            if m is None or w not in waves:
                continue
            if r.get("test") in ("mcnemar", "cochran_q") or "difference" in r:
                # McNemar's or Cochran's test: every council's share is 0 or 1, and the column is the share of the n
                # councils at 1 (a mean, under the medians' heading): k of them reported it, n - k did not (round 72)
                ks = [k for k in range(n + 1) if abs(k / n - m) <= 0.005 + 1e-9]
                some, short = (min(ks), n - max(ks)) if ks else (0, 0)
            elif n % 2:
                some, short = (n + 1) // 2 * (m > 0), (n + 1) // 2 * (m < 1)
            else:
                some, short = n // 2 * (m > 0) + (m > 0.5), n // 2 * (m < 1) + (m < 0.5)
            some_at[w], short_at[w] = some, short
        if ranks:
            rb, p = _val(r.get("matched_rank_biserial", "")), _val(r.get("p_value", ""))
            if rb is not None and abs(rb) == 1 and p is not None and p > 0 and len(meds) == 2:
                k = 1 + round(-math.log2(p))  # exact p of k councils all moving one way: 2^(1-k) (two-sided)
                if abs(2.0 ** (1 - k) - p) <= 0.0006 and k <= n:
                    first, last = (meds[0][7:], meds[1][7:]) if rb > 0 else (meds[1][7:], meds[0][7:])
                    some_at[last] = max(some_at.get(last, 0), k)
                    short_at[first] = max(short_at.get(first, 0), k)
            kw = _val(r.get("kendalls_w", ""))
            m0, m1 = (_val(r[c]) for c in (meds[0], meds[-1])) if len(meds) >= 2 else (None, None)
            if kw is not None and kw == 1 and m0 is not None and m1 is not None and m0 != m1:
                # every council orders the waves the same way, none tied: the first and last waves' medians say how
                lo_w, hi_w = (meds[0][7:], meds[-1][7:]) if m0 < m1 else (meds[-1][7:], meds[0][7:])
                some_at[hi_w] = max(some_at.get(hi_w, 0), n)
                short_at[lo_w] = max(short_at.get(lo_w, 0), n)
        for w, some in some_at.items():
            xs = [P.var(("with", r["impact"], w, c)) for c in cells]
            if some:
                P.add(dict.fromkeys(xs, 1.0), some, np.inf, f"median/rank: some at {w}")
            short = short_at.get(w, 0)
            if short:
                t = {}
                for c in cells:
                    t[P.var(("part", w, c))] = 1.0
                    t[P.var(("with", r["impact"], w, c))] = -1.0
                P.add(t, short, np.inf, f"median/rank: short at {w}")


def truth_counts(name: str) -> dict[tuple, float]:
    """The study's true prevalence counts (the analysis of its planted coding, unsuppressed), under the solver's keys:
    for checking that every relation written holds on the truth."""
    import warnings

    from bench.disclosure72_attack.studies import STUDIES as R72
    from impact.pipeline import analyse
    from impact.synth import generate_with_truth

    from .studies import STUDIES

    n, seed, opts = {**STUDIES, **R72}[name]  # round 72's studies by the same names' folders
    study, truth = generate_with_truth(n, seed=seed, **opts)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        f = analyse(study, coded=truth.coded(), n_resamples=19, seed=1, parts=[])
    out: dict[tuple, float] = {}
    p = f.prevalence
    first = p["wave"].iloc[0] if len(p) else None
    for r in p.itertuples():
        if r.measure == "reported":
            out[("with", r.code, r.wave, r.group)] = float(r.events)
            out[("part", r.wave, r.group)] = float(r.n)
        elif r.measure == "anticipated" and r.wave == first:
            out[("expect", r.code, r.group)] = float(r.events)
    return out


def main(argv=None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path, nargs="+")
    ap.add_argument("--no-ranks", action="store_true")
    ap.add_argument("--truth", action="store_true", help="check the relations on the study's true counts")
    a = ap.parse_args(argv)
    for out in a.out:
        P = build(out, ranks=not a.no_ranks)
        if a.truth:
            truth = truth_counts(out.parent.name)
            for line in P.check(truth):
                print("   RELATION BROKEN BY THE TRUTH:", line)
        res = P.solve()
        leaks = {k: v for k, v in res.items() if v[1] - v[0] < THRESHOLD - 1e-6}
        print(f"{out}: {len(P.index)} unknowns, {len(P.rows)} relations, {len(res)} hidden, {len(leaks)} narrowed")
        for k, (lo, hi) in sorted(leaks.items(), key=str):
            print(f"   {k}: {lo:g} to {hi:g}" + (f" (true {truth.get(k)})" if a.truth else ""))


if __name__ == "__main__":
    main()

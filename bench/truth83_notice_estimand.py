"""Bias and coverage of the change in an indicator after a council's first notice or direction, and whom it is read
from (truth83).

``python -m bench.truth83_notice_estimand --studies 200 --name NAME --out bench`` writes ``<out>/NAME.json``: studies
of 30 councils with seeds 1083000 onwards (no earlier round's; the tests of round 83 use 1083900 onwards), the default
planted effects, analysed with :func:`impact.indicators.indicator_effects` (no randomisation p: ``n_permutations=0``).

The generator plants no change after a notice. It plants a change after the review (re-referrals -0.5, and a further
-2.5 in councils in intervention when their review began), in every period ending after the review's last day. What
the analysis around a first notice sees is that change falling in a council's periods after its notice: for a council
under a notice before its review, nothing in the periods between them, then its review's change; for one whose notice
followed its review, the change began before its notice, in the period before it or at it. The comparison councils
(never in intervention within the periods) were reviewed too, so their figures change by -0.5 in the same periods.
So the change after a notice differs from period to period within a council, and between councils.

For the row of ``rereferral_pct`` the bench keeps the estimate, its interval and counts, and these planted targets,
computed here from the planted truth alone (each council's review end and status when reviewed, its first notice or
direction in ``status_history`` as the generator wrote it, the indicator's periods), not from the library:

* ``per_council``: for each council entering intervention within the periods (its cohort: the first period ending on
  or after its first day in intervention), its planted change from the period before its cohort to each period from
  its cohort on, less the comparison councils' mean planted change over the same two periods, averaged over those
  periods; then the mean over the councils, each alike (Callaway and Sant'Anna's ``group`` average);
* ``per_council_period``: the same changes weighted by each council's periods (their ``simple`` average);
* ``own_change``: each council's own planted change after its notice (the comparison's change not taken off), each
  council alike;
* ``of_the_notice``: the part of ``per_council`` that a notice made: the extra change after a review under a notice
  (``indicator_post_by_intervention``), in the councils under one when reviewed, in their periods after the review.

``n_read`` (every indicator) counts, from the published figures and the planted notices, the councils the change is
read from: entering intervention within the periods, with a figure in the period before their cohort and in one from
it on at which at least two comparison councils have both; the summary says how often ``n_treated`` is that number.

``aim`` is the estimate of the same analysis on the study's published figures replaced by noise-free ones (a council
level, a common trend and each council's planted change after its review; the same figures missing). The four other
indicators have no change planted: their rows are summarised as ``null`` (target 0).

Run once on integ75's head (before) and once on the branch (after)."""

from __future__ import annotations

import datetime as dt
import json
import warnings

import numpy as np
import pandas as pd

from bench.truth82_review_estimand import noise_free, run

FIRST_SEED = 1083000
MEASURE = "rereferral_pct"
TARGETS = ("per_council", "per_council_period", "own_change", "of_the_notice")


def _onsets(study) -> dict:
    """Each council's first day under a notice or direction, as the generator wrote it (None: never)."""
    h = study.status_history
    h = h[h["kind"].isin(("improvement_notice", "statutory_direction"))]
    first = pd.to_datetime(h["start_date"]).groupby(h["council_id"]).min()
    return {c: (first[c].date() if c in first.index else None) for c in study.councils["council_id"]}


def targets(study, truth, periods: list[dt.date]) -> dict:
    """The planted targets (see the module's docstring), from the truth alone: no figure is missing."""
    eff = truth.effects
    onset = _onsets(study)
    rows = {}
    for c in truth.councils:
        s = bool(c["in_intervention_at_review"])
        start = onset[c["council_id"]]
        after = [k for k, p in enumerate(periods) if start is not None and p >= start]
        rows[c["council_id"]] = {"cohort": after[0] if after else np.inf, "in": s,
                                 "end": dt.date.fromisoformat(c["review_end"]),
                                 "change": eff.indicator_post_review + eff.indicator_post_by_intervention * s}

    def planted(c, t):
        r = rows[c]
        return r["change"] if periods[t] > r["end"] else 0.0

    def notice_part(c, t):
        r = rows[c]
        return eff.indicator_post_by_intervention * r["in"] if periods[t] > r["end"] else 0.0

    control = [c for c, r in rows.items() if not np.isfinite(r["cohort"])]
    treated = [c for c, r in rows.items() if 0 < r["cohort"] < np.inf]
    per, own, notice, weights = [], [], [], []
    for c in treated:
        g = int(rows[c]["cohort"])
        cells = range(g, len(periods)) if len(control) >= 2 else range(0)
        if not len(cells):
            continue
        d = [planted(c, t) - planted(c, g - 1) - np.mean([planted(k, t) - planted(k, g - 1) for k in control])
             for t in cells]
        per.append(np.mean(d))
        weights.append(len(d))
        own.append(np.mean([planted(c, t) - planted(c, g - 1) for t in cells]))
        notice.append(np.mean([notice_part(c, t) - notice_part(c, g - 1) for t in cells]))
    return {"per_council": float(np.mean(per)) if per else np.nan,
            "per_council_period": float(np.dot(per, weights) / np.sum(weights)) if per else np.nan,
            "own_change": float(np.mean(own)) if own else np.nan,
            "of_the_notice": float(np.mean(notice)) if notice else np.nan,
            "n_compared": len(per), "n_entering_within": len(treated),
            "n_before_first": sum(r["cohort"] == 0 for r in rows.values()), "n_control": len(control)}


def read_from(study, measure: str) -> int:
    """The councils entering intervention within the periods with a figure of ``measure`` in the period before their
    cohort and in a period from it on at which at least two comparison councils have figures at both: the councils
    the change is read from, counted from the published panel and the planted notices."""
    ind = study.indicators
    ind = ind[(ind["measure"] == measure) & ind["value"].notna()]
    periods = sorted(pd.to_datetime(study.indicators["period"]).dt.date.unique())
    have = ind.assign(k=pd.to_datetime(ind["period"]).dt.date.map({p: k for k, p in enumerate(periods)})) \
        .groupby("council_id")["k"].agg(set)
    onset = _onsets(study)
    cohort = {}
    for c, start in onset.items():
        after = [k for k, p in enumerate(periods) if start is not None and p >= start]
        cohort[c] = after[0] if after else np.inf
    control = [c for c, g in cohort.items() if not np.isfinite(g)]
    n = 0
    for c, g in cohort.items():
        if not 0 < g < np.inf:
            continue
        g = int(g)
        n += any({g - 1, t} <= have.get(c, set())
                 and sum({g - 1, t} <= have.get(k, set()) for k in control) >= 2 for t in range(g, len(periods)))
    return n


def one_study(seed: int, n: int = 30) -> list[dict]:
    from impact.indicators import indicator_effects
    from impact.synth import generate_with_truth

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        study, truth = generate_with_truth(n, seed=seed, interviews_per_wave=1, words_per_interview=50)
        e = indicator_effects(study, n_permutations=0)
        aim = indicator_effects(noise_free(study, truth), n_permutations=0).set_index("measure")["estimate"]
    periods = sorted(pd.to_datetime(study.indicators["period"]).dt.date.unique())
    want = targets(study, truth, periods)
    read = {m: read_from(study, m) for m in e["measure"]}
    rows = []
    for r in e.to_dict("records"):
        planted = r["measure"] == MEASURE
        rows.append({"seed": seed, "measure": r["measure"], "estimate": r["estimate"], "ci_low": r["ci_low"],
                     "ci_high": r["ci_high"], "n_treated": r["n_treated"], "n_control": r["n_control"],
                     "n_read": read[r["measure"]],
                     **{k: v for k, v in r.items() if k.startswith("n_treated_")},
                     "aim": aim.get(r["measure"], np.nan) if planted else 0.0,
                     **(want if planted else {**{t: 0.0 for t in TARGETS},
                                              **{k: v for k, v in want.items() if k.startswith("n_")}})})
    return rows


def _errors(g: pd.DataFrame, target: str) -> dict:
    err = g["estimate"] - g[target]
    cover = (g["ci_low"] <= g[target]) & (g[target] <= g["ci_high"])
    return {"bias": round(float(err.mean()), 4), "bias_se": round(float(err.std(ddof=1) / np.sqrt(len(err))), 4),
            "rmse": round(float(np.sqrt((err ** 2).mean())), 4), "coverage": round(float(cover.mean()), 4),
            "coverage_se": round(float(np.sqrt(cover.mean() * (1 - cover.mean()) / len(g))), 4),
            "mean_target": round(float(g[target].mean()), 4)}


def summarise(d: pd.DataFrame) -> dict:
    d = d[d["estimate"].notna()]
    g = d[d["measure"] == MEASURE]
    part = {"rows": len(g), **{t: _errors(g, t) for t in TARGETS}}
    part["aim"] = {t: {"mean_abs_difference": round(float((g["aim"] - g[t]).abs().mean()), 4),
                       "max_abs_difference": round(float((g["aim"] - g[t]).abs().max()), 4)} for t in TARGETS}
    null = d[d["measure"] != MEASURE]
    counts = {}
    for name, rows in (("all_indicators", d), (MEASURE, g)):
        gap = rows["n_treated"] - rows["n_read"]
        counts[name] = {"rows": len(rows), "n_treated_equals_read": round(float((gap == 0).mean()), 4),
                        "n_treated_equals_entering_within": round(float(
                            (rows["n_treated"] == rows["n_entering_within"]).mean()), 4),
                        "counted_not_read": {"max": int(gap.max()), "mean": round(float(gap.mean()), 3)}}
    return {MEASURE: part, "null": {"rows": len(null), **_errors(null, "per_council")}, "counts": counts}


def main(argv=None) -> dict:
    return run(argv, doc=__doc__, name="truth83_notice_estimand", studies=200, first_seed=FIRST_SEED, one=one_study,
               summary=summarise)


if __name__ == "__main__":
    print(json.dumps(main()["summary"], indent=1))

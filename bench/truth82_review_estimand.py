"""Bias and coverage of the change in an indicator after the review, and whom it is read from (truth82).

``python -m bench.truth82_review_estimand --studies 300 --name NAME --out bench`` writes ``<out>/NAME.json``:
studies of 30 councils with seeds 1082000 onwards (no earlier round's; the tests of round 82 use 1082900 onwards),
the default planted effects (re-referrals -0.5 after the review, a further -2.5 in councils in intervention when
reviewed, so the change differs between councils), analysed with
:func:`impact.indicators.review_indicator_effects` (no randomisation p: ``n_permutations=0``). For each group's
row of ``rereferral_pct`` it keeps the estimate, its interval and counts, and three planted targets computed here
from the planted truth alone (each council's review end and status, the indicator's periods), not from the library:

* ``per_council``: the mean planted change of the councils compared after their review, those whose cohort (the
  first indicator period ending after the review's last day) has at least two councils not yet reviewed at that
  period (reviewed later, or never, or after the last period);
* ``per_council_period``: the same changes weighted by how many periods after its review each council is compared
  (Callaway and Sant'Anna's ``simple`` average of the group-time cells);
* ``all_reviewed``: the mean planted change of every council reviewed within the periods, compared or not.

``aim`` is the estimate of the same analysis on the study's published figures replaced by noise-free ones (a
council level, a common trend and each council's planted change after its review; the same figures missing): what the
estimator aims at. The summary gives its distance from each target.

The summary gives, per group and target, the mean error (bias), its standard error, and the share of 95% intervals
covering the target; and the councils reviewed within the periods against those compared. Run once on integ74's
head (before) and once on the branch (after)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import time
import warnings
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pandas as pd

FIRST_SEED = 1082000
MEASURE = "rereferral_pct"


def targets(truth, periods: list[dt.date]) -> dict[str, dict]:
    """The planted targets of each group (see the module's docstring), from ``truth`` alone."""
    eff = truth.effects
    rows = []
    for c in truth.councils:
        end = dt.date.fromisoformat(c["review_end"]) if c.get("review_end") else None
        after = [k for k, p in enumerate(periods) if end is not None and p > end]
        cohort = after[0] if after else np.inf  # reviewed after the last period (or never): compared throughout
        rows.append({"cohort": cohort, "in": bool(c["in_intervention_at_review"]),
                     "change": eff.indicator_post_review + eff.indicator_post_by_intervention
                     * bool(c["in_intervention_at_review"])})
    d = pd.DataFrame(rows)
    # treated from the first period: no period before, left out of everything
    d = d[d["cohort"] != 0]
    # periods compared after the review: t >= cohort with at least two councils reviewed after t
    d["periods"] = [sum((d["cohort"] > t).sum() >= 2 for t in range(int(g), len(periods))) if np.isfinite(g) else 0
                    for g in d["cohort"]]
    out = {}
    for group, members in (("all", d), ("intervention", d[d["in"]]), ("no_intervention", d[~d["in"]])):
        within = members[np.isfinite(members["cohort"])]
        compared = within[within["periods"] > 0]
        out[group] = {
            "per_council": float(compared["change"].mean()) if len(compared) else np.nan,
            "per_council_period": (float((compared["change"] * compared["periods"]).sum() / compared["periods"].sum())
                                   if len(compared) else np.nan),
            "all_reviewed": float(within["change"].mean()) if len(within) else np.nan,
            "n_reviewed_within": len(within), "n_compared": len(compared)}
    return out


def noise_free(study, truth) -> SimpleNamespace:
    """``study`` with the indicator's figures (those published: the same missing) replaced by a council level, a
    common trend and each council's planted change in every period ending after its review: what the estimator aims
    at, without noise."""
    eff = truth.effects
    planted = {c["council_id"]: (dt.date.fromisoformat(c["review_end"]),
                                 eff.indicator_post_review + eff.indicator_post_by_intervention
                                 * bool(c["in_intervention_at_review"])) for c in truth.councils}
    ind = study.indicators
    ind = ind[(ind["measure"] == MEASURE) & ind["value"].notna()].copy()
    periods = pd.to_datetime(ind["period"])
    level = {c: i for i, c in enumerate(sorted(planted))}
    ind["value"] = [20.0 + level[c] + 0.4 * (p.year - 2009) + (planted[c][1] if p.date() > planted[c][0] else 0.0)
                    for c, p in zip(ind["council_id"], periods, strict=True)]
    return SimpleNamespace(indicators=ind, reviews=study.reviews, councils=study.councils,
                           status_history=study.status_history)


def one_study(seed: int, n: int = 30) -> list[dict]:
    from impact.indicators import review_indicator_effects
    from impact.synth import generate_with_truth

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        study, truth = generate_with_truth(n, seed=seed, interviews_per_wave=1, words_per_interview=50)
        e = review_indicator_effects(study, n_permutations=0)
        aim = review_indicator_effects(noise_free(study, truth), n_permutations=0).set_index("group")["estimate"]
    periods = sorted(pd.to_datetime(study.indicators["period"]).dt.date.unique())
    want = targets(truth, periods)
    rows = []
    for r in e[e["measure"] == MEASURE].to_dict("records"):
        rows.append({"seed": seed, "group": r["group"], "estimate": r["estimate"], "ci_low": r["ci_low"],
                     "ci_high": r["ci_high"], "n_treated": r["n_treated"], "aim": aim.get(r["group"], np.nan),
                     **{k: v for k, v in r.items() if k.startswith("n_treated_")},
                     **want[r["group"]]})
    return rows


def summarise(d: pd.DataFrame) -> dict:
    out = {}
    for group, g in d.groupby("group"):
        g = g[g["estimate"].notna()]
        part = {"studies": len(g)}
        for target in ("per_council", "per_council_period", "all_reviewed"):
            err = g["estimate"] - g[target]
            cover = (g["ci_low"] <= g[target]) & (g[target] <= g["ci_high"])
            part[target] = {"bias": round(float(err.mean()), 4),
                            "bias_se": round(float(err.std(ddof=1) / np.sqrt(len(err))), 4),
                            "coverage": round(float(cover.mean()), 4), "mean_target": round(float(g[target].mean()), 4)}
        part["aim"] = {target: {"mean_abs_difference": round(float((g["aim"] - g[target]).abs().mean()), 4),
                                "max_abs_difference": round(float((g["aim"] - g[target]).abs().max()), 4)}
                       for target in ("per_council", "per_council_period", "all_reviewed")}
        part["rmse_per_council"] = round(float(np.sqrt(((g["estimate"] - g["per_council"]) ** 2).mean())), 4)
        part["n_treated_equals_compared"] = round(float((g["n_treated"] == g["n_compared"]).mean()), 4)
        part["n_treated_equals_reviewed_within"] = round(float((g["n_treated"] == g["n_reviewed_within"]).mean()), 4)
        part["reviewed_not_compared"] = {"min": int((g["n_reviewed_within"] - g["n_compared"]).min()),
                                         "max": int((g["n_reviewed_within"] - g["n_compared"]).max()),
                                         "mean": round(float((g["n_reviewed_within"] - g["n_compared"]).mean()), 3)}
        out[group] = part
    return out


def run(argv, *, doc: str, name: str, studies: int, first_seed: int, one, summary) -> dict:
    """Parse ``--studies``, ``--out``, ``--name``, ``--commit``; run ``one(seed)`` on each seed from ``first_seed``
    and write the rows with ``summary(rows)`` to ``<out>/<name>.json`` (this bench's and truth83's)."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--studies", type=int, default=studies)
    ap.add_argument("--out", type=Path, default=Path("bench"))
    ap.add_argument("--name", default=name)
    ap.add_argument("--commit", default="")
    a = ap.parse_args(argv)
    start = time.process_time()
    rows = []
    for seed in range(first_seed, first_seed + a.studies):
        rows += one(seed)
    out = dict(summary=summary(pd.DataFrame(rows)), seeds=[first_seed, first_seed + a.studies - 1], commit=a.commit,
               cpu_seconds=round(time.process_time() - start, 1), python=platform.python_version(), rows=rows)
    a.out.mkdir(parents=True, exist_ok=True)
    (a.out / f"{a.name}.json").write_text(json.dumps(out, indent=1, default=float) + "\n")
    return out


def main(argv=None) -> dict:
    return run(argv, doc=__doc__, name="truth82_review_estimand", studies=300, first_seed=FIRST_SEED, one=one_study,
               summary=summarise)


if __name__ == "__main__":
    print(json.dumps(main()["summary"], indent=1))

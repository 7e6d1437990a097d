"""Coverage and bias of the change after the review, by status when reviewed, in studies like the bundled example
(report truth round 78).

``python -m bench.review_did_truth78 --out bench/results`` writes ``<out>/review_did_truth78.json``: studies of 30
councils from :func:`impact.synth.generate_with_truth` with the example's defaults (planted: re-referrals down 0.5
after the review, 3.0 in councils in intervention when reviewed), seeds ``--first`` to ``--first + --n - 1``, each
analysed with :func:`impact.indicators.review_indicator_effects`. The truth of each row is that study's own estimand:
the same analysis of the planted effect alone (no noise, the same rows present), so the weights of the cohorts and
periods averaged are those of the estimate. Per row (``all``, ``intervention``, ``no_intervention``): the mean
estimate and truth, the bias with its Monte Carlo standard error, the estimates' spread against the mean standard
error, and the share of 95% intervals covering the truth (and how many missed below and above).
"""

from __future__ import annotations

import argparse
import json
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd


def _rows(study) -> dict[str, dict]:
    from impact.indicators import review_indicator_effects

    e = review_indicator_effects(study, n_permutations=0)
    e = e[e["measure"] == "rereferral_pct"]
    return {r.group: {"est": r.estimate, "se": r.se, "lo": r.ci_low, "hi": r.ci_high, "df": r.df}
            for r in e.itertuples()}


def one(seed: int) -> list[dict]:
    from impact.synth import generate_with_truth

    study, truth = generate_with_truth(30, seed=seed, interviews_per_wave=1, words_per_interview=50)
    real = _rows(study)
    eff = truth.effects
    ind = study._tables["indicators"]
    by = {c["council_id"]: c for c in truth.councils}
    end = ind["council_id"].map({k: pd.Timestamp(v["review_end"]) for k, v in by.items()})
    in_int = ind["council_id"].map({k: bool(v["in_intervention_at_review"]) for k, v in by.items()})
    planted = (eff.indicator_post_review + eff.indicator_post_by_intervention * in_int).astype("float64")
    effect = np.where((pd.to_datetime(ind["period"]) > end) & (ind["measure"] == eff.indicator_measure), planted, 0.0)
    study._tables["indicators"] = ind.assign(value=np.where(ind["value"].isna(), np.nan, effect))
    oracle = _rows(study)
    return [{"seed": seed, "group": g, **r, "truth": oracle.get(g, {}).get("est")} for g, r in real.items()]


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default="bench/results")
    ap.add_argument("--first", type=int, default=800000)
    ap.add_argument("--n", type=int, default=240)
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        d = pd.DataFrame([r for s in range(a.first, a.first + a.n) for r in one(s)])
    d = d.dropna(subset=["est", "lo", "truth"])
    result = {"seeds": [a.first, a.first + a.n - 1], "rows": {}}
    for g, x in d.groupby("group"):
        err, cover = x["est"] - x["truth"], (x["lo"] <= x["truth"]) & (x["truth"] <= x["hi"])
        n = len(x)
        result["rows"][g] = {
            "n": n, "mean_estimate": x["est"].mean(), "mean_truth": x["truth"].mean(), "bias": err.mean(),
            "bias_mcse": err.std() / np.sqrt(n), "sd_estimate_error": err.std(), "mean_se": x["se"].mean(),
            "coverage": cover.mean(), "coverage_mcse": float(np.sqrt(cover.mean() * (1 - cover.mean()) / n)),
            "missed_below": int((x["hi"] < x["truth"]).sum()), "missed_above": int((x["lo"] > x["truth"]).sum()),
            "median_df": x["df"].median()}
    result["seconds"] = round(time.perf_counter() - t0, 1)
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "review_did_truth78.json").write_text(json.dumps(result, indent=2, default=float) + "\n")
    print(json.dumps(result["rows"], indent=2, default=float))


if __name__ == "__main__":
    main()

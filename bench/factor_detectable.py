"""Whether the odds ratio the report says its factor test could detect is detected 80% of the time (truth49).

``python -m bench.factor_detectable --out bench/results`` writes ``<out>/factor_detectable.json``.

Where no factor is significantly related to the impacts participants reported, the report states the smallest odds
ratio per impact reported per interview that the test (:func:`impact.process.factors_by_impact`: Firth's logistic
model, councils as clusters, Holm across the factors tested) had an 80% chance of detecting, computed from the study's
own participants (``detectable_odds_ratio`` of :func:`impact.process.factors_by_impact`, for the factor of the most
precise estimate: :func:`impact.stats._power._firth_detectable_ratio` simulates the test, batched, at alpha over the
number of factors tested). This checks that figure against the test itself: a study is generated (default 20
councils, seed 49020) and analysed with its planted coding, the rows the test read for the factor best placed to show
a link are kept (participants, their impacts reported per interview, waves, councils), and ``--draws`` times each
participant's side (helped or got in the way) is drawn again from a logistic model whose odds ratio per impact
reported is the stated one (the intercept set so the share saying it helped is the study's). Each draw is tested as
the report tests it (:func:`impact.process._by_impact_row`, the package's own test, not the batched refit the
figure was found with) and Holm-adjusted beside the other factors' p-values as
analysed; the share of draws in which the report would state the link (Holm-adjusted p below alpha, odds ratio above
1) should be about 0.8, within Monte Carlo error (``mc_se``, binomial). ``--ratio`` tests another odds ratio (the
unadjusted p's power, ``power_unadjusted``, is given beside).
"""

from __future__ import annotations

import argparse
import json
import math
import time
import warnings
from pathlib import Path
from unittest import mock

import numpy as np

from bench.survey_power_check import wilson

ALPHA = 0.05


def study_rows(n_councils: int, seed: int, *, interviews_per_wave: int = 5, words: int = 700, alpha: float = ALPHA):
    """``(findings, rows)``: a generated study analysed with its planted coding (the review process only) and the rows
    :func:`impact.process.factors_by_impact` modelled there (:func:`impact.process._by_impact_rows`)."""
    import impact.process as process
    from impact.pipeline import analyse
    from impact.synth import generate_with_truth

    seen = {}

    def record(pc, ppanel, **kwargs):
        seen.update(pc=pc, ppanel=ppanel, measure=kwargs.get("measure", "reported"))
        return real(pc, ppanel, **kwargs)

    real = process.factors_by_impact
    with warnings.catch_warnings(), mock.patch.object(process, "factors_by_impact", record):
        warnings.simplefilter("ignore")
        study, truth = generate_with_truth(n_councils, seed=seed, interviews_per_wave=interviews_per_wave,
                                           words_per_interview=words)
        findings = analyse(study, coded=truth.coded(), n_resamples=19, seed=1, parts=["process"], alpha=alpha)
    return findings, process._by_impact_rows(seen["pc"], seen["ppanel"], seen["measure"])


def _intercept(x: np.ndarray, slope: float, share: float) -> float:
    """The intercept at which a logistic model of slope ``slope`` on ``x`` gives a mean probability of ``share``."""
    from scipy.optimize import brentq
    from scipy.special import expit

    return brentq(lambda a: expit(a + slope * x).mean() - share, -50, 50)


def simulate(rows, by_impact, code: str, ratio: float, draws: int, seed: int, alpha: float = ALPHA) -> dict:
    """The share of ``draws`` in which the report states a link for ``code`` when each of its rows says it helped
    with the odds ratio ``ratio`` per impact reported (Holm beside the other tested factors' p-values)."""
    from scipy.special import expit

    from impact.process import _by_impact_row
    from impact.stats import adjust_pvalues

    d = rows[rows["code"] == code].reset_index(drop=True)
    x = d["impacts"].to_numpy(float)
    slope = math.log(ratio)
    a = _intercept(x, slope, float(d["helped"].mean()))
    tested = by_impact[by_impact["tested"].astype(bool)]
    others = tested.loc[tested["code"] != code, "p_value"].to_numpy(float)
    rng = np.random.default_rng(seed)
    hits, raw = [], []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for _ in range(draws):
            y = (rng.random(len(x)) < expit(a + slope * x)).astype("int64")
            r = _by_impact_row(code, d.assign(helped=y), alpha)
            if not r["tested"]:
                hits.append(False), raw.append(False)  # untested: the report states no link
                continue
            p_adj = adjust_pvalues(np.r_[r["p_value"], others], "holm")[0]
            hits.append(bool(p_adj < alpha and r["odds_ratio"] > 1))
            raw.append(bool(r["p_value"] < alpha and r["odds_ratio"] > 1))
    k, n = int(sum(hits)), len(hits)
    p = k / n
    return dict(code=code, ratio=ratio, draws=n, detected=k, power=p, mc_se=math.sqrt(p * (1 - p) / n),
                ci=list(wilson(k, n)), power_unadjusted=sum(raw) / n)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="bench/results")
    parser.add_argument("--councils", type=int, default=20)
    parser.add_argument("--seed", type=int, default=49020, help="the generated study's")
    parser.add_argument("--draws", type=int, default=400)
    parser.add_argument("--ratio", type=float, default=None, help="default: the one the report states")
    args = parser.parse_args(argv)
    if args.draws < 2:
        parser.error(f"--draws must be at least 2 (a Monte Carlo standard error needs two), not {args.draws}")
    start = time.process_time()
    findings, rows = study_rows(args.councils, args.seed)
    bi = findings.process["by_impact"]
    stated = bi[bi["detectable_odds_ratio"].notna()]
    if stated.empty:
        raise SystemExit(f"no factor of the study of seed {args.seed} was tested: nothing to check")
    code, ratio_stated = stated["code"].iloc[0], float(stated["detectable_odds_ratio"].iloc[0])
    ratio = args.ratio or ratio_stated
    if not math.isfinite(ratio):
        ratio = 1e3  # the report says no odds ratio up to 1,000 is found 80% of the time: the power at 1,000 is below
    result = dict(alpha=ALPHA, councils=args.councils, seed=args.seed, factors_tested=int(bi["tested"].sum()),
                  stated_ratio=ratio_stated, n_rows=int((rows["code"] == code).sum()),
                  **simulate(rows, bi, code, ratio, args.draws, seed=args.seed + 1))
    result["cpu_seconds"] = round(time.process_time() - start, 1)
    from impact._io import atomic_write_text

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    atomic_write_text(out / "factor_detectable.json", json.dumps(result, indent=1) + "\n")
    print(f"{args.councils} councils (seed {args.seed}), {code} on {result['n_rows']} participant-waves: odds ratio "
          f"{ratio:.2f} detected in {result['detected']} of {result['draws']} draws ({result['power']:.3f}, MC SE "
          f"{result['mc_se']:.3f}; unadjusted {result['power_unadjusted']:.3f}); {result['cpu_seconds']} s")


if __name__ == "__main__":
    main()

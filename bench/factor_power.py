"""How often the report's test of the review-process factors finds the link the generator plants (truth46).

``python -m bench.factor_power --out bench/results`` writes ``<out>/factor_power.json``.

The generator (:func:`impact.synth._process.process_plan`) plants one link between what participants say of a factor
and the impact they report: the log-odds that a comment on ``action_plan_monitoring`` says it helped rises by
``SynthEffects.monitoring_effect`` (1.0) per unit of the council and participant effect on reporting impacts. The
other 14 factors of the ``review_process`` codebook are planted with no such link (their chance of "helped" is the
same whatever the participant reports). The report tests every factor with :func:`impact.process.factors_by_impact`
(Firth's logistic model of saying it helped on the impacts reported per interview, councils as clusters, Holm across
the factors tested) and states a link where the Holm-adjusted p is below 0.05 (``_by_impact_linked`` in
:mod:`impact.report._build`).

For each size (10, 20, 40 and 80 councils by default) ``--n`` studies are generated with the default planted effects
(seeds ``--seed`` + 1000 x size + i) and analysed as ``impact run --coded`` reads the planted coding
(:func:`impact.pipeline.analyse`, ``coded=truth.coded()``, the review process only). Per size:

* ``detected``: the share of studies in which the report states the planted link (monitoring the action plan tested,
  Holm-adjusted p < 0.05, odds ratio above 1): the power of the report's test; ``detected_unadjusted`` the share with
  the unadjusted p below 0.05 and the odds ratio above 1 (the power the test would have alone); ``tested``: the share
  in which it is tested at all;
* ``false_positive``: over the factors planted with no link, the share of factor-studies in which the report states a
  link (Holm-adjusted p < 0.05, either direction); ``any_false_positive``: the share of studies stating one for any of
  them (the family-wise rate Holm holds at 0.05 or below).

Each rate has its Monte Carlo standard error (``mc_se``): binomial over studies, sqrt(p (1 - p) / n); for the
false-positive rate over factors, the standard error of the mean of each study's share (the factors of one study are
not independent), with the Wilson 95% interval of the rates over studies. At the defaults (50 studies per size) it
takes about five minutes of one core.
"""

from __future__ import annotations

import argparse
import json
import math
import time
import warnings
from pathlib import Path

import numpy as np

from bench.survey_power_check import wilson

ALPHA = 0.05
SIZES = (10, 20, 40, 80)
PLANTED = "action_plan_monitoring"


def _rate(hits: list[bool]) -> dict:
    """A share of independent studies, its Monte Carlo standard error and Wilson interval."""
    n, k = len(hits), int(sum(hits))
    p = k / n if n else float("nan")
    return dict(k=k, n=n, rate=p, mc_se=math.sqrt(p * (1 - p) / n) if n else float("nan"),
                ci=list(wilson(k, n)) if n else [float("nan")] * 2)


def _mean_share(shares: list[float]) -> dict:
    """The mean of each study's share (factor-studies pooled), with the standard error of that mean over studies."""
    s = np.asarray([x for x in shares if x == x], dtype=float)
    n = len(s)
    return dict(n=n, rate=float(s.mean()) if n else float("nan"),
                mc_se=float(s.std(ddof=1) / math.sqrt(n)) if n > 1 else float("nan"))


def one_study(n_councils: int, seed: int, *, interviews_per_wave: int, words: int, alpha: float = ALPHA) -> dict:
    """The report's factor test on one generated study: the planted factor's row and the no-link factors' decisions."""
    from impact.pipeline import analyse
    from impact.synth import generate_with_truth

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        study, truth = generate_with_truth(n_councils, seed=seed, interviews_per_wave=interviews_per_wave,
                                           words_per_interview=words)
        findings = analyse(study, coded=truth.coded(), n_resamples=19, seed=1, parts=["process"], alpha=alpha)
    bi = findings.process["by_impact"]
    tested = bi[bi["tested"].astype(bool)]
    stated = tested[tested["p_adjusted"] < alpha]  # the report's rule: a sentence for each such factor
    planted = bi[bi["code"] == PLANTED].iloc[0] if (bi["code"] == PLANTED).any() else None
    others = tested[tested["code"] != PLANTED]
    return dict(
        seed=seed, n_councils=n_councils,
        tested=bool(planted is not None and planted["tested"]),
        n=int(planted["n"]) if planted is not None else 0,
        odds_ratio=float(planted["odds_ratio"]) if planted is not None else float("nan"),
        p_value=float(planted["p_value"]) if planted is not None else float("nan"),
        p_adjusted=float(planted["p_adjusted"]) if planted is not None else float("nan"),
        detected=bool(PLANTED in set(stated["code"]) and planted["odds_ratio"] > 1),
        detected_unadjusted=bool(planted is not None and planted["tested"] and planted["p_value"] < alpha
                                 and planted["odds_ratio"] > 1),
        null_tested=len(others),
        null_stated=int(others["code"].isin(set(stated["code"])).sum()),
        n_factors_tested=len(tested),
    )


def run(sizes, n_studies: int, seed: int, *, interviews_per_wave: int, words: int) -> list[dict]:
    rows = []
    for size in sizes:
        start = time.process_time()
        studies = [one_study(size, seed + 1000 * size + i, interviews_per_wave=interviews_per_wave, words=words)
                   for i in range(n_studies)]
        rows.append(dict(
            n_councils=size, studies=n_studies,
            detected=_rate([s["detected"] for s in studies]),
            detected_unadjusted=_rate([s["detected_unadjusted"] for s in studies]),
            tested=_rate([s["tested"] for s in studies]),
            false_positive=_mean_share([s["null_stated"] / s["null_tested"] if s["null_tested"] else float("nan")
                                        for s in studies]),
            any_false_positive=_rate([s["null_stated"] > 0 for s in studies]),
            median_odds_ratio=float(np.nanmedian([s["odds_ratio"] for s in studies if s["tested"]]))
            if any(s["tested"] for s in studies) else float("nan"),
            median_n=float(np.median([s["n"] for s in studies])),
            cpu_seconds=round(time.process_time() - start, 1),
            per_study=studies,
        ))
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="bench/results")
    parser.add_argument("--n", type=int, default=50, help="generated studies per size")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), help="councils per study")
    parser.add_argument("--interviews-per-wave", type=int, default=5, help="per council (the generator's default)")
    parser.add_argument("--words", type=int, default=700, help="words per interview (the generator's default)")
    parser.add_argument("--seed", type=int, default=46000)
    args = parser.parse_args(argv)
    if args.n < 2:
        parser.error(f"--n must be at least 2 studies per size (a Monte Carlo standard error needs two), not {args.n}")
    start = time.process_time()
    result = dict(alpha=ALPHA, seed=args.seed, n=args.n, interviews_per_wave=args.interviews_per_wave,
                  words_per_interview=args.words, planted_factor=PLANTED,
                  sizes=run(args.sizes, args.n, args.seed, interviews_per_wave=args.interviews_per_wave,
                            words=args.words))
    result["cpu_seconds"] = round(time.process_time() - start, 1)
    from impact._io import atomic_write_text

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    atomic_write_text(out / "factor_power.json", json.dumps(result, indent=1) + "\n")
    for r in result["sizes"]:
        d, f, a = r["detected"], r["false_positive"], r["any_false_positive"]
        print(f"{r['n_councils']:>3} councils ({r['studies']} studies, median n {r['median_n']:.0f}): planted link "
              f"stated {d['rate']:.2f} (MC SE {d['mc_se']:.2f}; unadjusted {r['detected_unadjusted']['rate']:.2f}, "
              f"tested {r['tested']['rate']:.2f}); no-link factor stated {f['rate']:.3f} (MC SE {f['mc_se']:.3f}), "
              f"any {a['rate']:.2f} (MC SE {a['mc_se']:.2f}); {r['cpu_seconds']} s")


if __name__ == "__main__":
    main()

"""How often the models' 95% interval of the intervention effect covers its planted population-averaged value.

``python -m bench.intervention_coverage [--n 200] [--councils 90] [--seed 97000] [--interviews 5]`` generates
studies with the default planted effects (:class:`impact.synth.SynthEffects`: partnership's log-odds raised by 1.0 in
councils in intervention, council and participant random effects), seeds ``seed``, ``seed + 1``, ..., fits each
impact of ``--codes`` (default partnership) as a run does (:func:`impact.intervention_effects` on the participant
panel of the planted coding) and compares the ``in_intervention`` row of each impact's model with the
pseudo-true value of the marginal model (:meth:`impact.synth.PlantedTruth.intervention_effects`). Prints, per
impact, the share of intervals that cover it with its exact binomial 95% interval, the mean estimate and the mean
true value; with ``--csv`` also every study's rows, written as each study ends.
"""

from __future__ import annotations

import argparse
import warnings


def one(n_councils: int, seed: int, interviews: int, codes: list[str]):
    """The ``in_intervention`` rows of one study's models of ``codes`` beside their planted value (pandas).

    The models are those :func:`impact.pipeline.analyse` fits (:func:`impact.intervention_effects` on the participant
    panel of the planted coding), fitted here for ``codes`` alone: the other analyses of a run do not touch them.
    """
    from impact.coding import Codebook
    from impact.codings import as_codings
    from impact.effects import intervention_effects
    from impact.panel import participant_panel
    from impact.pipeline import MAIN_MEASURE, _segments_of_uncoded, _to_top_codes, supplied_codes
    from impact.synth import generate_with_truth

    study, truth = generate_with_truth(n_councils, seed=seed, interviews_per_wave=interviews, words_per_interview=60)
    book = Codebook.for_study(study, None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        coded = _to_top_codes(as_codings(truth.coded(), study, codes=supplied_codes(book), source="planted"), book)
        panel = participant_panel(study, coded, segments=_segments_of_uncoded(study, coded), codes=book.top_codes())
        m = intervention_effects(panel, measure=MAIN_MEASURE, codes=codes, waves=study.wave_ids, alpha=0.05, seed=1,
                                 n_permutations=99)
    m = m[m["term"] == "in_intervention"][["code", "estimate", "ci_low", "ci_high", "p_method"]]
    true = truth.intervention_effects()[["code", "marginal_log_odds"]]
    out = m.merge(true, on="code")
    return out.assign(seed=seed, covered=(out["ci_low"] <= out["marginal_log_odds"])
                      & (out["marginal_log_odds"] <= out["ci_high"]))


def main(argv: list[str] | None = None):
    import pandas as pd
    from scipy.stats import binomtest

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--councils", type=int, default=90)
    ap.add_argument("--seed", type=int, default=97000)
    ap.add_argument("--interviews", type=int, default=5)
    ap.add_argument("--codes", default="partnership", help="impacts to model, comma-separated (default: partnership)")
    ap.add_argument("--csv", default=None)
    a = ap.parse_args(argv)
    done = []
    for i in range(a.n):
        done.append(one(a.councils, a.seed + i, a.interviews, a.codes.split(",")))
        if a.csv:  # each study's rows as it ends, so that a long run stopped part way has what it measured
            done[-1].to_csv(a.csv, mode="a" if i else "w", header=not i, index=False)
    rows = pd.concat(done, ignore_index=True)
    for code, r in rows.groupby("code", sort=False):
        k, n = int(r["covered"].sum()), len(r)
        ci = binomtest(k, n).proportion_ci(method="exact")
        print(f"{code}: covered {k}/{n} = {k / n:.1%} (95% CI {ci.low:.1%} to {ci.high:.1%}); mean estimate "
              f"{r['estimate'].mean():.3f}, mean true {r['marginal_log_odds'].mean():.3f}, misses below "
              f"{int((r['ci_high'] < r['marginal_log_odds']).sum())}, above {int((r['ci_low'] > r['marginal_log_odds']).sum())}")
    return rows


if __name__ == "__main__":
    main()

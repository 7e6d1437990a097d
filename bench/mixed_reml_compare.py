"""The survey mixed fits started at the REML maximum (speed13) against the fits as before (statsmodels' start,
then the Powell polish), on many survey designs.

``python -m bench.mixed_reml_compare [--out bench/mixed_reml_compare.json]``

Each design is fitted twice by :func:`impact.stats.longitudinal_model` (``method="mixed"``, councils random,
respondents random within councils where some answer at two waves, councils random at each wave): as the library
fits it now (:func:`impact.stats._models._fit_from_maximum`: the maximum found by
:mod:`impact.stats._reml`, statsmodels' lbfgs started there) and as it was fitted before (that step skipped, so
``_fit_mixed`` takes its old path: lbfgs or statsmodels' default optimisers from statsmodels' start, fallbacks,
then :func:`impact.stats._models._polish`). For each fit: the REML log-likelihood, every fixed effect's estimate,
standard error, Satterthwaite df and p-value, the variance components, the notes and the CPU seconds.

The designs: studies of :func:`impact.synth.generate_with_truth` (the survey the pipeline reads, with both models
of :mod:`impact.effects`: ``score ~ C(wave) + in_intervention`` and ``score ~ C(wave) * in_intervention``), among
them the seeds the code's docstrings name (10 councils with no council effect, 90418; 40 councils, 150001 and
73058), null studies and ones with a council-by-wave shock added; and survey frames drawn here with the components
planted: 8-40 councils, 2 and 3 waves, respondents per council and wave drawn from 3 to 40 or 1 to 60, some
answering again at the next wave, council, respondent and council-by-wave SDs each zero in some designs, an
intervention status that changes within councils, with and without a planted effect; and fits without the
council-by-wave component (``unit_by_time=False``) and without respondents, the other structures the fast path
takes.

Passes when every new fit's REML log-likelihood is no lower than the old one's less 1e-6 and every figure the
report prints agrees at the digits it prints (estimates, SEs and interval limits to 2 decimals, p to 3, df to 1);
the largest differences are written too.
"""

from __future__ import annotations

import argparse
import json
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

FORMULAS = ("score ~ C(wave) + in_intervention", "score ~ C(wave) * in_intervention")


def synth_frames():
    """(name, survey scores) of generated studies, as :func:`impact.effects.survey_effects` reads them."""
    from impact.effects import _survey_scores
    from impact.synth import SynthEffects, generate_with_truth

    cases = [(10, 90418, "null", 0.0), (40, 150001, "null", 0.0), (40, 73058, "null", 0.0), (20, 139241, "default", 0.0),
             (12, 31612, "default", 0.0), (8, 31608, "default", 0.0), (24, 146063, "null", 0.1),
             (15, 150011, "null", 0.2), (30, 913003, "default", 0.0)]
    for councils, seed, effects, shock in cases:
        study, _ = generate_with_truth(councils, seed=seed, interviews_per_wave=1, words_per_interview=50,
                                       effects=SynthEffects.null() if effects == "null" else None)
        scores = _survey_scores(study)
        if shock:  # a council-by-wave shock, as bench/survey_null_size.py --council-wave-sd adds it
            rng = np.random.default_rng(seed)
            cells = scores.groupby(["council_id", "wave"], observed=True).ngroup().to_numpy()
            scores = scores.assign(score=scores["score"] + rng.normal(0, shock, cells.max() + 1)[cells])
        yield f"synth {councils} councils seed {seed} {effects}" + (f" shock {shock}" if shock else ""), scores


def drawn_frame(rng, councils: int, waves: int, sd_council: float, sd_cell: float, sd_respondent: float,
                effect: float, sizes: tuple[int, int] = (3, 40), repeat: float = 0.4) -> pd.DataFrame:
    """A survey frame with the components planted: unbalanced respondents, some answering again at the next wave."""
    rows = []
    in_intervention_from = rng.integers(0, waves + 1, councils)  # the wave a council enters intervention (waves: never)
    in_intervention_from[: councils // 3] = waves  # a third never in intervention
    in_intervention_from[councils // 3: councils // 2] = 0  # some in intervention throughout
    for c in range(councils):
        u = rng.normal(0, sd_council)
        previous: list[int] = []
        next_id = 0
        for w in range(waves):
            cell = rng.normal(0, sd_cell)
            status = int(w >= in_intervention_from[c])
            n = int(rng.integers(sizes[0], sizes[1] + 1))
            again = [r for r in previous if rng.random() < repeat][:n]
            ids = again + list(range(next_id, next_id + n - len(again)))
            next_id += n - len(again)
            for r in ids:
                rows.append({"council_id": f"C{c:02d}", "respondent_id": f"C{c:02d}R{r}", "wave": f"W{w}",
                             "in_intervention": status, "u": u, "cell": cell})
            previous = ids
    frame = pd.DataFrame(rows)
    # one respondent effect per respondent (the same at each of their waves)
    people = frame["respondent_id"].unique()
    effects = dict(zip(people, rng.normal(0, sd_respondent, len(people))))
    frame["score"] = (3 + 0.1 * frame["wave"].str[1:].astype(int) + effect * frame["in_intervention"] + frame["u"]
                      + frame["cell"] + frame["respondent_id"].map(effects) + rng.normal(0, 0.8, len(frame)))
    frame["wave"] = pd.Categorical(frame["wave"], categories=[f"W{w}" for w in range(waves)], ordered=True)
    return frame[["council_id", "respondent_id", "wave", "in_intervention", "score"]]


def drawn_frames(seed: int = 130013):
    rng = np.random.default_rng(seed)
    designs = [  # councils, waves, council SD, council-by-wave SD, respondent SD, status effect
        (8, 2, 0.3, 0.1, 0.4, 0.0), (8, 3, 0.0, 0.0, 0.4, 0.0), (10, 2, 0.0, 0.2, 0.0, 0.3),
        (12, 3, 0.3, 0.0, 0.4, 0.0), (12, 2, 0.0, 0.0, 0.0, 0.0), (15, 3, 0.2, 0.2, 0.2, 0.2),
        (20, 2, 0.5, 0.0, 0.4, 0.0), (20, 3, 0.0, 0.3, 0.4, 0.0), (25, 2, 0.1, 0.05, 0.3, 0.1),
        (30, 3, 0.3, 0.1, 0.0, 0.0), (40, 2, 0.0, 0.0, 0.4, 0.0), (40, 3, 0.3, 0.15, 0.4, 0.2),
        (9, 3, 0.4, 0.0, 0.0, 0.0), (14, 2, 0.0, 0.1, 0.4, 0.0), (18, 3, 0.1, 0.0, 0.1, 0.0),
        (22, 2, 0.3, 0.3, 0.0, 0.5), (35, 3, 0.0, 0.05, 0.2, 0.0), (40, 2, 0.2, 0.0, 0.0, 0.0),
    ]
    for councils, waves, sdc, sdw, sdr, effect in designs:
        yield (f"drawn {councils} councils {waves} waves sd council {sdc} cell {sdw} respondent {sdr} effect "
               f"{effect}", drawn_frame(rng, councils, waves, sdc, sdw, sdr, effect))
    # very unbalanced: 1 to 60 respondents per council and wave
    for councils, waves, sdc, sdw, sdr in ((10, 3, 0.3, 0.1, 0.3), (16, 2, 0.0, 0.2, 0.3), (25, 3, 0.2, 0.0, 0.0),
                                           (30, 2, 0.0, 0.0, 0.0)):
        yield (f"drawn {councils} councils {waves} waves sd council {sdc} cell {sdw} respondent {sdr} null, 1-60 "
               "respondents a cell", drawn_frame(rng, councils, waves, sdc, sdw, sdr, 0.0, sizes=(1, 60)))


def fit(frame: pd.DataFrame, formula: str, old: bool, **options) -> dict:
    """One fit, as now (`old` False) or as before speed13 (`old` True), with the figures compared."""
    from impact.stats import _models, longitudinal_model

    saved = _models._fit_from_maximum
    if old:
        _models._fit_from_maximum = lambda model, notes: None
    try:
        start = time.process_time()
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            res = longitudinal_model(frame, formula=formula, unit="council_id", time="wave", method="mixed",
                                     family="gaussian", **options)
        seconds = time.process_time() - start
    finally:
        _models._fit_from_maximum = saved
    params = res.params
    return {"llf": float(res.fit_result.llf), "seconds": seconds, "result": res.fit_result,
            "params": {term: {c: float(params.loc[term, c]) for c in ("estimate", "se", "df", "p_value", "ci_low",
                                                                       "ci_high")}
                       for term in params.index},
            "components": {k: float(v) for k, v in res.variance_components["estimate"].items()},
            "notes": list(res.notes),
            "warnings": sorted({str(w.message)[:120] for w in caught
                                if "StatisticalWarning" in type(w.message).__name__ or "Sample" in
                                type(w.message).__name__})}


#: The digits the report prints: a figure agrees where both round to the same value.
DIGITS = {"estimate": 2, "se": 2, "ci_low": 2, "ci_high": 2, "p_value": 3, "df": 1}


def compare(old: dict, new: dict) -> dict:
    worst = {c: 0.0 for c in DIGITS}
    printed = []
    for term, row in old["params"].items():
        for c, digits in DIGITS.items():
            a, b = row[c], new["params"][term][c]
            worst[c] = max(worst[c], abs(a - b))
            if round(a, digits) != round(b, digits):
                printed.append([term, c, a, b])
    components = max(abs(old["components"][k] - new["components"][k]) for k in old["components"])
    return {"llf_gain": new["llf"] - old["llf"], "max_abs_diff": worst, "component_max_abs_diff": components,
            "printed_same": not printed, "printed_differences": printed, "notes_same": old["notes"] == new["notes"],
            "warnings_same": old["warnings"] == new["warnings"]}


def reference_gain(result) -> float:
    """How much higher statsmodels' own derivative-free optimisers get from the new fit's estimates (Powell's
    method, then Nelder-Mead, each to 20,000 iterations): the check that the new fit is at the maximum where the
    old one stopped lower."""
    model = result.model
    best = result.llf
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for method in ("powell", "nm"):
            try:
                other = model.fit(reml=True, method=[method], maxiter=20000, start_params=result.params_object)
            except (ValueError, np.linalg.LinAlgError):
                continue
            if np.isfinite(other.llf):
                best = max(best, other.llf)
    return float(best - result.llf)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path("bench/mixed_reml_compare.json"))
    args = parser.parse_args(argv)
    from impact.stats._threads import one_blas_thread

    results = []
    frames = list(synth_frames()) + list(drawn_frames())
    for name, frame in frames:
        variants = [(formula, {"subject": "respondent_id"}) for formula in FORMULAS]
        if name.startswith("drawn"):  # the other structures: no council-by-wave, no respondents
            variants += [(FORMULAS[0], {"subject": "respondent_id", "unit_by_time": False}),
                         (FORMULAS[0], {})]
        for formula, options in variants:
            try:
                with one_blas_thread():
                    old = fit(frame, formula, True, **options)
                    new = fit(frame, formula, False, **options)
            except ValueError as exc:  # a design whose terms are not identified: both raise
                print(f"{name} | {formula}: not fitted ({str(exc)[:80]})")
                continue
            row = {"design": name, "formula": formula, "options": options, "n_obs": len(frame),
                   "old_seconds": old["seconds"], "new_seconds": new["seconds"], "old_llf": old["llf"],
                   "new_llf": new["llf"], **compare(old, new)}
            if not row["notes_same"]:
                row["old_notes"], row["new_notes"] = old["notes"], new["notes"]
            if not row["printed_same"] or abs(row["llf_gain"]) > 1e-6:
                row["reference_gain_over_new"] = reference_gain(new["result"])
            results.append(row)
            print(f"{name} | {formula} {options}: llf gain {row['llf_gain']:+.2e}, printed same "
                  f"{row['printed_same']} {row['printed_differences']}, notes same {row['notes_same']}, reference gain "
                  f"{row.get('reference_gain_over_new', 0):.1e}, CPU {old['seconds']:.2f} -> "
                  f"{new['seconds']:.2f} s", flush=True)
    summary = {
        "fits": len(results),
        "designs": len(frames),
        "every_llf_no_lower": all(r["llf_gain"] >= -1e-6 for r in results),
        "lowest_llf_gain": min(r["llf_gain"] for r in results),
        "highest_llf_gain": max(r["llf_gain"] for r in results),
        "every_printed_same": all(r["printed_same"] for r in results),
        "printed_differ_where_old_lower": sum(not r["printed_same"] and r["llf_gain"] > 1e-6 for r in results),
        "highest_reference_gain_over_new": max(r.get("reference_gain_over_new", 0.0) for r in results),
        "notes_differ": sum(not r["notes_same"] for r in results),
        "old_seconds": sum(r["old_seconds"] for r in results),
        "new_seconds": sum(r["new_seconds"] for r in results),
        "max_abs_diff": {c: max(r["max_abs_diff"][c] for r in results) for c in DIGITS},
    }
    args.out.write_text(json.dumps({"summary": summary, "fits": results}, indent=1) + "\n")
    print(json.dumps(summary, indent=1))
    return 0 if summary["every_llf_no_lower"] and summary["highest_reference_gain_over_new"] < 1e-6 else 1


if __name__ == "__main__":
    raise SystemExit(main())

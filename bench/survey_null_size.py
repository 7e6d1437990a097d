"""Type I error of the survey's and the impacts' tests when nothing is planted (statistics round 15).

``python -m bench.survey_null_size [--n 200] [--councils 8,15,40] [--seed 150000] [--out bench/survey_null_size.json]``
generates null studies (:meth:`impact.synth.SynthEffects.null`: no survey shift over time nor by status; council and
respondent random effects, respondents kept at the repeat wave with chance 0.6 and the others replaced), seeds
``seed``, ``seed + 1``, ... for each number of councils, fits the survey models a run fits
(:func:`impact.effects.survey_effects`, :func:`impact.effects.survey_change_by_status`) and counts how often each
term the report can state as a finding has p < 0.05: the change over time (overall and in each status group), the
status term, the difference in change between the status groups and the status difference at the first wave. Writes
the rejection rate of each term with its Monte Carlo standard error (``sqrt(rate (1 - rate) / n)``) and exact
binomial 95% interval, and the median degrees of freedom used. A test of the right size rejects in 5% of studies.

With ``--council-wave-sd SD`` (a sensitivity analysis beyond the generator) each respondent's score at a wave also
gets a shock shared by the council's respondents at that wave, N(0, SD^2) in score points, drawn with
``numpy.random.default_rng(seed)`` of the study: a change over time that differs between councils with no average
change. The survey model's council-by-wave component (stats16) allows for it; the rate of its wave term is set beside
a t test of the councils' mean changes (councils - 1 df), which allows for it too.

With ``--planted`` the studies have the generator's default survey shift (:class:`impact.synth.SynthEffects`, as
``impact synth`` without ``--null``) and no added shock: the power of the wave term, of the model without the
council-by-wave component (``unit_by_time=False``) and of the t test, on the same studies.

With ``--impacts`` it also analyses the planted coding of each study as a run does (:func:`impact.pipeline.analyse`,
``parts`` comparisons, change and models, ``--resamples`` permutations, 5 participants per council and wave) and
counts, over every code and wave, how often the status comparison (permutation test), the change over time within a
status group (Friedman or exact test) and the models' ``in_intervention`` and wave terms (binomial GEE, the
intervention term's p from re-randomisation) have a raw p < 0.05, and in how many studies any p adjusted across the
family (Holm) is < 0.05: the family-wise rate the report's findings carry.

Each design's JSON also holds its CPU seconds (``cpu_seconds``, ``cpu_per_study``: process time, so a shared
machine's waiting is left out, unlike ``seconds``) and every study's ``(estimate, p, df)`` of each term
(``per_study``, with its seed), so that runs made in pieces can be pooled exactly:
``python -m bench.survey_null_size --pool a.json b.json --out pooled.json`` (same shock and ``--planted``; a seed
appearing twice is refused).
"""

from __future__ import annotations

import argparse
import json
import re
import time
import warnings
from pathlib import Path

import numpy as np

#: The report's name of each tested term: (which function, term).
TERMS = {("model", "wave_longer_term"): "change over time (all councils)",
         ("model", "in_intervention"): "in intervention vs not",
         ("by_status", "change_not_in_intervention"): "change over time, not in intervention",
         ("by_status", "change_in_intervention"): "change over time, in intervention",
         ("by_status", "change_difference"): "difference in change between status groups",
         ("by_status", "status_at_first"): "status difference at the first wave"}


def one(n_councils: int, seed: int) -> dict[str, tuple[float, float, float]]:
    """``{term name: (estimate, p_value, df)}`` of one null study's survey models."""
    from impact.effects import survey_change_by_status, survey_effects
    from impact.synth import SynthEffects, generate_with_truth

    study, _ = generate_with_truth(n_councils, seed=seed, interviews_per_wave=1, words_per_interview=50,
                                   effects=SynthEffects.null())
    out = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for kind, frame in (("model", survey_effects(study)), ("by_status", survey_change_by_status(study))):
            if frame is None:
                continue
            for _, r in frame.iterrows():
                if (kind, r["term"]) in TERMS:
                    out[TERMS[kind, r["term"]]] = (float(r["estimate"]), float(r["p_value"]),
                                                   float(r.get("df", np.nan)))
    return out


#: The impacts' tables and the rows of each that the report can state as a finding.
IMPACT_TABLES = {"comparisons": None, "change": None, "models": ("in_intervention", "wave_early", "wave_longer_term")}


def impacts(n_councils: int, seed: int, resamples: int) -> dict[str, tuple[list[float], bool]]:
    """``{test: (raw p values, any adjusted p < 0.05)}`` of one null study's impact analyses (see the module)."""
    from impact.pipeline import analyse
    from impact.synth import SynthEffects, generate_with_truth

    study, truth = generate_with_truth(n_councils, seed=seed, interviews_per_wave=5, words_per_interview=60,
                                       effects=SynthEffects.null())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        f = analyse(study, coded=truth.coded(), parts=list(IMPACT_TABLES), n_resamples=resamples, seed=1)
    out = {}
    for table, terms in IMPACT_TABLES.items():
        t = getattr(f, table)
        for term in terms or (None,):
            rows = t if term is None else t[t["term"] == term]
            name = table if term is None else f"{table}:{term}"
            out[name] = ([float(p) for p in rows["p_value"].dropna()], bool((rows["p_adjusted"] < 0.05).any()))
    return out


def summarise_impacts(rows: list[dict], alpha: float = 0.05) -> dict:
    """Per test of :func:`impacts`: the share of raw p values < ``alpha`` over all rows of all studies (each with its
    Monte Carlo standard error, rows of one study taken as independent), and the share of studies with any adjusted
    p < ``alpha``."""
    out = {}
    for name in rows[0]:
        ps = np.array([p for r in rows for p in r[name][0]])
        fam = np.array([r[name][1] for r in rows if r[name][0]])  # studies where the test was made
        if not len(ps):
            continue
        rate, fw = float((ps < alpha).mean()), float(fam.mean())
        out[name] = {"tests": len(ps), "rate": rate, "mc_se": float(np.sqrt(rate * (1 - rate) / len(ps))),
                     "studies": len(fam), "familywise_rate": fw,
                     "familywise_mc_se": float(np.sqrt(fw * (1 - fw) / len(fam)))}
    return out


def shocked(n_councils: int, seed: int, sd: float) -> dict[str, tuple[float, float, float]]:
    """The survey model's wave term (``{"change over time (all councils)": (estimate, p, df)}``) and a one-sample t
    test of the councils' mean changes (``"council-level t test"``) of a null study whose scores get a council-by-wave
    shock of ``sd`` score points (see the module)."""
    from impact.effects import _survey_scores
    from impact.synth import SynthEffects, generate_with_truth

    study, _ = generate_with_truth(n_councils, seed=seed, interviews_per_wave=1, words_per_interview=50,
                                   effects=SynthEffects.null())
    scores = _survey_scores(study)
    cells = scores[["council_id", "wave"]].drop_duplicates().reset_index(drop=True)
    cells["shock"] = np.random.default_rng(seed).normal(0.0, sd, len(cells))
    scores = scores.merge(cells, on=["council_id", "wave"])
    scores["score"] = scores["score"] + scores["shock"]
    return _wave_tests(scores, "score ~ C(wave)", without=False)


#: The row names of the wave term of the model without the council-by-wave component (before stats16).
WITHOUT = "change over time, model without council-by-wave"


def _wave_tests(scores, formula: str, without: bool = True) -> dict[str, tuple[float, float, float]]:
    """The wave term of the survey model (and, with `without`, of the model without its council-by-wave component),
    and a one-sample t test of the councils' mean changes from the first wave to the last."""
    from scipy import stats

    from impact.stats import longitudinal_model

    out = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name, by_time in ((TERMS["model", "wave_longer_term"], True), (WITHOUT, False))[:1 + without]:
            res = longitudinal_model(scores, formula=formula, unit="council_id", time="wave", subject="respondent_id",
                                     method="mixed", family="gaussian", unit_by_time=by_time)
            row = res.params.iloc[1]
            out[name] = (float(row["estimate"]), float(row["p_value"]), float(row["df"]))
    means = scores.groupby(["council_id", "wave"], observed=True)["score"].mean().unstack().dropna()
    change = means.iloc[:, -1] - means.iloc[:, 0]
    t = stats.ttest_1samp(change, 0.0)
    out["council-level t test"] = (float(change.mean()), float(t.pvalue), float(len(change) - 1))
    return out


def planted(n_councils: int, seed: int) -> dict[str, tuple[float, float, float]]:
    """As :func:`shocked`, for a study of :class:`impact.synth.SynthEffects` defaults (a planted survey shift at the
    repeat wave, as ``impact synth`` without ``--null``), no added shock, with the formula :func:`survey_effects`
    fits: power, not size."""
    from impact.effects import _survey_scores
    from impact.synth import SynthEffects, generate_with_truth

    study, _ = generate_with_truth(n_councils, seed=seed, interviews_per_wave=1, words_per_interview=50,
                                   effects=SynthEffects())
    scores = _survey_scores(study)
    varies = scores.groupby("wave", observed=True)["in_intervention"].nunique().max() > 1
    return _wave_tests(scores, "score ~ C(wave) + in_intervention" if varies else "score ~ C(wave)")


def summarise(rows: list[dict], alpha: float = 0.05) -> dict:
    """Rejection rate at ``alpha`` of each term over ``rows`` (from :func:`one`)."""
    from scipy.stats import binomtest

    out = {}
    for name in [*TERMS.values(), WITHOUT, "council-level t test"]:
        got = [r[name] for r in rows if name in r and np.isfinite(r[name][1])]
        if not got:
            continue
        k, n = sum(p < alpha for _, p, _ in got), len(got)
        ci = binomtest(k, n).proportion_ci(method="exact")
        rate = k / n
        out[name] = {"studies": n, "rejected": k, "rate": rate, "mc_se": float(np.sqrt(rate * (1 - rate) / n)),
                     "ci": [float(ci.low), float(ci.high)], "mean_estimate": float(np.mean([e for e, _, _ in got])),
                     "median_df": float(np.nanmedian([d for _, _, d in got]))}
    return out


def _per_study(rows: list[dict], seed: int) -> list[dict]:
    """Each study's ``{"seed": seed, term: [estimate, p, df]}`` (7 significant digits), so runs can be pooled."""
    return [{"seed": seed + i, **{k: [float(f"{x:.7g}") for x in v] for k, v in r.items()}} for i, r in enumerate(rows)]


def pool(paths: list[str]) -> dict:
    """The runs written to ``paths`` (same ``council_wave_sd`` and ``planted``) as one: per number of councils, the
    studies of every run (no seed twice) summarised again by :func:`summarise`, their seconds and CPU seconds summed.
    Each run must hold ``per_study`` rows (runs of this script since statistics round 17)."""
    runs = [json.loads(Path(p).read_text()) for p in paths]
    kinds = {(r["council_wave_sd"], r["planted"]) for r in runs}
    if len(kinds) != 1:
        raise ValueError(f"cannot pool runs of different designs {sorted(kinds)}: {', '.join(paths)}")
    out = {"n": 0, "seed": min(r["seed"] for r in runs), "alpha": runs[0]["alpha"],
           "council_wave_sd": runs[0]["council_wave_sd"], "planted": runs[0]["planted"], "pooled_from": [],
           "designs": {}}
    for path, run in zip(paths, runs):
        out["pooled_from"].append({"file": Path(path).name, "n": run["n"], "seed": run["seed"]})
        for councils, d in run["designs"].items():
            if "per_study" not in d:
                raise ValueError(f"{path}: design {councils} has no 'per_study' rows to pool")
            got = out["designs"].setdefault(councils, {"seconds": 0.0, "cpu_seconds": 0.0, "per_study": []})
            got["seconds"] = round(got["seconds"] + d["seconds"], 1)
            got["cpu_seconds"] = round(got["cpu_seconds"] + d["cpu_seconds"], 1)
            got["per_study"] += d["per_study"]
    for councils, d in out["designs"].items():
        seeds = [r["seed"] for r in d["per_study"]]
        if len(set(seeds)) != len(seeds):
            raise ValueError(f"design {councils}: a seed appears in more than one run ({', '.join(paths)})")
        rows = [{k: tuple(v) for k, v in r.items() if k != "seed"} for r in d["per_study"]]
        d["studies"], d["seeds"] = len(rows), [min(seeds), max(seeds)]
        d["cpu_per_study"] = round(d["cpu_seconds"] / len(rows), 3)
        d["terms"] = summarise(rows)
        d["per_study"] = d.pop("per_study")  # last, after the summary
    out["n"] = max(d["studies"] for d in out["designs"].values())
    return out


def _write(path: str, result: dict) -> None:
    """``result`` as indented JSON, each innermost list of numbers (a study's ``[estimate, p, df]``, an interval) on
    one line."""
    text = re.sub(r"\[\s+([^\[\]{}\"]*?)\s+\]", lambda m: "[" + " ".join(m.group(1).split()) + "]",
                  json.dumps(result, indent=2))
    Path(path).write_text(text + "\n")


def _print_terms(councils: int, terms: dict) -> None:
    for name, s in terms.items():
        print(f"{councils:3d} councils  {name:46s} {s['rejected']:3d}/{s['studies']} = {s['rate']:.3f} "
              f"(MC se {s['mc_se']:.3f}), median df {s['median_df']:.0f}", flush=True)


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--councils", default="8,15,40")
    ap.add_argument("--seed", type=int, default=150000)
    ap.add_argument("--out", default=None, help="JSON file to write")
    ap.add_argument("--impacts", type=int, default=0, help="null studies per design for the impacts' tests (0: none)")
    ap.add_argument("--resamples", type=int, default=199)
    ap.add_argument("--council-wave-sd", type=float, default=0.0,
                    help="council-by-wave shock added to the survey scores (sensitivity; 0: none, the generator's)")
    ap.add_argument("--planted", action="store_true",
                    help="studies with the generator's default survey shift (power of the wave term), not null ones")
    ap.add_argument("--pool", nargs="+", metavar="JSON",
                    help="pool runs written by --out (with per-study rows) into one, written to --out; no new studies")
    a = ap.parse_args(argv)
    if a.pool:
        result = pool(a.pool)
        if a.out:
            _write(a.out, result)
        for councils, d in result["designs"].items():
            _print_terms(int(councils), d["terms"])
        return result
    result = {"n": a.n, "seed": a.seed, "alpha": 0.05, "council_wave_sd": a.council_wave_sd, "planted": a.planted,
              "designs": {}}
    for councils in [int(c) for c in a.councils.split(",")]:
        t0, c0 = time.perf_counter(), time.process_time()
        rows = [planted(councils, a.seed + i) if a.planted else shocked(councils, a.seed + i, a.council_wave_sd)
                if a.council_wave_sd else one(councils, a.seed + i) for i in range(a.n)]
        cpu = time.process_time() - c0
        result["designs"][str(councils)] = {"seconds": round(time.perf_counter() - t0, 1), "cpu_seconds": round(cpu, 1),
                                            "cpu_per_study": round(cpu / max(a.n, 1), 3), "terms": summarise(rows),
                                            "per_study": _per_study(rows, a.seed)}
        _print_terms(councils, result["designs"][str(councils)]["terms"])
        if a.impacts:
            t0 = time.perf_counter()
            rows = [impacts(councils, a.seed + i, a.resamples) for i in range(a.impacts)]
            result["designs"][str(councils)]["impacts"] = {"studies": a.impacts, "resamples": a.resamples,
                                                           "seconds": round(time.perf_counter() - t0, 1),
                                                           "tests": summarise_impacts(rows)}
            for name, s in result["designs"][str(councils)]["impacts"]["tests"].items():
                print(f"{councils:3d} councils  {name:30s} raw {s['rate']:.3f} (MC se {s['mc_se']:.3f}) of "
                      f"{s['tests']}; any adjusted {s['familywise_rate']:.3f} of {s['studies']}", flush=True)
        if a.out:
            _write(a.out, result)
    return result


if __name__ == "__main__":
    main()

"""Recovery of planted truth through the main job, over many generated studies.

``python -m bench.validity --studies 200 --out bench/results`` (``make validity``)
generates studies of 20 to 153 councils (the size drawn per study), with the
default planted effects and with none (``SynthEffects.null()``), and runs the
public main job, :func:`impact.analyse`, on each:

* with the **perfect coding** (the planted statements, ``truth.coded()``, as
  ``impact run --coded truth_coded.csv`` reads them): whether the 95%
  interval of each code's intervention effect covers its true value (the
  population-averaged log-odds ratio implied by the planted conditional
  model, :meth:`impact.synth.PlantedTruth.intervention_effects`; 0 for codes
  with no planted effect); whether any Holm-adjusted p (GEE and permutation
  comparisons) is below 0.05 in a null study; whether each reported
  prevalence interval (code x wave x status) covers its planted probability;
* with the **machine coder** (``--machine``) on the same studies: the bias of
  each intervention estimate against the perfect-coding estimate, and the
  false-positive rate under the null.

Results go to ``<out>/validity-<timestamp>.json`` and
``<out>/validity-latest.json``: one record per study and a summary with
binomial (Wilson) 95% intervals for every rate.  ``--quick`` runs 6 small
studies (a smoke test, not a validity check).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import math
import platform
import sys
import time
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["one_study", "summarise", "run", "main"]

SEED_BASE = 7_000_000  # far from the seeds the project's tests and example use
_PARTS = ("comparisons", "models")  # what is scored; the rest of the main job is not needed here
ALPHA = 0.05


def _wilson(k: int, n: int, z: float = 1.959964) -> tuple[float, float]:
    if n == 0:
        return float("nan"), float("nan")
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return centre - half, centre + half


def _effects_rows(findings, truth_effects: pd.DataFrame | None) -> list[dict[str, Any]]:
    m = findings.models
    rows = []
    if m is None or m.empty:
        return rows
    m = m[m["term"] == "in_intervention"]
    true = truth_effects.set_index("code")["marginal_log_odds"] if truth_effects is not None else None
    for r in m.itertuples():
        row = {"code": r.code, "estimate": float(r.estimate), "ci_low": float(r.ci_low), "ci_high": float(r.ci_high),
               "p_value": float(r.p_value), "p_adjusted": float(r.p_adjusted)}
        if true is not None:
            t = float(true[r.code])
            row["true"] = t
            row["covered"] = bool(r.ci_low <= t <= r.ci_high)
        rows.append(row)
    return rows


def _prevalence_rows(findings, truth) -> list[dict[str, Any]]:
    p = findings.prevalence
    p = p[p["measure"] == "reported"]
    true = truth.prevalences()
    true = true[true["measure"] == "reported"].set_index(["code", "wave", "status_group"])["probability"]
    rows = []
    for r in p.itertuples():
        if r.n == 0 or (r.code, r.wave, r.group) not in true.index:
            continue
        t = float(true[(r.code, r.wave, r.group)])
        rows.append({"code": r.code, "wave": r.wave, "group": r.group, "n": int(r.n), "prevalence": float(r.prevalence),
                     "true": t, "covered": bool(r.ci_low <= t <= r.ci_high)})
    return rows


def one_study(index: int, *, null: bool, machine: bool, n_resamples: int, councils: tuple[int, int],
              words: int = 300) -> dict[str, Any]:
    """Generate study ``index`` (planted or null), analyse it, and score it against its truth."""
    import impact
    from impact.synth import SynthEffects, generate_with_truth

    seed = SEED_BASE + 2 * index + int(null)
    rng = np.random.default_rng(seed)
    n_councils = int(rng.integers(councils[0], councils[1] + 1))
    t0 = time.perf_counter()
    study, truth = generate_with_truth(n_councils, seed=seed, words_per_interview=words,
                                       effects=SynthEffects.null() if null else None)
    t1 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        perfect = impact.analyse(study, coded=truth.coded(), seed=seed, n_resamples=n_resamples, parts=_PARTS)
    t2 = time.perf_counter()
    true_effects = truth.intervention_effects()
    record: dict[str, Any] = {
        "index": index, "seed": seed, "null": null, "n_councils": n_councils,
        "n_interviews": int(len(study.interviews)),
        "perfect": {
            "effects": _effects_rows(perfect, true_effects),
            "prevalence": _prevalence_rows(perfect, truth),
            "any_gee_holm": bool((perfect.models.query("term == 'in_intervention'")["p_adjusted"] < ALPHA).any()),
            "any_comparison_holm": bool((perfect.comparisons["p_adjusted"] < ALPHA).any()),
        },
        "seconds": {"generate": t1 - t0, "analyse_perfect": t2 - t1},
    }
    if machine:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            coded = impact.analyse(study, seed=seed, n_resamples=n_resamples, parts=_PARTS)
        record["seconds"]["analyse_machine"] = time.perf_counter() - t2
        est = {r["code"]: r for r in _effects_rows(coded, true_effects)}
        perf = {r["code"]: r for r in record["perfect"]["effects"]}
        record["machine"] = {
            "effects": list(est.values()),
            "bias_vs_perfect": {c: est[c]["estimate"] - perf[c]["estimate"] for c in est if c in perf},
            "any_gee_holm": bool((coded.models.query("term == 'in_intervention'")["p_adjusted"] < ALPHA).any()),
            "any_comparison_holm": bool((coded.comparisons["p_adjusted"] < ALPHA).any()),
        }
    return record


def _rate(flags: list[bool]) -> dict[str, Any]:
    k, n = int(sum(flags)), len(flags)
    lo, hi = _wilson(k, n)
    return {"rate": k / n if n else float("nan"), "k": k, "n": n, "ci_low": lo, "ci_high": hi}


def summarise(records: list[dict[str, Any]]) -> dict[str, Any]:
    """Coverage, false-positive rates and bias over the studies."""
    planted = [r for r in records if not r["null"]]
    null = [r for r in records if r["null"]]
    out: dict[str, Any] = {"n_planted": len(planted), "n_null": len(null)}
    cover: dict[str, list[bool]] = {}
    for r in planted + null:
        for e in r["perfect"]["effects"]:
            key = e["code"] if e["true"] != 0 else f"{e['code']} (no effect)"
            cover.setdefault(key, []).append(e["covered"])
    out["effect_coverage"] = {k: _rate(v) for k, v in sorted(cover.items())}
    planted_flags = [e["covered"] for r in planted for e in r["perfect"]["effects"] if e["true"] != 0]
    out["planted_effect_coverage"] = _rate(planted_flags)
    out["null_any_gee_holm"] = _rate([r["perfect"]["any_gee_holm"] for r in null])
    out["null_any_comparison_holm"] = _rate([r["perfect"]["any_comparison_holm"] for r in null])
    out["prevalence_coverage"] = _rate([p["covered"] for r in planted + null for p in r["perfect"]["prevalence"]])
    est = {}
    for r in planted:
        for e in r["perfect"]["effects"]:
            est.setdefault(e["code"], []).append(e["estimate"] - e["true"])
    out["perfect_bias"] = {c: {"mean": float(np.mean(v)), "sd": float(np.std(v, ddof=1)) if len(v) > 1 else None,
                               "n": len(v)} for c, v in sorted(est.items())}
    machine = [r for r in records if "machine" in r]
    if machine:
        bias: dict[str, list[float]] = {}
        for r in machine:
            if r["null"]:
                continue
            for c, b in r["machine"]["bias_vs_perfect"].items():
                bias.setdefault(c, []).append(b)
        out["machine_bias_vs_perfect"] = {
            c: {"mean": float(np.mean(v)), "sd": float(np.std(v, ddof=1)) if len(v) > 1 else None, "n": len(v)}
            for c, v in sorted(bias.items())}
        out["machine_null_any_gee_holm"] = _rate([r["machine"]["any_gee_holm"] for r in machine if r["null"]])
        out["machine_null_any_comparison_holm"] = _rate([r["machine"]["any_comparison_holm"] for r in machine if r["null"]])
    return out


def run(*, studies: int, out: Path, machine: bool = False, n_resamples: int = 2_000, councils=(20, 153),
        start: int = 0, n_jobs: int = 1, words: int = 300) -> dict[str, Any]:
    """Run ``studies`` planted and ``studies`` null studies; write and return the results."""
    jobs = [(i, null) for i in range(start, start + studies) for null in (False, True)]
    kw = {"machine": machine, "n_resamples": n_resamples, "councils": tuple(councils), "words": words}
    if n_jobs > 1:
        from joblib import Parallel, delayed

        records = Parallel(n_jobs=n_jobs)(delayed(one_study)(i, null=null, **kw) for i, null in jobs)
    else:
        records = []
        for k, (i, null) in enumerate(jobs):
            records.append(one_study(i, null=null, **kw))
            print(f"validity: {k + 1}/{len(jobs)} studies ({records[-1]['n_councils']} councils, "
                  f"{'null' if null else 'planted'})", file=sys.stderr, flush=True)
    result = {
        "generated": _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat(),
        "python": platform.python_version(),
        "parameters": {"studies": studies, "machine": machine, "n_resamples": n_resamples, "councils": list(councils),
                       "seed_base": SEED_BASE, "start": start, "words_per_interview": words},
        "summary": summarise(records),
        "studies": records,
    }
    out.mkdir(parents=True, exist_ok=True)
    stamp = _dt.datetime.now(_dt.UTC).strftime("%Y%m%dT%H%M%S")
    text = json.dumps(result, indent=1, default=float) + "\n"
    from impact._io import atomic_write_text

    atomic_write_text(out / f"validity-{stamp}.json", text)
    atomic_write_text(out / "validity-latest.json", text)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.validity", description=__doc__.split("\n\n")[0])
    parser.add_argument("--studies", type=int, default=200, help="planted studies (and as many null ones); default 200")
    parser.add_argument("--machine", action="store_true", help="also analyse each study with the machine coder")
    parser.add_argument("--resamples", type=int, default=2_000, help="permutations per test (default 2000)")
    parser.add_argument("--start", type=int, default=0, help="index of the first study (to run in parts)")
    parser.add_argument("--jobs", type=int, default=1, help="studies analysed in parallel (default 1)")
    parser.add_argument("--words", type=int, default=300,
                        help="words per interview (default 300: the planted statements are the same; the truth "
                             "accounts for the number of statements per interview)")
    parser.add_argument("--quick", action="store_true", help="6 small studies: a smoke test")
    parser.add_argument("--out", type=Path, default=Path("bench/results"))
    args = parser.parse_args(argv)
    if args.studies < 1 or args.resamples < 1 or args.jobs < 1 or args.start < 0:
        parser.error("--studies, --resamples and --jobs must be at least 1, --start at least 0")
    councils = (20, 30) if args.quick else (20, 153)
    studies = 3 if args.quick else args.studies
    result = run(studies=studies, out=args.out, machine=args.machine, n_resamples=args.resamples, councils=councils,
                 start=args.start, n_jobs=args.jobs, words=args.words)
    print(json.dumps(result["summary"], indent=1, default=float))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

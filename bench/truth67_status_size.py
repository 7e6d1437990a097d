"""How often the summary of a null 5-wave study would claim a difference by intervention status (truth67).

``python -m bench.truth67_status_size --out bench/results`` writes ``<out>/truth67_status_size.json``.

truth66 read one null 60-council 5-wave study whose summary said "Revision of policies, processes and systems was
reported less often by participants in councils in intervention (odds ratio 0.58, Holm-adjusted p = 0.037)" with
nothing planted: whether the status test keeps its size at 5 waves was not measured. Here null studies
(:meth:`impact.synth.SynthEffects.null`: no wave, status or survey effect; the generator's default paths through
intervention, notices held to the last wave; ``waves=5``, the survey at every wave, 3 interviews per council and wave)
are generated at each size (``--sizes``, default 10, 20 and 60 councils; ``--n`` per size, seeds ``--seed`` +
1000 x size + i, chosen before any run and in none of bench/, tests/ or impact/ then) and tested as the report tests
them, on the planted coding (the report's statistics, not the coder, under test):

* ``status``: the models' status term (:func:`impact.intervention_effects`, the six impacts, the study's waves; Holm
  across the impacts), a claim where the summary would state one: the impacts the report reads
  (:func:`impact.report._build._estimable_gee`: not separated, finite, enough councils on each side) with an
  adjusted p below alpha;
* ``change``: the change across the waves by status (:func:`impact.effects.change_by_status`, Holm across the
  impacts tested): a claim where an adjusted p is below alpha; made from ``--change-from`` councils (default 20: at
  10 councils Firth's fits of one study took 100 s of CPU; bench/by_status_false_claims.py measures it at 3 waves);
* ``survey``: the survey's difference by status in the change from the first wave at each later wave
  (:func:`impact.effects.survey_change_by_status`), the waves where both groups have at least ``min_count`` (5)
  councils, Holm-adjusted across them as the summary does (truth66): a claim where an adjusted p is below alpha;
* ``any``: a study with a claim of any of the three (the summary's false claims by status in all).

Per size and kind: the share of studies claiming (the familywise error the report promises at alpha) with its
Monte Carlo standard error and Wilson 95% interval, and the share of single tests with an unadjusted p below alpha
(each test's own size), and for the status test how many of its p-values were a randomisation test's.

truth67's run (``--n 100``, seeds 67010000-67010099, 67020000-67020099, 67060000-67060099, chosen before it; 100 of
each, all run; bench/truth67_status_size.json, 1,145 s of CPU). Each family keeps its size within Monte Carlo error:
the models' status term claimed a difference in 2 of the 30 studies where it could be read at 10 councils, 7 of 91
at 20 (7.7%, MC se 2.8%), 5 of 100 at 60; single tests 6.7%, 5.5%, 4.8% (every p at 10 councils and 402 of 546 at 20
a randomisation test's); the change by status 8 of 91 at 20 (8.8%, MC se 3.0%, Wilson upper 16%) and 6 of 100 at 60,
single tests 6.4% and 5.7%; the survey's difference (Holm across its later waves) 5 of 72 at 20 and 4 of 100 at 60,
single tests 5.3% and 4.8%. truth66's one claim at 60 councils was chance. But the summary states differences by
status from the three families, each adjusted alone: a null study drew at least one such claim in 3 of 100 at 10
councils, 20 of 100 at 20 (Wilson 13% to 29%) and 13 of 100 at 60 (8% to 21%), about the sum of the three. Not fixed
here (open): one family across every status claim the summary makes, the tables printing its p.

truth68: each study also records the raw p of every test the summary can state a difference by status from
(``raw_p``) and the claims made with the three adjusted as ONE family (``joint``, ``joint_any``;
:func:`impact.stats._multiplicity._adjust_together`, as the report now adjusts them); ``--waves`` (3, 4 or 5) and
``--planted`` (a status effect, log-odds, planted in partnership working: the power of the status term before and
after, ``partnership_status_claim`` and ``..._joint``). The family here is the status terms the summary reads, the
change by status tested and the survey's later waves tested, as the report's. bench/truth68_status_size*.json
(seeds 68000000, 68100000, 68200000 + 1000 x size + i, chosen before the runs; see the CHANGELOG for the figures).

truth69: the rows the report withholds count in the family as p = 1, as the report counts them (``joint[kind]
["withheld"]``): a status contrast with fewer than FEWEST_COUNCILS councils on a side and the survey's difference at a
wave where a status group has fewer than min_count councils answering. A change by status withheld for its cells is
not counted (the disclosure ledger is not built here), so the family here is at most the report's. bench/
truth69_status_size_{w5,planted}.json (seeds 69000000 and 69100000 + 1000 x size + i, chosen before the runs; stopped
at the stop's deadline: 26 and 25 studies a size; see the CHANGELOG for the figures). The lead's run to 100 a size on
main after the merge (``--sizes 20 --n 100`` and ``--sizes 60 --n 100``, seed 69000000, the helper's studies among
them): bench/truth69_status_size_w5_n100.json and ..._n100_60.json. A claim of a difference by status in 4 of 100 null
studies at 20 councils (Wilson 1.6% to 9.8%; 9 of 100 with the families adjusted apart) and 4 of 100 at 60 (1.6% to
9.8%; 10 of 100 apart); 324 and 392 s of CPU.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import time
import warnings
from pathlib import Path

from bench.survey_power_check import wilson
from impact.stats._multiplicity import _adjust_together

ALPHA = 0.05
MIN_COUNT = 5
IMPACTS = ["commitment", "plans_actions", "learning", "policies_systems", "morale", "partnership"]
WAVES = ["expectations", "early", "longer_term", "two_years", "three_years"]


def _holm(p):
    import numpy as np

    from impact.stats._multiplicity import _holm as holm

    return holm(np.asarray(p, dtype=float)) if len(p) else np.asarray([], dtype=float)


def _one(n_councils: int, seed: int, change: bool = True, waves: int = 5, planted: float = 0.0) -> dict:
    from impact.effects import change_by_status, intervention_effects, survey_change_by_status
    from impact.panel import participant_panel
    from impact.report._build import FEWEST_COUNCILS, _estimable_gee, _smaller_side
    from impact.synth import SynthEffects, generate_with_truth

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        effects = SynthEffects.null()
        if planted:  # truth68: a status effect planted in partnership working (the generator's intervention_codes)
            effects = dataclasses.replace(effects, intervention_log_odds=planted)
        study, truth = generate_with_truth(n_councils, seed=seed, waves=waves, survey_waves=WAVES[:waves],
                                           interviews_per_wave=3, words_per_interview=60, effects=effects)
        panel = participant_panel(study, truth.coded())
        models = intervention_effects(panel, codes=IMPACTS, waves=study.wave_ids, seed=1, n_permutations=999)
        by_status = change_by_status(panel, study=study, codes=IMPACTS, waves=study.wave_ids) if change else None
        survey = survey_change_by_status(study)
    line = {"seed": seed}
    gee = models[models["term"] == "in_intervention"] if len(models) else models
    if len(gee):
        estimable, _, thin = _estimable_gee(gee)
        read = estimable if thin is None else estimable.iloc[:0]
        line["status"] = {"claimed": int((read["p_adjusted"] < ALPHA).sum()), "read": len(read),
                          "rejected_unadjusted": int((read["p_value"] < ALPHA).sum()),
                          "randomisation": int(read["p_method"].eq("randomisation").sum())
                          if "p_method" in read.columns else 0,
                          "smallest_p_adjusted": float(read["p_adjusted"].min()) if len(read) else None}
    else:
        thin = None
        line["status"] = {"claimed": 0, "read": 0, "rejected_unadjusted": 0, "randomisation": 0,
                          "smallest_p_adjusted": None}
    t = by_status[by_status["term"] == "differs"] if by_status is not None and len(by_status) else None
    tested = t[t["tested"].astype(bool)] if t is not None else []
    line["change"] = {"claimed": int((tested["p_adjusted"] < ALPHA).sum()) if len(tested) else 0,
                      "read": len(tested),
                      "rejected_unadjusted": int((tested["p_value"] < ALPHA).sum()) if len(tested) else 0}
    d = survey[survey["term"] == "change_difference"] if survey is not None and len(survey) else None
    if d is not None:
        d = d[(d["n_units_intervention"] >= MIN_COUNT) & (d["n_units_no_intervention"] >= MIN_COUNT)
              & d["p_value"].notna()]
    p = d["p_value"].to_numpy(float) if d is not None else []
    line["survey"] = {"claimed": int((_holm(p) < ALPHA).sum()), "read": len(p),
                      "rejected_unadjusted": int((p < ALPHA).sum()) if len(p) else 0}
    line["any"] = int(any(line[k]["claimed"] for k in ("status", "change", "survey")))
    # truth68: the raw p of every test the summary can state a difference by status from, and the claims made when
    # the three are adjusted as one family (impact.stats._multiplicity._adjust_together, as the report now does)
    raw = {"status": dict(zip(read["code"], read["p_value"].astype(float))) if len(gee) else {},
           "change": dict(zip(tested["code"], tested["p_value"].astype(float))) if len(tested) else {},
           "survey": dict(zip(d["wave"].astype(str), p)) if d is not None else {}}
    # truth69: the rows the report withholds count in the family as p = 1, as the report counts them: a status
    # contrast with fewer than FEWEST_COUNCILS councils on a side (where the summary reads the status terms) and the
    # survey's difference at a wave where a group has fewer than min_count councils answering. A change by status
    # withheld for its cells (the disclosure ledger, not built here) is not counted: the family here is at most as
    # large as the report's, its claims at least as many
    withheld = {"status": [], "change": [], "survey": []}
    if len(gee) and thin is None:
        withheld["status"] = list(gee.loc[_smaller_side(gee) < FEWEST_COUNCILS, "code"])
    if survey is not None and len(survey):
        few = survey[(survey["term"] == "change_difference")
                     & ((survey["n_units_intervention"] < MIN_COUNT) | (survey["n_units_no_intervention"] < MIN_COUNT))]
        withheld["survey"] = list(few["wave"].astype(str))
    counted = {k: [*raw[k].values(), *[1.0] * len(withheld[k])] for k in raw}
    joint = _adjust_together(counted)
    line["raw_p"] = raw
    line["joint"] = {k: {"claimed": int((joint[k][:len(raw[k])] < ALPHA).sum()), "read": len(raw[k]),
                         "withheld": len(withheld[k]),
                         "claimed_codes": [c for c, q in zip(raw[k], joint[k]) if q < ALPHA]} for k in raw}
    line["joint_any"] = int(any(v["claimed"] for v in line["joint"].values()))
    if gee is not None and len(gee):
        line["status"]["claimed_codes"] = list(read.loc[read["p_adjusted"] < ALPHA, "code"])
    return line


def _strict(value):
    """``value`` with every NaN or infinite float as None (null): JSON has no NaN, and strict readers (jq, a browser's
    JSON.parse) refuse the file Python writes with one."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _strict(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_strict(v) for v in value]
    return value


def _rate(count: int, of: int) -> dict:
    rate = count / of if of else float("nan")
    low, high = wilson(count, of) if of else (float("nan"), float("nan"))
    return {"count": count, "of": of, "rate": rate,
            "mc_se": math.sqrt(rate * (1 - rate) / of) if of else float("nan"), "wilson_low": low, "wilson_high": high}


def _summary(runs: list[dict]) -> dict:
    out = {"any_false_claim": _rate(sum(r["any"] for r in runs), len(runs)),
           "joint_any_claim": _rate(sum(r.get("joint_any", 0) for r in runs), len(runs)),
           "partnership_status_claim": _rate(sum("partnership" in r["status"].get("claimed_codes", ()) for r in runs),
                                             len(runs)),
           "partnership_status_claim_joint": _rate(sum("partnership" in r.get("joint", {}).get("status", {}).get(
               "claimed_codes", ()) for r in runs), len(runs))}
    for kind in ("status", "change", "survey"):
        with_tests = [r for r in runs if r[kind]["read"]]
        out[kind] = {"false_claim": _rate(sum(bool(r[kind]["claimed"]) for r in with_tests), len(with_tests)),
                     "test_size": _rate(sum(r[kind]["rejected_unadjusted"] for r in runs),
                                        sum(r[kind]["read"] for r in runs)),
                     "studies_without_a_test": len(runs) - len(with_tests)}
    out["status"]["randomisation_p"] = sum(r["status"]["randomisation"] for r in runs)
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10, 20, 60])
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=67_000_000)
    ap.add_argument("--out", type=Path, default=Path("bench/results"))
    ap.add_argument("--name", default="truth67_status_size")
    ap.add_argument("--waves", type=int, default=5, choices=(3, 4, 5))
    ap.add_argument("--planted", type=float, default=0.0,
                    help="a status effect (log-odds) planted in partnership working; 0, the null (truth68)")
    ap.add_argument("--change-from", type=int, default=20,
                    help="the change by status is tested from this many councils (at 10, Firth's fits of one study "
                         "took 100 s of CPU)")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    result = {"alpha": ALPHA, "waves": WAVES[:args.waves], "planted_status_log_odds": args.planted,
              "n_per_size": args.n, "seed": args.seed, "sizes": {}}
    path = args.out / f"{args.name}.json"
    runs: dict[int, list[dict]] = {size: [] for size in args.sizes}
    cpu = dict.fromkeys(args.sizes, 0.0)
    # the sizes taken in turn, study by study, and the JSON written after each: a run stopped early (a shared machine)
    # leaves as many studies of each size, each counted
    for i in range(args.n):
        for size in args.sizes:
            t0 = time.process_time()
            runs[size].append(_one(size, args.seed + 1000 * size + i, change=size >= args.change_from,
                                   waves=args.waves, planted=args.planted))
            cpu[size] += time.process_time() - t0
            result["sizes"][str(size)] = {**_summary(runs[size]), "studies": len(runs[size]),
                                          "cpu_seconds": round(cpu[size], 1),
                                          "seeds": [args.seed + 1000 * size, args.seed + 1000 * size + i],
                                          "runs": runs[size]}
            path.write_text(json.dumps(_strict(result), indent=1, allow_nan=False) + "\n")
    for size in args.sizes:
        s = result["sizes"][str(size)]
        print(size, {k: (s[k]["false_claim"]["count"], s[k]["false_claim"]["of"]) for k in ("status", "change",
                                                                                            "survey")},
              "any", s["any_false_claim"]["count"], "joint", s["joint_any_claim"]["count"], "cpu", s["cpu_seconds"],
              flush=True)

if __name__ == "__main__":
    main()

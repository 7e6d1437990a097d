"""How often the report would say a change across the waves differs by intervention status when it does not (truth52).

``python -m bench.by_status_false_claims --out bench/results`` writes ``<out>/by_status_false_claims.json``.

The report tests, per impact, whether the change across the waves differs by intervention status
(:func:`impact.effects.change_by_status`: the models' binomial GEE with the wave interacting with the status at the
wave, councils as clusters, a Wald F test of the interaction terms on the Mancl-DeRouen sandwich with councils less
parameters as denominator df, Holm across the impacts) and says so in the summary only where the adjusted p is below
alpha. Null studies (``--n`` per size, seeds ``--seed`` + 1000 x size + i) are generated with the generator's default
effects (a status difference in partnership working that is the same at every wave: a status main effect, no
interaction) and, with ``--rise``, the same rise in promotion of learning at both later waves in every council. Each
study's participant panel from its planted coding is tested; per size: the share of studies with any impact claimed
(the summary's false-claim rate, the familywise error of the Holm family; the report's disclosure rules can only
withhold a claim, never add one) and the share of impact tests with an unadjusted p below alpha (the test's size),
each with its Monte Carlo standard error and Wilson 95% interval, how many impacts were not tested and how many were
tested by Firth's fit (a wave and status cell all or none, truth53). With ``--paths`` (e.g. ``never=0.6,entered=0.4``:
no council in intervention at the first wave, so the groups are whether a council was ever in intervention; or
``never=0.6,lifted=0.4``: councils leaving intervention between the early and the longer-term wave, truth54; or
``never=0.6,entered_lifted=0.4``: councils entering intervention after the review and leaving it before the
longer-term wave, in intervention at the early wave only, truth55) the
default status difference in partnership is switched off, and the JSON is named after the paths. With
``--missing-in`` (e.g. ``early=0.45,longer_term=0.65``) participants miss those waves with that chance where their
council is in intervention then (the generator's ``participant_missing_in_intervention``: informative attrition, no
difference planted) and the JSON's name ends in ``_missing_in``. Every study is also tested by the fit weighted for
missed interviews (``change_by_status(..., study=...)``, truth54): its false-claim rate (``weighted_false_claim``,
Holm across the impacts it weighted) and its unadjusted size are reported beside the complete cases', and
``disputed`` counts the studies where the two fits disagree on an impact (what the report calls disputed where the
response test finds the missed interviews not at random).

truth54's runs (seeds chosen before any run, none of them in bench/ or tests/ then): councils leaving intervention
``--paths never=0.6,lifted=0.4 --seed 761000`` (seeds 771000-771059, 781000-781059, 791000-791059) and informative
attrition ``--missing-in early=0.45,longer_term=0.65 --seed 761500`` (771500-771559, 781500-781559, 791500-791559).
On a machine shared by eight runs only ``--sizes 30`` was run (seeds 791000-791059 and 791500-791559; the JSONs beside
this file, by_status_false_claims_lifted_never.json and by_status_false_claims_missing_in.json).

truth55's runs: 10 and 20 councils of both designs above, with the seeds written there (771000-771059 and
781000-781059; 771500-771559 and 781500-781559), and councils entering and leaving intervention
``--paths never=0.6,entered_lifted=0.4 --seed 862000`` (seeds 872000-872059 at 10 councils, 882000-882059 at 20;
chosen before any run, none of them in bench/ or tests/ then). 60 studies per size each, all run; each size's entry in
the JSONs beside this file (by_status_false_claims_entered_lifted_never.json for the new design) says which round ran it
(``run_by``) and its CPU seconds.

review63's run, to settle truth55's 5 of 60 weighted false claims with councils entering and leaving at 20 councils:
``--paths never=0.6,entered_lifted=0.4 --sizes 20 --n 400 --seed 946000`` (seeds 966000-966399, chosen before the run,
none of them in bench/, tests/ or impact/ then), its JSON renamed to
by_status_false_claims_entered_lifted_never_review63.json beside this file: complete cases 11 of 400 studies claimed
(2.8%, Wilson upper 95% 0.049), the weighted fit 14 of 400 (3.5%, upper 0.058); single tests below 0.05: 83 of 2,364
complete-case, 38 of 1,293 weighted; 10 studies disputed. truth55's 5 of 60 weighted claims were chance.
review63's two more runs at 30 councils, 400 studies each, where 60 had given the highest rates (status at the wave,
4 of 60; councils leaving, 3 of 60): ``--sizes 30 --n 400 --seed 947000`` (seeds 977000-977399) and ``--paths
never=0.6,lifted=0.4 --sizes 30 --n 400 --seed 948000`` (seeds 978000-978399), chosen before the runs, unused then.
Their JSONs, renamed with _review63 beside this file: status at the wave, complete cases 17 of 400 claimed (4.2%,
Wilson upper 95% 0.067), weighted 16 of 400 (upper 0.064), single tests 112 of 2,340 and 100 of 2,294 below 0.05;
councils leaving, complete cases 10 of 400 (2.5%, upper 0.045), weighted 12 of 400 (upper 0.052), single tests 117 of
2,400 and 108 of 2,394.
review63's run of informative attrition at 20 councils, 400 studies (truth55's weighted 2 of 60): ``--missing-in
early=0.45,longer_term=0.65 --sizes 20 --n 400 --seed 949000`` (seeds 969000-969399, chosen before the run, unused then).
Its JSON, by_status_false_claims_missing_in_review63.json: complete cases 7 of 400 claimed (1.8%, Wilson upper 95%
0.036), weighted 6 of 400 (upper 0.032); single tests 54 of 2,016 and 58 of 1,639 below 0.05; 384 impacts not tested.

truth56: with ``--design first_report`` each study is truth54's test design (tests/test_report_truth_round54.py) at
``size`` councils: half in intervention at every wave, 12 participants each, three waves, one impact; a participant
reports it with chance logistic(-0.3 + u + rise at the later waves in intervention), u ~ N(0, 2.5) their own; at the
later waves a participant in intervention who did not report it at the first wave is missed with chance 0.9, every
other participant-wave with chance 0.05 (attrition on the first report, the weights' extreme case: response cells of a
few respondents of 60 to 80, weights up to 25). ``--rise`` is the planted rise in intervention (0: null). Seeds chosen
and written here before any run (none of them in bench/, tests/ or impact/ then): null ``--design first_report
--rise 0 --sizes 20 30 --seed 4541000`` (seeds 4561000-4561059 and 4571000-4571059) and planted ``--design
first_report --rise 3 --sizes 24 --seed 4541000`` (seeds 4565000-4565059). Run by truth56 (JSONs
by_status_false_claims_first_report_rise0.json and _rise3.json beside this file, 18 and 8 s of CPU): null, the weighted
fit claimed 1 of 60 studies at 20 councils and 1 of 60 at 30 (Wilson upper 95% 0.089 each), the complete cases 31 and
51 of 60 (the attrition's difference); planted, the weighted fit found the rise in 44 of 60 (73%; made in 59), the
complete cases in 60 of 60.

truth56's runs of councils entering and leaving intervention with informative attrition, where the weighted fit's
response model (the status at the wave crossed with the first report, a status no council has at the first wave) had
redundant columns and its IRLS went to an infinite weight, so the weighted fit was silently not made: ``--paths
never=0.6,entered_lifted=0.4 --missing-in early=0.4 --sizes 20 30 --seed 4542000`` (null; seeds 4562000-4562059 and
4572000-4572059) and, with ``--rise-in 2`` (a rise of 2 in promotion of learning while a council is in intervention,
the generator's ``intervention_wave_log_odds``: a true difference in the change), ``--sizes 24 --seed 4542000`` (seeds
4566000-4566059); each run with main's package and with truth56's, seeds chosen and written here before any run (none
of them in bench/, tests/ or impact/ then). On the shared machine only the null runs were made, main's package at 20
councils only (by_status_false_claims_entered_lifted_never_missing_in.json and ..._before_truth56.json beside this
file; 126 and 67 s of CPU): main made the weighted test for 160 of the 350 GEE tests at 20 councils (2 of 60 studies
claimed, Wilson upper 95% 0.114), truth56 for 350 of 350 (0 of 60, upper 0.060; single tests 17 of 350 below 0.05); at
30 councils 357 of 357, 4 of 60 claimed (upper 0.159; the complete cases 4 of 60), single tests 15 of 357. The planted
run (``--rise-in 2``) was not made; tests/test_report_truth_round56.py plants one.

review64's run to settle the 4 of 60 at 30 councils above, 400 studies: ``--paths never=0.6,entered_lifted=0.4
--missing-in early=0.4 --sizes 30 --n 400 --seed 4990000`` (seeds 5020000-5020399, chosen and written here before the
run, in none of bench/, tests/, impact/ then); its JSON is by_status_false_claims_entered_lifted_missing_in_review64.json.
Result (397 s of CPU): complete cases claimed 12 of 400 studies (3.0%, Wilson upper 95% 0.052), the weighted fit 11 of
400 (2.75%, upper 0.049); single tests below 0.05: 92 of 2,400 and 92 of 2,369 (3.8%); 6 studies disputed; 31 impacts by
Firth's fit. The 4 of 60 was chance.
review64 also made truth56's planted run as written above (``--rise-in 2 --sizes 24 --seed 4542000``, seeds
4566000-4566059; by_status_false_claims_entered_lifted_missing_in_rise2_review64.json): a rise of 2 planted, yet the
complete cases claimed a difference in 1 of 60 studies and the weighted fit in 0 of 60; single tests below 0.05 14 of
360 and 14 of 320, as under the null; 40 impacts by Firth's fit. Power near zero here: not explained in this stop.

truth58 explained it (bench/truth58_by_status_power.py): not a fault. This script's default ``--rise 2`` also lifts
learning in every council at both later waves, so councils not in intervention report it at about 0.9 at the early
wave and those in it at 1.0 (a Firth fit), and the difference lies at that wave only; a Firth fit by hand and a
permutation of the councils' status paths agree with impact's test. The same design without the common rise,
``--paths never=0.6,entered_lifted=0.4 --missing-in early=0.4 --rise 0 --rise-in 2 --sizes 24 --seed 5858000`` (seeds
5882000-5882059, chosen and written before the run, in none of bench/, tests/, impact/ then;
by_status_false_claims_entered_lifted_missing_in_rise0_rise_in2_truth58.json, 46 s of CPU): complete cases claimed a
difference in 6 of 60 studies, the weighted fit in 4; single tests below 0.05 35 of 360 and 31 of 355; 5 impacts by
Firth's fit. Still weak: about 10 of 24 councils in intervention, at one wave of two, 40% of their interviews there
missed.
"""

from __future__ import annotations

import argparse
import json
import math
import time
import warnings
from pathlib import Path

from bench.survey_power_check import wilson

ALPHA = 0.05
IMPACTS = ["commitment", "plans_actions", "learning", "policies_systems", "morale", "partnership"]


def _one(n_councils: int, seed: int, rise: float, paths: dict | None = None, missing_in: dict | None = None,
         rise_in: float = 0.0) -> dict:
    from impact.effects import change_by_status
    from impact.panel import participant_panel
    from impact.synth import generate_with_truth

    flat = {"expectations": 0.0, "early": 0.0, "longer_term": 0.0}
    effects = {"wave_log_odds": flat,
               "code_wave_log_odds": {"learning": {"expectations": 0.0, "early": rise, "longer_term": rise}}}
    if paths:
        # status beginning after the first wave: the groups are whether a council was ever in intervention, so the
        # default status difference in partnership (at the wave) would be a true difference in its change
        effects["intervention_log_odds"] = 0.0
    if rise_in:  # a difference in the change: learning rises only while a council is in intervention
        effects["intervention_wave_log_odds"] = {"learning": {"expectations": 0.0, "early": rise_in,
                                                              "longer_term": rise_in}}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        study, truth = generate_with_truth(n_councils, seed=seed, interviews_per_wave=5, words_per_interview=60,
                                           effects=effects, intervention_paths=paths,
                                           participant_missing_in_intervention=missing_in)
        out = change_by_status(participant_panel(study, truth.coded()), study=study, codes=IMPACTS,
                               waves=study.wave_ids)
    return _line(seed, out)


def _line(seed: int, out) -> dict:
    """One study's counts from its :func:`impact.effects.change_by_status`."""
    t = out[out["term"] == "differs"]
    tested = t[t["tested"].astype(bool)]
    weighted = tested[tested["w_p_value"].astype(float).notna()]
    cc, w = weighted["p_adjusted"] < ALPHA, weighted["w_p_adjusted"].astype(float) < ALPHA
    return {"seed": seed, "claimed": int((tested["p_adjusted"] < ALPHA).sum()),
            "rejected_unadjusted": int((tested["p_value"] < ALPHA).sum()), "tested": len(tested),
            "not_tested": int(len(t) - len(tested)), "firth": int(tested["estimator"].eq("firth").sum()),
            "weighted": len(weighted), "weighted_claimed": int(w.sum()),
            "weighted_rejected_unadjusted": int((weighted["w_p_value"].astype(float) < ALPHA).sum()),
            "disputed": int((cc != w).sum())}


def _first_report_study(n_councils: int, seed: int, rise: float):
    """truth54's design at ``n_councils`` (the module's docstring): the participant panel and a stand-in study (its
    participants and each council's status at each wave)."""
    import types

    import numpy as np
    import pandas as pd

    waves = ["before", "early", "late"]
    rng = np.random.default_rng(seed)
    rows, people, status = [], [], []
    for c in range(n_councils):
        inside = c < n_councils // 2
        status += [{"council_id": c, "wave": w, "intervention": "notice" if inside else "none"} for w in waves]
        for k in range(12):
            pid = f"P{c:02d}-{k}"
            people.append({"participant_id": pid, "council_id": c})
            u, first = rng.normal(0.0, 2.5), None
            for w in waves:
                shift = rise if inside and w != waves[0] else 0.0
                y = bool(rng.random() < 1 / (1 + np.exp(0.3 - u - shift)))
                if rng.random() < (0.9 if w != waves[0] and inside and not first else 0.05):
                    continue
                first = y if w == waves[0] else first
                rows.append({"code": "learning", "participant_id": pid, "council_id": c, "wave": w,
                             "status_group": "intervention" if inside else "no_intervention", "reported": y})
    frame = pd.DataFrame(status)
    return pd.DataFrame(rows), types.SimpleNamespace(participants=pd.DataFrame(people), wave_status=lambda: frame), waves


def _one_first_report(n_councils: int, seed: int, rise: float) -> dict:
    """:func:`_one`'s line for a study of :func:`_first_report_study`."""
    from impact.effects import change_by_status

    panel, study, waves = _first_report_study(n_councils, seed, rise)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _line(seed, change_by_status(panel, study=study, waves=waves))


def _rate(k: int, n: int) -> dict:
    p = k / n if n else float("nan")
    lo, hi = wilson(k, n) if n else (float("nan"), float("nan"))
    return {"count": k, "of": n, "rate": p, "mc_se": math.sqrt(p * (1 - p) / n) if n else float("nan"),
            "wilson_low": lo, "wilson_high": hi}


def _summary(runs: list[dict]) -> dict:
    """One size's rates from its studies' lines (:func:`_one`)."""
    tests, weighted = sum(r["tested"] for r in runs), sum(r["weighted"] for r in runs)
    return {"false_claim": _rate(sum(r["claimed"] > 0 for r in runs), len(runs)),
            "test_size": _rate(sum(r["rejected_unadjusted"] for r in runs), tests),
            "weighted_false_claim": _rate(sum(r["weighted_claimed"] > 0 for r in runs), len(runs)),
            "weighted_test_size": _rate(sum(r["weighted_rejected_unadjusted"] for r in runs), weighted),
            "disputed_studies": sum(r["disputed"] > 0 for r in runs),
            "not_tested": sum(r["not_tested"] for r in runs), "firth": sum(r["firth"] for r in runs), "runs": runs}


def _from_logs(logs: list[Path]) -> dict:
    """The sizes of runs stopped before their end, from the lines each study printed (``<size> councils: {...}``), the
    studies in seed order and only the unbroken run of seeds from the first (so a run stopped at 37 studies is the
    first 37 seeds, as ``--n 37`` would have made them)."""
    import ast

    sizes: dict[str, list[dict]] = {}
    for log in logs:
        for line in log.read_text(encoding="utf-8").splitlines():
            head, sep, body = line.partition(" councils: {")
            if sep and head.isdigit():
                sizes.setdefault(head, []).append(ast.literal_eval("{" + body))
    out = {}
    for size, runs in sizes.items():
        runs = sorted({r["seed"]: r for r in runs}.values(), key=lambda r: r["seed"])
        unbroken = [r for i, r in enumerate(runs) if r["seed"] - runs[0]["seed"] == i]
        out[size] = {**_summary(unbroken), "n_run": len(unbroken), "stopped_early": True}
    return out


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10, 20, 30])
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--seed", type=int, default=530000)
    ap.add_argument("--rise", type=float, default=2.0)
    ap.add_argument("--paths", default="", help="intervention paths and chances, e.g. never=0.6,entered=0.4 (no "
                    "council in intervention at the first wave); default the generator's")
    ap.add_argument("--missing-in", default="", help="chance a participant misses a wave where their council is in "
                    "intervention then, by wave, e.g. early=0.45,longer_term=0.65 (informative attrition); default none")
    ap.add_argument("--rise-in", type=float, default=0.0, help="a rise in promotion of learning while a council is "
                    "in intervention (a true difference by status: power, not size); default 0")
    ap.add_argument("--design", choices=["generator", "first_report"], default="generator", help="the generator's "
                    "studies (default), or truth54's design of attrition on the first report (see above)")
    ap.add_argument("--out", type=Path, default=Path("bench/results"))
    ap.add_argument("--from-log", type=Path, nargs="+", default=None, metavar="LOG", help="make the JSON from the lines "
                    "of runs stopped before their end (their printed output, with these same options): the studies "
                    "made, per size; nothing is run")
    args = ap.parse_args(argv)
    paths, missing_in = (({k: float(v) for k, v in (p.split("=") for p in text.split(","))} if text else None)
                         for text in (args.paths, args.missing_in))
    result = {"alpha": ALPHA, "rise": args.rise, "n_per_size": args.n, "seed": args.seed, "paths": paths,
              "missing_in": missing_in, "design": args.design, "rise_in": args.rise_in, "sizes": {}}
    if args.from_log:
        result["sizes"] = _from_logs(args.from_log)
        return _write(result, args.out, paths, missing_in)
    start = time.process_time()
    for size in args.sizes:
        runs = []
        for i in range(args.n):  # each study's line as it is made: a long run read before its end
            seed = args.seed + 1000 * size + i
            runs.append(_one_first_report(size, seed, args.rise) if args.design == "first_report"
                        else _one(size, seed, args.rise, paths, missing_in, args.rise_in))
            print(size, "councils:", runs[-1], flush=True)
        tests, weighted = sum(r["tested"] for r in runs), sum(r["weighted"] for r in runs)
        result["sizes"][str(size)] = s = _summary(runs)
        print(size, "councils: false claims", s["false_claim"]["count"], "of", len(runs), "; unadjusted rejections",
              s["test_size"]["count"], "of", tests, "; not tested", s["not_tested"],
              "; Firth's fit", s["firth"], "; false-claim rate upper 95% (Wilson)",
              round(s["false_claim"]["wilson_high"], 3), "; weighted false claims", s["weighted_false_claim"]["count"],
              "(upper 95%", round(s["weighted_false_claim"]["wilson_high"], 3), "); weighted unadjusted rejections",
              s["weighted_test_size"]["count"], "of", weighted, "; studies disputed", s["disputed_studies"], flush=True)
    result["cpu_seconds"] = time.process_time() - start
    return _write(result, args.out, paths, missing_in)


def _write(result: dict, out: Path, paths: dict | None, missing_in: dict | None) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    name = ("by_status_false_claims" + ("_" + "_".join(sorted(paths)) if paths else "")
            + ("_missing_in" if missing_in else "")
            + (f"_first_report_rise{result['rise']:g}" if result.get("design") == "first_report" else "")
            + (f"_rise_in{result['rise_in']:g}" if result.get("rise_in") else ""))
    (out / f"{name}.json").write_text(json.dumps(result, indent=1))
    return result


if __name__ == "__main__":
    main()

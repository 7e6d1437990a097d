"""How often the sentence after a council's first notice or direction names an indicator with no change planted
(truth75), on the designs of truth74's audit.

``python -m bench.truth75_notice_false --out bench`` writes ``<out>/truth75_notice_false_r199.json`` (``_r999`` with
``--permutations 999``, the audit's reassignments). The runs of this round: ``--studies 400`` (the 199 reassignments of
``make validity``, 128 s of CPU) and ``--studies 200 --permutations 999 --draw 75176`` (70 s).

truth74's audit found the report's sentence on the indicators after a first notice naming an indicator with no change
planted in 3 of 14 studies with councils entering intervention (a chance of about 0.03 at a familywise rate of 5%).
Its null run planted nothing anywhere; here a change is planted in ANOTHER indicator (or in the status effect, or
nowhere), as the audit planted it: 20 to 60 councils, 2 to 5 waves, councils entering intervention at different waves
(truth74's paths: entering; entering and leaving; a mix with directions; truth73's moves), seeds drawn from
300000-399999. Each study's indicators are analysed by :func:`impact.indicators.indicator_effects` and the
randomisation p adjusted across the indicators estimated (Holm), as the report's sentence does
(``impact.report._build._did_rows``): the sentence names every indicator whose adjusted p is below 0.05. A study
counts as a false statement where it names an indicator in which the generator planted nothing (the indicators are
drawn independently of each other and of the councils' paths, so the estimator's target there is exactly 0). The count
is given with its Clopper-Pearson interval against the familywise 5%, with the p-values of the indicators with nothing
planted (their share below 0.05 and their histogram: uniform where the test has its size)."""

from __future__ import annotations

import argparse
import json
import time
import warnings
from pathlib import Path

import numpy as np
from scipy import stats

from bench.truth73_audit import MOVES
from bench.truth74_audit import EFFECTS as EFFECTS74
from bench.truth74_audit import ENTER, ENTER_LEAVE, ENTER_MIX

PATHS = {"enter": ENTER, "enter_leave": ENTER_LEAVE, "enter_mix": ENTER_MIX, "moves": MOVES}
# truth73's and truth74's changes in one indicator, the survey's status effect alone (truth73's 'survey_in' kept the
# generator's default change in re-referrals), or nothing at all
EFFECTS = {**{k: EFFECTS74[k] for k in ("ind_down", "ind_up", "ind_in_only", "shift", "both")},
           "survey_in": {"indicator_post_review": 0.0, "indicator_post_by_intervention": 0.0, "survey_shift": 0.0,
                         "survey_shift_by_intervention": 1.2},
           "null": None}
SIZES = (20, 24, 30, 40, 50, 60)
WAVES = (2, 3, 3, 3, 4, 5)


def designs(studies: int, draw: int = 75075) -> list[dict]:
    """``studies`` designs drawn at random from the audit's (seed ``draw`` for the draw only)."""
    rng = np.random.default_rng(draw)
    seeds = rng.choice(np.arange(300000, 400000), size=studies, replace=False)
    return [dict(n=int(rng.choice(SIZES)), waves=int(rng.choice(WAVES)), effects=str(rng.choice(list(EFFECTS))),
                 paths=str(rng.choice(list(PATHS))), seed=int(s)) for s in seeds]


def one(d: dict, n_permutations: int, alpha: float = 0.05) -> dict:
    """The notice analysis of design ``d``: each indicator's randomisation p, adjusted (Holm), and whether a change
    was planted in it."""
    from impact.indicators import indicator_effects
    from impact.stats import adjust_pvalues
    from impact.synth import SynthEffects, generate_with_truth

    eff = EFFECTS[d["effects"]]
    eff = SynthEffects.null() if eff is None else SynthEffects.from_value(eff)
    study, truth = generate_with_truth(d["n"], seed=d["seed"], waves=d["waves"], effects=eff,
                                       intervention_paths=PATHS[d["paths"]], interviews_per_wave=1,
                                       words_per_interview=50)
    te = truth.effects
    planted = te.indicator_measure if (te.indicator_post_review or te.indicator_post_by_intervention) else None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        e = indicator_effects(study, n_permutations=n_permutations, seed=1)
    rows = [] if e is None else [r for r in e.to_dict("records") if np.isfinite(r["ri_p_value"])]
    adj = adjust_pvalues(np.array([r["ri_p_value"] for r in rows]), "holm") if rows else []
    out = [dict(measure=r["measure"], planted=r["measure"] == planted, estimate=float(r["estimate"]),
                ri_p=float(r["ri_p_value"]), adjusted=float(a), n_treated=int(r["n_treated"])) for r, a in zip(rows, adj)]
    return dict(design=d, planted=planted, tests=out, named=[t["measure"] for t in out if t["adjusted"] < alpha],
                named_none_planted=[t["measure"] for t in out if t["adjusted"] < alpha and not t["planted"]])


def clopper_pearson(k: int, n: int, level: float = 0.95) -> tuple[float, float]:
    a = 1 - level
    lo = stats.beta.ppf(a / 2, k, n - k + 1) if k else 0.0
    hi = stats.beta.ppf(1 - a / 2, k + 1, n - k) if k < n else 1.0
    return float(lo), float(hi)


def summary(results: list[dict], alpha: float = 0.05) -> dict:
    tested = [r for r in results if any(not t["planted"] for t in r["tests"])]
    k = sum(bool(r["named_none_planted"]) for r in tested)
    p0 = np.array([t["ri_p"] for r in tested for t in r["tests"] if not t["planted"]])
    lo, hi = clopper_pearson(k, len(tested))
    by = {}
    for key in ("effects", "paths", "n"):
        for r in tested:
            v = by.setdefault(f"{key}={r['design'][key]}", [0, 0])
            v[0] += bool(r["named_none_planted"])
            v[1] += 1
    return dict(studies=len(tested), studies_naming_an_indicator_with_none_planted=k, rate=k / max(len(tested), 1),
                ci95=[lo, hi], familywise_alpha=alpha,
                p_above_alpha_one_sided=float(stats.binomtest(k, len(tested), alpha, "greater").pvalue) if tested
                else None,
                tests_none_planted=len(p0), ri_p_below_005=int((p0 < 0.05).sum()), ri_p_below_010=int((p0 < 0.10).sum()),
                histogram_tenths=np.histogram(p0, bins=10, range=(0, 1))[0].tolist(),
                by_design={k_: dict(false=v[0], studies=v[1]) for k_, v in sorted(by.items())})


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--studies", type=int, default=300)
    ap.add_argument("--permutations", type=int, default=199)
    ap.add_argument("--draw", type=int, default=75075, help="seed of the draw of designs and study seeds")
    ap.add_argument("--out", type=Path, default=Path("bench/results"))
    a = ap.parse_args(argv)
    t = time.process_time()
    results = [one(d, a.permutations) for d in designs(a.studies, a.draw)]
    out = dict(permutations=a.permutations, draw=a.draw, **summary(results),
               cpu_seconds=round(time.process_time() - t, 1),
               false_studies=[dict(design=r["design"], planted=r["planted"], named=r["named_none_planted"],
                                   tests=r["tests"]) for r in results if r["named_none_planted"]])
    a.out.mkdir(parents=True, exist_ok=True)
    (a.out / f"truth75_notice_false_r{a.permutations}.json").write_text(json.dumps(out, indent=1) + "\n")
    return out


if __name__ == "__main__":
    print(json.dumps({k: v for k, v in main().items() if k != "false_studies"}, indent=1))

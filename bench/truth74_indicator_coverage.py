"""Coverage of the indicators' intervals after the review against the planted change, by study size (truth74).

``python -m bench.truth74_indicator_coverage --out bench/results`` writes ``<out>/truth74_indicator_coverage.json``.

truth73's audit found 15 of 219 intervals of :func:`impact.indicators.review_indicator_effects` missing their planted
value (6.8% against 5%). This run settles whether that is chance: studies of 5 to 150 councils are generated
(:func:`impact.synth.generate_with_truth`, seeds drawn from 500000-599999, none used by the project before), each with
one of four planted indicator effects (none; the generator's default, a change after the review of -0.5 and a further
-2.5 in councils in intervention when reviewed; -2 and -4; a shift of +3 in every council, none extra), and every
95% interval (five indicators, over all councils and in each status group when reviewed) is checked against

* ``planted``: the planted change in the row's councils: the change after the review (``indicator_post_review``),
  plus ``indicator_post_by_intervention`` in the councils in intervention when reviewed; 0 for the other indicators.
  Over all councils, where both kinds of council were reviewed, the planted change is a mix of the two, so
* ``target``: the change the estimator estimates, exactly: the same estimator on the planted change alone (the
  study's indicators replaced by the change the generator added, missing where the study's value is missing), which
  weighs the councils' planted changes as the estimate weighs them. It equals ``planted`` where that is one number.

The coverage of each (rows, intervals covering) is given by size and group with a Clopper-Pearson 95% interval. The
rows of a study are not independent (the groups share councils), so the interval over the ``all`` rows alone (five
indicators whose noise is drawn apart) is given too. ``--studies`` per size (default 40), ``--sizes``, ``--first``
(the studies of each size's seeds passed over: ``--first 40`` runs the next ones)."""

from __future__ import annotations

import argparse
import json
import platform
import time
import warnings
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pandas as pd
from scipy import stats

__all__ = ["planted_only", "planted_target", "one_study", "summarise", "main"]

SIZES = (5, 10, 20, 40, 80, 150)
#: The planted indicator effects the studies rotate through (``SynthEffects`` fields; None: every effect null).
EFFECTS = (
    None,
    {},
    {"indicator_post_review": -2.0, "indicator_post_by_intervention": -4.0},
    {"indicator_measure": "sw_turnover_pct", "indicator_post_review": 3.0, "indicator_post_by_intervention": 0.0},
)
SEED_DRAW = 74074  # the draw of the studies' seeds only


def planted_only(study, truth) -> SimpleNamespace:
    """``study`` as the indicator estimators read it, its indicators replaced by the change the generator planted
    alone (missing where the study's value is missing)."""
    eff = truth.effects
    ind = study.indicators
    ends = pd.to_datetime(study.reviews.groupby("council_id", observed=True)["end_date"].min())
    in_int = {c["council_id"]: bool(c["in_intervention_at_review"]) for c in truth.councils}
    period = pd.to_datetime(ind["period"])
    after = (period > ind["council_id"].map(ends)).to_numpy()  # the generator adds the change after the review's end
    size = eff.indicator_post_review + eff.indicator_post_by_intervention * ind["council_id"].map(in_int).astype(float)
    planted = np.where((ind["measure"] == eff.indicator_measure).to_numpy() & after, size.to_numpy(), 0.0)
    only = ind.assign(value=np.where(ind["value"].isna(), np.nan, planted))
    return SimpleNamespace(indicators=only, reviews=study.reviews, councils=study.councils,
                           status_history=study.status_history)


def planted_target(study, truth, estimator=None) -> pd.DataFrame:
    """The change ``estimator`` (:func:`impact.indicators.review_indicator_effects` by default, or
    :func:`impact.indicators.indicator_effects`) estimates in ``study``: the estimator run on the change the generator
    planted alone (:func:`planted_only`); ``measure``, ``target`` and ``group`` where the estimator gives one."""
    from impact.indicators import review_indicator_effects

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        e = (estimator or review_indicator_effects)(planted_only(study, truth), n_permutations=0)
    keys = [c for c in ("group", "measure") if c in e.columns]
    return e[[*keys, "estimate"]].rename(columns={"estimate": "target"})


def _planted(eff, measure: str, group: str, any_in: bool, any_out: bool) -> float:
    """The planted change of ``measure`` in ``group``, where it is one number (NaN for a mix over all councils)."""
    if measure != eff.indicator_measure:
        return 0.0
    base, extra = float(eff.indicator_post_review), float(eff.indicator_post_by_intervention)
    if group == "intervention" or (group == "all" and any_in and not any_out):
        return base + extra
    if group == "no_intervention" or (group == "all" and not any_in) or extra == 0:
        return base
    return float("nan")


def one_study(n: int, seed: int, effects) -> list[dict]:
    from impact.indicators import review_indicator_effects
    from impact.synth import SynthEffects, generate_with_truth

    eff = SynthEffects.null() if effects is None else SynthEffects.from_value(effects) if effects else None
    study, truth = generate_with_truth(n, seed=seed, effects=eff, interviews_per_wave=1, words_per_interview=50)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        e = review_indicator_effects(study, n_permutations=0)
    e = e.merge(planted_target(study, truth), on=["group", "measure"], how="left")
    flags = [bool(c["in_intervention_at_review"]) for c in truth.councils]
    rows = []
    for r in e.to_dict("records"):
        if not np.isfinite(r["ci_low"]):
            continue
        planted = _planted(truth.effects, r["measure"], r["group"], any(flags), not all(flags))
        rows.append(dict(
            n=n, seed=seed, group=r["group"], measure=r["measure"], estimate=r["estimate"], ci_low=r["ci_low"],
            ci_high=r["ci_high"], df=r["df"], n_treated=int(r["n_treated"]), n_cohorts=int(r["n_cohorts"]),
            n_lone_cohorts=int(r["n_lone_cohorts"]), planted=planted, target=r["target"],
            covers_target=bool(r["ci_low"] <= r["target"] <= r["ci_high"]),
            covers_planted=None if np.isnan(planted) else bool(r["ci_low"] <= planted <= r["ci_high"])))
    return rows


def _rate(k: int, m: int) -> dict:
    ci = stats.binomtest(k, m).proportion_ci(0.95, method="exact") if m else None
    return dict(rows=m, covered=k, coverage=round(k / m, 4) if m else None,
                ci95=[round(ci.low, 4), round(ci.high, 4)] if ci else None)


def summarise(rows: list[dict]) -> dict:
    d = pd.DataFrame(rows)
    out = {}
    for key, g in [("all sizes", d), *((f"{n} councils", g) for n, g in d.groupby("n"))]:
        part = {"every row": _rate(int(g["covers_target"].sum()), len(g))}
        for group, h in g.groupby("group"):
            part[group] = _rate(int(h["covers_target"].sum()), len(h))
        p = g[g["covers_planted"].notna()]
        part["against the planted value (where one number)"] = _rate(int(p["covers_planted"].astype(bool).sum()),
                                                                     len(p))
        lone = g[g["n_lone_cohorts"] > 0]
        part["rows with a one-council cohort"] = _rate(int(lone["covers_target"].sum()), len(lone))
        out[key] = part
    return out


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    ap.add_argument("--studies", type=int, default=40, help="studies per size")
    ap.add_argument("--first", type=int, default=0, help="studies of each size's seeds passed over (another run's)")
    ap.add_argument("--out", type=Path, default=Path("bench/results"))
    ap.add_argument("--name", default="truth74_indicator_coverage")
    a = ap.parse_args(argv)
    rng = np.random.default_rng(SEED_DRAW)
    seeds = rng.choice(np.arange(500000, 600000), size=len(SIZES) * 1000, replace=False)
    rows, cpu = [], {}
    a.out.mkdir(parents=True, exist_ok=True)
    for si, n in enumerate(a.sizes):
        t = time.process_time()
        mine = seeds[(SIZES.index(n) if n in SIZES else si) * 1000:][a.first: a.first + a.studies]
        for i, seed in enumerate(mine, start=a.first):
            rows += one_study(n, int(seed), EFFECTS[i % len(EFFECTS)])
        cpu[n] = round(time.process_time() - t, 1)
        # written after each size, the sizes run so far
        result = dict(summary=summarise(rows), cpu_seconds_by_size=cpu, studies_per_size=a.studies, first=a.first,
                      seed_draw=SEED_DRAW, python=platform.python_version(), rows=rows)
        (a.out / f"{a.name}.json").write_text(json.dumps(result, indent=1, default=float))
    return result


if __name__ == "__main__":
    res = main()
    for k, v in res["summary"].items():
        print(k, {g: (r["covered"], r["rows"], r["coverage"], r["ci95"]) for g, r in v.items()})

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


def _effect_name(effects) -> str:
    return "null" if effects is None else "default" if not effects else "_".join(
        f"{v:+g}" if isinstance(v, float) else str(v) for v in effects.values())


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
            n=n, seed=seed, effect=_effect_name(effects), group=r["group"], measure=r["measure"], estimate=r["estimate"], ci_low=r["ci_low"],
            ci_high=r["ci_high"], df=r["df"], n_treated=int(r["n_treated"]), n_cohorts=int(r["n_cohorts"]),
            n_lone_cohorts=int(r["n_lone_cohorts"]), planted=planted, target=r["target"],
            covers_target=bool(r["ci_low"] <= r["target"] <= r["ci_high"]),
            covers_planted=None if np.isnan(planted) else bool(r["ci_low"] <= planted <= r["ci_high"])))
    return rows


def _rate(k: int, m: int) -> dict:
    ci = stats.binomtest(k, m).proportion_ci(0.95, method="exact") if m else None
    return dict(rows=m, covered=k, coverage=round(k / m, 4) if m else None,
                ci95=[round(ci.low, 4), round(ci.high, 4)] if ci else None)


def clustered(g: pd.DataFrame, col: str = "covers_target", level: float = 0.95, nominal: float = 0.95,
              n_boot: int = 2000, seed: int = 76) -> dict:
    """The coverage of the rows ``g`` with intervals that take a study's rows as one cluster (truth76).

    The rows of one study share councils (its groups are parts of its ``all`` rows) and its draw of which councils
    are in intervention, so they are not independent draws. Three views of the same ratio (rows covering over rows):

    * ``se``: the cluster-robust (linearised ratio) standard error, ``sqrt(C / (C - 1) * sum_c (k_c - p m_c)^2) / M``
      over the ``C`` studies (``k_c`` of ``m_c`` rows covering, ``M`` rows in all), and the design effect, its
      variance over the binomial's ``p (1 - p) / M``;
    * ``ci95_clustered``: Clopper-Pearson at the effective number of rows ``M / deff`` (Kish), never below 1;
    * ``ci95_bootstrap``: the percentile interval of ``n_boot`` resamples of the studies with replacement;

    and ``p_below_nominal``, the one-sided p of a coverage at ``nominal`` or more against the cluster-robust normal
    (small where the coverage is below ``nominal`` beyond chance)."""
    per = g.groupby("seed")[col].agg(["sum", "count"]).to_numpy(dtype=float)
    k, m = per[:, 0], per[:, 1]
    big_m, c = m.sum(), len(per)
    p = k.sum() / big_m if big_m else float("nan")
    if c < 2:
        return dict(studies=c, coverage=round(p, 4) if big_m else None)
    var = c / (c - 1) * np.sum((k - p * m) ** 2) / big_m**2
    binom = p * (1 - p) / big_m
    deff = var / binom if binom > 0 else float("nan")
    n_eff = max(big_m / deff, 1.0) if np.isfinite(deff) and deff > 0 else big_m
    lo, hi = stats.binomtest(int(round(p * n_eff)), int(round(n_eff))).proportion_ci(level, method="exact")
    idx = np.random.default_rng(seed).integers(0, c, size=(n_boot, c))
    boot = k[idx].sum(axis=1) / m[idx].sum(axis=1)
    a = (1 - level) / 2
    se = float(np.sqrt(var))
    return dict(studies=c, rows=int(big_m), coverage=round(p, 4), se=round(se, 5),
                design_effect=round(float(deff), 3) if np.isfinite(deff) else None, effective_rows=round(n_eff, 1),
                ci95_clustered=[round(lo, 4), round(hi, 4)],
                ci95_bootstrap=[round(float(np.quantile(boot, a)), 4), round(float(np.quantile(boot, 1 - a)), 4)],
                p_below_nominal=round(float(stats.norm.cdf((p - nominal) / se)), 4) if se > 0 else None)


def _below_nominal(parts: dict, nominal: float = 0.95) -> dict:
    """The designs whose coverage is below ``nominal`` beyond chance: each one-sided clustered p, adjusted (Holm)
    across the designs tested together."""
    from impact.stats import adjust_pvalues

    named = [(k, v["p_below_nominal"]) for k, v in parts.items() if v.get("p_below_nominal") is not None]
    adj = adjust_pvalues(np.array([p for _, p in named]), "holm") if named else []
    return {k: dict(p=p, p_holm=round(float(a), 4), below_beyond_chance=bool(a < 0.05)) for (k, p), a in zip(named, adj)}


def summarise(rows: list[dict]) -> dict:
    d = pd.DataFrame(rows)
    out = {}
    for key, g in [("all sizes", d), *((f"{n} councils", g) for n, g in d.groupby("n"))]:
        part = {"every row": _rate(int(g["covers_target"].sum()), len(g)) | {"clustered": clustered(g)}}
        for group, h in g.groupby("group"):
            part[group] = _rate(int(h["covers_target"].sum()), len(h)) | {"clustered": clustered(h)}
        p = g[g["covers_planted"].notna()]
        part["against the planted value (where one number)"] = _rate(int(p["covers_planted"].astype(bool).sum()),
                                                                     len(p))
        lone = g[g["n_lone_cohorts"] > 0]
        part["rows with a one-council cohort"] = _rate(int(lone["covers_target"].sum()), len(lone))
        out[key] = part
    # by study size, by planted effect and by both: below 95% beyond chance once a study's rows are one cluster
    sizes = {f"{n} councils": clustered(g) for n, g in d.groupby("n")}
    by_effect = {f"effect {e}": clustered(g) for e, g in d.groupby("effect")} if "effect" in d else {}
    cells = {f"{n} councils, effect {e}": clustered(g) for (n, e), g in d.groupby(["n", "effect"])} if "effect" in d else {}
    out["clustered by design"] = dict(by_size=sizes, by_effect=by_effect, by_size_and_effect=cells,
                                      below_95_by_size=_below_nominal(sizes),
                                      below_95_by_size_and_effect=_below_nominal(cells))
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
        if k == "clustered by design":
            print(k, json.dumps({n: v[n] for n in ("below_95_by_size", "below_95_by_size_and_effect")}))
            continue
        print(k, {g: (r["covered"], r["rows"], r["coverage"], r["ci95"], r["clustered"].get("ci95_clustered"))
                  for g, r in v.items() if "clustered" in r})

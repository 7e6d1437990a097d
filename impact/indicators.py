"""Outcome indicators of a study's councils (DfE-style measures by period) summarised by status."""

from __future__ import annotations

import pandas as pd

from .panel import STATUS_GROUPS
from .study import Study

__all__ = ["indicator_trends", "indicator_effects", "intervention_onsets"]


def indicator_trends(study: Study) -> pd.DataFrame | None:
    """Mean and median of each indicator per period, councils grouped by intervention at any wave.

    Returns
    -------
    DataFrame or None
        ``measure``, ``period``, ``status_group``, ``n_councils``, ``mean``,
        ``median``, ``n_suppressed`` (source values suppressed by the
        publisher); None when the study has no indicators.
    """
    ind = study.indicators
    if ind.empty:
        return None
    ws = study.wave_status()
    latest = ws.sort_values("reference_date").groupby("council_id")["intervention"].agg(
        lambda s: "intervention" if (s.map(STATUS_GROUPS) == "intervention").any() else "no_intervention")
    d = ind.merge(latest.rename("status_group").reset_index(), on="council_id", how="left")
    return (
        d.groupby(["measure", "period", "status_group"])
        .agg(n_councils=("value", "count"), mean=("value", "mean"), median=("value", "median"),
             n_suppressed=("flag", lambda s: int(s.notna().sum())))
        .reset_index()
    )


#: Status-history kinds that put a council in intervention (see impact.panel.STATUS_GROUPS).
_INTERVENTION_KINDS = ("improvement_notice", "statutory_direction")


def intervention_onsets(study: Study) -> pd.Series:
    """Each council's first day in intervention (a notice to improve or a statutory direction), NaT if never.

    Returns
    -------
    Series
        Indexed by ``council_id`` (every council of the study), the earliest
        ``start_date`` of its ``improvement_notice`` or ``statutory_direction``
        rows in ``status_history``.
    """
    h = study.status_history
    h = h[h["kind"].isin(_INTERVENTION_KINDS)]
    first = pd.to_datetime(h["start_date"], errors="coerce").groupby(h["council_id"]).min()
    return first.reindex(study.councils["council_id"]).rename("onset")


def indicator_effects(study: Study, *, alpha: float = 0.05, n_permutations: int = 999,
                      seed: int = 0) -> pd.DataFrame | None:
    """Staggered difference-in-differences of each indicator around a council's first intervention.

    Councils enter intervention in different years, so two-way fixed effects
    (which compare late with already-treated councils) are not used:
    :func:`impact.stats.staggered_did` estimates each cohort's effect in each
    period against never-treated councils (Callaway and Sant'Anna 2021),
    averaged over cohorts and post-onset periods (``simple``), with a
    randomisation p-value for few treated councils.  A council's cohort is the
    first indicator period ending on or after its first notice or direction
    (:func:`intervention_onsets`); periods are the indicator's own.

    Returns
    -------
    DataFrame or None
        One row per indicator: ``measure``, ``estimate`` (average effect on the
        indicator's scale), ``se``, ``ci_low``, ``ci_high``, ``p_value``,
        ``ri_p_value``, ``n_treated``, ``n_control``, ``n_cohorts``, ``note``
        (why an indicator was not estimated: its other columns are then
        missing).  None when the study has no indicators.
    """
    import warnings

    from .stats import staggered_did

    ind = study.indicators
    if ind.empty:
        return None
    onsets = intervention_onsets(study)
    rows = []
    for measure, d in ind.dropna(subset=["value"]).groupby("measure", sort=True):
        period = pd.to_datetime(d["period"])
        periods = sorted(period.unique())
        index = {p: i for i, p in enumerate(periods)}
        data = d.assign(time=period.map(index).astype(float))
        cohort = {}
        for council, onset in onsets.items():
            after = [index[p] for p in periods if pd.notna(onset) and p >= onset]
            cohort[council] = float(after[0]) if after else (float("nan") if pd.isna(onset) else float("inf"))
        data["first_treated"] = data["council_id"].map(cohort)
        # treated before the first period (no pre-period) or after the last: not usable as either group
        data = data[~(data["first_treated"] == 0) & ~(data["first_treated"] == float("inf"))]
        n_treated = data.loc[data["first_treated"].notna(), "council_id"].nunique()
        n_control = data.loc[data["first_treated"].isna(), "council_id"].nunique()
        row = {"measure": measure, "n_treated": n_treated, "n_control": n_control}
        if n_treated < 1 or n_control < 2:
            rows.append({**row, "note": "too few councils entering intervention within the indicator's periods, "
                                        "or fewer than two never in intervention"})
            continue
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                res = staggered_did(data, outcome="value", unit="council_id", time="time",
                                    first_treated="first_treated", control="never_treated", alpha=alpha, seed=seed)
                simple = res.aggregate("simple", n_permutations=n_permutations, seed=seed)
        except (ValueError, ArithmeticError) as exc:
            rows.append({**row, "note": f"not estimable: {exc}"})
            continue
        o = simple.overall.iloc[0]
        rows.append({**row, "estimate": o["estimate"], "se": o["se"], "ci_low": o["ci_low"], "ci_high": o["ci_high"],
                     "p_value": o["p_value"], "ri_p_value": o["ri_p_value"], "n_cohorts": len(res.cohorts), "note": ""})
    cols = ["measure", "estimate", "se", "ci_low", "ci_high", "p_value", "ri_p_value", "n_treated", "n_control",
            "n_cohorts", "note"]
    return pd.DataFrame(rows).reindex(columns=cols)

"""Outcome indicators of a study's councils (DfE-style measures by period) summarised by status."""

from __future__ import annotations

import pandas as pd

from .panel import STATUS_GROUPS
from .study import Study

__all__ = ["indicator_trends"]


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

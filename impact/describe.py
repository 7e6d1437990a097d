"""Descriptive summary of a study: the sample, its status and attrition."""

from __future__ import annotations

import pandas as pd

from .study import Study, require_study

__all__ = ["describe_study"]


def describe_study(study: Study) -> dict[str, pd.DataFrame]:
    """Tables describing the sample of a study.

    Parameters
    ----------
    study : Study
        A loaded study (:func:`impact.load_study`).

    Returns
    -------
    dict of str to DataFrame
        ``councils_by_type`` (council_type, region, n_councils);
        ``status_by_wave`` (wave, intervention, ofsted_judgement, n_councils);
        ``interviews_by_wave`` (wave, n_interviews, n_councils, n_participants);
        ``attrition`` (wave, n_councils_interviewed, n_councils_missing,
        n_participants_interviewed, n_participants_missing), counted against
        every council and participant of the study.

    Examples
    --------
    >>> import impact
    >>> study = impact.load_study(impact.example_path(), validate=False)  # validate=False: quicker, no checks
    >>> tables = impact.describe_study(study)
    >>> sorted(tables)
    ['attrition', 'councils_by_type', 'interviews_by_wave', 'status_by_wave']
    >>> int(tables["councils_by_type"]["n_councils"].sum())
    30
    """
    require_study(study, "councils", "wave_status", "interviews", "wave_ids", "participants")
    councils = study.councils
    by_type = (
        councils.groupby(["council_type", "region"], dropna=False, observed=True).size().rename("n_councils")
        .reset_index()
    )
    ws = study.wave_status()
    order = {w: i for i, w in enumerate(study.wave_ids)}
    status = (
        ws.assign(ofsted_judgement=ws["ofsted_judgement"].fillna("none"), intervention=ws["intervention"].fillna("unknown"))
        .groupby(["wave", "intervention", "ofsted_judgement"], observed=True)
        .size()
        .rename("n_councils")
        .reset_index()
        .sort_values(["wave", "intervention", "ofsted_judgement"], key=lambda s: s.map(order) if s.name == "wave" else s)
        .reset_index(drop=True)
    )
    iv = study.interviews
    per_wave = (
        iv.groupby("wave", observed=True)
        .agg(n_interviews=("interview_id", "size"), n_councils=("council_id", "nunique"), n_participants=("participant_id", "nunique"))
        .reindex(study.wave_ids, fill_value=0)
        .rename_axis("wave")
        .reset_index()
    )
    n_c, n_p = len(councils), len(study.participants)
    attrition = per_wave[["wave"]].copy()
    attrition["n_councils_interviewed"] = per_wave["n_councils"]
    attrition["n_councils_missing"] = n_c - per_wave["n_councils"]
    attrition["n_participants_interviewed"] = per_wave["n_participants"]
    attrition["n_participants_missing"] = n_p - per_wave["n_participants"]
    return {
        "councils_by_type": by_type,
        "status_by_wave": status,
        "interviews_by_wave": per_wave,
        "attrition": attrition,
    }

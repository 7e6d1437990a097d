"""Panels: coded interview text aggregated to council x wave x code (and participant x wave x code).

How a mention counts
--------------------
A coded segment is a *mention* of its code unless the coder marked it
``negated`` ("morale hasn't improved").  Hedged or anticipated statements
("we hope it will bring partners together") are mentions too - at the
expectations wave they are what an expectation sounds like - and are counted
separately in ``n_hedged``; ``asserted`` counts mentions that are neither
negated nor hedged.  Only the speakers kept in ``segments`` count (by default
:func:`impact.segment` keeps respondents only).

A council that has no interview at a wave has ``interviewed = False`` and
missing (``<NA>``) outcomes at that wave, never a zero: attrition is not
absence of impact.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from .study import Study

__all__ = ["council_panel", "participant_panel", "STATUS_GROUPS"]

#: Two-level grouping of the intervention level used in comparisons.
STATUS_GROUPS = {"none": "no_intervention", "notice": "intervention", "direction": "intervention"}

_SEGMENT_KEYS = ["council_id", "participant_id", "interview_id", "wave"]


def _coded_with_segments(study: Study, coded: pd.DataFrame, segments: pd.DataFrame | None) -> pd.DataFrame:
    missing = [c for c in ("unit", "code") if c not in coded.columns]
    if missing:
        raise ValueError(f"`coded` must have the columns ['unit', 'code', ...] of a coder's output; missing {missing}.")
    if all(c in coded.columns for c in _SEGMENT_KEYS):
        out = coded.copy()
    else:
        if segments is None:
            from .coding import segment  # imported lazily: coding sits above the panel

            segments = segment(study)
        need = [c for c in ["segment_id", *_SEGMENT_KEYS] if c not in segments.columns]
        if need:
            raise ValueError(f"`segments` must come from impact.segment(study); missing columns {need}.")
        seg = segments[["segment_id", *_SEGMENT_KEYS]].rename(columns={"segment_id": "unit"})
        out = coded.drop(columns=[c for c in _SEGMENT_KEYS if c in coded.columns]).merge(seg, on="unit", how="left")
        lost = out["council_id"].isna()
        if lost.any():
            examples = out.loc[lost, "unit"].astype(str).unique()[:5].tolist()
            raise ValueError(f"{int(lost.sum())} coded unit(s) are not segments of this study, e.g. {examples}.")
    for flag in ("negated", "hedged"):
        out[flag] = out[flag].fillna(False).astype(bool) if flag in out.columns else False
    return out


def _codes(coded: pd.DataFrame, codes: Sequence[str] | None) -> list[str]:
    if codes is not None:
        return list(codes)
    return sorted(coded["code"].dropna().astype(str).unique())


def participant_panel(
    study: Study,
    coded: pd.DataFrame,
    *,
    segments: pd.DataFrame | None = None,
    codes: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Participant x wave x code panel, for person-level models clustered by council.

    Parameters
    ----------
    study : Study
    coded : DataFrame
        A coder's output (``unit``, ``code``, ``negated``, ``hedged``, ...),
        units being segment ids.
    segments : DataFrame, optional
        The segments that were coded (from :func:`impact.segment`); made from
        the study when not given.
    codes : sequence of str, optional
        Codes to include (every code of the codebook, so that codes nobody
        mentioned still get rows); default: the codes present in ``coded``.

    Returns
    -------
    DataFrame
        One row per interviewed participant x wave x code: ``participant_id``,
        ``council_id``, ``wave``, ``code``, ``mentioned`` (bool), ``asserted``
        (bool), ``n_segments``, ``n_negated``, ``n_hedged``, ``role``,
        ``organisation_type``, ``intervention``, ``status_group``,
        ``ofsted_judgement``.
    """
    c = _coded_with_segments(study, coded, segments)
    code_list = _codes(c, codes)
    iv = study.interviews.dropna(subset=["wave"])
    people = iv[["participant_id", "council_id", "wave"]].drop_duplicates()
    grid = people.merge(pd.DataFrame({"code": pd.Series(code_list, dtype="str")}), how="cross")
    c = c.assign(
        mention=~c["negated"],
        asserted=~c["negated"] & ~c["hedged"],
        hedged_mention=~c["negated"] & c["hedged"],
    )
    agg = (
        c.groupby(["participant_id", "wave", "code"])
        .agg(
            n_segments=("mention", "sum"),
            n_asserted=("asserted", "sum"),
            n_negated=("negated", "sum"),
            n_hedged=("hedged_mention", "sum"),
        )
        .reset_index()
    )
    out = grid.merge(agg, on=["participant_id", "wave", "code"], how="left")
    for col in ("n_segments", "n_asserted", "n_negated", "n_hedged"):
        out[col] = out[col].fillna(0).astype("int64")
    out["mentioned"] = out["n_segments"] > 0
    out["asserted"] = out["n_asserted"] > 0
    out = out.drop(columns="n_asserted")
    parts = study.participants[["participant_id", "role", "organisation_type"]]
    out = out.merge(parts, on="participant_id", how="left")
    out = _join_status(study, out)
    return _order(study, out, ["participant_id", "wave", "code"])


def council_panel(
    study: Study,
    coded: pd.DataFrame,
    *,
    segments: pd.DataFrame | None = None,
    codes: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Council x wave x code panel of coded interviews, joined to status and council attributes.

    Parameters
    ----------
    study : Study
    coded : DataFrame
        A coder's output (units are segment ids).
    segments : DataFrame, optional
        The coded segments (from :func:`impact.segment`); made from the study
        when not given.
    codes : sequence of str, optional
        Codes to include; default the codes present in ``coded``.

    Returns
    -------
    DataFrame
        One row per council x wave x code (every council and wave of the
        study): ``council_id``, ``wave``, ``code``, ``interviewed`` (bool),
        ``n_interviews``, ``n_participants``, ``mentioned`` (boolean, <NA>
        when not interviewed: any respondent mentioned it, not negated),
        ``asserted``, ``n_segments``, ``n_negated``, ``n_hedged``,
        ``n_participants_mentioning``, ``share_participants``, the status at
        that wave (``ofsted_judgement``, ``improvement_notice``,
        ``statutory_direction``, ``intervention``, ``in_intervention``,
        ``status_group``) and ``council_type``, ``region``.

    Examples
    --------
    >>> import pandas as pd
    >>> from impact.study import Study
    >>> s = Study({"name": "x"}, {})
    >>> council_panel(s, pd.DataFrame(columns=["unit", "code", "negated", "hedged",
    ...     "council_id", "participant_id", "interview_id", "wave"])).shape[0]
    0
    """
    pp = participant_panel(study, coded, segments=segments, codes=codes)
    code_list = _codes(pp, codes) if len(pp) else list(codes or [])
    iv = study.interviews.dropna(subset=["wave"])
    counts = (
        iv.groupby(["council_id", "wave"])
        .agg(n_interviews=("interview_id", "size"), n_participants=("participant_id", "nunique"))
        .reset_index()
    )
    grid = (
        study.councils[["council_id"]]
        .merge(pd.DataFrame({"wave": study.wave_ids}), how="cross")
        .merge(pd.DataFrame({"code": pd.Series(code_list, dtype="str")}), how="cross")
    )
    agg = (
        pp.groupby(["council_id", "wave", "code"])
        .agg(
            n_segments=("n_segments", "sum"),
            n_negated=("n_negated", "sum"),
            n_hedged=("n_hedged", "sum"),
            n_participants_mentioning=("mentioned", "sum"),
            any_asserted=("asserted", "any"),
        )
        .reset_index()
    )
    out = grid.merge(counts, on=["council_id", "wave"], how="left").merge(agg, on=["council_id", "wave", "code"], how="left")
    out["n_interviews"] = out["n_interviews"].fillna(0).astype("int64")
    out["n_participants"] = out["n_participants"].fillna(0).astype("int64")
    out["interviewed"] = out["n_interviews"] > 0
    for col in ("n_segments", "n_negated", "n_hedged", "n_participants_mentioning"):
        out[col] = pd.array(np.where(out["interviewed"], out[col].fillna(0), np.nan), dtype="Int64")
    out["mentioned"] = pd.array(
        np.where(out["interviewed"], (out["n_segments"].fillna(0) > 0), None), dtype="boolean"
    )
    out["asserted"] = pd.array(
        np.where(out["interviewed"], out["any_asserted"].fillna(False).astype(bool), None), dtype="boolean"
    )
    out = out.drop(columns="any_asserted")
    share = out["n_participants_mentioning"].astype("float64") / out["n_participants"].where(out["n_participants"] > 0)
    out["share_participants"] = share.astype("float64")  # NaN where the council was not interviewed
    out = _join_status(study, out)
    attrs = study.councils[["council_id", "council_type", "region"]]
    out = out.merge(attrs, on="council_id", how="left")
    return _order(study, out, ["council_id", "wave", "code"])


def _join_status(study: Study, df: pd.DataFrame) -> pd.DataFrame:
    ws = study.wave_status()[
        ["council_id", "wave", "ofsted_judgement", "improvement_notice", "statutory_direction", "intervention", "in_intervention"]
    ]
    out = df.merge(ws, on=["council_id", "wave"], how="left")
    out["status_group"] = out["intervention"].map(STATUS_GROUPS)
    return out


def _order(study: Study, df: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    order = {w: i for i, w in enumerate(study.wave_ids)}
    df = df.assign(_w=df["wave"].map(order))
    sort = [("_w" if k == "wave" else k) for k in keys]
    return df.sort_values(sort, kind="stable").drop(columns="_w").reset_index(drop=True)

"""Panels: codings aggregated to participant x wave x code and council x wave x code.

What is counted
---------------
Each coded statement is classified by :func:`impact.measures.classify_codings`
into the estimands of :mod:`impact.measures`: *anticipated* (hoped for or
planned), *reported* (said to have happened, whatever it is credited to),
*credited* (reported and credited to the review) and *denied* (negated).  The
participant panel says, per participant, wave and code, whether each measure
holds (at least one such statement) and how many statements there were; the
council panel counts the participants for whom it holds and their share of
the council's participants interviewed at the wave (``share_reported`` ...).
``mentioned`` (any statement not negated, hedged ones included) is kept for
compatibility; it is not an estimand of impact.

Codings can come from the machine coder (units are segment ids), from people
or from the planted truth of a synthetic study: anything
:func:`impact.codings.as_codings` accepts.

A council that has no interview at a wave has ``interviewed = False`` and
missing (``<NA>``) outcomes at that wave, never a zero: attrition is not
absence of impact.  An interview that was not coded counts as one not held.
When the coded ``segments`` are given, an interview with no segment (no
respondent speech was found in its transcript) and no coding was not coded:
it is left out of the participant panel, of ``n_interviews`` and
``n_participants`` and of every share, and a council whose only interviews at
a wave were not coded is not interviewed there.  An interview with segments
but no coding is one in which nothing was coded (zeros); one without
segments that has codings (a person coded it) counts as coded.  Without
``segments`` every interview counts as coded.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import numpy as np
import pandas as pd

from ._frames import LABELS, ORDER, distinct, remember_labels, remember_order, shared_attr
from ._joins import joined_hint, names, number_hint, refuse_unknown
from ._made import made_hint
from ._words import _counted, _named, _verb
from .errors import InputError, user_level
from .measures import classify_codings
from .schema import did_you_mean
from .study import Study, require_study

__all__ = ["council_panel", "participant_panel", "STATUS_GROUPS", "PANEL_MEASURES"]

#: Two-level grouping of the intervention level used in comparisons.
STATUS_GROUPS = {"none": "no_intervention", "notice": "intervention", "direction": "intervention"}

#: Boolean measures of the panels (see :mod:`impact.measures`); ``mentioned`` is the legacy "any mention".
PANEL_MEASURES = ("reported", "anticipated", "credited", "denied", "mentioned")


def _codings(study: Study, coded: pd.DataFrame, segments: pd.DataFrame | None) -> pd.DataFrame:
    """Codings with their interview's participant, council and wave, and the measure columns."""
    require_study(study, "interviews", "wave_status")
    if not isinstance(coded, pd.DataFrame):
        raise TypeError(f"`coded` must be a DataFrame of codings, but {type(coded).__name__} was passed"
                        f"{made_hint(coded, 'coded')}.")
    _check_segments(segments)
    if "code" not in coded.columns or not ({"unit", "interview_id"} & set(coded.columns)):
        raise ValueError("`coded` must have the columns ['unit', 'code', ...] of a coder's output (or "
                         f"['interview_id', 'code', ...]); it has {list(coded.columns)}{made_hint(coded, 'coded')}.")
    if "interview_id" in coded.columns:
        c = coded
    elif segments is not None and {"segment_id", "interview_id"} <= set(segments.columns):
        seg = segments[["segment_id", "interview_id"]].rename(columns={"segment_id": "unit"})
        c = coded.drop(columns=[k for k in ("council_id", "participant_id", "wave") if k in coded.columns])
        c = c.merge(seg, on="unit", how="left")
        lost = c["interview_id"].isna()
        if lost.any():
            examples = c.loc[lost, "unit"].astype(str).unique()[:5].tolist()
            raise ValueError(f"{_counted(int(lost.sum()), 'coded unit')} {_verb(int(lost.sum()), 'is not a segment', 'are not segments')} "
                             f"of this study, e.g. {examples}.")
    else:
        from .codings import as_codings

        c = as_codings(coded, study)
    c = c.assign(**{flag: c[flag].fillna(False).astype(bool) if flag in c.columns else False
                    for flag in ("negated", "hedged")})
    if "attribution" not in c.columns:
        c = c.assign(attribution="")
    c = classify_codings(c)
    c["mentioned"] = ~c["negated"]
    iv = study.interviews[["interview_id", "participant_id", "council_id", "wave"]]
    c = c.drop(columns=[k for k in ("participant_id", "council_id", "wave") if k in c.columns])
    return c.merge(iv, on="interview_id", how="inner")


def _check_segments(segments: object) -> None:
    """Refuse ``segments`` that are not :func:`impact.segment`'s output.  The codings passed again as ``segments``
    (``segments=coded``) were taken without a word, and every interview with no coding read as not coded (missing)
    rather than coded with nothing found: the shares were of the interviews that reported something (newuser10)."""
    if segments is None:
        return
    if not isinstance(segments, pd.DataFrame):
        raise TypeError(f"`segments` must be a DataFrame, the output of impact.segment, but {type(segments).__name__} "
                        "was passed.")
    missing = [c for c in ("segment_id", "interview_id") if c not in segments.columns]
    if missing:
        codings = " (these look like codings: pass them as `coded`)" if "code" in segments.columns else ""
        raise InputError(f"`segments` lacks the {_named('column', missing)}{codings} - expected the output of "
                         f"impact.segment(study), the segments that were coded; it has {list(map(str, segments.columns))}.")


def _not_coded(study: Study, coded: pd.DataFrame, segments: pd.DataFrame | None) -> set[str]:
    """Ids of the study's interviews with no segment in ``segments`` and no coding in ``coded`` (none without segments)."""
    if segments is None or "interview_id" not in segments.columns:
        return set()
    seen = distinct(segments["interview_id"])
    if "interview_id" in coded.columns:
        seen |= distinct(coded["interview_id"])
    return distinct(study.interviews["interview_id"]) - seen


def _coded_interviews(study: Study, coded: pd.DataFrame, segments: pd.DataFrame | None) -> pd.DataFrame:
    """The study's interviews less those not coded (:func:`_not_coded`)."""
    iv = study.interviews
    left_out = _not_coded(study, coded, segments)
    return iv[~iv["interview_id"].astype(str).isin(left_out)] if left_out else iv


def _codes(coded: pd.DataFrame, codes: Sequence[str] | None) -> list[str]:
    if codes is not None:
        return names(codes, "codes")
    return sorted(coded["code"].dropna().astype(str).unique())


def _checked_codes(study: Study, coded: pd.DataFrame, codes: Sequence[str] | None, codebook: object,
                   given: pd.DataFrame | None = None) -> list[str]:
    """The codes of a panel; a code asked for that no coding has is one of the codebook's, never a typo.

    Without ``codes``, the panel's codes are the codings' own: each must be a code of the codebook (see
    :func:`_codes_of_no_codebook`; ``given`` is the codings as the caller passed them, to name their rows).

    Its rows would be zeros throughout, read as "nobody reported it".  With ``codebook`` given, a code that is not
    one of its codes is refused; without, a code found neither in the codings nor in the study's own codebook
    (:meth:`Codebook.for_study`) is named in a warning.  A codebook code nobody reported is a legitimate zero.
    """
    code_list = _codes(coded, codes)
    if codes is None:
        _codes_of_no_codebook(study, given if given is not None else coded, code_list, codebook)
        return code_list
    unseen = [c for c in code_list if str(c) not in distinct(coded["code"].dropna())]
    if not unseen:
        return code_list
    from .coding.codebook import Codebook
    from .errors import ImpactError, ImpactWarning

    if codebook is not None:
        book = Codebook.for_study(study, codebook)
        refuse_unknown("codes", [c for c in unseen if str(c) not in book.code_ids], book.code_ids,
                       f"the codebook {book.id!r} or in any coding")
        return code_list
    try:
        book_ids = list(Codebook.for_study(study).code_ids)
    except ImpactError:  # the study's codebook cannot be read: the codings are all there is to go by
        book_ids = []
    known = set(book_ids)
    unknown = [c for c in unseen if str(c) not in known]
    held = book_ids or sorted(distinct(coded["code"].dropna()))
    # no code id is a number (codebook-format.md), nor holds a comma: 1 meant as the first code, or "commitment,
    # morale" as two, was only warned of, and its rows all zero; nor is one a slip of a known code ('moral' for
    # 'morale', newuser12)
    every = [*held, *sorted(distinct(coded["code"]) - set(held))]
    clear = [c for c in unknown if number_hint(c, held, "code") or joined_hint(c, every, "code")
             or did_you_mean(str(c).strip(), every)]
    if clear:
        refuse_unknown("codes", clear, every, "the study's codebook or in any coding")
    if unknown:
        warnings.warn(f"`codes` has {_counted(len(unknown), 'code')} found in no coding and not in the study's "
                      f"codebook, {unknown}: {_verb(len(unknown), 'its', 'their')} rows are all zero, which reads "
                      "as nobody reporting it - check the spelling, or pass `codebook`.", ImpactWarning, stacklevel=user_level())
    return code_list


def _where_coded(coded: pd.DataFrame, code: str) -> str:
    """Where the codings of ``code`` are: the file and rows they were read from (codings read by
    :func:`impact.read_codings` or :func:`impact.as_codings` keep them), else the rows of the frame by index label."""
    from .errors import same_on

    read = coded.attrs.get("code_rows") or {}
    rows = (read.get("rows") or {}).get(code)
    if rows:
        return f"{read.get('source', 'codings')}:{rows[0]}:code" + (f", {same_on(rows[1:])}" if len(rows) > 1 else "")
    labels = coded.index[coded["code"].astype("string").str.strip().eq(code).fillna(False).to_numpy(dtype=bool)].tolist()
    shown = ", ".join(map(str, labels[:5])) + (", ..." if len(labels) > 5 else "")
    return f"`coded` row{'s' if len(labels) != 1 else ''} {shown}" if labels else "`coded`"


def _codes_of_no_codebook(study: Study, coded: pd.DataFrame, code_list: list[str], codebook: object) -> None:
    """Refuse (``codebook`` given) or warn of (the study's codebook) the codings' codes that are no code of the codebook
    nor of the review-process and review-themes codebooks the main job codes beside it: each would become a code of
    the panel (a typo, ``'moral'``, a code of its own beside ``'morale'``, each reading as a finding), as they did
    without a word (newuser10).  Every such code is named with where it is (file, row and column of the codings read
    from a file, else the frame's rows) and the code it is closest to."""
    from .coding.codebook import Codebook
    from .codings import expected_codes, supplied_codes
    from .errors import ImpactError, ImpactWarning

    try:
        book = Codebook.for_study(study, codebook)
    except ImpactError:
        if codebook is not None:
            raise
        return  # the study's codebook cannot be read: the codings are all there is to go by
    known = supplied_codes(book)
    unknown = [c for c in code_list if str(c) not in set(known)]
    if not unknown:
        return
    named = [f"{c!r} ({_where_coded(coded, str(c))}{'; ' + hint.strip(' ()') if (hint := did_you_mean(str(c), known)) else ''})"
             for c in unknown[:10]]
    more = f" and {len(unknown) - 10} more" if len(unknown) > 10 else ""
    holder = f"the codebook {book.id!r}" if codebook is not None else f"the study's codebook {book.id!r}"
    text = (f"`coded` has {_counted(len(unknown), 'code')} that {_verb(len(unknown), 'is', 'are')} no code of "
            f"{holder}: {', '.join(named)}{more} - expected {expected_codes(known)}")
    if codebook is not None:
        raise InputError(f"{text}. Each would be a code of the panel of its own: correct the codings, or pass `codes` "
                         "to choose the panel's codes.")
    warnings.warn(f"{text}. Each is kept as a code of the panel of its own: correct the "
                  "codings, pass `codebook` (the one they were coded with) to check them against it, or `codes` to "
                  "choose the panel's codes.", ImpactWarning, stacklevel=user_level())


def participant_panel(
    study: Study,
    coded: pd.DataFrame,
    *,
    segments: pd.DataFrame | None = None,
    codes: Sequence[str] | None = None,
    codebook: object = None,
) -> pd.DataFrame:
    """Participant x wave x code panel of the measures, for person-level models clustered by council.

    Parameters
    ----------
    study : Study
    coded : DataFrame
        Codings: a coder's output (``unit``, ``code``, ``negated``,
        ``hedged``, ``attribution`` ...), units being segment ids, or anything
        :func:`impact.codings.as_codings` accepts.
    segments : DataFrame, optional
        The segments that were coded (from :func:`impact.segment`), to map
        units to interviews; without them units are read as
        ``<interview_id>:<n>`` or interview ids.  An interview with none of
        these segments and no coding (no respondent speech was found in its
        transcript) was not coded: it is missing, as an interview not held
        is, not an interview in which nothing was reported.
    codes : sequence of str, optional
        Codes to include (every code of the codebook, so that codes nobody
        mentioned still get rows); default: the codes present in ``coded``.
        A code in no coding must be one of `codebook`'s (else
        :class:`impact.InputError`); without `codebook`, one that is not in
        the study's codebook either is named in an ``ImpactWarning``: its
        zeros would read as "nobody reported it".
    codebook : Codebook, str or path, optional
        The codebook the codings were made with (see
        :meth:`impact.coding.codebook.Codebook.for_study`), against which
        `codes` are checked.

    Returns
    -------
    DataFrame
        One row per participant x wave x code with a coded interview: ``participant_id``,
        ``council_id``, ``wave``, ``code``, the booleans ``reported``,
        ``anticipated``, ``credited``, ``denied`` and ``mentioned``, the
        counts of statements ``n_reported``, ``n_anticipated``,
        ``n_credited``, ``n_denied``, ``n_mentioned``, then ``role``,
        ``organisation_type``, ``intervention``, ``status_group``,
        ``ofsted_judgement`` and the other status columns at the wave.
        ``attrs["order"]["wave"]`` keeps the study's waves, first to last,
        which :func:`impact.change_over_time` and
        :func:`impact.transition_matrix` read (pandas drops it in a merge).

    Examples
    --------
    >>> import pandas as pd, impact
    >>> from impact.study import Study
    >>> empty = Study({"name": "x"}, {})
    >>> coded = pd.DataFrame(columns=["unit", "code", "negated", "hedged", "interview_id"])
    >>> impact.participant_panel(empty, coded).shape[0]  # a participant x wave x code row each (none here)
    0
    """
    from .study import refuse_swapped

    refuse_swapped(participant_panel, study=study, coded=coded, segments=segments, codebook=codebook)
    c = _codings(study, coded, segments)
    code_list = _checked_codes(study, c, codes, codebook, coded)
    iv = _coded_interviews(study, c, segments).dropna(subset=["wave"])
    people = iv[["participant_id", "council_id", "wave"]].drop_duplicates()
    grid = people.merge(pd.DataFrame({"code": pd.Series(code_list, dtype="str")}), how="cross")
    agg = (
        c.groupby(["participant_id", "wave", "code"], observed=True)[list(PANEL_MEASURES)].sum()
        .add_prefix("n_").reset_index()
    )
    out = grid.merge(agg, on=["participant_id", "wave", "code"], how="left")
    for m in PANEL_MEASURES:
        out[f"n_{m}"] = out[f"n_{m}"].fillna(0).astype("int64")
        out[m] = out[f"n_{m}"] > 0
    out = out[["participant_id", "council_id", "wave", "code", *PANEL_MEASURES, *(f"n_{m}" for m in PANEL_MEASURES)]]
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
    codebook: object = None,
) -> pd.DataFrame:
    """Council x wave x code panel of the measures, joined to status and council attributes.

    Parameters
    ----------
    study : Study
    coded : DataFrame
        Codings (see :func:`participant_panel`).
    segments : DataFrame, optional
        The coded segments (from :func:`impact.segment`); an interview with
        none of them and no coding is missing (see :func:`participant_panel`).
    codes : sequence of str, optional
        Codes to include; default the codes present in ``coded``.  A code
        in no coding is checked as in :func:`participant_panel`.
    codebook : Codebook, str or path, optional
        The codebook the codings were made with (see :func:`participant_panel`).

    Returns
    -------
    DataFrame
        One row per council x wave x code (every council and wave of the
        study): ``council_id``, ``wave``, ``code``, ``interviewed`` (bool:
        some interview at the wave was coded), ``n_interviews``,
        ``n_participants`` (coded ones); for each measure of
        :data:`PANEL_MEASURES`: the boolean (any participant; ``<NA>`` when
        not interviewed), ``n_participants_<measure>`` and
        ``share_<measure>`` (float, NaN when not interviewed); the status at
        that wave (``ofsted_judgement``, ``improvement_notice``,
        ``statutory_direction``, ``intervention``, ``in_intervention``,
        ``status_group``) and ``council_type``, ``region``.
        ``attrs["order"]["wave"]`` keeps the study's waves, first to last
        (see :func:`participant_panel`).

    Examples
    --------
    >>> import pandas as pd
    >>> from impact.study import Study
    >>> s = Study({"name": "x"}, {})
    >>> council_panel(s, pd.DataFrame(columns=["unit", "code", "negated", "hedged",
    ...     "interview_id"])).shape[0]
    0
    """
    from .study import refuse_swapped

    refuse_swapped(council_panel, study=study, coded=coded, segments=segments, codebook=codebook)
    pp = participant_panel(study, coded, segments=segments, codes=codes, codebook=codebook)
    code_list = _codes(pp, codes) if len(pp) else (names(codes, "codes") or [])
    iv = _coded_interviews(study, coded, segments).dropna(subset=["wave"])
    counts = (
        iv.groupby(["council_id", "wave"], observed=True)
        .agg(n_interviews=("interview_id", "size"), n_participants=("participant_id", "nunique"))
        .reset_index()
    )
    grid = (
        study.councils[["council_id"]]
        .merge(pd.DataFrame({"wave": study.wave_ids}), how="cross")
        .merge(pd.DataFrame({"code": pd.Series(code_list, dtype="str")}), how="cross")
    )
    agg = (pp.groupby(["council_id", "wave", "code"], observed=True)[list(PANEL_MEASURES)].sum()
           .add_prefix("n_participants_").reset_index())
    out = grid.merge(counts, on=["council_id", "wave"], how="left").merge(agg, on=["council_id", "wave", "code"], how="left")
    out["n_interviews"] = out["n_interviews"].fillna(0).astype("int64")
    out["n_participants"] = out["n_participants"].fillna(0).astype("int64")
    out["interviewed"] = out["n_interviews"] > 0
    seen = out["interviewed"].to_numpy()
    denominator = out["n_participants"].where(out["n_participants"] > 0).astype("float64")
    for m in PANEL_MEASURES:
        n = out[f"n_participants_{m}"].fillna(0).to_numpy()
        out[f"n_participants_{m}"] = pd.array(np.where(seen, n, np.nan), dtype="Int64")
        out[m] = pd.array(np.where(seen, n > 0, None), dtype="boolean")
        out[f"share_{m}"] = (out[f"n_participants_{m}"].astype("float64") / denominator).astype("float64")
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
    df = df.sort_values(sort, kind="stable").drop(columns="_w").reset_index(drop=True)
    # the study's order of its waves goes with the panel (and with each frame or column pandas takes from it), for
    # whatever orders them without being told: as text, 'early' came before 'expectations' (change_over_time)
    df.attrs[ORDER] = shared_attr({"wave": shared_attr(list(study.wave_ids))})
    # and what each wave is called, so that a function given the panel alone tells '3 months' as the wave 'early'
    df.attrs[LABELS] = shared_attr({"wave": shared_attr(study._wave_labels())})
    remember_order("wave", study.wave_ids)  # pandas drops attrs in a merge: the order is recovered from here then
    remember_labels("wave", study._wave_labels())  # and the labels: the panel's study is the one remembered last
    return df

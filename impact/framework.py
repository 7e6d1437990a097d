"""Framework matrices (councils x codes) and quotes retrieved by code, council and wave.

A *framework matrix*, as researchers know it from NVivo, has one row per case
(here a council), one column per code (grouped under their parent codes) and
in each cell a summary of what the case said about the code: here the number
of participants who raised it and the clearest statement of it.  :func:`quotes`
retrieves the statements behind any cell, with the sentences around them.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ._joins import _rows, names, of_study, refuse_unknown
from ._words import _counted, _verb
from .errors import InputError
from .measures import OTHER_FACTORS, classify_codings, factor_of
from .panel import _coded_interviews
from .schema import not_one_of
from .study import Study, require_study

if TYPE_CHECKING:
    from .coding.codebook import Codebook

__all__ = ["framework_matrix", "quotes", "illustrative_quotes", "credit_label"]

_QUOTE_COLUMNS = ["code", "council_id", "participant_id", "interview_id", "wave", "unit", "text", "score", "measure",
                  "attribution", "credit", "clear", "context_before", "context_after"]


def credit_label(attribution: str) -> str:
    """What a reported impact is credited to, in words.

    Examples
    --------
    >>> credit_label(""), credit_label("ofsted"), credit_label("unclear"), credit_label("Other programme")
    ('the review', 'Ofsted', 'cause left open', 'another programme')
    """
    a = factor_of(pd.Series([attribution], dtype=object)).iloc[0]  # 'Ofsted' is ofsted, as the measures read it
    if a not in OTHER_FACTORS:
        return "the review"
    return {"ofsted": "Ofsted", "leadership": "a change of leadership", "restructure": "a restructure",
            "funding": "funding", "other_programme": "another programme", "unclear": "cause left open"}[a]


def _credit_label_of(attribution) -> str:
    """:func:`credit_label` of one value of a column, read once per distinct value (a study's statements repeat a
    handful of attributions; each reading builds a one-value Series): what it returns for a value never changes."""
    try:
        return _credit_label_cached(attribution)
    except TypeError:  # an unhashable value (never in a coding's text column, but not refused here)
        return credit_label(attribution)


_credit_label_cached = functools.lru_cache(maxsize=1024)(credit_label)


def _known_codes(codes: Sequence[str], codebook) -> list[str]:
    """``codes`` as a list (one name alone is that code, not its letters), each a code of ``codebook``: a code it
    lacks was a column of zeros, read as "no council raised it"."""
    out = names(codes, "codes")
    refuse_unknown("codes", [c for c in out if str(c) not in codebook.code_ids], codebook.leaf_codes(),
                   f"the codebook {codebook.id!r}")
    return out


def _quotable_codes(codes: list | None, codings: pd.DataFrame, study: Study, codebook) -> None:
    """Refuse a code asked of :func:`quotes` that is in no coding and not in ``codebook`` (the study's by default):
    it kept no statement, and the empty table read as "nobody said so".  A code of the codebook nobody coded is a
    legitimate empty answer."""
    from .coding.codebook import Codebook
    from .errors import ImpactError

    if codebook is not None:
        # read whatever the codes: codebook=3 or 'nfer' (no codebook) was passed over without a word where every
        # code asked was coded, or none was asked (newuser17)
        Codebook.for_study(study, codebook)
    if codes is None:
        return

    coded = {str(x) for x in codings["code"].dropna().unique()} if "code" in codings.columns else set()
    unseen = [c for c in codes if str(c).strip() not in coded]
    if not unseen:
        return
    try:
        book = Codebook.for_study(study, codebook)
    except ImpactError:  # the study's codebook cannot be read: the codings are all there is to go by
        if codebook is not None:
            raise
        refuse_unknown("codes", unseen, sorted(coded), "any coding")
        return
    refuse_unknown("codes", unseen, book.code_ids, f"any coding or in the codebook {book.id!r}"
                   + (" (pass `codebook` if the codings were made with another)" if codebook is None else ""))


def _segment_text(segments: pd.DataFrame) -> pd.Series:
    """Each segment's text by its ``segment_id``; a segment id on two rows is refused naming them (pandas failed on
    "Reindexing only valid with uniquely valued Index objects")."""
    if not isinstance(segments, pd.DataFrame):
        raise TypeError(f"`segments` must be a pandas DataFrame (impact.segment), but {type(segments).__name__} was "
                        "passed.")
    missing = [c for c in ("segment_id", "text") if c not in segments.columns]
    if missing:
        raise InputError(f"`segments` lacks the columns {missing}; pass the output of impact.segment.")
    twice = segments["segment_id"].duplicated(keep=False).to_numpy()
    if twice.any():
        raise InputError(f"`segments` has {_counted(int(twice.sum()), 'row')} whose segment_id another row has too "
                         f"({_rows(segments.index[twice])}; first {segments['segment_id'][twice].iloc[0]!r}): expected "
                         "one row per segment; pass the output of impact.segment once.")
    return segments.set_index("segment_id")["text"]


def _statements(codings: pd.DataFrame, study: Study, segments: pd.DataFrame | None) -> pd.DataFrame:
    """Codings with the text of their statement (the segment, or the coded span) and its interview."""
    c = classify_codings(codings)
    iv = study.interviews[["interview_id", "participant_id", "council_id", "wave"]]
    c = c.drop(columns=[k for k in ("participant_id", "council_id", "wave") if k in c.columns]).merge(
        iv, on="interview_id", how="inner")
    text = pd.Series(pd.NA, index=c.index, dtype="object")
    if segments is not None and len(segments):
        text = c["unit"].map(_segment_text(segments))
    span = c["start"].notna() & c["end"].notna() & text.isna()
    if span.any():
        texts = {iid: study.transcript(iid) for iid in c.loc[span, "interview_id"].unique()}
        text[span] = [texts[i][int(a):int(b)].strip() for i, a, b in
                      zip(c.loc[span, "interview_id"], c.loc[span, "start"], c.loc[span, "end"], strict=True)]
    return c.assign(text=text)


def quotes(
    codings: pd.DataFrame,
    study: Study,
    *,
    segments: pd.DataFrame | None = None,
    codes: Sequence[str] | None = None,
    councils: Sequence[str] | None = None,
    waves: Sequence[str] | None = None,
    measure: str = "reported",
    context: int = 1,
    codebook: object = None,
) -> pd.DataFrame:
    """Statements of a code, council and wave, with the sentences around them.

    Parameters
    ----------
    codings : DataFrame
        Codings (:func:`impact.codings.as_codings`, or a coder's output).
    study : Study
    segments : DataFrame, optional
        The study's segments (:func:`impact.segment`): the text of each
        statement and its context.  Without them a coded span's own text is used.
    codes, councils, waves : sequence of str, optional
        Keep only these (default: all).
    measure : {"reported", "anticipated", "credited", "denied"}
        Which statements (see :mod:`impact.measures`).
    context : int
        Sentences of the same speaker turn before and after each statement.
    codebook : Codebook, str or path, optional
        The codebook the codings were made with (default: the study's), for
        the codes that may be asked for: a code in no coding and not in it is
        refused.

    Returns
    -------
    DataFrame
        One row per statement (a statement coded twice, or a span over several
        segments, once per segment): ``code``, ``council_id``,
        ``participant_id``, ``interview_id``, ``wave``, ``unit``, ``text``,
        ``score`` (coder confidence; 1 for people), ``measure``,
        ``attribution``, ``credit`` (in words), ``clear`` (no negation or
        hedging cue anywhere in the sentence, not a question; see
        :func:`impact.coding.modality_cues`), ``context_before``,
        ``context_after``.  Text is as spoken: redact before publishing.

    Raises
    ------
    impact.InputError
        For a code, council or wave that is not the study's or the codebook's
        (its statements would be an empty table, read as "nobody said so").
    ValueError
        For an unknown ``measure`` or a negative ``context``.

    Examples
    --------
    Segmenting every transcript of the example study takes some seconds, so this example is not run as a test:

    >>> import impact  # doctest: +SKIP
    >>> study = impact.load_study(impact.example_path(), validate=False)  # doctest: +SKIP
    >>> segments = impact.segment(study)  # doctest: +SKIP
    >>> codings = impact.read_codings(impact.example_path() / "truth_coded.csv", study, segments=segments)  # doctest: +SKIP
    >>> impact.quotes(codings, study, segments=segments, codes=["morale"], waves=["early"]).head()  # doctest: +SKIP
    """
    from .study import refuse_swapped

    refuse_swapped(quotes, codings=codings, study=study, segments=segments)
    from .coding import modality_cues
    from .codings import as_codings

    if measure not in ("reported", "anticipated", "credited", "denied"):
        raise ValueError(not_one_of("measure", measure, ["reported", "anticipated", "credited", "denied"]))
    if isinstance(context, (bool, np.bool_)) or not isinstance(context, (int, np.integer)) or context < 0:
        raise ValueError(f"The value for `context` must be a number of sentences, 0 or more, but {context!r} was passed.")
    codes, councils, waves = names(codes, "codes"), names(councils, "councils"), names(waves, "waves")
    if not {"interview_id", "coder"} <= set(codings.columns):  # a coder's output (impact code) has no coder column
        codings = as_codings(codings, study, segments=segments)
    _quotable_codes(codes, codings, study, codebook)
    c = _statements(codings, study, segments)
    c = c[c[measure]]
    if codes is not None:
        c = c[c["code"].isin(codes)]
    of_study("councils", councils, study)
    of_study("waves", waves, study)
    if councils is not None:
        c = c[c["council_id"].astype(str).isin([str(x).strip() for x in councils])]
    if waves is not None:
        c = c[c["wave"].isin(waves)]
    c = c.dropna(subset=["text"])
    c = c.drop_duplicates(["coder", "unit", "code", "text"])
    c = c.assign(measure=measure, credit=c["attribution"].map(_credit_label_of))
    c["clear"] = modality_cues(c["text"].tolist())["clear"].to_numpy() if len(c) else pd.Series(dtype=bool)
    before, after = _context(c, segments, context)
    c["context_before"], c["context_after"] = before, after
    order = {w: i for i, w in enumerate(study.wave_ids)}
    c = c.assign(_w=c["wave"].map(order)).sort_values(["code", "council_id", "_w", "unit"], kind="stable")
    return c[_QUOTE_COLUMNS].reset_index(drop=True)


def illustrative_quotes(
    codings: pd.DataFrame,
    study: Study,
    *,
    segments: pd.DataFrame | None = None,
    codes: Sequence[str] | None = None,
    waves: Sequence[str] | None = None,
    per_code: int = 3,
    length: tuple[int, int] = (50, 360),
    seed: int = 0,
    screen=None,
    codebook: object = None,
) -> pd.DataFrame:
    """Choose statements that illustrate each code: reported, unambiguous, spread out, never repeated.

    A statement qualifies when it is *reported* (asserted; not negated, not
    hedged), is a clear statement (no negation or hedging cue anywhere in the
    sentence, not a question; :func:`impact.coding.modality_cues`) and its
    length is within ``length`` characters.  For each code, statements are
    taken by the coder's confidence (``score``; ties broken by a seeded hash
    of the unit, not by id order), at most one per council, spreading across
    ``waves`` before repeating one, and a text chosen for one code is not
    chosen again for another.

    Parameters
    ----------
    codings : DataFrame
        Codings (:func:`impact.codings.as_codings` or a coder's output).
    study : Study
    segments : DataFrame, optional
        The study's segments (the text of each statement).
    codes : sequence of str, optional
        Codes to illustrate, in order (default: those coded).
    waves : sequence of str, optional
        Waves to draw from (the report uses the waves after the review).
    per_code : int
        Statements per code at most.
    length : (int, int)
        Shortest and longest text, in characters.
    seed : int
        Seed of the tie-break.
    screen : callable, optional
        Called with candidate texts (a Series); returns a boolean Series
        (same index) of those that may be used, e.g. those a redactor is
        confident are clean.  Candidates are screened in rank order as they
        come up, so a rejected statement is replaced by the next one, not
        lost, and only the statements considered are screened.
    codebook : Codebook, str or path, optional
        The codebook of the codings, for the codes that may be asked for (as
        :func:`quotes`).

    Returns
    -------
    DataFrame
        The chosen statements, as :func:`quotes` returns them, in code order;
        a code with no qualifying statement has no row.  ``n_screened_out``
        in ``DataFrame.attrs`` counts the candidates ``screen`` rejected.
    """
    import hashlib
    import re

    if per_code < 1:
        raise ValueError(f"The value for `per_code` must be at least 1, but {per_code!r} was passed.")
    cand = quotes(codings, study, segments=segments, codes=codes, waves=waves, measure="reported", context=0,
                  codebook=codebook)
    cand = cand[cand["clear"] & cand["text"].str.len().between(*length)].copy()
    cand["norm_text"] = cand["text"].map(lambda t: re.sub(r"\W+", " ", str(t).lower()).strip())
    cand["tie"] = cand["unit"].map(lambda u: hashlib.sha256(f"{seed}:{u}".encode()).hexdigest())
    cand = cand.sort_values(["score", "tie"], ascending=[False, True], kind="stable")
    wave_list = list(waves) if waves is not None else list(study.wave_ids)
    code_list = list(codes) if codes is not None else list(dict.fromkeys(cand["code"]))
    picked, used, verdicts = [], set(), {}

    def allowed(index, text: str) -> bool:
        if screen is None:
            return True
        if text not in verdicts:
            verdicts[text] = bool(pd.Series(screen(pd.Series([text], index=[index]))).iloc[0])
        return verdicts[text]

    for code in code_list:
        grp = cand[cand["code"] == code]
        councils, seen_waves = set(), []
        for r in grp.itertuples():
            if r.norm_text in used or r.council_id in councils:
                continue
            if len(set(seen_waves)) < len(wave_list) and r.wave in seen_waves and len(councils) < per_code - 1:
                continue  # spread across waves while there are waves and places left
            if not allowed(r.Index, r.text):
                continue
            picked.append(r.Index)
            used.add(r.norm_text)
            councils.add(r.council_id)
            seen_waves.append(r.wave)
            if len(councils) >= per_code:
                break
    out = cand.loc[picked].drop(columns=["norm_text", "tie"]).reset_index(drop=True)
    out.attrs["n_screened_out"] = sum(1 for ok in verdicts.values() if not ok)
    return out


def _context(c: pd.DataFrame, segments: pd.DataFrame | None, n: int) -> tuple[list[str], list[str]]:
    if segments is None or n <= 0 or c.empty or "turn" not in segments.columns:
        return [""] * len(c), [""] * len(c)
    seg = segments[["segment_id", "interview_id", "turn", "text"]].reset_index(drop=True)
    pos = pd.Series(np.arange(len(seg)), index=seg["segment_id"])
    before, after = [], []
    for unit in c["unit"]:
        i = pos.get(unit)
        if i is None:
            before.append("")
            after.append("")
            continue
        key = (seg.at[i, "interview_id"], seg.at[i, "turn"])
        lo = [j for j in range(max(0, i - n), i) if (seg.at[j, "interview_id"], seg.at[j, "turn"]) == key]
        hi = [j for j in range(i + 1, min(len(seg), i + n + 1)) if (seg.at[j, "interview_id"], seg.at[j, "turn"]) == key]
        before.append(" ".join(seg.loc[lo, "text"]))
        after.append(" ".join(seg.loc[hi, "text"]))
    return before, after


def _clearest(c: pd.DataFrame) -> pd.DataFrame:
    """Each council x code's clearest statement (one row each).

    The first, in this order, of: a clear statement (:func:`impact.coding.modality_cues`) before one
    that is not; reported before anticipated change; 40 to 300 characters long (``_fit``) before
    not; higher ``score``; lower ``unit``.  Clarity is read only as far as needed: in each group,
    the first statement by the other keys, then the next two, four and so on until one is clear,
    so a group whose first statement is clear costs one reading, not one per statement.
    """
    from .coding import modality_cues

    order = c.sort_values(["council_id", "code", "reported", "_fit", "score", "unit"],
                          ascending=[True, True, False, False, False, True], kind="stable")
    group = order.groupby(["council_id", "code"], sort=False, observed=True).ngroup().to_numpy()
    rank = order.groupby(["council_id", "code"], sort=False, observed=True).cumcount().to_numpy()
    texts = order["text"].to_numpy()
    clear = np.zeros(len(order), dtype=bool)
    open_ = np.ones(group.max() + 1, dtype=bool)  # groups with no clear statement found yet
    lo, width = 0, 1
    while True:
        read = open_[group] & (rank >= lo) & (rank < lo + width)
        if not read.any():
            break
        clear[read] = modality_cues(texts[read].tolist())["clear"].to_numpy()
        open_[np.unique(group[read & clear])] = False
        lo, width = lo + width, width * 2
    # per group, the first clear statement, else the first statement
    pick = pd.Series(np.where(clear, rank, rank + len(order))).groupby(group, observed=True).idxmin().to_numpy()
    return order.iloc[pick]


def framework_matrix(
    study: Study,
    coded: pd.DataFrame,
    *,
    segments: pd.DataFrame | None,
    codebook: Codebook | str | os.PathLike | None,
    codes: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Councils x codes: how many participants raised each code, and the clearest statement of it.

    Parameters
    ----------
    study : Study
    coded : DataFrame
        Codings of the study (a coder's output or
        :func:`impact.codings.as_codings`), e.g. with the ``review_themes``
        codebook.
    segments : DataFrame or None
        The study's segments (:func:`impact.segment`), whose text each
        coding of a segment quotes.  Given on purpose: None quotes the coded
        spans' own text (codings with ``start`` and ``end``), and is refused
        where a coding has no span (it would count as nobody raising it).
    codebook : Codebook, str, path or None
        A codebook, a bundled codebook's name or a codebook file; None is the
        study's own codebook (:meth:`impact.Codebook.for_study`), as for the
        panels.  Gives the
        columns: its leaf codes (the codes a coder assigns), each under its
        parent (``parent`` column; the code itself where it has none).
    codes : str or sequence of str, optional
        Columns to show (default: the codebook's leaf codes); each a code of
        the codebook.

    Returns
    -------
    DataFrame
        Long: one row per council x code (every council of the study and every
        code, in codebook order): ``council_id``, ``parent``, ``code``,
        ``interviewed`` (some interview of the council was coded: one
        with no segment and no coding is not, as in
        :func:`impact.council_panel`),
        ``n_participants`` (who raised the code, not negated), ``n_segments``,
        ``raised``, and the clearest statement: ``unit``, ``participant_id``,
        ``wave``, ``example`` (as spoken; redact before publishing).

    Raises
    ------
    impact.InputError
        If ``segments`` is None and a coding of the codebook's codes has no
        span (``start`` and ``end``) to quote: it would count as nobody
        raising the code.

    Examples
    --------
    Segmenting and coding every transcript of the example study takes some seconds, so this example is not run as a
    test:

    >>> import impact  # doctest: +SKIP
    >>> study = impact.load_study(impact.example_path(), validate=False)  # doctest: +SKIP
    >>> segments = impact.segment(study)  # doctest: +SKIP
    >>> coded = impact.RuleCoder("review_themes").code(segments)  # doctest: +SKIP
    >>> matrix = impact.framework_matrix(study, coded, segments=segments, codebook="review_themes")  # doctest: +SKIP
    """
    from .study import refuse_swapped

    refuse_swapped(framework_matrix, study=study, coded=coded, segments=segments, codebook=codebook)
    from .coding.codebook import Codebook
    from .codings import as_codings

    require_study(study, "interviews", "councils")
    codebook = Codebook.for_study(study, codebook)  # a bundled codebook's name or a path serve, as for the panels
    leaves = _known_codes(codes, codebook) if codes is not None else codebook.leaf_codes()
    parent_of = {r.code_id: (r.parent or r.code_id) for r in codebook.codes.itertuples()}
    if "interview_id" not in coded.columns:
        coded = as_codings(coded, study, segments=segments)
    c = _statements(coded, study, segments)
    c = c[~c["negated"] & c["code"].isin(leaves)]
    unquoted = int(c["text"].isna().sum())
    if segments is None and unquoted:
        # each coding of a segment without a span was dropped, and the matrix said nobody raised its code (newuser18)
        raise InputError(f"`segments` of impact.framework_matrix() is None, but {_counted(unquoted, 'coding')} of the "
                         f"codebook's codes {_verb(unquoted, 'has', 'have')} no span (start and end) to quote and "
                         "would count as nobody raising the code: pass the segments coded, "
                         "segments=impact.segment(study).")
    c = c.dropna(subset=["text"])
    councils = study.councils[["council_id"]]
    interviewed = set(_coded_interviews(study, coded, segments)["council_id"].astype(str))
    grid = councils.merge(pd.DataFrame({"code": pd.Series(leaves, dtype="str")}), how="cross")
    agg = (c.groupby(["council_id", "code"], observed=True)
           .agg(n_participants=("participant_id", "nunique"), n_segments=("unit", "nunique")).reset_index())
    if len(c):
        best = (_clearest(c.assign(_fit=c["text"].str.len().between(40, 300)))
                [["council_id", "code", "unit", "participant_id", "wave", "text"]].rename(columns={"text": "example"}))
    else:
        best = pd.DataFrame(columns=["council_id", "code", "unit", "participant_id", "wave", "example"])
    out = grid.merge(agg, on=["council_id", "code"], how="left").merge(best, on=["council_id", "code"], how="left")
    out["n_participants"] = out["n_participants"].fillna(0).astype(int)
    out["n_segments"] = out["n_segments"].fillna(0).astype(int)
    out["raised"] = out["n_participants"] > 0
    out["interviewed"] = out["council_id"].astype(str).isin(interviewed)
    out["parent"] = out["code"].map(parent_of).fillna(out["code"])
    return out[["council_id", "parent", "code", "interviewed", "n_participants", "n_segments", "raised", "unit",
                "participant_id", "wave", "example"]]

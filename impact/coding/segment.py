"""Segmentation of interview transcripts into speaker turns and sentences.

A transcript is split into *turns* at speaker labels written in the usual
transcript conventions (``Interviewer:``, ``I:``, ``Q:``, ``Int:``,
``Respondent:``, ``R:``, ``A:``, ``Interviewee:``, ``P1:``, a speaker's name
such as ``Sarah:`` or ``[Dr Patel]:``, with or without a bracketed timestamp
before or after the label, and ``Speaker 1  00:03`` header lines).  Each turn
is split into sentences with NLTK's Punkt splitter given this field's
abbreviations (``Cllr.``, ``Dr.``, ``e.g.``, ``i.e.``, ``etc.``, ...; no NLTK
data download).  Every segment keeps code-point offsets with
``transcript[start:end] == text``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from typing import Any, Literal

import pandas as pd
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from ..errors import InputError
from ._cues import wordlist

__all__ = ["segment", "split_turns", "split_sentences", "INTERVIEWER_LABELS", "RESPONDENT_LABELS"]

#: Labels (lower case, without digits, dots or spaces) that mark the interviewer.
INTERVIEWER_LABELS = frozenset({
    "interviewer", "int", "i", "q", "question", "questioner", "facilitator", "moderator",
    "researcher", "iv", "ivr", "nfer",
})
#: Labels that mark the respondent.
RESPONDENT_LABELS = frozenset({
    "respondent", "resp", "r", "a", "answer", "interviewee", "ie", "participant", "p",
})

_TS = r"(?:[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?[\])]?)"
_NAME = r"[^\W\d_][\w.'\u2019 -]{0,38}?"
_LABEL_LINE = re.compile(
    r"^[ \t]*(?P<header>" + _NAME + r")[ \t]+" + _TS + r"[ \t]*$"
    r"|^[ \t]*(?:" + _TS + r"[ \t]*)?(?:\*\*|__)?[\[(]?(?P<label>" + _NAME + r")[\])]?(?:\*\*|__)?"
    r"[ \t]*(?:" + _TS + r"[ \t]*)?(?:\*\*|__)?[ \t]*[:\uff1a](?:\*\*|__)?[ \t]*",
    re.MULTILINE,
)
_NAME_SHAPE = re.compile(r"^(?:[A-Z][\w'\u2019.-]*|\d+)(?: (?:[A-Z][\w'\u2019.-]*|\d+|de|van|von|al)){0,3}$")
_PARAGRAPH = re.compile(r"\n[ \t\r]*\n")
_COLUMNS = ["segment_id", "interview_id", "turn", "speaker", "start", "end", "text"]


def _normal_label(label: str) -> str:
    return re.sub(r"[\d\s.]+", "", label).lower()


@functools.cache
def _punkt() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(wordlist("abbreviations"))
    return PunktSentenceTokenizer(params)


def split_turns(
    transcript: str,
    *,
    interviewer_labels: Sequence[str] = (),
    respondent_labels: Sequence[str] = (),
) -> pd.DataFrame:
    """Split a transcript into speaker turns.

    Known labels (:data:`INTERVIEWER_LABELS`, :data:`RESPONDENT_LABELS`, and
    the extra ``interviewer_labels`` / ``respondent_labels``) always start a
    turn.  Other labels count only if they look like a name (capitalised words,
    or ``Speaker 2``) and start at least two turns; among such names the one
    that asks the most questions is the interviewer, unless a known interviewer
    label is present.  Text before the first label is an ``"unknown"`` turn; a
    transcript with no labels at all is one respondent turn (written answers or
    notes).

    Parameters
    ----------
    transcript : str
    interviewer_labels, respondent_labels : sequence of str
        Extra labels, e.g. the interviewer's name.

    Returns
    -------
    pandas.DataFrame
        ``turn`` (from 1), ``speaker``, ``label``, ``start``, ``end`` (the
        spoken text, labels excluded, whitespace trimmed).

    Examples
    --------
    >>> t = "Int: How did it go?\\nResp: Really well.\\nIt helped."
    >>> split_turns(t)[["turn", "speaker", "start", "end"]].to_dict("records")
    [{'turn': 1, 'speaker': 'interviewer', 'start': 5, 'end': 19}, {'turn': 2, 'speaker': 'respondent', 'start': 26, 'end': 49}]
    """
    extra_int = {_normal_label(x) for x in interviewer_labels}
    extra_resp = {_normal_label(x) for x in respondent_labels}
    found = []
    for m in _LABEL_LINE.finditer(transcript):
        raw = (m.group("label") or m.group("header")).strip()
        found.append((m.start(), m.end(), raw, _normal_label(raw)))
    known = INTERVIEWER_LABELS | RESPONDENT_LABELS | extra_int | extra_resp
    counts: dict[str, int] = {}
    for *_, raw, norm in found:
        if norm not in known and _NAME_SHAPE.match(raw):
            counts[raw] = counts.get(raw, 0) + 1
    labels = [f for f in found if f[3] in known or counts.get(f[2], 0) >= 2]

    bounds = []
    if not labels:
        bounds.append((0, len(transcript), "", "respondent"))
    else:
        if transcript[: labels[0][0]].strip():
            bounds.append((0, labels[0][0], "", "unknown"))
        for i, (_, end, raw, _norm) in enumerate(labels):
            stop = labels[i + 1][0] if i + 1 < len(labels) else len(transcript)
            bounds.append((end, stop, raw, ""))
    rows = []
    for start, stop, raw, speaker in bounds:
        text = transcript[start:stop]
        lead = len(text) - len(text.lstrip())
        trimmed = text.strip()
        rows.append({"label": raw, "speaker": speaker, "start": start + lead, "end": start + lead + len(trimmed)})
    turns = pd.DataFrame(rows, columns=["label", "speaker", "start", "end"])
    turns["speaker"] = _roles(turns, transcript, extra_int, extra_resp)
    turns.insert(0, "turn", range(1, len(turns) + 1))
    return turns[["turn", "speaker", "label", "start", "end"]]


def _roles(turns: pd.DataFrame, transcript: str, extra_int: set, extra_resp: set) -> list[str]:
    norms = [_normal_label(x) for x in turns["label"]]
    names = {}
    for raw, norm, start, end in zip(turns["label"], norms, turns["start"], turns["end"], strict=True):
        if raw and norm not in INTERVIEWER_LABELS | RESPONDENT_LABELS | extra_int | extra_resp:
            asked, total = names.get(raw, (0, 0))
            names[raw] = (asked + ("?" in transcript[start:end]), total + 1)
    has_interviewer = any(n in INTERVIEWER_LABELS | extra_int for n in norms)
    interviewer = None
    if names and not has_interviewer and len(names) > 1:
        interviewer = max(names, key=lambda k: (names[k][0] / names[k][1], -list(names).index(k)))
    out = []
    for raw, norm, speaker in zip(turns["label"], norms, turns["speaker"], strict=True):
        if speaker:
            out.append(speaker)
        elif norm in extra_int or norm in INTERVIEWER_LABELS:
            out.append("interviewer")
        elif norm in extra_resp or norm in RESPONDENT_LABELS:
            out.append("respondent")
        else:
            out.append("interviewer" if raw == interviewer else "respondent")
    return out


def split_sentences(text: str, *, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of ``text[start:end]``, as offsets into ``text``.

    Paragraphs (blank-line separated) never share a sentence; whitespace is
    trimmed from each span.

    Examples
    --------
    >>> t = "We met Cllr. Smith, e.g. at the LSCB. It helped."
    >>> [t[a:b] for a, b in split_sentences(t)]
    ['We met Cllr. Smith, e.g. at the LSCB.', 'It helped.']
    """
    end = len(text) if end is None else end
    punkt = _punkt()
    spans = []
    cuts = [start] + [m.end() for m in _PARAGRAPH.finditer(text, start, end)] + [end]
    for lo, hi in zip(cuts[:-1], cuts[1:], strict=True):
        para = text[lo:hi]
        if not para.strip():
            continue
        for a, b in punkt.span_tokenize(para):
            piece = para[a:b]
            lead = len(piece) - len(piece.lstrip())
            body = piece.strip()
            if body:
                spans.append((lo + a + lead, lo + a + lead + len(body)))
    return spans


def _texts(data: Any) -> tuple[pd.Series, pd.DataFrame | None]:
    if hasattr(data, "transcripts") and hasattr(data, "interviews"):
        texts = data.transcripts()
        meta = data.interviews[["interview_id", "council_id", "participant_id", "wave"]]
        return texts, meta
    if isinstance(data, pd.Series):
        return data, None
    if isinstance(data, Mapping):
        return pd.Series(dict(data), dtype=object), None
    raise InputError(
        "The value for `study_or_texts` must be a Study, a pandas Series of transcripts "
        f"(index = interview id) or a mapping of interview id to text, but {type(data).__name__} was passed."
    )


_BATCH_CHARS = 4_000_000  # characters of transcript per worker task


def _batches(items: list[tuple], size: int) -> list[list[tuple]]:
    """Consecutive runs of (id, text) items of about ``size`` characters each."""
    out: list[list[tuple]] = [[]]
    total = 0
    for item in items:
        if total >= size:
            out.append([])
            total = 0
        out[-1].append(item)
        total += len(item[1])
    return out


def _segment_rows(items: list[tuple], speakers: str, sentences: bool, interviewer_labels: tuple,
                  respondent_labels: tuple) -> list[tuple]:
    rows: list[tuple] = []
    for interview_id, transcript in items:
        turns = split_turns(transcript, interviewer_labels=interviewer_labels, respondent_labels=respondent_labels)
        n = 0
        for turn, speaker, lo, hi in zip(turns["turn"], turns["speaker"], turns["start"], turns["end"], strict=True):
            if speakers == "respondent" and speaker != "respondent":
                continue
            spans = split_sentences(transcript, start=lo, end=hi) if sentences else ([(lo, hi)] if hi > lo else [])
            for a, b in spans:
                n += 1
                rows.append((f"{interview_id}:{n}", str(interview_id), int(turn), speaker, a, b, transcript[a:b]))
    return rows


def segment(
    study_or_texts: Any,
    *,
    speakers: Literal["respondent", "all"] = "respondent",
    sentences: bool = True,
    interviewer_labels: Sequence[str] = (),
    respondent_labels: Sequence[str] = (),
    n_jobs: int | None = None,
) -> pd.DataFrame:
    """Split interview transcripts into segments (sentences of speaker turns).

    Parameters
    ----------
    study_or_texts : Study, pandas.Series or mapping
        A :class:`impact.study.Study`, or transcripts keyed by interview id.
    speakers : {"respondent", "all"}
        Keep only respondent speech (the default: what is coded), or every turn.
    sentences : bool
        Split turns into sentences (default) or keep whole turns.
    interviewer_labels, respondent_labels : sequence of str
        Extra speaker labels, e.g. names (see :func:`split_turns`).
    n_jobs : int or None
        Worker processes (joblib) for a large corpus; None or 1 runs in
        process.  The output is the same either way.

    Returns
    -------
    pandas.DataFrame
        ``segment_id`` ("<interview_id>:<n>", n from 1 within the interview,
        counting the kept segments), ``interview_id``, ``turn``, ``speaker``,
        ``start``, ``end``, ``text``; for a Study also ``council_id``,
        ``participant_id`` and ``wave``.  ``transcript[start:end] == text``.

    Raises
    ------
    impact.InputError
        For an unknown ``speakers`` value, a bad ``n_jobs`` or an unusable input.

    Examples
    --------
    >>> texts = {"I1": "Q: What changed?\\nA: Morale is up. We work with Dr. Khan now."}
    >>> segment(texts)[["segment_id", "speaker", "text"]].to_dict("records")
    [{'segment_id': 'I1:1', 'speaker': 'respondent', 'text': 'Morale is up.'}, {'segment_id': 'I1:2', 'speaker': 'respondent', 'text': 'We work with Dr. Khan now.'}]
    """
    if speakers not in ("respondent", "all"):
        raise InputError(f"The value for `speakers` must be one of ['respondent', 'all'], but {speakers!r} was passed.")
    if n_jobs is not None and (not isinstance(n_jobs, int) or n_jobs == 0):
        raise InputError(f"The value for `n_jobs` must be None or a non-zero integer, but {n_jobs!r} was passed.")
    texts, meta = _texts(study_or_texts)
    items = list(texts.items())
    for interview_id, transcript in items:
        if not isinstance(transcript, str):
            raise InputError(f"transcript of interview {interview_id!r} is {type(transcript).__name__}, expected text")
    options = (speakers, sentences, tuple(interviewer_labels), tuple(respondent_labels))
    batches = _batches(items, _BATCH_CHARS)
    if n_jobs not in (None, 1) and len(batches) > 1:
        from joblib import Parallel, delayed

        parts = Parallel(n_jobs=n_jobs)(delayed(_segment_rows)(batch, *options) for batch in batches)
    else:
        parts = [_segment_rows(batch, *options) for batch in batches]
    rows = [row for part in parts for row in part]
    out = pd.DataFrame(rows, columns=_COLUMNS)
    out = out.astype({"turn": "int64", "start": "int64", "end": "int64"})
    if meta is not None:
        out = out.merge(meta.astype({"interview_id": str}), on="interview_id", how="left", validate="many_to_one")
    return out

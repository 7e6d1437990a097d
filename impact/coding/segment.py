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
import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

import pandas as pd

from .._speakers import CHAIR_LABELS, INTERVIEWER_LABELS, RESPONDENT_LABELS, header_cells
from ..errors import InputError
from ..schema import not_one_of
from ._cues import wordlist

__all__ = ["segment", "split_turns", "split_sentences", "INTERVIEWER_LABELS", "RESPONDENT_LABELS"]

_TS = r"(?:[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?[\])]?)"
_NAME = r"[^\W\d_][\w.'\u2019 -]{0,38}?"
_LABEL_LINE = re.compile(
    r"^[ \t]*(?:\[(?P<bracketed>" + _NAME + r")\]|(?P<header>" + _NAME + r"))[ \t]+" + _TS + r"[ \t]*$"
    r"|^[ \t]*(?:" + _TS + r"[ \t]*)?(?:\*\*|__)?[\[(]?(?P<label>" + _NAME + r"(?:[ \t]+\([^()\n:]{1,40}\))?)[\])]?"
    r"(?:\*\*|__)?"
    r"[ \t]*(?:" + _TS + r"[ \t]*)?(?:\*\*|__)?[ \t]*[:\uff1a](?!\d)(?:\*\*|__)?[ \t]*",
    re.MULTILINE,
)
_NAME_SHAPE = re.compile(r"^(?:[A-Z][\w'\u2019.-]*|\d+)(?: (?:[A-Z][\w'\u2019.-]*|\d+|de|van|von|al)){0,3}$")
_PARAGRAPH = re.compile(r"\n[ \t\r]*\n")
_COLUMNS = ["segment_id", "interview_id", "turn", "speaker", "start", "end", "text"]


_LABEL_NOISE = re.compile(r"[\d\s.]+")


@functools.lru_cache(maxsize=65_536)
def _normal_label(label: str) -> str:
    """A label as the role lists hold it (lower case, no digits, dots or spaces).  A name with a description in
    brackets ('Sarah Jones (Interviewer)', 'Tom Price (DCS)') is the role it names, where it names one, else the
    name alone."""
    named = _DESCRIBED.fullmatch(label)
    if named is not None:
        role = _LABEL_NOISE.sub("", named["described"]).lower()
        return role if role in INTERVIEWER_LABELS or role in RESPONDENT_LABELS else _normal_label(named["name"])
    return _LABEL_NOISE.sub("", label).lower()


#: A label of a name and a description in brackets: 'Sarah Jones (Interviewer)'.
_DESCRIBED = re.compile(r"(?P<name>.*?\S)[ \t]+\((?P<described>[^()]*)\)")


_LAST_SPACE = re.compile(r"[ \t\n\r\x0b\x0c](?=[^ \t\n\r\x0b\x0c]*\Z)")  # string.whitespace


def _engine(pattern: Any) -> Any:
    """The compiled ``regex`` pattern under NLTK's timeout wrapper (NLTK's own fixed patterns only)."""
    try:
        import regex

        return regex.compile(pattern.pattern, pattern.flags)
    except (ImportError, AttributeError):  # pragma: no cover - older NLTK compiles with re
        return pattern


@functools.cache
def _punkt():
    """The sentence splitter, made on first use (importing nltk takes about 2 s; ``impact validate`` reads
    speaker turns only)."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    class _MemoPunkt(PunktSentenceTokenizer):
        """Punkt with its per-candidate decision memoised.

        Punkt decides each candidate break from a short context (the word before
        the ``.``/``?``/``!``, the punctuation and the next word) and fixed
        parameters, so the decision is a pure function of that context string;
        contexts recur constantly ("up. We"), and the decision (tokenising and
        two annotation passes in Python) is most of Punkt's time.
        """

        _LIMIT = 1_000_000

        def __init__(self, params: PunktParameters) -> None:
            super().__init__(params)
            self._decisions: dict[str, bool] = {}
            self._period_rx = _engine(self._lang_vars.period_context_re())
            self._realign_rx = _engine(self._lang_vars.re_boundary_realignment)

        def spans(self, text: str) -> list[tuple[int, int]]:
            """``span_tokenize(text)`` as a list, in one loop.

            The same steps as NLTK's ``_match_potential_end_contexts``,
            ``_slices_from_text`` and ``_realign_boundaries`` (nltk 3.10), fused,
            without generator and slice objects per candidate; the output is
            identical (tests compare them on the example study and random text).
            """
            decide = self.text_contains_sentbreak
            cuts: list[tuple[int, int]] = []
            last_break = 0
            prev = None
            prev_lo = prev_hi = 0

            def close(match: Any, lo: int, hi: int) -> None:
                nonlocal last_break
                if decide(text[lo:hi] + match.group() + match.group("after_tok")):
                    cuts.append((last_break, match.end()))
                    last_break = match.start("next_tok") if match.group("next_tok") else match.end()

            for match in self._period_rx.finditer(text):
                start = match.start()
                space = _LAST_SPACE.search(text, prev_hi, start)
                word_lo = space.start() + 1 if space is not None and space.start() > prev_hi else prev_lo
                if prev is not None and prev_hi <= word_lo:
                    close(prev, prev_lo, prev_hi)
                prev, prev_lo, prev_hi = match, word_lo, start
            if prev is not None:
                close(prev, prev_lo, prev_hi)
            cuts.append((last_break, len(text.rstrip())))
            out = []
            realign = 0
            last = len(cuts) - 1
            for k, (a, b) in enumerate(cuts):
                a += realign
                if k == last:
                    if a < b:
                        out.append((a, b))
                    continue
                c, d = cuts[k + 1]
                m = self._realign_rx.match(text, c, d) if c <= d else None
                if m:
                    out.append((a, c + len(m.group(0).rstrip())))
                    realign = m.end() - c
                else:
                    realign = 0
                    if a < b:
                        out.append((a, b))
            return out

        def text_contains_sentbreak(self, text: str) -> bool:
            found = self._decisions.get(text)
            if found is None:
                found = super().text_contains_sentbreak(text)
                if len(self._decisions) >= self._LIMIT:
                    self._decisions.clear()
                self._decisions[text] = found
            return found

    params = PunktParameters()
    params.abbrev_types = set(wordlist("abbreviations"))
    return _MemoPunkt(params)


def split_turns(
    transcript: str,
    *,
    interviewer_labels: str | Sequence[str] | None = (),
    respondent_labels: str | Sequence[str] | None = (),
) -> pd.DataFrame:
    """Split a transcript into speaker turns.

    Known labels (:data:`INTERVIEWER_LABELS`, :data:`RESPONDENT_LABELS`, and
    the extra ``interviewer_labels`` / ``respondent_labels``) always start a
    turn.  Other labels count only if they look like a name (capitalised words,
    or ``Speaker 2``) and start at least two turns; among such names the one
    that asks the most questions is the interviewer, unless a known interviewer
    label is present.  Text before the first label is an ``"unknown"`` turn; a
    transcript with no labels at all is one respondent turn (written answers or
    notes).  A line a meeting program writes ('Ann Smith stopped transcription', as Teams does) after the first label
    is an ``"unknown"`` turn.  When only the interviewer is labelled, the unlabelled text below
    each question (after the line ending with the question mark, else after
    the turn's first blank line or line break) is the respondent's answer.

    Parameters
    ----------
    transcript : str
    interviewer_labels, respondent_labels : str, sequence of str or None
        Extra labels, e.g. the interviewer's name; one label alone is that
        label (not its letters), None none.

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
    rows = _turn_rows(transcript, *_extra_labels(interviewer_labels, respondent_labels))
    return pd.DataFrame(rows, columns=["turn", "speaker", "label", "start", "end"])


def _extra_labels(interviewer_labels: object, respondent_labels: object) -> tuple[tuple, tuple]:
    """The extra speaker labels as two tuples: one label alone is that label, not its letters ("Facilitator" made
    each letter a label), and a dict or a table is refused (its keys or columns were read as labels; newuser18)."""
    from .._joins import names

    return (tuple(names(interviewer_labels, "interviewer_labels", noun="label") or ()),
            tuple(names(respondent_labels, "respondent_labels", noun="label") or ()))


#: The turns of the transcripts read lately, by a digest of the text and the labels (:func:`_turn_rows`).
_TURNS_READ: dict[tuple, tuple[tuple, ...]] = {}
_TURNS_KEPT = 4096


def _turn_rows(transcript: str, interviewer_labels: tuple, respondent_labels: tuple) -> list[tuple]:
    """The turns of :func:`split_turns` as ``(turn, speaker, label, start, end)`` tuples.

    Read once per text and labels in a process: :func:`impact.load_study` reads every transcript's turns to check
    it, the segmenter reads them again, and so do the codings' checks of the respondents' speech (about a third of
    a second of a 40-council run, speed10). Keyed by a digest of the text, so no transcript is held; the oldest
    are forgotten beyond :data:`_TURNS_KEPT`. A new list is returned each time (its tuples are immutable).
    """
    interviewer_labels, respondent_labels = tuple(interviewer_labels), tuple(respondent_labels)
    key = (hashlib.blake2b(transcript.encode("utf-8", "surrogatepass"), digest_size=20).digest(),
           len(transcript), interviewer_labels, respondent_labels)
    rows = _TURNS_READ.get(key)
    if rows is None:
        rows = tuple(_read_turn_rows(transcript, interviewer_labels, respondent_labels))
        if len(_TURNS_READ) >= _TURNS_KEPT:
            _TURNS_READ.pop(next(iter(_TURNS_READ)), None)
        _TURNS_READ[key] = rows
    return list(rows)


def _read_turn_rows(transcript: str, interviewer_labels: tuple, respondent_labels: tuple) -> list[tuple]:
    """:func:`_turn_rows`, read from the text."""
    extra_int = {_normal_label(x) for x in interviewer_labels}
    extra_resp = {_normal_label(x) for x in respondent_labels}
    found = []
    for m in _LABEL_LINE.finditer(transcript):
        raw = (m.group("label") or m.group("header") or m.group("bracketed")).strip()
        found.append((m.start(), m.end(), raw, _normal_label(raw)))
    known = INTERVIEWER_LABELS | RESPONDENT_LABELS | extra_int | extra_resp
    if not any(f[3] in known for f in found):
        found = _other_label_styles(transcript, extra_int, extra_resp) or found
    known |= CHAIR_LABELS  # a chair's label is one at its first use, beside other labels
    # names (or roles) set off by a tab ('Sarah Jones<tab>I think...', a table of turns copied into text), alone or
    # beside 'Label:' lines: each is a label where it is a role or a name given twice or more, in either style; beside
    # 'Label:' lines, only where it says something (a table of figures pasted into an answer, 'Barnet<tab>12', is
    # no turns; alone, 'Sarah Jones<tab>12' may be an answer read out)
    colons = any(f[3] in known for f in found) or bool(_repeated_names(found, known))
    tabbed = [(m.start(), m.end(), m.group("label").strip(), _normal_label(m.group("label")))
              for m in _TAB_LABEL.finditer(transcript)
              if not colons or _has_letter(transcript[m.end():].partition("\n")[0])]
    if tabbed:
        starts = {f[0] for f in found}
        found = sorted(found + [f for f in tabbed if f[0] not in starts])
    counts = _repeated_names(found, known)
    labels = [f for f in found if f[3] in known or counts.get(_name_key(f[2]), 0) >= 2]
    if all(f[3] in CHAIR_LABELS for f in labels):  # 'Chair: Cllr Jones' atop minutes, no turns beside it: no label
        labels = []

    bounds = []
    if not labels:
        bounds.append((0, len(transcript), "", "respondent"))
    else:
        head = _header_line(transcript, labels[0][0])
        if transcript[head: labels[0][0]].strip():
            bounds.append((head, labels[0][0], "", "unknown"))
        labels = sorted(labels + _events(transcript, labels[0][0]))
        for i, (_, end, raw, norm) in enumerate(labels):
            stop = labels[i + 1][0] if i + 1 < len(labels) else len(transcript)
            bounds.append((end, stop, raw, "unknown" if norm == _EVENT else ""))
    rows = []
    for start, stop, raw, speaker in bounds:
        text = transcript[start:stop]
        lead = len(text) - len(text.lstrip())
        trimmed = text.strip()
        rows.append((raw, speaker, start + lead, start + lead + len(trimmed)))
    speakers = _roles(rows, transcript, extra_int, extra_resp)
    turns = list(zip(rows, speakers, strict=True))
    if "respondent" not in speakers:
        turns = _unlabelled_answers(turns, transcript)
    return [(k, speaker, raw, a, b) for k, ((raw, _, a, b), speaker) in enumerate(turns, 1)]


#: A meeting program's note of an event on a line of its own, not anyone's words: 'Ann Smith started transcription',
#: 'Ann Smith stopped recording', as Teams writes them into a transcript's text.
_EVENT_LINE = re.compile(r"^[ \t]*(?P<name>" + _NAME + r") (?:started|stopped) (?:transcription|recording)[ \t]*$",
                         re.MULTILINE)
_EVENT = "\0event"


def _events(transcript: str, first: int) -> list[tuple]:
    """The lines after ``first`` (the first label) that are a meeting program's notes (:data:`_EVENT_LINE`, a name
    before them), as label rows of no speaker: each is read as a turn of the ``"unknown"`` speaker (text that is no
    one's answer), so 'Ann Smith stopped transcription' after the last answer is not coded as part of it."""
    return [(m.start(), m.start(), "", _EVENT) for m in _EVENT_LINE.finditer(transcript, first)
            if _NAME_SHAPE.match(m["name"].strip())]


#: A name (or role) at the start of a line set off from the turn by a tab, a time before it or not.
_TAB_LABEL = re.compile(r"^[ \t]*(?:" + _TS + r"[ \t]*)?(?P<label>" + _NAME + r")[ ]*\t[ \t]*", re.MULTILINE)


def _has_letter(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def _header_line(transcript: str, first: int) -> int:
    """Where the text before the first label ``first`` starts once a header line over tab-separated turns is left
    aside ('Speaker<tab>Text', a table of turns saved as text: it names the columns, as a CSV file's header does),
    else 0.  A header line is the one line before the first label, of two tab-separated headings or more, each of at
    most three words, one naming the speakers' column (:func:`~impact._speakers.header_cells`)."""
    before = transcript[:first]
    line = before.strip()
    return len(before) if "\n" not in line and header_cells([c.strip() for c in line.split("\t") if c.strip()]) else 0


def _name_key(label: str) -> str:
    """One speaker's name however its case, spacing, full stops, hyphens and apostrophes are written ('SARAH JONES',
    'Sarah  Jones'; 'Dr. Smith', 'Dr Smith'; "O'Neil" and 'O\u2019Neil', as a word processor curls it)."""
    return " ".join(label.casefold().translate(_NAME_MARKS).split())


_NAME_MARKS = str.maketrans({".": None, "-": " ", "\u2019": "'", "\u2018": "'"})


def _repeated_names(found: list[tuple], known: frozenset | set = frozenset()) -> dict[str, int]:
    """How often each name of ``found`` (not a role in ``known``; by :func:`_name_key`, case and spacing aside) is
    given, where one of its forms is name-shaped; only those given twice or more are read as speakers' labels."""
    counts: dict[str, int] = {}
    shaped: set[str] = set()
    for *_, raw, norm in found:
        if norm not in known:
            key = _name_key(raw)
            counts[key] = counts.get(key, 0) + 1
            if _NAME_SHAPE.match((_DESCRIBED.fullmatch(raw) or [raw, raw])[1]):  # 'Tom Price (DCS)': its name
                shaped.add(key)
    return {k: n for k, n in counts.items() if n >= 2 and k in shaped}


_QUESTION_END = re.compile(r"\?[\s\"'\u201d\u2019)]*\n")


def _unlabelled_answers(turns: list[tuple], transcript: str) -> list[tuple]:
    """Split the answers out of interviewer turns when only the interviewer is labelled.

    A transcript that labels the interviewer's questions and leaves each
    answer unlabelled below its question ("I: How has it gone?" then the
    answer on the next line or paragraph) would otherwise have no respondent
    speech at all.  Each interviewer turn then ends at the first line break
    after a question mark, else at its first blank line, else at its first
    line break; the rest is an (unlabelled) respondent turn.
    """
    out = []
    for (raw, _, a, b), speaker in turns:
        text = transcript[a:b]
        cut = None
        if speaker == "interviewer" and "\n" in text:
            q = _QUESTION_END.search(text)
            para = _PARAGRAPH.search(text)
            cut = q.end() if q else para.end() if para else text.index("\n") + 1
        rest = text[cut:] if cut is not None else ""
        if not rest.strip():
            out.append(((raw, "", a, b), speaker))
            continue
        head = text[:cut].rstrip()
        lead = len(rest) - len(rest.lstrip())
        out.append(((raw, "", a, a + len(head)), speaker))
        out.append((("", "", a + cut + lead, a + cut + len(rest.rstrip())), "respondent"))
    return out


# Labels set off by a dot, a dash, a '>' or a tab ("Q. ...", "Interviewer - ...", "R\t...", as a table copied into
# text has it), alone on their line ("INTERVIEWER", "[00:00:02] Interviewer"), or in brackets at the start of a line
# ("[Interviewer] ...", "(R) ..."); a time may come first.
_OTHER_LABEL = re.compile(r"^[ \t]*(?:" + _TS + r"[ \t]*)?(?:[\[(](?P<bracketed>[^\W\d_][\w]{0,20}(?:[ \t]\d{1,2})?)[\])][ \t]*"
                          r"|(?P<label>[^\W\d_][\w]{0,20}(?:[ \t]\d{1,2})?)"
                          r"(?:[ \t]*[.\u2013\u2014>-][ \t]+|[ ]*\t[ \t]*|[ \t]*(?:\r?\n|$)))",
                          re.MULTILINE)


def _other_label_styles(transcript: str, extra_int: set, extra_resp: set) -> list[tuple]:
    """Speaker labels written ``Q. ...``, ``A - ...``, ``R<tab>...``, ``[Interviewer] ...`` or alone on a line, when
    no ``Label:`` is found.

    Only known labels count, and only when both an interviewer's and a
    respondent's are found (so that "A. Introduction" in written notes is not
    read as an answer).
    """
    interviewer, respondent = INTERVIEWER_LABELS | extra_int, RESPONDENT_LABELS | extra_resp
    found = [(m.start(), m.end(), label, _normal_label(label)) for m in _OTHER_LABEL.finditer(transcript)
             for label in [m.group("label") or m.group("bracketed")]]
    found = [f for f in found if f[3] in interviewer or f[3] in respondent]
    if any(f[3] in interviewer for f in found) and any(f[3] in respondent for f in found):
        return found
    return []


def _roles(rows: list[tuple], transcript: str, extra_int: set, extra_resp: set) -> list[str]:
    norms = [_normal_label(raw) for raw, *_ in rows]
    known = INTERVIEWER_LABELS | RESPONDENT_LABELS | CHAIR_LABELS | extra_int | extra_resp
    names: dict[str, tuple[int, int]] = {}
    for (raw, _, start, end), norm in zip(rows, norms, strict=True):
        if raw and norm not in known:
            asked, total = names.get(_name_key(raw), (0, 0))
            names[_name_key(raw)] = (asked + ("?" in transcript[start:end]), total + 1)
    has_interviewer = any(n in INTERVIEWER_LABELS | extra_int for n in norms)
    interviewer = None
    if names and not has_interviewer and len(names) > 1:
        order = {k: i for i, k in enumerate(names)}
        interviewer = max(names, key=lambda k: (names[k][0] / names[k][1], -order[k]))
    out = []
    for (raw, speaker, *_), norm in zip(rows, norms, strict=True):
        if speaker:
            out.append(speaker)
        elif norm in extra_int or norm in INTERVIEWER_LABELS or (norm in CHAIR_LABELS and norm not in extra_resp):
            out.append("interviewer")
        elif norm in extra_resp or norm in RESPONDENT_LABELS:
            out.append("respondent")
        else:
            out.append("interviewer" if _name_key(raw) == interviewer else "respondent")
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
    spans = []
    cuts = [start] + [m.end() for m in _PARAGRAPH.finditer(text, start, end)] + [end]
    memo = _PARA_SPANS
    for lo, hi in zip(cuts[:-1], cuts[1:], strict=True):
        para = text[lo:hi]
        short = hi - lo <= _MEMO_CHARS
        found = memo.get(para) if short else None
        if found is None:
            found = _paragraph_spans(para)
            if short:
                if len(memo) >= _MEMO_LIMIT:
                    memo.clear()
                memo[para] = found
        spans += [(lo + a, lo + b) for a, b in found]
    return spans


_PARA_SPANS: dict[str, tuple[tuple[int, int], ...]] = {}  # paragraph -> its sentence spans (short ones recur)
_MEMO_LIMIT = 500_000
# Only short paragraphs ("Yes, definitely.") recur: on the national corpus, memoising those of up to 200
# characters keeps every hit of memoising all of them with 8 times fewer characters held.
_MEMO_CHARS = 200


def _paragraph_spans(para: str) -> tuple[tuple[int, int], ...]:
    """Trimmed sentence spans of one paragraph, by Punkt."""
    if not para.strip():
        return ()
    spans = []
    for a, b in _punkt().spans(para):
        piece = para[a:b]
        lead = len(piece) - len(piece.lstrip())
        body = piece.strip()
        if body:
            spans.append((a + lead, a + lead + len(body)))
    return tuple(spans)


def _pairs(data: Any) -> tuple[Iterable[tuple], pd.DataFrame | None]:
    """``(interview id, transcript)`` pairs of the input, and the interviews' metadata for a Study."""
    if hasattr(data, "transcripts") and hasattr(data, "interviews"):
        meta = data.interviews[["interview_id", "council_id", "participant_id", "wave"]]
        # A Study's own transcript strings, not a copy of the (national) corpus in a Series.
        pairs = data.iter_transcripts() if hasattr(data, "iter_transcripts") else data.transcripts().items()
        return pairs, meta
    if isinstance(data, pd.Series):
        return data.items(), None
    if isinstance(data, Mapping):
        return pd.Series(dict(data), dtype=object).items(), None
    raise InputError(
        "The value for `study_or_texts` must be a Study, a pandas Series of transcripts "
        f"(index = interview id) or a mapping of interview id to text, but {type(data).__name__} was passed"
        f"{_said_instead(data)}."
    )


def _said_instead(data: Any) -> str:
    """What a path or a text given for the study was taken for, and what to pass (newuser10: ``segment("my-study")``
    was told only that a str was passed, where ``council_panel`` says to load the folder first)."""
    import os
    from pathlib import Path

    if isinstance(data, (str, os.PathLike)):
        try:
            folder = len(os.fspath(data)) < 4096 and Path(data).is_dir()
        except (OSError, ValueError):  # a text too long, or holding NUL, for a path
            folder = False
        if folder:
            return f" (a folder's path; load it first, study = impact.load_study({os.fspath(data)!r}))"
    if isinstance(data, str):
        return " (one text; pass it with its interview's id, {'I1': text})"
    from .._made import made_hint

    return made_hint(data, "study")
    return ""


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
        n: dict[str, int] = {}  # segments so far of each speaker
        for turn, speaker, _, lo, hi in _turn_rows(transcript, interviewer_labels, respondent_labels):
            if speakers == "respondent" and speaker != "respondent":
                continue
            spans = split_sentences(transcript, start=lo, end=hi) if sentences else ([(lo, hi)] if hi > lo else [])
            # Respondent segments are numbered among themselves whatever `speakers` is, the others apart with their
            # speaker's initial ("I1:i2", the interviewer's second): a segment id names one segment either way.
            tag = "" if speaker == "respondent" else speaker[0]
            for a, b in spans:
                n[tag] = n.get(tag, 0) + 1
                rows.append((f"{interview_id}:{tag}{n[tag]}", str(interview_id), int(turn), speaker, a, b,
                             transcript[a:b]))
    return rows


def segment(
    study_or_texts: Any,
    *,
    speakers: Literal["respondent", "all"] = "respondent",
    sentences: bool = True,
    interviewer_labels: str | Sequence[str] | None = (),
    respondent_labels: str | Sequence[str] | None = (),
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
    interviewer_labels, respondent_labels : str, sequence of str or None
        Extra speaker labels, e.g. names (see :func:`split_turns`).
    n_jobs : int or None
        Worker processes (joblib) for a large corpus; None or 1 runs in
        process.  The output is the same either way.

    Returns
    -------
    pandas.DataFrame
        ``segment_id`` ("<interview_id>:<n>", n from 1 within the interview,
        counting its respondent segments; with ``speakers="all"`` the other
        turns' segments are numbered apart, "<interview_id>:i<n>" for the
        interviewer's and "<interview_id>:u<n>" for text before the first
        speaker label, so that an id names the same segment whatever
        ``speakers`` is), ``interview_id``, ``turn``, ``speaker``,
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
    from ..schema import true_or_false

    sentences = true_or_false("sentences", sentences)
    if speakers not in ("respondent", "all"):
        raise InputError(not_one_of("speakers", speakers, ["respondent", "all"]))
    if n_jobs is not None and (not isinstance(n_jobs, int) or n_jobs == 0):
        raise InputError(f"The value for `n_jobs` must be None or a non-zero integer, but {n_jobs!r} was passed.")
    items, meta = _items(study_or_texts)
    options = (speakers, sentences, *_extra_labels(interviewer_labels, respondent_labels))
    batches = _batches(items, _BATCH_CHARS)
    if n_jobs not in (None, 1) and len(batches) > 1:
        from joblib import Parallel, delayed

        # Each worker returns its batch as a frame: columnar data crosses between processes far more
        # cheaply than a tuple per segment, and the frames are built in parallel.
        parts = Parallel(n_jobs=n_jobs)(delayed(_batch_frame)(batch, *options) for batch in batches)
        return _join_batches(parts, meta)
    return _segments_frame([row for batch in batches for row in _segment_rows(batch, *options)], meta)


def _batch_frame(items: list[tuple], *options: Any) -> pd.DataFrame:
    """The segments of a batch of transcripts as a frame (no interview metadata)."""
    return _segments_frame(_segment_rows(items, *options), None)


def _join_batches(parts: list[pd.DataFrame], meta: pd.DataFrame | None) -> pd.DataFrame:
    """The frames of consecutive batches as one, equal to ``_segments_frame`` of all their rows.

    Empties ``parts``, so that the batches are freed as soon as they are joined.
    """
    kept = [p for p in parts if len(p)]
    parts.clear()
    if not kept:
        return _segments_frame([], meta)
    out = pd.concat(kept, ignore_index=True) if len(kept) > 1 else kept[0]
    del kept
    return _with_meta(out, meta)


def _items(study_or_texts: Any) -> tuple[list[tuple], pd.DataFrame | None]:
    """``(interview id, transcript)`` pairs and the interviews' metadata (for a Study), checked."""
    pairs, meta = _pairs(study_or_texts)
    items = list(pairs)
    for interview_id, transcript in items:
        if not isinstance(transcript, str):
            raise InputError(f"transcript of interview {interview_id!r} is {type(transcript).__name__}, expected text")
    return items, meta


def _segments_frame(rows: list[tuple], meta: pd.DataFrame | None) -> pd.DataFrame:
    """The segments DataFrame from :func:`_segment_rows` rows, with the interviews' metadata when given."""
    out = pd.DataFrame(rows, columns=_COLUMNS)
    out = out.astype({"turn": "int64", "start": "int64", "end": "int64"})
    return _with_meta(out, meta)


def _with_meta(out: pd.DataFrame, meta: pd.DataFrame | None) -> pd.DataFrame:
    if meta is not None:
        out = out.merge(meta.astype({"interview_id": str}), on="interview_id", how="left", validate="many_to_one")
    return out

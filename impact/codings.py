"""Codings from any source, in one shape: the machine coder's, people's, or the planted truth.

:func:`as_codings` turns a table of codings into the canonical long form the
panels, quotes and reliability read; :func:`read_codings` reads one from a
file.  Accepted inputs:

* the coded-output contract of :func:`impact.RuleCoder.code` and ``impact
  code`` (``unit`` a segment id ``<interview_id>:<n>``, ``code``, ``negated``,
  ``hedged``, ``attribution``, ``score``, ``start``, ``end``);
* codings of spans of a transcript, as qualitative-analysis programs make them
  (``interview_id``, ``start``, ``end`` in code points of the transcript,
  ``code``; offsets that fit another counting better, UTF-16 code units as
  NVivo and ATLAS.ti count, line ends counted as two characters or a
  byte-order mark counted, are converted with a :class:`CodingsWarning`;
  a ``text``, ``quote``, ``excerpt``, ``coded_text`` or ``selection``
  column holding the coded text is compared with the spans' text),
  with the polarity as ``negated``/``hedged`` booleans or one
  ``polarity`` column (``asserted``, ``hedged``, ``negated``); the planted
  truth's ``truth_coded.csv`` has this shape;
* codings of whole interviews (``unit`` or ``interview_id`` an interview id);
  a row with an ``interview_id``, no ``code`` and no span says that a
  person checked the interview and found nothing in it (no coding, but
  recorded in ``attrs["checked_interviews"]``, so that a hand check counts
  the coder's codings there as disagreements);
* the decisions of the Excel review loop (:func:`impact.review.import_review`,
  rows with ``present`` False are decisions that a code is absent and are
  left out);
* a QDPX project exported by NVivo, ATLAS.ti, MAXQDA or QualCoder (by
  :func:`read_codings` from a ``.qdpx`` file).

Canonical columns: ``interview_id``, ``unit`` (the segment the coding falls
in, when segments are given; else the interview id), ``code``, ``score``
(1.0 for people), ``negated``, ``hedged``, ``attribution``, ``start``,
``end`` (code points of the transcript; missing for whole-interview codings),
``coder``, ``valence`` (for codes of the review process: helped, hindered,
mixed, neutral, or "" where the coding does not say).  A span that overlaps several segments gives one row per segment.
"""

from __future__ import annotations

import math
import os
import re
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ._frames import member, shared_attr
from ._io import MAX_CELL_CHARS, check_input_file, suffix_given, tell_if_open_in_office, too_long
from ._words import _counted, _listed, _verb
from .errors import (
    ImpactWarning,
    InputError,
    Problem,
    ValidationError,
    collapse_problems,
    same_on,
    user_level,
)
from .schema import (
    did_you_mean,
    hidden_names,
    id_problem,
    name_problem,
    parse_cell,
    same_id,
    spelt_two_ways,
    yes_no_hint,
)
from .study import Study, require_study

__all__ = ["CODINGS_COLUMNS", "CODES_EXPECTED", "CodingsWarning", "as_codings", "codes_nothing", "read_codings",
           "supplied_codes"]

CODINGS_COLUMNS = ["interview_id", "unit", "code", "score", "negated", "hedged", "attribution", "start", "end", "coder",
                   "valence"]
_VALENCES = ("", "helped", "hindered", "mixed", "neutral")
_POLARITIES = ("asserted", "hedged", "negated")
_TRUE = {"true", "1", "yes", "y", "t"}
_FALSE = {"false", "0", "no", "n", "f", ""}
_MAX_LISTED = 50
_MAX_OFFSET = 10**9  # characters: a span offset beyond this is in no transcript (and past what float64 holds exactly)
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")  # characters that UTF-16 counts as two code units


def _astral(text: str) -> bool:
    """Whether ``text`` holds a character UTF-16 counts as two code units (an ASCII text is not searched)."""
    return not text.isascii() and _ASTRAL.search(text) is not None


def _bool_column(values: pd.Series, column: str, source: str, problems: list[Problem], rows: np.ndarray) -> np.ndarray:
    if values.dtype == bool:
        return values.to_numpy()
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):  # 1/0 as numbers (Parquet)
        bad = values.notna() & ~values.isin([0, 1])
        for i in np.flatnonzero(bad.to_numpy())[:_MAX_LISTED]:
            problems.append(Problem(source, int(rows[i]), column, str(values.iloc[i]), "true or false (or 1/0)"))
        return (values == 1).to_numpy()
    text = values.astype("string").fillna("").str.strip().str.lower()
    bad = ~text.isin(_TRUE | _FALSE)
    for i in np.flatnonzero(bad.to_numpy())[:_MAX_LISTED]:
        problems.append(Problem(source, int(rows[i]), column, str(values.iloc[i]), "true or false"))
    return text.isin(_TRUE).to_numpy()


def _offsets(values: pd.Series, column: str, source: str, problems: list[Problem], rows: np.ndarray) -> pd.Series:
    """Offsets as numbers; text cells read as a study's whole-number cells are (:func:`impact.schema.parse_cell`),
    so that one written in scientific notation ("1.23457E+06", whose last digits a spreadsheet dropped) is refused,
    as written, with the reason."""
    what = "a whole number of characters, 0 or more"
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
        num = pd.to_numeric(values, errors="coerce")
        why = pd.Series("", index=values.index)
    else:
        text = values.astype("string").fillna("").str.strip()
        parsed = {t: parse_cell(t, "int", low=0) for t in text.unique() if t != ""}
        read = {t: float(v) if p is None else math.nan for t, (v, p) in parsed.items()}
        num = pd.Series([read.get(t, math.nan) for t in text.tolist()], index=values.index, dtype="float64")
        # the reason parse_cell gives after "a whole number", where it has one: a yes/no value, scientific notation
        reason = {t: (p or "").removeprefix("a whole number") for t, (_, p) in parsed.items()}
        why = pd.Series([r if (r := reason.get(t, "")).startswith((" (", " written")) else "" for t in text.tolist()],
                        index=values.index)
    given = values.notna() & (values.astype("string").fillna("").str.strip() != "")  # empty: a whole-interview row
    # an offset past any transcript (1e30, 99999999999999999999) is no place in one: told, not left to fail as a
    # number too large to hold
    huge = num.notna() & (num.abs() > _MAX_OFFSET)
    bad = (given & num.isna()) | (num.notna() & ((num < 0) | (num % 1 != 0))) | huge
    for i in np.flatnonzero(bad.fillna(False).to_numpy())[:_MAX_LISTED]:
        value = str(values.iloc[i])
        hint = why.iloc[i] or yes_no_hint(value)
        if huge.iloc[i] and not hint:
            hint = f" (at most {_MAX_OFFSET:,}: far more characters than any transcript holds)"
        problems.append(Problem(source, int(rows[i]), column, value, what + ("," if hint.startswith(" written") else "")
                                + hint))
    return num.where(~bad).astype("Int64")


def _named_otherwise(column: str, columns) -> str:
    """A hint naming a column that is ``column`` written in another case or with spaces (" (found 'Code': column
    names are exact, lower case)"), or ""."""
    other = [str(c) for c in columns if str(c) != column and str(c).strip().casefold() == column]
    if other:
        return f" (found {other[0]!r}: column names are exact, lower case)"
    # a name holding a character nobody sees (a byte-order mark pasted before it, a zero-width space), told as such
    hidden = [(str(c), why) for c in columns if str(c) != column and same_id(str(c), loose=False) == column
              and (why := hidden_names(str(c)))]
    if hidden:
        name, why = hidden[0]
        return f" (found {name!r}: column names are exact; it holds {why}, which no one sees: retype the name)"
    return ""


#: The columns of a coding file that :func:`as_codings` reads (the others are carried by no coding).
_READ_COLUMNS = ("interview_id", "unit", "code", "score", "negated", "hedged", "polarity", "attribution", "start", "end",
                 "coder", "valence")


def _columns_named_otherwise(columns, source: str, problems: list[Problem]) -> None:
    """A problem for each column that is one :func:`as_codings` reads written another way ("Polarity", "Start",
    "polarity" with a zero-width space): as written it is not read, and its values (a negation, the spans) would be
    dropped without a word, each coding read as asserted or as coding its whole interview."""
    known = {same_id(c): c for c in (*_READ_COLUMNS, *_QUOTE_COLUMNS)}
    names = {str(c) for c in columns}
    for col in columns:
        name = str(col)
        meant = known.get(same_id(name))
        if meant is None or name == meant or meant in names:
            continue  # read as written, or the column is there as well (a copy told as a column named twice)
        hidden = hidden_names(name)
        how = f"it holds {hidden}, which no one sees" if hidden else "they are lower case, with underscores"
        problems.append(Problem(source, 1, name, name, f"the column name `{meant}` (column names are exact: {how}); "
                                "as written the column is not read, and its values would be dropped"))


def _duplicate_rows(d: pd.DataFrame, rows: np.ndarray, source: str, problems: list[Problem]) -> None:
    """A row the same in every column read as an earlier one (the same unit, code, coder and span, and the same
    polarity, attribution and score).

    With a span, it is refused, naming both rows: the same characters coded twice are one coding given twice, which
    counts of coded statements (the process findings' ``n_statements``, the quotes of a code) would count twice,
    and an export that writes a coding twice may have mangled others.  Without a span (a coding of a whole
    interview or segment) two such rows may be two statements the file does not place: they are read as two, and
    a :class:`CodingsWarning` names the rows, so that a copy can be deleted."""
    read = [c for c in d.columns if c in _READ_COLUMNS]  # a column not read (a note, a row id) makes no coding differ
    if d.empty or not read:
        return
    cells = d[read].astype("string").fillna("")
    for c in cells.columns:
        cells[c] = cells[c].str.strip()
    again = cells.duplicated(keep="first").to_numpy()
    if not again.any():
        return
    first = cells.groupby(list(cells.columns), sort=False, dropna=False, observed=True).ngroup().to_numpy()
    first_row: dict[int, int] = {}
    for i, g in enumerate(first):
        first_row.setdefault(g, int(rows[i]))
    span = np.ones(len(d), dtype=bool)
    for col in ("start", "end"):
        span &= (cells[col] != "").to_numpy() if col in cells.columns else False
    for i in np.flatnonzero(again & span)[:_MAX_LISTED]:
        problems.append(Problem(source, int(rows[i]), None, ",".join(cells.iloc[i]), f"each coding once (row "
                                f"{first_row[first[i]]} is the same: the same unit, code, coder and span, which would "
                                "be counted twice): delete one of the rows"))
    if (again & span).sum() > _MAX_LISTED:
        problems.append(Problem(source, None, None, f"{int((again & span).sum()) - _MAX_LISTED} more",
                                "each coding once"))
    spanless = np.flatnonzero(again & ~span)
    if len(spanless):
        pairs = ", ".join(f"{int(rows[i])} (as {first_row[first[i]]})" for i in spanless[:5])
        warnings.warn(f"{source}: {_counted(len(spanless), 'row')} the same as an earlier one, with no span, read as further "
                      f"statements of the same code (rows {pairs}{' ...' if len(spanless) > 5 else ''}); if one is a "
                      "coding given twice, delete the copy: it is counted among the statements", CodingsWarning,
                      stacklevel=user_level())


class CodingsWarning(ImpactWarning):
    """Codings read in a way the file did not say: span offsets counted another way than code points (UTF-16 code
    units, line ends as two characters, a byte-order mark), converted; codings of the interviewer's speech.

    Examples
    --------
    >>> import warnings, impact
    >>> issubclass(impact.CodingsWarning, impact.ImpactWarning)
    True
    >>> with warnings.catch_warnings(record=True) as caught:  # keep them to read, or "error" to stop at one
    ...     warnings.simplefilter("always", impact.CodingsWarning)
    ...     warnings.warn("a coding outside its segment", impact.CodingsWarning)
    >>> [type(w.message).__name__ for w in caught]
    ['CodingsWarning']
    """


#: The columns of a coded file that say what the study says of its interview (``impact code`` writes them), and what
#: each is called in a message.
_CONTEXT = (("council_id", "council"), ("participant_id", "participant"), ("wave", "wave"))


def _other_context(d: pd.DataFrame, iid: pd.Series, study: Study, source: str, rows: np.ndarray) -> None:
    """Warn where a coded file's ``council_id``, ``participant_id`` or ``wave`` of a row is not what the study says of
    the row's interview (its ``interviews.csv``, waves derived from dates included): one warning a column, naming
    the first row and counting the others.  The study's is what the findings read: the file's is left, and told."""
    table = study.interviews.drop_duplicates("interview_id").set_index("interview_id")
    for col, what in _CONTEXT:
        if col not in d.columns or col not in table.columns:
            continue
        given = d[col].astype("string").fillna("").str.strip()
        said = iid.map(table[col].astype("string").fillna("")).fillna("").astype("string")
        keys = {v: same_id(v, loose=False) for v in set(given.tolist()) | set(said.tolist())}
        off = ((given != "") & (said != "") & (given.map(keys) != said.map(keys))).to_numpy(dtype=bool)
        at = np.flatnonzero(off)
        if not len(at):
            continue
        i = int(at[0])
        others = [str(int(rows[k])) for k in at[1:6]]
        more = (f" (so {_verb(len(at) - 1, 'does', 'do')} {_counted(len(at) - 1, 'more row')}: {', '.join(others)}{', ...' if len(at) > 6 else ''})"
                if len(at) > 1 else "")
        warnings.warn(f"{source}:{int(rows[i])}:{col}: {given.iloc[i]!r} - expected the {what} interviews.csv gives "
                      f"interview {iid.iloc[i]} ({said.iloc[i]}){more}: read as {said.iloc[i]}, as the study says, "
                      "which is what the findings count; a file coded from another version of the study? Code the "
                      "study again, or correct the file", CodingsWarning, stacklevel=user_level())


def _texts_of(study: Study, ids) -> dict[str, str]:
    """The transcripts of some interviews, by id (those that cannot be read left out: validation tells them)."""
    files = study.interviews.set_index(study.interviews["interview_id"].astype(str))["transcript"]
    out = {}
    for v in ids:
        try:
            out[v] = study._text_of(v, files[v])
        except (InputError, OSError):
            continue
    return out


def _marks_of(study: Study, ids) -> dict[str, bool]:
    """Whether each interview's transcript file begins with a byte-order mark (:meth:`Study._marked`): only there
    can a tool have counted one."""
    files = study.interviews.set_index(study.interviews["interview_id"].astype(str))["transcript"]
    return {v: v in files.index and study._marked(files[v]) for v in ids}


def _bad_ends(text: str, ends) -> int:
    """How many of the span ends ``ends`` (offsets into ``text``) fall outside it, inside a word or between the CR
    and LF of a line end: none where the spans were counted as impact counts them and marked between words."""
    n = len(text)
    bad = 0
    for i in ends:
        if i < 0 or i > n:
            bad += 1
        elif 0 < i < n and ((text[i - 1] == "\r" and text[i] == "\n") or (text[i - 1].isalnum() and text[i].isalnum())):
            bad += 1
    return bad


#: Columns of a coded file that hold the coded text itself (a quote, an excerpt), compared with the spans' text.
_QUOTE_COLUMNS = ("text", "quote", "excerpt", "coded_text", "selection")


def _said(value: str) -> str:
    """Text as a quote is compared: its runs of spaces and line ends as one space (an export rewraps them)."""
    return " ".join(value.split())


def _quote_fits(text: str, a: int, b: int, quote: str) -> bool:
    """Whether characters ``a`` to ``b`` of ``text`` are the ``quote`` (a quote cut short with '...' its start)."""
    got = _said(text[max(a, 0):max(b, 0)])
    if quote.endswith(("...", "\u2026")):
        return got.startswith(quote.rstrip(".\u2026").rstrip())
    return got == quote


def _quoted_spans(d: pd.DataFrame, iid: pd.Series, start: pd.Series, end: pd.Series, study: Study, known: set,
                  source: str, rows: np.ndarray, problems: list[Problem]) -> tuple[pd.Series, pd.Series, set]:
    """Spans of a file that carries the coded text (a ``text``, ``quote``, ``excerpt`` ... column) checked against
    it, transcript by transcript: where the spans' text is not the quote as written but is under exactly one other
    counting (:class:`impact.qdpx._positions.Counting`: a line end counted as two, a CRLF as one, a byte-order
    mark counted, UTF-16 code units), that transcript's spans are converted with a :class:`CodingsWarning`; where
    no counting gives the quote, each such row is a problem.  Returns the offsets and the transcripts so decided
    (their counting is not guessed again from the span ends)."""
    import itertools

    from .qdpx._positions import Counting, _Source

    col = next((c for c in _QUOTE_COLUMNS if c in d.columns), None)
    if col is None:
        return start, end, set()
    quote = d[col].astype("string").fillna("").map(_said)
    given = (start.notna() & end.notna() & iid.isin(known) & (quote != "")).to_numpy(dtype=bool)
    if not given.any():
        return start, end, set()
    texts = _texts_of(study, set(iid[given]))
    by: dict[str, list[int]] = {}
    for i in np.flatnonzero(given):
        if iid.iloc[i] in texts:
            by.setdefault(iid.iloc[i], []).append(int(i))
    converted: dict[Counting, list[str]] = {}
    start, end = start.copy(), end.copy()
    marks = _marks_of(study, by)
    for v, idx in by.items():
        text = texts[v]
        a = np.array([int(start.iloc[i]) for i in idx], dtype=np.int64)
        b = np.array([int(end.iloc[i]) for i in idx], dtype=np.int64)
        q = [quote.iloc[i] for i in idx]
        wrong = [k for k in range(len(idx)) if not _quote_fits(text, int(a[k]), int(b[k]), q[k])]
        if not wrong:
            continue
        src = _Source(text, marks[v])
        ways: dict[tuple, Counting] = {}
        for cand in itertools.product((False, src.astral), (False, src.has_crlf), (False, src.had_bom),
                                      (False, src.has_lone_lf)):
            c = Counting(*cand)
            if c == Counting() or (c.crlf_one and c.lf_two) or c in ways.values():
                continue
            s_, s_out, _ = src.map(a, c, side="start")
            e_, e_out, _ = src.map(b, c, side="end")
            if not (s_out | e_out).any() and all(_quote_fits(text, int(x), int(y), z)
                                                 for x, y, z in zip(s_, e_, q, strict=True)):
                ways.setdefault((tuple(s_), tuple(e_)), c)
        if len(ways) == 1:
            c = next(iter(ways.values()))
            mine = np.flatnonzero((iid == v).to_numpy() & start.notna().to_numpy() & end.notna().to_numpy())
            s_, _, _ = src.map(start.iloc[mine].to_numpy(dtype=np.int64), c, side="start")
            e_, _, _ = src.map(end.iloc[mine].to_numpy(dtype=np.int64), c, side="end")
            start.iloc[mine], end.iloc[mine] = s_, e_
            converted.setdefault(c, []).append(v)
            continue
        how = (" and counted as " + " or as ".join(c.describe() for c in ways.values()) + " alike, placing them "
               "elsewhere each way") if ways else ", and no other way of counting the offsets gives"
        for k in wrong[:_MAX_LISTED]:
            i = idx[k]
            held = text[max(int(a[k]), 0):max(int(b[k]), 0)]
            held = held if len(held) <= 60 else held[:57] + "..."
            problems.append(Problem(source, int(rows[i]), col, str(d[col].iloc[i]), f"the text of the row's span "
                                    f"(characters {a[k]} to {b[k]} of {v} hold {held!r}{how} {q[k]!r}): offsets of "
                                    "another version of the transcript, or the quote of another row?"))
    for c, names in converted.items():
        n = int(iid.isin(names).to_numpy()[given].sum())
        warnings.warn(f"{source}: span offsets read as {c.describe()} and converted to characters (code points), the "
                      f"counting of impact: the text of {_counted(n, 'span')} of {_counted(len(names), 'transcript')} "
                      f"({', '.join(sorted(names)[:5])}{' ...' if len(names) > 5 else ''}) is the file's {col} column "
                      "so, not as written. Write offsets as code points to have them read as written.",
                      CodingsWarning, stacklevel=user_level())
    return start, end, set(by)


def _counted_spans(iid: pd.Series, start: pd.Series, end: pd.Series, study: Study, known: set, source: str,
                   rows: np.ndarray, problems: list[Problem]) -> tuple[pd.Series, pd.Series]:
    """Span offsets counted another way than in code points of the transcript as stored, converted to code points
    with a :class:`CodingsWarning` naming the file and the counting, where they fit that counting better than
    code points and no other counting as well; else the offsets as given.

    The ways considered: UTF-16 code units (NVivo, ATLAS.ti: a character beyond U+FFFF, an emoji, counts two),
    each line end counted as two characters (a tool that stored the text with Windows line ends, CRLF, where the
    transcript has LF) or a CRLF as one (the other way round), and a byte-order mark counted as the first
    character (only where the transcript's file begins with one: elsewhere spans one character late are offsets
    counted from 1, refused by :func:`_shifted_spans`); alone or together.  The counting is decided from the spans
    as a QDPX import decides it (:func:`impact.qdpx._positions.convert_positions`): the way under which the fewest
    span ends fall outside the transcript, inside a word or inside a character is the one the file was written
    with, ties going to code points, the documented counting.  Where another way fits exactly as well and places the spans elsewhere, the
    file does not say how it counted: a problem names both ways.

    Only transcripts holding a character beyond U+FFFF, or with a span ending past their end or inside a word as
    written (each end looked at once), are looked at first: spans marked between words and counted as impact
    counts need no other counting.  Where they show a drift of line ends or of a mark (which every transcript
    has), the spans of every transcript are decided together; where the others fit as written, the drift is read
    in the transcripts that showed it only (line ends and a mark belong to each file).
    """
    from .qdpx._positions import Counting, convert_positions

    spans = (start.notna() & end.notna() & iid.isin(known)).to_numpy()
    if not spans.any():
        return start, end
    every = _texts_of(study, set(iid[spans]))
    ends: dict[str, list[int]] = {}
    for v, a, b in zip(iid[spans].tolist(), start[spans].tolist(), end[spans].tolist(), strict=True):
        ends.setdefault(v, []).extend((int(a), int(b)))
    odd = {v for v, t in every.items() if _astral(t) or _bad_ends(t, ends[v])}

    def decide(texts: dict[str, str]):
        which = np.flatnonzero(spans & iid.isin(list(texts)).to_numpy())
        found = [{"source_guid": iid.iloc[i], "start": int(start.iloc[i]), "end": int(end.iloc[i])} for i in which]
        result = convert_positions(found, texts, _marks_of(study, texts), origin="", positions="auto",
                                   names={v: v for v in texts}, label=source, lf_two=True)
        return which, found, result

    if not odd:
        return start, end
    which, found, result = decide({v: every[v] for v in odd})
    c = result.counting
    if c is not None and (c.crlf_one or c.lf_two or c.bom) and len(every) > len(odd):
        decided = decide(every)  # a drift every transcript has: decided on all of them
        if decided[2].counting == c:  # else the others fit as written: the drift of those that showed it is read
            which, found, result = decided
    if c is None or c == Counting() or result.misfit:  # as written (a misfit is told as spans past the end)
        return start, end
    if result.rival is not None:
        first = int(which[0])
        problems.append(Problem(source, int(rows[first]), "start", str(start.iloc[first]), "span offsets counted "
                                f"one way: the spans fit {c.describe()} as well as {result.rival.describe()}, which "
                                "places them elsewhere, and the file does not say which; write them as characters "
                                "(code points) of the transcripts"))
        end = end.copy()  # told here, not again as spans past the end or reversed
        end.iloc[which] = pd.NA
        return start, end
    start, end = start.copy(), end.copy()
    start.iloc[which] = [r["start"] for r in found]
    end.iloc[which] = [r["end"] for r in found]
    how = c.describe().replace("UTF-16 code units", "UTF-16 code units (as NVivo and ATLAS.ti count: a character "
                               "beyond U+FFFF, such as an emoji, counts two)")
    names = sorted({str(iid.iloc[i]) for i in which})
    warnings.warn(f"{source}: span offsets read as {how} and converted to characters (code points), the counting of "
                  f"impact: {_counted(len(which), 'span')} of {_counted(len(names), 'transcript')} ({', '.join(names[:5])}"
                  f"{' ...' if len(names) > 5 else ''}) fit that counting better than code points (fewer span ends "
                  "outside the transcript or inside a word). Write offsets as code points to have them read as "
                  "written.", CodingsWarning, stacklevel=user_level())
    return start, end


def _check_spans(d: pd.DataFrame, iid: pd.Series, start: pd.Series, end: pd.Series, study: Study, known: set,
                 source: str, rows: np.ndarray, problems: list[Problem]) -> None:
    """Problems of spans and units that are read without a word otherwise: a start without an end (or an end without
    a start), a span reaching past the end of its transcript, a unit that is a segment of another interview than
    the row's interview_id."""
    def blank(col: str) -> np.ndarray:  # blank as written: a value that cannot be read is told as such, not here
        if col not in d.columns:
            return np.ones(len(d), dtype=bool)
        return (d[col].astype("string").fillna("").str.strip() == "").to_numpy(dtype=bool)

    no_start, no_end = blank("start"), blank("end")
    for i in np.flatnonzero(no_start != no_end)[:_MAX_LISTED]:
        given, missing = ("end", "start") if no_start[i] else ("start", "end")
        value = str(d[given].iloc[i]).strip()
        article = "an" if missing == "end" else "a"
        problems.append(Problem(source, int(rows[i]), missing, "", f"{article} {missing} offset as well ({given} is "
                                f"{value}): a span has both, a coding of the whole interview neither"))
    spans = (end.notna() & iid.isin(known)).to_numpy()
    if spans.any():
        texts = _texts_of(study, set(iid[spans]))
        length = {v: float(len(texts[v])) if v in texts else math.nan for v in set(iid[spans])}
        # where a transcript holds characters beyond U+FFFF, its length in UTF-16 units too (a tool counting so)
        _utf16_units = {v: len(t.encode("utf-16-le")) // 2 for v, t in texts.items() if _astral(t)}
        past = spans & (end.astype("float64").to_numpy() > iid.map(length).astype("float64").to_numpy())
        for i in np.flatnonzero(past)[:_MAX_LISTED]:
            units = _utf16_units.get(iid.iloc[i])
            problems.append(Problem(source, int(rows[i]), "end", str(d["end"].iloc[i]), f"an offset within the transcript "
                                    f"of {iid.iloc[i]} ({length[iid.iloc[i]]:,.0f} characters, counted as code points"
                                    + (f"; {units:,} counted as UTF-16 code units, as NVivo and ATLAS.ti count)"
                                       if units else ")")))
    if "unit" in d.columns and "interview_id" in d.columns:
        unit = d["unit"].astype("string").fillna("").str.strip()
        other = ((unit != "") & (unit != iid) & (unit.str.rsplit(":", n=1).str[0] != iid) & iid.isin(known)).to_numpy()
        for i in np.flatnonzero(other)[:_MAX_LISTED]:
            problems.append(Problem(source, int(rows[i]), "unit", str(d["unit"].iloc[i]), f"a segment of the row's "
                                    f"interview, {iid.iloc[i]} ({iid.iloc[i]}:<n>), or the interview id itself"))


#: Shifts (characters either way) tried on spans that do not fall on the text's words as written, and the evidence
#: a shift needs: at least this many spans of a transcript (or of the file, taken together), at most this share of
#: them on word edges as written, and at least this share on word edges at the shift.
_SHIFT_RANGE = 40
_SHIFT_MIN_SPANS = 6
_SHIFT_AS_WRITTEN = 0.25
_SHIFT_FITS = 0.8


_ASCII_WORD = np.array([chr(i).isalnum() for i in range(128)], dtype=bool)
_ASCII_SPACE = np.array([chr(i).isspace() for i in range(128)], dtype=bool)


def _char_classes(text: str) -> tuple[np.ndarray, np.ndarray]:
    """``(str.isalnum, str.isspace)`` of each character of ``text``, as boolean arrays.

    Looked up by code point (ASCII from a table, each distinct other character once), not called per character:
    a study's transcripts hold millions of characters.

    >>> [a.tolist() for a in _char_classes("a b\u00e9\u3000!")]
    [[True, False, True, True, False, False], [False, True, False, False, True, False]]
    """
    cp = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    low = np.minimum(cp, 127)
    word, space = _ASCII_WORD[low], _ASCII_SPACE[low]
    high = cp > 127
    if high.any():
        other, where = np.unique(cp[high], return_inverse=True)
        word[high] = np.array([chr(c).isalnum() for c in other.tolist()], dtype=bool)[where]
        space[high] = np.array([chr(c).isspace() for c in other.tolist()], dtype=bool)[where]
    return word, space


def _on_edges(text: str, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """For each shift ``s`` of ``-_SHIFT_RANGE`` to ``_SHIFT_RANGE`` (rows) and each span ``a[k]:b[k]`` (columns),
    whether the span moved by ``s`` characters starts and ends on a word's edge: it starts on a character that is
    no space and follows none of a word (the text's start, a space, a bracket or a quote mark), and ends after a
    character that is no space and before none of a word (a space, punctuation or the text's end).  Spans marked
    by people, or by impact's segmenter, do so as written; spans a few characters off mostly do not."""
    n = len(text)
    word, space = _char_classes(text)
    shifts = np.arange(-_SHIFT_RANGE, _SHIFT_RANGE + 1)[:, None]
    p, q = a[None, :] + shifts, b[None, :] + shifts
    inside = (p >= 0) & (q <= n) & (p < q)
    pc, qc = np.clip(p, 0, max(n - 1, 0)), np.clip(q, 1, max(n, 1))
    if not n:
        return np.zeros(inside.shape, dtype=bool)
    starts = ~space[pc] & ((p == 0) | ~word[np.clip(p - 1, 0, n - 1)])
    ends = ~space[qc - 1] & ((q == n) | ~word[np.clip(q, 0, n - 1)])
    return inside & starts & ends


def _shift_found(fit: np.ndarray) -> int | None:
    """The shift (not 0) under which most spans of ``fit`` (:func:`_on_edges`) fall on word edges, 80% or more,
    where at most a quarter do as written; None where there is none, or two fit as well."""
    n = fit.shape[1]
    if n < _SHIFT_MIN_SPANS:
        return None
    share = fit.sum(axis=1) / n
    zero = _SHIFT_RANGE
    if share[zero] > _SHIFT_AS_WRITTEN:
        return None
    top = share.max()
    best = np.flatnonzero(share == top)
    # the shift under which most spans fall on words: one, and alone the best (a tie does not say which)
    return int(best[0]) - zero if top >= _SHIFT_FITS and len(best) == 1 else None


def _shifted_spans(iid: pd.Series, start: pd.Series, end: pd.Series, study: Study, known: set, source: str,
                   rows: np.ndarray, problems: list[Problem]) -> None:
    """A problem where span offsets are all off by the same few characters: the spans of a file (or of one of its
    transcripts) that start and end on the edges of words moved by one shift, and mostly not as written.

    Spans without the coded text beside them (``quote``, ``text`` ... checked by :func:`_quoted_spans`) are read
    at their offsets; offsets counted from 1, or into another version of a transcript (a line added or taken out
    above the coded text), put every coding a few characters off, over the edge of its sentence into the next one
    or the one before, with nothing to show it.  Marked by a person or by impact's segmenter, a span starts on a
    word and ends after one; counted from the wrong place, most of them start or end inside a word or on a space,
    and fall on words at one shift.  The evidence asked for (:data:`_SHIFT_MIN_SPANS` distinct spans or more, at
    most a quarter on word edges as written and 80% at the one shift) is not met by honest codings at random.
    """
    spans = (start.notna() & end.notna() & iid.isin(known)).to_numpy(dtype=bool)
    if spans.sum() < _SHIFT_MIN_SPANS:
        return
    a_all, b_all = start.astype("float64").to_numpy(), end.astype("float64").to_numpy()
    spans = spans & (b_all > a_all)
    texts = _texts_of(study, set(iid[spans]))
    fits, where, distinct, pooled = {}, {}, {}, {}
    for v, g in pd.Series(np.flatnonzero(spans)).groupby(iid.to_numpy()[spans], observed=True):
        if v not in texts:
            continue
        idx = g.to_numpy()
        text, a, b = texts[v], a_all[idx].astype(np.int64), b_all[idx].astype(np.int64)
        fits[v], where[v] = _on_edges(text, a, b), idx
        # One span is one piece of evidence however many rows code it (several codes on one sentence), and so is
        # the same span of the same text in two transcripts (a form, a question read out the same way): a span's
        # fit at every shift depends on the text around it only, which is its key.
        keys = {}
        for k, (x, y) in enumerate(zip(a.tolist(), b.tolist(), strict=True)):
            lo, hi = max(x - _SHIFT_RANGE - 1, 0), y + _SHIFT_RANGE + 1
            keys.setdefault((text[lo:hi], x if lo == 0 else None, len(text) - y if hi >= len(text) else None), k)
        distinct[v] = fits[v][:, list(keys.values())]
        for key, k in keys.items():
            pooled.setdefault(key, fits[v][:, k])
    if not fits:
        return
    every = _shift_found(np.stack(list(pooled.values()), axis=1))
    found = {}
    if every is not None:  # the file's shift: each transcript whose spans are off as written and fit it
        found = {v: every for v, f in fits.items()
                 if f[_SHIFT_RANGE].mean() <= 0.5 and f[_SHIFT_RANGE + every].mean() >= 0.5}
    for v, f in distinct.items():
        if v not in found and (s := _shift_found(f)) is not None:
            found[v] = s
    by_shift: dict[int, list[str]] = {}
    for v, s in found.items():
        by_shift.setdefault(s, []).append(v)
    for s, names in sorted(by_shift.items()):
        idx = np.sort(np.concatenate([where[v] for v in names]))
        f = np.concatenate([fits[v] for v in names], axis=1)
        at, moved = int(f[_SHIFT_RANGE].sum()), int(f[_SHIFT_RANGE + s].sum())
        listed = ", ".join(str(int(rows[i])) for i in idx[:10]) + (" ..." if len(idx) > 10 else "")
        whose = (f"{len(names)} transcripts" if len(names) > 5 else ", ".join(sorted(names)))
        why = (" (offsets counted from 1 where impact counts from 0, or a byte-order mark counted that the "
               "transcript file does not begin with?)" if s == -1 else
               " (offsets counted from 0 where the tool counts from 1?)" if s == 1 else
               " (offsets into another version of the transcript, with text added or taken out above the spans?)")
        first = int(idx[0])
        problems.append(Problem(source, int(rows[first]), "start", str(int(a_all[first])), f"span offsets that fall "
                                f"on the coded text: the {len(idx)} spans of {whose} (rows {listed}) start and end "
                                f"on the edges of words {at} times as written, {moved} times moved {s:+d} "
                                f"character{'s' if abs(s) != 1 else ''}: they look {abs(s)} character"
                                f"{'s' if abs(s) != 1 else ''} {'early' if s > 0 else 'late'}{why}. Write the "
                                "offsets as characters of the transcript as stored, counted from 0, or add the coded "
                                "text in a `quote` column to have each span checked against it"))


def _bundled_holding(found: list[str]) -> dict[str, int]:
    """The bundled codebooks that between them hold every code of ``found`` (each with how many of them it holds),
    the fewest first found; empty where some code is in none of them."""
    from .coding import Codebook, available_codebooks

    held = {name: set(found) & set(Codebook.load(name).code_ids) for name in available_codebooks()}
    left, books = set(found), {}
    while left:
        name = max(held, key=lambda b: len(held[b] & left), default=None)
        if name is None or not held[name] & left:
            return {}
        books[name], left = len(held[name]), left - held[name]
    return books


def _unknown_codes(cells: pd.Series, code: pd.Series, unknown: np.ndarray, coded: np.ndarray, codes: Any,
                   source: str, rows: np.ndarray) -> list[Problem]:
    """The codings whose code is not one of ``codes``: one problem per code, on its first row, naming the rows it is
    on, every code named (the first :data:`_MAX_LISTED`, then how many more).  One problem per row, the first 50 rows,
    told a file of another codebook's codes as 50 lines of three or four codes, and never named the codes on its later
    rows.  A file none of whose codings (``coded``) has a code of ``codes``, and which holds two codes or more, is first
    said to be of another codebook, the bundled ones that hold its codes named."""
    at: dict[str, list[int]] = {}
    for i in np.flatnonzero(unknown):
        at.setdefault(str(code.iloc[i]), []).append(int(i))
    if not at:
        return []
    out = []
    other = len(at) > 1 and not (coded & ~unknown).any()  # one code alone is told on its rows: a typo as likely
    if other:
        found = list(at)
        books = _bundled_holding(found)
        named = _listed(f"{b!r}" + (f" ({n} of them)" if len(books) > 1 else "") for b, n in books.items())
        held = (f": they are codes of the bundled {'codebooks' if len(books) > 1 else 'codebook'} {named} - pass the "
                "codebook they were coded with (`codebook=`, `--codebook`), or code the study again with this one"
                if books else ": codings made with another codebook? pass that codebook (`codebook=`, `--codebook`)")
        out.append(Problem(source, None, "code", None, f"{expected_codes(codes)}, but none of the file's "
                           f"{_counted(len(found), 'code')} ({_some_codes(found)}) is one{held}"))
    for value, at_ in list(at.items())[:_MAX_LISTED]:
        more = f" ({same_on([int(rows[i]) for i in at_[1:]])})" if len(at_) > 1 else ""
        out.append(Problem(source, int(rows[at_[0]]), "code", str(cells.iloc[at_[0]]),
                           # another codebook's code is no misspelling of this one's ('morale' is not 'core')
                           f"{expected_codes(codes)}{'' if other else did_you_mean(value, codes)}{more}"))
    if len(at) > _MAX_LISTED:
        out.append(Problem(source, None, "code", f"{len(at) - _MAX_LISTED:,} more codes", expected_codes(codes)))
    return out


def _empty_spans(start: pd.Series, end: pd.Series, source: str, rows: np.ndarray) -> None:
    """Warn of spans that hold no text (``end`` equal to ``start``), naming the file and rows.

    Such a span is read as a coding of the segment holding its position (:func:`_to_segments`), as a point marked
    in the text places a coding: kept, not refused, since the position says which statement it codes.  But no
    coding tool marks an empty selection, so most often the file lost its ends (``end`` copied from ``start``):
    said, so that a file of empty spans is not analysed without a word.

    Warns
    -----
    CodingsWarning
    """
    empty = (start.notna() & end.notna() & (start == end)).fillna(False).to_numpy(dtype=bool)
    if not empty.any():
        return
    at = np.flatnonzero(empty)
    listed = ", ".join(str(int(rows[i])) for i in at[:10]) + (" ..." if len(at) > 10 else "")
    warnings.warn(f"{source}: {_counted(len(at), 'span')} of no characters (end equal to start; rows {listed}) {_verb(at, 'is')} read as "
                  "codings of the segment holding their position. A span marks the coded text from its start to "
                  "its end: check that the file's end column was not lost or copied from start.",
                  CodingsWarning, stacklevel=user_level())


def as_codings(
    data: pd.DataFrame,
    study: Study,
    *,
    segments: pd.DataFrame | None = None,
    codes: list[str] | None = None,
    coder: str | None = None,
    source: str = "codings",
) -> pd.DataFrame:
    """Codings of a study in the canonical long form (see the module docstring).

    Parameters
    ----------
    data : DataFrame
        Codings in any accepted shape.
    study : Study
        The study the codings are of: interview ids are checked against it.
    segments : DataFrame, optional
        The study's segments (:func:`impact.segment`); spans are then mapped
        to the segments they overlap (``unit``), for quotes and agreement.
    codes : list of str, optional
        The code ids allowed (the codebook's); codings of other codes are an
        error listing them.
    coder : str, optional
        Coder name for rows without a ``coder`` column or with none in it (default ``""``: the coder is not named,
        and a report does not count the coders).
    source : str
        Name of the input in error messages (the file name).

    Returns
    -------
    DataFrame
        :data:`CODINGS_COLUMNS`, one row per coding (and segment).

    Raises
    ------
    ValidationError
        Listing every row with an unknown interview, code, polarity or offset,
        a coding given twice, a cell longer than a spreadsheet holds, or (with
        ``segments``) a unit naming no segment and no span (the first 50 of each
        kind, with a count of the rest).
    impact.InputError
        If the codings lack a ``code`` column, or both ``interview_id`` and ``unit``.
    TypeError
        If ``data`` is not a DataFrame.

    Warns
    -----
    CodingsWarning
        Span offsets counted otherwise (UTF-16 code units, line ends as two characters, a byte-order mark),
        converted to code points.

    Examples
    --------
    >>> from impact.study import Study
    >>> s = Study({"name": "x"}, {"interviews": pd.DataFrame({"interview_id": ["I1"], "participant_id": ["P1"],
    ...     "council_id": ["301"], "wave": ["early"], "date": [None], "mode": [None], "transcript": ["a.txt"]})},
    ...           {"a.txt": "Hello."})
    >>> as_codings(pd.DataFrame({"interview_id": ["I1"], "start": [0], "end": [6], "code": ["morale"],
    ...     "polarity": ["hedged"]}), s)[["interview_id", "code", "negated", "hedged"]].to_dict("records")
    [{'interview_id': 'I1', 'code': 'morale', 'negated': False, 'hedged': True}]
    """
    from .study import refuse_swapped

    refuse_swapped(as_codings, data=data, study=study, segments=segments)
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"`data` must be a DataFrame of codings, but {type(data).__name__} was passed.")
    require_study(study, "interviews")  # a folder's path was "'str' object has no attribute 'interviews'"
    problems: list[Problem] = []
    d = data.reset_index(drop=True)
    # read from `data`: pandas deep-copies a frame's attrs into every column and result taken from it, and the
    # rows of a national file (a list of tens of thousands) made reading it several times slower
    d.attrs = {}
    # each row named by its row in the file (read_csv_cells counts blank lines and values over lines as a spreadsheet
    # does), else by its place after the header row
    rows = np.asarray(data.attrs.get("rows") or range(2, len(d) + 2))
    if "code" not in d.columns:
        raise InputError(f"{source}: codings need a `code` column; the columns are {list(d.columns)}"
                         + _named_otherwise("code", d.columns))
    if "interview_id" not in d.columns and "unit" not in d.columns:
        raise InputError(f"{source}: codings need an `interview_id` or a `unit` column (a segment or interview id); "
                         f"the columns are {list(d.columns)}" + _named_otherwise("interview_id", d.columns)
                         + _named_otherwise("unit", d.columns))
    _columns_named_otherwise(d.columns, source, problems)
    checked = data.attrs.get("checked_units")  # kept when codings already read are read again onto segments
    if "present" in d.columns:  # review decisions: a code looked at and found absent is not a coding
        # as written in a CSV ("True", "false", blank for a note), or as import_review returns it (boolean, <NA>)
        present = _bool_column(d["present"], "present", source, problems, rows)
        if "unit" in d.columns:  # but its segment was checked (impact.coding.evaluate.checked_units)
            checked = sorted(set(d["unit"].astype(str)))
        d, rows = d[present].reset_index(drop=True), rows[present]
    if not data.attrs.get("codings_read"):  # codings read already are not told again (read onto segments)
        _duplicate_rows(d, rows, source, problems)
    for col in d.columns:  # a cell longer than a spreadsheet holds: refused, as in the study's tables
        if d[col].dtype != object and not pd.api.types.is_string_dtype(d[col]):
            continue
        n = d[col].astype("string").fillna("").str.len().to_numpy()
        for i in np.flatnonzero(n > MAX_CELL_CHARS)[:_MAX_LISTED]:
            problems.append(Problem(source, int(rows[i]), str(col), str(d[col].iloc[i])[:40] + "...",
                                    too_long(int(n[i]))))
    known = set(study.interviews["interview_id"].astype(str))
    if "interview_id" in d.columns:
        iid = d["interview_id"].astype("string").fillna("").str.strip()
    else:
        unit = d["unit"].astype("string").fillna("").str.strip()
        head = unit.str.rsplit(":", n=1).str[0]
        iid = unit.where(unit.isin(known), head)
    code = d["code"].astype("string").fillna("").str.strip()
    # An id holding a character nobody sees, a full-width letter or a letter of another script that looks Latin
    # ("\u04201-early") is named as such, not only as an interview or a code the study does not have.
    odd = pd.Series(False, index=d.index)
    for col in ("interview_id", "unit", "code"):
        if col not in d.columns:
            continue
        values = d[col].astype("string").fillna("").str.strip()
        why = {v: id_problem(v) for v in values.unique()}
        flagged = values.map(why).notna().to_numpy()
        for i in np.flatnonzero(flagged)[:_MAX_LISTED]:
            problems.append(Problem(source, int(rows[i]), col, str(d[col].iloc[i]), why[values.iloc[i]]))
        odd |= flagged
    # A coder or an attribution is a label the findings count by (coders, what statements are credited to): one
    # holding a character nobody sees would be another coder or attribution that looks the same.
    for col in ("coder", "attribution"):
        if col not in d.columns:
            continue
        values = d[col].astype("string").fillna("").str.strip()
        # a coder's name on one line too (a QDPX user, the coders a report counts), as `impact agree` reads it; an
        # attribution may run over lines as free text does
        held = {v: name_problem(v, noun=f"{'an' if col[0] == 'a' else 'a'} {col}", plural=f"{col}s",
                                one_line=col == "coder") for v in values.unique()}
        problems += collapse_problems([Problem(source, int(rows[i]), col, str(d[col].iloc[i]), held[values.iloc[i]])
                                       for i in np.flatnonzero(values.map(held).notna().to_numpy())[:_MAX_LISTED]])
        if col == "coder":  # 'ann' and 'Ann': one person, who would be two coders agreeing with themselves
            at = {v: int(rows[i]) for i, v in reversed(list(enumerate(values))) if v and held[v] is None}
            problems += [Problem(source, at[name], col, name, expected) for name, _, expected
                         in spelt_two_ways(((v, f"on row {r}") for v, r in sorted(at.items(), key=lambda x: x[1])),
                                           plural="coders")]
    bad = (~iid.isin(known) & ~odd).to_numpy(dtype=bool).copy()
    col = "interview_id" if "interview_id" in d.columns else "unit"
    named = (iid != "").to_numpy(dtype=bool)
    ids = list(dict.fromkeys(iid[bad & named].tolist())) if (bad & named).any() and not (~bad & named).any() else []
    # not one interview of the study, and none like one (a misspelling is told with its hint): one problem, not one
    # a row
    if len(ids) > 1 and not any(did_you_mean(v, known) for v in ids[:10]):
        examples = sorted(known)[:3]
        problems.append(Problem(source, None, col, None, f"codings of this study: none of the {len(ids):,} interview "
                                f"ids it names ({', '.join(map(repr, ids[:3]))}{', ...' if len(ids) > 3 else ''}) is "
                                f"an interview of the study ({', '.join(map(repr, examples))}"
                                f"{', ...' if len(known) > 3 else ''}): a coded file of another study?"))
        bad &= ~named
    groups: dict[str, list[int]] = {}  # an unknown id -> its rows: one problem each, naming the rows
    for i in np.flatnonzero(bad):
        groups.setdefault(str(d[col].iloc[i]), []).append(int(rows[i]))
    for k, (value, at) in enumerate(list(groups.items())[:_MAX_LISTED]):
        hint = did_you_mean(value.strip(), known) if k < 10 else ""  # each looks at every interview id
        more = f" ({same_on(at[1:])})" if len(at) > 1 else ""
        problems.append(Problem(source, at[0], col, value, f"an interview of the study (interviews.csv){hint}{more}"))
    if len(groups) > _MAX_LISTED:
        problems.append(Problem(source, None, col, f"{len(groups) - _MAX_LISTED} more", "interviews of the study"))
    # A row naming an interview with no code and no span: a person checked the interview and found nothing in it.
    # It is no coding, but a hand check compares the coder with people on all of it (evaluate.checked_units).
    nothing = np.zeros(len(d), dtype=bool)
    if "interview_id" in d.columns:
        part = pd.Series(False, index=d.index)  # the row names a span or a segment, not the whole interview
        for col in ("start", "end"):
            if col in d.columns:
                part |= d[col].astype("string").fillna("").str.strip() != ""
        if "unit" in d.columns:
            unit_ = d["unit"].astype("string").fillna("").str.strip()
            part |= (unit_ != "") & (unit_ != iid)
        nothing = ((code == "") & ~part & (iid != "")).to_numpy(dtype=bool)
        # A row cut short before its code ("P1-early" alone in a file of three columns) is no record that a person
        # found nothing: it may be a row broken or cut, so it is told, not read as a finding of none.
        cut = nothing & np.isin(rows, data.attrs.get("short_rows", ()))
        for i in np.flatnonzero(cut)[:_MAX_LISTED]:
            problems.append(Problem(source, int(rows[i]), "code", "", f"a code, or the row written out with its empty "
                                    f"cells ({', '.join(d.columns)}): a row cut short before its code is not read as "
                                    "an interview checked and found to hold none"))
    if codes is not None:
        unknown = (~code.isin(list(codes)) & ~nothing & ~odd.to_numpy()).to_numpy(dtype=bool)
        problems += _unknown_codes(d["code"], code, unknown, ~nothing & ~odd.to_numpy(), codes, source, rows)
    if "polarity" in d.columns:
        pol = d["polarity"].astype("string").fillna("asserted").str.strip().str.lower().replace("", "asserted")
        for i in np.flatnonzero(~pol.isin(_POLARITIES).to_numpy())[:_MAX_LISTED]:
            problems.append(Problem(source, int(rows[i]), "polarity", str(d["polarity"].iloc[i]),
                                    f"one of {list(_POLARITIES)}{did_you_mean(str(d['polarity'].iloc[i]), _POLARITIES)}"))
        negated, hedged = (pol == "negated").to_numpy(), (pol == "hedged").to_numpy()
        # negated/hedged cells beside the polarity: one that says otherwise is not dropped without a word
        for col, said in (("negated", negated), ("hedged", hedged)):
            if col not in d.columns:
                continue
            given = _bool_column(d[col], col, source, [], rows)
            cell = d[col].astype("string").fillna("").str.strip()
            for i in np.flatnonzero((given != said) & (cell != "").to_numpy() & pol.isin(_POLARITIES).to_numpy())[
                    :_MAX_LISTED]:
                others = ", ".join(f"{c} {'is ' if k == 0 else ''}{str(d[c].iloc[i]).strip()!r}"
                                   for k, c in enumerate(c for c in ("negated", "hedged") if c in d.columns))
                problems.append(Problem(source, int(rows[i]), "polarity", str(d["polarity"].iloc[i]), "a polarity "
                                        f"the row's negated and hedged cells agree with ({others}): the file gives "
                                        "it twice; keep one way"))
    else:
        negated = _bool_column(d["negated"], "negated", source, problems, rows) if "negated" in d.columns else np.zeros(len(d), bool)
        hedged = _bool_column(d["hedged"], "hedged", source, problems, rows) if "hedged" in d.columns else np.zeros(len(d), bool)
    start = _offsets(d["start"], "start", source, problems, rows) if "start" in d.columns else pd.Series(pd.NA, index=d.index, dtype="Int64")
    end = _offsets(d["end"], "end", source, problems, rows) if "end" in d.columns else pd.Series(pd.NA, index=d.index, dtype="Int64")
    valence = (d["valence"].astype("string").fillna("").str.strip().str.lower() if "valence" in d.columns
               else pd.Series("", index=d.index, dtype="string"))
    for i in np.flatnonzero(~valence.isin(_VALENCES).to_numpy())[:_MAX_LISTED]:
        problems.append(Problem(source, int(rows[i]), "valence", str(d["valence"].iloc[i]),
                                "helped, hindered, mixed, neutral or empty"))
    start, end, quoted = _quoted_spans(d, iid, start, end, study, known, source, rows, problems)
    start, end = _counted_spans(iid, start, end, study, known - quoted, source, rows, problems)
    if not data.attrs.get("codings_read"):  # codings read already were checked (read again onto segments)
        _shifted_spans(iid, start, end, study, known - quoted, source, rows, problems)
        _empty_spans(start, end, source, rows)
    _check_spans(d, iid, start, end, study, known, source, rows, problems)
    reversed_ = (start.notna() & end.notna() & (end < start)).fillna(False)
    for i in np.flatnonzero(reversed_.to_numpy())[:_MAX_LISTED]:
        problems.append(Problem(source, int(rows[i]), "end", str(end.iloc[i]), f"an offset at or after start ({start.iloc[i]})"))
    if "score" in d.columns:  # a score that cannot be read is told, not taken for a person's code (score 1)
        given = d["score"].astype("string").fillna("").str.strip() != ""
        number = pd.to_numeric(d["score"], errors="coerce").astype("float64")
        unread = given & ~np.isfinite(number)
        for i in np.flatnonzero(unread.to_numpy())[:_MAX_LISTED]:
            value = str(d["score"].iloc[i])
            problems.append(Problem(source, int(rows[i]), "score", value, "a finite number, the coder's score, or "
                                    f"blank for a code given by a person{yes_no_hint(value)}"))
        for i in np.flatnonzero((given & ~unread & ((number < 0) | (number > 1))).to_numpy())[:_MAX_LISTED]:
            problems.append(Problem(source, int(rows[i]), "score", str(d["score"].iloc[i]), "a score from 0 to 1 (the "
                                    "coder's combined score), or blank for a code given by a person"))
    named_units: dict[str, list[tuple]] = {}  # unit -> (row, start, end) of each row naming a segment
    if "unit" in d.columns:
        unit_ = d["unit"].astype("string").fillna("").str.strip()
        named = ((unit_ != "") & (unit_ != iid)).to_numpy(dtype=bool)
        # read from lists: a pandas scalar look-up per row (three per row) cost more than the rest of the reading
        unit_l, start_l, end_l, row_l = unit_.tolist(), start.tolist(), end.tolist(), rows.tolist()
        for i in np.flatnonzero(named).tolist():
            a, b = start_l[i], end_l[i]
            named_units.setdefault(str(unit_l[i]), []).append(
                (int(row_l[i]), None if pd.isna(a) else int(a), None if pd.isna(b) else int(b)))
        if segments is not None:  # checked here; else when the codings are joined to the study (_check_units)
            problems += _unit_problems(named_units, segments, source, study)
    if problems:
        raise ValidationError(problems, source=source)
    if not data.attrs.get("codings_read"):  # codings read already were told (read again onto segments)
        _other_context(d, iid, study, source, rows)
    if "score" in d.columns:
        score = pd.to_numeric(d["score"], errors="coerce").fillna(1.0).astype("float64")
    else:
        score = pd.Series(1.0, index=d.index)
    attribution = d["attribution"].astype("string").fillna("").str.strip() if "attribution" in d.columns else ""
    # A file with no coder column does not say who coded it, nor how many people did: the coder is left unnamed ("")
    # rather than named after the file, which a report would count as one coder.
    who = (d["coder"].astype("string").fillna(coder or "").str.strip() if "coder" in d.columns else (coder or ""))
    if "unit" in d.columns:
        unit = d["unit"].astype("string").fillna("")
    else:
        unit = iid
    out = pd.DataFrame({
        "interview_id": iid.astype(str).to_numpy(),
        "unit": unit.astype(str).to_numpy() if not isinstance(unit, str) else unit,
        "code": code.astype(str).to_numpy(),
        "score": score.to_numpy(),
        "negated": negated,
        "hedged": hedged,
        "attribution": attribution if isinstance(attribution, str) else attribution.astype(str).to_numpy(),
        "start": start.to_numpy(),
        "end": end.to_numpy(),
        "coder": who if isinstance(who, str) else who.astype(str).to_numpy(),
        "valence": valence.astype(str).to_numpy(),
    })
    out["start"] = out["start"].astype("Int64")
    out["end"] = out["end"].astype("Int64")
    found_nothing = set(data.attrs.get("checked_interviews", ())) | set(out.loc[nothing, "interview_id"])
    out = out[~nothing].reset_index(drop=True)
    if segments is not None and len(out):
        out = _to_segments(out, segments)
    out = out[CODINGS_COLUMNS].reset_index(drop=True)
    if checked is not None:
        out.attrs["checked_units"] = shared_attr(checked)
    if found_nothing:
        out.attrs["checked_interviews"] = shared_attr(sorted(found_nothing))
    out.attrs["codings_read"] = True
    # each code's rows in the file, for a panel refusing a code no codebook has to name them (impact.panel)
    code_rows: dict[str, list[int]] = {}
    for value, row in zip(code[~nothing].tolist(), rows[~nothing].tolist()):
        code_rows.setdefault(str(value), []).append(int(row))
    out.attrs["code_rows"] = shared_attr({"source": source, "rows": code_rows})
    if named_units and segments is None:
        out.attrs["named_units"] = shared_attr({"source": source, "rows": named_units})
    return out


_OTHER_SPEAKER = re.compile(r":[a-z]\d+\Z")  # a segment id of the interviewer's ("I1:i2") or unlabelled text


def _unit_problems(named: dict[str, list[tuple]], segments: pd.DataFrame | None, source: str,
                   study: Study) -> list[Problem]:
    """A problem for each row whose ``unit`` names a segment the study does not have (``P1-early:99``), or a segment
    its span lies outside (a file numbering segments otherwise: ``impact code --speakers all`` numbered every
    speaker's segments in one sequence before the ids of other speakers' segments took their speaker's initial,
    ``I1:i2``).

    Parameters
    ----------
    named : dict
        Unit -> ``(row, start, end)`` of the rows naming it (``attrs["named_units"]["rows"]`` of codings read
        without segments), start and end None without a span.
    segments : DataFrame or None
        The study's segments (:func:`impact.segment`), of at least the interviews the units name; the segments of
        every speaker of an interview are made where a unit is not among them (or every unit, where None).
    source : str
        The codings' file name.
    study : Study
    """
    from .coding.segment import segment

    def places(frame: pd.DataFrame) -> dict:
        return dict(zip(frame["segment_id"].astype(str),
                        zip(frame["start"].astype(int), frame["end"].astype(int), strict=True), strict=True))

    def segmented(heads: list[str], speakers: str) -> pd.DataFrame:
        if not heads:
            return pd.DataFrame(columns=["segment_id", "interview_id", "speaker", "start", "end"])
        return segment(pd.Series({h: study.transcript(h) for h in heads}, dtype="object"), speakers=speakers)

    given = segments is not None and len(segments) > 0
    place = places(segments) if given else {}
    # Units are the respondent's segments but for a few (the interviewer's, "I1:i2"): the interviews named are
    # segmented for the respondent's speech first, which is half the work of every speaker's (the respondent's
    # segments are numbered the same either way), and for every speaker only where a unit is not among them.
    mine = segments if given else segmented(sorted({u.rsplit(":", 1)[0] for u in named}), "respondent")
    if not given:
        place = places(mine)
    every = segmented(sorted({u.rsplit(":", 1)[0] for u in named if u not in place}), "all")
    for sid, a, b in zip(every["segment_id"], every["start"], every["end"], strict=True):
        place.setdefault(sid, (int(a), int(b)))
    per = mine["interview_id"].astype(str).value_counts()
    by_head = {h: g for h, g in every.groupby("interview_id", observed=True)} if len(every) else {}
    problems = []
    for unit, rows in named.items():
        head = unit.rsplit(":", 1)[0]
        if unit not in place:
            n = int(per.get(head, 0))
            has = (f"{head} has {_counted(n, 'segment')}, {head}:1" + (f" to {head}:{n}" if n > 1 else "")
                   if n else f"{head} has no segment of respondent speech")
            problems += [Problem(source, row, "unit", unit, f"a segment of the study ({has}), or the interview id "
                                 "itself") for row, *_ in rows[:_MAX_LISTED]]
            continue
        s0, s1 = place[unit]
        for row, a, b in rows:
            if a is None or b is None or (s0 < max(b, a + 1) and s1 > a):
                continue
            if head not in by_head:  # the interview's segments of every speaker, to say where the span lies
                by_head[head] = segment({head: study.transcript(head)}, speakers="all")
            g = by_head[head]
            holder = g[(g["start"] <= a) & (g["end"] > a)]["segment_id"].tolist()
            lies = f"lie in {holder[0]}" if holder else "lie in no segment"
            problems.append(Problem(source, row, "unit", unit, f"the segment holding the row's span (characters {a} to "
                                    f"{b} {lies}; {unit} is characters {s0} to {s1}): a file numbering segments "
                                    "otherwise, as an earlier `impact code --speakers all` did (every speaker's in "
                                    "one sequence), names other segments: code the study again"))
            if len(problems) >= 2 * _MAX_LISTED:
                return problems
    return problems


def _check_units(codings: pd.DataFrame, study: Study, segments: pd.DataFrame | None = None) -> None:
    """Refuse codings read without segments whose ``unit`` names a segment the study does not have, or one its span
    lies outside, naming the file and rows (:func:`_unit_problems`); warn of codings of other speakers' segments
    (``I1:i2``, as ``impact code --speakers all`` writes them), which count as statements of their interview.

    Raises
    ------
    ValidationError

    Warns
    -----
    CodingsWarning
    """
    found = codings.attrs.get("named_units")
    if not found:
        return
    problems = _unit_problems(found["rows"], segments, found["source"], study)
    if problems:
        raise ValidationError(problems, source=found["source"])
    other = sorted(u for u in found["rows"] if _OTHER_SPEAKER.search(u))
    if other:
        n = sum(len(found["rows"][u]) for u in other)
        warnings.warn(f"{found['source']}: {_counted(n, 'coding')} of segments not of respondent speech (the interviewer's, or "
                      f"text before the first speaker label: {', '.join(other[:5])}{' ...' if len(other) > 5 else ''}"
                      "), as `impact code --speakers all` codes them, are left out of the analysis: only the "
                      "respondents' speech is counted or quoted",
                      CodingsWarning, stacklevel=user_level())


def _not_respondent_speech(codings: pd.DataFrame, study: Study) -> pd.Series:
    """Whether each coding is of speech not the respondent's: a unit naming another speaker's segment (``I1:i2``, as
    ``impact code --speakers all`` writes them), or a span, read as a coding of its interview (no respondent segment
    holds it), that overlaps no respondent turn of the transcript (:func:`impact.coding.segment.split_turns`)."""
    from .coding.segment import _turn_rows

    unit = codings["unit"].astype(str) if "unit" in codings.columns else pd.Series("", index=codings.index)
    out = unit.str.contains(_OTHER_SPEAKER)
    if not {"start", "end", "interview_id"} <= set(codings.columns):
        return out
    span = codings["start"].notna() & codings["end"].notna() & (unit == codings["interview_id"].astype(str))
    rows = np.flatnonzero((span & ~out).to_numpy(dtype=bool))
    if not len(rows):
        return out
    # Read by position from arrays taken once: pandas' scalar access per row cost 2.4 s on 640 interviews.
    iids = codings["interview_id"].astype(str).to_numpy()[rows]
    starts, ends = codings["start"].to_numpy()[rows], codings["end"].to_numpy()[rows]
    turns = {}
    found = np.empty(len(rows), dtype=bool)
    for k, (iid, a, b) in enumerate(zip(iids, starts, ends, strict=True)):
        if iid not in turns:  # the respondent's turns, as (start, end), read once per interview
            turns[iid] = [(s, e) for _, speaker, _, s, e in _turn_rows(study.transcript(iid), (), ())
                          if speaker == "respondent"]
        a, b = float(a), float(b)
        found[k] = not any(s < max(b, a + 1) and e > a for s, e in turns[iid])
    out = out.copy()
    out.iloc[rows] = found
    return out


def _to_segments(out: pd.DataFrame, segments: pd.DataFrame) -> pd.DataFrame:
    """Give span codings whose unit is not a segment the segments they overlap (one row each)."""
    done = pd.Series(member(out["unit"], segments["segment_id"]), index=out.index)
    spans = out[~done & out["start"].notna() & out["end"].notna()]
    if spans.empty:
        return out
    seg = segments[["segment_id", "interview_id", "start", "end"]].rename(
        columns={"segment_id": "_seg", "start": "_s0", "end": "_s1"})
    m = spans.reset_index().merge(seg, on="interview_id", how="left")
    s0, s1 = m["start"].astype("float64"), m["end"].astype("float64")
    hit = (m["_s0"] < s1.where(s1 > s0, s0 + 1)) & (m["_s1"] > s0)
    m = m[hit.fillna(False)]
    m["unit"] = m["_seg"].astype(str)
    mapped = m.drop(columns=["_seg", "_s0", "_s1"]).set_index("index")
    # spans that overlap no respondent segment (e.g. coded interviewer talk) keep their interview as unit
    lost = spans.index.difference(mapped.index.unique())
    parts = [out[done], mapped, out[~done & ~out.index.isin(spans.index)], out.loc[lost]]
    return pd.concat([p for p in parts if len(p)]).sort_index(kind="stable")


def codes_nothing(codings: pd.DataFrame) -> bool:
    """Whether codings read by :func:`read_codings` or :func:`as_codings` hold no coding and name nothing checked.

    Such a file (a header and no rows) would be read as "no code anywhere": every
    prevalence 0, or a reliability section left out. An interview checked and
    found to hold no code is a row with its ``interview_id`` and no code, which
    is something (``attrs["checked_interviews"]``).

    Examples
    --------
    >>> codes_nothing(pd.DataFrame({"unit": [], "code": []}))
    True
    """
    return not len(codings) and not (codings.attrs.get("checked_units") or codings.attrs.get("checked_interviews"))


#: What a coding file given to the main job must hold, for the message refusing one that holds nothing.
CODES_EXPECTED = ("the codes people gave the segments or interviews (an interview checked and found to hold none is "
                  "a row with its interview_id and no code)")


class CodeList(list):
    """Code ids, with the codebooks they come from (``books``: a ``(codebook id, its code ids)`` pair each), so that a
    message refusing a code can say where the codes allowed come from (:func:`expected_codes`)."""

    def __init__(self, codes: Any = (), books: Any = ()) -> None:
        super().__init__(codes)
        self.books = [(str(b), list(c)) for b, c in books]


#: The codes a message lists at most; a longer list is given by its first ones and its count.
_CODES_LISTED = 10


def _some_codes(codes: list) -> str:
    shown = list(codes)[:_CODES_LISTED]
    return str(shown) if len(codes) <= _CODES_LISTED else f"{str(shown)[:-1]}, ...] (the first {len(shown)} of {len(codes)})"


def expected_codes(codes: Any) -> str:
    """What a code was expected to be, briefly: the codes of the codebook a file is checked against, named, and the
    other codebooks whose codes are taken too, by their names and counts; for a list with no codebook, its first
    codes and how many there are. Listing the 35 codes of three codebooks as "the codebook's codes" put the process
    and review-themes codes among the impacts a person was asked to code.

    >>> from impact.coding import Codebook
    >>> print(expected_codes(supplied_codes(Codebook.load("nfer_impacts"))))  # doctest: +ELLIPSIS
    one of the codebook's codes ['commitment', ..., 'partnership'] ('nfer_impacts'), or of the codebooks 'review_process' (... codes) and 'review_themes' (... codes)
    >>> expected_codes(["a", "b"])
    "one of the codebook's codes ['a', 'b']"
    """
    books = [(b, c) for b, c in getattr(codes, "books", ()) if c]
    if not books:
        return f"one of the codebook's codes {_some_codes(list(codes))}"
    (first, ids), rest = books[0], books[1:]
    out = f"one of the codebook's codes {_some_codes(ids)} ({first!r})"
    if rest:
        out += (f", or of the {'codebooks' if len(rest) > 1 else 'codebook'} "
                + _listed(f"{b!r} ({_counted(len(c), 'code')})" for b, c in rest))
    return out


def supplied_codes(codebook: Any) -> list[str]:
    """The code ids codings given to :func:`impact.analyse` (``coded`` or ``human``) may hold, for the impacts ``codebook``.

    The codebook's codes and those of the process and review-themes codebooks: each codebook a ``coded`` file
    leaves out is coded by the machine, and a ``human`` coding is compared on the impacts codes.  ``codebook`` is a
    :class:`~impact.coding.Codebook`.

    Examples
    --------
    >>> from impact.coding import Codebook
    >>> codes = supplied_codes(Codebook.load("nfer_impacts"))
    >>> "morale" in codes, "feedback_session" in codes, "moral" in codes
    (True, True, False)
    """
    from .coding import Codebook
    from .process import PROCESS_CODEBOOK

    if not isinstance(codebook, Codebook):
        raise TypeError(f"The value for `codebook` of impact.pipeline.supplied_codes() must be an impact.Codebook "
                        f"(impact.Codebook.load('nfer_impacts')), but {type(codebook).__name__} was passed.")
    books = [codebook, Codebook.load(PROCESS_CODEBOOK), Codebook.load("review_themes")]
    return CodeList(dict.fromkeys(c for b in books for c in b.code_ids), [(b.id, b.code_ids) for b in books])


#: What a file of codings read by :func:`read_codings` (``impact.run(coded=...)``, ``impact run --coded``) must be.
CODINGS_FILE_EXPECTED = " - expected a coded CSV, Parquet, review .xlsx or .qdpx file"


def read_codings(
    path: str | os.PathLike,
    study: Study,
    *,
    segments: pd.DataFrame | None = None,
    codebook: Any = None,
    coder: str | None = None,
    codes: list[str] | None = None,
) -> pd.DataFrame:
    """Read codings from a CSV, Parquet, review workbook (.xlsx) or QDPX file, checked against a study.

    Parameters
    ----------
    path : path
        ``.csv`` or ``.parquet`` (any shape :func:`as_codings` accepts),
        ``.xlsx`` (a filled-in review workbook of ``impact review export``) or
        ``.qdpx`` (a REFI-QDA project whose sources are the study's
        transcripts, as ``impact export-qdpx`` writes them).
    study : Study
    segments : DataFrame, optional
        Map spans to segments (see :func:`as_codings`).
    codebook : Codebook, optional
        Codes are checked against it (and QDPX codes mapped to it).
    coder : str, optional
        Coder name where the file has none (default ``""``: not named; see :func:`as_codings`).
    codes : list of str, optional
        The code ids allowed (default: the codebook's; with neither given, those of the codebook the study names
        and of the review-process and review-themes codebooks, as ``impact run --human`` allows: a code in none of
        them, a typo or another scheme's, is refused rather than left out of every comparison without a word).

    Returns
    -------
    DataFrame
        Canonical codings (:data:`CODINGS_COLUMNS`).

    Raises
    ------
    impact.InputError
        If the file is missing, of a kind not read (.csv, .parquet, .xlsx review workbook or .qdpx), or unreadable.
    impact.ValidationError
        Listing each coding naming a unit or code the study does not have.

    Examples
    --------
    Reading codings places each on the study's segments (every transcript of the example study: some seconds), so
    this example is not run as a test:

    >>> import impact  # doctest: +SKIP
    >>> study = impact.load_study(impact.example_path(), validate=False)  # doctest: +SKIP
    >>> codings = impact.read_codings(impact.example_path() / "truth_coded.csv", study)  # doctest: +SKIP
    >>> codings["coder"].unique().tolist()  # doctest: +SKIP
    ['planted']
    """
    from .study import refuse_swapped

    refuse_swapped(read_codings, path=path, study=study, segments=segments, codebook=codebook)
    require_study(study, "interviews", optional=True)  # a folder's path in its place: said before the file is read
    check_input_file(path, expected=CODINGS_FILE_EXPECTED)  # as typed
    tell_if_open_in_office(path)  # open in Excel: read as last saved
    path = Path(path)
    name = path.name
    if codebook is None and codes is None:
        from .coding import Codebook

        codes = supplied_codes(Codebook.for_study(study))
    suffix = path.suffix.lower()
    if suffix == ".qdpx":
        from .qdpx import read_qdpx, study_codings_from_project

        project = read_qdpx(path)
        data, _ = study_codings_from_project(project, study=study, segments=segments, codebook=codebook, unit="interview")
    elif suffix == ".xlsx":
        from .review import import_review

        data = import_review(path)
    elif suffix in (".csv", ".parquet", ".pq"):
        if suffix == ".csv":
            from .coding.coded_io import read_csv_cells

            data = read_csv_cells(path, expected="expected codings (unit or interview_id, code, ...)")
        else:
            from .coding.coded_io import coded_format, read_parquet_cells

            coded_format(path)
            try:  # bounded as a coded CSV is (MAX_CODED_BYTES): the rows and size its footer gives, then each row group
                data = read_parquet_cells(path, expected="expected codings (unit or interview_id, code, ...)")
            except InputError:
                raise
            except Exception as exc:  # noqa: BLE001 - pyarrow raises many kinds for a corrupt file
                raise InputError(f"{path}: not a readable Parquet file ({type(exc).__name__}: {exc})") from None
    else:
        raise InputError(f"{path}: codings must be a .csv, .parquet, .xlsx (review workbook) or .qdpx file, "
                         f"but {suffix_given(path, ['.csv'])}")
    return codings_from_cells(data, study, source=name, segments=segments, codebook=codebook, coder=coder, codes=codes)


def codings_from_cells(data: pd.DataFrame, study: Study, *, source: str, segments: pd.DataFrame | None = None,
                       codebook: Any = None, coder: str | None = None, codes: list[str] | None = None) -> pd.DataFrame:
    """The codings of a file's cells already read (``data``, from the file named ``source``), checked against a study
    as :func:`read_codings` checks a file's: the part of it after the read, for a caller that reads the file once and
    checks its cells more than one way (``impact export-qdpx --coded``)."""
    if codes is None:
        codes = (CodeList(codebook.code_ids, [(getattr(codebook, "id", "given"), codebook.code_ids)])
                 if codebook is not None and hasattr(codebook, "code_ids") else None)
    _other_version(data, codebook, source)
    return as_codings(data, study, segments=segments, codes=codes, coder=coder, source=source)


def _other_version(data: pd.DataFrame, codebook: Any, source: str) -> None:
    """Warn where a coded file of ``impact code`` says it was coded with another version of ``codebook`` (its
    ``codebook`` the same id, its ``codebook_hash`` another fingerprint): its codes are read as this version's
    codes of the same id, whose rules may read them otherwise."""
    if codebook is None or not {"codebook", "codebook_hash"} <= set(data.columns) or not hasattr(codebook, "hash"):
        return
    mine = data[data["codebook"].astype("string").fillna("").str.strip() == codebook.id]
    other = mine["codebook_hash"].astype("string").fillna("").str.strip()
    other = other[(other != "") & (other != codebook.hash)]
    if not len(other):
        return
    row = int(np.asarray(data.attrs.get("rows") or range(2, len(data) + 2))[data.index.get_loc(other.index[0])])
    version = (f" {mine.loc[other.index[0], 'codebook_version']}" if "codebook_version" in mine.columns else "")
    warnings.warn(f"{source}:{row}:codebook_hash: {_counted(len(other), 'coding')} made with {codebook.id}{version} (fingerprint "
                  f"{other.iloc[0][:12]}), not the version analysed, {codebook.id} {codebook.version} (fingerprint "
                  f"{codebook.hash[:12]}): their codes are read as this version's codes of the same id, whose rules "
                  "may read a statement otherwise; code the study again with this version to compare like with like",
                  CodingsWarning, stacklevel=user_level())  # the caller of read_codings

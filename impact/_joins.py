"""Checks of the tables an analyst passes to the functions that join them by council and date (private).

Each public function that joins tables by council and date (:mod:`impact.official`,
:func:`impact.aggregate_successors`) takes its tables through these checks first, so that a table built by hand is
read as the table it means or refused with a message naming the argument, the column and the rows:

* council ids of any dtype (text, categorical, integer, nullable string) are compared as text, so ``940`` and
  ``"940"`` are one council, never two that silently fail to match;
* dates of any dtype (``datetime64``, timezone-aware, ISO text, ``datetime`` objects) are dates without a time
  zone, a timezone-aware date kept as the calendar date it names where it happened;
* a cell that is no date, or no number where a number is needed, is named with its row.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from . import _frames
from ._words import _counted, _named, _plural
from .errors import InputError

__all__: list[str] = []


def _rows(labels: pd.Index) -> str:
    """The first five of ``labels`` (index labels of rows), for a message: "row 3" or "rows 0, 4 and 2 more"."""
    shown = ", ".join(repr(x) for x in labels[:5].tolist())
    return ("row " if len(labels) == 1 else "rows ") + shown + (f" and {len(labels) - 5} more" if len(labels) > 5 else "")


def check_table(data: object, label: str, columns: Sequence[str], *, adds: Sequence[str] = ()) -> pd.DataFrame:
    """``data`` if it is a DataFrame holding ``columns`` (each once); else one clear error.

    ``adds``: the columns the function adds to a copy of ``data``, refused where ``data`` already holds one (it would
    be overwritten without a word).
    """
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"`{label}` must be a pandas DataFrame, but {type(data).__name__} was passed.")
    if isinstance(data.columns, pd.MultiIndex):  # 'x' in data.columns was true of a first level 'x': a KeyError later
        raise InputError(_frames.unclear_columns(data, label))
    twice = sorted({str(c) for c in data.columns[data.columns.duplicated()]})
    if twice:
        raise InputError(f"`{label}` has the {_named('column', twice)} more than once: which to read is not known; "
                         "rename or drop one.")
    missing = [c for c in columns if c not in data.columns]
    if missing:
        in_index = [c for c in missing if c in [n for n in data.index.names if n is not None]]
        hint = (f" ({_named('column', in_index)} {'is' if len(in_index) == 1 else 'are'} in the index: call "
                ".reset_index() first)") if in_index else _frames.merge_split(missing, data.columns)
        raise InputError(f"`{label}` lacks the {_named('column', missing)}{hint}; it has {list(map(str, data.columns))}.")
    there = [c for c in adds if c in data.columns]
    if there:
        raise InputError(f"`{label}` already has the {_named('column', there)} this function adds: rename or drop "
                         f"{'it' if len(there) == 1 else 'them'} first, or pass another name.")
    return data


def names(value: object, argument: str) -> list | None:
    """A ``Sequence[str]`` argument (codes, councils, waves) as a list: one name alone is a list of that name, not of
    its letters ('review' was read as 'r', 'e', 'v', ...: codes nobody asked for, found nowhere, without a word).

    >>> names("review", "codes"), names(("a", "b"), "codes"), names(None, "codes")
    (['review'], ['a', 'b'], None)
    """
    if value is None:
        return None
    if isinstance(value, (str, int, np.integer)):
        return [value]
    try:
        return list(value)
    except TypeError:
        raise TypeError(f"The value for `{argument}` must be a name or a list of names, but {value!r} was "
                        "passed.") from None


UNKNOWN_SHOWN = 20
"""How many of the names a refused name could have been are listed in its message (the rest are counted)."""


def named_as(name: str, names: Mapping[str, object] | None, noun: str = "council") -> str:
    """A hint for a name given where an id goes (" (it is the name of council '301': give its id)"), or "": ``names``
    maps each id to its name (a council's), compared in any case and spacing."""
    if not names:
        return ""
    form = " ".join(str(name).split()).casefold()
    ids = [k for k, v in names.items() if isinstance(v, str) and " ".join(v.split()).casefold() == form]
    return f" (it is the name of {noun} {ids[0]!r}: give its id, {ids[0]!r})" if len(ids) == 1 else ""


def refuse_unknown(argument: str, given: Sequence | None, known: Sequence, holder: str, *, noun: str | None = None,
                   limit: int = UNKNOWN_SHOWN, names: Mapping[str, object] | None = None) -> None:
    """Refuse the names in ``given`` (an argument's councils, waves or codes) that are not among ``known``.

    One message for every table or codebook that does not know a name: the argument, each unknown name, ``holder``
    (what does not know it: "the study", "the panel", "the codebook 'nfer_impacts'"), the known names closest to
    each (:func:`difflib.get_close_matches`, a likely misspelling) and the known names, the first ``limit`` of them
    listed and the rest counted (the unknown names too).  A name is compared as text without its outer spaces
    (``940`` is ``"940"``).

    Parameters
    ----------
    argument : str
        The argument's name, plural ("codes").
    given, known : sequence
        The names passed, and those ``holder`` has (in the order to list them).
    holder : str
        What the names were looked for in, for "not in {holder}".
    noun : str, optional
        One of the names, singular (default: ``argument`` without its last letter).
    limit : int
        How many known names to list.
    names : mapping, optional
        Each known id's name (a council's): an unknown one that is a name is told with the id it names.

    Raises
    ------
    InputError
        Where any name of ``given`` is not in ``known``.

    Examples
    --------
    >>> refuse_unknown("waves", ["early"], ["expectations", "early"], "the study")
    >>> refuse_unknown("waves", ["erly"], ["expectations", "early"], "the study")
    Traceback (most recent call last):
    ...
    impact.errors.InputError: `waves` has 1 wave not in the study: 'erly' (did you mean 'early'?) - expected waves of ['expectations', 'early'].
    >>> refuse_unknown("codes", ["zz", "q"], list("abcde"), "the panel", limit=3)
    Traceback (most recent call last):
    ...
    impact.errors.InputError: `codes` has 2 codes not in the panel: 'zz', 'q' - expected codes of ['a', 'b', 'c'] and 2 more (5 in all).
    """
    import difflib

    held = [str(k).strip() for k in known]
    seen = set(held)
    unknown = [x for x in given or [] if str(x).strip() not in seen]
    if not unknown:
        return
    noun = noun or argument[:-1]
    named = []
    for x in unknown[:limit]:
        close = difflib.get_close_matches(str(x).strip(), held, n=3, cutoff=0.6)
        named.append(f"{x!r}" + (named_as(x, names, noun) or (f" (did you mean {' or '.join(map(repr, close))}?)"
                                                        if close else "")))
    more = f" and {len(unknown) - limit:,} more" if len(unknown) > limit else ""
    listed = f"{held[:limit]}" + (f" and {len(held) - limit:,} more ({len(held):,} in all)" if len(held) > limit else "")
    raise InputError(f"`{argument}` has {_counted(len(unknown), noun)} not in {holder}: {', '.join(named)}{more} - "
                     f"expected {_plural(noun)} of {listed}.")


def of_study(argument: str, given: list | None, known: list[str]) -> None:
    """Refuse names of councils, waves or codes (``argument``, plural) that are not among ``known`` (the study's): each
    kept nothing, and the empty or zero answer read as "nobody said so".

    >>> of_study("waves", ["erly"], ["expectations", "early"])
    Traceback (most recent call last):
    ...
    impact.errors.InputError: `waves` has 1 wave not in the study: 'erly' (did you mean 'early'?) - expected waves of ['expectations', 'early'].
    """
    refuse_unknown(argument, given, known, "the study")


def one_key(value: object) -> object:
    """One council id (or join key) as text: ``940``, ``940.0`` and ``"940 "`` are ``"940"``; a missing one None
    (:func:`impact._frames.one_key` trimming spaces, a whole-number float of any width as the integer)."""
    return _frames.one_key(value, strip=True)


#: A date written with its day and month as numbers before the year ('03/04/2013', '3.4.2013').
_SLASHED = re.compile(r"([0-9]{1,2})[/.]([0-9]{1,2})[/.]([0-9]{4})")


def _slashed(value: str, argument: str) -> pd.Timestamp | None:
    """A date written day/month/year read day first, as a study's files are read (pandas reads it month first, so
    ``status_at("301", "03/04/2013")`` was 4 March for a UK analyst meaning 3 April, without a word); one that reads
    as two dates, or as none day first, is refused saying what to write.  None for text of another shape."""
    m = _SLASHED.fullmatch(value)
    if m is None:
        return None
    day, month, year = (int(g) for g in m.groups())
    expected = f"The value for `{argument}` must be a date such as '2018-01-01', but {value!r} was passed"
    if day <= 12 and month <= 12 and day != month:
        raise InputError(f"{expected}: read day first, as impact reads a study's dates, it is "
                         f"{year:04d}-{month:02d}-{day:02d}; month first, as US settings write it, "
                         f"{year:04d}-{day:02d}-{month:02d} - write the one meant as YYYY-MM-DD.")
    if month > 12 and day <= 12:
        raise InputError(f"{expected}: there is no month {month} (written month first? then write "
                         f"{year:04d}-{day:02d}-{month:02d}).")
    try:
        return pd.Timestamp(year, month, day)
    except ValueError:
        return pd.NaT


def one_date(value: object, argument: str) -> pd.Timestamp:
    """An argument's date, without a time zone (a timezone-aware one as the calendar date it names); a clear error
    where it is none: missing, a number (pandas would read 2012 as nanoseconds after 1970) or text that is no date.
    Text written day/month/year is read day first, as a study's files are (see :func:`_slashed`)."""
    when = pd.NaT
    if isinstance(value, str) and (slashed := _slashed(value.strip(), argument)) is not None:
        when = slashed
    elif not isinstance(value, (int, float, np.number)):
        try:
            when = pd.Timestamp(value.strip() if isinstance(value, str) else value)
        except (ValueError, TypeError, OverflowError):
            when = pd.NaT
    if pd.isna(when):
        raise InputError(f"The value for `{argument}` must be a date such as '2018-01-01', but {value!r} was passed.")
    return when.tz_localize(None) if when.tzinfo is not None else when


def key_text(values: pd.Series) -> pd.Series:
    """Council ids (or any join key) as text, whatever the dtype: ``940``, ``940.0`` and ``"940 "`` are ``"940"``;
    missing ids stay missing (:func:`impact._frames.key_strings` trimming spaces; index kept, no name)."""
    return _frames.key_strings(values, strip=True).rename(None)


def as_dates(values: pd.Series, label: str, column: str, *, missing: str | None = None) -> pd.Series:
    """``values`` as ``datetime64[ns]`` without a time zone; a cell that is not a date is refused naming its rows.

    ``missing``: why a date is needed, if a missing one is refused too (None: missing dates stay ``NaT``).
    """
    if isinstance(values.dtype, pd.DatetimeTZDtype):
        out = values.dt.tz_localize(None)
    elif pd.api.types.is_datetime64_dtype(values.dtype):
        out = values
    else:
        def one(v: object) -> pd.Timestamp:
            if v is None or (not isinstance(v, str) and pd.isna(v)):
                return pd.NaT
            if (isinstance(v, str) and not v.strip()) or isinstance(v, (int, float, np.number)):
                return pd.NaT  # a number is no date (pandas would read 2019 as nanoseconds after 1970)
            try:
                when = pd.Timestamp(v.strip() if isinstance(v, str) else v)
            except (ValueError, TypeError, OverflowError):
                return pd.NaT
            return when.tz_localize(None) if when.tzinfo is not None else when

        cells = values.astype(object)
        out = pd.Series([one(v) for v in cells], index=values.index, dtype="datetime64[ns]")
        blank = cells.map(lambda v: v is None or (isinstance(v, str) and not v.strip()) or (not isinstance(v, str) and pd.isna(v)))
        bad = np.flatnonzero(out.isna().to_numpy() & ~blank.to_numpy())
        if len(bad):
            shown = ", ".join(repr(v) for v in cells.iloc[bad[:5]].tolist())
            raise InputError(f"`{label}` column {column!r} holds values that are not dates ({shown}) on "
                             f"{_rows(values.index[bad])}: expected dates (datetime64, or text such as '2019-03-31').")
    try:
        out = out.astype("datetime64[ns]")
    except (ValueError, OverflowError) as exc:
        raise InputError(f"`{label}` column {column!r} holds a date out of range: {exc}") from None
    if missing is not None and out.isna().any():
        raise InputError(f"`{label}` column {column!r} has no date on "
                         f"{_rows(values.index[out.isna().to_numpy()])}: {missing}.")
    return out


def as_numbers(values: pd.Series, label: str, column: str) -> pd.Series:
    """``values`` as float64; text that is no number is refused naming its rows (missing values stay missing)."""
    if pd.api.types.is_bool_dtype(values.dtype) or not (pd.api.types.is_numeric_dtype(values.dtype)
                                                         or values.dtype == object or pd.api.types.is_string_dtype(values.dtype)):
        raise InputError(f"`{label}` column {column!r} must hold numbers, but its dtype is {values.dtype}.")
    out = pd.to_numeric(values, errors="coerce")
    bad = np.flatnonzero(out.isna().to_numpy() & values.notna().to_numpy())
    if len(bad):
        shown = ", ".join(repr(v) for v in values.iloc[bad[:5]].tolist())
        raise InputError(f"`{label}` column {column!r} holds values that are not numbers ({shown}) on "
                         f"{_rows(values.index[bad])}: expected numbers (a suppressed value is missing, with its "
                         "symbol in `flag`).")
    out = out.astype("float64")
    inf = np.flatnonzero(np.isinf(out.to_numpy()))
    if len(inf):  # a rate divided by zero upstream: no count to sum or divide ('inf' is read as a number by pandas)
        shown = ", ".join(repr(v) for v in values.iloc[inf[:5]].tolist())
        raise InputError(f"`{label}` column {column!r} holds infinite values ({shown}) on {_rows(values.index[inf])}: "
                         "expected finite numbers (a value that is not known is missing, with its symbol in `flag`).")
    return out

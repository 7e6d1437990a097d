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
from typing import Literal

import numpy as np
import pandas as pd

from . import _frames, schema
from ._words import _counted, _listed, _named, _plural
from .errors import InputError
from .schema import did_you_mean, label_hint

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
                ".reset_index() first)") if in_index else _frames.lacking_hint(missing, data.columns)
        raise InputError(f"`{label}` lacks the {_named('column', missing)}{hint}; it has {list(map(str, data.columns))}.")
    there = [c for c in adds if c in data.columns]
    if there:
        raise InputError(f"`{label}` already has the {_named('column', there)} this function adds: rename or drop "
                         f"{'it' if len(there) == 1 else 'them'} first, or pass another name.")
    return data


def names(value: object, argument: str, *, noun: str = "name") -> list | None:
    """A ``Sequence[str]`` argument (codes, councils, waves) as a list: one name alone is a list of that name, not of
    its letters ('review' was read as 'r', 'e', 'v', ...: codes nobody asked for, found nowhere, without a word).
    ``noun``: what each item is, said in a message ("text" for :func:`impact.coding.valence`'s texts).

    A table or a dict is refused: Python reads a table as its column names and a dict as its keys, so that
    ``codes={'morale': 2}`` took the code and left its weight unread without a word (newuser18).

    >>> names("review", "codes"), names(("a", "b"), "codes"), names(None, "codes")
    (['review'], ['a', 'b'], None)
    >>> names({"morale": 2, "learning": 1}, "codes")
    Traceback (most recent call last):
    ...
    TypeError: The value for `codes` must be a name or a list of names, but a dict was passed (its keys would be read as the names and its 2 values ignored): give a list, e.g. ['morale', 'learning'].
    """
    if value is None:
        return None
    if isinstance(value, (str, int, np.integer)):
        return [value]
    refuse_table_or_dict(value, argument, noun=noun)
    try:
        out = list(value)
    except TypeError:
        raise TypeError(f"The value for `{argument}` must be a {noun} or a list of {noun}s, but {value!r:.60} "
                        f"({type(value).__name__}) was passed.") from None
    refuse_missing(argument, out)  # [nan] names nothing: not a code 'nan', nor a wave no interview has
    return out


def refuse_table_or_dict(value: object, argument: str, *, noun: str = "name") -> None:
    """Refuse a table or a dict given where a list of ``noun``s goes: a table iterates over its column names and a
    dict over its keys, each read as the items without a word (:func:`frame_for_names`, :func:`mapping_for_names`).

    >>> refuse_table_or_dict(["It helped."], "texts", noun="text") is None
    True
    """
    if isinstance(value, pd.DataFrame):  # a table iterates over its column names: 'council_id', 'name', ... as names
        raise TypeError(frame_for_names(value, argument, noun=noun))
    if isinstance(value, Mapping):
        raise TypeError(mapping_for_names(value, argument, noun=noun))


def frame_for_names(frame: pd.DataFrame, argument: str, *, noun: str = "name") -> str:
    """The message refusing a DataFrame given where a list of names goes (``councils=study.councils``): Python reads
    a table as its column names, which were told as councils of those names.

    >>> frame_for_names(pd.DataFrame({"council_id": ["301"], "name": ["x"]}), "councils")
    "The value for `councils` must be a name or a list of names, but a DataFrame was passed (its columns would be read as the names): give one of its columns, e.g. frame['council_id']."
    """
    single = argument[:-1]
    column = next((c for want in (f"{single}_id", single) for c in frame.columns if str(c) == want),
                  frame.columns[0] if len(frame.columns) else "...")
    return (f"The value for `{argument}` must be a {noun} or a list of {noun}s, but a DataFrame was passed (its "
            f"columns would be read as the {noun}s): give one of its columns, e.g. frame[{str(column)!r}].")


def mapping_for_names(mapping: Mapping, argument: str, *, noun: str = "name", expected: str = "") -> str:
    """The message refusing a dict given where a list of names goes (``codes={'morale': 2}``): Python reads a dict as
    its keys, and its values were left unread without a word (newuser18). The keys are shown as the list to give;
    ``expected``, where given, says what the argument takes in place of "a name or a list of names".

    >>> mapping_for_names({"a": 1}, "levels", noun="group")
    "The value for `levels` must be a group or a list of groups, but a dict was passed (its keys would be read as the groups and its 1 value ignored): give a list, e.g. ['a']."
    """
    keys = list(mapping)
    shown = repr(keys[:5])[:-1] + (", ...]" if len(keys) > 5 else "]")
    expected = expected or f"a {noun} or a list of {noun}s"
    return (f"The value for `{argument}` must be {expected}, but a {type(mapping).__name__} was "
            f"passed (its keys would be read as the {noun}s and its {_counted(len(keys), 'value')} ignored): give a "
            f"list, e.g. {shown}.")


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


_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]*)?")


def _is_number(value: object) -> bool:
    """Whether ``value`` is a number (not text, not a bool): ``1``, ``2.0``, ``numpy.int64(3)``."""
    return isinstance(value, (int, float, np.number)) and not isinstance(value, (bool, np.bool_))


def number_hint(value: object, held: Sequence[str], noun: str) -> str:
    """A hint for a number given where the names held are text (``codes=[1, 2]`` for the codebook's first two codes),
    or "": a code or a wave is named by its id, never by its place, and no such id is a number.

    >>> number_hint(1, ["commitment", "morale"], "code")
    " (a number: codes are named by their ids, text such as 'commitment', not by their place)"
    >>> number_hint(301, ["301", "302"], "council"), number_hint("1", ["morale"], "code")
    ('', '')
    """
    if not _is_number(value) or not held or any(_NUMBER.fullmatch(str(h).strip()) for h in held):
        return ""  # ids that are numbers (councils): a number is read as its text
    return f" (a number: {_plural(noun)} are named by their ids, text such as {held[0]!r}, not by their place)"


_LAST_NUMBER = re.compile(r"([0-9]+)[^0-9]*$")
#: How many ids numbered as a number given are named (the nearest ones: the rest are counted).
_PLACES_SHOWN = 5


def place_hint(value: object, held: Sequence[str], noun: str, listing: str, *, series: bool = True) -> str:
    """A hint for a number, or a whole number written as text, given where one id goes and no id is a number
    (``study.transcript(3)``), or "": what the ids look like, the ids whose last number is that number
    ('I0201-003') and the id at that place of ``listing`` (how the ids are listed, ``study.interviews["interview_id"]``),
    counted from 0 as Python counts (``series``: ``listing`` is a pandas Series, read by ``.iloc``; else a list).

    >>> place_hint(3, ["I0201-001", "I0201-003", "I0202-003", "I0202-004"], "interview", "ids")
    " (interview ids are text such as 'I0201-001', not a number or a place: the ids numbered 3 are 'I0201-003' and 'I0202-003'; the interview at place 3 of ids (counted from 0) is 'I0202-004', ids.iloc[3])"
    >>> place_hint("I1", ["I0201-001"], "interview", "ids"), place_hint(301, ["301"], "council", "ids")
    ('', '')

    Where the ids are numbers (councils), a number that is none of them is told the id at that place (newuser14):

    >>> place_hint(1, ["301", "302", "303"], "council", "ids")
    " (council ids are numbers such as '301', and 1 is none of them: the council at place 1 of ids (counted from 0) is '302', ids.iloc[1])"
    """
    text = str(value).strip() if _is_number(value) or isinstance(value, str) else ""
    if not held or not re.fullmatch(r"-?[0-9]+(?:\.0*)?", text):
        return ""
    n = int(float(text))
    if any(_NUMBER.fullmatch(str(h).strip()) for h in held):  # ids that are numbers (councils): one of them is itself
        if str(n) in {str(h).strip().lstrip("0") or "0" for h in held} or not -len(held) <= n < len(held):
            return ""
        return (f" ({noun} ids are numbers such as {str(held[0])!r}, and {n} is none of them: the {noun} at place {n} "
                f"of {listing} (counted from {'0' if n >= 0 else 'the end'}) is {str(held[n])!r}, "
                f"{listing}{'.iloc' if series else ''}[{n}])")
    numbered = list(dict.fromkeys(str(h) for h in held if n >= 0 and (m := _LAST_NUMBER.search(str(h)))
                                  and int(m[1]) == n))
    found = []
    if numbered:
        shown = _listed([repr(h) for h in numbered[:_PLACES_SHOWN]], semicolons=False)
        more = f" ({len(numbered):,} in all)" if len(numbered) > _PLACES_SHOWN else ""
        found.append(f"the {'ids' if len(numbered) > 1 else 'id'} numbered {n} {'are' if len(numbered) > 1 else 'is'} "
                     f"{shown}{more}")
    if -len(held) <= n < len(held):
        found.append(f"the {noun} at place {n} of {listing} (counted from {'0' if n >= 0 else 'the end'}) is "
                     f"{str(held[n])!r}, {listing}{'.iloc' if series else ''}[{n}]")
    return (f" ({noun} ids are text such as {str(held[0])!r}, not a number or a place"
            + (": " + "; ".join(found) if found else "") + ")")


def joined_hint(value: object, held: Sequence[str], noun: str) -> str:
    """A hint for several names written in one text (``codes="commitment, morale"``, a list pasted from a sentence or
    a cell), each of them one of ``held``, or "": one text is one name, so it named nothing.

    >>> joined_hint("early, longer_term", ["expectations", "early", "longer_term"], "wave")
    " (2 waves in one text: give them as a list, ['early', 'longer_term'])"
    >>> joined_hint("early, later", ["early"], "wave"), joined_hint("early", ["early"], "wave")
    ('', '')
    """
    if not isinstance(value, str):
        return ""
    parts = [p for p in re.split(r"\s*[,;|]\s*|\s+and\s+", value.strip()) if p]
    known = {str(h).strip() for h in held}
    if len(parts) < 2 or not all(p in known for p in parts):
        return ""
    return f" ({len(parts)} {_plural(noun)} in one text: give them as a list, {parts!r})"


def council_hint(value: object, names: Mapping[str, object] | None, elsewhere: Mapping[str, object] | None,
                 holder: str = "the study") -> str:
    """A hint for a council not in ``holder`` (the study), or "": a council of England it does not hold, given by id
    or name, is told as that council (``'302'`` is Barnet), a misspelt name as the council meant, the study's first
    (``'Bexly'``: did you mean 'Bexley', council '303'?), else one of England's the study does not hold.

    ``names`` maps the study's council ids to their names, ``elsewhere`` every council of England's
    (:func:`impact.council_list`, former councils too) to theirs.

    >>> study = {"303": "Bexley"}; england = {"302": "Barnet", "303": "Bexley"}
    >>> council_hint("302", study, england)
    " (it is council '302', Barnet, which is not in the study)"
    >>> council_hint("Barnett", study, england)
    " (did you mean 'Barnet'? it is council '302', which is not in the study)"
    >>> council_hint("Bexly", study, england)
    " (did you mean 'Bexley', council '303'? give its id, '303')"
    """
    from .schema import close_matches

    text = " ".join(str(value).split())
    key = _frames.one_key(value, strip=True)
    others = {k: v for k, v in (elsewhere or {}).items() if k not in (names or {})}
    if key in others:
        return f" (it is council {key!r}, {others[key]}, which is not in {holder})"
    form = text.casefold()
    if not form or form.isdigit():
        return ""
    exact = [k for k, v in others.items() if isinstance(v, str) and " ".join(v.split()).casefold() == form]
    if exact:
        return f" (it is the name of council {exact[0]!r}, which is not in {holder})"
    for pool, inside in ((names or {}, True), (others, False)):
        by_name = {str(v): k for k, v in pool.items() if isinstance(v, str)}
        close, _ = close_matches(text, list(by_name), n=1, cutoff=0.8)  # 0.6: 'name' was 'Newham', 'region' 'Reading'
        if close:
            cid = by_name[close[0]]
            return (f" (did you mean {close[0]!r}, council {cid!r}? give its id, {cid!r})" if inside else
                    f" (did you mean {close[0]!r}? it is council {cid!r}, which is not in {holder})")
    return ""


def group_hint(value: object, groups: Mapping[str, tuple[str, str, list]] | None, noun: str = "council") -> str:
    """A hint for a group's value given where the ids of its members go (``councils="London"``, the region), or "":
    ``groups`` maps each value, folded, to ``(column, value, ids)``.

    >>> print(group_hint(" london", {"london": ("region", "London", ["201", "202"])}))
     (a region of the study, not a council: give its 2 councils, e.g. study.councils.query("region == 'London'")["council_id"])
    """
    if not groups or not isinstance(value, str):
        return ""
    found = groups.get(" ".join(value.split()).casefold())
    if found is None:
        return ""
    column, said, ids = found
    return (f" (a {column} of the study, not a {noun}: give its {_counted(len(ids), noun)}, e.g. "
            f"study.{noun}s.query(\"{column} == {said!r}\")[\"{noun}_id\"])")


def refuse_unknown(argument: str, given: Sequence | None, known: Sequence, holder: str, *, noun: str | None = None,
                   limit: int = UNKNOWN_SHOWN, names: Mapping[str, object] | None = None,
                   elsewhere: Mapping[str, object] | None = None, labels: Mapping[str, object] | None = None,
                   groups: Mapping[str, tuple[str, str, list]] | None = None, listing: str | None = None) -> None:
    """Refuse the names in ``given`` (an argument's councils, waves or codes) that are not among ``known``.

    One message for every table or codebook that does not know a name: the argument, each unknown name, ``holder``
    (what does not know it: "the study", "the panel", "the codebook 'nfer_impacts'"), the known names closest to
    each (:func:`impact.schema.did_you_mean`, a likely misspelling) and the known names, the first ``limit`` of them
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
    elsewhere : mapping, optional
        Every council of England's id and name (:func:`council_hint`): one ``holder`` does not hold is told as that
        council, a misspelt name as the council meant.
    labels : mapping, optional
        Each known id's label (a wave's): an unknown one whose words are one label's is told with that id.
    groups : mapping, optional
        A group of the known ids by a value of theirs, folded (``"london"``), as ``(column, value, ids)`` (a region's
        councils): an unknown one naming a group is told as that group, with how to give its ids.
    listing : str, optional
        How ``known`` is listed, a pandas Series (``study.councils["council_id"]``): a number that is no id is told
        the id at that place of it (:func:`place_hint`), as a place in a list may be what was meant.

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
    refuse_missing(argument, given, noun=noun)
    held = [str(k).strip() for k in known]
    seen = set(held)
    unknown = [x for x in given or [] if str(x).strip() not in seen]
    if not unknown:
        return
    noun = noun or argument[:-1]
    named, numbered = [], False
    for x in unknown[:limit]:
        number = number_hint(x, held, noun)
        if number and numbered:
            number = " (a number too)"  # the why, said once
        numbered = numbered or bool(number)
        hint = ((place_hint(x, held, noun, listing) if listing else "") or number or joined_hint(x, held, noun) or named_as(x, names, noun) or group_hint(x, groups, noun)
                or (council_hint(x, names, elsewhere, holder) if elsewhere is not None else "")
                or label_hint(x, labels, noun) or did_you_mean(str(x).strip(), held))
        named.append(f"{x!r}{hint}")
    more = f" and {len(unknown) - limit:,} more" if len(unknown) > limit else ""
    listed = f"{held[:limit]}" + (f" and {len(held) - limit:,} more ({len(held):,} in all)" if len(held) > limit else "")
    raise InputError(f"`{argument}` has {_counted(len(unknown), noun)} not in {holder}: {', '.join(named)}{more} - "
                     f"expected {_plural(noun)} of {listed}.")


def _is_missing(value: object) -> bool:
    """Whether ``value`` is one missing value (None, NaN, ``pd.NA``, ``NaT``); a list or array is not."""
    try:
        return bool(value is None or (not isinstance(value, str) and pd.isna(value)))
    except (TypeError, ValueError):  # pd.isna of a list is an array: not one missing value
        return False


def refuse_missing(argument: str, given: Sequence | None, *, noun: str | None = None) -> None:
    """Refuse missing values (None, NaN, ``pd.NA``) among the names or ids ``given`` to ``argument`` (plural).

    A blank cell of a column reads as NaN: ``study.subset(councils=frame["council_id"])`` of a column with a gap was
    told "the council None is not in the study" (newuser9), naming a value nobody gave as if it were an id.

    >>> refuse_missing("councils", ["301", float("nan")])
    Traceback (most recent call last):
    ...
    impact.errors.InputError: `councils` holds 1 missing value (nan at position 1 of 2) - expected councils only (a missing one names no council): a blank cell of a column reads as NaN; drop the missing ones first (e.g. ids.dropna()).
    """
    items = list(given or [])
    missing = [(i, x) for i, x in enumerate(items) if _is_missing(x)]
    if not missing:
        return
    noun = noun or argument[:-1]
    shown = ", ".join(f"{x!r} at position {i}" for i, x in missing[:UNKNOWN_SHOWN])
    more = f" and {len(missing) - UNKNOWN_SHOWN:,} more" if len(missing) > UNKNOWN_SHOWN else ""
    raise InputError(f"`{argument}` holds {_counted(len(missing), 'missing value')} ({shown}{more} of {len(items):,}) - "
                     f"expected {_plural(noun)} only (a missing one names no {noun}): a blank cell of a column reads as NaN; drop the missing "
                     "ones first (e.g. ids.dropna()).")


def of_study(argument: Literal["councils", "waves"], given: list | None, study: object) -> None:
    """Refuse councils or waves (``argument``) that are not ``study``'s: each kept nothing, and the empty or zero answer
    read as "nobody said so". A council of England the study does not hold is told as such, a council's name or a
    wave's label with the id it names (:meth:`impact.Study._refuse_unknown`).

    >>> from impact.study import Study
    >>> of_study("waves", ["erly", "12 months"], Study({"name": "x"}, {}))
    Traceback (most recent call last):
    ...
    impact.errors.InputError: `waves` has 2 waves not in the study: 'erly' (did you mean 'early'?), '12 months' (did you mean 'longer_term', the wave 'Longer-term change (about 12 months after)'?) - expected waves of ['expectations', 'early', 'longer_term'].
    """
    study._refuse_unknown(argument, given)


def one_key(value: object) -> object:
    """One council id (or join key) as text: ``940``, ``940.0`` and ``"940 "`` are ``"940"``; a missing one None
    (:func:`impact._frames.one_key` trimming spaces, a whole-number float of any width as the integer)."""
    return _frames.one_key(value, strip=True)


#: A date written with its day and month as numbers before the year, one separator between them ('03/04/2013',
#: '3.4.2013', '03-04-13', '03 04 2013'), with or without a time of day after it: pandas reads all of these month first.
_DAY_MONTH = re.compile(r"(?P<d>[0-9]{1,2})(?P<sep>[/.\- ])(?P<m>[0-9]{1,2})(?P=sep)(?P<y>[0-9]{4}|[0-9]{2})"
                        r"(?P<time>[ T](?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]+)?)?)?")
#: Text naming a year, or a month of a year, and no day ('2013', '2013-04', '04/2013', 'April 2013'): pandas reads it
#: as the first day, which a DfE ``time_period`` 2013 (the year to 31 March 2013) is not.
_NO_DAY = re.compile(r"(?:[A-Za-z]+\.?,?\s+)?[0-9]{4}|[0-9]{4}[-/.][0-9]{1,2}|[0-9]{1,2}[-/.][0-9]{4}")


class _DateText:
    """One text date read as a study's files read dates (:func:`_read_text_date`).

    ``when`` is the date (NaT where none); ``why`` says why there is none; ``order`` is what the text says of the
    order of day and month: ``"day"`` (only day first: 13/04/2013), ``"month"`` (only month first: 04/13/2013),
    ``"either"`` (03/04/2013: ``when`` is day first, ``other`` month first) or ``""`` (no day and month as numbers
    before the year, or the same either way: 04/04/2013)."""

    __slots__ = ("when", "why", "order", "other")

    def __init__(self, when: pd.Timestamp, why: str = "", order: str = "",
                 other: pd.Timestamp | None = None) -> None:
        self.when, self.why, self.order, self.other = when, why, order, other


def _read_text_date(text: str) -> _DateText:
    """``text`` as a date, day/month/year read day first as a study's files are (pandas reads it month first:
    '03/04/2013' was 4 March for a UK analyst meaning 3 April, without a word); other text by the files' rule
    (:func:`impact.schema.parse_date`: ISO, a midnight time after it), what is not read told in the files' words
    (:func:`impact.schema.date_hint`: pandas read '2024/03/05', '5th March 2024' and '2024-03-05T23:30Z').

    >>> r = _read_text_date("03/04/2013"); (f"{r.when:%Y-%m-%d}", r.order, f"{r.other:%Y-%m-%d}")
    ('2013-04-03', 'either', '2013-03-04')
    >>> r = _read_text_date("13.04.2013 00:00"); (f"{r.when:%Y-%m-%d}", r.order)
    ('2013-04-13', 'day')
    >>> _read_text_date("04/13/2013").why
    'there is no month 13 (written month first? then write 2013-04-13)'
    >>> _read_text_date("03/04/13").why
    'its year has two digits (2013? 1913?): write the date with the year in full, as YYYY-MM-DD'
    >>> _read_text_date("2013").why
    'it names no day (a DfE time_period 2013 is the year to 31 March 2013): write the day meant, as YYYY-MM-DD'
    >>> f"{_read_text_date(' 2013-04-03 ').when:%Y-%m-%d}"
    '2013-04-03'
    >>> _read_text_date("2013/04/03").why
    'write it as YYYY-MM-DD: 2013-04-03'
    """
    text = text.strip()
    m = _DAY_MONTH.fullmatch(text)
    if m is not None:
        day, month, year = int(m["d"]), int(m["m"]), int(m["y"])
        if len(m["y"]) == 2:
            return _DateText(pd.NaT, f"its year has two digits (20{m['y']}? 19{m['y']}?): write the date with the "
                                     "year in full, as YYYY-MM-DD")
        if month > 12:
            return _DateText(pd.NaT, f"there is no month {month}" + (f" (written month first? then write "
                                     f"{year:04d}-{day:02d}-{month:02d})" if day <= 12 else ""), "month")
        try:
            when = pd.Timestamp(year, month, day)
        except ValueError:
            return _DateText(pd.NaT, f"read day first, as impact reads a study's dates, {year:04d}-{month:02d} has no "
                                     f"day {day}")
        if m["time"] and any(float(x) for x in m["time"][1:].split(":")):  # a study's date cell holds no time either
            return _DateText(pd.NaT, f"it carries a time of day, {m['time'][1:]}: write the date alone, as YYYY-MM-DD, "
                                     "so that no one reads the time as part of the date")
        if day <= 12 and month <= 12 and day != month:
            return _DateText(when, order="either", other=pd.Timestamp(year, day, month))
        return _DateText(when, order="day" if day > 12 else "")
    if _NO_DAY.fullmatch(text):
        if text.isdigit():
            return _DateText(pd.NaT, f"it names no day (a DfE time_period {text} is the year to 31 March {text}): "
                                     "write the day meant, as YYYY-MM-DD")
        return _DateText(pd.NaT, "it names no day (pandas would read it as the first of the month or year): write "
                                 "the day meant, as YYYY-MM-DD")
    # a study's files' rule (impact.schema.parse_date), with their words for what is not read (schema.date_hint):
    # pandas reads '2024/03/05', '5th March 2024' or '2024-03-05T23:30Z' (as 23:30 in UTC), which a file refuses
    day = schema.parse_date(text)
    if day is None:
        return _DateText(pd.NaT, schema.date_hint(text).strip().removeprefix("(").removesuffix(")"))
    if not _PANDAS_DAYS[0] <= day <= _PANDAS_DAYS[1]:
        return _DateText(pd.NaT, f"pandas holds dates from {_PANDAS_DAYS[0]:%Y-%m-%d} to {_PANDAS_DAYS[1]:%Y-%m-%d} "
                                 "only")
    return _DateText(pd.Timestamp(day))


#: The first and last whole days a ``datetime64[ns]`` holds.
_PANDAS_DAYS = ((pd.Timestamp.min + pd.Timedelta(days=1)).date(), pd.Timestamp.max.date())


def _two_ways(read: _DateText) -> str:
    """The two dates a day/month/year date with a day of 12 or less may be, for a message."""
    return (f"read day first, as impact reads a study's dates, it is {read.when:%Y-%m-%d}, but month first, as US "
            f"settings write it, {read.other:%Y-%m-%d}")


def one_date(value: object, argument: str) -> pd.Timestamp:
    """An argument's date, without a time zone (a timezone-aware one as the calendar date it names); a clear error
    where it is none: missing, a number (pandas would read 2012 as nanoseconds after 1970) or text that is no date.
    Text written day/month/year is read day first, as a study's files are (:func:`_read_text_date`); one that reads
    as two dates is refused saying what to write."""
    when, why = pd.NaT, ""
    if isinstance(value, str):
        read = _read_text_date(value)
        if read.order == "either":
            why = f"{_two_ways(read)} - write the one meant as YYYY-MM-DD"
        else:
            when, why = read.when, read.why
    elif not isinstance(value, (int, float, np.number)):
        try:
            when = pd.Timestamp(value)
        except (ValueError, TypeError, OverflowError):
            when = pd.NaT
    if pd.isna(when):
        raise InputError(f"The value for `{argument}` must be a date such as '2018-01-01', but {value!r} was passed"
                         + (f": {why}." if why else "."))
    return when.tz_localize(None) if when.tzinfo is not None else when


def key_text(values: pd.Series) -> pd.Series:
    """Council ids (or any join key) as text, whatever the dtype: ``940``, ``940.0`` and ``"940 "`` are ``"940"``;
    missing ids stay missing (:func:`impact._frames.key_strings` trimming spaces; index kept, no name)."""
    return _frames.key_strings(values, strip=True).rename(None)


def as_dates(values: pd.Series, label: str, column: str, *, missing: str | None = None) -> pd.Series:
    """``values`` as ``datetime64[ns]`` without a time zone; a cell that is not a date is refused naming its rows.

    Text is read as a study's files read dates (:func:`_read_text_date`): ISO, or day/month/year day first.  A
    day/month/year date with a day of 12 or less (03/04/2013) is read day first where the column holds a date that
    can only be day first (13/04/2013); where it holds none, or one that can only be month first (04/13/2013), it is
    refused, since nothing tells which day is meant.  ``datetime64`` columns, and ``datetime`` or ``Timestamp``
    objects, are taken as they are.

    ``missing``: why a date is needed, if a missing one is refused too (None: missing dates stay ``NaT``).

    >>> as_dates(pd.Series(["13/04/2013", "03/04/2013"]), "data", "period").dt.strftime("%Y-%m-%d").tolist()
    ['2013-04-13', '2013-04-03']
    >>> as_dates(pd.Series(["03/04/2013"]), "data", "period")
    Traceback (most recent call last):
    ...
    impact.errors.InputError: `data` column 'period' holds 1 value that is not a date: '03/04/2013' on row 0 - read day first, as impact reads a study's dates, it is 2013-04-03, but month first, as US settings write it, 2013-03-04. A date that reads two ways is not read either way: nothing in the column tells the order its dates are written in (a day above 12, as in 13/04/2013, would). Expected dates: datetime64, or text such as '2019-03-31' (day/month/year is read day first, as a study's files are).
    """
    if isinstance(values.dtype, pd.DatetimeTZDtype):
        out = values.dt.tz_localize(None)
    elif pd.api.types.is_datetime64_dtype(values.dtype):
        out = values
    else:
        cells = values.astype(object)
        memo: dict[str, _DateText] = {}  # a panel's periods are a few texts over many rows: each read once

        def one(v: object) -> _DateText:
            if v is None or (not isinstance(v, str) and pd.isna(v)):
                return _DateText(pd.NaT, order="blank")
            if isinstance(v, str):
                if not v.strip():
                    return _DateText(pd.NaT, order="blank")
                if v not in memo:
                    memo[v] = _read_text_date(v)
                return memo[v]
            if isinstance(v, (int, float, np.number)):
                return _DateText(pd.NaT)  # a number is no date (pandas would read 2019 as nanoseconds after 1970)
            try:
                when = pd.Timestamp(v)
            except (ValueError, TypeError, OverflowError):
                return _DateText(pd.NaT)
            return _DateText(when.tz_localize(None) if when.tzinfo is not None else when)

        read = [one(v) for v in cells]
        month_first = next((v for v, r in memo.items() if r.order == "month"), None)
        settled = month_first is None and any(r.order == "day" for r in memo.values())
        bad = [(at, v, _two_ways(r) if r.order == "either" else r.why) for at, v, r in zip(values.index, cells, read)
               if (r.order == "either" and not settled) or (pd.isna(r.when) and r.order != "blank")]
        if bad:
            shown = "; ".join(f"{v!r} on row {at!r}" + (f" - {why}" if why else "") for at, v, why in bad[:5])
            more = f"; and {len(bad) - 5:,} more" if len(bad) > 5 else ""
            either = next((r.when for r in read if r.order == "either"), None)
            if either is None or settled:
                witness = ""
            elif month_first is not None:
                at = values.index[[v is month_first or v == month_first for v in cells].index(True)]
                witness = (f". A date that reads two ways is not read either way: the column also holds "
                           f"{month_first.strip()!r} (row {at!r}), which can only be month first")
            else:
                witness = (f". A date that reads two ways is not read either way: nothing in the column tells the "
                           f"order its dates are written in (a day above 12, as in 13/{either:%m/%Y}, would)")
            raise InputError(f"`{label}` column {column!r} holds {_counted(len(bad), 'value')} that "
                             f"{'is' if len(bad) == 1 else 'are'} not {'a date' if len(bad) == 1 else 'dates'}: "
                             f"{shown}{more}{witness}. Expected dates: datetime64, or text such as '2019-03-31' "
                             "(day/month/year is read day first, as a study's files are).")
        try:
            out = pd.Series([r.when for r in read], index=values.index, dtype="datetime64[ns]")
        except (ValueError, OverflowError):  # a datetime pandas cannot hold in nanoseconds (year 2999, year 1500)
            far = [f"{v!r} on row {at!r}" for at, v, r in zip(values.index, cells, read)
                   if not pd.isna(r.when) and not _PANDAS_DAYS[0] <= r.when.date() <= _PANDAS_DAYS[1]]
            raise InputError(f"`{label}` column {column!r} holds a date out of range: {'; '.join(far[:5])} "
                             f"(pandas holds dates from {_PANDAS_DAYS[0]:%Y-%m-%d} to {_PANDAS_DAYS[1]:%Y-%m-%d} "
                             "only).") from None
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

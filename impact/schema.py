"""The study folder format: every table, every column, its type and its rules.

This module is the single source of truth for the files of a study folder.
Validation (:mod:`impact.validate`), loading and saving (:mod:`impact.study`)
and the format reference in ``docs/study-format.md`` are all driven by it.

Column types
------------
``id``
    Text key, compared exactly (leading zeros kept: council ``"301"``).
``text``
    Free text.
``date``
    ISO date ``YYYY-MM-DD``.
``int`` / ``float``
    Numbers; ``int`` must be whole.
``list``
    Several vocabulary ids separated by ``;`` (``outcomes;managing_resources``).
"""

from __future__ import annotations

import calendar
import datetime as _dt
import difflib
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from . import vocab
from ._words import _counted

__all__ = [
    "Column",
    "Table",
    "TABLES",
    "OPTIONAL_TABLES",
    "LIST_SEP",
    "table",
    "parse_cell",
    "DEFAULT_WAVES",
    "META_KEYS",
    "TRANSCRIPT_SUFFIXES",
    "DATE_MIN",
    "date_max",
    "month_first_only",
    "MAX_WINDOW_DAYS",
    "MAX_SCALE",
    "hidden_characters",
    "hidden_names",
    "mixed_scripts",
    "compatibility_forms",
    "id_problem",
    "control_characters",
    "text_problem",
    "name_problem",
    "name_refused",
    "NAME_MAX",
    "TITLE_MAX",
    "LABEL_MAX",
    "too_long",
    "spelt_two_ways",
    "latin_lookalike",
    "lookalike_names",
    "apostrophe_hint",
    "missing_hint",
    "close_matches",
    "did_you_mean",
    "true_or_false",
    "plain_form",
    "same_id",
    "UNSEEN_CHARACTERS",
    "DIRECTION_CHARACTERS",
    "unseen_characters",
    "without_unseen",
]

LIST_SEP = ";"

DEFAULT_WAVES: list[dict[str, Any]] = [
    {
        "id": "expectations",
        "label": "Expectations before the review",
        "anchor": "review_start",
        "window_days": [-183, 0],
    },
    {
        "id": "early",
        "label": "Early impact (about 3 months after)",
        "anchor": "review_end",
        "window_days": [28, 182],
    },
    {
        "id": "longer_term",
        "label": "Longer-term change (about 12 months after)",
        "anchor": "review_end",
        "window_days": [273, 548],
    },
]

#: Keys allowed at the top of ``study.yaml``.
META_KEYS = (
    "name",
    "description",
    "format_version",
    "codebook",
    "seed",
    "waves",
    "vocabularies",
    "survey",
    "generator",
    "notes",
)

TRANSCRIPT_SUFFIXES = (".txt", ".docx", ".vtt", ".srt")

#: Earliest date a study may hold (children's services statistics and inspections start after it).
DATE_MIN = _dt.date(1990, 1, 1)
#: Longest wave window, in days either side of the anchor (ten years).
MAX_WINDOW_DAYS = 3650
#: Largest absolute value of a survey scale bound.
MAX_SCALE = 1000


def date_max() -> _dt.date:
    """Latest date a study may hold: two years from today (a planned review; nothing later is plausible)."""
    return _dt.date.today() + _dt.timedelta(days=730)


#: A midnight time after a date, as spreadsheets and pandas write a date column ("2013-06-20 00:00:00").
_MIDNIGHT = re.compile(r"(?:[ T]00:00(?::00(?:\.0+)?)?)$")


def without_midnight(text: str) -> str:
    """A date cell without the midnight time a spreadsheet adds ("2013-06-20 00:00:00" -> "2013-06-20")."""
    return _MIDNIGHT.sub("", text)


def parse_date(text: str) -> _dt.date | None:
    """A date cell as a date, or None: ISO or DD/MM/YYYY in ASCII digits, with or without a midnight time."""
    if not text.isascii():  # strptime takes full-width and other digits: "２０１１-05-09"
        return None
    text = without_midnight(text)
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return _dt.datetime.strptime(text, fmt).date()
        except (ValueError, TypeError):
            continue
    return None


def _no_such_day(text: str) -> str:
    """Why a cell shaped like a date is none (" (2011-02 has no day 30)"), or ""."""
    m = _DATE_SHAPES[0].fullmatch(text) or _DATE_SHAPES[1].fullmatch(text)
    if m is None:
        return ""
    year, month, day = (int(m.group(k)) for k in ("y", "m", "d"))
    if not 1 <= month <= 12:
        first = " written month first? then write " + f"{year:04d}-{day:02d}-{month:02d}" if 1 <= day <= 12 \
            and m.re is DAY_MONTH_YEAR else ""
        return f" (there is no month {month}{':' + first if first else ''})"
    if day < 1 or day > calendar.monthrange(year, month)[1]:
        return f" ({year:04d}-{month:02d} has no day {day})"
    return ""


def _time_of_day(text: str) -> str:
    """What a date cell carrying a time other than midnight is (" (it carries a time of day, 14:30: ...)"), or ""."""
    m = re.fullmatch(r"(\S+)[ T]((?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]+)?)?)", text.strip())
    if m is None or parse_date(m.group(1)) is None:
        return ""
    return (f" (it carries a time of day, {m.group(2)}: write the date alone, {m.group(1)}, so that no one reads "
            "the time as part of the date)")


_ZONED = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})T([01][0-9]|2[0-3]):([0-5][0-9])(?::([0-5][0-9])(?:\.[0-9]+)?)?"
                    r"(Z|[+-](?:[01][0-9]|2[0-3]):?[0-5][0-9])")


def _uk_summer_time(utc: _dt.datetime) -> bool:
    """Whether ``utc`` (naive, in UTC) falls in British Summer Time, by the Europe/London rules of the IANA time zone
    database (:mod:`zoneinfo`, from the system or the ``tzdata`` package pandas installs): no rule written here, as
    the UK's changed over the years the dates reach back to (summer time ended on October's fourth Sunday, 22-28
    October, until 1995; on its last since 1996).

    Examples
    --------
    >>> _uk_summer_time(_dt.datetime(1994, 10, 25, 23)), _uk_summer_time(_dt.datetime(2011, 10, 25, 23))
    (False, True)
    """
    from zoneinfo import ZoneInfo

    there = utc.replace(tzinfo=_dt.UTC).astimezone(ZoneInfo("Europe/London"))
    return bool(there.dst())


def _time_zone(text: str) -> str:
    """What a date cell written as a date and time with a time zone is (ISO 8601, as a web form, a SharePoint list or
    Power Automate exports a date: ``2011-08-14T23:00:00Z``), or "": the date a person in the UK typed, where the time
    is midnight there (23:00 UTC in summer time is the next day's midnight).

    Examples
    --------
    >>> _time_zone("2011-08-14T23:00:00.000Z")
    ' (it is a date and time with a time zone, as a web form or SharePoint list exports a date: 2011-08-14T23:00:00.000Z is midnight of 2011-08-15 in the UK, in British Summer Time, the date typed there, where UTC is still the day before: write 2011-08-15)'
    >>> _time_zone("2011-12-01T00:00:00.000Z")
    ' (write it as YYYY-MM-DD: 2011-12-01)'
    >>> _time_zone("2011-12-01T14:30+01:00")
    ' (it is a date and time with a time zone, as a web form or SharePoint list exports a date, at 14:30 (+01:00): write the date alone, as YYYY-MM-DD, the date meant)'
    """
    m = _ZONED.fullmatch(text.strip())
    day = parse_date(m[1]) if m else None
    if day is None:
        return ""
    zone = m[5]
    offset = _dt.timedelta(0) if zone == "Z" else (1 if zone[0] == "+" else -1) * _dt.timedelta(
        hours=int(zone[1:3]), minutes=int(zone[-2:]))
    utc = _dt.datetime.combine(day, _dt.time(int(m[2]), int(m[3]), int(m[4] or 0))) - offset
    summer = _uk_summer_time(utc)
    uk = utc + _dt.timedelta(hours=1 if summer else 0)
    said = "it is a date and time with a time zone, as a web form or SharePoint list exports a date"
    if uk.time() != _dt.time(0):
        return f" ({said}, at {m[2]}:{m[3]} ({zone}): write the date alone, as YYYY-MM-DD, the date meant)"
    meant = uk.date().isoformat()
    if uk.date() == day:  # midnight in the UK of the day written: the date, as another layout of it
        return f" (write it as YYYY-MM-DD: {meant})"
    return (f" ({said}: {text.strip()} is midnight of {meant} in the UK{', in British Summer Time' if summer else ''}, "
            f"the date typed there, where UTC is still the day before: write {meant})")


def _excel_serial(text: str) -> str:
    """What a whole number in a date column is as an Excel date serial (" (... 40672 is 2011-05-09 ...)"), or ""."""
    m = re.fullmatch(r"([0-9]{5})(\.[0-9]+)?", text)
    if m is None:
        return ""
    day = _dt.date(1899, 12, 30) + _dt.timedelta(days=int(m.group(1)))  # Excel's day 1 is 1900-01-01 (day 60 is no day)
    if not DATE_MIN <= day <= date_max():
        return ""
    # a fraction is the time of day of an Excel date and time (40603.5 is noon): the date is its whole part
    timed = "" if m.group(2) is None or not m.group(2).strip(".0") else " and a time of day (the fraction)"
    return (f" (it looks like an Excel date serial number{timed}: {text} is {day:%Y-%m-%d}; format the column as a "
            "date, YYYY-MM-DD, before saving)")


def _dash_hint(text: str) -> str:
    """What a dash that is not the hyphen-minus is, in a date or a number (" (it holds U+2013 EN DASH at character
    5 where '-' is expected ...)"), or "": word processors and some spreadsheets replace '-' as one types."""
    found = [(i, ch) for i, ch in enumerate(text, 1)
             if ch != "-" and (unicodedata.category(ch) == "Pd" or ch == "\u2212")]
    if not found:
        return ""
    i, ch = found[0]
    more = f" and {len(found) - 1} more" if len(found) > 1 else ""
    return (f" (it holds {_char_name(ch)} at character {i}{more} where '-' is expected; it may have been "
            "replaced as it was typed: type the hyphen-minus key)")


def apostrophe_hint(text: str) -> str:
    """Why a value starting with an apostrophe ("'301") is not read, or "": spreadsheets take a leading apostrophe
    as "keep this as text" and hide it, but some save it into the file."""
    if not text.startswith("'") or len(text) < 2 or text.endswith("'"):
        return ""
    return (" (it starts with an apostrophe, which a spreadsheet uses to keep a number as text and hides, but "
            "which was saved into the file: remove it)")


_END_MARKS = {".": "a full stop", ",": "a comma", ";": "a semicolon", ":": "a colon"}


def stray_end(text: str) -> str:
    """Why an id ending in a full stop, comma, semicolon or colon ("P2.") is not read, or "": a mark typed or pasted
    after it, which makes it another id than the one the other files name.

    Examples
    --------
    >>> stray_end("P2.")
    " (it ends in '.', a full stop, which makes it another id than 'P2': write 'P2')"
    >>> stray_end("v1.2"), stray_end(".")
    ('', '')
    """
    plain = text.rstrip("".join(_END_MARKS))
    if plain == text or not plain:
        return ""
    mark = text[len(plain)]
    return f" (it ends in {mark!r}, {_END_MARKS[mark]}, which makes it another id than {plain!r}: write {plain!r})"


_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
_NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_WAVE_NUMBER = re.compile(r"(?:(?:wave|time|round|sweep|phase|w|t)[\s_.-]*)?(?P<n>[0-9]{1,2}|"
                          + "|".join(_ORDINALS + _NUMBER_WORDS) + r")(?:st|nd|rd|th)?(?:[\s_.-]*(?:wave|round|sweep))?")


def wave_hint(text: str, wave_ids: list[str]) -> str:
    """Which wave a wave written as its number or place ("2", "wave 2", "T2", "second") is, or "": a study names its
    waves by their ids in study.yaml, in order.

    Examples
    --------
    >>> wave_hint("Wave 2", ["expectations", "early", "longer_term"])
    " (waves are named by their ids in study.yaml: the second wave is 'early')"
    >>> wave_hint("third", ["expectations", "early"])
    ' (waves are named by their ids in study.yaml, and it has 2 waves: expectations, early)'
    >>> wave_hint("Early", ["expectations", "early"])
    ''
    """
    m = _WAVE_NUMBER.fullmatch(text.strip().casefold())
    if m is None or not wave_ids:
        return ""
    n = m["n"]
    place = int(n) if n.isdigit() else (_ORDINALS.index(n) + 1 if n in _ORDINALS else
                                        _NUMBER_WORDS.index(n) + 1 if n in _NUMBER_WORDS else None)
    if place is None:
        return ""
    if not 1 <= place <= len(wave_ids):
        return (f" (waves are named by their ids in study.yaml, and it has {_counted(len(wave_ids), 'wave')}: "
                f"{', '.join(wave_ids)})")
    word = _ORDINALS[place - 1] if place <= len(_ORDINALS) else f"number {place}"
    return f" (waves are named by their ids in study.yaml: the {word} wave is {wave_ids[place - 1]!r})"


#: Number words as the digits a label may use instead ("three months" for "about 3 months after").
_DIGITS = {w: str(i) for i, w in enumerate(_NUMBER_WORDS + ("eleven", "twelve", "thirteen", "fourteen", "fifteen",
                                                            "sixteen", "seventeen", "eighteen"), 1)}


def _words(text: str) -> tuple[str, ...]:
    """The words of ``text`` folded for comparison: case ignored, a plural's 's' dropped, number words as digits."""
    out = []
    for w in re.findall(r"[^\W_]+", text.casefold()):
        w = _DIGITS.get(w, w)
        out.append(w[:-1] if len(w) > 3 and w.endswith("s") else w)
    return tuple(out)


def label_hint(value: object, labels: Mapping[str, object] | None, noun: str = "wave") -> str:
    """A hint for a label given where an id goes (``waves=["3 months"]`` for the wave labelled "Early impact (about 3
    months after)"), or "": ``labels`` maps each id to its label; ``value`` names the one id whose label holds its
    words in a row (case, a plural's 's' and number words ignored).

    >>> labels = {"early": "Early impact (about 3 months after)", "three_years": "Three years on (about 36 months after)"}
    >>> label_hint("three months", labels), label_hint("months", labels), label_hint("Early", labels)
    (" (did you mean 'early', the wave 'Early impact (about 3 months after)'?)", '', '')
    """
    said = _words(str(value))
    if not labels or not said or isinstance(value, bool) or any(_words(str(k)) == said for k in labels):
        return ""  # an id written another way ('Early' for 'early') is that id, told as such by did_you_mean
    n = len(said)
    meant = [k for k, v in labels.items() if any(w[i:i + n] == said for w in [_words(str(v))] for i in range(len(w)))]
    return f" (did you mean {meant[0]!r}, the {noun} {labels[meant[0]]!r}?)" if len(meant) == 1 else ""


#: Words and marks people and programs put in a cell for "no value" (pandas' "nan", Excel's "#N/A", SQL's "NULL").
_MISSING_WORDS = frozenset({"na", "n/a", "nan", "null", "none", "nil", "missing", "unknown", "-", "--", ".", "?",
                            "#n/a", "n.a.", "not known", "not applicable"})
#: Excel's error values, saved into a CSV as text where a formula failed.
_EXCEL_ERRORS = frozenset({"#value!", "#ref!", "#div/0!", "#name?", "#num!", "#null!", "#spill!", "#calc!", "#getting_data"})


#: Symbols official statistics publish in place of a value: DfE's c, x, z, u, low and k, the [c] of the GSS
#: standard for symbols in tables, ':' of Eurostat, and '..' (not available), '*' (suppressed) and '~' (fewer than a
#: threshold) of ONS and older GSS tables.
_SUPPRESSION_SYMBOLS = frozenset({"c", "x", "z", "u", "k", "low", "[c]", "[x]", "[z]", "[u]", "[low]", ":", "..", "*",
                                  "~"})


def suppression_hint(text: str) -> str:
    """Why a symbol official statistics publish for a suppressed or unavailable value is not read as a number, or "".

    Examples
    --------
    >>> suppression_hint("[c]")
    " ([c] is a symbol published for a suppressed or unavailable value: leave the number blank and write the symbol \
in the row's flag column where the table has one, as indicators.csv does)"
    >>> suppression_hint("12")
    ''
    """
    if text.strip().casefold() not in _SUPPRESSION_SYMBOLS:
        return ""
    return (f" ({text.strip()} is a symbol published for a suppressed or unavailable value: leave the number blank and "
            "write the symbol in the row's flag column where the table has one, as indicators.csv does)")


def missing_hint(text: str, *, required: bool = False) -> str:
    """Why a word for "no value" ("N/A", "nan", "NULL") or an Excel error value ("#VALUE!") is not read, or "".

    Examples
    --------
    >>> missing_hint("N/A")
    ' (N/A marks a missing value: leave the cell blank where none is known)'
    >>> missing_hint("#DIV/0!", required=True)
    ' (#DIV/0! is an error value of a spreadsheet formula, saved as text: correct the formula, this column needs a value)'
    >>> missing_hint("none of these")
    ''
    """
    low = text.strip().casefold()
    need = ", this column needs a value" if required else ""
    if low in _EXCEL_ERRORS:
        return f" ({text} is an error value of a spreadsheet formula, saved as text: correct the formula{need or ' or leave the cell blank'})"
    if low in _MISSING_WORDS:
        return f" ({text} marks a missing value: {'this column needs a value' if required else 'leave the cell blank where none is known'})"
    return ""


#: Words written in an end date for a period not yet ended ('ongoing', 'to date', 'in force').
_STILL_GOING = frozenset({"ongoing", "on-going", "on going", "current", "currently", "present", "to present", "to date",
                          "now", "open", "open-ended", "continuing", "in force", "still in force", "live", "active",
                          "tbc", "tbd", "not ended", "not yet ended"})


def _still_going(text: str, *, required: bool = False) -> str:
    """Why a word for a period not yet ended ('ongoing') is no date, or "".

    >>> _still_going("Ongoing"), _still_going("ongoing", required=True), _still_going("soon")
    (' (Ongoing says the period has not ended: leave the cell blank, which is read as still in force)', ' (ongoing is no date: this column needs one)', '')
    """
    if text.strip().casefold() not in _STILL_GOING:
        return ""
    if required:
        return f" ({text.strip()} is no date: this column needs one)"
    return f" ({text.strip()} says the period has not ended: leave the cell blank, which is read as still in force)"


#: Yes/no values as spreadsheets write them, in English and in the languages of other regional settings of Excel
#: and LibreOffice (a CSV saved by a German Excel holds WAHR and FALSCH).
_YES_NO = frozenset({"true", "false", "yes", "no", "y", "n", "t", "f", "wahr", "falsch", "vrai", "faux", "verdadero",
                     "falso", "vero", "waar", "onwaar", "sant", "falskt"})


def yes_no_hint(text: str, *, expects: str = "a number", write: str = "the number itself") -> str:
    """What a yes/no value in a number (or date) column is (" (TRUE is a yes/no value, where this column expects a
    number ...)"), or "".

    Examples
    --------
    >>> yes_no_hint("TRUE")
    ' (TRUE is a yes/no value, where this column expects a number: write the number itself, or leave the cell blank where none is known)'
    >>> yes_no_hint("no", **DATE_EXPECTED)
    ' (no is a yes/no value, where this column expects a date: write the date as YYYY-MM-DD, or leave the cell blank where none is known)'
    >>> yes_no_hint("8")
    ''
    """
    if text.strip().casefold() not in _YES_NO:
        return ""
    return (f" ({text.strip()} is a yes/no value, where this column expects {expects}: write {write}, or "
            "leave the cell blank where none is known)")


#: The words of :func:`yes_no_hint` for a date column.
DATE_EXPECTED = {"expects": "a date", "write": "the date as YYYY-MM-DD"}


#: Date layouts people and programs write, each read only to say what to write instead (never accepted as data); the
#: layouts of day, month and year as numbers with other separators are told by :func:`_other_settings_date`.
_OTHER_DATE_LAYOUTS = ("%Y%m%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y",
                       "%b %d, %Y", "%d %B, %Y", "%A %d %B %Y", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M:%SZ",
                       "%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%d %H:%M:%S%z",
                       # as Excel shows a date (d-mmm-yyyy), and a month named before its day without a comma
                       "%d-%b-%Y", "%d-%B-%Y", "%b %d %Y", "%B %d %Y", "%d %b, %Y", "%A, %d %B %Y", "%a %d %b %Y",
                       "%a, %d %b %Y")
#: The same with a year of two digits ('5-Mar-24', '5 March 24'): which century is not said.
_TWO_DIGIT_LAYOUTS = ("%d-%b-%y", "%d-%B-%y", "%d %b %y", "%d %B %y", "%b %d, %y", "%B %d, %y")
#: A day written with the ending English gives its number ('5th March 2024', 'March 1st, 2024').
_ORDINAL_DAY = re.compile(r"\b([0-9]{1,2})(?:st|nd|rd|th)\b", re.IGNORECASE)


def _other_date_layout(text: str) -> str:
    """What to write for a date in another layout that can be read one way only (" (write it as YYYY-MM-DD:
    2011-03-01)"), or a year of two digits (" (the year has two digits ...)"), or ""."""
    if not text.isascii():
        return ""
    t = _ORDINAL_DAY.sub(r"\1", " ".join(text.split()))  # '5th March 2024': the day's number
    for fmt in _OTHER_DATE_LAYOUTS:
        try:
            when = _dt.datetime.strptime(t, fmt)
        except ValueError:
            continue
        if when.time() != _dt.time(0) and "T" in fmt:
            return ""  # a time of day: told by _time_of_day
        return f" (write it as YYYY-MM-DD: {when:%Y-%m-%d})"
    if re.fullmatch(r"[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{2}", t) or any(_strptime(t, f) for f in _TWO_DIGIT_LAYOUTS):
        return " (the year has two digits, which may be 19.. or 20..: write the year in full, as YYYY-MM-DD)"
    return ""


def _strptime(text: str, fmt: str) -> _dt.datetime | None:
    try:
        return _dt.datetime.strptime(text, fmt)
    except ValueError:
        return None


#: A date written year first with another separator than '-' ('2024/03/05', '2024.3.5'; '2024. 3. 5.' as Korean
#: settings write it) or with the characters for year, month and day ('2024年3月5日', '2024년 3월 5일'), as Excel
#: set for East Asia saves a date in a CSV file or as text.
_YEAR_FIRST = re.compile(r"(?P<y>[0-9]{4})\s*(?:(?P<sep>[/.-])\s*(?P<m>[0-9]{1,2})\s*(?P=sep)\s*(?P<d>[0-9]{1,2})\.?"
                         r"|年\s*(?P<m2>[0-9]{1,2})\s*月\s*(?P<d2>[0-9]{1,2})\s*日"
                         r"|년\s*(?P<m3>[0-9]{1,2})\s*월\s*(?P<d3>[0-9]{1,2})\s*일\.?)")
#: A date written day and month first, as numbers, with dots ('05.03.2024', as German, Russian or Polish settings
#: write it), hyphens, spaces or slashes.
_DAY_OR_MONTH_FIRST = re.compile(r"(?P<a>[0-9]{1,2})\s*(?P<sep>[./ -])\s*(?P<b>[0-9]{1,2})\s*(?P=sep)\s*(?P<y>[0-9]{4})\.?")
#: A time of day after a date ('2024/3/5 0:00', as Excel saves a date and time in a CSV file).
_CLOCK = re.compile(r"(?:\s+|T)(?P<h>[01]?[0-9]|2[0-3]):(?P<min>[0-5][0-9])(?::(?P<s>[0-5][0-9])(?:\.[0-9]+)?)?")


def _other_settings_date(text: str) -> str:
    """What a date written as Excel set for another country writes it is (" (write it as YYYY-MM-DD: 2024-03-05)"),
    or "": year first with slashes or dots ('2024/03/05', '2024. 3. 5.') or with the characters for year, month and
    day ('2024年3月5日'), in digits of full width ('２０２４／０３／０５') or ASCII, with or without a time after it;
    day and month first with dots (read day first: no setting writes the month first with dots), hyphens or spaces,
    or slashes in digits of full width.  A day and month that may be either way round are told both ways, never one
    guessed; a month over 12 or a day the month has not is said.

    Examples
    --------
    >>> _other_settings_date("2024年3月5日")
    ' (write it as YYYY-MM-DD: 2024-03-05)'
    >>> _other_settings_date("２０２４／０３／０５")
    ' (it holds U+FF12 FULLWIDTH DIGIT TWO, a digit of another width or script, which is not read as its ASCII form: write it as YYYY-MM-DD: 2024-03-05)'
    >>> _other_settings_date("03-05-2024")
    ' (it may be 2024-05-03, day first, as UK settings write it, or 2024-03-05, month first, as US settings write it: write it as YYYY-MM-DD)'
    >>> _other_settings_date("2024/02/30"), _other_settings_date("05/03/2024")
    (' (2024-02 has no day 30)', '')
    """
    t = text.strip()
    plain = _ascii_digits(t)  # full-width digits, slashes, dots and spaces as ASCII ones
    # the first character written otherwise in ASCII (a full-width digit or slash), a space aside
    wide = next((ch for ch, p in zip(t, plain) if ch != p and not p.isspace()), None) if len(plain) == len(t) else None
    clock = _CLOCK.search(plain)
    body = plain[:clock.start()] if clock and clock.end() == len(plain) else plain
    if (m := _YEAR_FIRST.fullmatch(body)) is not None:
        if m["sep"] == "-" and wide is None:
            return ""  # ISO: read, or told by _no_such_day
        year, month, day = int(m["y"]), int(m["m"] or m["m2"] or m["m3"]), int(m["d"] or m["d2"] or m["d3"])
        readings = [(year, month, day)]
    elif (m := _DAY_OR_MONTH_FIRST.fullmatch(body)) is not None:
        if m["sep"] == "/" and wide is None and (body == plain or parse_date(body) is not None):
            return ""  # day/month/year as UK settings write it: read, or told by _no_such_day or _time_of_day
        year, a, b = int(m["y"]), int(m["a"]), int(m["b"])
        if b > 12 >= a:
            return (f" (there is no month {b}: written month first? then write {year:04d}-{a:02d}-{b:02d})")
        readings = [(year, b, a)] + ([(year, a, b)] if m["sep"] != "." and a <= 12 and a != b else [])
    else:
        return ""
    year, month, day = readings[0]
    if not 1 <= month <= 12:
        return f" (there is no month {month})"
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return f" ({year:04d}-{month:02d} has no day {day})"
    iso = [f"{y:04d}-{mo:02d}-{d:02d}" for y, mo, d in readings]
    write = (f"write it as YYYY-MM-DD: {iso[0]}" if len(iso) == 1 else
             f"it may be {iso[0]}, day first, as UK settings write it, or {iso[1]}, month first, as US settings write "
             "it: write it as YYYY-MM-DD")
    if clock is not None and body != plain and (int(clock["h"]), int(clock["min"]), int(clock["s"] or 0)) != (0, 0, 0):
        write = f"it carries a time of day, {clock[0].strip()}: write the date alone, as YYYY-MM-DD" + (
            f": {iso[0]}" if len(iso) == 1 else f", {iso[0]} if day first, {iso[1]} if month first")
    if wide is not None:
        what = "a digit of another width or script" if unicodedata.digit(wide, None) is not None else \
            "a character of full width"
        write = f"it holds {_char_name(wide)}, {what}, which is not read as its ASCII form: {write}"
    return f" ({write})"


#: The eras of the Japanese calendar since 1868: its name, the initial Japanese settings of Excel write it with
#: ('R6.3.5' for 令和6年3月5日), its Latin name, and its first day (Cabinet Office of Japan; an era's year 1 is the
#: Gregorian year it began in, its first year also written 元年).
_JAPANESE_ERAS = (("明治", "M", "Meiji", _dt.date(1868, 10, 23)), ("大正", "T", "Taishō", _dt.date(1912, 7, 30)),
                  ("昭和", "S", "Shōwa", _dt.date(1926, 12, 25)), ("平成", "H", "Heisei", _dt.date(1989, 1, 8)),
                  ("令和", "R", "Reiwa", _dt.date(2019, 5, 1)))
_ERA_DATE = re.compile(
    r"(?P<era>明治|大正|昭和|平成|令和|[MTSHR])\s*(?P<y>[0-9]{1,2}|元)\s*"
    r"(?:年\s*(?P<m>[0-9]{1,2})\s*月\s*(?P<d>[0-9]{1,2})\s*日|(?P<sep>[./-])\s*(?P<m2>[0-9]{1,2})\s*(?P=sep)\s*"
    r"(?P<d2>[0-9]{1,2}))", re.IGNORECASE)
#: A year of the Republic of China (Minguo) calendar, as Taiwan writes dates: year 1 is 1912 ('民國113年3月5日').
_MINGUO_DATE = re.compile(
    r"(?:中華)?民[國国]\s*(?:前\s*)?(?P<y>[0-9]{1,3}|元)\s*(?:年\s*(?P<m>[0-9]{1,2})\s*月\s*(?P<d>[0-9]{1,2})\s*日"
    r"|(?P<sep>[./-])\s*(?P<m2>[0-9]{1,2})\s*(?P=sep)\s*(?P<d2>[0-9]{1,2}))")
#: Year first with a year of three digits ('113/03/05'), as Excel set for Taiwan writes a Minguo date as numbers.
_THREE_DIGIT_YEAR = re.compile(r"(?P<y>[0-9]{3})(?P<sep>[/.-])(?P<m>[0-9]{1,2})(?P=sep)(?P<d>[0-9]{1,2})")


def _calendar_date(text: str) -> str:
    """What a date of the Japanese calendar (an era and its year: '令和6年3月5日', 'R6.3.5', 'H31/4/30') or of the
    Republic of China's (Minguo: '民國113年3月5日') is, or "": impact reads Gregorian dates only and converts
    none, so the message names the Gregorian date meant, or says the era had no such day.

    Examples
    --------
    >>> _calendar_date("令和6年3月5日")
    ' (a date of the Japanese calendar, Reiwa 6: impact reads Gregorian dates only, converting none: write it as YYYY-MM-DD: 2024-03-05)'
    >>> _calendar_date("H31/5/1")
    ' (a date of the Japanese calendar, Heisei 31, which has no such day: Heisei ran from 1989-01-08 to 2019-04-30; write the Gregorian date, as YYYY-MM-DD)'
    >>> _calendar_date("民國113年3月5日")
    ' (a date of the Republic of China (Minguo) calendar, year 113: impact reads Gregorian dates only, converting none: write it as YYYY-MM-DD: 2024-03-05)'
    >>> _calendar_date("113/03/05")
    ' (its year has three digits: a year of the Republic of China (Minguo) calendar, as Excel set for Taiwan writes one? Then it is 2024-03-05; impact reads Gregorian dates only, converting none: write the date as YYYY-MM-DD)'
    """
    t = unicodedata.normalize("NFKC", _ascii_digits(text.strip()))  # full-width digits; '㋿' (one character) is 令和
    if (m := _ERA_DATE.fullmatch(t)) is not None:
        k = next(i for i, era in enumerate(_JAPANESE_ERAS) if m["era"] in (era[0], era[1], era[1].lower()))
        _, _, name, first = _JAPANESE_ERAS[k]
        n = 1 if m["y"] == "元" else int(m["y"])
        what = f"a date of the Japanese calendar, {name} {n}"
        year, month, day = first.year + n - 1, int(m["m"] or m["m2"]), int(m["d"] or m["d2"])
        last = _JAPANESE_ERAS[k + 1][3] - _dt.timedelta(days=1) if k + 1 < len(_JAPANESE_ERAS) else None
        span = f"{name} ran from {first:%Y-%m-%d}" + (f" to {last:%Y-%m-%d}" if last else "")
    elif (m := _MINGUO_DATE.fullmatch(t)) is not None:
        n = 1 if m["y"] == "元" else int(m["y"])
        if "前" in m[0]:  # years before 1912 ('民國前1年' is 1911): no date of a study
            return (" (a date of the Republic of China (Minguo) calendar, before its year 1 (1912): write the Gregorian "
                    "date, as YYYY-MM-DD)")
        what, year, first, last = f"a date of the Republic of China (Minguo) calendar, year {n}", 1911 + n, None, None
        month, day, span = int(m["m"] or m["m2"]), int(m["d"] or m["d2"]), ""
    elif (m := _THREE_DIGIT_YEAR.fullmatch(t)) is not None and 1 <= int(m["y"]) <= 200:
        year, month, day = 1911 + int(m["y"]), int(m["m"]), int(m["d"])
        if not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]):
            return ""
        return (" (its year has three digits: a year of the Republic of China (Minguo) calendar, as Excel set for "
                f"Taiwan writes one? Then it is {year:04d}-{month:02d}-{day:02d}; impact reads Gregorian dates only, "
                "converting none: write the date as YYYY-MM-DD)")
    else:
        return ""
    if not 1 <= month <= 12:
        return f" ({what}: there is no month {month}; write the Gregorian date, as YYYY-MM-DD)"
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return f" ({what}: {year:04d}-{month:02d} has no day {day}; write the Gregorian date, as YYYY-MM-DD)"
    when = _dt.date(year, month, day)
    if (first is not None and when < first) or (last is not None and when > last):
        return f" ({what}, which has no such day: {span}; write the Gregorian date, as YYYY-MM-DD)"
    return (f" ({what}: impact reads Gregorian dates only, converting none: write it as YYYY-MM-DD: "
            f"{when:%Y-%m-%d})")


#: A length of time as a sheet's cell formatted as a time or a duration gives it: ISO 8601 ('PT974472H00M00S', as an
#: OpenDocument spreadsheet saves a time), or as Python writes one ('40603 days, 0:00:00').
_DURATION = re.compile(r"P(?:(?P<days>[0-9]+)D)?T(?P<h>[0-9]+)H(?P<min>[0-9]+)M(?P<s>[0-9]+(?:\.[0-9]+)?)S"
                       r"|(?P<days2>[0-9]+) days?, (?P<h2>[0-9]+):(?P<min2>[0-9]{2}):(?P<s2>[0-9]{2}(?:\.[0-9]+)?)")


def _duration_hint(text: str) -> str:
    """What a length of time in a date cell is (" (a length of time ...: it is 2011-03-01 ...)"), or "": a date in a
    cell formatted as a time or a duration ('[h]:mm:ss', or a format LibreOffice reads as one) is saved as the time
    since the spreadsheet's day 0, and read so.

    >>> _duration_hint("PT974472H00M00S")
    ' (a length of time, 40603 days, as a sheet holds a cell formatted as a time or a duration: a date so formatted? Counted from 1899-12-30, as Excel and LibreOffice count days, it is 2011-03-01; format the column as a date, YYYY-MM-DD, before saving)'
    """
    m = _DURATION.fullmatch(text.strip())
    if m is None:
        return ""
    hours = int(m["days"] or m["days2"] or 0) * 24 + int(m["h"] or m["h2"])
    days, rest = divmod(hours, 24)
    day = _dt.date(1899, 12, 30) + _dt.timedelta(days=days)
    if rest or not DATE_MIN <= day <= date_max():
        return (" (a length of time, as a sheet holds a cell formatted as a time or a duration, not a date: format "
                "the column as a date, YYYY-MM-DD, before saving)")
    return (f" (a length of time, {days} days, as a sheet holds a cell formatted as a time or a duration: a date so "
            f"formatted? Counted from 1899-12-30, as Excel and LibreOffice count days, it is {day:%Y-%m-%d}; format "
            "the column as a date, YYYY-MM-DD, before saving)")


#: A date as a study's files are read (ISO, or day/month/year), within other text.
_DATE_IN_TEXT = re.compile(r"(?<![0-9])(?:[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}|[0-9]{1,2}/[0-9]{1,2}/[0-9]{4})(?![0-9])")


def _two_dates(text: str) -> str:
    """What a cell holding two dates or more is (" (it holds 2 dates, '2011-03-01' and '2011-04-01': ...)"), or "":
    a span of time, or a date and its correction, written in one cell; neither is read.

    >>> _two_dates("2011-03-01 to 01/04/2011")
    " (it holds 2 dates, '2011-03-01' and '01/04/2011': write one date to a cell, the one this column holds, as YYYY-MM-DD)"
    """
    found = _DATE_IN_TEXT.findall(text)
    if len(found) < 2:
        return ""
    shown = ", ".join(map(repr, found[:-1])) + f" and {found[-1]!r}"
    return (f" (it holds {len(found)} dates, {shown}: write one date to a cell, the one this column holds, as "
            "YYYY-MM-DD)")


def date_hint(text: str) -> str:
    """What a text that is no date as a study's files read them (:func:`parse_date`) is, as a parenthesis for a
    message (" (write it as YYYY-MM-DD: 2024-03-05)"), or "": one rule for a study's date cells
    (:func:`parse_cell`) and the API's date arguments (:func:`impact._joins.one_date`).  What only a cell may be (a
    word for no value, a yes/no value) is told by :func:`parse_cell` alone.

    >>> date_hint("2024/03/05"), date_hint("5th March 2024")
    (' (write it as YYYY-MM-DD: 2024-03-05)', ' (write it as YYYY-MM-DD: 2024-03-05)')
    """
    return (_no_such_day(text) or _two_dates(text) or _excel_serial(text) or _time_zone(text)
            or _other_settings_date(text) or _calendar_date(text) or _duration_hint(text) or _dash_hint(text)
            or apostrophe_hint(text) or _time_of_day(text) or _year_hint(text) or _other_date_layout(text))


def month_first_only(text: str) -> str:
    """``text`` (a date cell) where it is a date that can be read month first only ('05/13/2011', '05-13-2011',
    '5/13/2011 0:00', as US settings write a date, with or without a time of day, in digits of any width), else "".

    Examples
    --------
    >>> month_first_only("5/13/2011 0:00"), month_first_only("05-13-2011"), month_first_only("13/05/2011")
    ('5/13/2011 0:00', '05-13-2011', '')
    """
    plain = text.strip() if text.isascii() else _ascii_digits(text.strip())
    clock = _CLOCK.search(plain)
    m = _DAY_OR_MONTH_FIRST.fullmatch(plain[:clock.start()] if clock and clock.end() == len(plain) else plain)
    return text.strip() if m is not None and int(m["a"]) <= 12 < int(m["b"]) <= 31 else ""


def _year_hint(text: str) -> str:
    """What to write for a year given as a date: a year alone (``2013``) or a year running over two (``2013-14``,
    ``2013/14``, ``201314`` as DfE's ``time_period`` writes it), or "".

    >>> _year_hint("2013-14")
    ' (a year running from 2013 to 2014, not a day: write the day as YYYY-MM-DD; for a value of that year ending 31 March, as DfE and councils count it, 2014-03-31)'
    >>> _year_hint("2013").endswith("2013-03-31)"), _year_hint("2013-15"), _year_hint("1066")
    (True, '', '')
    """
    t = text.strip()
    if m := re.fullmatch(r"(19[9][0-9]|2[01][0-9]{2})", t):
        year = int(m[1])
        return (f" (a year, not a day: write the day as YYYY-MM-DD; for a value of DfE's year {year}, the year ending "
                f"31 March, {year}-03-31)")
    if m := re.fullmatch(r"(19[9][0-9]|2[01][0-9]{2})\s*[-/–]?\s*([0-9]{2}|[0-9]{4})", t):
        first, second = int(m[1]), m[2]
        if (int(second) != first + 1) if len(second) == 4 else int(second) != (first + 1) % 100:
            return ""
        return (f" (a year running from {first} to {first + 1}, not a day: write the day as YYYY-MM-DD; for a value "
                f"of that year ending 31 March, as DfE and councils count it, {first + 1}-03-31)")
    return ""


#: Thousands separated by spaces ("1 000", "12 500"), as French and other regional settings write them.
_SPACED = re.compile(r"[+-]?[1-9][0-9]{0,2}(?:[ \u00a0\u202f][0-9]{3})+(?:\.[0-9]+)?")


def _ascii_digits(text: str) -> str:
    """``text`` with its digits of other widths and scripts (full-width '\uff12', Arabic-Indic '\u0662') and its
    full-width signs and points written in ASCII."""
    return "".join(str(unicodedata.digit(ch)) if not ch.isascii() and unicodedata.digit(ch, None) is not None
                   else unicodedata.normalize("NFKC", ch) for ch in text)


def _number_hint(text: str) -> str:
    """What a number written as accounts, percentages, money or with spaced thousands is not (" (...: write '8')"),
    or ""."""
    t = text.strip()
    if not t.isascii() and (plain := _ascii_digits(t)) != t and _number(plain) is not None:  # '\uff12', '\u0662'
        odd = next(ch for ch in t if not ch.isascii())
        return (f" (it holds {_char_name(odd)}, a digit of another width or script, which is not read as one: write "
                f"{plain!r})")
    if _SPACED.fullmatch(t):
        plain = re.sub(r"[ \u00a0\u202f]", "", t)
        return f" (its thousands are separated by spaces: write {plain!r})"
    if re.fullmatch(r"\([0-9.,]+\)", t):
        return f" (a number in brackets is how accounts write a negative one: write {'-' + t[1:-1]!r} if that is meant)"
    if re.fullmatch(r"[0-9.,]+\s*%", t):
        return " (a percentage sign: write the number alone, in the unit the column describes)"
    if re.fullmatch(r"[£$€¥][0-9.,]+|[0-9.,]+\s*[£$€¥]", t):
        return " (a currency sign: write the number alone)"
    if _BOUND.fullmatch(t):  # '<5', '>= 95', '≤10': a published table's bound for a value it does not give
        return (f" ({t} is a bound, not a value: published tables write '<5' for a count too small to give; leave the "
                "number blank and write the bound in the row's flag column where the table has one, as indicators.csv "
                f"does, or write the value itself where it is known)")
    if m := _ABOUT.fullmatch(t):  # '~5', '≈5', 'c.5': about
        return f" ({t} is an approximate value: write the number alone, {m['number']}, if that is the value meant)"
    if m := _MARKED.fullmatch(t):  # '12[x]', '14 [note 3]', '7 (p)', '9r': a published table's markers kept
        return (f" (the number {m['number']} with the marker {m['marker']!r}, as published tables note a value: "
                f"write the number alone, {m['number']}; a marker saying why a value is missing ([x], [c], [z]) goes in "
                "the flag column, the value left blank)")
    return ""


#: A bound written in place of a value ('<5', '> 95', '<=10', '≥ 1,000').
_BOUND = re.compile(r"(?:<=?|>=?|≤|≥|=<|=>)\s*[+-]?[0-9][0-9.,]*")
#: A value said to be approximate ('~5', '≈ 12.5', 'c.5', 'ca. 40').
_ABOUT = re.compile(r"(?:~|≈|c\.|ca\.?)\s*(?P<number>[+-]?[0-9][0-9.,]*)")

#: A number followed by a published table's marker: a note in square brackets ('[x]', '[note 3]', '[r]'), a letter or
#: two in round brackets ('(p)', '(r)'), or a letter of revised or provisional, or an asterisk, after it ('12r', '8*').
_MARKED = re.compile(r"(?P<number>[+-]?[0-9]+(?:\.[0-9]+)?)\s*(?P<marker>\[[^\]\n]{1,20}\]|\([A-Za-z]{1,2}\)|[rpe*]|\*+)")


#: A date written day/month/year, as UK Excel writes it (or month/day/year, as US Excel does).
DAY_MONTH_YEAR = re.compile(r"(?P<d>[0-9]{1,2})/(?P<m>[0-9]{1,2})/(?P<y>[0-9]{4})")
_DATE_SHAPES = (re.compile(r"(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})"), DAY_MONTH_YEAR)


#: A number with thousands separators: "1,000", "12,345,678.5" (a first group of one to three digits, not "0,500").
_GROUPED = re.compile(r"[+-]?[1-9][0-9]{0,2}(?:,[0-9]{3})+(?:\.[0-9]+)?")
_DECIMAL_COMMA = re.compile(r"[+-]?[0-9]*,[0-9]+")
_EUROPEAN = re.compile(r"[+-]?[1-9][0-9]{0,2}(?:\.[0-9]{3})+,[0-9]+")


#: A whole number with points between its thousands, as most of Europe writes it ('1.000', '12.500', '1.000.000').
_POINT_GROUPED = re.compile(r"[+-]?[1-9][0-9]{0,2}(?:\.[0-9]{3})+")


def _point_problem(text: str) -> str | None:
    """Why a whole number written with points between thousands is not read in a whole-number column, or None: read
    with a decimal point, '1.000' would be 1 where a European spreadsheet means 1000 (and '12.500' no whole number).

    Examples
    --------
    >>> _point_problem("1.000"), _point_problem("8.0") is None, _point_problem("1.5") is None
    ("a whole number without points between thousands ('1.000' is 1000 written as most of Europe writes it, or 1 with a decimal point: write '1000' or '1')", True, True)
    >>> _point_problem("12.500")
    "a whole number without points between thousands ('12.500' is 12500 written as most of Europe writes it, or 12.5 with a decimal point: write '12500')"
    """
    t = text.strip()
    if not _POINT_GROUPED.fullmatch(t):
        return None
    grouped = t.replace(".", "")
    point = float(t) if t.count(".") == 1 else None
    other = (f", or {point:g} with a decimal point" if point is not None else "")
    fix = repr(grouped) + (f" or {str(int(point))!r}" if point is not None and point.is_integer() else "")
    return (f"a whole number without points between thousands ({text!r} is {int(grouped)} written as most of Europe "
            f"writes it{other}: write {fix})")


def _comma_problem(text: str, type_: str) -> str | None:
    """Why a number written with a comma is not read (a decimal comma, or one that may be either), or None.

    Examples
    --------
    >>> _comma_problem("1,234.5", "float") is None, _comma_problem("1,000", "int") is None
    (True, True)
    >>> _comma_problem("1.234,5", "float")
    "a number with a decimal point, not a comma, and no thousands separator (write '1234.5')"
    >>> _comma_problem("12,500", "float")
    "a number without a thousands separator ('12,500' is 12500, or 12.5 written with a decimal comma: write '12500' or '12.5')"
    """
    if "," not in text:
        return None
    what = "a whole number" if type_ == "int" else "a number"
    if _GROUPED.fullmatch(text):
        if type_ == "float" and "." not in text and text.count(",") == 1:
            return (f"{what} without a thousands separator ({text!r} is {text.replace(',', '')}, or "
                    f"{float(text.replace(',', '.')):g} written with a decimal comma: write {text.replace(',', '')!r} "
                    f"or {text.replace(',', '.').rstrip('0').rstrip('.')!r})")
        return None
    european = _EUROPEAN.fullmatch(text)  # "1.234,5": points between thousands, a decimal comma
    if _DECIMAL_COMMA.fullmatch(text) or european:
        point = text.replace(".", "").replace(",", ".") if european else text.replace(",", ".")
        if type_ == "int":
            return f"{what} ({text!r} is {point} written with a decimal comma)"
        return f"{what} with a decimal point, not a comma, and no thousands separator (write {point!r})"
    inner = text.rstrip().removesuffix("%").rstrip()
    if inner != text.rstrip() and (_DECIMAL_COMMA.fullmatch(inner) or _GROUPED.fullmatch(inner)):  # '12,5%'
        reads = [inner.replace(",", ".")] if _DECIMAL_COMMA.fullmatch(inner) else []
        reads += [inner.replace(",", "")] if _GROUPED.fullmatch(inner) else []  # '1,234%': thousands, or a decimal
        return (f"{what} (a percentage sign and a comma: write the number alone with a decimal point and no thousands "
                f"separator, {' or '.join(map(repr, reads))}, in the unit the column describes)")
    return what


def _number(text: str) -> float | None:
    cleaned = text.replace(",", "") if _GROUPED.fullmatch(text) else text
    if not cleaned.isascii() or "_" in cleaned:  # float() takes "1_0" as 10
        return None
    try:
        return float(cleaned)
    except ValueError:
        return None


def parse_cell(text: str, type_: str, *, low: float | None = None, high: float | None = None,
               required: bool = False) -> tuple[Any, str | None]:
    """Parse a text cell; return ``(value, problem)`` where problem says what was expected.

    Dates are ISO ``YYYY-MM-DD`` (or ``DD/MM/YYYY`` as UK Excel writes them;
    either may carry a midnight time, ``00:00:00``, as spreadsheets add) between :data:`DATE_MIN` and :func:`date_max`; numbers are finite (no
    ``inf``, ``nan``, ``1e999``), written in ASCII digits, within
    ``[low, high]`` when given; ``int`` must be whole.  A word for no value ("N/A") is told to be left blank,
    unless ``required`` (the column needs a value).

    Examples
    --------
    >>> parse_cell("2012-03-31", "date")[0]
    Timestamp('2012-03-31 00:00:00')
    >>> parse_cell("31/03/2012 00:00:00", "date")[0]
    Timestamp('2012-03-31 00:00:00')
    >>> parse_cell("2012-03-31 14:30", "date")
    (None, 'a date as YYYY-MM-DD (it carries a time of day, 14:30: write the date alone, 2012-03-31, so that no one reads the time as part of the date)')
    >>> parse_cell("2012-03-31 25:30", "date")  # no time of day: not called one
    (None, 'a date as YYYY-MM-DD')
    >>> parse_cell("31/02/2012", "date")
    (None, 'a date as YYYY-MM-DD (2012-02 has no day 31)')
    >>> parse_cell("2500-03-31", "date")[1].startswith("a date from 1990-01-01 to ")
    True
    >>> parse_cell("inf", "float")
    (None, 'a finite number')
    >>> parse_cell("-3", "int", low=0)
    (None, 'a whole number from 0')
    >>> parse_cell("1e1", "int")[1]
    "a whole number written out in digits ('1e1' is 10 in scientific notation, as a spreadsheet shows a long number, whose last digits may be lost: write '10')"
    >>> parse_cell("1e1", "float")
    (10.0, None)
    >>> parse_cell("2012\u201303-31", "date")[1]
    "a date as YYYY-MM-DD (it holds U+2013 EN DASH at character 5 where '-' is expected; it may have been replaced as it was typed: type the hyphen-minus key)"
    """
    import pandas as pd

    if text == "":
        return None, None
    if type_ == "date":
        d = parse_date(text)
        if d is None:
            return None, "a date as YYYY-MM-DD" + (date_hint(text) or yes_no_hint(text, **DATE_EXPECTED)
                                                   or missing_hint(text, required=required)
                                                   or _still_going(text, required=required))
        hi = date_max()
        if not DATE_MIN <= d <= hi:
            return None, f"a date from {DATE_MIN:%Y-%m-%d} to {hi:%Y-%m-%d}"
        return pd.Timestamp(d), None
    if type_ in ("int", "float"):
        what = "a whole number" if type_ == "int" else "a number"
        if (problem := _comma_problem(text, type_) or (_point_problem(text) if type_ == "int" else None)) is not None:
            return None, problem
        f = _number(text)
        if f is None:
            return None, what + (_dash_hint(text) or apostrophe_hint(text) or _number_hint(text)
                                 or suppression_hint(text) or yes_no_hint(text) or missing_hint(text, required=required))
        if not math.isfinite(f):
            return None, f"a finite {what.split(' ', 1)[1]}" + missing_hint(text, required=required)
        if type_ == "int" and not f.is_integer():
            return None, what
        if (low is not None and f < low) or (high is not None and f > high):
            bounds = (f" from {low:,g}" if low is not None else "") + (f" to {high:,g}" if high is not None else "")
            return None, what + bounds
        if type_ == "int" and "e" in text.lower():  # "1e1": a spreadsheet shows a long number so, dropping digits
            return None, (f"{what} written out in digits ({text!r} is {int(f):,} in scientific notation, as a "
                          f"spreadsheet shows a long number, whose last digits may be lost: write {str(int(f))!r})")
        return (int(f) if type_ == "int" else f), None
    return text, None


# --------------------------------------------------------------------------- ids as people read them
#: Unicode categories of characters that are not seen, or not seen as what they are: format characters
#: (direction overrides and isolates U+202A-U+202E and U+2066-U+2069, zero-width spaces and joiners U+200B-U+200D,
#: U+FEFF, soft hyphens), control characters, line and paragraph separators, unassigned and private code points.
_HIDDEN_CATEGORIES = frozenset({"Cf", "Cc", "Cs", "Co", "Cn", "Zl", "Zp"})


def _is_hidden(ch: str) -> bool:
    """A character an id must not hold: one of :data:`_HIDDEN_CATEGORIES`, or a space other than the ASCII one."""
    category = unicodedata.category(ch)
    return category in _HIDDEN_CATEGORIES or (category == "Zs" and ch != " ")


def _char_name(ch: str) -> str:
    """``U+202E RIGHT-TO-LEFT OVERRIDE``; a control character, which has no name, as ``U+0009``."""
    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X} {name}".rstrip() if name else f"U+{ord(ch):04X} (a control character)"


def hidden_characters(text: str) -> str | None:
    """Why an id is refused for characters a reader cannot see, or None.

    Direction overrides reorder what a reader sees ("P\u202e21" shows as "P12"),
    and zero-width characters, a byte-order mark inside the text or a
    no-break space make two ids that differ look the same: in an id (a
    council, participant, wave or code id) they are refused, each named as
    :mod:`unicodedata` names it.

    Examples
    --------
    >>> hidden_characters("P\u202e21")
    'an id without invisible or direction-changing characters (it holds U+202E RIGHT-TO-LEFT OVERRIDE at character 2, which makes ids that differ look the same or reorders what is shown; retype the id)'
    >>> hidden_characters("early_impact") is None
    True
    """
    held = hidden_names(text)
    if held is None:
        return None
    return (f"an id without invisible or direction-changing characters (it holds {held}, which makes ids that differ "
            "look the same or reorders what is shown; retype the id)")


def hidden_names(text: str, *, formats_only: bool = False) -> str | None:
    """The characters of ``text`` a reader does not see, named ("U+200B ZERO WIDTH SPACE at character 3"), or None.

    ``formats_only`` names only format characters (direction overrides, zero-width characters, U+FEFF): those free
    text has no use for, unlike a tab or a no-break space.

    Examples
    --------
    >>> hidden_names("Barn\\u202eet"), hidden_names("a\\tb", formats_only=True)
    ('U+202E RIGHT-TO-LEFT OVERRIDE at character 5', None)
    """
    found = [(i, ch) for i, ch in enumerate(text, 1)
             if (unicodedata.category(ch) == "Cf" if formats_only else _is_hidden(ch))]
    return _named_at(found) if found else None


def _named_at(found: list[tuple[int, str]]) -> str:
    """Characters found at (1-based) places, named, with where: "U+200B ZERO WIDTH SPACE at character 3"."""
    names = list(dict.fromkeys(_char_name(ch) for _, ch in found))
    where = f" at character {found[0][0]}" if len(found) == 1 else f" ({len(found)} such characters)"
    return f"{', '.join(names[:3])}{' and more' if len(names) > 3 else ''}{where}"


def control_characters(text: str, *, one_line: bool = False) -> list[tuple[int, str]]:
    """The control characters of ``text`` with their positions from 1; a tab and a line break count only where the
    text is shown on one line (``one_line``), and so do Unicode's other line breaks there (U+0085 NEXT LINE, U+2028
    LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR: a word processor and every program splitting text into lines break the
    line at them, though a CSV or YAML reader does not).

    Examples
    --------
    >>> control_characters("a\\x07b\\tc"), control_characters("a\\nb", one_line=True)
    ([(2, '\\x07')], [(2, '\\n')])
    >>> control_characters("Bar\\u2028net", one_line=True), control_characters("Bar\\u2028net")
    ([(4, '\\u2028')], [])
    """
    return [(i, ch) for i, ch in enumerate(text, 1)
            if (ch < " " and (one_line or ch not in "\t\n\r")) or (one_line and ch in _UNICODE_LINE_BREAKS)]


#: Line breaks of Unicode beyond CR and LF (:func:`control_characters`), which ``str.splitlines`` breaks at too.
_UNICODE_LINE_BREAKS = "\x85\u2028\u2029"


def text_problem(text: str, *, one_line: bool = False) -> str | None:
    """What a text a person wrote into a YAML file (a label, a definition) was expected to be, where it holds control
    characters, which no one sees and a report or workbook cannot show (openpyxl refuses them), or, where it is shown
    on one line (a name, a label, a title), a line break; None where it holds neither.

    Examples
    --------
    >>> text_problem("Morale\\x07 up")
    'text without control characters (it holds U+0007 (a control character) at character 7, which no one sees and a report or workbook cannot show: retype it)'
    >>> text_problem("Morale\\nup", one_line=True)
    'text on one line (it holds a line break at character 7: a name or label is shown on one line; join the lines)'
    >>> text_problem("Morale\\nup") is None
    True
    """
    bad = control_characters(text, one_line=one_line)
    if not bad:
        return None
    if all(ch in "\n\r" + _UNICODE_LINE_BREAKS for _, ch in bad):
        first = bad[0][1]
        named = "" if first in "\n\r" else f" ({_char_name(first)}, which a word processor breaks a line at)"
        return (f"text on one line (it holds a line break{named} at character {bad[0][0]}: a name or label is shown on one "
                "line; join the lines)")
    return (f"text without control characters (it holds {_named_at(bad)}, which no one sees and a report or workbook "
            "cannot show: retype it)")


def name_problem(text: str, *, noun: str, plural: str, one_line: bool = True) -> str | None:
    """What a name counted by its text (a coder, a reviewer, an attribution) was expected to be, where it holds a
    control character or, shown on one line (``one_line``), a tab or a line break (:func:`text_problem`), or a
    character no one sees (a zero-width space, a direction override): ``noun`` is what it names ("a coder"),
    ``plural`` the names it stands among ("coders"); None where it holds none of them.

    Examples
    --------
    >>> name_problem("ann\\u200b", noun="a coder", plural="coders")
    'a coder without invisible or direction-changing characters (it holds U+200B ZERO WIDTH SPACE at character 4, which makes coders that differ look the same: they are counted by their text; retype it)'
    >>> name_problem("ann\\nbob", noun="a coder", plural="coders")
    'a coder as text on one line (it holds a line break at character 4: a name or label is shown on one line; join the lines)'
    >>> name_problem("Ann O'Neill", noun="a coder", plural="coders") is None
    True
    """
    if (why := text_problem(text, one_line=one_line)) is not None:
        return f"{noun} as {why}"
    if (held := hidden_names(text, formats_only=True)) is not None:
        return (f"{noun} without invisible or direction-changing characters (it holds {held}, which makes {plural} "
                "that differ look the same: they are counted by their text; retype it)")
    return None


#: Longest name of a person (a reviewer's, a coder's), given to an option or read from a file (a review workbook): a
#: name is shown on one line of a report, a workbook and a QDA program's list of users; a longer one is a paste gone
#: wrong (a file's text, a path).
NAME_MAX = 100


#: Longest title: a study's name (the report's title: its first page, the web page's ``<title>`` in a browser tab and
#: the Word file's Title property, which holds 255 characters), a codebook's title, a survey question.  The longest
#: bundled codebook title has 69 characters; a longer text is a paragraph or a file pasted in by mistake.
TITLE_MAX = 200

#: Longest label shown on one line in a table's cell, a figure's axis or legend, a Word heading: a council's name (the
#: longest in England, 'Royal Borough of Windsor and Maidenhead', has 39 characters), a code's, a wave's or a
#: vocabulary value's label (the bundled codebooks' longest has 56).  A workbook's sheet names (31 characters) are
#: never labels: impact names its sheets 'Table 1', 'Notes'.
LABEL_MAX = NAME_MAX


def too_long(text: str, limit: int, what: str, *, shown: str | None = None) -> str | None:
    """Why ``text`` is too long to be ``what`` (at most ``limit`` characters, spaces at its ends aside), as what was
    expected, saying where it is ``shown`` (by default where a title, :data:`TITLE_MAX`, or a label is shown); None
    where it is not.

    Examples
    --------
    >>> too_long("x" * 5000, TITLE_MAX, "a study's name")
    "a study's name of at most 200 characters (it has 5,000: a title is shown whole on the report's first page, in the web page's title and in the Word file's Title property, which holds 255; a longer one is text pasted in by mistake: shorten it)"
    >>> too_long("Barnet", LABEL_MAX, "a council's name") is None
    True
    """
    n = len(text.strip())
    if n <= limit:
        return None
    shown = shown or ("a title is shown whole on the report's first page, in the web page's title and in the Word file's Title "
             "property, which holds 255" if limit == TITLE_MAX else
             "a label is shown on one line, in a table's cell and beside a figure's bars and lines")
    return f"{what} of at most {limit} characters (it has {n:,}: {shown}; a longer one is text pasted in by mistake: " \
           "shorten it)"


def name_refused(text: str, what: str, *, plural: str = "names", empty: str = "") -> str | None:
    """Why ``text`` is no name of ``what`` (empty or blank, a control character or line break, a character no one
    sees, longer than :data:`NAME_MAX` characters), as ``'value' - expected ...``; None where it is a name.
    ``plural`` names the names it stands among (:func:`name_problem`), ``empty`` is added to ``what``
    where the name is empty.

    Examples
    --------
    >>> name_refused("  ", "the reviewer's name")
    "'  ' - expected the reviewer's name (it is empty or only spaces)"
    >>> name_refused("Ann O'Neill", "the reviewer's name") is None
    True
    """
    if not text.strip():
        return f"{text!r} - expected {what}{empty} (it is empty or only spaces)"
    if (why := name_problem(text.strip(), noun=what, plural=plural)) is not None:
        return f"{text!r} - expected {why}"
    if len(text.strip()) > NAME_MAX:
        return (f"{text.strip()[:40]!r}... ({len(text.strip()):,} characters) - expected {what} of at most "
                f"{NAME_MAX} characters")
    return None


#: Characters that are no text at all: a byte-order mark (the start of a file pasted or joined into a cell), a zero-
#: width space, a word joiner. Taken out of free text, with a warning; refused in an id.
NO_TEXT_CHARACTERS = "\ufeff\u200b\u2060"
_NO_TEXT = re.compile(f"[{NO_TEXT_CHARACTERS}]")


def without_no_text(text: str) -> tuple[str, str | None]:
    """``text`` without its :data:`NO_TEXT_CHARACTERS`, and what was taken out, named (None where nothing was).

    Examples
    --------
    >>> without_no_text("Bar\\ufeffnet")
    ('Barnet', 'it held U+FEFF ZERO WIDTH NO-BREAK SPACE at character 4, which is no text: taken out')
    >>> without_no_text("Barnet")
    ('Barnet', None)
    """
    if not _NO_TEXT.search(text):
        return text, None
    found = [(i, ch) for i, ch in enumerate(text, 1) if ch in NO_TEXT_CHARACTERS]
    return _NO_TEXT.sub("", text), f"it held {_named_at(found)}, which is no text: taken out"


#: Characters that change what a reader sees without being seen themselves, which nothing published may carry:
#: direction embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069: "\u202eharaS" shows as "Sarah" and a
#: quote can be shown backwards), direction marks (U+200E, U+200F, U+061C), the zero-width space, non-joiner and
#: joiner (U+200B-U+200D: "Sa\u200brah" shows as "Sarah"), the word joiner and invisible operators (U+2060-U+2064), the
#: soft hyphen (U+00AD), the Mongolian vowel separator (U+180E), the deprecated format characters (U+206A-U+206F), the
#: interlinear annotation marks (U+FFF9-U+FFFB) and a byte-order mark inside text (U+FEFF).  A zero-width joiner or
#: non-joiner between two characters of a script or symbol set that joins them (Arabic, Persian, the Indic scripts, an
#: emoji's sequence) changes their shape as their writers mean, and is kept there (:func:`without_unseen`).
UNSEEN_CHARACTERS = ("\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061"
                     "\u2062\u2063\u2064\u2066\u2067\u2068\u2069\u206a\u206b\u206c\u206d\u206e\u206f\ufeff\ufff9\ufffa"
                     "\ufffb")
_UNSEEN = re.compile(f"[{UNSEEN_CHARACTERS}]")
#: Direction-changing characters among :data:`UNSEEN_CHARACTERS` (they reorder what is shown).
DIRECTION_CHARACTERS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
#: Scripts whose letters a joiner never joins: a joiner beside one of their letters (or a digit, a space, the text's
#: ends) only splits a word.
_UNJOINED_SCRIPTS = ("LATIN", "GREEK", "CYRILLIC")


def _joins(text: str, i: int) -> bool:
    """Whether the zero-width joiner or non-joiner at ``i`` stands between two characters it shapes: both there, and
    neither a space, an ASCII character or a letter of :data:`_UNJOINED_SCRIPTS`."""
    if i == 0 or i + 1 >= len(text):
        return False
    for ch in (text[i - 1], text[i + 1]):
        if ch.isascii() or ch.isspace() or ch in UNSEEN_CHARACTERS or unicodedata.name(ch, "").startswith(_UNJOINED_SCRIPTS):
            return False
    return True


def unseen_characters(text: str) -> list[tuple[int, str]]:
    """The characters of ``text`` (0-based offsets) that :func:`without_unseen` takes out.

    Examples
    --------
    >>> unseen_characters("Sa\\u200brah, \\u202eon\\u202c")
    [(2, '\\u200b'), (8, '\\u202e'), (11, '\\u202c')]
    >>> unseen_characters("\\u0645\\u06cc\\u200c\\u062e\\u0648\\u0627\\u0647\\u0645")  # Persian's non-joiner, kept
    []
    """
    if not _UNSEEN.search(text):
        return []
    return [(m.start(), m.group()) for m in _UNSEEN.finditer(text)
            if not (m.group() in "\u200c\u200d" and _joins(text, m.start()))]


def without_unseen(text: str) -> str:
    """``text`` without the characters that change what a reader sees unseen (:data:`UNSEEN_CHARACTERS`), a zero-width
    joiner or non-joiner kept between two characters it shapes (Persian, Devanagari, an emoji's sequence).

    Examples
    --------
    >>> without_unseen("Spoke to Sa\\u200brah and \\u202eharaS\\u202c.")
    'Spoke to Sarah and haraS.'
    >>> without_unseen("\\U0001f469\\u200d\\U0001f467 fine") == "\\U0001f469\\u200d\\U0001f467 fine"
    True
    """
    found = unseen_characters(text)
    if not found:
        return text
    drop = {i for i, _ in found}
    return "".join(ch for i, ch in enumerate(text) if i not in drop)


#: Scripts whose letters look alike: an id mixing two of them is refused (other mixes, such as Han with Kana, are
#: how some languages write).
_ALIKE_SCRIPTS = ("LATIN", "GREEK", "CYRILLIC")

#: Cyrillic and Greek letters drawn like a Latin one in common fonts (a short selection of Unicode's
#: confusables.txt, https://www.unicode.org/Public/security/latest/confusables.txt, "MA" table: the capitals and
#: lower-case letters that a reader cannot tell from a Latin letter).  Other characters are left as they are.
_LOOKALIKES = {
    # Cyrillic capitals
    "\u0410": "A", "\u0412": "B", "\u0415": "E", "\u041a": "K", "\u041c": "M", "\u041d": "H", "\u041e": "O",
    "\u0420": "P", "\u0421": "C", "\u0422": "T", "\u0425": "X", "\u0405": "S", "\u0406": "I", "\u0408": "J",
    "\u04ae": "Y", "\u051a": "Q", "\u051c": "W",
    # Cyrillic lower case
    "\u0430": "a", "\u0435": "e", "\u043e": "o", "\u0440": "p", "\u0441": "c", "\u0443": "y", "\u0445": "x",
    "\u0455": "s", "\u0456": "i", "\u0458": "j", "\u04bb": "h", "\u051b": "q", "\u051d": "w", "\u04cf": "l",
    # Greek capitals
    "\u0391": "A", "\u0392": "B", "\u0395": "E", "\u0396": "Z", "\u0397": "H", "\u0399": "I", "\u039a": "K",
    "\u039c": "M", "\u039d": "N", "\u039f": "O", "\u03a1": "P", "\u03a4": "T", "\u03a5": "Y", "\u03a7": "X",
    # Greek lower case
    "\u03bf": "o", "\u03bd": "v", "\u03b1": "a", "\u03b9": "i", "\u03ba": "k", "\u03c1": "p", "\u03c5": "u",
}


def _script(ch: str) -> str | None:
    """The script of a letter as the first word of its :mod:`unicodedata` name (full-width and mathematical forms
    folded first); None for what is not a letter (digits, '_', '-')."""
    plain = unicodedata.normalize("NFKC", ch)
    if len(plain) != 1 or not plain.isalpha():
        return None
    name = unicodedata.name(plain, "")
    return name.split(" ", 1)[0] if name else None


def mixed_scripts(text: str) -> str | None:
    """Why an id is refused for mixing letters of scripts that look alike (Latin, Greek, Cyrillic), or None.

    "\u0420\u0435view" (a Cyrillic Er and Ie, then Latin) reads as "Review" but never equals it.  An id written
    wholly in one script ("\u0420\u0435\u0432\u044c\u044e") is allowed.

    Examples
    --------
    >>> mixed_scripts("P\u04301")
    "an id in one script (it mixes Latin with Cyrillic: U+0430 CYRILLIC SMALL LETTER A at character 2, which looks like the Latin 'a'; retype the id)"
    >>> mixed_scripts("P1") is None, mixed_scripts("\u041f1") is None
    (True, True)
    """
    scripts = {}
    for i, ch in enumerate(text, 1):
        script = _script(ch)
        if script in _ALIKE_SCRIPTS:
            scripts.setdefault(script, []).append((i, ch))
    if len(scripts) < 2:
        return None
    # The characters named are those of the script with fewest letters (the ones typed by mistake), Latin last.
    order = sorted(scripts, key=lambda sc: (sc == "LATIN", len(scripts[sc])))
    odd = order[0]
    names = []
    for i, ch in scripts[odd][:3]:
        like = _LOOKALIKES.get(ch)
        names.append(f"{_char_name(ch)} at character {i}" + (f", which looks like the Latin {like!r}" if like else ""))
    more = " and more" if len(scripts[odd]) > 3 else ""
    shown = " with ".join(sc.title() for sc in sorted(scripts, key=lambda sc: (sc != "LATIN", sc)))
    return f"an id in one script (it mixes {shown}: {'; '.join(names)}{more}; retype the id)"


def compatibility_forms(text: str) -> str | None:
    """Why an id is refused for holding characters Unicode writes another way, or None.

    A full-width letter or digit ("\uff302", as East Asian keyboards type it), a ligature, a superscript, or a
    letter written as a base letter and a combining accent where one letter exists ("Rene\u0301e" for "Ren\u00e9e",
    as macOS may save it) looks like the plain id yet never equals it: such an id is refused, naming the
    characters and the id to write instead (its NFKC form).

    Examples
    --------
    >>> compatibility_forms("\uff302")
    "an id in plain characters (it holds U+FF30 FULLWIDTH LATIN CAPITAL LETTER P at character 1, a form of 'P'; write 'P2')"
    >>> compatibility_forms("Rene\u0301e")
    "an id in plain characters (it holds U+0301 COMBINING ACUTE ACCENT at character 5, which with the letter before it is the one letter '\u00e9'; write 'Ren\u00e9e')"
    >>> compatibility_forms("P2") is None, compatibility_forms("\u041f\u0435\u0442\u0440") is None
    (True, True)
    """
    plain = unicodedata.normalize("NFKC", text)
    if plain == text:
        return None
    found = []
    for i, ch in enumerate(text, 1):
        if _is_hidden(ch):
            continue
        form = unicodedata.normalize("NFKC", ch)
        if form != ch:
            found.append(f"{_char_name(ch)} at character {i}, a form of {form!r}")
        elif unicodedata.combining(ch) and i > 1:
            joined = unicodedata.normalize("NFKC", text[i - 2:i])
            if len(joined) == 1:
                found.append(f"{_char_name(ch)} at character {i}, which with the letter before it is the one "
                             f"letter {joined!r}")
    if not found:  # a sequence NFKC reorders (combining marks out of order): named as a whole
        return f"an id in plain characters (it is written in another form of {plain!r}; write {plain!r})"
    more = " and more" if len(found) > 3 else ""
    return f"an id in plain characters (it holds {'; '.join(found[:3])}{more}; write {plain!r})"


def id_problem(text: str) -> str | None:
    """Why an id is refused for how it reads, or None: characters nobody sees (:func:`hidden_characters`), else
    characters Unicode writes another way (:func:`compatibility_forms`: full-width letters, a letter in two parts),
    else letters of scripts that look alike mixed in it (:func:`mixed_scripts`)."""
    if text.isascii() and text.isprintable():  # none of the three can hold: a file's ids are mostly such (fast path)
        return None
    return hidden_characters(text) or compatibility_forms(text) or mixed_scripts(text)


def latin_lookalike(text: str) -> str:
    """``text`` with each Cyrillic or Greek letter that looks Latin (:data:`_LOOKALIKES`) written as that Latin
    letter, then as :func:`same_id` (``loose=False``) reads it: two ids equal in this form look the same.

    Examples
    --------
    >>> latin_lookalike("\u04201") == latin_lookalike("P1"), latin_lookalike("\u041f1") == latin_lookalike("P1")
    (True, False)
    """
    return same_id("".join(_LOOKALIKES.get(ch, ch) for ch in text), loose=False)


def lookalike_names(text: str) -> str:
    """The letters of ``text`` that look Latin but are not, named ("U+0420 CYRILLIC CAPITAL LETTER ER at character
    1, which looks like the Latin 'P'"), or ``""``."""
    found = [(i, ch) for i, ch in enumerate(text, 1) if ch in _LOOKALIKES]
    named = [f"{_char_name(ch)} at character {i}, which looks like the Latin {_LOOKALIKES[ch]!r}" for i, ch in found[:3]]
    return "; ".join(named) + (" and more" if len(found) > 3 else "")


_SCIENTIFIC = re.compile(r"[0-9]+(?:\.[0-9]+)?[eE][+]?[0-9]{1,3}")


def scientific_whole(text: str) -> str | None:
    """The whole number a number written in scientific notation stands for, as its digits ("3.02E+02" -> "302"),
    or None (not such a number, or not a whole one).  A spreadsheet shows a number so when its column is not
    formatted as text, and saves it so in a CSV.

    Examples
    --------
    >>> scientific_whole("3.02E+02"), scientific_whole("1.00E+03"), scientific_whole("3.025E+02"), scientific_whole("P1")
    ('302', '1000', None, None)
    """
    if not _SCIENTIFIC.fullmatch(text.strip()):
        return None
    from decimal import Decimal

    value = Decimal(text.strip())
    return str(int(value)) if value == value.to_integral_value() else None


#: A number as a spreadsheet shows it in scientific notation, one digit before the point and a signed exponent of two
#: or three digits (``1.23457E+12``): Excel shows so a number too long for its cell in a column formatted as General,
#: with at most six significant digits, and a CSV file saved from the sheet holds what it shows.
_SHOWN_SCIENTIFIC = re.compile(r"-?([0-9])(?:\.([0-9]{1,14}))?[eE]([+-])([0-9]{2,3})")


def shown_scientific(text: str) -> tuple[int, int] | None:
    """A number in the scientific notation a spreadsheet shows a long number in (``1.23457E+12``), as ``(shown,
    digits)``: the significant digits written and the digits of its whole part (0 for a number below 1); else None.

    Examples
    --------
    >>> shown_scientific("1.23457E+12"), shown_scientific("3.02E+02"), shown_scientific("1.5E-05")
    ((6, 13), (3, 3), (2, 0))
    >>> shown_scientific("1e1"), shown_scientific("P1E+05") is None
    (None, True)
    """
    m = _SHOWN_SCIENTIFIC.fullmatch(text.strip())
    if m is None:
        return None
    shown = 1 + len(m[2] or "")
    return shown, (int(m[4]) + 1 if m[3] == "+" else 0)


def shown_scientific_id(text: str) -> str | None:
    """Why an id written as a spreadsheet shows a long number (``1.23457E+12``) is not read, or None: its digits past
    those shown are lost (a CSV file saved from the sheet holds what it shows).  One whose digits are all shown
    (``3.02E+02``) is None: it is told as the id it stands for, written otherwise.

    Examples
    --------
    >>> shown_scientific_id("1.23457E+12")
    "an id written in full ('1.23457E+12' is a 13-digit number as a spreadsheet shows one in a column not formatted as text, to 6 significant digits, and a CSV file saved from the sheet holds only those: the id's last 7 digits are lost - format the column as text and enter the ids again, or copy them from their source)"
    >>> shown_scientific_id("3.02E+02") is None, shown_scientific_id("P12") is None
    (True, True)
    """
    found = shown_scientific(text)
    if found is None or found[1] <= found[0]:
        return None
    shown, digits = found
    lost = "last digit is" if digits - shown == 1 else f"last {digits - shown} digits are"
    return (f"an id written in full ({text!r} is a {digits}-digit number as a spreadsheet shows one in a column not "
            f"formatted as text, to {shown} significant digits, and a CSV file saved from the sheet holds only those: "
            f"the id's {lost} lost - format the column as text and enter the ids again, or copy them from their "
            "source)")


def shown_scientific_number(text: str, value: float) -> str | None:
    """Why a number read from a cell a spreadsheet showed in scientific notation (``1.23457E+12``) may not be the one
    typed, or None: the spreadsheet shows at most six significant digits so, and a CSV file saved from the sheet holds
    the number rounded to them.

    Examples
    --------
    >>> shown_scientific_number("1.23457E+12", 1.23457e12)
    "a number written out in digits ('1.23457E+12' is how a spreadsheet shows a number too long for its cell, to 6 significant digits, and a CSV file saved from the sheet holds it rounded so: read as 1,234,570,000,000, its digits past the 6th perhaps lost - format the column as a number showing every digit, and save the file again)"
    >>> shown_scientific_number("1234570000000", 1.23457e12) is None
    True
    """
    found = shown_scientific(text)
    if found is None:
        return None
    shown = found[0]
    read = f"{value:,.0f}" if abs(value) >= 1 and float(value).is_integer() else f"{value!r}"
    return (f"a number written out in digits ({text!r} is how a spreadsheet shows a number too long for its cell, to "
            f"{shown} significant digit{'s' if shown > 1 else ''}, and a CSV file saved from the sheet holds it rounded "
            f"so: read as {read}, its digits past the {_ordinal(shown)} perhaps lost - format the column as a number "
            "showing every digit, and save the file again)")


def _ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th... 11th, 12th, 13th, 21st."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def spelt_two_ways(names: Iterable[tuple[str, str]], *, plural: str) -> list[tuple[str, str, str]]:
    """Each name written otherwise than an earlier one a reader takes for the same name (case, runs of spaces and
    the form of its letters aside, :func:`same_id` ``loose=False``: 'ann' and 'Ann', 'José' with its accent
    as one letter or two), as ``(name, where, expected)``; ``names`` are ``(name, where)`` in the order given, where
    the place a message names ("on row 2", "in b.csv"), ``plural`` what the names are ("coders").

    Examples
    --------
    >>> spelt_two_ways([("ann", "on row 2"), ("bob", "on row 3"), ("Ann ", "on row 4"), ("Ann ", "on row 5")],
    ...                plural="coders")
    [('Ann ', 'on row 4', "the name written as on row 2 ('ann'): names that differ only in case, spacing or the form of their letters are one, here counted as two coders; write it one way")]
    """
    first: dict[str, tuple[str, str]] = {}
    told: set[str] = set()
    out = []
    for name, where in names:
        earlier, at = first.setdefault(same_id(name, loose=False), (name, where))
        if name != earlier and name not in told:
            told.add(name)
            seen = (f" - {ascii(name)} and {ascii(earlier)}, the same letters written otherwise"
                    if unicodedata.normalize("NFC", name) == unicodedata.normalize("NFC", earlier) else "")
            out.append((name, where, f"the name written as {at} ({earlier!r}{seen}): names that differ only in "
                                     f"case, spacing or the form of their letters are one, here counted as two "
                                     f"{plural}; write it one way"))
    return out


def how_same(text: str, other: str) -> str:
    """How ``text`` and ``other``, the same by :func:`same_id` (``loose=False``), differ: in case or spacing alone,
    or in how its characters are written (a full-width letter, an accent as a character of its own, a hidden one).

    Examples
    --------
    >>> how_same("Torbay", "TORBAY ")
    'the same but for case or spacing'
    >>> how_same("Torbay", "\uff34orbay")
    "the same but for how its characters are written: '\uff34orbay' holds U+FF34 FULLWIDTH LATIN CAPITAL LETTER T at character 1"
    """
    if " ".join(text.split()).casefold() == " ".join(other.split()).casefold():
        return "the same but for case or spacing"
    for word in (other, text):
        odd = next(((i, ch) for i, ch in enumerate(word) if _is_hidden(ch)
                    or unicodedata.normalize("NFKC", ch) != ch or unicodedata.combining(ch)), None)
        if odd is not None:
            return (f"the same but for how its characters are written: {word!r} holds {_char_name(odd[1])} at "
                    f"character {odd[0] + 1}")
    return "the same but for how its characters are written"


def same_id(text: str, *, loose: bool = True) -> str:
    """The form of an id two people would read as the same id: hidden characters (see :func:`hidden_characters`)
    left out, compatibility forms folded (full-width digits), case and runs of spaces ignored; ``loose``, also
    '_', '-' and '.', the leading zeros of a number, a trailing '.0' (``301.0``, as a spreadsheet may save 301) and
    scientific notation (``3.01E+02``, as a spreadsheet shows 301):
    a name someone may have meant, not one that looks the same.

    Examples
    --------
    >>> same_id("0301") == same_id("301"), same_id("301.0") == same_id("301"), same_id("Early Impact") == same_id("early_impact")
    (True, True, True)
    >>> same_id("3.01E+02") == same_id("301")
    True
    >>> same_id("P\u202e2") == same_id("P2"), same_id("P12") == same_id("P21")
    (True, False)
    >>> same_id("p1 ", loose=False) == same_id("P1", loose=False), same_id("P-1", loose=False) == same_id("P_1", loose=False)
    (True, False)
    """
    if text.isascii() and text.isprintable():  # no hidden character, and NFKC leaves ASCII as it is
        plain = text.casefold()
    else:
        plain = unicodedata.normalize("NFKC", "".join(ch for ch in text if not _is_hidden(ch))).casefold()
    if not loose:
        return " ".join(plain.split())
    plain = plain.removeprefix("'")
    if "e" in plain:  # "3.02E+02": 302 as a spreadsheet shows a number
        plain = scientific_whole(plain) or plain
    plain = re.sub(r"[\s_.-]+", "_", re.sub(r"^([0-9]+)\.0+$", r"\1", plain)).strip("_")
    return plain.lstrip("0") or plain if plain.isdigit() else plain


def close_matches(value: str, choices: Iterable[str], *, n: int = 3, cutoff: float = 0.6) -> tuple[list[str], str]:
    """The allowed values ``value`` is close to (at most ``n``, best first), and what makes them look alike.

    The same id written another way (:func:`same_id`: case, spacing, '_', '-', leading zeros) first; else one
    that looks the same once Cyrillic and Greek letters are read as the Latin ones they look like (the second
    item then names those letters, else it is ``""``); else a value that starts with it or it starts with
    (``Early`` for ``early_impact``, ``--min`` for ``--min-count``); else the closest by
    :func:`difflib.get_close_matches` (similarity at least ``cutoff``).  The one matcher of every did-you-mean: vocabularies, study.yaml keys,
    codes, and the options of the command line.

    Examples
    --------
    >>> close_matches("--min", ["--min-count", "--out", "--seed"])
    (['--min-count'], '')
    >>> close_matches("\u04201", ["P1", "P2"])
    (['P1'], "U+0420 CYRILLIC CAPITAL LETTER ER at character 1, which looks like the Latin 'P'")
    """
    by_form: dict[str, list[str]] = {}
    for c in dict.fromkeys(str(c) for c in choices):
        if c != value:
            by_form.setdefault(same_id(c), []).append(c)
    form = same_id(value)
    found = by_form.get(form, [])
    if not found:  # "\u04201" (a Cyrillic Er) for "P1", or the other way round
        folded = latin_lookalike(value)
        found = [c for cs in by_form.values() for c in cs if latin_lookalike(c) == folded]
        if found:
            return found[:n], lookalike_names(value) or lookalike_names(found[0])
    # two letters side by side typed the other way round ('tsets' for 'tests'), before a name it starts with: the
    # whole name slipped ('unit_yb_time' is unit_by_time, not unit, newuser15)
    if not found and len(form) >= 3:
        found = [c for f, cs in by_form.items() if _swapped(form, f) for c in cs]
    if not found and len(form) >= 3:
        found = [c for f, cs in by_form.items() if f.startswith(form) or (len(f) >= 3 and form.startswith(f)) for c in cs]
    if not found:  # 'RI' for requires_improvement, 'Req. improvement' too
        found = [c for cs in by_form.values() for c in cs if _abbreviates(value, c)]
    if not found and form:
        found = [c for f in difflib.get_close_matches(form, list(by_form), n=n, cutoff=cutoff) for c in by_form[f]]
    # a byte-order mark or zero-width space pasted in ('\ufeffaccept'): the value looks like the one it is close to,
    # and "did you mean 'accept'?" alone names no difference a reader can see
    held = hidden_names(value, formats_only=True) if found else None
    return found[:n], f"{held}, which no one sees" if held else ""


def _swapped(a: str, b: str) -> bool:
    """Whether ``a`` is ``b`` with two letters side by side the other way round, the commonest slip of the keyboard,
    which difflib's likeness misses in a short word ('tsets' for 'tests': 0.6, at the cut-off).

    >>> _swapped("tsets", "tests"), _swapped("tests", "tests"), _swapped("tset", "tests")
    (True, False, False)
    """
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def _by_word(value: str, names: Iterable[str]) -> list[str]:
    """The ``names`` one of whose words ``value`` is, or is a slip of (``'kapa'``: cohen_kappa, fleiss_kappa;
    ``'alpha'``: krippendorff_alpha): a name said by its last word is no misspelling of the whole, which
    :func:`close_matches` looks for.

    >>> _by_word("kapa", ["percent_agreement", "cohen_kappa", "fleiss_kappa"]), _by_word("tau", ["cohen_kappa"])
    (['cohen_kappa', 'fleiss_kappa'], [])
    """
    form = value.strip().casefold()
    return [n for n in names if form and difflib.get_close_matches(form, n.casefold().split("_"), n=1, cutoff=0.75)]


_ID_WORDS = re.compile(r"[^\W_]+")


def _abbreviates(value: str, choice: str) -> bool:
    """Whether ``value`` abbreviates an id of two words or more: their initials ('RI', 'R.I.' for
    requires_improvement, 'NtI' for notice_to_improve), or the start of each of its words in turn ('Req.
    improvement').

    >>> _abbreviates("RI", "requires_improvement"), _abbreviates("req imp", "requires_improvement")
    (True, True)
    >>> _abbreviates("R", "requires_improvement"), _abbreviates("good", "requires_improvement")
    (False, False)
    """
    words = [w.casefold() for w in _ID_WORDS.findall(choice)]
    said = [w.casefold() for w in _ID_WORDS.findall(value)]
    if len(words) < 2 or not said:
        return False
    if len(said) == len(words):
        return all(w.startswith(s) for s, w in zip(said, words))
    return "".join(said) == "".join(w[0] for w in words)


def did_you_mean(value: str, choices: Iterable[str], *, words: bool = False) -> str:
    """A hint naming the allowed values ``value`` is close to (``" (did you mean 'early'?)"``), or ``""``
    (see :func:`close_matches`): the one did-you-mean of every "unknown X" message (an argument's councils, waves,
    codes or columns, a vocabulary, a key of study.yaml, a formula's columns, an option's values).

    ``words``: where none is close, the values one of whose words ``value`` is, or is a slip of (``'kapa'`` for
    cohen_kappa and fleiss_kappa), for names people say by one word (agreement's metrics).

    Examples
    --------
    >>> did_you_mean("Early", ["expectations", "early_impact", "longer_term"])
    " (did you mean 'early_impact'?)"
    >>> did_you_mean("longterm", ["expectations", "early", "longer_term"])
    " (did you mean 'longer_term'?)"
    >>> did_you_mean("xyz", ["expectations", "early"])
    ''
    >>> did_you_mean("kapa", ["percent_agreement", "cohen_kappa", "fleiss_kappa"], words=True)
    " (did you mean 'cohen_kappa' or 'fleiss_kappa'?)"
    """
    choices = list(choices)
    found, held = close_matches(value, choices)
    if not found:
        found = _by_word(value, choices)[:3] if words else []
        return f" (did you mean {' or '.join(map(repr, found))}?)" if found else ""
    shown = " or ".join(repr(c) for c in found)
    if held:
        return f" (did you mean {shown}? one of the two holds {held})"
    if (plain := plain_form(value)) is not None:
        return f" (did you mean {shown}? {value!r} {plain})"
    return f" (did you mean {shown}?)"


def unknown_told(given: Iterable[object], choices: Iterable[str]) -> str:
    """``": 'Lifted' (did you mean 'lifted'?)"``: each text of ``given`` that is none of ``choices`` but close to one
    (:func:`did_you_mean`), to end a message refusing a list or mapping of names (newuser15: ``intervention_paths=
    {'Lifted': 1.0}`` and ``survey_waves=['Early']`` were told the names allowed, not the one meant); ``""`` where
    none is close.

    >>> unknown_told(["never", "Lifted", "sometimes"], ["never", "lifted", "entered"])
    ": 'Lifted' (did you mean 'lifted'?)"
    """
    choices = [str(c) for c in choices]
    told = [f"{g!r}{hint}" for g in dict.fromkeys(given) if isinstance(g, str) and g not in choices
            and (hint := did_you_mean(g, choices))]
    return f": {', '.join(told)}" if told else ""


def not_one_of(argument: str, value: object, allowed: Iterable[object], *, hint: str = "") -> str:
    """The message refusing ``value`` for ``argument``, which takes one of ``allowed``: what is allowed, what was
    passed and the allowed values it is close to (:func:`did_you_mean`), in seaborn's words; ``hint``, where given,
    said in place of that (a number given for an id: :func:`impact._joins.place_hint`).

    >>> not_one_of("table", "council", ["councils", "interviews"])
    "The value for `table` must be one of ['councils', 'interviews'], but 'council' was passed (did you mean 'councils'?)."
    """
    allowed = list(allowed)
    if not hint and isinstance(value, str):
        hint = did_you_mean(value, [str(a) for a in allowed if a is not None])
    return f"The value for `{argument}` must be one of {allowed}, but {value!r} was passed{hint}."


#: What a text given for a truth value reads as, where it plainly says one (a spreadsheet's or YAML's words).
_TRUTH_WORDS = {**dict.fromkeys(("yes", "y", "true", "t", "on", "1"), True),
                **dict.fromkeys(("no", "n", "false", "f", "off", "0", "none", ""), False)}


def true_or_false(argument: str, value: object) -> bool:
    """``value`` of the option ``argument`` as True or False, refused unless it is one (a numpy bool is one): the one
    check of every option of the public API that is switched on or off (``include_former``, ``validate``,
    ``overwrite``...). Python reads any text but ``""`` as true, so ``include_former="no"`` switched it on, and
    ``"yes"``, ``1`` or ``None`` were taken without a word (newuser12).

    >>> true_or_false("include_former", True)
    True
    >>> true_or_false("include_former", "no")
    Traceback (most recent call last):
    ...
    TypeError: The value for `include_former` must be True or False, but 'no' (str) was passed: Python reads any text but '' as true, 'no' too; write include_former=False.
    >>> true_or_false("pairwise", 1)
    Traceback (most recent call last):
    ...
    TypeError: The value for `pairwise` must be True or False, but 1 (int) was passed; write pairwise=True.
    """
    if isinstance(value, bool):
        return value
    import numpy as np

    if isinstance(value, np.bool_):  # numpy.True_, from a column's any()
        return bool(value)
    meant = _TRUTH_WORDS.get(str(value).strip().casefold()) if isinstance(value, (str, int, float)) else None
    why = ("" if not isinstance(value, str) or not value.strip() else
           f": Python reads any text but '' as true, {value!r} too")
    write = f"; write {argument}={meant}" if meant is not None else ""
    raise TypeError(f"The value for `{argument}` must be True or False, but {value!r} ({type(value).__name__}) was "
                    f"passed{why}{write}.")


def plain_form(text: str) -> str | None:
    """What makes ``text`` differ from its plain form (NFKC), as said after the text: full-width letters or digits, as
    an East Asian keyboard types them, half-width ones, or other forms Unicode writes another way (a ligature, a
    superscript, a letter in two parts), named with the first of them and the plain form to write; None where
    ``text`` is plain.

    Examples
    --------
    >>> plain_form("\uff41ccept")
    "is written in full-width characters (U+FF41 FULLWIDTH LATIN SMALL LETTER A at character 1), as an East Asian keyboard types them: its plain form (NFKC) is 'accept'; write that"
    >>> plain_form("accept") is None
    True
    """
    plain = unicodedata.normalize("NFKC", text)
    if plain == text:
        return None
    odd = [(i, ch) for i, ch in enumerate(text, 1) if unicodedata.normalize("NFKC", ch) != ch]
    kinds = {unicodedata.decomposition(ch).split(" ", 1)[0] for _, ch in odd}
    said = ("full-width characters" if kinds == {"<wide>"} else "half-width characters" if kinds == {"<narrow>"}
            else "characters Unicode also writes another way (a ligature, a superscript, a letter in two parts)")
    named = (f"{_char_name(odd[0][1])} at character {odd[0][0]}" + (f" and {len(odd) - 1} more" if len(odd) > 1 else "")
             if odd else "a letter and its accent as two characters")
    typed = ", as an East Asian keyboard types them" if kinds <= {"<wide>", "<narrow>"} and odd else ""
    return f"is written in {said} ({named}){typed}: its plain form (NFKC) is {plain!r}; write that"


@dataclass(frozen=True)
class Column:
    """One column of a study table."""

    name: str
    type: str
    required: bool
    description: str
    vocabulary: str | None = None  # name of a vocabulary (see ``Study.vocabularies``)
    references: tuple[str, str] | None = None  # (table, column) it must exist in
    pattern: str | None = None  # regular expression the text must match (ASCII classes)
    low: float | None = None  # smallest number allowed
    high: float | None = None  # largest number allowed
    unique: bool = False  # each value once (case and spacing ignored): an error for an id, a warning for text
    max_length: int | None = None  # most characters a text may have (:func:`too_long`)


@dataclass(frozen=True)
class Table:
    """One CSV table of a study folder."""

    name: str
    filename: str
    description: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = field(default=())  # columns whose combination is unique
    optional: bool = False  # the file may be absent (then the table is empty)

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)


C = Column

TABLES: dict[str, Table] = {
    "councils": Table(
        "councils",
        "councils.csv",
        "One row per council in the study.",
        (
            C("council_id", "id", True, "DfE three-digit local authority number, as text (e.g. `301`).", pattern=r"[0-9]{3}"),
            C("name", "text", True, "Council name.", unique=True, max_length=LABEL_MAX),
            C("ons_code", "id", False, "ONS local authority code (E06/E08/E09/E10...).", pattern=r"[EW][0-9]{8}",
              unique=True),
            C("council_type", "id", True, "Type of council.", vocabulary="council_types"),
            C("region", "id", True, "DfE region name.", vocabulary="regions"),
        ),
        key=("council_id",),
    ),
    "status_history": Table(
        "status_history",
        "status_history.csv",
        "Intervention status over time: one row per period during which a status held.",
        (
            C("council_id", "id", True, "Council.", references=("councils", "council_id")),
            C("kind", "id", True, "What kind of status.", vocabulary="status_kinds"),
            C("status", "id", True, "The status; allowed values depend on `kind`.", vocabulary="statuses"),
            C("start_date", "date", True, "First day the status held (judgement published, notice issued)."),
            C("end_date", "date", False, "Last day it held; blank while still in force."),
            C("source", "text", False, "Where the fact comes from (report, letter, URL)."),
        ),
        key=("council_id", "kind", "start_date"),
    ),
    "reviews": Table(
        "reviews",
        "reviews.csv",
        "The peer review each council received (one per council in a study).",
        (
            C("council_id", "id", True, "Council reviewed.", references=("councils", "council_id")),
            C("start_date", "date", True, "First on-site day."),
            C("end_date", "date", True, "Last on-site day."),
            C("themes", "list", True, "Themes reviewed: the five core themes plus any optional ones.", vocabulary="themes"),
            C("team_roles", "list", True, "Roles present in the review team.", vocabulary="team_roles"),
            C("n_recommendations", "int", False, "Number of recommendations in the written feedback.", low=0, high=1000),
        ),
        key=("council_id",),
    ),
    "participants": Table(
        "participants",
        "participants.csv",
        "Interviewees, under pseudonymous ids.",
        (
            C("participant_id", "id", True, "Pseudonymous participant id."),
            C("council_id", "id", True, "Council the participant works in or with.", references=("councils", "council_id")),
            C("role", "id", True, "Role.", vocabulary="roles"),
            C("organisation_type", "id", True, "Employing organisation.", vocabulary="organisation_types"),
            C("name", "text", False, "Real name, used only to redact it from quotes; never published."),
        ),
        key=("participant_id",),
    ),
    "interviews": Table(
        "interviews",
        "interviews.csv",
        "One row per interview; the transcript is a file under `transcripts/`.",
        (
            C("interview_id", "id", True, "Interview id."),
            C("participant_id", "id", True, "Who was interviewed.", references=("participants", "participant_id")),
            C("council_id", "id", True, "Council (must be the participant's).", references=("councils", "council_id")),
            C("wave", "id", False, "Wave id from `study.yaml`; blank to derive it from the date.", vocabulary="waves"),
            C("date", "date", True, "Interview date."),
            C("mode", "id", True, "How the interview was held.", vocabulary="interview_modes"),
            C("transcript", "text", True, "Path of the transcript under `transcripts/` (.txt, .docx, or .vtt or .srt subtitles)."),
        ),
        key=("interview_id",),
    ),
    "survey_responses": Table(
        "survey_responses",
        "survey_responses.csv",
        "The off-site staff and partner survey, long: one row per respondent x wave x item.",
        (
            C("council_id", "id", True, "Council.", references=("councils", "council_id")),
            C("respondent_id", "id", True, "Pseudonymous respondent id."),
            C("respondent_group", "id", True, "Staff or partner.", vocabulary="respondent_groups"),
            C("wave", "id", True, "Wave the survey was answered at.", vocabulary="waves"),
            C("item", "id", True, "Item id, defined under `survey.items` in `study.yaml`.", vocabulary="survey_items"),
            C("value", "int", False, "Likert answer on the item's scale; blank for no answer.", low=-MAX_SCALE, high=MAX_SCALE),
        ),
        key=("respondent_id", "wave", "item"),
        optional=True,
    ),
    "actions": Table(
        "actions",
        "actions.csv",
        "Review recommendations turned into actions.",
        (
            C("action_id", "id", True, "Action id."),
            C("council_id", "id", True, "Council.", references=("councils", "council_id")),
            C("theme", "id", True, "Review theme the action answers.", vocabulary="themes"),
            C("owner_role", "id", True, "Role that owns the action.", vocabulary="roles"),
            C("description", "text", False, "What is to be done."),
        ),
        key=("action_id",),
        optional=True,
    ),
    "action_progress": Table(
        "action_progress",
        "action_progress.csv",
        "Status of each action at each wave.",
        (
            C("action_id", "id", True, "Action.", references=("actions", "action_id")),
            C("wave", "id", True, "Wave.", vocabulary="waves"),
            C("status", "id", True, "Progress.", vocabulary="action_statuses"),
        ),
        key=("action_id", "wave"),
        optional=True,
    ),
    "indicators": Table(
        "indicators",
        "indicators.csv",
        "Outcome indicators, long (e.g. from DfE statistics).",
        (
            C("council_id", "id", True, "Council.", references=("councils", "council_id")),
            C("period", "date", True, "Last day of the period the value describes (DfE 2013 = 2013-03-31)."),
            C("measure", "id", True, "Measure id: letters, digits, `_`, `-` and `.` (it names files).",
              pattern=r"[A-Za-z0-9][A-Za-z0-9_.-]{0,99}"),
            C("value", "float", False, "Value (a finite number); blank when suppressed or missing.", low=-1e15, high=1e15),
            C("flag", "id", False, "Why the value is missing: a DfE suppression letter (c, x, u, z, low, ...)."),
        ),
        key=("council_id", "period", "measure"),
        optional=True,
    ),
}

OPTIONAL_TABLES = [name for name, t in TABLES.items() if t.optional]


def table(name: str) -> Table:
    """Return the :class:`Table` called ``name``; raise a clear error if unknown."""
    try:
        return TABLES[name]
    except KeyError:
        raise ValueError(
            not_one_of("table", name, sorted(TABLES))
        ) from None


#: Fixed vocabularies by name; ``waves``, ``statuses`` and ``survey_items`` come
#: from the study itself.
BASE_VOCABULARIES: dict[str, dict[str, str]] = {
    "council_types": vocab.COUNCIL_TYPES,
    "regions": vocab.REGIONS,
    "status_kinds": vocab.STATUS_KINDS,
    "themes": vocab.THEMES,
    "team_roles": vocab.TEAM_ROLES,
    "roles": vocab.ROLES,
    "organisation_types": vocab.ORGANISATION_TYPES,
    "interview_modes": vocab.INTERVIEW_MODES,
    "action_statuses": vocab.ACTION_STATUSES,
    "respondent_groups": vocab.RESPONDENT_GROUPS,
}
#: Vocabularies a study may extend in ``study.yaml``.
EXTENSIBLE = ("roles", "organisation_types", "interview_modes")


def format_reference() -> str:
    """The study folder format as Markdown (the body of ``docs/study-format.md``).

    A test keeps the committed document equal to this text, so the reference
    can never drift from the validator.
    """
    lines = [
        "# The study folder format",
        "",
        "A study is a folder that Excel and a text editor can edit: `study.yaml`, the",
        "CSV tables below (UTF-8, comma-separated, a header row) or the sheets of an Excel",
        "workbook holding them (see [Tables in an Excel workbook](#tables-in-an-excel-workbook)), and `transcripts/`.",
        "`impact validate PATH` checks every rule here and lists every problem as",
        "`file:row:column: value - expected ...` (row 1 is the header, as in a spreadsheet).",
        "File names are exact, lower case: a table saved under another name (`Councils.csv`,",
        "`action-progress.csv`, `actions (2).csv`, `councils.csv.txt`, `survey.csv`, `councils.csv.`,",
        "whose last dot Windows takes off) is named with the",
        "name to give it (an error for a required table; for an optional one a warning, the study read",
        "without it), and any other file saved as a table (`.csv`, `.txt`, `.xlsx` ...) that the study",
        "does not read is a warning naming it: a copy of a table beside the one read, or a file of your",
        "own (it may stay). impact's own files (a generated study's truth, a codebook) are not told.",
        "A file of any kind in the study folder named so that Windows cannot make it (a device's name,",
        "`NUL.csv`, `con.txt`, `Aux.pdf`, in any case and with any extension, or a name holding",
        "`< > : \" | ? *`) is a warning saying so: a study folder made on Linux or a Mac holding it",
        "cannot be copied to Windows whole; so is a folder so named, at any depth (`aux/`,",
        "`transcripts/301/LPT3/`, `old./`), its path named.",
        "Names that look the same are told: a council's name with a Cyrillic or Greek letter where",
        "another council's name has the Latin one is a warning naming both and the letter (ids that",
        "differ only in case, Unicode form or spaces are errors). A transcript, a table or `transcripts/`",
        "beside another file or folder of the same name but for case, Unicode form, spaces, a letter",
        "drawn like another (Cyrillic, Greek, full-width), a character that shows as nothing (a",
        "zero-width space) or dots and spaces at its end that Windows takes off (`P2-early.txt.`) is an",
        "error at each row naming it, naming the other and the character; so is a transcript path whose",
        "extension only looks like one read (`P2-early.t\\u0445t`, a Cyrillic Ha).",
        "Every file is read once and every reader of it given those bytes (a `.docx` transcript, a",
        "workbook: a file a sync client replaces meanwhile is never checked as one version and read as",
        "another); a file that changes while it is read is an error naming it, and `impact run` stops",
        "without writing anything, naming the file, where a file of the study changed after it was read.",
        "",
        "## study.yaml",
        "",
        "```yaml",
        "name: Longer-term impact study        # required",
        "description: Six councils, 2012-13   # optional",
        "format_version: 1",
        "codebook: nfer_impacts                # bundled codebook name or a path to a YAML codebook",
        "seed: 1                               # optional: seed of a generated study",
        "waves:                                # optional; these are the defaults",
        "  - id: expectations",
        "    label: Expectations before the review",
        "    anchor: review_start              # review_start or review_end (reviews.csv)",
        "    window_days: [-183, 0]            # inclusive window of days from the anchor",
        "  - id: early",
        "    label: Early impact (about 3 months after)",
        "    anchor: review_end",
        "    window_days: [28, 182]",
        "  - id: longer_term",
        "    label: Longer-term change (about 12 months after)",
        "    anchor: review_end",
        "    window_days: [273, 548]",
        "vocabularies:                         # optional extensions: roles, organisation_types, interview_modes",
        "  roles: {virtual_school_head: Virtual school head}",
        "survey:",
        "  items:",
        "    q_confident: {label: I am confident the review will lead to change, scale: [1, 5]}",
        "```",
        "",
        "An interview's wave is the one given in `interviews.csv`; where blank it is",
        "the wave whose window holds the interview date.  A given wave whose window",
        "does not hold the date is an error.  Waves are listed in time order (the first",
        "is the baseline) and their windows may not overlap, for every council's review;",
        "wave ids are letters, digits, `_` and `-`; windows are at most 3650 days either",
        "side of the anchor.  A key given twice, and YAML aliases, are errors.",
        "Two waves, two survey items, or two values of a vocabulary (those added and",
        "those built in) may not share a label, case and spaces aside: a report names",
        "them by their labels.  A value added in a mapping has a label in text",
        "(`teams_call:` alone is no label; list ids alone, `[teams_call]`, to show them as written).",
        "A built-in value given another label (`roles: {dcs: Head of service}`) is a warning: the",
        "report names it so; a built-in value listed alone (`[dcs]`) keeps its built-in label.",
        f"The study's name (the report's title) and a survey question are at most {TITLE_MAX} characters, a",
        f"wave's or a vocabulary value's label at most {LABEL_MAX} (a council's name and a code's label too):",
        "a longer one is text pasted in by mistake, and is an error.",
        "",
        "`codebook` is a bundled codebook name or a `.yaml` file inside the study folder;",
        "`impact validate` checks that it loads.  Every file a study names (`study.yaml`,",
        "the tables, `transcripts/` and each transcript, a codebook file) must resolve",
        "inside the study folder: a link out of it is refused and not read.",
        "",
        "## Tables",
        "",
        "Types: `id` text key compared exactly (leading zeros kept); `text`; `date`",
        "as `YYYY-MM-DD` (`DD/MM/YYYY` as UK Excel writes it, and a midnight time such as `00:00:00`",
        "after either, are accepted on reading),",
        "from 1990-01-01 to two years from today; `int`; `float`, finite (`inf`, `nan`",
        "and `1e999` are errors), in ASCII digits (no `_`); `list` several ids separated by `;`.",
        "Dates and numbers are in ASCII digits; a date that does not exist (`2011-02-29`) is an error.",
        "A day or month of one digit (`2011-3-1`, `1/3/2011`) is read as the padded one, in every date",
        "column (and in the Ofsted inspection file `impact.official.read_ofsted` reads).",
        "A file that also holds a date written month first (`05/13/2011`, as US spreadsheets write",
        "it) has its other `DD/MM/YYYY` dates refused as ambiguous (`05/09/2011` may be 9 May); so does",
        "a file holding such a date with a time (`5/13/2011 0:00`) or hyphens (`05-13-2011`).",
        "A date written as settings of other countries write it is an error naming the date meant:",
        "year first (`2011/03/01`, `2011. 3. 1.`, `2011年3月1日`, `2011년 3월 1일`, in ASCII or",
        "full-width digits); day first with dots (`01.03.2011`); and with hyphens or spaces",
        "(`01-03-2011`), which may be either way round, naming both dates, never one guessed.",
        "A date and time with a time zone (`2011-08-14T23:00:00.000Z`, as a SharePoint list or a web",
        "form exports a date typed in the UK: its midnight there, in UTC) is an error naming the date",
        "typed (2011-08-15: British Summer Time is an hour ahead of UTC; the UK's clocks of the day, from",
        "the time zone database: until 1995 summer time ended on October's fourth Sunday, not its last).",
        "A date of the Japanese calendar (`平成23年3月1日`, `H23.3.1`, `令和6年3月5日`) or of the Republic",
        "of China's (`民國100年3月1日`) is an error naming the Gregorian date meant (impact converts none);",
        "so is a month named (`1st March 2011`, `01-Mar-2011`, `Mar 1 2011`), a cell of two dates",
        "(`2011-03-01 to 2011-03-31`) and a length of time where a date is expected (`PT974472H00M00S`, as",
        "an `.ods` saves a date cell formatted as a time: the date it holds named).",
        "The Python API's date arguments (`Study.status_at`, `first_event`'s `after`, the dates of data",
        "frames given to `judgement_at`, `event_time` and the others) read a date by the same rule, and",
        "say the same of one they do not read; one that reads two ways is refused there, no file",
        "telling its order.",
        "A number may have thousands separators (`1,234.5`, and `1,000` in a whole-number",
        "column); a decimal comma (`12,5`) is an error, and so is `12,500` in a column of",
        "decimals, which could be either, and `3.000` in a whole-number column (3000 with points between",
        "thousands, as most of Europe writes it, or 3); a whole number in scientific notation (`1e1`, as a",
        "spreadsheet shows a long number) is an error. So is an id as a spreadsheet shows a long",
        "number in a column not formatted as text (`1.23457E+12`: six digits shown, the others lost",
        "in the CSV file saved from it); such a number in a column of decimals is read, with a warning",
        "that it was rounded so. A decimal comma not in quotes (`1.234,5` in a comma-separated file)",
        "splits its cell in two: the row is one error, naming the column and the number. A file",
        "that is a Windows shortcut (`.lnk`), in a table's place or beside its missing file",
        "(`councils.csv.lnk`, which Windows shows as `councils.csv`), is named as a shortcut to",
        "the path it points to: copy that file in. A first column name starting `ï»¿` (a UTF-8",
        "file's byte-order mark read as Windows-1252 text and saved again) is an error naming it. A",
        "cell holds at most 32,767 characters (as in",
        "Excel); columns with neither a name nor a value (the `,,,` a spreadsheet leaves",
        "at the right) are ignored. Tables are UTF-8 (with or without a byte-order mark)",
        "or UTF-16 with a byte-order mark; other bytes are read as Windows-1252 with a warning.",
        "UTF-16 or UTF-32 without its byte-order mark, behind a UTF-8 mark, or behind a mark of",
        "the other byte order (two marks of two encodings: a program added one to bytes it did",
        "not decode), and UTF-8 behind a UTF-16 mark are errors saying which, and how to save the",
        "file as UTF-8: they are not read by a guess. That holds for UTF-16 without a mark and",
        "without a NUL byte too (Chinese, Japanese or Korean text with no space or line end; Cyrillic",
        "or Greek text with none): read so it is text of one script, and read as Windows-1252 it",
        "would hold control characters or mostly accented bytes. Text both readings fit (a short",
        "word such as `Camdén`) is read as Windows-1252, the warning naming the other reading.",
        "The same holds for study.yaml, transcripts,",
        "codebooks and coded files; a pseudonym key file in UTF-16 with its mark (PowerShell's",
        "`echo KEY > FILE`) is read. UTF-8 text holding a stray NUL byte (a bad export) or ending",
        "in a run of them (a copy cut short and padded) is an error saying where the first is (byte,",
        "line, character) and how to take them out; UTF-16 ending in half a character is said to be",
        "cut short. A file that changes while it is read (a program still writing it) is refused,",
        "not read as far as it had got; one that cannot be read (locked by the program that has it",
        "open, as Excel and Word lock files on Windows; moved or deleted after it was found) is a",
        "problem of that file, saying so, among the study's other problems. A name or label shown on one line (a council's name, a",
        "vocabulary value's label) may not hold a line break of any kind: Unicode's LINE SEPARATOR,",
        "PARAGRAPH SEPARATOR and NEXT LINE (U+2028, U+2029, U+0085) count, as a word processor",
        "breaks a line at them. `Study.save` refuses a transcript path that leads out of",
        "`transcripts/` on any system (`..\\x.txt` does on Windows), is absolute or names no file,",
        "listing every one before anything is written.",
        "An end-of-file mark (Ctrl-Z) after the last line, as old DOS programs write, is no row.",
        "A spreadsheet's summary row is an error of one line, telling you to delete it: a council cell (or, in",
        '`councils.csv`, a name beside no council number) reading "Total", "Average", "England", a region or the ONS code of',
        'one, and a table\'s own id opening with "Total", "Average", "Mean" or "Sum" ("Total (10 councils)", "Total: 125" in',
        "`interview_id`); impact totals and compares the councils itself.",
        "Patterns use ASCII digits only (full-width or Arabic-Indic digits are errors).",
        "",
        "### Tables in an Excel workbook",
        "",
        "A table may be a sheet of an Excel workbook instead of its CSV file: `study.xlsx`, a",
        "sheet per table named as the table (`councils`, `status_history`, ...; case, spaces at the",
        "ends, and spaces or hyphens for `_` aside: `Status history` is `status_history`), or a",
        "table's own workbook named as the table (`councils.xlsx`), read from its sheet of that",
        "name or else its one sheet holding data. Tables may be split between CSV files and",
        "workbooks, but a table given twice (`councils.csv` and a `councils` sheet, two sheets",
        "for one table) is an error: which of them holds it is not known. A sheet of `study.xlsx`",
        "named as no table is not read, with a warning. Every rule of a CSV file holds for a",
        "sheet, and its problems are named by workbook and sheet, Excel's row number and the",
        "column's letter with its header: `study.xlsx (sheet 'councils'):5:C (ons_code)`.",
        "",
        "A cell is read as its saved value, as a CSV file saved from the sheet would hold it: a",
        "date formatted as a date as `YYYY-MM-DD` (with its time, if it has one: an error in a",
        "date column), in any date format, those Excel set for Chinese, Japanese, Korean or Thai",
        "saves by number alone (`2011年3月1日`) among them; a whole number without `.0` (an id",
        "typed as a number, `301`, is the id `301`), a number typed as text as its text, and a number formatted as a percentage as",
        "the percentage shown (`45%` for 0.45: an error in a number column, which holds the number",
        "in its own unit). A formula is read as the value it was last",
        "saved with: impact never calculates one, and never writes to a workbook. A formula saved",
        "without its value (as a program that does not calculate, such as openpyxl, saves it), an",
        "error value (`#N/A`, `#DIV/0!`) and cells merged into one are errors on their cell, told",
        "once (a header cell merged into the one before it too); so is a title row above the header, merged",
        "over its columns or not. A sheet of more than a",
        "million cells is one error saying to save it as a CSV file, which is read up to 50 MiB. A cell",
        "(or a shared string or comment) holding more text than Excel can, 32,767 characters and 8,192 of",
        "formula, is one error as soon as that much is read: no spreadsheet saved it (a zip bomb?); so",
        "is a workbook of more than 32,000,000 characters of text in all, naming the cell that passes",
        "that (the bundled example's tables hold 572,756; a table that large is read from a CSV file).",
        "An `.ods` and an `.xls` are held to the same limits of text, an `.ods` cell repeated counted",
        "each time, an `.xls` cell of a shared string counted again (calamine makes a copy of it for each).",
        "A hidden sheet, and hidden or filtered-out rows and columns, are read as shown ones",
        "are, with a warning. Formatted empty rows and columns after the table are no data. A",
        "workbook that cannot be read (saved with a password, cut short, not a workbook) is one",
        "error. A macro-enabled workbook (`study.xlsm`, `councils.xlsm`) is read as an `.xlsx` is,",
        "its cells' saved values: its macros are never run. `study.xlsx` beside `study.xlsm`, or a",
        "table's `.xlsx` beside its `.xlsm`, is an error: which holds the tables is not known. An",
        "OpenDocument spreadsheet (`study.ods`, `councils.ods`) and an Excel 97-2003 workbook",
        "(`study.xls`, `councils.xls`) are read as an `.xlsx` is, with the same checks, where the",
        "optional readers are installed (`pip install impact[spreadsheets]`: python-calamine for the",
        "cells' saved values; the error values, merged cells, hidden rows and columns and formulas are",
        "read from the file itself: an `.ods`'s `content.xml` through the guarded zip reader, an",
        "`.xls`'s BIFF records through olefile); where they are not, the message naming the file says",
        "to install them, or to save it as \"Excel Workbook (.xlsx)\", or each sheet as \"CSV UTF-8",
        "(comma delimited)\" named as its table. An `.xlsb` workbook is not read, and the message",
        "naming it says how to save it. `Study.save` writes CSV files, and refuses to replace a folder",
        "holding a workbook, which impact did not write.",
        "",
    ]
    for t in TABLES.values():
        lines += [f"### {t.filename}{' (optional)' if t.optional else ''}", "", t.description, ""]
        if t.key:
            lines += [f"Unique key: {', '.join(f'`{k}`' for k in t.key)} (ids that differ only in case or spacing, "
                      "such as `P1` and `p1`, are the same key).", ""]
        lines += ["| column | type | required | allowed values | description |", "|---|---|---|---|---|"]
        for c in t.columns:
            allowed = ""
            if c.vocabulary in BASE_VOCABULARIES:
                allowed = ", ".join(f"`{v}`" for v in BASE_VOCABULARIES[c.vocabulary])
            elif c.vocabulary == "statuses":
                allowed = "; ".join(
                    f"{kind}: " + ", ".join(f"`{s}`" for s in statuses) for kind, statuses in vocab.STATUSES.items()
                )
            elif c.vocabulary:
                allowed = f"the study's {c.vocabulary.replace('_', ' ')}"
            if c.references:
                allowed = (allowed + "; " if allowed else "") + f"must be in {TABLES[c.references[0]].filename}"
            if c.pattern:
                allowed = (allowed + "; " if allowed else "") + f"pattern `{c.pattern}`"
            if c.low is not None or c.high is not None:
                allowed = (allowed + "; " if allowed else "") + f"from {c.low:,g} to {c.high:,g}"
            if c.max_length:
                allowed = (allowed + "; " if allowed else "") + f"at most {c.max_length} characters"
            if c.unique:
                allowed = (allowed + "; " if allowed else "") + ("each value once (case and spacing ignored)" if
                                                                 c.type == "id" else "a value given twice is a warning")
            lines.append(f"| `{c.name}` | {c.type} | {'yes' if c.required else 'no'} | {allowed} | {c.description} |")
        lines.append("")
    lines += [
        "## Other rules",
        "",
        "- Ids are pseudonymous codes: a `participant_id`, `interview_id`, `respondent_id`",
        "  or `action_id` that holds a participant's name (a part of it between `_`, `-`,",
        "  `.` or `/`, a part that is no English word, or the whole name closed up), an",
        "  e-mail address, a phone number, or an NHS, National Insurance or pupil number",
        "  is an error. Ids are copied into coded output, review workbooks and QDPX",
        "  projects (never into the report or its tables). Transcript file names may hold",
        "  anything: they are read, never copied into an output (the provenance counts",
        "  them by pattern).",
        "- Ids (every `id` and `list` cell, and the wave, survey item and added vocabulary",
        "  ids of `study.yaml`) may not hold characters a reader cannot see: direction",
        "  overrides and isolates (U+202A-U+202E, U+2066-U+2069), zero-width characters",
        "  (U+200B-U+200D), U+FEFF, no-break and other non-ASCII spaces, control characters.",
        "  They make ids that differ look the same, or reorder what is shown; each is named.",
        "  So are full-width letters and digits (`\uff302` for `P2`) and other forms Unicode",
        "  writes another way (a letter and a combining accent where one letter exists), and",
        "  an id mixing Latin, Greek and Cyrillic letters; a key refused so is one problem",
        "  naming the rows of the other files that name it.",
        "- Free text cells (names, sources, descriptions) lose a byte-order mark, a",
        "  zero-width space or a word joiner (U+FEFF, U+200B, U+2060: no text, often",
        "  the start of a file pasted into a cell), with a warning naming the file, row",
        "  and column; other format characters (direction controls, joiners some",
        "  scripts write with) are kept, with a warning. In a coded file the `coder`",
        "  and `attribution` cells, which the findings count by their text, are refused",
        "  with any format character (U+FEFF, zero-width and direction characters).",
        "- A text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is saved",
        "  by `Study.save` behind an apostrophe (`'=x`), so a spreadsheet shows it as text,",
        "  not a formula; reading takes that apostrophe off again (`''=x` is `'=x`). So is each part",
        "  of a text cell after a `;`, a tab or a line break that starts as a formula (`Barnet;'=x`),",
        "  as Excel set to a `;` list separator (most of Europe) splits a CSV line at each `;` whatever",
        "  its quotes, and every CSV file impact writes does the same. A cell",
        "  holding a spreadsheet formula as written (`=HYPERLINK(\"...\",\"Barnet\")`, `=A1`: a function",
        "  called or a cell named) is read as written, with a warning naming file, row and column.",
        "  Numbers, negative ones too, are saved as numbers.",
        "  In text cells (a council's name) such format characters are a warning.",
        "  A value not in a vocabulary says which allowed value it is close to; a wave",
        "  written as its number or place (`2`, `Wave 2`, `second`) says which wave id it is.",
        "- Every cell is read without spaces (tabs, line breaks, no-break spaces) at its",
        "  ends. A `Study` made in Python holds its text cells so too, with a",
        "  `TrimmedTextWarning` naming each value changed, so that `Study.save` and",
        "  `load_study` give back what it holds; a value no study file can hold (a",
        "  fraction in a whole-number column, a yes/no value in a number column, a time",
        "  of day in a date column, infinity, a NUL character) is refused when it is made.",
        "- A value that starts with a quote must be wholly in quotes, each quote inside it",
        "  doubled: `\"Barn\"et` (which a CSV reader reads as `Barnet`) is an error. An id",
        "  ending in a full stop, comma, semicolon or colon (`P2.`) is an error naming the",
        "  id to write. A yes/no value (`TRUE`, `yes`, `WAHR`) in a number column is named,",
        "  and so is a bound (`<5`, `>95`: leave the value blank and write the bound in `flag`)",
        "  or an approximate value (`~5`).",
        "- `status_history.csv`: periods of the same kind for a council may not overlap;",
        "  `end_date` on or after `start_date`, blank while in force (`ongoing` or `present`",
        "  there is an error saying so); `start_date` no later than today (a status",
        "  holds from the day it began); an Ofsted judgement published from",
        "  4 November 2013 cannot be `adequate`, one before cannot be `requires_improvement`.",
        "  The intervention level at a date is `direction` if a statutory direction is in",
        "  force, else `notice` if a notice is, else `none`. A council's status at a wave is",
        "  the one in force at the median date of its interviews there; a status that changes",
        "  between its first and last interview of a wave is a warning naming the rows and the",
        "  status read.",
        "- `reviews.csv`: `themes` holds all five core themes plus any optional ones.",
        "- `actions.csv`, `action_progress.csv`: an action whose theme its council's review did not",
        "  cover is a warning, and so is an action `not_started` at a wave after one where it was",
        "  `completed` or `embedded`; other steps back (completed, then in progress again: an action",
        "  re-opened) are accepted.",
        "- `interviews.csv`: the council must be the participant's; the council needs a review",
        "  (waves are timed from it); an interview is dated no later than today; no two interviews",
        "  may name the same transcript file, however its path is written (`301/./P1.txt`, a folder",
        "  linked inside `transcripts/`, a hard link), and a",
        "  participant has one interview at each wave (given, or read from the date); the",
        "  transcript must exist under `transcripts/` (a name whose accented letters are written",
        "  another way, as macOS writes names, is read with a warning; a file or folder name",
        "  Windows cannot make is an error, as `Study.save` refuses to write one: a device's name",
        "  such as `CON`, `nul.txt`, `COM1`, `LPT9` in any case and with any extension, or a name",
        "  ending in a dot or a space), be a",
        "  `.txt` (UTF-8, or UTF-16 with a byte-order mark; Windows-1252 is read with a",
        "  warning; a file mixing encodings is an error naming the line; a byte-order mark,",
        "  zero-width space or word joiner inside the text, as where two files were joined, is",
        "  taken out with a warning naming the line of the first) or `.docx` file",
        "  (read in document order, tables included, as Word shows it: text written two ways, for newer",
        "  and older Word versions, is read once, as the newer shows it, and equations typed in the text are read;",
        "  ruby is read as its base text (not the guide set above it), a symbol (Insert > Symbol) as its",
        "  character (one of a font of pictures, such as Wingdings, as U+FFFD, counted in a warning), rows and",
        "  cells inside content controls are read, and a content control's placeholder prompt ('Click or tap",
        "  here to enter text.') and a table row deleted with tracking on are not; changes tracked and not yet",
        "  accepted or rejected are read as accepted (inserted words read, deleted ones not) and counted in a",
        "  warning, so that you accept or reject them in Word to code the text you mean; comments, footnotes and",
        "  endnotes are not read and are counted in a warning; text formatted as hidden",
        "  is not read and is counted in a warning, as are files embedded in it as objects; a document saved as \"Strict Open XML",
        "  Document\" is refused, saying to save it as a Word Document, and so is another kind of file named",
        "  `.docx`: a macro-enabled document or a template, an OpenDocument text, a workbook; a table of turns is read",
        "  row by row, `Speaker | text`, `time | Speaker | text`, or the columns a header row names, such as NVivo's",
        "  `Timespan | Content | Speaker`, its times left out), or a subtitle file: `.vtt` (WebVTT, as Teams and",
        "  Zoom save a meeting's transcript) or `.srt` (SubRip), read as one line `Speaker [time]: text` for each run",
        "  of cues of one voice (`<v Ann Smith>`) or of one label written in each cue (`Ann Smith: ...`, as Zoom",
        "  writes it), cue numbers, timings, tags and NOTE blocks left out; a `.txt` holding subtitles is read the same",
        "  way, and a `.vtt` or `.srt` that holds none is an error naming the file and line; a line `Ann Smith stopped",
        "  transcription` or `... started recording`, as Teams writes, is no one's words and not coded), and hold some text, in",
        "  English: a transcript",
        "  of which under 10% of the words of three letters or more (of any script; capitalised names in",
        "  neither list aside, where they are under half the words) are English or Welsh",
        "  words (another language, such as Polish, Russian or Urdu, or random letters) is an error, under",
        "  50% a warning (the coder reads English; English in dialect passes, at 80% or more). A transcript",
        "  of 5 to 19 such words is only told (a warning) under 50%, never refused: a few words are a small",
        "  sample; one of fewer than 5 is not judged. A transcript in",
        "  which no respondent speech is found is a warning: nothing in it can be coded, so",
        "  the analysis treats the interview as missing, like one not held, unless supplied",
        "  codings code it.",
        "- Problems are listed per file, at most 50 each with a count of the rest; the same",
        "  complaint about the same value is one problem naming its first row and how many",
        "  rows share it; a missing or unreadable file is reported once, not once per row",
        "  that refers to it.",
        "- `survey_responses.csv`: `value` within the item's scale; a respondent answers for one council.",
        "- Attrition (a council or participant with no interview at some wave) is a warning.",
        "",
    ]
    return "\n".join(lines)


# Text saved as UTF-8 and read back as Windows-1252 (or Latin-1), perhaps saved again: each letter beyond ASCII
# becomes two or three ('é' -> 'Ã©', '’' -> 'â€™').  A lead character of a UTF-8 sequence (U+00C2 to U+00F4) followed
# by what its continuation bytes read as in Windows-1252.
_CP1252_CONTINUATION = ("\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014"
                        "\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122")
_DOUBLE_DECODED = re.compile(f"[\u00c2-\u00f4][{_CP1252_CONTINUATION}]{{1,3}}")


def double_decoded(text: str) -> tuple[str, str] | None:
    """The first run of ``text`` that is UTF-8 read as Windows-1252 ('Ã©' for 'é', 'â€™' for '’'), with what it
    reads as once decoded as UTF-8, or None.

    Examples
    --------
    >>> double_decoded("RenÃ©e Oâ€™Brien"), double_decoded("Renée, Ålesund, São Paulo")
    (('RenÃ©e', 'Renée'), None)
    """
    for m in _DOUBLE_DECODED.finditer(text):
        try:
            meant = m.group().encode("cp1252").decode("utf-8")
        except UnicodeError:
            continue
        start = m.start() - len(re.search(r"\S*\Z", text[max(0, m.start() - 40):m.start()]).group())
        word = text[start:m.end() + len(re.match(r"\S{0,40}", text[m.end():]).group())]
        return word, word.replace(m.group(), meant)
    return None

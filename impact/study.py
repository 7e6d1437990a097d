"""The study model: councils followed across the waves of a longitudinal study.

A study is a folder (see ``docs/study-format.md``)::

    study.yaml              name, waves, codebook, survey items, vocabulary extensions
    councils.csv            status_history.csv   reviews.csv
    participants.csv        interviews.csv       transcripts/<path>.txt|.docx
    survey_responses.csv    actions.csv          action_progress.csv   indicators.csv

:func:`load_study` reads and validates it (every problem reported at once);
:meth:`Study.save` writes it back so that load -> save -> load is equal.
"""

from __future__ import annotations

import copy
import io
import math
import os
import re
import shutil
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml

from . import schema
from ._frames import as_text, remember_labels, remember_order, text_series
from ._gc import fewer_collections
from ._io import (
    MAX_YAML_BYTES,
    UNCHECKED,
    UTF16_BOMS,
    SeparatorError,
    YamlInputError,
    YamlLines,
    cells_picker,
    column_cells,
    link_said,
    read_csv_strict,
    read_text,
    require_path,
    safe_yaml_load,
    shortcut_beside,
)
from ._joins import _read_text_date, named_as, one_date, one_key, refuse_missing, refuse_unknown
from ._speakers import INTERVIEWER_LABELS, RESPONDENT_LABELS, SPEAKER_HEADINGS, header_cells
from ._study_book import (
    BOOK_SUFFIXES,
    OTHER_BOOKS,
    WORKBOOK,
    book_names,
    not_read,
    read_books,
    relabel,
)
from ._tabular import csv_text
from ._words import _counted, _listed, _named, _verb
from .errors import ImpactWarning, InputError, Problem, ValidationError, capped_lines, user_level
from .schema import (
    DEFAULT_WAVES,
    LIST_SEP,
    META_KEYS,
    TABLES,
    TRANSCRIPT_SUFFIXES,
    did_you_mean,
    label_hint,
    parse_cell,
    without_midnight,
)
from .validate import check_folder, check_study, transcript_file

__all__ = ["Study", "load_study", "UncheckedInputWarning", "TrimmedTextWarning", "TranscriptNameWarning",
           "TranscriptNotesWarning",
           "DEFAULT_WAVES", "META_KEYS", "TRANSCRIPT_SUFFIXES", "parse_cell", "read_transcript"]

FORMAT_VERSION = 1


# --------------------------------------------------------------------------- cells
def format_cell(value: Any, type_: str) -> str:
    """Format one in-memory value as the text the study files hold."""
    if _missing(value):  # a NaN of any float width (numpy's float32 NaN was written 'nan')
        return ""
    if type_ == "date":
        return pd.Timestamp(value).strftime("%Y-%m-%d")
    if type_ == "int":
        return str(int(value))
    if type_ == "float":
        return repr(float(value))
    if type_ == "list" and isinstance(value, (list, tuple)):
        return LIST_SEP.join(str(v) for v in value)
    return str(value)


#: Column types whose cells are text in a spreadsheet: escaped against formulas on saving, restored on loading.
_TEXT_TYPES = ("id", "text", "list")

#: A time from a council's review, as :meth:`Study.status_at` reads it ('3 months after the review', 'about a year
#: after', '6 weeks before the review'; number words already as digits): ``way`` is None where it says neither after
#: nor before ('3 months', which the message then asks to say).
_AFTER_REVIEW = re.compile(r"(?:about |around |roughly |some |c\. ?|~ ?)?(?P<n>[0-9]{1,3}|an?) ?(?P<unit>days?|weeks?|"
                           r"months?|years?)(?: (?P<way>after|from|since|post|before|prior to)(?: (?:the|its|their) "
                           r"(?:peer )?review(?:'s (?:start|end))?| review)?)?")
#: Number words as digits, for a time said in words ('three months after the review').
_DIGIT_WORDS = {w: str(i) for i, w in enumerate(("one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                                                 "ten", "eleven", "twelve", "eighteen", "twenty-four", "thirty-six"),
                                                1)}
_DIGIT_WORDS.update({"eighteen": "18", "twenty-four": "24", "thirty-six": "36"})


def _saved_cell(value: Any, type_: str) -> str:
    """A value as :meth:`Study.save` writes it: :func:`format_cell`, and a text cell that a spreadsheet would run as a
    formula (``=``, ``+``, ``-``, ``@``, a tab ... first) behind an apostrophe (:func:`impact._tabular.neutralise`);
    numbers, negative ones too, stay numbers.  :func:`_loaded_cell` undoes it.

    Examples
    --------
    >>> _saved_cell("=SUM(A1)", "text"), _saved_cell(-3, "int"), _saved_cell("'=x", "text")
    ("'=SUM(A1)", '-3', "''=x")
    """
    from ._tabular import neutralise

    text = format_cell(value, type_)
    return neutralise(text) if type_ in _TEXT_TYPES else text


def _memo_key(value: Any) -> tuple[type, Any] | None:
    """A key under which ``value``'s cell text can be worked out once for all its equals, or None.

    Ids, waves, dates and answers repeat down a column (a national study's tables hold some 370,000 cells). Only
    values whose equals are written alike have a key: text, whole numbers (not ``True``, which equals ``1``), Python
    floats other than zero and NaN (``-0.0`` equals ``0.0`` but is written otherwise; a NaN equals nothing) and dates
    without a time zone; a zero, a numpy scalar, a zoned time, a list or any other value has none.
    """
    kind = type(value)
    if kind is str or kind is int or (kind is float and value != 0.0 and value == value) or (
            kind is pd.Timestamp and value.tz is None):
        return kind, value
    return None


def _saved_column(values: Iterable[Any], type_: str) -> list[str]:
    """:func:`_saved_cell` of each value, worked out once per distinct value (see :func:`_memo_key`)."""
    memo: dict[Any, str] = {}
    out = []
    for v in values:
        key = _memo_key(v)
        if key is None:
            text = _saved_cell(v, type_)
        else:
            text = memo.get(key)
            if text is None:
                text = memo[key] = _saved_cell(v, type_)
        out.append(text)
    return out


def _loaded_cell(text: str, type_: str) -> str:
    """A cell as read from a study table: the apostrophe :func:`_saved_cell` puts before a formula taken off again
    (``'=x`` is ``=x``; ``''=x`` is ``'=x``; ``'301``, which no formula escape writes, is left as it is).

    Examples
    --------
    >>> [_loaded_cell(_saved_cell(v, "text"), "text") for v in ["=1+1", "'=1+1", "'quoted", "-x", "@a"]]
    ['=1+1', "'=1+1", "'quoted", '-x', '@a']
    >>> _loaded_cell("'-3", "int")  # a number column is never escaped: the apostrophe is the user's (and refused)
    "'-3"
    """
    from ._tabular import restore_cell

    return restore_cell(text) if type_ in _TEXT_TYPES else text


def _parse_date_column(raw: list[str]) -> pd.Series:
    """Parse a column of date cells at once (ISO; DD/MM/YYYY for the rest; blank or bad -> NaT)."""
    text = pd.Series(raw, dtype="object")
    out = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
    rest = out.isna() & text.ne("")
    if rest.any():
        out[rest] = pd.to_datetime(text[rest], format="%d/%m/%Y", errors="coerce")
    # Whatever is left is read cell by cell by the validator's own parser (a midnight time, "2013-6-1"), so the
    # frame holds every date the validation accepted.
    rest = out.isna() & text.ne("")
    if rest.any():
        out[rest] = pd.to_datetime(pd.Series([schema.parse_date(t) for t in text[rest]], index=text.index[rest]))
    return out.astype("datetime64[ns]")


def _frame_from_records(table: schema.Table, rows: list[dict[str, str]]) -> pd.DataFrame:
    data: dict[str, Any] = {}
    for col in table.columns:
        raw = column_cells(rows, col.name)
        if col.type != "date":  # each distinct cell parsed once (a million rows hold a few councils, waves, answers)
            read = {v: parse_cell(v, col.type)[0] for v in dict.fromkeys(raw)}
            values = [read[v] for v in raw]
        if col.type == "date":
            data[col.name] = _parse_date_column(raw)
        elif col.type == "int":
            data[col.name] = pd.array(values, dtype="Int64")
        elif col.type == "float":
            data[col.name] = np.array([np.nan if v is None else v for v in values], dtype="float64")
        else:
            data[col.name] = text_series(values)
    return pd.DataFrame(data, index=pd.RangeIndex(len(rows)))


def _plain(value: Any) -> Any:
    """``value`` (meta, at any depth) with numpy's scalars as Python's (``np.int64(3)`` is 3), which YAML can write:
    a seed or window taken from a frame was refused by ``yaml.safe_dump`` ("cannot represent an object")."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value.item() if isinstance(value, np.generic) else value


def _missing(value: Any) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, (float, np.floating))
                                                                  and math.isnan(value))


def _number_text(value: Any, type_: str) -> tuple[str, str | None]:
    """A number cell given to :class:`Study` as the text a study file holds, or the reason it cannot be held."""
    what = "a whole number" if type_ == "int" else "a number"
    if isinstance(value, (bool, np.bool_)):
        return "", f"{what}{schema.yes_no_hint(str(value))}"
    if isinstance(value, str):
        parsed, problem = parse_cell(value.strip(), type_)
        return ("", problem) if problem else (format_cell(parsed, type_), None)
    if not isinstance(value, (int, float, np.integer, np.floating)):
        return "", f"{what} (a {type(value).__name__} was given)"
    if not math.isfinite(value):
        return "", f"a finite {what.split(' ', 1)[1]} (a study file holds no infinite value)"
    if type_ == "int" and not float(value).is_integer():
        return "", f"{what} (its fraction would be lost: round it first if a whole number is meant)"
    return (str(int(value)) if type_ == "int" else repr(float(value))), None


def _date_text(value: Any) -> tuple[str, str | None]:
    """A date cell given to :class:`Study` as the text a study file holds, or the reason it cannot be held.

    Text is read as a study file's cell is (ISO, or DD/MM/YYYY as UK spreadsheets write it), never month first.
    """
    if isinstance(value, str):
        parsed, problem = parse_cell(value.strip(), "date")
        if problem and problem.startswith("a date from"):  # out of range: a problem of validation, not of reading
            parsed, problem = pd.Timestamp(schema.parse_date(without_midnight(value.strip()))), None
        return ("", problem) if problem else (parsed.strftime("%Y-%m-%d"), None)
    if isinstance(value, (bool, np.bool_)):
        return "", f"a date{schema.yes_no_hint(str(value), **schema.DATE_EXPECTED)}"
    if isinstance(value, (int, float, np.number)):
        return "", f"a date (a {type(value).__name__} was given)"
    try:
        when = pd.Timestamp(value)
    except (TypeError, ValueError):
        return "", f"a date (a {type(value).__name__} was given)"
    if when != when.normalize():
        return "", (f"a date without a time of day (it carries {when:%H:%M:%S}, which a study file does not hold: "
                    "take the date alone, as with Series.dt.normalize())")
    return when.strftime("%Y-%m-%d"), None


_JOINED = "list items without the list separator"  # a marker: _checked_records tells each such item


def _joined_items(value: list | tuple) -> list[tuple[int, str, str]]:
    """Each item of a list given to :class:`Study` that holds the list separator, which a study file reads back as
    several items: ``(item number from 1, the item, what is expected)``."""
    out = []
    for k, v in enumerate(value, 1):
        if LIST_SEP in str(v):
            parts = [p.strip() for p in str(v).split(LIST_SEP)]
            out.append((k, str(v), f"list items without {LIST_SEP!r}, which separates the items of a list (item {k} "
                                   f"of {len(value)}: a study file would read it as {len(parts)} items, "
                                   f"{', '.join(map(repr, parts[:-1]))} and {parts[-1]!r}): give each item as an item "
                                   "of its own"))
    return out


def _held_text(value: Any, type_: str) -> tuple[str, str | None]:
    """A text cell (id, text, list) given to :class:`Study` as a study file gives it back: without spaces at its
    ends, as :func:`load_study` reads every cell (what :meth:`Study.save` writes of it is read back the same)."""
    if type_ == "list" and isinstance(value, (list, tuple)):
        if _joined_items(value):  # told item by item (_checked_records)
            return "", _JOINED
        value = LIST_SEP.join(str(v) for v in value)
    text = str(value)
    if "\x00" in text:
        return "", "text without NUL characters (a study file holding one is refused as binary)"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return "", (f"text of Unicode characters (it holds {exc.object[exc.start]!r} at character {exc.start + 1}, a "
                    "lone surrogate, which no file can hold)")
    if type_ == "text":  # a byte-order mark or zero-width space in free text: load_study takes it out (and says so)
        text = schema.without_no_text(text)[0]
    return _loaded_cell(_saved_cell(text.strip(), type_).strip(), type_), None


def _checked_records(table: schema.Table, df: pd.DataFrame) -> tuple[list[dict[str, str]], list[Problem], list[Problem]]:
    """The rows of a table given to :class:`Study` as the text cells a study file holds.

    Returns the records, the values no study file can hold (errors: a number with a fraction in a whole-number
    column, a yes/no value in a number column, a time of day in a date column ...) and the text values that a
    save and a load would change (warnings: spaces at a text's ends), each a :class:`Problem` naming the table's
    file, the row it is saved on, the column, the value and what is held instead.
    """
    errors: list[Problem] = []
    changed: list[Problem] = []
    types = {c.name: c.type for c in table.columns}
    records = [{} for _ in range(len(df))]
    held = {"int": _number_text, "float": _number_text, "date": lambda v, t: _date_text(v)}
    for name in df.columns:
        type_ = types.get(name, "text")
        convert = held.get(type_, _held_text)
        is_text = type_ not in held
        # ids, waves, dates and answers repeat: each converted once (and, for text, whether it is held otherwise)
        seen: dict[tuple[type, Any], tuple[str, str | None, bool]] = {}
        for i, value in enumerate(df[name].tolist()):
            kind = type(value)
            if kind is str or kind is int:  # never missing; their own key (_memo_key)
                key = (kind, value)
            elif _missing(value):
                records[i][name] = ""
                continue
            else:
                key = _memo_key(value)  # None where equal values are held differently (-0.0 and 0.0, True and 1)
            hit = seen.get(key) if key is not None else None
            if hit is None:
                text, problem = convert(value, type_)
                shown = (LIST_SEP.join(map(str, value)) if isinstance(value, (list, tuple)) else str(value)) if (
                    is_text) else text
                hit = (text, problem, problem is None and text != shown)
                if key is not None:
                    seen[key] = hit
            text, problem, differs = hit
            if differs:
                shown = LIST_SEP.join(map(str, value)) if isinstance(value, (list, tuple)) else str(value)
                invisible = schema.without_no_text(shown)[1] if type_ == "text" else None
                changed.append(Problem(table.filename, i + 2, name, shown, (
                    f"text without a byte-order mark or zero-width character ({invisible}): held as {text!r}, as "
                    "a saved study file gives it back (load_study takes such characters out of free text)"
                    if invisible else
                    (f"text without spaces at its ends: held as {text!r}" if text else
                     "text: held as blank, no value") + ", as a saved study file gives it back "
                    "(its cells are read without spaces at their ends)"), "warning"))
            if problem is _JOINED:  # the offending items named alone, not the whole list
                errors += [Problem(table.filename, i + 2, name, item, why) for _, item, why in _joined_items(value)]
            elif problem is not None:
                errors.append(Problem(table.filename, i + 2, name, str(value), problem))
            records[i][name] = text
    return records, errors, changed


#: A spreadsheet formula written into a CSV cell: a function called (``=HYPERLINK(``, ``=SUM (``) or a cell named
#: (``=A1``, ``=$B$2``, ``=Sheet1!C3``).
_FORMULA = re.compile(r"=\s*(?:[A-Za-z_][A-Za-z0-9_.]*\s*\(|(?:[A-Za-z0-9_]+!)?\$?[A-Za-z]{1,3}\$?[0-9]+\b)")
_FORMULA_EXPECTED = ("a value, not a spreadsheet formula (the file holds the formula's text, which is read as written "
                     "and shown so in the report, not the value a spreadsheet shows for it: was the cell copied as a "
                     "formula, or the file written by a program other than a spreadsheet's Save As CSV? type the "
                     "value in its place)")


def _records_from_frame(table: schema.Table, df: pd.DataFrame) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    header = list(df.columns)
    types = {c.name: c.type for c in table.columns}
    if not header:
        return header, [(i + 2, {}) for i in range(len(df))]
    # column by column (the cells itertuples would give; a text column's as one list, its missing cells None or NaN,
    # which both format as ""), each column's type looked up once
    def cells_of(column: pd.Series) -> list:
        return column.tolist() if pd.api.types.is_string_dtype(column.dtype) else column

    cells = [[format_cell(v, kind) for v in cells_of(df.iloc[:, k])] for k, kind in
             enumerate(types.get(h, "text") for h in header)]
    return header, [(i + 2, dict(zip(header, row))) for i, row in enumerate(zip(*cells))]


def _empty_frame(table: schema.Table) -> pd.DataFrame:
    return _frame_from_records(table, [])


# --------------------------------------------------------------------------- transcripts
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: Longest first cell of a two-cell table row read as a speaker label (``Interviewer | text``).
_MAX_LABEL = 40


#: Elements inside a paragraph whose runs are the paragraph's text as it reads with its tracked changes accepted:
#: hyperlinks, tracked insertions and moves to, content controls, simple fields, smart tags, custom XML and
#: direction runs. python-docx reads the runs of hyperlinks only, so text in the others was dropped without a word.
_INLINE_CONTAINERS = frozenset(f"{_W}{t}" for t in ("hyperlink", "ins", "moveTo", "sdt", "sdtContent", "fldSimple",
                                                    "smartTag", "customXml", "dir", "bdo"))


def _paragraph_runs(element, hidden: list[int] | None = None) -> Iterator[str]:
    """The text of a paragraph's runs in document order, as Word shows it with tracked changes accepted.

    A run's text is :func:`_run_text`'s (``w:t``, tabs, breaks, no-break hyphens, symbols, ruby's base text); runs in
    the containers of :data:`_INLINE_CONTAINERS` are read (not a content control showing its placeholder), and runs
    deleted with tracking on (``w:del``, ``w:moveFrom``) are not.
    ``hidden``, where given, has the words of the runs formatted as hidden, which are not read, added to its one item.
    """
    for child in element.iterchildren():
        if child.tag == f"{_W}r" and _hidden_run(child):
            # formatted as hidden: Word neither shows nor prints it (counted here, told by read_transcript)
            if hidden is not None:  # a text box drawn in it once: Word's copy for older readers is not counted
                hidden[0] += len("".join(t.text or "" for t in child.iter(f"{_W}t")
                                         if not any(a.tag == _MC_FALLBACK for a in t.iterancestors())).split())
            continue
        if child.tag == f"{_W}r":
            yield _run_text(child, hidden)
            # a text box drawn in the run (DrawingML or VML): its paragraphs on lines of their own after the run's
            # text.  Word writes each text box twice, as a drawing and as a VML fallback: the fallback is not read.
            for box in child.iter(f"{_W}txbxContent"):
                if not any(a.tag == _MC_FALLBACK for a in box.iterancestors()):
                    yield "".join(f"\n{line}" for line in _docx_blocks(box, hidden))
        elif child.tag in _INLINE_CONTAINERS:
            if not _placeholder(child):
                yield from _paragraph_runs(child, hidden)
        elif child.tag == _MC_ALTERNATE:  # runs written two ways: the one Word shows, read once
            if (chosen := _alternate_chosen(child)) is not None:
                yield from _paragraph_runs(chosen, hidden)
        elif child.tag in _MATH:  # an equation typed in the text ('by 50%'): its characters, as Word shows them
            yield "".join(t.text or "" for t in child.iter(f"{_M}t"))


def _hidden_run(run) -> bool:
    """Whether a run is formatted as hidden text (``w:rPr/w:vanish``), which Word neither shows nor prints."""
    props = run.find(f"{_W}rPr")
    mark = props.find(f"{_W}vanish") if props is not None else None
    return mark is not None and mark.get(f"{_W}val", "true").lower() not in ("0", "false", "off")


#: What a run's elements other than its text (``w:t``) read as: breaks (a page or column break too: read as nothing
#: by python-docx, the words on either side ran together), tabs and a no-break hyphen.  An optional hyphen
#: (``w:softHyphen``) is shown only where Word breaks the word at the end of a line: it reads as nothing, so the word
#: is one.  Elements not named (field codes ``w:instrText``, deleted text ``w:delText``, marks) hold no text shown.
_RUN_CHARACTERS = {f"{_W}{tag}": text for tag, text in (("br", "\n"), ("cr", "\n"), ("tab", "\t"), ("ptab", "\t"),
                                                        ("noBreakHyphen", "-"))}


def _run_text(run, hidden: list[int] | None = None) -> str:
    """The text of a run as Word shows it, in the order of its elements: its ``w:t`` text, breaks and tabs
    (:data:`_RUN_CHARACTERS`), a symbol picked from a symbol font (``w:sym``: :func:`_symbol`) and the base text of
    ruby (``w:ruby``: a guide to pronunciation set above words, ``w:rt``, is not the words said; python-docx read
    neither, so 'staff morale' with ruby over 'morale' was read 'staff ')."""
    out = []
    for el in run.iterchildren():
        tag = el.tag
        if tag == f"{_W}t":
            out.append(el.text or "")
        elif tag in _RUN_CHARACTERS:
            out.append(_RUN_CHARACTERS[tag])
        elif tag == f"{_W}sym":
            out.append(_symbol(el))
        elif tag == f"{_W}ruby":
            out += [text for base in el.iterchildren(f"{_W}rubyBase") for text in _paragraph_runs(base, hidden)]
        elif tag == _MC_ALTERNATE and (chosen := _alternate_chosen(el)) is not None:
            out.append(_run_text(chosen, hidden))
    return "".join(out)


#: What a symbol that stands for no known character (a picture of a symbol font: Wingdings, Webdings) is read as.
SYMBOL_PLACEHOLDER = "\ufffd"


def _symbol(sym) -> str:
    """The character of a ``w:sym`` (:func:`impact._symbols.symbol_char`), else :data:`SYMBOL_PLACEHOLDER`."""
    from ._symbols import symbol_char

    char = symbol_char(sym.get(f"{_W}font"), sym.get(f"{_W}char"))
    return SYMBOL_PLACEHOLDER if char is None else char


def _placeholder(element) -> bool:
    """Whether ``element`` is a content control showing its placeholder (``w:sdtPr/w:showingPlcHdr``: Word's prompt,
    'Click or tap here to enter text.', shown until something is typed in it): no one's words, not read."""
    return element.tag == f"{_W}sdt" and element.find(f"{_W}sdtPr/{_W}showingPlcHdr") is not None


_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_MC_ALTERNATE = "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"
_MC_CHOICE = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Choice"
_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_MATH = frozenset((f"{_M}oMath", f"{_M}oMathPara"))


def _alternate_chosen(alternate):
    """Of content written two ways (``mc:AlternateContent``: a ``mc:Choice`` for readers that know a newer feature,
    a ``mc:Fallback`` for the others), the one to read: the first choice, as Word reads it, else the fallback.
    Paragraphs and runs in one were not read at all (neither way), their words dropped without a word."""
    chosen = next(alternate.iterchildren(_MC_CHOICE), None)
    return chosen if chosen is not None else next(alternate.iterchildren(_MC_FALLBACK), None)
_ONE_TIME = r"[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?[\])]?"
#: A table cell's time ('00:03:15', '[03:15]'), or span of time ('0:00.0 - 0:10.5', as NVivo writes a timespan).
_CELL_TIME = re.compile(_ONE_TIME + r"(?:[ \t]*(?:-|\u2013|\u2014|-->|to)[ \t]*" + _ONE_TIME + ")?")
_ROW_NUMBER = re.compile(r"\d{1,5}\.?")


def _has_letter(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def _label_shaped(cell: str) -> bool:
    """Whether a table cell is shaped as a speaker label: short, one line, a letter in it, no time."""
    return len(cell) <= _MAX_LABEL and "\n" not in cell and _has_letter(cell) and not _CELL_TIME.search(cell)


def _role(label: str) -> str | None:
    """'interviewer' or 'respondent' where a table cell is one of the segmenter's role labels ('Interviewer:',
    'R', 'Int.'), else None."""
    norm = re.sub(r"[\d\s.:\uff1a]+", "", label).casefold()
    return "interviewer" if norm in INTERVIEWER_LABELS else "respondent" if norm in RESPONDENT_LABELS else None


def _counts_turns(numbers: list[str]) -> bool:
    """Whether a column of whole numbers counts the turns (rising: 1, 2, 3; a number under 1,000 may be given again,
    on a turn's second row), so is layout: a column of numbers that fall, or of years given twice, is data."""
    values = [int(c.rstrip(".")) for c in numbers]
    return all(x < y or x == y < 1000 for x, y in zip(values, values[1:]))


def _figures(pairs: list[tuple[str, str]]) -> bool:
    """Whether rows read as ``(label, text)`` are a table of figures, not turns: labels that are not all roles
    nor all people's names (places, services) beside texts of which more than half hold a digit ('Barnet | 12
    referrals'), none of them a question; or people's names beside one measure of each (:func:`_one_measure`:
    'Sarah Jones | 12 cases', caseloads by worker).  Rows that ask something ('How many came in?') are turns, and so
    are other rows labelled with people's names, each starting with a common first name ('Sarah Jones | 12', answers
    read out): read as turns, their labels and figures are both kept."""
    if not pairs or any(_has_letter(text) and text.rstrip(" \"'\u201d\u2019)").endswith("?") for _, text in pairs):
        return False
    if all(_role(label) or _person(label) for label, _ in pairs):
        return not any(_role(label) for label, _ in pairs) and _one_measure(pairs)
    return 2 * sum(any(ch.isdigit() for ch in text) for _, text in pairs) > len(pairs)


#: A figure with its unit, and nothing else: '12 cases', '1 open case', '3.5 FTE', '1,200 visits'.
_FIGURE_UNIT = re.compile(r"[<>~]?\d[\d,]*(?:\.\d+)?%?[ \t]+(?P<unit>[^\W\d_]+(?:[ \t][^\W\d_]+){0,2})\.?")


#: A figure with its unit and a note after it: '12 cases (two new this week)', '15 cases - 2 unallocated'.
_FIGURE_NOTED = re.compile(_FIGURE_UNIT.pattern.removesuffix(r"\.?")
                           + r"[ \t]*(?:\([^()]+\)|\[[^\[\]]+\]|[,;\u2013\u2014-][ \t]+\S.*)\.?")


def _one_measure(pairs: list[tuple[str, str]]) -> bool:
    """Whether the texts of rows labelled with people's names are all one measure of each: a figure and one unit on
    every row ('Sarah Jones | 12 cases', caseloads by worker), a unit written in the singular or plural, a note after
    it in a minority of rows ('12 cases (two new this week)').  Figures without a unit ('Sarah Jones | 12') may be
    answers read out, and figures of several units ('12 cases', '15 referrals') answers to several questions: those
    rows are read as turns."""
    units, noted = set(), 0
    for _, text in pairs:
        m = _FIGURE_UNIT.fullmatch(text.strip())
        if m is None:
            m = _FIGURE_NOTED.fullmatch(text.strip())
            noted += 1
        if m is None:
            return False
        units.add(re.sub(r"(?<=\w\w)s\b", "", m["unit"].casefold()))
    return len(pairs) >= 2 and len(units) == 1 and 2 * noted < len(pairs)


def _person(label: str) -> bool:
    """Whether a table cell reads as a person's name: one to three capitalised words, the first a common first
    name ('Sarah', 'Tom Price'); a place ('Barnet') or a service is not one."""
    from .privacy._lexicon import fold, folded_first_names

    words = label.split()
    return (1 <= len(words) <= 3 and all(w[:1].isupper() for w in words)
            and fold(words[0].rstrip(".,:")) in folded_first_names())


def _speaker_column(rows: list[list[str]]) -> int | None:
    """The column of a table's speaker labels where its rows are turns of three cells or more without a time cell
    (``12 | Interviewer | text``, ``Interviewer | text | notes``), or None.

    The speaker column is the first whose cells (blank ones aside) are all shaped as labels (:func:`_label_shaped`),
    two labels or more, one given on two rows or more (a speaker speaks more than once; a table of figures names each
    row's subject once, or one subject on every row) unless every label ends in a colon ('Interviewer:') or the
    labels are the interviewer's and the respondent's roles, where each such row has text with a letter in another
    cell, not mostly figures (:func:`_figures`).  Columns of rising whole numbers (turn numbers) and of times only
    are passed over; a column of whole numbers that repeat or fall (years) is data: no turns.
    """
    wide = [r for r in rows if sum(1 for c in r if c) >= 2 and not any(_CELL_TIME.fullmatch(c) for c in r)]
    if len(wide) < 2 or all(sum(1 for c in r if c) < 3 for r in wide):
        return None  # rows of two cells are read as turns row by row (_docx_row_line)
    for j in range(max(map(len, wide))):
        column = [r[j] if j < len(r) else "" for r in wide]
        said = [c for c in column if c]
        if said and all(_ROW_NUMBER.fullmatch(c) for c in said):
            if not _counts_turns(said):
                return None
            continue
        if not said:
            continue
        if len(said) < 2 or not all(map(_label_shaped, said)):
            return None
        labels = [c.rstrip(":\uff1a").strip().casefold() for c in said]
        marked = all(c.endswith((":", "\uff1a")) for c in said)  # 'Interviewer:' says it is a label
        marked = marked or {_role(c) for c in said} == {"interviewer", "respondent"}  # so do the two roles
        if not 2 <= len(set(labels)) < len(labels) + marked:  # two speakers or more, one speaking twice or more
            return None
        texts = [(r[j], " ".join(c for k, c in enumerate(r) if k != j and c and not _ROW_NUMBER.fullmatch(c)))
                 for r in wide if j < len(r) and r[j]]
        return j if all(_has_letter(t) for _, t in texts) and not _figures(texts) else None
    return None


def _row_turn(cells: list[str], speaker: int | None, timed: bool = False) -> tuple[str, str] | None:
    """A table row as ``(label, text)`` where :func:`_speaker_column` found its table's speaker column, or None:
    the turn numbers before the label are layout (as a page number is) and not read; every other cell is the text.
    The label is "" where the row's speaker cell is blank (the turn before it goes on)."""
    if speaker is None or speaker >= len(cells):
        return None
    if any(_CELL_TIME.fullmatch(c) for c in cells):  # a time cell: a turn where the header row names the column
        if not (timed and cells[speaker]):
            return None
        cells = ["" if _CELL_TIME.fullmatch(c) else c for c in cells]
    text = [c for k, c in enumerate(cells) if c and k != speaker and not (k < speaker and _ROW_NUMBER.fullmatch(c))]
    # a row with a blank speaker cell goes on with the turn before it: ("", text), its turn number not read either
    return (cells[speaker].rstrip(":\uff1a").strip(), " ".join(text)) if text else None


def _row_parts(cells: list[str]) -> tuple[str, str, str] | None:
    """A table row's non-empty cells as ``(label, time, text)`` where the row is laid out as a turn (see
    :func:`_docx_row_line`), else None."""
    times = [i for i, c in enumerate(cells) if _CELL_TIME.fullmatch(c)]
    rest = [c for i, c in enumerate(cells) if i not in times[:1]] if len(times) == 1 else cells
    if len(times) == 1 and len(rest) >= 3 and _ROW_NUMBER.fullmatch(rest[0]) and _has_letter(rest[1]):
        rest = rest[1:]  # a turn number before the speaker ('12 | Interviewer | text'): layout, as a page number is
        turn = True
    else:
        turn = len(rest) == 2 or (len(times) == 1 and len(rest) > 2)  # three cells without a time: a table of figures
    if turn and len(rest[0]) <= _MAX_LABEL and "\n" not in rest[0] and _has_letter(rest[0]):
        time = re.match(_ONE_TIME, cells[times[0]]).group().strip("[]()") if len(times) == 1 else ""  # a span's start
        return rest[0].rstrip(":\uff1a").strip(), time, " ".join(rest[1:])
    return None


def _docx_row_line(cells: list[str], turn_cells: tuple[str, str] | None = None, *, whole: bool = False
                   ) -> Iterator[str]:
    """A table row's non-empty cells as one line: ``Speaker [time]: text`` where the row is a turn, else the cells
    joined by spaces.

    A row is a turn when, its time cell (``00:03:15``, ``[03:15]``, at most one) left aside, its first cell is a
    short one-line label with a letter in it, followed by the text (one cell, or more beside a time cell):
    ``speaker | text``, ``speaker | text | time``, ``time | speaker | text`` and ``speaker | time | text``.  In a
    row with a time cell, a first cell holding a whole number before the speaker (``12 | Interviewer | text |
    00:03:15``) numbers the turns and is not read.  The time is kept beside the label, where the turn splitter
    reads it.  ``turn_cells``, where given, is the row read as a turn by its table's speaker column
    (:func:`_row_turn`); ``whole``: its table is one of figures (:func:`_figures`), each row read whole.
    """
    if turn_cells is not None:
        yield f"{turn_cells[0]}: {turn_cells[1]}" if turn_cells[0] else turn_cells[1]
        return
    if not cells:
        return
    parts = None if whole else _row_parts(cells)
    if parts is not None:
        label, time, text = parts
        yield f"{label} [{time}]: {text}" if time else f"{label}: {text}"
    else:
        yield " ".join(cells)


def _table_turns(rows: list[list[str]]) -> tuple[bool, int | None, bool, bool]:
    """How a .docx table is read: ``(header, speaker, whole, timed)``: whether its first row is a header row over turns
    ('Speaker | Text | Time', not read: it names the columns, as a CSV file's header does), its speaker column
    (:func:`_speaker_column`, of the rows below any header, else the one the header names where each row has a time:
    :func:`_named_speakers`, ``timed`` then True), and whether its rows are figures read whole (:func:`_figures`).

    A header row is the first of three rows or more, its cells all headings, one of them naming the speaker's
    column ('Speaker', 'Name', 'Who': :func:`~impact._speakers.header_cells`), none a speaker's label or a role,
    over rows of which two or more are turns.  A first row that names no column ('Chair | Welcome everyone') is a
    turn, and read.
    """
    def read(body: list[list[str]]) -> tuple[int | None, bool, list[str | None]]:
        speaker = _speaker_column(body)
        parts = [_row_turn(r, speaker) or _row_parts([c for c in r if c]) for r in body]
        whole = speaker is None and _figures([(p[0], p[-1]) for p in parts if p is not None])
        return speaker, whole, [None if p is None or whole else p[0].casefold() for p in parts]

    head = [c for c in rows[0] if c] if rows else []
    if len(rows) >= 3 and header_cells(head):
        speaker, whole, labels = read(rows[1:])
        said = {x for x in labels if x}
        if (len(said) >= 2 and sum(x is not None for x in labels) >= 2
                and not any(c.rstrip(":\uff1a").strip().casefold() in said or _role(c) for c in head)):
            if speaker is None and (named := _named_speakers(rows)) is not None:
                return True, named, whole, True
            return True, speaker, whole, False
        if not any(_role(c) for c in head) and (named := _named_speakers(rows)) is not None:
            return True, named, False, True  # the speakers' column after the text, a time cell on each row
    speaker, whole, _ = read(rows)
    return False, speaker, whole, False


def _named_speakers(rows: list[list[str]]) -> int | None:
    """The speaker column its header row names ('Timespan | Content | Speaker', as NVivo exports a transcript), where
    its cells below (blank ones aside) are two labels or more (:func:`_label_shaped`), one given twice or more (or the
    two of a table of two turns), beside text with a letter: read whatever the order of the columns and with a time cell on each row (left out, as layout
    is), else None."""
    named = [j for j, c in enumerate(rows[0]) if c and _FIRST_LETTERS.match(c)
             and _FIRST_LETTERS.match(c).group().casefold() in SPEAKER_HEADINGS]
    if len(named) != 1:
        return None
    j = named[0]
    said = [r[j] for r in rows[1:] if j < len(r) and r[j]]
    texts = [r for r in rows[1:] if j < len(r) and r[j]]
    if (len(said) < 2 or not all(map(_label_shaped, said)) or len({c.casefold() for c in said}) == len(said) > 2
            or not all(any(_has_letter(c) for k, c in enumerate(r) if k != j and not _CELL_TIME.fullmatch(c))
                       for r in texts)):
        return None
    return j


_FIRST_LETTERS = re.compile(r"[^\W\d_]+")


def _docx_blocks(element, hidden: list[int] | None = None) -> Iterator[str]:
    """The text of a .docx body (or table cell, or content control) in document order, tables included.

    Each paragraph is one line (two joined by a paragraph mark deleted with
    tracking, one, as Word shows them with the change accepted).  A table row
    is one line: a row laid out as a turn (a short first cell, a speaker, then
    the text, with or without a time cell, as transcripts laid out as tables
    have it) becomes ``Speaker: text``
    or ``Speaker [time]: text``; other rows are their cells joined by spaces.
    Nothing is left out: nested tables, content controls and text boxes are read too; runs formatted as hidden
    are not read, their words added to ``hidden``'s one item where it is given (:func:`_paragraph_runs`).
    """
    held = None  # the text of a paragraph whose mark was deleted with tracking: it runs on into the next paragraph
    for child in element.iterchildren():
        tag = child.tag
        if tag == f"{_W}p":
            text = (held or "") + "".join(_paragraph_runs(child, hidden))
            held = text if _mark_deleted(child) else None
            if held is None:
                yield text
            continue
        if held is not None and tag in (f"{_W}tbl", f"{_W}sdt"):  # a mark deleted before a table: its own line
            yield held
            held = None
        if tag == f"{_W}tbl":
            rows = [["\n".join(_docx_blocks(cell, hidden)).strip() for cell in _table_parts(row, f"{_W}tc")]
                    for row in _table_parts(child, f"{_W}tr")]
            header, speaker, whole, timed = _table_turns(rows)
            for cells in rows[header:]:  # a header row over turns names the columns: not read
                yield from _docx_row_line([c for c in cells if c], _row_turn(cells, speaker, timed), whole=whole)
        elif tag in _BLOCK_WRAPPERS and not _placeholder(child):
            yield from _docx_blocks(child, hidden)
        elif tag == _MC_ALTERNATE and (chosen := _alternate_chosen(child)) is not None:
            yield from _docx_blocks(chosen, hidden)
    if held is not None:  # the last paragraph's mark deleted: nothing follows to join
        yield held


#: Elements wrapping a body's paragraphs and tables, a table's rows or a row's cells: content controls, custom XML
#: and smart tags.  Their paragraphs are read; rows and cells in them were not (the rows of a repeating section, a
#: cell of a form: a turn dropped without a word).
_BLOCK_WRAPPERS = frozenset(f"{_W}{t}" for t in ("sdt", "sdtContent", "customXml", "smartTag"))


def _table_parts(element, tag: str) -> Iterator:
    """The rows of a table, or the cells of a row (``tag``), in document order, those in :data:`_BLOCK_WRAPPERS`
    and ``mc:AlternateContent`` too; not a content control showing its placeholder, nor a row deleted with tracking
    on (``w:trPr/w:del``: with the change accepted, as Word shows it, the row is gone)."""
    for child in element.iterchildren():
        if child.tag == tag:
            props = child.find(f"{_W}trPr") if tag == f"{_W}tr" else None
            if props is None or props.find(f"{_W}del") is None:
                yield child
        elif child.tag in _BLOCK_WRAPPERS and not _placeholder(child):
            yield from _table_parts(child, tag)
        elif child.tag == _MC_ALTERNATE and (chosen := _alternate_chosen(child)) is not None:
            yield from _table_parts(chosen, tag)


def _mark_deleted(paragraph) -> bool:
    """Whether a paragraph's mark was deleted (or moved away) with tracking on (``w:pPr/w:rPr/w:del``): with the
    change accepted, as Word shows it, the paragraph runs on into the next one, one line, not two."""
    props = paragraph.find(f"{_W}pPr")
    marks = props.find(f"{_W}rPr") if props is not None else None
    return marks is not None and (marks.find(f"{_W}del") is not None or marks.find(f"{_W}moveFrom") is not None)


def read_transcript(path: str | Path, *, label: str | None = None) -> str:
    """Read a transcript file: ``.txt`` (UTF-8, UTF-16 with BOM, or cp1252), ``.docx``, or a subtitle file (``.vtt``,
    as Teams and Zoom save a meeting's transcript, or ``.srt``; read by :func:`_subtitle_turns`, as a ``.txt`` holding
    one is).

    A ``.docx`` becomes its paragraphs, table rows and text boxes, in document
    order, one per line.  In a ``.txt``, a carriage return alone ends a line as
    a line feed does (it is read as one).  Archives are checked for zip bombs
    and unsafe entries before they are read; a document with a document type declaration (which
    Word never writes) is refused.

    Raises
    ------
    InputError
        Missing, binary, oversized or unreadable files.
    """
    path = Path(path)
    name = label or str(path)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        import docx  # python-docx

        from ._archive import MAX_DOCUMENT_BYTES, DocxTextWarning, read_docx_text
        from ._io import snapshot

        if not path.is_file():
            raise InputError(f"{name}: file not found")
        # Read once: the guarded reader and python-docx are given the same bytes, so a file a sync client replaces
        # between them is never checked as one version and read as another.
        data = snapshot(path, MAX_DOCUMENT_BYTES, label=name, what=".docx file")
        # The guarded reader first: archive, XML and text-size limits checked while streaming, before python-docx
        # (which reads whole members) sees the file.  Its paragraph text is read again below with the tables.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DocxTextWarning)
            read_docx_text(path, label=name, data=data)
        try:
            document = docx.Document(io.BytesIO(data))
        except Exception as exc:  # python-docx raises many types for a broken file
            raise InputError(f"{name}: not a readable .docx file ({type(exc).__name__}: {exc})") from None
        body = document.element.body
        if body.getroottree().docinfo.doctype:
            raise InputError(f"{name}: the document holds a document type declaration (<!DOCTYPE>), which Word never "
                             "writes - expected a .docx saved by a word processor")
        hidden = [0]  # words formatted as hidden, counted as the text is read
        text = "\n".join(_docx_blocks(body, hidden))
        if notes := _docx_notes(body):
            warnings.warn(f"{name}: {notes} not read (notes beside the interview, not its words: what they say is "
                          "not coded; copy any that hold the interview's words into the text)", TranscriptNotesWarning,
                          stacklevel=user_level())
        if changes := _docx_tracked(body):
            warnings.warn(f"{name}: {changes} not yet accepted or rejected, read as Word shows the document with "
                          "every change accepted (inserted words read, deleted words not): to code the text you "
                          "mean, accept or reject them in Word (Review > Accept or Reject) and save",
                          TranscriptNotesWarning, stacklevel=user_level())
        if hidden := hidden[0]:
            warnings.warn(f"{name}: {_counted(hidden, 'word')} formatted as hidden text not read, as "
                          "Word neither shows nor prints them: if they are the interview's words, select them in "
                          "Word (with hidden text shown), untick Font > Hidden and save", TranscriptNotesWarning,
                          stacklevel=user_level())
        if unknown := _unknown_symbols(body):
            warnings.warn(f"{name}: {_counted(sum(unknown.values()), 'symbol')} picked from a symbol font "
                          f"({_listed([f'{font} {code}' for font, code in unknown][:5])}) read as "
                          f"U+FFFD ({SYMBOL_PLACEHOLDER}): {'it stands' if sum(unknown.values()) == 1 else 'they stand'} "
                          "for no one Unicode character (a picture: a tick, a smiley); if one holds what was said, "
                          "write it in words", TranscriptNotesWarning, stacklevel=user_level())
        if chunks := sum(1 for _ in body.iter(f"{_W}altChunk")):
            warnings.warn(f"{name}: {_counted(chunks, 'embedded document')} (altChunk, as programs "
                          "that make .docx files from web pages write) not read: open the file in Word and save it, "
                          "which makes their text part of the document", TranscriptNotesWarning, stacklevel=user_level())
        if objects := _docx_objects(body):
            warnings.warn(f"{name}: {objects} not read (a file placed inside the document, shown as an icon or a "
                          "picture of its first page: what it holds is not the document's text, and is not coded): "
                          "if one holds the interview's words, copy them into the text", TranscriptNotesWarning,
                          stacklevel=user_level())
        return _no_text_taken_out(text, name)  # as a .txt's: a mark pasted into a paragraph hides its label too
    if suffix not in TRANSCRIPT_SUFFIXES:
        raise InputError(f"{name}: transcript must be a .txt, .docx, .vtt or .srt file")
    # A line ended by a carriage return alone (old Mac files, some transcription software), or by a line or page
    # break of Word or a web page (_LONE_CR), is a line: read as one line, every speaker label after the first was
    # inside the first turn.  One character for one, so offsets into the text hold either way.
    # a byte-order mark given again after the file's own (a tool adding its mark to text that had one) is no text:
    # read as the first character, it would hide the first speaker's label
    text = _LONE_CR.sub("\n", read_text(path, label=name).lstrip("\ufeff"))
    text = _no_text_taken_out(text, name)
    if _SUBTITLES.match(text):
        return _subtitle_turns(text, name)
    if suffix in (".vtt", ".srt") and text.strip():
        # a file named as subtitles that is none: read as plain text, its timings and cue numbers would be coded
        line = text[:len(text) - len(text.lstrip())].count("\n") + 1
        raise InputError(f"{name}:{line}: not a {'WebVTT' if suffix == '.vtt' else 'SubRip'} subtitle file - "
                         + ("expected 'WEBVTT' on the first line" if suffix == ".vtt"
                            else "expected a cue number, then a line '00:00:01,000 --> 00:00:04,000'")
                         + ", as Teams and Zoom save a meeting's transcript; save a transcript of other text as .txt")
    return text


def _no_text_taken_out(text: str, name: str) -> str:
    """``text`` without the characters that are no text (:data:`impact.schema.NO_TEXT_CHARACTERS`: a byte-order mark,
    a zero-width space, a word joiner), told with a :class:`TranscriptNotesWarning` naming the line of the first (of
    a .docx, the line of the text read: a paragraph or a table's row is one); the other characters that change what a
    reader sees unseen (:func:`impact.schema.unseen_characters`: a direction override, embedding, isolate or mark, a
    soft hyphen, a zero-width joiner between Latin letters) told in the same warning, once, with the line of the first,
    and kept: a coded file's spans count them as the transcript stores them, and the report takes them out of all it
    publishes (:func:`impact.report._format.clean_text`).

    A second file's byte-order mark where two transcripts were joined hid the speaker label after it
    ('\ufeffRespondent:' is no label, so the turn was read as the interviewer's), and one inside a word split it for
    the coder ('mor\u200bale' read as 'mor' and 'ale'); both were read without a word, and so was a direction override
    that showed a quote taken from the text backwards."""
    unseen = schema.unseen_characters(text)
    if not unseen:
        return text
    found = [(i, ch) for i, ch in unseen if ch in schema.NO_TEXT_CHARACTERS]
    kept = [(i, ch) for i, ch in unseen if ch not in schema.NO_TEXT_CHARACTERS]
    told = []
    if found:
        line = text.count("\n", 0, found[0][0]) + 1
        kinds = ", ".join(dict.fromkeys(f"U+{ord(ch):04X}" for _, ch in found))
        told.append(f"{_counted(len(found), 'character')} that {_verb(len(found), 'is', 'are')} no text ({kinds}: a "
                    f"byte-order mark or a zero-width character, the first on line {line}) taken out: a mark where two "
                    "files were joined hides the speaker label after it, and one inside a word splits it")
    if kept:
        line = text.count("\n", 0, kept[0][0]) + 1
        kinds = ", ".join(dict.fromkeys(f"U+{ord(ch):04X}" for _, ch in kept))
        turned = any(ch in schema.DIRECTION_CHARACTERS for _, ch in kept)
        told.append(f"{_counted(len(kept), 'character')} that {_verb(len(kept), 'changes', 'change')} what a reader "
                    f"sees unseen ({kinds}: " + ("a direction control, " if turned else "") + "a soft hyphen or a "
                    f"zero-width joiner, the first on line {line}) kept as stored, so that coded spans count them, and "
                    "left out of every file the report publishes" + (": a direction control shows the text around it "
                                                                     "reordered or backwards" if turned else ""))
    warnings.warn(f"{name}: " + "; and ".join(told), TranscriptNotesWarning, stacklevel=user_level())
    return schema.without_no_text(text)[0] if found else text


#: Characters that end a line where a transcript was written, which the turn splitter (reading lines ended by a line
#: feed) would not see as ends: a carriage return alone, and the line and page breaks Word and web pages write into
#: text (vertical tab, form feed, next line, Unicode's line and paragraph separators).
_LONE_CR = re.compile("\r(?!\n)|[\x0b\x0c\x85\u2028\u2029]")
#: The start of a subtitle file: WebVTT's header, or SubRip's (.srt) first cue number and timing line.
_SUBTITLES = re.compile(r"\ufeff?(?:WEBVTT(?:[ \t].*)?\r?\n|\s*\d+[ \t]*\r?\n[ \t]*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}[ \t]*-->)")
_CUE_TIMING = re.compile(r"[ \t]*(?P<start>(?:\d+:)?\d{1,2}:\d{2}[,.]\d{1,3})[ \t]*-->")
_VOICE = re.compile(r"<v(?:\.[\w.-]+)?[ \t]+(?P<name>[^>]+)>")
#: A speaker's label written in a cue's text ('Bob Jones: ...'), as Zoom writes one in every cue.
_CUE_LABEL = re.compile(r"(?P<name>[^\W\d_][\w.'\u2019 -]{0,38}?)[ \t]*:[ \t]+(?=\S)")
_CUE_TAG = re.compile(r"</?(?:v|c|i|b|u|ruby|rt|lang|font)(?:[. \t][^>]*)?>|<\d{1,2}:\d{2}(?::\d{2})?[.,]\d{1,3}>")


def _subtitle_turns(text: str, name: str) -> str:
    r"""A subtitle file (WebVTT, as Teams and Zoom save a meeting's transcript, or SubRip .srt) as a transcript: a
    line ``Speaker [time]: text`` for each run of cues of one voice (``<v Speaker>``), the cue numbers, timings and
    tags left out.  A cue without a voice is its text alone (a label written in it, ``Interviewer: ...``, is read
    as one; the cues after it with the same label written again are that turn's, joined to it).  NOTE blocks are not read, and a :class:`TranscriptNotesWarning` counts them.

    >>> _subtitle_turns("WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\n<v Ann>How has it gone?</v>\n\n"
    ...                 "00:00:05.000 --> 00:00:07.000\n<v Bo>Better.\n\n00:00:08.000 --> 00:00:09.000\n<v Bo>Much.", "t")
    'Ann [00:00:01.000]: How has it gone?\nBo [00:00:05.000]: Better. Much.'
    """
    lines: list[str] = []
    speaker, notes = None, 0
    for block in re.split(r"\n[ \t]*\n", text.lstrip("\ufeff").replace("\r\n", "\n")):  # lines as Windows ends them
        rows = [r.strip() for r in block.strip("\n").split("\n")]
        timing = next((i for i, r in enumerate(rows) if _CUE_TIMING.match(r)), None)
        if timing is None:
            notes += rows[0].startswith("NOTE")  # the header, STYLE and REGION blocks hold no words
            continue
        said = " ".join(r for r in rows[timing + 1:] if r)
        voice = _VOICE.search(said)
        words = " ".join(_CUE_TAG.sub("", said).split())
        if not words:
            continue
        written = None if voice else _CUE_LABEL.match(words)
        if voice and voice.group("name").strip() == speaker:
            lines[-1] += f" {words}"
        elif voice:
            speaker = voice.group("name").strip()
            lines.append(f"{speaker} [{_CUE_TIMING.match(rows[timing]).group('start')}]: {words}")
        elif written and " ".join(written["name"].split()) == speaker and lines:
            # the next cue of one speaker's turn, its label written again ('Bob: We feel' then 'Bob: valued by'), as
            # Zoom writes it: one turn, so a sentence the cues cut is read whole
            lines[-1] += f" {words[written.end():]}"
        else:
            speaker = " ".join(written["name"].split()) if written else None
            lines.append(words)
    if notes:
        warnings.warn(f"{name}: {_counted(notes, 'note')} not read (NOTE blocks of a subtitle file: not "
                      "the interview's words)", TranscriptNotesWarning, stacklevel=user_level())
    return "\n".join(lines)

#: Marks in a .docx body of the notes kept beside its text, which :func:`read_transcript` does not read.
_DOCX_NOTES = (("commentReference", "comment"), ("footnoteReference", "footnote"), ("endnoteReference", "endnote"))


#: The namespace of the OLE objects a .docx embeds (``<o:OLEObject ProgID="Word.Document.12">``), and the programs
#: of the common ones, by the start of their ProgID.
_OFFICE = "{urn:schemas-microsoft-com:office:office}"
_OLE_KINDS = (("Word.", "Word document"), ("Excel.", "Excel workbook"), ("PowerPoint.", "PowerPoint presentation"),
              ("AcroExch.", "PDF document"), ("Package", "file"))


#: Where a symbol is not read: deleted or moved away with tracking, Word's copy for older readers, a ruby's guide.
_NOT_READ = frozenset((f"{_W}del", f"{_W}moveFrom", _MC_FALLBACK, f"{_W}rt"))


def _unknown_symbols(body) -> dict[tuple[str, str], int]:
    """The symbols (``w:sym``) of a .docx body read as :data:`SYMBOL_PLACEHOLDER`, counted by ``(font, code)``."""
    found: dict[tuple[str, str], int] = {}
    for sym in body.iter(f"{_W}sym"):
        run = sym.getparent()
        if _symbol(sym) != SYMBOL_PLACEHOLDER or (run is not None and _hidden_run(run)) or any(
                a.tag in _NOT_READ or _placeholder(a) for a in sym.iterancestors()):
            continue
        key = (sym.get(f"{_W}font") or "no font", (sym.get(f"{_W}char") or "").upper())
        found[key] = found.get(key, 0) + 1
    return found


def _docx_objects(body) -> str:
    """The files a .docx body embeds as OLE objects (Insert > Object), counted by kind (``"1 embedded Word document
    and 2 embedded files"``), or "": their content is no text of the document."""
    kinds: dict[str, int] = {}
    for ole in body.iter(f"{_OFFICE}OLEObject"):
        if ole.get("Type", "Embed") != "Embed":
            continue
        prog = ole.get("ProgID") or ""
        kind = next((k for start, k in _OLE_KINDS if prog.startswith(start)), "object")
        kinds[kind] = kinds.get(kind, 0) + 1
    said = [_counted(n, f"embedded {k}") for k, n in kinds.items()]
    return _listed(said)


#: Tracked changes of a .docx body's text, by what they do to it: words inserted (or moved here), words deleted (or
#: moved away).  A change of formatting alone (``w:rPrChange``, ``w:pPrChange``) changes no word and is not counted.
_TRACKED = (((f"{_W}ins", f"{_W}moveTo"), "insertion"), ((f"{_W}del", f"{_W}moveFrom"), "deletion"))


def _docx_tracked(body) -> str:
    """The tracked changes of a .docx body's words not yet accepted or rejected, counted by kind ("2 tracked
    insertions and 1 tracked deletion"), or "": each change once (Word gives each its own ``w:id``), those in Word's
    copy for older readers not counted (newuser7: read as accepted without a word)."""
    counts = []
    for tags, kind in _TRACKED:
        ids = {el.get(f"{_W}id") for tag in tags for el in body.iter(tag)
               if not any(a.tag == _MC_FALLBACK for a in el.iterancestors())}
        if ids:
            counts.append(_counted(len(ids), f"tracked {kind}"))
    return _listed(counts)


def _docx_notes(body) -> str:
    """The notes a .docx body points to, counted by kind (``"2 comments and 1 footnote"``), or "": comments,
    footnotes and endnotes, each marked where it stands by a reference (a note no reference points to is not
    shown by Word either)."""
    counts = []
    for tag, kind in _DOCX_NOTES:
        ids = {el.get(f"{_W}id") for el in body.iter(f"{_W}{tag}")}
        if ids:
            counts.append(_counted(len(ids), kind))
    return _listed(counts)


# --------------------------------------------------------------------------- study
class UncheckedInputWarning(ImpactWarning):
    """A problem in a study folder read with ``load_study(path, validate=False)``: told, not refused.

    Each problem found while reading the tables (a row of column names again in the middle of a table, which is
    not read as data; a row of too many or too few cells; a column named twice; a table missing) is one warning
    naming the folder, file, row and column, and is kept in :attr:`Study.load_problems`.
    """


class TranscriptNameWarning(ImpactWarning):
    """A transcript read from a file whose name is the one ``interviews.csv`` gives written another way: its accented
    letters decomposed (as macOS writes names) where the table has them composed, or the reverse.  The names look
    the same; the warning names both spellings."""


class TranscriptNotesWarning(ImpactWarning):
    """A .docx transcript with comments, footnotes or endnotes, which are not read as the interview's words, with
    tracked changes not yet accepted or rejected (read as accepted: inserted words read, deleted ones not), or with
    embedded documents (``altChunk``), files embedded as objects (Insert > Object) or text formatted as hidden, which
    are not read either, or with symbols of a symbol font that stand for no one character (Wingdings), read as
    U+FFFD: the warning names the file and counts them."""


class TrimmedTextWarning(ImpactWarning):
    """A text value given to :class:`Study` that a study file cannot hold as it is: spaces (tabs, line breaks,
    non-breaking spaces) at its start or end, which :func:`load_study` does not read, as it reads every cell.

    The study holds the value as a saved study gives it back, so that saving and loading never changes it;
    each value changed is named (file, row, column, value, what is held).
    """


class Study:
    """A longitudinal study of councils: tidy tables, waves and transcripts.

    Parameters
    ----------
    meta : dict
        The content of ``study.yaml`` (``name`` required; ``waves`` default to
        expectations / early / longer_term).
    tables : mapping of str to DataFrame
        Tables named as in :data:`impact.schema.TABLES`; optional tables may be
        left out.  Columns must be the schema's; values are normalised to the
        schema's types (dates, nullable integers, floats, text).
    transcripts : mapping of str to str, optional
        Transcript text by the interview's ``transcript`` path; transcripts not
        given are read from ``root / "transcripts"`` when first asked for.
    root : path, optional
        The study folder the study was loaded from.

    Raises
    ------
    ValidationError
        Listing every value no study file can hold (file, row, column, value):
        a fraction in a whole-number column, a yes/no value in a number
        column, a time of day in a date column, infinity, a NUL character.

    Warns
    -----
    TrimmedTextWarning
        Naming each text value held without the spaces at its ends.

    Notes
    -----
    Accessors return copies, so changing them never changes the study.  Use
    :func:`load_study` to read a folder; the constructor does not validate
    (call :meth:`validate`).  Values are held as a study file gives them
    back (text without spaces at its ends; a date given as text read as a
    study file's cell is, never month first), so :meth:`save` and
    :func:`load_study` never change them.

    Examples
    --------
    >>> study = Study({"name": "Empty study"}, {})
    >>> study.wave_ids
    ['expectations', 'early', 'longer_term']
    >>> study
    <Study 'Empty study': 0 councils, 0 participants, 0 interviews, waves ['expectations', 'early', 'longer_term']>
    """

    def __init__(
        self,
        meta: Mapping[str, Any],
        tables: Mapping[str, pd.DataFrame],
        transcripts: Mapping[str, str] | None = None,
        root: str | Path | None = None,
    ) -> None:
        for arg, value in (("meta", meta), ("tables", tables)):
            if not isinstance(value, Mapping):
                raise TypeError(f"`{arg}` must be a mapping (a dict), but {type(value).__name__} was passed.")
        unknown = sorted(set(tables) - set(TABLES))
        if unknown:
            raise ValueError(f"Unknown {_named('table', unknown)}; expected names from {sorted(TABLES)}.")
        self._meta = copy.deepcopy(dict(meta))
        self._tables: dict[str, pd.DataFrame] = {}
        errors: list[Problem] = []
        changed: list[Problem] = []
        for name, spec in TABLES.items():
            df = tables.get(name)
            if df is None:
                self._tables[name] = _empty_frame(spec)
                continue
            if not isinstance(df, pd.DataFrame):
                raise TypeError(f"Table `{name}` must be a pandas DataFrame, but {type(df).__name__} was passed.")
            missing = [c for c in spec.column_names if c not in df.columns]
            extra = [c for c in df.columns if c not in spec.column_names]
            twice = sorted({str(c) for c in df.columns[df.columns.duplicated()]})
            if missing or extra or twice:
                in_index = [c for c in missing if c in [n for n in df.index.names if n is not None]]
                raise ValueError(
                    f"Table `{name}` must have the columns {spec.column_names}; "
                    f"missing {missing}, unexpected {extra}"
                    + (f", given twice {twice}" if twice else "")
                    + (f" ({in_index} in the index: call .reset_index() first)" if in_index else "") + "."
                )
            records, bad, trimmed = _checked_records(spec, df[spec.column_names])
            errors += bad
            changed += trimmed
            self._tables[name] = _frame_from_records(spec, records)
        if errors:  # a value changed or lost on the way to the study's types would be a silent change of the data
            raise ValidationError(errors, source="Study (values no study file can hold)")
        if changed:
            shown = capped_lines(changed)
            warnings.warn(f"Study: {_counted(len(changed), 'text value')} changed to what a saved study gives back:\n  "
                          + "\n  ".join(shown), TrimmedTextWarning, stacklevel=user_level())
        self._transcripts: dict[str, str] = dict(transcripts or {})
        self.root = Path(root) if root is not None else None
        #: Warnings (such as attrition) found when the study was loaded.
        self.load_problems: list[Problem] = []
        self._checked = False  # not validated: Study.save checks it before writing
        waves = self._meta.get("waves")
        if isinstance(waves, list) and all(isinstance(w, Mapping) and isinstance(w.get("id"), str) for w in waves):
            # the order of the study's waves, for a panel of it whose attrs pandas dropped (a merge, a join: kept_order)
            remember_order("wave", [w["id"] for w in waves])
            remember_labels("wave", self._wave_labels())  # and their labels ('3 months' told as 'early' after a merge)

    # ----------------------------------------------------------------- metadata
    @property
    def meta(self) -> dict[str, Any]:
        """The content of ``study.yaml`` (a copy)."""
        return copy.deepcopy(self._meta)

    @property
    def name(self) -> str:
        """The study's name."""
        return str(self._meta.get("name", ""))

    @property
    def codebook_ref(self) -> str:
        """Codebook named in ``study.yaml`` (a bundled name or a path); default ``nfer_impacts``."""
        return str(self._meta.get("codebook") or "nfer_impacts")

    @property
    def waves(self) -> pd.DataFrame:
        """The waves: ``wave``, ``label``, ``anchor``, ``window_start``, ``window_end``, ``order``."""
        rows = []
        for i, w in enumerate(self._meta.get("waves") or DEFAULT_WAVES):
            lo, hi = w.get("window_days", [None, None])
            rows.append(
                {
                    "wave": str(w["id"]),
                    "label": str(w.get("label", w["id"])),
                    "anchor": str(w.get("anchor", "review_end")),
                    "window_start": int(lo),
                    "window_end": int(hi),
                    "order": i,
                }
            )
        return pd.DataFrame(rows)

    @property
    def wave_ids(self) -> list[str]:
        """Wave ids in study order."""
        return [str(w["id"]) for w in (self._meta.get("waves") or DEFAULT_WAVES)]

    @property
    def wave_ids_held(self) -> list[str]:
        """The ids of the waves at which an interview was held, in study order (none where no interview is listed):
        a declared wave without one (an interim report before a wave's fieldwork) has no model term, trajectory or
        change to state (report truth rounds 71 and 72)."""
        held = set(self.interviews["wave"].astype(str))
        return [w for w in self.wave_ids if w in held]

    @property
    def survey_items(self) -> pd.DataFrame:
        """Survey items from ``study.yaml``: ``item``, ``label``, ``scale_min``, ``scale_max``."""
        items = ((self._meta.get("survey") or {}).get("items")) or {}
        rows = []
        for item, spec in items.items():
            spec = spec or {}
            lo, hi = spec.get("scale", [1, 5])
            rows.append({"item": str(item), "label": str(spec.get("label", item)), "scale_min": int(lo), "scale_max": int(hi)})
        return pd.DataFrame(rows, columns=["item", "label", "scale_min", "scale_max"])

    def vocabularies(self) -> dict[str, dict[str, str]]:
        """Every vocabulary the study's columns are checked against.

        Returns
        -------
        dict of str to dict
            Vocabulary name to its allowed values (value to label).

        Examples
        --------
        >>> import impact
        >>> study = impact.load_study(impact.example_path(), validate=False)  # validate=False: quicker, no checks
        >>> study.vocabularies()["waves"]
        {'expectations': 'expectations', 'early': 'early', 'longer_term': 'longer_term'}
        """
        vocabs = {k: dict(v) for k, v in schema.BASE_VOCABULARIES.items()}
        for name, extra in (self._meta.get("vocabularies") or {}).items():
            if name in schema.EXTENSIBLE and isinstance(extra, Mapping):
                vocabs[name].update({str(k): str(v) for k, v in extra.items()})
            elif name in schema.EXTENSIBLE and isinstance(extra, list):
                # an id listed alone is shown as written; a built-in one listed so keeps its label ('[dcs]' made
                # every DCS 'dcs' in the report in place of "Director of children's services")
                vocabs[name].update({str(k): str(k) for k in extra if str(k) not in vocabs[name]})
        vocabs["waves"] = {w: w for w in self.wave_ids}
        vocabs["survey_items"] = {i: i for i in self.survey_items["item"]}
        return vocabs

    # ----------------------------------------------------------------- tables
    def table(self, name: str) -> pd.DataFrame:
        """Return a copy of the table called ``name`` (see :data:`impact.schema.TABLES`).

        Parameters
        ----------
        name : str
            A table of :data:`impact.schema.TABLES` (``councils``, ``interviews``, ...).

        Returns
        -------
        DataFrame
            A copy: changing it leaves the study as it was.

        Examples
        --------
        >>> import impact
        >>> study = impact.load_study(impact.example_path(), validate=False)  # validate=False: quicker, no checks
        >>> study.table("councils").columns.tolist()
        ['council_id', 'name', 'ons_code', 'council_type', 'region']
        """
        schema.table(name)
        return self._tables[name].copy()

    def _council_names(self) -> dict[str, object]:
        """Each council's name by its id (for a name given where an id goes: :func:`impact._joins.named_as`)."""
        councils = self._tables["councils"]
        return dict(zip(councils["council_id"], councils["name"], strict=True)) if "name" in councils else {}

    def _refuse_unknown(self, argument: str, given: Sequence | None) -> None:
        """Refuse the ``councils`` or ``waves`` in ``given`` that are not the study's (:func:`impact._joins.refuse_unknown`):
        a council of England the study does not hold is told by its id and name ('302' is Barnet), a misspelt name as
        the council meant (the study's first, else England's), a wave's label or its words ('3 months') as the wave."""
        if argument == "councils":
            from .councils import council_list

            england = council_list(include_former=True)
            councils = self._tables["councils"]
            groups = {" ".join(str(v).split()).casefold(): (column, str(v), ids.tolist())
                      for column in ("council_type", "region") if column in councils
                      for v, ids in councils.groupby(column, observed=True)["council_id"] if str(v).strip()}
            refuse_unknown("councils", given, councils["council_id"].tolist(), "the study",
                           names=self._council_names(), elsewhere=dict(zip(england["council_id"], england["name"])),
                           groups=groups, listing='study.councils["council_id"]')
        else:
            refuse_unknown("waves", given, self.wave_ids, "the study", labels=self._wave_labels())

    def _wave_labels(self) -> dict[str, str]:
        """Each wave's label by its id, where study.yaml gives one (for a label or its words given where a wave goes:
        '3 months' is the wave 'early'); the panels carry it (:data:`impact._frames.LABELS`)."""
        waves = [w for w in (self._meta.get("waves") or DEFAULT_WAVES) if isinstance(w, dict) and "id" in w]
        return {str(w["id"]): str(w["label"]) for w in waves if w.get("label")}

    def subset(self, *, councils: str | Iterable[str]) -> Study:
        """The study of ``councils`` alone: every table's rows of those councils (the action progress of their
        actions), the same ``study.yaml`` and transcripts.

        For an analysis of some of a study's councils (a region, the councils in intervention): the panels, the
        statistics and :func:`impact.run` of the subset see only those councils. The study is not changed.

        Parameters
        ----------
        councils : str or iterable of str
            Council ids of the study (``"301"``, or a list, a Series or a set of them); a number is read as its
            text (``301`` is ``"301"``).

        Returns
        -------
        Study
            A new study, its tables copies; not validated again (``validate()`` checks it: a subset can leave a
            status group or a wave empty, which only the analysis says).

        Raises
        ------
        InputError
            Where a council is not one of the study's (one of England's councils the study does not hold named as
            that council, by id or name; a council's name given for its id told with the id; a misspelt name with
            the council meant), an id is missing (None, NaN: a blank cell of the column given), or none is given.
        TypeError
            Where ``councils`` is neither a council id nor a list of them (None, an object, a DataFrame).

        Examples
        --------
        >>> import impact
        >>> study = impact.load_study(impact.example_path(), validate=False)  # validate=False: quicker, no checks
        >>> london = study.subset(councils=study.councils.query("region == 'London'")["council_id"])
        >>> len(london.councils), sorted(set(london.interviews["council_id"])) == sorted(london.councils["council_id"])
        (9, True)
        >>> len(study.councils)  # the study is as it was
        30
        >>> study.subset(councils=["Barnet"])  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        impact.errors.InputError: `councils` has 1 council not in the study: 'Barnet' (it is the name of council '302', which is not in the study) - expected councils of ...
        """
        import numbers

        import numpy as np

        if isinstance(councils, (str, numbers.Number, np.generic)):  # one id: 305, '305', 305.0 (a float column's)
            given = [councils]
        elif isinstance(councils, pd.DataFrame):  # its column names were read as councils ('name': did you mean ...)
            from ._joins import frame_for_names

            raise TypeError(frame_for_names(councils, "councils"))
        elif councils is None or isinstance(councils, bytes) or not hasattr(councils, "__iter__"):
            raise TypeError(f"The value for `councils` must be a council id or a list of them (e.g. "
                            f"study.councils['council_id'] filtered), but {type(councils).__name__} was passed.")
        else:
            given = list(councils)
        refuse_missing("councils", given)  # a blank cell of the column given: told as such, not as the council None
        ids = [one_key(c) for c in given]
        if not ids:
            raise InputError("`councils` names no council: give the ids of the councils to keep "
                             "(e.g. study.councils['council_id'] filtered).")
        self._refuse_unknown("councils", ids)
        keep = set(ids)
        tables = {}
        for name in TABLES:
            table = self._tables[name]
            if "council_id" in table.columns:
                table = table[table["council_id"].isin(keep)]
            tables[name] = table
        actions = set(tables["actions"]["action_id"])
        tables["action_progress"] = tables["action_progress"][tables["action_progress"]["action_id"].isin(actions)]
        files = set(tables["interviews"]["transcript"].dropna())
        return Study(self._meta, {n: t.reset_index(drop=True) for n, t in tables.items()},
                     transcripts={rel: text for rel, text in self._transcripts.items() if rel in files}, root=self.root)

    @property
    def councils(self) -> pd.DataFrame:
        """``councils.csv``: council_id, name, ons_code, council_type, region."""
        return self.table("councils")

    @property
    def status_history(self) -> pd.DataFrame:
        """``status_history.csv``: council_id, kind, status, start_date, end_date, source."""
        return self.table("status_history")

    @property
    def reviews(self) -> pd.DataFrame:
        """``reviews.csv``: council_id, start_date, end_date, themes, team_roles, n_recommendations."""
        return self.table("reviews")

    @property
    def participants(self) -> pd.DataFrame:
        """``participants.csv``: participant_id, council_id, role, organisation_type, name."""
        return self.table("participants")

    @property
    def interviews(self) -> pd.DataFrame:
        """``interviews.csv`` with ``wave`` filled in (derived from the date where blank).

        An extra column ``wave_source`` says ``"given"`` or ``"derived"``.
        Derived once and kept, like :meth:`wave_status`: a study's tables
        never change after it is made.
        """
        cached = self.__dict__.get("_interviews")
        if cached is None:
            cached = self.table("interviews")
            derived = self._derive_waves(cached)
            given = cached["wave"].notna()
            cached["wave"] = cached["wave"].where(given, derived)
            cached["wave_source"] = np.where(given, "given", np.where(cached["wave"].notna(), "derived", ""))
            self.__dict__["_interviews"] = cached
        return cached.copy()

    @property
    def survey_responses(self) -> pd.DataFrame:
        """``survey_responses.csv`` (long: respondent x wave x item)."""
        return self.table("survey_responses")

    @property
    def actions(self) -> pd.DataFrame:
        """``actions.csv``: actions from the review's recommendations."""
        return self.table("actions")

    @property
    def action_progress(self) -> pd.DataFrame:
        """``action_progress.csv``: status of each action at each wave."""
        return self.table("action_progress")

    @property
    def indicators(self) -> pd.DataFrame:
        """``indicators.csv``: council_id, period, measure, value, flag."""
        return self.table("indicators")

    # ----------------------------------------------------------------- transcripts
    def transcript(self, interview_id: str) -> str:
        """Return the transcript text of one interview.

        Parameters
        ----------
        interview_id : str
            An interview of the study.

        Returns
        -------
        str

        Raises
        ------
        UnknownIdError
            If the study has no interview ``interview_id`` (an :class:`impact.InputError`, and a ``KeyError``),
            naming the closest ids it has.

        Examples
        --------
        >>> import impact
        >>> study = impact.load_study(impact.example_path(), validate=False)  # validate=False: quicker, no checks
        >>> study.transcript("I0201-001").splitlines()[0]
        'Interviewer: Hello, is now still a good time?'
        """
        rows = self._tables["interviews"]
        # Each interview's transcript cell (its first row's), read once: callers ask for many interviews in turn, and a
        # search of the table for each read all of it each time. Kept with the frame it was read from.
        held = self.__dict__.get("_transcript_cells")
        if held is None or held[0] is not rows:
            cells: dict = {}
            for iid, rel in zip(rows["interview_id"].tolist(), rows["transcript"].tolist(), strict=True):
                cells.setdefault(iid, rel)
            held = self.__dict__["_transcript_cells"] = (rows, cells)
        try:
            rel = held[1][interview_id]
        except (KeyError, TypeError):  # TypeError: an unhashable id, which names no interview either
            from ._joins import place_hint
            from .errors import UnknownIdError
            from .schema import did_you_mean

            ids = [str(i) for i in held[1]]
            # a number or a place (study.transcript(3)): what the ids look like, those numbered so, the one at that place
            hint = (place_hint(interview_id, rows["interview_id"].astype(str).tolist(), "interview",
                               'study.interviews["interview_id"]') or did_you_mean(str(interview_id), ids))
            raise UnknownIdError(f"No interview {interview_id!r} in study {self.name!r}{hint} - expected an "
                                 "interview_id of interviews.csv.") from None
        return self._text_of(interview_id, rel)

    def _text_of(self, interview_id: Any, rel: Any) -> str:
        """The transcript text of an interview whose ``transcript`` cell is ``rel`` (a clear error when it is empty)."""
        if pd.isna(rel) or not str(rel).strip():
            raise InputError(f"interviews.csv: interview {interview_id!r} names no transcript (the `transcript` column "
                             "is required: the path of its transcript under transcripts/)")
        return self._transcript_text(str(rel))

    def _transcript_text(self, rel: str) -> str:
        if rel not in self._transcripts:
            if self.root is None:
                raise InputError(f"transcripts/{rel}: transcript not available (study has no folder)")
            path, note, clash = transcript_file(self.root / "transcripts", rel)
            if clash:
                raise InputError(f"transcripts/{rel}: expected {clash}")
            if note:
                warnings.warn(f"transcripts/{rel}: expected {note}", TranscriptNameWarning, stacklevel=user_level())
            from ._io import reads_recorded

            with reads_recorded() as log:  # read now (a study loaded without validating): what was read is kept too
                self._transcripts[rel] = read_transcript(path, label=f"transcripts/{rel}")
            self.__dict__.setdefault("_read", {}).update(_relative_reads(self.root, log))
            self.__dict__.setdefault("_heads", {}).update(_relative_reads(self.root, log.heads))
        return self._transcripts[rel]

    def _changed_since_read(self) -> list[str]:
        """The files of the study folder whose bytes are not those read into the study (each one's path in the
        folder, in the order read; one gone counts): a sync client or another program wrote them since, so what the
        folder holds is not what was analysed.  Empty for a study made in Python, or whose files are as read."""
        import hashlib

        changed = []
        for rel, digest in dict(self.__dict__.get("_read") or {}).items():
            h = hashlib.sha256()
            try:
                with open(Path(self.root) / rel, "rb") as fh:
                    for block in iter(lambda fh=fh: fh.read(1 << 20), b""):
                        h.update(block)
            except OSError:
                changed.append(rel)
                continue
            if h.hexdigest() != digest:
                changed.append(rel)
        return changed

    def _marked(self, rel: Any) -> bool:
        """Whether the transcript file ``rel`` (a ``transcript`` cell of interviews.csv) begins with a byte-order mark
        (UTF-8 or UTF-16), which its text as read does not hold: a tool that kept the mark counts it as a character,
        so its span offsets are one late.  False for a transcript given in Python, a ``.docx`` or a file that cannot
        be read (told where it is read)."""
        if self.root is None or pd.isna(rel) or not str(rel).lower().endswith(".txt"):
            return False
        path = transcript_file(self.root / "transcripts", str(rel))[0]
        # the bytes read into the study, kept (:class:`impact._io.ReadLog`): the file may have been replaced since
        head = dict(self.__dict__.get("_heads") or {}).get(next(iter(_relative_reads(self.root, {os.path.abspath(path): ""})), ""))
        if head is None:
            try:
                with open(path, "rb") as f:
                    head = f.read(3)
            except OSError:
                return False
        return head.startswith((b"\xef\xbb\xbf", *UTF16_BOMS))

    def transcripts(self) -> pd.Series:
        """All transcripts as a Series of text indexed by ``interview_id``.

        Returns
        -------
        Series
            Text indexed by ``interview_id``.

        Examples
        --------
        >>> import impact
        >>> study = impact.load_study(impact.example_path(), validate=False)  # validate=False: quicker, no checks
        >>> texts = study.transcripts()
        >>> len(texts), texts.index[0]
        (375, 'I0201-001')
        """
        rows = self._tables["interviews"]
        texts = [self._text_of(i, t) for i, t in zip(rows["interview_id"], rows["transcript"], strict=True)]
        return text_series(texts, index=pd.Index(rows["interview_id"], name="interview_id"), name="transcript")

    def iter_transcripts(self) -> Iterator[tuple[str, str]]:
        """``(interview_id, text)`` of every interview, in table order: ``transcripts().items()``
        without building the Series, so a national corpus is not copied (the texts are the study's own).

        Yields
        ------
        tuple of (str, str)
            ``(interview_id, text)``.

        Examples
        --------
        >>> import impact
        >>> study = impact.load_study(impact.example_path())
        >>> iid, text = next(study.iter_transcripts())
        >>> text == study.transcripts()[iid]
        True
        """
        rows = self._tables["interviews"]
        for iid, rel in zip(rows["interview_id"].tolist(), rows["transcript"].tolist(), strict=True):
            yield str(iid), self._text_of(iid, rel)

    # ----------------------------------------------------------------- waves & status
    def _anchors(self) -> pd.DataFrame:
        r = self._tables["reviews"]
        return r.set_index("council_id")[["start_date", "end_date"]].rename(
            columns={"start_date": "review_start", "end_date": "review_end"}
        )

    def _derive_waves(self, interviews: pd.DataFrame) -> pd.Series:
        """Wave whose window holds each interview's date (NaN where none does)."""
        anchors = self._anchors()
        out = pd.Series(np.nan, index=interviews.index, dtype="object")
        joined = interviews[["council_id", "date"]].join(anchors, on="council_id")
        for w in self.waves.itertuples(index=False):
            if w.anchor not in ("review_start", "review_end"):
                continue
            offset = (joined["date"] - joined[w.anchor]).dt.days
            hit = out.isna() & offset.between(w.window_start, w.window_end)
            out[hit] = w.wave
        return as_text(out)

    def status_at(self, council_id: str, date: Any) -> dict[str, str | None]:
        """Status of a council on a date, from its status history.

        Parameters
        ----------
        council_id : str
            A council of the study.
        date : str, date or Timestamp
            The date the status is read at: a date ('2013-06-01'; day/month/year read day first); a wave's id or
            label ('early'), for the council's reference date at that wave (:meth:`wave_dates`, the date
            :meth:`wave_status` reads); or a time from the council's review ('3 months after the review', from its
            end; '6 weeks before the review', from its start).

        Returns
        -------
        dict
            ``ofsted_judgement``, ``improvement_notice``, ``statutory_direction``
            (the status in force, or None) and ``intervention``: ``"direction"``
            if a statutory direction was in force, else ``"notice"`` if a notice
            was, else ``"none"``.

        Raises
        ------
        InputError
            If ``council_id`` is not a council of the study (an unknown id
            never answers "none"), or ``date`` is none of the above (named with
            the wave or time meant: '3 months', 2, 'erly').

        Examples
        --------
        >>> import pandas as pd
        >>> s = Study({"name": "x"}, {
        ...     "councils": pd.DataFrame({"council_id": ["301"], "name": ["Barking and Dagenham"],
        ...         "ons_code": ["E09000002"], "council_type": ["london_borough"], "region": ["London"]}),
        ...     "status_history": pd.DataFrame({
        ...     "council_id": ["301", "301"], "kind": ["ofsted_judgement", "improvement_notice"],
        ...     "status": ["inadequate", "improvement_notice"],
        ...     "start_date": ["2012-01-10", "2012-03-01"], "end_date": [None, "2013-02-28"],
        ...     "source": [None, None]})})
        >>> s.status_at("301", "2012-06-01")["intervention"]
        'notice'
        >>> s.status_at("301", "2013-06-01")["intervention"]
        'none'
        >>> s.status_at("301", "3 months")
        Traceback (most recent call last):
        ...
        impact.errors.InputError: The value for `date` must be a date such as '2013-06-01', a wave of the study (one of ['expectations', 'early', 'longer_term']) or a time from the council's review such as '3 months after the review', but '3 months' was passed (did you mean 'early', the wave 'Early impact (about 3 months after)'? or, for 3 months after the council's review, '3 months after the review').
        >>> s.status_at("999", "2013-06-01")
        Traceback (most recent call last):
        ...
        impact.errors.InputError: council_id '999' is not a council of study 'x' (expected one of: 301)
        """
        council_id = one_key(council_id)  # 201 or 201.0 given for '201' is that council, not an unknown one
        known = self._tables["councils"]["council_id"]
        if not (known == council_id).any():
            listed = ", ".join(known.astype(str).head(10)) + (", ..." if len(known) > 10 else "")
            from ._joins import place_hint

            # a place in the list of councils (status_at(3, ...)): the council at that place (newuser14)
            hint = (place_hint(council_id, known.astype(str).tolist(), "council", 'study.councils["council_id"]')
                    or named_as(council_id, self._council_names()))
            raise InputError(f"council_id {council_id!r} is not a council of study {self.name!r}{hint} "
                             f"(expected one of: {listed or 'none - the study has no councils'})")
        when = self._date_of(council_id, date)
        h = self._tables["status_history"]
        h = h[(h["council_id"] == council_id) & (h["start_date"] <= when) & (h["end_date"].isna() | (h["end_date"] >= when))]
        out: dict[str, str | None] = {}
        for kind in ("ofsted_judgement", "improvement_notice", "statutory_direction"):
            rows = h[h["kind"] == kind].sort_values("start_date")
            out[kind] = None if rows.empty else str(rows["status"].iloc[-1])
        out["intervention"] = (
            "direction" if out["statutory_direction"] else "notice" if out["improvement_notice"] else "none"
        )
        return out

    def _date_of(self, council_id: str, date: Any) -> pd.Timestamp:
        """The date :meth:`status_at` reads ``council_id``'s status at: ``date`` itself; a wave's id or label as the
        council's reference date at that wave (:meth:`wave_dates`, as :meth:`wave_status` reads it); a time from the
        council's review ('3 months after the review': from its end; '6 weeks before the review': from its start).
        Anything else is refused naming what is accepted, with the wave or phrase meant where there is one ('3
        months': the wave labelled 'about 3 months after', or '3 months after the review'; 2: the second wave).
        No date (None, NaT), a number or text that is no date is refused: it answered "none" (not in intervention)."""
        if isinstance(date, str):
            form = schema.same_id(date)
            wave = next((w for w in self.waves.itertuples(index=False) if form in (schema.same_id(str(w.wave)),
                                                                                    schema.same_id(str(w.label)))), None)
            if wave is not None:
                at = self.wave_dates().set_index(["council_id", "wave"])["reference_date"].get((council_id, wave.wave))
                if at is None or pd.isna(at):
                    raise InputError(f"council {council_id!r} has no interview at the wave {wave.wave!r} and no review "
                                     f"in reviews.csv to place the wave from, so {date!r} names no date: give a date "
                                     "such as '2013-06-01'.")
                return at
            after = _AFTER_REVIEW.fullmatch(" ".join(_DIGIT_WORDS.get(w, w) for w in date.casefold().split()))
            if after is not None and after["way"]:
                return self._from_review(council_id, date, after)
        try:
            return one_date(date, "date")
        except InputError as exc:
            if isinstance(date, str) and (_read_text_date(date).why or _read_text_date(date).order == "either"):
                raise  # a date written so it reads two ways or names no day: that message says what to write
            raise InputError(f"The value for `date` must be a date such as '2013-06-01', a wave of the study (one of "
                             f"{self.wave_ids}) or a time from the council's review such as '3 months after the "
                             f"review', but {date!r} was passed{self._date_hint(date)}.") from exc

    def _from_review(self, council_id: str, date: str, after: re.Match) -> pd.Timestamp:
        """The date ``after`` (a match of :data:`_AFTER_REVIEW` in ``date``) names for ``council_id``: so long after
        its review's end, or before its start."""
        anchors = self._anchors()
        side = "review_end" if after["way"] in ("after", "from", "since", "post") else "review_start"
        base = anchors[side].get(council_id) if council_id in anchors.index else None
        if base is None or pd.isna(base):
            raise InputError(f"council {council_id!r} has no review in reviews.csv (its {side}), so {date!r} names no "
                             "date: give a date such as '2013-06-01'.")
        n = 1 if after["n"] in ("a", "an") else int(after["n"])
        unit = {"d": "days", "w": "weeks", "m": "months", "y": "years"}[after["unit"][0]]
        step = pd.DateOffset(**{unit: n})
        return base + step if side == "review_end" else base - step

    def _date_hint(self, date: object) -> str:
        """What a ``date`` that is none meant, for the message: a wave said by its label's words, its number or a
        misspelt id; a time said without 'after the review'."""
        text = str(date).strip()
        if isinstance(date, bool) or not text:
            return ""
        labels = dict(zip(self.waves["wave"].astype(str), self.waves["label"].astype(str)))
        wave = ((label_hint(text, labels) or schema.did_you_mean(text, self.wave_ids)) if isinstance(date, str) else ""
                ) or (schema.wave_hint(text, self.wave_ids) if isinstance(date, (str, int, np.integer)) else "")
        said = wave.removeprefix(" (").removesuffix(")")
        plain = " ".join(_DIGIT_WORDS.get(w, w) for w in text.casefold().split())
        if isinstance(date, str) and (m := _AFTER_REVIEW.fullmatch(plain)) is not None and not m["way"]:
            said += (" or, " if said.endswith("?") else "; " if said else "") + (
                f"for {text} after the council's review, {text + ' after the review'!r}")
        return f" ({said})" if said else ""

    def wave_dates(self) -> pd.DataFrame:
        """Reference date of each council at each wave.

        The median date of the council's interviews at that wave, or where it
        has none, the review anchor plus the middle of the wave's window.
        Columns: ``council_id``, ``wave``, ``reference_date``, ``date_source``.

        Returns
        -------
        DataFrame
            ``council_id``, ``wave``, ``reference_date``, ``date_source``.

        Examples
        --------
        >>> import impact
        >>> study = impact.load_study(impact.example_path(), validate=False)  # validate=False: quicker, no checks
        >>> study.wave_dates().columns.tolist()
        ['council_id', 'wave', 'reference_date', 'date_source']
        """
        iv = self.interviews
        med = iv.dropna(subset=["wave"]).groupby(["council_id", "wave"], observed=True)["date"].median()
        anchors = self._anchors()
        rows = []
        for council in self._tables["councils"]["council_id"]:
            for w in self.waves.itertuples(index=False):
                if (council, w.wave) in med.index:
                    rows.append((council, w.wave, med[(council, w.wave)], "interviews"))
                elif council in anchors.index and w.anchor in anchors.columns:
                    base = anchors.loc[council, w.anchor]
                    mid = (w.window_start + w.window_end) // 2
                    rows.append((council, w.wave, base + pd.Timedelta(days=mid), "window"))
                else:
                    rows.append((council, w.wave, pd.NaT, "no_review"))
        df = pd.DataFrame(rows, columns=["council_id", "wave", "reference_date", "date_source"])
        df["reference_date"] = df["reference_date"].astype("datetime64[ns]")
        return df

    def wave_status(self) -> pd.DataFrame:
        """Status of every council at every wave (one row per council x wave).

        Columns: ``council_id``, ``wave``, ``reference_date``,
        ``ofsted_judgement``, ``improvement_notice``, ``statutory_direction``,
        ``intervention`` and ``in_intervention`` (notice or direction).  The
        same rules as :meth:`status_at`, computed for all councils at once
        (and kept: a study's tables never change after it is made).

        Returns
        -------
        DataFrame
            One row per council and wave (columns above).

        Examples
        --------
        >>> import impact
        >>> study = impact.load_study(impact.example_path(), validate=False)  # validate=False: quicker, no checks
        >>> status = study.wave_status()
        >>> status.groupby("wave", sort=False)["in_intervention"].sum().to_dict()  # councils in intervention
        {'expectations': 9, 'early': 9, 'longer_term': 6}
        """
        cached = self.__dict__.get("_wave_status")
        if cached is None:
            cached = self._compute_wave_status()
            self.__dict__["_wave_status"] = cached
        return cached.copy()

    def _compute_wave_status(self) -> pd.DataFrame:
        df = self.wave_dates()[["council_id", "wave", "reference_date"]]
        h = self._tables["status_history"]
        for kind in ("ofsted_judgement", "improvement_notice", "statutory_direction"):
            k = h.loc[h["kind"] == kind, ["council_id", "status", "start_date", "end_date"]]
            m = df[["council_id", "wave", "reference_date"]].merge(k, on="council_id")
            held = (m["start_date"] <= m["reference_date"]) & (m["end_date"].isna() | (m["end_date"] >= m["reference_date"]))
            latest = (
                m[held].sort_values("start_date", kind="stable")
                .groupby(["council_id", "wave"], observed=True)["status"].last().rename(kind)
            )
            df = df.join(latest, on=["council_id", "wave"])
            df[kind] = as_text(df[kind])
        known = df["reference_date"].notna()
        intervention = np.where(df["statutory_direction"].notna(), "direction",
                                np.where(df["improvement_notice"].notna(), "notice", "none"))
        df["intervention"] = text_series(intervention, index=df.index).where(known)
        df["in_intervention"] = df["intervention"].isin(["notice", "direction"])
        return df.reset_index(drop=True)

    # ----------------------------------------------------------------- validation & io
    def validate(self) -> list[Problem]:
        """Every problem in the study (errors and warnings), as :class:`Problem` objects.

        Returns
        -------
        list of Problem
            Errors and warnings, each naming file, row and column.

        Examples
        --------
        Checking every file of the example study takes some seconds, so this example is not run as a test:

        >>> import impact  # doctest: +SKIP
        >>> study = impact.load_study(impact.example_path(), validate=False)  # doctest: +SKIP
        >>> problems = study.validate()  # doctest: +SKIP
        >>> sorted({p.severity for p in problems})  # doctest: +SKIP
        ['warning']
        """
        return check_study(self)

    def records(self, name: str) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
        """The table as text cells with spreadsheet rows, as it would be saved.

        Parameters
        ----------
        name : str
            A table of :data:`impact.schema.TABLES`.

        Returns
        -------
        tuple of (list of str, list of (int, dict))
            The header, and each row's spreadsheet row number with its cells by column.

        Examples
        --------
        >>> import impact
        >>> study = impact.load_study(impact.example_path(), validate=False)  # validate=False: quicker, no checks
        >>> header, rows = study.records("councils")
        >>> header[:2], rows[0][0], rows[0][1]["name"]  # each row with its spreadsheet row number
        (['council_id', 'name'], 2, 'City of London')
        """
        spec = schema.table(name)
        return _records_from_frame(spec, self._tables[name])

    def save(self, path: str | Path, *, overwrite: bool = False, validate: bool = True) -> Path:
        """Write the study folder to ``path``, all at once.

        The folder is built beside ``path`` (``.<name>.staging-<pid>-*``) and
        put in its place only when every file is written, so an error or an
        interruption (Ctrl-C) leaves either nothing or the previous folder
        exactly as it was.  Optional tables that are empty are not written.
        Transcripts are copied byte for byte from the source folder, or written
        as UTF-8 text when held in memory.  A text cell that a spreadsheet
        would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab
        or a carriage return) is written behind an apostrophe, which
        :func:`load_study` takes off again: loading gives back the same values
        (numbers, negative ones too, are written as numbers).

        ``path`` may be new or an empty folder.  With ``overwrite`` it may also
        be a study folder, replaced as a whole: it must hold only what a study
        folder holds (``study.yaml``, the tables, ``transcripts/`` and a
        synthetic study's planted-truth files), since impact never deletes
        files it did not write.  Saving to the folder the study was loaded
        from (:attr:`root`) replaces it in the same way, ``overwrite`` or not.

        What is saved can be loaded: a study that :func:`load_study` would
        refuse (a required cell left blank, an id out of its pattern, a value
        outside its vocabulary, a reference to a council not listed, an empty
        transcript ...: every rule of :meth:`validate`) is refused before
        anything is written, each error named by file, row and column as the
        loader names it.  A study loaded with validation, and not changed
        since, is not checked again.

        Parameters
        ----------
        path : str or path
            The study folder to write.
        overwrite : bool, default False
            Replace a study folder already at ``path`` (see above).
        validate : bool, default True
            Refuse a study :func:`load_study` would refuse.  With ``False`` it
            is written as it is (and can be read back with
            ``load_study(..., validate=False)``), as a study under repair may
            need to be.

        Returns
        -------
        pathlib.Path
            The folder written.

        Raises
        ------
        impact.errors.ValidationError
            If ``validate`` and the study has errors :func:`load_study` would
            refuse it for (nothing is written).
        impact.errors.InputError
            If a transcript path leads out of ``transcripts/`` or names no
            file (nothing is written).
        FileExistsError
            If ``path`` is a file or a link; a folder that is not empty (and
            ``overwrite`` is False); or a folder that holds no study, or files
            that are not part of one (named in the message, never deleted).
            Also if it is the current folder or holds it (it cannot be
            replaced while in use).
        impact.errors.OutputFolderError
            If ``path`` cannot be written: a mount point (it cannot be
            replaced in one step), a folder one cannot write in, or a path too
            long for the files in it.  Also if it lies inside a study folder
            (a folder above it, links followed, holds ``study.yaml``): it would
            be among that study's inputs, where impact never writes (as the
            command line refuses it).
        TypeError
            If ``validate`` is not True or False.

        Examples
        --------
        >>> import impact, pathlib, tempfile
        >>> study = impact.load_study(impact.example_path(), validate=False)  # validate=False: quicker, no checks
        >>> folder = study.save(pathlib.Path(tempfile.mkdtemp()) / "copy")
        >>> (folder / "study.yaml").is_file()
        True
        """
        from .schema import true_or_false

        overwrite = true_or_false("overwrite", overwrite)
        validate = true_or_false("validate", validate)
        return _save_folder(self, path, overwrite=overwrite, validate=validate)

    def _refuse_unsaveable_paths(self) -> None:
        """Refuse, listing each by row, every transcript path leading out of transcripts/ (on Windows, where ``\\``
        parts a path too) or naming nothing, and every name Windows cannot make: the study folder written must open
        there too."""
        from ._io import windows_path_problem

        transcripts = self._tables["interviews"]["transcript"]
        paths = [(row, str(rel)) for row, rel in zip(range(2, len(transcripts) + 2), transcripts, strict=True)
                 if pd.notna(rel)]  # each transcript named, by its row of interviews.csv
        outside = [f"interviews.csv:{row}:transcript: {rel!r} - expected {why}"
                   for row, rel in paths if (why := _outside_transcripts(rel)) is not None]
        if outside:
            raise InputError(f"study not saved: {_counted(len(outside), 'transcript path')} not naming a file inside "
                             "transcripts/ (nothing written):\n  " + "\n  ".join(outside))
        unmakeable = [f"interviews.csv:{row}:transcript: {why}"
                      for row, rel in paths if (why := windows_path_problem(rel)) is not None]
        if unmakeable:
            raise InputError(f"study not saved: {_counted(len(unmakeable), 'transcript path')} naming a file or "
                             "folder Windows cannot make (the study folder could not be opened there):\n  "
                             + "\n  ".join(unmakeable))
        # a transcript held as text (given in Python, or its file gone) is written as plain text: under a .docx, .vtt
        # or .srt name load_study would read it as Word or as subtitles and refuse it, or read other text
        as_text = [f"interviews.csv:{row}:transcript: {rel!r} - expected a name ending .txt: the study holds this "
                   f"transcript as text, which is saved as plain text (a {Path(rel).suffix} file is read as "
                   f"{'a Word document' if Path(rel).suffix.lower() == '.docx' else 'subtitles'})"
                   for row, rel in paths if Path(rel).suffix.lower() != ".txt" and self._source_file(rel) is None]
        if as_text:
            raise InputError(f"study not saved: {_counted(len(as_text), 'transcript')} held as text under a name "
                             "load_study would not read as text (nothing written):\n  " + "\n  ".join(as_text))

    def _source_file(self, rel: str) -> Path | None:
        """The study folder's own file of the transcript ``rel`` (found by :func:`transcript_file` as load_study
        finds it), copied as it is when the study is saved; None for a study given in Python or a file gone."""
        if self.root is None:
            return None
        path, _note, clash = transcript_file(self.root / "transcripts", rel)
        return path if clash is None and path.is_file() else None

    def _refuse_unloadable(self, path: Path) -> None:
        """Raise :class:`ValidationError` listing every error :func:`load_study` would refuse this study for, once
        saved (each by file, row and column), unless the study was loaded with validation and is unchanged."""
        if getattr(self, "_checked", False):
            return
        errors = [p for p in check_study(self) if p.severity == "error"]
        if errors:
            raise ValidationError(errors, source=f"{path}: study not saved (nothing written), as load_study would "
                                  "refuse it (save(..., validate=False) writes it as it is)")

    def _write_files(self, folder: Path) -> None:
        """Write ``study.yaml``, the tables and the transcripts into the new, empty ``folder``."""
        transcripts = self._tables["interviews"]["transcript"]
        self._refuse_unsaveable_paths()  # again: _save_folder refused them before staging (a direct call too)
        meta = _plain({"format_version": FORMAT_VERSION, **self._meta})
        (folder / "study.yaml").write_bytes(yaml.safe_dump(meta, sort_keys=False, allow_unicode=True).encode("utf-8"))
        for name, spec in TABLES.items():
            df = self._tables[name]
            if spec.optional and df.empty:
                continue
            df_out = pd.DataFrame(
                {c.name: _saved_column(df[c.name], c.type) for c in spec.columns},
                columns=spec.column_names,
            )
            (folder / spec.filename).write_bytes(csv_text(df_out).encode("utf-8"))  # a cell's "\r" quoted too
        for rel in transcripts.dropna():
            rel = str(rel)
            parts = Path(rel).parts
            if not parts or Path(rel).is_absolute() or ".." in parts:
                raise ValueError(f"transcripts/{rel}: a transcript path must lead to a file inside transcripts/")
            dest = folder / "transcripts" / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            if self.root is not None and (self.root / "transcripts" / rel).is_file():
                shutil.copyfile(self.root / "transcripts" / rel, dest)
            elif Path(rel).suffix.lower() != ".txt" and (source := self._source_file(rel)) is not None:
                shutil.copyfile(source, dest)  # a Word or subtitle file under another spelling of its name
            else:
                dest.write_bytes(self._transcript_text(rel).encode("utf-8"))

    def equals(self, other: Study) -> bool:
        """True if both studies have the same metadata, tables and transcript text.

        Parameters
        ----------
        other : Study
            The study compared.

        Returns
        -------
        bool

        Examples
        --------
        >>> import impact, pathlib, tempfile
        >>> study = impact.load_study(impact.example_path(), validate=False)  # validate=False: quicker, no checks
        >>> copy = impact.load_study(study.save(pathlib.Path(tempfile.mkdtemp()) / "copy"), validate=False)
        >>> copy.equals(study)
        True
        """
        if not isinstance(other, Study):
            return False
        strip = lambda m: {k: v for k, v in m.items() if k != "format_version"}  # noqa: E731
        if strip(self._meta) != strip(other._meta):
            return False
        for name in TABLES:
            if not self._tables[name].equals(other._tables[name]):
                return False
        return self.transcripts().equals(other.transcripts())

    def __repr__(self) -> str:
        n = {k: len(v) for k, v in self._tables.items()}
        return (
            f"<Study {self.name!r}: {_counted(n['councils'], 'council')}, "
            f"{_counted(n['participants'], 'participant')}, {_counted(n['interviews'], 'interview')}, "
            f"waves {self.wave_ids}>"
        )


# --------------------------------------------------------------------------- saving a study folder
def _outside_transcripts(rel: str) -> str | None:
    """Why the transcript path ``rel`` names no file inside ``transcripts/`` wherever the study folder is opened (its
    parts split at ``/`` and at ``\\``, which parts a path on Windows), said as what was expected; None where it does.

    Examples
    --------
    >>> _outside_transcripts("..\\\\..\\\\evil.txt")
    "a path inside transcripts/ (it holds '..', which leads out of the folder on Windows, where '\\\\' parts a path)"
    >>> _outside_transcripts("301/P1-early.txt") is None
    True
    """
    parts = re.split(r"[/\\]", rel)
    if not rel.strip() or not parts[-1].strip(". "):
        return "a path naming a file inside transcripts/ (it names none)"
    if rel.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", rel):
        return "a path inside transcripts/, written from inside it (not an absolute path or one from a drive)"
    if ".." in parts:
        said = ", which leads out of the folder" + (" on Windows, where '\\' parts a path" if ".." not in rel.split("/")
                                                     else "")
        return f"a path inside transcripts/ (it holds '..'{said})"
    return None


#: Leftovers of an interrupted atomic write (``.<file>.<random>.tmp``), made by impact beside a study file.
_TEMP_LEFTOVER = re.compile(r"\.(?P<name>.+)\.[A-Za-z0-9_]+\.tmp")


def _study_file_names() -> set[str]:
    """Names of the files a study folder holds beside ``transcripts/`` (with a synthetic study's planted truth)."""
    from .synth._truth import TRUTH_FILES

    return {"study.yaml", *(t.filename for t in TABLES.values()), *TRUTH_FILES}


def _folder_entries(folder: Path) -> tuple[list[str], list[str]]:
    """The entries of ``folder`` (``name`` or ``name/`` for a folder) and those not part of a study folder."""
    known = _study_file_names()
    entries, foreign = [], []
    with os.scandir(folder) as it:
        for e in it:
            is_dir = e.is_dir(follow_symlinks=False)
            shown = e.name + ("/" if is_dir else "")
            entries.append(shown)
            if e.is_symlink():
                ours = False  # a link the user made: never removed
            elif is_dir:
                ours = e.name == "transcripts"
            else:
                leftover = _TEMP_LEFTOVER.fullmatch(e.name)
                ours = e.is_file(follow_symlinks=False) and (
                    e.name in known or (leftover is not None and leftover["name"] in known))
            if not ours:
                foreign.append(shown)
    return sorted(entries), sorted(foreign)


def _check_study_target(given: Path, target: Path, *, overwrite: bool) -> None:
    """Refuse a place to save a study whose replacement could lose files impact did not write.

    ``target`` is ``given`` made absolute.  Raises :class:`FileExistsError`.
    """
    from ._io import (
        OUTPUT_KINDS,
        OUTPUT_MARKER,
        OutputFolderError,
        _listing,
        inside_study,
        output_kind,
    )

    if (inside := inside_study(given)) is not None:  # among another study's inputs, as the command line refuses
        raise OutputFolderError(inside)
    if target.is_symlink():
        raise FileExistsError(f"{given} is a link - expected a new or empty folder for the study "
                              "(a link is not replaced); choose another folder")
    if not target.exists():
        return
    if not target.is_dir():
        raise FileExistsError(f"{given} is an existing file, not a folder - expected a new or empty folder "
                              "for the study; choose another folder")
    real = target.resolve()
    try:
        cwd = Path.cwd().resolve()
    except OSError:  # the current folder was removed: it cannot be this one
        cwd = None
    if cwd is not None and (real == cwd or real in cwd.parents):
        raise FileExistsError(f"{given} is the current folder or holds it, which cannot be replaced while in use - "
                              "run impact from another folder, or choose another folder")
    entries, foreign = _folder_entries(target)
    if not entries:
        return
    has_study = "study.yaml" not in foreign and "study.yaml" in entries
    if not has_study:
        again = "" if not overwrite else " (overwrite=True replaces only a folder holding a study)"
        if (kind := output_kind(target)) is not None:  # another command's output, named as itself
            raise FileExistsError(f"{given} holds {OUTPUT_KINDS.get(kind, 'the output of impact')} ({OUTPUT_MARKER} "
                                  f"says so) - expected a new or empty folder for the study{again}; choose another "
                                  "folder")
        raise FileExistsError(f"{given} is not empty and holds no study: {_listing(entries, 5)} - expected a new "
                              f"or empty folder for the study{again}; choose another folder")
    if foreign:
        raise FileExistsError(f"{given} holds a study and also files that are not part of one "
                              f"({_listing(foreign, 5)}) - impact replaces a study folder as a whole and never "
                              "deletes files it did not write; move them out of the folder, or choose another folder")
    if not overwrite:
        raise FileExistsError(f"{given} already holds a study ({_listing(entries, 5)}); pass overwrite=True to "
                              "replace it, or choose another folder")


def _save_folder(study: Study, path: str | Path, *, overwrite: bool,
                 extra: Callable[[Path], object] | None = None, validate: bool = False) -> Path:
    """Save ``study`` to ``path`` through a staging folder (see :meth:`Study.save`).

    ``extra(folder)`` may add files to the new folder before it is put in
    place (:func:`impact.synth.save_synthetic` adds the planted truth).
    ``validate`` refuses, before anything is made, a study :func:`load_study` would refuse.
    """
    from ._io import OutputFolderError, _name_in_target, literal_tilde, staged_directory

    given = Path(path)
    if (tilde := literal_tilde(given)) is not None:
        raise OutputFolderError(f"{tilde}; choose another folder")
    study._refuse_unsaveable_paths()  # before a lock or staging folder is made
    if validate:
        study._refuse_unloadable(given)
    target = Path(os.path.abspath(given))
    own = study.root is not None and target.is_dir() and not target.is_symlink() and \
        target.resolve() == study.root.resolve()
    overwrite = overwrite or own
    try:
        with staged_directory(target, check=lambda t: _check_study_target(given, t, overwrite=overwrite)) as staging:
            study._write_files(staging)
            if extra is not None:
                extra(staging)
            if hasattr(os, "sync"):
                os.sync()  # one flush for every file instead of an fsync per file
    except OSError as exc:  # named as the user knows it: the study folder asked for, not its staging folder or lock
        named = _name_in_target(exc, target, shown=given)
        if named is not exc:
            raise named from exc
        raise
    return given


def _outside(folder: Path, f: Path) -> bool:
    """True if ``f`` is a link, or resolves outside ``folder`` (a study folder is closed)."""
    return f.is_symlink() or not f.resolve().is_relative_to(folder.resolve())


_LINK_OUT = "a plain file inside the study folder (it is a link, or resolves outside the folder: not read)"


def _link_out(folder: Path, f: Path) -> str:
    """What a file of the study that is a link (or resolves outside ``folder``) is said to be: where the link leads
    (nowhere, back to itself, out of the folder, to a file inside it), for it is not read."""
    said = link_said(folder, f)
    if said is None or said.kind == "outside":  # out of the folder: not read, whatever it leads to
        return _LINK_OUT
    inside = "" if said.kind != "inside" else \
        f"; links are not followed, even to a file inside the folder: put the file itself here as {f.name}"
    return f"a plain file inside the study folder (it is {said.words}: not read{inside})"


def _study_elsewhere(path: Path) -> str:
    """Where the study folder meant is, for a folder ``path`` holding no study.yaml (" - study/transcripts is a folder
    inside the study folder study: give that folder itself"), or "": a folder of the study given for it
    ('impact validate study/transcripts'), or the folder above one or more studies ('impact validate .')."""
    above = next((p for p in Path(os.path.abspath(path)).parents if (p / "study.yaml").is_file()), None)
    if above is not None:
        return f" - {path} is a folder inside the study folder {above}: give that folder itself"
    try:
        below = sorted(n.name for n in path.iterdir() if n.is_dir() and (n / "study.yaml").is_file())
    except OSError:
        below = []
    if not below:
        return ""
    listed = ", ".join(map(repr, below[:5])) + (f" and {len(below) - 5} more" if len(below) > 5 else "")
    return f" - {path} holds no study.yaml but {_counted(len(below), 'study folder')} ({listed}): give the study folder itself"


def _read_meta(path: Path) -> tuple[dict[str, Any], list[Problem], YamlLines | None]:
    """study.yaml's content, the problems reading it, and where its keys and items are (None where it was not read)."""
    f = path / "study.yaml"
    if (f.exists() or f.is_symlink()) and _outside(path, f):
        return {}, [Problem("study.yaml", None, None, None, _link_out(path, f))], None
    if not f.is_file():
        what = " - it is a folder" if f.is_dir() else " - it is not a regular file" if f.exists() else ""
        try:  # "study.yml", "Study.yaml", "study.yaml.txt" (Windows hides the last extension)
            near = sorted(n.name for n in path.iterdir() if n.name.casefold().startswith("study.y"))
        except OSError:
            near = []
        if (shortcut := shortcut_beside(path, "study.yaml")) is not None and not what:  # 'study.yaml.lnk'
            what = f"; found {shortcut[0]!r}, {shortcut[1]}"
        elif near and not what:
            what = f"; found {', '.join(map(repr, near[:3]))}: the name is exact, study.yaml"
        what = what or _study_elsewhere(path)
        return {}, [Problem("study.yaml", None, None, None, f"a study.yaml file in the study folder{what}")], None
    try:
        meta, lines = safe_yaml_load(read_text(f, label="study.yaml", max_bytes=MAX_YAML_BYTES), source="study.yaml",
                                     lines=True)
    except YamlInputError as exc:  # on the line YAML stopped at
        return {}, [Problem("study.yaml", exc.line, None, None, f"a readable study.yaml ({exc.detail})")], None
    except InputError as exc:
        return {}, [Problem("study.yaml", None, None, None, f"a readable study.yaml ({exc})")], None
    if meta is None:
        return {}, [Problem("study.yaml", None, None, None, "keys such as name and waves (the file holds none)")], None
    if not isinstance(meta, dict):
        found = f"a list of {_counted(len(meta), 'item')}" if isinstance(meta, list) else str(meta)
        return {}, [Problem("study.yaml", lines.line(""), None, found, "a mapping of keys (name, waves, ...)")], None
    return meta, [], lines


#: The extensions a table is saved with by a spreadsheet or an editor, one after another where a system hid the first
#: ('councils.csv.txt', as Notepad saves a file whose extension Windows does not show).
_TABLE_SUFFIXES = (".csv", ".txt", ".tsv", ".xlsx", ".xls", ".xlsm", ".ods", ".numbers")
#: What a copy of a file adds to its name: Windows ('councils - Copy', 'Copy of councils'), a browser or a synced
#: folder ('councils (1)', 'councils-conflicted copy'), the user ('councils_v2', 'councils final', 'councils OLD').
_COPY_MARKS = re.compile(r"^copy(?: \(\d+\))? of\b|\bcopy\b|\(\d+\)|\bconflicted\b|\bv\d+\b|\b(?:final|old|new|"
                         r"latest|backup|bak|draft|edited|updated)\b|\d{4}-?\d{2}-?\d{2}|\bs$", re.I)


def _table_words(name: str) -> tuple[str, ...]:
    """The words of a table file's name as a reader takes them: any case, the extensions a table is saved with and
    the marks of a copy taken off, each word without a final s ('Action-Progress (1).csv.txt' -> ('action',
    'progres'))."""
    from .validate import _looks_form

    stem = _looks_form(name)
    while (suffix := os.path.splitext(stem)[1]) and suffix.casefold() in _TABLE_SUFFIXES:
        stem = stem[:-len(suffix)]
    words = re.split(r"[^0-9a-z]+", _COPY_MARKS.sub(" ", stem.replace("_", " ").casefold()))
    return tuple(w.rstrip("s") for w in words if w and not w.isdigit())


def _table_like(name: str) -> bool:
    """Whether a file name ends in an extension a table is saved with (see :data:`_TABLE_SUFFIXES`)."""
    return os.path.splitext(name)[1].casefold() in _TABLE_SUFFIXES


def _near_table(name: str, filename: str) -> bool:
    """Whether the file ``name`` looks like the table ``filename`` saved another way: the same words in any case or
    spacing, with a copy's marks or extensions a table is saved with ('action-progress.csv', 'actions (2).csv',
    'councils.csv.txt'), or some of its words alone ('survey.csv' for survey_responses.csv)."""
    if not _table_like(name) or name in {t.filename for t in TABLES.values()}:
        return False
    mine, its = _table_words(name), _table_words(filename)
    return bool(mine) and (mine == its or (len(its) > 1 and set(mine) < set(its)))


def _near_names(folder: Path, filename: str, told: set[str] | None = None) -> str:
    """A hint naming files in ``folder`` that look like ``filename`` saved another way ("Councils.CSV", ".xlsx",
    "action-progress.csv", "actions (2).csv"); the names hinted at are added to ``told``, where given."""
    from ._io import windows_name_problem
    from .validate import _lookalikes_told, _looks_form, _name_form, _spaces_around

    if (shortcut := shortcut_beside(folder, filename)) is not None:  # 'councils.csv.lnk': shown as 'councils.csv'
        if told is not None:
            told.add(shortcut[0])
        return f"; found {shortcut[0]!r}, {shortcut[1]}"
    stem = Path(filename).stem.casefold()
    try:
        tables = {t.filename for t in TABLES.values()}
        near = sorted(p.name for p in folder.iterdir()
                      if p.name != filename and (p.stem.casefold() == stem or p.name.casefold() == filename.casefold()
                                                 # 'councils.csv.': Windows takes a name's last dots and spaces off
                                                 or p.name.rstrip(". ").casefold() == filename.casefold()
                                                 or _looks_form(p.name) == _looks_form(filename)
                                                 # 'indicator.csv', 'survey_response.csv': a letter more or less
                                                 or (p.name not in tables and p.suffix.casefold() == ".csv"
                                                     and p.stem.casefold().rstrip("s") == stem.rstrip("s"))
                                                 or _near_table(p.name, filename)))
    except OSError:
        return ""
    if told is not None:
        told.update(near)
    if not near:
        return ""

    def why(name: str) -> str:  # what tells a name that looks like filename from it
        if name.rstrip(" ").endswith(".") and name.rstrip(". ").casefold() == filename.casefold():
            return f" ({windows_name_problem(name)})"
        if _name_form(name) == _name_form(filename) and name.strip() != name:
            return f" ({_spaces_around(name)})"
        # a Cyrillic letter, a full-width stop, a zero-width space: each named, with what it looks like
        held = _lookalikes_told(name) if _looks_form(name) == _looks_form(filename) else ""
        return f" ({held})" if held else ""

    other = sorted({OTHER_BOOKS[s] for n in near[:3] if (s := Path(n).suffix.casefold()) in OTHER_BOOKS
                     and s not in BOOK_SUFFIXES})
    extra = next((w for n in near[:3] if (w := not_read(Path(n).suffix))), "")
    return (f"; found {', '.join(repr(n) + why(n) for n in near[:3])}: names are exact, lower case, and a table is "
            f"read from a CSV file named {filename}, a workbook named {Path(filename).stem}.xlsx, or a sheet named "
            f"{Path(filename).stem} of {WORKBOOK}" + (f" ({_listed(other)} {_verb(other, 'is')} not read: save it as \"Excel Workbook "
                                                       f"(.xlsx)\" or as \"CSV UTF-8 (comma delimited)\"{extra})" if other else ""))


def _unread_files(folder: Path, told: set[str]) -> list[Problem]:
    """A warning for each file of the study folder saved as a table (:data:`_TABLE_SUFFIXES`) that the study does not
    read and no other problem names (``told``): a table of the study kept as a copy beside the one read ('councils
    (1).csv' holding councils.csv's columns), or a file of the user's own.  impact's own files (a synthetic study's
    truth, a codebook) are not told: :func:`impact._kinds.file_kind` knows them by their content.  A file named so
    that Windows cannot make it (``NUL.csv``, ``con.txt``, ``Aux.pdf``: :func:`impact._io.windows_name_problem`) is
    told whatever it holds, saying so: a study folder made on Linux or a Mac holding it is not copied to Windows
    whole."""
    from ._io import OPEN_EXPECTED, OWNER_PREFIX, open_said, owned_by, windows_name_problem
    from ._kinds import file_kind

    tables = [t.filename for t in TABLES.values()]
    out = []
    try:
        names = sorted(p.name for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
    except OSError:
        return []
    for name in names:
        if name.startswith(OWNER_PREFIX):  # Office's owner file: the file beside it is open in Excel (newuser8)
            owned = owned_by(name, [n for n in names if n != name])
            if owned is not None and (owned in tables or owned in told):
                out.append(Problem(owned, None, None, open_said(owned, name), OPEN_EXPECTED, "warning"))
            continue  # never a file of the user's to name: one of a file not read, or left by Office, says nothing
        if name in tables or name in told:
            continue
        windows = windows_name_problem(name)
        if windows is not None:  # said whatever the file is: the study folder does not copy to Windows whole
            windows = (f"{windows}: a study folder holding it, made on Linux or a Mac, cannot be copied to Windows "
                       "whole, nor opened there; rename it, or move it out of the study folder")
        if not _table_like(name):
            if windows is not None:
                out.append(Problem(name, None, None, None, f"a name Windows can make ({windows})", "warning"))
            continue
        found = file_kind(folder / name)
        if found is not None and found[0].key != "study_table" and windows is None:
            continue  # one of impact's own files
        if found is not None:
            meant = re.search(r"\b(\w+\.csv) of a study folder", found[1])
            what = (f"it holds the columns of {meant.group(1)}, which the study reads: a copy saved under another "
                    f"name? Keep the one to read as {meant.group(1)}" if meant else f"it is {found[1]}")
        else:
            what = ("the study's tables are " + ", ".join(tables) + "; if it is one of them, name it so (names are "
                    "exact, lower case)" + ("" if windows else "; a file of your own may stay"))
        if windows is not None:
            what += f"; and {windows}"
        out.append(Problem(name, None, None, None, f"only the files the study reads ({name} is not read: {what})",
                           "warning"))
    return out


#: The most entries of a study folder :func:`_windows_folders` looks at (a study of 2,000 interviews has about 2,100).
_MAX_WALKED = 200_000


def _windows_folders(folder: Path, named: Iterable[str]) -> list[Problem]:
    """A warning for each folder inside the study folder, at any depth, whose name Windows cannot make
    (:func:`impact._io.windows_name_problem`: ``aux``, ``Con.old``, ``LPT3``, ``notes?``, ``old.``, ``draft ``),
    naming its path: a study folder made on Linux or a Mac holding it is not copied to Windows whole, nor opened there.
    The folders inside one so named are not told again; nor is a folder on the path of a transcript a row of
    interviews.csv names (``named``: told at that row).  Links are not followed; at most :data:`_MAX_WALKED` entries
    are looked at."""
    from ._io import windows_name_problem

    on_paths = {"/".join(["transcripts", *parts[:k]]) for rel in named
                for parts in [[p for p in str(rel).replace("\\", "/").split("/") if p not in ("", ".")]]
                for k in range(1, len(parts))}
    out: list[Problem] = []
    walked = 0
    stack = [(folder, "")]
    while stack and walked < _MAX_WALKED:
        here, rel = stack.pop()
        try:
            entries = sorted(os.scandir(here), key=lambda e: e.name, reverse=True)
        except OSError:
            continue
        for entry in entries:
            walked += 1
            try:
                if not entry.is_dir(follow_symlinks=False):
                    continue
            except OSError:
                continue
            path = f"{rel}{entry.name}"
            why = windows_name_problem(entry.name)
            if why is None:
                stack.append((Path(entry.path), path + "/"))
            elif path not in on_paths:
                out.append(Problem(f"{path}/", None, None, None, f"a name Windows can make ({why}: a study folder "
                                   "holding this folder, made on Linux or a Mac, cannot be copied to Windows whole, "
                                   "nor opened there; rename it, or move it out of the study folder)", "warning"))
    return sorted(out, key=lambda p: str(p.file))


def _case_twins(folder: Path) -> list[Problem]:
    """An error for each file or folder the study reads (study.yaml, a table, transcripts/) beside another entry of the
    same name but for case, Unicode form or spaces ('Councils.csv' beside 'councils.csv'), or that looks the same
    ('c\u043euncils.csv', a Cyrillic o; 'coun\u200bcils.csv', a zero-width space), naming what differs
    (:func:`impact.validate._twin_told`): Linux holds both, Windows and macOS (whose names ignore case) one, so the
    study copied there reads either, or is not copied whole."""
    from .validate import _entry_kind, _twin_told, _twins

    try:
        names = [p.name for p in folder.iterdir()]
    except OSError:
        return []
    out = []
    for name in ("study.yaml", *(t.filename for t in TABLES.values()), *book_names(TABLES), "transcripts"):
        if name not in names:
            continue
        twins = sorted(n for n in names if n != name and _twins(n, name))  # 'coun\u200bcils.csv' too
        if twins:
            kinds, detail, held = _twin_told(twins[0], name, ", so a copy of the study there would read either",
                                             entry=_entry_kind(folder / name))
            out.append(Problem(name if name != "transcripts" else "transcripts/", None, None, None,
                               f"one entry named {name} in the study folder ({', '.join(repr(t) for t in twins)} "
                               f"is there too, the same name but for {kinds}: {detail}; {held}): keep {name}, and "
                               "rename or remove the other"))
    return out


def _study_path_hint(given: str | os.PathLike, path: Path) -> str:
    """What a study path that is no folder was likely meant to be (" (... ends in a space: 'study' is a folder)"),
    or ""."""
    text = os.fspath(given)
    if path.is_file() and (path.parent / "study.yaml").is_file():
        return f" (it is a file of the study folder {path.parent}: give the folder itself)"
    if path.is_file():
        from ._kinds import file_kind

        if (found := file_kind(path)) is not None:  # one of impact's own files, given for the study: which, and who reads it
            return f" (it is {found[1]}: {found[0].read_by})"
    if path.is_file() and (inside := _zipped_study(path)) is not None:
        return (f" (it is a zip archive holding a study folder ({inside}): extract it, e.g. `unzip {path.name}` or "
                "Extract All, and give the folder it makes)")
    if text != text.strip() and Path(text.strip()).is_dir():
        return f" (the path has spaces at its ends, as a pasted path may: {text.strip()!r} is a folder)"
    from ._io import tilde_hint

    if tilde := tilde_hint(text):
        return tilde
    try:
        near = sorted(p.name for p in path.parent.iterdir()
                      if p.is_dir() and p.name.casefold() == path.name.casefold() and p.name != path.name)
    except OSError:
        near = []
    if near:
        return f" (found {near[0]!r} beside it: names are exact, case too)"
    from ._io import relative_hint
    from .schema import did_you_mean

    bundled = ""
    if not path.exists() and len(path.parts) == 1 and (path.name == "example" or did_you_mean(path.name, ["example"])):
        # 'example' (or 'Example', 'examples') meant the example study bundled with impact, which is no folder of the
        # current one (newuser18)
        bundled = ("; to load the example study bundled with impact, write impact.load_study(impact.example_path()); "
                   "`impact demo` runs it")
    hint = relative_hint(text)
    return f"{hint[:-1]}{bundled})" if bundled and hint.endswith(")") else hint + (f" ({bundled[2:]})" if bundled else "")


def _zipped_study(path: Path) -> str | None:
    """The path of the study.yaml a zip archive holds ('study/study.yaml'), or None for any other file."""
    import zipfile

    try:
        if not zipfile.is_zipfile(path):
            return None
        with zipfile.ZipFile(path) as z:
            found = sorted((n for n in z.namelist()[:100_000] if n.rsplit("/", 1)[-1].casefold() == "study.yaml"),
                           key=lambda n: (n.count("/"), n))
    except (OSError, zipfile.BadZipFile, ValueError, RuntimeError, NotImplementedError, EOFError):
        return None
    return found[0] if found else None


def require_study(study: object, *needs: str, optional: bool = False) -> None:
    """Refuse a ``study`` argument that is no :class:`Study` (a panel, a folder's path or None passed in its place was
    an AttributeError deep inside); ``optional``: None is allowed. An object with every attribute of ``needs`` stands
    in for a study (a test's or an analyst's namespace of the tables a function reads)."""
    if isinstance(study, Study) or (optional and study is None):
        return
    if needs and study is not None and all(hasattr(study, n) for n in needs):
        return
    if isinstance(study, (str, os.PathLike)):
        hint = (f": a folder's path; load it first, study = impact.load_study({str(study)!r})"
                if not Path(study).is_file() else
                f": the path of a file, {str(study)!r}, not of a study (were two arguments given in each other's "
                "place? the study goes in `study`, loaded with impact.load_study(folder))")
    else:
        from ._made import made_hint

        hint = made_hint(study, "study")
    raise TypeError(f"`study` must be an impact.Study (impact.load_study), but {type(study).__name__} was passed{hint}.")


#: What each argument of the public API that holds one of impact's objects is, said in a message.
_ARGUMENT_KINDS = {"study": "an impact.Study (impact.load_study)", "codebook": "an impact.Codebook",
                   "coded": "a DataFrame of codings", "panel": "a DataFrame (a panel)",
                   "codings": "a DataFrame of codings", "segments": "a DataFrame of segments", "data": "a DataFrame",
                   "table": "a DataFrame", "project": "an impact.QdaProject",
                   "path": "a path (a str or pathlib.Path) naming the file"}


def _fits(argument: str, value: object) -> bool:
    """Whether ``value`` is of the kind ``argument`` takes (:data:`_ARGUMENT_KINDS`)."""
    if argument == "study":
        return isinstance(value, Study)
    if argument == "codebook":
        from .coding.codebook import Codebook

        return isinstance(value, Codebook)
    if argument == "path":  # a file to read or write (read_codings(path, study), write_coded(coded, path))
        return isinstance(value, (str, os.PathLike))
    if argument == "project":
        return type(value).__name__ == "QdaProject"
    return isinstance(value, pd.DataFrame)


def refuse_swapped(function: Callable, **given: object) -> None:
    """Refuse two of ``given`` (the arguments of ``function``, a public function, that hold impact's objects:
    ``study``, ``coded``, ``codebook``, ``panel``, ``segments``, ``data``, ``table``, ``project``, or a file's
    ``path``) passed in each other's place, told by their types: ``framework_matrix(coded, study, ...)`` was told
    something of the study's table deep inside, or that keyword arguments were missing (newuser12);
    ``write_coded(path, coded)`` and ``read_codings(study, path)`` likewise (newuser14).

    >>> def framework_matrix(study, coded, *, codebook=None): ...
    >>> refuse_swapped(framework_matrix, study=pd.DataFrame(), coded=Study({"name": "x"}, {}))
    Traceback (most recent call last):
    ...
    TypeError: The arguments of `framework_matrix` are the other way round: a DataFrame was passed as `study` and a Study as `coded` - expected `study` to be an impact.Study (impact.load_study) and `coded` a DataFrame of codings: swap them, framework_matrix(study, coded, ...).
    """
    items = [(a, v) for a, v in given.items() if a in _ARGUMENT_KINDS and v is not None]
    for i, (a, va) in enumerate(items):
        for b, vb in items[i + 1:]:
            if not _fits(a, va) and _fits(a, vb) and _fits(b, va) and not _fits(b, vb):
                import inspect

                params = inspect.signature(function).parameters
                call = ", ".join(n if params[n].kind is not inspect.Parameter.KEYWORD_ONLY else f"{n}={n}"
                                 for n in (a, b))
                call = ("..., " if next(iter(params)) != a else "") + call  # what goes before them, left to be read
                raise TypeError(f"The arguments of `{function.__name__}` are the other way round: {_a(va)} was passed "
                                f"as `{a}` and {_a(vb)} as `{b}` - expected `{a}` to be {_ARGUMENT_KINDS[a]} and `{b}` "
                                f"{_ARGUMENT_KINDS[b]}: swap them, {function.__name__}({call}, ...).")


def _a(value: object) -> str:
    """``value``'s type with its article: 'a DataFrame', 'a Study', 'an int'."""
    name = type(value).__name__
    return f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name}"


def _reads_kept(load: Callable[..., Study]) -> Callable[..., Study]:
    """``load`` (:func:`load_study`) with every file it reads recorded (:func:`impact._io.reads_recorded`): the study
    keeps the SHA-256 of the bytes read of each, by its path in the folder, for :meth:`Study._changed_since_read`."""
    import functools

    from ._io import reads_recorded

    @functools.wraps(load)
    def kept(*args: Any, **kwargs: Any) -> Study:
        with reads_recorded() as log:
            study = load(*args, **kwargs)
        study._read = _relative_reads(study.root, log)
        study._heads = _relative_reads(study.root, log.heads)  # what each file began with, as read
        return study

    return kept


def _relative_reads(root: Path | None, log: Mapping[str, Any]) -> dict[str, Any]:
    """The files of ``log`` (absolute path -> digest, or first bytes) inside the folder ``root``, by their path in
    it."""
    if root is None:
        return {}
    base = os.path.abspath(root)
    return {os.path.relpath(f, base).replace(os.sep, "/"): digest for f, digest in log.items()
            if f.startswith(base + os.sep)}


@_reads_kept
@fewer_collections()
def load_study(path: str | Path, *, validate: bool = True) -> Study:
    """Read a study folder.

    Parameters
    ----------
    path : path
        The study folder (holding ``study.yaml``).
    validate : bool, default True
        Check every file (see :func:`impact.validate.check_folder`) and raise
        if anything is wrong.  Warnings (attrition) do not raise.  With
        ``False`` the cells are not checked, but what reading the tables
        finds is not passed over: each problem (a header row repeated inside
        a table, which is left out of the data; a ragged row; a column named
        twice; a missing table) is issued as an
        :class:`UncheckedInputWarning` naming file, row and column, and kept
        in ``load_problems``.  A broken ``study.yaml`` still raises.

    Returns
    -------
    Study

    Raises
    ------
    ValidationError
        Listing every problem found, each as ``file:row:column: value - expected ...``.
    InputError
        If ``path`` is not a folder.
    TypeError
        If ``path`` is not a path (a ``str`` or :class:`os.PathLike`).

    Notes
    -----
    A study folder is closed: every file it names (``study.yaml``, the tables,
    ``transcripts/`` and each transcript, a codebook file) must resolve inside
    it.  A link out of it is refused without being read, so its target's
    content never appears in a message.

    Examples
    --------
    >>> import impact
    >>> study = impact.load_study(impact.example_path(), validate=False)  # validate=True (the default) checks every file
    >>> study
    <Study 'synthetic': 30 councils, 159 participants, 375 interviews, waves ['expectations', 'early', 'longer_term']>
    """
    from .schema import true_or_false

    validate = true_or_false("validate", validate)
    require_path(path, "path", "a study folder (holding study.yaml)")
    if isinstance(path, str) and not path.strip():  # Path("") is the current folder
        raise InputError(f"{path!r}: an empty path (expected a folder holding study.yaml)")
    given, path = path, Path(path)
    if not path.is_dir():
        what = "a file, not a study folder" if path.exists() else "no such folder"
        raise InputError(f"{path}: {what} (expected a folder holding study.yaml){_study_path_hint(given, path)}")
    meta, problems, meta_lines = _read_meta(path)
    if problems and (elsewhere := _study_elsewhere(path)) and problems[0].expected.endswith(elsewhere):
        # the study folder meant is named (a folder inside it, or one above it, was given): what this folder lacks
        # besides, each table the study holds, is not the user's to mend
        raise ValidationError(problems, source=str(path))
    broken = {"study.yaml"} if problems else set()
    problems += _case_twins(path)
    books = read_books(path, TABLES, not_plain=lambda f: _link_out(path, f) if _outside(path, f) else None)
    problems += books.problems
    named: set[str] = set()  # files named by a problem as a table saved under another name
    records: dict[str, list[dict[str, str]]] = {}
    raw: dict[str, tuple[list[str], list[tuple[int, dict[str, str]]]]] = {}
    for name, spec in TABLES.items():
        f = path / spec.filename
        sheet = books.tables.get(name)
        if name in books.refused or (sheet is None and books.unread and not (f.exists() or f.is_symlink())):
            # given twice, or in a workbook that cannot be read: its one problem is told by read_books
            raw[name] = (spec.column_names, [])
            broken.add(spec.filename)
            continue
        if sheet is not None:
            header, recs, probs = sheet.header, sheet.records, sheet.problems
        elif (f.exists() or f.is_symlink()) and _outside(path, f):
            raw[name] = (spec.column_names, [])
            problems.append(Problem(spec.filename, None, None, None, _link_out(path, f)))
            broken.add(spec.filename)
            continue
        elif not f.is_file():
            raw[name] = (spec.column_names, [])
            if f.exists():  # a folder, a pipe, a device: never read as the table, optional or not
                problems.append(Problem(spec.filename, None, None, None, f"the file {spec.filename} ({spec.description}) "
                                        f"- it is {'a folder' if f.is_dir() else 'not a regular file'}"))
                broken.add(spec.filename)
            elif not spec.optional and books.sheets is not None:  # a workbook of the tables without this one
                problems.append(Problem(books.book, None, None, None, f"a sheet named {name} ({spec.description}), or "
                                        f"the file {spec.filename}; its sheets are {', '.join(map(repr, books.sheets))}"
                                        + did_you_mean(name, books.sheets)))
                broken.add(spec.filename)
            elif not spec.optional:
                problems.append(Problem(spec.filename, None, None, None, f"the file {spec.filename} ({spec.description})"
                                        + _near_names(path, spec.filename, named)))
                broken.add(spec.filename)
            elif near := _near_names(path, spec.filename, named):  # an optional table saved under another name: not read, told
                fix = "copy the file in" if "Windows shortcut" in near else "name the file as it should be"
                problems.append(Problem(spec.filename, None, None, None, f"the file {spec.filename} "
                                        f"({spec.description}){near}; it is optional, so the study is read without "
                                        f"it: {fix} to have it read", "warning"))
            continue
        else:
            try:
                header, recs, probs = read_csv_strict(f, label=spec.filename, blank_note=True,
                                                      expected=spec.column_names)
            except SeparatorError as exc:
                problems.append(exc.problem)
                raw[name] = (spec.column_names, [])
                broken.add(spec.filename)
                continue
            except InputError as exc:
                detail = str(exc).removeprefix(f"{spec.filename}: ")
                problems.append(Problem(spec.filename, None, None, None, f"a readable CSV file ({detail})"))
                raw[name] = (spec.column_names, [])
                broken.add(spec.filename)
                continue
        below = None if header else next((p for p in probs if p.row == 1 and p.column is None
                                          and p.expected.startswith("the header row")), None)
        if below is not None:  # below blank rows or a title (a sheet's cells merged over the title: not told again)
            problems += [below, *(p for p in probs if p.row is None)]
            raw[name] = (spec.column_names, [])
            broken.add(spec.filename)
            continue
        if not header:  # an empty file: one problem, not one more per column it lacks
            problems += [p for p in probs if p.row is None]  # a sheet's hidden state is told even so
            problems.append(Problem(spec.filename, None, None, None,
                                    f"a header row naming the columns ({', '.join(spec.column_names)}); the "
                                    f"{'sheet' if sheet is not None else 'file'} is empty"))
            raw[name] = (spec.column_names, [])
            broken.add(spec.filename)
            continue
        problems += probs
        if validate and len(set(header)) < len(header) and any(p.row == 1 and p.column in spec.column_names
                                                               for p in probs):
            # a column of the table named twice: read, its cells would be one of the two columns, unknown which; the
            # problems of each row that follow from it, and of each file naming its keys, are not told
            raw[name] = (header, [])
            broken.add(spec.filename)
            continue
        types = {c.name: c.type for c in spec.columns if c.type in _TEXT_TYPES and c.name in header}
        # each distinct cell of a column read once: (as saved, with the mark taken out, the mark if any)
        read_as: dict[str, dict[str, tuple[str, str, str | None]]] = {col: {} for col in types}
        cells_of = cells_picker(list(types))
        for line, rec in recs:  # the formula escape of Study.save undone: a cell reads as it was saved
            for (col, type_), cell in zip(types.items(), cells_of(rec)):
                if (known := read_as[col].get(cell)) is None:
                    given = _loaded_cell(cell, type_)
                    # a byte-order mark or a zero-width space in free text: taken out, told
                    known = (given, *schema.without_no_text(given)) if type_ == "text" else (given, given, None)
                    if len(read_as[col]) < 200_000:
                        read_as[col][cell] = known
                given, value, held = known
                if value != cell:  # a record's cells are a tuple: set only where the cell reads otherwise
                    rec[col] = value
                if held:
                    problems.append(Problem(spec.filename, line, col, given, f"text without a byte-order mark "
                                            f"or zero-width character ({held}: read as {rec[col]!r})", "warning"))
                if cell[:1] == "=" and _FORMULA.match(cell):  # never a saved study's: Study.save escapes it ('=)
                    problems.append(Problem(spec.filename, line, col, cell, _FORMULA_EXPECTED, "warning"))
        raw[name] = (header, recs)
    # the workbooks read_books reads or tells of are no file the study leaves unread
    problems += _unread_files(path, named | set(book_names(TABLES)) | {str(p.file) for p in books.problems})
    problems += _windows_folders(path, [cells.get("transcript") or "" for _, cells in raw["interviews"][1]]
                                 if "interviews" in raw else [])
    study_meta = meta if meta else {"name": path.name}
    texts: dict[str, str] = {}
    # a sheet's cell whose one problem is told (a formula saved without its value, cells merged): not told again
    told = {(TABLES[n].filename, row, col) for n, t in books.tables.items() for row, col in t.told}
    files = {n: spec.filename for n, spec in TABLES.items()}
    if validate:
        # a row whose cells a CSV fault put under the wrong columns has its one problem told, not one per cell
        unchecked = {(TABLES[n].filename, line) for n in raw for line, rec in raw[n][1] if UNCHECKED in rec}
        problems += [p for p in check_folder(path, study_meta, raw, read_transcript=read_transcript, texts=texts,
                                             broken=broken) if (p.file, p.row) not in unchecked]
        if meta_lines is not None:  # each problem of study.yaml on the line of the key or item it is about
            problems = meta_lines.placed(problems, "study.yaml")
        problems = relabel([p for p in problems if (p.file, p.row, p.column) not in told], books.tables, files)
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            raise ValidationError(problems, source=str(path))
    elif any(p.severity == "error" for p in problems if p.file == "study.yaml"):
        raise ValidationError(relabel(problems, books.tables, files), source=str(path))
    else:  # unchecked, yet nothing read (or left out) without a word
        read_rows = {TABLES[name].filename: {line for line, _ in raw[name][1]} for name in TABLES}
        headers = {TABLES[name].filename: raw[name][0] for name in TABLES}
        problems = [p for p in problems if (p.file, p.row, p.column) not in told]
        said = relabel(problems, books.tables, files)  # where each is, in a sheet's terms for a sheet's table
        for i, (p, shown) in enumerate(zip(problems, said, strict=True)):
            if p.severity == "error":
                lost = ""
                if p.row is not None and p.row > 1 and p.row not in read_rows.get(p.file, {p.row}):
                    lost = "; this row is left out of the data"
                elif p.row == 1 and p.column and headers.get(p.file, []).count(p.column) > 1:
                    lost = f"; only the last column named {p.column} is read, the others are left out"
                warnings.warn(f"{path}: {shown} (not refused: read with validate=False{lost})",
                              UncheckedInputWarning, stacklevel=user_level())
                shown = Problem(shown.file, shown.row, shown.column, shown.value, shown.expected, "warning")
            said[i] = shown
        problems = said
    for name in TABLES:
        records[name] = [r for _, r in raw[name][1]]
    tables = {name: _frame_from_records(TABLES[name], records[name]) for name in TABLES}
    study = Study.__new__(Study)
    study._meta = copy.deepcopy(meta)
    study._meta_lines = meta_lines  # where study.yaml's keys are, for Study.validate's problems (_meta is not changed)
    study._tables = tables
    study._transcripts = texts  # read once, while validating
    study.root = path
    study.load_problems = [p for p in problems if p.severity != "error"]
    study._checked = validate  # validated as read: Study.save need not check it again
    return study

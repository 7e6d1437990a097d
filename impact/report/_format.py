"""Number and text formatting shared by the report renderers.

A table's ``columns_format`` maps a column name to a format.  The same spec
gives the display text in HTML and Word and the number format in Excel; the
published tables (the workbook's cells, ``tables/*.csv``) hold the numbers
rounded as the display shows them (:func:`published_frame`), the frames the
library returns keep them unrounded:

=============  ======================  =====================  ==================
spec           meaning                 display                Excel format
=============  ======================  =====================  ==================
``"p"``        p-value                 ``<0.001``, ``0.012``  ``[<0.001]"<0.001";0.000``
``"pct"``      proportion as percent   ``12.3%``              ``0.0%``
``"pct:0"``    ... with 0 decimals     ``12%``                ``0%``
``"num:2"``    fixed decimals          ``1,234.57``           ``#,##0.00``
``"int"``      whole number            ``1,235``              ``#,##0``
``"ratio:2"``  ratio (e.g. odds ratio) ``1.93``, ``<0.01``,   ``[<0.01]"<0.01";[>=1000]">999";#,##0.00``
               never shown as 0        ``>999``
``"pp:1"``     difference of shares    ``+5.0``               ``+0.0" pp"`` (the
               in percentage points                           cell holds 5.0)
``"diff:2"``   signed number (a        ``+0.22``, ``-0.14``   ``+#,##0.00``
               change, a difference,
               a model's coefficient)
``"date"``     calendar date           ``3 Mar 2013``         ``d mmm yyyy``
``"text"``     as text                 unchanged              ``@``
``CI(lo, hi)`` interval of two columns ``0.12 to 0.34``       two numeric columns
``CI(..., signed=True)``  of a signed   ``-0.14 to +0.15``     ``+#,##0.00`` each
=============  ======================  =====================  ==================

Columns without a spec get the default of their label in the report's
:class:`~impact.report._labels.Vocabulary` (every p-value column is
``"p"``, counts are ``"int"``, shares ``"pct"``), else one from their dtype;
a column of other numbers gets the same decimals in every row, chosen from
its typical magnitude (so "358.0" sits beside "361.5", never "358").
Missing values show as an en dash.  Text in a numeric column (a suppression
symbol such as ``c``) is shown as it is, and listed in the frame's
``attrs["symbols"]`` so the renderers can print a key.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Literal

import numpy as np
import pandas as pd
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from .._version import __version__
from .._words import _counted, _listed, _listed_clauses, _named, _outside_brackets
from ..schema import without_unseen

__all__ = [
    "CI",
    "header_groups",
    "spanning_parts",
    "grouped_names",
    "GROUP_MARK",
    "said_once",
    "FormatSpec",
    "aside",
    "aside_list",
    "plain_asides",
    "unbracketed",
    "MISSING",
    "clean_text",
    "format_ci",
    "signed_text",
    "format_p",
    "format_pct",
    "format_ratio",
    "parse_spec",
    "resolve_formats",
    "without_round_off",
    "published_number",
    "published_interval",
    "published_frame",
    "p_digits",
    "ci_digits",
    "SIGNIFICANT_BELOW_FLOOR",
    "display_frame",
    "display_frames_kept",
    "table_display",
    "format_value",
    "provenance_items",
    "provenance_entries",
    "report_provenance",
    "symbol_key",
    "table_notes",
    "withheld_note",
    "withheld_notes",
    "SYMBOLS",
    "NUMERIC_KINDS",
    "RATIO_CEILING",
    "LANGUAGE",
]

#: The language the report is written in (BCP 47), declared by every format for screen readers and spelling
#: checkers: the web page's lang, the Word document's default and its core properties.
LANGUAGE = "en-GB"

#: Shown for a missing value.
MISSING = "\u2013"

_P_COLUMNS = re.compile(
    r"^(p|pvalue|p_(?:value|val|adj|adjusted|fdr|holm|bonf|asymptotic|exact|raw|perm\w*|two_sided))$", re.IGNORECASE)

#: What the symbols in numeric columns mean (DfE conventions, and impact's own suppression).
SYMBOLS = {
    "c": "suppressed: a small number, or one that would reveal a small number",
    "x": "not available",
    "z": "not applicable",
    "u": "low reliability",
    "low": "fewer than 0.5, rounded to 0",
    "k": "fewer than 0.5, rounded to 0",
    ":": "not available",
}


@dataclass(frozen=True)
class CI:
    """Show two columns, ``low`` and ``high``, as one interval "0.12 to 0.34".

    Used as a value of ``columns_format``; its key names the display column,
    which takes the place of ``low`` (``high`` is dropped from the display).

    Examples
    --------
    >>> CI("ci_low", "ci_high", digits=1)
    CI(low='ci_low', high='ci_high', digits=1, percent=False, points=False, ratio=False, signed=False)
    >>> CI("lo", "hi", digits=0, points=True)  # a difference of shares, in percentage points
    CI(low='lo', high='hi', digits=0, percent=False, points=True, ratio=False, signed=False)
    >>> CI("or_low", "or_high", ratio=True)  # a ratio's interval: ends shown as format_ratio shows them
    CI(low='or_low', high='or_high', digits=2, percent=False, points=False, ratio=True, signed=False)

    ``signed``: the interval of a signed quantity (a change, a difference, a model's coefficient: a ``"diff"``
    column), its ends signed as the quantity is (:func:`signed_text`), "-0.14 to +0.15"; an interval in percentage
    points always is.
    """

    low: str
    high: str
    digits: int = 2
    percent: bool = False
    points: bool = False
    ratio: bool = False
    signed: bool = False

    def end_spec(self, digits: int | None = None) -> FormatSpec:
        """The format of either end alone (a workbook's column, a published value), to ``digits`` decimals
        (the interval's own by default).

        >>> CI("lo", "hi", 1, points=True).end_spec(), CI("lo", "hi", ratio=True).end_spec(3).kind
        (FormatSpec(kind='pp', digits=1), 'ratio')
        >>> CI("lo", "hi", signed=True).end_spec()
        FormatSpec(kind='diff', digits=2)
        """
        kind = ("pp" if self.points else "pct" if self.percent else "ratio" if self.ratio
                else "diff" if self.signed else "num")
        return FormatSpec(kind, self.digits if digits is None else digits)


@dataclass(frozen=True)
class FormatSpec:
    """A parsed column format (see the module docstring)."""

    kind: Literal["p", "pct", "pp", "num", "diff", "ratio", "int", "date", "text", "bool", "auto"]
    digits: int = 2


_SPEC_RE = re.compile(r"^(p|pct|pp|num|diff|ratio|int|date|text)(?::(\d))?$")
NUMERIC_KINDS = ("p", "pct", "pp", "num", "diff", "ratio", "int", "auto")


def parse_spec(spec: str | FormatSpec) -> FormatSpec:
    """Parse a format string such as ``"pct:1"``.

    Raises
    ------
    ValueError
        If the string is not a known format.

    Examples
    --------
    >>> parse_spec("num:3")
    FormatSpec(kind='num', digits=3)
    >>> parse_spec("pct")
    FormatSpec(kind='pct', digits=1)
    """
    if isinstance(spec, FormatSpec):
        return spec
    m = _SPEC_RE.match(spec) if isinstance(spec, str) else None
    if m is None:
        raise ValueError(
            "A column format must be one of ['p', 'pct', 'pct:<digits>', 'pp:<digits>', 'num:<digits>', 'diff:<digits>', "
            "'ratio:<digits>', 'int', "
            f"'date', 'text'] or a CI(low, high), but {spec!r} was passed."
        )
    kind, digits = m.group(1), m.group(2)
    default = {"pct": 1, "p": 3, "pp": 1}.get(kind, 2)
    return FormatSpec(kind, int(digits) if digits is not None else default)  # type: ignore[arg-type]


def clean_text(value: object) -> str:
    """Text as it is published: without the control characters that XML (Word, Excel) cannot hold, and without the
    characters that change what a reader sees unseen (:func:`impact.schema.without_unseen`: a direction override that
    shows a quote backwards, a zero-width space or soft hyphen inside a name), which are removed, not shown.

    Examples
    --------
    >>> clean_text("a\\x0bb\\tc")
    'ab\\tc'
    >>> clean_text("Sa\\u200brah said \\u202eon\\u202c")
    'Sarah said on'
    """
    return without_unseen(ILLEGAL_CHARACTERS_RE.sub("", str(value)))


_BRACKETED = re.compile(r"\s*\(([^()]*)\)")


def unbracketed(text: object) -> str:
    """``text`` with its own brackets set off by commas instead, innermost first, for a phrase set inside an aside
    or followed by one: a label such as a wave's "Early impact (about 3 months after)" put in brackets read "(...,
    Early impact (about 3 months after), ...)", brackets inside brackets.

    Examples
    --------
    >>> unbracketed("Early impact (about 3 months after)")
    'Early impact, about 3 months after'
    >>> unbracketed("a (b (c)) d")
    'a, b, c, d'
    """
    def flat(m: re.Match) -> str:
        # a bracket mid-phrase is closed by a comma too; one before punctuation or at the end is not
        rest = m.string[m.end():]
        return ", " + m.group(1).strip() + ("," if rest[:1].isspace() and rest.strip()[:1].isalnum() else "")

    text = str(text)
    while True:
        flat_text = _BRACKETED.sub(flat, text)
        if flat_text == text:
            return re.sub(r",(\s*,)+", ",", flat_text)
        text = flat_text


def aside(text: str, note: str) -> str:
    """``text`` followed by the bracketed aside ``note``, composed so that no brackets nest and none follow each other.

    The note's own brackets become commas (:func:`unbracketed`). Where ``text`` already ends in a bracketed aside, the
    note joins it after a semicolon: a 5-council report read "(5 participants each, ...; 14 more are suppressed)
    (participants at each wave)", two asides in a row. A ``text`` ending in a label's own bracket is passed through
    :func:`unbracketed` first by the caller (an aside joined to a label's bracket would read as part of the label).

    Examples
    --------
    >>> aside("7 of 22 participants", "32%")
    '7 of 22 participants (32%)'
    >>> aside("7 of 22 participants (32%)", "the counts at early impact (month 3) are not published")
    '7 of 22 participants (32%; the counts at early impact, month 3, are not published)'
    """
    note = unbracketed(note)
    if not note:
        return text
    if text.endswith(")"):
        return f"{text[:-1]}; {note})"
    return f"{text} ({note})"


def aside_list(items) -> str:
    """A bracketed list of phrases: '(a, b, c)', or '(a; b, c; d)' where an item's own brackets, set off by commas
    (:func:`unbracketed`), would make commas ambiguous.

    Examples
    --------
    >>> aside_list(["Expectations", "Early impact (about 3 months after)"])
    '(Expectations; Early impact, about 3 months after)'
    """
    flat = [unbracketed(i) for i in items]
    return "(" + ("; " if any("," in i for i in flat) else ", ").join(flat) + ")"


def plain_asides(text: str) -> str:
    """``text`` with no brackets inside brackets and no two bracketed asides in a row: an aside's own brackets become
    commas (:func:`unbracketed`) and an aside straight after another joins it after a semicolon. Text whose brackets
    do not pair is returned as it is.

    A caveat composed of a library warning and the report's labels read "... longer-term change (about 12 months after)
    (in at least one group) ..." and "(e.g. increased commitment and longer-term change (about 12 months after))".

    Examples
    --------
    >>> plain_asides("at early impact (about 3 months after) (in at least one group)")
    'at early impact (about 3 months after; in at least one group)'
    >>> plain_asides("(e.g. commitment at longer-term change (about 12 months after)); power is low")
    '(e.g. commitment at longer-term change, about 12 months after); power is low'
    """
    text = str(text)
    spans, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "(":
            start = i if depth == 0 else start
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                return text
            if depth == 0:
                spans.append((start, i))
    if depth:
        return text
    for a, b in reversed(spans):  # the outer brackets stay; those inside them become commas
        inner = text[a + 1:b]
        if "(" in inner:
            text = text[:a + 1] + unbracketed(inner) + text[b:]
    return re.sub(r"\)\s*\(", "; ", text)


def _is_missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def format_p(p: float, digits: int = 3, line: float = 0.05) -> str:
    """A p-value for display: ``"<0.001"`` below the smallest shown value, and with more digits where ``digits``
    would put it on the other side of ``line`` (0.0496 is '0.0496', not '0.050', beside a summary that calls it
    below 0.05).

    Examples
    --------
    >>> format_p(0.0004), format_p(0.0123), format_p(0.5)
    ('<0.001', '0.012', '0.500')
    >>> format_p(0.0496), format_p(0.04996), format_p(0.0504), format_p(0.05)
    ('0.0496', '0.04996', '0.050', '0.050')
    """
    if _is_missing(p):
        return MISSING
    if isinstance(p, str):  # a suppression symbol such as "c"
        return p
    floor = 10.0**-digits
    if p < floor:
        return f"<{floor:.{digits}f}"
    digits = p_digits(p, digits, line)
    return f"{p:.{digits}f}"


def p_digits(p: float, digits: int = 3, line: float = 0.05) -> int:
    """The decimals :func:`format_p` shows ``p`` with: ``digits``, or more (up to 6) where ``digits`` would put it on
    the other side of ``line``.

    >>> p_digits(0.5), p_digits(0.0496), p_digits(0.04996)
    (3, 4, 5)
    """
    while digits < 6 and (p < line) != (round(p, digits) < line):
        digits += 1
    return digits


def format_pct(x: float, digits: int = 1) -> str:
    """A proportion (0-1) as a percentage.

    Examples
    --------
    >>> format_pct(0.1234), format_pct(0.5, 0)
    ('12.3%', '50%')
    """
    as_is = _not_a_number(x)
    return as_is if as_is is not None else f"{_fixed(x * 100, digits)}%"


def _not_a_number(x: object) -> str | None:
    """What a missing value or a symbol is shown as (an en dash, the symbol such as "c"); None for a number."""
    if _is_missing(x):
        return MISSING
    return x if isinstance(x, str) else None


#: A ratio at or above this is shown as ">999" (in the report and as the workbook's number format shows it).
RATIO_CEILING = 1000.0


def format_ratio(x: float, digits: int = 2) -> str:
    """A ratio (an odds ratio, or an end of its interval) for display: ``digits`` decimals, ``"<0.01"`` below the
    smallest value those decimals show and ``">999"`` from 1,000 up.

    A ratio is never 0: an odds ratio's interval from a fit with few events ran from 0.0000005 to 1,909,551, shown as
    "0.00 to 1,909,551.63" (a ratio of zero, and seven figures of noise); it reads "<0.01 to >999".

    Examples
    --------
    >>> format_ratio(1.934), format_ratio(5.4e-07), format_ratio(0.0149), format_ratio(1909551.63)
    ('1.93', '<0.01', '0.01', '>999')
    >>> format_ratio(999.99), format_ratio(0.004, 3)
    ('999.99', '0.004')
    """
    as_is = _not_a_number(x)
    if as_is is not None:
        return as_is
    x = float(x)
    floor = 10.0**-digits
    if 0 < x < floor:  # as the workbook's [<0.01] does
        return f"<{floor:.{digits}f}"
    if x >= RATIO_CEILING and np.isfinite(x):
        return f">{RATIO_CEILING - 1:,.0f}"
    return _fixed(x, digits)


def signed_text(text: str) -> str:
    """A number as shown (``text``) with "+" before it where it is positive: the one rule of a signed quantity (a
    difference of shares in percentage points, a change), for the quantity and each end of its interval alike.  A
    value shown as zero has no sign, a negative one keeps its hyphen-minus (docs/report-format.md).

    >>> signed_text("6"), signed_text("-16"), signed_text("0.00"), signed_text("1,234.5")
    ('+6', '-16', '0.00', '+1,234.5')
    """
    return text if text.startswith("-") or not text.strip("0.,%") else "+" + text


def format_ci(low: float, high: float, digits: int = 2, *, percent: bool = False, points: bool = False,
              ratio: bool = False, signed: bool = False) -> str:
    """An interval as "low to high" (a hyphen would read as a minus sign).

    Examples
    --------
    >>> format_ci(0.1234, 0.3391)
    '0.12 to 0.34'
    >>> format_ci(-0.5, 0.25, 1), format_ci(-0.001, 0.5)
    ('-0.5 to 0.2', '0.00 to 0.50')

    A profile likelihood can leave a side of an interval open (no limit found on it), said in words, not "inf":

    >>> format_ci(0.5, float("inf")), format_ci(float("-inf"), 1.5, 1), format_ci(float("-inf"), float("inf"))
    ('0.50 or more', 'up to 1.5', 'any value')

    An interval narrower than the last digit shown gets the digits that tell its ends apart (up to four more):

    >>> format_ci(-0.0021, 0.0043), format_ci(0.0012, 0.0013, percent=True, digits=0)
    ('-0.002 to 0.004', '0.12% to 0.13%')

    A ratio's interval (``ratio=True``) shows its ends as :func:`format_ratio` does:

    >>> format_ci(5.4e-07, 1909551.63, ratio=True), format_ci(0.004, 0.2, ratio=True)
    ('<0.01 to >999', '<0.01 to 0.20')

    The interval of a signed quantity (``signed=True``, and always a difference of shares, ``points=True``, shown
    "+6") signs its ends as the quantity is signed (:func:`signed_text`), as the workbook's cells show them:

    >>> format_ci(-0.16, 0.29, 0, points=True), format_ci(0.1, 0.4, signed=True), format_ci(0.0, 0.2, 0, points=True)
    ('-16 to +29', '+0.10 to +0.40', '0 to +20')
    """
    if _is_missing(low) or _is_missing(high):
        return MISSING
    if isinstance(low, str) or isinstance(high, str):  # suppressed
        return low if isinstance(low, str) else high

    def bound(x: float) -> str:
        text = _ci_bound(x, digits, percent=percent, points=points, ratio=ratio)
        return signed_text(text) if signed or points else text

    if np.isinf(low) and np.isinf(high):
        return "any value"
    if np.isinf(low):
        return f"up to {bound(high)}"
    if np.isinf(high):
        return f"{bound(low)} or more"
    digits = ci_digits(low, high, digits, percent=percent, points=points, ratio=ratio)
    return f"{bound(low)} to {bound(high)}"


def _ci_bound(x: float, digits: int, *, percent: bool = False, points: bool = False, ratio: bool = False) -> str:
    """One end of an interval as :func:`format_ci` shows it."""
    if points:  # percentage points: the scale of a "pp" column, without "%" (format_ci signs it)
        return _fixed(x * 100, digits)
    if ratio:
        return format_ratio(x, digits)
    return format_pct(x, digits) if percent else _fixed(x, digits)


def ci_digits(low: float, high: float, digits: int = 2, *, percent: bool = False, points: bool = False,
              ratio: bool = False) -> int:
    """The decimals :func:`format_ci` shows the interval's ends with: ``digits``, or up to four more where its ends
    would read the same (an interval narrower than the last digit shown read as none: "0.00 to 0.00" for a kappa of
    0.001 from -0.002 to 0.004, round 23).

    >>> ci_digits(0.1234, 0.3391), ci_digits(-0.0021, 0.0043), ci_digits(0.0012, 0.0013, 0, percent=True)
    (2, 3, 2)

    An interval of a difference, a change or a ratio that does not hold the value of no difference (0, or 1 for a
    ratio) is not shown reaching it: an end that would read as that value gets the digits that show it does not (up
    to four more). "-0.15 to 0.00" for an interval whose upper end is -0.003 read as including no change beside its
    own p of 0.042 (truth60):

    >>> ci_digits(-0.15, -0.003), ci_digits(0.52, 0.996, ratio=True), ci_digits(-0.15, 0.0), ci_digits(-0.15, 0.004)
    (3, 3, 2, 2)
    """
    if not (np.isfinite(low) and np.isfinite(high)):
        return digits
    kw = {"percent": percent, "points": points, "ratio": ratio}
    base = digits
    while (_ci_bound(low, digits, **kw) == _ci_bound(high, digits, **kw) and float(low) != float(high)
           and digits < base + 4):
        digits += 1
    if _ci_bound(low, digits, **kw) == _ci_bound(high, digits, **kw):
        digits = base
    null = 1.0 if ratio else 0.0
    # the interval of a difference, a change or a ratio leaves out no difference: no end shown as it (a share's
    # interval, percent=True, has no value of no difference)
    if not percent and (float(low) > null or float(high) < null):
        end = float(low) if float(low) > null else float(high)
        more = next((d for d in range(digits, max(digits, base + 4) + 1)
                     if _ci_bound(end, d, **kw) != _ci_bound(null, d, **kw)), digits)
        digits = more
    return digits


def _fixed(x: float, digits: int) -> str:
    """Fixed decimals with thousands separators and no negative zero ("-0.00")."""
    text = f"{float(x):,.{digits}f}"
    return text[1:] if text.startswith("-") and not text.strip("-0.,") else text


def _numbers(series: pd.Series) -> np.ndarray:
    """The finite numbers of a column (symbols, text and missing values left out)."""
    values = [float(v) for v in series.tolist() if _is_number(v) and not _is_missing(v)]
    arr = np.asarray(values, dtype=float)
    return arr[np.isfinite(arr)]


def _auto_digits(series: pd.Series) -> FormatSpec:
    """One number format for a whole column, from its typical magnitude."""
    values = _numbers(series)
    if len(values) == 0 or np.all(values == np.round(values)):
        return FormatSpec("int")
    typical = float(np.median(np.abs(values[values != 0]))) if np.any(values != 0) else 0.0
    digits = 0 if typical >= 1000 else 1 if typical >= 100 else 2 if typical >= 0.1 else 3
    return FormatSpec("num", digits)


def _auto_spec(name: str, series: pd.Series, label_format: str | None = None) -> FormatSpec:
    dtype = series.dtype
    if label_format is not None and not pd.api.types.is_bool_dtype(dtype):
        spec = parse_spec(label_format)
        values = [v for v in series.tolist() if not _is_missing(v)]
        numbers_or_symbols = all(_is_number(v) or (isinstance(v, str) and v.strip().lower() in SYMBOLS) for v in values)
        if spec.kind == "int" and np.any(_numbers(series) != np.round(_numbers(series))):
            return _auto_digits(series)  # a "count" with fractions: show them, never round them away
        if spec.kind in ("text", "date") or (numbers_or_symbols and (values or series.isna().all())):
            return spec
    if _P_COLUMNS.match(str(name)):
        return FormatSpec("p", 3)
    if pd.api.types.is_bool_dtype(dtype):
        return FormatSpec("bool")
    if pd.api.types.is_integer_dtype(dtype):
        return FormatSpec("int")
    if pd.api.types.is_float_dtype(dtype):
        return _auto_digits(series)
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return FormatSpec("date")
    if pd.api.types.is_object_dtype(dtype) and any(_is_number(v) for v in series.tolist()):
        return _auto_digits(series)  # numbers mixed with symbols, e.g. suppressed counts ("c")
    values = [v for v in series.tolist() if not _is_missing(v)]
    if values and all(isinstance(v, str) and v.strip().lower() == "c" for v in values):
        # counts every one of which is suppressed (c): still a column of numbers, whose cells a workbook leaves empty
        # and names as suppressed (read as text, a sheet held the letter c and its row's flag left it out)
        return FormatSpec("int")
    return FormatSpec("text")


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, (bool, np.bool_))


def resolve_formats(data: pd.DataFrame, columns_format: Mapping, *, vocabulary=None,
                    labels: Mapping | None = None) -> dict[str, FormatSpec | CI]:
    """The format of every displayed column, in display order.

    CI entries replace their ``low`` column; their ``high`` column is dropped. A CI whose ``low`` column's label
    formats a ratio (``odds_ratio_ci_low``) is a ratio's interval (``CI(..., ratio=True)``).
    A column without a spec takes its label's default format (``labels``,
    then ``vocabulary``), else one from its values.

    Raises
    ------
    ValueError
        If a spec is unknown or names a column that ``data`` lacks.
    """
    from ._labels import DEFAULT_VOCABULARY, Label

    vocabulary = vocabulary or DEFAULT_VOCABULARY
    labels = labels or {}
    columns = [str(c) for c in data.columns]
    parsed: dict[str, FormatSpec | CI] = {}
    problems = []
    for key, spec in columns_format.items():
        if isinstance(spec, CI):
            missing = [c for c in (spec.low, spec.high) if c not in columns]
            if missing:
                problems.append(f"CI for {key!r} names {_named('column', missing)} not in the table {columns}")
            own = labels.get(spec.low)
            low_format = own.format if isinstance(own, Label) and own.format else vocabulary.column(spec.low).format
            if not (spec.percent or spec.points) and low_format and parse_spec(low_format).kind == "ratio":
                spec = replace(spec, ratio=True)  # the interval of a ratio (an odds ratio's), shown as a ratio is
            parsed[key] = spec
        else:
            if key not in columns:
                problems.append(f"format for column {key!r}, which is not in the table {columns}")
                continue
            parsed[key] = parse_spec(spec)
    if problems:
        raise ValueError("`columns_format` has problems: " + "; ".join(problems))
    cis = {v.low: (k, v) for k, v in parsed.items() if isinstance(v, CI)}
    highs = {v.high for v in cis.values() for v in [v[1]]}
    out: dict[str, FormatSpec | CI] = {}
    for col in columns:
        if col in cis:
            key, spec = cis[col]
            out[key] = spec
        elif col in highs:
            continue
        elif col in parsed:
            out[col] = parsed[col]
        else:
            own = labels.get(col)
            label_format = own.format if isinstance(own, Label) and own.format else vocabulary.column(col).format
            out[col] = _auto_spec(col, data[col], label_format)
    return out


#: Relative size below which a value on an additive scale is floating-point round-off of zero (a sum or difference
#: of doubles is exact to about 1e-16 of the numbers it came from).
ROUND_OFF = 1e-12
#: Kinds on an additive scale: a value there within round-off of zero is zero.  A p-value or a ratio of 1e-17 is a
#: real, tiny value (a far tail, an exponentiated log-odds) and is kept.
_ADDITIVE_KINDS = ("pct", "pp", "num", "diff", "auto", "int")


def without_round_off(data: pd.DataFrame, specs: Mapping) -> pd.DataFrame:
    """A copy of ``data`` with floating-point round-off cleaned from its numeric columns.

    On an additive scale (shares, percentage points, plain numbers, counts) a value within :data:`ROUND_OFF` of
    zero, relative to the largest magnitude of its column (or of its interval's two columns, or 1 if larger), is
    stored as 0, and a count within round-off of a whole number is that number: a bound of ``2.8e-17`` read
    "2.8E-17" in a spreadsheet's formula bar, beside "0%" in the cell.  p-values and ratios are left as they are.
    Text (a suppression symbol) and missing values are left as they are; ``data`` is not modified.

    Parameters
    ----------
    data : DataFrame
    specs : mapping
        Column (or CI key) to :class:`FormatSpec` or :class:`CI`, as :func:`resolve_formats` gives.

    Examples
    --------
    >>> df = pd.DataFrame({"lo": [2.8e-17, 0.1], "hi": [0.4, 0.6], "p": [1e-17, 0.5], "n": [3.0000000000004, 2.0]})
    >>> clean = without_round_off(df, {"ci": CI("lo", "hi", percent=True), "p": parse_spec("p"),
    ...                                "n": parse_spec("int")})
    >>> clean["lo"].tolist(), clean["p"].tolist(), clean["n"].tolist()
    ([0.0, 0.1], [1e-17, 0.5], [3.0, 2.0])

    A value that would show as more than zero is never round-off, whatever else its column holds:

    >>> without_round_off(pd.DataFrame({"x": [2.5, 1e17, 3e-17]}), {"x": parse_spec("num:1")})["x"].tolist()
    [2.5, 1e+17, 0.0]
    """
    groups: list[tuple[list[str], str, int]] = []
    for key, spec in specs.items():
        if isinstance(spec, CI):
            if not spec.ratio:
                groups.append(([spec.low, spec.high], "num", spec.digits))
        elif spec.kind in _ADDITIVE_KINDS and key in data.columns:
            groups.append(([key], spec.kind, spec.digits))
    out = data.copy()
    for columns, kind, digits in groups:
        values = {c: data[c].to_numpy(dtype=object) for c in columns}
        finite = [abs(float(v)) for c in columns for v in values[c]
                  if _is_number(v) and not _is_missing(v) and np.isfinite(float(v))]
        # never more than what shows as zero at the column's decimals, even as a percentage: beside a value of 1e17
        # (a separated fit's estimate) the relative round-off is 1e5, and a 2.5 in the same column was written as 0
        tolerance = min(ROUND_OFF * max([1.0, *finite]), 0.5 * 10.0 ** -(max(int(digits or 0), 0) + 2))
        for c in columns:
            cleaned, changed = [], False
            for v in values[c]:
                if isinstance(v, (float, np.floating)) and np.isfinite(v):
                    x = float(v)
                    if abs(x) <= tolerance:
                        x = 0.0  # a negative zero too
                    elif kind == "int" and abs(x - round(x)) <= ROUND_OFF * abs(x):
                        x = float(round(x))
                    changed = changed or x != v or np.signbit(x) != np.signbit(v)
                    v = x
                cleaned.append(v)
            if changed:
                out[c] = pd.Series(cleaned, index=data.index, dtype=data[c].dtype, name=c)
    return out


#: Significant figures a published p-value or ratio below the smallest value its decimals show keeps ("<0.001" in
#: the report is 4.2e-05 in the CSV and the workbook: rounded to 0 it would read as impossible, a p of 0, a ratio of 0).
SIGNIFICANT_BELOW_FLOOR = 2


def published_number(value: object, spec: FormatSpec) -> object:
    """``value`` as the published tables (CSV, workbook) hold it: rounded to the precision the report shows it with.

    The one rule per kind of quantity, taken from the report's own text of the value (so the published number and the
    report's never differ by a rounding): a share (``pct:d``) or a difference of shares (``pp:d``) keeps ``d + 2``
    decimals (30.5% is 0.305); a number (``num:d``) ``d`` decimals; a count is whole; a ratio ``d`` decimals and a
    p-value the decimals :func:`format_p` shows (3, more near 0.05), each with :data:`SIGNIFICANT_BELOW_FLOOR`
    significant figures below the smallest value those decimals show.  Missing values, symbols (``"c"``), text,
    dates, infinities and whole numbers stored as integers are returned as they are.

    Examples
    --------
    >>> published_number(0.30500000000000005, parse_spec("pct")), published_number(0.06305555555555553, parse_spec("num"))
    (0.305, 0.06)
    >>> published_number(0.0496123, parse_spec("p")), published_number(4.2345e-05, parse_spec("p"))
    (0.0496, 4.2e-05)
    >>> published_number(5.4321e-07, parse_spec("ratio")), published_number(-0.001, parse_spec("num")), published_number("c", parse_spec("int"))
    (5.4e-07, 0.0, 'c')
    """
    if not isinstance(value, (float, np.floating)) or not np.isfinite(value):
        return value
    x, kind, digits = float(value), spec.kind, spec.digits
    if kind in ("pct", "pp"):
        shown = Decimal(_fixed(x * 100, digits).replace(",", "")).scaleb(-2)
        return float(shown) + 0.0  # + 0.0: no negative zero
    if kind in ("num", "diff", "auto"):
        return float(_fixed(x, digits).replace(",", "")) + 0.0
    if kind == "int":
        return float(round(x)) + 0.0
    if kind in ("p", "ratio"):
        if 0 < x < 10.0**-digits:
            return float(f"{x:.{SIGNIFICANT_BELOW_FLOOR}g}")
        return round(x, p_digits(x, digits) if kind == "p" else digits) + 0.0
    return value


def published_interval(low: object, high: object, spec: CI) -> tuple[object, object]:
    """An interval's ends as the published tables hold them: rounded as :func:`format_ci` shows them (with the extra
    digits it gives an interval whose ends would otherwise read the same), each by :func:`published_number`.

    >>> published_interval(0.15939464787774, 0.28550575898885266, CI("lo", "hi"))
    (0.16, 0.29)
    >>> published_interval(-0.00214, 0.00433, CI("lo", "hi")), published_interval(0.30512, 0.6, CI("lo", "hi", 0, percent=True))
    ((-0.002, 0.004), (0.31, 0.6))
    """
    numbers = all(_is_number(v) and np.isfinite(v) for v in (low, high))  # type: ignore[arg-type]
    digits = (ci_digits(float(low), float(high), spec.digits, percent=spec.percent, points=spec.points,  # type: ignore[arg-type]
                        ratio=spec.ratio) if numbers else spec.digits)
    end = spec.end_spec(digits)
    return published_number(low, end), published_number(high, end)


def published_frame(data: pd.DataFrame, specs: Mapping) -> pd.DataFrame:
    """A copy of ``data`` with every numeric column rounded as the report shows it (:func:`published_number`,
    :func:`published_interval`): the values of the published CSV files and workbook.  ``data`` is not modified; the
    frames the library returns to an analyst stay unrounded.

    Parameters
    ----------
    data : DataFrame
    specs : mapping
        Column (or CI key) to :class:`FormatSpec` or :class:`CI`, as :func:`resolve_formats` gives.

    Examples
    --------
    >>> df = pd.DataFrame({"share": [0.30500000000000005, "c"], "lo": [2.8e-17, 0.1], "hi": [0.4, 0.61234]})
    >>> out = published_frame(df, {"share": parse_spec("pct"), "ci": CI("lo", "hi")})
    >>> out.values.tolist()
    [[0.305, 0.0, 0.4], ['c', 0.1, 0.61]]
    """
    out = without_round_off(data, specs)
    for key, spec in specs.items():
        if isinstance(spec, CI):
            if spec.low in out.columns and spec.high in out.columns:
                pairs = [published_interval(lo, hi, spec) for lo, hi in
                         zip(out[spec.low].tolist(), out[spec.high].tolist(), strict=True)]
                for column, values in ((spec.low, [p[0] for p in pairs]), (spec.high, [p[1] for p in pairs])):
                    out[column] = pd.Series(values, index=out.index, dtype=out[column].dtype, name=column)
        elif spec.kind in NUMERIC_KINDS and key in out.columns and not pd.api.types.is_integer_dtype(out[key].dtype):
            values = [published_number(v, spec) for v in out[key].tolist()]
            out[key] = pd.Series(values, index=out.index, dtype=out[key].dtype, name=key)
    return out


def format_value(value: object, spec: FormatSpec) -> str:
    """One cell as display text.

    Examples
    --------
    >>> format_value(1234.5678, parse_spec("num:2"))
    '1,234.57'
    >>> format_value(pd.Timestamp("2013-03-03"), parse_spec("date"))
    '3 Mar 2013'
    >>> format_value("c", parse_spec("int"))  # a suppression symbol stays as it is
    'c'
    >>> format_value(-0.05, parse_spec("pp:0")), format_value(0.123, parse_spec("pp"))
    ('-5', '+12.3')
    >>> format_value(0.2249, parse_spec("diff:2")), format_value(-0.004, parse_spec("diff:2"))
    ('+0.22', '0.00')
    """
    if _is_missing(value):
        return MISSING
    kind = spec.kind
    try:
        if kind == "p":
            return format_p(float(value), spec.digits)
        if kind == "pct":
            return format_pct(float(value), spec.digits)
        if kind == "pp":
            return signed_text(_fixed(float(value) * 100, spec.digits))
        if kind == "num":
            return _fixed(float(value), spec.digits)
        if kind == "diff":
            return signed_text(_fixed(float(value), spec.digits))
        if kind == "ratio":
            return format_ratio(float(value), spec.digits)
        if kind == "int":
            return f"{round(float(value)):,}"
        if kind == "date":
            ts = pd.Timestamp(value)
            return f"{ts.day} {ts.strftime('%b %Y')}"
        if kind == "bool":
            return "Yes" if bool(value) else "No"
        if kind == "auto" and _is_number(value):
            return _fixed(float(value), spec.digits)
    except (TypeError, ValueError, OverflowError):
        pass  # text in a numeric column is shown as it is
    return clean_text(value)


#: The display frames of one rendering, by table (:func:`display_frames_kept`); None outside one.
_KEPT: ContextVar[dict | None] = ContextVar("display_frames", default=None)


@contextmanager
def display_frames_kept() -> Iterator[None]:
    """Within the block, :func:`table_display` makes each table's display frame once: the HTML, the Word report and
    the workbook of one rendering show the same text of a table, and each made it again."""
    token = _KEPT.set({})
    try:
        yield
    finally:
        _KEPT.reset(token)


def table_display(table, vocabulary=None) -> pd.DataFrame:
    """:func:`display_frame` of a report table's shown columns, with its own labels and value labels; made once per
    table and vocabulary within :func:`display_frames_kept` (the caller must not change it)."""
    kept = _KEPT.get()
    key = (id(table), id(vocabulary))
    if kept is not None and key in kept:
        return kept[key][2]
    frame = display_frame(table.shown, table.columns_format, vocabulary=vocabulary, labels=table.labels,
                          value_labels=table.value_labels)
    if kept is not None:
        kept[key] = (table, vocabulary, frame)  # the objects kept alive, so that their ids are not reused meanwhile
    return frame


def display_frame(data: pd.DataFrame, columns_format: Mapping, *, vocabulary=None, labels: Mapping | None = None,
                  value_labels: Mapping | None = None) -> pd.DataFrame:
    """A copy of ``data`` as display text, with CI columns merged and values labelled.

    Parameters
    ----------
    data : DataFrame
    columns_format : mapping
        Column to format spec (see the module docstring).
    vocabulary : Vocabulary, optional
        Labels for people (default: the built-in vocabulary).
    labels : mapping, optional
        The table's own column labels (str or Label), before the vocabulary's.
    value_labels : mapping, optional
        The table's own value labels, ``{column: {value: label}}``.

    Returns
    -------
    DataFrame
        Text columns, one per displayed column, keyed by the machine name (or
        the CI key).  ``frame.attrs`` holds ``"numeric"`` (columns to
        right-align), ``"labels"`` (column -> heading), ``"units"``,
        ``"specs"`` and ``"symbols"`` (the symbols found in numeric columns).

    Examples
    --------
    >>> df = pd.DataFrame({"effect": [0.25], "ci_low": [0.1], "ci_high": [0.4], "p_value": [0.0002]})
    >>> shown = display_frame(df, {"ci": CI("ci_low", "ci_high")})
    >>> shown.iloc[0].tolist(), [shown.attrs["labels"][c] for c in shown.columns]
    (['0.25', '0.10 to 0.40', '<0.001'], ['Effect size', '95% CI', 'p-value'])
    """
    from ._labels import DEFAULT_VOCABULARY, Label

    vocabulary = vocabulary or DEFAULT_VOCABULARY
    labels = dict(labels or {})
    value_labels = dict(value_labels or {})
    formats = resolve_formats(data, columns_format, vocabulary=vocabulary, labels=labels)
    out = {}
    numeric: list[str] = []
    heads: dict[str, str] = {}
    units: dict[str, str] = {}
    symbols: set[str] = set()
    for name, spec in formats.items():
        own = labels.get(name)
        label = own if isinstance(own, Label) else Label(own) if isinstance(own, str) else vocabulary.column(name)
        heads[name], units[name] = label.header, label.unit
        if _cells_say_percent(spec):
            # The cells carry the "%" ("30%", "9% to 64%"): a heading saying "(%)" too said it twice a row.
            heads[name], units[name] = _PERCENT_UNIT.sub("", heads[name]), ""
        if isinstance(spec, CI):
            lows, highs = data[spec.low].tolist(), data[spec.high].tolist()
            out[name] = [format_ci(lo, hi, spec.digits, percent=spec.percent, points=spec.points, ratio=spec.ratio,
                                   signed=spec.signed)
                         for lo, hi in zip(lows, highs, strict=True)]
            symbols.update(v for v in lows + highs if isinstance(v, str))
            numeric.append(name)
        elif spec.kind in NUMERIC_KINDS:
            values = data[name].tolist()
            out[name] = [format_value(v, spec) for v in values]
            symbols.update(v.strip() for v in values if isinstance(v, str))
            numeric.append(name)
        else:
            own_values = value_labels.get(name, {})
            values = data[name].tolist()
            if vocabulary.domains.get(name) == "term":
                terms = [v for v in values if isinstance(v, str)]
                shown = [own_values.get(v, vocabulary.term(v, terms=terms)) if isinstance(v, str) else v for v in values]
            else:
                shown = [own_values[v] if isinstance(v, str) and v in own_values else vocabulary.value(name, v)
                         for v in values]
            out[name] = [format_value(v, spec) for v in shown]
    frame = pd.DataFrame(out, index=range(len(data)), dtype=object)
    frame.attrs.update(numeric=numeric, labels=heads, units=units, specs=formats,
                       symbols=sorted(s for s in symbols if s))
    return frame


_PERCENT_UNIT = re.compile(r"\s*\(%\)\s*$")


def _cells_say_percent(spec: FormatSpec | CI) -> bool:
    """Whether a column's cells are shown with a "%" sign (a share, or a share's interval)."""
    return spec.percent if isinstance(spec, CI) else spec.kind == "pct"


def detail_note(table, number: int) -> str:
    """Where a detail table is in full, for the documents that show only its caption.

    Examples
    --------
    >>> from impact.report import Table
    >>> detail_note(Table("trends", pd.DataFrame({"x": [1, 2]}), "Trends", detail=True), 7)
    'Detail: 2 rows, in full in tables.xlsx (sheet Table 7) and tables/trends.csv.'
    """
    n = len(table.data)
    return (f"Detail: {_counted(n, 'row')}, in full in tables.xlsx (sheet Table {number}) "
            f"and tables/{table.name}.csv.")


#: The symbol of a suppressed figure (:data:`SYMBOLS`): a table of nothing else is not printed (:func:`withheld_note`).
SUPPRESSED = "c"


def withheld_note(table, vocabulary=None, *, ledger: str = "") -> str:
    """The sentence that stands in for a table whose every figure is suppressed (``c``), else "".

    Such a table printed its rows of "c" in full (a 6-council study's models table ran over two Word pages and told
    nothing): the Word report, the web page and the workbook's sheet give its number, its caption and this sentence,
    saying what was withheld and why; ``tables/<name>.csv`` keeps the rows, and ``ledger`` (a file listing each
    suppressed cell, "tables/suppressions.csv") is named where given. A figure is a cell of a numeric column or
    interval (:func:`display_frame`); a table of no figures, or of one figure shown, or empty for another reason
    (not computed, not available), is printed as it is.

    Examples
    --------
    >>> from impact.report import Table
    >>> t = Table("m", pd.DataFrame({"impact": ["Morale", "Plans"], "n": ["c", "c"], "share": ["c", " c"]}), "Models",
    ...           columns_format={"share": "pct"})
    >>> print(withheld_note(t, ledger="tables/suppressions.csv"))  # doctest: +NORMALIZE_WHITESPACE
    Withheld: in each of the table's 2 rows, the figures 'Number' and 'Share' are suppressed (c), being a small
    number or one that would reveal a small number; tables/suppressions.csv lists each cell.
    >>> withheld_note(Table("m", pd.DataFrame({"impact": ["Morale"], "n": ["c"], "share": [0.5]}), "Models"))
    ''
    """
    if not len(table.data):
        return ""
    frame = table_display(table, vocabulary)
    specs = frame.attrs["specs"]
    columns = [c for name in frame.attrs["numeric"]
               for c in ((specs[name].low, specs[name].high) if isinstance(specs[name], CI) else (name,))]
    values = [v for c in columns for v in table.shown[c].tolist()]
    if not values or not all(isinstance(v, str) and v.strip().lower() == SUPPRESSED for v in values):
        return ""
    heads = _listed(f"'{frame.attrs['labels'][name]}'" for name in frame.attrs["numeric"])
    what, verb = ("figure", "is") if len(frame.attrs["numeric"]) == 1 else ("figures", "are")
    why = SYMBOLS[SUPPRESSED].split(": ", 1)[1].replace(", or ", " or ")
    where = f"; {ledger} lists each cell" if ledger else ""
    rows = _counted(len(table.data), "row")
    return f"Withheld: in each of the table's {rows}, the {what} {heads} {verb} suppressed ({SUPPRESSED}), being {why}{where}."


#: The name of the table listing every suppressed cell (the report's suppression ledger, tables/suppressions.csv).
LEDGER = "suppressions"


def withheld_notes(report) -> dict[int, str]:
    """:func:`withheld_note` of each of a report's tables whose every figure is suppressed, by the table's ``id``;
    the ledger is named where the report has one (:data:`LEDGER`)."""
    ledger = f"tables/{LEDGER}.csv" if any(t.name == LEDGER for t in report.tables) else ""
    notes = {id(t): withheld_note(t, report.vocabulary, ledger=ledger) for t in report.tables if not t.detail}
    return {k: v for k, v in notes.items() if v}


def table_notes(table, vocabulary=None) -> str:
    """A table's notes as people read them: a column named by its machine name is named by its heading, in quotes.

    Notes name columns by machine name (``n_reported``), and each is given as the table's heading reads
    (``'Statements reporting an impact'`` in the table of credits): the table's own label first, then the vocabulary's, as
    :func:`display_frame` heads it. Notes gave the vocabulary's generic reading instead, or a shortened name, which
    did not match the heading ('median expectations' over 'Median, expectations before the review', 'Councils' over
    'Councils not in intervention'). A column whose heading's part before ": " is said once over it and its neighbours
    (:func:`header_groups`) is named as the reader finds it, its shared part then its label (:func:`grouped_names`:
    "'Participants › incomplete'", where no heading reads "Participants: incomplete"), as the workbook's column of
    what is suppressed names it. The rest is :meth:`Vocabulary.prose`.

    Examples
    --------
    >>> from impact.report import Table
    >>> t = Table("t", pd.DataFrame({"n_reported": [3], "n_a": [1]}), "T", "n_a of n_reported; p_value.",
    ...           labels={"n_a": "Councils in intervention"})
    >>> table_notes(t)
    "'Councils in intervention' of 'Reported'; p-value."
    >>> t = Table("t", pd.DataFrame({"n_a": [1], "n_b": [2]}), "T", "n_b of all.",
    ...           labels={"n_a": "Participants: realised", "n_b": "Participants: incomplete"})
    >>> table_notes(t)
    "'Participants › incomplete' of all."
    """
    from ._labels import DEFAULT_VOCABULARY, SNAKE_RE, Label

    vocabulary = vocabulary or DEFAULT_VOCABULARY
    columns = set(table.data.columns)
    frame = table_display(table, vocabulary)
    heads = [frame.attrs["labels"][c] for c in frame.columns]
    # a grouped column: named as the reader finds it, its shared part then its label (grouped_names)
    under = {c: f"'{name}'" for c, name, head in zip(frame.columns, grouped_names(heads), heads, strict=True)
             if name != head}

    def heading(match: re.Match) -> str:
        name = match.group(0)
        if name not in columns:
            return name
        if name in under:  # kept from prose, which reads a quoted word ('incomplete') as a term to define
            return f"\ue000{list(under).index(name)}\ue001"
        own = (table.labels or {}).get(name)
        label = own if isinstance(own, Label) else Label(own) if isinstance(own, str) else vocabulary.column(name)
        return f"'{label.header}'"

    text = vocabulary.prose(SNAKE_RE.sub(heading, table.notes))
    return re.sub("\ue000(\\d+)\ue001", lambda m: list(under.values())[int(m[1])], text)


def symbol_key(symbols) -> str:
    """A sentence explaining the symbols shown in a table, for its notes.

    Examples
    --------
    >>> symbol_key(["c"])
    'c: suppressed: a small number, or one that would reveal a small number.'
    """
    parts = [f"{s}: {SYMBOLS.get(s.lower(), 'see the notes')}" for s in symbols]
    return "; ".join(parts) + "." if parts else ""


#: Between a shared heading part and a column's label under it, where a note or the workbook's column of what is
#: suppressed names a grouped column (:func:`grouped_names`): the path a reader follows, group then column.
GROUP_MARK = " \u203a "


def grouped_names(headers, groups=None) -> list[str]:
    """Each column named as a reader finds it under :func:`header_groups`' two heading rows: a grouped column by its
    shared part then its label, joined by :data:`GROUP_MARK` ("Participants › incomplete"), any other by its heading.
    The workbook's column of what is suppressed named a grouped column by its two rows' text run together
    ("Participants: under way before the review, not reported after", a heading no row reads) and the notes the
    same column as "'incomplete' under 'Participants'": both now say the same words.

    >>> grouped_names(["Impact", "Participants: realised", "Participants: incomplete", "Councils: all"])
    ['Impact', 'Participants › realised', 'Participants › incomplete', 'Councils: all']
    """
    headers = [str(h) for h in headers]
    groups = header_groups(headers) if groups is None else groups
    if not groups:
        return headers
    names, j = [], 0
    for lead, span, grouped in groups[0]:
        names += [f"{lead}{GROUP_MARK}{groups[1][k]}" if grouped else headers[k] for k in range(j, j + span)]
        j += span
    return names


def said_once(names) -> str:
    """Column names (:func:`grouped_names`) as one list, a shared heading part said once before the run of its columns
    that share it: the suppression ledger's "Participants › realised; Participants › incomplete" repeated the part on
    every column, where the workbook's column of what is suppressed said it once. Names are joined by "; " (a label
    may hold a comma: "under way before the review, reported after"); a name repeated is said once.

    >>> said_once(["Impact", "Participants › realised", "Participants › incomplete", "Share"])
    'Impact; Participants › realised; incomplete; Share'
    >>> said_once(["A › odds ratio", "A › 95% CI", "B › odds ratio", "B › 95% CI", "A › odds ratio"])
    'A › odds ratio; 95% CI; B › odds ratio; 95% CI'
    """
    out, lead = [], None
    for name in dict.fromkeys(str(n) for n in names):
        part, mark, label = name.partition(GROUP_MARK)
        if mark and part == lead:
            out.append(label)
        else:
            out.append(name)
            lead = part if mark else None
    return "; ".join(out)


def header_groups(headers, *, columns=None) -> tuple[list[tuple[str, int, bool]], list[str]] | None:
    """A table's headings as two rows where adjacent columns share a heading's part before ": ": the upper row as
    (text, columns spanned, grouped), a shared part once over its columns (grouped), any other column's whole heading
    over one column (not grouped: its cell taking both rows); and the lower row, each column's heading without its
    shared part. None where no column is grouped: the table keeps its one row. ("Participants:" on each of seven
    columns made a realisation table's headings three and four lines tall.)

    With ``columns`` (indices into ``headers``: one part of a table split across pages), the part's two rows, its
    columns grouped as in the whole table: a grouped column alone in its part keeps its shared part above it (a part
    showed "Participants: incomplete" whole beside another's "Participants" over "realised").

    Examples
    --------
    >>> header_groups(["Impact", "Participants: realised", "Participants: unmet expectation", "Share"])
    ([('Impact', 1, False), ('Participants', 2, True), ('Share', 1, False)], ['Impact', 'realised', 'unmet expectation', 'Share'])
    >>> header_groups(["Impact", "Participants: realised", "Councils: realised"]) is None
    True
    >>> header_groups(["Impact", "P: realised", "P: unmet", "P: incomplete"], columns=[0, 3])
    ([('Impact', 1, False), ('P', 1, True)], ['Impact', 'incomplete'])
    """
    headers = [str(h) for h in headers]
    leads = [h.split(": ", 1)[0] if ": " in h else None for h in headers]
    # a column is grouped where it shares its lead with the column before or after it in the whole table
    grouped = [lead is not None and ((j > 0 and leads[j - 1] == lead) or (j + 1 < len(leads) and leads[j + 1] == lead))
               for j, lead in enumerate(leads)]
    part = list(range(len(headers))) if columns is None else list(columns)
    upper: list[tuple[str, int, bool]] = []
    lower: list[str] = []
    for j in part:
        if not grouped[j]:
            upper.append((headers[j], 1, False))
            lower.append(headers[j])
            continue
        if upper and upper[-1][2] and upper[-1][0] == leads[j]:
            upper[-1] = (leads[j], upper[-1][1] + 1, True)
        else:
            upper.append((leads[j], 1, True))  # type: ignore[arg-type]
        lower.append(headers[j].split(": ", 1)[1])
    return (upper, lower) if any(g for _, _, g in upper) else None



def spanning_parts(headers: list[str], columns: list[int] | None = None) -> list[tuple[list[int], str]]:
    """Each shared part of ``headers`` (header_groups) with the columns it stands over, as indices into ``columns``
    (one part of a split table; the whole table without): fit_columns makes those columns together as wide as the
    part's longest word (a part's "Representativeness" over two narrow columns of counts, or over one column alone in
    its part, broke mid-word in 47 pt where it needs 81).

    >>> spanning_parts(["Impact", "Participants: realised", "Participants: incomplete"], [0, 2])
    [([1], 'Participants')]
    >>> spanning_parts(["Impact", "Participants: realised", "Participants: incomplete"])
    [([1, 2], 'Participants')]
    """
    groups = header_groups(headers, columns=columns)
    out, j = [], 0
    for text, span, grouped in groups[0] if groups else []:
        if grouped:
            out.append((list(range(j, j + span)), text))
        j += span
    return out


def provenance_items(provenance: Mapping, prefix: str = "") -> list[tuple[str, str]]:
    """Flatten a provenance dict to ``(key, text)`` pairs; nested keys are dotted.

    Examples
    --------
    >>> provenance_items({"study": "demo", "codebook": {"id": "nfer", "version": 2}, "seeds": [1, 2]})
    [('study', 'demo'), ('codebook.id', 'nfer'), ('codebook.version', '2'), ('seeds', '1, 2')]
    """
    items: list[tuple[str, str]] = []
    for key, value in provenance.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            items.extend(provenance_items(value, prefix=f"{name}."))
        elif isinstance(value, (list, tuple)):
            items.append((clean_text(name), clean_text(", ".join(str(v) for v in value))))
        else:
            items.append((clean_text(name), clean_text(MISSING if value is None else value)))
    return items


_MAX_LISTED = 12  # a longer list in the provenance is counted in the report, listed in provenance.json


def report_provenance(provenance: Mapping, vocabulary=None) -> list[tuple[str, str]]:
    """How the report was produced, as ``(label, text)`` pairs for people.

    :func:`provenance_items` with each dotted key and value put into words by
    the vocabulary (``parameters.adjust`` "holm" -> "Parameters: adjustment
    for multiple comparisons", "Holm"; ``identify`` False -> "No"), plus the
    version of impact that rendered the report.  ``provenance.json`` keeps the
    machine keys.

    Examples
    --------
    >>> report_provenance({"parameters": {"adjust": "holm"}, "identify": False})[:2]
    [('Parameters: adjustment for multiple comparisons', 'Holm'), ('Real council names shown', 'No')]
    """
    return [(label, text) for label, text, _ in provenance_entries(provenance, vocabulary)]


def provenance_entries(provenance: Mapping, vocabulary=None) -> list[tuple[str, str, object]]:
    """:func:`report_provenance` with each entry's value as recorded (a list, a number, text) beside its words.

    A spreadsheet keeps a value that is a number (999 resamples, a significance level of 0.05) as a number.

    >>> provenance_entries({"parameters": {"n_resamples": 999, "adjust": "holm"}})[:2]
    [('Parameters: resamples per permutation test', '999', 999), ('Parameters: adjustment for multiple comparisons', 'Holm', 'holm')]
    """
    from ._labels import DEFAULT_VOCABULARY

    vocabulary = vocabulary or DEFAULT_VOCABULARY
    out = []
    flat = _flatten(provenance)
    flat.append(("impact_version", __version__))
    seen: set[tuple[str, str]] = set()
    for key, value in flat:
        if str(key).startswith(("study_layout.files", "statistical_warning_sources", "validation_warnings.by_kind",
                                "validation_warnings.where")):
            # the file list is in provenance.json; the report gives its count and hash. A library's own words for
            # its warnings are kept there for an analyst; the report's caveats say them in words (round 33). The
            # study's validation warnings are counted; where each is (file:row:column, by machine column names) is
            # for provenance.json and `impact validate`, not a reader ("by kind: interviews: csv:participant_id 70")
            continue
        if key == "validation_warnings.count":
            key = "validation_warnings"
        # The same setting recorded twice (``seed`` and ``parameters.seed``) is shown once.
        same = (str(key).split(".")[-1].replace("impact_", ""), str(value))
        if same in seen:
            continue
        seen.add(same)
        if isinstance(value, (list, tuple)) and len(value) > _MAX_LISTED:
            text = f"{len(value)} items, listed in provenance.json"
        elif isinstance(value, (list, tuple)):
            # sentences (the statistical caveats) joined by '; ' lose their own full stops: '... only).; Statistical'.
            # Where some end in one and some not (a caveat of the attrition and one of a model), each loses its own
            # and the whole ends in one: '... are tested.; Impact: ...' (report truth round 27)
            parts = [str(vocabulary.provenance_value(key, v)) for v in value]
            stop = "." if any(p.endswith(".") for p in parts) else ""
            parts = [p[:-1] if p.endswith(".") else p for p in parts]
            # a caveat holding its own list set off by semicolons ('... (quasi-)perfect separation; estimates ... are
            # not meaningful, in the model of ...') among caveats set off by them: they are numbered, so that no
            # reader takes a part of one for another (seed 32341, 7 councils: round 34)
            own = len(parts) > 1 and any(";" in _outside_brackets(p) for p in parts)
            text = (_listed_clauses(parts) if own else "; ".join(parts)) + stop if parts else MISSING
            # sentences put into words can set a label's own brackets inside or beside another's (the statistical
            # caveats); a single value (a command line, a file name) is shown as it is
            text = plain_asides(text)
        else:
            text = MISSING if value is None else vocabulary.provenance_value(key, value)
        out.append((clean_text(vocabulary.provenance_key(key)), clean_text(text), value))
    return out


def _flatten(provenance: Mapping, prefix: str = "") -> list[tuple[str, object]]:
    items: list[tuple[str, object]] = []
    for key, value in provenance.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            items.extend(_flatten(value, prefix=f"{name}."))
        else:
            items.append((name, value))
    return items

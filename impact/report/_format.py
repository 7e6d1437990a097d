"""Number and text formatting shared by the report renderers.

A table's ``columns_format`` maps a column name to a format.  The same spec
gives the display text in HTML and Word and the number format in Excel, where
the cells keep their full, unrounded values:

=============  ======================  =====================  ==================
spec           meaning                 display                Excel format
=============  ======================  =====================  ==================
``"p"``        p-value                 ``<0.001``, ``0.012``  ``[<0.001]"<0.001";0.000``
``"pct"``      proportion as percent   ``12.3%``              ``0.0%``
``"pct:0"``    ... with 0 decimals     ``12%``                ``0%``
``"num:2"``    fixed decimals          ``1,234.57``           ``#,##0.00``
``"int"``      whole number            ``1,235``              ``#,##0``
``"date"``     calendar date           ``3 Mar 2013``         ``d mmm yyyy``
``"text"``     as text                 unchanged              ``@``
``CI(lo, hi)`` interval of two columns ``0.12 to 0.34``       two numeric columns
=============  ======================  =====================  ==================

Columns without a spec get one from their dtype (and columns named like
``p_value``, ``p_adj`` get ``"p"``).  Missing values show as an en dash.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from .._version import __version__

__all__ = [
    "CI",
    "FormatSpec",
    "MISSING",
    "clean_text",
    "format_ci",
    "format_p",
    "format_pct",
    "parse_spec",
    "resolve_formats",
    "display_frame",
    "format_value",
    "provenance_items",
    "report_provenance",
]

#: Shown for a missing value.
MISSING = "\u2013"

_P_COLUMNS = re.compile(r"^(p|p_value|p_val|p_adj|p_fdr|p_holm|p_bonf|pvalue)$", re.IGNORECASE)


@dataclass(frozen=True)
class CI:
    """Show two columns, ``low`` and ``high``, as one interval "0.12 to 0.34".

    Used as a value of ``columns_format``; its key names the display column,
    which takes the place of ``low`` (``high`` is dropped from the display).

    Examples
    --------
    >>> CI("ci_low", "ci_high", digits=1)
    CI(low='ci_low', high='ci_high', digits=1, percent=False)
    """

    low: str
    high: str
    digits: int = 2
    percent: bool = False


@dataclass(frozen=True)
class FormatSpec:
    """A parsed column format (see the module docstring)."""

    kind: Literal["p", "pct", "num", "int", "date", "text", "bool", "auto"]
    digits: int = 2


_SPEC_RE = re.compile(r"^(p|pct|num|int|date|text)(?::(\d))?$")


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
            "A column format must be one of ['p', 'pct', 'pct:<digits>', 'num:<digits>', 'int', "
            f"'date', 'text'] or a CI(low, high), but {spec!r} was passed."
        )
    kind, digits = m.group(1), m.group(2)
    default = {"pct": 1, "p": 3}.get(kind, 2)
    return FormatSpec(kind, int(digits) if digits is not None else default)  # type: ignore[arg-type]


def clean_text(value: object) -> str:
    """Text with the control characters that XML (Word, Excel) cannot hold removed.

    Examples
    --------
    >>> clean_text("a\\x0bb\\tc")
    'ab\\tc'
    """
    return ILLEGAL_CHARACTERS_RE.sub("", str(value))


def _is_missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def format_p(p: float, digits: int = 3) -> str:
    """A p-value for display: ``"<0.001"`` below the smallest shown value.

    Examples
    --------
    >>> format_p(0.0004), format_p(0.0123), format_p(0.5)
    ('<0.001', '0.012', '0.500')
    """
    if _is_missing(p):
        return MISSING
    if isinstance(p, str):  # a suppression symbol such as "c"
        return p
    floor = 10.0**-digits
    if p < floor:
        return f"<{floor:.{digits}f}"
    return f"{p:.{digits}f}"


def format_pct(x: float, digits: int = 1) -> str:
    """A proportion (0-1) as a percentage.

    Examples
    --------
    >>> format_pct(0.1234), format_pct(0.5, 0)
    ('12.3%', '50%')
    """
    if _is_missing(x):
        return MISSING
    if isinstance(x, str):  # a suppression symbol such as "c"
        return x
    return f"{_fixed(x * 100, digits)}%"


def format_ci(low: float, high: float, digits: int = 2, *, percent: bool = False) -> str:
    """An interval as "low to high" (a hyphen would read as a minus sign).

    Examples
    --------
    >>> format_ci(0.1234, 0.3391)
    '0.12 to 0.34'
    >>> format_ci(-0.5, 0.25, 1), format_ci(-0.001, 0.5)
    ('-0.5 to 0.2', '0.00 to 0.50')
    """
    if _is_missing(low) or _is_missing(high):
        return MISSING
    if isinstance(low, str) or isinstance(high, str):  # suppressed
        return low if isinstance(low, str) else high
    if percent:
        return f"{format_pct(low, digits)} to {format_pct(high, digits)}"
    return f"{_fixed(low, digits)} to {_fixed(high, digits)}"


def _fixed(x: float, digits: int) -> str:
    """Fixed decimals with thousands separators and no negative zero ("-0.00")."""
    text = f"{float(x):,.{digits}f}"
    return text[1:] if text.startswith("-") and not text.strip("-0.,") else text


def _auto_spec(name: str, series: pd.Series) -> FormatSpec:
    if _P_COLUMNS.match(str(name)):
        return FormatSpec("p", 3)
    dtype = series.dtype
    if pd.api.types.is_bool_dtype(dtype):
        return FormatSpec("bool")
    if pd.api.types.is_integer_dtype(dtype):
        return FormatSpec("int")
    if pd.api.types.is_float_dtype(dtype):
        return FormatSpec("auto")
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return FormatSpec("date")
    if pd.api.types.is_object_dtype(dtype) and any(_is_number(v) for v in series.tolist()):
        return FormatSpec("auto")  # numbers mixed with symbols, e.g. suppressed counts ("c")
    return FormatSpec("text")


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, (bool, np.bool_))


def resolve_formats(data: pd.DataFrame, columns_format: dict) -> dict[str, FormatSpec | CI]:
    """The format of every displayed column, in display order.

    CI entries replace their ``low`` column; their ``high`` column is dropped.

    Raises
    ------
    ValueError
        If a spec is unknown or names a column that ``data`` lacks.
    """
    columns = [str(c) for c in data.columns]
    parsed: dict[str, FormatSpec | CI] = {}
    problems = []
    for key, spec in columns_format.items():
        if isinstance(spec, CI):
            missing = [c for c in (spec.low, spec.high) if c not in columns]
            if missing:
                problems.append(f"CI for {key!r} names column(s) {missing} not in the table {columns}")
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
        else:
            out[col] = parsed.get(col) or _auto_spec(col, data[col])  # type: ignore[assignment]
    return out


def _auto_number(x: float) -> str:
    if not math.isfinite(x):
        return str(x)
    if x == int(x) and abs(x) < 1e15:
        return f"{int(x):,}"
    if abs(x) >= 100:
        return f"{x:,.1f}"
    return f"{x:,.2f}" if abs(x) >= 1 else f"{x:.3f}"


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
    """
    if _is_missing(value):
        return MISSING
    kind = spec.kind
    try:
        if kind == "p":
            return format_p(float(value), spec.digits)
        if kind == "pct":
            return format_pct(float(value), spec.digits)
        if kind == "num":
            return _fixed(float(value), spec.digits)
        if kind == "int":
            return f"{round(float(value)):,}"
        if kind == "date":
            ts = pd.Timestamp(value)
            return f"{ts.day} {ts.strftime('%b %Y')}"
        if kind == "bool":
            return "Yes" if bool(value) else "No"
        if kind == "auto" and isinstance(value, (float, np.floating)):
            return _auto_number(float(value))
        if kind == "auto" and _is_number(value):
            return str(int(value))
    except (TypeError, ValueError):
        pass  # text in a numeric column is shown as it is
    return clean_text(value)


def display_frame(data: pd.DataFrame, columns_format: dict) -> pd.DataFrame:
    """A copy of ``data`` as display text, with CI columns merged.

    Returns
    -------
    DataFrame
        Text columns, one per displayed column; numeric columns are noted in
        ``frame.attrs["numeric"]`` (a list of column names) so renderers can
        right-align them.

    Examples
    --------
    >>> df = pd.DataFrame({"effect": [0.25], "ci_low": [0.1], "ci_high": [0.4], "p_value": [0.0002]})
    >>> display_frame(df, {"ci": CI("ci_low", "ci_high")}).iloc[0].tolist()
    ['0.250', '0.10 to 0.40', '<0.001']
    """
    formats = resolve_formats(data, columns_format)
    out = {}
    numeric = []
    for name, spec in formats.items():
        if isinstance(spec, CI):
            out[name] = [
                format_ci(lo, hi, spec.digits, percent=spec.percent)
                for lo, hi in zip(data[spec.low].tolist(), data[spec.high].tolist(), strict=True)
            ]
            numeric.append(name)
        else:
            out[name] = [format_value(v, spec) for v in data[name].tolist()]
            if spec.kind in ("p", "pct", "num", "int", "auto"):
                numeric.append(name)
    frame = pd.DataFrame(out, index=range(len(data)), dtype=object)
    frame.attrs["numeric"] = numeric
    return frame


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


def report_provenance(provenance: Mapping) -> list[tuple[str, str]]:
    """:func:`provenance_items` plus the version of impact that rendered the report."""
    return provenance_items(provenance) + [("impact_version", __version__)]

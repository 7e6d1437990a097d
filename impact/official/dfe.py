"""Read DfE "explore education statistics" CSV files into the long indicator table.

The layout (the Department for Education's open data standard) is one row per
time period x geography x dimension values, with these columns first::

    time_period, time_identifier, geographic_level, country_code, country_name,
    region_code, region_name, old_la_code, new_la_code, la_name, ...

followed by *dimension* columns (text: ``category``, ``age_group``,
``characteristic``...) and *measure* columns (numbers, with suppression
symbols).  :func:`read_dfe` works out which is which from the values, not from
the file name, so a file it has never seen loads without code changes.

Rules
-----
Periods
    The study's ``period`` is the last day of the period the value describes.
    A four-digit ``time_period`` with ``time_identifier`` "Reporting year"
    ends on ``year_end`` (default ``"03-31"``: 2013 is the year ending 31 March
    2013, as in the children in need census).  Pass ``year_end="09-30"`` for the
    children's social work workforce census (a 30 September snapshot) and
    ``"06-30"`` for ONS mid-year population estimates.  "Calendar year" ends on
    31 December, "Financial year" on 31 March, "Academic year" on 31 August,
    "Tax year" on 5 April; six-digit periods such as ``201213`` end in their
    second year (2013).  Month names ("January") end on the month's last day.
Suppression
    Cells holding a symbol in :data:`SUPPRESSION_SYMBOLS` (``c``, ``x``, ``u``,
    ``z``, ``low``, ``k``, ``:``, ``..`` ... in any case, with or without square
    brackets) become missing values with the symbol in ``flag``: never a zero.
    A blank cell is missing with ``flag == ""``.
Numbers
    Thousands separators (``1,234``), a trailing ``%`` (kept in percent units)
    and surrounding spaces are accepted.  Anything else in a measure column is
    *unreadable*: missing, ``flag == "unreadable"``, and listed (file, row,
    column, value) in one :class:`DfeReadWarning`, or raised as a
    :class:`~impact.errors.ValidationError` with ``errors="raise"``.
Dimensions
    A column outside the standard geography/time columns is a dimension when
    most of its non-blank, non-suppressed cells are not numbers.  With
    ``dimensions="columns"`` (default) each dimension is kept as an extra
    column (snake_case name) beside ``measure``; with ``dimensions="fold"``
    dimensions that vary are folded into the measure id
    (``"{measure}__{value}"``, values in snake_case) and constant ones dropped,
    so the result has the study's key ``(council_id, period, measure)``.
Councils
    ``council_id`` is ``old_la_code`` (three digits, as text); rows that report
    two councils jointly (``"314 / 318"``) get ``"314+318"``.  Rows of other
    geographic levels have ``council_id == ""`` and are told apart by
    ``geographic_level``, ``ons_code`` (country, region or LA code) and
    ``area_name``.
"""

from __future__ import annotations

import calendar
import math
import os
import re
from collections.abc import Iterable, Sequence
from typing import Literal

import numpy as np
import pandas as pd

from .._frames import as_text
from .._io import read_csv_strict
from .._words import _named, _verb
from ..errors import ImpactWarning, InputError, Problem, ValidationError
from ..schema import DATE_MIN, date_max, not_one_of, parse_cell
from ._report import check_errors_option, renamed_hint, report_problems, told_notes, twin_columns

__all__ = [
    "read_dfe",
    "parse_time_period",
    "SUPPRESSION_SYMBOLS",
    "GEOGRAPHY_COLUMNS",
    "DfeReadWarning",
]

#: Symbols that stand for a value that is withheld or not available, lower case.
#: EES/GSS guidance: c confidential, x not available, u low reliability, z not
#: applicable, k below half the unit shown (not zero), low a small number,
#: ``:`` / ``..`` not available, ``~`` fewer than a threshold, ``-`` nil or
#: negligible (never read as 0), ``*`` suppressed, ``n/a`` / ``na`` not applicable.
SUPPRESSION_SYMBOLS: frozenset[str] = frozenset(
    {"c", "x", "u", "z", "k", "low", "high", ":", "..", "~", "-", "*", "n/a", "na", "dnc", "supp"}
)

#: Time and geography columns of the EES layout (never measures or dimensions).
GEOGRAPHY_COLUMNS: tuple[str, ...] = (
    "time_period",
    "time_identifier",
    "geographic_level",
    "country_code",
    "country_name",
    "region_code",
    "region_name",
    "old_la_code",
    "new_la_code",
    "la_name",
    "lad_code",
    "lad_name",
    "pcon_code",
    "pcon_name",
    "opportunity_area_code",
    "opportunity_area_name",
    "english_devolved_area_code",
    "english_devolved_area_name",
    "local_enterprise_partnership_code",
    "local_enterprise_partnership_name",
    "ward_code",
    "ward_name",
)

_REQUIRED = ("time_period", "time_identifier", "geographic_level")
_LEVEL_CODE = {"National": ("country_code", "country_name"), "Regional": ("region_code", "region_name")}
#: The EES geographic levels, spelled as the files spell them (a level written in another case is read as one of these).
_LEVEL_NAMES = ("National", "Regional", "Local authority", "Local authority district", "Parliamentary constituency",
                "Ward", "Opportunity area", "Local enterprise partnership", "English devolved area", "School", "Provider",
                "Institution", "Planning area", "MAT", "Sponsor")
_FIXED_YEAR_ENDS = {
    "calendar year": "12-31",
    "financial year": "03-31",
    "academic year": "08-31",
    "tax year": "04-05",
}
#: The output's own columns, dimensions between the first five and the rest (a dimension of one of these names would
#: stand twice in the output).
_OUTPUT_OWN = ("council_id", "period", "measure", "value", "flag", "geographic_level", "ons_code", "area_name",
               "time_period", "row")
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_NUMBER = re.compile(r"^[+-]?(\d+|\d{1,3}(,\d{3})+)?(\.\d+)?(e[+-]?\d+)?$", re.IGNORECASE | re.ASCII)
_LA_CODE = re.compile(r"[0-9]{3}", re.ASCII)


class DfeReadWarning(ImpactWarning):
    """Cells of a DfE file that could not be read as numbers (listed one by one).

    Examples
    --------
    >>> import warnings, impact
    >>> issubclass(impact.DfeReadWarning, impact.ImpactWarning)
    True
    >>> with warnings.catch_warnings(record=True) as caught:  # keep them to read, or "error" to stop at one
    ...     warnings.simplefilter("always", impact.DfeReadWarning)
    ...     warnings.warn("a suppressed value", impact.DfeReadWarning)
    >>> [type(w.message).__name__ for w in caught]
    ['DfeReadWarning']
    """


def parse_time_period(time_period: str, time_identifier: str = "Reporting year", *, year_end: str = "03-31") -> pd.Timestamp:
    """Return the last day of an EES ``time_period``.

    Parameters
    ----------
    time_period : str
        ``"2013"`` or a two-year span ``"201213"``.
    time_identifier : str, default "Reporting year"
        The file's ``time_identifier`` ("Reporting year", "Financial year",
        "Academic year", "Calendar year", "Tax year" or a month name).
    year_end : str, default "03-31"
        Month and day a "Reporting year" ends on.

    Returns
    -------
    pandas.Timestamp

    Raises
    ------
    InputError
        If the period or identifier is not understood.

    Examples
    --------
    >>> parse_time_period("2013").date()
    datetime.date(2013, 3, 31)
    >>> parse_time_period("201213", "Academic year").date()
    datetime.date(2013, 8, 31)
    >>> parse_time_period("2019", "Reporting year", year_end="09-30").date()
    datetime.date(2019, 9, 30)
    >>> parse_time_period("2020", "February").date()
    datetime.date(2020, 2, 29)
    """
    text = str(time_period).strip()
    ident = str(time_identifier).strip().lower()
    if re.fullmatch(r"[0-9]{4}", text):
        year = int(text)
    elif re.fullmatch(r"[0-9]{6}", text) and int(text[4:]) == (int(text[:4]) + 1) % 100:
        year = int(text[:4]) + 1
    else:
        raise InputError(f"time_period {text!r} - expected a year (2013) or a two-year span (201213)")
    if not DATE_MIN.year <= year <= date_max().year:
        raise InputError(f"time_period {text!r} - expected a year from {DATE_MIN.year} to {date_max().year}")
    if ident in _MONTHS:
        month = _MONTHS[ident]
        return pd.Timestamp(year, month, calendar.monthrange(year, month)[1])
    if ident == "reporting year":
        end = year_end
    elif ident in _FIXED_YEAR_ENDS:
        end = _FIXED_YEAR_ENDS[ident]
    else:
        allowed = ["Reporting year", *(k.capitalize() for k in _FIXED_YEAR_ENDS), "January", "...", "December"]
        raise InputError(f"time_identifier {time_identifier!r} - expected one of {allowed}")
    try:
        return pd.Timestamp(f"{year}-{end}")
    except ValueError:
        raise InputError(f"The value for `year_end` must be a month and day such as '03-31', but {year_end!r} was passed.") from None


def _snake(name: str) -> str:
    text = re.sub(r"[^0-9a-zA-Z]+", "_", str(name).strip()).strip("_").lower()
    return text or "blank"


def _classify(cell: str) -> tuple[float, str, bool]:
    """Return (value, flag, readable) for one measure cell."""
    text = cell.strip()
    if not text:
        return np.nan, "", True
    symbol = text.lower()
    if symbol.startswith("[") and symbol.endswith("]"):
        symbol = symbol[1:-1].strip()
    if symbol in SUPPRESSION_SYMBOLS:
        return np.nan, symbol, True
    number = text[:-1].strip() if text.endswith("%") else text
    if number and _NUMBER.match(number) and any(ch.isdigit() for ch in number):
        value = float(number.replace(",", ""))
        if math.isfinite(value):  # 1e999 is not a count
            return value, "", True
    return np.nan, "unreadable", False


_MEASURE = "a number or a suppression symbol (c, x, u, z, low, k, ...)"


def _why_not_a_number(cell: str) -> str:
    """What a measure cell that is not read as a number is written as, in the words a study table's number cell is
    told in (a decimal comma, thousands separated by spaces, a currency sign...), or "".

    >>> _why_not_a_number("12,5")
    ": a number with a decimal point, not a comma, and no thousands separator (write '12.5')"
    >>> _why_not_a_number("Barnet")
    ''
    """
    _, why = parse_cell(cell.strip(), "float")
    return f": {why}" if why and why != "a number" else ""


def _is_dimension(cells: Iterable[str]) -> bool:
    text = numeric = 0
    for cell in cells:
        value, flag, readable = _classify(cell)
        if not readable:
            text += 1
        elif not np.isnan(value):
            numeric += 1
    return text > numeric


def _level_key(text: str) -> str:
    """A geographic level as two spellings of it agree: case and runs of spaces ignored."""
    return " ".join(str(text).split()).casefold()


def _names_arg(value: object, argument: str, *, empty_ok: bool = False, none_ok: bool = True) -> list[str] | None:
    """A list-of-names argument as a list: one name alone is a list of one; None where allowed; else a clear error."""
    if value is None and none_ok:
        return None
    if isinstance(value, str):
        return [value]
    names = list(value) if isinstance(value, Iterable) else None
    if names is None or not all(isinstance(v, str) for v in names):
        raise InputError(f"The value for `{argument}` must be a name or a list of names, but {value!r} was passed.")
    if not names and not empty_ok:
        raise InputError(f"The value for `{argument}` must name at least one, but an empty list was passed (leave it "
                         "out for all).")
    return names


def _levels(geographic_level: str | Sequence[str]) -> list[str] | None:
    if isinstance(geographic_level, str):
        return None if geographic_level.lower() == "all" else [geographic_level]
    return list(geographic_level)


def read_dfe(
    path: str | os.PathLike,
    *,
    geographic_level: str | Sequence[str] = "Local authority",
    measures: Sequence[str] | None = None,
    dimensions: Literal["columns", "fold"] = "columns",
    dimension_columns: Sequence[str] | None = None,
    year_end: str = "03-31",
    errors: Literal["warn", "raise"] = "warn",
) -> pd.DataFrame:
    """Read a DfE "explore education statistics" CSV as a long indicator table.

    Parameters
    ----------
    path : path-like
        The CSV file.
    geographic_level : str or list of str, default "Local authority"
        Rows to keep: one or several of the file's ``geographic_level`` values
        ("National", "Regional", "Local authority"...), or ``"all"``.
    measures : str or list of str, optional
        Measures to keep, by source column name or its snake_case id; all
        measures when omitted (an empty list is refused: it asks for none).
    dimensions : {"columns", "fold"}, default "columns"
        Keep dimension columns as extra columns, or fold those that vary into
        the measure id (see the module notes).
    dimension_columns : str or list of str, optional
        Source columns to treat as dimensions instead of detecting them (for
        a dimension whose values look like numbers, such as a year group).
    year_end : str, default "03-31"
        Month-day a "Reporting year" ends on (``"09-30"`` for the workforce
        census, ``"06-30"`` for mid-year population estimates).
    errors : {"warn", "raise"}, default "warn"
        What to do about measure cells that cannot be read: one
        :class:`DfeReadWarning` listing every cell, or a
        :class:`~impact.errors.ValidationError`.

    Returns
    -------
    pandas.DataFrame
        ``council_id``, ``period`` (datetime), ``measure``, ``value`` (float),
        ``flag`` (suppression symbol, ``"unreadable"``, or ``""``), the
        dimension columns (``dimensions="columns"``), then
        ``geographic_level``, ``ons_code``, ``area_name``, ``time_period``
        (as in the file) and ``row`` (spreadsheet row in the file, header = 1).
        One row per data row x measure.

    Raises
    ------
    InputError
        If the file lacks the EES columns, a requested level or measure is not
        in the file, or a time period is not understood.
    ValidationError
        With ``errors="raise"``, listing every unreadable cell, or when the file
        has ragged rows or two rows for the same area, period and dimensions.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "cin.csv"
    >>> _ = f.write_text(
    ...     "time_period,time_identifier,geographic_level,country_code,country_name,region_code,"
    ...     "region_name,old_la_code,new_la_code,la_name,category,Referrals,Rereferral_pct\\n"
    ...     "2013,Reporting year,National,E92000001,England,,,,,,All,\\"593,500\\",24.9\\n"
    ...     "2013,Reporting year,Local authority,E92000001,England,E13000002,Outer London,"
    ...     "301,E09000002,Barking and Dagenham,All,2710,c\\n")
    >>> out = read_dfe(f)
    >>> out[["council_id", "measure", "value", "flag", "category"]].values.tolist()
    [['301', 'referrals', 2710.0, '', 'All'], ['301', 'rereferral_pct', nan, 'c', 'All']]
    >>> out["period"].iloc[0].date()
    datetime.date(2013, 3, 31)
    """
    if dimensions not in ("columns", "fold"):
        raise InputError(not_one_of("dimensions", dimensions, ["columns", "fold"]))
    check_errors_option(errors)
    # a single name is that one measure, level or column (it was read letter by letter); an empty list asks for nothing
    measures = _names_arg(measures, "measures")
    dimension_columns = _names_arg(dimension_columns, "dimension_columns", empty_ok=True)
    if not (isinstance(geographic_level, str) and geographic_level.lower() == "all"):
        geographic_level = _names_arg(geographic_level, "geographic_level", none_ok=False)
    if not isinstance(year_end, str):
        raise InputError(f"The value for `year_end` must be a month and day such as '03-31', but {year_end!r} was passed.")
    parse_time_period("2000", year_end=year_end)  # the argument told once, not on every row (2000: 02-29 is a day)
    name = str(path)
    header, records, problems = read_csv_strict(path, label=name, blank_note=True, expected=list(GEOGRAPHY_COLUMNS[:10]))
    problems = told_notes(problems)
    if not header and problems:  # a title or blank rows above the header row: one problem, not "lacks the columns"
        raise ValidationError(problems, source=name)
    header = [h.lstrip("\ufeff") for h in header]
    records = [(row, {k.lstrip("\ufeff"): v for k, v in rec.items()}) for row, rec in records]
    missing = [c for c in _REQUIRED if c not in header]
    if missing:
        raise InputError(
            f"{name}: lacks the {_named('column', missing)}{renamed_hint(header, missing, _snake)} - expected the DfE "
            f"'explore education statistics' layout ({', '.join(GEOGRAPHY_COLUMNS[:10])}, then measures)"
        )
    problems += twin_columns(name, header, _snake)  # 'Referrals' beside 'referrals': one measure id for two columns
    if problems:
        raise ValidationError(problems, source=name)

    # A level typed in another case or spacing ('local authority', a hand edit) is that level, not one of its own
    # that the default 'Local authority' leaves out without a word; a blank level is no level at all.
    spelling: dict[str, str] = {_level_key(lv): lv for lv in _LEVEL_NAMES}
    blank_levels = []
    for row, rec in records:
        if not rec["geographic_level"].strip():
            blank_levels.append(Problem(name, row, "geographic_level", "", f"a geographic level ({', '.join(_LEVEL_NAMES[:3])}...)"))
        rec["geographic_level"] = spelling.setdefault(_level_key(rec["geographic_level"]), rec["geographic_level"].strip())
    if blank_levels:
        raise ValidationError(blank_levels, source=name)
    levels = _levels(geographic_level)
    if levels is not None:
        levels = [spelling.get(_level_key(lv), lv) for lv in levels]
    present = list(dict.fromkeys(rec["geographic_level"] for _, rec in records))
    if levels is not None:
        unknown = [lv for lv in levels if lv not in present]
        if unknown:
            raise InputError(
                f"The value for `geographic_level` must be among the file's levels {present} or 'all', "
                f"but {unknown} was passed ({name})."
            )
    others = [c for c in header if c not in GEOGRAPHY_COLUMNS]
    if dimension_columns is not None:
        bad = [c for c in dimension_columns if c not in others]
        if bad:
            raise InputError(f"`dimension_columns` {bad} are not non-geography columns of {name}: {others}")
        dims = list(dimension_columns)
    else:
        dims = [c for c in others if _is_dimension(rec[c] for _, rec in records)]
    measure_cols = [c for c in others if c not in dims]
    if not measure_cols and records:  # every column read as a dimension: an empty table was returned without a word
        one = len(others) == 1
        why = ("the file has no other column" if not others else f"{_named('column', others)} {'is' if one else 'are'} given as "
               "`dimension_columns`" if dimension_columns is not None else f"{_named('column', others)} "
               f"{'holds' if one else 'hold'} more text than numbers, read as {'a dimension' if one else 'dimensions'}")
        raise InputError(f"{name}: no measure column - expected a column of numbers (or suppression symbols) after "
                         f"the time and geography columns, but {why}")
    ids = {c: _snake(c) for c in measure_cols}
    if measures is not None:
        wanted = set(measures)
        unknown = sorted(wanted - set(measure_cols) - set(ids.values()))
        if unknown:
            raise InputError(f"{name}: {_named('measure', unknown)} not found - the file's measures are {sorted(ids.values())}")
        measure_cols = [c for c in measure_cols if c in wanted or ids[c] in wanted]

    kept = [(row, rec) for row, rec in records if levels is None or rec["geographic_level"] in levels]
    periods: dict[tuple[str, str], pd.Timestamp] = {}
    bad_periods: list[Problem] = []
    for row, rec in kept:
        key = (rec["time_period"], rec["time_identifier"])
        if key not in periods:
            try:
                periods[key] = parse_time_period(*key, year_end=year_end)
            except InputError as exc:
                bad_periods.append(Problem(name, row, "time_period", f"{key[0]} ({key[1]})", str(exc)))
    if bad_periods:
        raise ValidationError(bad_periods, source=name)

    dim_names = [_snake(d) for d in dims]
    clash = [d for d in dim_names if d in _OUTPUT_OWN]
    if clash:
        raise InputError(f"{name}: {_named('dimension column', clash)} {_verb(clash, 'clashes')} with the output's own columns")
    out_rows: list[tuple] = []
    unreadable: list[Problem] = []
    seen: dict[tuple, int] = {}
    duplicates: list[Problem] = []
    if "old_la_code" not in header and any(rec["geographic_level"] == "Local authority" for _, rec in kept):
        raise InputError(f"{name}: lacks the column 'old_la_code'{renamed_hint(header, ['old_la_code'], _snake)} - "
                         "the DfE three-digit local authority number of each 'Local authority' row")
    bad_codes = [Problem(name, row, "old_la_code", rec.get("old_la_code", ""),
                         "a DfE three-digit local authority number (e.g. 301), or several joined by '/'")
                 for row, rec in kept if rec["geographic_level"] == "Local authority"
                 and not all(_LA_CODE.fullmatch(p.strip()) for p in rec.get("old_la_code", "").split("/"))]
    if bad_codes:
        raise ValidationError(bad_codes, source=name)
    for row, rec in kept:
        level = rec["geographic_level"]
        council_id, ons_code, area = _area(rec, level)
        dim_values = tuple(rec[d] for d in dims)
        key = (level, council_id, ons_code, rec["time_period"], rec["time_identifier"], dim_values)
        if key in seen:
            duplicates.append(
                Problem(name, row, "geographic_level", f"{level} {area} {rec['time_period']}", f"one row per area, period and dimensions (also row {seen[key]})")
            )
        seen.setdefault(key, row)
        period = periods[(rec["time_period"], rec["time_identifier"])]
        for col in measure_cols:
            value, flag, readable = _classify(rec[col])
            if not readable:
                unreadable.append(Problem(name, row, col, rec[col], _MEASURE + _why_not_a_number(rec[col])))
            out_rows.append((council_id, period, ids[col], value, flag, *dim_values, level, ons_code, area, rec["time_period"], row))
    if duplicates:
        raise ValidationError(duplicates, source=name)
    report_problems(
        unreadable, source=name, errors=errors, category=DfeReadWarning,
        noun="cell", then=" could not be read and {is} missing (flag 'unreadable')",
    )
    columns = [*_OUTPUT_OWN[:5], *dim_names, *_OUTPUT_OWN[5:]]
    out = pd.DataFrame(out_rows, columns=columns)
    out["period"] = pd.to_datetime(out["period"]).astype("datetime64[ns]")
    out["value"] = out["value"].astype("float64")
    out["row"] = out["row"].astype("Int64")
    for col in columns:
        if col not in ("period", "value", "row"):
            out[col] = as_text(out[col])
    if dimensions == "fold":
        out = _fold(out, dim_names, name)
    return out


def _area(rec: dict[str, str], level: str) -> tuple[str, str, str]:
    if level == "Local authority":
        code = rec.get("old_la_code", "")
        parts = [p.strip() for p in code.split("/")]
        ons = [p.strip() for p in rec.get("new_la_code", "").split("/")]
        return "+".join(parts), "+".join(ons), rec.get("la_name", "")
    code_col, name_col = _LEVEL_CODE.get(level, ("", ""))
    return "", rec.get(code_col, ""), rec.get(name_col, "")


def _fold(data: pd.DataFrame, dims: list[str], name: str) -> pd.DataFrame:
    """Dimensions that vary folded into the measure id; two values of a dimension written alike in snake_case
    (``Under 1`` and ``Under-1``) are refused: their rows would share one measure id, two values on one key."""
    varying = [d for d in dims if data[d].nunique(dropna=False) > 1]
    out = data.copy()
    problems = []
    for d in varying:
        values = pd.unique(data[d])
        first: dict[str, str] = {}
        for v in values:
            twin = first.setdefault(_snake(v), v)
            if twin != v:
                row = int(data.loc[data[d] == v, "row"].iloc[0])
                problems.append(Problem(name, row, d, v, "a value of its own (it folds to the measure id of "
                                        f"{twin!r}, '__{_snake(v)}': the two would be one measure; write them alike, "
                                        "or read with dimensions='columns')"))
        out["measure"] = out["measure"] + "__" + out[d].map(_snake)
    if problems:
        raise ValidationError(problems, source=name)
    return out.drop(columns=dims)

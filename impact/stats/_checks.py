"""Argument and column checks shared by the statistics functions (private)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from .._frames import lacking_hint, time_kind, unclear_columns
from .._made import made_hint
from .._words import _counted, _number

__all__: list[str] = []


def _check_frame(data: object, name: str = "data") -> pd.DataFrame:
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"`{name}` must be a pandas DataFrame, but {type(data).__name__} was passed"
                        f"{made_hint(data, 'panel')}.")
    if data.empty:
        raise ValueError(f"`{name}` has no rows.")
    return data


def _as_list(value: str | Sequence[str] | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return list(value)


#: The arguments of the statistics that name one column each (``by`` and ``response_covariates`` name several).
_ONE = frozenset({"outcome", "group", "unit", "time", "cluster", "treated", "post", "subject", "first_treated",
                  "weights", "event_time"})


def _check_columns(data: pd.DataFrame, **arguments: str | Sequence[str] | None) -> None:
    """Raise one error listing every column named by `arguments` that `data` lacks, after refusing names that are no
    text and a `data` whose columns cannot be named by one text each (:func:`_check_names`)."""
    named: dict[str, list[str]] = {}
    for argument, columns in arguments.items():
        if argument in _ONE and isinstance(columns, (list, tuple)):
            # outcome=['share_reported'] was "'DataFrame' object has no attribute 'dtype'" from inside (newuser14)
            one = f" (write {argument}={columns[0]!r})" if len(columns) == 1 else ""
            raise TypeError(f"The value for `{argument}` must be the name of one column of `data` (text), but a "
                            f"{type(columns).__name__} was passed, {list(columns)!r}{one}"
                            + (": several columns go in `by`." if "by" in arguments and len(columns) > 1 else "."))
        listed = _as_list(columns) if isinstance(columns, (str, list, tuple)) or columns is None else [columns]
        bad = [c for c in listed if not isinstance(c, str)]
        if bad:
            raise ValueError(f"The value for `{argument}` must be the name of a column of `data` (text), but "
                             f"{bad[0]!r} ({type(bad[0]).__name__}) was passed"
                             + ("; name the columns with text first: data.columns = data.columns.astype(str)."
                                if any(not isinstance(c, str) for c in data.columns) else "."))
        named[argument] = listed
    _check_names(data, named)
    missing, lacked = [], []
    for argument, columns in named.items():
        for column in columns:
            if column not in data.columns:
                missing.append(f"{column!r} (from `{argument}`)")
                lacked.append(column)
    if missing:
        raise ValueError(
            f"`data` lacks the {_number(missing, 'column')} {', '.join(missing)}{lacking_hint(lacked, data.columns)}; "
            f"it has {list(map(str, data.columns))}."
        )


def _check_names(data: pd.DataFrame, named: dict[str, list[str]]) -> None:
    """Refuse columns of `data` on more than one level and a column named by `named` (argument -> column names) that
    `data` holds more than once (:func:`impact._frames.unclear_columns`)."""
    if (problem := unclear_columns(data, "data", named)) is not None:
        raise ValueError(problem)


def _check_choice(argument: str, value: object, allowed: Iterable[object]) -> None:
    allowed = list(allowed)
    if value not in allowed:
        from ..schema import not_one_of

        raise ValueError(not_one_of(argument, value, allowed))


def _check_probability(argument: str, value: float, *, open_interval: bool = True) -> None:
    ok = isinstance(value, (int, float, np.floating)) and (
        0 < value < 1 if open_interval else 0 <= value <= 1
    )
    if not ok:
        bounds = "strictly between 0 and 1" if open_interval else "between 0 and 1"
        # power=80 for 80%: the share meant, written as a percentage
        share = (f" (a percentage? {value:g}% is {value / 100:g})" if isinstance(value, (int, float, np.integer,
                 np.floating)) and not isinstance(value, bool) and 1 < value <= 100 else "")
        raise ValueError(f"The value for `{argument}` must be a number {bounds}, but {value!r} was passed{share}.")


def _check_real(argument: str, value: object, *, positive: bool = False) -> None:
    """Refuse a ``value`` that is not one finite number (above 0 if ``positive``): text, a bool, NaN, infinity."""
    ok = isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, (bool, np.bool_)) and \
        bool(np.isfinite(value)) and (not positive or value > 0)
    if not ok:
        what = "a finite number above 0" if positive else "a finite number"
        raise ValueError(f"The value for `{argument}` must be {what}, but {value!r} was passed.")


def _check_seed(value: object) -> None:
    """Refuse a seed numpy would take with a message of its own (text, a negative or fractional number)."""
    if value is None or isinstance(value, np.random.Generator):
        return
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)) or value < 0:
        raise ValueError(f"The value for `seed` must be an integer of at least 0, a numpy Generator or None, but "
                         f"{value!r} was passed.")


def _check_count(argument: str, value: object, minimum: int = 1) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < minimum:
        raise ValueError(
            f"The value for `{argument}` must be an integer of at least {minimum}, but {value!r} was passed."
        )


def _is_binary(values: pd.Series) -> bool:
    """True for bool columns and for numeric columns holding only 0 and 1."""
    values = values.dropna()
    if pd.api.types.is_bool_dtype(values):
        return True
    if not pd.api.types.is_numeric_dtype(values):
        return False
    return bool(values.isin([0, 1]).all())


def _object_kinds(values: pd.Series, column: str) -> str:
    """What a column that is not numeric yet converts to numbers holds, and how to convert it: numbers written as text
    ('1' read from a CSV), true/false values, numbers held as Python objects, a mix of these (True beside 2: is True
    1, or is 2 an indicator?), or no value at all.

    >>> print(_object_kinds(pd.Series([True, 2, 3], dtype=object), "y"))
    it mixes true/false values (True (row 0)) and numbers held as Python objects (2 (row 1)) in one object column: write every value as a number (True as 1, False as 0) or every one as True or False
    """
    seen = values[values.notna()]
    if seen.empty:
        return f"it holds no value ({values.dtype} dtype, every cell missing)"
    kinds: dict[str, tuple] = {}
    for row, v in seen.items():
        kind = ("true/false values" if isinstance(v, (bool, np.bool_)) else
                "numbers written as text" if isinstance(v, (str, bytes)) else "numbers held as Python objects")
        kinds.setdefault(kind, (row, v))
    shown = {k: f"{v!r} (row {row!r})" for k, (row, v) in kinds.items()}
    if len(kinds) > 1:
        return (f"it mixes {' and '.join(f'{k} ({x})' for k, x in shown.items())} in one {values.dtype} column: write "
                "every value as a number (True as 1, False as 0) or every one as True or False")
    (kind, example), = shown.items()
    fix = (f"data[{column!r}].astype('boolean')" if kind == "true/false values" else
           f"pd.to_numeric(data[{column!r}])")
    return f"it holds {kind} ({values.dtype} dtype; {example}): convert it first, data[{column!r}] = {fix}"


def _numeric(data: pd.DataFrame, column: str, argument: str) -> pd.Series:
    """The column as float64, raising when it holds text."""
    values = data[column]
    if isinstance(values.dtype, pd.CategoricalDtype) and (pd.api.types.is_numeric_dtype(values.cat.categories)
                                                          or pd.api.types.is_bool_dtype(values.cat.categories)):
        values = values.astype(values.cat.categories.dtype)  # categories that are numbers: those numbers
    if pd.api.types.is_bool_dtype(values):
        return values.astype("float64")
    if (kind := _date_column_kind(values)) is not None:
        # dates convert to numbers (nanoseconds since 1970), so were said to be "numbers held as Python objects"
        raise ValueError(f"The column {column!r} given as `{argument}` must be numeric or boolean, but it holds {kind} "
                         f"({_held(values)}): give it as {_DATE_FIX[kind].split(';')[0].format(c=column)}.")
    if not pd.api.types.is_numeric_dtype(values):
        bad = values[pd.to_numeric(values, errors="coerce").isna() & values.notna()]
        if bad.empty:  # every value converts, yet the column is no number column: say what it holds instead
            raise ValueError(f"The column {column!r} given as `{argument}` must be numeric or boolean, but "
                             f"{_object_kinds(values, column)}.")
        raise ValueError(
            f"The column {column!r} given as `{argument}` must be numeric or boolean, "
            f"but it holds {bad.iloc[0]!r} (row {bad.index[0]!r})."
        )
    out = values.astype("float64")
    _check_finite(out, column, f"given as `{argument}`")
    return out


def _check_finite(values: pd.Series, column: str, given: str) -> None:
    """Refuse an infinite value (a ratio divided by zero upstream): it is no measurement, and would be ranked as the
    largest, or make every estimate NaN; a blank cell is the way to say a value is missing."""
    inf = np.isinf(values.to_numpy(dtype="float64", na_value=np.nan))
    if inf.any():
        first = values[inf].iloc[0]
        raise ValueError(f"The column {column!r} {given} holds {first} on {_counted(int(inf.sum()), 'row')} "
                         f"({_rows(values.index[inf])}): expected finite numbers (leave a cell blank where the value "
                         "is missing).")


#: What a formula cannot use as it stands: dates (``pd.Timestamp`` and ``datetime.datetime`` are dates), durations
#: (``pd.Timedelta``) and periods, as numpy, pandas or Python values (an object column of ``datetime.date`` too).
_DATE_TYPES = (datetime.date, datetime.timedelta, np.datetime64, np.timedelta64, pd.Period)


def _date_kind(value: object) -> str | None:
    """``'dates'``, ``'durations'`` or ``'periods'`` for a value of that kind (:data:`_DATE_TYPES`), else None."""
    if isinstance(value, (datetime.timedelta, np.timedelta64)):
        return "durations"
    if isinstance(value, pd.Period):
        return "periods"
    return "dates" if isinstance(value, (datetime.date, np.datetime64)) else None


def _date_column_kind(values: pd.Series) -> str | None:
    """The :func:`_date_kind` of a column: by its dtype (timezone-aware dates too), else by its first value present (an
    object column of ``datetime.date``)."""
    if (kind := time_kind(values.dtype)) is not None or not pd.api.types.is_object_dtype(values.dtype):
        return kind
    present = values.dropna()
    return _date_kind(present.iloc[0]) if len(present) else None


#: How to give a column of each kind to a formula, for the error refusing it.
_DATE_FIX = {
    "dates": "a number, e.g. years since a date: (data[{c!r}] - pd.Timestamp('2012-04-01')).dt.days / 365.25, or "
             "the wave number; or text, for one category per date: data[{c!r}].astype(str)",
    "durations": "a number, e.g. days: data[{c!r}].dt.days (or .dt.total_seconds() / 86400); or text, for one "
                 "category per value: data[{c!r}].astype(str)",
    "periods": "a number, e.g. the year: data[{c!r}].dt.year, or the wave number; or text, for one category per "
               "period: data[{c!r}].astype(str)",
}


def _date_error(formula: str, named: dict[str, tuple[str, str]], what: str) -> ValueError:
    """The error for the columns of ``formula`` holding dates, durations or periods: ``named`` maps each column to
    its kind and a description of what it holds (dtype, an example); ``what`` says what the formula would do."""
    said = "; ".join(f"{c!r} holds {kind} ({shown})" for c, (kind, shown) in named.items())
    fixes = "; ".join(f"for {c!r}, " + _DATE_FIX[kind].format(c=c) for c, (kind, _) in named.items())
    return ValueError(f"The formula {formula!r} uses {'a column' if len(named) == 1 else 'columns'} of dates or times: {said}. "
                      f"{what} Expected numbers or categories: add a column made from it to `data` and name that in "
                      f"the formula: {fixes}.")


def _held(values: pd.Series) -> str:
    """``"dtype datetime64[us], e.g. Timestamp('2020-01-01 00:00:00')"``: what a column holds, for a message."""
    shown = values.dropna()
    return f"dtype {values.dtype}" + (f", e.g. {shown.iloc[0]!r}" if len(shown) else "")


def _check_design_dates(formula: str, *frames: pd.DataFrame) -> None:
    """Refuse a factor of ``formula`` that patsy read as categories whose levels are dates, durations or periods (a
    datetime column, or an object column of ``datetime.date``): the model had one term per distinct date, a step for
    each, without a word, where a trend in time or a handful of waves was meant."""
    named: dict[str, tuple[str, str]] = {}
    for frame in frames:
        info = getattr(frame, "design_info", None)
        for factor, fi in (info.factor_infos.items() if info is not None else ()):
            levels = list(fi.categories or ()) if fi.type == "categorical" else []
            kind = next((k for k in map(_date_kind, levels) if k), None)
            if kind is None:
                continue
            columns = _formula_columns(factor.code) or [factor.code]
            for c in columns:
                named.setdefault(c, (kind, f"{_counted(len(levels), 'distinct value')}, e.g. {levels[0]!r}"))
    if named:
        raise _date_error(formula, named, "Read as they are, each distinct value would be a category of its own: a "
                                          "step in the outcome for each, not a trend.")


def _check_design_finite(formula: str, *frames: pd.DataFrame) -> None:
    """Refuse an infinite value in the outcome or design frames patsy built from ``formula`` (patsy keeps it, and
    statsmodels then failed on "the deviance function returned a nan ... should be reported", or the terms were called
    not identified), naming the column and its rows; and dates taken as categories (:func:`_check_design_dates`)."""
    _check_design_dates(formula, *frames)
    for frame in frames:
        for name, values in frame.items():
            _check_finite(values, name, f"of the formula {formula!r}")


def _binary(data: pd.DataFrame, column: str, argument: str) -> pd.Series:
    """An indicator column (boolean, or numbers 0 and 1) as float64 0/1 with NaN where missing; any other value is
    refused naming its rows (a 'no' written as text, or a 2, is no indicator: it was read as true)."""
    out = _numeric(data, column, argument)
    other = out.notna() & ~out.isin([0.0, 1.0])
    if other.any():
        first = data[column][other].iloc[0]
        first = first.item() if isinstance(first, np.generic) else first
        raise ValueError(f"The column {column!r} given as `{argument}` must hold 0/1 or True/False, but it holds "
                         f"{first!r} on {_counted(int(other.sum()), 'row')} ({_rows(out.index[other.to_numpy()])}).")
    return out


def _rows(labels: pd.Index) -> str:
    """The first ten of ``labels`` (rows of ``data``), for a message: "3, 7, 12" or "0, 1, ..., 9, ..."."""
    return ", ".join(map(repr, labels[:10].tolist())) + (", ..." if len(labels) > 10 else "")


def _formula_columns(code: str) -> list[str]:
    """The names a piece of a patsy formula reads as variables (columns of ``data``): bare names and the text in
    ``Q('...')``, not the functions called (``np.log``, ``C``) nor the modules they are taken from."""
    import ast

    try:
        tree = ast.parse(code.strip(), mode="eval")
    except SyntaxError:
        return []
    called = {id(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)}
    bases = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
    out: list[str] = []
    for n in ast.walk(tree):
        if isinstance(n, ast.Name) and id(n) not in called and id(n) not in bases:
            out.append(n.id)
        elif (isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "Q" and n.args
              and isinstance(n.args[0], ast.Constant) and isinstance(n.args[0].value, str)):
            out.append(n.args[0].value)
    return list(dict.fromkeys(out))


def _unreadable_dates(formula: str, data: pd.DataFrame) -> ValueError | None:
    """The error for the columns of dates, durations or periods that ``formula`` reads from ``data``, where patsy
    failed inside numpy or pandas reading them (dates with a time zone: "Cannot interpret 'datetime64[us,
    Europe/London]' as a data type"; periods; durations: "Cannot cast ufunc 'multiply' output"); None where the
    formula reads no such column (or cannot be read), so the error was something else."""
    import patsy

    try:
        desc = patsy.ModelDesc.from_formula(formula)
    except patsy.PatsyError:
        return None
    columns = dict.fromkeys(n for t in desc.lhs_termlist + desc.rhs_termlist for f in t.factors
                            for n in _formula_columns(f.code))
    read = {c: col for c in columns if (col := _read_column(data, c)) is not None}
    dates = {c: k for c, col in read.items() if (k := _date_column_kind(col)) is not None}
    if not dates:
        return None
    return _date_error(formula, {c: (k, _held(read[c])) for c, k in dates.items()},
                       "patsy, which builds the design, cannot read them.")


def _read_column(data: pd.DataFrame, name: str) -> pd.Series | None:
    """The column patsy reads for the formula's ``name``: the one labelled by that very text (patsy looks a name up as
    ``data[name]``), or None. A column labelled by the number 7 is not the formula's ``Q('7')``, and of two columns
    whose labels print alike (7 and '7', None and 'None') only the text one is read: the messages looked columns up
    by ``str(label)``, and named the wrong column's dtype or none."""
    hits = np.flatnonzero([isinstance(c, str) and c == name for c in data.columns])
    return data.iloc[:, hits[0]] if len(hits) else None


def _unread_labels(data: pd.DataFrame, name: str) -> str:
    """A hint where the formula's ``name`` is no column but a column labelled by something other than text prints as
    ``name`` (the number 7 for ``'7'``), else ''."""
    alike = [c for c in data.columns if not isinstance(c, str) and str(c) == name]
    if not alike:
        return ""
    shown = " and ".join(f"{c!r} ({type(c).__name__})" for c in alike)
    return (f" (`data` has a column labelled {shown}, not by the text {name!r}: a formula reads only columns named "
            f"by text; rename it, e.g. data = data.rename(columns={{{alike[0]!r}: {name!r}}}))")


def _nullable_as_float(data: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """``data`` with those of ``columns`` that hold nullable numbers or flags (``Int64``, ``Float64``, ``boolean``) as
    float64 with NaN where missing (a copy; ``data`` itself where there are none): patsy fails inside pandas on them
    ("boolean value of NA is ambiguous", "Cannot interpret 'Float64Dtype()' as a data type")."""
    types = pd.api.types
    convert = [c for c in dict.fromkeys(columns) if c in data.columns and types.is_extension_array_dtype(data[c].dtype)
               and (types.is_numeric_dtype(data[c].dtype) or types.is_bool_dtype(data[c].dtype))]
    if not convert:
        return data
    return data.assign(**{c: data[c].to_numpy(dtype="float64", na_value=np.nan) for c in convert})


def _design_matrices(formula: str, data: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``patsy.dmatrices(formula, data)`` (rows with a missing value dropped, frames returned), its failures said in the
    package's words: patsy's own errors (:func:`_formula_error`), and the TypeError numpy or pandas raise inside patsy
    on a column of dates with a time zone, periods or durations (:func:`_unreadable_dates`). A TypeError is translated
    only where the formula reads such a column; any other (patsy wraps an error raised evaluating a term, so one that
    escapes it unwrapped is from its own machinery or a bug) is raised as it came."""
    import patsy

    try:
        desc = patsy.ModelDesc.from_formula(formula)
    except patsy.PatsyError:
        desc = None  # said by _formula_error below, where patsy fails on it again
    if desc is not None:
        read = [n for t in desc.lhs_termlist + desc.rhs_termlist for f in t.factors for n in _formula_columns(f.code)]
        _check_names(data, {"formula": read})
        data = _nullable_as_float(data, read)
    try:
        return patsy.dmatrices(formula, data, NA_action="drop", return_type="dataframe")
    except patsy.PatsyError as exc:
        raise _formula_error(formula, data, exc) from exc
    except TypeError as exc:
        if (dated := _unreadable_dates(formula, data)) is None:
            raise
        raise dated from exc


def _formula_error(formula: str, data: pd.DataFrame, exc: Exception) -> ValueError:
    """The error to raise, with ``exc`` (patsy's) as its cause, where patsy cannot build the design of ``formula`` on
    ``data``: every name of the formula that is no column of ``data`` (with the columns closest to it), or the term
    that could not be evaluated with the columns it reads and their types, or the place where the formula cannot be
    read, in the package's words."""
    import patsy

    from ..schema import did_you_mean

    held = [c for c in data.columns if isinstance(c, str)]  # the names a formula can read (see _read_column)
    origin = getattr(exc, "origin", None)
    span = (origin.code[origin.start:origin.end] if origin is not None and origin.code == formula else None)
    at = f" at character {origin.start + 1} ({span!r})" if span is not None else ""
    cause = exc.__cause__
    try:
        factors = [f.code for t in patsy.ModelDesc.from_formula(formula).lhs_termlist
                   + patsy.ModelDesc.from_formula(formula).rhs_termlist for f in t.factors]
    except patsy.PatsyError:
        return ValueError(f"The formula {formula!r} cannot be read{at}: expected 'outcome ~ term + term ...', each "
                          "term a column of `data` (a name that is not a Python name as Q('name')), an expression of "
                          "columns, or a product of terms ('a:b', 'a*b').")
    absent = [n for code in factors for n in _formula_columns(code) if _read_column(data, n) is None]
    absent = list(dict.fromkeys(absent))
    if not isinstance(exc, patsy.PatsyError) and not absent and (dated := _unreadable_dates(formula, data)):
        return dated
    if isinstance(cause, NameError) or absent:
        if not absent:
            absent = [getattr(cause, "name", None) or str(cause)]
        named = []
        for name in absent:
            named.append(repr(name) + (_unread_labels(data, name) or did_you_mean(name, held)))
        noun = "a column" if len(absent) == 1 else "columns"
        every = list(data.columns)  # as they are labelled: 7 and '7' told apart
        return ValueError(f"The formula {formula!r} names {noun} `data` does not have: {', '.join(named)}; "
                          f"expected columns of {every[:20]}{' ...' if len(every) > 20 else ''}.")
    if span is not None and cause is not None:
        read = {c: col for c in _formula_columns(span) if (col := _read_column(data, c)) is not None}
        used = list(read)

        def kind(col: str) -> str:
            values = read[col]
            shown = values.dropna()
            first = f", e.g. {shown.iloc[0]!r}" if len(shown) else ""
            return f"{col!r} (dtype {values.dtype}{first})"

        dates = {c: k for c in used if (k := _date_column_kind(read[c])) is not None}
        if dates:
            return _date_error(formula, {c: (k, _held(read[c])) for c, k in dates.items()},
                               f"The term {span!r} cannot be evaluated on them.")
        text = [c for c in used if not pd.api.types.is_numeric_dtype(read[c].dtype) or pd.api.types.is_bool_dtype(read[c].dtype)]
        if text:
            return ValueError(f"The term {span!r} of the formula {formula!r} cannot be evaluated on `data`: it "
                              f"applies a calculation to the {_number(text, 'column')} {', '.join(map(kind, text))}, "
                              "where numbers were expected (convert with pd.to_numeric, or use the column as "
                              "categories: C(name)).")
        listed = f" (it reads {', '.join(map(kind, used))})" if used else ""
        return ValueError(f"The term {span!r} of the formula {formula!r} cannot be evaluated on `data`{listed}: "
                          f"{type(cause).__name__}: {cause}.")
    first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return ValueError(f"The formula {formula!r} cannot be used on `data`{at}; patsy, which builds the design, "
                      f"said: {first}.")

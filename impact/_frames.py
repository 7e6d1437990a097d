"""Set operations on large text columns, fast whatever pandas stores text as.

With pandas 3 and pyarrow, text columns are Arrow strings. Two ordinary idioms
are then slow on the 1.5 million segments of a national study:
``series.isin(many_values)`` (15 s for 300,000 codings against the segment
ids, where a Python set takes under 1 s) and ``set(series)`` (each value is
boxed one at a time: 2 s, against 0.3 s for ``unique`` first). These helpers
give the same answers as those idioms.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

__all__ = ["LABELS", "ORDER", "as_flags", "as_text", "distinct", "flagged", "key_strings", "member", "not_flags", "one_key",
           "kept_order", "known_labels", "known_order", "known_waves", "remember_labels", "lacking_hint", "merge_split", "remember_order", "shared_attr", "text_series", "time_kind", "unclear_columns"]

#: The key of ``DataFrame.attrs`` under which a frame impact builds keeps the order of a column's values that their
#: text does not show: ``frame.attrs["order"]["wave"]``, the study's waves first to last (:func:`impact.council_panel`).
ORDER = "order"

#: The key of ``DataFrame.attrs`` under which a frame impact builds keeps what a column's values are called in words:
#: ``frame.attrs["labels"]["wave"]``, each of the study's waves' label by its id ('early': 'Early impact (about 3
#: months after)'), so that a function given the panel alone can tell '3 months' as the wave 'early'
#: (:func:`kept_labels`).
LABELS = "labels"

# pandas 3's text dtype ("str": missing values are NaN) where it exists; under pandas 2.x "str" is plain numpy text
# conversion (None becomes the text 'None', NaN 'nan'), so :func:`text_series` and :func:`as_text` build the same values there.
_HAS_STR = isinstance(pd.api.types.pandas_dtype("str"), pd.StringDtype)


def key_strings(values: pd.Series, *, strip: bool = False) -> pd.Series:
    """``values`` (ids: units, codes, interviews) as text for comparing with other ids: ``values.astype(str)``, but a
    whole number stored as a float is the text of the integer, as it is written in a file, and a missing value stays
    missing (:func:`as_text`): a unit ``1`` read as an integer from one table and as the float ``1.0`` from another
    (a column with a missing value) is one unit, where ``astype(str)`` made them ``'1'`` and ``'1.0'``, which
    silently failed to match. Index and name kept.

    The one rule for every id read as text (:func:`one_key` for one value): ``strip`` trims the spaces around each
    text (``"940 "`` is ``"940"``, as :func:`impact._joins.key_text` reads council ids). A whole-number float is the
    integer's text whatever its width: numpy's ``float32`` 1.0 in an object column is ``'1'``, as it is in a float32
    column (``key_text`` once left the scalar as ``'1.0'``, so one id matched or not by how it was stored).

    >>> key_strings(pd.Series([1.0, 2.5, None])).tolist(), key_strings(pd.Series([1, "a", 3.0], dtype=object)).tolist()
    (['1', '2.5', nan], ['1', 'a', '3'])
    >>> key_strings(pd.Series([" 940", "a b "]), strip=True).tolist()
    ['940', 'a b']
    """
    if pd.api.types.is_float_dtype(values.dtype):  # whole numbers up to int64's as integers at once, the rest one by one
        number = values.to_numpy(dtype="float64", na_value=np.nan)
        known = ~np.isnan(number)
        small = known & np.isfinite(number) & (number == np.floor(number)) & (np.abs(number) < 2.0 ** 63)
        cells = np.full(len(number), None, dtype=object)
        cells[small] = number[small].astype(np.int64).astype(str).tolist()
        other = np.flatnonzero(known & ~small)
        cells[other] = [_present_key(v, False) for v in number[other].tolist()]
        return text_series(cells, index=values.index, name=values.name)
    if values.dtype == object and pd.api.types.infer_dtype(values, skipna=True) not in (
            "string", "integer", "boolean", "empty"):
        cells = values.astype(object)
        known = cells.notna().to_numpy()
        return text_series([_present_key(v, strip) if k else None
                            for v, k in zip(cells.tolist(), known, strict=True)], index=values.index, name=values.name)
    out = as_text(values)
    return out.str.strip() if strip and len(out) else out


def one_key(value: object, *, strip: bool = False) -> str | None:
    """One id as :func:`key_strings` writes it: ``940.0`` is ``"940"``, with ``strip`` ``"940 "`` is ``"940"``, a
    missing value (None, NaN, ``pd.NA``, ``NaT``) None.

    >>> one_key(940.0), one_key(" 940 ", strip=True), one_key(float("nan"))
    ('940', '940', None)
    """
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return _present_key(value, strip)


def _present_key(value: object, strip: bool) -> str:
    if isinstance(value, (float, np.floating)) and np.isfinite(value) and float(value).is_integer():
        return str(int(value))
    return str(value).strip() if strip else str(value)


def time_kind(dtype: object) -> str | None:
    """``'dates'`` (timezone-aware too), ``'durations'`` or ``'periods'`` for a dtype of that kind, else None: the
    columns a reader of numbers must not read as the nanoseconds pandas holds them in, nor a formula as categories.

    >>> time_kind(pd.Series(pd.to_datetime(["2020-01-01"])).dtype), time_kind(pd.Series([1.5]).dtype)
    ('dates', None)
    """
    if isinstance(dtype, pd.PeriodDtype):
        return "periods"
    if pd.api.types.is_timedelta64_dtype(dtype):
        return "durations"
    return "dates" if pd.api.types.is_datetime64_any_dtype(dtype) else None


def unclear_columns(frame: pd.DataFrame, label: str, named: dict[str, list] | None = None) -> str | None:
    """Why a column of ``frame`` (the argument ``label``) cannot be read by its name, or None: columns on more than one
    level (a MultiIndex: ``'x' in frame.columns`` is true of a first level 'x', and ``frame['x']`` a frame), or a
    column named twice (``frame['x']`` a frame of the copies), of those ``named`` (argument -> column names read) or,
    without ``named``, of any. pandas then failed deep inside: "'DataFrame' object has no attribute 'dtype'", "Grouper
    for 'unit' not 1-dimensional", a KeyError.

    >>> unclear_columns(pd.DataFrame([[1, 2]], columns=["x", "x"]), "data", {"outcome": ["x"]})
    "`data` holds the column 'x' (from `outcome`) 2 times: expected one column of each name; drop or rename the copies, e.g. data = data.loc[:, ~data.columns.duplicated()]."
    """
    columns = frame.columns
    if isinstance(columns, pd.MultiIndex):
        return (f"`{label}` has columns on {columns.nlevels} levels (a MultiIndex, e.g. {columns[0]!r}): expected one "
                f"name per column; flatten them first, e.g. {label}.columns = ['_'.join(map(str, c)) for c in "
                f"{label}.columns].")
    if columns.is_unique:
        return None
    if named is None:
        named = {"": list(dict.fromkeys(columns[columns.duplicated()]))}
    twice = [f"{column!r}{f' (from `{argument}`)' if argument else ''} {int((columns == column).sum())} times"
             for argument, listed in named.items() for column in listed if (columns == column).sum() > 1]
    if not twice:
        return None
    return (f"`{label}` holds the column{'s' if len(twice) > 1 else ''} {', '.join(dict.fromkeys(twice))}: expected one "
            f"column of each name; drop or rename the copies, e.g. {label} = {label}.loc[:, ~{label}.columns.duplicated()].")


def distinct(values: pd.Series) -> set[str]:
    """The distinct values of ``values`` as text (missing values left out): ``set(values.dropna().astype(str))``, a
    whole number stored as a float as the integer's text (:func:`key_strings`)."""
    return set(pd.unique(key_strings(values.dropna())).tolist())


def text_series(values, index=None, name=None) -> pd.Series:
    """``values`` (any iterable, Series or array) as a Series of text: ``pd.Series(values, index, name, dtype="str")``
    under pandas 3, and the same values under pandas 2.x, where that call keeps None and NaN as they are and
    ``pd.array(..., dtype="str")`` makes them the texts 'None' and 'nan'. Present values become ``str(v)``, missing
    ones (None, NaN, ``pd.NA``, ``NaT``) NaN; under pandas 2.x the Series has object dtype.

    >>> text_series(["a", None, float("nan"), 1]).tolist()
    ['a', nan, nan, '1']
    """
    if isinstance(values, pd.Series) and index is None:
        series = values if name is None else values.rename(name)
        return as_text(series)
    if _HAS_STR:
        return pd.Series(values, index=index, name=name, dtype="str")
    if not (pd.api.types.is_scalar(values) or isinstance(values, (pd.Series, np.ndarray, pd.api.extensions.ExtensionArray))):
        values = list(values)
    return as_text(pd.Series(values, index=index, name=name, dtype=object))


def as_text(series: pd.Series) -> pd.Series:
    """``series.astype("str")`` as pandas 3 gives it, under any pandas: present values as ``str(v)``, missing ones NaN
    (under pandas 2.x ``astype("str")`` makes them the texts 'None', 'nan' and '<NA>'); index and name kept.

    >>> as_text(pd.Series([None, 2.5, "x"])).tolist()
    [nan, '2.5', 'x']
    """
    if _HAS_STR:
        return series.astype("str")
    cells = series.astype(object)
    known = cells.notna().to_numpy()
    out = pd.Series(np.nan, index=series.index, name=series.name, dtype=object)
    if known.any():
        out[known] = [str(v) for v in cells[known].tolist()]
    return out


def flagged(frame: pd.DataFrame, column: str) -> pd.Series:
    """Whether each row of ``frame`` is flagged in the boolean ``column`` (``negated``, ``hedged``): a missing value is
    not known to be flagged and counts as not flagged (a coding whose negation is not recorded is reported); no such
    column, none is.

    The one rule for every reader of a coding's flags: the measures (:func:`impact.measures.classify_codings`), the
    evaluation and the hand check's recount (:mod:`impact.coding.evaluate`), and the training of the trained and
    hybrid coders. ``positive_codes`` once counted a missing ``negated`` as negated (``NaN`` is true) and the report's
    recount as not negated (report truth round 22); the trained coder's training dropped such rows as negated while the
    hybrid coder's kept them (round 23).

    Examples
    --------
    >>> flagged(pd.DataFrame({"negated": [True, None, False, float("nan")]}), "negated").tolist()
    [True, False, False, False]
    >>> flagged(pd.DataFrame({"negated": pd.array([True, pd.NA], dtype="boolean")}), "negated").tolist()
    [True, False]
    >>> flagged(pd.DataFrame({"code": ["morale"]}), "hedged").tolist()
    [False]
    """
    if column not in frame.columns:
        return pd.Series(False, index=frame.index)
    return as_flags(frame[column], f"The column {column!r}").fillna(False).astype(bool)


def not_flags(values: pd.Series) -> np.ndarray:
    """Which of ``values`` :func:`as_flags` refuses: present values other than True/False and 0/1 (the text 'False',
    a 2), for a caller listing each row's problem itself.

    >>> not_flags(pd.Series([True, "False", None, 2, 0.0], dtype=object)).tolist()
    [False, True, False, True, False]
    """
    if isinstance(values.dtype, pd.CategoricalDtype):
        values = values.astype(object)
    known = values.notna().to_numpy()
    if pd.api.types.is_bool_dtype(values.dtype):
        return np.zeros(len(values), dtype=bool)
    if pd.api.types.is_numeric_dtype(values.dtype):
        return known & ~values.isin([0, 1]).to_numpy()
    return known & ~np.fromiter((isinstance(v, (bool, np.bool_)) or (
        isinstance(v, (int, float, np.integer, np.floating)) and v in (0, 1)) for v in values.astype(object).tolist()),
        dtype=bool, count=len(values))


def as_flags(values: pd.Series, said: str) -> pd.Series:
    """``values`` as a nullable boolean Series (missing where missing), whatever their dtype (bool, ``boolean``,
    numbers 0 and 1, categorical, object); any other value (the text 'False' or 'no', a 2, 0.5) is refused naming its
    rows, after ``said`` (what the values are: "The column 'negated'"). 'False' and 'no' are non-empty text, read as
    true by ``astype(bool)``; pandas' own 'boolean' conversion failed on "Need to pass bool-like values".

    >>> as_flags(pd.Series([True, 0, None], dtype=object), "x").tolist()
    [True, False, <NA>]
    """
    if isinstance(values.dtype, pd.CategoricalDtype):
        values = values.astype(object)
    cells = values.astype(object)
    known = values.notna().to_numpy()
    bad = not_flags(values)
    if bad.any():
        from ._joins import _rows
        from .errors import InputError

        shown = ", ".join(repr(v.item() if isinstance(v, np.generic) else v) for v in cells[bad].iloc[:5].tolist())
        raise InputError(f"{said} holds values that are not flags ({shown}) on {_rows(values.index[bad])}: expected "
                         "True/False or 1/0 (blank where it is not known).")
    if pd.api.types.is_bool_dtype(values.dtype) or pd.api.types.is_numeric_dtype(values.dtype):
        return values.astype("boolean")
    return pd.Series([bool(v) if k else pd.NA for v, k in zip(cells.tolist(), known)], index=values.index,
                     dtype="boolean")


def member(values: pd.Series, pool: pd.Series | Iterable[str]) -> np.ndarray:
    """For each of ``values`` (as text), whether it is among ``pool`` (as text): ``values.astype(str).isin(pool)``, a
    whole number stored as a float as the integer's text (:func:`key_strings`)."""
    known = pool if isinstance(pool, (set, frozenset)) else (
        distinct(pool) if isinstance(pool, pd.Series) else distinct(pd.Series(list(pool), dtype=object)))
    return np.fromiter((v in known for v in key_strings(values).tolist()), dtype=bool, count=len(values))


class _HeldList(list):
    """A list, read only by convention, that ``copy.deepcopy`` returns as itself (see :func:`shared_attr`)."""

    __slots__ = ()

    def __deepcopy__(self, memo):
        return self


class _HeldDict(dict):
    """A dict, read only by convention, that ``copy.deepcopy`` returns as itself (see :func:`shared_attr`)."""

    __slots__ = ()

    def __deepcopy__(self, memo):
        return self


def kept_order(data: pd.DataFrame | pd.Series, column: str, values: Iterable) -> list | None:
    """The order of ``column`` kept in ``data.attrs`` (:data:`ORDER`), where it holds each of ``values``: only those of
    them, first to last. None where the order kept lacks one of the values (rows added that it never named); where
    no order is kept (pandas drops ``attrs`` in a merge or a join), the order the studies of the session give
    (:func:`known_order`), or None.

    >>> panel = pd.DataFrame({"wave": ["early", "expectations"]})
    >>> panel.attrs["order"] = {"wave": ["expectations", "early", "longer_term"]}
    >>> kept_order(panel, "wave", panel["wave"])
    ['expectations', 'early']
    >>> kept_order(panel, "wave", ["early", "later"]) is None
    True
    """
    orders = data.attrs.get(ORDER)
    order = orders.get(column) if isinstance(orders, dict) else None
    held = set(pd.unique(pd.Series(list(values), dtype=object).dropna()))
    if not isinstance(order, (list, tuple)):
        # pandas drops a frame's attrs in a merge or a join, and a table read back from a file has none: the order
        # is then recovered from the studies seen in this session (and impact's default waves), where they agree
        return known_order(column, held)
    if not held <= set(order):
        return None
    return [v for v in order if v in held]


def kept_labels(data: pd.DataFrame | pd.Series, column: str) -> dict[str, str] | None:
    """The labels of ``column``'s values kept in ``data.attrs`` (:data:`LABELS`: a study's waves' labels by their
    ids, which the panels impact builds carry); where pandas dropped ``attrs`` (a merge, a join), those of the study
    of the session whose waves hold ``data``'s (:func:`known_labels`); else None.

    >>> panel = pd.DataFrame({"wave": ["early"]})
    >>> panel.attrs["labels"] = {"wave": {"early": "Early impact (about 3 months after)"}}
    >>> kept_labels(panel, "wave")
    {'early': 'Early impact (about 3 months after)'}
    >>> kept_labels(pd.DataFrame({"wave": ["winter_visit"]}), "wave") is None   # no study of the session holds it
    True
    """
    held = data.attrs.get(LABELS)
    labels = held.get(column) if isinstance(held, dict) else None
    if isinstance(labels, dict):
        return dict(labels)
    if isinstance(data, pd.DataFrame) and column in data.columns:
        # pandas drops a frame's attrs in a merge or a join (and a concat of frames whose attrs differ): the labels
        # are then recovered from the studies seen in this session, where they agree (newuser14)
        return known_labels(column, distinct(data[column].dropna()))
    return None


def merge_split(missing: Iterable[str], columns: Iterable) -> str:
    """A hint for columns a frame lacks that a pandas merge split in two (``'region'`` into ``'region_x'`` and
    ``'region_y'``, as both tables held it: pandas' default ``suffixes``), saying which to rename; ``""`` where none
    was split so.

    >>> merge_split(["region"], ["council_id", "region_x", "region_y"])
    " ('region' is 'region_x' and 'region_y': a merge of two tables that both held it split it in two; keep the one to read as 'region', e.g. data.rename(columns={'region_x': 'region'}), or drop the other table's copy before merging)"
    >>> merge_split(["region"], ["council_id"])
    ''
    """
    have = {str(c) for c in columns}
    split = [(c, [f"{c}{s}" for s in ("_x", "_y") if f"{c}{s}" in have]) for c in missing]
    split = [(c, parts) for c, parts in split if parts]
    if not split:
        return ""
    said = "; ".join(f"{c!r} is {' and '.join(map(repr, parts))}" for c, parts in split)
    c, parts = split[0]
    return (f" ({said}: a merge of two tables that both held {'it' if len(split) == 1 else 'them'} split "
            f"{'it' if len(split) == 1 else 'each'} in two; keep the one to read as {c!r}, e.g. "
            f"data.rename(columns={{{parts[0]!r}: {c!r}}}), or drop the other table's copy before merging)")


def lacking_hint(missing: Iterable[str], columns: Iterable) -> str:
    """A hint for columns a frame lacks: the merge that split one in two (:func:`merge_split`), else the columns each
    is closest to, written another way (``'Status Group'`` for ``'status_group'``) or begun (``'share'`` for
    ``'share_reported'``); ``""`` where none is close.  A message that listed the frame's 29 columns left the reader
    to find the one meant (newuser10).

    >>> lacking_hint(["Status Group"], ["council_id", "status_group"])
    " (did you mean 'status_group'?)"
    >>> lacking_hint(["share", "wave"], ["share_reported", "waves"])
    " (for 'share', did you mean 'share_reported'?; for 'wave', did you mean 'waves'?)"
    >>> lacking_hint(["region"], ["council_id"])
    ''
    """
    missing, columns = list(missing), list(columns)
    if split := merge_split(missing, columns):
        return split
    from .schema import close_matches

    said = [(m, found) for m in missing if (found := close_matches(str(m), [str(c) for c in columns])[0])]
    if not said:
        return ""
    if len(missing) == 1:
        return f" (did you mean {' or '.join(map(repr, said[0][1]))}?)"
    return " (" + "; ".join(f"for {m!r}, did you mean {' or '.join(map(repr, found))}?" for m, found in said) + ")"


#: The orders of a column's values that the studies built in this session keep (:func:`remember_order`), newest
#: last, at most :data:`_MAX_KNOWN` per column: how :func:`known_order` recovers a panel's waves after a merge.
_KNOWN_ORDERS: dict[str, list[tuple]] = {}
_MAX_KNOWN = 32


def remember_order(column: str, order: Iterable) -> None:
    """Remember ``order`` as an order of ``column``'s values (a study's waves, first to last), for
    :func:`known_order`. :class:`impact.Study` remembers its waves when it is built."""
    order = tuple(dict.fromkeys(order))
    known = _KNOWN_ORDERS.setdefault(column, [])
    if order in known:
        known.remove(order)
    known.append(order)
    del known[:-_MAX_KNOWN]


#: The labels of a column's values that the studies built in this session give (:func:`remember_labels`), newest
#: last, at most :data:`_MAX_KNOWN` per column: how :func:`kept_labels` recovers a panel's waves' labels after a merge.
_KNOWN_LABELS: dict[str, list[dict[str, str]]] = {}


def remember_labels(column: str, labels: dict[str, str]) -> None:
    """Remember ``labels`` (a study's waves' labels by their ids) as the labels of ``column``'s values, for
    :func:`known_labels`. :class:`impact.Study` remembers its waves' labels when it is built."""
    labels = {str(k): str(v) for k, v in labels.items()}
    known = _KNOWN_LABELS.setdefault(column, [])
    if labels in known:
        known.remove(labels)
    known.append(labels)
    del known[:-_MAX_KNOWN]


def known_labels(column: str, values: Iterable) -> dict[str, str] | None:
    """The labels of ``column``'s values that the study remembered last in this session (:func:`remember_labels`:
    loaded, or made into a panel) whose waves hold every one of ``values`` gives; for ``"wave"``, impact's default
    waves' labels where no study remembered holds the values. None where none holds them all.

    The labels only word a hint ('3 months' told as the wave 'early'), never choose what is computed: where two
    studies of the session hold the same waves, the one remembered last (the one the panel was built from, in the
    usual order of work) is read. The order of the waves, which does change results, is recovered only where every
    study agrees (:func:`known_order`).

    >>> remember_labels("wave", {"spring_visit": "Spring visit (March)", "autumn_visit": "Autumn visit (October)"})
    >>> known_labels("wave", ["autumn_visit"])["spring_visit"]
    'Spring visit (March)'
    >>> known_labels("wave", ["winter_visit"]) is None
    True
    """
    held = {str(v) for v in pd.unique(pd.Series(list(values), dtype=object).dropna())}
    if not held:
        return None
    found = [labels for labels in _KNOWN_LABELS.get(column, []) if held <= set(labels)]
    if not found and column == "wave":
        from .schema import DEFAULT_WAVES  # impact's own waves: known before any study is loaded
        default = {str(w["id"]): str(w["label"]) for w in DEFAULT_WAVES if w.get("label")}
        found = [default] if held <= set(default) else []
    return dict(found[-1]) if found else None


def known_waves(data: pd.DataFrame) -> list | None:
    """Every wave of the study ``data`` (a panel) was built from, first to last, those nobody was interviewed at yet
    too: the order its ``attrs`` keep (:data:`ORDER`), or where pandas dropped them (a merge), the one order the
    studies of this session (:func:`remember_order`) give that holds every wave of ``data``; None where neither is
    known.

    >>> remember_order("wave", ["spring_visit", "summer_visit", "autumn_visit"])
    >>> known_waves(pd.DataFrame({"wave": ["autumn_visit"]}))
    ['spring_visit', 'summer_visit', 'autumn_visit']
    >>> known_waves(pd.DataFrame({"wave": ["winter_visit"]})) is None
    True
    """
    orders = data.attrs.get(ORDER)
    order = orders.get("wave") if isinstance(orders, dict) else None
    if isinstance(order, (list, tuple)):
        return list(order)
    if "wave" not in data.columns:
        return None
    held = distinct(data["wave"].dropna())
    found = {order for order in _KNOWN_ORDERS.get("wave", []) if held and held <= set(order)}
    return list(found.pop()) if len(found) == 1 else None


def known_order(column: str, values: Iterable) -> list | None:
    """``values`` of ``column`` in the order every remembered order holding them all gives them
    (:func:`remember_order`: the studies built in this session; for ``"wave"``, impact's default waves too), first
    to last; None where none holds them all, or two that do order them differently (two studies naming the same
    waves in another order: which one the values came from is not known).

    >>> remember_order("wave", ["spring_visit", "summer_visit", "autumn_visit"])
    >>> known_order("wave", {"autumn_visit", "spring_visit"})
    ['spring_visit', 'autumn_visit']
    >>> known_order("wave", ["early", "expectations"])   # impact's default waves
    ['expectations', 'early']
    >>> known_order("wave", ["spring_visit", "winter_visit"]) is None
    True
    """
    held = set(pd.unique(pd.Series(list(values), dtype=object).dropna()))
    if not held:
        return None
    orders = list(_KNOWN_ORDERS.get(column, []))
    if column == "wave":
        from .schema import DEFAULT_WAVES  # impact's own waves: known before any study is loaded
        orders.append(tuple(str(w["id"]) for w in DEFAULT_WAVES))
    found = {tuple(v for v in order if v in held) for order in orders if held <= set(order)}
    return list(found.pop()) if len(found) == 1 else None


def shared_attr(value):
    """``value`` (a list, tuple, set or dict) as an object for ``DataFrame.attrs`` that pandas does not copy.

    pandas deep-copies a frame's ``attrs`` into every frame and column taken from it. A list of tens of thousands of
    row numbers or units (a national coded file) made each filter or column access of such a frame take most of a
    second (10 operations on a frame of 30,000 rows carrying 30,000 units: 7.6 s against milliseconds). The values
    impact keeps in ``attrs`` are read, never changed, so every frame can share one: a list, tuple or set becomes a
    list, a dict a dict, each returned as itself by ``copy.deepcopy`` (never change one in place). Items are kept as
    given (a dict's values too).

    >>> import copy
    >>> rows = shared_attr([2, 3, 5])
    >>> copy.deepcopy(rows) is rows, rows == [2, 3, 5]
    (True, True)
    >>> units = shared_attr({"I1:1": [(2, None, None)]})
    >>> copy.deepcopy(units) is units, units["I1:1"]
    (True, [(2, None, None)])
    """
    if isinstance(value, dict):
        return value if isinstance(value, _HeldDict) else _HeldDict(value)
    if isinstance(value, (list, tuple, set, frozenset)):
        return value if isinstance(value, _HeldList) else _HeldList(value)
    raise TypeError(f"shared_attr() takes a list, tuple, set or dict, not {type(value).__name__}")

"""Reference list of English councils with children's services duties.

The package bundles a curated list (``impact/_data/councils.csv``) of every
local authority that appears in the Department for Education's children's
social care statistics since 2013: the 153 councils of 2024-25 and the five
that have since been abolished.  Councils are keyed by the DfE three-digit
local authority number (``council_id``, text such as ``"301"``), which
survives changes of ONS code; ONS codes, Ofsted URNs and spellings of the
name are kept as a crosswalk.

Columns of :func:`council_list`
-------------------------------
``council_id``
    DfE three-digit LA number (``old_la_code``), as text.
``name``
    Name as the DfE files write it (``"Bristol, City of"``, ``"St. Helens"``).
``ons_code``
    Current (or last) ONS/GSS code.
``ons_code_previous``
    Earlier ONS codes of the same council, ``;``-joined (``""`` if none), e.g.
    Buckinghamshire ``E10000002`` before it became a unitary in April 2020.
``council_type``
    One of :data:`impact.vocab.COUNCIL_TYPES` (current or last type).  The City
    of London is counted with the London boroughs, as DfE and ONS (``E09``) do.
``region``
    One of the nine English regions of :data:`impact.vocab.REGIONS` (``"London"``
    for Inner and Outer London).
``valid_from``, ``valid_to``
    First and last day of the council in this form (``NaT``: before April 2012,
    the start of the DfE series; or still current).
``name_variants``
    Other spellings, ``;``-joined: lower case, ``&`` for ``and``, ``"Bristol"``
    for ``"Bristol, City of"``, ``"St Helens"``, the names Ofsted's inspection
    pages use (``"london corporation"``, ``"durham"``), and so on.
``ofsted_urn``
    Ofsted unique reference numbers of the council as a provider (one or more), ``;``-joined.

Boundary changes
----------------
:func:`boundary_changes` lists the reorganisations that changed the set of
councils (2019 Dorset, 2021 Northamptonshire, 2023 Cumbria).  Rules the
package follows for a series that crosses one:

1. The predecessor's series ends on the day before ``date``; the successors'
   series start on ``date``.  Neither is carried over to the other: a council
   id always means one geography.
2. Counts (children in need, referrals, plans) may be *aggregated* over the
   successors to compare with the predecessor geography, because the union of
   the successors is the union of the predecessors (see
   :func:`aggregate_successors`).
3. Rates and percentages are never averaged or summed across a boundary
   change: recompute them from aggregated numerators and denominators
   (populations), or leave them apart.
4. Changes of ONS code alone (``ons_code_previous``) do not break a series.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Mapping
from functools import cache
from importlib import resources
from io import StringIO
from typing import Literal

import pandas as pd

from ._frames import as_text
from ._joins import as_dates, as_numbers, check_table, key_text, one_key
from ._words import _named
from .errors import ImpactWarning, InputError, user_level
from .vocab import REGIONS

__all__ = [
    "CouncilMatchWarning",
    "council_list",
    "council_crosswalk",
    "boundary_changes",
    "normalise_name",
    "to_council_id",
    "aggregate_successors",
]

_LIST_COLUMNS = [
    "council_id",
    "name",
    "ons_code",
    "ons_code_previous",
    "council_type",
    "region",
    "valid_from",
    "valid_to",
    "name_variants",
    "ofsted_urn",
]


@cache
def _read_bundled(name: str) -> str:
    return resources.files("impact").joinpath("_data", name).read_text(encoding="utf-8")


def _bundled_frame(name: str) -> pd.DataFrame:
    return pd.read_csv(StringIO(_read_bundled(name)), dtype=str, keep_default_na=False)


def council_list(*, include_former: bool = False) -> pd.DataFrame:
    """Return the bundled list of councils, one row per council.

    Parameters
    ----------
    include_former : bool, default False
        Also return councils abolished since 2013 (Dorset County Council 835,
        Poole 836, Bournemouth 837, Northamptonshire 928, Cumbria 909).

    Returns
    -------
    pandas.DataFrame
        Columns as described in :mod:`impact.councils`; text columns are
        strings (``""`` when empty), ``valid_from``/``valid_to`` are dates.

    Examples
    --------
    >>> councils = council_list()
    >>> len(councils)
    153
    >>> councils.set_index("council_id").loc["801", ["name", "council_type", "region"]].tolist()
    ['Bristol, City of', 'unitary', 'South West']
    >>> len(council_list(include_former=True))
    158
    """
    from .schema import true_or_false

    include_former = true_or_false("include_former", include_former)
    data = _bundled_frame("councils.csv")[_LIST_COLUMNS]
    for col in ("valid_from", "valid_to"):
        data[col] = pd.to_datetime(data[col].replace("", None), format="%Y-%m-%d")
    if not include_former:
        data = data[data["valid_to"].isna()]
    return data.reset_index(drop=True)


def boundary_changes() -> pd.DataFrame:
    """Return the reorganisations that changed the set of councils since 2013.

    Returns
    -------
    pandas.DataFrame
        ``date`` (first day of the new councils), ``predecessors`` and
        ``successors`` (``;``-joined council ids), ``kind`` (``"split"``: one
        council became several; ``"merge"``: several became one;
        ``"reorganisation"``: several became several), ``note``.

    Examples
    --------
    >>> changes = boundary_changes()
    >>> changes[["predecessors", "successors", "kind"]].values.tolist()[1]
    ['928', '940;941', 'split']
    """
    data = _bundled_frame("boundary_changes.csv")
    data["date"] = pd.to_datetime(data["date"], format="%Y-%m-%d")
    return data


def normalise_name(name: str) -> str:
    """Return the form of a council name used for matching.

    Lower case; ``&`` read as ``and``; full stops, commas, apostrophes and
    hyphens dropped; ``"X, City of"`` and ``"City of X"`` both read as ``"x"``
    (likewise ``County of``); spaces collapsed.

    Examples
    --------
    >>> normalise_name("Bristol, City of")
    'bristol'
    >>> normalise_name("  St. Helens ") == normalise_name("st helens")
    True
    >>> normalise_name("Telford & Wrekin")
    'telford and wrekin'
    """
    text = str(name).strip().lower().replace("&", " and ")
    text = re.sub(r"^(.*),\s*(city|county) of$", r"\1", text)
    text = re.sub(r"^(city|county) of (?!london)", "", text)
    text = re.sub(r"[.,'\u2019]", "", text)
    text = re.sub(r"[-\s]+", " ", text)
    return text.strip()


def council_crosswalk(*, include_former: bool = True) -> pd.DataFrame:
    """Return every known key of every council, long.

    Parameters
    ----------
    include_former : bool, default True
        Include abolished councils.

    Returns
    -------
    pandas.DataFrame
        ``key_type`` (``"council_id"``, ``"ons_code"``, ``"ofsted_urn"`` or
        ``"name"``), ``key`` (names in :func:`normalise_name` form),
        ``council_id``, ``current`` (bool: the council still exists).  A name
        shared by a former and a current council ("Dorset") appears twice.

    Examples
    --------
    >>> cw = council_crosswalk()
    >>> cw[(cw.key_type == "ons_code") & (cw.key == "E10000002")].council_id.tolist()
    ['825']
    >>> sorted(cw[(cw.key_type == "name") & (cw.key == "dorset")].council_id)
    ['835', '838']
    """
    from .schema import true_or_false

    include_former = true_or_false("include_former", include_former)
    councils = council_list(include_former=include_former)
    rows: list[tuple[str, str, str, bool]] = []
    for rec in councils.itertuples(index=False):
        current = pd.isna(rec.valid_to)
        keys = {("council_id", rec.council_id), ("ons_code", rec.ons_code)}
        keys |= {("ons_code", c) for c in _split(rec.ons_code_previous)}
        keys |= {("ofsted_urn", c) for c in _split(rec.ofsted_urn)}
        keys |= {("name", normalise_name(n)) for n in [rec.name, *_split(rec.name_variants)]}
        rows += [(kt, k, rec.council_id, current) for kt, k in sorted(keys)]
    out = pd.DataFrame(rows, columns=["key_type", "key", "council_id", "current"])
    return out.drop_duplicates().reset_index(drop=True)


def _split(text: str) -> list[str]:
    return [part.strip() for part in str(text).split(";") if part.strip()]


class CouncilMatchWarning(ImpactWarning):
    """Values :func:`to_council_id` matched to no council (each named, with its position and the closest names).

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     ids = to_council_id(["Barnet", "Barnett"])
    >>> ids.tolist(), type(caught[0].message).__name__
    (['302', nan], 'CouncilMatchWarning')
    """


#: The values not matched a message names at most; the rest are counted.
_UNMATCHED_NAMED = 10


def to_council_id(
    values: pd.Series | list[str],
    *,
    key_type: Literal["auto", "council_id", "ons_code", "ofsted_urn", "name"] = "auto",
    unmatched: Literal["warn", "raise", "ignore"] = "warn",
) -> pd.Series:
    """Map names or codes to DfE council ids.

    Parameters
    ----------
    values : Series or list of str
        Names (any spelling in the crosswalk), ONS codes, Ofsted URNs or DfE
        numbers.
    key_type : {"auto", "council_id", "ons_code", "ofsted_urn", "name"}
        What the values are; ``"auto"`` tries DfE number, ONS code, URN and
        name in that order for each value.
    unmatched : {"warn", "raise", "ignore"}, default "warn"
        What to do about a value (not missing) that matches no council: ``"warn"`` gives it ``<NA>`` and names
        each such value in a :class:`CouncilMatchWarning` (its position in ``values``, by index label, and the
        closest council names); ``"raise"`` refuses them all in one :class:`impact.InputError`; ``"ignore"``
        gives ``<NA>`` without a word (a join that expects some values to match nothing, checked afterwards).
        A missing value (None, NaN) is ``<NA>`` without a word in every case.

    Returns
    -------
    pandas.Series
        Council ids (``<NA>`` where nothing matched), same index as ``values``.
        A name shared by a current and a former council resolves to the
        current one; use a code to reach the former one.

    Raises
    ------
    InputError
        If ``key_type`` or ``unmatched`` is not one of the allowed values, or, with ``unmatched="raise"``, a
        value matches no council (every such value named, with its position).
    TypeError
        If ``values`` is neither a Series nor a list of names or codes (a DataFrame is refused: iterated, it gives its
        column names).

    Warns
    -----
    CouncilMatchWarning
        With ``unmatched="warn"`` (the default), naming each value that matched no council.

    Examples
    --------
    >>> to_council_id(["windsor & maidenhead", "E06000023", "909"]).tolist()
    ['868', '801', '909']
    >>> to_council_id(["Barnet", "Atlantis"], unmatched="ignore").tolist()  # no council is named Atlantis
    ['302', nan]
    >>> to_council_id(["Barnett"], unmatched="raise")
    Traceback (most recent call last):
    ...
    impact.errors.InputError: `values` has 1 value that matches no council's DfE number, ONS code, Ofsted URN or name: 'Barnett' (index 0; did you mean 'Barnet'?).
    """
    allowed = ["auto", "council_id", "ons_code", "ofsted_urn", "name"]
    if key_type not in allowed:
        from .schema import not_one_of

        raise InputError(not_one_of("key_type", key_type, allowed))
    if unmatched not in ("warn", "raise", "ignore"):
        from .schema import not_one_of

        raise InputError(not_one_of("unmatched", unmatched, ["warn", "raise", "ignore"]))
    if isinstance(values, (str, bytes)) or not hasattr(values, "__iter__"):
        raise TypeError(f"`values` must be a Series or a list of names or codes, but {type(values).__name__} was "
                        f"passed ({values!r}); for one value, pass [value].")
    if isinstance(values, pd.DataFrame):  # iterated, a frame gives its column names: each read as a council's name
        raise TypeError(f"`values` must be a Series or a list of names or codes, but DataFrame was passed (columns "
                        f"{list(values.columns)[:5]}); pass its column of names or codes, e.g. frame[{values.columns[0]!r}]."
                        if len(values.columns) else "`values` must be a Series or a list of names or codes, but an "
                        "empty DataFrame (no columns) was passed.")
    if isinstance(values, Mapping):  # iterated, a dict gives its keys: its values were left unread (newuser18)
        from ._joins import mapping_for_names

        raise TypeError(mapping_for_names(values, "values", expected="a Series or a list of names or codes"))
    series = values.copy() if isinstance(values, pd.Series) else pd.Series(list(values), dtype="object")
    lookup = _lookup()
    order = allowed[1:] if key_type == "auto" else [key_type]

    def one(value: object) -> object:
        if value is None or pd.isna(value):
            return pd.NA
        # a number a spreadsheet saved as 301.0 is 301, as the text "301" is, whatever its float type (the one id rule)
        text = one_key(value)
        for kt in order:
            key = normalise_name(text) if kt == "name" else text.upper() if kt == "ons_code" else text
            if (kt, key) in lookup:
                return lookup[(kt, key)]
        return pd.NA

    ids = as_text(series.map(one))
    if unmatched != "ignore":
        # a missing value, or a blank cell (a spreadsheet's empty cell read as text), has nothing to match
        missed = ids.isna() & series.map(lambda v: v is not None and not pd.isna(v) and str(v).strip() != "").astype(bool)
        if missed.any():
            _tell_unmatched(series[missed], order, raise_=unmatched == "raise")
    return ids


#: Names of the areas above councils a DfE file has rows for (its regional and national rows), in matching form.
_AREAS = {**{normalise_name(r): "a region" for r in REGIONS}, "england": "the country", "inner and outer london": "a region"}

_KEY_WORDS = {"council_id": "DfE number", "ons_code": "ONS code", "ofsted_urn": "Ofsted URN", "name": "name"}


def _tell_unmatched(missed: pd.Series, order: list[str], *, raise_: bool) -> None:
    """Name each value of ``missed`` (the values that matched no council, by their index labels) in one message:
    raised as an :class:`InputError`, or warned as a :class:`CouncilMatchWarning` naming the user's line."""
    from .schema import close_matches

    at: dict[str, list[object]] = {}
    given: dict[str, object] = {}  # each value as passed (999, not '999')
    for label, value in missed.items():
        at.setdefault(str(value), []).append(label)
        given.setdefault(str(value), value)
    names = {normalise_name(n): n for n in council_list(include_former=True)["name"]}
    parts = []
    for value, labels in list(at.items())[:_UNMATCHED_NAMED]:
        where = ", ".join(map(str, labels[:5])) + (", ..." if len(labels) > 5 else "")
        # the closest names said as the council list writes them, not in their matching form
        found = close_matches(normalise_name(value), names)[0] if "name" in order else []
        hint = "; did you mean " + " or ".join(repr(names[k]) for k in found) + "?" if found else ""
        if "name" in order and normalise_name(value) in _AREAS:  # a DfE file's regional or national row
            hint = f"; {_AREAS[normalise_name(value)]}, not a council: keep the rows whose geographic_level is 'Local authority'"
        parts.append(f"{given[value]!r} (index {where}{hint})")
    more = f", and {len(at) - _UNMATCHED_NAMED:,} more" if len(at) > _UNMATCHED_NAMED else ""
    kinds = [_KEY_WORDS[k] for k in order]
    said = kinds[0] if len(kinds) == 1 else ", ".join(kinds[:-1]) + " or " + kinds[-1]
    n = len(missed)
    text = (f"`values` has {n:,} value{'s' if n != 1 else ''} that match{'es' if n == 1 else ''} no council's {said}: "
            f"{', '.join(parts)}{more}.")
    if raise_:
        raise InputError(text)
    warnings.warn(f"{text} {'It is' if n == 1 else 'They are'} <NA> in the result; pass unmatched='ignore' where "
                  "that is expected, or unmatched='raise' to refuse them.", CouncilMatchWarning, stacklevel=user_level())


@cache
def _lookup() -> dict[tuple[str, str], str]:
    cw = council_crosswalk().sort_values("current", ascending=False, kind="stable")
    cw = cw.drop_duplicates(["key_type", "key"])  # current council wins a shared name
    return {(r.key_type, r.key): r.council_id for r in cw.itertuples(index=False)}


def aggregate_successors(
    indicators: pd.DataFrame,
    *,
    measures: list[str],
    value: str = "value",
) -> pd.DataFrame:
    """Sum count measures of the successor councils to the predecessor geography.

    For each boundary change, the successors' values are summed per period and
    measure and returned under the successors' ids joined by ``+``
    (``"940+941"`` for Northamptonshire, ``"838+839"`` for the Dorset
    reorganisation) beside the predecessors' ids, so a series on the old
    geography can be continued.  A
    period in which any successor value is missing gives a missing total.
    Only pass *counts*: rates and percentages are never summed (recompute them
    from aggregated counts and populations).

    Parameters
    ----------
    indicators : DataFrame
        Long indicator table (``council_id``, ``period``, ``measure``, ``value``).
    measures : list of str
        Count measures to aggregate.
    value : str, default "value"
        Column holding the values.

    Returns
    -------
    pandas.DataFrame
        ``council_id`` (``"+"``-joined successor ids), ``predecessors``
        (``";"``-joined), ``period``, ``measure``, ``value``, ``n_successors``.

    Raises
    ------
    InputError
        If a column or measure is missing, a value or period is not a number or
        date (named with its rows), or a council has two rows for one period
        and measure.
    TypeError
        If ``measures`` is not a list of measure ids.

    Examples
    --------
    >>> ind = pd.DataFrame({"council_id": ["940", "941"], "period": pd.to_datetime(["2022-03-31"] * 2),
    ...                     "measure": "referral_count", "value": [4000.0, 5000.0]})
    >>> aggregate_successors(ind, measures=["referral_count"])[["council_id", "predecessors", "value"]].values.tolist()
    [['940+941', '928', 9000.0]]
    """
    if isinstance(measures, str) or not all(isinstance(m, str) for m in measures):
        raise TypeError(f"The value for `measures` must be a list of measure ids, but {measures!r} was passed.")
    check_table(indicators, "indicators", ("council_id", "period", "measure", value))
    if value in ("council_id", "period", "measure"):
        raise InputError(f"The value for `value` must be the column of the values, but {value!r} was passed (a key).")
    unknown = sorted(set(measures) - set(indicators["measure"].dropna().astype(str)))
    if unknown:
        raise InputError(f"`indicators` has no {_named('measure', unknown)}: its measures are "
                         f"{sorted(map(str, indicators['measure'].dropna().unique()))}.")
    data = indicators[indicators["measure"].isin(measures)]
    # ids compared as text (940 and '940' are one council), dates without a time zone, values as numbers (text
    # values were summed as text: '4000' + '5000' was 40005000)
    data = pd.DataFrame({"council_id": key_text(data["council_id"]), "period": as_dates(data["period"], "indicators", "period", missing="a value is summed with the others of its period"),
                         "measure": data["measure"], value: as_numbers(data[value], "indicators", value)}, index=data.index)
    twice = data.duplicated(["council_id", "period", "measure"], keep=False)
    if twice.any():
        first = data[twice].iloc[0]
        raise InputError(f"`indicators` has {int(twice.sum())} rows that share a council, period and measure (e.g. "
                         f"council {first['council_id']!r}, {first['measure']!r} at {first['period'].date()}): which to "
                         "sum is not known; keep one (filter dimensions first).")
    parts = []
    for change in boundary_changes().itertuples(index=False):
        succ = _split(change.successors)
        sub = data[data["council_id"].isin(succ)]
        if sub.empty:
            continue
        grouped = sub.groupby(["period", "measure"], sort=True, observed=True)[value]
        agg = grouped.agg(total=lambda s: s.sum(min_count=len(s)), n_successors="count", rows="size")
        agg["total"] = agg["total"].where((agg["n_successors"] == len(succ)) & (agg["rows"] == len(succ)))
        agg = agg.reset_index()
        parts.append(
            pd.DataFrame(
                {
                    "council_id": "+".join(succ),
                    "predecessors": change.predecessors,
                    "period": agg["period"],
                    "measure": agg["measure"],
                    value: agg["total"].astype("float64"),
                    "n_successors": agg["n_successors"].astype("Int64"),
                }
            )
        )
    cols = ["council_id", "predecessors", "period", "measure", value, "n_successors"]
    if not parts:
        return pd.DataFrame(columns=cols)
    return pd.concat(parts, ignore_index=True)[cols]

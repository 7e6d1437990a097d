"""Rates per 10,000 children from counts and population estimates.

Which population goes with which period
---------------------------------------
Each count is divided by the most recent population estimate dated on or
before the end of the count's period, and no more than ``max_gap`` earlier
(default 366 days).  With the ONS mid-year estimates read with
``year_end="06-30"`` (so mid-2022 has ``period`` 2022-06-30):

* a DfE count for the year ending 31 March 2023 (``period`` 2023-03-31) uses
  the mid-2022 estimate;
* the workforce census at 30 September 2023 uses the mid-2023 estimate.

This is also the pairing under which the geographies agree across the
boundary changes in the DfE files: the mid-2019 estimates are the first on
the new Dorset councils (838, 839), as is the DfE year ending March 2020;
mid-2021 is the first on North and West Northamptonshire, as is the year
ending March 2022.  (DfE's own publications use the mid-year estimate
available when they publish, which may since have been revised, so rates
computed here can differ from published ones in the first decimal.)
"""

from __future__ import annotations

import pandas as pd

from .._frames import as_text
from .._joins import as_dates, as_numbers, check_table, key_text
from .._keywords import keyword_only
from ..errors import InputError

__all__ = ["rate_per_10k"]

_KEYS = ["council_id", "period", "measure", "value"]


@keyword_only("population")
def rate_per_10k(
    indicators: pd.DataFrame,
    *,
    population: pd.DataFrame,
    measure: str,
    population_measure: str = "population_estimate",
    max_gap: pd.Timedelta | str = "366D",
    name: str | None = None,
) -> pd.DataFrame:
    """Divide a count measure by the child population, per 10,000.

    Parameters
    ----------
    indicators : DataFrame
        Long indicator table (``council_id``, ``period``, ``measure``,
        ``value``, optional ``flag``), e.g. from :func:`impact.read_dfe`.
    population : DataFrame
        Long table of population estimates in the same layout, e.g. the ONS
        mid-year estimates read with ``read_dfe(..., year_end="06-30")``.  It
        must hold one value per council and period for ``population_measure``.
    measure : str
        The count measure in ``indicators``.
    population_measure : str, default "population_estimate"
        The measure in ``population``.
    max_gap : Timedelta or str, default "366D"
        Oldest population estimate accepted, counted back from the period end.
    name : str, optional
        Measure id of the result; default ``f"{measure}_per_10k"``.

    Returns
    -------
    pandas.DataFrame
        ``council_id``, ``period``, ``measure``, ``value`` (count / population
        x 10,000), ``flag``, ``count``, ``population``, ``population_period``.
        A missing count keeps its flag; a missing population gives flag
        ``"no_population"`` (or the population's own suppression symbol).

    Raises
    ------
    InputError
        If a column or measure is missing, or the population has more than one
        value per council and period (filter its dimensions first), or a
        ``period`` is no date: text is read as a study's files are
        (``YYYY-MM-DD``, or day/month/year day first), and one that reads two
        ways (``03/04/2013``) is refused unless its column holds one that can
        only be day first (``13/04/2013``).
    TypeError
        If a measure is not one measure id (a str).

    Examples
    --------
    >>> ind = pd.DataFrame({"council_id": ["940", "940"], "period": pd.to_datetime(["2022-03-31", "2023-03-31"]),
    ...                     "measure": "at31_episodes", "value": [2400.0, 2550.0]})
    >>> pop = pd.DataFrame({"council_id": ["940", "940"], "period": pd.to_datetime(["2021-06-30", "2022-06-30"]),
    ...                     "measure": "population_estimate", "value": [80000.0, 81000.0]})
    >>> rate_per_10k(ind, population=pop, measure="at31_episodes")[["value", "population_period"]].values.tolist()
    [[300.0, Timestamp('2021-06-30 00:00:00')], [314.8148148148148, Timestamp('2022-06-30 00:00:00')]]
    """
    for label, value in (("measure", measure), ("population_measure", population_measure), ("name", name)):
        if not (isinstance(value, str) or (value is None and label == "name")):
            raise TypeError(f"The value for `{label}` must be one measure id (a str), but {value!r} was passed.")
    try:
        gap = pd.Timedelta(max_gap)
    except (ValueError, TypeError):
        gap = pd.NaT
    if pd.isna(gap) or gap < pd.Timedelta(0):
        raise InputError(f"The value for `max_gap` must be a duration of zero or more, such as '366D', but {max_gap!r} was passed.")
    for label, frame in (("indicators", indicators), ("population", population)):
        check_table(frame, label, _KEYS)
    counts = indicators[indicators["measure"] == measure]
    if counts.empty:
        from ..schema import not_one_of

        raise InputError(not_one_of("measure", measure, sorted(map(str, indicators["measure"].dropna().unique()))))
    pop = population[population["measure"] == population_measure]
    if pop.empty:
        raise InputError(
            f"The value for `population_measure` must be one of {sorted(map(str, population['measure'].dropna().unique()))}, "
            f"but {population_measure!r} was passed."
        )
    # one dtype for the keys on both sides (categorical, integer or nullable ids joined as text), dates without a
    # time zone, values as numbers: each refused naming its rows where it is no such thing
    counts = counts.assign(council_id=key_text(counts["council_id"]),
                           period=as_dates(counts["period"], "indicators", "period", missing="a count is dated by its period"),
                           value=as_numbers(counts["value"], "indicators", "value"))
    pop = pop.assign(council_id=key_text(pop["council_id"]),
                     period=as_dates(pop["period"], "population", "period", missing="an estimate is dated by its period"),
                     value=as_numbers(pop["value"], "population", "value"))
    dup = pop.duplicated(["council_id", "period"], keep=False)
    if dup.any():
        first = pop[dup].iloc[0]
        raise InputError(
            f"`population` has {int(dup.sum())} rows that share a council and period (e.g. council "
            f"{first['council_id']!r} at {first['period'].date()}); keep one age group or dimension value first."
        )
    left = counts.assign(_order=range(len(counts)), _date=pd.to_datetime(counts["period"]).astype("datetime64[ns]"))
    pop_flag = pop["flag"] if "flag" in pop.columns else pd.Series("", index=pop.index)
    right = pd.DataFrame(
        {
            "council_id": pop["council_id"],
            "_pop_date": pd.to_datetime(pop["period"]).astype("datetime64[ns]"),
            "population": pop["value"].astype("float64"),
            "_pop_flag": as_text(pop_flag),
        }
    ).sort_values("_pop_date")
    merged = pd.merge_asof(
        left.sort_values("_date"), right, left_on="_date", right_on="_pop_date", by="council_id", direction="backward", tolerance=gap
    ).sort_values("_order")
    count = merged["value"].astype("float64")
    population_ = merged["population"].where(merged["population"] > 0)
    flag = as_text(merged["flag"]) if "flag" in merged.columns else pd.Series("", index=merged.index)
    no_pop = population_.isna() & (flag == "")
    pop_reason = merged["_pop_flag"].fillna("").replace("", "no_population")
    flag = flag.where(~no_pop, pop_reason)
    out = pd.DataFrame(
        {
            "council_id": as_text(merged["council_id"]),
            "period": merged["_date"],
            "measure": name or f"{measure}_per_10k",
            "value": (count / population_ * 10_000).astype("float64"),
            "flag": as_text(flag),
            "count": count,
            "population": merged["population"].astype("float64"),
            "population_period": merged["_pop_date"],
        }
    )
    return out.reset_index(drop=True)

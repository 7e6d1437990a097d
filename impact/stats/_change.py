"""Within-unit change over time (waves), separately within each status group."""

from __future__ import annotations

import calendar
import datetime
import itertools
import math
import re
import warnings
from collections import Counter
from typing import Literal

import numpy as np
import pandas as pd
from scipy import stats
from statsmodels.stats.contingency_tables import cochrans_q

from .._frames import kept_labels, kept_order
from .._words import _counted, _plural, _unit_noun, _verb
from ..errors import AttritionWarning, SmallSampleWarning, StatisticalWarning, user_level
from ._checks import (
    _as_list,
    _check_choice,
    _check_columns,
    _check_frame,
    _is_binary,
    _numeric,
)
from ._errors import NotIdentifiedError
from ._groups import _cells, _levels
from ._multiplicity import ADJUST_METHODS, _adjust_testable

__all__ = ["change_over_time"]


def change_over_time(
    data: pd.DataFrame,
    *,
    outcome: str,
    time: str,
    unit: str,
    group: str | None = None,
    by: str | list[str] | None = None,
    times: list | None = None,
    adjust: Literal["holm", "fdr_bh", "bonferroni", "fdr_by", "hommel"] | None = "holm",
) -> pd.DataFrame:
    """Test whether an outcome changes over time within the same units.

    Binary outcomes: McNemar's test for two time points (exact binomial p on
    the discordant pairs, with the uncorrected asymptotic p beside it) and
    Cochran's Q for more. Continuous or ordinal outcomes: Wilcoxon's
    signed-rank test for two time points (zero differences dropped, ties
    given mid-ranks; exact p given the ties up to 400 non-zero differences,
    computed here so that it does not depend on the installed scipy, with the
    tie-corrected normal p beside it) and Friedman's test for more. The p of
    Cochran's Q and Friedman's test is exact too: the share of all orders of
    each unit's values over the time points (ties kept) whose statistic is at
    least the one observed, by convolution, with the chi-square p in
    ``p_asymptotic``; beyond about 90 changing units at three time points (or
    fewer at more) the p is the chi-square one. With 5 councils, one of which
    changed, the chi-square p of Cochran's Q is 0.37 and the exact p is 1.
    Only units observed at every time point are used (complete cases).

    Parameters
    ----------
    data : pandas.DataFrame
        Tidy panel, one row per unit x time (rows repeated within a unit and
        time are combined: "any" for binary, mean otherwise). Not modified.
    outcome : str
        Boolean / 0-1 or numeric column.
    time : str
        Time column (e.g. ``"wave"``); ordered by `times`, by its categories,
        by the order the frame keeps (the panels of :func:`impact.council_panel`
        and :func:`impact.participant_panel` keep the study's waves in
        ``attrs["order"]["wave"]``; where pandas dropped it, in a merge or a join, the order of the study
        the waves are of, loaded in this session), or sorted: numbers and dates by value, and text where every label
        reads as a number, a month name, a date (day first: '1/3/2019' is
        1 March) or one text but for its numbers ('year 2' before
        'year 10') in that order; any other text alphabetically, with a
        StatisticalWarning saying so.
    unit : str
        Unit column (e.g. ``"council_id"``).
    group : str, optional
        Column of groups (e.g. intervention status) tested separately.
    by : str or list of str, optional
        Further columns with separate rows (e.g. ``"code"``).
    times : list, optional
        The time points to use, in order (default: all).
    adjust : {"holm", "fdr_bh", "bonferroni", "fdr_by", "hommel"} or None
        Adjustment across rows, giving `p_adjusted`. A row whose values are
        one value throughout (every unit at every time point) can give no p
        below 1 and is left out of the family, keeping its raw p (Tarone
        1990).

    Returns
    -------
    pandas.DataFrame
        One row per level of `by` x `group`: by..., group..., `outcome`,
        `test`, `n` (complete units), `n_times`, `time_first`, `time_last`,
        `value_first`, `value_last` (prevalence or median), `effect_type`,
        `effect`, `statistic`, `df`, `p_value`, `p_asymptotic`, `p_exact`
        (whether `p_value` is the exact p, or the asymptotic one beyond the
        exact limits; missing where no test), `p_adjusted`.
        McNemar rows add `n_discordant`, `n_up` (0 -> 1) and `n_down` (1 -> 0);
        every tested row adds `n_moved`, the units whose value was not the
        same at every time point (the non-zero differences of Wilcoxon's
        test, McNemar's discordant pairs): the tests' p-values depend on
        those units alone.

    Raises
    ------
    ValueError
        For missing columns, bad arguments, or fewer than two time points.
    NotIdentifiedError
        When the outcome has no non-missing value.

    Warns
    -----
    AttritionWarning
        When units missing a time point are dropped.
    StatisticalWarning
        When units seen at every time point are dropped because they moved
        between the levels of ``group`` (they have not dropped out); when the
        time points are text with no order of their own (``'baseline'``,
        ``'follow-up'``) and no `times` is given.
    SmallSampleWarning
        When a row has fewer than two complete units.

    References
    ----------
    Agresti, A. (2013). Categorical Data Analysis, 3rd ed., section 11.1
    (McNemar) and 11.2.5 (Cochran's Q).

    Examples
    --------
    >>> df = pd.DataFrame({"council_id": [1, 1, 2, 2, 3, 3, 4, 4],
    ...                    "wave": ["early", "late"] * 4,
    ...                    "mentioned": [0, 1, 0, 1, 0, 1, 1, 1]})
    >>> res = change_over_time(df, outcome="mentioned", time="wave", unit="council_id", times=["early", "late"])
    >>> print(res.loc[0, "test"], res.loc[0, "n_up"], res.loc[0, "p_value"])
    mcnemar 3 0.25
    """
    _check_frame(data)
    by = _as_list(by)
    groups = _as_list(group)
    _check_columns(data, outcome=outcome, time=time, unit=unit, group=group, by=by)
    _check_choice("adjust", adjust, [*ADJUST_METHODS, None])
    frame = data[[*by, *groups, unit, time]].copy()
    frame["_y"] = _numeric(data, outcome, "outcome")
    if frame["_y"].isna().all():
        raise NotIdentifiedError(f"The column {outcome!r} given as `outcome` has no non-missing value (all "
                                 f"{_counted(len(frame), 'row')} {_verb(len(frame), 'is')} missing): there is no change to test.")
    frame = frame.dropna(subset=["_y", time])
    binary = _is_binary(frame["_y"])
    order = list(times) if times is not None else _time_order(frame[time], time, kept=kept_order(data, time, frame[time]))
    unknown = [t for t in order if t not in set(frame[time])]
    if unknown:  # a wave's label ('3 months') told as the wave meant, by the labels the panel (or its study) keeps
        from .._joins import refuse_unknown

        held = kept_order(data, time, frame[time]) or sorted(map(str, set(frame[time])))
        refuse_unknown("times", unknown, held, f"the column {time!r}", noun="time point",
                       labels=kept_labels(data, time))
        raise ValueError(f"`times` names time points absent from {time!r}: {unknown} (as other types than the "
                         f"column's: {sorted({type(t).__name__ for t in unknown})}).")
    if len(order) < 2:
        raise ValueError(f"The column {time!r} given as `time` must have at least two time points, but has {order}.")
    frame = frame[frame[time].isin(order)]
    wide = frame.pivot_table(index=[*by, *groups, unit], columns=time, values="_y",
                             aggfunc="max" if binary else "mean", observed=True)
    wide = wide.reindex(columns=order)
    complete = wide.dropna()
    if len(complete) < len(wide):
        # units, not rows: with `by` or `group` a unit has a row per level (a council per code), and counting rows
        # said "150 unit(s)" of a 60-council study
        units = wide.index.get_level_values(unit)
        lacking = set(units[wide.isna().any(axis=1).to_numpy()])
        # a unit seen at every time point but not in one group throughout (a council moving into or out of
        # intervention) has not dropped out: a 30-council study whose councils moved between status groups said
        # "28 unit(s) of 30 lack one or more of the time points" under "Attrition", where 3 had missed a wave
        seen = frame.groupby([*by, unit], observed=True)[time].nunique()
        missing = set(seen[seen < len(order)].index.get_level_values(unit)) & lacking
        moved = lacking - missing
        # counts in words with the unit's own noun, and no bracketed asides: the report put a wave label's bracket
        # beside "(in at least one group)" and said "3 unit(s) of 12" of councils (report truth round 25)
        noun, n_units = _unit_noun(unit), units.nunique()
        where = " in at least one group" if by or groups else ""
        if missing:
            k = len(missing)
            warnings.warn(
                f"{k:,} of {_counted(n_units, noun)} {_verb(k, 'lacks', 'lack')} one or more of the time points "
                f"{order}{where} and {_verb(k, 'was', 'were')} left out there: only complete cases are tested.",
                AttritionWarning,
                stacklevel=user_level(),
            )
        if moved:
            k = len(moved)
            warnings.warn(
                f"{k:,} of {_counted(n_units, noun)} {_verb(k, 'was', 'were')} seen at every time point but changed "
                f"{' and '.join(map(str, groups))} between them, and {_verb(k, 'was', 'were')} left out of the tests "
                "of change within a group.",
                StatisticalWarning,
                stacklevel=user_level(),
            )
    rows, varies = [], []
    small: list[dict] = []
    for key, cell in _cells(complete.reset_index(), [*by, *groups]):
        values = cell[order].to_numpy(dtype="float64")
        varies.append(values.size > 0 and np.ptp(values) > 0)
        row = dict(zip([*by, *groups], key), outcome=outcome, n=len(values), n_times=len(order),
                   time_first=order[0], time_last=order[-1])
        if len(values) < 2:
            small.append(dict(zip([*by, *groups], key)))
            row.update(test=None, p_value=np.nan)
        elif binary:
            row.update(_binary_change(values))
        else:
            row.update(_continuous_change(values))
        rows.append(row)
    if small:
        # which rows: '6 rows of the result have fewer than two councils ...' did not say of which result, nor which
        # rows (report truth round 27)
        k = len(small)
        warnings.warn(f"{k:,} of the {_counted(len(rows), 'row')} of the change in {outcome!r} across {time!r}"
                      # set off by commas: a bracket here sat beside the report's labels' own (round 25)
                      + (f", one per {' and '.join(map(repr, [*by, *groups]))}," if by or groups else "")
                      + f" {_verb(k, 'has', 'have')} fewer than two {_plural(_unit_noun(unit))} with a complete series"
                      f" and {_verb(k, 'was', 'were')} not tested" + (f": {_which_rows(small, rows)}" if by or groups
                                                                       else "") + ".",
                      SmallSampleWarning, stacklevel=user_level())
    cols = [*by, *groups, "outcome", "test", "n", "n_times", "time_first", "time_last", "value_first",
            "value_last", "n_discordant", "n_up", "n_down", "n_moved", "effect_type", "effect", "statistic", "df",
            "p_value", "p_asymptotic", "p_exact", "p_adjusted"]
    if not rows:
        # no unit has a complete series in any group (every unit seen at every time point moved between groups):
        # nothing to test, which the warnings above say; the frame has its columns and no row
        return pd.DataFrame(columns=[c for c in cols if c not in ("n_discordant", "n_up", "n_down", "n_moved")])
    out = pd.DataFrame(rows)
    # a row whose values are one value throughout (an impact never coded) cannot give p < 1: not in the family
    out["p_adjusted"] = _adjust_testable(out["p_value"].to_numpy(dtype="float64"), np.array(varies), adjust)
    return out[[c for c in cols if c in out.columns]]


_MONTHS = {name: i for i, m in enumerate(calendar.month_name[1:], start=1)
           for name in (m.casefold(), m[:3].casefold(), "sept" if i == 9 else m.casefold())}
_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d %B %Y", "%d %b %Y", "%B %Y", "%b %Y", "%Y-%m")


def _time_order(values: pd.Series, time: str, *, kept: list | None = None) -> list:
    """The time points of ``values`` in time order, where ``times`` is not given: categories in their own order,
    numbers and dates sorted; text in the order it reads as, where every label reads as one:

    * numbers (``'2'``, ``'10'``) by their value;
    * month names (``'Jan'``, ``'March'``) in calendar order;
    * dates (``'1/3/2019'``, day first as written in the UK; ``'March 2019'``; ``'2019-03-31'``) by date;
    * labels alike but for their numbers (``'year 2'``, ``'year 10'``; ``'2019/20'``; ``'wave 1b'``) by those numbers,
      read as numbers.

    A frame that keeps the order of ``time`` in its ``attrs`` (:data:`impact._frames.ORDER`: the panels impact builds
    keep the study's waves, first to last) is taken in that order; one whose ``attrs`` pandas dropped (a merge) in the
    order of the study its waves are of (:func:`impact._frames.known_order`).

    Any other text (``'baseline'``, ``'follow-up'``) has no order of its own: it is sorted alphabetically, as before,
    with a StatisticalWarning naming the labels and ``times=``. Sorted as text, 'year 10' came before 'year 2' and
    'Mar' before 'Jan' without a word, and the change from first to last was measured the wrong way round."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        return _levels(values)
    if kept is not None:  # the order the frame keeps in its attrs (impact's panels: the study's waves)
        return kept
    labels = list(dict.fromkeys(values.tolist()))
    if not labels or not all(isinstance(v, str) for v in labels):
        return _levels(values)
    for reading in (_as_number, _as_month, _as_date):
        keys = [reading(v) for v in labels]
        if all(k is not None for k in keys):
            return [v for _, v in sorted(zip(keys, labels, strict=True), key=lambda p: p[0])]
    if (numbered := _by_their_numbers(labels)) is not None:
        return numbered
    order = sorted(labels)
    warnings.warn(f"The time points of {time!r} are text with no order of their own ({', '.join(map(repr, order[:8]))}"
                  f"{' ...' if len(order) > 8 else ''}): they were taken in alphabetical order, first to last; where "
                  "that is not their order in time, pass them in time order as `times=` (a list of the labels, first "
                  f"to last: a study's waves are `times=study.wave_ids`) or make {time!r} an ordered categorical.",
                  StatisticalWarning, stacklevel=user_level())
    return order


def _by_their_numbers(labels: list[str]) -> list[str] | None:
    """``labels`` ordered by the numbers in them, where they are one text but for their numbers (``'year 2'``,
    ``'Year 10'``; ``'2019/20'``, ``'2020/21'``) and no two of those numbers order a pair of labels opposite ways
    (``'Q2 2019'`` and ``'Q1 2020'``: which number counts first is not known); else None."""
    shapes = {re.sub(r"\d+", "#", v.strip().casefold()) for v in labels}
    if len(shapes) != 1 or "#" not in next(iter(shapes)):
        return None
    numbers = np.array([[int(n) for n in re.findall(r"\d+", v)] for v in labels], dtype=object)
    for a, b in itertools.combinations(range(len(labels)), 2):
        signs = {(x > y) - (x < y) for x, y in zip(numbers[a], numbers[b], strict=True)} - {0}
        if len(signs) > 1:
            return None
    return [labels[i] for i in sorted(range(len(labels)), key=lambda i: list(numbers[i]))]


def _as_number(label: str) -> float | None:
    try:
        number = float(label.strip())
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _as_month(label: str) -> int | None:
    return _MONTHS.get(label.strip().rstrip(".").casefold())


def _as_date(label: str) -> datetime.datetime | None:
    text = " ".join(label.split())
    for fmt in _DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, fmt)
        except ValueError:
            continue
    return None


def _which_rows(small: list[dict], rows: list[dict]) -> str:
    """The rows of ``small`` (each a dict of its key columns) in words, among all ``rows``: "every 'code',
    status_group 'intervention'" where they are every combination of their columns' values and a column's values
    are all it takes, else each row ("code 'a', status_group 'b'; ..."), the first five and a count of the rest.

    Examples
    --------
    >>> rows = [{"code": c, "g": g} for c in "ab" for g in ("x", "y")]
    >>> _which_rows([r for r in rows if r["g"] == "y"], rows)
    "every 'code', g 'y'"
    >>> _which_rows(rows[:1], rows)
    "code 'a', g 'x'"
    """
    cols = list(small[0])
    seen = {c: list(dict.fromkeys(r[c] for r in small)) for c in cols}
    every = {c: list(dict.fromkeys(r[c] for r in rows)) for c in cols}
    if len(small) == math.prod(len(v) for v in seen.values()):
        # a whole block: each column named by its values, or 'every' where it takes all of them
        # a column and its value, without a joining word the report cannot put into words ("every code with
        # status_group 'intervention'" read "every impact with in intervention" once the value was in words)
        return ", ".join(f"every {c!r}" if len(seen[c]) == len(every[c]) > 1 else
                         f"{c} " + " or ".join(map(_quoted, seen[c])) for c in cols)
    said = "; ".join(", ".join(f"{c} {_quoted(r[c])}" for c in cols) for r in small[:5])
    return said + (f" and {len(small) - 5} more" if len(small) > 5 else "")


def _quoted(value: object) -> str:
    """A key's value as a warning quotes it: strings (numpy's too) in single quotes, anything else as printed."""
    return f"'{value}'" if isinstance(value, str) else str(value)


def _binary_change(values: np.ndarray) -> dict:
    first, last = values[:, 0], values[:, -1]
    row = dict(value_first=first.mean(), value_last=last.mean())
    if values.shape[1] == 2:
        up, down = int(((first == 0) & (last == 1)).sum()), int(((first == 1) & (last == 0)).sum())
        d = up + down
        exact = stats.binomtest(up, d, 0.5).pvalue if d else 1.0
        z2 = (up - down) ** 2 / d if d else 0.0
        row.update(test="mcnemar", n_discordant=d, n_up=up, n_down=down, n_moved=d, effect_type="difference",
                   effect=last.mean() - first.mean(), statistic=z2, df=1, p_value=float(exact),
                   p_asymptotic=float(stats.chi2.sf(z2, 1)) if d else 1.0, p_exact=True)
    else:
        if np.ptp(values, axis=1).any():
            res = cochrans_q(values)
            q, p = float(res.statistic), float(res.pvalue)
            exact = _within_unit_exact_p(values.astype(np.int64))
        else:  # no unit changed: nothing to test
            q, p, exact = 0.0, 1.0, 1.0
        row.update(test="cochran_q", n_moved=int((np.ptp(values, axis=1) > 0).sum()), effect_type="difference",
                   effect=last.mean() - first.mean(),
                   statistic=q, df=values.shape[1] - 1, p_value=p if exact is None else exact, p_asymptotic=p,
                   p_exact=exact is not None)
    return row


def _continuous_change(values: np.ndarray) -> dict:
    first, last = values[:, 0], values[:, -1]
    row = dict(value_first=float(np.median(first)), value_last=float(np.median(last)))
    n, k = values.shape
    if k == 2:
        diff = last - first
        nonzero = diff[diff != 0]
        stat, p, p_normal = _signed_rank_test(nonzero)
        ranks = stats.rankdata(np.abs(nonzero))
        effect = (ranks[nonzero > 0].sum() - ranks[nonzero < 0].sum()) / ranks.sum() if len(nonzero) else 0.0
        row.update(test="wilcoxon", n_moved=len(nonzero), effect_type="matched_rank_biserial", effect=float(effect),
                   statistic=stat, df=np.nan, p_value=p, p_asymptotic=p_normal,
                   p_exact=len(nonzero) <= EXACT_SIGNED_RANK_MAX)
    else:
        if np.ptp(values, axis=1).any():
            res = stats.friedmanchisquare(*values.T)
            chi2, p = float(res.statistic), float(res.pvalue)
            # doubled mid-ranks are whole numbers; the statistic, its tie correction included, rises with the sum
            # of the squared rank totals when each unit's ranks are shuffled among the time points
            exact = _within_unit_exact_p(np.rint(2 * stats.rankdata(values, axis=1)).astype(np.int64))
        else:
            chi2, p, exact = 0.0, 1.0, 1.0
        row.update(test="friedman", n_moved=int((np.ptp(values, axis=1) > 0).sum()), effect_type="kendalls_w",
                   effect=chi2 / (n * (k - 1)),
                   statistic=chi2, df=k - 1, p_value=p if exact is None else exact, p_asymptotic=p,
                   p_exact=exact is not None)
    return row


#: Largest amount of work (cells of the grid of column totals x placements of every unit's values) for which the
#: p of Cochran's Q and of Friedman's test is computed exactly; beyond it the p is the chi-square one.
EXACT_WITHIN_UNIT_MAX = 20_000_000


def _within_unit_exact_p(values: np.ndarray) -> float | None:
    """The exact p of a test of change within units that rises with the sum of squared column totals.

    ``values`` holds whole numbers, one row per unit and one column per time point: 0/1 for Cochran's Q,
    doubled mid-ranks for Friedman's test. Under no change, each unit's values are in a random order over the
    time points, every order equally likely, independently between units (the permutation distribution that
    Cochran's Q and Friedman's statistic approximate by chi-square). The column totals' distribution is built
    by convolution, one unit at a time, over a grid of all but the last total (the grand total fixes it), and
    the p is the chance that the sum of squared totals is at least the one observed. Units whose values are all
    the same add the same to every total and are left out. Returns None when the grid is too large
    (:data:`EXACT_WITHIN_UNIT_MAX`).
    """
    moving = values[np.ptp(values, axis=1) > 0]
    if not len(moving):
        return 1.0
    k = values.shape[1]
    moving = moving - moving.min(axis=1, keepdims=True)
    step = int(np.gcd.reduce(moving.ravel()))
    moving = moving // step
    width = int(moving.max(axis=1).sum())  # the largest any column total can be
    n_orders = math.factorial(k)  # every order of a unit's values, equally likely; tied values give repeated orders
    placements = [[(order, c / n_orders) for order, c in Counter(itertools.permutations(unit.tolist())).items()]
                  for unit in moving]
    work = (width + 1) ** (k - 1) * sum(len(p) for p in placements)
    if work > EXACT_WITHIN_UNIT_MAX:
        return None
    grid = np.zeros((width + 1,) * (k - 1))
    grid[(0,) * (k - 1)] = 1.0
    reach = np.zeros(k - 1, dtype=np.int64)  # the largest total reached so far in each column but the last
    for unit_placements in placements:
        top = reach + np.max([o[:-1] for o, _ in unit_placements], axis=0)
        new = np.zeros_like(grid)
        src = tuple(slice(0, r + 1) for r in reach)
        for order, weight in unit_placements:
            dst = tuple(slice(o, o + r + 1) for o, r in zip(order[:-1], reach, strict=True))
            new[dst] += weight * grid[src]
        grid, reach = new, top
    grand = int(moving.sum())
    axes = np.meshgrid(*[np.arange(width + 1)] * (k - 1), indexing="ij")
    last = grand - sum(axes)
    squares = sum(a.astype(np.int64) ** 2 for a in axes) + last.astype(np.int64) ** 2
    observed = int((moving.sum(axis=0).astype(np.int64) ** 2).sum())
    return float(min(1.0, grid[(squares >= observed) & (last >= 0)].sum()))


#: Largest number of non-zero differences for which the signed-rank p is computed exactly.
EXACT_SIGNED_RANK_MAX = 400


def _signed_rank_test(nonzero: np.ndarray) -> tuple[float, float, float]:
    """Wilcoxon signed-rank test of the non-zero paired differences, the same on every scipy.

    Zero differences are dropped (Wilcoxon's method) and tied absolute
    differences get their mean rank. The p-value is exact - the permutation
    distribution of the sum of positive ranks over all 2^n sign patterns,
    *given the tied ranks* (computed by convolution on the half-integer
    grid) - for up to :data:`EXACT_SIGNED_RANK_MAX` differences, and the
    normal approximation with the tie correction beyond (also returned as
    the asymptotic p). scipy's own choice between the two depends on its
    version (an exact p of 0.1875 with scipy 1.15, a normal 0.102 with 1.12,
    for the same data with ties and zeros), so it is not used.

    Returns
    -------
    (statistic, p_value, p_normal)
        ``statistic`` is min(W+, W-), as scipy reports for a two-sided test.
    """
    n = len(nonzero)
    if n == 0:
        return 0.0, 1.0, 1.0
    ranks = stats.rankdata(np.abs(nonzero))
    w_plus = float(ranks[nonzero > 0].sum())
    total = float(ranks.sum())
    statistic = min(w_plus, total - w_plus)
    mean = total / 2
    _, ties = np.unique(ranks, return_counts=True)
    var = n * (n + 1) * (2 * n + 1) / 24 - (ties**3 - ties).sum() / 48
    p_normal = float(min(1.0, 2 * stats.norm.sf(abs(w_plus - mean) / np.sqrt(var)))) if var > 0 else 1.0
    if n > EXACT_SIGNED_RANK_MAX:
        return statistic, p_normal, p_normal
    doubled = np.rint(2 * ranks).astype(np.int64)  # mid-ranks are multiples of 1/2
    dist = np.zeros(int(doubled.sum()) + 1)
    dist[0] = 1.0
    top = 0
    for r in doubled.tolist():  # each difference adds its rank to W+ with probability 1/2
        top += r
        active = dist[: top + 1]  # sums above `top` cannot occur yet
        before = active[: top + 1 - r].copy()
        active *= 0.5
        active[r:] += 0.5 * before
    observed = int(round(2 * w_plus))
    lower, upper = dist[: observed + 1].sum(), dist[observed:].sum()
    return statistic, float(min(1.0, 2 * min(lower, upper))), p_normal


def _fewest_changing_units(p_values: float | list[float], *, n_times: int) -> int:
    """The fewest units whose values changed that exact p-values of :func:`change_over_time` can rest on.

    Every exact p of the table (McNemar's and Wilcoxon's at two time points, Cochran's Q and Friedman's test at
    more) is the share of the (k!)^m equally likely orders of the m changing units' values over the k time points
    (each unit's k! orders, repeats of tied values counted) whose statistic is at least the one observed. The
    statistic depends on the time points' totals only through their sum of squares (Wilcoxon's and McNemar's,
    two-sided, through their spread), so it is unchanged when one relabelling of the time points is applied to
    every unit at once; those k! relabellings move every tuple of orders (none is fixed), so the tuples at least
    as extreme fall in whole groups of k! and p is a multiple of 1 / (k!)^(m - 1). A row with p strictly between
    0 and 1 therefore rests on at least 1 + e changing units, e the fewest with p (k!)^e whole, and its status
    group holds at least that many units (units whose values never changed are left out of the test, so a row
    says nothing of them). p = 1 says nothing (it is also the p of a row in which no unit changed): 0.

    Parameters
    ----------
    p_values : float or list of float
        Exact p-values of the table (``p_value``; beyond :data:`EXACT_WITHIN_UNIT_MAX` and
        :data:`EXACT_SIGNED_RANK_MAX` the p is the asymptotic one and is no such multiple), read at full precision.
        Several give the largest of their bounds (the rows of one group, each on its own changing units). A p
        off the lattice as far as it can be read (no multiple p (k!)^e up to :data:`LATTICE_READABLE` whole) gives
        no bound: an asymptotic p, or an exact p on more changing units than can be told. A p rounded for print is
        not the p (at five waves or more every decimal is on the lattice, 5 dividing k!) and is not to be passed.
    n_times : int
        The time points k (``n_times``), 2 or more.

    Returns
    -------
    int
        The bound: 0 where every p is 1 or off the lattice.

    Raises
    ------
    ValueError
        For `n_times` below 2 or a p outside (0, 1] or not a number.

    Examples
    --------
    Three councils first mentioning an impact at the last of four waves: Cochran's Q's exact p is 1 / 16 = 36 / 24^2,
    a multiple of 1 / 24^2 and of no coarser one, so it rests on three councils.

    >>> p = _within_unit_exact_p(np.array([[0, 0, 0, 1]] * 3))
    >>> p, _fewest_changing_units(p, n_times=4)
    (0.0625, 3)
    >>> _fewest_changing_units([0.5, 0.25], n_times=2), _fewest_changing_units([1.0, 0.05], n_times=3)
    (3, 0)
    """
    if isinstance(n_times, bool) or not isinstance(n_times, (int, np.integer)) or n_times < 2:
        raise ValueError(f"`n_times` must be a whole number of time points, 2 or more, but {n_times!r} was passed.")
    ps = [p_values] if np.ndim(p_values) == 0 else list(p_values)
    bad = [p for p in ps if not isinstance(p, (int, float, np.integer, np.floating)) or isinstance(p, bool)
           or not 0 < p <= 1]
    if bad:
        raise ValueError(f"`p_values` must be p-values in (0, 1], but {bad[:5]} {'was' if len(bad) == 1 else 'were'} "
                         "passed.")
    orders, bound = math.factorial(int(n_times)), 0
    for p in map(float, ps):
        if p >= 1 - 1e-9:  # a sum of weights meant to be 1 may fall short of it in the last digit
            continue
        e, scaled = 0, p
        # whole to 1e-12 of itself (the convolution's error is some 1e-16 of p), up to LATTICE_READABLE
        while abs(scaled - round(scaled)) > 1e-7 + 1e-12 * scaled and scaled * orders <= LATTICE_READABLE:
            e, scaled = e + 1, scaled * orders
        if abs(scaled - round(scaled)) <= 1e-7 + 1e-12 * scaled:
            bound = max(bound, 1 + e)
    return bound


#: The largest multiple p (k!)^e that :func:`_fewest_changing_units` tells from a whole number (double precision).
LATTICE_READABLE = 1e9

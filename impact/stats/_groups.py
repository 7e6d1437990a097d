"""Compare councils between groups (e.g. intervention status) on a binary or
continuous outcome, one row per level of `by` (e.g. code x wave)."""

from __future__ import annotations

import warnings
from functools import lru_cache
from typing import Literal

import numpy as np
import pandas as pd
from scipy import special, stats

from .._limits import RESAMPLES_MAX
from .._words import _counted, _plural, _unit_noun, _verb
from ..errors import SmallSampleWarning, StatisticalWarning, user_level
from ._checks import (
    _as_list,
    _check_choice,
    _check_columns,
    _check_count,
    _check_frame,
    _check_probability,
    _check_seed,
    _is_binary,
    _numeric,
    _rows,
)
from ._errors import MissingValueWarning, NotIdentifiedError
from ._exact import _conditional_odds_ratio, _fisher_2x2, _newcombe, _wilson
from ._multiplicity import ADJUST_METHODS, _adjust_testable
from ._permutation import _permutation_pvalues

__all__ = ["compare_groups", "prevalence_table"]

METHODS = ("auto", "exact", "midp", "permutation", "asymptotic")
OUTCOME_TYPES = ("auto", "binary", "continuous")
DIFFERENCES = ("hodges_lehmann", "mean", "auto")
#: Share of the between-group differences (one unit of each group) taking their most common value from which
#: ``difference="auto"`` publishes the difference in means: one in five. The Hodges-Lehmann interval is two order
#: statistics of those differences, so a block that large of equal ones collapses it to one value ("0 to 0" where most
#: units share one value; "50 to 50" where each group's do and they differ). Councils' shares of two interviews always
#: reach it (their differences take at most 5 values), continuous outcomes never do.
TIED_DIFFERENCES = 0.2


def _prepare(
    data: pd.DataFrame,
    *,
    outcome: str,
    group: str,
    by: list[str],
    unit: str | None,
    outcome_type: str,
) -> tuple[pd.DataFrame, bool]:
    """Validated copy with columns by..., group, outcome (float); unit-level if `unit`."""
    _check_frame(data)
    _check_columns(data, outcome=outcome, group=group, by=by, unit=unit)
    _check_choice("outcome_type", outcome_type, OUTCOME_TYPES)
    cols = [*by, *([unit] if unit else []), group]
    frame = data[cols].copy()
    frame["_y"] = _numeric(data, outcome, "outcome")
    for column, argument in ((outcome, "outcome"), (group, "group")):
        values = frame["_y"] if argument == "outcome" else frame[group]
        if values.isna().all():
            raise NotIdentifiedError(f"The column {column!r} given as `{argument}` has no non-missing value (all "
                                     f"{_counted(len(frame), 'row')} {_verb(len(frame), 'is')} missing): there is nothing to compare.")
    blank = frame[[group, "_y"]].isna().any(axis=1)
    if blank.any():
        k = int(blank.sum())
        warnings.warn(f"{k:,} of {_counted(len(frame), 'row')} {_verb(k, 'has', 'have')} no "
                      f"{outcome!r} or no {group!r} and {_verb(k, 'was', 'were')} left out (rows "
                      f"{_rows(frame.index[blank.to_numpy()])}): the counts n_a and n_b are of the rows compared.",
                      MissingValueWarning, stacklevel=user_level())
    frame = frame.dropna(subset=[group, "_y"])
    if frame.empty:
        raise NotIdentifiedError(f"No row has both {outcome!r} (`outcome`) and {group!r} (`group`): there is "
                                 "nothing to compare.")
    binary = _is_binary(frame["_y"]) if outcome_type == "auto" else outcome_type == "binary"
    if binary and not frame["_y"].isin([0, 1]).all():
        raise ValueError(f"`outcome_type='binary'` needs 0/1 or boolean values in {outcome!r}.")
    if unit and frame[unit].isna().any():
        # a row with no unit became a unit of its own (its NaN key grouped with dropna=False), counted in n
        blank = frame.index[frame[unit].isna().to_numpy()]
        raise ValueError(f"The column {unit!r} given as `unit` is missing in {_counted(len(blank), 'row')} with "
                         f"{outcome!r} and {group!r} (rows {_rows(blank)}): each row needs the unit it was observed in.")
    if unit and not frame.duplicated([*by, unit]).any():
        # Already one row per unit (and level of `by`), as a council x wave panel is: nothing to check or aggregate.
        return frame.reset_index(drop=True), binary
    if unit:
        keys = [*by, unit]
        varying = frame.groupby(keys, dropna=False, observed=True)[group].nunique()
        varying = varying[varying > 1]
        if len(varying):
            listed = ", ".join(map(str, varying.index[:10].tolist()))
            raise ValueError(
                f"The column {group!r} given as `group` must be constant within each unit of {unit!r} "
                f"(and level of `by`), but it varies for {_counted(len(varying), _unit_noun(unit))}: {listed}."
            )
        agg = "max" if binary else "mean"
        frame = frame.groupby(keys, dropna=False, sort=False, observed=True).agg(
            **{group: (group, "first"), "_y": ("_y", agg)})
        frame = frame.reset_index()
    return frame, binary


def _levels(values: pd.Series) -> list:
    if isinstance(values.dtype, pd.CategoricalDtype):
        return [c for c in values.cat.categories if (values == c).any()]
    return sorted(values.unique().tolist(), key=lambda v: (str(type(v)), v))


def _cells(frame: pd.DataFrame, by: list[str]):
    if not by:
        yield (), frame
        return
    for key, cell in frame.groupby(by, sort=True, dropna=False, observed=True):
        yield (key if isinstance(key, tuple) else (key,)), cell


def _cell_positions(frame: pd.DataFrame, by: list[str]):
    """(key, row positions) per level of `by`, sorted; cheaper than sub-frames."""
    if not by:
        return [((), np.arange(len(frame)))]
    indices = frame.groupby(by, sort=True, dropna=False, observed=True).indices
    return [((k if isinstance(k, tuple) else (k,)), v) for k, v in indices.items()]


def prevalence_table(
    data: pd.DataFrame,
    *,
    outcome: str,
    group: str,
    by: str | list[str] | None = None,
    unit: str | None = None,
    alpha: float = 0.05,
) -> pd.DataFrame:
    """Prevalence of a binary outcome in each group, with Wilson intervals.

    Parameters
    ----------
    data : pandas.DataFrame
        Tidy data, one row per unit (or several per unit when `unit` is given).
    outcome : str
        Boolean or 0/1 column.
    group : str
        Column of group labels.
    by : str or list of str, optional
        Columns whose levels get separate rows (e.g. ``["code", "wave"]``).
    unit : str, optional
        Unit column; rows of one unit are first combined (mentioned at all).
    alpha : float
        1 - confidence level.

    Returns
    -------
    pandas.DataFrame
        One row per level of `by` x group: by..., `group`, `n`, `events`,
        `prevalence`, `ci_low`, `ci_high`.

    Raises
    ------
    ValueError
        For missing columns or a non-binary outcome.

    References
    ----------
    Wilson, E. B. (1927). Probable inference, the law of succession, and
    statistical inference. JASA 22, 209-212.

    Examples
    --------
    >>> df = pd.DataFrame({"status": ["a"] * 4 + ["b"] * 4, "y": [1, 1, 0, 0, 1, 0, 0, 0]})
    >>> prevalence_table(df, outcome="y", group="status")[["group", "n", "events", "prevalence"]]
      group  n  events  prevalence
    0     a  4       2        0.50
    1     b  4       1        0.25
    """
    _check_probability("alpha", alpha)
    by = _as_list(by)
    frame, binary = _prepare(data, outcome=outcome, group=group, by=by, unit=unit, outcome_type="auto")
    if not binary:
        raise ValueError(f"`prevalence_table` needs a binary (0/1 or boolean) outcome; {outcome!r} is not.")
    out = frame.groupby([*by, group], sort=True, dropna=False, observed=True)["_y"].agg(["size", "sum"])
    out = out.rename(columns={"size": "n", "sum": "events"}).reset_index().rename(columns={group: "group"})
    out["events"] = out["events"].astype("int64")
    out["prevalence"] = out["events"] / out["n"]
    out["ci_low"], out["ci_high"] = _wilson(out["events"].to_numpy(), out["n"].to_numpy(), alpha)
    return out


def compare_groups(
    data: pd.DataFrame,
    *,
    outcome: str,
    group: str,
    by: str | list[str] | None = None,
    unit: str | None = None,
    alpha: float = 0.05,
    method: Literal["auto", "exact", "midp", "permutation", "asymptotic"] = "auto",
    n_resamples: int = 10_000,
    seed: int | np.random.Generator | None = 0,
    adjust: Literal["holm", "fdr_bh", "bonferroni", "fdr_by", "hommel"] | None = "holm",
    outcome_type: Literal["auto", "binary", "continuous"] = "auto",
    difference: Literal["hodges_lehmann", "mean", "auto"] = "hodges_lehmann",
) -> pd.DataFrame:
    """Compare groups of units on an outcome, one row per level of `by`.

    Built for small studies (5 to 150 councils): exact or permutation tests,
    small-sample intervals, and adjustment across the rows (e.g. every code of
    the codebook at every wave) with raw and adjusted p side by side.

    *Binary outcome, two groups*: prevalence per group with Wilson intervals;
    risk difference (second group minus first) with Newcombe's hybrid score
    interval; conditional maximum-likelihood odds ratio with exact (Cornfield)
    interval, as R's ``fisher.test``; phi (Cramer's V); test by Fisher's exact
    test, its mid-p, a permutation test or Pearson's chi-square.
    *Continuous or ordinal outcome, two groups*: medians, rank-biserial
    correlation and Hodges-Lehmann shift with its distribution-free interval;
    Mann-Whitney or permutation test. *More than two groups*: Cramer's V or
    epsilon-squared, and a Fisher-Freeman-Halton, Kruskal-Wallis or
    permutation test.

    Parameters
    ----------
    data : pandas.DataFrame
        Tidy data, one row per unit and level of `by` (or several per unit
        when `unit` is given). Not modified.
    outcome : str
        Outcome column: boolean / 0-1 (binary) or numeric (continuous, ordinal).
    group : str
        Group column (e.g. ``"status_group"``). Groups are ordered as sorted
        (or as the categories of a categorical column); effects are the second
        group minus (or versus) the first.
    by : str or list of str, optional
        Columns whose levels get one row each (e.g. ``["code", "wave"]``).
    unit : str, optional
        Unit column (e.g. ``"council_id"``): rows of the same unit and level
        of `by` are first combined, a binary outcome by "any", a numeric one
        by the mean, so that units, not interviews, are compared.
    alpha : float
        1 - confidence level of every interval.
    method : {"auto", "exact", "midp", "permutation", "asymptotic"}
        ``"exact"``: Fisher's exact test (binary, two groups), the exact
        Mann-Whitney test (two groups, no ties), otherwise the permutation
        test, which is an exact conditional test estimated by `n_resamples`
        permutations (scipy's Fisher-Freeman-Halton for r x c tables is
        itself Monte Carlo and about 100 times slower).
        ``"midp"``: Fisher's mid-p (binary, two groups), which keeps the size
        close to `alpha` where the exact test is conservative.
        ``"permutation"``: vectorised permutation test of the between-group
        sum of squares (chi-square order for binary, Kruskal-Wallis order for
        ranks). ``"asymptotic"``: Pearson chi-square / Mann-Whitney normal /
        Kruskal-Wallis chi-square. ``"auto"``: mid-p for a binary outcome
        with two groups, otherwise permutation.
    n_resamples : int
        Permutations per test when a permutation test is used; at most
        1,000,000 (``RESAMPLES_MAX``, as ``impact run --resamples``).
    seed : int, numpy.random.Generator or None
        Seed of the permutations (reproducible by default).
    adjust : {"holm", "fdr_bh", "bonferroni", "fdr_by", "hommel"} or None
        Multiplicity adjustment across the rows, giving `p_adjusted`. A row
        whose outcome takes one value throughout (every unit in every group)
        can give no p below 1 and is left out of the family, keeping its raw
        p (Tarone 1990): it cannot reject, and kept in it would raise every
        other row's adjusted p.
    outcome_type : {"auto", "binary", "continuous"}
        ``"auto"`` treats boolean and 0/1 columns as binary.
    difference : {"hodges_lehmann", "mean", "auto"}
        Continuous outcome, two groups: the difference each row publishes in
        `difference_type`, `difference`, `difference_ci_low` and
        `difference_ci_high`, and the test behind its p-value.
        ``"hodges_lehmann"``: the Hodges-Lehmann shift and its interval, a
        rank test. ``"mean"``: the difference in means, a test of it
        (permutation of the values, or Welch's t test); its interval, for an
        outcome in [0, 1] such as a share, is Welch's with a 0 and a 1 added
        to each group (never "0 to 0"; within -1 to 1), otherwise Welch's.
        ``"auto"``: the mean where the outcome lies in [0, 1] and at least
        ``TIED_DIFFERENCES`` (one in five) of the differences between a unit
        of one group and one of the other take one value, as with councils'
        shares of one to three interviews: there the Hodges-Lehmann interval
        collapses to that value ("0 to 0") whatever the groups' shares;
        otherwise Hodges-Lehmann.

    Returns
    -------
    pandas.DataFrame
        One row per level of `by`. Always: the `by` columns, `outcome`, `n`,
        `effect_type`, `effect`, `ci_low`, `ci_high`, `test`, `statistic`,
        `p_value`, `p_adjusted`. `ci_low` and `ci_high` are the interval of
        `effect` at level 1 - `alpha` where it has one (a binary outcome's
        risk difference); a rank-biserial correlation, Cramér's V or epsilon
        squared has none, and they are missing (NaN): to plot a continuous
        outcome's groups with intervals, take `difference`,
        `difference_ci_low` and `difference_ci_high`. Two groups: `group_a`, `group_b`, `n_a`,
        `n_b`; binary adds `events_a`, `events_b`, `prevalence_a`,
        `prevalence_a_ci_low`, `prevalence_a_ci_high` (and for b),
        `odds_ratio`, `odds_ratio_ci_low`, `odds_ratio_ci_high`, `cramers_v`;
        continuous adds `median_a`, `median_b`, `mean_a`, `mean_b`,
        `tied_differences` (share of the between-group differences taking
        their most common value), `hodges_lehmann`, `hodges_lehmann_ci_low`,
        `hodges_lehmann_ci_high`, `mean_difference`, `mean_difference_ci_low`,
        `mean_difference_ci_high` and the published `difference_type`,
        `difference`, `difference_ci_low`, `difference_ci_high` (see
        `difference`); `statistic` is the Mann-Whitney U of the second
        group, or the difference in means where the row publishes it. More
        groups:
        `n_groups`.

    Raises
    ------
    ValueError
        For a bad argument value or missing columns (all listed).

    Warns
    -----
    SmallSampleWarning
        When a row has a group with fewer than two units, or only one group.
    StatisticalWarning
        When the chi-square approximation is used with expected counts below 5.

    References
    ----------
    Agresti, A. (2013). Categorical Data Analysis, 3rd ed. Wiley (ch. 3: exact
    and mid-p tests, conditional odds ratio).

    Newcombe, R. G. (1998). Interval estimation for the difference between
    independent proportions. Statistics in Medicine 17, 873-890.

    Phipson, B. and Smyth, G. K. (2010). Permutation p-values should never be
    zero. Stat. Appl. Genet. Mol. Biol. 9(1).

    Examples
    --------
    Fisher's tea-tasting experiment (Agresti 2013, table 3.8):

    >>> tea = pd.DataFrame({"poured": ["milk"] * 4 + ["tea"] * 4,
    ...                     "guess_milk": [1, 1, 1, 0, 1, 0, 0, 0]})
    >>> res = compare_groups(tea, outcome="guess_milk", group="poured", method="exact")
    >>> print(round(res.loc[0, "p_value"], 4), round(res.loc[0, "odds_ratio"], 4))
    0.4857 0.156
    >>> print(res.loc[0, "group_a"], res.loc[0, "group_b"], res.loc[0, "effect"])
    milk tea -0.5

    Councils' shares of two interviews, most of them 0: the Hodges-Lehmann
    shift is 0, and ``difference="auto"`` publishes the difference in means:

    >>> shares = pd.DataFrame({"status": ["a"] * 8 + ["b"] * 6,
    ...                        "share": [0, 0, 0, 0, 0, 0, .5, 1, 0, 0, 0, .5, 1, 1]})
    >>> res = compare_groups(shares, outcome="share", group="status", difference="auto", n_resamples=999)
    >>> print(res.loc[0, "hodges_lehmann"], res.loc[0, "difference_type"], round(res.loc[0, "difference"], 2))
    0.0 mean_difference 0.23
    >>> print(round(res.loc[0, "difference_ci_low"], 2), round(res.loc[0, "difference_ci_high"], 2))
    -0.24 0.7
    """
    by = _as_list(by)
    _check_probability("alpha", alpha)
    _check_seed(seed)
    _check_choice("method", method, METHODS)
    _check_choice("adjust", adjust, [*ADJUST_METHODS, None])
    _check_count("n_resamples", n_resamples)
    if n_resamples > RESAMPLES_MAX:
        raise ValueError(f"The value for `n_resamples` must be at most {RESAMPLES_MAX:,} (permutations per test), but "
                         f"{n_resamples:,} was passed: a p-value is then within 0.0005 of the exact one, and more "
                         "would run for hours.")
    _check_choice("difference", difference, DIFFERENCES)
    frame, binary = _prepare(data, outcome=outcome, group=group, by=by, unit=unit, outcome_type=outcome_type)
    levels = _levels(frame[group])
    if len(levels) < 2:
        raise ValueError(f"The column {group!r} given as `group` must have at least two groups, but has {levels}.")
    two = len(levels) == 2
    if method == "midp" and not (binary and two):
        raise ValueError("`method='midp'` is available for a binary outcome with two groups only.")
    if method == "auto":
        method = "midp" if (binary and two) else "permutation"
    code_of = {level: i for i, level in enumerate(levels)}

    rows, scores, labels, small, varies = [], [], [], [], []
    all_g = frame[group].map(code_of).to_numpy(dtype=np.int64)
    all_y = frame["_y"].to_numpy(dtype="float64")
    low_expected = 0.0
    for key, pos in _cell_positions(frame, by):
        g, y = all_g[pos], all_y[pos]
        score = y if binary else _midranks(y)  # what a permutation test permutes
        counts = np.bincount(g, minlength=len(levels))
        row = dict(zip(by, key), outcome=outcome)
        if (counts < 2).any():
            small.append(key if by else "all")
        if (counts > 0).sum() < 2:
            row.update(n=len(y), test=None, statistic=np.nan, p_value=np.nan)
            if binary and two:  # nothing to compare, but the group that has units has its prevalence
                row.update(_prevalences(y, g, counts, alpha))
        elif binary and two:
            e0, e1 = int(y[g == 0].sum()), int(y[g == 1].sum())
            found, min_expected = _binary_two(e0, int(counts[0]), e1, int(counts[1]), alpha, method)
            row.update(found)
            if method == "asymptotic" and min_expected < 5:
                low_expected = min(low_expected or min_expected, min_expected)
        elif binary:
            row.update(_binary_many(y, g, len(levels), method))
        elif two:
            row.update(_continuous_two(y, g, alpha, method, score, difference))
            if row["difference_type"] == "mean_difference":
                score = y  # the permutation test of the difference in means permutes the values
        else:
            row.update(_continuous_many(y, g, len(levels), method))
        if two:
            row.update(group_a=levels[0], group_b=levels[1], n_a=int(counts[0]), n_b=int(counts[1]))
            if binary:
                row.update(events_a=int(y[g == 0].sum()), events_b=int(y[g == 1].sum()))
        else:
            row["n_groups"] = int((counts > 0).sum())
        rows.append(row)
        scores.append(score)
        labels.append(g)
        varies.append(bool(len(y)) and np.ptp(y) > 0)
    if low_expected:
        _warn_expected(low_expected)
    if small:
        k = len(small)
        # where, each level named by its column and given as a list the report puts into words ('code [...], wave
        # [...]'): a tuple in brackets set the report's wave labels, brackets and all, inside its brackets
        key = small[0] if isinstance(small[0], tuple) else (small[0],)
        at = ", ".join(f"{col} {[v] if isinstance(v, str) else v}" for col, v in zip(by, key, strict=False))
        where = f", {'the first' if k > 1 else 'the one'} at {at}," if by else ""
        warnings.warn(
            f"{_counted(k, 'comparison')} {_verb(k, 'has', 'have')} a group with fewer than two "
            f"{_plural(_unit_noun(unit))}{where} and "
            f"{_verb(k, 'its test has', 'their tests have')} little or no power.",
            SmallSampleWarning,
            stacklevel=user_level(),
        )
    out = pd.DataFrame(rows)
    needs = np.flatnonzero((out["test"] == "permutation").to_numpy())
    if len(needs):
        p = _permutation_pvalues(
            [scores[i] for i in needs], [labels[i] for i in needs], n_resamples=n_resamples, seed=seed
        )
        out.loc[out.index[needs], "p_value"] = p
    # a row whose outcome does not vary (an impact never coded at a wave) cannot give p < 1: not in the family
    out["p_adjusted"] = _adjust_testable(out["p_value"].to_numpy(dtype="float64"), np.array(varies), adjust)
    return out[[c for c in _column_order(by, binary, two) if c in out.columns]]


def _prevalences(y: np.ndarray, g: np.ndarray, counts: np.ndarray, alpha: float) -> dict:
    """Each of two groups' prevalence with its Wilson interval (NaN for a group with no unit)."""
    events = np.array([y[g == j].sum() for j in (0, 1)])
    lows, highs = _wilson(events, counts[:2], alpha)
    with np.errstate(invalid="ignore", divide="ignore"):
        shares = events / counts[:2]
    out = {}
    for j, side in enumerate("ab"):
        out.update({f"prevalence_{side}": float(shares[j]), f"prevalence_{side}_ci_low": float(lows[j]),
                    f"prevalence_{side}_ci_high": float(highs[j])})
    return out


def _column_order(by: list[str], binary: bool, two: bool) -> list[str]:
    cols = [*by, "outcome"]
    if two:
        cols += ["group_a", "group_b", "n", "n_a", "n_b"]
        if binary:
            cols += ["events_a", "events_b"]
            for s in ("a", "b"):
                cols += [f"prevalence_{s}", f"prevalence_{s}_ci_low", f"prevalence_{s}_ci_high"]
        else:
            cols += ["median_a", "median_b", "mean_a", "mean_b", "tied_differences"]
    else:
        cols += ["n", "n_groups"]
    cols += ["effect_type", "effect", "ci_low", "ci_high"]
    if two and binary:
        cols += ["odds_ratio", "odds_ratio_ci_low", "odds_ratio_ci_high", "cramers_v"]
    elif two:
        cols += ["hodges_lehmann", "hodges_lehmann_ci_low", "hodges_lehmann_ci_high", "mean_difference",
                 "mean_difference_ci_low", "mean_difference_ci_high", "difference_type", "difference",
                 "difference_ci_low", "difference_ci_high"]
    return [*cols, "test", "statistic", "p_value", "p_adjusted"]


def _chi2(table: np.ndarray) -> tuple[float, float, float]:
    """Pearson chi-square (no continuity correction), p, minimum expected count."""
    expected = stats.contingency.expected_freq(table)
    with np.errstate(invalid="ignore", divide="ignore"):
        x2 = float(np.nansum((table - expected) ** 2 / expected))
    dof = (table.shape[0] - 1) * (table.shape[1] - 1)
    return x2, float(stats.chi2.sf(x2, dof)), float(expected.min())


def _warn_expected(min_expected: float) -> None:
    if min_expected < 5:
        warnings.warn(
            f"Chi-square approximation with an expected count of {min_expected:.2g} (< 5); "
            "use method='exact' or 'permutation'.",
            StatisticalWarning,
            stacklevel=user_level(),
        )


@lru_cache(maxsize=65_536)
def _binary_two_cached(e0: int, n0: int, e1: int, n1: int, alpha: float, method: str) -> tuple[dict, float]:
    """Everything about one 2 x 2 table; cached because tables repeat across codes,
    waves and simulation replicates."""
    m = e1 + e0
    table = np.array([[e0, n0 - e0], [e1, n1 - e1]])
    lows, highs = _wilson(np.array([e0, e1]), np.array([n0, n1]), alpha)
    rd_low, rd_high = _newcombe(e1, n1, e0, n0, alpha)
    odds, or_low, or_high = _conditional_odds_ratio(e1, n1, n0, m, alpha)
    fisher, midp = _fisher_2x2(e1, n1, n0, m)
    x2, p_chi2, min_expected = _chi2(table) if 0 < m < n1 + n0 else (np.nan, 1.0, 0.0)
    n = n1 + n0
    row = dict(
        n=n,
        prevalence_a=e0 / n0,
        prevalence_a_ci_low=lows[0],
        prevalence_a_ci_high=highs[0],
        prevalence_b=e1 / n1,
        prevalence_b_ci_low=lows[1],
        prevalence_b_ci_high=highs[1],
        effect_type="risk_difference",
        effect=e1 / n1 - e0 / n0,
        ci_low=float(rd_low),
        ci_high=float(rd_high),
        odds_ratio=odds,
        odds_ratio_ci_low=or_low,
        odds_ratio_ci_high=or_high,
        cramers_v=float(np.sqrt(x2 / n)) if np.isfinite(x2) else np.nan,
        statistic=x2,
    )
    if method == "exact":
        row.update(test="fisher_exact", p_value=fisher)
    elif method == "midp":
        row.update(test="fisher_midp", p_value=midp)
    elif method == "asymptotic":
        row.update(test="chi2", p_value=p_chi2)
    else:
        row.update(test="permutation", p_value=np.nan)
    return row, (min_expected if np.isfinite(x2) else np.inf)


def _binary_two(e0: int, n0: int, e1: int, n1: int, alpha: float, method: str) -> tuple[dict, float]:
    row, min_expected = _binary_two_cached(e0, n0, e1, n1, float(alpha), method)
    return dict(row), min_expected


def _binary_many(y: np.ndarray, g: np.ndarray, k: int, method: str) -> dict:
    table = np.array([[((g == j) & (y == v)).sum() for j in range(k)] for v in (0, 1)])
    table = table[:, table.sum(axis=0) > 0]
    n = int(table.sum())
    degenerate = (table.sum(axis=1) == 0).any()
    x2, p_chi2, min_expected = (np.nan, 1.0, 0.0) if degenerate else _chi2(table)
    v = float(np.sqrt(x2 / (n * (min(table.shape) - 1)))) if np.isfinite(x2) else np.nan
    row = dict(n=n, effect_type="cramers_v", effect=v, ci_low=np.nan, ci_high=np.nan, statistic=x2)
    if method == "asymptotic":
        if not degenerate:
            _warn_expected(min_expected)
        row.update(test="chi2", p_value=p_chi2)
    else:
        row.update(test="permutation", p_value=np.nan)
    return row


#: Largest n_a x n_b for which the interval of the Hodges-Lehmann shift takes its order statistics from the exact
#: null distribution of the Mann-Whitney U (every split of 150 councils is within it); beyond, the normal one.
_HL_EXACT_MAX = 10_000


@lru_cache(maxsize=256)  # up to 10,001 floats each: at most about 20 MB
def _u_distribution(n_a: int, n_b: int) -> np.ndarray:
    """Null probabilities of U = 0..n_a*n_b for samples of n_a and n_b without ties (Mann & Whitney 1947).

    The counts of U are the coefficients of the Gaussian binomial coefficient
    prod_{i=1..n_a} (1 - q^(n_b + i)) / (1 - q^i) (Andrews 1976, Theory of Partitions, ch. 3), each step a
    polynomial, computed in whole numbers so that the tails are exact."""
    n_a, n_b = sorted((n_a, n_b))  # the same distribution either way round; fewer steps over the smaller
    size = n_a * n_b + 1
    counts = np.zeros(size, dtype=object)
    counts[0] = 1
    for i in range(1, n_a + 1):
        shift = n_b + i
        counts[shift:] = counts[shift:] - counts[:size - shift]  # times (1 - q^(n_b + i))
        pad = -size % i
        lanes = np.concatenate([counts, np.zeros(pad, dtype=object)]).reshape(-1, i)
        counts = np.cumsum(lanes, axis=0).ravel()[:size]  # divided by (1 - q^i): a running sum i apart
    total = int(counts.sum())
    return np.array([int(c) / total for c in counts])


def _hl_rank(n_a: int, n_b: int, alpha: float) -> int:
    """Rank (from 1) in the sorted n_a*n_b differences of the lower end of the Hodges-Lehmann interval; 0 when
    even the widest interval, from the smallest to the largest difference, falls short of 1 - alpha.

    The interval from the C-th smallest to the C-th largest difference covers the shift with probability
    1 - 2 P(U <= C - 1) (Hollander, Wolfe & Chicken 2014, section 4.3; Lehmann 1975, ch. 2): C is the
    smallest c with P(U <= c) >= alpha / 2, R's ``qwilcox(alpha / 2, n_a, n_b)`` as ``wilcox.test`` uses it
    (where that is 0, 1 if P(U = 0) is exactly alpha / 2, else no interval).
    Above ``_HL_EXACT_MAX`` pairs, the large-sample C = n_a n_b / 2 - z sqrt(n_a n_b (n_a + n_b + 1) / 12),
    rounded to the nearest integer (Hollander, Wolfe & Chicken 2014, eq. 4.42)."""
    if n_a * n_b <= _HL_EXACT_MAX:
        cdf = np.cumsum(_u_distribution(n_a, n_b))
        rank = int(np.searchsorted(cdf, alpha / 2 * (1 - 1e-12)))
        # R widens a rank of 0 to 1, the smallest to the largest difference; that covers 1 - 2 P(U = 0), which is
        # at least 1 - alpha only where P(U = 0) is at most alpha / 2 (1 council against 39 at 95%)
        return 1 if rank == 0 and cdf[0] <= alpha / 2 * (1 + 1e-12) else rank
    z = special.ndtri(1 - alpha / 2)
    return max(0, int(np.round(n_a * n_b / 2 - z * np.sqrt(n_a * n_b * (n_a + n_b + 1) / 12))))


def _hodges_lehmann(a: np.ndarray, b: np.ndarray, alpha: float) -> tuple[float, float, float]:
    """Median of the b - a differences and its Mann-Whitney-inverted interval (no interval, NaN, when the
    samples are too small for one at this level)."""
    diffs = np.sort((b[:, None] - a[None, :]).ravel())
    rank = _hl_rank(len(a), len(b), float(alpha))
    if rank < 1:
        return float(np.median(diffs)), np.nan, np.nan
    return float(np.median(diffs)), float(diffs[rank - 1]), float(diffs[len(diffs) - rank])


def _mean_difference_arrays(a: np.ndarray, b: np.ndarray, alpha: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Difference in means ``b - a`` along the last axis and its interval for shares in [0, 1], vectorised over
    leading axes: Welch's t interval of each group's shares with one share of 0 and one of 1 added to each group
    (Agresti and Caffo 2000 add one success and one failure to each group for 0/1 outcomes), centred on the shares'
    own difference in means, and cut to -1 to 1, the most two shares can differ.

    The added pair keeps the interval from collapsing to "0 to 0" where every council in both groups has the same
    share (an impact nobody reported), and from a group of one council having no variance; its coverage with 1 to 3
    interviews per council, at 5, 30 and 150 councils, is in docs/methods.md (``bench/tied_shares_coverage.py``)."""
    a, b = np.asarray(a, dtype="float64"), np.asarray(b, dtype="float64")
    pad = np.array([0.0, 1.0])
    half = _welch_half(np.concatenate([a, np.broadcast_to(pad, (*a.shape[:-1], 2))], axis=-1),
                       np.concatenate([b, np.broadcast_to(pad, (*b.shape[:-1], 2))], axis=-1), alpha)
    d = b.mean(axis=-1) - a.mean(axis=-1)
    return d, np.maximum(d - half, -1.0), np.minimum(d + half, 1.0)  # two shares differ by at most 1


def _welch_half(a: np.ndarray, b: np.ndarray, alpha: float) -> np.ndarray:
    """Half-width of Welch's t interval of ``mean(b) - mean(a)`` along the last axis (Welch-Satterthwaite degrees of
    freedom); NaN where a group has one unit or neither varies."""
    na, nb = a.shape[-1], b.shape[-1]
    if min(na, nb) < 2:
        return np.full(a.shape[:-1], np.nan)
    va, vb = a.var(axis=-1, ddof=1) / na, b.var(axis=-1, ddof=1) / nb
    with np.errstate(invalid="ignore", divide="ignore"):
        df = (va + vb) ** 2 / (va**2 / (na - 1) + vb**2 / (nb - 1))
        return np.where(va + vb > 0, stats.t.ppf(1 - alpha / 2, df) * np.sqrt(va + vb), np.nan)


def _mean_difference(a: np.ndarray, b: np.ndarray, alpha: float) -> tuple[float, float, float]:
    """:func:`_mean_difference_arrays` of two samples: the difference in means and its interval, as floats."""
    d, low, high = _mean_difference_arrays(a, b, alpha)
    return float(d), float(low), float(high)


def _midranks(y: np.ndarray) -> np.ndarray:
    """Ranks of ``y`` from 1, ties given their mean rank (``scipy.stats.rankdata``'s default, without its
    per-call overhead, which counts when a codebook x waves of tests are run)."""
    _, inverse, counts = np.unique(y, return_inverse=True, return_counts=True)
    ends = np.cumsum(counts)
    return (ends - (counts - 1) / 2.0)[inverse]


def _continuous_two(y: np.ndarray, g: np.ndarray, alpha: float, method: str, ranks: np.ndarray,
                    difference: str = "hodges_lehmann") -> dict:
    """Effects and (unless permuting) the test of two groups; ``ranks`` are ``y``'s mid-ranks. The test is
    Mann-Whitney's where the row publishes the Hodges-Lehmann shift, Welch's t where it publishes the difference in
    means (see ``difference`` of :func:`compare_groups`)."""
    a, b = y[g == 0], y[g == 1]
    hl, hl_low, hl_high = _hodges_lehmann(a, b, alpha)
    unit_range = bool(y.min() >= 0 and y.max() <= 1)
    tied = _tied_differences(a, b)
    use_mean = difference == "mean" or (difference == "auto" and unit_range and tied >= TIED_DIFFERENCES)
    md, md_low, md_high = _mean_difference(a, b, alpha) if unit_range else _welch_difference(a, b, alpha)
    u_b = float(ranks[g == 1].sum() - len(b) * (len(b) + 1) / 2)  # Mann-Whitney U of b
    p_value = np.nan
    if method != "permutation" and use_mean:
        p_value = float(stats.ttest_ind(b, a, equal_var=False).pvalue) if np.ptp(y) > 0 else 1.0
    elif method != "permutation":
        mw_method = "exact" if method == "exact" else "asymptotic"
        if method == "exact" and len(np.unique(y)) < len(y):
            mw_method = "asymptotic"  # scipy's exact distribution assumes no ties
            warnings.warn(
                "Ties in the outcome: the Mann-Whitney p-value is asymptotic; use method='permutation'.",
                StatisticalWarning,
                stacklevel=user_level(),
            )
        p_value = float(stats.mannwhitneyu(b, a, method=mw_method).pvalue)
    row = dict(
        n=len(y),
        median_a=float(np.median(a)),
        median_b=float(np.median(b)),
        effect_type="rank_biserial",
        effect=2 * u_b / (len(a) * len(b)) - 1,
        ci_low=np.nan,
        ci_high=np.nan,
        hodges_lehmann=hl,
        hodges_lehmann_ci_low=hl_low,
        hodges_lehmann_ci_high=hl_high,
        mean_a=float(np.mean(a)),
        mean_b=float(np.mean(b)),
        tied_differences=tied,
        mean_difference=md,
        mean_difference_ci_low=md_low,
        mean_difference_ci_high=md_high,
        difference_type="mean_difference" if use_mean else "hodges_lehmann",
        difference=md if use_mean else hl,
        difference_ci_low=md_low if use_mean else hl_low,
        difference_ci_high=md_high if use_mean else hl_high,
        statistic=md if use_mean else u_b,
        test="permutation" if method == "permutation" else "welch_t" if use_mean else "mann_whitney",
        p_value=p_value,
    )
    return row


def _tied_differences(a: np.ndarray, b: np.ndarray) -> float:
    """Share of the ``len(a) * len(b)`` differences ``b_j - a_i`` equal to their most common value (to 12 decimals,
    so that 2/3 - 1/3 and 1/3 - 0 count as one value)."""
    _, counts = np.unique(np.round(b[:, None] - a[None, :], 12), return_counts=True)
    return float(counts.max() / counts.sum())


def _welch_difference(a: np.ndarray, b: np.ndarray, alpha: float) -> tuple[float, float, float]:
    """Difference in means ``b - a`` with Welch's t interval (NaN where a group has one unit or neither varies), for
    outcomes not confined to [0, 1]."""
    d, half = float(np.mean(b) - np.mean(a)), float(_welch_half(np.asarray(a, float), np.asarray(b, float), alpha))
    return d, d - half, d + half


def _continuous_many(y: np.ndarray, g: np.ndarray, k: int, method: str) -> dict:
    samples = [y[g == j] for j in range(k) if (g == j).any()]
    n = len(y)
    if len(np.unique(y)) > 1:
        h, p = stats.kruskal(*samples)
    else:
        h, p = 0.0, 1.0
    row = dict(n=n, effect_type="epsilon_squared", effect=float(h) / (n - 1), ci_low=np.nan, ci_high=np.nan)
    row.update(statistic=float(h))
    if method == "asymptotic":
        row.update(test="kruskal_wallis", p_value=float(p))
    else:
        row.update(test="permutation", p_value=np.nan)
    return row

"""Statistics round 14: small-sample inference of the staggered difference-in-differences, councils_needed's scan past
the last shortfall, and cross-checks of compare_groups, the randomisation p, the GEE's small-sample correction and
the mixed model's Satterthwaite degrees of freedom against computations written here.

* The intervals of :func:`impact.stats.staggered_did` used the normal quantile with a variance estimated from a few
  councils: with one council treated alone against 19 its simple average covered 93.3% (bench/lone_cohort_se.py).
  They are now t intervals on Welch-Satterthwaite degrees of freedom: a cell is Welch's test of the treated against
  the comparison councils' changes (scipy's ``ttest_ind(equal_var=False)``), a cohort's mean effect ("group") the
  same test of the councils' mean changes, and a cell with one treated council, which had no standard error, is
  Crawford and Howell's (1998) test of a single case against a control sample.
"""

from __future__ import annotations

import itertools
import warnings

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from impact.stats import staggered_did


def _panel(seed: int, cohorts: dict[int, int], n: int, periods: int) -> pd.DataFrame:
    """bench/lone_cohort_se.py's null panel with extra noise of a spread varying by council: Welch's test, not the
    pooled one, is then the reference."""
    from bench.lone_cohort_se import panel

    rng = np.random.default_rng(seed)
    d = panel(rng, cohorts, n=n, periods=periods)
    d["y"] += rng.normal(0, 1, len(d)) * rng.uniform(0.0, 2.0, n)[d["unit"].to_numpy()]
    return d


def _fit(d: pd.DataFrame, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return staggered_did(d, outcome="y", unit="unit", time="time", first_treated="first", n_bootstrap=0, **kw)


@pytest.mark.parametrize("seed", [3, 11])
def test_a_cell_is_welchs_test_of_the_changes(seed):
    d = _panel(seed, {4: 3}, n=12, periods=6)
    att = _fit(d).att_gt
    y = d.pivot(index="unit", columns="time", values="y").to_numpy()
    treated = np.isfinite(d.groupby("unit")["first"].first().to_numpy())
    for row in att.itertuples():
        if row.event_time == -1 and row.time == 3:  # varying base: the pre-period cell 3 against 2
            base = 1
        elif row.post:
            base = 2  # period 3, the last before the cohort's start
        else:
            base = int(row.time) - 2
        change = y[:, int(row.time) - 1] - y[:, base]
        ref = stats.ttest_ind(change[treated], change[~treated], equal_var=False)
        assert row.estimate == pytest.approx(change[treated].mean() - change[~treated].mean(), abs=1e-12)
        assert row.statistic == pytest.approx(ref.statistic, rel=1e-9)
        assert row.df == pytest.approx(ref.df, rel=1e-9)
        assert row.p_value == pytest.approx(ref.pvalue, rel=1e-8)
        lo, hi = ref.confidence_interval(0.95)
        assert (row.ci_low, row.ci_high) == pytest.approx((lo, hi), rel=1e-8, abs=1e-12)


@pytest.mark.parametrize("m", [2, 7, 15])
def test_a_cell_of_one_treated_council_is_crawford_and_howells_test(m):
    """One treated council against m: t = (x - mean) / (s sqrt((m + 1) / m)) on m - 1 degrees of freedom (Crawford,
    J. R. and Howell, D. C. (1998), Comparing an individual's test score against norms derived from small samples,
    The Clinical Neuropsychologist 12, 482-486). Before, the cell had no standard error."""
    d = _panel(m, {3: 1}, n=m + 1, periods=4)
    att = _fit(d).att_gt.set_index("time")
    y = d.pivot(index="unit", columns="time", values="y").to_numpy()
    change = y[:, 3] - y[:, 1]  # period 4 against the base period 2
    x, c = change[0], change[1:]
    t = (x - c.mean()) / (c.std(ddof=1) * np.sqrt((m + 1) / m))
    row = att.loc[4]
    assert row["se"] == pytest.approx(c.std(ddof=1) * np.sqrt((m + 1) / m), rel=1e-10)
    assert row["statistic"] == pytest.approx(t, rel=1e-10)
    assert row["df"] == m - 1
    assert row["p_value"] == pytest.approx(2 * stats.t.sf(abs(t), m - 1), rel=1e-9)
    half = stats.t.ppf(0.975, m - 1) * row["se"]
    assert (row["ci_low"], row["ci_high"]) == pytest.approx((row["estimate"] - half, row["estimate"] + half), rel=1e-10)


def test_a_cell_with_one_comparison_council_keeps_no_standard_error():
    d = _panel(5, {3: 4}, n=5, periods=4)
    att = _fit(d).att_gt
    assert (att["n_control"] == 1).all()
    assert att[["se", "df", "p_value", "ci_low"]].isna().all().all()
    assert att["estimate"].notna().all()


def test_a_cohorts_mean_effect_is_welchs_test_of_the_councils_mean_changes():
    """The "group" aggregation of a cohort averages its post-treatment cells with fixed weights, so its estimate is
    the difference of the councils' mean changes after the start (from the base period) and its variance Welch's."""
    d = _panel(7, {3: 4, 5: 3}, n=20, periods=6)
    table = _fit(d).aggregate("group", n_permutations=0).table.set_index("group")
    y = d.pivot(index="unit", columns="time", values="y").to_numpy()
    g = d.groupby("unit")["first"].first().to_numpy()
    never = np.isnan(g)
    for cohort in (3, 5):
        change = (y[:, cohort - 1:] - y[:, [cohort - 2]]).mean(axis=1)
        ref = stats.ttest_ind(change[g == cohort], change[never], equal_var=False)
        row = table.loc[cohort]
        assert row["statistic"] == pytest.approx(ref.statistic, rel=1e-9)
        assert row["df"] == pytest.approx(ref.df, rel=1e-9)
        assert row["p_value"] == pytest.approx(ref.pvalue, rel=1e-8)


# --------------------------------------------------------------------------------------------------
# compare_groups with groups of one to three councils: every assignment enumerated
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("sizes", [(1, 3), (2, 3), (3, 2), (1, 2), (3, 3)])
def test_two_small_groups_have_the_exact_permutation_p(sizes):
    """A permutation test of 1 council against 3 has 4 distinct assignments; it drew 10,000 at random and gave
    (1 + #) / 10,001 (0.7955 where the exact p is 0.8). The p is now the share of the C(n, n_a) assignments whose
    Mann-Whitney U is as far from n_a n_b / 2 as the observed one (ties included: values rounded to 0.5)."""
    from impact.stats import compare_groups

    na, nb = sizes
    rng = np.random.default_rng(na * 10 + nb + 1)
    y = np.round(rng.normal(size=na + nb) * 2) / 2
    d = pd.DataFrame({"y": y, "g": ["a"] * na + ["b"] * nb})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        row = compare_groups(d, outcome="y", group="g").iloc[0]
    assert row["test"] == "permutation"
    n = na + nb

    def spread(a_idx):
        b = [i for i in range(n) if i not in a_idx]
        return abs(stats.mannwhitneyu(y[b], y[list(a_idx)]).statistic - na * nb / 2)

    every = [spread(c) for c in itertools.combinations(range(n), na)]
    observed = spread(tuple(range(na)))
    assert row["p_value"] == pytest.approx(np.mean([s >= observed - 1e-9 for s in every]), abs=1e-12)


def test_three_small_groups_have_the_exact_kruskal_wallis_permutation_p():
    """Groups of 1, 2 and 3 councils: 60 distinct assignments, each one's Kruskal-Wallis H by scipy."""
    from impact.stats import compare_groups

    y = np.array([3.0, 1.0, 4.0, 1.0, 5.0, 9.0])
    g = np.array(["a", "b", "b", "c", "c", "c"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        row = compare_groups(pd.DataFrame({"y": y, "g": g}), outcome="y", group="g").iloc[0]
    observed = stats.kruskal(*(y[g == k] for k in "abc")).statistic
    hs = []
    for a in itertools.combinations(range(6), 1):
        rest = [i for i in range(6) if i not in a]
        for b in itertools.combinations(rest, 2):
            c = [i for i in rest if i not in b]
            hs.append(stats.kruskal(y[list(a)], y[list(b)], y[c]).statistic)
    assert len(hs) == 60
    assert row["p_value"] == pytest.approx(np.mean(np.array(hs) >= observed - 1e-9), abs=1e-12)

"""Independent cross-checks of the statistics, round 12: the edges no round had checked.

- ``firth_logistic``'s case weights at zero: a row of weight k counts as k rows, so one of weight 0 as none. Checked
  against the fit of the rows repeated as often as their weights (round 6 checked positive weights so): a council
  whose rows all had weight 0 was counted among the units (the design effect's G / (G - 1), the F test's units -
  parameters), and a term that varied only in such rows passed the rank check and failed in numpy ("Singular
  matrix"). Fixed: such rows are left out, with a note; a fit of them only is refused by name.
- ``power_prevalence`` / ``councils_needed`` with the normal approximation against the exact power of the test
  ``compare_groups`` runs on a binary outcome (Fisher's mid-p), enumerated here table by table with scipy's
  hypergeometric and binomial laws (Lancaster 1961): at 10 councils the normal figure overstated it by up to 0.19
  (simulated in bench/survey_power_check.py at 10, 20 and 40 councils). It now says so with a StatisticalWarning
  giving both figures, and is silent where they agree.
- Exact p-values at the edges of their lattices, against brute force written here: Wilcoxon's signed-rank test of
  ``change_over_time`` with ties and zero differences (every sign pattern), Cochran's Q over three waves (every order
  of each council's values), and ``compare_groups``' rank test with a status group of two councils (scipy's exact
  Mann-Whitney; its smallest p is 2 / C(n, 2), and no Hodges-Lehmann interval exists where that is above alpha; at
  4 against 4 the interval is the smallest and largest difference).
- ``adjust_pvalues`` with tied p-values, p = 1 and a missing p, against statsmodels' ``multipletests`` over the
  p-values present.

Seeds 92101 to 92199 are used nowhere else in the repository.
"""

from __future__ import annotations

import itertools
import math
import warnings

import numpy as np
import pandas as pd
import pytest
from scipy import stats
from statsmodels.stats.multitest import multipletests

from impact.errors import StatisticalWarning
from impact.stats import (
    NotIdentifiedError,
    adjust_pvalues,
    change_over_time,
    compare_groups,
    councils_needed,
    firth_logistic,
    power_prevalence,
)

_PARAMS = ["estimate", "se", "df", "p_value", "ci_low", "ci_high", "design_effect"]


@pytest.fixture(scope="module")
def weighted_councils() -> pd.DataFrame:
    """Eight councils of three rows each, weights 1 to 3, four councils with the exposure."""
    rng = np.random.default_rng(92101)
    unit = np.repeat(np.arange(8), 3)
    x = (unit < 4).astype(int)
    y = (rng.random(24) < 0.3 + 0.4 * x).astype(int)
    return pd.DataFrame({"council": unit, "x": x, "y": y, "w": rng.integers(1, 4, 24)})


def test_firth_rows_of_weight_zero_count_as_no_rows(weighted_councils):
    # The truth by the definition of case weights: the rows repeated as often as their weights, unweighted. Two more
    # councils whose rows all have weight 0 must change nothing; they were counted as units (n_units 10, not 8), so
    # G / (G - 1) of the sandwich fell from 8/7 to 10/9, and the F test's df rose from 6 to 8.
    d = weighted_councils
    expanded = d.loc[d.index.repeat(d["w"])].reset_index(drop=True)
    truth = firth_logistic(expanded, formula="y ~ x", unit="council")
    zeros = pd.DataFrame({"council": [98, 98, 99], "x": [1, 0, 1], "y": [1, 0, 0], "w": [0, 0, 0]})
    got = firth_logistic(pd.concat([d, zeros], ignore_index=True), formula="y ~ x", unit="council", weights="w")
    assert got.n_units == truth.n_units == 8
    pd.testing.assert_frame_equal(got.params[_PARAMS], truth.params[_PARAMS], rtol=1e-6, atol=1e-8)
    assert (got.params["df"] == 8 - 2).all()
    assert any("3 rows of weight 0 left out" in note for note in got.notes)


def test_firth_weight_zero_rows_within_a_council_and_without_units(weighted_councils):
    # a row of weight 0 inside a council that has others: the same fit without it; and without `unit`
    d = weighted_councils.copy()
    extra = d.iloc[[0, 5]].assign(y=lambda f: 1 - f["y"], w=0)
    with_zero = pd.concat([d, extra], ignore_index=True)
    for unit in ("council", None):
        a = firth_logistic(with_zero, formula="y ~ x", unit=unit, weights="w")
        b = firth_logistic(d, formula="y ~ x", unit=unit, weights="w")
        pd.testing.assert_frame_equal(a.params[_PARAMS], b.params[_PARAMS], rtol=1e-7, atol=1e-9)
        assert a.n_obs == b.n_obs == len(d)


def test_firth_term_resting_on_weight_zero_rows_is_refused_by_name():
    # x is 1 only in rows of weight 0: the term is not identified in the rows that count (numpy's 'Singular matrix'
    # on main); every row of weight 0: nothing to fit
    rng = np.random.default_rng(92102)
    d = pd.DataFrame({"x": np.r_[np.zeros(10), np.ones(4)], "y": rng.integers(0, 2, 14),
                      "w": np.r_[np.ones(10), np.zeros(4)]})
    with pytest.raises(NotIdentifiedError, match=r"not identified in the 10 rows used \(4 rows of weight 0 left out\)"):
        firth_logistic(d, formula="y ~ x", weights="w")
    with pytest.raises(NotIdentifiedError, match=r"Every one of the 14 rows .* has weight 0 in 'w'"):
        firth_logistic(d.assign(w=0.0), formula="y ~ x", weights="w")


def _midp_power(p_a: float, p_b: float, n_a: int, n_b: int, alpha: float = 0.05) -> float:
    """Power of the two-sided mid-p test of a 2 x 2 table (Lancaster 1961): for every table, the conditional
    probability (hypergeometric, margins fixed) of the tables less likely than it plus half of those as likely; the
    power is the binomial probability of the tables whose mid-p is at most alpha."""
    power = 0.0
    for x_a, x_b in itertools.product(range(n_a + 1), range(n_b + 1)):
        m = x_a + x_b
        support = np.arange(max(0, m - n_b), min(m, n_a) + 1)
        pmf = stats.hypergeom.pmf(support, n_a + n_b, m, n_a)
        observed = stats.hypergeom.pmf(x_a, n_a + n_b, m, n_a)
        same = np.isclose(pmf, observed, rtol=1e-7, atol=0)
        midp = pmf[(pmf < observed) & ~same].sum() + 0.5 * pmf[same].sum()
        if midp <= alpha * (1 + 1e-7):
            power += stats.binom.pmf(x_a, n_a, p_a) * stats.binom.pmf(x_b, n_b, p_b)
    return float(power)


def test_normal_power_is_set_beside_the_midp_test_compare_groups_runs():
    # 5 against 5 councils, 0.2 against 0.8: the normal approximation states 0.53 (Cohen's h = 1.287,
    # Phi(h sqrt(5/2) - 1.96)); compare_groups' mid-p test has 0.376 (its simulated rejection rate, 20,000 studies in
    # bench/survey_power_check.py, is within Monte Carlo error of that)
    truth = _midp_power(0.2, 0.8, 5, 5)
    assert truth == pytest.approx(0.376, abs=5e-4)
    assert power_prevalence(p_a=0.2, p_b=0.8, n_a=5, method="midp").loc[0, "power"] == pytest.approx(truth, rel=1e-9)
    h = 2 * math.asin(math.sqrt(0.8)) - 2 * math.asin(math.sqrt(0.2))
    with pytest.warns(StatisticalWarning) as caught:
        normal = power_prevalence(p_a=0.2, p_b=0.8, n_a=5).loc[0, "power"]
    assert normal == pytest.approx(stats.norm.cdf(h * math.sqrt(2.5) - 1.959964) + stats.norm.cdf(-h * math.sqrt(2.5)
                                                                                                   - 1.959964), abs=1e-6)
    message = str(caught[0].message)
    assert f"power {normal:.2f} for 5 against 5 councils" in message and f"has power {truth:.2f}" in message
    assert "method='midp'" in message


def test_normal_power_is_silent_where_the_two_agree():
    # 20 against 20 councils, 0.2 against 0.8: 0.983 and 0.981; 0.3 against 0.3: alpha, and the mid-p test's size
    assert abs(_midp_power(0.2, 0.8, 20, 20) - power_prevalence(p_a=0.2, p_b=0.8, n_a=20, method="normal").loc[0, "power"]) \
        < 0.01
    with warnings.catch_warnings():
        warnings.simplefilter("error", StatisticalWarning)
        power_prevalence(p_a=0.2, p_b=0.8, n_a=20)
        assert power_prevalence(p_a=0.3, p_b=0.3, n_a=5).loc[0, "power"] == 0.05


def test_councils_needed_normal_says_when_the_midp_test_falls_short():
    # 0.05 against 0.9, power 0.8: the normal answer is 4 councils a side; the mid-p test's power there is 0.53
    truth = _midp_power(0.05, 0.9, 4, 4)
    assert truth < 0.8 - 0.05
    with pytest.warns(StatisticalWarning, match=rf"needs 4 and 4 councils for power 0.8, .* has power {truth:.2f}"):
        got = councils_needed(p_a=0.05, p_b=0.9, power=0.8)
    assert (got.loc[0, "n_a"], got.loc[0, "n_b"]) == (4, 4)
    # where the mid-p power at the normal answer is close to the target, nothing is said (0.45 against 0.65: 96)
    with warnings.catch_warnings():
        warnings.simplefilter("error", StatisticalWarning)
        assert councils_needed(p_a=0.45, p_b=0.65, power=0.8).loc[0, "n_a"] == 96


@pytest.mark.parametrize("seed", [92111, 92112, 92113])
def test_signed_rank_p_with_ties_and_zeros_is_every_sign_pattern(seed):
    rng = np.random.default_rng(seed)
    first = rng.integers(0, 4, 9).astype(float)
    last = first + rng.choice([-2, -1, 0, 1, 1, 2], 9)
    d = pd.DataFrame({"council": np.tile(np.arange(9), 2), "wave": np.repeat([1, 2], 9), "y": np.r_[first, last]})
    got = change_over_time(d, outcome="y", time="wave", unit="council", adjust=None).iloc[0]
    diff = (last - first)[last != first]  # Wilcoxon's zeros dropped, ties given mid-ranks
    ranks = stats.rankdata(np.abs(diff))
    centred = ranks[diff > 0].sum() - ranks.sum() / 2
    signs = np.array(list(itertools.product([0, 1], repeat=len(diff))))
    every = signs @ ranks - ranks.sum() / 2
    assert got["p_value"] == pytest.approx(np.mean(np.abs(every) >= abs(centred) - 1e-9), rel=1e-12)


def test_signed_rank_p_at_the_lattice_edge():
    # every one of 6 councils rises, by tied amounts: the smallest p there is, 2 / 2^6
    d = pd.DataFrame({"council": np.tile(np.arange(6), 2), "wave": np.repeat([1, 2], 6),
                      "y": [1, 2, 3, 1, 2, 3, 2, 3, 4, 3, 4, 5.0]})
    assert change_over_time(d, outcome="y", time="wave", unit="council", adjust=None).loc[0, "p_value"] == 2 / 64


def _cochran_q(m: np.ndarray) -> float:
    """Cochran's Q of a units x times 0/1 matrix (Cochran 1950)."""
    k = m.shape[1]
    c, r, total = m.sum(axis=0), m.sum(axis=1), m.sum()
    denominator = k * total - (r**2).sum()
    return (k - 1) * (k * (c**2).sum() - total**2) / denominator if denominator else 0.0


@pytest.mark.parametrize(("values", "edge"), [
    ([[1, 0, 0], [1, 1, 0], [1, 0, 0], [1, 1, 1], [0, 0, 0], [1, 0, 1]], None),
    # the lattice's edge: the five councils that change have their one event at the same wave, the most extreme
    # outcome there is, which 3 of the 3^5 equally likely placements give: p = 1/81 (the unchanging council adds
    # nothing)
    ([[1, 0, 0], [1, 0, 0], [1, 0, 0], [1, 0, 0], [1, 0, 0], [0, 0, 0]], 1 / 81),
])
def test_cochran_q_p_is_every_order_of_each_councils_values(values, edge):
    v = np.array(values)
    d = pd.DataFrame({"council": np.repeat(np.arange(len(v)), 3), "wave": np.tile([1, 2, 3], len(v)), "y": v.ravel()})
    got = change_over_time(d, outcome="y", time="wave", unit="council", adjust=None).loc[0, "p_value"]
    observed = _cochran_q(v)
    orders = [list(itertools.permutations(row)) for row in v]  # each order equally likely under no change
    q = [_cochran_q(np.array(combo)) for combo in itertools.product(*orders)]
    assert got == pytest.approx(np.mean(np.array(q) >= observed - 1e-9), rel=1e-12)
    if edge is not None:
        assert got == pytest.approx(edge, rel=1e-12)


@pytest.mark.parametrize(("n_a", "n_b"), [(2, 2), (2, 3), (2, 6), (4, 4)])
def test_rank_test_with_a_status_group_of_two_councils(n_a, n_b):
    # every council of the first group above every one of the second: the smallest two-sided p, 2 / C(n, n_a)
    rng = np.random.default_rng(92120 + 10 * n_a + n_b)
    a, b = 10 + rng.random(n_a), rng.random(n_b)
    d = pd.DataFrame({"group": ["in"] * n_a + ["out"] * n_b, "y": np.r_[a, b]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = compare_groups(d, outcome="y", group="group").iloc[0]
    edge = 2 / math.comb(n_a + n_b, n_a)
    assert got["p_value"] == pytest.approx(edge, rel=1e-12)
    assert got["p_value"] == pytest.approx(stats.mannwhitneyu(a, b, method="exact").pvalue, rel=1e-12)
    differences = np.subtract.outer(b, a).ravel()  # the sign of compare_groups' difference: second group - first
    assert got["difference"] == pytest.approx(np.median(differences), rel=1e-12)
    if edge > 0.05:  # no outcome of these councils reaches alpha: no interval either
        assert np.isnan(got["difference_ci_low"]) and np.isnan(got["difference_ci_high"])
    else:  # 4 against 4: 2 P(U <= 0) = 2/70 <= 0.05 < 2 P(U <= 1) = 4/70, so the interval is every difference
        assert (got["difference_ci_low"], got["difference_ci_high"]) == pytest.approx(
            (differences.min(), differences.max()), rel=1e-12)


@pytest.mark.parametrize("method", ["holm", "fdr_bh", "bonferroni", "fdr_by", "hommel"])
def test_adjusted_p_with_ties_ones_and_a_missing_p(method):
    p = np.array([0.01, 0.01, 0.04, 1.0, np.nan, 0.04, 0.2, 0.0])
    got = adjust_pvalues(p, method=method)
    present = ~np.isnan(p)
    assert np.isnan(got[~present]).all()
    np.testing.assert_allclose(got[present], multipletests(p[present], method=method)[1], rtol=1e-12, atol=1e-15)

"""Tests of impact.stats power planning: power_prevalence, councils_needed, did_power."""

import numpy as np
import pytest
from scipy import stats

from impact.stats import councils_needed, did_power, power_prevalence


def test_normal_power_matches_cohens_formula():
    # Cohen (1988) ch. 6: h = 2 asin(sqrt(p_b)) - 2 asin(sqrt(p_a)); two-sided power
    # = Phi(|h| sqrt(n_a n_b / (n_a + n_b)) - z_{1 - alpha/2}) (+ the negligible other tail)
    p_a, p_b, n_a, n_b = 0.45, 0.65, 40, 80
    h = 2 * np.arcsin(np.sqrt(p_b)) - 2 * np.arcsin(np.sqrt(p_a))
    shift = abs(h) * np.sqrt(n_a * n_b / (n_a + n_b))
    expected = stats.norm.cdf(shift - 1.959964) + stats.norm.cdf(-shift - 1.959964)
    res = power_prevalence(p_a, p_b, n_a=n_a, n_b=n_b).iloc[0]
    assert res["cohens_h"] == pytest.approx(h)
    assert res["power"] == pytest.approx(expected, abs=1e-6)


def test_exact_power_matches_enumeration_with_scipy():
    # independent check: every possible table, scipy's Fisher test, binomial weights
    p_a, p_b, n_a, n_b = 0.2, 0.7, 10, 20
    exact = power_prevalence(p_a, p_b, n_a=n_a, n_b=n_b, method="exact").loc[0, "power"]
    expected = sum(
        stats.binom.pmf(a, n_a, p_a) * stats.binom.pmf(b, n_b, p_b)
        for a in range(n_a + 1)
        for b in range(n_b + 1)
        if stats.fisher_exact([[a, n_a - a], [b, n_b - b]]).pvalue <= 0.05
    )
    assert exact == pytest.approx(expected, abs=1e-9)
    midp = power_prevalence(p_a, p_b, n_a=n_a, n_b=n_b, method="midp").loc[0, "power"]
    assert midp > exact  # mid-p rejects whenever Fisher's test does, and more often
    # size under the null: the exact test never exceeds alpha
    assert power_prevalence(0.3, 0.3, n_a=10, n_b=20, method="exact").loc[0, "power"] <= 0.05


def test_councils_needed():
    normal = councils_needed(0.45, 0.65, power=0.8).iloc[0]
    h = abs(2 * np.arcsin(np.sqrt(0.65)) - 2 * np.arcsin(np.sqrt(0.45)))
    assert normal["n_a"] == int(np.ceil(2 * (1.959964 + 0.841621) ** 2 / h**2))  # 96 per group
    exact = councils_needed(0.3, 0.8, power=0.8, ratio=2, method="exact").iloc[0]
    assert exact["n_b"] == int(np.ceil(exact["n_a"] * 2))
    assert exact["power"] >= 0.8
    below = power_prevalence(0.3, 0.8, n_a=exact["n_a"] - 1, n_b=(exact["n_a"] - 1) * 2, method="exact")
    assert below.loc[0, "power"] < 0.8  # the first n reaching the target
    with pytest.raises(ValueError, match="are equal"):
        councils_needed(0.4, 0.4)
    with pytest.raises(ValueError, match=r"`method` must be one of \['normal', 'exact', 'midp'\]"):
        councils_needed(0.4, 0.5, method="fisher")


def test_did_power_size_and_power():
    null = did_power(n_units=[12, 30], effect=0.0, n_sim=4000, seed=1)
    assert ((null["power"] > 0.035) & (null["power"] < 0.065)).all()  # size near alpha
    # analytic approximation: change-score contrast has SD sd * sqrt(1/n_pre + 1/n_post)
    res = did_power(n_units=40, effect=0.8, n_pre=1, n_post=2, n_sim=4000, seed=2).iloc[0]
    sd = np.sqrt(1 + 1 / 2)
    ncp = 0.8 / (sd * np.sqrt(1 / 20 + 1 / 20))
    approx = stats.nct.sf(stats.t.ppf(0.975, 39), 38, ncp)
    assert res["power"] == pytest.approx(approx, abs=0.04)

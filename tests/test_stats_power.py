"""Tests of impact.stats power planning: power_prevalence, councils_needed, did_power."""

import numpy as np
import pandas as pd
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
    res = power_prevalence(p_a=p_a, p_b=p_b, n_a=n_a, n_b=n_b).iloc[0]
    assert res["cohens_h"] == pytest.approx(h)
    assert res["power"] == pytest.approx(expected, abs=1e-6)


def test_exact_power_matches_enumeration_with_scipy():
    # independent check: every possible table, scipy's Fisher test, binomial weights
    p_a, p_b, n_a, n_b = 0.2, 0.7, 10, 20
    exact = power_prevalence(p_a=p_a, p_b=p_b, n_a=n_a, n_b=n_b, method="exact").loc[0, "power"]
    expected = sum(
        stats.binom.pmf(a, n_a, p_a) * stats.binom.pmf(b, n_b, p_b)
        for a in range(n_a + 1)
        for b in range(n_b + 1)
        if stats.fisher_exact([[a, n_a - a], [b, n_b - b]]).pvalue <= 0.05
    )
    assert exact == pytest.approx(expected, abs=1e-9)
    midp = power_prevalence(p_a=p_a, p_b=p_b, n_a=n_a, n_b=n_b, method="midp").loc[0, "power"]
    assert midp > exact  # mid-p rejects whenever Fisher's test does, and more often
    # size under the null: the exact test never exceeds alpha
    assert power_prevalence(p_a=0.3, p_b=0.3, n_a=10, n_b=20, method="exact").loc[0, "power"] <= 0.05


def test_councils_needed():
    normal = councils_needed(p_a=0.45, p_b=0.65, power=0.8).iloc[0]
    h = abs(2 * np.arcsin(np.sqrt(0.65)) - 2 * np.arcsin(np.sqrt(0.45)))
    assert normal["n_a"] == int(np.ceil(2 * (1.959964 + 0.841621) ** 2 / h**2))  # 96 per group
    exact = councils_needed(p_a=0.3, p_b=0.8, power=0.8, ratio=2, method="exact").iloc[0]
    assert exact["n_b"] == int(np.ceil(exact["n_a"] * 2))
    assert exact["power"] >= 0.8
    below = power_prevalence(p_a=0.3, p_b=0.8, n_a=exact["n_a"] - 1, n_b=(exact["n_a"] - 1) * 2, method="exact")
    assert below.loc[0, "power"] < 0.8  # the first n reaching the target
    with pytest.raises(ValueError, match="are equal"):
        councils_needed(p_a=0.4, p_b=0.4)
    with pytest.raises(ValueError, match=r"`method` must be one of \['normal', 'exact', 'midp'\]"):
        councils_needed(p_a=0.4, p_b=0.5, method="fisher")


def test_did_power_size_and_power():
    null = did_power(n_units=[12, 30], effect=0.0, n_sim=4000, seed=1)
    assert ((null["power"] > 0.035) & (null["power"] < 0.065)).all()  # size near alpha
    # analytic approximation: change-score contrast has SD sd * sqrt(1/n_pre + 1/n_post)
    res = did_power(n_units=40, effect=0.8, n_pre=1, n_post=2, n_sim=4000, seed=2).iloc[0]
    sd = np.sqrt(1 + 1 / 2)
    ncp = 0.8 / (sd * np.sqrt(1 / 20 + 1 / 20))
    approx = stats.nct.sf(stats.t.ppf(0.975, 39), 38, ncp)
    assert res["power"] == pytest.approx(approx, abs=0.04)


def test_did_power_is_the_power_of_did(rng):
    # did_power plans for did()'s own test (CR2 with Bell-McCaffrey df). Panel by panel: the replicate
    # statistic of did_power's formula equals did()'s t and df on the same simulated panel ...
    import warnings

    from impact.stats import did

    n_t, n_c, n_pre, n_post = 3, 7, 2, 2
    rejections = []
    for _ in range(60):
        units, times = n_t + n_c, n_pre + n_post
        panel = pd.DataFrame({"council": np.repeat(np.arange(units), times), "year": np.tile(np.arange(times), units)})
        panel["treated"] = panel["council"] < n_t
        panel["post"] = panel["year"] >= n_pre
        panel["y"] = (np.repeat(rng.normal(0, 2, units), times) + rng.normal(0, 1, len(panel))
                      + 1.2 * (panel["treated"] & panel["post"]))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            row = did(panel, outcome="y", unit="council", time="year", treated="treated", post="post",
                      n_permutations=0).params.loc["treated_post"]
        change = panel.pivot_table(index="council", columns="post", values="y").diff(axis=1)[True].to_numpy()
        se = np.sqrt(change[:n_t].var(ddof=1) / n_t + change[n_t:].var(ddof=1) / n_c)
        assert row["statistic"] == pytest.approx((change[:n_t].mean() - change[n_t:].mean()) / se, rel=1e-8)
        assert row["df"] == pytest.approx((1 / 3 + 1 / 7) ** 2 / (1 / (9 * 2) + 1 / (49 * 6)), rel=1e-9)
        rejections.append(row["p_value"] <= 0.05)
    # ... and over those panels did() rejects at the rate did_power predicts (3 Monte Carlo SEs)
    planned = did_power(n_units=10, effect=1.2, treated_share=0.3, n_pre=2, n_post=2, n_sim=20_000, seed=4).iloc[0]
    assert (planned["n_treated"], planned["n_control"]) == (3, 7)
    mc = np.sqrt(planned["power"] * (1 - planned["power"]) / len(rejections))
    assert np.mean(rejections) == pytest.approx(planned["power"], abs=3 * mc + planned["mc_se"])

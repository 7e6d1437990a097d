"""Independent cross-checks of the statistics, round 8: the functions whose earlier checks were thinnest.

- ``clustered_prevalence``: the ratio estimator's variance against statsmodels' cluster-robust variance of an
  intercept-only regression, and the interval against the Wilson score equation solved here, at the edges (five
  councils of unequal size, one council in a group, an outcome that never varies, a group missing at a wave); a row
  with no cluster is refused by name (it used to drop out of every count without a word).
- Newcombe's hybrid score interval against the eight worked examples of Newcombe (1998), zero cells included.
- ``compare_groups``' permutation test of a continuous outcome (ties, three groups, a group of one council, five
  councils) against every distinct assignment enumerated here; a group with no council at a wave keeps the other
  group's prevalence.
- ``adjust_pvalues``' Hommel, Benjamini-Yekutieli and Bonferroni adjustments against their definitions (Hommel's
  as the closed test of Simes's tests over every subset).
- ``councils_needed`` (exact and mid-p) against a scan of the exact power from two councils up.

Seeds 90801 to 90899 are used nowhere else in the repository.
"""

import itertools
import math

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from scipy import stats

from impact.stats import adjust_pvalues, clustered_prevalence, compare_groups, councils_needed
from impact.stats._exact import _newcombe

# ---------------------------------------------------------------------------------------------------------------
# clustered_prevalence


def _wilson_roots(p: float, n: float, q: float) -> tuple[float, float]:
    """The two pi with (p - pi)^2 = q^2 pi (1 - pi) / n: Wilson's score interval, as the roots of its quadratic."""
    k = q**2 / n
    roots = np.sort(np.roots([1 + k, -(2 * p + k), p**2]).real)
    return float(max(roots[0], 0.0)), float(min(roots[1], 1.0))


def _clustered_by_hand(y: np.ndarray, cluster: np.ndarray, alpha: float) -> dict:
    """Prevalence, design effect and interval from statsmodels' cluster-robust variance of the mean.

    An intercept-only OLS fit has the mean as its estimate; its cluster-robust (CR1) variance is
    G / (G - 1) * (N - 1) / (N - K) * sum_g (sum_i in g (y_i - p))^2 / N^2, and with K = 1 parameter that is the
    linearisation variance of the ratio estimator the function documents."""
    n, g = len(y), len(np.unique(cluster))
    p = float(y.mean())
    if g > 1 and 0 < p < 1:
        codes = pd.factorize(cluster)[0]
        fit = sm.OLS(y, np.ones((n, 1))).fit(cov_type="cluster", cov_kwds={"groups": codes})
        deff = max(float(fit.bse[0]) ** 2 / (p * (1 - p) / n), 1.0)
    else:
        deff = 1.0
    if g == 1:
        return dict(n=n, prevalence=p, design_effect=deff, ci_low=0.0, ci_high=1.0)
    low, high = _wilson_roots(p, n / deff, stats.t.ppf(1 - alpha / 2, g - 1))
    return dict(n=n, prevalence=p, design_effect=deff, ci_low=low, ci_high=high)


def _clustered_frame(seed: int) -> pd.DataFrame:
    """Five councils of 1 to 9 participants at two waves; council e has one participant and is the only council in
    intervention; at wave 2 council b is not seen; 'never' is never reported, 'always' always."""
    rng = np.random.default_rng(seed)
    rows = []
    sizes = {"a": 9, "b": 4, "c": 6, "d": 2, "e": 1}
    for wave in (1, 2):
        for council, size in sizes.items():
            if wave == 2 and council == "b":
                continue
            status = "in" if council == "e" else "out"
            level = rng.uniform(0.1, 0.9)
            for _ in range(size):
                rows.append(dict(wave=wave, council=council, status=status, helped=int(rng.random() < level),
                                 never=0, always=1))
    return pd.DataFrame(rows)


@pytest.mark.parametrize("seed", [90801, 90802, 90803])
@pytest.mark.parametrize("outcome", ["helped", "never", "always"])
def test_clustered_prevalence_is_the_linearised_ratio_estimator_with_a_wilson_t_interval(seed, outcome):
    data = _clustered_frame(seed)
    out = clustered_prevalence(data, outcome=outcome, cluster="council", group="status", by="wave")
    assert len(out) == 4
    for row in out.itertuples():
        cell = data[(data["wave"] == row.wave) & (data["status"] == row.group)]
        expected = _clustered_by_hand(cell[outcome].to_numpy(float), cell["council"].to_numpy(), 0.05)
        assert row.n == expected["n"] and row.n_clusters == cell["council"].nunique()
        assert row.prevalence == pytest.approx(expected["prevalence"])
        assert row.design_effect == pytest.approx(expected["design_effect"], rel=1e-9)
        assert (row.ci_low, row.ci_high) == pytest.approx((expected["ci_low"], expected["ci_high"]), abs=1e-9)
    # all councils together at 90%: five councils at wave 1, four at wave 2
    whole = clustered_prevalence(data, outcome=outcome, cluster="council", by="wave", alpha=0.1)
    for row in whole.itertuples():
        cell = data[data["wave"] == row.wave]
        expected = _clustered_by_hand(cell[outcome].to_numpy(float), cell["council"].to_numpy(), 0.1)
        assert (row.ci_low, row.ci_high) == pytest.approx((expected["ci_low"], expected["ci_high"]), abs=1e-9)


def test_equal_clusters_of_one_row_each_give_the_plain_wilson_interval_with_a_t_quantile():
    """Clusters of one row each: the cluster-robust variance is G / (G - 1) times the binomial one, the design
    effect G / (G - 1), so the interval is Wilson's on (G - 1) rows with t(G - 1)."""
    y = np.array([1, 0, 0, 1, 1, 0, 0])
    out = clustered_prevalence(pd.DataFrame({"c": range(7), "y": y}), outcome="y", cluster="c").iloc[0]
    assert out["design_effect"] == pytest.approx(7 / 6)
    assert (out["ci_low"], out["ci_high"]) == pytest.approx(_wilson_roots(3 / 7, 6, stats.t.ppf(0.975, 6)))


def test_a_row_without_a_cluster_is_refused_by_name_not_dropped():
    """Two of eight rows have no council. They used to drop out of every count (n 6, no warning), so the prevalence
    of the other six rows was given as everyone's."""
    data = pd.DataFrame({"council": ["a", "a", "b", "b", None, np.nan, "d", "d"], "y": [1, 0, 1, 1, 0, 0, 0, 1]},
                        index=[10, 11, 12, 13, 14, 15, 16, 17])
    with pytest.raises(ValueError, match=r"'council' given as `cluster` is missing in 2 rows.*rows 14, 15"):
        clustered_prevalence(data, outcome="y", cluster="council")
    # a row with neither outcome nor cluster has nothing to count and is left out, as a missing outcome is
    blank = data.assign(y=data["y"].where(data["council"].notna()))
    assert clustered_prevalence(blank, outcome="y", cluster="council").loc[0, "n"] == 6
    with pytest.raises(ValueError, match=r"'y' given as `outcome` must hold 0/1 or True/False, but it holds 2 on 1 row \(12\)"):
        clustered_prevalence(data.assign(y=[1, 0, 2, 1, 0, 0, 0, 1], council="a"), outcome="y", cluster="council")


# ---------------------------------------------------------------------------------------------------------------
# Newcombe's hybrid score interval (compare_groups' risk difference)

# Newcombe, R. G. (1998). Interval estimation for the difference between independent proportions: comparison of
# eleven methods. Statistics in Medicine 17, 873-890, Table II, method 10 (score interval for each proportion,
# combined), 95% limits for p1 - p2 in his eight examples (a) to (h), given to four decimals.
NEWCOMBE_1998 = [
    ((56, 70, 48, 80), (0.0524, 0.3339)),
    ((9, 10, 3, 10), (0.1705, 0.8090)),
    ((6, 7, 2, 7), (0.0582, 0.8062)),
    ((5, 56, 0, 29), (-0.0381, 0.1926)),
    ((0, 10, 0, 20), (-0.1611, 0.2775)),
    ((0, 10, 0, 10), (-0.2775, 0.2775)),
    ((10, 10, 0, 20), (0.6791, 1.0000)),
    ((10, 10, 0, 10), (0.6075, 1.0000)),
]


@pytest.mark.parametrize(("table", "limits"), NEWCOMBE_1998)
def test_risk_difference_interval_is_newcombes_published_method_10(table, limits):
    e1, n1, e0, n0 = table
    assert tuple(map(float, _newcombe(e1, n1, e0, n0, 0.05))) == pytest.approx(limits, abs=5e-5)
    # through compare_groups: group b is the first proportion of Newcombe's difference
    frame = pd.DataFrame({"g": ["a"] * n0 + ["b"] * n1, "y": [1] * e0 + [0] * (n0 - e0) + [1] * e1 + [0] * (n1 - e1)})
    row = compare_groups(frame, outcome="y", group="g").iloc[0]
    assert (row["ci_low"], row["ci_high"]) == pytest.approx(limits, abs=5e-5)


# ---------------------------------------------------------------------------------------------------------------
# compare_groups: the permutation test against every assignment


def _every_assignment_p(y: np.ndarray, g: np.ndarray) -> tuple[float, int]:
    """Share of the distinct assignments of the group sizes to the units whose Kruskal-Wallis H (scipy, with its
    tie correction) is at least the observed one (the observed assignment among them)."""
    labels, counts = np.unique(g, return_counts=True)
    n = len(y)

    def h(assign: np.ndarray) -> float:
        return float(stats.kruskal(*[y[assign == lab] for lab in labels]).statistic)

    observed = h(g)
    total = exceed = 0

    def place(depth: int, free: tuple, assign: np.ndarray) -> None:
        nonlocal total, exceed
        if depth == len(labels) - 1:
            assign = assign.copy()
            assign[list(free)] = labels[depth]
            total += 1
            exceed += h(assign) >= observed - 1e-9
            return
        for chosen in itertools.combinations(free, int(counts[depth])):
            nxt = assign.copy()
            nxt[list(chosen)] = labels[depth]
            place(depth + 1, tuple(i for i in free if i not in chosen), nxt)

    place(0, tuple(range(n)), np.empty(n, dtype=g.dtype))
    assert total == math.factorial(n) // math.prod(math.factorial(int(c)) for c in counts)
    return exceed / total, total


PERMUTATION_CASES = [
    # three groups with ties
    ([1, 2, 2, 3, 3, 3, 5, 5], list("aaabbbcc")),
    # three groups, one of a single council, heavy ties
    ([0, 0, 0, 1, 1, 2, 2, 2], list("abbbbbcc")),
    # two groups with ties (8 councils)
    ([1, 2, 2, 3, 3, 3, 5, 5], list("aaaabbbb")),
    # three groups, ties and one outlying council: the test is of ranks (p 0.054), not values (p 0.29)
    ([0.1, 0.2, 0.2, 9.0, 0.4, 0.5, 0.5, 0.6, 0.7], list("aaabbbccc")),
    # five councils, two groups, a tie
    ([0.2, 0.5, 0.5, 0.9, 0.7], list("aabbb")),
]


@pytest.mark.filterwarnings("ignore:1 comparison has a group with fewer than two units")
@pytest.mark.parametrize(("y", "g"), PERMUTATION_CASES)
def test_permutation_p_of_a_continuous_outcome_is_the_share_of_every_assignment(y, g):
    y, g = np.array(y, dtype=float), np.array(g)
    exact, total = _every_assignment_p(y, g)
    res = compare_groups(pd.DataFrame({"g": g, "y": y}), outcome="y", group="g", method="permutation",
                         n_resamples=20_000, seed=90804, outcome_type="continuous").iloc[0]
    assert res["test"] == "permutation"
    # 20,000 resamples: Monte Carlo SE at most 0.0036; 4.5 SE
    assert res["p_value"] == pytest.approx(exact, abs=0.016)
    if len(np.unique(g)) > 2:
        assert res["statistic"] == pytest.approx(stats.kruskal(*[y[g == lab] for lab in np.unique(g)]).statistic)


def test_a_group_with_no_council_at_a_wave_keeps_the_other_groups_prevalence():
    """At wave 2 no council in intervention was seen: there is nothing to compare, but the three councils not in
    intervention still have a prevalence (2 of 3) and its Wilson interval, which were NaN."""
    data = pd.DataFrame({"wave": [1] * 5 + [2] * 3, "g": list("aabbbaaa"), "y": [1, 0, 1, 1, 0, 1, 1, 0]})
    with pytest.warns(Warning, match="fewer than two units"):
        out = compare_groups(data, outcome="y", group="g", by="wave").set_index("wave")
    second = out.loc[2]
    assert (second["n_a"], second["n_b"], second["events_a"]) == (3, 0, 2)
    assert second["prevalence_a"] == pytest.approx(2 / 3)
    z = stats.norm.ppf(0.975)
    assert (second["prevalence_a_ci_low"], second["prevalence_a_ci_high"]) == pytest.approx(_wilson_roots(2 / 3, 3, z))
    assert np.isnan(second["prevalence_b"]) and np.isnan(second["p_value"]) and np.isnan(second["effect"])
    first = out.loc[1]
    assert first["prevalence_b"] == pytest.approx(2 / 3)
    assert (first["prevalence_b_ci_low"], first["prevalence_b_ci_high"]) == pytest.approx(_wilson_roots(2 / 3, 3, z))


# ---------------------------------------------------------------------------------------------------------------
# adjust_pvalues


def _hommel_closed_test(p: np.ndarray) -> np.ndarray:
    """Hommel (1988) as the closed test of Simes's tests: p_i adjusted is the largest Simes p of a subset holding
    i, Simes's p of a subset of s being min_j s p_(j) / j (Wright 1992, Biometrics 48, 1005-1013)."""
    m = len(p)
    out = np.zeros(m)
    for size in range(1, m + 1):
        for subset in itertools.combinations(range(m), size):
            simes = min(1.0, float(np.min(size * np.sort(p[list(subset)]) / np.arange(1, size + 1))))
            out[list(subset)] = np.maximum(out[list(subset)], simes)
    return out


def _by(p: np.ndarray) -> np.ndarray:
    """Benjamini and Yekutieli (2001): BH times sum_{k <= m} 1/k, step-up, at most 1."""
    m = len(p)
    order = np.argsort(p)
    scaled = p[order] * m * np.sum(1 / np.arange(1, m + 1)) / np.arange(1, m + 1)
    stepped = np.minimum.accumulate(scaled[::-1])[::-1]
    out = np.empty(m)
    out[order] = np.minimum(stepped, 1)
    return out


def test_hommel_benjamini_yekutieli_and_bonferroni_are_their_definitions():
    rng = np.random.default_rng(90805)
    for trial in range(60):
        m = int(rng.integers(2, 8))
        p = rng.random(m) ** rng.uniform(1, 4)
        if trial % 3 == 0:
            p[1] = p[0]  # ties
        if trial % 5 == 0:
            p[-1] = 1.0
        assert adjust_pvalues(p, method="hommel") == pytest.approx(_hommel_closed_test(p), abs=1e-12)
        assert adjust_pvalues(p, method="fdr_by") == pytest.approx(_by(p), abs=1e-12)
        assert adjust_pvalues(p, method="bonferroni") == pytest.approx(np.minimum(p * m, 1), abs=1e-12)
        with_nan = np.insert(p, 1, np.nan)  # a test that could not be run is not in the family
        hommel = adjust_pvalues(with_nan, method="hommel")
        assert np.isnan(hommel[1]) and np.delete(hommel, 1) == pytest.approx(_hommel_closed_test(p), abs=1e-12)


# ---------------------------------------------------------------------------------------------------------------
# councils_needed


def _exact_power(p_a, p_b, n_a, n_b, alpha, midp):
    """Power of Fisher's test (or its mid-p) from scipy's hypergeometric, every table of two binomials."""
    power = 0.0
    for ea in range(n_a + 1):
        for eb in range(n_b + 1):
            m = ea + eb
            k = np.arange(max(0, m - n_a), min(m, n_b) + 1)
            pmf = stats.hypergeom.pmf(k, n_a + n_b, m, n_b)
            observed = stats.hypergeom.pmf(eb, n_a + n_b, m, n_b)
            as_likely = np.isclose(pmf, observed, rtol=1e-7, atol=0)
            p = pmf[(pmf <= observed) | as_likely].sum() - (0.5 * pmf[as_likely].sum() if midp else 0.0)
            if len(k) > 1 and p <= alpha:
                power += stats.binom.pmf(ea, n_a, p_a) * stats.binom.pmf(eb, n_b, p_b)
    return power


@pytest.mark.parametrize(("p_a", "p_b", "ratio"), [(0.1, 0.8, 1.0), (0.2, 0.9, 2.0), (0.05, 0.7, 1.0)])
@pytest.mark.parametrize("method", ["exact", "midp"])
def test_councils_needed_is_the_first_number_whose_exact_power_stays_above_the_target(p_a, p_b, ratio, method):
    # the smallest n from which power stays at or above the target (statistics round 13; it was the first n reaching
    # it, which at 0.2 against 0.9, ratio 2, mid-p, is 4, with 5 short again)
    res = councils_needed(p_a=p_a, p_b=p_b, power=0.8, ratio=ratio, method=method).iloc[0]
    first = 1 + max(n for n in range(1, int(res["n_a"]) + 15)
                    if _exact_power(p_a, p_b, n, math.ceil(n * ratio), 0.05, method == "midp") < 0.8)
    assert res["n_a"] == first and res["n_b"] == math.ceil(first * ratio)
    assert res["power"] == pytest.approx(_exact_power(p_a, p_b, first, math.ceil(first * ratio), 0.05,
                                                      method == "midp"), abs=1e-12)


# ---------------------------------------------------------------------------------------------------------------
# did: the rows it is given


def _did_panel(seed: int) -> pd.DataFrame:
    """12 councils x 4 periods; councils 0-4 treated from period 2, council 0 from period 1; councils 10 and 11
    miss period 0 (unbalanced)."""
    rng = np.random.default_rng(seed)
    rows = []
    for c in range(12):
        for t in range(4):
            if c >= 10 and t == 0:
                continue
            on = (c < 5 and t >= 2) or (c == 0 and t >= 1)
            rows.append(dict(council=c, period=t, d=int(on), y=rng.normal() + 0.4 * c + 0.3 * t + 1.5 * on))
    return pd.DataFrame(rows)


@pytest.mark.filterwarnings("ignore::Warning")
@pytest.mark.parametrize("seed", [90830, 90831])
def test_did_is_the_dummy_regression_on_the_treatment_column(seed):
    """Planted: the estimate is OLS of y on the treatment, council and period dummies (statsmodels), on an
    unbalanced panel with two start times; the CR1 error is statsmodels' cluster sandwich of that regression times
    G / (G - 1) (N - 1) / (N - K), K the treatment, the three period dummies and the constant (Stata's ``xtreg, fe
    vce(cluster)``: the council effects, nested in the clusters, do not count), on t(G - 1)."""
    from impact.stats import did

    panel = _did_panel(seed)
    fit = sm.OLS.from_formula("y ~ d + C(council) + C(period)", panel).fit(
        cov_type="cluster", cov_kwds={"groups": panel["council"], "use_correction": False})
    res = did(panel, outcome="y", unit="council", time="period", treated="d", n_permutations=0)
    assert res.params.loc["treated_post", "estimate"] == pytest.approx(fit.params["d"], rel=1e-9)
    cr1 = did(panel, outcome="y", unit="council", time="period", treated="d", n_permutations=0,
              cov_type="cr1").params.loc["treated_post"]
    g, n, k = 12, len(panel), 1 + 3 + 1
    assert cr1["se"] == pytest.approx(fit.bse["d"] * np.sqrt(g / (g - 1) * (n - 1) / (n - k)), rel=1e-9)
    assert cr1["df"] == g - 1


@pytest.mark.filterwarnings("ignore::Warning")
def test_did_refuses_a_treatment_that_goes_back_to_zero():
    """Council 1's status ends at period 3. did used its first treated period and counted it as treated there too:
    1.48 on this panel (seed 90832), where the regression on the column gives 1.38, with nothing said."""
    from impact.stats import did

    panel = _did_panel(90832)
    panel.index = panel.index + 100
    ended = panel.index[(panel["council"] == 1) & (panel["period"] == 3)]
    panel.loc[ended, "d"] = 0
    with pytest.raises(ValueError, match=r"'d' given as `treated` \(without `post`\) must stay 1 .* 1 row "
                                         rf"\(rows {ended[0]}\), e\.g\. council 1 at period 3, after its start at 2"):
        did(panel, outcome="y", unit="council", time="period", treated="d", n_permutations=0)


@pytest.mark.filterwarnings("ignore::impact.errors.SmallSampleWarning")
@pytest.mark.filterwarnings("ignore::impact.stats.StaggeredAdoptionWarning")
def test_did_refuses_rows_it_cannot_place_and_names_rows_it_leaves_out():
    """A row with no council gave numpy's "'list' argument must have no negative elements"; a council with two rows
    at one period counted twice in the estimate; a row with no outcome was left out without a word."""
    from impact.stats import MissingValueWarning, did

    panel = _did_panel(90833)
    kwargs = dict(outcome="y", unit="council", time="period", treated="d", n_permutations=0)
    no_unit = panel.astype({"council": float})
    no_unit.loc[7, "council"] = np.nan
    with pytest.raises(ValueError, match=r"'council' given as `unit` is missing in 1 row .*\(rows 7\)"):
        did(no_unit, **kwargs)
    with pytest.raises(ValueError, match=r"one row per unit and period, but 4 rows repeat a \('council', 'period'\) "
                                         r"pair \(rows 8, 9, 8, 9\)"):
        did(pd.concat([panel, panel.loc[[8, 9]]]), **kwargs)
    gaps = panel.copy()
    gaps.loc[[3, 20], "y"] = np.nan
    with pytest.warns(MissingValueWarning, match=r"2 of 46 rows have no 'y', 'd' or 'period' .*\(rows 3, 20\)"):
        left = did(gaps, **kwargs)
    assert left.n_obs == 44
    assert left.params.loc["treated_post", "estimate"] == pytest.approx(
        did(panel.drop(index=[3, 20]), **kwargs).params.loc["treated_post", "estimate"])


# ---------------------------------------------------------------------------------------------------------------
# multiple imputation: Rubin's rules as mice::pool gives them


def _pool_as_mice(estimates: np.ndarray, ses: np.ndarray, dfcom: float, alpha: float) -> dict:
    """R's mice::pool for one term (pool.vector and barnard.rubin, mice 3.16): Rubin (1987) 3.1.2-3.1.10 with the
    Barnard-Rubin (1999) df. mice floors lambda at 1e-4 in the df, which for a term with nothing missing (no
    between-imputation variance) takes 1e-4 of the df off (35.146 for 35.150 here); that floor is left out."""
    m = len(estimates)
    qbar, ubar, b = estimates.mean(), np.mean(ses**2), estimates.var(ddof=1)
    t = ubar + (1 + 1 / m) * b
    lam = (1 + 1 / m) * b / t
    dfold = (m - 1) / lam**2
    dfobs = (dfcom + 1) / (dfcom + 3) * dfcom * (1 - lam)
    df = 1 / (1 / dfold + 1 / dfobs) if np.isfinite(dfcom) else dfold  # dfold * dfobs / (dfold + dfobs)
    riv = (1 + 1 / m) * b / ubar
    half = stats.t.ppf(1 - alpha / 2, df) * np.sqrt(t)
    return dict(estimate=qbar, se=np.sqrt(t), df=df, p_value=2 * stats.t.sf(abs(qbar) / np.sqrt(t), df),
                ci_low=qbar - half, ci_high=qbar + half, fmi=(riv + 2 / (df + 3)) / (riv + 1), **{"lambda": lam})


def dropout_panel(seed: int, n: int, *, status_effect: float, drop_in_intervention: float) -> pd.DataFrame:
    """``n`` councils x 3 waves of a continuous outcome (council intercepts, every third council in intervention,
    ``status_effect`` on it), missing at the later waves with chance ``drop_in_intervention`` in councils in
    intervention and 0.1 in the others; also read by tests/test_stats_round22.py."""
    rng = np.random.default_rng(seed)
    status = (np.arange(n) % 3 == 0).astype(int)
    unit, wave = np.repeat(np.arange(n), 3), np.tile([0, 1, 2], n)
    y = 1 + 0.5 * wave + status_effect * status[unit] + np.repeat(rng.normal(0, 1, n), 3) + rng.normal(0, 1, 3 * n)
    drop = rng.random(3 * n) < np.where(wave == 0, 0.0, np.where(status[unit] == 1, drop_in_intervention, 0.1))
    return pd.DataFrame({"council": unit, "wave": wave, "status": status[unit], "y": np.where(drop, np.nan, y)})


@pytest.mark.filterwarnings("ignore::Warning")
def test_multiple_imputation_is_pooled_as_mice_pool_does(monkeypatch):
    """40 councils x 3 waves, councils in intervention dropping out more (seed 90840), 4 imputations: every pooled
    column against mice's formulas applied to the imputed fits. `fmi` was lambda, (1 + 1/m) B / T; mice's fraction
    of missing information adds 2 / (df + 3) to the relative increase in variance."""
    from impact.stats import _models, longitudinal_model

    panel = dropout_panel(90840, 40, status_effect=2, drop_in_intervention=0.6)
    captured = []
    original = _models._rubin
    monkeypatch.setattr(_models, "_rubin", lambda fits, *a, **k: captured.append(fits) or original(fits, *a, **k))
    res = longitudinal_model(panel, formula="y ~ C(wave)", unit="council", time="wave", missing="mice",
                             response_covariates=["status"], n_imputations=4, seed=90841)
    fits = captured[0]
    for term in res.params.index:
        expected = _pool_as_mice(np.array([f.params.loc[term, "estimate"] for f in fits]),
                                 np.array([f.params.loc[term, "se"] for f in fits]),
                                 float(fits[0].params.loc[term, "df"]), 0.05)
        got = res.params.loc[term]
        for column, value in expected.items():
            assert got[column] == pytest.approx(value, rel=1e-9), (term, column)
    term = "C(wave)[T.2]"
    assert res.params.loc[term, "fmi"] - res.params.loc[term, "lambda"] > 0.01


# ---------------------------------------------------------------------------------------------------------------
# inverse-probability-of-response weights


@pytest.mark.filterwarnings("ignore::Warning")
@pytest.mark.parametrize(("seed", "first_wave_drop"), [(90850, 0.0), (90851, 0.1)])
def test_ipw_is_weighted_least_squares_with_cell_response_shares_and_a_weighted_bias_reduced_sandwich(
        seed, first_wave_drop):
    """24 councils x 3 waves, councils in intervention dropping out more (none, or some, at the first wave). With
    wave x status as the response model, the maximum-likelihood probability of response is each cell's share
    responding; the estimates are then weighted least squares, and the errors Mancl and DeRouen's (2001) with the
    weights, both written here with numpy. The package's response model was scikit-learn's (C = 1e4, tolerance
    1e-4): its estimates were off by up to 5e-4 (0.5464 for 0.5469)."""
    from impact.stats import longitudinal_model

    rng = np.random.default_rng(seed)
    n = 24
    status = (np.arange(n) % 3 == 0).astype(int)
    unit, wave = np.repeat(np.arange(n), 3), np.tile([0, 1, 2], n)
    s = status[unit]
    y = 1 + 0.5 * wave + 2 * s + np.repeat(rng.normal(0, 1, n), 3) + rng.normal(0, 1, 3 * n)
    drop = rng.random(3 * n) < np.where(wave == 0, first_wave_drop, np.where(s == 1, 0.5, 0.15))
    panel = pd.DataFrame({"council": unit, "wave": wave, "status": s, "y": np.where(drop, np.nan, y)})
    res = longitudinal_model(panel, formula="y ~ C(wave)", unit="council", time="wave", missing="ipw",
                             response_covariates=["status"])
    responded = ~drop
    cell = wave * 2 + s
    share = np.bincount(cell, weights=responded) / np.bincount(cell)
    w = (responded.mean() / share[cell])[responded]
    x = np.column_stack([np.ones(3 * n), wave == 1, wave == 2]).astype(float)[responded]
    yy, g = y[responded], unit[responded]
    bread = np.linalg.inv(x.T @ (w[:, None] * x))
    beta = bread @ x.T @ (w * yy)
    meat = np.zeros((3, 3))
    for c in np.unique(g):
        i = g == c
        h = x[i] @ bread @ (x[i] * w[i][:, None]).T
        score = (x[i] * w[i][:, None]).T @ np.linalg.solve(np.eye(int(i.sum())) - h, yy[i] - x[i] @ beta)
        meat += np.outer(score, score)
    se = np.sqrt(np.diag(bread @ meat @ bread))
    assert res.params["estimate"].to_numpy() == pytest.approx(beta, rel=1e-7)
    assert res.params["se"].to_numpy() == pytest.approx(se, rel=1e-6)


# ---------------------------------------------------------------------------------------------------------------
# firth_logistic: the rows it leaves out


def test_firth_names_the_rows_it_leaves_out_and_fits_the_rest():
    """12 councils x 2 rows; one row has no outcome, one no covariate and one no council. The three were left out
    without a word (longitudinal_model said so of the same rows); the fit is that of the other 21 rows."""
    from impact.stats import MissingValueWarning, firth_logistic

    rng = np.random.default_rng(90860)
    d = pd.DataFrame({"council": np.repeat(np.arange(12), 2), "x": rng.normal(size=24)})
    d["y"] = (rng.random(24) < 1 / (1 + np.exp(-d["x"]))).astype(float)
    d.index = d.index + 200
    gaps = d.astype({"council": float})
    gaps.loc[203, "y"] = np.nan
    gaps.loc[210, "x"] = np.nan
    gaps.loc[215, "council"] = np.nan
    with pytest.warns(MissingValueWarning, match=r"3 of 24 rows have a missing value in a variable of 'y ~ x' or the "
                                                 r"unit and were left out \(rows 203, 210, 215\)"):
        fit = firth_logistic(gaps, formula="y ~ x", unit="council")
    complete = firth_logistic(d.drop(index=[203, 210, 215]), formula="y ~ x", unit="council")
    assert fit.n_obs == 21
    pd.testing.assert_frame_equal(fit.params, complete.params)

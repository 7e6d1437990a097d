"""Tests of impact.stats.did (two-way fixed effects, event study, randomisation inference)."""

import itertools
import warnings

import numpy as np
import pandas as pd
import pytest
import statsmodels.formula.api as smf
from scipy import stats

from impact.errors import SmallSampleWarning
from impact.stats import NotIdentifiedError, NotIdentifiedWarning, StaggeredAdoptionWarning, did


@pytest.fixture
def card_krueger(shared_data):
    path = shared_data / "reference" / "card_krueger_mhe.csv"
    if not path.exists():
        pytest.skip(f"{path} not present")
    data = pd.read_csv(path)
    return data[data.groupby("id")["fte"].transform("count") == 2]  # balanced sample


def test_card_krueger_balanced_sample(card_krueger):
    # Card and Krueger (1994) AER 84(4), Table 3, row 4 ("change in mean FTE employment,
    # balanced sample of stores"): NJ - PA = 2.75 (SE 1.34); PA -2.28, NJ 0.47
    res = did(card_krueger, outcome="fte", unit="id", time="d", treated="nj", post="d", n_permutations=500,
              cov_type="cr1")
    row = res.params.loc["treated_post"]
    assert row["estimate"] == pytest.approx(2.75, abs=5e-3)
    assert row["se"] == pytest.approx(1.34, abs=0.01)
    assert (res.n_units, res.n_treated, res.n_control) == (384, 309, 75)
    assert row["df"] == 383
    assert "Randomisation p" in str(res.summary())
    # CR2 (the default): with two periods it is the unequal-variance (Welch) standard error of the
    # difference in the stores' mean changes, and the Bell-McCaffrey df is the design-based
    # Satterthwaite value (1/309 + 1/75)^2 / (1/(309^2 * 308) + 1/(75^2 * 74)) = 112.69
    cr2 = did(card_krueger, outcome="fte", unit="id", time="d", treated="nj", post="d", n_permutations=0)
    change = card_krueger.pivot(index="id", columns="d", values="fte").diff(axis=1)[1]
    nj = card_krueger.groupby("id")["nj"].first().reindex(change.index).astype(bool)
    welch = np.sqrt(change[nj].var() / nj.sum() + change[~nj].var() / (~nj).sum())
    assert cr2.params.loc["treated_post", "se"] == pytest.approx(welch, rel=1e-9)
    bm = (1 / 309 + 1 / 75) ** 2 / (1 / (309**2 * 308) + 1 / (75**2 * 74))
    assert cr2.params.loc["treated_post", "df"] == pytest.approx(bm, rel=1e-9)


def _panel(rng, *, n_units=30, n_treated=10, n_times=6, start=3, effects=(1.0, 2.0, 3.0)):
    u = np.repeat(np.arange(n_units), n_times)
    t = np.tile(np.arange(n_times), n_units)
    treated = u < n_treated
    rel = t - start
    effect = np.where(treated & (rel >= 0), np.take(effects, np.clip(rel, 0, len(effects) - 1)), 0.0)
    y = np.repeat(rng.normal(0, 1, n_units), n_times) + 0.3 * t + effect + rng.normal(0, 0.5, len(u))
    return pd.DataFrame({"council_id": u, "year": t, "reviewed": treated, "post": t >= start, "y": y})


def test_twfe_matches_dummy_regression_and_event_study_recovers_dynamics(rng):
    panel = _panel(rng)
    res = did(panel, outcome="y", unit="council_id", time="year", treated="reviewed", post="post",
              n_permutations=200, cov_type="cr1")
    # independent computation: OLS with unit and year dummies, CR1 by council. statsmodels
    # counts the unit dummies in (N-1)/(N-K); Stata's xtreg, fe vce(cluster) and fixest's default
    # (feols(y ~ d | council_id + year, cluster = ~council_id); pyfixest 0.60 gives the same to 1e-9)
    # do not, as the units are nested in the clusters, but count d, the year dummies and the constant:
    # K = 1 + (T - 1) + 1. (The previous K = 1 left out the year dummies: its se was too small by
    # sqrt((N - 1) / (N - T - 1)), 1.7% here.)
    df = panel.assign(d=(panel.reviewed & panel.post).astype(float))
    ref = smf.ols("y ~ d + C(council_id) + C(year)", df).fit(cov_type="cluster",
                                                               cov_kwds={"groups": df["council_id"]})
    n, k_full, k_fe = len(df), len(ref.params), 1 + df["year"].nunique()
    row = res.params.loc["treated_post"]
    assert row["estimate"] == pytest.approx(ref.params["d"], rel=1e-9)
    assert row["se"] == pytest.approx(ref.bse["d"] * np.sqrt((n - k_full) / (n - k_fe)), rel=1e-9)
    es = res.event_study.set_index("event_time")
    assert es.index.tolist() == [-3, -2, -1, 0, 1, 2]
    assert es.loc[-1, "estimate"] == 0 and np.isnan(es.loc[-1, "se"])
    for lead in (-3, -2):  # no anticipation planted
        assert es.loc[lead, "ci_low"] < 0 < es.loc[lead, "ci_high"]
    for lag, truth in zip((0, 1, 2), (1.0, 2.0, 3.0)):
        assert es.loc[lag, "ci_low"] < truth < es.loc[lag, "ci_high"]
    assert (es["n"] == 10).all()


def test_randomisation_p_matches_full_enumeration(rng):
    # 8 councils, 3 reviewed: all 56 assignments enumerated with an independent OLS fit
    panel = _panel(rng, n_units=8, n_treated=3, n_times=3, start=2, effects=(0.8,))
    with pytest.warns(SmallSampleWarning, match="randomisation p-value"):
        res = did(panel, outcome="y", unit="council_id", time="year", treated="reviewed", post="post",
                  n_permutations=4000, seed=2)
    observed = abs(res.params.loc["treated_post", "estimate"])
    betas = []
    for chosen in itertools.combinations(range(8), 3):
        df = panel.assign(d=(panel.council_id.isin(chosen) & panel.post).astype(float))
        betas.append(smf.ols("y ~ d + C(council_id) + C(year)", df).fit().params["d"])
    exact = np.mean(np.abs(betas) >= observed - 1e-10)
    # 56 assignments <= 4000: all enumerated, so the p-value is the exact one
    assert res.ri_exact and res.ri_n_used == 56 and res.ri_n_dropped == 0
    assert res.ri_p_value == pytest.approx(exact, abs=1e-12)
    sampled = did(panel, outcome="y", unit="council_id", time="year", treated="reviewed", post="post",
                  n_permutations=40, seed=2)  # fewer than 56: random assignments, (1 + exceed) / (1 + B)
    assert not sampled.ri_exact and sampled.ri_n_used == 40


def test_staggered_adoption_without_post(rng):
    n_units, n_times = 24, 6
    u = np.repeat(np.arange(n_units), n_times)
    t = np.tile(np.arange(n_times), n_units)
    start = np.where(np.arange(n_units) < 8, 2, np.where(np.arange(n_units) < 16, 4, 99))[u]
    d = (t >= start).astype(int)
    y = np.repeat(rng.normal(0, 1, n_units), n_times) + 0.2 * t + 1.5 * d + rng.normal(0, 0.3, len(u))
    panel = pd.DataFrame({"la": u, "year": t + 2015, "in_review": d, "y": y})
    with pytest.warns(StaggeredAdoptionWarning, match="staggered_did"):
        res = did(panel, outcome="y", unit="la", time="year", treated="in_review", n_permutations=300)
    row = res.params.loc["treated_post"]
    assert row["ci_low"] < 1.5 < row["ci_high"]
    assert res.ri_p_value < 0.01
    assert res.event_study["event_time"].min() == -4 and res.event_study["event_time"].max() == 3


def test_errors(rng):
    panel = _panel(rng, n_units=6, n_treated=2, n_times=3, start=1)
    with pytest.raises(ValueError, match=r"'rate' \(from `outcome`\), 'after' \(from `post`\)"):
        did(panel, outcome="rate", unit="council_id", time="year", treated="reviewed", post="after")
    with pytest.raises(ValueError, match="must be constant within a unit"):
        did(panel, outcome="y", unit="council_id", time="year", treated="post", post="post")
    with pytest.raises(ValueError, match="comparison units"):
        did(panel.assign(reviewed=True), outcome="y", unit="council_id", time="year", treated="reviewed",
            post="post")
    with pytest.raises(ValueError, match="`n_permutations` must be an integer"):
        did(panel, outcome="y", unit="council_id", time="year", treated="reviewed", post="post", n_permutations=-1)
    with pytest.raises(NotIdentifiedError, match=r"'y' given as `outcome` has no non-missing value"):
        did(panel.assign(y=np.nan), outcome="y", unit="council_id", time="year", treated="reviewed", post="post")
    with pytest.raises(ValueError, match="must be one of"):
        did(panel, outcome="y", unit="council_id", time="year", treated="reviewed", post="post", cov_type="hc3")


def _cr2_full_dummies(data, d, clusters):
    """CR2 of the coefficient of ``d`` from the full dummy regression (unit and year dummies), with the
    Moore-Penrose inverse square root of I - H_gg (Pustejovsky and Tipton 2018, eq. 5-6): written
    independently of impact's absorbed version."""
    x = pd.get_dummies(data[["council_id", "year"]].astype(str), drop_first=False, dtype=float)
    x = np.column_stack([d, x.to_numpy()])
    y = data["y"].to_numpy()
    m = np.linalg.pinv(x.T @ x)
    beta = m @ x.T @ y
    e = y - x @ beta
    h = x @ m @ x.T
    meat = np.zeros((x.shape[1], x.shape[1]))
    for g in np.unique(clusters):
        rows = np.flatnonzero(clusters == g)
        w, v = np.linalg.eigh(np.eye(len(rows)) - h[np.ix_(rows, rows)])
        keep = w > 1e-10
        a = (v[:, keep] / np.sqrt(w[keep])) @ v[:, keep].T
        s = x[rows].T @ a @ e[rows]
        meat += np.outer(s, s)
    return beta[0], np.sqrt((m @ meat @ m)[0, 0])


def test_cr2_matches_full_dummy_regression_on_an_unbalanced_staggered_panel(rng):
    panel = _panel(rng, n_units=14, n_treated=6, n_times=6, start=3)
    start = np.where(panel["council_id"] < 3, 2, np.where(panel["council_id"] < 6, 4, 99))
    panel["d"] = (panel["year"] >= start).astype(int)
    panel = panel.drop(index=rng.choice(panel.index, 12, replace=False)).reset_index(drop=True)
    with pytest.warns(StaggeredAdoptionWarning):
        res = did(panel, outcome="y", unit="council_id", time="year", treated="d", n_permutations=0)
    beta, se = _cr2_full_dummies(panel, panel["d"].to_numpy(float), panel["council_id"].to_numpy())
    assert res.params.loc["treated_post", "estimate"] == pytest.approx(beta, rel=1e-9)
    assert res.params.loc["treated_post", "se"] == pytest.approx(se, rel=1e-8)


def test_cr2_at_eight_clusters_is_the_exact_two_sample_t_test(rng):
    # 4 treated and 4 comparison councils, balanced, common timing: CR2 with Bell-McCaffrey df is the
    # pooled two-sample t-test of the councils' post - pre changes (equal group sizes), whose size is
    # exactly alpha under normal errors; CR1 with t(G - 1) rejected 6.45% of null panels (issue 16)
    panel = _panel(rng, n_units=8, n_treated=4, n_times=4, start=2, effects=(0.0,))
    with pytest.warns(SmallSampleWarning):
        res = did(panel, outcome="y", unit="council_id", time="year", treated="reviewed", post="post",
                  n_permutations=0)
    wide = panel.pivot_table(index="council_id", columns="post", values="y")
    change = wide[True] - wide[False]
    reviewed = panel.groupby("council_id")["reviewed"].first()
    ref = stats.ttest_ind(change[reviewed], change[~reviewed])
    row = res.params.loc["treated_post"]
    assert row["df"] == pytest.approx(6, rel=1e-9)
    assert row["statistic"] == pytest.approx(ref.statistic, rel=1e-9)
    assert row["p_value"] == pytest.approx(ref.pvalue, rel=1e-9)


def _unbalanced_null_panel(rng, treated_unit):
    """20 councils x 6 years, no effect; councils 10-19 have no rows before the start (year 3)."""
    n, t = 20, 6
    panel = pd.DataFrame({"council_id": np.repeat(np.arange(n), t), "year": np.tile(np.arange(t), n)})
    panel["y"] = np.repeat(rng.normal(0, 1, n), t) + rng.normal(0, 1, n * t)
    panel["d"] = ((panel["council_id"] == treated_unit) & (panel["year"] >= 3)).astype(int)
    return panel[~((panel["council_id"] >= 10) & (panel["year"] < 3))].reset_index(drop=True)


def test_randomisation_p_is_exactly_uniform_on_an_unbalanced_panel(rng):
    # issue 16: 20 councils, 1 treated, 10 without pre-period rows. Giving the treatment to one of those
    # 10 leaves the effect unidentified; such assignments used to count as "not exceeding" (mean null p
    # 0.27, rejection at 0.20 36.5%). Now they are dropped, and the 20 assignments are enumerated, so
    # across the 10 identified choices of treated council the p-values are exactly 0.1, 0.2, ..., 1.0
    for _ in range(3):
        seed = int(rng.integers(1 << 31))
        ps = []
        for treated in range(10):
            panel = _unbalanced_null_panel(np.random.default_rng(seed), treated)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                res = did(panel, outcome="y", unit="council_id", time="year", treated="d", n_permutations=100)
            assert res.ri_exact and (res.ri_n_used, res.ri_n_dropped) == (10, 10)
            ps.append(res.ri_p_value)
        assert sorted(ps) == pytest.approx(np.arange(1, 11) / 10)


def test_randomisation_p_by_random_assignments_is_uniform_under_the_null(rng):
    # more assignments than asked for: random draws; still uniform over generated null panels
    ps = []
    for _ in range(40):
        n, t = 16, 5
        panel = pd.DataFrame({"council_id": np.repeat(np.arange(n), t), "year": np.tile(np.arange(t), n)})
        panel["y"] = rng.normal(0, 1, n * t)
        treated = rng.choice(n, 5, replace=False)
        panel["d"] = (panel["council_id"].isin(treated) & (panel["year"] >= 2)).astype(int)
        panel = panel.drop(index=rng.choice(len(panel), 20, replace=False))  # unbalanced
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            res = did(panel, outcome="y", unit="council_id", time="year", treated="d", n_permutations=99,
                      seed=int(rng.integers(1 << 31)))
        assert not res.ri_exact
        ps.append(res.ri_p_value)
    assert stats.kstest(ps, "uniform").pvalue > 0.01


def test_effects_that_are_not_identified_are_nan_never_zero(rng):
    panel = _panel(rng, n_units=10, n_treated=1, n_times=4, start=0)  # the only treated unit: always treated
    panel["d"] = (panel["reviewed"] & panel["post"]).astype(int)
    with pytest.warns(NotIdentifiedWarning, match="the one treated unit is not observed both before and after"):
        res = did(panel, outcome="y", unit="council_id", time="year", treated="d", n_permutations=50)
    row = res.params.loc["treated_post"]
    assert np.isnan(row["estimate"]) and np.isnan(row["se"]) and np.isnan(row["ci_low"])
    assert np.isnan(res.ri_p_value)
    one_period = _panel(rng, n_units=10, n_treated=4, n_times=3, start=1)
    one_period = one_period[one_period["year"] == 2]
    with pytest.warns(NotIdentifiedWarning, match="one period"):
        res = did(one_period, outcome="y", unit="council_id", time="year", treated="reviewed", post="post",
                  n_permutations=0)
    assert np.isnan(res.params.loc["treated_post", "estimate"])


def test_event_study_without_a_reference_period_is_nan(rng):
    panel = _panel(rng, n_units=12, n_treated=4, n_times=6, start=3)
    panel = panel[~(panel["reviewed"] & (panel["year"] == 2))]  # no treated row at event time -1
    with pytest.warns(NotIdentifiedWarning, match="event time -1"):
        res = did(panel, outcome="y", unit="council_id", time="year", treated="reviewed", post="post",
                  n_permutations=0)
    es = res.event_study
    assert -1 not in es["event_time"].tolist()
    assert es["estimate"].isna().all()
    assert np.isfinite(res.params.loc["treated_post", "estimate"])  # the average effect is still identified


def test_one_treated_council_has_no_cluster_robust_standard_error(rng):
    panel = _panel(rng, n_units=12, n_treated=1, n_times=5, start=3)
    with pytest.warns(NotIdentifiedWarning, match="single treated unit"):
        res = did(panel, outcome="y", unit="council_id", time="year", treated="reviewed", post="post",
                  n_permutations=1000)
    assert np.isfinite(res.params.loc["treated_post", "estimate"]) and np.isnan(res.params.loc["treated_post", "se"])
    assert res.ri_exact and res.ri_n_used == 12  # 12 possible treated councils, enumerated
    assert res.ri_p_value in {k / 12 for k in range(1, 13)}

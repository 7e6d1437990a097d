"""Independent cross-checks of the statistics, round 4: the survey mixed model against a REML fit written here,
the tests of change against published worked examples and brute force, the ordinal model against a
proportional-odds fit and sandwich written here, the clustered Wilson interval against Donner and Klar's design
effect and a coverage simulation, and the staggered DiD against a Callaway-Sant'Anna computation written here.

Seeds 90417 to 90428 are used nowhere else in the repository."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import patsy
import pytest
from scipy import optimize, stats

from impact.panel import STATUS_GROUPS
from impact.stats import change_over_time, clustered_prevalence, longitudinal_model, staggered_did
from impact.synth import generate_with_truth

# --------------------------------------------------------------------------------------------------
# 1. the survey mixed model against an independent REML fit
# --------------------------------------------------------------------------------------------------


def _reml(frame: pd.DataFrame, formula: str, unit: str) -> dict:
    """REML of ``y = X b + u_unit + e`` by the profile likelihood in gamma = var(u) / var(e) (Harville 1977):
    ``-2 l_R = log|V| + log|X' V^-1 X| + (n - p) log(r' V^-1 r)`` with ``V = I + gamma Z Z'``, maximised over
    a grid then by Brent's method, with the boundary gamma = 0 compared; fixed-effect covariance
    ``sigma^2 (X' V^-1 X)^-1`` (lme4's ``vcov``, Bates et al. 2015, eq. 54)."""
    y, x = patsy.dmatrices(formula, frame, return_type="dataframe")
    names, y, x = list(x.columns), y.to_numpy()[:, 0], x.to_numpy()
    g = pd.factorize(frame[unit])[0]
    n, p = x.shape
    sizes = np.bincount(g)

    def pieces(gamma: float):
        shrink = gamma / (1 + sizes * gamma)

        def v_inv(a):
            sums = np.zeros((len(sizes), a.shape[1]))
            np.add.at(sums, g, a)
            return a - shrink[g][:, None] * sums[g]

        info = x.T @ v_inv(x)
        beta = np.linalg.solve(info, x.T @ v_inv(y[:, None])[:, 0])
        r = y - x @ beta
        q = float(r @ v_inv(r[:, None])[:, 0])
        return beta, info, q, 0.5 * (np.log1p(sizes * gamma).sum() + np.linalg.slogdet(info)[1] + (n - p) * np.log(q))

    grid = np.linspace(-12, 6, 181)
    k = int(np.argmin([pieces(np.exp(v))[3] for v in grid]))
    best = optimize.minimize_scalar(lambda v: pieces(np.exp(v))[3], bounds=(grid[max(k - 1, 0)], grid[min(k + 1, 180)]),
                                    method="bounded", options={"xatol": 1e-10})
    gamma = float(np.exp(best.x)) if pieces(np.exp(best.x))[3] < pieces(0.0)[3] else 0.0
    beta, info, q, _ = pieces(gamma)
    sigma2 = q / (n - p)
    se = np.sqrt(np.diag(sigma2 * np.linalg.inv(info)))
    return {"estimate": pd.Series(beta, index=names), "se": pd.Series(se, index=names),
            "unit_sd": np.sqrt(gamma * sigma2), "residual_sd": np.sqrt(sigma2)}


def _survey_scores(study) -> pd.DataFrame:
    """The frame survey_effects models, built here from the study: a respondent's mean score per wave."""
    sr = study.survey_responses.dropna(subset=["value"])
    scores = sr.groupby(["council_id", "respondent_id", "wave"], as_index=False)["value"].mean()
    scores = scores.merge(study.wave_status()[["council_id", "wave", "intervention"]], on=["council_id", "wave"])
    scores = scores.assign(status_group=scores["intervention"].map(STATUS_GROUPS)).dropna(subset=["status_group"])
    return scores.assign(in_intervention=scores["status_group"].eq("intervention").astype(int),
                         later=scores["wave"].eq("longer_term").astype(int), score=scores["value"].astype(float))


SURVEY_STUDIES = [(8, 90417), (10, 90418), (12, 90419), (30, 90420)]


@pytest.mark.parametrize(("n_councils", "seed"), SURVEY_STUDIES)
def test_survey_mixed_model_matches_an_independent_reml_fit(n_councils, seed):
    """Estimates, standard errors and variance components of the survey model with councils random (the model
    survey_effects fitted before round 7, longitudinal_model without `subject`) against the REML above.

    Before the fix the standard errors were statsmodels' bse_fe (the joint observed information of the fixed
    effects and variance parameters): in_intervention's was 0.075870 against 0.074833 for 12 councils (seed 90419,
    fitted with Powell's method), 1.4% too large."""
    study, _ = generate_with_truth(n_councils, seed=seed, interviews_per_wave=1, words_per_interview=50)
    scores = _survey_scores(study)
    ref = _reml(scores, "score ~ later + in_intervention", "council_id")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = longitudinal_model(scores, formula="score ~ later + in_intervention", unit="council_id", method="mixed")
    # survey_effects adds respondents within councils (they answer at both waves): round 7 checks that model
    mine = res.params.assign(n_units=res.n_units)
    for term in ("Intercept", "later", "in_intervention"):
        assert mine.loc[term, "estimate"] == pytest.approx(ref["estimate"][term], abs=1e-5)
        assert mine.loc[term, "se"] == pytest.approx(ref["se"][term], rel=2e-4)
        # t on each term's Satterthwaite df (checked against numerical differentiation in round 5)
        q = stats.t.ppf(0.975, mine.loc[term, "df"])
        assert mine.loc[term, "ci_high"] - mine.loc[term, "ci_low"] == pytest.approx(2 * q * ref["se"][term], rel=2e-4)
    assert (mine["n_units"] == n_councils).all()
    vc = res.variance_components["estimate"]
    assert vc["unit_intercept_sd"] == pytest.approx(ref["unit_sd"], abs=5e-4)
    assert vc["residual_sd"] == pytest.approx(ref["residual_sd"], abs=5e-5)


def _boundary_frame() -> pd.DataFrame:
    """The design of a 10-council study (seed 90418) with an outcome that has no council effect."""
    study, _ = generate_with_truth(10, seed=90418, interviews_per_wave=1, words_per_interview=50)
    frame = _survey_scores(study)
    rng = np.random.default_rng(90418)
    return frame.assign(score=2.5 + 0.3 * frame["later"] + 0.2 * frame["in_intervention"]
                        + rng.normal(0, 0.7, len(frame)))


@pytest.mark.parametrize("units", [0.01, 1.0, 100.0])
def test_mixed_model_near_the_boundary_is_the_reml_maximum_in_any_units(units):
    """A council variance near zero, the outcome in three units. Before the fixes: statsmodels' lbfgs stopped at a
    council SD of 0.0587 (REML maximum 0.0553) and called it convergence in hundredths and hundreds but not in
    points, where Powell's method was used; in_intervention's standard error was 0.069436 (statsmodels' bse_fe)
    against 0.068758; and "The model did not converge cleanly: The MLE may be on the boundary" was warned in points
    and hundredths, not in hundreds."""
    frame = _boundary_frame().assign(score=lambda d: d["score"] * units)
    ref = _reml(frame, "score ~ later + in_intervention", "council_id")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        res = longitudinal_model(frame, formula="score ~ later + in_intervention", unit="council_id", method="mixed")
    assert not [w for w in caught if "converge" in str(w.message)], [str(w.message) for w in caught]
    assert res.params["estimate"].to_numpy() == pytest.approx(ref["estimate"].to_numpy(), abs=1e-5 * units)
    assert res.params["se"].to_numpy() == pytest.approx(ref["se"].to_numpy(), rel=1e-4)
    vc = res.variance_components["estimate"]
    assert vc["unit_intercept_sd"] == pytest.approx(ref["unit_sd"], rel=1e-3)
    # (rel 1e-5: Powell's method stops within 1.5e-6 of the maximum with scipy 1.11, the oldest allowed)
    assert vc["residual_sd"] == pytest.approx(ref["residual_sd"], rel=1e-5)
    icc = ref["unit_sd"] ** 2 / (ref["unit_sd"] ** 2 + ref["residual_sd"] ** 2)
    assert icc < 0.01  # the case is the one meant: near the boundary, and the notes say so
    assert any(n.startswith(f"variance between units estimated near zero (unit intercept: {icc:.3f}") for n in res.notes)


def test_no_convergence_warning_for_a_council_variance_that_is_small_only_in_the_outcomes_units():
    """The survey of a 10-council study (council SD 0.25 points, intraclass correlation 0.15) scored in hundredths
    of a point: statsmodels' boundary check (a variance below 0.01 in the outcome's units) made it 'did not
    converge cleanly'."""
    study, _ = generate_with_truth(10, seed=90418, interviews_per_wave=1, words_per_interview=50)
    frame = _survey_scores(study)
    frame["score"] = frame["score"] / 100
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        res = longitudinal_model(frame, formula="score ~ later + in_intervention", unit="council_id", method="mixed")
    assert not [w for w in caught if "converge" in str(w.message)], [str(w.message) for w in caught]
    assert not [n for n in res.notes if "near zero" in n]
    ref = _reml(frame, "score ~ later + in_intervention", "council_id")
    assert res.variance_components.loc["unit_intercept_sd", "estimate"] == pytest.approx(ref["unit_sd"], rel=1e-3)


# --------------------------------------------------------------------------------------------------
# 2. change over time: published worked examples, ties, missing waves, 2 / 3 / 4 waves
# --------------------------------------------------------------------------------------------------


def _long(values: np.ndarray) -> pd.DataFrame:
    n, k = values.shape
    return pd.DataFrame({"unit": np.repeat(np.arange(n), k), "wave": np.tile([f"w{j}" for j in range(k)], n),
                         "y": values.ravel()})


def _change(values: np.ndarray) -> pd.Series:
    return change_over_time(_long(values), outcome="y", time="wave", unit="unit", adjust=None).iloc[0]


def test_friedman_with_ties_matches_r_friedman_test_example():
    # R ?friedman.test: RoundingTimes, Hollander & Wolfe (1973) p. 140 (22 players, 3 methods, tied times);
    # friedman.test(RoundingTimes): Friedman chi-squared = 11.143, df = 2, p-value = 0.003805
    rt = np.array([5.40, 5.50, 5.55, 5.85, 5.70, 5.75, 5.20, 5.60, 5.50, 5.55, 5.50, 5.40, 5.90, 5.85, 5.70, 5.45,
                   5.55, 5.60, 5.40, 5.40, 5.35, 5.45, 5.50, 5.35, 5.25, 5.15, 5.00, 5.85, 5.80, 5.70, 5.25, 5.20,
                   5.10, 5.65, 5.55, 5.45, 5.60, 5.35, 5.45, 5.05, 5.00, 4.95, 5.50, 5.50, 5.40, 5.45, 5.55, 5.50,
                   5.55, 5.55, 5.35, 5.45, 5.50, 5.55, 5.50, 5.45, 5.25, 5.65, 5.60, 5.40, 5.70, 5.65, 5.55, 6.30,
                   6.30, 6.25]).reshape(22, 3)
    r = _change(rt)
    assert (r["test"], r["df"], r["n"]) == ("friedman", 2, 22)
    assert r["statistic"] == pytest.approx(11.143, abs=5e-4)
    assert r["p_asymptotic"] == pytest.approx(0.003805, abs=5e-7)  # R's p is the chi-square one
    assert r["effect"] == pytest.approx(r["statistic"] / (22 * 2))  # Kendall's W


def test_wilcoxon_matches_r_wilcox_test_example_and_brute_force_with_ties():
    # R ?wilcox.test: Hollander & Wolfe (1973) p. 29, depression scale; wilcox.test(x, y, paired = TRUE,
    # alternative = "greater"): V = 40, p-value = 0.01953, so two-sided 0.03906 and min(V, 45 - V) = 5
    x = np.array([1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30])
    y = np.array([0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29])
    r = _change(np.c_[y, x])
    assert (r["test"], r["statistic"]) == ("wilcoxon", 5.0)
    assert r["p_value"] == pytest.approx(2 * 0.01953, abs=1e-4)
    # ties and zero differences: the exact p given the mid-ranks, by enumerating all 2^20 sign patterns
    rng = np.random.default_rng(90422)
    a = rng.integers(1, 6, 25).astype(float)
    b = a + rng.integers(-2, 3, 25)
    d = b - a
    nz = d[d != 0]
    ranks = stats.rankdata(np.abs(nz))
    signs = ((np.arange(2 ** len(nz))[:, None] >> np.arange(len(nz))) & 1).astype(float)
    centre = ranks.sum() / 2
    brute = np.mean(np.abs(signs @ ranks - centre) >= abs(ranks[nz > 0].sum() - centre) - 1e-9)
    r = _change(np.c_[a, b])
    assert len(nz) == 20 and r["p_value"] == pytest.approx(brute, abs=1e-12)
    # the normal p with the tie correction is scipy's
    assert r["p_asymptotic"] == pytest.approx(stats.wilcoxon(b, a, correction=False, method="approx").pvalue, abs=1e-12)


def test_mcnemar_matches_agresti_presidential_approval():
    # Agresti (2013) Categorical Data Analysis, 3rd ed., Table 11.1: 794 approve twice, 150 approve then not,
    # 86 not then approve, 570 neither; z^2 = (86 - 150)^2 / 236 = 17.36 (section 11.1.1); exact p from binomial(236)
    m = np.r_[[[1, 1]] * 794, [[1, 0]] * 150, [[0, 1]] * 86, [[0, 0]] * 570].astype(float)
    r = _change(m)
    assert (r["test"], r["n_up"], r["n_down"], r["n_discordant"]) == ("mcnemar", 86, 150, 236)
    assert r["statistic"] == pytest.approx(17.36, abs=5e-3)
    assert r["p_asymptotic"] == pytest.approx(stats.chi2.sf(64**2 / 236, 1))
    assert r["p_value"] == pytest.approx(stats.binomtest(86, 236).pvalue)


@pytest.mark.parametrize("k", [3, 4])
def test_cochran_q_and_friedman_for_three_and_four_waves(k):
    # Cochran (1950), Biometrika 37, 256-266: Q = (k - 1) (k sum C_j^2 - N^2) / (k N - sum R_i^2)
    rng = np.random.default_rng(90428 + k)
    binary = (rng.random((15, k)) < np.linspace(0.3, 0.8, k)).astype(float)
    col, row, total = binary.sum(0), binary.sum(1), binary.sum()
    q = (k - 1) * (k * (col**2).sum() - total**2) / (k * total - (row**2).sum())
    r = _change(binary)
    assert (r["test"], r["df"]) == ("cochran_q", k - 1)
    assert r["statistic"] == pytest.approx(q) and r["p_asymptotic"] == pytest.approx(stats.chi2.sf(q, k - 1))
    scores = rng.normal(size=(15, k)).round(0) + np.arange(k)  # rounded: ties within units
    r = _change(scores)
    assert r["statistic"] == pytest.approx(stats.friedmanchisquare(*scores.T).statistic)


def test_units_missing_a_wave_are_left_out_with_a_warning():
    """Complete cases only, as the docstring says: 3 of 12 units miss one of 4 waves."""
    rng = np.random.default_rng(90427)
    values = rng.normal(size=(12, 4)) + np.arange(4)
    data = _long(values).drop(index=[1, 6, 11])  # units 0, 1, 2 each lose a wave
    with pytest.warns(Warning, match=r"3 of 12 units lack one or more of the time points"):
        r = change_over_time(data, outcome="y", time="wave", unit="unit", adjust=None).iloc[0]
    assert r["n"] == 9
    assert r["statistic"] == pytest.approx(stats.friedmanchisquare(*values[3:].T).statistic)


# --------------------------------------------------------------------------------------------------
# 3. the ordinal model against a proportional-odds fit and cluster sandwich written here
# --------------------------------------------------------------------------------------------------


def test_ordinal_model_matches_an_independent_proportional_odds_fit_with_cr1_errors():
    """P(Y <= j) = F(c_j - x'b) (a positive coefficient moves answers up the scale), by maximum likelihood here;
    sandwich H^-1 (sum_g s_g s_g') H^-1 times G/(G-1) (N-1)/(N-K) (Stata's CR1, which statsmodels applies)."""
    study, _ = generate_with_truth(12, seed=90423, interviews_per_wave=1, words_per_interview=50)
    sr = study.survey_responses.dropna(subset=["value"])
    sr = sr[sr["item"] == sr["item"].iloc[0]]
    d = sr.merge(study.wave_status()[["council_id", "wave", "intervention"]], on=["council_id", "wave"])
    d = d.assign(in_intervention=d["intervention"].map(STATUS_GROUPS).eq("intervention").astype(int),
                 later=d["wave"].eq("longer_term").astype(int), likert=d["value"].astype(int))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = longitudinal_model(d, formula="likert ~ later + in_intervention", unit="council_id", method="ordinal")
    x = d[["later", "in_intervention"]].to_numpy(float)
    cats = np.sort(d["likert"].unique())
    yi = np.searchsorted(cats, d["likert"].to_numpy())

    def loglik(theta):  # cut-points as the first and log increments, statsmodels' parameterisation
        cuts = np.cumsum(np.r_[theta[2], np.exp(theta[3:])])
        eta = x @ theta[:2]
        upper, lower = np.r_[cuts, np.inf][yi], np.r_[-np.inf, cuts][yi]
        return np.log(stats.logistic.cdf(upper - eta) - stats.logistic.cdf(lower - eta))

    k = 2 + len(cats) - 1
    theta = optimize.minimize(lambda t: -loglik(t).sum(), np.r_[0, 0, -1, np.zeros(k - 3)], method="BFGS",
                              options={"gtol": 1e-10}).x
    h = 1e-5
    step = np.eye(k) * h
    scores = np.column_stack([(loglik(theta + step[j]) - loglik(theta - step[j])) / (2 * h) for j in range(k)])
    hess = np.array([[(loglik(theta + step[i] + step[j]).sum() - loglik(theta + step[i] - step[j]).sum()
                       - loglik(theta - step[i] + step[j]).sum() + loglik(theta - step[i] - step[j]).sum()) / (4 * h * h)
                      for j in range(k)] for i in range(k)])
    g = pd.factorize(d["council_id"])[0]
    n_g, n = g.max() + 1, len(d)
    summed = np.zeros((n_g, k))
    np.add.at(summed, g, scores)
    bread = np.linalg.inv(-hess)
    se = np.sqrt(np.diag(bread @ summed.T @ summed @ bread * n_g / (n_g - 1) * (n - 1) / (n - k)))
    assert res.params["estimate"].to_numpy() == pytest.approx(theta, abs=1e-4)
    assert res.params["se"].to_numpy() == pytest.approx(se, rel=1e-3)
    assert (res.params["df"] == n_g - 1).all()
    # the sign: answers are higher at the later wave and so is the coefficient
    assert np.sign(res.params.loc["later", "estimate"]) == np.sign(d.groupby("later")["likert"].mean().diff().iloc[-1])


# --------------------------------------------------------------------------------------------------
# 4. the design effect of clustered_prevalence and the coverage of its interval
# --------------------------------------------------------------------------------------------------


def test_design_effect_is_donner_and_klar_variance_ratio():
    """Equal clusters of m: the ratio-estimator variance over the binomial one is MSB / (p (1 - p)) (Donner and
    Klar 2000, Design and Analysis of Cluster Randomization Trials, section 6.2: the variance inflation of a
    proportion estimated from clusters), the ANOVA form of 1 + (m - 1) rho."""
    rng = np.random.default_rng(90426)
    n_clusters, m = 12, 6
    y = (rng.random((n_clusters, m)) < rng.beta(2, 3, n_clusters)[:, None]).astype(int)
    r = clustered_prevalence(pd.DataFrame({"c": np.repeat(np.arange(n_clusters), m), "y": y.ravel()}),
                             outcome="y", cluster="c").iloc[0]
    p, pg = y.mean(), y.mean(axis=1)
    msb = m * ((pg - p) ** 2).sum() / (n_clusters - 1)
    assert r["design_effect"] == pytest.approx(msb / (p * (1 - p)))


@pytest.mark.parametrize(("n_clusters", "rho", "prevalence"), [(10, 0.3, 0.4), (30, 0.1, 0.3)])
def test_clustered_wilson_interval_covers_a_known_prevalence(n_clusters, rho, prevalence):
    """200 data sets of beta-binomial clusters of 3 to 8 with intraclass correlation rho; mean design effect
    near 1 + ((cv^2 + 1) m - 1) rho (Kerry and Bland 2001, unequal clusters) and coverage near 95% (the plain
    Wilson interval covered 0.775 with rho = 0.3)."""
    rng = np.random.default_rng(90425)
    a, b = prevalence * (1 - rho) / rho, (1 - prevalence) * (1 - rho) / rho
    covered, deffs, expected = 0, [], []
    for _ in range(200):
        m = rng.integers(3, 9, n_clusters)
        y = np.concatenate([rng.random(k) < p for k, p in zip(m, rng.beta(a, b, n_clusters))]).astype(int)
        r = clustered_prevalence(pd.DataFrame({"c": np.repeat(np.arange(n_clusters), m), "y": y}), outcome="y",
                                 cluster="c").iloc[0]
        covered += r["ci_low"] <= prevalence <= r["ci_high"]
        deffs.append(r["design_effect"])
        expected.append(1 + ((m.var() / m.mean() ** 2 + 1) * m.mean() - 1) * rho)
    assert 0.92 <= covered / 200 <= 0.99
    assert np.mean(deffs) == pytest.approx(np.mean(expected), rel=0.1)


# --------------------------------------------------------------------------------------------------
# 5. staggered DiD against Callaway and Sant'Anna written here
# --------------------------------------------------------------------------------------------------


def test_staggered_did_matches_an_independent_callaway_santanna_computation():
    """ATT(g, t) = mean change of cohort g from g - 1 (post) or t - 1 (pre) to t, minus that of never-treated
    units (Callaway and Sant'Anna 2021, eq. 2.6 unconditional, R did's varying base), on 40 councils over 7 years
    with 25 rows dropped; se sqrt(s_t^2/n_t + s_c^2/n_c) with unbiased s^2 (the documented choice); the simple
    aggregate weights post cells by cohort size (did::aggte type 'simple') and is near the planted effect."""
    rng = np.random.default_rng(90427)
    cohort = np.r_[[3] * 8, [4] * 9, [5] * 8, [np.nan] * 15]
    df = pd.DataFrame({"u": np.repeat(np.arange(40), 7), "t": np.tile(np.arange(1, 8), 40), "g": np.repeat(cohort, 7)})
    since = df["t"] - df["g"]
    planted = np.where(since >= 0, 1.0 + 0.5 * since + 0.3 * (df["g"] == 5), 0.0)
    df["y"] = np.repeat(rng.normal(0, 1, 40), 7) + 0.3 * df["t"] + planted + rng.normal(0, 0.5, len(df))
    df = df.drop(index=rng.choice(len(df), 25, replace=False))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = staggered_did(df, outcome="y", unit="u", time="t", first_treated="g", n_bootstrap=0)
        simple = res.aggregate("simple", n_permutations=0).overall.iloc[0]
    wide = df.pivot(index="u", columns="t", values="y")
    g = df.groupby("u")["g"].first().reindex(wide.index).fillna(np.inf).to_numpy()
    got = res.att_gt.set_index(["group", "time"])
    weighted, weights, truth = 0.0, 0.0, 0.0
    for gv in (3, 4, 5):
        for t in range(2, 8):
            dy = (wide[t] - wide[gv - 1 if t >= gv else t - 1]).to_numpy()
            tr, co = (g == gv) & ~np.isnan(dy), np.isinf(g) & ~np.isnan(dy)
            att = dy[tr].mean() - dy[co].mean()
            se = np.sqrt(dy[tr].var(ddof=1) / tr.sum() + dy[co].var(ddof=1) / co.sum())
            assert got.loc[(gv, t), "estimate"] == pytest.approx(att, abs=1e-12)
            assert got.loc[(gv, t), "se"] == pytest.approx(se, rel=1e-10)
            if t >= gv:
                weighted += (g == gv).sum() * att
                weights += (g == gv).sum()
                truth += (g == gv).sum() * (1.0 + 0.5 * (t - gv) + 0.3 * (gv == 5))
    assert simple["estimate"] == pytest.approx(weighted / weights, abs=1e-12)
    assert simple["ci_low"] <= truth / weights <= simple["ci_high"]

"""Statistics round 23: Firth's penalised logistic fit under multiple imputation, and the detectable odds ratio's
reuse of its fits.

* ``longitudinal_model(method="firth", missing="mice")``: each completed data set the function pooled
  (`ModelResults.imputations`) is fitted here independently, Firth's penalised log-likelihood
  l(b) + 1/2 log |X' W X| maximised with scipy.optimize (BFGS on its analytic gradient, polished by a root of the
  modified score; not the Newton-Raphson the package and the earlier cross-checks use), logistf's covariance (the inverse of minus the modified score's
  derivative) with the councils' cluster-robust design effect (Heinze and Schemper 2002; the package's docs), and the
  fits are pooled by Rubin's rules with the Barnard-Rubin degrees of freedom written here. Two panels: a rare
  outcome over 24 councils, and 10 councils whose first wave has no event at all (quasi-complete separation: the
  maximum-likelihood intercept is at minus infinity, where Firth's is finite: the small sample Firth is for).
* ``impact.stats._power._firth_detectable_ratio`` fits each distinct outcome vector once over its search
  (``reuse``): the same figure, bit for bit, as refitting every draw at every odds ratio tried, on designs generated
  here, with far fewer draws fitted.

Seeds 92301 to 92399 are used nowhere else in the repository.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import patsy
import pytest
from scipy import optimize, stats
from scipy.special import expit

from impact.stats import longitudinal_model

# --------------------------------------------------------------------------------------------------
# Firth under multiple imputation
# --------------------------------------------------------------------------------------------------


def _panel(seed: int, n_councils: int, *, intercept: float, separated: bool) -> pd.DataFrame:
    """``n_councils`` x 3 participants x 3 waves of a rare 0/1 outcome rising with wave and status (council effects),
    every participant seen at the first wave and missing later with a chance rising with status. ``separated``: no
    event at the first wave."""
    rng = np.random.default_rng(seed)
    n_p, n_w = 3, 3
    council = np.repeat(np.arange(n_councils), n_p * n_w)
    person = np.repeat(np.arange(n_councils * n_p), n_w)
    wave = np.tile(np.arange(n_w), n_councils * n_p)
    status = (rng.random((n_councils, n_w)) < np.array([0.3, 0.5, 0.6])).astype(int)[council, wave]
    eta = intercept + 1.2 * wave + 0.8 * status + np.repeat(rng.normal(0, 0.5, n_councils), n_p * n_w)
    y = (rng.random(len(wave)) < expit(eta)).astype(float)
    if separated:
        y[wave == 0] = 0.0
    missed = (wave > 0) & (rng.random(len(wave)) < np.where(status == 1, 0.4, 0.15))
    return pd.DataFrame({"council": council, "person": [f"p{i:03d}" for i in person], "wave": wave,
                         "status": status, "y": np.where(missed, np.nan, y)})


CASES = {"rare, 24 councils": dict(seed=92301, n_councils=24, intercept=-2.5, separated=False),
         "separated, 10 councils": dict(seed=92311, n_councils=10, intercept=-1.5, separated=True)}
FORMULA = "y ~ C(wave) + status"


@pytest.fixture(scope="module", params=list(CASES))
def firth_mice(request):
    case = CASES[request.param]
    panel = _panel(**case)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = longitudinal_model(panel, formula=FORMULA, unit="council", subject="person", time="wave",
                                 family="binomial", method="firth", missing="mice", response_covariates=["status"],
                                 n_imputations=5, seed=case["seed"] + 1)
    return request.param, case, panel, res


def _penalised_loglik(beta, x, y):
    eta = x @ beta
    p = expit(eta)
    return np.sum(y * eta - np.logaddexp(0.0, eta)) + 0.5 * np.linalg.slogdet(x.T @ (x * (p * (1 - p))[:, None]))[1]


def _modified_score(beta, x, y):
    p = expit(x @ beta)
    v = p * (1 - p)
    h = v * np.einsum("ik,kl,il->i", x, np.linalg.inv(x.T @ (x * v[:, None])), x)
    return x.T @ (y - p + h * (0.5 - p)), p, h


def _firth_scipy(data: pd.DataFrame, groups: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
    """Firth's estimate by BFGS on minus the penalised log-likelihood (its gradient minus the modified score), its
    standard error with the design effect (logistf's covariance; the cluster-robust sandwich of the modified score by
    council with G / (G - 1), over it, floored at 1) and the complete-data df G - k."""
    _, xf = patsy.dmatrices(FORMULA, data, return_type="dataframe")
    x, y = xf.to_numpy(float), data.loc[xf.index, "y"].to_numpy(float)
    fit = optimize.minimize(lambda b: -_penalised_loglik(b, x, y), np.zeros(x.shape[1]),
                            jac=lambda b: -_modified_score(b, x, y)[0], method="BFGS",
                            options={"gtol": 1e-10, "maxiter": 10_000})
    # BFGS stops near 1e-8 of the gradient on the flat penalised surface of a separated fit: its point is polished
    # by a root of the modified score (scipy's hybrid Powell method), which must be no worse
    root = optimize.root(lambda b: _modified_score(b, x, y)[0], fit.x, method="hybr", options={"xtol": 1e-14})
    beta = root.x
    score, p, h = _modified_score(beta, x, y)
    assert np.abs(score).max() < 1e-10 and _penalised_loglik(beta, x, y) >= -fit.fun - 1e-12, (root.message, score)
    cov = np.linalg.inv(x.T @ (x * ((1 + h) * p * (1 - p))[:, None]))
    g = groups[xf.index]
    units = np.unique(g)
    by_unit = np.array([x[g == u].T @ (y[g == u] - p[g == u] + h[g == u] * (0.5 - p[g == u])) for u in units])
    robust = len(units) / (len(units) - 1) * cov @ by_unit.T @ by_unit @ cov
    deff = np.maximum(1.0, np.diag(robust) / np.diag(cov))
    return beta, np.sqrt(np.diag(cov) * deff), float(len(units) - x.shape[1])


def _rubin(est: np.ndarray, se: np.ndarray, nu_com: float, alpha: float = 0.05) -> dict:
    """Rubin (1987) 3.1.2-3.1.10 with Barnard and Rubin's (1999) df; fmi as mice::pool."""
    m = len(est)
    qbar, ubar, b = est.mean(axis=0), (se**2).mean(axis=0), est.var(axis=0, ddof=1)
    total = ubar + (1 + 1 / m) * b
    lam = (1 + 1 / m) * b / total
    nu = 1 / (lam**2 / (m - 1) + 1 / ((nu_com + 1) / (nu_com + 3) * nu_com * (1 - lam)))
    riv = (1 + 1 / m) * b / ubar
    half = stats.t.ppf(1 - alpha / 2, nu) * np.sqrt(total)
    return dict(estimate=qbar, se=np.sqrt(total), df=nu, ci_low=qbar - half, ci_high=qbar + half,
                p_value=2 * stats.t.sf(np.abs(qbar) / np.sqrt(total), nu), **{"lambda": lam},
                fmi=(riv + 2 / (nu + 3)) / (riv + 1))


def test_firth_under_mice_is_each_imputation_fitted_by_scipy_and_pooled_by_rubins_rules(firth_mice):
    name, case, panel, res = firth_mice
    sets = res.imputations
    assert len(sets) == 5 and res.method == "firth"
    # the completed data sets keep every observed outcome and fill only the missed ones, with 0/1
    observed = panel.dropna(subset=["y"]).set_index(["person", "wave"])["y"]
    for completed in sets:
        by = completed.set_index(["person", "wave"])["y"]
        assert len(by) == len(panel) and set(by.unique()) <= {0.0, 1.0}
        pd.testing.assert_series_equal(by.reindex(observed.index), observed, check_names=False)
    groups = pd.factorize(panel["council"])[0]
    fits = []
    for completed in sets:
        g = pd.Series(pd.factorize(completed["council"])[0], index=completed.index).to_numpy()
        fits.append(_firth_scipy(completed.reset_index(drop=True), g))
    est, se = np.array([f[0] for f in fits]), np.array([f[1] for f in fits])
    nu_com = fits[0][2]
    assert nu_com == case["n_councils"] - 4 and len(np.unique(groups)) == case["n_councils"]
    mine = _rubin(est, se, nu_com)
    p = res.params
    assert list(p.index) == ["Intercept", "C(wave)[T.1]", "C(wave)[T.2]", "status"]
    b = est.var(axis=0, ddof=1)
    assert (b[1:3] > 0).all()  # the imputations differ at the later waves: Rubin's between-variance is tested
    for column, tol in [("estimate", 1e-6), ("se", 1e-6), ("df", 1e-5), ("ci_low", 1e-6), ("ci_high", 1e-6),
                        ("p_value", 1e-5), ("lambda", 1e-5), ("fmi", 1e-5)]:
        np.testing.assert_allclose(p[column].to_numpy(), mine[column], rtol=tol, atol=tol, err_msg=f"{name}: {column}")
    if case["separated"]:
        # quasi-complete separation at the first wave in every imputation (no event; every participant seen there):
        # the maximum-likelihood intercept has no finite value (the log-likelihood still rises at -30), Firth's has
        for completed in sets:
            assert completed.loc[completed["wave"] == 0, "y"].sum() == 0
            _, xf = patsy.dmatrices(FORMULA, completed, return_type="dataframe")
            x, y = xf.to_numpy(float), completed.loc[xf.index, "y"].to_numpy(float)
            start = np.array([-30.0, 30.0, 30.0, 0.0])
            ll = [np.sum(y * (x @ s) - np.logaddexp(0.0, x @ s)) for s in (start, start * 1.5)]
            assert ll[1] > ll[0]
        assert np.isfinite(p["estimate"]).all() and -8 < p.loc["Intercept", "estimate"] < -2
    # the tolerance catches real errors: without Rubin's (1 + 1/m), with the large-sample df (m - 1) / lambda^2, or
    # with the model-based standard errors (no design effect), the package's figures are far outside it (at least ten
    # times the SE's tolerance of 1e-6: where the imputations barely differ, as in the separated case with the oldest
    # supported libraries, dropping (1 + 1/m) moves the SE by 1e-4 only, which the comparison above still catches)
    assert (np.abs(np.sqrt((se**2).mean(axis=0) + b)[1:3] / p["se"].to_numpy()[1:3] - 1) > 1e-5).all()
    lam = mine["lambda"]
    assert (np.abs((len(sets) - 1) / lam[1:3] ** 2 / p["df"].to_numpy()[1:3] - 1) > 1e-2).all()


# --------------------------------------------------------------------------------------------------
# The detectable odds ratio: each distinct outcome vector fitted once
# --------------------------------------------------------------------------------------------------


def _design(seed: int, rows: int, waves: int) -> np.ndarray:
    """An intercept, impacts reported per interview (0 to 4, skewed) and wave dummies."""
    rng = np.random.default_rng(seed)
    impacts = rng.poisson(1.2, rows).clip(0, 4).astype(float)
    wave = rng.integers(0, waves, rows)
    return np.column_stack([np.ones(rows), impacts, *[(wave == w).astype(float) for w in range(1, waves)]])


@pytest.mark.parametrize("seed, rows, waves, share, df, deff, alpha", [
    (92331, 16, 2, 0.6, 8.0, 1.0, 0.05 / 15),  # too few rows: no odds ratio up to 1,000 reaches 80%
    (92332, 34, 3, 0.6, 25.0, 1.2, 0.05 / 12),  # 12.5
    (92333, 45, 3, 0.45, 36.0, 1.1, 0.05 / 14),  # 3.77
    (92334, 30, 1, 0.8, np.inf, 1.0, 0.05),  # 5.44, chi-squared
])
def test_the_detectable_ratio_reusing_fits_is_the_refitted_one_bit_for_bit(seed, rows, waves, share, df, deff, alpha,
                                                                            monkeypatch):
    from impact.stats import _power

    x = _design(seed, rows, waves)
    fitted = []
    real = _power._firth_lr_batch
    monkeypatch.setattr(_power, "_firth_lr_batch", lambda x, y, j, **k: fitted.append(len(y)) or real(x, y, j, **k))
    kwargs = dict(df=df, design_effect=deff, alpha=alpha, power=0.8, n_draws=200, seed=seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        refit = _power._firth_detectable_ratio(x, 1, share, reuse=False, **kwargs)
        n_refit = sum(fitted)
        fitted.clear()
        reused = _power._firth_detectable_ratio(x, 1, share, **kwargs)
    assert reused == refit  # the same figure, not one within a tolerance (infinite where none reaches 80%)
    assert sum(fitted) < 0.6 * n_refit  # most draws' outcomes recur between the odds ratios tried


# --------------------------------------------------------------------------------------------------
# bench/ipw_check.py: coverage against the population value
# --------------------------------------------------------------------------------------------------


def test_ipw_check_pools_studies_for_the_population_value_and_counts_its_coverage():
    """The population value of each term is the marginal model's on every participant-wave of the pooled studies
    (recomputed here from the planted probabilities), not the mean of the studies' own values; coverage against it
    is counted with its binomial Monte Carlo standard error (a table of intervals made here)."""
    from scipy.special import logit

    from bench.ipw_check import planted_panel, population, summarise

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        values = population(3, 92341, n_councils=6)
        panels = [planted_panel(92341 + i, n_councils=6) for i in range(3)]
    pooled = pd.concat([p for p, _ in panels], ignore_index=True)
    prevalence = logit(pooled.groupby("wave", observed=True)["p_planted"].mean())
    waves = list(prevalence.index)
    assert values["Intercept"]["value"] == pytest.approx(prevalence[waves[0]], abs=1e-12)
    for w in waves[1:]:
        assert values[f"C(wave)[T.{w}]"]["value"] == pytest.approx(prevalence[w] - prevalence[waves[0]], abs=1e-12)
    own = np.array([planted.to_numpy() for _, planted in panels])
    assert values["Intercept"]["mc_se"] == pytest.approx(own[:, 0].std(ddof=1) / np.sqrt(3), rel=1e-12)
    # coverage: 10 studies' intervals, 4 holding the population value 0.5 and 9 their own planted value
    low = np.array([0.0, 0.1, 0.2, 0.3, 0.4, 0.45, 0.49, 0.6, 0.7, -1.0])
    high = low + 0.2
    planted = np.r_[low[:9] + 0.1, 5.0]
    runs = pd.DataFrame({"seed": range(10), "method": "ipw", "term": "Intercept", "se": 0.1, "se_robust": 0.1,
                         "robust_low": low, "robust_high": high, "estimate": low + 0.1, "ci_low": low, "ci_high": high,
                         "planted": planted, "n_obs": 100, "n_effective": 90.0})
    out = summarise(runs, {"Intercept": {"value": 0.5}})["ipw"]["Intercept"]
    covered = int(((low <= 0.5) & (0.5 <= high)).sum())
    assert covered == 4 and out["coverage_population"] == 0.4
    assert out["coverage_population_mc_se"] == pytest.approx(np.sqrt(0.4 * 0.6 / 10))
    assert out["coverage"] == 0.9 and out["coverage_mc_se"] == pytest.approx(np.sqrt(0.9 * 0.1 / 10))
    assert out["mean_bias_population"] == pytest.approx((low + 0.1 - 0.5).mean())

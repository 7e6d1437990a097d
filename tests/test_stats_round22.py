"""Statistics round 22: the other weighted and imputed paths of the longitudinal models, cross-checked.

* Firth's penalised logistic fit under ``missing="ipw"`` (``method="firth"``): against a Newton-Raphson of the
  weighted penalised likelihood written here (Heinze and Schemper 2002; with case weights w the penalty is
  1/2 log |X' diag(w p (1 - p)) X|), whose weighted form is first checked on logistf's published sex2 fit by its
  aggregated rows with their counts as weights; the response weights from a logistic model written here.
* ``missing="mice"``: Rubin's rules and the Barnard-Rubin degrees of freedom recomputed by hand from fits written
  here (least squares with a Mancl-DeRouen sandwich in numpy) of the completed data sets the function used, which the
  results now expose (`imputations`).

Each tolerance is shown to catch a real error: the fit with the penalty of the unweighted information, or with the
response weights left out, or Rubin's rules without the between-imputation variance's (1 + 1/m), is farther off.
Seeds 92201 to 92299 are used nowhere else in the repository.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import patsy
import pytest
from scipy import stats
from scipy.special import expit
from test_stats_crosscheck_round8 import dropout_panel
from test_stats_crosscheck_round11 import _SEX2, _SEX2_LOGISTF, _firth_arrays, _penalised_fit

from impact.stats import longitudinal_model

# --------------------------------------------------------------------------------------------------
# Firth's weighted penalised likelihood, written here (tests/test_stats_crosscheck_round11.py's Newton-Raphson, with
# case weights)
# --------------------------------------------------------------------------------------------------


def test_the_weighted_penalised_likelihood_written_here_is_logistfs_on_sex2_by_its_counts():
    """logistf 1.26, summary(logistf(case ~ age + oc + vic + vicl + vis + dia, data = sex2, alpha = 0.1)), the example
    of logistfPrint (R package logistf documentation); logistf's own example fits sexagg with weights = COUNT to the
    same fit. Here the 36 aggregated rows with their counts as case weights (the weighted form), and the 239 rows
    unweighted, each reproduce it (the published table: tests/test_stats_crosscheck_round11.py, `_SEX2_LOGISTF`)."""
    ref = _SEX2_LOGISTF
    agg = np.array([[int(b) for b in bits] + [int(n)] for bits, n in (s.split() for s in _SEX2)], dtype=float)
    x = np.column_stack([np.ones(len(agg)), agg[:, :6]])
    y, count = agg[:, 6], agg[:, 7]
    weighted = _firth_arrays(x, y, count, alpha=0.1)
    long = np.repeat(np.arange(len(agg)), count.astype(int))
    unweighted = _firth_arrays(x[long], y[long], alpha=0.1)
    assert count.sum() == 239 and y @ count == 130
    for mine in (weighted, unweighted):
        # logistf stops at a change below 1e-5: estimates agree to 5e-6, the rest to the printed digits
        assert mine["estimate"].to_numpy() == pytest.approx(ref[:, 0], abs=5e-6)
        assert mine["se"].to_numpy() == pytest.approx(ref[:, 1], abs=5e-6)
        assert mine["ci_low"].to_numpy() == pytest.approx(ref[:, 2], abs=5e-6)
        assert mine["ci_high"].to_numpy() == pytest.approx(ref[:, 3], abs=5e-6)
        assert mine["lr_chi2"].to_numpy() == pytest.approx(ref[:, 4], rel=1e-5)
    # the weights are in the penalty: with the counts in the likelihood only (penalty of the 36 rows' information)
    # the fit is another one, far outside the published digits
    wrong = _penalised_fit(x, y, w=count, penalty_w=np.ones(len(y)))[0]
    assert np.abs(wrong - ref[:, 0]).max() > 0.05


@pytest.fixture(scope="module")
def sparse_panel():
    """24 councils x 3 participants x 3 waves, a rare outcome (few events at the first wave: Firth's use), status
    varying between waves; response falls with status at the later waves and with a participant's baseline `x`.
    Missed later interviews are rows with no outcome, or (half of them) no row at all."""
    rng = np.random.default_rng(92201)
    n_c, n_p, n_w = 24, 3, 3
    council = np.repeat(np.arange(n_c), n_p * n_w)
    person = np.repeat(np.arange(n_c * n_p), n_w)
    wave = np.tile(np.arange(n_w), n_c * n_p)
    status = (rng.random((n_c, n_w)) < np.array([0.3, 0.5, 0.5])).astype(int)[council, wave]
    x = np.repeat(rng.normal(0, 1, n_c * n_p), n_w)
    eta = -3.4 + 1.0 * wave + 1.0 * status + 0.4 * x + np.repeat(rng.normal(0, 0.6, n_c), n_p * n_w)
    y = (rng.random(len(wave)) < expit(eta)).astype(float)
    responded = rng.random(len(wave)) < expit(2.0 - 0.5 * wave - 1.2 * status * (wave > 0) - 0.5 * x)
    responded |= wave == 0  # every participant is seen at the first wave
    full = pd.DataFrame({"council": council, "person": [f"q{i:03d}" for i in person], "wave": wave,
                         "status": status, "x": x, "y": y})
    data = full.assign(y=full["y"].where(responded))
    absent = ~responded & (rng.random(len(wave)) < 0.5)
    data = data[~absent].sample(frac=1.0, random_state=92202)
    data.index = data.index + 500
    return full, responded, data


def _response_weights(full: pd.DataFrame, responded: np.ndarray) -> np.ndarray:
    """Mean response over the maximum-likelihood response probability of a logistic model of response on
    [1, wave dummies, status, x, status and x times the wave dummies] (the model the docs describe), by
    Newton-Raphson here. Where every row of a cell responds (the first wave) the maximum is at infinity: iterate
    until the probabilities stop moving."""
    w = np.column_stack([full["wave"] == 1, full["wave"] == 2]).astype(float)
    s, x = full["status"].to_numpy(float)[:, None], full["x"].to_numpy(float)[:, None]
    design = np.column_stack([np.ones(len(full)), w, s, s * w, x, x * w])
    r = responded.astype(float)
    beta = np.zeros(design.shape[1])
    for _ in range(200):
        p = expit(design @ beta)
        step = np.linalg.lstsq(design.T @ (design * (p * (1 - p))[:, None]), design.T @ (r - p), rcond=None)[0]
        beta += step
        if np.abs(expit(design @ beta) - p).max() < 1e-14:
            break
    return r.mean() / expit(design @ beta)


def test_firth_under_ipw_is_the_weighted_penalised_likelihood_with_councils_as_clusters(sparse_panel):
    full, responded, data = sparse_panel
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = longitudinal_model(data, formula="y ~ C(wave) + status", unit="council", subject="person", time="wave",
                                 family="binomial", method="firth", missing="ipw", response_covariates=["status", "x"])
    weights = _response_weights(full, responded)[responded]
    rows = full[responded]
    assert int(rows.loc[rows["wave"] == 0, "y"].sum()) < 5  # few events at the first wave: why Firth is used
    # the weights reached the fit, by the caller's rows, and Kish's n is theirs
    hand = pd.Series(weights, index=rows.index + 500)
    assert sorted(res.weights.index) == sorted(hand.index)
    np.testing.assert_allclose(res.weights.loc[hand.index].to_numpy(), hand.to_numpy(), rtol=1e-6)
    assert res.n_obs == int(responded.sum())
    assert res.n_effective == pytest.approx(weights.sum() ** 2 / (weights**2).sum(), rel=1e-6)
    assert res.n_effective < res.n_obs
    # the penalised fit of those weights, written here, with councils as clusters and F(1, G - k)
    _, xf = patsy.dmatrices("y ~ C(wave) + status", rows, return_type="dataframe")
    x, y = xf.to_numpy(float), rows["y"].to_numpy(float)
    groups = pd.factorize(rows["council"])[0]
    mine = _firth_arrays(x, y, weights, groups=groups)
    mine.index = res.params.index
    assert (mine["design_effect"] > 1.05).any()  # the clusters matter: the design effect is tested
    assert (res.params["df"] == 24 - 4).all()
    for column in ("estimate", "se", "design_effect", "lr_chi2", "p_value", "ci_low", "ci_high"):
        np.testing.assert_allclose(res.params[column].to_numpy(), mine[column].to_numpy(), rtol=1e-6, atol=1e-7,
                                   err_msg=column)
    # the tolerance catches real errors: the fit unweighted, or weighted in the likelihood but not the penalty,
    # is farther from the package's than 1000 times it
    unweighted = _penalised_fit(x, y)[0]
    unpenalised_weights = _penalised_fit(x, y, w=weights, penalty_w=np.ones(len(y)))[0]
    estimate = res.params["estimate"].to_numpy()
    assert np.abs(unweighted - estimate).max() > 1e-2
    assert np.abs(unpenalised_weights - estimate).max() > 1e-3


# --------------------------------------------------------------------------------------------------
# Multiple imputation: the imputations used, and Rubin's rules recomputed from fits written here
# --------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def imputed():
    """30 councils x 3 waves, a continuous outcome, councils in intervention dropping out more at the later waves;
    fitted by ``missing="mice"`` with 5 imputations (least squares: working independence)."""
    panel = dropout_panel(92210, 30, status_effect=1.5, drop_in_intervention=0.5)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = longitudinal_model(panel, formula="y ~ C(wave)", unit="council", time="wave", missing="mice",
                                 cov_struct="independence", response_covariates=["status"], n_imputations=5,
                                 seed=92211)
    return panel, res


def _ols_mancl_derouen(data: pd.DataFrame, formula: str, unit: str) -> tuple[np.ndarray, np.ndarray]:
    """Least squares with the Mancl-DeRouen (2001) bias-reduced sandwich by unit, identity link and working
    independence: bread (X'X)^-1, meat from X_i' (I - H_ii)^-1 r_i, H_ii = X_i (X'X)^-1 X_i'."""
    yf, xf = patsy.dmatrices(formula, data, return_type="dataframe")
    x, y = xf.to_numpy(float), yf.iloc[:, 0].to_numpy(float)
    g = data.loc[yf.index, unit].to_numpy()
    bread = np.linalg.inv(x.T @ x)
    beta = bread @ x.T @ y
    meat = np.zeros((x.shape[1],) * 2)
    for c in np.unique(g):
        i = g == c
        h = x[i] @ bread @ x[i].T
        s = x[i].T @ np.linalg.solve(np.eye(int(i.sum())) - h, y[i] - x[i] @ beta)
        meat += np.outer(s, s)
    return beta, np.sqrt(np.diag(bread @ meat @ bread))


def test_the_imputations_used_are_exposed_and_fill_only_the_missing_waves(imputed):
    panel, res = imputed
    sets = res.imputations
    assert isinstance(sets, list) and len(sets) == 5
    observed = panel.dropna(subset=["y"]).set_index(["council", "wave"])["y"]
    missing = panel[panel["y"].isna()].set_index(["council", "wave"]).index
    for completed in sets:
        by = completed.set_index(["council", "wave"])
        assert len(by) == len(panel) and by["y"].notna().all()  # every council-wave, none missing
        pd.testing.assert_series_equal(by["y"].reindex(observed.index), observed, check_names=False)
        # predictive mean matching: each imputed value is one observed at that wave
        for (c, w), value in by["y"].reindex(missing).items():
            assert value in set(observed.xs(w, level="wave")), (c, w, value)
        assert (by["status"].reindex(panel.set_index(["council", "wave"]).index).to_numpy()
                == panel["status"].to_numpy()).all()
    imputed_values = np.array([s.set_index(["council", "wave"])["y"].reindex(missing).to_numpy() for s in sets])
    assert (imputed_values.std(axis=0) > 0).any()  # the imputations differ: between-imputation variance exists
    assert res.n_obs == len(observed)


def test_rubins_rules_and_barnard_rubin_df_by_hand_from_the_imputations(imputed):
    """Rubin (1987) 3.1.2-3.1.10: qbar the mean estimate, ubar the mean squared standard error, b the variance of
    the estimates between imputations, T = ubar + (1 + 1/m) b; Barnard and Rubin (1999): nu_m = (m - 1) / lambda^2,
    nu_obs = (nu_com + 1) / (nu_com + 3) nu_com (1 - lambda), nu = 1 / (1 / nu_m + 1 / nu_obs), nu_com = councils
    less parameters; fmi = (r + 2 / (nu + 3)) / (r + 1) (mice::pool). Each imputation's fit written here."""
    panel, res = imputed
    fits = [_ols_mancl_derouen(s, "y ~ C(wave)", "council") for s in res.imputations]
    est, se = np.array([f[0] for f in fits]), np.array([f[1] for f in fits])
    m = len(fits)
    qbar, ubar, b = est.mean(axis=0), (se**2).mean(axis=0), est.var(axis=0, ddof=1)
    total = ubar + (1 + 1 / m) * b
    lam = (1 + 1 / m) * b / total
    nu_com = 30 - 3
    nu = 1 / ((lam**2) / (m - 1) + 1 / ((nu_com + 1) / (nu_com + 3) * nu_com * (1 - lam)))
    riv = (1 + 1 / m) * b / ubar
    half = stats.t.ppf(0.975, nu) * np.sqrt(total)
    p = res.params
    assert (b[1:] > 0).all() and (lam[1:] > 0.02).all()  # the later waves have missing information
    np.testing.assert_allclose(p["estimate"], qbar, rtol=1e-9)
    np.testing.assert_allclose(p["se"], np.sqrt(total), rtol=1e-7)
    np.testing.assert_allclose(p["df"], nu, rtol=1e-7)
    np.testing.assert_allclose(p["lambda"], lam, rtol=1e-7, atol=1e-12)
    np.testing.assert_allclose(p["fmi"], (riv + 2 / (nu + 3)) / (riv + 1), rtol=1e-7)
    np.testing.assert_allclose(p["ci_low"], qbar - half, rtol=1e-7)
    np.testing.assert_allclose(p["ci_high"], qbar + half, rtol=1e-7)
    np.testing.assert_allclose(p["p_value"], 2 * stats.t.sf(np.abs(qbar) / np.sqrt(total), nu), rtol=1e-6)
    # the tolerance catches real errors: without (1 + 1/m), or with the large-sample df (m - 1) / lambda^2, the
    # later waves are off by far more than it
    assert (np.abs(np.sqrt(ubar + b)[1:] / p["se"].to_numpy()[1:] - 1) > 1e-3).all()
    assert (np.abs((m - 1) / lam[1:] ** 2 / p["df"].to_numpy()[1:] - 1) > 1e-2).all()

"""Firth's Newton-Raphson where logistf's step (by the inverse information matrix) cycles: six rows and three terms
of a generated 6-council study, where the information matrix's step overshoots by the hat values' share (half of each
row's weight here) and the fit went back and forth between two points with the modified score at 3e-4 for 200
iterations, warned that it had not converged and reported an estimate 1.8e-4 from the maximum. The step by the modified
score's derivative reaches the maximum, which an independent computation confirms."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
from scipy import optimize

from impact.errors import StatisticalWarning
from impact.stats._firth import _FirthFit, firth_logistic

DATA = pd.DataFrame({"y": [1, 0, 0, 1, 1, 0], "a": [0, 1, 1, 1, 1, 1], "b": [5.0, 3.5, 2.5, 2.0, 6.0, 2.0]})
X = np.column_stack([np.ones(6), DATA["a"], DATA["b"]])
Y = DATA["y"].to_numpy(float)


def _penalised_loglik(beta: np.ndarray) -> float:
    """Written out here, apart from the library: the log-likelihood plus half the log determinant of x' W x."""
    eta = X @ beta
    p = 1 / (1 + np.exp(-eta))
    sign, logdet = np.linalg.slogdet(X.T @ (X * (p * (1 - p))[:, None]))
    return float(np.sum(Y * eta - np.log1p(np.exp(eta))) + 0.5 * logdet) if sign > 0 else -np.inf


def _modified_score(beta: np.ndarray) -> np.ndarray:
    """Firth's (1993) modified score x' (y - p + h (1/2 - p)), h the diagonal of W^1/2 x (x' W x)^-1 x' W^1/2."""
    p = 1 / (1 + np.exp(-(X @ beta)))
    root = X * np.sqrt(p * (1 - p))[:, None]
    h = np.einsum("ij,ij->i", root @ np.linalg.inv(root.T @ root), root)
    return X.T @ (Y - p + h * (0.5 - p))


def test_a_fit_where_the_information_step_cycles_converges_to_the_maximum():
    with warnings.catch_warnings():
        warnings.simplefilter("error", StatisticalWarning)  # it warned "did not converge" before
        res = firth_logistic(DATA, formula="y ~ a + b")
    estimate = res.params["estimate"].to_numpy()
    assert np.abs(_modified_score(estimate)).max() < 1e-8
    independent = optimize.minimize(lambda b: -_penalised_loglik(b), np.zeros(3), method="Nelder-Mead",
                                    options={"xatol": 1e-12, "fatol": 1e-15, "maxiter": 20000, "maxfev": 20000})
    assert np.allclose(estimate, independent.x, atol=1e-6), (estimate, independent.x)  # 1.8e-4 away before
    assert _penalised_loglik(estimate) >= -independent.fun - 1e-12


def test_profile_points_of_that_fit_converge():
    fit = _FirthFit(Y, X, np.ones(6))
    beta, loglik, converged = fit.maximise()
    assert converged
    for j in range(3):
        for value in (beta[j] - 2.0, beta[j] + 2.0):
            fixed, ll, ok = fit.maximise(fixed={j: value}, start=beta)
            assert ok, (j, value)
            free = [k for k in range(3) if k != j]
            assert np.abs(_modified_score(fixed)[free]).max() < 1e-6, (j, value)

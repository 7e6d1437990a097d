"""Firth's Newton-Raphson where logistf's step (by the inverse information matrix) cycles: six rows and three terms
of a generated 6-council study, where the information matrix's step overshoots by the hat values' share (half of each
row's weight here) and the fit went back and forth between two points with the modified score at 3e-4 for 200
iterations, warned that it had not converged and reported an estimate 1.8e-4 from the maximum. The step by the modified
score's derivative reaches the maximum, which an independent computation confirms. That step holds the hat values
fixed and converges only linearly: where they change fast (a wave at which every participant said the same) it took
more than 200 iterations and still warned; after 25 iterations the step is by the exact derivative."""

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


def _modified_score(beta: np.ndarray, x: np.ndarray = X, y: np.ndarray = Y, w: np.ndarray | None = None) -> np.ndarray:
    """Firth's (1993) modified score x' (w (y - p) + h (1/2 - p)), h the diagonal of V^1/2 x (x' V x)^-1 x' V^1/2,
    V = diag(w p (1 - p))."""
    w = np.ones(len(y)) if w is None else w
    p = 1 / (1 + np.exp(-(x @ beta)))
    root = x * np.sqrt(w * p * (1 - p))[:, None]
    h = np.einsum("ij,ij->i", root @ np.linalg.inv(root.T @ root), root)
    return x.T @ (w * (y - p) + h * (0.5 - p))


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


# Eight participants of a generated 15-council study (seed 110) who raised one process factor: at the first wave all
# four said it helped, so the wave term nearly separates the outcome (helped ~ impacts + wave).
SLOW = pd.DataFrame({"helped": [1, 1, 1, 1, 1, 0, 1, 0], "wave": [0, 0, 0, 0, 1, 1, 1, 1],
                     "impacts": [5.0, 4.0, 1.0, 3.0, 4.5, 3.0, 4.0, 3.0]})


def test_a_fit_where_the_hat_values_change_fast_converges():
    with warnings.catch_warnings():
        warnings.simplefilter("error", StatisticalWarning)  # "did not converge" after 200 iterations before
        res = firth_logistic(SLOW, formula="helped ~ wave + impacts")
    x = np.column_stack([np.ones(8), SLOW["wave"], SLOW["impacts"]])
    assert np.abs(_modified_score(res.params["estimate"].to_numpy(), x, SLOW["helped"].to_numpy(float))).max() < 1e-9


def test_the_exact_derivative_is_the_modified_scores():
    x = np.column_stack([np.ones(8), SLOW["wave"], SLOW["impacts"]])
    y = SLOW["helped"].to_numpy(float)
    for w in (np.ones(8), np.array([1.0, 2.0, 1.0, 3.0, 1.0, 0.5, 2.0, 1.0])):
        fit = _FirthFit(y, x, w)
        for beta in (np.array([-0.3, -2.0, 0.8]), np.array([1.0, 0.5, -0.2])):
            central = np.column_stack([(_modified_score(beta + 1e-6 * e, x, y, w) - _modified_score(beta - 1e-6 * e, x, y, w))
                                       / 2e-6 for e in np.eye(3)])
            assert np.allclose(fit.hessian(beta), -central, atol=1e-7), (w, beta)

"""Firth's fit far out on a profile: the modified score stalls at about 1e-8 in floating point, where the fit used to
iterate 200 times with 30 step-halvings each (6,000 log-likelihoods per point of the profile, most of a small
study's run time). It now stops when no better point exists, and its answers are those of an independent optimiser."""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import optimize, stats

from impact.stats import _firth
from impact.stats._firth import _FirthFit, firth_logistic

# 30 rows of a small generated study's attrition model (the design that stalled): an outcome with 6 events, and
# three 0/1 terms, the first of which separates the outcome in one direction far out on its profile.
Y = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0]
A = [0, 1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0]
B = [0, 0, 1, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 1, 0, 1, 0, 0, 1]
C = [0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 1, 0, 1, 1, 0]


def _fit() -> _FirthFit:
    x = np.column_stack([np.ones(30), A, B, C]).astype(float)
    return _FirthFit(np.array(Y, float), x, np.ones(30))


def _profile_loglik(fit: _FirthFit, j: int, value: float) -> float:
    """The penalised log-likelihood maximised over the other coefficients by scipy's BFGS (independent of
    `maximise`), from several starts, best kept."""
    free = [k for k in range(4) if k != j]

    def negative(b):
        beta = np.empty(4)
        beta[j], beta[free] = value, b
        ll = fit.loglik(beta)
        return 1e10 if not np.isfinite(ll) else -ll

    best = min((optimize.minimize(negative, np.full(3, s), method="BFGS", options={"gtol": 1e-9, "maxiter": 2000})
                for s in (0.0, -5.0, 5.0)), key=lambda r: r.fun)
    return -best.fun


def test_a_fit_far_out_on_a_profile_stops_where_no_better_point_exists(monkeypatch):
    fit = _fit()
    calls = []
    loglik = fit.loglik
    monkeypatch.setattr(fit, "loglik", lambda beta, *info: calls.append(1) or loglik(beta, *info))
    beta, ll, converged = fit.maximise(fixed={1: 15.5})
    assert converged
    assert len(calls) < 300, len(calls)  # it took more than 6,000 before
    monkeypatch.undo()
    # no independent optimiser finds a higher penalised log-likelihood with the coefficient held there (BFGS stops a
    # little lower in this flat region)
    independent = _profile_loglik(fit, 1, 15.5)
    assert independent - 1e-9 <= ll <= independent + 1e-4, (ll, independent)
    assert beta[1] == 15.5


def test_profile_limits_are_where_the_penalised_likelihood_falls_by_the_critical_value():
    data = pd.DataFrame({"y": Y, "a": A, "b": B, "c": C})
    res = firth_logistic(data, formula="y ~ a + b + c").params
    fit = _fit()
    beta, ll_max, converged = fit.maximise()
    assert converged
    assert np.allclose(res["estimate"], beta)
    critical = stats.chi2.ppf(0.95, 1)
    for j, term in enumerate(res.index):
        for side in ("ci_low", "ci_high"):
            limit = res.loc[term, side]
            if np.isfinite(limit):
                assert np.isclose(2 * (ll_max - _profile_loglik(fit, j, limit)), critical, atol=1e-4), (term, side)


def test_the_stall_tolerance_is_logistfs_gradient_tolerance_or_tighter():
    # logistf.control(gconv = 1e-5): R package logistf 1.26, ?logistf.control
    assert _firth._STALL_SCORE <= 1e-5

"""The survey mixed model fitted from the maximum of its REML likelihood (speed13, impact/stats/_reml.py).

The REML log-likelihood computed for every council at once must be statsmodels' own ``MixedLM.loglike`` at the
same parameters (an independent computation: statsmodels loops over councils with its own Woodbury solver), its
gradient statsmodels' likelihood's central differences, and the fit :func:`impact.stats.longitudinal_model` makes
must reach the maximum that derivative-free optimisers find on statsmodels' likelihood, where the gradient fit
and the Powell polish of before stopped short (by 2e-4 on round 4's 20-council study; bench/mixed_reml_compare.py).
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from scipy import optimize
from statsmodels.regression.mixed_linear_model import MixedLMParams

from impact.stats import longitudinal_model

FORMULA = "score ~ C(wave) + in_intervention"


def survey(seed: int, councils: int, waves: int, sd_council: float, sd_cell: float, sd_respondent: float):
    """Respondents' scores with planted council, council-by-wave and respondent effects (a third of each council's
    respondents answer again at the next wave), 4-20 respondents per council and wave, a status that changes."""
    rng = np.random.default_rng(seed)
    rows = []
    for c in range(councils):
        council, previous, next_id = rng.normal(0, sd_council), [], 0
        start = rng.integers(0, waves + 1)
        for w in range(waves):
            cell, n = rng.normal(0, sd_cell), int(rng.integers(4, 21))
            ids = [r for r in previous if rng.random() < 1 / 3][:n]
            ids += list(range(next_id, next_id + n - len(ids)))
            next_id = max(ids) + 1
            rows += [{"council_id": f"C{c}", "respondent_id": f"C{c}R{r}", "wave": f"W{w}",
                      "in_intervention": int(w >= start), "shock": council + cell} for r in ids]
            previous = ids
    frame = pd.DataFrame(rows)
    people = frame["respondent_id"].unique()
    person = dict(zip(people, rng.normal(0, sd_respondent, len(people))))
    frame["score"] = (frame["shock"] + frame["respondent_id"].map(person) + 0.2 * frame["in_intervention"]
                      + rng.normal(0, 1, len(frame)))
    return frame.drop(columns="shock")


def _fitted(frame, **options):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return longitudinal_model(frame, formula=FORMULA, unit="council_id", time="wave", method="mixed",
                                  family="gaussian", **options)


def _statsmodels_loglike(model, theta):
    """statsmodels' REML log-likelihood (profiled) at relative variances `theta` (intercept, then components)."""
    params = MixedLMParams(model.k_fe, 1, model.k_vc)
    params.fe_params = np.zeros(model.k_fe)
    params.cov_re = np.array([[theta[0]]])
    params.vcomp = np.asarray(theta[1:], dtype="float64")
    model.reml, model.cov_pen, model.fe_pen, model._cov_sing = True, None, None, 0
    return model.loglike(params, profile_fe=True)


@pytest.mark.parametrize("options", [{"subject": "respondent_id"}, {"subject": "respondent_id", "unit_by_time": False},
                                     {}, {"unit_by_time": False}],
                         ids=["three components", "council and respondent", "council and council-by-wave",
                              "council alone"])
def test_reml_loglike_is_statsmodels(options):
    from impact.stats._reml import StackedREML

    model = _fitted(survey(17002, 6, 3, 0.3, 0.2, 0.5), **options).fit_result.model
    reml = StackedREML.of(model)
    assert reml is not None
    k = 1 + model.k_vc
    rng = np.random.default_rng(5)
    for theta in [np.ones(k), *rng.uniform(0.001, 3, (4, k))]:
        value, gradient = reml.loglike(theta, gradient=True)
        assert value == pytest.approx(_statsmodels_loglike(model, theta), abs=1e-8)
        # the gradient against central differences of statsmodels' likelihood
        step = 1e-6
        numeric = [(_statsmodels_loglike(model, theta + step * e) - _statsmodels_loglike(model, theta - step * e))
                   / (2 * step) for e in np.eye(k)]
        assert gradient == pytest.approx(numeric, rel=1e-5, abs=1e-5)


def _independent_maximum(model) -> tuple[float, np.ndarray]:
    """The highest of statsmodels' REML likelihood found by Nelder-Mead in the standard deviations (relative to the
    residual's; a square has no boundary, so a variance can go to zero) from a grid of starts."""
    k = 1 + model.k_vc

    def loss(s):
        value = _statsmodels_loglike(model, np.maximum(s ** 2, 1e-300))
        return -value if np.isfinite(value) else np.inf

    best = None
    for start in (np.full(k, 1.0), np.full(k, 0.3), np.full(k, 0.05)):
        found = optimize.minimize(loss, start, method="Nelder-Mead",
                                  options={"xatol": 1e-9, "fatol": 1e-12, "maxiter": 20000, "maxfev": 20000})
        if best is None or found.fun < best.fun:
            best = found
    return -best.fun, best.x ** 2


@pytest.mark.parametrize("design", [(17003, 8, 2, 0.3, 0.1, 0.4), (17004, 12, 3, 0.0, 0.0, 0.4),
                                    (17005, 10, 2, 0.3, 0.0, 0.0)],
                         ids=["all components", "no council nor council-by-wave variance", "no respondent variance"])
def test_fit_reaches_the_reml_maximum(design):
    """The fit's REML log-likelihood is the maximum to 1e-7, and its relative variances the maximum's."""
    result = _fitted(survey(*design), subject="respondent_id").fit_result
    value, theta = _independent_maximum(result.model)
    assert result.llf >= value - 1e-7
    fitted = np.concatenate([np.asarray(result.cov_re).ravel(), np.asarray(result.vcomp)]) / result.scale
    assert fitted == pytest.approx(theta, abs=2e-3)



def test_no_residual_degree_of_freedom_leaves_the_fit_to_statsmodels_without_a_warning_of_its_own():
    """A mixed model with as many rows as fixed effects has no REML likelihood (its constant takes the log of zero
    residual degrees of freedom): the maximum is not searched for (None), and no numpy warning of that search reaches
    the user. The tiny study's survey model (3 councils) said 'a quantity could not be computed (a division by zero
    ...)' of the search's log(0) beside the fit's own failure, a caveat of a computation the user never asked for."""
    import statsmodels.formula.api as smf

    from impact.stats._reml import reml_maximum

    frame = pd.DataFrame({"council_id": ["A", "A", "B"], "wave": ["W0", "W1", "W0"], "score": [1.0, 2.0, 4.0]})
    model = smf.mixedlm("score ~ C(wave) + council_id", frame, groups="council_id")
    assert model.exog.shape[1] == len(frame)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a RuntimeWarning of log(0) fails the test
        assert reml_maximum(model) is None

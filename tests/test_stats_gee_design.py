"""A GEE of longitudinal_model is given the design patsy built for the identification check
(impact.stats._models._gee_model) instead of building it again: the model and fit must be statsmodels'
``GEE.from_formula`` of the same rows, to the last bit, with the formula and design information a user's
``fit_result.predict`` on new data reads."""

import warnings

import numpy as np
import pandas as pd
import pytest
from statsmodels.genmod import cov_struct as sm_cov
from statsmodels.genmod import families as sm_families
from statsmodels.genmod.generalized_estimating_equations import GEE

from impact.stats import longitudinal_model


@pytest.fixture(scope="module")
def panel():
    """20 units x 3 waves, rows shuffled (the fit sorts them by unit and time), outcomes missing on 4 rows, a text
    covariate and ids read as pandas' text dtype."""
    rng = np.random.default_rng(20261205)
    n_units, waves = 20, ["w0", "w1", "w2"]
    d = pd.DataFrame({"unit": pd.array(np.repeat([f"u{i:02d}" for i in range(n_units)], 3), dtype="str"),
                      "wave": pd.Categorical(np.tile(waves, n_units), categories=waves),
                      "t": np.tile([0.0, 1.0, 3.0], n_units)})
    d["status"] = np.repeat(rng.integers(0, 2, n_units), 3)
    d["area"] = pd.array(np.repeat(rng.choice(["north", "south", "west"], n_units), 3), dtype="str")
    level = np.repeat(rng.normal(0, 1, n_units), 3)
    d["score"] = 1 + 0.4 * d["t"] + 0.8 * d["status"] + level + rng.normal(0, 1, len(d))
    d["event"] = (rng.random(len(d)) < 1 / (1 + np.exp(-(0.3 * d["t"] - 0.5 + level)))).astype(float)
    d.loc[rng.choice(len(d), 4, replace=False), ["score", "event"]] = np.nan
    return d.sample(frac=1.0, random_state=7).reset_index(drop=True)


CASES = [
    dict(formula="score ~ C(wave) + status + area", family="gaussian", cov_struct="exchangeable"),
    dict(formula="event ~ C(wave) + status", family="binomial", cov_struct="exchangeable"),
    dict(formula="score ~ t * status", family="gaussian", cov_struct="ar1"),
    dict(formula="event ~ C(wave) + area", family="binomial", cov_struct="exchangeable", missing="ipw"),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['family']}-{c['cov_struct']}-{c.get('missing', 'cc')}")
def test_the_gee_is_from_formula_s_model_of_the_same_rows(panel, case):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = longitudinal_model(panel, unit="unit", time="wave" if case["cov_struct"] != "ar1" else "t",
                                 method="gee", **case)
    fit = res.fit_result
    model = fit.model
    frame = model.data.frame  # the rows fitted, as from_formula keeps them
    assert len(frame) == res.n_obs == panel[case["formula"].split(" ~")[0]].notna().sum()
    family = sm_families.Binomial() if case["family"] == "binomial" else sm_families.Gaussian()
    structure = {"exchangeable": sm_cov.Exchangeable, "independence": sm_cov.Independence}.get(
        "independence" if case.get("missing") == "ipw" else case["cov_struct"])
    kwargs = {"weights": model.weights} if case.get("missing") == "ipw" else {}
    if case["cov_struct"] == "ar1":
        kwargs["time"] = frame["t"].to_numpy(dtype="float64")
        structure = type(model.cov_struct)
    reference = GEE.from_formula(case["formula"], "unit", frame, family=family, cov_struct=structure(), **kwargs)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = reference.fit(cov_type=fit.cov_type)
    # the design, outcome and clusters row by row, to the last bit
    np.testing.assert_array_equal(model.exog, reference.exog)
    np.testing.assert_array_equal(model.endog, reference.endog)
    np.testing.assert_array_equal(np.asarray(model.groups), np.asarray(reference.groups))
    assert model.exog_names == reference.exog_names and model.endog_names == reference.endog_names
    # the fit to rounding: on the floor versions (make test-min) the covariance differed from from_formula's in the
    # last bits (3e-14 relative) with the design, outcome and clusters equal to the bit; a design in another order
    # or another fit differs far more
    np.testing.assert_allclose(fit.params.to_numpy(), expected.params.to_numpy(), rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(np.asarray(fit.cov_params()), np.asarray(expected.cov_params()), rtol=1e-12, atol=1e-14)
    # what statsmodels reads of a formula model: the formula, the design information, the arguments it was made with
    assert model.formula == reference.formula == case["formula"]
    assert sorted(vars(model)) == sorted(vars(reference))
    assert sorted(vars(model.data)) == sorted(vars(reference.data))
    assert model._get_init_kwds().keys() == reference._get_init_kwds().keys()
    new = panel.dropna().head(9)
    np.testing.assert_allclose(np.asarray(fit.predict(new)), np.asarray(expected.predict(new)), rtol=1e-12, atol=1e-14)

"""Longitudinal models for council panels: GEE, linear mixed models, ordinal regression."""

from __future__ import annotations

import warnings
from typing import Literal

import numpy as np
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf
from statsmodels.miscmodels.ordinal_model import OrderedModel
from statsmodels.tools.sm_exceptions import ConvergenceWarning

from ..errors import SmallSampleWarning, StatisticalWarning
from ._checks import _check_choice, _check_columns, _check_frame, _check_probability
from ._results import ModelResults, _param_table

__all__ = ["longitudinal_model"]

_COV = {"exchangeable": sm.cov_struct.Exchangeable, "independence": sm.cov_struct.Independence,
        "ar1": sm.cov_struct.Autoregressive}


def _default_formula(outcome: str | None, time: str | None, group: str | None) -> str:
    if outcome is None:
        raise ValueError("Give either `formula` or `outcome` (with `time` and/or `group`).")
    terms = [f"C(Q('{time}'))" if time else None, f"C(Q('{group}'))" if group else None]
    terms = [t for t in terms if t]
    if not terms:
        raise ValueError("Give `time` and/or `group` (or a `formula`).")
    return f"Q('{outcome}') ~ " + " * ".join(terms)


def longitudinal_model(
    data: pd.DataFrame,
    *,
    outcome: str | None = None,
    time: str | None = None,
    unit: str,
    group: str | None = None,
    formula: str | None = None,
    family: Literal["gaussian", "binomial"] = "gaussian",
    method: Literal["gee", "mixed", "ordinal"] = "gee",
    cov_struct: Literal["exchangeable", "independence", "ar1"] = "exchangeable",
    random_slope: bool = False,
    small_sample: bool = True,
    alpha: float = 0.05,
) -> ModelResults:
    """Fit a model for repeated measures on units (councils, participants).

    ``method="gee"``: generalised estimating equations (population-averaged
    effects) with an exchangeable, independence or AR(1) working
    correlation. With ``small_sample=True`` (the default) the sandwich
    covariance is the bias-reduced estimator of Mancl and DeRouen (2001) and
    tests and intervals use t with (units - parameters) degrees of freedom,
    which keeps the size of tests near nominal with 10 to 40 councils.
    ``method="mixed"``: linear mixed model (REML) with a random intercept per
    unit and, with `random_slope`, a random slope on `time` (numeric); t with
    (units - fixed parameters) df when `small_sample`.
    ``method="ordinal"``: proportional-odds logistic regression for Likert
    items, with cluster-robust (by unit) standard errors; t with (units - 1)
    df when `small_sample`.

    Parameters
    ----------
    data : pandas.DataFrame
        Long panel, one row per observation. Not modified.
    outcome, time, group : str, optional
        Used to build the default formula ``outcome ~ C(time) * C(group)``
        when `formula` is not given. `time` also orders observations within
        a unit (AR(1)) and is the random-slope variable.
    unit : str
        Cluster / unit column (e.g. ``"council_id"``).
    formula : str, optional
        A patsy formula (e.g. ``"mentioned ~ C(wave) * reviewed"``).
    family : {"gaussian", "binomial"}
        GEE family (logit link for binomial). Mixed models are gaussian.
    method : {"gee", "mixed", "ordinal"}
    cov_struct : {"exchangeable", "independence", "ar1"}
        GEE working correlation.
    random_slope : bool
        Mixed model: add a random slope on `time`.
    small_sample : bool
        Use the small-sample corrections described above.
    alpha : float
        1 - confidence level.

    Returns
    -------
    ModelResults
        `params` (estimate, se, statistic, df, p_value, ci_low, ci_high by
        term), `variance_components`, `n_obs`, `n_units`, `summary()`.

    Raises
    ------
    ValueError
        For bad arguments (naming the allowed values) or missing columns.

    Warns
    -----
    SmallSampleWarning
        GEE or ordinal model with fewer than 10 units, or `small_sample=False`
        with fewer than 40.
    StatisticalWarning
        Fitted probabilities of 0 or 1 (separation) or no convergence.

    References
    ----------
    Liang, K.-Y. and Zeger, S. L. (1986). Longitudinal data analysis using
    generalized linear models. Biometrika 73, 13-22.

    Mancl, L. A. and DeRouen, T. A. (2001). A covariance estimator for GEE
    with improved small-sample properties. Biometrics 57, 126-134.

    Bates, D., Maechler, M., Bolker, B. and Walker, S. (2015). Fitting linear
    mixed-effects models using lme4. Journal of Statistical Software 67(1).

    Examples
    --------
    >>> rng = np.random.default_rng(1)
    >>> panel = pd.DataFrame({"council_id": np.repeat(np.arange(20), 3),
    ...                       "wave": np.tile([0, 1, 2], 20)})
    >>> panel["score"] = 3 + 0.5 * panel["wave"] + np.repeat(rng.normal(0, 1, 20), 3) + rng.normal(0, 0.3, 60)
    >>> res = longitudinal_model(panel, formula="score ~ wave", unit="council_id", method="mixed")
    >>> bool(res.params.loc["wave", "ci_low"] < 0.5 < res.params.loc["wave", "ci_high"])
    True
    >>> res.n_units, res.n_obs
    (20, 60)
    """
    _check_frame(data)
    _check_choice("method", method, ["gee", "mixed", "ordinal"])
    _check_choice("family", family, ["gaussian", "binomial"])
    _check_choice("cov_struct", cov_struct, list(_COV))
    _check_probability("alpha", alpha)
    _check_columns(data, outcome=outcome, time=time, unit=unit, group=group)
    if formula is None:
        formula = _default_formula(outcome, time, group)
    if method == "mixed" and family != "gaussian":
        raise ValueError("`method='mixed'` fits gaussian outcomes only; use method='gee' with family='binomial'.")
    if random_slope and (method != "mixed" or time is None):
        raise ValueError("`random_slope=True` needs method='mixed' and a numeric `time` column.")
    if cov_struct == "ar1" and time is None:
        raise ValueError("`cov_struct='ar1'` needs `time` to order observations within a unit.")
    frame = data.copy()
    if time is not None:
        frame = frame.sort_values([unit, time], kind="stable")
    frame = frame.reset_index(drop=True)
    n_units = int(frame[unit].nunique())
    if method == "gee":
        return _fit_gee(frame, formula, unit, time, family, cov_struct, small_sample, alpha, n_units)
    if method == "mixed":
        return _fit_mixed(frame, formula, unit, time, random_slope, small_sample, alpha, n_units)
    return _fit_ordinal(frame, formula, unit, small_sample, alpha, n_units)


def _warn_units(n_units: int, small_sample: bool, what: str) -> None:
    if n_units < 10:
        warnings.warn(f"{what} with {n_units} units (< 10): even corrected sandwich standard errors are "
                      "unreliable; treat p-values as descriptive.", SmallSampleWarning, stacklevel=4)
    elif not small_sample and n_units < 40:
        warnings.warn(f"{what} with {n_units} units and small_sample=False: sandwich standard errors are "
                      "biased downwards with fewer than about 40 units.", SmallSampleWarning, stacklevel=4)


def _time_index(frame: pd.DataFrame, time: str) -> np.ndarray:
    values = frame[time]
    if pd.api.types.is_numeric_dtype(values):
        return values.to_numpy(dtype="float64")
    order = sorted(values.unique()) if not isinstance(values.dtype, pd.CategoricalDtype) else values.cat.categories
    return values.map({v: i for i, v in enumerate(order)}).to_numpy(dtype="float64")


def _fit_quietly(fit, *args, **kwargs):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = fit(*args, **kwargs)
    problems = [w for w in caught if issubclass(w.category, ConvergenceWarning)]
    if problems:
        warnings.warn(f"The model did not converge cleanly: {problems[0].message}", StatisticalWarning,
                      stacklevel=4)
    return result


def _fit_gee(frame, formula, unit, time, family, cov_struct, small_sample, alpha, n_units) -> ModelResults:
    fam = sm.families.Binomial() if family == "binomial" else sm.families.Gaussian()
    kwargs = {}
    if cov_struct == "ar1":
        kwargs["time"] = _time_index(frame, time)
    structure = _COV[cov_struct](grid=True) if cov_struct == "ar1" else _COV[cov_struct]()
    model = smf.gee(formula, unit, frame, family=fam, cov_struct=structure, **kwargs)
    cov_type = "bias_reduced" if small_sample else "robust"
    result = _fit_quietly(model.fit, cov_type=cov_type)
    _warn_units(n_units, small_sample, "GEE")
    p = len(result.params)
    df = max(n_units - p, 1) if small_sample else None
    params = _param_table(result.params, result.bse, df=df, alpha=alpha)
    notes = []
    if family == "binomial":
        fitted = np.asarray(result.fittedvalues)
        if np.any((fitted < 1e-6) | (fitted > 1 - 1e-6)):
            warnings.warn("Fitted probabilities of 0 or 1: (quasi-)perfect separation; estimates and standard "
                          "errors for the separating terms are not meaningful.", StatisticalWarning, stacklevel=3)
            notes.append("separation: fitted probabilities of 0 or 1")
    dep = np.atleast_1d(np.asarray(result.cov_struct.dep_params, dtype="float64"))
    vc = None
    if cov_struct != "independence" and dep.size == 1:
        name = "exchangeable_correlation" if cov_struct == "exchangeable" else "ar1_correlation"
        vc = pd.DataFrame({"estimate": [float(dep[0])]}, index=pd.Index([name], name="component"))
    return ModelResults(
        params=params, n_obs=int(result.nobs), n_units=n_units, method="gee", family=family,
        cov_type="Mancl-DeRouen bias-reduced sandwich" if small_sample else "robust sandwich",
        formula=formula, alpha=alpha, variance_components=vc, fit_result=result, notes=notes,
    )


def _fit_mixed(frame, formula, unit, time, random_slope, small_sample, alpha, n_units) -> ModelResults:
    re_formula = f"~Q('{time}')" if random_slope else None
    if random_slope and not pd.api.types.is_numeric_dtype(frame[time]):
        raise ValueError(f"`random_slope=True` needs a numeric `time`; {time!r} is {frame[time].dtype}.")
    model = smf.mixedlm(formula, frame, groups=frame[unit], re_formula=re_formula)
    result = _fit_quietly(model.fit, reml=True)
    p = len(result.fe_params)
    df = max(n_units - p, 1) if small_sample else None
    params = _param_table(result.fe_params, result.bse_fe, df=df, alpha=alpha)
    cov = np.asarray(result.cov_re, dtype="float64")
    sds = np.sqrt(np.diag(cov))
    names, values = ["unit_intercept_sd"], [sds[0]]
    if random_slope:
        names += ["unit_slope_sd", "intercept_slope_corr"]
        values += [sds[1], cov[0, 1] / (sds[0] * sds[1])]
    names.append("residual_sd")
    values.append(float(np.sqrt(result.scale)))
    vc = pd.DataFrame({"estimate": values}, index=pd.Index(names, name="component"))
    return ModelResults(
        params=params, n_obs=int(result.nobs), n_units=n_units, method="mixed", family="gaussian",
        cov_type="model-based (REML)", formula=formula + (f" + (1 + {time} | {unit})" if random_slope
                                                          else f" + (1 | {unit})"),
        alpha=alpha, variance_components=vc, fit_result=result,
    )


def _fit_ordinal(frame, formula, unit, small_sample, alpha, n_units) -> ModelResults:
    model = OrderedModel.from_formula(formula, frame, distr="logit")
    groups = pd.factorize(frame.loc[model.data.row_labels, unit])[0] if hasattr(model.data, "row_labels") \
        else pd.factorize(frame[unit])[0]
    result = _fit_quietly(model.fit, method="bfgs", disp=False, maxiter=2000, cov_type="cluster",
                          cov_kwds={"groups": groups})
    _warn_units(n_units, small_sample, "Ordinal regression with cluster-robust errors")
    df = max(n_units - 1, 1) if small_sample else None
    params = _param_table(result.params, result.bse, df=df, alpha=alpha)
    return ModelResults(
        params=params, n_obs=int(result.nobs), n_units=n_units, method="ordinal", family="cumulative logit",
        cov_type="cluster-robust by unit", formula=formula, alpha=alpha, fit_result=result,
        notes=["threshold terms 'a/b' after the first are log increments between cut-points"],
    )

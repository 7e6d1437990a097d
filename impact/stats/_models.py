"""Longitudinal models for council panels: GEE, linear mixed models, ordinal regression,
with the options for attrition (inverse-probability-of-response weights, multiple imputation)."""

from __future__ import annotations

import re
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd
import patsy

# The model classes themselves, not statsmodels.api and statsmodels.formula.api, which import every model
# statsmodels has (time series, discrete choice, ...): about 0.8 s less on each command that fits a model.
# smf.gee is GEE.from_formula and smf.mixedlm is MixedLM.from_formula (statsmodels/formula/api.py).
from statsmodels.genmod import cov_struct as sm_cov
from statsmodels.genmod import families as sm_families
from statsmodels.genmod.generalized_estimating_equations import GEE
from statsmodels.genmod.generalized_linear_model import GLM
from statsmodels.miscmodels.ordinal_model import OrderedModel
from statsmodels.regression.mixed_linear_model import MixedLM
from statsmodels.tools.sm_exceptions import ConvergenceWarning, PerfectSeparationWarning

from .._frames import as_text
from .._keywords import passes_keywords
from .._words import _counted, _plural, _unit_noun, _verb
from ..errors import SmallSampleWarning, StatisticalWarning, user_level
from ._checks import (
    _as_list,
    _check_choice,
    _check_columns,
    _check_count,
    _check_design_finite,
    _check_frame,
    _check_probability,
    _check_seed,
    _design_matrices,
)
from ._errors import MissingValueWarning, NotIdentifiedError, NotIdentifiedWarning
from ._results import ModelResults, _param_table
from ._threads import one_blas_thread

__all__ = ["longitudinal_model", "attrition_sensitivity"]


class _TimeAR1(sm_cov.Autoregressive):
    """AR(1) working correlation in the real time distance: corr(t_i, t_j) = rho ** |t_i - t_j|.

    statsmodels' ``Autoregressive`` builds the correlation matrix from the
    positions of the observations within a unit, so waves 0 and 2 of a unit
    missing wave 1 are one step apart. Here the distance is the difference of
    the `time` values, and rho is the least-squares fit of ``rho ** d`` to
    the products of standardised residuals of every pair of a unit's
    observations at distance ``d`` (a moment estimator; statsmodels' own
    all-pairs estimator loops in Python and can fail to bracket its optimum).
    """

    def __init__(self) -> None:
        super().__init__(grid=False)
        self._pairs = None

    def update(self, params):
        from scipy.optimize import minimize_scalar

        model = self.model
        if self._pairs is None:
            first, second, dist, start = [], [], [], 0
            for times in model.time_li:
                t = np.asarray(times, dtype="float64")[:, 0]
                i, j = np.triu_indices(len(t), k=1)
                first.append(start + i)
                second.append(start + j)
                dist.append(np.abs(t[j] - t[i]))
                start += len(t)
            self._pairs = tuple(np.concatenate(a) if a else np.zeros(0) for a in (first, second, dist))
        first, second, dist = self._pairs
        if not len(dist):
            self.dep_params = 0.0
            return
        scale = model.estimate_scale()
        resid = np.concatenate([
            (y - mean) / np.sqrt(scale * model.family.variance(mean))
            for y, (mean, _) in zip(model.endog_li, model.cached_means)
        ])
        product = resid[first.astype(int)] * resid[second.astype(int)]
        integral = np.all(dist == np.round(dist))
        low = -0.99 if integral else 0.0

        def loss(rho: float) -> float:
            return float(((product - np.sign(rho) ** dist * np.abs(rho) ** dist) ** 2).sum())

        self.dep_params = float(minimize_scalar(loss, bounds=(low, 0.99), method="bounded").x)

    def covariance_matrix(self, endog_expval, index):
        t = np.asarray(self.model.time_li[index], dtype="float64")[:, 0]
        if self.dep_params == 0:
            return np.eye(len(t)), True
        d = np.abs(t[:, None] - t[None, :])
        return np.sign(self.dep_params) ** d * np.abs(self.dep_params) ** d, True

    def covariance_matrix_solve(self, expval, index, stdev, rhs):
        return sm_cov.CovStruct.covariance_matrix_solve(self, expval, index, stdev, rhs)


_COV = {"exchangeable": sm_cov.Exchangeable, "independence": sm_cov.Independence, "ar1": _TimeAR1}


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
    method: Literal["gee", "mixed", "ordinal", "firth"] = "gee",
    cov_struct: Literal["exchangeable", "independence", "ar1"] = "exchangeable",
    random_slope: bool = False,
    small_sample: bool = True,
    missing: Literal["complete", "ipw", "mice"] = "complete",
    subject: str | None = None,
    unit_by_time: bool = True,
    response_covariates: str | list[str] | None = None,
    n_imputations: int = 10,
    seed: int | np.random.Generator | None = 0,
    alpha: float = 0.05,
) -> ModelResults:
    """Fit a model for repeated measures on units (councils, participants).

    ``method="gee"``: generalised estimating equations (population-averaged
    effects) with an exchangeable, independence or AR(1) working
    correlation; AR(1) uses the real distance between the `time` values
    (waves 0 and 2 of a unit missing wave 1 are two steps apart). With
    ``small_sample=True`` (the default) the sandwich covariance is the
    bias-reduced estimator of Mancl and DeRouen (2001) and tests and
    intervals use t with (units - parameters) degrees of freedom, which
    keeps the size of tests near nominal with 10 to 40 councils. A term
    resting on one unit (the only council in a group) has no standard
    error under either sandwich (NaN, with a
    :class:`~impact.stats.NotIdentifiedWarning`): the robust one has none
    of that unit's variation in the term's direction.
    ``method="mixed"``: linear mixed model (REML) with a random intercept per
    unit and, with `random_slope`, a random slope on `time` (numeric); with
    `small_sample`, t with Satterthwaite degrees of freedom for each term (as
    lmerTest computes them), so that a term that varies within units (the
    wave) is tested against the variation within units and one that varies
    between units (intervention status) against the variation between them;
    in a balanced design these are the error df of the split-plot analysis of
    variance. With a `subject` nested in units (respondents answering at
    several waves), the subject variance enters the covariance of the fixed
    effects and the Satterthwaite df alike (a term within subjects is tested
    against the variation within them). Where a unit has several rows at a
    `time`, a random intercept per unit and time (`unit_by_time`) lets the
    units move apart between times, and the wave is then tested against that
    movement (df counted in units) instead of the variation within units.
    Where a random-effect variance is estimated at zero the df come
    from the expected information and keep that split (a note says so).
    Earlier versions used (units - fixed parameters) df for every term,
    far too few for terms within units (2 for the wave with 5 councils
    where Satterthwaite gives over 200); the column `df` shows the df used.
    ``method="ordinal"``: proportional-odds logistic regression for Likert
    items, with cluster-robust (by unit) standard errors; t with (units - 1)
    df when `small_sample`.
    ``method="firth"``: Firth's penalised-likelihood logistic regression
    (binomial only; :func:`impact.stats.firth_logistic`), finite where a GEE
    separates and less biased with few events, units as clusters through a
    design effect; with ``"ipw"`` the response weights are its case weights,
    and with ``"mice"`` each imputed data set is fitted so and Rubin's rules
    combine the estimates and their standard errors (the pooled interval is
    then a Wald interval, not the profile one).

    Rows missing any variable of the model are left out (a
    :class:`~impact.stats.MissingValueWarning` says how many), and `n_units`
    and the degrees of freedom count only the units that contribute a row.

    **Attrition.** People and councils drop out of later waves, and councils
    in intervention may drop out differently. `missing` chooses how:

    * ``"complete"``: the rows observed (valid when dropping out depends only
      on the model's own covariates);
    * ``"ipw"``: inverse-probability-of-response weighted GEE (Robins,
      Rotnitzky and Zhao 1995). Every `subject` (default: `unit`) is
      expected at every level of `time`; a row with a missing outcome, or no
      row, is a non-response. A logistic model of response on ``C(time)``,
      `response_covariates` (default: the model's covariates, such as
      intervention status at the wave; add baseline covariates, constant
      within subject, here) and their interactions with ``C(time)`` gives
      each response the weight ``mean response / P(response)``. Covariates of a missing subject-wave are taken from
      other rows of the same unit at that time (council-level status), or
      from the subject's rows when constant. Weighted GEE uses working
      independence (the only structure under which it is consistent); the
      weights are treated as known, which is conservative.
    * ``"mice"``: multiple imputation by chained equations (statsmodels
      ``MICEData``, predictive mean matching) of the outcome of each missing
      subject-wave, from the subject's outcomes at the other waves and the
      same covariates, in wide format so that imputations respect the
      within-subject correlation; the model is fitted to each of
      `n_imputations` completed data sets and the results combined by
      Rubin's rules with the Barnard-Rubin small-sample degrees of freedom.

    :func:`attrition_sensitivity` fits all three side by side.

    Parameters
    ----------
    data : pandas.DataFrame
        Long panel, one row per observation. Not modified.
    outcome, time, group : str, optional
        Used to build the default formula ``outcome ~ C(time) * C(group)``
        when `formula` is not given. `time` also orders observations within
        a unit (AR(1): numeric times give the distances, otherwise the
        order of the levels), is the random-slope variable, and is the wave
        of the attrition options.
    unit : str
        Cluster / unit column (e.g. ``"council_id"``).
    formula : str, optional
        A patsy formula (e.g. ``"mentioned ~ C(wave) * reviewed"``).
    family : {"gaussian", "binomial"}
        GEE family (logit link for binomial). Mixed models are gaussian.
    method : {"gee", "mixed", "ordinal", "firth"}
    cov_struct : {"exchangeable", "independence", "ar1"}
        GEE working correlation.
    random_slope : bool
        Mixed model: add a random slope on `time`.
    small_sample : bool
        Use the small-sample corrections described above.
    missing : {"complete", "ipw", "mice"}
        How missing waves are handled (see above).
    subject : str, optional
        The entity measured at every wave, when it is not `unit` (e.g.
        ``"participant_id"`` or ``"respondent_id"`` within councils). With
        ``method="mixed"``, a random intercept per subject nested in `unit`
        (the same id in two units is two subjects) is added where some
        subject has rows at more than one `time` (more than one row when
        `time` is not given), and only then: a subject seen once cannot be
        told from the residual. The notes say which, and
        `variance_components` gains ``subject_intercept_sd``.
    unit_by_time : bool
        With ``method="mixed"`` and `time` (no random slope): a random
        intercept per unit and time, ``(1 | unit:time)``, so that the units'
        scores may move apart between times beyond their observations' own
        variation, and terms that change within units (the wave) are tested
        against that movement, with Satterthwaite df counted in units.
        Added only where some unit has more than one row at a time (with one
        row per unit and time the residual is that variation already) and
        df are left to estimate it beyond the units and the fixed effects
        (else left out, and the notes say why); `variance_components` gains
        ``unit_time_sd``. A variance estimated at zero is kept (a note says
        so). In a balanced design with two times the wave term is then the
        paired t test of the units' mean changes (units - 1 df).
    response_covariates : str or list of str, optional
        Covariates of the response model (``"ipw"``) and of the imputation
        model (``"mice"``).
    n_imputations : int
        Imputed data sets (``"mice"``).
    seed : int, numpy.random.Generator or None
        Seed of the imputations.
    alpha : float
        1 - confidence level.

    Returns
    -------
    ModelResults
        `params` (estimate, se, statistic, df, p_value, ci_low, ci_high by
        term), `variance_components`, `n_obs` (rows used; observed rows for
        "ipw" and "mice", never the sum of the weights), `weights` (``"ipw"``:
        each fitted row's weight, by the row of `data`), `n_effective`
        (Kish's effective n of the weights, ``(sum w)^2 / sum w^2``; `n_obs`
        unweighted), `n_units` (units contributing), `missing`,
        `n_dropped` (rows left out for missing values), `notes`,
        `summary()`. For "mice", `params` adds `lambda` (the share of the
        total variance due to the missing data) and `fmi` (the fraction of
        missing information), as R's ``mice::pool`` gives them, and
        `imputations` holds the completed data sets fitted. For ``family="binomial"``, `params` adds `few_events`:
        True for a term whose level, or the reference it is compared with,
        has fewer than 5 events or non-events (its odds ratio and interval
        rest on them and are unstable; the notes say where).

    Raises
    ------
    ValueError
        For bad arguments (naming the allowed values) or missing columns.
    NotIdentifiedError
        When no row has every variable of the model, or a term of the
        formula is not identified (constant, or a combination of the other
        terms, in the rows used): it would otherwise be reported as 0 with
        standard error 0.

    Warns
    -----
    SmallSampleWarning
        GEE or ordinal model with fewer than 10 units, `small_sample=False`
        with fewer than 40, or no more units than parameters (the degrees of
        freedom, units - parameters, are then set to 1).
    MissingValueWarning
        Rows with missing values were left out.
    StatisticalWarning
        Fitted probabilities of 0 or 1 (separation), no convergence, or
        response probabilities below 0.05 (extreme weights). Terms resting
        on few events are flagged in `params` and the notes, not warned.

    References
    ----------
    Liang, K.-Y. and Zeger, S. L. (1986). Longitudinal data analysis using
    generalized linear models. Biometrika 73, 13-22.

    Mancl, L. A. and DeRouen, T. A. (2001). A covariance estimator for GEE
    with improved small-sample properties. Biometrics 57, 126-134.

    Bates, D., Maechler, M., Bolker, B. and Walker, S. (2015). Fitting linear
    mixed-effects models using lme4. Journal of Statistical Software 67(1).

    Satterthwaite, F. E. (1946). An approximate distribution of estimates of
    variance components. Biometrics Bulletin 2, 110-114.

    Kuznetsova, A., Brockhoff, P. B. and Christensen, R. H. B. (2017).
    lmerTest package: tests in linear mixed effects models. Journal of
    Statistical Software 82(13).

    Robins, J. M., Rotnitzky, A. and Zhao, L. P. (1995). Analysis of
    semiparametric regression models for repeated outcomes in the presence
    of missing data. JASA 90, 106-121.

    van Buuren, S. and Groothuis-Oudshoorn, K. (2011). mice: multivariate
    imputation by chained equations in R. Journal of Statistical Software 45(3).

    Barnard, J. and Rubin, D. B. (1999). Small-sample degrees of freedom with
    multiple imputation. Biometrika 86, 948-955.

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
    from ..schema import true_or_false

    random_slope = true_or_false("random_slope", random_slope)
    small_sample = true_or_false("small_sample", small_sample)
    unit_by_time = true_or_false("unit_by_time", unit_by_time)
    _check_frame(data)
    _check_choice("method", method, ["gee", "mixed", "ordinal", "firth"])
    _check_choice("family", family, ["gaussian", "binomial"])
    _check_choice("cov_struct", cov_struct, list(_COV))
    _check_choice("missing", missing, ["complete", "ipw", "mice"])
    _check_probability("alpha", alpha)
    _check_count("n_imputations", n_imputations, minimum=2)
    _check_seed(seed)
    response_covariates = _as_list(response_covariates)
    _check_columns(data, outcome=outcome, time=time, unit=unit, group=group, subject=subject,
                   response_covariates=response_covariates)
    if formula is None:
        formula = _default_formula(outcome, time, group)
    if method == "mixed" and family != "gaussian":
        raise ValueError("`method='mixed'` fits gaussian outcomes only; use method='gee' with family='binomial'.")
    if method == "firth" and family != "binomial":
        raise ValueError(f"`method='firth'` fits binomial outcomes only, but family={family!r} was passed.")
    if random_slope and (method != "mixed" or time is None):
        raise ValueError("`random_slope=True` needs method='mixed' and a numeric `time` column.")
    if cov_struct == "ar1" and time is None:
        raise ValueError("`cov_struct='ar1'` needs `time` to order observations within a unit.")
    if missing != "complete" and time is None:
        raise ValueError(f"`missing={missing!r}` needs `time` (the waves at which every subject is expected).")
    if missing == "ipw" and method not in ("gee", "firth"):
        raise ValueError("`missing='ipw'` weights a GEE or Firth's fit; use method='gee' or 'firth' (or "
                         "missing='mice').")
    spec = _Spec(formula=formula, unit=unit, time=time, family=family, method=method, cov_struct=cov_struct,
                 random_slope=random_slope, small_sample=small_sample, alpha=alpha,
                 subject=subject if method == "mixed" and subject not in (None, unit) else None,
                 unit_by_time=bool(unit_by_time) and method == "mixed")
    with one_blas_thread():
        if missing == "complete":
            frame, dropped, design = _complete_rows(data, spec)
            return _fit(frame, spec, dropped=dropped, design=design)
        if missing == "ipw":
            return _fit_ipw(data, spec, subject or unit, response_covariates)
        return _fit_mice(data, spec, subject or unit, response_covariates, n_imputations, seed)


@passes_keywords("longitudinal_model")
def attrition_sensitivity(
    data: pd.DataFrame,
    *,
    methods: tuple[str, ...] | list[str] = ("complete", "ipw", "mice"),
    **kwargs,
) -> pd.DataFrame:
    """The same longitudinal model under each way of handling attrition, side by side.

    A sensitivity analysis for a report: if the complete-case estimate and
    the weighted and imputed ones agree, attrition did not drive the result.

    Parameters
    ----------
    data : pandas.DataFrame
        As for :func:`longitudinal_model`.
    methods : sequence of {"complete", "ipw", "mice"}
        The `missing` options to fit.
    **kwargs
        Passed to :func:`longitudinal_model` (`time` is required).

    Returns
    -------
    pandas.DataFrame
        One row per method x term: `missing`, `term`, `estimate`, `se`,
        `statistic`, `df`, `p_value`, `ci_low`, `ci_high`, `n_obs` (rows
        used), `n_effective` (Kish's effective n of the weights: `n_obs`
        for complete cases, fewer for ``"ipw"``, NaN for ``"mice"``),
        `n_units`, `notes` (the fit's :attr:`ModelResults.notes` joined by
        "; ", e.g. separation) and, for a binomial model, `few_events`.

    Raises
    ------
    ValueError
        As :func:`longitudinal_model`, or for an unknown method.

    Examples
    --------
    >>> rng = np.random.default_rng(2)
    >>> panel = pd.DataFrame({"council_id": np.repeat(np.arange(30), 3), "wave": np.tile([0, 1, 2], 30)})
    >>> panel["score"] = 3 + 0.5 * panel["wave"] + rng.normal(0, 1, 90)
    >>> panel.loc[rng.random(90) < 0.2, "score"] = np.nan
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     table = attrition_sensitivity(panel, formula="score ~ wave", unit="council_id", time="wave",
    ...                                   n_imputations=5)
    >>> table["missing"].unique().tolist()
    ['complete', 'ipw', 'mice']
    """
    return _attrition_table(_attrition_fits(data, methods, **kwargs))


def _attrition_fits(data: pd.DataFrame, methods, **kwargs) -> list[tuple[str, ModelResults]]:
    """The fits of :func:`attrition_sensitivity`, each with its method, in the order of ``methods`` (a caller that
    reads more of them than its table, such as :func:`_contrasts`, takes them here)."""
    for m in methods:
        _check_choice("methods", m, ["complete", "ipw", "mice"])
    return [(m, longitudinal_model(data, missing=m, **kwargs)) for m in methods]


def _attrition_table(fits: list[tuple[str, ModelResults]]) -> pd.DataFrame:
    """The table of :func:`attrition_sensitivity` from its fits (:func:`_attrition_fits`)."""
    rows = []
    for m, res in fits:
        table = res.params.reset_index()
        table.insert(0, "missing", m)
        table["n_obs"], table["n_effective"], table["n_units"] = res.n_obs, res.n_effective, res.n_units
        table["notes"] = "; ".join(res.notes)
        rows.append(table[["missing", "term", "estimate", "se", "statistic", "df", "p_value", "ci_low", "ci_high",
                           "n_obs", "n_effective", "n_units", "notes", *(["few_events"] if "few_events" in table.columns else [])]])
    return pd.concat(rows, ignore_index=True)


def _contrasts(res: ModelResults, contrasts: dict[str, dict[str, float]]) -> pd.DataFrame | None:
    """Linear combinations of a fit's terms (``{name: {term: weight}}``) read from its estimates and covariance
    (:attr:`ModelResults.cov`): estimate ``c'b``, standard error ``sqrt(c'Vc)``, tested and bounded as the fit's terms
    are (the same df and alpha, :func:`_param_table`); a table as the fit's ``params`` (without ``few_events``), by
    name.

    Where the combination is a term of the same model refitted with its design reparametrised (another reference
    level of a categorical term: the same rows, weights, working correlation and column space), this is that
    refit's row: a GEE's estimating equations, its working correlation's moment estimates and its robust and
    bias-reduced sandwiches are equivariant under ``X -> X A`` (the estimate is ``A^-1 b``, the covariance ``A^-1 V
    A^-T``), so the refit's estimates agree with the read to its convergence tolerance. None where that is not
    certain, and the caller refits: no covariance (Firth's, mixed, imputed fits), a term without a finite estimate or a
    positive standard error (separation, a sandwich that rests on one unit, which the refit judges in its own
    terms), fitted probabilities of 0 or 1 or near them (a refit could say separation where this one did not), a
    combination with no positive variance, or a term the fit does not have.
    """
    if res.cov is None:
        return None
    params = res.params
    est, se, df = (params[c].to_numpy(dtype="float64") for c in ("estimate", "se", "df"))
    if not (np.isfinite(est).all() and np.isfinite(se).all() and (se > 0).all()) or len(np.unique(df)) != 1:
        return None
    if any(str(n).startswith("separation") for n in res.notes):
        return None
    if res.family == "binomial":
        fitted = np.asarray(res.fit_result.fittedvalues, dtype="float64")
        if not (np.minimum(fitted, 1 - fitted) > 1e-5).all():  # ten times _fit_gee's threshold of separation
            return None
    if any(term not in params.index for weights in contrasts.values() for term in weights):
        return None
    c = np.array([[weights.get(term, 0.0) for term in params.index] for weights in contrasts.values()],
                 dtype="float64").reshape(len(contrasts), len(params))
    cov = res.cov.loc[params.index, params.index].to_numpy(dtype="float64")
    var = np.einsum("ij,jk,ik->i", c, cov, c)
    if not (var > 0).all():
        return None
    names = pd.Index(list(contrasts), name="term")
    return _param_table(pd.Series(c @ est, index=names), pd.Series(np.sqrt(var), index=names), df=float(df[0]),
                        alpha=res.alpha)


@dataclass(frozen=True)
class _Spec:
    formula: str
    unit: str
    time: str | None
    family: str
    method: str
    cov_struct: str
    random_slope: bool
    small_sample: bool
    alpha: float
    subject: str | None = None  # mixed model: a random intercept per subject nested in units, where subjects repeat
    unit_by_time: bool = False  # mixed model: a random intercept per unit and time, where it can be estimated


def _model_design(data: pd.DataFrame, spec: _Spec) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The outcome and design frames of the rows that have every variable of the formula (patsy's NA handling)."""
    y, x = _design_matrices(spec.formula, data)
    _check_design_finite(spec.formula, y, x)
    if y.shape[1] != 1 and not (spec.method == "ordinal" and _ordered_outcome(spec.formula, data)):
        raise ValueError(_outcome_not_numbers(spec, data, list(y.columns)))
    return y, x


def _ordered_outcome(formula: str, data: pd.DataFrame) -> bool:
    """Whether the left-hand side of ``formula`` is one column of ordered categories (an ordinal model's outcome)."""
    outcome = _formula_variables(formula, data)[0]
    return isinstance(data[outcome].dtype, pd.CategoricalDtype) and bool(data[outcome].dtype.ordered)


def _outcome_not_numbers(spec: _Spec, data: pd.DataFrame, made: list[str]) -> str:
    """The error for an outcome patsy made several columns of (one indicator per category of text, categories or
    Python objects): statsmodels failed on "Leading dimension of 'exog' should match length of 'endog'" (GEE), "endog
    has evaluated to an array with multiple columns" (mixed) or "Only ordered pandas Categorical are supported"."""
    outcome = _formula_variables(spec.formula, data)[0]
    values = data[outcome]
    shown = values.dropna()
    held = f"dtype {values.dtype}" + (f", e.g. {shown.iloc[0]!r} (row {shown.index[0]!r})" if len(shown) else "")
    want = ("numbers, or ordered categories (data[{c!r}] = pd.Categorical(data[{c!r}], categories=[...], ordered=True))"
            if spec.method == "ordinal" else "numbers" + (" (0/1 or True/False)" if spec.family == "binomial" else ""))
    return (f"The outcome {outcome!r} of the formula {spec.formula!r} must be one column of "
            f"{want.format(c=outcome)}, but it holds {held}, which patsy makes {_counted(len(made), 'column')}, one per "
            f"category ({', '.join(made[:4])}{', ...' if len(made) > 4 else ''}); convert it first, e.g. "
            f"data[{outcome!r}] = pd.to_numeric(data[{outcome!r}]).")


def _numpy_numbers(frame: pd.DataFrame, *, keep=()) -> pd.DataFrame:
    """``frame`` with its nullable numbers and booleans (``Float64``, ``Int64``, ``boolean``; a study's survey values
    are read so) as float64 with NaN, the columns in ``keep`` (ids) as they were: patsy before 1.0 cannot build a
    design from them ("Cannot interpret 'Float64Dtype()' as a data type")."""
    types = pd.api.types
    for col in frame.columns:
        dtype = frame[col].dtype
        if (col not in keep and types.is_extension_array_dtype(dtype)
                and (types.is_numeric_dtype(dtype) or types.is_bool_dtype(dtype))):
            frame[col] = frame[col].to_numpy(dtype="float64", na_value=np.nan)
    return frame


def _complete_rows(data: pd.DataFrame, spec: _Spec) -> tuple[pd.DataFrame, int, tuple[pd.DataFrame, pd.DataFrame]]:
    """The rows with every variable of the model, sorted within unit by time; how many were dropped; and patsy's
    outcome and design frames of those rows, in the same order and with the same (default) index.

    Refuses a design whose terms are not all identified in those rows (every
    model is fitted on rows from here, so the check is made once, on the
    design matrix already built). The design is what ``patsy.dmatrices`` of the returned rows gives (a row's values
    do not depend on the other rows, and the levels of a term on the set of rows, not their order), so a GEE is
    given it rather than building it again (:func:`_gee_model`).
    """
    frame = _numpy_numbers(data.reset_index(drop=True), keep={spec.unit, spec.time, spec.subject})
    keep = frame[spec.unit].notna() & (frame[spec.time].notna() if spec.time else True)
    keep &= frame[spec.subject].notna() if spec.subject else True
    frame = frame[keep]
    if frame.empty:
        empty = [f"`{arg}` ({col!r})" for arg, col in (("unit", spec.unit), ("time", spec.time),
                                                          ("subject", spec.subject))
                 if col is not None and data[col].isna().all()]
        raise NotIdentifiedError(f"No row has a `unit` ({spec.unit!r}), `time` and `subject` value"
                                 + (f": {' and '.join(empty)} {_verb(len(empty), 'is')} empty on every row; name the "
                                    "column that holds it" if empty else ": fill them in, or name the columns that "
                                    "hold them") + ".")
    if spec.time is not None and pd.api.types.is_extension_array_dtype(frame[spec.time].dtype) and (
            pd.api.types.is_numeric_dtype(frame[spec.time].dtype)):
        # a nullable time (Int64, Float64), its missing rows gone: patsy cannot make categories of it ("Cannot
        # interpret 'Float64Dtype()' as a data type"); integers stay integers, so C(time)'s levels read as given
        integer = pd.api.types.is_integer_dtype(frame[spec.time].dtype)
        frame[spec.time] = frame[spec.time].to_numpy(dtype="int64" if integer else "float64")
    y, design = _model_design(frame, spec)
    rows = design.index
    dropped = len(data) - len(rows)
    if len(rows) == 0:
        raise NotIdentifiedError(f"No row has every variable of {spec.formula!r}: all {_counted(len(data), 'row')} "
                                 f"{_verb(len(data), 'has')} a missing value.")
    if dropped:
        warnings.warn(f"{dropped} of {_counted(len(data), 'row')} {_verb(dropped, 'has')} a missing value in a variable of the "
                      f"model and {_verb(dropped, 'was', 'were')} left out (units, observations and degrees of freedom count the rest).",
                      MissingValueWarning, stacklevel=user_level())
    _check_identified(design, spec)
    frame = frame.loc[rows]
    if frame[spec.unit].nunique() < 2:
        # one unit: no variation between units to estimate a random intercept or a sandwich from (statsmodels failed
        # on "The first guess on the deviance function returned a nan ... should be reported")
        # said without the formula or the unit's value: a report says the package's own errors as they are (a
        # council's id among its caveats, a formula in quotes: report truth rounds 28 and 34)
        raise NotIdentifiedError(f"A model of repeated measures needs rows from at least two units, but the "
                                 f"{_counted(len(frame), 'row')} with every variable of the model "
                                 f"{_verb(len(frame), 'comes', 'come')} from a single one (`{spec.unit}`).")
    if spec.time is not None:
        frame = frame.sort_values([spec.unit, spec.time], kind="stable")
    return frame.reset_index(drop=True), dropped, (_in_order(y, frame.index), _in_order(design, frame.index))


def _in_order(matrix: pd.DataFrame, rows: pd.Index) -> pd.DataFrame:
    """patsy's frame ``matrix`` at the labels ``rows``, in that order, with a default index and its ``design_info``."""
    out = matrix.loc[rows].reset_index(drop=True)
    out.design_info = matrix.design_info
    return out


def _check_identified(x: pd.DataFrame, spec: _Spec) -> None:
    """Refuse a design matrix whose terms are not all identified (constant, or combinations of other terms)."""
    values = x.to_numpy(dtype="float64")
    if values.shape[1] == 0:
        return
    _, s, vt = np.linalg.svd(values, full_matrices=False)
    tol = s.max() * max(values.shape) * np.finfo(float).eps * 10 if s.max() > 0 else 1.0
    null = vt[s <= tol]
    if len(null) or values.shape[0] < values.shape[1]:
        involved = [name for name, weight in zip(x.columns, np.abs(null).max(axis=0) if len(null)
                                                 else np.ones(values.shape[1])) if weight > 1e-8]
        raise NotIdentifiedError(
            f"The terms {involved} of {spec.formula!r} are not identified in the {_counted(len(x), 'row')} used: some are "
            "constant or combinations of the others (e.g. a status that no unit has, or a level with no row). "
            "Remove or merge them.")


def _fit(frame, spec: _Spec, *, dropped: int = 0, weights=None, quiet_units: bool = False,
         design: tuple[pd.DataFrame, pd.DataFrame] | None = None) -> ModelResults:
    """Fit the model to rows from :func:`_complete_rows` (which checked that its terms are identified); ``design``: the
    outcome and design frames it built of them, which a GEE takes instead of building them again."""
    n_units = int(frame[spec.unit].nunique())
    if spec.method == "gee":
        # A binary fit running to separation overflows exp() in statsmodels' logit (and in the sandwich's fitted
        # values): numpy's 'overflow encountered in exp' reached the report's caveats as a bare 'Runtime: ...' line,
        # where the separation is said in words (fitted probabilities of 0 or 1, or no finite estimates); so do the
        # 0/0 of a variance at a fitted probability of 0 or 1 (numpy 1.24: 'invalid value encountered in divide'),
        # whose standard errors are said to be missing in words.
        with np.errstate(over="ignore", under="ignore", invalid="ignore", divide="ignore"):
            res = _fit_gee(frame, spec, n_units, weights, quiet_units, design)
    elif spec.method == "mixed":
        res = _fit_mixed(frame, spec, n_units, design)
    elif spec.method == "firth":
        res = _fit_firth(frame, spec, weights, quiet_units)
    else:
        res = _fit_ordinal(frame, spec, n_units, quiet_units)
    res.n_dropped = dropped
    if dropped:
        res.notes.append(f"{_counted(dropped, 'row')} with a missing value left out")
    return res


#: Below this many units (clusters) even bias-corrected sandwich standard errors are unreliable: p-values describe only.
FEW_UNITS = 10


def _warn_units(n_units: int, small_sample: bool, what: str, unit: str = "unit") -> None:
    """Warn of a fit on too few clusters, counted with the noun of the ``unit`` column ('5 councils')."""
    units = _counted(n_units, _unit_noun(unit))
    if n_units < FEW_UNITS:
        warnings.warn(f"{what} with {units}, fewer than {FEW_UNITS}: even corrected sandwich standard errors are "
                      "unreliable, so treat p-values as descriptive.", SmallSampleWarning, stacklevel=user_level())
    elif not small_sample and n_units < 40:
        warnings.warn(f"{what} with {units} and small_sample=False: sandwich standard errors are "
                      "biased downwards with fewer than about 40.", SmallSampleWarning, stacklevel=user_level())


def _small_sample_df(n_units: int, p: int, small_sample: bool, notes: list[str]) -> float | None:
    """t degrees of freedom units - parameters; a warning where they are not positive."""
    if not small_sample:
        return None
    df = n_units - p
    if df < 1:
        warnings.warn(f"{_counted(n_units, 'unit')} for {_counted(p, 'parameter')}: the degrees of freedom (units - parameters = {df}) "
                      "are not positive and were set to 1; the model has too many parameters for the units, "
                      "and its intervals are very wide and its standard errors unreliable.", SmallSampleWarning,
                      stacklevel=user_level())
        notes.append(f"df = units - parameters = {df} set to 1")
        return 1.0
    return float(df)


def _time_index(frame: pd.DataFrame, time: str) -> np.ndarray:
    values = frame[time]
    if pd.api.types.is_numeric_dtype(values):
        return values.to_numpy(dtype="float64")
    order = sorted(values.unique()) if not isinstance(values.dtype, pd.CategoricalDtype) else values.cat.categories
    return values.map({v: i for i, v in enumerate(order)}).to_numpy(dtype="float64")


def _fit_quietly(fit, *args, fallbacks=(), notes=None, **kwargs):
    """Fit, and turn statsmodels' convergence warnings about the final fit into one `StatisticalWarning`.

    `fallbacks` are keyword overrides tried in turn when the fit does not converge to a finite likelihood
    (statsmodels 0.14.0 to 0.15.0 and scipy 1.11 to 1.17 alike: the survey model of a 40-council synthetic study,
    seed 73058, failed with bfgs, lbfgs and cg, and lbfgs alone "converged" to an infinite likelihood at a zero
    intercept, while Powell's method converged to a higher REML likelihood). A fallback is kept only when it says it
    converged, its likelihood is finite and no lower than the first fit's; its use is written to `notes`.
    """
    attempts = [kwargs, *({**kwargs, **f} for f in fallbacks)]
    first = None
    for attempt in attempts:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            result = fit(*args, **attempt)
        first = first or (result, caught)
        if not fallbacks or _usable(result, first[0]):
            break
    else:  # nothing converged: the first fit and its warnings stand
        (result, caught), attempt = first, kwargs
    if attempt is not kwargs and notes is not None:
        method = ", ".join(_OPTIMISER_NAMES.get(m, m) for m in attempt.get("method", []))
        notes.append(f"fitted with {method} after the default optimisers did not converge")
    problems = [w for w in caught if issubclass(w.category, ConvergenceWarning)]
    if _converged(result):
        # statsmodels' MixedLM tries its optimisers in turn: the first one's "failed to converge" is superseded when a
        # later one converges (a 40-council study's survey model said it "did not converge cleanly" in the report's
        # caveats where lbfgs had converged to the estimates statsmodels gives with lbfgs alone). Its "MLE may be on
        # the boundary" says only that a random-effect variance is below 0.01 in the outcome's units, which is no
        # failure to converge and depends on the scale (a survey scored 1-5 with a council SD of 0.25 drew it when
        # scored in hundredths): _fit_mixed says, scale-free, when a variance is estimated near zero. Other
        # convergence warnings (a Hessian not positive definite) are about the final fit and stay.
        problems = [w for w in problems
                    if not any(k in str(w.message) for k in ("failed to converge", "Retrying", "on the boundary"))]
    if problems:
        warnings.warn(f"The model did not converge cleanly: {problems[0].message}", StatisticalWarning,
                      stacklevel=user_level())
    return result


_OPTIMISER_NAMES = {"powell": "Powell's method", "nm": "the Nelder-Mead method"}


def _usable(result, first) -> bool:
    """Whether a fit converged to a finite likelihood no lower than the first fit's (when that one is finite)."""
    llf = getattr(result, "llf", None)
    if llf is None:
        return _converged(result)
    floor = getattr(first, "llf", np.nan)
    return bool(_converged(result) and np.isfinite(llf)
                and (result is first or not np.isfinite(floor) or llf >= floor - 1e-8 * max(1.0, abs(floor))))


def _converged(result) -> bool:
    """Whether a fitted statsmodels result says its final optimisation converged."""
    flag = getattr(result, "converged", None)
    if flag is None:
        flag = (getattr(result, "mle_retvals", None) or {}).get("converged")
    return flag is True or flag is np.True_


def _fit_gee(frame, spec: _Spec, n_units, weights, quiet_units, design=None) -> ModelResults:
    fam = sm_families.Binomial() if spec.family == "binomial" else sm_families.Gaussian()
    structure = "independence" if weights is not None else spec.cov_struct
    kwargs = {}
    if structure == "ar1":
        kwargs["time"] = _time_index(frame, spec.time)
    if weights is not None:
        kwargs["weights"] = weights
    model = _gee_model(frame, spec, design, family=fam, cov_struct=_COV[structure](), **kwargs)
    cov_type = "bias_reduced" if spec.small_sample and weights is None else "robust"
    try:
        result = _fit_quietly(model.fit, cov_type=cov_type)
    except np.linalg.LinAlgError:
        # statsmodels' own bias-reduced covariance solves with I - H_ii, singular where a unit's residuals are fitted
        # exactly (the only council in a status group, 5 councils): the fit itself raised. Fitted with the robust
        # covariance; the corrected one is computed here below either way.
        result = _fit_quietly(model.fit, cov_type="robust")
    if not quiet_units:
        _warn_units(n_units, spec.small_sample, "GEE", spec.unit)
    notes: list[str] = []
    df = _small_sample_df(n_units, len(result.params), spec.small_sample, notes)
    # statsmodels' bias-reduced covariance mishandles weights and a unit a term rests on. A fit that diverged to
    # non-finite estimates (separation: an impact no participant reported at one wave) has no sandwich to correct:
    # it is said below, and a binary model's caller refits it by Firth's penalised likelihood.
    finite = np.isfinite(np.asarray(result.params, dtype="float64"))
    lost = np.zeros(len(finite), dtype=bool)
    if spec.small_sample and finite.all():
        cov, lost = _bias_reduced(result, weights)
    else:  # the covariance of the fit's cov_type (statsmodels' `bse` is its square root, taken without a check)
        cov = np.asarray(result.cov_params(), dtype="float64")
        if finite.all():
            # The robust sandwich of a term that rests on one unit is finite and stable, but that unit's residuals
            # are fitted exactly in the term's direction and add nothing to it: its variance is the other units'
            # only (the term's own unit could vary 100 times as much and the standard error would not move). It
            # is no more a standard error of the term than the bias-reduced one, which cannot be computed there.
            lost = _bias_reduced(result, weights)[1]
    var = np.diag(cov)
    # A variance of zero or below (rounding in a design near singular: 'invalid value encountered in sqrt' among
    # the run's caveats, seed 30744 of 5 councils, and a standard error of 0 would give p = 0) has no standard error.
    se = pd.Series(np.sqrt(np.where(var > 0, var, np.nan)), index=result.params.index)
    units = _unit_noun(spec.unit)
    if lost.any():
        se[lost] = np.nan
        terms = ", ".join(map(str, result.params.index[lost]))
        warnings.warn(f"The standard error of {terms} is not identified: it rests on a single {units} (such as "
                      f"the only {units} in a group) whose residuals the model fits exactly in that term's direction, "
                      f"so the sandwich has nothing to measure that {units}'s own variation by (the robust one leaves "
                      "it out, the bias-reduced one cannot be computed) and no standard error, test or interval is "
                      "given. Use a randomisation test.", NotIdentifiedWarning, stacklevel=user_level())
        notes.append(f"standard error not identified (rests on a single {units}): {terms}")
    degenerate = finite & ~lost & ~(var > 0)
    if degenerate.any():
        terms = ", ".join(map(str, result.params.index[degenerate]))
        them = _verb(int(degenerate.sum()), "it", "them")
        warnings.warn(f"The standard error of {terms} could not be computed: the sandwich gives {them} no variance "
                      f"above zero (a fitted probability of 0 or 1, or rounding in a design close to singular, such as "
                      f"a term that few {_plural(units)} vary in), so no test or interval is given for {them}.",
                      StatisticalWarning, stacklevel=user_level())
        notes.append(f"standard error not computable (no sandwich variance above zero): {terms}")
    params = _param_table(result.params, se, df=df, alpha=spec.alpha)
    if not np.isfinite(np.asarray(result.params, dtype="float64")).all():
        # statsmodels can end a diverging fit with NaN estimates and no warning (a binomial GEE of an impact no
        # participant reported at one wave): say so, so that no reader takes the missing estimates for a result
        warnings.warn("The model gave no finite estimates: the fit did not converge.", StatisticalWarning,
                      stacklevel=user_level())
        notes.append("no finite estimates: the fit did not converge")
    if spec.family == "binomial":
        fitted = np.asarray(result.fittedvalues)
        if np.any((fitted < 1e-6) | (fitted > 1 - 1e-6)):
            warnings.warn("Fitted probabilities of 0 or 1: (quasi-)perfect separation; estimates and standard "
                          "errors for the separating terms are not meaningful.", StatisticalWarning, stacklevel=user_level())
            notes.append("separation: fitted probabilities of 0 or 1")
        few, described = _few_events(frame, spec, design=design or _formula_design(model))
        params["few_events"] = few.reindex(params.index, fill_value=False).to_numpy(dtype=bool)
        if described:
            notes.append(f"few events (fewer than {FEW_EVENTS} events or non-events on one side of a term; its "
                         "estimate and interval rest on them and are unstable): " + "; ".join(described))
    dep = np.atleast_1d(np.asarray(result.cov_struct.dep_params, dtype="float64"))
    vc = None
    if structure != "independence" and dep.size == 1:
        name = "exchangeable_correlation" if structure == "exchangeable" else "ar1_correlation"
        vc = pd.DataFrame({"estimate": [float(dep[0])]}, index=pd.Index([name], name="component"))
    return ModelResults(
        params=params, n_obs=int(result.nobs), n_units=n_units, method="gee", family=spec.family,
        cov_type="Mancl-DeRouen bias-reduced sandwich" if spec.small_sample else "robust sandwich",
        formula=spec.formula, alpha=spec.alpha, variance_components=vc, fit_result=result, notes=notes,
        cov=pd.DataFrame(cov, index=params.index, columns=params.index),
    )


def _gee_model(frame: pd.DataFrame, spec: _Spec, design: tuple[pd.DataFrame, pd.DataFrame] | None, **kwargs) -> GEE:
    """``GEE.from_formula(spec.formula, spec.unit, frame, **kwargs)``, given the outcome and design frames
    :func:`_complete_rows` built of ``frame`` instead of building them again with patsy (about 20 ms a fit of a
    small study; an analysis of 8 councils fits 44 GEEs in its attrition sensitivity alone).

    The model is made as ``from_formula`` makes it (statsmodels 0.14 and 0.15, ``statsmodels/base/model.py``): the
    same arguments, the formula and patsy's design information attached (``fit_result.predict`` on new data and
    ``wald_test_terms`` read them), the data frame kept as ``model.data.frame``, the groups' name. Where statsmodels
    builds its designs with another formula engine (formulaic, ``SM_FORMULA_ENGINE``), or without a design,
    ``from_formula`` itself is called. The tests check that both give the same model and fit to the last bit.
    """
    if design is None or _formula_engine() != "patsy":
        return GEE.from_formula(spec.formula, spec.unit, frame, **kwargs)
    y, x = design
    # from_formula passes these on; 0.14 names patsy's design information `design_info`, 0.15 `model_spec`
    key = "model_spec" if "model_spec" in getattr(GEE, "_kwargs_allowed", ()) else "design_info"
    kwargs = {"groups": frame[spec.unit], "time": kwargs.pop("time", None), "offset": None, "exposure": None, **kwargs,
              "missing_idx": None, "missing": "drop", "formula": spec.formula, key: x.design_info}
    model = GEE(y, x, **kwargs)
    model.formula = spec.formula
    model.data.frame = frame
    model._groups_name = spec.unit
    return model


def _formula_engine() -> str:
    """The formula engine statsmodels' ``from_formula`` uses (``"patsy"`` before statsmodels 0.15)."""
    import statsmodels.formula

    return str(getattr(getattr(statsmodels.formula, "options", None), "formula_engine", "patsy"))


#: A binary model's term whose level, or the reference it is compared with, has fewer events (or non-events) than
#: this rests on too few of them: its odds ratio and interval are unstable (1 event in 49 gave an odds ratio of 67.8,
#: 95% CI 7.7 to 597), well before the fit separates. Five is the usual floor for the cells of a 2 x 2 table (Cochran
#: 1954, for the chi-squared approximation); a term's level and its reference are such a table.
FEW_EVENTS = 5


def _fit_firth(frame, spec: _Spec, weights, quiet_units) -> ModelResults:
    """Firth's penalised likelihood (:func:`impact.stats.firth_logistic`) with units as clusters, ``weights`` (if
    any) as its case weights; `params` gains `few_events` and the notes say where, as a binomial GEE's do."""
    from ._firth import firth_logistic

    data = frame if weights is None else frame.assign(_firth_weight=np.asarray(weights, dtype="float64"))
    res = firth_logistic(data, formula=spec.formula, unit=spec.unit, small_sample=spec.small_sample,
                         weights=None if weights is None else "_firth_weight", alpha=spec.alpha)
    if not quiet_units:
        _warn_units(res.n_units, spec.small_sample, "Firth's fit", spec.unit)
    few, described = _few_events(frame, spec)
    res.params["few_events"] = few.reindex(res.params.index, fill_value=False).to_numpy(dtype=bool)
    if described:
        res.notes.append(f"few events (fewer than {FEW_EVENTS} events or non-events on one side of a term; Firth's "
                         "estimate is less biased but its interval stays wide): " + "; ".join(described))
    return res


def _formula_design(model) -> tuple[pd.DataFrame, pd.DataFrame] | None:
    """The outcome and design frames patsy built for a statsmodels model made by ``from_formula`` (on rows from
    :func:`_complete_rows`, which have every variable, so they are ``patsy.dmatrices`` of those rows), or None where
    the model has no patsy design (another formula engine)."""
    y, x = getattr(model.data, "orig_endog", None), getattr(model.data, "orig_exog", None)
    if isinstance(getattr(x, "design_info", None), patsy.DesignInfo) and isinstance(y, pd.DataFrame):
        return y, x
    return None


def _few_events(frame: pd.DataFrame, spec: _Spec, *,
                design: tuple[pd.DataFrame, pd.DataFrame] | None = None) -> tuple[pd.Series, list[str]]:
    """Which terms of a binary model rest on fewer than :data:`FEW_EVENTS` events or non-events, and where.

    For each 0/1 column of the design (a level of a categorical term, a 0/1 covariate, an interaction of them) the
    events and non-events are counted in its rows (the column is 1) and in its reference (every column of the same
    term is 0); a numeric covariate is not judged. Returns a boolean Series by column name and one description per
    flagged column, e.g. ``"in_intervention: 1 event in 49 rows at its reference"``. ``design``: the outcome and
    design frames of ``spec.formula`` on ``frame`` where a model has already built them (patsy is not run again).
    """
    y, x = design or patsy.dmatrices(spec.formula, frame, NA_action="drop", return_type="dataframe")
    outcome = y.iloc[:, 0].to_numpy(dtype="float64")
    values = x.to_numpy(dtype="float64")
    flags = pd.Series(False, index=x.columns)
    described = []
    for term, columns in x.design_info.term_name_slices.items():
        block = values[:, columns]
        if term == "Intercept" or not np.isin(block, (0.0, 1.0)).all():
            continue
        reference = (block == 0).all(axis=1)
        for offset, name in enumerate(x.columns[columns]):
            for rows, where in ((block[:, offset] == 1, "with it"), (reference, "at its reference")):
                events, non_events = outcome[rows].sum(), (1 - outcome[rows]).sum()
                count, kind = min((events, "event"), (non_events, "non-event"))
                if count < FEW_EVENTS:
                    flags[name] = True
                    described.append(f"{name}: {count:g} {kind}{'' if count == 1 else 's'} in {int(rows.sum())} "
                                      f"rows {where}")
    return flags, described


def _bias_reduced(result, weights: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Mancl-DeRouen (2001) bias-reduced sandwich of a GEE, with its working correlation and observation weights;
    and which coefficients it cannot estimate.

    Per unit ``i``: ``V_i = A_i R_i A_i`` (``A_i`` the square roots of the variance function, ``R_i`` the fitted
    working correlation), ``B = sum_i D_i' W_i V_i^-1 D_i``, ``H_ii = D_i B^-1 D_i' V_i^-1 W_i`` and the meat
    ``sum_i D_i' V_i^-1 W_i (I - H_ii)^-1 r_i r_i' (I - H_ii)^-T W_i V_i^-1 D_i``; with unit weights this is
    statsmodels' ``cov_type="bias_reduced"`` (checked in the tests).

    Where a term rests on one unit (a group with one council), the model fits that unit's residuals exactly in the
    term's direction: ``I - H_ii`` is singular, every ``r_i + N c`` (``N`` its null space) solves the correction, and
    the meat of the term is arbitrary (statsmodels returned whatever rounding made of it: a change of 1e-9 in one
    outcome moved such a standard error from 1.05 to 3.83). Those coefficients are flagged in the second array, as
    :func:`impact.stats.did`'s CR2 flags a single treated unit.
    """
    model = result.model
    params = np.asarray(result.params, dtype="float64")
    x = np.asarray(model.exog, dtype="float64")
    y = np.asarray(model.endog, dtype="float64")
    lin = x @ params
    mu = np.asarray(model.family.link.inverse(lin), dtype="float64")
    d = np.asarray(model.mean_deriv(x, lin), dtype="float64")
    sd = np.sqrt(np.asarray(model.family.variance(mu), dtype="float64"))
    w = np.ones(len(y)) if weights is None else np.asarray(weights, dtype="float64")
    units = []
    for i, label in enumerate(model.group_labels):
        rows = np.asarray(model.group_indices[label])
        corr, _ = model.cov_struct.covariance_matrix(mu[rows], i)
        v = sd[rows, None] * np.asarray(corr, dtype="float64") * sd[None, rows]
        try:
            vinv_d = np.linalg.solve(v, d[rows])
        except np.linalg.LinAlgError:  # a fitted probability of exactly 0 or 1 (separation, noted by the caller)
            vinv_d = np.linalg.pinv(v) @ d[rows]
        units.append((rows, vinv_d * w[rows, None]))  # rows of W V^-1 D
    lost = np.zeros(len(params), dtype=bool)
    information = sum(d[rows].T @ a for rows, a in units)
    if not np.isfinite(information).all():
        # a fitted probability of 0 or 1 gives a variance of 0 and an infinite weight (numpy 1.24's solve let it
        # through, and the pseudo-inverse's SVD then raised 'did not converge'): no sandwich; the caller says why
        return np.full((len(params), len(params)), np.nan), lost
    bread = np.linalg.pinv(information)
    meat = np.zeros_like(bread)
    for rows, a in units:
        m = np.eye(len(rows)) - d[rows] @ bread @ a.T  # I - D_i B^-1 D_i' V_i^-1 W_i
        if not np.isfinite(m).all():  # a variance of 0 or infinity at a fitted probability of 0 or 1
            return np.full_like(bread, np.nan), lost
        _, s, vt = np.linalg.svd(m)
        null = vt[s <= 1e-10 * max(1.0, s.max())].T
        reach = bread @ a.T  # how the unit's corrected residuals enter each coefficient
        leak = np.linalg.norm(reach @ null, axis=1) if null.size else np.zeros(len(params))
        lost |= leak > 1e-8 * (np.linalg.norm(reach, axis=1) + 1e-300)
        adjusted = np.linalg.lstsq(m, y[rows] - mu[rows], rcond=None)[0]
        score = a.T @ adjusted
        meat += np.outer(score, score)
    return bread @ meat @ bread, lost


def _fit_mixed(frame, spec: _Spec, n_units, design: tuple[pd.DataFrame, pd.DataFrame] | None = None) -> ModelResults:
    """A linear mixed model of ``frame`` (rows from :func:`_complete_rows`); ``design``: the outcome and design frames it
    built of them, which the unit-by-time check and the nested model take instead of building them again with patsy
    (twice more a fit: about 15 ms each on a small study)."""
    re_formula = f"~Q('{spec.time}')" if spec.random_slope else None
    if spec.random_slope and not pd.api.types.is_numeric_dtype(frame[spec.time]):
        raise ValueError(f"`random_slope=True` needs a numeric `time`; {spec.time!r} is {frame[spec.time].dtype}.")
    notes: list[str] = []
    nested = _repeated_subjects(frame, spec, notes)
    by_time = _unit_time_component(frame, spec, notes, design)
    if nested or by_time:
        model = _nested_model(frame, spec, subject=nested, unit_time=by_time, design=design)
    else:
        model = MixedLM.from_formula(spec.formula, frame, groups=frame[spec.unit], re_formula=re_formula)
    # With the unit-by-time component statsmodels' default optimisers (bfgs, then lbfgs, then cg) spent 6 s failing on
    # a 40-council survey (seed 150001) where lbfgs alone converged in 0.9 s to the highest REML likelihood of the
    # five optimisers tried (Nelder-Mead's agreeing to 1e-7); it is tried first there, the slower ones after it.
    result = _fit_from_maximum(model, notes)
    if result is None:
        first = {"method": ["lbfgs"]} if by_time else {}
        result = _fit_quietly(model.fit, reml=True, notes=notes, **first,
                              fallbacks=({"method": ["powell"], "maxiter": 5000}, {"method": ["nm"], "maxiter": 20000}))
        result = _polish(model, result)
    share = _random_effect_shares(result, frame, spec)
    cell = _unit_time_name(spec)
    if by_time and share[cell] < NEAR_ZERO_SHARE:
        notes.append(f"{cell} variance estimated near zero ({share[cell]:.3f} of the variance): the "
                     f"{_unit_noun(spec.unit)}s' scores moved no further apart between {spec.time}s than their "
                     "observations' own variation accounts for; the component is kept, so the terms that change "
                     f"within {_unit_noun(spec.unit)}s keep df counted in {_unit_noun(spec.unit)}s")
    if share.drop(cell, errors="ignore").min() < NEAR_ZERO_SHARE:
        low = share.drop(cell, errors="ignore")
        low = low[low < NEAR_ZERO_SHARE]
        notes.append("variance between units estimated near zero (" + ", ".join(
            f"{name}: {value:.3f} of the variance" for name, value in low.items()) + "): the units differ little "
            "beyond their observations' own variation")
    corr = _slope_correlation(result) if spec.random_slope else np.nan
    singular = bool(abs(corr) > 1 - BOUNDARY_CORRELATION)
    if singular:
        notes.append(f"the correlation of the unit intercepts and slopes is estimated at {corr:+.4f}, the boundary "
                     "of +-1 (a singular fit, lme4's isSingular): the intercepts and slopes vary along one line, so "
                     "the data cannot tell the two variances and the correlation apart; read the variance "
                     "components with care, or fit without the random slope")
    information = None
    if spec.small_sample:
        df, information = _mixed_df(result, share, n_units, notes, singular=singular)
    else:
        df = None
    se = pd.Series(np.sqrt(np.diag(_fixed_effects_covariance(result))), index=result.fe_params.index)
    params = _param_table(result.fe_params, se, df=df, alpha=spec.alpha)
    cov = np.asarray(result.cov_re, dtype="float64")
    sds = np.sqrt(np.diag(cov))
    names, values = ["unit_intercept_sd"], [sds[0]]
    if spec.random_slope:
        names += ["unit_slope_sd", "intercept_slope_corr"]
        values += [sds[1], corr]
    components = dict(zip(result.model.exog_vc.names, np.asarray(result.vcomp, dtype="float64"))) if (
        nested or by_time) else {}
    if nested:
        names.append("subject_intercept_sd")
        values.append(float(np.sqrt(components[spec.subject])))
    if by_time:
        names.append("unit_time_sd")
        values.append(float(np.sqrt(components[cell])))
    names.append("residual_sd")
    values.append(float(np.sqrt(result.scale)))
    vc = pd.DataFrame({"estimate": values}, index=pd.Index(names, name="component"))
    terms = f" + (1 + {spec.time} | {spec.unit})" if spec.random_slope else f" + (1 | {spec.unit})"
    if nested:
        terms += f" + (1 | {spec.unit}:{spec.subject})"
    if by_time:
        terms += f" + (1 | {spec.unit}:{spec.time})"
    out = ModelResults(
        params=params, n_obs=int(result.nobs), n_units=n_units, method="mixed", family="gaussian",
        cov_type="model-based (REML)", formula=spec.formula + terms,
        alpha=spec.alpha, variance_components=vc, fit_result=result, notes=notes,
    )
    out._satterthwaite = information  # which information the df came from, for mixed_contrasts (None: normal)
    return out


def mixed_contrasts(res: ModelResults, contrasts: Mapping[str, Mapping[str, float]]) -> pd.DataFrame:
    """Linear combinations of a mixed model's fixed effects, as rows of its ``params`` (estimate, se, statistic,
    df, p_value, ci_low, ci_high).

    ``contrasts`` maps a row name to ``{term: weight}``. The estimate is ``L beta``, its variance ``L C L'`` with
    ``C`` the model's covariance of the fixed effects (:func:`_fixed_effects_covariance`), and its df Satterthwaite's
    for that contrast from the information the model's own df were taken from (:func:`_mixed_df`), with the same
    fallback (units - fixed parameters). A contrast of a refit with the terms coded otherwise (its reference level
    or a 0/1 variable reversed) has the same REML fit, so this gives that refit's coefficient without fitting again:
    :func:`impact.effects.survey_change_by_status` read the change within councils in intervention from a second
    fit with the status coded the other way round (speed10).
    """
    result = res.fit_result
    names = list(result.fe_params.index)
    weights = np.zeros((len(contrasts), len(names)))
    for i, combination in enumerate(contrasts.values()):
        for term, weight in combination.items():
            weights[i, names.index(term)] = weight
    cov = _fixed_effects_covariance(result)
    estimate = pd.Series(weights @ np.asarray(result.fe_params, dtype="float64"), index=list(contrasts))
    se = pd.Series(np.sqrt(np.einsum("ik,kl,il->i", weights, cov, weights)), index=estimate.index)
    information = getattr(res, "_satterthwaite", None)
    df = None
    if information is not None:
        df, _ = _satterthwaite_df(result, information, contrasts=weights)
        bad = ~np.isfinite(df) | (df <= 0)
        if bad.any():
            df = np.where(bad, _small_sample_df(res.n_units, len(names), True, []), df)
    return _param_table(estimate, se, df=df, alpha=res.alpha)


def _repeated_subjects(frame: pd.DataFrame, spec: _Spec, notes: list[str]) -> bool:
    """Whether the mixed model gets a random intercept per `subject` within `unit`: only where some subject has
    more than one row (at more than one `time` where `time` is given); the notes say which way and why.

    A subject with one row each has an effect that cannot be told from the residual, so the component is left out
    then. Subjects are nested in units: the same id in two units is two subjects."""
    if spec.subject is None:
        return False
    keys = [spec.unit, spec.subject]
    counts = (frame.groupby(keys, sort=False, observed=True)[spec.time].nunique() if spec.time
              else frame.groupby(keys, sort=False, observed=True).size())
    repeated, total = int((counts > 1).sum()), len(counts)
    if spec.random_slope and repeated:
        raise ValueError(f"`random_slope=True` with repeated `subject` ({spec.subject!r}) values within units is not "
                         "supported: fit the random slope without `subject`, or the subject intercept without the "
                         "slope.")
    what = "at more than one wave" if spec.time else "more than once"
    if repeated:
        notes.append(f"random intercept per {spec.subject} nested in {spec.unit}: {repeated} of {total} "
                     f"{spec.subject}s answer {what}, and their answers are correlated")
    else:
        notes.append(f"no {spec.subject} answers {what} ({total} in all): no {spec.subject} random effect (it "
                     "could not be told from the residual)")
    return bool(repeated)


def _unit_time_name(spec: _Spec) -> str:
    """The name of the unit-by-time variance component ("council-by-wave" for council_id and wave)."""
    return f"{_unit_noun(spec.unit)}-by-{spec.time}"


def _unit_time_component(frame: pd.DataFrame, spec: _Spec, notes: list[str],
                         design: tuple[pd.DataFrame, pd.DataFrame] | None = None) -> bool:
    """Whether the mixed model gets a random intercept per unit and time (a unit-by-time variance component).

    Without it the terms that change within units (the wave, a status that changes) are tested against the variation
    of the observations within units, as if the units' scores could not move apart between times beyond it: with
    several respondents per council and wave, the wave term of null studies with a council-by-wave shock of SD 0.1
    rejected in 12% of them at 0.05 (stats16). It is added where `time` is given (no random slope) and some unit has
    more than one row at a time (with one row per unit and time the residual is that variation already, and nothing
    is said), and it is estimable: the unit-time cells number more than the rank of the unit indicators beside the
    cells' mean design, the df left to estimate it. Where none are left, it is left out and the notes say so.
    ``design``: patsy's outcome and design frames of ``frame`` (:func:`_complete_rows`), else built here.
    """
    if not spec.unit_by_time or spec.time is None or spec.random_slope:
        return False
    keys = [spec.unit, spec.time]
    sizes = frame.groupby(keys, sort=False, observed=True).size()
    if sizes.max() < 2:
        return False
    x = design[1] if design is not None else patsy.dmatrix(spec.formula.split("~", 1)[1], frame,
                                                           return_type="dataframe")
    codes = frame.groupby(keys, sort=False, observed=True).ngroup().to_numpy()
    cell_means = x.groupby(codes).mean().to_numpy(dtype="float64")
    cell_units = pd.factorize(frame[spec.unit].to_numpy()[np.unique(codes, return_index=True)[1]])[0]
    design = np.column_stack([cell_means, np.eye(cell_units.max() + 1)[cell_units]])
    left = len(sizes) - int(np.linalg.matrix_rank(design))
    if left < 1:
        notes.append(f"no {_unit_time_name(spec)} random effect: the {_counted(len(sizes), 'cell')} of "
                     f"{_unit_noun(spec.unit)} and {spec.time} leave no df to estimate it beyond the "
                     f"{_unit_noun(spec.unit)}s and the fixed effects, so terms that change within "
                     f"{_unit_noun(spec.unit)}s are tested against the variation within cells, which overstates "
                     f"their precision where {_unit_noun(spec.unit)}s move apart between {spec.time}s")
        return False
    notes.append(f"random intercept per {spec.unit} and {spec.time} ({_unit_time_name(spec)}, estimated on "
                 f"{left} df): terms that change within {_unit_noun(spec.unit)}s are tested against how far the "
                 f"{_unit_noun(spec.unit)}s move apart between {spec.time}s, with Satterthwaite df")
    return True


def _nested_model(frame: pd.DataFrame, spec: _Spec, *, subject: bool = True, unit_time: bool = False,
                  design: tuple[pd.DataFrame, pd.DataFrame] | None = None) -> MixedLM:
    """A MixedLM with a random intercept per unit and variance components for subjects within units (`subject`) and
    for each time within units (`unit_time`).

    statsmodels' ``vc_formula={"subject": "0 + C(subject)"}`` evaluates the formula once per unit with patsy (about
    10 ms each); the indicator matrices are built here directly, in the sorted unit order statsmodels expects.
    ``design``: patsy's outcome and design frames of ``frame`` (:func:`_complete_rows`), else built here.
    """
    from statsmodels.regression.mixed_linear_model import VCSpec

    y, x = design if design is not None else patsy.dmatrices(spec.formula, frame, return_type="dataframe")
    groups = frame[spec.unit].to_numpy()
    labels = sorted(set(groups))
    columns = ([(spec.subject, spec.subject)] if subject else []) + (
        [(_unit_time_name(spec), spec.time)] if unit_time else [])
    names, colnames, mats = [], [], []
    for name, column in columns:
        values = frame[column].to_numpy()
        names.append(name)
        colnames.append([])
        mats.append([])
        for label in labels:
            rows = np.flatnonzero(groups == label)
            codes, uniques = pd.factorize(values[rows])
            mats[-1].append(np.eye(len(uniques))[codes])
            colnames[-1].append([f"{column}[{u}]" for u in uniques])
    return MixedLM(y, x, groups=groups, exog_re=np.ones((len(frame), 1)), exog_vc=VCSpec(names, colnames, mats))


#: A random intercept-slope correlation within this of +-1 is at the boundary of the parameter space (a singular
#: random-effects covariance). statsmodels optimises the Cholesky factor and approaches the boundary without reaching
#: it, so a fit that lme4 ends at exactly +-1 ends here at 0.99999 or so: with intercepts and slopes planted on one
#: line (20 units, 5 waves) it gave +0.999988 and +1.0000 with no warning and no note.
BOUNDARY_CORRELATION = 1e-3


def _slope_correlation(result) -> float:
    """The estimated correlation of a mixed model's random intercept and slope (NaN where a variance is zero)."""
    cov = np.asarray(result.cov_re, dtype="float64")
    scale = np.sqrt(cov[0, 0] * cov[1, 1])
    return float(cov[0, 1] / scale) if scale > 0 else float("nan")


#: A random effect whose variance is below this share of the outcome's variance (it with the residual) is "near zero".
NEAR_ZERO_SHARE = 0.01


def _random_effect_shares(result, frame: pd.DataFrame, spec: _Spec) -> pd.Series:
    """Each random effect's variance as a share of itself plus the residual variance (the intraclass correlation for
    the intercept; the slope's at the spread of `time`): scale-free, unlike statsmodels' absolute 0.01."""
    cov = np.diag(np.asarray(result.cov_re, dtype="float64"))
    shares = {"unit intercept": cov[0] / (cov[0] + result.scale)}
    components = dict(zip(result.model.exog_vc.names, np.asarray(result.vcomp, dtype="float64"))) if (
        result.model.k_vc) else {}
    for name, variance in components.items():
        label = f"{name} intercept" if name == spec.subject else name
        shares[label] = float(variance) / (float(variance) + result.scale)
    if spec.random_slope:
        spread = float(np.var(frame[spec.time].to_numpy(dtype="float64")))
        shares["unit slope"] = cov[1] * spread / (cov[1] * spread + result.scale)
    return pd.Series(shares)


def _fit_from_maximum(model, notes: list[str]):
    """statsmodels' REML fit of a random-intercept `model` started at the maximum of its REML likelihood found by
    :func:`impact.stats._reml.reml_maximum`, or None where that maximum cannot be computed or the fit from it does
    not converge to a likelihood as high, or raises (then the model is fitted as before, from statsmodels' start,
    polished: an outcome constant to rounding is left to that path, as it was).

    The maximum is found over the variances themselves, in the box where they are >= 0, so one at zero is reached
    exactly, which statsmodels' gradient optimisers in its square-root parameters do not (:func:`_polish`): started
    there, lbfgs stops at once, and no polish is needed. On a 20-council survey model (council, respondent and
    council-by-wave components) this took 0.15 s of CPU where lbfgs from statsmodels' start and the Powell polish
    took 2.0 s, to a REML log-likelihood 2e-4 higher (speed13; bench/mixed_reml_compare.py compares both in 106
    fits of 31 designs).
    """
    from ._reml import reml_maximum

    found = reml_maximum(model)
    if found is None:
        return None
    start, best = found
    tried: list[str] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = _fit_quietly(model.fit, reml=True, notes=tried, method=["lbfgs"], start_params=start)
        except (ValueError, np.linalg.LinAlgError):  # (an outcome constant to rounding) the old path decides
            return None
    if not (_converged(result) and np.isfinite(result.llf) and result.llf >= best - 1e-6 * max(1.0, abs(best))):
        return None
    for caught_warning in caught:
        warnings.warn(caught_warning.message, caught_warning.category, stacklevel=user_level())
    notes.extend(tried)
    return result


def _polish(model, result):
    """Refit from `result` with Powell's method, kept when its REML likelihood is higher.

    Where a variance is near zero the REML likelihood is flat in the square-root (Cholesky) parameters statsmodels
    optimises, whose gradient vanishes there, and its gradient optimisers stop short: for a 10-council survey
    design with no council effect (seed 90418) lbfgs "converged" to a council SD of 0.0587 where the REML maximum
    (an independent fit, and Powell's method) is 0.0553, and whether statsmodels called that convergence depended
    on the units of the outcome. They stop short before the variance is small, too: with respondents nested in 12
    councils (statsmodels 0.15.0, scipy 1.17.1) the default fit ended at a respondent variance of 0.027 (3% of the
    total) and a status effect of 0.2708, REML log-likelihood -118.017, where the maximum (Powell's and Nelder-Mead's
    fits of statsmodels' own vc_formula model) is a respondent variance of zero, an effect of 0.2775 and -117.952.
    So every mixed fit that :func:`_fit_from_maximum` does not make (a random slope, or a fit from the maximum that
    did not converge) is polished; from a maximum it costs a few hundredths of a second. The fit from the maximum
    needs no polish: the maximum is found over the variances in the box where they are >= 0, and it was never below
    this polish's in the 106 fits of 31 survey designs of bench/mixed_reml_compare.py.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            polished = model.fit(reml=True, method=["powell"], maxiter=5000, start_params=result.params_object)
        except (ValueError, np.linalg.LinAlgError):
            return result
    if _converged(polished) and np.isfinite(polished.llf) and polished.llf > result.llf:
        return polished
    return result


def _fixed_effects_covariance(result) -> np.ndarray:
    """Covariance of a mixed model's fixed effects, ``(sum_g X_g' V_g^-1 X_g)^-1`` at the REML estimates.

    ``V_g = Z_g G Z_g' + sigma^2 I`` with the fitted random-effects covariance ``G`` and residual variance
    ``sigma^2``: the generalised-least-squares covariance that lme4's ``vcov`` (Bates et al. 2015, eq. 54), nlme
    and SAS PROC MIXED report. statsmodels' ``bse_fe`` instead inverts the observed information of the fixed effects
    and variance parameters together, whose cross terms are not zero at the estimates: its standard errors were
    up to 1.4% larger (a 12-council survey model fitted with Powell's method) than this one.
    """
    k = len(result.fe_params)
    information = np.zeros((k, k))
    for x, _, v, _ in _unit_blocks(result):
        information += x.T @ np.linalg.solve(v, x)
    return np.linalg.inv(information)


def _unit_blocks(result):
    """Per unit of a fitted mixed model: ``X_g``, ``y_g``, ``V_g`` at the estimates, and ``dV_g / d theta_j``.

    ``V_g = sigma^2 I + Z_g G Z_g' + sum_k s_k^2 Z_gk Z_gk'`` (the variance components, such as subjects within
    units, with indicator matrices ``Z_gk``) is linear in ``theta = (sigma^2, the entries G_ab with a <= b, s_k^2)``.
    """
    model = result.model
    cov_re = np.asarray(result.cov_re, dtype="float64")
    scale = float(result.scale)
    vcomp = np.asarray(result.vcomp, dtype="float64") if model.k_vc else np.zeros(0)
    q = cov_re.shape[0]
    pairs = [(a, b) for a in range(q) for b in range(a + 1)]
    for g, (x, z, y) in enumerate(zip(model.exog_li, model.exog_re_li, model.endog_li)):
        x, z, y = (np.asarray(a, dtype="float64") for a in (x, z, y))
        derivatives = [np.eye(len(y))]
        for a, b in pairs:
            d = np.outer(z[:, a], z[:, b])
            derivatives.append(d + d.T if a != b else d)
        v = z @ cov_re @ z.T + scale * np.eye(len(y))
        for j, variance in enumerate(vcomp):
            indicator = np.asarray(model.exog_vc.mats[j][g], dtype="float64")
            derivatives.append(indicator @ indicator.T)
            v += variance * derivatives[-1]
        yield x, y, v, derivatives


#: A random effect whose variance is below this share of itself plus the residual variance is taken to be estimated
#: at zero (the boundary of the parameter space) by the Satterthwaite degrees of freedom: statsmodels optimises the
#: Cholesky factor of the random-effects covariance and approaches a zero variance without reaching it.
ZERO_SHARE = 1e-4


def _mixed_df(result, share: pd.Series, n_units: int, notes: list[str],
              singular: bool = False) -> tuple[np.ndarray, str]:
    """Satterthwaite degrees of freedom of each fixed effect of a mixed model (see :func:`_satterthwaite_df`).

    At a random-effect variance estimated at zero the expected information is used (the observed information there
    is not the curvature of a maximum and need not be positive definite), and the notes say so; a term whose df
    cannot be computed gets (units - fixed parameters), also noted. The expected information is used too where the
    random intercept-slope correlation is estimated at +-1 (`singular`), another point on the boundary. Returns the
    df and the information they came from ("observed" or "expected").
    """
    at_zero = share[share < ZERO_SHARE]
    information = "expected" if len(at_zero) or singular else "observed"
    df, positive = _satterthwaite_df(result, information)
    if information == "observed" and not positive:
        df, _ = _satterthwaite_df(result, "expected")
        notes.append("Satterthwaite df from the expected information: the observed information of the variance "
                     "parameters was not positive definite")
    elif len(at_zero):
        notes.append("Satterthwaite df from the expected information, the " + " and ".join(at_zero.index)
                     + " variance being estimated at zero: terms that vary between units (or between a unit's "
                     "times) keep the df of that level instead of the residual df of a model without the random "
                     "effect")
    elif singular:
        notes.append("Satterthwaite df from the expected information, the intercept-slope correlation being at the "
                     "boundary")
    bad = ~np.isfinite(df) | (df <= 0)
    if bad.any():
        names = list(result.fe_params.index[bad])
        fallback = _small_sample_df(n_units, len(result.fe_params), True, notes)
        df = np.where(bad, fallback, df)
        notes.append(f"Satterthwaite df not computable for {names}: units - fixed parameters used")
    return df, ("expected" if information == "expected" or not positive else "observed")


def _satterthwaite_df(result, information: Literal["observed", "expected"] = "observed", *,
                      contrasts: np.ndarray | None = None) -> tuple[np.ndarray, bool]:
    """Satterthwaite (1946) degrees of freedom of each fixed effect of a linear mixed model fitted by REML.

    For the contrast ``c`` (here each coefficient), ``df = 2 (c' C c)^2 / (g' A g)`` with ``C = (X' V^-1 X)^-1``
    the covariance of the fixed effects, ``g`` the gradient of ``c' C c`` in the variance parameters and ``A`` the
    inverse of their REML information (Giesbrecht and Burns 1985; Kuznetsova et al. 2017, lmerTest). The
    parameters are the residual variance, the entries of the random-effects covariance ``G`` and the variances of
    any variance components (subjects within units), in which ``V_g`` is linear (:func:`_unit_blocks`), so the
    derivatives are analytic: with ``V_j = dV / d theta_j``,
    ``W = V^-1``, ``P = W - W X C X' W`` and ``A_j = X' W V_j W X``, ``dC / d theta_j = C A_j C``; the observed
    information is ``y' P V_j P V_k P y - tr(P V_j P V_k) / 2`` and the expected ``tr(P V_j P V_k) / 2``
    (Searle, Casella and McCulloch 1992, ch. 6). At a maximum inside the parameter space the df do not depend on
    how the variance parameters are written, so they are lmerTest's (which differentiates numerically in
    relative standard deviations): 22.81 and 161 for ``Reaction ~ Days + (1 | Subject)`` on sleepstudy. Every
    product is taken unit by unit (``V`` is block diagonal), so no n x n matrix is formed.

    Returns the df in the order of ``result.fe_params`` (or of the rows of ``contrasts``, a matrix of linear
    combinations of the fixed effects, one per row) and whether the observed information is positive definite.
    """
    k = len(result.fe_params)
    units = []
    information_x, xwy = np.zeros((k, k)), np.zeros(k)
    for x, y, v, derivatives in _unit_blocks(result):
        w = np.linalg.inv(v)
        units.append((x, y, w, derivatives))
        information_x += x.T @ w @ x
        xwy += x.T @ w @ y
    m = len(units[0][3])
    c = np.linalg.inv(information_x)
    beta = c @ xwy
    a_ = np.zeros((m, k, k))  # X' W V_i W X
    b_ = np.zeros((m, m, k, k))  # X' W V_i W V_j W X
    trace_w = np.zeros((m, m))  # tr(W V_i W V_j)
    quad = np.zeros((m, m))  # (V_i r)' W (V_j r), r = W (y - X beta) = P y
    u = np.zeros((m, k))  # X' W V_i r
    for x, y, w, derivatives in units:
        wx = w @ x
        r = w @ (y - x @ beta)
        wv = [w @ d for d in derivatives]
        vr = [d @ r for d in derivatives]
        for i in range(m):
            a_[i] += wx.T @ derivatives[i] @ wx
            u[i] += wx.T @ vr[i]
            for j in range(i, m):
                b_[i, j] += wx.T @ derivatives[i] @ wv[j] @ wx
                trace_w[i, j] += np.sum(wv[i] * wv[j].T)
                quad[i, j] += vr[i] @ w @ vr[j]
    trace_p = np.zeros((m, m))  # tr(P V_i P V_j)
    for i in range(m):
        for j in range(i, m):
            trace_p[i, j] = trace_p[j, i] = (trace_w[i, j] - 2 * np.trace(c @ b_[i, j])
                                             + np.trace(c @ a_[i] @ c @ a_[j]))
            quad[j, i] = quad[i, j]
    observed = quad - u @ c @ u.T - trace_p / 2
    positive = bool(np.all(np.linalg.eigvalsh(observed) > 0))
    chosen = observed if information == "observed" else trace_p / 2
    try:
        covariance = np.linalg.inv(chosen)
    except np.linalg.LinAlgError:
        return np.full(k, np.nan), positive
    if contrasts is None:
        gradients = np.array([np.diag(c @ a_[i] @ c) for i in range(m)])  # d C_tt / d theta_i, m x k
        variance = np.diag(c)
    else:  # d (L C L')_tt / d theta_i, and the contrasts' variances
        gradients = np.array([np.einsum("tk,kl,tl->t", contrasts, c @ a_[i] @ c, contrasts) for i in range(m)])
        variance = np.einsum("tk,kl,tl->t", contrasts, c, contrasts)
    with np.errstate(divide="ignore", invalid="ignore"):
        df = 2 * variance ** 2 / np.einsum("it,ij,jt->t", gradients, covariance, gradients)
    return df, positive


def _fit_ordinal(frame, spec: _Spec, n_units, quiet_units) -> ModelResults:
    lhs = spec.formula.split("~", 1)[0].strip()
    if lhs not in frame.columns:
        # statsmodels reads the outcome as the column named by the formula's left-hand side as written: the default
        # formula's Q('score') was a KeyError. The outcome's column under that name, for it to find.
        frame = frame.assign(**{lhs: frame[_formula_variables(spec.formula, frame)[0]]})
    model = OrderedModel.from_formula(spec.formula, frame, distr="logit")
    groups = pd.factorize(frame[spec.unit])[0]
    result = _fit_quietly(model.fit, method="bfgs", disp=False, maxiter=2000, cov_type="cluster",
                          cov_kwds={"groups": groups})
    if not quiet_units:
        _warn_units(n_units, spec.small_sample, "Ordinal regression with cluster-robust errors",
                    spec.unit)
    notes = ["threshold terms 'a/b' after the first are log increments between cut-points"]
    df = _small_sample_df(n_units, 1, spec.small_sample, notes)
    params = _param_table(result.params, result.bse, df=df, alpha=spec.alpha)
    return ModelResults(
        params=params, n_obs=int(result.nobs), n_units=n_units, method="ordinal", family="cumulative logit",
        cov_type="cluster-robust by unit", formula=spec.formula, alpha=spec.alpha, fit_result=result, notes=notes,
    )


# --------------------------------------------------------------------------------------------------
# attrition: the grid of expected subject-waves, response weights, multiple imputation
# --------------------------------------------------------------------------------------------------


def _formula_variables(formula: str, data: pd.DataFrame) -> tuple[str, list[str]]:
    """The outcome column and the data columns used on the right-hand side of a patsy formula."""
    desc = patsy.ModelDesc.from_formula(formula)
    names = []
    columns = {str(c): c for c in data.columns}
    for side in (desc.lhs_termlist, desc.rhs_termlist):
        found = []
        for term in side:
            for factor in term.factors:
                found += [columns[n] for n in _code_names(factor.code) if n in columns]
        names.append(list(dict.fromkeys(found)))
    if len(names[0]) != 1:
        raise ValueError(f"The formula {formula!r} must have one outcome column of `data` on its left-hand side.")
    return names[0][0], names[1]


def _code_names(code: str) -> list[str]:
    """Variable names in a patsy factor's code: identifiers that are not called, and quoted names (``Q('x')``)."""
    import ast
    import io
    import tokenize

    tokens = [t for t in tokenize.generate_tokens(io.StringIO(code).readline)
              if t.type in (tokenize.NAME, tokenize.STRING, tokenize.OP)]
    out = []
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1].string if i + 1 < len(tokens) else ""
        prev = tokens[i - 1].string if i else ""
        if tok.type == tokenize.NAME and nxt != "(" and prev != ".":
            out.append(tok.string)
        elif tok.type == tokenize.STRING:
            value = ast.literal_eval(tok.string)
            if isinstance(value, str):
                out.append(value)
    return out


def _grid(data: pd.DataFrame, spec: _Spec, subject: str, covariates: list[str]) -> tuple[pd.DataFrame, str]:
    """Every subject x time, with the outcome (NaN where not observed) and the covariates.

    Covariates of an added subject-time come from other rows of the same unit
    at that time when they agree there (council-level status), otherwise from
    the subject's own rows when constant; anything else is an error naming
    the gaps.
    """
    outcome, _ = _formula_variables(spec.formula, data)
    time, unit = spec.time, spec.unit
    need = list(dict.fromkeys([subject, unit, time, outcome, *covariates]))
    frame = data[need].copy()
    frame = frame[frame[subject].notna() & frame[time].notna()]
    dup = frame.duplicated([subject, time], keep=False)
    if dup.any():
        raise ValueError(f"`missing` options need one row per {subject!r} and {time!r}, but {int(dup.sum())} rows "
                         f"repeat a pair (give `subject`, e.g. the participant, when units have several rows "
                         "per wave).")
    levels = (list(frame[time].cat.categories) if isinstance(frame[time].dtype, pd.CategoricalDtype)
              else sorted(frame[time].unique()))
    subjects = frame.groupby(subject, sort=True, observed=True)[unit].first()
    split = frame.groupby(subject, observed=True)[unit].nunique()
    if (split > 1).any():
        moved = split.index[split.to_numpy() > 1]
        raise ValueError(f"Each {subject!r} must belong to one {unit!r}, but {_counted(len(moved), 'subject')} "
                         f"{_verb(len(moved), 'has', 'have')} rows of several ({list(moved[:5])}"
                         f"{', ...' if len(moved) > 5 else ''}): give each its own id in each {unit!r} (one "
                         f"who moved is a new {subject!r}), or correct the {unit!r} of its rows.")
    full = pd.MultiIndex.from_product([subjects.index, levels], names=[subject, time]).to_frame(index=False)
    full[unit] = full[subject].map(subjects)
    right = frame.drop(columns=[unit]) if unit != subject else frame
    grid = full.merge(right, on=[subject, time], how="left")
    if isinstance(data[time].dtype, pd.CategoricalDtype):
        grid[time] = pd.Categorical(grid[time], categories=data[time].cat.categories)
    gaps = []
    for cov in [c for c in covariates if c not in (subject, unit, time)]:
        hole = grid[cov].isna()
        if not hole.any():
            continue
        # A covariate of the unit at each time (a council's status) is one value in every unit and time; it is taken
        # from the unit's other rows then, else from the subject's own rows where they hold one value. One that differs
        # between subjects of a unit at a time (a participant's own baseline value) is the subject's alone: taking it
        # from a unit and time where one other subject was seen gave the missing subject that subject's value
        # (stats21: 6 of 20 absent participant-waves of 30 councils, weights off by up to 35%).
        by_unit_time = frame.groupby([unit, time], observed=True)[cov]
        if (by_unit_time.nunique() <= 1).all():
            per_unit_time = by_unit_time.agg(lambda v: v.iloc[0] if v.nunique() == 1 else np.nan)
            keys = pd.MultiIndex.from_frame(grid.loc[hole, [unit, time]])
            grid.loc[hole, cov] = per_unit_time.reindex(keys).to_numpy()
            hole = grid[cov].isna()
        if hole.any():
            per_subject = frame.groupby(subject, observed=True)[cov].agg(
                lambda v: v.iloc[0] if v.nunique() == 1 else np.nan)
            grid.loc[hole, cov] = grid.loc[hole, subject].map(per_subject).to_numpy()
        hole = grid[cov].isna()
        if hole.any():
            examples = grid.loc[hole, [subject, time]].head(3).to_records(index=False).tolist()
            gaps.append(f"{cov!r} for {_counted(int(hole.sum()), 'subject-wave')}, e.g. {examples}")
    if gaps:
        raise ValueError("The response / imputation model needs the covariates of every missing subject-wave, but "
                         "they are unknown for " + "; ".join(gaps) + ". Give those rows (outcome missing) with "
                         "their covariates, or choose `response_covariates` that are known.")
    return grid, outcome


def _response_covariates(data, spec: _Spec, covariates: list[str]) -> list[str]:
    if covariates:
        return covariates
    _, rhs = _formula_variables(spec.formula, data)
    return [c for c in rhs if c not in (spec.time, spec.unit)]


def _fit_ipw(data, spec: _Spec, subject: str, covariates: list[str]) -> ModelResults:
    covariates = _response_covariates(data, spec, covariates)
    _, rhs = _formula_variables(spec.formula, data)
    grid, outcome = _grid(data, spec, subject, list(dict.fromkeys([*covariates, *rhs])))
    grid["_responded"] = grid[outcome].notna().astype(int)
    waves = pd.get_dummies(grid[spec.time].astype(str), prefix="t", drop_first=True, dtype=float)
    design = [waves]
    for cov in covariates:
        if cov in (spec.time, spec.unit, subject):
            continue
        values = grid[cov]
        if pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
            columns = pd.DataFrame({cov: values.astype("float64")})
        else:
            # a missing value has no column of its own (as under pandas 3), not a level 'nan' under pandas 2
            columns = pd.get_dummies(as_text(values), prefix=cov, drop_first=True, dtype=float)
        design.append(columns)
        # response may depend on the covariate differently at each wave (councils in intervention
        # dropping out more at later waves): wave x covariate interactions
        design += [columns.mul(waves[w], axis=0).add_suffix(f":{w}") for w in waves.columns]
    design = pd.concat(design, axis=1)
    responded = grid["_responded"].to_numpy()
    if responded.all():
        prob = np.ones(len(grid))
    else:
        # the maximum-likelihood logistic model the methods describe (with wave x categorical covariates, each cell's
        # share responding). scikit-learn's, penalised (C = 1e4) and stopped at its tolerance of 1e-4, was off the
        # maximum by up to 5e-4 in a probability and moved an estimate in its third decimal. Where everyone in a
        # cell responded (often the first wave) the maximum is a probability of 1 there, which IRLS reaches within
        # its iterations: statsmodels' warning of perfect separation says only that
        exog = np.column_stack([np.ones(len(grid)), design.to_numpy(dtype="float64")])
        # a covariate level seen at some waves only (a status that begins after the first wave, crossed with the
        # first-wave report: truth55's councils entering intervention) makes its main column the sum of its wave
        # interactions. IRLS on the redundant columns (statsmodels' pinv) went to a probability of 0 in a cell with
        # respondents, an infinite weight, and the weighted fit was not made (truth56); the columns a pivoted QR finds
        # independent span the same fitted probabilities
        exog = exog[:, _independent_columns(exog)]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PerfectSeparationWarning)
            prob = np.asarray(GLM(responded, exog, family=sm_families.Binomial()).fit().fittedvalues)
    notes = [f"inverse-probability-of-response weights from C({spec.time})"
             + (f" * ({' + '.join(covariates)})" if covariates else "")
             + f"; {int((responded == 0).sum())} of {len(grid)} subject-waves missing; working independence"]
    if (prob[responded == 1] < 0.05).any():
        extreme = int((prob[responded == 1] < 0.05).sum())
        warnings.warn(f"{_counted(extreme, 'observed subject-wave')} had a response "
                      f"probability below 0.05: {_verb(extreme, 'its weight exceeds', 'their weights exceed')} 20 and "
                      f"{_verb(extreme, 'dominates')} the fit.", StatisticalWarning,
                      stacklevel=user_level())
        notes.append("extreme weights (response probability < 0.05)")
    grid["_weight"] = responded.mean() / prob
    observed = grid[responded == 1]
    frame, dropped, design = _complete_rows(observed, spec)
    weights = frame["_weight"].to_numpy()
    res = _fit(frame, spec, dropped=dropped, weights=weights, design=design)
    res.missing = "ipw"
    res.weights = pd.Series(weights, index=_caller_rows(data, frame, subject, spec.time), name="weight")
    res.notes = notes + res.notes
    res.cov_type += " (weights treated as known)"
    return res


def _independent_columns(x: np.ndarray) -> np.ndarray:
    """The indices, in order, of a largest set of linearly independent columns of ``x`` (pivoted QR, LAPACK's via
    scipy, with numpy's ``matrix_rank`` tolerance on the diagonal of R)."""
    from scipy.linalg import qr

    _, r, piv = qr(x, mode="economic", pivoting=True)
    diag = np.abs(np.diag(r))
    rank = int((diag > diag.max() * max(x.shape) * np.finfo(float).eps).sum()) if diag.size else 0
    return np.sort(piv[:rank])


def _caller_rows(data: pd.DataFrame, frame: pd.DataFrame, subject: str, time: str) -> pd.Index:
    """The labels of ``data``'s rows that the rows of ``frame`` (observed subject-waves of the response grid, in the
    fit's order) came from: :func:`_grid` refuses two rows of one subject and time, so the pair names one row."""
    known = data[data[subject].notna() & data[time].notna()]
    label = pd.Series(known.index, index=pd.MultiIndex.from_frame(known[[subject, time]].astype(object)))
    keys = pd.MultiIndex.from_frame(frame[[subject, time]].astype(object))
    return pd.Index(label.reindex(keys).to_numpy(), name=data.index.name)


#: Chained-equation cycles before the first imputation, and between imputations (statsmodels' MICEData
#: refits every imputation model through patsy each cycle, about 0.05 s per variable; predictive mean
#: matching on a few waves settles within a few cycles).
MICE_BURN_IN = 5
MICE_CYCLES_BETWEEN = 2


def _mice_data(frame: pd.DataFrame, seed):
    """statsmodels MICEData with a seeded generator (older statsmodels use numpy's global state)."""
    from statsmodels.imputation.mice import MICEData

    try:
        return MICEData(frame, k_pmm=5, rng=np.random.default_rng(seed)), None
    except TypeError:  # statsmodels < 0.15: no `rng` argument
        state = np.random.get_state()  # noqa: NPY002 - what old statsmodels draws from
        np.random.seed(np.random.default_rng(seed).integers(2**31))  # noqa: NPY002
        return MICEData(frame, k_pmm=5), state


def _fit_mice(data, spec: _Spec, subject: str, covariates: list[str], n_imputations: int, seed) -> ModelResults:
    covariates = _response_covariates(data, spec, covariates)
    _, rhs = _formula_variables(spec.formula, data)
    grid, outcome = _grid(data, spec, subject, list(dict.fromkeys([*covariates, *rhs])))
    levels = list(pd.unique(grid[spec.time]))
    stable = [c for c in covariates if c not in (spec.time, spec.unit, subject)
              and (grid.groupby(subject, observed=True)[c].nunique(dropna=False) <= 1).all()]
    varying = [c for c in covariates if c not in (spec.time, spec.unit, subject, *stable)]
    names: dict[str, tuple[str, object]] = {}
    wide = pd.DataFrame(index=pd.Index(sorted(grid[subject].unique()), name=subject))
    for j, level in enumerate(levels):
        at = grid[grid[spec.time] == level].set_index(subject)
        for k, var in enumerate([outcome, *varying]):
            col = f"v{k}_{j}"
            names[col] = (var, level)
            wide[col] = _as_number(at[var]).reindex(wide.index)
    for k, var in enumerate(stable):
        col = f"s{k}"
        wide[col] = _as_number(grid.groupby(subject, observed=True)[var].first()).reindex(wide.index)
    n_missing = int(wide[[c for c, (v, _) in names.items() if v == outcome]].isna().to_numpy().sum())
    if n_missing == 0:
        frame, dropped, design = _complete_rows(data, spec)
        res = _fit(frame, spec, dropped=dropped, design=design)
        res.missing = "mice"
        res.notes.append("no missing subject-wave: nothing imputed")
        return res
    usable = [c for c in wide.columns if wide[c].notna().sum() >= 2 and wide[c].nunique() > 1]
    fixed = wide[[c for c in wide.columns if c not in usable]]
    # statsmodels' MICEData drops the rows with nothing observed (a subject missing at every wave, with no
    # covariate in the imputation model): there is nothing to impute them from, so they are left out, and said so
    seen = wide[usable].notna().any(axis=1).to_numpy()
    mice, state = _mice_data(wide.loc[seen, usable].reset_index(drop=True), seed)
    try:
        mice.update_all(MICE_BURN_IN)
        fits, completed_sets = [], []
        for _ in range(n_imputations):
            mice.update_all(MICE_CYCLES_BETWEEN)
            completed = mice.data.copy()
            completed.index = wide.index[seen]
            long = _to_long(completed.join(fixed), names, grid, subject, spec.time, outcome)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", MissingValueWarning)
                frame, _, design = _complete_rows(long, spec)
                fits.append(_fit(frame, spec, quiet_units=True, design=design))
            completed_sets.append(frame)
    finally:
        if state is not None:
            np.random.set_state(state)  # noqa: NPY002 - the caller's state is restored
    res = _rubin(fits, spec, n_missing, len(grid), int(data[spec.unit].nunique()))
    res.imputations = completed_sets  # the data sets fitted, as pooled (stats22)
    if not seen.all():
        k = int((~seen).sum())
        res.notes.append(f"{_counted(k, _unit_noun(subject))} with no observed value at any wave left out (nothing "
                         f"to impute {_verb(k, 'it', 'them')} from)")
    return res


def _as_number(values: pd.Series) -> pd.Series:
    if pd.api.types.is_bool_dtype(values) or pd.api.types.is_numeric_dtype(values):
        return values.astype("float64")
    codes, uniques = pd.factorize(values)
    return pd.Series(np.where(codes < 0, np.nan, codes), index=values.index, dtype="float64")


def _to_long(completed: pd.DataFrame, names, grid: pd.DataFrame, subject: str, time: str, outcome: str) -> pd.DataFrame:
    """The grid with the imputed outcomes put back (covariates keep their original values)."""
    long = grid.copy()
    key = pd.MultiIndex.from_frame(long[[subject, time]].astype(object))
    filled = {}
    for col, (var, level) in names.items():
        if var != outcome:
            continue
        for sid, value in completed[col].items():
            filled[(sid, level)] = value
    imputed = pd.Series([filled.get(k, np.nan) for k in key], index=long.index)
    long[outcome] = long[outcome].where(long[outcome].notna(), imputed)
    return long


_FIGURE = re.compile(r"[-+]?\d+(?:\.\d+)?(?:e[-+]?\d+)?")


def _pooled_notes(fits: list[ModelResults]) -> list[str]:
    """The notes of the imputed fits (a singular fit, a fallback optimiser, separation, few events...), each once, in
    the order first given, with how many of the fits gave it. Notes that differ only in their figures (a variance
    share of 0.003 in one fit, 0.004 in another) or in the details after its first ":" or "(" (which terms rest on
    few events, and on how many) are one note, worded as the first fit to give it words it. The pooled result kept
    none of them: a caveat of every imputed fit was not in the result read."""
    m = len(fits)
    first: dict[str, str] = {}
    wordings: dict[str, set[str]] = {}
    count: dict[str, int] = {}
    for fit in fits:
        keys = set()
        for note in fit.notes:
            key = _FIGURE.sub("#", re.split(r"[(:]", note, maxsplit=1)[0]).strip()
            first.setdefault(key, note)
            wordings.setdefault(key, set()).add(note)
            keys.add(key)
        for key in keys:  # a note given twice by one fit counts once
            count[key] = count.get(key, 0) + 1
    return [f"{note} (in {count[key]} of {m} imputed fits" + (", details from the first" if len(wordings[key]) > 1
                                                              else "") + ")" for key, note in first.items()]


def _rubin(fits: list[ModelResults], spec: _Spec, n_missing: int, n_grid: int, n_units: int) -> ModelResults:
    """Rubin's rules with the Barnard-Rubin (1999) degrees of freedom."""
    est = pd.concat([f.params["estimate"] for f in fits], axis=1)
    var = pd.concat([f.params["se"] ** 2 for f in fits], axis=1)
    m = est.shape[1]
    qbar = est.mean(axis=1)
    ubar = var.mean(axis=1)
    b = est.var(axis=1, ddof=1)
    total = ubar + (1 + 1 / m) * b
    lam = ((1 + 1 / m) * b / total).clip(lower=1e-12)
    nu_m = (m - 1) / lam**2
    nu_com = fits[0].params["df"].to_numpy(dtype="float64")
    nu_obs = (nu_com + 1) / (nu_com + 3) * nu_com * (1 - lam)
    df = np.where(np.isfinite(nu_com), 1 / (1 / nu_m + 1 / nu_obs), nu_m)
    params = _param_table(qbar, np.sqrt(total), df=np.asarray(df, dtype="float64"), alpha=spec.alpha)
    # as mice's pool() gives them (Rubin 1987, 3.1.10; van Buuren 2018, 2.3.5): lambda, the share of the total
    # variance due to the missing data, and the fraction of missing information, which adds 2 / (df + 3) to the
    # relative increase in variance; `fmi` was lambda (0.27 where mice's fmi is 0.35, 40 councils, 16 df)
    riv = ((1 + 1 / m) * b / ubar).to_numpy()
    params["lambda"] = ((1 + 1 / m) * b / total).to_numpy()  # not floored: 0 for a term with nothing missing
    params["fmi"] = (riv + 2 / (np.asarray(df, dtype="float64") + 3)) / (riv + 1)
    if "few_events" in fits[0].params.columns:  # few events in any completed data set
        params["few_events"] = np.any([f.params["few_events"].to_numpy(dtype=bool) for f in fits], axis=0)
    base = fits[0]
    _warn_units(n_units, spec.small_sample, "Model", spec.unit)
    notes = [f"multiple imputation (statsmodels MICEData, predictive mean matching): {m} imputations of "
             f"{n_missing} missing subject-waves of {n_grid}; Rubin's rules, Barnard-Rubin df", *_pooled_notes(fits)]
    return ModelResults(
        params=params, n_obs=n_grid - n_missing, n_units=base.n_units, method=base.method, family=base.family,
        cov_type=base.cov_type + ", combined by Rubin's rules", formula=base.formula, alpha=spec.alpha,
        variance_components=None, fit_result=[f.fit_result for f in fits], notes=notes, missing="mice",
    )

"""Firth's penalised-likelihood logistic regression (Jeffreys prior), with profile penalised likelihood intervals and
penalised likelihood ratio tests as R's logistf computes them; a design effect for rows clustered in units."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager, suppress
from contextvars import ContextVar

import numpy as np
import pandas as pd
from scipy import optimize, stats
from scipy.special import expit

from .._words import _counted, _verb
from ..errors import StatisticalWarning, user_level
from ._checks import (
    _check_columns,
    _check_design_finite,
    _check_frame,
    _check_probability,
    _design_matrices,
    _rows,
)
from ._errors import MissingValueWarning, NotIdentifiedError
from ._results import ModelResults

__all__ = ["firth_logistic"]

#: Newton-Raphson settings (logistf.control: maxit 25, maxhs 5, maxstep 5; tolerances tighter than its 1e-5, so that
#: estimates and profile limits agree with its printed digits).
_MAX_ITER, _MAX_HALVINGS, _MAX_STEP, _TOL = 200, 30, 5.0, 1e-10
#: A step is taken when it lowers the penalised log-likelihood by no more than this share of it: far out on a
#: profile (a coefficient of 15 with separated data) the log determinant of a near-singular information matrix is
#: computed to about 1e-11 of the log-likelihood, and a tighter test halves Newton's steps on that noise alone.
_NOISE = 1e-9
#: The largest modified score at which a fit that can no longer improve its penalised log-likelihood has converged.
_STALL_SCORE = 1e-6
#: Iterations in a row that find no better point, with a larger score, after which the fit has not converged.
_MAX_STALLS = 5
#: Iterations (logistf's maxit) after which a step is by the exact derivative of the modified score where that is
#: negative definite: the step with the hat values held fixed converges only linearly, and where they change fast (a
#: term that nearly separates the outcome) it took more than 200 iterations to move the score from 1e-8 to 2e-9.
_EXACT_AFTER = 25
#: The terms whose profile intervals :func:`firth_logistic` finds when its caller passes no ``intervals`` (None: every
#: term), set by :func:`profile_intervals` around a fit made through :func:`impact.stats.longitudinal_model`, which
#: does not pass them on.
_DEFAULT_INTERVALS: ContextVar[Collection[str] | Callable[[str], bool] | None] = ContextVar("firth_intervals",
                                                                                            default=None)


@contextmanager
def profile_intervals(intervals: Collection[str] | Callable[[str], bool] | None) -> Iterator[None]:
    """Within the block, :func:`firth_logistic` called without ``intervals`` finds the profile intervals of these
    terms alone (as its ``intervals``; ``()``: none), as where a caller such as
    :func:`impact.effects.attrition_effects` fits through :func:`impact.stats.attrition_sensitivity` and reads one
    term's interval: the others' limits were most of the fits' work. Each term's interval is found apart from the
    others' (see ``intervals``), so the intervals found are those of a fit that found them all."""
    token = _DEFAULT_INTERVALS.set(intervals)
    try:
        yield
    finally:
        _DEFAULT_INTERVALS.reset(token)


def firth_logistic(
    data: pd.DataFrame,
    *,
    formula: str,
    unit: str | None = None,
    weights: str | None = None,
    small_sample: bool = True,
    alpha: float = 0.05,
    intervals: Collection[str] | Callable[[str], bool] | None = None,
    tests: Collection[str] | Callable[[str], bool] | None = None,
) -> ModelResults:
    """Firth's bias-reduced (penalised-likelihood) logistic regression.

    The log-likelihood is penalised by half the log determinant of the Fisher
    information (Jeffreys' invariant prior; Firth 1993), which removes the
    first-order bias of the maximum likelihood estimate and gives finite
    estimates where the data are separated (Heinze and Schemper 2002). In a
    saturated 2 x 2 table the estimated log odds ratio is that of the table
    with 0.5 added to each cell. Tests are penalised likelihood ratio tests
    (the penalised log-likelihood refitted with the term fixed at 0, the
    penalty keeping the full model's information) and intervals are where the
    profile penalised log-likelihood falls by half the critical value, as
    R's ``logistf`` (``pl=TRUE``) computes them; ``se`` is logistf's Wald
    standard error (the inverse of minus the derivative of the modified
    score), shown beside them.

    Rows clustered in units (`unit`) are not independent: the penalised
    likelihood ratio statistic of each term is divided by its design effect
    (the cluster-robust variance of the estimate over the model-based one,
    floored at 1: Rao and Scott 1984; Lumley and Scott 2014), and, with
    `small_sample`, referred to F(1, units - parameters) as the GEE's t tests
    are; the interval is the set of values such a test does not reject, and
    ``se`` is logistf's times the square root of the design effect (the
    cluster-robust standard error, never below the model-based one; truth64
    found this docstring calling it logistf's, 14% below the one given where
    the design effect was 1.30).
    Without `unit` every row is its own unit and the results are logistf's.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per observation. Not modified.
    formula : str
        A patsy formula with a 0/1 (or boolean) outcome.
    unit : str, optional
        Cluster column (e.g. ``"council_id"``).
    weights : str, optional
        Column of case (frequency) weights: a row of weight k counts as k rows.
    small_sample : bool
        With `unit`, refer the statistics to F(1, units - parameters) instead
        of chi-squared(1).
    alpha : float
        1 - confidence level.
    intervals : collection of str or callable, optional
        The terms (names as in `params`, or a predicate of the name) whose
        profile intervals are found; the others' `ci_low` and `ci_high` are
        NaN. Default every term (or those set by :func:`profile_intervals`). The limits are most of the fit's work (about
        ten constrained maximisations each) and each term's are found apart
        from the others', so a term's interval is the same to the last bit
        whichever others are found.
    tests : collection of str or callable, optional
        The terms (names, or a predicate of the name) whose penalised
        likelihood ratio tests are computed (one constrained maximisation
        each, started at the estimate, so a term's test is the same to the
        last bit whichever others are computed); the others' `statistic`,
        `p_value` and `lr_chi2` are NaN. Default every term.

    Returns
    -------
    ModelResults
        `params` by term: `estimate` (log odds), `se`, `statistic` (the signed
        square root of the penalised likelihood ratio statistic, divided by the
        design effect), `df` (``inf``: chi-squared; else F(1, df)),
        `p_value`, `ci_low`, `ci_high` (profile penalised likelihood),
        `lr_chi2` (the penalised likelihood ratio statistic before the
        design effect, logistf's ``Chisq``) and `design_effect` (1 without
        `unit`). `variance_components` is None; `notes` say what was done.

    Raises
    ------
    ValueError
        For bad arguments, a missing column or an outcome other than 0/1.
    NotIdentifiedError
        When a term is constant or a combination of the others.

    Warns
    -----
    MissingValueWarning
        For rows left out for a missing value in the formula's variables or the unit (named).

    References
    ----------
    Firth, D. (1993). Bias reduction of maximum likelihood estimates.
    Biometrika 80, 27-38.

    Heinze, G. and Schemper, M. (2002). A solution to the problem of
    separation in logistic regression. Statistics in Medicine 21, 2409-2419.

    Rao, J. N. K. and Scott, A. J. (1984). On chi-squared tests for
    multiway contingency tables with cell proportions estimated from survey
    data. Annals of Statistics 12, 46-60.

    Lumley, T. and Scott, A. J. (2014). Tests for regression models fitted to
    survey data. Australian and New Zealand Journal of Statistics 56, 1-14.

    Examples
    --------
    A 2 x 2 table with an empty cell (no events in the second group), where
    maximum likelihood has no finite estimate:

    >>> d = pd.DataFrame({"group": [0] * 10 + [1] * 10, "y": [1] * 4 + [0] * 6 + [0] * 10})
    >>> res = firth_logistic(d, formula="y ~ group")
    >>> est = res.params.loc["group", "estimate"]
    >>> bool(np.isclose(est, np.log((0.5 / 10.5) / (4.5 / 6.5))))  # 0.5 added to each cell
    True
    >>> bool(res.params.loc["group", "ci_high"] < 0)
    True
    """
    from ..schema import true_or_false

    small_sample = true_or_false("small_sample", small_sample)
    _check_frame(data)
    _check_probability("alpha", alpha)
    _check_columns(data, unit=unit, weights=weights)
    y_frame, x_frame = _design_matrices(formula, data)
    _check_design_finite(formula, y_frame, x_frame)
    if y_frame.shape[1] != 1:
        raise ValueError(f"The outcome of {formula!r} must be one 0/1 column, but it gave {list(y_frame.columns)}.")
    rows = x_frame.index
    if unit is not None:
        rows = rows[data.loc[rows, unit].notna().to_numpy()]
    if len(rows) < len(data):
        # patsy drops a row with a missing value in the formula's variables; it was left out without a word, as was
        # a row with no unit, while longitudinal_model said so of the same rows
        left = data.index.difference(rows, sort=False)
        warnings.warn(f"{len(left)} of {_counted(len(data), 'row')} {_verb(len(left), 'has')} a missing value in a variable of {formula!r}"
                      f"{' or the unit' if unit is not None else ''} "
                      f"and were left out (rows {_rows(left)}).", MissingValueWarning, stacklevel=user_level())
    y = y_frame.loc[rows].iloc[:, 0].to_numpy(dtype="float64")
    if not np.isin(y, (0.0, 1.0)).all():
        bad = y_frame.loc[rows].iloc[:, 0][~np.isin(y, (0.0, 1.0))]
        raise ValueError(f"The outcome of {formula!r} must be 0/1, but row {bad.index[0]!r} holds {bad.iloc[0]:g}.")
    x = x_frame.loc[rows].to_numpy(dtype="float64")
    w = np.ones(len(y)) if weights is None else data.loc[rows, weights].to_numpy(dtype="float64")
    if weights is not None and not (np.isfinite(w).all() and (w >= 0).all()):
        raise ValueError(f"The weights in column {weights!r} must be finite and not negative.")
    weightless = w == 0
    if weightless.any():
        # a row of weight k counts as k rows, so a row of weight 0 as none: kept, a unit of such rows only was counted
        # among the units (the design effect's G / (G - 1) and the F test's units - parameters) and a term that varied
        # only in such rows passed the rank check and failed in numpy ('Singular matrix')
        if weightless.all():
            raise NotIdentifiedError(f"Every one of the {_counted(len(y), 'row')} with the variables of {formula!r} "
                                     f"has weight 0 in {weights!r}: there is nothing to fit.")
        rows, y, x, w = rows[~weightless], y[~weightless], x[~weightless], w[~weightless]
    used = f"{_counted(len(y), 'row')} used" + (f" ({_counted(int(weightless.sum()), 'row')} of weight 0 left out)"
                                                if weightless.any() else "")
    if len(y) == 0:
        raise NotIdentifiedError(f"No row has every variable of {formula!r}"
                                 f"{' and the unit' if unit is not None else ''}: all {_counted(len(data), 'row')} "
                                 f"{_verb(len(data), 'has')} a missing value.")
    if x.shape[1] >= len(y):
        # as many terms as rows (a column of numbers held as categories: one term per value): the fit is saturated,
        # nothing is left to test against, and the profile of every term took minutes
        raise NotIdentifiedError(f"The formula {formula!r} has {_counted(x.shape[1], 'term')} (with the intercept) for "
                                 f"the {used}: a model needs fewer terms than rows. A column "
                                 "of categories or text makes one term per level (numbers held as categories: "
                                 "convert them with pd.to_numeric).")
    if np.linalg.matrix_rank(x) < x.shape[1]:
        raise NotIdentifiedError(f"The terms of {formula!r} are not identified in the {used}: some are "
                                 "constant or combinations of the others.")
    groups = (pd.factorize(data.loc[rows, unit])[0] if unit is not None else np.arange(len(y)))
    names = list(x_frame.columns)
    wanted = _interval_terms(_DEFAULT_INTERVALS.get() if intervals is None else intervals, names, formula)
    fit = _FirthFit(y, x, w)
    beta, loglik, converged = fit.maximise()
    notes = ["Firth's penalised likelihood (Jeffreys prior): tests and intervals by the profile penalised likelihood"]
    if weightless.any():
        notes.append(f"{_counted(int(weightless.sum()), 'row')} of weight 0 left out (a row of weight k counts as k rows)")
    if not converged:
        warnings.warn("Firth's penalised likelihood did not converge.", StatisticalWarning, stacklevel=user_level())
        notes.append("the penalised likelihood did not converge")
    cov = np.linalg.inv(fit.score_jacobian(beta))
    n_units = int(groups.max()) + 1
    deff = np.ones(len(names))
    df = np.inf
    if unit is not None:
        deff = np.maximum(1.0, np.diag(_robust_covariance(fit, beta, cov, groups)) / np.diag(cov))
        if small_sample:
            df = float(max(n_units - len(names), 1))
        notes.append(f"rows clustered in {_counted(n_units, 'unit')}: each penalised likelihood ratio statistic divided by its "
                     "design effect (cluster-robust over model-based variance, at least 1)"
                     + (f", referred to F(1, {df:g})" if np.isfinite(df) else ""))
    critical = stats.chi2.ppf(1 - alpha, 1) if not np.isfinite(df) else stats.f.ppf(1 - alpha, 1, df)
    tested = _interval_terms(tests, names, formula, argument="tests")
    lr = np.array([2 * (loglik - fit.maximise(fixed={j: 0.0}, start=beta)[1]) if tested[j] else np.nan
                   for j in range(len(names))])
    lr = np.maximum(lr, 0.0)  # NaN stays NaN
    statistic = np.sign(beta) * np.sqrt(lr / deff)
    p_value = stats.chi2.sf(lr / deff, 1) if not np.isfinite(df) else stats.f.sf(lr / deff, 1, df)
    se = np.sqrt(np.diag(cov) * deff)
    limits = np.array([[fit.profile_limit(j, beta, loglik, critical * deff[j], side, se[j]) for side in (-1, 1)]
                       if wanted[j] else [np.nan, np.nan] for j in range(len(names))])
    params = pd.DataFrame({"estimate": beta, "se": se, "statistic": statistic, "df": df, "p_value": p_value,
                           "ci_low": limits[:, 0], "ci_high": limits[:, 1], "lr_chi2": lr, "design_effect": deff},
                          index=pd.Index(names, name="term"))
    return ModelResults(params=params, n_obs=len(y), n_units=n_units, method="firth", family="binomial",
                        cov_type="penalised likelihood (profile)" + (", design effect" if unit is not None else ""),
                        formula=formula, alpha=alpha, notes=notes)


def _interval_terms(intervals, names: list[str], formula: str, argument: str = "intervals") -> list[bool]:
    """Whether each term of ``names`` has its profile interval found (``intervals`` of :func:`firth_logistic`), or its
    test computed (``tests``)."""
    if intervals is None:
        return [True] * len(names)
    if callable(intervals):
        return [bool(intervals(name)) for name in names]
    if isinstance(intervals, str):
        intervals = [intervals]  # one term, not its letters
    unknown = [t for t in intervals if t not in names]
    if unknown:
        raise ValueError(f"`{argument}` names {unknown}, which {_verb(len(unknown), 'is', 'are')} not "
                         f"{_verb(len(unknown), 'a term', 'terms')} of {formula!r}; its terms are {names}.")
    chosen = set(intervals)
    return [name in chosen for name in names]


def _robust_covariance(fit: _FirthFit, beta: np.ndarray, cov: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """Cluster-robust sandwich of the penalised estimate: bread ``cov``, the inverse of the modified score's derivative
    with the hat values held fixed, x' diag((w + h) p (1 - p)) x (logistf's covariance, :meth:`_FirthFit.score_jacobian`;
    not the inverse information, which the docstring named), meat the units' summed modified scores, with the
    small-sample factor G / (G - 1). Recomputed independently in tests/test_stats_crosscheck_round11.py."""
    contributions = fit.score_contributions(beta)
    n_groups = int(groups.max()) + 1
    by_unit = np.zeros((n_groups, contributions.shape[1]))
    np.add.at(by_unit, groups, contributions)
    factor = n_groups / (n_groups - 1) if n_groups > 1 else 1.0
    return factor * cov @ (by_unit.T @ by_unit) @ cov


class _FirthFit:
    """The penalised log-likelihood of a logistic model and its maximisation, with some coefficients held fixed."""

    def __init__(self, y: np.ndarray, x: np.ndarray, w: np.ndarray):
        self.y, self.x, self.w = y, x, w

    def information(self, beta: np.ndarray) -> np.ndarray:
        return self._at(beta)[2]

    def _at(self, beta: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The linear predictor, the fitted probabilities and the information matrix at ``beta``: the first two are
        needed again by the penalised log-likelihood and the modified score at the same point, and are passed on."""
        eta = self.x @ beta
        p = expit(eta)
        return eta, p, self.x.T @ (self.x * (self.w * p * (1 - p))[:, None])

    def loglik(self, beta: np.ndarray, info: np.ndarray | None = None, eta: np.ndarray | None = None) -> float:
        """The penalised log-likelihood at ``beta`` (``info``: its information matrix, ``eta``: its linear predictor
        ``x @ beta``, if already computed)."""
        eta = self.x @ beta if eta is None else eta
        ll = float(np.sum(self.w * (self.y * eta - np.logaddexp(0.0, eta))))
        sign, logdet = np.linalg.slogdet(self.information(beta) if info is None else info)
        return ll + 0.5 * logdet if sign > 0 else -np.inf

    def _hat(self, p: np.ndarray, info: np.ndarray) -> np.ndarray:
        """The hat values (diagonal of the weighted projection) at fitted probabilities ``p`` with information
        ``info``."""
        return self.w * p * (1 - p) * np.einsum("ij,ij->i", self.x @ np.linalg.inv(info), self.x)

    def score_jacobian(self, beta: np.ndarray, info: np.ndarray | None = None, p: np.ndarray | None = None,
                       h: np.ndarray | None = None) -> np.ndarray:
        """Minus the derivative of the modified score with the hat values held fixed, x' diag(w p (1 - p) (1 + h)) x:
        logistf's covariance (since version 1.24) is its inverse, which gives its printed standard errors. ``info``,
        ``p`` and ``h`` (the hat values) at ``beta`` if already computed."""
        p = expit(self.x @ beta) if p is None else p
        if h is None:
            h = self._hat(p, self.information(beta) if info is None else info)
        return self.x.T @ (self.x * ((self.w + h) * p * (1 - p))[:, None])

    def hessian(self, beta: np.ndarray, info: np.ndarray | None = None, p: np.ndarray | None = None,
                h: np.ndarray | None = None) -> np.ndarray:
        """Minus the derivative of the modified score (minus the Hessian of the penalised log-likelihood): the
        :meth:`score_jacobian` less x' diag(1/2 - p) D, where D holds the derivatives of the hat values,
        dh_i/db_l = h_i (1 - 2 p_i) x_il - sum_j H_ij^2 (1 - 2 p_j) x_jl (H the weighted hat matrix). The sum over j
        is computed through a_i = (w_i p_i (1 - p_i))^1/2 L^-1 x_i (I = L L'), H_ij = a_i'a_j, without the n x n
        matrix: O(n k^3)."""
        p = expit(self.x @ beta) if p is None else p
        info = self.information(beta) if info is None else info
        h = self._hat(p, info) if h is None else h
        v = self.w * p * (1 - p)
        a = np.linalg.solve(np.linalg.cholesky(info), (self.x * np.sqrt(v)[:, None]).T).T
        c = self.x * (1 - 2 * p)[:, None]
        squares = np.einsum("ir,is,rsl->il", a, a, np.einsum("jr,js,jl->rsl", a, a, c))
        d = h[:, None] * c - squares
        return self.score_jacobian(beta, info, p, h) - self.x.T @ (d * (0.5 - p)[:, None])

    def score_contributions(self, beta: np.ndarray, info: np.ndarray | None = None,
                            p: np.ndarray | None = None, h: np.ndarray | None = None) -> np.ndarray:
        """Each row's share of the modified score x (w (y - p) + h (1/2 - p)) (Firth 1993; h the hat values); ``info``,
        ``p`` (the fitted probabilities) and ``h`` at ``beta`` if already computed."""
        p = expit(self.x @ beta) if p is None else p
        if h is None:
            h = self._hat(p, self.information(beta) if info is None else info)
        return self.x * (self.w * (self.y - p) + h * (0.5 - p))[:, None]

    def maximise(self, fixed: dict[int, float] | None = None, start: np.ndarray | None = None):
        """Newton-Raphson on the modified score of the free coefficients, with step-halving on the penalised
        log-likelihood; returns the coefficients, the penalised log-likelihood and whether it converged.

        logistf steps by the inverse of the information matrix x' diag(w p (1 - p)) x. Here the step is by the inverse
        of the modified score's derivative with the hat values held fixed, x' diag((w + h) p (1 - p)) x
        (:meth:`score_jacobian`): the same maximum (the score is zero there either way), reached in fewer iterations,
        and reached where the information matrix's step overshoots by the hat values' share and cycles between two
        points (six rows, three terms: the score stayed at 3e-4 for 200 iterations). That step converges linearly;
        after ``_EXACT_AFTER`` iterations the step is by the exact derivative (:meth:`hessian`) wherever it is
        negative definite, which converges quadratically near the maximum."""
        fixed = fixed or {}
        beta = np.zeros(self.x.shape[1]) if start is None else np.array(start, dtype="float64")
        for j, value in fixed.items():
            beta[j] = value
        free = np.array([j not in fixed for j in range(len(beta))])
        any_free, block = bool(free.any()), np.ix_(free, free)  # the same every iteration
        # The information matrix at the current coefficients, computed once and used for the score, the Newton step
        # and the penalty: the accepted candidate's becomes the next iteration's (the same numbers, a third the work).
        # The linear predictor and fitted probabilities likewise: each point's are computed once.
        eta, p, info = self._at(beta)
        current = self.loglik(beta, info, eta)
        stalled = 0
        for iteration in range(_MAX_ITER):
            h = self._hat(p, info)
            score = self.score_contributions(beta, info, p, h).sum(axis=0)[free]
            step = np.zeros_like(beta)
            if any_free:
                step[free] = self._newton_step(beta, info, p, h, block, score, exact=iteration >= _EXACT_AFTER)
            largest = np.abs(step).max() if any_free else 0.0
            if largest > _MAX_STEP:
                step *= _MAX_STEP / largest
            halved = accepted = False
            for _ in range(_MAX_HALVINGS):
                trial = beta + step
                candidate_eta, candidate_p, candidate_info = self._at(trial)
                candidate = self.loglik(trial, candidate_info, candidate_eta)
                if candidate >= current - _NOISE * max(1.0, abs(current)):
                    accepted = True
                    break
                step /= 2
                halved = True
            beta, current = beta + step, candidate
            # no candidate accepted: the step was halved once more after the last one tried
            eta, p, info = (candidate_eta, candidate_p, candidate_info) if accepted else self._at(beta)
            small, largest_score = np.abs(step).max(initial=0.0) < _TOL, np.abs(score).max(initial=0.0)
            if small and largest_score < 1e-8:
                return beta, current, True
            stalled = stalled + 1 if small and halved else 0
            if stalled and largest_score < _STALL_SCORE:
                # No better point along the Newton step: the penalised log-likelihood is at its maximum to machine
                # precision, and each further iteration would repeat this one (far out on a profile, with separated
                # data, the modified score stalls at 1e-8 to 1e-7 in floating point). Converged: the score is within
                # _STALL_SCORE (logistf's own gconv is 1e-5).
                return beta, current, True
            if stalled >= _MAX_STALLS:
                return beta, current, False
        return beta, current, False

    def _newton_step(self, beta, info, p, h, block, score, *, exact: bool) -> np.ndarray:
        """The Newton step of the free coefficients: by the exact derivative when ``exact`` and it is negative
        definite there (a Cholesky factor exists), else by the derivative with the hat values held fixed."""
        if exact:
            try:
                factor = np.linalg.cholesky(self.hessian(beta, info, p, h)[block])
            except np.linalg.LinAlgError:
                pass
            else:
                return np.linalg.solve(factor.T, np.linalg.solve(factor, score))
        return np.linalg.solve(self.score_jacobian(beta, info, p, h)[block], score)

    def profile_limit(self, j: int, beta: np.ndarray, loglik: float, critical: float, side: int, scale: float):
        """The value of coefficient `j` on `side` (-1, +1) of its estimate where twice the fall of the profile
        penalised log-likelihood reaches `critical`.

        The fall is bracketed by stepping out from the estimate, then its root found by Newton's method kept inside
        the bracket (:meth:`_newton_limit`): the derivative of the profile is the modified score of coefficient `j`
        at the constrained maximum, so each step costs one maximisation, and Brent's method took about twice as many
        for the same limit. With few rows the constrained penalised likelihood can have more than one maximum, and
        which one a maximisation finds depends on where it starts: Newton's root is kept only where a maximisation
        started at the estimate finds the same fall there (within 1e-7); else the search is made again with each
        value maximised from both the last value's maximum and the estimate, the higher kept (truth62), and the root
        is Brent's, then bisection's."""
        last = beta.copy()
        slopes: dict[float, float] = {}
        thorough = False

        def fall(value: float) -> float:
            nonlocal last
            try:
                fitted, ll, _ = self.maximise(fixed={j: value}, start=last)
            except np.linalg.LinAlgError:
                # The information matrix is singular on the way there (every fitted probability 0 or 1 to machine
                # precision, far out along a term a wave or group separates): half its log determinant, the
                # penalty, is minus infinity, so the value lies beyond any limit.
                if not thorough or np.array_equal(last, beta):
                    return np.inf
                fitted, ll = None, -np.inf
            if thorough and not np.array_equal(last, beta):
                # The profile is the highest constrained maximum; started from the last value's maximum the fit
                # can stop at a lower one (see below). Fixed at the estimate's other coefficients the information
                # can be singular on the way out where the warm start's path is not: the warm start's then stands.
                with suppress(np.linalg.LinAlgError):
                    other, other_ll, _ = self.maximise(fixed={j: value}, start=beta)
                    if other_ll > ll:
                        fitted, ll = other, other_ll
                if fitted is None:
                    return np.inf
            last = fitted
            slopes[value] = -2 * self._score(fitted, j)
            return 2 * (loglik - ll) - critical

        # First the fast search: each value maximised from the last one's maximum, the root by Newton's method and
        # checked from the estimate. Where that check fails the profile is irregular (two constrained maxima far out
        # along a term, a wave term near separation): the search is made again with each value maximised from the
        # last value's maximum and from the estimate, the higher kept, and the root by Brent's method, else
        # bisection. Warm starts alone had followed the lower maximum (truth62: 11 rows of 10 councils, a limit of
        # -8.27 where the profile falls by the critical value at -8.55, an odds ratio of 0.00026 published for
        # 0.00019 in the table of factors by the impacts reported).
        for thorough in (False, True):
            last = beta.copy()
            step = max(scale, 1e-3) * np.sqrt(critical)
            inner, at_inner = beta[j], -critical
            for _ in range(60):
                outer = inner + side * step
                if (at_outer := fall(outer)) > 0:
                    break
                inner, at_inner, step = outer, at_outer, step * 2
            else:
                return float(side * np.inf)
            lo, hi = sorted((inner, outer))
            if not thorough:
                if not np.isfinite(at_outer):
                    continue
                root = self._newton_limit(fall, slopes, (inner, at_inner), (outer, at_outer))
                last = beta.copy()
                if root is not None and abs(fall(root)) <= 1e-7:
                    return root
                continue
            if np.isfinite(at_outer):
                last = beta.copy()
                try:
                    return float(optimize.brentq(fall, lo, hi, xtol=1e-10, rtol=1e-12))
                except ValueError:
                    pass  # an end, maximised again from another start, changed sign (a flat profile far out)
            # Bisection keeping the signs found: fall(inner) <= 0 < fall(outer).
            a, b, at_a = inner, outer, -critical
            last = beta.copy()
            while abs(b - a) > 1e-10 + 1e-12 * abs(a):
                mid = 0.5 * (a + b)
                if mid in (a, b):
                    break
                if (at_mid := fall(mid)) > 0:
                    b = mid
                else:
                    a, at_a = mid, at_mid
            if at_a < -1e-6 * critical:
                # The fit broke down (a singular information matrix) before the penalised likelihood had fallen
                # by the critical value: no limit on this side is found, and none is claimed.
                return float(side * np.inf)
            return float(0.5 * (a + b))
        return float(side * np.inf)

    def _score(self, beta: np.ndarray, j: int) -> float:
        """The modified score of coefficient `j` at ``beta``: the derivative of the penalised log-likelihood."""
        _, p, info = self._at(beta)
        return float(self.x[:, j] @ (self.w * (self.y - p) + self._hat(p, info) * (0.5 - p)))

    @staticmethod
    def _newton_limit(fall, slopes: dict[float, float], below: tuple[float, float], above: tuple[float, float],
                      *, max_steps: int = 12) -> float | None:
        """The root of ``fall`` between ``below`` and ``above`` (``(value, fall)`` pairs, the fall at most 0 at the
        first, above 0 at the second) by Newton's method with the derivatives ``fall`` leaves in ``slopes`` (by
        value), each step kept inside the bracket (else the bracket's midpoint is tried), the bracket narrowed by
        each value tried. The root is the Newton step's end once that step is within Brent's tolerance (1e-10 plus
        1e-12 of the value: Newton's error after it is of the order of its square), or a bracket that narrow; None
        where a fall is not finite or no such step comes within ``max_steps`` values."""
        (a, at_a), (b, at_b) = below, above
        x, at_x = (a, at_a) if abs(at_a) < abs(at_b) and a in slopes else (b, at_b)
        for _ in range(max_steps):
            lo, hi = sorted((a, b))
            slope = slopes.get(x, 0.0)
            new = x - at_x / slope if slope != 0 and np.isfinite(slope) else np.nan
            if not lo < new < hi:
                new = 0.5 * (a + b)
            if abs(new - x) <= 1e-10 + 1e-12 * abs(new) or hi - lo <= 1e-10 + 1e-12 * abs(new):
                return float(new)
            at_new = fall(new)
            if not np.isfinite(at_new):
                return None
            x, at_x = new, at_new
            if at_new > 0:
                b = new
            else:
                a = new
        return None


def firth_joint_test(data: pd.DataFrame, *, formula: str, unit: str, terms: Collection[str]) -> dict:
    """Firth's penalised likelihood ratio test that every term of ``terms`` is 0 together, rows clustered in ``unit``.

    The statistic is twice the fall of the penalised log-likelihood (:func:`firth_logistic`'s fit) when the terms are
    fixed at 0, divided by the number of terms and by their mean generalised design effect (the mean eigenvalue of the
    model-based covariance's inverse times the cluster-robust one over those terms, at least 1: the first-order
    Rao-Scott correction, Rao and Scott 1984, which for one term is :func:`firth_logistic`'s design effect), referred
    to F(terms, units - parameters) as :func:`firth_logistic` refers one term's. Rows with a missing value must be
    left out before. Returns ``statistic``, ``df_num``, ``df``, ``p_value``, ``lr_chi2`` and ``design_effect``.

    >>> d = pd.DataFrame({"g": [0, 1] * 12, "x": [0, 0, 1, 1] * 6, "c": np.repeat(np.arange(6), 4),
    ...                   "y": [0, 0, 0, 1, 1, 0, 1, 1, 0, 0, 1, 1] * 2})
    >>> r = firth_joint_test(d, formula="y ~ g + x", unit="c", terms=["g", "x"])
    >>> r["df_num"], r["df"]
    (2.0, 3.0)
    """
    y_frame, x_frame = _design_matrices(formula, data)
    names = list(x_frame.columns)
    unknown = [t for t in terms if t not in names]
    if unknown or not terms:
        raise ValueError(f"`terms` must name terms of {formula!r} ({names}), but {list(terms)!r} was passed.")
    y = y_frame.iloc[:, 0].to_numpy(dtype="float64")
    x = x_frame.to_numpy(dtype="float64")
    if len(y) < len(data):
        raise ValueError(f"{_counted(len(data) - len(y), 'row')} {_verb(len(data) - len(y), 'has')} a missing value in a variable of {formula!r}.")
    if np.linalg.matrix_rank(x) < x.shape[1]:
        raise NotIdentifiedError(f"The terms of {formula!r} are not identified: some are constant or combinations "
                                 "of the others.")
    groups = pd.factorize(data.loc[x_frame.index, unit])[0]
    fit = _FirthFit(y, x, np.ones(len(y)))
    beta, loglik, _ = fit.maximise()
    idx = [names.index(t) for t in terms]
    cov = np.linalg.inv(fit.score_jacobian(beta))
    robust = _robust_covariance(fit, beta, cov, groups)
    block = np.ix_(idx, idx)
    deff = max(1.0, float(np.trace(np.linalg.solve(cov[block], robust[block]))) / len(idx))
    lr = max(0.0, 2 * (loglik - fit.maximise(fixed={j: 0.0 for j in idx}, start=beta)[1]))
    k, df = float(len(idx)), float(max(int(groups.max()) + 1 - len(names), 1))
    statistic = lr / deff / k
    return {"statistic": statistic, "df_num": k, "df": df, "p_value": float(stats.f.sf(statistic, k, df)),
            "lr_chi2": lr, "design_effect": deff}

"""Difference-in-differences for council indicators: two-way fixed effects with
small-sample (CR2) cluster-robust errors, an event study, and randomisation inference.

For treatment that starts at different times use :func:`impact.stats.staggered_did`."""

from __future__ import annotations

import warnings
from typing import Literal

import numpy as np
import pandas as pd

from .._words import _counted, _number, _verb
from ..errors import SmallSampleWarning, user_level
from ._checks import (
    _binary,
    _check_choice,
    _check_columns,
    _check_count,
    _check_frame,
    _check_probability,
    _check_seed,
    _numeric,
    _rows,
)
from ._errors import (
    MissingValueWarning,
    NotIdentifiedError,
    NotIdentifiedWarning,
    StaggeredAdoptionWarning,
)
from ._groups import _levels
from ._results import DiDResults, _param_table
from ._ri import assignments, ri_pvalue
from ._threads import one_blas_thread

__all__ = ["did"]


def _demean(values: np.ndarray, unit_idx: np.ndarray, time_idx: np.ndarray, *, tol: float = 1e-11) -> np.ndarray:
    """Remove unit and time means from every column (alternating projections;
    exact after one sweep in a balanced panel)."""
    out = np.array(values, dtype="float64", copy=True)
    if out.ndim == 1:
        out = out[:, None]
    n_units, n_times = unit_idx.max() + 1, time_idx.max() + 1
    unit_n = np.bincount(unit_idx, minlength=n_units)[:, None]
    time_n = np.bincount(time_idx, minlength=n_times)[:, None]
    for _ in range(1000):
        sums = np.zeros((n_units, out.shape[1]))
        np.add.at(sums, unit_idx, out)
        out -= (sums / unit_n)[unit_idx]
        sums = np.zeros((n_times, out.shape[1]))
        np.add.at(sums, time_idx, out)
        shift = (sums / time_n)[time_idx]
        out -= shift
        if np.abs(shift).max() < tol * max(1.0, np.abs(out).max()):
            break
    return out


def _within(values: np.ndarray, unit_idx: np.ndarray) -> np.ndarray:
    """Remove each unit's mean from every column (exact)."""
    values = np.asarray(values, dtype="float64")
    values = values[:, None] if values.ndim == 1 else values
    sums = np.zeros((unit_idx.max() + 1, values.shape[1]))
    np.add.at(sums, unit_idx, values)
    return values - (sums / np.bincount(unit_idx)[:, None])[unit_idx]


def _twfe_fit(x: np.ndarray, y: np.ndarray, unit_idx: np.ndarray, time_idx: np.ndarray, clusters: np.ndarray,
              cov_type: str) -> dict:
    """Two-way fixed-effects OLS of ``y`` on the columns of ``x`` with cluster-robust errors.

    Unit effects are absorbed (within-unit demeaning, exact) and time effects
    enter as dummies, so that the regression is the full dummy regression
    (Frisch-Waugh-Lovell) and its hat matrix is available for CR2.

    ``cov_type="cr2"``: the bias-reduced linearisation of Bell and McCaffrey
    (2002) with the adjustment matrices of Pustejovsky and Tipton (2018) for
    fixed effects nested in clusters, and Bell-McCaffrey (Imbens-Kolesar 2016)
    degrees of freedom per coefficient. ``"cr1"``: G/(G-1) * (N-1)/(N-K) with
    K the identified columns of ``x`` and the time dummies plus the constant
    (the unit effects, nested in the clusters, do not count), as Stata's
    ``xtreg y x i.time, fe vce(cluster unit)`` and fixest's ``feols(y ~ x |
    unit + time, cluster = ~unit)`` with its default small-sample correction,
    and t(G - 1).

    Coefficients that the data do not identify (their column is collinear
    with the fixed effects and the other columns) are NaN, as are standard
    errors that would rest on a cluster whose residuals are fitted exactly in
    the direction of the coefficient (a single treated unit under CR2).
    """
    k = x.shape[1]
    times = np.unique(time_idx)
    dummies = (time_idx[:, None] == times[None, 1:]).astype("float64")
    z = _within(np.column_stack([x, dummies]), unit_idx)
    yw = _within(y, unit_idx)[:, 0]
    u, s, vt = np.linalg.svd(z, full_matrices=False)
    tol = s.max() * max(z.shape) * np.finfo(float).eps * 10 if s.size and s.max() > 0 else 0.0
    rank_ok = s > tol
    null = vt[~rank_ok].T  # (p, null dims)
    estimable = np.ones(k, dtype=bool)
    if null.size:
        estimable = np.linalg.norm(null[:k], axis=1) < 1e-8
    m = (vt[rank_ok].T / s[rank_ok] ** 2) @ vt[rank_ok]  # pinv(z'z)
    beta_all = m @ z.T @ yw
    resid = yw - z @ beta_all
    g = int(clusters.max() + 1)
    n = len(y)
    beta = np.where(estimable, beta_all[:k], np.nan)
    se = np.full(k, np.nan)
    df = np.full(k, float(g - 1))
    if cov_type == "cr1":
        scores = np.zeros((g, z.shape[1]))
        np.add.at(scores, clusters, z * resid[:, None])
        n_params = int(rank_ok.sum()) + 1  # x and the time dummies the data identify, and the constant
        factor = g / (g - 1) * (n - 1) / (n - n_params) if g > 1 and n > n_params else np.nan
        cov = factor * m @ (scores.T @ scores) @ m
        se = np.sqrt(np.clip(np.diag(cov)[:k], 0, None))
    else:
        se, df = _cr2(z, resid, m, unit_idx, clusters, k)
    se = np.where(estimable, se, np.nan)
    return dict(beta=beta, se=se, df=df, n_clusters=g, estimable=estimable, resid=resid)


def _cr2(z, resid, m, unit_idx, clusters, k):
    """CR2 standard errors and Bell-McCaffrey degrees of freedom of the first ``k`` coefficients."""
    n = len(resid)
    g = int(clusters.max() + 1)
    order = np.argsort(clusters, kind="stable")
    bounds = np.searchsorted(clusters[order], np.arange(g + 1))
    c = np.eye(z.shape[1])[:, :k]
    zmc = z @ (m @ c)  # (n, k): rows of Z M c
    meat = np.zeros((g, k))
    blocks = []
    lost = np.zeros(k, dtype=bool)
    for j in range(g):
        rows = order[bounds[j]:bounds[j + 1]]
        zg = z[rows]
        units = unit_idx[rows]
        same = (units[:, None] == units[None, :]).astype("float64")
        mg = np.eye(len(rows)) - zg @ m @ zg.T - same / same.sum(axis=1, keepdims=True)
        w, v = np.linalg.eigh((mg + mg.T) / 2)
        keep = w > 1e-10
        a_half = (v[:, keep] / np.sqrt(w[keep])) @ v[:, keep].T  # Moore-Penrose inverse square root
        target = zmc[rows]  # (n_g, k), orthogonal to the unit indicators
        # a direction the model fits exactly (eigenvalue 0 outside the unit indicators) that carries part of
        # the coefficient: the cluster's share of the variance cannot be estimated from its residuals
        leak = np.linalg.norm(v[:, ~keep].T @ target, axis=0)
        lost |= leak > 1e-8 * (np.linalg.norm(target, axis=0) + 1e-300)
        a = a_half @ target  # (n_g, k)
        meat[j] = a.T @ resid[rows]
        blocks.append((rows, a))
    se = np.sqrt((meat**2).sum(axis=0))
    q = np.zeros((n, g, k))
    for j, (rows, a) in enumerate(blocks):
        q[rows, j, :] = a
    flat = q.reshape(n, g * k)
    flat = flat - z @ (m @ (z.T @ flat))  # (I - H) q; each a_g is orthogonal to the unit indicators
    qt = np.ascontiguousarray(flat.reshape(n, g, k).transpose(2, 1, 0))  # (k, G, n)
    gram = qt @ qt.transpose(0, 2, 1)  # per coefficient, G x G
    tr = np.trace(gram, axis1=1, axis2=2)
    with np.errstate(invalid="ignore", divide="ignore"):
        df = np.where(tr > 0, tr**2 / (gram**2).sum(axis=(1, 2)), np.nan)
    se[lost] = np.nan
    df[lost] = np.nan
    return se, df


def did(
    data: pd.DataFrame,
    *,
    outcome: str,
    unit: str,
    time: str,
    treated: str,
    post: str | None = None,
    event_time: str | None = None,
    cluster: str | None = None,
    cov_type: Literal["cr2", "cr1"] = "cr2",
    n_permutations: int = 2_000,
    seed: int | np.random.Generator | None = 0,
    alpha: float = 0.05,
) -> DiDResults:
    """Difference-in-differences of an indicator between treated and comparison units.

    The average effect is the coefficient of ``treated x post`` in a two-way
    fixed-effects regression (unit and time effects) with cluster-robust
    standard errors: by default CR2 (Bell and McCaffrey 2002) with
    Bell-McCaffrey degrees of freedom, which keep tests near their nominal
    size with as few as 8 clusters; or CR1 with t(clusters - 1). The event
    study replaces it by dummies for each time relative to the first treated
    period (reference -1, reported with estimate 0). With few treated
    councils cluster-robust errors are unreliable, so a randomisation-inference
    p-value is added: the treatment start of each unit (including "never") is
    reassigned across units and the effect re-estimated; when all distinct
    assignments number at most `n_permutations` they are all enumerated (an
    exact p-value); assignments that leave the effect unidentified are dropped
    and counted (`ri_n_dropped`).

    When treatment starts at different times (staggered adoption), two-way
    fixed effects compare late starters with already-treated units and can be
    badly biased when effects change over time (Goodman-Bacon 2021): a
    :class:`~impact.stats.StaggeredAdoptionWarning` points to
    :func:`impact.stats.staggered_did`.

    Parameters
    ----------
    data : pandas.DataFrame
        Long panel, one row per unit x time (e.g. council x year). Not modified.
    outcome : str
        Numeric or boolean outcome (e.g. re-referral rate, or mentioned).
    unit : str
        Unit column (e.g. ``"council_id"``).
    time : str
        Time column (numeric, or ordered by categories / sorting).
    treated : str
        With `post`: the (time-constant) treatment-group indicator of a unit,
        e.g. reviewed vs comparison councils. Without `post`: the time-varying
        treatment indicator (0 before and 1 from a unit's start).
    post : str, optional
        Indicator of the post-treatment periods (common timing).
    event_time : str, optional
        Column of event time (periods since treatment start) for treated
        units; derived from the treatment start when omitted.
    cluster : str, optional
        Cluster column for the standard errors (default `unit`); units must
        be nested in clusters.
    cov_type : {"cr2", "cr1"}
        Cluster-robust covariance (see above).
    n_permutations : int
        Assignments for randomisation inference (0 to skip).
    seed : int, numpy.random.Generator or None
        Seed of the permutations.
    alpha : float
        1 - confidence level.

    Returns
    -------
    DiDResults
        `params` (term ``"treated_post"``), `event_study`, `ri_p_value`,
        `ri_n_used`, `ri_n_dropped`, `ri_exact`, `n_obs`, `n_units`,
        `n_treated`, `n_control`, `summary()`.

    Raises
    ------
    ValueError
        For missing columns, bad arguments, a `treated` that varies within a
        unit when `post` is given or (without `post`) goes back to 0 after a
        unit's start, a row with no unit or cluster, a unit with two rows at
        one time, units not nested in clusters, or no comparison units; the
        rows are named.
    NotIdentifiedError
        When the outcome has no non-missing value.

    Warns
    -----
    MissingValueWarning
        Rows with no outcome, treatment or time, left out (named).
    NotIdentifiedWarning
        The effect is not identified (one period; no treated unit observed
        both before and after its start; event-study coefficients with no
        treated unit at the reference period): reported as NaN, never 0; or
        a standard error that would rest on one treated unit (CR2): NaN.
    StaggeredAdoptionWarning
        Treated units start at different times.
    SmallSampleWarning
        With fewer than 5 treated or comparison units, or fewer than 20 clusters.

    References
    ----------
    Angrist, J. D. and Pischke, J.-S. (2009). Mostly Harmless Econometrics,
    ch. 5.2 (difference-in-differences) and 8.2 (few clusters).

    Bell, R. M. and McCaffrey, D. F. (2002). Bias reduction in standard errors
    for linear regression with multi-stage samples. Survey Methodology 28, 169-181.

    Imbens, G. W. and Kolesar, M. (2016). Robust standard errors in small
    samples: some practical advice. Review of Economics and Statistics 98, 701-712.

    Pustejovsky, J. E. and Tipton, E. (2018). Small-sample methods for
    cluster-robust variance estimation and hypothesis testing in fixed
    effects models. Journal of Business & Economic Statistics 36, 672-683.

    MacKinnon, J. G. and Webb, M. D. (2020). Randomization inference for
    difference-in-differences with few treated clusters. Journal of
    Econometrics 218, 435-450.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> panel = pd.DataFrame({"council": np.repeat(np.arange(20), 4), "year": np.tile([1, 2, 3, 4], 20)})
    >>> panel["reviewed"] = panel["council"] < 8
    >>> panel["post"] = panel["year"] >= 3
    >>> panel["rate"] = rng.normal(0, 1, 80) + 2.0 * (panel["reviewed"] & panel["post"])
    >>> res = did(panel, outcome="rate", unit="council", time="year", treated="reviewed", post="post",
    ...           n_permutations=500)
    >>> bool(res.params.loc["treated_post", "ci_low"] < 2.0 < res.params.loc["treated_post", "ci_high"])
    True
    >>> res.event_study["event_time"].tolist()
    [-2, -1, 0, 1]
    """
    _check_frame(data)
    _check_columns(data, outcome=outcome, unit=unit, time=time, treated=treated, post=post,
                   event_time=event_time, cluster=cluster)
    _check_choice("cov_type", cov_type, ["cr2", "cr1"])
    _check_count("n_permutations", n_permutations, minimum=0)
    _check_probability("alpha", alpha)
    _check_seed(seed)
    cluster = cluster or unit
    frame = data[list(dict.fromkeys(c for c in (unit, time, treated, post, event_time, cluster) if c))].copy()
    frame["_y"] = _numeric(data, outcome, "outcome")
    frame["_d"] = _binary(data, treated, "treated")
    # `post` read as `treated` is: a blank or 'no' cell was True (astype(bool)), so every period was post
    frame["_p"] = _binary(data, post, "post") if post is not None else 0.0
    if frame["_y"].isna().all():
        raise NotIdentifiedError(f"The column {outcome!r} given as `outcome` has no non-missing value "
                                 f"(all {_counted(len(frame), 'row')} {_verb(len(frame), 'is')} missing): there is nothing to estimate.")
    blank = frame[["_y", "_d", "_p", time]].isna().any(axis=1)
    if blank.any():
        named = ", ".join(map(repr, [outcome, treated, *([post] if post is not None else [])]))
        warnings.warn(f"{int(blank.sum())} of {_counted(len(frame), 'row')} {_verb(int(blank.sum()), 'has')} no {named} "
                      f"or {time!r} and {_verb(int(blank.sum()), 'was', 'were')} left out (rows {_rows(frame.index[blank.to_numpy()])}).", MissingValueWarning, stacklevel=user_level())
    frame = frame[~blank.to_numpy()]
    _check_rows(frame, unit, time, cluster)
    row_labels = frame.index
    frame = frame.reset_index(drop=True)
    times = _levels(frame[time])
    t_idx = frame[time].map({t: i for i, t in enumerate(times)}).to_numpy(dtype=np.int64)
    u_codes, units = pd.factorize(frame[unit])
    c_codes = pd.factorize(frame[cluster])[0]
    _check_nested(u_codes, c_codes, unit, cluster)
    onset = _onsets(frame, post, u_codes, t_idx, len(units), treated)
    if post is None:
        _check_absorbing(frame, onset, u_codes, t_idx, row_labels, unit, time, treated)
    is_treated = np.isfinite(onset)
    n_treated, n_control = int(is_treated.sum()), int((~is_treated).sum())
    if n_control == 0 or n_treated == 0:
        raise ValueError(f"`did` needs treated and comparison units; found {n_treated} treated and "
                         f"{_counted(n_control, 'comparison unit')} among the rows with an observed {outcome!r}.")
    if post is None and len(np.unique(onset[is_treated])) > 1:
        starts = [times[int(i)] for i in np.unique(onset[is_treated])]
        warnings.warn(
            f"Treatment starts at {len(starts)} different times ({starts[:6]}{' ...' if len(starts) > 6 else ''}): "
            "two-way fixed effects then use already-treated units as comparisons and can be badly biased when "
            "effects change over time. Use impact.stats.staggered_did (Callaway and Sant'Anna 2021).",
            StaggeredAdoptionWarning, stacklevel=user_level())
    d = (t_idx >= onset[u_codes]).astype("float64")
    y = frame["_y"].to_numpy()
    with one_blas_thread():
        return _did_fit(frame, outcome, event_time, cluster, cov_type, n_permutations, seed, alpha, times, t_idx,
                        u_codes, units, c_codes, onset, is_treated, n_treated, n_control, d, y)


def _did_fit(frame, outcome, event_time, cluster, cov_type, n_permutations, seed, alpha, times, t_idx, u_codes,
             units, c_codes, onset, is_treated, n_treated, n_control, d, y) -> DiDResults:
    fit = _twfe_fit(d[:, None], y, u_codes, t_idx, c_codes, cov_type)
    g = fit["n_clusters"]
    notes = []
    if not fit["estimable"][0]:
        warnings.warn(_unidentified_reason(d, u_codes, t_idx, times, n_treated), NotIdentifiedWarning, stacklevel=user_level())
        notes.append("treated_post not identified")
    elif not np.isfinite(fit["se"][0]):
        warnings.warn("The standard error of the effect is not identified: it would rest on a single treated unit "
                      "(or cluster), whose own variance the data cannot estimate. Use the randomisation p-value "
                      "(`ri_p_value`).", NotIdentifiedWarning, stacklevel=user_level())
        notes.append("standard error not identified (one treated cluster)")
    params = _param_table(pd.Series(fit["beta"], index=["treated_post"]), pd.Series(fit["se"], index=["treated_post"]),
                          df=fit["df"], alpha=alpha)
    if event_time is not None:
        rel = frame[event_time].to_numpy(dtype="float64")
        rel = np.where(is_treated[u_codes], rel, np.nan)
    else:
        rel = np.where(is_treated[u_codes], t_idx - onset[u_codes], np.nan)
    event_study = _event_study(rel, y, u_codes, t_idx, c_codes, alpha, cov_type)
    ri_p, used, dropped, exact = np.nan, 0, 0, False
    if n_permutations and np.isfinite(fit["beta"][0]):
        ri_p, used, dropped, exact = _randomisation_p(fit["beta"][0], onset, y, u_codes, t_idx, n_permutations, seed)
        if dropped:
            notes.append(f"randomisation inference: {_counted(dropped, 'assignment')} left the effect unidentified and "
                         f"{_verb(dropped, 'was', 'were')} "
                         "dropped")
    if min(n_treated, n_control) < 5 or g < 20:
        warnings.warn(
            f"{n_treated} treated and {n_control} comparison units in {g} clusters: cluster-robust errors "
            "are unreliable with so few; rely on the randomisation p-value (`ri_p_value`).",
            SmallSampleWarning,
            stacklevel=user_level(),
        )
    label = "CR2 (Bell-McCaffrey) cluster-robust by " if cov_type == "cr2" else "CR1 cluster-robust by "
    return DiDResults(
        params=params, n_obs=len(frame), n_units=len(units), method="did (two-way fixed effects)",
        family="gaussian (linear probability for a binary outcome)", cov_type=label + str(cluster),
        formula=f"{outcome} ~ treated_post + unit + time effects", alpha=alpha, notes=notes,
        event_study=event_study, ri_p_value=ri_p, n_permutations=n_permutations, n_treated=n_treated,
        n_control=n_control, ri_n_used=used, ri_n_dropped=dropped, ri_exact=exact,
    )


def _check_rows(frame: pd.DataFrame, unit: str, time: str, cluster: str) -> None:
    """Every row has a unit (and cluster), and no unit has two rows at one time: a row without a unit had no place
    in the fixed effects (numpy's 'list argument must have no negative elements'), and a repeated row counted
    twice in the estimate without a word."""
    for column, argument in dict.fromkeys(((unit, "unit"), (cluster, "cluster"))):
        missing = frame[column].isna().to_numpy()
        if missing.any():
            raise ValueError(f"The column {column!r} given as `{argument}` is missing in {_counted(int(missing.sum()), 'row')} "
                             f"with an observed outcome (rows {_rows(frame.index[missing])}): each such row needs "
                             f"the {argument} it was observed in (fill it in, or leave the rows out).")
    repeated = frame.duplicated([unit, time], keep=False).to_numpy()
    if repeated.any():
        raise ValueError(f"`data` must have one row per unit and period, but {int(repeated.sum())} rows repeat a "
                         f"({unit!r}, {time!r}) pair (rows {_rows(frame.index[repeated])}).")


def _check_absorbing(frame, onset, u_codes, t_idx, row_labels, unit, time, treated) -> None:
    """Without `post`, treatment once started stays on: the fit and its randomisation inference use each unit's
    first treated period, so a unit whose `treated` goes back to 0 would be counted as treated where the data say
    it is not (a 12-council panel with one such row gave 1.48, the regression on the column 1.38)."""
    off = (t_idx >= onset[u_codes]) & (frame["_d"].to_numpy() <= 0)
    if off.any():
        first = int(np.flatnonzero(off)[0])
        raise ValueError(
            f"The column {treated!r} given as `treated` (without `post`) must stay 1 from a unit's first treated "
            f"period, but it goes back to 0 in {_counted(int(off.sum()), 'row')} (rows {_rows(row_labels[off])}), e.g. "
            f"{unit} {_plain(frame[unit].iloc[first])!r} at {time} {_plain(frame[time].iloc[first])!r}, after its "
            f"start at {_plain(_levels(frame[time])[int(onset[u_codes[first]])])!r}. did estimates a treatment that "
            "stays on once started; for a status that can end, use impact.stats.longitudinal_model.")


def _plain(value):
    """A numpy scalar as the Python value it holds (``3``, not ``np.int64(3)``, in a message)."""
    return value.item() if isinstance(value, np.generic) else value


def _check_nested(u_codes: np.ndarray, c_codes: np.ndarray, unit: str, cluster: str) -> None:
    per_unit = pd.Series(c_codes).groupby(u_codes, observed=True).nunique()
    split = per_unit[per_unit > 1]
    if len(split):
        raise ValueError(f"Units of {unit!r} must be nested in the clusters of {cluster!r}, but "
                         f"{_counted(len(split), 'unit')} {_verb(len(split), 'falls', 'fall')} in more than one "
                         "cluster.")


def _unidentified_reason(d, u_codes, t_idx, times, n_treated) -> str:
    if len(times) < 2:
        why = f"the data have one period ({times})"
    else:
        varies = pd.Series(d).groupby(u_codes, observed=True).nunique()
        if not (varies > 1).any():
            whom = "the one treated unit is not" if n_treated == 1 else f"none of the {n_treated:,} treated units is"
            why = (f"{whom} observed both before and after its treatment starts: each is treated in every observed "
                   "period, or never observed untreated")
        else:
            why = "the treatment indicator is collinear with the unit and time effects"
    return (f"The difference-in-differences effect is not identified: {why}. It is reported as NaN "
            "(there is no estimate), not 0.")


def _onsets(frame, post, u_codes, t_idx, n_units, treated) -> np.ndarray:
    """First treated period of each unit (index into the ordered times; inf = never)."""
    onset = np.full(n_units, np.inf)
    if post is not None:
        group = pd.Series(frame["_d"].to_numpy()).groupby(u_codes, observed=True).nunique()
        varying = group[group > 1]
        if len(varying):
            raise ValueError(f"With `post`, the column {treated!r} given as `treated` must be constant within a "
                             f"unit, but it varies for {_counted(len(varying), 'unit')}.")
        is_post = frame["_p"].to_numpy() > 0
        if not is_post.any():
            raise ValueError(f"The column {post!r} given as `post` has no post-treatment rows.")
        start = t_idx[is_post].min()
        treated_units = np.unique(u_codes[frame["_d"].to_numpy() > 0])
        onset[treated_units] = start
        return onset
    on = frame["_d"].to_numpy() > 0
    np.minimum.at(onset, u_codes[on], t_idx[on].astype("float64"))
    return onset


_EVENT_COLUMNS = ["event_time", "estimate", "se", "statistic", "df", "p_value", "ci_low", "ci_high", "n"]


def _event_study(rel, y, u_codes, t_idx, c_codes, alpha, cov_type) -> pd.DataFrame:
    known = ~np.isnan(rel)
    levels = sorted(set(rel[known].astype(int).tolist()) - {-1})
    if not levels:
        return pd.DataFrame(columns=_EVENT_COLUMNS)
    dummies = np.column_stack([(rel == k).astype("float64") for k in levels])
    fit = _twfe_fit(dummies, y, u_codes, t_idx, c_codes, cov_type)
    has_reference = bool((rel == -1).any())
    if not has_reference or not fit["estimable"].all():
        lost = [lv for lv, ok in zip(levels, fit["estimable"]) if not ok]
        reason = ("no treated unit is observed at event time -1, the reference period" if not has_reference else
                  f"{_number(lost, 'event time')} {lost} {_verb(lost, 'is')} collinear with the unit and time effects")
        warnings.warn(f"Event-study coefficients not identified: {reason}; they are reported as NaN.",
                      NotIdentifiedWarning, stacklevel=user_level())
    beta = np.where(fit["estimable"] & has_reference, fit["beta"], np.nan)
    table = _param_table(pd.Series(beta, index=levels), pd.Series(fit["se"], index=levels), df=fit["df"],
                         alpha=alpha)
    table = table.rename_axis("event_time").reset_index()
    counts = {k: int(np.unique(u_codes[rel == k]).size) for k in [*levels, -1]}
    if has_reference:
        ref = pd.DataFrame({"event_time": [-1], "estimate": [0.0], "se": [np.nan], "statistic": [np.nan],
                            "df": [np.nan], "p_value": [np.nan], "ci_low": [np.nan], "ci_high": [np.nan]})
        table = pd.concat([table, ref], ignore_index=True)
    table = table.sort_values("event_time", ignore_index=True)
    table["n"] = table["event_time"].map(counts).astype("int64")
    return table


def _randomisation_p(observed, onset, y, u_codes, t_idx, n_permutations, seed):
    """Randomisation p-value of the TWFE effect over reassigned treatment starts.

    Returns (p, assignments used, assignments dropped as unidentified, exact).
    """
    rng = np.random.default_rng(seed)
    perms, exact = assignments(onset, n_permutations, rng)  # (B, units)
    y_dm = _demean(y, u_codes, t_idx)[:, 0]
    betas = []
    for start in range(0, len(perms), 500):
        block = perms[start : start + 500]
        d = (t_idx[:, None] >= block[:, u_codes].T).astype("float64")  # (N, b)
        d = _demean(d, u_codes, t_idx)
        ss = (d**2).sum(axis=0)
        with np.errstate(invalid="ignore", divide="ignore"):
            b = (d * y_dm[:, None]).sum(axis=0) / ss
        b[ss < 1e-10 * len(y)] = np.nan  # treatment absorbed by the fixed effects: no estimate
        betas.append(b)
    p, used, dropped = ri_pvalue(observed, np.concatenate(betas), exact)
    return p, used, dropped, exact

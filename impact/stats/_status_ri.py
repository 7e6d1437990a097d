"""Randomisation inference for the intervention-status term of a binomial GEE with few councils on a side (private).

The report's model of each impact is a binomial GEE, ``y ~ C(wave) + status``,
councils as clusters (:func:`impact.intervention_effects`).  With few councils
in one status group its Wald test is liberal even with the bias-reduced
sandwich and a t reference (null simulations: 15% of tests at alpha 0.05 with
2 of 30 councils in intervention, 9% with 3, 7% with 5;
``bench/validity_stats.py``, ``status_small_group``).

This test keeps the model and replaces the reference distribution.  Under the
sharp null that a council's outcomes do not depend on its status, the
councils' status *paths* (the status at each wave, which may change between
waves) are exchangeable between councils; the test reassigns whole paths to
councils, keeping how many councils follow each path, and refers the observed
statistic to its distribution over the reassignments
(:func:`impact.stats._ri.assignments`: every distinct reassignment where there
are few enough, the p-value then exact; random ones otherwise).

The statistic is the GEE's score statistic for the status term: the model
without status (``y ~ C(wave)``, exchangeable working correlation) is fitted
once, and for a status assignment ``s``

    z(s) = sum_i u_i(s) / sqrt(I(s)),
    u_i(s) = s_i' e_i - H_sw(s) H_ww^-1 W_i' e_i,
    I(s) = H_ss(s) - H_sw(s) H_ww^-1 H_ws(s),

where ``e_i = A_i^1/2 R_i^-1 A_i^-1/2 (y_i - mu_i)`` are council ``i``'s
working residuals, ``W_i`` its wave design, and ``H`` the model's information
(``H_ab = sum_i a_i' Q_i b_i``, ``Q_i = A_i^1/2 R_i^-1 A_i^1/2``).  ``u_i`` is
council ``i``'s efficient score contribution (the wave effects projected out)
and ``I(s)`` the efficient information, the score's variance under the working
model: ``z`` is the model-based score z (Rao's score test with the GEE's
working covariance; Liang and Zeger 1986).  ``variance="robust"`` divides by
the sandwich ``sqrt(sum_i u_i(s)**2)`` instead (Rotnitzky and Jewell 1990;
Boos 1992), statsmodels' ``GEE.compare_score_test``.

The model-based variance is the default because councils differ in size.  A
council's score contribution has a variance that grows with its rows, so the
councils are not exchangeable under a null that fixes which ones are in
intervention; standardising each reassignment's score by its own model
variance makes ``z`` near N(0, 1) under every reassignment, whichever
councils it puts in intervention, and the reference distribution then fits
the observed statistic.  The sandwich standardises by the few treated
councils' own squared scores, a self-normalised sum whose spread depends on
how alike their sizes are: with the 3 largest of 30 councils of 1 to 10
participants in intervention its randomisation test rejected a true null in
7.2% of 460 studies at 0.05 (``bench/validity_stats.py``, ``status_unequal``;
see docs/methods.md for the model-based test's figures).  Under random
assignment of the paths both are exact, as is any statistic; a scale the
working model misstates (overdispersion) is common to every reassignment and
cancels.

The null model does
not involve status, so every reassignment's ``z`` comes from the one fit by a
few array products: enumeration of tens of thousands of assignments costs
less than one GEE fit, where refitting the GEE for each would cost minutes per
impact, and no reassignment can fail to converge (one whose score variance is
zero is dropped and counted, as in :mod:`impact.stats._ri`).

Rows of a wave at which the outcome does not vary carry no information on
status under the null (their fitted probability is 0 or 1) and are left out
of the null fit.  A council with no rows at some wave has no status there in
the data; its path is completed with its status at the nearest earlier wave
(else the nearest later one) so that it can be given to another council: the
observed assignment is unchanged by this, as the council itself has no rows to
which the completed waves apply.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd
from statsmodels.genmod import cov_struct as sm_cov
from statsmodels.genmod import families as sm_families
from statsmodels.genmod.generalized_estimating_equations import GEE

from .._words import _named
from ..schema import not_one_of
from ._ri import assignments, n_assignments, ri_pvalue
from ._threads import one_blas_thread

__all__: list[str] = []

#: Assignments whose statistics are computed at once (each a councils x waves array).
_CHUNK = 2_000_000


def status_ri(
    data: pd.DataFrame,
    *,
    outcome: str = "y",
    status: str = "in_intervention",
    wave: str = "wave",
    unit: str = "council_id",
    n_permutations: int = 10_000,
    seed: int | np.random.Generator | None = 0,
    variance: Literal["model", "robust"] = "model",
) -> dict:
    """Randomisation p-value of the status term of ``outcome ~ C(wave) + status`` (binomial GEE, exchangeable).

    Parameters
    ----------
    data : DataFrame
        One row per observation (participant and wave): a 0/1 `outcome`, a 0/1
        `status` that is one value per `unit` and `wave`, the `wave` and the
        `unit` (council).  Rows missing any of them are refused, not dropped:
        the caller chooses the rows of its model.
    n_permutations : int
        Every distinct reassignment of the status paths is used when there are
        at most this many (the p-value is then exact); otherwise this many
        random reassignments (``(1 + #exceed) / (1 + #used)``).
    seed : int, Generator or None
        Seed of the random reassignments (the result is deterministic given it).
    variance : {"model", "robust"}
        The score's variance in the statistic: the working model's efficient
        information (default; right where councils differ in size) or the
        robust sandwich (see the module's notes).

    Returns
    -------
    dict
        ``p_value``, ``statistic`` (the observed score z), ``n_used``
        and ``n_dropped`` (reassignments used, and dropped for a statistic
        that cannot be computed), ``n_assignments`` (distinct reassignments
        there are), ``exact`` (all of them enumerated), ``n_paths`` (distinct
        status paths), ``n_units``.  ``p_value`` is NaN where the null model
        cannot be fitted or status does not vary.

    Raises
    ------
    ValueError
        A missing column or value, an outcome or status other than 0/1, or a
        status that differs between rows of one unit at one wave (naming the
        unit and wave).
    """
    if variance not in ("model", "robust"):
        raise ValueError(not_one_of("variance", variance, ["model", "robust"]))
    d = _checked(data, outcome, status, wave, unit)
    paths, labels, units, waves = _paths(d, status, wave, unit)
    total = n_assignments(labels.astype("float64"))
    empty = {"p_value": np.nan, "statistic": np.nan, "n_used": 0, "n_dropped": 0, "n_assignments": int(total),
             "exact": False, "n_paths": int(len(paths)), "n_units": int(len(units))}
    if len(paths) < 2:
        return empty
    parts = _score_parts(d, outcome, wave, unit, units, waves)
    if parts is None:
        return empty
    observed = _statistics(paths[labels][None], *parts, variance=variance)[0]
    rng = np.random.default_rng(seed)
    draws, exact = assignments(labels.astype("float64"), n_permutations, rng)
    draws = draws.astype(np.intp)
    step = max(1, _CHUNK // max(1, len(units) * len(waves)))
    permuted = np.concatenate([_statistics(paths[draws[i:i + step]], *parts, variance=variance)
                               for i in range(0, len(draws), step)])
    p, used, dropped = ri_pvalue(float(observed), permuted, exact)
    return {**empty, "p_value": float(p), "statistic": float(observed), "n_used": used, "n_dropped": dropped,
            "exact": bool(exact)}


def _checked(data: pd.DataFrame, outcome: str, status: str, wave: str, unit: str) -> pd.DataFrame:
    """The four columns, outcome and status as float 0/1; every bad value named (row, column, value), none dropped."""
    missing = [c for c in (outcome, status, wave, unit) if c not in data.columns]
    if missing:
        raise ValueError(f"`data` has no {_named('column', missing)}; its columns are {list(data.columns)}.")
    d = data[[unit, wave, status, outcome]].reset_index(drop=True)
    problems = []
    for col in d.columns:
        for i in np.flatnonzero(d[col].isna().to_numpy())[:5]:
            problems.append(f"row {int(i)}: column {col!r} is missing; every row of the model needs a unit, wave, "
                            "status and outcome")
    for col in (outcome, status):
        values = pd.to_numeric(d[col], errors="coerce")
        bad = ~values.isin([0, 1]) & d[col].notna()
        for i in np.flatnonzero(bad.to_numpy())[:5]:
            value = d[col].iloc[i]
            value = value.item() if isinstance(value, np.generic) else value
            problems.append(f"row {int(i)}: column {col!r} is {value!r}; expected 0 or 1")
        d[col] = values.astype("float64")
    if problems:
        raise ValueError("`data` cannot be tested: " + "; ".join(problems) + ".")
    return d


def _paths(d: pd.DataFrame, status: str, wave: str, unit: str):
    """The distinct status paths (paths x waves), each unit's path label, the units and the waves (in order)."""
    waves = (list(d[wave].cat.categories[d[wave].cat.categories.isin(d[wave].unique())])
             if isinstance(d[wave].dtype, pd.CategoricalDtype) else sorted(d[wave].unique()))
    spread = d.groupby([unit, wave], observed=True)[status].agg(["min", "max"])
    mixed = spread[spread["min"] != spread["max"]]
    if len(mixed):
        u, w = mixed.index[0]
        raise ValueError(f"`data`: unit {u!r} has more than one {status!r} value at wave {w!r}; the status is a "
                         "council's at a wave, one value for all its rows there.")
    wide = spread["min"].unstack(wave).reindex(columns=waves)
    wide = wide.ffill(axis=1).bfill(axis=1)  # a wave without rows: the status at the nearest earlier (later) wave
    paths, labels = np.unique(wide.to_numpy(dtype="float64"), axis=0, return_inverse=True)
    return paths, np.asarray(labels).ravel(), list(wide.index), waves


def _score_parts(d, outcome, wave, unit, units, waves):
    """Per unit and wave, the sums the score statistic needs, from the model without status; None if it fails.

    Returns ``e_sum`` (units x waves: working residuals summed over the unit's rows at the wave), ``g_sum`` (units x
    waves x wave-parameters: ``Q_i W_i`` summed so, ``Q_i = A_i^1/2 R_i^-1 A_i^1/2``), ``f`` (units x
    wave-parameters: ``W_i' e_i``) and the inverse of ``H_ww = sum_i W_i' Q_i W_i``.
    """
    varies = d.groupby(wave, observed=True)[outcome].transform("nunique") > 1
    d = d[varies.to_numpy()]
    if d.empty:
        return None
    w_index = pd.Categorical(d[wave], categories=waves).codes
    present = sorted(set(w_index.tolist()))
    design = np.column_stack([np.ones(len(d))] + [(w_index == k).astype(float) for k in present[1:]])
    u_index = pd.Categorical(d[unit], categories=units).codes
    order = np.argsort(u_index, kind="stable")
    y, x, ui, wi = d[outcome].to_numpy()[order], design[order], u_index[order], w_index[order]
    try:
        with one_blas_thread(), np.errstate(all="ignore"):
            import warnings

            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                fit = GEE(y, x, groups=ui, family=sm_families.Binomial(), cov_struct=sm_cov.Exchangeable()).fit()
    except (ValueError, np.linalg.LinAlgError):
        return None
    mu = np.asarray(fit.fittedvalues, dtype="float64")
    rho = float(np.atleast_1d(fit.cov_struct.dep_params)[0]) if np.size(fit.cov_struct.dep_params) else 0.0
    if not (np.isfinite(mu).all() and np.isfinite(rho)) or ((mu <= 1e-10) | (mu >= 1 - 1e-10)).any():
        return None
    sa = np.sqrt(mu * (1 - mu))
    k = x.shape[1]
    e_sum = np.zeros((len(units), len(waves)))
    q_sum = np.zeros((len(units), len(waves), len(waves)))
    eye = np.eye(len(waves))
    g_sum = np.zeros((len(units), len(waves), k))
    f = np.zeros((len(units), k))
    h_ww = np.zeros((k, k))
    bounds = np.flatnonzero(np.diff(np.r_[-1, ui, len(units) + 1]))
    for start, stop in zip(bounds[:-1], bounds[1:], strict=True):
        i, rows = ui[start], slice(start, stop)
        n = stop - start
        # exchangeable R^-1 = (I - c 11') / (1 - rho), c = rho / (1 - rho + n rho)
        r_inv = (np.eye(n) - rho / (1 - rho + n * rho)) / (1 - rho)
        q = sa[rows, None] * r_inv * sa[None, rows]
        e = sa[rows] * (r_inv @ ((y[rows] - mu[rows]) / sa[rows]))
        qw = q @ x[rows]
        np.add.at(e_sum[i], wi[rows], e)
        at = eye[wi[rows]]  # rows x waves: which wave each row is at
        q_sum[i] = at.T @ q @ at
        np.add.at(g_sum[i], wi[rows], qw)
        f[i] = x[rows].T @ e
        h_ww += x[rows].T @ qw
    try:
        h_ww_inv = np.linalg.inv(h_ww)
    except np.linalg.LinAlgError:
        return None
    return e_sum, q_sum, g_sum, f, h_ww_inv


def _statistics(assigned: np.ndarray, e_sum, q_sum, g_sum, f, h_ww_inv, variance: str = "model") -> np.ndarray:
    """The score z for each assignment: ``assigned`` is (assignments x units x waves) of status values; the score's
    variance the model's (the efficient information) or the robust (sandwich) one."""
    score = np.einsum("bnw,nw->bn", assigned, e_sum)
    h_sw = np.einsum("bnw,nwk->bk", assigned, g_sum)
    u = score - (h_sw @ h_ww_inv) @ f.T
    total = u.sum(axis=1)
    if variance == "robust":
        spread = np.sqrt((u**2).sum(axis=1))
        tiny = 1e-12 * (1 + np.abs(u).max(axis=1))
    else:  # s'Qs - H_sw H_ww^-1 H_ws, summed over the units
        h_ss = np.einsum("bnv,nvw,bnw->b", assigned, q_sum, assigned)
        info = h_ss - np.einsum("bk,kl,bl->b", h_sw, h_ww_inv, h_sw)
        spread = np.sqrt(np.clip(info, 0, None))
        tiny = 1e-10 * (1 + np.abs(h_ss))
    with np.errstate(all="ignore"):
        z = total / spread
    return np.where(spread > tiny, z, np.nan)

"""Difference-in-differences for council indicators: two-way fixed effects with
small-sample cluster-robust errors, an event study, and randomisation inference."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from ..errors import SmallSampleWarning
from ._checks import _check_columns, _check_count, _check_frame, _check_probability, _numeric
from ._groups import _levels
from ._results import DiDResults, _param_table

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


def _cluster_ols(x: np.ndarray, y: np.ndarray, clusters: np.ndarray):
    """OLS on demeaned data with CR1 cluster-robust covariance.

    CR1 uses G/(G-1) * (N-1)/(N-k) with k the non-absorbed regressors, as Stata's
    ``xtreg, fe vce(cluster)`` and ``reghdfe`` do when the fixed effects are nested
    in the clusters.
    """
    xtx_inv = np.linalg.pinv(x.T @ x)
    beta = xtx_inv @ x.T @ y
    resid = y - x @ beta
    g = clusters.max() + 1
    scores = np.zeros((g, x.shape[1]))
    np.add.at(scores, clusters, x * resid[:, None])
    n, k = x.shape
    factor = g / (g - 1) * (n - 1) / (n - k)
    cov = factor * xtx_inv @ (scores.T @ scores) @ xtx_inv
    return beta, np.sqrt(np.diag(cov)), int(g)


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
    n_permutations: int = 2_000,
    seed: int | np.random.Generator | None = 0,
    alpha: float = 0.05,
) -> DiDResults:
    """Difference-in-differences of an indicator between treated and comparison units.

    The average effect is the coefficient of ``treated x post`` in a two-way
    fixed-effects regression (unit and time effects), with cluster-robust (CR1)
    standard errors and t with (clusters - 1) df. The event study replaces it
    by dummies for each time relative to the first treated period (reference
    -1, reported with estimate 0). With few treated councils cluster-robust
    errors are unreliable, so a randomisation-inference p-value is added: the
    treatment start of each unit (including "never") is permuted across units
    and the effect re-estimated, all permutations at once.

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
        treatment indicator (0 before and 1 from a unit's start; staggered
        starts allowed).
    post : str, optional
        Indicator of the post-treatment periods (common timing).
    event_time : str, optional
        Column of event time (periods since treatment start) for treated
        units; derived from the treatment start when omitted.
    cluster : str, optional
        Cluster column for the standard errors (default `unit`).
    n_permutations : int
        Permutations for randomisation inference (0 to skip).
    seed : int, numpy.random.Generator or None
        Seed of the permutations.
    alpha : float
        1 - confidence level.

    Returns
    -------
    DiDResults
        `params` (term ``"treated_post"``), `event_study`, `ri_p_value`,
        `n_obs`, `n_units`, `n_treated`, `n_control`, `summary()`.

    Raises
    ------
    ValueError
        For missing columns, bad arguments, a `treated` that varies within a
        unit when `post` is given, or no comparison units.

    Warns
    -----
    SmallSampleWarning
        With fewer than 5 treated or comparison units, or fewer than 20 clusters.

    References
    ----------
    Angrist, J. D. and Pischke, J.-S. (2009). Mostly Harmless Econometrics,
    ch. 5.2 (difference-in-differences) and 8.2 (few clusters).

    Cameron, A. C. and Miller, D. L. (2015). A practitioner's guide to
    cluster-robust inference. Journal of Human Resources 50, 317-372.

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
    _check_count("n_permutations", n_permutations, minimum=0)
    _check_probability("alpha", alpha)
    cluster = cluster or unit
    frame = data[list(dict.fromkeys(c for c in (unit, time, treated, post, event_time, cluster) if c))].copy()
    frame["_y"] = _numeric(data, outcome, "outcome")
    frame["_d"] = _numeric(data, treated, "treated")
    frame = frame.dropna(subset=["_y", "_d", time]).reset_index(drop=True)
    times = _levels(frame[time])
    t_idx = frame[time].map({t: i for i, t in enumerate(times)}).to_numpy(dtype=np.int64)
    u_codes, units = pd.factorize(frame[unit])
    c_codes = pd.factorize(frame[cluster])[0]
    onset = _onsets(frame, post, u_codes, t_idx, len(units), treated)
    d = (t_idx >= onset[u_codes]).astype("float64")
    is_treated = np.isfinite(onset)
    n_treated, n_control = int(is_treated.sum()), int((~is_treated).sum())
    if n_control == 0 or n_treated == 0:
        raise ValueError(f"`did` needs treated and comparison units; found {n_treated} treated and "
                         f"{n_control} comparison unit(s).")
    y = _demean(frame["_y"].to_numpy(), u_codes, t_idx)[:, 0]
    beta, se, g = _cluster_ols(_demean(d, u_codes, t_idx), y, c_codes)
    params = _param_table(pd.Series(beta, index=["treated_post"]), pd.Series(se, index=["treated_post"]),
                          df=g - 1, alpha=alpha)
    if event_time is not None:
        rel = frame[event_time].to_numpy(dtype="float64")
        rel = np.where(is_treated[u_codes], rel, np.nan)
    else:
        rel = np.where(is_treated[u_codes], t_idx - onset[u_codes], np.nan)
    event_study = _event_study(rel, y, u_codes, t_idx, c_codes, alpha)
    ri_p = _randomisation_p(beta[0], onset, y, u_codes, t_idx, n_permutations, seed) if n_permutations else np.nan
    if min(n_treated, n_control) < 5 or g < 20:
        warnings.warn(
            f"{n_treated} treated and {n_control} comparison units in {g} clusters: cluster-robust errors "
            "are unreliable with so few; rely on the randomisation p-value (`ri_p_value`).",
            SmallSampleWarning,
            stacklevel=2,
        )
    return DiDResults(
        params=params, n_obs=len(frame), n_units=len(units), method="did (two-way fixed effects)",
        family="gaussian (linear probability for a binary outcome)", cov_type="CR1 cluster-robust by "
        f"{cluster}", formula=f"{outcome} ~ treated_post + unit + time effects", alpha=alpha,
        event_study=event_study, ri_p_value=ri_p, n_permutations=n_permutations, n_treated=n_treated,
        n_control=n_control,
    )


def _onsets(frame, post, u_codes, t_idx, n_units, treated) -> np.ndarray:
    """First treated period of each unit (index into the ordered times; inf = never)."""
    onset = np.full(n_units, np.inf)
    if post is not None:
        group = pd.Series(frame["_d"].to_numpy()).groupby(u_codes).nunique()
        varying = group[group > 1]
        if len(varying):
            raise ValueError(f"With `post`, the column {treated!r} given as `treated` must be constant within a "
                             f"unit, but it varies for {len(varying)} unit(s).")
        is_post = frame[post].astype(bool).to_numpy()
        if not is_post.any():
            raise ValueError(f"The column {post!r} given as `post` has no post-treatment rows.")
        start = t_idx[is_post].min()
        treated_units = np.unique(u_codes[frame["_d"].to_numpy() > 0])
        onset[treated_units] = start
        return onset
    on = frame["_d"].to_numpy() > 0
    np.minimum.at(onset, u_codes[on], t_idx[on].astype("float64"))
    return onset


def _event_study(rel, y, u_codes, t_idx, c_codes, alpha) -> pd.DataFrame:
    known = ~np.isnan(rel)
    levels = sorted(set(rel[known].astype(int).tolist()) - {-1})
    if not levels:
        return pd.DataFrame(columns=["event_time", "estimate", "se", "statistic", "df", "p_value", "ci_low",
                                     "ci_high", "n"])
    dummies = np.column_stack([(rel == k).astype("float64") for k in levels])
    beta, se, g = _cluster_ols(_demean(dummies, u_codes, t_idx), y, c_codes)
    table = _param_table(pd.Series(beta, index=levels), pd.Series(se, index=levels), df=g - 1, alpha=alpha)
    table = table.rename_axis("event_time").reset_index()
    counts = {k: int(np.unique(u_codes[rel == k]).size) for k in [*levels, -1]}
    ref = pd.DataFrame({"event_time": [-1], "estimate": [0.0], "se": [np.nan], "statistic": [np.nan],
                        "df": [float(g - 1)], "p_value": [np.nan], "ci_low": [np.nan], "ci_high": [np.nan]})
    if (rel == -1).any():
        table = pd.concat([table, ref], ignore_index=True)
    table = table.sort_values("event_time", ignore_index=True)
    table["n"] = table["event_time"].map(counts).astype("int64")
    return table


def _randomisation_p(observed, onset, y, u_codes, t_idx, n_permutations, seed) -> float:
    """Share of unit-permuted treatment starts giving an effect at least as large."""
    rng = np.random.default_rng(seed)
    perms = np.vstack([rng.permutation(onset) for _ in range(n_permutations)])  # (B, units)
    exceed = 0
    for start in range(0, n_permutations, 500):
        block = perms[start : start + 500]
        d = (t_idx[:, None] >= block[:, u_codes].T).astype("float64")  # (N, b)
        d = _demean(d, u_codes, t_idx)
        with np.errstate(invalid="ignore", divide="ignore"):
            betas = (d * y[:, None]).sum(axis=0) / (d**2).sum(axis=0)
        exceed += int((np.abs(betas) >= abs(observed) * (1 - 1e-10)).sum())
    return (1 + exceed) / (n_permutations + 1)

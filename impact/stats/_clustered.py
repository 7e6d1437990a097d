"""Prevalence of a binary outcome with intervals that respect clustering (participants within councils)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats as sps

from .._words import _counted, _verb
from ._checks import _binary, _check_columns, _check_probability, _rows

__all__ = ["clustered_prevalence"]


def clustered_prevalence(
    data: pd.DataFrame,
    *,
    outcome: str,
    cluster: str,
    group: str | None = None,
    by: str | list[str] | None = None,
    alpha: float = 0.05,
) -> pd.DataFrame:
    """Prevalence of a binary outcome per group, with a Wilson interval for clustered data.

    People interviewed in the same council are more alike than people in
    different councils, so an interval that treats them as independent is too
    narrow.  The prevalence is the ratio estimator ``sum(y) / n``; its variance
    is estimated from the cluster totals (the linearisation / CR1 estimator,
    ``G / (G - 1) * sum_g (y_g - p n_g)^2 / n^2``); the design effect is that
    variance over the binomial one, and the interval is Wilson's with the
    effective sample size ``n / deff`` and a t quantile on ``G - 1`` degrees of
    freedom (Korn & Graubard 1998; Dean & Pagano 2015 found this interval
    close to nominal).  The design effect is not taken below 1, and where the
    observed prevalence is 0 or 1 (no variance to estimate) the plain Wilson
    interval with the t quantile is used.

    Parameters
    ----------
    data : DataFrame
        One row per observation (e.g. per participant and wave).
    outcome : str
        Boolean or 0/1 column; rows where it is missing are left out.
    cluster : str
        Cluster column (e.g. ``council_id``); every row with the outcome needs one.
    group : str, optional
        Column of groups (e.g. ``status_group``); rows with no group are left out.
    by : str or list of str, optional
        Columns whose levels get separate rows (e.g. ``["code", "wave"]``).
    alpha : float
        1 - confidence level.

    Returns
    -------
    DataFrame
        One row per level of ``by`` (and group): by..., ``group``, ``n``,
        ``events``, ``n_clusters``, ``prevalence``, ``design_effect``,
        ``n_effective``, ``ci_low``, ``ci_high``.

    Raises
    ------
    ValueError
        For a missing column, a non-binary outcome, or a row with the outcome but no cluster (named by row).
    TypeError
        If ``data`` is not a DataFrame.

    References
    ----------
    Korn, E. L. & Graubard, B. I. (1998). Confidence intervals for proportions
    with small expected number of positive counts estimated from survey data.
    Survey Methodology 24, 193-201.
    Dean, N. & Pagano, M. (2015). Evaluating confidence interval methods for
    binomial proportions in clustered surveys. J. Surv. Stat. Methodol. 3, 484-503.

    Examples
    --------
    >>> d = pd.DataFrame({"council": list("aabbccdd"), "y": [1, 1, 0, 0, 1, 1, 0, 0]})
    >>> r = clustered_prevalence(d, outcome="y", cluster="council").iloc[0]
    >>> float(r["prevalence"]), round(float(r["design_effect"]), 3), bool(r["ci_low"] < 0.5 - 0.3)
    (0.5, 2.667, True)
    """
    # the checks every statistics function makes: one column of each name given, an outcome of numbers 0/1 or flags
    # (text '0'/'1' was read as numbers here and refused elsewhere; duplicate or MultiIndex columns failed inside
    # pandas). A frame of no rows is a table with n 0 (the report's prevalence of a study with no interview yet).
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"`data` must be a pandas DataFrame, but {type(data).__name__} was passed.")
    _check_probability("alpha", alpha)
    _check_columns(data, outcome=outcome, cluster=cluster, group=group, by=by)
    by = [by] if isinstance(by, str) else list(by or [])
    keys = [*by, *([group] if group else [])]
    present = data[outcome].notna().any()  # no value at all (no interview yet, of any dtype): a table with n 0
    d = data[[*keys, cluster]].assign(**{outcome: _binary(data, outcome, "outcome") if present else np.nan})
    d = d.dropna(subset=[outcome, *([group] if group else [])])
    no_cluster = d.index[d[cluster].isna().to_numpy()]
    if len(no_cluster):
        # grouped by cluster, these rows fell out of every count: the prevalence of 2 rows' clusters was given as
        # that of all the rows, with nothing said
        raise ValueError(
            f"The column {cluster!r} given as `cluster` is missing in {_counted(len(no_cluster), 'row')} that {_verb(no_cluster, 'has')} "
            f"{outcome!r} (rows {_rows(no_cluster)}): each row needs the cluster (e.g. council) it was "
            "observed in."
        )
    d["_y"] = d[outcome]
    rows = []
    # The events and rows of each cluster within each group, from one grouping of all rows (not one per group): the
    # groups numbered in their sorted order, each one's clusters in the order they first appear in it.
    outer = d.groupby(keys, sort=True, observed=True, dropna=False) if keys else None
    number = outer.ngroup().to_numpy() if keys else np.zeros(len(d), dtype="int64")
    cells = d.groupby([number, d[cluster].to_numpy()], sort=False, observed=True)["_y"].agg(["sum", "size"])
    cell_group = cells.index.get_level_values(0).to_numpy()
    order = np.argsort(cell_group, kind="stable")
    names = list(outer.size().index) if keys else [()]  # the groups' keys in that order, without a frame for each
    bounds = np.searchsorted(cell_group[order], np.arange(len(names) + 1))
    sums, sizes = cells["sum"].to_numpy()[order], cells["size"].to_numpy()[order]
    critical: dict[int, float] = {}
    for i, key in enumerate(names):
        key = key if isinstance(key, tuple) else (key,)
        cut = slice(bounds[i], bounds[i + 1])
        y_g, n_g = sums[cut], sizes[cut]  # the events and rows of each of the group's clusters
        n, events, n_clusters = int(n_g.sum()), int(y_g.sum()), len(y_g)
        p = events / n if n else float("nan")
        if n_clusters > 1 and 0 < events < n:
            var = n_clusters / (n_clusters - 1) * float(((y_g - p * n_g) ** 2).sum()) / n**2
            deff = max(var / (p * (1 - p) / n), 1.0)
        else:
            deff = 1.0
        n_eff = n / deff if n else float("nan")
        if n_clusters not in critical:
            critical[n_clusters] = sps.t.ppf(1 - alpha / 2, n_clusters - 1) if n_clusters > 1 else float("inf")
        q = critical[n_clusters]
        lo, hi = _wilson_t(p, n_eff, q)
        rows.append({**dict(zip(keys, key, strict=True)), "n": n, "events": events, "n_clusters": n_clusters,
                     "prevalence": p, "design_effect": deff, "n_effective": n_eff, "ci_low": lo, "ci_high": hi})
    out = pd.DataFrame(rows, columns=[*keys, "n", "events", "n_clusters", "prevalence", "design_effect", "n_effective",
                                      "ci_low", "ci_high"])
    return out.rename(columns={group: "group"}) if group else out


def _wilson_t(p: float, n: float, q: float) -> tuple[float, float]:
    """Wilson's interval for proportion ``p`` with (effective) size ``n`` and critical value ``q``."""
    if not n or np.isnan(p):
        return float("nan"), float("nan")
    if np.isinf(q):
        return 0.0, 1.0
    centre = (p + q**2 / (2 * n)) / (1 + q**2 / n)
    half = q / (1 + q**2 / n) * np.sqrt(p * (1 - p) / n + q**2 / (4 * n**2))
    return float(max(centre - half, 0.0)), float(min(centre + half, 1.0))

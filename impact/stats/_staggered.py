"""Staggered difference-in-differences: group-time average effects (Callaway and Sant'Anna 2021).

Councils rarely start "treatment" (a first inadequate judgement, a notice, a
peer review) in the same year.  Two-way fixed effects then compare late
starters with early starters that are already treated, and with effects that
grow after onset the average can be far from the truth, even of the wrong
sign (Goodman-Bacon 2021).  Here every comparison is clean: the effect for
the cohort first treated at ``g`` in period ``t``, ATT(g, t), compares the
cohort's change from a pre-treatment base period to ``t`` with the same change
in never-treated (or not-yet-treated) units; the ATT(g, t) are then averaged
into the summaries a report needs.
"""

from __future__ import annotations

import warnings
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd
from scipy import stats

from .._words import _counted, _unit_noun, _verb
from ..errors import SmallSampleWarning, user_level
from ._checks import (
    _check_choice,
    _check_columns,
    _check_count,
    _check_frame,
    _check_probability,
    _check_seed,
    _numeric,
)
from ._errors import MissingValueWarning, NotIdentifiedError, NotIdentifiedWarning
from ._results import SummaryText
from ._ri import assignments, n_assignments, ri_pvalue
from ._threads import one_blas_thread

__all__ = ["staggered_did", "StaggeredDiDResults", "AggregateResults"]

Kind = Literal["simple", "dynamic", "group", "calendar"]
KINDS = ("simple", "dynamic", "group", "calendar")


@dataclass
class _Design:
    """Everything the estimators need, as arrays (one row per unit)."""

    times: np.ndarray  # (K,) sorted distinct periods
    y: np.ndarray  # (n, K) outcome, NaN where not observed
    g: np.ndarray  # (n,) first treated period, inf = never (in sample)
    cluster: np.ndarray  # (n,) cluster code
    groups: np.ndarray  # (J,) cohorts (first treated periods) with an estimable cell
    cells: pd.DataFrame  # one row per (group, time) cell
    control: str
    anticipation: int
    units: np.ndarray | None = None  # (n,) unit labels, in the order of the rows
    # the cells' group, cur_pos, base_pos and reference as Python lists (the values ``cells.itertuples()`` gives),
    # read by the per-cell loops instead of a pandas row each
    cell_lists: dict = field(default_factory=dict)

    def __post_init__(self):
        if not self.cell_lists:
            self.cell_lists = {c: self.cells[c].tolist() for c in ("group", "cur_pos", "base_pos", "reference")}


def staggered_did(
    data: pd.DataFrame,
    *,
    outcome: str,
    unit: str,
    time: str,
    first_treated: str,
    control: Literal["never_treated", "not_yet_treated"] = "never_treated",
    base_period: Literal["varying", "universal"] = "varying",
    anticipation: int = 0,
    cluster: str | None = None,
    alpha: float = 0.05,
    n_bootstrap: int = 999,
    seed: int | np.random.Generator | None = 0,
) -> StaggeredDiDResults:
    """Group-time average treatment effects for treatment that starts at different times.

    For each cohort ``g`` (units first treated in period ``g``) and period
    ``t``, ATT(g, t) is the cohort's mean change in the outcome from a base
    period to ``t`` minus the mean change of the comparison units over the
    same periods (Callaway and Sant'Anna 2021, unconditional parallel trends,
    no covariates). Post-treatment cells (``t >= g``) use the base period
    ``g - 1`` (the last period before ``g``, less `anticipation`);
    pre-treatment cells, which test parallel trends, use ``t - 1`` (the
    previous period, ``base_period="varying"``) or ``g - 1`` as well
    (``"universal"``, where the cell ``t = g - 1`` is the reference and is 0).
    Standard errors come from the influence function of each estimate,
    clustered by unit (or `cluster`), with each mean's variance computed with
    the unbiased divisor (``s^2 / m``, as Welch's test; R's ``did`` divides by
    ``m`` and so reports standard errors smaller by ``sqrt((m - 1) / m)``,
    which matters for cohorts of a few councils). Intervals and p-values
    use the t distribution on Welch-Satterthwaite degrees of freedom (column
    `df`): a cell is Welch's test of the treated against the comparison
    units' changes; a cell with one treated unit borrows that unit's variance
    from the comparison units, Crawford and Howell's (1998) test of a single
    case against a control sample (s^2 (1 + 1/m) on m - 1 degrees of
    freedom); a cell with one comparison unit has no standard error. With a
    variance estimated from a few councils the normal quantile was too small:
    one council treated alone against 19 covered 93.3% with it, 95.1% now
    (bench/lone_cohort_se.py). Simultaneous bands come from a multiplier
    bootstrap of the supremum t-statistic, never narrower than a row's
    pointwise interval. Use :meth:`StaggeredDiDResults.aggregate`
    for the overall effect, the event study and the effects by cohort or year,
    with randomisation inference for few treated councils.

    Unbalanced panels are allowed: each ATT(g, t) uses the units observed at
    both ``t`` and its base period, and a cell with no such treated or
    comparison unit is not identified (NaN, with a
    :class:`~impact.stats.NotIdentifiedWarning`).

    Parameters
    ----------
    data : pandas.DataFrame
        Long panel, one row per unit x period. Not modified.
    outcome : str
        Numeric (or boolean) outcome; rows where it is missing are left out.
    unit : str
        Unit column (e.g. ``"council_id"``).
    time : str
        Numeric period column (e.g. the year ending 31 March).
    first_treated : str
        The period in which the unit is first treated, constant within a
        unit, on the scale of `time`. Never-treated units have NaN, ``inf``
        or 0 (0 only when it is before every period, the convention of R's
        ``did``). Units first treated after the last period are
        never-treated within the panel; units treated from the first period
        have no untreated base period and are left out (with a warning).
    control : {"never_treated", "not_yet_treated"}
        Comparison units: never-treated units only, or also units not yet
        treated by ``max(t, base period) + anticipation``.
    base_period : {"varying", "universal"}
        Base period of the pre-treatment cells (see above; R's default is
        ``"varying"``).
    anticipation : int
        Periods before ``g`` in which units may already react (base period
        moves back accordingly).
    cluster : str, optional
        Column constant within unit defining clusters coarser than units
        (default: the unit).
    alpha : float
        1 - confidence level of every interval and band.
    n_bootstrap : int
        Multiplier-bootstrap draws (Rademacher weights by cluster) for the
        simultaneous bands.
    seed : int, numpy.random.Generator or None
        Seed of the bootstrap.

    Returns
    -------
    StaggeredDiDResults
        `att_gt` (one row per cohort x period: `group`, `time`,
        `event_time`, `base_time`, `post`, `estimate`, `se`, `statistic`,
        `df`, `p_value`, `ci_low`, `ci_high`, `cband_low`, `cband_high`,
        `n_treated`, `n_control`), `cohorts`, `n_units`, `n_obs`,
        :meth:`~StaggeredDiDResults.aggregate` and `summary()`.

    Raises
    ------
    ValueError
        For missing columns, bad arguments, a non-numeric `time` or
        `first_treated`, repeated unit x period rows, or a `first_treated`
        that varies within a unit (every such unit listed).
    NotIdentifiedError
        When no unit is ever treated within the panel, no unit can serve as
        a comparison, or the outcome is missing everywhere.

    Warns
    -----
    NotIdentifiedWarning
        Cells with no treated or no comparison unit (estimate NaN); cells
        with a single comparison unit (se NaN); units treated from the first
        period (left out).
    SmallSampleWarning
        Cells with a single treated unit: their standard errors borrow that
        unit's variance from the comparison units; use the randomisation
        p-value.
    MissingValueWarning
        Rows with a missing outcome were left out.

    References
    ----------
    Callaway, B. and Sant'Anna, P. H. C. (2021). Difference-in-differences
    with multiple time periods. Journal of Econometrics 225, 200-230.

    Crawford, J. R. and Howell, D. C. (1998). Comparing an individual's test
    score against norms derived from small samples. The Clinical
    Neuropsychologist 12, 482-486.

    Goodman-Bacon, A. (2021). Difference-in-differences with variation in
    treatment timing. Journal of Econometrics 225, 254-277.

    Sun, L. and Abraham, S. (2021). Estimating dynamic treatment effects in
    event studies with heterogeneous treatment effects. Journal of
    Econometrics 225, 175-199.

    Examples
    --------
    Thirty councils over eight years; ten first treated in 2016, ten in 2018,
    ten never; the effect is 1 in the first year and grows by 1 a year:

    >>> rng = np.random.default_rng(3)
    >>> panel = pd.DataFrame({"council": np.repeat(np.arange(30), 8), "year": np.tile(np.arange(2013, 2021), 30)})
    >>> panel["first"] = np.repeat(np.r_[[2016] * 10, [2018] * 10, [np.nan] * 10], 8)
    >>> since = panel["year"] - panel["first"]
    >>> panel["rate"] = rng.normal(0, 0.1, 240) + 0.2 * (panel["year"] - 2013) + np.where(since >= 0, 1 + since, 0)
    >>> res = staggered_did(panel, outcome="rate", unit="council", time="year", first_treated="first")
    >>> res.att_gt.query("group == 2016 and time == 2016")["estimate"].round(0).item()
    1.0
    >>> es = res.aggregate(kind="dynamic", n_permutations=0)
    >>> es.table.set_index("event_time").loc[[0, 1, 2], "estimate"].round(0).tolist()
    [1.0, 2.0, 3.0]
    """
    _check_frame(data)
    _check_columns(data, outcome=outcome, unit=unit, time=time, first_treated=first_treated, cluster=cluster)
    _check_choice("control", control, ["never_treated", "not_yet_treated"])
    _check_choice("base_period", base_period, ["varying", "universal"])
    _check_count("anticipation", anticipation, minimum=0)
    _check_count("n_bootstrap", n_bootstrap, minimum=0)
    _check_probability("alpha", alpha)
    _check_seed(seed)
    design, n_obs, notes = _design(data, outcome, unit, time, first_treated, cluster, control, base_period,
                                   anticipation)
    with one_blas_thread():
        est, n_t, n_c, inf = _cell_estimates(design, design.g[None, :], influence=True)
    # the cells' columns as arrays (one frame, the table, is made of them at the end)
    cells = {c: design.cells[c].to_numpy() for c in ("group", "time", "event_time", "base_time", "post", "reference")}
    cells.update(estimate=est[0], n_treated=n_t[0].astype("int64"), n_control=n_c[0].astype("int64"))
    n = len(design.g)
    se = _cluster_se(inf, design.cluster, n)
    few = (n_t[0] < 2) | (n_c[0] < 2)
    se[few] = np.nan
    se[cells["reference"]] = np.nan
    _warn_cells(cells, few)
    rng = np.random.default_rng(seed)
    with one_blas_thread():
        crit = _sup_t_critical(inf, se, design.cluster, n, alpha, n_bootstrap, rng)
    se, df = _cell_se_df(design, cells, inf, se)
    att = pd.DataFrame({**{c: cells[c] for c in ("group", "time", "event_time", "base_time", "post")},
                        **_inference_columns(cells["estimate"], se, alpha, crit, df),
                        "n_treated": cells["n_treated"], "n_control": cells["n_control"]})
    cohort, cohort_n = np.unique(design.g[np.isfinite(design.g)], return_counts=True)
    cohorts = pd.DataFrame({"group": cohort, "n_units": cohort_n.astype("int64")})
    return StaggeredDiDResults(
        att_gt=att, cohorts=cohorts, n_obs=n_obs, n_units=n, n_never_treated=int(np.isinf(design.g).sum()),
        outcome=outcome, control=control, base_period=base_period, anticipation=anticipation, alpha=alpha,
        n_bootstrap=n_bootstrap, critical_value=crit, notes=notes, _design=design, _influence=inf, _seed=seed,
    )


# --------------------------------------------------------------------------------------------------
# data preparation
# --------------------------------------------------------------------------------------------------


def _design(data, outcome, unit, time, first_treated, cluster, control, base_period, anticipation):
    notes: list[str] = []
    units = data[unit].to_numpy()
    for column, argument in ((time, "time"), (first_treated, "first_treated")):
        if not pd.api.types.is_numeric_dtype(data[column]) or pd.api.types.is_bool_dtype(data[column]):
            raise ValueError(f"The column {column!r} given as `{argument}` must be numeric (e.g. a year), "
                             f"but it is {data[column].dtype}.")
    frame = pd.DataFrame({"unit": units, "time": data[time].to_numpy(),
                          "y": _numeric(data, outcome, "outcome").to_numpy(),
                          "g": data[first_treated].to_numpy(dtype="float64"),
                          "cluster": data[cluster].to_numpy() if cluster else units})
    y_all, g_all, time_all = frame["y"].to_numpy(), frame["g"].to_numpy(), frame["time"].to_numpy()
    bad_rows = frame["unit"].isna() | pd.isna(time_all)
    if bad_rows.any():
        rows = data.index[bad_rows.to_numpy()][:10].tolist()
        raise ValueError(f"{_counted(int(bad_rows.sum()), 'row')} {_verb(int(bad_rows.sum()), 'has')} no `unit` or `time` value "
                         f"(rows {rows}).")
    # the checks below in numpy on the units' and periods' codes; pandas only to say what a failed one found
    unit_code, unit_label = pd.factorize(frame["unit"], sort=True)  # sorted as groupby sorts
    time_code = pd.factorize(time_all)[0]
    pair = unit_code.astype("int64") * (int(time_code.max()) + 1 if len(time_code) else 1) + time_code
    dup = pd.Series(False, index=frame.index) if len(np.unique(pair)) == len(pair) else (
        frame.duplicated(["unit", "time"], keep=False))
    if dup.any():
        pairs = frame.loc[dup, ["unit", "time"]].drop_duplicates().head(10).to_records(index=False).tolist()
        raise ValueError(f"`data` must have one row per unit and period, but {int(dup.sum())} rows repeat "
                         f"a ({unit}, {time}) pair, e.g. {pairs}.")
    for column, name in (("g", first_treated), ("cluster", cluster)):
        if column == "cluster" and not cluster:
            continue
        codes = np.where(np.isnan(g_all), np.inf, g_all) if column == "g" else pd.factorize(frame[column])[0]
        order = np.lexsort((codes, unit_code))
        same_unit = unit_code[order][1:] == unit_code[order][:-1]
        if not (same_unit & (codes[order][1:] != codes[order][:-1])).any():
            continue
        keyed = frame[column].fillna(np.inf) if column == "g" else frame[column]
        varying = keyed.groupby(frame["unit"], observed=True).nunique()
        varying = varying[varying > 1]
        if len(varying):
            raise ValueError(f"The column {name!r} must be constant within each unit of {unit!r}, but it varies "
                             f"for {_counted(len(varying), _unit_noun(unit))}: {varying.index[:10].tolist()}.")
    missing = np.isnan(y_all)
    if missing.all():
        raise NotIdentifiedError(f"The column {outcome!r} given as `outcome` has no non-missing value "
                                 f"(all {_counted(len(frame), 'row')} {_verb(len(frame), 'is')} missing): nothing can be estimated.")
    if missing.any():
        warnings.warn(f"{int(missing.sum())} of {_counted(len(frame), 'row')} {_verb(int(missing.sum()), 'has')} a missing {outcome!r} "
                      f"and {_verb(int(missing.sum()), 'was', 'were')} left out; "
                      "each ATT(g, t) uses the units observed at both of its periods.", MissingValueWarning,
                      stacklevel=user_level())
        notes.append(f"{_counted(int(missing.sum()), 'row')} with a missing outcome left out")
    kept = ~missing
    times = np.sort(pd.unique(time_all[kept]).astype("float64"))
    if len(times) < 2:
        raise NotIdentifiedError(f"`data` has one period ({times.tolist()}) with an observed outcome: a "
                                 "difference-in-differences needs at least two.")
    # each unit's first-treated period (constant within it, NaN and inf alike), units in groupby's sorted order
    seen_units, unit_pos = np.unique(unit_code[kept], return_inverse=True)
    g_kept = g_all[kept]
    g = np.full(len(seen_units), np.nan)
    g[unit_pos[~np.isnan(g_kept)]] = g_kept[~np.isnan(g_kept)]
    g_raw_index = pd.Index(unit_label[seen_units])
    never = np.isnan(g) | np.isinf(g) | ((g == 0) & (times[0] > 0))
    late = ~never & (g - anticipation > times[-1])
    if late.any():
        k = int(late.sum())
        notes.append(f"{_counted(k, _unit_noun(unit))} first treated after the last period {_verb(k, 'counts', 'count')} "
                     "as never treated")
    g = np.where(never | late, np.inf, g)
    # a cohort needs an untreated base period: the last period before g - anticipation
    base_pos = np.searchsorted(times, g - anticipation, side="left") - 1
    always = np.isfinite(g) & (base_pos < 0)
    if always.any():
        k, noun = int(always.sum()), _unit_noun(unit)
        warnings.warn(f"{_counted(k, noun)} {_verb(k, 'is', 'are')} treated from the first period, with no untreated "
                      f"base period, and {_verb(k, 'was', 'were')} left out: {g_raw_index[always][:5].tolist()}"
                      f"{', ...' if k > 5 else ''}.", NotIdentifiedWarning, stacklevel=user_level())
        notes.append(f"{_counted(k, noun)} treated from the first period left out")
    keep_units = g_raw_index[~always]
    g = g[~always]
    if not np.isfinite(g).any():
        raise NotIdentifiedError("No unit is first treated within the panel (after its first period): there is "
                                 "no treatment effect to estimate.")
    if control == "never_treated" and not np.isinf(g).any():
        raise NotIdentifiedError("No never-treated unit: use control='not_yet_treated' to compare cohorts with "
                                 "units not yet treated.")
    rows = np.flatnonzero(kept)[~always[unit_pos]]  # the rows used: outcome observed, unit not left out
    row_unit = np.cumsum(~always)[unit_pos[~always[unit_pos]]] - 1  # each row's position among the units kept
    time_pos = np.searchsorted(times, time_all[rows].astype("float64"))
    y = np.full((len(keep_units), len(times)), np.nan)
    y[row_unit, time_pos] = y_all[rows]
    if cluster:
        used = frame.iloc[rows]
        clusters = used.groupby("unit", sort=True, observed=True)["cluster"].first().reindex(keep_units)
        cluster_codes = pd.factorize(clusters)[0]
    else:  # each unit its own cluster, in the units' order
        cluster_codes = np.arange(len(keep_units))
    groups = np.unique(g[np.isfinite(g)])
    cells = _cells(times, groups, base_period, anticipation)
    design = _Design(times=times, y=y, g=g, cluster=cluster_codes, groups=groups, cells=cells, control=control,
                     anticipation=anticipation, units=np.asarray(keep_units))
    return design, int(len(rows)), notes


def _cells(times: np.ndarray, groups: np.ndarray, base_period: str, anticipation: int) -> pd.DataFrame:
    """The (group, time) cells and their base periods, in R ``did``'s order."""
    start = 1 if base_period == "varying" else 0
    cur = np.tile(np.arange(start, len(times)), len(groups))
    group = np.repeat(groups.astype("float64"), len(times) - start)
    g_base = np.searchsorted(times, groups - anticipation, side="left") - 1
    post = group <= times[cur]
    base = np.where(post | (base_period == "universal"), np.repeat(g_base, len(times) - start), cur - 1)
    columns = {"group": group, "time": times[cur], "event_time": times[cur] - group, "base_time": times[base],
               "post": post, "cur_pos": cur.astype("int64"), "base_pos": base.astype("int64"), "reference": base == cur}
    for column in ("group", "time", "event_time", "base_time"):
        values = columns[column]
        if np.all(values == np.round(values)):
            columns[column] = values.astype("int64")
    return pd.DataFrame(columns)


# --------------------------------------------------------------------------------------------------
# estimation
# --------------------------------------------------------------------------------------------------


def _control_mask(design: _Design, assigned: np.ndarray, g: float, cur: int, base: int) -> np.ndarray:
    if design.control == "never_treated":
        return np.isinf(assigned)
    horizon = design.times[max(cur, base)] + design.anticipation
    return np.isinf(assigned) | ((assigned > horizon) & (assigned != g))


def _cell_estimates(design: _Design, assigned: np.ndarray, *, influence: bool = False):
    """ATT(g, t) for each row of ``assigned`` (B, n) of first-treated periods.

    Returns estimates, treated counts and control counts, each (B, cells),
    and (``influence=True``, B = 1) the (n, cells) influence functions scaled
    so that ``estimate - truth ~ mean(IF)``.
    """
    b, n = assigned.shape
    n_cells = len(design.cells)
    est = np.full((b, n_cells), np.nan)
    n_t = np.zeros((b, n_cells))
    n_c = np.zeros((b, n_cells))
    inf = np.zeros((n, n_cells)) if influence else None
    c = design.cell_lists
    for k, (group, cur, base, reference) in enumerate(zip(c["group"], c["cur_pos"], c["base_pos"], c["reference"],
                                                          strict=True)):
        if reference:
            est[:, k] = 0.0
            continue
        dy = design.y[:, cur] - design.y[:, base]
        seen = ~np.isnan(dy)
        dy0 = np.where(seen, dy, 0.0)
        treat = (assigned == group) & seen
        ctrl = _control_mask(design, assigned, group, cur, base) & seen
        n_t[:, k], n_c[:, k] = treat.sum(axis=1), ctrl.sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            mt = (treat @ dy0) / n_t[:, k]
            mc = (ctrl @ dy0) / n_c[:, k]
        est[:, k] = np.where((n_t[:, k] > 0) & (n_c[:, k] > 0), mt - mc, np.nan)
        if influence and np.isfinite(est[0, k]):
            # deviations scaled by sqrt(m / (m - 1)), m the units averaged: the variance of each mean is
            # then s^2 / m with the unbiased s^2 (Welch), not the divisor-m version of R's `did`
            t0, c0 = treat[0], ctrl[0]
            inf[t0, k] = n * (dy[t0] - mt[0]) / n_t[0, k] * _welch(n_t[0, k])
            inf[c0, k] = -n * (dy[c0] - mc[0]) / n_c[0, k] * _welch(n_c[0, k])
    return est, n_t, n_c, inf


def _welch(m: float) -> float:
    return float(np.sqrt(m / (m - 1))) if m > 1 else 1.0


def _cell_se_df(design: _Design, cells: dict, inf: np.ndarray, se: np.ndarray):
    """Standard errors and Welch-Satterthwaite degrees of freedom of the cells (see :func:`_variance_df`): Welch's
    test of the treated against the comparison units' changes; a cell with one treated unit and at least two
    comparison units borrows that unit's variance from them (Crawford and Howell 1998: s^2 (1 + 1/m) on m - 1
    degrees of freedom). A cell with a single comparison unit keeps no standard error (NaN): its one change is the
    whole of the comparison, with no variation of its own, and borrowing it from the treated units would test them
    against themselves; as the reference cell, whose estimate is 0 by construction."""
    se = se.copy()
    n_cells = len(cells["estimate"])
    df = np.full(n_cells, np.nan)
    n_treated = cells["n_treated"]
    c = design.cell_lists
    for k, (group, cur, base, reference, estimate, n_control) in enumerate(zip(
            c["group"], c["cur_pos"], c["base_pos"], c["reference"], cells["estimate"].tolist(),
            cells["n_control"].tolist(), strict=True)):
        if reference or not np.isfinite(estimate) or n_control < 2:
            continue
        seen = ~np.isnan(design.y[:, cur] - design.y[:, base])
        role = np.where((design.g == group) & seen, "treated", "other")
        role[_control_mask(design, design.g, group, cur, base) & seen] = "comparison"
        a = np.zeros(n_cells)
        a[k] = 1.0
        variance, df[k] = _variance_df(design, inf[:, k], role, _lone_variance(design, a, n_treated, role))
        se[k] = np.sqrt(variance)
    return se, df


def _cluster_se(inf: np.ndarray, cluster: np.ndarray, n: int) -> np.ndarray:
    """Standard errors from (n, m) influence functions summed within clusters."""
    summed = _by_cluster(inf, cluster)
    return np.sqrt((summed**2).sum(axis=0)) / n


def _by_cluster(inf: np.ndarray, cluster: np.ndarray) -> np.ndarray:
    out = np.zeros((cluster.max() + 1, inf.shape[1]))
    np.add.at(out, cluster, inf)
    return out


def _sup_t_critical(inf, se, cluster, n, alpha, n_bootstrap, rng) -> float:
    """Critical value of the simultaneous band: the (1 - alpha) quantile of max |t*| over the estimates,
    from a multiplier bootstrap with Rademacher weights by cluster (Callaway and Sant'Anna 2021, 4.1)."""
    usable = np.isfinite(se) & (se > 0)
    if n_bootstrap == 0 or not usable.any():
        return np.nan
    summed = _by_cluster(inf[:, usable], cluster)
    weights = rng.choice(np.array([-1.0, 1.0]), size=(n_bootstrap, summed.shape[0]))
    draws = weights @ summed / n
    sup = np.abs(draws / se[usable]).max(axis=1)
    return float(np.quantile(sup, 1 - alpha, method="inverted_cdf"))


def _inference_table(estimate, se, alpha, crit, df) -> pd.DataFrame:
    """:func:`_inference_columns` as a frame."""
    return pd.DataFrame(_inference_columns(estimate, se, alpha, crit, df))


def _inference_columns(estimate, se, alpha, crit, df) -> dict[str, np.ndarray]:
    """Pointwise t intervals and p-values on ``df`` (Welch-Satterthwaite, see :func:`_variance_df`; inf gives the
    normal), and the band ``estimate +- crit * se``, never narrower than the row's pointwise interval (the multiplier
    bootstrap's supremum is on the normal scale, and below the t quantile of a row on a few degrees of freedom)."""
    df = np.broadcast_to(np.asarray(df, dtype="float64"), np.shape(estimate))
    q = stats.t.ppf(1 - alpha / 2, df)
    with np.errstate(invalid="ignore", divide="ignore"):
        statistic = estimate / se
    band = np.where(np.isfinite(crit), np.fmax(crit, q), np.nan)
    return {
        "estimate": estimate, "se": se, "statistic": statistic, "df": df,
        "p_value": 2 * stats.t.sf(np.abs(statistic), df),
        "ci_low": estimate - q * se, "ci_high": estimate + q * se,
        "cband_low": estimate - band * se, "cband_high": estimate + band * se,
    }


def _listed_cells(cells: dict, mask: np.ndarray) -> list[tuple]:
    """The first eight (group, time) pairs of the cells of ``mask``, as Python numbers."""
    return list(zip(cells["group"][mask][:8].tolist(), cells["time"][mask][:8].tolist(), strict=True))


def _warn_cells(cells: dict, few: np.ndarray) -> None:
    """Warn of the cells not identified, with one comparison unit or one treated unit (``cells``: their columns as
    arrays)."""
    reference, n_control = cells["reference"], cells["n_control"]
    empty = np.isnan(cells["estimate"]) & ~reference
    if empty.any():
        listed = _listed_cells(cells, empty)
        k = int(empty.sum())
        warnings.warn(f"{_counted(k, 'group-time cell')} {_verb(k, 'has', 'have')} no treated or no comparison unit "
                      f"observed at both periods and {_verb(k, 'is', 'are')} not identified (NaN), e.g. at "
                      f"(group, time) {listed}.",
                      NotIdentifiedWarning, stacklevel=user_level())
    lone = few & ~empty & ~reference & (n_control < 2)
    if lone.any():
        listed = _listed_cells(cells, lone)
        k = int(lone.sum())
        warnings.warn(f"{_counted(k, 'group-time cell')} {_verb(k, 'has', 'have')} a single comparison "
                      f"unit, so {_verb(k, 'its standard error is', 'their standard errors are')} not identified "
                      f"(NaN), e.g. at (group, time) {listed}. Use the "
                      "randomisation p-value of `aggregate()`.", NotIdentifiedWarning, stacklevel=user_level())
    alone = few & ~empty & ~reference & (n_control >= 2)
    if alone.any():
        listed = _listed_cells(cells, alone)
        k = int(alone.sum())
        warnings.warn(f"{_counted(k, 'group-time cell')} {_verb(k, 'has', 'have')} a single treated unit, e.g. at "
                      f"(group, time) {listed}: {_verb(k, 'its standard error borrows', 'their standard errors borrow')}"
                      " that unit's variance from the comparison units (Crawford and Howell's test of a single case "
                      "against a control sample, t on their number less one). Use the randomisation p-value of "
                      "`aggregate()`, which does not rest on that.", SmallSampleWarning, stacklevel=user_level())


# --------------------------------------------------------------------------------------------------
# aggregation
# --------------------------------------------------------------------------------------------------


@dataclass
class _Target:
    label: object
    cells: np.ndarray  # candidate cell positions
    weights: np.ndarray  # unnormalised weight of each candidate (cohort share, or 1)
    estimated: bool  # weights are estimated cohort shares (adds their influence)


def _targets(design: _Design, cells: pd.DataFrame, kind: str, min_e, max_e):
    """The averages making up an aggregation, and how the overall effect combines them.

    Returns (targets, overall_weights, overall_estimated, label_column).
    """
    share = {gv: float(np.mean(design.g == gv)) for gv in design.groups}
    pg = np.array([share.get(gv, np.nan) for gv in design.cell_lists["group"]], dtype="float64")
    e = cells["event_time"].to_numpy(dtype="float64")
    post = cells["post"].to_numpy() & ~cells["reference"].to_numpy()
    window = np.ones(len(cells), dtype=bool)
    if max_e is not None:
        window &= e <= max_e
    if min_e is not None:
        window &= e >= min_e
    if kind == "simple":
        idx = np.flatnonzero(post & window)
        return [_Target("overall", idx, pg[idx], True)], np.ones(1), False, None
    if kind == "dynamic":
        levels = np.unique(e[window])
        targets = []
        for lv in levels:
            idx = np.flatnonzero((e == lv) & window)
            targets.append(_Target(lv, idx, pg[idx], True))
        return targets, (levels >= 0).astype("float64"), False, "event_time"
    if kind == "group":
        targets = []
        for gv in design.groups:
            idx = np.flatnonzero(post & window & (cells["group"].to_numpy() == gv))
            targets.append(_Target(gv, idx, np.ones(len(idx)), False))
        return targets, np.array([share[gv] for gv in design.groups]), True, "group"
    t = cells["time"].to_numpy(dtype="float64")
    levels = np.unique(t[post & (t >= design.groups.min())])
    targets = [_Target(lv, np.flatnonzero(post & (t == lv)), pg[np.flatnonzero(post & (t == lv))], True)
               for lv in levels]
    return targets, np.ones(len(levels)), False, "time"


def _compared_cells(design: _Design, assigned: np.ndarray, minimum: int) -> np.ndarray:
    """The cell estimates of ``assigned`` (B, cells), NaN (not identified) where fewer than ``minimum`` units compare."""
    est, _, n_control, _ = _cell_estimates(design, assigned)
    return np.where(n_control < minimum, np.nan, est)


def _combine(est: np.ndarray, targets: list[_Target], overall_w: np.ndarray):
    """Targets (B, J) and overall (B,) from cell estimates (B, cells), renormalising over identified cells."""
    b = est.shape[0]
    theta = np.full((b, len(targets)), np.nan)
    for j, tg in enumerate(targets):
        if not len(tg.cells):
            continue
        sub = est[:, tg.cells]
        ok = np.isfinite(sub)
        w = np.where(ok, tg.weights[None, :], 0.0)
        with np.errstate(invalid="ignore", divide="ignore"):
            theta[:, j] = np.where(ok, sub, 0.0) @ tg.weights / w.sum(axis=1)
        theta[w.sum(axis=1) == 0, j] = np.nan
    ok = np.isfinite(theta) & (overall_w[None, :] > 0)
    w = np.where(ok, overall_w[None, :], 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        overall = (np.where(ok, theta, 0.0) * w).sum(axis=1) / w.sum(axis=1)
    overall[w.sum(axis=1) == 0] = np.nan
    return theta, overall


def _weight_influence(g: np.ndarray, groups_of_keepers: np.ndarray, pg: np.ndarray) -> np.ndarray:
    """Influence of estimating the cohort-share weights (R ``did``'s ``wif``), (n, keepers)."""
    total = pg.sum()
    member = (g[:, None] == groups_of_keepers[None, :]).astype("float64")
    if1 = (member - pg[None, :]) / total
    if2 = (member - pg[None, :]).sum(axis=1)[:, None] * (pg / total**2)[None, :]
    return if1 - if2


def _aggregate_influence(design, cells, est, inf, targets, overall_w, overall_estimated):
    """Influence functions (n, J) of the targets and (n,) of the overall effect."""
    n = len(design.g)
    group_of_cell = cells["group"].to_numpy(dtype="float64")
    psi = np.zeros((n, len(targets)))
    theta = np.full(len(targets), np.nan)
    for j, tg in enumerate(targets):
        keep = tg.cells[np.isfinite(est[tg.cells])]
        if not len(keep):
            continue
        p = tg.weights[np.isin(tg.cells, keep)]
        w = p / p.sum()
        theta[j] = w @ est[keep]
        psi[:, j] = inf[:, keep] @ w
        if tg.estimated:
            psi[:, j] += _weight_influence(design.g, group_of_cell[keep], p) @ est[keep]
    ok = np.isfinite(theta) & (overall_w > 0)
    if not ok.any():
        return psi, theta, np.zeros(n), np.nan
    q = overall_w[ok] / overall_w[ok].sum()
    overall = q @ theta[ok]
    psi_overall = psi[:, ok] @ q
    if overall_estimated:
        psi_overall += _weight_influence(design.g, design.groups[ok], overall_w[ok]) @ theta[ok]
    return psi, theta, psi_overall, float(overall)


def _cell_coefficients(est, targets, overall_w, theta) -> tuple[np.ndarray, np.ndarray]:
    """The weight of each cell in each target (cells, J) and in the overall effect (cells,), as
    :func:`_aggregate_influence` combines the identified cells (the cohort shares taken as fixed)."""
    coefficients = np.zeros((len(est), len(targets)))
    for j, tg in enumerate(targets):
        keep = tg.cells[np.isfinite(est[tg.cells])]
        if len(keep):
            p = tg.weights[np.isin(tg.cells, keep)]
            coefficients[keep, j] = p / p.sum()
    ok = np.isfinite(theta) & (overall_w > 0)
    overall = coefficients[:, ok] @ (overall_w[ok] / overall_w[ok].sum()) if ok.any() else np.zeros(len(est))
    return coefficients, overall


def _lone_variance(design: _Design, a: np.ndarray, n_treated: np.ndarray, labels: np.ndarray):
    """The variance, missing from the influence function, of the units alone in their cohort in cells of weight
    ``a`` (cells,): each such unit's part of the average is sum_k a_k dY_k over those cells (dY the change from the
    cell's base period), and its variance is borrowed from the units compared with it in every one of those cells
    (the sample variance of their sum_k a_k dY_k), as if a treated unit's changes varied as theirs do.

    Returns a list of ``(variance, df, key, units)``, one per such unit: ``df`` the compared units less one, ``key``
    the label (in ``labels``, one per unit) the compared units share, or None where they span several (see
    :func:`_variance_df`), ``units`` a boolean mask (n,) of the unit and the units compared with it; an empty list
    where no cell of weight is alone; None (no standard error) where fewer than two units compare in all of a unit's
    cells, or where their changes are all equal (a sample variance of 0 is no estimate of the lone unit's variation). For one cell and one treated unit against m comparison units this
    makes the variance s^2 (1 + 1/m) on m - 1 degrees of freedom, the test of a single case against a control
    sample of Crawford and Howell (1998).

    The influence of a cohort's mean of one unit is 0, so the standard error left that unit's own variation out
    and was too small: in 1,000 null panels with one council treated alone against 19 (bench/lone_cohort_se.py) the
    95% interval covered the truth 32.9% of the time without it (docs/methods.md)."""
    lone = np.flatnonzero((a != 0) & (n_treated == 1))
    parts: list[tuple[float, float, object]] = []
    if not len(lone):
        return parts
    c = design.cell_lists
    group, cur, base = c["group"], c["cur_pos"], c["base_pos"]
    by_unit: dict[int, list[int]] = {}
    for k in lone:
        dy = design.y[:, cur[k]] - design.y[:, base[k]]
        (unit,) = np.flatnonzero((design.g == group[k]) & ~np.isnan(dy))
        by_unit.setdefault(int(unit), []).append(int(k))
    for unit, ks in by_unit.items():
        compared = np.ones(len(design.g), dtype=bool)
        changes = np.zeros(len(design.g))
        for k in ks:
            dy = design.y[:, cur[k]] - design.y[:, base[k]]
            compared &= _control_mask(design, design.g, group[k], cur[k], base[k]) & ~np.isnan(dy)
            changes += a[k] * np.nan_to_num(dy)
        m = int(compared.sum())
        if m < 2 or np.ptp(changes[compared]) <= 1e-9 * max(1.0, float(np.abs(changes[compared]).max())):
            # fewer than two to borrow from, or their changes all equal (figures rounded alike): no variation to
            # borrow, so the unit's own is unknown, not nil (a zero-width interval claimed a certainty the figures
            # do not hold: 5 of 4,412 rows read from one council at 5 councils, truth84)
            return None
        shared = np.unique(labels[compared])
        units = compared.copy()
        units[unit] = True
        parts.append((float(np.var(changes[compared], ddof=1)), float(m - 1), shared[0] if len(shared) == 1 else None,
                      units))
    return parts


def _variance_df(design: _Design, influence: np.ndarray, labels: np.ndarray, lone) -> tuple[float, float]:
    """The variance of an estimate with influence function ``influence`` (n,) plus the borrowed variances ``lone``
    (from :func:`_lone_variance`), and its Welch-Satterthwaite degrees of freedom.

    The influence-function variance sum_i IF_i^2 / n^2 is split by ``labels`` (one per unit: the role in a cell,
    treated or comparison, or the cohort in an aggregate), each part a variance estimated from the deviations of
    its n_h units on n_h - 1 degrees of freedom (Welch's test when there are two parts); a borrowed variance joins
    the part of the units it was borrowed from when they share a label (the same sample variance, so the same
    degrees of freedom: Crawford and Howell's test for a lone unit in one cell), otherwise it is a part of its own.
    With clusters coarser than units the influence part is one, on G - 1 degrees of freedom (G clusters). Parts of
    one unit (no deviation to estimate from, e.g. a lone unit's share of the weights) count as known.

    The degrees of freedom are then capped at the units contributing to the estimate less two (those of nonzero
    influence, the lone units and the units their variances are borrowed from; clusters where clusters are coarser
    than units). Satterthwaite's approximation treats its parts as independent and a part of one unit as known
    exactly; here the parts reuse units (a lone unit's variance is borrowed from units that are a part of their own)
    and a known part only raises the sum, so the approximation can claim more degrees of freedom than the data hold.
    The cap is the bound Welch's two-sample degrees of freedom never exceed, n_1 + n_2 - 2 (Welch 1947; the pooled
    t test's), and the degrees of freedom of Crawford and Howell's (1998) test of one case against m controls,
    m - 1 = (m + 1) - 2. At 5 councils the status groups' rows above the cap covered 86.2% and 91.9%
    (bench/truth77_indicator_df.py); see bench/truth79_indicator_df.py for the coverage with the cap. Returns
    ``(nan, nan)`` when ``lone`` is None (not identified).

    References
    ----------
    Welch, B. L. (1947). The generalization of 'Student's' problem when several different population variances are
    involved. Biometrika 34, 28-35.
    Crawford, J. R. and Howell, D. C. (1998). Comparing an individual's test score against norms derived from small
    samples. The Clinical Neuropsychologist 12, 482-486."""
    if lone is None:
        return np.nan, np.nan
    n = len(design.g)
    parts: dict[object, list[float]] = {}
    n_clusters = int(design.cluster.max()) + 1
    contributing = influence != 0
    for *_, units in lone:
        contributing |= units
    if n_clusters < n:
        summed = _by_cluster(influence[:, None], design.cluster)[:, 0]
        parts["clusters"] = [float((summed**2).sum()) / n**2, float(n_clusters - 1)]
    else:
        for label in np.unique(labels):
            members = labels == label
            parts[label] = [float((influence[members] ** 2).sum()) / n**2, float(members.sum() - 1)]
    for i, (variance, df, key, _) in enumerate(lone):
        if key is not None and key in parts:
            parts[key] = [parts[key][0] + variance, min(parts[key][1], df)]
        else:
            parts[("lone", i)] = [variance, df]
    total = sum(v for v, _ in parts.values())
    spread = sum(v**2 / df for v, df in parts.values() if df > 0 and v > 0)
    held = len(np.unique(design.cluster[contributing])) if n_clusters < n else int(contributing.sum())
    return total, (min(total**2 / spread, max(held - 2, 1)) if spread > 0 else np.inf)


@dataclass
class AggregateResults:
    """An aggregation of the group-time effects (see :meth:`StaggeredDiDResults.aggregate`).

    Attributes
    ----------
    kind : str
        ``"simple"``, ``"dynamic"``, ``"group"`` or ``"calendar"``.
    overall : pandas.DataFrame
        One row: `estimate`, `se`, `statistic`, `df` (t degrees of freedom), `p_value`, `ci_low`,
        `ci_high`, `ri_p_value`, `n_permutations` (assignments used),
        `n_permutations_dropped` (unidentified, left out), `ri_exact` (all
        assignments enumerated), `n_assignments` (distinct assignments there
        are; 0 without randomisation inference).
    table : pandas.DataFrame or None
        One row per event time / cohort / period (column `event_time`,
        `group` or `time`): `estimate`, `se`, `statistic`, `df`, `p_value`,
        `ci_low`, `ci_high` (pointwise) and `cband_low`, `cband_high`
        (simultaneous over the rows, for "dynamic" and "calendar"; pointwise
        for "group"). None for "simple".
    critical_value : float
        Multiplier of the simultaneous band.
    """

    kind: str
    overall: pd.DataFrame
    table: pd.DataFrame | None
    critical_value: float
    alpha: float
    n_bootstrap: int
    notes: list[str] = field(default_factory=list)

    def summary(self) -> SummaryText:
        """Text / HTML summary (returned, never printed)."""
        header = [("Aggregation", self.kind), ("Confidence level", f"{1 - self.alpha:.0%}"),
                  ("Simultaneous band multiplier", f"{self.critical_value:.4g} ({self.n_bootstrap} bootstrap draws)"),
                  *[("Note", n) for n in self.notes]]
        tables = [("Overall effect", self.overall)]
        if self.table is not None:
            tables.append((f"By {self.table.columns[0]}", self.table.set_index(self.table.columns[0])))
        return SummaryText(f"STAGGERED DID: {self.kind.upper()} AGGREGATION", header, tables)


@dataclass
class StaggeredDiDResults:
    """Group-time average treatment effects (see :func:`staggered_did`).

    Attributes
    ----------
    att_gt : pandas.DataFrame
        One row per cohort x period (see :func:`staggered_did`).
    cohorts : pandas.DataFrame
        `group` (first treated period) and `n_units`.
    n_obs, n_units, n_never_treated : int
        Rows and units used; never-treated units among them.
    critical_value : float
        Multiplier of the simultaneous band over all cells.
    notes : list of str
        What was left out and why.
    """

    att_gt: pd.DataFrame
    cohorts: pd.DataFrame
    n_obs: int
    n_units: int
    n_never_treated: int
    outcome: str
    control: str
    base_period: str
    anticipation: int
    alpha: float
    n_bootstrap: int
    critical_value: float
    notes: list[str] = field(default_factory=list)
    _design: _Design | None = field(default=None, repr=False)
    _influence: np.ndarray | None = field(default=None, repr=False)
    _seed: object = field(default=0, repr=False)

    def aggregate(
        self,
        kind: Kind = "simple",
        *,
        alpha: float | None = None,
        n_bootstrap: int | None = None,
        n_permutations: int = 999,
        seed: int | np.random.Generator | None = None,
        min_e: float | None = None,
        max_e: float | None = None,
        permute_among: Collection | None = None,
        min_comparison: int = 1,
    ) -> AggregateResults:
        """Average the ATT(g, t) into one effect, an event study, or effects by cohort or period.

        As R's ``did::aggte``: ``"simple"`` weights every post-treatment
        cell by its cohort's size; ``"dynamic"`` gives the effect at each
        event time ``e = t - g`` (cohorts weighted by size) and overall the
        mean over ``e >= 0``; ``"group"`` the mean post-treatment effect of
        each cohort and overall their size-weighted mean; ``"calendar"`` the
        effect in each period from the first cohort's start and overall
        their mean. Standard errors include the estimation of the cohort
        shares. Bands over the rows of "dynamic" and "calendar" are
        simultaneous (multiplier bootstrap of the supremum t). Cells that are
        not identified are left out and the weights renormalised.

        The randomisation p-value (`ri_p_value`) of the overall effect
        reassigns the first-treated periods across units, keeping cohort
        sizes: every distinct assignment when there are at most
        `n_permutations` (exact), otherwise `n_permutations` random ones;
        assignments under which the effect is not identified are dropped and
        counted. Use it with few treated councils, where the standard errors
        are unreliable. With `permute_among`, only those units' first-treated
        periods are reassigned, among themselves (when they are treated, not
        whether): for a group of units chosen otherwise than by treatment (a
        status), compared with units whose panels end at their own treatment,
        reassigning across all units would make treated the units with
        truncated panels and comparisons the group's full ones, a null
        distribution the observed assignment does not come from.

        Parameters
        ----------
        kind : {"simple", "dynamic", "group", "calendar"}
        alpha, n_bootstrap, seed : optional
            Override the values given to :func:`staggered_did`.
        n_permutations : int
            Assignments for randomisation inference (0 to skip).
        min_e, max_e : float, optional
            Event-time window ("dynamic"; `max_e` also limits "simple" and
            "group").
        min_comparison : int
            Cells compared with fewer units than this are left out, in the
            observed effect and in each reassignment. A cell with one
            comparison unit has no standard error of its own, and the
            aggregate's leaves out that unit's variance: 2 keeps such cells
            from making a narrow interval of one unit's noise.
        permute_among : collection, optional
            Units (labels of the `unit` column) whose first-treated periods
            the randomisation reassigns among themselves; the others keep
            theirs. Default: all units.

        Returns
        -------
        AggregateResults

        Raises
        ------
        ValueError
            For an unknown `kind` or bad arguments.

        Examples
        --------
        See :func:`staggered_did`.
        """
        _check_choice("kind", kind, KINDS)
        _check_count("n_permutations", n_permutations, minimum=0)
        _check_count("min_comparison", min_comparison, minimum=1)
        alpha = self.alpha if alpha is None else alpha
        _check_probability("alpha", alpha)
        n_bootstrap = self.n_bootstrap if n_bootstrap is None else n_bootstrap
        _check_count("n_bootstrap", n_bootstrap, minimum=0)
        rng = np.random.default_rng(self._seed if seed is None else seed)
        design, inf = self._design, self._influence
        cells = design.cells
        est = self.att_gt["estimate"].to_numpy(dtype="float64").copy()
        est[self.att_gt["n_control"].to_numpy() < min_comparison] = np.nan
        targets, overall_w, overall_estimated, label = _targets(design, cells, kind, min_e, max_e)
        psi, theta, psi_overall, overall = _aggregate_influence(design, cells, est, inf, targets, overall_w,
                                                                overall_estimated)
        n = len(design.g)
        notes = self._aggregate_warnings(targets, theta, kind)
        # a cell whose cohort has one unit observed has no treated variation in its influence (a mean of one unit
        # deviates from itself by 0): that unit's variance is borrowed from the comparison units (see _lone_variance);
        # the degrees of freedom are Welch-Satterthwaite's over the cohorts' parts (see _variance_df)
        n_treated = self.att_gt["n_treated"].to_numpy()
        coefficients, overall_coefficients = _cell_coefficients(est, targets, overall_w, theta)
        parts = [_variance_df(design, psi[:, j], design.g, _lone_variance(design, coefficients[:, j], n_treated,
                                                                          design.g))
                 for j in range(len(targets))]
        se = np.sqrt(np.array([v for v, _ in parts], dtype="float64").reshape(len(targets)))
        df = np.array([d for _, d in parts], dtype="float64").reshape(len(targets))
        se[~np.isfinite(theta)] = np.nan
        se[np.isfinite(se) & (se < 1e-14 * (1 + np.abs(np.nan_to_num(theta))))] = np.nan  # reference period: no se
        df[~np.isfinite(se)] = np.nan
        se_overall, df_overall = np.nan, np.nan
        if np.isfinite(overall):
            variance, df_overall = _variance_df(design, psi_overall, design.g,
                                                _lone_variance(design, overall_coefficients, n_treated, design.g))
            se_overall = float(np.sqrt(variance))
        crit = np.nan
        if kind in ("dynamic", "calendar"):
            with one_blas_thread():
                crit = _sup_t_critical(psi, se, design.cluster, n, alpha, n_bootstrap, rng)
        table = None
        if label is not None:
            crit_rows = crit if kind in ("dynamic", "calendar") else stats.t.ppf(1 - alpha / 2, df)
            table = _inference_table(theta, se, alpha, crit_rows, df)
            levels = [tg.label for tg in targets]
            table.insert(0, label, _as_int(np.asarray(levels, dtype="float64")))
            table["n_cells"] = [int(np.isfinite(est[tg.cells]).sum()) for tg in targets]
        overall_row = _inference_columns(np.array([overall]), np.array([se_overall]), alpha, np.nan, df_overall)
        del overall_row["cband_low"], overall_row["cband_high"]
        ri_p, used, dropped, exact, distinct = np.nan, 0, 0, False, 0
        if n_permutations:
            among = (np.ones(len(design.g), dtype=bool) if permute_among is None
                     else np.isin(design.units, np.asarray(list(permute_among), dtype=object)))
            if not among.any():
                raise ValueError("`permute_among` must name units of the panel, but none of the "
                                 f"{len(permute_among)} passed is among its {len(design.units)} units.")
            perm, exact = assignments(design.g[among], n_permutations, rng)
            distinct = n_assignments(design.g[among])
            full = np.repeat(design.g[None, :], len(perm), axis=0)
            full[:, among] = perm
            perm = full
            with one_blas_thread():
                permuted = np.concatenate([
                    _combine(_compared_cells(design, block, min_comparison), targets, overall_w)[1]
                    for block in np.array_split(perm, max(1, len(perm) // 500))
                ])
            ri_p, used, dropped = ri_pvalue(overall, permuted, exact)
            if dropped:
                notes.append(f"randomisation inference: {dropped} of {len(perm)} assignments left no identified "
                             "effect and were dropped")
        overall_row = pd.DataFrame({
            **overall_row, "ri_p_value": np.array([ri_p], dtype="float64"), "n_permutations": np.array([used]),
            "n_permutations_dropped": np.array([dropped]), "ri_exact": np.array([exact], dtype=bool),
            "n_assignments": np.array([float(distinct) if distinct < 10**18 else np.inf])})  # a float: C(150, 75) > 2**63
        return AggregateResults(kind=kind, overall=overall_row, table=table, critical_value=crit, alpha=alpha,
                                n_bootstrap=n_bootstrap, notes=notes)

    def _aggregate_warnings(self, targets, theta, kind) -> list[str]:
        notes = []
        lone = self.cohorts["group"].to_numpy()[self.cohorts["n_units"].to_numpy() < 2].tolist()
        if lone:
            warnings.warn(f"{_counted(len(lone), 'cohort')} {_verb(len(lone), 'has', 'have')} a single unit, "
                          f"{lone[:8]}: aggregated standard errors borrow that unit's own variance from the comparison "
                          "units (as if its changes varied as theirs do); `ri_p_value` does not rest on that.",
                          SmallSampleWarning, stacklevel=user_level())
            notes.append(f"cohorts with one unit: {lone}")
        missing = [tg.label for tg, th in zip(targets, theta) if not np.isfinite(th) and len(tg.cells)]
        if missing:
            warnings.warn(f"The {kind} aggregation has {_counted(len(missing), 'row')} with no identified cell, "
                          f"left missing (NaN): {missing[:8]}.", NotIdentifiedWarning, stacklevel=user_level())
        if not np.isfinite(theta).any():
            warnings.warn(f"No identified post-treatment cell: the {kind} effect is not identified (NaN).",
                          NotIdentifiedWarning, stacklevel=user_level())
        return notes

    def summary(self) -> SummaryText:
        """Text / HTML summary (returned, never printed)."""
        header = [("Method", "staggered difference-in-differences (Callaway and Sant'Anna 2021)"),
                  ("Outcome", self.outcome), ("Comparison units", self.control.replace("_", " ")),
                  ("Base period", self.base_period), ("Anticipation", str(self.anticipation)),
                  ("Units / observations", f"{self.n_units} / {self.n_obs}"),
                  ("Never-treated units", str(self.n_never_treated)),
                  ("Standard errors", "influence function, clustered; t reference (Welch-Satterthwaite df)"),
                  ("Confidence level", f"{1 - self.alpha:.0%}"),
                  ("Simultaneous band multiplier", f"{self.critical_value:.4g}"),
                  *[("Note", n) for n in self.notes]]
        return SummaryText("STAGGERED DIFFERENCE-IN-DIFFERENCES", header,
                           [("Cohorts", self.cohorts.set_index("group")),
                            ("Group-time effects ATT(g, t)", self.att_gt.set_index(["group", "time"]))])


def _as_int(values: np.ndarray):
    return values.astype("int64") if np.all(np.isfinite(values)) and np.all(values == np.round(values)) else values

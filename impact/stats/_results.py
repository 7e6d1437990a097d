"""Results objects of the statistical models (labelled pandas properties, no printing)."""

from __future__ import annotations

import html
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import stats

__all__ = ["ModelResults", "DiDResults", "SummaryText"]


class SummaryText:
    """A summary that shows itself as text (``str``) or HTML (in notebooks).

    Like linearmodels' ``_SummaryStr``: nothing is printed; ``str(summary)``
    gives the text and Jupyter calls ``_repr_html_``.
    """

    def __init__(self, title: str, header: list[tuple[str, str]], tables: list[tuple[str, pd.DataFrame]]):
        self.title = title
        self.header = header
        self.tables = tables

    def __str__(self) -> str:
        width = max(len(self.title), 60)
        lines = [self.title.center(width), "=" * width]
        lines += [f"{k + ':':<26}{v}" for k, v in self.header]
        for name, table in self.tables:
            lines += ["", name, "-" * width, table.to_string(float_format=lambda x: f"{x:.4g}")]
        return "\n".join(lines)

    def __repr__(self) -> str:
        return self.__str__()

    def _repr_html_(self) -> str:
        head = "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(str(v))}</td></tr>" for k, v in self.header)
        parts = [f"<h4>{html.escape(self.title)}</h4>", f"<table>{head}</table>"]
        for name, table in self.tables:
            parts += [f"<h5>{html.escape(name)}</h5>", table.to_html(float_format=lambda x: f"{x:.4g}")]
        return "\n".join(parts)


def _param_table(
    estimate: pd.Series, se: pd.Series, *, df: float | np.ndarray | None, alpha: float
) -> pd.DataFrame:
    """estimate, se, statistic, df, p_value, ci_low, ci_high with t(df) or normal reference.

    `df` is one number for every term, an array with one per term (``inf``
    meaning normal; NaN or a non-positive value meaning not identified: no
    p-value or interval), or None (normal).
    """
    estimate = estimate.astype("float64")
    index = estimate.index.rename("term")  # a new Index: the caller's (a fit's `params`) keeps its name
    est = estimate.to_numpy()
    se = se.reindex(estimate.index).to_numpy(dtype="float64")
    with np.errstate(divide="ignore", invalid="ignore"):
        statistic = est / se
    df_col = np.full(len(est), np.inf) if df is None else np.broadcast_to(
        np.asarray(df, dtype="float64"), (len(est),)).copy()
    finite = np.isfinite(df_col) & (df_col > 0)
    normal = np.isposinf(df_col)
    safe = np.where(finite, df_col, 1.0)
    crit = np.where(finite, stats.t.ppf(1 - alpha / 2, safe), np.where(normal, stats.norm.ppf(1 - alpha / 2), np.nan))
    tail = np.where(finite, stats.t.sf(np.abs(statistic), safe), np.where(normal, stats.norm.sf(np.abs(statistic)),
                                                                         np.nan))
    # built from arrays on one index: a frame of Series aligned them (a union of their indexes) at 5 ms a table
    return pd.DataFrame({"estimate": est, "se": se, "statistic": statistic, "df": df_col, "p_value": 2 * tail,
                         "ci_low": est - crit * se, "ci_high": est + crit * se}, index=index)


def _kish(w: np.ndarray) -> float:
    """Kish's effective sample size of weights ``w``: ``(sum w)^2 / sum w^2`` (``len(w)`` when they are equal)."""
    return float(w.sum() ** 2 / np.square(w).sum()) if len(w) else float("nan")


def _reference(df: pd.Series) -> str:
    """'t(16)', 'normal', 'not identified', or 't, df by term (6.1 to 435)' where the terms' df differ."""
    values = df.to_numpy(dtype="float64")
    known = values[~np.isnan(values)]
    if not len(known):
        return "not identified" if len(values) else "normal"
    if np.isinf(known).all():
        return "normal"
    if np.ptp(known) <= 1e-9 * np.abs(known).max():
        return f"t({known[0]:.4g})"
    return f"t, df by term ({known.min():.4g} to {known.max():.4g})"


@dataclass
class ModelResults:
    """Fitted longitudinal model.

    Attributes
    ----------
    params : pandas.DataFrame
        Indexed by term: `estimate`, `se`, `statistic` (t or z), `df`
        (``inf`` for a normal reference), `p_value`, `ci_low`, `ci_high`;
        binary models add `few_events` (the term rests on fewer than 5
        events or non-events on one side).
    variance_components : pandas.DataFrame or None
        Random-effect SDs and correlations (mixed models) or the working
        correlation (GEE), indexed by component, column `estimate`.
    n_obs, n_units : int
        Observations (rows) and units (clusters) used: units that contribute
        at least one row. A weighted fit counts its rows here, not the sum
        of its weights.
    weights : pandas.Series or None
        The observation weights of a weighted fit (``missing="ipw"``: the
        inverse-probability-of-response weights), indexed by the caller's
        rows that were fitted; None for an unweighted fit.
    n_effective : float
        Kish's effective sample size of the fit's weights, ``(sum w)^2 / sum
        w^2``: `n_obs` for an unweighted fit, fewer for a weighted one (how
        many equally weighted rows would give an estimate as precise), NaN
        for multiple imputation (which has no one set of weights; its
        `params` give the fraction of missing information).
    imputations : list of pandas.DataFrame or None
        Multiple imputation (``missing="mice"``): the completed data sets the
        model was fitted to, one per imputation in the order pooled (every
        subject-wave of the grid, missing outcomes imputed, observed ones as
        given), so that each fit and Rubin's rules can be recomputed from
        them; None otherwise.
    missing : str
        How missing waves were handled: "complete", "ipw" or "mice".
    n_dropped : int
        Rows left out because a variable of the model was missing.
    method, family, cov_type, formula : str
        What was fitted and how its standard errors were computed.
    fit_result : object
        The underlying statsmodels results, for anything not exposed here.
    cov : pandas.DataFrame or None
        The covariance matrix of the estimates, by term, whose diagonal gave
        `se` (a GEE's bias-reduced or robust sandwich), so that a linear
        combination of the terms can be read from the same fit; None where
        the fit has none such (mixed, Firth's, ordinal and imputed fits).
    """

    params: pd.DataFrame
    n_obs: int
    n_units: int
    method: str
    family: str
    cov_type: str
    formula: str
    alpha: float = 0.05
    variance_components: pd.DataFrame | None = None
    fit_result: object = field(default=None, repr=False)
    notes: list[str] = field(default_factory=list)
    missing: str = "complete"
    n_dropped: int = 0
    weights: pd.Series | None = field(default=None, repr=False)
    imputations: list[pd.DataFrame] | None = field(default=None, repr=False)
    cov: pd.DataFrame | None = field(default=None, repr=False)

    @property
    def n_effective(self) -> float:
        """Kish's effective n, ``(sum w)^2 / sum w^2`` (Kish 1965, section 11.7): `n_obs` unweighted, NaN for MICE."""
        if self.weights is not None:
            return _kish(self.weights.to_numpy(dtype="float64"))
        return float("nan") if self.missing == "mice" else float(self.n_obs)

    def conf_int(self) -> pd.DataFrame:
        """Confidence limits (`ci_low`, `ci_high`) by term."""
        return self.params[["ci_low", "ci_high"]].copy()

    def _header(self) -> list[tuple[str, str]]:
        return [
            ("Method", self.method),
            ("Family", self.family),
            ("Formula", self.formula),
            ("Observations", str(self.n_obs)),
            *([("Effective n (Kish)", f"{self.n_effective:.1f} (weights summing to {self.weights.sum():.1f})")]
              if self.weights is not None else []),
            ("Units", str(self.n_units)),
            ("Missing waves", {"complete": "complete cases", "ipw": "inverse-probability-of-response weights",
                               "mice": "multiple imputation"}.get(self.missing, self.missing)),
            ("Standard errors", self.cov_type),
            ("Reference distribution", _reference(self.params["df"])),
            ("Confidence level", f"{1 - self.alpha:.0%}"),
            *[("Note", n) for n in self.notes],
        ]

    def _tables(self) -> list[tuple[str, pd.DataFrame]]:
        tables = [("Parameters", self.params)]
        if self.variance_components is not None:
            tables.append(("Variance components", self.variance_components))
        return tables

    def summary(self) -> SummaryText:
        """Text / HTML summary (returned, never printed)."""
        return SummaryText(f"{self.method.upper()} results", self._header(), self._tables())


@dataclass
class DiDResults(ModelResults):
    """Difference-in-differences results.

    Adds `event_study` (one row per event time, reference period -1 omitted:
    `event_time`, `estimate`, `se`, `statistic`, `df`, `p_value`, `ci_low`,
    `ci_high`, `n` treated units observed at that event time), `ri_p_value`
    (randomisation-inference p of the average effect), `n_permutations`
    (asked for), `ri_n_used` (assignments used), `ri_n_dropped` (assignments
    under which the effect was not identified, left out), `ri_exact` (every
    distinct assignment enumerated), `n_treated` and `n_control` units.
    """

    event_study: pd.DataFrame | None = None
    ri_p_value: float = np.nan
    n_permutations: int = 0
    n_treated: int = 0
    n_control: int = 0
    ri_n_used: int = 0
    ri_n_dropped: int = 0
    ri_exact: bool = False

    def _header(self) -> list[tuple[str, str]]:
        return [
            *super()._header(),
            ("Treated / control units", f"{self.n_treated} / {self.n_control}"),
            ("Randomisation p", f"{self.ri_p_value:.4g} ({self._ri_text()})"),
        ]

    def _ri_text(self) -> str:
        if not self.n_permutations:
            return "not computed"
        text = f"all {self.ri_n_used} assignments" if self.ri_exact else f"{self.ri_n_used} random assignments"
        return text + (f"; {self.ri_n_dropped} unidentified dropped" if self.ri_n_dropped else "")

    def _tables(self) -> list[tuple[str, pd.DataFrame]]:
        tables = super()._tables()
        if self.event_study is not None:
            tables.append(("Event study (reference: event time -1)", self.event_study.set_index("event_time")))
        return tables

"""Intercoder agreement: percent agreement, Cohen's and Fleiss' kappa, Gwet's AC1, Krippendorff's alpha.

Tidy in, tidy out.  Every function takes *long* data, one row per unit x
coder, with a ``unit`` column (what was coded: a segment, a sentence, an
interview), a ``coder`` column (a person or a machine coder: a machine is just
another coder) and a ``value`` column (the category, or a number for
Krippendorff's ordinal, interval and ratio levels).  A missing value (``NaN``
or ``None``), or no row at all for a unit x coder, means that coder did not
code that unit.

Scalar helpers (:func:`percent_agreement`, :func:`cohen_kappa`,
:func:`fleiss_kappa`, :func:`gwet_ac1`, :func:`krippendorff_alpha`) return an
:class:`AgreementResult`; :func:`agreement_table` returns one row per group x
metric (optionally per coder pair).  :func:`coding_to_units` turns coded output
from several coders into the long per-code binary format (code present = 1,
absent = 0) and :func:`character_agreement` measures agreement on coded
character spans.

Standard errors
---------------
* Cohen's kappa: the large-sample standard error of Fleiss, Cohen & Everitt
  (1969) (``se``, used for the normal-theory confidence interval) and the
  standard error under H0: kappa = 0 (``se_h0``), computed by
  :func:`statsmodels.stats.inter_rater.cohens_kappa`.
* Fleiss' kappa, Gwet's AC1 and percent agreement: the variance due to the
  sampling of units of Gwet (2008, 2014), which allows missing ratings; the
  confidence interval uses Student's t with n - 1 degrees of freedom, as
  Gwet's irrCAC.  Fleiss' kappa also reports the standard error under H0 of
  Fleiss, Nee & Landis (1979) in ``se_h0`` when every unit has the same number
  of coders.
* Krippendorff's alpha: a *unit-resampling* bootstrap (units drawn with
  replacement, alpha recomputed on each replicate from the resampled
  coincidence matrix; ``se`` is the standard deviation of the replicates and
  the interval their percentiles).  It is *not* Krippendorff's own bootstrap
  (Hayes & Krippendorff 2007, which resamples pairable values under a model
  of the observed disagreement); the unit bootstrap respects the clustering
  of values within units.  Seeded, so results are reproducible.

All intervals are clipped to the range of the coefficient: [0, 1] for percent
agreement, [-1, 1] for the others.  How each result's interval was made is in
its ``interval`` field (one of :data:`INTERVALS`), for a program to read; its
``method`` says the same in words.  Where the coders agree on every unit, each
of these standard errors is 0 by construction (every unit, and every
resample of units, agrees perfectly), so the interval "1 to 1" would read as a
coefficient measured exactly: none is given (``interval`` is
``"none_perfect"``), as none is where every unit was coded alike (every pair
of coders disagreeing in the same way, or a single unit: ``"none_one_pattern"``)
and where one coder of Cohen's kappa keeps to one category
(``"none_one_category"``, the coder named in ``interval_coder``).

References
----------
Cohen, J. (1960). A coefficient of agreement for nominal scales. *Educational
and Psychological Measurement*, 20, 37-46.
Fleiss, J. L., Cohen, J., & Everitt, B. S. (1969). Large sample standard errors
of kappa and weighted kappa. *Psychological Bulletin*, 72, 323-327.
Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters.
*Psychological Bulletin*, 76, 378-382.
Fleiss, J. L., Nee, J. C. M., & Landis, J. R. (1979). Large sample variance of
kappa in the case of different sets of raters. *Psychological Bulletin*, 86,
974-977.
Gwet, K. L. (2008). Computing inter-rater reliability and its variance in the
presence of high agreement. *British Journal of Mathematical and Statistical
Psychology*, 61, 29-48.
Gwet, K. L. (2014). *Handbook of Inter-Rater Reliability* (4th ed.).
Advanced Analytics.
Hayes, A. F., & Krippendorff, K. (2007). Answering the call for a standard
reliability measure for coding data. *Communication Methods and Measures*, 1,
77-89.
Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability.
Annenberg School for Communication Departmental Papers 43.
"""

from __future__ import annotations

import functools
import itertools
import math
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Literal

import numpy as np
import pandas as pd

from ._frames import as_text, key_strings, lacking_hint, unclear_columns
from ._made import made_hint
from ._words import _counted, _named, _verb
from .errors import InputError, Problem, StatisticalWarning, ValidationError, user_level

__all__ = [
    "AgreementResult",
    "INTERVALS",
    "METRICS",
    "percent_agreement",
    "cohen_kappa",
    "fleiss_kappa",
    "gwet_ac1",
    "krippendorff_alpha",
    "agreement_table",
    "coding_to_units",
    "character_agreement",
]

Level = Literal["nominal", "ordinal", "interval", "ratio"]
Metric = Literal["percent_agreement", "cohen_kappa", "fleiss_kappa", "gwet_ac1", "krippendorff_alpha"]

#: Metrics known to :func:`agreement_table`, in their default order.
METRICS: tuple[str, ...] = ("percent_agreement", "cohen_kappa", "fleiss_kappa", "gwet_ac1", "krippendorff_alpha")
_LEVELS = ("nominal", "ordinal", "interval", "ratio")
#: How a result's interval was made (:attr:`AgreementResult.interval`): a method, or why there is none.
INTERVALS: dict[str, str] = {
    "normal": "normal-theory interval from the large-sample standard error of Fleiss, Cohen & Everitt (1969)",
    "t": "Student's t interval (n - 1 df) from Gwet's (2014) unit-sampling standard error",
    "bootstrap": "percentile interval of a unit-resampling bootstrap",
    "none_perfect": "none: the coders agree on every unit, so the standard error is 0 and measures no precision",
    "none_one_pattern": ("none: every unit was coded alike (the same values, as often), so every resample of units "
                         "gives the same coefficient and the standard error is 0, which measures no precision"),
    "none_one_category": ("none: one coder (``interval_coder``) used one category only, so Cohen's kappa is 0 "
                          "whatever the other coded and its standard error measures no precision"),
    "none_weighted": "none: weighted units (characters) are not independent",
    "none_undefined": "none: the coefficient is undefined",
    "none_too_few": "none: too few units (or no bootstrap replicates) for a standard error",
}
#: A person's coding that names fewer than this share of the interviews compared (with ``uncoded="absent"``) is told
#: in a StatisticalWarning: the rest count as read and found to hold no code (:func:`coding_to_units`).
PARTIAL_CODING_SHARE = 0.5
#: Largest unit x coder x code grid :func:`coding_to_units` builds (about 1 GB at the widest).
_MAX_GRID_CELLS = 60_000_000


@dataclass(frozen=True)
class AgreementResult:
    """One agreement coefficient with its uncertainty.

    Attributes
    ----------
    metric : str
        Name of the coefficient, such as ``"cohen_kappa"``.
    value : float
        The coefficient (``nan`` where it is undefined, such as when every
        value is the same).
    se : float
        Standard error (see the module notes for the method of each metric;
        ``nan`` where units are weighted, as characters are, because they are
        not independent).
    ci_low, ci_high : float
        Confidence interval, clipped to the range of the coefficient ([0, 1] for percent agreement, else [-1, 1]).
    n_units : int
        Units with at least one value (for :func:`character_agreement`, the
        number of characters).
    n_coders : int
        Coders with at least one value.
    se_h0 : float
        Standard error under the null hypothesis of chance agreement
        (Cohen's kappa; Fleiss' kappa with complete data), else ``nan``.
    method : str
        How ``se`` and the interval were obtained, in words.
    interval : str
        How the interval was made, or why there is none: a key of
        :data:`INTERVALS` (``""`` for a result made by hand).
    interval_coder : str
        The coder the interval's absence is due to, where one is
        (``interval == "none_one_category"``: the coder who kept to one
        category, as text); else ``""``.

    Examples
    --------
    >>> import pandas as pd, impact
    >>> data = pd.DataFrame({"unit": [1, 1, 2, 2, 3, 3, 4, 4], "coder": ["ann", "bo"] * 4,
    ...                      "value": ["yes", "yes", "no", "no", "yes", "no", "no", "no"]})
    >>> result = impact.percent_agreement(data)
    >>> result.metric, result.value, result.n_units
    ('percent_agreement', 0.75, 4)
    """

    metric: str
    value: float
    se: float
    ci_low: float
    ci_high: float
    n_units: int
    n_coders: int
    se_h0: float = math.nan
    method: str = ""
    interval: str = ""
    interval_coder: str = ""

    def to_dict(self) -> dict:
        """The result as a plain dict (one row of :func:`agreement_table`).

        Returns
        -------
        dict

        Examples
        --------
        >>> import pandas as pd, impact
        >>> data = pd.DataFrame({"unit": [1, 1, 2, 2, 3, 3, 4, 4], "coder": ["ann", "bo"] * 4,
        ...                      "value": ["yes", "yes", "no", "no", "yes", "no", "no", "no"]})
        >>> row = impact.cohen_kappa(data).to_dict()
        >>> row["metric"], row["value"]
        ('cohen_kappa', 0.5)
        """
        return asdict(self)


# ----------------------------------------------------------------------------
# Validation and reshaping
# ----------------------------------------------------------------------------


def _check_option(name: str, value: object, allowed: Sequence[str]) -> None:
    if value not in allowed:
        from .schema import did_you_mean

        hint = did_you_mean(value, allowed, words=True) if isinstance(value, str) else ""
        raise ValueError(f"The value for `{name}` must be one of {list(allowed)}, but {value!r} was passed{hint}.")


def _check_settings(*, confidence: object = 0.95, n_boot: object = 0, seed: object = None) -> None:
    """Refuse a ``confidence`` outside (0, 1) (2 gave NaN intervals, 0 intervals of no width, without a word), an
    ``n_boot`` that is no count of replicates (-1 was read as none), or a seed numpy cannot take."""
    from .stats._checks import _check_count, _check_probability, _check_seed

    _check_probability("confidence", confidence)
    _check_count("n_boot", n_boot, minimum=0)
    _check_seed(seed)


def _metric_list(metrics: object) -> list[str]:
    """``metrics`` as a list of distinct known metrics: one name alone is that metric (its letters were read as
    metrics), a metric named twice was computed twice, and none gave an empty table."""
    from ._joins import names

    out = names(metrics, "metrics")
    for m in out:
        _check_option("metrics", m, METRICS)
    if not out:
        raise ValueError(f"The value for `metrics` must name at least one of {list(METRICS)}, but none was passed.")
    twice = sorted({m for m in out if out.count(m) > 1})
    if twice:
        raise ValueError(f"The value for `metrics` names {twice} more than once: each metric is one row per group.")
    return out


def _check_columns(data: pd.DataFrame, columns: Iterable[str], *, what: str = "data", wanted: str = "units") -> None:
    """Refuse ``data`` (the argument ``what``) that is no DataFrame or lacks one of ``columns``; where it is another
    of impact's tables than the ``wanted`` one, say which and the call that makes the one wanted (:func:`made_hint`)."""
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"`{what}` must be a pandas DataFrame, but {type(data).__name__} was passed"
                        f"{made_hint(data, wanted)}.")
    columns = list(columns)
    if (problem := unclear_columns(data, what, {"": columns})) is not None:  # failed inside pandas
        raise ValueError(problem)
    missing = [c for c in columns if c not in data.columns]
    if missing:
        in_index = [c for c in missing if c in [n for n in data.index.names if n is not None]]
        hint = (f" ({_named('column', in_index)} in the index: call .reset_index() first)" if in_index
                else made_hint(data, wanted) or lacking_hint(missing, data.columns))
        raise ValueError(f"`{what}` has no {_named('column', missing)}; it has {list(data.columns)}{hint}.")


def _one_kind_of_value(values: pd.Series, units: pd.Series, coders: pd.Series, value: str) -> None:
    """Refuse a value column mixing text and numbers (``"1"`` from one coder's CSV beside ``1`` from another's
    DataFrame): whether ``"1"`` and ``1`` are one category is not known (they were two for Fleiss and Krippendorff,
    a disagreement, and a ``ValueError`` "1 is not in list" for Cohen)."""
    if values.dtype != object:
        return
    is_text = values.map(lambda v: isinstance(v, str)).to_numpy(dtype=bool)
    if is_text.all() or not is_text.any():
        return
    t, n = np.flatnonzero(is_text)[0], np.flatnonzero(~is_text)[0]
    raise ValueError(
        f"The column {value!r} mixes text and numbers: {values.iloc[t]!r} (unit {units.iloc[t]!r}, coder "
        f"{coders.iloc[t]!r}) beside {values.iloc[n]!r} (unit {units.iloc[n]!r}, coder {coders.iloc[n]!r}); whether "
        "they are one category is not known: give every value as text or every value as a number "
        f"(data[{value!r}].astype(str), or pd.to_numeric(data[{value!r}]))."
    )


def _refuse_unkeyed(data: pd.DataFrame, unit: str, coder: str) -> None:
    """Refuse rows with no unit or no coder, every one named, as :func:`coding_to_units` refuses coded rows with none:
    ``pd.factorize`` gave such a row the position -1, and its value was written over the last unit's (or coder's)
    value without a word (Cohen's kappa 1.0 for a pair of coders who disagreed on that unit)."""
    problems = [Problem("data", int(pos) + 2, col, "",
                        f"a {col} for each row (its {_told_apart(data, pos, other)}); fill it in or drop the row")
                for col, other in ((unit, coder), (coder, unit))
                for pos in np.flatnonzero(data[col].isna().to_numpy())]
    if problems:
        raise ValidationError(sorted(problems, key=lambda p: p.row), source="agreement data")


def _told_apart(data: pd.DataFrame, pos: int, other: str) -> str:
    """How a row is told apart in a message: its ``other`` key's value, or that it has none."""
    held = data[other].iloc[pos]
    return f"{other} is {held!r}" if not pd.isna(held) else f"{other} is missing too"


def _wide(data: pd.DataFrame, unit: str, coder: str, value: str) -> pd.DataFrame:
    """Units x coders table of values (NaN = not coded); duplicates and rows without a unit or coder are refused."""
    _check_columns(data, [unit, coder, value])
    _refuse_unkeyed(data, unit, coder)
    dup = data.duplicated([unit, coder], keep="first")
    if dup.any():
        problems = [
            Problem("data", int(pos) + 2, f"{unit}, {coder}", f"{data[unit].iloc[pos]}, {data[coder].iloc[pos]}",
                    "one value per unit and coder (this pair appears more than once)")
            for pos in np.flatnonzero(dup.to_numpy())
        ]
        raise ValidationError(problems, source="agreement data")
    column = data[value]
    keep = column.notna().to_numpy()
    _one_kind_of_value(column[keep], data[unit][keep], data[coder][keep], value)
    kind = column.dtype.kind if isinstance(column.dtype, np.dtype) else None
    # DataFrame.pivot by position (built once per group and code; pivot's index machinery was a tenth of an
    # analysis with a hand check): units and coders sorted, NaN where a coder gave no value, the column's
    # dtype kept where every cell is filled and widened as pivot widens it where some are not
    rows, units = pd.factorize(data[unit][keep], sort=True)
    cols, coders = pd.factorize(data[coder][keep], sort=True)
    shape = (len(units), len(coders))
    full = len(rows) == shape[0] * shape[1]
    if kind is None:  # an extension dtype (nullable numbers, strings): its own missing value, then its dtype
        table = np.full(shape, column.dtype.na_value, dtype=object)
    else:
        dtype = column.dtype if full else (float if kind in ("i", "u", "f") else object)
        table = np.empty(shape, dtype=dtype) if full else np.full(shape, np.nan, dtype=dtype)
    table[rows, cols] = column.to_numpy(dtype=object if kind is None else None)[keep]
    wide = pd.DataFrame(table, index=pd.Index(units, name=unit), columns=pd.Index(coders, name=coder))
    return wide.astype(column.dtype) if kind is None else wide


def _label(value: object) -> object:
    """A unit's label as Python shows it: 8, not np.int64(8)."""
    return value.item() if isinstance(value, np.generic) else value


def _categories(wide: pd.DataFrame, level: str) -> tuple[np.ndarray, np.ndarray]:
    """Category labels (sorted) and the units x categories count matrix."""
    # Row-major over units x coders, as wide.stack() orders them, without a per-value index lookup.
    table = wide.to_numpy(dtype=object)
    filled = pd.notna(table)
    unit_pos = np.nonzero(filled)[0]
    stacked = pd.Series(table[filled])
    if level != "nominal":
        numeric = pd.to_numeric(stacked, errors="coerce")
        bad = np.flatnonzero(numeric.isna().to_numpy())
        if len(bad):
            raise ValueError(
                f"level={level!r} needs numeric values, but {stacked.iloc[bad[0]]!r} (unit "
                f"{_label(wide.index[unit_pos[bad[0]]])!r}) was found; use level='nominal' for categories."
            )
        inf = np.flatnonzero(np.isinf(numeric.to_numpy(dtype=float)))
        if len(inf):  # its distances are inf or NaN: alpha was NaN, said to be "no variation in the values"
            raise ValueError(
                f"level={level!r} needs finite values, but {stacked.iloc[inf[0]]!r} (unit "
                f"{_label(wide.index[unit_pos[inf[0]]])!r}) was found; leave a value blank where it is missing."
            )
        stacked = numeric.astype(float)
    else:
        stacked = stacked.infer_objects()
    codes, cats = pd.factorize(stacked, sort=True)
    counts = np.zeros((len(wide), len(cats)), dtype=float)
    np.add.at(counts, (unit_pos, codes), 1.0)
    return np.asarray(cats), counts


def _prepare(data, unit, coder, value, level="nominal", weight=None, wide=None):
    """Count matrix for the units with at least one value, plus bookkeeping (``wide`` if already pivoted)."""
    _check_option("level", level, _LEVELS)
    wide = _wide(data, unit, coder, value) if wide is None else wide
    cats, counts = _categories(wide, level)
    keep = counts.sum(axis=1) > 0
    w = None
    if weight is not None:
        _check_columns(data, [weight])
        w = data.drop_duplicates(unit).set_index(unit)[weight].reindex(wide.index).to_numpy(dtype=float)[keep]
    n_coders = int(wide.notna().any(axis=0).sum())
    return cats, counts[keep], n_coders, w


def _clip_ci(value: float, half: float, low: float = -1.0) -> tuple[float, float]:
    """``value`` plus and minus ``half``, clipped to the coefficient's range [``low``, 1]."""
    if not np.isfinite(half):
        return math.nan, math.nan
    return float(max(low, value - half)), float(min(1.0, value + half))


def _nan_result(metric: str, n_units: int, n_coders: int, why: str) -> AgreementResult:
    warnings.warn(f"{metric}: {why}; the coefficient is undefined (nan).", StatisticalWarning, stacklevel=user_level())
    return AgreementResult(metric, math.nan, math.nan, math.nan, math.nan, n_units, n_coders, method=why,
                           interval="none_undefined")


def _perfect(counts: np.ndarray) -> bool:
    """Whether every unit with two or more values holds one category only (the coders agree on every unit)."""
    multi = counts.sum(axis=1) >= 2
    return bool(multi.any()) and bool(((counts[multi] > 0).sum(axis=1) == 1).all())


def _one_pattern(counts: np.ndarray) -> bool:
    """Whether every unit holds the same values, as often (every coder pair disagreeing alike, or one unit): the
    unit-sampling variance, and every bootstrap replicate's spread, is then 0 by construction."""
    return len(counts) >= 1 and bool((counts == counts[0]).all())


#: ``method`` of a result whose units were all coded alike (see :data:`INTERVALS`).
_ONE_PATTERN = ("no interval: every unit was coded alike (the same values, as often), so the standard error is 0 and "
                "measures no precision (an interval of no width would read as a coefficient measured exactly)")

#: ``method`` of a result whose coders agree on every unit (see :data:`INTERVALS`).
_PERFECT = ("no interval: the coders agree on every unit, so the standard error is 0 and measures no precision (an "
            "interval of no width would read as a coefficient measured exactly)")


# ----------------------------------------------------------------------------
# Gwet's framework: percent agreement, Fleiss' kappa, AC1 (missing ratings allowed)
# ----------------------------------------------------------------------------


def _gwet(counts: np.ndarray, kind: str, n_coders: int, weights: np.ndarray | None,
          confidence: float) -> AgreementResult:
    metric = {"pa": "percent_agreement", "fleiss": "fleiss_kappa", "ac1": "gwet_ac1"}[kind]
    n, q = counts.shape
    r = counts.sum(axis=1)
    multi = r >= 2
    n2 = int(multi.sum())
    if n2 == 0:
        return _nan_result(metric, n, n_coders, "no unit was coded by two or more coders")
    w = np.ones(n) if weights is None else weights
    pa_i = np.zeros(n)
    pa_i[multi] = (counts[multi] * (counts[multi] - 1)).sum(axis=1) / (r[multi] * (r[multi] - 1))
    pa = float((w[multi] * pa_i[multi]).sum() / w[multi].sum())
    pi = (w[:, None] * counts / r[:, None]).sum(axis=0) / w.sum()
    if kind == "pa":
        pe, pe_i = 0.0, np.zeros(n)
    elif kind == "fleiss":
        pe = float((pi**2).sum())
        pe_i = counts @ pi / r
    else:
        if q < 2:
            return _nan_result(metric, n, n_coders, "only one category was used")
        pe = float((pi * (1 - pi)).sum() / (q - 1))
        pe_i = counts @ (1 - pi) / r / (q - 1)
    if pe >= 1:
        return _nan_result(metric, n, n_coders, "every value is the same category")
    coef = (pa - pe) / (1 - pe)
    se = half = math.nan
    method, interval = (("weighted units: no standard error", "none_weighted") if weights is not None else
                        ("one unit: no standard error", "none_too_few"))
    if weights is None and n >= 2:
        # Gwet (2014), ch. 5: linearised variance due to the sampling of units.
        coef_i = (n / n2) * (pa_i - pe * multi) / (1 - pe)
        coef_i_star = coef_i - 2 * (1 - coef) * (pe_i - pe) / (1 - pe)
        var = ((coef_i_star - coef) ** 2).sum() / (n * (n - 1))
        se = math.sqrt(var)
        from scipy import stats  # imported here: scipy.stats takes about 1.5 s to import

        half = se * stats.t.ppf(0.5 + confidence / 2, n - 1)
        method, interval = "Gwet (2014) unit-sampling variance; t interval with n - 1 df", "t"
        # Where every unit agrees, or every unit was coded alike, the variance is 0 by construction, and an interval
        # of no width would read as a coefficient measured exactly. Not so where some units have one rating: Gwet's
        # variance then carries which units were coded twice (one coder rating 10 units and the other 1, in
        # agreement, gives a standard error of 1), and the t interval says how little is known.
        if se <= 1e-12 and _perfect(counts):
            half, method, interval = math.nan, _PERFECT, "none_perfect"
        elif se <= 1e-12 and _one_pattern(counts):
            half, method, interval = math.nan, _ONE_PATTERN, "none_one_pattern"
    se_h0 = math.nan
    if kind == "fleiss" and weights is None and np.all(r == r[0]) and r[0] >= 2:
        m = r[0]
        pq = pi * (1 - pi)
        s = pq.sum()
        # Fleiss, Nee & Landis (1979), eq. for the variance under H0 (equal raters).
        se_h0 = float(np.sqrt(2.0 / (n * m * (m - 1))) * math.sqrt(max(s**2 - (pq * (1 - 2 * pi)).sum(), 0.0)) / s)
    lo, hi = _clip_ci(coef, half, 0.0 if kind == "pa" else -1.0)  # a share of agreeing pairs is never below 0
    return AgreementResult(metric, float(coef), se, lo, hi, n, n_coders, se_h0, method, interval)


def percent_agreement(data: pd.DataFrame, *, unit: str = "unit", coder: str = "coder", value: str = "value",
                      confidence: float = 0.95) -> AgreementResult:
    """Proportion of agreeing coder pairs, averaged over units.

    For two coders this is the share of units (coded by both) on which they
    agree; with more coders, each unit contributes the share of its pairs of
    values that agree (Fleiss 1971), over units with two or more values.

    Parameters
    ----------
    data : DataFrame
        Long data, one row per unit x coder.
    unit, coder, value : str
        Column names.
    confidence : float
        Level of the confidence interval.

    Returns
    -------
    AgreementResult

    Raises
    ------
    ValidationError
        If a unit x coder pair appears more than once.

    References
    ----------
    Gwet, K. L. (2014). *Handbook of Inter-Rater Reliability* (4th ed.), ch. 2.

    Examples
    --------
    >>> import pandas as pd
    >>> d = pd.DataFrame({"unit": [1, 1, 2, 2, 3, 3, 4, 4], "coder": list("abababab"),
    ...                   "value": [1, 1, 0, 0, 1, 0, 0, 0]})
    >>> percent_agreement(d).value
    0.75
    """
    _check_settings(confidence=confidence)
    cats, counts, n_coders, _ = _prepare(data, unit, coder, value)
    return _gwet(counts, "pa", n_coders, None, confidence)


def fleiss_kappa(data: pd.DataFrame, *, unit: str = "unit", coder: str = "coder", value: str = "value",
                 confidence: float = 0.95) -> AgreementResult:
    """Fleiss' kappa for any number of coders (missing ratings allowed).

    Chance agreement is the sum of squared overall category proportions
    (Fleiss 1971).  With missing ratings, proportions are averaged per unit as
    in Gwet (2014).

    Parameters
    ----------
    data : DataFrame
        Long data, one row per unit x coder.
    unit, coder, value : str
        Column names.
    confidence : float
        Level of the confidence interval.

    Returns
    -------
    AgreementResult
        ``se`` is Gwet's unit-sampling standard error; ``se_h0`` the standard
        error under H0 of Fleiss, Nee & Landis (1979) where every unit has the
        same number of coders.

    References
    ----------
    Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters.
    *Psychological Bulletin*, 76, 378-382.

    Examples
    --------
    >>> import pandas as pd
    >>> d = pd.DataFrame({"unit": [1, 1, 1, 2, 2, 2, 3, 3, 3], "coder": list("abcabcabc"),
    ...                   "value": ["x", "x", "x", "y", "y", "x", "y", "y", "y"]})
    >>> round(fleiss_kappa(d).value, 4)
    0.55
    """
    _check_settings(confidence=confidence)
    cats, counts, n_coders, _ = _prepare(data, unit, coder, value)
    return _gwet(counts, "fleiss", n_coders, None, confidence)


def gwet_ac1(data: pd.DataFrame, *, unit: str = "unit", coder: str = "coder", value: str = "value",
             confidence: float = 0.95) -> AgreementResult:
    """Gwet's AC1, a chance-corrected agreement robust to skewed categories.

    Chance agreement is ``sum(pi_k (1 - pi_k)) / (q - 1)`` over the ``q``
    categories used, so AC1 stays high when coders agree that a code is
    rarely present (where kappa can collapse: the "kappa paradox").

    Parameters
    ----------
    data : DataFrame
        Long data, one row per unit x coder.
    unit, coder, value : str
        Column names.
    confidence : float
        Level of the confidence interval.

    Returns
    -------
    AgreementResult

    References
    ----------
    Gwet, K. L. (2008). Computing inter-rater reliability and its variance in
    the presence of high agreement. *British Journal of Mathematical and
    Statistical Psychology*, 61, 29-48.

    Examples
    --------
    >>> import pandas as pd
    >>> d = pd.DataFrame({"unit": [1, 1, 2, 2, 3, 3, 4, 4], "coder": list("abababab"),
    ...                   "value": [1, 1, 0, 0, 1, 0, 0, 0]})
    >>> round(gwet_ac1(d).value, 4)
    0.5294
    """
    _check_settings(confidence=confidence)
    cats, counts, n_coders, _ = _prepare(data, unit, coder, value)
    return _gwet(counts, "ac1", n_coders, None, confidence)


# ----------------------------------------------------------------------------
# Cohen's kappa (two coders)
# ----------------------------------------------------------------------------


def _cohen_from_table(table: np.ndarray, n_units: int, n_coders: int, weighted: bool,
                      confidence: float, coders: Sequence = ("first", "second")) -> AgreementResult:
    total = table.sum()
    p = table / total
    pe = float(p.sum(axis=1) @ p.sum(axis=0))
    if pe >= 1 - 1e-12:
        return _nan_result("cohen_kappa", n_units, n_coders, "both coders used one and the same category throughout")
    if weighted or table.shape[0] < 2:
        po = float(np.trace(p))
        kappa = (po - pe) / (1 - pe)
        return AgreementResult("cohen_kappa", kappa, math.nan, math.nan, math.nan, n_units, n_coders,
                               method="weighted units: no standard error", interval="none_weighted")
    used = [int((table.sum(axis=k) > 0).sum()) for k in (1, 0)]  # categories each coder used
    if min(used) == 1:
        # One coder kept to one category: kappa is 0 whatever the other coded (observed agreement equals chance's),
        # and the large-sample variance is 0 (or a rounding error of either sign), which gave the interval
        # "0.00 to 0.00" as if kappa were measured exactly. The data say nothing of how well the two would agree on
        # units of the other category, so no standard error or interval is given, and ``method`` says why.
        who = coders[0] if used[0] == 1 else coders[1]
        return AgreementResult("cohen_kappa", 0.0, math.nan, math.nan, math.nan, n_units, n_coders, math.nan,
                               f"no interval: coder {who} used one category only, so kappa is 0 whatever the other "
                               "coded and no standard error measures its precision", "none_one_category", str(who))
    with np.errstate(invalid="ignore", divide="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # perfect agreement: variance 0 (or -0.0 by rounding)
        kappa, var_kappa, std_kappa0 = _simple_kappa(table)
    z = _normal_quantile(0.5 + confidence / 2)
    # the variance is exactly 0 where the two agree on every unit; rounding makes it -1e-17 and its square root
    # NaN (issue 16)
    var = float(var_kappa)
    se = float(np.sqrt(var)) if var >= 0 else (0.0 if var > -1e-12 else math.nan)
    if np.trace(table) == total:
        # Every unit agrees: kappa is 1 and the large-sample variance 0, and "1.00 to 1.00" read as a kappa measured
        # exactly (report truth round 23). The normal interval is no measure of precision here, so none is given.
        return AgreementResult("cohen_kappa", float(kappa), se, math.nan, math.nan, n_units, n_coders,
                               float(std_kappa0), _PERFECT, "none_perfect")
    lo, hi = _clip_ci(float(kappa), z * se)
    return AgreementResult("cohen_kappa", float(kappa), se, lo, hi, n_units, n_coders,
                           float(std_kappa0), "Fleiss, Cohen & Everitt (1969) standard error; normal interval",
                           "normal")


@functools.lru_cache(maxsize=16)
def _normal_quantile(q: float) -> float:
    """``scipy.stats.norm.ppf(q)``, once per level (a few hundred calls per analysis with a hand check)."""
    from scipy import stats

    return stats.norm.ppf(q)


def _simple_kappa(table: np.ndarray) -> tuple[float, float, float]:
    """Cohen's simple (unweighted) kappa of a square table of counts, its large-sample variance (Fleiss, Cohen &
    Everitt 1969) and its standard error under H0: kappa = 0: ``kappa``, ``var_kappa`` and ``std_kappa0`` of
    :func:`statsmodels.stats.inter_rater.cohens_kappa`, by its own arithmetic, operation for operation (so the same to
    the last bit: tests/test_agreement_kappa_sameness.py), without the results object it builds, whose frozen normal
    distributions, p-values and limits (none read here) were nine tenths of its time."""
    table = np.asarray(table, float)
    agree = np.diag(table).sum()
    nobs = table.sum()
    probs = table / nobs
    probs_diag = np.diag(probs)
    freq_row = table.sum(1) / nobs
    freq_col = table.sum(0) / nobs
    prob_exp = freq_col * freq_row[:, None]
    agree_exp = np.diag(prob_exp).sum()
    kappa = (agree / nobs - agree_exp) / (1 - agree_exp)
    term_a = probs_diag * (1 - (freq_row + freq_col) * (1 - kappa))**2
    term_a = term_a.sum()
    term_b = probs * (freq_col[:, None] + freq_row)**2
    d_idx = np.arange(table.shape[0])
    term_b[d_idx, d_idx] = 0
    term_b = (1 - kappa)**2 * term_b.sum()
    term_c = (kappa - agree_exp * (1 - kappa))**2
    var_kappa = (term_a + term_b - term_c) / (1 - agree_exp)**2 / nobs
    term_c = freq_col * freq_row * (freq_col + freq_row)
    var_kappa0 = (agree_exp + agree_exp**2 - term_c.sum())
    var_kappa0 /= (1 - agree_exp)**2 * nobs
    return kappa, var_kappa, np.sqrt(var_kappa0)


def _cohen(wide: pd.DataFrame, weights: np.ndarray | None, confidence: float) -> AgreementResult:
    coders = [c for c in wide.columns if wide[c].notna().any()]
    if len(coders) != 2:
        raise ValueError(f"Cohen's kappa needs exactly two coders, but {len(coders)} were found: {coders}; "
                         "use fleiss_kappa, or agreement_table(..., pairwise=True).")
    both = wide[coders].notna().all(axis=1).to_numpy()
    pair = wide.loc[both, coders]
    if len(pair) == 0:
        return _nan_result("cohen_kappa", 0, 2, "no unit was coded by both coders")
    a, b = pair.iloc[:, 0].to_numpy(), pair.iloc[:, 1].to_numpy()
    cats = np.array(sorted(set(a) | set(b), key=_sort_key))
    ia = np.searchsorted(cats, a) if _sortable(cats) else np.array([list(cats).index(x) for x in a])
    ib = np.searchsorted(cats, b) if _sortable(cats) else np.array([list(cats).index(x) for x in b])
    table = np.zeros((len(cats), len(cats)))
    np.add.at(table, (ia, ib), 1.0 if weights is None else weights[both])
    return _cohen_from_table(table, len(pair), 2, weights is not None, confidence, coders)


def _sort_key(x):
    return (0, x, "") if isinstance(x, (int, float, np.number)) else (1, 0, str(x))


def _sortable(cats: np.ndarray) -> bool:
    try:
        return bool(np.all(cats[:-1] < cats[1:]))
    except TypeError:
        return False


def cohen_kappa(data: pd.DataFrame, *, unit: str = "unit", coder: str = "coder", value: str = "value",
                confidence: float = 0.95) -> AgreementResult:
    """Cohen's kappa for two coders, with its large-sample standard error.

    Only units coded by both coders count.

    Parameters
    ----------
    data : DataFrame
        Long data, one row per unit x coder, with exactly two coders.
    unit, coder, value : str
        Column names.
    confidence : float
        Level of the (normal) confidence interval.

    Returns
    -------
    AgreementResult
        ``se`` is the Fleiss, Cohen & Everitt (1969) standard error, ``se_h0``
        the standard error under H0: kappa = 0 (both from
        :func:`statsmodels.stats.inter_rater.cohens_kappa`).  Where one
        coder used one category only, kappa is 0 whatever the other coded:
        ``se``, ``se_h0`` and the interval are then ``nan`` and ``method``
        says why (the large-sample variance is 0, which is no measure of
        precision).

    Raises
    ------
    ValueError
        If there are not exactly two coders.

    References
    ----------
    Cohen, J. (1960). A coefficient of agreement for nominal scales.
    *Educational and Psychological Measurement*, 20, 37-46.
    Fleiss, J. L., Cohen, J., & Everitt, B. S. (1969). Large sample standard
    errors of kappa and weighted kappa. *Psychological Bulletin*, 72, 323-327.

    Examples
    --------
    Wikipedia's example (50 grant proposals; 20 yes-yes, 5 yes-no, 10 no-yes,
    15 no-no) gives kappa = 0.4:

    >>> import pandas as pd
    >>> a = ["yes"] * 25 + ["no"] * 25
    >>> b = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    >>> d = pd.DataFrame({"unit": list(range(50)) * 2, "coder": ["A"] * 50 + ["B"] * 50, "value": a + b})
    >>> round(cohen_kappa(d).value, 4)
    0.4
    """
    _check_settings(confidence=confidence)
    wide = _wide(data, unit, coder, value)
    return _cohen(wide, None, confidence)


# ----------------------------------------------------------------------------
# Krippendorff's alpha
# ----------------------------------------------------------------------------


def _delta2(cats: np.ndarray, marg: np.ndarray, level: str) -> np.ndarray:
    """Squared difference function of Krippendorff (2011) for the categories used."""
    q = len(cats)
    if level == "nominal":
        return 1.0 - np.eye(q)
    v = cats.astype(float)
    if level == "interval":
        return (v[:, None] - v[None, :]) ** 2
    if level == "ratio":
        s = v[:, None] + v[None, :]
        with np.errstate(invalid="ignore", divide="ignore"):
            d = ((v[:, None] - v[None, :]) / s) ** 2
        return np.where(s == 0, 0.0, d)
    # ordinal: (sum of marginals from c to k, minus half of the two ends)^2; for a stack of marginals
    # (shape (..., q)), one matrix each
    cum = np.concatenate([np.zeros(marg.shape[:-1] + (1,)), np.cumsum(marg, axis=-1)], axis=-1)
    lo = np.minimum.outer(np.arange(q), np.arange(q))
    hi = np.maximum.outer(np.arange(q), np.arange(q))
    between = cum[..., hi + 1] - cum[..., lo]
    return (between - (marg[..., :, None] + marg[..., None, :]) / 2) ** 2


def _alpha_from_coincidence(o: np.ndarray, cats: np.ndarray, level: str) -> float:
    marg = o.sum(axis=-1)
    n = marg.sum(axis=-1)
    if o.ndim == 2:
        d2 = _delta2(cats, marg, level)
        de = float(marg @ d2 @ marg)
        if de <= 0 or n <= 1:
            return math.nan
        return 1.0 - (n - 1) * float((o * d2).sum()) / de
    # One replicate per leading index, all at once (a bootstrap's 1000 replicates were a Python loop).
    if level == "ordinal":
        d2 = _delta2(cats, marg, level)  # one matrix per replicate
        de = np.einsum("bi,bij,bj->b", marg, d2, marg)
        do = np.einsum("bij,bij->b", o, d2)
    else:
        d2 = _delta2(cats, marg[0], level)
        de = np.einsum("bi,ij,bj->b", marg, d2, marg)
        do = np.einsum("bij,ij->b", o, d2)
    ok = (de > 0) & (n > 1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(ok, 1.0 - (n - 1) * do / np.where(ok, de, 1.0), math.nan)


def _unit_coincidences(counts: np.ndarray) -> np.ndarray:
    """Per-unit contributions to the coincidence matrix, shape (units, q, q)."""
    m = counts.sum(axis=1)
    pairable = m >= 2
    c = counts[pairable]
    contrib = c[:, :, None] * c[:, None, :]
    idx = np.arange(c.shape[1])
    contrib[:, idx, idx] -= c
    return contrib / (m[pairable] - 1)[:, None, None]


def _alpha(counts: np.ndarray, cats: np.ndarray, level: str, n_coders: int, weights: np.ndarray | None,
           n_boot: int, seed: int | None, confidence: float) -> AgreementResult:
    n_units = counts.shape[0]
    m = counts.sum(axis=1)
    contrib = _unit_coincidences(counts)
    if contrib.shape[0] == 0:
        return _nan_result("krippendorff_alpha", n_units, n_coders, "no unit was coded by two or more coders")
    w = np.ones(contrib.shape[0]) if weights is None else weights[m >= 2]
    o = np.tensordot(w, contrib, axes=1)
    value = _alpha_from_coincidence(o, cats, level)
    if not np.isfinite(value):
        return _nan_result("krippendorff_alpha", n_units, n_coders, "there is no variation in the values")
    se = lo = hi = math.nan
    method, interval = (("weighted units: no standard error", "none_weighted") if weights is not None else
                        ("no bootstrap (n_boot=0): no standard error", "none_too_few"))
    if weights is None and n_boot > 0 and _perfect(counts):
        # every unit, so every resample of units, agrees: each replicate is 1 and the interval "1 to 1"
        se, method, interval = 0.0, _PERFECT, "none_perfect"
    elif weights is None and n_boot > 0 and _one_pattern(counts[m >= 2]):
        # one pairable unit, or all coded alike: every resample of units is the sample, every replicate the same
        se, method, interval = 0.0, _ONE_PATTERN, "none_one_pattern"
    elif weights is None and n_boot > 0:
        rng = np.random.default_rng(seed)
        k = contrib.shape[0]
        # Units with the same counts contribute the same coincidences, and drawing k units with replacement
        # is drawing k units' patterns with their frequencies (a sum of a multinomial's cells over groups is
        # multinomial): the same bootstrap in memory and time that grow with the distinct patterns, not the
        # units (a million units with 1000 replicates would otherwise need n_boot x units floats, 8 GB).
        patterns, first, freq = np.unique(counts[m >= 2], axis=0, return_index=True, return_counts=True)
        draws = rng.multinomial(k, freq / k, size=n_boot).astype(float)
        ob = np.tensordot(draws, contrib[first], axes=1)
        boots = _alpha_from_coincidence(ob, cats, level)
        boots = boots[np.isfinite(boots)]
        method = f"unit-resampling bootstrap ({n_boot} replicates, seed {seed}); percentile interval"
        interval = "bootstrap"
        if len(boots) >= 2:
            se = float(np.std(boots, ddof=1))
            tail = (1 - confidence) / 2
            lo = max(-1.0, float(np.quantile(boots, tail)))
            hi = min(1.0, float(np.quantile(boots, 1 - tail)))
        else:
            method += ": fewer than two replicates had a defined alpha, so no interval"
            interval = "none_too_few"
    return AgreementResult("krippendorff_alpha", float(value), se, lo, hi, n_units, n_coders, math.nan, method,
                           interval)


def krippendorff_alpha(data: pd.DataFrame, *, unit: str = "unit", coder: str = "coder", value: str = "value",
                       level: Level = "nominal", n_boot: int = 1000, seed: int | None = 0,
                       confidence: float = 0.95) -> AgreementResult:
    """Krippendorff's alpha for any number of coders, missing values allowed.

    Computed from the coincidence matrix as in Krippendorff (2011); units with
    fewer than two values are not pairable and do not count.

    Parameters
    ----------
    data : DataFrame
        Long data, one row per unit x coder.
    unit, coder, value : str
        Column names.
    level : {"nominal", "ordinal", "interval", "ratio"}
        Level of measurement (the difference function).  Levels other than
        nominal need numeric values; ordinal ranks them.
    n_boot : int
        Bootstrap replicates for the standard error and interval (0: none).
        Units are resampled with replacement (see the module notes).
    seed : int or None
        Seed of the bootstrap.
    confidence : float
        Level of the percentile interval.

    Returns
    -------
    AgreementResult

    Raises
    ------
    ValueError
        If ``level`` is unknown, or values are not numeric where the level
        needs numbers.

    References
    ----------
    Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability.
    Annenberg School for Communication Departmental Papers 43.

    Examples
    --------
    Krippendorff's (2011) example of two observers and ten units, alpha = 0.095:

    >>> import pandas as pd
    >>> a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    >>> b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    >>> d = pd.DataFrame({"unit": list(range(10)) * 2, "coder": ["A"] * 10 + ["B"] * 10, "value": a + b})
    >>> round(krippendorff_alpha(d, n_boot=0).value, 3)
    0.095
    """
    _check_settings(confidence=confidence, n_boot=n_boot, seed=seed)
    cats, counts, n_coders, _ = _prepare(data, unit, coder, value, level)
    return _alpha(counts, cats, level, n_coders, None, n_boot, seed, confidence)


# ----------------------------------------------------------------------------
# The table
# ----------------------------------------------------------------------------


def _compute(metric: str, sub: pd.DataFrame, unit: str, coder: str, value: str, level: str,
             weight: str | None, n_boot: int, seed: int | None, confidence: float,
             wide: pd.DataFrame | None = None, prepared: dict | None = None) -> AgreementResult:
    """One metric's result on ``sub``; ``prepared`` (by level) holds :func:`_prepare`'s results of the same ``sub``,
    ``wide`` and ``weight`` for the other metrics of one group (they are read, never changed)."""
    wide = _wide(sub, unit, coder, value) if wide is None else wide
    read = level if metric == "krippendorff_alpha" else "nominal"
    prepared = {} if prepared is None else prepared
    if read not in prepared:
        prepared[read] = _prepare(sub, unit, coder, value, read, weight, wide=wide)
    cats, counts, n_coders, w = prepared[read]
    if metric == "krippendorff_alpha":
        return _alpha(counts, cats, level, n_coders, w, n_boot, seed, confidence)
    if metric == "cohen_kappa":
        wide = wide.loc[:, wide.notna().any(axis=0)]
        if wide.shape[1] != 2:
            return AgreementResult(metric, math.nan, math.nan, math.nan, math.nan, counts.shape[0], n_coders,
                                   method=f"needs exactly two coders ({wide.shape[1]} found); use pairwise=True",
                                   interval="none_undefined")
        wfull = None
        if weight is not None:
            wfull = sub.drop_duplicates(unit).set_index(unit)[weight].reindex(wide.index).to_numpy(dtype=float)
        return _cohen(wide, wfull, confidence)
    kind = {"percent_agreement": "pa", "fleiss_kappa": "fleiss", "gwet_ac1": "ac1"}[metric]
    return _gwet(counts, kind, n_coders, w, confidence)


def agreement_table(data: pd.DataFrame, *, unit: str = "unit", coder: str = "coder", value: str = "value",
                    by: str | Sequence[str] | None = None, metrics: Sequence[str] = METRICS,
                    level: Level = "nominal", pairwise: bool = False, weight: str | None = None,
                    n_boot: int = 1000, seed: int | None = 0, confidence: float = 0.95) -> pd.DataFrame:
    """Agreement coefficients per group (and per coder pair), one row per metric.

    Parameters
    ----------
    data : DataFrame
        Long data, one row per unit x coder (x group), such as the output of
        :func:`coding_to_units` (per code and wave).
    unit, coder, value : str
        Column names.
    by : str or list of str, optional
        Grouping columns, such as ``["code", "wave"]``.
    metrics : sequence of str
        Any of ``percent_agreement``, ``cohen_kappa``, ``fleiss_kappa``,
        ``gwet_ac1``, ``krippendorff_alpha``.  Cohen's kappa is reported only
        for exactly two coders (the row says why otherwise).
    level : {"nominal", "ordinal", "interval", "ratio"}
        Level of measurement for Krippendorff's alpha (the other metrics are
        nominal).
    pairwise : bool
        Also break down by each pair of coders (columns ``coder_a``,
        ``coder_b``), using only those two coders' values.
    weight : str, optional
        A column of unit weights (one value per unit), such as the length of
        a character run in :func:`character_agreement`.  Weighted results have
        no standard error.
    n_boot, seed : int
        Bootstrap replicates and seed for Krippendorff's alpha.
    confidence : float
        Level of the confidence intervals.

    Returns
    -------
    DataFrame
        The ``by`` columns, ``coder_a``/``coder_b`` when ``pairwise``, then
        ``metric, value, se, ci_low, ci_high, n_units, n_coders, se_h0,
        method, interval, interval_coder`` (the fields of
        :class:`AgreementResult`).

    Examples
    --------
    >>> import pandas as pd
    >>> d = pd.DataFrame({"unit": [1, 1, 2, 2, 3, 3, 4, 4] * 2, "coder": list("abababab") * 2,
    ...                   "code": ["morale"] * 8 + ["learning"] * 8,
    ...                   "value": [1, 1, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 1]})
    >>> t = agreement_table(d, by="code", metrics=["percent_agreement"])
    >>> t[["code", "metric", "value"]]
           code             metric  value
    0  learning  percent_agreement   0.75
    1    morale  percent_agreement   0.75
    """
    from .schema import true_or_false

    pairwise = true_or_false("pairwise", pairwise)
    by_cols = [] if by is None else ([by] if isinstance(by, str) else list(by))
    _check_columns(data, [unit, coder, value, *by_cols] + ([weight] if weight else []))
    metrics = _metric_list(metrics)
    _check_option("level", level, _LEVELS)
    _check_settings(confidence=confidence, n_boot=n_boot, seed=seed)
    _refuse_unkeyed(data, unit, coder)  # here, so that the rows named are the rows of `data`, not of one group
    rows: list[dict] = []
    groups = data.groupby(by_cols, sort=True, dropna=False, observed=True) if by_cols else [((), data)]
    for key, sub in groups:
        key = key if isinstance(key, tuple) else (key,)
        base = dict(zip(by_cols, key, strict=True))
        if pairwise:
            coders = sorted(sub.loc[sub[value].notna(), coder].unique(), key=str)
            parts = [({"coder_a": a, "coder_b": b}, sub[sub[coder].isin([a, b])])
                     for a, b in itertools.combinations(coders, 2)]
        else:
            parts = [({}, sub)]
        for extra, part in parts:
            wide = _wide(part, unit, coder, value)  # pivoted once for every metric
            prepared: dict = {}  # and counted once for every metric of one level (three of the same, per code)
            for m in metrics:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", StatisticalWarning)
                    res = _compute(m, part, unit, coder, value, level, weight, n_boot, seed, confidence, wide=wide,
                                   prepared=prepared)
                row = {**base, **extra, **res.to_dict()}
                rows.append(row)
    cols = [*by_cols, *(["coder_a", "coder_b"] if pairwise else []), "metric", "value", "se", "ci_low", "ci_high",
            "n_units", "n_coders", "se_h0", "method", "interval", "interval_coder"]
    out = pd.DataFrame(rows, columns=cols)
    return out.astype({"n_units": "int64", "n_coders": "int64"}) if len(out) else out


# ----------------------------------------------------------------------------
# From coded output to units
# ----------------------------------------------------------------------------


def _stack_coded(coded: Mapping[str, pd.DataFrame] | pd.DataFrame, coder: str = "coder") -> pd.DataFrame:
    if isinstance(coded, Mapping):
        frames = []
        for name, df in coded.items():
            _check_columns(df, ["unit", "code"], what=f"coded output of {name!r}", wanted="coded")
            _refuse_blank(df, ["unit", "code"], f"coded output of {name!r}")
            frames.append(df.assign(**{coder: str(name)}))
        if not frames:
            raise InputError("No coded output was passed (an empty mapping of coders).")
        return pd.concat(frames, ignore_index=True)
    if isinstance(coded, pd.DataFrame) and coder not in coded.columns and {"unit", "code"} <= set(coded.columns):
        # one coder's output alone (a coder's .code(), read_coded) names no coder: agreement needs two
        raise ValueError(f"`coded` has no column {coder!r}, so it names no coder: it looks like one coder's output - "
                         f"expected a dict of each coder's output, e.g. {{'ann': ann_coded, 'machine': coded}}, or "
                         f"one table with a {coder!r} column; it has {list(coded.columns)}.")
    _check_columns(coded, ["unit", "code", coder], what="coded", wanted="coded")
    _refuse_blank(coded, ["unit", "code", coder], "coded")
    return coded.copy()


def _refuse_blank(df: pd.DataFrame, columns: list[str], what: str) -> None:
    """Refuse coded rows with no unit, code or coder, naming them: under pandas 2 a blank became a code (unit, coder)
    named 'None' or 'nan', under pandas 3 a TypeError inside a sort."""
    from ._joins import _rows
    from ._words import _counted

    for col in columns:
        blank = df[col].isna().to_numpy()
        if blank.any():
            raise InputError(f"`{what}` has {_counted(int(blank.sum()), 'row')} with no {col} "
                             f"({_rows(df.index[blank])}): every coded row needs one; fill it in or drop the row.")


def _unit_frame(units, stacked: pd.DataFrame) -> pd.DataFrame:
    if units is None:
        ids = pd.unique(stacked["unit"])
        frame = pd.DataFrame({"unit": ids})
    elif isinstance(units, pd.DataFrame):
        col = "segment_id" if "segment_id" in units.columns else "unit"
        _check_columns(units, [col], what="units")
        frame = units.rename(columns={col: "unit"}).copy()
    else:
        frame = pd.DataFrame({"unit": list(units)})
    frame["unit"] = key_strings(frame["unit"])  # a missing unit stays missing; a unit 1.0 is the unit '1'
    if "interview_id" not in frame.columns:
        frame["interview_id"] = frame["unit"].str.rsplit(":", n=1).str[0]
    return frame


def _warn_partial_review(stacked: pd.DataFrame, key_of: pd.Series, n_units: int) -> None:
    """Warn where a reviewer's decisions (import_review) cover fewer units than are compared as fully coded."""
    decided = stacked[stacked["decision"].isin(("accept", "reject", "other")).to_numpy(dtype=bool)]
    for coder, rows in decided.groupby("coder", sort=False, observed=True):
        seen = key_of.reindex(rows["unit"]).nunique()
        if seen < n_units:
            warnings.warn(
                f"coder {coder!r} holds review decisions (impact.import_review) on {seen:,} of the {n_units:,} units "
                f"compared: with uncoded='absent' the other {n_units - seen:,} count as read and found to hold no code, "
                "though the reviewer saw only the suggestions in the workbook, so the agreement measured is mostly "
                "with what they were never shown - pass uncoded='missing' (impact agree --uncoded missing), or only "
                "the units they reviewed", StatisticalWarning, stacklevel=user_level())


def _warn_partial_coding(stacked: pd.DataFrame, frame: pd.DataFrame, coder_names: list[str]) -> None:
    """Warn, once, where a person's coding names a small share of the interviews compared while ``uncoded="absent"``
    counts every unit they have no row for as read and found to hold no code: a person who coded 8 of 192 segments
    was compared on all 192, and Cohen's kappa read 0.08 without a word.

    A person who codes an interview codes all of it (:func:`impact.coding.evaluate.checked_units`), so what a coding
    names is counted in interviews (the ``interview_id`` of ``units``, else the part of a unit id before its last
    ``:``; a unit without one is its own interview); a coding naming fewer than :data:`PARTIAL_CODING_SHARE` of them
    is told. A machine coder's output (a ``score`` on every row) codes every unit it is given and is not."""
    interviews = frame.drop_duplicates("unit").set_index("unit")["interview_id"]
    n_interviews, n_units = interviews.nunique(), len(interviews)
    if n_interviews < 2:
        return
    rows_of = dict(tuple(stacked.groupby("coder", sort=False, observed=True)))
    told = []
    for coder in coder_names:
        rows = rows_of.get(coder, stacked.iloc[:0])
        if "score" in rows.columns and len(rows) and rows["score"].notna().all():
            continue  # the machine's output
        if "decision" in rows.columns and rows["decision"].isin(("accept", "reject", "other")).any():
            continue  # a reviewer's decisions: told by _warn_partial_review
        named = interviews.reindex(rows["unit"].unique()).dropna()
        k = named.nunique()
        if k < PARTIAL_CODING_SHARE * n_interviews:
            told.append(f"coder {coder!r} coded {_counted(len(named), 'unit')} in {k:,} of the "
                        f"{_counted(n_interviews, 'interview')} compared ({k / n_interviews:.0%})")
    if told:
        who = "; ".join(told)
        warnings.warn(
            f"{who}: with uncoded='absent' (the default) every unit a coder has no row for counts as read and found "
            f"to hold no code, so all {n_units:,} units are compared as if fully coded. If a coder read only some "
            "units, count only those: pass uncoded='missing' (impact agree --uncoded missing), which leaves out of "
            "each coder's comparison the units they gave no code, or pass as `units` only the segments of the "
            "interviews they coded.", StatisticalWarning, stacklevel=user_level())


def _refuse_case_variants(stacked: pd.DataFrame, codes: Sequence[str] | None) -> None:
    """Refuse codes that differ from another code (one of ``codes``, or one coded) only in case ('Plans' beside
    'plans'), each spelling's coders and first units named: 'Plans' was a code of its own, or, with ``codes``, left
    out without a word, and the coder who typed it was counted as never applying 'plans'."""
    used = stacked["code"].value_counts(sort=False)
    listed = [] if codes is None else [str(c) for c in codes]
    spellings: dict[str, list[str]] = {}
    for code in dict.fromkeys([*listed, *used.index]):
        spellings.setdefault(code.casefold(), []).append(code)
    problems = []
    for variants in spellings.values():
        if len(variants) < 2:
            continue
        # the spelling `codes` lists, else the one most used (lower case among equals), is the code; the others vary it
        main = next((v for v in variants if v in listed), max(variants, key=lambda v: (used.get(v, 0), v == v.lower())))
        for other in (v for v in variants if v != main):
            rows = stacked[stacked["code"] == other]
            if rows.empty:
                continue  # two spellings in `codes` itself: the caller's to choose
            coders = ", ".join(map(repr, dict.fromkeys(rows["coder"])))
            units = ", ".join(map(repr, rows["unit"].head(3))) + (" ..." if len(rows) > 3 else "")
            problems.append(Problem("coded", None, "code", other,
                                    f"the code {main!r} as it is spelled elsewhere (codes are told apart by case: "
                                    f"{_counted(len(rows), 'row')} of coder {coders}, units {units}, would count as "
                                    "another code); correct the spelling"))
    if problems:
        raise ValidationError(problems, source="coded output")


def _check_listed_codes(codes: Sequence[str] | None, stacked: pd.DataFrame) -> None:
    """Refuse a code of ``codes`` no coder used that is a slip of one they used ('moral' for 'morale'), and warn
    where no code listed was used at all: its rows were all 0, read as every coder agreeing it is absent
    (newuser17). A code nobody used that is no slip (one of the codebook's) is a legitimate absence."""
    if codes is None:
        return
    from ._joins import refuse_unknown

    used = sorted(stacked["code"].dropna().unique())
    unused = [c for c in codes if str(c).strip() not in used]
    # a slip is one letter typed wrong, left out, added or two swapped, or the id written another way ('Morale ',
    # 'plans-actions'): a code of the codebook nobody used ('action_plan_monitoring' beside 'action_planning') is none
    slips = [c for c in unused if any(_one_slip(str(c).strip(), u) for u in used)]
    refuse_unknown("codes", slips, used, "any coding")
    if unused and len(unused) == len(list(codes)):
        warnings.warn(f"`codes` names {_counted(len(unused), 'code')} no coder used, {unused}: every coder's value "
                      f"is 0 on every unit, which reads as agreeing {_verb(len(unused), 'it is', 'they are')} absent "
                      f"- the coders used {_named('code', used[:10])}{' ...' if len(used) > 10 else ''}.", StatisticalWarning, stacklevel=user_level())


def _one_slip(a: str, b: str) -> bool:
    """Whether ``a`` is ``b`` written another way (:func:`impact.schema.same_id`) or with one slip of the keyboard: a
    letter typed wrong, left out or added, or two side by side swapped.

    >>> _one_slip("moral", "morale"), _one_slip("Plans-Actions", "plans_actions"), _one_slip("lerning", "learning")
    (True, True, True)
    >>> _one_slip("action_plan_monitoring", "action_planning"), _one_slip("mo", "me")
    (False, False)
    """
    from .schema import _swapped, same_id

    a, b = same_id(a), same_id(b)
    if a == b:
        return True
    if min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return _swapped(a, b) or sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def coding_to_units(coded: Mapping[str, pd.DataFrame] | pd.DataFrame, *, units: pd.DataFrame | Sequence[str] | None = None,
                    codes: Sequence[str] | None = None, unit_level: Literal["segment", "document"] = "segment",
                    uncoded: Literal["absent", "missing"] = "absent", min_score: float | None = None,
                    coders: Sequence[str] | None = None) -> pd.DataFrame:
    """Turn coded output of several coders into long per-code binary data.

    Parameters
    ----------
    coded : dict of {coder: DataFrame} or DataFrame
        Coded output (columns ``unit, code``, see the coded-output contract)
        per coder, or one long DataFrame with a ``coder`` column.  A row with a
        ``present`` column that is False (a reviewer's rejection from
        :func:`impact.review.import_review`) records that the coder looked at
        the unit and found the code absent; rows with ``decision`` "note" and
        ``present`` missing (a reviewer's note without a decision) are ignored.
    units : DataFrame or list of str, optional
        The units that were to be coded: segments (``segment_id`` and, kept as
        grouping columns, ``interview_id``, ``wave``, ``council_id``...), or a
        list of unit ids.  Default: every unit any coder coded, which leaves
        out units no coder coded at all (so agreement on absence is not seen).
    codes : list of str, optional
        Code ids to compare (default: every code any coder used).
    unit_level : {"segment", "document"}
        ``"segment"``: one unit per segment (or per sentence, when the units
        are sentences).  ``"document"``: one unit per interview, the code
        present if the coder applied it anywhere in the interview.
    uncoded : {"absent", "missing"}
        How a unit a coder did not code is counted.  ``"absent"``: every unit
        in ``units`` is taken as coded by every coder, so a unit without a row
        for a code means "code absent" (value 0) - right when coders coded
        everything (a person's coding that names fewer than half of the
        interviews compared is told in a StatisticalWarning).  ``"missing"``: a unit for which a coder has no row at all
        (for any code) is treated as not coded by that coder (value missing,
        dropped from pairwise comparison); a unit with some other code is 0.
    min_score : float, optional
        Count a coding only when its ``score`` is at least this (machine
        coders).
    coders : list of str, optional
        Coder names to include, even those with no codings at all (who then
        count as "absent" everywhere or "missing" everywhere).

    Returns
    -------
    DataFrame
        ``unit, coder, code, value`` (Int64 1/0, <NA> where missing) plus the
        grouping columns of ``units`` (``interview_id``, ``wave``...).

    Raises
    ------
    impact.ValidationError
        Listing each coded row that cannot be placed (a unit not among ``units``, a code spelt two ways).
    impact.InputError
        If the table would be too large to build (units x coders x codes cells).

    Warns
    -----
    StatisticalWarning
        With ``uncoded="absent"``, where a person's coding names fewer than
        :data:`PARTIAL_CODING_SHARE` (half) of the interviews compared: the
        units and interviews it names, and how to count only the units read.

    Examples
    --------
    >>> import pandas as pd
    >>> a = pd.DataFrame({"unit": ["I1:1", "I1:2"], "code": ["morale", "learning"]})
    >>> b = pd.DataFrame({"unit": ["I1:1"], "code": ["morale"]})
    >>> long = coding_to_units({"ann": a, "bot": b}, units=["I1:1", "I1:2", "I1:3"])
    >>> long[long.code == "learning"][["unit", "coder", "value"]].values.tolist()
    [['I1:1', 'ann', 0], ['I1:1', 'bot', 0], ['I1:2', 'ann', 1], ['I1:2', 'bot', 0], ['I1:3', 'ann', 0], ['I1:3', 'bot', 0]]

    With ``uncoded="missing"``, units a coder gave no code at all are missing:

    >>> m = coding_to_units({"ann": a, "bot": b}, units=["I1:1", "I1:2", "I1:3"], uncoded="missing")
    >>> m[m.code == "learning"]["value"].tolist()
    [0, 0, 1, <NA>, <NA>, <NA>]
    """
    _check_option("unit_level", unit_level, ("segment", "document"))
    _check_option("uncoded", uncoded, ("absent", "missing"))
    stacked = _stack_coded(coded)
    if "present" in stacked.columns and "decision" in stacked.columns:
        # a reviewer's note without a decision (import_review) says nothing about codes
        note = stacked["present"].isna().to_numpy() & (stacked["decision"] == "note").fillna(False).to_numpy(dtype=bool)
        stacked = stacked[~note]
    stacked["unit"] = key_strings(stacked["unit"])  # missing values stay missing; a unit 1.0 is the unit '1'
    # the spaces around a code or coder typed in a spreadsheet are no part of it ('morale ' was a second code, or,
    # with `codes`, left out without a word), as the spaces around a council id are not (key_text)
    stacked["code"] = as_text(stacked["code"]).str.strip()
    stacked["coder"] = as_text(stacked["coder"]).str.strip()
    _refuse_case_variants(stacked, codes)
    frame = _unit_frame(units, stacked)
    unknown = sorted(set(stacked["unit"]) - set(frame["unit"]))
    if unknown:
        raise ValidationError(
            [Problem("coded", None, "unit", u, "a unit listed in `units`") for u in unknown[:50]], source="coded output"
        )
    _check_listed_codes(codes, stacked)
    present = stacked
    if min_score is not None:
        from .stats._checks import _check_probability

        _check_probability("min_score", min_score, open_interval=False)  # 5 (a percentage) kept no coding at all
    if min_score is not None and "score" in stacked.columns:
        present = present[pd.to_numeric(present["score"], errors="coerce") >= min_score]
    if "present" in present.columns:
        present = present[present["present"].astype("boolean").fillna(True).to_numpy(dtype=bool)]
    coder_names = list(dict.fromkeys([*(coders or []), *stacked["coder"].unique()]))
    code_ids = list(codes) if codes is not None else sorted(stacked["code"].unique())
    key_of = frame.drop_duplicates("unit").set_index("unit", drop=False)["unit" if unit_level == "segment" else "interview_id"]
    if unit_level == "segment":
        groups = frame.drop_duplicates("unit")
    else:
        nunique = frame.groupby("interview_id", observed=True).nunique()
        constant = [c for c in nunique.columns if c != "unit" and (nunique[c] <= 1).all()]
        groups = frame.drop_duplicates("interview_id")[["interview_id", *constant]]
        groups = groups.assign(unit=groups["interview_id"])
    if uncoded == "absent" and "decision" in stacked.columns:
        _warn_partial_review(stacked, key_of, len(groups))
    if uncoded == "absent":
        _warn_partial_coding(stacked, frame, coder_names)
    # The unit x coder x code grid, built from integer positions (memory grows with the grid's cells, one
    # byte each for the values, instead of hash joins on three text columns).
    unit_ids = groups["unit"].to_numpy()
    n_u, n_c, n_k = len(unit_ids), len(coder_names), len(code_ids)
    cells = n_u * n_c * n_k
    if cells > _MAX_GRID_CELLS:
        raise InputError(f"{n_u:,} units x {n_c:,} coders x {n_k:,} codes is {cells:,} unit-coder-code cells, more "
                         f"than the {_MAX_GRID_CELLS:,} agreement is computed on at once - pass fewer `codes`, or "
                         "split the units (for example by wave)")
    unit_index, coder_index, code_index = pd.Index(unit_ids), pd.Index(coder_names), pd.Index(code_ids)

    def positions(rows: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
        u = unit_index.get_indexer(key_of.reindex(rows["unit"]).to_numpy())
        c = coder_index.get_indexer(rows["coder"].to_numpy())
        return u, c

    u, c = positions(present)
    k = code_index.get_indexer(present["code"].to_numpy())
    ok = (u >= 0) & (c >= 0) & (k >= 0)
    hit = np.zeros(cells, dtype=np.int8)
    hit[(u[ok] * n_c + c[ok]) * n_k + k[ok]] = 1
    value = pd.array(hit, dtype="Int64")
    if uncoded == "missing":
        su, sc = positions(stacked)
        seen = np.zeros(n_u * n_c, dtype=bool)
        seen[su[(su >= 0) & (sc >= 0)] * n_c + sc[(su >= 0) & (sc >= 0)]] = True
        value[~np.repeat(seen, n_k)] = pd.NA
    out = pd.DataFrame({"unit": np.repeat(unit_ids, n_c * n_k),
                        "coder": np.tile(np.repeat(np.asarray(coder_names, dtype=object), n_k), n_u),
                        "code": np.tile(np.asarray(code_ids, dtype=object), n_u * n_c),
                        "value": value})
    extra = groups.drop(columns=[c for c in ("segment_id", "unit", "text", "start", "end", "turn", "speaker")
                                 if c in groups.columns])
    take = np.repeat(np.arange(n_u), n_c * n_k)
    for col in extra.columns:  # each unit's grouping columns (wave, council...), as a left join on unit would give
        out[col] = extra[col].take(take).reset_index(drop=True)
    return out


def character_agreement(coded: Mapping[str, pd.DataFrame] | pd.DataFrame, *, units: pd.DataFrame | None = None,
                        codes: Sequence[str] | None = None,
                        metrics: Sequence[str] = ("percent_agreement", "krippendorff_alpha"),
                        by: str | Sequence[str] | None = None) -> pd.DataFrame:
    """Agreement on coded character spans, over the union of coded text.

    For each code and interview, the text any coder coded with the code (the
    union of every coder's ``start``-``end`` evidence spans) is cut into
    runs of characters over which every coder's decision is constant; each
    character is a unit whose value for a coder is 1 if the coder's spans
    cover it, else 0.  Coefficients are computed with each run weighted by its
    length, which equals per-character computation.  Text that no coder coded
    does not count (it would inflate agreement on absence).  This is
    per-character agreement, *not* Krippendorff's unitised alpha (u-alpha),
    which also scores the placement of gaps.  Characters are not independent,
    so there is no standard error.

    Parameters
    ----------
    coded : dict of {coder: DataFrame} or DataFrame
        Coded output with ``unit, code, start, end`` (code points into the
        transcript) per coder, or long with a ``coder`` column.
    units : DataFrame, optional
        Segments (``segment_id``, ``interview_id``...) to place units in
        interviews; default: the interview is the unit id before its last
        ``":"``.
    codes : list of str, optional
        Codes to compare (default: all).
    metrics : sequence of str
        Metrics as in :func:`agreement_table`.
    by : str or list of str, optional
        Extra grouping columns of ``units`` (such as ``"wave"``); results are
        always per code.

    Returns
    -------
    DataFrame
        As :func:`agreement_table`, grouped by ``code`` (and ``by``);
        ``n_units`` counts characters.

    Raises
    ------
    impact.InputError
        For a code in ``codes`` that no coder used: there is no coded text to
        agree on (it had no row, without a word).

    Examples
    --------
    >>> import pandas as pd
    >>> a = pd.DataFrame({"unit": ["I1:1"], "code": ["morale"], "start": [0], "end": [10]})
    >>> b = pd.DataFrame({"unit": ["I1:1"], "code": ["morale"], "start": [5], "end": [10]})
    >>> t = character_agreement({"ann": a, "bot": b}, metrics=["percent_agreement"])
    >>> float(t.loc[0, "value"]), int(t.loc[0, "n_units"])
    (0.5, 10)
    """
    from ._joins import names, refuse_unknown

    metrics, codes = _metric_list(metrics), names(codes, "codes")  # one code alone is that code, not its letters
    stacked = _stack_coded(coded)
    _check_columns(stacked, ["start", "end"], what="coded")
    stacked["unit"] = key_strings(stacked["unit"])
    frame = _unit_frame(units, stacked)
    by_cols = [] if by is None else ([by] if isinstance(by, str) else list(by))
    _check_columns(frame, by_cols, what="units")
    stacked = stacked.merge(frame[["unit", "interview_id", *by_cols]].drop_duplicates("unit"), on="unit", how="left")
    stacked["interview_id"] = stacked["interview_id"].fillna(stacked["unit"].str.rsplit(":", n=1).str[0])
    if codes is not None:  # a code no coder used has no coded text to agree on: refused, not a missing row
        refuse_unknown("codes", codes, sorted({str(x) for x in stacked["code"].dropna().unique()}),
                       "any coder's spans (agreement on characters is measured over the text some coder coded with "
                       "the code, and there is none)")
        stacked = stacked[stacked["code"].astype(str).isin([str(x).strip() for x in codes])]
    coder_names = sorted(stacked["coder"].astype(str).unique())
    rows = []
    for (code, interview), grp in stacked.groupby(["code", "interview_id"], sort=True, observed=True):
        start = grp["start"].to_numpy(dtype="int64")
        end = grp["end"].to_numpy(dtype="int64")
        cuts = np.unique(np.concatenate([start, end]))
        lo, hi = cuts[:-1], cuts[1:]
        cover = {c: np.zeros(len(lo), dtype=bool) for c in coder_names}
        for s, e, c in zip(start, end, grp["coder"].astype(str), strict=True):
            cover[c] |= (lo >= s) & (hi <= e)
        anyone = np.logical_or.reduce(list(cover.values()))
        extra = {col: grp[col].iloc[0] for col in by_cols}
        for c in coder_names:
            for i in np.flatnonzero(anyone):
                rows.append({"code": code, **extra, "unit": f"{interview}@{lo[i]}", "coder": c,
                             "value": int(cover[c][i]), "length": int(hi[i] - lo[i])})
    long = pd.DataFrame(rows, columns=["code", *by_cols, "unit", "coder", "value", "length"])
    table = agreement_table(long, by=["code", *by_cols], metrics=metrics, weight="length", n_boot=0)
    lengths = (long.drop_duplicates(["code", *by_cols, "unit"])
               .groupby(["code", *by_cols], observed=True)["length"].sum())
    table["n_units"] = lengths.reindex(pd.MultiIndex.from_frame(table[["code", *by_cols]])
                                       if by_cols else table["code"]).to_numpy()
    return table.astype({"n_units": "int64"}) if len(table) else table

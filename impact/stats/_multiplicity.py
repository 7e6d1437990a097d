"""Multiplicity adjustment of p-values across a codebook or a set of contrasts."""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd
from statsmodels.stats.multitest import multipletests

from ._checks import _check_choice

__all__ = ["adjust_pvalues", "ADJUST_METHODS"]


ADJUST_METHODS = ("holm", "fdr_bh", "bonferroni", "fdr_by", "hommel")
_Method = Literal["holm", "fdr_bh", "bonferroni", "fdr_by", "hommel"]


def _holm(p: np.ndarray) -> np.ndarray:
    """Holm's step-down adjustment (statsmodels' version calls gc.collect(), which
    costs tens of milliseconds per call in a large session)."""
    order = np.argsort(p, kind="stable")
    stepped = np.maximum.accumulate(p[order] * np.arange(len(p), 0, -1))
    out = np.empty_like(p)
    out[order] = np.minimum(stepped, 1.0)
    return out


def _adjust_testable(p: np.ndarray, testable: np.ndarray, method: _Method | None) -> np.ndarray:
    """``adjust_pvalues`` over the rows whose test could reject; a row whose data do not vary at all keeps its raw p.

    A test of an outcome that takes one value throughout (an impact never coded at a wave, in any council) can give
    no p-value below 1, whatever the groups or waves: exact and permutation tests condition on the margins, and
    with one value there is one arrangement. Such a test cannot reject, so it is left out of the family (the extreme
    case of Tarone's (1990) rule, which leaves out tests whose smallest attainable p is too large to reject), and
    the other rows' adjusted p-values are not raised by a test that was never in play. Its adjusted p is its raw p.

    Tarone, R. E. (1990). A modified Bonferroni method for discrete data. Biometrics 46(2), 515-522.
    """
    out = np.asarray(p, dtype="float64").copy()
    testable = np.asarray(testable, dtype=bool)
    out[testable] = adjust_pvalues(out[testable], method)
    return out


def adjust_pvalues(p, method: _Method | None = "holm"):
    """Adjust p-values for multiple testing.

    Missing p-values (NaN, e.g. from a test that could not be run) are left
    missing and do not count towards the number of tests. Pass NaN, too, for
    a p-value that means nothing, such as that of a model whose fit separated
    (:func:`impact.intervention_effects` does): kept in, it would take a
    place in the family and make every other adjusted p larger.

    Parameters
    ----------
    p : array-like or pandas.Series
        Raw p-values.
    method : {"holm", "fdr_bh", "bonferroni", "fdr_by", "hommel"} or None
        ``"holm"`` controls the family-wise error rate (Holm 1979);
        ``"fdr_bh"`` controls the false discovery rate (Benjamini and Hochberg
        1995). ``None`` returns the p-values unchanged.

    Returns
    -------
    numpy.ndarray or pandas.Series
        Adjusted p-values, the same shape as `p` (a Series keeps its index).

    Raises
    ------
    ValueError
        For an unknown `method` or p-values outside [0, 1].
    TypeError
        For a `p` that is not numbers (text, None).

    References
    ----------
    Holm, S. (1979). A simple sequentially rejective multiple test procedure.
    Scandinavian Journal of Statistics 6, 65-70.

    Benjamini, Y. and Hochberg, Y. (1995). Controlling the false discovery rate.
    JRSS B 57, 289-300.

    Examples
    --------
    >>> adjust_pvalues([0.01, 0.04, 0.03], method="holm").round(3).tolist()
    [0.03, 0.06, 0.06]
    >>> adjust_pvalues([0.01, 0.04, 0.03], method="fdr_bh").round(3).tolist()
    [0.03, 0.04, 0.04]
    >>> adjust_pvalues([0.01, np.nan, 0.03], method="holm").round(3).tolist()
    [0.02, nan, 0.03]
    """
    _check_choice("method", method, [*ADJUST_METHODS, None])
    index = p.index if isinstance(p, pd.Series) else None
    if p is None:  # numpy read None as one NaN, and a NaN was returned (newuser17)
        raise TypeError("The value for `p` must be p-values (numbers between 0 and 1, or NaN), but None was passed.")
    try:
        values = np.asarray(p, dtype="float64")
    except (TypeError, ValueError):  # numpy's "could not convert string to float: 'a'" named no argument
        raise TypeError(f"The value for `p` must be p-values (numbers between 0 and 1, or NaN), but {p!r:.80} was "
                        "passed.") from None
    finite = ~np.isnan(values)
    outside = np.flatnonzero(~((values >= 0) & (values <= 1)) & finite) if values.ndim == 1 else []
    if np.any((values[finite] < 0) | (values[finite] > 1)):
        shown = ", ".join(f"{values[i]:g} at position {i}" for i in outside[:5]) + (
            f" and {len(outside) - 5:,} more" if len(outside) > 5 else "")
        raise ValueError("`p` must hold p-values between 0 and 1 (or NaN)" + (f", but it holds {shown}" if shown else "")
                         + ".")
    out = values.copy()
    if method == "holm" and finite.any():
        out[finite] = _holm(values[finite])
    elif method is not None and finite.any():
        out[finite] = multipletests(values[finite], method=method)[1]
    return pd.Series(out, index=index, name=getattr(p, "name", None)) if index is not None else out


def _adjust_together(families: dict, method: _Method | None = "holm") -> dict:
    """``{name: adjusted}``: the p-values of several families (``{name: p-values}``) adjusted as ONE family, each
    returned in its own order. A missing p (NaN) stays missing and takes no place in the family.

    The report's summary states a difference by intervention status from three families of tests (the models' status
    term across the impacts, the change across the waves by status across the impacts, the survey's difference by
    status across its later waves); adjusted each on its own, a null 5-wave study of 20 councils drew at least one
    such claim in 20 of 100 studies (truth67, bench/truth67_status_size.json). Adjusted together, the family-wise
    error rate of every claim the summary makes by status is held at alpha (truth68).

    >>> out = _adjust_together({"a": [0.01, 0.04], "b": [0.03]})
    >>> {k: v.round(3).tolist() for k, v in out.items()}
    {'a': [0.03, 0.06], 'b': [0.06]}
    """
    names = list(families)
    parts = [np.asarray(families[k], dtype="float64").ravel() for k in names]
    joint = adjust_pvalues(np.concatenate(parts) if parts else np.asarray([], dtype="float64"), method)
    ends = np.cumsum([len(p) for p in parts])
    return {k: joint[end - len(p):end] for k, p, end in zip(names, parts, ends, strict=True)}

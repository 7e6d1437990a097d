"""Exact and small-sample interval helpers for 2x2 tables (private).

Written here rather than called from scipy for speed: a codebook-wide
comparison needs the conditional odds ratio for hundreds of tables, and
``scipy.stats.contingency.odds_ratio(kind="conditional")`` takes about 15 ms
per table; the same noncentral hypergeometric computations on the log scale
take well under 1 ms. The tests check both against scipy and statsmodels.
"""

from __future__ import annotations

from statistics import NormalDist

import numpy as np
from scipy.optimize import brentq
from scipy.special import gammaln

__all__: list[str] = []

_REL = 1 + 1e-7  # R's fisher.test relative tolerance for ties in probability


def _support(x: int, n1: int, n0: int, m: int) -> tuple[np.ndarray, np.ndarray]:
    """Support and log-weights of X = events in group 1 given both margins."""
    lo, hi = max(0, m - n0), min(m, n1)
    k = np.arange(lo, hi + 1)
    logw = _lchoose(n1, k) + _lchoose(n0, m - k)
    return k, logw


def _lchoose(n, k):
    return gammaln(n + 1) - gammaln(k + 1) - gammaln(n - k + 1)


def _pmf(k: np.ndarray, logw: np.ndarray, log_psi: float) -> np.ndarray:
    z = logw + k * log_psi
    w = np.exp(z - z.max())
    return w / w.sum()


def _fisher_2x2(x: int, n1: int, n0: int, m: int) -> tuple[float, float]:
    """Two-sided Fisher p (tables no more probable than the observed) and mid-p."""
    k, logw = _support(x, n1, n0, m)
    if len(k) == 1:  # only one table has these margins
        return 1.0, 1.0
    p = _pmf(k, logw, 0.0)
    p_obs = p[k == x][0]
    le = p <= p_obs * _REL
    tie = le & (p >= p_obs / _REL)
    fisher = min(1.0, p[le].sum())
    midp = min(1.0, p[le & ~tie].sum() + 0.5 * p[tie].sum())
    return fisher, midp


def _conditional_odds_ratio(x: int, n1: int, n0: int, m: int, alpha: float) -> tuple[float, float, float]:
    """Conditional MLE of the odds ratio and its exact (Cornfield) interval."""
    k, logw = _support(x, n1, n0, m)
    lo, hi = k[0], k[-1]
    if lo == hi:
        return np.nan, np.nan, np.nan

    def mean(t: float) -> float:
        return float((_pmf(k, logw, t) * k).sum())

    def upper_tail(t: float) -> float:  # P(X >= x), increasing in t
        return float(_pmf(k, logw, t)[k >= x].sum())

    def lower_tail(t: float) -> float:  # P(X <= x), decreasing in t
        return float(_pmf(k, logw, t)[k <= x].sum())

    def solve(f, target: float) -> float:
        a, b = -1.0, 1.0
        while f(a) - target > 0:
            a *= 2
        while f(b) - target < 0:
            b *= 2
        return brentq(lambda t: f(t) - target, a, b, xtol=1e-10)

    if x == lo:
        est = 0.0
    elif x == hi:
        est = np.inf
    else:
        est = float(np.exp(solve(mean, float(x))))
    ci_low = 0.0 if x == lo else float(np.exp(solve(upper_tail, alpha / 2)))
    ci_high = np.inf if x == hi else float(np.exp(solve(lambda t: -lower_tail(t), -alpha / 2)))
    return est, ci_low, ci_high


def _wilson(events: np.ndarray, n: np.ndarray, alpha: float) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval, vectorised (Wilson 1927)."""
    events = np.asarray(events, dtype="float64")
    n = np.asarray(n, dtype="float64")
    z = NormalDist().inv_cdf(1 - alpha / 2)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = events / n
        centre = (p + z**2 / (2 * n)) / (1 + z**2 / n)
        half = z / (1 + z**2 / n) * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2))
    return np.clip(centre - half, 0, 1), np.clip(centre + half, 0, 1)


def _newcombe(e1, n1, e0, n0, alpha: float) -> tuple[np.ndarray, np.ndarray]:
    """Newcombe's hybrid score interval for p1 - p0 (Newcombe 1998, method 10)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        p1, p0 = np.asarray(e1) / np.asarray(n1), np.asarray(e0) / np.asarray(n0)
    l1, u1 = _wilson(e1, n1, alpha)
    l0, u0 = _wilson(e0, n0, alpha)
    d = p1 - p0
    return d - np.sqrt((p1 - l1) ** 2 + (u0 - p0) ** 2), d + np.sqrt((u1 - p1) ** 2 + (p0 - l0) ** 2)

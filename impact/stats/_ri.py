"""Randomisation inference shared by the difference-in-differences estimators (private).

The treatment start of each unit (including "never") is reassigned across
units, keeping how many units start at each time.  Where the number of
distinct assignments is small enough, every one is enumerated and the p-value
is exact; otherwise random assignments are drawn.  An assignment under which
the statistic cannot be computed (say, a permuted treated unit with no row
before its start) is *dropped and counted*, never counted as "not exceeding":
counting it that way makes the test liberal on unbalanced panels.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import numpy as np
import pandas as pd

__all__: list[str] = []

#: Never enumerate more assignments than this, whatever `n_permutations` says.
MAX_ENUMERATION = 200_000

#: Whether every randomisation test draws its reassignments at random, never enumerating them (see :func:`drawn_only`).
_DRAWN_ONLY: ContextVar[bool] = ContextVar("impact_ri_drawn_only", default=False)


@contextmanager
def drawn_only() -> Iterator[None]:
    """Within it (or a function it decorates), every randomisation test draws its reassignments at random.

    An enumerated test's p-value is ``k / N`` over the ``N`` distinct reassignments, the multinomial coefficient of
    the sizes of the groups reassigned (the councils following each path of intervention status, entering
    intervention at each date, or in each status group), so a few published p-values give back ``N`` and with it
    group sizes a report suppresses (disclosure round 44: 29/56, 27/56, 1/8 of 8 councils, 56 = C(8, 3)). Drawn
    with replacement, a p-value is ``(1 + #exceed) / (1 + B)`` for the ``B`` reassignments asked for, whatever ``N``
    is: still a valid p-value (Phipson and Smyth 2010), its steps fixed by ``B``. The analysis the report publishes
    (:func:`impact.analyse`) runs within it; the library's own functions still enumerate where they can.
    """
    token = _DRAWN_ONLY.set(True)
    try:
        yield
    finally:
        _DRAWN_ONLY.reset(token)


def enumerated(total: int, n_permutations: int, most: int = MAX_ENUMERATION) -> bool:
    """Whether a test with ``total`` distinct assignments enumerates them all: there are at most ``n_permutations``
    (and ``most``) of them, outside :func:`drawn_only`."""
    return not _DRAWN_ONLY.get() and total <= min(n_permutations, most)


def few_distinct(total: float, n_tests: int, alpha: float) -> bool:
    """Whether ``total`` distinct reassignments are so few that, among ``n_tests`` tests adjusted together (Holm), no
    adjusted p could fall below ``alpha`` but by the chance of the draws, however many were drawn.

    Drawn with replacement, a test's p ``(1 + #exceed) / (1 + B)`` tends, as ``B`` grows, to its exact value ``k / N``
    over the ``N = total`` distinct reassignments (the observed one among the ``k`` at least as extreme), at least
    ``1 / N``; Holm's smallest adjusted p is ``n_tests`` times the smallest p, so at least ``n_tests / N``. Only a
    coarse flag is kept where a p is published: ``N`` itself is the multinomial coefficient of group sizes a report
    suppresses (disclosure round 44)."""
    return bool(total >= 1 and n_tests >= 1 and n_tests >= alpha * total)


def enumerated_p(p_value: pd.Series, used: pd.Series | None, exact: pd.Series | None) -> pd.Series:
    """Whether each randomisation p-value was computed over every distinct reassignment, enumerated, rather than drawn.

    Such a p is ``k / N`` over the ``N`` distinct reassignments, the multinomial coefficient of the sizes of the
    groups reassigned, so a few of them give back ``N`` and with it group sizes a report suppresses (disclosure round
    44). :func:`impact.analyse` draws every one (:func:`drawn_only`); findings saved by an earlier version, or built
    from the library's own functions, can hold enumerated ones. Read from ``exact`` (``ri_exact``); where findings
    have no such flag but the reassignments used (``used``, ``ri_n``), a p not on the grid ``(1 + b) / (1 + B)`` of
    ``B`` drawn reassignments was not drawn. Missing p-values are not enumerated ones.
    """
    p = pd.to_numeric(p_value, errors="coerce").astype("float64")
    if exact is not None:
        flagged = exact.astype("boolean").fillna(False).astype(bool)
        return flagged & p.notna()
    if used is None:
        return pd.Series(False, index=p.index)
    steps = p * (pd.to_numeric(used, errors="coerce").astype("float64") + 1)
    off = (steps - steps.round()).abs() > 1e-6 * steps.abs().clip(lower=1)
    return off & p.notna()


def n_assignments(values: np.ndarray) -> int:
    """Number of distinct ways to assign the multiset ``values`` to ``len(values)`` units."""
    _, counts = np.unique(_keys(values), return_counts=True)
    total, left = 1, len(values)
    for c in counts.tolist():
        total *= math.comb(left, c)
        left -= c
    return total


def _keys(values: np.ndarray) -> np.ndarray:
    """Values with NaN and inf mapped to one sortable key."""
    v = np.asarray(values, dtype="float64")
    return np.where(np.isfinite(v), v, np.inf)


def assignments(
    values: np.ndarray, n_permutations: int, rng: np.random.Generator
) -> tuple[np.ndarray, bool]:
    """Assignments of ``values`` to units, shape ``(B, n)``, and whether they are all of them.

    All distinct assignments when there are at most ``n_permutations`` of them
    (the observed one among them) and outside :func:`drawn_only`; otherwise
    ``n_permutations`` uniformly random permutations.
    """
    values = _keys(values)
    if enumerated(n_assignments(values), n_permutations):
        return _enumerate(values), True
    return np.vstack([rng.permutation(values) for _ in range(n_permutations)]), False


def _enumerate(values: np.ndarray) -> np.ndarray:
    levels, counts = np.unique(values, return_counts=True)
    order = np.argsort(counts)  # the most common level fills what is left
    n = len(values)
    rows: list[np.ndarray] = []

    def place(depth: int, free: tuple[int, ...], current: np.ndarray) -> None:
        if depth == len(order) - 1:
            current = current.copy()
            current[list(free)] = levels[order[depth]]
            rows.append(current)
            return
        level, count = levels[order[depth]], counts[order[depth]]
        for chosen in itertools.combinations(free, int(count)):
            nxt = current.copy()
            nxt[list(chosen)] = level
            rest = tuple(i for i in free if i not in set(chosen))
            place(depth + 1, rest, nxt)

    place(0, tuple(range(n)), np.full(n, np.nan))
    return np.vstack(rows)


def ri_pvalue(observed: float, permuted: np.ndarray, exact: bool) -> tuple[float, int, int]:
    """Two-sided randomisation p-value of ``|observed|`` among ``|permuted|``.

    Unidentified (NaN) permuted statistics are dropped.  Exact enumeration:
    the share of identified assignments at least as extreme (the observed
    assignment is one of them).  Random draws: ``(1 + #exceed) / (1 + #used)``
    (Phipson and Smyth 2010).

    Returns
    -------
    (p_value, n_used, n_dropped)
    """
    permuted = np.asarray(permuted, dtype="float64")
    ok = np.isfinite(permuted)
    n_used, n_dropped = int(ok.sum()), int((~ok).sum())
    if not np.isfinite(observed):
        return np.nan, n_used, n_dropped
    threshold = abs(observed) * (1 - 1e-9) - 1e-12
    exceed = int((np.abs(permuted[ok]) >= threshold).sum())
    if exact:
        return (exceed / n_used if n_used else np.nan), n_used, n_dropped
    return (1 + exceed) / (1 + n_used), n_used, n_dropped

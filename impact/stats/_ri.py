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

import numpy as np

__all__: list[str] = []

#: Never enumerate more assignments than this, whatever `n_permutations` says.
MAX_ENUMERATION = 200_000


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
    (the observed one among them); otherwise ``n_permutations`` uniformly
    random permutations.
    """
    values = _keys(values)
    total = n_assignments(values)
    if total <= min(n_permutations, MAX_ENUMERATION):
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

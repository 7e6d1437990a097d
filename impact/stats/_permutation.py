"""Vectorised permutation tests of group differences, many tests at once (private).

Every test compares the groups of one set of units on one score (0/1 for a
binary outcome, mid-ranks for a continuous or ordinal one).  The statistic is
the between-group sum of squares of the score, ``sum_g S_g**2 / n_g``, which for
a binary outcome orders tables exactly as Pearson's chi-square does and for
ranks exactly as the Kruskal-Wallis H does (the margins are fixed under
permutation).  All tests with the same number of units share one matrix of
permuted positions, and all tests that also share the same group labels are
evaluated with one matrix product per group, so thousands of resamples for a
whole codebook cost a few BLAS calls instead of one Python loop per test.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

__all__: list[str] = []

_CHUNK = 4_000_000  # elements of the boolean label mask built at a time


def _between_ss(sums: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """``sum_g sums[..., g]**2 / counts[g]`` over groups that have units."""
    used = counts > 0
    return (sums[..., used] ** 2 / counts[used]).sum(axis=-1)


def _permutation_pvalues(
    scores: list[np.ndarray],
    labels: list[np.ndarray],
    *,
    n_resamples: int,
    seed: int | np.random.Generator | None,
) -> np.ndarray:
    """Two-sided permutation p-values, one per test.

    Parameters
    ----------
    scores, labels : lists of 1-D arrays
        For test ``t``, the score and the integer group code (0..G-1) of each unit.
    n_resamples : int
        Random permutations per test (the same permutations for every test of
        the same size, which keeps results reproducible and comparable).
    seed : int, Generator or None

    Returns
    -------
    numpy.ndarray
        ``(1 + #{T* >= T_obs}) / (n_resamples + 1)`` (Phipson and Smyth 2010),
        NaN for a test with fewer than two groups.
    """
    rng = np.random.default_rng(seed)
    out = np.full(len(scores), np.nan)
    by_size: dict[int, list[int]] = defaultdict(list)
    for t, lab in enumerate(labels):
        by_size[len(lab)].append(t)
    for n in sorted(by_size):
        base = np.tile(np.arange(n, dtype=np.int32), (n_resamples, 1))
        perm = rng.permuted(base, axis=1)
        by_labels: dict[bytes, list[int]] = defaultdict(list)
        for t in by_size[n]:
            by_labels[np.asarray(labels[t], dtype=np.int64).tobytes()].append(t)
        for key, tests in by_labels.items():
            lab = np.frombuffer(key, dtype=np.int64)
            counts = np.bincount(lab).astype("float64")
            if (counts > 0).sum() < 2:
                continue
            y = np.vstack([np.asarray(scores[t], dtype="float64") for t in tests])  # (T, n)
            observed = _between_ss(np.stack([y[:, lab == g].sum(axis=1) for g in range(len(counts))], -1), counts)
            # (B, n); one byte per label when it fits: the gather moves an eighth of the memory
            permuted_labels = lab.astype(np.int8 if len(counts) <= 127 else np.int64)[perm]
            exceed = np.zeros(len(tests))
            step = max(1, _CHUNK // max(n, 1))
            tol = 1e-9 * np.abs(observed) + 1e-12
            for start in range(0, n_resamples, step):
                block = permuted_labels[start : start + step]
                # the last group's sum is the total minus the others: one product fewer
                partial = [y @ (block == g).T.astype("float64") for g in range(len(counts) - 1)]
                last = y.sum(axis=1)[:, None] - sum(partial)
                sums = np.stack([*partial, last], axis=-1)  # (T, b, G)
                stat = _between_ss(sums, counts)
                exceed += (stat >= (observed - tol)[:, None]).sum(axis=1)
            out[tests] = (1.0 + exceed) / (n_resamples + 1.0)
    return out

"""Vectorised permutation tests of group differences, many tests at once (private).

Every test compares the groups of one set of units on one score (0/1 for a
binary outcome, mid-ranks for a continuous or ordinal one).  The statistic is
the between-group sum of squares of the score, ``sum_g S_g**2 / n_g``, which for
a binary outcome orders tables exactly as Pearson's chi-square does and for
ranks exactly as the Kruskal-Wallis H does (the margins are fixed under
permutation).  All tests that share the same group labels (every code of a
codebook at one wave, say) share the same random assignments, drawn by a
partial Fisher-Yates shuffle vectorised over the resamples and summed for all
those tests with one matrix product per group, so thousands of resamples for
a whole codebook cost a few dozen array operations instead of one Python loop
per test.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from ._ri import _enumerate, enumerated, n_assignments

__all__: list[str] = []

_CHUNK = 4_000_000  # elements of the (resamples x units) arrays built at a time

#: Distinct assignments of units to groups up to which every one is enumerated (when `n_resamples` is at least as
#: many): 3 councils against 17 have 1,140, 5 against 15 have 15,504.
_ENUMERATION_MAX = 20_000


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
        Random permutations per test (the same permutations for every test
        with the same group labels, which keeps results reproducible and
        comparable, and lets one pass serve every code of a codebook). Where
        the distinct assignments of the units to groups of their sizes are
        no more than this (and ``_ENUMERATION_MAX``), every one is enumerated
        instead, except within :func:`impact.stats._ri.drawn_only`.
    seed : int, Generator or None

    Returns
    -------
    numpy.ndarray
        ``(1 + #{T* >= T_obs}) / (n_resamples + 1)`` (Phipson and Smyth 2010),
        or, enumerated, the exact ``#{T* >= T_obs} / N`` over the N distinct
        assignments (the observed one among them, so never 0); NaN for a test
        with fewer than two groups.
    """
    rng = np.random.default_rng(seed)
    out = np.full(len(scores), np.nan)
    by_labels: dict[tuple[int, bytes], list[int]] = defaultdict(list)
    for t, lab in enumerate(labels):
        lab = np.asarray(lab, dtype=np.int64)
        by_labels[len(lab), lab.tobytes()].append(t)
    for (n, key), tests in sorted(by_labels.items()):
        lab = np.frombuffer(key, dtype=np.int64)
        counts = np.bincount(lab).astype("float64")
        if (counts > 0).sum() < 2:
            continue
        y = np.vstack([np.asarray(scores[t], dtype="float64") for t in tests])  # (T, n)
        observed = _between_ss(np.stack([y[:, lab == g].sum(axis=1) for g in range(len(counts))], -1), counts)
        tol = 1e-9 * np.abs(observed) + 1e-12
        if enumerated(n_assignments(lab), n_resamples, _ENUMERATION_MAX):
            # few distinct assignments (1 council against 3 has 4): every one, the exact conditional p
            every = _enumerate(lab.astype("float64"))  # (N, n) group codes, the observed assignment among them
            sums = np.stack([y @ (every == g).T.astype("float64") for g in range(len(counts))], -1)  # (T, N, G)
            out[tests] = (_between_ss(sums, counts) >= (observed - tol)[:, None]).sum(axis=1) / len(every)
            continue
        exceed = np.zeros(len(tests))
        step = max(1, min(_CHUNK // max(n, 1), _CHUNK // (len(tests) * len(counts))))
        for start in range(0, n_resamples, step):
            sums = _random_group_sums(rng, y, counts, min(step, n_resamples - start))  # (T, b, G)
            exceed += (_between_ss(sums, counts) >= (observed - tol)[:, None]).sum(axis=1)
        out[tests] = (1.0 + exceed) / (n_resamples + 1.0)
    return out


def _random_group_sums(rng: np.random.Generator, y: np.ndarray, counts: np.ndarray, b: int) -> np.ndarray:
    """Each group's sum of ``y`` (T, n) under ``b`` random assignments of units to groups of sizes ``counts``.

    A partial Fisher-Yates shuffle, run on all ``b`` resamples at once: step
    ``i`` swaps a unit drawn uniformly from positions ``i..n-1`` into position
    ``i``, and that position's group gets the unit.  Only the units of the
    groups other than the largest are drawn (the largest group's sum is the
    total minus the others), so a 46-versus-107 split of 153 councils takes 46
    vectorised steps, not a full shuffle of 153 per resample; each drawn group
    is then summed for every test with one matrix product.  ``floor(u * m)``
    with a 53-bit uniform ``u`` picks among ``m`` positions with a relative
    bias below ``m / 2**53``.

    Returns
    -------
    numpy.ndarray
        Shape ``(T, b, G)``.
    """
    n_tests, n = y.shape
    big = int(np.argmax(counts))
    drawn = [g for g in range(len(counts)) if g != big]
    steps = np.repeat(np.arange(1, len(drawn) + 1), counts[drawn].astype(np.int64))  # 1 + index in `drawn`
    position = np.tile(np.arange(n, dtype=np.int16 if n < 2**15 else np.int32), b)  # resample r: [r * n, (r + 1) * n)
    row = np.arange(b) * n
    group = np.zeros(b * n, dtype=np.int8 if len(drawn) < 127 else np.int16)  # 0: the largest group
    draws = rng.random((len(steps), b))
    for i, code in enumerate(steps.tolist()):
        j = row + i + (draws[i] * (n - i)).astype(np.intp)
        unit = position[j]
        position[j] = position[row + i]
        group[row + unit] = code
    group = group.reshape(b, n)
    sums = np.empty((n_tests, b, len(counts)))
    for code, g in enumerate(drawn, 1):
        sums[:, :, g] = y @ (group == code).T.astype("float64")
    sums[:, :, big] = y.sum(axis=1)[:, None] - sums[:, :, drawn].sum(axis=-1)
    return sums

"""Planning: how many councils are needed to detect a difference in prevalence
or a difference-in-differences effect."""

from __future__ import annotations

import copy
import math
import warnings
from typing import Literal

import numpy as np
import pandas as pd
from scipy import stats
from statsmodels.stats.power import NormalIndPower
from statsmodels.stats.proportion import proportion_effectsize

from .._keywords import keyword_only
from ..errors import StatisticalWarning, user_level
from ._checks import _check_choice, _check_count, _check_probability, _check_real, _check_seed
from ._exact import _lchoose

__all__ = ["power_prevalence", "councils_needed", "did_power"]

_REL = 1 + 1e-7

#: Normal numbers :func:`did_power` draws at once (80 MB), and in all (about a minute of drawing): a larger
#: simulation is drawn in blocks, a far larger one refused before it starts.
_DRAWS_PER_BLOCK = 10_000_000
_DRAWS_MAX = 10_000_000_000

#: Largest ``n_a * n_b`` whose exact (or mid-p) power is computed: every table is enumerated, in time growing as
#: about (n_a n_b)^1.25 (11 s at 1,000 against 1,000 councils), in memory as n_a n_b.
_EXACT_PAIRS_MAX = 1_000_000

#: Councils n_a up to which :func:`councils_needed`'s exact search checks every n (about 1.5 s in all): below it the
#: saw-tooth of exact power matters most; above, the search brackets and bisects.
_EXACT_SCAN_MAX = 100

#: Councils past the last n whose exact power falls short of the target that :func:`councils_needed` checks before it
#: takes power to stay at or above it. An empirical bound, not a proven one: in 40 designs scanned near the answer
#: (bench/councils_needed_sawtooth.py, ratios 0.2 to 3) no run of more than 4 councils reaching the target was
#: followed by one falling short, and scanning every n from 1 (bench/councils_needed_brute.py, ratios 0.005 to 10,
#: where n_b steps once every 1 / ratio councils) none of more than 9.
_EXACT_RUN = 50

#: Largest ``n_a * n_b`` at which a normal-approximation power is set beside the exact mid-p power of the same design
#: (0.09 s at 300 against 300 councils), and the gap between the two beyond which a ``StatisticalWarning`` says so.
#: The mid-p test is the one :func:`impact.stats.compare_groups` runs on a binary outcome of two groups. Simulated
#: (bench/survey_power_check.py, statistics round 20), the normal figure overstated that test's power by up to 0.19
#: at 10 councils (0.53 stated, 0.38 reached: 5 against 5, 0.2 against 0.8) and 0.07 at 20; at 40 it was within
#: 0.04. Rare events keep it apart further on: 0.01 against 0.06, 150 against 150: 0.72 against 0.66.
_NORMAL_CHECK_PAIRS_MAX = 90_000
_NORMAL_GAP = 0.05


def _exact_power(p_a: float, p_b: float, n_a: int, n_b: int, alpha: float, midp: bool) -> float:
    """Power of Fisher's exact (or mid-p) test by enumerating every table.

    Within each margin (total events ``m``) a table's two-sided p is the sum of the probabilities of the tables no
    more likely than it (within a relative 1e-7), read from the cumulative sum of the margin's sorted probabilities:
    n log n a margin where comparing every pair of tables was n^2 (1,000 against 1,000 councils: 0.2 s, was 2.9 s;
    the same powers to 1e-15), which :func:`councils_needed`'s scan past the first n reaching the target needs."""
    prob_a = stats.binom.pmf(np.arange(n_a + 1), n_a, p_a)
    prob_b = stats.binom.pmf(np.arange(n_b + 1), n_b, p_b)
    power = 0.0
    for m in range(1, n_a + n_b):  # m = 0 or n_a + n_b: one table, p = 1, never rejected (alpha < 1)
        k = np.arange(max(0, m - n_a), min(m, n_b) + 1)  # events in group b
        logw = _lchoose(n_b, k) + _lchoose(n_a, m - k)
        pmf = np.exp(logw - logw.max())
        pmf /= pmf.sum()
        ordered = np.sort(pmf)
        below = np.concatenate([[0.0], np.cumsum(ordered)])  # below[i]: the i least likely tables' probability
        p = below[np.searchsorted(ordered, pmf * _REL, side="right")]
        if midp:  # half the probability of the tables as likely as the observed one
            p = p - 0.5 * (p - below[np.searchsorted(ordered, pmf / _REL, side="left")])
        # p-values are sums of rational probabilities: one that is alpha exactly (a mid-p of 0.1 / 2) rejects, as
        # p <= alpha says, whichever way rounding fell
        reject = p <= alpha * _REL
        power += float((prob_a[m - k[reject]] * prob_b[k[reject]]).sum())
    return power


@keyword_only("p_a", "p_b")
def power_prevalence(
    *,
    p_a: float,
    p_b: float,
    n_a: int,
    n_b: int | None = None,
    alpha: float = 0.05,
    method: Literal["normal", "exact", "midp"] = "normal",
) -> pd.DataFrame:
    """Power to detect a difference between two prevalences (two-sided).

    Parameters
    ----------
    p_a, p_b : float
        Prevalence (e.g. share of councils mentioning a code) in each group.
    n_a : int
        Units in group a.
    n_b : int, optional
        Units in group b (default `n_a`).
    alpha : float
        Two-sided significance level.
    method : {"normal", "exact", "midp"}
        ``"normal"``: normal approximation with Cohen's h (statsmodels
        ``NormalIndPower``). ``"exact"`` / ``"midp"``: exact power of Fisher's
        exact test (or its mid-p) by enumerating all (n_a + 1)(n_b + 1)
        outcomes, the honest figure for small studies.

    Returns
    -------
    pandas.DataFrame
        One row: `p_a`, `p_b`, `n_a`, `n_b`, `cohens_h`, `alpha`, `method`, `power`.

    Raises
    ------
    ValueError
        For probabilities outside (0, 1), non-positive n or an unknown method.

    Warns
    -----
    StatisticalWarning
        With ``method="normal"``, where the exact power of Fisher's mid-p
        test (the test :func:`compare_groups` runs on a binary outcome of
        two groups) differs from the normal figure by more than 0.05
        (checked up to n_a x n_b = 90,000): at 5 against 5 councils, 0.2
        against 0.8, the normal figure is 0.53 and the mid-p test's 0.38.

    References
    ----------
    Cohen, J. (1988). Statistical Power Analysis for the Behavioral Sciences,
    2nd ed., ch. 6.

    Examples
    --------
    >>> res = power_prevalence(p_a=0.3, p_b=0.7, n_a=10, n_b=20, method="exact")
    >>> bool(0 < res.loc[0, "power"] < 1)
    True
    """
    _check_probability("p_a", p_a)
    _check_probability("p_b", p_b)
    _check_probability("alpha", alpha)
    _check_choice("method", method, ["normal", "exact", "midp"])
    _check_count("n_a", n_a)
    n_b = n_a if n_b is None else n_b
    _check_count("n_b", n_b)
    h = float(proportion_effectsize(p_b, p_a))
    if method == "normal":
        power = _normal_power(h, n_a, n_b, alpha)
        midp = _midp_beside_normal(p_a, p_b, n_a, n_b, alpha) if h else None
        if midp is not None and abs(power - midp) > _NORMAL_GAP:
            warnings.warn(f"The normal approximation gives power {power:.2f} for {n_a:,} against {n_b:,} councils, but "
                          f"the test compare_groups runs on a binary outcome (Fisher's mid-p) has power {midp:.2f} "
                          "there, computed exactly: use method='midp' (or 'exact' for Fisher's test) to plan for it.",
                          StatisticalWarning, stacklevel=user_level())
    else:
        if n_a * n_b > _EXACT_PAIRS_MAX:
            raise ValueError(f"The {method} power of {n_a:,} against {n_b:,} councils is not computed: it enumerates "
                             f"every table, and n_a x n_b may be at most {_EXACT_PAIRS_MAX:,} - use "
                             "method='normal' for groups this large.")
        power = _exact_power(p_a, p_b, n_a, n_b, alpha, midp=method == "midp")
    return pd.DataFrame([dict(p_a=p_a, p_b=p_b, n_a=n_a, n_b=n_b, cohens_h=h, alpha=alpha, method=method,
                              power=power)])


@keyword_only("p_a", "p_b")
def councils_needed(
    *,
    p_a: float,
    p_b: float,
    power: float = 0.8,
    ratio: float = 1.0,
    alpha: float = 0.05,
    method: Literal["normal", "exact", "midp"] = "normal",
    max_n: int = 2_000,
) -> pd.DataFrame:
    """Smallest number of councils to detect a difference in prevalence.

    Parameters
    ----------
    p_a, p_b : float
        Prevalences to distinguish.
    power : float
        Target power.
    ratio : float
        n_b / n_a (e.g. 2 for twice as many comparison councils).
    alpha : float
        Two-sided significance level.
    method : {"normal", "exact", "midp"}
        As in :func:`power_prevalence`. Exact power is not monotone in n
        ("saw-tooth"): an n that reaches `power` may be followed by one
        that does not. The exact search gives the smallest n_a from which
        power stays at or above `power`: every n_a from one council to 100
        (``_EXACT_SCAN_MAX``) is checked; beyond 100 the first n reaching
        it is bracketed from the normal approximation's answer and
        bisected, and then every n after the answer is checked, up to 50
        councils (``_EXACT_RUN``) past the last that falls short (or to
        the largest n searched). A dip more than 50 councils past the
        answer would not be seen. That bound is empirical, not proven: exact
        power is not monotone in n (a table's rejection region changes with
        the margins) and no bound on how long it can stay above the target
        before falling short again is known to us. Checked by brute force,
        every n from one council to twice the normal answer plus 120
        (bench/councils_needed_brute.py: ratios 0.005 to 10, target power
        0.5 to 0.95, exact and mid-p) and near the answer
        (bench/councils_needed_sawtooth.py), no run of more than 9 councils
        reaching the target came before a dip (docs/methods.md). Each
        exact power enumerates every table (0.2 s at 1,000 against 1,000
        councils).
    max_n : int
        Largest n_a searched (exact methods); n_a x n_b is at most 1,000,000
        in any case.

    Returns
    -------
    pandas.DataFrame
        One row: `p_a`, `p_b`, `n_a`, `n_b`, `n_total`, `target_power`,
        `power` (achieved), `method`.

    Raises
    ------
    ValueError
        For bad arguments, or when `max_n` is not enough.

    Warns
    -----
    StatisticalWarning
        With ``method="normal"``, where the exact power of Fisher's mid-p
        test (the test :func:`compare_groups` runs on a binary outcome) at
        the answer falls more than 0.05 short of `power` (0.05 against
        0.9: 4 councils a side, mid-p power 0.53).

    Examples
    --------
    >>> councils_needed(p_a=0.45, p_b=0.65, power=0.8)[["n_a", "n_b", "n_total"]]
       n_a  n_b  n_total
    0   96   96      192
    """
    _check_probability("p_a", p_a)
    _check_probability("p_b", p_b)
    _check_probability("power", power)
    _check_probability("alpha", alpha)
    _check_choice("method", method, ["normal", "exact", "midp"])
    _check_real("ratio", ratio, positive=True)
    _check_count("max_n", max_n)
    h = abs(float(proportion_effectsize(p_b, p_a)))
    if h == 0:
        raise ValueError("`p_a` and `p_b` are equal: no sample size detects a zero difference.")
    if method == "normal":
        n_a = _normal_n(h, alpha, power, ratio)
        n_b = max(1, math.ceil(n_a * ratio))
        achieved = pd.DataFrame({"power": [_normal_power(h, n_a, n_b, alpha)]})
        midp = _midp_beside_normal(p_a, p_b, n_a, n_b, alpha)
        if midp is not None and midp < power - _NORMAL_GAP:
            warnings.warn(f"The normal approximation needs {n_a:,} and {n_b:,} councils for power {power}, but there "
                          f"the test compare_groups runs on a binary outcome (Fisher's mid-p) has power {midp:.2f}, "
                          "computed exactly: councils_needed(..., method='midp') gives the number that test needs.",
                          StatisticalWarning, stacklevel=user_level())
    else:
        n_a, achieved = _exact_n(p_a, p_b, h, power, ratio, alpha, method, max_n)
    n_b = max(1, math.ceil(n_a * ratio))
    return pd.DataFrame([dict(p_a=p_a, p_b=p_b, n_a=n_a, n_b=n_b, n_total=n_a + n_b, target_power=power,
                              power=float(achieved.loc[0, "power"]), method=method)])


def _normal_power(h: float, n_a: int, n_b: int, alpha: float) -> float:
    """Power of the two-sided normal test of Cohen's h (statsmodels ``NormalIndPower``); alpha where h is 0."""
    return float(NormalIndPower().power(effect_size=abs(h), nobs1=n_a, alpha=alpha, ratio=n_b / n_a)) if h else alpha


def _midp_beside_normal(p_a: float, p_b: float, n_a: int, n_b: int, alpha: float) -> float | None:
    """The exact mid-p power of the design, to set beside its normal approximation; None beyond
    :data:`_NORMAL_CHECK_PAIRS_MAX` pairs, where the two are close but for rare events."""
    return _exact_power(p_a, p_b, n_a, n_b, alpha, midp=True) if n_a * n_b <= _NORMAL_CHECK_PAIRS_MAX else None


def _exact_n(p_a: float, p_b: float, h: float, power: float, ratio: float, alpha: float, method: str,
             max_n: int) -> tuple[int, pd.DataFrame]:
    """:func:`councils_needed`'s exact (or mid-p) n_a and its power row: the first n reaching the target, from every
    n from one council to :data:`_EXACT_SCAN_MAX` (at small n exact power can reach the target well below the normal
    approximation's answer: mid-p, 0.01 against 0.99, ratio 0.5, power 0.9: 3 councils, where a scan from 0.8 of the
    normal answer gave 4), then bracketed from the normal answer and bisected, up to the largest n computable; then
    moved past every n after it that falls short (:func:`_staying_from`). The first n reaching the target is not an
    answer where power falls below it again: 0.1 against 0.2, ratio 1/3, power 0.8 (exact) reaches it at 394, 397 and
    398 and falls short at 395, 396 and 399 (0.79989); the search gave 397, and power stays at or above it from 400."""
    found: dict[int, pd.DataFrame] = {}

    def n_b(n: int) -> int:
        return max(1, math.ceil(n * ratio))

    def reaches(n: int) -> bool:
        found[n] = power_prevalence(p_a=p_a, p_b=p_b, n_a=n, n_b=n_b(n), alpha=alpha, method=method)
        return bool(found[n].loc[0, "power"] >= power)

    top = _largest(lambda n: n * n_b(n) <= _EXACT_PAIRS_MAX, max_n)  # n_b(n) rises with n
    n = next((n for n in range(1, min(top, _EXACT_SCAN_MAX) + 1) if reaches(n)), None)
    if n is None and top > _EXACT_SCAN_MAX:
        n = _smallest_reaching(reaches, _normal_n(h, alpha, power, ratio), floor=_EXACT_SCAN_MAX, ceiling=top)
    if n is not None:  # n reaches the target, n - 1 does not: past n, power may fall below it again (a saw-tooth)
        staying = _staying_from(reaches, n, top)
        if staying is not None:
            return staying, found[staying]
        raise ValueError(f"Power {power} is reached at n_a = {n:,} but not kept: it falls below it again at n_a = "
                         f"{top:,}, the largest n searched (`max_n`, or n_a x n_b at most {_EXACT_PAIRS_MAX:,}) - "
                         "raise `max_n` or use method='normal'.")
    if top < max_n:
        raise ValueError(f"No n_a up to {top:,} reaches power {power}, and beyond it the {method} power is not "
                         f"computed (n_a x n_b at most {_EXACT_PAIRS_MAX:,}) - use method='normal'.")
    raise ValueError(f"No n_a up to `max_n`={max_n} reaches power {power}.")


def _staying_from(reaches, n: int, top: int) -> int | None:
    """The smallest n' >= ``n`` (which reaches) from which ``reaches`` holds at every n checked: each n after it up to
    :data:`_EXACT_RUN` past the last that falls short, or to ``top``; None where ``top`` itself falls short."""
    start, last = n, n + _EXACT_RUN
    while n < min(last, top):
        n += 1
        if not reaches(n):
            start, last = n + 1, n + 1 + _EXACT_RUN
    return start if start <= top else None


def _largest(ok, most: int) -> int:
    """The largest n in 1..``most`` for which ``ok(n)`` holds, ``ok`` holding up to some n and not beyond; 0 if none."""
    low, high = 0, most + 1
    while high - low > 1:
        mid = (low + high) // 2
        low, high = (mid, high) if ok(mid) else (low, mid)
    return low


def _smallest_reaching(reaches, guess: int, *, floor: int = 0, ceiling: int | None = None) -> int | None:
    """The smallest n in ``floor + 1 .. ceiling`` for which ``reaches(n)``, taken as rising with n (``floor`` not
    reaching): bracket it by steps doubling away from ``guess``, then halve the bracket; None where ``ceiling`` does
    not reach. (A step of one at a time never ended where the guess is far off, as with a ratio of 1e-300.)"""
    guess = max(floor + 1, guess if ceiling is None else min(guess, ceiling))
    step = 1
    if reaches(guess):
        low, high = guess - 1, guess  # high reaches; low does not, or is the floor
        while low > floor and reaches(low):
            high, step = low, step * 2
            low = max(floor, high - step)
    else:
        low = guess
        while True:
            if ceiling is not None and low >= ceiling:
                return None
            high = low + step if ceiling is None else min(low + step, ceiling)
            if reaches(high):
                break
            low, step = high, step * 2
    while high - low > 1:
        mid = (low + high) // 2
        low, high = (low, mid) if reaches(mid) else (mid, high)
    return high


def _normal_n(h: float, alpha: float, power: float, ratio: float) -> int:
    """Smallest ``n_a`` whose normal-approximation power (:class:`NormalIndPower`, ``n_b = ratio * n_a``) reaches
    ``power``: from the closed form ``(z_{1 - alpha/2} + z_power)^2 (1 + 1/ratio) / h^2`` (Cohen 1988, ch. 6), which
    ignores the far tail, stepped to the exact integer. statsmodels' ``solve_power`` returns NaN where the answer is
    below its search bracket (a difference as large as 0.05 against 0.95)."""
    def reaches(n: int) -> bool:
        return NormalIndPower().power(effect_size=h, nobs1=n, alpha=alpha, ratio=ratio) >= power

    z = stats.norm.ppf(1 - alpha / 2) + stats.norm.ppf(power)
    guess = max(1, math.ceil((z / h) ** 2 * (1 + 1 / ratio)))
    return _smallest_reaching(reaches, guess)


def did_power(
    *,
    n_units: int | list[int],
    effect: float,
    treated_share: float = 0.5,
    n_pre: int = 1,
    n_post: int = 2,
    sd_noise: float = 1.0,
    alpha: float = 0.05,
    n_sim: int = 2_000,
    seed: int | None = 0,
) -> pd.DataFrame:
    """Simulated power of a difference-in-differences comparison of councils.

    Each replicate draws a balanced panel (noise ~ N(0, `sd_noise`), `effect`
    added to treated units' post periods) and applies the test of
    :func:`did` (default ``cov_type="cr2"``). In a balanced common-timing
    panel the two-way fixed-effects estimate equals the difference between
    groups in the units' mean post-minus-pre change, and its CR2
    cluster-robust standard error is the unequal-variance (Welch) error of
    that difference, tested against t with the Bell-McCaffrey degrees of
    freedom ``(1/n_t + 1/n_c)^2 / (1/(n_t^2 (n_t - 1)) + 1/(n_c^2 (n_c - 1)))``;
    that is how the replicates are computed (all at once). The tests check
    it against :func:`did` itself, panel by panel.

    Parameters
    ----------
    n_units : int or list of int
        Total councils (one row of output per value).
    effect : float
        True effect on the outcome scale.
    treated_share : float
        Share of councils treated (reviewed).
    n_pre, n_post : int
        Periods before and after.
    sd_noise : float
        Within-unit (period-to-period) standard deviation; stable differences
        between councils cancel in a difference-in-differences.
    alpha : float
        Two-sided significance level.
    n_sim : int
        Replicates per value of `n_units`.
    seed : int or None
        Seed (reproducible by default).

    Returns
    -------
    pandas.DataFrame
        One row per `n_units`: `n_units`, `n_treated`, `n_control`, `effect`,
        `power`, `mc_se` (Monte Carlo standard error), `n_sim`.

    Raises
    ------
    ValueError
        For bad arguments.

    Examples
    --------
    >>> res = did_power(n_units=[20, 60], effect=1.0, n_sim=500)
    >>> bool(res.loc[0, "power"] < res.loc[1, "power"])
    True
    """
    _check_probability("treated_share", treated_share)
    _check_probability("alpha", alpha)
    _check_count("n_pre", n_pre)
    _check_count("n_post", n_post)
    _check_count("n_sim", n_sim)
    _check_real("effect", effect)
    _check_real("sd_noise", sd_noise, positive=True)
    _check_seed(seed)
    sizes = list(n_units) if isinstance(n_units, (list, tuple, range, np.ndarray, pd.Series)) else [n_units]
    for n in sizes:
        _check_count("n_units", n, minimum=4)
    draws = n_sim * sum(sizes) * (n_pre + n_post)
    if draws > _DRAWS_MAX or max(sizes, default=0) * max(n_pre, n_post) > _DRAWS_PER_BLOCK:
        raise ValueError(f"did_power would draw {draws:,} normal numbers (n_sim x n_units x (n_pre + n_post)); at "
                         f"most {_DRAWS_MAX:,}, and {_DRAWS_PER_BLOCK:,} for one replicate - lower n_sim, n_units, "
                         "n_pre or n_post.")
    rng = np.random.default_rng(seed)
    rows = []
    for n in sizes:
        n_t = int(round(n * treated_share))
        n_t = min(max(n_t, 2), n - 2)
        n_c = n - n_t
        df = (1 / n_t + 1 / n_c) ** 2 / (1 / (n_t**2 * (n_t - 1)) + 1 / (n_c**2 * (n_c - 1)))
        critical = stats.t.ppf(1 - alpha / 2, df)
        rejected = 0
        # unit effects cancel in the post - pre change; only the noise matters
        for change in _mean_changes(rng, n_sim, n, n_pre, n_post, sd_noise):
            change[:, :n_t] += effect
            t_mean, c_mean = change[:, :n_t].mean(axis=1), change[:, n_t:].mean(axis=1)
            # did()'s default test: CR2 cluster-robust error, which in a balanced common-timing panel is the
            # unequal-variance error of the difference in the units' mean changes, with the Bell-McCaffrey df
            se = np.sqrt(change[:, :n_t].var(axis=1, ddof=1) / n_t + change[:, n_t:].var(axis=1, ddof=1) / n_c)
            rejected += int((np.abs((t_mean - c_mean) / se) > critical).sum())
        power = rejected / n_sim
        rows.append(dict(n_units=n, n_treated=n_t, n_control=n_c, effect=effect, power=power,
                         mc_se=float(np.sqrt(power * (1 - power) / n_sim)), n_sim=n_sim))
    return pd.DataFrame(rows)


def _mean_changes(rng: np.random.Generator, n_sim: int, n: int, n_pre: int, n_post: int, sd_noise: float):
    """Each replicate's units' mean post-period noise minus their mean pre-period noise, in blocks of replicates.

    The numbers are those of drawing all the pre periods, then all the post periods, at once; a simulation of more
    than :data:`_DRAWS_PER_BLOCK` numbers is drawn a block at a time from two copies of the generator (one at the
    pre periods' start, one at the post periods'), so its memory stays that of one block.
    """
    block = max(1, _DRAWS_PER_BLOCK // (n * max(n_pre, n_post)))
    if block >= n_sim:
        pre = rng.normal(0, sd_noise, (n_sim, n, n_pre)).mean(axis=2)
        yield rng.normal(0, sd_noise, (n_sim, n, n_post)).mean(axis=2) - pre
        return
    pre_rng = copy.deepcopy(rng)
    for start in range(0, n_sim, block):  # past the pre periods: ``rng`` is then where the post periods start
        rng.normal(0, sd_noise, (min(block, n_sim - start), n, n_pre))
    for start in range(0, n_sim, block):
        k = min(block, n_sim - start)
        pre = pre_rng.normal(0, sd_noise, (k, n, n_pre)).mean(axis=2)
        yield rng.normal(0, sd_noise, (k, n, n_post)).mean(axis=2) - pre


def _rank_test_detectable_shift(n_a: int, n_b: int, *, alpha: float = 0.05, power: float = 0.8,
                                n_draws: int = 20_000, seed: int = 0) -> float:
    """Smallest shift, in standard deviations of normally spread values, that the two-sided exact rank test of two
    groups of ``n_a`` and ``n_b`` (Wilcoxon-Mann-Whitney; the permutation test of
    :func:`impact.stats.compare_groups` on mid-ranks, without ties) rejects at ``alpha`` with probability ``power``;
    NaN where no outcome can reach ``alpha`` (``2 / C(n_a + n_b, n_b)`` above it).

    The rejection region is exact: ``U <= c`` or ``U >= n_a n_b - c``, ``c`` the largest value with
    ``2 P(U <= c) <= alpha`` under the null. The power at a shift ``d`` is estimated from ``n_draws`` seeded
    draws of two normal samples: ``U(d)`` counts the pairs with ``a_i - b_j < d``, so each draw rejects where ``d``
    is above the ``(n_a n_b - c)``-th smallest of its differences ``a_i - b_j`` or at most the ``(c + 1)``-th, and
    the power curve is known for every ``d`` at once from those two order statistics; the shift is found by
    bisection. The two-sample t test's figure (``TTestIndPower``) is that of another test: at 8 against 3 councils
    it gives 2.13 standard deviations, at which the rank test's power is 0.75, not 0.8 (Lehmann 1975, ch. 2; the
    rank test's efficiency against the t test is below its large-sample 3 / pi with so few)."""
    from ._groups import _HL_EXACT_MAX, _u_distribution

    m = n_a * n_b
    if m <= _HL_EXACT_MAX:
        cdf = np.cumsum(_u_distribution(n_a, n_b))
    else:  # normal approximation of the null U (no ties), as the Hodges-Lehmann interval's
        grid = np.arange(m + 1)
        cdf = stats.norm.cdf((grid + 0.5 - m / 2) / math.sqrt(m * (n_a + n_b + 1) / 12))
    below = np.flatnonzero(2 * cdf <= alpha * _REL)
    if below.size == 0:
        return float("nan")
    c = int(below[-1])
    if m > _RANK_DRAWS_MAX:
        return _bisect(lambda d: _rank_power_normal(n_a, n_b, c, d), power)
    rng = np.random.default_rng(seed)
    chunk = max(1, 4_000_000 // m)
    low, high = [], []
    for start in range(0, n_draws, chunk):
        k = min(chunk, n_draws - start)
        diffs = (rng.standard_normal((k, n_a))[:, :, None] - rng.standard_normal((k, n_b))[:, None, :]).reshape(k, m)
        diffs.partition([c, m - c - 1], axis=1)
        low.append(diffs[:, c].copy())  # U(d) <= c  where d <= this, the (c + 1)-th smallest
        high.append(diffs[:, m - c - 1].copy())  # U(d) >= m - c where d > this, the (m - c)-th smallest
    low_k, high_k = np.concatenate(low), np.concatenate(high)

    def reached(d: float) -> float:
        return float(np.mean(low_k >= d) + np.mean(high_k < d))

    return _bisect(reached, power)


#: Largest n_a x n_b whose rank-test power :func:`_rank_test_detectable_shift` draws (about 0.7 s at 200 pairs);
#: beyond, Lehmann's normal approximation, within 0.002 standard deviations of the draws' answer from 600 pairs on
#: (30 against 20 councils: 0.854 against 0.854; 20 against 10: 1.168 against 1.153).
_RANK_DRAWS_MAX = 400


def _rank_power_normal(n_a: int, n_b: int, c: int, d: float) -> float:
    """Power of the rank test rejecting at ``U <= c`` or ``U >= n_a n_b - c`` for a normal shift ``d``, from U's
    normal approximation under the alternative (Lehmann 1975, ch. 2): mean ``m p1``, variance
    ``m [p1 (1 - p1) + (n_a + n_b - 2)(p2 - p1^2)]``, ``p1 = Phi(d / sqrt 2)`` and ``p2`` the chance that two
    differences sharing one value are both positive, a bivariate normal orthant of correlation 1/2."""
    m = n_a * n_b
    p1 = float(stats.norm.cdf(d / math.sqrt(2)))
    p2 = float(stats.multivariate_normal([0.0, 0.0], [[1.0, 0.5], [0.5, 1.0]]).cdf([d / math.sqrt(2)] * 2))
    sd = math.sqrt(m * (p1 * (1 - p1) + (n_a + n_b - 2) * max(0.0, p2 - p1 ** 2)))
    return float(stats.norm.sf((m - c - 0.5 - m * p1) / sd) + stats.norm.cdf((c + 0.5 - m * p1) / sd))


def _bisect(reached, power: float) -> float:
    """The smallest d >= 0 at which ``reached(d)`` (increasing) is at least ``power``, by bisection; NaN beyond
    1,000."""
    lo, hi = 0.0, 1.0
    while reached(hi) < power:
        lo, hi = hi, 2 * hi
        if hi > 1e3:
            return float("nan")
    return _narrowed(reached, power, lo, hi, 60)


def _narrowed(reached, power: float, lo: float, hi: float, steps: int) -> float:
    """The upper end of the bracket ``[lo, hi]`` (``reached(lo) < power <= reached(hi)``) after ``steps`` halvings,
    keeping the half where ``reached`` crosses ``power``."""
    for _ in range(steps):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if reached(mid) < power else (lo, mid)
    return hi


def _firth_lr_batch(x: np.ndarray, y: np.ndarray, j: int, *, iterations: int = 100,
                    tol: float = 1e-8) -> tuple[np.ndarray, np.ndarray]:
    """Firth's penalised likelihood ratio statistic of coefficient ``j`` (fixed at 0 against free, the penalty of the
    restricted fit keeping every column's information, as :func:`impact.stats.firth_logistic` tests it) and the
    penalised estimate of ``j``, for each row of ``y`` (draws x rows of 0/1) on the one design ``x`` (rows x terms).

    Newton steps on the modified score x'(y - p + h (1/2 - p)) by x' diag((1 + h) p (1 - p)) x (the step
    :class:`impact.stats._firth._FirthFit` takes), all draws at once, each step at most 5 in any coefficient; a draw
    not converged after ``iterations`` is fitted again by ``_FirthFit`` (with step-halving)."""
    from scipy.special import expit

    from ._firth import _FirthFit

    def fit(free: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        beta = np.zeros((len(y), x.shape[1]))
        done = np.zeros(len(y), dtype=bool)
        for _ in range(iterations):
            p = expit(beta @ x.T)
            v = p * (1 - p)
            info = np.einsum("bi,ik,il->bkl", v, x, x)
            h = v * np.einsum("ik,bkl,il->bi", x, np.linalg.inv(info), x)
            score = np.einsum("bi,ik->bk", y - p + h * (0.5 - p), x[:, free])
            done = np.abs(score).max(axis=1) < tol
            if done.all():
                break
            jac = np.einsum("bi,ik,il->bkl", (1 + h) * v, x[:, free], x[:, free])
            step = np.clip(np.linalg.solve(jac, score[..., None])[..., 0], -5, 5)
            beta[:, free] += np.where(done[:, None], 0.0, step)
        eta = beta @ x.T
        p = expit(eta)
        info = np.einsum("bi,ik,il->bkl", p * (1 - p), x, x)
        loglik = np.sum(y * eta - np.logaddexp(0.0, eta), axis=1) + 0.5 * np.linalg.slogdet(info)[1]
        for b in np.flatnonzero(~done):
            one = _FirthFit(y[b].astype("float64"), x, np.ones(len(x)))
            beta[b], loglik[b], _ = one.maximise(fixed=None if free.all() else {j: 0.0})
        return beta, loglik

    full, restricted = np.ones(x.shape[1], dtype=bool), np.arange(x.shape[1]) != j
    beta, pl_full = fit(full)
    _, pl_null = fit(restricted)
    return np.maximum(2 * (pl_full - pl_null), 0.0), beta[:, j]


def _firth_detectable_ratio(x: np.ndarray, j: int, share: float, *, df: float, design_effect: float = 1.0,
                            alpha: float = 0.05, power: float = 0.8, n_draws: int = 400, seed: int = 0,
                            most: float = 1e3, reuse: bool = True) -> float:
    """The smallest odds ratio per unit of column ``j`` of ``x`` (rows x terms, the intercept among them) that Firth's
    penalised likelihood ratio test, divided by ``design_effect`` and referred to F(1, ``df``) (chi-squared where
    ``df`` is infinite), states at ``alpha`` with an odds ratio above 1 with probability ``power``; infinity where none
    up to ``most`` does.

    The power at a log odds ratio b is simulated: in each of ``n_draws`` seeded draws, every row's 0/1 outcome is drawn
    from the logistic model with slope b on column ``j``, the other terms 0 and the intercept set so that the mean
    probability is ``share`` (the observed share of ones); a draw whose outcomes are all the same is not tested (so
    not stated). The same uniform numbers serve every b (common random numbers); b is the first log odds ratio on a
    grid of step 1/2 whose power reaches ``power``, refined by bisection (so "none up to ``most``" means none on that
    grid). An analytic figure misleads at the few dozen rows such a test has: Bloom's minimum detectable effect
    from the fitted standard error gave 4.91, and the expected-data likelihood ratio (Self, Mauritsen and Ohara 1992)
    about 5, where the test's simulated power at 4.91 was 0.21 and at 5 0.19 (20 councils, 24 rows, alpha 0.05 / 15:
    near-separated draws give Firth's test little).

    ``reuse``: fit each distinct outcome vector once over the whole search (the same figure, bit for bit: a draw's fit
    depends on its outcomes alone); False refits every draw at every odds ratio tried (stats23)."""
    from scipy.optimize import brentq
    from scipy.special import expit, logit

    rng = np.random.default_rng(seed)
    u = rng.random((n_draws, len(x)))
    col = x[:, j] - x[:, j].mean()
    critical = stats.chi2.isf(alpha, 1) if not np.isfinite(df) else stats.f.isf(alpha, 1, df)
    share = min(max(share, 1e-6), 1 - 1e-6)

    # the test of a draw depends on its outcomes alone (the design is fixed): the statistic and estimate of each
    # outcome vector met, kept by its bits, serve every later draw with the same outcomes. Between the neighbouring
    # odds ratios of the grid and of the bisection most draws' outcomes do not change (stats23)
    known: dict[bytes, tuple[float, float]] = {}

    def tested(y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        if not reuse:
            return _firth_lr_batch(x, y, j)
        keys = [row.tobytes() for row in np.packbits(y.astype(bool), axis=1)]
        new = list({k: i for i, k in enumerate(keys) if k not in known}.values())
        if new:
            lr, est = _firth_lr_batch(x, y[new], j)
            known.update(zip((keys[i] for i in new), zip(lr.tolist(), est.tolist())))
        return np.array([known[k][0] for k in keys]), np.array([known[k][1] for k in keys])

    def reached(b: float) -> float:
        a = logit(share) if b == 0 else brentq(lambda a: expit(a + b * col).mean() - share, -60, 60)
        y = (u < expit(a + b * col)).astype("float64")
        varied = (y.min(axis=1) < 1) & (y.max(axis=1) > 0)
        if not varied.any():
            return 0.0
        lr, est = tested(y[varied])
        return float(np.sum((lr / max(design_effect, 1.0) > critical) & (est > 0)) / n_draws)

    # the power need not rise all the way (near-separated draws give Firth's test little: at 10 councils the power
    # at an odds ratio of 1,000 was 0), so the first log odds ratio on a grid of step 1/2 reaching it is bracketed,
    # not the first of a doubling
    grid = np.append(np.arange(0.5, math.log(most), 0.5), math.log(most))
    hi = next((float(b) for b in grid if reached(float(b)) >= power), None)
    if hi is None:
        return math.inf
    # the log odds ratio to within 1/4096 of its bracket: an odds ratio to about 0.1%
    return float(math.exp(_narrowed(reached, power, max(hi - 0.5, 0.0), hi, 12)))

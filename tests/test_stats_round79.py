"""Round 79: the degrees of freedom of staggered_did's t intervals never exceed the councils that contribute less two.

Welch-Satterthwaite's degrees of freedom over parts that reuse councils (a lone cohort's variance borrowed from the
comparison councils, which are a part of their own) or count a one-council part as known could claim more than the
councils hold: at 5 councils the indicators' status-group rows above 4 covered 86.2% and 91.9%
(bench/truth77_indicator_df.py). Welch's two-sample degrees of freedom never exceed n_1 + n_2 - 2 (by the
Cauchy-Schwarz inequality), and Crawford and Howell's (1998) test of one case against m controls has m - 1: the cap
is the units contributing less two (impact.stats._staggered._variance_df)."""

import warnings

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from impact.stats import staggered_did

#: first-treated periods of 5 councils (0: never treated): lone cohorts beside never-treated councils, the designs
#: where the degrees of freedom had exceeded n - 2 (2,000 of 4,500 rows of 300 null panels at design c, not yet
#: treated comparisons, on main before round 79)
DESIGNS = ([3, 4, 0, 0, 0], [3, 3, 5, 0, 0], [3, 4, 5, 0, 0], [2, 4, 6, 0, 0, 0])
KINDS = ("dynamic", "group", "calendar", "simple")


def _panel(rng: np.random.Generator, groups: list[int], periods: int = 6, scale=None) -> pd.DataFrame:
    """A null panel: unit levels, a common trend and noise (``scale`` per unit, 1 by default); no effect."""
    rows = []
    for u, g in enumerate(groups):
        level = rng.normal()
        s = 1.0 if scale is None else scale[u]
        rows += [dict(unit=u, time=t, first=g, y=level + 0.3 * t + rng.normal(scale=s)) for t in range(1, periods + 1)]
    return pd.DataFrame(rows)


def _rows(fit) -> list[pd.DataFrame]:
    """Every interval of a fit: its cells and each aggregation's overall effect and table."""
    out = [fit.att_gt]
    for kind in KINDS:
        a = fit.aggregate(kind, n_permutations=0)
        out += [a.overall] + ([a.table] if a.table is not None else [])
    return [r[np.isfinite(r["ci_low"])] for r in out]


@pytest.mark.parametrize("control", ["never_treated", "not_yet_treated"])
@pytest.mark.parametrize("groups", DESIGNS, ids=["-".join(map(str, g)) for g in DESIGNS])
def test_degrees_of_freedom_never_exceed_the_councils_less_two(groups, control):
    n = len(groups)
    for seed in (790001, 790002, 790003):
        rng = np.random.default_rng(seed)
        # unequal noise by unit too: Satterthwaite's degrees of freedom move with the parts' variances
        for scale in (None, rng.uniform(0.2, 3.0, size=n)):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                fit = staggered_did(_panel(rng, groups, scale=scale), outcome="y", unit="unit", time="time",
                                    first_treated="first", control=control, n_bootstrap=0)
                rows = pd.concat(_rows(fit), ignore_index=True)
            assert len(rows) > 0
            assert (rows["df"] >= 1).all()
            assert (rows["df"] <= n - 2 + 1e-9).all(), (seed, rows.loc[rows["df"] > n - 2, "df"].tolist())
            # the interval is the t interval on that df: the cap changes the quantile, not the standard error
            q = stats.t.ppf(0.975, rows["df"])
            np.testing.assert_allclose(rows["ci_high"] - rows["estimate"], q * rows["se"], rtol=1e-9)


def test_the_cap_counts_only_the_councils_contributing():
    # a cell of one cohort of 2 against 2 never-treated councils: 4 councils contribute, whatever else the panel
    # holds. Welch's degrees of freedom there are at most 4 - 2 = 2; the 3 councils treated later (first treated in
    # period 6, the cell at period 3) are not-yet-treated comparisons only with control="not_yet_treated".
    rng = np.random.default_rng(790010)
    groups = [3, 3, 6, 6, 6, 0, 0]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fit = staggered_did(_panel(rng, groups, scale=[0.3, 3.0, 1, 1, 1, 0.5, 2.5]), outcome="y", unit="unit",
                            time="time", first_treated="first", n_bootstrap=0)
    cell = fit.att_gt.set_index(["group", "time"]).loc[(3, 3)]
    assert cell["n_treated"] == 2 and cell["n_control"] == 2
    assert 1 <= cell["df"] <= 2 + 1e-9


def test_null_coverage_at_five_councils_is_not_below_nominal_beyond_chance():
    # 150 null panels of 5 councils with lone cohorts and unequal noise (seeds 791000-791149, not used before): the
    # 95% intervals of the dynamic aggregation's event times 0 and later and of the overall effect cover 0. The rows
    # of a panel share councils, so the count of panels with every such row covering is tested too. One-sided
    # binomial p of a coverage at 95% or more, below 0.001 only when it is short beyond chance.
    covered, rows = 0, 0
    for seed in range(791000, 791150):
        rng = np.random.default_rng(seed)
        groups = DESIGNS[seed % 3]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fit = staggered_did(_panel(rng, groups, scale=rng.lognormal(0, 0.8, size=len(groups))), outcome="y",
                                unit="unit", time="time", first_treated="first", control="not_yet_treated",
                                n_bootstrap=0)
            a = fit.aggregate("dynamic", n_permutations=0)
        t = a.table[(a.table["event_time"] >= 0) & np.isfinite(a.table["ci_low"])]
        lows = np.r_[t["ci_low"].to_numpy(), a.overall["ci_low"].to_numpy()]
        highs = np.r_[t["ci_high"].to_numpy(), a.overall["ci_high"].to_numpy()]
        covered += int(((lows <= 0) & (highs >= 0)).sum())
        rows += len(lows)
    assert rows > 300
    assert stats.binomtest(covered, rows, 0.95, alternative="less").pvalue > 0.001, (covered, rows)

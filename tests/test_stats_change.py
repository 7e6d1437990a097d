"""Tests of impact.stats.change_over_time (McNemar, Cochran's Q, Wilcoxon, Friedman)."""

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from impact.errors import AttritionWarning
from impact.stats import NotIdentifiedError, change_over_time


def _paired_binary(counts):
    """Units from a 2 x 2 table of (first, second) = counts[(a, b)]."""
    rows, unit = [], 0
    for (a, b), n in counts.items():
        for _ in range(n):
            rows += [(unit, 1, a), (unit, 2, b)]
            unit += 1
    return pd.DataFrame(rows, columns=["unit", "survey", "approve"])


def test_mcnemar_presidential_approval():
    # Agresti (2013) Categorical Data Analysis 3rd ed., Table 11.1: approval of the
    # President's performance in two surveys a month apart, 1600 adults:
    # (approve, approve) 794, (approve, disapprove) 150, (disapprove, approve) 86,
    # (disapprove, disapprove) 570. Printed: z = -4.17, z^2 = 17.36, P < 0.0001.
    df = _paired_binary({(1, 1): 794, (1, 0): 150, (0, 1): 86, (0, 0): 570})
    res = change_over_time(df, outcome="approve", time="survey", unit="unit").iloc[0]
    assert res["statistic"] == pytest.approx(17.36, abs=0.005)
    assert res["p_asymptotic"] < 1e-4
    assert (res["n"], res["n_up"], res["n_down"]) == (1600, 86, 150)
    assert res["value_first"] == pytest.approx(944 / 1600)  # 0.59 approve at first survey
    assert res["p_value"] == pytest.approx(stats.binomtest(86, 236, 0.5).pvalue)


@pytest.mark.parametrize(
    ("table", "q", "p"),
    [
        # WaveMetrics Igor Pro manual, StatsCochranTest example "wave1": 9 blocks x 5 groups,
        # printed statistic 5.56522, P-value 0.234056
        ([[0, 0, 0, 0, 1], [0, 0, 0, 0, 1], [0, 0, 0, 1, 1], [0, 1, 0, 1, 1], [0, 1, 0, 1, 0],
          [1, 1, 0, 1, 0], [1, 1, 0, 0, 0], [1, 0, 0, 0, 0], [1, 0, 0, 0, 0]], 5.56522, 0.234056),
        # same source, "wave2": printed statistic 10.3636, P-value 0.0347281
        ([[0, 0, 0, 0, 1], [0, 0, 0, 0, 1], [0, 0, 0, 1, 1], [0, 1, 0, 1, 1], [1, 1, 0, 1, 1],
          [1, 1, 0, 1, 1], [1, 1, 0, 1, 0], [1, 1, 0, 0, 0], [1, 0, 0, 0, 0]], 10.3636, 0.0347281),
    ],
)
def test_cochrans_q_published_examples(table, q, p):
    wide = pd.DataFrame(table, columns=[f"g{j}" for j in range(1, 6)]).rename_axis("block").reset_index()
    long = wide.melt(id_vars="block", var_name="condition", value_name="on")
    res = change_over_time(long, outcome="on", time="condition", unit="block").iloc[0]
    assert res["test"] == "cochran_q" and res["df"] == 4 and res["n"] == 9
    assert res["statistic"] == pytest.approx(q, abs=5e-5)
    assert res["p_value"] == pytest.approx(p, abs=5e-7)


def test_continuous_change_by_group(rng):
    n = 14
    rows = []
    for status, shift in (("intervention", 1.5), ("none", 0.0)):
        base = rng.normal(3, 1, n)
        for i in range(n):
            for w, t in enumerate(["expectations", "early", "longer_term"]):
                rows.append((f"{status}{i}", status, t, base[i] + shift * w / 2 + rng.normal(0, 0.3)))
    df = pd.DataFrame(rows, columns=["council_id", "status", "wave", "score"])
    order = ["expectations", "early", "longer_term"]
    res = change_over_time(df, outcome="score", time="wave", unit="council_id", group="status", times=order)
    assert res["status"].tolist() == ["intervention", "none"]
    wide = df.pivot(index="council_id", columns="wave", values="score")[order]
    ref = stats.friedmanchisquare(*wide[wide.index.str.startswith("none")].to_numpy().T)
    none = res.set_index("status").loc["none"]
    assert none["statistic"] == pytest.approx(ref.statistic)
    assert none["effect"] == pytest.approx(ref.statistic / (n * 2))
    assert res.set_index("status").loc["intervention", "p_value"] < 0.001  # planted change found
    two = change_over_time(df, outcome="score", time="wave", unit="council_id", group="status",
                           times=["expectations", "longer_term"])
    sub = wide[wide.index.str.startswith("intervention")]
    ref = stats.wilcoxon(sub["longer_term"], sub["expectations"])
    row = two.set_index("status").loc["intervention"]
    assert row["p_value"] == pytest.approx(ref.pvalue)
    assert row["effect"] == pytest.approx(1.0)  # every council improved


def test_attrition_and_errors():
    df = pd.DataFrame({"u": [1, 1, 2, 2, 3], "t": [1, 2, 1, 2, 1], "y": [0, 1, 0, 1, 1]})
    with pytest.warns(AttritionWarning, match="1 of 3 units lacks one or more of the time points"):
        res = change_over_time(df, outcome="y", time="t", unit="u")
    assert res.loc[0, "n"] == 2
    with pytest.raises(ValueError, match=r"'wave' \(from `time`\)"):
        change_over_time(df, outcome="y", time="wave", unit="u")
    with pytest.raises(ValueError, match="at least two time points"):
        change_over_time(df, outcome="y", time="t", unit="u", times=[1])
    with pytest.raises(ValueError, match="`adjust` must be one of"):
        change_over_time(df, outcome="y", time="t", unit="u", adjust="BH")


def test_attrition_counts_units_not_rows_of_every_level():
    """With `by` (a code) and `group` (a status), a unit has a row per level: the warning counted rows, and a
    60-council study's report said '150 unit(s) lack one or more of the time points' (25 councils x 6 codes)."""
    rows = [{"code": c, "u": u, "g": "a" if u < 3 else "b", "t": t, "y": (u + t) % 2}
            for c in ("x", "y", "z") for u in range(6) for t in (1, 2) if not (u in (1, 4) and t == 2)]
    with pytest.warns(AttritionWarning, match=r"2 of 6 units lack one or more of the time points"):
        change_over_time(pd.DataFrame(rows), outcome="y", time="t", unit="u", group="g", by="code")


def test_a_unit_that_moves_between_groups_has_not_dropped_out():
    """A council seen at every wave but in intervention at some and not at others is left out of the tests of change
    within a status group, but it has not dropped out: a 30-council study (seed 27518) whose councils moved into and
    out of intervention said 'Attrition: 28 unit(s) of 30 lack one or more of the time points', where 3 councils had
    missed a wave. Units 0 and 1 move between groups, unit 2 misses time 2, units 3 to 5 stay."""
    import warnings

    rows = [{"code": c, "u": u, "g": ("b" if u in (0, 1) and t == 3 else "a" if u < 3 else "b"), "t": t,
             "y": (u * t) % 2} for c in ("x", "y") for u in range(6) for t in (1, 2, 3) if not (u == 2 and t == 2)]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        change_over_time(pd.DataFrame(rows), outcome="y", time="t", unit="u", group="g", by="code")
    said = {type(w.message).__name__: str(w.message) for w in caught}
    assert said["AttritionWarning"].startswith("1 of 6 units lacks one or more of the time points"), said
    assert said["StatisticalWarning"].startswith("2 of 6 units were seen at every time point but changed g "
                                                 "between them"), said


def _brute_force_signed_rank_p(diff):
    """Two-sided exact p over all 2^n sign patterns of the mid-ranks (zeros dropped): independent of impact."""
    import itertools

    diff = diff[diff != 0]
    ranks = stats.rankdata(np.abs(diff))
    w_plus = ranks[diff > 0].sum()
    sums = np.array([ranks[np.array(signs)].sum() for signs in itertools.product([False, True], repeat=len(diff))])
    lower, upper = np.mean(sums <= w_plus + 1e-9), np.mean(sums >= w_plus - 1e-9)
    return min(1.0, 2 * min(lower, upper))


def test_wilcoxon_is_exact_with_ties_and_zeros_on_every_scipy(rng):
    # issue 16: with ties or zero differences scipy >= 1.15 gives an exact p and scipy 1.12 a normal one.
    # change_over_time now computes the exact conditional p itself: checked against brute-force enumeration
    for _ in range(25):
        n = int(rng.integers(3, 11))
        first = rng.integers(1, 5, n).astype(float)
        last = first + rng.integers(-2, 3, n)  # Likert-like: many ties and zeros
        if np.all(last == first):
            continue
        df = pd.DataFrame({"council_id": np.repeat(np.arange(n), 2), "wave": np.tile([1, 2], n),
                           "score": np.column_stack([first, last]).ravel()})
        row = change_over_time(df, outcome="score", time="wave", unit="council_id").iloc[0]
        assert row["test"] == "wilcoxon"
        assert row["p_value"] == pytest.approx(_brute_force_signed_rank_p(last - first), abs=1e-12)
    # without ties the exact p is scipy's exact p
    first, last = rng.normal(0, 1, 12), rng.normal(0.5, 1, 12)
    df = pd.DataFrame({"council_id": np.repeat(np.arange(12), 2), "wave": np.tile([1, 2], 12),
                       "score": np.column_stack([first, last]).ravel()})
    row = change_over_time(df, outcome="score", time="wave", unit="council_id").iloc[0]
    ref = stats.wilcoxon(last, first, method="exact")
    assert row["p_value"] == pytest.approx(ref.pvalue, rel=1e-12)
    assert row["statistic"] == pytest.approx(ref.statistic)
    # the asymptotic p is the tie-corrected normal approximation without continuity correction
    z = (stats.rankdata(np.abs(last - first))[(last - first) > 0].sum() - 12 * 13 / 4) / np.sqrt(12 * 13 * 25 / 24)
    assert row["p_asymptotic"] == pytest.approx(2 * stats.norm.sf(abs(z)), rel=1e-12)


def test_all_missing_outcome_is_named():
    df = pd.DataFrame({"u": [1, 1, 2, 2], "t": [1, 2, 1, 2], "y": [np.nan] * 4})
    with pytest.raises(NotIdentifiedError, match="'y' given as `outcome` has no non-missing value"):
        change_over_time(df, outcome="y", time="t", unit="u")

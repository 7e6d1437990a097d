"""Tests of impact.stats.change_over_time (McNemar, Cochran's Q, Wilcoxon, Friedman)."""

import itertools
import math
from fractions import Fraction

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
    assert res["p_asymptotic"] == pytest.approx(p, abs=5e-7)  # the published P is the chi-square one


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


def _brute_force_p(values: np.ndarray, ranks: bool) -> float:
    """Every order of every unit's values over the time points: the share whose statistic is at least the observed."""
    return float(_brute_force_share(values, ranks))


def _brute_force_share(values: np.ndarray, ranks: bool) -> Fraction:
    """:func:`_brute_force_p` as a fraction of the (k!)^n orders of the n units' values (each unit's k! orders): the
    time points' totals of every tuple of orders, one unit at a time (ranking a unit's values commutes with ordering
    them, so they are ranked first)."""
    values = stats.rankdata(values, axis=1) if ranks else values
    orders = np.array(list(itertools.permutations(range(values.shape[1]))))
    totals = np.zeros((1, values.shape[1]))
    for row in values:
        totals = (totals[:, None, :] + row[orders][None, :, :]).reshape(-1, values.shape[1])
    squares = (totals**2).sum(axis=1)
    observed = float((values.sum(axis=0) ** 2).sum())
    return Fraction(int((squares >= observed - 1e-9).sum()), len(squares))


def _one_row(values: np.ndarray) -> pd.Series:
    n, k = values.shape
    long = pd.DataFrame([{"unit": i, "wave": f"w{j}", "y": values[i, j]} for i in range(n) for j in range(k)])
    return change_over_time(long, outcome="y", time="wave", unit="unit", adjust=None).iloc[0]


@pytest.mark.parametrize("seed", range(90931, 90937))  # seeds used nowhere else in the repository
def test_cochran_q_and_friedman_p_are_exact_for_few_councils(seed):
    # With 5 councils the chi-square p of Cochran's Q and Friedman's test is far from the permutation p they
    # approximate (0.37 against 1.0 when only one council changed); the p is now the exact one, computed by
    # convolution, and the chi-square p stays in p_asymptotic. Checked against enumerating all 6^5 orders.
    rng = np.random.default_rng(seed)
    binary = (rng.random((5, 3)) < 0.5).astype(float)
    binary[0] = [0, 1, 1]  # at least one council changes
    r = _one_row(binary)
    assert r["test"] == "cochran_q" and r["p_value"] == pytest.approx(_brute_force_p(binary, False), abs=1e-12)
    assert r["p_asymptotic"] == pytest.approx(stats.chi2.sf(r["statistic"], 2))
    scores = rng.integers(1, 4, size=(5, 3)).astype(float)  # scores 1 to 3: ties within councils
    scores[0] = [1, 2, 3]
    r = _one_row(scores)
    assert r["test"] == "friedman" and r["p_value"] == pytest.approx(_brute_force_p(scores, True), abs=1e-12)
    assert r["p_asymptotic"] == pytest.approx(stats.friedmanchisquare(*scores.T).pvalue)


def test_friedman_exact_p_is_the_published_table_and_one_change_in_five_is_no_evidence():
    # Siegel and Castellan (1988), Nonparametric Statistics for the Behavioral Sciences, 2nd ed., Table M (exact
    # distribution of Friedman's statistic), k = 3, N = 3: chi2_r 6.000 p = .028; 4.667 p = .194; 2.667 p = .361.
    for rows, chi2, p in (([[1, 2, 3]] * 3, 6.0, 0.028), ([[1, 2, 3], [1, 2, 3], [1, 3, 2]], 4.667, 0.194),
                          ([[1, 2, 3], [1, 3, 2], [2, 1, 3]], 2.667, 0.361)):
        r = _one_row(np.array(rows, dtype=float))
        assert (round(r["statistic"], 3), round(r["p_value"], 3)) == (chi2, p)
    # five councils, one of which changed (0, 1, 0): every order of its values is as likely, so p = 1, where the
    # chi-square approximation said 0.37
    r = _one_row(np.array([[0, 1, 0], [1, 1, 1], [0, 0, 0], [1, 1, 1], [0, 0, 0]], dtype=float))
    assert r["p_value"] == pytest.approx(1.0) and r["p_asymptotic"] == pytest.approx(0.3679, abs=1e-4)


def _lattice_bound(p: Fraction, k: int) -> int:
    """1 + the fewest e with p (k!)^e whole (0 for p = 1), on the exact fraction: independent of impact's floats."""
    return 0 if p == 1 else 1 + next(e for e in itertools.count() if (p * math.factorial(k) ** e).denominator == 1)


@pytest.mark.parametrize("k", [2, 3, 4, 5])
def test_an_exact_change_p_bounds_its_changing_councils_from_below(k):
    # Every exact p of the change table is a multiple of 1 / (k!)^(m - 1), m the councils whose values changed
    # (relabelling the waves alike for every council leaves the statistic as it was and moves every tuple of orders,
    # so the tuples at least as extreme come k! at a time), and _fewest_changing_units reads 1 + the fewest e with
    # p (k!)^e whole. Checked by enumerating all (k!)^m orders of m = 1 to 3 changing councils (2 at five waves),
    # 0/1 values (McNemar, Cochran's Q) and scores with ties (Wilcoxon, Friedman), beside councils that never
    # changed; and the bound reaches m where the p allows (three councils first mentioning at the last wave).
    from impact.stats._change import _fewest_changing_units

    rng = np.random.default_rng(90940 + k)  # seeds used nowhere else in the repository
    most = {2: 3, 3: 3, 4: 3, 5: 2}[k]
    bounds = []
    for m in range(1, most + 1):
        panels = [np.vstack([np.eye(k)[-1]] * m)]  # every changing council first at the last wave
        for _ in range(4 if k < 5 else 2):
            panels += [(rng.random((m, k)) < 0.5).astype(float), rng.integers(1, 4, (m, k)).astype(float)]
        for changing in panels:
            if np.ptp(changing, axis=1).min() == 0:
                continue  # a council that did not change: not one of the m
            values = np.vstack([changing, np.ones((2, k)), np.zeros((1, k))])  # three councils that never changed
            binary = bool(np.isin(values, [0, 1]).all())
            exact = _brute_force_share(changing, ranks=not binary)
            assert (exact * math.factorial(k) ** (m - 1)).denominator == 1, (changing, exact)  # the lattice
            row = _one_row(values)
            if k == 2 and not binary:
                exact = Fraction(_brute_force_signed_rank_p(values[:, 1] - values[:, 0]))  # a count over 2^m
            assert row["p_value"] == pytest.approx(float(exact), abs=1e-12), (row["test"], changing)
            got = _fewest_changing_units(row["p_value"], n_times=k)
            assert got == _lattice_bound(exact, k) <= m, (changing, exact, got)
            bounds.append((m, got))
    assert (most, most) in bounds  # the bound is tight where the p allows
    assert _fewest_changing_units([row["p_value"], 1.0], n_times=k) == got  # p = 1 says nothing


def test_the_changing_councils_bound_rejects_bad_arguments():
    from impact.stats._change import _fewest_changing_units

    with pytest.raises(ValueError, match="`n_times` must be a whole number of time points, 2 or more, but 1 was"):
        _fewest_changing_units(0.5, n_times=1)
    with pytest.raises(ValueError, match=r"`p_values` must be p-values in \(0, 1\], but \[0.0, nan\] were passed"):
        _fewest_changing_units([0.5, 0.0, float("nan")], n_times=3)


def test_a_p_off_the_lattice_gives_no_changing_councils_bound(monkeypatch):
    # An asymptotic p (beyond the exact limit, as Friedman's test of four councils' shares at five waves is in a
    # study of seed 48501) is on no lattice 1 / (k!)^e: it says nothing of the councils, where reading it as exact
    # ran e up to where every number looks whole and put a group of 4 at 6 councils. Planted: the exact limit set to
    # 0 so that the p is the chi-square one. Three councils first at the last of five waves and one at the third: p
    # = 17 / 125 (each council's 1 at one of the waves: 4 together or 3 + 1 in 5 + 5 * 4 * 4 of 5^4), 17 * 120^3 /
    # 120^4, whole at e = 3 and not 2: 4 councils.
    import impact.stats._change as change

    panel = np.vstack([np.eye(5)[-1]] * 3 + [np.eye(5)[2]])
    exact = _one_row(panel)
    assert exact["p_value"] != exact["p_asymptotic"]
    assert exact["p_value"] == pytest.approx(17 / 125, abs=1e-15)
    assert change._fewest_changing_units(exact["p_value"], n_times=5) == 4
    monkeypatch.setattr(change, "EXACT_WITHIN_UNIT_MAX", 0)
    asymptotic = _one_row(panel)
    assert asymptotic["p_value"] == asymptotic["p_asymptotic"] == pytest.approx(stats.chi2.sf(asymptotic["statistic"], 4))
    assert change._fewest_changing_units(asymptotic["p_value"], n_times=5) == 0
    assert change._fewest_changing_units([asymptotic["p_value"], 1.0], n_times=5) == 0

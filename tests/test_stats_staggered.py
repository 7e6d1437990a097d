"""Tests of impact.stats.staggered_did (Callaway and Sant'Anna group-time effects and their aggregations)."""

import warnings

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from impact.errors import SmallSampleWarning
from impact.stats import (
    MissingValueWarning,
    NotIdentifiedError,
    NotIdentifiedWarning,
    did,
    staggered_did,
)


@pytest.fixture(scope="module")
def mpdta(shared_data):
    path = shared_data / "reference" / "mpdta.csv"
    if not path.exists():
        pytest.skip(f"{path} not present")
    return pd.read_csv(path)


@pytest.fixture(scope="module")
def mpdta_fit(mpdta):
    return staggered_did(mpdta, outcome="lemp", unit="countyreal", time="year", first_treated="first.treat")


# Published ATT(g, t) of the mpdta example (R `did` README and csdid README; Callaway and Sant'Anna 2021):
# att_gt(yname="lemp", tname="year", idname="countyreal", gname="first.treat", data=mpdta), never-treated
# controls, no covariates, varying base period.
MPDTA_ATT = {
    (2004, 2004): -0.0105, (2004, 2005): -0.0704, (2004, 2006): -0.1373, (2004, 2007): -0.1008,
    (2006, 2004): 0.0065, (2006, 2005): -0.0028, (2006, 2006): -0.0046, (2006, 2007): -0.0412,
    (2007, 2004): 0.0305, (2007, 2005): -0.0027, (2007, 2006): -0.0311, (2007, 2007): -0.0261,
}


def test_mpdta_group_time_effects_match_the_published_values(mpdta_fit):
    att = mpdta_fit.att_gt.set_index(["group", "time"])["estimate"]
    assert len(att) == 12
    for cell, published in MPDTA_ATT.items():
        assert att[cell] == pytest.approx(published, abs=5e-5), cell
    assert mpdta_fit.n_units == 500 and mpdta_fit.n_never_treated == 309
    assert mpdta_fit.cohorts.set_index("group")["n_units"].to_dict() == {2004: 20, 2006: 40, 2007: 131}


def test_mpdta_aggregations_match_the_published_values(mpdta_fit):
    # R did README: aggte(type="dynamic") overall -0.0772 and event-time effects; aggte(type="calendar")
    # overall -0.0417; aggte(type="simple") prints -0.04 and aggte(type="group") -0.031
    dynamic = mpdta_fit.aggregate("dynamic", n_permutations=0)
    assert dynamic.overall.loc[0, "estimate"] == pytest.approx(-0.0772, abs=5e-5)
    by_e = dynamic.table.set_index("event_time")["estimate"]
    for e, published in {-3: 0.0305, -2: -0.0006, -1: -0.0245, 0: -0.0199, 1: -0.0510, 2: -0.1373,
                         3: -0.1008}.items():
        assert by_e[e] == pytest.approx(published, abs=5e-5), e
    calendar = mpdta_fit.aggregate("calendar", n_permutations=0)
    assert calendar.overall.loc[0, "estimate"] == pytest.approx(-0.0417, abs=5e-5)
    assert mpdta_fit.aggregate("simple", n_permutations=0).overall.loc[0, "estimate"] == pytest.approx(-0.04, abs=5e-4)
    group = mpdta_fit.aggregate("group", n_permutations=0)
    assert group.overall.loc[0, "estimate"] == pytest.approx(-0.031, abs=5e-4)
    # simultaneous bands are wider than pointwise intervals, and cover them
    table = dynamic.table
    assert dynamic.critical_value > stats.norm.ppf(0.975)
    assert (table["cband_low"] <= table["ci_low"]).all() and (table["cband_high"] >= table["ci_high"]).all()


def _wide(data):
    return data.pivot(index="countyreal", columns="year", values="lemp")


def test_mpdta_standard_errors_match_independent_computations(mpdta, mpdta_fit):
    wide = _wide(mpdta)
    g = mpdta.groupby("countyreal")["first.treat"].first().reindex(wide.index).to_numpy()
    # a cell's standard error is Welch's: var_T / n_T + var_C / n_C with unbiased variances (R's did uses
    # the divisor n: smaller by sqrt((n - 1) / n), 2.5% for the 20 counties of the 2004 cohort)
    dy = (wide[2006] - wide[2003]).to_numpy()
    treated, never = dy[g == 2004], dy[g == 0]
    se = np.sqrt(treated.var(ddof=1) / len(treated) + never.var(ddof=1) / len(never))
    row = mpdta_fit.att_gt.set_index(["group", "time"]).loc[(2004, 2006)]
    assert row["se"] == pytest.approx(se, rel=1e-10)
    # the simple aggregate's standard error, which includes estimating the cohort shares, agrees with
    # a delete-one-county jackknife of an independent implementation of the estimator
    y = wide.to_numpy()
    years = wide.columns.to_numpy()

    def simple(keep):
        gk, yk = g[keep], y[keep]
        total, weight = 0.0, 0.0
        for cohort in (2004, 2006, 2007):
            share = np.mean(gk == cohort)
            base = np.flatnonzero(years == cohort - 1)[0]
            for t in np.flatnonzero(years >= cohort):
                change = yk[:, t] - yk[:, base]
                total += share * (change[gk == cohort].mean() - change[gk == 0].mean())
                weight += share
        return total / weight

    n = len(g)
    full = simple(np.ones(n, dtype=bool))
    jack = np.array([simple(np.arange(n) != i) for i in range(n)])
    se_jack = np.sqrt((n - 1) / n * ((jack - jack.mean()) ** 2).sum())
    agg = mpdta_fit.aggregate("simple", n_permutations=0).overall.loc[0]
    assert agg["estimate"] == pytest.approx(full, abs=1e-12)
    assert agg["se"] == pytest.approx(se_jack, rel=0.03)


def test_not_yet_treated_controls_and_universal_base_period(mpdta):
    res = staggered_did(mpdta, outcome="lemp", unit="countyreal", time="year", first_treated="first.treat",
                        control="not_yet_treated", base_period="universal")
    wide = _wide(mpdta)
    g = mpdta.groupby("countyreal")["first.treat"].first().reindex(wide.index)
    # ATT(2004, 2005) against units not yet treated in 2005: never treated and cohorts 2006, 2007
    dy = wide[2005] - wide[2003]
    expected = dy[g == 2004].mean() - dy[(g == 0) | (g > 2005)].mean()
    att = res.att_gt.set_index(["group", "time"])
    assert att.loc[(2004, 2005), "estimate"] == pytest.approx(expected, rel=1e-12)
    assert att.loc[(2004, 2005), "n_control"] == ((g == 0) | (g > 2005)).sum()
    # universal base: pre-treatment cells against g - 1; the reference cell is 0 with no standard error
    ref = att.loc[(2007, 2006)]
    assert ref["estimate"] == 0 and np.isnan(ref["se"])
    pre = wide[2004] - wide[2006]
    expected_pre = pre[g == 2007].mean() - pre[g == 0].mean()
    assert att.loc[(2007, 2004), "estimate"] == pytest.approx(expected_pre, rel=1e-12)
    assert len(res.att_gt) == 15  # every period, 2003 included, for each of 3 cohorts


def _staggered_panel(rng, *, n=24, periods=6, cohorts=(2, 4), n_per_cohort=6, effect=lambda e: 0.0, drop=0):
    g = np.full(n, np.nan)
    for i, c in enumerate(cohorts):
        g[i * n_per_cohort:(i + 1) * n_per_cohort] = c
    u = np.repeat(np.arange(n), periods)
    t = np.tile(np.arange(periods), n)
    e = t - g[u]
    y = np.repeat(rng.normal(0, 1, n), periods) + 0.2 * t + rng.normal(0, 1, n * periods)
    y = y + np.where(e >= 0, np.vectorize(effect)(np.nan_to_num(e)), 0.0)
    panel = pd.DataFrame({"council": u, "year": t, "first": g[u], "y": y})
    if drop:
        panel = panel.drop(index=rng.choice(len(panel), drop, replace=False)).reset_index(drop=True)
    return panel


def test_unbalanced_panel_uses_units_observed_at_both_periods(rng):
    panel = _staggered_panel(rng, drop=25)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SmallSampleWarning)
        res = staggered_did(panel, outcome="y", unit="council", time="year", first_treated="first")
    wide = panel.pivot(index="council", columns="year", values="y")
    g = panel.groupby("council")["first"].first().reindex(wide.index)
    dy = wide[3] - wide[1]
    treated, never = dy[(g == 2)].dropna(), dy[g.isna()].dropna()
    row = res.att_gt.set_index(["group", "time"]).loc[(2, 3)]
    assert row["estimate"] == pytest.approx(treated.mean() - never.mean(), rel=1e-12)
    assert (row["n_treated"], row["n_control"]) == (len(treated), len(never))


def test_errors_refusals_and_warnings(rng):
    panel = _staggered_panel(rng)
    kwargs = dict(outcome="y", unit="council", time="year", first_treated="first")
    with pytest.raises(NotIdentifiedError, match="'y' given as `outcome` has no non-missing value"):
        staggered_did(panel.assign(y=np.nan), **kwargs)
    with pytest.raises(NotIdentifiedError, match="No never-treated unit"):
        staggered_did(panel.assign(first=panel["first"].fillna(5)), **kwargs)
    with pytest.raises(NotIdentifiedError, match="No unit is first treated"):
        staggered_did(panel.assign(first=np.nan), **kwargs)
    bad = panel.copy()
    bad.loc[bad.index[:2], "first"] = [2, 3]  # council 0 has two first-treated periods
    with pytest.raises(ValueError, match=r"must be constant within each unit .* 1 council: \[0\]"):
        staggered_did(bad, **kwargs)
    with pytest.raises(ValueError, match="one row per unit and period"):
        staggered_did(pd.concat([panel, panel.iloc[:3]]), **kwargs)
    with pytest.raises(ValueError, match="must be numeric"):
        staggered_did(panel.assign(year=panel["year"].astype(str)), **kwargs)
    with pytest.raises(ValueError, match="`control` must be one of"):
        staggered_did(panel, control="last_treated", **kwargs)
    with pytest.raises(ValueError, match="`kind` must be one of"):
        staggered_did(panel, **kwargs).aggregate("cohort")
    # units treated from the first period have no base period: left out, with a warning
    early = panel.assign(first=np.where(panel["council"] == 20, 0.0, panel["first"]))  # period 0 is the first
    with pytest.warns(NotIdentifiedWarning, match="treated from the first period"):
        res = staggered_did(early, **kwargs)
    assert res.n_units == 23
    # a cell with no treated unit observed is NaN with a warning, never 0
    holes = panel[~((panel["first"] == 4) & (panel["year"] == 5))]
    with pytest.warns(NotIdentifiedWarning, match=r"not identified \(NaN\)"):
        res = staggered_did(holes, **kwargs)
    assert np.isnan(res.att_gt.set_index(["group", "time"]).loc[(4, 5), "estimate"])
    with pytest.warns(MissingValueWarning, match="3 of 144 rows"):
        staggered_did(panel.assign(y=np.where(panel.index < 3, np.nan, panel["y"])), **kwargs)


def test_single_unit_cohorts_warn_and_borrow_the_cell_standard_error(rng):
    # statistics round 14: a cell of one treated council against ten is Crawford and Howell's test (its value is
    # recomputed in tests/test_stats_round14.py), no longer a missing standard error
    panel = _staggered_panel(rng, n=12, cohorts=(2, 4), n_per_cohort=1)
    with pytest.warns(SmallSampleWarning, match="single treated unit"):
        res = staggered_did(panel, outcome="y", unit="council", time="year", first_treated="first")
    estimated = res.att_gt[res.att_gt["estimate"].notna() & (res.att_gt["base_time"] != res.att_gt["time"])]
    assert estimated["se"].gt(0).all() and (estimated["df"] == estimated["n_control"] - 1).all()
    with pytest.warns(SmallSampleWarning, match="single unit"):
        agg = res.aggregate("simple", n_permutations=500)
    # 12 councils, two cohorts of one: 12 * 11 = 132 distinct assignments, all enumerated
    assert agg.overall.loc[0, "ri_exact"] and agg.overall.loc[0, "n_permutations"] == 132


def test_randomisation_p_is_uniform_on_unbalanced_staggered_panels(rng):
    # null effect, treatment starts assigned at random, rows missing at random: under the null the
    # exact randomisation p-value (every assignment enumerated, unidentified ones dropped) is uniform
    ps = []
    for _ in range(60):
        panel = _staggered_panel(rng, n=8, periods=4, cohorts=(1, 2), n_per_cohort=2, drop=6)
        shuffled = rng.permutation(panel.groupby("council")["first"].first().to_numpy())
        panel["first"] = shuffled[panel["council"].to_numpy()]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            res = staggered_did(panel, outcome="y", unit="council", time="year", first_treated="first",
                                n_bootstrap=0)
            overall = res.aggregate("simple", n_permutations=1000).overall.loc[0]
        assert overall["ri_exact"]  # 8! / (2! 2! 4!) = 420 assignments
        assert overall["n_permutations"] + overall["n_permutations_dropped"] == 420
        ps.append(overall["ri_p_value"])
    ps = np.array(ps)
    assert stats.kstest(ps, "uniform").pvalue > 0.01
    assert 0.4 < ps.mean() < 0.62


def test_growing_effects_are_recovered_where_twfe_fails(rng):
    # 40 councils, cohorts starting in periods 3, 5 and 7 and never; the effect is 1 + (periods since
    # start). Truth of the simple aggregation: the mean effect over post-treatment cells, cohorts of equal size
    cells = [1 + t - g for g in (3, 5, 7) for t in range(g, 10)]
    truth = float(np.mean(cells))
    covered, twfe = [], []
    for _ in range(12):
        panel = _staggered_panel(rng, n=40, periods=10, cohorts=(3, 5, 7), n_per_cohort=10, effect=lambda e: 1 + e)
        res = staggered_did(panel, outcome="y", unit="council", time="year", first_treated="first", n_bootstrap=0)
        row = res.aggregate("simple", n_permutations=0).overall.loc[0]
        covered.append(row["ci_low"] <= truth <= row["ci_high"])
        panel["d"] = (panel["year"] >= panel["first"]).astype(int)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            twfe.append(did(panel, outcome="y", unit="council", time="year", treated="d",
                            n_permutations=0).params.loc["treated_post", "estimate"])
    assert np.mean(covered) >= 0.75  # 93-97% over 2,000 replicates in bench/validity_stats.py
    assert np.mean(twfe) < truth - 1.0  # two-way fixed effects: badly biased downwards


def test_summary_and_cluster_argument(mpdta):
    data = mpdta.assign(state=mpdta["countyreal"] // 1000)
    res = staggered_did(data, outcome="lemp", unit="countyreal", time="year", first_treated="first.treat",
                        cluster="state", n_bootstrap=200, seed=1)
    text = str(res.summary())
    assert "ATT(g, t)" in text and "Callaway" in text
    agg = res.aggregate("dynamic", n_permutations=0)
    assert "<table" in agg.summary()._repr_html_()
    assert np.isfinite(agg.critical_value)


def test_validity_script_runs_quickly(tmp_path):
    # bench/validity_stats.py (make validity-stats) in its smoke-test form, one check: every field written
    import json
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from bench import validity_stats

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        validity_stats.main(["--quick", "--only", "did_size", "--out", str(tmp_path)])
    result = json.loads((tmp_path / "validity_stats_quick.json").read_text())
    assert set(result["did_size"]) >= {"cr2", "cr1", "n_rep", "seconds"}
    assert 0 <= result["did_size"]["cr2"]["size"] <= 1 and "did_size" in result["commits"]

"""Tests of impact.stats.did (two-way fixed effects, event study, randomisation inference)."""

import itertools

import numpy as np
import pandas as pd
import pytest
import statsmodels.formula.api as smf

from impact.errors import SmallSampleWarning
from impact.stats import did


@pytest.fixture
def card_krueger(shared_data):
    path = shared_data / "reference" / "card_krueger_mhe.csv"
    if not path.exists():
        pytest.skip(f"{path} not present")
    data = pd.read_csv(path)
    return data[data.groupby("id")["fte"].transform("count") == 2]  # balanced sample


def test_card_krueger_balanced_sample(card_krueger):
    # Card and Krueger (1994) AER 84(4), Table 3, row 4 ("change in mean FTE employment,
    # balanced sample of stores"): NJ - PA = 2.75 (SE 1.34); PA -2.28, NJ 0.47
    res = did(card_krueger, outcome="fte", unit="id", time="d", treated="nj", post="d", n_permutations=500)
    row = res.params.loc["treated_post"]
    assert row["estimate"] == pytest.approx(2.75, abs=5e-3)
    assert row["se"] == pytest.approx(1.34, abs=0.01)
    assert (res.n_units, res.n_treated, res.n_control) == (384, 309, 75)
    assert row["df"] == 383
    assert "Randomisation p" in str(res.summary())


def _panel(rng, *, n_units=30, n_treated=10, n_times=6, start=3, effects=(1.0, 2.0, 3.0)):
    u = np.repeat(np.arange(n_units), n_times)
    t = np.tile(np.arange(n_times), n_units)
    treated = u < n_treated
    rel = t - start
    effect = np.where(treated & (rel >= 0), np.take(effects, np.clip(rel, 0, len(effects) - 1)), 0.0)
    y = np.repeat(rng.normal(0, 1, n_units), n_times) + 0.3 * t + effect + rng.normal(0, 0.5, len(u))
    return pd.DataFrame({"council_id": u, "year": t, "reviewed": treated, "post": t >= start, "y": y})


def test_twfe_matches_dummy_regression_and_event_study_recovers_dynamics(rng):
    panel = _panel(rng)
    res = did(panel, outcome="y", unit="council_id", time="year", treated="reviewed", post="post",
              n_permutations=200)
    # independent computation: OLS with unit and year dummies, CR1 by council. statsmodels
    # counts the absorbed dummies in (N-1)/(N-K); ours (like reghdfe) does not
    df = panel.assign(d=(panel.reviewed & panel.post).astype(float))
    ref = smf.ols("y ~ d + C(council_id) + C(year)", df).fit(cov_type="cluster",
                                                               cov_kwds={"groups": df["council_id"]})
    n, k_full = len(df), len(ref.params)
    row = res.params.loc["treated_post"]
    assert row["estimate"] == pytest.approx(ref.params["d"], rel=1e-9)
    assert row["se"] == pytest.approx(ref.bse["d"] * np.sqrt((n - k_full) / (n - 1)), rel=1e-9)
    es = res.event_study.set_index("event_time")
    assert es.index.tolist() == [-3, -2, -1, 0, 1, 2]
    assert es.loc[-1, "estimate"] == 0 and np.isnan(es.loc[-1, "se"])
    for lead in (-3, -2):  # no anticipation planted
        assert es.loc[lead, "ci_low"] < 0 < es.loc[lead, "ci_high"]
    for lag, truth in zip((0, 1, 2), (1.0, 2.0, 3.0)):
        assert es.loc[lag, "ci_low"] < truth < es.loc[lag, "ci_high"]
    assert (es["n"] == 10).all()


def test_randomisation_p_matches_full_enumeration(rng):
    # 8 councils, 3 reviewed: all 56 assignments enumerated with an independent OLS fit
    panel = _panel(rng, n_units=8, n_treated=3, n_times=3, start=2, effects=(0.8,))
    with pytest.warns(SmallSampleWarning, match="randomisation p-value"):
        res = did(panel, outcome="y", unit="council_id", time="year", treated="reviewed", post="post",
                  n_permutations=4000, seed=2)
    observed = abs(res.params.loc["treated_post", "estimate"])
    betas = []
    for chosen in itertools.combinations(range(8), 3):
        df = panel.assign(d=(panel.council_id.isin(chosen) & panel.post).astype(float))
        betas.append(smf.ols("y ~ d + C(council_id) + C(year)", df).fit().params["d"])
    exact = np.mean(np.abs(betas) >= observed - 1e-10)
    assert res.ri_p_value == pytest.approx(exact, abs=0.02)


def test_staggered_adoption_without_post(rng):
    n_units, n_times = 24, 6
    u = np.repeat(np.arange(n_units), n_times)
    t = np.tile(np.arange(n_times), n_units)
    start = np.where(np.arange(n_units) < 8, 2, np.where(np.arange(n_units) < 16, 4, 99))[u]
    d = (t >= start).astype(int)
    y = np.repeat(rng.normal(0, 1, n_units), n_times) + 0.2 * t + 1.5 * d + rng.normal(0, 0.3, len(u))
    panel = pd.DataFrame({"la": u, "year": t + 2015, "in_review": d, "y": y})
    res = did(panel, outcome="y", unit="la", time="year", treated="in_review", n_permutations=300)
    row = res.params.loc["treated_post"]
    assert row["ci_low"] < 1.5 < row["ci_high"]
    assert res.ri_p_value < 0.01
    assert res.event_study["event_time"].min() == -4 and res.event_study["event_time"].max() == 3


def test_errors(rng):
    panel = _panel(rng, n_units=6, n_treated=2, n_times=3, start=1)
    with pytest.raises(ValueError, match=r"'rate' \(from `outcome`\), 'after' \(from `post`\)"):
        did(panel, outcome="rate", unit="council_id", time="year", treated="reviewed", post="after")
    with pytest.raises(ValueError, match="must be constant within a unit"):
        did(panel, outcome="y", unit="council_id", time="year", treated="post", post="post")
    with pytest.raises(ValueError, match="comparison units"):
        did(panel.assign(reviewed=True), outcome="y", unit="council_id", time="year", treated="reviewed",
            post="post")
    with pytest.raises(ValueError, match="`n_permutations` must be an integer"):
        did(panel, outcome="y", unit="council_id", time="year", treated="reviewed", post="post", n_permutations=-1)

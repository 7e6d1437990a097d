"""Tests of rates per 10,000 children."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from impact.errors import InputError
from impact.official import rate_per_10k, read_dfe

DATA = Path(__file__).parent / "data" / "official"
T = pd.Timestamp


@pytest.fixture
def fixture_tables():
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        counts = read_dfe(DATA / "cin_referrals_mixed.csv", measures=["referral_count"])
    pop = read_dfe(DATA / "population_mid_year.csv", year_end="06-30")
    return counts, pop


def test_rates_pair_with_preceding_mid_year_estimate(fixture_tables):
    counts, pop = fixture_tables
    out = rate_per_10k(counts, population=pop, measure="referral_count")
    got = out.set_index(["council_id", "period"])
    # year ending 31 March 2022 uses mid-2021 (first estimate on the new councils)
    assert got.loc[("940", T("2022-03-31")), "value"] == pytest.approx(3912 / 80000 * 1e4)
    assert got.loc[("940", T("2022-03-31")), "population_period"] == T("2021-06-30")
    assert got.loc[("941", T("2022-03-31")), "value"] == pytest.approx(4105 / 96000 * 1e4)
    # Northamptonshire 2021 uses mid-2020 on the old county
    assert got.loc[("928", T("2021-03-31")), "value"] == pytest.approx(7840 / 172000 * 1e4)
    # suppressed count keeps its symbol; suppressed population gives its own
    assert got.loc[("420", T("2022-03-31")), "flag"] == "z"
    assert np.isnan(got.loc[("420", T("2022-03-31")), "value"])
    # blank count (2021 Scilly) stays missing, flagged blank, population found
    assert got.loc[("420", T("2021-03-31")), "population"] == 400.0
    # no population for the joint Kingston/Richmond row
    assert got.loc[("314+318", T("2021-03-31")), "flag"] == "no_population"
    assert (out["measure"] == "referral_count_per_10k").all()
    assert len(out) == (counts["measure"] == "referral_count").sum()


def test_population_suppression_and_gap(fixture_tables):
    counts, pop = fixture_tables
    scilly = pd.DataFrame({"council_id": ["420"], "period": [T("2022-03-31")], "measure": "x", "value": [12.0], "flag": [""]})
    out = rate_per_10k(scilly, population=pop, measure="x")
    assert out["flag"].item() == "x" and np.isnan(out["value"].item())
    old = pd.DataFrame({"council_id": ["928"], "period": [T("2023-03-31")], "measure": "x", "value": [12.0], "flag": [""]})
    assert rate_per_10k(old, population=pop, measure="x")["flag"].item() == "no_population"  # mid-2020 is too old


def test_rate_errors(fixture_tables):
    counts, pop = fixture_tables
    with pytest.raises(InputError, match="`measure` must be one of"):
        rate_per_10k(counts, population=pop, measure="referrals")
    with pytest.raises(InputError, match="`population_measure` must be one of"):
        rate_per_10k(counts, population=pop, measure="referral_count", population_measure="pop")
    doubled = pd.concat([pop, pop])
    with pytest.raises(InputError, match="share a council and period"):
        rate_per_10k(counts, population=doubled, measure="referral_count")
    with pytest.raises(InputError, match="lacks the column"):
        rate_per_10k(counts.drop(columns="value"), population=pop, measure="referral_count")


def test_real_rates_recomputed_independently(shared_data):
    b1 = read_dfe(shared_data / "dfe" / "b1_children_in_need_2013_to_2025.csv", measures=["At31_episodes"])
    pop = read_dfe(shared_data / "dfe" / "ons_mid-year_population_estimates_2012_to_2024.csv", year_end="06-30")
    out = rate_per_10k(b1, population=pop, measure="at31_episodes")
    # every council-year has a population from the same geography
    assert (out["flag"] != "no_population").all()
    assert (out["population_period"].dt.year == out["period"].dt.year - 1).all()
    raw_b = pd.read_csv(shared_data / "dfe" / "b1_children_in_need_2013_to_2025.csv", dtype=str, keep_default_na=False)
    raw_p = pd.read_csv(shared_data / "dfe" / "ons_mid-year_population_estimates_2012_to_2024.csv", dtype=str, keep_default_na=False)
    # Leeds (383), year ending March 2024: At31_episodes / mid-2023 population
    num = float(raw_b.query("time_period == '2024' and old_la_code == '383'")["At31_episodes"].item())
    den = float(raw_p.query("time_period == '2023' and old_la_code == '383'")["population_estimate"].item())
    got = out.loc[(out["council_id"] == "383") & (out["period"] == T("2024-03-31")), "value"].item()
    assert got == pytest.approx(num / den * 1e4, rel=1e-12)
    assert 100 < out["value"].median() < 600

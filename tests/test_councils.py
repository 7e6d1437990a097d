"""Tests of the bundled council list against the DfE and Ofsted files."""

from __future__ import annotations

import pandas as pd
import pytest

from impact import councils as cl
from impact.errors import InputError
from impact.vocab import COUNCIL_TYPES, REGIONS

NINE_REGIONS = set(REGIONS) - {"Inner London", "Outer London"}

# Period end of each file's time_period (see impact.official.dfe): the social
# work workforce census is taken at 30 September, ONS estimates are mid-year.
DFE_FILES = {
    "b1_children_in_need_2013_to_2025.csv": "03-31",
    "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv": "03-31",
    "d3_cpps_subsequent_plan_2013_to_2025.csv": "03-31",
    "d5_cpps_at31march_by_duration_2013_to_2025.csv": "03-31",
    "csww_indicators_2017_to_2025.csv": "09-30",
    "ons_mid-year_population_estimates_2012_to_2024.csv": "06-30",
}


def _la_rows(path):
    data = pd.read_csv(path, dtype=str, keep_default_na=False)
    return data[data["geographic_level"] == "Local authority"]


def _in_force(councils, day):
    start_ok = councils["valid_from"].isna() | (councils["valid_from"] <= day)
    end_ok = councils["valid_to"].isna() | (councils["valid_to"] >= day)
    return set(councils.loc[start_ok & end_ok, "council_id"])


def test_list_shape_and_vocabularies():
    full = cl.council_list(include_former=True)
    assert full["council_id"].is_unique
    assert full["council_id"].str.fullmatch(r"\d{3}").all()
    assert set(full["council_type"]) <= set(COUNCIL_TYPES)
    assert set(full["region"]) == NINE_REGIONS
    assert full["ons_code"].str.fullmatch(r"E0[689]\d{6}|E10\d{6}").all()
    assert full["ons_code"].is_unique
    prev = [c for cell in full["ons_code_previous"] for c in cell.split(";") if c]
    assert not set(prev) & set(full["ons_code"])
    # 153 councils with children's services duties in 2024-25 (DfE CIN census 2025)
    assert len(cl.council_list()) == 153
    assert set(full["council_id"]) - set(cl.council_list()["council_id"]) == {"835", "836", "837", "909", "928"}
    # Council type follows the ONS code prefix (E06 unitary, E08 metropolitan, E09 London, E10 county)
    prefix = {"E06": "unitary", "E08": "metropolitan_district", "E09": "london_borough", "E10": "county"}
    assert (full["ons_code"].str[:3].map(prefix) == full["council_type"]).all()
    assert (full.loc[full["council_type"] == "london_borough", "region"] == "London").all()


def test_boundary_changes_refer_to_listed_councils():
    ids = cl.council_list(include_former=True).set_index("council_id")
    for change in cl.boundary_changes().itertuples():
        pred, succ = change.predecessors.split(";"), change.successors.split(";")
        assert change.kind in {"split", "merge", "reorganisation"}
        for code in pred:
            assert ids.loc[code, "valid_to"] == change.date - pd.Timedelta(days=1)
        for code in succ:
            assert ids.loc[code, "valid_from"] == change.date


@pytest.mark.parametrize("filename", sorted(DFE_FILES))
def test_list_matches_every_year_of_dfe_files(shared_data, filename):
    councils = cl.council_list(include_former=True)
    rows = _la_rows(shared_data / "dfe" / filename)
    mismatches = {}
    for year, group in rows.groupby("time_period"):
        # Some workforce rows report two councils together ("314 / 318").
        codes = {c.strip() for cell in group["old_la_code"] for c in cell.split("/")}
        expected = _in_force(councils, pd.Timestamp(f"{year}-{DFE_FILES[filename]}"))
        if codes != expected:
            mismatches[year] = (sorted(codes - expected), sorted(expected - codes))
    assert not mismatches
    assert rows["time_period"].nunique() >= 9


def test_names_codes_regions_match_dfe(shared_data):
    councils = cl.council_list(include_former=True).set_index("council_id")
    rows = _la_rows(shared_data / "dfe" / "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv")
    problems = []
    for rec in rows.itertuples():
        c = councils.loc[rec.old_la_code]
        region = "London" if rec.region_name.endswith("London") else rec.region_name
        known_ons = {c["ons_code"], *c["ons_code_previous"].split(";")}
        if rec.la_name != c["name"] or region != c["region"] or rec.new_la_code not in known_ons:
            problems.append((rec.time_period, rec.old_la_code, rec.la_name, rec.new_la_code, rec.region_name))
    assert not problems


def test_ofsted_lookup_resolves(shared_data):
    lookup = pd.read_csv(shared_data / "ofsted" / "Provider_data_lookup.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    by_urn = cl.to_council_id(lookup["urn"], key_type="ofsted_urn")
    assert (by_urn == lookup["la_code"]).all()
    by_ons = cl.to_council_id(lookup["la_code_new"], key_type="ons_code")
    assert (by_ons == lookup["la_code"]).all()
    history = pd.read_csv(shared_data / "ofsted" / "ofsted_csc_ilacs_history.csv", dtype=str, keep_default_na=False)
    names = history["local_authority"].drop_duplicates()
    by_name = cl.to_council_id(names, key_type="name")
    by_urn = cl.to_council_id(history.loc[names.index, "urn"], key_type="ofsted_urn")
    assert by_name.notna().all()
    assert (by_name == by_urn).all()


def test_name_variants_and_normalisation():
    got = cl.to_council_id(
        ["London Corporation", "Kingston Upon Hull, City of", "hull", "Herefordshire", "St Helens", "St. Helens", "BCP", "Dorset"]
    ).tolist()
    assert got == ["201", "810", "810", "884", "342", "342", "839", "838"]
    assert cl.to_council_id(["E10000009"], key_type="ons_code").tolist() == ["835"]
    with pytest.warns(cl.CouncilMatchWarning, match="'835'"):  # a number is no name: told, not NA without a word
        assert cl.to_council_id(["835"], key_type="name").isna().all()
    with pytest.raises(InputError, match="`key_type` must be one of"):
        cl.to_council_id(["x"], key_type="postcode")


def test_aggregate_successors_sums_counts_and_leaves_gaps():
    ind = pd.DataFrame(
        {
            "council_id": ["942", "943", "942", "943", "909"],
            "period": pd.to_datetime(["2024-03-31", "2024-03-31", "2025-03-31", "2025-03-31", "2023-03-31"]),
            "measure": "referral_count",
            "value": [1200.0, 800.0, 1300.0, float("nan"), 2100.0],
        }
    )
    out = cl.aggregate_successors(ind, measures=["referral_count"])
    assert out["council_id"].unique().tolist() == ["942+943"]
    assert out["predecessors"].unique().tolist() == ["909"]
    assert out["value"].iloc[0] == 2000.0
    assert pd.isna(out["value"].iloc[1])  # one successor suppressed: no partial total
    assert ind["value"].isna().sum() == 1  # caller's frame untouched

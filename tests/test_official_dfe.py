"""Tests of the DfE "explore education statistics" loader."""

from __future__ import annotations

import csv
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from impact.councils import council_list
from impact.errors import InputError, ValidationError
from impact.official.dfe import SUPPRESSION_SYMBOLS, DfeReadWarning, parse_time_period, read_dfe

DATA = Path(__file__).parent / "data" / "official"
MIXED = DATA / "cin_referrals_mixed.csv"
FRESH = DATA / "fresh_layout_placements.csv"
YEAR_END = {"csww": "09-30", "ons_": "06-30"}


def _read_quietly(path, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DfeReadWarning)
        return read_dfe(path, **kwargs)


def test_parse_time_period_conventions():
    assert parse_time_period("2013") == pd.Timestamp("2013-03-31")
    assert parse_time_period("201213", "Financial year") == pd.Timestamp("2013-03-31")
    assert parse_time_period("201213", "Academic year") == pd.Timestamp("2013-08-31")
    assert parse_time_period("2019", "Calendar year") == pd.Timestamp("2019-12-31")
    assert parse_time_period("2019", "Reporting year", year_end="09-30") == pd.Timestamp("2019-09-30")
    with pytest.raises(InputError, match="two-year span"):
        parse_time_period("201215")
    with pytest.raises(InputError, match="time_identifier 'Spring term'"):
        parse_time_period("2019", "Spring term")
    with pytest.raises(InputError, match="`year_end` must be a month and day"):
        parse_time_period("2019", year_end="31-03")


def test_mixed_levels_suppression_and_numbers():
    with pytest.warns(DfeReadWarning, match=r"(?s)1 cell.*cin_referrals_mixed.csv:12:rereferral_percent: 'n.a.'"):
        out = read_dfe(MIXED)
    assert set(out["geographic_level"]) == {"Local authority"}
    assert sorted(out["council_id"].unique()) == ["314", "314+318", "420", "928", "940", "941"]
    joint = out[out["council_id"] == "314+318"].iloc[0]
    assert joint["ons_code"] == "E09000021+E09000027"
    assert list(out.columns[:6]) == ["council_id", "period", "measure", "value", "flag", "category"]
    got = out.set_index(["council_id", "period", "measure"])
    y22, y21 = pd.Timestamp("2022-03-31"), pd.Timestamp("2021-03-31")
    assert got.loc[("940", y22, "referral_count"), "value"] == 3912.0  # "3,912"
    assert got.loc[("941", y22, "rereferral_count"), ["flag"]].item() == "c"
    assert got.loc[("314", y22, "rereferral_count"), "flag"] == "c"  # "[c]"
    assert got.loc[("928", y21, "nfa_percent"), "flag"] == "k"  # "K"
    assert got.loc[("314", y22, "nfa_percent"), "flag"] == ":"
    assert got.loc[("420", y21, "referral_count"), "flag"] == ""  # blank cell
    assert np.isnan(got.loc[("420", y21, "referral_count"), "value"])
    assert got.loc[("420", y21, "rereferral_percent"), "flag"] == "unreadable"
    assert got.loc[("940", y22, "nfa_percent"), "flag"] == "low"
    # every missing value carries its reason; nothing suppressed became a number
    assert out.loc[out["flag"] != "", "value"].isna().all()


def test_levels_and_percent_sign():
    out = _read_quietly(MIXED, geographic_level=["National", "Regional"])
    nat = out[(out["geographic_level"] == "National") & (out["period"] == pd.Timestamp("2022-03-31"))]
    assert nat.set_index("measure").loc["nfa_percent", "value"] == 6.9  # "6.9%"
    assert nat.set_index("measure").loc["referral_count", "value"] == 650270.0
    assert (out["council_id"] == "").all()
    assert set(out.loc[out["geographic_level"] == "Regional", "ons_code"]) == {"E12000004"}
    assert len(_read_quietly(MIXED, geographic_level="all")) == 11 * 4
    with pytest.raises(InputError, match="`geographic_level` must be among the file's levels"):
        read_dfe(MIXED, geographic_level="Ward")


def test_errors_raise_lists_every_cell(tmp_path):
    bad = tmp_path / "bad.csv"
    text = MIXED.read_text().replace("4105,c,c,4.1", "41O5,c,c,4..1")
    bad.write_text(text)
    with pytest.raises(ValidationError, match="3 problem") as info:
        read_dfe(bad, errors="raise")
    cells = {(p.row, p.column, p.value) for p in info.value.problems}
    assert cells == {(5, "referral_count", "41O5"), (5, "nfa_percent", "4..1"), (12, "rereferral_percent", "n.a.")}


def test_measures_selection_and_errors():
    out = _read_quietly(MIXED, measures=["referral_count", "rereferral_percent"])
    assert set(out["measure"]) == {"referral_count", "rereferral_percent"}
    with pytest.raises(InputError, match=r"measure 'referals' not found"):
        read_dfe(MIXED, measures=["referals"])
    with pytest.raises(InputError, match="`dimensions` must be one of"):
        read_dfe(MIXED, dimensions="wide")
    with pytest.raises(InputError, match="lacks the column"):
        read_dfe(DATA / "ofsted_history.csv")


def test_duplicate_rows_are_refused(tmp_path):
    dup = tmp_path / "dup.csv"
    lines = MIXED.read_text().splitlines()
    dup.write_text("\n".join([*lines, lines[3]]) + "\n")
    with pytest.raises(ValidationError, match="one row per area, period and dimensions"):
        _read_quietly(dup)


def test_fresh_layout_loads_without_code_change():
    # A layout the loader was not written for: financial-year spans, two
    # dimension columns, measure names with spaces and capitals.
    out = read_dfe(FRESH)
    assert {"placement_type", "characteristic"} <= set(out.columns)
    assert set(out["measure"]) == {"number_of_children", "percentage_of_placements", "median_days"}
    assert set(out["period"]) == {pd.Timestamp("2019-03-31"), pd.Timestamp("2024-03-31")}
    row = out[(out.council_id == "909") & (out.placement_type == "Foster placements") & (out.characteristic == "Total")]
    assert row.set_index("measure")["value"].to_dict() == {"number_of_children": 520.0, "percentage_of_placements": 70.0, "median_days": 412.0}
    assert out.loc[(out.council_id == "943") & (out.measure == "median_days") & (out.placement_type == "Residential"), "flag"].item() == "x"
    folded = read_dfe(FRESH, dimensions="fold")
    assert "characteristic" not in folded.columns and "placement_type" not in folded.columns
    assert "number_of_children__residential__total" in set(folded["measure"])
    assert "number_of_children__foster_placements__aged_under_10" in set(folded["measure"])
    assert not folded.duplicated(["council_id", "period", "measure"]).any()


def test_dimension_columns_override():
    out = read_dfe(FRESH, dimension_columns=["placement_type", "characteristic", "Median Days"])
    assert "median_days" in out.columns and "median_days" not in set(out["measure"])


def _raw_measure_cells(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.reader(f)
        header = next(reader)
        for row_no, cells in enumerate(reader, start=2):
            yield row_no, dict(zip(header, cells, strict=True))


@pytest.mark.parametrize(
    "filename",
    [
        "b1_children_in_need_2013_to_2025.csv",
        "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv",
        "csww_indicators_2017_to_2025.csv",
        "d3_cpps_subsequent_plan_2013_to_2025.csv",
        "d5_cpps_at31march_by_duration_2013_to_2025.csv",
        "ons_mid-year_population_estimates_2012_to_2024.csv",
    ],
)
def test_real_files_cell_by_cell(shared_data, filename):
    path = shared_data / "dfe" / filename
    year_end = YEAR_END.get(filename[:4], "03-31")
    with warnings.catch_warnings():
        warnings.simplefilter("error", DfeReadWarning)  # every cell of the real files is readable
        out = read_dfe(path, geographic_level="all", year_end=year_end)
    got = {(r, m): (v, f) for r, m, v, f in zip(out["row"], out["measure"], out["value"], out["flag"], strict=True)}
    checked = suppressed = 0
    for row_no, rec in _raw_measure_cells(path):
        for col, cell in rec.items():
            key = (row_no, col.lower())
            if key not in got:
                continue
            value, flag = got[key]
            if cell.strip().lower() in SUPPRESSION_SYMBOLS:
                suppressed += 1
                assert np.isnan(value) and flag == cell.strip().lower(), (row_no, col, cell)
            elif cell.strip() == "":
                assert np.isnan(value) and flag == ""
            else:
                assert value == float(cell), (row_no, col, cell)
            checked += 1
    n_rows = sum(1 for _ in _raw_measure_cells(path))
    assert checked == len(out) == n_rows * out["measure"].nunique()
    assert suppressed == (out["flag"] != "").sum() > 0


def test_real_council_counts_per_year(shared_data):
    path = shared_data / "dfe" / "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv"
    out = read_dfe(path, measures=["referral_count"])
    counts = out.groupby(out["period"].dt.year)["council_id"].nunique()
    # 152 councils until the 2019 Dorset reorganisation, 151 until the 2021
    # Northamptonshire split, 152 until the 2023 Cumbria split, then 153.
    assert counts.loc[2013:2019].eq(152).all() and counts.loc[2020:2021].eq(151).all()
    assert counts.loc[2022:2023].eq(152).all() and counts.loc[2024:].eq(153).all()
    assert set(out["council_id"]) <= set(council_list(include_former=True)["council_id"])
    # England referrals 2025 (DfE CIN 2025 publication): 632,830
    nat = read_dfe(path, geographic_level="National", measures=["referral_count"])
    assert nat.loc[nat.period == pd.Timestamp("2025-03-31"), "value"].item() == 632830.0

"""Tests of the Ofsted inspection-history loader and status history."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

from impact.errors import InputError, ValidationError
from impact.official.ofsted import (
    OUTPUT_COLUMNS,
    OfstedReadWarning,
    judgement_at,
    normalise_grade,
    ofsted_status_history,
    read_ofsted,
)
from impact.vocab import STATUSES

DATA = Path(__file__).parent / "data" / "official"
HISTORY = DATA / "ofsted_history.csv"
LOOKUP = DATA / "provider_lookup.csv"
T = pd.Timestamp


def test_normalise_grade_vocabulary():
    assert normalise_grade("Requires improvement to be good") == ("requires_improvement", "")
    assert normalise_grade("to requires improvement") == ("requires_improvement", "")
    assert normalise_grade(" Inadequate ") == ("inadequate", "")
    assert normalise_grade("adequate") == ("adequate", "")
    assert normalise_grade("inspection_pre_dates_judgement") == (None, "inspection_pre_dates_judgement")
    assert normalise_grade(None) == (None, "blank")
    assert normalise_grade("requires improvement to be outstanding") == (None, "unreadable")


def test_fixture_loads_dates_grades_and_councils():
    out = read_ofsted(HISTORY, crosswalk=LOOKUP)
    assert list(out.columns) == OUTPUT_COLUMNS
    assert "inspector_name" not in out.columns
    text = out.astype(str).to_csv()
    for person in ("Ann Example", "Bob Sample", "Cy Placeholder", "Eve Invented", "Fay Fictional"):
        assert person not in text
    got = out.set_index("row")
    # both date formats: dd/mm/yy (row 2) and dd/mm/yyyy (row 3)
    assert got.loc[2, "publication_date"] == T("2013-03-13")
    assert got.loc[3, "publication_date"] == T("2016-06-04")
    assert got.loc[4, "inspection_start_date"] == T("2019-06-03")
    assert got.loc[2, "overall_effectiveness"] == "adequate"
    assert got.loc[4, "overall_effectiveness"] == "inadequate"  # "Inadequate"
    assert got.loc[5, "overall_effectiveness"] == "requires_improvement"
    assert pd.isna(got.loc[6, "overall_effectiveness"]) and got.loc[6, "overall_effectiveness_flag"] == "data_unreadable"
    assert got.loc[3, "overall_effectiveness_flag"] == "blank"
    assert got.loc[10, "in_care"] == "requires_improvement"
    assert got.loc[10, "care_leavers_flag"] == "inspection_pre_dates_judgement"
    assert got.loc[4, "framework"] == "standard" and got.loc[2, "framework"] == ""
    # urn 99999 is unknown: matched by name ("london corporation" -> City of London)
    assert got["council_id"].to_dict() == {10: "201", 8: "894", 9: "894", 2: "928", 3: "928", 4: "928", 5: "940", 6: "941", 7: "941"}
    for area in ("overall_effectiveness", "impact_of_leaders", "help_and_protection", "in_care", "care_leavers"):
        assert set(out[area].dropna()) <= set(STATUSES["ofsted_judgement"])
        assert (out[area].isna() == (out[f"{area}_flag"] != "")).all()


def test_problems_are_listed(tmp_path):
    bad = tmp_path / "bad.csv"
    text = HISTORY.read_text().replace("06/08/19", "31/02/19").replace("london corporation", "atlantis").replace(",good,good,to requires", ",splendid,good,to requires")
    bad.write_text(text)
    with pytest.raises(ValidationError, match="3 problem") as info:
        read_ofsted(bad, errors="raise")
    found = {(p.row, p.column) for p in info.value.problems}
    assert found == {(4, "publication_date"), (10, "local_authority"), (10, "impact_of_leaders_grade")}
    with pytest.warns(OfstedReadWarning, match="3 problem"):
        read_ofsted(bad)
    with pytest.raises(InputError, match="lacks the column"):
        read_ofsted(DATA / "population_mid_year.csv")
    with pytest.raises(InputError, match="`crosswalk` must have the columns"):
        read_ofsted(HISTORY, crosswalk=pd.DataFrame({"urn": ["1"]}))


def test_status_history_rules():
    hist = ofsted_status_history(read_ofsted(HISTORY, crosswalk=LOOKUP))
    assert list(hist.columns) == ["council_id", "kind", "status", "start_date", "end_date", "source"]
    rows = {(r.council_id, r.start_date): (r.status, r.end_date) for r in hist.itertuples()}
    # adequate ends the day before the (unreadable) 2016 judgement was published
    assert rows[("928", T("2013-03-13"))] == ("adequate", T("2016-06-03"))
    # the 2016 judgement is unknown: a gap, not a carried-over status
    assert ("928", T("2016-06-04")) not in rows
    # Northamptonshire's last judgement ends with the council (31 March 2021)
    assert rows[("928", T("2019-08-06"))] == ("inadequate", T("2021-03-31"))
    assert rows[("940", T("2023-02-09"))][0] == "requires_improvement" and pd.isna(rows[("940", T("2023-02-09"))][1])
    # West Northamptonshire: 2023 unreadable, 2026 report without overall grade -> nothing
    assert not (hist["council_id"] == "941").any()
    assert (hist["kind"] == "ofsted_judgement").all()
    assert set(hist["status"]) <= set(STATUSES["ofsted_judgement"])


def test_judgement_at_respects_gaps_and_ends():
    hist = ofsted_status_history(read_ofsted(HISTORY, crosswalk=LOOKUP))
    d = pd.DataFrame({"council_id": ["928", "928", "928", "940", "894"], "period": pd.to_datetime(["2014-03-31", "2017-03-31", "2020-03-31", "2024-03-31", "2012-03-31"])})
    out = judgement_at(hist, data=d)
    assert out["ofsted_judgement"].iloc[0] == "adequate"
    assert pd.isna(out["ofsted_judgement"].iloc[1]) and out["ofsted_judgement"].iloc[2] == "inadequate"
    assert out["ofsted_judgement"].iloc[3] == "requires_improvement" and pd.isna(out["ofsted_judgement"].iloc[4])
    assert "ofsted_judgement" not in d.columns


def test_real_history_loads(shared_data):
    with warnings.catch_warnings():
        warnings.simplefilter("error", OfstedReadWarning)
        out = read_ofsted(shared_data / "ofsted" / "ofsted_csc_ilacs_history.csv", crosswalk=shared_data / "ofsted" / "Provider_data_lookup.csv")
    assert len(out) == 497 and out["council_id"].nunique() == 153  # README: 497 inspections of 153 councils
    assert (out["council_id"] != "").all() and out["publication_date"].notna().all()
    assert "inspector_name" not in out.columns
    raw = pd.read_csv(shared_data / "ofsted" / "ofsted_csc_ilacs_history.csv", dtype=str, keep_default_na=False)
    assert not any(name in set(out.astype(str).to_numpy().ravel()) for name in raw["inspector_name"].unique() if name)
    # counts of graded overall judgements in the raw file
    raw_grade = raw["overall_effectiveness_grade"]
    assert (out["overall_effectiveness"] == "inadequate").sum() == (raw_grade == "inadequate").sum() == 34
    assert (out["overall_effectiveness"] == "requires_improvement").sum() == (raw_grade == "requires improvement").sum()
    hist = ofsted_status_history(out)
    assert len(hist) == 308
    assert not hist.duplicated(["council_id", "start_date"]).any()
    ordered = hist.dropna(subset=["end_date"])
    assert (ordered["end_date"] >= ordered["start_date"]).all()

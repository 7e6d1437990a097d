"""Tests of event time for annual panels."""

from __future__ import annotations

import pandas as pd
import pytest

from impact.errors import InputError
from impact.official import event_time, first_event

T = pd.Timestamp


def _panel(ids, years, end="03-31"):
    return pd.DataFrame([(c, T(f"{y}-{end}")) for c in ids for y in years], columns=["council_id", "period"])


def test_event_year_is_first_period_ending_on_or_after_event():
    panel = _panel(["a", "b", "c", "d"], range(2018, 2023))
    events = pd.DataFrame(
        {"council_id": ["a", "b", "c"], "event_date": [T("2019-03-31"), T("2019-04-01"), T("2020-12-01")]}
    )
    out = event_time(panel, events=events)
    et = out.set_index(["council_id", out["period"].dt.year])["event_time"]
    assert et.loc[("a", 2019)] == 0  # published on the last day of the year ending March 2019
    assert et.loc[("b", 2019)] == -1 and et.loc[("b", 2020)] == 0  # one day later: next year
    assert et.loc[("c", 2021)] == 0 and et.loc[("c", 2018)] == -3
    assert et.loc["d"].isna().all()
    assert out.loc[out.council_id == "d", ["treated", "post"]].eq(False).all().all()
    assert out.loc[out.council_id == "b", "post"].tolist() == [False, False, True, True, True]
    assert "event_time" not in panel.columns


def test_september_periods_and_errors():
    panel = _panel(["a"], [2019, 2020], end="09-30")
    out = event_time(panel, events=pd.DataFrame({"council_id": ["a"], "event_date": [T("2019-10-01")]}))
    assert out["event_time"].tolist() == [-1, 0]
    mixed = pd.concat([panel, _panel(["a"], [2021])])
    with pytest.raises(InputError, match="annual periods ending on one month and day"):
        event_time(mixed, events=pd.DataFrame({"council_id": ["a"], "event_date": [T("2019-10-01")]}))
    with pytest.raises(InputError, match="one row per unit"):
        event_time(panel, events=pd.DataFrame({"council_id": ["a", "a"], "event_date": [T("2019-10-01")] * 2}))


def test_first_event_after_cutoff():
    hist = pd.DataFrame(
        {
            "council_id": ["1", "1", "2", "3"],
            "kind": ["ofsted_judgement"] * 3 + ["improvement_notice"],
            "status": ["inadequate", "inadequate", "good", "inadequate"],
            "start_date": [T("2015-01-01"), T("2019-06-01"), T("2019-01-01"), T("2019-01-01")],
        }
    )
    assert first_event(hist, status="inadequate")["event_date"].tolist() == [T("2015-01-01")]
    got = first_event(hist, status="inadequate", after="2018-01-01")
    assert got.values.tolist() == [["1", T("2019-06-01")]]

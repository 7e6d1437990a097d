"""Hostile inputs, round 38 (helper-inputs38): round 37's open items (a study saved from the library among another
study's inputs; treated units missing from an event-time panel) and the library and command line used as an analyst
and a user would, with wrong types, dtypes and paths.

Each test is a hostile input the old code got wrong; what it did is said beside the test.  Tests named ``guard``
pass on the old code too: they hold what a fix must not break.
"""

from __future__ import annotations

import os
import warnings

import pandas as pd
import pytest

from impact import event_time
from impact.errors import InputError, OutputFolderError

from ._util import snapshot


# --------------------------------------------------------------------------- 1. Study.save among a study's inputs
# Old: `study.save(A / "sub")`, A a study folder, wrote a whole study among A's inputs (the command line refused it:
# `impact synth --out A/sub`, round 37), through a link into A too.
@pytest.mark.parametrize("where", ["sub", "transcripts/sub", "link"])
def test_study_save_inside_a_study_folder_is_refused_as_the_cli_refuses(study_dir, tiny_study, tmp_path, where):
    from impact.synth import generate_with_truth, save_synthetic

    before = snapshot(study_dir)
    if where == "link":
        os.symlink(study_dir, tmp_path / "to study")
        target = tmp_path / "to study" / "copy"
    else:
        target = study_dir / where
    said = f"{target} is inside the study folder {study_dir} (it holds study.yaml) - expected a folder outside any study"
    with pytest.raises(OutputFolderError) as info:
        tiny_study.save(target)
    assert said in str(info.value)
    with pytest.raises(OutputFolderError) as info:  # a synthetic study and its planted truth, likewise
        save_synthetic(*generate_with_truth(2, seed=3), target)
    assert said in str(info.value)
    assert snapshot(study_dir) == before


def test_guard_a_study_saved_over_itself_or_beside_another_is_written(study_dir, tiny_study, tmp_path):
    from impact import load_study

    loaded = load_study(study_dir)
    loaded.save(study_dir)  # its own folder, replaced as a whole
    tiny_study.save(tmp_path / "beside")
    assert load_study(tmp_path / "beside").equals(load_study(study_dir))


# --------------------------------------------------------------------------- 2. event_time: units it cannot place
_PANEL = pd.DataFrame({"council_id": ["301", "301", "301", "302"],
                       "period": pd.to_datetime(["2019-03-31", "2020-03-31", "2021-03-31", "2020-03-31"])})


# Old: a treated unit missing from the panel (an id written another way, or a council the panel does not cover) was
# left out without a word.
def test_event_time_names_treated_units_the_panel_does_not_hold():
    from impact.official import EventTimeWarning

    events = pd.DataFrame({"council_id": ["301", "0303", "999"], "event_date": pd.to_datetime(["2019-05-01"] * 3)})
    with pytest.warns(EventTimeWarning) as caught:
        out = event_time(_PANEL, events)
    (message,) = [str(w.message) for w in caught]
    assert "2 units that `data` does not hold ('0303', '999', on rows 1, 2 of `events`)" in message
    assert out["event_time"].tolist()[:3] == [-1, 0, 1] and out["treated"].tolist() == [True, True, True, False]


def test_guard_event_time_of_units_all_in_the_panel_is_silent():
    events = pd.DataFrame({"council_id": [301], "event_date": ["2019-05-01"]})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = event_time(_PANEL, events)
    assert out["event_time"].tolist()[:3] == [-1, 0, 1]


# Old: a row of `events` with no unit was dropped without a word, and a panel row with no unit made a control.
@pytest.mark.parametrize("table", ["events", "data"])
def test_event_time_refuses_a_row_with_no_unit(table):
    events = pd.DataFrame({"council_id": ["301", None], "event_date": pd.to_datetime(["2019-05-01", "2020-01-01"])})
    data = _PANEL
    if table == "data":
        events, data = events.iloc[:1], _PANEL.assign(council_id=["301", "301", None, "302"])
    with pytest.raises(InputError, match=rf"`{table}` column 'council_id' is blank on row {1 if table == 'events' else 2}"):
        event_time(data, events)


# Old: an empty `events` table (no council treated) was "TypeError: Cannot cast DatetimeArray to dtype float64".
def test_event_time_with_no_events_makes_every_unit_a_control():
    out = event_time(_PANEL, pd.DataFrame({"council_id": pd.Series([], dtype=str),
                                           "event_date": pd.Series([], dtype="datetime64[ns]")}))
    assert not out["treated"].any() and not out["post"].any() and out["event_time"].isna().all()
    assert out["event_date"].isna().all() and len(out) == len(_PANEL)


# --------------------------------------------------------------------------- 3. first_event: what it matched
_HISTORY = pd.DataFrame({"council_id": ["301", "302", "303", "304"],
                         "kind": ["ofsted_judgement", " Ofsted_Judgement", "ofsted judgement", "ofsted_judgement"],
                         "status": ["inadequate", "Inadequate ", "INADEQUATE", "good"],
                         "start_date": pd.to_datetime(["2019-05-01", "2023-01-01", "2019-01-01", "2019-01-01"])})


# Old: a status or kind typed in another case or spacing was no match, so the council was left a control silently.
@pytest.mark.parametrize("dtype", [object, "category", "string"])
def test_first_event_reads_a_status_typed_in_another_case_or_spacing(dtype):
    from impact import first_event

    out = first_event(_HISTORY.astype(dtype), status="inadequate")
    assert out["council_id"].tolist() == ["301", "302", "303"]
    assert out["event_date"].tolist() == list(pd.to_datetime(["2019-05-01", "2023-01-01", "2019-01-01"]))


# Old: a blank council id on an event row was dropped without a word; a status or kind that is not text (a list,
# None, a number) found nothing, or raised "('Lengths must match to compare', (4,), (1,))".
@pytest.mark.parametrize("kwargs, error, said", [
    ({"status": ["inadequate"]}, TypeError, r"`status` must be one status as text.*\['inadequate'\] was passed"),
    ({"status": 4}, TypeError, r"`status` must be one status as text.*4 was passed"),
    ({"status": "inadequate", "kind": None}, TypeError, r"`kind` must be one kind as text.*None was passed"),
    ({"status": "inadequate", "history": _HISTORY.assign(council_id=["301", None, "303", "304"])}, InputError,
     r"`status_history` column 'council_id' is blank on row 1"),
])
def test_first_event_refuses_what_it_cannot_match(kwargs, error, said):
    from impact import first_event

    kwargs = dict(kwargs)
    with pytest.raises(error, match=said):
        first_event(kwargs.pop("history", _HISTORY), **kwargs)

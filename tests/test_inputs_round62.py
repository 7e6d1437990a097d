"""Input round 62: dates in data frames, the line of a survey item's problem, macro-enabled and other workbooks.

1. Text dates in the data frames given to ``judgement_at``, ``event_time``, ``rate_per_10k`` and
   ``aggregate_successors`` were parsed by pandas month first ('05/03/2014' was 3 May), while a study's files and
   ``status_at`` read them day first (UK).  They are read as the study's files read them, a date that reads two ways
   refused unless its column holds one that can only be day first, every bad cell named with its column, row and
   value; datetime columns are taken as they are.
2. A survey item's problem in study.yaml was told on the line of ``items:``, a vocabulary's id on its key's line and a
   codebook's one-item list on its key's line: each is told on the line of the key or item it is about.
3. ``study.xlsm`` and ``<table>.xlsm`` (macro-enabled workbooks) were refused: they are read as workbooks (their
   cells' saved values; no macro is run).  ``.ods`` and ``.xls`` stay refused, the refusal saying how to save them as
   an .xlsx workbook or as CSV UTF-8.

Each planted date is drawn from seeds the project has not used; the truth is the answer given the same dates as a
datetime column.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from test_study_workbook import BOOK, edit, refused, to_workbook
from test_yaml_lines import _line

import impact
from impact import (
    Codebook,
    aggregate_successors,
    event_time,
    judgement_at,
    load_study,
    rate_per_10k,
)
from impact._study_book import BOOK_SUFFIXES
from impact.errors import InputError, ValidationError

SEEDS = [6201, 6202, 6203]


def _uk(day: pd.Timestamp) -> str:
    return f"{day:%d/%m/%Y}"


def _either_way(rng: np.random.Generator) -> pd.Timestamp:
    """A date whose day and month are both 12 or less and differ (it reads as two dates)."""
    while True:
        day = pd.Timestamp(int(rng.integers(2011, 2022)), int(rng.integers(1, 13)), int(rng.integers(1, 13)))
        if day.day != day.month:
            return day


def _swapped(day: pd.Timestamp) -> pd.Timestamp:
    return pd.Timestamp(day.year, day.day, day.month)


# --------------------------------------------------------------------------- 1. dates in data frames


@pytest.mark.parametrize("seed", SEEDS)
def test_judgement_at_reads_day_first_text_dates_as_the_datetime_columns(seed):
    # Old: '05/03/2014' (5 March) in start_date was read by pandas as 3 May: the judgement a row between the two
    # days was given was the one before, without a word.
    rng = np.random.default_rng(seed)
    change = _either_way(rng)
    between = min(change, _swapped(change)) + (abs(_swapped(change) - change) / 2).round("D")
    later = pd.Timestamp(change.year + 1, 3, 31)  # day 31: the column can only be day first
    hist = pd.DataFrame({"council_id": ["301", "301"], "kind": "ofsted_judgement",
                         "status": ["inadequate", "good"],
                         "start_date": [pd.Timestamp(2009, 1, 13), change], "end_date": [pd.NaT, pd.NaT]})
    data = pd.DataFrame({"council_id": ["301"] * 3, "period": [between, later, pd.Timestamp(2010, 6, 30)]})
    truth = judgement_at(hist, data=data)["ofsted_judgement"].tolist()
    assert truth[0] == ("good" if change < between else "inadequate")  # the two readings give two answers
    text_hist = hist.assign(start_date=hist["start_date"].map(_uk), end_date="")
    text_data = data.assign(period=data["period"].map(_uk))
    assert judgement_at(text_hist, data=text_data)["ofsted_judgement"].tolist() == truth
    assert text_hist["start_date"].tolist()[1] == _uk(change)  # the caller's frame untouched


@pytest.mark.parametrize("seed", SEEDS)
def test_event_time_reads_day_first_text_dates_as_the_datetime_columns(seed):
    # Old: an event on '02/04/2019' (2 April, after the year to 31 March) was read as 4 February: event time -1
    # became 0 for every period of the council.
    rng = np.random.default_rng(seed)
    event = _either_way(rng)
    while (event.month > 3) == (event.day > 3):  # both readings in one year to 31 March: no other answer
        event = _either_way(rng)
    periods = [pd.Timestamp(y, 3, 31) for y in range(event.year - 1, event.year + 3)]
    data = pd.DataFrame({"council_id": ["a"] * 4 + ["b"] * 4, "period": periods * 2})
    events = pd.DataFrame({"council_id": ["a", "b"], "event_date": [event, pd.Timestamp(event.year, 1, 25)]})
    truth = event_time(data, events=events)
    text = event_time(data.assign(period=data["period"].map(_uk)),
                      events=events.assign(event_date=events["event_date"].map(_uk)))
    assert text["event_time"].tolist() == truth["event_time"].tolist()
    assert text["event_date"].tolist() == truth["event_date"].tolist()
    misread = event_time(data, events=events.assign(event_date=[_swapped(event), events["event_date"][1]]))
    assert misread["event_time"].tolist() != truth["event_time"].tolist()  # the other reading is another answer


@pytest.mark.parametrize("seed", SEEDS)
def test_a_date_that_reads_two_ways_is_refused_naming_column_row_and_value(seed):
    # Old: read month first without a word.
    rng = np.random.default_rng(seed)
    day = _either_way(rng)
    data = pd.DataFrame({"council_id": ["301", "302"], "period": ["2014-03-31", _uk(day)]}, index=[10, 11])
    hist = pd.DataFrame({"council_id": ["301"], "status": ["good"], "start_date": ["2012-01-01"], "end_date": [None]})
    with pytest.raises(InputError) as info:
        judgement_at(hist, data=data)
    said = str(info.value)
    assert f"`data` column 'period' holds 1 value that is not a date: '{_uk(day)}' on row 11" in said
    assert f"it is {day:%Y-%m-%d}, but month first, as US settings write it, {_swapped(day):%Y-%m-%d}" in said
    assert "nothing in the column tells the order its dates are written in" in said


def test_a_column_holding_a_month_first_date_has_its_dates_that_read_two_ways_refused():
    counts = pd.DataFrame({"council_id": "940", "period": pd.to_datetime(["2022-03-31", "2023-03-31"]),
                           "measure": "referrals", "value": [300.0, 320.0]})
    pop = pd.DataFrame({"council_id": "940", "period": ["06/30/2021", "06/05/2022"], "measure": "population_estimate",
                        "value": [100000.0, 101000.0]})
    with pytest.raises(InputError) as info:
        rate_per_10k(counts, population=pop, measure="referrals")
    said = str(info.value)
    assert said.startswith("`population` column 'period' holds 2 values that are not dates: '06/30/2021' on row 0 - "
                           "there is no month 30 (written month first? then write 2021-06-30); '06/05/2022' on row 1")
    assert "the column also holds '06/30/2021' (row 0), which can only be month first" in said


@pytest.mark.parametrize(("cell", "why"), [
    ("31/03/22", "its year has two digits (2022? 1922?)"),
    ("2022", "a DfE time_period 2022 is the year to 31 March 2022"),
    ("March 2022", "it names no day"),
    ("31/02/2022", "2022-02 has no day 31"),
    ("03-04-2022", "it is 2022-04-03, but month first"),
    ("03.04.2022 00:00", "it is 2022-04-03, but month first"),
], ids=["two-digit-year", "year", "month", "no-such-day", "dashes", "dots-time"])
def test_text_pandas_read_as_another_day_is_refused_saying_why(cell, why):
    # Old: each was read as a date (2022-03-31 -> pandas' 2022-03-31 for '31/03/22' was right by luck; '2022' was
    # 1 January; '03-04-2022' was 4 March), or refused as 'not dates' without saying why.
    ind = pd.DataFrame({"council_id": ["940", "941"], "period": ["2023-03-31", cell], "measure": "referral_count",
                        "value": [4000.0, 5000.0]})
    with pytest.raises(InputError, match=re.escape(f"`indicators` column 'period' holds 1 value that is not a date: "
                                                   f"'{cell}' on row 1 - ") + ".*" + re.escape(why)):
        aggregate_successors(ind, measures=["referral_count"])


@pytest.mark.parametrize("seed", SEEDS)
def test_day_first_text_beside_a_date_only_day_first_sums_the_same_periods(seed):
    rng = np.random.default_rng(seed)
    day = _either_way(rng).replace(year=int(rng.integers(2022, 2025)))  # after 940 and 941 succeeded 928 (2021)
    periods = pd.to_datetime([day, pd.Timestamp(day.year, 1, 20)])
    ind = pd.DataFrame({"council_id": ["940", "940", "941", "941"], "period": list(periods) * 2,
                        "measure": "referral_count", "value": rng.integers(100, 900, 4).astype(float)})
    ind = ind.sort_values(["period", "council_id"], ignore_index=True)
    truth = aggregate_successors(ind, measures=["referral_count"])
    assert len(truth) == 2
    text = aggregate_successors(ind.assign(period=ind["period"].map(_uk)), measures=["referral_count"])
    assert text["period"].tolist() == truth["period"].tolist() and text["value"].tolist() == truth["value"].tolist()


def test_datetime_columns_and_iso_text_are_taken_as_they_are():
    hist = pd.DataFrame({"council_id": ["894", "894"], "kind": "ofsted_judgement", "status": ["good", "outstanding"],
                         "start_date": pd.to_datetime(["2015-03-01", "2022-06-01"]),
                         "end_date": pd.to_datetime(["2018-01-11", None])})
    d = pd.DataFrame({"council_id": "894", "period": pd.to_datetime(["2016-03-31", "2019-03-31", "2023-03-31"])})
    iso = d.assign(period=["2016-03-31", "2019-03-31", "2023-03-31T00:00:00"])
    aware = d.assign(period=d["period"].dt.tz_localize("Europe/London"))
    for data in (d, iso, aware):
        got = judgement_at(hist, data=data)["ofsted_judgement"]
        assert got.isna().tolist() == [False, True, False] and got[[0, 2]].tolist() == ["good", "outstanding"]


@pytest.fixture(scope="module")
def loaded():
    return impact.load_study(impact.example_path(), validate=False)


def test_status_at_refuses_a_date_with_dashes_that_reads_two_ways(loaded):
    # Old: '03-04-2013' did not match the day/month pattern (slashes only) and pandas read it as 4 March.
    cid = loaded.councils["council_id"].iloc[0]
    with pytest.raises(InputError, match=r"it is 2013-04-03, but month first, as US settings write it, 2013-03-04"):
        loaded.status_at(cid, "03-04-2013")
    assert loaded.status_at(cid, "13-04-2013") == loaded.status_at(cid, "2013-04-13")
    with pytest.raises(InputError, match=r"it names no day"):
        loaded.status_at(cid, "2013")


# --------------------------------------------------------------------------- 2. the line of a key or item


def _yaml_problems(folder: Path, text: str) -> list:
    (folder / "study.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        load_study(folder)
    return [p for p in info.value.records if p.file == "study.yaml"]


@pytest.mark.parametrize(("planted", "value"), [
    ("    NO:\n      label: Norway\n", "False"),  # YAML reads NO as false
    ("    q_\u200bcalm:\n      label: Calm\n", "q_\u200bcalm"),  # a character nobody sees
    ("    007:\n      label: Seven\n", "7"),
], ids=["false", "hidden", "number"])
def test_a_survey_items_id_problem_is_told_on_the_items_line(study_dir, planted, value):
    # Old: told on the line of 'items:'.
    text = (study_dir / "study.yaml").read_text(encoding="utf-8")
    text = text.replace("  items:\n", "  items:\n    q_first:\n      label: First\n" + planted)
    (p,) = [p for p in _yaml_problems(study_dir, text) if p.column == "survey.items"]
    assert p.value == value
    assert p.row == _line(text, planted.split(":")[0]) > _line(text, "  items:")


def test_a_vocabularys_ids_are_told_each_on_its_own_line(study_dir):
    text = (study_dir / "study.yaml").read_text(encoding="utf-8") + (
        "vocabularies:\n  roles:\n  - head_of_service\n  - 007\n  - 12\n")
    rows = [p.row for p in _yaml_problems(study_dir, text) if p.column == "vocabularies.roles"]
    assert rows == [_line(text, "- 007"), _line(text, "- 12")]


def test_a_one_item_list_of_a_codebook_is_told_on_its_items_line():
    text = ('format_version: 1\nid: tiny\nversion: "0.1"\nclasses:\n  improve:\n    - "@other"\n'
            "codes:\n  - id: a\n    label: A\n    definition: The first.\n    rules:\n      phrases:\n"
            '        - "@nope"\n')
    with pytest.raises(ValidationError) as info:
        Codebook.from_yaml(text, source="book.yaml")
    rows = {p.column: p.row for p in info.value.records}
    assert rows["classes.improve"] == _line(text, '- "@other"')
    assert rows["codes[0].rules.phrases"] == _line(text, '- "@nope"')


def test_a_problem_about_a_key_itself_stays_on_its_line(study_dir):
    # guard: a value that names the key its path ends in is not looked for among the keys below it
    text = (study_dir / "study.yaml").read_text(encoding="utf-8") + "vocabularies:\n  rolez:\n  - rolez\n"
    (p,) = [p for p in _yaml_problems(study_dir, text) if p.column == "vocabularies.rolez"]
    assert p.row == _line(text, "  rolez:")


# --------------------------------------------------------------------------- 3. other workbooks


def _macro_enabled(xlsx: Path, name: str) -> Path:
    """``xlsx`` as Excel saves a macro-enabled workbook: the workbook's content type says so, and it carries a VBA
    project (bytes no one runs)."""
    with zipfile.ZipFile(xlsx) as z:
        items = {i.filename: z.read(i) for i in z.infolist()}
    types = items["[Content_Types].xml"].decode()
    types = types.replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                          "application/vnd.ms-excel.sheet.macroEnabled.main+xml")
    types = types.replace("<Default ", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
                          "<Default ", 1)
    assert "macroEnabled" in types
    items["[Content_Types].xml"] = types.encode()
    rels = items["xl/_rels/workbook.xml.rels"].decode()
    items["xl/_rels/workbook.xml.rels"] = rels.replace(
        "</Relationships>", '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/'
        'vbaProject" Target="vbaProject.bin"/></Relationships>').encode()
    items["xl/vbaProject.bin"] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    out = xlsx.with_name(name)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for n, b in items.items():
            z.writestr(n, b)
    xlsx.unlink()
    return out


def test_a_study_in_study_xlsm_loads_as_the_csv_files(study_dir, tiny_study):
    # Old: "study.xlsm: expected a workbook of the study's tables named study.xlsx (it is a macro-enabled Excel
    # workbook (.xlsm), which impact does not read ...)".
    _macro_enabled(to_workbook(study_dir), "study.xlsm")
    study = load_study(study_dir)
    assert study.equals(tiny_study)
    assert [f.name for f in study_dir.iterdir() if f.suffix == ".xlsx"] == []


def test_a_tables_own_xlsm_workbook_is_read(study_dir, tiny_study):
    to_workbook(study_dir, own=("councils",))
    with zipfile.ZipFile(_macro_enabled(study_dir / "councils.xlsx", "councils.xlsm")) as z:
        assert "xl/vbaProject.bin" in z.namelist()
    assert load_study(study_dir).equals(tiny_study)


def test_a_problem_of_an_xlsm_sheet_names_the_xlsm_its_row_and_column(study_dir):
    to_workbook(study_dir, own=("councils",))
    edit(study_dir / "councils.xlsx", lambda wb: wb.active.__setitem__("D3", "county_councill"))
    _macro_enabled(study_dir / "councils.xlsx", "councils.xlsm")
    assert any(p.startswith("councils.xlsm (sheet 'Sheet'):3:D (council_type): 'county_councill'")
               for p in refused(study_dir))


def test_study_xlsx_beside_study_xlsm_is_refused(study_dir):
    book = to_workbook(study_dir)
    (study_dir / "study.xlsm").write_bytes(book.read_bytes())
    problems = refused(study_dir)
    assert problems[0] == ("study.xlsx: expected one workbook of the study's tables: study.xlsx and study.xlsm are "
                           "both there, and which of them holds the tables is not known - keep one, and delete or "
                           "move the other")
    assert not any("missing" in p or "expected the file" in p for p in problems), problems  # its tables not missing


def test_a_tables_xlsx_beside_its_xlsm_is_refused(study_dir):
    to_workbook(study_dir, own=("councils",))
    (study_dir / "councils.xlsm").write_bytes((study_dir / "councils.xlsx").read_bytes())
    assert any("the councils table in one place: it is in councils.xlsx (sheet 'Sheet') and in councils.xlsm "
               "(sheet 'Sheet')" in p for p in refused(study_dir))


@pytest.mark.skipif(".ods" in BOOK_SUFFIXES, reason="the optional readers are installed: .ods and .xls are read "
                    "(tests/test_inputs_round63.py)")
@pytest.mark.parametrize("suffix", [".ods", ".xls"])
def test_an_ods_or_xls_workbook_is_refused_saying_how_to_save_it(study_dir, suffix):
    (study_dir / BOOK).unlink(missing_ok=True)
    to_workbook(study_dir).rename(study_dir / f"study{suffix}")
    (p,) = refused(study_dir)
    assert p.startswith(f"study{suffix}: expected a workbook of the study's tables named study.xlsx (it is ")
    assert "save it as \"Excel Workbook (.xlsx)\"" in p
    assert "or save each sheet as \"CSV UTF-8 (comma delimited)\" (.csv), named as its table" in p


def test_a_date_typed_as_text_day_first_in_a_workbook_is_read_as_in_a_csv_file(study_dir, tiny_study):
    # guard: a sheet's text date is a study file's cell (day first), never pandas' reading
    to_workbook(study_dir)
    import openpyxl

    wb = openpyxl.load_workbook(study_dir / BOOK)
    ws = wb["reviews"]
    col = [c.value for c in ws[1]].index("start_date") + 1
    first = ws.cell(2, col).value
    assert isinstance(first, dt.datetime)
    ws.cell(2, col).value = f"{first:%d/%m/%Y}"
    wb.save(study_dir / BOOK)
    assert load_study(study_dir, validate=False).reviews["start_date"].iloc[0] == pd.Timestamp(first)

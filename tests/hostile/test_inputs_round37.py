"""Hostile inputs, round 37 (helper-inputs37): official data files edited by hand, and the tables an analyst passes to
the official-data functions.

Each test is a hostile input the old code got wrong; what it did is said beside the test.  Tests named ``guard``
pass on the old code too: they hold what a fix must not break.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from impact import aggregate_successors, event_time, first_event, judgement_at, to_council_id
from impact.errors import InputError, ValidationError
from impact.official import ofsted_status_history, rate_per_10k, read_dfe, read_ofsted

_EES = ("time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,"
        "new_la_code,la_name,category,referrals\n")
_ROWS = [
    "2013,Reporting year,National,E92000001,England,,,,,,All,593500\n",
    "2013,Reporting year,Local authority,E92000001,England,E13000002,Outer London,301,E09000002,Barking and Dagenham,All,2710\n",
    "2013,Reporting year,Local authority,E92000001,England,E13000002,Outer London,302,E09000003,Barnet,All,c\n",
    "2014,Reporting year,Local authority,E92000001,England,E13000002,Outer London,301,E09000002,Barking and Dagenham,All,2800\n",
]


def _write(tmp_path, text: str, name: str = "cin.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _read(path, **kwargs) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_dfe(path, **kwargs)


# --------------------------------------------------------------------------- 1. a title typed above the header row
# Old: "lacks the columns 'time_period', 'time_identifier', 'geographic_level'", though every one is on row 2.
def test_a_title_above_a_dfe_header_says_to_delete_it(tmp_path):
    path = _write(tmp_path, "Children in need: referrals 2013 to 2014\n" + _EES + "".join(_ROWS))
    with pytest.raises(ValidationError) as info:
        read_dfe(path)
    (problem,) = info.value.problems
    assert problem.row == 1 and "row 2 holds the column names" in str(problem) and "delete row 1" in str(problem)


def test_a_title_above_an_ofsted_header_says_to_delete_it(tmp_path, shared_data):
    real = (shared_data / "ofsted" / "ofsted_csc_ilacs_history.csv").read_text(encoding="utf-8")
    path = _write(tmp_path, "Ofsted inspections of children's services\n\n" + real, "history.csv")
    with pytest.raises(ValidationError) as info:
        read_ofsted(path)
    (problem,) = info.value.problems
    assert "row 3 holds the column names" in str(problem) and "delete rows 1 to 2" in str(problem)


# --------------------------------------------------------------------------- 2. a column renamed by hand
# Old: "lacks the column 'geographic_level'", the file's 'Geographic level' not named: which column is meant unsaid.
@pytest.mark.parametrize(("old", "new"), [("geographic_level", "Geographic level"), ("time_period", "Time Period")])
def test_a_dfe_column_renamed_by_hand_is_named_with_what_to_call_it(tmp_path, old, new):
    path = _write(tmp_path, _EES.replace(old, new, 1) + "".join(_ROWS))
    with pytest.raises(InputError, match=f"lacks the column '{old}' \\(the file has '{new}': rename it '{old}'\\)"):
        read_dfe(path)


def test_an_ofsted_column_renamed_by_hand_is_named_with_what_to_call_it(tmp_path, shared_data):
    real = (shared_data / "ofsted" / "ofsted_csc_ilacs_history.csv").read_text(encoding="utf-8")
    path = _write(tmp_path, real.replace("publication_date", "Publication Date", 1), "history.csv")
    with pytest.raises(InputError, match="the file has 'Publication Date': rename it 'publication_date'"):
        read_ofsted(path)


# Old: one problem per local authority row ("old_la_code: '' - expected a DfE three-digit number"), 1,976 of them on
# the real referrals file, for one renamed column.
def test_a_renamed_la_code_column_is_one_problem_not_one_per_row(tmp_path, shared_data):
    real = (shared_data / "dfe" / "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv").read_text(encoding="utf-8")
    path = _write(tmp_path, real.replace("old_la_code", "LA code", 1))
    with pytest.raises(InputError, match="lacks the column 'old_la_code'"):
        read_dfe(path)


# --------------------------------------------------------------------------- 3. a geographic level in another case
# Old: the rows of 'local authority' (a hand edit) were a level of their own, which the default 'Local authority'
# left out without a word: councils silently missing from the table.
def test_a_geographic_level_typed_in_another_case_is_that_level(tmp_path, shared_data):
    real = (shared_data / "dfe" / "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv").read_text(encoding="utf-8")
    lines = real.splitlines(keepends=True)
    edited = [ln.replace(",Local authority,", ",local  authority,", 1) if k % 7 == 0 else ln for k, ln in enumerate(lines)]
    assert edited != lines
    plain = _read(_write(tmp_path, real, "plain.csv"))
    got = _read(_write(tmp_path, "".join(edited)))
    pd.testing.assert_frame_equal(got, plain)
    asked = _read(tmp_path / "cin.csv", geographic_level=["local authority", "national"])
    assert set(asked["geographic_level"]) == {"Local authority", "National"}
    assert len(asked[asked["geographic_level"] == "Local authority"]) == len(plain)


# Old: a row whose level is blank was left out (neither National, Regional nor Local authority), unsaid.
def test_a_blank_geographic_level_is_refused_on_its_row(tmp_path):
    rows = list(_ROWS)
    rows[2] = rows[2].replace(",Local authority,", ",,", 1)
    with pytest.raises(ValidationError) as info:
        read_dfe(_write(tmp_path, _EES + "".join(rows)))
    (problem,) = info.value.problems
    assert (problem.row, problem.column) == (4, "geographic_level")


# --------------------------------------------------------------------------- 4. a column named as the output's own
# Old: a dimension column 'Area name' was output as a second 'area_name' column beside the output's own.
@pytest.mark.parametrize("name", ["Area name", "ons_code"])
def test_a_dimension_named_as_an_output_column_is_refused(tmp_path, name):
    path = _write(tmp_path, _EES.replace("category", name, 1) + "".join(_ROWS))
    with pytest.raises(InputError, match="clashes with the output's own columns"):
        read_dfe(path)


# --------------------------------------------------------------------------- 5. rate_per_10k given hand-made tables
_COUNTS = pd.DataFrame({"council_id": ["940", "940", "301"], "period": pd.to_datetime(["2022-03-31", "2023-03-31", "2023-03-31"]),
                        "measure": "referrals", "value": [2400.0, 2550.0, 900.0]})
_POP = pd.DataFrame({"council_id": ["940", "940", "301"], "period": pd.to_datetime(["2021-06-30", "2022-06-30", "2022-06-30"]),
                     "measure": "population_estimate", "value": [80000.0, 81000.0, 60000.0]})
# 2400 / 80000 * 10000, 2550 / 81000 * 10000, 900 / 60000 * 10000
_RATES = [300.0, 2550 / 81000 * 10_000, 150.0]


@pytest.mark.parametrize("change", [
    lambda c, p: (c.astype({"council_id": "category"}), p),                  # old: MergeError, incompatible keys
    lambda c, p: (c.assign(council_id=[940, 940, 301]), p),                  # old: MergeError
    lambda c, p: (c.astype({"council_id": "string", "value": "Float64"}), p.astype({"value": "Int64"})),
    lambda c, p: (c.assign(period=c["period"].dt.tz_localize("Europe/London")), p),  # old: TypeError from astype
], ids=["categorical", "integer", "nullable", "tz-aware"])
def test_rates_from_tables_of_other_dtypes_are_the_rates(change):
    counts, pop = change(_COUNTS, _POP)
    out = rate_per_10k(counts, population=pop, measure="referrals")
    assert out["value"].tolist() == pytest.approx(_RATES)
    assert out["council_id"].tolist() == ["940", "940", "301"]


@pytest.mark.parametrize(("change", "kwargs", "error", "said"), [
    (lambda c, p: (c.assign(value=["2400", "c", "900"]), p), {}, InputError, "`indicators` column 'value'.*'c'.*row 1"),
    (lambda c, p: (c.assign(period=[pd.NaT, *c["period"][1:]]), p), {}, InputError, "'period' has no date on row 0"),
    (lambda c, p: (c, p.assign(period=["2021-06-30", "mid 2022", "2022-06-30"])), {}, InputError,
     "`population` column 'period'.*'mid 2022'.*row 1"),
    (lambda c, p: (c.set_index(["council_id", "period"]), p), {}, InputError, "in the index: call .reset_index"),
    (lambda c, p: (pd.concat([c, c[["value"]]], axis=1), p), {}, InputError, "'value' more than once"),
    (lambda c, p: (c, p), {"max_gap": "a year"}, InputError, "`max_gap` must be a duration"),
    (lambda c, p: (c, p), {"max_gap": "-1D"}, InputError, "`max_gap` must be a duration"),
    (lambda c, p: (c, p), {"measure": ["referrals"]}, TypeError, "`measure` must be one measure id"),
    (lambda c, p: ("counts.csv", p), {}, TypeError, "`indicators` must be a pandas DataFrame"),
], ids=["text-value", "no-period", "text-period", "multiindex", "column-twice", "gap-words", "gap-negative",
        "measure-list", "a-path"])
def test_rates_from_bad_tables_say_which_argument_column_and_row(change, kwargs, error, said):
    counts, pop = change(_COUNTS, _POP)
    with pytest.raises(error, match=said):
        rate_per_10k(counts, population=pop, **{"measure": "referrals", **kwargs})


# --------------------------------------------------------------------------- 6. event time
_PANEL = pd.DataFrame({"council_id": ["1"] * 3 + ["2"],
                       "period": pd.to_datetime(["2019-03-31", "2020-03-31", "2021-03-31", "2020-03-31"])})
_EVENTS = pd.DataFrame({"council_id": ["1"], "event_date": pd.to_datetime(["2019-05-01"])})


# Old: integer ids in the panel and text in the events matched nothing: council 1 silently a control (treated False
# on every row); a timezone-aware event date was a TypeError.
@pytest.mark.parametrize("change", [
    lambda d, e: (d.assign(council_id=[1, 1, 1, 2]), e),
    lambda d, e: (d, e.assign(council_id=[1.0])),
    lambda d, e: (d, e.assign(event_date=e["event_date"].dt.tz_localize("UTC"))),
], ids=["int-panel", "float-events", "tz-aware"])
def test_event_time_joins_units_of_any_dtype(change):
    data, events = change(_PANEL, _EVENTS)
    out = event_time(data, events=events)
    assert out["event_time"].tolist()[:3] == [-1, 0, 1] and out["treated"].tolist() == [True, True, True, False]


# Old: an event without a date made its council a control without a word; a 'treated' column of the caller's was
# overwritten; a date that was no date was a DateParseError.
@pytest.mark.parametrize(("change", "said"), [
    (lambda d, e: (d, e.assign(event_date=[pd.NaT])), "'event_date' has no date on row 0"),
    (lambda d, e: (d, e.assign(event_date=["spring 2019"])), "'event_date'.*'spring 2019'"),
    (lambda d, e: (d.assign(treated=[1, 1, 1, 0]), e), "already has the column 'treated'"),
    (lambda d, e: (d.assign(period=["2019-03-31", "x", "2021-03-31", "2020-03-31"]), e), "'period'.*'x'.*row 1"),
], ids=["no-date", "text-date", "treated-there", "text-period"])
def test_event_time_refuses_what_it_cannot_date_or_would_overwrite(change, said):
    data, events = change(_PANEL, _EVENTS)
    with pytest.raises(InputError, match=said):
        event_time(data, events=events)


# Old: TypeError "Invalid comparison between dtype=datetime64[us, Europe/London] and Timestamp"; a bad `after` a
# DateParseError.
def test_first_event_of_timezone_aware_dates_and_a_bad_after():
    hist = pd.DataFrame({"council_id": [1, 1, 2], "kind": "ofsted_judgement", "status": ["inadequate", "inadequate", "good"],
                         "start_date": pd.to_datetime(["2017-05-01", "2023-01-01", "2019-01-01"]).tz_localize("Europe/London")})
    got = first_event(hist, status="inadequate", after="2018-01-01")
    assert got.values.tolist() == [["1", pd.Timestamp("2023-01-01")]]
    with pytest.raises(InputError, match="`after` must be a date"):
        first_event(hist, status="inadequate", after="after the review")


# --------------------------------------------------------------------------- 7. judgements in force
_HIST = pd.DataFrame({"council_id": ["894", "894"], "kind": "ofsted_judgement", "status": ["good", "outstanding"],
                      "start_date": pd.to_datetime(["2015-03-01", "2022-06-01"]), "end_date": pd.to_datetime(["2018-01-11", None])})
_DATES = pd.DataFrame({"council_id": "894", "period": pd.to_datetime(["2016-03-31", "2019-03-31", "2023-03-31"])})


# Old: MergeError (categorical or integer ids), TypeError (timezone-aware dates).
@pytest.mark.parametrize("change", [
    lambda h, d: (h.astype({"council_id": "category"}), d),
    lambda h, d: (h, d.assign(council_id=894)),
    lambda h, d: (h.assign(start_date=h["start_date"].dt.tz_localize("UTC")), d),
    lambda h, d: (h, d.assign(period=d["period"].dt.tz_localize("Europe/London"))),
], ids=["categorical", "integer", "tz-history", "tz-data"])
def test_judgement_at_joins_tables_of_any_dtype(change):
    hist, data = change(_HIST, _DATES)
    out = judgement_at(hist, data=data)
    assert out["ofsted_judgement"].fillna("-").tolist() == ["good", "-", "outstanding"]
    assert list(out.columns) == [*data.columns, "ofsted_judgement"]


# Old: name="period" overwrote the dates with the judgements; a column of that name already there was overwritten;
# a history without end_date was a KeyError.
@pytest.mark.parametrize(("hist", "data", "kwargs", "said"), [
    (_HIST, _DATES, {"name": "period"}, "`name` must be a new column's name"),
    (_HIST, _DATES.assign(ofsted_judgement="mine"), {}, "already has the column 'ofsted_judgement'"),
    (_HIST.drop(columns="end_date"), _DATES, {}, "`status_history` lacks the column 'end_date'"),
], ids=["name-is-the-date", "name-there", "no-end-date"])
def test_judgement_at_refuses_to_overwrite_or_guess(hist, data, kwargs, said):
    with pytest.raises(InputError, match=said):
        judgement_at(hist, data=data, **kwargs)


# Old: TypeError "operation 'sub' not supported for dtype 'str'" for publication dates typed as text.
def test_a_status_history_from_inspections_dated_in_text():
    insp = pd.DataFrame({"council_id": [894, 894], "publication_date": ["2015-03-01", "2018-01-12"],
                         "overall_effectiveness": ["good", "inadequate"], "overall_effectiveness_flag": ["", ""]})
    out = ofsted_status_history(insp)
    assert out[["council_id", "status", "end_date"]].values.tolist() == [["894", "good", pd.Timestamp("2018-01-11")],
                                                                        ["894", "inadequate", pd.NaT]]


def test_guard_the_caller_s_tables_are_not_changed():
    counts, pop, data, hist = _COUNTS.copy(), _POP.copy(), _DATES.copy(), _HIST.copy()
    rate_per_10k(counts, population=pop, measure="referrals")
    judgement_at(hist, data=data)
    for before, after in ((_COUNTS, counts), (_POP, pop), (_DATES, data), (_HIST, hist)):
        pd.testing.assert_frame_equal(before, after)


# --------------------------------------------------------------------------- 8. successor councils summed
_SUCC = pd.DataFrame({"council_id": ["940", "941"], "period": pd.to_datetime(["2022-03-31"] * 2),
                      "measure": "referral_count", "value": [4000.0, 5000.0]})


# Old: integer ids matched no successor (an empty table); text values were summed as text ('4000' + '5000' gave
# 40005000.0); timezone-aware periods came back timezone-aware, unlike every other table.
@pytest.mark.parametrize("change", [
    lambda t: t.assign(council_id=[940, 941]),
    lambda t: t.assign(value=["4000", "5000"]),
    lambda t: t.assign(period=t["period"].dt.tz_localize("UTC")),
], ids=["integer-ids", "text-values", "tz-aware"])
def test_successors_of_tables_of_other_dtypes_are_summed_as_numbers(change):
    out = aggregate_successors(change(_SUCC), measures=["referral_count"])
    # Northamptonshire (928) split into North (940) and West (941) Northamptonshire in 2021: 4000 + 5000
    assert out[["council_id", "predecessors", "period", "value"]].values.tolist() == [
        ["940+941", "928", pd.Timestamp("2022-03-31"), 9000.0]]


# Old: a measure id given as one string was a TypeError from pandas, a measure not in the table an empty result, a
# council's row given twice a missing total (n_successors 4) without a word.
@pytest.mark.parametrize(("table", "measures", "error", "said"), [
    (_SUCC, "referral_count", TypeError, "`measures` must be a list"),
    (_SUCC, ["referrals"], InputError, "has no measure 'referrals'"),
    (pd.concat([_SUCC, _SUCC.iloc[[0]]]), ["referral_count"], InputError, "2 rows that share a council, period and measure"),
], ids=["one-string", "unknown", "row-twice"])
def test_successors_refuse_what_they_cannot_sum(table, measures, error, said):
    with pytest.raises(error, match=said):
        aggregate_successors(table, measures=measures)


# Old: a number a spreadsheet saved as 301.0 matched no council; one id passed as a string was read letter by letter
# ('301' gave three missing ids).
def test_to_council_id_reads_a_spreadsheet_number_and_refuses_one_string():
    assert to_council_id(pd.Series([301.0, 940.0, None])).tolist()[:2] == ["301", "940"]
    with pytest.raises(TypeError, match="for one value, pass \\[value\\]"):
        to_council_id("301")


# --------------------------------------------------------------------------- 9. a Study built from DataFrames
_COUNCILS = pd.DataFrame({"council_id": ["301"], "name": ["Barking and Dagenham"], "ons_code": ["E09000002"],
                          "council_type": ["london_borough"], "region": ["London"]})
_STATUS = pd.DataFrame({"council_id": ["301", "301"], "kind": ["ofsted_judgement", "improvement_notice"],
                        "status": ["inadequate", "improvement_notice"], "start_date": ["2012-01-10", "2012-03-01"],
                        "end_date": [None, "2013-02-28"], "source": [None, None]})


# Old: AttributeError ('DataFrame' object has no attribute 'tolist'; 'list' / 'Series' object has no attribute
# 'columns'), or "missing ['council_id']" with no word that it was in the index.
@pytest.mark.parametrize(("table", "error", "said"), [
    (pd.concat([_COUNCILS, _COUNCILS[["name"]]], axis=1), ValueError, "given twice \\['name'\\]"),
    (_COUNCILS.to_dict("records"), TypeError, "Table `councils` must be a pandas DataFrame, but list"),
    (_COUNCILS["council_id"], TypeError, "Table `councils` must be a pandas DataFrame, but Series"),
    (_COUNCILS.set_index("council_id"), ValueError, "in the index: call .reset_index"),
], ids=["column-twice", "records", "series", "index"])
def test_a_study_table_of_the_wrong_kind_says_which_and_why(table, error, said):
    from impact.study import Study

    with pytest.raises(error, match=said):
        Study({"name": "x"}, {"councils": table})


def test_a_study_given_tables_as_a_list_says_so():
    from impact.study import Study

    with pytest.raises(TypeError, match="`tables` must be a mapping"):  # old: TypeError from set(list of frames)
        Study({"name": "x"}, [_COUNCILS])


# Old: a timezone-aware date was "Invalid comparison between dtype=datetime64[ns] and Timestamp"; no date (None,
# NaT) or a year as a number (read as nanoseconds after 1970) answered intervention 'none' - a wrong answer, not an
# error; the council's id as a number was "201 is not a council (expected one of: 301)".
def test_status_at_a_timezone_aware_date_or_a_numeric_id_is_the_status():
    from impact.study import Study

    study = Study({"name": "x"}, {"councils": _COUNCILS, "status_history": _STATUS})
    for council, date in (("301", pd.Timestamp("2012-06-01", tz="Europe/London")), (301, "2012-06-01"),
                          (301.0, pd.Timestamp("2012-06-01"))):
        assert study.status_at(council, date)["intervention"] == "notice"


@pytest.mark.parametrize("date", [None, pd.NaT, 2012, "the review"])
def test_status_at_no_date_is_refused_not_answered_none(date):
    from impact.study import Study

    study = Study({"name": "x"}, {"councils": _COUNCILS, "status_history": _STATUS})
    with pytest.raises(InputError, match="`date` must be a date"):
        study.status_at("301", date)


# --------------------------------------------------------------------------- 10. read_dfe / read_ofsted arguments
# Old: measures="referrals" (one name, not in a list) was read letter by letter ("measures '_', 'a', 'c'... not
# found"), as was dimension_columns="category"; measures=[] and geographic_level=[] gave an empty table without a
# word; geographic_level=None a TypeError; year_end=331 one problem per row (4 on this small file, 1,976 on the real
# referrals file), each saying "expected The value for `year_end`...".
def test_read_dfe_takes_one_name_as_that_name(tmp_path):
    path = _write(tmp_path, _EES + "".join(_ROWS))
    got = _read(path, measures="referrals", dimension_columns="category")
    assert got["measure"].unique().tolist() == ["referrals"] and got["value"].tolist()[:1] == [2710.0]


@pytest.mark.parametrize(("kwargs", "said"), [
    ({"measures": []}, "`measures` must name at least one"),
    ({"geographic_level": []}, "`geographic_level` must name at least one"),
    ({"geographic_level": None}, "`geographic_level` must be a name or a list of names"),
    ({"measures": [1]}, "`measures` must be a name or a list of names"),
    ({"year_end": 331}, "`year_end` must be a month and day"),
])
def test_read_dfe_arguments_asking_for_nothing_or_of_another_kind_are_refused_once(tmp_path, kwargs, said):
    path = _write(tmp_path, _EES + "".join(_ROWS))
    with pytest.raises(InputError, match=said):
        read_dfe(path, **kwargs)


# Old: a crosswalk DataFrame whose la_code column has a gap (so pandas holds it as float: 894.0) was refused on
# every row ("'894.0' - expected a DfE three-digit local authority number"); a list was a TypeError from pathlib.
def test_an_ofsted_crosswalk_of_float_codes_is_read_and_one_of_another_kind_refused(tmp_path):
    path = _write(tmp_path, "urn,local_authority,publication_date,overall_effectiveness_grade\n"
                            "999001,somewhere unknown,01/06/22,good\n", "history.csv")
    crosswalk = pd.DataFrame({"urn": [999001, None], "la_code": [894, None]})
    assert crosswalk["la_code"].dtype == "float64"
    assert read_ofsted(path, crosswalk=crosswalk)["council_id"].tolist() == ["894"]
    with pytest.raises(TypeError, match="`crosswalk` must be a DataFrame or the path of a CSV"):
        read_ofsted(path, crosswalk=[crosswalk])


# --------------------------------------------------------------------------- 11. agreement on values of two kinds
# Old: one coder's values as text ('1', read from a CSV) beside another's as numbers (1): Cohen's kappa raised
# ValueError "1 is not in list"; Fleiss' kappa, Krippendorff's alpha and percent agreement counted '1' and 1 as two
# categories, every such pair a disagreement (percent agreement 0.0 where the coders agree on every unit).
@pytest.mark.parametrize("metric", ["cohen_kappa", "fleiss_kappa", "krippendorff_alpha", "percent_agreement"])
def test_agreement_on_values_mixing_text_and_numbers_is_refused(metric):
    import impact

    data = pd.DataFrame({"unit": list("aabbccdd"), "coder": ["ann", "bob"] * 4,
                         "value": ["1", 1, "0", 0, "1", 1, "0", 0]})
    with pytest.raises(ValueError, match="mixes text and numbers: '1' \\(unit 'a', coder 'ann'\\) beside 1"):
        getattr(impact, metric)(data)


def test_guard_agreement_on_values_of_one_kind_in_an_object_column():
    from impact import percent_agreement

    data = pd.DataFrame({"unit": list("aabb"), "coder": ["ann", "bob"] * 2, "value": pd.Series([1, 1, 0, 0], dtype=object)})
    assert percent_agreement(data).value == 1.0


# --------------------------------------------------------------------------- 12. an outcome of numbers as text
# Old: IndexError "single positional indexer is out-of-bounds" (the check looked for a value that is no number to
# name, and found none).
@pytest.mark.parametrize("fn", ["compare_groups", "prevalence_table"])
def test_an_outcome_of_numbers_written_as_text_is_named(fn):
    from impact import stats

    data = pd.DataFrame({"council_id": [str(i) for i in range(8)], "status": ["a"] * 4 + ["b"] * 4,
                         "y": ["1", "0", "1", "1", "0", "0", "1", "0"]})
    with pytest.raises(ValueError, match="'y' given as `outcome` must be numeric or boolean, but it holds numbers "
                                         "written as text .*'1' \\(row 0\\)"):
        getattr(stats, fn)(data, outcome="y", group="status")


# --------------------------------------------------------------------------- 13. dimension values folded alike
# Old: with dimensions="fold", 'Under 1' and 'Under-1' (one typed by hand) both folded to 'referrals__under_1': two
# values, 10 and 20, under one council, period and measure, though fold promises that key.
def test_two_dimension_values_folding_to_one_measure_id_are_refused(tmp_path):
    head = _EES.replace("category", "age_group", 1)
    la = "2013,Reporting year,Local authority,E92000001,England,E13000002,Outer London,301,E09000002,Barking and Dagenham,"
    path = _write(tmp_path, head + la + "Under 1,10\n" + la + "Under-1,20\n" + la + "1 to 4,30\n")
    with pytest.raises(ValidationError) as info:
        read_dfe(path, dimensions="fold")
    (problem,) = info.value.problems
    assert (problem.row, problem.column, problem.value) == (3, "age_group", "Under-1") and "'Under 1'" in str(problem)
    assert _read(path)["age_group"].tolist() == ["Under 1", "Under-1", "1 to 4"]  # as columns, both kept apart


# --------------------------------------------------------------------------- 14. one inspection given twice
# Old: a row of the history copied with another grade (a hand edit) was refused with no row named ("inspections:
# publication_date: '894 2022-06-01 good'"): which two of 497 rows to look at was not said.
def test_two_judgements_on_one_date_are_named_on_their_rows_of_the_file(tmp_path):
    path = _write(tmp_path, "urn,local_authority,publication_date,overall_effectiveness_grade\n"
                            "80570,telford & wrekin,01/06/22,outstanding\n"
                            "80570,telford & wrekin,01/03/19,good\n"
                            "80570,telford & wrekin,01/06/22,good\n", "history.csv")
    with pytest.raises(ValidationError) as info:
        ofsted_status_history(read_ofsted(path))
    assert sorted(p.row for p in info.value.problems) == [2, 4]


# Old: a crosswalk giving one urn two councils (a row copied and edited) took the last without a word: Dorset's
# inspection was put on 839 though row 2 says 838.
def test_a_crosswalk_giving_one_urn_two_councils_is_refused(tmp_path):
    path = _write(tmp_path, "urn,local_authority,publication_date,overall_effectiveness_grade\n"
                            "999001,somewhere unknown,01/06/22,good\n", "history.csv")
    crosswalk = _write(tmp_path, "urn,la_code\n999001,838\n999001,839\n80570,894\n80570,894\n", "lookup.csv")
    with pytest.raises(ValidationError) as info:
        read_ofsted(path, crosswalk=crosswalk)
    (problem,) = info.value.problems
    assert (problem.row, problem.column, problem.value) == (3, "la_code", "839") and "838 on row 2" in str(problem)


# --------------------------------------------------------------------------- 15. a run's output inside another study
# Old: `impact run A --out B/results`, B another study's folder, wrote the report into B and the re-identification
# key beside it, B/results-reidentification-key.csv: the key among a study's inputs, where a --key-file is refused
# ("whoever has the study folder would have the key"). Output files were refused there already; the folder was not.
def test_a_run_output_folder_inside_another_study_folder_is_refused_writing_nothing(study_dir, tiny_study, tmp_path,
                                                                                   capsys):
    from impact.cli import main

    from ._util import snapshot

    other = tmp_path / "other study"
    tiny_study.save(other)
    before = snapshot(other)
    assert main(["run", str(study_dir), "--out", str(other / "results")]) == 2
    err = capsys.readouterr().err
    assert f"inside a study folder ({other}" in err and "Traceback" not in err
    assert snapshot(other) == before


# Old: `impact synth --out A/sub`, A a study folder, wrote a whole generated study, planted_pii.csv with it, among A's
# inputs, where every other command refuses to write.
def test_synth_into_a_folder_inside_a_study_folder_is_refused(study_dir, capsys):
    from impact.cli import main

    from ._util import snapshot

    before = snapshot(study_dir)
    assert main(["synth", "--councils", "2", "--out", str(study_dir / "generated")]) == 2
    assert f"inside the study folder {study_dir}" in capsys.readouterr().err
    assert snapshot(study_dir) == before

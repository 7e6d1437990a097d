"""Hostile inputs, round 43 (helper-inputs43): dates numpy cannot hold reaching patsy from every model entry point, and
the public statistics functions given the frames an analyst may hand them (duplicate, MultiIndex or non-text column
names, an outcome of text or categories, nullable numbers with a gap, one unit, a row with no unit).

Each test is a hostile input the old code got wrong; what it did is said beside the test.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from impact.stats import NotIdentifiedError


def _panel(kind: str | None = None, n_units: int = 10) -> pd.DataFrame:
    """``n_units`` councils at four waves: a score, a 0/1 event, a 0-2 rating, a treated flag and (``kind``) a column
    'when' of dates with a time zone, periods or durations."""
    rng = np.random.default_rng(43)
    n = 4 * n_units
    days = np.tile([0, 91, 365, 730], n_units)
    when = pd.Series(pd.Timestamp("2013-04-01") + pd.to_timedelta(days, unit="D"))
    data = pd.DataFrame({"unit": np.repeat([f"c{i}" for i in range(n_units)], 4), "wave": np.tile(range(4), n_units),
                         "score": rng.normal(size=n), "event": rng.integers(0, 2, size=n),
                         "rating": rng.integers(0, 3, size=n), "group": np.repeat(np.arange(n_units) % 2, 4)})
    data["post"] = (data["wave"] >= 2).astype(int)
    data["first"] = np.where(data["group"] == 1, 2.0, np.nan)
    if kind is not None:
        data["when"] = {"timezone": when.dt.tz_localize("Europe/London"), "periods": when.dt.to_period("M"),
                        "durations": when - when.min()}[kind]
    return data


def _quiet(call):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return call()


# --------------------------------------------------------------------------- 1. dates patsy cannot read
def _model_routes():
    from impact.stats import attrition_sensitivity, firth_logistic, longitudinal_model

    return {
        "gee": lambda d: longitudinal_model(d, formula="score ~ wave + when", unit="unit", time="wave"),
        "mixed": lambda d: longitudinal_model(d, formula="score ~ wave + when", unit="unit", time="wave",
                                              method="mixed"),
        "ordinal": lambda d: longitudinal_model(d, formula="rating ~ wave + when", unit="unit", time="wave",
                                                method="ordinal"),
        "firth method": lambda d: longitudinal_model(d, formula="event ~ wave + when", unit="unit", time="wave",
                                                     family="binomial", method="firth"),
        "firth_logistic": lambda d: firth_logistic(d, formula="event ~ wave + when", unit="unit"),
        "attrition_sensitivity": lambda d: attrition_sensitivity(d, formula="score ~ wave + when", unit="unit",
                                                                 time="wave", methods=("complete", "ipw")),
        "time=": lambda d: longitudinal_model(d, outcome="score", unit="unit", time="when"),
        "group=": lambda d: longitudinal_model(d, outcome="score", unit="unit", time="wave", group="when"),
    }


# Old: numpy's TypeError from inside patsy ("Cannot interpret 'datetime64[us, Europe/London]' as a data type",
# "Cannot interpret 'period[M]' as a data type", UFuncTypeError "Cannot cast ufunc 'multiply' output from
# dtype('<m8[us]')") came out of every model as a traceback: the models caught patsy's own errors only.
_KINDS = {"timezone": ("dates", ".dt.days / 365.25"), "periods": ("periods", "data['when'].dt.year"),
          "durations": ("durations", "data['when'].dt.days")}


# (patsy reads durations inside C(), the default formula's time and group: round 42 refused those already)
@pytest.mark.parametrize(("route", "kind"), [(r, k) for r in _model_routes() for k in _KINDS
                                             if not (k == "durations" and r in ("time=", "group="))])
def test_every_model_refuses_a_date_column_patsy_cannot_read(route, kind):
    data = _panel(kind)
    held, fix = _KINDS[kind]
    with pytest.raises(ValueError) as info:
        _quiet(lambda: _model_routes()[route](data))
    msg = str(info.value)
    assert f"'when' holds {held} (dtype {data['when'].dtype}" in msg and fix in msg, msg


# Only a TypeError met where the formula reads such a column is said as one; any other comes out as it was raised.
def test_a_type_error_patsy_lets_out_is_translated_only_for_a_date_column(monkeypatch):
    import patsy

    from impact.stats import firth_logistic

    def broken(*args, **kwargs):
        raise TypeError("something else broke")

    with pytest.raises(ValueError, match=r"'when' holds dates \(dtype datetime64\[.*, Europe/London\]"):
        firth_logistic(_panel("timezone"), formula="event ~ when")
    monkeypatch.setattr(patsy, "dmatrices", broken)
    with pytest.raises(TypeError, match="something else broke"):
        firth_logistic(_panel("timezone"), formula="event ~ wave")  # reads no date column: not said as one
    with pytest.raises(ValueError, match="'when' holds dates"):
        firth_logistic(_panel("timezone"), formula="event ~ when")


# Old: a date column given as a number (did's or change_over_time's outcome) was said to hold "numbers held as Python
# objects (datetime64[us, Europe/London] dtype; ...): convert it first, pd.to_numeric(...)", nanoseconds since 1970.
@pytest.mark.parametrize(("kind", "held"), [("timezone", "dates"), ("periods", "periods"), ("durations", "durations")])
def test_a_date_column_given_as_a_number_is_said_to_hold_dates(kind, held):
    from impact.stats import change_over_time, did

    data = _panel(kind)
    for call in (lambda: did(data, outcome="when", unit="unit", time="wave", treated="group", post="post"),
                 lambda: change_over_time(data, outcome="when", time="wave", unit="unit")):
        with pytest.raises(ValueError) as info:
            _quiet(call)
        msg = str(info.value)
        assert f"'when' given as `outcome` must be numeric or boolean, but it holds {held} (dtype" in msg, msg
        assert "numbers held as Python objects" not in msg and "pd.to_numeric" not in msg, msg


# --------------------------------------------------------------------------- 2. frames an analyst may pass
def _entry_points():
    from impact.stats import (
        attrition_sensitivity,
        change_over_time,
        clustered_prevalence,
        compare_groups,
        did,
        firth_logistic,
        longitudinal_model,
        prevalence_table,
        staggered_did,
    )

    return {
        "compare_groups": lambda d: compare_groups(d, outcome="score", group="group", unit="unit", n_resamples=99),
        "prevalence_table": lambda d: prevalence_table(d, outcome="event", group="group", unit="unit"),
        "change_over_time": lambda d: change_over_time(d, outcome="score", time="wave", unit="unit"),
        "gee": lambda d: longitudinal_model(d, outcome="score", time="wave", unit="unit"),
        "mixed": lambda d: longitudinal_model(d, outcome="score", time="wave", unit="unit", method="mixed"),
        "attrition_sensitivity": lambda d: attrition_sensitivity(d, outcome="score", time="wave", unit="unit",
                                                                 methods=("complete",)),
        "did": lambda d: did(d, outcome="score", unit="unit", time="wave", treated="group", post="post",
                             n_permutations=0),
        "staggered_did": lambda d: staggered_did(d, outcome="score", unit="unit", time="wave", first_treated="first",
                                                 n_bootstrap=0),
        "firth_logistic": lambda d: firth_logistic(d, formula="event ~ score", unit="unit"),
        "clustered_prevalence": lambda d: clustered_prevalence(d, outcome="event", cluster="unit"),
    }


# Old: a column named twice made data['x'] a frame, and pandas failed deep inside: "'DataFrame' object has no
# attribute 'dtype'", "Grouper for 'unit' not 1-dimensional", "factorize requires a Series ... got DataFrame",
# "Per-column arrays must each be 1-dimensional".
@pytest.mark.parametrize("entry", list(_entry_points()))
def test_a_column_named_twice_is_refused_by_name(entry):
    data = _panel()
    twice = pd.concat([data, data[["unit"]]], axis=1)
    with pytest.raises(ValueError, match=r"`data` holds the column 'unit' \(from `(unit|cluster|formula)`\) 2 times"):
        _quiet(lambda: _entry_points()[entry](twice))
    outcome = "event" if entry in ("firth_logistic", "clustered_prevalence", "prevalence_table") else "score"
    twice = pd.concat([data, data[[outcome]]], axis=1)
    with pytest.raises(ValueError, match=rf"`data` holds the column '{outcome}' \(from `(outcome|formula)`\) 2 times"):
        _quiet(lambda: _entry_points()[entry](twice))


# Old: with columns on two levels 'unit' in data.columns was true of the first level, and a KeyError came out of
# pandas (['g', '_y'], Index(['unit', 't'])), or the formula was said to have no outcome column.
@pytest.mark.parametrize("entry", list(_entry_points()))
def test_multiindex_columns_are_refused_saying_how_to_flatten_them(entry):
    data = _panel()
    data.columns = pd.MultiIndex.from_tuples([(c, "") for c in data.columns])
    with pytest.raises(ValueError, match=r"`data` has columns on 2 levels \(a MultiIndex, e.g. \('unit', ''\)\)"):
        _quiet(lambda: _entry_points()[entry](data))


# Old: a column named by a number (data.columns = range(...)) failed on "TypeError: 'int' object is not iterable".
def test_a_column_named_by_a_number_is_refused_saying_it_must_be_text():
    from impact.stats import change_over_time, compare_groups, longitudinal_model

    data = _panel()
    data.columns = range(data.shape[1])  # unit 0, wave 1, score 2, event 3, group 5
    for call in (lambda: compare_groups(data, outcome=2, group=5, unit=0),
                 lambda: change_over_time(data, outcome=2, time=1, unit=0),
                 lambda: longitudinal_model(data, outcome=2, time=1, unit=0)):
        with pytest.raises(ValueError, match=r"must be the name of a column of `data` \(text\), but 2 \(int\) was "
                                             r"passed; name the columns with text first"):
            call()


# Old: an outcome of text or categories went to patsy, which made one column per category, and statsmodels failed:
# "Leading dimension of 'exog' should match length of 'endog'" (GEE), "endog has evaluated to an array with
# multiple columns" (mixed), "Only ordered pandas Categorical are supported" (ordinal).
@pytest.mark.parametrize("method", ["gee", "mixed", "ordinal"])
@pytest.mark.parametrize("dtype", ["str", "category", "object"])
def test_a_model_outcome_of_text_or_categories_is_refused(method, dtype):
    from impact.stats import longitudinal_model

    data = _panel()
    data["rating"] = data["rating"].astype(str).astype(dtype)
    with pytest.raises(ValueError) as info:
        _quiet(lambda: longitudinal_model(data, outcome="rating", time="wave", unit="unit", method=method))
    msg = str(info.value)
    assert "The outcome 'rating' of the formula" in msg and f"it holds dtype {data['rating'].dtype}" in msg, msg
    assert ("ordered categories" in msg) == (method == "ordinal"), msg


# Old: the ordinal model with `outcome=` (the default formula "Q('rating') ~ C(Q('wave'))") always failed on
# statsmodels' KeyError "Q('rating')": OrderedModel reads the outcome as the column named by the left-hand side.
# The fit is now statsmodels' own fit of the same model written with a bare name; an ordered categorical outcome
# (its categories in their own order, not the order of the numbers they stand for) is taken too.
def test_the_ordinal_model_fits_with_the_default_formula():
    from statsmodels.miscmodels.ordinal_model import OrderedModel

    from impact.stats import longitudinal_model

    data = _panel(n_units=20)
    res = _quiet(lambda: longitudinal_model(data, outcome="rating", time="wave", unit="unit", method="ordinal"))
    direct = _quiet(lambda: OrderedModel.from_formula("rating ~ C(wave)", data, distr="logit").fit(
        method="bfgs", disp=False, maxiter=2000))
    assert np.allclose(res.params["estimate"].to_numpy(), direct.params.to_numpy(), atol=1e-4)
    labels = {0: "low", 1: "mid", 2: "high"}
    ordered = data.assign(rating=pd.Categorical(data["rating"].map(labels), categories=["low", "mid", "high"],
                                                ordered=True))
    same = _quiet(lambda: longitudinal_model(ordered, outcome="rating", time="wave", unit="unit", method="ordinal"))
    assert np.allclose(same.params["estimate"].to_numpy(), direct.params.to_numpy(), atol=1e-4)


# Old: one unit's rows went to statsmodels, which failed on "The first guess on the deviance function returned a nan.
# This could be a boundary problem and should be reported."
@pytest.mark.parametrize("method", ["gee", "mixed", "ordinal"])
def test_a_model_of_one_unit_is_refused(method):
    from impact.stats import longitudinal_model

    data = _panel()
    data.loc[data["unit"] != "c3", "score"] = np.nan
    data.loc[data["unit"] != "c3", "rating"] = np.nan
    outcome = "rating" if method == "ordinal" else "score"
    with pytest.raises(NotIdentifiedError, match=r"needs rows from at least two units, but the 4 rows .* come from "
                                                 r"a single one \(`unit`\)"):
        _quiet(lambda: longitudinal_model(data, outcome=outcome, time="wave", unit="unit", method=method))


# Old: a nullable time with a gap (Float64, pd.NA) failed in patsy on "Cannot interpret 'Float64Dtype()' as a data
# type"; a nullable 0/1 outcome with a gap in firth_logistic on "boolean value of NA is ambiguous". Each is now the
# fit of the same rows with the gap left out (as float64 NaN gives).
def test_nullable_numbers_with_a_gap_fit_as_the_rows_without_it():
    from impact.stats import firth_logistic, longitudinal_model

    data = _panel(n_units=12)
    data.loc[5, "wave"] = np.nan  # a float64 time with the gap
    nullable = data.assign(wave=data["wave"].astype("Float64"))
    assert nullable["wave"].isna().sum() == 1
    fits = [_quiet(lambda d=d: longitudinal_model(d, outcome="score", time="wave", unit="unit")) for d in
            (data, nullable)]
    assert fits[1].n_obs == fits[0].n_obs == len(data) - 1
    assert np.allclose(fits[1].params["estimate"], fits[0].params["estimate"], atol=1e-10)
    data = _panel(n_units=12).astype({"event": "float64"})
    data.loc[7, "event"] = np.nan
    fits = [_quiet(lambda d=d: firth_logistic(d, formula="event ~ score", unit="unit", intervals=()))
            for d in (data, data.assign(event=data["event"].astype("Int64")))]
    assert fits[1].n_obs == fits[0].n_obs == len(data) - 1
    assert np.allclose(fits[1].params["estimate"], fits[0].params["estimate"], atol=1e-10)


# Old: compare_groups with `unit` took rows with no unit (a float id with NaN) as one more unit, counted in n (13
# "units" of 12 councils), without a word.
def test_compare_groups_refuses_a_row_without_a_unit():
    from impact.stats import compare_groups, prevalence_table

    data = _panel()
    data["unit"] = data["unit"].str[1:].astype(float)
    data.loc[[5, 9], "unit"] = np.nan
    with pytest.raises(ValueError, match=r"The column 'unit' given as `unit` is missing in 2 rows with 'score' and "
                                         r"'group' \(rows 5, 9\)"):
        _quiet(lambda: compare_groups(data, outcome="score", group="group", unit="unit", n_resamples=99))
    with pytest.raises(ValueError, match=r"missing in 2 rows with 'event' and 'group' \(rows 5, 9\)"):
        _quiet(lambda: prevalence_table(data, outcome="event", group="group", unit="unit"))


# Old: clustered_prevalence read an outcome of text '0'/'1' as numbers, where every other function refuses it, and
# failed inside pandas on a column named twice. (An empty frame stays a table with n 0: the report of a study with no
# interview yet reads it.)
def test_clustered_prevalence_checks_what_the_other_functions_check():
    from impact.stats import clustered_prevalence

    data = _panel()
    assert clustered_prevalence(data.iloc[:0], outcome="event", cluster="unit")["n"].tolist() == [0]
    with pytest.raises(ValueError, match=r"'event' given as `outcome` must be numeric or boolean, but it holds "
                                         r"numbers written as text"):
        clustered_prevalence(data.astype({"event": str}), outcome="event", cluster="unit")


# Old: a categorical of numbers as a predictor made one term per value (36 terms for 36 rows) and firth_logistic
# profiled each of them for minutes; no row at all was "not identified in the 0 rows used".
def test_firth_logistic_refuses_as_many_terms_as_rows_and_says_when_no_row_is_left():
    from impact.stats import firth_logistic

    data = _panel(n_units=5)
    with pytest.raises(NotIdentifiedError, match=r"has 20 terms \(with the intercept\) for the 20 rows used"):
        firth_logistic(data.assign(score=data["score"].astype("category")), formula="event ~ score")
    with pytest.raises(NotIdentifiedError, match=r"No row has every variable of 'event ~ score' and the unit: all 20 "
                                                 r"rows have a missing value"):
        _quiet(lambda: firth_logistic(data.assign(score=np.nan), formula="event ~ score", unit="unit"))


# --------------------------------------------------------------------------- 3. the panel functions
def _council_panel() -> pd.DataFrame:
    """Four councils, two codes, the three default waves: anticipated at the first, reported at the later two."""
    rows = [(c, code, wave, bool((i + j) % 2), bool((i + j + k) % 3 == 0))
            for i, c in enumerate(["301", "302", "303", "304"]) for j, code in enumerate(["morale", "learning"])
            for k, wave in enumerate(["expectations", "early", "longer_term"])]
    return pd.DataFrame(rows, columns=["council_id", "code", "wave", "anticipated", "reported"])


def _panel_calls():
    import impact

    return {"trajectories": lambda p: impact.trajectories(p),
            "transition_matrix": lambda p: impact.transition_matrix(p)}


# Old: a panel column named twice or columns on two levels failed inside pandas ("Must specify axis=0 or 1",
# "Grouper for 'wave' not 1-dimensional", "'DataFrame' object has no attribute 'dtype'", a KeyError of the columns);
# intervention_effects' check of its panel took a MultiIndex's first level for the column (KeyError ['status_group']).
@pytest.mark.parametrize("call", list(_panel_calls()))
def test_panel_functions_refuse_a_column_named_twice_or_on_two_levels(call):
    from impact.errors import InputError

    panel = _council_panel()
    assert len(_panel_calls()[call](panel))  # the panel itself is read
    for column, said in (("wave", "'wave' 2 times"), ("reported", "'reported' (from `realised`) 2 times"
                                                      if call == "trajectories" else "'reported' (from `outcome`) 2 times")):
        with pytest.raises(InputError, match=rf"`panel` holds the column {said}".replace("(", r"\(").replace(")", r"\)")):
            _panel_calls()[call](pd.concat([panel, panel[[column]]], axis=1))
    flat = panel.copy()
    flat.columns = pd.MultiIndex.from_tuples([(c, "") for c in panel.columns])
    with pytest.raises(InputError, match=r"`panel` has columns on 2 levels"):
        _panel_calls()[call](flat)


def test_intervention_effects_refuses_columns_on_two_levels():
    import impact
    from impact.errors import InputError

    panel = _council_panel().assign(status_group="universal")
    panel.columns = pd.MultiIndex.from_tuples([(c, "") for c in panel.columns])
    with pytest.raises(InputError, match=r"`panel` has columns on 2 levels"):
        impact.intervention_effects(panel)


# Old: a row with no council (a float id with NaN) was a council of its own, with a trajectory of its own (8 rows
# for 3 councils and 2 codes); a panel whose waves are numbered 0, 1, 2 had every council 'incomplete'
# (trajectories) or gave an empty table (transition_matrix), without a word.
@pytest.mark.parametrize("call", list(_panel_calls()))
def test_panel_functions_refuse_a_row_without_a_unit_and_waves_none_of_the_default(call):
    from impact.errors import InputError

    panel = _council_panel()
    blank = panel.assign(council_id=panel["council_id"].astype(float))
    blank.loc[[2, 9], "council_id"] = np.nan
    with pytest.raises(InputError, match=r"`panel` column 'council_id' \(given as `unit`\) is missing on rows 2, 9"):
        _panel_calls()[call](blank)
    numbered = panel.assign(wave=panel["wave"].map({"expectations": 0, "early": 1, "longer_term": 2}))
    with pytest.raises(InputError, match=r"The panel's waves \['0', '1', '2'\] are none of the default waves"):
        _panel_calls()[call](numbered)
    import impact

    same = {"trajectories": lambda p: impact.trajectories(p, waves=[0, 1, 2]),
            "transition_matrix": lambda p: impact.transition_matrix(p, waves=[0, 1, 2])}[call](numbered)
    read = (["council_id", "code", "realisation", "persistence"] if call == "trajectories"
            else ["code", "from_state", "to_state", "n", "share", "n_missing"])  # named waves: the same states
    assert same[read].reset_index(drop=True).equals(_panel_calls()[call](panel)[read].reset_index(drop=True))


# --------------------------------------------------------------------------- 4. agreement
def _ratings() -> pd.DataFrame:
    return pd.DataFrame({"unit": np.repeat([f"I1:{i}" for i in range(8)], 2), "coder": ["ann", "bot"] * 8,
                         "code": "morale", "value": [1, 1, 0, 0, 1, 0, 1, 1, 0, 0, 0, 1, 1, 1, 0, 0]})


# Old: "factorize requires a Series ... got DataFrame" (a column named twice), a KeyError of the columns (MultiIndex),
# "Grouper for 'unit' not 1-dimensional" and "Cannot subset columns with a tuple" from disagreements.
def test_agreement_functions_refuse_a_column_named_twice_or_on_two_levels():
    import impact

    data = _ratings()
    flat = data.copy()
    flat.columns = pd.MultiIndex.from_tuples([(c, "") for c in data.columns])
    for call in (impact.cohen_kappa, impact.percent_agreement, lambda d: impact.agreement_table(d, n_boot=0),
                 impact.disagreements):
        with pytest.raises(ValueError, match=r"`data` holds the column 'unit' 2 times"):
            call(pd.concat([data, data[["unit"]]], axis=1))
        with pytest.raises(ValueError, match=r"`data` has columns on 2 levels"):
            call(flat)


# Old: coders who agree on every unit (or data with no value) failed inside pandas: "Buffer has wrong number of
# dimensions (expected 1, got 2)"; the table of disagreements is empty, with its columns.
def test_disagreements_of_coders_who_always_agree_is_an_empty_table():
    import impact

    data = _ratings()
    agreed = data.assign(value=np.repeat(data["value"].to_numpy()[::2], 2))
    table = impact.disagreements(agreed)
    assert table.empty and list(table.columns) == ["unit", "code", "n_coders", "values", "coders_present",
                                                   "coders_absent"]
    assert impact.disagreements(data.assign(value=np.nan)).empty
    assert impact.disagreements(data)["unit"].tolist() == ["I1:2", "I1:5"]  # planted: the two units split 1/0

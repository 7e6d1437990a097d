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
from impact.errors import InputError, OutputFolderError, SmallSampleWarning

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
        out = event_time(_PANEL, events=events)
    (message,) = [str(w.message) for w in caught]
    assert "2 units that `data` does not hold ('0303', '999', on rows 1, 2 of `events`)" in message
    assert out["event_time"].tolist()[:3] == [-1, 0, 1] and out["treated"].tolist() == [True, True, True, False]


def test_guard_event_time_of_units_all_in_the_panel_is_silent():
    events = pd.DataFrame({"council_id": [301], "event_date": ["2019-05-01"]})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = event_time(_PANEL, events=events)
    assert out["event_time"].tolist()[:3] == [-1, 0, 1]


# Old: a row of `events` with no unit was dropped without a word, and a panel row with no unit made a control.
@pytest.mark.parametrize("table", ["events", "data"])
def test_event_time_refuses_a_row_with_no_unit(table):
    events = pd.DataFrame({"council_id": ["301", None], "event_date": pd.to_datetime(["2019-05-01", "2020-01-01"])})
    data = _PANEL
    if table == "data":
        events, data = events.iloc[:1], _PANEL.assign(council_id=["301", "301", None, "302"])
    with pytest.raises(InputError, match=rf"`{table}` column 'council_id' is blank on row {1 if table == 'events' else 2}"):
        event_time(data, events=events)


# Old: an empty `events` table (no council treated) was "TypeError: Cannot cast DatetimeArray to dtype float64".
def test_event_time_with_no_events_makes_every_unit_a_control():
    out = event_time(_PANEL, events=pd.DataFrame({"council_id": pd.Series([], dtype=str),
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


# --------------------------------------------------------------------------- 4. power planning arguments
# Old: each of these reached numpy, scipy or Python: "cannot convert float infinity to integer" (ratio inf, alpha 0),
# "'>' not supported between instances of 'str' and 'int'", "'float' object cannot be interpreted as an integer"
# (max_n 2.5), "scale < 0" (sd_noise -1), "expected non-negative integer" (seed -1), a ufunc error (effect '1'); an
# effect of NaN or an infinite sd_noise gave a power of 0 as an answer; n_units='10' was read as [1, 0].
@pytest.mark.parametrize("fn, kwargs, said", [
    ("councils_needed", {"ratio": float("inf")}, "`ratio` must be a finite number above 0, but inf"),
    ("councils_needed", {"ratio": "2"}, "`ratio` must be a finite number above 0, but '2'"),
    ("councils_needed", {"alpha": 0}, "`alpha` must be a number strictly between 0 and 1, but 0"),
    ("councils_needed", {"max_n": 2.5, "method": "exact"}, "`max_n` must be an integer of at least 1, but 2.5"),
    ("did_power", {"effect": float("nan")}, "`effect` must be a finite number, but nan"),
    ("did_power", {"effect": "1"}, "`effect` must be a finite number, but '1'"),
    ("did_power", {"sd_noise": float("inf")}, "`sd_noise` must be a finite number above 0, but inf"),
    ("did_power", {"sd_noise": -1}, "`sd_noise` must be a finite number above 0, but -1"),
    ("did_power", {"seed": -1}, "`seed` must be an integer of at least 0, a numpy Generator or None, but -1"),
    ("did_power", {"n_units": "10"}, "`n_units` must be an integer of at least 4, but '10'"),
])
def test_power_planning_refuses_arguments_it_cannot_use(fn, kwargs, said):
    import impact

    base = {"councils_needed": {"p_a": 0.2, "p_b": 0.5}, "did_power": {"n_units": 10, "effect": 1.0, "n_sim": 10}}[fn]
    with pytest.raises(ValueError) as info:
        getattr(impact, fn)(**{**base, **kwargs})
    assert said in str(info.value)


# Old: n_sim=10**12 asked numpy for 72.8 TiB at once (MemoryError, or the machine swapping for sizes that barely fit);
# the exact power of 10**9 councils a group asked for 7.45 GiB for one row of its tables, then hours.
def test_power_planning_refuses_a_simulation_or_enumeration_it_cannot_hold():
    import impact

    with pytest.raises(ValueError, match=r"did_power would draw 30,000,000,000,000 normal numbers.*lower n_sim"):
        impact.did_power(n_units=10, effect=1.0, n_sim=10**12)
    with pytest.raises(ValueError, match=r"exact power of 1,000,000,000 against 1,000,000,000 councils is not computed"):
        impact.power_prevalence(p_a=0.2, p_b=0.5, n_a=10**9, method="exact")


def test_did_power_drawn_in_blocks_is_the_power_drawn_at_once(monkeypatch):
    # the blocks a large simulation is now drawn in hold the same numbers, so the same power (planted: the
    # replicates are those of drawing every pre period, then every post period, at once)
    import impact
    from impact.stats import _power

    at_once = impact.did_power(n_units=[8, 12], effect=0.7, n_sim=400, seed=5)
    monkeypatch.setattr(_power, "_DRAWS_PER_BLOCK", 50)  # a few replicates a block
    pd.testing.assert_frame_equal(impact.did_power(n_units=[8, 12], effect=0.7, n_sim=400, seed=5), at_once)


# Old: with a comparison group far smaller than n_a (ratio 1e-10) the search stepped one council at a time from a
# guess in the hundreds of billions, never ending.
def test_councils_needed_with_a_tiny_ratio_ends_with_the_smallest_n(monkeypatch):
    from statsmodels.stats.power import NormalIndPower

    import impact

    calls = []
    real = NormalIndPower.power

    def counted(self, *args, **kwargs):
        calls.append(1)
        if len(calls) > 1_000:
            raise RuntimeError("the search stepped one council at a time")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(NormalIndPower, "power", counted)
    row = impact.councils_needed(p_a=0.2, p_b=0.5, ratio=1e-10).iloc[0]
    h = abs(float(impact.stats.power_prevalence(p_a=0.2, p_b=0.5, n_a=1).loc[0, "cohens_h"]))
    reaches = [real(NormalIndPower(), effect_size=h, nobs1=n, alpha=0.05, ratio=1e-10) >= 0.8
               for n in (row["n_a"] - 1, row["n_a"])]
    assert reaches == [False, True] and row["power"] >= 0.8


# --------------------------------------------------------------------------- 5. indicators and infinities in models
def _did_panel(**change) -> pd.DataFrame:
    import numpy as np

    rng = np.random.default_rng(38)
    panel = pd.DataFrame({"u": np.repeat(np.arange(12), 4), "t": np.tile([2019, 2020, 2021, 2022], 12)})
    panel["treated"], panel["post"] = panel["u"] < 6, panel["t"] >= 2021
    panel["y"] = rng.normal(size=len(panel)) + 3.0 * (panel["treated"] & panel["post"])  # planted effect 3
    return panel.assign(**change)


def _did(panel):
    from impact.stats import did

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SmallSampleWarning)  # 6 and 6 councils
        return did(panel, outcome="y", unit="u", time="t", treated="treated", post="post", n_permutations=0)


# Old: a blank `post` cell was read as True (astype(bool)), so the 2019 rows of every council were "post" and the
# effect NaN; a boolean `post` with <NA> was pandas' "cannot convert float NaN to bool"; 'yes'/'no' were both True.
def test_did_leaves_out_rows_with_no_post_and_refuses_post_as_text():
    from impact.stats import MissingValueWarning

    panel = _did_panel()
    blank = panel.assign(post=panel["post"].astype(float).where(panel["t"] != 2019))
    nullable = panel.assign(post=pd.array(panel["post"].where(panel["t"] != 2019, None).tolist(), dtype="boolean"))
    kept = _did(panel[panel["t"] != 2019]).params.loc["treated_post", "estimate"]  # the rows that have a `post`
    for table in (blank, nullable):
        with pytest.warns(MissingValueWarning, match=r"12 of 48 rows have no 'y', 'treated', 'post' or 't'"):
            assert _did(table).params.loc["treated_post", "estimate"] == pytest.approx(kept, rel=1e-12)
    assert 2 < kept < 4  # the planted effect, recovered
    with pytest.raises(ValueError, match=r"'post' given as `post` must be numeric or boolean, but it holds 'no'"):
        _did(panel.assign(post=panel["post"].map({True: "yes", False: "no"})))


# Old: a `treated` of -1 and 1 made the -1 councils comparisons without a word (any value above 0 was treated).
def test_did_refuses_a_treated_indicator_that_is_not_0_or_1():
    panel = _did_panel()
    with pytest.raises(ValueError, match=r"'treated' given as `treated` must hold 0/1 or True/False, but it holds -1 "
                                         r"on 24 rows \(24, 25,"):
        _did(panel.assign(treated=panel["treated"].map({True: 1, False: -1})))


# Old: an infinite outcome gave did() a NaN effect and numpy's RuntimeWarnings; change_over_time switched a 0/1
# outcome with one inf to a Friedman test of ranks; longitudinal_model failed in statsmodels ("The first guess on the
# deviance function returned a nan. This could be a boundary problem and should be reported."); firth_logistic said
# the terms were not identified; compare_groups ranked inf as the largest value.
@pytest.mark.parametrize("fn", ["did", "change_over_time", "longitudinal_model", "firth_logistic", "compare_groups"])
def test_an_infinite_value_is_named_with_its_column_and_row(fn):
    import numpy as np

    import impact

    panel = _did_panel()
    panel["b"] = (panel["y"] > 1).astype(float)
    panel.loc[5, "b" if fn in ("change_over_time", "firth_logistic") else "y"] = -np.inf
    call = {
        "did": lambda: _did(panel),
        "change_over_time": lambda: impact.change_over_time(panel, outcome="b", time="t", unit="u"),
        "longitudinal_model": lambda: impact.longitudinal_model(panel, formula="y ~ C(t) + treated", unit="u"),
        "firth_logistic": lambda: impact.firth_logistic(panel, formula="treated ~ b"),
        "compare_groups": lambda: impact.compare_groups(panel, outcome="y", group="treated", n_resamples=99),
    }[fn]
    with pytest.raises(ValueError, match=r"holds -inf on 1 row \(5\): expected finite numbers"):
        call()


# Old: an outcome of 0/1 stored as a categorical was "numbers written as text (category dtype; np.int64(1) (row 0))".
def test_a_categorical_outcome_of_numbers_is_those_numbers():
    import impact

    panel = _did_panel(b=lambda d: (d["y"] > 1).astype(int))
    plain = impact.compare_groups(panel, outcome="b", group="treated")
    pd.testing.assert_frame_equal(impact.compare_groups(panel.astype({"b": "category"}), outcome="b", group="treated"),
                                  plain)


# Old: an infinite count or population (pandas reads the text 'inf' as a number) gave a rate of inf or 0, and
# aggregate_successors summed it; now refused naming the argument, column and row.
@pytest.mark.parametrize("which", ["indicators", "population", "successors"])
def test_official_tables_with_an_infinite_value_are_refused_on_its_row(which):
    from impact import aggregate_successors, rate_per_10k

    ind = pd.DataFrame({"council_id": ["301", "302"], "period": pd.to_datetime(["2019-03-31"] * 2),
                        "measure": "cin", "value": [100.0, 50.0]})
    pop = ind.assign(measure="population_estimate", value=[1000.0, 800.0])
    if which == "population":
        pop = pop.assign(value=["1000", "inf"])
    else:
        ind = ind.assign(value=["100", "inf"])
    with pytest.raises(InputError, match=rf"`{'population' if which == 'population' else 'indicators'}` column "
                                         r"'value' holds infinite values \('inf'\) on row 1"):
        if which == "successors":
            aggregate_successors(ind, measures=["cin"])
        else:
            rate_per_10k(ind, population=pop, measure="cin")


# Old: a DfE file whose only measure column holds more text than numbers ('inf', '1e999', 'NaN' in a hand-edited
# file), or one with no column after the geography, was read as dimensions only: an empty table, without a word.
@pytest.mark.parametrize("columns, said", [
    (11, "column 'referrals' holds more text than numbers, read as a dimension"),
    (10, "the file has no other column"),
])
def test_a_dfe_file_with_no_measure_column_is_refused_not_read_as_nothing(tmp_path, columns, said):
    from impact.official import read_dfe

    rows = ["time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,"
            "old_la_code,new_la_code,la_name,referrals"]
    for code, cell in (("301", "inf"), ("302", "1e999"), ("303", "NaN"), ("304", "2710")):
        rows.append(f"2013,Reporting year,Local authority,E92000001,England,E13000002,Outer London,{code},E09000002,"
                    f"Council {code},{cell}")
    path = tmp_path / "cin.csv"
    path.write_text("\n".join(",".join(r.split(",")[:columns]) for r in rows) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=rf"cin.csv: no measure column - expected a column of numbers .*{said}"):
        read_dfe(path)


# --------------------------------------------------------------------------- 6. a codebook that is a pipe or folder
# Old: `--codebook PIPE.yaml` said "codebook file PIPE.yaml does not exist", and a .qdc pipe or folder "file not found",
# though each is there: what it is is now said.
@pytest.mark.parametrize("name, kind, said", [
    ("book.yaml", "pipe", "codebook file {path} is not a regular file (a device or a pipe)"),
    ("book.qdc", "pipe", "{name}: not a regular file (a device or a pipe)"),
    ("book.qdc", "folder", "{name}: is a folder"),
])
def test_a_codebook_that_is_a_pipe_or_a_folder_is_said_to_be_one(tmp_path, name, kind, said):
    from impact import Codebook

    path = tmp_path / name
    os.mkfifo(path) if kind == "pipe" else path.mkdir()
    with pytest.raises(InputError) as info:
        Codebook.load(path)
    assert said.format(path=path, name=name) in str(info.value)


# --------------------------------------------------------------------------- 7. agreement on numbers
# Old: an infinite value at the interval or ratio level made alpha NaN, said to be "there is no variation in the
# values", with numpy's RuntimeWarnings; at the ordinal level it was a rating above every other (alpha 0.59 here).
@pytest.mark.parametrize("level", ["ordinal", "interval", "ratio"])
def test_krippendorff_alpha_refuses_an_infinite_value_naming_its_unit(level):
    from impact import krippendorff_alpha

    coded = pd.DataFrame({"unit": list(range(10)) * 2, "coder": ["A"] * 10 + ["B"] * 10,
                          "value": [1.0, 2.0] * 9 + [float("inf"), 2.0]})
    with pytest.raises(ValueError, match=rf"level='{level}' needs finite values, but inf \(unit 8\) was found"):
        krippendorff_alpha(coded, level=level)


# --------------------------------------------------------------------------- 8. panels and quotes of the library
@pytest.fixture(scope="module")
def _coded_tiny():
    from conftest import make_tiny_study

    from impact import Codebook, RuleCoder, segment

    study = make_tiny_study()
    segments = segment(study)
    return study, RuleCoder(Codebook.load("nfer_impacts")).code(segments), segments


# Old: codes="review" was read letter by letter: a panel of codes 'e', 'i', 'r', 'v', 'w', all zero, without a word;
# quotes(councils="301") found no council '3', '0' or '1' and gave no quote.
def test_one_code_or_council_given_as_text_is_that_one_not_its_letters(_coded_tiny):
    from impact import council_panel, quotes

    study, coded, segments = _coded_tiny
    code = sorted(coded["code"].unique())[0]
    assert sorted(council_panel(study, coded, codes=code)["code"].unique()) == [code]
    council = str(study.councils["council_id"].iloc[0])
    one = quotes(coded, study, segments=segments, councils=council)
    assert len(one) and set(one["council_id"].astype(str)) == {council}
    assert one.equals(quotes(coded, study, segments=segments, councils=[council]))


# Old: a coder's output (impact code) given to quotes was "KeyError: Index(['coder'])"; a context of 1.5 was a
# TypeError inside range() and -1 no context without a word; a column named by transition_matrix's `by`/`outcome`
# or impact_chain's `unit` that the panel lacks was a KeyError.
def test_quotes_and_panel_summaries_refuse_what_they_cannot_use(_coded_tiny):
    from impact import council_panel, impact_chain, quotes, transition_matrix
    from impact.codings import as_codings

    study, coded, segments = _coded_tiny
    assert quotes(coded.drop(columns=["coder"], errors="ignore"), study, segments=segments).equals(
        quotes(as_codings(coded, study, segments=segments), study, segments=segments))
    for context in (1.5, -1):
        with pytest.raises(ValueError, match=rf"`context` must be a number of sentences, 0 or more, but {context}"):
            quotes(coded, study, segments=segments, context=context)
    panel = council_panel(study, coded)
    for call, arg in ((lambda: transition_matrix(panel, by="theme"), "by"),
                      (lambda: transition_matrix(panel, outcome="theme"), "outcome"),
                      (lambda: impact_chain(panel, unit="theme"), "unit")):
        with pytest.raises(ValueError, match=rf"`panel` has no column 'theme' \(given as `{arg}`\)"):
            call()

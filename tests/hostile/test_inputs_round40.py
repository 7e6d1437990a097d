"""Hostile inputs, round 40 (helper-inputs40): the public functions no earlier round had fed hostile input - the
trajectories (trajectories, transition_matrix, impact_chain, action_completion), the framework matrix and quotes,
the attribution summary and the measures, the agreement coefficients' settings, and the per-code models - given
one name where a list is meant, a name that is not there, a value that is no flag, a row given twice, a panel of
the other kind, or something that is no study.

Each test is a hostile input the old code got wrong; what it did is said beside the test.  Tests named ``guard``
pass on the old code too: they hold what a fix must not break.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from impact.errors import InputError


@pytest.fixture
def _coded_tiny(tiny_coded):
    """The shared coded tiny study (tests/hostile/conftest.py) as a tuple."""
    t = tiny_coded
    return t.study, t.segments, t.book, t.coded, t.panel, t.people


def _states(waves=("expectations", "early", "longer_term"), **columns) -> pd.DataFrame:
    """A hand-made panel of two councils and one code at three waves (both councils reported it at every wave)."""
    rows = [{"council_id": c, "code": "morale", "wave": w, "anticipated": True, "reported": True}
            for c in ("301", "302") for w in waves]
    out = pd.DataFrame(rows)
    for name, values in columns.items():
        out[name] = values
    return out


# --------------------------------------------------------------------------- 1. trajectories
# Old: a realised state of 2 or 'no' failed inside pandas ("Need to pass bool-like values"), naming no column or row.
@pytest.mark.parametrize("bad", [2, "no"])
def test_trajectories_refuse_a_state_that_is_no_flag_naming_column_and_row(bad):
    from impact import trajectories

    p = _states()
    p["reported"] = p["reported"].astype(object)
    p.loc[4, "reported"] = bad
    with pytest.raises(InputError, match=rf"`panel` column 'reported' \(given as `realised`\) holds values that are "
                                         rf"not flags \({bad!r}\) on row 4: expected True/False or 1/0"):
        trajectories(p)


# Old: 'no' written as text was read as True ('no' is a non-empty string): the council moved to "reported".
def test_transition_matrix_does_not_read_no_as_true():
    from impact import transition_matrix

    p = _states(reported=["no", "no", "no", True, True, True])
    with pytest.raises(InputError, match=r"`panel` column 'reported' \(given as `outcome`\) holds values that are "
                                         r"not flags \('no', 'no', 'no'\) on rows 0, 1, 2: expected True/False or 1/0"):
        transition_matrix(p)


# Old: the second row of a council, code and wave was dropped without a word (pivot_table's "first").
@pytest.mark.parametrize("fn", ["trajectories", "transition_matrix"])
def test_one_council_code_and_wave_on_two_rows_is_refused(fn):
    import impact

    p = pd.concat([_states(), _states().iloc[[1]].assign(reported=False)], ignore_index=True)
    with pytest.raises(InputError, match=r"`panel` has 2 rows sharing their council_id, code, wave with another "
                                         r"\(rows 1, 6; first \['301', 'morale', 'early'\]\): expected one row per"):
        getattr(impact, fn)(p)


# Old: a panel of several codes read without by='code' took the first code's state for each council, without a word.
def test_transition_matrix_of_several_codes_without_by_says_to_group_by_code():
    from impact import transition_matrix

    p = pd.concat([_states(), _states().assign(code="learning", reported=False)], ignore_index=True)
    with pytest.raises(InputError, match=r"expected one row per council_id, wave \(a panel of several codes is read "
                                         r"with by='code'\)"):
        transition_matrix(p, by=None)


# Old: a misspelt wave made every unit 'incomplete'; the same wave twice was read twice.
@pytest.mark.parametrize("waves, said", [
    (["expectations", "early", "later"], r"`waves` has 1 wave not in the panel \(pass `study` to name a wave not yet "
                                         r"interviewed\): 'later'"),
    (["early", "early", "longer_term"], r"`waves` names the wave 'early' more than once"),
])
def test_trajectories_refuse_waves_the_panel_lacks_or_named_twice(waves, said):
    from impact import trajectories

    with pytest.raises(InputError, match=said):
        trajectories(_states(), waves=waves)


# Old: `waves` was ignored whenever `study` was given: every pair of the study's waves was counted.
def test_transition_matrix_reads_the_waves_it_is_given_beside_a_study(_coded_tiny):
    from impact import transition_matrix

    study, _, _, _, panel, _ = _coded_tiny
    t = transition_matrix(panel, study=study, waves=["expectations", "longer_term"])
    assert set(zip(t["from_wave"], t["to_wave"])) == {("expectations", "longer_term")}
    with pytest.raises(InputError, match=r"`waves` has 1 wave not in the study: 'later'"):
        transition_matrix(panel, study=study, waves=["early", "later"])


# Old: one level alone failed inside pandas (isin of a str), a level twice on int('insight'), and levels the panel
# does not hold gave every council a chain of no level, without a word.
@pytest.mark.parametrize("levels, error, said", [
    ("morale", InputError, None),
    (["morale", "morale"], InputError, r"`levels` names the code 'morale' more than once"),
    (["morale", "insight"], InputError, r"`levels` has 1 code not in the panel \(build it from coding with the "
                                        r"impact_level codebook\): 'insight'"),
    ([], ValueError, r"`levels` must name the codes of the chain"),
])
def test_impact_chain_refuses_levels_it_cannot_read(levels, error, said):
    from impact import impact_chain

    p = pd.concat([_states(), _states().assign(code="learning")], ignore_index=True)
    if said is None:  # one level alone is that code, its chain read
        out = impact_chain(p, levels=levels)
        assert out["n_levels"].tolist() == [1, 1] and out["chain_complete"].all()
        return
    with pytest.raises(error, match=said):
        impact_chain(p, levels=levels)


# Old: a panel or None in the place of the study was an AttributeError ("'DataFrame' object has no attribute ...").
@pytest.mark.parametrize("fn", ["describe_study", "action_completion"])
@pytest.mark.parametrize("given", [None, "study", pd.DataFrame({"council_id": ["301"]})])
def test_functions_of_a_study_say_when_they_are_given_none(fn, given):
    import impact

    with pytest.raises(TypeError, match=r"`study` must be an impact.Study \(impact.load_study\), but "
                                        rf"{type(given).__name__} was passed"):
        getattr(impact, fn)(given)


# --------------------------------------------------------------------------- 2. framework matrix and quotes
# Old: a codebook's name was an AttributeError ("'str' object has no attribute 'leaf_codes'"), as was a number.
def test_framework_matrix_takes_a_bundled_codebook_s_name_as_the_panels_do(_coded_tiny):
    from impact import framework_matrix

    study, segments, book, coded, _, _ = _coded_tiny
    by_name = framework_matrix(study, coded, segments=segments, codebook="nfer_impacts")
    pd.testing.assert_frame_equal(by_name, framework_matrix(study, coded, segments=segments, codebook=book))
    with pytest.raises(TypeError, match=r"`codebook` must be a Codebook, a bundled codebook's name or a path, but "
                                        r"int was passed"):
        framework_matrix(study, coded, segments=segments, codebook=3)


# Old: codes='morale' were the columns 'm', 'o', 'r', ... and a misspelt code a column no council raised.
def test_framework_matrix_reads_one_code_as_that_code_and_refuses_one_not_in_the_codebook(_coded_tiny):
    from impact import framework_matrix

    study, segments, book, coded, _, _ = _coded_tiny
    one = framework_matrix(study, coded, segments=segments, codebook=book, codes="morale")
    assert set(one["code"]) == {"morale"} and len(one) == len(study.councils)
    with pytest.raises(InputError, match=r"`codes` has 1 code not in the codebook 'nfer_impacts': "
                                         r"'moral' \(did you mean 'morale'\?\) - expected codes of \["):
        framework_matrix(study, coded, segments=segments, codebook=book, codes=["morale", "moral"])


# Old: segments given twice (concatenated) failed inside pandas: "Reindexing only valid with uniquely valued Index".
@pytest.mark.parametrize("fn", ["framework_matrix", "quotes"])
def test_segments_given_twice_are_refused_naming_the_rows(_coded_tiny, fn):
    import impact

    study, segments, book, coded, _, _ = _coded_tiny
    twice = pd.concat([segments, segments.iloc[[0]]], ignore_index=True)
    kwargs = {"codebook": book} if fn == "framework_matrix" else {}
    args = (study, coded) if fn == "framework_matrix" else (coded, study)
    with pytest.raises(InputError, match=rf"`segments` has 2 rows whose segment_id another row has too \(rows 0, "
                                         rf"{len(segments)}; first '{segments['segment_id'].iloc[0]}'\)"):
        getattr(impact, fn)(*args, segments=twice, **kwargs)


# Old: a council or wave the study does not have kept no statement, and the empty table read as "nobody said so".
@pytest.mark.parametrize("kwargs, said", [
    ({"councils": ["301", "999"]}, r"`councils` has 1 council not in the study: '999'"),
    ({"waves": "erly"}, r"`waves` has 1 wave not in the study: 'erly' \(did you mean 'early'\?\) - expected waves of "
                        r"\['expectations', 'early', 'longer_term'\]"),
])
def test_quotes_refuse_a_council_or_wave_the_study_does_not_have(_coded_tiny, kwargs, said):
    from impact import quotes

    study, segments, _, coded, _, _ = _coded_tiny
    with pytest.raises(InputError, match=said):
        quotes(coded, study, segments=segments, **kwargs)


# guard: a council id given as a number or with spaces is that council (as before).
def test_guard_quotes_of_a_council_given_as_a_number_are_its_statements(_coded_tiny):
    from impact import quotes

    study, segments, _, coded, _, _ = _coded_tiny
    as_text = quotes(coded, study, segments=segments, councils=["880"])
    assert len(as_text) > 0
    pd.testing.assert_frame_equal(quotes(coded, study, segments=segments, councils=[880]), as_text)


# --------------------------------------------------------------------------- 3. attribution and measures
# Old: a coder's output (what `impact code` writes) was a KeyError "['coder', 'interview_id']", as quotes reads it.
def test_attribution_summary_reads_a_coder_s_output_as_quotes_do(_coded_tiny):
    from impact import attribution_summary
    from impact.codings import as_codings

    study, _, _, coded, _, _ = _coded_tiny
    expected = attribution_summary(as_codings(coded, study), study)
    pd.testing.assert_frame_equal(attribution_summary(coded, study), expected)
    assert expected.set_index("code").loc["all", "n_reported"] == int(
        (~coded["negated"] & ~coded["hedged"]).sum())  # every reported statement, counted by hand


# Old: waves='early' were the waves 'e', 'a', ... and counted nothing; a misspelt wave the same, without a word.
def test_attribution_summary_reads_one_wave_and_refuses_one_the_study_lacks(_coded_tiny):
    from impact import attribution_summary
    from impact.codings import as_codings

    study, _, _, coded, _, _ = _coded_tiny
    c = as_codings(coded, study)
    early = attribution_summary(c, study, waves="early").set_index("code").loc["all", "n_reported"]
    wave = c["interview_id"].map(study.interviews.set_index("interview_id")["wave"])
    assert early == int((~c["negated"] & ~c["hedged"] & (wave == "early")).sum()) > 0
    with pytest.raises(InputError, match=r"`waves` has 1 wave not in the study: 'erly'"):
        attribution_summary(c, study, waves=["erly"])


# Old: 'Ofsted' (capital O), ' funding' or 'other programme' was not the factor: counted as credited to the review.
def test_a_factor_written_in_capitals_or_with_spaces_is_that_factor(_coded_tiny):
    from impact import attribution_summary, classify_codings
    from impact.codings import as_codings

    study, _, _, coded, _, _ = _coded_tiny
    c = as_codings(coded, study)
    reported = (~c["negated"] & ~c["hedged"]).to_numpy()
    spelt = ["Ofsted", " funding", "Other programme", "LEADERSHIP"]
    c["attribution"] = [spelt[i % 4] if r else "" for i, r in enumerate(reported)]
    assert not classify_codings(c)["credited"].any()
    row = attribution_summary(c, study).set_index("code").loc["all"]
    assert row["n_review"] == 0 and row["n_other"] == reported.sum()
    assert row[["n_ofsted", "n_funding", "n_other_programme", "n_leadership"]].sum() == reported.sum()


# Old: the text 'False' (a frame built by hand or read without dtypes) was read as true: every statement denied.
@pytest.mark.parametrize("values, shown", [(["False", "True"], "'False', 'True'"), ([2, 0], "2")])
def test_a_flag_that_is_neither_true_nor_false_is_refused(values, shown):
    from impact import classify_codings

    c = pd.DataFrame({"negated": values, "hedged": [False, False], "attribution": ["", ""]})
    with pytest.raises(InputError, match=rf"column 'negated' holds values that are not flags \({shown}\) on "):
        classify_codings(c)


# guard: flags of any boolean or 0/1 dtype, missing ones not set, are read as before.
@pytest.mark.parametrize("values", [[True, False, None], [1.0, 0.0, float("nan")],
                                    pd.array([True, False, None], dtype="boolean"), pd.array([1, 0, None], dtype="Int64"),
                                    pd.Categorical([True, False, None])])
def test_guard_flags_of_any_boolean_dtype_are_read(values):
    from impact import classify_codings

    c = pd.DataFrame({"negated": values, "hedged": [False] * 3, "attribution": [""] * 3})
    assert classify_codings(c)["denied"].tolist() == [True, False, False]


# --------------------------------------------------------------------------- 4. agreement settings
def _ratings() -> pd.DataFrame:
    return pd.DataFrame({"unit": [1, 1, 2, 2, 3, 3, 4, 4], "coder": list("abababab"),
                         "value": [1, 1, 0, 0, 1, 0, 0, 0]})


# Old: confidence=2 gave NaN intervals and 0 an interval of no width; n_boot=-1 was read as no bootstrap.
_CONFIDENCE = [({"confidence": 2}, r"`confidence` must be a number strictly between 0 and 1, but 2 was passed"),
               ({"confidence": 0.0}, r"`confidence` must be a number strictly between 0 and 1, but 0.0 was passed")]
_BOOT = [({"n_boot": -1}, r"`n_boot` must be an integer of at least 0, but -1 was passed")]


@pytest.mark.parametrize("fn, kwargs, said", [
    *[(fn, *case) for fn in ("percent_agreement", "cohen_kappa", "fleiss_kappa", "gwet_ac1") for case in _CONFIDENCE],
    *[(fn, *case) for fn in ("krippendorff_alpha", "agreement_table") for case in _CONFIDENCE + _BOOT],
])
def test_agreement_settings_it_cannot_use_are_refused(fn, kwargs, said):
    import impact

    with pytest.raises(ValueError, match=said):
        getattr(impact, fn)(_ratings(), **kwargs)


# Old: metrics='gwet_ac1' were refused as the metric 'g'; a metric named twice was two rows; none an empty table.
@pytest.mark.parametrize("metrics, said", [
    (["gwet_ac1", "gwet_ac1"], r"`metrics` names \['gwet_ac1'\] more than once"),
    ([], r"`metrics` must name at least one of"),
])
def test_agreement_table_metrics_named_twice_or_none_are_refused(metrics, said):
    from impact import agreement_table

    with pytest.raises(ValueError, match=said):
        agreement_table(_ratings(), metrics=metrics)


def test_one_metric_or_code_given_as_text_is_that_one_not_its_letters():
    from impact import agreement_table, character_agreement

    t = agreement_table(_ratings(), metrics="percent_agreement")
    assert t["metric"].tolist() == ["percent_agreement"] and t["value"].tolist() == [0.75]  # 3 of 4 units agree
    a = pd.DataFrame({"unit": ["I1:1", "I1:2"], "code": ["morale", "learning"], "start": [0, 20], "end": [10, 30]})
    b = pd.DataFrame({"unit": ["I1:1", "I1:2"], "code": ["morale", "learning"], "start": [5, 20], "end": [10, 30]})
    c = character_agreement({"ann": a, "bot": b}, codes="morale", metrics="percent_agreement")
    assert c["code"].tolist() == ["morale"] and c["value"].tolist() == [0.5]  # 5 of the 10 characters coded by both


# Old: a frame indexed by unit and coder was told "`data` has no columns 'unit', 'coder'", not where they were.
def test_agreement_on_a_frame_indexed_by_unit_and_coder_says_to_reset_the_index():
    from impact import gwet_ac1

    with pytest.raises(ValueError, match=r"in the index: call .reset_index\(\) first"):
        gwet_ac1(_ratings().set_index(["unit", "coder"]))


# --------------------------------------------------------------------------- 5. the per-code models
# Old: codes='morale' fitted the codes 'm', 'o', 'r', ... each "not fitted: the outcome does not vary", and a
# misspelt code was told the same way.
@pytest.mark.parametrize("fn", ["intervention_effects", "attrition_effects"])
def test_models_read_one_code_as_that_code_and_refuse_one_the_panel_lacks(_coded_tiny, fn):
    import impact

    study, _, _, _, _, people = _coded_tiny
    args = (people,) if fn == "intervention_effects" else (people, study)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        getattr(impact, fn)(*args, codes="morale")
    assert not [w for w in caught if "'m'" in str(w.message)]
    with pytest.raises(InputError, match=r"`codes` has 1 code not in the panel: 'moral' \(did you mean 'morale'\?\) - expected codes "
                                         r"of \['morale', 'policies_systems'\]"):
        getattr(impact, fn)(*args, codes=["moral"])


# Old: the council panel was "cannot convert NA to integer" (intervention_effects) or a KeyError 'participant_id'
# (attrition_effects); an unknown method was never looked at where no code varies.
def test_models_given_the_council_panel_or_a_method_they_lack_say_so(_coded_tiny):
    from impact import attrition_effects, intervention_effects

    study, _, _, _, panel, people = _coded_tiny
    with pytest.raises(InputError, match=r"column 'reported' \(given as `measure`\) is missing on 2 rows .*pass the "
                                         r"participant panel, impact.participant_panel"):
        intervention_effects(panel)
    with pytest.raises(InputError, match=r"`panel` lacks the column 'participant_id'.*\(pass the participant panel"):
        attrition_effects(panel, study)
    with pytest.raises(ValueError, match=r"`methods` must hold some of \['complete', 'ipw', 'mice'\], but 'ipv'"):
        attrition_effects(people, study, methods=["complete", "ipv"])
    with pytest.raises(InputError, match=r"`panel` column 'reported' \(given as `measure`\) holds values that are not "
                                         r"flags \(2, 2, 2, 2, 2\) on rows"):
        intervention_effects(people.assign(reported=people["reported"].astype(int) * 2))


# Old: a list of records was an AttributeError ("'list' object has no attribute 'columns'"), and nothing said what
# write_coded takes.
def test_write_coded_of_what_is_no_table_says_so(_coded_tiny, tmp_path):
    from impact import write_coded

    coded = _coded_tiny[3]
    with pytest.raises(TypeError, match=r"`coded` must be a pandas DataFrame \(a coder's output\), but list was passed"):
        write_coded(coded.to_dict("records"), tmp_path / "coded.csv")
    assert not list(tmp_path.iterdir())  # nothing written

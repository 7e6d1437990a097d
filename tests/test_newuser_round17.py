"""A new user's wrong calls get a clear answer (newuser17).

1. A misspelt keyword of ``build_report`` or ``build_summary`` was answered "did you mean '_history'?": a private
   keyword (kept for :func:`impact.run` alone) was suggested and listed among what the function takes.
2. Values of the right type that no call can mean (a share of 5, a negative seed, an option switched on by the text
   "no") were taken without a word or answered by numpy itself; bench/newuser17_values/sweep.py counts them.
"""

from __future__ import annotations

import inspect
import re
import warnings

import pytest

import impact
from impact._keywords import explain_call


# --------------------------------------------------------------------------- 1. private keywords
def _with_private():
    """Every public callable of impact (and build_summary, whose options are build_report's) with a private keyword."""
    found = []
    for name in impact.__all__:
        f = getattr(impact, name)
        if not callable(f) or isinstance(f, type):
            continue
        params = inspect.signature(f).parameters
        if any(p.startswith("_") for p in params) or name == "build_summary":
            found.append((name, f))
    return found


@pytest.mark.parametrize("wrong", ["_hsitory", "_histor", "histoyr", "_history_", "hist"])
def test_a_misspelt_keyword_is_never_told_a_private_keyword(wrong):
    found = _with_private()
    assert {"build_report", "build_summary"} <= {name for name, _ in found}
    for name, f in found:
        with pytest.raises(TypeError) as caught:
            f(None, **{wrong: 1})
        message = str(caught.value)
        # before: "... unexpected keyword argument '_hsitory' (did you mean '_history'?) - it takes build_report(
        # findings, *, ..., release_history=..., _history=...)."
        assert message.startswith(f"impact.{name}() got an unexpected keyword argument {wrong!r}"), message
        assert not re.search(r"(?<![a-z])_history", message.replace(repr(wrong), "")), message
        assert message.endswith(f" - it takes {name}(findings, *, identify=..., min_count=..., quote_k=..., key=..., "
                                "council_matrix=..., release_history=...)."), message


def test_a_private_keyword_of_any_function_is_neither_listed_nor_suggested_and_public_ones_still_are():
    def report(findings, *, min_count=5, release_history=None, _seed=0, _history=None): ...

    said = explain_call(report, (None,), {"_sede": 1})
    assert said.endswith("report() got an unexpected keyword argument '_sede' - it takes report(findings, *, "
                         "min_count=..., release_history=...)."), said
    said = explain_call(report, (None,), {"min_coutn": 1})
    assert "(did you mean 'min_count'?) - it takes report(findings, *, min_count=..., release_history=...)." in said
    # a required parameter whose name begins with _ is the user's to give: it is listed
    def other(_data, *, level=1): ...

    assert "it takes other(_data, *, level=...)" in explain_call(other, (None,), {"levle": 1})
    # the private keyword itself, given by impact, still binds
    assert explain_call(report, (None,), {"_history": object()}) is None


# --------------------------------------------------------------------------- 2. values no call can mean
@pytest.fixture(scope="module")
def small():
    """A synthetic study of four councils (seed 17_017, one the project has not used), its segments, one coder's
    output and its participant panel."""
    study = impact.synth.generate(4, seed=17_017, interviews_per_wave=2, words_per_interview=150)
    segments = impact.segment(study)
    coded = impact.RuleCoder(impact.Codebook.nfer()).code(segments)
    return study, segments, coded, impact.participant_panel(study, coded, segments=segments)


def _told(call, kind, *words):
    """The message of the impact error ``call`` raises: of ``kind``, raised inside impact, holding each of ``words``."""
    with pytest.raises(kind) as caught:
        call()
    message = str(caught.value)
    assert "/impact/" in caught.traceback[-1].path.as_posix(), message  # impact's own, not numpy's or pandas'
    for word in words:
        assert word in message, message
    return message


# Each answered by Python, numpy, pandas or scikit-learn itself before (bench/newuser16_sweep with --all: 5 left;
# bench/newuser17_values: 3 more).
_BARE = {
    "codebook_id=<a table>": (lambda s: impact.coding.coder_validity(s[2]), TypeError,
                              ("`codebook_id`", "a codebook's id", "DataFrame was passed")),  # "File name too long"
    "groups=None": (lambda s: impact.coding.group_folds(None), TypeError, ("`groups`", "NoneType was passed")),
    "start_date=None": (lambda s: impact.synth.generate_with_truth(2, start_date=None), ValueError,
                        ("`start_date` must be a date", "None was passed")),  # "Cannot compare NaT with date"
    "end_date=''": (lambda s: impact.synth.generate_with_truth(2, end_date=""), ValueError,
                    ("`end_date` must be a date", "'' was passed")),
    "codebook=None": (lambda s: impact.pipeline.supplied_codes(None), TypeError,
                      ("`codebook`", "impact.Codebook", "NoneType was passed")),  # 'NoneType' has no 'code_ids'
    "seed=-1 (groups)": (lambda s: impact.compare_groups(s[3][s[3]["code"] == "morale"], outcome="reported",
                                                         group="status_group", seed=-1), ValueError,
                         ("`seed` must be an integer of at least 0", "-1 was passed")),  # numpy's own words
    "seed=-1 (effects)": (lambda s: impact.intervention_effects(s[3], seed=-1), ValueError,
                          ("`seed` must be an integer of at least 0", "-1 was passed")),
    "C=-1": (lambda s: impact.TrainedCoder(impact.Codebook.nfer(), C=-1).fit(s[1], s[2]), Exception,
             ("`C` must be a positive number", "-1 was passed")),  # scikit-learn's InvalidParameterError
}


@pytest.mark.parametrize("case", list(_BARE))
def test_a_value_once_answered_by_python_or_numpy_is_told_naming_the_argument(small, case):
    call, kind, words = _BARE[case]
    _told(lambda: call(small), kind, *words)


# A share or level given as a percentage, below 0 or NaN: each effect's model refused it and the refusal was said as
# "the model could not be fitted" for every impact, or (min_score) every coding was dropped, without a word.
_SHARES = {
    "intervention_effects": lambda s, v: impact.intervention_effects(s[3], alpha=v),
    "change_by_status": lambda s, v: impact.change_by_status(s[3], study=s[0], alpha=v),
    "attrition_effects": lambda s, v: impact.attrition_effects(s[3], s[0], alpha=v),
    "survey_effects": lambda s, v: impact.survey_effects(s[0], alpha=v),
    "coding_to_units": lambda s, v: impact.coding_to_units({"A": s[2], "B": s[2]}, min_score=v),
}


@pytest.mark.parametrize("value", [5, -0.1, float("nan")])
@pytest.mark.parametrize("where", list(_SHARES))
def test_a_share_out_of_range_is_refused_before_any_model_naming_the_argument_and_the_value(small, where, value):
    argument = "min_score" if where == "coding_to_units" else "alpha"
    message = _told(lambda: _SHARES[where](small, value), ValueError, f"The value for `{argument}` must be a number ",
                    f"{value!r} was passed")
    assert ("(a percentage? 5% is 0.05)" in message) == (value == 5), message


# An option switched on or off given as text: Python reads any text but "" as true, so "no" switched it on.
_SWITCHES = {
    "count_negated": lambda s, tmp: impact.coding.positive_codes(s[2], count_negated="no"),
    "count_hedged": lambda s, tmp: impact.coding.positive_codes(s[2], count_hedged="no"),
    "create": lambda s, tmp: impact.privacy.resolve_key(key_file=None, create="no"),
    "index": lambda s, tmp: impact.privacy.write_csv_safe(s[0].councils, tmp / "councils.csv", index="no"),
    "overwrite": lambda s, tmp: impact.synth.generate(2, out=tmp / "study", overwrite="no"),
    "fit": lambda s, tmp: impact.coding.default_coder("review_themes", fit="no"),
    "labels": lambda s, tmp: impact.privacy.safe_table(s[0].councils, labels="no"),
    "named": lambda s, tmp: impact.report.machine_coding_note(impact.Codebook.nfer(), named="no"),
}


@pytest.mark.parametrize("argument", list(_SWITCHES))
def test_an_option_switched_by_text_is_refused_not_read_as_true(small, tmp_path, argument):
    _told(lambda: _SWITCHES[argument](small, tmp_path), TypeError,
          f"The value for `{argument}` must be True or False, but 'no' (str) was passed", f"write {argument}=False")
    assert not list(tmp_path.iterdir())  # nothing written


# A name no table, codebook or coder knows, or a value of no use for the name: passed over without a word.
_NAMES = {
    "quotes(codebook='nfer')": (lambda s: impact.quotes(s[2], s[0], segments=s[1], codebook="nfer"),
                                "(did you mean 'nfer_impacts'?)"),  # every code was coded: never read
    "quotes(codebook=3)": (lambda s: impact.quotes(s[2], s[0], segments=s[1], codebook=3), "`codebook`"),
    "coding_to_units(codes=['moral'])": (lambda s: impact.coding_to_units({"A": s[2], "B": s[2]}, codes=["moral"]),
                                         "(did you mean 'morale'?)"),  # all 0: read as both agreeing it is absent
    "weak_codes(source='machin')": (lambda s: impact.report.weak_codes(impact.Codebook.nfer(), source="machin"),
                                    "(did you mean 'machine'?)"),  # read as people's codings: nothing weak
    "generate_with_truth(name=3)": (lambda s: impact.synth.generate_with_truth(2, name=3), "`name`"),
    "group_colours('abc')": (lambda s: impact.report.group_colours("abc"), "write ['abc'] for one group"),
    "adjust_pvalues(None)": (lambda s: impact.adjust_pvalues(None), "`p` must be p-values"),  # gave a NaN
    "RuleCoder(chunk_size=-5)": (lambda s: impact.RuleCoder(chunk_size=-5).code(s[1]), "1 or more, but -5 was passed"),
}


@pytest.mark.parametrize("case", list(_NAMES))
def test_an_unknown_name_or_a_value_of_no_use_is_refused_with_what_is_allowed(small, case):
    call, words = _NAMES[case]
    _told(lambda: call(small), (TypeError, ValueError, impact.InputError), words)


def test_codes_no_coder_used_are_warned_of_and_values_in_range_still_give_the_answer(small):
    study, segments, coded, panel = small
    with pytest.warns(impact.StatisticalWarning, match=r"`codes` names 1 code no coder used, \['nosuch'\]: every "
                                                      r"coder's value is 0 on every unit"):
        units = impact.coding_to_units({"A": coded, "B": coded}, codes=["nosuch"])
    assert set(units["value"]) == {0}
    used = sorted(coded["code"].unique())
    units = impact.coding_to_units({"A": coded, "B": coded}, codes=used)
    assert sorted(units["code"].unique()) == used
    # min_score keeps the codings scored at least that: counted here from the coder's output itself
    units = impact.coding_to_units({"A": coded, "B": coded}, min_score=0.75)
    kept = coded[coded["score"] >= 0.75]
    assert int(units.loc[units["coder"] == "A", "value"].sum()) == len(kept.drop_duplicates(["unit", "code"]))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # four councils: the small-sample warnings are not this test's
        assert not impact.intervention_effects(panel, codes=["morale"], alpha=0.1, n_permutations=19).empty

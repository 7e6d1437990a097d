"""The wrong calls newuser17 left accepted, judged one class at a time (newuser18).

bench/newuser16_sweep with ``--all --fit`` left 106 calls of a wrong kind accepted without a word. Each class is
refused naming the argument (or field), what it takes and what was passed, or accepted on purpose and checked to give
a clear answer:

1. a dict or a table given where a list of names, labels or texts goes: Python reads a dict as its keys and a table as
   its column names, so ``codes={'morale': 2}`` took the code and dropped its weight without a word; one name alone is
   that name, never its letters (``interviewer_labels='Priya Shah'`` made each letter a label);
2. ``impact.QdaProject`` and ``impact.report.Label``, containers made by hand, kept a field of any kind and failed far
   from the call (or showed "3" as a heading);
3. ``impact.official.normalise_grade`` reads one cell, whatever it holds (its contract): a number or other text is
   "unreadable", a missing value of any kind "blank"; a column or a list is no cell and is refused;
4. ``framework_matrix(segments=None)`` quotes the coded spans' own text (on purpose), but counted a coding with no span
   as nobody raising its code;
5. a new user's first calls the wrong way: the bundled example named as a folder, a codebook's name mistyped.
"""

from __future__ import annotations

import dataclasses
import warnings

import numpy as np
import pandas as pd
import pytest

import impact
from impact.cli import main


@pytest.fixture(scope="module")
def small():
    """A synthetic study of three councils (seed 18_018, one the project has not used), its segments and one coder's
    output."""
    study = impact.synth.generate(3, seed=18_018, interviews_per_wave=2, words_per_interview=120)
    segments = impact.segment(study)
    coded = impact.RuleCoder(impact.Codebook.nfer()).code(segments)
    return study, segments, coded


def _refused(call, *words, kind=TypeError):
    with pytest.raises(kind) as caught:
        call()
    message = str(caught.value)
    assert "/impact/" in caught.traceback[-1].path.as_posix(), message  # impact's own message
    for word in words:
        assert word in message, message
    return message


# --------------------------------------------------------------------------- 1. a dict or a table for a list
_WEIGHTS = {"morale": 2, "learning": 1}
_LISTS = {
    "council_panel(codes=dict)": (lambda s: impact.council_panel(s[0], s[2], segments=s[1], codes=_WEIGHTS), "codes"),
    "participant_panel(codes=dict)": (lambda s: impact.participant_panel(s[0], s[2], segments=s[1], codes=_WEIGHTS),
                                      "codes"),
    "attribution_summary(codes=dict)": (lambda s: impact.attribution_summary(
        impact.as_codings(s[2], s[0], segments=s[1]), s[0], codes=_WEIGHTS), "codes"),
    "segment(interviewer_labels=dict)": (lambda s: impact.segment(s[0], interviewer_labels={"Priya": "interviewer"}),
                                         "interviewer_labels"),
    "segment(respondent_labels=table)": (lambda s: impact.segment(s[0], respondent_labels=s[2]), "respondent_labels"),
    "to_council_id(dict)": (lambda s: impact.to_council_id({"Leeds": 1, "York": 2}), "values"),
    "modality_cues(dict)": (lambda s: impact.coding.modality_cues({"It helped.": 1}), "texts"),
    "modality_cues(table)": (lambda s: impact.coding.modality_cues(s[1]), "texts"),
    "valence(dict)": (lambda s: impact.coding.valence({"It helped.": True}), "texts"),
    "group_colours(dict)": (lambda s: impact.report.group_colours({"In intervention": "red"}), "levels"),
}


@pytest.mark.parametrize("case", list(_LISTS))
def test_a_dict_or_a_table_given_for_a_list_is_refused_naming_what_would_be_lost(small, case):
    call, argument = _LISTS[case]
    message = _refused(lambda: call(small), f"The value for `{argument}` must be ")
    # before: accepted, the dict read as its keys (its values dropped) or the table as its column names
    if "table" in case:
        assert "but a DataFrame was passed (its columns would be read as the " in message, message
    else:
        assert "but a dict was passed (its keys would be read as the " in message, message
        assert "ignored): give a list, e.g. [" in message, message


def test_a_dict_of_colours_is_told_to_go_in_palette_and_that_call_gives_the_colours():
    colours = {"In intervention": "#d55e00", "Not in intervention": "#0072b2"}
    message = _refused(lambda: impact.report.group_colours(colours), "pass the dict as `palette` too")
    assert "group_colours(list(colours), palette=colours)" in message
    assert impact.report.group_colours(list(colours), palette=colours) == colours


def test_one_label_or_one_text_alone_is_read_as_one_not_as_its_letters(small):
    # A transcript whose interviewer is named once: only a label given makes her question hers (split_turns' rule:
    # a name that starts one turn alone is no label).
    texts = {"I1": "Priya Shah: What changed after the review?\nMorale is up, I think.\n"}
    as_list = impact.segment(texts, interviewer_labels=["Priya Shah"])
    assert as_list["text"].tolist() == ["Morale is up, I think."]
    # before: 'Priya Shah' was read as the labels 'P', 'r', 'i', ... and her question kept as the respondent's
    pd.testing.assert_frame_equal(impact.segment(texts, interviewer_labels="Priya Shah"), as_list)
    turns = impact.coding.split_turns(texts["I1"], interviewer_labels="Priya Shah")
    assert turns["speaker"].tolist() == ["interviewer", "respondent"]
    # before: one row per letter (24 and 31 rows)
    cues = impact.coding.modality_cues("We hope morale improves.")
    assert len(cues) == 1 and bool(cues.at[0, "hedging"]) and not bool(cues.at[0, "clear"])
    assert impact.coding.valence("The feedback was really useful.").tolist() == ["helped"]
    # None is no extra label, as the default () is
    pd.testing.assert_frame_equal(impact.segment(texts, interviewer_labels=None), impact.segment(texts))
    # one code alone was one code already (impact._joins.names), and stays so
    study, segments, coded = small
    listed = impact.council_panel(study, coded, segments=segments, codes=["morale"])
    one = impact.council_panel(study, coded, segments=segments, codes="morale")
    pd.testing.assert_frame_equal(listed, one)
    assert set(listed["code"]) == {"morale"}


# --------------------------------------------------------------------------- 2. containers made by hand
_FIELDS = [f.name for f in dataclasses.fields(impact.QdaProject)]


_WRONG = {"None": None, "int": 3, "list": [{"source_guid": "x"}], "str": "sources.csv"}
_CASES = [(f, w) for f in _FIELDS for w in _WRONG if not (f in ("name", "origin") and w == "str")]  # text is right


@pytest.mark.parametrize("field,wrong", _CASES)
def test_a_qda_project_refuses_a_field_of_another_kind_naming_it(field, wrong):
    value = _WRONG[wrong]
    message = _refused(lambda: impact.QdaProject(**{field: value}), f"The value for `{field}` of impact.QdaProject() must be ")
    said = "a str" if field in ("name", "origin") else "a pandas DataFrame"
    assert f"must be {said}, but " in message, message
    if said == "a pandas DataFrame" and isinstance(value, list):
        assert "make it a table first, pd.DataFrame(rows)" in message, message
    if said == "a pandas DataFrame" and value is None:
        assert f"leave `{field}` out for an empty one" in message, message


def test_a_qda_project_is_checked_when_made_and_right_fields_are_kept():
    # before: made, and refused only when written ("`project.users` must be a pandas DataFrame")
    _refused(lambda: impact.QdaProject(name="by hand", users={"name": ["ann"]}), "`users` of impact.QdaProject()",
             "(make it a table first, pd.DataFrame(columns))")
    # every field of another kind is named at once, not the first alone
    message = _refused(lambda: impact.QdaProject(name=None, codes=None, sets=3), "`name`", "`codes`", "`sets`")
    assert message.count("The value for ") == 3, message
    users = pd.DataFrame({"user_guid": ["00000001-0000-4000-8000-000000000001"], "name": ["ann"]})
    project = impact.QdaProject(name="by hand", origin="a notebook", users=users)
    assert project.name == "by hand" and project.tables()["users"]["name"].tolist() == ["ann"]
    assert impact.QdaProject(sources=pd.DataFrame()).sources.empty  # an empty table is a table


@pytest.mark.parametrize("kwargs,field,said", [
    ({"text": 3}, "text", "a str"), ({"text": None}, "text", "a str"), ({"text": ["Council"]}, "text", "a str"),
    ({"text": "Council", "unit": None}, "unit", "a str"), ({"text": "Rate", "format": 3}, "format", "a str or None"),
    ({"text": "Rate", "description": 1.5}, "description", "a str"),
])
def test_a_report_label_refuses_a_field_of_another_kind(kwargs, field, said):
    # before: Label(3).header was 3, shown as a heading
    _refused(lambda: impact.report.Label(**kwargs), f"The value for `{field}` of impact.report.Label() must be {said}, "
                                                   "but ")


_OTHERS = {
    "SynthEffects(intervention_log_odds=None)": (lambda: impact.synth.SynthEffects(intervention_log_odds=None),
                                                 "intervention_log_odds", "impact.synth.SynthEffects", "a number"),
    "SynthEffects(monitoring_effect='1.0')": (lambda: impact.synth.SynthEffects(monitoring_effect="1.0"),
                                              "monitoring_effect", "impact.synth.SynthEffects", "a number"),
    "SynthEffects(indicator_measure=3)": (lambda: impact.synth.SynthEffects(indicator_measure=3), "indicator_measure",
                                          "impact.synth.SynthEffects", "a str"),
    "Vocabulary(domains=table)": (lambda: impact.report.Vocabulary(domains=pd.DataFrame({"impact": ["code"]})),
                                  "domains", "impact.report.Vocabulary", "a dict"),
    "Vocabulary(confidence=90)": (lambda: impact.report.Vocabulary(confidence=90), "confidence",
                                  "impact.report.Vocabulary", "a str"),
}


@pytest.mark.parametrize("case", list(_OTHERS))
def test_the_other_containers_of_settings_check_their_fields_when_made(case):
    # before: kept, and failed in the generator or the report far from the call (a table read as its columns)
    call, field, where, said = _OTHERS[case]
    _refused(call, f"The value for `{field}` of {where}() must be {said}, but ")


# --------------------------------------------------------------------------- 3. one grade cell
@pytest.mark.parametrize("value", [["Good"], ("Good",), {"grade": "Good"}, pd.Series(["Good", "Inadequate"]),
                                   pd.DataFrame({"grade": ["Good"]}), np.array(["Good"])],
                         ids=["list", "tuple", "dict", "Series", "DataFrame", "array"])
def test_normalise_grade_refuses_a_column_or_a_list_and_says_to_map_it(value):
    # before: (None, 'unreadable'): the whole column read as one cell
    _refused(lambda: impact.official.normalise_grade(value), "must be one cell (a str, a number or a missing value)",
             f"but {type(value).__name__} was passed", "column.map(impact.official.normalise_grade)")


def test_normalise_grade_reads_any_cell_and_says_when_it_is_no_grade():
    grade = impact.official.normalise_grade
    # a missing value of any kind is blank (before: pd.NA and NaT were 'unreadable', read as the text '<NA>', 'NaT')
    for missing in (None, float("nan"), np.nan, pd.NA, pd.NaT, "", "  "):
        assert grade(missing) == (None, "blank"), missing
    # a cell that is no grade says so, whatever it holds: a number, a date, other text (its contract, kept)
    for other in (3, 2.5, True, pd.Timestamp("2013-03-31"), "splendid", "nfer"):
        assert grade(other) == (None, "unreadable"), other
    # and the grades themselves are read (Ofsted's four, with 'requires improvement' written in full or short)
    assert [grade(g)[0] for g in ("Outstanding", " good ", "Requires improvement to be good", "INADEQUATE")] == [
        "outstanding", "good", "requires_improvement", "inadequate"]
    # a column, mapped, gives one answer per cell
    assert pd.Series(["Good", pd.NA, "x"]).map(grade).tolist() == [("good", ""), (None, "blank"), (None, "unreadable")]


# --------------------------------------------------------------------------- 4. framework_matrix without segments
def test_framework_matrix_without_segments_quotes_spans_and_refuses_codings_without_one(small):
    study, segments, coded = small
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        given = impact.framework_matrix(study, coded, segments=segments, codebook="nfer_impacts")
        spans = impact.framework_matrix(study, coded, segments=None, codebook=None)  # the study's codebook
    # the coder's spans are its segments here: the counts are the same either way (None accepted on purpose)
    assert spans["n_participants"].tolist() == given["n_participants"].tolist()
    assert int(given["n_participants"].sum()) > 0
    # before: codings with no span were dropped and the matrix said nobody raised any code (all 0)
    unspanned = coded.drop(columns=["start", "end"])
    _refused(lambda: impact.framework_matrix(study, unspanned, segments=None, codebook=None),
             "`segments` of impact.framework_matrix() is None, but ", "no span (start and end) to quote",
             "segments=impact.segment(study)", kind=impact.InputError)


# --------------------------------------------------------------------------- 5. a new user's first calls
@pytest.mark.parametrize("name", ["example", "Example", "examples"])
def test_the_bundled_example_named_as_a_folder_is_told_where_it_is(tmp_path, monkeypatch, name):
    monkeypatch.chdir(tmp_path)
    # before: "example: no such folder ... (a relative path is read from the current folder, ...)" alone
    _refused(lambda: impact.load_study(name), f"{name}: no such folder",
             "write impact.load_study(impact.example_path()); `impact demo` runs it", kind=impact.InputError)


def test_the_bundled_example_named_on_the_command_line_is_told_impact_demo(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["run", "example", "--out", str(tmp_path / "out")]) == 2
    said = capsys.readouterr().err
    assert "example: no such folder" in said and "`impact demo` runs it" in said, said
    assert not (tmp_path / "out").exists()
    # a folder of another name is not told of the example
    message = _refused(lambda: impact.load_study("my-study"), "my-study: no such folder", kind=impact.InputError)
    assert "example_path" not in message and "impact demo" not in message


@pytest.mark.parametrize("call", [lambda: impact.Codebook.load("nferr"), lambda: impact.RuleCoder("nferr").fit(),
                                  lambda: impact.Codebook.load("nfre")], ids=["load", "RuleCoder", "swapped"])
def test_a_codebook_name_mistyped_in_its_first_word_is_told_the_one_meant(call):
    # before: "... but 'nferr' was passed." with no name suggested (difflib finds 'nferr' far from 'nfer_impacts')
    _refused(call, "(did you mean 'nfer_impacts'?)", kind=impact.InputError)

"""What new users met doing things the wrong way, left by newuser12 (newuser13).

A model given a panel alone, ``change_by_status(people, waves=["3 months", ...])``, could not say that '3 months' is the
wave 'early': the panel did not carry the waves' labels. ``framework_matrix(coded, study, ...)``, the two arguments
the other way round, was told something from deep inside. ``council_list(include_former="yes")`` was taken (and
``"no"`` switched it on, as Python reads any text but '' as true). ``study.transcript(3)`` was told only that there
is no interview 3. A reference to a council whose row of councils.csv is refused was told on the refused row most
alike letter by letter (difflib alone), not on the row that names it with more ('802 (North Somerset)').
"""

from __future__ import annotations

import inspect
import re

import numpy as np
import pandas as pd
import pytest
import yaml
from conftest import synthetic_study

import impact
from impact.errors import InputError, ValidationError


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """A synthetic study of six councils (seed 13107, one the project has not used) and its planted codings."""
    return synthetic_study(tmp_path_factory, 6, 13107)


# --------------------------------------------------------------------------- 1. the panel carries its waves' labels
@pytest.mark.parametrize("seed", [13_111, 13_112])
def test_a_panel_alone_names_the_wave_a_label_means_with_the_studys_own_labels(tmp_path, seed):
    folder = tmp_path / "study"
    impact.synth.generate(5, seed=seed, out=folder)
    meta = yaml.safe_load((folder / "study.yaml").read_text(encoding="utf-8"))
    # labels of the study's own, not impact's default ones: what is told must come from the study the panel came from
    meta["waves"][1]["label"] = "Follow-up visit (about 7 weeks after)"
    meta["waves"][2]["label"] = "Final visit (about 15 months after)"
    (folder / "study.yaml").write_text(yaml.safe_dump(meta, sort_keys=False), encoding="utf-8")
    study = impact.load_study(folder, validate=False)
    coded = pd.read_csv(folder / "truth_coded.csv", dtype=str, keep_default_na=False)
    people = impact.participant_panel(study, coded)
    councils = impact.council_panel(study, coded)
    early, late = meta["waves"][1]["id"], meta["waves"][2]["id"]
    told = f"'7 weeks' (did you mean {early!r}, the wave 'Follow-up visit (about 7 weeks after)'?)"
    # before: "'7 weeks' - expected waves of [...]", the wave meant not named without study=
    for call in (lambda: impact.change_by_status(people, waves=["7 weeks", late]),
                 lambda: impact.intervention_effects(councils, waves=["7 weeks", late], codes=["morale"]),
                 lambda: impact.trajectories(councils, waves=["expectations", "7 weeks", late])):
        with pytest.raises(InputError, match=re.escape(told)):
            call()
    with pytest.raises(InputError, match=re.escape(f"'final visit' (did you mean {late!r}, the wave 'Final visit")):
        impact.change_by_status(people, waves=[early, "final visit"])
    # a frame taken from the panel keeps them too (pandas copies attrs into it)
    with pytest.raises(InputError, match=re.escape(told)):
        impact.change_by_status(people[people["wave"] != "expectations"], waves=["7 weeks", late])
    # an id written in other case is told as that id, not as the label holding the word
    with pytest.raises(InputError, match=re.escape(f"{late.upper()!r} (did you mean {late!r}?)")):
        impact.change_by_status(people, waves=[early, late.upper()])


# --------------------------------------------------------------------------- 2. arguments the other way round
def _swaps(study, truth):
    segments = impact.segment(study)
    book = impact.Codebook.nfer()
    people = impact.participant_panel(study, truth)
    return [
        ("framework_matrix", lambda: impact.framework_matrix(truth, study, segments=segments, codebook=book),
         ("study", "coded")),
        ("council_panel", lambda: impact.council_panel(truth, study), ("study", "coded")),
        ("participant_panel", lambda: impact.participant_panel(truth, study), ("study", "coded")),
        ("council_panel", lambda: impact.council_panel(study, truth, codebook=segments, segments=book),
         ("segments", "codebook")),
        ("attrition_effects", lambda: impact.attrition_effects(study, people), ("panel", "study")),
        ("change_by_status", lambda: impact.change_by_status(study, study=people), ("panel", "study")),
        ("trajectories", lambda: impact.trajectories(study, study=people), ("panel", "study")),
        ("quotes", lambda: impact.quotes(study, truth), ("codings", "study")),
        ("as_codings", lambda: impact.as_codings(study, truth), ("data", "study")),
        ("export_review", lambda: impact.export_review(segments, coded=book, codebook=truth, path="r.csv"),
         ("coded", "codebook")),
        ("analyse", lambda: impact.analyse(study, codebook=truth, coded=book), ("codebook", "coded")),
    ]


def test_two_arguments_in_each_others_place_are_told_so_by_their_types(small, tmp_path, monkeypatch):
    folder, study, truth = small
    monkeypatch.chdir(tmp_path)
    for name, call, (first, second) in _swaps(study, truth):
        with pytest.raises(TypeError, match=re.escape(f"The arguments of `{name}` are the other way round")) as caught:
            call()
        message = str(caught.value)
        assert f"as `{first}`" in message and f"as `{second}`" in message, message
        assert "swap them" in message
    assert not list(tmp_path.iterdir())  # nothing written by a call refused
    # the right way round, the first two do their work
    segments = impact.segment(study)
    machine = impact.RuleCoder(impact.Codebook.nfer()).code(segments)
    matrix = impact.framework_matrix(study, machine, segments=segments, codebook=impact.Codebook.nfer())
    assert len(matrix) > 0
    assert set(impact.council_panel(study, truth)["council_id"]) == set(study.councils["council_id"])


# --------------------------------------------------------------------------- 3. an on/off option given text or a number
def _public_bool_options():
    """Every option of impact's public functions and methods annotated ``bool`` (alone), as (owner, name, option)."""
    found = []
    for name in impact.__all__:
        obj = getattr(impact, name)
        members = ([(f"{name}.{m}", getattr(obj, m)) for m, f in vars(obj).items()
                    if not m.startswith("_") and callable(f)] if inspect.isclass(obj) else [(name, obj)])
        for owner, f in members:
            if inspect.ismodule(f) or not callable(f):
                continue
            try:
                params = inspect.signature(f).parameters.values()
            except (TypeError, ValueError):
                continue
            found += [(owner, f, p.name) for p in params if p.annotation in (bool, "bool")]
    return found


OPTIONS = _public_bool_options()


@pytest.mark.parametrize("value", ["yes", "no", 1, 0, None])
def test_every_on_off_option_refuses_text_or_a_number_before_doing_anything(value, small, tmp_path):
    folder, study, truth = small
    # the options are read from the signatures: one added later is checked here without a word
    names = {(owner, option) for owner, _, option in OPTIONS}
    assert {("council_list", "include_former"), ("load_study", "validate"), ("Study.save", "overwrite"),
            ("agreement_table", "pairwise"), ("segment", "sentences")} <= names and len(names) >= 20
    coder = impact.RuleCoder(impact.Codebook.nfer())
    refused = []
    for owner, f, option in OPTIONS:
        bound = {"Study": study, "RuleCoder": coder}.get(owner.split(".")[0]) if "." in owner else None
        call = getattr(bound, f.__name__) if bound is not None else f
        params = inspect.signature(call).parameters.values()
        # every other argument it needs given as None: the option is checked first, before any of them is read
        args = [None for p in params if p.default is p.empty and p.kind is p.POSITIONAL_OR_KEYWORD]
        kwargs = {p.name: None for p in params if p.default is p.empty and p.kind is p.KEYWORD_ONLY}
        if owner == "Study.save":
            args = [tmp_path / "never"]
        try:
            call(*args, **kwargs, **{option: value})
        except TypeError as exc:
            if str(exc).startswith(f"The value for `{option}` must be True or False, but {value!r} "
                                   f"({type(value).__name__}) was passed"):
                continue
            refused.append((owner, option, str(exc)[:120]))
        except Exception as exc:  # noqa: BLE001 - any other answer is the failure this test looks for
            refused.append((owner, option, f"{type(exc).__name__}: {str(exc)[:120]}"))
        else:
            refused.append((owner, option, "accepted"))
    assert not refused, refused
    assert not (tmp_path / "never").exists()


def test_text_that_says_a_truth_value_is_told_the_one_to_write_and_numpy_truth_values_are_taken():
    with pytest.raises(TypeError, match=re.escape("but 'no' (str) was passed: Python reads any text but '' as "
                                                  "true, 'no' too; write include_former=False.")):
        impact.council_list(include_former="no")
    # a truth value from numpy (a column's any()) is one
    assert impact.council_list(include_former=np.bool_(True)).equals(impact.council_list(include_former=True))
    assert len(impact.council_list(include_former=np.bool_(False))) < len(impact.council_list(include_former=True))


# --------------------------------------------------------------------------- 4. a number or a place given for an id
@pytest.mark.parametrize("seed", [13_141, 13_142])
def test_a_number_for_an_interview_is_told_what_ids_look_like_and_the_ones_it_may_mean(tmp_path, seed):
    folder = tmp_path / "study"
    impact.synth.generate(4, seed=seed, out=folder)
    study = impact.load_study(folder, validate=False)
    ids = pd.read_csv(folder / "interviews.csv", dtype=str)["interview_id"].tolist()  # read apart from impact
    for given in (3, "3", np.int64(3)):
        with pytest.raises(InputError) as caught:
            study.transcript(given)  # before: "No interview 3 in study ..." and nothing more
        message = str(caught.value)
        assert f"interview ids are text such as {ids[0]!r}, not a number or a place" in message, message
        numbered = [i for i in ids if int(re.findall(r"\d+", i)[-1]) == 3]
        assert numbered and all(repr(i) in message for i in numbered[:5]), message
        assert f"is {ids[3]!r}, study.interviews[\"interview_id\"].iloc[3]" in message
    with pytest.raises(InputError, match=re.escape(f"(counted from the end) is {ids[-1]!r}")):
        study.transcript(-1)
    assert study.transcript(ids[3]) == study.transcript(str(ids[3]))  # an id still reads its transcript


def test_a_number_for_a_code_is_told_the_code_at_that_place_and_children_refuse_it():
    book = impact.Codebook.nfer()
    ids = book.code_ids
    with pytest.raises(InputError, match=re.escape(f"but 3 was passed (code ids are text such as {ids[0]!r}, not a "
                                                   f"number or a place: the code at place 3 of codebook.code_ids "
                                                   f"(counted from 0) is {ids[3]!r}, codebook.code_ids[3])")):
        book.code(3)
    for call in (lambda: book.children(2), lambda: book.top_code(2)):  # before: [] and 2, as for a code without any
        with pytest.raises(InputError, match=re.escape(f"is {ids[2]!r}, codebook.code_ids[2])")):
            call()
    assert book.children("zz") == [] and book.top_code("zz") == "zz"  # an unknown id as before: documented so


# --------------------------------------------------------------------------- 5. the row a reference most likely means
@pytest.mark.parametrize("seed", [13_151, 13_152, 13_153])
def test_a_reference_to_a_refused_council_row_is_told_on_the_row_that_names_it(tmp_path, seed):
    folder = tmp_path / "study"
    impact.synth.generate(4, seed=seed, out=folder)
    councils = pd.read_csv(folder / "councils.csv", dtype=str, keep_default_na=False)
    a = councils.loc[0, "council_id"]
    # row 2 names council a with its name after it; row 3 (another council's) holds a's id with its last two digits
    # swapped, letter by letter nearer a than row 2 is (what difflib alone picked)
    councils.loc[0, "council_id"] = f"{a} ({councils.loc[0, 'name']})"
    councils.loc[1, "council_id"] = f"{a[0]}{a[2]}{a[1]}x"
    councils.to_csv(folder / "councils.csv", index=False)
    with pytest.raises(ValidationError) as caught:
        impact.load_study(folder)
    lines = {m[1]: m[2] for m in re.finditer(r"councils\.csv:(\d+):council_id: (.*)", str(caught.value))}
    assert re.search(rf"the other files name {a!r}[ ,]", lines["2"]), lines
    assert repr(a) not in lines["3"].split(" - ", 1)[1], lines  # (b's references go where they may: not the point)

"""What a new analyst following the README and the docs still tripped on, the wrong way round (newuser15).

``impact.synth.generate(5, sed=3)`` was told what ``generate_with_truth`` takes, a function the user never called.
One of impact's objects passed where another is taken was told only the type expected ("`segments` must be a pandas
DataFrame, but Study was passed"), and ``agreement_table(coded)`` "(for 'coder', did you mean 'code'?)", which sent the
user the wrong way. ``RuleCoder(impact.Codebook.nfer)`` was "but method was passed". A folder given where a file is
written was Python's IsADirectoryError ("Device or resource busy" for '.'). Names in another case given to the
generator (``survey_waves=['Early']``) and to options (``speakers='Respondent'``) were told the names allowed only.
On the command line, ``impact code S --out afile`` said to pass --overwrite for a name it would then refuse, and a name
without its extension read "but 'no extension' was given".
"""

from __future__ import annotations

import inspect
import re

import pandas as pd
import pytest
from conftest import synthetic_study

import impact
from impact.errors import InputError


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """A synthetic study of five councils (seed 15107, one the project has not used), its segments and coding."""
    folder, study, _ = synthetic_study(tmp_path_factory, 5, 15_107, interviews_per_wave=2, words_per_interview=200)
    segments = impact.segment(study)
    coded = impact.RuleCoder(impact.Codebook.nfer()).code(segments)
    return folder, study, segments, coded


def _slip(word: str) -> str:
    """``word`` with two letters in its middle swapped (a slip did_you_mean reads), or its last letter doubled."""
    if len(word) < 4:
        return word + word[-1]
    i = len(word) // 2
    return word[:i - 1] + word[i] + word[i - 1] + word[i + 1:]


# --------------------------------------------------------------------------- 1. options passed on
def test_a_misspelt_option_passed_on_is_told_in_the_terms_of_the_function_called():
    from impact.stats import attrition_sensitivity, longitudinal_model

    frame = pd.DataFrame({"council_id": ["a", "b"], "wave": ["early", "early"], "y": [0.0, 1.0]})
    # every keyword the function passes on, read from the signature of the one it passes them to
    cases = [("impact.synth.generate", impact.synth.generate, impact.synth.generate_with_truth, (2,)),
             ("impact.attrition_sensitivity", attrition_sensitivity, longitudinal_model, (frame,)),
             ("impact.build_summary", impact.build_summary, impact.build_report, (None,))]
    told = 0
    for called, f, target, args in cases:
        own = set(inspect.signature(f).parameters)
        # public ones alone: build_report's _history is run's, never suggested nor listed (newuser17: this test
        # asked for "did you mean '_history'?", the bug)
        passed = [p.name for p in inspect.signature(target).parameters.values()
                  if p.kind is p.KEYWORD_ONLY and p.name not in own and not p.name.startswith("_")]
        assert passed, called
        for keyword in passed:
            wrong = _slip(keyword)
            if wrong in passed:
                continue
            with pytest.raises(TypeError) as caught:
                f(*args, **{wrong: 1})
            message = str(caught.value)
            # before: "impact.generate_with_truth() got an unexpected keyword argument 'sed' ... generate_with_truth(...)"
            assert message.startswith(f"{called}() got an unexpected keyword argument {wrong!r} (did you mean "), message
            assert repr(keyword) in message.split("?)", 1)[0], message
            name = called.rsplit(".", 1)[1]
            assert f" - it takes {name}(" in message, message
            assert re.search(rf"[(, ]{keyword}[,=)]", message.split(" - it takes ", 1)[1]), message
            assert target.__name__ + "(" not in message, message  # the function the user never called is not named
            told += 1
    assert told >= 25
    # the options themselves still reach the function they are for
    study = impact.synth.generate(2, seed=15_108, interviews_per_wave=2, words_per_interview=120)
    assert len(study.councils) == 2


# --------------------------------------------------------------------------- 2. one object for another
_CALL = r"\((?:[^()]|\([^()]*\))*\)"  # one call's arguments, holding calls of their own
_STATEMENT = re.compile(rf"(\w+) = (impact\.[\w.]+{_CALL}(?:\.\w+{_CALL})*)")


def test_an_object_passed_for_another_says_what_it_is_and_the_call_told_makes_the_one_expected(small, tmp_path,
                                                                                                monkeypatch):
    folder, study, segments, coded = small
    monkeypatch.chdir(tmp_path)
    from impact.stats import compare_groups

    # (the call the wrong way, the words it must say, the call the right way given what the message made)
    cases = [
        (lambda: impact.export_review(study, coded=coded, path="r.xlsx"), "a loaded Study",
         lambda made: impact.export_review(made["segments"], coded=coded, path="r.xlsx")),
        (lambda: impact.agreement_table(coded, by="code"), "one coder's output",
         lambda made: impact.agreement_table(made["units"], by="code")),
        (lambda: impact.cohen_kappa(coded), "one coder's output",
         lambda made: impact.cohen_kappa(made["units"][made["units"]["code"] == "morale"])),
        (lambda: impact.council_panel(study, segments), "a table of segments",
         lambda made: impact.council_panel(study, made["coded"])),
        (lambda: impact.RuleCoder(impact.Codebook.nfer()).code(study), "a loaded Study",
         lambda made: impact.RuleCoder(impact.Codebook.nfer()).code(made["segments"])),
        (lambda: impact.trajectories(study), "a loaded Study", lambda made: impact.trajectories(made["panel"])),
        (lambda: compare_groups(study, outcome="share_reported", group="status_group"), "a loaded Study",
         lambda made: compare_groups(made["panel"][made["panel"]["interviewed"]], outcome="share_reported",
                                     group="status_group")),
        (lambda: impact.segment(study.interviews), "the study's interviews.csv table",
         lambda made: impact.segment(made["study"])),
        (lambda: impact.describe_study(study.councils), "the study's councils.csv table",
         lambda made: impact.describe_study(made["study"])),
    ]
    for wrong, words, right in cases:
        with pytest.raises((TypeError, ValueError, InputError)) as caught:
            wrong()
        message = str(caught.value)
        assert f"({words}" in message, message
        assert "did you mean 'code'" not in message  # agreement_table(coded) was sent to the column 'code'
        statements = _STATEMENT.findall(message)
        assert statements, message
        # each statement the message gives runs as written on what a user holds at that point
        made = {"impact": impact, "study": study, "segments": segments, "coded": coded, "ann_coded": coded.iloc[::2],
                "folder": folder}
        for name, call in statements:
            made[name] = eval(call, made)  # noqa: S307 - the message's own words, run as a user would
        assert right(made) is not None

    with pytest.raises(TypeError, match=re.escape("(a loaded Study: analyse it first, findings = impact.analyse(study))")):
        impact.build_report(study)


def test_the_arguments_of_attribution_summary_the_other_way_round_are_told_so(small):
    folder, study, segments, coded = small
    with pytest.raises(TypeError, match=re.escape("The arguments of `attribution_summary` are the other way round")):
        impact.attribution_summary(study, coded)
    assert set(impact.Codebook.nfer().code_ids) & set(impact.attribution_summary(coded, study)["code"])


def test_a_function_or_class_not_called_is_told_to_call_it(small):
    folder, study, segments, coded = small
    cases = [(lambda: impact.RuleCoder(impact.Codebook.nfer).code(segments), "impact.Codebook.nfer()"),
             (lambda: impact.load_study(impact.example_path), "impact.example_path()"),
             (lambda: impact.segment(impact.example_path), "impact.example_path()"),
             (lambda: impact.describe_study(impact.load_study), "impact.load_study()"),
             (lambda: impact.load_study(impact.synth.generate), "impact.synth.generate()")]
    for call, told in cases:
        with pytest.raises((TypeError, InputError)) as caught:
            call()
        assert f"is a function, not called: call it, {told})" in str(caught.value), str(caught.value)
        obj = eval(told.split("(")[0], {"impact": impact})  # noqa: S307 - the name the message gives is the one
        assert callable(obj)
    with pytest.raises(TypeError, match=re.escape("(the class impact.Codebook itself, not one of its objects")):
        impact.RuleCoder(impact.Codebook).code(segments)


# --------------------------------------------------------------------------- 3. a folder for a file
def test_a_folder_given_where_a_file_is_written_is_told_so_and_nothing_is_written(small, tmp_path, monkeypatch):
    folder, study, segments, coded = small
    import impact.privacy
    import impact.qdpx

    target = tmp_path / "out"
    target.mkdir()
    (target / "mine.txt").write_text("the user's own", encoding="utf-8")
    project = impact.qdpx.project_from_study(study.subset(councils=study.councils["council_id"][:1]))
    table = impact.disagreements(impact.coding_to_units({"a": coded, "b": coded.iloc[::2]}))
    calls = [lambda: impact.export_review(segments, coded=coded, path=target),
             lambda: impact.write_qdpx(project, target),
             lambda: impact.qdpx.write_qdc(impact.Codebook.nfer(), target),
             lambda: impact.write_disagreements_xlsx(table, target),
             lambda: impact.privacy.write_csv_safe(coded, target)]
    for call in calls:
        with pytest.raises(InputError, match=re.escape(f"{target}: is a folder - expected the path of a file to "
                                                       "write")):
            call()  # before: IsADirectoryError, Python's own
    monkeypatch.chdir(target)
    with pytest.raises(InputError, match=r"^\.: is a folder"):
        impact.export_review(segments, coded=coded, path=".")  # before: "[Errno 16] Device or resource busy: '.'"
    assert sorted(p.name for p in target.iterdir()) == ["mine.txt"]


# --------------------------------------------------------------------------- 4. names in another case
def test_names_in_another_case_are_told_the_name_meant(small):
    folder, study, segments, coded = small
    from impact.synth._effects import WAVES

    early = WAVES[1]
    cased = early.capitalize()
    calls = {  # before: the names allowed, and not the one meant
        "survey_waves": lambda: impact.synth.generate(3, seed=1, survey_waves=[cased]),
        "waves": lambda: impact.synth.generate(3, seed=1, waves=[WAVES[0], cased]),
        "participant_missing_in_intervention": lambda: impact.synth.generate(
            3, seed=1, participant_missing_in_intervention={cased: 0.3}),
    }
    for call in calls.values():
        with pytest.raises(ValueError, match=re.escape(f"{cased!r} (did you mean {early!r}?)")):
            call()
    with pytest.raises(ValueError, match=re.escape("'Lifted' (did you mean 'lifted'?)")):
        impact.synth.generate(3, seed=1, intervention_paths={"Lifted": 0.5, "never": 0.5})
    with pytest.raises(InputError, match=re.escape("'Respondent' was passed (did you mean 'respondent'?)")):
        impact.segment(study, speakers="Respondent")
    with pytest.raises(ValueError, match=re.escape("'Reported' was passed (did you mean 'reported'?)")):
        impact.quotes(coded, study, segments=segments, measure="Reported")
    # a status of another kind than the one asked: the kind is told too
    with pytest.raises(InputError, match=re.escape("(did you mean 'notice_to_improve' of kind 'improvement_notice'? "
                                                   "pass kind='improvement_notice' too)")):
        impact.first_event(study.status_history, status="Notice to Improve")
    assert isinstance(impact.first_event(study.status_history, status="Notice to Improve", kind="improvement_notice"),
                      pd.DataFrame)


# --------------------------------------------------------------------------- 5. the command line
def test_the_command_line_tells_an_output_name_and_where_help_is(small, tmp_path, monkeypatch, capsys):
    from impact.cli import main

    folder, study, segments, coded = small
    monkeypatch.chdir(tmp_path)
    (tmp_path / "afile").write_text("mine", encoding="utf-8")
    assert main(["code", str(folder), "--out", "afile"]) == 2
    err = capsys.readouterr().err
    # before: "afile exists; pass --overwrite to replace it", then, with --overwrite, that the name was wrong
    assert "the coded file must end in .csv or .parquet" in err and "afile has no extension (name it afile.csv" in err
    assert "--overwrite" not in err
    assert (tmp_path / "afile").read_text(encoding="utf-8") == "mine"
    assert main(["help"]) == 2
    assert "(for help: impact --help lists the commands, impact COMMAND --help" in capsys.readouterr().err
    assert main(["review", "help"]) == 2
    assert "impact review --help" in capsys.readouterr().err
    assert main(["synth", "--councils", "3", "--out", "s", "--intervention-paths", "Lifted=0.5,never=0.5"]) == 2
    assert "'Lifted' is not a path through intervention (did you mean 'lifted'?)" in capsys.readouterr().err
    assert not (tmp_path / "s").exists()


# --------------------------------------------------------------------------- 6. what a notebook cell shows
def test_a_run_and_its_findings_ending_a_notebook_cell_show_a_line_not_every_table(ten_council_run):
    # the README's tour ends with impact.run(...): a cell ending so showed the dataclass's repr, every file's path and
    # every table of the findings whole (117,489 characters on the example study). The suite's shared run of a
    # generated 10-council study, machine-coded (conftest.ten_council_run, made once per test run: testtime41)
    result = ten_council_run
    shown, findings = repr(result), repr(result.findings)
    assert len(shown) < 300 and len(findings) < 1_500, (len(shown), len(findings))
    assert f"{len(result.files)} files written to {result.out_dir}" in shown
    held = [name for name in ("panel", "comparisons", "prevalence", "models")
            if len(getattr(result.findings, name))]
    assert held and all(name in findings for name in held)
    assert "report.html" in str(result)  # print(result) still lists the main files


def test_progress_given_as_a_switch_is_told_what_it_takes_before_anything_is_written(small, tmp_path):
    folder, study, segments, coded = small
    told = "The value for `progress` must be a function called with each step's message (progress=print prints them)"
    for call in (lambda: impact.run(study, out_dir=tmp_path / "out", progress=False),
                 lambda: impact.run(folder, out_dir=tmp_path / "out", progress=True),
                 lambda: impact.analyse(study, progress=False)):
        with pytest.raises(TypeError, match=re.escape(told)):
            call()  # before: "'bool' object is not callable", from inside the run
    assert not list(tmp_path.iterdir())

"""Round 53: a new user's first hour, followed literally (user53).

What a new user found doing what the docs say, and then the wrong things a real user does:

* the user guide's command-line review loop (``impact review export``, ``impact review import``, ``impact agree``)
  stopped at its second command: a workbook exported without ``--reviewer`` names nobody, and ``review import``
  refused it. Every complete ``impact`` command the user-facing pages give now parses as written, every option they
  name exists, and the review loop and the REFI-QDA exchange run as the user guide writes them;
* a command a message suggests (``impact validate --all STUDY lists them``) could not be pasted into a shell for a
  study folder whose path holds a space;
* the Python API's wrong types: a number, None, a loaded ``Study`` or a table where a path is taken, a folder's path
  where a ``Study`` is taken, a seed given as text, segments and coded output passed in each other's place were
  pathlib's, numpy's or pandas' errors (``expected str, bytes or os.PathLike object, not int``,
  ``AttributeError: 'str' object has no attribute 'participants'``, ``KeyError: 'code'``) naming no argument.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pandas as pd
import pytest
from test_docs import guide_commands

import impact
from impact.cli import main
from impact.coding._columns import CODED_COLUMNS


def _decide_every_suggestion(path: Path) -> int:
    """A reviewer's decisions in the exported workbook: accept the suggestions at even rows, reject the rest."""
    from openpyxl import load_workbook

    book = load_workbook(path)
    sheet = book["review"]
    header = [c.value for c in sheet[1]]
    decision, unit = header.index("decision") + 1, header.index("unit") + 1
    n = 0
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row, unit).value:
            sheet.cell(row, decision).value = "accept" if row % 2 == 0 else "reject"
            n += 1
    book.save(path)
    return n


def test_the_guides_review_loop_runs_as_written(study_dir, monkeypatch, capsys):
    # docs/user-guide.md, "Reliability and the review loop": `impact code`, then `impact review export STUDY --coded
    # coded.csv --out review.xlsx`, the reviewer's decisions, `impact review import review.xlsx --out reviewer.csv`,
    # `impact agree coded.csv reviewer.csv --study STUDY --uncoded missing --out agreement.csv`
    guide_folder = study_dir.parent
    monkeypatch.chdir(guide_folder)
    steps = guide_commands("code", "review", "agree")
    assert [w[:2] if w[0] == "review" else w[:1] for w in steps] == [["code"], ["review", "export"],
                                                                    ["review", "import"], ["agree"]]
    decided = 0
    for words in steps:
        if words[:2] == ["review", "import"]:
            decided = _decide_every_suggestion(guide_folder / words[2])
        status = main(words)
        assert status == 0, (words, capsys.readouterr().err)
    assert decided > 0
    # the reviewer's decisions are read back as the guide says, and their agreement with the machine is measured
    reviewer = pd.read_csv(guide_folder / "reviewer.csv", dtype=str)
    assert set(reviewer["coder"]) == {"ann"} and set(reviewer["decision"]) == {"accept", "reject"} and decided > 1
    assert len(reviewer) == decided
    agreement = pd.read_csv(guide_folder / "agreement.csv")
    assert len(agreement) > 0


# --- A suggested command can be pasted into a shell ------------------------------------------------------------------

def test_a_suggested_validate_command_quotes_a_path_with_spaces(ten_council_study, tmp_path, capsys):
    import shutil

    study = tmp_path / "Évaluation données" / "étude 2024"
    shutil.copytree(ten_council_study, study)
    # the study's warnings are all attrition, which `impact run` alone tells (newuser6): loaded as it loads it
    from impact.cli._options import load_study, told_warnings

    told_warnings()
    load_study(str(study), analyses=True)
    err = "\n".join(told_warnings())
    said = re.search(r"(impact validate (?:--all )?.*?) lists them", err)
    assert said, err
    # the command as the message gives it, split as a shell splits it, names the study folder
    assert shlex.split(said.group(1))[-1] == str(study)


def test_validate_more_than_fifty_suggests_a_command_that_can_be_pasted(tmp_path, capsys):
    import impact.synth

    study = tmp_path / "my study (copy)"
    impact.synth.generate(30, seed=0, interviews_per_wave=4, words_per_interview=60, out=study)
    assert main(["validate", str(study)]) == 0
    said = re.search(r"\((impact validate --all .*) lists every one\)", capsys.readouterr().out)
    assert said
    assert shlex.split(said.group(1)) == ["impact", "validate", "--all", str(study)]


def test_validate_of_the_folder_above_the_studies_names_them(tmp_path, capsys):
    # `impact validate .` run where the study folders are (the wrong study folder): each of the six tables was said
    # to be missing and nothing said where the studies were
    from conftest import make_tiny_study

    for name in ("wave 1 study", "pilot"):
        make_tiny_study().save(tmp_path / name)
    (tmp_path / "notes").mkdir()
    assert main(["validate", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert f"{tmp_path} holds no study.yaml but 2 study folders ('pilot', 'wave 1 study'): give the study folder " \
           "itself" in err


def test_a_misspelt_council_column_is_not_also_every_council_without_interviews(study_dir, capsys):
    # interviews.csv with `councl_id` for `council_id`: the two errors were followed by a warning for each council
    # that it had no interviews, which is not so (the column was misspelt); the participants' attrition still counts
    path = study_dir / "interviews.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("council_id", "councl_id", 1), encoding="utf-8")
    assert main(["validate", str(study_dir)]) == 2
    err = capsys.readouterr().err
    assert "interviews.csv:1:councl_id: 'councl_id' - expected only the columns" in err
    assert "(did you mean 'council_id'?)" in err
    assert "this council has none" not in err
    assert re.search(r"^2 errors, \d+ warnings?$", err, re.MULTILINE)


# --- The Python API's wrong types -------------------------------------------------------------------------------

@pytest.mark.parametrize("value", [123, None, ["study"], pd.DataFrame()], ids=["int", "None", "list", "DataFrame"])
def test_load_study_refuses_what_is_not_a_path_naming_the_argument(value):
    with pytest.raises(TypeError, match=r"The value for `path` must be a path .* naming a study folder .* but "
                                        + type(value).__name__ + " was passed"):
        impact.load_study(value)


def test_load_study_of_a_loaded_study_says_so(tiny_study):
    with pytest.raises(TypeError, match="but Study was passed \\(a loaded Study: pass it where a Study is taken"):
        impact.load_study(tiny_study)


@pytest.mark.parametrize("call, argument", [
    (lambda s, t: impact.run(s, out_dir=5), "out_dir"),
    (lambda s, t: impact.run(s, out_dir=None), "out_dir"),
    (lambda s, t: impact.run(3.5, out_dir=t / "out"), "study"),
    (lambda s, t: impact.read_coded(pd.DataFrame({"unit": ["a"]})), "path"),
    (lambda s, t: impact.write_coded(pd.DataFrame(columns=CODED_COLUMNS), 7), "path"),
    (lambda s, t: impact.Codebook.load(3), "name_or_path"),
    (lambda s, t: impact.RuleCoder(None).code(pd.Series(["We meet every week."])), "codebook"),
], ids=["run-out-int", "run-out-None", "run-study-float", "read_coded-frame", "write_coded-int", "codebook-int",
        "rulecoder-None"])
def test_a_path_argument_of_the_wrong_type_is_named(call, argument, tiny_study, tmp_path):
    with pytest.raises(TypeError, match=f"The value for `{argument}` must be a path"):
        call(tiny_study, tmp_path)
    assert not (tmp_path / "out").exists()


def test_run_refuses_a_seed_of_text_before_any_work(tiny_study, tmp_path, monkeypatch):
    import impact.pipeline

    def not_reached(*args, **kwargs):
        raise AssertionError("the analysis started")

    monkeypatch.setattr(impact.pipeline, "analyse", not_reached)
    with pytest.raises(ValueError, match=r"The value for `seed` must be an integer of at least 0.*'1' was passed"):
        impact.pipeline.run(tiny_study, out_dir=tmp_path / "out", seed="1")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("call", [
    lambda: impact.analyse("path/to/study"),
    lambda: impact.analyse(None),
    lambda: impact.council_panel("path/to/study", pd.DataFrame({"unit": ["I1:1"], "code": ["morale"]})),
    lambda: impact.participant_panel(None, pd.DataFrame({"unit": ["I1:1"], "code": ["morale"]})),
], ids=["analyse-path", "analyse-None", "council_panel-path", "participant_panel-None"])
def test_a_study_argument_that_is_no_study_is_named(call):
    with pytest.raises(TypeError, match=r"`study` must be an impact.Study \(impact.load_study\), but (str|NoneType)"):
        call()


def test_segments_and_coded_given_in_each_others_place_are_told(tiny_study, tmp_path):
    segments = impact.segment(tiny_study)
    coded = impact.RuleCoder(impact.Codebook.nfer()).code(segments)
    with pytest.raises(impact.InputError, match="`segments` has no columns 'segment_id', 'text'.*passed in each "
                                                "other's place: the segments come first"):
        impact.export_review(coded, coded=segments, path=tmp_path / "review.xlsx", reviewer="ann")
    with pytest.raises(TypeError, match="`coded` must be a pandas DataFrame, but str was passed"):
        impact.export_review(segments, coded="coded.csv", path=tmp_path / "review.xlsx", reviewer="ann")
    assert not (tmp_path / "review.xlsx").exists()


def test_one_coders_output_given_for_agreement_asks_for_each_coder(tiny_study):
    segments = impact.segment(tiny_study)
    coded = impact.RuleCoder(impact.Codebook.nfer()).code(segments)
    with pytest.raises(ValueError, match=r"names no coder: it looks like one coder's output - expected a dict of each "
                                         r"coder's output, e\.g\. \{'ann': ann_coded, 'machine': coded\}"):
        impact.coding_to_units(coded, units=segments)

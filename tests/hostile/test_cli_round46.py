"""Round 46 of the command line: what ``impact run`` tells its user, and every command used the wrong way.

``impact run`` (and ``impact demo``, and every command that loads a study) showed none of the study's validation
warnings: a transcript counted twice, attrition, a council without interviews were seen only by ``impact validate``,
and provenance.json did not record them.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from impact.cli import main
from impact.councils import council_list


def _with_idle_councils(study_dir, k: int) -> list[int]:
    """Add ``k`` councils of the register without interviews to the study's councils.csv (each one a warning of
    ``impact validate``: 'interviews at some wave'); return their rows as a spreadsheet numbers them."""
    path = study_dir / "councils.csv"
    councils = pd.read_csv(path, dtype=str)
    register = council_list()
    extra = register[~register["council_id"].astype(str).isin(councils["council_id"])].head(k)
    rows = extra[list(councils.columns)].astype(str)
    out = pd.concat([councils, rows], ignore_index=True)
    out.to_csv(path, index=False)
    return list(range(len(councils) + 2, len(out) + 2))


def test_run_tells_and_records_the_studys_warnings(study_dir, tmp_path, capsys):
    """Planted: 7 councils without interviews (one kind, seven warnings) beside the tiny study's 3 of attrition. The
    run says how many and of which kind, naming file and column, in a few lines; provenance.json records each one."""
    rows = _with_idle_councils(study_dir, 7)
    capsys.readouterr()
    assert main(["validate", str(study_dir)]) == 0
    listed = [line for line in capsys.readouterr().out.splitlines() if line.startswith("warning: ")]
    assert len(listed) == 10  # what impact validate lists: the run must agree with it
    out = tmp_path / "out"
    assert main(["run", str(study_dir), "--out", str(out), "--resamples", "99"]) == 0
    err = [line for line in capsys.readouterr().err.splitlines() if ": warning: " in line]
    told = "\n".join(err)
    assert "with 10 warnings" in told and f"impact validate {study_dir}" in told, told
    assert "councils.csv:council_id: 7 warnings" in told, told
    assert f"row {rows[0]}: " in told, told  # the first of the kind, on its row
    assert len(err) <= 6, told  # a summary, not a line per warning
    prov = json.loads((out / "provenance.json").read_text())["provenance"]["validation_warnings"]
    assert prov["count"] == 10
    assert prov["by_kind"]["councils.csv:council_id"] == 7
    assert [w for w in prov["where"] if w.startswith("councils.csv")] == [f"councils.csv:{r}:council_id" for r in rows]
    # the words quote the study's cells (council ids, transcript names): the published file records where, not what
    assert not any(str(c) in json.dumps(prov) for c in pd.read_csv(study_dir / "councils.csv")["name"])


def test_quiet_tells_the_warnings_on_one_line_in_every_command_loading_a_study(study_dir, tmp_path, capsys):
    _with_idle_councils(study_dir, 4)
    capsys.readouterr()
    assert main(["code", str(study_dir), "--out", str(tmp_path / "coded.csv"), "-q"]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1, lines
    assert "with 7 warnings" in lines[0] and "councils.csv:council_id 4" in lines[0], lines


@pytest.mark.parametrize("args", [
    ["validate", "~/studies/leeds"],
    ["run", "~/studies/leeds", "--out", "out"],
    ["code", "study", "--out", "coded.csv", "--codebook", "~/codebooks/mine.yaml"],
    ["run", "study", "--out", "out", "--coded", "~/coded/ann.csv"],
    ["agree", "~/coded/ann.csv", "~/coded/bob.csv", "--out", "agree.csv"],
    ["review", "import", "~/reviews/ann.xlsx", "--out", "ann.csv"],
    ["import-qdpx", "~/exports/project.qdpx", "imported"],
])
def test_a_path_to_read_with_a_tilde_the_shell_left_says_so(args, tmp_path, monkeypatch, capsys):
    """'~/studies/leeds' quoted (or from a variable) is not the home folder: 'no such folder' alone did not say why.
    Refused as the command line is read, naming the path, nothing written."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "study").mkdir()
    assert main(args) == 2
    err = capsys.readouterr().err
    given = next(a for a in args if a.startswith("~"))
    assert f"'{given}': no such file or folder: it starts with '~', which was not turned into your home folder" in err
    assert "Traceback" not in err
    assert [p.name for p in tmp_path.iterdir()] == ["study"]


def test_guard_a_folder_really_named_tilde_is_read(study_dir, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "~").mkdir()
    study_dir.rename(tmp_path / "~" / "study")
    assert main(["validate", "~/study"]) == 0, capsys.readouterr().err


def test_import_qdpx_names_the_project_file_as_given(tmp_path, capsys):
    """A missing project was named by its file name alone ('project.qdpx: file not found' for exports/project.qdpx),
    a folder as 'not a regular file'."""
    missing = tmp_path / "exports" / "project.qdpx"
    assert main(["import-qdpx", str(missing), str(tmp_path / "imported")]) == 2
    assert f"error: {missing}: file not found - expected a .qdpx project" in capsys.readouterr().err
    (tmp_path / "folder.qdpx").mkdir()
    assert main(["import-qdpx", str(tmp_path / "folder.qdpx"), str(tmp_path / "imported")]) == 2
    assert f"error: {tmp_path / 'folder.qdpx'}: is a folder - expected a .qdpx project" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder.qdpx"]


def test_code_told_a_folder_for_out_says_it_is_a_folder(study_dir, tmp_path, capsys):
    """'--out results' (an existing folder) was told 'the coded file must end in .csv or .parquet, but no extension
    was given', as if a file were meant to be made there."""
    (tmp_path / "results").mkdir()
    assert main(["code", str(study_dir), "--out", str(tmp_path / "results")]) == 2
    err = capsys.readouterr().err
    assert f"{tmp_path / 'results'} is a folder - expected a file name to write" in err, err
    assert list((tmp_path / "results").iterdir()) == []


def test_run_in_a_folder_holding_no_study_says_there_is_no_study(tmp_path, monkeypatch, capsys):
    """`impact run . --out out` in a folder without study.yaml was told that the output folder would be inside the
    study folder: the output was judged against a study that is not there, and the missing study.yaml went unsaid."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.txt").write_text("mine")
    assert main(["run", ".", "--out", "out"]) == 2
    err = capsys.readouterr().err
    assert "study.yaml: expected a study.yaml file in the study folder" in err, err
    assert "inside the study folder" not in err, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]

"""File-system errors, bad options and bugs on the command line (issue 18.1, 18.4).

A user error is one message naming the path and what to do, exit 2, nothing
half-written; a bug still shows its traceback.
"""

from __future__ import annotations

import errno
import os
import warnings

import pytest

from impact.cli import main

from ._util import cli, cli_here, refused, snapshot


@pytest.mark.parametrize(("code", "advice"), [
    (errno.EROFS, "the file system is read-only - choose a folder you can write to"),
    (errno.ENOSPC, "the disk is full - free some space or choose another disk"),
    (errno.EACCES, "permission denied - choose a folder you can write to"),
    (errno.EDQUOT, "your disk quota is used up"),
])
def test_file_system_errors_are_one_message(code, advice, tmp_path, monkeypatch, capsys):
    import impact._io as io_module

    target = tmp_path / "study"

    def refuse(*args, dir=None, **kwargs):  # what the OS says for a read-only, full or forbidden folder
        raise OSError(code, os.strerror(code), str(dir))

    monkeypatch.setattr(io_module.tempfile, "mkstemp", refuse)
    status = main(["synth", "--councils", "2", "--seed", "1", "--out", str(target), "--words-per-interview", "50",
                   "--interviews-per-wave", "1"])
    err = capsys.readouterr().err
    assert status == 2, err
    assert advice in err and str(target) in err and "Traceback" not in err
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]  # nothing half-written


def test_output_under_a_file_is_a_clear_error(tiny_study, tmp_path):
    tiny_study.save(tmp_path / "study")
    (tmp_path / "notes.txt").write_text("mine")
    before = snapshot(tmp_path)
    proc = cli_here("run", "study", "--out", "notes.txt/out", "--resamples", "99", cwd=tmp_path)
    refused(proc, "notes.txt", "is a file, not a folder")
    assert snapshot(tmp_path) == before


def test_unwritable_home_is_a_clear_error(tiny_study, tmp_path):
    """HOME under a file: the pseudonym key cannot be created (a real ENOTDIR, even for root)."""
    tiny_study.save(tmp_path / "study")
    (tmp_path / "file").write_text("x")
    env = {"HOME": str(tmp_path / "file" / "home"), "XDG_CONFIG_HOME": str(tmp_path / "file" / "config"),
           "IMPACT_PSEUDONYM_KEY": ""}
    proc = cli_here("run", "study", "--out", "out", "--resamples", "99", cwd=tmp_path, env=env)
    refused(proc, str(tmp_path / "file"))
    assert not (tmp_path / "out").exists()
    assert not [p.name for p in tmp_path.iterdir() if ".staging-" in p.name]


@pytest.mark.parametrize(("args", "needle"), [
    (["--min-count", "0"], "--min-count: '0' - expected a whole number from 1 to 1,000"),
    (["--min-count", "-5"], "--min-count: '-5'"),
    (["--quote-k", "0"], "--quote-k: '0'"),
    (["--resamples", "0"], "--resamples: '0' - expected a whole number from 99 to 1,000,000"),
    (["--resamples", "-10"], "--resamples: '-10'"),
    (["--seed", "-1"], "--seed: '-1' - expected a whole number from 0 to 4,294,967,295"),
    (["--seed", "1e3"], "--seed: '1e3'"),
])
def test_bad_option_values_exit_2(args, needle, tmp_path, capsys):
    status = main(["run", str(tmp_path / "study"), "--out", str(tmp_path / "out"), *args])
    err = capsys.readouterr().err
    assert status == 2 and needle in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_warnings_are_messages_not_python_warning_lines(tmp_path, capsys, monkeypatch):
    from impact.cli import _validate

    def noisy(args):
        for _ in range(3):
            warnings.warn("councils.csv: not valid UTF-8; read as Windows-1252", UserWarning, stacklevel=1)
        return 0

    monkeypatch.setattr(_validate, "run", noisy)
    assert main(["validate", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert err == "impact validate: warning: councils.csv: not valid UTF-8; read as Windows-1252 (3 times)\n"


def test_a_bug_still_shows_its_traceback(tmp_path, monkeypatch):
    from impact.cli import _validate

    def buggy(args):
        raise RuntimeError("a bug")

    monkeypatch.setattr(_validate, "run", buggy)
    with pytest.raises(RuntimeError, match="a bug"):
        main(["validate", str(tmp_path)])


def test_quiet_and_verbose(tiny_study, tmp_path):
    tiny_study.save(tmp_path / "study")
    quiet = cli("validate", "study", "-q", cwd=tmp_path)
    assert quiet.returncode == 0 and quiet.stderr == ""
    assert ": valid (" not in quiet.stdout and quiet.stdout.endswith(" warnings\n")  # the study's warnings stay
    # the runs in this process (what they print is the check; a child process added 4-5 s of imports to each)
    loud = cli_here("run", "study", "--out", "out", "--resamples", "99", cwd=tmp_path)
    assert loud.returncode == 0 and "impact run: validating study" in loud.stderr
    hushed = cli_here("-q", "run", "study", "--out", "out", "--resamples", "99", cwd=tmp_path)
    assert hushed.returncode == 0 and "validating" not in hushed.stderr
    assert "findings written" in loud.stdout and hushed.stdout == ""


def test_quiet_commands_print_nothing_when_all_is_well(tiny_study, tmp_path, capsys):
    """`-q` is "show only warnings and errors": on the old code each command still printed its account of what it
    wrote (the coded counts, the files, the decisions) on standard output. Without -q they print it."""
    from openpyxl import load_workbook

    study = tmp_path / "study"
    tiny_study.save(study)
    commands = [["synth", "--councils", "2", "--seed", "1", "--out", str(tmp_path / "s"), "--words-per-interview",
                 "50", "--interviews-per-wave", "1"],
                ["validate", str(study)],
                ["code", str(study), "--out", str(tmp_path / "coded.csv")],
                ["review", "export", str(study), "--coded", str(tmp_path / "coded.csv"), "--out",
                 str(tmp_path / "r.xlsx"), "--reviewer", "ann", "--limit", "2"],
                ["review", "import", str(tmp_path / "r.xlsx"), "--out", str(tmp_path / "ann.csv")],
                ["agree", str(tmp_path / "coded.csv"), str(tmp_path / "ann.csv"), "--study", str(study),
                 "--uncoded", "missing", "--out", str(tmp_path / "agree.csv")],
                ["export-qdpx", str(study), str(tmp_path / "p.qdpx"), "--coded", str(tmp_path / "coded.csv")],
                ["import-qdpx", str(tmp_path / "p.qdpx"), str(tmp_path / "imported")]]
    for args in commands:
        if args[:2] == ["review", "import"]:  # one decision, so the import has something to say
            wb = load_workbook(tmp_path / "r.xlsx")
            wb["review"]["L2"] = "accept"
            wb.save(tmp_path / "r.xlsx")
        assert main([*args, "-q"]) == 0, args
        said = capsys.readouterr()
        if args[0] == "validate":  # the tiny study's warnings (missed waves) are still shown
            assert said.out.endswith("0 errors, 3 warnings\n") and ": valid (" not in said.out
            assert said.err == "", args
        else:
            assert said.out == "", args
            # a command loading the study told its warnings on one line under -q (round 46); the tiny study's 3 are
            # all attrition, which only `impact run` (it analyses) tells now: coding, reviewing, agreeing and
            # exporting say nothing of them (newuser6; test_newuser_round6 checks `run`'s loading tells them)
            assert said.err == "", (args, said.err)
    for args in (commands[2], commands[5], commands[6]):  # without -q, the account is given
        assert main([*args, "--overwrite"]) == 0, args
        assert capsys.readouterr().out.strip(), args

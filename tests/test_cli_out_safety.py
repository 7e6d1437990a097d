"""Output safety of the commands writing one file (bug F2), bad coded files (F7), review import's summary (F12).

``impact code``, ``agree``, ``review export`` and ``export-qdpx`` refuse an
output path inside the study folder they read (whatever the flags), an existing
folder (always) and an existing file unless ``--overwrite`` is given; refused,
they exit 2 with one message naming the path and leave every file as it was.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from impact.cli import main
from impact.coding import read_coded
from impact.errors import InputError

PRECIOUS = b"my own notes, not impact's\n"


@pytest.fixture
def coded_file(study_dir, tmp_path, capsys) -> Path:
    path = tmp_path / "coded.csv"
    assert main(["code", str(study_dir), "--out", str(path)]) == 0
    assert len(read_coded(path))
    capsys.readouterr()
    # a second coder for `impact agree`, which refuses one file given twice
    path.with_name("second_coder.csv").write_bytes(path.read_bytes())
    return path


def _snapshot(root: Path) -> dict[str, bytes | str]:
    return {p.relative_to(root).as_posix(): ("dir" if p.is_dir() else p.read_bytes()) for p in sorted(root.rglob("*"))}


def _args(command: str, study: Path, coded: Path, out: Path) -> list[str]:
    """The command line of ``command`` writing ``out``."""
    if command == "code":
        return ["code", str(study), "--out", str(out)]
    if command == "agree":
        return ["agree", str(coded), str(coded.with_name("second_coder.csv")), "--study", str(study),
                "--metrics", "percent_agreement",
                "--out", str(out)]
    if command == "review export":
        return ["review", "export", str(study), "--coded", str(coded), "--out", str(out)]
    assert command == "export-qdpx"
    return ["export-qdpx", str(study), str(out), "--coded", f"rules={coded}"]


COMMANDS = ["code", "agree", "review export", "export-qdpx"]
SUFFIX = {"code": ".csv", "agree": ".csv", "review export": ".xlsx", "export-qdpx": ".qdpx"}


def _refused(capsys, *needles: str) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    for needle in needles:
        assert needle in err, err
    return err


@pytest.mark.parametrize("command", COMMANDS)
def test_an_existing_file_is_kept_unless_overwrite(command, study_dir, coded_file, tmp_path, capsys):
    out = tmp_path / f"mine{SUFFIX[command]}"
    out.write_bytes(PRECIOUS)
    study_before = _snapshot(study_dir)
    assert main(_args(command, study_dir, coded_file, out)) == 2
    _refused(capsys, f"{out} exists; pass --overwrite to replace it")
    assert out.read_bytes() == PRECIOUS
    assert _snapshot(study_dir) == study_before
    assert not list(tmp_path.glob(".mine*"))  # no temporary file left behind
    assert main([*_args(command, study_dir, coded_file, out), "--overwrite"]) == 0
    assert out.read_bytes() != PRECIOUS and out.stat().st_size > 0
    assert _snapshot(study_dir) == study_before


@pytest.mark.parametrize("command", COMMANDS)
def test_a_new_file_needs_no_flag(command, study_dir, coded_file, tmp_path):
    out = tmp_path / "new" / f"out{SUFFIX[command]}"
    assert main(_args(command, study_dir, coded_file, out)) == 0
    assert out.is_file()


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("overwrite", [[], ["--overwrite"]])
def test_an_output_inside_the_study_is_refused(command, overwrite, study_dir, coded_file, capsys):
    target = {"code": "interviews.csv", "agree": "interviews.csv", "review export": "review.xlsx",
              "export-qdpx": "s.qdpx"}[command]
    out = study_dir / target
    before = _snapshot(study_dir)
    assert main([*_args(command, study_dir, coded_file, out), *overwrite]) == 2
    _refused(capsys, str(out), f"is inside the study folder {study_dir}; write outputs elsewhere")
    assert _snapshot(study_dir) == before


def test_code_into_the_study_is_refused_through_links_and_relative_paths(study_dir, tmp_path, monkeypatch, capsys):
    before = _snapshot(study_dir)
    (tmp_path / "link").symlink_to(study_dir)
    assert main(["code", str(study_dir), "--out", str(tmp_path / "link" / "x.csv"), "--overwrite"]) == 2
    _refused(capsys, "is inside the study folder", str(study_dir / "x.csv"))
    (tmp_path / "elsewhere.csv").symlink_to(study_dir / "interviews.csv")
    assert main(["code", str(study_dir), "--out", str(tmp_path / "elsewhere.csv"), "--overwrite"]) == 2
    _refused(capsys, "is inside the study folder")
    monkeypatch.chdir(study_dir)
    assert main(["code", ".", "--out", "../study/new.csv", "--overwrite"]) == 2
    _refused(capsys, "../study/new.csv is inside the study folder .; write outputs elsewhere")
    assert main(["code", "../link", "--out", "sub/new.csv"]) == 2
    _refused(capsys, "is inside the study folder ../link")
    assert _snapshot(study_dir) == before
    assert (tmp_path / "elsewhere.csv").is_symlink()


def test_agree_without_a_study_still_refuses_an_existing_file(coded_file, tmp_path, capsys):
    out = tmp_path / "agree.csv"
    out.write_bytes(PRECIOUS)
    assert main(["agree", str(coded_file), str(coded_file.with_name("second_coder.csv")), "--out", str(out)]) == 2
    _refused(capsys, f"{out} exists; pass --overwrite")
    assert out.read_bytes() == PRECIOUS


@pytest.mark.parametrize("command", COMMANDS)
def test_an_existing_folder_is_refused_even_with_overwrite(command, study_dir, coded_file, tmp_path, capsys):
    folder = tmp_path / f"folder{SUFFIX[command]}"
    folder.mkdir()
    (folder / "keep.txt").write_bytes(PRECIOUS)
    (tmp_path / f"link{SUFFIX[command]}").symlink_to(folder)
    for out in (folder, tmp_path / f"link{SUFFIX[command]}"):
        assert main([*_args(command, study_dir, coded_file, out), "--overwrite"]) == 2
        _refused(capsys, f"{out} is a folder")
    assert (folder / "keep.txt").read_bytes() == PRECIOUS and len(list(folder.iterdir())) == 1


def test_export_qdpx_codebook_files_beside_it_are_kept_as_bak(study_dir, coded_file, tmp_path, capsys):
    qdc = tmp_path / "p.qdc"
    qdc.write_bytes(PRECIOUS)
    assert main(["export-qdpx", str(study_dir), str(tmp_path / "p.qdpx"), "--coded", str(coded_file)]) == 0
    assert "existing p.qdc moved to p.qdc.bak" in capsys.readouterr().out
    assert (tmp_path / "p.qdc.bak").read_bytes() == PRECIOUS
    assert main(["export-qdpx", str(study_dir), str(tmp_path / "q.qdc"), "--coded", str(coded_file)]) == 2
    _refused(capsys, "q.qdc: ends in .qdc", "expected a .qdpx file name")
    assert not (tmp_path / "q.qdc").exists()


# --------------------------------------------------------------------------- F7: bad --coded files

BAD = {
    "empty": (b"", ": the file is empty"),
    "binary": (bytes(range(256)) * 8, ": a binary file"),
    # (Windows-1252 alone is read with a warning, as a study table is: tests/hostile/test_inputs_round5.py)
    "mixed-encodings": ("unit,code\nCamd\xe9n,morale\n".encode() + "Camd\xe9n,morale\n".encode("latin-1"),
                        ": mixes text encodings - line 2 is UTF-8 but line 3 is not"),
    # the quote named where it opens (hostile round 10: one never closed on the last line)
    "unclosed-quote": (b'unit,code\n"I1:1,morale\n', ":2:unit: '\"I1:1,morale' - expected a closing"),
    # the row named (hostile round 25)
    "extra-cells": (b"unit,code,score\nI1:1,morale,0.9,x\n", ":2: 4 cells where the header row names 3 columns"),
}


@pytest.mark.parametrize("kind", sorted(BAD))
def test_export_qdpx_with_a_bad_coded_file_exits_2(kind, study_dir, tmp_path, capsys):
    data, needle = BAD[kind]
    bad = tmp_path / f"{kind}.csv"
    bad.write_bytes(data)
    out = tmp_path / "p.qdpx"
    assert main(["export-qdpx", str(study_dir), str(out), "--coded", str(bad)]) == 2
    _refused(capsys, f"{bad}{needle}", "expected coded output")
    assert not out.exists()


@pytest.mark.parametrize("kind", sorted(BAD))
def test_read_coded_refuses_bad_files_naming_them(kind, tmp_path):
    data, needle = BAD[kind]
    bad = tmp_path / f"{kind}.csv"
    bad.write_bytes(data)
    with pytest.raises(InputError, match=f"{kind}.csv{needle}"):
        read_coded(bad)


def test_read_coded_refuses_a_folder_and_a_missing_file(tmp_path):
    (tmp_path / "d.csv").mkdir()
    with pytest.raises(InputError, match=r"d\.csv: is a folder - expected a coded file ending in \.csv or \.parquet"):
        read_coded(tmp_path / "d.csv")
    with pytest.raises(InputError, match=r"nope\.csv: file not found"):
        read_coded(tmp_path / "nope.csv")


@pytest.mark.skipif(not __import__("importlib").util.find_spec("pyarrow"), reason="pyarrow is not installed")
@pytest.mark.parametrize("data", [b"", b"PAR1 not really"])
def test_read_coded_refuses_a_bad_parquet_file(data, tmp_path):
    bad = tmp_path / "bad.parquet"
    bad.write_bytes(data)
    with pytest.raises(InputError, match=r"bad\.parquet: not a readable Parquet file"):
        read_coded(bad)


@pytest.mark.parametrize("command", ["agree", "review export"])
@pytest.mark.parametrize("kind", ["empty", "binary", "extra-cells"])
def test_other_commands_refuse_the_same_files(command, kind, study_dir, tmp_path, capsys):
    data, needle = BAD[kind]
    bad = tmp_path / f"{kind}.csv"
    bad.write_bytes(data)
    out = tmp_path / f"out{SUFFIX[command]}"
    assert main(_args(command, study_dir, bad, out)) == 2
    _refused(capsys, f"{bad}{needle}")
    assert not out.exists()


def test_export_qdpx_bad_coded_file_without_traceback_in_a_real_process(study_dir, tmp_path):
    bad = tmp_path / "empty.csv"
    bad.write_bytes(b"")
    proc = subprocess.run([sys.executable, "-m", "impact", "export-qdpx", str(study_dir), str(tmp_path / "p.qdpx"),
                           "--coded", str(bad)], capture_output=True, text=True, timeout=120, check=False,
                          env={**os.environ, "MPLBACKEND": "Agg"})
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr and f"{bad}: the file is empty" in proc.stderr


# --------------------------------------------------------------------------- review import

def test_review_import_with_no_decisions_says_so(study_dir, coded_file, tmp_path, capsys):
    xlsx = tmp_path / "review.xlsx"
    assert main(["review", "export", str(study_dir), "--coded", str(coded_file), "--out", str(xlsx)]) == 0
    capsys.readouterr()
    out = tmp_path / "decisions.csv"
    # newuser3: an empty CSV was written (exit 0) that `impact agree` then refused; now refused here, nothing written
    assert main(["review", "import", str(xlsx), "--out", str(out), "--reviewer", "ann"]) == 2
    said = capsys.readouterr().err
    assert f"{xlsx}: nothing decided yet" in said and f"{out} was not written" in said
    assert "nobody" not in said and "0 decisions" not in said
    assert not out.exists()


def test_review_import_refuses_a_folder(study_dir, coded_file, tmp_path, capsys):
    xlsx = tmp_path / "review.xlsx"
    assert main(["review", "export", str(study_dir), "--coded", str(coded_file), "--out", str(xlsx)]) == 0
    folder = tmp_path / "decisions"
    folder.mkdir()
    (folder / "keep.txt").write_bytes(PRECIOUS)
    capsys.readouterr()
    assert main(["review", "import", str(xlsx), "--out", str(folder)]) == 2
    _refused(capsys, f"{folder} is a folder")
    assert (folder / "keep.txt").read_bytes() == PRECIOUS
    assert not list(tmp_path.glob("decisions.*.bak"))


def test_a_bug_while_reading_codings_is_not_blamed_on_the_file(study_dir, tmp_path, monkeypatch):
    """A ValueError that impact's own code raises while reading `--coded` is a bug and surfaces as one (a
    traceback), not as "not a readable coding file"; a reading library's ValueError is still the file's problem."""

    import impact.codings as codings
    from impact.agreement import _check_option
    from impact.cli._run import _raised_by_impact

    coded = tmp_path / "coded.csv"
    coded.write_text("interview_id,code,coder\n", encoding="utf-8")
    monkeypatch.setattr(codings, "read_codings", lambda path, study, **_: _check_option("x", "y", ["z"]))
    with pytest.raises(ValueError, match="must be one of"):
        main(["run", str(study_dir), "--out", str(tmp_path / "out"), "--coded", str(coded), "-q"])
    assert not (tmp_path / "out").exists()
    monkeypatch.setattr(codings, "read_codings", lambda path, study, **_: pd.read_csv(path, usecols=["absent"]))
    assert main(["run", str(study_dir), "--out", str(tmp_path / "out"), "--coded", str(coded), "-q"]) == 2
    # the test itself: where the innermost frame lies decides
    for call, ours in ((lambda: _check_option("x", "y", ["z"]), True), (lambda: pd.read_csv(coded, usecols=["a"]), False)):
        with pytest.raises(ValueError) as info:
            call()
        assert _raised_by_impact(info.value) is ours


def test_a_resource_warning_collected_during_a_command_is_not_shown(study_dir, tmp_path, monkeypatch, capsys):
    """CI failure of stop 40: sockets left open by another test (a notebook kernel's) were garbage-collected while
    `impact synth` ran in the same process, and 13 "Unclosed socket" lines were printed as impact's warnings.
    ResourceWarning is hidden by Python's own defaults; a command's user warnings still show."""
    import warnings

    import impact.cli as cli

    def noisy(args):
        warnings.warn("unclosed <socket of another library>", ResourceWarning, stacklevel=2)
        warnings.warn("a warning meant for the user", UserWarning, stacklevel=2)
        return 0

    real_parser = cli.build_parser

    def parser_with_noisy_command():
        parser = real_parser()
        parser.set_defaults(func=noisy)
        for action in parser._subparsers._group_actions:
            for sub in action.choices.values():
                sub.set_defaults(func=noisy)
        return parser

    monkeypatch.setattr(cli, "build_parser", parser_with_noisy_command)
    assert main(["code", str(study_dir), "--out", str(tmp_path / "c.csv")]) == 0
    err = capsys.readouterr().err
    assert "impact code: warning: a warning meant for the user" in err
    assert "socket" not in err

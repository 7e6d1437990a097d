"""Round 47 of the command line: its errors in the words the user typed.

``impact run S --out O --codebook nosuch`` was told the library's "The value for `codebook` must be one of ...", naming
no ``--codebook``; ``impact validate`` listed 50 warnings of a file and counted the rest while ``impact run`` said
"impact validate STUDY lists them".
"""

from __future__ import annotations

import pytest
import yaml

from impact.coding.codebook import available_codebooks

from ._util import cli_here, refused, snapshot
from .test_cli_round46 import _with_idle_councils


def _bad_codebook_commands(study, coded, project, out):
    """Each command taking ``--codebook``, with the given paths (``out``: a folder not yet made)."""
    return {
        "run": ["run", study, "--out", f"{out}/run"],
        "demo": ["demo", "--out", f"{out}/demo"],
        "code": ["code", study, "--out", f"{out}/coded.csv"],
        "agree": ["agree", coded, coded, "--out", f"{out}/agree.csv"],
        "review export": ["review", "export", study, "--coded", coded, "--out", f"{out}/review.xlsx"],
        "export-qdpx": ["export-qdpx", study, f"{out}/project.qdpx"],
        "import-qdpx": ["import-qdpx", project, f"{out}/imported"],
    }


@pytest.mark.parametrize("typed", ["--codebook", "--codebook="])
def test_every_command_names_codebook_as_typed_and_what_it_accepts(study_dir, coded_file, tmp_path, typed):
    """A codebook that is neither bundled nor a file: every command taking --codebook names the option, the value,
    each bundled codebook (read from the library, not written here) and the YAML file it also takes; nothing is
    written."""
    (tmp_path / "proj").mkdir()
    assert cli_here("export-qdpx", str(study_dir), "proj/project.qdpx", cwd=tmp_path).returncode == 0
    before = snapshot(tmp_path)
    commands = _bad_codebook_commands(str(study_dir), str(coded_file), str(tmp_path / "proj/project.qdpx"),
                                      tmp_path / "out")
    for command, args in commands.items():
        given = [*args, typed + "nfer_impact"] if typed.endswith("=") else [*args, typed, "nfer_impact"]
        proc = cli_here(*given, cwd=tmp_path)
        refused(proc, "--codebook", "'nfer_impact'", "a path to a codebook YAML file", "did you mean 'nfer_impacts'")
        assert "The value for `codebook`" not in proc.stderr, (command, proc.stderr)
        assert all(repr(name) in proc.stderr for name in available_codebooks()), (command, proc.stderr)
        assert snapshot(tmp_path) == before, command


def test_a_codebook_that_is_a_folder_or_no_codebook_names_the_option(study_dir, tmp_path):
    (tmp_path / "books").mkdir()
    proc = cli_here("code", str(study_dir), "--out", "coded.csv", "--codebook", "books/", cwd=tmp_path)
    refused(proc, "error: --codebook: ", "books", "expected a codebook (a bundled codebook's name or a YAML file)")
    (tmp_path / "notes.txt").write_text("unit,code\n1,a\n")
    proc = cli_here("code", str(study_dir), "--out", "coded.csv", "--codebook", "notes.txt", cwd=tmp_path)
    refused(proc, "--codebook", "notes.txt", "a path to a codebook YAML file")
    assert not (tmp_path / "coded.csv").exists()


def test_a_key_file_that_is_no_key_names_the_option(study_dir, tmp_path):
    (tmp_path / "key.txt").write_text("council_id,name\n" + "301,Somewhere\n" * 40)
    proc = cli_here("run", str(study_dir), "--out", "out", "--key-file", "key.txt", "--resamples", "99", cwd=tmp_path)
    refused(proc, "error: --key-file: ", "key.txt", "expected the pseudonym key")
    assert not (tmp_path / "out").exists()


def test_guard_a_codebook_named_by_study_yaml_is_not_blamed_on_the_option(study_dir, tmp_path):
    """The study's own codebook is no --codebook the user typed: its error does not name the option."""
    path = study_dir / "study.yaml"
    meta = yaml.safe_load(path.read_text())
    meta["codebook"] = "nfer_impact"
    path.write_text(yaml.safe_dump(meta))
    proc = cli_here("code", str(study_dir), "--out", "coded.csv", cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert "nfer_impact" in proc.stderr and "--codebook" not in proc.stderr, proc.stderr


def test_validate_all_lists_every_warning_and_run_says_so(study_dir, tmp_path):
    """Planted: 55 councils without interviews, one warning each in councils.csv (more than the 50 of a file that
    impact validate lists by default), beside the tiny study's 3 of attrition. `impact validate` counts the rest and
    names --all; `--all` lists each of the 58 on its row; the run's summary names `impact validate --all STUDY`."""
    rows = _with_idle_councils(study_dir, 55)
    shown = cli_here("validate", str(study_dir), cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    listed = [line for line in shown.stdout.splitlines() if line.startswith("warning: ")]
    assert len(listed) == 53, shown.stdout  # 50 of councils.csv, 3 of interviews.csv
    assert "councils.csv: ... and 5 more warnings" in shown.stdout, shown.stdout
    assert f"impact validate --all {study_dir} lists every one" in shown.stdout, shown.stdout
    every = cli_here("validate", "--all", str(study_dir), cwd=tmp_path)
    assert every.returncode == 0, every.stderr
    listed = [line for line in every.stdout.splitlines() if line.startswith("warning: ")]
    assert len(listed) == 58, every.stdout
    assert all(any(f"councils.csv:{r}:council_id" in line for line in listed) for r in rows), every.stdout
    assert "more warnings" not in every.stdout and "--all" not in every.stdout, every.stdout
    ran = cli_here("code", str(study_dir), "--out", "coded.csv", cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr
    # 58, as validate counts them: the 3 of attrition are told by `impact run` alone, which analyses (newuser6)
    assert (f"with 58 warnings (3 on missed waves, told by impact run; impact validate --all {study_dir} lists them"
            in ran.stderr), ran.stderr
    assert "attrition" not in ran.stderr, ran.stderr
    quiet = cli_here("code", str(study_dir), "--out", "coded2.csv", "-q", cwd=tmp_path)
    assert f"impact validate --all {study_dir} lists them" in quiet.stderr, quiet.stderr


def test_export_qdpx_names_the_coded_option_of_a_bad_file(study_dir, tmp_path):
    """One of several --coded [CODER=]FILE: the refused one is named as typed, with the option."""
    (tmp_path / "ann.txt").write_text("unit,code\n")
    proc = cli_here("export-qdpx", str(study_dir), "p.qdpx", "--coded", "ann=ann.txt", cwd=tmp_path)
    refused(proc, "error: --coded ann=ann.txt: ", "must end in .csv or .parquet")
    proc = cli_here("export-qdpx", str(study_dir), "p.qdpx", "--coded", "bob=missing.csv", cwd=tmp_path)
    refused(proc, "error: --coded bob=missing.csv: ", "file not found")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ann.txt", "study"]


def test_review_export_names_the_coded_option_of_a_missing_file(study_dir, tmp_path):
    proc = cli_here("review", "export", str(study_dir), "--coded", "gone.csv", "--out", "r.xlsx", cwd=tmp_path)
    refused(proc, "error: --coded: gone.csv: file not found - expected a coded CSV file")
    assert not (tmp_path / "r.xlsx").exists()

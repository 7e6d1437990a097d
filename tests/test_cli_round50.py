"""Round 50: a new user's first hour, the wrong way included (cli50).

Two defects the careless user found, each shown here on the real entry points:

* Ctrl-C while the command line was still starting (``python -m impact`` importing it, argparse reading the
  options) printed a ``KeyboardInterrupt`` traceback: it now says "interrupted" and exits 130, as Ctrl-C during
  the command always did.
* A full disk (or the file-size limit) under the temporary folder, where openpyxl writes each sheet of a workbook
  before zipping it, came out of lxml as ``SerialisationError: IO_ENOSPC`` with a traceback and exit status 1: it
  is now the file-system error it is (exit 2, one line naming the temporary folder and what to do).
"""

from __future__ import annotations

import runpy
import subprocess
import sys
import types
from pathlib import Path

import pytest
from conftest import make_tiny_study

import impact
from impact.cli import main

ROOT = Path(impact.__file__).resolve().parents[1]  # the package under test, for the process started below


def _no_interrupt(call):
    """``call()``; a KeyboardInterrupt escaping it is this test's failure (pytest would stop the whole run)."""
    try:
        return call()
    except KeyboardInterrupt:
        pytest.fail("Ctrl-C escaped the command line as a KeyboardInterrupt (a traceback for the user)")


def test_ctrl_c_while_the_options_are_read_is_told_not_raised(monkeypatch, capsys):
    import impact.cli

    def interrupted():
        raise KeyboardInterrupt

    monkeypatch.setattr(impact.cli, "build_parser", interrupted)
    assert _no_interrupt(lambda: main(["validate", "study"])) == 130
    err = capsys.readouterr().err
    assert err.strip() == "impact: interrupted; no output is left half-written (any finished before it is kept)"


class _StartingCli(types.ModuleType):
    """``impact.cli`` as seen while it is still being imported when Ctrl-C arrives."""

    def __getattr__(self, name):
        if name.startswith("__"):  # what pytest and the import system ask of any module
            raise AttributeError(name)
        raise KeyboardInterrupt


def test_ctrl_c_while_python_m_impact_starts_is_told_not_raised(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "impact.cli", _StartingCli("impact.cli"))
    with pytest.raises(SystemExit) as exited:
        _no_interrupt(lambda: runpy.run_module("impact.__main__", run_name="__main__"))
    assert exited.value.code == 130
    assert "interrupted" in capsys.readouterr().err


@pytest.fixture(scope="module")
def coded_study(tmp_path_factory) -> tuple[Path, Path]:
    """(study folder, its coded CSV from `impact code`), once for the module (read only)."""
    folder = tmp_path_factory.mktemp("round50")
    study_dir, coded = folder / "study", folder / "coded.csv"
    make_tiny_study().save(study_dir)
    assert main(["code", str(study_dir), "--out", str(coded), "-q"]) == 0
    return study_dir, coded


def test_a_full_temporary_folder_while_a_workbook_is_written_is_a_disk_error(coded_study, tmp_path, monkeypatch,
                                                                             capsys):
    study_dir, coded_csv = coded_study
    # What lxml raises when openpyxl's temporary sheet file cannot be written on a full disk (errno ENOSPC).
    from lxml.etree import SerialisationError
    from openpyxl import Workbook

    def full(self, filename):
        raise SerialisationError("IO_ENOSPC")

    monkeypatch.setattr(Workbook, "save", full)
    out = tmp_path / "review.xlsx"
    assert main(["review", "export", str(study_dir), "--coded", str(coded_csv), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "the temporary folder" in err and "the disk is full - free some space or choose another disk" in err
    assert not out.exists()


def test_a_workbook_over_the_file_size_limit_is_refused_in_one_line(coded_study, tmp_path):
    study_dir, coded_csv = coded_study
    # A real write failure, without root: a file-size limit (ulimit -f) below the sheet's XML, SIGXFSZ ignored so
    # that the write fails with EFBIG, as a full disk fails with ENOSPC.
    out = tmp_path / "review.xlsx"
    script = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))\n"
        "from impact.cli import main\n"
        f"sys.exit(main(['review', 'export', {str(study_dir)!r}, '--coded', {str(coded_csv)!r}, '--out', {str(out)!r}]))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, timeout=120,
                          env={"PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1", "PATH": "/usr/bin:/bin",
                               "MPLBACKEND": "Agg", "TMPDIR": str(tmp_path)})
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr, done.stderr
    assert "file-size limit (ulimit -f)" in done.stderr and "the temporary folder" in done.stderr
    assert not out.exists()
    assert not list(tmp_path.glob("openpyxl*")), "openpyxl's temporary sheet files are left behind"

"""Round tidy64: one way to rewrite a user's file only where it changes; impact leaves Python's warnings alone.

1. ``impact._io.write_if_changed``, used by export-qdpx, import-qdpx and review import: the same bytes again are not
   written and make no backup; changed bytes back up the previous file and replace it whole; a full disk names the
   user's file (never a temporary one) and leaves the folder as it was.
2. export-qdpx run twice makes no .bak of its codebook files; a codebook file the user changed is the only one
   backed up.
3. Importing impact no longer replaces ``warnings.formatwarning``; ``impact.show_warnings_plainly()`` (called by the
   notebooks) and the command line choose the one-line form.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import tempfile
import warnings

import pytest
from hostile._util import snapshot
from hostile.test_filesystem import _fill, small_disk  # noqa: F401 - small_disk, a fixture


# --------------------------------------------------------------------------- 1. one helper
def _text(body: str):
    from impact._io import atomic_write_text

    return lambda path: atomic_write_text(path, body)


def test_the_same_bytes_are_not_written_and_make_no_backup(tmp_path):
    from impact._io import write_if_changed

    target = tmp_path / "decisions.csv"
    assert write_if_changed(target, _text("a,b\n1,2\n")) == (True, None)
    before = os.stat(target)
    assert write_if_changed(target, _text("a,b\n1,2\n")) == (False, None)
    after = os.stat(target)
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)  # not even rewritten
    assert sorted(p.name for p in tmp_path.iterdir()) == ["decisions.csv"]  # no backup, no temporary file
    done = write_if_changed(target, _text("a,b\n1,3\n"))
    assert done.changed and done.backup == tmp_path / "decisions.csv.bak"
    assert done.backup.read_text() == "a,b\n1,2\n" and target.read_text() == "a,b\n1,3\n"
    assert oct(target.stat().st_mode & 0o777) == oct(0o666 & ~_umask())  # as atomic_write leaves a file


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@pytest.mark.parametrize("named", ["nothing", "the temporary file"])
def test_a_full_disk_while_writing_names_the_users_file_and_changes_nothing(named, tmp_path):
    """The temporary file is made (a full disk still has inodes), then writing it fails: as the writer's own atomic
    write names the path it was given (the temporary file), or as a full disk names no file at all."""
    from impact._io import write_if_changed

    target = tmp_path / "proj.qdc"
    target.write_text("the user's codebook")
    before = snapshot(tmp_path)

    def full(path):
        with open(path, "w") as f:
            f.write("half")
        raise OSError(errno.ENOSPC, "No space left on device", *([str(path)] if named != "nothing" else []))

    with pytest.raises(OSError) as info:
        write_if_changed(target, full)
    assert info.value.errno == errno.ENOSPC and info.value.filename == str(target)
    assert snapshot(tmp_path) == before  # the previous file as it was, no backup, no temporary file left


def test_a_failure_after_the_write_puts_the_previous_file_back(tmp_path):
    from impact._io import rolled_back_on_failure, write_if_changed

    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text("old a")
    with pytest.raises(OSError), rolled_back_on_failure() as changes:
        assert write_if_changed(first, _text("new a"), changes).changed
        write_if_changed(second, _text("new b"), changes)
        raise OSError(errno.ENOSPC, "No space left on device")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv"] and first.read_text() == "old a"


def test_the_temporary_file_ends_as_the_file_does_so_a_writer_may_choose_the_format_by_it(tmp_path):
    import pandas as pd

    from impact._io import write_if_changed
    from impact._tabular import write_table

    book = tmp_path / "decisions.xlsx"
    write_if_changed(book, lambda p: write_table(pd.DataFrame({"a": [1]}), p))
    assert book.read_bytes()[:2] == b"PK"  # a workbook, not a CSV named .xlsx


# --------------------------------------------------------------------------- 2. export-qdpx
@pytest.fixture(scope="module")
def exported(_tiny_study_folder, tmp_path_factory):
    """The tiny study exported once; each test copies the folder."""
    from impact.cli import main

    folder = tmp_path_factory.mktemp("exchange")
    assert main(["export-qdpx", str(_tiny_study_folder), str(folder / "proj.qdpx")]) == 0
    return folder


def _copy(folder, tmp_path):
    import shutil

    return shutil.copytree(folder, tmp_path / "exchange")


def test_export_qdpx_again_makes_no_backup_of_unchanged_codebook_files(exported, _tiny_study_folder, tmp_path,
                                                                       capsys):
    from impact.cli import main

    folder = _copy(exported, tmp_path)
    before = snapshot(folder)
    capsys.readouterr()
    assert main(["export-qdpx", str(_tiny_study_folder), str(folder / "proj.qdpx"), "--overwrite"]) == 0
    assert sorted(p.name for p in folder.iterdir()) == ["proj.codebook.csv", "proj.qdc", "proj.qdpx"]
    assert {k: v for k, v in snapshot(folder).items() if k != "proj.qdpx"} == \
        {k: v for k, v in before.items() if k != "proj.qdpx"}
    assert "proj.qdc and proj.codebook.csv unchanged" in capsys.readouterr().out
    # written one at a time now, the two are what ``write_qdc`` writes together
    from impact.qdpx import read_qdc, write_qdc

    again = write_qdc(read_qdc(folder / "proj.qdc"), tmp_path / "proj.qdc")
    assert again.read_bytes() == (folder / "proj.qdc").read_bytes()
    assert (tmp_path / "proj.codebook.csv").read_bytes() == (folder / "proj.codebook.csv").read_bytes()


@pytest.mark.parametrize("edited", ["proj.codebook.csv", "proj.qdc"])
def test_export_qdpx_backs_up_exactly_the_codebook_file_that_changed(edited, exported, _tiny_study_folder, tmp_path,
                                                                     capsys):
    from impact.cli import main

    folder = _copy(exported, tmp_path)
    other = ({"proj.codebook.csv", "proj.qdc"} - {edited}).pop()
    written, kept = (folder / edited).read_bytes(), (folder / other).read_bytes()
    users = written.replace(b"Increased commitment", b"Greater commitment", 1)  # the user renamed one code in that file
    assert users != written
    (folder / edited).write_bytes(users)
    capsys.readouterr()
    assert main(["export-qdpx", str(_tiny_study_folder), str(folder / "proj.qdpx"), "--overwrite"]) == 0
    assert sorted(p.name for p in folder.iterdir()) == sorted([edited, f"{edited}.bak", other, "proj.qdpx"])
    assert (folder / f"{edited}.bak").read_bytes() == users  # the user's edit kept
    assert (folder / edited).read_bytes() == written and (folder / other).read_bytes() == kept
    assert f"existing {edited} moved to {edited}.bak" in capsys.readouterr().out


def test_import_qdpx_on_a_full_disk_names_the_users_file(exported, tmp_path, capsys, monkeypatch):
    from impact.cli import main

    used = tmp_path / "imported"
    assert main(["import-qdpx", str(exported / "proj.qdpx"), str(used)]) == 0
    (used / "cases.csv").write_text("the user's cases\n")  # so that a new cases.csv is written
    before = snapshot(tmp_path)
    real = tempfile.mkstemp

    def mkstemp(*args, prefix=None, **kwargs):
        if prefix == ".cases.csv.":  # the temporary file beside cases.csv cannot be made
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(*args, prefix=prefix, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    capsys.readouterr()
    assert main(["import-qdpx", str(exported / "proj.qdpx"), str(used)]) == 2
    err = capsys.readouterr().err
    assert f"{used / 'cases.csv'}: the disk is full" in err and "Traceback" not in err, err
    assert snapshot(tmp_path) == before


# --------------------------------------------------------------------------- 3. warnings
def test_importing_impact_leaves_pythons_form_of_warnings_alone():
    code = ("import warnings; before = warnings.formatwarning; import impact, impact.cli, impact.errors; "
            "print(warnings.formatwarning is before)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "True"


def test_show_warnings_plainly_for_impacts_warnings_only_and_undone():
    import impact
    from impact.cli import main

    before = warnings.formatwarning
    try:
        impact.show_warnings_plainly()
        impact.show_warnings_plainly()  # twice is once
        shown = warnings.formatwarning("council 302 has no interview", impact.AttritionWarning, "/tmp/ipykernel_1/2.py",
                                       4, "warnings.warn(...)")
        assert shown == "AttritionWarning: council 302 has no interview\n"
        assert warnings.formatwarning("x", UserWarning, "/tmp/a.py", 3, "src") == before("x", UserWarning, "/tmp/a.py",
                                                                                         3, "src")
        impact.show_warnings_plainly(False)
        assert warnings.formatwarning is before
        assert main(["--version"]) == 0
        assert warnings.formatwarning is before  # the command line puts the caller's form back
    finally:
        warnings.formatwarning = before


def test_each_notebook_shows_impacts_warnings_plainly():
    import json
    from pathlib import Path

    import impact

    for nb in sorted((Path(impact.__file__).parents[1] / "notebooks").glob("*.ipynb")):
        cells = [c for c in json.loads(nb.read_text())["cells"] if c["cell_type"] == "code"]
        assert "impact.show_warnings_plainly()" in "".join(cells[0]["source"]), nb.name


def test_import_qdpx_on_a_really_full_disk_names_the_users_file(small_disk, exported, capsys):  # noqa: F811
    """A real full disk (a tmpfs, as root): the temporary file is made, writing it fails (the previous head named the
    temporary file, `.codings.csv.<random>.new.csv`)."""
    import re

    from impact.cli import main

    disk = small_disk("1m")
    used = disk / "imported"
    assert main(["import-qdpx", str(exported / "proj.qdpx"), str(used)]) == 0
    for f in used.iterdir():
        if f.is_file() and not f.name.startswith("."):
            f.write_text("the user's")  # so that each must be rewritten
    _fill(disk)
    before = snapshot(disk)
    capsys.readouterr()
    assert main(["import-qdpx", str(exported / "proj.qdpx"), str(used)]) == 2
    err = capsys.readouterr().err
    named = re.search(rf"{re.escape(str(used))}/(\S+): the disk is full", err)
    assert named and f"imported/{named.group(1)}" in before and "Traceback" not in err, err
    assert snapshot(disk) == before

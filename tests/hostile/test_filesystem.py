"""The file system fights back: full disks, read-only folders, permissions, races and unusual paths.

Each test states the promise it checks: one clear message naming the file (exit 2, no traceback), the
previous output byte-identical, no staging folder, temporary file or lock left behind, nothing of the
user's deleted.  Tests that need a small or read-only file system mount a tmpfs and skip, saying why,
where mounting is not permitted (not root); the others simulate the failing call and run everywhere.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from impact import _io
from impact._io import staged_directory
from impact.errors import InputError

from ._util import cli, cli_here, refused, snapshot


def _mount_tmpfs(where: Path, size: str) -> None:
    if os.geteuid() != 0:
        pytest.skip("mounting a small file system needs root")
    where.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True,
                          text=True, check=False)
    if proc.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {proc.stderr.strip()}")


@pytest.fixture
def small_disk(tmp_path):
    """A function mounting a tmpfs of the size given at ``tmp_path/disk``; unmounted after the test."""
    where = tmp_path / "disk"
    mounted = []

    def mount(size: str = "1m") -> Path:
        _mount_tmpfs(where, size)
        mounted.append(where)
        return where

    yield mount
    for path in mounted:
        if subprocess.run(["umount", str(path)], capture_output=True, check=False).returncode != 0:
            subprocess.run(["umount", "--lazy", str(path)], check=False)  # still open in this process


def _fill(disk: Path, *, leave: int = 0) -> None:
    """Fill ``disk`` to the last byte, then free ``leave`` bytes."""
    filler = disk / "filler"
    with contextlib.suppress(OSError), open(filler, "wb") as f:
        while True:
            f.write(b"\0" * 65536)
            f.flush()
    os.truncate(filler, max(filler.stat().st_size - leave, 0))


@pytest.fixture
def study_dir(tiny_study, tmp_path):
    path = tmp_path / "work" / "study"
    tiny_study.save(path)
    return path


# --------------------------------------------------------------------------- a full disk
def test_full_disk_in_an_output_folder_names_the_file_and_leaves_the_previous_folder(small_disk):
    disk = small_disk("1m")
    out = disk / "out"
    with staged_directory(out) as d:
        (d / "report.html").write_text("previous")
    _fill(disk, leave=64 * 1024)  # room for the lock and the staging folder, not for the new tables
    before = snapshot(disk)
    with pytest.raises(OSError) as info:
        with staged_directory(out) as d:
            _io.atomic_write_bytes(d / "tables" / "big.csv", b"x" * 200_000)
    assert info.value.errno == errno.ENOSPC
    assert info.value.filename == str(out / "tables" / "big.csv")  # the file, in the folder the user named
    assert snapshot(disk) == before  # the previous folder byte-identical; no staging folder, no lock left
    (disk / "filler").unlink()
    with staged_directory(out) as d:  # with space again, the next run succeeds
        (d / "report.html").write_text("next")
    assert (out / "report.html").read_text() == "next"


def test_no_lock_is_left_when_the_disk_is_too_full_to_write_it(small_disk):
    disk = small_disk("1m")
    out = disk / "out"
    with staged_directory(out) as d:
        (d / "a.txt").write_text("previous")
    _fill(disk)
    before = snapshot(disk)
    with pytest.raises(OSError) as info:
        with staged_directory(out):
            pass
    assert info.value.errno == errno.ENOSPC and info.value.filename is not None
    assert snapshot(disk) == before  # no .out.lock


def test_lock_file_is_removed_when_its_process_id_cannot_be_written(tmp_path, monkeypatch):
    """The same without a small disk: writing the process id into the lock fails as on a full disk."""
    def full(fd, data, offset):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(_io.os, "pwrite", full)
    with pytest.raises(OSError, match="No space left") as info:
        with staged_directory(tmp_path / "out"):
            pass
    assert info.value.filename == str(tmp_path / ".out.lock")
    assert list(tmp_path.iterdir()) == []


def test_a_write_failing_without_a_file_name_is_named_after_the_output(tmp_path):
    """A full disk raises OSError naming no file; the message must still say which file failed."""
    out = tmp_path / "out"

    class Full:
        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OSError) as info:
        with staged_directory(out) as d:
            with _io.atomic_write(d / "figures" / "trend.png", "wb") as f:
                Full().write(f)
    assert info.value.filename == str(out / "figures" / "trend.png")
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(OSError) as info:
        with _io.atomic_write(tmp_path / "coded.csv", "w"):
            raise OSError(errno.ENOSPC, "No space left on device")
    assert info.value.filename == str(tmp_path / "coded.csv")
    assert list(tmp_path.iterdir()) == []


def test_cli_on_a_full_disk_names_the_file_and_keeps_the_previous_one(small_disk, study_dir, tmp_path):
    disk = small_disk("1m")
    out = disk / "coded.csv"
    # `impact code` in this process (the message and the disk are the check; a child added 3 s of imports each time)
    assert cli_here("code", str(study_dir), "--out", str(out), cwd=tmp_path).returncode == 0
    _fill(disk)
    before = snapshot(disk)
    proc = cli_here("code", str(study_dir), "--out", str(out), "--speakers", "all", "--overwrite", cwd=tmp_path)
    refused(proc, f"{out}: the disk is full")
    assert snapshot(disk) == before


# --------------------------------------------------------------------------- commands writing several files
@pytest.fixture
def disk_full_at(monkeypatch):
    """A function: from now on, writing a file of the name given fails as on a full disk (the others are written)."""
    import tempfile

    real = tempfile.mkstemp

    def arm(name: str) -> None:
        def mkstemp(*args, prefix=None, **kwargs):
            if prefix == f".{name}.":  # impact._io.atomic_write's temporary file for it
                raise OSError(errno.ENOSPC, "No space left on device")
            return real(*args, prefix=prefix, **kwargs)

        monkeypatch.setattr(tempfile, "mkstemp", mkstemp)

    return arm


def _no_traceback_exit_2(capsys, needle: str) -> None:
    err = capsys.readouterr().err
    assert "Traceback" not in err and needle in err, err


def test_review_import_that_cannot_write_puts_the_previous_file_back(study_dir, tmp_path, capsys, disk_full_at):
    import pandas as pd
    from openpyxl import load_workbook

    from impact.cli import main
    from impact.coding.segment import segment
    from impact.study import load_study

    seg = segment(load_study(study_dir))
    coded = tmp_path / "bot.csv"
    pd.DataFrame({"unit": seg["segment_id"][:3], "code": "morale", "score": 0.5}).to_csv(coded, index=False)
    xlsx = tmp_path / "review.xlsx"
    assert main(["review", "export", str(study_dir), "--coded", str(coded), "--out", str(xlsx), "--reviewer", "ann"]) == 0
    wb = load_workbook(xlsx)
    ws = wb["review"]
    col = [c.value for c in ws[1]].index("decision") + 1
    for r in range(2, ws.max_row + 1):
        ws.cell(row=r, column=col, value="accept")
    wb.save(xlsx)
    out = tmp_path / "decisions" / "decisions.csv"
    out.parent.mkdir()
    out.write_text("precious human codings\n")
    disk_full_at("decisions.csv")
    capsys.readouterr()
    assert main(["review", "import", str(xlsx), "--out", str(out)]) == 2
    _no_traceback_exit_2(capsys, f"{out}: the disk is full")
    assert [p.name for p in out.parent.iterdir()] == ["decisions.csv"]  # no .bak: the previous file is back
    assert out.read_text() == "precious human codings\n"


@pytest.mark.parametrize("fails", ["proj.qdc", "proj.codebook.csv", "proj.qdpx"])
def test_export_qdpx_that_cannot_write_keeps_the_previous_project_and_codebook(fails, study_dir, tmp_path, capsys,
                                                                               disk_full_at):
    from impact.cli import main

    folder = tmp_path / "exchange"
    folder.mkdir()
    project = folder / "proj.qdpx"
    assert main(["export-qdpx", str(study_dir), str(project)]) == 0
    assert sorted(p.name for p in folder.iterdir()) == ["proj.codebook.csv", "proj.qdc", "proj.qdpx"]
    before = snapshot(folder)
    disk_full_at(fails)
    capsys.readouterr()
    assert main(["export-qdpx", str(study_dir), str(project), "--positions", "utf16", "--overwrite"]) == 2
    _no_traceback_exit_2(capsys, f"{folder / fails}: the disk is full")
    assert snapshot(folder) == before  # no new codebook beside the old project, no .bak


@pytest.mark.parametrize("fails", ["codebook.yaml", "cases.csv", "report.txt"])
def test_import_qdpx_that_cannot_write_leaves_the_folder_as_it_was(fails, study_dir, tmp_path, capsys, disk_full_at):
    from impact.cli import main

    project = tmp_path / "proj.qdpx"
    assert main(["export-qdpx", str(study_dir), str(project)]) == 0
    new, used = tmp_path / "new" / "imported", tmp_path / "imported"
    assert main(["import-qdpx", str(project), str(used)]) == 0
    (used / "my-notes.txt").write_text("the user's")
    before = snapshot(tmp_path)
    disk_full_at(fails)
    capsys.readouterr()
    assert main(["import-qdpx", str(project), str(used)]) == 2
    _no_traceback_exit_2(capsys, "the disk is full")
    assert main(["import-qdpx", str(project), str(new)]) == 2
    assert snapshot(tmp_path) == before  # the used folder as it was (no .bak, no new file), no new folder


# --------------------------------------------------------------------------- two first runs at once
def test_two_first_runs_agree_on_one_pseudonym_key(tmp_path, monkeypatch):
    """Two runs with no key yet both make one: the second must use the first's, or their reports' pseudonyms differ.

    The race is forced: just as this run makes its key, another run's key appears at the path.
    """
    from impact.privacy import _pseudonym
    from impact.privacy._pseudonym import resolve_key

    path = tmp_path / "config" / "impact" / "pseudonym.key"
    monkeypatch.setenv("IMPACT_PSEUDONYM_KEY_FILE", str(path))
    monkeypatch.delenv("IMPACT_PSEUDONYM_KEY", raising=False)
    theirs = b"f" * 64
    real = _pseudonym.secrets.token_hex

    def token_hex(n):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(theirs + b"\n")  # the other run was quicker
        return real(n)

    monkeypatch.setattr(_pseudonym.secrets, "token_hex", token_hex)
    assert resolve_key() == theirs
    assert path.read_bytes() == theirs + b"\n"
    assert sorted(p.name for p in path.parent.iterdir()) == ["pseudonym.key"]  # no temporary file left


def test_two_first_runs_agree_on_one_cache_signing_key(tmp_path, monkeypatch):
    from impact import _cache

    monkeypatch.setenv("IMPACT_CONFIG_DIR", str(tmp_path / "config"))
    theirs = bytes(range(32))
    real = _cache.secrets.token_bytes

    def token_bytes(n):
        _cache._write_private(tmp_path / "config" / "cache-signing.key", theirs.hex().encode() + b"\n")
        return real(n)

    monkeypatch.setattr(_cache.secrets, "token_bytes", token_bytes)
    assert _cache._signing_key() == theirs
    assert sorted(p.name for p in (tmp_path / "config").iterdir()) == ["cache-signing.key"]


def test_concurrent_first_runs_share_the_keys(tmp_path):
    """The same with real processes started together (the race is not forced: this passes by luck on old code)."""
    import sys
    import time

    code = ("import sys, time\nfrom impact.privacy import resolve_key\nfrom impact._cache import _signing_key\n"
            "start = float(sys.argv[1])\nwhile time.time() < start: pass\n"
            "print(resolve_key().decode(), _signing_key().hex())")
    env = {**os.environ, "IMPACT_PSEUDONYM_KEY_FILE": str(tmp_path / "pseudonym.key"),
           "IMPACT_CONFIG_DIR": str(tmp_path / "config")}
    env.pop("IMPACT_PSEUDONYM_KEY", None)
    start = str(time.time() + 3)
    procs = [subprocess.Popen([sys.executable, "-c", code, start], env=env, stdout=subprocess.PIPE, text=True)
             for _ in range(4)]
    outs = {p.communicate(timeout=120)[0] for p in procs}
    assert all(p.returncode == 0 for p in procs)
    assert len(outs) == 1, outs


# --------------------------------------------------------------------------- read-only and unwritable folders
@pytest.fixture
def read_only(small_disk):
    """A function: a tmpfs holding what ``fill(folder)`` put there, then remounted read-only."""
    def make(fill=lambda folder: None) -> Path:
        disk = small_disk("4m")
        fill(disk)
        proc = subprocess.run(["mount", "-o", "remount,ro", str(disk)], capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            pytest.skip(f"cannot remount read-only: {proc.stderr.strip()}")
        return disk

    return make


def test_run_refuses_a_read_only_out_before_the_work(read_only, study_dir, tmp_path):
    disk = read_only()
    for out, folder in ((disk / "report", disk), (disk / "a" / "b" / "report", disk)):
        proc = cli_here("run", str(study_dir), "--out", str(out), "--resamples", "99", cwd=tmp_path,
                        env={"IMPACT_CACHE_DIR": str(tmp_path / "cache")})
        refused(proc, f"{out}: cannot write in {folder} (the file system is read-only)")
        assert not (tmp_path / "cache").exists()  # refused before the analysis: nothing segmented or cached
    proc = cli_here("code", str(study_dir), "--out", str(disk / "coded.csv"), cwd=tmp_path)
    refused(proc, f"{disk / 'coded.csv'}: cannot write in {disk} (the file system is read-only)")


def test_validate_and_code_read_a_study_on_a_read_only_disk(read_only, tiny_study, tmp_path):
    disk = read_only(lambda folder: tiny_study.save(folder / "study"))
    proc = cli_here("validate", str(disk / "study"), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    proc = cli_here("code", str(disk / "study"), "--out", str(tmp_path / "coded.csv"), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "coded.csv").is_file()


def test_unwritable_folder_is_named_with_the_reason(tmp_path, monkeypatch):
    """Without root: the permission check itself, as an unprivileged user meets it."""
    monkeypatch.setattr(_io.os, "access", lambda path, mode, **kw: Path(path) != tmp_path)
    cannot = f"cannot write in {tmp_path} (permission denied)"
    assert _io.unwritable(tmp_path / "new" / "deeper") == cannot
    with pytest.raises(_io.OutputFolderError, match=re.escape(cannot)):
        _io.check_output_folder(tmp_path / "out")
    from impact.cli._options import check_output_file

    with pytest.raises(InputError, match=re.escape(cannot)):
        check_output_file(tmp_path / "coded.csv")


# --------------------------------------------------------------------------- unusual paths
def test_a_mount_point_as_out_is_refused_before_the_work(small_disk, study_dir, tmp_path):
    disk = small_disk("1m")
    proc = cli_here("run", str(study_dir), "--out", str(disk), "--resamples", "99", cwd=tmp_path,
                    env={"IMPACT_CACHE_DIR": str(tmp_path / "cache")})
    refused(proc, f"{disk}: is the top folder of a mounted disk", str(disk / "impact-report"))
    assert not (tmp_path / "cache").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["disk", "work"]  # no re-identification key beside it


def test_a_key_made_for_outputs_that_are_not_published_is_removed(study_dir, tmp_path, monkeypatch):
    from impact.pipeline import run

    def busy(staging, target):
        raise OSError(errno.EBUSY, "Device or resource busy", str(target))

    monkeypatch.setattr(_io, "publish_directory", busy)
    with pytest.raises(OSError, match="busy"):
        run(study_dir, out_dir=tmp_path / "out", n_resamples=99, key_file=_key_file(tmp_path))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["key", "work"]  # no out, no out-reidentification-key.csv


def _key_file(tmp_path: Path) -> Path:
    path = tmp_path / "key"
    path.write_text("a pseudonym key of more than sixteen characters\n")
    return path


@pytest.mark.parametrize("length", [200, 240, 255])
def test_output_folders_and_files_with_names_near_the_limit(length, tmp_path):
    """Impact's temporary files, staging folders and locks are named after the output: they must still fit."""
    name = "n" * (length - 120) + "é" * 60  # the limit is in bytes: é is two in UTF-8
    assert len(name.encode()) == length
    out = tmp_path / name
    for run in range(2):  # a new folder, then replacing it
        with staged_directory(out) as d:
            _io.atomic_write_text(d / "report.html", f"run {run}")
    assert (out / "report.html").read_text() == "run 1"
    _io.atomic_write_text(tmp_path / "files" / name, "text")
    (tmp_path / "keys").mkdir()
    assert _io.write_private(tmp_path / "keys" / name, b"k", exclusive=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([name, "files", "keys"])


def test_run_refuses_a_name_too_long_for_its_key_before_the_work(study_dir, tmp_path):
    out = tmp_path / ("n" * 240)
    proc = cli_here("run", str(study_dir), "--out", str(out), "--resamples", "99", cwd=tmp_path,
                    env={"IMPACT_CACHE_DIR": str(tmp_path / "cache")})
    refused(proc, "the output folder's name is too long for the re-identification key", "at most 230 bytes",
            "--identify")
    assert not (tmp_path / "cache").exists()


def test_stale_staging_of_a_folder_named_like_a_pattern(tmp_path):
    """Folder names are not glob patterns: out[12]'s stale staging is found, out1's is not touched."""
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True,
                          check=True)
    mine, other = tmp_path / f".out[12].staging-{dead.stdout.strip()}-a", tmp_path / f".out1.staging-{dead.stdout.strip()}-b"
    for folder in (mine, other):
        folder.mkdir()
        (folder / ".impact-staging").write_text("made by impact\n")
    with staged_directory(tmp_path / "out[12]") as d:
        (d / "a.txt").write_text("a")
    assert not mine.exists() and other.is_dir()


# --------------------------------------------------------------------------- unwritable home, cache and config folders
def test_a_pseudonym_key_that_cannot_be_made_says_what_to_do(tmp_path, monkeypatch):
    from impact.privacy import resolve_key

    (tmp_path / "home").write_text("a file where the config folder would be")
    monkeypatch.setenv("IMPACT_PSEUDONYM_KEY_FILE", str(tmp_path / "home" / "impact" / "pseudonym.key"))
    monkeypatch.delenv("IMPACT_PSEUDONYM_KEY", raising=False)
    with pytest.raises(InputError, match=r"pseudonym.key: the pseudonym key cannot be made here .* --key-file FILE\), "
                                         r"set IMPACT_PSEUDONYM_KEY"):
        resolve_key()


def test_run_with_a_read_only_home_refuses_at_once_or_works_with_a_key(read_only, study_dir, tmp_path):
    home = read_only()
    env = {"HOME": str(home), "XDG_CONFIG_HOME": "", "XDG_CACHE_HOME": "", "IMPACT_CACHE_DIR": "",
           "IMPACT_CONFIG_DIR": "", "IMPACT_PSEUDONYM_KEY_FILE": "", "MPLCONFIGDIR": str(tmp_path / "mpl")}
    # the refusal in this process (the key's place is read from the environment when the run asks for it); the run
    # that works in a child of its own, which starts with the read-only home (matplotlib's and the cache's folders)
    proc = cli_here("run", str(study_dir), "--out", str(tmp_path / "out"), "--resamples", "99", cwd=tmp_path,
                    env={**env, "IMPACT_PSEUDONYM_KEY": ""})
    refused(proc, "the pseudonym key cannot be made here", "--key-file")
    proc = cli("run", str(study_dir), "--out", str(tmp_path / "out"), "--resamples", "99", "-q", cwd=tmp_path,
               env={**env, "IMPACT_PSEUDONYM_KEY": "a pseudonym key of more than sixteen characters"}, timeout=300)
    assert proc.returncode == 0, proc.stderr
    # (matplotlib, building its font cache in the fresh MPLCONFIGDIR for over 5 s under load, says so on stderr too:
    # "Matplotlib is building the font cache", which is not the run's warning)
    warned = [line for line in proc.stderr.splitlines() if "cache" in line and not line.startswith("Matplotlib ")]
    assert len(warned) == 1 and str(home / ".cache" / "impact") in warned[0], proc.stderr  # once, naming the folder
    assert (tmp_path / "out" / "report.html").is_file()
    # the release history beside the key cannot be kept: said once, naming its folder, and nothing recorded
    kept = [line for line in proc.stderr.splitlines() if "no release history can be kept" in line]
    assert len(kept) == 1 and str(home / ".config" / "impact") in kept[0], proc.stderr
    assert not list(home.rglob("release-history-*.json"))


def test_a_release_history_named_on_a_read_only_disk_is_refused_before_the_work(read_only, study_dir, tmp_path):
    disk = read_only()
    history = disk / "history.json"
    proc = cli_here("run", str(study_dir), "--out", str(tmp_path / "out"), "--resamples", "99",
                    "--release-history", str(history), cwd=tmp_path,
                    env={"IMPACT_CACHE_DIR": str(tmp_path / "cache"), "IMPACT_PSEUDONYM_KEY": "k" * 32})
    refused(proc, f"{history}: the release history cannot be kept here: cannot write in {disk} (the file system is "
                  "read-only")
    assert not (tmp_path / "cache").exists() and not (tmp_path / "out").exists()  # before the analysis


def test_a_cache_that_cannot_store_says_so_once_naming_its_folder(tmp_path, monkeypatch, caplog):
    import logging

    import pandas as pd

    from impact import _cache

    def read_only(path, data, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system", str(path))

    cache = _cache.Cache(tmp_path / "cache")
    assert cache._ready()  # its folder and signing key made; then the disk turns read-only
    monkeypatch.setattr(_cache, "write_private", read_only)
    with caplog.at_level(logging.WARNING, logger="impact"):
        for key in ("a", "b", "c"):
            assert cache.get_or_compute("segments", key, lambda: pd.DataFrame({"x": [1]})).shape == (1, 1)
    assert len(caplog.records) == 1
    assert f"cannot store entries in {tmp_path / 'cache'} (Read-only file system" in caplog.records[0].getMessage()


def test_an_unusable_cache_folder_is_one_warning_naming_it(tmp_path, caplog):
    import logging

    from impact import _cache

    (tmp_path / "cache").write_text("a file, not a folder")
    cache = _cache.Cache(tmp_path / "cache")
    with caplog.at_level(logging.WARNING, logger="impact"), pytest.warns(_cache.CacheWarning) as warned:
        assert cache.get("segments", "a") is None
    assert len(warned) == 1 and f"the cache folder {tmp_path / 'cache'} cannot be used" in str(warned[0].message)
    assert caplog.records == []  # the warning alone: the command line does not show it twice


# --------------------------------------------------------------------------- file names that are not text
def test_a_study_folder_name_that_is_not_utf8_is_printed_without_a_traceback(tiny_study, tmp_path):
    name = os.fsdecode(b"stud\xe9")  # Latin-1 bytes: an old archive, a Windows share
    tiny_study.save(tmp_path / name)
    for encoding in ("utf-8", "ascii"):  # a strict terminal encoding (a UTF-8 locale; an old one)
        proc = subprocess.run([sys.executable, "-m", "impact", "validate", os.fsencode(tmp_path / name)],
                              capture_output=True, cwd=tmp_path, check=False,
                              env={**os.environ, "PYTHONIOENCODING": encoding})
        assert b"Traceback" not in proc.stderr, proc.stderr.decode(errors="replace")
        assert proc.returncode == 0 and b"stud\xe9: valid" in proc.stdout
        proc = subprocess.run([sys.executable, "-m", "impact", "validate", os.fsencode(tmp_path / "n\u00f6 \u65e5")],
                              capture_output=True, cwd=tmp_path, check=False,
                              env={**os.environ, "PYTHONIOENCODING": encoding})
        assert proc.returncode == 2 and b"Traceback" not in proc.stderr, proc.stderr.decode(errors="replace")


def test_a_failed_demo_leaves_no_folders_behind(tmp_path, monkeypatch, capsys):
    """The folders above --out are the run's to make only when it publishes: a refused run leaves none."""
    from impact.cli import main

    monkeypatch.chdir(tmp_path)
    assert main(["demo", "--out", "fresh/sub/demo", "--docx-template", "missing.docx", "--resamples", "99"]) == 2
    assert "Word template not found" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


# --------------------------------------------------------------------------- two commands into one folder at once
def test_a_refusal_while_publishing_is_passed_on_unchanged(tmp_path):
    """A check that refuses with an error of its own (no errno) is not turned into a file-system error."""
    def check(target):
        if (tmp_path / "arrived").exists():
            raise FileExistsError(f"{target} already holds a study")

    with pytest.raises(FileExistsError, match="already holds a study") as info:
        with staged_directory(tmp_path / "study", check=check):
            (tmp_path / "arrived").write_text("another run published meanwhile")
    assert info.value.errno is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["arrived"]


def test_two_synth_into_one_folder_at_once_one_wins_the_other_is_told(tmp_path):
    import time

    args = [sys.executable, "-m", "impact", "synth", "--councils", "4", "--interviews-per-wave", "1",
            "--words-per-interview", "60", "--out", str(tmp_path / "study")]
    start = time.time() + 3
    wait = f"import time\nwhile time.time() < {start}: pass\n"
    procs = [subprocess.Popen([sys.executable, "-c", wait + "import runpy, sys\nsys.argv = sys.argv[1:]\n"
                               "runpy.run_module('impact', run_name='__main__')", *args[2:], "--seed", str(seed)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path)
             for seed in (1, 2)]
    results = [(p.wait(120), *p.communicate()) for p in procs]
    assert sorted(r[0] for r in results) == [0, 2], results
    loser = next(r for r in results if r[0] == 2)
    assert "already holds a study" in loser[2] and "Traceback" not in loser[2], loser[2]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["study"]  # no staging folder, no lock left


def _deep(root: Path, length: int) -> Path:
    """A folder under ``root`` whose path is ``length`` bytes long (made)."""
    path = root
    while len(os.fsencode(str(path))) < length - 201:
        path = path / ("d" * 200)
    path = path / ("e" * (length - len(os.fsencode(str(path))) - 1))
    path.mkdir(parents=True)
    assert len(os.fsencode(str(path))) == length
    return path


def test_an_out_path_too_long_for_the_files_in_it_is_refused_before_the_work(study_dir, tmp_path):
    deep = _deep(tmp_path, 4000)
    proc = cli_here("run", str(study_dir), "--out", str(deep / "o"), "--resamples", "99", "--identify", cwd=tmp_path,
                    env={"IMPACT_CACHE_DIR": str(tmp_path / "cache")})
    refused(proc, "the path is 4,002 bytes long and impact writes files up to")
    assert not (tmp_path / "cache").exists() and list(deep.iterdir()) == []
    shallower = _deep(tmp_path / "b", 3800)  # deep, but with room for what is written in it
    with staged_directory(shallower / "o") as d:
        _io.atomic_write_text(d / "tables" / "process_by_realisation.csv", "x\n")
    assert (shallower / "o" / "tables" / "process_by_realisation.csv").is_file()


# --------------------------------------------------------------------------- previous outputs made read-only
def test_read_only_previous_outputs_are_refused_not_half_removed(tmp_path, monkeypatch):
    out = tmp_path / "out"
    with staged_directory(out) as d:
        (d / "tables").mkdir()
        (d / "tables" / "a.csv").write_text("x\n")
    real = os.access
    monkeypatch.setattr(_io.os, "access", lambda p, mode, **kw: Path(p) != out / "tables" and real(p, mode, **kw))
    before = snapshot(tmp_path)
    with pytest.raises(_io.OutputFolderError, match=r"the previous outputs are read-only \(tables/\)"):
        with staged_directory(out) as d:
            (d / "report.html").write_text("new")
    assert snapshot(tmp_path) == before


_AS_NOBODY = """
import sys
from impact._io import OutputFolderError, staged_directory
try:
    with staged_directory(sys.argv[1]) as d:
        (d / "report.html").write_text("new")
except OutputFolderError as exc:
    print(exc, file=sys.stderr)
    sys.exit(2)
"""


def test_read_only_previous_outputs_of_an_unprivileged_user():
    """The same as the user it happens to (root may delete anything): setpriv to nobody."""
    import shutil
    import tempfile

    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("running as another user needs root and setpriv")
    as_nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-c"]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    probe = subprocess.run([*as_nobody, "import impact._io"], capture_output=True, text=True, env=env, check=False)
    if probe.returncode != 0:
        pytest.skip(f"nobody cannot run this Python and impact: {probe.stderr.strip()[-200:]}")
    folder = Path(tempfile.mkdtemp(prefix="impact-nobody-"))  # outside pytest's folder, which only root may enter
    try:
        folder.chmod(0o755)
        out = folder / "out"
        with staged_directory(out) as d:
            (d / "tables").mkdir()
            (d / "tables" / "a.csv").write_text("x\n")
        for p in (folder, *folder.rglob("*")):
            os.chown(p, 65534, 65534)
        (out / "tables").chmod(0o555)
        before = snapshot(folder)
        proc = subprocess.run([*as_nobody, _AS_NOBODY, str(out)], capture_output=True, text=True, env=env, check=False)
        assert proc.returncode == 2, proc.stderr
        assert "the previous outputs are read-only (tables/)" in proc.stderr
        assert snapshot(folder) == before  # replaced by nothing, no half-emptied copy beside it
    finally:
        for p in folder.rglob("*"):
            if p.is_dir():
                p.chmod(0o755)
        shutil.rmtree(folder)


def test_a_signing_key_that_cannot_be_made_names_its_folder_not_the_cache(tmp_path, monkeypatch):
    from impact import _cache

    (tmp_path / "home").write_text("a file where the config folder would be")
    monkeypatch.setenv("IMPACT_CONFIG_DIR", str(tmp_path / "home" / "impact"))
    with pytest.warns(_cache.CacheWarning) as warned:
        assert _cache.Cache(tmp_path / "cache").get("segments", "a") is None
    message = str(warned[0].message)
    assert f"the cache's signing key in {tmp_path / 'home' / 'impact'} cannot be made" in message, message
    assert "IMPACT_CONFIG_DIR" in message


# --------------------------------------------------------------------------- the command's own output
def test_standard_output_on_a_full_disk_is_named(study_dir, tmp_path, monkeypatch, capsys):
    from impact.cli import main

    class Full:
        encoding, errors = "utf-8", "strict"

        def write(self, text):
            raise OSError(errno.ENOSPC, "No space left on device")

        def flush(self):
            pass

    monkeypatch.setattr(sys, "stdout", Full())
    assert main(["validate", str(study_dir)]) == 2
    err = capsys.readouterr().err
    assert "impact validate: error: standard output: the disk is full" in err and "(a file)" not in err, err


def test_a_log_on_a_full_disk_is_named_after_the_run(small_disk, study_dir, tmp_path):
    disk = small_disk("64k")
    _fill(disk)
    with open(disk / "log.txt", "wb") as log:
        proc = subprocess.run([sys.executable, "-m", "impact", "code", str(study_dir), "--out",
                               str(tmp_path / "coded.csv")], stdout=log, stderr=subprocess.PIPE, text=True,
                              cwd=tmp_path, check=False)
    refused(proc, "standard output: the disk is full")


# --------------------------------------------------------------------------- killed while publishing
_KILLED = """
import os, shutil, sys
from pathlib import Path
from impact import _io
out, where = Path(sys.argv[1]), sys.argv[2]
calls = []
if where == "check":  # the check of the previous outputs just before they are replaced
    real_check = _io.check_output_folder
    def check(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            os._exit(9)
        return real_check(*args, **kwargs)
    _io.check_output_folder = check
elif where == "exchanged":  # the new outputs in place, the old ones not yet removed
    real_rmtree = shutil.rmtree
    def rmtree(path, *args, **kwargs):
        if ".staging-" in str(path):
            os._exit(9)
        return real_rmtree(path, *args, **kwargs)
    shutil.rmtree = rmtree
elif where == "between_renames":  # no folder exchange on this file system: the old folder moved aside, the new not in
    _io._renameat2_exchange = lambda a, b: False
    real_replace = os.replace
    def replace(src, dst):
        if ".staging-" in Path(src).name:
            os._exit(9)
        return real_replace(src, dst)
    os.replace = replace
with _io.staged_directory(out) as d:
    (d / "report.html").write_text("new")
"""


@pytest.mark.parametrize("where", ["check", "exchanged", "between_renames"])
def test_a_run_killed_while_publishing_is_tidied_up_by_the_next(where, tmp_path):
    """SIGKILL (an out-of-memory kill, a CI timeout) cannot be caught: the next run must find and finish the work."""
    out = tmp_path / "out"
    with staged_directory(out) as d:
        (d / "report.html").write_text("previous")
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True,
                          check=True).stdout.strip()
    users = tmp_path / f".out.old-{dead}"  # named like impact's, but the user's: never touched
    users.mkdir()
    (users / "notes.txt").write_text("mine")
    proc = subprocess.run([sys.executable, "-c", _KILLED, str(out), where], capture_output=True, text=True,
                          check=False)
    assert proc.returncode == 9, proc.stderr
    assert (out / "report.html").is_file() or any(p.name.startswith(".out.old-") and p != users
                                                  for p in tmp_path.iterdir())  # nothing lost
    with staged_directory(out) as d:
        (d / "report.html").write_text("next")
    assert (out / "report.html").read_text() == "next"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["out", users.name])  # all tidied, the user's kept
    assert (users / "notes.txt").read_text() == "mine"


def test_synth_refuses_a_mount_point_and_a_read_only_folder_at_once(small_disk, tmp_path):
    disk = small_disk("1m")
    args = ["synth", "--councils", "4", "--interviews-per-wave", "1", "--words-per-interview", "60"]
    refused(cli_here(*args, "--out", str(disk), cwd=tmp_path), f"{disk}: is the top folder of a mounted disk")
    assert list(disk.iterdir()) == []
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
    refused(cli_here(*args, "--out", str(disk / "study"), cwd=tmp_path),
            f"{disk / 'study'}: cannot write in {disk} (the file system is read-only)")


def test_a_busy_folder_is_explained():
    from impact.cli import describe_os_error

    message = describe_os_error(OSError(errno.EBUSY, "Device or resource busy", "/mnt/usb", 0, "/mnt/.usb.old-1"))
    assert message == "/mnt/usb -> /mnt/.usb.old-1: in use (a mount point, or open in another program) - choose another folder"

"""Output folders that cannot destroy (issue 17.1): every refusal exits 2 and leaves every file byte-identical.

Real processes: the command line in a subprocess, and two runs into one folder at once.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time

import pytest

from impact._io import (
    OUTPUT_MARKER,
    OutputFolderError,
    check_output_folder,
    read_output_manifest,
    staged_directory,
)

from ._util import cli, refused, snapshot


@pytest.fixture
def study_dir(tiny_study, tmp_path):
    path = tmp_path / "work" / "study"
    tiny_study.save(path)
    return path


@pytest.mark.parametrize("where", ["study", "parent", "unrelated", "file", "cwd", "link", "study_file"])
def test_run_refuses_destructive_out(where, study_dir, tmp_path):
    work = study_dir.parent
    docs = tmp_path / "Documents"
    docs.mkdir()
    (docs / "thesis.docx").write_bytes(b"years of work")
    (docs / "sub").mkdir()
    (docs / "sub" / "notes.txt").write_text("mine")
    (work / "existing.txt").write_text("a file")
    (tmp_path / "link").symlink_to(docs)
    out, needle = {
        "study": (str(study_dir), "the study folder"),
        "parent": (str(work), "a folder above the study folder"),
        "unrelated": (str(docs), "files impact did not write"),
        "file": (str(work / "existing.txt"), "is an existing file"),
        "cwd": (".", "the current folder"),
        "link": (str(tmp_path / "link"), "is a link"),
        "study_file": (str(study_dir / "councils.csv"), "is an existing file"),
    }[where]
    before = snapshot(tmp_path)
    proc = cli("run", str(study_dir), "--out", out, cwd=work if where == "cwd" else tmp_path, timeout=60)
    refused(proc, needle)
    assert snapshot(tmp_path) == before  # every file byte-identical, nothing added


def test_refusal_comes_before_the_work(study_dir, tmp_path):
    """A refused --out is refused at once, not after the analysis: no cache, no staging, no key written."""
    start = time.monotonic()
    proc = cli("run", str(study_dir), "--out", str(study_dir.parent), cwd=tmp_path, timeout=60,
               env={"IMPACT_CACHE_DIR": str(tmp_path / "cache")})
    refused(proc, "a folder above the study folder")
    assert time.monotonic() - start < 30
    assert not (tmp_path / "cache").exists()


def test_folder_impact_wrote_is_replaced_and_foreign_or_changed_files_refuse(tmp_path):
    out = tmp_path / "out"
    with staged_directory(out) as d:
        (d / "report.html").write_text("one")
        (d / "tables").mkdir()
        (d / "tables" / "a.csv").write_text("x\n1\n")
    manifest = read_output_manifest(out)
    assert sorted(manifest["files"]) == ["report.html", "tables/a.csv"]
    assert manifest["written_by"] == "impact"
    with staged_directory(out) as d:  # impact's own folder, unchanged: replaced
        (d / "report.html").write_text("two")
    assert (out / "report.html").read_text() == "two" and not (out / "tables").exists()

    (out / "my-notes.txt").write_text("the user's")
    before = snapshot(tmp_path)
    with pytest.raises(OutputFolderError, match=r"files impact did not write \(my-notes.txt\)"):
        with staged_directory(out) as d:
            (d / "report.html").write_text("three")
    assert snapshot(tmp_path) == before
    (out / "my-notes.txt").unlink()

    (out / "report.html").write_text("edited by hand")
    with pytest.raises(OutputFolderError, match=r"changed since impact wrote them \(report.html\)"):
        check_output_folder(out)
    (out / OUTPUT_MARKER).write_text("{not json")
    with pytest.raises(OutputFolderError, match="files impact did not write"):
        check_output_folder(out)


def test_folder_changed_during_the_run_is_not_replaced(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    before = None
    with pytest.raises(OutputFolderError, match="did not write"):
        with staged_directory(out) as d:
            (d / "report.html").write_text("new")
            (out / "arrived-meanwhile.txt").write_text("someone's")
            before = snapshot(out)
    assert snapshot(out) == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # the run's own staging removed, nothing else


def test_only_staging_of_dead_processes_is_removed(tmp_path):
    out = tmp_path / "out"
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                              text=True, check=True)
        dead_pid = int(dead.stdout)
        live = tmp_path / f".out.staging-{sleeper.pid}-abc"
        stale = tmp_path / f".out.staging-{dead_pid}-def"
        other = tmp_path / ".other.staging-1-x"
        unparsable = tmp_path / ".out.staging-xyz"
        users = tmp_path / f".out.staging-{dead_pid}-mine"  # named like a dead run's, but not made by impact
        for folder in (live, stale, other, unparsable, users):
            folder.mkdir()
            (folder / "f.txt").write_text("x")
        for folder in (live, stale):
            (folder / ".impact-staging").write_text("made by impact\n")  # impact's mark (impact._io.new_staging)
        with staged_directory(out) as d:
            (d / "a.txt").write_text("a")
        assert live.is_dir() and other.is_dir() and unparsable.is_dir()  # another live run's, another folder's
        assert users.is_dir()  # without impact's mark: never removed
        assert not stale.exists()  # its process is gone
    finally:
        sleeper.kill()
        sleeper.wait()


# A writer takes the folder's lock, writes 30 files, and holds the lock until the file ``release`` exists.
_WRITER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from impact._io import staged_directory, OutputFolderError
    out, tag, wait, release = Path(sys.argv[1]), sys.argv[2], float(sys.argv[3]), Path(sys.argv[4])
    print("starting", flush=True)
    try:
        with staged_directory(out, wait=wait) as d:
            print("locked", flush=True)
            for i in range(30):
                (d / f"file{i:02d}.txt").write_text(tag)
            deadline = time.monotonic() + 300
            while not release.exists() and time.monotonic() < deadline:
                time.sleep(0.05)
    except OutputFolderError as exc:
        print(exc, file=sys.stderr)
        sys.exit(2)
""")


def _writer(out, tag, wait, release):
    return subprocess.Popen([sys.executable, "-c", _WRITER, str(out), tag, str(wait), str(release)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_second_concurrent_run_waits_then_publishes_a_complete_folder(tmp_path):
    out, release = tmp_path / "out", tmp_path / "release"
    first = _writer(out, "first", 0, release)
    assert first.stdout.readline().strip() == "starting" and first.stdout.readline().strip() == "locked"
    second = _writer(out, "second", 600, release)
    assert second.stdout.readline().strip() == "starting"
    time.sleep(1.0)  # the second is now waiting for the lock (it cannot have it: the first holds it)
    assert second.poll() is None
    release.write_text("go")
    assert first.wait(300) == 0 and second.wait(300) == 0, second.stderr.read()
    release.unlink()
    files = sorted(p.name for p in out.iterdir())
    assert files == [OUTPUT_MARKER] + [f"file{i:02d}.txt" for i in range(30)]
    assert {(out / f).read_text() for f in files if f != OUTPUT_MARKER} == {"second"}  # one run's whole output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no staging, no lock left


def test_second_concurrent_run_that_will_not_wait_is_refused(tmp_path):
    out, release = tmp_path / "release-dir" / "out", tmp_path / "release"
    first = _writer(out, "first", 0, release)
    assert first.stdout.readline().strip() == "starting" and first.stdout.readline().strip() == "locked"
    second = _writer(out, "second", 0, release)
    assert second.wait(300) == 2
    assert f"another impact run (pid {first.pid})" in second.stderr.read()
    release.write_text("go")
    assert first.wait(300) == 0
    assert {(out / f"file{i:02d}.txt").read_text() for i in range(30)} == {"first"}


def test_two_real_runs_into_one_folder(study_dir, tmp_path):
    """Two `impact run` processes at once into one folder: both succeed, the folder is one run's complete report."""
    out = tmp_path / "out"
    env = {**os.environ, "MPLBACKEND": "Agg"}
    args = [sys.executable, "-m", "impact", "run", str(study_dir), "--out", str(out), "--resamples", "99"]
    procs = [subprocess.Popen(args, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    results = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    manifest = read_output_manifest(out)
    on_disk = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file() and p.name != OUTPUT_MARKER)
    assert on_disk == sorted(manifest["files"]) and "report.html" in on_disk and len(on_disk) > 10
    leftovers = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".out"))
    assert leftovers == []

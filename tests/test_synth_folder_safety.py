"""`impact synth` and Study.save never delete the user's files and never leave a half-written study folder."""

from __future__ import annotations

import errno
import hashlib
import os
import signal
from pathlib import Path

import pytest

import impact
from impact.cli import main

SMALL = ["--councils", "2", "--words-per-interview", "60", "--interviews-per-wave", "2"]


def _synth(out: Path, *extra: str) -> int:
    return main(["synth", *SMALL, "--out", str(out), *extra])


def _hashes(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _beside(folder: Path) -> list[str]:
    """What the parent folder holds: no staging folder or lock file may be left there."""
    return sorted(os.listdir(folder.parent))


def _cut_off_at_transcript(monkeypatch, n: int, exc: BaseException) -> None:
    """Make the save stop with ``exc`` as it writes the n-th transcript: a save cut off part-way.

    (Study.save takes each transcript's text as it writes it; the tables and
    ``study.yaml`` are written before the transcripts.)
    """
    from impact.study import Study

    real = Study._transcript_text
    calls = {"n": 0}

    def transcript_text(self, rel):
        calls["n"] += 1
        if calls["n"] == n:
            raise exc
        return real(self, rel)

    monkeypatch.setattr(Study, "_transcript_text", transcript_text)


def test_user_file_kept_without_overwrite(tmp_path, capsys):
    out = tmp_path / "m2"
    out.mkdir()
    (out / "councils.csv").write_text("mine\n")
    assert _synth(out) == 2
    err = capsys.readouterr().err
    assert "councils.csv" in err and "not empty" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert (out / "councils.csv").read_text() == "mine\n"
    assert sorted(os.listdir(out)) == ["councils.csv"]
    assert _beside(out) == ["m2"]
    # --overwrite replaces a study, never a folder of other files
    assert _synth(out, "--overwrite") == 2
    assert "councils.csv" in capsys.readouterr().err
    assert (out / "councils.csv").read_text() == "mine\n" and sorted(os.listdir(out)) == ["councils.csv"]


def test_existing_file_refused(tmp_path, capsys):
    target = tmp_path / "study"
    target.write_text("not a folder")
    assert _synth(target, "--overwrite") == 2
    assert "existing file" in capsys.readouterr().err
    assert target.read_text() == "not a folder"


def test_study_refused_without_overwrite(tmp_path, capsys):
    out = tmp_path / "s"
    assert _synth(out) == 0
    before = _hashes(out)
    assert _synth(out, "--seed", "1") == 2
    assert "--overwrite" in capsys.readouterr().err
    assert _hashes(out) == before


def test_overwrite_replaces_a_previous_synth_study(tmp_path):
    out, fresh = tmp_path / "s", tmp_path / "fresh"
    assert _synth(out, "--seed", "1") == 0
    old = _hashes(out)
    assert _synth(out, "--seed", "2", "--overwrite") == 0
    assert _synth(fresh, "--seed", "2") == 0
    assert _hashes(out) == _hashes(fresh) != old  # replaced as a whole: no file of the old study is left
    assert _beside(out) == ["fresh", "s"]


def test_overwrite_keeps_a_folder_with_a_user_file(tmp_path, capsys):
    out = tmp_path / "s"
    assert _synth(out, "--seed", "1") == 0
    (out / "notes.txt").write_text("my notes")
    (out / "analysis").mkdir()
    (out / "analysis" / "model.R").write_text("lm(y ~ x)")
    before = _hashes(out)
    assert _synth(out, "--seed", "2", "--overwrite") == 2
    err = capsys.readouterr().err
    assert "notes.txt" in err and "analysis/" in err and "Traceback" not in err
    assert _hashes(out) == before
    assert _beside(out) == ["s"]


@pytest.mark.parametrize("exc", [KeyboardInterrupt(), OSError(errno.ENOSPC, "No space left on device")],
                         ids=["interrupt", "disk_full"])
def test_failed_save_leaves_nothing(tmp_path, monkeypatch, capsys, exc):
    out = tmp_path / "new" / "deeper" / "study"
    _cut_off_at_transcript(monkeypatch, 6, exc)  # study.yaml and the tables written, half the transcripts
    status = _synth(out)
    assert status == (130 if isinstance(exc, KeyboardInterrupt) else 2)
    err = capsys.readouterr().err
    assert "Traceback" not in err
    if isinstance(exc, KeyboardInterrupt):
        assert "nothing was written" in err
    assert os.listdir(tmp_path) == []  # no partial folder, no staging folder, no lock, no parent made for it


@pytest.mark.parametrize("exc", [KeyboardInterrupt(), OSError(errno.ENOSPC, "No space left on device")],
                         ids=["interrupt", "disk_full"])
def test_failed_overwrite_keeps_the_previous_study(tmp_path, monkeypatch, capsys, exc):
    out = tmp_path / "s"
    assert _synth(out, "--seed", "1") == 0
    before = _hashes(out)
    _cut_off_at_transcript(monkeypatch, 6, exc)
    status = _synth(out, "--seed", "2", "--overwrite")
    assert status == (130 if isinstance(exc, KeyboardInterrupt) else 2)
    err = capsys.readouterr().err
    if isinstance(exc, KeyboardInterrupt):
        assert "unchanged" in err and "previous study" in err
    assert _hashes(out) == before
    assert _beside(out) == ["s"]
    impact.load_study(out)  # still a valid study


def test_interrupt_while_the_truth_is_written_leaves_nothing(tmp_path, monkeypatch):
    """The planted truth is written into the same staging folder: no study without its truth."""
    from impact.synth._truth import PlantedTruth

    def save(self, path):
        (Path(path) / "planted_truth.json").write_text("{")
        raise KeyboardInterrupt

    monkeypatch.setattr(PlantedTruth, "save", save)
    out = tmp_path / "s"
    assert _synth(out) == 130
    assert os.listdir(tmp_path) == []


def test_interrupt_during_publication_is_held_until_the_folder_is_in_place(tmp_path, monkeypatch, capsys):
    import impact._io

    if signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        pytest.skip("Ctrl-C is not handled by Python's default handler here")
    out = tmp_path / "s"
    assert _synth(out, "--seed", "1") == 0
    capsys.readouterr()
    real = impact._io.publish_directory

    def publish(staging, target):
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C arrives as the folder is put in place
        return real(staging, target)

    monkeypatch.setattr(impact._io, "publish_directory", publish)
    assert _synth(out, "--seed", "2", "--overwrite") == 130
    assert "the new study was complete" in capsys.readouterr().err
    monkeypatch.undo()
    fresh = tmp_path / "fresh"
    assert _synth(fresh, "--seed", "2") == 0
    assert _hashes(out) == _hashes(fresh)
    assert _beside(out) == ["fresh", "s"]


def test_save_to_the_study_own_folder(tiny_study, tmp_path):
    folder = tmp_path / "s"
    tiny_study.save(folder)
    before = _hashes(folder)
    loaded = impact.load_study(folder)
    assert loaded.save(folder) == folder  # its own folder: replaced in place, overwrite or not
    assert _hashes(folder) == before
    (folder / "notes.txt").write_text("mine")
    with pytest.raises(FileExistsError, match="notes.txt"):
        loaded.save(folder)
    assert (folder / "notes.txt").read_text() == "mine"
    assert _beside(folder) == ["s"]


def test_save_refuses_a_link_and_the_current_folder(tiny_study, tmp_path, monkeypatch):
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "link").symlink_to(real)
    with pytest.raises(FileExistsError, match="is a link"):
        tiny_study.save(tmp_path / "link", overwrite=True)
    monkeypatch.chdir(real)
    with pytest.raises(FileExistsError, match="current folder"):
        tiny_study.save(real)
    assert os.listdir(real) == []
    assert sorted(os.listdir(tmp_path)) == ["link", "real"]

"""What new users met doing things the wrong way (newuser8): a second run into a folder another run was writing
waited, up to ten minutes, without a word (it looked hung); a file still open in Excel or Word (its owner file
``~$name`` beside it) was read as last saved without a word, its owner file told as a stray file of the user's, and
an output folder holding one refused as files impact did not write; ``--out`` given to the commands that take their
output as an argument was not told where it goes."""

from __future__ import annotations

import contextlib
import fcntl
import io
import os
import shutil
import sys
import threading
import warnings

import pytest

import impact
import impact.synth
from impact.cli import main


@pytest.fixture(scope="module")
def small_study(tmp_path_factory):
    """A generated study of five councils (seed 8813, not one the project used before), saved once."""
    folder = tmp_path_factory.mktemp("nu8") / "study"
    impact.synth.generate(5, seed=8813, interviews_per_wave=2, words_per_interview=200, out=folder)
    return folder


def _copy(small_study, tmp_path):
    folder = tmp_path / "study"
    shutil.copytree(small_study, folder)
    return folder


# --------------------------------------------------------------------------- 1. a run waiting for another says so
@contextlib.contextmanager
def _held_by_another_run(out):
    """The lock of output folder ``out`` held as another impact run holds it (flock on ``.<name>.lock``, its pid in
    it): a second open file description, so this process's own attempt waits as another process's would."""
    lock = out.parent / f".{out.name}.lock"
    out.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    fcntl.flock(fd, fcntl.LOCK_EX)
    os.pwrite(fd, b"4242", 0)
    try:
        yield lambda: fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def test_a_run_waiting_for_another_says_so_at_once(tmp_path):
    from impact._io import staged_directory

    out = tmp_path / "out"
    with _held_by_another_run(out) as release:
        seen = []

        def show(message, category, *args, **kwargs):  # the wait is told while the other run still holds the folder
            seen.append((category, str(message)))
            threading.Timer(0.5, release).start()

        with warnings.catch_warnings():
            warnings.simplefilter("always")
            warnings.showwarning = show
            with staged_directory(out, wait=20) as d:
                (d / "a.txt").write_text("mine")
    assert (out / "a.txt").read_text() == "mine"
    [(category, message)] = seen
    assert category is impact.FolderBusyWarning
    assert str(out) in message and "pid 4242" in message  # for what: the folder, the run holding it
    assert "at most 20 seconds" in message  # how long
    assert "Ctrl-C" in message and "interrupt the kernel" in message  # how to stop


def test_a_run_waiting_past_its_limit_is_still_refused(tmp_path):
    from impact._io import OutputFolderError, staged_directory

    out = tmp_path / "out"
    with _held_by_another_run(out), pytest.warns(impact.FolderBusyWarning, match="at most 0.3 seconds"), \
            pytest.raises(OutputFolderError, match="pid 4242"), staged_directory(out, wait=0.3):
        pass
    assert not out.exists()


def test_a_run_not_kept_waiting_says_nothing_of_waiting(tmp_path):
    from impact._io import staged_directory

    with warnings.catch_warnings():
        warnings.simplefilter("error", impact.FolderBusyWarning)
        with staged_directory(tmp_path / "out") as d:
            (d / "a.txt").write_text("mine")


class _Stderr(io.StringIO):
    """stderr that notes when the command says it waits."""

    def __init__(self):
        super().__init__()
        self.waiting = threading.Event()

    def write(self, text):
        if "another impact run" in text:
            self.waiting.set()
        return super().write(text)


def test_the_command_line_tells_the_wait_while_it_waits(tmp_path, monkeypatch):
    out = tmp_path / "generated"
    err = _Stderr()
    monkeypatch.setattr(sys, "stderr", err)
    told_while_waiting = []
    with _held_by_another_run(out) as release:
        def release_when_told():  # released once the wait is told, or after 60 s (the command would wait 600)
            told_while_waiting.append(err.waiting.wait(60))
            release()

        releaser = threading.Thread(target=release_when_told)
        releaser.start()
        status = main(["synth", "--councils", "3", "--seed", "8821", "--interviews-per-wave", "1",
                       "--words-per-interview", "60", "--out", str(out)])
        releaser.join()
    assert status == 0 and (out / "study.yaml").is_file()
    assert told_while_waiting == [True]
    text = err.getvalue()
    assert text.count("another impact run (pid 4242") == 1  # told once, at once, not again when the command ends
    assert "impact synth: warning:" in text and "at most 10 minutes" in text

"""What three new users met doing things the wrong way (newuser7): a Ctrl-C that a finaliser swallowed, so the run
went on and published its outputs; study tables saved under another name (``action-progress.csv``, ``actions
(2).csv``, ``councils.csv.txt``, ``survey.csv``) or a file of the user's own left in the study folder, read without a
word; key typos in a codebook or ``study.yaml`` (``idd``, ``lable``, ``phrase``) named without the line they are on
or the key meant; and a .docx transcript whose tracked changes were read as accepted without a word."""

from __future__ import annotations

import gc
import shutil
import signal
import threading

import pytest

import impact
import impact.synth


@pytest.fixture(scope="module")
def small_study(tmp_path_factory):
    """A generated study of six councils (seed 7701, not one the project used before), saved once."""
    folder = tmp_path_factory.mktemp("nu7") / "study"
    impact.synth.generate(6, seed=7701, interviews_per_wave=3, words_per_interview=300, out=folder)
    return folder


def _copy(small_study, tmp_path):
    folder = tmp_path / "study"
    shutil.copytree(small_study, folder)
    return folder


# --------------------------------------------------------------------------- 1. Ctrl-C lost in a finaliser
class _Finaliser:
    """An object whose finaliser is where Ctrl-C arrives: Python prints "Exception ignored in ..." and goes on, as it
    did in ``regex``'s finaliser during a run (newuser7: the run went on and published its outputs)."""

    def __del__(self):
        signal.raise_signal(signal.SIGINT)


@pytest.fixture
def ctrl_c_raises():
    if threading.current_thread() is not threading.main_thread():
        pytest.skip("signals are delivered to the main thread only")
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_ctrl_c_a_finaliser_swallowed_publishes_nothing(tmp_path, ctrl_c_raises):
    from impact._io import staged_directory

    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt), staged_directory(out) as d:
        (d / "a.txt").write_text("one")
        _Finaliser()  # its finaliser runs here and swallows the KeyboardInterrupt
        gc.collect()
        (d / "b.txt").write_text("two")  # the block went on, as the run did
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # no output folder, no staging folder, no lock


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_run_stops_at_its_next_step_after_a_swallowed_ctrl_c(small_study, tmp_path, ctrl_c_raises):
    """The run is stopped at the step after the lost Ctrl-C (not only before its outputs are published): the steps
    told to ``progress`` end at the one during which it came."""
    steps = []

    def progress(message):
        steps.append(message)
        if message.startswith("segmenting"):
            _Finaliser()
            gc.collect()

    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        impact.run(small_study, out_dir=out, n_resamples=99, progress=progress, cache=False)
    assert steps[-1].startswith("segmenting")
    assert not out.exists() and not (tmp_path / "out-reidentification-key.csv").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == []


# --------------------------------------------------------------------------- 1b. two runs into one folder at once
def test_a_run_that_replaces_what_another_run_published_while_it_worked_says_so(small_study, tmp_path):
    """Two runs into one folder: the second waited for the first's lock, then replaced the outputs the first had just
    said it wrote, both saying they had written the folder. Here the other run publishes while this one codes: this
    one's outputs replace them (one run's whole report, as before), with a warning saying so."""
    from impact._io import staged_directory

    out = tmp_path / "out"

    def progress(message):
        if message.startswith("segmenting"):  # the other run finishes first
            with staged_directory(out) as d:
                (d / "other.txt").write_text("the other run's report")

    with pytest.warns(impact.ImpactWarning, match="another impact run published its outputs here while this one "
                                                  "worked; this run's outputs replace them"):
        impact.run(small_study, out_dir=out, n_resamples=99, progress=progress, cache=False)
    names = {p.name for p in out.iterdir()}
    assert "report.html" in names and "other.txt" not in names


def test_runs_one_after_another_still_replace_the_folder(tmp_path):
    """A guard: a run into a folder impact wrote before, not written while it worked, replaces it without a word."""
    import warnings

    from impact._io import staged_directory

    out = tmp_path / "out"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for text in ("one", "two"):
            with staged_directory(out) as d:
                (d / "a.txt").write_text(text)
    assert (out / "a.txt").read_text() == "two"

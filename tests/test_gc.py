"""impact._gc: the collector's first threshold raised while a run's steps work, and the caller's put back."""

import gc
import threading
import types

import pytest

import impact.pipeline
import impact.report._build
import impact.report._render
import impact.study
from impact._gc import YOUNG_THRESHOLD, fewer_collections


@pytest.fixture
def default_thresholds():
    """Python's default thresholds for the test, the caller's put back after."""
    saved = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield (700, 10, 10)
    gc.set_threshold(*saved)


def test_raised_inside_and_put_back(default_thresholds):
    with fewer_collections():
        assert gc.get_threshold() == (YOUNG_THRESHOLD, 10, 10)
        with fewer_collections():  # nested: the outer setting holds
            assert gc.get_threshold() == (YOUNG_THRESHOLD, 10, 10)
        assert gc.get_threshold() == (YOUNG_THRESHOLD, 10, 10)
    assert gc.get_threshold() == default_thresholds


def test_put_back_after_an_error(default_thresholds):
    @fewer_collections()
    def fails():
        assert gc.get_threshold()[0] == YOUNG_THRESHOLD
        raise KeyError("x")

    with pytest.raises(KeyError):
        fails()
    assert gc.get_threshold() == default_thresholds


def test_a_higher_threshold_of_the_caller_is_kept():
    saved = gc.get_threshold()
    try:
        gc.set_threshold(50_000, 20, 30)
        with fewer_collections():
            assert gc.get_threshold() == (50_000, 20, 30)
        assert gc.get_threshold() == (50_000, 20, 30)
    finally:
        gc.set_threshold(*saved)


def test_the_callers_own_settings_are_put_back(default_thresholds):
    """The caller's second and third thresholds are never touched, and a caller of 1 (collect often) gets 1 back."""
    gc.set_threshold(1, 3, 4)
    with fewer_collections():
        assert gc.get_threshold() == (YOUNG_THRESHOLD, 3, 4)
    assert gc.get_threshold() == (1, 3, 4)


def test_threads_nest(default_thresholds):
    """Two threads in the steps at once: the default comes back only when both have left."""
    inside, leave = threading.Barrier(2), threading.Event()
    seen = []

    def step():
        with fewer_collections():
            inside.wait()
            leave.wait()
            seen.append(gc.get_threshold()[0])

    threads = [threading.Thread(target=step) for _ in range(2)]
    for t in threads:
        t.start()
    leave.set()
    for t in threads:
        t.join()
    assert seen == [YOUNG_THRESHOLD, YOUNG_THRESHOLD]
    assert gc.get_threshold() == default_thresholds


class _Probe(Exception):
    pass


def _probe(seen):
    def probe(*args, **kwargs):
        seen.append(gc.get_threshold())
        raise _Probe

    return probe


@pytest.mark.parametrize("step", ["load_study", "analyse", "build_report", "render", "run"])
def test_the_run_steps_collect_less(step, default_thresholds, monkeypatch, tiny_study, study_dir, tmp_path):
    """Each step of ``impact run`` works with the raised threshold (seen by the first thing it calls, replaced by a
    probe that stops it), and the default is back when the step is left by an error."""
    from impact.coding import Codebook
    from impact.report import Report

    seen = []
    probe = _probe(seen)
    if step == "load_study":
        monkeypatch.setattr(impact.study, "check_folder", probe)
        call = lambda: impact.study.load_study(study_dir)  # noqa: E731
    elif step == "analyse":
        monkeypatch.setattr(Codebook, "for_study", staticmethod(probe))
        call = lambda: impact.pipeline.analyse(tiny_study)  # noqa: E731
    elif step == "build_report":
        monkeypatch.setattr(impact.report._build, "assemble", probe)
        # a stand-in with what build_report checks findings for (user54: anything else is a TypeError before any work)
        stand_in = types.SimpleNamespace(parameters={}, provenance={})
        # (no release history read: the stand-in names no study; disclosure80's reading is tested in round 80)
        call = lambda: impact.pipeline.build_report(stand_in, release_history=False)  # noqa: E731
    elif step == "render":
        monkeypatch.setattr(impact.report._render._html, "render_html", probe)
        call = lambda: impact.report._render.render(Report("Impact", "", {"study": "x"}, []), tmp_path / "out")  # noqa: E731
    else:
        monkeypatch.setattr(impact.pipeline, "check_output_folder", probe)
        call = lambda: impact.pipeline.run(study_dir, out_dir=tmp_path / "out")  # noqa: E731
    with pytest.raises(_Probe):
        call()
    assert seen == [(YOUNG_THRESHOLD, 10, 10)]
    assert gc.get_threshold() == default_thresholds

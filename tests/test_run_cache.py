"""The run-wide cache of built test data (conftest.run_cached, stored_once, source_hash): made once per run for the same
arguments and code, shared by processes through a file lock, written whole, a copy of its own for each later caller."""

from __future__ import annotations

import multiprocessing
import os
import pickle
import shutil
import time
from pathlib import Path

import numpy as np
import pytest
from conftest import (
    _analysed_synthetic,
    _canonical,
    analysed_synthetic,
    run_cached,
    source_hash,
    stored_once,
)

_BUILT: list[tuple] = []


def _build(*args, **kwargs):
    """A result that names its arguments, each build counted in :data:`_BUILT`."""
    _BUILT.append((args, kwargs))
    return {"args": list(args), "kwargs": kwargs, "values": list(range(50))}


def _builds(tag) -> int:
    return sum(1 for args, _ in _BUILT if args and args[0] == tag)


def test_a_result_is_built_once_and_each_later_call_gets_a_copy_of_its_own(tmp_path):
    tag = str(tmp_path)
    first = run_cached(_build, tag, 3, options={"a": 1, "b": [1, 2]})
    first["values"].append("changed by its caller")
    second = run_cached(_build, tag, 3, options={"b": [1, 2], "a": 1})  # the same dict, its keys in another order
    third = run_cached(_build, tag, 3, options={"b": [1, 2], "a": 1})
    assert _builds(tag) == 1
    assert second == third == {"args": [tag, 3], "kwargs": {"options": {"a": 1, "b": [1, 2]}},
                                "values": list(range(50))}
    second["values"].clear()
    assert third["values"] == list(range(50))


def test_the_key_holds_every_argument_whole(tmp_path):
    """Arrays differing only past what their repr prints, and arguments differing in a keyword or a nested value, are
    different results."""
    tag = str(tmp_path)
    a = np.arange(5000)
    b = a.copy()
    b[2500] = -1
    assert repr(a) == repr(b)  # what a key made of reprs would not tell apart
    run_cached(_build, tag, a)
    run_cached(_build, tag, b)
    run_cached(_build, tag, a)
    assert _builds(tag) == 2
    run_cached(_build, tag, 3, options={"a": 1})
    run_cached(_build, tag, 3, options={"a": 2})
    run_cached(_build, tag, 3, settings={"a": 1})
    run_cached(_build, tag, (3,))
    assert _builds(tag) == 6
    assert _canonical([1, "1", 1.0, True]) != _canonical([1, 1, 1, 1])


def test_an_argument_without_a_text_of_its_own_is_built_each_time(tmp_path):
    tag = str(tmp_path)
    marker = object()
    run_cached(_build, tag, marker)
    run_cached(_build, tag, marker)
    assert _builds(tag) == 2
    with pytest.raises(TypeError, match="no canonical text for a object"):
        _canonical({"x": marker})


def test_other_code_or_settings_are_another_key(tmp_path, monkeypatch):
    """A result made by other code (the package's hash) or under another pseudonym key is never read."""
    import conftest

    tag = str(tmp_path)
    run_cached(_build, tag)
    monkeypatch.setitem(conftest._SOURCE_HASH, "impact", "0" * 64)
    run_cached(_build, tag)
    monkeypatch.setenv("IMPACT_PSEUDONYM_KEY", "another-key-for-the-cache-test")
    run_cached(_build, tag)
    run_cached(_build, tag)
    assert _builds(tag) == 3
    monkeypatch.setenv("IMPACT_CACHE_DIR", str(tmp_path / "elsewhere"))  # a worker's own folder: the same result
    run_cached(_build, tag)
    assert _builds(tag) == 3


def test_the_source_hash_follows_every_file_of_the_package_but_bytecode_and_the_example(tmp_path):
    package = tmp_path / "impact"
    (package / "stats").mkdir(parents=True)
    (package / "__init__.py").write_text("x = 1\n")
    (package / "stats" / "_gee.py").write_text("def fit():\n    return 1\n")
    (package / "_data").mkdir()
    (package / "_data" / "codebook.yaml").write_text("codes: []\n")
    first = source_hash(package)
    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "x.pyc").write_bytes(b"\0" * 10)
    (package / "_bundle").mkdir()
    (package / "_bundle" / "example.csv").write_text("a\n1\n")
    assert source_hash(package) == first
    (package / "stats" / "_gee.py").write_text("def fit():\n    return 2\n")
    changed = source_hash(package)
    (package / "stats" / "_gee.py").write_text("def fit():\n    return 1\n")
    assert source_hash(package) == first != changed
    (package / "_data" / "codebook.yaml").write_text("codes: [a]\n")
    assert source_hash(package) != first
    (package / "_data" / "codebook.yaml").write_text("codes: []\n")
    shutil.move(package / "stats" / "_gee.py", package / "stats" / "_glm.py")  # the same text under another name
    assert source_hash(package) != first


def _slow_build(counter: Path):
    with counter.open("a") as f:
        f.write(f"{os.getpid()}\n")
    time.sleep(0.5)
    return {"built_by": os.getpid(), "values": list(range(1000))}


def _ask(root: Path, counter: Path, out: Path) -> None:
    value = stored_once(root, "shared", lambda: _slow_build(counter))
    out.write_bytes(pickle.dumps(value))


def test_processes_asking_together_build_once_and_read_the_same(tmp_path):
    """Three processes (as xdist workers) ask for one result at once: one builds it, the others wait and read it."""
    root, counter = tmp_path / "cache", tmp_path / "built.txt"
    context = multiprocessing.get_context("fork")
    procs = [context.Process(target=_ask, args=(root, counter, tmp_path / f"out-{i}.pickle")) for i in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=120)
    assert [p.exitcode for p in procs] == [0, 0, 0]
    builders = counter.read_text().split()
    assert len(builders) == 1
    got = [pickle.loads((tmp_path / f"out-{i}.pickle").read_bytes()) for i in range(3)]
    assert got[0] == got[1] == got[2] == {"built_by": int(builders[0]), "values": list(range(1000))}
    assert sorted(p.name for p in root.iterdir()) == ["shared.lock", "shared.pickle"]


def test_a_build_that_fails_or_a_write_cut_short_stores_nothing(tmp_path, monkeypatch):
    root = tmp_path / "cache"

    def fail():
        raise RuntimeError("the build failed")

    with pytest.raises(RuntimeError, match="the build failed"):
        stored_once(root, "k", fail)
    assert not (root / "k.pickle").exists()

    def cut(src, dst):
        raise KeyboardInterrupt  # the process stopped between writing the pickle and renaming it into place

    monkeypatch.setattr(os, "replace", cut)
    with pytest.raises(KeyboardInterrupt):
        stored_once(root, "k", lambda: [1, 2, 3])
    monkeypatch.undo()
    assert not (root / "k.pickle").exists()  # only the part file, which no one reads
    assert stored_once(root, "k", lambda: [4, 5]) == [4, 5]
    assert stored_once(root, "k", lambda: [6]) == [4, 5]


def test_analysed_synthetic_gives_the_analysis_it_would_make():
    """A study analysed through the cache (its second call a copy read back) and made afresh: the same study, truth
    and findings (seed 32071, used nowhere else)."""
    from pandas.testing import assert_frame_equal

    from impact.pipeline import study_hash

    design = dict(interviews_per_wave=2, words_per_interview=80, parts=["comparisons"], n_resamples=99)
    analysed_synthetic(5, 32071, **design)
    study, truth, findings = analysed_synthetic(5, 32071, **design)
    fresh_study, fresh_truth, fresh = _analysed_synthetic(5, 32071, **design)
    assert study_hash(study) == study_hash(fresh_study)
    assert_frame_equal(truth.coded(), fresh_truth.coded())
    for name in ("prevalence", "comparisons", "participant_panel"):
        assert_frame_equal(getattr(findings, name), getattr(fresh, name))
    assert findings.not_computed == fresh.not_computed

"""A cache that is data, not code (issue 17.2).

No pickle is written or read; entries are Parquet with a signed manifest in a
private folder; a tampered, stale or foreign entry is never used.
"""

from __future__ import annotations

import json
import os
import pickle
import re
import stat
from pathlib import Path

import pandas as pd
import pytest

import impact
from impact import _cache
from impact._cache import Cache, CacheWarning, clear_cache

# The cache stores Parquet, which needs pyarrow (the optional `parquet` extra): without it nothing is cached at all
# (test_without_pyarrow_nothing_is_cached_and_results_are_computed), so there is no entry, folder or key to test.
needs_pyarrow = pytest.mark.skipif(__import__("importlib").util.find_spec("pyarrow") is None,
                                   reason="the cache stores Parquet, which needs pyarrow (the `parquet` extra)")

PACKAGE = Path(impact.__file__).parent


def test_no_pickle_anywhere_in_the_package():
    pattern = re.compile(r"\bpickle\b|read_pickle|to_pickle|joblib\.(load|dump)\b|cloudpickle|\bdill\b|\bshelve\b")
    hits = [f"{p.relative_to(PACKAGE)}:{i}" for p in PACKAGE.rglob("*.py")
            for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
            if pattern.search(line) and not line.lstrip().startswith("#") and "never a pickle" not in line
            and "not a pickle" not in line and "never pickles" not in line]
    assert hits == []


class _Boom:
    """Unpickling this would create a file: proof that a cache file was executed."""

    def __init__(self, target):
        self.target = target

    def __reduce__(self):
        return (Path.write_text, (Path(self.target), "pwned"))


@needs_pyarrow
def test_run_caches_parquet_privately_and_never_reads_a_planted_pickle(study_dir, tmp_path, monkeypatch):
    cache_dir = tmp_path / "user-cache"
    monkeypatch.setenv("IMPACT_CACHE_DIR", str(cache_dir))
    monkeypatch.setenv("IMPACT_CONFIG_DIR", str(tmp_path / "user-config"))
    out = tmp_path / "pub" / "findings"
    # The old cache layout: pickles beside the published folder. A planted one must never be read.
    old = tmp_path / "pub" / ".impact-cache"
    old.mkdir(parents=True)
    pwned = tmp_path / "pwned.txt"
    for name in ("segments-x.pkl", "coded-x.pkl"):
        (old / name).write_bytes(pickle.dumps(_Boom(pwned)))
    first = impact.run(study_dir, out_dir=out, n_resamples=50)
    second = impact.run(study_dir, out_dir=out, n_resamples=50)
    assert not pwned.exists()
    pd.testing.assert_frame_equal(first.findings.segments, second.findings.segments)
    pd.testing.assert_frame_equal(first.findings.coded, second.findings.coded)
    files = sorted(p.name for p in cache_dir.iterdir())
    assert files and all(f.endswith((".parquet", ".json")) for f in files)
    assert {f.split("-")[0] for f in files} == {"segments", "coded"}
    assert stat.S_IMODE(cache_dir.stat().st_mode) == 0o700
    assert all(stat.S_IMODE((cache_dir / f).stat().st_mode) == 0o600 for f in files)
    key = tmp_path / "user-config" / "cache-signing.key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    # nothing of the study's text beside the published folder; no pickle written anywhere
    assert sorted(p.name for p in (tmp_path / "pub").iterdir()) == [".impact-cache", "findings", "findings-reidentification-key.csv"]
    assert not [p for p in tmp_path.rglob("*") if p.suffix == ".pkl" and p.parent != old]
    manifest = json.loads(next(cache_dir.glob("segments-*.json")).read_text())
    assert {"impact", "nltk", "wordlists", "sha256", "signature"} <= set(manifest)
    assert manifest["impact"] == impact.__version__


def _frame():
    return pd.DataFrame({"segment_id": ["a", "b"], "text": ["my mobile is 0161", "x"],
                         "n": pd.array([1, None], dtype="Int64"), "ok": [True, False]})


def _counting_cache(folder):
    calls = []

    def compute():
        calls.append(1)
        return _frame()

    return Cache(folder), compute, calls


@needs_pyarrow
def test_round_trip_keeps_types(tmp_path):
    cache, compute, calls = _counting_cache(tmp_path / "c")
    first = cache.get_or_compute("segments", "k", compute)
    again = Cache(tmp_path / "c").get_or_compute("segments", "k", compute)
    pd.testing.assert_frame_equal(first, again)
    assert calls == [1]


@needs_pyarrow
@pytest.mark.parametrize("attack", ["data", "manifest", "signature", "key", "swap", "symlink", "garbage"])
def test_tampered_entry_is_not_used(attack, tmp_path):
    folder = tmp_path / "c"
    cache, compute, calls = _counting_cache(folder)
    cache.get_or_compute("segments", "k", compute)
    data, meta = folder / "segments-k.parquet", folder / "segments-k.json"
    if attack == "data":  # a forged table with the old manifest
        forged = _frame().assign(text=["forged", "forged"])
        forged.to_parquet(data)
    elif attack == "manifest":  # a forged table with a recomputed (unsigned) hash
        import hashlib

        forged = _frame().assign(text=["forged", "forged"])
        forged.to_parquet(data)
        m = json.loads(meta.read_text())
        m["sha256"] = hashlib.sha256(data.read_bytes()).hexdigest()
        meta.write_text(json.dumps(m))
    elif attack == "signature":
        m = json.loads(meta.read_text())
        m["signature"] = "0" * 64
        meta.write_text(json.dumps(m))
    elif attack == "key":  # an entry signed with another user's key
        key = Path(os.environ["IMPACT_CONFIG_DIR"]) / "cache-signing.key"
        key.write_text("11" * 32 + "\n")
        key.chmod(0o600)
    elif attack == "swap":  # another entry's (validly signed) files under this name
        cache.get_or_compute("segments", "other", lambda: _frame().assign(text=["other", "other"]))
        (folder / "segments-other.parquet").replace(data)
        (folder / "segments-other.json").replace(meta)
    elif attack == "symlink":
        data.unlink()
        data.symlink_to("/etc/hostname")
    elif attack == "garbage":
        data.write_bytes(b"\0" * 100)
    try:
        result = Cache(folder).get_or_compute("segments", "k", compute)
    finally:
        if attack == "key":
            (Path(os.environ["IMPACT_CONFIG_DIR"]) / "cache-signing.key").unlink()
    pd.testing.assert_frame_equal(result, _frame())
    assert calls == [1, 1]  # recomputed, not read


def test_entry_made_with_another_version_or_word_list_is_recomputed(tmp_path, monkeypatch):
    cache, compute, calls = _counting_cache(tmp_path / "c")
    cache.get_or_compute("coded", "k", compute)
    for field, value in [("impact", "0.0.1"), ("wordlists", "0" * 64), ("nltk", "1.0")]:
        env = {**_cache.environment(), field: value}
        monkeypatch.setattr(_cache, "environment", lambda env=env: env)
        Cache(tmp_path / "c").get_or_compute("coded", "k", compute)
    assert len(calls) == 4


def test_without_pyarrow_nothing_is_cached_and_results_are_computed(tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "pyarrow", None)
    cache, compute, calls = _counting_cache(tmp_path / "c")
    with pytest.warns(CacheWarning, match="pyarrow is not installed"):
        first = cache.get_or_compute("segments", "k", compute)
    pd.testing.assert_frame_equal(first, _frame())
    assert not (tmp_path / "c").exists()


@needs_pyarrow
def test_loose_permissions_are_tightened(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir(mode=0o777)
    folder.chmod(0o777)
    cache, compute, _ = _counting_cache(folder)
    cache.get_or_compute("segments", "k", compute)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


@needs_pyarrow
def test_a_world_readable_signing_key_disables_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("IMPACT_CONFIG_DIR", str(tmp_path / "cfg"))
    cache, compute, calls = _counting_cache(tmp_path / "c")
    cache.get_or_compute("segments", "k", compute)
    (tmp_path / "cfg" / "cache-signing.key").chmod(0o644)
    with pytest.warns(CacheWarning, match="readable or writable by others"):
        Cache(tmp_path / "c").get_or_compute("segments", "k", compute)
    assert calls == [1, 1]


@needs_pyarrow
def test_clear_cache_removes_only_entries(tmp_path):
    cache, compute, _ = _counting_cache(tmp_path / "c")
    cache.get_or_compute("segments", "k", compute)
    (tmp_path / "c" / "mine.txt").write_text("not the cache's")
    assert clear_cache(tmp_path / "c") == 2
    assert [p.name for p in (tmp_path / "c").iterdir()] == ["mine.txt"]

"""Property-based round trips on generated studies, and the national-scale generator acceptance."""

import hashlib
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import impact
from impact.cli import main


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(n_councils=st.integers(min_value=1, max_value=12), seed=st.integers(min_value=0, max_value=2**32 - 1),
       per_wave=st.integers(min_value=1, max_value=4))
def test_load_save_load_is_equal(tmp_path_factory, n_councils, seed, per_wave):
    folder = tmp_path_factory.mktemp("gen")
    study = impact.synth.generate(n_councils, seed=seed, interviews_per_wave=per_wave, words_per_interview=120)
    study.save(folder / "a")
    a = impact.load_study(folder / "a")
    assert a.equals(study)
    a.save(folder / "b")
    b = impact.load_study(folder / "b")
    assert b.equals(a)
    for f in (folder / "a").rglob("*"):
        if f.is_file():
            assert f.read_bytes() == (folder / "b" / f.relative_to(folder / "a")).read_bytes(), f


def _digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_synth_153_twice_is_byte_identical_and_valid(tmp_path):
    for name in ("one", "two"):
        # the acceptance command, verbatim: impact synth --councils 153 --seed 1
        assert main(["synth", "--councils", "153", "--seed", "1", "--out", str(tmp_path / name)]) == 0
    one, two = _digest(tmp_path / "one"), _digest(tmp_path / "two")
    assert one == two and len(one) > 1000
    assert main(["validate", str(tmp_path / "one")]) == 0  # loads the study: validating it is most of the work
    assert len(pd.read_csv(tmp_path / "one" / "councils.csv", dtype=str)) == 153

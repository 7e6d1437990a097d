"""The bundled example study is what the generator makes, and it is valid."""

import hashlib
from pathlib import Path

import pytest

import impact

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "example"


def _digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_example_loads_and_matches_its_description():
    study = impact.load_study(EXAMPLE)
    assert len(study.councils) == 30
    assert study.wave_ids == ["expectations", "early", "longer_term"]
    per_council_wave = study.interviews.groupby(["council_id", "wave"]).size()
    assert 3.5 <= per_council_wave.mean() <= 5  # about five per council per wave, less attrition
    assert study.wave_status()["in_intervention"].any()


@pytest.mark.slow
def test_example_regenerates_byte_for_byte(tmp_path):
    # data/example was made with: impact synth --councils 30 --seed 0 --out data/example
    from impact.cli import main

    assert main(["synth", "--councils", "30", "--seed", "0", "--out", str(tmp_path / "ex")]) == 0
    assert _digest(tmp_path / "ex") == _digest(EXAMPLE)

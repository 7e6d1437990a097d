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
    # every transcript has respondent speech, so no interview is left out as not coded (impact.panel): the example's
    # outputs are those of the analysis before interviews without speech were treated as missing
    assert not [p for p in study.load_problems if "respondent speech" in p.expected]


@pytest.mark.slow
def test_example_regenerates_byte_for_byte(tmp_path):
    # data/example was made with: impact synth --councils 30 --seed 0 --out data/example
    from impact.cli import main

    assert main(["synth", "--councils", "30", "--seed", "0", "--out", str(tmp_path / "ex")]) == 0
    assert _digest(tmp_path / "ex") == _digest(EXAMPLE)


@pytest.mark.slow
def test_machine_coded_example_points_the_way_of_the_planted_truth(example_run):
    """The headline comparisons of the machine-coded example agree in direction with what was planted.

    Truth: the population-averaged intervention effect planted in the example (``planted_truth.json``),
    positive for the codes the generator plants it on and zero for the others. The machine-coded findings are those
    of the suite's run of the example (conftest ``example_run``, which tests/test_rendering.py renders): the models
    and the panel asserted on here do not depend on the permutation tests' seed.
    """
    from impact.synth import load_truth

    study = impact.load_study(EXAMPLE, validate=False)  # validate=False: read, not checked (the test above checks it loads)
    truth = load_truth(EXAMPLE).intervention_effects().set_index("code")["marginal_log_odds"]
    f = example_run.findings
    assert f.not_coded.empty and f.panel.groupby("wave")["n_interviews"].sum().sum() == len(study.interviews) * len(
        f.codebook.top_codes())
    gee = f.models[f.models["term"] == "in_intervention"].set_index("code")
    for code, true in truth.items():
        if true > 0:
            assert gee.loc[code, "estimate"] > 0, (code, gee.loc[code].to_dict())
        else:  # no planted effect: no adjusted finding either way
            assert gee.loc[code, "p_adjusted"] >= 0.05, (code, gee.loc[code].to_dict())
    # and the perfect coding of the same study recovers the planted effect
    perfect = impact.analyse(study, coded=EXAMPLE / "truth_coded.csv", n_resamples=199, seed=1)
    row = perfect.models.query("term == 'in_intervention'").set_index("code").loc["partnership"]
    assert row["ci_low"] <= truth["partnership"] <= row["ci_high"]

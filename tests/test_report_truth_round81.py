"""Report truth, round 81: what truth81's audit (bench/truth81_audit.py, seeds 910000-999999) found false.

1. The planted truth of a study of four or five waves surveyed at its first wave and one before the last said the
   survey ran at the first and the *last* wave: :func:`impact.synth.generate_with_truth` kept ``survey_waves`` only
   where it differed from the default three waves' first and last, so ``expectations`` and ``longer_term`` in a study
   of four waves were not kept, and :attr:`PlantedTruth.survey_waves` then gave ``expectations`` and ``two_years``
   (the report, which said longer-term change, was right; its truth was not).
2. The change table's rows of one council (5 councils, a status group followed at every wave by one) were blank,
   test, medians and effect size, without a word why. The notes now say a row of one council has no test: the tests
   need two councils at least.

The seeds are this round's own (811000-811999)."""

from __future__ import annotations

import warnings

import pytest

from impact.synth import generate_with_truth

ENTER_LIFT = {"entered": 0.3, "lifted": 0.3, "never": 0.4}


@pytest.mark.parametrize(("waves", "surveyed"), [
    (4, ["expectations", "longer_term"]),
    (5, ["expectations", "two_years"]),
    (5, ["early", "three_years"]),
    (4, ["expectations", "two_years"]),  # the study's own first and last: as when none is passed
])
def test_planted_truth_names_the_waves_the_survey_ran_at(tmp_path, waves, surveyed):
    from impact.synth import generate_with_truth, load_truth, save_synthetic

    study, truth = generate_with_truth(3, seed=811001, waves=waves, survey_waves=surveyed, interviews_per_wave=1,
                                       words_per_interview=50)
    ran = [w for w in study.wave_ids if w in set(study.survey_responses["wave"])]
    assert ran == surveyed  # the survey the study holds
    assert list(truth.survey_waves) == surveyed
    save_synthetic(study, truth, tmp_path / "s")
    assert list(load_truth(tmp_path / "s").survey_waves) == surveyed  # planted_truth.json says so too


def test_planted_truth_of_the_default_survey_is_written_as_before():
    from impact.synth import generate_with_truth

    _, truth = generate_with_truth(3, seed=811002, waves=4, interviews_per_wave=1, words_per_interview=50)
    assert truth.params["survey_waves"] == ["expectations", "two_years"] == list(truth.survey_waves)
    _, truth = generate_with_truth(3, seed=811002, interviews_per_wave=1, words_per_interview=50)
    assert "survey_waves" not in truth.params and truth.survey_waves == ("expectations", "longer_term")


@pytest.mark.parametrize("seed", [811004, 811005, 811014])  # the first three of 811000- with a group of one council
def test_change_table_says_why_a_row_of_one_council_is_blank(seed):
    import pandas as pd

    from impact.pipeline import analyse, build_report
    from impact.report import Table

    study, truth = generate_with_truth(5, seed=seed, waves=4, intervention_paths=ENTER_LIFT, interviews_per_wave=2,
                                       words_per_interview=50)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        findings = analyse(study, coded=truth.coded(), n_resamples=19, seed=1)
        report = build_report(findings, min_count=1)[0]
    table = next(b for s in report.sections for b in s.blocks if isinstance(b, Table) and b.name == "change_over_time")
    data = table.data
    one = data[pd.to_numeric(data["n_councils"], errors="coerce") == 1]
    assert len(one)  # the design this test is about: a status group followed at every wave by one council
    medians = [c for c in data.columns if c.startswith("median_")]
    assert one[["test", *medians]].isna().all().all()  # blank: one council is not tested
    assert "A row of one council has no test, median or effect size: the tests need two councils at least" in table.notes

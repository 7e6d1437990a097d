"""Report truth, round 60 (truth60): every finding sentence read against the planted truth on 8 studies never used
(bench/truth60_read.py, seeds 6000101-6000108; verdicts in bench/truth60_read/VERDICTS.md). Each fault found there is
planted here on a fresh seed, chosen before its first run."""

from __future__ import annotations

import warnings

import pytest

#: Chosen before any run of this file (none in bench/, tests/ or impact/ then).
LEFT_SEED, ENTERED_SEED = 6000201, 6000202


def _survey_bullets(n: int, seed: int, paths: dict[str, float]) -> tuple[object, list[str]]:
    """A small study (one interview a council and wave, short transcripts) of ``paths``, analysed with its planted
    coding for the survey only; its study and the summary's survey sentences."""
    from conftest import summary_bullets

    from impact.pipeline import analyse
    from impact.synth import generate_with_truth

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        study, truth = generate_with_truth(n, seed=seed, interviews_per_wave=1, words_per_interview=50,
                                           effects={"survey_shift": 1.0}, intervention_paths=paths)
        findings = analyse(study, coded=truth.coded(), n_resamples=99, seed=1, parts=("survey",))
    return study, [b for b in summary_bullets(findings) if b.startswith("In the staff and partner survey")]


def _survey_status(study):
    """The status group of each council answering the survey, at each survey wave (the planted truth read back)."""
    ws = study.wave_status()[["council_id", "wave", "intervention"]]
    answered = study.survey_responses[["council_id", "wave"]].drop_duplicates().merge(ws, on=["council_id", "wave"])
    return answered.assign(in_intervention=answered["intervention"].ne("none")).groupby("wave")["in_intervention"]


@pytest.mark.parametrize(("n", "seed", "paths", "wave", "label"), [
    # every council in intervention leaves it before the survey's last wave (study s12_mixed_paths_decline)
    (12, LEFT_SEED, {"never": 0.5, "lifted": 0.5}, "longer_term", "longer-term change"),
    # none is in intervention at the survey's first wave (truth57's s150_entered)
    (12, ENTERED_SEED, {"never": 0.5, "entered": 0.5}, "expectations", "expectations before the review"),
])
def test_the_survey_change_not_given_by_status_says_why(n, seed, paths, wave, label):
    """Study s12_mixed_paths_decline (seed 6000103): the summary said the survey's change "could not be estimated
    separately in councils in and not in intervention" and no more, where the survey's model has the status (3 of 12
    councils in intervention at its first wave) but no council answering it was in intervention at its last. The
    sentence now says why, as it did where the model was fitted on the wave alone (truth57)."""
    study, said = _survey_bullets(n, seed, paths)
    status = _survey_status(study)
    # the planted truth: both statuses answered the survey, but only one at the named wave
    assert status.any().any() and not status.all().all(), status.any()
    assert not status.any()[wave], status.any()
    assert said, said
    assert all("could not be estimated separately in councils in and not in intervention" in b for b in said), said
    assert all(f"as no council answering the survey was in intervention at {label}" in b for b in said), said

"""Report truth, round 77: the survey's sentence follows the comparisons' rule. Where a status group holds a single
council, councils are not compared by intervention status (:func:`impact.validate.capabilities`, the summary's caveat:
"this report can say nothing of a difference between councils in and not in intervention"), yet the summary still gave
the survey's change in each group and their difference (truth76's audit: 8 councils, one in intervention when
reviewed, ``min_count=1``). The survey sentence now defers to the same decision
(:func:`impact.report._build._survey_sentences`). The seeds are this round's own (770000-770999, the first three of
8 councils with exactly one in intervention when reviewed)."""

from __future__ import annotations

import warnings

import pytest


@pytest.mark.parametrize("seed", [770005, 770009, 770011])
def test_survey_sentence_does_not_compare_status_groups_the_report_does_not_compare(seed):
    from impact.pipeline import analyse, build_report
    from impact.report import Bullets
    from impact.synth import generate_with_truth

    study, truth = generate_with_truth(8, seed=seed, waves=3, intervention_paths={"never": 0.85, "throughout": 0.15},
                                       interviews_per_wave=2, words_per_interview=50)
    assert sum(bool(c["in_intervention_at_review"]) for c in truth.councils) == 1  # the design this test is about
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        findings = analyse(study, coded=truth.coded(), n_resamples=99, seed=1)
        report = build_report(findings, min_count=1)[0]
    assert "comparisons" in findings.not_computed  # one council in a status group: no comparison by status
    summary = " ".join(i for b in report.sections[0].blocks
                       for i in (b.items if isinstance(b, Bullets) else [getattr(b, "text", "")]))
    assert "this report can say nothing of a difference between councils in and not in intervention" in summary
    survey = [s for s in summary.split("In the staff and partner survey")[1:]]
    assert survey, summary  # the survey is still reported, pooled over all councils
    for s in survey:
        assert "in councils in intervention" not in s and "a difference of" not in s, s
        assert "in all councils together: councils are not compared by intervention status" in s, s

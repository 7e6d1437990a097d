"""Statistics round 13: the command line's resample limit, councils_needed's saw-tooth, the resamples a table states,
Firth fits under inverse-probability weights, the staggered DiD's lone-cohort standard error."""

from __future__ import annotations

import pytest


def test_cli_resamples_limit_is_the_librarys(monkeypatch, capsys):
    # the parser reads the library's limit (impact._limits.RESAMPLES_MAX, as compare_groups' n_resamples) rather
    # than a literal of its own: lowered there, the option's bound and message follow
    import impact._limits
    from impact.cli import main

    monkeypatch.setattr(impact._limits, "RESAMPLES_MAX", 5_000)
    assert main(["run", "no-such-study", "--out", "out", "--resamples", "5001"]) == 2
    assert "expected a whole number from 99 to 5,000" in capsys.readouterr().err


@pytest.fixture(scope="module")
def twelve_indicators():
    """12 generated councils with indicators (seed 2, the change after the review planted), analysed with their planted
    coding and 1,200 resamples: more than the indicators' randomisation tests use."""
    import warnings

    from impact.pipeline import analyse
    from impact.synth import generate_with_truth

    study, truth = generate_with_truth(12, seed=2, interviews_per_wave=1, words_per_interview=50,
                                       effects={"indicator_post_review": -4.0})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return analyse(study, coded=truth.coded(), n_resamples=1_200, seed=1)


def test_indicator_reassignments_stated_are_those_used(twelve_indicators):
    # the methods line quoted --resamples (1,200) for every test while the indicators' randomisation p-values came
    # from at most 999 reassignments each; the number stated must be the one each p-value was computed from (its
    # ri_n, counted by the staggered DiD itself), in the methods line, each table's note and the provenance
    from conftest import page_text, report_table

    f = twelve_indicators
    frames = [f.indicator_effects, f.review_indicator_effects]
    random = {int(n) for e in frames for n, x in zip(e["ri_n"], e["ri_exact"]) if not x}
    assert random == {999} and f.parameters["n_reassignments"] == 999 and f.provenance["parameters"]["n_reassignments"] == 999
    text = page_text(f)
    assert "permutation tests with 1,200 resamples (seed 1; the indicators' randomisation tests: 999 random " \
           "reassignments" in text
    for name, e in (("indicator_did", f.indicator_effects),
                    ("indicator_review_did", f.review_indicator_effects.query("group == 'all'"))):
        (used,) = set(e["ri_n"].astype(int))
        assert f"entry dates ({used:,} random reassignments)" in report_table(f, name).notes \
            or f"review dates ({used:,} random reassignments)" in report_table(f, name).notes
    exact = f.review_indicator_effects.query("ri_exact")
    for n in set(exact["ri_n"].astype(int)):  # the status groups' tests used every possible reassignment
        assert f"every possible reassignment, at most {exact['ri_n'].max():,}" in text or f"all {n:,} possible" in text

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

import numpy as np
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


@pytest.mark.parametrize(("low", "high"), [
    ([-6.4, -np.inf, -28.7, np.nan], [9.5, np.inf, 30.9, np.nan]),  # two drawn, none clear of no difference
    ([0.3, -np.inf, -2.0], [1.2, np.inf, -0.5]),  # two drawn, both clear
    ([-np.inf, np.nan], [np.inf, np.nan]),  # none drawn
])
def test_forest_caption_counts_the_intervals_drawn(low, high):
    """truth81's audit, 5 councils: the caption said "none of the 4 lies wholly on one side of no difference" of a
    forest plot that drew 2 intervals (two impacts' estimates had no finite interval, open circles). The count is
    checked against the segments the figure draws."""
    import re

    import matplotlib.pyplot as plt
    import pandas as pd

    from impact.report._build import _forest

    n = len(low)
    data = pd.DataFrame({"label": [f"impact {i}" for i in range(n)], "ci_low": low,
                         "estimate": [(a + b) / 2 if np.isfinite(a) else 0.5 for a, b in zip(low, high, strict=True)],
                         "ci_high": high, "p_adjusted": [0.01 if np.isfinite(x) else np.nan for x in low]})
    fig = _forest(data, "estimate", "Log-odds ratio", "effects", "Effects", "Forest plot.")
    segments = [seg for ax in fig.fig.axes for c in ax.collections for seg in c.get_segments()
                if len(seg) == 2 and seg[0][1] == seg[1][1] and seg[0][0] != seg[1][0]]
    plt.close("all")
    clear = sum(min(s[0][0], s[1][0]) > 0 or max(s[0][0], s[1][0]) < 0 for s in segments)
    assert len(segments) == int(np.sum(np.isfinite(low)))  # the figure draws the finite intervals alone
    bare = n - len(segments)
    for text in (fig.caption, fig.alt_text):
        if not segments:
            assert "wholly" not in text and "No line has an interval." in text, text
            continue
        if m := re.search(r"(none|one|\d+) of the (\d+) lies? wholly", text):
            said = ({"none": 0, "one": 1}.get(m[1]) if m[1] in ("none", "one") else int(m[1]), int(m[2]))
        elif m := re.search(r"(both|all (\d+)) lie wholly", text):
            said = (2, 2) if m[1] == "both" else (int(m[2]), int(m[2]))
        else:
            m = re.search(r"it (lies|does not lie) wholly", text)
            said = (int(m[1] == "lies"), 1)
        assert said == (clear, len(segments)), text
        assert (f"The other {bare} lines have no interval." if bare > 1 else "The other line has no interval.") in text

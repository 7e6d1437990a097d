"""Report truth, round 58 (truth58). truth56's planted design (councils entering intervention after the review and
leaving it before the longer-term wave, a rise of 2 in promotion of learning while in intervention, 24 councils,
bench/by_status_false_claims_entered_lifted_missing_in_rise2_review64.json) found the rise in 1 of 60 studies. Not a
fault of the code (bench/truth58_by_status_power.py: at seeds 4566000, 4566003, 4566005 and 4566007 impact's Firth
estimates match a fit by hand, and its joint test's p a permutation test of the councils' status paths, 0.164 against
0.165, 0.524 against 0.431, 0.690 against 0.633, 0.319 against 0.242): the bench adds a common rise of 2 at the later
waves, so councils not in intervention report learning at 0.9 at the early wave and those in it at 1.0 (31 of 31, a
Firth fit), where a difference of 2 on the log-odds scale is a few participants, at one wave of two. The change by
status table's note gave how little a test could find from the weighted fits only, never for a Firth fit (it has no
weighted fit): it now does, at every later wave."""

from __future__ import annotations

import dataclasses
import warnings

import numpy as np
import pytest
from scipy import stats

#: As tests/test_report_truth_round56.py: at the default threshold (5) every change by status of seed 47020 is
#: withheld; at 3 three impacts' are published.
MIN_COUNT = 3


@pytest.fixture(scope="module")
def firth_report(attrition_informative):
    """The report of seed 47020 with one published impact's change by status set to Firth's fit (its own standard
    errors, no weighted fit), as the planted design's learning is."""
    from impact.effects import WEIGHTED_NOT_FIRTH
    from impact.pipeline import build_report

    _, _, f = attrition_informative
    bs = f.change_by_status.copy()
    code = "commitment"
    row = bs["code"] == code
    test = row & (bs["term"] == "differs")
    assert test.any() and bs.loc[test, "tested"].astype(bool).all()
    bs.loc[row, "estimator"] = "firth"
    bs.loc[row, [c for c in bs.columns if c.startswith("w_") and c != "w_why_not"] + ["n_effective"]] = np.nan
    bs.loc[test, "w_why_not"] = WEIGHTED_NOT_FIRTH
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return bs, code, build_report(dataclasses.replace(f, change_by_status=bs), min_count=MIN_COUNT)[0]


def _note(report) -> str:
    from impact.report import Table

    return next(b for s in report.sections for b in s.blocks
                if isinstance(b, Table) and b.name == "change_by_status").notes


def test_the_note_says_how_little_a_firth_fit_can_find_at_each_wave(firth_report):
    """The note gives, for the Firth fit, the least ratio of the odds ratios its test of each later wave's difference
    would find with 80% power at 0.05, recomputed here: exp((t(0.975, df) + t(0.8, df)) x se) of that wave's
    difference (Bloom 1995's minimum detectable effect); the weighted fits' sentence stays."""
    bs, code, report = firth_report
    note = _note(report)
    diff = bs[(bs["code"] == code) & (bs["term"] == "change_difference")].set_index("wave")
    least = {w: float(np.exp((stats.t.ppf(0.975, r["df"]) + stats.t.ppf(0.8, r["df"])) * r["se"]))
             for w, r in diff.astype({"se": float, "df": float}).iterrows()}
    assert set(least) == {"early", "longer_term"} and all(v > 1 for v in least.values())
    # truth59: said as a Wald approximation with the power measured at it (bench/truth59_firth_detectable.json)
    assert ("Where the fit is Firth's (increased commitment and drive to improve safeguarding), its standard error "
            "puts the least ratio of the odds ratios its test of one wave's difference would find with 80% power at "
            f"0.05 at about {least['early']:.1f} or more at early impact") in note, note
    assert f"and about {least['longer_term']:.1f} or more at longer-term change" in note, note
    assert "effective participant-waves" in note  # the weighted fits' sentence, for the impacts weighted

"""Report truth, round 66 (truth66): studies of 4 and 5 waves, made by the generator and read against what it planted.

The generator writes studies of 2 to 5 waves (``waves=``: a second follow-up ``two_years`` about 24 months after the
review, a third ``three_years`` about 36 months after) with the survey at any of them (``survey_waves=``) and effects
planted per wave. Here the study's waves, windows and survey are checked against what was asked for, and the
package's own estimates (the GEE of each impact on wave and status, the mixed model of the survey score) recover the
change planted at each wave: its true population-averaged value (from the planted prevalences) inside their interval,
and a change where one was planted, none claimed where none was. The whole chain on 4- and 5-wave studies was read in
bench/truth66_read.py (verdicts in bench/truth66_read/VERDICTS.md).
"""

from __future__ import annotations

import math
import re
import warnings

import numpy as np
import pandas as pd
import pytest

#: Chosen before any run of this file (none in the repository then: grep of 66062).
SEEDS = (6606201, 6606202, 6606203, 6606204, 6606205, 6606206, 6606207)

#: 99% intervals: this file checks some 25 intervals against their true value, of which 95% ones would miss about one
#: by chance (a 3-wave check of the GEE's early and longer-term contrasts on 9 fresh seeds, 6606301-6606309, covered
#: every true value, mean error -0.02 and +0.11 log-odds: unbiased).
ALPHA = 0.01

#: The waves of a study of each size, as documented (impact.synth.generate, ``waves``).
WAVE_IDS = {
    2: ["expectations", "longer_term"],
    4: ["expectations", "early", "longer_term", "two_years"],
    5: ["expectations", "early", "longer_term", "two_years", "three_years"],
}
#: Days from the review (its start for expectations, its end otherwise) each wave's interviews fall within.
WINDOWS = {"expectations": (-183, 0), "early": (28, 182), "longer_term": (273, 548), "two_years": (639, 821),
           "three_years": (1004, 1186)}


def _generate(n, seed, **kw):
    from impact.synth import generate_with_truth

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return generate_with_truth(n, seed=seed, words_per_interview=120, interviews_per_wave=3, **kw)


@pytest.mark.parametrize(("n_waves", "seed"), [(2, SEEDS[0]), (4, SEEDS[1]), (5, SEEDS[2])])
def test_waves_written_and_interviewed_in_their_windows(n_waves, seed):
    ids = WAVE_IDS[n_waves]
    study, truth = _generate(6, seed, waves=n_waves, survey_waves=ids[1:])
    assert study.wave_ids == ids
    assert study.waves.set_index("wave")[["window_start", "window_end"]].apply(tuple, axis=1).to_dict() == {
        w: WINDOWS[w] for w in ids}
    assert [p for p in study.validate() if p.severity == "error"] == []
    rev = study.reviews.set_index("council_id")
    iv = study.interviews
    start = pd.to_datetime(iv["council_id"].map(rev["start_date"]))
    end = pd.to_datetime(iv["council_id"].map(rev["end_date"]))
    days = np.where(iv["wave"] == "expectations", (pd.to_datetime(iv["date"]) - start).dt.days,
                    (pd.to_datetime(iv["date"]) - end).dt.days)
    lo, hi = (iv["wave"].map({w: WINDOWS[w][k] for w in ids}).to_numpy() for k in (0, 1))
    assert ((days >= lo) & (days <= hi)).all()
    assert set(iv["wave"]) == set(ids)
    # the survey at the waves asked for, its respondents partly replaced after each
    sv = study.survey_responses
    assert sorted(set(sv["wave"]), key=ids.index) == ids[1:]
    # action plans followed at every wave after the review
    assert set(study.action_progress["wave"]) == set(ids[1:])
    assert list(truth.design["wave"].drop_duplicates()) == ids
    assert set(truth.statements["wave"]) == set(ids)


def test_survey_waves_refused_when_not_a_wave():
    from impact.synth import generate_with_truth

    with pytest.raises(ValueError, match=r"`survey_waves` must be one or more of the study's waves"):
        generate_with_truth(2, seed=SEEDS[0], waves=4, survey_waves=["expectations", "three_years"])
    with pytest.raises(ValueError, match=r"planted at a wave the study does not have"):
        generate_with_truth(2, seed=SEEDS[0], waves=4,
                            effects={"code_wave_log_odds": {"learning": {"expectations": 0, "early": 0,
                                                                         "longer_term": 0, "three_years": 2.0}}})


def _logit(p):
    return math.log(p / (1 - p))


#: Learning planted per wave beyond the default rise and fall of every impact: up at the second follow-up, down below
#: its level before the review at the third.
LEARNING = {"two_years": 2.5, "three_years": -2.5}


@pytest.mark.parametrize(("n_waves", "seed"), [(4, SEEDS[3]), (5, SEEDS[4]), (5, SEEDS[5])])
def test_change_planted_at_each_wave_recovered(n_waves, seed):
    """The GEE of learning on wave and status: each later wave's contrast with the first (and with early) holds its
    true population-averaged value, the logit difference of the planted prevalences (true_prevalences: averaged over
    the councils' and participants' random effects, as a GEE's estimate is), and the second and third follow-ups'
    planted rise and fall come out significant in their direction."""
    from impact import as_codings, intervention_effects, participant_panel

    ids = WAVE_IDS[n_waves]
    shift = {w: LEARNING.get(w, 0.0) for w in ("expectations", "early", "longer_term", *ids)}
    study, truth = _generate(40, seed, waves=n_waves, effects={"code_wave_log_odds": {"learning": shift}})
    panel = participant_panel(study, as_codings(truth.coded(), study))
    est = intervention_effects(panel, codes=["learning"], waves=study.wave_ids, n_permutations=200,
                               alpha=ALPHA).set_index("term")
    prev = truth.prevalences()
    p = prev[(prev["code"] == "learning") & (prev["measure"] == "reported")
             & (prev["status_group"] == "no_intervention")].set_index("wave")["probability"]
    assert list(p.index) == ids
    contrasts = [(f"wave_{w}", _logit(p[w]) - _logit(p[ids[0]])) for w in ids[1:]]
    contrasts += [(f"{w}_vs_early", _logit(p[w]) - _logit(p["early"])) for w in ids[2:]]
    missed = [(term, true, est.loc[term, ["estimate", "ci_low", "ci_high"]].tolist()) for term, true in contrasts
              if not est.loc[term, "ci_low"] <= true <= est.loc[term, "ci_high"]]
    # at most one of the 5 to 7 contrasts (99% intervals) outside: two or more happen by chance once in some 400
    # studies (the contrasts with early share its draw: 6606204's early wave drew 0.58 against a true 0.50)
    assert len(missed) <= 1, missed
    # planted: a rise to two years on (against the first wave) ...
    assert est.loc["wave_two_years", "estimate"] > 0 and est.loc["wave_two_years", "p_value"] < 0.05
    if "three_years" in ids:  # ... and a fall three years on, below early impact
        assert est.loc["three_years_vs_early", "estimate"] < 0 and est.loc["three_years_vs_early", "p_value"] < 0.05


#: The survey's latent scale as the generator draws it (impact/synth/_generate.py: _ITEM_MEAN, _CUTS; council and
#: respondent effects N(0, 0.4) and N(0, 0.6), logistic noise), for the expected mean score computed independently.
_ITEM_MEAN = (0.4, 0.1, -0.3, 0.2, -0.5, -0.2)
_CUTS = (-2.0, -0.7, 0.7, 2.0)


def _expected_score(shift: float) -> float:
    """Mean over items of E[1 + #cuts below the latent answer], the latent answer's person-level mean normal (sd
    sqrt(0.4^2 + 0.6^2)) and its noise logistic: 1 + sum over cuts of E[expit(m + shift - cut)] (Gauss-Hermite)."""
    nodes, weights = np.polynomial.hermite.hermgauss(80)
    sd = math.hypot(0.4, 0.6)
    m = math.sqrt(2) * sd * nodes
    out = []
    for mean in _ITEM_MEAN:
        e = sum(float((weights / (1 + np.exp(-(mean + shift + m - c)))).sum()) / math.sqrt(math.pi) for c in _CUTS)
        out.append(1 + e)
    return float(np.mean(out))


@pytest.mark.parametrize(("n_waves", "seed"), [(4, SEEDS[6]), (5, SEEDS[5])])
def test_survey_at_every_wave_recovers_the_shift_planted_at_each(n_waves, seed):
    from impact import survey_effects

    ids = WAVE_IDS[n_waves]
    planted = {"early": 0.0, "longer_term": 0.5, "two_years": 1.0, "three_years": 0.0}
    study, _ = _generate(20, seed, waves=n_waves, survey_waves=ids,
                         effects={"survey_shift": {w: planted[w] for w in ids[1:]}})
    est = survey_effects(study, alpha=ALPHA).set_index("term")
    for w in ids[1:]:
        row = est.loc[f"wave_{w}"]
        true = _expected_score(planted[w]) - _expected_score(0.0)
        assert row["ci_low"] <= true <= row["ci_high"], (w, true, row[["estimate", "ci_low", "ci_high"]].tolist())
        if planted[w] > 0:
            assert row["p_value"] < 0.05


@pytest.mark.parametrize(("n_waves", "seed"), [(4, SEEDS[0]), (5, SEEDS[1])])
def test_paths_through_intervention_hold_at_the_later_follow_ups(n_waves, seed):
    """``throughout`` and ``direction`` are documented as in intervention at every wave, ``entered`` from the
    longer-term wave on: so at a second and third follow-up too (a notice lifted about two years after the review
    left most councils of these paths out of intervention at two years on, and every one at three years on)."""
    ids = WAVE_IDS[n_waves]
    study, truth = _generate(12, seed, waves=n_waves,
                             intervention_paths={"throughout": 0.4, "direction": 0.3, "entered": 0.3})
    expected = {"throughout": dict.fromkeys(ids, True), "direction": dict.fromkeys(ids, True),
                "entered": {w: w not in ("expectations", "early") for w in ids}}
    status = study.wave_status().set_index(["council_id", "wave"])["intervention"]
    for c in truth.councils:
        assert c["in_intervention"] == expected[c["intervention_path"]], c["council_id"]
        for w in ids:  # the study's own reading of its status history, at the wave's median interview date
            if (c["council_id"], w) in status.index:
                assert (status[c["council_id"], w] != "none") == expected[c["intervention_path"]][w]


@pytest.mark.parametrize(("n_waves", "seed"), [(4, SEEDS[3]), (5, SEEDS[2])])
def test_summary_says_expectations_were_realised_at_any_of_the_later_waves(n_waves, seed):
    """The summary's share of expectations realised counts an impact reported at any wave after the review. With two
    such waves it said 'afterwards'; with 3 or 4 it said so too, where the shares (78% realised, 82% of the impacts
    nobody expected, bench/truth66_read w5_s60_fading) grow with the waves after the review: it now names them. The
    counts are the planted ones, worked out here from the panel of the planted coding."""
    from conftest import report_of

    from impact import as_codings, participant_panel
    from impact.pipeline import analyse
    from impact.report import Bullets

    study, truth = _generate(12, seed, waves=n_waves)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        findings = analyse(study, coded=truth.coded(), n_resamples=99, seed=1, parts=())
        report, _ = report_of(findings)
    bullets = [i for s in report.sections if s.title == "Summary" for b in s.blocks if isinstance(b, Bullets)
               for i in b.items]
    said = [b for b in bullets if b.startswith("Of the ") and "reported as realised" in b]
    assert len(said) == 1, bullets
    later = n_waves - 1
    assert re.search(rf"reported as realised at one or more of the {later} waves after it[;.]", said[0])
    assert "afterwards" not in said[0]
    # the counts: participants interviewed at every wave, an impact anticipated at the first and reported at any later
    pp = participant_panel(study, as_codings(truth.coded(), study))
    seen = pp.groupby("participant_id")["wave"].nunique()
    pp = pp[pp["participant_id"].isin(seen[seen == n_waves].index)]
    first = pp[pp["wave"] == "expectations"]
    expected = set(map(tuple, first[first["anticipated"]][["participant_id", "code"]].to_numpy()))
    reported = set(map(tuple, pp[(pp["wave"] != "expectations") & pp["reported"]][["participant_id", "code"]].to_numpy()))
    n, k = len(expected), len(expected & reported)
    assert said[0].startswith(f"Of the {n:,} expectations") and f"{k:,} ({k / n:.0%}) were reported as realised" in said[0]


def test_survey_differences_by_status_are_adjusted_across_the_later_waves():
    """A survey at every wave of a 5-wave study with nothing planted by status: the summary stated differences by
    status in the survey's change of -0.20 and -0.21 points at two of its four later waves (p = 0.017 and 0.012,
    bench/truth66_read w5_s20_fading), each test on its own. They are one family, Holm-adjusted across the later waves
    (by hand here), and a difference is stated without its caveat only where the adjusted p is below 0.05."""
    from conftest import report_of

    from impact.pipeline import analyse
    from impact.report import Bullets

    ids = WAVE_IDS[5]
    study, truth = _generate(20, SEEDS[6], waves=5, survey_waves=ids,
                             intervention_paths={"never": 0.5, "throughout": 0.2, "lifted": 0.15, "entered": 0.15},
                             effects={"survey_shift": {"early": 0.8, "longer_term": 0.8, "two_years": 0.4,
                                                       "three_years": 0.0}})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        findings = analyse(study, coded=truth.coded(), n_resamples=99, seed=1, parts=("survey",))
        report, _ = report_of(findings)
    sb = findings.survey_by_status
    diff = sb[sb["term"] == "change_difference"].set_index("wave")["p_value"].reindex(ids[1:])
    assert diff.notna().all(), sb
    order = np.argsort(diff.to_numpy())  # Holm by hand: the k-th smallest times (m - k), kept non-decreasing
    holm = np.maximum.accumulate(np.sort(diff.to_numpy()) * np.arange(len(diff), 0, -1)).clip(max=1.0)
    adjusted = dict(zip(diff.index[order], holm, strict=True))
    bullets = [i for s in report.sections if s.title == "Summary" for b in s.blocks if isinstance(b, Bullets)
               for i in b.items if i.startswith("In the staff and partner survey, between")]
    assert len(bullets) == 4, bullets
    for w, sentence in zip(ids[1:], bullets, strict=True):
        assert f"and {study.waves.set_index('wave').loc[w, 'label'].split(' (')[0].lower()} the mean" in sentence
        assert "across the 4 later waves of the survey" in sentence and "Holm-adjusted p" in sentence, sentence
        assert "unadjusted 95% CI" in sentence, sentence  # the interval is each wave's own, as the models' sentences say
        assert ("which is not evidence that the change was the same" in sentence) == (adjusted[w] >= 0.05), sentence

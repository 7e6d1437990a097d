"""What the report states about a study, against the truth planted in it: round 8.

Three designs the rounds before did not try, each with a seed unused by any other test, analysed with the planted
coding (the longitudinal models only, which is all the summary sentences checked here need):

* a study of 40 councils (seed 804417) in which councils leave a notice between the waves or enter one, with a large
  status effect planted on partnership working only (log-odds 2.0) and the wave effects of the defaults on every
  impact;
* a study of 8 councils (seed 804423), below the ten the models need, with the default rise after the review;
* a study of 20 councils (seed 804431) with nothing planted but one impact reported near ceiling and one near zero;
* a study of 30 councils (seed 804477) none of which was under a notice or direction at any wave (the status history
  holds inspection judgements only), with the default rise after the review and no status effect planted.

Statement by statement, the summary is compared with the planted truth and with statsmodels recomputations: the
impacts that differ by status and those that do not, what a summary of too few councils states of change, and the
change across the waves of a study whose councils are all in one status.
"""

from __future__ import annotations

import re
import warnings

import numpy as np
import pandas as pd
import pytest
from conftest import (
    analysed_synthetic,
    assert_wave_terms_are_statsmodels,
    expectations_and_after,
    forest_counts,
    once_per_worker,
    printed_p,
    realised_sentence,
    realised_wording,
    report_of,
    reported_with_status,
    summary_bullets,
)

pytestmark = pytest.mark.xdist_group("report_truth_round8")

IMPACTS = ["commitment", "plans_actions", "learning", "policies_systems", "morale", "partnership"]


@pytest.fixture(scope="module")
def moving(partnership_by_status):
    """``(study, truth, findings)``: 80 councils moving in and out of intervention, status effect on partnership
    (log-odds 2.5; conftest.partnership_by_status, shared with round 15 since testtime36: this file's own 40 councils,
    seed 804417, log-odds 2.0, the models only, before)."""
    return partnership_by_status


@pytest.fixture(scope="module")
def eight():
    """``(study, truth, findings)``: 8 councils, the default rise after the review."""
    return once_per_worker(("round8", "eight"), lambda: analysed_synthetic(
        8, 804423, interviews_per_wave=4, words_per_interview=150, effects={"intervention_log_odds": 2.0},
        parts=["models"]))


@pytest.fixture(scope="module")
def one_status():
    """``(study, truth, findings)``: 30 councils none of which was in intervention, the default rise after the review."""

    def build():
        from impact.pipeline import analyse
        from impact.schema import TABLES
        from impact.study import Study
        from impact.synth import generate_with_truth

        study, truth = generate_with_truth(30, seed=804477, interviews_per_wave=3, words_per_interview=150,
                                           effects={"intervention_log_odds": 0.0, "validation_log_odds": 0.0})
        tables = {name: study.table(name) for name in TABLES}
        history = tables["status_history"]
        tables["status_history"] = history[history["kind"] == "ofsted_judgement"].reset_index(drop=True)
        iv = tables["interviews"]
        study = Study(study.meta, tables, {p: study.transcript(i) for i, p in zip(iv["interview_id"], iv["transcript"],
                                                                                  strict=True)})
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            findings = analyse(study, coded=truth.coded(), n_resamples=199, seed=1, parts=["models"])
        return study, truth, findings

    return once_per_worker(("round8", "one_status"), build)


@pytest.fixture(scope="module")
def ceiling():
    """``(study, truth, findings)``: nothing planted but one impact near ceiling (commitment) and one near zero."""
    from impact.synth import SynthEffects

    effects = SynthEffects.null().to_dict() | {"code_log_odds": {
        "commitment": 4.0, "plans_actions": 0.3, "learning": -4.5, "policies_systems": 0.0, "morale": -0.5,
        "partnership": 0.0}}
    return once_per_worker(("round8", "ceiling"), lambda: analysed_synthetic(
        20, 804431, interviews_per_wave=3, words_per_interview=150, effects=effects, parts=["models"]))


def _labels(findings) -> dict[str, str]:
    return dict(zip(findings.codebook.codes["code_id"], findings.codebook.codes["label"].str.lower(), strict=True))


# --------------------------------------------------------------------------- 1. the impacts alike in both groups
def test_the_impacts_that_do_not_differ_by_status_are_named_beside_the_one_that_does(moving):
    """'Affirmation and enhancement of partnership working was reported more often by participants in councils in
    intervention (odds ratio 10.68 ...)' was all the summary said of status: the five impacts planted alike in both
    groups were named nowhere. Now each impact whose status contrast is not significant after Holm's adjustment
    (recomputed with statsmodels from the models' p-values) is named in one sentence that says this is not evidence
    of none, and the impact planted to differ is the only one said to differ."""
    from statsmodels.stats.multitest import multipletests

    study, truth, f = moving
    assert truth.effects.intervention_codes == ("partnership",) and truth.effects.intervention_log_odds > 0
    moved = [c for c in truth.councils if len(set(c["in_intervention"].values())) > 1]
    assert len(moved) >= 5  # councils leave or enter intervention between the waves
    status = f.models[f.models["term"] == "in_intervention"].set_index("code")
    adjusted = pd.Series(multipletests(status["p_value"], method="holm")[1], index=status.index)
    assert adjusted.to_numpy() == pytest.approx(status["p_adjusted"].to_numpy())
    differ = [c for c in IMPACTS if adjusted[c] < 0.05]
    assert differ == ["partnership"], adjusted  # the design: the planted difference found, no other
    labels = _labels(f)
    bullets = summary_bullets(f)
    said = [s for s in bullets if "more often by participants in councils in intervention" in s]
    assert len(said) == 1 and said[0].lower().startswith(labels["partnership"]), said
    r = status.loc["partnership"]
    assert f"odds ratio {np.exp(r['estimate']):.2f}" in said[0] and printed_p(r["p_adjusted"]) in said[0], said
    [alike] = [s for s in bullets if "not reported significantly more or less often in councils in intervention" in s]
    named = [c for c in IMPACTS if labels[c] in alike.lower()]
    assert named == [c for c in IMPACTS if c not in differ], alike
    # adjusted with the summary's other tests of a difference by status (truth68): the six status terms among them
    bs = f.change_by_status
    changes = int((bs["term"].eq("differs") & bs["tested"].astype(bool)).sum())
    assert (f"once the {6 + changes} tests of a difference by intervention status this summary can state (six "
            "impacts' status terms in the models") in alike, alike
    assert alike.endswith("this is not evidence that there is none."), alike


# --------------------------------------------------------------------------- 2. too few councils: change too
def test_a_summary_of_too_few_councils_says_it_states_no_change_across_the_waves(eight):
    """With 8 councils the summary said 'this report states no difference between councils in and not in
    intervention, and no absence of one, as a finding' and nothing of change across the waves, in a study with a
    rise planted at both later waves (a reader takes the silence for no change worth a sentence). The sentence now
    says that no change across the waves is stated either; the planted rise is recomputed from the planted coding
    (statsmodels GEE, wave only) so that the silence is not for want of a change, and no sentence states one."""
    import statsmodels.api as sm
    import statsmodels.formula.api as smf

    study, truth, f = eight
    assert len(study.councils) == 8 and int(f.models["n_units"].max()) < 10
    assert truth.effects.wave_log_odds["early"] - truth.effects.wave_log_odds["expectations"] >= 1
    d = reported_with_status(study, truth, IMPACTS)
    fit = smf.gee("y ~ C(wave) + C(code)", groups="council_id", data=d, family=sm.families.Binomial()).fit()
    assert fit.params["C(wave)[T.early]"] > 1  # a large rise after the review is in the coding
    bullets = summary_bullets(f)
    [few] = [s for s in bullets if s.startswith("The models of whether participants reported each impact rest on 8 ")]
    assert "states no change across the waves and no difference between councils in and not in intervention" in few
    assert not any(re.search(r"reported (more|less) often", s) for s in bullets), bullets
    assert not any("show no significant change" in s for s in bullets), bullets


# --------------------------------------------------------------------------- 3. every council in one status
def test_a_study_whose_councils_are_all_in_one_status_still_models_change_across_the_waves(one_status):
    """No council was in intervention at any wave, so the models' status term cannot be estimated; no model was
    fitted at all ('No model could be fitted: no impact varied in both whether it was reported and intervention
    status') and the summary said nothing of change across the waves, in a study with a rise planted at both later
    waves. Each impact is now modelled on wave alone: the models' wave terms equal a statsmodels GEE of the same
    form (exchangeable, councils as clusters) fitted here, the summary names every impact whose Holm-adjusted change
    is significant with its odds ratio range, and the models table's notes say why status is left out."""
    from statsmodels.stats.multitest import multipletests

    study, truth, f = one_status
    assert set(study.table("status_history")["kind"]) == {"ofsted_judgement"}  # no notice, no direction
    m = f.models
    assert len(m) and "in_intervention" not in set(m["term"])
    ours = assert_wave_terms_are_statsmodels(study, truth, m, IMPACTS, "y ~ C(wave)")
    adjusted = multipletests(ours["p_value"], method="holm")[1]
    assert adjusted == pytest.approx(ours["p_adjusted"].to_numpy())
    sig = ours[adjusted < 0.05]
    assert len(sig) >= 6 and (sig["estimate"] > 0).all()  # the planted rise, found
    report_of(f)  # the whole report, read below, first: the summary is read from it
    bullets = summary_bullets(f)
    [change] = [s for s in bullets if s.startswith("Compared with expectations before the review, the models show")]
    labels = _labels(f)
    assert all(labels[c] in change for c in set(sig.index.get_level_values("code"))), change
    ratios = np.exp(sig["estimate"])
    assert f"odds ratios from {ratios.min():.2f} to {ratios.max():.2f}" in change, change
    report, _ = report_of(f)
    from impact.report import Table

    table = next(b for s in report.sections for b in s.blocks if isinstance(b, Table) and b.name == "gee_models")
    assert ("no council was in intervention when it was interviewed, so only the change across the waves is "
            "estimated") in \
        table.notes, table.notes


# --------------------------------------------------------------------------- 4. expectations against what was not
def test_expectations_realised_are_measured_against_impacts_neither_expected_nor_under_way(ceiling):
    """'Of the 35 expectations ..., 14 (40%) were reported as realised afterwards; of the 337 impacts the same
    participants had not expected, 233 (69%) were reported afterwards all the same': 195 of the 337 had been reported
    before the review (an impact near ceiling, reported by nearly everyone at every wave), so they were under way, not
    unexpected, and were reported again far more often than the rest. With nothing planted but the impacts' baseline
    rates, the yardstick is now the impacts neither expected nor reported before the review. Each count is recomputed
    with pandas from the planted statements (participants interviewed at every wave, one per participant and
    impact)."""
    study, truth, f = ceiling
    expected, before, later = expectations_and_after(study, truth.coded(), IMPACTS)
    n, k = int(expected.sum()), int(later[expected].sum())
    yardstick = ~expected & ~before
    m, j = int(yardstick.sum()), int(later[yardstick].sum())
    under_way = ~expected & before
    # the design: many impacts not expected were under way, and were reported again far more often than the rest
    assert under_way.sum() >= m / 2 and later[under_way].mean() - j / m > 0.2, (under_way.sum(), m)
    stated = realised_sentence(f)
    assert stated == realised_wording(n, k, m, j), stated


def test_the_forest_plot_says_its_intervals_are_unadjusted_and_how_many_lines_stay_clear_after_the_adjustment(moving):
    """audit8: the forest plot of the status effects drew a line clear of no difference whose Holm-adjusted p was 0.17,
    and neither its caption nor its alternative text said the intervals were not adjusted: a reader takes every line
    clear of zero for a finding. The caption and the alt text now say the intervals are unadjusted and give the counts,
    which must equal the models table's, counted here with pandas: the lines whose interval lies wholly on one side of
    zero, and of those the ones whose Holm-adjusted p (recomputed with statsmodels) is below alpha."""
    from statsmodels.stats.multitest import multipletests

    from impact.report import Figure

    study, truth, f = moving
    report, _ = report_of(f)
    figure = next(b for s in report.sections for b in s.blocks
                  if isinstance(b, Figure) and b.name == "intervention_effects")
    m = f.models[(f.models["term"] == "in_intervention") & f.models["estimate"].notna()]
    m = m[~m["separation"].astype(bool)] if "separation" in m.columns else m
    holm = multipletests(f.models.loc[f.models["term"] == "in_intervention", "p_value"].dropna(), method="holm")[1]
    assert np.allclose(np.sort(holm), np.sort(f.models.loc[f.models["term"] == "in_intervention", "p_adjusted"].dropna()))
    clear = (m["ci_low"] > 0) | (m["ci_high"] < 0)
    kept = int((clear & (m["p_adjusted"] < f.parameters.get("alpha", 0.05))).sum())
    assert len(m) == len(figure.fig.axes[0].get_yticklabels())
    for text in (figure.caption, figure.alt_text):
        assert "not adjusted for multiple comparisons" in text, text
        assert forest_counts(text) == (len(m), int(clear.sum()), kept), text
    # the design plants one status effect among six impacts: the line counts must show at least one line clear of zero
    assert clear.any()


"""What the report states about a study, against the truth planted in it and an independent recomputation.

The studies are generated with seeds no other test uses (41903: 5 councils, 2 interviews per wave; 63431 and
63421: 12 councils, 3 per wave, five and one of them in intervention), analysed with their planted coding, so every number the report states has a true value to
meet: recomputed here from the planted statements with pandas, not by the package.
"""

from __future__ import annotations

import dataclasses
import re
import warnings

import numpy as np
import pandas as pd
import pytest
from conftest import CORE_PARTS, analysed_synthetic, hand_check, report_of, report_with, summary_of

from impact.report import Bullets, Callout, Paragraph, Table
from impact.report._format import display_frame
from impact.synth import SynthEffects

pytestmark = pytest.mark.xdist_group("report_truth")

IMPACTS = ["commitment", "plans_actions", "learning", "policies_systems", "morale", "partnership"]


_analysed = analysed_synthetic


@pytest.fixture(scope="module")
def five():
    """Five councils, two interviews each per wave: the councils in intervention are there only at the last wave; the
    comparisons, change and models only (conftest.CORE_PARTS: its tests read the models, attrition, expectations and
    sample tables, the summary and the limitations)."""
    return _analysed(5, 41903, interviews_per_wave=2, parts=CORE_PARTS)


@pytest.fixture(scope="module")
def twelve():
    """Twelve councils, five of them in intervention at some wave; every analysis but the survey and the review themes,
    which no test here reads (the indicators and the review process are read)."""
    return _analysed(12, 63431, interviews_per_wave=3, words_per_interview=150,
                     parts=[*CORE_PARTS, "indicators", "process"])


@pytest.fixture(scope="module")
def one_in_intervention():
    """Twelve councils, one of them in intervention (at every wave), no effect planted; the comparisons, change and
    models only (conftest.CORE_PARTS)."""
    return _analysed(12, 63421, interviews_per_wave=3, words_per_interview=150, effects=SynthEffects.null(),
                     parts=CORE_PARTS)


def _summary(findings) -> list[str]:
    return _texts(summary_of(findings))


def _report(findings, **kw):
    """The report of ``findings``; with options (``min_count``), built with them (kept while the findings live:
    :func:`conftest.report_with`)."""
    return report_with(findings, **kw)[0]


def _tables(report) -> dict[str, Table]:
    return {b.name: b for s in report.sections for b in s.blocks if isinstance(b, Table)}


def _table(findings, name, **kw) -> Table:
    """The report's table ``name``; with options (``min_count``), from a report built with them (:func:`_report`)."""
    return _tables(_report(findings, **kw))[name]


def _texts(section) -> list[str]:
    """The sentences of a report's section: its paragraphs, bullets and callouts."""
    blocks = section.blocks
    return ([b.text for b in blocks if isinstance(b, Paragraph)] + [i for b in blocks if isinstance(b, Bullets)
                                                                    for i in b.items]
            + [b.text for b in blocks if isinstance(b, Callout)])


#: The opening of the summary's sentence stating no difference by status: every model shown, or some withheld whole
#: (disclosure round 53: its margins would narrow a suppressed count), when it names the impacts whose models are shown.
NULL_OPENING = r"^(No impact|None of the \w+ impacts whose models are shown) was reported significantly more or less often"


#: How the summary writes a count of impacts in words.
NUMBER_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}


def _planted_panel(study, truth) -> pd.DataFrame:
    """Per participant, wave and impact: anticipated (a hedged statement) and reported (an asserted one)."""
    st = truth.statements[truth.statements["code"].isin(IMPACTS)]
    iv = study.interviews[["participant_id", "wave"]].drop_duplicates()
    grid = iv.merge(pd.DataFrame({"code": IMPACTS}), how="cross")
    for col, polarity in (("anticipated", "hedged"), ("reported", "asserted")):
        said = st[st["polarity"] == polarity][["participant_id", "wave", "code"]].drop_duplicates().assign(**{col: True})
        grid = grid.merge(said, on=["participant_id", "wave", "code"], how="left")
        grid[col] = grid[col].astype("boolean").fillna(False).astype(bool)
    return grid


# --------------------------------------------------------------------------- differences by intervention status
def test_models_on_too_few_councils_state_no_difference_by_status(five):
    """Seed 41903 (5 councils) was summarised as 'Affirmation and enhancement of partnership working was reported
    less often by participants in councils in intervention (odds ratio 0.00, 95% CI 0.00 to 0.00, Holm-adjusted
    p = 0.002)': partnership is planted to be reported *more* often in intervention, and the fit behind the sentence
    had separated (log-odds -680) on 5 clusters with 1 degree of freedom, which its own warnings said."""
    study, truth, f = five
    true = truth.intervention_effects().set_index("code")["marginal_log_odds"]
    assert true["partnership"] > 0.5  # planted: more often in intervention
    gee = f.models[f.models["term"] == "in_intervention"].set_index("code")
    assert study.councils["council_id"].nunique() == 5 and (gee["n_units"] == 5).all()
    assert bool(gee.loc["partnership", "separation"])  # the fit says so, and the report can read it
    # by default (--min-count 5) every model is withheld whole (disclosure round 53: its margins beside the counts
    # published would narrow suppressed counts): no difference, and no absence of one, is stated, the summary and the
    # models section say which models are withheld and why, no figure of them is shown, and the ledger lists them
    report = _report(f)
    for summary in (_summary(f), _texts(next(s for s in report.sections if s.title == "Longitudinal models"))):
        assert not any(re.search(r"reported (more|less) often by participants", s) for s in summary), summary
        assert not any(re.search(NULL_OPENING, s) or "more or less often" in s for s in summary), summary
        [withheld] = [s for s in summary if "are withheld: their estimates, beside the counts published, would narrow"
                      in s]
        assert "The models of increased commitment" in withheld and "so nothing is stated of their difference by intervention" \
            " status" in withheld and "affirmation and enhancement of partnership working" in withheld, withheld
    tables = _tables(report)
    assert "gee_models" not in tables
    assert (tables["attrition_sensitivity"].data.drop(columns="impact") == "c").all(axis=None)
    ledger = tables["suppressions"].data
    listed = ledger.loc[(ledger["output"] == "gee_models") & (ledger["reason"] == "model_of_suppressed"), "row"]
    assert len(listed) == f.models["code"].nunique() == 6 and listed.str.endswith(" / every contrast").all(), ledger
    # where the models are shown (min_count 1: nothing suppressed, no model withheld), the summary states no
    # difference by status either, and says why: the models rest on 5 councils
    summary = _texts(_report(f, min_count=1).sections[0])
    assert not any(re.search(r"reported (more|less) often by participants", s) for s in summary), summary
    assert not any(s.startswith("No impact was reported") for s in summary), summary
    assert any("rest on 5 councils" in s and "no difference" in s for s in summary), summary
    # the models table shows no estimate of the separated fit, and says why; with min_count 1, as the contrast has
    # two councils on a side at the last wave (the two never in intervention), which the default suppresses
    # (disclosure round 42), and a 'c' would hide what is checked here
    table = _table(f, "gee_models", min_count=1)
    shown = table.data[table.data["impact"] == "partnership"]
    p_columns = [c for c in ("p_value", "p_value_unconfirmed") if c in shown.columns]  # 5 councils: no finding
    assert p_columns and shown[["estimate", "odds_ratio", *p_columns]].isna().all().all(), shown
    assert "separation" in table.notes and "describe only" in table.notes


def test_firth_does_not_replace_the_gee_on_fewer_than_ten_councils_and_the_note_says_why(five):
    """On 5 councils Firth's fits of a separated impact gave odds ratios from 0.10 to 39.7 across its rows (and above
    a million under response weights) once its profile-limit search stopped failing: it is not used below FEW_UNITS
    councils, and the models table's note gave the wrong reason ("Firth's fit could not replace the GEE's")."""
    from impact.stats._models import FEW_UNITS

    _, _, f = five
    m = f.models
    assert (m["n_units"] < FEW_UNITS).all() and m["estimator"].eq("gee").all(), m[["code", "term", "estimator"]]
    assert f.attrition is None or f.attrition["estimator"].eq("gee").all()
    few = m[m["few_events"].fillna(False).astype(bool) & ~m["separation"].astype(bool)]
    assert len(few)  # contrasts resting on few events whose GEE fit did not separate: their figures are shown
    # the models table of the report with min_count 1, where the models are shown (by default every model of this
    # study is withheld whole: test_models_on_too_few_councils_state_no_difference_by_status)
    note = _table(f, "gee_models", min_count=1).notes
    assert f"with fewer than {FEW_UNITS} councils Firth's fit is not used in place of the GEE's" in note, note
    assert "could not replace" not in note, note


def test_a_separated_model_is_no_finding_whatever_its_p_value(twelve):
    """A fit with fitted probabilities of 0 or 1 gives estimates that mean nothing: it is never stated as a
    difference, nor counted among the impacts with none, and the table shows none of its figures."""
    study, truth, f = twelve
    gee = f.models[f.models["term"] == "in_intervention"]
    assert (gee["n_units"] >= 10).all()
    m = f.models.copy()
    row = (m["term"] == "in_intervention") & (m["code"] == "partnership")
    m.loc[m["code"] == "partnership", "separation"] = True
    m.loc[row, ["estimate", "ci_low", "ci_high", "p_value", "p_adjusted"]] = [-40.0, -41.0, -39.0, 1e-6, 1e-5]
    g = dataclasses.replace(f, models=m)
    report_of(g)  # the whole report, read below, first: the summary is read from it
    summary = _summary(g)
    assert not any("partnership working was reported" in s for s in summary), summary
    assert any(s.startswith("For ") and "affirmation and enhancement of partnership working" in s
               and "separation" in s for s in summary), summary
    assert not any(s.startswith("No impact was reported") for s in summary), summary
    table = _table(g, "gee_models")
    assert table.data.loc[table.data["impact"] == "partnership", "estimate"].isna().all()


def test_models_with_one_council_on_a_side_state_no_difference_by_status(one_in_intervention):
    """Seed 63421 (12 councils, one in intervention) was summarised as 'No impact was reported more or less often in
    councils in intervention once the 6 impacts are adjusted (Holm)': the status term of each model was one council's
    difference from the others (standard errors of 47,000 and more on the log-odds scale), and the report's own
    limitation said councils could not be compared by status."""
    study, truth, f = one_in_intervention
    assert sum(any(c["in_intervention"].values()) for c in truth.councils) == 1
    report_of(f)  # the whole report, read below, first: the summary is read from it
    summary = _summary(f)
    assert not any("more or less often in councils in intervention once" in s for s in summary), summary
    assert any("too few councils in one status group" in s for s in summary), summary
    # every intervention contrast is c (one council on a side): the notes say why it is withheld, not that it
    # 'describes only', which spoke of figures no reader sees (round 39)
    notes = _table(f, "gee_models").notes
    assert "The intervention contrast is suppressed (c)" in notes and "describes only" not in notes, notes
    gee = f.models[f.models["term"] == "in_intervention"]
    assert (gee["n_units_intervention"] == 1).all() and (gee["n_units"] >= 10).all()


def test_a_null_difference_with_few_councils_on_a_side_is_no_evidence_of_none(twelve):
    """With 2 to 9 councils in a status group the models can miss a real difference: 'no impact was reported more
    or less often' says so in the same sentence."""
    study, truth, f = twelve
    assert 2 <= sum(any(c["in_intervention"].values()) for c in truth.councils) <= 9
    m = f.models.copy()
    m["separation"] = False
    m.loc[m["term"] == "in_intervention", ["estimate", "se", "p_adjusted"]] = [0.1, 0.3, 1.0]
    [sentence] = [s for s in _summary(dataclasses.replace(f, models=m)) if "more or less often" in s]
    # (one of this study's six models is withheld whole, disclosure round 53: the sentence names the five shown)
    assert re.search(NULL_OPENING, sentence) and \
        "with fewer than 10 councils in one status group this is not evidence that there is none" in sentence, sentence


def test_a_difference_not_significant_after_the_adjustment_is_never_stated_as_none(twelve):
    """A 30-council study (seed 27518) with councils moving in and out of intervention and partnership working planted
    to be reported more often in intervention was summarised as 'No impact was reported more or less often in councils
    in intervention once the 6 impacts are adjusted for multiple comparisons (Holm)': the models table beside it gave
    partnership working an odds ratio of 1.85 (95% CI 1.05 to 3.25, p = 0.033 before the adjustment, 0.199 after),
    with 13 to 17 councils on each side. A difference not significant after the adjustment is stated as not
    significant, and as no evidence that there is none."""
    study, truth, f = twelve
    m = f.models.copy()
    m["separation"] = False
    status = m["term"] == "in_intervention"
    m.loc[status, ["estimate", "se", "ci_low", "ci_high", "p_value", "p_adjusted"]] = [0.05, 0.3, -0.54, 0.64, 0.87, 1.0]
    m.loc[status, ["n_units_intervention", "n_units_no_intervention"]] = [13, 17]
    row = status & (m["code"] == "partnership")
    m.loc[row, ["estimate", "ci_low", "ci_high", "p_value", "p_adjusted"]] = [0.616, 0.049, 1.18, 0.033, 0.199]
    [sentence] = [s for s in _summary(dataclasses.replace(f, models=m)) if "more or less often" in s]
    assert re.search(NULL_OPENING + " in councils in intervention", sentence), sentence
    assert "this is not evidence that there is none" in sentence and "fewer than 10 councils" not in sentence
    # nor is the difference significant only before the adjustment stated as one: with no difference planted (seed
    # 73058, 40 councils, effects over time only) partnership working had an unadjusted p of 0.040
    assert "partnership" not in sentence and "odds ratio" not in sentence, sentence



def test_a_model_with_no_estimate_is_named_and_not_counted_among_the_nulls(twelve):
    """Seed 27518 (30 councils, machine-coded): no participant was coded as reporting morale before the review, the
    GEE for morale ended with every estimate NaN and no warning, its row said separation False, the models table
    showed dashes with no word why, and the summary said 'none of the five impacts whose models could be estimated'
    without saying which was not, nor why. A wave at which every participant, or none, reported an impact makes its
    model separate (its log-odds for that wave are infinite), and the report says so."""
    from impact.effects import intervention_effects

    study, truth, f = twelve
    # morale's model is withheld whole in this study's report (disclosure round 53): the case is planted in that of
    # policies, which is shown
    code, label = "policies_systems", "revision of policies, processes and systems"
    assert code in set(_table(f, "gee_models").data["impact"])
    panel = f.participant_panel.copy()
    panel.loc[(panel["code"] == code) & (panel["wave"] == study.wave_ids[0]), "reported"] = False
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        m = intervention_effects(panel, measure="reported", codes=IMPACTS, waves=study.wave_ids)
    fit = m[m["code"] == code]
    assert fit["separation"].all(), fit[["term", "estimate", "se", "separation"]]
    assert not m.loc[m["code"] != code, "separation"].any()  # the other impacts were reported at every wave
    m.loc[m["code"] != code, ["n_units_intervention", "n_units_no_intervention"]] = [13, 17]
    # Firth's penalised likelihood replaces the separated GEE: finite figures, shown and read as any other model's
    assert (fit["estimator"] == "firth").all()
    assert np.isfinite(fit[["estimate", "ci_low", "ci_high", "p_value"]].astype(float)).all(axis=None)
    g = dataclasses.replace(f, models=m)
    report_of(g)  # the whole report, read below, first: the summary is read from it
    assert not any("could not be fitted" in s for s in _summary(g))
    table = _table(g, "gee_models")
    assert table.data.loc[table.data["impact"] == code, "estimate"].notna().all()
    # the cause in the fit's words: the zeros planted are in the refit's panel only, and no count the report publishes
    # shows that no participant, or every one, of a group reported it (disclosure round 46, _separation_unshown)
    assert (f"For {label} the fitted probabilities of the GEE reached 0 or 1 (separation), so the GEE has no finite "
            "estimate. For that impact") in table.notes, table.notes
    assert "Firth's penalised likelihood" in table.notes
    # where Firth's fit fails too, the GEE's rows stand (estimator "gee") and the report says the model was not fitted
    m.loc[m["code"] == code, "estimator"] = "gee"
    for col in ("estimate", "ci_low", "ci_high", "p_value"):
        m.loc[m["code"] == code, col] = m.loc[m["code"] == code, f"{col}_gee"]
    m.loc[m["code"] == code, "p_adjusted"] = np.nan
    g = dataclasses.replace(f, models=m)
    report_of(g)  # the whole report, read below, first: the summary is read from it
    summary = _summary(g)
    assert any(s.startswith(f"For {label} the model could not be fitted")
               for s in summary), summary
    assert not any(label in s and "more or less often" in s for s in summary), summary
    table = _table(g, "gee_models")
    assert table.data.loc[table.data["impact"] == code, "estimate"].isna().all()
    assert f"No estimate is shown for {label}" in table.notes


#: Indicator effects with a randomisation p for each of five indicators, one of them (3 councils treated) to be hidden.
INDICATOR_EFFECTS = pd.DataFrame({
    "measure": ["cin_rate", "cpp_rate", "referral_rate", "rereferral_pct", "sw_turnover_pct"],
    "estimate": [1.0, -3.6, -7.1, -3.4, -0.1], "se": 1.0, "ci_low": -9.0, "ci_high": 9.0,
    "p_value": [0.89, 0.018, 0.70, 0.0001, 0.88], "ri_p_value": [0.855, 0.051, 0.629, 0.001, 0.925],
    "n_treated": [7, 7, 7, 7, 3], "n_control": 16, "n_cohorts": 3, "note": ""})


@pytest.fixture(scope="module")
def unfit_and_indicators(twelve):
    """:func:`twelve` with 13 and 17 councils on the two sides of each status contrast, no fit separated, p-values of
    0.2 to 0.7 before Holm's adjustment, and learning's fit ending with no finite estimate, standard error, interval
    or p-value (a reason other than separation): the case of the two tests below. It carries a second case, in
    another table (the indicators' difference-in-differences, which the models do not read):
    :data:`INDICATOR_EFFECTS`, for :func:`test_the_indicators_randomisation_p_is_adjusted_across_the_indicators`. The
    three tests read one report (each built a report of its own before the twelfth pass on the suite's time)."""
    from impact.stats import adjust_pvalues

    study, truth, f = twelve
    m = f.models.copy()
    m["separation"] = False
    status = m["term"] == "in_intervention"
    m.loc[status, ["n_units_intervention", "n_units_no_intervention"]] = [13, 17]
    m.loc[status, "p_value"] = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7]
    m.loc[m["code"] == "learning", ["estimate", "se", "ci_low", "ci_high", "p_value"]] = np.nan
    m.loc[status, "p_adjusted"] = adjust_pvalues(m.loc[status, "p_value"].to_numpy(float), "holm")
    m.loc[m["code"] == "learning", "p_adjusted"] = np.nan  # the rows of its other terms too
    assert m.loc[status, "p_adjusted"].notna().sum() == 5
    assert (m.loc[status, "p_adjusted"].dropna() >= 0.05).all()  # none of the other five is a difference
    return dataclasses.replace(f, models=m, indicator_effects=INDICATOR_EFFECTS)


def test_a_model_with_no_finite_estimate_is_named_in_the_summary_and_the_table(unfit_and_indicators):
    """A fit that ends with no finite estimate for a reason other than separation is named as not fitted, in the
    summary and in the models table's note, not left as dashes or silently dropped from the count of nulls."""
    g = unfit_and_indicators
    report_of(g)  # the whole report, read below, first: the summary is read from it
    summary = _summary(g)
    [unfit] = [s for s in summary if "no finite estimate" in s]
    assert unfit.startswith("For promotion of learning and reflective practice the model gave no finite estimate")
    # the other impacts whose models are shown (morale's is withheld whole in this study's report, disclosure round 53)
    others = set(_table(g, "gee_models").data["impact"]) - {"learning"}
    assert len(others) == 4 and "morale" not in others
    assert any(s.startswith(f"None of the other {NUMBER_WORDS[len(others)]} impacts was reported significantly")
               for s in summary), summary
    assert "No estimate is shown for promotion of learning and reflective practice" in _table(g, "gee_models").notes


def test_the_holm_family_the_summary_names_is_the_impacts_with_a_p_value(unfit_and_indicators):
    """Holm's adjustment leaves an impact without a p-value out of its family (adjust_pvalues skips NaN): seed 27518,
    machine-coded, adjusted the 5 impacts whose models gave one and said 'once the 6 impacts are adjusted'."""
    g = unfit_and_indicators
    [sentence] = [s for s in _summary(g) if "more or less often" in s]
    # the impacts whose models are shown and gave a p-value: learning's gave none, morale's is withheld whole in this
    # study's report (disclosure round 53), so four (the count of the models shown, 5, was the fault's)
    shown = set(_table(g, "gee_models").data["impact"])
    status = g.models[(g.models["term"] == "in_intervention") & g.models["code"].isin(shown)]
    tested = int(status["p_value"].notna().sum())
    assert tested == 4 and len(shown) == 5
    # adjusted with the summary's other tests of a difference by status (truth68): the four status terms among them
    bs = g.change_by_status
    changes = int((bs["term"].eq("differs") & bs["tested"].astype(bool) & bs["code"].isin(shown)).sum())
    assert (f"once the {tested + changes} tests of a difference by intervention status this summary can state (four "
            "impacts' status terms in the models") in sentence, sentence


def test_indicator_groups_say_they_are_the_status_at_any_wave(twelve):
    """The indicator trends group councils by whether they were in intervention at any wave of the study, and the
    table and figure called the groups 'In intervention' and 'Not in intervention' in every year: a 30-council study
    (seed 27518) whose councils moved into and out of intervention showed 27 councils 'In intervention' in the year to
    March 2009, where the planted histories put 14 in intervention at the first wave and 13 more only at the last.
    The groups are named for what they are; their council counts are recomputed from the planted truth."""
    from impact.report._labels import Vocabulary

    study, truth, f = twelve
    table = _table(f, "indicator_trends")
    assert set(table.data["status"]) == {"intervention_at_some_wave", "intervention_at_no_wave"}
    assert Vocabulary().value("status", "intervention_at_some_wave") == "In intervention at some wave"
    assert Vocabulary().value("status", "intervention_at_no_wave") == "Not in intervention at any wave"
    ever = {c["council_id"] for c in truth.councils if any(c["in_intervention"].values())}
    ind = study.indicators.dropna(subset=["value"])
    ind = ind.assign(group=np.where(ind["council_id"].isin(ever), "intervention_at_some_wave",
                                    "intervention_at_no_wave"))
    want = ind.groupby(["measure", "period", "group"])["council_id"].nunique()
    shown = [r for r in table.data.itertuples() if r.n_councils != "c"]
    assert len(shown) >= len(table.data) // 2
    for r in shown:
        assert int(r.n_councils) == want[r.measure, r.period, r.status], r


def test_the_effect_size_of_a_two_wave_change_is_named_for_what_it_is(twelve):
    """With two waves the change within a status group is tested with Wilcoxon's signed-rank test, whose effect is
    the matched-pairs rank-biserial correlation (-1 to 1): a two-wave study (seed 73058 with its middle wave left
    out) headed it 'Kendall's W' (Friedman's effect size, 0 to 1). The value is recomputed from the councils' shares
    of the planted coding."""
    from impact.report._labels import Vocabulary
    from impact.stats import change_over_time

    study, truth, f = twelve
    first, last = study.wave_ids[0], study.wave_ids[-1]
    seen = f.panel[f.panel["interviewed"] & f.panel["wave"].isin([first, last])]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        change = change_over_time(seen, outcome="share_reported", time="wave", unit="council_id",
                                  group="status_group", by="code", times=[first, last]).assign(measure="reported")
    assert set(change["test"]) == {"wilcoxon"}
    # min_count 3: at 5, the 2 councils followed in intervention and the councils in each group at each wave are
    # audited together, and the ledger's secondary suppression hides the 6 followed out of intervention too (round 39)
    from impact.pipeline import build_report

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        report, _ = build_report(dataclasses.replace(f, change=change), min_count=3)
    table = next(b for s in report.sections for b in s.blocks if isinstance(b, Table) and b.name == "change_over_time")
    assert "matched_rank_biserial" in table.data.columns and "kendalls_w" not in table.data.columns
    from impact.report._format import table_notes

    shown_notes = table_notes(table)  # the notes name columns by machine name, given as the table heads them
    assert "Kendall" not in shown_notes and "rank-biserial" in shown_notes, shown_notes
    assert Vocabulary().column("matched_rank_biserial").header == "Matched-pairs rank-biserial correlation"
    # each council's share at the first and last wave, in one status group at both: the signed ranks' balance
    shares = seen.pivot_table(index=["code", "status_group", "council_id"], columns="wave", values="share_reported",
                              observed=True).dropna()
    shown = [r for r in table.data.itertuples() if r.matched_rank_biserial != "c"]
    assert shown
    for r in shown:
        d = (shares.loc[(r.impact, r.status)][last] - shares.loc[(r.impact, r.status)][first]).to_numpy()
        d = d[d != 0]
        ranks = pd.Series(np.abs(d)).rank().to_numpy()
        want = (ranks[d > 0].sum() - ranks[d < 0].sum()) / ranks.sum() if len(d) else 0.0
        assert float(r.matched_rank_biserial) == pytest.approx(want)


def test_factors_by_realisation_compare_participants_interviewed_at_every_wave(twelve):
    """The exploratory table of factors said to help, by whether expectations were realised, put a participant seen
    at one later wave among the realised when they reported an expectation there, though such a participant can
    never be unmet: seed 27518 compared 71 'realised' with 12 'unmet', where 52 of the 71 were seen at every wave
    (and had two chances to say a factor helped where the others had one). Both groups are recomputed here from the
    planted statements: participants interviewed at every wave who anticipated an impact before the review."""
    study, truth, f = twelve
    grid = _planted_panel(study, truth)
    waves = study.interviews.groupby("participant_id")["wave"].nunique()
    every = set(waves.index[waves == len(study.wave_ids)])
    g = grid[grid["participant_id"].isin(every)]
    held = g[(g["wave"] == study.wave_ids[0]) & g["anticipated"]][["participant_id", "code"]]
    later = g[g["wave"].isin(study.wave_ids[1:]) & g["reported"]][["participant_id", "code"]].drop_duplicates()
    met = held.merge(later.assign(met=True), how="left")["met"].astype("boolean").fillna(False).astype(bool)
    realised = held.assign(met=met.to_numpy()).groupby("participant_id")["met"].any()
    t = f.process["by_realisation"].drop_duplicates("group").set_index("group")["n"]
    assert int(t["realised"]) == int(realised.sum()) and int(t["unmet"]) == int((~realised).sum()), (t, realised)


def test_the_indicators_randomisation_p_is_adjusted_across_the_indicators(unfit_and_indicators):
    """Five indicators are tested at once, and the table gave each p alone: a 25-council study (seed 85912) with no
    change planted in child protection plans showed p = 0.018 (randomisation p 0.051) for it. The randomisation p is
    adjusted across the indicators shown (Holm), checked against statsmodels' multipletests."""
    from statsmodels.stats.multitest import multipletests

    assert unfit_and_indicators.indicator_effects is INDICATOR_EFFECTS  # the case (fixture unfit_and_indicators)
    table = _table(unfit_and_indicators, "indicator_did")
    shown = table.data[table.data["ri_p_value"] != "c"]
    assert list(shown["measure"]) == ["cin_rate", "cpp_rate", "referral_rate", "rereferral_pct"]  # 3 councils: hidden
    want = multipletests([0.855, 0.051, 0.629, 0.001], method="holm")[1]
    assert shown["ri_p_adjusted"].astype(float).tolist() == pytest.approx(list(want))
    assert (table.data.loc[table.data["measure"] == "sw_turnover_pct", "ri_p_adjusted"] == "c").all()
    assert "adjusted across the indicators (Holm)" in table.notes
    from impact.report._labels import Vocabulary

    assert "Holm" in Vocabulary().column("ri_p_adjusted").description  # the data dictionary says what it is


def test_the_attrition_sensitivity_claims_no_more_than_its_weights_allow(twelve):
    """The response weights model being interviewed on wave and intervention status only, and the paragraph said
    'if they agree, missed interviews did not drive the estimate': interviews missed for reasons the weights do not
    model (a participant with less to report being harder to reach) are allowed for by neither estimate."""
    study, truth, f = twelve
    report, _ = report_of(f)
    paragraphs = [b.text for s in report.sections for b in s.blocks if isinstance(b, Paragraph)]
    [p] = [t for t in paragraphs if "weighted by the inverse of each participant's estimated chance" in t]
    assert "missed interviews did not drive the estimate" not in p
    assert "reasons that wave and status explain" in p and "not allowed for by either" in p


def test_the_limitation_that_councils_move_between_statuses_is_stated_only_when_one_does(one_in_intervention, twelve):
    """'Councils move in and out of intervention between waves' was among the limitations of every study: seed
    30481 (45 councils, 4 in intervention at every wave, 41 at none) said it of councils none of which moved. It is
    stated where the planted histories have a council in intervention at one wave and out of it at another."""
    seen = []
    for _study, truth, f in (one_in_intervention, twelve):
        moved = any(len(set(c["in_intervention"].values())) > 1 for c in truth.councils)
        seen.append(moved)
        report, _ = report_of(f)
        methods = " ".join(b.text for s in report.sections for b in s.blocks if isinstance(b, Callout))
        assert ("councils move in and out of intervention between waves" in methods) == moved, (moved, methods)
    assert seen == [False, True]  # one study of each kind


def test_p_values_in_the_summary_never_read_zero_nor_round_up_to_alpha(twelve):
    """Two differences by status in one report (one built, where there were two): learning's Holm-adjusted p of
    0.00004 and morale's of 0.04996, which printed '0.000' and '0.050' (here policies' in place of morale's, whose
    model this study's report withholds whole: disclosure round 53)."""
    study, truth, f = twelve
    assert {"learning", "policies_systems"} <= set(_table(f, "gee_models").data["impact"])  # their models are shown
    m = f.models.copy()
    m["separation"] = False
    status = m["term"] == "in_intervention"
    # the p-values before the adjustment give these after it (Holm, x5 and x4: the status tests of the five models
    # shown, the sixth withheld, whose family the report adjusts again from the p-values; disclosure round 53)
    m.loc[status & (m["code"] == "learning"), ["estimate", "ci_low", "ci_high", "p_value", "p_adjusted"]] = \
        [1.2, 0.5, 1.9, 0.000008, 0.00004]
    m.loc[status & (m["code"] == "policies_systems"), ["estimate", "ci_low", "ci_high", "p_value", "p_adjusted"]] = \
        [1.1, 0.4, 1.8, 0.01249, 0.04996]
    # the status tests alone (no change by status, no survey): their family is the models' (truth68 adjusts the
    # summary's status tests of every kind together, tests/test_report_truth_round68.py)
    summary = " ".join(_summary(dataclasses.replace(f, models=m, change_by_status=None, survey_by_status=None)))
    assert "Holm-adjusted p < 0.001" in summary and "p = 0.000" not in summary
    assert "Holm-adjusted p = 0.04996" in summary and "p = 0.050" not in summary


# --------------------------------------------------------------------------- counts and shares
def test_the_summary_never_states_a_number_of_interviews_that_is_not_the_study_s(five, twelve, one_in_intervention,
                                                                                 sixty_planted):
    """Seed 41903's summary said 'drawing on 16 interviews' (and its machine-coded run '8 interviews'): the sum of
    the waves whose counts were published. The study has 25."""
    for study, _, f in (five, twelve, one_in_intervention, sixty_planted):
        first = _summary(f)[0]
        stated = re.search(r"drawing on ([\d,]+) interviews", first)
        if stated:
            assert int(stated.group(1).replace(",", "")) == len(study.interviews), first
        else:
            assert "the sample section gives their numbers" in first, first
    # where every wave's count is published the number is stated, so that the check above is not vacuous: the
    # 60-council study's, and one_in_intervention's (disclosure round 74 withheld its expectations count, a secondary
    # count narrowing only others; round 75 publishes it again)
    assert re.search(r"drawing on ([\d,]+) interviews", _summary(sixty_planted[2])[0])
    assert re.search(r"drawing on ([\d,]+) interviews", _summary(one_in_intervention[2])[0])  # all published there
    assert not re.search(r"drawing on ([\d,]+) interviews", _summary(five[2])[0])  # one wave's count is suppressed


@pytest.mark.parametrize("which", ["five", "twelve"])
def test_the_share_of_expectations_realised_is_that_of_participants_interviewed_at_every_wave(which, request):
    """It counted an expectation realised when reported at either later wave, but unmet only when seen at both, and
    said 'of the N expectations that participants interviewed at every wave held': seed 41903 gave 12 and 9 (75%),
    where the participants interviewed at every wave held 8 and realised 5 (62%); seeds 74309 and 85127 (60 and 153
    councils, run by hand) 70% and 73% against 66% and 70%."""
    study, truth, f = request.getfixturevalue(which)
    p = _planted_panel(study, truth)
    waves = list(study.wave_ids)
    every = p.groupby("participant_id")["wave"].nunique()
    p = p[p["participant_id"].isin(every.index[every == len(waves)])]
    held = p[(p["wave"] == waves[0]) & p["anticipated"]][["participant_id", "code"]]
    later = p[p["wave"].isin(waves[1:]) & p["reported"]][["participant_id", "code"]].drop_duplicates()
    realised = len(held.merge(later, on=["participant_id", "code"]))
    said = _summary(f)
    stated = [s for s in said if "were reported as realised" in s]
    if 0 < realised < 5 or 0 < len(held) - realised < 5:
        # a count below 5 would be published, or worked out (seed 41903: 8 held, 5 realised, so 3 unmet): left out,
        # and said to be (round 5)
        assert not stated, stated
        assert any(s.startswith("This summary does not state") and "the share of expectations realised" in s
                   for s in said), said
    else:
        [sentence] = stated
        assert f"Of the {len(held)} expectations" in sentence
        assert f", {realised} ({realised / len(held):.0%})" in sentence
    # the package's own trajectory table overstated it (it counted as realised participants who missed a later wave,
    # who could never be unmet); it now counts the same participants
    t = f.trajectory_summary
    assert (t["realisation_realised"].sum(), (t["realisation_realised"] + t["realisation_unmet_expectation"]).sum()) \
        == (realised, len(held))


def test_the_credit_sentence_names_every_factor_tied_with_the_third(twelve):
    """Seed 63421 (planted coding) named 'new leadership 3%, a restructure 3%, Ofsted 3%' where funding was credited
    exactly as often as the last two (14 statements each); which of tied factors were named was an accident of
    spelling. Causes are named only where they stand out beyond chance (round 18): here three tied at 40 statements
    stand out from a fifth at 9, so all three are named with the first (60), and the fifth is not."""
    from impact.report._build import _credit_sentence, _Ctx

    _, _, f = twelve
    att = f.attribution.copy()
    i = att.index[att["code"] == "all"][0]
    att.loc[i, ["n_ofsted", "n_leadership", "n_restructure", "n_funding", "n_other_programme"]] = [40, 60, 40, 40, 9]
    att.loc[i, ["n_reported", "n_review", "n_other", "n_unclear"]] = [530, 325, 189, 16]
    sentence = _credit_sentence(_Ctx(dataclasses.replace(f, attribution=att), False, 5, 5, None))
    assert sentence.startswith("Of the 530 statements reporting an impact after the review, 36% credited it"), sentence
    for factor in ("new leadership", "Ofsted", "a restructure", "funding"):
        assert f"{factor} " in sentence, sentence
    assert "another programme" not in sentence


# --------------------------------------------------------------------------- what the tables say their columns are
def test_table_headings_say_what_their_counts_count(twelve):
    """The expectations table headed the share who anticipated an impact 'Share reporting it'; the suggestions table
    headed the participants who made a suggestion 'Participants interviewed'."""
    _, _, f = twelve
    exp = _table(f, "expectations")
    assert exp.labels["prevalence"].text == "Share anticipating it"
    assert _table(f, "prevalence").labels["prevalence"].text == "Share reporting it"
    rec = _table(f, "recommendations")
    assert rec.labels["n_participants"].text == "Participants making a suggestion"


def test_the_detectable_difference_and_its_size_label_agree(twelve):
    """With 40 councils not in intervention and 18 in, the limitation said 'at least 0.8 standard deviations (a
    medium difference by Cohen's convention)': 0.795 printed with one decimal, labelled from the unrounded value;
    by Cohen 0.8 is large. The figure is the rank permutation test's (round 10 of the statistics cross-checks; the
    two-sample t test's from round 3 of the audit)."""
    from impact.report._build import _Ctx, _detectable
    from impact.stats._power import _rank_test_detectable_shift

    _, _, f = twelve
    c = pd.DataFrame({"code": ["commitment"], "wave": [f.study.wave_ids[1]], "n_a": [40], "n_b": [18]})
    ctx = _Ctx(dataclasses.replace(f, comparisons=c, not_computed={}), False, 5, 5, None)
    text = _detectable(ctx)
    d = _rank_test_detectable_shift(40, 18)
    shown = re.search(r"at least (\d\.\d\d) standard deviations", text)
    assert shown and float(shown.group(1)) == pytest.approx(d, abs=0.005), text
    label = "large" if float(shown.group(1)) >= 0.8 else "medium" if float(shown.group(1)) >= 0.5 else "small"
    assert f"(a {label} difference" in text or (label == "small" and "(a small to medium difference" in text), text


def test_no_estimate_of_a_separated_fit_reaches_the_sensitivity_table(five):
    """The sensitivity table printed odds ratios of 31,104,013,398.93 (95% CI 23 million to 41 trillion) from
    separated fits of seed 41903."""
    _, _, f = five
    # with min_count 1: the default suppresses the contrast of two councils on a side (disclosure round 42)
    table = _table(f, "attrition_sensitivity", min_count=1)
    ors = table.data[[c for c in table.data.columns if c.endswith("odds_ratio")]].astype(float)
    assert (ors.fillna(1) < 1e6).all().all() and (ors.fillna(1) > 1e-6).all().all(), ors
    assert "separation" in table.notes
    a = f.attrition
    assert "separation" in a.columns and a["separation"].any()
    for method, g in a.groupby("missing"):
        # round 8: a separated fit that Firth's penalised likelihood replaced (as in the models table) is shown
        sep = g.set_index("code")["separation"] & g.set_index("code")["estimator"].ne("firth")
        col = {"complete": "complete", "ipw": "weighted", "mice": "imputed"}[method] + "_odds_ratio"
        shown = table.data.set_index("impact")[col]
        assert shown[sep[sep].index].isna().all()
    assert np.isfinite(ors.to_numpy()).any()


def test_no_summary_share_or_limitation_gives_away_a_suppressed_count(five):
    """Seed 41903's tables suppress the participants interviewed before the review (9) and the councils in each
    status group; its summary gave "learning (56%)" beside a published 5 participants (so 9 interviewed, and 4 of
    13 missing), and its limitation "at most 3 councils in intervention and 2 not ... smallest p-value 0.20"."""
    from impact.report import Callout

    study, truth, f = five
    report, _ = report_of(f)
    exp = _table(f, "expectations").data
    assert (exp["n_participants"] == "c").all()
    report_of(f)  # the whole report, read below, first: the summary is read from it
    said = _summary(f)
    assert not any(s.startswith("Before the review, participants most often expected") for s in said)
    # what is left out is said to be, with no share that would give the count away
    [left_out] = [s for s in said if s.startswith("This summary does not state which impacts participants most often")]
    assert "not published, to protect the participants" in left_out and not re.search(r"\d+%", left_out)
    [limitation] = [b.text for s in report.sections for b in s.blocks
                    if isinstance(b, Callout) and b.text.startswith("Limitations: ")]
    status = _table(f, "status_by_wave").data
    assert (status.loc[status["wave"] == "longer_term", "n_councils"] == "c").all()
    assert not re.search(r"\d+ councils? in intervention and \d+ not", limitation), limitation
    assert "smallest p-value" not in limitation and "no comparison of councils by intervention status can reach" \
        " significance" in limitation, limitation


def test_the_reason_comparisons_are_not_made_gives_no_count_of_councils_by_status(one_in_intervention):
    """Seed 63421's limitation and comparisons section said councils are not compared by status because each group
    needs two councils, "at best 1": the number of councils in intervention, which the sample section suppresses."""
    study, truth, f = one_in_intervention
    report, _ = report_of(f)
    status = _table(f, "status_by_wave").data
    assert (status["n_councils"] == "c").all()
    text = " ".join(getattr(b, "text", "") for sec in report.sections for b in sec.blocks)
    assert "needs at least two councils in each intervention group" in text
    assert not re.search(r"at best \d", text), re.findall(r".{80}at best \d", text)


def test_most_often_names_every_impact_tied_with_the_second(twelve):
    """'participants most often expected X (40%) and Y (38%)' named two impacts where a third was as common: which
    of tied impacts were named was an accident of order."""
    from impact.report._build import _Ctx, _declare, _descriptive

    _, _, f = twelve
    prev = f.prevalence.copy()
    first = prev["wave"] == f.study.wave_ids[0]
    ant = first & (prev["measure"] == "anticipated")
    # learning first; commitment, morale and partnership tied second (the same participants in each group)
    for code, share in {"learning": 0.9, "commitment": 0.5, "morale": 0.5, "partnership": 0.5}.items():
        rows = ant & (prev["code"] == code)
        prev.loc[rows, "events"] = (prev.loc[rows, "n"] * share).round()
    for code in ("plans_actions", "policies_systems"):
        prev.loc[ant & (prev["code"] == code), "events"] = 0
    ctx = _Ctx(dataclasses.replace(f, prevalence=prev), False, 1, 1, None)
    _declare(ctx)
    ctx.ledger.protect()
    [sentence] = [t for what, t in _descriptive(ctx)[0] if what.startswith("which impacts participants")]
    assert "promotion of learning" in sentence, sentence
    # the three tied are all named or none is (round 17: only what stands out beyond chance is named, here learning
    # alone, at 90% against 50%)
    tied = {label in sentence for label in ("increased commitment", "improvement in staff morale",
                                            "affirmation and enhancement of partnership")}
    assert len(tied) == 1, sentence


# --------------------------------------------------------------------------- the hand check
@pytest.fixture(scope="module")
def twelve_checked(machine_checked_core):
    """A study of the default design, machine-coded, with a third of its interviews coded again from the planted truth
    (all of the planted file's codes, the review-process ones too, as a person would send the file they have):
    conftest.machine_checked_core (24 councils, seed 98317; the comparisons, change, models and review process only,
    since the fourteenth pass on the suite's time), shared with rounds 3 and 4; this file analysed its twelve
    councils (seed 63431) so before.

    Its findings carry one planted case: commitment's kappa in councils in intervention set to -0.004 (the case of
    :func:`test_a_kappa_just_below_zero_is_not_printed_as_minus_zero`; a value in that one table only), so that the
    three tests below read one report (each of the others read the unmodified findings' report before the twelfth pass
    on the suite's time)."""
    study, truth, f = machine_checked_core
    r = f.reliability_by_status.copy()
    at = (r["code"] == "commitment") & (r["metric"] == "cohen_kappa") & (r["status_group"] == "intervention")
    assert at.sum() == 1
    r.loc[at, "value"] = -0.004
    return study, truth, dataclasses.replace(f, reliability_by_status=r), hand_check(study, truth, 98317, 3)


def test_the_hand_check_compares_every_segment_of_the_interviews_checked(twelve_checked):
    """Agreement was computed on the segments the second coding coded, so a segment where only the coder found an
    impact (its false positive) never counted: on seed 63421 (12 councils, a third of the interviews checked) kappa
    for partnership working read 0.61 on the 362 segments with a planted code and 0.36 on all 4,484 segments of the
    checked interviews. The reliability table also headed those segments 'Councils (clusters)', and compared the
    review-process codes of the file with an impacts coding that cannot hold them (kappa 0.00 for each)."""
    from sklearn.metrics import cohen_kappa_score

    study, truth, f, human = twelve_checked
    seg = f.segments[f.segments["interview_id"].isin(set(human["interview_id"]))]
    table = _table(f, "reliability")
    assert set(table.data["impact"]) <= {f.codebook.codes.set_index("code_id")["label"].get(c, c) for c in IMPACTS}
    assert table.labels["n_units"].text == "Segments compared"
    assert (table.data["n_units"] == len(seg)).all(), (table.data["n_units"].unique(), len(seg))
    # Cohen's kappa per impact, recomputed: a segment holds a code when a non-negated coding of it overlaps it
    spans = truth.statements[truth.statements["interview_id"].isin(set(human["interview_id"]))
                             & (truth.statements["polarity"] != "negated")]
    machine = f.coded[~f.coded["negated"].astype(bool)]
    kappa = f.reliability[f.reliability["metric"] == "cohen_kappa"].set_index("code")["value"]
    pairs = seg[["segment_id", "interview_id", "start", "end"]].merge(
        spans[["interview_id", "code", "start", "end"]], on="interview_id", suffixes=("", "_span"))
    overlap = pairs[(pairs["start_span"] < pairs["end"]) & (pairs["end_span"] > pairs["start"])]
    for code in IMPACTS:
        person = seg["segment_id"].isin(set(overlap.loc[overlap["code"] == code, "segment_id"]))
        coder = seg["segment_id"].isin(set(machine.loc[machine["code"] == code, "unit"]))
        assert kappa[code] == pytest.approx(cohen_kappa_score(person, coder), abs=1e-9), code
    # and within each status group, on every checked segment of that group
    n = f.reliability_by_status.drop_duplicates("status_group").set_index("status_group")["n_segments"]
    assert n.sum() == len(seg)
    # the table of those kappas holds the impacts only, not the file's review-process codes
    by_status = _table(f, "reliability_by_status").data
    assert set(by_status["impact"]) <= {f.codebook.codes.set_index("code_id")["label"].get(c, c) for c in IMPACTS}
    assert len(by_status) == 2 * len(IMPACTS)


def test_a_kappa_just_below_zero_is_not_printed_as_minus_zero(twelve_checked):
    """Seed 63421's hand check gave commitment a kappa of -0.004 in councils in intervention, printed '-0.00'."""
    _, _, g, _ = twelve_checked
    r = g.reliability_by_status
    assert r.loc[(r["code"] == "commitment") & (r["metric"] == "cohen_kappa") & (r["status_group"] == "intervention"),
                 "value"].tolist() == [-0.004]  # planted by the fixture
    report, _ = report_of(g)
    text = " ".join(getattr(b, "text", "") for s in report.sections for b in s.blocks) + " ".join(_summary(g))
    assert "-0.00" not in text
    # the kappas within each status group are a table now (they were a sentence)
    table = next(b for s in report.sections for b in s.blocks if isinstance(b, Table) and b.name == "reliability_by_status")
    shown = display_frame(table.data, table.columns_format, labels=table.labels, value_labels=table.value_labels)
    assert not shown.astype(str).apply(lambda col: col.str.contains("-0.00", regex=False)).any().any()
    at = (table.data["impact"].str.contains("commitment") & (table.data["status_group"] == "intervention")).to_numpy()
    assert shown.loc[at].astype(str).isin(["0.00"]).any(axis=1).all(), shown.loc[at]


def test_an_impact_the_hand_check_finds_misread_is_not_quoted(twelve_checked):
    """Under machine coding an impact read with F1 of at least 0.70 was quoted whatever the study's own hand check
    said: seed 63421 quoted 'our staff are a really committed bunch' (planted: morale) under commitment, whose
    hand check gave kappa 0.32. Where the hand check measures an impact below 0.70, its statements are not quoted
    and the report says why."""
    from impact.report import Quote

    _, truth, f, _ = twelve_checked
    kappa = f.reliability[f.reliability["metric"] == "cohen_kappa"].set_index("code")["value"]
    assert kappa["commitment"] < 0.70
    report, _ = report_of(f)
    [said] = [s for s in report.sections if s.title == "What people said"]
    assert not any(isinstance(b, Quote) for b in said.blocks)
    assert any(isinstance(b, Paragraph) and b.text.startswith("Increased commitment and drive to improve safeguarding "
                                                              "has no statement quoted: the hand check")
               and f"{kappa['commitment']:.2f}" in b.text for b in said.blocks)


@pytest.mark.parametrize("which", ["five", "twelve"])
def test_the_summary_says_how_many_early_impacts_were_reported_again_later(which, request):
    """Whether early impact lasts is the study's question after the review, and the summary said nothing of it (seed
    73058, whose planted effect was a change between the waves, p < 0.001 in the models table). The sentence counts,
    among participants interviewed at both waves after the review, the impacts reported at the first of them and
    again at the last, and those first reported at the last: recomputed here from the planted statements."""
    study, truth, f = request.getfixturevalue(which)
    p = _planted_panel(study, truth)
    early, late = list(study.wave_ids)[1], list(study.wave_ids)[-1]
    p = p[p["wave"].isin([early, late])]
    both = p.groupby("participant_id")["wave"].nunique()
    p = p[p["participant_id"].isin(both.index[both == 2]) & p["reported"]]
    at_early = p[p["wave"] == early][["participant_id", "code"]]
    at_late = p[p["wave"] == late][["participant_id", "code"]]
    kept = len(at_early.merge(at_late, on=["participant_id", "code"]))
    said = [s for s in _summary(f) if "were reported again at" in s]
    new = len(at_late) - kept
    if len(at_early) < 5:
        assert said == []
        return
    [withheld] = [s for s in _summary(f) if s.startswith("This summary does not state")] or [""]
    withheld = re.split(r"; nor ", withheld)
    why = next((part for part in withheld if "the share of early impacts still reported later" in part), None)
    if any(0 < n < 5 for n in (kept, len(at_early) - kept, new)):  # a count below 5 published or worked out (round 5)
        assert said == [] and why is not None and "is below 5" in why, withheld
        return
    if said == []:
        # each count is 5 or more, but with the prevalence tables (which count the same participants: disclosure
        # round 48) they can narrow a hidden cell of the table of sustained impact, so the ledger may hide them: the
        # summary then says so, and does not say a count behind them is below 5 (the recomputed counts are not)
        assert why is not None and "is at least 5" in why and "below 5" not in why, withheld
        return
    [sentence] = said
    assert sentence.startswith(f"Of the {len(at_early)} impacts that participants interviewed at both waves"), sentence
    assert f", {kept} ({kept / len(at_early):.0%}) were reported again at" in sentence, sentence
    assert re.search(rf"; {new} {'was' if new == 1 else 'were'} reported at [^;]+ that had not been at [^;]+\.$",
                     sentence), sentence  # not 'for the first time': they may have been reported before the review

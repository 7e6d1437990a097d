"""What the report states about a study, against the truth planted in it and its own tables: round 21.

Each design has a seed unused by any other test (9931-9960) and is analysed with only the analyses each check needs.
Every claim is checked against the planted truth, an independent recount, or what the run was given (a hand check,
the disclosure options).
"""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest
from conftest import (
    analysed_synthetic,
    once_per_worker,
    report_of,
    shared_synthetic,
    summary_bullets,
)

pytestmark = pytest.mark.xdist_group("report_truth_round21")


def _texts(report) -> list[str]:
    """Every paragraph, bullet, callout and table note of ``report``."""
    from impact.report import Bullets, Callout, Paragraph, Table

    out = []
    for b in (b for s in report.sections for b in s.blocks):
        if isinstance(b, Paragraph | Callout):
            out.append(b.text)
        elif isinstance(b, Bullets):
            out += list(b.items)
        elif isinstance(b, Table):
            out.append(b.notes)
    return out


# --------------------------------------------------------------------------- 1. what depends on the run's inputs
@pytest.fixture(scope="module")
def six():
    """``(study, truth, findings)``: 6 councils, nothing planted (null effects), machine coded, half the interviews
    checked by hand (the planted coding as people would send it); the review themes besides the coding's analyses."""
    from impact.synth import SynthEffects

    return once_per_worker(("round21", "six", 9931), lambda: analysed_synthetic(
        6, 9931, machine=True, check_one_in=2, interviews_per_wave=2, words_per_interview=150,
        effects=SynthEffects.null(), parts=["framework"]))


def _unchecked(findings):
    """``findings`` as if no hand check had been supplied."""
    return dataclasses.replace(findings, reliability=None, reliability_by_status=None, reliability_by_wave=None,
                               hand_check=None)


def test_table_notes_give_the_hand_check_supplied_not_one_to_come(six):
    """Under machine coding, each table of impact figures said they were 'unconfirmed until a sample of the codings
    is checked by hand' beside a hand check of half the interviews (seed 9931, 6 councils). From the coding
    reliability table: each such note gives the range of Cohen's kappa of the impacts the coder reads poorly and how
    many are below the line; without a hand check (the same findings, the check taken away) it still asks for one."""
    from impact.report import Table
    from impact.report._build import _IMPACT_TABLES, _Ctx, _weak_codes
    from impact.report._caveats import CHECKED_KAPPA, _against, _count_words

    _, _, f = six
    weak = _weak_codes(_Ctx(f, False, 5, 5, None))
    r = f.reliability
    kappa = r[r["metric"] == "cohen_kappa"].set_index("code")["value"].astype(float).reindex(list(weak))
    assert kappa.notna().all() and len(weak) >= 2  # the design is meant to check every impact read poorly
    lo, hi = _against(kappa.min(), CHECKED_KAPPA), _against(kappa.max(), CHECKED_KAPPA)
    low = int((kappa < CHECKED_KAPPA).sum())
    for checked, findings in ((True, f), (False, _unchecked(f))):
        report, _ = report_of(findings)
        notes = [b.notes for s in report.sections for b in s.blocks if isinstance(b, Table) and b.name in _IMPACT_TABLES]
        assert len(notes) >= 3
        for note in notes:
            awaited = "unconfirmed until a sample of the codings is checked by hand" in note
            assert awaited != checked, note
            if checked:
                assert f"Cohen's kappa from {lo} to {hi} between the coder and people for those impacts" in note, note
                assert f"({_count_words(low, len(kappa))} below {CHECKED_KAPPA:.2f};" in note, note


def test_caveats_and_limitations_ask_for_a_hand_check_only_where_none_was_supplied(six):
    """The summary's caveat ended 'Check a sample of its codings by hand (impact review export) before publishing'
    and the limitations 'check a sample before publishing', beside a hand check of half the interviews. With the
    check, no sentence of the report asks for one and the two point to the coding reliability section, which the
    report has; with the check taken away, both ask for one and no section of that name is promised."""
    _, _, f = six
    for checked, findings in ((True, f), (False, _unchecked(f))):
        report, _ = report_of(findings)
        texts = _texts(report)
        asks = [t for t in texts if "before publishing" in t and "check a sample" in t.lower()]
        assert bool(asks) != checked, asks
        caveat = [t for t in texts if t.startswith("Councils are not compared") or "coded by the package's" in t
                  and "not by people" in t]
        assert caveat and all(("coding reliability section" in t) == checked for t in caveat if "not by people" in t)
        limits = [t for t in texts if t.startswith("Limitations:")]
        assert len(limits) == 1 and ("checked by hand for this report" in limits[0]) == checked, limits
        titles = [s.title.lower() for s in report.sections]
        assert any("reliability" in t for t in titles) == checked, titles


def test_the_framework_matrix_says_whether_councils_are_named(six):
    """The framework matrix's note read 'Councils under pseudonyms unless the report was run with --identify' under
    either option. With the matrix by council asked for the rows are pseudonyms (no council's name from the study)
    and the note says so; with ``identify=True`` the rows are the councils' names and the note says they are named.
    (By default the matrix has no row per council: tests/test_framework_disclosure.py.)"""
    from impact.pipeline import build_report
    from impact.report import Table

    study, _, f = six
    names = set(study.councils["name"])
    for identify in (False, True):
        report, _ = build_report(f, identify=identify, council_matrix=not identify)
        tables = [b for s in report.sections for b in s.blocks if isinstance(b, Table) and b.name.startswith("framework_")]
        assert tables
        for t in tables:
            rows = set(t.data["council"])
            assert (rows <= names) == identify and (not rows & names) != identify, rows
            assert ("pseudonym" in t.notes) != identify and ("Councils named" in t.notes) == identify, t.notes
            assert "unless" not in t.notes, t.notes


# --------------------------------------------------------------------------- 2. a kappa of no width says what it is
@pytest.fixture(scope="module")
def seven(tmp_path_factory):
    """``(study, truth, findings)`` of round 20's hand-checked 7-council study (seed 9901), with no analysis beyond
    the coding's (``parts=[]``): the study whose morale kappa read 0.00 (0.00 to 0.00)."""
    from impact.synth import SynthEffects

    return shared_synthetic(tmp_path_factory, "round20-seven-9901", 7, 9901, machine=True, check_one_in=3,
                            interviews_per_wave=3, words_per_interview=150, effects=SynthEffects.null(), parts=[])


def _held(coding, units) -> dict[str, int]:
    """Checked segments holding each code in ``coding`` (a negated coding holds nothing)."""
    c = coding[coding["unit"].astype(str).isin(units)]
    if "negated" in c.columns:
        c = c[~c["negated"].fillna(False).astype(bool)]
    return c.drop_duplicates(["unit", "code"])["code"].value_counts().to_dict()


@pytest.mark.parametrize("design", ["seven", "six"])
def test_a_kappa_with_no_interval_says_which_coding_never_held_the_impact(design, request):
    """With ``parts=[]`` the reliability table read morale's kappa as 0.00 (0.00 to 0.00), a run with every part the
    same (the analyses do not touch the hand check: the same coding, segments and check give the same kappas): the
    machine coding holds morale in none of the segments checked, people in 5, so kappa is 0 whatever people coded and
    its large-sample standard error is 0. Recounted from the coding and the hand check on the checked segments: each
    impact whose kappa has an interval of no width is named in the table's note with the two counts, one of them
    none (or agreement on every segment); tables within status groups and waves with such a kappa say what it
    means; an impact with a real interval is not named."""
    from impact.coding.evaluate import checked_units
    from impact.report import Table

    _, _, f = request.getfixturevalue(design)
    report, _ = report_of(f)
    units = set(checked_units(f.hand_check, f.segments))
    ours, theirs = _held(f.coded, units), _held(f.hand_check, units)
    r = f.reliability
    k = r[r["metric"] == "cohen_kappa"].set_index("code")
    # no interval (round 22: one coding holding the impact nowhere) or one of no width (agreement on every segment)
    flat = [c for c in k.index if c in set(f.codebook.top_codes()) and not k.loc[c, "ci_low"] < k.loc[c, "ci_high"]]
    tables = {b.name: b for s in report.sections for b in s.blocks if isinstance(b, Table)}
    note = tables["reliability"].notes
    for c in f.codebook.top_codes():
        label = f.codebook.code(c)["label"].lower()
        a, b = ours.get(c, 0), theirs.get(c, 0)
        if c in flat:
            assert min(a, b) == 0 or (k.loc[c, "value"] == 1), (c, a, b)
            assert f"{label} in none of the {len(units):,} segments compared" in note, (c, note)
            assert f"in {max(a, b):,}, so its kappa is 0," in note, (c, note)
        else:
            assert f"{label} in none of" not in note, (c, note)
    assert not flat or "interval of no width" in note
    for name in ("reliability_by_status", "reliability_by_wave"):
        t = tables.get(name)
        if t is not None:
            has = bool((t.data["cohen_kappa"].notna() & ~(t.data["ci_low"] < t.data["ci_high"])).any())
            assert ("interval of no width" in t.notes) == has, (name, t.notes)
    if design == "seven":
        assert "morale" in flat  # the row of the open item


# --------------------------------------------------------------------------- 3. the summary and the indicators section
@pytest.fixture(scope="module")
def twenty():
    """``(study, truth, findings)``: 20 councils, heavy attrition (30% of participants leave at each wave, 10% of
    councils miss a wave), most councils entering or leaving intervention during the study, two participants per
    council; the indicators only (199 resamples)."""
    return once_per_worker(("round21", "twenty", 9932), lambda: analysed_synthetic(
        20, 9932, interviews_per_wave=2, words_per_interview=100, participant_dropout=0.3, council_missing=0.1,
        intervention_paths={"never": 0.3, "lifted": 0.35, "entered": 0.35}, parts=["indicators"]))


def test_a_summary_of_no_indicator_change_names_what_the_section_finds(twenty):
    """Planted: re-referrals fall after the review (by 0.5 points, and 2.5 more in councils in intervention). The
    indicators section, adjusting the tests over all councils across its indicators (Holm), reports the fall; the
    summary, adjusting across those and the tests in each status group together (15 tests, where 199 resamples let no
    adjusted p fall below 0.075), said only that no indicator changed (seed 9932, 20 councils). Recomputed from the
    randomisation p-values (Holm with statsmodels): the summary's sentence names every indicator the section's
    family finds, with its estimate and adjusted p, and the planted fall is among them. Round 30: that was a second
    adjusted p for one estimate; the section now adjusts across the summary's family, so the two agree: the
    section's table gives the summary's adjusted p, and the summary names no other."""
    from statsmodels.stats.multitest import multipletests

    study, truth, f = twenty
    e = f.review_indicator_effects
    pooled = e[(e["group"] == "all") & e["ri_p_value"].notna()]
    adjusted = multipletests(pooled["ri_p_value"].astype(float), method="holm")[1]
    found = pooled[adjusted < 0.05].assign(adjusted=adjusted[adjusted < 0.05])
    assert truth.effects.indicator_measure in set(found["measure"])  # the design is meant to find the planted fall
    assert (found.set_index("measure").loc[truth.effects.indicator_measure, "estimate"] < 0)
    [sentence] = [s for s in summary_bullets(f) if "changed significantly after the review" in s]
    assert "this is not evidence that none changed" in sentence, sentence  # the summary's own family finds none
    assert "The indicators section" not in sentence, sentence
    from impact.report import Table
    from impact.report._build import _Ctx, _review_did

    status = e[(e["group"] != "all") & e["ri_p_value"].notna() & (e["n_treated"] >= 5) & (e["note"].fillna("") == "")]
    assert status["group"].nunique() == 2  # the family is the tests over all councils and in each group
    joint = multipletests(pd.concat([pooled, status])["ri_p_value"].astype(float), method="holm")[1][:len(pooled)]
    [table] = [b for b in _review_did(_Ctx(f, False, 5, 5, None)) if isinstance(b, Table)
               and b.name == "indicator_review_did"]
    shown = table.data.set_index("measure").loc[pooled["measure"], "ri_p_adjusted"].astype(float).to_numpy()
    assert shown == pytest.approx(joint), (shown, joint)
    for r in found.itertuples():
        assert f"{r.adjusted:.3f}" not in sentence, sentence


# --------------------------------------------------------------------------- 4. what a detectable size depends on
@pytest.fixture(scope="module")
def forty_five():
    """``(study, truth, findings)``: 45 councils, the default planted effects (every impact up at the waves after the
    review; partnership up in intervention), machine coded with no hand check, two participants per council of 300
    words an interview; the models only. Of 120 words (as round 21 had it) the impact whose change the models missed
    was morale, too rarely coded for its model to be shown (disclosure53 withholds it); of 300, that impact is
    policies and systems, whose model is shown."""
    return once_per_worker(("round21", "forty_five", 9933), lambda: analysed_synthetic(
        45, 9933, machine=True, interviews_per_wave=2, words_per_interview=300, parts=["models"]))


def test_a_detectable_odds_ratio_depends_on_what_varies_among_the_estimates(forty_five):
    """Planted: every impact up at both waves after the review (log-odds +2.0 and +1.4). The machine coding shows no
    change in morale alone, and the summary said its detectable odds ratio (6.45 to 7.02) depended 'on the impact and
    wave', of one impact (seed 9933, 45 councils). Now of 300 words an interview (morale's model is withheld at 120),
    the sentence names policies and systems alone, its model shown. For each sentence of the summary and the limitations giving a
    range of detectable odds ratios: the impacts it names and the models' terms it rests on (recounted from the
    models table) decide whether it says 'impact', 'wave' or both."""
    import re

    from impact.report import Callout

    _, truth, f = forty_five
    assert min(truth.effects.wave_log_odds[w] - truth.effects.wave_log_odds["expectations"]
               for w in ("early", "longer_term")) > 1  # a change was planted in every impact
    labels = {f.codebook.code(c)["label"].lower(): c for c in f.codebook.top_codes()}
    m = f.models
    waves = m[m["term"].astype(str).str.startswith("wave_")]
    report, _ = report_of(f)
    [quiet] = [s for s in summary_bullets(f) if "shows no significant change between" in s and "depending on" in s]
    named = [c for label, c in labels.items() if label in quiet.split(" once ")[0]]
    withheld = " ".join(s for s in summary_bullets(f) if " withheld" in s)
    assert len(named) == 1 and f.codebook.code(named[0])["label"].lower() not in withheld.lower(), (named, withheld)
    rows = waves[waves["code"].isin(named)]
    by = (["impact"] if rows["code"].nunique() > 1 else []) + (["wave"] if rows["term"].nunique() > 1 else [])
    assert re.search(rf"at least [\d.]+ to [\d.]+, depending on the {' and '.join(by)} \(", quiet), quiet
    [limits] = [b.text for s in report.sections for b in s.blocks if isinstance(b, Callout)
                and b.text.startswith("Limitations:")]
    status = m[m["term"] == "in_intervention"]
    assert waves["code"].nunique() > 1 and waves["term"].nunique() > 1 and status["code"].nunique() > 1
    assert "a later wave only if its odds ratio is at least" in limits and "depending on the impact and wave" in limits
    assert re.search(r"in intervention only if its odds ratio is at least [\d.]+ to [\d.]+, depending on the impact "
                     r"\(", limits), limits


def test_review_themes_left_out_of_the_analysis_are_not_reported_as_no_council_interviewed(forty_five, six):
    """With the review themes left out of the analysis (``parts`` without "framework"), the framework matrix section
    said the themes came 'from the codings supplied' (the interviews were coded by machine, nothing was supplied) and
    'No council was interviewed' (seed 9933: 45 councils, 234 interviews). Against the study: where the themes were
    not analysed there is no such section; where they were (seed 9931), it has a row for every council interviewed."""
    from impact.pipeline import build_report
    from impact.report import Paragraph, Table

    for (study, _, f), analysed in ((forty_five, False), (six, True)):
        assert study.interviews["council_id"].nunique() == len(study.councils)
        report, _ = report_of(f)
        sections = [s for s in report.sections if s.title.startswith("Framework matrix")]
        assert bool(sections) == analysed
        texts = [b.text for s in sections for b in s.blocks if isinstance(b, Paragraph)]
        assert not any("No council was interviewed" in t for t in texts), texts
        if analysed:
            assert "machine coder" in texts[0] and "codings supplied" not in texts[0], texts[0]
            by_council = build_report(f, council_matrix=True)[0].sections
            sections = [s for s in by_council if s.title.startswith("Framework matrix")]
            rows = {r for s in sections for b in s.blocks if isinstance(b, Table) for r in b.data["council"]}
            assert len(rows) == study.interviews["council_id"].nunique()

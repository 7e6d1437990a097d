"""The report's sections outside the summary state only what the data (or the planted truth) bears out.

Found by an audit of generated studies (seeds 8113, 8129, 8147, 8161, 8179; 6 to 60 councils): the attrition
sentence left out participants never interviewed, the review-process rankings dropped factors tied with the last
one named and silently ranked around suppressed counts, and machine-coded quotes were filed under impacts the coder
reads poorly (50 of 75 right against the planted coding), and quotes on what shaped impact under factors they
were not about (13 of 25 right).
"""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest
from conftest import report_of, tiny_analysed

from impact.coding import coder_validity
from impact.framework import credit_label
from impact.pipeline import analyse, build_report
from impact.report import Paragraph, Quote, Table
from impact.report._build import _process_labels
from impact.synth import generate_with_truth

pytestmark = pytest.mark.xdist_group("report_sections")


@pytest.fixture(scope="module")
def planted(sixty_planted):
    """60 councils of the default design, shared with tests/test_findings.py (conftest.SIXTY; this file generated a
    40-council study of the same design, seed 5150, and analysed it twice at 99 resamples of its own)."""
    study, truth, _ = sixty_planted
    return study, truth


@pytest.fixture(scope="module")
def perfect(sixty_planted):
    """:func:`planted` analysed with its planted coding (199 resamples, seed 1)."""
    return sixty_planted[2]


@pytest.fixture(scope="module")
def machine(sixty_machine):
    """:func:`planted` analysed with the package's machine coder, no hand check (199 resamples, seed 1)."""
    return sixty_machine[2]


def _section(findings, title):
    report, _ = report_of(findings)
    return next(s for s in report.sections if s.title == title)


def _paragraphs(section) -> list[str]:
    return [b.text for b in section.blocks if isinstance(b, Paragraph)]


def _truth_at(truth, segments, unit, code):
    seg = segments.set_index("segment_id").loc[unit]
    st = truth.statements
    return st[(st["interview_id"] == seg["interview_id"]) & (st["code"] == code)
              & (st["start"] < seg["end"]) & (st["end"] > seg["start"])]


def _truth_any(truth, segments, unit):
    seg = segments.set_index("segment_id").loc[unit]
    st = truth.statements
    return st[(st["interview_id"] == seg["interview_id"]) & (st["start"] < seg["end"]) & (st["end"] > seg["start"])
              & st["valence"].notna() & (st["code"] != "recommendation")]


# --------------------------------------------------------------------------- attrition
def test_the_missed_interviews_count_every_listed_participant(planted, perfect):
    """A participant listed but never interviewed missed every interview; the old sentence counted only participants
    interviewed at least once (seed 8161: 199 stated, 211 in the sample section's attrition table)."""
    study, _ = planted
    iv = study.interviews
    people = study.participants["participant_id"].nunique()
    expected = sum(people - iv.loc[iv["wave"] == w, "participant_id"].nunique() for w in study.wave_ids)
    assert people > iv["participant_id"].nunique()  # someone was never interviewed: the case that was miscounted
    said = [p for p in _paragraphs(_section(perfect, "Longitudinal models")) if p.startswith("Listed participants had no")]
    assert len(said) == 1 and said[0].startswith(f"Listed participants had no interview at {expected} of their waves")
    # the same count as the sample section's attrition table
    sample = _section(perfect, "The sample")
    table = next(b for b in sample.blocks if isinstance(b, Table) and b.name == "attrition").data
    assert int(pd.to_numeric(table["n_participants_missing"]).sum()) == expected


# --------------------------------------------------------------------------- review-process rankings
def _tie_third_with_second(findings, valence):
    """Findings whose factor ranked third on ``valence`` is raised as often as the second (one later wave shifted)."""
    fac = findings.process["factors"].copy()
    later = fac["wave"].isin(["early", "longer_term"])
    tot = fac[later].groupby("code")[f"n_{valence}"].sum().sort_values(ascending=False, kind="stable")
    second, third = tot.index[1], tot.index[2]
    gap = int(tot.iloc[1] - tot.iloc[2])
    row = fac.index[later & (fac["code"] == third)][0]
    fac.loc[row, f"n_{valence}"] += gap
    fac.loc[row, "n_raised"] += gap
    return dataclasses.replace(findings, process={**findings.process, "factors": fac}), second, third


def _helped_and_hindered(findings, swap: bool):
    """Findings whose review-process factors were said to help three times as often as before and each count raised
    by 10 (none small enough to be suppressed, nor any other to protect it); with ``swap``, helped and hindered
    swapped, so that hindered dominates."""
    fac = findings.process["factors"].copy()
    valences = [f"n_{v}" for v in ("helped", "hindered", "mixed", "neutral")]
    fac[valences] = fac[valences] + 10  # no count small enough to be suppressed, nor any other to protect it
    fac["n_helped"] = fac["n_helped"] * 3  # helped dominates
    if swap:
        fac[["n_helped", "n_hindered"]] = fac[["n_hindered", "n_helped"]].to_numpy()
    fac["n_raised"] = fac[valences].sum(axis=1)
    return dataclasses.replace(findings, process={**findings.process, "factors": fac})


@pytest.fixture(scope="module")
def helped_tied(perfect):
    """``(findings, second, third)``: :func:`_helped_and_hindered` (helped dominating) with the factor ranked third on
    helped raised to the second (:func:`_tie_third_with_second`): the cases of the tie test and of the balance test
    unswapped, which read one report (each built a report of its own before the twelfth pass on the suite's time; the
    tie test's counts were the study's own, whose every helped count was under 43 of the 60 councils' participants)."""
    return _tie_third_with_second(_helped_and_hindered(perfect, False), "helped")


def test_the_factors_most_often_said_to_help_name_every_tie(helped_tied):
    tied, second, third = helped_tied
    table = next(b for b in _section(tied, "What shaped impact").blocks
                 if isinstance(b, Table) and b.name == "process_factors").data.set_index("factor")
    sentence = next(p for p in _paragraphs(_section(tied, "What shaped impact"))
                    if p.startswith("After the review, participants "))
    # the clause naming what most often helped: not the balance of helped and hindered the sentence opens with (audit12),
    # which names no factor, so that a tie split went unseen (testtime9: the check passed with the top two named)
    helped = next(p for p in sentence.split("; they ")[1:] if " helped" in p)
    assert table.loc[second, "n_helped"] == table.loc[third, "n_helped"] != "c"
    from impact.report._build import _process_labels

    labels = _process_labels()
    # both tied are named, or neither (round 17: only factors above the next beyond chance are named)
    assert (labels[second].lower() in helped) == (labels[third].lower() in helped), helped


def _hindered_once(factors: pd.DataFrame) -> pd.DataFrame:
    """``factors`` with the factor least often said to hinder after the review said to hinder by a single participant
    at one later wave and by none at the other, so that a count is suppressed."""
    fac = factors.copy()
    later = fac["wave"].isin(["early", "longer_term"])
    code = fac.loc[later].groupby("code")["n_hindered"].sum().idxmin()
    rows = fac.index[later & (fac["code"] == code)]
    fac.loc[rows, "n_raised"] -= fac.loc[rows, "n_hindered"]
    fac.loc[rows, "n_hindered"] = 0
    fac.loc[rows[0], ["n_hindered", "n_raised"]] += 1
    return fac


def test_a_ranking_around_suppressed_counts_says_it_ranks_the_published_ones(tied_and_wilcoxon):
    """A suppressed count can be the largest: the sentence must not present the published top as the top. The case
    (:func:`_hindered_once`) is planted in :func:`tied_and_wilcoxon`'s findings, whose other planted cases are in the
    suggestions and the change table, which this section does not read (it built a report of its own before the
    fortieth pass on the suite's time)."""
    findings, _ = tied_and_wilcoxon
    section = _section(findings, "What shaped impact")
    table = next(b for b in section.blocks if isinstance(b, Table) and b.name == "process_factors").data
    sentence = next(p for p in _paragraphs(section) if p.startswith("After the review, participants "))
    parts = sentence.rstrip(".").removesuffix("; each participant is counted once for each factor at each wave").split(
        "; they ")
    for part in parts:
        col = "n_hindered" if "got in the way" in part else "n_helped"
        hidden = int((table[col] == "c").sum())
        assert ("whose counts are published" in part) == (hidden > 0), (part, hidden)
    assert (table[["n_helped", "n_hindered"]] == "c").any().any()  # the case that was misstated


@pytest.mark.parametrize("swap", [False, True])
def test_the_factors_sentence_states_the_balance_of_helped_and_hindered_first(perfect, helped_tied, swap):
    """Where most of what was said hindered, a sentence that named what most often helped first read as a review that
    mostly helped (audit12: 85% hindered). The balance, recounted from the published table, comes first, and the
    more frequent valence leads; swapping the two columns swaps the sentence. (Unswapped, the findings also carry the
    tie test's case, a factor's helped count raised to another's: the balance is recounted from the table all the
    same.)"""
    findings = _helped_and_hindered(perfect, True) if swap else helped_tied[0]
    section = _section(findings, "What shaped impact")
    table = next(b for b in section.blocks if isinstance(b, Table) and b.name == "process_factors").data
    assert not (table[["n_helped", "n_hindered"]] == "c").any().any()
    helped, hindered = int(table["n_helped"].sum()), int(table["n_hindered"].sum())
    assert (hindered > helped) == swap
    sentence = next(p for p in _paragraphs(section) if p.startswith("After the review, participants "))
    more, less = ("got in the way", "helped") if swap else ("helped", "got in the way")
    assert sentence.startswith(f"After the review, participants more often said a factor {more} than that one "
                               f"{less} ({max(helped, hindered)} against {min(helped, hindered)},"), sentence
    first = sentence.split("; they ")[1]
    # (round 17: or that no factor stood out beyond chance)
    assert (first.startswith("most often said that") and first.endswith(f" {more}")
            or first.startswith(f"named no factor that stood out as most often said to have {more} (")), sentence


@pytest.fixture(scope="module")
def tied_and_wilcoxon(perfect):
    """``(findings, top)``: :func:`perfect` with three planted cases in tables that do not read each other, for the
    three tests that read one report of it (the two below each built a report of their own before the twelfth pass on
    the suite's time, the ranking test above before the fortieth). The review-process suggestions: four codes far
    above the rest, the last two tied for third place (``top`` participants each, the first two ``top + 2`` and
    ``top + 1``). The change across the waves: every row tested by Wilcoxon's signed-rank test (as with two waves),
    effect a matched rank-biserial correlation of -0.4. The review-process factors: one said to hinder by a single
    participant at one later wave (:func:`_hindered_once`)."""
    rec = perfect.process["recommendations"].sort_values("n_participants", ascending=False, kind="stable").copy()
    rec = rec.reset_index(drop=True)
    # four codes, the last two tied for third place, all four far above the rest (round 17: named only beyond chance)
    top = 3 * int(rec["n_participants"].max()) + 30
    rec.loc[:3, "n_participants"] = [top + 2, top + 1, top, top]
    rec.loc[:3, "n_councils"] = rec.loc[:3, "n_participants"]
    change = perfect.change.assign(test="wilcoxon", effect_type="matched_rank_biserial", effect=-0.4)
    process = {**perfect.process, "recommendations": rec, "factors": _hindered_once(perfect.process["factors"])}
    return dataclasses.replace(perfect, process=process, change=change), top


def test_the_suggestions_of_the_most_participants_name_every_tie(tied_and_wilcoxon):
    tied, top = tied_and_wilcoxon
    rec = tied.process["recommendations"]
    paras = _paragraphs(_section(tied, "Lessons for the programme"))
    if any(p.startswith("No part of the review stood out") for p in paras):
        # the other counts are suppressed, so none published is below the four: none stands out, none is named
        [sentence] = [p for p in paras if p.startswith("No part of the review stood out")]
        assert f"(from {top} to {top + 2} participants each" in sentence, sentence
        return
    sentence = next(p for p in paras if p.startswith("The suggestions made by the most participants"))
    from impact.report._build import _process_labels

    labels = _process_labels()
    for code in rec.loc[:3, "code"]:
        assert labels.get(code, code).lower() in sentence, (code, sentence)
    assert sentence.count("participants)") == 4


# --------------------------------------------------------------------------- quotes
def test_people_coded_quotes_match_the_planted_statement_and_credit(planted, perfect):
    """From people's coding, each quote is a reported statement of its impact, credited as its caption says."""
    _, truth = planted
    section = _section(perfect, "What people said")
    quotes = [b for b in section.blocks if isinstance(b, Quote)]
    assert len(quotes) >= 12
    from impact.framework import illustrative_quotes

    codes = list(perfect.codebook.top_codes())
    q = illustrative_quotes(perfect.coded, planted[0], segments=perfect.segments, codes=codes,
                            waves=planted[0].wave_ids[1:])
    for r in q.itertuples():
        t = _truth_at(truth, perfect.segments, r.unit, r.code)
        assert set(t["polarity"]) == {"asserted"}
        att = {credit_label("" if a in ("review", None) or pd.isna(a) else a) for a in t["attribution"]}
        assert att == {r.credit}


def test_machine_coded_quotes_only_under_impacts_read_well_and_never_a_credit(planted, machine):
    """Audit: machine-coded quotes under impacts read with F1 below 0.70 were of that impact in the planted coding
    50 times in 75, and the credit in a caption was wrong 7 times in 63 (no measure of the coder's reading of
    attribution exists). Only impacts read well are quoted, and no caption states a credit; and (round 3) only
    statements a hand check confirms, so without one none is (tests/test_report_truth_round3.py)."""
    v = coder_validity(machine.codebook.id).set_index("code")["f1"]
    well = {c for c in machine.codebook.top_codes() if v.get(c, 0) >= 0.70}
    assert well and well != set(machine.codebook.top_codes())
    assert machine.hand_check is None
    section = _section(machine, "What people said")
    assert not [b for b in section.blocks if isinstance(b, Quote)]
    assert [b.text for b in section.blocks if isinstance(b, Paragraph)][0].startswith(
        "No statement is quoted to illustrate an impact")


def test_machine_coded_review_process_quotes_no_factor_or_valence(planted, machine, perfect):
    """Audit: machine-coded quotes on what shaped impact were of the factor they were filed under 13 times in 25
    against the planted coding (the other 12 held no statement of that factor)."""
    said = _section(machine, "What shaped impact")
    assert not [b for b in said.blocks if isinstance(b, Quote)]
    assert any(p.startswith("No statement is quoted here") for p in _paragraphs(said))
    # from people's coding the quotes stay, and their valence is the planted one
    _, truth = planted
    people = _section(perfect, "What shaped impact")
    shown = [b for b in people.blocks if isinstance(b, Quote)]
    assert shown
    seg = perfect.segments
    checked = 0
    for b in shown:
        caption = b.attribution.rsplit("; ", 1)[1]
        valence = {"helped": {"helped"}, "hindered": {"hindered"}, "helped and hindered": {"mixed"}}[caption]
        units = seg.loc[seg["text"] == b.text, "segment_id"]  # a quote the redaction left unchanged
        planted_valence = {v for u in units for v in _truth_any(truth, seg, u)["valence"].dropna()}
        if len(units):
            checked += 1
            assert planted_valence == valence, (b.text, planted_valence, caption)
    assert checked >= 3


def test_machine_coded_suggestions_are_not_quoted_under_a_part_of_the_review(planted, machine, perfect):
    """Audit (2026-12-02): of the machine-coded suggestions quoted under 'Lessons for the programme' in three generated
    studies (seeds 5150 and two others), 3 of 18 were captioned with a part of the review other than the planted one
    ('the recommendations were more specific' under the flexibility of the method), while 'What shaped impact' quotes
    nothing machine-coded. From people's coding the quotes stay, each under the part of the review planted for it."""
    lessons = _section(machine, "Lessons for the programme")
    assert not [b for b in lessons.blocks if isinstance(b, Quote)]
    assert any(p.startswith("No suggestion is quoted here") for p in _paragraphs(lessons))
    _, truth = planted
    labels = {v: k for k, v in _process_labels().items()}
    seg, st = perfect.segments, truth.statements
    shown = [b for b in _section(perfect, "Lessons for the programme").blocks if isinstance(b, Quote)]
    checked = 0
    for b in shown:
        for u in seg.loc[seg["text"] == b.text].itertuples():  # a quote the redaction left unchanged
            planted_codes = set(st.loc[(st["interview_id"] == u.interview_id) & (st["start"] < u.end)
                                       & (st["end"] > u.start), "code"])
            assert {"recommendation", labels[b.attribution]} <= planted_codes, (b.text, b.attribution)
            checked += 1
    assert checked >= 3


def _limitation(findings) -> str:
    from impact.report import Callout

    methods = _section(findings, "Methods and limitations")
    [text] = [b.text for b in methods.blocks if isinstance(b, Callout) and b.text.startswith("Limitations: ")]
    return text


def test_the_limitation_on_what_can_be_detected_follows_the_study_s_group_sizes(perfect, tiny_study):
    """It said "the number of councils is small, so only large differences can be detected" at any size. It now
    works from the best-placed later-wave comparison: the smallest standardised difference detected with 80% power
    by the comparisons' own test, the rank permutation test (round 10 of the statistics cross-checks checks that
    figure by simulation; it was the two-sample t test's, and before round 3 of the audit the normal
    approximation's), or, where even the most extreme split cannot give p below 0.05, that no comparison can reach
    significance (the smallest two-sided permutation p-value is 2 / C(n, k))."""
    import math
    import re

    from impact.stats._power import _rank_test_detectable_shift

    def best(findings):
        c = findings.comparisons
        later = findings.study.wave_ids[1:]
        sizes = c[c["wave"].isin(later) & (c["n_a"] > 0) & (c["n_b"] > 0)][["n_a", "n_b"]].drop_duplicates()
        return max(((int(a), int(b)) for a, b in sizes.itertuples(index=False)), key=lambda t: (min(t), sum(t)))

    n_a, n_b = best(perfect)
    d = _rank_test_detectable_shift(n_a, n_b)
    at = perfect.comparisons[(perfect.comparisons["n_a"] == n_a) & (perfect.comparisons["n_b"] == n_b)]
    if set(at["difference_type"]) == {"mean_difference"}:
        # shares heavily tied: the comparisons test the difference in means, whose power is the t test's
        from statsmodels.stats.power import TTestIndPower

        d = TTestIndPower().solve_power(effect_size=None, nobs1=n_a, ratio=n_b / n_a, alpha=0.05, power=0.8)
    text = _limitation(perfect)
    assert f"with {n_b} councils in intervention and {n_a} not at " in text and "best placed" in text, text
    assert re.search(rf"at least {d:.2f} standard deviations", text), (d, text)
    assert "only large differences can be detected" not in text

    tiny = tiny_analysed()  # analyse(tiny_study, n_resamples=99, seed=1), made once per process for 22 files
    text = _limitation(tiny)
    sizes = tiny.comparisons[tiny.comparisons["wave"].isin(tiny_study.wave_ids[1:])]
    if "comparisons" in tiny.not_computed:  # the study cannot support them: the reason is given instead
        from impact.report._format import unbracketed

        reason = unbracketed(tiny.not_computed["comparisons"])  # its own brackets set off by commas (round 25)
        assert f"councils are not compared by intervention status ({reason})" in text, text
    elif ((sizes["n_a"] > 0) & (sizes["n_b"] > 0)).any():
        a, b = best(tiny)
        assert f"smallest p-value its permutation test can give is {min(1, 2 / math.comb(a + b, b)):.2f}" in text, text
    else:
        assert "no wave after the review has councils both in and out of intervention with interviews" in text, text


@pytest.mark.parametrize(("n_a", "n_b", "p"), [(4, 2, 2 / 15), (3, 2, 2 / 10), (5, 1, 2 / 6)])
def test_a_comparison_too_small_for_significance_is_said_to_be_so(n_a, n_b, p):
    """Two councils in intervention against four: the most extreme split of C(6, 2) = 15 gives a two-sided
    permutation p-value of 2/15 at best, so no comparison can reach 0.05, and the limitation says so."""
    from types import SimpleNamespace

    from impact.report._build import _detectable

    comparisons = pd.DataFrame({"code": ["a", "a"], "wave": ["early", "expectations"], "n_a": [n_a, 9],
                                "n_b": [n_b, 9]})
    ctx = SimpleNamespace(f=SimpleNamespace(comparisons=comparisons, not_computed={}), later=["early", "longer_term"],
                          alpha=0.05, short_wave=lambda w: {"early": "Early impact"}[w],
                          ledger=SimpleNamespace(values={}), shown=lambda *keys: True)
    text = _detectable(ctx)
    assert text.startswith(f"with {n_b} council{'s' if n_b > 1 else ''} in intervention and {n_a} not at early "
                           "impact, the later wave best placed to detect a difference, no comparison"), text
    assert text.endswith(f"the smallest p-value its permutation test can give is {p:.2f}"), text


def test_a_report_without_comparisons_does_not_say_why_it_cannot_know(planted):
    """Findings analysed without the comparisons (analyse(parts=...)) have no group sizes: the limitation says the
    councils are not compared, not that no wave has both groups (this study has both at every later wave). No analysis
    is asked for (``parts=()``): the limitation reads the comparisons alone, and the models it fitted before the tenth
    pass on the suite's time (60 councils) were never read."""
    study, truth = planted
    f = analyse(study, coded=truth.coded(), n_resamples=99, seed=1, parts=())
    ws = study.wave_status()
    later = ws[ws["wave"].isin(study.wave_ids[1:])]
    assert later.groupby("wave")["intervention"].apply(lambda s: s.ne("none").any() and s.eq("none").any()).all()
    assert _limitation(f).startswith("Limitations: councils are not compared by intervention status in this analysis;")


@pytest.fixture(scope="module")
def quote_k_above_the_councils(planted, perfect):
    """``(report, n_councils, warnings, vocabulary_calls)``: the report of :func:`perfect` built with ``quote_k`` one
    above the study's councils, the warnings the build raised (every one recorded) and the contexts the report's
    labels were built for (``_build._vocabulary`` counted): read by the quotes test and the labels test below, which
    each built a report of their own before the twelfth pass on the suite's time (the labels test a default one; the
    labels are built from the study and codebooks, whatever ``quote_k``)."""
    import warnings
    from unittest import mock

    import impact.report._build as build

    n_councils = planted[0].councils["council_id"].nunique()
    calls = []
    vocabulary = build._vocabulary
    with warnings.catch_warnings(record=True) as caught, \
            mock.patch.object(build, "_vocabulary", lambda ctx: calls.append(ctx) or vocabulary(ctx)):
        warnings.simplefilter("always")
        report, _ = build_report(perfect, quote_k=n_councils + 1)
    return report, n_councils, list(caught), calls


def test_quotes_no_attribution_can_cover_are_withheld_without_a_warning(quote_k_above_the_councils):
    """`make demo` ended with "warning: 3 quote(s) have no attribution shared by 5 councils; ... do not publish them
    with an attribution": the report handles such quotes itself, so it says nothing. It published them as
    "Participant", tied to fewer than quote_k councils (round 38: with quote_k above the councils in the study, every
    quote was one of theirs): they are now withheld, and the report says why."""
    report, n_councils, caught, _ = quote_k_above_the_councils
    section = next(s for s in report.sections if s.title == "What people said")
    assert not [b for b in section.blocks if isinstance(b, Quote)]
    said = " ".join(b.text for b in section.blocks if isinstance(b, Paragraph))
    assert f"fewer than the {n_councils + 1} councils a quote must be shared by" in said
    assert not [w for w in caught if "attribution" in str(w.message)], [str(w.message) for w in caught]


def test_change_table_names_the_effect_size_of_the_test_it_ran(perfect, tied_and_wilcoxon):
    """With two waves, change_over_time runs Wilcoxon's signed-rank test, whose effect is the matched rank-biserial
    correlation (-1 to 1); the table printed it under "Kendall's W" (Friedman's effect, 0 to 1), so a fall read as a
    negative W. Each test's effect now has its own heading."""
    from impact.report._labels import Vocabulary

    def table(findings):
        section = _section(findings, "Comparisons by intervention status")
        return next(b for b in section.blocks if isinstance(b, Table) and b.name == "change_over_time")

    three = table(perfect)
    assert set(perfect.change["test"].dropna()) == {"friedman"}
    assert "kendalls_w" in three.data.columns and "matched_rank_biserial" not in three.data.columns
    wilcoxon, _ = tied_and_wilcoxon
    assert set(wilcoxon.change["test"]) == {"wilcoxon"} and (wilcoxon.change["effect"] == -0.4).all()
    two = table(wilcoxon)
    assert "kendalls_w" not in two.data.columns
    assert (two.data["matched_rank_biserial"] == -0.4).any()
    from impact.report._format import table_notes

    shown = table_notes(two)  # the notes name columns by machine name, given as the table heads them
    assert "Kendall's W" not in shown and "'Matched-pairs rank-biserial correlation'" in shown, shown
    assert Vocabulary().column("matched_rank_biserial").text == "Matched-pairs rank-biserial correlation"


@pytest.fixture(scope="module")
def bh_unknown_status(perfect):
    """:func:`perfect` as if analysed with Benjamini-Hochberg's adjustment, and its indicator trends as if two councils'
    status were not known at every wave (8 values): two planted cases that do not read each other, for the two tests
    below, which read one report of it (each built a report of its own before the twelfth pass on the suite's time)."""
    trends = perfect.indicator_trends.copy()
    trends.attrs = {"n_councils_unknown_status": 2, "n_values_unknown_status": 8}
    return dataclasses.replace(perfect, parameters={**perfect.parameters, "adjust": "fdr_bh"}, indicator_trends=trends)


@pytest.fixture(scope="module")
def unadjusted_at_ten(perfect):
    """:func:`perfect` as if analysed with no adjustment for multiple comparisons and ``alpha=0.1``: two planted cases
    that do not read each other, for the two tests below, which read one report of it (twelfth pass)."""
    return dataclasses.replace(perfect, parameters={**perfect.parameters, "adjust": None, "alpha": 0.1})


def test_comparisons_name_the_adjustment_they_were_run_with(perfect, bh_unknown_status, unadjusted_at_ten):
    """analyse(adjust="fdr_bh") adjusts the comparisons and changes by Benjamini-Hochberg, but the report said
    'p adjusted across every impact and wave (Holm)' and 'Holm adjustment across impacts and waves' whatever the
    adjustment was. The GEE models, adjusted by Holm always, keep saying Holm."""
    def said(findings):
        report, _ = report_of(findings)
        blocks = [b for s in report.sections if s.title in ("Comparisons by intervention status", "Methods and limitations")
                  for b in s.blocks]
        return " ".join(getattr(b, "text", "") or " ".join(getattr(b, "items", ())) for b in blocks)

    assert "p adjusted across every impact and wave (Holm)" in said(perfect)
    assert bh_unknown_status.parameters["adjust"] == "fdr_bh"
    bh = said(bh_unknown_status)
    assert "p adjusted across every impact and wave (Benjamini-Hochberg)" in bh
    assert "p adjusted across impacts and waves (Benjamini-Hochberg)" in bh
    assert "impact and wave (Holm)" not in bh and "Holm adjustment" not in bh
    assert unadjusted_at_ten.parameters["adjust"] is None
    none = said(unadjusted_at_ten)
    assert "p not adjusted for multiple comparisons across every impact and wave" in none


def test_intervals_are_labelled_with_the_level_the_analysis_ran_at(perfect, unadjusted_at_ten):
    """analyse(alpha=0.1) computes 90% intervals, but every label, caption and sentence of the report said 95%
    (column headings, the odds-ratio sentences, the forest plots' captions). They now name 1 - alpha."""
    from impact.report import render_html

    page = render_html(report_of(perfect)[0])
    assert "95% CI" in page and "90%" not in page
    assert unadjusted_at_ten.parameters["alpha"] == 0.1
    page = render_html(report_of(unadjusted_at_ten)[0])
    assert "95%" not in page
    assert "90% CI" in page and "90% interval" in page


def test_change_paragraph_says_councils_that_changed_status_are_left_out(perfect):
    """Change over time is tested within each status group, so a council that moved into or out of intervention
    between waves has no complete series in either group and is not counted; the report said only 'on councils
    interviewed at every wave'. The councils counted are checked against the panel: interviewed at every wave and
    in one status group throughout."""
    seen = perfect.panel[perfect.panel["interviewed"]]
    waves = list(perfect.study.wave_ids)
    per = seen.drop_duplicates(["council_id", "wave"]).groupby("council_id").agg(
        n_waves=("wave", "nunique"), n_status=("status_group", "nunique"), status=("status_group", "first"))
    everywhere = per[per["n_waves"] == len(waves)]
    assert (everywhere["n_status"] > 1).any()  # this study has councils that changed status: the case in point
    steady = everywhere[everywhere["n_status"] == 1]["status"].value_counts()
    code = perfect.change["code"].iloc[0]
    counted = perfect.change[perfect.change["code"] == code].set_index("status_group")["n"]
    assert counted.to_dict() == steady.to_dict()
    [said] = [p for p in _paragraphs(_section(perfect, "Comparisons by intervention status"))
              if p.startswith("Change across the waves")]
    assert "interviewed at every wave and in the same status group at each" in said
    assert "moved into or out of intervention between waves is in neither" in said


def test_the_indicator_table_says_councils_of_unknown_status_are_in_neither_group(perfect, bh_unknown_status):
    """impact.indicator_trends leaves out a council whose status is not known at every wave and never known to be in
    intervention (it was grouped 'not in intervention'); the table's notes say how many."""
    def notes(findings):
        report, _ = report_of(findings)
        return next(b for s in report.sections for b in s.blocks
                    if isinstance(b, Table) and b.name == "indicator_trends").notes

    assert perfect.indicator_trends.attrs.get("n_councils_unknown_status") == 0
    assert "neither group" not in notes(perfect)
    assert bh_unknown_status.indicator_trends.attrs["n_councils_unknown_status"] == 2
    assert ("Two councils with indicators but a status not known at every wave (no interview and no review date to "
            "place the wave), and never known to be in intervention, are in neither group.") in notes(bh_unknown_status)


def test_the_framework_matrix_says_who_filed_its_statements(machine):
    """The matrix said "coded by machine" whoever coded the review themes, and nothing of how well the machine reads
    them (no measure on real text exists for the review themes codebook, impact.coding.coder_validity)."""
    from impact.errors import InputError

    with pytest.raises(InputError):
        coder_validity("review_themes")
    intro = _paragraphs(_section(machine, "Framework matrix: councils by review theme"))[0]
    assert "coded by the package's machine coder" in intro and "has not been measured" in intro
    # review-theme codes supplied by a person (one theme, one statement per interview): the matrix is theirs
    study, truth = generate_with_truth(6, seed=5151, interviews_per_wave=2, words_per_interview=120)
    seg = analyse(study, n_resamples=9, seed=1, parts=[]).segments  # the segments only: no part is read
    first = seg[seg["speaker"] == "respondent"].groupby("interview_id").head(1)
    themes = pd.DataFrame({"interview_id": first["interview_id"], "start": first["start"], "end": first["end"],
                           "code": "outcomes", "polarity": "asserted", "coder": "person"})
    # the framework matrix alone (its section was checked the same as with every part: 2.0 s of CPU against 8.7 s)
    supplied = analyse(study, coded=pd.concat([truth.coded(), themes], ignore_index=True), n_resamples=9, seed=1,
                       parts=("framework",))
    assert "themes" not in supplied.coding["machine_books"]
    intro = _paragraphs(_section(supplied, "Framework matrix: councils by review theme"))[0]
    assert "from the codings supplied" in intro and "machine" not in intro
    # Only "outcomes" was raised: the other themes get no row of empty cells (the example's matrix had an empty
    # "Outcomes" column across 30 councils), and the report names them instead.
    from impact.coding import Codebook

    book = Codebook.load("review_themes").codes.set_index("code_id")
    section = _section(supplied, "Framework matrix: councils by review theme")
    tables = [b for b in section.blocks if isinstance(b, Table)]
    assert [t.data["theme"].tolist() for t in tables] == [[book.loc["outcomes", "label"]]]
    said = " ".join([*_paragraphs(section), *(t.notes for t in tables)])
    themes_not_raised = [c for c in book.index if c != "outcomes" and book.loc[c, "parent"]]
    # each by its label, in lower case mid-sentence and not quoted (report truth round 28)
    labels = [book.loc[c, "label"] for c in themes_not_raised]
    assert themes_not_raised and all(label[:1].lower() + label[1:] in said for label in labels), said
    assert not any(f"\u201c{label}\u201d" in said for label in labels), said


def test_a_report_builds_its_labels_for_people_once(perfect, quote_k_above_the_councils):
    """The report and five of its sections read the same labels (the waves', the codebooks' codes', the columns'):
    built once per report (11 ms each time, nine times for this study before)."""
    report, _, _, calls = quote_k_above_the_councils
    assert len(calls) == 1
    waves = perfect.study.waves
    assert [report.vocabulary.value("wave", w) for w in waves["wave"]] == waves["label"].tolist()

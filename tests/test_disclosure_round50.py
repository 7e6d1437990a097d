"""Disclosure in small studies, round 50: a study of the expectations wave alone, with a status group of one council.

A study whose interviews are all of one wave (expectations only: the review not yet held, or the later waves not yet
transcribed) validates with no error and ``impact.validate.capabilities`` says its prevalence can be given; main's
``analyse`` failed on it (``transition_matrix``: "`waves` must name two waves or more"), so such a study published
nothing and could not be checked. Now it is analysed (no transitions, trajectories, change or models: there is no
second wave) and its bundle goes to the intruder of rounds 42-49: the tables' margins differenced to a fixed point
with the prose's counts (:func:`test_disclosure_intruder._attack`, :func:`test_disclosure_round43._stated`), the
workbook against the CSVs, and round 49's within-row sums (a relation total = sum of parts that holds in every fully
published row of a table, applied to its rows with one count hidden). With one wave every group's total is a wave's
total (the interviews table's one row), the relation the intruder uses first.

Study: 8 councils (seed 50115, status paths mostly never in intervention), its expectations wave kept
(:func:`conftest.keep_waves`): one council in intervention (a status group of one, from the study's status history),
small counts of participants by group and impact. The red-team pass behind this round (not a test: 80 studies, about
25 s each) ran the same intruders with round 44's p-value intruder on every output of 30 two-wave studies (seeds
50001-50030: 5-12 councils, each pair of the three waves, with and without intervention councils and attrition, all
analyses), 12 studies with a status group of one council at some wave (seeds 50101-50123, three and two waves) and 18
one-wave studies (seeds 50201-50212 and six of the former), and pinned no hidden count.

The framework matrix's row of an optional theme (a guard, the decision of this round): a statement there that does
not name the theme is tied to the councils that took it where only they raised it; the count rule (statements only
beside a published count of at least quote_k councils) already keeps those at least quote_k. Planted: round 49's
study with commissioning taken by, and coded for, the 3 councils in intervention at some wave (a column), and no other.
"""

from __future__ import annotations

import itertools
import re
import warnings

import pytest
import test_disclosure_intruder as intruder
import test_disclosure_round39 as r39
import test_disclosure_round43 as r43
from conftest import keep_waves, once_per_worker

pytestmark = pytest.mark.xdist_group("disclosure39")

MIN_COUNT = 5  # the report's default --min-count
N, SEED = 8, 50115
PATHS = {"never": 0.8, "throughout": 0.1, "lifted": 0.05, "entered": 0.05}


def _one_wave():
    from impact.pipeline import analyse
    from impact.synth import generate_with_truth

    study, truth = generate_with_truth(N, seed=SEED, interviews_per_wave=2, words_per_interview=120,
                                       intervention_paths=PATHS)
    study, coded = keep_waves(study, truth.coded(), ["expectations"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        findings = analyse(study, coded=coded, n_resamples=99, seed=1, parts=["comparisons", "framework", "process"])
    return study, findings, *r39._report(findings)


@pytest.fixture(scope="module")
def one_wave():
    return once_per_worker(("round50", "one-wave", N, SEED), _one_wave)


def _row_sums(tables) -> list:
    """Round 49's within-row intruder: in each table with three or more count columns, every relation total = sum of
    two or more other columns that holds in all of at least two fully published rows (a total above 0 in one),
    applied to each row with one count hidden. ``(table, column, value)`` of each count it works out."""
    found = []
    for name, t in tables.items():
        cols = [c for c in t.columns if c.startswith("n_")]
        rows = t.to_dict("records")
        full = [r for r in rows if all(intruder._number(r[c]) is not None for c in cols)]
        if len(cols) < 3 or len(full) < 2:
            continue
        relations = [(total, parts) for total in cols
                     for k in range(2, len(cols))
                     for parts in itertools.combinations([c for c in cols if c != total], k)
                     if all(intruder._number(r[total]) == sum(intruder._number(r[p]) for p in parts) for r in full)
                     and any(intruder._number(r[total]) for r in full)]
        for r in rows:
            hidden = [c for c in cols if r[c] == "c"]
            for total, parts in relations if len(hidden) == 1 else []:
                known = {c: intruder._number(r[c]) for c in (total, *parts) if c != hidden[0]}
                if hidden[0] in (total, *parts) and None not in known.values():
                    rest = sum(known[p] for p in parts if p != hidden[0])
                    found.append((name, hidden[0], rest if hidden[0] == total else known[total] - rest))
    return found


def test_a_study_of_one_wave_is_analysed_and_its_bundle_gives_back_no_small_count(one_wave):
    """The planted condition (from the study): one wave, one council in intervention at it, small counts to protect.
    The study is analysed (main raised ValueError) and reported as one of one wave; the intruder recovers no count
    from 1 to 4 from the tables, the prose, the workbook or the rows' sums, though it reads the bundle (the wave's
    councils and participants are published, and the groups' participants are worked out where both are 5 or more)."""
    study, findings, report, extra = one_wave
    ws = study.wave_status()
    seen = ws[ws["council_id"].isin(set(study.interviews["council_id"]))]
    assert list(study.wave_ids) == ["expectations"]
    assert seen["intervention"].isin(intruder.IN).sum() == 1  # a status group of one council
    truth = intruder._truth(study, findings)
    assert any(0 < v < MIN_COUNT for v in truth.values())

    tables = intruder._downloaded(report)
    assert not {"change_over_time", "realisation", "persistence", "gee_models"} & set(tables)
    assert findings.transitions.empty
    summary = next(b.text for b in report.sections[0].blocks if hasattr(b, "text"))
    assert re.search(rf"follows {N} councils at 1 wave \(", summary), summary

    known, unmatched = intruder._attack(report, study, stated=r43._stated(report, extra, study))
    assert known[("cwave", "expectations")] == truth[("cgroup", "expectations", "no_intervention")] + 1
    assert intruder._recovered(known, truth) == []
    assert unmatched == [] and intruder._workbook_more(report) == []
    assert [f for f in _row_sums(tables) if 0 < f[2] < MIN_COUNT] == []


# --------------------------------------------------------------------------- the framework matrix's optional-theme rows
def _theme_row_study(planted):
    """Round 49's planted study (8 councils) with its review scope set again: commissioning taken by the councils in
    intervention at some wave (3, a column of the matrix), every other council taking no optional theme; and the review
    themes coded afresh: one statement of each participant of those councils filed under commissioning (statements
    that do not name it), and one of each participant of every council under outcomes; the matrix built from those
    codings alone."""
    import dataclasses

    import pandas as pd
    from test_report_truth_round5 import _rebuilt

    from impact.codings import as_codings
    from impact.framework import framework_matrix

    study, _, _, findings = planted  # round 49's study (conftest.optional_themes_planted)
    ws = study.wave_status()
    ever = (ws["intervention"].isin(intruder.IN) & ws["reference_date"].notna()).groupby(
        ws["council_id"].astype(str)).any()
    seg = findings.segments
    took_it = {c for c in set(seg["council_id"].astype(str)) if ever.get(c, False)}
    reviews = study.table("reviews").copy()
    core = "outcomes;vision_strategy_leadership;working_together_lscb;service_delivery_practice;managing_resources"
    reviews["themes"] = [core + (";commissioning" if str(c) in took_it else "") for c in reviews["council_id"]]
    study = _rebuilt(study, {"reviews": reviews})
    talk = seg[(seg["speaker"] == "respondent") & (seg["text"].str.len() > 60)
               & ~seg["text"].str.contains(r"commission", case=False)]
    first = talk.groupby("participant_id").head(1)
    rows = [{"interview_id": r.interview_id, "start": r.start, "end": r.end, "code": code, "polarity": "asserted",
             "coder": "person"}
            for r in first.itertuples()
            for code in (["outcomes", "commissioning"] if str(r.council_id) in took_it else ["outcomes"])]
    themes = framework_matrix(study, as_codings(pd.DataFrame(rows), study, segments=seg), segments=seg,
                              codebook="review_themes")
    assert set(themes.loc[themes["raised"] & (themes["code"] == "commissioning"), "council_id"].astype(str)) == took_it
    return study, took_it, dataclasses.replace(findings, study=study, themes=themes)


@pytest.mark.parametrize(("quote_k", "min_count"), [(3, 2), (4, 2), (3, 5)])
def test_statements_of_an_optional_themes_row_are_tied_to_quote_k_councils_that_took_it(quote_k, min_count,
                                                                                        optional_themes_planted):
    """Guard (passes on main too; the decision of round 50): a statement in the "Commissioning" row that does not name
    the theme is still tied to the councils that took it where only they raised it (planted: the 3 councils that took
    commissioning, a column's group, raised it, with statements naming nothing). The intruder takes each printed statement of the row to
    the councils of its column that took commissioning (the review scope, public): never fewer than quote_k. The
    count rule gives it: a cell's statements are shown only beside a published count of at least quote_k councils,
    and those councils took the theme. At quote_k 3 with min_count 2 the 3 councils' statements are printed (the
    row's statements are theirs); at quote_k 4, or min_count 5, none is; the core themes' statements are."""
    import test_framework_disclosure as fw

    from impact.pipeline import build_report

    study, took_it, findings = once_per_worker(("round50", "theme-row"),
                                               lambda: _theme_row_study(optional_themes_planted))
    interviewed = set(findings.themes.loc[findings.themes["interviewed"], "council_id"].astype(str))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        report, _ = build_report(findings, quote_k=quote_k, min_count=min_count)
    tables = {t.name: t.data for t in report.tables}
    printed = {}
    for name in ("framework_core", "framework_optional"):
        data = tables[name].set_index("theme")
        for theme, row in data.iterrows():
            for column, cell in row.items():
                printed[(theme, column)] = re.findall("\u201c([^\u201d]+)\u201d", str(cell))
    row = {column: said for (theme, column), said in printed.items() if theme == "Commissioning" and said}
    for column, said in row.items():
        tied = took_it & fw._councils_of(column, study, interviewed)
        assert len(tied) >= quote_k, (column, said, sorted(tied))
    assert len(took_it) == 3  # the planted condition
    assert bool(row) == (quote_k <= 3 and min_count <= 3), row
    assert any(said for (theme, _), said in printed.items() if theme == "Outcomes")  # the matrix prints statements

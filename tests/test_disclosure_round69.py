"""Disclosure round 69: the review-process tables' counts of participants saying a factor helped, by realisation group.

process_by_realisation publishes, for each factor, the participants of each realisation group (interviewed at every
wave with an expectation: realised where one was reported afterwards, unmet where none was) who said at a wave after
the review that it helped (a statement saying it helped, or both helped and hindered). Each of them is one of the
participant-waves process_factors counts as saying it helped or as mixed at that wave (``impact.process._combine``),
so for every factor

    the groups' participants saying it helped  <=  process_factors' n_helped + n_mixed,

a relation the ledger was not told of. On main's head a 40-council study (seed 69931) published follow-up's 7 helped
and 0 mixed beside the realised group's 6: the unmet group's hidden count was 0 or 1 (it was 1); preparation's 9 and 0
beside 6 left it 0 to 3 (1); a 20-council study (seed 69929) published feedback session's 11 and 0 beside 8, leaving
the unmet group's 0 to 3 (1) (bench/disclosure69_attack, relations.py's ``process`` family). Now declared
(:func:`impact.report._build._declare_helped_by_bounds`). The seeds were written in bench/disclosure69_attack/studies.py
before any run and were not used in the repository before (checked with ``grep -rlw``).
"""

from __future__ import annotations

import math
import warnings

import pytest
from conftest import once_per_worker, prepared_synthetic

pytestmark = pytest.mark.xdist_group("disclosure39")

MIN_COUNT = 5
#: name -> (councils, seed, design): councils entering and leaving intervention; the default design with attrition
STUDIES = {
    "20-councils-entering-leaving": (20, 69929, dict(interviews_per_wave=3, words_per_interview=200, intervention_paths={
        "never": 0.6, "entered_lifted": 0.2, "lifted": 0.2})),
    "40-councils-attrition": (40, 69931, dict(interviews_per_wave=3, words_per_interview=150, participant_dropout=0.15)),
}


@pytest.fixture(scope="module", params=list(STUDIES))
def prepared(request):
    n, seed, opts = STUDIES[request.param]
    return once_per_worker(("round69-prepared", request.param), lambda: prepared_synthetic(n, seed, MIN_COUNT, parts=["process"], **opts))


def test_helped_by_group_not_narrowed_by_the_factors_counts(prepared):
    """The intruder's bound by hand, from the published cells alone (no ledger audit): for each factor, process_factors'
    published helped and mixed less the groups' published counts of participants saying it helped bound the hidden
    ones. Each bound must hold (the true counts keep it) and leave every hidden count at least ``MIN_COUNT`` values, or
    as many as its group's published participants allow (a group of 3 is 0 to 3 whatever else is published)."""
    findings, ctx = prepared
    br = findings.process["by_realisation"]
    assert br is not None and len(br)
    narrowed, tried = [], 0
    for code, rows in br.groupby("code", sort=False):
        sides = [ctx.cell(("proc", code, v)) for v in ("helped", "mixed")]
        if "c" in sides:
            continue
        cells = [(g, int(e), ctx.cell(("helped_by", code, g)), ctx.cell(("realisation_group", g)))
                 for g, e in zip(rows["group"], rows["events"], strict=True)]
        hidden = [x for x in cells if x[2] == "c"]
        if not hidden:
            continue
        tried += 1
        bound = sum(sides) - sum(x[2] for x in cells if x[2] != "c")
        assert bound >= sum(x[1] for x in hidden), code  # each participant saying it helped is a participant-wave
        narrowed += [(code, g, bound) for g, _, _, n in hidden
                     if bound < min(MIN_COUNT, math.inf if n == "c" else n)]
    assert tried  # the design publishes factors' helped and mixed beside a hidden group's count
    assert not narrowed, f"hidden counts narrowed below {MIN_COUNT} by process_factors: {narrowed}"


def test_the_bound_moves_only_the_process_tables(prepared, monkeypatch):
    """Told of the bound, the suppression hides more of the review-process tables only: every count it hides without
    the bound it still hides, and the counts it hides besides are the process tables' (process_factors,
    process_by_impact, process_by_realisation)."""
    import impact.report._build as build

    findings, ctx = prepared
    ours = {k for k in ctx.ledger.values if ctx.ledger.hidden(k) and k not in ctx.ledger.auxiliary}
    monkeypatch.setattr(build, "_declare_helped_by_bounds", lambda ctx, by_realisation: None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        bare = build._prepared(findings, False, MIN_COUNT, 5, None, False)
    theirs = {k for k in bare.ledger.values if bare.ledger.hidden(k) and k not in bare.ledger.auxiliary}
    moved = ours ^ theirs
    assert moved, "the bound changes nothing here: the test would not see it undone"
    assert {k[0] for k in moved} <= {"proc", "proc_impact", "helped_by", "realisation_group"}, sorted(moved, key=str)
    assert ctx.models_withheld == bare.models_withheld and ctx.statements_withheld == bare.statements_withheld


def _statements_ledger(statements: int):
    """Two counts of people, 3 and 6, hidden beside their published total 9; statements about the first (published
    whatever their size) bound it, each person having made one at least (round 67's planted case)."""
    from impact.privacy._ledger import DisclosureLedger

    led = DisclosureLedger(threshold=MIN_COUNT)
    for k, v in {"all": 9, "a": 3, "b": 6}.items():
        led.count(k, v)
    led.relation("all", ["a", "b"])
    for k, v in {"sa": statements, "sb": 9, "s": statements + 9}.items():
        led.count(k, v, public=True)
    led.relation("s", ["sa", "sb"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        led.protect()
    return led


def _bounds(told) -> None:
    told.at_most("a", "sa")


def test_audits_after_the_withholding_read_the_statements_bounds():
    """Item 1 of round 69: a figure published after the suppression and the statements' withholding is audited on the
    ledger (the change by status's odds ratios try each value of a hidden cell by ``ranges_given``, disclosure64). The
    statements published (7, wide enough: nothing withheld) bound the hidden count 'a' to 0-7, which the intruder
    holds: a guess of 8 is ruled out and 'a' is at most 7. On main's head the ledger audited its own relations alone
    (a at most 9, the guess 8 kept), so a later release could be proved safe on guesses the intruder rules out."""
    led = _statements_ledger(7)
    assert led.interval("a") == (0.0, 9.0)
    assert led.withhold_narrowing(_bounds, [["sa"], ["sb"], ["s"]]) == []
    assert led.interval("a") == (0.0, 7.0)
    assert led.ranges_given({"a": 8}) is None
    assert led.ranges_given({"a": 7}) == {"a": (7.0, 7.0), "b": (2.0, 2.0)}
    # the copies the report decides again from start afresh, without the bounds
    assert led.undecided().interval("a") == (0.0, 9.0)


def test_a_later_release_is_not_proved_safe_on_guesses_the_statements_rule_out():
    """The change by status's proof (``impact.report._build._by_status_proved_safe``) in small: each whole value of a
    hidden cell the odds ratio leaves is tried, and the union of the ranges over the guesses the published counts keep
    must span the threshold. With the statements' bound (a at most 5 here, 'a' 3 of 9) the guesses 6 to 9 are ruled
    out, leaving 'a' 0 to 5 less what the odds ratio removes: 2 to 5, shorter than the threshold. Main kept 6 to 9
    and found 2 to 9."""
    led = _statements_ledger(5)
    assert led.withhold_narrowing(_bounds, [["sa"], ["sb"], ["s"]]) == []  # 0-5: wide enough alone
    kept = [v for v in range(2, 10) if led.ranges_given({"a": v}, ranges=False) is not None]
    assert kept == [2, 3, 4, 5]
    assert max(kept) - min(kept) < MIN_COUNT

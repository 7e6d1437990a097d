"""Disclosure round 70: change_over_time's medians of the councils' shares, a statistic that is not a count, bound
hidden counts of the prevalence table.

A median share of a row's n councils above 0 says that ceil(n/2) of them at least (floor(n/2) + 1 for a median of 1)
had a participant reporting the impact at that wave, one below 1 that as many had a participant not reporting it. A
council is followed within its status group, so the group's participants reporting the impact at the wave are at least
the first number and those not reporting it at least the second: bounds the ledger was not told of. On main's head a
20-council study (seed 70613, councils entering and leaving intervention) published, for the 12 councils not in
intervention, a median of 17% before the review for commitment: 6 at least with a participant reporting it, which
with the published counts left the hidden count of those not in intervention 6 to 8 (it was 6) and that of those in
intervention 0 to 2 (2); eight hidden counts in all (bench/disclosure70_attack, relations.py's ``medians`` family).
Now a median that would narrow a hidden count is withheld after the suppression
(:func:`impact.report._build._withhold_medians`), no count moving. The seeds were written in
bench/disclosure70_attack/studies.py before any run and were not used in the repository before (``grep -rlw``).
"""

from __future__ import annotations

import itertools
import statistics
import warnings
from fractions import Fraction

import pytest
from conftest import analysed_synthetic, once_per_worker, prepared_synthetic

pytestmark = pytest.mark.xdist_group("disclosure39")

MIN_COUNT = 5
PARTS = ["change", "models"]
#: name -> (councils, seed, design): round 65's designs (bench/disclosure65_attack/studies.py) at this round's seeds
STUDIES = {
    "20-councils-entering-leaving": (20, 70613, dict(interviews_per_wave=3, words_per_interview=200,
                                                     intervention_paths={"never": 0.6, "entered_lifted": 0.2,
                                                                         "lifted": 0.2})),
    "12-councils-few-in-intervention": (12, 70583, dict(interviews_per_wave=3, words_per_interview=200, intervention_paths={
        "never": 0.85, "entered": 0.05, "throughout": 0.1})),
}


@pytest.fixture(scope="module", params=list(STUDIES))
def prepared(request):
    n, seed, opts = STUDIES[request.param]
    return request.param, *once_per_worker(("round70-prepared", request.param), lambda: prepared_synthetic(n, seed, MIN_COUNT, parts=PARTS, **opts))


def test_median_bounds_are_what_a_median_says():
    """The bounds, against every sorted set of 1 to 7 councils' shares on a grid of quarters, thirds or halves (each
    grid holds the sets a median's bound is reached by: the middle two 0 and twice the median, or it less 1 and 1):
    the councils with a share above 0, and below 1, are at least the bounds for every set whose median (as the CSV
    prints it) is that, and some set has just that many (the bounds are the most a median says). Then any shares of
    councils of up to 6 participants (a mixed grid): the bounds hold. On main's head there were none (and the first
    version of them read an even number's median as an odd one's: 2 councils of 0 and 1/3 have a median of 17%,
    both below 1, not one)."""
    from impact.report._build import _median_bounds

    def counts(xs):
        return sum(x > 0 for x in xs), sum(x < 1 for x in xs)

    for q in (2, 3, 4):
        shares = [Fraction(k, q) for k in range(q + 1)]
        for n in range(1, 8):
            seen: dict[float, list[tuple[int, int]]] = {}
            for xs in itertools.combinations_with_replacement(shares, n):
                seen.setdefault(round(float(statistics.median(xs)), 2), []).append(counts(xs))
            for m, found in seen.items():
                assert _median_bounds(n, m) == (min(c[0] for c in found), min(c[1] for c in found)), (q, n, m)
    mixed = sorted({Fraction(k, q) for q in range(1, 7) for k in range(q + 1)})
    for n in range(1, 6):
        for xs in itertools.combinations_with_replacement(mixed, n):
            some, short = _median_bounds(n, round(float(statistics.median(xs)), 2))
            got = counts(xs)
            assert got[0] >= some and got[1] >= short, xs


def test_medians_narrow_no_hidden_count(prepared):
    """The intruder's system: the report's ledger and its decisions, with the bounds the published medians put on the
    prevalence table's counts written independently of the report (bench/disclosure70_attack/relations.py), where the
    true counts keep them. No hidden count may be left fewer than ``MIN_COUNT`` values, and fewer than the report's
    own system leaves it (on main's head the 20-council study's eight were)."""
    from bench.disclosure69_attack.relations import recovered
    from bench.disclosure70_attack.relations import medians

    name, findings, ctx = prepared
    published = [(r["code"], w) for r in findings.change.to_dict("records") for w in (ctx.waves[0], ctx.waves[-1])]
    assert published  # the design publishes change across the waves
    got = recovered(ctx, medians)
    assert not got, f"{name}: hidden counts narrowed below {MIN_COUNT} by the medians: {sorted(got.items(), key=str)}"


def test_the_medians_withheld_move_no_count(prepared, monkeypatch):
    """Withheld after every count is decided, the medians change nothing else: the counts hidden, the statements and
    models withheld are those without the withholding. Withheld where a median narrows a count (the 20-council
    study); nothing withheld where none does (the 12-council one: a guard, passing on main's head too in substance)."""
    import impact.report._build as build

    name, findings, ctx = prepared
    ours = {k for k in ctx.ledger.values if ctx.ledger.hidden(k)}
    monkeypatch.setattr(build, "_withhold_medians", lambda ctx: None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        bare = build._prepared(findings, False, MIN_COUNT, 5, None, False)
    assert ours == {k for k in bare.ledger.values if bare.ledger.hidden(k)}
    assert ctx.models_withheld == bare.models_withheld and ctx.statements_withheld == bare.statements_withheld
    if name.startswith("20-"):
        assert ctx.medians_withheld, "the design withholds no median: the test would not see the withholding undone"
    else:
        assert not ctx.medians_withheld


def test_withheld_medians_are_marked_and_ledgered(prepared):
    """A median withheld is 'c' in the table, beside its published councils, the table's note says why, and the
    suppression ledger has its row under a reason of its own."""
    import impact.report._build as build
    from impact.report import Table

    name, findings, ctx = prepared
    if not ctx.medians_withheld:
        pytest.skip(f"{name}: no median withheld")
    section = build._comparisons(ctx)
    table = next(b for b in section.blocks if isinstance(b, Table) and b.name == "change_over_time")
    data = table.data
    for code, wave, g in ctx.medians_withheld:
        row = data[(data["impact"] == code) & (data["status"] == g)]
        assert len(row) == 1 and row[f"median_{wave}"].iloc[0] == "c" and row["n_councils"].iloc[0] != "c"
    assert "withheld" in table.notes
    ledger, reasons = build._suppression_ledger(ctx, [section])
    mine = ledger[(ledger["output"] == "change_over_time") & (ledger["reason"] == "median_narrows")]
    assert len(mine) == len({(c, g) for c, _, g in ctx.medians_withheld})
    assert "median" in reasons["median_narrows"]


def test_a_study_whose_change_was_not_tested_still_gets_its_report():
    """Five councils (bench/withhold_cost.py's new-n05: seed 67671, three interviews a wave, paths never 40%, entered
    30%, lifted 30%): no status group has two councils with a complete series, so change_over_time tested no row and has
    no median columns at all. The medians' step stopped the report's build there with a KeyError ('value_first') when
    it first ran (found by the lead rerunning bench.withhold_cost after the merges); it has no median to withhold."""
    import impact.report._build as build

    _study, _truth, findings = analysed_synthetic(
        5, 67671, interviews_per_wave=3, words_per_interview=150,
        intervention_paths={"never": 0.4, "entered": 0.3, "lifted": 0.3})
    assert "value_first" not in findings.change.columns and len(findings.change)  # the case: rows, none tested
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ctx = build._prepared(findings, False, MIN_COUNT, 5, None, False)
    assert ctx.medians_withheld == set()

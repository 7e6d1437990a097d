"""Disclosure round 67: the attribution table's counts of statements no longer narrow the prevalence table's hidden counts.

Each participant counted as reporting an impact at a wave made one statement of it at least, so the statements of an
impact (published whatever their size) less the participants the prevalence table publishes reporting it bound the
hidden ones (bench/disclosure65_attack/NOTES.md, attack 8). The report now decides every other count as before and then
withholds the rows of statements that would narrow a hidden count (:func:`impact.report._build._withhold_statements`,
:meth:`impact.privacy.DisclosureLedger.withhold_narrowing`). The studies' seeds (67001, 67004, 67006) were not used in
bench/ or tests/ before (checked with grep); on main's head each published statements narrowing a hidden count to 0-4
or less (67001: plans and actions 0-4, policies 0-3; 67004: policies 0-4; 67006: five impacts, morale 0-0).
"""

from __future__ import annotations

import math
import warnings

import pytest
from conftest import once_per_worker, prepared_synthetic

from impact.privacy._ledger import DisclosureLedger

pytestmark = pytest.mark.xdist_group("disclosure39")

MIN_COUNT = 5
#: The designs: two councils or so in intervention at a wave; participants dropping out and missing waves
FEW_IN_INTERVENTION = dict(interviews_per_wave=3, words_per_interview=150,
                           intervention_paths={"never": 0.8, "entered": 0.1, "throughout": 0.1})
ATTRITION = dict(interviews_per_wave=3, words_per_interview=150, participant_dropout=0.3, participant_missing=0.2)
#: name -> (councils, seed, design)
STUDIES = {"12-councils-few-in-intervention": (12, 67001, FEW_IN_INTERVENTION),
           "10-councils-attrition": (10, 67004, ATTRITION), "9-councils-attrition": (9, 67006, ATTRITION)}


@pytest.fixture(scope="module", params=list(STUDIES))
def prepared(request):
    n, seed, opts = STUDIES[request.param]
    return once_per_worker(("round67-prepared", request.param), lambda: prepared_synthetic(n, seed, MIN_COUNT, **opts))


def _later_cells(findings, ctx) -> list[tuple]:
    """The prevalence table's cells at the waves after the review as the report publishes them: ``(code, wave, true
    count, published count or None, published participants or None)``."""
    p = findings.prevalence
    p = p[(p["measure"] == "reported") & p["wave"].isin(ctx.later)]
    out = []
    for r in p.itertuples():
        y = ctx.cell(("with", "reported", r.code, r.wave, r.group))
        n = ctx.cell(("participants_group", r.wave, r.group))
        out.append((r.code, r.wave, int(r.events), None if y == "c" else y, None if n == "c" else n))
    return out


def test_no_published_statement_count_narrows_a_hidden_count(prepared):
    """The intruder's bounds by hand, from the published cells alone (no ledger audit): each hidden cell after the
    review is at most the statements bounding it less the published cells they also bound, for (1) each impact whose
    row of statements is published, (2) the impacts whose rows are withheld together (the row of all impacts less the
    rows published), (3) each wave whose count of statements is published (every impact at the wave). Each bound must
    hold (the true counts keep it) and leave the hidden cell at least ``MIN_COUNT`` values, or as many as its
    published participants already allow (a cell of 3 participants is 0 to 3 whatever the statements say)."""
    findings, ctx = prepared
    cells = _later_cells(findings, ctx)
    codes = list(dict.fromkeys(c for c, *_ in cells))
    stated = {c: ctx.cell(("att", c, "reported")) for c in [*codes, "all"]}
    withheld = [c for c in codes if stated[c] == "c"]
    attacks = [(f"impact {c}", [x for x in cells if x[0] == c], stated[c]) for c in codes if c not in withheld]
    if withheld and stated["all"] != "c":
        attacks.append((f"withheld {withheld}", [x for x in cells if x[0] in withheld],
                        stated["all"] - sum(stated[c] for c in codes if c not in withheld)))
    for w in ctx.later:
        total = ctx.cell(("att_wave", w, "reported")) if ("att_wave", w, "reported") in ctx.ledger.values else "c"
        if total != "c":
            attacks.append((f"wave {w}", [x for x in cells if x[1] == w], total))
    narrowed = []
    for name, group, total in attacks:
        hidden = [x for x in group if x[3] is None]
        bound = total - sum(x[3] for x in group if x[3] is not None)
        assert bound >= sum(x[2] for x in hidden), name  # each participant made one statement at least
        narrowed += [(name, x[0], x[1], bound) for x in hidden if bound < min(MIN_COUNT, x[4] or math.inf)]
    assert not narrowed, f"hidden counts narrowed below {MIN_COUNT} by published statements: {narrowed}"
    # the rows withheld are those the report shows c, whole (a share of a withheld count would give it back)
    for c in withheld:
        assert all(ctx.cell(k) == "c" for k in ctx.ledger.values if k[:2] == ("att", c))


def test_the_statements_withheld_move_no_other_count(prepared, monkeypatch):
    """The counts hidden beside the statements withheld are those the report hides without the statements' step (its
    suppression decided as before): the tries that told the suppression of the statements moved counts of people in
    unrelated tables (disclosure66, reverted)."""
    import impact.report._build as build

    findings, ctx = prepared
    ours = {k for k in ctx.ledger.values if ctx.ledger.hidden(k)}
    monkeypatch.setattr(build, "_withhold_statements", lambda ctx: None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        bare = build._prepared(findings, False, MIN_COUNT, 5, None, False)
    theirs = {k for k in bare.ledger.values if bare.ledger.hidden(k)}
    assert ours - theirs == set(ctx.statements_withheld)
    assert theirs <= ours and ctx.models_withheld == bare.models_withheld


def test_a_count_narrowed_whatever_is_published_is_not_blamed_on_the_statements():
    """Planted: a hidden count 2 in a group of 3 participants (published) is 0 to 3 whatever is published; statements
    bounding it by 6 narrow it no further, so none is withheld. With 2 statements (0 to 2) they narrow it further, and
    their row is withheld with the one the total gives it back from (its row of statements and the next)."""

    def bounds(told):
        told.at_most("a", "sa")
        told.at_most("b", "sb")

    for statements, expected in ((6, []), (2, ["sa", "sb"])):
        led = DisclosureLedger(threshold=5)
        for k, v in {"a": 2, "n": 3, "b": 10, "m": 12}.items():
            led.count(k, v, public=k in ("n", "m"))
        led.at_most("a", "n")
        led.at_most("b", "m")
        for k, v in {"sa": statements, "sb": 14, "s": statements + 14}.items():
            led.count(k, v, public=True)
        led.relation("s", ["sa", "sb"])
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            led.protect()
        assert led.hidden("a") and led.interval("a") == (0.0, 3.0)
        assert led.withhold_narrowing(bounds, [["sa"], ["sb"], ["s"]]) == expected
        assert all(led.hidden(k) for k in expected) and not led.hidden("s") and not led.bounds[2:]


def test_withholding_refuses_a_declaration_changing_a_count():
    """The relations declared for the audit may not change what the ledger declared (the counts it decided on)."""
    led = DisclosureLedger(threshold=5)
    led.count("a", 2)
    with pytest.raises(ValueError, match=r"count 'a' declared twice with different values \(2.0 and 3.0\)"):
        led.withhold_narrowing(lambda told: told.count("a", 3), [["a"]])

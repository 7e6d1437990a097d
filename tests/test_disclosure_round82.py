"""Disclosure round 82: a closed set the zero rule kept hidden, and statistics withheld across releases.

1. The zero rule hides a zero in a sum with a hidden count: published, it would tell the intruder the rest of the sum
   is in the counts beside it. Round 81 found an interim report (25 councils, seed 792025) hiding a model's four cells,
   wave by status (0, 7, 7 and 17 participants reporting morale), as a closed set: three hidden only for the others'
   sake, and the 0 because it lay beside them. Published together they narrow nothing, but the 0, "needing
   protection" while any of them was hidden, stopped the set from being published again (publishing any one of them
   pins it). A zero hidden only for its neighbours' sake protects nothing once none of them is hidden: it is now
   published with them, where no count beside it stays hidden (the rule still holds of what is published).

2. A statistic an earlier release withheld (`withhold_narrowing`: a change's median, a rank statistic, a test beside
   hidden councils, a row of statements) is recorded as unknown, not as a hidden count, so round 81's rule did not
   carry it: a later release decided it afresh and could publish it. Its linear bounds are audited by the later
   release with the earlier one's relations merged, but what the earlier release published beside it that no history
   holds (a change by status's odds ratio, tried against every value its hidden cells could take, disclosure64) assumed
   it unknown. A later release now withholds a statistic of the same name and value an earlier one withheld.

Tested on ledgers built by hand (each in milliseconds).
"""

from __future__ import annotations

from test_disclosure_round81 import _INTERIM, _two_by_two

from impact.privacy._history import merge_releases, release_of
from impact.privacy._ledger import DisclosureLedger

_T = 5


def _released(led: DisclosureLedger) -> set:
    """The report's releases after protect() (impact.report._build._prepared's order); returns the counts hidden."""
    led.release_pinned()
    led.release_with_narrowed()
    led.release_unneeded()
    led.release_with_pinned()
    led.release_known()
    return set(led._hidden)


def test_a_closed_set_hidden_only_for_its_zero_is_published_whole():
    # the interim's four cells of seed 792025, hidden as its decisions (over a larger system) left them
    led = DisclosureLedger(threshold=_T)
    _two_by_two(led, _INTERIM)
    cells = {("with", "morale", *c) for c in _INTERIM}
    led._hidden = set(cells)
    # hidden, each spans 7 values (the early count in intervention t, 0 to 7, gives the rest: 7 - t, t, 24 - t)
    assert all(led.interval(k)[1] - led.interval(k)[0] == 7 for k in cells)
    # integ75 published none: publishing any one pins the 0, which the zero rule held to need protection
    assert _released(led) == set()
    assert [led.value(("with", "morale", *c)) for c in sorted(_INTERIM)] == [0, 7, 7, 17]

    # the same set, its 0 also in a sum with a count hidden for its size (3, beside 6, their total 9 published): the
    # three others published would pin the 0 beside it, so the set stays hidden; the 3 spans 0 to 9 either way
    led = DisclosureLedger(threshold=_T)
    _two_by_two(led, _INTERIM)
    zero = ("with", "morale", "before", "in")
    for k, v in {"small": 3, "other": 6, "total": 9}.items():
        led.count(k, v)
    led.relation("total", [zero, "small", "other"])
    led._hidden = {("with", "morale", *c) for c in _INTERIM} | {"small", "other"}
    hidden = _released(led)
    assert {"small", zero} <= hidden and led.value(zero) is None
    assert led.interval("small") == (0.0, 9.0)

    # the set again, the 0's group of 3 participants (hidden for its size): published, the 0 would tell each of the
    # three that none of them reported it (a group attribute of a group of a few people), so the set stays hidden
    few = DisclosureLedger(threshold=_T)
    for (w, g), v in _INTERIM.items():
        few.count(("with", "morale", w, g), v)
        few.count(("participants", w, g), 3 if (w, g) == ("before", "in") else 40, public=(w, g) != ("before", "in"))
        few.at_most(("with", "morale", w, g), ("participants", w, g))
    for m, parts in {"all": list(_INTERIM), "in": [("before", "in"), ("early", "in")],
                     "early": [("early", "in"), ("early", "out")]}.items():
        few.count(("margin", m), sum(_INTERIM[c] for c in parts))
        few.relation(("margin", m), [("with", "morale", *c) for c in parts])
    few._hidden = {("with", "morale", *c) for c in _INTERIM} | {("participants", "before", "in")}
    assert zero in _released(few) and few.value(zero) is None


# ---------------------------------------------------------------------------------------------------- withheld
#: a status group's participants reporting the impact: 2 of 6 at the early wave (hidden for its size), 20 of 40 at the
#: later one; the interim hid all four cells (its decisions, over a larger system, are its own: set as they were)
_CELLS = {("with", "early"): 2, ("without", "early"): 4, ("with", "later"): 20, ("without", "later"): 20}
_PARTICIPANTS = {"early": 6, "later": 40}


def _cells(led: DisclosureLedger, waves=("early", "later")) -> None:
    for w in waves:
        for k in (("with", w), ("without", w)):
            led.count(k, _CELLS[k])
        led.count(("participants", w), _PARTICIPANTS[w], public=True)
        led.relation(("participants", w), [("with", w), ("without", w)])


def _median(some: int, short: int):
    """A change's median at the later wave as ``_declare_at_least`` declares it: ``some`` of the row's councils at least
    had a participant reporting the impact (so many participants at least), ``short`` at least one not (0: says
    nothing that way, not declared)."""
    def declare(led: DisclosureLedger) -> None:
        if some:
            led.count(("median_some", "later"), some, public=True)
            led.at_most(("median_some", "later"), ("with", "later"))
        if short:
            led.count(("median_short", "later"), short, public=True)
            led.unpublished(("median_rest", "later"), _CELLS["with", "later"] + short)
            led.relation(("median_rest", "later"), [("with", "later"), ("median_short", "later")])
            led.at_most(("median_rest", "later"), ("participants", "later"))
    return declare


_ODDS_RATIO = (20 / 20) / (2 / 4)  # the interim's change in the odds of reporting it, published beside the cells


def _early_given(later: range) -> set[int]:
    """The early counts (0 to 6) an intruder holding the interim's odds ratio cannot rule out, the later count in
    ``later``: those whose curve (the later count 40 r o / (1 + r o), o the early odds, docs/methods.md disclosure64)
    passes within 1 of one of them (as tests/test_disclosure_round81.py grants the intruder)."""
    def curve(y: int) -> float:
        return 0.0 if y == 0 else 40.0 if y == 6 else 40 * _ODDS_RATIO * (y / (6 - y)) / (1 + _ODDS_RATIO * y / (6 - y))
    return {y for y in range(7) for x in later if abs(curve(y) - x) <= 1}


def _interim() -> tuple[DisclosureLedger, dict]:
    first = DisclosureLedger(threshold=_T)
    _cells(first)
    first._hidden = set(_CELLS)
    # its median: 16 participants at least reporting it and 20 not leave the later count 16 to 20: withheld
    assert first.withhold_narrowing(_median(16, 20), [[("median_some", "later"), ("median_short", "later")]]) == [
        ("median_some", "later"), ("median_short", "later")]
    # the odds ratio was published: over every later count its system leaves (0 to 40), every early count stays open
    lo, hi = first.interval(("with", "later"))
    assert (lo, hi) == (0, 40) and _early_given(range(int(lo), int(hi) + 1)) == set(range(7))
    return first, release_of(first, waves=["early", "later"], declared=b"interim")


def test_a_statistic_the_interim_withheld_is_withheld_by_the_final_too():
    first, release = _interim()
    status = {tuple(c[0]["t"]): c[2] for c in release["counts"] if isinstance(c[0], dict)}
    assert status[("median_short", "later")] == "unknown"  # withheld: no hidden count, so round 81 did not carry it

    # the final's median at the later wave over its councils says only that 20 did not report it (none from below)
    alone = DisclosureLedger(threshold=_T)
    _cells(alone, ["later"])
    alone._hidden = {("with", "later"), ("without", "later")}
    assert alone.withhold_narrowing(_median(0, 20), [[("median_short", "later")]]) == []  # alone it narrows nothing

    final = DisclosureLedger(threshold=_T)
    _cells(final, ["later"])
    assert merge_releases(final, [release], declared=b"final") == (1, [])
    final.protect()
    assert {("with", "later"), ("without", "later")} <= final._hidden  # hidden by the interim (round 81)
    # in the final's system with the interim merged, the 20 leaves the later count 0 to 20: integ75 published it
    withheld = final.withhold_narrowing(_median(0, 20), [[("median_short", "later")]])
    assert withheld == [("median_short", "later")]
    assert final.hidden(("median_short", "later"))
    # published, with the interim's odds ratio it would have left the hidden 2 at the early wave 0 to 2
    assert _early_given(range(0, 21)) == {0, 1, 2}
    # the final leaves the later count as the interim did, so the odds ratio leaves every early count open
    lo, hi = final.interval(("with", "later"))
    assert (lo, hi) == (0, 40) and _early_given(range(int(lo), int(hi) + 1)) == set(range(7))

    # a median saying 18 did not report it, not 20, is another statement: audited in the final's system with the
    # interim's merged (0 to 22 for the later count: not narrowed), and published
    other = DisclosureLedger(threshold=_T)
    _cells(other, ["later"])
    merge_releases(other, [release], declared=b"final")
    other.protect()
    assert other.withhold_narrowing(_median(0, 18), [[("median_short", "later")]]) == []

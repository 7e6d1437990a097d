"""Disclosure round 81: a count an earlier release of the study hid stays hidden in every later release.

Disclosure round 79 found an intruder holding both the interim's and the final's whole systems (25 councils, seed
792025) still narrowed 4 hidden counts of the interim. Traced (bench/disclosure81_carried/NOTES.md): no margin narrowed
them; the final published them. They were the interim's counts of participants reporting morale at its two waves in
each status group (7 and 17 at the early wave, 0 and 7 at the one before the review): the interim hid the four as a
closed set (three hidden only for the others' sake, the 0 because it lay beside them), and the final, whose own
decisions did not need them hidden, published them. The release history's merge made a count hidden before
"protected" but left it free to be published, whereas one the earlier release hid under a name of its own was forced
hidden.

A later release now hides every count an earlier one hid (consistent suppression of the cells linked releases share):
the earlier release's decisions, and whatever it published beside the counts it hid that the history does not hold (an
odds ratio of its change by status, tried against every value of its hidden cells, disclosure64), assumed them hidden.

Tested on ledgers built by hand (each in milliseconds): the failures these tests catch are in the merge, whatever
study made the ledgers.
"""

from __future__ import annotations

from test_disclosure_round77 import _joint

from impact.privacy._history import merge_releases, release_of
from impact.privacy._ledger import DisclosureLedger

_T = 5


def _decide(led: DisclosureLedger) -> set:
    """The report's decisions (impact.report._build._prepared's order): protect, then the releases of counts hidden
    without need; returns the counts hidden."""
    led.protect()
    led.release_pinned()
    led.release_with_narrowed()
    led.release_unneeded()
    led.release_with_pinned()
    led.release_known()
    return set(led._hidden)


def _two_by_two(led: DisclosureLedger, cells: dict, impact: str = "morale") -> None:
    """Participants reporting ``impact`` at each wave and status group (``cells``: (wave, group) -> count) beside
    each group's participants (at most them), with the model's margins published: its total, each group's over the
    waves and each wave's over the groups (what fitting wave x status publishes, disclosure53)."""
    waves = sorted({w for w, _ in cells})
    groups = sorted({g for _, g in cells})
    for (w, g), v in cells.items():
        led.count(("with", impact, w, g), v)
        led.count(("participants", w, g), 40, public=True)
        led.at_most(("with", impact, w, g), ("participants", w, g))
    margins = {("margin", impact, "all"): list(cells)}
    margins.update({("margin", impact, g): [c for c in cells if c[1] == g] for g in groups})
    margins.update({("margin", impact, w): [c for c in cells if c[0] == w] for w in waves})
    for m, parts in margins.items():
        led.count(m, sum(cells[c] for c in parts))
        led.relation(m, [("with", impact, *c) for c in parts])


# the interim's cells of seed 792025 (the waves before the review and early, councils in and out of intervention)
_INTERIM = {("before", "in"): 0, ("before", "out"): 7, ("early", "in"): 7, ("early", "out"): 17}


def test_the_counts_an_interim_hid_are_hidden_by_the_final_too():
    # the interim hid its four cells: three for the others' sake and the 0 beside them (its decisions, made by the
    # greedy suppression of a larger system, are its own; here set as they were)
    first = DisclosureLedger(threshold=_T)
    _two_by_two(first, _INTERIM)
    first._hidden = {("with", "morale", *c) for c in _INTERIM}
    release = release_of(first, waves=["before", "early"], declared=b"interim")
    assert sorted(c[2] for c in release["counts"] if c[0]["t"][0] == "with") == ["hidden"] * 4

    # the final: the same cells, a third wave, its own margins over the three waves
    cells = {**_INTERIM, ("later", "in"): 9, ("later", "out"): 12}
    alone = DisclosureLedger(threshold=_T)
    _two_by_two(alone, cells)
    assert _decide(alone) == set()  # decided alone, the final hides none of them: nothing is small

    final = DisclosureLedger(threshold=_T)
    _two_by_two(final, cells)
    assert merge_releases(final, [release], declared=b"final") == (1, [])
    hidden = _decide(final)
    # every cell the interim hid is hidden by the final (before round 81 the final published all four: 0, 7, 7, 17)
    assert {("with", "morale", *c) for c in _INTERIM} <= hidden
    # and each spans the threshold in the final's system (the interim's published margins with it)
    for c in _INTERIM:
        lo, hi = final.interval(("with", "morale", *c))
        assert hi - lo >= _T - 1e-6, (c, lo, hi)
    # an intruder holding both bundles' systems narrows no hidden count of either (round 79's measure)
    assert _joint(first, final, {"before", "early"}) == {}

def test_a_cell_the_interim_hid_beside_its_odds_ratio_is_not_handed_back_by_the_final():
    """An odds ratio of the interim's change by status, published beside its hidden cells, gives one hidden count from
    the other: the interim published it because, with its cells hidden, every value of the early count left the later
    one open (disclosure64). The history holds no odds ratio, so the final's own audit cannot see that publishing the
    later count gives the early one back."""
    first = DisclosureLedger(threshold=_T)
    # a status group's participants reporting learning at the two waves, 3 of 12 and 8 of 15, all four cells hidden by
    # the interim (the 3 for its size; its decisions, made over a larger system, are its own: here set as they were)
    cells = {("with", "early"): 3, ("without", "early"): 9, ("with", "later"): 8, ("without", "later"): 7}
    for k, v in cells.items():
        first.count(k, v)
    for w, n in (("early", 12), ("later", 15)):
        first.count(("participants", w), n, public=True)
        first.relation(("participants", w), [("with", w), ("without", w)])
    first._hidden = set(cells)
    odds_ratio = (8 / 7) / (3 / 9)  # the change in the odds of reporting it, published by the interim

    def early_given(later: int) -> list[int]:
        """The early counts (1 to 11) an intruder holding the odds ratio cannot rule out, the later count known: those
        whose curve (docs/methods.md, disclosure64: the later count 15 r o / (1 + r o), o the early odds) passes within
        1 of it (a GEE's fit is not exactly saturated; the intruder is granted the distance)."""
        return [y for y in range(1, 12)
                if abs(15 * odds_ratio * y / (12 - y) / (1 + odds_ratio * y / (12 - y)) - later) <= 1]

    # the interim's proof: over the later count's range, every early value is open
    assert {y for later in range(0, 16) for y in early_given(later)} == set(range(1, 12))
    assert early_given(8) == [3]  # but with the later count known, the odds ratio gives the early one back
    release = release_of(first, waves=["early", "later"], declared=b"interim")

    # the final declares the later wave's cells again (the same people, the same values): nothing in them is small
    final = DisclosureLedger(threshold=_T)
    for k in (("with", "later"), ("without", "later")):
        final.count(k, cells[k])
    final.count(("participants", "later"), 15, public=True)
    final.relation(("participants", "later"), [("with", "later"), ("without", "later")])
    assert merge_releases(final, [release], declared=b"final") == (1, [])
    hidden = _decide(final)
    # before round 81 the final published the 8 and the 7, and the interim's odds ratio gave the hidden 3 back
    assert {("with", "later"), ("without", "later")} <= hidden
    lo, hi = final.interval(("with", "later"))
    assert (lo, hi) == (0, 15)
    assert len({y for later in range(int(lo), int(hi) + 1) for y in early_given(later)}) >= _T

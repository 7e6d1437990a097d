"""Disclosure round 75: the counts hidden as secondary that narrow only one another are published together before
the smaller counts beside them are published alone (:meth:`DisclosureLedger.release_with_narrowed`).

Since round 74 bounded a status group's councils interviewed by the councils at its levels of intervention, a
30-council study (seed 5931, render59's) hid its councils of each group at every wave, and so its comparisons table
whole: each group's councils narrowed the other's and those at level none (all hidden as secondary), so the ledger
published the councils with a notice instead, beside which the groups' councils give back the 1 council under a
direction. Published together, the groups' councils and those at level none narrow nothing that needs protection,
with the councils with a notice hidden in their stead (bench/disclosure75: 6 of 18 rows published, as before round
74, and 0 hidden counts narrowed by the ledger's audit or by round 73's integer programme over the built files).
"""

from __future__ import annotations

import pytest
from conftest import prepared_synthetic

from impact.privacy._ledger import DisclosureLedger
from impact.report._build import _comparison_parts


def test_counts_narrowing_only_one_another_are_published_together():
    # the 30-council study's early wave in small: 30 councils, 21 at level none, 8 with a notice, 1 under a direction;
    # 28 interviewed (public), 19 not in intervention and 9 in it; each group at most the councils at its levels
    led = DisclosureLedger(threshold=5)
    for k, v in {"none": 21, "notice": 8, "direction": 1, "out": 19, "in": 9}.items():
        led.count(k, v)
    led.count("councils", 30, public=True)
    led.count("interviewed", 28, public=True)
    led.unpublished("in_levels", 9)
    led.relation("councils", ["none", "notice", "direction"])
    led.relation("interviewed", ["out", "in"])
    led.relation("in_levels", ["notice", "direction"])
    led.at_most("out", "none")
    led.at_most("in", "in_levels")
    led.protect()
    led.release_pinned()
    led.release_with_narrowed()
    led.release_unneeded()
    led.release_with_pinned()
    hidden = {k for k in led.values if led.hidden(k)}
    # the groups are published, the 1 council under a direction still spans 5 values or more
    assert {"out", "in"}.isdisjoint(hidden) and "direction" in hidden
    assert led._weak(hidden) == []
    lo, hi = led._range(hidden, "direction")
    assert hi - lo >= 5


@pytest.mark.parametrize("n, seed", [(30, 5931), (30, 351030), (40, 378040)])
def test_comparisons_of_a_large_study_are_published_where_nothing_is_narrowed(n, seed):
    # main's head after round 74 published 0, 0 and 2 of 18 rows; b31da06c (before it) 6, 6 and 10, of which
    # 351030's narrowed 5 hidden counts once the levels bound is known
    findings, ctx = prepared_synthetic(n, seed, interviews_per_wave=3, words_per_interview=150)
    rows = [all(_comparison_parts(ctx, r)) for r in findings.comparisons.to_dict("records")]
    assert sum(rows) >= 6
    led = ctx.ledger
    hidden = {k for k in led.values if led.hidden(k)}
    assert led._weak(hidden) == []

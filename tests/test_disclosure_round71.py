"""Disclosure round 71: what the withholding after the suppression withholds where relations it was not told of narrow
a hidden count whatever is withheld (bench/disclosure71_attack/NOTES.md).

The report withholds the attribution table's statements (disclosure67), then change_over_time's medians
(disclosure70), each by :meth:`DisclosureLedger.withhold_narrowing`, the second told of the statements' bounds too.
A count the statements narrow whatever is withheld (a bound against a count published in any case) left the
greedy no group that helps, so every group was withheld, none published again, and the warning given twice: every
median of the study withheld for a count no median narrows. A group is now withheld only where it narrows a count
further than it is narrowed with every group withheld.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from scipy.optimize import Bounds, LinearConstraint, milp

from impact.privacy._disclosure import DisclosureWarning
from impact.privacy._ledger import DisclosureLedger


def _ledger() -> DisclosureLedger:
    """Two counts of people, 3 and 6, hidden beside their published total 9; ``t`` (3, published in any case) bounds
    the first; ``m`` and ``m2`` (1 each, the counts to withhold: a median's bounds) bound one each from below."""
    led = DisclosureLedger(threshold=5)
    for k, v in {"all": 9, "a": 3, "b": 6}.items():
        led.count(k, v)
    led.relation("all", ["a", "b"])
    for k, v in {"t": 3, "m": 1, "m2": 1}.items():
        led.count(k, v, public=True)
    return led


def _given(led: DisclosureLedger) -> None:
    led.at_most("a", "t")  # a is 0 to 3 and b 6 to 9 whatever is withheld


def _medians(led: DisclosureLedger) -> None:
    _given(led)
    led.at_most("m", "a")  # a 1 to 3 with m: narrower than 0 to 3
    led.at_most("m2", "b")  # b at least 1: it is 6 to 9 anyway


def _withheld(led, declare, groups):
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        out = led.withhold_narrowing(declare, groups)
    return out, [str(w.message) for w in seen if issubclass(w.category, DisclosureWarning)]


def test_a_group_narrowing_nothing_further_is_published():
    """m2 narrows nothing t has not narrowed already: it is published (main withheld both, as no group alone could
    protect a and b), m is withheld (a is 1 to 3 with it, 0 to 3 without)."""
    led = _ledger()
    assert sorted(led.protect()) == ["a", "b"]
    out, said = _withheld(led, _medians, [["m"], ["m2"]])
    assert out == ["m"]
    assert len(said) == 1 and said[0].startswith("2 hidden counts narrowed")


def test_the_second_withholding_told_of_the_first_relations_withholds_nothing_for_them():
    """As the report calls it: the statements' withholding (``_given``, its groups withheld in vain) warns; the
    medians' call, told of the same relations and of medians narrowing nothing further, withholds none and does not
    warn of the same counts again (main: every median withheld, the warning twice)."""
    led = _ledger()
    led.count("s", 5, public=True)  # a statement row to withhold, narrowing nothing
    first, said = _withheld(led, lambda w: (_given(w), w.at_most("a", "s")), [["s"]])
    assert first == [] and len(said) == 1
    second, said = _withheld(led, lambda w: (_given(w), w.at_most("m2", "b")), [["m2"]])
    assert second == [] and said == []


# --------------------------------------------------------------------------- random ledgers, solved independently
def _intervals(values, sums, bounds, unknown, keys):
    """Each of ``keys``'s least and greatest value over the integer points keeping every relation, the counts not in
    ``unknown`` at their values (scipy's milp, written apart from the ledger's own programmes)."""
    names = sorted(values)
    at = {k: i for i, k in enumerate(names)}
    rows, lo, hi = [], [], []
    for total, parts in sums:
        r = np.zeros(len(names))
        r[at[total]] += 1
        for p in parts:
            r[at[p]] -= 1
        rows.append(r), lo.append(0), hi.append(0)
    for small, big in bounds:
        r = np.zeros(len(names))
        r[at[small]], r[at[big]] = 1, -1
        rows.append(r), lo.append(-np.inf), hi.append(0)
    lb = np.array([0.0 if k in unknown else values[k] for k in names])
    ub = np.array([1000.0 if k in unknown else values[k] for k in names])
    cons = [LinearConstraint(np.array(rows), lo, hi)]
    out = {}
    for k in keys:
        ends = []
        for sign in (1, -1):
            c = np.zeros(len(names))
            c[at[k]] = sign
            res = milp(c, constraints=cons, integrality=np.ones(len(names)), bounds=Bounds(lb, ub))
            assert res.status == 0
            ends.append(sign * res.fun)
        out[k] = tuple(ends)
    return out


def _random_case(seed):
    """Two tables of three cells with published totals, some below 5; public counts bounding cells from above (``t``,
    published in any case) and from below (``g``, the groups to withhold), each true of the cells."""
    rng = np.random.default_rng(seed)
    values, sums = {}, []
    for t in "xy":
        parts = [f"{t}{i}" for i in range(3)]
        for p in parts:
            values[p] = int(rng.integers(0, 12))
        values[t] = sum(values[p] for p in parts)
        sums.append((t, tuple(parts)))
    cells = [p for _, parts in sums for p in parts]
    given = [(c, f"t_{c}") for c in rng.choice(cells, 2, replace=False)]
    grouped = [(f"g_{c}", c) for c in rng.choice(cells, 3, replace=False)]
    for c, t in given:
        values[t] = values[c] + int(rng.integers(0, 2))
    for g, c in grouped:
        values[g] = max(values[c] - int(rng.integers(0, 3)), 0)
    return values, sums, given, grouped


@pytest.mark.parametrize("seed", [71701, 71702, 71703, 71704, 71705, 71706, 71707, 71708, 71709, 71710, 71711, 71712])
def test_each_group_withheld_narrows_a_count_further_than_withholding_every_group(seed):
    """On random ledgers: after the withholding, every hidden count is as wide as the threshold, or as wide as with
    every group withheld (nothing more could be done); and each group withheld is needed: published again, it narrows
    some hidden count below the threshold and further than with every group withheld. Solved here by scipy's milp over
    the integer points, apart from the ledger's programmes."""
    values, sums, given, grouped = _random_case(seed)
    led = DisclosureLedger(threshold=5)
    for k, v in values.items():
        led.count(k, v, public=k.startswith(("t_", "g_")))
    for total, parts in sums:
        led.relation(total, list(parts))
    led.protect()
    hidden = {k for k in values if led.hidden(k)}

    def declare(work):
        for c, t in given:
            work.at_most(c, t)
        for g, c in grouped:
            work.at_most(g, c)

    out, _ = _withheld(led, declare, [[g] for g, _ in grouped])
    bounds = [*given, *grouped]
    people = sorted(hidden)
    if not people:
        pytest.skip("nothing hidden")
    floor = _intervals(values, sums, bounds, hidden | {g for g, _ in grouped}, people)
    now = _intervals(values, sums, bounds, hidden | set(out), people)
    for k in people:
        assert now[k][1] - now[k][0] >= 5 - 1e-6 or now[k] == floor[k], (k, now[k], floor[k])
    for g in out:
        again = _intervals(values, sums, bounds, hidden | (set(out) - {g}), people)
        assert any(again[k][1] - again[k][0] < 5 - 1e-6 and again[k] != floor[k] for k in people), (g, again, floor)

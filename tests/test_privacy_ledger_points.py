"""The disclosure ledger's audits start a trial from the feasible points earlier programmes found (speed22).

A point a programme found under other counts fixed is a feasible point of the block as it is now where it holds the
counts fixed now at their values; two points off only at the count tried now, on either side of its value, give the
point between them where it is. Every point the block takes in is checked here against the block's rows, written out
independently from the ledger's declared sums, and the fixings.
"""

from __future__ import annotations

import numpy as np
import pytest

from impact.privacy._ledger import _PAIRED, _SAME, DisclosureLedger

pytest.importorskip("highspy")


def _table_ledger(rng: np.random.Generator):
    """A 3 x 4 table of counts with row, column and grand totals, every cell and total hidden."""
    cells = rng.integers(6, 15, size=(3, 4))
    led = DisclosureLedger(threshold=5)
    for (i, j), v in np.ndenumerate(cells):
        led.count(("c", i, j), int(v))
    for i in range(3):
        led.count(("r", i), int(cells[i].sum()))
        led.relation(("r", i), [("c", i, j) for j in range(4)])
    for j in range(4):
        led.count(("k", j), int(cells[:, j].sum()))
        led.relation(("k", j), [("c", i, j) for i in range(3)])
    led.count(("all",), int(cells.sum()), public=True)
    led.relation(("all",), [("r", i) for i in range(3)])
    return led, cells


def _feasible(block, x, values) -> bool:
    """Whether ``x`` (over the block's keys) satisfies every declared sum, the other counts at their values."""
    full = dict(values)
    full.update(zip(block.keys, x))
    sums_hold = all(abs(full[("r", i)] - sum(full[("c", i, j)] for j in range(4))) < 1e-6 for i in range(3)) and \
        all(abs(full[("k", j)] - sum(full[("c", i, j)] for i in range(3))) < 1e-6 for j in range(4)) and \
        abs(full[("all",)] - sum(full[("r", i)] for i in range(3))) < 1e-6
    return bool(sums_hold and np.all(np.asarray(x) >= -1e-6))


def test_a_trial_starts_from_the_earlier_points_still_feasible_and_those_between_them():
    rng = np.random.default_rng(2207)
    led, cells = _table_ledger(rng)
    hidden = {k for k in led.values if k != ("all",)}
    block = next(b for b in led._system(hidden) if ("c", 0, 0) in b.position)
    truth = np.array([led.values[k] for k in block.keys])
    block.start_record(truth)
    for k in block.keys:  # points of the block with nothing fixed: each count's minimum and maximum
        block.bound(k, upper=True)
        block.bound(k, upper=False)
    tried = ("c", 1, 2)
    block.fix(tried, led.values[tried])
    j = block.position[tried]
    found = block._found[:block._n_found]
    assert (found[:, j] > truth[j]).any() and (found[:, j] < truth[j]).any()
    taken = np.vstack(list(block._earlier()))
    # the points found with the count tried at its value, and one between each pair on either side of it (the latest
    # _PAIRED each side): more than the points at its value alone, each feasible with the count tried at its value.
    # (Counted from the points found, not against their number: which vertices HiGHS returns differs by release, and
    # the oldest highspy setup.cfg allows found 38 points of which 37 were taken, where today's takes more than found.)
    at_value = int((np.abs(found[:, j] - truth[j]) <= _SAME).sum())
    n_above = min(int((found[:, j] > truth[j] + _SAME).sum()), _PAIRED)
    n_below = min(int((found[:, j] < truth[j] - _SAME).sum()), _PAIRED)
    assert len(taken) == at_value + n_above * n_below > at_value
    assert np.allclose(taken[:, j], truth[j])
    assert all(_feasible(block, x, led.values) for x in taken)
    # the trial's record starts from them: wider than the true counts alone, within each count's interval
    block.start_record(truth)
    assert (block.high - block.low > 0).sum() >= len(block.keys) - 1
    for k in block.keys:
        i = block.position[k]
        lo, hi = block.bound(k, upper=False), block.bound(k, upper=True)
        assert lo - 1e-6 <= block.low[i] <= block.high[i] <= hi + 1e-6

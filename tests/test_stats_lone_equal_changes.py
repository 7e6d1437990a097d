"""A council alone in its cohort borrows its variance from the councils compared with it; where their changes are
all equal (figures rounded alike) there is no variation to borrow, and the interval must not claim a certainty the
figures do not hold (truth84 found zero-width intervals in 5 of 4,412 rows read from one council at 5 councils)."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from impact.stats import staggered_did


def _panel(second_change: float) -> pd.DataFrame:
    # A is treated from period 3, alone; B and C are never treated. B rises by 1.0 a period; C by 1.0 and then,
    # from period 2 to 3, by ``second_change``.
    rows = []
    for unit, values, first in (("A", [10.0, 11.0, 15.0, 16.0], 3),
                                ("B", [20.0, 21.0, 22.0, 23.0], np.nan),
                                ("C", [30.0, 31.0, 31.0 + second_change, 32.0 + second_change], np.nan)):
        rows += [{"unit": unit, "time": t, "y": v, "first": first} for t, v in zip((1, 2, 3, 4), values, strict=True)]
    return pd.DataFrame(rows)


def _cell(res, time):
    cells = res.att_gt
    return cells[(cells["group"] == 3) & (cells["time"] == time)].iloc[0]


def test_a_lone_council_against_equal_changes_gets_no_interval():
    res = staggered_did(_panel(1.0), outcome="y", unit="unit", time="time", first_treated="first", seed=0)
    cell = _cell(res, 3)
    # the estimate is A's change (4) less the comparison's (1): 3, computed by hand
    assert cell["estimate"] == pytest.approx(3.0)
    # before: se 0 and an interval 3 to 3
    assert np.isnan(cell["se"]) and np.isnan(cell["ci_low"]) and np.isnan(cell["ci_high"])
    overall = res.aggregate("group").overall.iloc[0]
    assert overall["estimate"] == pytest.approx((3.0 + 3.0) / 2)  # periods 3 and 4: (15 - 11) - 1 and (16 - 11) - 2
    assert np.isnan(overall["se"]) and np.isnan(overall["ci_low"])


def test_a_lone_council_against_changes_that_differ_keeps_its_interval():
    res = staggered_did(_panel(1.5), outcome="y", unit="unit", time="time", first_treated="first", seed=0)
    cell = _cell(res, 3)
    # the comparison's changes 1.0 and 1.5: mean 1.25, sample variance 0.125; A's change 4 alone, so its variance
    # is borrowed: s^2 (1 + 1/m) = 0.125 * 1.5 (Crawford and Howell 1998)
    assert cell["estimate"] == pytest.approx(4.0 - 1.25)
    assert cell["se"] == pytest.approx(np.sqrt(0.125 * 1.5))
    assert cell["ci_low"] < cell["estimate"] < cell["ci_high"]

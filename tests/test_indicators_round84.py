"""A review ending on the last day of an indicator period (31 March): which period first shows its change (truth84).

An indicator's figure for ``time_period`` 2013 is the year ending 31 March 2013. A review whose last day is 31 March
2013 came after every day of that year but its last, so the year's figure is from before the review: the generator
plants the change in periods ending *after* the review's last day (``period > end``), and the planted truth
(:func:`impact.synth._estimands.true_review_changes`) places the council's cohort there. The analysis
(:func:`impact.indicators.review_indicator_effects`) took the first period ending *on or after* the review's last
day, so such a council's cohort was one period early: its first period "after" the review showed no change, and a
review ending on the last day of the last period was read as treated in it where nothing of it could show.

Every expected value is worked out in the test from the review dates and the planted changes."""

from __future__ import annotations

import datetime as dt
import warnings
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from impact.indicators import review_indicator_effects
from impact.synth import SynthEffects
from impact.synth._estimands import INDICATOR_PERIODS, true_review_changes
from impact.synth._generate import _indicators

EFFECTS = SynthEffects.from_value({"indicator_post_review": -1.0, "indicator_post_by_intervention": -2.0})
MEASURE = EFFECTS.indicator_measure

#: (review's last day or None, in intervention when reviewed): reviews ending on 31 March in several years, the days
#: either side of it, one on the last period's last day, and councils never reviewed.
COUNCILS = {
    "a": ("2011-03-31", True), "b": ("2011-03-30", False), "c": ("2011-04-01", False), "d": ("2013-03-31", True),
    "e": ("2014-03-31", False), "f": ("2012-11-16", True), "g": ("2017-03-31", False), "h": ("2015-03-31", False),
    "i": (None, False), "j": (None, False), "k": (None, False),
}


def _study(values) -> SimpleNamespace:
    """A study of :data:`COUNCILS` (a five-day review ending on each one's day; a notice in force from 2008 for those
    in intervention) with ``values``, the indicator's rows."""
    ends = {c: dt.date.fromisoformat(e) for c, (e, _) in COUNCILS.items() if e}
    reviews = pd.DataFrame({"council_id": list(ends), "start_date": [e - dt.timedelta(days=4) for e in ends.values()],
                            "end_date": list(ends.values())})
    history = pd.DataFrame({"council_id": [c for c, (_, s) in COUNCILS.items() if s], "kind": "improvement_notice",
                            "start_date": dt.date(2008, 1, 1), "end_date": None})
    return SimpleNamespace(indicators=values, reviews=reviews, councils=pd.DataFrame({"council_id": list(COUNCILS)}),
                           status_history=history)


def _periods_after(end: str | None) -> list[bool]:
    """Whether each period ends after the review's last day ``end`` (the year's figure could show the change)."""
    return [end is not None and p > dt.date.fromisoformat(end) for p in INDICATOR_PERIODS]


def _by_hand() -> dict[str, tuple[float, set]]:
    """Per group, the mean planted change of the councils compared and the councils compared: each council's cohort
    is the first period ending after its review's last day; it is compared when at least two councils are not yet
    reviewed at its cohort (a council reviewed after the last period, or never, is not yet reviewed throughout)."""
    cohort = {c: next((k for k, a in enumerate(_periods_after(e)) if a), np.inf) for c, (e, _) in COUNCILS.items()}
    cohort = {c: np.inf if e is None else g for c, (e, _), g in zip(COUNCILS, COUNCILS.values(), cohort.values())}
    compared = {c for c, g in cohort.items() if 0 < g < np.inf and sum(h > g for h in cohort.values()) >= 2}
    out = {}
    for group, keep in (("all", lambda s: True), ("intervention", bool), ("no_intervention", lambda s: not s)):
        mine = {c for c in compared if keep(COUNCILS[c][1])}
        out[group] = (float(np.mean([EFFECTS.review_change(COUNCILS[c][1]) for c in mine])), mine)
    return out


def test_a_review_ending_on_31_march_is_compared_from_the_next_period():
    """Noise-free figures (a council level, a common trend, each council's planted change in every period ending after
    its review's last day): every row is the mean planted change of the councils compared, counted alike, and the
    planted truth says the same. Integ75's head put the councils reviewed on 31 March one period early (their first
    period 'after' showed no change) and read council ``g``, reviewed on the last period's last day, as treated in it:
    its rows missed, and ``n_treated`` counted ``g``."""
    rows = [{"council_id": c, "period": p, "measure": MEASURE, "flag": None,
             "value": 20.0 + i + 0.4 * k + (EFFECTS.review_change(s) if after else 0.0)}
            for i, (c, (end, s)) in enumerate(COUNCILS.items())
            for k, (p, after) in enumerate(zip(INDICATOR_PERIODS, _periods_after(end), strict=True))]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        e = review_indicator_effects(_study(pd.DataFrame(rows)), n_permutations=0).set_index("group")
    truth = true_review_changes(EFFECTS, [{"review_end": end, "in_intervention_at_review": s}
                                          for end, s in COUNCILS.values()])
    want = _by_hand()
    assert want["all"][1] == {"a", "b", "c", "d", "e", "f", "h"}  # the design: g is after the last period
    for group, (average, compared) in want.items():
        assert e.loc[group, "estimate"] == pytest.approx(average, abs=1e-9), group
        assert e.loc[group, "n_treated"] == len(compared), group
        assert truth[group]["average"] == pytest.approx(average, abs=1e-12), group
        assert truth[group]["n_compared"] == len(compared), group


@pytest.mark.parametrize("seed", [1084901, 1084902, 1084903])
def test_the_analysis_reads_the_change_the_generator_plants_after_a_review_ending_on_31_march(seed):
    """The generator's own figures (:func:`impact.synth._generate._indicators`: noise, figures suppressed) for the
    councils of :data:`COUNCILS`, less the same figures without the change: the change the generator planted,
    missing where it suppressed a figure. In each status group the planted change is one number, which the group's
    row recovers and the planted truth states. Integ75's head missed it in every group with a review on 31 March."""
    ids = list(COUNCILS)
    reviews = [{"end_date": dt.date.fromisoformat(e) if e else dt.date(2099, 1, 1)} for e, _ in COUNCILS.values()]
    status = {c: {"in_intervention_at_review": s} for c, (_, s) in COUNCILS.items()}
    with_change = _indicators(ids, reviews, status, EFFECTS, seed)[0]
    without = _indicators(ids, reviews, status, SynthEffects.from_value(
        {"indicator_post_review": 0.0, "indicator_post_by_intervention": 0.0}), seed)[0]
    planted = with_change[with_change["measure"] == MEASURE].assign(
        value=with_change["value"].astype(float) - without["value"].astype(float))
    assert planted["value"].isna().any() or seed != 1084901  # the design: some figure suppressed
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        e = review_indicator_effects(_study(planted), n_permutations=0).set_index("group")
    truth = true_review_changes(EFFECTS, [{"review_end": end, "in_intervention_at_review": s}
                                          for end, s in COUNCILS.values()])
    for group in ("intervention", "no_intervention"):
        want = EFFECTS.review_change(group == "intervention")
        assert truth[group]["average"] == pytest.approx(want, abs=1e-12)
        assert e.loc[group, "estimate"] == pytest.approx(want, abs=1e-9), group

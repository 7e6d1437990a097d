"""A review ending on the last day of an indicator period (31 March): which period first shows its change (truth84).

An indicator's figure for ``time_period`` 2013 is the year ending 31 March 2013. A review whose last day is 31 March
2013 came after every day of that year but its last, so the year's figure is from before the review: the generator
plants the change in periods ending *after* the review's last day (``period > end``), and the planted truth
(:func:`impact.synth._estimands.true_review_changes`) places the council's cohort there. The analysis
(:func:`impact.indicators.review_indicator_effects`) took the first period ending *on or after* the review's last
day, so such a council's cohort was one period early: its first period "after" the review showed no change, and a
review ending on the last day of the last period was read as treated in it where nothing of it could show.

The planted truth's change after the review counted every council by its review date, though a council whose
figures around its review the publisher suppressed is read from at no period: the planted truth over the figures
published (:func:`impact.synth._estimands.true_review_changes_published`) counts the councils the analysis can read.

Every expected value is worked out in the test from the review dates, the figures published and the planted
changes. The seeds are this round's own (1084900 onwards)."""

from __future__ import annotations

import datetime as dt
import warnings
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from impact.indicators import review_indicator_effects
from impact.synth import SynthEffects
from impact.synth._estimands import (
    INDICATOR_PERIODS,
    true_review_changes,
    true_review_changes_published,
)
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


def _noise_free_rows() -> pd.DataFrame:
    """The indicator's figures of :data:`COUNCILS` without noise: a council level, a common trend and each council's
    planted change in every period ending after its review's last day."""
    return pd.DataFrame([{"council_id": c, "period": p, "measure": MEASURE, "flag": None,
                          "value": 20.0 + i + 0.4 * k + (EFFECTS.review_change(s) if after else 0.0)}
                         for i, (c, (end, s)) in enumerate(COUNCILS.items())
                         for k, (p, after) in enumerate(zip(INDICATOR_PERIODS, _periods_after(end), strict=True))])


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
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        e = review_indicator_effects(_study(_noise_free_rows()), n_permutations=0).set_index("group")
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


# 3. The planted truth over the figures published. Council "a" (in intervention, reviewed on 31 March 2011, cohort
# 2012) has its figure for the year before its review suppressed: the analysis cannot read its change.


def test_the_planted_truth_over_the_figures_published_leaves_out_a_council_whose_figure_is_suppressed():
    """The figure of council ``a`` for the year ending 31 March 2011, the year before its cohort's, is suppressed:
    ``a`` is read from at no period, and the rows (over all councils: each cohort's mean planted change of its
    councils read from, the cohorts weighted by their councils with a figure as the estimator weighs them, worked
    out by hand; in intervention: ``d``'s and ``f``'s) are what the planted truth over the figures published
    states. The planted truth by review dates alone counts ``a`` as compared, and its average over all councils is
    not the estimate's (integ75's head has no truth over the figures published)."""
    rows = _noise_free_rows()
    gone = (rows["council_id"] == "a") & (rows["period"] == dt.date(2011, 3, 31))
    published = rows.assign(value=rows["value"].where(~gone), flag=np.where(gone, "c", None))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        e = review_indicator_effects(_study(published), n_permutations=0).set_index("group")
    councils = [{"council_id": c, "review_end": end, "in_intervention_at_review": s} for c, (end, s) in COUNCILS.items()]
    truth = true_review_changes_published(EFFECTS, councils, published)
    by_dates = true_review_changes(EFFECTS, councils)
    # each cohort's change read from its councils seen (a's cohort, the year ending 31 March 2012, from c alone, whose
    # review ended on 1 April 2011), the cohorts weighted by their councils with a figure (a's still counts: 2)
    compared = _by_hand()["all"][1] - {"a"}
    cohort = {c: next(k for k, a in enumerate(_periods_after(COUNCILS[c][0])) if a) for c in compared | {"a"}}
    assert cohort["a"] == cohort["c"]  # the design
    parts = [(sum(cohort[c] == g for c in cohort), np.mean([EFFECTS.review_change(COUNCILS[c][1]) for c in compared
                                                            if cohort[c] == g])) for g in set(cohort.values())]
    want = sum(n * v for n, v in parts) / sum(n for n, _ in parts)
    assert e.loc["all", "estimate"] == pytest.approx(want, abs=1e-9)
    assert truth["all"]["average"] == pytest.approx(want, abs=1e-12)
    assert (e.loc["all", "n_treated"], truth["all"]["n_compared"]) == (len(compared), len(compared))
    seen_in = len({c for c in compared if COUNCILS[c][1]})
    assert (e.loc["intervention", "n_treated"], truth["intervention"]["n_compared"]) == (seen_in, seen_in)
    assert by_dates["all"]["n_compared"] == len(compared) + 1
    assert abs(by_dates["all"]["average"] - want) > 0.1


def _planted_only(study, truth) -> SimpleNamespace:
    """``study`` with its figures of the planted indicator replaced by the change planted in them (each council's
    ``review_change`` in the periods ending after its review's last day, 0 before), missing where the study's figure
    is missing (suppressed)."""
    eff = truth.effects
    end = {c["council_id"]: dt.date.fromisoformat(c["review_end"]) for c in truth.councils}
    status = {c["council_id"]: bool(c["in_intervention_at_review"]) for c in truth.councils}
    ind = study.indicators[study.indicators["measure"] == eff.indicator_measure]
    change = [eff.review_change(status[c]) if pd.Timestamp(p).date() > end[c] else 0.0
              for c, p in zip(ind["council_id"], ind["period"], strict=True)]
    return SimpleNamespace(indicators=ind.assign(value=np.where(ind["value"].isna(), np.nan, change)),
                           reviews=study.reviews, councils=study.councils, status_history=study.status_history)


def test_the_planted_truth_over_the_figures_published_is_what_the_analysis_reads_in_generated_studies():
    """Generated studies (this round's seeds, 1084910 onwards; 3% of figures suppressed): on the planted change alone,
    missing where the study's figure is, every group's row, the councils read from and those reviewed too late are
    the planted truth over the figures published (:meth:`PlantedTruth.review_changes` with the study's indicators).
    The planted truth by review dates alone differs from the analysis in some of them (the design of this test)."""
    from impact.synth import generate_with_truth

    by_dates_differs = 0
    for n, seed in ((30, 1084910), (30, 1084911), (30, 1084912), (8, 1084913), (8, 1084914)):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            study, truth = generate_with_truth(n, seed=seed, interviews_per_wave=1, words_per_interview=50)
            e = review_indicator_effects(_planted_only(study, truth), n_permutations=0).set_index("group")
        said, by_dates = truth.review_changes(study.indicators), truth.review_changes()
        for group in ("all", "intervention", "no_intervention"):
            row = e.loc[group]
            if said[group]["average"] is None:
                assert np.isnan(row["estimate"]), (seed, group)
                continue
            assert row["estimate"] == pytest.approx(said[group]["average"], abs=1e-9), (seed, group)
            assert (row["n_treated"], row["n_treated_too_late"]) == (said[group]["n_compared"],
                                                                      said[group]["n_too_late"]), (seed, group)
            by_dates_differs += by_dates[group]["n_compared"] != row["n_treated"]
    assert by_dates_differs > 0

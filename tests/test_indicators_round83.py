"""The change in an indicator after a council's first notice or direction: whom it is read from, and what it
estimates (truth83).

1. The generator plants no change after a notice, but one after the review, so a council's change after its notice
   differs from period to period (nothing until its review, then the review's change) and the comparison councils
   (never in intervention) change too, after their own reviews. The row averaged council-periods (Callaway and
   Sant'Anna's ``simple``), so councils entering intervention first weighed most. It is now the ``group`` average,
   as the change after the review is (truth82): each council compared alike, the mean over the councils of their
   change after entry beyond the comparison's, averaged over their periods after entry. The planted truth
   (``notice_change`` of planted_truth.json) states that number.
2. ``n_treated`` counted every council entering intervention within the periods, including those without their own
   figures either side of their entry, beside an estimate they were not in. It now counts the councils the change is
   read from; ``n_treated_within`` keeps every council entering within the periods.

Every expected value here is computed in the test from the panel, the notices and the review dates, not by the
library's code. The seeds are this round's own (1083900 onwards)."""

from __future__ import annotations

import datetime as dt
import warnings
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest
from test_indicators_round82 import _group_average, _study

from impact.indicators import indicator_effects

MEASURE = "rereferral_pct"


def _cohorts(study) -> tuple[list, dict]:
    """The indicator's periods, and each council's cohort: the position of the first period ending on or after its
    first day under a notice or direction (inf: none, or after the last period)."""
    periods = sorted(pd.to_datetime(study.indicators["period"]).unique())
    h = study.status_history
    h = h[h["kind"].isin(["improvement_notice", "statutory_direction"])]
    first = pd.to_datetime(h["start_date"]).groupby(h["council_id"]).min()
    cohort = {}
    for c in study.councils["council_id"]:
        after = [k for k, p in enumerate(periods) if c in first.index and p >= first[c]]
        cohort[c] = after[0] if after else np.inf
    return periods, cohort


def _planted(truth) -> dict:
    """Each council's planted change after its review, and its review's last day."""
    e = truth.effects
    return {c["council_id"]: (dt.date.fromisoformat(c["review_end"]), e.indicator_post_review
                              + e.indicator_post_by_intervention * bool(c["in_intervention_at_review"]))
            for c in truth.councils}


def _noise_free(study, truth) -> SimpleNamespace:
    """``study`` with the indicator's figures replaced by a council level, a common trend and the council's planted
    change in every period ending after its review's last day: no noise, no figure missing."""
    periods, _ = _cohorts(study)
    planted = _planted(truth)
    rows = [{"council_id": c, "period": p.date(), "measure": MEASURE, "flag": None,
             "value": 20.0 + i + 0.4 * k + (planted[c][1] if p.date() > planted[c][0] else 0.0)}
            for i, c in enumerate(study.councils["council_id"]) for k, p in enumerate(periods)]
    return SimpleNamespace(indicators=pd.DataFrame(rows), reviews=study.reviews, councils=study.councils,
                           status_history=study.status_history)


def _wide(panel, measure: str, periods: list) -> pd.DataFrame:
    d = panel.indicators[panel.indicators["measure"] == measure].dropna(subset=["value"])
    return d.assign(k=pd.to_datetime(d["period"]).map({p: k for k, p in enumerate(periods)})) \
        .pivot(index="council_id", columns="k", values="value")


def _per_council(panel, cohort: dict, periods: list) -> dict:
    """Each council entering intervention within the periods: its change from the period before its cohort to each
    period from it on, less the mean change of the councils never in intervention over the same two periods,
    averaged over those periods (``{council: (mean, periods)}``)."""
    y = _wide(panel, MEASURE, periods)
    control = [c for c in y.index if cohort[c] == np.inf]
    out = {}
    for c in y.index:
        if not 0 < cohort[c] < np.inf:
            continue
        g = int(cohort[c])
        d = [(y.loc[c, t] - y.loc[c, g - 1]) - (y.loc[control, t] - y.loc[control, g - 1]).mean()
             for t in range(g, len(periods))]
        out[c] = (float(np.mean(d)), len(d))
    return out


@pytest.mark.parametrize("seed", [1083900, 1083901, 1083902])
def test_the_change_after_a_notice_is_the_mean_change_of_the_councils_compared(seed):
    """Noise-free figures, each council's planted change after its review: the row is the mean over the councils
    entering intervention of their change after entry beyond the never-in-intervention councils', each council alike,
    and so is the planted truth's ``notice_change``. Integ75's head gave the council-period average (councils entering
    first weighing most)."""
    study, truth = _study(seed)
    periods, cohort = _cohorts(study)
    per = _per_council(_noise_free(study, truth), cohort, periods)
    want = float(np.mean([m for m, _ in per.values()]))
    e = indicator_effects(_noise_free(study, truth), n_permutations=0).set_index("measure").loc[MEASURE]
    assert e["estimate"] == pytest.approx(want, abs=1e-9)
    assert truth.notice_changes()["all"]["average"] == pytest.approx(want, abs=1e-12)
    # the design this test is about: weighing council-periods would aim elsewhere
    by_period = sum(m * k for m, k in per.values()) / sum(k for _, k in per.values())
    assert abs(by_period - want) > 0.02


@pytest.mark.parametrize("seed", [1083903, 1083904])
def test_the_councils_entering_intervention_are_counted_as_compared(seed):
    """``n_treated`` is the councils the change is read from: every council entering intervention within the periods
    where each has its figures (counted here from the notices), one fewer once a council's figure before its entry
    is deleted; ``n_treated_within`` keeps it. Integ75's head counted it among the councils entering intervention,
    beside an estimate it was not in."""
    study, truth = _study(seed)
    periods, cohort = _cohorts(study)
    panel = _noise_free(study, truth)
    entering = {c for c, g in cohort.items() if 0 < g < np.inf}
    e = indicator_effects(panel, n_permutations=0).set_index("measure").loc[MEASURE]
    assert (e["n_treated"], e["n_treated_within"], e["n_treated_too_late"]) == (len(entering), len(entering), 0)
    first = min(entering, key=lambda c: (cohort[c], c))
    gone = (panel.indicators["council_id"] == first) & (pd.to_datetime(panel.indicators["period"])
                                                        == periods[int(cohort[first]) - 1])
    cut = SimpleNamespace(**{**vars(panel), "indicators": panel.indicators[~gone]})
    after = indicator_effects(cut, n_permutations=0).set_index("measure").loc[MEASURE]
    assert (after["n_treated"], after["n_treated_within"]) == (len(entering) - 1, len(entering))


def test_an_indicator_not_estimated_counts_no_council_compared_and_says_why():
    """Four councils entering intervention in different years and one never in it: nothing can be compared (two
    comparison councils are needed). The row counts no council compared, the four entering within the periods, and
    the report's reason is the councils on one side, not that none entered intervention."""
    from impact.report._build import _why_no_did

    ids = ["a", "b", "c", "d", "e"]
    starts = {"a": "2011-06-01", "b": "2012-06-01", "c": "2013-06-01", "d": "2011-09-01"}
    history = pd.DataFrame({"council_id": list(starts), "kind": "improvement_notice",
                            "start_date": pd.to_datetime(list(starts.values())), "end_date": pd.NaT})
    ind = pd.DataFrame([{"council_id": c, "period": dt.date(y, 3, 31), "measure": MEASURE, "flag": None,
                         "value": 10.0 + i + y - 2010} for i, c in enumerate(ids) for y in range(2010, 2016)])
    panel = SimpleNamespace(indicators=ind, councils=pd.DataFrame({"council_id": ids}), status_history=history,
                            reviews=pd.DataFrame(columns=["council_id", "start_date", "end_date"]))
    row = indicator_effects(panel, n_permutations=0).set_index("measure").loc[MEASURE]
    assert (row["n_treated"], row["n_treated_within"], row["n_control"]) == (0, 4, 1) and pd.isna(row["estimate"])
    assert _why_no_did(SimpleNamespace(min_count=5), row.to_dict()) == "fewer than 5 councils on one side"


@pytest.mark.parametrize("seed", [1083905, 1083906])
def test_the_estimate_is_the_group_average_of_the_published_panel(seed):
    """On the generated figures (noise, figures suppressed), every indicator's change after a first notice is the
    group average recomputed with pandas (each cohort's ATT(g, t) over its periods from g with at least two councils
    never in intervention with both figures, base period g - 1; the cohorts' means weighted by their numbers of
    councils). Integ75's head gave the council-period (``simple``) average."""
    study, _ = _study(seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        e = indicator_effects(study, n_permutations=0).set_index("measure")
    assert e["estimate"].notna().all()
    for measure in e.index:
        # round 82's recomputation, the councils never in intervention (cohort inf) compared at every period
        want = _group_average(study, measure, cohorts=_cohorts, compared=lambda g, t: g == np.inf)
        assert e.loc[measure, "estimate"] == pytest.approx(want, abs=1e-9), measure


def test_the_planted_truth_file_states_the_change_the_analysis_estimates(tmp_path):
    """planted_truth.json holds each council's first day in intervention (as its status history says) and
    ``notice_change``: the change after a first notice that the analysis estimates, worked out here from the councils'
    first days in intervention, review ends and status when reviewed (periods ending 31 March 2009 to 2017)."""
    import json

    from impact.synth import load_truth, save_synthetic

    study, truth = _study(1083907, n=16)
    save_synthetic(study, truth, tmp_path / "s")
    doc = json.loads((tmp_path / "s" / "planted_truth.json").read_text(encoding="utf-8"))
    assert doc["notice_change"] == load_truth(tmp_path / "s").notice_changes()
    h = study.status_history
    h = h[h["kind"].isin(["improvement_notice", "statutory_direction"])]
    first = pd.to_datetime(h["start_date"]).groupby(h["council_id"]).min().dt.date.astype(str).to_dict()
    assert {c["council_id"]: c["first_intervention"] for c in doc["councils"]} == \
        {c: first.get(c) for c in study.councils["council_id"]}
    years = range(2009, 2018)
    cohort = {c["council_id"]: next((k for k, y in enumerate(years) if c["first_intervention"]
                                     and dt.date(y, 3, 31) >= dt.date.fromisoformat(c["first_intervention"])), np.inf)
              for c in doc["councils"]}
    planted = _planted(truth)

    def change(c, k):
        return planted[c][1] if dt.date(years[k], 3, 31) > planted[c][0] else 0.0

    control = [c for c, g in cohort.items() if g == np.inf]
    entering = [c for c, g in cohort.items() if 0 < g < np.inf]
    per = [np.mean([change(c, t) - change(c, cohort[c] - 1)
                    - np.mean([change(k, t) - change(k, cohort[c] - 1) for k in control])
                    for t in range(cohort[c], len(years))]) for c in entering]
    said = doc["notice_change"]
    assert said["measure"] == truth.effects.indicator_measure
    assert (said["all"]["n_compared"], said["all"]["n_too_late"], said["all"]["n_control"]) == \
        (len(entering), 0, len(control))
    assert said["all"]["n_before_first"] == sum(g == 0 for g in cohort.values())
    assert said["all"]["average"] == pytest.approx(np.mean(per), abs=1e-12)


def test_the_report_counts_the_councils_compared_after_entering_intervention():
    """The table of the change after a first notice gives the councils the change is read from (counted here from the
    notices and the figures), under that name, and its section says each council compared weighs the same. Integ75's
    head gave every council entering intervention within the periods as "Councils entering intervention" and said the
    effects were averaged over cohorts and periods."""
    from conftest import report_of

    from impact.pipeline import analyse
    from impact.report import Paragraph

    study, truth = _study(1083908, n=40)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        f = analyse(study, coded=truth.coded(), n_resamples=19, seed=1)
    report = report_of(f)[0]
    table = next(b for s in report.sections for b in s.blocks if getattr(b, "name", None) == "indicator_did")
    assert table.labels["n_treated"] == "Councils compared after entering intervention"
    periods, cohort = _cohorts(study)
    ind = study.indicators.dropna(subset=["value"])
    control = [c for c, g in cohort.items() if g == np.inf]
    counted = 0
    for measure, n in table.data.set_index("measure")["n_treated"].items():
        have = ind[ind["measure"] == measure].assign(k=lambda d: pd.to_datetime(d["period"]).map(
            {p: k for k, p in enumerate(periods)})).groupby("council_id")["k"].agg(set)
        read = {c for c, g in cohort.items() if 0 < g < np.inf and any(
            {t, g - 1} <= have.get(c, set()) and sum({t, g - 1} <= have.get(k, set()) for k in control) >= 2
            for t in range(int(g), len(periods)))}
        if isinstance(n, int | float):
            assert n == len(read), measure
            counted += 1
    assert counted and counted == len(table.data)
    # the design: a council entering intervention is not read from in some indicator (its figures missing)
    entering = sum(0 < g < np.inf for g in cohort.values())
    assert (f.indicator_effects["n_treated"] < entering).any()
    [said] = [b.text for s in report.sections for b in s.blocks
              if isinstance(b, Paragraph) and "Did the indicators change when councils went into" in b.text]
    assert ("Each cohort's change is averaged over the periods after its entry, and the cohorts by their numbers of "
            "councils, so that every council compared weighs the same") in said

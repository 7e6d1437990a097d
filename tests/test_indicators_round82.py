"""The change in an indicator after the review: whom it is read from, and what it estimates (truth82).

1. The row over all councils averaged council-periods (Callaway and Sant'Anna's ``simple``): a council weighed by the
   periods it was compared after its review, so councils reviewed first weighed most (the example: -1.07 aimed at,
   where the planted changes of the councils compared average -1.33). It is now the ``group`` average: each council
   compared alike, the mean of the councils' changes where each council's change is the same in every period after
   its review; the planted truth (``review_change`` of planted_truth.json) states that number.
2. The councils of the last cohort, reviewed when fewer than two councils were left not yet reviewed, enter no
   comparison, yet were counted among the councils reviewed (6 of 30 in the example). ``n_treated`` now counts the
   councils the change is read from, ``n_treated_too_late`` those reviewed too late to be compared, and the report
   says both.

Every expected value here is computed in the test from the panel and the review dates, not by the library's code.
The seeds are this round's own (1082900 onwards)."""

from __future__ import annotations

import datetime as dt
import warnings
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from impact.indicators import review_indicator_effects
from impact.synth import generate_with_truth

MEASURE = "rereferral_pct"


def _study(seed: int, n: int = 30):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return generate_with_truth(n, seed=seed, interviews_per_wave=1, words_per_interview=50)


def _cohorts(study) -> tuple[list, dict]:
    """The indicator's periods, and each council's cohort: the position of the first period ending on or after its
    review's last day (inf: after the last period or never reviewed)."""
    periods = sorted(pd.to_datetime(study.indicators["period"]).unique())
    ends = pd.to_datetime(study.reviews["end_date"]).groupby(study.reviews["council_id"]).min()
    cohort = {}
    for c in study.councils["council_id"]:
        after = [k for k, p in enumerate(periods) if pd.notna(ends.get(c)) and p >= ends[c]]
        cohort[c] = after[0] if after else np.inf
    return periods, cohort


def _noise_free(study, change: dict) -> SimpleNamespace:
    """``study`` with the indicator's figures replaced by a council level, a common trend and ``change[c]`` in every
    period from the council's cohort on: no noise, no figure missing."""
    periods, cohort = _cohorts(study)
    rows = []
    for i, c in enumerate(study.councils["council_id"]):
        for k, p in enumerate(periods):
            rows.append({"council_id": c, "period": p.date(), "measure": MEASURE, "flag": None,
                         "value": 20.0 + i + 0.4 * k + (change[c] if k >= cohort[c] else 0.0)})
    return SimpleNamespace(indicators=pd.DataFrame(rows), reviews=study.reviews, councils=study.councils,
                           status_history=study.status_history)


def _compared(cohort: dict, members) -> tuple[set, set]:
    """The councils of ``members`` reviewed within the periods (after the first) compared after their review (at
    their cohort at least two councils are not yet reviewed, of any group), and those reviewed too late."""
    within = {c for c in members if 0 < cohort[c] < np.inf}
    compared = {c for c in within if sum(h > cohort[c] for h in cohort.values() if h != 0) >= 2}
    return compared, within - compared


def _planted(truth) -> tuple[dict, dict]:
    status = {c["council_id"]: bool(c["in_intervention_at_review"]) for c in truth.councils}
    e = truth.effects
    return status, {c: e.indicator_post_review + e.indicator_post_by_intervention * s for c, s in status.items()}


@pytest.mark.parametrize("seed", [1082900, 1082901, 1082902])
def test_the_change_is_the_mean_change_of_the_councils_compared(seed):
    """Noise-free figures, each council's planted change (its status when reviewed) in every period after its
    review: the row over all councils is the mean planted change of the councils compared, each alike, and so is the
    planted truth's ``review_change``. Integ74's head gave the council-period average (early councils weighing
    most)."""
    study, truth = _study(seed)
    status, change = _planted(truth)
    periods, cohort = _cohorts(study)
    e = review_indicator_effects(_noise_free(study, change), n_permutations=0).set_index("group")
    for group, members in (("all", set(status)), ("intervention", {c for c, s in status.items() if s}),
                           ("no_intervention", {c for c, s in status.items() if not s})):
        compared, _ = _compared(cohort, members)
        want = float(np.mean([change[c] for c in compared]))
        assert e.loc[group, "estimate"] == pytest.approx(want, abs=1e-9), group
        assert truth.review_changes()[group]["average"] == pytest.approx(want, abs=1e-12), group
    # the design this test is about: weighing council-periods would aim elsewhere
    periods_after = {c: sum(sum(h > t for h in cohort.values()) >= 2 for t in range(int(cohort[c]), len(periods)))
                     for c in _compared(cohort, set(status))[0]}
    by_period = sum(change[c] * k for c, k in periods_after.items()) / sum(periods_after.values())
    assert abs(by_period - e.loc["all", "estimate"]) > 0.02


@pytest.mark.parametrize("seed", [1082903, 1082904])
def test_the_councils_reviewed_are_counted_as_compared_or_too_late(seed):
    """``n_treated`` is the councils compared after their review, ``n_treated_too_late`` those reviewed when fewer
    than two councils were left not yet reviewed, counted here from the review dates; one council of a compared cohort
    whose figures around its review are deleted leaves ``n_treated`` and is counted in neither. Integ74's head
    counted every council reviewed within the periods as reviewed beside the estimate."""
    study, truth = _study(seed)
    status, change = _planted(truth)
    periods, cohort = _cohorts(study)
    panel = _noise_free(study, change)
    e = review_indicator_effects(panel, n_permutations=0).set_index("group")
    groups = (("all", set(status)), ("intervention", {c for c, s in status.items() if s}),
              ("no_intervention", {c for c, s in status.items() if not s}))
    for group, members in groups:
        compared, late = _compared(cohort, members)
        assert late or group != "all"  # the design: some council reviewed too late
        assert (e.loc[group, "n_treated"], e.loc[group, "n_treated_too_late"]) == (len(compared), len(late)), group
        assert e.loc[group, "n_treated_within"] == len(compared) + len(late)
    assert truth.review_changes()["all"]["n_too_late"] == len(_compared(cohort, set(status))[1])
    # a council of the first cohort loses its figure before its review and every one after: not read from
    first = min(c for c in status if cohort[c] == min(h for h in cohort.values() if h > 0))
    gone = (panel.indicators["council_id"] == first) & (pd.to_datetime(panel.indicators["period"])
                                                        >= periods[int(cohort[first]) - 1])
    cut = SimpleNamespace(**{**vars(panel), "indicators": panel.indicators[~gone]})
    after = review_indicator_effects(cut, n_permutations=0).set_index("group")
    assert after.loc["all", "n_treated"] == e.loc["all", "n_treated"] - 1
    assert after.loc["all", "n_treated_too_late"] == e.loc["all", "n_treated_too_late"]


def _group_average(study, measure: str, cohorts=_cohorts, compared=lambda g, t: g > t) -> float:
    """Callaway and Sant'Anna's ``group`` average recomputed with pandas: each cohort's ATT(g, t) over its periods
    from g with at least two councils not yet reviewed (both figures), base period g - 1; the cohorts' means weighted
    by their numbers of councils. ``cohorts`` and ``compared`` (which cohorts compare at a period) for another start
    than the review (round 83's first notice: the councils never in intervention compare)."""
    periods, cohort = cohorts(study)
    d = study.indicators[study.indicators["measure"] == measure].dropna(subset=["value"])
    y = d.assign(k=pd.to_datetime(d["period"]).map({p: k for k, p in enumerate(periods)})) \
        .pivot(index="council_id", columns="k", values="value")
    g = pd.Series({c: cohort[c] for c in y.index})
    y, g = y[g != 0], g[g != 0]
    means, sizes = [], []
    for h in sorted(set(g[np.isfinite(g)])):
        cells = []
        for t in range(int(h), len(periods)):
            dy = y[t] - y[int(h) - 1]
            treated, control = dy[(g == h) & dy.notna()], dy[compared(g, t) & dy.notna()]
            if len(control) >= 2 and len(treated):
                cells.append(treated.mean() - control.mean())
        if cells:
            means.append(np.mean(cells))
            sizes.append(int((g == h).sum()))
    return float(np.dot(means, sizes) / np.sum(sizes))


@pytest.mark.parametrize("seed", [1082905, 1082906])
def test_the_estimate_is_the_group_average_of_the_published_panel(seed):
    """On the generated figures (noise, figures suppressed), every indicator's row over all councils is the group
    average recomputed here with pandas. Integ74's head gave the council-period (``simple``) average."""
    study, _ = _study(seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        e = review_indicator_effects(study, n_permutations=0)
    e = e[e["group"] == "all"].set_index("measure")
    for measure in e.index:
        assert e.loc[measure, "estimate"] == pytest.approx(_group_average(study, measure), abs=1e-9), measure


def test_the_planted_truth_file_states_the_change_the_analysis_estimates(tmp_path):
    """planted_truth.json holds ``review_change``: the mean planted change of the councils compared and the councils
    reviewed too late, per group, as :meth:`PlantedTruth.review_changes`, worked out here from the councils' review
    ends and status. A review ending on the last day of a period is after it, as the generator plants it."""
    import json

    from impact.synth import load_truth, save_synthetic

    study, truth = _study(1082907, n=12)
    save_synthetic(study, truth, tmp_path / "s")
    doc = json.loads((tmp_path / "s" / "planted_truth.json").read_text(encoding="utf-8"))
    assert doc["review_change"] == load_truth(tmp_path / "s").review_changes()
    ends = {c["council_id"]: dt.date.fromisoformat(c["review_end"]) for c in truth.councils}
    cohort = {c: next((y for y in range(2009, 2018) if dt.date(y, 3, 31) > end), np.inf) for c, end in ends.items()}
    status, change = _planted(truth)
    compared = {c for c in cohort if cohort[c] > 2009 and np.isfinite(cohort[c])
                and sum(h > cohort[c] for h in cohort.values()) >= 2}
    said = doc["review_change"]["all"]
    assert said["n_compared"] == len(compared)
    assert said["n_too_late"] == sum(2009 < h < np.inf for h in cohort.values()) - len(compared)
    assert said["average"] == pytest.approx(np.mean([change[c] for c in compared]))
    assert doc["review_change"]["measure"] == truth.effects.indicator_measure


@pytest.fixture(scope="module")
def analysed():
    from impact.pipeline import analyse

    study, truth = _study(1082908)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return study, truth, analyse(study, coded=truth.coded(), n_resamples=19, seed=1)


def test_the_report_counts_the_councils_compared_and_says_how_many_were_reviewed_too_late(analysed):
    """The table of the change after the review gives the councils compared after their review (counted here from the
    review dates and the figures), under that name, and the section says how many councils were reviewed too late to
    be compared and why. Integ74's head gave every council reviewed within the periods as "Councils reviewed" and said
    nothing of those compared with nothing."""
    from conftest import report_of

    from impact.report import Paragraph

    study, truth, f = analysed
    table = next(b for s in report_of(f)[0].sections for b in s.blocks
                 if getattr(b, "name", None) == "indicator_review_did")
    assert table.labels["n_treated"] == "Councils compared after review"
    _, cohort = _cohorts(study)
    compared, late = _compared(cohort, set(study.councils["council_id"]))
    shown = table.data.set_index("measure")["n_treated"]
    ind = study.indicators.dropna(subset=["value"])
    periods = sorted(pd.to_datetime(ind["period"]).unique())
    for measure, n in shown.items():
        # compared councils with their own figure in the period before their review and in one after it that enters
        # (at least two councils not yet reviewed with both figures)
        have = ind[ind["measure"] == measure].assign(k=lambda d: pd.to_datetime(d["period"]).map(
            {p: k for k, p in enumerate(periods)})).groupby("council_id")["k"].agg(set)
        read = {c for c in compared if any(
            {t, cohort[c] - 1} <= have.get(c, set())
            and sum(1 for o in cohort if cohort[o] > t and {t, cohort[c] - 1} <= have.get(o, set())) >= 2
            for t in range(int(cohort[c]), len(periods)))}
        assert n == len(read), measure
    assert len(late) >= 5  # shown as a count: at least the smallest count the report shows
    [said] = [b.text for s in report_of(f)[0].sections for b in s.blocks
              if isinstance(b, Paragraph) and "Did the indicators change after the review?" in b.text]
    assert (f" {len(late)} councils were reviewed when fewer than two councils with figures were left not yet "
            "reviewed (the last reviewed): with nothing to compare them with, they are not in the estimate") in said


def test_an_indicator_not_estimated_counts_no_council_compared_and_says_why():
    """Three councils reviewed in the same period: nothing can be compared. The row counts no council compared
    (``n_treated`` 0), the three reviewed within the periods, and the report's reason is that they were reviewed at
    the same time, not that none was reviewed."""
    from impact.report._build import _why_no_review_did

    ids = ["a", "b", "c"]
    reviews = pd.DataFrame({"council_id": ids, "start_date": pd.to_datetime(["2012-05-01"] * 3),
                            "end_date": pd.to_datetime(["2012-05-05"] * 3)})
    ind = pd.DataFrame([{"council_id": c, "period": dt.date(y, 3, 31), "measure": MEASURE, "flag": None,
                         "value": 10.0 + i + y - 2010} for i, c in enumerate(ids) for y in range(2010, 2016)])
    panel = SimpleNamespace(indicators=ind, reviews=reviews, councils=pd.DataFrame({"council_id": ids}),
                            status_history=pd.DataFrame(columns=["council_id", "kind", "start_date", "end_date"]))
    row = review_indicator_effects(panel, n_permutations=0).set_index("group").loc["all"]
    assert (row["n_treated"], row["n_treated_within"]) == (0, 3) and pd.isna(row["estimate"])
    assert _why_no_review_did(None, row.to_dict()) == "too few councils reviewed at different times within the " \
                                                      "indicator's periods"

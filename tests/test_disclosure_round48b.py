"""Disclosure in small studies, round 48b: the change table's exact p-values at four and five waves.

Every exact p of the change table is a multiple of 1 / (k!)^(m - 1), m the councils whose values changed, at any
number of waves k (:func:`impact.stats._change._fewest_changing_units`); round 47's intruder
(:func:`test_disclosure_round47._attack`) reads it to bound each status group's councils from below, and the study's
councils less the other group's bound from above. Round 47's studies have three waves; these have four and five,
made by holding each longer-term interview again a year later (and that one again), their codings copied
(:func:`conftest.repeat_wave`), with every council kept in the status group it is in at the first wave (a notice
over all its waves, planted), so every council is in one of the two groups and the bounds can meet. Planted truth:
the councils interviewed at every wave, by status group. The report shows a row's test and p only where its
councils' count is published; with that guard removed the bounds meet on suppressed groups of 2 to 4 councils.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest
import test_disclosure_intruder as intruder
import test_disclosure_round39 as r39
import test_disclosure_round47 as r47
from conftest import once_per_worker, repeat_wave

pytestmark = pytest.mark.xdist_group("disclosure39")

#: (waves, councils, seed): studies of four and five waves whose two status groups are both below the report's
#: minimum count (5), so both counts are suppressed.
STUDIES = [(4, 5, 48501), (5, 6, 48502), (5, 7, 48501)]
LATER = [("legacy", "longer_term", 365, (548, 912)), ("legacy_2", "legacy", 365, (913, 1277))]


def _one_status_throughout(study):
    """``study`` with every notice and direction replaced by one notice over all the waves (30 days either side of
    the council's first and last reference dates) for each council in intervention at its first wave: every council
    is in one status group at every wave."""
    from test_report_truth_round5 import _rebuilt

    from impact.schema import TABLES

    ws = study.wave_status().sort_values("reference_date")
    first = ws.groupby("council_id")["in_intervention"].first()
    span = ws.groupby("council_id")["reference_date"].agg(["min", "max"])
    rows = [{"council_id": c, "kind": "improvement_notice", "status": "improvement_notice",
             "start_date": (span.loc[c, "min"] - pd.Timedelta(days=30)).normalize(),
             "end_date": (span.loc[c, "max"] + pd.Timedelta(days=30)).normalize(), "source": "test"}
            for c in span.index if bool(first[c])]
    history = study.table("status_history")
    history = pd.concat([history[history["kind"] == "ofsted_judgement"], pd.DataFrame(rows)], ignore_index=True)
    return _rebuilt(study, {"status_history": history[TABLES["status_history"].column_names]})


def _analysed(waves: int, n: int, seed: int):
    from impact.pipeline import analyse
    from impact.synth import generate_with_truth

    study, truth = generate_with_truth(n, seed=seed, interviews_per_wave=2, words_per_interview=60, council_missing=0,
                                       participant_missing=0, participant_dropout=0,
                                       intervention_paths={"never": 0.6, "throughout": 0.4})
    coded = truth.coded()
    for wave, of, days, window in LATER[: waves - 3]:
        study, coded = repeat_wave(study, coded, of=of, wave=wave, label=wave.replace("_", " ").title(), days=days,
                                   window_days=window)
    study = _one_status_throughout(study)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return study, analyse(study, coded=coded, n_resamples=99, seed=1, parts=["change"])


def _studies():
    return [once_per_worker(("round48b", *key), lambda key=key: _analysed(*key)) for key in STUDIES]


def test_no_suppressed_count_is_given_back_by_the_change_p_values_at_four_and_five_waves():
    """In each study the change table is by status group over its four or five waves, every council is in one of
    the two groups (planted), both counts are suppressed, no p is shown beside a suppressed count, the intruder's
    bounds hold the truth, and none is pinned by them."""
    for (waves, n, _), (study, findings) in zip(STUDIES, _studies(), strict=True):
        truth = r47._truth(study, by_status=True)
        assert int(findings.change["n_times"].max()) == waves and sum(truth.values()) == n, truth
        assert all(2 <= v < r47.MIN_COUNT for v in truth.values()), truth  # the planted condition
        assert findings.change.groupby("status_group")["n"].first().to_dict() == truth
        report, _ = r39._report(findings)
        table = intruder._downloaded(report)["change_over_time"]
        assert set(table["n_councils"]) == {"c"} and set(table["p_value"]) <= {"", "c"}, table
        assert r47._leaks(report, study, findings) == [], (waves, n)


def test_without_the_guard_the_p_values_give_back_every_suppressed_count(monkeypatch):
    """The attack bites at four and five waves: with the guard removed (planted: a row's test and p shown beside
    its suppressed count), each study's p-values bound both status groups from below by their councils (1 + the
    fewest e with p (k!)^e whole, the largest over the group's impacts), so the bounds meet and both suppressed
    counts are given back. Round 47's bound, one council short at four waves or more, pinned none of them."""
    r47._unguarded(monkeypatch)
    for (waves, n, seed), (study, findings) in zip(STUDIES, _studies(), strict=True):
        report, _ = r39._report(findings)
        truth = r47._truth(study, by_status=True)
        assert r47._leaks(report, study, findings) == sorted(truth.items()), (waves, n, seed)

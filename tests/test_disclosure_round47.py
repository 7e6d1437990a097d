"""Disclosure in small studies, round 47: the change table's exact p-values, and the intruder's families of one value.

1. The change table's p-values are exact (:func:`impact.stats._change._within_unit_exact_p`): under no change each
   council's values are in a random order over the k waves, so a p is a multiple of 1 / (k!)^(m - 1), m the councils
   whose values changed (Friedman's test on the councils' shares; Wilcoxon's at k = 2), at every k (:func:`_bound`). Its denominator bounds the councils of the row from below, and with the study's
   councils less the other group's bound from above: where the bounds meet, a status group's count the table
   suppresses is given back. The table shows a row's test and p only where its councils are published (round 39);
   this guards it. The intruder reads the change table's CSV at full precision; planted truth from the study: the
   councils interviewed at every wave and in the same status group at each. Studies of 5, 7 and 8 councils (seeds
   47500, 47701, 47800; status paths fixed: never in intervention or throughout), each with a status group of 2
   councils whose count is suppressed (beside one of 3, 5 or 6 councils, suppressed too), and one of 6 councils
   (seed 47601) all sharing a status, the tests across all of them published with their count. With the suppression
   of those rows removed (planted: their p shown beside the suppressed count) the bounds meet on a group of 2.
2. Round 44's intruder (:func:`test_disclosure_round44._recover`) solved a family of one p-value for a denominator:
   any p printed to 3 decimals is within rounding of some k / N with N small (0.267 of 4 / 15, 15 = C(6, 2)), and a
   model intercept's Wald p of 0.267 was taken for a randomisation p. It now needs two distinct values of one family,
   or a p the table states is a randomisation p, before it calls a split.
"""

from __future__ import annotations

import math
import warnings
from fractions import Fraction

import pandas as pd
import pytest
import test_disclosure_intruder as intruder
import test_disclosure_round39 as r39
import test_disclosure_round44 as r44
from conftest import once_per_worker

pytestmark = pytest.mark.xdist_group("disclosure39")

MIN_COUNT = 5  # the report's default --min-count
#: (councils, seed) of each study: a status group of 2 councils suppressed (5, 7 and 8 councils), and one study whose
#: councils share one status (6 councils, seed 47601), tested across all of them with the count published.
STUDIES = [(5, 47500), (6, 47601), (7, 47701), (8, 47800)]


def _analysed(n: int, seed: int):
    from impact.pipeline import analyse
    from impact.synth import generate_with_truth

    study, truth = generate_with_truth(n, seed=seed, interviews_per_wave=2, words_per_interview=60, council_missing=0,
                                       participant_missing=0, intervention_paths={"never": 0.6, "throughout": 0.4})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return study, analyse(study, coded=truth.coded(), n_resamples=99, seed=1, parts=["change"])


def _studies():
    return [once_per_worker(("round47", n, seed), lambda n=n, seed=seed: _analysed(n, seed)) for n, seed in STUDIES]


def _truth(study, by_status: bool) -> dict[str, int]:
    """The councils each row of the change table is computed on, from the study: interviewed at every wave (with
    interviews) and, by status, in the same status group at each ('all' where the tests are across all councils)."""
    ws = study.wave_status()[["council_id", "wave", "in_intervention"]]
    iv = study.interviews.dropna(subset=["wave"])[["council_id", "wave"]].drop_duplicates()
    waves = [w for w in study.wave_ids if (iv["wave"] == w).any()]
    seen = iv[iv["wave"].isin(waves)].merge(ws, on=["council_id", "wave"])
    per = seen.groupby("council_id").agg(waves=("wave", "nunique"), status=("in_intervention", "nunique"),
                                         inside=("in_intervention", "first"))
    every = per[per["waves"] == len(waves)]
    if not by_status:
        return {"all": len(every)}
    kept = every[every["status"] == 1]
    return {"intervention": int(kept["inside"].astype(bool).sum()),
            "no_intervention": int((~kept["inside"].astype(bool)).sum())}


def _bound(values: list[float], waves: int) -> int:
    """The fewest councils whose values changed that the p-values can rest on, k the waves (read at full precision):
    at most the councils of the row (:func:`impact.stats._change._fewest_changing_units`, 1 + the fewest e making
    every value a multiple of 1 / (k!)^e, at any k; this file's bound took 1 / (k!)^m at four waves or more, one
    council short, and k / (k!)^m at three, where the lattice is 6 / 6^m)."""
    from impact.stats._change import _fewest_changing_units

    return _fewest_changing_units(values, n_times=waves)


def _attack(report, findings, n_councils: int) -> dict[str, tuple[int, int, str]]:
    """For each status group of the published change table, ``(low, high, published)``: the intruder's bounds on its
    councils and the count the table publishes ('c' where suppressed). Low: a published count, else the bound of
    its p-values (:func:`_bound`), and at least 2 where a test or p is shown (a row is tested on two councils or
    more); high: a published count, else the study's councils less the other groups' lows."""
    table = intruder._downloaded(report)["change_over_time"]
    waves = int(findings.change["n_times"].max())  # the text above the table names the test and the waves
    low, published = {}, {}
    for status, rows in table.groupby("status"):
        counts = set(rows["n_councils"])
        published[status] = counts.pop() if len(counts) == 1 else "mixed"
        if intruder._number(published[status]) is not None:
            low[status] = int(intruder._number(published[status]))
            continue
        values = [float(v) for v in rows["p_value"] if v not in ("", "c") and 0 < float(v) < 1]
        tested = rows["test"].ne("c").any() if "test" in rows.columns else False
        tested |= bool(rows["p_value"].ne("c").any())
        low[status] = max(2 if tested else 0, _bound(values, waves) if values else 0)
    high = {g: low[g] if intruder._number(published[g]) is not None else
            n_councils - sum(v for h, v in low.items() if h != g) for g in low}
    return {g: (low[g], high[g], published[g]) for g in low}


def _leaks(report, study, findings) -> list[tuple[str, int]]:
    """The suppressed counts of the change table the intruder pins (its bounds meet), with their true value."""
    truth = _truth(study, "status_group" in findings.change.columns)
    bounds = _attack(report, findings, len(study.councils))
    for g, (lo, hi, _) in bounds.items():
        assert lo <= truth[g] <= hi, (g, lo, hi, truth[g])  # the intruder's reading is sound
    return sorted((g, truth[g]) for g, (lo, hi, shown) in bounds.items() if shown == "c" and lo == hi)


def test_no_suppressed_count_is_given_back_by_the_change_p_values():
    """In each study the analysis's councils per row are the study's (planted truth), a status group of 2 or 3
    councils has its count suppressed (the planted condition), every row with a published p publishes its councils,
    the intruder's bounds hold the truth, and no suppressed count is pinned by them."""
    suppressed = published = 0
    for study, findings in _studies():
        by_status = "status_group" in findings.change.columns
        truth = _truth(study, by_status)
        got = findings.change.groupby("status_group")["n"].first().to_dict() if by_status else \
            {"all": int(findings.change["n"].iloc[0])}
        assert got == truth, (got, truth)
        report, _ = r39._report(findings)
        table = intruder._downloaded(report)["change_over_time"]
        shown = table[~table["p_value"].isin(["", "c"])]
        assert shown["n_councils"].map(intruder._number).notna().all(), shown
        bounds = _attack(report, findings, len(study.councils))
        suppressed += sum(c == "c" and 2 <= truth[g] < MIN_COUNT for g, (_, _, c) in bounds.items())
        published += sum(c != "c" for _, _, c in bounds.values())
        assert _leaks(report, study, findings) == [], len(study.councils)
    assert suppressed >= 3  # the planted condition: small status groups whose count is suppressed
    assert published  # and a row published with its count


def _unguarded(monkeypatch) -> None:
    """The change table's guard removed (planted): every row's test and p shown whatever its councils' count, which
    stays suppressed; and the CSV files' p-values at full precision, as published before outputs1 (rounded as the
    report shows them, 0.167, they are off the lattice the attack reads): the worst case."""
    import impact.report._build as build
    import impact.report._xlsx as xlsx
    from impact.report._format import without_round_off

    monkeypatch.setattr(xlsx, "published_frame", without_round_off)  # the full values, round-off cleaned

    shown = build._Ctx.shown

    def rows_shown(self, *keys):
        return True if len(keys) == 1 and keys[0][0] == "councils_complete" else shown(self, *keys)

    monkeypatch.setattr(build._Ctx, "shown", rows_shown)


def test_the_bound_is_every_changing_council_where_the_rows_are_not_suppressed(monkeypatch):
    """The attack bites: with the suppression of the change table's rows removed (planted: a row's test and p shown
    whatever its councils' count, which stays suppressed), the intruder pins a status group's suppressed count in
    some study (every council of a group changing on some impact, a group of 2 tested on at least 2). The intruder
    reads the p-values at full precision, as the CSV files published them before outputs1: now rounded as the report
    shows them (0.167), they are no longer on the lattice the attack reads, so the attack is tested on the worst case."""
    _unguarded(monkeypatch)
    leaks = []
    for study, findings in _studies():
        if "status_group" in findings.change.columns:  # the tests by status group, where one is suppressed
            report, _ = r39._report(findings)
            leaks += _leaks(report, study, findings)
    assert any(2 <= n < MIN_COUNT for _, n in leaks), leaks


# --------------------------------------------------------------------------- 2. a family of one value
def _one_row(p: str, **columns) -> dict[str, pd.DataFrame]:
    return {"tables/models.csv": pd.DataFrame({"term": ["Intercept"], "p_value": [p], "n_units": ["6"], **columns})}


def test_a_lone_model_p_is_not_taken_for_a_randomisation_p():
    """A model intercept's Wald p of 0.267 (4 / 15 to 3 decimals; C(6, 2) = 15, so (4, 2) is the only split of 6
    councils it fits) alone in its family: main's intruder called the split (4, 2); it is now not read. The same value
    stated to be a randomisation p, or in a family with a second distinct value, is still solved."""
    assert Fraction(0.267).limit_denominator(20) == Fraction(4, 15) and math.comb(6, 2) == 15
    assert r44._recover(_one_row("0.267", p_method=["model"]), 6) == set()
    assert r44._recover(_one_row("0.267"), 6) == set()
    assert (4, 2) in r44._recover(_one_row("0.267", p_method=["randomisation"]), 6)
    two = {"tables/models.csv": pd.DataFrame({"term": ["Intercept", "Intercept"], "p_value": ["0.267", "0.467"],
                                              "n_units": ["6", "6"], "p_method": ["model", "model"]})}
    assert (4, 2) in r44._recover(two, 6)  # 4 / 15 and 7 / 15
    same = {"tables/models.csv": pd.DataFrame({"term": ["Intercept", "Intercept"], "p_value": ["0.267", "0.267"],
                                               "n_units": ["6", "6"], "p_method": ["model", "model"]})}
    assert r44._recover(same, 6) == set()  # one value twice is one value


@pytest.mark.parametrize("sizes", [(3, 2), (4, 2), (4, 3), (5, 4)])
def test_splits_are_solved_from_two_values_or_a_stated_randomisation_p(sizes):
    """Planted: p-values k / N at full precision, N the multinomial coefficient of ``sizes`` (councils following each
    path), k coprime to N. One such p in a column of the indicators' randomisation p (``ri_p_value``) or two of a
    model column give back ``sizes`` where it is the only split of its councils with that N; one model p alone never
    does."""
    from test_disclosure_round43 import _multinomial, _partitions

    n, big = sum(sizes), _multinomial(sizes)
    # the planted condition: the only split of n councils with that multinomial coefficient
    assert [p for p in _partitions(n) if len(p) > 1 and _multinomial(p) == big] == [sizes]
    ks = [k for k in range(1, big) if math.gcd(k, big) == 1][:2]
    p = [repr(k / big) for k in ks]
    lone = {"tables/x.csv": pd.DataFrame({"p_value": [p[0]], "n_units": [str(n)]})}
    stated = {"tables/x.csv": pd.DataFrame({"ri_p_value": [p[0]], "n_units": [str(n)]})}
    pair = {"tables/x.csv": pd.DataFrame({"p_value": p, "n_units": [str(n)] * 2})}
    assert r44._recover(lone, n) == set()
    assert sizes in r44._recover(stated, n)
    assert sizes in r44._recover(pair, n)

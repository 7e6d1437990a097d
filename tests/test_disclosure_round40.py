"""Disclosure in small studies, round 40.

* Notes on a status group too small for a contrast of its own say so without saying how small or which group:
  'fewer than 3 councils were in intervention at some wave' told a reader that group was 1 or 2 councils (and, with
  the councils in the study, bounded the other). No text published bounds a group of councils more tightly than a
  suppressed count does (below min_count).
* The framework matrix's count of councils raising a theme gives back its complement: '7 councils' of the 8
  interviewed told which one did not raise it. A count whose group less it is below min_count is suppressed, and
  listed in the suppression ledger.
* Secondary suppression is minimal: no count the ledger hides as secondary can be published again with every rule
  still holding (the ledger's audit by linear programming); in a generated study of 8 councils main hid 3 such, one
  of them 10 participants, and 21 cells of the prevalence table with it.

Round 39's study of 8 councils (seed 31271, shared with its tests in a worker) and a planted framework study of 8
councils (seed 31507).
"""

from __future__ import annotations

import re
import warnings
from itertools import combinations

import pandas as pd
import pytest
import test_disclosure_round39 as r39
from conftest import once_per_worker

pytestmark = pytest.mark.xdist_group("disclosure39")

MIN_COUNT = 5  # the report's default --min-count


@pytest.fixture(scope="module")
def eight(disclosure_eight):
    return r39.with_report(disclosure_eight)


def _texts(report) -> list[str]:
    """Every published sentence of the report: paragraphs, table captions and notes, the rendered page."""
    from impact.report._html import render_html

    return [" ".join(render_html(report).split())]


def test_notes_do_not_bound_a_small_status_group(eight):
    """Two of the 8 councils were in intervention at some wave (computed from the status history): their contrast is
    suppressed in the models and attrition tables. Main's notes said the contrast is suppressed 'where fewer than 3
    councils were in intervention at some wave, or out of it at every wave': 1 or 2 councils on a side, an interval
    narrower than a suppressed count's (1 to min_count - 1). No published text states a bound on a number of councils
    below min_count; the notes still say why the contrast is suppressed."""
    study, _, report, _ = eight
    ever = r39._ever_in_intervention(study)
    assert min(ever.sum(), (~ever).sum()) == 2
    tables = r39._tables(report)
    # the attrition sensitivity's contrast is suppressed for its few councils; the models are withheld whole (round 53)
    sens = tables["attrition_sensitivity"]
    assert len(sens) and (sens.drop(columns="impact") == "c").all().all()
    assert "gee_models" not in tables
    page = _texts(report)[0]
    bounds = [int(n) for n in re.findall(r"fewer than (\d+) councils", page)]
    assert bounds and min(bounds) >= MIN_COUNT, sorted(set(bounds))
    assert "too few councils for a figure of its own" in page  # the reason is still given
    ledger = tables["suppressions"]
    assert (ledger["reason"] == "few_councils_contrast").any()


def _plant_complement(k: int = 7):
    """A generated study of 8 councils whose supplied coding has one review theme raised by ``k`` of them (one
    respondent statement each), analysed for the framework matrix."""
    from impact import segment
    from impact.pipeline import analyse
    from impact.synth import generate_with_truth

    study, truth = generate_with_truth(8, seed=31507, interviews_per_wave=2, words_per_interview=120)
    seg = segment(study)
    said = seg[(seg["speaker"] == "respondent") & seg["text"].str.strip().str.len().between(60, 150)]
    raisers = sorted(said["council_id"].astype(str).unique())[:k]
    rows = [{"interview_id": s["interview_id"], "start": s["start"], "end": s["end"], "code": "managing_performance",
             "polarity": "asserted", "coder": "person"}
            for s in (said[said["council_id"].astype(str) == c].iloc[0] for c in raisers)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        findings = analyse(study, coded=pd.concat([truth.coded(), pd.DataFrame(rows)], ignore_index=True),
                           n_resamples=99, seed=1, parts=["framework"])
    return study, raisers, findings


def test_a_theme_raised_by_all_but_one_council_is_not_counted(tmp_path):
    """7 of the 8 councils interviewed raised 'managing performance' (planted). Main published '7 councils' under All
    councils, so the eighth (known to be interviewed: the sample section publishes the councils interviewed) was
    known not to have raised it. The cell, in the report, its CSV and workbook, is 'c councils', and the ledger lists
    it; with min_count 1 the count is published (there was a count to hide)."""
    from openpyxl import load_workbook

    from impact.report import render

    study, raisers, findings = once_per_worker(("round40", "complement"), _plant_complement)
    interviewed = study.interviews.dropna(subset=["wave"])["council_id"].astype(str).nunique()
    assert interviewed == 8 and len(raisers) == 7
    report, _ = r39._report(findings)
    table = r39._tables(report)["framework_optional"].set_index("theme")
    cell = table.loc["Managing performance", "all_councils"]
    assert cell.startswith("c councils"), cell
    ledger = r39._tables(report)["suppressions"]
    listed = ledger[(ledger["output"] == "framework_optional") & (ledger["row"] == "Managing performance")]
    assert len(listed) == 1 and listed["reason"].iloc[0] == "small_count"
    render(report, tmp_path)
    csv = pd.read_csv(tmp_path / "tables" / "framework_optional.csv", dtype=str)
    assert not csv.apply(lambda c: c.str.contains(r"\b7 councils", na=False)).any().any()
    book = load_workbook(next(tmp_path.glob("*.xlsx")), read_only=True)
    assert not any("7 councils" in str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True)
                   for v in row if v is not None)
    shown = r39._tables(r39._report(findings, min_count=1)[0])["framework_optional"].set_index("theme")
    assert shown.loc["Managing performance", "all_councils"].startswith("7 councils")


def _releasable(led) -> list:
    """Counts ``led`` hides that no rule needs: not below the threshold, forced or unpublished, not a zero beside a
    hidden count, and with every hidden count still at least the threshold wide when published (the ledger's audit)."""
    hidden = set(led._hidden)
    rule = {k for k, v in led.values.items() if 0 < v < led.threshold} | led.forced | led.auxiliary
    out = []
    for k in sorted(hidden - rule, key=str):
        trial = hidden - {k}
        if k not in led._zeros_beside(trial) and not led._weak(trial):
            out.append(k)
    return out


def report_and_ledger(findings, monkeypatch, **kw):
    """``(report, ledger)``: the report of ``findings`` and the :class:`DisclosureLedger` it was decided with."""
    from impact.privacy._ledger import DisclosureLedger

    made = []
    init = DisclosureLedger.__init__

    def record(self, *a, **kw):
        init(self, *a, **kw)
        made.append(self)

    monkeypatch.setattr(DisclosureLedger, "__init__", record)
    report, _ = r39._report(findings, **kw)
    # the last one made: where a model's margins cannot be protected the report builds its ledger again without them
    # (disclosure round 53)
    return report, made[-1]


def test_no_count_is_hidden_that_no_rule_needs(eight, monkeypatch):
    """The report's ledger, after secondary suppression, hides no count that could be published with every rule still
    holding (checked one count at a time by the ledger's own audit); main hid 3 (participants at the early wave not in
    intervention, 10; two zeros beside it). What stays hidden is still safe: no hidden count can be narrowed below
    min_count and no zero beside a hidden count is published."""
    _, findings, _, _ = eight
    _, led = report_and_ledger(findings, monkeypatch)
    hidden = set(led._hidden)
    assert hidden - ({k for k, v in led.values.items() if 0 < v < led.threshold} | led.forced)  # secondary ones
    assert _releasable(led) == []
    assert led._weak(hidden) == [] and not led._zeros_beside(hidden)


def planted_pair():
    """A ledger of a planted pair of tables, rows r1 = a + x + y and r2 = d + x + z, totals published, a = d = 1 below
    the threshold 5 (see :func:`test_release_finds_the_smallest_safe_suppression`)."""
    from impact.privacy._ledger import DisclosureLedger

    led = DisclosureLedger(threshold=5)
    for k, v in {"a": 1, "x": 6, "y": 5, "d": 1, "z": 7}.items():
        led.count(k, v)
    led.count("r1", 12, public=True)
    led.count("r2", 14, public=True)
    led.relation("r1", ["a", "x", "y"])
    led.relation("r2", ["d", "x", "z"])
    return led


def test_release_finds_the_smallest_safe_suppression():
    """A planted pair of tables where the ledger's one-at-a-time choice hides a count that protects nothing: rows
    r1 = a + x + y and r2 = d + x + z, totals published, a = d = 1 below the threshold. The ledger hides y (a's
    smallest partner) and x (d's); x alone protects both. The smallest safe set, found here by trying every superset
    of the primary counts, is {a, d, x}, and DisclosureLedger.release_unneeded leaves exactly it."""
    led = planted_pair()
    assert led.protect() == {"a", "d", "x", "y"}
    probe = planted_pair()
    safe = [set(s) | {"a", "d"} for n in range(4) for s in combinations(["x", "y", "z"], n)
            if not probe._weak(set(s) | {"a", "d"})]
    smallest = min(safe, key=len)
    assert smallest == {"a", "d", "x"} and sum(len(s) == len(smallest) for s in safe) == 1
    assert led.release_unneeded() == ["y"]
    assert {k for k in led.values if led.hidden(k)} == smallest

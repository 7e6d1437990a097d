"""Disclosure round 53: the longitudinal models' margins declared to the ledger.

An impact's binomial model publishes, through its status and wave coefficients, its estimating equations: under an
independence working correlation, the participants reporting the impact in all, in intervention and at each later wave
equal the sum of the fitted probabilities over the same participants. Round 51's attack (a) solved them for hidden
prevalence counts (tests/test_disclosure_round51.py). Each shown model's margins are now declared to the ledger as
published sums of the prevalence table's counts (:func:`impact.report._build._declare_model_margins`), so secondary
suppression hides further cells; a model is withheld whole only where no suppression protects the counts its margins
narrow (a wave's total reporting the impact below the threshold: 10 councils seed 7, learning and morale).

Measured (bench/model_margins.py, model rows shown of 24 / prevalence cells hidden of 72, main -> round 52's branch ->
this round): 10 councils seed 7 24/26 -> 0/26 -> 16/35; 15 councils seed 5121 24/18 -> 0/18 -> 16/26; 30 councils
seed 5131 24/3 -> 12/3 -> 24/12; 40 councils seed 152953 (round 4's study) 24/6 -> 8/6 -> 24/16.
"""

from __future__ import annotations

import copy
import io
import warnings

import pandas as pd
import pytest
from conftest import analysed_synthetic, once_per_worker, run_cached
from test_disclosure_round51 import _narrowed

pytestmark = pytest.mark.xdist_group("disclosure39")

MIN_COUNT = 5
#: (councils, seed): generated studies of 6, 10, 15 and 30 councils, analysed with the models
STUDIES = [(6, 5101), (10, 7), (15, 5121), (30, 5131)]


def _prepared(n: int, seed: int):
    """``(findings, ctx)``: the study analysed with its planted coding, and the report's context (its ledger after
    every suppression and release). Made once per run (:func:`conftest.run_cached`): round 64 reads the 30-council
    study's."""
    import impact.report._build as build

    _, _, findings = analysed_synthetic(n, seed, parts=["comparisons", "models"], interviews_per_wave=3,
                                        words_per_interview=120)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ctx = build._prepared(findings, False, MIN_COUNT, 5, None, False)
    return findings, ctx


@pytest.fixture(scope="module", params=STUDIES, ids=lambda s: f"{s[0]}-councils-seed-{s[1]}")
def prepared(request):
    return once_per_worker(("round53-prepared", *request.param), lambda: run_cached(_prepared, *request.param))


def _intruders_margins(findings, ctx) -> tuple:
    """``(bare, intruder)``: the report's ledger without any model's margins, and with the intruder's own: for each
    model shown, the participants reporting the impact over every cell it is fitted on, over those in intervention,
    and over each later wave's, summed from the analysis's participant panel (independently of the package's
    declaration), each as a published count tied to the prevalence table's cells by an equality."""
    led = ctx.ledger
    bare = copy.copy(led)
    bare.sums = [(t, p) for t, p in led.sums if not (isinstance(t, tuple) and t[0] == "model_margin")]
    bare._linked = None
    intruder = copy.copy(bare)
    intruder.values, intruder.sums, intruder.public = dict(bare.values), list(bare.sums), set(bare.public)
    intruder._linked = None
    m, pp = findings.models, findings.participant_panel
    withheld = set(getattr(ctx, "models_withheld", ()))
    waves = list(findings.study.wave_ids)
    declared = 0
    for code in dict.fromkeys(m["code"]):
        if code in withheld:
            continue
        terms = set(m.loc[m["code"] == code, "term"])
        d = pp[pp["code"] == code].dropna(subset=["status_group"])
        columns = {"all": d, "intervention": d[d["status_group"] == "intervention"] if "in_intervention" in terms
                   else d.iloc[:0]}
        columns.update({w: d[d["wave"] == w] for w in waves[1:] if f"wave_{w}" in terms})
        for name, part in columns.items():
            if part.empty:
                continue
            cells = [("with", "reported", code, w, g) for w, g in part.groupby(["wave", "status_group"]).groups]
            intruder.count(("intruder_margin", code, name), int(part["reported"].astype(bool).sum()), public=True)
            intruder.relation(("intruder_margin", code, name), cells)  # (raises where the cells do not sum to it)
            declared += 1
    return bare, intruder, declared


def test_the_models_margins_narrow_no_hidden_count(prepared):
    """The intruder of attack (a), stronger: the ledger's own linear programme over everything published, with every
    shown model's margins as equalities (the exchangeable correlation makes them hold only nearly: exact is the
    intruder's best case). No hidden count is narrowed below the threshold, or pinned, further than without the models
    (main: 10 councils seed 7, learning's hidden counts at the first wave 0 to 3 where its total there, 3, is the
    intercept's margin less the later waves'; and, at 6 councils, every hidden cell of every impact)."""
    findings, ctx = prepared
    bare, intruder, declared = _intruders_margins(findings, ctx)
    hidden = set(ctx.ledger._hidden)
    before, after = _narrowed(bare, hidden), _narrowed(intruder, hidden)
    assert {k: v for k, v in after.items() if before.get(k) != v} == {}
    shown = set(findings.models["code"]) - set(getattr(ctx, "models_withheld", ()))
    assert declared >= 3 * len(shown)  # every shown model's margins were tried (3 or more each)


def test_models_are_kept_where_suppression_protects(prepared):
    """The finer rule keeps the models round 52 withheld wherever further suppression protects: at 10 and 15
    councils, 4 of the 6 models (round 52: none); at 30, all 6 (round 52: 3); at 6 councils every model is withheld
    (a wave's total reporting an impact, given by the margins, is below 5 for each)."""
    findings, ctx = prepared
    n = findings.study.councils.shape[0]
    kept = len(set(findings.models["code"]) - set(ctx.models_withheld))
    assert kept == {6: 0, 10: 4, 15: 4, 30: 6}[n]


@pytest.fixture(scope="module")
def ten():
    """The 10-council study's report (seed 7): its tables and suppression ledger, as published."""
    from impact.pipeline import build_report
    from impact.report import Table
    from impact.report._xlsx import table_csv

    def build():
        _, _, findings = analysed_synthetic(10, 7, parts=["comparisons", "models"], interviews_per_wave=3,
                                            words_per_interview=120)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            report, _ = build_report(findings)
        tables = {b.name: b for s in report.sections for b in s.blocks if isinstance(b, Table)}
        csv = {name: pd.read_csv(io.BytesIO(table_csv(t, vocabulary=report.vocabulary)), dtype=str)
               for name, t in tables.items() if name in ("prevalence", "suppressions", "gee_models")}
        return findings, csv, report.vocabulary
    return once_per_worker(("round53-ten",), build)


def test_the_ledger_says_which_hidden_counts_the_margins_tie(ten):
    """Each row of the prevalence table whose count reporting the impact is hidden and summed by a shown model's
    margins is in suppressions.csv with the reason ``model_margin`` (a count below the threshold or one worked out with
    the model's totals, never which); a withheld model's rows with ``model_of_suppressed``; the models table shows
    exactly the other impacts."""
    findings, csv, vocabulary = ten
    gee, sup, prev = csv["gee_models"], csv["suppressions"], csv["prevalence"]
    shown = {vocabulary.value("impact", c) for c in gee["impact"]}
    withheld = sup.loc[sup["reason"] == "model_of_suppressed", "row"].str.split(" / ").str[0]
    assert len(shown) == 4 and withheld.nunique() == 2 and not set(withheld) & shown
    margin_rows = sup[(sup["output"] == "prevalence") & sup["reason"].str.contains("model_margin")]
    hidden_shown = prev[(prev["n_with"] == "c") & prev["impact"].map(lambda c: vocabulary.value("impact", c)).isin(shown)]
    assert len(margin_rows) == len(hidden_shown) > 0
    assert set(margin_rows["row"].str.split(" / ").str[0]) <= shown

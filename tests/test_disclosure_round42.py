"""Disclosure in small studies, round 42.

* The comparisons by intervention status publish each row's p-value and its Holm-adjusted p. Adjusted over the whole
  family with the withheld rows' own p-values, Holm's step-down gave a published row the adjusted p of a withheld row
  ranked before it, (m - j + 1) times that row's p: dividing it back gave the withheld p exactly. The family is still
  every test run, but a withheld row counts in it as a test with p = 1: each published adjusted p is a function of
  the published p-values and the number of rows, and never below the analysis's own.
* The models' intervention contrast compares councils in and out of intervention at the same wave: its smaller side
  is the fewest councils on one side at a wave, not the councils with a row out of intervention at some wave (seed
  31508, 8 councils: one never in intervention, alone out of it at two of the three waves, four 'out of it' in all;
  main published the contrast).

The 40-council study of round 41 (seed 31303, ``conftest.disclosure_forty``, comparisons only) and a generated
study of 8 councils (seed 31508, models only).
"""

from __future__ import annotations

import dataclasses
import re
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import test_disclosure_round39 as r39
from conftest import once_per_worker

MIN_COUNT = 5  # the report's default --min-count
ROOT = Path(__file__).resolve().parents[1]


def _doc() -> str:
    return " ".join((ROOT / "docs" / "report-format.md").read_text(encoding="utf-8").split())


def _p_columns(table: pd.DataFrame) -> tuple[str, str]:
    """The table's p-value and adjusted p-value columns (renamed '..._unconfirmed' where the coding is doubtful)."""
    return (next(c for c in table.columns if c.startswith("p_value")),
            next(c for c in table.columns if c.startswith("p_adjusted")))


def test_a_withheld_comparison_p_is_not_divided_back_from_the_adjusted_ones(disclosure_forty):
    """40 councils (seed 31303): the comparisons table withholds some rows (a share tied to a suppressed count) and
    publishes the others with their p and Holm-adjusted p. Planted: a withheld row's p is 0.00049 and a published
    row's 0.0005, the two smallest (99 resamples give no p below 0.01). On main the published row's adjusted p was the
    withheld row's times the family's size (0.00049 x m > 0.0005 x (m - 1)), and the intruder, dividing every
    published adjusted p by every whole number up to the table's rows, found 0.00049. Now no such quotient is a
    withheld row's p; each published adjusted p is Holm's over the published p-values with every withheld row counted
    as p = 1 (computed here with statsmodels), never below the analysis's; the documentation says so."""
    from statsmodels.stats.multitest import multipletests

    _, findings = disclosure_forty
    c = findings.comparisons.copy()
    family = np.isfinite(c["p_adjusted"].astype(float))
    report, _ = r39._report(findings)
    comp = r39._tables(report)["comparisons"]
    p_col, adj_col = _p_columns(comp)
    withheld_keys = list(zip(comp.loc[comp[adj_col] == "c", "impact"], comp.loc[comp[adj_col] == "c", "wave"],
                             strict=True))
    shown_keys = list(zip(comp.loc[comp[adj_col] != "c", "impact"], comp.loc[comp[adj_col] != "c", "wave"],
                          strict=True))
    assert withheld_keys and shown_keys  # the planted condition: a table with rows of both kinds
    key = list(zip(c["code"], c["wave"], strict=True))
    w, u = key.index(withheld_keys[0]), key.index(shown_keys[0])
    c.loc[w, "p_value"], c.loc[u, "p_value"] = 0.00049, 0.0005
    c.loc[family, "p_adjusted"] = multipletests(c.loc[family, "p_value"].astype(float), method="holm")[1]
    planted = dataclasses.replace(findings, comparisons=c)
    comp = r39._tables(r39._report(planted)[0])["comparisons"]
    shown = comp[comp[adj_col] != "c"]
    m = len(comp)
    quotients = [float(a) / k for a in shown[adj_col] if float(a) < 1 for k in range(1, m + 1)]
    assert quotients  # the published row's adjusted p is below 1: there is something to divide
    recovered = [q for q in quotients if np.isclose(q, 0.00049, rtol=1e-9, atol=0)]
    assert not recovered, "a withheld row's p-value is given back by the published adjusted p-values"
    n_withheld = int((comp[adj_col] == "c").sum())
    published_p = shown[p_col].astype(float).to_numpy()
    expected = multipletests(np.concatenate([published_p, np.ones(n_withheld)]), method="holm")[1][:len(shown)]
    assert np.allclose(shown[adj_col].astype(float), expected, rtol=1e-12, atol=0)
    analysis = c.set_index(["code", "wave"])["p_adjusted"]
    for (impact, wave), a in zip(zip(shown["impact"], shown["wave"], strict=True), shown[adj_col], strict=True):
        assert float(a) >= analysis[(impact, wave)] - 1e-12, (impact, wave)
    assert re.search(r"withheld row[^.]*counts?[^.]*p = 1", _doc())


def _status_paths(study) -> pd.DataFrame:
    ws = study.wave_status()
    return ws.assign(inn=ws["intervention"].isin(["notice", "direction"])).pivot(
        index="council_id", columns="wave", values="inn")


def test_the_contrast_of_one_council_alone_at_a_wave_is_suppressed(monkeypatch):
    """8 councils (seed 31508): one council never in intervention, four always in it, three out of it at the last wave
    only (computed from the status history, every council interviewed at every wave). Councils with a row out of
    intervention are 4 and with a row in it 7, so main published the intervention contrast; but at two of the three
    waves the one council never in intervention is alone out of it, and the contrast, estimated beside the wave, is
    there its difference from the rest. Every figure of the contrast is 'c' in the models table, its CSV and the
    attrition sensitivity table, each row listed as a contrast of few councils; with min_count 1 they are published.
    """
    def build():
        from impact.pipeline import analyse
        from impact.synth import generate_with_truth

        study, truth = generate_with_truth(8, seed=31508, interviews_per_wave=2, words_per_interview=120)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return study, analyse(study, coded=truth.coded(), n_resamples=99, seed=1, parts=["models"])

    study, findings = once_per_worker(("round42", 31508), build)
    paths = _status_paths(study)
    iv = study.interviews.dropna(subset=["wave"])
    assert (iv.groupby("council_id")["wave"].nunique() == len(study.wave_ids)).all()
    ever_in, ever_out = paths.any(axis=1).sum(), (~paths.all(axis=1)).sum()
    assert min(ever_in, ever_out) >= 3  # main's count of the smaller side let it through
    at_wave = [min(paths[w].sum(), (~paths[w]).sum()) for w in paths.columns if 0 < paths[w].sum() < len(paths)]
    assert min(at_wave) == 1  # the planted condition: one council alone on a side at a wave
    report, extra = r39._report(findings)
    tables = r39._tables(report)
    # since round 53 the models are withheld whole (the lone council's counts are hidden at that wave): no models
    # table or models.csv; the attrition sensitivity's contrast is still suppressed as one of few councils
    assert "gee_models" not in tables and "tables/models.csv" not in extra
    sens = tables["attrition_sensitivity"]
    assert len(sens) and (sens.drop(columns="impact") == "c").all().all()
    ledger = tables["suppressions"]
    listed = ledger[ledger["output"] == "attrition_sensitivity"]
    assert len(listed) == len(sens) and (listed["reason"] == "few_councils_contrast").all()
    for name in ("gee_models", "models"):
        listed = ledger[ledger["output"] == name]
        assert len(listed) == findings.models["code"].nunique() and (listed["reason"] == "model_of_suppressed").all()
    # with min_count 1 nothing is suppressed: there were figures to hide
    shown = r39._tables(r39._report(findings, min_count=1)[0])["gee_models"]
    assert (shown.loc[shown["contrast"] == "in_intervention", "estimate"] != "c").all()

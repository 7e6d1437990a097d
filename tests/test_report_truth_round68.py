"""Report truth, round 68 (truth68): every difference by intervention status the summary states rests on ONE Holm
family, and the tables print the p it rests on.

The summary states differences by status from three families of tests: the models' status term across the impacts,
the change across the waves by status across the impacts, and the survey's difference by status across its later
waves. Each was Holm-adjusted on its own, so a null 5-wave study of 20 councils drew at least one such claim in 20 of
100 studies (truth67, bench/truth67_status_size.json). Here the three are adjusted together: p-values planted in the
findings of one generated study (so that each family alone would state a claim and the joint family none) are
recomputed by hand, and the summary and every table are read for them.
"""

from __future__ import annotations

import dataclasses
import io
import re
import warnings
from html import unescape

import numpy as np
import pytest
from test_report_truth_round67 import _holm  # Holm's adjusted p by hand

#: Chosen before any run of this file (none of 68685xx in tests/, bench/ or impact/ then).
SEED = 6868501

WAVES3 = ["expectations", "early", "longer_term"]

#: The heading of a column of p-values adjusted with the summary's other tests of a difference by status.
STATUS_JOINT_HEADING = "p (Holm, with the summary's status tests)"

#: Planted raw p-values: each family's smallest is below alpha after Holm within its own family (0.008 x 6 = 0.048,
#: 0.008 x 6 = 0.048, 0.02 x 2 = 0.04) and none after Holm across them together (0.008 x 14 = 0.112; 0.096 where one
#: impact's model is withheld for disclosure, as at this seed).
STATUS_P = {"learning": 0.008, "commitment": 0.31, "plans_actions": 0.52, "policies_systems": 0.63, "morale": 0.74,
            "partnership": 0.85}
CHANGE_P = {"morale": 0.008, "commitment": 0.41, "plans_actions": 0.57, "learning": 0.68, "policies_systems": 0.79,
            "partnership": 0.93}
SURVEY_P = {"early": 0.02, "longer_term": 0.06}


@pytest.fixture(scope="module")
def analysed():
    """A null 3-wave study of 30 councils, half never and half always in intervention, the survey at every wave: every
    impact's status term readable, every change by status tested and its figures published, the survey's difference
    tested at both later waves (each asserted before p-values are planted)."""
    from impact.pipeline import analyse
    from impact.synth import SynthEffects, generate_with_truth

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        study, truth = generate_with_truth(30, seed=SEED, words_per_interview=60, interviews_per_wave=3,
                                           effects=SynthEffects.null(), survey_waves=WAVES3,
                                           intervention_paths={"never": 0.5, "throughout": 0.5})
        findings = analyse(study, coded=truth.coded(), n_resamples=99, seed=1, parts=("models", "survey"))
    m = findings.models
    status = m[m["term"] == "in_intervention"]
    assert set(status["code"]) == set(STATUS_P) and not status["separation"].any(), status
    bs = findings.change_by_status
    assert bs.loc[bs["term"] == "differs"].set_index("code").loc[list(CHANGE_P), "tested"].all()
    sb = findings.survey_by_status
    diff = sb[sb["term"] == "change_difference"]
    assert (diff[["n_units_intervention", "n_units_no_intervention"]] >= 5).all().all(), diff
    return study, findings


def _planted(findings, status_p=STATUS_P, change_p=CHANGE_P, survey_p=SURVEY_P):
    """The findings with the planted raw p-values, each family's adjusted p Holm's within that family alone (as
    :func:`impact.intervention_effects` and :func:`impact.change_by_status` give them)."""
    m = findings.models.copy()
    status = m["term"] == "in_intervention"
    m.loc[status, "p_value"] = m.loc[status, "code"].map(status_p)
    m.loc[status, "p_adjusted"] = _holm(m.loc[status, "p_value"].to_numpy(float))
    if "ri_few_distinct" in m.columns:
        m["ri_few_distinct"] = False
    bs = findings.change_by_status.copy()
    test = bs["term"] == "differs"
    bs.loc[test, "p_value"] = bs.loc[test, "code"].map(change_p)
    bs.loc[test, "p_adjusted"] = _holm(bs.loc[test, "p_value"].to_numpy(float))
    for col, src in (("w_p_value", "p_value"), ("w_p_adjusted", "p_adjusted")):  # the weighted fit agrees
        if col in bs.columns:
            bs.loc[test, col] = bs.loc[test, src]
    sb = findings.survey_by_status.copy()
    diff = sb["term"] == "change_difference"
    sb.loc[diff, "p_value"] = sb.loc[diff, "wave"].astype(str).map(survey_p)
    return dataclasses.replace(findings, models=m, change_by_status=bs, survey_by_status=sb)


def _joint(kept, status_p=STATUS_P, change_p=CHANGE_P, survey_p=SURVEY_P) -> dict:
    """The planted p-values of the impacts ``kept`` (those whose models the report shows: a model withheld for
    disclosure makes no claim and leaves every family) and of the survey, Holm-adjusted by hand as one family:
    ``{(kind, key): p}``."""
    status_p = {c: p for c, p in status_p.items() if c in kept}
    change_p = {c: p for c, p in change_p.items() if c in kept}
    keys = ([("status", c) for c in status_p] + [("change", c) for c in change_p] + [("survey", w) for w in survey_p])
    raw = np.array([*status_p.values(), *change_p.values(), *survey_p.values()])
    return dict(zip(keys, _holm(raw), strict=True))


def _kept(report) -> set[str]:
    """The impacts whose models the report shows (the change by status table's), the planted ones among them."""
    kept = set(_table(report, "change_by_status").data["impact"])
    assert {"learning", "morale"} <= kept and len(kept) >= 5, kept
    return kept


def _summary_items(report) -> list[str]:
    from impact.report import Bullets

    return [i for s in report.sections if s.title == "Summary" for b in s.blocks if isinstance(b, Bullets)
            for i in b.items]


def _table(report, name):
    from impact.report import Table

    return next(b for s in report.sections for b in s.blocks if isinstance(b, Table) and b.name == name)


@pytest.fixture(scope="module")
def planted_report(analysed):
    from conftest import report_of

    study, findings = analysed
    planted = _planted(findings)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        report, extra = report_of(planted)
    return study, planted, report, extra


def test_no_status_claim_where_only_each_family_alone_would_state_one(planted_report):
    """Each family alone states a difference (Holm within it: 0.048, 0.048, 0.04, or 0.04, 0.04, 0.04 with one model
    withheld); adjusted as one family of 12 to 14 the smallest is 0.096 to 0.112, and the summary states no difference
    by status: on main's head it stated three."""
    study, _, report, _ = planted_report
    items = _summary_items(report)
    joint = _joint(_kept(report))
    n = len(joint)
    assert min(joint.values()) == pytest.approx(0.008 * n) and 0.008 * n > 0.05
    stated_status = [i for i in items if "often by participants in councils in intervention (" in i]
    stated_change = [i for i in items if "across the waves differs by intervention status" in i]
    survey = [i for i in items if i.startswith("In the staff and partner survey, between")]
    assert not stated_status, stated_status
    assert not stated_change, stated_change
    assert len(survey) == 2, survey
    assert all("which is not evidence" in s for s in survey), survey
    # each survey sentence states its joint p and names the family
    for w, sentence in zip(WAVES3[1:], survey, strict=True):
        m = re.search(rf"Holm-adjusted p = (\d\.\d+) across the {n} tests of a difference by intervention status",
                      sentence)
        assert m, sentence
        assert float(m[1]) == pytest.approx(joint[("survey", w)], abs=5e-4)
    none = [i for i in items if "reported significantly more or less often in councils in intervention once" in i]
    assert len(none) == 1 and f"the {n} tests of a difference by intervention status" in none[0], none


def test_tables_print_the_joint_p(planted_report):
    """The models table's status rows, the change by status table's test and the survey table's difference each
    print the p adjusted across the family (by hand), and say so in their heading or note."""
    study, planted, report, extra = planted_report
    joint = _joint(_kept(report))
    family = f"across the {len(joint)} tests of a difference by intervention status"
    models = _table(report, "gee_models")
    rows = models.data[models.data["contrast"].astype(str).str.contains("intervention")]
    assert len(rows) == len(_kept(report)), models.data["contrast"].unique()
    for r in rows.itertuples():
        assert float(r.p_adjusted) == pytest.approx(joint[("status", r.impact)], rel=1e-9), r
    assert family in models.notes, models.notes
    change = _table(report, "change_by_status")
    for code, part in change.data.groupby("impact"):
        assert np.allclose(part["differs_p_adjusted"].astype(float), joint[("change", code)], rtol=1e-9), part
    assert family in change.notes
    assert STATUS_JOINT_HEADING in str(change.labels["differs_p_adjusted"])
    survey = _table(report, "survey_by_status")
    labels = study.waves.set_index("wave")["label"].str.split(" (", regex=False).str[0].str.lower()
    for w in WAVES3[1:]:
        row = survey.data[survey.data["comparison"] == f"Change to {labels[w]}, in minus not in intervention"]
        assert float(row["p_adjusted"].iloc[0]) == pytest.approx(joint[("survey", w)], rel=1e-9), row
    assert family in survey.notes
    # the machine-readable models file gives the same joint p
    import pandas as pd

    csv = pd.read_csv(io.BytesIO(extra["tables/models.csv"]))
    status = csv[csv["term"] == "in_intervention"].set_index("code")["p_adjusted"].astype(float)
    for code in _kept(report):
        assert status[code] == pytest.approx(joint[("status", code)], rel=1e-6)


def test_joint_p_printed_alike_in_word_workbook_web_and_csv(planted_report):
    """The joint column's heading and the survey's joint p-values, as every p-value column prints them, in the Word
    report, the workbook, the web page and the table's CSV."""
    import docx
    import openpyxl
    from conftest import excel_shows

    from impact.report import Report, Section
    from impact.report._docx import render_docx
    from impact.report._format import format_p
    from impact.report._html import render_html
    from impact.report._xlsx import data_dictionary, render_xlsx, table_csv

    _, _, report, _ = planted_report
    table = _table(report, "survey_by_status")
    one = Report("t", "", {}, [Section("Longitudinal models", [table])], vocabulary=report.vocabulary)
    joint = _joint(_kept(report))
    printed = {format_p(joint[("survey", w)]) for w in WAVES3[1:]}
    words = docx.Document(io.BytesIO(render_docx(one)))
    cells = [re.sub(r"\s+", " ", c.text.strip()) for t in words.tables for row in t.rows for c in row.cells]
    book = openpyxl.load_workbook(io.BytesIO(render_xlsx(one)))
    xl = [c.value for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
    html = re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", render_html(one))))
    csv = table_csv(table, vocabulary=report.vocabulary).decode("utf-8-sig")
    assert any(STATUS_JOINT_HEADING in c for c in cells), cells[:20]
    assert any(isinstance(v, str) and STATUS_JOINT_HEADING in re.sub(r"\s+", " ", v) for v in xl)
    assert STATUS_JOINT_HEADING in html
    # the CSV keeps the column's name; tables/data_dictionary.csv gives its heading and what it is adjusted across
    assert csv.splitlines()[0].split(",")[-1] == "p_adjusted", csv.splitlines()[0]
    dictionary = data_dictionary(one)
    entry = dictionary[(dictionary.iloc[:, 0] == "survey_by_status") & dictionary.isin(["p_adjusted"]).any(axis=1)]
    assert len(entry) == 1, dictionary.head()
    said = " ".join(map(str, entry.iloc[0].tolist()))
    assert STATUS_JOINT_HEADING in said and "every test of a difference by intervention status" in said, said
    shown = [excel_shows(c.value, c.number_format) for ws in book.worksheets for row in ws.iter_rows() for c in row
             if isinstance(c.value, float)]
    for p in printed:
        assert any(c.replace(" ", "") == p for c in cells), (p, cells)
        assert p in html.replace(" ", "")
        assert p in shown, (p, shown)
    values = [float(v) for line in csv.splitlines()[1:] for v in re.findall(r"\b0\.\d+", line)]
    for w in WAVES3[1:]:
        assert any(v == pytest.approx(joint[("survey", w)], abs=5e-4) for v in values), (w, csv)


def test_a_difference_strong_enough_for_the_joint_family_is_still_stated(analysed):
    """With learning's status term at p = 0.0001 (Holm across the family of 12 to 14: at most 0.0014), the summary
    still states it, with the joint p and the family it is adjusted across."""
    from conftest import report_of

    _, findings = analysed
    status_p = {**STATUS_P, "learning": 0.0001}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        report, _ = report_of(_planted(findings, status_p=status_p))
    joint = _joint(_kept(report), status_p=status_p)
    n = len(joint)
    assert joint[("status", "learning")] == pytest.approx(0.0001 * n)
    stated = [i for i in _summary_items(report) if "often by participants in councils in intervention (" in i]
    assert len(stated) == 1 and stated[0].startswith("Promotion of learning"), stated
    m = re.search(rf"Holm-adjusted p = (\d\.\d+)(?: by randomisation test)? across the {n} tests of a difference by "
                  r"intervention status", stated[0])
    assert m and float(m[1]) == pytest.approx(0.0001 * n, abs=5e-4), stated[0]

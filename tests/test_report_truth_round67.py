"""Report truth, round 67 (truth67): the p a table prints is the p the summary states, and the models' reference wave
is the study's first whatever the order of the panel's rows.

* The survey's differences by status in the change from the first wave are Holm-adjusted across the later waves in
  the summary (truth66); the table 'Change in the staff and partner survey score, by intervention status' printed
  only each wave's own p, so a reader could not find there the p a stated difference rests on. It now gives both,
  in the Word report, the workbook and the web page alike.
* :func:`impact.intervention_effects` (and :func:`impact.change_by_status`, :func:`impact.attrition_effects`) took
  the reference wave from the order of the panel's rows: reversed, a panel was fitted against its last wave.
"""

from __future__ import annotations

import io
import re
import warnings
from html import unescape

import numpy as np
import pandas as pd
import pytest

#: Chosen before any run of this file (none of 67672xx in tests/, bench/ or impact/ then).
SEEDS = (6767201, 6767202, 6767203, 6767204)

WAVES5 = ["expectations", "early", "longer_term", "two_years", "three_years"]


def _generate(n, seed, **kw):
    from impact.synth import generate_with_truth

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return generate_with_truth(n, seed=seed, words_per_interview=60, interviews_per_wave=3, **kw)


def _holm(p: np.ndarray) -> np.ndarray:
    """Holm's adjusted p by hand: the k-th smallest times (m - k), kept non-decreasing, at most 1, in p's order."""
    order = np.argsort(p)
    out = np.empty(len(p))
    out[order] = np.minimum(np.maximum.accumulate(np.sort(p) * np.arange(len(p), 0, -1)), 1.0)
    return out


@pytest.fixture(scope="module")
def survey_report():
    """A 5-wave study of 24 councils, the survey at every wave, both status groups of at least 5 councils at each, and
    a rise in the survey score in councils in intervention at the last two waves (so that some difference is stated
    and some is not)."""
    from conftest import report_of

    from impact.pipeline import analyse

    study, truth = _generate(24, SEEDS[0], waves=5, survey_waves=WAVES5,
                             intervention_paths={"never": 0.5, "throughout": 0.5},
                             effects={"survey_shift": 0.0,
                                      "survey_shift_by_intervention": {"two_years": 0.5, "three_years": 0.5}})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        findings = analyse(study, coded=truth.coded(), n_resamples=99, seed=1, parts=("survey",))
        report, _ = report_of(findings)
    return study, findings, report


def _table(report, name):
    from impact.report import Table

    return next(b for s in report.sections for b in s.blocks if isinstance(b, Table) and b.name == name)


def test_survey_table_prints_the_adjusted_p_the_summary_states(survey_report):
    """The summary's 'Holm-adjusted p = ...' of each later wave (recomputed by hand from the model's own p) is the
    table's adjusted p of that wave's difference, and the table's note says what it is adjusted across."""
    from impact.report import Bullets

    study, findings, report = survey_report
    sb = findings.survey_by_status
    diff = sb[sb["term"] == "change_difference"].set_index("wave").reindex(WAVES5[1:])
    assert (diff[["n_units_intervention", "n_units_no_intervention"]] >= 5).all().all(), diff
    by_hand = dict(zip(diff.index, _holm(diff["p_value"].to_numpy(float)), strict=True))
    table = _table(report, "survey_by_status")
    data = table.data
    assert "p_adjusted" in data.columns, list(data.columns)
    labels = study.waves.set_index("wave")["label"].str.split(" (", regex=False).str[0].str.lower()
    rows = {w: data[data["comparison"] == f"Change to {labels[w]}, in minus not in intervention"] for w in WAVES5[1:]}
    for w, row in rows.items():
        assert len(row) == 1, data["comparison"].tolist()
        assert float(row["p_adjusted"].iloc[0]) == pytest.approx(by_hand[w], rel=1e-9)
        assert float(row["p_value"].iloc[0]) == pytest.approx(diff.loc[w, "p_value"], rel=1e-9)
    # the other rows (each group's change, the difference at the first wave) have no adjusted p
    others = data[~data["comparison"].str.endswith("in minus not in intervention")
                  | data["comparison"].str.startswith("At ")]
    assert others["p_adjusted"].isna().all(), others
    assert "adjusted (Holm) across the four later waves" in table.notes, table.notes
    bullets = [i for s in report.sections if s.title == "Summary" for b in s.blocks if isinstance(b, Bullets)
               for i in b.items if i.startswith("In the staff and partner survey, between")]
    assert len(bullets) == 4, bullets
    stated = 0
    for w, sentence in zip(WAVES5[1:], bullets, strict=True):
        m = re.search(r"Holm-adjusted p ([=<]) (\d\.\d+) across the 4 later waves", sentence)
        assert m, sentence
        p = by_hand[w]
        assert (m[1] == "<" and p < 0.001) or abs(float(m[2]) - p) <= 0.5 * 10 ** -len(m[2].split(".")[1]), (m[0], p)
        stated += "which is not evidence" not in sentence
    assert stated == sum(p < 0.05 for p in by_hand.values())


def test_survey_adjusted_p_is_printed_alike_in_word_workbook_and_web(survey_report):
    """The adjusted column's heading and each of its values, as the summary prints them, in the three renderings."""
    import docx
    import openpyxl
    from conftest import excel_shows

    from impact.report import Report, Section
    from impact.report._docx import render_docx
    from impact.report._format import format_p
    from impact.report._html import render_html
    from impact.report._xlsx import render_xlsx

    _, _, report = survey_report
    table = _table(report, "survey_by_status")
    one = Report("t", "", {}, [Section("Longitudinal models", [table])], vocabulary=report.vocabulary)
    ps = [float(p) for p in table.data["p_adjusted"] if isinstance(p, float) and np.isfinite(p)]
    assert len(ps) == 4
    printed = {format_p(p) for p in ps}  # as every p-value column prints, to the digits that keep it beside 0.05

    words = docx.Document(io.BytesIO(render_docx(one)))
    cells = [c.text.strip() for t in words.tables for row in t.rows for c in row.cells]
    book = openpyxl.load_workbook(io.BytesIO(render_xlsx(one)))
    xl = [c.value for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
    html = unescape(re.sub(r"<[^>]+>", " ", render_html(one)))
    heading = "p (Holm, across waves)"
    assert any(heading in re.sub(r"\s+", " ", c) for c in cells), cells[:20]
    assert any(isinstance(v, str) and heading in re.sub(r"\s+", " ", v) for v in xl)
    assert heading in re.sub(r"\s+", " ", html)
    for p in printed:
        assert any(c.replace(" ", "") == p for c in cells), (p, cells)
        assert p in html.replace(" ", "")
    # the workbook keeps a number, shown as the Word report and the web page print it
    shown = [excel_shows(c.value, c.number_format) for ws in book.worksheets for row in ws.iter_rows() for c in row
             if isinstance(c.value, float)]
    for p in printed:
        assert p in shown, (p, shown)

@pytest.mark.parametrize("seed", SEEDS[1:3])
def test_models_take_the_studys_first_wave_whatever_the_row_order(seed):
    """The same panel reversed, shuffled, and read back from a file in another order gives the models' effects of the
    panel as built (the study's waves, the first its reference): on main's head a reversed panel was fitted against its
    last wave. change_by_status and attrition_effects (with the study) alike."""
    from impact.effects import attrition_effects, change_by_status, intervention_effects
    from impact.panel import participant_panel

    study, truth = _generate(12, seed, waves=5)
    panel = participant_panel(study, truth.coded())
    codes = ["learning", "partnership"]
    reversed_ = panel.iloc[::-1]
    shuffled = panel.sample(frac=1, random_state=seed)
    # a panel saved and read back keeps no attrs: its rows here begin at the last wave
    read_back = pd.read_csv(io.StringIO(panel.sort_values("wave", key=lambda w: w.map(
        {x: -i for i, x in enumerate(WAVES5)})).to_csv(index=False)))
    assert reversed_["wave"].iloc[0] == "three_years" and read_back["wave"].iloc[0] == "three_years"

    def fits(p):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return {"intervention_effects": intervention_effects(p, codes=codes, n_permutations=99),
                    "change_by_status": change_by_status(p, study=study, codes=codes),
                    "attrition_effects": attrition_effects(p, study, codes=codes, methods=["complete"])}

    def key(frame):
        cols = [c for c in ("code", "term", "wave", "method") if c in frame.columns]
        return frame.sort_values(cols).reset_index(drop=True)[[*cols, "estimate", "p_value"]]

    want = fits(panel)
    terms = set(want["intervention_effects"]["term"])
    assert {"wave_early", "wave_three_years"} <= terms and "wave_expectations" not in terms
    for other in (reversed_, shuffled, read_back):
        got = fits(other)
        for name in want:
            pd.testing.assert_frame_equal(key(got[name]), key(want[name]), check_exact=False, rtol=1e-6,
                                          check_dtype=False, obj=name)

"""What the report states about a study, against the truth planted in it: round 11.

Designs the rounds before did not try, each with a seed unused by any other test:

* a study of 16 councils (seed 1110001), 5 interviews a wave, with a planted fall: promotion of learning, planted to
  rise after the review and then fall below where it started by the last wave (log-odds +1 at early impact, -2.5 at
  longer-term change, beside the rise every impact shares);
* a study of 8 councils (seed 1110007), every one in intervention throughout, so that no comparison by status is
  possible and the models are fitted on wave alone;
* a study of 10 councils (seed 1110009) coded against the review themes codebook, whose codes are themes.

The Word report's "About this report" table is read from the rendered document.
"""

from __future__ import annotations

import io
import re

import numpy as np
import pytest
from conftest import (
    analysed_synthetic,
    analysed_themes,
    once_per_worker,
    report_of,
    reported_with_status,
    summary_bullets,
    summary_of,
)

from impact.report import Bullets

pytestmark = pytest.mark.xdist_group("report_truth_round11")

IMPACTS = ["commitment", "plans_actions", "learning", "policies_systems", "morale", "partnership"]


# --------------------------------------------------------------------------- 1. a fall after the review
@pytest.fixture(scope="module")
def falling():
    """``(study, truth, findings)``: 16 councils, learning planted to rise at early impact and fall by the last wave.
    5 interviews a wave (3 before round 53): with 3, the models' disclosure rule withholds five of the six models,
    learning's among them (their margins would narrow suppressed counts); with 5 every model is shown."""
    return once_per_worker(("round11", "falling"), lambda: analysed_synthetic(
        16, 1110001, interviews_per_wave=5, words_per_interview=100, parts=["models"],
        effects={"code_wave_log_odds": {"learning": {"expectations": 0.0, "early": 1.0, "longer_term": -2.5}}}))


def test_a_fall_between_the_waves_after_the_review_is_stated(falling):
    """Learning was reported by most participants soon after the review and by few a year on. Each later wave was
    compared with the first (before the review) only, and the summary said of learning at the last wave "no
    significant change between expectations before the review and longer-term change": no sentence said it had fallen.
    The models now compare the last wave with the first after the review too; their contrast equals a statsmodels GEE
    (exchangeable, councils as clusters, Mancl-DeRouen covariance) of the planted coding with early impact as the
    reference wave, and the summary names the planted fall, with a direction read from the planted coding's shares."""
    import statsmodels.api as sm
    import statsmodels.formula.api as smf
    from statsmodels.stats.multitest import multipletests

    study, truth, f = falling
    d = reported_with_status(study, truth, IMPACTS)
    share = d[d["code"] == "learning"].groupby("wave", observed=True)["y"].mean()
    assert share["longer_term"] < share["early"] / 3  # the planted fall, in the planted coding
    since = f.models[f.models["term"] == "longer_term_vs_early"].set_index("code")
    assert set(since.index) == set(IMPACTS)
    for code in IMPACTS:
        fit = smf.gee("y ~ C(wave, Treatment('early')) + in_intervention", groups="council_id",
                      data=d[d["code"] == code], family=sm.families.Binomial(),
                      cov_struct=sm.cov_struct.Exchangeable()).fit(cov_type="bias_reduced")
        term = "C(wave, Treatment('early'))[T.longer_term]"
        assert since.loc[code, "estimate_gee"] == pytest.approx(fit.params[term], abs=1e-3), code
        if since.loc[code, "estimator"] == "gee":
            assert since.loc[code, "se"] == pytest.approx(fit.bse[term], rel=1e-3), code
    # Holm across the six impacts, as the models table's note says
    assert since["p_adjusted"].to_numpy() == pytest.approx(multipletests(since["p_value"], method="holm")[1])
    labels = dict(zip(f.codebook.codes["code_id"], f.codebook.codes["label"].str.lower(), strict=True))
    report_of(f)  # the whole report, which the module's other tests read, first: the summary is read from it
    [said] = [s for s in summary_bullets(f) if s.startswith("Between early impact and longer-term change, the models show")]
    assert f"{labels['learning']} reported less often at longer-term change (odds ratio {np.exp(since.loc['learning', 'estimate']):.2f}" in said
    changed, _, quiet = said.partition(". They show no significant change")
    named = [c for c in IMPACTS if labels[c] in changed]
    assert named == [c for c in IMPACTS if since.loc[c, "p_adjusted"] < 0.05], said
    assert changed.endswith("adjusted across the 6 impacts modelled (Holm)")
    # the impacts with no significant change are named after them (round 13)
    assert [c for c in IMPACTS if labels[c] in quiet] == [c for c in IMPACTS if c not in named]


def test_the_models_table_shows_the_contrast_between_the_later_waves(falling):
    """The models table gives the contrast of the last wave with the first after the review, in words, and its note
    says how its p is adjusted."""
    from impact.report import Table

    *_, f = falling
    report, _ = report_of(f)
    table = next(b for s in report.sections for b in s.blocks if isinstance(b, Table) and b.name == "gee_models")
    assert (table.data["contrast"] == "C(wave, Treatment('early'))[T.longer_term]").sum() == len(IMPACTS)
    assert report.vocabulary.term("C(wave, Treatment('early'))[T.longer_term]").lower().startswith("longer-term")
    assert "across impacts for the contrast of longer-term change with early impact" in table.notes


# --------------------------------------------------------------------------- 2. every council in intervention
@pytest.fixture(scope="module")
def all_in():
    """``(study, truth, findings)``: 8 councils, every one in intervention throughout."""
    return once_per_worker(("round11", "all_in"), lambda: analysed_synthetic(
        8, 1110007, interviews_per_wave=3, words_per_interview=100, intervention_paths={"throughout": 1.0},
        parts=["models"]))


def test_models_on_too_few_councils_without_a_status_term_say_so_in_the_summary(all_in):
    """Every council was in intervention throughout, so the models are fitted on wave alone, on 8 councils. The
    summary said nothing of change across the waves and nothing of why: the sentence saying the models rest on too
    few councils to be read spoke only where there was a status term. It now says so of the change across the waves,
    with the number of councils the models rest on (counted here from the planted truth)."""
    study, truth, f = all_in
    assert {tuple(c["in_intervention"].values()) for c in truth.councils} == {(True, True, True)}
    assert not (f.models["term"] == "in_intervention").any()
    n = len({c["council_id"] for c in truth.councils})
    [said] = [s for s in summary_bullets(f) if s.startswith("The models of whether participants reported each impact rest")]
    assert f"rest on {n} councils: below 10" in said and "states no change across the waves" in said, said
    assert not any(s.startswith("Compared with expectations before the review") for s in summary_bullets(f))


# --------------------------------------------------------------------------- 3. a codebook of themes
@pytest.fixture(scope="module")
def themed():
    """``(study, truth, coded, findings)``: 10 councils, the planted statements coded with review themes."""
    return once_per_worker(("round11", "themed"), lambda: analysed_themes(10, 1110009, interviews_per_wave=3,
                                                                        words_per_interview=100))


def test_themes_are_raised_not_reported_in_the_share_sustained(themed):
    """'Of the 39 themes that participants ... reported at early impact' spoke of themes (topics talked about) as of
    impacts (changes that happened), and the sentence left out for a suppressed count read 'the share of early themes
    still reported later' (themes that came early). The sentence now says the themes were raised, and its counts
    equal the coded themes' (pandas: per participant interviewed at both later waves and top-level theme)."""
    from conftest import held

    from impact.coding import Codebook
    from impact.pipeline import build_summary

    study, truth, coded, f = themed
    book = Codebook.load("review_themes")
    parent = dict(zip(book.codes["code_id"], book.codes["parent"], strict=True))
    top = coded.assign(code=coded["code"].map(parent))
    h = held(study, top, "asserted", sorted(top["code"].unique()))
    waves = study.interviews.groupby("participant_id")["wave"].agg(set)
    both = set(waves.index[waves.map(lambda s: {"early", "longer_term"} <= s)])
    h = h[h["participant_id"].isin(both)].pivot_table(index=["participant_id", "code"], columns="wave", values="held",
                                                        aggfunc="max")
    n_early, n_kept = int(h["early"].sum()), int((h["early"] & h["longer_term"]).sum())
    summary = build_summary(f, min_count=1)  # every count published: at 10 councils one behind the share is below 5
    items = [i for b in summary.blocks if isinstance(b, Bullets) for i in b.items]
    [said] = [s for s in items if s.startswith("Of the ") and "again at longer-term change" in s]
    assert said.startswith(f"Of the {n_early:,} themes that participants interviewed at both waves after the review "
                           f"raised at early impact (one per participant and theme), {n_kept:,}"), said
    assert "reported" not in said, said


def test_the_share_sustained_left_out_names_what_a_theme_is(themed):
    """Where a count behind it is too small to publish, the summary says the share is left out; it named it 'the
    share of early themes still reported later' (themes that came early, reported as changes). It now names the waves
    and says raised."""

    *_, f = themed
    items = [i for b in summary_of(f).blocks if isinstance(b, Bullets) for i in b.items]
    [said] = [s for s in items if s.startswith("This summary does not state")]
    assert ("the share of the themes participants raised at early impact that they raised again at longer-term "
            "change") in said and "early themes" not in said, said


def test_themes_most_often_raised_are_not_reported(themed):
    """'After the review, the themes most often reported were ...' spoke of topics talked about as of changes that
    happened, as the share sustained did. For a codebook of themes the sentence, and the summary's naming of it where
    it is left out, say raised; every theme it names is one coded after the review."""
    from impact.pipeline import build_summary

    study, truth, coded, f = themed
    for summary in (build_summary(f, min_count=1), summary_of(f)):
        items = [i for b in summary.blocks if isinstance(b, Bullets) for i in b.items]
        assert not any("most often reported" in s or "were most often reported" in s for s in items), items
        # round 17: the themes that stand out beyond chance, or that none does
        stated = [s for s in items if s.startswith("After the review, ") and " raised" in s.split("(")[0]]
        left_out = [s for s in items if "which themes were most often raised after the review" in s]
        assert len(stated) + len(left_out) == 1, items
    labels = {f.codebook.codes.set_index("code_id")["label"][c].lower() for c in f.codebook.codes["code_id"]}
    [said] = [s for s in [i for b in build_summary(f, min_count=1).blocks if isinstance(b, Bullets)
                          for i in b.items] if s.startswith("After the review, ") and " raised" in s.split("(")[0]]
    assert any(label in said for label in labels) or "no theme stood out as most often raised" in said, said


# --------------------------------------------------------------------------- 4. the Word report's last table
def test_the_about_table_item_column_is_readable(falling):
    """In the Word report's "About this report" table a 64-character fingerprint set the value column's minimum
    width, and the item column beside it wrapped to four lines ('Parameters: / adjustment / for multiple /
    comparisons'). Long words may now break in the cell, and a short column keeps its whole line: read from the
    rendered document, every item takes one line at its column's width, and every fingerprint is whole in its cell
    (to be copied)."""
    import docx

    from impact.report import render_docx
    from impact.report._docx import _CELL_MARGIN, _MEASURE
    from impact.report._layout import wrapped_lines

    *_, f = falling
    report, _ = report_of(f)
    doc = docx.Document(io.BytesIO(render_docx(report)))
    about = doc.tables[-1]
    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    widths = [int(g.get(f"{{{ns['w']}}}w")) / 20 for g in about._tbl.findall("w:tblGrid/w:gridCol", ns)]
    size = about.rows[1].cells[0].paragraphs[0].runs[0].font.size.pt
    # (a value too wide for its column, a fingerprint, is on a row of its own under its item, across the table:
    # round 36)
    items = [r.cells[0].text for r in about.rows[1:] if r.cells[0]._tc is not r.cells[1]._tc]
    values = [r.cells[1].text for r in about.rows[1:]]
    assert any(i.startswith("Parameters: adjustment for multiple comparisons") for i in items), items
    # measured as the text prints: Arial's widths inside the cell's two margins (render51 writes the columns by that
    # measure, with a quarter point of air that a width rounded to twips may lose; the older estimate, up to 10% wider,
    # no longer says how the text prints)
    lines = {i: wrapped_lines(i, widths[0] - 2 * _CELL_MARGIN, size, measure=_MEASURE) for i in items}
    assert max(lines.values()) == 1, {i: n for i, n in lines.items() if n > 1}  # before: 'Parameters: adjustment for multiple comparisons' on two here
    hashes = [h for v in values for h in re.findall(r"[0-9a-f]{64}", v)]
    assert hashes and all(len(h) == 64 for h in hashes)

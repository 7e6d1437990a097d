"""Round 8 of the report's wording and two statistics gaps, each against an independent computation or planted truth.

One synthetic study (seed 808, 16 councils, the planted coding supplied, models only) is analysed once; its
participant panel is changed where a case needs it (morale reported by only two participants in intervention, so
that its status contrast rests on few events) and refitted. The cases:

1. the summary's opening and the methods' "Coding:" line say who coded the interviews in the same words, for the
   package's coder, supplied codings with and without coder names, and supplied codings beside the package's coding
   of another codebook and a hand check;
2. the models table's note says which few-event contrasts show Firth's estimate (less biased, still imprecise) and
   which still show the GEE's (unstable), each against the table's rows;
3. ``missing="mice"`` carries the imputed fits' notes into the pooled result, counted;
4. the attrition sensitivity compares Firth with Firth where the models table shows Firth's estimate, checked against
   :func:`impact.stats.firth_logistic` on the same rows (weighted by independently estimated response weights);
5. the Word report's warning box is kept on one page.
"""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess
import warnings

import numpy as np
import pandas as pd
import pytest
from conftest import analysed_synthetic

from impact.report import Bullets, Callout, Paragraph, Report, Section
from impact.report._build import _Ctx, _methods, _models, _summary

pytestmark = pytest.mark.xdist_group("report_round8")

SEED = 808
WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]


@pytest.fixture(scope="module")
def study_findings():
    study, truth, f = analysed_synthetic(16, SEED, parts=("models",))
    return study, truth, f


@pytest.fixture(scope="module")
def rare_fits(study_findings, rare_morale):
    """The models and the attrition sensitivity of ``rare_morale``."""
    from impact.effects import attrition_effects, intervention_effects

    study, _, f = study_findings
    codes = list(f.codebook.top_codes())
    return (_quiet(intervention_effects, rare_morale, codes=codes, waves=study.wave_ids),
            _quiet(attrition_effects, rare_morale, study, codes=codes, waves=study.wave_ids))


@pytest.fixture(scope="module")
def rare_morale(study_findings):
    """The participant panel with morale reported by only two participants in intervention (the others' reports of
    it removed): its status contrast rests on fewer than 5 events on that side."""
    study, _, f = study_findings
    p = f.participant_panel
    inside = (p["code"] == "morale") & (p["status_group"] == "intervention")
    kept = p.index[inside & p["reported"].astype(bool)][:2]
    assert len(kept) == 2
    panel = p.copy()
    panel.loc[inside & ~panel.index.isin(kept), "reported"] = False
    return panel


def _ctx(findings, **changes):
    return _Ctx(dataclasses.replace(findings, **changes) if changes else findings, False, 5, 5, None)


def _quiet(fn, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fn(*args, **kwargs)


# --------------------------------------------------------------------------- 1. one wording of who coded
def _coding_line(ctx) -> str:
    [line] = [i for b in _methods(ctx).blocks if isinstance(b, Bullets) for i in b.items if i.startswith("Coding:")]
    return line


def _opening(ctx) -> str:
    return next(b.text for b in _summary(ctx).blocks if isinstance(b, Paragraph))


@pytest.mark.parametrize("case", ["machine", "named", "unnamed", "mix"])
def test_the_summary_and_the_methods_say_who_coded_in_the_same_words(study_findings, case):
    """The methods' 'Coding:' line printed the pipeline's description ("codings supplied by the user (1 coder);
    review_themes coded by the package's rule coder") beside the summary's newer wording. Both now come from one
    function. Each case's expected words are built here from the coding record and the hand check given."""
    study, truth, f = study_findings
    book = f.codebook.title
    hand = None
    if case == "machine":
        coding = {"source": "machine", "coders": ["machine"], "coder": "rule coder",
                  "description": "the package's rule coder (codebook version 2.0, impact version 0.1.0)",
                  "machine_books": ["impacts"], "machine_coded": {"nfer_impacts": "rule coder"}}
        who = "the package's rule coder (codebook version 2.0, impact version 0.1.0)"
    elif case == "named":
        coding = dict(f.coding)  # the pipeline's own record of the planted coding (one coder, named 'planted')
        k = len(coding["coders"])
        who = f"{WORDS[k]} {'coder' if k == 1 else 'coders'}, whose codings the user supplied"
    elif case == "unnamed":  # the fallback: supplied codings whose coders are not known
        coding = {**f.coding, "coders": [], "description": "codings supplied by the user (0 coders)"}
        who = "people, in codings the user supplied"
    else:  # two named coders, the package's coder on the review themes, and a hand check of a quarter
        coding = {**f.coding, "coders": ["A", "B"], "machine_books": ["themes"],
                  "machine_coded": {"review_themes": "rule coder"}}
        ids = sorted(study.interviews["interview_id"])[::4]
        coded = truth.coded()
        hand = coded[coded["interview_id"].isin(ids)].assign(coder="person")
        n = hand["interview_id"].nunique()
        who = ("two coders, whose codings the user supplied (and against the Peer review themes codebook by the package's "
               f"rule coder), and {WORDS[n] if n < len(WORDS) else n} interviews were coded again by people to check "
               "the coding (see the coding reliability section)")
    ctx = _ctx(f, coding=coding, hand_check=hand)
    clause = f"coded against the {book} codebook by {who}"
    opening, line = _opening(ctx), _coding_line(ctx)
    assert opening.endswith(f" {clause}."), opening
    assert line == f"Coding: the interviews were {clause}.", line
    # nothing of the pipeline's older description is left in either
    for text in (opening, line):
        assert "codings supplied by the user" not in text and not re.search(r"\(\d+ coders?\)", text), text


# --------------------------------------------------------------------------- 2. the few-events note
def _clauses(ctx, note: str, after: str) -> dict[str, set[str]]:
    """The note's clauses '<contrast> for <impacts>' of the sentence that goes on with ``after``
    (:func:`conftest.few_events_contrasts`), each with the impacts it names (labels hold "and": they are looked for,
    not split out; "every impact" is every one)."""
    from conftest import few_events_contrasts

    labels = [ctx.code(c).lower() for c in ctx.codes]
    return {what: set(labels) if impacts == "every impact" else {label for label in labels if label in impacts}
            for what, impacts in (few_events_contrasts(note, after) or {}).items()}


def _expected(ctx, models: pd.DataFrame, estimator: str) -> dict[str, set[str]]:
    first = ctx.short_wave(ctx.waves[0]).lower()
    words = {"in_intervention": "in intervention against not",
             **{f"wave_{w}": f"{ctx.short_wave(w).lower()} against {first}" for w in ctx.later}}
    rows = models[models["few_events"].astype(bool) & models["term"].isin(words) & models["estimator"].eq(estimator)]
    return {words[t]: {ctx.code(c).lower() for c in g["code"]} for t, g in rows.groupby("term")}


def _gee_note(ctx) -> str:
    return next(b.notes for b in _models(ctx).blocks if getattr(b, "name", None) == "gee_models")


def test_the_few_events_note_says_which_contrasts_firth_estimated_and_which_it_could_not(study_findings, rare_morale,
                                                                                          rare_fits, monkeypatch):
    """The note said the contrasts on few events show Firth's estimate, then that 'their odds ratios and intervals are
    unstable and could change greatly with one participant more or less', the GEE's words. Now one sentence names
    the contrasts Firth estimated (less biased, no more precise) and another those still shown by the GEE (Firth's
    fit failed: unstable), each checked against the models table's rows: with Firth working, with it failing, and a
    table holding both."""
    import impact.stats
    from impact.effects import intervention_effects

    study, _, f = study_findings
    codes = list(f.codebook.top_codes())
    firth = rare_fits[0]
    status = firth.set_index(["code", "term"])
    assert status.loc[("morale", "in_intervention"), "few_events"]
    assert status.loc[("morale", "in_intervention"), "estimator"] == "firth"

    def fails(*args, **kwargs):
        raise ValueError("planted failure")

    with monkeypatch.context() as m:
        m.setattr(impact.stats, "firth_logistic", fails)
        gee = _quiet(intervention_effects, rare_morale, codes=codes, waves=study.wave_ids)
    assert gee["estimator"].eq("gee").all() and gee["few_events"].astype(bool).any()
    # both: morale's status contrast from the failed refit, its wave contrasts Firth's
    swap = (firth["code"] == "morale") & (firth["term"] == "in_intervention")
    both = pd.concat([firth[~swap], gee[(gee["code"] == "morale") & (gee["term"] == "in_intervention")]],
                     ignore_index=True)
    for models in (firth, gee, both):
        ctx = _ctx(f, models=models, attrition=None)
        note = _gee_note(ctx)
        by_firth = _clauses(ctx, note, " and is shown by Firth's estimate") or _clauses(ctx, note, " and are shown "
                                                                                                  "by Firth's estimate")
        by_gee = _clauses(ctx, note, ", and Firth's fit could not replace the GEE's")
        assert by_firth == _expected(ctx, models, "firth"), note
        assert by_gee == _expected(ctx, models, "gee"), note
        # the GEE's words go with GEE rows only, Firth's with Firth's rows only
        assert ("could change greatly with one participant more or less" in note) == bool(by_gee), note
        assert ("less biased than the GEE's with so few events, but no more precise" in note) == bool(by_firth), note
    assert _expected(_ctx(f), both, "firth") and _expected(_ctx(f), both, "gee")


# --------------------------------------------------------------------------- 3. the pooled notes of imputed fits
def test_imputation_carries_the_imputed_fits_notes_counted():
    """``missing="mice"`` returned only its own note: a caveat every imputed fit gave (here: an odds ratio resting on
    fewer than 5 events at the first wave) was not in the pooled result. Planted: 60 participants, about 2 events in 48
    at the first wave. How many imputed data sets have fewer than 5 events at the reference wave is counted here from
    each fit's own rows (its endog and exog), not from the package's note."""
    from impact.stats import longitudinal_model

    rng = np.random.default_rng(SEED)
    n = 60
    d = pd.DataFrame({"participant_id": np.repeat(np.arange(n), 3), "council_id": np.repeat(np.arange(n) % 15, 3),
                      "wave": np.tile([0, 1, 2], n)})
    d["y"] = (rng.random(len(d)) < np.where(d["wave"] == 0, 0.03, 0.5)).astype(float)
    d.loc[rng.random(len(d)) < 0.2, "y"] = np.nan
    m = 5
    res = _quiet(longitudinal_model, d, formula="y ~ C(wave)", unit="council_id", subject="participant_id",
                 time="wave", family="binomial", method="gee", missing="mice", n_imputations=m)
    few = 0
    for fit in res.fit_result:
        x = pd.DataFrame(fit.model.exog, columns=fit.model.exog_names)
        y = np.asarray(fit.model.endog)
        cells = [y[(x.iloc[:, 1:] == 0).all(axis=1)]] + [y[x[c] == 1] for c in x.columns[1:]]
        few += any(min(c.sum(), (1 - c).sum()) < 5 for c in cells)
    assert few >= 1  # the planted case makes the note fire
    pooled = [n for n in res.notes if n.startswith("few events")]
    assert len(pooled) == 1, res.notes  # each distinct note once, however many fits gave it
    assert re.search(rf"\(in {few} of {m} imputed fits(, details from the first)?\)$", pooled[0]), pooled
    assert res.notes[0].startswith("multiple imputation")


# --------------------------------------------------------------------------- 4. Firth beside Firth
def test_the_attrition_sensitivity_compares_firth_with_firth_where_the_models_table_shows_firth(study_findings,
                                                                                                 rare_morale, rare_fits):
    """The attrition table set the GEE's complete-case and weighted estimates beside a models table that shows
    Firth's for the same contrast. Now, where the models table shows Firth's, every method is Firth's: the complete
    case equals the models table's figure and firth_logistic on the same rows; the weighted one equals firth_logistic
    with response weights estimated here (statsmodels' unpenalised logistic GLM of response on wave x status over
    every participant and wave). The table's note says which impacts show Firth's and which the GEE's."""
    import statsmodels.api as sm

    from impact.stats import firth_logistic

    study, _, f = study_findings
    codes = list(f.codebook.top_codes())
    models, a = rare_fits
    status = models[models["term"] == "in_intervention"].set_index("code")
    shown_by = a.groupby("code")["estimator"].agg(set)
    for code in codes:
        assert shown_by[code] == {status.loc[code, "estimator"]}, (code, shown_by[code])
    morale = a[a["code"] == "morale"].set_index("missing")
    assert set(morale.index) == {"complete", "ipw"}
    # complete cases: the models table's figure, and Firth's fit called directly on the rows interviewed
    rows = rare_morale[(rare_morale["code"] == "morale") & rare_morale["status_group"].notna()]
    d = rows.assign(y=rows["reported"].astype(int), wave=pd.Categorical(rows["wave"], categories=study.wave_ids),
                    in_intervention=rows["status_group"].eq("intervention").astype(int))
    direct = firth_logistic(d, formula="y ~ C(wave) + in_intervention", unit="council_id").params.loc["in_intervention"]
    for col in ("estimate", "ci_low", "ci_high", "p_value"):
        # the models table's p of a status contrast with few councils on a side is a randomisation test's; the model's
        # own (compared like with like across the attrition methods) is kept as p_value_model
        shown = status.loc["morale", "p_value_model" if col == "p_value" else col]
        assert morale.loc["complete", col] == pytest.approx(shown, rel=1e-6, abs=1e-8)
        assert morale.loc["complete", col] == pytest.approx(direct[col], rel=1e-6, abs=1e-8)
    # weighted: every participant at every wave, status from the study, response modelled on wave x status
    ws = study.wave_status()[["council_id", "wave", "intervention"]]
    grid = (study.participants[["participant_id", "council_id"]]
            .merge(pd.DataFrame({"wave": study.wave_ids}), how="cross").merge(ws, on=["council_id", "wave"]))
    grid = grid[grid["intervention"].notna()].assign(
        in_intervention=lambda g: g["intervention"].isin(["notice", "direction"]).astype(int))
    seen = d[["participant_id", "wave", "y"]].assign(wave=lambda x: x["wave"].astype(str))
    grid = grid.merge(seen, on=["participant_id", "wave"], how="left")
    grid["responded"] = grid["y"].notna().astype(int)
    design = pd.get_dummies(grid["wave"], drop_first=True, dtype=float)
    design = pd.concat([design, grid["in_intervention"].astype(float),
                        design.mul(grid["in_intervention"], axis=0).add_suffix(":in")], axis=1)
    response = sm.GLM(grid["responded"], sm.add_constant(design), family=sm.families.Binomial()).fit()
    grid["w"] = grid["responded"].mean() / response.predict(sm.add_constant(design))
    observed = grid[grid["responded"] == 1].assign(y=lambda g: g["y"].astype(int),
                                                   wave=lambda g: pd.Categorical(g["wave"], categories=study.wave_ids))
    weighted = firth_logistic(observed, formula="y ~ C(wave) + in_intervention", unit="council_id",
                              weights="w").params.loc["in_intervention"]
    for col in ("estimate", "ci_low", "ci_high"):  # the same maximum-likelihood response model (abs=2e-3 when sklearn's)
        assert morale.loc["ipw", col] == pytest.approx(weighted[col], rel=1e-5, abs=1e-6)
    assert abs(morale.loc["ipw", "estimate"] - morale.loc["complete", "estimate"]) > 1e-4  # a different fit
    # the table shows these and its note says which fits they are
    ctx = _ctx(f, models=models, attrition=a)
    table = next(b for b in _models(ctx).blocks if getattr(b, "name", None) == "attrition_sensitivity")
    shown = table.data.set_index("impact")
    assert shown.loc["morale", "complete_odds_ratio"] == pytest.approx(np.exp(direct["estimate"]))
    assert shown.loc["morale", "weighted_odds_ratio"] == pytest.approx(np.exp(morale.loc["ipw", "estimate"]))
    label = ctx.code("morale").lower()
    assert (f"For {label}, whose intervention contrast the models table shows by Firth's penalised likelihood, every "
            "column is Firth's fit of the same rows") in table.notes, table.notes
    assert "For the other impacts each is a GEE fit" in table.notes, table.notes
    # without the planted rarity no impact's status contrast is Firth's, and the note says every column is the GEE's
    plain = _ctx(f)
    assert set(f.attrition["estimator"]) == {"gee"}
    note = next(b for b in _models(plain).blocks if getattr(b, "name", None) == "attrition_sensitivity").notes
    assert "Each is a GEE fit" in note and "Firth's fit of the same rows" not in note, note


# --------------------------------------------------------------------------- 5. the warning box on one page
def _long_report() -> Report:
    text = " ".join(f"Sentence {i} of the summary, long enough to fill the page with ordinary prose." for i in range(48))
    box = " ".join(f"Caveat {i}: read this with care, as the box must stay whole." for i in range(22))
    return Report("Round 8", "", {}, [Section("Summary", [Paragraph(text), Paragraph(text[:3300]), Paragraph(text[:1600]),
                                                         Callout(box, kind="warning")])])


def _box_pages(soffice: str, data: bytes, where) -> list[int]:
    """The pages (0-based) of the PDF LibreOffice renders of ``data`` that hold part of the warning box."""
    where.mkdir()
    (where / "r.docx").write_bytes(data)
    subprocess.run([soffice, f"-env:UserInstallation=file://{where}/lo", "--headless", "--convert-to", "pdf",
                    "--outdir", str(where), str(where / "r.docx")], check=True, capture_output=True, timeout=120)
    pages = subprocess.run(["pdftotext", "-layout", str(where / "r.pdf"), "-"], check=True, capture_output=True,
                           text=True).stdout.split("\f")
    return [i for i, page in enumerate(pages) if "Caveat" in page]


def test_the_word_warning_box_is_kept_on_one_page(tmp_path):
    """The summary's warning box split three lines onto page 3 of the example's Word report. The box's paragraph now
    keeps its lines together. Where LibreOffice is installed, a box placed to straddle a page break (it does, with
    the keep-together flag taken out of the same document) is rendered on one page."""
    import docx

    from impact.report._docx import render_docx

    data = render_docx(_long_report())
    boxes = [p for p in docx.Document(io.BytesIO(data)).paragraphs if p.text.startswith("Warning: ")]
    assert len(boxes) == 1 and boxes[0].paragraph_format.keep_together
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice or pdftotext is not installed: the rendering is not checked")
    assert len(_box_pages(soffice, data, tmp_path / "kept")) == 1
    loose = docx.Document(io.BytesIO(data))
    [box] = [p for p in loose.paragraphs if p.text.startswith("Warning: ")]
    box.paragraph_format.keep_together = None
    out = io.BytesIO()
    loose.save(out)
    assert len(_box_pages(soffice, out.getvalue(), tmp_path / "loose")) == 2  # the case is one a page break splits


def test_firth_in_longitudinal_model_is_refused_for_a_gaussian_outcome():
    from impact.stats import longitudinal_model

    d = pd.DataFrame({"council_id": [1, 1, 2, 2], "wave": [0, 1, 0, 1], "y": [0.5, 1.0, 0.2, 0.1]})
    with pytest.raises(ValueError, match=r"`method='firth'` fits binomial outcomes only, but family='gaussian'"):
        longitudinal_model(d, formula="y ~ wave", unit="council_id", method="firth")

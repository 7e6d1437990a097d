"""Report truth, round 37: the caveats read the tables the report built (one source of truth for which figures are
shown); no caveat of a comparisons or change-over-time table whose every figure is c; the survey model's own warnings
name their table; a separated fit gives one reason, its cause."""

from __future__ import annotations

import dataclasses
import warnings

import pandas as pd
from conftest import tiny_analysed
from test_report_truth_round36 import PATHS, WAVES, _no_one_at_first

from impact._warning_words import MODEL_FIGURES, library_caveat


def _caveat(figures: str, message: str = "overflow encountered in exp") -> str:
    """A library caveat of ``figures`` as provenance.json holds it (the warning's class first)."""
    return "StatisticalWarning: " + library_caveat(RuntimeWarning, message, figures, logistic=False)


def _built(findings, min_count: int):
    """``(tables by name, provenance)`` of the report built with ``min_count``."""
    from impact.pipeline import build_report
    from impact.report import Table

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        report, _ = build_report(findings, min_count=min_count)
    tables = {b.name: b.data for s in report.sections for b in s.blocks if isinstance(b, Table)}
    return tables, report.provenance


def _twelve(parts: tuple[str, ...] = ("comparisons", "change", "survey")):
    """``(study, findings)``: 12 councils, one interview a wave, analysed with their planted coding (``parts``); read
    through conftest.twelve_one_a_wave (once per run)."""
    from impact.pipeline import analyse
    from impact.synth import generate_with_truth

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        study, truth = generate_with_truth(12, seed=2, interviews_per_wave=1, words_per_interview=50)
        return study, analyse(study, coded=truth.coded(), n_resamples=99, seed=1, parts=list(parts))


def _with_caveats(findings, caveats: list[str]):
    return dataclasses.replace(findings, provenance={
        **findings.provenance, "statistical_warnings": [*findings.provenance["statistical_warnings"], *caveats]})


def _shows(table: pd.DataFrame, columns: list[str]) -> bool:
    cells = table[[c for c in columns if c in table.columns]]
    return bool((cells.ne("c") & cells.notna()).any(axis=None))


def test_a_caveat_of_the_comparisons_or_the_change_is_said_only_where_its_table_shows_a_figure(twelve_one_a_wave):
    """Planted: a library caveat of the comparisons and one of the change over time (12 councils). With min_count 1
    their tables show figures and the caveats are published; with min_count above the councils every figure of both
    tables is c, and a caveat of them told of figures no reader sees: withheld, and counted in the ledger."""
    study, findings = twelve_one_a_wave
    # the analysis's words for these figures (impact.pipeline), as on main before MODEL_FIGURES named them
    planted = [_caveat("the comparisons of councils by intervention status"),
               _caveat("the tests of change across the waves")]
    f = _with_caveats(findings, planted)
    columns = {"comparisons": ["difference", "p_value", "p_adjusted"],
               "change_over_time": ["median_expectations", "median_longer_term", "p_value", "p_adjusted"]}
    for min_count, seen in ((1, True), (len(study.councils) + 1, False)):
        tables, prov = _built(f, min_count)
        for (name, cols), caveat in zip(columns.items(), planted, strict=True):
            assert _shows(tables[name], cols) == seen, (min_count, tables[name])
            assert (caveat in prov["statistical_warnings"]) == seen, (min_count, prov["statistical_warnings"])
        ledger = tables.get("suppressions", pd.DataFrame(columns=["reason", "withheld"]))
        withheld = ledger[ledger["reason"].astype(str).str.contains("caveat_of_suppressed")]
        assert (withheld["withheld"].astype(int).sum() >= 2) != seen, withheld


def test_a_caveat_follows_the_table_as_built(twelve_one_a_wave, monkeypatch):
    """The caveats read the cells of the tables the report built, not a second rule that works out again what they
    suppress. Planted: a caveat of the survey model by intervention status, and the table's builder changed to
    suppress every figure (as a new rule of it would): the caveat is withheld with it. And the attrition sensitivity
    table whose every fit separated shows no odds ratio (blank, with the note saying why): a caveat of those models
    told of figures not shown, where the old rule (a side of few councils) kept it."""
    import impact.report._build as build

    _, twelve = twelve_one_a_wave
    assert twelve.survey_by_status is not None and len(twelve.survey_by_status)
    caveat = _caveat(MODEL_FIGURES["survey_by_status"], "divide by zero encountered in log")
    f = _with_caveats(twelve, [caveat])
    tables, prov = _built(f, 1)
    assert _shows(tables["survey_by_status"], ["estimate"]) and caveat in prov["statistical_warnings"]
    real = build._survey_by_status

    def all_suppressed(ctx, ok):
        table = real(ctx, ok)
        figures = ["estimate", "se", "ci_low", "ci_high", "p_value"]
        return dataclasses.replace(table, data=table.data.assign(**{c: "c" for c in figures}))

    monkeypatch.setattr(build, "_survey_by_status", all_suppressed)
    tables, prov = _built(f, 1)
    assert not _shows(tables["survey_by_status"], ["estimate"])
    assert caveat not in prov["statistical_warnings"], prov["statistical_warnings"]
    monkeypatch.undo()

    tiny = tiny_analysed()
    codes = sorted(set(tiny.participant_panel["code"]))
    a = pd.DataFrame([{"code": c, "measure": "reported", "missing": m, "estimate": 40.0, "se": 1e4, "ci_low": -2e4,
                       "ci_high": 2e4, "p_value": 1.0, "n_obs": 30, "n_units": 3, "separation": sep,
                       "estimator": "gee"} for c in codes for m in ("complete", "weighted") for sep in (True,)])
    caveat = _caveat(MODEL_FIGURES["attrition_sensitivity"])
    for separated in (False, True):
        g = _with_caveats(dataclasses.replace(tiny, attrition=a.assign(separation=separated)), [caveat])
        tables, prov = _built(g, 1)
        shown = _shows(tables["attrition_sensitivity"], ["complete_odds_ratio", "weighted_odds_ratio"])
        assert shown == (not separated), tables["attrition_sensitivity"]
        assert (caveat in prov["statistical_warnings"]) == shown, prov["statistical_warnings"]


def test_the_survey_models_own_warnings_name_the_table(monkeypatch):
    """Planted: the survey's mixed model (impact.stats) warns, as it does of a fit that did not converge cleanly,
    in its own words; the caveat named no table ("The model did not converge cleanly: ..."), where every other caveat
    names its figures. It now begins with the survey model's, of each of the two fits, and is withheld with them where
    their tables show no figure."""
    import impact.stats
    from impact.errors import StatisticalWarning
    from impact.pipeline import analyse
    from impact.synth import generate_with_truth

    real = impact.stats.longitudinal_model

    def planted(*args, **kwargs):
        warnings.warn("The model did not converge cleanly: zq planted.", StatisticalWarning, stacklevel=2)
        return real(*args, **kwargs)

    monkeypatch.setattr(impact.stats, "longitudinal_model", planted)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        study, truth = generate_with_truth(12, seed=2, interviews_per_wave=1, words_per_interview=50)
        findings = analyse(study, coded=truth.coded(), n_resamples=99, seed=1, parts=["survey"])
    # said in a reader's words since round 42 ("did not settle on a best fit"), the message kept for provenance.json
    said = [c for c in findings.provenance["statistical_warnings"] if "did not settle on a best fit" in c]
    kept = [s for s in findings.provenance["statistical_warning_sources"] if "zq planted" in s]
    figures = [f"{f[:1].upper()}{f[1:]}" for f in (MODEL_FIGURES["survey_model"], MODEL_FIGURES["survey_by_status"])]
    assert findings.survey_model is not None and findings.survey_by_status is not None
    assert sorted(c.split(": ", 2)[1] for c in said) == sorted(figures), said
    assert all(any(s.endswith(f"; {f[:1].lower()}{f[1:]})") for s in kept) for f in figures), kept
    tables, prov = _built(findings, len(study.councils) + 1)  # every survey figure c: withheld with them
    assert not _shows(tables["survey_model"], ["estimate"])
    assert not any("did not settle" in c for c in prov["statistical_warnings"]), prov["statistical_warnings"]
    assert not any("zq planted" in s for s in prov.get("statistical_warning_sources", [])), prov


def test_a_separated_fit_gives_one_reason_its_cause():
    """Planted (:func:`test_report_truth_round36._no_one_at_first`): no one reporting the impact before the review, so
    every fit separates. Its sandwich then has no residual variation, and the caveats said both that the fit separated
    and that the standard error "is not identified: it rests on a single council", untrue where no status group is a
    single council: one reason, the cause. Where one status group is a single council (one council in intervention
    throughout), that is true of the contrast, and said."""
    from impact import intervention_effects

    lone = ["nnn", "iii", "nnn", "nnn", "nnn", "nnn", "nnn"]
    for seed in range(3):
        for paths, single in ((PATHS, False), (lone, True)):
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                out = intervention_effects(_no_one_at_first(seed, paths), measure="reported", waves=WAVES,
                                           n_permutations=19)
            assert out["separation"].all(), out
            said = [str(w.message) for w in caught]
            assert len([s for s in said if "separation" in s]) == 1, said
            if not single:
                assert not any("single council" in s or "could not be computed" in s for s in said), said
            else:
                status = out[out["term"] == "in_intervention"]
                assert (status[["n_units_intervention", "n_units_no_intervention"]].min(axis=1) == 1).all()

"""Report truth, round 36: one reason for one fit (a separated impact's model said in the caveats not to have
converged while the models table said separation, seed 35071, 7 councils); and no caveat about a figure the reader
cannot see."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

WAVES = ["expectations", "early", "longer_term"]

#: Each council's status at the three waves (i: in intervention, n: not, -: not interviewed), as at seed 35071.
PATHS = ["nnn", "iii", "iii", "iii", "-ii", "nni", "nnn"]


def _no_one_at_first(seed: int, paths: list[str] = PATHS) -> pd.DataFrame:
    """Planted: a council per status path of ``paths`` x 5 participants, no participant reporting the impact before the
    review (separation: the first wave's log-odds has no finite estimate), about a third of them at each later wave."""
    rng = np.random.default_rng(seed)
    return pd.DataFrame([{"participant_id": f"{c}-{p}", "council_id": c, "wave": w, "code": "a",
                          "status_group": "intervention" if path[k] == "i" else "no_intervention",
                          "reported": bool(k > 0 and rng.random() < 0.35)}
                         for c, path in enumerate(paths) for p in range(5) for k, w in enumerate(WAVES)
                         if path[k] != "-"])


def test_a_separated_fit_is_said_to_have_separated_not_to_have_failed_to_converge():
    """Planted (four draws of :func:`_no_one_at_first`): the fit separates by construction, and statsmodels ends some
    draws with finite estimates of a log-odds in the hundreds and others with no finite estimate at all. The models
    table marks every row ``separation``; the caveat of the same fit said "the fit did not converge" where the fit gave
    NaN. Each draw's caveat now gives the cause, separation (with "no finite estimates" where there are none), and no
    caveat of it says it did not converge; the package's own words are kept for provenance.json."""
    from impact import intervention_effects

    paths = set()
    for seed in range(4):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            out = intervention_effects(_no_one_at_first(seed), measure="reported", waves=WAVES, n_permutations=19)
        assert out["separation"].all(), out
        said = [str(w.message) for w in caught if "'a'" in str(w.message)]
        assert not any("converge" in s for s in said), said
        [cause] = [s for s in said if "separation" in s]
        none = not np.isfinite(out["estimate"].astype(float)).any()
        assert ("has no finite estimates" in cause) == none, cause
        assert "reported by all or by none of the participants" in cause, cause
        paths.add(none)
        kept = [w.message.sources for w in caught if "separation" in str(w.message)]
        assert kept and all(kept), kept
    assert paths == {True, False}  # both ends of statsmodels' fit were met


def test_a_separated_fit_shown_by_firths_estimates_is_not_said_to_be_unreliable():
    """Seed 36207 (14 councils): morale's GEE separated, and the models table showed Firth's penalised likelihood's
    estimates for it (finite, with a valid test; its note said so), while the caveat of the same fit said its
    estimates and standard errors were "not meaningful". Planted: 12 councils (Firth's fit is tried from 10), no one
    reporting the impact before the review. The caveat gives the cause, separation, and says that the figures shown
    are Firth's."""
    from impact import intervention_effects

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = intervention_effects(_no_one_at_first(0, PATHS + ["nnn", "iii", "nnn", "nni", "iii"]),
                                   measure="reported", waves=WAVES, n_permutations=19)
    assert out["separation"].all() and out["estimator"].eq("firth").all(), out
    said = [str(w.message) for w in caught if "'a'" in str(w.message)]
    [cause] = [s for s in said if "separation" in s]
    assert "those shown for it are Firth's penalised likelihood's" in cause, cause
    assert not any("not meaningful" in s or "cannot be relied on" in s or "converge" in s for s in said), said


def _warn_for(monkeypatch, measures: set[str], message: str) -> None:
    """Every :func:`impact.stats.staggered_did` of an indicator in ``measures`` issuing a RuntimeWarning with
    ``message`` (as numpy does, from outside the package) before its fit."""
    import impact.stats

    real = impact.stats.staggered_did

    def planted(data, *args, **kwargs):
        if data["measure"].iloc[0] in measures:
            warnings.warn(message, RuntimeWarning, stacklevel=2)
        return real(data, *args, **kwargs)

    monkeypatch.setattr(impact.stats, "staggered_did", planted)


def test_a_library_caveat_is_said_only_of_the_figures_shown(monkeypatch):
    """Planted: numpy's overflow while the change in two indicators is estimated, and one of them (re-referrals) with
    too few councils entering intervention for its estimate to be shown (c); and numpy's division by zero in the
    survey model. The caveat named both indicators, the suppressed one included: a caveat of a figure the reader
    cannot see, telling that it exists. It now names the one shown, after a notice; after the review (both shown)
    both; and with every estimate suppressed (min_count above the councils) no caveat of the indicators' change or of
    the survey model is published, the library's words of them neither, and the suppression ledger counts what was
    withheld."""
    import dataclasses

    from impact.pipeline import analyse, build_report
    from impact.synth import generate_with_truth

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        study, truth = generate_with_truth(12, seed=2, interviews_per_wave=1, words_per_interview=50)
    _warn_for(monkeypatch, {"rereferral_pct", "cpp_rate"}, "zq overflow encountered in exp")
    import impact.pipeline

    real = impact.pipeline.survey_effects

    def survey(*args, **kwargs):
        warnings.warn("zq divide by zero encountered in log", RuntimeWarning, stacklevel=2)
        return real(*args, **kwargs)

    monkeypatch.setattr(impact.pipeline, "survey_effects", survey)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        findings = analyse(study, coded=truth.coded(), n_resamples=99, seed=1, parts=["indicators", "survey"])
    assert findings.survey_model is not None and len(findings.survey_model)
    e = findings.indicator_effects
    assert e.loc[e["measure"].isin(["rereferral_pct", "cpp_rate"]), "estimate"].notna().all(), e
    notice = "after a council's first notice or direction (difference-in-differences)"
    [both] = [c for c in findings.provenance["statistical_warnings"] if notice in c]
    assert both.endswith("The change in cpp_rate and rereferral_pct " + notice + ": a number in the calculation went "
                         "beyond the range a computer holds, so figures resting on it may be extreme or missing."), both
    few = e.assign(n_treated=e["n_treated"].where(e["measure"] != "rereferral_pct", 2))
    planted = dataclasses.replace(findings, indicator_effects=few)

    def published(f, min_count=3):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            report, _ = build_report(f, min_count=min_count)
        from impact.report import Table

        [ledger] = [b.data for s in report.sections for b in s.blocks if isinstance(b, Table) and b.name == "suppressions"]
        caveats = ledger[ledger["reason"].eq("caveat_of_suppressed")]
        return {**report.provenance, "withheld": caveats}

    prov = published(planted)
    [said] = [c for c in prov["statistical_warnings"] if notice in c]
    assert said == both.replace("cpp_rate and rereferral_pct", "cpp_rate"), said
    assert any("The survey model (the change in survey scores across the waves): a quantity" in c
               for c in prov["statistical_warnings"]), prov  # its figures are shown
    review = [c for c in prov["statistical_warnings"] if "after the review (difference" in c]
    assert review and all("cpp_rate and rereferral_pct" in c for c in review), review
    sources = prov["statistical_warning_sources"]
    assert not any(s.endswith(f"rereferral_pct {notice})") for s in sources), sources
    assert any(s.endswith(f"cpp_rate {notice})") for s in sources), sources
    hidden = published(findings, min_count=len(study.councils) + 1)
    assert not any("difference-in-differences" in c for c in hidden["statistical_warnings"]), hidden
    assert not any("difference-in-differences" in s for s in hidden.get("statistical_warning_sources", ())), hidden
    assert not any("survey" in c for c in hidden["statistical_warnings"]), hidden  # its figures are all c
    assert not any("zq" in s for s in hidden.get("statistical_warning_sources", ())), hidden
    withheld = len([c for c in findings.provenance["statistical_warnings"]
                    if "difference-in-differences" in c or "survey" in c])
    assert withheld >= 2 and hidden["withheld"]["withheld"].astype(int).sum() == withheld, hidden["withheld"]


def test_a_caveat_of_an_attrition_table_all_suppressed_is_withheld():
    """Seed 35071 (7 councils): every row of the attrition sensitivity table is c (a side of few councils), so a
    library caveat of "the models weighted for missed interviews" would be of figures no reader sees. Planted: such a
    caveat and the table's odds ratios (the tiny study). Published where the table shows them (min_count 1), withheld
    where it suppresses every row (min_count 5)."""
    import dataclasses

    from conftest import tiny_analysed

    from impact.pipeline import build_report
    from impact.report import Table

    tiny = tiny_analysed()
    codes = sorted(set(tiny.participant_panel["code"]))
    a = pd.DataFrame([{"code": c, "measure": "reported", "missing": m, "estimate": 0.1, "se": 0.5, "ci_low": -0.9,
                       "ci_high": 1.1, "p_value": 0.8, "n_obs": 30, "n_units": 3, "separation": False,
                       "estimator": "gee"} for c in codes for m in ("complete", "weighted")])
    planted = ("StatisticalWarning: The models weighted for missed interviews (the attrition sensitivity table): a "
               "number in the calculation went beyond the range a computer holds, so figures resting on it may be "
               "extreme or missing.")
    f = dataclasses.replace(tiny, attrition=a, provenance={
        **tiny.provenance, "statistical_warnings": [*tiny.provenance["statistical_warnings"], planted]})
    for min_count in (1, 5):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            report, _ = build_report(f, min_count=min_count)
        [table] = [b.data for s in report.sections for b in s.blocks
                   if isinstance(b, Table) and b.name == "attrition_sensitivity"]
        shown = table["complete_odds_ratio"].ne("c")
        assert shown.all() if min_count == 1 else not shown.any(), table
        assert (planted in report.provenance["statistical_warnings"]) == (min_count == 1), report.provenance

"""Report truth, round 38: the per-impact models' caveats ("The longitudinal model of code 'x' (the models table):
...") read the models table as built, as round 37's caveats of the other tables do: a caveat of an impact whose figures
are all c or blank is withheld (and counted in the suppression ledger), one of several impacts names only those shown,
and one naming a contrast (the status term) is read against that contrast's row."""

from __future__ import annotations

import dataclasses

import pandas as pd
from conftest import tiny_analysed
from test_report_truth_round37 import _built, _caveat, _with_caveats

from impact.effects import _models_of

#: The mixed model's own warning (impact.stats._models) where a status group has one council, as
#: :func:`impact._warning_words.reissue_per_item` says it of the one impact that raised it.
_LONE = ("The standard error of in_intervention is not identified: it rests on a single council (such as the only "
         "council in a group) whose residuals the model fits exactly in that term's direction, so the sandwich has "
         "nothing to measure that council's own variation by (the robust one leaves it out, the bias-reduced one cannot "
         "be computed) and no standard error, test or interval is given. Use a randomisation test")


def _own(code: str) -> str:
    return f"NotIdentifiedWarning: {_LONE}, in {_models_of([code])}."


def _planted_models(codes: list[str], later: str, separated: str) -> pd.DataFrame:
    """Models of every impact (status and last-wave terms, 30 councils), ``separated``'s fit separated with no Firth
    estimate (its figures blank in the table)."""
    return pd.DataFrame([{"code": c, "measure": "reported", "term": term, "estimate": 0.5, "se": 0.2, "ci_low": 0.1,
                          "ci_high": 0.9, "p_value": 0.02, "p_adjusted": 0.1, "n_units": 30,
                          "separation": c == separated, "few_events": False, "estimator": "gee",
                          "n_units_intervention": 12, "n_units_no_intervention": 18}
                         for c in codes for term in ("in_intervention", f"wave_{later}")])


def test_a_caveat_of_the_per_impact_models_is_said_only_of_the_figures_the_models_table_shows(monkeypatch):
    """Planted: models of every impact of the tiny study, one (``apart``) separated with no Firth estimate (every
    figure of it blank in the models table), and caveats of them in the analysis's own words. On main every one was
    published, a caveat of ``apart``'s fit telling of figures no reader sees. Now: withheld where every figure it speaks
    of is blank, said of the impacts shown where it named several (or every impact), kept where they are shown. And
    the table's builder changed to suppress (c) one impact's status contrast, as a rule of it does for a status group
    of too few councils: the caveat that contrast's standard error 'rests on a single council' is withheld with it (it
    told of a suppressed figure, and the group's size), while a caveat of that impact's whole model, whose wave
    contrast is shown, is kept."""
    import impact.report._build as build
    from impact.report._build import _Ctx

    tiny = tiny_analysed()
    ctx = _Ctx(tiny, False, 5, 5, None)
    codes = list(ctx.codes)
    assert len(codes) >= 3, codes
    lone, apart, other = codes[0], codes[1], codes[2]
    f = dataclasses.replace(tiny, models=_planted_models(codes, ctx.later[-1], apart))
    planted = {"lone_status": _own(lone), "other_status": _own(other), "apart_status": _own(apart),
               "apart": _caveat(_models_of([apart])), "lone_model": _caveat(_models_of([lone])),
               "apart_and_other": _caveat(_models_of([apart, other])), "every": _caveat(_models_of(None))}
    f = _with_caveats(f, list(planted.values()))
    f = dataclasses.replace(f, provenance={**f.provenance, "statistical_warning_sources": [
        f"RuntimeWarning: overflow encountered in exp (x.py:1; {_models_of([c])})" for c in (apart, other)]})

    tables, prov = _built(f, 1)
    gee = tables["gee_models"].set_index(["impact", "contrast"])
    assert gee.loc[apart, "estimate"].isna().all() and gee.sort_index().drop(index=apart)["estimate"].notna().all(), gee
    said = prov["statistical_warnings"]
    assert planted["apart"] not in said and planted["apart_status"] not in said, said
    for kept in ("lone_status", "other_status", "lone_model"):
        assert planted[kept] in said, (kept, said)
    assert planted["apart_and_other"] not in said and _caveat(_models_of([other])) in said, said
    assert planted["every"] not in said and _caveat(_models_of([c for c in codes if c != apart])) in said, said
    sources = prov["statistical_warning_sources"]
    assert not any(repr(apart) in s for s in sources) and any(repr(other) in s for s in sources), sources
    ledger = tables["suppressions"]
    withheld = ledger[ledger["reason"].astype(str).str.contains("caveat_of_suppressed")]
    assert withheld["withheld"].astype(int).sum() == 2, withheld

    real = build._status_of_few
    monkeypatch.setattr(build, "_status_of_few", lambda c, rows: real(c, rows) | (
        (rows["code"] == lone) & (rows["term"] == "in_intervention")))
    tables, prov = _built(f, 1)
    gee = tables["gee_models"].set_index(["impact", "contrast"])
    assert gee.loc[(lone, "in_intervention"), "estimate"] == "c", gee
    said = prov["statistical_warnings"]
    assert planted["lone_status"] not in said, said
    assert planted["lone_model"] in said and planted["other_status"] in said, said


def test_the_randomisation_note_describes_no_figure_of_a_suppressed_intervention_contrast(late_shift):
    """Seed 3811 (10 councils, 3 in intervention at the first waves, 2 at the last): every intervention contrast of
    the models table was c, and its notes said of them 'the p-value is that of a randomisation test ...; the estimate
    and interval shown are still the model's', of cells holding c. Planted: every impact's status contrast with one
    council on a side, tested by randomisation: the note describes the test only where a contrast it tests is shown
    (truth43: it described a test whose every p-value was c; tables/models.csv gives each one's p_method), and then
    says the estimate and interval shown are the model's; with min_count 1, where they are shown, it does.
    The models are planted on the shared 40-council study (``late_shift``), whose margins let them be shown; on the
    5-council tiny study, since disclosure53, the models are withheld whole at min_count 5: no models table, and no
    note of a randomisation test anywhere in the report."""
    from impact.report._build import _Ctx

    def planted(findings):
        ctx = _Ctx(findings, False, 5, 5, None)
        models = _planted_models(list(ctx.codes), ctx.later[-1], "").assign(
            n_units_intervention=1, n_units_no_intervention=29, p_method="randomisation", p_value_model=0.01,
            ri_n=999, ri_exact=False)
        return dataclasses.replace(findings, models=models)

    f = planted(late_shift[2])
    for min_count, shown in ((5, False), (1, True)):
        (gee, notes), _ = _models_table(f, min_count)
        status = gee[gee["contrast"] == "in_intervention"]
        assert len(status) == 6 and (status["estimate"] == "c").all() != shown, status
        assert ("the p-value is that of a randomisation test" in notes) == shown, notes
        assert ("the estimate and interval shown are still the model's" in notes) == shown, notes
    table, texts = _models_table(planted(tiny_analysed()), 5)
    assert table is None and not any("randomisation test" in t for t in texts)


def _models_table(findings, min_count: int) -> tuple[tuple[pd.DataFrame, str] | None, list[str]]:
    """The models table of the report built with ``min_count``, as built, and its notes (None where the report has
    no models table); and every text of the report (paragraphs, callouts, bullets, tables' notes)."""
    import warnings

    from impact.pipeline import build_report
    from impact.report import Bullets, Table

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        report, _ = build_report(findings, min_count=min_count)
    blocks = [b for s in report.sections for b in s.blocks]
    texts = [t for b in blocks for t in (b.items if isinstance(b, Bullets) else
                                         [b.notes] if isinstance(b, Table) else [getattr(b, "text", "")])]
    return next(((b.data, b.notes) for b in blocks if isinstance(b, Table) and b.name == "gee_models"), None), texts


def test_the_coder_caveat_offers_no_hand_check_where_the_models_cannot_tell_status():
    """Seed 3811 (10 councils, 3 in intervention): the summary said the models 'have too few councils in one status
    group ... so this report states no difference between councils in and not in intervention ... as a finding', and
    its warning below that 'the summary states a difference by intervention status in the other impact as a finding
    only when a hand check ... agrees', a way to a finding the summary had ruled out. Planted: machine-coded models of
    every impact with one council in intervention (no status contrast can be read), and with 12 (each can)."""
    from impact.report._build import _caveats, _Ctx

    tiny = tiny_analysed()
    assert tiny.coding.get("source") == "machine"
    codes = list(_Ctx(tiny, False, 5, 5, None).codes)
    later = _Ctx(tiny, False, 5, 5, None).later[-1]
    for inside, thin in ((1, True), (12, False)):
        models = _planted_models(codes, later, "").assign(n_units_intervention=inside)
        said = " ".join(_caveats(_Ctx(dataclasses.replace(tiny, models=models), False, 5, 5, None)))
        assert "cannot show that the coder errs alike" in said, said  # the plant reaches the sentence
        assert ("only when a hand check" in said) != thin, said
        assert ("states no difference by intervention status as a finding in any case, as one status group has too "
                "few councils in the models" in said) == thin, said

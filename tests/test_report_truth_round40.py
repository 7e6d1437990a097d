"""Report truth, round 40: a fit stopped by one of the package's own errors said in a reader's words (its message,
written for an analyst calling the package, kept for provenance.json), as a library's error is; the models table's
note on the adjustment of the intervention contrast, the indicators' 'read the randomisation p-value' and the
reassignments drawn said only where the table shows such a figure; and no figure of a line of one point."""

from __future__ import annotations

import dataclasses
import re
import warnings

import numpy as np
import pandas as pd
import pytest

#: What a message written for an analyst names: an argument or column in backticks, a formula, a quoted identifier.
_ANALYSTS_WORDS = re.compile(r"`|~|'[^']*'|\bcontrol=|\bformula\b")


@pytest.fixture(scope="module")
def tiny():
    """The tiny study analysed (:func:`conftest.tiny_analysed`, once per process)."""
    from conftest import tiny_analysed

    return tiny_analysed()


def _report_of(findings, **options):
    from impact.pipeline import build_report

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return build_report(findings, **options)


def _blocks(findings, **options) -> list:
    report, _ = _report_of(findings, **options)
    return [b for s in report.sections for b in s.blocks]


# --------------------------------------------------------------------------- item 1: the package's own errors
def test_the_survey_model_refused_by_the_package_is_said_in_a_readers_words(tiny):
    """The tiny study's survey answers come from one council: the survey model is refused by the package's own
    check, whose message ('... needs rows from at least two units, but the 2 rows with every variable of the model come
    from a single one (`council_id`)') was printed among the report's caveats as it was. The caveat now says in words
    that the model rests on a single council and what the report is without; the message is kept in provenance.json's
    statistical_warning_sources, where the package's file is named."""
    from conftest import page_text

    survey = tiny.study.survey_responses
    assert survey["council_id"].nunique() == 1  # the planted cause: one council answered the survey
    [said] = [c for c in tiny.provenance["statistical_warnings"] if "could not be fitted" in c]
    words = said.split("could not be fitted:", 1)[1]
    assert "a single council" in words and "needs at least two" in words, said
    assert not _ANALYSTS_WORDS.search(words) and "unit" not in words and "rows" not in words, said
    assert said.rstrip(".").endswith("so the report has no model of the change in survey scores"), said
    [source] = [s for s in tiny.provenance.get("statistical_warning_sources", ()) if "at least two units" in s]
    assert source.startswith("NotIdentifiedError: A model of repeated measures needs rows from at least two units")
    assert "impact/stats/_models.py, line" in source and "the survey model" in source, source
    text = page_text(tiny)
    assert "at least two units" not in text and "a model of councils needs at least two" in text


def _raised(call) -> BaseException:
    try:
        call()
    except Exception as exc:  # noqa: BLE001 - the package's own error, whatever its class
        return exc
    raise AssertionError("the planted call did not raise")


def _frame(units: int, waves: int = 3, *, outcome=None) -> pd.DataFrame:
    rng = np.random.default_rng(40)
    rows = [{"council_id": f"c{u}", "respondent_id": f"r{u}{k}", "wave": w, "in_intervention": u % 2,
             "score": float(rng.normal(3, 1)) if outcome is None else outcome}
            for u in range(units) for k in range(2) for w in range(waves)]
    return pd.DataFrame(rows).astype({"wave": "category"})


def _own_errors() -> dict[str, BaseException]:
    """The package's own errors raised by its fits on planted data, by what the data lack."""
    import impact.stats
    from impact.stats import longitudinal_model, staggered_did

    def fit(d, formula="score ~ C(wave) + in_intervention"):
        return longitudinal_model(d, formula=formula, unit="council_id", time="wave", subject="respondent_id",
                                  method="mixed", family="gaussian")

    one_period = pd.DataFrame({"unit": list("abcd"), "time": [1.0] * 4, "y": [1.0, 2.0, 3.0, 4.0],
                               "g": [1.0, 1.0, np.inf, np.inf]})
    return {
        "single council": _raised(lambda: fit(_frame(1), "score ~ C(wave)")),
        "no complete observation": _raised(lambda: fit(_frame(4, outcome=np.nan))),
        "terms not told apart": _raised(lambda: fit(_frame(4).assign(in_intervention=1))),
        "one period": _raised(lambda: staggered_did(one_period, outcome="y", unit="unit", time="time",
                                                    first_treated="g")),
        "unknown": _raised(lambda: impact.stats.adjust_pvalues([0.5], method="zq")),
    }


#: The words each planted failure must be said in (what it means for the figures), the same for every such error.
_MEANS = {"single council": "a single council", "no complete observation": "has every figure it needs",
          "terms not told apart": "cannot tell some of its quantities apart", "one period": "a single period",
          "unknown": "kept in provenance.json"}


def test_each_of_the_packages_own_errors_is_said_in_words_its_message_kept():
    """Planted: the package's own fitting functions refusing data with one council, no complete observation, a status
    no council lacks, one period (the difference-in-differences), and an error no rule knows (an argument refused).
    Each message named arguments, columns or formulas and was said as it was, with no source; now each says what it
    means for the figures, in words naming none of them, and keeps the message (and the package's file) on the
    warning for provenance.json. The indicators' 'not estimable' note says the same words."""
    from impact._warning_words import LibraryWarning, failure_words, fit_failed

    for kind, exc in _own_errors().items():
        message = str(exc)
        w = fit_failed(exc, "the survey model", "the report has no survey model", logistic=False)
        words = str(w).split("could not be fitted:", 1)[1]
        assert isinstance(w, LibraryWarning) and _MEANS[kind] in words, (kind, str(w))
        assert message not in str(w) and not _ANALYSTS_WORDS.search(words.replace("provenance.json", "")), (kind, w)
        [source] = w.sources
        assert source.startswith(f"{type(exc).__name__}: {message} (impact/stats/"), (kind, source)
        note, kept = failure_words(exc, logistic=False)
        assert note == words.split(", so the report has")[0].strip() and kept.startswith(type(exc).__name__), kind


def refused_indicators(monkeypatch, **options) -> pd.DataFrame:
    """Every indicator's difference-in-differences refused by the package's own check (the data observed in one
    period): :func:`impact.indicators._staggered_by_measure`'s rows (``options`` passed on)."""
    from types import SimpleNamespace

    import impact.stats
    from impact.indicators import _staggered_by_measure

    error = _own_errors()["one period"]

    def refused(*args, **kwargs):
        raise error

    monkeypatch.setattr(impact.stats, "staggered_did", refused)
    periods = pd.to_datetime(["2010-03-31", "2011-03-31", "2012-03-31"])
    ind = pd.DataFrame([{"measure": m, "period": p, "council_id": c, "value": float(k + i)}
                        for m in ("cin_rate", "rereferral_pct") for i, c in enumerate("ABCD")
                        for k, p in enumerate(periods)])
    starts = pd.Series(pd.to_datetime(["2011-01-01", "2011-06-01", None, None]), index=list("ABCD"))
    return _staggered_by_measure(SimpleNamespace(indicators=ind), starts, control="never_treated", alpha=0.05,
                                 n_permutations=9, seed=1, **options)


def test_an_indicator_refused_by_the_package_says_why_in_words(monkeypatch):
    """Planted: every indicator's difference-in-differences refused by the package's own check (the data observed in
    one period). The note read 'not estimable: `data` has one period ([1.0]) with an observed outcome: a
    difference-in-differences needs at least two.'; it says in words why, naming no argument."""
    out = refused_indicators(monkeypatch)
    assert len(out) == 2 and out["note"].str.startswith("not estimable: its figures are observed in a single period").all(), \
        out["note"].tolist()
    assert not out["note"].str.contains("`", regex=False).any(), out["note"].tolist()


# --------------------------------------------------------------------------- item 2: the models table's Holm clause
def test_the_models_note_says_the_intervention_contrast_is_adjusted_only_where_one_is_shown(machine_checked_core):
    """Planted (round 39's models): 2 councils of 30 in intervention, so every intervention contrast is c at the
    default min_count, yet the note said 'p adjusted (Holm) across impacts for the intervention contrast' (seed 3907,
    8 councils). Now the clause is said where a contrast is shown (min_count 1), and the wave contrasts' is kept."""
    from test_report_truth_round39 import _base, _both, _report

    base = _base(machine_checked_core)  # (round 39's planted models on a study whose models are shown: disclosure53)
    hidden, _ = _report(base, _both, 2)
    status = hidden.data[hidden.data["contrast"] == "in_intervention"]
    assert len(status) and status.drop(columns=["impact", "contrast"]).eq("c").all(axis=None), status
    assert "for the intervention contrast, and across" not in hidden.notes, hidden.notes
    assert "p adjusted (Holm) across impacts and later waves together" in hidden.notes, hidden.notes
    shown, _ = _report(base, _both, 2, min_count=1)
    status = shown.data[shown.data["contrast"] == "in_intervention"]
    assert status.drop(columns=["impact", "contrast"]).ne("c").all(axis=None), status
    assert "p adjusted (Holm) across impacts for the intervention contrast, and across" in shown.notes, shown.notes


# --------------------------------------------------------------------------- item 3: the indicators' tables all c
def _indicator_did_blocks(tiny, n_treated: int):
    """The paragraph and table of the change after a notice, and those of the change after the review, with planted
    effects of ``n_treated`` councils on the treated side (fewer than 5: every figure c)."""
    from test_report_truth_round35 import _notice_effects

    from impact.report import Paragraph, Table

    ri = {"cin_rate": 0.2, "rereferral_pct": 0.004}
    notice = _notice_effects(ri).assign(n_treated=n_treated)
    review = notice.assign(group="all")
    blocks = _blocks(dataclasses.replace(tiny, indicator_effects=notice, review_indicator_effects=review))
    out = {}
    for name in ("indicator_did", "indicator_review_did"):
        at = next(i for i, b in enumerate(blocks) if isinstance(b, Table) and b.name == name)
        [said] = [b.text for b in blocks[at - 1:at] if isinstance(b, Paragraph)]
        out[name] = (said, blocks[at])
    return out


def test_an_indicator_table_all_suppressed_sends_no_reader_to_its_p_values(tiny):
    """Planted: each indicator's change after a notice and after the review, 2 councils treated (every figure c),
    randomisation p from 999 reassignments. The section said 'With few councils, read the randomisation p-value' and
    the note gave the interval's method and '(999 random reassignments)' for cells that all held c (seed 3907, 8
    councils). Now neither; with 12 councils treated, where the figures are shown, both are said."""
    for name, (said, table) in _indicator_did_blocks(tiny, 2).items():
        figures = table.data.drop(columns=["measure"])
        assert figures.drop(columns=["n_control"]).eq("c").all(axis=None), table.data
        assert "read the randomisation p-value" not in said, (name, said)
        assert "random reassignments" not in table.notes and "interval and p-value from" not in table.notes, \
            (name, table.notes)
        assert "Shown where at least 5 councils" in table.notes and "((" not in table.notes, table.notes
    for name, (said, table) in _indicator_did_blocks(tiny, 12).items():
        assert table.data["ri_p_value"].map(lambda v: isinstance(v, float)).all(), table.data
        assert "read the randomisation p-value" in said, (name, said)
        assert "(999 random reassignments), adjusted across the indicators (Holm" in table.notes, table.notes
        assert "interval and p-value from" in table.notes, table.notes


# --------------------------------------------------------------------------- item 4: a figure of one point
def _trends(lone_only: bool) -> pd.DataFrame:
    """Planted indicator trends over three periods, 6 councils in each group: re-referrals have a mean at one period
    in councils never in intervention (none elsewhere); children in need have both groups' means at every period,
    unless ``lone_only``."""
    periods = pd.to_datetime(["2012-03-31", "2013-03-31", "2014-03-31"])
    rows = []
    for k, p in enumerate(periods):
        for g in ("intervention", "no_intervention"):
            lone = 25.0 if (g == "no_intervention" and k == 0) else np.nan
            rows.append({"measure": "rereferral_pct", "period": p, "status_group": g, "n_councils": 6,
                         "mean": lone, "median": lone, "n_suppressed": 0})
            if not lone_only:
                rows.append({"measure": "cin_rate", "period": p, "status_group": g, "n_councils": 6,
                             "mean": 300.0 + 10 * k, "median": 300.0 + 10 * k, "n_suppressed": 0})
    return pd.DataFrame(rows)


def test_no_figure_of_a_line_of_one_point(tiny):
    """Seed 3907, 8 councils: the figure of the outcome indicators was one dot, re-referrals in councils never in
    intervention in 2009, every other year's mean c; a point says nothing of change. Planted: that lone mean alone,
    no figure is drawn and the sentence in its place says why; beside an indicator with both groups' lines, the figure
    has that indicator's panel alone and its caption says a line of one period is left out."""
    from impact.report import Figure, Paragraph

    blocks = _blocks(dataclasses.replace(tiny, indicator_trends=_trends(True)))
    assert not any(isinstance(b, Figure) and b.name == "indicator_trends" for b in blocks)
    [none] = [b.text for b in blocks if isinstance(b, Paragraph) and b.text.startswith("No figure of the outcome")]
    assert "a single point shows no change" in none, none

    blocks = _blocks(dataclasses.replace(tiny, indicator_trends=_trends(False)))
    [fig] = [b for b in blocks if isinstance(b, Figure) and b.name == "indicator_trends"]
    assert [ax.get_title() for ax in fig.fig.axes] == ["Children in need (per 10,000 children)"]
    assert "Small line charts, one per indicator (1)" in fig.alt_text, fig.alt_text
    assert "a group's line with a mean at one period only" in fig.alt_text, fig.alt_text


# --------------------------------------------------------------------------- item 5: seed 40417, 10 councils
def test_the_missed_interviews_note_names_the_fits_only_of_odds_ratios_shown(machine_checked_core):
    """Seed 40417, 10 councils, one in intervention before the last wave: every odds ratio of the missed-interviews
    table was c, as was every intervention contrast of the models table, yet its note said 'For revision of policies,
    processes and systems; and improvement in staff morale and relations, whose intervention contrast the models table
    shows by Firth's penalised likelihood, every column is Firth's fit ...' and 'For the other impacts each is a GEE
    fit'. Planted (round 39's models and attrition fits): one impact's fits are Firth's. With 2 councils of 30 in
    intervention the note names no fit; with 12, where the odds ratios are shown, it names both."""
    from test_report_truth_round39 import _attrition, _base, _both, _models

    from impact.report import Table
    from impact.report._build import _Ctx

    base = _base(machine_checked_core)  # (round 39's planted models on a study whose models are shown: disclosure53)
    ctx = _Ctx(base, False, 5, 5, None)
    codes = list(ctx.codes)
    firth = codes[2]
    for k in (2, 12):
        models = _models(codes, _both(ctx.later), k)
        models.loc[models["code"].eq(firth), "estimator"] = "firth"
        attrition = _attrition(codes, "").assign(estimator=lambda d: np.where(d["code"].eq(firth), "firth", "gee"))
        f = dataclasses.replace(base, models=models, attrition=attrition)
        [table] = [b for b in _blocks(f) if isinstance(b, Table) and b.name == "attrition_sensitivity"]
        named = f"For {ctx.code(firth).lower()}, whose intervention contrast the models table shows by Firth's"
        shown = not table.data.drop(columns="impact").eq("c").all(axis=None)
        assert shown == (k == 12), table.data
        assert (named in table.notes) == shown and ("each is a GEE fit" in table.notes) == shown, (k, table.notes)
        assert "  " not in table.notes, table.notes


def test_no_p_value_is_moved_to_not_a_finding_columns_that_would_hold_c_alone():
    """Seed 40417: every cell of the comparisons by intervention status was c, and the note said 'The p-values of rows
    that are not findings (the machine coding of the impact is not confirmed in both status groups) are in 'p-value
    (not a finding)' and 'Adjusted p-value (not a finding)'', columns holding c alone. Planted tables of machine-coded
    rows: where each p-value is c (or blank), none is moved and the notes say nothing of it; where one row shows its
    p-value, that row's is moved and the notes say so."""
    from impact.report._build import _unconfirmed_p

    hidden = pd.DataFrame({"impact": ["a", "b", "c"], "difference": ["c", "c", np.nan],
                           "p_value": ["c", "c", np.nan], "p_adjusted": ["c", "c", np.nan]})
    out, labels, note = _unconfirmed_p(hidden, [True, True, True], "the machine coding is not confirmed")
    assert out.equals(hidden) and labels == {} and note == "", (out, note)

    shown = hidden.assign(p_value=["c", 0.2, np.nan], p_adjusted=["c", 0.6, np.nan])
    out, labels, note = _unconfirmed_p(shown, [True, True, False], "the machine coding is not confirmed")
    assert out["p_value_unconfirmed"].tolist()[:2] == ["c", 0.2] and "p_value_unconfirmed" in note, (out, note)

"""Report truth, round 27: what round 26 left open (codes named by their identifiers in the statistical caveats, a
stray '.;' where the caveats are joined, a caveat not saying of which result its rows are, the survey table silent on
a model fitted on wave alone, a difference not that of the rounded figures beside it, the review themes codebook not
named by its title), and what whole reports on new seeds showed (30711, 150 councils; 30744, 5 councils): the
recommendation code named by its identifier, differences in percentage points shown as percentages. Each test is built
from planted data or the shared tiny study, not from one seed's numbers."""

from __future__ import annotations

import dataclasses
import re
import warnings
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest

WAVES = ["expectations", "early", "longer_term"]


@pytest.fixture(scope="module")
def tiny_findings():
    """The hand-written tiny study (:func:`conftest.make_tiny_study`) analysed with the package's coder."""
    from conftest import tiny_analysed

    return tiny_analysed()


def _lower_first(text: str) -> str:
    from impact.report._labels import _lower_first

    return _lower_first(text)


def _page_text(findings) -> str:
    from conftest import page_text

    return page_text(findings)


def _ctx(findings, min_count: int = 5):
    from impact.report._build import _Ctx

    return _Ctx(findings, False, min_count, 5, None)


# --------------------------------------------------------------------------- 1. the statistical caveats
def _caveats_of_a_study_none_in_intervention():
    """The library's own warnings, as the pipeline records them, for a planted panel of 8 councils of which none is in
    intervention (each impact's model is fitted on wave alone) and, in the test of change by status group, a single
    council in intervention (its rows are not tested) and one council missing a wave."""
    import impact
    from impact.effects import intervention_effects
    from impact.errors import recorded_warnings
    from impact.stats import change_over_time

    codes = list(impact.Codebook.nfer().top_codes())
    rng = np.random.default_rng(27)
    panel = pd.DataFrame([{"council_id": f"c{c}", "participant_id": f"c{c}p{p}", "wave": w, "code": code,
                           "status_group": "no_intervention", "reported": bool(rng.random() < 0.4)}
                          for c in range(8) for p in range(3) for w in WAVES for code in codes])
    shares = panel.groupby(["council_id", "wave", "code"], as_index=False)["reported"].mean()
    shares["status_group"] = np.where(shares["council_id"] == "c0", "intervention", "no_intervention")
    shares = shares[~((shares["council_id"] == "c1") & (shares["wave"] == "early"))]
    shares["wave"] = pd.Categorical(shares["wave"], categories=WAVES)
    with recorded_warnings() as caught:
        intervention_effects(panel, codes=codes, waves=WAVES, n_permutations=9)
        change_over_time(shares, outcome="reported", time="wave", unit="council_id", group="status_group", by="code")
    return codes, sorted({f"{type(w.message).__name__}: {w.message}" for w in caught})


def test_the_caveats_name_every_code_by_its_label_and_join_cleanly(tiny_findings):
    """Seed 30648 (6 councils, none in intervention): the caveats read "GEE for code 'commitment'", 'learning',
    'morale', 'partnership' (one-word identifiers) beside the labels of the two-word ones, and '... only complete
    cases are tested.; Impact: ...'. Every code is now named by its codebook label, as the codebook writes it, and the
    caveats are joined with one stop each."""
    from conftest import report_of

    from impact.report._format import report_provenance

    codes, caught = _caveats_of_a_study_none_in_intervention()
    assert sum("fitted on wave alone" in w for w in caught) == len(codes)  # the case this test is about
    assert any(w.endswith(".") for w in caught) and not all(w.endswith(".") for w in caught)
    report, _ = report_of(tiny_findings)
    [(_, text)] = [(k, v) for k, v in report_provenance({"statistical_warnings": caught}, report.vocabulary)
                   if k == "Statistical caveats"]
    book = tiny_findings.codebook.codes.set_index("code_id")["label"]
    for code in codes:
        # round 28: the label in words mid-sentence, not in quotes nor in Title Case
        assert f"GEE for {_lower_first(book[code])} fitted on wave alone" in text, (code, text)
        assert not re.search(rf"(?<![\w-]){re.escape(code)}(?![\w-])", text.replace(_lower_first(book[code]), "")), \
            (code, text)
    assert not re.search(r"[.;,:]\s*[.;]", text), text
    assert text.endswith(".") and not text.endswith("..")


def test_a_caveat_on_rows_not_tested_says_of_which_result_and_which_rows(tiny_findings):
    """Seed 30531 (15 councils, null): 'Small sample: 6 rows of the result have fewer than two councils with a
    complete series and were not tested' did not say of which result, nor which rows. Planted: one council in
    intervention with a complete series, so every impact's row in that group is untested; the caveat names the test
    (the change in the outcome across the waves, one row per code and status group, without brackets: round 25) and
    the rows (every code, in
    intervention), as the report's vocabulary words them."""
    from conftest import report_of

    from impact.report._format import report_provenance

    codes, caught = _caveats_of_a_study_none_in_intervention()
    [small] = [w for w in caught if "complete series" in w]
    n = len(codes)
    assert small.startswith(f"SmallSampleWarning: {n} of the {2 * n} rows of the change in 'reported' across 'wave', "
                            "one per 'code' and 'status_group', have fewer than two councils"), small
    assert small.endswith("were not tested: every 'code', status_group 'intervention'."), small
    report, _ = report_of(tiny_findings)
    [text] = [v for k, v in report_provenance({"statistical_warnings": [small]}, report.vocabulary)
              if k == "Statistical caveats"]
    assert "one per impact and intervention status" in text and "every impact, in intervention" in text, text  # round 28


def test_rows_not_tested_are_listed_where_they_are_no_block():
    """Rows untested in no pattern (one code in one group, another in the other) are each named, the first five and a
    count of the rest."""
    from impact.stats import change_over_time

    rows = []
    for c in range(6):
        for w in ("before", "after"):
            for code in ("a", "b"):
                group = "x" if c < 3 else "y"
                # code 'a' has one council with a complete series in group x, code 'b' one in group y
                if (code == "a" and group == "x" and c > 0 and w == "after") or \
                        (code == "b" and group == "y" and c > 3 and w == "after"):
                    continue
                rows.append({"u_id": c, "wave": w, "g": group, "code": code, "y": (c + len(w)) % 2})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        change_over_time(pd.DataFrame(rows), outcome="y", time="wave", unit="u_id", group="g", by="code",
                         times=["before", "after"])
    [small] = [str(w.message) for w in caught if "complete series" in str(w.message)]
    assert small.endswith("not tested: code 'a', g 'x'; code 'b', g 'y'."), small


# --------------------------------------------------------------------------- 2. the survey table on wave alone
@pytest.mark.parametrize("paths", [{"never": 1.0}, {"throughout": 1.0}])
def test_the_survey_table_says_when_intervention_status_is_left_out(tiny_findings, paths):
    """Round 26 fitted the survey model on wave alone where no council's status differs from another's at any wave,
    and said so in the model's notes; the table under it said only 'Linear mixed model ... (REML); estimates in scale
    points', as if status were in the model. Planted: 8 councils all in one status throughout; the table's note now
    says that the model has no term for status, and why, in the model's own words."""
    from impact.effects import survey_effects
    from impact.report import Table
    from impact.report._build import _models
    from impact.synth import generate_with_truth

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        study, _ = generate_with_truth(8, seed=2727, interviews_per_wave=1, words_per_interview=50,
                                       effects={"survey_shift": 1.0}, intervention_paths=paths)
        model = survey_effects(study)
    alone = "survey model fitted on wave alone:"  # how the model's notes say so (round 26)
    [why] = [n[len(alone):].strip() for n in model.attrs["notes"] if n.startswith(alone)]
    findings = dataclasses.replace(tiny_findings, survey_model=model, survey_by_status=None)
    ctx = _ctx(findings, min_count=1)
    [table] = [b for b in _models(ctx).blocks if isinstance(b, Table) and b.name == "survey_model"]
    assert "in_intervention" not in set(model["term"])
    assert f"fitted on wave alone, with no term for intervention status: {why}." in table.notes, table.notes
    # a model with status in it says nothing of the kind
    with_status = model.copy()
    with_status.attrs["notes"] = [n for n in model.attrs["notes"] if not n.startswith(alone)]
    ctx = _ctx(dataclasses.replace(tiny_findings, survey_model=with_status, survey_by_status=None), min_count=1)
    [table] = [b for b in _models(ctx).blocks if isinstance(b, Table) and b.name == "survey_model"]
    assert "wave alone" not in table.notes


# --------------------------------------------------------------------------- 3. rounded figures and differences
def _survey_by_status(not_in: float, in_: float, wave: str = "longer_term") -> pd.DataFrame:
    """A survey-by-status frame whose difference is that of its two changes, as the interaction model's is."""
    rows = [{"wave": wave, "term": t, "estimate": e, "se": 0.05, "ci_low": e - 0.1, "ci_high": e + 0.1,
             "p_value": 0.2, "n_units_intervention": 9, "n_units_no_intervention": 9}
            for t, e in (("change_not_in_intervention", not_in), ("change_in_intervention", in_),
                         ("change_difference", in_ - not_in))]
    rows.append({**rows[0], "term": "status_at_first", "wave": WAVES[0], "estimate": 0.01})
    return pd.DataFrame(rows)


def _shown(x: str) -> Decimal:
    return Decimal(x.replace("+", ""))


# changes whose rounded figures do not subtract to the rounded difference, and ones that do (0.1449 and 0.2389: 0.14,
# 0.24 and 0.09, as seed 30619 read), drawn from a fixed generator
_RNG = np.random.default_rng(2027)
_PAIRS = [(0.1449, 0.2389), (0.24, 0.14), *[tuple(np.round(_RNG.uniform(-0.6, 0.9, 2), 4)) for _ in range(8)]]


def _comparing(findings, **changes):
    """``findings`` with ``changes``, as a study whose councils are compared by status: the tiny study's three councils
    (one in intervention) are not, and the survey's sentence follows the comparisons' rule since truth77."""
    kept = {k: v for k, v in findings.not_computed.items() if k != "comparisons"}
    return dataclasses.replace(findings, not_computed=kept, **changes)


def test_a_difference_beside_its_two_rounded_figures_is_checkable(tiny_findings):
    """Seed 30619: the survey sentence gave changes of +0.14 and +0.24 and 'a difference of 0.09' (worked from the
    unrounded 0.1449 and 0.2389). The rule: a difference is that of the unrounded figures, as its interval and p are;
    where the figures shown do not subtract to it, the sentence says so, and the table's note too. Planted pairs of
    changes, some whose rounded figures subtract to the rounded difference and some not; the sentence's three figures
    are read back from it."""
    from impact.report._build import _survey_by_status as _survey_by_status_table
    from impact.report._build import _survey_sentences

    apart = 0
    for not_in, in_ in _PAIRS:
        sb = _survey_by_status(not_in, in_)
        ctx = _ctx(_comparing(tiny_findings, survey_by_status=sb), min_count=1)
        ctx.shown = lambda *keys: True  # the tiny study's survey counts are not what this test is about
        [sentence] = _survey_sentences(ctx)
        m = re.search(r"changed by ([+-]?\d+\.\d\d) points .* and by ([+-]?\d+\.\d\d) .*: a difference of "
                      r"([+-]?\d+\.\d\d) points \(([^)]*)\)", sentence)  # signed since render45
        assert m, sentence
        a, b, d = (_shown(m.group(i)) for i in (1, 2, 3))
        assert (a, b, d) == tuple(Decimal(f"{x:.2f}") for x in (not_in, in_, in_ - not_in))
        apart += b - a != d
        assert ("worked from the unrounded changes" in m.group(4)) == (b - a != d), sentence
        table = _survey_by_status_table(ctx, True)
        assert ("each difference is worked from the unrounded changes" in table.notes) == (b - a != d), table.notes
    assert 0 < apart < len(_PAIRS)  # both cases were met


def test_the_rounding_rule_holds_on_the_survey_of_a_generated_study(tiny_findings):
    """The same rule on the survey of a generated study (12 councils, half in intervention, a planted rise there):
    whatever the figures, the sentence's difference is either that of its figures or said to be worked from the
    unrounded ones."""
    from impact.effects import survey_change_by_status
    from impact.report._build import _survey_sentences
    from impact.synth import generate_with_truth

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        study, _ = generate_with_truth(12, seed=2728, interviews_per_wave=1, words_per_interview=50,
                                       effects={"survey_shift": 0.3, "survey_shift_by_intervention": 0.5},
                                       intervention_paths={"never": 0.5, "throughout": 0.5})
        sb = survey_change_by_status(study)
    ctx = _ctx(_comparing(tiny_findings, survey_by_status=sb), min_count=1)
    ctx.shown = lambda *keys: True
    sentences = _survey_sentences(ctx)
    assert sentences
    for sentence in sentences:
        m = re.search(r"changed by ([+-]?\d+\.\d\d) points .* and by ([+-]?\d+\.\d\d) .*: a difference of "
                      r"([+-]?\d+\.\d\d) points \(([^)]*)\)", sentence)  # signed since render45
        a, b, d = (_shown(m.group(i)) for i in (1, 2, 3))
        assert (b - a == d) != ("worked from the unrounded changes" in m.group(4)), sentence


# --------------------------------------------------------------------------- 4. codebooks and codes by their names
def test_the_framework_matrix_names_the_themes_codebook_by_its_title(tiny_findings):
    """The framework matrix said 'coded by the package's machine coder with the review themes codebook', its
    identifier put into words, where every other section names a codebook by its title."""
    from impact.coding import Codebook

    title = Codebook.load("review_themes").title
    text = _page_text(tiny_findings)
    assert f"coded by the package's machine coder with the {title} codebook)" in text
    assert "the review themes codebook" not in text.replace(f"the {title} codebook", "")


def test_the_lessons_name_the_recommendation_code_by_its_label(tiny_findings):
    """'(the ... codebook's recommendation code)' and 'a share rests on the reading of the recommendation code' (seeds
    30648, 30711): the code's identifier, where the report names every other code by its label. Both now give the
    codebook's label."""
    from impact.coding import Codebook

    book = Codebook.load("review_process")
    label = book.codes.set_index("code_id").loc["recommendation", "label"]
    text = _page_text(tiny_findings)
    assert "recommendation code" not in text
    assert f"coded {_lower_first(label)}, a code of the " in text  # round 28: in words mid-sentence, not quoted


def test_a_code_quoted_in_prose_is_named_by_its_label():
    """A code's identifier quoted in a sentence (a library warning's ``{code!r}``) is named by its label, as the
    codebook writes it, whether it is one word ('learning') or more ('plans_actions'); a quoted word the vocabulary
    does not know, and an apostrophe, are left alone."""
    import impact
    from impact.report._labels import Vocabulary

    book = impact.Codebook.nfer().codes.set_index("code_id")["label"]
    v = Vocabulary().with_codes(book.to_dict())
    assert [c for c in book.index if "_" not in c]  # the case this test is about
    for code in book.index:
        # round 28: the label in words mid-sentence (lower case, no quotes), the column's name dropped
        assert v.prose(f"the model for code {code!r} was fitted") == f"the model for {_lower_first(book[code])} was fitted"
        assert v.prose(f"the model for {code!r} was fitted") == f"the model for {_lower_first(book[code])} was fitted"
    assert v.prose("we don't know 'nothing' here") == "we don't know 'nothing' here"


# --------------------------------------------------------------------------- 5. percentage points
def test_differences_in_share_are_shown_in_points_not_percent(tiny_findings):
    """Seed 30711: the comparisons table headed its column 'Difference in share (percentage points)' and showed
    '-50%' and '0% to 0%' in it, a relative change to a reader. Planted Hodges-Lehmann shifts; the shown cells are the
    shifts times 100, in points, with no per cent sign."""
    from impact.report import Table
    from impact.report._build import _comparisons
    from impact.report._format import display_frame

    shifts = [-0.5, 0.25, 0.0]
    planted = pd.DataFrame({"code": ["commitment", "learning", "morale"], "wave": ["early"] * 3,
                            "group_a": "no_intervention", "group_b": "intervention", "median_a": 0.5, "median_b": 0.25,
                            "hodges_lehmann": shifts, "hodges_lehmann_ci_low": [s - 0.25 for s in shifts],
                            "hodges_lehmann_ci_high": [s + 0.25 for s in shifts], "effect": 0.1, "p_value": 0.5,
                            "p_adjusted": 1.0})
    ctx = _ctx(dataclasses.replace(tiny_findings, comparisons=planted), min_count=1)
    ctx.shown = lambda *keys: True
    [table] = [b for b in _comparisons(ctx).blocks if isinstance(b, Table) and b.name == "comparisons"]
    shown = display_frame(table.data, table.columns_format, vocabulary=ctx.vocabulary, labels=table.labels)
    heads, units = shown.attrs["labels"], shown.attrs["units"]
    [diff] = [c for c in shown.columns if str(heads[c]).startswith("Difference in share")]
    [ci] = [c for c in shown.columns if str(heads[c]).endswith("CI")]
    assert "percentage points" in f"{heads[diff]} {units.get(diff, '')}", (heads[diff], units)
    assert [float(x) for x in shown[diff]] == [s * 100 for s in shifts]
    assert not any("%" in x for x in [*shown[diff], *shown[ci]])
    assert [tuple(float(v) for v in x.split(" to ")) for x in shown[ci]] == [(s * 100 - 25, s * 100 + 25)
                                                                           for s in shifts]
    # the forest plot beside the table draws the same figures, on an axis in the same points
    from matplotlib.axes import Axes

    from impact.report import Figure

    [fig] = [b for b in _comparisons(ctx).blocks if isinstance(b, Figure) and b.name == "comparisons_forest"]
    ax = fig.fig if isinstance(fig.fig, Axes) else fig.fig.axes[0]
    assert "percentage points" in ax.get_xlabel()
    low, high = ax.get_xlim()
    assert low <= -75 and high >= 50, (low, high)  # the planted intervals, -75 to 50 points


# --------------------------------------------------------------------------- 6. a status term with no standard error
def test_a_status_term_estimated_without_a_standard_error_is_not_called_unfitted(tiny_findings):
    """Seed 30744 (5 councils, one in intervention): every impact's status term had an estimate and a randomisation p
    but no standard error, and the models table said 'No estimate is shown for ...: the model gave no finite estimates
    (the fit did not converge)' over the estimates it showed. Planted: one impact's status term with no estimate, the
    others with an estimate and no standard error; the note names each for what it lacks, and every impact it says
    has no estimate shows none."""
    from impact.report import Table
    from impact.report._build import _models, _unfit_sentence

    codes = list(tiny_findings.codebook.top_codes())[:3]
    m = pd.DataFrame([{"code": c, "measure": "reported", "term": t, "estimate": 0.3 + i, "se": 0.2,
                       "ci_low": -0.1 + i, "ci_high": 0.7 + i, "odds_ratio": np.exp(0.3 + i),
                       "odds_ratio_ci_low": np.exp(-0.1 + i), "odds_ratio_ci_high": np.exp(0.7 + i), "p_value": 0.2,
                       "p_adjusted": 0.6, "p_method": "model", "n_units": 5, "n_units_intervention": 1,
                       "n_units_no_intervention": 4, "separation": False, "few_events": False, "estimator": "gee"}
                      for i, c in enumerate(codes) for t in ("in_intervention", *[f"wave_{w}" for w in WAVES[1:]])])
    status = m["term"] == "in_intervention"
    # the status term of a single council in intervention: an estimate, no standard error, a randomisation p
    m.loc[status, ["se", "ci_low", "ci_high", "odds_ratio_ci_low", "odds_ratio_ci_high"]] = np.nan
    m.loc[status, ["p_value", "p_adjusted", "p_method"]] = [0.6, 1.0, "randomisation"]
    gone = codes[0]
    m.loc[status & (m["code"] == gone), ["estimate", "odds_ratio", "p_value", "p_adjusted"]] = np.nan
    ctx = _ctx(dataclasses.replace(tiny_findings, models=m), min_count=1)
    [table] = [b for b in _models(ctx).blocks if isinstance(b, Table) and b.name == "gee_models"]
    label = ctx.code
    said_none = re.search(r"No estimate is shown for (.*?): the model gave no finite estimates", table.notes)
    assert said_none and said_none.group(1) == label(gone).lower(), table.notes
    rows = table.data[table.data["contrast"] == "in_intervention"].set_index("impact")
    assert np.isnan(float(rows.loc[gone, "estimate"]))
    shown = [c for c in codes if np.isfinite(float(rows.loc[c, "estimate"]))]
    assert shown == codes[1:]  # estimates shown: not said to have none, but to have no standard error
    lacking = table.notes.split("no finite standard error for the intervention contrast of")[1].split(".")[0]
    assert all(label(c).lower() in lacking for c in shown) and label(gone).lower() not in lacking, table.notes
    sentence = _unfit_sentence(ctx, codes, m[status])
    # numbered where the clause of the impacts with no standard error lists them set off by semicolons (round 34)
    numbered = any("," in label(c) for c in shown)
    assert sentence.startswith(f"{'(1) ' if numbered else ''}For {label(gone).lower()} the model gave no finite "
                               "estimate"), sentence
    assert "gave no finite standard error of the difference by intervention status" in sentence, sentence


def test_tests_across_all_councils_say_so_in_the_status_column(tiny_findings):
    """Seed 30744 (5 councils, not compared by status): the table of change across the waves, all councils together,
    showed 'all' (a machine value) under 'Intervention status'. The tiny study's change is tested across all its
    councils, as that study's was; every row now reads 'All councils' there."""
    from impact.report import Table
    from impact.report._build import _comparisons
    from impact.report._format import display_frame

    assert "status_group" not in tiny_findings.change.columns  # tested across all councils: the case of this test
    ctx = _ctx(tiny_findings, min_count=1)
    [table] = [b for b in _comparisons(ctx).blocks if isinstance(b, Table) and b.name == "change_over_time"]
    shown = display_frame(table.data, table.columns_format, vocabulary=ctx.vocabulary, labels=table.labels,
                          value_labels=table.value_labels)
    assert shown.attrs["labels"]["status"] == "Intervention status"
    assert len(shown) == len(tiny_findings.change) and set(shown["status"]) == {"All councils"}, set(shown["status"])

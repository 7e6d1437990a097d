"""Report truth, round 69 (truth69): the one Holm family of the summary's status claims (truth68) counts the rows the
report withholds as p = 1 and says so, and names itself without nesting brackets.

truth68 adjusted every test the summary can state a difference by intervention status from as one family, and was
reverted for three faults: a status contrast the report withholds left the family unsaid (truth round 35 counts it as
p = 1), the change by status and survey rows' own p entered the family whether or not the report withholds them (so a
published adjusted p could give a withheld row's p away, as truth round 42 found of the other tables), and the
family's breakdown sat in brackets inside an odds ratio's brackets. Here a row of each kind is withheld in the
planted findings of truth round 68's study, and the published adjusted p-values are recomputed by hand (Holm, the
withheld row as p = 1) and shown not to move when the withheld row's own p does.
"""

from __future__ import annotations

import dataclasses
import re
import warnings

import numpy as np
import pytest
from test_report_prose import _bracket_faults
from test_report_truth_round67 import _holm  # Holm's adjusted p by hand
from test_report_truth_round68 import (  # noqa: F401 (analysed: a fixture, used by name)
    CHANGE_P,
    STATUS_P,
    SURVEY_P,
    WAVES3,
    _kept,
    _planted,
    _summary_items,
    _table,
    analysed,
)

from impact.report._format import SUPPRESSED


def _report(findings):
    """The report of ``findings`` built afresh (a planted copy each time)."""
    from conftest import report_of

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return report_of(dataclasses.replace(findings))[0]


def _by_hand(kept, withheld: tuple[str, str], status_p=STATUS_P, change_p=CHANGE_P, survey_p=SURVEY_P) -> dict:
    """The planted p-values of the impacts ``kept`` and of the survey, Holm-adjusted by hand as one family with the
    ``withheld`` test (``(kind, key)``) counted as p = 1: ``{(kind, key): p}``, the withheld one left out."""
    raw = {**{("status", c): p for c, p in status_p.items() if c in kept},
           **{("change", c): p for c, p in change_p.items() if c in kept},
           **{("survey", w): p for w, p in survey_p.items()}}
    raw[withheld] = 1.0
    adjusted = dict(zip(raw, _holm(np.array(list(raw.values()))), strict=True))
    adjusted.pop(withheld)
    return adjusted


def _published(report, study) -> dict:
    """The adjusted p-values the report's tables publish of the family: ``{(kind, key): p}`` (a suppressed one as
    :data:`SUPPRESSED`)."""
    out = {}
    models = _table(report, "gee_models").data
    for r in models[models["contrast"].astype(str).str.contains("intervention")].itertuples():
        out[("status", r.impact)] = r.p_adjusted
    for code, part in _table(report, "change_by_status").data.groupby("impact"):
        out[("change", code)] = part["differs_p_adjusted"].iloc[0]
    survey = _table(report, "survey_by_status").data
    labels = study.waves.set_index("wave")["label"].str.split(" (", regex=False).str[0].str.lower()
    for w in WAVES3[1:]:
        row = survey[survey["comparison"] == f"Change to {labels[w]}, in minus not in intervention"]
        out[("survey", w)] = row["p_adjusted"].iloc[0]
    return out


def _assert_published(report, study, withheld, **planted):
    """The withheld test's adjusted p suppressed and every other one published as Holm by hand with it as p = 1."""
    published = _published(report, study)
    expected = _by_hand(_kept(report), withheld, **planted)
    assert published.pop(withheld) == SUPPRESSED, withheld
    assert set(published) == set(expected), (published, expected)
    for key, p in expected.items():
        assert float(published[key]) == pytest.approx(p, rel=1e-9), (key, published[key], p)
    return published


@pytest.mark.parametrize("own_p", [0.0001, 0.9])
def test_a_withheld_change_by_status_counts_as_p_1(analysed, monkeypatch, own_p):  # noqa: F811
    """Planted: commitment's change by status withheld (its figures would give a hidden count away), its own p 0.0001
    or 0.9. truth68 adjusted the family with that p: the published adjusted p of a row ranked after it was (m - j + 1)
    times it, which a reader divides back. Counted as p = 1, every published adjusted p is Holm's by hand with it as
    1, the same whatever its own p."""
    import impact.report._build as build

    study, findings = analysed
    real = build._by_status_cells_shown
    monkeypatch.setattr(build, "_by_status_cells_shown",
                        lambda ctx, code, rows: code != "commitment" and real(ctx, code, rows))
    change_p = {**CHANGE_P, "commitment": own_p}
    report = _report(_planted(findings, change_p=change_p))
    _assert_published(report, study, ("change", "commitment"), change_p=change_p)


@pytest.mark.parametrize("own_p", [0.0001, 0.9])
def test_a_survey_wave_withheld_for_few_councils_counts_as_p_1(analysed, own_p):  # noqa: F811
    """Planted: 3 councils in intervention answering the survey at early impact (fewer than min_count, 5), so its
    difference by status there is withheld, its own p 0.0001 or 0.9. It counts in the family as p = 1 (truth68 left
    it out): the later wave's adjusted p and every other one published are Holm's by hand with it as 1."""
    study, findings = analysed
    survey_p = {**SURVEY_P, "early": own_p}
    planted = _planted(findings, survey_p=survey_p)
    sb = planted.survey_by_status.copy()
    sb.loc[sb["wave"] == "early", "n_units_intervention"] = 3
    report = _report(dataclasses.replace(planted, survey_by_status=sb))
    _assert_published(report, study, ("survey", "early"), survey_p=survey_p)


def test_a_withheld_status_contrast_counts_as_p_1_and_is_said(analysed):  # noqa: F811
    """Planted: partnership working's status contrast with 2 councils in intervention at a wave, which the report
    withholds (truth round 35). truth68's family left it out and the summary counted the status terms without it;
    it now counts as p = 1, the published p-values are Holm's by hand with it as 1, and the summary says how many
    status terms the family holds and that one, withheld, counts as p = 1."""
    study, findings = analysed
    planted = _planted(findings)
    m = planted.models.copy()
    m.loc[(m["term"] == "in_intervention") & (m["code"] == "partnership"), "n_units_fewest_at_a_wave"] = 2
    report = _report(dataclasses.replace(planted, models=m))
    kept = _kept(report)
    _assert_published(report, study, ("status", "partnership"))
    n = len(_by_hand(kept, ("status", "partnership"))) + 1
    status = sum(c in kept for c in STATUS_P)
    said = [i for i in _summary_items(report) if "adjusted for multiple comparisons" in i and "intervention" in i]
    assert said, _summary_items(report)
    words = {5: "five", 6: "six"}[status]
    for s in said:
        assert (f"the {n} tests of a difference by intervention status this summary can state ({words} impacts' "
                "status terms in the models, one of them with its contrast withheld, counted as p = 1;") in s, s


@pytest.mark.parametrize("strong", [("learning",), tuple(STATUS_P)], ids=["learning", "every-impact"])
def test_the_family_is_named_in_brackets_without_nesting_them(analysed, strong):  # noqa: F811
    """Planted strong enough for the family (the status term of learning, or of every impact, morale's change by
    status and the survey at early impact, each p = 0.0001): the summary states each with the joint p, names the
    family inside each one's brackets without its breakdown (truth68 nested the breakdown in the odds ratio's
    brackets), and gives the breakdown once: in the sentence of the impacts that do not differ, or, where every
    impact differs, in a sentence of its own. No text of the report nests brackets."""
    study, findings = analysed
    status_p, change_p, survey_p = ({**STATUS_P, **dict.fromkeys(strong, 0.0001)}, {**CHANGE_P, "morale": 0.0001},
                                    {**SURVEY_P, "early": 0.0001})
    report = _report(_planted(findings, status_p=status_p, change_p=change_p, survey_p=survey_p))
    kept = _kept(report)
    raw = [*[p for c, p in status_p.items() if c in kept], *[p for c, p in change_p.items() if c in kept],
           *survey_p.values()]
    n = len(raw)
    joint = 0.0001 * n  # the smallest: 0.0001 times n, n - 1, ..., kept non-decreasing by Holm
    assert np.sort(_holm(np.array(raw)))[:2 + len(strong)] == pytest.approx(joint)
    items = _summary_items(report)
    labels = {"learning": "Promotion of learning", "commitment": "Increased commitment", "plans_actions":
              "Development of ideas", "policies_systems": "Revision of policies", "morale": "Improvement in staff "
              "morale", "partnership": "Affirmation and enhancement"}
    family = f"across the {n} tests of a difference by intervention status this summary can state)"
    stated = [i for i in items if any(i.startswith(labels[c]) for c in strong if c in kept)
              and "often by participants in councils in intervention (" in i
              or i.startswith("The change in") and "differs by intervention status (test of" in i
              or i.startswith("In the staff and partner survey") and " and early impact the mean" in i]
    assert len(stated) == 2 + sum(c in kept for c in strong), items
    for s in stated:
        m = re.search(r"Holm-adjusted p = (\d\.\d+)", s)
        assert m and float(m[1]) == pytest.approx(joint, abs=5e-4), s
        assert family in s or f"{family[:-1]}; table" in s, s
    broken_down = [i for i in items if "' status terms in the models" in i]
    assert len(broken_down) == 1, broken_down
    if len(strong) > 1:
        assert broken_down[0].startswith(f"The {n} tests of a difference by intervention status this summary can "
                                         "state are adjusted together (Holm): "), broken_down
    nested, _ = _bracket_faults(report)
    assert not nested, "\n".join(nested)

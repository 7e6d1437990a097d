"""Disclosure in small studies, round 46: findings of an earlier version, the models' floor, and separation notes.

1. Findings saved before round 44 (or built with the library's own functions) hold randomisation p-values computed
   over every distinct reassignment (``ri_exact``): k / N, N the multinomial coefficient of the status groups' sizes.
   Reported as they were, the 8-council reproducer of round 44 (3 councils in intervention throughout) published
   29/56, 27/56, 1/8, 1/4 and 13/14 in models.csv, and round 44's intruder solved for the 3. No rounding is safe from
   every intruder and the report cannot draw the reassignments again, so the report refuses such findings, naming
   each test, and asks for the analysis to be run again (which draws them).
2. The models' status-path randomisation tests had no floor sentence: a 10-council study with 3 councils in
   intervention throughout has C(10, 3) = 120 distinct reassignments and 6 impacts, so Holm's smallest adjusted p is
   at least 6 / 120 = alpha, and the summary said only that no impact differed significantly. The analysis flags
   such tests (``ri_few_distinct``) and the summary and the models note say the floor in words, alpha the only number.
3. A separated model's note said 'in some status group at some wave every participant, or none, reported it' (and
   the caveat 'in some wave or group of councils the impact was reported by all or by none of the participants')
   where every count that could show it was suppressed: a reader learnt that a suppressed count was 0 or all of its
   group (5 councils, seed 46003: learning). The cause is said only where a published count shows it.

Studies: round 44's reproducer (8 councils, seed 43307, models, 199 resamples) analysed as earlier versions did
(every distinct reassignment enumerated: the library's enumeration restored for the call); 10 councils with 3 in
intervention throughout (seed 46107, the first from 46100 with 3); the 5-council study of seed 46003 (councils moving
into and out of intervention) for the separation note.
"""

from __future__ import annotations

import math
import re
import warnings

import numpy as np
import pandas as pd
import pytest
import test_disclosure_round39 as r39
import test_disclosure_round43 as r43
import test_disclosure_round44 as r44
from conftest import once_per_worker

pytestmark = pytest.mark.xdist_group("disclosure39")

ALPHA = 0.05  # the analysis's default
RESAMPLES = 199


def _generated(n: int, seed: int, paths: dict, missing: float = 0.0):
    from impact.synth import generate_with_truth

    return generate_with_truth(n, seed=seed, interviews_per_wave=2, words_per_interview=60, council_missing=missing,
                               participant_missing=0 if not missing else 0.1, intervention_paths=paths)


def _analysed(study, truth, parts, resamples=RESAMPLES):
    from impact.pipeline import analyse

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return analyse(study, coded=truth.coded(), n_resamples=resamples, seed=1, parts=parts)


def _earlier():
    """``(study, findings)``: round 44's reproducer analysed as impact did before round 44, every distinct
    reassignment of the status paths enumerated (fewer than the resamples asked for)."""
    import impact.stats._permutation as perm
    import impact.stats._ri as ri

    def enumerate_all(total, n_permutations, most=ri.MAX_ENUMERATION):
        return total <= min(n_permutations, most)

    saved = ri.enumerated, perm.enumerated
    ri.enumerated = perm.enumerated = enumerate_all
    try:
        study, truth = _generated(*r44.STUDIES["reproducer"], {"never": 0.6, "throughout": 0.4})
        return study, _analysed(study, truth, ["models"])
    finally:
        ri.enumerated, perm.enumerated = saved


@pytest.fixture(scope="module")
def earlier():
    return once_per_worker(("round46", "earlier"), _earlier)


def _status_rows(findings) -> pd.DataFrame:
    m = findings.models
    return m[m["term"].eq("in_intervention") & m["p_method"].eq("randomisation")]


def test_findings_with_enumerated_p_values_are_refused_naming_each_test(earlier):
    """The earlier version's findings (planted: every status contrast tested by randomisation over all 56 = C(8, 3)
    distinct reassignments, each p a k / 56) are refused by the report, before anything is built, with an error
    naming each test and asking for the analysis to be run again. On main the report was built and round 44's
    intruder recovered (5, 3) from its models.csv."""
    from impact.errors import InputError

    study, findings = earlier
    rows = _status_rows(findings)
    assert len(rows) >= 3 and rows["ri_exact"].all() and (rows["ri_n"] == math.comb(8, 3)).all()
    np.testing.assert_allclose(rows["p_value"] * 56, (rows["p_value"] * 56).round(), atol=1e-9)
    with pytest.raises(InputError) as caught:
        r39._report(findings)
    said = str(caught.value)
    assert said.startswith("findings: ") and "every possible reassignment" in said and "analyse the study again" in said
    for code in rows["code"]:
        assert f"models: the intervention contrast of {code}" in said, said
    assert not re.search(r"\b56\b", said)  # the message itself states no number of reassignments


def test_the_attack_recovers_the_group_from_the_enumerated_p_values(earlier, monkeypatch):
    """The attack bites on what main published: the same findings reported with the refusal switched off (as main
    reported them: this test passes on main too, showing the leak there) give round 44's intruder the sizes of the
    status groups (5 and 3, the 3 councils in intervention the tables suppress)."""
    import impact.report._build as build

    study, findings = earlier
    truth = r44._truth(study, findings)
    assert (5, 3) in truth
    monkeypatch.setattr(build, "_refuse_enumerated", lambda findings: None, raising=False)  # main has none
    # since round 53 the models of this study are withheld whole (no suppression protects the counts their margins tie): that alone
    # leaves the intruder nothing; with the withholding switched off too, the p-values main published leak (5, 3)
    report, extra = r39._report(findings)
    assert "tables/models.csv" not in extra
    assert r44._recover(r44._published(report, extra), len(study.councils)) & truth == set()
    monkeypatch.setattr(build, "_models_of_suppressed", lambda ctx: [])
    report, extra = r39._report(findings)
    assert r44._recover(r44._published(report, extra), len(study.councils)) & truth == {(5, 3)}


def test_enumerated_p_values_are_told_from_drawn_ones_without_the_flag(earlier):
    """Without the ``ri_exact`` flag (findings older still), a p off the grid (1 + b) / (1 + B) of the B = ri_n
    reassignments is an enumerated one: the earlier findings' k / 56 (B = 56 there) are where 57 p is not whole
    (checked here independently), and the findings are refused; p-values on the grid of 199 draws are not."""
    from impact.errors import InputError
    from impact.stats._ri import enumerated_p

    study, findings = earlier
    rows = _status_rows(findings)
    steps = rows["p_value"] * (rows["ri_n"] + 1)
    off_grid = (steps - steps.round()).abs().gt(1e-6)
    got = enumerated_p(rows["p_value"], rows["ri_n"], None)
    assert got.tolist() == off_grid.tolist() and got.any()
    with pytest.raises(InputError, match="every possible reassignment"):
        r39._report(_replace_models(findings, findings.models.drop(columns="ri_exact")))
    drawn = rows["p_value"].map(lambda p: (1 + round(p * 199)) / 200)  # p-values as drawn ones are, (1 + b) / (1 + B)
    assert not enumerated_p(drawn, rows["ri_n"].map(lambda n: 199), None).any()
    assert not enumerated_p(drawn, rows["ri_n"], pd.Series(False, index=rows.index)).any()


def test_enumerated_comparisons_by_status_are_refused_too(ten):
    """The comparisons of councils by status (permutation tests) of an earlier version were enumerated as well: the
    10-council study's, computed as the analysis does but outside ``drawn_only`` (C(10, 3) = 120 distinct splits, fewer
    than the 199 resamples: each p a k / 120), are refused, naming them; the analysis's own, drawn, on the grid
    (1 + b) / 200 of the parameters' resamples, are not."""
    import dataclasses

    from impact.errors import InputError
    from impact.pipeline import _status_comparisons
    from impact.stats._ri import drawn_only

    _, f = ten
    known = f.panel.dropna(subset=["status_group", "share_reported"])
    args = dict(outcome="share_reported", alpha=ALPHA, seed=1, n_resamples=RESAMPLES, adjust="holm")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        exact = _status_comparisons(known, **args).assign(measure="reported")
        with drawn_only():
            drawn = _status_comparisons(known, **args).assign(measure="reported")
    steps = exact["p_value"] * math.comb(10, 3)
    np.testing.assert_allclose(steps, steps.round(), atol=1e-9)  # the planted condition: k / 120
    grid = exact["p_value"] * (RESAMPLES + 1)
    off = exact[(grid - grid.round()).abs().gt(1e-6)]
    assert len(off)
    with pytest.raises(InputError) as caught:
        r39._report(dataclasses.replace(f, comparisons=exact))
    said = str(caught.value)
    assert said.startswith(f"findings: {len(off)} randomisation p-values were computed over every possible"), said
    for r in off.head(8).itertuples():  # the first eight named, then how many more
        assert f"comparisons: {r.code} at {r.wave} by intervention status" in said, said
    assert (f"and {len(off) - 8} more" in said) == (len(off) > 8), said
    from impact.report._build import _refuse_enumerated

    _refuse_enumerated(dataclasses.replace(f, comparisons=drawn))  # drawn: nothing refused


def _replace_models(findings, models):
    import dataclasses

    return dataclasses.replace(findings, models=models)


# --------------------------------------------------------------------------- 2. the models' floor in words
def _ten():
    study, truth = _generated(10, 46107, {"never": 0.65, "throughout": 0.35})
    return study, _analysed(study, truth, ["models"])


@pytest.fixture(scope="module")
def ten():
    return once_per_worker(("round46", "ten"), _ten)


def _floor(text: str) -> str:
    found = re.findall(r"\(([^()]*whatever the resamples)\)", text)
    assert found, text
    return found[0]


def test_the_models_flag_status_tests_with_few_distinct_reassignments(ten):
    """The flag is recomputed from the study: the councils' status paths (3 in intervention throughout, 7 never:
    N = 10! / (3! 7!) = 120 distinct reassignments) and the status contrasts adjusted together (Holm): flagged where
    their number is at least alpha times N. No randomisation column holds N."""
    study, f = ten
    [sizes] = r43._split_truth(study, f)[("split", "paths")]
    n = r43._multinomial(sizes)
    assert sizes == (7, 3) and n == 120  # the planted design
    m = f.models
    status = m[m["term"].eq("in_intervention")]
    tested = status[~status["separation"].astype(bool) | status["estimator"].eq("firth")]
    ri = status[status["p_method"].eq("randomisation")]
    assert len(ri) == len(status) == 6
    assert ri["ri_few_distinct"].tolist() == [len(tested) >= ALPHA * n] * len(ri) == [True] * 6
    assert not m.loc[~m["p_method"].eq("randomisation"), "ri_few_distinct"].any()
    assert not m[[c for c in m.columns if c.startswith("ri_")]].astype(float).eq(n).any().any()


def test_the_summary_and_models_note_say_the_floor_in_words(ten):
    """The summary's sentence finding no difference by status and the models table's note say that no adjusted p
    could fall below alpha whatever the resamples, alpha the only number; without the flag (many distinct
    reassignments) neither does."""

    from impact.report import Bullets, Table

    _, f = ten
    assert (f.models.loc[f.models["term"].eq("in_intervention"), "p_adjusted"] >= ALPHA).all()
    # since round 53 a model whose margins no suppression protects is withheld whole: at any min_count above 1 every model
    # of this study is (its 3 councils in intervention have counts below 2), so the floor is read where they are shown
    report, extra = r39._report(f)
    assert "tables/models.csv" not in extra and not [t for t in report.tables if t.name == "gee_models"]
    report, _ = r39._report(f, min_count=1)
    bullets = [i for b in report.sections[0].blocks if isinstance(b, Bullets) for i in b.items]
    [sentence] = [s for s in bullets if "significantly more or less often in councils in intervention" in s]
    said = _floor(sentence)
    assert f"no adjusted p could fall below {ALPHA:g}" in said and "run with more resamples" not in sentence
    assert [float(x) for x in re.findall(r"\d+(?:\.\d+)?", said)] == [ALPHA], said
    [notes] = [b.notes for s in report.sections for b in s.blocks if isinstance(b, Table) and b.name == "gee_models"]
    assert f"no such p adjusted across the impacts (Holm) could fall below {ALPHA:g} other than by the chance" in notes
    # unflagged (many distinct reassignments) or tested by the model, no floor is said (the report's own function)
    from types import SimpleNamespace

    from impact.report._build import _status_floor

    ctx, status = SimpleNamespace(alpha=ALPHA), f.models[f.models["term"].eq("in_intervention")]
    assert _status_floor(ctx, status) == f" ({said})"
    assert _status_floor(ctx, status.assign(ri_few_distinct=False)) == ""
    assert _status_floor(ctx, status.assign(p_method="model")) == ""
    assert _status_floor(ctx, status.drop(columns="ri_few_distinct")) == ""  # findings of an earlier version


# --------------------------------------------------------------------------- 3. separation said without its cell
def _five():
    study, truth = _generated(5, 46003, {"never": 0.4, "lifted": 0.3, "entered": 0.3}, missing=0.1)
    f = _analysed(study, truth, ["models"], resamples=99)
    return (study, f, *r39._report(f))


@pytest.fixture(scope="module")
def five():
    return once_per_worker(("round46", "five"), _five)


def _published_prevalence(report) -> pd.DataFrame:
    """The prevalence table as published: participants reporting each impact (``n_with``) of those interviewed
    (``n_participants``) by wave and status group, 'c' where suppressed."""
    from impact.report import Table

    [t] = [b for s in report.sections for b in s.blocks if isinstance(b, Table) and b.name == "prevalence"]
    return t.data


def test_a_separation_note_does_not_say_a_suppressed_count_is_0_or_all(five):
    """Planted (checked from the published prevalence table): an impact whose model separated, no published count
    showing that every participant, or none, of a status group at a wave reported it. No sentence of the bundle
    (notes, summary, caveats in the provenance) says of it that every participant, or none, reported it in some group
    at some wave, which would tell a reader that a suppressed count is 0 or all of its group; each sentence naming it
    still says that its model separated. On main the summary, the models note and the caveats did (learning)."""
    study, f, report, extra = five
    m = f.models
    separated = set(m.loc[m["separation"].astype(bool), "code"])
    shown = _published_prevalence(report)
    with_, people = (pd.to_numeric(shown[c], errors="coerce") for c in ("n_with", "n_participants"))
    showing = shown.loc[(with_ == 0) | (with_.notna() & (with_ == people)), "impact"]
    unshown = sorted(separated - set(showing))
    assert unshown, (separated, "the planted condition")
    labels = f.codebook.codes.set_index("code_id")["label"].str.lower()
    cause = re.compile(r"every participant, or none|by all or by none", re.I)
    sentences = []  # whole sentences: a list of labels holding "and" is joined by "; and", where r43 splits
    for s in r43._sentences(report, extra):
        sentences[-1:] = [sentences[-1] + " " + s] if sentences and sentences[-1].endswith(";") else [*sentences[-1:], s]
    # since round 53 the model of each such impact is withheld whole (its counts are hidden), so no sentence speaks of
    # its separation: none naming it may say every participant, or none, reported it; the ledger lists the model
    ledger = r39._tables(report)["suppressions"]
    withheld = ledger.loc[(ledger["output"] == "gee_models") & (ledger["reason"] == "model_of_suppressed"), "row"]
    for code in unshown:
        assert any(r.lower().startswith(labels[code]) for r in withheld), (code, withheld.tolist())
        named = [s for s in sentences if labels[code] in s.lower()]
        assert named, code
        assert not [s for s in named if cause.search(s)], [s for s in named if cause.search(s)]

"""Disclosure in small studies, round 39: an intruder with the whole published bundle (tables, the suppression ledger,
the provenance and its statistical caveats) and the public record of which councils were in intervention.

* The councils the change-over-time table follows in each status group are tied to the waves' counts: with every
  council interviewed at every wave, one group's count, the councils in the study and the councils that moved between
  groups gave the other's back.
* Every figure of the intervention contrast with a side of one or two councils is suppressed: the attrition
  sensitivity table published the odds ratio the models table hid. The ledger says why (a contrast of few councils,
  not a count).
* The participants asked about suggestions at a wave are the participants interviewed at it: the suggestions table
  and its sentence published the count the sample tables suppressed.
* The councils on each side of the indicators' difference-in-differences around entry into intervention are audited
  with the study's councils: 11 never in intervention of 12 gave back the 'c' entering it (seed 31263).
* The statistical caveats published with the provenance state no count of councils in a status group where the
  tables suppress those counts.

A generated study of 8 councils (seed 31271), its planted coding supplied (``conftest.disclosure_eight``, analysed once
per run), and one of 12 (seed 31263, indicators only), analysed once per worker.
"""

from __future__ import annotations

import re
import warnings

import pytest
from conftest import once_per_worker

pytestmark = pytest.mark.xdist_group("disclosure39")

N_COUNCILS, SEED = 8, 31271


def _analysed(n_councils: int, seed: int, parts: list[str], per_wave: int, words: int, supplied: bool):
    """``(study, findings)``: a generated study analysed (``parts``), with its planted coding where ``supplied``."""
    from impact.pipeline import analyse
    from impact.synth import generate_with_truth

    study, truth = generate_with_truth(n_councils, seed=seed, interviews_per_wave=per_wave, words_per_interview=words)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return study, analyse(study, coded=truth.coded() if supplied else None, n_resamples=99, seed=1, parts=parts)


def with_report(analysed):
    """``(study, findings, report, extra)``: the 8-council study (``conftest.disclosure_eight``, made once per run),
    its report (default options) built once per worker: the report, with its figures, does not pickle."""
    study, findings = analysed
    return once_per_worker(("round39", N_COUNCILS), lambda: (study, findings, *_report(findings)))


def _report(findings, **kw):
    from impact.pipeline import build_report

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return build_report(findings, **kw)


@pytest.fixture(scope="module")
def eight(disclosure_eight):
    return with_report(disclosure_eight)


def _tables(report) -> dict:
    from impact.report import Table

    return {b.name: b.data for s in report.sections for b in s.blocks if isinstance(b, Table)}


def _ever_in_intervention(study):
    ws = study.wave_status()
    return ws.groupby("council_id")["intervention"].agg(lambda s: s.isin(["notice", "direction"]).any())


def test_change_over_time_counts_are_not_given_back_by_the_waves(eight):
    """Every council interviewed at every wave (the attrition table says none was missing): the councils followed in
    the two status groups and those that moved between groups add up to all the councils. An intruder who sees one
    group's count narrows the other's to between 0 and the councils less the published count; that interval must be
    at least min_count wide (main published 6 of 8 not in intervention, so the group in intervention was 0 to 2)."""
    study, _, report, _ = eight
    min_count = 5
    iv = study.interviews.dropna(subset=["wave"])
    assert (iv.groupby("council_id")["wave"].nunique() == len(study.wave_ids)).sum() == N_COUNCILS
    tables = _tables(report)
    assert (tables["attrition"]["n_councils_missing"].astype(str) == "0").all()
    change = tables["change_over_time"]
    assert set(change["status"]) == {"no_intervention", "intervention"}
    for impact, rows in change.groupby("impact"):
        n = dict(zip(rows["status"], rows["n_councils"], strict=True))
        published = [v for v in n.values() if v != "c"]
        if len(published) == 1:  # the other group's count, and the councils that moved, are 0 to this many
            assert N_COUNCILS - int(published[0]) >= min_count, (impact, n)
    # the test is named only beside a published count: a blank one (none made: fewer than two councils followed)
    # beside a suppressed count said it was 0 or 1
    assert (change.loc[change["n_councils"] == "c", "test"] == "c").all()
    ledger = tables["suppressions"]
    listed = ledger[ledger["output"] == "change_over_time"]
    assert len(listed) == (change["n_councils"] == "c").sum()
    # its count's reason: below min_count or one that would give such a count back (the reason codes of the row)
    assert listed["reason"].str.split("; ").map(lambda codes: "small_count" in codes).all()


def test_the_contrast_of_two_councils_is_suppressed_in_every_table(eight):
    """Two councils were in intervention at some wave (computed from the status history): the models' intervention
    contrast is theirs. The models table hid it; the attrition sensitivity table published the same fit's odds ratio
    (complete cases) and a weighted one. Every figure of the contrast is 'c' in every table, and the ledger lists each
    row as a contrast of few councils, not as a figure 'computed from a suppressed count'."""
    study, findings, report, extra = eight
    ever = _ever_in_intervention(study)
    assert min(ever.sum(), (~ever).sum()) == 2
    tables = _tables(report)
    sens = tables["attrition_sensitivity"]
    figures = [c for c in sens.columns if c != "impact"]
    assert len(sens) and figures
    assert (sens[figures] == "c").all().all(), sens.to_dict("records")
    assert (findings.attrition["estimate"].notna()).any()  # there was a figure to hide
    # the models table's status rows: since round 53 each model is withheld whole (its counts in the two councils'
    # group are hidden), listed as a model of suppressed counts; the attrition sensitivity's rows keep their reason
    assert "gee_models" not in tables and "tables/models.csv" not in extra
    ledger = tables["suppressions"]
    rows = ledger[ledger["output"] == "attrition_sensitivity"]
    assert len(rows) == len(sens), rows.to_dict("records")
    assert (rows["reason"] == "few_councils_contrast").all(), rows["reason"].tolist()
    rows = ledger[ledger["output"] == "gee_models"]
    assert len(rows) == findings.models["code"].nunique() and (rows["reason"] == "model_of_suppressed").all()
    # with min_count 1 nothing is suppressed: the odds ratios were there to hide
    sens1 = _tables(_report(findings, min_count=1)[0])["attrition_sensitivity"]
    assert (sens1[figures] != "c").any().any()


def test_caveats_state_no_count_of_a_status_group(eight):
    """The analysis warned that one council of the 8 moved between status groups, and that the councils followed in
    intervention were fewer than two. With every count of councils by status suppressed in the tables, those caveats
    gave them back (8 = followed out of intervention + followed in it + 1 moved). No published caveat (provenance.json,
    the report's provenance) speaks of a status group, and the ledger lists how many were withheld."""
    from impact.report._html import render_html

    study, findings, report, _ = eight
    # the planted fact an intruder wants: one council moved between status groups (computed from the status history)
    ws = study.wave_status()
    moved = ws.groupby("council_id")["intervention"].agg(
        lambda s: s.isin(["notice", "direction"]).nunique() > 1)
    assert moved.sum() == 1
    tables = _tables(report)
    assert (tables["status_by_wave"]["n_councils"] == "c").all()
    raw = findings.provenance["statistical_warnings"]
    # said in a reader's words since report truth round 41 ("changed intervention status"), the analyst's message
    # ("changed status_group") kept among the sources, and withheld with its caveat
    about_groups = [c for c in raw if re.search(r"status_group|in_intervention|intervention status",
                                                 c.split(": ", 1)[1].split("intervention status: ", 1)[-1])]
    assert about_groups, "the analysis must have warned of its status groups"
    published = report.provenance["statistical_warnings"]
    # (since round 53 every model is withheld, and with it every caveat of the models: none may be left at all)
    assert not any(c in published for c in about_groups)
    assert not [s for s in report.provenance.get("statistical_warning_sources", []) if "status_group" in s]
    html = " ".join(render_html(report).split())
    assert f"{moved.sum()} of {N_COUNCILS} councils" not in html
    assert "changed status" not in html and "changed intervention status" not in html
    ledger = tables["suppressions"]
    withheld = ledger[ledger["output"] == "provenance"]
    assert len(withheld) == 1 and int(withheld["withheld"].iloc[0]) == len(raw) - len(published) >= len(about_groups)
    # with min_count 1 no count is suppressed and the caveats of status groups are published; one withheld there is
    # a caveat of figures no table shows (a separated fit's, its cells blank: report truth round 38), in the ledger as
    # caveat_of_suppressed
    whole = _report(findings, min_count=1)[0]
    published = whole.provenance["statistical_warnings"]
    # (a caveat of the models of every impact is said of the impacts the models table shows: truth43)
    from impact.report._build import _MODELS_OF

    def models(c: str) -> str:
        return _MODELS_OF.sub("the models", c)

    assert all(c in published for c in about_groups), published
    assert [models(c) for c in published] == [models(c) for c in raw if models(c) in map(models, published)], published
    reasons = _tables(whole)["suppressions"].query("output == 'provenance'")["reason"]
    assert set(reasons) == ({"caveat_of_suppressed"} if len(published) < len(raw) else set()), reasons


def test_participants_asked_for_suggestions_do_not_give_back_the_sample(eight):
    """At each wave after the review the suggestions table counts the participants interviewed (computed here from the
    interviews). Where the sample section suppresses that count, the suggestions table and the summary's sentence
    ('6 of 15 participants') do not publish it either (main published 12 and 15, hidden in interviews_by_wave)."""
    from impact.report._html import render_html

    study, findings, report, _ = eight
    iv = study.interviews.dropna(subset=["wave"])
    people = iv.groupby("wave")["participant_id"].nunique()
    tables = _tables(report)
    sample = tables["interviews_by_wave"].set_index("wave")["n_participants"]
    hidden = [w for w in study.wave_ids[1:] if sample[w] == "c"]
    assert hidden, "the study must suppress the participants of a wave after the review"
    asked = findings.process["suggestions_by_wave"].set_index("wave")["n_participants"]
    assert any(asked[w] == people[w] for w in hidden)  # the same count, so one gives the other back
    published = tables["suggestions_by_wave"].set_index("wave")["n_participants"]
    html = " ".join(render_html(report).split())
    for w in hidden:
        if asked[w] == people[w]:
            assert published[w] == "c", (w, published[w])
            assert f" of {people[w]} participants" not in html, w


def test_did_sides_do_not_give_each_other_back():
    """12 councils (public), one of them in intervention at some wave (computed from the status history): the DiD
    around entry into intervention published 11 councils never in intervention beside 'c' entering it, so the
    intruder had 12 - 11 = 1 at most entering it (any council in neither group only lowers it). Where one side is
    suppressed, the other leaves it an interval of at least min_count."""
    study, findings = once_per_worker(("round39", "did12"), lambda: _analysed(12, 31263, ["indicators"], 1, 100, False))
    ever = _ever_in_intervention(study)
    assert ever.sum() == 1
    e = findings.indicator_effects
    assert (e["n_treated"] == 1).any()  # a side of one council to protect
    report, _ = _report(findings)
    did = _tables(report)["indicator_did"]
    n = len(study.councils)
    for r in did.to_dict("records"):
        hidden = [k for k in ("n_treated", "n_control") if r[k] == "c"]
        if len(hidden) == 1:  # the hidden side is 0 to n less the published one
            other = "n_control" if hidden[0] == "n_treated" else "n_treated"
            assert n - int(r[other]) >= 5, r
    ledger = _tables(report)["suppressions"]
    assert len(ledger[ledger["output"] == "indicator_did"]) == (did[["n_treated", "n_control"]] == "c").any(axis=1).sum()

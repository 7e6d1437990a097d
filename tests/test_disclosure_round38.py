"""Disclosure in small studies, round 38: an intruder with the published bundle and public knowledge of which councils
were in intervention.

* A study with fewer councils interviewed after the review than ``quote_k`` quotes nothing: a statement planted in
  one council's transcript, which the quote picker chooses, is published nowhere, and the report says why.
* Every suppressed cell of every table, the framework matrix's included, and every statement withheld is listed in
  the suppression ledger (``tables/suppressions.csv``), with its reason; the framework matrix's counts are decided by
  the bundle's :class:`~impact.privacy._ledger.DisclosureLedger`.
* A status group of one or two councils at a wave is a figure about those councils: no count or share of its
  participants, and no model contrast of so few councils, is published.

Generated studies of 4 and 5 councils (seeds 30903 and 30910), their planted coding supplied, analysed once per worker.
"""

from __future__ import annotations

import io
import warnings

import pandas as pd
import pytest
from conftest import once_per_worker

pytestmark = pytest.mark.xdist_group("disclosure38")


def _analysed(n_councils: int, seed: int, plant: bool, parts=("models", "framework", "process")):
    """``(study, findings, planted)``: a generated study analysed with its planted coding; with ``plant``, every coding
    of one impact replaced by one statement of one council at a wave after the review (``planted``: its text)."""
    from impact import segment
    from impact.pipeline import analyse
    from impact.synth import generate_with_truth

    study, truth = generate_with_truth(n_councils, seed=seed, interviews_per_wave=2, words_per_interview=150)
    coded = truth.coded()
    planted = None
    if plant:
        seg = segment(study)
        later = set(study.wave_ids[1:])
        said = seg[(seg["speaker"] == "respondent") & seg["wave"].isin(later)
                   & seg["text"].str.strip().str.len().between(60, 300)]
        council = sorted(said["council_id"].astype(str).unique())[0]
        said = said[said["council_id"].astype(str) == council]
        coded = coded[coded["code"] != "morale"]
        # a plain statement (no cue of negation, hedging or question, which the quote picker refuses)
        plain = said[~said["text"].str.contains(r"\b(?:not|no|never|n't|maybe|perhaps|might|think|\?)", case=False)]
        s = plain.sort_values(["interview_id", "start"]).iloc[0]
        coded = pd.concat([coded, pd.DataFrame([{
            "interview_id": s["interview_id"], "start": s["start"], "end": s["end"], "code": "morale",
            "polarity": "asserted", "attribution": "review", "valence": None, "coder": "planted"}])], ignore_index=True)
        planted = " ".join(str(s["text"]).split())
        assert planted is not None, "no statement of the council can be planted"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        findings = analyse(study, coded=coded, n_resamples=99, seed=1, parts=list(parts))
    return study, findings, planted


@pytest.fixture(scope="module")
def four():
    return once_per_worker(("round38", 4), lambda: _analysed(4, 30903, True, ("framework", "process")))


@pytest.fixture(scope="module")
def five():
    return once_per_worker(("round38", 5), lambda: _analysed(5, 30910, False, ("models", "framework")))


def _report(findings, **kw):
    from impact.pipeline import build_report

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return build_report(findings, **kw)


def _blocks(report, kind):
    return [b for s in report.sections for b in s.blocks if isinstance(b, kind)]


def _published_text(report, extra) -> str:
    """Everything the bundle publishes as text: the rendered page, every table's cells, the extra files."""
    from impact.report._html import render_html

    cells = " ".join(str(v) for t in _blocks(report, _table()) for v in t.data.to_numpy().ravel())
    files = " ".join(v for v in extra.values() if isinstance(v, str))
    return " ".join(f"{render_html(report)} {cells} {files}".split())


def _table():
    from impact.report import Table

    return Table


def test_few_councils_quote_no_statement(four):
    """4 councils interviewed after the review, quote_k 5: the planted statement (which the quote picker takes) and
    every other statement are published nowhere, the report says why, and the ledger lists them as withheld."""
    from impact.report import Quote

    study, findings, planted = four
    iv = study.interviews
    assert iv[iv["wave"].isin(study.wave_ids[1:])]["council_id"].nunique() == 4
    report, extra = _report(findings, quote_k=5)
    assert not _blocks(report, Quote), [q.text for q in _blocks(report, Quote)]
    text = _published_text(report, extra)
    assert planted[:60] not in text
    assert "fewer than the 5 councils a quote must be shared by" in text
    ledger = next(t for t in _blocks(report, _table()) if t.name == "suppressions").data
    withheld = ledger[(ledger["table"] == "What people said") & (ledger["row"] == "quotes")]
    assert len(withheld) == 1 and int(withheld["withheld"].iloc[0]) >= 1
    # with quote_k at most the councils interviewed, the same statement is quoted: the plant is one the picker takes
    report2, _ = _report(findings, quote_k=2)
    assert any(planted[:60] in " ".join(q.text.split()) for q in _blocks(report2, Quote))


def test_every_suppressed_cell_is_in_the_ledger(five):
    """Each 'c' in every table (the framework matrix's 'c councils' too) has its row in the suppression ledger, with
    a reason, and the ledger lists nothing that is not suppressed; the framework's counts are in the DisclosureLedger."""
    from impact.report._build import _Ctx, _declare

    _, findings, _ = five
    report, _ = _report(findings)
    tables = _blocks(report, _table())
    ledger = next(t for t in tables if t.name == "suppressions").data
    # each row's reason is a code (round 30: the sentence is said once, in the ledger's note)
    ledger_table = next(t for t in tables if t.name == "suppressions")
    codes = {c for v in ledger["reason"] for c in v.split("; ")}
    labels = {c: label for v, shown in ledger_table.value_labels["reason"].items()
              for c, label in zip(v.split("; "), shown.split("; "), strict=True)}
    assert codes and all(f"{labels[c]}: " in ledger_table.notes for c in codes)
    # one reason for every suppressed count, whichever rule hid it: telling primary from secondary suppression would
    # say a secondary cell is 0 or at least min_count, narrowing it
    counts = ledger[ledger["reason"].str.contains("small_count") & ~ledger["output"].str.startswith("framework_")]
    assert counts["reason"].str.split(";").str[0].nunique() == 1
    expected = {}  # table -> (rows with a suppressed cell, suppressed cells)
    for t in tables:
        if t.name == "suppressions":
            continue
        framework = t.name.startswith("framework_")
        hit = t.data.apply(lambda col, f=framework: col.map(
            lambda v: (isinstance(v, str) and v == "c") or (f and str(v).startswith("c councils"))))
        if hit.to_numpy().any():
            expected[t.name] = (int(hit.any(axis=1).sum()), int(hit.to_numpy().sum()))
    assert any(name.startswith("framework_") for name in expected), "the study must suppress a framework cell"
    listed = ledger[ledger["output"].isin(set(expected))].groupby("output")["withheld"].agg(["size", "sum"])
    assert {k: (int(r["size"]), int(r["sum"])) for k, r in listed.iterrows()} == expected
    ctx = _Ctx(findings, False, 5, 5, None)
    _declare(ctx)
    counts = {k: v for k, v in ctx.ledger.values.items() if k[0] == "theme_councils"}
    th = findings.themes[findings.themes["interviewed"] & findings.themes["raised"].astype(bool)]
    assert counts and all(v == th[th["code"] == k[1]]["council_id"].nunique() for k, v in counts.items())


def test_a_status_group_of_one_council_publishes_nothing_of_it(five):
    """One council alone in intervention at a wave (computed from the status history): no count of its participants,
    no count reporting an impact, no share, in the prevalence or expectations tables of that wave and group."""
    study, findings, _ = five
    ws = study.wave_status()
    iv = study.interviews[["council_id", "wave"]].drop_duplicates()
    ws = ws.merge(iv, on=["council_id", "wave"])
    ws["group"] = ws["intervention"].isin(["notice", "direction"]).map({True: "intervention", False: "no_intervention"})
    sizes = ws.groupby(["wave", "group"])["council_id"].nunique()
    alone = [(w, g) for (w, g), n in sizes.items() if n == 1]
    assert alone, "the study must have a council alone in its status at some wave"
    # min_count 2: the lone council's own counts (2 participants a wave) are not small, so only its being alone hides
    # them
    report, _ = _report(findings, min_count=2)
    checked = 0
    for t in _blocks(report, _table()):
        if t.name not in ("prevalence", "expectations"):
            continue
        d = t.data
        if "wave" not in d.columns:
            d = d.assign(wave=study.wave_ids[0])
        for w, g in alone:
            rows = d[(d["wave"] == w) & (d["status"] == g)]
            for column in ("n_participants", "n_with", "prevalence", "ci_low", "ci_high"):
                assert (rows[column] == "c").all(), (t.name, w, g, column, rows[column].tolist())
                checked += len(rows)
    assert checked
    # the models' intervention contrast of a side of one council (computed from the status history: in intervention at
    # some wave, or at none) is that council's own difference from the rest
    ever = ws.groupby("council_id")["group"].agg(lambda g: (g == "intervention").any())
    assert min(ever.sum(), (~ever).sum()) == 1
    _, extra = _report(findings, min_count=2)
    gee = next(t for t in _blocks(report, _table()) if t.name == "gee_models").data
    models = pd.read_csv(io.BytesIO(extra["tables/models.csv"]), dtype=str, encoding="utf-8-sig")
    for frame, column in ((gee, "contrast"), (models, "term")):
        status = frame[frame[column] == "in_intervention"]
        assert len(status) and (status["estimate"] == "c").all(), status["estimate"].tolist()
    # with min_count 1 nothing is suppressed: the figures are there to hide
    report1, _ = _report(findings, min_count=1)
    prev = next(t for t in _blocks(report1, _table()) if t.name == "prevalence").data
    w, g = next((w, g) for w, g in alone if w != study.wave_ids[0])
    assert (prev[(prev["wave"] == w) & (prev["status"] == g)]["n_participants"] != "c").all()


def test_indicator_trends_by_status_do_not_give_away_the_other_group():
    """The councils of each status group with a value of an indicator at a period add up to the study's councils with
    a value there, which the DfE publishes council by council. 8 councils, 2 of them in intervention at some wave
    (seed 30908, computed here from the status history): the trends published the 6 and so gave away the 2 (and,
    with the DfE's figures and the 6's mean, which councils they were). Where one group's count is hidden, so is the
    other's."""
    from impact.pipeline import analyse
    from impact.synth import generate_with_truth

    def build():
        study, _ = generate_with_truth(8, seed=30908, interviews_per_wave=1, words_per_interview=100)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return study, analyse(study, n_resamples=99, seed=1, parts=["indicators"])

    study, findings = once_per_worker(("round38", "indicators8"), build)
    ws = study.wave_status()
    ever = ws.groupby("council_id")["intervention"].agg(lambda s: s.isin(["notice", "direction"]).any())
    assert 0 < ever.sum() < 5 <= (~ever).sum()
    report, _ = _report(findings)
    trends = next(t for t in _blocks(report, _table()) if t.name == "indicator_trends").data
    # what the intruder knows: the councils with a value at each period (the DfE's own figures)
    known = findings.indicator_trends.groupby(["measure", findings.indicator_trends["period"].astype(str)])[
        "n_councils"].sum()
    pinned = []
    for (m, period), g in trends.groupby(["measure", trends["period"].astype(str)]):
        hidden = (g["n_councils"] == "c").sum()
        if hidden == 1 and known[(m, period)] > 0:
            pinned.append((m, period))
    assert not pinned, pinned[:5]
    assert (trends["n_councils"] == "c").any()

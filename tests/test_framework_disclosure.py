"""The framework matrix's disclosure control: by default its statements are tied to groups of at least ``quote_k``
councils, never to one council under its pseudonym; the matrix by council is published only when asked for
(``council_matrix=True``, ``--council-matrix``) and the provenance records it.

Planted data: a generated study of 8 councils whose review-theme codings are supplied, one theme per council on a
respondent's statement no other council's transcripts hold, so where each published statement came from is known.
"""

from __future__ import annotations

import re
import warnings

import pandas as pd
import pytest
from conftest import once_per_worker

#: The themes planted: every council raises the first, and the second or the third (a core theme that comes first in
#: the codebook, an optional one) by its position.
_THEMES = ("working_together_lscb", "vision_strategy_leadership", "managing_performance")


def _plant():
    from impact import segment
    from impact.pipeline import analyse
    from impact.synth import generate_with_truth

    study, truth = generate_with_truth(8, seed=4401, interviews_per_wave=2, words_per_interview=120)
    seg = segment(study)
    coded = truth.coded()
    said = seg[(seg["speaker"] == "respondent") & seg["text"].str.strip().str.len().between(60, 150)
               & ~seg["segment_id"].isin(coded.get("unit", pd.Series(dtype=str)))]
    said = said[~said["text"].duplicated(keep=False)]  # a statement only one council made
    planted, rows = {}, []
    for i, (cid, grp) in enumerate(said.groupby("council_id", sort=True)):
        for theme, (_, s) in zip((_THEMES[0], _THEMES[1 + i % 2]), grp.iloc[:2].iterrows(), strict=False):
            rows.append({"interview_id": s["interview_id"], "start": s["start"], "end": s["end"], "code": theme,
                         "polarity": "asserted", "coder": "person"})
            planted[s["text"].strip()] = (str(cid), theme)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        findings = analyse(study, coded=pd.concat([coded, pd.DataFrame(rows)], ignore_index=True), n_resamples=99,
                           seed=1, parts=["framework"])
    return study, planted, findings


@pytest.fixture(scope="module")
def planted():
    return once_per_worker(("framework-disclosure", 4401), _plant)


def _ever_in_intervention(study) -> dict[str, bool]:
    """Each council's status at any wave, computed here from the status history (notice or direction in force on the
    wave's reference date)."""
    ws = study.wave_status()
    return {str(c): bool(g["intervention"].isin(["notice", "direction"]).any()) for c, g in ws.groupby("council_id")}


def _councils_of(header: str, study, interviewed: set[str]) -> set[str] | None:
    """The councils a column of a framework table by group stands for (None: a header that names no group)."""
    ever = _ever_in_intervention(study)
    return {"all_councils": interviewed,
            "intervention_at_some_wave": {c for c in interviewed if ever[c]},
            "intervention_at_no_wave": {c for c in interviewed if not ever[c]}}.get(header)


def _framework_tables(report):
    from impact.report import Table

    return [b for s in report.sections for b in s.blocks if isinstance(b, Table) and b.name.startswith("framework_")]


def _snippet(text: str) -> str:
    """The statement as a cell quotes it whole (at most 150 characters: not shortened)."""
    return f"\u201c{' '.join(text.split())}\u201d"


@pytest.mark.parametrize("quote_k", [2, 3, 5])
def test_no_statement_is_tied_to_fewer_than_quote_k_councils(planted, quote_k):
    """By default every planted statement the report publishes sits in a cell of a column standing for at least
    ``quote_k`` councils (computed here from the study's status history), in a table with no council column; the
    count in the cell is the councils of that group that raised the theme (``c`` under ``min_count``); no published
    text beside the matrix names a council's pseudonym."""
    from impact.pipeline import build_report
    from impact.privacy import pseudonym_map

    study, statements, findings = planted
    interviewed = set(findings.themes.loc[findings.themes["interviewed"], "council_id"].astype(str))
    report, _ = build_report(findings, quote_k=quote_k, min_count=2)
    tables = _framework_tables(report)
    assert tables
    pseudonyms = set(pseudonym_map(study.councils["council_id"], kind="council", key=None).values())
    names = set(study.councils["name"])
    shown = 0
    order = _theme_order()
    for t in tables:
        assert "council" not in t.data.columns
        assert t.data["theme"].map(order).is_monotonic_increasing, t.data["theme"].tolist()  # the codebook's order
        for column in t.data.columns[1:]:
            group = _councils_of(column, study, interviewed)
            assert group is not None and len(group) >= quote_k, (column, group)
            for theme_label, cell in zip(t.data["theme"], t.data[column], strict=True):
                assert not (set(re.findall(r"Council \S+", cell)) & pseudonyms) and not any(n in cell for n in names)
                for text, (cid, theme) in statements.items():
                    if _snippet(text) in cell:
                        shown += 1
                        assert cid in group and theme == _theme_code(theme_label), (text, cid, column)
                # the count: councils of the group whose participants raised this theme (planted truth)
                raised = {cid for cid, th in statements.values() if th == _theme_code(theme_label) and cid in group}
                if raised:
                    # a suppressed count says "c councils", not "c council" (which gave away that it was one)
                    n = cell.split(":")[0]
                    assert n == (f"{len(raised)} councils" if len(raised) >= 2 else "c councils"), (column, cell)
                else:
                    assert cell == ""
    # statements are shown wherever the study has quote_k councils to share them
    assert (shown > 0) == (len(interviewed) >= quote_k), shown
    assert report.provenance.get("council_matrix") is False


def test_no_published_file_names_a_council(planted, tmp_path):
    """The default report rendered (HTML, Word, workbook, CSVs, figures, provenance.json): no file holds a council's
    pseudonym or name (every file but the matrix held none before, so the matrix's rows were the only link), and
    provenance.json records the matrix by group."""
    import json

    from test_pipeline import _all_text

    from impact.pipeline import build_report
    from impact.privacy import pseudonym_map
    from impact.report import render

    study, _, findings = planted
    report, _ = build_report(findings)
    render(report, tmp_path)
    pseudonyms = pseudonym_map(study.councils["council_id"], kind="council", key=None).values()
    for path, text in _all_text(tmp_path).items():
        said = [p for p in [*pseudonyms, *study.councils["name"]] if re.search(rf"\b{re.escape(p)}\b", text)]
        assert not said, (path, said)
    assert json.loads((tmp_path / "provenance.json").read_text())["provenance"]["council_matrix"] is False
    # and the report's account of how it was produced says so in words
    # (read as its reader reads it: a label's units are held in no-wrap spans since render60)
    page = " ".join(re.sub(r"<[^>]+>", " ", (tmp_path / "report.html").read_text()).split())
    assert re.search(r"Framework matrix with a row per council\W+No\b", page)


def _theme_order() -> dict[str, int]:
    from impact.coding import Codebook

    return {label: i for i, label in enumerate(Codebook.load("review_themes").codes["label"])}


def _theme_code(label: str) -> str:
    from impact.coding import Codebook

    book = Codebook.load("review_themes").codes
    return dict(zip(book["label"], book["code_id"], strict=True))[label]


def test_councils_are_grouped_by_status_where_each_group_has_quote_k(planted):
    """With ``quote_k`` at most the smaller status group the columns are the two groups; above it, one column."""
    from impact.pipeline import build_report

    study, _, findings = planted
    interviewed = set(findings.themes.loc[findings.themes["interviewed"], "council_id"].astype(str))
    ever = _ever_in_intervention(study)
    smaller = min(sum(ever[c] for c in interviewed), sum(not ever[c] for c in interviewed))
    assert smaller >= 1
    for k, expected in ((smaller, ["intervention_at_some_wave", "intervention_at_no_wave"]),
                        (smaller + 1, ["all_councils"])):
        report, _ = build_report(findings, quote_k=k)
        assert {tuple(t.data.columns[1:]) for t in _framework_tables(report)} == {tuple(expected)}, k


def test_the_matrix_by_council_is_given_when_asked_for_and_recorded(planted):
    """``council_matrix=True``: a row per interviewed council under its pseudonym, each planted statement in its own
    council's row, and the provenance says so."""
    from impact.pipeline import build_report
    from impact.privacy import pseudonym_map

    study, statements, findings = planted
    report, _ = build_report(findings, council_matrix=True)
    assert report.provenance["council_matrix"] is True
    name = pseudonym_map(study.councils["council_id"], kind="council", key=None)
    interviewed = set(findings.themes.loc[findings.themes["interviewed"], "council_id"].astype(str))
    tables = _framework_tables(report)
    assert tables and all("--council-matrix" in t.notes for t in tables)
    found = 0
    for t in tables:
        assert set(t.data["council"]) == {name[c] for c in interviewed}
        for _, row in t.data.iterrows():
            for text, (cid, _) in statements.items():
                if any(_snippet(text) in str(v) for v in row.to_numpy()[1:]):
                    found += 1
                    assert row["council"] == name[cid], (text, row["council"])
    assert found > 0


def test_the_cli_passes_the_opt_in_and_the_run_records_it(monkeypatch, tmp_path):
    """``impact run --council-matrix`` asks the pipeline for the matrix by council; without it, by group."""
    import impact.pipeline
    from impact.cli import main

    seen = []

    class Done(Exception):
        pass

    def fake_run(study, *, out_dir, **kwargs):  # the command passes out_dir by keyword (newuser4: it warned)
        seen.append(kwargs["council_matrix"])
        raise Done

    monkeypatch.setattr(impact.pipeline, "run", fake_run)
    monkeypatch.setattr("impact.cli._run.load_study", lambda path, **kwargs: object())
    study = tmp_path / "study"
    study.mkdir()
    (study / "study.yaml").write_text("name: x\n")
    for extra in ([], ["--council-matrix"]):
        with pytest.raises(Done):
            main(["run", str(study), "--out", str(tmp_path / "out"), *extra])
    assert seen == [False, True]

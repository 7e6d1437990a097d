"""Report truth, round 29: what a reader is told where a model could not tell councils in and out of intervention
apart (each test fails on the code before it)."""

from __future__ import annotations

import warnings

import pytest


@pytest.mark.parametrize(("paths", "said"), [
    ({"never": 1.0}, "no council was in intervention when it answered the survey"),
    ({"throughout": 1.0}, "every council was in intervention whenever it answered the survey")])
def test_a_survey_on_wave_alone_says_which_status_every_council_had(paths, said):
    """Round 28 read a 20-council study with no council ever in intervention: the summary said the survey's change
    "could not be estimated separately in councils in and not in intervention", and the table's note that
    "intervention status does not vary", neither saying which status every council had. Planted: 8 councils all on
    one path (never in intervention, or in it throughout), the survey score up at the last wave."""
    from conftest import summary_bullets

    from impact.effects import survey_effects
    from impact.pipeline import analyse
    from impact.synth import generate_with_truth

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        study, truth = generate_with_truth(8, seed=2929, interviews_per_wave=1, words_per_interview=50,
                                           effects={"survey_shift": 1.0}, intervention_paths=paths)
        assert {c["intervention_path"] for c in truth.councils} == set(paths)
        model = survey_effects(study)
        findings = analyse(study, n_resamples=99, seed=1)
    assert any(n.endswith(f"wave alone: {said}") for n in model.attrs["notes"]), model.attrs["notes"]
    survey = [b for b in summary_bullets(findings) if b.startswith("In the staff and partner survey")]
    assert survey and all(f"could not be estimated separately in councils in and not in intervention, as {said}" in b
                          for b in survey), survey


def test_the_suppression_ledger_names_each_column_by_the_heading_its_table_shows(example_run):
    """The ledger (tables/suppressions.csv, the report's last table) named the p-value columns of results that are no
    finding "P value unconfirmed; P adjusted unconfirmed", words from the column's identifier, where the table they
    are in heads them "p-value (not a finding)": a reader could not find the cell. Every column it names is a heading
    of the report's tables."""
    import html
    import re

    import pandas as pd

    out = example_run.out_dir
    page = (out / "report.html").read_text(encoding="utf-8")
    headings = {html.unescape(re.sub(r"<[^>]+>", "", h)).strip() for h in re.findall(r"<th[^>]*>(.*?)</th>", page, re.S)}
    # a heading whose part shared with the columns beside it is said once above them (round 44) reads whole as the
    # label of its cells
    headings |= {html.unescape(h) for h in re.findall(r'data-label="([^"]*)"', page)}
    ledger = pd.read_csv(out / "tables" / "suppressions.csv", dtype=str, keep_default_na=False)
    tables = ledger[ledger["column"] != ""]
    named = {part for cell in tables["column"] for part in cell.split("; ")}
    assert named and any("p-value (not a finding)" in h for h in headings)
    assert not named - headings, sorted(named - headings)

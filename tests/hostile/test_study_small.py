"""A study that validates can be analysed (issue 18.2): small studies, and what they can and cannot give.

``impact.validate.capabilities`` states, for each analysis, whether the study
supports it and why not; the values here are planted (the studies are built
so the answer is known).  The runs call :func:`impact.run`, which must finish
and say in the report why a section it cannot compute is missing.
"""

from __future__ import annotations

import pytest

import impact
from impact.study import Study
from impact.validate import capabilities


def _subset(study, councils, *, waves=None):
    names = ["councils", "status_history", "reviews", "participants", "interviews", "survey_responses"]
    tables = {n: study.table(n) for n in names}
    tables = {n: df[df["council_id"].isin(councils)] for n, df in tables.items()}
    if waves is not None:
        tables["interviews"] = tables["interviews"][tables["interviews"]["wave"].isin(waves)]
    texts = {t: study._transcript_text(t) for t in tables["interviews"]["transcript"]}
    return Study(study.meta, tables, texts)


def _caps(study):
    return capabilities(study).set_index("analysis")


def test_full_tiny_study_capabilities(tiny_study):
    caps = _caps(tiny_study)
    assert caps.loc["coding", "possible"] and caps.loc["coding", "n"] == 10
    assert caps.loc["change_over_time", "possible"] and caps.loc["change_over_time", "n"] == 3
    assert caps.loc["trajectories", "n"] == 4  # every participant seen at two or more waves
    # councils 301, 302 never in intervention; 880 under a notice until 2012-03-31: one council at most in a group
    assert not caps.loc["group_comparison", "possible"]
    assert not caps.loc["longitudinal_model", "possible"]  # three councils, four needed
    assert caps.loc["survey", "possible"] and caps.loc["survey", "n"] == 2
    assert not caps.loc["indicators", "possible"] and "indicators.csv" in caps.loc["indicators", "reason"]


@pytest.fixture(params=["one_council", "two_councils", "one_wave", "no_interviews"])
def small(request, tiny_study):
    return request.param, {
        "one_council": lambda: _subset(tiny_study, ["301"]),
        "two_councils": lambda: _subset(tiny_study, ["301", "302"]),
        "one_wave": lambda: _subset(tiny_study, ["301", "302", "880"], waves=["early"]),
        "no_interviews": lambda: _subset(tiny_study, ["301", "302", "880"], waves=[]),
    }[request.param]()


def test_small_studies_validate_and_say_what_they_cannot_give(small, tmp_path):
    kind, study = small
    study.save(tmp_path / "s")
    loaded = impact.load_study(tmp_path / "s")  # validates
    caps = _caps(loaded)
    assert not caps.loc["group_comparison", "possible"]
    if kind == "one_wave":
        assert not caps.loc["change_over_time", "possible"]
        assert "all interviews are at early" in caps.loc["change_over_time", "reason"]
        assert caps.loc["coding", "possible"]
    if kind == "no_interviews":
        assert not caps.loc["coding", "possible"] and caps.loc["coding", "n"] == 0
        assert any("interviews" in p.expected for p in loaded.load_problems)  # a warning, not an error
    if kind == "one_council":
        assert caps.loc["sample", "n"] == 1 and caps.loc["change_over_time", "n"] == 1


def test_small_studies_run(small, tmp_path):
    _, study = small
    study.save(tmp_path / "s")
    result = impact.run(tmp_path / "s", out_dir=tmp_path / "out", n_resamples=99)
    assert (result.out_dir / "report.html").is_file()
    caps = _caps(study)
    html = (result.out_dir / "report.html").read_text(encoding="utf-8")
    for analysis, reason in result.findings.not_computed.items():
        assert reason.split(",")[0][:40] in html, (analysis, reason)
    if not caps.loc["group_comparison", "possible"]:
        assert "comparisons" in result.findings.not_computed

"""Report truth, round 70: the change table of a study whose every council share is 0% or 100% at every wave (one
participant a council and wave) names the test it ran (McNemar's test at two waves, Cochran's Q at three or more),
heads its values as shares of councils, not medians, and its effect as their difference in percentage points. Main
named Wilcoxon's signed-rank test or Friedman's test, "median share" and Kendall's W for them (found by disclosure72
on a 25-council study; seeds here never used before)."""

from __future__ import annotations

import warnings

import pytest
from conftest import analysed_synthetic, reported_with_status
from scipy import stats

DESIGN = dict(interviews_per_wave=1, words_per_interview=60, parts=["change"])


def _report(waves, seed, **design):
    from impact.pipeline import build_report

    study, truth, findings = analysed_synthetic(25, seed, waves=waves, **{**DESIGN, **design})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        report = build_report(findings, min_count=1)[0]
    return study, truth, findings, report


def _change_blocks(report):
    from impact.report import Paragraph, Table

    for s in report.sections:
        for i, b in enumerate(s.blocks):
            if isinstance(b, Table) and b.name == "change_over_time":
                lead = s.blocks[i - 1]
                return (lead.text if isinstance(lead, Paragraph) else ""), b
    raise AssertionError("no change table")


@pytest.mark.parametrize(("waves", "seed", "test", "wrong"), [
    (2, 70512, "McNemar's test between the two waves", "Wilcoxon"),
    (3, 70513, "Cochran's Q test across the 3 waves", "Friedman"),
])
def test_binary_change_names_its_test_and_shares(waves, seed, test, wrong):
    study, truth, findings, report = _report(waves, seed)
    assert set(findings.change["test"].dropna()) == {"mcnemar" if waves == 2 else "cochran_q"}  # the case
    lead, table = _change_blocks(report)
    assert test in lead and wrong not in lead, lead
    notes = " ".join(table.notes) if isinstance(table.notes, list | tuple) else str(table.notes)
    assert "share of councils reporting the impact at the first and last wave" in notes, notes
    assert "median share" not in notes and "Kendall's W" not in notes and "rank-biserial" not in notes, notes
    first, last = study.wave_ids[0], study.wave_ids[-1]
    for w in (first, last):
        assert table.labels[f"median_{w}"].text.startswith("Share of councils"), table.labels[f"median_{w}"]
    assert table.columns_format["difference"] == "pp:0"
    # the methods line names it too (it said "Friedman's or Wilcoxon's signed-rank test" of any test it did not know)
    said = " ".join(" ".join(map(str, getattr(b, "items", None) or [getattr(b, "text", "")]))
                    for s in report.sections for b in s.blocks)
    assert f"{test.split(' between')[0].split(' across')[0]} of the change across the waves" in said


def test_binary_change_values_are_the_planted_shares_and_mcnemar_p():
    """Each published row (min_count 1): the shares at the two waves are those of the councils in the row's status
    group at both waves with a planted report of the impact, and the p is McNemar's exact p (scipy's binomial test on
    the councils that moved up and down), all from the planted coding, not the package's panels."""
    study, truth, findings, report = _report(2, 70512)
    _, table = _change_blocks(report)
    codes = list(dict.fromkeys(table.data["impact"]))
    h = reported_with_status(study, truth, codes)
    council = h.groupby(["council_id", "code", "wave"], observed=True).agg(y=("y", "max"), s=("in_intervention", "max"))
    wide = council.reset_index().pivot_table(index=["council_id", "code"], columns="wave", values=["y", "s"],
                                             observed=True).dropna()
    first, last = study.wave_ids
    checked = 0
    for r in table.data.to_dict("records"):
        if r["test"] == "c" or r["median_" + first] == "c" or r["p_value"] == "c":
            continue
        g = 1 if r["status"] == "intervention" else 0
        rows = wide[(wide[("s", first)] == g) & (wide[("s", last)] == g)].xs(r["impact"], level="code")
        assert len(rows) == int(r["n_councils"])
        a, b = rows[("y", first)].astype(int), rows[("y", last)].astype(int)
        assert float(r["median_" + first]) == pytest.approx(a.mean())
        assert float(r["median_" + last]) == pytest.approx(b.mean())
        assert float(r["difference"]) == pytest.approx(b.mean() - a.mean())
        up, down = int(((a == 0) & (b == 1)).sum()), int(((a == 1) & (b == 0)).sum())
        want = stats.binomtest(up, up + down, 0.5).pvalue if up + down else 1.0
        assert float(r["p_value"]) == pytest.approx(want)
        checked += 1
    assert checked >= 4, table.data

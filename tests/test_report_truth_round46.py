"""Report truth, round 46 (truth46): the report at the ends of the range the package promises (5 and 150 councils),
read against planted truth: the summary's caveat on the comparisons by intervention status where every one of them
is suppressed, and lists of counts above 999."""

from __future__ import annotations

import pytest
from conftest import analysed_synthetic, report_of, report_table, summary_of


@pytest.fixture(scope="module")
def five_councils():
    """``(study, truth, findings)``: 5 councils (seed 46006, three interviews per council and wave of 150 words),
    analysed with the planted coding, the comparisons only. Planted: two or three councils in intervention at each
    wave, fewer than the report's 5 needed to publish a group's figures."""
    return analysed_synthetic(5, 46006, interviews_per_wave=3, words_per_interview=150, parts=["comparisons"])


def _caveats(section) -> str:
    from impact.report import Callout

    return " ".join(b.text for b in section.blocks if isinstance(b, Callout))


def test_no_wide_intervals_said_of_comparisons_all_suppressed(five_councils):
    """'Comparisons by intervention status rest on few councils ..., so intervals are wide and a non-significant
    difference is not evidence of no difference' was said where every difference, interval and test of the comparisons
    table is c: the reader was told of intervals and tests the report does not show. The caveat says instead that the
    comparisons show no figure; with nothing suppressed (min_count 1) the same study's intervals are shown, and the
    caveat on their width is given again."""
    from impact.pipeline import build_report

    study, truth, findings = five_councils
    in_intervention = {w: sum(c["in_intervention"][w] for c in truth.councils) for w in study.wave_ids}
    # planted: each status group has fewer than 5 councils at some wave, so none of its figures may be published
    assert all(0 < min(k, 5 - k) < 5 for k in in_intervention.values()), in_intervention
    table = report_table(findings, "comparisons").data
    assert (table[["difference", "ci_low", "ci_high", "p_value"]] == "c").all().all()
    said = _caveats(summary_of(findings))
    assert "intervals are wide" not in said and "non-significant difference" not in said, said
    assert "The comparisons of councils in and not in intervention show no figure" in said, said

    report, _ = build_report(findings, min_count=1)
    shown = next(b for s in report.sections for b in s.blocks if getattr(b, "name", None) == "comparisons").data
    assert shown["ci_low"].ne("c").any()
    said = _caveats(report.sections[0])
    assert "intervals are wide" in said and "show no figure" not in said, said


def test_thousands_separators_do_not_set_off_a_list():
    """A count above 999 has a comma of its own ('1,294'): the list of the shares of statements by wave was set off by
    semicolons as if an item held a list, '11% of the 1,294 such statements at early impact; and 31% of the 925' (the
    summary at 150 councils, seed 46150). A comma of the prose still sets the items off by semicolons."""
    from impact._words import _listed

    assert (_listed(["11% of the 1,294 such statements at early impact", "31% of the 925 at longer-term change"])
            == "11% of the 1,294 such statements at early impact and 31% of the 925 at longer-term change")
    assert _listed(["2,219 statements", "1,045,300 words", "12 councils"]) == \
        "2,219 statements, 1,045,300 words and 12 councils"
    assert _listed(["ideas, plans and actions", "1,294 statements"]) == "ideas, plans and actions; and 1,294 statements"
    assert _listed(["a list, 1,294", "b"]) == "a list, 1,294; and b"
    assert _listed(["0,5 of a share", "b"]) == "0,5 of a share; and b"


def test_realisation_shares_of_many_councils_not_called_few(process_thirty):
    """'With few councils these shares describe; they do not test' was said of the shares of factors said to help, by
    whether expectations were realised, at 150 councils (seeds 46150 and 46151): the shares are never tested, whatever
    the councils, and a study of 10 or more is not few by the package's own measure (the models' FEW_UNITS). Read on
    30 councils of the default design."""
    from impact.report import Paragraph, Table

    study, _, findings = process_thirty
    assert len(study.councils) == 30
    [section] = [s for s in report_of(findings)[0].sections if s.title == "What shaped impact"]
    at = next(i for i, b in enumerate(section.blocks) if isinstance(b, Table) and b.name == "process_by_realisation")
    said = section.blocks[at - 1]
    assert isinstance(said, Paragraph) and said.text.startswith("Exploratory:"), said
    assert "few councils" not in said.text and "These shares describe; they are not tested" in said.text, said.text

"""``impact.pipeline.build_summary``: the report's summary built alone is the first section of the whole report.

The summary reads the ledger of what is published and withheld and the p-values adjusted beside it, which every
section reads, and nothing of the sections after it; the tests that read only the summary build it alone (about half
a build). It must be the whole build's summary, block for block, under every option that changes the summary.
"""

from __future__ import annotations

import pytest
from conftest import report_of, tiny_analysed

from impact.pipeline import build_report, build_summary


@pytest.mark.parametrize("options", [{}, {"min_count": 1}, {"min_count": 12}, {"identify": True},
                                     {"key": "another-key-0123456789", "quote_k": 2, "council_matrix": True}],
                         ids=["default", "min_count=1", "min_count=12", "identify", "key,quote_k,council_matrix"])
def test_the_summary_built_alone_is_the_whole_report_s_first_section(options):
    findings = tiny_analysed()
    whole, _ = build_report(findings, **options)
    alone = build_summary(findings, **options)
    assert whole.sections[0].title == "Summary"
    assert repr(alone) == repr(whole.sections[0])


def test_the_summary_of_a_machine_coded_study_with_a_hand_check_is_the_whole_report_s(machine_checked_core):
    """Machine-coded with a hand check (the summary's caveats on the coder, the hand check's kappas, the models'
    sentences of a 24-council study): every block the same as the whole report's."""
    _, _, findings = machine_checked_core
    alone = build_summary(findings)
    assert repr(alone) == repr(report_of(findings)[0].sections[0])
    assert len(alone.blocks) > 2

"""The report's prose reads as one sentence where it is one: no sentence closed inside brackets that opened mid-way."""

from __future__ import annotations

import re

from conftest import report_of

from impact.report import Bullets, Paragraph, Table


def _texts(report):
    for section in report.sections:
        for block in section.blocks:
            if isinstance(block, Paragraph):
                yield section.title, block.text
            elif isinstance(block, Bullets):
                yield from ((section.title, item) for item in block.items)
            elif isinstance(block, Table):
                yield section.title, block.caption
                yield section.title, block.notes


def test_no_full_stop_closes_a_bracket_opened_inside_a_sentence(ten_council_run):
    """A measure's definition is a sentence of its own: set in brackets inside a table's note it read "... was
    anticipated (hoped for, expected or planned (a hedged or future-tense mention, not negated).) The 95% intervals",
    a sentence ending inside brackets opened mid-sentence."""
    report, _ = report_of(ten_council_run.findings)
    bad = []
    for title, text in _texts(report):
        for m in re.finditer(r"(?<!\.\.)\.\)", text or ""):
            bad.append(f"{title}: ...{text[max(0, m.start() - 80):m.end() + 20]}")
    assert not bad, "\n".join(bad)
    notes = [t for _, t in _texts(report) if t and "participants for whom the impact was" in t]
    assert notes, "the prevalence tables' notes define their measure"

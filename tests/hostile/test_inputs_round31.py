"""Hostile inputs, round 31 (helper-inputs31).

Each test is a hostile input the old code got wrong; what it did is said beside the test.  Tests named ``guard``
pin behaviour that held and must keep holding.
"""

from __future__ import annotations

import pytest

from .test_inputs_round28 import _read_docx
from .test_inputs_round30 import _docx_transcript
from .test_inputs_round5 import _problems

# --------------------------------------------------------------------------- 1. a paragraph mark deleted in Word

_RUN = '<w:r><w:t xml:space="preserve">{}</w:t></w:r>'
_MARK_GONE = '<w:pPr><w:rPr><w:{0} w:id="9" w:author="x" w:date="2025-01-01T00:00:00Z"/></w:rPr></w:pPr>'


@pytest.mark.parametrize("tag", ["del", "moveFrom"])
def test_docx_a_paragraph_mark_deleted_with_tracking_joins_the_two_paragraphs(tmp_path, tag):
    # On the old code two lines, 'Respondent: We rewrote the' and 'threshold document.': Word, the change accepted,
    # shows one paragraph.
    from impact.study import read_transcript

    from .test_study_inputs import _docx

    body = ("<w:p>" + _RUN.format("Interviewer: How has it gone?") + "</w:p>"
            + "<w:p>" + _MARK_GONE.format(tag) + _RUN.format("Respondent: We rewrote the ") + "</w:p>"
            + "<w:p>" + _MARK_GONE.format(tag) + _RUN.format("threshold ") + "</w:p>"
            + "<w:p>" + _RUN.format("document.") + "</w:p>"
            + "<w:p>" + _RUN.format("Interviewer: Thanks.") + "</w:p>")
    _docx(tmp_path / "t.docx", body)
    assert read_transcript(tmp_path / "t.docx").splitlines() == [
        "Interviewer: How has it gone?", "Respondent: We rewrote the threshold document.", "Interviewer: Thanks."]


def test_guard_docx_a_paragraph_mark_inserted_with_tracking_keeps_two_lines(tmp_path):
    from impact.study import read_transcript

    from .test_study_inputs import _docx

    body = ("<w:p>" + _MARK_GONE.format("ins") + _RUN.format("Interviewer: Why?") + "</w:p>"
            + "<w:p>" + _RUN.format("Respondent: The review.") + "</w:p>")
    _docx(tmp_path / "t.docx", body)
    assert read_transcript(tmp_path / "t.docx").splitlines() == ["Interviewer: Why?", "Respondent: The review."]

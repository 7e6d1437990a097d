"""Hostile inputs, round 26 (helper-inputs26).

Each test is a hostile input the old code got wrong; what it did is said beside the test.  Tests named ``guard``
pin behaviour that held and must keep holding.
"""

from __future__ import annotations

import pytest

from .test_study_inputs import _docx, _p, _row

# --------------------------------------------------------------------------- 1. .docx turns as rows of 3+ cells


@pytest.mark.parametrize(("cells", "line"), [
    (("Respondent", "We rewrote the threshold document.", "00:03:15"),
     "Respondent [00:03:15]: We rewrote the threshold document."),
    (("00:03:15", "Respondent", "We rewrote the threshold document."),
     "Respondent [00:03:15]: We rewrote the threshold document."),
    (("Respondent:", "00:03", "We rewrote the threshold document."),
     "Respondent [00:03]: We rewrote the threshold document."),
], ids=["speaker_text_time", "time_speaker_text", "speaker_time_text"])
def test_docx_turns_in_rows_of_three_cells_keep_their_speaker(tmp_path, cells, line):
    # On the old code a row of three cells was its cells joined by spaces ('Respondent We rewrote ... 00:03:15'):
    # no colon, so the turn's speaker was lost and its words went to the turn before.
    from impact.coding.segment import split_turns
    from impact.study import read_transcript

    body = "<w:tbl>" + _row("Interviewer", "How has it gone?", "00:03:02") + _row(*cells) + "</w:tbl>"
    _docx(tmp_path / "t.docx", body)
    text = read_transcript(tmp_path / "t.docx")
    assert text.splitlines() == ["Interviewer [00:03:02]: How has it gone?", line]
    turns = split_turns(text)
    assert list(turns["speaker"]) == ["interviewer", "respondent"]
    assert [text[a:b] for a, b in zip(turns["start"], turns["end"])] == [
        "How has it gone?", "We rewrote the threshold document."]


def test_guard_docx_rows_of_three_cells_that_are_not_turns_are_read_whole(tmp_path):
    # guard: a row of a table of figures (no speaker, no time) is its cells joined by spaces, as before
    from impact.study import read_transcript

    body = _p("Figures") + "<w:tbl>" + _row("2019", "12 referrals", "4 re-referrals") + "</w:tbl>"
    _docx(tmp_path / "t.docx", body)
    assert read_transcript(tmp_path / "t.docx").splitlines() == ["Figures", "2019 12 referrals 4 re-referrals"]

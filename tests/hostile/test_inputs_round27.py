"""Hostile inputs, round 27 (helper-inputs27).

Each test is a hostile input the old code got wrong; what it did is said beside the test.  Tests named ``guard``
pin behaviour that held and must keep holding.
"""

from __future__ import annotations

import pytest

from .test_study_inputs import _docx, _p, _row

# --------------------------------------------------------------------------- 1. .docx turns in rows without a time


@pytest.mark.parametrize("layout", ["number_speaker_text", "speaker_text_notes", "speaker_blank_text"])
def test_docx_turns_in_rows_of_three_cells_without_a_time_keep_their_speaker(tmp_path, layout):
    # On the old code a row of three cells without a time cell was its cells joined by spaces ('1 Interviewer How
    # has it gone?'): no colon, so every speaker label was lost and the interview read as one unlabelled turn.
    from impact.coding.segment import split_turns
    from impact.study import read_transcript

    said = [("Interviewer", "How has it gone?", "first question"), ("Respondent", "Better than last year.", ""),
            ("Interviewer", "Why is that?", ""), ("Respondent", "We rewrote the threshold document.", "laughs")]
    rows = {
        "number_speaker_text": [_row(str(k), who, text) for k, (who, text, _) in enumerate(said, 1)],
        "speaker_text_notes": [_row(who, text, note) for who, text, note in said],
        "speaker_blank_text": [_row(who, "", text, str(k)) for k, (who, text, _) in enumerate(said, 1)],
    }[layout]
    _docx(tmp_path / "t.docx", "<w:tbl>" + "".join(rows) + "</w:tbl>")
    text = read_transcript(tmp_path / "t.docx")
    turns = split_turns(text)
    assert list(turns["speaker"]) == ["interviewer", "respondent"] * 2
    got = [text[a:b] for a, b in zip(turns["start"], turns["end"])]
    if layout == "speaker_text_notes":  # the notes are read, beside the turn's words, not dropped
        assert got == [f"{t} {n}".strip() for _, t, n in said]
    elif layout == "speaker_blank_text":  # a number after the text is no turn number: read as text
        assert got == [f"{t} {k}" for k, (_, t, _) in enumerate(said, 1)]
    else:
        assert got == [t for _, t, _ in said]


def test_guard_docx_tables_of_figures_with_three_columns_are_read_whole(tmp_path):
    # guard: rows naming each subject once (a table of figures) are not turns, whatever the shape of their cells
    from impact.study import read_transcript

    body = _p("Figures") + "<w:tbl>" + _row("Area", "2019", "2020") + _row("Barnet", "12", "14") + _row(
        "Camden", "9", "11") + "</w:tbl>"
    _docx(tmp_path / "t.docx", body)
    assert read_transcript(tmp_path / "t.docx").splitlines() == ["Figures", "Area 2019 2020", "Barnet 12 14",
                                                                 "Camden 9 11"]

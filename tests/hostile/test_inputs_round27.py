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


# --------------------------------------------------------------------------- 2. .docx comments, footnotes, endnotes


def _noted(text, tag, k):
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r><w:r><w:{tag} w:id="{k}"/></w:r></w:p>'


def test_docx_comments_and_footnotes_are_told_not_dropped(tmp_path):
    # On the old code a transcript's comments and footnotes were not read and nothing said so.
    from impact.study import TranscriptNotesWarning, read_transcript

    body = (_noted("Interviewer: How has it gone?", "commentReference", 1)
            + _noted("Respondent: Better.", "commentReference", 2) + _noted("Interviewer: Why?", "commentReference", 2)
            + _noted("Respondent: The threshold document.", "footnoteReference", 1))
    _docx(tmp_path / "t.docx", body)
    with pytest.warns(TranscriptNotesWarning) as caught:
        text = read_transcript(tmp_path / "t.docx", label="transcripts/t.docx")
    assert text.splitlines()[-1] == "Respondent: The threshold document."
    assert len(caught) == 1
    assert str(caught[0].message).startswith("transcripts/t.docx: 2 comments and 1 footnote not read")


def test_validate_names_the_transcript_with_endnotes(study_dir, capsys):
    # On the old code `impact validate` said nothing of an interview's endnote, which was not read.
    from impact.cli import main

    folder = study_dir / "transcripts" / "301"
    lines = (folder / "P1-early.txt").read_text(encoding="utf-8").splitlines()
    _docx(folder / "P1-early.docx", _p(lines[0]) + _noted(lines[1], "endnoteReference", 1)
          + "".join(_p(t) for t in lines[2:]))
    (folder / "P1-early.txt").unlink()
    interviews = study_dir / "interviews.csv"
    interviews.write_text(interviews.read_text(encoding="utf-8").replace("P1-early.txt", "P1-early.docx"),
                          encoding="utf-8")
    assert main(["validate", str(study_dir)]) == 0
    assert ("warning: interviews.csv:3:transcript: '301/P1-early.docx' - expected a transcript whose every word is "
            "read (transcripts/301/P1-early.docx: 1 endnote not read (notes beside the interview") in capsys.readouterr().out

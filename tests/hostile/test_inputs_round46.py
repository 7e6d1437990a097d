"""Hostile inputs, round 46 (helper-inputs46): one transcript file named by two interviews through paths written
differently, which the check comparing the paths' text let through; an interview dated after today; .docx text
written two ways (mc:AlternateContent) and equations, read neither way.

Each test is a hostile input the old code got wrong; what it did is said beside the test.  Tests and cases named
``guard`` pass on the old code too: they hold what a fix must not break.
"""

from __future__ import annotations

import os

import pytest

from impact.errors import ValidationError

from .test_inputs_round45 import _edit


def _errors(folder) -> list:
    from impact.study import load_study

    with pytest.raises(ValidationError) as info:
        load_study(folder)
    return [p for p in info.value.problems if p.severity == "error"]


# --------------------------------------------------------------------------- 1. one file, two paths
def _dot_inside(study):
    return "301/./P1-early.txt"


def _folder_link(study):
    os.symlink("301", study / "transcripts" / "again")  # a folder linked inside transcripts/: not outside the study
    return "again/P1-early.txt"


def _hard_link(study):
    os.link(study / "transcripts" / "301" / "P1-early.txt", study / "transcripts" / "301" / "P1-copy.txt")
    return "301/P1-copy.txt"


# Old: P1's expectations interview naming P1's early transcript as '301/./P1-early.txt', through a folder linked inside
# transcripts/, or by a hard link to it, was valid with a warning that the two texts were the same word for word: the
# one interview was read and coded twice, as two (the same path written twice, or as './301/P1-early.txt', was
# refused). The file is known by its device and inode, as the file system knows it, whatever the path says.
@pytest.mark.parametrize("named", [_dot_inside, _folder_link, _hard_link], ids=["dot", "folder-link", "hard-link"])
def test_one_transcript_file_named_by_two_interviews_is_refused_however_its_path_is_written(study_dir, named):
    other = named(study_dir)
    _edit(study_dir, "interviews.csv", "301/P1-expectations.txt", other)
    errors = _errors(study_dir)
    # row 2 (P1-expectations) names the file first; row 3 (P1-early) names it as written in the study
    assert [(p.file, p.row, p.column, p.value) for p in errors] == [("interviews.csv", 3, "transcript",
                                                                     "301/P1-early.txt")], errors
    assert errors[0].expected == (f"a transcript no other interview names (row 2 names the same file, as {other!r}; "
                                  "it would be counted twice)")


# A guard: two files holding the same words (copies of one focus group's transcript, one per participant, may be
# meant) stay a warning, not refused: only one file named twice is.
def test_guard_a_copy_of_a_transcript_is_told_not_refused(study_dir):
    from impact.study import load_study

    folder = study_dir / "transcripts" / "301"
    (folder / "P1-copy.txt").write_bytes((folder / "P1-early.txt").read_bytes())
    _edit(study_dir, "interviews.csv", "301/P1-expectations.txt", "301/P1-copy.txt")
    told = [p for p in load_study(study_dir).load_problems if p.column == "transcript" and p.row == 3]
    assert [p.severity for p in told] == ["warning"] and "a file copied under another name?" in told[0].expected


# --------------------------------------------------------------------------- 2. an interview dated after today
# Old: an interview dated after today, in its wave's window (a review a year ago, its longer_term interview dated
# four months ahead: a year mistyped), was valid: talk not yet held was read, coded and counted at its wave, where a
# status dated after today was refused (round 45).
def test_an_interview_dated_after_today_is_refused(study_dir):
    import pandas as pd

    today = pd.Timestamp.today().normalize()

    def day(offset: int) -> str:
        return (today + pd.Timedelta(days=offset)).strftime("%Y-%m-%d")

    start = -400  # council 880 reviewed 400 days ago; each of its interviews inside its wave's window
    _edit(study_dir, "reviews.csv", "880,2011-10-03,2011-10-07", f"880,{day(start)},{day(start + 4)}")
    for old, new in [("2011-08-01", start - 63), ("2012-01-16", start + 4 + 105), ("2011-09-01", start - 32),
                     ("2012-10-10", start + 4 + 300), ("2012-11-01", start + 4 + 520)]:  # the last 124 days ahead
        _edit(study_dir, "interviews.csv", old, day(new))
    errors = _errors(study_dir)
    assert [(p.file, p.row, p.column, p.value) for p in errors] == [("interviews.csv", 11, "date", day(124))], errors
    assert errors[0].expected == (f"a date on or before today ({day(0)}): an interview is dated the day it was held, "
                                  "and its transcript is of talk held by today; is the year mistyped?")


# --------------------------------------------------------------------------- 3. .docx text written two ways, equations
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_M = "http://schemas.openxmlformats.org/officeDocument/2006/math"


def _read_docx(tmp_path, body_xml: str) -> str:
    """A .docx of an interviewer's line then ``body_xml`` (elements of the body), read as a transcript."""
    import docx
    from docx.oxml import parse_xml

    from impact.study import read_transcript

    d = docx.Document()
    d.add_paragraph("Interviewer: How has it gone?")
    body = d.element.body
    wrapper = parse_xml(f'<w:body xmlns:w="{_W}" xmlns:mc="{_MC}" xmlns:m="{_M}">{body_xml}</w:body>')
    for element in list(wrapper):
        body.insert(len(body) - 1, element)
    d.save(tmp_path / "t.docx")
    return read_transcript(tmp_path / "t.docx")


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def _two_ways(choice: str, fallback: str) -> str:
    return (f'<mc:AlternateContent><mc:Choice Requires="w14">{choice}</mc:Choice><mc:Fallback>{fallback}</mc:Fallback>'
            "</mc:AlternateContent>")


# Old: runs or paragraphs written two ways (mc:AlternateContent, as documents written for a newer Word version hold
# them: a choice for readers that know the feature, a fallback for the others) were read neither way, and an equation
# typed in the text (m:oMath) was dropped: the respondent's turn, or the figure in it, was lost without a word.
@pytest.mark.parametrize(("body", "read"), [
    (f"<w:p>{_run('Respondent: ')}{_two_ways(_run('Morale rose.'), _run('Morale rose.'))}</w:p>",
     "Respondent: Morale rose."),
    (_two_ways(f"<w:p>{_run('Respondent: Morale rose.')}</w:p>", f"<w:p>{_run('Respondent: Morale rose.')}</w:p>"),
     "Respondent: Morale rose."),
    (f"<w:p>{_two_ways('', _run('Respondent: Morale rose.'))}</w:p>", ""),  # guard: the choice (empty) is what Word shows
    (f"<w:p>{_run('Respondent: Referrals fell by ')}<m:oMath><m:r><m:t>40%</m:t></m:r></m:oMath>{_run(' in a year.')}"
     "</w:p>", "Respondent: Referrals fell by 40% in a year."),
], ids=["runs-two-ways", "paragraph-two-ways", "guard-choice-shown", "equation"])
def test_docx_text_written_two_ways_is_read_once_and_an_equation_is_read(tmp_path, body, read):
    assert _read_docx(tmp_path, body) == f"Interviewer: How has it gone?\n{read}"

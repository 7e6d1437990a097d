"""Hostile inputs, round 46 (helper-inputs46): one transcript file named by two interviews through paths written
differently, which the check comparing the paths' text let through.

Each test is a hostile input the old code got wrong; what it did is said beside the test.
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

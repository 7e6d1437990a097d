"""Speaker labels of transcripts, shared by the readers (tables of turns in .docx files) and the segmenter."""

from __future__ import annotations

__all__ = ["INTERVIEWER_LABELS", "RESPONDENT_LABELS"]

#: Labels (lower case, without digits, dots or spaces) that mark the interviewer.
INTERVIEWER_LABELS = frozenset({
    "interviewer", "int", "i", "q", "question", "questioner", "facilitator", "moderator",
    "researcher", "iv", "ivr", "nfer",
})
#: Labels that mark the respondent.
RESPONDENT_LABELS = frozenset({
    "respondent", "resp", "r", "a", "answer", "interviewee", "ie", "participant", "p",
})

"""Speaker labels of transcripts, shared by the readers (tables of turns in .docx files) and the segmenter."""

from __future__ import annotations

import re

__all__ = ["CHAIR_LABELS", "INTERVIEWER_LABELS", "RESPONDENT_LABELS", "SPEAKER_HEADINGS", "header_cells"]

#: Labels (lower case, without digits, dots or spaces) that mark the interviewer.
INTERVIEWER_LABELS = frozenset({
    "interviewer", "int", "i", "q", "question", "questioner", "facilitator", "moderator",
    "researcher", "iv", "ivr", "nfer",
})
#: Labels of whoever chairs a meeting or a group interview: labels at their first use, as the interviewer's are, and
#: the interviewer's side (they run the session, their words are not an answer), yet beside them the interviewer
#: among people's names is still the one who asks (a chair who opens a panel does not make its questioner a
#: respondent).
CHAIR_LABELS = frozenset({
    "chair", "chairperson", "chairman", "chairwoman", "co-chair", "cochair", "vice-chair", "convenor", "convener",
    "host",
})
#: Labels that mark the respondent.
RESPONDENT_LABELS = frozenset({
    "respondent", "resp", "r", "a", "answer", "interviewee", "ie", "participant", "p",
})
#: The first words of a heading over a column of speakers, in a table of turns ('Speaker', 'Speaker name', 'Who',
#: 'Name'): a first row naming such a column is a header row, not a turn.
SPEAKER_HEADINGS = frozenset({"speaker", "speakers", "name", "names", "who", "person", "voice", "role", "from"})

#: A heading in a table's header row: '#', 'No.' or at most three words ('Speaker', 'Time (mm:ss)').
_HEADING = re.compile(r"#|No\.?|[^\W\d_][\w()/'\u2019&-]*(?: [\w()/'\u2019&:-]+){0,2}")
_FIRST_WORD = re.compile(r"[^\W\d_]+")


def header_cells(cells: list[str]) -> bool:
    """Whether the (non-empty) cells of a table's first row name its columns: two headings or more
    (:data:`_HEADING`), one naming the speakers' column (:data:`SPEAKER_HEADINGS`).

    >>> header_cells(["#", "Speaker", "Text"]), header_cells(["Chair", "Welcome everyone"])
    (True, False)
    """
    def first(cell: str) -> str:
        word = _FIRST_WORD.search(cell)
        return word.group().casefold() if word else ""

    return (len(cells) >= 2 and all(_HEADING.fullmatch(c) for c in cells)
            and any(first(c) in SPEAKER_HEADINGS for c in cells))

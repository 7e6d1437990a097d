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


# --------------------------------------------------------------------------- 2. a whole number written '4.0'


def _set_column(path, column, values):
    """Write ``values`` (data row -> text) into ``column`` of the CSV file ``path``."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    j = rows[0].index(column)
    for i, text in values.items():
        rows[i][j] = text
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def test_a_scale_answer_written_with_a_point_and_zeros_is_read_and_said(study_dir, capsys):
    # On the old code '4.0' and '2.00' were read as 4 and 2 without a word.
    from impact.cli import main
    from impact.study import load_study

    path = study_dir / "survey_responses.csv"
    _set_column(path, "value", {1: "4.0", 2: "2.00"})
    assert main(["validate", str(study_dir)]) == 0
    out = capsys.readouterr().out
    assert ("survey_responses.csv:2:value: '4.0' - expected a whole number without a decimal point (2 cells of value, "
            "on rows 2, 3, are written with a point and zeros, as a spreadsheet or pandas saves whole numbers in a "
            "column with blanks: read as whole numbers, '4.0' as 4)") in out
    values = load_study(study_dir).survey_responses["value"]
    assert list(values) == [4, 2]


def test_guard_a_scale_answer_with_a_fraction_is_refused_naming_row_and_column(study_dir):
    path = study_dir / "survey_responses.csv"
    _set_column(path, "value", {2: "4.5"})
    assert [p for p in _problems(study_dir) if ":value:" in p] == [
        "survey_responses.csv:3:value: '4.5' - expected a whole number from 1 to 5 (the scale of q_confident)"]


def test_guard_an_id_written_as_a_float_is_refused_with_the_fix(study_dir):
    path = study_dir / "councils.csv"
    _set_column(path, "council_id", {1: "301.0"})
    assert _problems(study_dir)[0].startswith(
        "councils.csv:2:council_id: '301.0' - expected a DfE three-digit local authority number, as text (e.g. 301) "
        "(301.0 is 301 with a decimal point, as a spreadsheet or program saves a number it was not told is text: "
        "write 301)")

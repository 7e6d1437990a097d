"""Validation reports every problem with file, row and column."""

import pytest

from impact.cli import main
from impact.errors import ValidationError
from impact.study import load_study


def _broken_copy(study, path):
    study.save(path)
    lines = (path / "councils.csv").read_text().splitlines()
    (path / "councils.csv").write_text("\n".join(lines + [lines[2]]) + "\n")  # duplicate council 302 (row 5)
    iv = (path / "interviews.csv").read_text().replace("P1,301,expectations", "P1,301,midterm", 1)
    (path / "interviews.csv").write_text(iv)
    sh = (path / "status_history.csv").read_text().replace("302,ofsted_judgement,adequate", "302,ofsted_judgement,satisfactory")
    (path / "status_history.csv").write_text(sh)
    (path / "transcripts" / "880" / "P3-early.txt").unlink()


def test_four_problems_all_named(tiny_study, tmp_path):
    _broken_copy(tiny_study, tmp_path)
    with pytest.raises(ValidationError) as info:
        load_study(tmp_path)
    text = [str(p) for p in info.value.problems]
    assert "councils.csv:5:council_id: 'council_id=302' - expected a unique council_id (already on row 3)" in text
    assert any(t.startswith("interviews.csv:2:wave: 'midterm' - expected one of ['expectations', 'early', 'longer_term']") for t in text)
    assert any(t.startswith("status_history.csv:3:status: 'satisfactory' - expected for kind ofsted_judgement, one of") for t in text)
    assert "interviews.csv:8:transcript: '880/P3-early.txt' - expected an existing file transcripts/880/P3-early.txt" in text
    assert len(text) == 4


def test_cli_validate_exit_codes(tiny_study, tmp_path, capsys):
    tiny_study.save(tmp_path / "good")
    assert main(["validate", str(tmp_path / "good")]) == 0
    assert "valid" in capsys.readouterr().out
    _broken_copy(tiny_study, tmp_path / "bad")
    assert main(["validate", str(tmp_path / "bad")]) == 2
    err = capsys.readouterr().err
    for needle in ("councils.csv:5", "interviews.csv:2:wave", "status_history.csv:3:status", "interviews.csv:8:transcript"):
        assert needle in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (("status_history.csv", "2011-02-01", "2014-02-01"), "status_history.csv:3:status: 'adequate' - expected requires_improvement"),
        (("status_history.csv", "2012-03-31", "2009-03-31"), "status_history.csv:5:end_date: '2009-03-31' - expected a date on or after start_date 2010-11-01"),
        (("reviews.csv", "outcomes;vision", "vision"), "reviews.csv:2:themes"),
        (("interviews.csv", "2011-03-01", "2013-03-01"), "interviews.csv:2:date: '2013-03-01' - expected a date in the expectations window"),
        (("councils.csv", "301,", "31,"), "councils.csv:2:council_id: '31' - expected a DfE three-digit local authority number"),
        (("participants.csv", "P2,302,", "P2,999,"), "participants.csv:3:council_id: '999' - expected a council_id listed in councils.csv"),
        (("survey_responses.csv", "q_confident,4", "q_confident,9"), "survey_responses.csv:3:value: '9' - expected a whole number from 1 to 5"),
    ],
)
def test_single_problems(tiny_study, tmp_path, edit, expected):
    tiny_study.save(tmp_path)
    f, old, new = edit
    text = (tmp_path / f).read_text()
    assert old in text
    (tmp_path / f).write_text(text.replace(old, new, 1))
    with pytest.raises(ValidationError) as info:
        load_study(tmp_path)
    assert any(str(p).startswith(expected) for p in info.value.problems), [str(p) for p in info.value.problems]


def test_overlapping_status_periods(tiny_study, tmp_path):
    tiny_study.save(tmp_path)
    with open(tmp_path / "status_history.csv", "a") as f:
        f.write("880,improvement_notice,improvement_notice,2012-01-01,,\n")
    with pytest.raises(ValidationError, match=r"status_history.csv:6:start_date: '2012-01-01' - expected a period not overlapping row 5"):
        load_study(tmp_path)


def test_unreadable_and_binary_transcripts(tiny_study, tmp_path):
    tiny_study.save(tmp_path)
    (tmp_path / "transcripts" / "301" / "P1-early.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "transcripts" / "302" / "P2-early.txt").write_bytes("caf\xe9".encode("latin-1"))
    with pytest.raises(ValidationError) as info:
        load_study(tmp_path)
    text = [str(p) for p in info.value.problems]
    assert any("P1-early.txt" in t and "NUL bytes" in t for t in text)
    assert any("P2-early.txt" in t and "Windows-1252" in t for t in info.value.warnings for t in [str(t)])


@pytest.mark.parametrize(("sep", "said"), [(";", "semicolons"), ("\t", "tabs")])
def test_a_table_saved_with_another_separator_is_named_once(tiny_study, tmp_path, sep, said):
    """A spreadsheet's "CSV" saved with semicolons (many regional settings) or tabs: one problem per file, naming
    the separator, not one "expected a column" per column of the header read as one name."""
    tiny_study.save(tmp_path)
    for name in ("participants.csv", "councils.csv"):
        path = tmp_path / name
        path.write_text(path.read_text().replace(",", sep))
    with pytest.raises(ValidationError) as info:
        load_study(tmp_path)
    text = [str(p) for p in info.value.problems]
    assert sorted(t.split(":")[0] for t in text if said in t) == ["councils.csv", "participants.csv"]
    assert any(t.startswith(f"participants.csv:1: 'values separated by {said}' - expected commas") for t in text)
    assert not any("expected a column" in t for t in text), text


def test_a_workbook_or_document_where_text_is_expected_is_named_as_such(tiny_study, tmp_path):
    """Office files saved where a text file belongs are named for what they are, with how to save them."""
    import pandas as pd

    tiny_study.save(tmp_path)
    workbook = tmp_path / "book.xlsx"
    pd.read_csv(tmp_path / "participants.csv").to_excel(workbook, index=False)
    workbook.replace(tmp_path / "participants.csv")  # a workbook under the table's name
    (tmp_path / "councils.csv").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    with pytest.raises(ValidationError) as info:
        load_study(tmp_path)
    text = [str(p) for p in info.value.problems]
    assert any(t.startswith("participants.csv: expected a readable CSV file (a zip archive (an Excel workbook")
               and '"CSV UTF-8 (comma delimited)"' in t for t in text), text
    assert any(t.startswith("councils.csv: expected a readable CSV file (a PDF document, not text") for t in text), text


# participants.xlsx is the table's own workbook since inputs60 (tests/test_study_workbook.py): not a near name
@pytest.mark.parametrize("saved_as", ["Participants.xlsx", "Participants.csv", "PARTICIPANTS.CSV"])
def test_a_missing_table_names_the_file_saved_another_way(tiny_study, tmp_path, saved_as):
    tiny_study.save(tmp_path)
    (tmp_path / "participants.csv").rename(tmp_path / "moved")
    (tmp_path / "moved").rename(tmp_path / saved_as)
    with pytest.raises(ValidationError) as info:
        load_study(tmp_path)
    (problem,) = [str(p) for p in info.value.problems if str(p).startswith("participants.csv:")]
    assert f"found {saved_as!r}" in problem and "named participants.csv" in problem


def test_dates_with_a_midnight_time_read_as_the_dates_and_other_times_are_refused(tiny_study, tmp_path):
    """A date column round-tripped through a spreadsheet or pandas gains "00:00:00": the same dates; 14:30 is not."""
    import re

    tiny_study.save(tmp_path / "plain")
    tiny_study.save(tmp_path / "timed")
    path = tmp_path / "timed" / "interviews.csv"
    text, n = re.subn(r"(\d{4}-\d\d-\d\d)", r"\1 00:00:00", path.read_text())
    assert n >= 4
    path.write_text(text)
    plain, timed = load_study(tmp_path / "plain"), load_study(tmp_path / "timed")
    assert timed.interviews["date"].equals(plain.interviews["date"])
    path.write_text(text.replace("00:00:00", "14:30", 1))
    with pytest.raises(ValidationError, match=r"interviews.csv:2:date: '\S+ 14:30' - expected a date as YYYY-MM-DD"):
        load_study(tmp_path / "timed")


def test_a_path_that_is_no_folder_is_named_for_what_it_is(tmp_path):
    from impact.errors import InputError

    with pytest.raises(InputError, match=r"missing: no such folder \(expected a folder holding study.yaml\)"):
        load_study(tmp_path / "missing")
    (tmp_path / "councils.csv").write_text("council_id\n")
    with pytest.raises(InputError, match=r"councils.csv: a file, not a study folder"):
        load_study(tmp_path / "councils.csv")

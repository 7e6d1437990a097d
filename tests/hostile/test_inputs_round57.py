"""Hostile inputs, round 57 (helper-inputs57): study.yaml keys YAML reads as other types, OpenDocument files given
for text, and guards for shapes already right (file names Windows cannot hold, names differing by case, YAML anchors).

1. A survey item id or a vocabulary id that YAML reads, unquoted, as true/false, a number or a date (``NO:``,
   ``007:``, ``2024-01-01:``) was taken as its text ('False', '7'): no response named it, and the error fell on every
   row of survey_responses.csv (``expected one of ['False']``), or a vocabulary was refused whole without saying
   which id.  Each is now an error at study.yaml naming the key, what YAML read and how to quote it; so is a codebook
   named ``NO``.
2. An OpenDocument spreadsheet or text (.ods, .odt) saved under a .csv or .txt name was said to be an Excel workbook
   or Word document: it is named as what it is.

Each test here failed on main (checked by running this file against main's package), except those named ``guard``.
The peak memory of refusing a "billion laughs" study.yaml is measured in bench/yaml_aliases.py, not here.
"""

from __future__ import annotations

import os
import zipfile

import pytest


def _problems(study_dir):
    from impact.errors import ValidationError
    from impact.study import load_study

    with pytest.raises(ValidationError) as caught:
        load_study(study_dir)
    return caught.value.errors


def _yaml(study_dir, old: str, new: str) -> None:
    f = study_dir / "study.yaml"
    text = f.read_text(encoding="utf-8")
    assert old in text
    f.write_text(text.replace(old, new, 1), encoding="utf-8")


# --------------------------------------------------------------------------- 1. keys YAML reads as other types
@pytest.mark.parametrize(("typed", "read", "said"), [
    ("NO", "False", "as true or false"), ("007", "7", "as a number"), ("1_000", "1000", "as a number"),
    ("2024-01-01", "2024-01-01", "as a date"), ("1.50", "1.5", "as a number")],
    ids=["no", "leading-zeros", "underscore", "date", "float"])
def test_a_survey_item_id_yaml_reads_as_another_type_is_refused_at_study_yaml(study_dir, typed, read, said):
    """Old: taken as str(key) ('False', '7'); every response refused as naming no item, study.yaml not named."""
    _yaml(study_dir, "q_confident:", f"{typed}:")
    at_meta = [p for p in _problems(study_dir) if p.file == "study.yaml"]
    assert [(p.column, p.value) for p in at_meta] == [("survey.items", read)], at_meta
    assert "an item id (text)" in at_meta[0].expected and said in at_meta[0].expected, at_meta[0]
    assert "in quotes" in at_meta[0].expected, at_meta[0]


def test_guard_a_quoted_survey_item_id_with_leading_zeros_is_read_as_written(study_dir):
    """The fix the message gives: '007' quoted is the id 007, and responses naming 007 are read."""
    from impact.study import load_study

    _yaml(study_dir, "q_confident:", "'007':")
    f = study_dir / "survey_responses.csv"
    f.write_text(f.read_text(encoding="utf-8").replace(",q_confident,", ",007,"), encoding="utf-8")
    study = load_study(study_dir)
    assert set(study.survey_responses["item"]) == {"007"}


@pytest.mark.parametrize(("form", "read"), [("mapping", "False"), ("list", "7")])
def test_a_vocabulary_id_yaml_reads_as_another_type_is_named(study_dir, form, read):
    """Old: 'a list of ids, or a mapping of id to label' for the vocabulary whole, the id not named."""
    extra = "\n    NO: Norway officer\n    vsh: Virtual school head\n" if form == "mapping" else " [vsh, 007]\n"
    with open(study_dir / "study.yaml", "a", encoding="utf-8") as fh:
        fh.write("vocabularies:\n  roles:" + extra)
    at_meta = [p for p in _problems(study_dir) if p.file == "study.yaml"]
    assert [(p.column, p.value) for p in at_meta] == [("vocabularies.roles", read)], at_meta
    assert at_meta[0].expected.startswith("an id (text)") and "in quotes" in at_meta[0].expected, at_meta[0]


def test_a_codebook_named_no_says_yaml_read_it_as_false(study_dir):
    _yaml(study_dir, "codebook: nfer_impacts", "codebook: NO")
    [problem] = [p for p in _problems(study_dir) if p.file == "study.yaml"]
    assert problem.column == "codebook" and "as true or false" in problem.expected, problem


# --------------------------------------------------------------------------- 2. OpenDocument files given for text
def _odf(path, kind: str) -> None:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), f"application/vnd.oasis.opendocument.{kind}")
        z.writestr("content.xml", "<office:document-content/>")


def test_an_ods_saved_as_a_study_table_is_named_as_an_opendocument_spreadsheet(study_dir):
    _odf(study_dir / "councils.csv", "spreadsheet")
    [problem] = [p for p in _problems(study_dir) if p.file == "councils.csv"]
    assert "an OpenDocument spreadsheet (.ods" in problem.expected and "Excel" not in problem.expected, problem
    assert "CSV UTF-8 (comma delimited)" in problem.expected, problem


def test_an_odt_saved_as_a_transcript_is_named_by_row_and_column(study_dir):
    _odf(study_dir / "transcripts" / "301" / "P1-early.txt", "text")
    [problem] = [p for p in _problems(study_dir) if p.file == "interviews.csv"]
    assert (problem.row, problem.column) == (3, "transcript"), problem
    assert "an OpenDocument text document (.odt" in problem.expected and "Word" not in problem.expected, problem


def test_guard_an_xlsx_workbook_still_reads_as_an_excel_workbook():
    import io

    import pandas as pd

    from impact._io import _document_kind

    buf = io.BytesIO()
    pd.DataFrame({"council_id": ["301"]}).to_excel(buf, index=False)
    assert _document_kind(buf.getvalue()).startswith("a zip archive (an Excel workbook")


# --------------------------------------------------------------------------- guards: shapes already right
def _moved(study_dir, old: str, new: str) -> None:
    src, dst = study_dir / "transcripts" / old, study_dir / "transcripts" / new
    dst.parent.mkdir(parents=True, exist_ok=True)
    os.rename(src, dst)
    f = study_dir / "interviews.csv"
    f.write_text(f.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(("name", "said"), [("P1-early.txt.", "ends in a dot"), ("P1:early.txt", "holds ':'"),
                                            ("CON.txt", "device on Windows"), ("P1-early?.txt", "holds '?'")])
def test_guard_a_transcript_name_windows_cannot_make_is_refused_by_row(study_dir, name, said):
    _moved(study_dir, "301/P1-early.txt", f"301/{name}")
    [problem] = [p for p in _problems(study_dir) if p.file == "interviews.csv"]
    assert (problem.row, problem.column) == (3, "transcript") and said in problem.expected, problem


def test_guard_two_transcripts_differing_only_by_case_are_both_refused(study_dir):
    _moved(study_dir, "301/P1-early.txt", "301/p1-EXPECTATIONS.txt")
    problems = [p for p in _problems(study_dir) if p.file == "interviews.csv"]
    assert sorted(p.row for p in problems) == [2, 3] and all("but for case" in p.expected for p in problems)


@pytest.mark.parametrize(("text", "said", "line"), [  # the alias on line 2; the others after study.yaml's 10 lines
    ('a: &a ["x", "x"]\nb: [*a, *a]\n', "aliases", 2), ("name: other\n", "given twice", 11),
    ("---\nname: other\n", "second document", 11)], ids=["alias", "duplicate-key", "two-documents"])
def test_guard_study_yaml_shapes_are_refused_naming_the_line(study_dir, text, said, line):
    f = study_dir / "study.yaml"
    f.write_text(f.read_text(encoding="utf-8") + text if not text.startswith("a:") else
                 text + f.read_text(encoding="utf-8"), encoding="utf-8")
    [problem] = _problems(study_dir)
    assert (problem.file, problem.row) == ("study.yaml", line) and said in problem.expected, problem


def test_guard_a_study_yaml_with_a_byte_order_mark_is_read(study_dir):
    from impact.study import load_study

    f = study_dir / "study.yaml"
    f.write_bytes(b"\xef\xbb\xbf" + f.read_bytes())
    assert load_study(study_dir).name == "Tiny study"

"""Hostile inputs and command lines, round 3 (helper-inputs3).

Each test is a defect found by using the commands the wrong way: it fails on
the code before its fix.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from impact.cli import main
from impact.coding import Codebook, read_coded

_OWN_BOOK = """format_version: 1
id: own_book
version: "2"
codes:
  - id: thresholds
    label: Thresholds revised
    definition: The threshold document was rewritten.
    rules:
      phrases: [threshold]
"""

_OTHER_BOOK = """format_version: 1
id: other_book
version: "9"
codes:
  - id: unrelated
    label: Unrelated
    definition: A codebook that happens to lie in the current folder.
"""


@pytest.fixture
def study_dir(tiny_study, tmp_path) -> Path:
    path = tmp_path / "study"
    tiny_study.save(path)
    return path


@pytest.fixture
def study_with_own_book(study_dir, tmp_path, monkeypatch):
    """A study whose study.yaml names book.yaml in its folder, run from a folder holding another book.yaml."""
    (study_dir / "book.yaml").write_text(_OWN_BOOK, encoding="utf-8")
    meta = study_dir / "study.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("codebook: nfer_impacts", "codebook: book.yaml"),
                    encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "book.yaml").write_text(_OTHER_BOOK, encoding="utf-8")
    monkeypatch.chdir(elsewhere)
    return study_dir


def test_commands_code_with_the_codebook_file_the_study_names_not_one_in_the_current_folder(
        study_with_own_book, tmp_path, capsys):
    # On the old code `impact code`, `review export` and `export-qdpx` read study.yaml's `codebook: book.yaml`
    # relative to the current folder: from the study's parent they failed ("codebook file book.yaml does not
    # exist"), and from a folder holding another book.yaml they coded the study with that one, silently.
    coded = tmp_path / "coded.csv"
    assert main(["code", str(study_with_own_book), "--out", str(coded)]) == 0
    table = read_coded(coded)
    assert set(table["codebook"]) == {"own_book"}
    assert set(table["code"]) == {"thresholds"}  # the tiny study's transcripts say "threshold document"

    review = tmp_path / "review.xlsx"
    assert main(["review", "export", str(study_with_own_book), "--coded", str(coded), "--out", str(review)]) == 0
    codes = [r[0] for r in openpyxl.load_workbook(review)["codes"].iter_rows(min_row=2, values_only=True)]
    assert codes == ["thresholds"]

    project = tmp_path / "project.qdpx"
    assert main(["export-qdpx", str(study_with_own_book), str(project), "--coded", f"rules={coded}"]) == 0
    with zipfile.ZipFile(project) as z:
        xml = z.read("project.qde").decode("utf-8")
    assert "Thresholds revised" in xml and "Unrelated" not in xml
    capsys.readouterr()


def test_a_codebook_path_given_is_read_as_given_before_the_study_folder(study_with_own_book):
    from impact.study import load_study

    study = load_study(study_with_own_book)
    assert Codebook.for_study(study).id == "own_book"
    # On the old code impact.run(study, codebook="book.yaml") preferred the study folder's file of that name
    # to the one the user named in the current folder.
    assert Codebook.for_study(study, "book.yaml").id == "other_book"
    Path("book.yaml").unlink()
    assert Codebook.for_study(study, "book.yaml").id == "own_book"  # no such file here: the study's

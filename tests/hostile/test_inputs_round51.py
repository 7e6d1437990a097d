"""Hostile inputs, round 51 (helper-inputs51): names and labels of any length; a full-width review decision's
did-you-mean; a Word template that is no Word file.

What main did with the red team's inputs that are not tested here (each already one clear error or warning naming
file, row and column, or read correctly): a table in UTF-16 with a byte-order mark, or in Windows-1252 holding a
pound sign (read; warned); an Excel workbook saved as councils.csv (error: a zip archive, not text, save as CSV);
rows of empty cells and blank lines after the last row (no rows); the same council name twice, differing in case and
spaces (warning naming both rows); a comma inside an unquoted cell (error naming the row); dates month first and
numbers with thousands separators, a formula or a merged cell in a review workbook, an empty sheet, a study folder
that is a file, paths with spaces and non-ASCII letters (rounds 45 to 50).

Each test here failed on main (checked by running this file against main's package).
"""

from __future__ import annotations

import zipfile

import pytest

from impact.errors import InputError, ValidationError

from ._util import cli_here, refused
from .test_cli_round48 import reviewed  # noqa: F401 (the module's review workbook, made once)
from .test_inputs_round45 import _edit
from .test_inputs_round48 import _errors, _review_problems, _review_with
from .test_inputs_round49 import _TEXT_BOOK

# --------------------------------------------------------------------------- 1. names and labels of any length
# Old: a study's name, a council's name, a wave's, a vocabulary value's or a code's label, a survey question or a
# codebook's title of 5,000 characters (a paragraph or a file pasted in) was read without a word and printed whole
# as the report's title, in every table's cells and beside every figure's bars.  Refused past a limit named in the
# message: 200 characters for a title or question (the Word file's Title property holds 255), 100 for a name or label
# shown on one line (the longest council name in England has 39 characters, the bundled codebooks' longest label 56).
_LONG = "Longer than anyone would type " * 170  # 5,100 characters, with spaces, as a paste would be


@pytest.mark.parametrize(("file", "old", "column", "row", "limit", "what"), [
    ("study.yaml", "Tiny study", "name", 2, 200, "the study's name"),  # a YAML file: row is the line
    ("councils.csv", "Barnet", "name", 3, 100, "a council name"),
    ("study.yaml", "I feel confident", "survey.items.q_confident.label", 7, 200, "a survey question"),
], ids=["study-name", "council-name", "survey-question"])
def test_a_name_or_label_of_5000_characters_is_refused_naming_the_limit(study_dir, file, old, column, row, limit,
                                                                        what):
    _edit(study_dir, file, old, _LONG)
    told = [p for p in _errors(study_dir) if p.column == column]
    assert [(p.file, p.row) for p in told] == [(file, row)], told
    assert told[0].expected.startswith(f"{what} of at most {limit} characters (it has 5,099: "), told[0].expected
    assert told[0].value.strip() == _LONG.strip()


@pytest.mark.parametrize(("yaml", "column"), [
    ("waves:\n- {id: early, label: '%s', anchor: review_end, window_days: [28, 182]}\n", "waves[0].label"),
    ("vocabularies:\n  roles: {virtual_school_head: '%s'}\n", "vocabularies.roles.virtual_school_head"),
], ids=["wave-label", "vocabulary-label"])
def test_a_label_in_study_yaml_over_100_characters_is_refused(study_dir, yaml, column):
    with open(study_dir / "study.yaml", "a", encoding="utf-8") as fh:
        fh.write(yaml % ("x" * 101))
    told = [p for p in _errors(study_dir) if p.column == column]
    assert [p.expected[:40] for p in told] == ["a label of at most 100 characters (it ha"], told


def test_guard_names_and_labels_at_their_limits_are_read(study_dir):
    from impact.study import load_study

    _edit(study_dir, "study.yaml", "Tiny study", "S" * 200)
    _edit(study_dir, "councils.csv", "Barnet", "B" * 100)
    study = load_study(study_dir)
    assert (len(study.name), study.councils["name"].str.len().max()) == (200, 100)


@pytest.mark.parametrize(("field", "value", "column", "held"), [
    ("label", "m" * 101, "codes[0].label", "a code's label of at most 100 characters (it has 101: "),
    ("title", "T" * 201, "title", "a codebook's title of at most 200 characters (it has 201: "),
], ids=["code-label", "codebook-title"])
def test_a_codebook_label_or_title_past_its_limit_is_refused(tmp_path, field, value, column, held):
    from impact.coding import Codebook

    values = {"title": "Mini", "description": "A book.", "label": "Morale", "definition": "Staff morale.",
              "example": "We felt valued.", field: value}
    path = tmp_path / "mini.yaml"
    path.write_text(_TEXT_BOOK.format(**{k: f'"{v}"' for k, v in values.items()}), encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        Codebook.load(path)
    assert [(p.column, p.expected[:len(held)]) for p in info.value.problems] == [(column, held)]


# --------------------------------------------------------------------------- 2. a full-width review decision
# Old: 'ａｃｃｅｐｔ' (full-width Latin letters, as an East Asian keyboard types them) was refused as "expected one of
# accept, reject, other (did you mean 'accept'?)", naming no difference a reader could see.  The did-you-mean says
# the characters are full-width and gives the plain (NFKC) form to write.
@pytest.mark.parametrize(("typed", "plain", "first"), [
    ("\uff41\uff43\uff43\uff45\uff50\uff54", "accept", "U+FF41 FULLWIDTH LATIN SMALL LETTER A at character 1 and 5 "
                                                      "more"),
    ("Rej\uff25ct", "reject", "U+FF45 FULLWIDTH LATIN SMALL LETTER E at character 4"),
], ids=["all-full-width", "one-full-width-letter"])
def test_a_full_width_review_decision_is_told_as_full_width_with_its_plain_form(reviewed, tmp_path, typed, plain,  # noqa: F811
                                                                               first):
    told = _review_problems(_review_with(reviewed, tmp_path, {(2, "decision"): typed}))
    assert [(row, col, value) for row, col, value, _ in told] == [(2, "decision", typed)], told
    assert told[0][3].endswith(f"(did you mean {plain!r}? {typed.lower()!r} is written in full-width characters "
                               f"({first}), as an East Asian keyboard types them: its plain form (NFKC) is "
                               f"{plain!r}; write that)"), told[0][3]


# --------------------------------------------------------------------------- 3. a Word template that is no Word file
# Old: `--docx-template` given a text file, a PDF, an old .doc, an Excel workbook or another zip was refused naming
# python-docx's exception ("BadZipFile: File is not a zip file", "KeyError: There is no item named
# '[Content_Types].xml' in the archive").  Now the message says what the file is and what was expected.
def _zip(path, *names):
    with zipfile.ZipFile(path, "w") as z:
        for name in names:
            z.writestr(name, "x")


@pytest.mark.parametrize(("make", "said"), [
    (lambda p: p.write_text("Dear reader,\n"), "but it is text"),
    (lambda p: p.write_bytes(b"%PDF-1.7\n%..."), "but it is a PDF document; open it in Word and save it"),
    (lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)), "but it is an old-style Office file "
                                                                             "(.xls or .doc)"),
    (lambda p: _zip(p, "[Content_Types].xml", "xl/workbook.xml"), "but it is an Excel workbook; open it in Word"),
    (lambda p: _zip(p, "notes.txt"), "but it is a zip archive holding no Word document (notes.txt)"),
    (lambda p: p.write_bytes(b""), "an empty file - expected a Word document or template"),
], ids=["text", "pdf", "doc", "xlsx", "zip", "empty"])
@pytest.mark.parametrize("suffix", [".docx", ".dotx"])
def test_a_word_template_that_is_no_word_file_says_what_it_is(study_dir, tmp_path, make, said, suffix):
    template = tmp_path / f"house style{suffix}"
    make(template)
    proc = cli_here("run", str(study_dir), "--out", str(tmp_path / "out"), "--docx-template", str(template),
                    cwd=tmp_path)
    refused(proc, f"--docx-template: {template}: ", said)
    assert "expected a Word document or template (.docx, .dotx" in proc.stderr
    for fault in ("BadZipFile", "KeyError", "Content_Types].xml' in the archive", "PackageNotFoundError"):
        assert fault not in proc.stderr, proc.stderr
    assert not (tmp_path / "out").exists()


def test_a_word_file_with_broken_parts_is_said_to_be_one(tmp_path):
    from impact.report import check_docx_template

    template = tmp_path / "broken.docx"
    _zip(template, "[Content_Types].xml", "word/document.xml")
    with pytest.raises(InputError, match=r"broken\.docx: a Word file whose parts cannot be read \(.+\) - expected a "
                                         r"Word document or template"):
        check_docx_template(template)


# Old: an Excel workbook given where coded output (CSV) was expected (`--coded review.xlsx`) was refused as "a binary
# file, not CSV text (a NUL byte at byte 5)", which names no file a user knows.  It says what the file is.
def test_a_workbook_given_for_a_coded_csv_says_it_is_one(reviewed, tmp_path):  # noqa: F811
    proc = cli_here("review", "export", str(reviewed / "study"), "--coded", str(reviewed / "review.xlsx"), "--out",
                    str(tmp_path / "again.xlsx"), "--reviewer", "ann", cwd=tmp_path)
    # since inputs52 it is told as the review workbook it is, with the command that reads it (impact._kinds); since
    # newuser9 checked before any work, by the option's own reader ("a coded CSV file")
    refused(proc, f"--coded {reviewed / 'review.xlsx'}: a review workbook (`impact review export` writes it) - "
                  "expected a coded CSV file", "`impact review import FILE` reads it")
    assert "NUL byte" not in proc.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("suffix", [".xlsx", ".yaml"])
def test_a_codebook_given_as_a_workbook_is_told_to_be_yaml_not_csv(tmp_path, suffix):
    """A codebook kept in a spreadsheet and given as it is (or renamed .yaml) was refused with the advice written for
    tables and transcripts, 'save it as text (a table as "CSV (comma delimited)" ...)': a codebook saved as CSV is
    refused too. The advice is now the codebook's own: YAML text, or a REFI-QDA codebook from the QDA software."""
    import openpyxl

    from impact.coding.codebook import Codebook

    book = openpyxl.Workbook()
    book.active.append(["code", "label"])
    book.active.append(["commitment", "Increased commitment"])
    path = tmp_path / f"codes{suffix}"
    book.save(path)
    with pytest.raises(InputError) as caught:
        Codebook.load(path)
    message = str(caught.value)
    assert str(path) in message and "Excel workbook" in message
    assert "YAML" in message and ".qdc" in message and "CSV" not in message, message


def test_a_file_read_as_windows_1252_is_one_of_the_warnings_validate_counts(study_dir):
    """`impact validate` of a study whose councils.csv was saved as Windows-1252 (a pound sign in a name) printed its
    report ("0 errors, N warnings") and then, on a line of its own, Python's warning about the encoding: a warning
    the report neither listed with its file nor counted. It is now one of the report's warnings, naming the file."""
    import re

    path = study_dir / "councils.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[1] = lines[1].replace(",", " \u00a3,", 2).replace(" \u00a3,", ",", 1)  # the name, not the council's id
    path.write_bytes("\n".join(lines).encode("cp1252"))
    before = cli_here("validate", "--all", str(study_dir), cwd=study_dir.parent)
    assert before.returncode == 0, before.stderr
    said = before.stdout + before.stderr
    counted = re.search(r"(\d+) errors?, (\d+) warnings?", said)
    listed = [line for line in said.splitlines() if line.startswith("warning: ")]
    assert counted and int(counted.group(2)) == len(listed), said
    assert any(line.startswith("warning: councils.csv:") and "Windows-1252" in line for line in listed), said
    assert "impact validate: warning" not in said, said

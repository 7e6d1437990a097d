"""Hostile inputs, round 50 (helper-inputs50): names Windows cannot make anywhere impact writes (the command line's
output paths, Study.save, report.render, a review workbook, a report's table and figure names); a ValidationError's
errors and warnings as records; names the same after Unicode normalisation (a transcript folder holding two names the
same but for case or form; council names differing in width or composition).

What main did with the red team's inputs that are not tested here (each already one clear error or warning naming
file, row and column, or read correctly): study.yaml in UTF-16 with a byte-order mark (read), in Windows-1252
(read, warned), with mixed CR/LF/CRLF newlines (read), a key given twice (error, its line), a key differing only in
case (error, did you mean), NFC and NFD survey item ids (error naming U+0301), a full-width digit in a scale (error);
a table in UTF-16 or Windows-1252 (read; warned), a byte-order mark with CRLF (read), two byte-order marks (read),
lines ending CR alone (read), headers differing only in case or spaces (error), dates in three formats, month
first, dotted, as an Excel serial (each an error with the date rewritten), a date with a time (read), full-width
digits in an id, a count, a date, a survey answer or a wave (error naming the character), an NFD participant id
(error), a 10,000-cell row or header (error naming the row), a formula cell (error), an empty file or a header alone
(error), '1,100' and '2,5' (errors), a NUL byte (error naming line and character), tab- or semicolon-separated cells
(error), an unclosed quote (error naming the row); a review workbook with a score typed as text, a formula, a merged
decision, an empty sheet, 10,000 columns, a date as decision, duplicated headers in case or spaces, an emptied _meta
or _original sheet (each refused naming sheet, row and column).

Each test here failed on main (checked by running this file against main's package).
"""

from __future__ import annotations

import pytest

from impact.errors import InputError, Problem, ValidationError

from ._util import cli_here, refused
from .test_cli_round48 import reviewed  # noqa: F401 (the module's review workbook, made once)
from .test_inputs_round45 import _edit
from .test_inputs_round48 import _rename

# --------------------------------------------------------------------------- 1. output names Windows cannot make
# Old: only transcript paths were checked; `--out CON`, `--out "report:final"`, `--out out/draft.` and the same
# given to Study.save, report.render or export_review were written on Linux, a folder or file that cannot be copied
# to Windows (or, there, a device written to).  Now each is refused before anything is written, every bad name
# listed.
_BAD_OUT = [("CON", ["'CON' is the name of a device on Windows (CON)"]),
            ("report:final", ["'report:final' holds ':' at character 7"]),
            ("out/draft.", ["'draft.' ends in a dot"]),
            ("lpt1.d/a<b", ["'lpt1.d' is the name of a device on Windows (LPT1)", "'a<b' holds '<' at character 2"]),
            ("aux /x\x07", ["'aux ' is the name of a device on Windows (AUX)", "U+0007, a control character,"])]


@pytest.mark.parametrize(("out", "held"), _BAD_OUT, ids=["device", "colon", "trailing-dot", "two-names", "control"])
def test_run_refuses_an_output_folder_windows_cannot_make(study_dir, tmp_path, out, held):
    proc = cli_here("run", str(study_dir), "--out", out, cwd=tmp_path)
    # (the control character written out in the path echoed since inputs71: impact.errors.visible)
    refused(proc, "argument --out", f"{repr(out)[1:-1]}: the output folder's path holds", *held,
            "expected names Windows can make")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["study"]  # nothing written


@pytest.mark.parametrize("args", [
    ("code", "{study}", "--out", "coded/PRN.csv"),
    ("review", "export", "{study}", "--coded", "{coded}", "--out", "review?.xlsx"),
    ("review", "import", "{review}", "--out", "decisions|ann.csv"),
    ("agree", "{coded}", "{coded}", "--out", "COM3.csv"),
    ("synth", "--councils", "3", "--out", "study*"),
    ("export-qdpx", "{study}", "nul.qdpx"),
], ids=["code", "review-export", "review-import", "agree", "synth", "export-qdpx"])
def test_every_command_refuses_an_output_path_windows_cannot_make(reviewed, tmp_path, args):  # noqa: F811
    given = [a.format(study=reviewed / "study", coded=reviewed / "coded.csv", review=reviewed / "review.xlsx")
             for a in args]
    proc = cli_here(*given, cwd=tmp_path)
    refused(proc, "Windows cannot make", "expected names Windows can make")
    assert list(tmp_path.iterdir()) == []


def test_library_writers_refuse_names_windows_cannot_make(tiny_study, tiny_coded, tmp_path):
    from impact import export_review
    from impact.report import Paragraph, Report, Section, render

    with pytest.raises(InputError, match=r"'AUX' is the name of a device on Windows \(AUX\)"):
        tiny_study.save(tmp_path / "AUX")
    with pytest.raises(InputError, match=r"2 names Windows cannot make - 'a:b' holds ':'.*; 'c\.' ends in a dot"):
        render(Report("T", "", {}, [Section("S", [Paragraph("x")])]), tmp_path / "a:b" / "c.")
    with pytest.raises(InputError, match=r"'review\.xlsx ' ends in a space"):
        export_review(tiny_coded.segments, coded=tiny_coded.coded, path=tmp_path / "review.xlsx ", reviewer="ann")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["con", "Nul", "com7", "LPT9"])
def test_a_report_table_or_figure_named_as_a_device_is_refused(name):
    import matplotlib.pyplot as plt
    import pandas as pd

    from impact.report import Figure, Table

    with pytest.raises(ValueError, match=rf"'{name}' is the name of a device on Windows \({name.upper()}\)"):
        Table(name, pd.DataFrame({"a": [1]}), "caption")
    fig = plt.figure()
    try:
        with pytest.raises(ValueError, match=rf"'{name}' is the name of a device on Windows"):
            Figure(name, fig, "caption", "alt text")
    finally:
        plt.close(fig)


# --------------------------------------------------------------------------- 2. errors and warnings as records
# Old: a ValidationError's errors were in `.problems`, its warnings in `.warnings`, with no one list of both and no
# record naming the value found as `found`; the new API gives `.records` (errors, then warnings), `.errors` (the
# same list as `.problems`), `Problem.found` and `Problem.as_dict()`.
def test_a_refused_study_gives_its_errors_and_warnings_as_records(study_dir):
    from impact.study import load_study

    _edit(study_dir, "participants.csv", "Alice Example", "=A1")
    _edit(study_dir, "reviews.csv", ",11\n", ",eleven\n")
    with pytest.raises(ValidationError) as info:
        load_study(study_dir)
    exc = info.value
    assert exc.errors is exc.problems
    records = [p.as_dict() for p in exc.records]
    assert records[0] == {"file": "reviews.csv", "row": 3, "column": "n_recommendations",
                          "expected": exc.problems[0].expected, "found": "eleven", "severity": "error"}
    formula = [r for r in records if r["found"] == "=A1"]
    assert [(r["file"], r["row"], r["column"], r["severity"]) for r in formula] == [
        ("participants.csv", 2, "name", "warning")]
    assert [r["severity"] for r in records] == sorted(r["severity"] for r in records)  # errors first
    assert len(records) == len(exc.problems) + len(exc.warnings)


def test_a_problem_record_names_what_was_found():
    p = Problem("interviews.csv", 4, "date", "20 May 2012", "a date as YYYY-MM-DD", "warning")
    assert (p.found, p.as_dict()["found"], p.as_dict()["severity"]) == ("20 May 2012", "20 May 2012", "warning")


# --------------------------------------------------------------------------- 3. the same after normalisation
# Old: a transcript folder holding 'P1-early.txt' beside the 'p1-EARLY.txt' the table names (or a folder 'area'
# beside the 'Area' it names) was read without a word: copied to Windows or macOS, whose names ignore case, the folder
# holds one of the two, and the study reads another transcript.  Refused, naming both (two names differing only in
# Unicode form were refused already).
@pytest.mark.parametrize(("named", "twin"), [("301/p1-EARLY.txt", "P1-early.txt"),
                                             ("Area/P1-early.txt", "area")],
                         ids=["case", "folder-case"])
def test_a_transcript_beside_a_name_the_same_but_for_case_or_form_is_refused(study_dir, named, twin):
    from .test_inputs_round48 import _errors

    _rename(study_dir, "301/P1-early.txt", named)
    parent = study_dir / "transcripts" / named.rsplit("/", 1)[0]
    if named.startswith("Area"):
        (study_dir / "transcripts" / twin).mkdir()
    else:
        (parent / twin).write_text("Interviewer: Hello.\nP1: Another file.\n", encoding="utf-8")
    got = [(p.row, p.column, p.value, p.expected) for p in _errors(study_dir) if p.column == "transcript"]
    assert [g[:3] for g in got] == [(3, "transcript", named)], got
    where = "transcripts/" if named.startswith("Area") else "transcripts/301/"
    # what differs is named (since inputs69): the first letter in another case, in the twin and in the name written
    part = "Area" if named.startswith("Area") else named.rsplit("/", 1)[1]
    at = next(i for i, (a, b) in enumerate(zip(twin, part, strict=True)) if a != b)
    assert got[0][3].startswith(f"a name no other file or folder in {where} has but for case ({where}{twin} is there "
                                f"too, it has {twin[at]!r} at character {at + 1} where the other has {part[at]!r}: "
                                "Windows and macOS, whose names ignore case, hold one of the two"), got[0][3]


# Old: two councils whose names differ only in width ('Ｔｏｒｂａｙ') or in how an accent is written (composed,
# decomposed) were told as "the same but for case or spacing", naming no difference a reader could find.  The warning
# names the character.
@pytest.mark.parametrize(("first", "second", "held"), [
    ("\uff34orbay", "Torbay", "U+FF34 FULLWIDTH LATIN CAPITAL LETTER T at character 1"),
    ("Caf\u00e9", "Cafe\u0301", "U+0301 COMBINING ACUTE ACCENT at character 5"),
], ids=["full-width", "nfc-nfd"])
def test_council_names_the_same_after_normalisation_name_the_character(study_dir, first, second, held):
    from impact.study import load_study

    _edit(study_dir, "councils.csv", "Barnet", first)
    _edit(study_dir, "councils.csv", "Torbay", second)
    told = [p for p in load_study(study_dir).load_problems if p.file == "councils.csv" and p.column == "name"]
    assert [(p.row, p.value, p.severity) for p in told] == [(4, second, "warning")], told
    assert "the same but for how its characters are written: " in told[0].expected
    assert held in told[0].expected, told[0].expected

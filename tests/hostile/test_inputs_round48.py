"""Hostile inputs, round 48 (helper-inputs48): transcript paths Windows cannot make (device names, a trailing dot or
space), refused on reading and on save; a reviewer's name held to one rule in Python and on the command line;
export-qdpx reading each coded file once; and a red team of study CSVs, codebook YAML, transcripts and review
workbooks (byte-order marks inside a file, mixed line endings, NUL bytes, formulas in cells, headers named twice
apart from case or a trailing space, dates in two formats, thousands separators, code ids YAML reads as booleans).

Counts (54 tests): 26 fail on the old code and pass here - 4 of the three faults briefed (Windows names on reading
and on save, the reviewer's name, reading once) and 22 red-team inputs found wrong (6 invisible characters in codebook
terms, 5 byte-order marks inside YAML, 4 inside transcripts, 4 formulas in study CSV cells, 3 invisible characters in
review values); 28 ``guard`` cases pass on both: red-team inputs already refused clearly or read right (11 of study
tables, 5 of codebooks and 1 of their terms, 4 of transcripts, 5 of review workbooks, 1 of formula-like text) and one
of names that only hold a device's name.

Each test is a hostile input the old code got wrong; what it did is said beside the test.  Tests and cases named
``guard`` pass on the old code too: they hold what a fix must not break.
"""

from __future__ import annotations

import io
import re
import warnings

import pytest

from impact.errors import InputError, ValidationError

from . import test_cli_round48 as _cli48
from .test_inputs_round45 import _edit


# --------------------------------------------------------------------------- 3. export-qdpx reads a coded file once
# Old: `impact export-qdpx --coded FILE` read each coded file twice, once as codings checked against the study
# (read_codings) and once as coded output (read_coded).  Counted by the opens of the file (not a timer): one each, and
# the project written is the same as the one written from the file read by the old way (read_coded alone).
def test_export_qdpx_opens_each_coded_file_once(study_dir, coded_file, tmp_path, monkeypatch):
    import zipfile
    from pathlib import Path

    from impact.cli import main

    other = tmp_path / "other.csv"
    other.write_bytes(coded_file.read_bytes())
    opened: list[str] = []
    real_open = io.open

    def counting_open(file, *args, **kwargs):
        import sys

        # the command line's kind check (impact._kinds, since inputs52) reads each file's first 64 KB to tell what
        # it is before the command starts: not a reading of the codings, so not counted
        sniffed = sys._getframe(1).f_globals.get("__name__") == "impact._kinds"
        if isinstance(file, (str, Path)) and Path(file).name in ("coded.csv", "other.csv") and not sniffed:
            opened.append(Path(file).name)
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(io, "open", counting_open)
    monkeypatch.setattr("builtins.open", counting_open)
    assert main(["export-qdpx", str(study_dir), str(tmp_path / "s.qdpx"), "--coded", f"ann={coded_file}",
                 "--coded", f"bob={other}"]) == 0
    monkeypatch.undo()
    assert sorted(opened) == ["coded.csv", "other.csv"], opened
    with zipfile.ZipFile(tmp_path / "s.qdpx") as z:
        xml = z.read("project.qde").decode("utf-8")
    assert xml.count('<User ') == 2 and xml.count("<Coding ") > 0


# --------------------------------------------------------------------------- 1. names Windows cannot make
def _errors(folder) -> list:
    from impact.study import load_study

    with pytest.raises(ValidationError) as info:
        load_study(folder)
    return [p for p in info.value.problems if p.severity == "error"]


def _rename(study_dir, old: str, new: str) -> None:
    """Move transcripts/``old`` to transcripts/``new`` (folders made) and name it so in interviews.csv."""
    src, dest = study_dir / "transcripts" / old, study_dir / "transcripts" / new
    dest.parent.mkdir(parents=True, exist_ok=True)
    src.rename(dest)
    _edit(study_dir, "interviews.csv", old, new)


# Old: a transcript named as a Windows device (transcripts/301/CON.txt; PRN, AUX, NUL, COM1-9, LPT1-9 in any case,
# with or without an extension), in a folder so named, or a name ending in a dot or a space, was read without a word:
# the study folder, made on Linux, could not be copied to Windows or opened there.  Every such row is refused, each
# naming its row, the part of the path and why; a name holding a device's name is not ('console.txt', 'com10.txt').
def test_transcript_names_windows_cannot_make_are_refused_every_one(study_dir):
    renames = [("301/P1-early.txt", "301/CON.txt"), ("301/P1-expectations.txt", "301/nul.early.txt"),
               ("302/P2-early.txt", "302/Com1.docx.txt"), ("301/P1-longer_term.txt", "301/lpt9 .txt"),
               ("302/P2-expectations.txt", "aux/P2-expectations.txt"), ("880/P3-early.txt", "880./P3-early.txt"),
               ("880/P4-expectations.txt", "880 /P4-expectations.txt")]
    for old, new in renames:
        _rename(study_dir, old, new)
    errors = _errors(study_dir)
    got = {p.value: p.expected for p in errors if p.column == "transcript"}
    assert set(got) == {new for _, new in renames}, errors
    for new, part in [("301/CON.txt", "CON"), ("301/nul.early.txt", "NUL"), ("302/Com1.docx.txt", "COM1"),
                      ("301/lpt9 .txt", "LPT9"), ("aux/P2-expectations.txt", "AUX")]:
        assert f"is the name of a device on Windows ({part})" in got[new], got[new]
    assert got["880./P3-early.txt"].startswith("a name Windows can make ('880.' ends in a dot, which Windows takes off")
    assert "'880 ' ends in a space" in got["880 /P4-expectations.txt"]
    assert all(e.endswith(": rename it and write its new name here") for e in got.values())


def test_guard_names_that_only_hold_a_device_name_are_read(study_dir):
    from impact.study import load_study

    for old, new in [("301/P1-early.txt", "301/console.txt"), ("302/P2-early.txt", "302/com10.txt"),
                     ("880/P3-early.txt", "880/P3.con.txt")]:
        _rename(study_dir, old, new)
    assert len(load_study(study_dir).interviews) == 10


# Old: Study.save wrote transcripts/301/CON.txt (on Windows: to the console device).  Refused before anything is
# written, every such path named by its row.
def test_a_study_is_not_saved_with_a_name_windows_cannot_make(tiny_study, tmp_path):
    from impact.study import Study

    tables = {name: tiny_study.table(name) for name in ("councils", "status_history", "reviews", "participants",
                                                         "interviews")}
    interviews = tables["interviews"] = tables["interviews"].copy()
    interviews.loc[0, "transcript"] = "301/PRN.txt"
    interviews.loc[3, "transcript"] = "302/P2 ./x.txt"
    study = Study(tiny_study._meta, tables, dict(zip(interviews["transcript"], tiny_study.transcripts(), strict=True)))
    with pytest.raises(InputError) as info:
        study.save(tmp_path / "out")
    said = str(info.value)
    assert "2 transcript paths naming a file or folder Windows cannot make" in said
    assert "interviews.csv:2:transcript: a name Windows can make ('PRN.txt' is the name of a device" in said
    assert "interviews.csv:5:transcript: a name Windows can make ('P2 .' ends in a dot" in said
    assert not (tmp_path / "out").exists() and list(tmp_path.iterdir()) == []


# --------------------------------------------------------------------------- 2. the reviewer's name, one rule
reviewed = _cli48.reviewed  # the tiny study's review workbook, made once (round 48 of the command line)


def _with_stored_reviewer(reviewed, tmp_path, name: str):
    import openpyxl

    wb = openpyxl.load_workbook(reviewed / "review.xlsx")
    for row in wb["_meta"].iter_rows(min_row=2):
        if row[0].value == "reviewer":
            row[1].value = name
    wb.save(tmp_path / "edited.xlsx")
    return tmp_path / "edited.xlsx"


# Old: `impact review import --reviewer` refused a name over 100 characters, but impact.import_review took one from
# a workbook's _meta sheet edited by hand (or given as reviewer=), and export_review stored one: the one rule
# (impact.schema.name_refused) now holds in every path, told in the same words as the command line's.
def test_an_over_long_reviewer_is_refused_in_python_as_on_the_command_line(reviewed, tmp_path):
    import pandas as pd

    from impact import export_review, import_review
    from impact.cli import main
    from impact.schema import NAME_MAX

    long = "r" * (NAME_MAX + 50)
    said = f"{'r' * 40!r}... (150 characters) - expected the reviewer's name"
    with pytest.raises(InputError) as info:
        import_review(_with_stored_reviewer(reviewed, tmp_path, long))
    assert str(info.value).startswith(f"edited.xlsx (sheet '_meta'):reviewer: {said} (stored at export) of at most "
                                      "100 characters"), info.value
    with pytest.raises(InputError, match=r"reviewer= \(--reviewer on the command line\): .*\(150 characters\) - "
                                         r"expected the reviewer's name \(given\) of at most 100 characters"):
        import_review(reviewed / "review.xlsx", reviewer=long)
    with pytest.raises(InputError, match=r"\(150 characters\) - expected the reviewer's name \(given\) of at most"):
        export_review(pd.DataFrame({"segment_id": ["I1:1"], "text": ["We felt valued."], "start": [0]}),
                      coded=pd.DataFrame({"unit": ["I1:1"], "code": ["morale"], "score": [0.9]}), path=tmp_path / "x.xlsx",
                      reviewer=long)
    assert not (tmp_path / "x.xlsx").exists()
    # the command line: the stored name refused in the same words, no decisions written
    assert main(["review", "import", str(tmp_path / "edited.xlsx"), "--out", str(tmp_path / "d.csv")]) == 2
    assert not (tmp_path / "d.csv").exists()
    # the longest name taken is read from the workbook (its spaces at the ends taken off): nothing decided yet
    assert import_review(_with_stored_reviewer(reviewed, tmp_path, " " + "b" * NAME_MAX + " ")).empty


# --------------------------------------------------------------------------- 4. red team: codebooks
_CODEBOOK = """format_version: 1
id: mini
version: "1"
title: Mini
classes:
  staff: [{term}]
codes:
  - id: morale
    label: Morale
    definition: Staff morale.
    rules:
      weight: 0.8
      phrases: [{phrase}]
      near:
        - terms: ["@staff"]
          with: [{near}]
          within: 3
  - id: plans
    label: Plans
    definition: Plans made.
"""


def _codebook(tmp_path, text: str):
    from impact.coding import Codebook

    path = tmp_path / "mini.yaml"
    path.write_text(text, encoding="utf-8")
    return Codebook.load(path)


def _book(phrase="morale", term="staff", near="mood"):
    return _CODEBOOK.format(phrase=phrase, term=term, near=near)


# Old: a term holding a character no one sees (a zero-width space, a byte-order mark, a word joiner, a soft hyphen, a
# direction mark: pasted from a web page or a Word file) was read without a word; the tokenizer ends a word there, so
# 'mor<ZWSP>ale' matched 'mor ale' and never 'morale': a rule that never fires, the code never given.  Refused,
# naming where, the character and what the term would match.  Guards: a no-break space between two words is a space.
@pytest.mark.parametrize(("book", "where", "held"), [
    (_book(phrase="mor\u200bale"), "codes[0].rules.phrases", "U+200B ZERO WIDTH SPACE at character 4"),
    (_book(phrase="\"staff mor\ufeffale\""), "codes[0].rules.phrases", "U+FEFF ZERO WIDTH NO-BREAK SPACE at character 10"),
    (_book(near="mo\u2060od"), "codes[0].rules.near", "U+2060 WORD JOINER at character 3"),
    (_book(term="sta\u00adff"), "classes.staff", "U+00AD SOFT HYPHEN at character 4"),
    (_book(phrase="\u200emorale"), "codes[0].rules.phrases", "U+200E LEFT-TO-RIGHT MARK at character 1"),
    (_book(term="team, \"mo\u200brale boost*\""), "classes.staff", "U+200B ZERO WIDTH SPACE at character 3"),
], ids=["phrase-zwsp", "phrase-bom", "near-word-joiner", "class-soft-hyphen", "phrase-direction-mark",
        "class-second-term"])
def test_a_codebook_term_holding_an_invisible_character_is_refused(tmp_path, book, where, held):
    with pytest.raises(ValidationError) as info:
        _codebook(tmp_path, book)
    told = [p for p in info.value.problems if p.column.startswith(where)]
    assert len(told) == 1 and f"words without invisible characters (it holds {held}, which splits the word it " \
        "stands in:" in told[0].expected, info.value.problems
    assert "never the word shown; retype it" in told[0].expected


def test_guard_a_no_break_space_between_words_of_a_term_is_a_space(tmp_path):
    book = _codebook(tmp_path, _book(phrase="\"staff\u00a0morale\"", term="staff\u00a0team"))
    assert list(book.code_ids) == ["morale", "plans"]


# Old: a byte-order mark at the start of a line inside a YAML file (a second file's mark where two files were joined
# with `cat`, or text pasted with its mark) failed as "not valid YAML (mapping values are not allowed here)", or was
# read into the next key ('\ufefftitle', "expected one of the keys ..."), or a joined codebook was told as "the key
# 'id' is given twice": none said what was wrong.  Each names the line and the mark.
@pytest.mark.parametrize("text", [
    _book().replace("  - id: plans", "\ufeff  - id: plans"),
    _book().replace("title: Mini", "\ufefftitle: Mini"),
    _book() + "\ufeff" + _book(),
    _book().replace("      weight: 0.8", "  \ufeff    weight: 0.8"),
], ids=["list-item", "top-key", "two-files-joined", "after-spaces"])
def test_a_byte_order_mark_inside_a_codebook_names_its_line(tmp_path, text):
    line = text.count("\n", 0, text.index("\ufeff")) + 1
    with pytest.raises(InputError) as info:
        _codebook(tmp_path, text)
    assert str(info.value).startswith(f"{tmp_path / 'mini.yaml'}:{line}: a byte-order mark (U+FEFF, which no one "
                                      f"sees) at the start of line {line} - expected one at most, at the very start")


def test_a_byte_order_mark_inside_study_yaml_names_its_line(study_dir):
    from impact.study import load_study

    meta = study_dir / "study.yaml"
    lines = meta.read_text(encoding="utf-8").splitlines(keepends=True)
    meta.write_text("".join(lines[:2]) + "\ufeff" + "".join(lines[2:]), encoding="utf-8")
    with pytest.raises(ValidationError, match=r"study\.yaml:3: expected a readable study\.yaml \(a byte-order mark "
                                         r"\(U\+FEFF, which no one sees\) at the start of line 3"):
        load_study(study_dir)


# Guards: what the red team tried on codebooks that was already refused clearly or read right.  A code id YAML reads
# as a truth value (yes, no, on, off: unquoted) is refused saying so; 'y' and 'n' are words to PyYAML (YAML 1.1's
# own list is not followed there) and read as ids; a NUL byte is refused as binary; mixed line endings are read.
@pytest.mark.parametrize(("text", "said"), [
    (_book().replace("id: morale", "id: yes").replace("id: plans", "id: off"),
     "codes[0].id: 'True' - expected a snake_case id: text (YAML reads an unquoted yes, no, on, off, true or false "
     "as true, not as the word: put the id in quotes, or choose another)"),
    (_book().replace("id: plans", "id: on"), "codes[1].id: 'True' - expected a snake_case id"),
    (_book().replace("Staff morale.", "Staff\x00 morale."), "UTF-8 text with 1 stray NUL byte (byte"),  # inputs54
    (_book().replace("\n", "\r\n", 5).replace("label: Plans\n", "label: Plans\r"), None),
    (_book().replace("id: morale", "id: y"), None),
], ids=["guard-id-yes-off", "guard-id-on", "guard-nul", "guard-mixed-line-endings", "guard-id-y"])
def test_guard_codebook_inputs_already_told_or_read(tmp_path, text, said):
    if said is None:
        assert len(_codebook(tmp_path, text).code_ids) == 2
        return
    with pytest.raises((InputError, ValidationError)) as info:
        _codebook(tmp_path, text)
    assert said in str(info.value)


# --------------------------------------------------------------------------- 4. red team: transcripts
# Old: a byte-order mark inside a .txt transcript (the second file's, where two transcripts were joined) was read as a
# character: at the start of a line it hid the speaker label after it ('\ufeffRespondent:' is no label: the label was
# read as words said), inside a word it split the word for the coder; a zero-width space or word joiner the same.
# Taken out, told once with the line of the first.
@pytest.mark.parametrize(("raw", "line"), [
    ("Interviewer: How was it?\n\ufeffRespondent: Morale rose.\n", 2),
    ("Interviewer: How was it?\nRespondent: Mor\u200bale rose.\n", 2),
    ("Interviewer: How was it?\nRespondent: Morale\u2060 rose.\n", 2),
    ("Interviewer: How\ufeff was it?\r\n\ufeffRespondent: Morale rose.\r\n", 1),
], ids=["joined-files-bom", "zwsp-in-word", "word-joiner", "bom-twice-crlf"])
def test_no_text_characters_inside_a_transcript_are_taken_out_and_told(tmp_path, raw, line):
    from impact.coding.segment import split_turns
    from impact.study import TranscriptNotesWarning, read_transcript

    path = tmp_path / "t.txt"
    path.write_bytes(raw.encode("utf-8"))
    with pytest.warns(TranscriptNotesWarning, match=rf"t\.txt: \d characters? that (is|are) no text \(U\+[0-9A-F]{{4}}"
                                                    rf".*the first on line {line}\) taken out"):
        text = read_transcript(path)
    assert not set(text) & set("\ufeff\u200b\u2060")
    assert text.replace("\r\n", "\n") == "Interviewer: How was it?\nRespondent: Morale rose.\n"
    assert split_turns(text)["label"].tolist() == ["Interviewer", "Respondent"]


# Guards: a NUL byte, and a UTF-16 file joined after a UTF-8 one, are refused as binary naming the byte and line;
# a carriage return alone ends a line, one character for one (offsets hold); a mark at the very start is the file's.
@pytest.mark.parametrize(("raw", "said"), [
    (b"Interviewer: Hi\nRespondent: Morale\x00 rose.\n",  # "contains NUL bytes at byte 34 ..." before inputs54
     "UTF-8 text with 1 stray NUL byte (byte 34, line 2, character 19)"),
    (b"Interviewer: Hi\n" + "Respondent: ok.\n".encode("utf-16"), "contains NUL bytes at byte 19 (line 2, character 4)"),
    (b"Interviewer: Hi\r\nRespondent: Morale rose.\rInterviewer: ok\n", None),
    (b"\xef\xbb\xbfInterviewer: Hi\nRespondent: ok\n", None),
], ids=["guard-nul", "guard-utf16-joined", "guard-mixed-line-endings", "guard-leading-bom"])
def test_guard_transcript_inputs_already_told_or_read(tmp_path, raw, said):
    from impact.study import read_transcript

    path = tmp_path / "t.txt"
    path.write_bytes(raw)
    if said is None:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            text = read_transcript(path)
        assert len(text) == len(raw.decode("utf-8-sig")) and "\r" not in text.replace("\r\n", "")
        return
    with pytest.raises(InputError, match=re.escape(said)):
        read_transcript(path)


# --------------------------------------------------------------------------- 4. red team: study tables
def _told(study_dir) -> list:
    from impact.study import load_study

    try:
        problems = load_study(study_dir).load_problems
    except ValidationError as exc:
        problems = exc.problems
    return [p for p in problems if "formula" in p.expected]


# Old: a spreadsheet formula written into a CSV cell (=HYPERLINK("...","Barnet") as a council's name, =Sheet1!$B$2 as
# the source of a status, '= sum (1,2)' as a name, =A1 as a participant's name) was read as the text of the formula
# without a word: the report named the council '=HYPERLINK(...)'.  Told, naming file, row and column (read as
# written: a CSV holds no formula, and outputs escape it).
@pytest.mark.parametrize(("file", "old", "new", "row", "column"), [
    ("councils.csv", "Barnet", '"=HYPERLINK(""http://x"",""Barnet"")"', 3, "name"),
    ("status_history.csv", "DfE letter", "=Sheet1!$B$2", 5, "source"),
    ("councils.csv", "Torbay", '"= sum (1,2)"', 4, "name"),
    ("participants.csv", "Alice Example", "=A1", 2, "name"),
], ids=["hyperlink-name", "sheet-reference", "spaced-function", "cell-reference"])
def test_a_spreadsheet_formula_in_a_study_table_is_told(study_dir, file, old, new, row, column):
    _edit(study_dir, file, old, new)
    told = _told(study_dir)
    assert [(p.file, p.row, p.column, p.severity) for p in told] == [(file, row, column, "warning")], told
    assert told[0].expected.startswith("a value, not a spreadsheet formula (the file holds the formula's text")


# Guards: text that starts with '=' and is no formula ('= agreed', '==='), and a value a saved study holds escaped
# ("'=x", Study.save's apostrophe), are read without a formula warning.
def test_guard_text_starting_with_an_equals_sign_is_no_formula(study_dir, tiny_study, tmp_path):
    from impact.study import Study, load_study

    _edit(study_dir, "councils.csv", "Barnet", "= agreed")
    _edit(study_dir, "councils.csv", "Torbay", "===")
    assert _told(study_dir) == []
    tables = {name: tiny_study.table(name) for name in ("councils", "status_history", "reviews", "participants",
                                                         "interviews")}
    tables["councils"] = tables["councils"].assign(name=["=A1", '=HYPERLINK("x")', "Torbay"])
    texts = dict(zip(tables["interviews"]["transcript"], tiny_study.transcripts(), strict=True))
    Study(tiny_study._meta, tables, texts).save(tmp_path / "saved")
    assert _told(tmp_path / "saved") == []
    assert load_study(tmp_path / "saved").councils["name"].tolist()[:2] == ["=A1", '=HYPERLINK("x")']


# --------------------------------------------------------------------------- 4. red team: review workbooks
def _review_with(reviewed, tmp_path, cells: dict[tuple[int, str], object]):
    """The module's review workbook with ``cells`` ((row, column header): value) of its 'review' sheet set."""
    import openpyxl

    wb = openpyxl.load_workbook(reviewed / "review.xlsx")
    sheet = wb["review"]
    header = [c.value for c in sheet[1]]
    for (row, col), value in cells.items():
        sheet.cell(row=row, column=header.index(col) + 1).value = value
    wb.save(tmp_path / "edited.xlsx")
    return tmp_path / "edited.xlsx"


def _review_problems(path) -> list:
    from impact import import_review

    with pytest.raises(ValidationError) as info:
        import_review(path)
    return [(p.row, p.column, p.value, p.expected) for p in info.value.problems if p.severity == "error"]


# Old: a decision or other code holding a character no one sees (a byte-order mark or zero-width space pasted in with
# it) was refused as "expected one of accept, reject, other (did you mean 'accept'?)", naming no difference a reader
# could see between 'accept' and what the cell shows.  The did-you-mean (every one: vocabularies, codes, options)
# names the character.
@pytest.mark.parametrize(("cells", "column", "held"), [
    ({(2, "decision"): "\ufeffaccept"}, "decision", "U+FEFF ZERO WIDTH NO-BREAK SPACE at character 1"),
    ({(2, "decision"): "rej\u200bect"}, "decision", "U+200B ZERO WIDTH SPACE at character 4"),
    ({(2, "decision"): "other", (2, "other_code"): "plans_\u2060actions"}, "other_code",
     "U+2060 WORD JOINER at character 7"),
], ids=["decision-bom", "decision-zwsp", "other-code-word-joiner"])
def test_a_review_value_holding_an_invisible_character_names_it(reviewed, tmp_path, cells, column, held):
    told = _review_problems(_review_with(reviewed, tmp_path, cells))
    assert [(row, col) for row, col, _, _ in told] == [(2, column)], told
    assert told[0][3].endswith(f"? one of the two holds {held}, which no one sees)"), told[0][3]


# Guards: what the red team tried on review workbooks that was already refused clearly or read right: a formula in
# a decision or a note (=HYPERLINK) is refused as a formula; a header changed in case is refused as renamed; a column
# added under a header differing from 'decision' only by a trailing space is refused as an added column, its cells
# named; 'ACCEPT' and 'accept' followed by a no-break space are read as accept.
@pytest.mark.parametrize(("cells", "told"), [
    ({(2, "decision"): '=HYPERLINK("x","accept")'}, [(2, "decision", "plain text or a value, not a formula")]),
    ({(2, "decision"): "accept", (2, "notes"): '=HYPERLINK("http://x","see")'},
     [(2, "notes", "plain text or a value, not a formula")]),
    ({(1, "decision"): "Decision", (2, "decision"): "accept"},
     [(1, "L (decision)", "the column header 'decision' unchanged (columns must not be renamed, moved or deleted)")]),
    ({(2, "decision"): "ACCEPT"}, []),
    ({(2, "decision"): "accept\u00a0"}, []),
], ids=["guard-formula-decision", "guard-formula-notes", "guard-header-case", "guard-upper-case",
        "guard-no-break-space"])
def test_guard_review_inputs_already_told_or_read(reviewed, tmp_path, cells, told):
    from impact import import_review

    path = _review_with(reviewed, tmp_path, cells)
    if not told:
        assert import_review(path)["decision"].tolist() == ["accept"]
        return
    assert [(row, col, expected) for row, col, _, expected in _review_problems(path)] == told


# Guards: what the red team tried on study tables that was already told clearly or read right (each a byte edit of
# one file of the tiny study): a byte-order mark inside a row's id (refused) or a name (taken out, told); a second
# header row where a file was joined on (refused); a NUL byte (refused as binary); CRLF, LF and a lone CR in one file
# (read); a column named twice apart from case, or a trailing space (refused); ISO and day/month/year dates in one
# column (read day first, told); "1,000" (read as 1000), "1 100" and a decimal comma (refused, saying why).
@pytest.mark.parametrize(("file", "edit", "told"), [
    ("councils.csv", lambda b: b.replace(b"\n302,", b"\n\xef\xbb\xbf302,"), ("councils.csv", 3, "council_id", "error")),
    ("councils.csv", lambda b: b.replace(b"Barnet", b"Bar\xef\xbb\xbfnet"), ("councils.csv", 3, "name", "warning")),
    ("councils.csv", lambda b: b + b"\xef\xbb\xbf" + b.split(b"\n", 1)[0] + b"\n", ("councils.csv", 5, None, "error")),
    ("councils.csv", lambda b: b.replace(b"Barnet", b"Bar\x00net"), ("councils.csv", None, None, "error")),
    ("councils.csv", lambda b: b.replace(b"\n", b"\r\n", 1).replace(b"\n880", b"\r880"), None),
    ("councils.csv", lambda b: b.replace(b"region", b"region,Region", 1).replace(b"London\n", b"London,X\n")
     .replace(b"South West\n", b"South West,Y\n"), ("councils.csv", 1, "Region", "error")),
    ("councils.csv", lambda b: b.replace(b"region", b"region,region ", 1).replace(b"London\n", b"London,X\n")
     .replace(b"South West\n", b"South West,Y\n"), ("councils.csv", 1, "region", "error")),
    ("interviews.csv", lambda b: b.replace(b"2011-03-01", b"01/03/2011", 1), ("interviews.csv", 2, "date", "warning")),
    ("reviews.csv", lambda b: b.replace(b",11\n", b',"1,000"\n'), None),
    ("reviews.csv", lambda b: b.replace(b",11\n", b",1 100\n"), ("reviews.csv", 3, "n_recommendations", "error")),
    ("survey_responses.csv", lambda b: b.replace(b",4\n", b',"3,5"\n', 1), ("survey_responses.csv", 3, "value", "error")),
], ids=["guard-bom-in-id", "guard-bom-in-name", "guard-joined-header", "guard-nul", "guard-mixed-line-endings",
        "guard-header-case", "guard-header-space", "guard-two-date-formats", "guard-thousands-comma",
        "guard-thousands-space", "guard-decimal-comma"])
def test_guard_study_table_inputs_already_told_or_read(study_dir, file, edit, told):
    from impact.study import load_study

    path = study_dir / file
    path.write_bytes(edit(path.read_bytes()))
    try:
        # The tiny study's attrition warnings are not what this tests (they name a row since newuser3).
        problems = [p for p in load_study(study_dir).load_problems if "(attrition:" not in str(p.expected)]
    except ValidationError as exc:
        problems = exc.problems
    got = [(p.file, p.row, p.column, p.severity) for p in problems if p.file == file]
    assert got == ([told] if told else []), problems

"""Hostile inputs, round 49 (helper-inputs49): transcript paths holding a character Windows takes in no name, refused
on reading and on save; a refused study's warnings told with its errors; invisible characters in a codebook's text a
reader sees; invisible characters inside a .docx transcript; the command line tried the wrong way.

Counts (41 tests): 13 fail on the old code and pass here - 2 of characters Windows refuses (reading, saving), 1 of the
warnings of a refused study, 6 of invisible characters in codebook text (label twice, definition, example, title,
description), 4 of invisible characters in .docx transcripts (3 in paragraphs, 1 in a table); 28 ``guard`` cases pass
on both: 1 of a refusal without warnings, 1 of codebook text with no-break spaces and accents, 10 of subcommands given
no arguments and 16 of the command line the wrong way (nothing in it failed: each is one message, exit 2, nothing
written).

Each test is a hostile input the old code got wrong; what it did is said beside the test.  Tests and cases named
``guard`` pass on the old code too: they hold what a fix must not break.
"""

from __future__ import annotations

import pytest

from impact.errors import InputError, ValidationError

from .test_inputs_round45 import _edit
from .test_inputs_round48 import _errors, _rename

# --------------------------------------------------------------------------- 1. characters Windows takes in no name
# Old: a transcript path holding a character Windows takes in no file or folder name (< > : " | ? * and the control
# characters: made on Linux or macOS, where only '/' is refused) was read without a word: the study folder could not
# be copied to Windows.  Every such row is refused, naming its row, the name and the character; Study.save refuses to
# write one, before anything is written.
_FORBIDDEN = [("301/P1-early.txt", "301/P1: early.txt", "':' at character 3"),
              ("301/P1-expectations.txt", "301/P1<expectations>.txt", "'<' at character 3"),
              ("302/P2-early.txt", "302/P2 \"early\".txt", "'\"' at character 4"),
              ("301/P1-longer_term.txt", "301/P1|longer.txt", "'|' at character 3"),
              ("302/P2-expectations.txt", "what?/P2-expectations.txt", "'?' at character 5"),
              ("880/P3-early.txt", "880/P3*.txt", "'*' at character 3"),
              ("880/P4-expectations.txt", "880/P4\x01.txt", "U+0001, a control character, at character 3")]


def test_transcript_names_holding_characters_windows_refuses_are_refused_every_one(study_dir):
    for old, new, _ in _FORBIDDEN:
        _rename(study_dir, old, new)
    got = {p.value: p.expected for p in _errors(study_dir) if p.column == "transcript"}
    assert set(got) == {new for _, new, _ in _FORBIDDEN}, got
    for _, new, held in _FORBIDDEN:
        assert got[new].startswith(f"a name Windows can make ({new.split('/')[0 if '?' in new else 1]!r} holds {held}"
                                   ": Windows makes no file or folder with < > : \" | ? * or a control character"), got
        assert got[new].endswith(": rename it and write its new name here")


def test_a_study_is_not_saved_with_a_character_windows_refuses(tiny_study, tmp_path):
    from impact.study import Study

    tables = {name: tiny_study.table(name) for name in ("councils", "status_history", "reviews", "participants",
                                                         "interviews")}
    interviews = tables["interviews"] = tables["interviews"].copy()
    interviews.loc[1, "transcript"] = "301/P1:expectations.txt"
    study = Study(tiny_study._meta, tables, dict(zip(interviews["transcript"], tiny_study.transcripts(), strict=True)))
    with pytest.raises(InputError, match=r"interviews\.csv:3:transcript: a name Windows can make \('P1:expectations"
                                         r"\.txt' holds ':' at character 3"):
        study.save(tmp_path / "out")
    assert list(tmp_path.iterdir()) == []


# --------------------------------------------------------------------------- 2. warnings told with the errors
# Old: a study with an error and a spreadsheet formula in a cell (=A1 as a participant's name) was refused naming the
# error alone: the ValidationError kept the formula warning in ``.warnings``, which its message, the one report every
# command but `impact validate` prints, never showed; the user fixed the error and met the warning only then.  Now
# the message lists the warnings after the errors, each naming file, row and column, in Python and on the command
# line.
def test_a_formula_warning_is_told_with_the_errors_of_a_study(study_dir, tmp_path, capsys):
    from impact.cli import main
    from impact.study import load_study

    _edit(study_dir, "participants.csv", "Alice Example", "=A1")
    _edit(study_dir, "reviews.csv", ",11\n", ",eleven\n")
    with pytest.raises(ValidationError) as info:
        load_study(study_dir)
    exc = info.value
    assert [(p.file, p.row, p.column) for p in exc.problems] == [("reviews.csv", 3, "n_recommendations")]
    formula = [p for p in exc.warnings if "formula" in p.expected]
    assert [(p.file, p.row, p.column, p.value) for p in formula] == [("participants.csv", 2, "name", "=A1")]
    said = str(exc).splitlines()
    assert said[:2] == [f"{study_dir}: 1 problem found",
                        "  reviews.csv:3:n_recommendations: 'eleven' - expected a whole number"]
    assert said[2] == f"and {len(exc.warnings)} warnings with it:", said
    assert "  warning: participants.csv:2:name: '=A1' - expected a value, not a spreadsheet formula" in \
        [line[:len("  warning: participants.csv:2:name: '=A1' - expected a value, not a spreadsheet formula")]
         for line in said[3:]]
    assert main(["code", str(study_dir), "--out", str(tmp_path / "c.csv")]) == 2
    err = capsys.readouterr().err
    assert "participants.csv:2:name: '=A1' - expected a value, not a spreadsheet formula" in err
    assert "Traceback" not in err and not (tmp_path / "c.csv").exists()


def test_guard_an_error_alone_is_told_as_before(study_dir):
    """A study refused with no warning: the message is the errors' alone (no 'and 0 warnings')."""
    from impact.errors import Problem

    assert str(ValidationError([Problem("a.csv", 2, "x", "?", "a number")], source="s")) == \
        "s: 1 problem found\n  a.csv:2:x: '?' - expected a number"


# --------------------------------------------------------------------------- 3. invisible characters in codebook text
# Old: a byte-order mark, a zero-width space, a soft hyphen or a direction mark inside a codebook's label, definition,
# example, title or description was read without a word (round 48 refused them in terms only): 'Mor<ZWSP>ale' and
# 'Morale' were two labels a report showed alike and the duplicate-label check told apart.  Refused, each naming
# where, the character and the text as it looks.
_TEXT_BOOK = """format_version: 1
id: mini
version: "1"
title: {title}
description: {description}
codes:
  - id: morale
    label: {label}
    definition: {definition}
    examples: [{example}]
  - id: plans
    label: Plans
    definition: Plans made.
"""


@pytest.mark.parametrize(("fields", "where", "held", "looks"), [
    ({"label": "\ufeffMorale"}, "codes[0].label", "U+FEFF ZERO WIDTH NO-BREAK SPACE at character 1", "Morale"),
    ({"label": "Mor\u200bale"}, "codes[0].label", "U+200B ZERO WIDTH SPACE at character 4", "Morale"),
    ({"definition": "Staff mo\u00adrale."}, "codes[0].definition", "U+00AD SOFT HYPHEN at character 9", "Staff morale."),
    ({"example": "We felt\u2060 valued."}, "codes[0].examples", "U+2060 WORD JOINER at character 8", "We felt valued."),
    ({"title": "Mini\u200e"}, "title", "U+200E LEFT-TO-RIGHT MARK at character 5", "Mini"),
    ({"description": "A \ufeffbook."}, "description", "U+FEFF ZERO WIDTH NO-BREAK SPACE at character 3", "A book."),
], ids=["label-bom", "label-zwsp", "definition-soft-hyphen", "example-word-joiner", "title-direction-mark",
        "description-bom"])
def test_codebook_text_holding_an_invisible_character_is_refused(tmp_path, fields, where, held, looks):
    from impact.coding import Codebook

    values = {"title": "Mini", "description": "A book.", "label": "Morale", "definition": "Staff morale.",
              "example": "We felt valued.", **fields}
    path = tmp_path / "mini.yaml"
    path.write_text(_TEXT_BOOK.format(**{k: f'"{v}"' for k, v in values.items()}), encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        Codebook.load(path)
    told = [p for p in info.value.problems if p.column == where]
    assert len(told) == 1 and len(info.value.problems) == 1, info.value.problems
    assert told[0].expected == (f"text without invisible characters (it holds {held}, which no one sees: the text "
                                f"shown is not the text read, {looks!r} as it looks; retype it)")


def test_guard_codebook_text_with_no_break_spaces_and_accents_is_read(tmp_path):
    from impact.coding import Codebook

    path = tmp_path / "mini.yaml"
    path.write_text(_TEXT_BOOK.format(title="Mini\u00a0book", description="Équipe", label="Moral (l’équipe)",
                                      definition="Staff\u00a0morale.", example="Café"), encoding="utf-8")
    assert Codebook.load(path).code_ids == ["morale", "plans"]


# --------------------------------------------------------------------------- 4. invisible characters in a .docx
# Old: round 48 took a byte-order mark, a zero-width space or a word joiner out of a .txt transcript and told it; a
# .docx holding one (a second document's text pasted in with its mark, a web page's zero-width space) was read with
# it: '\ufeffRespondent:' hid the speaker label (the turn read as the interviewer's), 'Mor\u200bale' split the word.
# The .docx text now takes the .txt's path: taken out, told once with the line (paragraph) of the first.
@pytest.mark.parametrize(("second", "line"), [
    ("\ufeffRespondent: Morale rose.", 2),
    ("Respondent: Mor\u200bale rose.", 2),
    ("Respondent: Morale\u2060 rose.", 2),
], ids=["paragraph-bom", "zwsp-in-word", "word-joiner"])
def test_no_text_characters_inside_a_docx_transcript_are_taken_out_and_told(tmp_path, second, line):
    import docx

    from impact.coding.segment import split_turns
    from impact.study import TranscriptNotesWarning, read_transcript

    document = docx.Document()
    document.add_paragraph("Interviewer: How was it?")
    document.add_paragraph(second)
    document.save(tmp_path / "t.docx")
    with pytest.warns(TranscriptNotesWarning, match=rf"t\.docx: 1 character that is no text \(U\+[0-9A-F]{{4}}.*the "
                                                    rf"first on line {line}\) taken out"):
        text = read_transcript(tmp_path / "t.docx")
    assert text == "Interviewer: How was it?\nRespondent: Morale rose."
    assert split_turns(text)["label"].tolist() == ["Interviewer", "Respondent"]


def test_no_text_characters_in_a_docx_table_are_taken_out_and_told(tmp_path):
    import docx

    from impact.study import TranscriptNotesWarning, read_transcript

    document = docx.Document()
    document.add_paragraph("Interviewer: How was it?")
    row = document.add_table(rows=1, cols=2).rows[0].cells
    row[0].text, row[1].text = "\ufeffRespondent", "Mor\u200bale rose."
    document.save(tmp_path / "t.docx")
    with pytest.warns(TranscriptNotesWarning, match=r"2 characters that are no text \(U\+FEFF, U\+200B"):
        text = read_transcript(tmp_path / "t.docx")
    assert "\ufeff" not in text and "\u200b" not in text and "Morale rose." in text


# --------------------------------------------------------------------------- 5. the command line, the wrong way
# Guards: every subcommand tried as a new user would, the wrong way (no arguments, a file where a folder is expected
# and the reverse, --out inside the study, a study path with spaces and letters outside ASCII) already ends with one
# clear message and exit status 2, no traceback, nothing written, nothing deleted (a read-only --out is tested in
# test_filesystem.py and test_cli_errors.py).  Each here passes on the old code too.
_COMMANDS = ["agree", "code", "import-qdpx", "export-qdpx", "review", "review export", "review import", "run", "synth",
             "validate"]


@pytest.mark.parametrize("command", _COMMANDS, ids=[c.replace(" ", "-") for c in _COMMANDS])
def test_guard_every_subcommand_without_arguments_says_what_it_needs(command, capsys):
    from impact.cli import main

    assert main(command.split()) == 2
    err = capsys.readouterr().err
    assert f"impact {command}: error: the following arguments are required: " in err and "Traceback" not in err


@pytest.fixture
def odd_study(tiny_study, tmp_path):
    """The tiny study saved under a name with spaces and letters outside ASCII, beside a file and an empty folder."""
    study = tmp_path / "Étude de cas ø"
    tiny_study.save(study)
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    return study


def _files(folder) -> dict:
    return {p: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(("args", "said"), [
    (["validate", "{tmp}/notes.txt"], "{tmp}/notes.txt: a file, not a study folder (expected a folder holding "
                                      "study.yaml)"),
    (["code", "{study}/study.yaml", "--out", "{tmp}/c.csv"], "(it is a file of the study folder {study}: give the "
                                                             "folder itself)"),
    (["code", "{study}", "--out", "{tmp}/empty"], "{tmp}/empty is a folder - expected a file name to write"),
    (["code", "{study}", "--out", "{study}/coded.csv"], "{study}/coded.csv is inside the study folder {study}; "
                                                        "write outputs elsewhere"),
    (["run", "{study}", "--out", "{study}/out"], "the output folder would be inside the study folder ({study})"),
    (["run", "{study}", "--out", "{tmp}/notes.txt"], "{tmp}/notes.txt: is an existing file, not a folder"),
    (["synth", "--out", "{study}/transcripts"], "is inside the study folder {study} (it holds study.yaml)"),
    (["synth", "--out", "{tmp}/notes.txt"], "{tmp}/notes.txt is an existing file, not a folder"),
    (["export-qdpx", "{study}", "{tmp}/empty"], "{tmp}/empty is a folder - expected a file name to write"),
    (["export-qdpx", "{study}", "{study}/x.qdpx"], "{study}/x.qdpx is inside the study folder {study}"),
    (["import-qdpx", "{tmp}/empty", "{tmp}/imported"], "{tmp}/empty: is a folder - expected a .qdpx project"),
    (["import-qdpx", "{tmp}/notes.txt", "{tmp}/notes.txt"], "{tmp}/notes.txt is a file - expected a folder"),
    (["agree", "{tmp}/empty", "--out", "{tmp}/a.csv"], "{tmp}/empty: is a folder - expected a coded CSV file"),
    (["review", "export", "{study}", "--coded", "{tmp}/empty", "--out", "{tmp}/r.xlsx"],
     "--coded: {tmp}/empty: is a folder - expected a coded CSV file"),
    (["review", "import", "{study}", "--out", "{tmp}/d.csv"], "is a folder - expected an .xlsx workbook"),
    (["review", "import", "{tmp}/notes.txt", "--out", "{study}/d.csv"], "{study}/d.csv is inside the study folder"),
], ids=["validate-a-file", "code-study-yaml", "code-out-folder", "code-out-in-study", "run-out-in-study",
        "run-out-file", "synth-out-in-study", "synth-out-file", "export-qdpx-out-folder", "export-qdpx-out-in-study",
        "import-qdpx-folder", "import-qdpx-out-file", "agree-folder", "review-export-coded-folder",
        "review-import-folder", "review-import-out-in-study"])
def test_guard_the_command_line_the_wrong_way_is_one_message(odd_study, tmp_path, capsys, args, said):
    from impact.cli import main

    before = _files(tmp_path)
    fill = {"tmp": str(tmp_path), "study": str(odd_study)}
    assert main([a.format(**fill) for a in args]) == 2
    err = capsys.readouterr().err
    assert said.format(**fill) in err and "Traceback" not in err, err
    assert _files(tmp_path) == before and sorted(p.name for p in tmp_path.iterdir()) == \
        ["empty", "notes.txt", "Étude de cas ø"]

"""Hostile inputs, round 52 (helper-inputs52): each of impact's own files given to the wrong command, and a fresh
sweep of file shapes earlier rounds did not try.

Part 1 is a table of (command option x file kind): every option of every command that reads a file, given one file of
each of impact's own kinds (:data:`impact._kinds.KINDS`: studies' files, codings of every shape, codebooks, review,
adjudication and report workbooks, Word documents, QDA projects, an output folder's files, a synthetic study's truth).
A kind the option reads passes the kind check (the readers are tested by their own modules); any other is refused
before anything is read or written, saying what the file is (told from its content, not its name), what the option
expected and which command and option read it.  On the old code the same files were refused in the reader's words
("holds no codings", "a codebook must be a YAML mapping, but the value 'unit,code,...' was found", "1 problem found",
"not a readable .xlsx workbook (not a readable zip archive)"), and a report's redaction_log.csv given as
``--key-file`` was taken as the pseudonym key (its one line is 44 characters).

Each test here failed on main (checked by running this file against main's package), except those named ``guard``.
"""

from __future__ import annotations

import json
import re
import shutil
import zipfile

import pytest

from ._util import cli_here, refused
from .test_cli_round48 import reviewed  # noqa: F401 (the tiny study, its coded file and review workbook, made once)

# --------------------------------------------------------------------------- the files, one of each kind
_CSV_HEADERS = {
    "study_table": None,  # the study's own councils.csv
    "codebook_csv": "tag,description,code_id\nMorale,Staff morale,morale\n",
    "decisions": "unit,code,coder,present,decision,suggested_code,score,notes,row_id,sheet_row\n"
                 "P1-expectations:2,morale,ann,True,accept,morale,0.6,,r00001,2\n",
    "codings_long": "unit,coder,code,value\nP1-expectations:2,ann,morale,1\n",
    "qdpx_codings": "unit,code,score,negated,hedged,attribution,start,end,coder,interview_id,text,coding_guid,created\n",
    "truth_coded": "interview_id,start,end,code,polarity,attribution,valence,coder\n",
    "truth_statements": "interview_id,start,end,code,polarity,level,attribution,validation,council_id,participant_id,"
                        "wave,in_intervention,valence\n",
    "planted_pii": "interview_id,kind,value,start,end\nI0334-001,person_name,Lisa Mitchell,73,86\n",
    "agreement": "code,metric,value,se,ci_low,ci_high,n_units,n_coders,se_h0,method,interval,interval_coder\n",
    "reidentification_key": "kind,real_id,pseudonym\ncouncil,301,Council C01\n",
    "redaction_log": "unit,kind,start,end,length,new_start,new_end\n",
    "qdpx_cases": "case_guid,name,council_id,source_guids\n",
    "report_table": "\ufefftable,column,label,unit,format,description\n",
}
_JSON = {
    "provenance": {"title": "Impact of reviews", "provenance": {"package": "impact"}},
    "parameters": {"codebook": "nfer_impacts", "n_resamples": 99, "seed": 0},
    "output_manifest": {"files": {"report.docx": {"bytes": 1, "sha256": "0" * 64}}},
    "planted_truth": {"councils": [{"council_id": "334"}], "effects": {}},
}


def _workbook(path, *sheets):
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.title = sheets[0]
    for name in sheets[1:]:
        wb.create_sheet(name)
    wb.save(path)


def _make(kind: str, folder, reviewed):  # noqa: F811
    """A file of ``kind`` in ``folder``, named ``<kind>.dat``: its kind is told from its content only."""
    path = folder / f"{kind}.dat"
    if kind in _CSV_HEADERS:
        if _CSV_HEADERS[kind] is None:
            shutil.copy(reviewed / "study" / "councils.csv", path)
        else:
            path.write_text(_CSV_HEADERS[kind], encoding="utf-8")
    elif kind in _JSON:
        path.write_text(json.dumps(_JSON[kind]), encoding="utf-8")
    elif kind == "study_folder_file":
        shutil.copy(reviewed / "study" / "study.yaml", path)
    elif kind == "codebook":
        from impact.coding.codebook import codebook_dirs

        shutil.copy(next(d / "nfer_impacts.yaml" for d in codebook_dirs() if (d / "nfer_impacts.yaml").is_file()), path)
    elif kind == "qdc":
        path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>'
                        '</Codes></CodeBook>\n', encoding="utf-8")
    elif kind == "coded":
        shutil.copy(reviewed / "coded.csv", path)
    elif kind == "coded_parquet":
        import pandas as pd

        pd.read_csv(reviewed / "coded.csv", dtype=str).to_parquet(path)
    elif kind == "review_workbook":
        shutil.copy(reviewed / "review.xlsx", path)
    elif kind == "adjudication":
        _workbook(path, "README", "adjudicate", "agreed", "_original", "_meta")
    elif kind == "report_tables":
        _workbook(path, "Notes", "Table 1", "Table 2")
    elif kind == "word":
        import docx

        docx.Document().save(path)
    elif kind == "qdpx":
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("project.qde", '<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0"/>')
    elif kind == "report_page":
        path.write_text('<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8">\n<meta name="generator" '
                        'content="impact 0.1.0"><title>Impact</title></head><body></body></html>\n', encoding="utf-8")
    else:
        raise AssertionError(f"no file made for the kind {kind!r}: add one")
    return path


@pytest.fixture(scope="module")
def kind_files(reviewed, tmp_path_factory):  # noqa: F811
    folder = tmp_path_factory.mktemp("kinds52")
    from impact._kinds import KINDS

    return {kind: _make(kind, folder, reviewed) for kind in KINDS}


def test_every_kind_is_told_from_its_content_whatever_its_name(kind_files):
    from impact._kinds import file_kind

    told = {kind: (file_kind(path) or (None,))[0] for kind, path in kind_files.items()}
    assert {kind: found.key if found else None for kind, found in told.items()} == {k: k for k in kind_files}


def test_files_of_no_kind_of_impact_are_left_to_their_readers(tmp_path):
    from impact._kinds import file_kind

    for name, data in {"a.csv": b"council,score\n301,4\n", "b.yaml": b"people:\n- ann\n", "c.bin": bytes(range(256)),
                       "d.json": b"[1, 2]", "e.txt": b"", "f.xlsx": b"PK\x03\x04broken"}.items():
        (tmp_path / name).write_bytes(data)
        assert file_kind(tmp_path / name) is None, name
    assert file_kind(tmp_path) is None  # a folder


# --------------------------------------------------------------------------- the table: option x kind
_CODINGS = {"coded", "coded_parquet", "decisions", "qdpx_codings", "truth_coded", "truth_statements", "codings_long",
            "review_workbook", "qdpx"}
_BOOKS = {"codebook", "qdc"}
#: option -> (the command line with FILE for the file given, the kinds it reads)
_OPTIONS = {
    "agree CODED": (["agree", "FILE", "{coded}", "--out", "{out}/a.csv"], {"coded", "decisions", "qdpx_codings",
                                                                           "codings_long"}),
    "agree --codebook": (["agree", "{coded}", "{coded2}", "--codebook", "FILE", "--out", "{out}/a.csv"], _BOOKS),
    "code --codebook": (["code", "{study}", "--codebook", "FILE", "--out", "{out}/c.csv"], _BOOKS),
    "export-qdpx --coded": (["export-qdpx", "{study}", "{out}/p.qdpx", "--coded", "FILE"],
                            {"coded", "coded_parquet", "qdpx_codings", "codings_long", "truth_coded",
                             "truth_statements"}),
    "export-qdpx --coded CODER=": (["export-qdpx", "{study}", "{out}/p.qdpx", "--coded", "ann=FILE"],
                                   {"coded", "coded_parquet", "qdpx_codings", "codings_long", "truth_coded",
                                    "truth_statements"}),
    "export-qdpx --codebook": (["export-qdpx", "{study}", "{out}/p.qdpx", "--coded", "{coded}", "--codebook", "FILE"],
                               _BOOKS),
    "import-qdpx FILE": (["import-qdpx", "FILE", "{out}/imported"], {"qdpx"}),
    "import-qdpx --codebook": (["import-qdpx", "{qdpx}", "{out}/imported", "--codebook", "FILE"], _BOOKS),
    "review export --coded": (["review", "export", "{study}", "--coded", "FILE", "--out", "{out}/r.xlsx"],
                              {"coded", "qdpx_codings", "codings_long", "truth_coded", "truth_statements"}),
    "review export --codebook": (["review", "export", "{study}", "--coded", "{coded}", "--codebook", "FILE", "--out",
                                  "{out}/r.xlsx"], _BOOKS),
    "review import FILE": (["review", "import", "FILE", "--out", "{out}/d.csv"], {"review_workbook"}),
    "run --codebook": (["run", "{study}", "--out", "{out}/run", "--codebook", "FILE"], _BOOKS),
    "run --key-file": (["run", "{study}", "--out", "{out}/run", "--key-file", "FILE"], set()),
    "run --coded": (["run", "{study}", "--out", "{out}/run", "--coded", "FILE"], _CODINGS),
    "run --human": (["run", "{study}", "--out", "{out}/run", "--human", "FILE"], _CODINGS),
    "run --docx-template": (["run", "{study}", "--out", "{out}/run", "--docx-template", "FILE"], {"word"}),
    "demo --coded": (["demo", "--out", "{out}/demo", "--coded", "FILE"], _CODINGS),
    "demo --human": (["demo", "--out", "{out}/demo", "--human", "FILE"], _CODINGS),
    "demo --codebook": (["demo", "--out", "{out}/demo", "--codebook", "FILE"], _BOOKS),
    "demo --key-file": (["demo", "--out", "{out}/demo", "--key-file", "FILE"], set()),
    "demo --docx-template": (["demo", "--out", "{out}/demo", "--docx-template", "FILE"], {"word"}),
}


def _argv(option: str, file, reviewed, kind_files, out) -> list[str]:  # noqa: F811
    names = {"study": reviewed / "study", "coded": reviewed / "coded.csv", "coded2": kind_files["coded"],
             "qdpx": kind_files["qdpx"], "out": out}
    return [a.replace("FILE", str(file)).format(**names) for a in _OPTIONS[option][0]]


def test_the_table_names_every_option_that_reads_a_file():
    """Every option or argument of every command whose argparse type names the kinds it reads is in the table."""
    from impact.cli import _chosen, build_parser  # noqa: F401 (new in round 52)

    parser = build_parser()
    found = set()
    for command in _commands(parser):
        for action in command._actions:
            if getattr(action.type, "accepts", None) is not None:
                name = action.option_strings[0] if action.option_strings else action.dest.upper()
                found.add(f"{command.prog.removeprefix('impact ')} {name}")
    table = {o.replace(" CODER=", "") for o in _OPTIONS}
    assert found == table, (found - table, table - found)


def _commands(parser):
    import argparse

    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in {id(p): p for p in action.choices.values()}.values():
                if any(isinstance(a, argparse._SubParsersAction) for a in child._actions):
                    yield from _commands(child)
                else:
                    yield child


@pytest.mark.parametrize("option", list(_OPTIONS))
def test_each_of_impacts_files_given_to_each_option_is_read_or_refused_naming_what_it_is(option, reviewed,  # noqa: F811
                                                                                          kind_files, tmp_path):
    from impact._kinds import KINDS
    from impact.cli import _check_kinds, build_parser

    accepts = _OPTIONS[option][1]
    wrong = []
    for kind, path in kind_files.items():
        argv = _argv(option, path, reviewed, kind_files, tmp_path)
        if kind in accepts:  # read by the option: no kind check stands in the way of its reader
            parser = build_parser()
            _check_kinds(parser, parser.parse_args(argv))
            continue
        proc = cli_here(*argv, cwd=tmp_path)
        if option.endswith("CODER="):
            given = "--coded ann="
        else:
            before = argv[len(argv) - 1 - argv[::-1].index(str(path)) - 1]  # the file's last place: FILE
            given = f"{before} " if before.startswith("--") else ""  # an argument is its file alone
        said = KINDS[kind].said.format(name="councils.csv")
        try:
            refused(proc, f"error: {given}{path}: {said} - expected ", KINDS[kind].read_by)
        except AssertionError as exc:
            wrong.append((kind, str(exc)[:300]))
        assert list(tmp_path.iterdir()) == [], (kind, list(tmp_path.iterdir()))  # nothing written
    assert not wrong, wrong


def test_two_files_of_the_wrong_kind_are_both_told(reviewed, kind_files, tmp_path):  # noqa: F811
    proc = cli_here("agree", str(kind_files["review_workbook"]), str(kind_files["report_tables"]), "--out",
                    str(tmp_path / "a.csv"), cwd=tmp_path)
    refused(proc, "2 files given to options that read other kinds of file:",
            f"{kind_files['review_workbook']}: a review workbook", f"{kind_files['report_tables']}: a report's tables")


# Old: "impact run --coded review.xlsx" with the workbook as `impact review export` wrote it (no decision filled in)
# said "holds no codings and names no interview checked", which names no file a user knows.
@pytest.mark.parametrize("flag", ["--coded", "--human"])
def test_a_review_workbook_with_no_decision_is_said_to_be_one(reviewed, tmp_path, flag):  # noqa: F811
    proc = cli_here("run", str(reviewed / "study"), "--out", str(tmp_path / "out"), flag, str(reviewed / "review.xlsx"),
                    cwd=tmp_path)
    refused(proc, f"{flag} {reviewed / 'review.xlsx'}: a review workbook (`impact review export` writes it) in which "
                  "no decision is filled in", "fill in the decisions", "`impact review import FILE` reads it")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("kind", ["coded", "review_workbook", "reidentification_key", "report_tables"])
@pytest.mark.parametrize("command", [["validate"], ["code", "--out", "{out}/c.csv"]])
def test_one_of_impacts_files_given_for_the_study_folder_says_what_it_is(kind_files, tmp_path, kind, command):
    from impact._kinds import KINDS

    argv = [a.format(out=tmp_path) for a in command]
    proc = cli_here(argv[0], str(kind_files[kind]), *argv[1:], cwd=tmp_path)
    refused(proc, f"{kind_files[kind]}: a file, not a study folder", f"(it is {KINDS[kind].said}: "
                                                                      f"{KINDS[kind].read_by})")


# --------------------------------------------------------------------------- 2. a fresh sweep of file shapes
def _study_problems(folder) -> list[tuple]:
    """(file, row, column, expected) of every error load_study finds in ``folder`` ([] where it reads it)."""
    from impact.errors import ValidationError
    from impact.study import load_study

    try:
        load_study(folder)
    except ValidationError as exc:
        return [(p.file, p.row, p.column, p.expected) for p in exc.problems if p.severity == "error"]
    return []


def _replace(folder, name: str, old: bytes, new: bytes, *, prefix: bytes = b"") -> None:
    data = (folder / name).read_bytes()
    assert old in data, (name, old)
    (folder / name).write_bytes(prefix + data.replace(old, new, 1))


# Old: a council's name holding a line break (a cell typed over two lines with Alt+Enter, a quoted "Barnet\r\nLondon")
# or a tab was read without a word, and printed broken over two lines in every table and beside every bar.  A name
# shown on one line is refused naming file, row and column.
@pytest.mark.parametrize(("cell", "said"), [
    (b'"Bar\nnet"', "a council name as text on one line (it holds a line break at character 4"),
    (b'"Barnet\r\nLondon"', "a council name as text on one line (it holds a line break at character 7"),
    (b'"Bar\tnet"', "a council name as text without tabs or other control characters (it holds U+0009"),
], ids=["line-feed", "crlf", "tab"])
def test_a_council_name_over_two_lines_or_with_a_tab_is_refused(study_dir, cell, said):
    _replace(study_dir, "councils.csv", b"Barnet,", cell + b",")
    told = [p for p in _study_problems(study_dir) if p[2] == "name"]
    assert [(f, row) for f, row, _, _ in told] == [("councils.csv", 3)], told
    assert told[0][3].startswith(said), told[0][3]


# Old: an Excel date and time (40603.5, noon of 2011-03-01, as a date-time column saved as numbers) was "expected a
# date as YYYY-MM-DD" without the Excel serial hint a whole serial number gets.
@pytest.mark.parametrize(("typed", "day"), [("40603.5", "2011-03-01"), ("40604.25", "2011-03-02")])
def test_an_excel_date_and_time_serial_is_said_to_be_one(study_dir, typed, day):
    _replace(study_dir, "interviews.csv", b"2011-03-01", typed.encode())
    told = [p for p in _study_problems(study_dir) if p[2] == "date"]
    assert [(f, row) for f, row, _, _ in told] == [("interviews.csv", 2)], told
    assert f"it looks like an Excel date serial number and a time of day (the fraction): {typed} is {day}" in told[0][3]


# Old: a coded CSV of any size was read whole (200 MB of text took 2.1 GB of memory and 74 s before its one bad row
# was told; a 300 MB file of zeros 470 MB to be told it holds a NUL byte).  Refused before it is read, naming the limit.
@pytest.mark.parametrize("command", [
    ["review", "export", "{study}", "--coded", "{big}", "--out", "{out}/r.xlsx"],
    ["agree", "{big}", "{coded}", "--out", "{out}/a.csv"],
    ["run", "{study}", "--out", "{out}/run", "--coded", "{big}"],
    ["export-qdpx", "{study}", "{out}/p.qdpx", "--coded", "{big}"],
], ids=["review-export", "agree", "run", "export-qdpx"])
def test_a_coded_file_over_the_limit_is_refused_before_it_is_read(reviewed, tmp_path, command):  # noqa: F811
    from impact.coding.coded_io import MAX_CODED_BYTES

    big = tmp_path / "in" / "big.csv"
    big.parent.mkdir()
    with open(big, "wb") as fh:  # a sparse file: its header row, then the limit in (unstored) zero bytes
        fh.write(b"unit,code,score,negated,hedged,attribution,start,end\n")
        fh.truncate(MAX_CODED_BYTES + 1)
    out = tmp_path / "out"
    out.mkdir()
    argv = [a.format(study=reviewed / "study", big=big, coded=reviewed / "coded.csv", out=out) for a in command]
    proc = cli_here(*argv, cwd=tmp_path)
    refused(proc, f"{big}: {MAX_CODED_BYTES + 1:,} bytes - expected ", f"of at most {MAX_CODED_BYTES:,} bytes",
            "split it")
    assert list(out.iterdir()) == []


# Guards: shapes the sweep found already told (file, row, column, what was expected) or read right on main.
_STUDY_SHAPES = {
    "utf8-mark-then-latin1": ("councils.csv", b"Barnet", b"Barnet \xa3", b"\xef\xbb\xbf", "councils.csv", None,
                              "starts with a UTF-8 byte-order mark but is not UTF-8 from line 3"),
    "short-row": ("councils.csv", b"Barnet,E09000003,london_borough,London", b"Barnet,E09000003", b"", "councils.csv", 3,
                  "5 cells, one per header column"),
    "long-row": ("councils.csv", b"Barnet,E09000003,london_borough,London", b"Barnet,E09000003,london_borough,London,x",
                 b"", "councils.csv", 3, "5 cells, one per header column"),
    "unclosed-quote-over-lines": ("interviews.csv", b",2011-03-01", b',"2011-03-01\n', b"", "interviews.csv", 2,
                                  "a closing '\"' for the quoted value that starts here"),
    "column-twice-by-case": ("councils.csv", b"council_id,name,", b"council_id,name,Name,", b"", "councils.csv", 1,
                             "each column once (this is `name` again, written another way)"),
    "thousands-separator": ("reviews.csv", b",8\n", b',"1,200"\n', b"", "reviews.csv", 2,
                            "a whole number from 0 to 1,000"),
    "excel-serial-date": ("interviews.csv", b"2011-03-01", b"40603", b"", "interviews.csv", 2,
                          "a date as YYYY-MM-DD (it looks like an Excel date serial number: 40603 is 2011-03-01"),
    "nul-byte": ("councils.csv", b"Barnet", b"Bar\x00net", b"", "councils.csv", None,
                 "UTF-8 text with 1 stray NUL byte (byte"),  # "contains NUL bytes at byte" before inputs54
    "yaml-aliases": ("study.yaml", b"name:", b"notes: &n [a]\ndescription: *n\nname:", b"", "study.yaml", 3,
                     "YAML aliases (*name) are not allowed"),
    "yaml-merge-key": ("study.yaml", b"name:", b"generator: {<<: {a: 1}}\nname:", b"", "study.yaml", 2,
                       "not valid YAML"),
    "yaml-deep-nesting": ("study.yaml", b"name:", b"notes: " + b"[" * 5000 + b"]" * 5000 + b"\nname:", b"", "study.yaml",
                          None, "YAML nested too deeply to read"),
}


@pytest.mark.parametrize("shape", list(_STUDY_SHAPES))
def test_guard_study_file_shapes_are_told_with_file_row_and_expected(study_dir, shape):
    name, old, new, prefix, file, row, said = _STUDY_SHAPES[shape]
    _replace(study_dir, name, old, new, prefix=prefix)
    told = _study_problems(study_dir)
    assert any(f == file and r == row and said in expected for f, r, _, expected in told), told


@pytest.mark.parametrize("shape", ["empty-yaml", "empty-table", "yaml-is-a-folder", "link-loop", "dangling-link",
                                   "link-inside"])
def test_guard_empty_files_folders_and_links_in_a_study_are_told(study_dir, shape):
    import os

    table = study_dir / "councils.csv"
    {"empty-yaml": lambda: (study_dir / "study.yaml").write_text(""),
     "empty-table": lambda: table.write_text(""),
     "yaml-is-a-folder": lambda: ((study_dir / "study.yaml").unlink(), (study_dir / "study.yaml").mkdir()),
     "link-loop": lambda: (table.unlink(), os.symlink("councils.csv", table)),
     "dangling-link": lambda: (table.unlink(), os.symlink("nowhere.csv", table)),
     "link-inside": lambda: (table.rename(study_dir / "c2.csv"), os.symlink("c2.csv", table))}[shape]()
    told = _study_problems(study_dir)
    file = "study.yaml" if "yaml" in shape else "councils.csv"
    said = {"empty-yaml": "the file holds none", "empty-table": "the file is empty", "yaml-is-a-folder": "it is a folder",
            "link-loop": "a loop of links", "dangling-link": "which does not exist", "link-inside": "links are not "
                                                                                                  "followed"}[shape]
    assert any(f == file and said in expected for f, _, _, expected in told), told


def test_guard_a_table_with_old_mac_line_endings_is_read_right(study_dir):
    from impact.study import load_study

    table = study_dir / "councils.csv"
    table.write_bytes(table.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r"))
    assert list(load_study(study_dir).councils["name"]) == ["Barking and Dagenham", "Barnet", "Torbay"]


@pytest.mark.parametrize(("text", "said"), [
    ("id: x\nl0: &l0 [a]\nl1: [*l0, *l0]\ncodes: []\n", "YAML aliases (*name) are not allowed"),
    ("id: x\ncodes: " + "[" * 3000 + "]" * 3000 + "\n", "YAML nested too deeply to read"),
    ("", "a codebook must be a YAML mapping, but the file holds nothing"),
    ("# nothing yet\n", "a codebook must be a YAML mapping, but the file holds nothing"),
    ("id: x\ncodes:\n\t- id: morale\n", "a tab (column 1), where YAML indents with spaces only"),
], ids=["aliases", "deep-nesting", "empty", "comment-only", "tab-indent"])
def test_guard_hostile_codebook_yaml_is_refused_naming_the_file(tmp_path, text, said):
    from impact.coding.codebook import Codebook
    from impact.errors import ImpactError

    path = tmp_path / "book.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ImpactError) as caught:
        Codebook.load(path)
    assert str(path) in str(caught.value) and said in str(caught.value), str(caught.value)


@pytest.mark.parametrize(("old", "new", "said"), [
    (",69,92,", ',"1,069",1092,', "column start: row 2: '1,069' - expected a whole number"),
    (",0.6,", ",60%,", "column score: row 2: '60%' - expected a finite number from 0 to 1"),
    ("unit,code,", "unit,code,Code ,", "named twice"),
], ids=["thousands-in-a-position", "percent-score", "column-twice-by-case-and-space"])
def test_guard_hostile_coded_cells_are_told_on_their_row(reviewed, tmp_path, old, new, said):  # noqa: F811
    from impact.coding.coded_io import read_coded
    from impact.errors import InputError

    text = (reviewed / "coded.csv").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "coded.csv"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(InputError, match=re.escape(said)):
        read_coded(path)


def _edited_review(reviewed, tmp_path, edit):  # noqa: F811
    import openpyxl

    wb = openpyxl.load_workbook(reviewed / "review.xlsx")
    edit(wb)
    wb.save(tmp_path / "edited.xlsx")
    return tmp_path / "edited.xlsx"


def _cell(wb, header: str, row: int, value) -> None:
    ws = wb["review"]
    ws.cell(row, [c.value for c in ws[1]].index(header) + 1, value)


@pytest.mark.parametrize(("edit", "said"), [
    (lambda wb: wb["review"].merge_cells("K1:L1"), "expected one value in each cell, not cells merged into one"),
    (lambda wb: _cell(wb, "decision", 2, 40603), "2:decision: '40603' - expected one of accept, reject, other"),
    (lambda wb: _cell(wb, "score", 2, "0,6"), "2:score: '0,6' - expected the exported value '0.6'"),
    (lambda wb: _cell(wb, "notes", 1, "Decision "), "expected the column header 'notes' unchanged"),
], ids=["merged-header", "date-serial-decision", "number-as-text", "header-renamed-as-another"])
def test_guard_hostile_review_workbooks_are_refused_naming_sheet_row_and_column(reviewed, tmp_path, edit, said):  # noqa: F811
    proc = cli_here("review", "import", str(_edited_review(reviewed, tmp_path, edit)), "--out",
                    str(tmp_path / "d.csv"), cwd=tmp_path)
    refused(proc, "edited.xlsx (sheet 'review'):", said)
    assert not (tmp_path / "d.csv").exists()


@pytest.mark.parametrize(("edit", "said"), [
    (lambda wb: setattr(wb["review"], "sheet_state", "hidden"), "the sheet is hidden; its 20 rows read"),
    (lambda wb: setattr(wb.create_sheet("secret"), "sheet_state", "hidden"), "sheet 'secret' was added; its content "
                                                                             "is not read"),
], ids=["review-sheet-hidden", "hidden-sheet-added"])
def test_guard_hidden_sheets_in_a_review_workbook_are_warned_of(reviewed, tmp_path, edit, said):  # noqa: F811
    # One decision filled in: a workbook with none is refused as "nothing decided yet" (newuser3), not what this tests.
    def decided_then(wb):
        _cell(wb, "decision", 2, "accept")
        edit(wb)
    proc = cli_here("review", "import", str(_edited_review(reviewed, tmp_path, decided_then)), "--out",
                    str(tmp_path / "d.csv"), cwd=tmp_path)
    assert proc.returncode == 0 and said in proc.stderr, proc.stderr


@pytest.mark.parametrize(("make", "said"), [
    (lambda p, src: p.write_bytes(b""), "it is empty, 0 bytes"),
    (lambda p, src: p.mkdir(), "is a folder"),
    (lambda p, src: p.symlink_to(p.parent / "nowhere.xlsx"), "file not found"),
    (lambda p, src: p.symlink_to(p), "too many levels of symbolic links"),  # the OS says it, told in lower case since inputs64
], ids=["empty", "folder", "dangling-link", "link-loop"])
def test_guard_an_empty_folder_or_broken_link_given_as_a_workbook_is_told(reviewed, tmp_path, make, said):  # noqa: F811
    given = tmp_path / "given.xlsx"
    make(given, reviewed / "review.xlsx")
    proc = cli_here("review", "import", str(given), "--out", str(tmp_path / "d.csv"), cwd=tmp_path)
    refused(proc, f"{given}: ", said)
    assert not (tmp_path / "d.csv").exists()


def test_guard_a_link_to_a_review_workbook_is_read_as_the_workbook(reviewed, tmp_path):  # noqa: F811
    link = tmp_path / "link.xlsx"  # to a workbook with one decision filled in (one with none is refused: newuser3)
    link.symlink_to(_edited_review(reviewed, tmp_path, lambda wb: _cell(wb, "decision", 2, "accept")))
    proc = cli_here("review", "import", str(link), "--out", str(tmp_path / "d.csv"), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "d.csv").read_text(encoding="utf-8").startswith("unit,code,coder,present,decision")

"""Hostile inputs, round 48 (helper-inputs48).

Each test is a hostile input the old code got wrong; what it did is said beside the test.  Tests and cases named
``guard`` pass on the old code too: they hold what a fix must not break.
"""

from __future__ import annotations

import io
import warnings

import pytest

from impact.errors import InputError, ValidationError

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
        if isinstance(file, (str, Path)) and Path(file).name in ("coded.csv", "other.csv"):
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
from .test_cli_round48 import reviewed  # noqa: E402,F401 - the module's workbook, made once


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
                      pd.DataFrame({"unit": ["I1:1"], "code": ["morale"], "score": [0.9]}), tmp_path / "x.xlsx",
                      reviewer=long)
    assert not (tmp_path / "x.xlsx").exists()
    # the command line: the stored name refused in the same words, no decisions written
    assert main(["review", "import", str(tmp_path / "edited.xlsx"), "--out", str(tmp_path / "d.csv")]) == 2
    assert not (tmp_path / "d.csv").exists()
    # the longest name taken is read from the workbook (its spaces at the ends taken off): nothing decided yet
    assert import_review(_with_stored_reviewer(reviewed, tmp_path, " " + "b" * NAME_MAX + " ")).empty

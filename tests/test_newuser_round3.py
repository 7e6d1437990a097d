"""What a new user met after newuser2 (newuser3): an import written among a report's files, a .bak of every file at
each re-import, an empty decisions file that `impact agree` then refused, impact's warnings shown with a temporary
file's path and a source line, and attrition warnings without the row the guide promises."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from impact.cli import main
from impact.errors import OutputFolderError

G = [f"{i:08x}-0000-4000-8000-{i:012x}" for i in range(1, 12)]


def _project(texts: list[str]):
    from impact.qdpx import QdaProject

    p = QdaProject(name="newuser3")
    p.users = pd.DataFrame({"user_guid": [G[0]], "name": ["ann"]})
    p.codes = pd.DataFrame({"code_guid": [G[1]], "code_id": ["morale"], "name": ["Staff morale"], "parent_guid": [None]})
    p.sources = pd.DataFrame({"source_guid": G[4:4 + len(texts)], "name": [f"I{i}" for i in range(len(texts))],
                              "text": texts})
    p.codings = pd.DataFrame({"source_guid": [G[4]], "code_guid": [G[1]], "user_guid": [G[0]], "start": [0], "end": [6]})
    return p


def _qdpx(path, texts):
    from impact.qdpx import write_qdpx

    return write_qdpx(_project(texts), path, created="2024-05-01T09:30:00Z")


def _files(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


# --------------------------------------------------------------------------- 1. one kind of output per folder

def test_import_into_a_report_folder_is_refused_and_writes_nothing(tmp_path, capsys):
    from impact._io import staged_directory

    report = tmp_path / "out1"
    with staged_directory(report) as staging:  # what `impact run --out out1` leaves (its manifest, its files)
        (staging / "report.html").write_text("<html></html>")
    before = {p: (report / p).read_bytes() for p in _files(report)}
    assert main(["import-qdpx", str(_qdpx(tmp_path / "p.qdpx", ["Morale is up.", "Two."])), str(report)]) == 2
    err = capsys.readouterr().err
    assert f"{report}: the folder holds the report of `impact run`" in err and "Traceback" not in err
    assert {p: (report / p).read_bytes() for p in _files(report)} == before


def test_a_report_into_an_imported_project_is_refused_by_name(tmp_path, capsys):
    from impact._io import check_output_folder

    imported = tmp_path / "imported"
    assert main(["import-qdpx", str(_qdpx(tmp_path / "p.qdpx", ["Morale is up."])), str(imported)]) == 0
    with pytest.raises(OutputFolderError, match="holds a REFI-QDA project imported by `impact import-qdpx`"):
        check_output_folder(imported)  # on main: "holds files impact did not write (cases.csv, ...)"
    capsys.readouterr()
    # importing again into it (the same kind) is still allowed
    assert main(["import-qdpx", str(tmp_path / "p.qdpx"), str(imported)]) == 0


def test_an_import_never_writes_over_a_marker_file_it_did_not_write(tmp_path, capsys):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / ".impact-output.json").write_text("my notes")
    assert main(["import-qdpx", str(_qdpx(tmp_path / "p.qdpx", ["Morale is up."])), str(folder)]) == 2
    assert (folder / ".impact-output.json").read_text() == "my notes" and _files(folder) == [".impact-output.json"]


# --------------------------------------------------------------------------- 2. a backup only of what changes

def test_reimporting_backs_up_only_the_files_that_change(tmp_path, capsys):
    texts = ["Morale is up.", "Second interview.", "Third one."]
    project = _qdpx(tmp_path / "p.qdpx", texts)
    out = tmp_path / "imported"
    for _ in range(4):
        assert main(["import-qdpx", str(project), str(out)]) == 0
    assert not [f for f in _files(out) if ".bak" in f]  # on main: 3 sources + 4 files, backed up 3 times each
    assert "7 files unchanged" in capsys.readouterr().out
    (out / "sources" / "I0.txt.bak").write_text("a backup of the user's own")
    _qdpx(project, [texts[0], "Second interview, corrected.", texts[2]])
    assert main(["import-qdpx", str(project), str(out)]) == 0
    baks = [f for f in _files(out) if ".bak" in f]
    # the changed source (and report.txt, which now says it was moved), the user's own backup kept
    assert baks == ["report.txt.bak", "sources/I0.txt.bak", "sources/I1.txt.bak"], baks
    assert (out / "sources" / "I1.txt.bak").read_text() == "Second interview."
    assert (out / "sources" / "I0.txt.bak").read_text() == "a backup of the user's own"
    assert (out / "sources" / "I1.txt").read_text() == "Second interview, corrected."


# --------------------------------------------------------------------------- 3. a workbook nobody filled in

@pytest.fixture
def unfilled_workbook(tmp_path):
    import impact

    seg = pd.DataFrame({"segment_id": ["I1:1", "I1:2"], "text": ["We felt valued.", "New plan."], "start": [0, 16]})
    coded = pd.DataFrame({"unit": ["I1:1", "I1:2"], "code": ["morale", "plans_actions"], "score": [0.9, 0.55]})
    return impact.export_review(seg, coded=coded, path=tmp_path / "review.xlsx", reviewer="ann")


def test_review_import_of_an_unfilled_workbook_says_so_and_writes_nothing(unfilled_workbook, tmp_path, capsys):
    out = tmp_path / "ann.csv"
    out.write_text("unit,code,coder\nI1:1,morale,ann\n")  # decisions of an earlier import: never moved aside for nothing
    assert main(["review", "import", str(unfilled_workbook), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{unfilled_workbook}: nothing decided yet" in err and "expected accept, reject or other" in err
    assert f"{out} was left as it was" in err
    assert _files(tmp_path) == ["ann.csv", "review.xlsx"]
    assert out.read_text() == "unit,code,coder\nI1:1,morale,ann\n"


def test_agree_on_an_empty_decisions_file_names_the_cause_and_the_step(tmp_path, capsys):
    empty = tmp_path / "ann.csv"  # what `impact review import` wrote on main from a workbook nobody filled in
    empty.write_text("unit,code,coder,present,decision,suggested_code,score,notes,row_id,sheet_row\n")
    other = tmp_path / "bob.csv"
    other.write_text("unit,code\nI1:1,morale\n")
    assert main(["agree", str(empty), str(other), "--out", str(tmp_path / "agreement.csv")]) == 2
    err = capsys.readouterr().err
    assert "had no decision filled in" in err and "run `impact review import` again" in err
    assert not (tmp_path / "agreement.csv").exists()


# --------------------------------------------------------------------------- 4. impact's warnings on one line

def test_impact_warnings_show_as_one_readable_line_others_as_python_shows_them():
    from impact.errors import AttritionWarning, show_warnings_plainly

    # what Python's own showwarning (a notebook's, a script's) writes: warnings.formatwarning's text, once the
    # notebook has chosen impact's form (tidy64: importing impact no longer replaces Python's form by itself)
    before = warnings.formatwarning
    show_warnings_plainly()
    try:
        shown = warnings.formatwarning("council 302 has no interview at longer_term", AttritionWarning,
                                       "/tmp/ipykernel_123/456.py", 14, "    warnings.warn(...)")
        assert shown == "AttritionWarning: council 302 has no interview at longer_term\n"
        plain = warnings.formatwarning("x", UserWarning, "/tmp/a.py", 3, "src")
        assert plain.startswith("/tmp/a.py:3: UserWarning: x")
    finally:
        warnings.formatwarning = before


# --------------------------------------------------------------------------- 5. attrition warnings give rows

def test_attrition_warnings_give_the_rows_of_the_interviews_there_are():
    from impact.validate import _check_attrition

    interviews = [(2, {"council_id": "301", "participant_id": "P1", "wave": "early"}),
                  (3, {"council_id": "301", "participant_id": "P1", "wave": "late"}),
                  *((r, {"council_id": "302", "participant_id": f"Q{r}", "wave": "early"}) for r in range(4, 11)),
                  (11, {"council_id": "301", "participant_id": "P9", "wave": "early"}),
                  (12, {"council_id": "303", "participant_id": "P9", "wave": "early"})]
    problems = _check_attrition({"interviews": interviews}, [{"id": "early"}, {"id": "late"}])
    by = {(p.column, p.found): p for p in problems}
    council = by["council_id", "302"]
    assert council.row == 4 and "none at late; its interviews are in rows 4, 5, 6, 7, 8 and 2 more" in str(council)
    assert str(council).startswith("warning: interviews.csv:4:council_id: '302'")
    assert by["participant_id", "P9"].row == 11 and "rows 11, 12)" in str(by["participant_id", "P9"])
    assert by["council_id", "303"].row == 12 and "its interview is in row 12)" in str(by["council_id", "303"])
    assert all(p.row is not None for p in problems)


def test_a_study_into_another_commands_output_names_that_output(tmp_path, capsys):
    from impact._io import staged_directory

    with staged_directory(tmp_path / "rep") as staging:
        (staging / "report.html").write_text("<html></html>")
    assert main(["import-qdpx", str(_qdpx(tmp_path / "p.qdpx", ["Morale is up."])), str(tmp_path / "imp")]) == 0
    capsys.readouterr()
    for folder, kind in (("rep", "the report of `impact run`"), ("imp", "a REFI-QDA project imported by")):
        assert main(["synth", "--out", str(tmp_path / folder)]) == 2  # on main: "is not empty and holds no study"
        assert f"{tmp_path / folder} holds {kind}" in capsys.readouterr().err
    assert not (tmp_path / "rep" / "study.yaml").exists() and not (tmp_path / "imp" / "study.yaml").exists()

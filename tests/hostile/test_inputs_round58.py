"""Hostile inputs, round 58 (helper-inputs58): the review workbook saved by other programs, and the folders
``impact import-qdpx`` writes into.

1. A file given as the review workbook that is another kind of package (an OpenDocument spreadsheet, a Word
   document) was refused in openpyxl's words ("KeyError: There is no item named '[Content_Types].xml'"): it is named
   as what it is, with how to save it as an .xlsx.
2. Rows a program saved at the end of the review sheet holding only spaces (a space, a no-break or ideographic
   space, a tab; no row id) were refused, one by one, as rows added without their row id: they are blank rows.
3. A code id a spreadsheet would run as a formula ('-ve', '+1', '=x') was written to the 'codes' sheet behind an
   apostrophe, which came back with it: the import refused the sheet's own codes as added to it, and the code chosen
   from the drop-down ("'-ve") as no code of the list.  Both are read as exported.
4. ``impact import-qdpx`` wrote the source texts through OUTDIR/sources where that is a link to a folder elsewhere
   (among the user's own files there): refused, before anything is written; so is a file of that name, which was
   refused only once the project had been read.

Each test here failed on main (checked by running this file against main's package), except those named ``guard``:
shapes already right (formulas without a cached value, numbers for codes, hidden and sorted rows, moved or renamed
columns, merged cells, renamed or added sheets, codes typed as numbers and notes as dates, a file named sources in OUTDIR, spaces and apostrophes typed, a row twice, contradicting decisions,
a CSV or a damaged file named .xlsx, paths escaping a .qdpx, duplicate GUIDs, missing sources, a user's own file in
OUTDIR, names Windows forbids).  The peak memory of importing a zip bomb and sheets at the reader's limits is
measured in bench/review_zip_bomb.py, not here.

Windows paths over 260 characters: not refused (decided here).  The folder a user gives is theirs to choose, and a
path Windows 10 holds where long paths are enabled cannot be told from Linux; the names impact makes itself from data
are kept short (import-qdpx's source files at most 124 characters: ``test_guard_import_qdpx_...windows``).
"""

from __future__ import annotations

import os
import shutil
import sys
import warnings
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from impact.errors import InputError, ValidationError

_TEXTS = ["We felt valued.", "The plan changed.", "Partners met monthly.", "We learned a lot."]
_CODES = pd.DataFrame({"code_id": ["morale", "learning"], "label": ["Morale", "Learning"]})
#: codes a spreadsheet would run as formulas, beside those
_FORMULA_LIKE = pd.DataFrame({"code_id": ["morale", "learning", "-ve", "+1"], "label": ["Morale", "Learning", "Neg", "One"]})


def _export(path, codes=("morale",) * 4, codebook=_CODES):
    """A review workbook of four suggestions (units I1:1-I1:4, scores 0.5-0.8: rows 2-5 in that order)."""
    from impact.review import export_review

    starts = [0, 16, 34, 56]
    segments = pd.DataFrame({"segment_id": [f"I1:{i}" for i in range(1, 5)], "text": _TEXTS, "start": starts})
    coded = pd.DataFrame({"unit": segments["segment_id"], "code": list(codes), "score": [0.5, 0.6, 0.7, 0.8]})
    return export_review(segments, coded=coded, path=path, codebook=codebook, reviewer="ann")


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """:func:`_export`, once."""
    return _export(tmp_path_factory.mktemp("r58") / "review.xlsx")


def _edited(exported, tmp_path, edit, name="review.xlsx"):
    """A copy of the exported workbook, ``edit(wb, ws, col)`` applied (``col(name)``: a column's number), saved by
    openpyxl (which writes no cached value for a formula, as another program may not)."""
    import openpyxl

    path = tmp_path / name
    shutil.copy(exported, path)
    wb = openpyxl.load_workbook(path)
    ws = wb["review"]
    head = [c.value for c in ws[1]]
    edit(wb, ws, lambda column: head.index(column) + 1)
    wb.save(path)
    return path


def _decide(ws, col, decisions: dict[int, object], column: str = "decision") -> None:
    for row, value in decisions.items():
        ws.cell(row, col(column)).value = value


def _refused(path) -> list:
    from impact.review import import_review

    with pytest.raises(ValidationError) as caught, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import_review(path)
    return caught.value.problems


def _read(path):
    from impact.review import import_review

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = import_review(path)
    return result, [str(w.message) for w in caught]


# --------------------------------------------------------------------------- 1. another package given as the workbook
def _ods(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", '<?xml version="1.0"?><office:document-content '
                   'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>')
        z.writestr("META-INF/manifest.xml", '<?xml version="1.0"?><manifest/>')
    return path


def _word(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("row_id decision")
    document.save(path)
    return path


@pytest.mark.parametrize(("make", "name", "said"), [
    (_ods, "review.ods", "an OpenDocument spreadsheet (.ods"), (_ods, "review.xlsx", "an OpenDocument spreadsheet (.ods"),
    (_word, "review.xlsx", "a Word document")], ids=["ods", "ods-named-xlsx", "docx-named-xlsx"])
def test_another_package_given_as_the_review_workbook_is_named_as_what_it_is(tmp_path, make, name, said):
    """Old: "not a readable .xlsx workbook (KeyError: "There is no item named '[Content_Types].xml' in the archive")"
    for the OpenDocument spreadsheet LibreOffice saves by default; a Word document gave openpyxl's own words too."""
    from impact.review import import_review

    path = make(tmp_path / name)
    with pytest.raises(InputError) as caught:
        import_review(path)
    message = str(caught.value)
    assert message.startswith(str(path)) and said in message, message
    assert 'save it as "Excel Workbook (.xlsx)"' in message and "KeyError" not in message, message


def test_an_opendocument_spreadsheet_is_named_by_the_command_line_too(tmp_path, capsys):
    from impact.cli import main

    path = _ods(tmp_path / "review.ods")
    assert main(["review", "import", str(path), "--out", str(tmp_path / "out.csv")]) == 2
    err = capsys.readouterr().err
    assert "OpenDocument spreadsheet" in err and not (tmp_path / "out.csv").exists(), err


# --------------------------------------------------------------------------- 2. blank rows saved with spaces
@pytest.mark.parametrize("filler", [" ", "\u3000", "\u00a0\t"], ids=["space", "ideographic-space", "nbsp-tab"])
def test_rows_of_spaces_or_empty_text_at_the_end_of_the_sheet_are_blank_rows(exported, tmp_path, filler):
    """Old: each such row was refused as 'row_id: '' - expected the row id written by the export (... this row was
    added ...)', and no decision was read."""

    def edit(wb, ws, col):
        _decide(ws, col, {2: "accept", 3: "reject"})
        for row in range(6, 30):
            ws.cell(row, col("notes")).value = filler
            ws.cell(row, col("row_id")).value = filler

    result, said = _read(_edited(exported, tmp_path, edit))
    assert list(zip(result["sheet_row"], result["decision"], strict=True)) == [(2, "accept"), (3, "reject")]
    assert not [w for w in said if "blank" in w], said  # at the end: no note of blank rows between decisions


def test_a_row_of_spaces_between_decisions_is_told_and_the_rows_below_it_read(exported, tmp_path):
    def edit(wb, ws, col):
        ws.insert_rows(4)
        ws.cell(4, col("notes")).value = "   "
        _decide(ws, col, {2: "accept", 5: "reject"})

    result, said = _read(_edited(exported, tmp_path, edit))
    assert list(result["sheet_row"]) == [2, 5]
    assert any("4" in w and "blank" in w for w in said), said


# --------------------------------------------------------------------------- 3. code ids a spreadsheet would run
@pytest.fixture(scope="module")
def formula_like(tmp_path_factory):
    """:func:`_export` with codes a spreadsheet would run as formulas, row 4 (I1:3) suggesting '-ve'."""
    return _export(tmp_path_factory.mktemp("r58f") / "review.xlsx", codes=["morale", "morale", "-ve", "morale"],
                   codebook=_FORMULA_LIKE)


@pytest.mark.parametrize("typed", ["'-ve", "-ve"], ids=["from-the-list", "typed"])
def test_a_code_id_starting_like_a_formula_is_offered_and_read_back_as_the_codebook_spells_it(formula_like, tmp_path,
                                                                                              typed):
    """Old: "codes:4:code_id: "'-ve" - expected a code of the codebook the workbook was exported with" for the
    sheet's own codes, and the code chosen refused as no code of the list."""
    import openpyxl

    listed = [c.value for c in openpyxl.load_workbook(formula_like)["codes"]["A"]][1:]
    assert "'-ve" in listed  # written behind an apostrophe: a spreadsheet would run '-ve' as a formula

    def edit(wb, ws, col):
        _decide(ws, col, {2: "other"})
        _decide(ws, col, {2: typed}, column="other_code")
        _decide(ws, col, {4: "accept"})  # the row suggesting '-ve' itself

    result, _ = _read(_edited(formula_like, tmp_path, edit))
    chosen = result[result["present"].fillna(False).astype(bool)]
    assert sorted(zip(chosen["unit"], chosen["code"], strict=True)) == [("I1:1", "-ve"), ("I1:3", "-ve")]


def test_a_code_typed_with_an_apostrophe_of_its_own_is_still_refused(formula_like, tmp_path):
    """Only the apostrophe the export put before a formula-like code is taken off: "'morale" is no code."""

    def edit(wb, ws, col):
        _decide(ws, col, {2: "other"})
        _decide(ws, col, {2: "'learning"}, column="other_code")

    [problem] = _refused(_edited(formula_like, tmp_path, edit))  # the sheet's own codes no problem
    assert (problem.row, problem.column, problem.value) == (2, "other_code", "'learning"), problem


# --------------------------------------------------------------------------- guards: the review sheet as others save it
def _formula(wb, ws, col):
    _decide(ws, col, {2: '=LOWER("ACCEPT")', 3: "reject"})


def _number(wb, ws, col):
    _decide(ws, col, {2: 1})


def _moved(wb, ws, col):
    _decide(ws, col, {2: "accept"})
    ws.move_range(f"L1:L{ws.max_row}", cols=3)


def _renamed(wb, ws, col):
    _decide(ws, col, {2: "accept"})
    ws.cell(1, col("decision")).value = "Decision"


def _merged(wb, ws, col):
    _decide(ws, col, {2: "reject"})
    ws.merge_cells(start_row=2, end_row=3, start_column=col("decision"), end_column=col("decision"))


def _apostrophe(wb, ws, col):
    _decide(ws, col, {2: "'accept"})


def _twice(wb, ws, col):
    for j, cell in enumerate(ws[2], start=1):
        ws.cell(6, j).value = cell.value
    _decide(ws, col, {2: "accept", 6: "reject"})


def _contradicting(wb, ws, col):
    _decide(ws, col, {2: "other", 3: "accept"})
    _decide(ws, col, {2: "morale"}, column="other_code")  # row 2 suggests morale for I1:1; row 3 is I1:2


@pytest.mark.parametrize(("edit", "where", "said"), [
    (_formula, (2, "decision"), "not a formula"),
    (_number, (2, "decision"), "one of accept, reject, other"),
    (_moved, (1, None), "not where they were exported"),
    (_renamed, (1, "L (decision)"), "the column header 'decision' unchanged"),
    (_merged, (2, "decision"), "not cells merged into one"),
    (_apostrophe, (2, "decision"), "did you mean 'accept'"),
    (_twice, (6, "row_id"), "each row once (row 2 has the same id)"),
    (_contradicting, (2, "other_code"), "a code other than the one this row suggests"),
], ids=["formula-without-cached-value", "number", "column-moved", "column-renamed", "merged", "apostrophe",
        "row-twice", "other-is-the-same-code"])
def test_guard_review_sheet_shapes_are_refused_by_sheet_row_and_column(exported, tmp_path, edit, where, said):
    problems = _refused(_edited(exported, tmp_path, edit))
    hit = [p for p in problems if (p.row, p.column) == where]
    assert hit and said in hit[0].expected, problems
    assert hit[0].file == "review.xlsx (sheet 'review')", hit[0]


def test_guard_the_same_unit_and_code_decided_two_ways_on_two_rows_is_refused_naming_both(tmp_path):
    from impact.review import export_review

    segments = pd.DataFrame({"segment_id": ["S1", "S2"], "text": ["Morale rose.", "We learned."], "start": [0, 13]})
    coded = pd.DataFrame({"unit": ["S1", "S1", "S2"], "code": ["morale", "learning", "learning"],
                          "score": [0.5, 0.6, 0.9]})
    path = export_review(segments, coded=coded, path=tmp_path / "two.xlsx", codebook=_CODES, reviewer="ann")

    def edit(wb, ws, col):  # S1: row 2 says morale is learning instead, row 3 rejects learning
        units = {ws.cell(r, col("code")).value: r for r in range(2, 5) if ws.cell(r, col("unit")).value == "S1"}
        _decide(ws, col, {units["morale"]: "other", units["learning"]: "reject"})
        _decide(ws, col, {units["morale"]: "learning"}, column="other_code")

    problems = _refused(_edited(path, tmp_path, edit, name="two-edited.xlsx"))
    assert len(problems) == 1 and "one answer on whether 'learning' applies to unit 'S1'" in problems[0].expected


def test_guard_hidden_rows_and_columns_sorting_spaces_and_added_sheets_are_read(exported, tmp_path):
    import openpyxl

    def edit(wb, ws, col):
        rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
        for i, values in enumerate(reversed(rows), start=2):  # sorted the other way
            for j, value in enumerate(values, start=1):
                ws.cell(i, j).value = value
        by_unit = {ws.cell(r, col("unit")).value: r for r in range(2, 6)}
        _decide(ws, col, {by_unit["I1:1"]: " Accept ", by_unit["I1:4"]: "reject\u00a0"})
        ws.row_dimensions[by_unit["I1:4"]].hidden = True
        ws.column_dimensions["N"].hidden = True
        wb.create_sheet("my notes")["A1"] = "to ask Bo"

    result, said = _read(_edited(exported, tmp_path, edit))
    assert sorted(zip(result["unit"], result["code"], result["present"], strict=True)) == [
        ("I1:1", "morale", True), ("I1:4", "morale", False)]
    assert any("my notes" in w for w in said) and any("hidden or filtered out" in w for w in said), said
    assert openpyxl.load_workbook(exported)["review"].cell(2, 12).value is None  # the exported file untouched


@pytest.mark.parametrize(("content", "said"), [
    (b"row_id,unit,decision\nr00001,I1:1,accept\n", "a text file (a CSV"),
    (None, "damaged or cut short"),
    (b"", "empty, 0 bytes")], ids=["csv", "cut-short", "empty"])
def test_guard_a_file_that_is_no_workbook_is_named(exported, tmp_path, content, said):
    from impact.review import import_review

    path = tmp_path / "review.xlsx"
    path.write_bytes(content if content is not None else exported.read_bytes()[:4000])
    before = path.read_bytes()
    with pytest.raises(InputError) as caught:
        import_review(path)
    assert said in str(caught.value) and path.read_bytes() == before, caught.value


def test_guard_a_sheet_renamed_is_named_with_its_new_name(exported, tmp_path):
    from impact.review import import_review

    path = _edited(exported, tmp_path, lambda wb, ws, col: setattr(ws, "title", "Review (2)"))
    with pytest.raises(InputError, match=r"'Review \(2\)' may be 'review' renamed"):
        import_review(path)


# --------------------------------------------------------------------------- 4. import-qdpx: links and paths
_NS = "urn:QDA-XML:project:1.0"
_G = [f"{i:08x}-0000-4000-8000-{i:012x}" for i in range(1, 40)]


def _qdpx(path: Path, sources: list[tuple[str, str, str]], files: dict[str, bytes]) -> Path:
    """A .qdpx of text sources (guid, name, plainTextPath), each coded 0-3 with one code by one user."""
    xml = "".join(
        f'<TextSource guid="{guid}" name="{name}" plainTextPath="{where}">'
        f'<PlainTextSelection guid="{_G[20 + i]}" startPosition="0" endPosition="3">'
        f'<Coding guid="{_G[30 + i]}" creatingUser="{_G[0]}"><CodeRef targetGUID="{_G[1]}"/></Coding>'
        "</PlainTextSelection></TextSource>" for i, (guid, name, where) in enumerate(sources))
    qde = (f'<?xml version="1.0" encoding="utf-8"?><Project xmlns="{_NS}" name="t" origin="hand written">'
           f'<Users><User guid="{_G[0]}" name="ann"/></Users><CodeBook><Codes><Code guid="{_G[1]}" name="morale" '
           f'isCodable="true"/></Codes></CodeBook><Sources>{xml}</Sources></Project>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("project.qde", qde)
        for name, data in files.items():
            zf.writestr(name, data)
    return path


def _import(tmp_path, project, out, capsys):
    from impact.cli import main

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        code = main(["import-qdpx", str(project), str(out)])
    return code, capsys.readouterr()


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need rights on Windows")
def test_import_qdpx_refuses_a_sources_folder_that_is_a_link_out_of_outdir(tmp_path, capsys):
    """Old: the source texts were written through the link, into the user's own folder elsewhere."""
    elsewhere = tmp_path / "my-folder"
    elsewhere.mkdir()
    (elsewhere / "mine.txt").write_text("keep", encoding="utf-8")
    out = tmp_path / "imported"
    out.mkdir()
    os.symlink(elsewhere, out / "sources")
    project = _qdpx(tmp_path / "p.qdpx", [(_G[3], "s", "internal://a.txt")], {"sources/a.txt": b"abcdef"})
    code, said = _import(tmp_path, project, out, capsys)
    assert code == 2 and f"{out / 'sources'}: a link to {elsewhere}" in said.err, said
    assert sorted(p.name for p in elsewhere.iterdir()) == ["mine.txt"]
    assert sorted(p.name for p in out.iterdir()) == ["sources"]  # nothing written


def test_guard_import_qdpx_refuses_a_file_named_sources_in_outdir_and_keeps_it(tmp_path, capsys):
    out = tmp_path / "imported"
    out.mkdir()
    (out / "sources").write_text("my list of sources", encoding="utf-8")
    project = _qdpx(tmp_path / "p.qdpx", [(_G[3], "s", "internal://a.txt")], {"sources/a.txt": b"abcdef"})
    code, said = _import(tmp_path, project, out, capsys)
    assert code == 2 and f"{out / 'sources'}: " in said.err, said
    assert (out / "sources").read_text(encoding="utf-8") == "my list of sources"
    assert sorted(p.name for p in out.iterdir()) == ["sources"]


@pytest.mark.parametrize(("where", "files", "said"), [
    ("internal://a.txt", {"sources/a.txt": b"abcdef", "../evil.txt": b"x"}, "entry '../evil.txt' points outside"),
    ("internal://a.txt", {"sources/a.txt": b"abcdef", "/etc/evil.txt": b"x"}, "points outside the archive"),
    ("internal://gone.txt", {}, "is not in the archive: 's' (internal://gone.txt)"),
], ids=["member-dotdot", "member-absolute", "source-missing"])
def test_guard_import_qdpx_refuses_members_escaping_the_archive_and_missing_sources(tmp_path, capsys, where, files,
                                                                                  said):
    project = _qdpx(tmp_path / "p.qdpx", [(_G[3], "s", where)], files)
    code, out = _import(tmp_path, project, tmp_path / "imported", capsys)
    assert code == 2 and said in out.err and not (tmp_path / "imported").exists(), out


@pytest.mark.parametrize("where", ["../../etc/hostname", "/etc/hostname", "file:///etc/hostname"],
                         ids=["dotdot", "absolute", "file-url"])
def test_guard_import_qdpx_reads_a_source_path_escaping_the_folder_from_the_archive_only(tmp_path, capsys, where):
    project = _qdpx(tmp_path / "p.qdpx", [(_G[3], "s", where)], {"sources/hostname": b"from the archive"})
    code, out = _import(tmp_path, project, tmp_path / "imported", capsys)
    assert code == 0, out
    assert (tmp_path / "imported" / "sources" / "s.txt").read_text(encoding="utf-8") == "from the archive"


def test_guard_import_qdpx_refuses_two_sources_under_one_guid(tmp_path, capsys):
    project = _qdpx(tmp_path / "p.qdpx", [(_G[3], "s", "internal://a.txt"), (_G[3], "t", "internal://b.txt")],
                    {"sources/a.txt": b"abcdef", "sources/b.txt": b"ghijkl"})
    code, out = _import(tmp_path, project, tmp_path / "imported", capsys)
    assert code == 2 and "source 00000004-0000-4000-8000-000000000004 is 's' and 't'" in out.err, out


def test_guard_import_qdpx_moves_a_users_own_file_of_the_same_name_aside(tmp_path, capsys):
    out = tmp_path / "imported"
    out.mkdir()
    (out / "codings.csv").write_text("my own codings\n", encoding="utf-8")
    (out / "notes.txt").write_text("keep", encoding="utf-8")
    project = _qdpx(tmp_path / "p.qdpx", [(_G[3], "s", "internal://a.txt")], {"sources/a.txt": b"abcdef"})
    code, said = _import(tmp_path, project, out, capsys)
    assert code == 0, said
    assert (out / "codings.csv.bak").read_text(encoding="utf-8") == "my own codings\n"
    assert (out / "notes.txt").read_text(encoding="utf-8") == "keep"


def test_guard_import_qdpx_names_source_files_windows_can_make(tmp_path, capsys):
    from impact._io import windows_name_problem

    long_name = "Interview with the head of service " * 8
    names = ["CON", "a:b", "trailing.", "nul.txt", "x" * 3 + "?", long_name]
    sources = [(_G[3 + i], name, f"internal://{i}.txt") for i, name in enumerate(names)]
    project = _qdpx(tmp_path / "p.qdpx", sources, {f"sources/{i}.txt": b"abcdef" for i in range(len(names))})
    code, out = _import(tmp_path, project, tmp_path / "imported", capsys)
    assert code == 0, out
    written = sorted(p.name for p in (tmp_path / "imported" / "sources").iterdir())
    assert len(written) == len(names) and not [n for n in written if windows_name_problem(n)], written
    assert max(map(len, written)) <= 124, written
    assert {"CON_.txt", "a_b.txt", "trailing.txt", "nul_.txt", "xxx_.txt"} <= set(written), written


def test_guard_a_review_workbook_is_not_written_under_a_name_windows_forbids(exported, tmp_path):
    from impact.review import export_review

    segments = pd.DataFrame({"segment_id": ["S1"], "text": ["Morale rose."], "start": [0]})
    coded = pd.DataFrame({"unit": ["S1"], "code": ["morale"], "score": [0.9]})
    for name in ("CON.xlsx", "a:b.xlsx", "review.xlsx."):
        with pytest.raises(InputError, match="Windows cannot make"):
            export_review(segments, coded=coded, path=tmp_path / name)
        assert not (tmp_path / name).exists()



def test_guard_export_qdpx_keeps_a_users_own_files_of_the_same_names(study_dir, tmp_path, capsys):
    """A project of the user's under FILE is refused without --overwrite; their FILE.qdc is moved to a .bak."""
    from impact.cli import main

    out = tmp_path / "exports"
    out.mkdir()
    (out / "project.qdpx").write_bytes(b"my own project")
    assert main(["export-qdpx", str(study_dir), str(out / "project.qdpx")]) == 2
    assert "project.qdpx" in capsys.readouterr().err
    assert sorted(p.name for p in out.iterdir()) == ["project.qdpx"]
    (out / "project.qdpx").unlink()
    (out / "project.qdc").write_text("my own codebook", encoding="utf-8")
    assert main(["export-qdpx", str(study_dir), str(out / "project.qdpx")]) == 0
    capsys.readouterr()
    kept = [p for p in out.iterdir() if p.name.startswith("project.qdc") and p.name.endswith(".bak")]
    assert [p.read_text(encoding="utf-8") for p in kept] == ["my own codebook"]
    assert zipfile.is_zipfile(out / "project.qdpx")


def test_guard_a_code_and_a_note_a_spreadsheet_stored_as_number_or_date_are_read_as_typed(tmp_path):
    """other_code '7' typed (stored as the number 7, or 7.0) is the code '7'; a note Excel took for a date is its date."""
    import datetime

    codebook = pd.DataFrame({"code_id": ["morale", "7"], "label": ["Morale", "Seven"]})
    path = _export(tmp_path / "numbers.xlsx", codebook=codebook)

    def edit(wb, ws, col):
        _decide(ws, col, {2: "other", 3: "other"})
        _decide(ws, col, {2: 7, 3: 7.0}, column="other_code")
        _decide(ws, col, {2: datetime.datetime(2024, 3, 1)}, column="notes")

    result, _ = _read(_edited(path, tmp_path, edit, name="numbers-edited.xlsx"))
    chosen = result[result["present"].fillna(False).astype(bool)]
    assert sorted(zip(chosen["unit"], chosen["code"], strict=True)) == [("I1:1", "7"), ("I1:2", "7")]
    assert set(result.loc[result["sheet_row"] == 2, "notes"]) == {"2024-03-01"}

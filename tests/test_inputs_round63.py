"""Input round 63: a study's workbook saved by LibreOffice (.ods) or by old Excel (.xls).

``study.ods``, ``study.xls``, ``<table>.ods`` and ``<table>.xls`` are read where the optional readers are installed
(``pip install impact[spreadsheets]``: python-calamine, olefile), with every check a sheet of an .xlsx has; without
them they stay refused, the refusal naming the extra.  The test workbooks are made by LibreOffice
(``soffice --headless --convert-to``) from workbooks openpyxl writes, and what each format gives is compared with
what LibreOffice's own .xlsx of the same sheets gives (read by openpyxl, the reader main has): the same study, the
same problems, each at the same sheet, row and column.  Faults are planted at rows and columns seeds the project has
not used choose.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import warnings
import zipfile
from pathlib import Path

import numpy as np
import openpyxl
import pytest
from test_study_workbook import BOOK, _plant, refused, to_workbook

import impact
import impact.synth
from impact import load_study
from impact.errors import InputError, ValidationError
from impact.schema import TABLES

SEEDS = [6301, 6302, 6303]
READERS = all(importlib.util.find_spec(m) is not None for m in ("python_calamine", "olefile"))
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_readers = pytest.mark.skipif(not READERS, reason="python-calamine and olefile are not installed (pip install "
                                   "impact[spreadsheets]): .ods and .xls are refused, as the next tests check")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) makes the test workbooks")


def convert(books: list[Path], to: str, out: Path, profile: Path) -> list[Path]:
    """``books`` saved by LibreOffice as ``to`` (ods, xls, xlsx) in ``out`` (its own profile: no other soffice shares
    it)."""
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", to,
                    "--outdir", str(out), *map(str, books)], check=True, capture_output=True, timeout=600)
    made = [out / f"{b.stem}.{to}" for b in books]
    assert all(m.is_file() for m in made), made
    return made


def as_study(book: Path, folder: Path, where: Path) -> Path:
    """``folder`` (a study without its tables) with ``book`` as its study workbook, copied to ``where``."""
    shutil.copytree(folder, where)
    shutil.copy(book, where / f"study{book.suffix}")
    return where


def problems(folder: Path) -> list[str]:
    """What loading ``folder`` refuses (its errors), then every problem it tells read unchecked (a sheet's faults
    too, as warnings)."""
    try:
        load_study(folder)
        errors = []
    except ValidationError as exc:
        errors = [str(p) for p in exc.problems]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return errors + [str(p) for p in load_study(folder, validate=False).load_problems]


# --------------------------------------------------------------------------- the bundled example, as .ods and .xls


@pytest.fixture(scope="module")
def example_books(converted) -> dict[str, Path]:
    """The bundled example saved as study.xlsx (openpyxl), then by LibreOffice as .ods, .xls and .xlsx: each a study
    folder."""
    return converted["example"]


@needs_soffice
@needs_readers
@pytest.mark.parametrize("fmt", ["ods", "xls"])
def test_the_bundled_example_saved_by_libreoffice_loads_to_the_identical_study(example_books, fmt):
    # On main's head: "study.ods: expected a workbook of the study's tables named study.xlsx (it is an OpenDocument
    # spreadsheet (.ods), which impact does not read ...)", and every table missing.
    csv_study = load_study(impact.example_path())
    study = load_study(example_books[fmt])
    for name in TABLES:
        assert study.table(name).equals(csv_study.table(name)), name
        assert study.table(name).dtypes.equals(csv_study.table(name).dtypes), name
    assert study.meta == csv_study.meta and study.equals(csv_study)
    # the same warnings (attrition), at the same rows, as LibreOffice's .xlsx of the same sheets gives
    said = [str(p) for p in study.load_problems]
    xlsx = [str(p).replace("study.xlsx", f"study.{fmt}") for p in load_study(example_books["xlsx"]).load_problems]
    assert len(said) > 10 and said == xlsx
    assert all(p.startswith(f"warning: study.{fmt} (sheet '") for p in said)


# --------------------------------------------------------------------------- planted faults, told alike


def _plant_sheets(book: Path, rng: np.random.Generator) -> dict[str, object]:
    """Faults only a sheet has, at places the seed chooses: a hidden data row, a hidden column, a hidden sheet, a
    formula whose value is an error, two cells merged; returns where each went."""
    wb = openpyxl.load_workbook(book)
    names = [ws.title for ws in wb.worksheets if ws.max_row >= 3 and ws.max_column >= 3]
    picks = [str(n) for n in rng.choice(names, size=5, replace=len(names) < 5)]
    truth: dict[str, object] = {}
    ws = wb[picks[0]]
    truth["hidden_row"] = (picks[0], int(rng.integers(2, ws.max_row + 1)))
    ws.row_dimensions[truth["hidden_row"][1]].hidden = True
    ws = wb[picks[1]]
    col = openpyxl.utils.get_column_letter(int(rng.integers(1, ws.max_column + 1)))
    truth["hidden_column"] = (picks[1], col)
    ws.column_dimensions[col].hidden = True
    ws = wb[picks[2]]
    row, c = int(rng.integers(2, ws.max_row + 1)), int(rng.integers(1, ws.max_column + 1))
    truth["error"] = (picks[2], row, openpyxl.utils.get_column_letter(c))
    ws.cell(row, c).value = "=1/0"
    ws = wb[picks[3]]
    row, c = int(rng.integers(2, ws.max_row + 1)), int(rng.integers(1, ws.max_column))
    truth["merged"] = (picks[3], f"{openpyxl.utils.get_column_letter(c)}{row}:"
                                 f"{openpyxl.utils.get_column_letter(c + 1)}{row}")
    ws.merge_cells(truth["merged"][1])
    hidden = next(ws for ws in wb.worksheets if ws.title not in picks[:4] or ws.title == picks[4])
    hidden.sheet_state = "hidden"
    truth["hidden_sheet"] = hidden.title
    wb.save(book)
    return truth


@pytest.fixture(scope="module")
def planted(converted) -> dict[int, tuple[dict[str, Path], dict[str, object]]]:
    """For each seed, a generated 5-council study with the CSV faults of tests/test_study_workbook.py and the faults
    only a sheet has planted, its study.xlsx saved by LibreOffice as .ods, .xls and .xlsx: each a study folder; and
    where the sheet faults went."""
    return converted["planted"]


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> dict[str, dict]:
    """:func:`example_books` (under "example") and :func:`planted` (under "planted"), their workbooks saved by one
    LibreOffice process a format: each fixture started one of its own before (six starts, three now)."""
    base = tmp_path_factory.mktemp("books")
    example = base / "example"
    shutil.copytree(impact.example_path(), example)
    to_workbook(example)
    bare = base / "bare"
    shutil.copytree(example, bare, ignore=shutil.ignore_patterns("study.xlsx"))
    sources, truths = {}, {}
    for seed in SEEDS:
        folder = base / f"s{seed}"
        impact.synth.generate(5, seed=seed, out=folder)
        rng = np.random.default_rng(seed)
        _plant(folder, rng)
        to_workbook(folder)
        truths[seed] = _plant_sheets(folder / BOOK, rng)
        sources[seed] = (folder / BOOK).rename(base / f"book{seed}.xlsx")
    made = {fmt: convert([example / BOOK, *sources.values()], fmt, base / f"made-{fmt}", base / "profile")
            for fmt in ("ods", "xls", "xlsx")}
    return {"example": {fmt: as_study(made[fmt][0], bare, base / fmt) for fmt in made},
            "planted": {seed: ({fmt: as_study(made[fmt][k + 1], base / f"s{seed}", base / f"{fmt}{seed}")
                                for fmt in made}, truths[seed]) for k, seed in enumerate(SEEDS)}}


@needs_soffice
@needs_readers
@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("fmt", ["ods", "xls"])
def test_planted_faults_are_told_as_in_an_xlsx_each_at_its_sheet_row_and_column(planted, seed, fmt):
    # On main's head the one problem was "study.ods: expected a workbook of the study's tables named study.xlsx".
    # Before the facts read here, calamine read #DIV/0! as a blank cell, and the merged, hidden rows and columns
    # were not told.
    folders, truth = planted[seed]
    expected = [p.replace("study.xlsx", f"study.{fmt}") for p in problems(folders["xlsx"])]
    said = problems(folders[fmt])
    assert said == expected
    book = f"study.{fmt}"
    sheet, row = truth["hidden_row"]
    assert any(p.startswith(f"warning: {book} (sheet '{sheet}'):{row}: expected rows that are shown") for p in said)
    sheet, col = truth["hidden_column"]
    assert any(p.startswith(f"warning: {book} (sheet '{sheet}'):1: expected columns that are shown")
               and f", {col} (" in p.replace("hidden, ", ", ") for p in said), said
    sheet, row, col = truth["error"]
    assert any(re.match(rf"warning: {re.escape(book)} \(sheet '{sheet}'\):{row}:{col}\b.*'#DIV/0!' - expected a value, not "
                        r"the error #DIV/0! \(its formula fails\)", p) for p in said), said
    sheet, ref = truth["merged"]
    top_left = re.match(r"([A-Z]+)([0-9]+):", ref)
    assert any(p.startswith(f"warning: {book} (sheet '{sheet}'):{top_left.group(2)}:{top_left.group(1)}")
               and f"'{ref}' - expected one value in each cell, not cells merged into one" in p for p in said), said
    assert any(p.startswith(f"warning: {book} (sheet '{truth['hidden_sheet']}'): expected a sheet that is shown")
               for p in said)
    assert len(said) >= 8


# --------------------------------------------------------------------------- what the readers refuse


def _content(path: Path, change) -> None:
    """``change`` applied to the content.xml of the .ods ``path`` (its other members kept, mimetype first)."""
    with zipfile.ZipFile(path) as z:
        items = [(i, z.read(i)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w") as z:
        for info, data in items:
            z.writestr(info, change(data.decode()).encode() if info.filename == "content.xml" else data,
                       compress_type=zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED)


@pytest.fixture
def ods_study(example_books, tmp_path) -> Path:
    return Path(shutil.copytree(example_books["ods"], tmp_path / "study"))


@needs_soffice
@needs_readers
def test_an_ods_formula_saved_without_its_value_is_refused_on_its_cell(ods_study):
    # LibreOffice always saves a formula's value; another program may not (calamine then reads a blank cell).
    def change(xml: str) -> str:
        start = xml.index("<table:table table:name=\"reviews\"")
        cell = re.compile(r'<table:table-cell office:value-type="float" office:value="([0-9]+)" '
                          r'calcext:value-type="float"><text:p>\1</text:p></table:table-cell>')
        m = cell.search(xml, start)
        return xml[:m.start()] + '<table:table-cell table:formula="of:=[.F3]*2"/>' + xml[m.end():]
    _content(ods_study / "study.ods", change)
    said = refused(ods_study)
    assert any(re.match(r"study\.ods \(sheet 'reviews'\):2:A \(council_id\): '=\[\.F3\]\*2' - expected a value, not "
                        r"a formula saved without its value", p) for p in said), said


@needs_soffice
@needs_readers
def test_an_ods_whose_cells_reach_too_far_is_refused_before_it_is_read(ods_study):
    # a few bytes that a reader expanding repeated cells would make into 1,200,000 cells, after the header row
    def change(xml: str) -> str:
        at = xml.index("</table:table-row>", xml.index("<table:table table:name=\"councils\"")) + 18
        return xml[:at] + ('<table:table-row table:number-rows-repeated="6000"><table:table-cell '
                           'table:number-columns-repeated="200" office:value-type="float" office:value="1"/>'
                           '</table:table-row>') + xml[at:]
    _content(ods_study / "study.ods", change)
    (p,) = refused(ods_study)
    assert p.startswith("study.ods: expected a readable .ods workbook (study.ods (sheet 'councils'): a cell reaches "
                        "row 6,001, column GR (200), 1,200,005 cells - expected at most 500,000 rows, 256 columns and "
                        "1,000,000 cells"), p


@needs_readers
@pytest.mark.parametrize("suffix", [".ods", ".xls"])
def test_an_xlsx_named_ods_or_xls_is_one_clear_refusal(study_dir, suffix):
    to_workbook(study_dir).rename(study_dir / f"study{suffix}")
    (p,) = refused(study_dir)
    assert p.startswith(f"study{suffix}: expected a readable {suffix} workbook (it is ")
    assert ("not an OpenDocument spreadsheet" if suffix == ".ods" else "an Excel workbook") in p, p


@needs_readers
def test_reading_an_ods_or_xls_directly_names_the_file_and_sheet(example_books):
    from impact._spreadsheets import read_other_sheets

    for fmt in ("ods", "xls"):
        sheets = read_other_sheets(example_books[fmt] / f"study.{fmt}", label=f"study.{fmt}")
        assert [s.name for s in sheets] == list(TABLES)
        councils = next(s for s in sheets if s.name == "councils")
        assert [v for v, _ in councils.rows[0]] == [c.name for c in TABLES["councils"].columns
                                                    if c.name in {v for v, _ in councils.rows[0]}]
    with pytest.raises(InputError, match=r"^x\.xls: not a readable \.xls workbook \(it is empty, 0 bytes\)"):
        bad = example_books["xls"].parent / "x.xls"
        bad.write_bytes(b"")
        read_other_sheets(bad, label="x.xls")


@pytest.mark.skipif(READERS, reason="python-calamine and olefile are installed: .ods and .xls are read")
@pytest.mark.parametrize("suffix", [".ods", ".xls"])
def test_without_the_readers_an_ods_or_xls_refusal_names_the_extra(study_dir, suffix):
    # On main's head the refusal said only how to save it as .xlsx or CSV.
    to_workbook(study_dir).rename(study_dir / f"study{suffix}")
    (p,) = refused(study_dir)
    assert p.startswith(f"study{suffix}: expected a workbook of the study's tables named study.xlsx (it is ")
    assert p.endswith("; or install the optional readers of .ods and .xls files (pip install "
                      "impact[spreadsheets]), which read it)"), p

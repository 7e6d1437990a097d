"""Hostile inputs, round 56 (helper-inputs56): what round 55 left open, and shapes no round had tried.

1. UTF-16 without its byte-order mark and with no NUL byte (Chinese or Japanese text, no spaces, no line ends) was read
   as Windows-1252 with a warning (mojibake), and UTF-16 of Cyrillic without spaces (every other byte 0x04, so valid
   UTF-8) was read as control characters without a word: such text is refused, naming the file, the encoding and its
   byte order (a reading in UTF-16 of one script, without an unpaired surrogate or a control, where the reading in
   Windows-1252 holds controls, undefined bytes, 30% bytes outside ASCII or a repeated high byte).  Text both readings
   fit (short Windows-1252 text such as 'Camdén', three Chinese characters in UTF-16) is read as Windows-1252, and the
   warning names the file and the other reading.
2. The review workbook took spaces, a tab or a no-break space off the ends of a unit: the reviewer's decisions came back
   for a unit the coded file does not hold (' S1' came back 'S1'), without a word.  Units and codes are read as
   exported; so are the adjudication workbook's.
3. A single output file written into a folder impact wrote as a report (``impact code S --out out1/coded.csv``) was
   written: refused (exit 2), naming the folder and what to do; nothing in the folder changes, and a later run over the
   folder still deletes nothing impact did not write.
4. Every CSV a report writes read back with pandas and with the csv module: every value as the report holds it.
5. New shapes: a file given as a folder ('coded.csv/', read as coded.csv, or written as it), a byte-order mark or a
   zero-width space inside a coded file's unit or code (files joined: matched no unit, without a word).

Each test here failed on main (checked by running this file against main's package), except those named ``guard``.
"""

from __future__ import annotations

import csv
import io
import math
import random
import warnings

import pandas as pd
import pytest

from ._util import cli_here, refused, snapshot
from .test_inputs_round55 import _reviewed_back

# --------------------------------------------------------------------------- 1. UTF-16 without its mark, no NUL byte
_CJK = [chr(c) for c in range(0x4E01, 0x9FA5) if c & 0xFF]  # ideographs whose UTF-16 holds no NUL byte


def _cjk_text(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(_CJK) if rng.random() > 0.08 else rng.choice("。，、") for _ in range(n))


_WORDS = ("le conseil a amélioré la qualité des études", "die Schüler über Qualität und Größe berichten",
          "el niño pidió más información sobre la reunión", "Camdén Barking Dagenham café naïve coöperation",
          "o serviço de proteção às crianças é eficaz", "réunion à Genève, façade, élève, Noël")


def _western_text(rng: random.Random, n_words: int) -> str:
    words = " ".join(_WORDS).split()
    accented = [w for w in words if not w.isascii()]  # one at least: ASCII alone is UTF-8
    chosen = [rng.choice(words) for _ in range(n_words)] + [rng.choice(accented)]
    rng.shuffle(chosen)
    return " ".join(chosen) + rng.choice([".", "", "\r\n", "\n"])


@pytest.mark.parametrize("order", ["little", "big"])
def test_utf16_of_chinese_without_mark_or_nul_is_refused_naming_file_encoding_and_order(order):
    """Planted: 300 Chinese texts of 8 to 400 characters (seeded), saved as UTF-16 without a mark; each refused."""
    from impact._io import decode_text
    from impact.errors import InputError

    rng = random.Random(5600 + (order == "big"))
    for _ in range(300):
        data = _cjk_text(rng, rng.randint(8, 400)).encode(f"utf-16-{order[0]}e")
        with pytest.raises(InputError) as caught:
            decode_text(data, source="P1.txt")
        said = str(caught.value)
        assert said.startswith("P1.txt: ") and "UTF-16 text" in said and f"{order}-endian" in said, said
        assert "without a byte-order mark" in said and "save" in said and "UTF-8" in said, said


@pytest.mark.parametrize("text", ["こんにちはありがとうございます", "Здравствуйтедрузья", "ΚαλημέραΕλλάδα",
                                  "안녕하세요감사합니다학교가좋습니다"], ids=["kana", "cyrillic", "greek", "korean"])
def test_utf16_of_other_scripts_without_mark_is_refused_as_utf16(text):
    """Kana (every high byte 0x30: read as Windows-1252, 'S0“0k0...' with no control), Cyrillic and Greek (valid UTF-8
    of control characters, read without a word), Korean (a NUL byte now and then, said to be binary)."""
    from impact._io import decode_text
    from impact.errors import InputError

    with pytest.raises(InputError) as caught:
        decode_text(text.encode("utf-16-le"), source="t.txt")
    said = str(caught.value)
    assert said.startswith("t.txt: ") and "UTF-16 text" in said and "without a byte-order mark" in said, said
    assert "little-endian" in said, said


def test_guard_western_windows_1252_text_is_read_as_such_with_a_warning_naming_the_file():
    """Planted: 300 texts in French, German, Spanish, Portuguese words (seeded), saved as Windows-1252: each read back
    as written, the warning naming the file (a guard: they were)."""
    from impact._io import EncodingWarning_, decode_text

    rng = random.Random(5656)
    for _ in range(300):
        text = _western_text(rng, rng.randint(1, 60))
        with pytest.warns(EncodingWarning_, match=r"^w\.txt: not valid UTF-8; read as Windows-1252"):
            assert decode_text(text.encode("cp1252"), source="w.txt") == (text, "cp1252")


def test_text_both_readings_fit_is_read_as_windows_1252_and_the_warning_names_the_other():
    """'Camdén' in Windows-1252 is three Chinese characters in UTF-16 (little-endian): read as written, said."""
    from impact._io import EncodingWarning_, decode_text

    with pytest.warns(EncodingWarning_) as told:
        assert decode_text("Camdén".encode("cp1252"), source="c.txt") == ("Camdén", "cp1252")
    said = str(told[0].message)
    assert said.startswith("c.txt: ") and "also reads as UTF-16 without a byte-order mark (little-endian)" in said, said
    assert "Camdén".encode("cp1252").decode("utf-16-le") in said


def test_a_transcript_in_utf16_without_mark_is_refused_by_row_and_column(study_dir):
    from impact.errors import ValidationError
    from impact.study import load_study

    rel = pd.read_csv(study_dir / "interviews.csv", dtype=str)["transcript"].iloc[1]
    (study_dir / "transcripts" / rel).write_bytes("我们的学校很好。教师的士气提高了。".encode("utf-16-be"))
    with pytest.raises(ValidationError) as caught:
        load_study(study_dir)
    [problem] = [p for p in caught.value.errors]
    assert (problem.file, problem.row, problem.column) == ("interviews.csv", 3, "transcript")
    assert "UTF-16 text (big-endian) without a byte-order mark" in problem.expected, problem


# --------------------------------------------------------------------------- 2. the review workbook keeps a unit's ends
_ENDS = [" S1", "S1 ", "\u00a0S1", "S1\t", "  S1 \u00a0"]


# Old: every one came back as 'S1', a unit the coded file does not hold (its decisions compared with nothing).
@pytest.mark.parametrize("unit", _ENDS, ids=["space-before", "space-after", "nbsp", "tab", "mixed"])
def test_a_unit_with_spaces_at_its_ends_comes_back_from_the_review_workbook_byte_for_byte(tmp_path, unit):
    back = _reviewed_back(tmp_path, unit, text=f" {unit} text ")
    assert sorted(back["unit"]) == sorted([unit, "S2"])
    assert set(back.loc[back["unit"] == unit, "code"]) == {"morale"}


@pytest.mark.parametrize("unit", [" u1", "u1\u00a0"], ids=["space-before", "nbsp-after"])
def test_the_adjudication_gold_set_keeps_a_units_ends(tmp_path, unit):
    from openpyxl import load_workbook

    from impact.disagreements import disagreements, read_adjudication, write_disagreements_xlsx

    data = pd.DataFrame({"unit": [unit, unit, "u2", "u2"], "coder": ["ann", "bo"] * 2,
                         "code": ["morale"] * 4, "value": [True, False, True, True]})
    path = write_disagreements_xlsx(disagreements(data), tmp_path / "adj.xlsx", data=data)
    wb = load_workbook(path)
    ws = wb["adjudicate"]
    ws.cell(row=2, column=[c.value for c in ws[1]].index("decision") + 1, value="present")
    wb.save(path)
    gold = read_adjudication(path)
    assert sorted(zip(gold.unit, gold.source, strict=True)) == sorted([(unit, "adjudicated"), ("u2", "agreed")])


def test_guard_a_space_typed_at_the_end_of_a_read_only_cell_is_no_edit(tmp_path):
    """The read-only cells are compared as typed cells are read (stripped): a reviewer's stray space is no edit."""
    import openpyxl

    from impact.review import export_review, import_review

    segments = pd.DataFrame({"segment_id": ["S1"], "text": ["Morale rose."], "start": [0]})
    coded = pd.DataFrame({"unit": ["S1"], "code": ["morale"], "score": [0.9]})
    path = export_review(segments, coded=coded, path=tmp_path / "review.xlsx", reviewer="ann")
    wb = openpyxl.load_workbook(path)
    ws = wb["review"]
    head = [c.value for c in ws[1]]
    ws.cell(2, head.index("decision") + 1).value = "reject"
    ws.cell(2, head.index("text") + 1).value = "Morale rose. "
    wb.save(path)
    assert import_review(path)["unit"].tolist() == ["S1"]


# --------------------------------------------------------------------------- 3. one file written into a report folder
@pytest.fixture
def report_folder(tmp_path):
    """A folder impact wrote as a report (its manifest lists the files), with a subfolder."""
    from impact._io import staged_directory

    out = tmp_path / "out1"
    with staged_directory(out) as staging:
        (staging / "report.html").write_text("<p>report</p>")
        (staging / "tables").mkdir()
        (staging / "tables" / "t.csv").write_text("a\n1\n")
    return out


@pytest.mark.parametrize("where", ["coded.csv", "tables/coded.csv"], ids=["in-it", "in-its-subfolder"])
def test_impact_code_refuses_a_file_inside_a_report_folder_and_a_later_run_deletes_nothing(study_dir, report_folder,
                                                                                          tmp_path, where):
    from impact._io import OutputFolderError, check_output_folder, staged_directory

    before = snapshot(report_folder)
    proc = cli_here("code", str(study_dir), "--out", str(report_folder / where), cwd=tmp_path)
    refused(proc, f"{report_folder} holds the report of `impact run`", ".impact-output.json says so",
            "expected a file outside it")
    assert snapshot(report_folder) == before
    # a file the user put there anyway is never deleted by the next run over the folder: refused, and kept
    (report_folder / "mine.csv").write_text("keep me\n")
    with pytest.raises(OutputFolderError, match="holds files impact did not write \\(mine.csv\\)"):
        check_output_folder(report_folder)
    with pytest.raises(OutputFolderError), staged_directory(report_folder) as staging:
        (staging / "report.html").write_text("<p>new</p>")
    assert (report_folder / "mine.csv").read_text() == "keep me\n"
    assert (report_folder / "report.html").read_text() == "<p>report</p>"


def test_review_export_refuses_a_workbook_inside_a_report_folder(study_dir, coded_file, report_folder, tmp_path):
    proc = cli_here("review", "export", str(study_dir), "--coded", str(coded_file), "--out",
                    str(report_folder / "review.xlsx"), cwd=tmp_path)
    refused(proc, "holds the report of `impact run`", "expected a file outside it")
    assert not (report_folder / "review.xlsx").exists()


def test_guard_a_file_beside_a_report_folder_is_written(study_dir, report_folder, tmp_path):
    proc = cli_here("code", str(study_dir), "--out", str(report_folder.parent / "coded.csv"), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (report_folder.parent / "coded.csv").is_file()


# --------------------------------------------------------------------------- 4. report CSVs read back
def _published_numbers(text: str, raw: object) -> bool:
    """Whether ``text`` (a cell of the CSV) is ``raw`` (the table's value) as the report shows it: the same number to
    the digits written (the report rounds as it shows), a count exactly."""
    if raw is None or (isinstance(raw, float) and math.isnan(raw)) or raw is pd.NA:
        return text == ""
    value = float(text)
    if isinstance(raw, (int,)) and not isinstance(raw, bool):
        return value == raw
    digits = len(text.split("e")[0].split(".")[1]) if "." in text.split("e")[0] else 0
    exponent = int(text.split("e")[1]) if "e" in text else 0
    return abs(value - float(raw)) <= 0.5 * 10.0 ** (exponent - digits) * (1 + 1e-9) or value == float(raw)


@pytest.fixture(scope="module")
def rendered_report(tmp_path_factory):
    """The tiny study's report (conftest's, built once per process) rendered, and a table of hostile values too."""
    from conftest import report_of, tiny_analysed

    from impact.report import Report, Section, Table
    from impact.report._render import render

    report, extra = report_of(tiny_analysed())
    out = tmp_path_factory.mktemp("report56") / "out"
    render(report, out)
    hostile = pd.DataFrame({
        "text": ["=1+1", "-3 staff", "+44 20", "@home", "\tx", "a\rb", "a\nb", 'say "hi"', "", "'=x", "  =y", "ok,x"],
        "n": [0, -1, 2 ** 53, 7, 8, 9, 10, 11, 12, 13, 14, 15],
        "share": [0.30500000000000005, 1e-300, -0.0, 2.5, float("nan"), 1 / 3, 0.1, 12.5, 99.995, 0.0, 5.0, 7.25],
    })
    hostile_out = tmp_path_factory.mktemp("report56") / "hostile"
    render(Report("T", "", {}, [Section("S", [Table("hostile", hostile, "Hostile")])]), hostile_out)
    for name, data in extra.items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return report, out, hostile, hostile_out


def _both_readings(path):
    raw = path.read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(raw, newline="")))
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert [list(frame.columns), *frame.to_numpy().tolist()] == rows, path  # the two readers agree on every cell
    return rows


def test_guard_every_report_csv_reads_back_with_pandas_and_csv_row_for_row(rendered_report):
    from impact._tabular import restore_cell

    report, out, _, _ = rendered_report
    for table in report.tables:
        rows = _both_readings(out / "tables" / f"{table.name}.csv")
        assert [restore_cell(c) for c in rows[0]] == [str(c) for c in table.data.columns], table.name
        assert len(rows) - 1 == len(table.data), table.name  # no lost rows
        for r, (_, source) in enumerate(table.data.iterrows(), start=1):
            for cell, (column, value) in zip(rows[r], source.items(), strict=True):
                if isinstance(value, str):
                    assert restore_cell(cell) == value, (table.name, r, column)
                    assert not cell.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r")) or cell == value, cell
                else:
                    assert _published_numbers(cell, value.item() if hasattr(value, "item") else value), \
                        (table.name, r, column, cell, value)
    for name in ("redaction_log.csv", "tables/models.csv", "tables/quotes.csv"):
        if (out / name).exists():
            _both_readings(out / name)


def test_guard_hostile_values_come_back_from_a_report_csv_as_the_table_holds_them(rendered_report):
    from impact._tabular import restore_cell

    _, _, hostile, out = rendered_report
    rows = _both_readings(out / "tables" / "hostile.csv")
    assert rows[0] == ["text", "n", "share"] and len(rows) == len(hostile) + 1
    for r, (text, n, share) in enumerate(hostile.itertuples(index=False), start=1):
        cell_text, cell_n, cell_share = rows[r]
        assert restore_cell(cell_text) == text  # kept safe as the shared writer does, given back by restore_cell
        if text.lstrip(" '").startswith(("=", "+", "-", "@", "\t", "\r")):
            assert cell_text == "'" + text
        assert int(cell_n) == n  # a count exactly, 2**53 too
        assert _published_numbers(cell_share, share), (cell_share, share)


# --------------------------------------------------------------------------- 5. new shapes
# Old: 'coded.csv/' (a file given as a folder) was read as coded.csv, which the system itself refuses ("Not a
# directory"); as an output it wrote a file coded.csv where a folder was named.
def test_a_coded_file_given_as_a_folder_is_refused(coded_file, study_dir, tmp_path):
    from impact.coding.coded_io import read_coded
    from impact.errors import InputError

    given = str(coded_file) + "/"
    with pytest.raises(InputError, match=r"a file, but given as a folder \('.*coded\.csv/' ends in '/'\)"):
        read_coded(given)
    proc = cli_here("run", str(study_dir), "--coded", given, "--out", str(tmp_path / "o"), cwd=tmp_path)
    refused(proc, "--coded", "a file, but given as a folder", "give it without the last separator")
    assert not (tmp_path / "o").exists()


def test_an_output_file_named_as_a_folder_is_refused(study_dir, tmp_path):
    proc = cli_here("code", str(study_dir), "--out", "coded.csv/", cwd=tmp_path)
    refused(proc, "coded.csv/: names a folder (it ends in '/')", "expected a file name")
    assert not (tmp_path / "coded.csv").exists()


_CODED = ("unit,code,score,negated,hedged,attribution,start,end\n"
          "I1:1,morale,0.5,False,False,respondent,0,2\nI1:2,learning,1.0,True,False,self,3,9\n")


# Old: read as written: a unit '\ufeffI1:2' (two files joined, the second's mark kept) matched no segment, a code
# 'learn\u200bing' no code of the codebook, and neither was said.
@pytest.mark.parametrize(("text", "where", "held"), [
    (_CODED.replace("\nI1:2", "\n\ufeffI1:2"), "column unit: row 3", "U+FEFF"),
    (_CODED.replace("learning", "\ufefflearning"), "column code: row 3", "U+FEFF"),
    (_CODED.replace("learning", "learn\u200bing"), "column code: row 3", "U+200B ZERO WIDTH SPACE at character 6"),
    (_CODED.replace("I1:1", "I1:\u202e1"), "column unit: row 2", "U+202E RIGHT-TO-LEFT OVERRIDE"),
], ids=["mark-at-a-line-start", "mark-in-a-code", "zero-width-space", "direction-override"])
def test_an_invisible_character_in_a_coded_unit_or_code_is_refused_by_row(tmp_path, text, where, held):
    from impact.coding.coded_io import read_coded, write_coded
    from impact.errors import InputError

    path = tmp_path / "coded.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_coded(path)
    said = str(caught.value)
    assert where in said and held in said and "without invisible or direction-changing characters" in said, said
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    with pytest.raises(InputError, match="not written, as read_coded would refuse the file"):
        write_coded(frame, tmp_path / "again.csv")  # what is written can be read
    assert not (tmp_path / "again.csv").exists()


@pytest.mark.parametrize("unit", ["I1:2 ", "\u00a0I1:2", "I1:2\t", "Ünit:2"])
def test_guard_a_coded_unit_with_visible_or_spacing_ends_reads_back_as_written(tmp_path, unit):
    from impact.coding.coded_io import read_coded, write_coded

    frame = pd.read_csv(io.StringIO(_CODED), dtype=str, keep_default_na=False)
    frame.loc[1, "unit"] = unit
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert read_coded(write_coded(frame, tmp_path / "c.csv"))["unit"].tolist() == ["I1:1", unit]


# Guards: shapes the brief named that the study reader already refuses by file, row and column (or reads right).
@pytest.mark.parametrize(("file", "change", "where", "said"), [
    ("councils.csv", lambda t: t.replace("council_id,name,", "council_id,Name,name,", 1).replace(
        "\n301,", "\n301,X,", 1).replace("\n302,", "\n302,Y,", 1).replace("\n880,", "\n880,Z,", 1),
     ("councils.csv", 1, "Name"), "each column once"),
    ("councils.csv", lambda t: t.replace("\n302,", "\ncouncil_id,name,ons_code,council_type,region\n302,", 1),
     ("councils.csv", 3, None), "not the header row again"),
    ("councils.csv", lambda t: t.replace("\n302,", "\n\ufeff302,", 1), ("councils.csv", 3, "council_id"),
     "U+FEFF"),
    ("councils.csv", lambda t: "sep=;\r\n" + t.replace(",", ";"), ("councils.csv", 1, None), "commas (the file says"),
    ("interviews.csv", lambda t: t.replace("2011-08-15", "May 20 2012", 1), ("interviews.csv", 3, "date"),
     "a date as YYYY-MM-DD"),
    ("reviews.csv", lambda t: t.replace("review_manager,8", 'review_manager,"1,008"', 1),
     ("reviews.csv", 2, "n_recommendations"), "a whole number"),
], ids=["header-case", "header-middle", "bom-middle", "sep-line", "date-formats", "thousands"])
def test_guard_study_table_shapes_are_refused_by_file_row_and_column(study_dir, file, change, where, said):
    from impact.errors import ValidationError
    from impact.study import load_study

    path = study_dir / file
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        load_study(study_dir)
    found = [p for p in caught.value.errors if (p.file, p.row, p.column) == where]
    assert found and said in found[0].expected + str(found[0].value), caught.value


# Old: a study table's cell over 32,767 characters was refused, then judged character by character as well (its
# scripts, forms and hidden characters: 11 s of CPU for one 10 MB line) and refused a second time on the same cell.
def test_an_over_long_cell_of_a_study_table_is_refused_once(study_dir):
    from impact.errors import ValidationError
    from impact.study import load_study

    with (study_dir / "councils.csv").open("a", encoding="utf-8") as f:
        f.write("3" * 200_000 + "\n")
    with pytest.raises(ValidationError) as caught:
        load_study(study_dir)
    at_cell = [p for p in caught.value.errors if (p.file, p.row, p.column) == ("councils.csv", 5, "council_id")]
    assert len(at_cell) == 1 and "a cell of at most 32,767 characters" in at_cell[0].expected, caught.value


# Old: a coded CSV of one long line was decoded and split into cells before its cell was refused as too long: a 100 MB
# line peaked at 800 MB of memory and 27 s (bench/long_line.py); now refused from its bytes (100 MB, 0.15 s).
def test_a_coded_csv_line_too_long_for_its_cells_is_refused_before_it_is_split(tmp_path):
    from impact._io import MAX_CELL_CHARS
    from impact.coding.coded_io import read_coded
    from impact.errors import InputError

    path = tmp_path / "coded.csv"
    width = 8
    path.write_bytes(_CODED.encode() + b"y" * (width * (2 * MAX_CELL_CHARS + 3) * 4 + 1))
    with pytest.raises(InputError, match=r"coded\.csv:4: a line longer than its 8 cells of at most 32,767 characters"):
        read_coded(path)


# Old: a study table's line of 1.4 MB (more than its 5 cells of 32,767 characters can be) was decoded and split before
# its cell was refused: a 50 MB line peaked at 662 MB (bench/long_line.py); now refused from its bytes, by line.
def test_a_study_table_line_too_long_for_its_cells_is_refused_by_line(study_dir):
    from impact._io import MAX_CELL_CHARS
    from impact.errors import ValidationError
    from impact.study import load_study

    with (study_dir / "councils.csv").open("ab") as f:
        f.write(b"9" * (5 * (2 * MAX_CELL_CHARS + 3) * 4 + 1))
    with pytest.raises(ValidationError) as caught:
        load_study(study_dir)
    [problem] = [p for p in caught.value.errors if p.file == "councils.csv"]
    assert "councils.csv:5: a line longer than its 5 cells of at most 32,767 characters" in problem.expected, problem

"""Hostile inputs, round 54 (helper-inputs54): the input leftovers of round 53.

1. Stray NUL bytes in UTF-8 text (one from a bad export, or a run of them at the end: a copy cut short and padded)
   are said as such, with the byte, line and character of the first and how to remove them (they were "contains NUL
   bytes ... expected a text file" or "a binary file"); UTF-16 text without its byte-order mark is named where its
   start holds no NUL (Greek or Chinese text first) and where it ends in half a character (an odd length).
2. A coded Parquet file whose values repeat through dictionary pages (a few KB stored, gigabytes decoded) is refused
   before any row group is decoded: its text is read as dictionaries and its size decoded summed from them (it was
   refused after a row group had been decoded whole: 3.7 GB of memory for a 358 KB file, now 152 MB).
3. A file that changed while it was read, though within its limit (a program still writing it), is refused, not read
   as a snapshot of part of it.
4. ``Study.save`` refuses a transcript path leading out of transcripts/ (``..\\..\\x.txt``, which on Windows leaves
   the folder; an absolute path; one from a drive) or naming no file, every one listed with its row, before a file is
   written (``..\\..\\x.txt`` was written, and the study saved could not be loaded; an empty path was saved too).
5. A name or label shown on one line holding Unicode's own line breaks (U+2028, U+2029, U+0085), which a CSV or YAML
   reader does not break at but a word processor and ``str.splitlines`` do, is refused as one over two lines.
6. Guards: shapes the brief named that earlier rounds already refuse (YAML alias bombs, a key given twice, tabs, a
   council name over two lines in quotes, links out of the study folder, a code id repeated at another case).

Each test here failed on main (checked by running this file against main's package), except those named ``guard``.
"""

from __future__ import annotations

import os
import re
import shutil

import pytest

from .test_cli_round48 import reviewed  # noqa: F401 (the tiny study, its coded file and review workbook, made once)
from .test_inputs_round52 import _replace, _study_problems

_CHINESE = "我们在审查之后改变了我们的做法。" * 160  # 2,560 characters, no byte of them 0 in UTF-16


def _one_nul(data: bytes) -> tuple[bytes, int]:
    at = data.index(b"\n", data.index(b"\n") + 1) + 4  # four bytes into the second data row
    return data[:at] + b"\x00" + data[at:], at


# --------------------------------------------------------------------------- 1. stray NULs, UTF-16 cut or NUL-free
# Old: "contains NUL bytes at byte 80 (line 3, character 4) - expected a text file (UTF-8, or UTF-16 with a
# byte-order mark)": not saying the file is UTF-8 text but for one byte, nor how to take it out.
@pytest.mark.parametrize("name", ["councils.csv", "interviews.csv", "study.yaml"])
def test_a_study_file_with_one_stray_nul_says_so_and_where(study_dir, name):
    data, at = _one_nul((study_dir / name).read_bytes())
    (study_dir / name).write_bytes(data)
    line = data.count(b"\n", 0, at) + 1
    told = [p for p in _study_problems(study_dir) if p[0] == name]
    assert len(told) == 1, told
    assert f"UTF-8 text with 1 stray NUL byte (byte {at}, line {line}, character 4)" in told[0][3], told
    assert "delete it" in told[0][3] and "tr -d" in told[0][3], told


# Old: "a binary file, not CSV text (a NUL byte at byte 57)".
def test_a_coded_csv_with_stray_nuls_says_how_many_and_where(reviewed, tmp_path):  # noqa: F811
    from impact.coding.coded_io import read_coded
    from impact.errors import InputError

    data, at = _one_nul((reviewed / "coded.csv").read_bytes())
    data, _ = _one_nul(data)  # a second, one byte before the first
    path = tmp_path / "coded.csv"
    path.write_bytes(data)
    with pytest.raises(InputError, match=re.escape(f"{path}: UTF-8 text with 2 stray NUL bytes (the first at byte "
                                                   f"{at}, line 3, character 4)")):
        read_coded(path)


# Old: "contains NUL bytes at byte 120 (line 4, character 1)": a transcript copied before it was written, its end
# padded with NULs, was not said to be cut short.
def test_a_transcript_ending_in_a_run_of_nuls_is_said_cut_short(tmp_path):
    from impact.errors import InputError
    from impact.study import read_transcript

    text = b"Interviewer: How did the review go?\nRespondent: Morale rose.\n"
    path = tmp_path / "t.txt"
    path.write_bytes(text + b"\x00" * 4096)
    with pytest.raises(InputError, match=re.escape(f"UTF-8 text followed by 4,096 NUL bytes (byte {len(text)}, line "
                                                   "3, character 1 to the end)")):
        read_transcript(path)


# Old: "holds bytes that are not text - expected the pseudonym key alone", not saying the key is there but for a NUL.
@pytest.mark.parametrize(("tail", "said"), [(b"\x00\n", "UTF-8 text with 1 stray NUL byte (byte 32, line 1, "
                                                       "character 33)"),
                                            (b"\n" + b"\x00" * 100, "UTF-8 text followed by 100 NUL bytes (byte 33")],
                         ids=["one", "padding"])
def test_a_pseudonym_key_file_with_stray_nuls_says_so_and_not_the_key(tmp_path, tail, said):
    from impact.errors import InputError
    from impact.privacy._pseudonym import _read_key_file

    key = b"0123456789abcdef" * 2
    path = tmp_path / "k.key"
    path.write_bytes(key + tail)
    with pytest.raises(InputError) as caught:
        _read_key_file(path)
    assert str(caught.value).startswith(f"{path}: {said}"), caught.value
    assert key.decode() not in str(caught.value)


def test_binary_data_with_many_nuls_is_not_said_to_be_text_with_stray_ones():
    from impact._io import stray_nuls

    assert stray_nuls(bytes(range(256)) * 8) is None
    assert stray_nuls(b"a\x00b\x00c\x00d\x00" * 50) is None  # UTF-16 without a mark: unicode_form names it
    assert stray_nuls(b"unit,code\n" * 10) is None


# Old: UTF-16 without its mark ending in half a character (a copy cut short) was named, but not that it was cut.
@pytest.mark.parametrize("name", ["councils.csv", "study.yaml"])
def test_utf16_without_its_mark_and_an_odd_length_says_it_was_cut_short(study_dir, name):
    data = (study_dir / name).read_text(encoding="utf-8").encode("utf-16-le") + b"\n"
    (study_dir / name).write_bytes(data)
    told = [p for p in _study_problems(study_dir) if p[0] == name]
    assert len(told) == 1, told
    assert "UTF-16 text without a byte-order mark, little-endian" in told[0][3], told
    assert f"{len(data):,} bytes long: its last byte (from byte {len(data) - 1:,}) part of a character" in told[0][3]


# Old: "starts with a UTF-16 byte-order mark but is not valid UTF-16 (truncated data at byte 78)", not saying why.
@pytest.mark.parametrize(("encoding", "cut"), [("utf-16", 1), ("utf-32", 1), ("utf-32", 3)])
def test_utf16_or_32_with_its_mark_ending_in_part_of_a_character_says_it_was_cut_short(tmp_path, encoding, cut):
    from impact.errors import InputError
    from impact.study import read_transcript

    path = tmp_path / "t.txt"
    data = "Interviewer: How did it go?\n".encode(encoding)[:-cut]
    path.write_bytes(data)
    last = "its last byte" if (4 - cut if encoding == "utf-32" else 1) == 1 else f"its last {4 - cut} bytes"
    with pytest.raises(InputError, match=re.escape(f"{len(data):,} bytes long: {last} (from byte "
                                                   f"{len(data) - len(data) % (4 if encoding == 'utf-32' else 2)}) "
                                                   "part of a character, so the file was cut short")):
        read_transcript(path)


# Old: its first 4 KB held no NUL (Chinese text, which has no spaces: no byte of it is 0 in UTF-16), so the NUL
# further on was "contains NUL bytes at byte 4,800" with no word of UTF-16, and a coded CSV "a binary file".
@pytest.mark.parametrize("order", ["le", "be"])
def test_utf16_without_its_mark_starting_with_text_without_nuls_is_named(reviewed, tmp_path, order):  # noqa: F811
    from impact.coding.coded_io import read_coded
    from impact.errors import InputError
    from impact.study import read_transcript

    endian = "little" if order == "le" else "big"
    path = tmp_path / "t.txt"
    path.write_bytes((_CHINESE + "\nInterviewer: How did it go?\nRespondent: Well.\n").encode(f"utf-16-{order}"))
    with pytest.raises(InputError, match=re.escape(f"UTF-16 text without a byte-order mark, {endian}-endian")):
        read_transcript(path)
    coded = tmp_path / "coded.csv"
    coded.write_bytes((_CHINESE + "\n" + (reviewed / "coded.csv").read_text(encoding="utf-8"))
                      .encode(f"utf-16-{order}"))
    with pytest.raises(InputError, match=re.escape(f"{coded}: UTF-16 text ({endian}-endian) without a byte-order "
                                                   "mark")):
        read_coded(coded)


# --------------------------------------------------------------------------- 2. Parquet, refused before decoding
# Old: "over 1,606,400 bytes of data read by its row group 1 of 1": the row group decoded whole first.
def test_a_coded_parquet_file_decoding_past_the_limit_is_refused_before_it_is_decoded(tmp_path, monkeypatch):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from impact.coding import coded_io
    from impact.coding._columns import CODED_COLUMNS
    from impact.errors import InputError

    path = tmp_path / "c.parquet"
    pq.write_table(pa.table({c: pa.repeat(pa.scalar("y" * 100), 2_000) for c in CODED_COLUMNS}), path)
    monkeypatch.setattr(coded_io, "MAX_CODED_BYTES", 200_000)
    decoded = []  # a column decoded from its dictionary (none, before the refusal)
    monkeypatch.setattr(coded_io, "_undictionary", lambda column: decoded.append(column), raising=False)
    # 8 columns x 2,000 rows x 100 characters, and 8 bytes a row of each for its offsets: the size decoded, exactly
    with pytest.raises(InputError, match=re.escape(f"{8 * 2_000 * 108:,} bytes of data once decoded (by its row group "
                                                   "1 of 1: values repeated through dictionary pages")):
        coded_io.read_coded(path)
    assert decoded == []


def test_guard_a_coded_parquet_file_with_text_and_numbers_reads_as_its_csv(reviewed, tmp_path):  # noqa: F811
    import pandas as pd

    from impact.coding.coded_io import read_coded, write_coded

    coded = read_coded(reviewed / "coded.csv")
    write_coded(coded, tmp_path / "c.parquet")
    back = read_coded(tmp_path / "c.parquet")
    pd.testing.assert_frame_equal(back, coded, check_dtype=False)
    assert back["code"].map(type).eq(str).all()


# --------------------------------------------------------------------------- 3. changed while read
# Old: a file whose size when taken was not what was read (a program still writing it) was read, within the limit,
# as whatever part of it was there.  /proc/self/status stands in: its size is 0, its bytes some hundreds.
def test_a_file_that_changes_while_read_within_its_limit_is_refused(tmp_path):
    from impact._io import read_bounded, read_text
    from impact.errors import InputError

    status = "/proc/self/status"
    if not os.path.isfile(status):
        pytest.skip("no /proc file system")
    with pytest.raises(InputError, match=re.escape(f"{status}: changed while it was read (0 bytes when its size was "
                                                   "taken, ")):
        read_text(status)
    path = tmp_path / "t.csv"
    path.write_bytes(b"unit,code\n1,a\n")  # 14 bytes; taken as 10 a moment before
    with pytest.raises(InputError, match=re.escape(f"{path}: changed while it was read (10 bytes when its size was "
                                                   "taken, 14 read, 14 when the reading ended)")):
        read_bounded(path, 100, label=str(path), size=10)
    assert read_bounded(path, 100, size=14) == b"unit,code\n1,a\n"


# --------------------------------------------------------------------------- 4. Study.save: paths out of the folder
def _with_transcripts(study, paths: dict[int, str]):
    from impact.study import Study

    tables = {k: v.copy() for k, v in study._tables.items()}
    interviews = tables["interviews"]
    for row, rel in paths.items():
        interviews.loc[row, "transcript"] = rel
    texts = {r: "Interviewer: How did it go?\nRespondent: Well.\n" for r in interviews["transcript"].dropna()}
    return Study(study.meta, tables, texts)


# Old: '..\\..\\evil.txt' was written (a file of that name on Linux, two folders up on Windows) and the study saved
# could not be loaded; '' was saved; '/abs.txt' was a ValueError naming no row, and only the first path was said.
@pytest.mark.parametrize(("rel", "said"), [
    ("..\\..\\evil.txt", "it holds '..', which leads out of the folder on Windows, where '\\' parts a path"),
    ("301\\..\\..\\evil.txt", "it holds '..', which leads out of the folder on Windows"),
    ("/abs.txt", "not an absolute path or one from a drive"),
    ("D:evil.txt", "not an absolute path or one from a drive"),
    ("301/", "a path naming a file inside transcripts/ (it names none)"),
], ids=["backslash-dotdot", "inner-backslash-dotdot", "absolute", "drive-relative", "folder"])
def test_study_save_refuses_a_transcript_path_out_of_transcripts(tiny_study, tmp_path, rel, said):
    from impact.errors import InputError

    study = _with_transcripts(tiny_study, {0: rel, 2: "../up.txt"})
    with pytest.raises(InputError) as caught:
        study.save(tmp_path / "out")
    message = str(caught.value)
    assert "study not saved: 2 transcript paths not naming a file inside transcripts/" in message, message
    assert f"interviews.csv:2:transcript: {rel!r} - expected" in message and said in message, message
    assert "interviews.csv:4:transcript: '../up.txt'" in message, message
    assert sorted(os.listdir(tmp_path)) == []  # nothing written, nothing left beside


def test_guard_study_save_writes_ids_that_look_like_formulas_or_devices_as_cells_only(tiny_study, tmp_path):
    """Ids are never made into paths: an id of '../x', 'CON' or '=cmd' is a cell (a formula's behind an apostrophe)."""
    import csv

    from impact.study import Study, load_study

    tables = {k: v.copy() for k, v in tiny_study._tables.items()}
    for table, column in (("participants", "participant_id"), ("interviews", "participant_id")):
        tables[table][column] = tables[table][column].replace({"P1": "../x", "P2": "CON", "P3": "=cmd|' /C calc'!A0",
                                                               "P4": "-2+3"})
    study = Study(tiny_study.meta, tables, {r: tiny_study._transcript_text(r)
                                            for r in tables["interviews"]["transcript"].dropna()})
    study.save(tmp_path / "s")
    with open(tmp_path / "s" / "participants.csv", newline="", encoding="utf-8") as fh:
        ids = [row["participant_id"] for row in csv.DictReader(fh)]
    assert ids == ["../x", "CON", "'=cmd|' /C calc'!A0", "'-2+3"]
    assert sorted(os.listdir(tmp_path)) == ["s"]
    assert list(load_study(tmp_path / "s").participants["participant_id"]) == ["../x", "CON", "=cmd|' /C calc'!A0",
                                                                               "-2+3"]


# --------------------------------------------------------------------------- 5. new shapes
# Old: read without a word: a name holding Unicode's own line breaks (a LINE SEPARATOR from a word processor's
# Shift+Enter, a NEXT LINE from an EBCDIC or Latin-1 export), which a CSV reader does not break at but Word,
# str.splitlines and every program splitting text into lines do: the council's name printed over two lines.
@pytest.mark.parametrize(("char", "said"), [("\u2028", "U+2028 LINE SEPARATOR"), ("\u2029", "U+2029 PARAGRAPH "
                                             "SEPARATOR"), ("\x85", "U+0085")], ids=["line-sep", "para-sep", "nel"])
def test_a_council_name_with_a_unicode_line_break_is_refused(study_dir, char, said):
    _replace(study_dir, "councils.csv", b"Barnet,", f"Bar{char}net,".encode())
    told = [p for p in _study_problems(study_dir) if p[0] == "councils.csv"]
    assert [(p[1], p[2]) for p in told] == [(3, "name")], told
    assert "a council name as text on one line (it holds a line break (" + said in told[0][3], told


def test_a_wave_label_with_a_unicode_line_break_is_refused(study_dir):
    _replace(study_dir, "study.yaml", b"name: Tiny study",
             'name: Tiny study\nvocabularies:\n  roles:\n    extra: "Extra\u2028role"'.encode())
    told = [p for p in _study_problems(study_dir) if p[2] == "vocabularies.roles.extra"]
    assert len(told) == 1 and "U+2028 LINE SEPARATOR, which a word processor breaks a line at" in told[0][3], told


def test_guard_a_unicode_paragraph_break_in_a_long_text_is_kept():
    from impact.schema import text_problem

    assert text_problem("Para one.\u2029Para two.") is None  # a description, not shown on one line


# --------------------------------------------------------------------------- 6. guards: shapes refused already
_LAUGHS = ('a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
           + "".join(f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n" for p, n in zip("abcdef", "bcdefg")))


@pytest.mark.parametrize(("name", "change", "said"), [
    ("study.yaml", lambda t: _LAUGHS + t, "YAML aliases (*name) are not allowed"),
    ("study.yaml", lambda t: t + "name: Other\n", "the key 'name' is given twice"),
    ("study.yaml", lambda t: t.replace("\n  ", "\n\t", 1), "a tab (column 1), where YAML indents with space"),
    ("councils.csv", lambda t: t.replace("Barnet,", '"Bar\nnet",', 1), "a council name as text on one line"),
], ids=["billion-laughs", "duplicate-key", "tab-indent", "quoted-newline-in-council-name"])
def test_guard_study_file_shapes_refused_already(study_dir, name, change, said):
    path = study_dir / name
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    told = [p for p in _study_problems(study_dir) if p[0] == name]
    assert any(said in p[3] for p in told), told


@pytest.mark.parametrize("what", ["table", "transcript-folder"])
def test_guard_a_link_out_of_the_study_folder_is_not_followed(study_dir, tmp_path, what):
    outside = tmp_path / "outside"
    if what == "table":
        shutil.move(study_dir / "councils.csv", outside)
        os.symlink(outside, study_dir / "councils.csv")
        said = "a plain file inside the study folder"
    else:
        folder = next(p for p in (study_dir / "transcripts").iterdir() if p.is_dir())
        shutil.move(folder, outside)
        os.symlink(outside, folder)
        said = "a link pointing outside transcripts/"
    assert any(said in p[3] for p in _study_problems(study_dir))


def test_guard_a_codebook_repeating_a_code_id_at_another_case_is_refused(tmp_path):
    from impact.coding.codebook import Codebook, codebook_dirs
    from impact.errors import ValidationError

    book = tmp_path / "book.yaml"
    text = next(d / "nfer_impacts.yaml" for d in codebook_dirs() if (d / "nfer_impacts.yaml").is_file()).read_text(
        encoding="utf-8")
    first = re.search(r"^\s*- id: (\w+)", text, re.MULTILINE).group(1)
    second = re.findall(r"^\s*- id: (\w+)", text, re.MULTILINE)[1]
    book.write_text(text.replace(f"- id: {second}", f"- id: {first.title()}", 1), encoding="utf-8")
    with pytest.raises(ValidationError, match=re.escape(f"'{first.title()}' - expected a snake_case id")):
        Codebook.load(book)



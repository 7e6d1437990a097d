"""Hostile inputs, round 53 (helper-inputs53): the input leftovers of round 52.

1. Text in another Unicode form than impact reads as it is (UTF-8, or UTF-16 / UTF-32 starting with its own byte-order
   mark): UTF-16 or UTF-32 without its mark, behind a UTF-8 mark (a program added the mark to bytes it did not decode),
   two marks of two encodings, a mark of one byte order before text of the other, UTF-8 behind a UTF-16 mark.  Every
   text reader names what the file holds and how to save it as UTF-8 (a coded CSV beginning with a UTF-8 mark and UTF-16
   text was "a binary file (a NUL byte at byte 4)"; a study table so was read, its NULs refused cell by cell).  Such a
   file is refused, not guessed at: with two marks the bytes went through a conversion that did not decode them, and a
   file without its mark is told from binary data by a guess.  A pseudonym key file in UTF-16 with its mark (what
   PowerShell 5's ``echo KEY > FILE`` writes) is read: its text is the key, as from the same key saved as UTF-8.
2. A coded Parquet file is bounded as a coded CSV is (MAX_CODED_BYTES): its rows and its size uncompressed, from its
   footer, before its data is read, then each row group as it is read.
3. The one-line rule of a council's name holds for every label study.yaml gives that is shown on one line: a
   vocabulary value's label, as a wave's and a survey question's already were.  (A participant's real name over two
   lines stays allowed, as round 34 guards: it is never shown, and the redactor finds it written on one line.)
4. A sweep of shapes earlier rounds did not try: a study folder holding two files whose names differ by case only, a
   zipped study, a Windows path as the codebook, a transcript named in Windows-1252 bytes, formulas in ids that impact
   writes back out in its CSV files.

Each test here failed on main (checked by running this file against main's package), except those named ``guard``.
"""

from __future__ import annotations

import codecs
import re
import zipfile

import pytest

from ._util import cli_here, refused
from .test_cli_round48 import reviewed  # noqa: F401 (the tiny study, its coded file and review workbook, made once)
from .test_inputs_round52 import _replace, _study_problems

#: Each form: (bytes from UTF-8 text, what is said of it).
_FORMS = {
    "utf8-mark-then-utf16le": (lambda t: codecs.BOM_UTF8 + t.encode("utf-16-le"),
                               "UTF-16 text (little-endian) after a UTF-8 byte-order mark"),
    "utf8-mark-then-utf16be": (lambda t: codecs.BOM_UTF8 + t.encode("utf-16-be"),
                               "UTF-16 text (big-endian) after a UTF-8 byte-order mark"),
    "utf8-mark-then-utf16-with-mark": (lambda t: codecs.BOM_UTF8 + codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
                                       "UTF-16 text (little-endian) with its byte-order mark after a UTF-8 byte-order "
                                       "mark: two marks of two encodings"),
    "utf8-mark-then-utf32-with-mark": (lambda t: codecs.BOM_UTF8 + codecs.BOM_UTF32_BE + t.encode("utf-32-be"),
                                       "UTF-32 text (big-endian) with its byte-order mark after a UTF-8 byte-order "
                                       "mark: two marks of two encodings"),
    "utf32le-without-mark": (lambda t: t.encode("utf-32-le"), "UTF-32 text (little-endian) without a byte-order mark"),
    "utf16-mark-then-utf8": (lambda t: codecs.BOM_UTF16_LE + t.encode("utf-8"),
                             "UTF-8 text after a UTF-16 byte-order mark (little-endian)"),
    "utf16le-mark-then-big-endian": (lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-be"),
                                     "UTF-16 text (big-endian) after a UTF-16 byte-order mark of the other byte order "
                                     "(little-endian)"),
}
_ADVICE = "save the file as UTF-8"


def _recode(path, form: str) -> str:
    make, said = _FORMS[form]
    path.write_bytes(make(path.read_text(encoding="utf-8")))
    return said


# --------------------------------------------------------------------------- 1. Unicode forms, in every text reader
# Old: "coded.csv: a binary file, not CSV text (a NUL byte at byte 4)"; UTF-8 text behind a UTF-16 mark was read as
# Chinese characters and refused as "not a coded file; the columns [...] are missing".
@pytest.mark.parametrize("form", [*_FORMS, "utf16le-without-mark"])
def test_a_coded_csv_in_another_unicode_form_says_which(reviewed, tmp_path, form):  # noqa: F811
    from impact.coding.coded_io import read_coded
    from impact.errors import InputError

    path = tmp_path / "coded.csv"
    path.write_bytes((reviewed / "coded.csv").read_bytes())
    if form == "utf16le-without-mark":
        path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16-le"))
        said = "UTF-16 text (little-endian) without a byte-order mark"
    else:
        said = _recode(path, form)
    with pytest.raises(InputError) as caught:
        read_coded(path)
    assert str(caught.value).startswith(f"{path}: {said}, not UTF-8 CSV text - expected coded output"), caught.value
    assert _ADVICE in str(caught.value)


# Old: a UTF-8 mark then UTF-16 was read as UTF-8 holding NUL characters, refused cell by cell ("text without NUL
# characters") or as a header that is not one; UTF-32 without its mark was said to look like UTF-16.
@pytest.mark.parametrize("form", list(_FORMS))
@pytest.mark.parametrize("name", ["councils.csv", "study.yaml"])
def test_a_study_file_in_another_unicode_form_is_one_problem_saying_which(study_dir, name, form):
    said = _recode(study_dir / name, form)
    if form == "utf32le-without-mark":  # said as UTF-16 without its mark has been since round 7
        said, advice = "(it looks like UTF-32 text without a byte-order mark, little-endian: save it as UTF-8)", ""
    else:
        advice = _ADVICE
    told = [p for p in _study_problems(study_dir) if p[0] == name]
    assert len(told) == 1, told
    assert said in told[0][3] and advice in told[0][3], told


@pytest.mark.parametrize("form", ["utf8-mark-then-utf16le", "utf16-mark-then-utf8", "utf16le-mark-then-big-endian"])
def test_a_transcript_and_a_codebook_in_another_unicode_form_say_which(tmp_path, form):
    from impact.coding.codebook import Codebook, codebook_dirs
    from impact.errors import ImpactError
    from impact.study import read_transcript

    transcript = tmp_path / "t.txt"
    transcript.write_text("Interviewer: How did the review go?\nRespondent: Morale rose.\n", encoding="utf-8")
    said = _recode(transcript, form)
    with pytest.raises(ImpactError, match=re.escape(said)):
        read_transcript(transcript)
    book = tmp_path / "book.yaml"
    book.write_bytes(next(d / "nfer_impacts.yaml" for d in codebook_dirs() if (d / "nfer_impacts.yaml").is_file())
                     .read_bytes())
    said = _recode(book, form)
    with pytest.raises(ImpactError) as caught:
        Codebook.load(book)
    assert str(book) in str(caught.value) and said in str(caught.value), caught.value


# Old: a key saved in UTF-16 with its mark (PowerShell 5's `echo KEY > FILE`) was "holds bytes that are not text"; a
# key in UTF-16 behind a UTF-8 mark the same.  The first is read (its text is the key: the pseudonyms are those of the
# key saved as UTF-8), the second named.
@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_a_pseudonym_key_file_in_utf16_with_its_mark_gives_the_same_key(tmp_path, encoding):
    from impact.privacy import resolve_key

    key = "0123456789abcdef" * 4
    (tmp_path / "utf8.key").write_text(key + "\n", encoding="utf-8")
    (tmp_path / "other.key").write_bytes((key + "\r\n").encode(encoding))
    assert resolve_key(key_file=tmp_path / "other.key") == resolve_key(key_file=tmp_path / "utf8.key")


def test_a_pseudonym_key_file_in_utf16_behind_a_utf8_mark_says_which(tmp_path):
    from impact.errors import InputError
    from impact.privacy import resolve_key

    path = tmp_path / "k.key"
    path.write_bytes(codecs.BOM_UTF8 + ("0123456789abcdef" * 4).encode("utf-16-le"))
    with pytest.raises(InputError, match=re.escape("UTF-16 text (little-endian) after a UTF-8 byte-order mark")):
        resolve_key(key_file=path)


def test_guard_text_impact_reads_as_it_is_is_read_the_same(tmp_path):
    """UTF-8 with or without its mark, UTF-16 and UTF-32 with theirs, a mark twice, and text of scripts without ASCII
    letters (no NUL byte in UTF-8) all give the one text."""
    from impact._io import decode_text

    text = "unit,code\nP1,morale\nКиев,東京,Camdén\n"
    for data in (text.encode(), text.encode("utf-8-sig"), text.encode("utf-16"), text.encode("utf-32"),
                 codecs.BOM_UTF16_BE + text.encode("utf-16-be"), codecs.BOM_UTF16_LE * 2 + text.encode("utf-16-le"),
                 "東京都\n".encode("utf-16")):
        assert decode_text(data)[0] in (text, "東京都\n"), data[:12]


# --------------------------------------------------------------------------- 2. coded Parquet, bounded
def _parquet(path, rows: int, value: str = "x", **write):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from impact.coding._columns import CODED_COLUMNS

    pq.write_table(pa.table({c: pa.repeat(pa.scalar(value), rows) for c in CODED_COLUMNS}), path, **write)
    return path


# Old: a coded Parquet file of any size was read whole (CSV had its limit since round 52): two million and one rows
# stored in 40 KB were read into pandas, then refused cell by cell.
@pytest.mark.parametrize("command", [
    ["run", "{study}", "--out", "{out}/run", "--coded", "{big}"],
    ["export-qdpx", "{study}", "{out}/p.qdpx", "--coded", "{big}"],
], ids=["run", "export-qdpx"])
def test_a_coded_parquet_file_over_the_row_limit_is_refused_before_it_is_read(reviewed, tmp_path, command):  # noqa: F811
    from impact.coding.coded_io import MAX_CODED_ROWS

    big = _parquet(tmp_path / "big.parquet", MAX_CODED_ROWS + 1)
    out = tmp_path / "out"
    out.mkdir()
    argv = [a.format(study=reviewed / "study", big=big, out=out) for a in command]
    refused(cli_here(*argv, cwd=tmp_path), f"{big}: {MAX_CODED_ROWS + 1:,} rows - expected ",
            f"of at most {MAX_CODED_ROWS:,} rows", "split it")
    assert list(out.iterdir()) == []


@pytest.mark.parametrize(("write", "said"), [
    ({"use_dictionary": False}, "bytes of data uncompressed"),  # the footer says it: refused before any row is read
    # dictionary pages: small in the footer, large once decoded (since inputs54 summed before any is decoded)
    ({}, "bytes of data once decoded (by its row group 1 of 1"),
], ids=["footer", "row-group"])
def test_a_coded_parquet_file_larger_than_the_limit_in_memory_is_refused(tmp_path, monkeypatch, write, said):
    from impact.coding import coded_io
    from impact.errors import InputError

    path = _parquet(tmp_path / "c.parquet", 2_000, "y" * 100, **write)  # 8 columns x 2,000 rows x 100 characters
    monkeypatch.setattr(coded_io, "MAX_CODED_BYTES", 200_000)  # the 1.6 MB of text over a limit set low
    with pytest.raises(InputError, match=re.escape(said) + ".*of at most 200,000 bytes"):
        coded_io.read_coded(path)


def test_guard_a_coded_parquet_file_within_the_limits_reads_as_its_csv(reviewed, tmp_path):  # noqa: F811
    import pandas as pd

    from impact.coding.coded_io import read_coded, write_coded

    coded = read_coded(reviewed / "coded.csv")
    write_coded(coded, tmp_path / "c.parquet")
    pd.testing.assert_frame_equal(read_coded(tmp_path / "c.parquet"), coded, check_dtype=False)


# --------------------------------------------------------------------------- 3. one line, wherever shown on one line
# Old: read without a word, and printed over two lines wherever the role is named (a vocabulary value's label).
@pytest.mark.parametrize(("label", "said"), [("Extra\\nrole", "a line break at character 6"),
                                             ("Extra\\trole", "U+0009")], ids=["line-break", "tab"])
def test_a_vocabulary_label_over_two_lines_is_refused(study_dir, label, said):
    _replace(study_dir, "study.yaml", b"name: Tiny study",
             f'name: Tiny study\nvocabularies:\n  roles:\n    extra: "{label}"'.encode())
    told = [p for p in _study_problems(study_dir) if p[2] == "vocabularies.roles.extra"]
    assert len(told) == 1 and told[0][0] == "study.yaml" and said in told[0][3], told


# --------------------------------------------------------------------------- 4. a sweep of shapes
# Old: read without a word: the folder copied to Windows or macOS keeps one of the two, and reads that one.
@pytest.mark.parametrize(("name", "twin"), [("councils.csv", "Councils.csv"), ("study.yaml", "Study.yaml"),
                                            ("transcripts", "Transcripts")])
def test_a_study_file_beside_one_named_the_same_but_for_case_is_refused(study_dir, name, twin):
    import shutil

    if name == "transcripts":
        shutil.copytree(study_dir / name, study_dir / twin)
    else:
        shutil.copy(study_dir / name, study_dir / twin)
    told = [p for p in _study_problems(study_dir) if f"{twin!r} is there too" in p[3]]
    assert len(told) == 1 and told[0][0] == (name if name != "transcripts" else "transcripts/"), told
    assert "Windows and macOS" in told[0][3]


# Old: "study.zip: a file, not a study folder (expected a folder holding study.yaml)", not saying it holds one.
def test_a_zipped_study_says_it_holds_one_and_to_extract_it(study_dir, tmp_path):
    archive = tmp_path / "study.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for p in sorted(study_dir.rglob("*")):
            z.write(p, "mystudy/" + p.relative_to(study_dir).as_posix())
    proc = cli_here("validate", str(archive), cwd=tmp_path)
    refused(proc, f"{archive}: a file, not a study folder", "a zip archive holding a study folder "
            "(mystudy/study.yaml): extract it")


# Old: "an existing codebook file (one of the bundled codebooks [...])": a path from a drive, or one in double quotes
# whose "\n" YAML read as a line break, were not said to be so.
@pytest.mark.parametrize(("value", "said"), [
    ("C:\\books\\mine.yaml", "not a Windows path from a drive or a network share"),
    ("\\\\server\\books\\mine.yaml", "not a Windows path from a drive or a network share"),
    ('"books\\new.yaml"', "a Windows path in double quotes, where YAML reads"),
], ids=["drive", "share", "double-quoted-backslash-n"])
def test_a_windows_path_as_the_codebook_is_said_to_be_one(study_dir, value, said):
    _replace(study_dir, "study.yaml", b"codebook: nfer_impacts", f"codebook: {value}".encode())
    told = [p for p in _study_problems(study_dir) if p[2] == "codebook"]
    assert any(said in p[3] for p in told), told


# Old: "an existing file transcripts/301/Camdén.txt", with the file there, named in Windows-1252 bytes.
def test_a_transcript_named_in_windows_1252_bytes_is_found_and_said(study_dir):
    import os

    folder = next(p for p in (study_dir / "transcripts").iterdir() if p.is_dir())
    old = next(folder.glob("*.txt"))
    os.rename(old, os.fsencode(folder) + b"/Camd\xe9n.txt")
    rel = f"{folder.name}/{old.name}"
    _replace(study_dir, "interviews.csv", rel.encode(), f"{folder.name}/Camdén.txt".encode())
    told = [p for p in _study_problems(study_dir) if p[2] == "transcript"]
    assert len(told) == 1, told
    assert f"(found '{folder.name}/Camd\\xe9n.txt', the name written in Windows-1252 (Latin-1) bytes" in told[0][3], told


# Old: the re-identification key wrote an id as it is, so a participant id '=HYPERLINK(...)' ran as a formula when the
# key was opened in a spreadsheet to look a pseudonym up.
@pytest.mark.parametrize("pid", ['=HYPERLINK("http://example.org","P1")', "+cmd|' /C calc'!A0", "@SUM(1)", "-2+3"])
def test_the_reidentification_key_neutralises_ids_written_as_formulas(tmp_path, pid):
    import csv

    import pandas as pd

    from impact.privacy._pseudonym import reidentification_key

    data = pd.DataFrame({"council_id": ["301"], "participant_id": [pid]})
    reidentification_key(tmp_path / "key.csv", data, key="0123456789abcdef" * 2)
    with open(tmp_path / "key.csv", newline="", encoding="utf-8") as fh:
        cells = [c for row in csv.reader(fh) for c in row]
    assert "'" + pid in cells and pid not in cells, cells


# Old: a file that grew past the limit while it was read (its size taken within it: a program still writing it) was
# read cut at the limit, without a word.  /proc/self/status stands in for it: its size is 0, its bytes some hundreds.
def test_a_file_that_grows_past_the_limit_while_read_is_refused_not_cut(monkeypatch):
    from impact._io import read_text
    from impact.coding import coded_io
    from impact.errors import InputError

    status = "/proc/self/status"
    if not __import__("os").path.isfile(status):
        pytest.skip("no /proc file system")
    said = "grew while it was read (0 bytes when its size was taken, more than 100 read)"
    with pytest.raises(InputError, match=re.escape(f"{status}: {said}")):
        read_text(status, max_bytes=100)
    monkeypatch.setattr(coded_io, "MAX_CODED_BYTES", 100)
    with pytest.raises(InputError, match=re.escape(f"{status}: {said}")):
        coded_io.read_csv_cells(status)


# Old: a unit id of 300,000 characters was read, though no spreadsheet holds it, nor the review workbook made of the
# file (study tables refuse such a cell since round 27).
def test_a_coded_cell_longer_than_a_spreadsheet_holds_is_refused_on_its_row(reviewed, tmp_path):  # noqa: F811
    from impact.coding.coded_io import read_coded
    from impact.errors import InputError

    lines = (reviewed / "coded.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    unit = lines[3].split(",")[0]
    lines[3] = lines[3].replace(unit, "U" * 40_000, 1)
    path = tmp_path / "coded.csv"
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(InputError, match=re.escape(f"{path}:4:unit: 'UUUUUUUUUUUUUUUUUUUU'... - expected a cell of at "
                                                   "most 32,767 characters, as a spreadsheet holds (this one has "
                                                   "40,000)")):
        read_coded(path)


def _png(data: bytes) -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)) + chunk(
        b"IDAT", zlib.compress(b"\x00\x00")) + chunk(b"IEND", b"")


def _as_parquet(data: bytes) -> bytes:
    import io

    import pandas as pd

    buffer = io.BytesIO()
    pd.read_csv(io.BytesIO(data), dtype=str).to_parquet(buffer)
    return buffer.getvalue()


#: A table sent compressed, or saved as another kind of file, then named .csv: (make, what it is said to be).
_PACKED = {
    "gzip": (lambda d: __import__("gzip").compress(d, mtime=0), "a gzip-compressed file (decompress it first"),
    "bzip2": (lambda d: __import__("bz2").compress(d), "a bzip2-compressed file (decompress it first"),
    "xz": (lambda d: __import__("lzma").compress(d), "an xz-compressed file (decompress it first"),
    "parquet": (_as_parquet, "a Parquet file (a table stored in columns"),
    "png": (_png, "a PNG image (a picture of a table or text"),
}


# Old: "contains NUL bytes at byte 3 (line 1, character 4) - expected a text file" (a study table) and "a binary
# file, not CSV text (a NUL byte at byte 3)" (a coded CSV): not saying the file is compressed, or a Parquet file.
@pytest.mark.parametrize("packed", list(_PACKED))
def test_a_compressed_or_other_binary_table_named_csv_says_what_it_is(study_dir, reviewed, tmp_path, packed):  # noqa: F811
    from impact.coding.coded_io import read_coded
    from impact.errors import InputError

    make, said = _PACKED[packed]
    table = study_dir / "councils.csv"
    table.write_bytes(make(table.read_bytes()))
    told = [p for p in _study_problems(study_dir) if p[0] == "councils.csv"]
    assert len(told) == 1 and said in told[0][3], told
    coded = tmp_path / "coded.csv"
    coded.write_bytes(make((reviewed / "coded.csv").read_bytes()))
    with pytest.raises(InputError, match=re.escape(f"{coded}: {said}")):
        read_coded(coded)


def test_guard_text_that_starts_like_a_signature_is_still_text(tmp_path):
    from impact._io import decode_text

    for text in ("BZh is a word\n", "PAR1,PAR2\n1,2\n", "SQLite format\n"):
        assert decode_text(text.encode())[0] == text


# Old: "a path inside transcripts/ (no '..', no absolute path)", not saying which part of a path from a drive names the
# transcript, as a spreadsheet of full paths gives them.
@pytest.mark.parametrize("written", ["C:\\Users\\ann\\study\\transcripts\\{rel}", "C:/Users/ann/{rel}",
                                     "/home/ann/study/transcripts/{rel}"], ids=["windows", "windows-slashes", "posix"])
def test_a_transcript_given_as_a_full_path_says_what_to_write(study_dir, written):
    import csv

    with open(study_dir / "interviews.csv", newline="", encoding="utf-8") as fh:
        rel = next(csv.DictReader(fh))["transcript"]
    path = written.format(rel=rel.replace("/", "\\") if "\\" in written else rel)
    _replace(study_dir, "interviews.csv", f",{rel}".encode(), f",{path}".encode())
    told = [p for p in _study_problems(study_dir) if p[2] == "transcript"]
    assert [(f, row) for f, row, _, _ in told] == [("interviews.csv", 2)], told
    assert told[0][3] == f"a path inside transcripts/ (no '..', no absolute path: write it from inside transcripts/, {rel})"

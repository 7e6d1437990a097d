"""Hostile inputs, round 33 (helper-inputs33).

Each test is a hostile input the old code got wrong; what it did is said beside the test.  The large table of this
round (1.25 million rows) is measured by ``python -m bench.large_table`` and ``make bench``, never timed here.
"""

from __future__ import annotations

import warnings

import pytest

from impact.errors import InputError

from .test_inputs_round6 import _all_problems
from .test_inputs_round31 import _review_book
from .test_inputs_round32 import _rezip
from .test_study_inputs import _docx

_RUN = '<w:r><w:t xml:space="preserve">{}</w:t></w:r>'
_HIDDEN = '<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r>'


def ole2(names: list[str]) -> bytes:
    """A minimal OLE2 compound file ([MS-CFB]): a 512-byte header, one FAT sector (sector 0) and one directory sector
    (sector 1) holding the root entry and a stream of each of ``names`` (no stream data: the directory is what tells
    an old .xls from an encrypted .xlsx)."""
    header = bytearray(512)
    header[:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    header[24:34] = bytes.fromhex("3E00 0300 FEFF 0900 0600")  # minor, major version 3, byte order, 512-byte sectors
    header[44:52] = (1).to_bytes(4, "little") + (1).to_bytes(4, "little")  # one FAT sector; directory at sector 1
    header[60:64] = (0xFFFFFFFE).to_bytes(4, "little")
    header[76:512] = (0).to_bytes(4, "little") + b"\xff" * (512 - 80)  # the FAT is sector 0; no other
    fat = bytearray(b"\xff" * 512)
    fat[:8] = (0xFFFFFFFD).to_bytes(4, "little") + (0xFFFFFFFE).to_bytes(4, "little")  # FAT sector; end of directory
    directory = bytearray(512)
    for k, (name, kind) in enumerate([("Root Entry", 5)] + [(n, 2) for n in names]):
        encoded = name.encode("utf-16-le") + b"\0\0"
        directory[128 * k: 128 * k + len(encoded)] = encoded
        directory[128 * k + 64: 128 * k + 67] = len(encoded).to_bytes(2, "little") + bytes([kind])
    return bytes(header + fat + directory)


_XLS = ["Workbook", "\x05SummaryInformation"]
_EXCEL5 = ["Book"]
_ENCRYPTED = ["EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"]
_DOC = ["WordDocument", "1Table"]

_SAID_XLS = "it is an old Excel workbook (.xls, Excel 97-2003): open it in Excel and save it as Excel Workbook (.xlsx)"
_SAID_ENCRYPTED = ("it is a workbook or document saved with a password (encrypted: Office keeps the .xlsx or .docx "
                   "inside an OLE2 file)")


# --------------------------------------------------------------------------- 1. an .xls, or an .xlsx with a password


@pytest.mark.parametrize(("streams", "expected"), [
    (_XLS, _SAID_XLS),
    (_EXCEL5, _SAID_XLS),
    (_ENCRYPTED, _SAID_ENCRYPTED),
    (["PowerPoint Document"], "it is an old PowerPoint presentation (.ppt), not a workbook or document"),
], ids=["xls", "excel5-book", "password-xlsx", "ppt"])
def test_a_review_workbook_in_an_ole2_file_says_which_kind(tmp_path, streams, expected):
    # On the old code one message for all four: "an old-style Office file (.xls or .doc) or one saved with a password
    # (encrypted)", though the file's directory tells which (an .xls holds a Workbook stream, Excel 5 a Book, an
    # encrypted .xlsx an EncryptionInfo and an EncryptedPackage).
    from impact.review import import_review

    path = _review_book(tmp_path)
    path.write_bytes(ole2(streams))
    with pytest.raises(InputError) as info:
        import_review(path)
    assert str(info.value).startswith(f"{path}: not a readable .xlsx workbook (not a readable zip archive) "
                                      f"({expected}")
    assert "or one saved with a password" not in str(info.value)


def test_an_ole2_file_whose_directory_names_no_office_stream_says_so(tmp_path):
    # On the old code the same message, without saying the file's directory was read and what it names.
    from impact.review import import_review

    path = _review_book(tmp_path)
    path.write_bytes(ole2(["Contents"]))
    with pytest.raises(InputError, match=r"\(it is an old-style Office file \(.xls or .doc\) or one saved with a "
                                         r"password \(encrypted\), which its directory does not tell \(it names "
                                         r"Contents\)"):
        import_review(path)


@pytest.mark.parametrize(("streams", "expected"), [
    (_DOC, "it is an old Word document (.doc, Word 97-2003): open it in Word and save it as Word Document (.docx)"),
    (_ENCRYPTED, _SAID_ENCRYPTED),
], ids=["doc", "password-docx"])
def test_a_word_transcript_in_an_ole2_file_says_which_kind(tmp_path, streams, expected):
    # On the old code "an old-style Office file (.xls or .doc) or one saved with a password (encrypted)" for both.
    from impact.study import read_transcript

    f = tmp_path / "t.docx"
    f.write_bytes(ole2(streams))
    with pytest.raises(InputError) as info:
        read_transcript(f)
    assert f"(not a readable zip archive) ({expected}" in str(info.value)


def test_an_xls_saved_under_a_table_s_name_says_it_is_an_xls(study_dir):
    # On the old code "an old-style Office file (.xls or .doc) or one saved with a password" for a survey table that
    # is an Excel 97-2003 workbook renamed .csv.
    (study_dir / "survey_responses.csv").write_bytes(ole2(_XLS))
    assert ("survey_responses.csv: expected a readable CSV file (an old Excel workbook (.xls, Excel 97-2003): open "
            "it in Excel and save it as Excel Workbook (.xlsx), not text") in _all_problems(study_dir)[0]


# --------------------------------------------------------------------------- 2. a QDA project saved as UTF-16, or cut


def _project(tmp_path):
    from impact.qdpx import write_qdpx
    from tests.test_qdpx import _small_project

    return write_qdpx(_small_project(), tmp_path / "s.qdpx")


def _qde(change):
    return lambda name, data: change(data) if name.endswith(".qde") else data


@pytest.mark.parametrize(("change", "expected"), [
    (lambda b: b.decode().encode("utf-16"),
     "(the file is saved as little-endian UTF-16, beginning with its byte-order mark, but its XML declaration says "
     "encoding='utf-8' - expected the two to agree: save it again as UTF-8)"),
    (lambda b: b.decode().encode("utf-16-le"),
     "(the file is saved as little-endian UTF-16 without the byte-order mark that tells a reader so - expected XML "
     "in UTF-8, or UTF-16 beginning with its byte-order mark: save it again as UTF-8)"),
    (lambda b: b.decode().encode("utf-16-be"), "(the file is saved as big-endian UTF-16 without the byte-order mark"),
    (lambda b: b.decode().encode("utf-32"), "(the file is saved as UTF-32 (it begins with a UTF-32 byte-order mark)"),
    (lambda b: b.replace(b"utf-8", b"UTF-16", 1).replace(b"UTF-8", b"UTF-16", 1),
     "(the file's XML declaration says encoding='utf-16', but it is saved as 8-bit text (UTF-8?), not UTF-16"),
], ids=["utf16-bom-utf8-declared", "utf16le-no-bom", "utf16be-no-bom", "utf32", "utf16-declared-utf8-saved"])
def test_a_qda_project_in_another_encoding_says_which(tmp_path, change, expected):
    # On the old code only "not well-formed XML at line 1, column 32", nothing of the encoding.
    from impact.qdpx import read_qdpx

    path = _project(tmp_path)
    _rezip(path, _qde(change))
    with pytest.raises(InputError) as info:
        read_qdpx(path)
    assert str(info.value).startswith("s.qdpx:project.qde: not well-formed XML at line 1, column ")
    assert expected in str(info.value)


def test_guard_a_qda_project_in_utf16_as_it_declares_is_read(tmp_path):
    from impact.qdpx import read_qdpx

    path = _project(tmp_path)
    before = read_qdpx(path).sources["text"].tolist()
    _rezip(path, _qde(lambda b: b.decode().replace("'utf-8'", "'UTF-16'").replace('"utf-8"', '"UTF-16"')
                      .replace("'UTF-8'", "'UTF-16'").replace('"UTF-8"', '"UTF-16"').encode("utf-16")))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert read_qdpx(path).sources["text"].tolist() == before


@pytest.mark.parametrize(("change", "expected"), [
    (lambda b: b[: len(b) // 2], "the file ends before its XML does: it was cut short after {n:,} bytes"),
    (lambda b: b[: b.rindex(b"</")], "the file ends before its XML does: it was cut short after {n:,} bytes"),
    (lambda b: b + b"\0" * 4096, "the file holds NUL bytes (zeros), which no XML text holds: padding left by an "
                                 "interrupted copy or a damaged disk?"),
    (lambda b: b + b"<Project/>", "the file goes on after its XML ends (its root element is closed and more follows"),
    (lambda b: b"", "the file is empty (0 bytes) - expected XML"),
], ids=["cut-in-half", "cut-before-last-end-tag", "nul-padding", "two-roots", "empty"])
def test_a_qda_project_cut_short_or_padded_says_so(tmp_path, change, expected):
    # On the old code "not well-formed XML at line 2, column 1" and nothing more: a file cut short read as a
    # malformed one.
    from impact.qdpx import read_qdpx

    path = _project(tmp_path)
    sizes = []
    _rezip(path, _qde(lambda b: sizes.append(len(change(b))) or change(b)))
    with pytest.raises(InputError) as info:
        read_qdpx(path)
    assert str(info.value).startswith("s.qdpx:project.qde: not well-formed XML at line ")
    assert expected.format(n=sizes[0]) in str(info.value)


def test_a_word_transcript_whose_document_is_cut_short_says_so(tmp_path):
    # On the old code "not well-formed XML at line 1, column ..." of word/document.xml, nothing of why.
    from impact.study import read_transcript

    f = tmp_path / "t.docx"
    _docx(f, "<w:p>" + _RUN.format("Respondent: we met weekly.") * 40 + "</w:p>")
    _rezip(f, lambda name, data: data[: len(data) - 200] if name == "word/document.xml" else data)
    with pytest.raises(InputError, match=r"word/document.xml: not well-formed XML at line 1, column \d+ \(the file "
                                         r"ends before its XML does: it was cut short after"):
        read_transcript(f)


# --------------------------------------------------------------------------- 3. hidden Word text counted in one pass

def _text_box(body: str) -> str:
    """A run holding a text box as Word writes it: a drawing, and a VML copy of it for older readers (not read)."""
    box = f"<w:txbxContent><w:p>{body}</w:p></w:txbxContent>"
    return ('<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
            f'<mc:Choice Requires="wps"><w:drawing>{box}</w:drawing></mc:Choice>'
            f"<mc:Fallback><w:pict>{box}</w:pict></mc:Fallback></mc:AlternateContent></w:r>")


def test_hidden_words_in_a_text_box_are_counted_once(tmp_path):
    # On the old code counted in a second pass over every run of the document, the VML copy of a text box (which
    # Word writes beside the drawing, and which is not read) too: "6 words formatted as hidden text" for 4.
    from impact.study import TranscriptNotesWarning, read_transcript

    f = tmp_path / "t.docx"
    _docx(f, "<w:p>" + _RUN.format("Respondent: we met.") + _HIDDEN.format("Jane Smith") + "</w:p>"
          + "<w:p>" + _RUN.format("Interviewer: and then?")
          + _text_box(_RUN.format("Note") + _HIDDEN.format("Tom Jones")) + "</w:p>")
    with pytest.warns(TranscriptNotesWarning) as told:
        text = read_transcript(f)
    assert text == "Respondent: we met.\nInterviewer: and then?\nNote"
    assert [str(w.message).split(" formatted")[0] for w in told] == [f"{f}: 4 words"]


# --------------------------------------------------------------------------- 4. the id check, all ids at once

_PLANTED = {  # id -> what the check finds in it (None: a pseudonymous code)
    "P0201-01": None, "S0201-0000123": None, "I0001_w1": None, "P01-02_07700900123": "a phone number",
    "jane.smith@leeds.gov.uk_w1": "an e-mail address", "resp_020 7946 0018": "a phone number",
    "P1_943 476 5919": "an NHS number", "AB123456C_w2": "a National Insurance number",
    "obrien_w1": "a participant's name", "willwork_early": "a participant's name", "P0351-02": None,
    "2019-2020_w1": None, "T\u00e9l_07700900123": "a phone number", "P01\n07700900123": "a phone number",
}


def test_a_hidden_run_holding_a_text_box_counts_the_box_s_words_once(tmp_path):
    # On the old code the words of the box's copy for older readers were counted too ("6 words" for 4).
    from impact.study import TranscriptNotesWarning, read_transcript

    f = tmp_path / "t.docx"
    box = _text_box(_RUN.format("Tom Jones")).replace("<w:r>", "<w:r><w:rPr><w:vanish/></w:rPr>", 1)
    _docx(f, "<w:p>" + _RUN.format("Respondent: we met.") + _HIDDEN.format("Jane Smith") + box + "</w:p>")
    with pytest.warns(TranscriptNotesWarning) as told:
        assert read_transcript(f) == "Respondent: we met."
    assert [str(w.message).split(" formatted")[0] for w in told] == [f"{f}: 4 words"]


def test_ids_checked_all_at_once_find_what_each_holds():
    # On the old code the checker had no way to take many ids at once: each id's pieces went through the detectors
    # one call at a time (0.2 ms each; 60% of validating a table of 1.25 million rows, round 32).  Checked against
    # the planted truth and against the one-by-one check.
    from impact.privacy._redact import id_checker

    check = id_checker(["Angela O'Brien", "Will Work"])
    many = check.many([*_PLANTED, *_PLANTED])  # each id twice: checked once
    assert many == _PLANTED
    assert many == {label: check(label) for label in _PLANTED}


def test_a_large_table_s_repeated_cells_are_one_string_each(tmp_path):
    # On the old code every cell of every row was a string of its own: a million rows of a few councils and waves
    # held millions of copies (a 50 MB table took 1.56 GB as read; 0.67 GB now, bench.large_table).
    from impact._io import read_csv_strict

    f = tmp_path / "t.csv"
    f.write_text("council_id,wave\n" + "".join(f"{201 + k % 2},early \n" for k in range(50)), encoding="utf-8")
    _, records, _ = read_csv_strict(f)
    assert [rec["council_id"] for _, rec in records] == ["201", "202"] * 25
    assert len({id(rec["council_id"]) for _, rec in records}) == 2
    assert len({id(rec["wave"]) for _, rec in records}) == 1
    assert records[0][1].given == {"wave": "early "}  # the cell as written is kept, where spaces were taken off

"""Tests of the guarded zip reader (impact._archive): docx text, workbook checks, every refusal."""

from __future__ import annotations

import io
import random
import stat
import struct
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from impact._archive import (
    ARCHIVE_LIMITS,
    XLSX_LIMITS,
    DocxTextWarning,
    load_workbook,
    open_archive,
    read_docx_text,
    safe_zip,
)
from impact.errors import InputError

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


# --------------------------------------------------------------------------- a zip writer that can lie


def raw_zip(path: Path, members: list[dict]) -> Path:
    """Write a zip archive member by member, with every header field under the caller's control.

    Each member: ``name``, ``data`` (uncompressed) or ``raw`` (the bytes stored), ``method``
    (0 or 8), and optional overrides ``crc``, ``file_size``, ``compress_size``, ``flags``,
    ``mode`` (Unix mode bits) and ``local_name`` (the name in the local header).
    """
    out = io.BytesIO()
    central = []
    for m in members:
        data = m.get("data", b"")
        method = m.get("method", 8)
        raw = m["raw"] if "raw" in m else (data if method == 0 else _deflate(data))
        crc = m.get("crc", zlib.crc32(data))
        size = m.get("file_size", len(data))
        csize = m.get("compress_size", len(raw))
        flags = m.get("flags", 0x800)
        name = m["name"].encode()
        local = m.get("local_name", m["name"]).encode()
        offset = out.tell()
        out.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, flags, method, 0, 0x21, crc, csize, size, len(local), 0))
        out.write(local + raw)
        attr = (m.get("mode", stat.S_IFREG | 0o644)) << 16
        central.append(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 0x0314, 20, flags, method, 0, 0x21, crc, csize, size, len(name), 0, 0, 0, 0, attr, offset) + name)
    start = out.tell()
    for c in central:
        out.write(c)
    end = out.tell()
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(central), len(central), end - start, start, 0))
    path.write_bytes(out.getvalue())
    return path


def _deflate(data: bytes) -> bytes:
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def test_raw_zip_writer_makes_archives_zipfile_reads(tmp_path):
    f = raw_zip(tmp_path / "a.zip", [{"name": "a.txt", "data": b"hello" * 100}, {"name": "b.txt", "data": b"x", "method": 0}])
    with zipfile.ZipFile(f) as z:
        assert z.read("a.txt") == b"hello" * 100 and z.read("b.txt") == b"x"
        assert z.testzip() is None


# --------------------------------------------------------------------------- reading what is honest


def test_reads_stored_and_deflated_members_and_counts_bytes(tmp_path):
    text = ("Morale is up. " * 5000).encode()
    f = raw_zip(tmp_path / "a.zip", [{"name": "Sources/a.txt", "data": text}, {"name": "b.bin", "data": bytes(range(256)), "method": 0}])
    with open_archive(f) as gz:
        assert gz.namelist() == ["Sources/a.txt", "b.bin"]
        assert gz.find("sources/A.TXT") == "Sources/a.txt"
        assert gz.read("Sources/a.txt") == text
        assert gz.read("b.bin") == bytes(range(256))
        assert gz.expanded == len(text) + 256


def test_safe_zip_is_the_guarded_reader(tmp_path):
    from impact._io import safe_zip as io_safe_zip

    f = raw_zip(tmp_path / "a.zip", [{"name": "a.txt", "data": b"abc"}])
    with io_safe_zip(f, label="a.zip") as gz, safe_zip(f) as gz2:
        assert gz.read("a.txt") == gz2.read("a.txt") == b"abc"


# --------------------------------------------------------------------------- refusals at the door


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("../evil.txt", "points outside the archive ('..')"),
        ("a/../../evil.txt", "points outside the archive ('..')"),
        ("/etc/passwd", "points outside the archive (absolute path)"),
        ("C:/Windows/evil.txt", "points outside the archive (absolute path)"),
        ("..\\evil.txt", "points outside the archive ('..')"),
    ],
)
def test_refuses_names_outside_the_archive(tmp_path, name, message):
    f = raw_zip(tmp_path / "a.zip", [{"name": "ok.txt", "data": b"x"}, {"name": name, "data": b"x"}])
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")), open_archive(f):
        pass


def test_lists_every_unsafe_entry_in_one_message(tmp_path):
    f = raw_zip(
        tmp_path / "a.zip",
        [
            {"name": "link", "data": b"/etc/passwd", "mode": stat.S_IFLNK | 0o777},
            {"name": "../x", "data": b"x"},
            {"name": "Sources/a.txt", "data": b"x"},
            {"name": "sources/A.txt", "data": b"y"},
            {"name": "bomb", "data": b"\0" * (4 * 1024 * 1024)},
        ],
    )
    with pytest.raises(InputError) as err, open_archive(f, label="a.zip"):
        pass
    text = str(err.value)
    assert text.startswith("a.zip: unsafe archive - ")
    assert "entry 'link' is a symbolic link" in text
    assert "entry '../x' points outside the archive" in text
    assert "entry 'sources/A.txt' is in the archive twice (as 'Sources/a.txt')" in text
    assert "entry 'bomb' declares that it expands 1,0" in text and "zip bomb" in text


def test_refuses_too_many_entries(tmp_path):
    f = raw_zip(tmp_path / "a.zip", [{"name": f"{i}.txt", "data": b"x"} for i in range(5)])
    with pytest.raises(InputError, match=r"5 entries \(at most 4 allowed\)"), open_archive(f, limits={"max_entries": 4}):
        pass


def test_not_a_zip_and_unknown_limits(tmp_path):
    f = tmp_path / "a.docx"
    f.write_text("this is not a zip")
    with pytest.raises(InputError, match="not a readable .docx file .not a readable zip archive"):
        read_docx_text(f)
    with pytest.raises(InputError, match="file not found"):
        read_docx_text(tmp_path / "missing.docx")
    g = raw_zip(tmp_path / "a.zip", [{"name": "a", "data": b"x"}])
    with pytest.raises(TypeError, match="unknown limit"), open_archive(g, limits={"max_size": 1}):
        pass


# --------------------------------------------------------------------------- refusals while streaming


def _read_all(f: Path, name: str, **kw) -> bytes:
    with open_archive(f, label=f.name, **kw) as gz:
        return gz.read(name)


def test_member_declared_small_that_streams_large(tmp_path):
    big = b"\0" * (8 * 1024 * 1024)
    # The directory declares 1,000 bytes (and a matching ratio); the stream holds 8 MiB.
    f = raw_zip(tmp_path / "a.zip", [{"name": "a.txt", "data": big, "file_size": 1000}])
    with pytest.raises(InputError, match=r"member 'a.txt' streams more than the 1,000 bytes it declares \(a zip bomb\?\)"):
        _read_all(f, "a.txt")


def test_ratio_is_measured_on_the_bytes_consumed_not_the_declared_size(tmp_path):
    # 64 MiB of zeros deflate to ~64 KB; 2 MB of junk after the stream makes the declared
    # compressed size large, so the declared ratio (~32) passes the door.  Streaming sees ~1000.
    raw = _deflate(b"\0" * (64 * 1024 * 1024)) + bytes(2 * 1024 * 1024)
    f = raw_zip(tmp_path / "a.zip", [{"name": "a.txt", "raw": raw, "data": b"", "crc": 0, "file_size": 64 * 1024 * 1024}])
    with open_archive(f) as gz:
        info = gz.info("a.txt")
        assert info.file_size / info.compress_size < ARCHIVE_LIMITS["max_ratio"]
    with pytest.raises(InputError, match=r"member 'a.txt' expands [0-9,]+-fold \(at most 100 allowed; a zip bomb\?\)"):
        _read_all(f, "a.txt")


def test_member_and_total_caps(tmp_path):
    data = bytes(range(256)) * 4096  # 1 MiB, stored
    f = raw_zip(tmp_path / "a.zip", [{"name": n, "data": data, "method": 0} for n in ("a", "b", "c")])
    with pytest.raises(InputError, match=r"member 'a' declares 1,048,576 bytes uncompressed \(at most 1,000 allowed\)"):
        _read_all(f, "a", limits={"max_member_bytes": 1000})
    with open_archive(f, limits={"max_total_bytes": 2_500_000}) as gz:
        gz.read("a")
        gz.read("b")
        with pytest.raises(InputError, match=r"member 'c' takes the archive beyond 2,500,000 bytes uncompressed in total"):
            gz.read("c")
    with pytest.raises(InputError, match=r"declares 1,048,576 bytes uncompressed \(at most 100,000 allowed\)"), open_archive(f) as gz:
        gz.read("a", max_bytes=100_000)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"crc": 12345}, "checksum does not match"),
        ({"file_size": 2_000_000}, "declares 2,000,000 bytes, holds 1,000,000"),
        ({"flags": 0x801}, "is encrypted"),
        ({"method": 12, "raw": b"BZh9"}, "compression method 12"),
        ({"local_name": "other.txt"}, "is called 'other.txt' in its local header"),
    ],
)
def test_damaged_or_disguised_members(tmp_path, change, message):
    member = {"name": "a.txt", "data": random.Random(0).randbytes(1_000_000), **change}
    f = raw_zip(tmp_path / "a.zip", [member])
    with pytest.raises(InputError, match=message):
        _read_all(f, "a.txt")


def test_truncated_member(tmp_path):
    raw = _deflate(bytes(range(256)) * 100)
    f = raw_zip(tmp_path / "a.zip", [{"name": "a.txt", "raw": raw[: len(raw) // 2], "data": bytes(range(256)) * 100}])
    with pytest.raises(InputError, match="truncated"):
        _read_all(f, "a.txt")


# --------------------------------------------------------------------------- .docx text


def _docx_with_everything(path: Path) -> Path:
    """A document exercising what python-docx turns into paragraph text."""
    d = docx.Document()
    d.add_paragraph("Plain first paragraph with émigré and 😀 emoji.")
    p = d.add_paragraph("Tab\there, ")
    p.add_run("bold").bold = True
    run = p.add_run("line")
    run.add_break()  # a text-wrapping break: "\n"
    run.add_text("after the break")
    d.add_paragraph("")
    page = d.add_paragraph("before page break")
    page.add_run().add_break(docx.enum.text.WD_BREAK.PAGE)  # a page break: no text
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "table text is not a body paragraph"
    d.add_paragraph("  spaces kept  ")
    body = d.element.body
    from docx.oxml import parse_xml

    raw = (
        f'<w:p xmlns:w="{W_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<w:r><w:t xml:space="preserve">x</w:t><w:noBreakHyphen/><w:t>y</w:t><w:cr/><w:ptab w:relativeTo="margin" w:alignment="left" w:leader="none"/>'
        '<w:t>z</w:t></w:r><w:hyperlink r:id="rId99"><w:r><w:t>linked</w:t></w:r></w:hyperlink>'
        '<w:ins w:id="1" w:author="a" w:date="2020-01-01T00:00:00Z"><w:r><w:t>inserted (not in paragraph text)</w:t></w:r></w:ins></w:p>'
    )
    body.insert(len(body) - 1, parse_xml(raw))
    d.save(path)
    return path


def _python_docx_text(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def test_docx_text_is_what_python_docx_reads(tmp_path):
    f = _docx_with_everything(tmp_path / "t.docx")
    expected = _python_docx_text(f)
    assert "x-y\n\tz" in expected and "linked" in expected and "table text" not in expected  # the cases are there
    # the table's and the tracked insertion's text are not paragraph text: said, not dropped silently
    skipped = len("table text is not a body paragraph") + len("inserted (not in paragraph text)")
    with pytest.warns(DocxTextWarning, match=f"{skipped} characters of text outside the body's paragraphs"):
        assert read_docx_text(f) == expected


_para = st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from(["\t", "😀", "ő", " "]), max_size=40)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture], derandomize=True)
@given(paragraphs=st.lists(_para, min_size=1, max_size=6))
def test_docx_text_matches_python_docx_on_generated_documents(tmp_path, paragraphs):
    d = docx.Document()
    for text in paragraphs:
        d.add_paragraph(text)
    f = tmp_path / "g.docx"
    d.save(f)
    assert read_docx_text(f) == _python_docx_text(f)


def test_docx_text_from_real_nvivo_sources(shared_data, tmp_path):
    """The .docx sources NVivo 12 packed into a real project hold their text in a table.

    python-docx's body paragraphs (the transcript text) are empty; the table's text is
    not read, and the warning gives its size, counted independently here with lxml.
    """
    from lxml import etree

    with zipfile.ZipFile(shared_data / "qdpx" / "nvivo12_two_coders_hu.qdpx") as z:
        names = [n for n in z.namelist() if n.endswith(".docx")]
        assert len(names) == 2
        for n in names[:1]:
            f = tmp_path / Path(n).name
            f.write_bytes(z.read(n))
            root = etree.fromstring(zipfile.ZipFile(f).read("word/document.xml"), etree.XMLParser(huge_tree=True))
            in_tables = sum(len(t.text or "") for t in root.iter(f"{{{W_NS}}}t"))
            assert in_tables > 500_000
            with pytest.warns(DocxTextWarning, match=f"{in_tables:,} characters of text outside"):
                text = read_docx_text(f)
            assert text == _python_docx_text(f) == ""


def test_docx_text_over_the_transcript_limit_is_refused(tmp_path):
    d = docx.Document()
    d.add_paragraph("a" * 600)
    d.add_paragraph("b" * 600)
    f = tmp_path / "t.docx"
    d.save(f)
    assert len(read_docx_text(f, max_text_bytes=1201)) == 1201
    with pytest.raises(InputError, match=r"the document's text exceeds 1,200 bytes .*the limit for .txt transcripts"):
        read_docx_text(f, max_text_bytes=1200)


def test_docx_follows_the_package_relationship_to_its_main_part(tmp_path):
    rels = (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="word/main.xml"/></Relationships>'
    )
    body = f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>main part</w:t></w:r></w:p></w:body></w:document>'
    f = raw_zip(tmp_path / "t.docx", [{"name": "_rels/.rels", "data": rels.encode()}, {"name": "word/main.xml", "data": body.encode()}])
    assert read_docx_text(f) == "main part"
    g = raw_zip(tmp_path / "u.docx", [{"name": "other.xml", "data": b"<a/>"}])
    with pytest.raises(InputError, match="no main document part"):
        read_docx_text(g)


def test_docx_xml_bombs_are_refused(tmp_path):
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>'
    )
    f = raw_zip(tmp_path / "t.docx", [{"name": "word/document.xml", "data": bomb.encode()}])
    with pytest.raises(InputError, match="document type declaration"):
        read_docx_text(f)
    many = f'<w:document xmlns:w="{W_NS}"><w:body>' + "<x/>" * 5000 + "</w:body></w:document>"
    g = raw_zip(tmp_path / "u.docx", [{"name": "word/document.xml", "data": many.encode()}])
    with pytest.raises(InputError, match=r"more than 1,000 XML elements \(an XML bomb\?\)"):
        read_docx_text(g, limits={"max_xml_elements": 1000})


# --------------------------------------------------------------------------- .xlsx


def _workbook(path: Path, sheet_xml: str | None = None, *, extra: dict[str, bytes] | None = None) -> Path:
    """A real workbook from openpyxl, optionally with its first sheet's XML replaced."""
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["row_id", "decision"])
    wb.active.append(["1", "accept"])
    buf = io.BytesIO()
    wb.save(buf)
    src = zipfile.ZipFile(buf)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info)
            if sheet_xml is not None and info.filename == "xl/worksheets/sheet1.xml":
                data = sheet_xml.encode()
            out.writestr(info.filename, data)
        for name, data in (extra or {}).items():
            out.writestr(name, data)
    return path


_SHEET = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{dim}<sheetData>{rows}</sheetData>{tail}</worksheet>'


def test_honest_workbook_loads(tmp_path):
    wb = load_workbook(_workbook(tmp_path / "ok.xlsx"), data_only=False)
    assert [c.value for c in wb.active[2]] == ["1", "accept"]


@pytest.mark.parametrize(
    ("sheet", "message"),
    [
        (_SHEET.format(dim='<dimension ref="A1:XFD1048576"/>', rows="", tail=""), "<dimension ref> 'A1:XFD1048576' reaches row 1,048,576, column XFD"),
        (_SHEET.format(dim="", rows='<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>', tail=""), "row 1048576 reaches row 1,048,576"),
        (_SHEET.format(dim="", rows='<row r="2"><c r="XFD2"><v>1</v></c></row>', tail=""), "cell XFD2 reaches row 2, column XFD"),
        (_SHEET.format(dim="", rows='<row r="1"><c r="A1"><v>1</v></c></row>', tail='<mergeCells count="1"><mergeCell ref="A1:CV10001"/></mergeCells>'), "<mergeCell ref> 'A1:CV10001' reaches row 10,001, column CV"),
        (_SHEET.format(dim="", rows="", tail='<hyperlinks><hyperlink ref="B:B" display="x"/></hyperlinks>'), "<hyperlink ref> 'B:B' reaches row 1,048,576"),
        (_SHEET.format(dim="", rows="<row>" + "<c><v>1</v></c>" * 300 + "</row>", tail=""), "cell IW1 reaches row 1, column IW (257)"),
    ],
    ids=["dimension", "last-cell", "last-column", "merged-range", "whole-column-link", "cells-without-refs"],
)
def test_workbook_reach_is_capped_before_loading(tmp_path, sheet, message):
    f = _workbook(tmp_path / "bad.xlsx", sheet)
    with pytest.raises(InputError) as err:
        load_workbook(f, label="bad.xlsx")
    text = str(err.value)
    assert text.startswith("bad.xlsx (sheet 'Sheet'): ")  # the sheet named as its tab shows it (round 8)
    assert message in text
    assert f"expected at most {XLSX_LIMITS['max_rows']:,} rows" in text


def test_workbook_cell_count_is_capped(tmp_path):
    # the same cell written 200 times: a small extent, but 200 cells for the reader to build
    rows = '<row r="1">' + '<c r="A1"><v>1</v></c>' * 200 + "</row>"
    f = _workbook(tmp_path / "many.xlsx", _SHEET.format(dim="", rows=rows, tail=""))
    assert load_workbook(f).active.max_row == 1
    with pytest.raises(InputError, match="more than 150 cells"):
        load_workbook(f, sheet_limits={"max_cells": 150})
    grid = "".join(f'<row r="{i}"><c r="A{i}"><v>1</v></c><c r="B{i}"><v>2</v></c></row>' for i in range(1, 101))
    g = _workbook(tmp_path / "grid.xlsx", _SHEET.format(dim="", rows=grid, tail=""))
    with pytest.raises(InputError, match="a full read would make 152 cells"):
        load_workbook(g, sheet_limits={"max_cells": 150})


def test_workbook_members_are_all_streamed(tmp_path):
    f = _workbook(tmp_path / "b.xlsx", extra={"xl/media/bomb.bin": b"\0" * (2 * 1024 * 1024)})
    with pytest.raises(InputError, match="zip bomb"):
        load_workbook(f)
    g = _workbook(tmp_path / "c.xlsx", extra={"../../evil.txt": b"x"})
    with pytest.raises(InputError, match="points outside the archive"):
        load_workbook(g)
    h = tmp_path / "d.xlsx"
    h.write_bytes(b"PK not really")
    with pytest.raises(InputError, match=r"not a readable .xlsx workbook \(not a readable zip archive"):
        load_workbook(h)

"""Hostile archives (issue 17 item 4): every zip-based input refused with exit 2 and one clear message.

Each case is built here, small and fast, and given to the real command line
in a subprocess: ``impact validate`` and ``impact run`` (a ``.docx``
transcript), ``impact review import`` (an ``.xlsx``), ``impact import-qdpx``
(a ``.qdpx``).  The bombs stream hundreds of megabytes from a few: deflate
blocks ended by a full flush compress the same way wherever they stand, so one
compressed block repeated N times is a valid stream of N copies.

Run this file as a script to measure each refusal's wall time and peak memory:
``python tests/hostile/test_archives.py``.
"""

from __future__ import annotations

import random
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

MiB = 1024 * 1024
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


# --------------------------------------------------------------------------- building bombs


def _deflate_parts(parts: list[tuple[bytes, int]]) -> tuple[bytes, int, int]:
    """Raw deflate of ``chunk * n`` for each part, each distinct chunk compressed once; (data, crc, size)."""
    out, crc, size = [], 0, 0
    for chunk, n in parts:
        c = zlib.compressobj(6, zlib.DEFLATED, -15)
        block = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
        out.append(block * n)
        for _ in range(n):
            crc = zlib.crc32(chunk, crc)
        size += len(chunk) * n
    out.append(zlib.compressobj(6, zlib.DEFLATED, -15).flush())  # an empty final block
    return b"".join(out), crc, size


def _zip(path: Path, members: list[dict]) -> Path:
    """A zip with members given as ``name`` and ``data`` or ``parts`` (see _deflate_parts); ``file_size`` may lie."""
    body, central = bytearray(), []
    for m in members:
        if "parts" in m:
            raw, crc, size = _deflate_parts(m["parts"])
        else:
            raw, crc, size = _deflate_parts([(m.get("data", b""), 1)])
        size = m.get("file_size", size)
        name = m["name"].encode()
        offset = len(body)
        body += struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0x800, 8, 0, 0x21, crc, len(raw), size, len(name), 0) + name + raw
        central.append(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 0x0314, 20, 0x800, 8, 0, 0x21, crc, len(raw), size, len(name), 0, 0, 0, 0, 0o100644 << 16, offset) + name)
    start = len(body)
    for c in central:
        body += c
    body += struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(central), len(central), len(body) - start, start, 0)
    path.write_bytes(bytes(body))
    return path


def _mixed(ratio: int) -> bytes:
    """1 MiB that deflates roughly ``ratio``-fold: random letters padded with zeros."""
    rnd = random.Random(ratio)
    head = bytes(rnd.choice(b"abcdefghijklmnopqrstuvwxyz") for _ in range(int(1.6 * MiB / ratio)))
    return head + b" " * (MiB - len(head))


def _document(body_parts: list[tuple[bytes, int]]) -> list[tuple[bytes, int]]:
    return [(f"<w:document {W}><w:body><w:p><w:r><w:t>".encode(), 1), *body_parts, (b"</w:t></w:r></w:p></w:body></w:document>", 1)]


# --------------------------------------------------------------------------- the cases

def docx_500mb_at_151_fold(path: Path) -> str:
    """The issue's 3.4 MB .docx that expands to 500 MB at 151-fold (under the old 200-fold check)."""
    _zip(path, [{"name": "word/document.xml", "parts": _document([(_mixed(151), 500)])}])
    return "zip bomb"


def docx_500mb_under_the_ratio(path: Path) -> str:
    """The same size at about 60-fold: the member cap refuses it."""
    _zip(path, [{"name": "word/document.xml", "parts": _document([(_mixed(60), 500)])}])
    return "uncompressed (at most 134,217,728 allowed)"


def docx_declared_small_streams_large(path: Path) -> str:
    """The directory says 2 KB; the stream holds 300 MB."""
    _zip(path, [{"name": "word/document.xml", "parts": _document([(b"\0" * MiB, 300)]), "file_size": 2048}])
    return "streams more than the 2,048 bytes it declares"


def docx_text_over_the_txt_limit(path: Path) -> str:
    """51 MiB of text in one paragraph: over the 50 MiB limit for .txt transcripts."""
    _zip(path, [{"name": "word/document.xml", "parts": _document([(_mixed(50), 51)])}])
    return "the document's text exceeds 52,428,800 bytes"


def docx_traversal(path: Path) -> str:
    _zip(path, [{"name": "word/document.xml", "data": f"<w:document {W}/>".encode()}, {"name": "../../evil.txt", "data": b"x"}])
    return "points outside the archive"


def xlsx_2gb_bomb(path: Path) -> str:
    """A workbook member declaring 2 GB of zeros."""
    _zip(path, [{"name": "[Content_Types].xml", "data": b"<Types/>"}, {"name": "xl/sharedStrings.xml", "parts": [(b"\0" * MiB, 2048)]}])
    return "zip bomb"


def xlsx_traversal(path: Path) -> str:
    _zip(path, [{"name": "[Content_Types].xml", "data": b"<Types/>"}, {"name": "../../outside.txt", "data": b"x"}])
    return "points outside the archive"


def xlsx_last_cell(path: Path) -> str:
    """A 1 KB workbook with one cell at XFD1048576 (16 billion cells for a full read)."""
    import io

    import openpyxl

    wb = openpyxl.Workbook()
    wb.active["A1"] = "row_id"
    buf = io.BytesIO()
    wb.save(buf)
    import zipfile

    src = zipfile.ZipFile(buf)
    sheet = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/>'
        '<sheetData><row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>'
    )
    members = [{"name": i.filename, "data": sheet.encode() if i.filename == "xl/worksheets/sheet1.xml" else src.read(i)} for i in src.infolist()]
    _zip(path, members)
    return "reaches row 1,048,576, column XFD"


def qdpx_coded_text_amplified(path: Path) -> str:
    """A 5 MB source (100 KB compressed) coded whole 45 times: 225 million characters of coded text."""
    text = _mixed(50) * 5
    sels = "".join(
        f'<PlainTextSelection guid="00000000-0000-4000-8001-{i:012x}" startPosition="0" endPosition="{len(text)}">'
        f'<Coding guid="00000000-0000-4000-8002-{i:012x}"><CodeRef targetGUID="00000000-0000-4000-8000-00000000000c"/></Coding></PlainTextSelection>'
        for i in range(45)
    )
    qde = (
        '<Project xmlns="urn:QDA-XML:project:1.0" name="p"><CodeBook><Codes><Code guid="00000000-0000-4000-8000-00000000000c" name="c" isCodable="true"/>'
        f'</Codes></CodeBook><Sources><TextSource guid="00000000-0000-4000-8000-000000000001" name="s" plainTextPath="internal://s.txt">{sels}</TextSource></Sources></Project>'
    )
    _zip(path, [{"name": "project.qde", "data": qde.encode()}, {"name": "sources/s.txt", "parts": [(_mixed(50), 5)]}])
    return "characters of coded text"


def qdpx_120mb_inline_text(path: Path) -> str:
    """Two sources with 60 MB of inline PlainTextContent each, in a project XML of 120 MB."""
    head = b'<Project xmlns="urn:QDA-XML:project:1.0" name="p"><Sources>'
    src = b'<TextSource guid="00000000-0000-4000-8000-00000000000%d" name="s%d"><PlainTextContent>'
    end = b"</PlainTextContent></TextSource>"
    parts = [(head, 1), (src % (1, 1), 1), (_mixed(50), 60), (end, 1), (src % (2, 2), 1), (_mixed(50), 60), (end, 1), (b"</Sources></Project>", 1)]
    _zip(path, [{"name": "project.qde", "parts": parts}])
    return "uncompressed (at most 67,108,864 allowed)"


def qdpx_source_over_the_limit(path: Path) -> str:
    """One source file of 60 MB: over the transcript limit."""
    qde = ('<Project xmlns="urn:QDA-XML:project:1.0" name="p"><Sources><TextSource guid="00000000-0000-4000-8000-000000000001" '
           'name="s" plainTextPath="internal://s.txt"/></Sources></Project>')
    _zip(path, [{"name": "project.qde", "data": qde.encode()}, {"name": "sources/s.txt", "parts": [(_mixed(50), 60)]}])
    return "over 52,428,800 bytes (the limit for a transcript)"


def qdpx_traversal(path: Path) -> str:
    _zip(path, [{"name": "project.qde", "data": b"<Project xmlns='urn:QDA-XML:project:1.0' name='p'/>"}, {"name": "/tmp/evil.txt", "data": b"x"}])
    return "points outside the archive"


def qdpx_entity_bomb(path: Path) -> str:
    xml = ('<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
           '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]><Project xmlns="urn:QDA-XML:project:1.0" name="&c;"/>')
    _zip(path, [{"name": "project.qde", "data": xml.encode()}])
    return "document type declaration"


DOCX = [docx_500mb_at_151_fold, docx_500mb_under_the_ratio, docx_declared_small_streams_large, docx_text_over_the_txt_limit, docx_traversal]
XLSX = [xlsx_2gb_bomb, xlsx_traversal, xlsx_last_cell]
QDPX = [qdpx_coded_text_amplified, qdpx_120mb_inline_text, qdpx_source_over_the_limit, qdpx_traversal, qdpx_entity_bomb]


# --------------------------------------------------------------------------- running the command line


def _tiny_study(folder: Path) -> Path:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from conftest import make_tiny_study

    make_tiny_study().save(folder)
    return folder


def _with_docx(study: Path, build) -> str:
    f = study / "interviews.csv"
    f.write_text(f.read_text().replace("301/P1-early.txt", "301/P1-early.docx"))
    return build(study / "transcripts" / "301" / "P1-early.docx")


def _command(kind: str, tmp: Path, build) -> tuple[list[str], str]:
    """The command line refusing the case, and the message expected."""
    if kind in ("validate", "run"):
        study = _tiny_study(tmp / "study")
        expected = _with_docx(study, build)
        args = ["validate", str(study)] if kind == "validate" else ["run", str(study), "--out", str(tmp / "out")]
    elif kind == "review":
        expected = build(tmp / "review.xlsx")
        args = ["review", "import", str(tmp / "review.xlsx"), "--out", str(tmp / "decisions.csv")]
    else:
        expected = build(tmp / "p.qdpx")
        args = ["import-qdpx", str(tmp / "p.qdpx"), str(tmp / "imported")]
    return [sys.executable, "-m", "impact", *args], expected


CASES = [("validate", c) for c in DOCX] + [("run", docx_500mb_at_151_fold)] + \
    [("review", c) for c in XLSX] + [("import-qdpx", c) for c in QDPX]


@pytest.mark.parametrize(("kind", "build"), CASES, ids=[f"{k}-{c.__name__}" for k, c in CASES])
def test_refused_with_exit_2_and_one_message(kind, build, tmp_path):
    cmd, expected = _command(kind, tmp_path, build)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert proc.returncode == 2, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert expected in proc.stderr, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before  # nothing written, nothing extracted


def measure() -> None:  # pragma: no cover - run by hand: python tests/hostile/test_archives.py
    """Print each refusal's wall time, peak memory (the child's max RSS) and the archive's size."""
    import tempfile

    print(f"{'command':<14}{'case':<38}{'archive':>10}{'exit':>6}{'seconds':>9}{'peak MB':>9}")
    for kind, build in CASES:
        with tempfile.TemporaryDirectory() as d:
            tmp = Path(d)
            cmd, expected = _command(kind, tmp, build)
            size = max((p.stat().st_size for p in tmp.rglob("*") if p.suffix in (".docx", ".xlsx", ".qdpx")), default=0)
            t = time.perf_counter()
            proc = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], capture_output=True, text=True, cwd=tmp)
            took = time.perf_counter() - t
            peak = int(proc.stderr.strip().splitlines()[-1]) / 1024
            ok = "" if expected in proc.stderr else "  (message missing!)"
            print(f"{kind:<14}{build.__name__:<38}{size / 1e6:>9.2f}M{proc.returncode:>6}{took:>9.2f}{peak:>9.0f}{ok}")


if __name__ == "__main__":  # pragma: no cover
    measure()

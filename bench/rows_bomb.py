"""Time and peak memory of refusing a workbook bomb under the 100-fold cap on any member (inputs67).

``python -m bench.rows_bomb [--out FILE] [--size BYTES]`` writes an ``indicators.xlsx`` into a copy of the bundled
example study (its ``indicators.csv`` taken out) whose sheet expands to ``--size`` bytes (120 MB) of XML from a
file a hundredth of that, as raw deflate blocks of a fill repeated, and loads the study:

- ``rows``: rows of five empty cells, one in fifty styled (about 80-fold): refused as a sheet past
  :data:`impact._archive.XLSX_LIMITS`' 1,000,000 cells, after 200,001 rows (round 66 measured 3.5 s, 183 MB);
- ``text``: rows of one cell each of 20,000-32,767 characters of text, under the most a cell holds (about 70-fold):
  refused as soon as the workbook's text passes ``XLSX_LIMITS['max_text']`` (before inputs67 it was read whole:
  4 s, 283 MB).

``none``: the example as it is, read (the seconds and memory of the rest of the study, for comparison).

Each is measured in a process of its own (``--shape``), so one's memory is not another's: the seconds of
``load_study`` (not traced: :mod:`tracemalloc` made the rows 95 s), the process's peak resident memory and what
``load_study`` added to it (the peak before it: imports, the bomb written), the sheet's size and expansion, and what
was said.  A measurement, not a timed test: written to ``FILE`` as JSON.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
import zipfile
import zlib
from pathlib import Path

import numpy as np

from bench.large_workbook import _PARTS

_HEAD = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/'
         b'spreadsheetml/2006/main"><sheetData><row r="1"><c t="inlineStr"><is><t>council_id</t></is></c><c t="inline'
         b'Str"><is><t>period</t></is></c><c t="inlineStr"><is><t>measure</t></is></c><c t="inlineStr"><is><t>value'
         b'</t></is></c></row>')
_TAIL = b"</sheetData></worksheet>"


def _fill(shape: str, rng: np.random.Generator) -> bytes:
    """The XML repeated to make the sheet: a block of rows."""
    if shape == "rows":  # five empty cells a row, one in fifty with a style drawn: about 80-fold
        return b"".join(b"<row>" + b"".join(b'<c s="%d"/>' % rng.integers(1, 10) if rng.random() < 0.02 else b"<c/>"
                                            for _ in range(5)) + b"</row>" for _ in range(4000))
    text = bytearray()
    while len(text) < int(rng.integers(20_000, 32_768)):
        text += bytes([int(rng.integers(97, 123))]) * int(rng.integers(30, 120))
    return b'<row><c t="inlineStr"><is><t>' + bytes(text[:32_000]) + b"</t></is></c></row>"


def _block(data: bytes) -> bytes:
    """``data`` as raw deflate blocks ending on a full flush: the same block repeated is a valid stream, which
    expands as ``data`` does, so a bomb of any size costs one compression."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush(zlib.Z_FULL_FLUSH)


def write_bombs(path: Path, parts: dict[str, bytes],
                bombs: dict[str, tuple[bytes, bytes, int, bytes]]) -> dict[str, tuple[int, float]]:
    """The zip archive ``path`` of ``parts`` (deflated, in order), those named in ``bombs`` made of (an opening,
    ``copies`` of a ``fill``, a closing) as raw deflate blocks, written by hand: the sizes and checksums declared are
    what the streams hold.  Each bomb's (size, expansion).  (Also used by tests/hostile/test_inputs_round67.py.)"""
    import struct

    out, central, sizes = bytearray(), bytearray(), {}
    for name, data in parts.items():
        if name in bombs:
            head, fill, copies, tail = bombs[name]
            ends = zlib.compressobj(9, zlib.DEFLATED, -15)
            stream = _block(head) + _block(fill) * copies + ends.compress(tail) + ends.flush()
            crc = zlib.crc32(head)
            for _ in range(copies):
                crc = zlib.crc32(fill, crc)
            crc, size = zlib.crc32(tail, crc), len(head) + copies * len(fill) + len(tail)
            sizes[name] = (size, size / len(stream))
        else:
            c = zlib.compressobj(9, zlib.DEFLATED, -15)
            stream, crc, size = c.compress(data) + c.flush(), zlib.crc32(data), len(data)
        raw = name.encode()
        offset = len(out)
        out += struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 33, crc, len(stream), size, len(raw), 0) + raw
        out += stream
        central += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 8, 0, 33, crc, len(stream), size, len(raw),
                               0, 0, 0, 0, 0, offset) + raw
    n = len(parts)
    path.write_bytes(bytes(out) + bytes(central)
                     + struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, n, n, len(central), len(out), 0))
    return sizes


def _book(path: Path, fill: bytes, size: int) -> tuple[int, float]:
    """``path``, a workbook whose sheet is ``fill`` repeated to ``size`` bytes: (the sheet's size, its expansion)."""
    sheet = "xl/worksheets/sheet1.xml"
    parts = {**{k: v.encode() for k, v in _PARTS.items()}, sheet: b""}
    return write_bombs(path, parts, {sheet: (_HEAD, fill, max(1, size // len(fill)), _TAIL)})[sheet]


def measure(shape: str, size: int, seed: int = 6741) -> dict:
    """Load a copy of the bundled example with the bomb of ``shape`` as its indicators table; the figures."""
    import impact

    rng = np.random.default_rng(seed)
    with tempfile.TemporaryDirectory() as tmp:
        study = Path(shutil.copytree(impact.example_path(), Path(tmp) / "study"))
        sheet, expansion, file_bytes = 0, 0.0, 0
        if shape != "none":
            (study / "indicators.csv").unlink()
            sheet, expansion = _book(study / "indicators.xlsx", _fill(shape, rng), size)
            with zipfile.ZipFile(study / "indicators.xlsx") as z:
                z.testzip()  # the premise: a valid archive, its checksums right
            file_bytes = (study / "indicators.xlsx").stat().st_size
        loaded = load_measured(study, lambda exc: [str(p)[:400] for p in exc.problems if p.file == "indicators.xlsx"])
    return {"file_bytes": file_bytes, "sheet_bytes": sheet, "expansion": round(expansion, 1), **loaded}


def load_measured(study: Path, said_of) -> dict:
    """Load ``study`` (warnings ignored): the seconds of ``load_study``, the process's peak resident memory and what
    the load added to it, and what was said (``["read"]``, or ``said_of`` the :class:`ValidationError`).  Also used
    by bench/xls_text_bomb.py."""
    from impact import load_study
    from impact.errors import ValidationError

    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            load_study(study)
        said = ["read"]
    except ValidationError as exc:
        said = said_of(exc)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": round(seconds, 2), "peak_rss_mb": round(peak, 1), "rss_added_by_load_mb": round(peak - base, 1),
            "said": said}


def each_in_a_process(module: str, shapes: tuple[str, ...], options: list[str], out: Path | None) -> int:
    """Measure each of ``shapes`` in a process of its own (``python -m module --shape S *options``), write the
    figures to ``out`` as JSON and print them; 0 where every shape but ``none`` was refused.  Also used by
    bench/xls_text_bomb.py."""
    result: dict = {"when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    for shape in shapes:
        run = subprocess.run([sys.executable, "-m", module, "--shape", shape, *options],
                             capture_output=True, text=True, check=True)
        result[shape] = json.loads(run.stdout.strip().splitlines()[-1])
    text = json.dumps(result, indent=1) + "\n"
    if out:
        out.write_text(text, encoding="utf-8")
    print(text, end="")
    refused = all(r["said"] != ["read"] for k, r in result.items() if k not in ("when", "none"))
    return 0 if refused else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=120_000_000, help="bytes of the sheet's XML")
    parser.add_argument("--shape", choices=["none", "rows", "text"], help="measure this one here (else each in a process)")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    if args.shape:
        print(json.dumps(measure(args.shape, args.size)))
        return 0
    return each_in_a_process("bench.rows_bomb", ("none", "rows", "text"), ["--size", str(args.size)], args.out)


if __name__ == "__main__":
    raise SystemExit(main())

"""Time and peak memory of refusing an ``.xls`` of more text than a study holds (inputs68).

``python -m bench.xls_text_bomb [--out FILE] [--chars N]`` writes the tiny study of the tests' conftest as a
``study.xls`` of its own (BIFF8 in a compound file, written by hand: :func:`write_xls`), its councils sheet given
cells below its rows that each name one shared string of 32,000 characters, as many as make ``--chars``
(100,000,000) characters of text as calamine reads them, a copy a cell, and loads the study:

- ``shared``: the bomb above (before inputs68 calamine built every copy, the study read whole);
- ``none``: the same study.xls without the bomb (the seconds and memory of the rest, for comparison).

Each is measured in a process of its own (``--shape``): the seconds of ``load_study``, the process's peak resident
memory and what ``load_study`` added to it, the file's size, and what was said.  A measurement, not a timed test:
written to ``FILE`` as JSON.  :func:`write_xls` is also used by tests/hostile/test_inputs_round68.py.
"""

from __future__ import annotations

import argparse
import csv
import json
import struct
import sys
import tempfile
from pathlib import Path


def _record(kind: int, body: bytes = b"") -> bytes:
    return struct.pack("<HH", kind, len(body)) + body


def _sst(strings: list[str], room: int = 8224) -> bytes:
    """[MS-XLS] 2.4.265 SST and the CONTINUE records after it (at most 8,224 bytes a record, as Excel writes): a
    string's characters run on into the next record after a byte of flags."""
    records, body = [], bytearray(struct.pack("<II", len(strings), len(strings)))
    for s in strings:
        raw = s.encode("latin-1")
        if len(body) + 3 > room:
            records.append(bytes(body))
            body = bytearray()
        body += struct.pack("<HB", len(raw), 0)
        while raw:
            if len(body) >= room:
                records.append(bytes(body))
                body = bytearray(b"\0")  # the run-on characters' flags: one byte each
            take = room - len(body)
            body += raw[:take]
            raw = raw[take:]
    records.append(bytes(body))
    return _record(0x00FC, records[0]) + b"".join(_record(0x003C, r) for r in records[1:])


def biff(sheets: list[tuple[str, list[tuple[int, int, str | int]]]], shared: list[str]) -> bytes:
    """A BIFF8 workbook stream: each sheet's cells (0-based row, column, value), a text as a LABEL record, a number
    as a LABELSST naming that shared string."""
    def bof(kind: int) -> bytes:
        return _record(0x0809, struct.pack("<HHHHII", 0x0600, kind, 0x0DBB, 0x07CC, 0, 0x06))

    bodies = []
    for _, cells in sheets:
        out = bof(0x0010) + _record(0x0200, struct.pack("<IIHHH", 0, max(r for r, _, _ in cells) + 1, 0,
                                                         max(c for _, c, _ in cells) + 1, 0))
        for r, c, v in cells:
            out += (_record(0x00FD, struct.pack("<HHHI", r, c, 0, v)) if isinstance(v, int) else
                    _record(0x0204, struct.pack("<HHHHB", r, c, 0, len(v), 0) + v.encode("latin-1")))
        bodies.append(out + _record(0x000A))

    def bound(at: int, name: str) -> bytes:
        return _record(0x0085, struct.pack("<IBBBB", at, 0, 0, len(name), 0) + name.encode("latin-1"))

    head, tail = bof(0x0005), (_sst(shared) if shared else b"") + _record(0x000A)
    at = len(head) + sum(len(bound(0, n)) for n, _ in sheets) + len(tail)
    listed = b""
    for (name, _), body in zip(sheets, bodies, strict=True):
        listed += bound(at, name)
        at += len(body)
    return head + listed + tail + b"".join(bodies)


def compound_file(stream: bytes) -> bytes:
    """A compound file ([MS-CFB] version 3) holding ``stream`` as its Workbook stream (at least 4,096 bytes, so in
    whole sectors, not the mini stream)."""
    end, free, fat_sector, none = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    stream += b"\0" * max(0, 4096 - len(stream))
    data = stream + b"\0" * (-len(stream) % 512)
    n_data = len(data) // 512
    n_fat = 1
    while n_fat * 128 < n_data + 1 + n_fat:
        n_fat += 1
    if n_fat > 109:
        raise ValueError("a stream of more than about 7 MB needs a DIFAT, which this writer does not write")
    fat = [*range(1, n_data), end, end] + [fat_sector] * n_fat
    fat += [free] * (n_fat * 128 - len(fat))

    def entry(name: str, kind: int, child: int, start: int, size: int) -> bytes:
        raw = (name + "\0").encode("utf-16-le") if name else b""
        return (raw.ljust(64, b"\0") + struct.pack("<HBB3I", len(raw), kind, 1, none, none, child) + b"\0" * 36
                + struct.pack("<IQ", start, size))

    directory = (entry("Root Entry", 5, 1, end, 0) + entry("Workbook", 2, none, 0, len(stream))
                 + entry("", 0, none, 0, 0) * 2)
    header = (bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 16 + struct.pack("<5H", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
              + struct.pack("<9I", 0, n_fat, n_data, 0, 4096, end, 0, end, 0)
              + struct.pack("<109I", *range(n_data + 1, n_data + 1 + n_fat), *[free] * (109 - n_fat)))
    return header + data + directory + struct.pack(f"<{len(fat)}I", *fat)


def write_xls(folder: Path, more: dict[str, list[tuple[int, int, str | int]]] | None = None,
              shared: list[str] = ()) -> dict[str, list[list[str]]]:
    """Move each table's CSV file of ``folder`` into a sheet of ``study.xls`` (every cell text, as a CSV file's are),
    with the cells ``more`` added to sheets (a number naming a shared string of ``shared``); each sheet's rows."""
    from impact.schema import TABLES

    sheets, rows_of = [], {}
    for name, spec in TABLES.items():
        path = folder / spec.filename
        if not path.exists():
            continue
        rows = rows_of[name] = list(csv.reader(path.read_text(encoding="utf-8").splitlines()))
        cells = [(r, c, v) for r, row in enumerate(rows) for c, v in enumerate(row) if v]
        sheets.append((name, cells + (more or {}).get(name, [])))
        path.unlink()
    (folder / "study.xls").write_bytes(compound_file(biff(sheets, list(shared))))
    return rows_of


def measure(shape: str, chars: int) -> dict:
    """Load the tiny study as a study.xls, with the bomb of ``shape``; the figures."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from conftest import make_tiny_study

    from bench.rows_bomb import load_measured  # here: the tests import write_xls by this file alone

    with tempfile.TemporaryDirectory() as tmp:
        study = Path(tmp) / "study"
        make_tiny_study().save(study)
        rows = list(csv.reader((study / "councils.csv").read_text(encoding="utf-8").splitlines()))
        length = 32_000
        bomb = [(len(rows) + i, 2, 0) for i in range(chars // length)] if shape == "shared" else []
        write_xls(study, {"councils": bomb} if bomb else None, ["x" * length] if bomb else [])
        file_bytes = (study / "study.xls").stat().st_size
        loaded = load_measured(study, lambda exc: [str(p)[:400] for p in exc.problems][:3] + (
            [f"... {len(exc.problems):,} problems in all"] if len(exc.problems) > 3 else []))
    return {"file_bytes": file_bytes, "cells_of_the_string": len(bomb), "chars_as_read": len(bomb) * length, **loaded}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=100_000_000, help="characters of text as calamine reads them")
    parser.add_argument("--shape", choices=["none", "shared"], help="measure this one here (else each in a process)")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    if args.shape:
        print(json.dumps(measure(args.shape, args.chars)))
        return 0
    from bench.rows_bomb import each_in_a_process

    return each_in_a_process("bench.xls_text_bomb", ("none", "shared"), ["--chars", str(args.chars)], args.out)

if __name__ == "__main__":
    raise SystemExit(main())

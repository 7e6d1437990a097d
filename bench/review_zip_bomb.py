"""Peak memory of reading back a review workbook made hostile (round 58 of the inputs): zip bombs and sheets at the
reader's limits, given to :func:`impact.import_review` as a reviewer's saved workbook.

``python -m bench.review_zip_bomb [--out FILE]`` exports a review workbook of four suggestions in a temporary folder,
then rewrites its 'review' sheet (``xl/worksheets/sheet2.xml``) as each shape below and imports it:

- ``deflate_bomb``: the sheet padded with 120 MB of spaces (a few hundred KB compressed): refused at the archive's
  ratio cap before the sheet is parsed;
- ``far_cell``: one cell at row 1,048,576 (a sheet openpyxl would fill to that row): refused from the sheet's extent;
- ``many_cells``: 420,000 filled cells, 35,000 rows of 12 (an extent of 35,001 rows of the header's 14 columns,
  just under :data:`impact._archive.XLSX_LIMITS`' 500,000 cells, the most a sheet may hold): read by openpyxl in
  full, then refused row by row (their row ids are none the export wrote);
- ``long_string``: one cell of 25 MB of varied text (compressed about 3:1, under the ratio cap): read, then refused
  as a row added without its row id.

The peak of Python's allocations is measured with :mod:`tracemalloc` (a measurement, not a timed test; written to
``FILE`` as JSON, printed otherwise), after one import of the unchanged workbook, so imports and first-use caches
are not counted.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import sys
import tempfile
import warnings
import zipfile
from pathlib import Path

from bench.yaml_aliases import _peak

_SHEET = "xl/worksheets/sheet2.xml"
_HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
_TAIL = "</sheetData></worksheet>"


def _header_row() -> str:
    from impact.review import REVIEW_COLUMNS

    cells = "".join(f'<c r="{chr(65 + j)}1" t="inlineStr"><is><t>{name}</t></is></c>'
                    for j, name in enumerate(REVIEW_COLUMNS))
    return f'<row r="1">{cells}</row>'


def shapes() -> dict[str, bytes]:
    """The 'review' sheet's XML of each hostile shape."""
    head = _HEAD + _header_row()
    rng = random.Random(58)
    words = ["morale", "plan", "the", "council", "we", "changed", "how", "work", "partners", "met"]
    long_text = " ".join(rng.choice(words) + str(rng.randrange(1000)) for _ in range(3_000_000))[:30_000_000]
    many = "".join(f'<row r="{r}">' + "".join(f'<c r="{chr(65 + j)}{r}"><v>{r}</v></c>' for j in range(12))
                   + "</row>" for r in range(2, 35_002))
    return {
        "deflate_bomb": (head + " " * 120_000_000 + _TAIL).encode(),
        "far_cell": (head + '<row r="1048576"><c r="A1048576"><v>1</v></c></row>' + _TAIL).encode(),
        "many_cells": (head + many + _TAIL).encode(),
        "long_string": (head + f'<row r="2"><c r="N2" t="inlineStr"><is><t>{long_text}</t></is></c></row>'
                        + _TAIL).encode(),
    }


def _rewritten(book: Path, member: str, data: bytes, out: Path) -> Path:
    buf = io.BytesIO()
    with zipfile.ZipFile(book) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, data if info.filename == member else src.read(info.filename),
                         compress_type=zipfile.ZIP_DEFLATED)
    out.write_bytes(buf.getvalue())
    return out


def _quiet(call, *args):
    with warnings.catch_warnings():  # rows told as warnings are not what is measured
        warnings.simplefilter("ignore")
        return call(*args)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    import pandas as pd

    from impact.review import export_review, import_review

    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        texts = ["We felt valued.", "The plan changed.", "Partners met monthly.", "We learned a lot."]
        segments = pd.DataFrame({"segment_id": [f"I1:{i}" for i in range(1, 5)], "text": texts,
                                 "start": [0, 16, 34, 56]})
        coded = pd.DataFrame({"unit": segments["segment_id"], "code": "morale", "score": [0.5, 0.6, 0.7, 0.8]})
        book = export_review(segments, coded=coded, path=Path(tmp) / "review.xlsx", reviewer="ann")
        with zipfile.ZipFile(book) as zf:
            assert _SHEET in zf.namelist(), zf.namelist()
        _peak(lambda: _quiet(import_review, book))  # imports and caches, not counted
        for name, data in shapes().items():
            path = _rewritten(book, _SHEET, data, Path(tmp) / f"{name}.xlsx")
            peak, seconds, said = _peak(lambda path=path: _quiet(import_review, path))
            results[name] = {"file_bytes": path.stat().st_size, "sheet_bytes": len(data), "peak_bytes": peak,
                             "seconds": round(seconds, 2), "said": said}
            print(f"{name}: file {path.stat().st_size:,} B, sheet {len(data):,} B, peak {peak / 2**20:.1f} MiB, "
                  f"{seconds:.1f} s: {said[:160]}", file=sys.stderr)
    text = json.dumps(results, indent=1)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Peak memory of reading one very long line (round 56 of the inputs): no file may be held in memory twice over.

``python -m bench.long_line [--mb N] [--out FILE]`` writes, in a temporary folder, files holding one line of ``N`` MB
(default 100) of text and no line end, and reads each as impact does, measuring the peak of Python's allocations with
:mod:`tracemalloc` (not a timed test: a measurement, written to ``FILE`` as JSON, printed otherwise):

- a transcript of ``N`` MB (over :data:`impact._io.MAX_TEXT_BYTES`: refused from its size, before a byte is read);
- a transcript just under that limit (read: its bytes and its text, one copy each);
- a coded CSV of ``N`` MB, its one line a single cell (refused: over :data:`impact._io.MAX_CELL_CHARS`);
- a study's councils.csv holding such a line below its header, just under the table limit (refused by row).

The peak is given as a multiple of the file's size: reading a file of B bytes as text needs B bytes (the bytes) and B
to 4B (the ``str``, by its widest character), so an ASCII line read once peaks near 2; a second copy of either is
visible as 3 or more.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
import tracemalloc
import warnings
from pathlib import Path


def _peak(call) -> tuple[float, str]:
    """(peak MB of Python allocations while ``call()`` runs, what it gave or raised, shortened)."""
    tracemalloc.start()
    try:
        outcome = f"read {len(call()):,} characters"
    except Exception as exc:  # noqa: BLE001 - a measurement: the outcome is recorded, whatever it is
        outcome = f"{type(exc).__name__}: {str(exc)[:160]}"
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return peak / 2**20, outcome


def measure(mb: int = 100) -> list[dict]:
    from impact import _io
    from impact.coding.coded_io import read_coded
    from impact.study import load_study

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from conftest import make_tiny_study

    folder = Path(tempfile.mkdtemp(prefix="long-line-"))
    rows = []
    try:
        under = _io.MAX_TEXT_BYTES - 1024
        cases = []
        big = folder / "big.txt"
        big.write_bytes(b"word " * (mb * 2**20 // 5))
        cases.append(("transcript over the limit", big, lambda: _io.read_text(big)))
        near = folder / "near.txt"
        near.write_bytes(b"word " * (under // 5))
        cases.append(("transcript under the limit", near, lambda: _io.read_text(near)))
        coded = folder / "coded.csv"
        with coded.open("wb") as f:
            f.write(b"unit,code,score,negated,hedged,attribution,start,end\n")
            f.write(b"x" * (mb * 2**20 - 100))
        cases.append(("coded CSV, one cell", coded, lambda: read_coded(coded)))
        study = make_tiny_study().save(folder / "study")
        table = study / "councils.csv"
        with table.open("ab") as f:
            f.write(b"x" * (under - table.stat().st_size))
        cases.append(("councils.csv, one long row", table, lambda: load_study(study)))
        for name, path, call in cases:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                started = time.perf_counter()
                peak, outcome = _peak(call)
            size = path.stat().st_size / 2**20
            rows.append({"case": name, "file_mb": round(size, 1), "peak_mb": round(peak, 1),
                         "peak_over_size": round(peak / size, 2), "seconds": round(time.perf_counter() - started, 1),
                         "outcome": outcome})
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=100, help="length of the long line, in MB (default 100)")
    parser.add_argument("--out", type=Path, default=None, help="write the measurements here as JSON")
    args = parser.parse_args(argv)
    rows = measure(args.mb)
    text = json.dumps(rows, indent=1) + "\n"
    if args.out:
        args.out.write_text(text)
    print(text, end="")


if __name__ == "__main__":
    main()

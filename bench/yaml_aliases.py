"""Peak memory of refusing a "billion laughs" study.yaml (round 57 of the inputs): YAML aliases are refused as the
first one is parsed, before any node is expanded.

``python -m bench.yaml_aliases [--levels N] [--out FILE]`` writes, in a temporary folder, a study folder (the tiny
study) whose study.yaml holds ``N`` levels (default 9) of anchors, each a list of ten aliases of the one above
(``l1: &l1 [*l0, *l0, ...]``), which expanded would be 10**N nodes.  It is read with
:func:`impact._io.safe_yaml_load` alone and then with :func:`impact.load_study` (the study loaded once before, so
imports and first-use caches are not counted); the peak of Python's allocations is measured with :mod:`tracemalloc` (a measurement, not a
timed test; written to ``FILE`` as JSON, printed otherwise).  Refused quickly means a peak of the order of the file's
own size, not of its expansion.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path


def billion_laughs(levels: int) -> str:
    """A YAML text of ``levels`` levels of anchors, ten aliases each: 10**levels nodes once expanded."""
    lines = ['l0: &l0 "lol"']
    for i in range(1, levels + 1):
        lines.append(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]")
    return "\n".join(lines) + "\n"


def _peak(call) -> tuple[int, float, str]:
    tracemalloc.start()
    started = time.perf_counter()
    try:
        call()
        said = "read"
    except Exception as exc:  # noqa: BLE001 - what it said is the measurement
        said = str(exc)[:300]
    seconds = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak, seconds, said


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--levels", type=int, default=9)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from conftest import make_tiny_study

    from impact import load_study

    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "study"
        make_tiny_study().save(folder)
        meta = (folder / "study.yaml").read_text(encoding="utf-8")
        text = billion_laughs(args.levels) + meta
        (folder / "study.yaml").write_text(text, encoding="utf-8")
        from impact._io import safe_yaml_load

        try:
            load_study(folder)  # imports and caches, not measured
        except Exception:  # noqa: BLE001, S110 - refused, as measured below
            pass
        peak, seconds, said = _peak(lambda: safe_yaml_load(text, source="study.yaml"))
        results["safe_yaml_load"] = {"peak_bytes": peak, "seconds": round(seconds, 3), "said": said}
        peak, seconds, said = _peak(lambda: load_study(folder))
        results["billion_laughs"] = {"levels": args.levels, "expanded_nodes": 10 ** args.levels,
                                     "file_bytes": len(text.encode()), "peak_bytes": peak,
                                     "seconds": round(seconds, 3), "said": said}
    out = json.dumps(results, indent=2)
    if args.out:
        args.out.write_text(out + "\n", encoding="utf-8")
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

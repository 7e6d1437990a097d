"""CPU seconds of the slowest test files (tests/file_seconds.json) and the demo's time, in one checkout.

``python -m bench.slowest_files --checkout /tmp/base --label base --out bench/results`` runs each of the ``--top``
slowest files of tests/file_seconds.json alone (``pytest -n 0``, :func:`bench.file_cpu.file_cpu`: user + system CPU
of the process and its children, the load average at its start) from that checkout, then ``impact demo`` there into a
temporary folder (its CPU and wall seconds), and writes ``<out>/slowest_files_<label>.json``. Run it once on the base
and once on the branch (one after the other on a shared machine: the load is recorded beside each run), and compare
the two JSONs; ``--compare A.json B.json`` prints the differences file by file.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.file_cpu import file_cpu

__all__ = ["slowest", "demo_cpu", "main"]

HERE = Path(__file__).resolve().parents[1]


def slowest(top: int, seconds: Path = HERE / "tests" / "file_seconds.json") -> list[str]:
    """The ``top`` test files with the most seconds in ``seconds`` (the last whole run's), slowest first."""
    table = json.loads(seconds.read_text(encoding="utf-8"))
    return [name for name, _ in sorted(table.items(), key=lambda kv: -kv[1])[:top]]


def demo_cpu(checkout: Path) -> dict:
    """``{"exit", "cpu_s", "wall_s", "load"}`` of ``impact demo`` run from ``checkout`` into a temporary folder (its
    cache and configuration folders temporary too, so no cached coding is read)."""
    with tempfile.TemporaryDirectory(prefix="impact-demo-") as tmp:
        env = {**os.environ, "PYTHONPATH": str(checkout), "MPLBACKEND": "Agg", "PYTHONHASHSEED": "0",
               "IMPACT_CACHE_DIR": f"{tmp}/cache", "IMPACT_CONFIG_DIR": f"{tmp}/config"}
        load = os.getloadavg()[0]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "impact", "-q", "demo", "--out", f"{tmp}/out"], cwd=checkout,
                              env=env, capture_output=True, text=True)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"exit": done.returncode, "load": round(load, 1), "wall_s": round(wall, 2),
            "cpu_s": round(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, 2)}


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkout", type=Path, default=HERE)
    parser.add_argument("--label", default="this")
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--files", nargs="*", help="these files instead of the slowest")
    parser.add_argument("--no-demo", action="store_true")
    parser.add_argument("--out", type=Path, default=Path("bench/results"))
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BASE", "THIS"))
    args = parser.parse_args(argv)
    if args.compare:
        base, this = (json.loads(p.read_text(encoding="utf-8")) for p in args.compare)
        for name in base["files"]:
            b, t = base["files"][name]["cpu_s"], this["files"].get(name, {}).get("cpu_s")
            print(f"{name}: {b} -> {t}")
        print(f"sum: {base['sum_cpu_s']} -> {this['sum_cpu_s']}")
        if "demo" in base and "demo" in this:
            print(f"demo cpu: {base['demo']['cpu_s']} -> {this['demo']['cpu_s']}; "
                  f"wall: {base['demo']['wall_s']} -> {this['demo']['wall_s']}")
        return {}
    checkout = args.checkout.resolve()
    files = args.files or slowest(args.top)
    results: dict = {"checkout": str(checkout), "label": args.label, "files": {}}
    for name in files:
        results["files"][name] = run = file_cpu(checkout, name)
        print(name, json.dumps(run), flush=True)
    results["sum_cpu_s"] = round(sum(r["cpu_s"] for r in results["files"].values()), 2)
    if not args.no_demo:
        results["demo"] = demo_cpu(checkout)
        print("demo", json.dumps(results["demo"]), flush=True)
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / f"slowest_files_{args.label}.json"
    path.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return results


if __name__ == "__main__":
    main()

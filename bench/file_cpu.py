"""CPU seconds of whole test files, each in a pytest process of its own, base and this checkout alternately.

``python -m bench.file_cpu --base /tmp/base tests/test_findings.py tests/test_report_truth_round9.py`` runs each file
with ``-n 0`` (``python -m pytest -p no:cacheprovider -n 0 -q FILE``) from the base checkout and from this one, in
turn (base first for the first file, this checkout first for the next, and so on; ``--pairs N`` repeats), each with
``PYTHONPATH`` its checkout and bytecode writing on, as ``make test`` runs. A run's CPU is the user + system time of
the child and its children (``os.wait4``); its exit status and pytest's last line are kept. The machine is shared:
the load average is recorded beside each run, and only runs of one pair are compared. Files joined by "+" run in one
process (``tests/a.py+tests/b.py``: what files sharing a study cost together); ``--workers 2`` runs each on two xdist
workers (``--dist loadfile``, as ``make test``).

Results go to ``<out>/file_cpu-<timestamp>.json`` and ``<out>/file_cpu_latest.json``.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import subprocess
import sys
from pathlib import Path

__all__ = ["file_cpu", "main"]

HERE = Path(__file__).resolve().parents[1]


def file_cpu(checkout: Path, test_file: str, workers: int = 0) -> dict:
    """``{"exit", "last_line", "load", "cpu_s"}`` of one pytest process running ``test_file`` of ``checkout``: its
    exit status, pytest's last line, the 1-minute load average at its start and the user + system CPU seconds of the
    process and its children (``getrusage(RUSAGE_CHILDREN)`` around it). ``test_file`` may name several files joined
    by "+", run in the one process (what files sharing a study cost together); ``workers`` above 0 runs them on that
    many xdist workers with ``--dist loadfile``, as ``make test`` does (the workers' CPU counted as children)."""
    import resource

    env = {**os.environ, "PYTHONPATH": str(checkout), "MPLBACKEND": "Agg", "PYTHONHASHSEED": "0",
           "PYTHONDONTWRITEBYTECODE": ""}
    dist = ["-n", str(workers), "--dist", "loadfile"] if workers else ["-n", "0"]
    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *dist, "-q",
                           *test_file.split("+")], cwd=checkout, env=env, capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    lines = [line for line in (done.stdout + done.stderr).splitlines() if line.strip()]
    return {"exit": done.returncode, "last_line": lines[-1] if lines else "", "load": round(load, 1),
            "cpu_s": round(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, 2)}


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", help="test files, relative to the checkouts")
    parser.add_argument("--base", type=Path, required=True, help="the checkout to compare against")
    parser.add_argument("--pairs", type=int, default=1)
    parser.add_argument("--workers", type=int, default=0, help="xdist workers (--dist loadfile); 0: -n 0")
    parser.add_argument("--out", type=Path, default=Path("bench/results"))
    args = parser.parse_args(argv)
    checkouts = {"base": args.base.resolve(), "this": HERE}
    results: dict = {"when": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
                     "base": str(checkouts["base"]), "workers": args.workers, "files": {}}
    turn = 0
    for name in args.files:
        runs = []
        for _ in range(args.pairs):
            order = ["base", "this"] if turn % 2 == 0 else ["this", "base"]
            turn += 1
            pair = {side: file_cpu(checkouts[side], name, args.workers) for side in order}
            runs.append(pair)
            print(name, json.dumps(pair), flush=True)
        results["files"][name] = runs
    both = [(p["base"]["cpu_s"], p["this"]["cpu_s"]) for runs in results["files"].values() for p in runs]
    results["sum_base_cpu_s"] = round(sum(b for b, _ in both), 2)
    results["sum_this_cpu_s"] = round(sum(t for _, t in both), 2)
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = _dt.datetime.now(_dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    for path in (args.out / f"file_cpu-{stamp}.json", args.out / "file_cpu_latest.json"):
        path.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: results[k] for k in ("sum_base_cpu_s", "sum_this_cpu_s")}))
    return results


if __name__ == "__main__":
    main()

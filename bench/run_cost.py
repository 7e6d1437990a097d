"""The CPU of ``impact run`` under two checkouts, and proof that both write the same files (perf68).

``python -m bench.run_cost --base /tmp/base --out bench/run_cost_perf68.json`` runs ``impact run STUDY --out DIR
--no-cache -q`` (a fixed pseudonym key in ``IMPACT_PSEUDONYM_KEY``) on the bundled example and on studies written by
``impact synth`` (:data:`SYNTH`: councils and seed), each ``--repeats`` times per checkout, the two checkouts taking
turns (the base first in odd repeats, this checkout first in even ones, so neither always runs on the busier machine).
Each run's CPU is the user + system time of its process (``os.wait4``); the least of the repeats is kept, with every
run's and the load at its start. The files of each study's first run under each checkout are compared as
:func:`bench.report_sameness.differing_files` compares them: text byte for byte, Word and Excel files member by member
without the time they were written, JSON without its time of writing and its hashes of the files compared; the
children run with ``svg.hashsalt`` set and ``SOURCE_DATE_EPOCH=0``, as there. A run states the minute it was written
(the web page, Word's document, the workbook's first sheet, ``generated`` in provenance.json, whose hashes of those
files then differ too), and the two checkouts' runs are minutes apart: each file that differs is compared again with
that minute and provenance.json's hashes of files replaced (:func:`differ_beyond_time`); ``differing_beyond_time``
lists those that still differ. ``--recheck JSON`` compares again the outputs a run left under ``--work``.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

__all__ = ["SYNTH", "differ_beyond_time", "main"]

HERE = Path(__file__).resolve().parents[1]
#: name -> (councils, seed) of the studies ``impact synth`` writes (seeds 6806, 6812, 6840 unused in bench/ and tests/
#: before perf68: grep -w)
SYNTH = {"synth06": (6, 6806), "synth12": (12, 6812), "synth40": (40, 6840)}
_KEY = "perf68-bench-key-0123456789abcdef"


def _env(checkout: Path, rc: Path) -> dict:
    return {**os.environ, "PYTHONPATH": str(checkout), "MPLBACKEND": "Agg", "PYTHONHASHSEED": "0",
            "MATPLOTLIBRC": str(rc), "SOURCE_DATE_EPOCH": "0", "IMPACT_PSEUDONYM_KEY": _KEY}


def _cpu_of(args: list[str], env: dict, cwd: Path) -> float:
    """Run ``args``; the user + system CPU seconds of its process and children it waited for."""
    proc = subprocess.Popen(args, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} exited with {proc.returncode}: {err[-2000:]}")
    return usage.ru_utime + usage.ru_stime


#: The minute a run was written, as the report states it and as provenance.json's ``generated``; a SHA-256 in hex.
_WRITTEN = re.compile(rb"\d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2} UTC|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00")
_SHA = re.compile(rb'"[0-9a-f]{64}"')


def _content(folder: Path, name: str) -> bytes:
    """A file's bytes, or an Office file's member's (``report.docx:word/document.xml``)."""
    import zipfile

    if ":" in name:
        path, member = name.split(":", 1)
        with zipfile.ZipFile(folder / path) as z:
            return z.read(member)
    return (folder / name).read_bytes()


def differ_beyond_time(a: Path, b: Path, differ: list[str]) -> list[str]:
    """The names of ``differ`` (as :func:`bench.report_sameness.differing_files` gives them) whose contents under
    ``a`` and ``b`` still differ with the minute written replaced, and, in provenance.json, every SHA-256."""
    out = []
    for name in differ:
        x, y = (_WRITTEN.sub(b"<written>", _content(f, name)) for f in (a, b))
        if name == "provenance.json":
            x, y = (_SHA.sub(b"<sha256>", v) for v in (x, y))
        if x != y:
            out.append(name)
    return out


def main(argv: list[str] | None = None) -> dict:
    from bench.report_sameness import differing_files
    from bench.withhold_cost import two_checkouts_parser

    parser = two_checkouts_parser(__doc__.splitlines()[0], "/tmp/run_cost", "studies and outputs written")
    parser.add_argument("--recheck", action="store_true", help="compare again the outputs left under --work and "
                        "add differing_beyond_time to --out (no run)")
    parser.add_argument("names", nargs="*", help="studies (default: example and every one of SYNTH)")
    args = parser.parse_args(argv)
    if args.recheck:
        summary = json.loads(args.out.read_text(encoding="utf-8"))
        for name, r in summary["studies"].items():
            r["differing_beyond_time"] = differ_beyond_time(args.work / "base" / name / "0",
                                                            args.work / "this" / name / "0", r["differing"])
        summary["all_same_beyond_time"] = not any(r["differing_beyond_time"] for r in summary["studies"].values())
        args.out.write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
        print(json.dumps({k: summary[k] for k in ("all_same", "all_same_beyond_time", "sum_least_cpu_s")}))
        return summary
    names = args.names or ["example", *SYNTH]
    work = args.work
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    rc = work / "matplotlibrc"
    rc.write_text("svg.hashsalt: impact-sameness\n", encoding="utf-8")
    sides = {"base": args.base.resolve(), "this": HERE}
    studies = {}
    for name in names:
        if name == "example":
            import impact

            studies[name] = Path(impact.example_path())
        else:
            n, seed = SYNTH[name]
            studies[name] = work / "studies" / name
            subprocess.run([sys.executable, "-P", "-m", "impact", "synth", "--councils", str(n), "--seed", str(seed),
                            "--out", str(studies[name]), "-q"], env=_env(HERE, rc), cwd=HERE, check=True)
    results: dict = {}
    for name in names:
        runs: dict = {"base": [], "this": []}
        for r in range(args.repeats):
            for side in (("base", "this") if r % 2 == 0 else ("this", "base")):
                out = work / side / name / str(r)
                load = os.getloadavg()[0]
                start = time.perf_counter()
                cpu = _cpu_of([sys.executable, "-P", "-m", "impact", "run", str(studies[name]), "--out", str(out),
                               "--no-cache", "-q"], _env(sides[side], rc), sides[side])
                runs[side].append({"cpu_s": round(cpu, 2), "wall_s": round(time.perf_counter() - start, 1),
                                   "load": round(load, 1)})
                print(name, side, r, runs[side][-1], flush=True)
        n_files, differ = differing_files(work / "base" / name / "0", work / "this" / name / "0")
        beyond = differ_beyond_time(work / "base" / name / "0", work / "this" / name / "0", differ)
        results[name] = {"base": runs["base"], "this": runs["this"],
                         "least_cpu_s": {s: min(x["cpu_s"] for x in runs[s]) for s in runs},
                         "files": n_files, "differing": differ, "differing_beyond_time": beyond}
        print(name, results[name]["least_cpu_s"], n_files, "files,", len(differ), "differ", differ, "beyond the time:",
              beyond, flush=True)
    summary = {
        "when": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"), "base": str(sides["base"]),
        "repeats": args.repeats, "studies": results,
        "all_same": not any(r["differing"] for r in results.values()),
        "all_same_beyond_time": not any(r["differing_beyond_time"] for r in results.values()),
        "sum_least_cpu_s": {s: round(sum(r["least_cpu_s"][s] for r in results.values()), 2) for s in sides},
    }
    args.out.write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: summary[k] for k in ("all_same", "sum_least_cpu_s")}))
    return summary


if __name__ == "__main__":
    main()

"""A study with one large table, to measure how validation scales with a table's rows (round 33 of the inputs).

``python -m bench.large_table --out DIR [--rows N]`` writes the bundled example study into ``DIR`` with its
``survey_responses.csv`` replaced by ``N`` rows (default 1,250,000, about 48 MB: just under the 50 MiB a table may
hold) of distinct respondents, each answering the six survey items at one wave; the items are renamed ``q1`` ... ``q6``
in ``study.yaml`` so that the rows are short enough.  Every respondent id is new, the worst case for the checks
made once per distinct id (the privacy check of ids).  Nothing is stored: the table is generated on demand.

:func:`measure` validates such a study in a child process (``impact validate``) and returns its wall time, CPU time
and peak memory (``os.wait4``); :mod:`bench.run` records it as ``large_table``.
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import yaml

_REPO = Path(__file__).resolve().parents[1]
ROWS = 1_250_000


def generate(out: str | Path, *, rows: int = ROWS, seed: int = 33, example: str | Path = _REPO / "data" / "example"
             ) -> Path:
    """Write the example study into ``out`` (a new folder) with a ``survey_responses.csv`` of ``rows`` rows."""
    out = Path(out)
    if out.exists():
        raise FileExistsError(f"{out}: already exists (give a new folder)")
    shutil.copytree(example, out)
    meta = yaml.safe_load((out / "study.yaml").read_text(encoding="utf-8"))
    old_items = list(meta["survey"]["items"])
    meta["survey"]["items"] = {f"q{k + 1}": meta["survey"]["items"][name] for k, name in enumerate(old_items)}
    (out / "study.yaml").write_text(yaml.safe_dump(meta, sort_keys=False), encoding="utf-8")
    with open(example / "councils.csv", newline="", encoding="utf-8") as f:
        councils = [r["council_id"] for r in csv.DictReader(f)]
    waves = [w["id"] for w in meta["waves"]]
    items = list(meta["survey"]["items"])
    rng = np.random.default_rng(seed)
    n_resp = -(-rows // len(items))
    council = np.array(councils)[np.arange(n_resp) % len(councils)]
    wave = np.array(waves)[rng.integers(0, len(waves), n_resp)]
    group = np.array(["staff", "partner"])[rng.integers(0, 2, n_resp)]
    values = rng.integers(1, 6, size=(n_resp, len(items)))
    with open(out / "survey_responses.csv", "w", encoding="utf-8", newline="") as f:
        f.write("council_id,respondent_id,respondent_group,wave,item,value\n")
        written = 0
        for r in range(n_resp):
            cid = council[r]
            head = f"{cid},S{int(cid):04d}-{r:07d},{group[r]},{wave[r]},"
            take = min(len(items), rows - written)
            f.write("".join(f"{head}{items[k]},{values[r, k]}\n" for k in range(take)))
            written += take
    return out


def measure(folder: str | Path, *, repo: str | Path = _REPO) -> dict:
    """Validate ``folder`` with ``impact validate`` in a child process: wall and CPU seconds, peak RSS, exit code."""
    folder = Path(folder)
    env = {**os.environ, "PYTHONPATH": str(Path(repo).resolve()), "PYTHONHASHSEED": "0", "MPLBACKEND": "Agg"}
    t0 = time.perf_counter()
    # run in the measured tree: `-m` puts the working folder first on the path, before PYTHONPATH
    proc = subprocess.Popen([sys.executable, "-m", "impact", "validate", str(folder.resolve())], env=env,
                            cwd=Path(repo).resolve(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    table = folder / "survey_responses.csv"
    with open(table, "rb") as f:
        rows = sum(1 for _ in f) - 1
    return {"rows": rows, "bytes": table.stat().st_size, "wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime,
            "peak_rss_mb": usage.ru_maxrss / 1024, "exit_code": os.waitstatus_to_exitcode(status),
            "stderr_tail": stderr.decode("utf-8", "replace")[-400:]}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.large_table", description=__doc__.split("\n\n")[0])
    p.add_argument("--out", required=True, help="a new folder for the study")
    p.add_argument("--rows", type=int, default=ROWS, help=f"rows of survey_responses.csv (default {ROWS:,})")
    p.add_argument("--measure", action="store_true", help="then validate it and print the figures")
    args = p.parse_args(argv)
    folder = generate(args.out, rows=args.rows)
    print(f"{folder}: {(folder / 'survey_responses.csv').stat().st_size:,} bytes")
    if args.measure:
        print(measure(folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())

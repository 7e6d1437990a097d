"""Time and peak memory of the end-of-run re-hash of a study's files, beside the whole run (inputs69).

``python -m bench.rehash_cost [--out FILE] [--councils 150] [--seed 6901] [--n-resamples 2000] [--folder DIR]``
writes a synthetic study of ``--councils`` councils (:func:`impact.synth.generate`) into a folder (``--folder``, else
a temporary one, removed after) and runs :func:`impact.pipeline.run` on it, uncached.  Since inputs68 a run stops
before writing anything if a file it read changed while it ran: :meth:`impact.study.Study._changed_since_read`
reads every file read again (the tables, study.yaml, every transcript) and compares its SHA-256 with that of the
bytes read.  Measured:

- ``run_s``: the seconds of the whole run, and ``peak_rss_mb`` the process's peak resident memory;
- ``rehash_in_run_s``: the seconds of the check within that run (timed around the call the run makes);
- ``rehash_s``: the check again after the run, best and median of five (the files then in the page cache, as they
  are at the end of a run), ``rehash_peak_kb`` what :mod:`tracemalloc` saw it take at most;
- ``files`` and ``bytes``: how many files it reads again, and their bytes.

A measurement, not a timed test: written to ``FILE`` as JSON (also printed).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import sys
import tempfile
import time
import tracemalloc
import warnings
from pathlib import Path


def measure(councils: int, seed: int, n_resamples: int, folder: Path) -> dict:
    import impact.pipeline
    from impact.study import Study
    from impact.synth import generate

    study_dir, out_dir = folder / "study", folder / "out"
    started = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        generate(councils, seed=seed, out=study_dir, overwrite=True)
    generated_s = time.perf_counter() - started

    real = Study._changed_since_read
    in_run: list[float] = []
    kept: list[Study] = []

    def timed(self: Study) -> list[str]:
        t = time.perf_counter()
        changed = real(self)
        in_run.append(time.perf_counter() - t)
        kept.append(self)
        return changed

    Study._changed_since_read = timed  # type: ignore[method-assign]
    try:
        started = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            impact.pipeline.run(study_dir, out_dir=out_dir, cache=False, seed=seed, n_resamples=n_resamples)
        run_s = time.perf_counter() - started
    finally:
        Study._changed_since_read = real  # type: ignore[method-assign]
    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    study = kept[-1]
    read = dict(study._read)
    times = []
    for _ in range(5):
        t = time.perf_counter()
        assert study._changed_since_read() == []
        times.append(time.perf_counter() - t)
    tracemalloc.start()
    study._changed_since_read()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "councils": councils, "seed": seed, "n_resamples": n_resamples,
        "files": len(read), "bytes": sum(os.path.getsize(study_dir / rel) for rel in read),
        "generate_s": round(generated_s, 3), "run_s": round(run_s, 3), "peak_rss_mb": round(peak_rss_mb, 1),
        "rehash_in_run_s": round(sum(in_run), 4),
        "rehash_in_run_share": round(sum(in_run) / run_s, 5),
        "rehash_s_best": round(min(times), 4), "rehash_s_median": round(statistics.median(times), 4),
        "rehash_peak_kb": round(peak / 1024, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--councils", type=int, default=150)
    parser.add_argument("--seed", type=int, default=6901)
    parser.add_argument("--n-resamples", type=int, default=2000)
    parser.add_argument("--folder", type=Path, default=None)
    args = parser.parse_args(argv)
    folder = args.folder or Path(tempfile.mkdtemp(prefix="impact-rehash-"))
    try:
        result = measure(args.councils, args.seed, args.n_resamples, folder)
    finally:
        if args.folder is None:
            shutil.rmtree(folder, ignore_errors=True)
    result.update({"python": sys.version.split()[0], "machine": platform.machine(), "cpus": os.cpu_count()})
    text = json.dumps(result, indent=2)
    print(text)
    if args.out is not None:
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""CPU seconds of each stage of :func:`impact.analyse` and of ``impact run``, on generated studies of several sizes.

``python -m bench.analysis_stages --out bench/results`` generates studies of 12, 40 and 150 councils
(:func:`impact.synth.generate_with_truth`, seed ``31600 + councils % 10``) and measures, for each:

* ``analyse``: :func:`impact.analyse` with the planted coding and 199 resamples (seed 1), as the tests call it, in
  this process after one warm-up analysis of a small study (imports, codebooks and the coder's patterns done); each
  step is the inclusive ``time.process_time`` of the function of :mod:`impact.pipeline` (or of the statistics it
  calls) that does it, outermost call only;
* ``run``: ``impact run STUDY --out DIR --resamples 999 --no-cache -q`` in a child process, its user + system CPU
  (with its segmenting workers') from ``resource.getrusage(RUSAGE_CHILDREN)``.

Results go to ``<out>/analysis_stages-<timestamp>.json`` and ``<out>/analysis_stages_latest.json``. The figures of
the tenth pass are in docs/performance.md ("The analysis, tenth pass"). CPU, not wall: the machine is shared.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import functools
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import types
import warnings
from pathlib import Path

__all__ = ["SIZES", "STEPS", "analyse_stages", "run_cpu", "arguments", "measure_sizes", "main"]

#: Councils of the generated studies.
SIZES = (12, 40, 150)
#: The functions timed inside ``analyse``: (module, name).
STEPS = [("impact.pipeline", n) for n in (
    "_segments_and_coding", "council_panel", "participant_panel", "_status_comparisons", "intervention_effects",
    "attrition_effects", "survey_effects", "survey_change_by_status", "framework_matrix", "_process_findings",
    "indicator_effects", "review_indicator_effects", "study_hash")] + [("impact.codings", "as_codings")]


def _timed(steps):
    """Wrap each step (module attribute) to add its outermost inclusive CPU to a dict; return it and an undo."""
    import importlib

    spent: dict[str, float] = {}
    undo = []
    for module_name, name in steps:
        module = importlib.import_module(module_name)
        f = getattr(module, name)
        if not isinstance(f, types.FunctionType):
            continue
        busy = [False]

        @functools.wraps(f)
        def wrapper(*a, _f=f, _name=name, _busy=busy, **k):
            if _busy[0]:
                return _f(*a, **k)
            _busy[0], start = True, time.process_time()
            try:
                return _f(*a, **k)
            finally:
                spent[_name] = spent.get(_name, 0.0) + time.process_time() - start
                _busy[0] = False

        setattr(module, name, wrapper)
        undo.append((module, name, f))
    return spent, undo


def analyse_stages(n_councils: int, seed: int) -> dict[str, float]:
    """Inclusive CPU seconds of ``analyse`` and its steps on one generated study (planted coding, 199 resamples)."""
    from impact import pipeline
    from impact.synth import generate_with_truth

    study, truth = generate_with_truth(n_councils, seed=seed)
    coded = truth.coded()
    spent, undo = _timed(STEPS)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            start = time.process_time()
            pipeline.analyse(study, coded=coded, n_resamples=199, seed=1)
            total = time.process_time() - start
    finally:
        for module, name, f in undo:
            setattr(module, name, f)
    return {"analyse": round(total, 2), **{k: round(v, 2) for k, v in sorted(spent.items(), key=lambda kv: -kv[1])}}


def run_cpu(n_councils: int, seed: int, folder: Path) -> float:
    """User + system CPU seconds of ``impact run`` (999 resamples, no cache) of a generated study, in a child."""
    study = folder / f"study{n_councils}"
    env = {**os.environ, "MPLBACKEND": "Agg", "PYTHONHASHSEED": "0"}
    subprocess.run([sys.executable, "-m", "impact", "synth", "--councils", str(n_councils), "--seed", str(seed),
                    "--out", str(study)], check=True, env=env, capture_output=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-m", "impact", "run", str(study), "--out", str(folder / f"run{n_councils}"),
                    "--resamples", "999", "--no-cache", "-q"], check=True, env=env, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return round(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, 2)


def main(argv: list[str] | None = None) -> dict:
    args = arguments(argv, __doc__, SIZES, "measure analyse only, not `impact run`")
    from impact import pipeline
    from impact.synth import generate_with_truth

    warm, warm_truth = generate_with_truth(6, seed=5)  # imports, codebooks, the coder's patterns: not timed
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pipeline.analyse(warm, coded=warm_truth.coded(), n_resamples=99, seed=1)
    return measure_sizes(args, "analysis_stages", lambda n: 31600 + n % 10,
                         lambda n, seed: {"analyse_cpu_s": analyse_stages(n, seed)})


def arguments(argv: list[str] | None, doc: str, sizes, no_run: str) -> argparse.Namespace:
    """The command line of a bench of several study sizes: ``--out``, ``--sizes`` (default ``sizes``), ``--no-run``."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("bench/results"))
    parser.add_argument("--sizes", type=int, nargs="+", default=list(sizes))
    parser.add_argument("--no-run", action="store_true", help=no_run)
    return parser.parse_args(argv)


def measure_sizes(args: argparse.Namespace, prefix: str, seed_of, measure) -> dict:
    """``measure(n, seed)`` of each of ``args.sizes``, with :func:`run_cpu` unless ``args.no_run``; printed, and
    written to ``<args.out>/<prefix>-<timestamp>.json`` and ``<prefix>_latest.json``."""
    results: dict = {"when": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"), "sizes": {}}
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            seed = seed_of(n)
            entry = {"seed": seed, **measure(n, seed)}
            if not args.no_run:
                entry["run_cpu_s"] = run_cpu(n, seed, Path(tmp))
            results["sizes"][str(n)] = entry
            print(n, json.dumps(entry), flush=True)
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = _dt.datetime.now(_dt.UTC).strftime("%Y%m%dT%H%M%S")
    for name in (f"{prefix}-{stamp}.json", f"{prefix}_latest.json"):
        (args.out / name).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return results


if __name__ == "__main__":
    main()

"""The cases of the suite's sweeps beyond the ones each test keeps (testtime35), run as a validity script.

``python -m bench.moved_cases --out bench/results`` writes ``<out>/moved_cases.json`` and exits 1 if a case fails.

Some tests checked one planted property over several generated studies, each a whole study analysed and reported: a
sweep where one or two cases prove the property and the others measure how often it holds, or hold it at a size
whose run was most of the file's time. The suite keeps the first cases; the others run here through the test's own
functions (its assertions, thresholds and studies), so a failure here is the failure the test would have shown. Per
sweep and case: passed or the assertion's message, the CPU seconds, and what the test's helpers read where they can.

* ``truth51``: tests/test_report_truth_round51.py's change by status under informative attrition (20 councils,
  seeds 51001 and 51002; the suite keeps 51003, the one whose summary disputes the change, so the test reads the
  weighted table too);
* ``truth52``: tests/test_report_truth_round52.py's change that differs by status with each group's direction
  (30 councils, seeds 52102 and 52103; the suite keeps 52101);
* ``disclosure153``: tests/test_report_disclosure.py's intruder attack and published-count check on a generated
  153-council study (seed 1053, 3 interviews per council and wave, run with 99 resamples; the suite keeps the 10- and
  30-council runs it shares with other files): about 130 s of the file's 210 s wall time alone.

``--all`` runs the cases the suite keeps too (how the kept seed was chosen).
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import tempfile
import time
from pathlib import Path

__all__ = ["SWEEPS", "main", "run_sweep"]

HERE = Path(__file__).resolve().parents[1]

#: name -> (test module, test functions, the cases the suite keeps, the cases moved here)
SWEEPS = {
    "truth51": ("tests.test_report_truth_round51",
                ["test_a_change_by_status_under_informative_attrition_is_said_as_planted"], [51003], [51001, 51002]),
    "truth52": ("tests.test_report_truth_round52",
                ["test_a_change_that_differs_by_status_is_found_with_each_groups_direction"], [52101], [52102, 52103]),
    "disclosure153": ("tests.test_report_disclosure",
                      ["test_no_suppressed_count_can_be_narrowed", "test_no_published_count_below_threshold"], [], [153]),
}


def _module(name: str):
    """The test module of sweep ``name``, imported as pytest would find it (tests/ and the checkout on the path)."""
    for p in (str(HERE), str(HERE / "tests")):
        if p not in sys.path:
            sys.path.insert(0, p)
    return importlib.import_module(SWEEPS[name][0])


def _bundle(n: int, folder: Path) -> tuple[int, Path]:
    """A generated ``n``-council study run whole into ``folder`` (the design the disclosure test used for 153)."""
    import impact
    import impact.synth

    impact.synth.generate(n, seed=900 + n, interviews_per_wave=4 if n < 100 else 3, words_per_interview=150,
                          out=folder / "study")
    impact.run(folder / "study", out_dir=folder / "out", n_resamples=99, seed=1, cache=False)
    return n, folder / "out"


def _case(name: str, module, case: int, folder: Path):
    """The arguments of the sweep's test functions for ``case``, and what its helpers read of the result."""
    if name == "disclosure153":
        bundle = _bundle(case, folder)
        _, intervals = module.attack(bundle[1], case)
        return (bundle,), {"suppressed_counts_attacked": len(intervals),
                           "narrowest_interval": min((hi - lo for lo, hi in intervals.values()), default=None)}
    _, _, f = module._study(case, by_status=True)
    said = module._said(f)
    if hasattr(module, "_claims"):
        read = {label: {g: sorted(v) for g, v in groups.items()} for label, groups in module._claims(said).items()}
    else:
        read = sorted(module._state(said, "promotion of learning and reflective practice"))
    return (case,), {"said": read}


def run_sweep(name: str, cases=None) -> dict:
    """``{case: {"passed", "error", "cpu_s", ...}}`` of sweep ``name``'s tests at ``cases`` (default: the moved ones)."""
    module = _module(name)
    _, tests, _, moved = SWEEPS[name]
    out = {}
    for case in (moved if cases is None else cases):
        t0 = time.process_time()
        with tempfile.TemporaryDirectory(prefix=f"moved-{name}-") as tmp:
            try:
                args, read = _case(name, module, case, Path(tmp))
                for test in tests:
                    getattr(module, test)(*args)
                passed, error = True, None
            except AssertionError as exc:
                passed, error, read = False, str(exc)[:2000], {}
        out[str(case)] = {"passed": passed, "error": error, **read, "cpu_s": round(time.process_time() - t0, 2)}
        print(name, case, "passed" if passed else f"FAILED: {error}", flush=True)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=HERE / "bench/results")
    ap.add_argument("--sweeps", nargs="*", default=list(SWEEPS), choices=list(SWEEPS))
    ap.add_argument("--all", action="store_true", help="the cases the suite keeps as well")
    args = ap.parse_args(argv)
    results = {name: run_sweep(name, [*SWEEPS[name][2], *SWEEPS[name][3]] if args.all else None)
               for name in args.sweeps}
    args.out.mkdir(parents=True, exist_ok=True)
    doc = {"sweeps": results, "all_cases": args.all,
           "passed": all(r["passed"] for sweep in results.values() for r in sweep.values())}
    (args.out / "moved_cases.json").write_text(json.dumps(doc, indent=1, allow_nan=False) + "\n")
    return 0 if doc["passed"] else 1


if __name__ == "__main__":
    raise SystemExit(main())

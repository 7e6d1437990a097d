"""Linear programmes and CPU seconds of the disclosure audit's ``release_unneeded``, the audit before speed20 against
the present one, on the ledgers reports of generated studies declare (speed20).

``python -m bench.release_audit --out bench/results`` generates studies of 5, 10 and 40 councils
(:func:`impact.synth.generate_with_truth`, seed ``32600 + councils``, the generator's defaults, as
``bench.report_stages``), analyses each with its planted coding (99 resamples, seed 1), declares its report's ledger
(every count, relation and bound, as :func:`impact.pipeline.build_report` does) at each ``--min-counts`` and protects
it; then runs ``release_unneeded`` on copies of it with the audit before speed20 (``_ReleaseAudit.simplex = None``,
``one_free = False``) and with the present one, best CPU of ``--repeats``, counting the programmes solved (calls of
``_Block.bound``, maxima and minima) and checking that both release and hide the same counts. Results go to
``<out>/release_audit-<timestamp>.json`` and are printed.
"""

from __future__ import annotations

import argparse
import copy
import json
import time
import warnings
from pathlib import Path

__all__ = ["main"]


def _run(ledger, *, old: bool, repeats: int) -> dict:
    from impact.privacy._ledger import _Block, _ReleaseAudit

    saved = _ReleaseAudit.simplex, _ReleaseAudit.one_free, _Block.bound
    solved = {"max": 0, "min": 0}
    bound = _Block.bound

    def counted(self, key, *, upper):
        solved["max" if upper else "min"] += 1
        return bound(self, key, upper=upper)

    best = None
    try:
        _Block.bound = counted
        if old:
            _ReleaseAudit.simplex, _ReleaseAudit.one_free = None, False
        for _ in range(repeats):
            led = copy.deepcopy(ledger)
            solved.update(max=0, min=0)
            start = time.process_time()
            released = led.release_unneeded()
            spent = time.process_time() - start
            best = spent if best is None else min(best, spent)
    finally:
        _ReleaseAudit.simplex, _ReleaseAudit.one_free, _Block.bound = saved
    return {"cpu_s": round(best, 4), "maxima": solved["max"], "minima": solved["min"],
            "released": [repr(k) for k in released], "hidden": sorted(map(repr, led._hidden))}


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("bench/results"))
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 10, 40])
    parser.add_argument("--min-counts", type=int, nargs="+", default=[5])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    from impact.pipeline import analyse
    from impact.report._build import _Ctx, _declare
    from impact.synth import generate_with_truth

    rows = []
    for n in args.sizes:
        study, truth = generate_with_truth(n, seed=32600 + n)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            findings = analyse(study, coded=truth.coded(), n_resamples=99, seed=1)
            for min_count in args.min_counts:
                ctx = _Ctx(findings, False, min_count, 5, None, False)
                _declare(ctx)
                ctx.ledger.protect()
                before = _run(ctx.ledger, old=True, repeats=args.repeats)
                after = _run(ctx.ledger, old=False, repeats=args.repeats)
                same = before.pop("released") == after.pop("released") and before.pop("hidden") == after.pop("hidden")
                row = {"councils": n, "min_count": min_count, "identical": same, "before": before, "after": after}
                print(json.dumps(row), flush=True)
                rows.append(row)
    args.out.mkdir(parents=True, exist_ok=True)
    result = {"when": time.strftime("%Y-%m-%dT%H:%M:%S"), "rows": rows}
    (args.out / f"release_audit-{time.strftime('%Y%m%d-%H%M%S')}.json").write_text(json.dumps(result, indent=1))
    return result


if __name__ == "__main__":
    main()

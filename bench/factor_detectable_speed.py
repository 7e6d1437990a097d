"""CPU per analysis of the factor test's detectable odds ratio, refitting every draw against fitting each distinct
outcome vector once (stats23).

``python -m bench.factor_detectable_speed [--sizes 10 20 40 80] [--seed 49000] [--repeats 3] [--out bench/results]``
writes ``<out>/factor_detectable_speed.json``. For each size a study is generated (seed ``--seed`` + size) and
analysed with its planted coding (the review process only, :func:`bench.factor_detectable.study_rows`); the factor
whose detectable odds ratio the report states is then simulated again by
:func:`impact.process._by_impact_detectable` (as :func:`impact.process.factors_by_impact` calls it: 200 draws) with
``reuse=False`` (every draw refitted at every odds ratio tried, as before stats23) and ``reuse=True`` (each distinct
outcome vector fitted once). Per size: the best of ``--repeats`` CPU times of each (after one warm-up call, so that no
import is timed), the figure each gives (they must be the same, bit for bit) and the distinct outcome vectors fitted.
"""

from __future__ import annotations

import argparse
import json
import time
import warnings
from pathlib import Path
from unittest import mock

SIZES = (10, 20, 40, 80)


def _timed(call, repeats: int) -> tuple[float, float]:
    best, value = float("inf"), None
    for _ in range(repeats):
        start = time.process_time()
        value = call()
        best = min(best, time.process_time() - start)
    return best, value


def one(n_councils: int, seed: int, repeats: int) -> dict:
    import impact.process as process
    from bench.factor_detectable import study_rows
    from impact.stats import _power

    findings, rows = study_rows(n_councils, seed)
    bi = findings.process["by_impact"]
    stated = bi[bi["detectable_odds_ratio"].notna()]
    if stated.empty:
        return dict(n_councils=n_councils, seed=seed, tested=False)
    row = stated.iloc[0]
    d = rows[rows["code"] == row["code"]]
    alpha = 0.05 / int(bi["tested"].sum())
    real = _power._firth_detectable_ratio
    fitted = []
    real_batch = _power._firth_lr_batch

    def counting(x, y, j, **kw):
        fitted.append(len(y))
        return real_batch(x, y, j, **kw)

    out = dict(n_councils=n_councils, seed=seed, tested=True, code=str(row["code"]), rows=len(d))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        process._by_impact_detectable(d, row, alpha)  # warm-up: imports
        for reuse in (False, True):
            def call(reuse=reuse):
                with mock.patch.object(_power, "_firth_detectable_ratio",
                                       lambda *a, **k: real(*a, **k, reuse=reuse)):
                    return process._by_impact_detectable(d, row, alpha)
            seconds, value = _timed(call, repeats)
            fitted.clear()
            with mock.patch.object(_power, "_firth_lr_batch", counting):
                call()
            key = "reuse" if reuse else "refit"
            out[key] = dict(cpu_seconds=round(seconds, 4), odds_ratio=value, draws_fitted=int(sum(fitted)))
    out["same"] = out["refit"]["odds_ratio"] == out["reuse"]["odds_ratio"]
    out["speedup"] = round(out["refit"]["cpu_seconds"] / max(out["reuse"]["cpu_seconds"], 1e-9), 2)
    return out


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--seed", type=int, default=49000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--out", default="bench/results")
    args = parser.parse_args(argv)
    result = dict(sizes=[one(size, args.seed + size, args.repeats) for size in args.sizes])
    from impact._io import atomic_write_text

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    atomic_write_text(out / "factor_detectable_speed.json", json.dumps(result, indent=1) + "\n")
    for r in result["sizes"]:
        if r["tested"]:
            print(f"{r['n_councils']:>3} councils ({r['rows']} rows): {r['refit']['cpu_seconds']:.3f} s -> "
                  f"{r['reuse']['cpu_seconds']:.3f} s CPU (x{r['speedup']}; draws fitted {r['refit']['draws_fitted']}"
                  f" -> {r['reuse']['draws_fitted']}); odds ratio {r['reuse']['odds_ratio']:.4g}, same: {r['same']}")
    return result


if __name__ == "__main__":
    main()

"""Is the Firth fits' least detectable ratio of the odds ratios honest? (truth59)

``python -m bench.truth59_firth_detectable --out bench`` writes ``<out>/truth59_firth_detectable.json``.

The change by status table's note gives, for an impact fitted by Firth's penalised likelihood (a wave and status
group's participants all or none reported it), the least ratio of the odds ratios its test of one wave's difference
would find with 80% power: ``exp((t(1 - alpha/2, df) + t(0.8, df)) x se)`` from the fit's standard error (truth58,
:func:`impact.report._build._by_status_firth_limits`). That is the minimum detectable effect of a Wald test whose
standard error does not change with the effect. Near all or none it does: a larger difference pushes the share
towards 1, where the data say less, and the test is a penalised likelihood ratio test divided by the councils'
design effect, not a Wald test.

Each study here is simulated directly, independently of the generator: ``size`` councils, 40% in intervention (fixed
across the two waves, so the groups are compared at the wave), ``PER`` participants each, interviewed at both waves;
a participant reports the impact with log-odds ``BASE`` at the first wave, ``BASE + RISE`` at the second, plus
``delta`` at the second in councils in intervention (the planted log ratio of the odds ratios), plus a council effect
(normal, sd ``COUNCIL_SD``) at both waves. With ``RISE`` 2.2 the councils not in intervention report it at about 0.9
at the second wave, so those in intervention with any ``delta`` above about 1 are near all: the Firth fit is used
where the cell is all. Everything is fitted by impact's own :func:`impact.change_by_status` (the report's fit).

Two phases per size (seeds written before the run: ``--seed`` + 10000 x phase + 100 x size + i):

1. stated: ``delta`` = ``--pilot`` (2.5, a difference near all); in the studies fitted by Firth, the least ratio the
   note would state (:func:`impact.report._build._detectable_log_odds` of the fit's se and df); its median.
2. planted: ``delta`` = the log of that median; the share of studies (and of those fitted by Firth) whose test of the
   wave's difference has p < alpha: the power at the stated ratio, which an honest figure puts near 0.8; and the
   figure those studies state in their turn.

truth59's run: ``--sizes 20 30 40 --n 200 --seed 5959000`` (seeds chosen before the run).

Also (phase 3) ``delta`` = 10 (the cell all reported in practice): the most power any ratio can reach here.
"""

from __future__ import annotations

import argparse
import json
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from bench.survey_power_check import wilson

ALPHA = 0.05
PER = 5
BASE, RISE, COUNCIL_SD = 0.0, 2.2, 0.5
SHARE_IN = 0.4
WAVES = ["expectations", "early"]


def panel(size: int, delta: float, seed: int) -> pd.DataFrame:
    """One simulated study's participant panel (the columns :func:`impact.change_by_status` reads)."""
    rng = np.random.default_rng(seed)
    n_in = max(3, round(SHARE_IN * size))
    status = np.r_[np.ones(n_in, int), np.zeros(size - n_in, int)]
    u = rng.normal(0, COUNCIL_SD, size)
    rows = []
    for c in range(size):
        for p in range(PER):
            for k, w in enumerate(WAVES):
                eta = BASE + u[c] + k * (RISE + delta * status[c])
                rows.append({"participant_id": f"c{c}p{p}", "council_id": f"c{c}", "wave": w, "code": "learning",
                             "status_group": "intervention" if status[c] else "no_intervention",
                             "reported": bool(rng.random() < 1 / (1 + np.exp(-eta)))})
    return pd.DataFrame(rows)


def one(size: int, delta: float, seed: int) -> dict | None:
    from impact import change_by_status
    from impact.report._build import _detectable_log_odds

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        bs = change_by_status(panel(size, delta, seed), waves=WAVES, alpha=ALPHA)
    diff = bs[bs["term"].eq("change_difference")] if "term" in bs.columns else bs.iloc[:0]
    if diff.empty:
        return None
    r = diff.iloc[0]
    stated = float(np.exp(_detectable_log_odds(float(r["se"]), float(r["df"]), ALPHA)))
    return {"seed": seed, "estimator": str(r["estimator"]), "estimate": float(r["estimate"]), "se": float(r["se"]),
            "df": float(r["df"]), "p_value": float(r["p_value"]), "stated_ratio": stated}


def _rate(flags) -> dict:
    k, n = int(sum(flags)), len(flags)
    low, high = wilson(k, n) if n else (float("nan"), float("nan"))
    return {"k": k, "n": n, "rate": k / n if n else float("nan"), "wilson_95": [low, high]}


def _phase(size: int, delta: float, seeds: list[int]) -> dict:
    rows = [r for s in seeds if (r := one(size, delta, s))]
    firth = [r for r in rows if r["estimator"] == "firth"]
    return {"delta": delta, "seeds": [seeds[0], seeds[-1]], "studies": len(seeds), "tested": len(rows),
            "firth": len(firth),
            "power_all": _rate([r["p_value"] < ALPHA for r in rows]),
            "power_firth": _rate([r["p_value"] < ALPHA for r in firth]),
            "stated_ratio_median_firth": float(np.median([r["stated_ratio"] for r in firth])) if firth else None,
            "se_median_firth": float(np.median([r["se"] for r in firth])) if firth else None}


def run(sizes: list[int], n: int, seed: int, pilot: float) -> dict:
    out = {"alpha": ALPHA, "per_council": PER, "base": BASE, "rise": RISE, "council_sd": COUNCIL_SD,
           "share_in_intervention": SHARE_IN, "pilot": pilot, "seed": seed, "sizes": []}
    for size in sizes:
        start = time.process_time()
        seeds = lambda phase, size=size: [seed + 10000 * phase + 100 * size + i for i in range(n)]  # noqa: E731
        stated = _phase(size, pilot, seeds(1))
        planted = _phase(size, float(np.log(stated["stated_ratio_median_firth"])), seeds(2))
        ceiling = _phase(size, 10.0, seeds(3))
        out["sizes"].append({"councils": size, "stated": stated, "planted_at_stated": planted,
                             "all_reported": ceiling, "cpu_seconds": round(time.process_time() - start, 1)})
        print(json.dumps(out["sizes"][-1]), flush=True)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[20, 30, 40])
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=5959000)
    ap.add_argument("--pilot", type=float, default=2.5)
    ap.add_argument("--out", type=Path, default=Path("bench"))
    a = ap.parse_args()
    res = run(a.sizes, a.n, a.seed, a.pilot)
    a.out.mkdir(parents=True, exist_ok=True)
    (a.out / "truth59_firth_detectable.json").write_text(json.dumps(res, indent=1) + "\n")


if __name__ == "__main__":
    main()

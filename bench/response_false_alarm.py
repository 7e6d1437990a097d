"""How often the report's response test says missed interviews are not at random when they are (truth50).

``python -m bench.response_false_alarm --out bench/results`` writes ``<out>/response_false_alarm.json``.

The report's sample section tests whether participants in councils in intervention were interviewed as often as the
others (truth47): a binomial GEE of being interviewed (every listed participant at every wave) on wave and
intervention status, councils as clusters, independence working correlation, bias-reduced sandwich and t reference
(:func:`impact.report._build._response_fit`, the package's own fit). Where its p-value is below the report's alpha the
summary says the missed interviews are not at random, and (truth50) a change across the waves is stated only where
the complete-case and weighted models agree.

Control studies (``--n`` per size, seeds ``--seed`` + 1000 x size + i) are generated with the generator's default
missed interviews, which do not depend on status (``participant_missing`` 0.08 per wave, ``participant_dropout`` 0.08,
``council_missing`` 0.04); informative ones with participants in councils in intervention planted to miss 45% and
65% of the later interviews (bench/ipw_check.py's ``MISSING_IN``; seeds + 500). Each study's grid of listed
participants is built as the report builds it (:func:`impact.report._build._response_grid`, every interview counted
in its council's group at the wave) and tested at ``--alpha``. Per size: the false alarm rate (control studies
flagged) and the detection rate (informative ones flagged), each with its Monte Carlo standard error and Wilson 95%
interval, and the same two rates for a rule that also asks for an odds ratio of being interviewed at least ``--min-or``
away from 1 (below 1 / min_or or above min_or), so that a better rule can be judged on measured rates.
"""

from __future__ import annotations

import argparse
import json
import math
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from bench.survey_power_check import wilson

ALPHA = 0.05
#: bench/ipw_check.py's planted chance that a participant in a council in intervention misses each wave.
MISSING_IN = {"expectations": 0.05, "early": 0.45, "longer_term": 0.65}


def response_term(n_councils: int, seed: int, *, informative: bool, alpha: float = ALPHA, **options) -> dict | None:
    """The response test of one generated study: ``{"odds_ratio", "p_value"}``, or None where it cannot be made.
    ``options`` are further arguments of ``generate_with_truth`` (its status paths, its effects: truth60)."""
    from impact.report._build import _response_fit, _response_grid
    from impact.synth import generate_with_truth

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        study, _ = generate_with_truth(n_councils, seed=seed, **{
            "interviews_per_wave": 4, "words_per_interview": 50,
            "participant_missing_in_intervention": MISSING_IN if informative else None, **options})
    waves = list(study.wave_ids)
    grid = _response_grid(study, waves, study.interviews, {})
    d = grid[grid["group"].isin(["intervention", "no_intervention"])]
    if d["group"].nunique() < 2 or d["interviewed"].all():
        return None
    d = d.assign(in_intervention=d["group"].eq("intervention").astype(int), interviewed=d["interviewed"].astype(int),
                 wave=pd.Categorical(d["wave"], categories=waves))
    term = _response_fit(d, alpha)
    if term is None:
        return None
    return {"seed": seed, "odds_ratio": float(np.exp(term["estimate"])), "p_value": float(term["p_value"])}


def _rate(flags: list[bool]) -> dict:
    k, n = int(sum(flags)), len(flags)
    low, high = wilson(k, n) if n else (math.nan, math.nan)
    p = k / n if n else math.nan
    return {"k": k, "n": n, "rate": p, "mc_se": math.sqrt(p * (1 - p) / n) if n else math.nan, "ci": [low, high]}


def run(sizes: list[int], n: int, seed: int, alpha: float, min_or: float, n_informative: int) -> dict:
    out = {"alpha": alpha, "min_or": min_or, "seed": seed, "sizes": []}
    for size in sizes:
        start = time.process_time()
        control = [r for i in range(n) if (r := response_term(size, seed + 1000 * size + i, informative=False,
                                                               alpha=alpha))]
        informative = [r for i in range(n_informative)
                       if (r := response_term(size, seed + 1000 * size + 500 + i, informative=True, alpha=alpha))]

        def flagged(rows, rule):
            return [bool(r["p_value"] < alpha and (rule is None or not 1 / rule < r["odds_ratio"] < rule))
                    for r in rows]

        out["sizes"].append({
            "n_councils": size,
            "false_alarm": _rate(flagged(control, None)),
            "detected": _rate(flagged(informative, None)),
            f"false_alarm_min_or_{min_or}": _rate(flagged(control, min_or)),
            f"detected_min_or_{min_or}": _rate(flagged(informative, min_or)),
            "control_untestable": n - len(control),
            "control_median_odds_ratio": float(np.median([r["odds_ratio"] for r in control])) if control else None,
            "informative_median_odds_ratio": (float(np.median([r["odds_ratio"] for r in informative]))
                                              if informative else None),
            "cpu_seconds": round(time.process_time() - start, 1),
            "control": control, "informative": informative,
        })
    return out


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("bench/results"))
    parser.add_argument("--sizes", type=int, nargs="+", default=[20, 40])
    parser.add_argument("--n", type=int, default=100, help="control studies per size")
    parser.add_argument("--n-informative", type=int, default=50, help="informative studies per size")
    parser.add_argument("--seed", type=int, default=50000)
    parser.add_argument("--alpha", type=float, default=ALPHA)
    parser.add_argument("--min-or", type=float, default=1.5)
    args = parser.parse_args(argv)
    result = run(args.sizes, args.n, args.seed, args.alpha, args.min_or, args.n_informative)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "response_false_alarm.json").write_text(json.dumps(result, indent=1) + "\n")
    for s in result["sizes"]:
        print(s["n_councils"], {k: v for k, v in s.items() if k not in ("control", "informative")})


if __name__ == "__main__":
    main()

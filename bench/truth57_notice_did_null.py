"""Truth57: size of the indicators' change after a council's first notice (``indicator_effects``) under no planted
indicator effect. Seeds 5700400-5700439 chosen before any run; 80 councils, default paths, ``SynthEffects.null()``.

    PYTHONPATH=$PWD python bench/truth57_notice_did_null.py [n_studies]
"""

from __future__ import annotations

import json
import sys
import time
import warnings
from pathlib import Path

SEEDS = range(5700400, 5700440)


def null_claims(seeds, make, estimate, out: Path) -> None:
    """For each seed, the study ``make(seed)`` and its indicators' changes ``estimate(study)`` (a frame with
    ``measure``, ``p_value``, ``ri_p_value``): how many studies claimed a change (the randomisation p adjusted across
    the indicators, Holm, below 0.05), written to ``out`` (truth63's null bench counts so too)."""
    from impact.stats import adjust_pvalues

    rows, t0 = [], time.time()
    for seed in seeds:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            e = estimate(make(seed))
        e = e.dropna(subset=["ri_p_value"])
        adj = adjust_pvalues(e["ri_p_value"].to_numpy(), method="holm") if len(e) else []
        rows.append({"seed": seed, "p": dict(zip(e["measure"], e["p_value"].round(4))),
                     "ri_p": dict(zip(e["measure"], e["ri_p_value"].round(4))),
                     "claimed": int((adj < 0.05).sum()) if len(e) else 0})
        print(seed, rows[-1], f"{time.time() - t0:.0f} s", flush=True)
    single = [p for r in rows for p in r["ri_p"].values()]
    analytic = [p for r in rows for p in r["p"].values()]
    result = {"studies": len(rows), "claimed": sum(r["claimed"] > 0 for r in rows),
              "ri_below_05": sum(p < 0.05 for p in single), "analytic_below_05": sum(p < 0.05 for p in analytic),
              "tests": len(single), "rows": rows}
    out.write_text(json.dumps(result, indent=1))
    print({k: v for k, v in result.items() if k != "rows"})


def main(n: int) -> None:
    from impact.indicators import indicator_effects
    from impact.synth import SynthEffects, generate_with_truth

    null_claims(list(SEEDS)[:n],
                lambda seed: generate_with_truth(80, seed=seed, interviews_per_wave=1, words_per_interview=50,
                                                 effects=SynthEffects.null())[0],
                lambda study: indicator_effects(study, n_permutations=199, seed=1),
                Path(__file__).with_suffix(".json"))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else len(SEEDS))

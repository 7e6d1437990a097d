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


def main(n: int) -> None:
    from impact.indicators import indicator_effects
    from impact.stats import adjust_pvalues
    from impact.synth import SynthEffects, generate_with_truth

    rows, t0 = [], time.time()
    for seed in list(SEEDS)[:n]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            study, _ = generate_with_truth(80, seed=seed, interviews_per_wave=1, words_per_interview=50,
                                           effects=SynthEffects.null())
            e = indicator_effects(study, n_permutations=199, seed=1)
        e = e.dropna(subset=["ri_p_value"])
        adj = adjust_pvalues(e["ri_p_value"].to_numpy(), method="holm")
        rows.append({"seed": seed, "p": dict(zip(e["measure"], e["p_value"].round(4))),
                     "ri_p": dict(zip(e["measure"], e["ri_p_value"].round(4))), "claimed": int((adj < 0.05).sum())})
        print(seed, rows[-1], f"{time.time() - t0:.0f} s", flush=True)
    single = [p for r in rows for p in r["ri_p"].values()]
    analytic = [p for r in rows for p in r["p"].values()]
    out = {"studies": len(rows), "claimed": sum(r["claimed"] > 0 for r in rows),
           "ri_below_05": sum(p < 0.05 for p in single), "analytic_below_05": sum(p < 0.05 for p in analytic),
           "tests": len(single), "rows": rows}
    Path(__file__).with_suffix(".json").write_text(json.dumps(out, indent=1))
    print({k: v for k, v in out.items() if k != "rows"})


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else len(SEEDS))

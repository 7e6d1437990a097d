"""Truth63: how often the indicators' change after the review (``review_indicator_effects``, the summary's "changed
by ... after the review") is claimed at 8 councils with nothing planted in the indicators. s08_every_wave (seed
6300104) claimed social worker turnover "+4.10 after the review (95% CI -0.46 to +8.66; randomisation p = 0.005,
adjusted 0.025)", where nothing is planted in turnover (exact randomisation p over its 1,680 assignments: 0.0077).
Seeds 6300301-6300340 chosen before any run (grep of the repository for 63003 found none); 8 councils, every one
entering intervention after its review and leaving it before the last wave (s08_every_wave's design),
``SynthEffects.null()``; the summary's rule (the randomisation p adjusted across the indicators, Holm, below 0.05).

    PYTHONPATH=$PWD python bench/truth63_review_did_null.py [n_studies]
"""

from __future__ import annotations

import json
import sys
import time
import warnings
from pathlib import Path

SEEDS = range(6300301, 6300341)


def main(n: int) -> None:
    from impact.indicators import review_indicator_effects
    from impact.stats import adjust_pvalues
    from impact.synth import SynthEffects, generate_with_truth

    rows, t0 = [], time.time()
    for seed in list(SEEDS)[:n]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            study, _ = generate_with_truth(8, seed=seed, interviews_per_wave=1, words_per_interview=50,
                                           effects=SynthEffects.null(), intervention_paths={"entered_lifted": 1.0})
            e = review_indicator_effects(study, n_permutations=199, seed=1)
        e = e[e["group"] == "all"]  # the summary's test over all councils (the status groups: none in intervention when reviewed)
        e = e.dropna(subset=["ri_p_value"])
        adj = adjust_pvalues(e["ri_p_value"].to_numpy(), method="holm") if len(e) else []
        rows.append({"seed": seed, "p": dict(zip(e["measure"], e["p_value"].round(4))),
                     "ri_p": dict(zip(e["measure"], e["ri_p_value"].round(4))),
                     "claimed": int((adj < 0.05).sum()) if len(e) else 0})
        print(seed, rows[-1], f"{time.time() - t0:.0f} s", flush=True)
    single = [p for r in rows for p in r["ri_p"].values()]
    analytic = [p for r in rows for p in r["p"].values()]
    out = {"studies": len(rows), "estimated": sum(bool(r["ri_p"]) for r in rows),
           "claimed": sum(r["claimed"] > 0 for r in rows),
           "ri_below_05": sum(p < 0.05 for p in single), "analytic_below_05": sum(p < 0.05 for p in analytic),
           "tests": len(single), "rows": rows}
    Path(__file__).with_suffix(".json").write_text(json.dumps(out, indent=1))
    print({k: v for k, v in out.items() if k != "rows"})


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else len(SEEDS))

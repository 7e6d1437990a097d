"""The size of the randomisation test of the indicators after a council's first notice or direction (truth74).

``python -m bench.truth74_notice_null --out bench`` writes ``<out>/truth74_notice_null.json``.

truth74's audit found the summary stating a change after a first notice in an indicator with no change planted in 3 of
14 studies with councils entering intervention (the estimator's target exactly 0). Null studies of 30 councils (every
effect null; a council's path: entering 0.3, entering and leaving 0.2, a direction 0.1, never 0.4; seeds drawn from
500000-599999) are analysed by :func:`impact.indicators.indicator_effects` with 199 reassignments: the share of the
randomisation p-values below 0.05 and 0.10, their histogram, and the share of studies in which any p adjusted across
the indicators (Holm, as the report adjusts them) is below 0.05 (the familywise rate of the summary's sentence)."""

from __future__ import annotations

import argparse
import json
import time
import warnings
from pathlib import Path

import numpy as np

PATHS = {"entered": 0.3, "entered_lifted": 0.2, "direction": 0.1, "never": 0.4}


def main(argv=None) -> dict:
    from impact.indicators import indicator_effects
    from impact.stats import adjust_pvalues
    from impact.synth import SynthEffects, generate_with_truth

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--studies", type=int, default=100)
    ap.add_argument("--out", type=Path, default=Path("bench/results"))
    a = ap.parse_args(argv)
    rng = np.random.default_rng(74999)  # the draw of seeds only
    ps, familywise, t = [], 0, time.process_time()
    for _ in range(a.studies):
        study, _truth = generate_with_truth(30, seed=int(rng.integers(500000, 600000)), effects=SynthEffects.null(),
                                            intervention_paths=PATHS, interviews_per_wave=1, words_per_interview=50)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            p = indicator_effects(study, n_permutations=199, seed=1)["ri_p_value"].dropna().to_numpy()
        ps += p.tolist()
        familywise += bool((adjust_pvalues(p, "holm") < 0.05).any())
    ps = np.array(ps)
    result = dict(studies=a.studies, tests=len(ps), below_005=int((ps < 0.05).sum()), below_010=int((ps < 0.10).sum()),
                  histogram_tenths=np.histogram(ps, bins=10, range=(0, 1))[0].tolist(),
                  studies_any_adjusted_below_005=familywise, cpu_seconds=round(time.process_time() - t, 1))
    a.out.mkdir(parents=True, exist_ok=True)
    (a.out / "truth74_notice_null.json").write_text(json.dumps(result, indent=1) + "\n")
    return result


if __name__ == "__main__":
    print(main())

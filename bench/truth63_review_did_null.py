"""Truth63: how often the indicators' change after the review (``review_indicator_effects``, the summary's "changed
by ... after the review") is claimed at 8 councils with nothing planted in the indicators. s08_every_wave (seed
6300104) claimed social worker turnover "+4.10 after the review (95% CI -0.46 to +8.66; randomisation p = 0.005,
adjusted 0.025)", where nothing is planted in turnover (exact randomisation p over its 1,680 assignments: 0.0077).
Seeds 6300301-6300340 chosen before any run (grep of the repository for 63003 found none); 8 councils, every one
entering intervention after its review and leaving it before the last wave (s08_every_wave's design),
``SynthEffects.null()``; the summary's rule (the randomisation p adjusted across the indicators, Holm, below 0.05),
counted by ``bench/truth57_notice_did_null.py``'s ``null_claims``.

    PYTHONPATH=$PWD python bench/truth63_review_did_null.py [n_studies]
"""

from __future__ import annotations

import sys
from pathlib import Path

from bench.truth57_notice_did_null import null_claims

SEEDS = range(6300301, 6300341)


def main(n: int) -> None:
    from impact.indicators import review_indicator_effects
    from impact.synth import SynthEffects, generate_with_truth

    def estimate(study):
        e = review_indicator_effects(study, n_permutations=199, seed=1)
        return e[e["group"] == "all"]  # the summary's test over all councils (none in intervention when reviewed)

    null_claims(list(SEEDS)[:n],
                lambda seed: generate_with_truth(8, seed=seed, interviews_per_wave=1, words_per_interview=50,
                                                 effects=SynthEffects.null(),
                                                 intervention_paths={"entered_lifted": 1.0})[0],
                estimate, Path(__file__).with_suffix(".json"))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else len(SEEDS))

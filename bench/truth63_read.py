"""Truth63: every sentence of the report against the planted truth at the edges the package promises (round 3).

Seeds chosen before any run (grep of the whole repository for 630010, 630020 and 630030 found none): 6300101-6300112.
Sizes and designs earlier rounds (truth57, truth60: mostly 12-40 councils) did not read: 5, 6 and 8 councils and 120
and 150; no council ever in intervention; every council in intervention at every wave; every council's status
changing at every wave (a notice issued after the review and lifted before the longer-term wave); heavy attrition (40%
of the interviews missed at each wave and 40% of the participants leaving after each wave); nothing planted; an effect
planted in one impact only (learning rises after the review, nothing else planted). Same method as
``bench/truth57_read.py`` (its ``run``): generated with planted truth, analysed with the planted coding, every
section's text written to ``bench/truth63_read/<name>.txt`` beside the true prevalences, and its tables beside it.

    PYTHONPATH=$PWD python bench/truth63_read.py [before|after] [name ...]
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

from bench import truth60_read
from impact.synth import SynthEffects

#: Nothing planted but a rise in learning after the review (odds ratio exp(2) = 7.4 at both later waves).
ONE_IMPACT = dataclasses.replace(SynthEffects.null(), code_wave_log_odds={
    "learning": {"expectations": 0.0, "early": 2.0, "longer_term": 2.0}})
_BIG = {"words_per_interview": 300, "interviews_per_wave": 3}
_ATTRITION = {"participant_missing": 0.4, "participant_dropout": 0.4}

#: name: (councils, seed, keyword arguments of generate_with_truth). Written before the first run.
STUDIES = {
    "s05_default": (5, 6300101, {}),
    "s06_never": (6, 6300102, {"intervention_paths": {"never": 1.0}}),
    "s08_all_in": (8, 6300103, {"intervention_paths": {"throughout": 0.5, "direction": 0.5}}),
    "s08_every_wave": (8, 6300104, {"intervention_paths": {"entered_lifted": 1.0}}),
    "s06_attrition40": (6, 6300105, dict(_ATTRITION)),
    "s05_null": (5, 6300106, {"effects": "null"}),
    "s08_one_impact": (8, 6300107, {"effects": ONE_IMPACT}),
    "s120_attrition40": (120, 6300108, {**_ATTRITION, **_BIG}),
    "s150_null": (150, 6300109, {"effects": "null", **_BIG}),
    "s120_one_impact": (120, 6300110, {"effects": ONE_IMPACT, **_BIG}),
    "s150_every_wave": (150, 6300111, {"intervention_paths": {"never": 0.5, "entered_lifted": 0.5}, **_BIG}),
    "s120_never_all_in": (120, 6300112, {"intervention_paths": {"never": 0.5, "throughout": 0.5}, **_BIG}),
}


if __name__ == "__main__":
    truth60_read.main(STUDIES, Path(__file__).with_suffix(""), sys.argv[1:])

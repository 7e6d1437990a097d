"""Truth60: is s60_null_direction's "missed interviews are not at random" (p 0.024, nothing planted) chance?

The same design as ``bench/truth60_read.py``'s s60_null_direction (60 councils, nothing planted, a fifth of the
councils under a notice and a statutory direction throughout and a fifth entering and leaving intervention, the
generator's default missed interviews, which do not depend on status), 40 studies, seeds 6000301-6000340 chosen before
the run; each study's response test as the report makes it (``bench.response_false_alarm.response_term``: every listed
participant at every wave, 5 interviews a council and wave as in the study). Writes
``bench/truth60_response_null.json``: the studies flagged at 0.05, with the Wilson 95% interval.

    PYTHONPATH=$PWD python bench/truth60_response_null.py
"""

from __future__ import annotations

import json
from pathlib import Path

from bench.response_false_alarm import _rate, response_term

SEEDS = range(6000301, 6000341)
DESIGN = {"interviews_per_wave": 5, "intervention_paths": {"never": 0.6, "direction": 0.2, "entered_lifted": 0.2}}

if __name__ == "__main__":
    from impact.synth import SynthEffects

    rows = [r for s in SEEDS if (r := response_term(60, s, informative=False, effects=SynthEffects.null(), **DESIGN))]
    out = {"design": "s60_null_direction", "seeds": [SEEDS.start, SEEDS.stop - 1],
           "flagged": _rate([r["p_value"] < 0.05 for r in rows]), "studies": rows}
    Path(__file__).with_suffix(".json").write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(out["flagged"]))

"""Disclosure round 71's red team: six studies the project never generated (sizes 1, 5, 6, 8, 12, 20; 2 to 5
waves; the survey at several waves; everyone in intervention; one council only). Seeds written before any run and
checked unused in the repository (``grep -rlw``). Built as round 65's
(:func:`bench.disclosure65_attack.studies.build`: planted coding, 199 resamples, seed 1).

``python -m bench.disclosure71_attack.studies OUT [NAME ...]`` (OUT a folder of its own).
"""

from __future__ import annotations

import sys
from pathlib import Path

from bench.disclosure65_attack.studies import build

_SMALL = dict(interviews_per_wave=3, words_per_interview=150)

#: name -> (councils, seed, generator options)
STUDIES = {
    # 5 councils, four waves, every council in intervention at every wave
    "u05all": (5, 71053, dict(_SMALL, waves=4, intervention_paths={"throughout": 1.0})),
    # 6 councils, two waves (the rank-biserial correlation of two waves), survey at both
    "u06two": (6, 71061, dict(_SMALL, waves=2, intervention_paths={"never": 0.5, "lifted": 0.5})),
    # 8 councils, five waves, the survey at every wave, attrition
    "u08five": (8, 71087, dict(_SMALL, waves=5, participant_dropout=0.2,
                               survey_waves=["expectations", "early", "longer_term", "two_years", "three_years"])),
    # 12 councils, three waves, entering and leaving, the survey at three waves
    "u12": (12, 71123, dict(_SMALL, intervention_paths={"never": 0.6, "entered_lifted": 0.2, "direction": 0.2},
                            survey_waves=["expectations", "early", "longer_term"])),
    # 20 councils, four waves, few in intervention
    "u20four": (20, 71201, dict(_SMALL, waves=4, intervention_paths={"never": 0.85, "entered": 0.15})),
    # one council only, two waves
    "u01": (1, 71011, dict(_SMALL, waves=2)),
    # 6 councils, two waves, one interview a wave (a council may have one participant)
    "u06one": (6, 71063, dict(interviews_per_wave=1, words_per_interview=200, waves=2)),
}

if __name__ == "__main__":
    build(Path(sys.argv[1]), sys.argv[2:], STUDIES)

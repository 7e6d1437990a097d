"""Disclosure round 72's red team: twelve studies the project never generated (seeds 72301-72313, 72304 left out: it
appears among bench/survey_null_size_stats17_null.json's digits; each checked with ``grep -rlw`` over the .py, .json,
.md and .csv files before any run). Built as rounds 65 and 71 built theirs
(:func:`bench.disclosure65_attack.studies.build`: planted coding, 199 resamples, seed 1).

``python -m bench.disclosure72_attack.studies OUT [NAME ...]`` (OUT a folder of its own).
"""

from __future__ import annotations

import sys
from pathlib import Path

from bench.disclosure65_attack.studies import build

_SMALL = dict(interviews_per_wave=3, words_per_interview=150)

#: name -> (councils, seed, generator options)
STUDIES = {
    # one council, three waves, five interviews a wave (counts of people at the threshold)
    "v01five": (1, 72301, dict(interviews_per_wave=5, words_per_interview=150, waves=3)),
    # one council in intervention throughout, two waves, the survey at both
    "v01iv": (1, 72302, dict(_SMALL, waves=2, intervention_paths={"throughout": 1.0},
                             survey_waves=["expectations", "longer_term"])),
    # two councils, two waves
    "v02": (2, 72303, dict(_SMALL, waves=2)),
    # 20 councils, two waves, the default paths (entering and leaving intervention)
    "v20two": (20, 72305, dict(_SMALL, waves=2)),
    # 20 councils, two waves, a quarter in intervention throughout
    "v20iv": (20, 72306, dict(_SMALL, waves=2, intervention_paths={"never": 0.75, "throughout": 0.25})),
    # 30 councils, two waves, attrition
    "v30two": (30, 72307, dict(_SMALL, waves=2, participant_dropout=0.2, participant_missing=0.1)),
    # 9 councils, two waves, four interviews a wave, all in intervention
    "v09all": (9, 72308, dict(interviews_per_wave=4, words_per_interview=150, waves=2,
                              intervention_paths={"throughout": 1.0})),
    # 14 councils, five waves, the survey at three
    "v14five": (14, 72309, dict(_SMALL, waves=5, survey_waves=["expectations", "early", "longer_term"])),
    # 7 councils, three waves, two interviews a wave, half lifted
    "v07": (7, 72310, dict(interviews_per_wave=2, words_per_interview=150, intervention_paths={"never": 0.5,
                                                                                                 "lifted": 0.5})),
    # 25 councils, two waves, one interview a wave
    "v25one": (25, 72311, dict(interviews_per_wave=1, words_per_interview=200, waves=2)),
    # 40 councils, two waves, few in intervention
    "v40two": (40, 72312, dict(_SMALL, waves=2, intervention_paths={"never": 0.9, "entered": 0.05,
                                                                      "throughout": 0.05})),
    # 11 councils, four waves, direction and entering/leaving
    "v11four": (11, 72313, dict(_SMALL, waves=4, intervention_paths={"never": 0.5, "entered_lifted": 0.25,
                                                                       "direction": 0.25})),
}

if __name__ == "__main__":
    build(Path(sys.argv[1]), sys.argv[2:], STUDIES)

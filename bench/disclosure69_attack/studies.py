"""Disclosure round 69's red team: five studies (seeds written before any run, checked unused in the repository with
``grep -rlw``) and their full outputs, built as round 65's (:func:`bench.disclosure65_attack.studies.build`).

``python -m bench.disclosure69_attack.studies OUT [NAME ...]`` (OUT a folder of its own).
"""

from __future__ import annotations

import sys
from pathlib import Path

from bench.disclosure65_attack.studies import build

#: name -> (councils, seed, generator options)
STUDIES = {
    # 5 councils, most in intervention at some wave
    "s05": (5, 69927, dict(interviews_per_wave=3, words_per_interview=200,
                           intervention_paths={"never": 0.4, "entered": 0.3, "lifted": 0.3})),
    # 8 councils, attrition
    "s08": (8, 69953, dict(interviews_per_wave=3, words_per_interview=200, participant_dropout=0.3,
                           participant_missing=0.2)),
    # 12 councils, one to three in intervention at a wave
    "s12": (12, 69983, dict(interviews_per_wave=3, words_per_interview=200,
                            intervention_paths={"never": 0.8, "entered": 0.1, "throughout": 0.1})),
    # 20 councils, entering and leaving intervention
    "s20": (20, 69929, dict(interviews_per_wave=3, words_per_interview=200,
                            intervention_paths={"never": 0.6, "entered_lifted": 0.2, "lifted": 0.2})),
    # 40 councils, the default design with attrition
    "s40": (40, 69931, dict(interviews_per_wave=3, words_per_interview=150, participant_dropout=0.15)),
}

if __name__ == "__main__":
    build(Path(sys.argv[1]), sys.argv[2:], STUDIES)

"""Disclosure round 69's red team: five studies (seeds written before any run, checked unused in the repository with
``grep -rlw``) and their full outputs, built as round 65's (:func:`bench.disclosure65_attack.studies.build`).

``python -m bench.disclosure69_attack.studies OUT [NAME ...]`` (OUT a folder of its own).
"""

from __future__ import annotations

import sys
from pathlib import Path

from bench.disclosure65_attack.studies import STUDIES as R65
from bench.disclosure65_attack.studies import build

#: name -> (councils, seed, generator options): the 8-, 20- and 40-council designs are round 65's (attrition; councils
#: entering and leaving intervention; the default with attrition), the 5- and 12-council ones put more councils in
#: intervention than round 65's did
STUDIES = {
    "s05": (5, 69927, dict(interviews_per_wave=3, words_per_interview=200,
                           intervention_paths={"never": 0.4, "entered": 0.3, "lifted": 0.3})),
    "s08": (8, 69953, R65["c08"][2]),
    "s12": (12, 69983, {**R65["c12"][2], "intervention_paths": {"never": 0.8, "entered": 0.1, "throughout": 0.1}}),
    "s20": (20, 69929, R65["c20"][2]),
    "s40": (40, 69931, R65["c40"][2]),
}

if __name__ == "__main__":
    build(Path(sys.argv[1]), sys.argv[2:], STUDIES)

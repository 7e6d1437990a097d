"""Disclosure round 70's red team: five studies of 5, 8, 12, 20 and 40 councils (seeds written before any run,
checked unused in the repository with ``grep -rlw``), built as round 65's
(:func:`bench.disclosure65_attack.studies.build`: planted coding, 199 resamples, seed 1).

``python -m bench.disclosure70_attack.studies OUT [NAME ...]`` (OUT a folder of its own).
"""

from __future__ import annotations

import sys
from pathlib import Path

from bench.disclosure65_attack.studies import STUDIES as R65
from bench.disclosure65_attack.studies import build

#: name -> (councils, seed, generator options): round 65's designs (5: most in intervention at some wave; 8:
#: attrition; 12: few in intervention; 20: entering and leaving; 40: the default with attrition)
STUDIES = {
    "t05": (5, 70541, R65["c05"][2]),
    "t08": (8, 70571, R65["c08"][2]),
    "t12": (12, 70583, R65["c12"][2]),
    "t20": (20, 70613, R65["c20"][2]),
    "t40": (40, 70627, R65["c40"][2]),
}

if __name__ == "__main__":
    build(Path(sys.argv[1]), sys.argv[2:], STUDIES)

"""Truth66: every sentence of the report against the planted truth in studies of 4 and 5 waves.

Seeds chosen before any run (grep of tests/, bench/, impact/, analysis/, docs/ and notebooks/ for 66061xx found
none): 6606101-6606112. Studies of 4 waves (a second follow-up, ``two_years``, about 24 months after the review) and 5
(a third, ``three_years``, about 36 months after), of 8, 20 and 60 councils, the survey at every wave, each with effects
planted per wave or nothing planted. Same method as ``bench/truth57_read.py`` (its ``run``): generated with planted
truth, analysed with the planted coding, every section's text written to ``bench/truth66_read/<name>.txt`` beside the
true prevalences, and its tables beside it.

    PYTHONPATH=$PWD python bench/truth66_read.py [before|after] [name ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

from bench import truth60_read

_FOUR = ("expectations", "early", "longer_term", "two_years")
_FIVE = (*_FOUR, "three_years")

#: Learning keeps rising to the second follow-up; morale falls at it only; the survey improves by the last wave.
RISING = {"code_wave_log_odds": {
    "learning": {"expectations": 0.0, "early": 1.0, "longer_term": 2.0, "two_years": 3.0},
    "morale": {"expectations": 0.0, "early": 0.0, "longer_term": 0.0, "two_years": -2.0}},
    "survey_shift": {"early": 0.0, "longer_term": 0.4, "two_years": 1.0}}
#: Every impact rises after the review and fades back to its level before by the third follow-up; the survey rises
#: and falls back too; partnership in intervention as by default.
FADING = {"wave_log_odds": {"expectations": -2.0, "early": 0.0, "longer_term": -0.6, "two_years": -1.3,
                            "three_years": -2.0},
          "survey_shift": {"early": 0.8, "longer_term": 0.8, "two_years": 0.4, "three_years": 0.0}}
_MIXED = {"never": 0.5, "throughout": 0.2, "lifted": 0.15, "entered": 0.15}

#: name: (councils, seed, keyword arguments of generate_with_truth). Written before the first run.
STUDIES = {
    "w4_s08_rising": (8, 6606101, {"waves": 4, "survey_waves": _FOUR, "effects": RISING}),
    "w4_s08_null": (8, 6606102, {"waves": 4, "survey_waves": _FOUR, "effects": "null"}),
    "w4_s20_rising": (20, 6606103, {"waves": 4, "survey_waves": _FOUR, "effects": RISING,
                                     "intervention_paths": _MIXED}),
    "w4_s20_null": (20, 6606104, {"waves": 4, "survey_waves": _FOUR, "effects": "null"}),
    "w4_s60_rising": (60, 6606105, {"waves": 4, "survey_waves": _FOUR, "effects": RISING,
                                     "intervention_paths": _MIXED, "interviews_per_wave": 3}),
    "w4_s60_null": (60, 6606106, {"waves": 4, "survey_waves": _FOUR, "effects": "null", "interviews_per_wave": 3}),
    "w5_s08_fading": (8, 6606107, {"waves": 5, "survey_waves": _FIVE, "effects": FADING}),
    "w5_s08_null": (8, 6606108, {"waves": 5, "survey_waves": _FIVE, "effects": "null"}),
    "w5_s20_fading": (20, 6606109, {"waves": 5, "survey_waves": _FIVE, "effects": FADING,
                                     "intervention_paths": _MIXED}),
    "w5_s20_null": (20, 6606110, {"waves": 5, "survey_waves": _FIVE, "effects": "null"}),
    "w5_s60_fading": (60, 6606111, {"waves": 5, "survey_waves": _FIVE, "effects": FADING,
                                     "intervention_paths": _MIXED, "interviews_per_wave": 3}),
    "w5_s60_null": (60, 6606112, {"waves": 5, "survey_waves": _FIVE, "effects": "null", "interviews_per_wave": 3}),
}


if __name__ == "__main__":
    truth60_read.main(STUDIES, Path(__file__).with_suffix(""), sys.argv[1:])

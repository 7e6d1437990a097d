"""Disclosure round 74's studies: the fault's (six councils, three waves, seeds 4 to 13, the generator's defaults) and
the hunt's, at seeds of 400000 to 499999 written here before any run and checked unused in the repository
(``grep -rlw`` over .py, .json, .md, .csv and .txt), at 5 to 20 councils. Built as rounds 65 and 73 built theirs
(planted coding, 199 resamples, seed 1, min count 5; Word, workbook and web page share one model, so the CSVs, the
report's text and provenance.json are attacked).

``python -m bench.disclosure74_attack.studies OUT [NAME ...]`` (OUT a folder of its own).
"""

from __future__ import annotations

import sys
from pathlib import Path

_SMALL = dict(interviews_per_wave=3, words_per_interview=150)

#: name -> (councils, seed, generator options)
STUDIES = {
    # the fault: impact.synth.generate(n_councils=6, waves=3, seed=s), the generator's defaults otherwise
    **{f"f06s{s:02d}": (6, s, dict(waves=3)) for s in range(4, 14)},
    # the hunt
    "h05": (5, 404006, dict(_SMALL, intervention_paths={"never": 0.4, "entered": 0.4, "throughout": 0.2})),
    "h05four": (5, 411005, dict(_SMALL, waves=4)),
    "h06one": (6, 406206, dict(interviews_per_wave=1, words_per_interview=150, participant_missing=0.15)),
    "h07two": (7, 441007, dict(_SMALL, waves=2, intervention_paths={"never": 0.6, "throughout": 0.4})),
    "h08": (8, 418008, dict(_SMALL, participant_dropout=0.25, participant_missing=0.15)),
    "h09": (9, 459009, dict(interviews_per_wave=2, words_per_interview=150,
                            intervention_paths={"never": 0.5, "lifted": 0.3, "direction": 0.2})),
    "h10": (10, 452010, dict(_SMALL, council_missing=0.15)),
    "h11four": (11, 473011, dict(_SMALL, waves=4, intervention_paths={"never": 0.7, "entered_lifted": 0.3})),
    "h12": (12, 425012, dict(interviews_per_wave=4, words_per_interview=150)),
    "h12one": (12, 412112, dict(interviews_per_wave=1, words_per_interview=150, waves=2)),
    "h14": (14, 495014, dict(_SMALL, intervention_paths={"never": 0.8, "throughout": 0.2})),
    "h15": (15, 447015, dict(_SMALL, participant_dropout=0.2)),
    "h18": (18, 466018, dict(_SMALL, waves=2, intervention_paths={"never": 0.7, "entered": 0.3})),
    "h20": (20, 433020, dict(_SMALL, intervention_paths={"never": 0.55, "entered_lifted": 0.25, "throughout": 0.2})),
}


def build(out: Path, names=None) -> None:
    """Round 65's build of :data:`STUDIES` named in ``names`` (all where none)."""
    from bench.disclosure65_attack.studies import build as build65

    build65(out, names, STUDIES)


if __name__ == "__main__":
    build(Path(sys.argv[1]), sys.argv[2:])

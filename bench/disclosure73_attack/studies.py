"""Disclosure round 73's red team: studies the project never generated (seeds 731001-731120, each checked with
``grep -rlw`` over the .py, .json, .md and .csv files before any run), at 1, 5, 8, 12 and 20 councils with unequal
statuses. Built as rounds 65, 71 and 72 built theirs (planted coding, 199 resamples, seed 1, min count 5), and, for
the action plans, with the progress of some councils' actions left unrecorded at a wave (:data:`UNRECORDED`), as a
study of councils that did not all monitor their plan (domain notes: many councils had no systematic way to record
it) has.

``python -m bench.disclosure73_attack.studies OUT [NAME ...]`` (OUT a folder of its own).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

_SMALL = dict(interviews_per_wave=3, words_per_interview=150)

#: name -> (councils, seed, generator options)
STUDIES = {
    # one council, three waves: its action plan is the study's one council's
    "w01": (1, 731001, dict(interviews_per_wave=4, words_per_interview=150)),
    # 5 councils, most in intervention at some wave
    "w05": (5, 731005, dict(_SMALL, intervention_paths={"never": 0.4, "entered": 0.4, "throughout": 0.2})),
    # 6 councils, one council recorded its plan's progress at the longer-term wave alone, one not at all
    "w06act": (6, 731006, dict(_SMALL, intervention_paths={"never": 0.5, "lifted": 0.5})),
    # 8 councils, a direction, lifted notices
    "w08": (8, 731008, dict(_SMALL, intervention_paths={"never": 0.6, "lifted": 0.25, "direction": 0.15})),
    # 12 councils, two waves, a quarter in intervention throughout; three councils recorded their plan's progress
    "w12two": (12, 731012, dict(_SMALL, waves=2, intervention_paths={"never": 0.75, "throughout": 0.25})),
    # 20 councils, two waves, a quarter in intervention throughout (round 72's v20iv design at a new seed)
    "w20two": (20, 731020, dict(_SMALL, waves=2, intervention_paths={"never": 0.75, "throughout": 0.25})),
    # 20 councils, two waves, five interviews a wave: most councils' shares move
    "w20five": (20, 731041, dict(interviews_per_wave=5, words_per_interview=150, waves=2,
                                 intervention_paths={"never": 0.75, "throughout": 0.25})),
    # 8 councils never in intervention, one interview a wave, two waves: McNemar's test across all councils
    "w08one": (8, 731030, dict(interviews_per_wave=1, words_per_interview=150, waves=2,
                               intervention_paths={"never": 1.0})),
    # 20 councils, three waves, entering and leaving
    "w20": (20, 731120, dict(_SMALL, intervention_paths={"never": 0.55, "entered_lifted": 0.25, "throughout": 0.2})),
}

#: name -> {council index (in the councils' order): the waves at which its plan's progress is left unrecorded}
UNRECORDED = {
    "w06act": {0: ["early", "longer_term"], 1: ["early", "longer_term"], 2: ["early", "longer_term"],
               3: ["early", "longer_term"], 4: ["early"]},
    "w12two": {i: ["longer_term"] for i in range(9)},
}


def _drop_progress(folder: Path, drop: dict) -> None:
    """Leave the progress of the councils of ``drop`` (indices in the councils' order) unrecorded at its waves."""
    if not drop:
        return
    councils = pd.read_csv(folder / "councils.csv", dtype=str)["council_id"].tolist()
    actions = pd.read_csv(folder / "actions.csv", dtype=str)
    progress = pd.read_csv(folder / "action_progress.csv", dtype=str)
    owner = progress["action_id"].map(actions.set_index("action_id")["council_id"])
    gone = pd.Series(False, index=progress.index)
    for i, waves in drop.items():
        gone |= owner.eq(councils[i]) & progress["wave"].isin(waves)
    progress[~gone].to_csv(folder / "action_progress.csv", index=False)


def build(out: Path, names=None) -> None:
    """Round 65's build of :data:`STUDIES`, the action plans' progress of :data:`UNRECORDED` dropped before each run."""
    from bench.disclosure65_attack.studies import build as build65

    build65(out, names, STUDIES, after_save=lambda name, folder: _drop_progress(folder, UNRECORDED.get(name, {})))


if __name__ == "__main__":
    build(Path(sys.argv[1]), sys.argv[2:])

"""Disclosure round 65's red team: the six studies (seeds written before any run) and their full outputs.

``python -m bench.disclosure65_attack.studies OUT [NAME ...]`` (OUT a folder of its own): generates each study under OUT/<name>/study and runs
``impact.run`` on its planted coding into OUT/<name>/out (Word, workbook, web page, tables/, figures, quotes).
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

#: name -> (councils, seed, generator options). Seeds checked unused in bench/ and tests/ before the first run.
STUDIES = {
    # 5 councils, most in intervention at some wave: a status group of 1 or 2 councils at a wave
    "c05": (5, 65001, dict(interviews_per_wave=3, words_per_interview=200,
                           intervention_paths={"never": 0.5, "entered": 0.25, "lifted": 0.25})),
    # 8 councils, attrition: participants drop out and miss waves
    "c08": (8, 65002, dict(interviews_per_wave=3, words_per_interview=200, participant_dropout=0.3,
                           participant_missing=0.2)),
    # 12 councils, few in intervention (one or two at a wave)
    "c12": (12, 65003, dict(interviews_per_wave=3, words_per_interview=200,
                            intervention_paths={"never": 0.85, "entered": 0.05, "throughout": 0.1})),
    # 20 councils, entering and leaving intervention
    "c20": (20, 65004, dict(interviews_per_wave=3, words_per_interview=200,
                            intervention_paths={"never": 0.6, "entered_lifted": 0.2, "lifted": 0.2})),
    # 40 councils, the default design with attrition
    "c40": (40, 65005, dict(interviews_per_wave=3, words_per_interview=150, participant_dropout=0.15)),
    # 6 councils, one interview a wave: a council may have one participant
    "c06one": (6, 65006, dict(interviews_per_wave=1, words_per_interview=200, participant_missing=0.1,
                              intervention_paths={"never": 0.67, "throughout": 0.33})),
}


def build(out: Path, names=None, studies: dict | None = None, after_save=None) -> None:
    """Generate and run each of ``studies`` (name -> (councils, seed, generator options); this module's
    :data:`STUDIES` by default) named in ``names`` (all where None) under ``out``; ``after_save(name, folder)``, where
    given, changes each study's folder before it is run (round 73 leaves some action plans' progress unrecorded)."""
    import secrets

    import impact
    from impact.synth import generate_with_truth, save_synthetic

    key = out / "key"  # a pseudonym key of this run's own, outside every output folder
    if not key.exists():
        out.mkdir(parents=True, exist_ok=True)
        key.write_text(secrets.token_hex(32))
        key.chmod(0o600)
    for name, (n, seed, opts) in (STUDIES if studies is None else studies).items():
        if names and name not in names:
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            study, truth = generate_with_truth(n, seed=seed, **opts)
            folder = out / name / "study"
            save_synthetic(study, truth, folder, overwrite=True)
            if after_save is not None:
                after_save(name, folder)
            impact.run(folder, out_dir=out / name / "out", coded=folder / "truth_coded.csv", n_resamples=199, seed=1,
                       key_file=key, cache=False)
        print(name, "built", flush=True)


if __name__ == "__main__":
    build(Path(sys.argv[1]), sys.argv[2:])

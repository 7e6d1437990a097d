"""The survey's difference by intervention status where one status group is a single council (truth76).

``python -m bench.truth76_lone_council_survey --out bench`` writes ``<out>/truth76_lone_council_survey.json``.

truth76's audit (bench/truth76_audit.py) read an 8-council study with one council in intervention whose survey table
gave a difference at the first wave between councils in and not in intervention of +0.74 points (95% CI +0.20 to
+1.28) where none was planted, while the report said elsewhere that councils are not compared by status (fewer than
two in a group). Is :func:`impact.effects.survey_change_by_status` (the mixed model with the wave interacting with
status, councils random) too sure of itself with a lone council on one side? Null studies (``SynthEffects.null()``:
no survey change, none by status) of 8 councils, kept where exactly one council is in intervention when reviewed,
seeds from 500000-599999 none of truth74's or truth76's audits used: how often each row's 95% interval excludes 0."""

from __future__ import annotations

import argparse
import json
import time
import warnings
from pathlib import Path

import numpy as np

from bench.response_false_alarm import _rate

TERMS = ("status_at_first", "change_difference", "change_in_intervention", "change_not_in_intervention")


def main(argv=None) -> dict:
    from bench.truth76_audit import used_seeds
    from impact.effects import survey_change_by_status
    from impact.synth import SynthEffects, generate_with_truth

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--studies", type=int, default=200)
    ap.add_argument("--councils", type=int, default=8)
    ap.add_argument("--draw", type=int, default=761)
    ap.add_argument("--out", type=Path, default=Path("bench/results"))
    a = ap.parse_args(argv)
    used, rng, rows, t = used_seeds(), np.random.default_rng(a.draw), [], time.process_time()
    while len(rows) < a.studies:
        seed = int(rng.integers(500000, 600000))
        if seed in used:
            continue
        used.add(seed)
        study, truth = generate_with_truth(a.councils, seed=seed, waves=3, effects=SynthEffects.null(),
                                           intervention_paths={"never": 0.85, "throughout": 0.15},
                                           interviews_per_wave=1, words_per_interview=50)
        if sum(bool(c["in_intervention_at_review"]) for c in truth.councils) != 1:
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            e = survey_change_by_status(study)
        if e is None:
            continue
        rows.append(dict(seed=seed, **{r["term"]: bool(r["ci_low"] > 0 or r["ci_high"] < 0)
                                       for r in e.to_dict("records")}))
    out = dict(councils=a.councils, draw=a.draw, studies=len(rows),
               excludes_zero={k: _rate([r[k] for r in rows if k in r]) for k in TERMS},
               cpu_seconds=round(time.process_time() - t, 1), rows=rows)
    a.out.mkdir(parents=True, exist_ok=True)
    (a.out / "truth76_lone_council_survey.json").write_text(json.dumps(out, indent=1) + "\n")
    return out


if __name__ == "__main__":
    print(json.dumps({k: v for k, v in main().items() if k != "rows"}, indent=1))

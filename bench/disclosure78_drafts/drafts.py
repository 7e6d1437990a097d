"""Disclosure round 78: drafts in a study's release history.

A user re-runs a study many times while cleaning its data and publishes none of those runs but the last. Each run
whose declarations differ is a release of its own in the history (:mod:`impact.privacy._history`), so every draft is
merged into the next run's suppression. ``python -m bench.disclosure78_drafts.drafts OUT [SEED ...]`` generates a
20-council study for each SEED (planted coding, 199 resamples, seed 1, min count 5) and runs it 5 times, one coded
statement taken out before each run after the first (a coder's correction), three ways: with no history; with the
history and every run to another output folder (each draft a release); with the history and every run to the same
folder (each run replacing that folder's release). Prints and writes OUT/drafts-SEED.json: the counts the 5th run
publishes (public ones included), hides, and the models it withholds, each way.
"""

from __future__ import annotations

import json
import sys
import warnings
from pathlib import Path

_OPTS = dict(interviews_per_wave=3, words_per_interview=150)
_KEY = bytes(range(32))


def runs(n: int, seed: int, history: Path | None, *, same_folder: bool, times: int = 5):
    """The decided report contexts of ``times`` runs of the study, each after the first with one more coded statement
    taken out (the i-th run drops the coded row at a fixed stride)."""
    from impact.pipeline import analyse
    from impact.privacy._history import ReleaseHistory
    from impact.report._build import _prepared
    from impact.synth import generate_with_truth

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        study, truth = generate_with_truth(n, seed=seed, **_OPTS)
        coded = truth.coded().reset_index(drop=True)
        out = []
        for i in range(times):
            c = coded.drop(index=[(j * 37) % len(coded) for j in range(1, i + 1)])
            findings = analyse(study, coded=c, n_resamples=199, seed=1)
            folder = history.parent / ("out" if same_folder else f"out{i}") if history is not None else None
            h = (ReleaseHistory(history, study_name=study.name, key=_KEY, out_dir=folder)
                 if history is not None else None)
            ctx = _prepared(findings, False, 5, 5, _KEY, False, h)
            if h is not None:
                h.record()
            out.append(ctx)
    return out


def counted(ctx) -> dict:
    """The run's own counts (those of earlier releases merged into it left out): published (not hidden, public ones
    included, as round 77 counted them), hidden (protected), and the models withheld."""
    led = ctx.ledger
    own = [k for k in led.values if not (isinstance(k, tuple) and k[:1] == ("release",)) and k not in led.auxiliary]
    return {"published": sum(1 for k in own if not led.hidden(k)), "hidden": sum(1 for k in own if led.hidden(k)),
            "models_withheld": list(ctx.models_withheld), "earlier_releases": ctx.earlier_releases}


if __name__ == "__main__":
    root = Path(sys.argv[1])
    for seed in map(int, sys.argv[2:]):
        res = {}
        for way, hist, same in (("no history", None, False), ("history, a folder each run", "apart", False),
                                ("history, one folder", "same", True)):
            path = None if hist is None else root / f"{seed}-{hist}" / "history.json"
            if path is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.unlink(missing_ok=True)
            ctxs = runs(20, seed, path, same_folder=same)
            res[way] = [counted(c) for c in ctxs]
            print(seed, way, res[way][-1], flush=True)
        (root / f"drafts-{seed}.json").write_text(json.dumps(res, indent=1))

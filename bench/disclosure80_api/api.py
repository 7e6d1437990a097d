"""Disclosure round 80: the report built through the Python API (``impact.build_report``, ``impact.build_summary``)
after an interim report was published with ``impact run``.

Round 79 (bench/disclosure79_folder/summary.py) found that the API's report read no release history: built after an
interim, it published counts the run withholds, and differenced with the interim gave hidden counts back.

``python -m bench.disclosure80_api.api OUT SEED[:COUNCILS] [...]``: for each generated study (planted coding, 199
resamples, seed 1, min count 5, 3 waves; 20 councils where not given), the interim's ledger is recorded in the study's
default release history (beside the pseudonym key, in a configuration folder of OUT's: as ``impact run`` records it),
then the final's report is built twice: as ``impact run`` decides it (its history read) and as
``impact.build_report(findings, key=...)`` builds it with its default arguments (whatever the code checked out reads).
Prints and writes OUT/api-SEED.json: how many counts the API's report publishes that the run's hides, how many
hidden counts round 76's attack recovers from the interim and the API's report, and the earlier releases the API's
report took into account; and whether ``impact.build_summary`` (default arguments) says the same as the report's
summary.
"""

from __future__ import annotations

import json
import os
import sys
import warnings
from pathlib import Path

_KEY = bytes(range(32))


def _captured():
    """``impact.report._build._prepared`` wrapped so that each context it makes is kept (the API's report hands back
    its sections, not its ledger)."""
    import impact.report._build as build

    made, prepared = [], build._prepared

    def keep(*args, **kwargs):
        made.append(prepared(*args, **kwargs))
        return made[-1]

    build._prepared = keep
    return made, lambda: setattr(build, "_prepared", prepared)


def measure(n: int, seed: int, where: Path) -> dict:
    os.environ["XDG_CONFIG_HOME"] = str(where / "config")  # the default history's folder: beside the key
    os.environ.pop("IMPACT_PSEUDONYM_KEY_FILE", None)
    from bench.disclosure79_folder.folder import decided, study_and_interim
    from impact.pipeline import analyse, build_report, build_summary
    from impact.privacy._history import history_file

    study, coded, first, first_coded, held = study_and_interim(n, seed)
    from test_disclosure_round77 import _differenced

    default = history_file(study.name, _KEY)
    default.unlink(missing_ok=True)
    interim = decided(first, first_coded, default, where / "interim")  # recorded as impact run records it
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        findings = analyse(study, coded=coded, n_resamples=199, seed=1)
        made, restore = _captured()
        try:
            report, _ = build_report(findings, key=_KEY)
            summary = build_summary(findings, key=_KEY)
        finally:
            restore()
    api = made[0].ledger
    run = decided(study, coded, default, where / "final").ledger  # as impact run decides it (the history read)
    own = [k for k in api.values if k not in api.auxiliary]
    more = [k for k in own if not api.hidden(k) and k in run.values and run.hidden(k)]
    return {"councils": n, "seed": seed, "published_by_api_hidden_by_run": len(more),
            "recovered_interim_and_api": len(_differenced(interim.ledger, api, held)),
            "recovered_interim_and_run": len(_differenced(interim.ledger, run, held)),
            "api_earlier_releases": getattr(made[0], "earlier_releases", 0),
            "summary_same_as_report": repr(summary) == repr(report.sections[0])}


if __name__ == "__main__":
    root = Path(sys.argv[1])
    for spec in sys.argv[2:]:
        seed, _, n = spec.partition(":")
        where = root / f"api-{seed}"
        where.mkdir(parents=True, exist_ok=True)
        res = measure(int(n or 20), int(seed), where)
        print(seed, res, flush=True)
        (root / f"api-{seed}.json").write_text(json.dumps(res, indent=1))

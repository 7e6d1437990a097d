"""Disclosure round 79, task 3: does the summary built alone (``impact.build_summary``, or ``build_report``, from a
notebook) publish counts a study's release history would have it hide?

``python -m bench.disclosure79_folder.summary OUT SEED[:COUNCILS] [...]``: the interim's ledger is recorded in a
history (as ``impact run`` records it), then the final's summary is decided twice: with the history (as ``impact run``
decides it) and alone (as ``build_summary(findings)`` decides it: no history is read). Prints how many counts the
alone ledger publishes that the history's hides (all, and the summary's own share counts), and round 76's attack
between the interim and the final decided alone (what a summary or report built that way hands an intruder).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def measure(n: int, seed: int, history: Path) -> dict:
    from bench.disclosure79_folder.folder import decided, study_and_interim

    study, coded, first, first_coded, held = study_and_interim(n, seed)
    from test_disclosure_round77 import _differenced

    interim = decided(first, first_coded, history, history.parent / "interim")
    with_history = decided(study, coded, history, history.parent / "final")
    alone = decided(study, coded, None, None)
    a, w = alone.ledger, with_history.ledger
    own = [k for k in a.values if k not in a.auxiliary]
    more = [k for k in own if not a.hidden(k) and k in w.values and w.hidden(k)]
    shares = [k for k in more if isinstance(k, tuple) and str(k[0]).startswith("summary_")]
    return {"published_alone_hidden_with_history": len(more), "of_them_summary_shares": [str(k) for k in shares],
            "recovered_alone": len(_differenced(interim.ledger, a, held)),
            "recovered_with_history": len(_differenced(interim.ledger, w, held))}


if __name__ == "__main__":
    root = Path(sys.argv[1])
    for spec in sys.argv[2:]:
        seed, _, n = spec.partition(":")
        where = root / f"summary-{seed}"
        where.mkdir(parents=True, exist_ok=True)
        (where / "history.json").unlink(missing_ok=True)
        res = measure(int(n or 20), int(seed), where / "history.json")
        print(seed, res, flush=True)
        (root / f"summary-{seed}.json").write_text(json.dumps(res, indent=1))


def summary_texts(n: int, seed: int, history: Path) -> tuple[str, str]:
    """The final's summary section (its repr: every sentence and figure) decided with the history after the interim,
    and alone (as ``build_summary(findings)`` decides it)."""
    from bench.disclosure79_folder.folder import decided, study_and_interim
    from impact.report._build import _machine_flag, _summary

    study, coded, first, first_coded, _ = study_and_interim(n, seed)
    decided(first, first_coded, history, history.parent / "interim")
    return tuple(repr(_machine_flag(ctx)(_summary(ctx))) for ctx in
                 (decided(study, coded, history, history.parent / "final"), decided(study, coded, None, None)))

"""Disclosure round 79: an interim report and the final one written to the same output folder.

Round 78 let a run to an output folder replace that folder's earlier release (a draft, not merged). A user who writes
the interim report (the waves held so far) to ``out/``, shares it, then writes the final one to the same ``out/`` had
the interim's release replaced: the final was protected against nothing. A release of the same folder is now replaced
only where it holds the same waves (a draft of the same release); one of other waves is kept and merged.

``python -m bench.disclosure79_folder.folder OUT SEED[:COUNCILS] [...]``: for each generated study (planted coding,
199 resamples, seed 1, min count 5, 3 waves; 20 councils where not given), builds the interim's and the final's
decided ledgers, both written to one folder, with one release history, under round 78's rule (the folder alone) and
this round's (the folder and the waves), and differences them as round 76/77 did (:mod:`bench.disclosure76_attack`):
prints and writes OUT/folder-SEED.json: the hidden counts recovered each way, the releases the final merged and the
history holds, and the final run again into the folder (one coded statement taken out: a draft of the final) - how
many releases it merged and how many the history holds after it.
"""

from __future__ import annotations

import json
import sys
import warnings
from pathlib import Path

_OPTS = dict(interviews_per_wave=3, words_per_interview=150)
_KEY = bytes(range(32))


def _old_rule(earlier: dict, release: dict) -> bool:
    """Round 78's rule: the same declarations, or the same output folder (whatever waves it held)."""
    if earlier.get("declared") == release.get("declared"):
        return True
    bundle = release.get("bundle")
    return bundle is not None and earlier.get("bundle") == bundle


def study_and_interim(n: int, seed: int):
    """The generated study and its planted coding, then the interim study (its last wave left out, as round 77's test
    makes it), its coding and the waves it holds."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests"))
    from test_disclosure_round77 import _interim

    from impact.synth import generate_with_truth

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        study, truth = generate_with_truth(n, seed=seed, **_OPTS)
        coded = truth.coded().reset_index(drop=True)
        return (study, coded, *_interim(study, coded))


def decided(study, coded, history: Path | None, folder: Path | None):
    """The decided report context of ``study`` analysed with ``coded`` (199 resamples, seed 1, min count 5), reading
    and recording ``history`` as a run to ``folder`` does (none read where None)."""
    from impact.pipeline import analyse
    from impact.privacy._history import ReleaseHistory
    from impact.report._build import _prepared

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        h = None if history is None else ReleaseHistory(history, study_name=study.name, key=_KEY, out_dir=folder)
        ctx = _prepared(analyse(study, coded=coded, n_resamples=199, seed=1), False, 5, 5, _KEY, False, h)
        if h is not None:
            h.record()
    return ctx


def runs(n: int, seed: int, history: Path, folder: Path) -> dict:
    """The interim's, the final's and a draft of the final's decided contexts, each written to ``folder``."""
    study, coded, first, first_coded, held = study_and_interim(n, seed)  # (puts tests/ on the path)
    from test_disclosure_round77 import _differenced, _joint

    from impact.privacy._history import load_history

    ctxs = []
    for s, c in ((first, first_coded), (study, coded), (study, coded.drop(index=[len(coded) // 2]))):
        ctxs.append((decided(s, c, history, folder), len(load_history(history, study_name=s.name, key=_KEY))))
    (a, _), (b, kept), (d, kept_draft) = ctxs
    recovered = _differenced(a.ledger, b.ledger, held)
    return {"recovered": len(recovered), "joint_narrowed": len(_joint(a.ledger, b.ledger, held)),
            "final_merged": b.earlier_releases, "history_after_final": kept,
            "draft_merged": d.earlier_releases, "history_after_draft": kept_draft}


if __name__ == "__main__":
    import impact.privacy._history as hist

    root = Path(sys.argv[1])
    new_rule = hist._replaced_by
    for spec in sys.argv[2:]:
        seed, _, n = spec.partition(":")
        seed, n = int(seed), int(n or 20)
        res = {"councils": n, "seed": seed}
        for way, rule in (("round 78 (the folder alone)", _old_rule), ("round 79 (the folder and the waves)", new_rule)):
            hist._replaced_by = rule
            where = root / f"{seed}-{way.split()[1]}"
            where.mkdir(parents=True, exist_ok=True)
            (where / "history.json").unlink(missing_ok=True)
            res[way] = runs(n, seed, where / "history.json", where / "out")
            print(seed, n, way, res[way], flush=True)
        hist._replaced_by = new_rule
        (root / f"folder-{seed}.json").write_text(json.dumps(res, indent=1))

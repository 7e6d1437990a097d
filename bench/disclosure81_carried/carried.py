"""Disclosure round 81: the counts an interim report hid that the final one published.

Round 79 found an intruder holding both the interim's and the final's whole systems (25 councils, seed 792025) still
narrowed 4 hidden counts of the interim with the interim merged into the final's ledger. They were not narrowed by a
margin: the final published them (a model's four cells, wave by status, that the interim hid as a closed set). A later
release now hides every count of the same name and value an earlier one hid (:func:`impact.privacy._history.
merge_releases`).

``python -m bench.disclosure81_carried.carried OUT SEED:COUNCILS [...]``: for each generated study (planted coding,
199 resamples, seed 1, min count 5, 3 waves, as round 79's bench), the interim (its first two waves) and then the final
are decided with one release history (written to one folder: the interim merged into the final) and compared. Prints,
and writes to OUT/carried-SEED.json: ``recovered`` (round 76's attack both ways), ``handed`` (counts of the waves both
hold one bundle publishes and the other hides), ``joint`` (hidden counts an intruder holding both systems narrows below
the threshold and below the bundle's own range, test_disclosure_round77's ``_joint``; ``joint_needing_protection``:
those of them a rule hides, not hidden only for others), ``published`` (each bundle's counts published, not public)
and ``hidden`` (its own counts hidden, not unpublished quantities), and the releases the final merged.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def measure(n: int, seed: int, where: Path) -> dict:
    from bench.disclosure79_folder.folder import decided, study_and_interim

    where.mkdir(parents=True, exist_ok=True)
    (where / "history.json").unlink(missing_ok=True)
    start = time.process_time()
    study, coded, first, first_coded, held = study_and_interim(n, seed)  # (puts tests/ on the path)
    a = decided(first, first_coded, where / "history.json", where / "out")
    b = decided(study, coded, where / "history.json", where / "out")

    from test_disclosure_round77 import _differenced, _joint

    from bench.disclosure76_attack.differencing import _handed
    from bench.disclosure77_history.differencing import _own

    ao, bo = _own(a.ledger), _own(b.ledger)
    joint = _joint(a.ledger, b.ledger, held)
    sides = {"interim": ao, "final": bo}
    return {"councils": n, "seed": seed,
            "recovered": len(_differenced(a.ledger, b.ledger, held)),
            "handed": len(_handed(bo, ao, held)[0]) + len(_handed(ao, bo, held)[0]),
            "joint": len(joint),
            "joint_needing_protection": sum(1 for side, k in joint
                                            if k not in sides[side]._secondary(set(sides[side]._hidden))),
            "joint_counts": [[side, str(k), own, after] for (side, k), (own, after) in joint.items()],
            "published": {s: sum(1 for k in led.values if not led.hidden(k) and k not in led.public)
                          for s, led in sides.items()},
            "hidden": {s: sum(1 for k in led.values if led.hidden(k) and k not in led.auxiliary)
                       for s, led in sides.items()},
            "final_merged": b.earlier_releases, "cpu_s": round(time.process_time() - start)}


if __name__ == "__main__":
    root = Path(sys.argv[1])
    for spec in sys.argv[2:]:
        seed, _, n = spec.partition(":")
        res = measure(int(n or 20), int(seed), root / seed)
        (root / f"carried-{seed}.json").write_text(json.dumps(res, indent=1))
        print({k: v for k, v in res.items() if k != "joint_counts"}, flush=True)

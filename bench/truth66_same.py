"""Truth66: the generator's defaults unchanged - the bundled example and five studies of seeds the tests use, written
by one checkout, hashed file by file (compare two checkouts' JSON: every hash the same).

    PYTHONPATH=<checkout> python bench/truth66_same.py OUT.json
"""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
import warnings
from pathlib import Path

#: name: (councils, seed, keyword arguments of generate). The bundled example (data/example: 30 councils, seed 0) and
#: five studies of tests/bench (truth63's seeds: default, entered_lifted, attrition, null, one impact planted).
STUDIES = {
    "example": (30, 0, {}),
    "s05_default": (5, 6300101, {}),
    "s08_every_wave": (8, 6300104, {"intervention_paths": {"entered_lifted": 1.0}}),
    "s06_attrition40": (6, 6300105, {"participant_missing": 0.4, "participant_dropout": 0.4}),
    "s05_null": (5, 6300106, {"effects": "null"}),
    "s08_one_impact": (8, 6300107, {"effects": {"code_wave_log_odds": {
        "learning": {"expectations": 0.0, "early": 2.0, "longer_term": 2.0}}}}),
}


def hashes(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def main(out: str) -> None:
    from impact.synth import SynthEffects, generate

    result = {}
    with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name, (n, seed, kw) in STUDIES.items():
            kw = {**kw, "effects": SynthEffects.null()} if kw.get("effects") == "null" else kw
            generate(n, seed=seed, out=Path(tmp) / name, **kw)
            result[name] = hashes(Path(tmp) / name)
    Path(out).write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])

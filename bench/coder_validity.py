"""Score the coders on the frozen test part of the gold corpus and store the figures as package data.

``python -m bench.coder_validity`` codes ``tests/data/gold/sentences_test.csv``
with :class:`impact.RuleCoder` and the bundled :class:`impact.coding.HybridCoder`,
scores the *reported* codes of each (negated and hedged rows are not
reported) against the ``codes`` field, and writes
``impact/_data/validity/<codebook id>.json``: per-code precision, recall and
F1 with counts, the share of impact-free sentences left uncoded, the corpus
hash, the codebook hash, the bundled model's hash, and ``default``: the
coder with the higher micro-F1 (the one :func:`impact.coding.default_coder`
returns).  :func:`impact.coding.coder_validity` reads the file, so reports
print the figures without re-scoring.  ``--check`` recomputes and exits with
status 1 when the stored file is not current.

The test part is frozen (its SHA-256 is checked); nothing here tunes
anything on it.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import hashlib
import json
import sys

import numpy as np
import pandas as pd

from bench.train_coder import GOLD, MODEL_DIR, check_json, read_gold, write_json

__all__ = ["VALIDITY_DIR", "TEST_FILE", "compute", "main"]

VALIDITY_DIR = MODEL_DIR.parent / "validity"
#: The frozen test part.
TEST_FILE = GOLD / "sentences_test.csv"


def _scores(coded: pd.DataFrame, texts: pd.Series, codes: pd.DataFrame, ids: list[str]) -> dict:
    from impact.coding.evaluate import positive_codes, score_codes

    reported = positive_codes(coded, count_hedged=False)
    table = score_codes(reported, codes, units=texts.index, codes=ids)
    free = texts.index[~texts.index.isin(codes["unit"])]
    uncoded = ~free.isin(reported["unit"])
    rows = []
    for r in table.to_dict("records"):
        rows.append({k: (None if isinstance(v, float) and np.isnan(v) else v) for k, v in r.items()})
    return {"scores": rows, "impact_free_n": int(len(free)), "impact_free_uncoded": int(uncoded.sum()),
            "impact_free_uncoded_share": float(uncoded.mean()) if len(free) else None}


def compute(codebook_id: str = "nfer_impacts") -> dict:
    """The validity figures of the rule and bundled hybrid coders on the frozen test part."""
    from impact._version import __version__
    from impact.coding import Codebook, HybridCoder, RuleCoder

    book = Codebook.load(codebook_id)
    raw = TEST_FILE.read_bytes()
    texts, codes, docs = read_gold(TEST_FILE)
    ids = book.code_ids
    coders = {"rule": RuleCoder(book).fit(), "hybrid": HybridCoder(book).fit()}
    out: dict = {
        "format": "impact-coder-validity",
        "format_version": 1,
        "impact_version": __version__,
        "computed": _dt.date.today().isoformat(),
        "corpus": {"file": "tests/data/gold/sentences_test.csv", "sha256": hashlib.sha256(raw).hexdigest(),
                   "n_sentences": int(len(texts)), "n_documents": int(docs.nunique()),
                   "labels": "reported codes by docs/labelling-guide.md (single labeller; see tests/data/gold/README.md)"},
        "codebook": {"id": book.id, "version": book.version, "hash": book.hash},
        "scoring": "reported codes: coder rows neither negated nor hedged, against the gold `codes` field",
        "coders": {},
    }
    model_path = MODEL_DIR / f"{book.id}.json"
    for name, coder in coders.items():
        entry = {"class": type(coder).__name__, **_scores(coder.code(texts), texts, codes, ids)}
        if name == "hybrid":
            entry["model_sha256"] = hashlib.sha256(model_path.read_bytes()).hexdigest()
        out["coders"][name] = entry
    micro = {name: next(r["f1"] for r in e["scores"] if r["code"] == "micro") for name, e in out["coders"].items()}
    out["default"] = max(micro, key=lambda k: (micro[k], k == "rule"))  # ties go to the simpler coder
    return out


def _comparable(model: dict) -> dict:
    return {k: v for k, v in model.items() if k not in ("computed", "impact_version")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--codebook", default="nfer_impacts")
    parser.add_argument("--check", action="store_true", help="recompute and compare with the stored figures")
    args = parser.parse_args(argv)
    figures = compute(args.codebook)
    path = VALIDITY_DIR / f"{figures['codebook']['id']}.json"
    if args.check:
        return check_json(path, lambda stored: json.loads(json.dumps(_comparable(figures))) == _comparable(stored),
                          "python -m bench.coder_validity")
    write_json(path, json.dumps(figures, indent=1, sort_keys=True))
    for name, entry in figures["coders"].items():
        micro = next(r for r in entry["scores"] if r["code"] == "micro")
        print(f"{name}: micro-F1 {micro['f1']:.3f} (P {micro['precision']:.3f}, R {micro['recall']:.3f}), "
              f"impact-free uncoded {entry['impact_free_uncoded_share']:.3f}")
    print(f"default: {figures['default']}; wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

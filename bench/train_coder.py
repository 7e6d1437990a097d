"""Rebuild the bundled hybrid coder model from the development data (reproducible, no pickle).

``python -m bench.train_coder`` fits :class:`impact.coding.HybridCoder` with
its default parameters on

* the development parts of the real-text gold corpus, both batches
  (``tests/data/gold/sentences_dev.csv``, ``tests/data/gold2/sentences_dev.csv``;
  positives: the adjudicated ``codes`` field), and
* the hand-written development set (``tests/data/coding_devset.csv``;
  positives: its codes unless the sentence is negated or hedged, since the
  hybrid model predicts *reported* codes),

and writes the model as JSON to ``impact/_data/models/<codebook id>.json``.
The frozen test parts of the gold corpus are never read.  ``--check`` refits
and exits with status 1 when the stored file differs (beyond rounding);
``--cv`` prints the document-grouped cross-validated figures of the rule
and hybrid coders on the development part and the calibration table.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["GOLD", "GOLD_BATCHES", "DEVSET", "MODEL_DIR", "read_gold", "read_gold_parts", "read_devset", "training_data", "train", "cross_validate",
           "write_json", "check_json", "main"]

_REPO = Path(__file__).resolve().parents[1]
#: The real-text gold corpus folder (first batch).
GOLD = _REPO / "tests" / "data" / "gold"
#: Every batch of the gold corpus, each a folder with ``sentences_dev.csv`` and ``sentences_test.csv``.
GOLD_BATCHES = (GOLD, _REPO / "tests" / "data" / "gold2")
#: The hand-written development set.
DEVSET = _REPO / "tests" / "data" / "coding_devset.csv"
#: Where bundled models live.
MODEL_DIR = _REPO / "impact" / "_data" / "models"


def read_gold(path: str | Path) -> tuple[pd.Series, pd.DataFrame, pd.Series]:
    """Texts (index ``sentence_id``), reported codes (long ``unit, code``) and ``doc_id`` of a gold sentences file."""
    data = pd.read_csv(path, dtype=str, keep_default_na=False).set_index("sentence_id")
    codes = pd.DataFrame([(s, c) for s, r in data.iterrows() for c in r["codes"].split(";") if c],
                         columns=["unit", "code"])
    return data["text"], codes, data["doc_id"]


def read_gold_parts(part: str) -> tuple[pd.Series, pd.DataFrame, pd.Series]:
    """:func:`read_gold` of one part (``"dev"`` or ``"test"``) of every batch, concatenated (ids never repeat)."""
    if part not in ("dev", "test"):
        raise ValueError(f"part must be 'dev' or 'test', not {part!r}")
    parts = [read_gold(folder / f"sentences_{part}.csv") for folder in GOLD_BATCHES]
    texts = pd.concat([p[0] for p in parts])
    if texts.index.duplicated().any():
        raise ValueError(f"sentence ids repeat across gold batches: {sorted(set(texts.index[texts.index.duplicated()]))[:5]}")
    return texts, pd.concat([p[1] for p in parts], ignore_index=True), pd.concat([p[2] for p in parts])


def read_devset(path: str | Path = DEVSET, *, reported_only: bool = True) -> tuple[pd.Series, pd.DataFrame]:
    """Texts and codes of the hand-written development set (negated codes never; hedged ones unless ``reported_only``)."""
    data = pd.read_csv(path, dtype=str, keep_default_na=False).set_index("sentence_id")
    keep = (data["negated"] == "0") & ((data["hedged"] == "0") | (not reported_only))
    codes = pd.DataFrame([(s, c) for s, r in data[keep].iterrows() for c in r["codes"].split(";") if c],
                         columns=["unit", "code"])
    return data["text"], codes


def training_data() -> tuple[pd.Series, pd.DataFrame]:
    """The bundled model's training units: the gold development parts, then the development set."""
    texts, codes, _ = read_gold_parts("dev")
    dtexts, dcodes = read_devset(DEVSET)
    return pd.concat([texts, dtexts]), pd.concat([codes, dcodes], ignore_index=True)


def train(codebook: str = "nfer_impacts"):
    """Fit the default hybrid coder on :func:`training_data`."""
    from impact.coding import HybridCoder

    texts, codes = training_data()
    coder = HybridCoder(codebook).fit(texts, codes)
    files = [str((folder / "sentences_dev.csv").relative_to(_REPO)) for folder in GOLD_BATCHES]
    coder.training_ = {**coder.training_, "files": [*files, "tests/data/coding_devset.csv"]}
    return coder


def _same(a: dict, b: dict, tol: float = 1e-5) -> bool:
    if a.keys() != b.keys():
        return False
    for key in a:
        x, y = a[key], b[key]
        if key in ("coef", "intercept", "idf", "thresholds"):
            if np.shape(x) != np.shape(y) or not np.allclose(np.asarray(x, float), np.asarray(y, float), atol=tol):
                return False
        elif key == "impact_version":
            continue
        elif x != y:
            return False
    return True


def cross_validate(codebook: str = "nfer_impacts", *, n_splits: int = 5, random_state: int = 0,
                   fraction: float = 1.0, seed: int = 0) -> dict:
    """Document-grouped cross-validated predictions on the gold development parts.

    Each fold trains the hybrid coder on the other folds' documents plus the
    whole development set and predicts the held-out documents; the rule coder
    needs no training.  Returns the per-code scores of both coders (reported
    codes), the held-out probabilities and the truth.
    """
    from impact.coding import Codebook, HybridCoder, RuleCoder
    from impact.coding.evaluate import group_folds, positive_codes, score_codes

    texts, codes, docs = read_gold_parts("dev")
    dtexts, dcodes = read_devset(DEVSET)
    ids = Codebook.load(codebook).code_ids
    probs = pd.DataFrame(np.nan, index=texts.index, columns=ids)
    predicted = []
    rng = np.random.default_rng(seed)
    for train_idx, test_idx in group_folds(docs, n_splits=n_splits, random_state=random_state):
        if fraction < 1:
            names = docs.iloc[train_idx].unique()
            kept = set(rng.choice(names, max(1, round(fraction * len(names))), replace=False))
            train_idx = train_idx[docs.iloc[train_idx].isin(kept).to_numpy()]
        coder = HybridCoder(codebook).fit(pd.concat([texts.iloc[train_idx], dtexts]),
                                          pd.concat([codes, dcodes], ignore_index=True))
        held = texts.iloc[test_idx]
        probs.loc[held.index, coder.code_ids_] = coder.predict_proba(held).to_numpy()
        predicted.append(positive_codes(coder.code(held), count_hedged=False))
    hybrid = score_codes(pd.concat(predicted, ignore_index=True), codes, units=texts.index, codes=ids)
    rule = score_codes(positive_codes(RuleCoder(codebook).code(texts), count_hedged=False), codes,
                       units=texts.index, codes=ids)
    truth = pd.DataFrame(False, index=texts.index, columns=ids)
    for u, c in zip(codes["unit"], codes["code"], strict=True):
        truth.loc[u, c] = True
    return {"hybrid": hybrid, "rule": rule, "probabilities": probs, "truth": truth}


def write_json(path: Path, text: str) -> None:
    """Write ``text`` (and a final newline) to ``path`` through a temporary file: never half-written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(text + "\n", encoding="utf-8")
    tmp.replace(path)


def check_json(path: Path, current: Any, command: str) -> int:
    """Exit status of a ``--check``: 0 when ``current(stored JSON)`` holds, else 1 with a message."""
    stored = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    if not current(stored):
        print(f"{path} is out of date: run {command}", file=sys.stderr)
        return 1
    print(f"{path} is current")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--codebook", default="nfer_impacts")
    parser.add_argument("--check", action="store_true", help="refit and compare with the stored model")
    parser.add_argument("--cv", action="store_true", help="print document-grouped cross-validated figures")
    parser.add_argument("--curve", action="store_true",
                        help="print the hybrid coder's cross-validated micro-F1 trained on 25%%, 50%%, 75%% and all of "
                             "the training documents (three draws each)")
    args = parser.parse_args(argv)
    if args.curve:
        for fraction in (0.25, 0.5, 0.75, 1.0):
            draws = [cross_validate(args.codebook, fraction=fraction, seed=seed)["hybrid"].set_index("code").loc["micro", "f1"]
                     for seed in range(3 if fraction < 1 else 1)]
            print(f"{fraction:.0%} of the training documents: micro-F1 {', '.join(f'{f:.3f}' for f in draws)}")
        return 0
    if args.cv:
        from impact.coding import calibration_table

        res = cross_validate(args.codebook)
        for name in ("rule", "hybrid"):
            print(f"{name}:\n{res[name].round(3).to_string(index=False)}\n")
        table = calibration_table(res["probabilities"].to_numpy(), res["truth"].to_numpy())
        print(f"calibration (held-out, all codes), Brier {table.attrs['brier']:.4f}:\n{table.round(3).to_string(index=False)}")
        return 0
    model = train(args.codebook).to_json()
    path = MODEL_DIR / f"{model['codebook']['id']}.json"
    if args.check:
        return check_json(path, lambda stored: _same(model, stored), "python -m bench.train_coder")
    write_json(path, json.dumps(model, separators=(",", ":"), sort_keys=True))
    print(f"wrote {path} ({path.stat().st_size:,} bytes, {len(model['vocabulary']):,} features)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

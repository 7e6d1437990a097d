"""Score the coders on the frozen test parts of the gold corpus and store the figures as package data.

``python -m bench.coder_validity`` codes the frozen test parts of both batches
of the gold corpus (``tests/data/gold/sentences_test.csv``,
``tests/data/gold2/sentences_test.csv``) with :class:`impact.RuleCoder` and the
bundled :class:`impact.coding.HybridCoder`, scores the *reported* codes of
each (negated and hedged rows are not reported) against the adjudicated
``codes`` field, and writes ``impact/_data/validity/<codebook id>.json``:
per-code precision, recall and F1 with counts on the pooled test parts and
on each part (``by_part``), the share of impact-free sentences left uncoded,
the corpus hashes, the codebook hash, the bundled model's hash, and
``default`` (the coder :func:`impact.coding.default_coder` returns): the
hybrid only when its pooled micro-F1 gain over the rule coder is clear of
sampling noise (the 95% interval of the gain, resampling documents, lies
above zero), else the faster and simpler rule coder.  :func:`impact.coding.coder_validity` reads the file, so reports
print the figures without re-scoring.  ``--check`` recomputes and exits with
status 1 when the stored file is not current.

The test parts are frozen (their SHA-256 is checked); nothing here tunes
anything on them.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import hashlib
import json
import sys

import numpy as np
import pandas as pd

from bench.score_dev import previous_sentences
from bench.train_coder import _REPO, GOLD_BATCHES, MODEL_DIR, check_json, read_gold, write_json

__all__ = ["VALIDITY_DIR", "TEST_FILES", "compute", "main"]

VALIDITY_DIR = MODEL_DIR.parent / "validity"
#: The frozen test parts, one per batch of the gold corpus.
TEST_FILES = tuple(folder / "sentences_test.csv" for folder in GOLD_BATCHES)


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


#: Document bootstrap of the coders' comparison.
N_BOOT, BOOT_SEED = 2000, 20261130


def _unit_counts(coded: pd.DataFrame, texts: pd.Series, codes: pd.DataFrame, ids: list[str]) -> pd.DataFrame:
    """True positives, false positives and false negatives of reported codes, per unit (index of ``texts``)."""
    from impact.coding.evaluate import positive_codes

    reported = positive_codes(coded, count_hedged=False)
    got = set(zip(reported["unit"], reported["code"], strict=True))
    want = set(zip(codes["unit"], codes["code"], strict=True))
    rows = []
    for unit in texts.index:
        g = {c for c in ids if (unit, c) in got}
        w = {c for c in ids if (unit, c) in want}
        rows.append((len(g & w), len(g - w), len(w - g)))
    return pd.DataFrame(rows, index=texts.index, columns=["tp", "fp", "fn"])


def _bootstrap_gain(a: pd.DataFrame, b: pd.DataFrame, docs: pd.Series, *, n_boot: int, seed: int) -> dict:
    """Micro-F1 of ``b`` minus ``a`` with a percentile interval from resampling documents (paired)."""
    def f1(t: np.ndarray) -> float:
        return 2 * t[0] / (2 * t[0] + t[1] + t[2]) if t.sum() else float("nan")

    per_doc_a = a.groupby(docs.loc[a.index].to_numpy()).sum()
    per_doc_b = b.groupby(docs.loc[b.index].to_numpy()).sum().loc[per_doc_a.index]
    xa, xb = per_doc_a.to_numpy(), per_doc_b.to_numpy()
    rng = np.random.default_rng(seed)
    gains = np.empty(n_boot)
    for k in range(n_boot):
        pick = rng.integers(0, len(xa), len(xa))
        gains[k] = f1(xb[pick].sum(axis=0)) - f1(xa[pick].sum(axis=0))
    lo, hi = np.percentile(gains, [2.5, 97.5])
    return {"difference": f1(xb.sum(axis=0)) - f1(xa.sum(axis=0)), "ci_low": float(lo), "ci_high": float(hi),
            "n_documents": int(len(xa))}


def compute(codebook_id: str = "nfer_impacts") -> dict:
    """The validity figures of the rule and bundled hybrid coders on the frozen test parts (pooled and each)."""
    from impact._version import __version__
    from impact.coding import Codebook, HybridCoder, RuleCoder

    book = Codebook.load(codebook_id)
    parts = [(str(path.relative_to(_REPO)), path.read_bytes(), read_gold(path)) for path in TEST_FILES]
    texts = pd.concat([p[2][0] for p in parts])
    codes = pd.concat([p[2][1] for p in parts], ignore_index=True)
    docs = pd.concat([p[2][2] for p in parts])
    coded_by: dict[str, pd.DataFrame] = {}
    ids = book.code_ids
    coders = {"rule": RuleCoder(book).fit(), "hybrid": HybridCoder(book).fit()}
    files = [{"file": name, "sha256": hashlib.sha256(raw).hexdigest(), "n_sentences": int(len(t)),
              "n_documents": int(d.nunique())} for name, raw, (t, _, d) in parts]
    out: dict = {
        "format": "impact-coder-validity",
        "format_version": 2,
        "impact_version": __version__,
        "computed": _dt.date.today().isoformat(),
        "corpus": {"files": files,
                   "sha256": hashlib.sha256("".join(f["sha256"] for f in files).encode()).hexdigest(),
                   "n_sentences": sum(f["n_sentences"] for f in files),
                   "n_documents": sum(f["n_documents"] for f in files),
                   "labels": "reported codes by docs/labelling-guide.md, labelled twice and adjudicated "
                             "(tests/data/gold*/README.md)"},
        "codebook": {"id": book.id, "version": book.version, "hash": book.hash},
        "scoring": "reported codes: coder rows neither negated nor hedged, against the gold `codes` field",
        "coders": {},
    }
    model_path = MODEL_DIR / f"{book.id}.json"
    for name, coder in coders.items():
        # each sentence with the one before it in its document, as the main job codes a turn's sentences in order
        # (the rule coder resolves an opening pronoun from it; the hybrid codes sentences alone)
        coded = coded_by[name] = (coder.code(texts, previous=previous_sentences(texts)) if name == "rule"
                                  else coder.code(texts))
        entry = {"class": type(coder).__name__, **_scores(coded, texts, codes, ids), "by_part": {}}
        for file, _, (t, c, _) in parts:
            entry["by_part"][file] = _scores(coded[coded["unit"].isin(t.index)], t, c, ids)
        if name == "hybrid":
            entry["model_sha256"] = hashlib.sha256(model_path.read_bytes()).hexdigest()
        out["coders"][name] = entry
    # The hybrid replaces the (faster, simpler) rule coder only when its pooled micro-F1 gain is clear of
    # sampling noise: the 95% interval of the gain, resampling documents, lies above zero.
    counts = {name: _unit_counts(coded_by[name], texts, codes, ids) for name in coders}
    gain = _bootstrap_gain(counts["rule"], counts["hybrid"], docs, n_boot=N_BOOT, seed=BOOT_SEED)
    out["comparison"] = {"statistic": "pooled micro-F1 of hybrid minus rule", **gain, "n_boot": N_BOOT,
                         "seed": BOOT_SEED, "resampled": "documents",
                         "rule": "default is the hybrid only when ci_low > 0, else the rule coder"}
    out["default"] = "hybrid" if gain["ci_low"] > 0 else "rule"
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
        for part, e in [("pooled", entry), *entry["by_part"].items()]:
            micro = next(r for r in e["scores"] if r["code"] == "micro")
            per = ", ".join(f"{r['code']} {r['f1']:.2f}" for r in e["scores"] if r["code"] not in ("micro", "macro"))
            print(f"{name} {part}: micro-F1 {micro['f1']:.3f} (P {micro['precision']:.3f}, R {micro['recall']:.3f}), "
                  f"impact-free uncoded {e['impact_free_uncoded_share']:.3f}; {per}")
    c = figures["comparison"]
    print(f"hybrid - rule micro-F1 {c['difference']:+.3f} (95% {c['ci_low']:+.3f} to {c['ci_high']:+.3f}, "
          f"{c['n_documents']} documents)")
    print(f"default: {figures['default']}; wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

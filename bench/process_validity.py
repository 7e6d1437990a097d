"""Accuracy of the review-process coder and valence reader on real text (issue 19).

``python -m bench.process_validity --out bench/results`` scores
``RuleCoder("review_process")`` and :func:`impact.coding.valence` on the
real-text corpus ``tests/data/gold_process`` (labelled by
``docs/labelling-guide-process.md``), on the development part (which the
rules were written against) and on the frozen test part (never used to
write them), and writes ``<out>/process-coder.json``:

* codes: micro and macro precision, recall and F1 over the 16 leaf codes
  (negated mentions counted: a negated mention of a part of the review still
  names it), and per-code F1 with support;
* valence: on every (sentence, code) pair that both the gold labels and the
  coder give, the share where the valence read from the text equals the gold
  valence, beside the share an "always neutral" reader gets; the same share
  among the pairs the gold calls helped, hindered or mixed; and the
  confusion table (gold by read).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import hashlib
import json
import sys
from pathlib import Path

import pandas as pd

GOLD = Path(__file__).resolve().parents[1] / "tests" / "data" / "gold_process"


def _split(value: str) -> list[str]:
    return [v.strip() for v in str(value or "").split(";") if v.strip()]


def _gold_pairs(s: pd.DataFrame) -> pd.DataFrame:
    pairs = [(r.sentence_id, c) for r in s.itertuples() for c in _split(r.codes)]
    pairs += [(r.sentence_id, "recommendation") for r in s.itertuples() if str(r.recommendation) == "1"]
    return pd.DataFrame(pairs, columns=["unit", "code"])


def _gold_valence(s: pd.DataFrame) -> dict[tuple[str, str], str]:
    out = {}
    for r in s.itertuples():
        for item in _split(r.valence):
            code, _, val = item.partition(":")
            out[(r.sentence_id, code)] = val
    return out


def score_part(sentences: pd.DataFrame) -> dict:
    """Code and valence accuracy of the process coder on one part of the corpus."""
    import impact
    from impact.coding import valence
    from impact.coding.evaluate import positive_codes, score_codes

    texts = pd.Series(sentences["text"].to_numpy(), index=sentences["sentence_id"].to_numpy())
    codebook = impact.Codebook.load("review_process")
    coded = impact.RuleCoder(codebook).code(texts)
    predicted = positive_codes(coded, count_negated=True)
    table = score_codes(predicted, _gold_pairs(sentences), units=texts.index, codes=codebook.leaf_codes()).set_index("code")
    gold_val = _gold_valence(sentences)
    hit = coded.drop_duplicates(["unit", "code"])
    hit = hit[[(u, c) in gold_val for u, c in zip(hit["unit"], hit["code"], strict=True)]]
    read = valence(texts.reindex(hit["unit"]).tolist(), negated=hit["negated"].tolist()).tolist()
    truth = [gold_val[(u, c)] for u, c in zip(hit["unit"], hit["code"], strict=True)]
    agree = sum(a == b for a, b in zip(read, truth, strict=True))
    polar = [(a, b) for a, b in zip(read, truth, strict=True) if b != "neutral"]
    per_code = {c: {"f1": round(float(table.loc[c, "f1"]), 4), "support": int(table.loc[c, "support"])}
                for c in codebook.leaf_codes() if c in table.index}
    return {
        "n_sentences": len(sentences),
        "micro": {k: round(float(table.loc["micro", k]), 4) for k in ("precision", "recall", "f1")},
        "macro_f1": round(float(table.loc["macro", "f1"]), 4) if "macro" in table.index else None,
        "per_code": per_code,
        "valence": {"n_pairs": len(truth), "accuracy": round(agree / len(truth), 4) if truth else None,
                    "always_neutral": round(sum(t == "neutral" for t in truth) / len(truth), 4) if truth else None,
                    # where the gold says helped, hindered or mixed: the share read the same
                    "n_evaluative": len(polar),
                    "evaluative_accuracy": round(sum(a == b for a, b in polar) / len(polar), 4) if polar else None,
                    # {gold valence: {valence read: pairs}}
                    "confusion": pd.crosstab(pd.Series(truth, name="gold"), pd.Series(read, name="read")).T.to_dict()},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.process_validity", description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path("bench/results"))
    args = parser.parse_args(argv)
    import impact
    from impact._io import atomic_write_text

    result = {"generated": _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat(),
              "impact": impact.__version__,
              "codebook_version": impact.Codebook.load("review_process").version}
    for part in ("dev", "test"):
        path = GOLD / f"sentences_{part}.csv"
        result[f"{part}_sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
        result[part] = score_part(pd.read_csv(path, dtype=str, keep_default_na=False))
    args.out.mkdir(parents=True, exist_ok=True)
    atomic_write_text(args.out / "process-coder.json", json.dumps(result, indent=1) + "\n")
    json.dump({p: {k: result[p][k] for k in ("micro", "macro_f1", "valence")} for p in ("dev", "test")}, sys.stdout, indent=1)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

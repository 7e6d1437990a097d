"""Integrity of the real-text review-process corpus in ``tests/data/gold_process`` (issue 19 item 2).

The corpus is data, not code: these tests check that it parses, that its
parts fit together, that the split by document is the seeded, stratified
split the README describes, that its labels use the ``review_process``
codebook's leaf ids with one valence per code, that the README's counts are
the files' counts, and that the frozen test part has not changed since it
was frozen.  The rule coder is scored on the DEV part only, as a regression
floor; the test part is scored once, by the lead, for the final note.
"""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

import pandas as pd
import pytest
from gold_integrity import (
    document_problems,
    membership_problems,
    read_csv,
    read_sentences,
    sentence_problems,
    split_codes,
)

import impact
from impact.coding.evaluate import positive_codes, score_codes

GOLD = Path(__file__).parent / "data" / "gold_process"
# SHA-256 of sentences_test.csv when it was frozen on 2026-11-29 (README.md, "Frozen test part").
FROZEN_TEST_SHA256 = "1158c8aa09517eaef99d0c3d4371827bee044b1de959e02fe998c3d2873d48b8"
SPLIT_SEED = 19112026  # README.md, "Split"
DOC_COLUMNS = ["doc_id", "url", "title", "publisher", "doc_kind", "licence", "retrieved", "split"]
SENTENCE_COLUMNS = ["sentence_id", "doc_id", "text", "codes", "valence", "recommendation", "note"]
DOC_KINDS = {
    "council_minutes", "improvement_board", "lga_peer_challenge", "evaluation_report", "sector_press", "other",
}
VALENCES = {"helped", "hindered", "mixed", "neutral"}


def _read(name: str) -> pd.DataFrame:
    return read_csv(GOLD / name)


def gold_pairs(sentences: pd.DataFrame) -> pd.DataFrame:
    """Gold (unit, code) pairs: the codes of each sentence plus ``recommendation`` where flagged."""
    pairs = [(r.sentence_id, c) for r in sentences.itertuples() for c in split_codes(r.codes)]
    pairs += [(r.sentence_id, "recommendation") for r in sentences.itertuples() if r.recommendation == "1"]
    return pd.DataFrame(pairs, columns=["unit", "code"])


@pytest.fixture(scope="module")
def documents() -> pd.DataFrame:
    return _read("documents.csv")


@pytest.fixture(scope="module")
def sentences() -> pd.DataFrame:
    return read_sentences(GOLD, SENTENCE_COLUMNS)


def test_documents_parse_and_every_sentence_has_a_document_of_its_split(documents, sentences):
    problems = document_problems(documents, columns=DOC_COLUMNS, kinds=DOC_KINDS, retrieved="2026-11-29")
    problems += membership_problems(documents, sentences)
    problems += sentence_problems(sentences, max_per_doc=8)
    assert not problems, problems


def test_split_is_the_seeded_stratified_split_by_document(documents):
    # README.md, "Split": per doc_kind (sorted), doc_ids in order, shuffled by one Random(SPLIT_SEED),
    # the first round(0.4 * n) of each kind to test.
    rng = random.Random(SPLIT_SEED)
    expected = {}
    for _, group in sorted(documents.groupby("doc_kind"), key=lambda kv: kv[0]):
        ids = sorted(group["doc_id"])
        rng.shuffle(ids)
        n_test = round(0.4 * len(ids))
        expected.update({doc_id: "test" if i < n_test else "dev" for i, doc_id in enumerate(ids)})
    assert documents.set_index("doc_id")["split"].to_dict() == expected
    share = (documents["split"] == "test").mean()
    assert 0.35 <= share <= 0.45, share


def test_codes_are_leaf_ids_with_one_valence_each(sentences):
    leaves = set(impact.Codebook.load("review_process").leaf_codes())
    allowed = leaves - {"recommendation"}  # recommendation has its own column
    problems = []
    for row in sentences.itertuples():
        codes = split_codes(row.codes)
        valence = [v.split(":") for v in split_codes(row.valence)]
        if len(codes) != len(set(codes)):
            problems.append(f"{row.sentence_id}: repeated code")
        problems += [f"{row.sentence_id}: code {c!r}" for c in codes if c not in allowed]
        if [c for c, *_ in valence] != codes:
            problems.append(f"{row.sentence_id}: valence {row.valence!r} does not follow codes {row.codes!r}")
        problems += [f"{row.sentence_id}: valence {v}" for v in valence if len(v) != 2 or v[1] not in VALENCES]
        if row.recommendation not in {"0", "1"}:
            problems.append(f"{row.sentence_id}: recommendation {row.recommendation!r}")
    assert not problems, problems


def test_size_and_process_free_share(documents, sentences):
    assert len(sentences) >= 400 and len(documents) >= 80
    free = (sentences["codes"] == "") & (sentences["recommendation"] == "0")
    assert 0.30 <= free.mean() <= 0.50, free.mean()
    # every code of the codebook has support in the corpus, and the common ones in both parts
    counts = pd.Series([c for v in sentences["codes"] for c in split_codes(v)]).value_counts()
    assert len(counts) == 15 and counts.min() >= 8, counts.to_dict()
    for _split, part in sentences.groupby("file_split"):
        n = pd.Series([c for v in part["codes"] for c in split_codes(v)]).value_counts()
        assert (n[["method_focus", "review_team", "on_site", "preparation", "action_planning"]] >= 10).all(), n.to_dict()
        assert (part["recommendation"] == "1").sum() >= 5
        assert part["valence"].str.contains(":hindered").sum() >= 10


def test_readme_counts_are_the_files_counts(documents, sentences):
    readme = (GOLD / "README.md").read_text(encoding="utf-8")
    dev, test = (sentences["file_split"] == "dev").sum(), (sentences["file_split"] == "test").sum()
    assert f"| `sentences_dev.csv` | {dev} |" in readme and f"| `sentences_test.csv` | {test} |" in readme
    assert f"| `documents.csv` | {len(documents)} |" in readme
    assert f"{len(sentences)} verbatim sentences from {len(documents)} public documents" in readme


def test_licence_recorded_and_non_open_text_is_marked_as_quotation(documents):
    licence = documents["licence"]
    assert licence.str.len().gt(0).all()
    assert (licence.str.contains("OGL-3.0") | licence.str.contains("short quotation for research")).all()


def test_frozen_test_part_is_unchanged():
    digest = hashlib.sha256((GOLD / "sentences_test.csv").read_bytes()).hexdigest()
    assert digest == FROZEN_TEST_SHA256, "sentences_test.csv changed after it was frozen (see tests/data/gold_process/README.md)"
    assert FROZEN_TEST_SHA256 in (GOLD / "README.md").read_text(encoding="utf-8")


def test_rule_coder_on_the_dev_part_keeps_its_level():
    # Dev-part micro-F1 of RuleCoder("review_process") was 0.768 at codebook 1.0 (negated mentions
    # counted: a negated mention of a part of the process still carries its code).  The floor guards
    # against rules that stop matching; the frozen test part is not scored here.
    dev = _read("sentences_dev.csv")
    texts = pd.Series(dev["text"].to_numpy(), index=dev["sentence_id"].to_numpy())
    codebook = impact.Codebook.load("review_process")
    predicted = positive_codes(impact.RuleCoder(codebook).code(texts), count_negated=True)
    table = score_codes(predicted, gold_pairs(dev), units=texts.index, codes=codebook.leaf_codes()).set_index("code")
    assert table.loc["micro", "f1"] >= 0.72, table[["precision", "recall", "f1", "support"]].round(3).to_dict("index")
    assert table.loc["micro", "support"] == len(gold_pairs(dev))

"""Integrity of the real-text gold corpus in ``tests/data/gold`` (issue 14, items 1-3).

The corpus is data, not code: these tests check that it parses, that its
parts fit together, that its labels use the codebook's ids and the guide's
attribution values, and that the frozen test part has not changed since it
was frozen (``tests/data/gold/README.md``).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest
from gold_integrity import (
    document_problems,
    membership_problems,
    read_csv,
    read_sentences,
    sentence_problems,
)

import impact

GOLD = Path(__file__).parent / "data" / "gold"
# SHA-256 of sentences_test.csv when it was frozen on 2026-11-29 (README.md, "Frozen test part").
FROZEN_TEST_SHA256 = "7d0fc13faaf05921549cc227d87e2fcf30b43d86fcec6eba4908a9d7aea5ef67"
DOC_COLUMNS = ["doc_id", "url", "title", "publisher", "doc_kind", "licence", "retrieved", "split"]
SENTENCE_COLUMNS = ["sentence_id", "doc_id", "text", "codes", "anticipated", "negated", "attribution", "experiencer_note"]
DOC_KINDS = {
    "council_minutes", "improvement_board", "ofsted_letter", "ofsted_report", "lga_peer_challenge",
    "dfe_commissioner", "evaluation_report", "partnership_report", "sector_press", "other",
}
ATTRIBUTIONS = {"review", "peer_challenge", "ofsted", "leadership", "restructure", "funding", "other_programme", "unclear", ""}
CODE_FIELDS = ("codes", "anticipated", "negated")


def _read(name: str) -> pd.DataFrame:
    return read_csv(GOLD / name)


@pytest.fixture(scope="module")
def documents() -> pd.DataFrame:
    return _read("documents.csv")


@pytest.fixture(scope="module")
def sentences() -> pd.DataFrame:
    return read_sentences(GOLD, SENTENCE_COLUMNS)


def _split_codes(value: str) -> list[str]:
    return [c for c in value.split(";") if c]


def test_documents_parse_with_expected_columns(documents):
    problems = document_problems(documents, columns=DOC_COLUMNS, kinds=DOC_KINDS, retrieved="2026-11-29")
    assert not problems, problems


def test_every_sentence_belongs_to_a_document_of_its_split(documents, sentences):
    problems = membership_problems(documents, sentences)
    assert not problems, problems


def test_splits_are_disjoint_by_document(sentences):
    dev = set(sentences.loc[sentences["file_split"] == "dev", "doc_id"])
    test = set(sentences.loc[sentences["file_split"] == "test", "doc_id"])
    assert dev and test
    assert not dev & test


def test_split_is_about_sixty_forty_and_stratified(documents):
    share = (documents["split"] == "test").mean()
    assert 0.35 <= share <= 0.45, share
    by_kind = documents.groupby("doc_kind")["split"].apply(lambda s: (s == "test").sum())
    sizes = documents["doc_kind"].value_counts()
    # round(0.4 * n) test documents in every kind (README.md, "Split")
    expected = sizes.map(lambda n: round(0.4 * n))
    assert by_kind.sort_index().tolist() == expected.sort_index().tolist()


def test_sentence_ids_and_texts(sentences):
    problems = sentence_problems(sentences, max_per_doc=8)
    assert not problems, problems


def test_codes_are_codebook_ids():
    ids = set(impact.Codebook.load("nfer_impacts").code_ids)
    assert ids == {"commitment", "plans_actions", "learning", "policies_systems", "morale", "partnership"}
    sentences = pd.concat([_read("sentences_dev.csv"), _read("sentences_test.csv")], ignore_index=True)
    problems = [
        f"{row['sentence_id']}: {field} has {code!r}"
        for _, row in sentences.iterrows()
        for field in CODE_FIELDS
        for code in _split_codes(row[field])
        if code not in ids
    ]
    assert not problems, problems
    repeated = [
        f"{row['sentence_id']}: {field}" for _, row in sentences.iterrows() for field in CODE_FIELDS
        if len(_split_codes(row[field])) != len(set(_split_codes(row[field])))
    ]
    assert not repeated, repeated


def test_attribution_values_follow_the_guide(sentences):
    assert set(sentences["attribution"]) <= ATTRIBUTIONS, sorted(set(sentences["attribution"]) - ATTRIBUTIONS)
    credited_without_change = sentences[(sentences["attribution"] != "") & (sentences["codes"] == "")]
    assert credited_without_change.empty, credited_without_change["sentence_id"].tolist()


def test_code_is_never_both_reported_and_only_anticipated(sentences):
    clash = [
        row["sentence_id"] for _, row in sentences.iterrows()
        if set(_split_codes(row["codes"])) & set(_split_codes(row["anticipated"]))
    ]
    assert not clash, clash


def test_frozen_test_part_is_unchanged():
    digest = hashlib.sha256((GOLD / "sentences_test.csv").read_bytes()).hexdigest()
    assert digest == FROZEN_TEST_SHA256, "sentences_test.csv changed after it was frozen (see tests/data/gold/README.md)"
    readme = (GOLD / "README.md").read_text(encoding="utf-8")
    assert FROZEN_TEST_SHA256 in readme


def test_size_and_impact_free_share(documents, sentences):
    assert len(sentences) >= 800
    assert len(documents) >= 150
    impact_free = (sentences["codes"] == "").mean()
    assert 0.30 <= impact_free <= 0.50, impact_free
    for split, part in sentences.groupby("file_split"):
        share = (part["codes"] == "").mean()
        assert 0.30 <= share <= 0.55, (split, share)
    # every code has real support in both parts
    for split, part in sentences.groupby("file_split"):
        counts = pd.Series([c for v in part["codes"] for c in _split_codes(v)]).value_counts()
        assert (counts >= 20).all() and len(counts) == 6, (split, counts.to_dict())


def test_open_licence_majority_and_licence_recorded(documents, sentences):
    licence = sentences["doc_id"].map(documents.set_index("doc_id")["licence"])
    assert licence.str.len().gt(0).all()
    assert licence.str.startswith("OGL-3.0").mean() > 0.5

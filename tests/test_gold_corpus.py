"""Integrity of the real-text gold corpus in ``tests/data/gold`` and ``tests/data/gold2`` (issue 14, items 1-3).

The corpus is data, not code: these tests check that it parses, that its
parts fit together, that its labels use the codebook's ids and the guide's
attribution values, and that the frozen test parts keep the sentences they
were frozen with (each batch's ``README.md``, "Frozen test part").
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
    split_codes,
)

import impact

DATA = Path(__file__).parent / "data"
GOLD = DATA / "gold"
DOC_COLUMNS = ["doc_id", "url", "title", "publisher", "doc_kind", "licence", "retrieved", "split"]
SENTENCE_COLUMNS = ["sentence_id", "doc_id", "text", "codes", "anticipated", "negated", "attribution", "experiencer_note"]
DOC_KINDS = {
    "council_minutes", "improvement_board", "ofsted_letter", "ofsted_report", "lga_peer_challenge",
    "dfe_commissioner", "evaluation_report", "partnership_report", "sector_press", "other",
}
ATTRIBUTIONS = {"review", "peer_challenge", "ofsted", "leadership", "restructure", "funding", "other_programme", "unclear", ""}
CODE_FIELDS = ("codes", "anticipated", "negated")
# Per batch: retrieval date, cap of sentences per document, minimum sizes, and the frozen test part's hashes
# (README.md of the batch): TEXT over "sentence_id<TAB>doc_id<TAB>text" lines, which never changes, and FILE of the
# whole file as it stands after adjudication (labels change only by recorded adjudication).
BATCHES = {
    "gold": {"retrieved": "2026-11-29", "max_per_doc": 8, "min_sentences": 800, "min_documents": 150,
             "text_sha256": "05e1d7e331aeb03a9031e4700c88d288dfea3871523eeac96b35c9b8e7f41401",
             "file_sha256": "da0685fc6f3598305f22a8f16c3d9a6228278efe0c28f80d6fe3b02865c0b74e"},
    "gold2": {"retrieved": "2026-11-30", "max_per_doc": 6, "min_sentences": 1200, "min_documents": 250,
              "text_sha256": "82e51d726cf6ffe264bc9f3a23cf75cb1e36715f3e146cc52a76b89bb5c0f9c7",
              "file_sha256": "6e6c06255e5ef30c36a02c86f8557a67fdf17a9ee8b31d03ced41f02af1ebb33"},
}


@pytest.fixture(scope="module", params=sorted(BATCHES))
def batch(request) -> tuple[str, Path, dict]:
    return request.param, DATA / request.param, BATCHES[request.param]


@pytest.fixture(scope="module")
def documents(batch) -> pd.DataFrame:
    return read_csv(batch[1] / "documents.csv")


@pytest.fixture(scope="module")
def sentences(batch) -> pd.DataFrame:
    return read_sentences(batch[1], SENTENCE_COLUMNS)


def _text_sha256(path: Path) -> str:
    rows = read_csv(path)
    lines = (f"{r.sentence_id}\t{r.doc_id}\t{r.text}" for r in rows.itertuples())
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def test_documents_parse_with_expected_columns(batch, documents):
    problems = document_problems(documents, columns=DOC_COLUMNS, kinds=DOC_KINDS, retrieved=batch[2]["retrieved"])
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


def test_sentence_ids_and_texts(batch, sentences):
    problems = sentence_problems(sentences, max_per_doc=batch[2]["max_per_doc"])
    assert not problems, problems


def test_codes_are_codebook_ids(sentences):
    ids = set(impact.Codebook.load("nfer_impacts").code_ids)
    assert ids == {"commitment", "plans_actions", "learning", "policies_systems", "morale", "partnership"}
    problems = [
        f"{row['sentence_id']}: {field} has {code!r}"
        for _, row in sentences.iterrows()
        for field in CODE_FIELDS
        for code in split_codes(row[field])
        if code not in ids
    ]
    assert not problems, problems
    repeated = [
        f"{row['sentence_id']}: {field}" for _, row in sentences.iterrows() for field in CODE_FIELDS
        if len(split_codes(row[field])) != len(set(split_codes(row[field])))
    ]
    assert not repeated, repeated


def test_attribution_values_follow_the_guide(sentences):
    assert set(sentences["attribution"]) <= ATTRIBUTIONS, sorted(set(sentences["attribution"]) - ATTRIBUTIONS)
    credited_without_change = sentences[(sentences["attribution"] != "") & (sentences["codes"] == "")]
    assert credited_without_change.empty, credited_without_change["sentence_id"].tolist()


def test_code_is_never_both_reported_and_only_anticipated(sentences):
    clash = [
        row["sentence_id"] for _, row in sentences.iterrows()
        if set(split_codes(row["codes"])) & set(split_codes(row["anticipated"]))
    ]
    assert not clash, clash


def test_frozen_test_part_is_unchanged(batch):
    name, folder, spec = batch
    path = folder / "sentences_test.csv"
    assert _text_sha256(path) == spec["text_sha256"], f"{name}: the sentences of the frozen test part changed"
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert digest == spec["file_sha256"], f"{name}: labels of the frozen test part changed without a recorded adjudication"
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert spec["file_sha256"] in readme and spec["text_sha256"] in readme


def test_batches_share_no_document_or_sentence():
    docs = [read_csv(DATA / b / "documents.csv") for b in sorted(BATCHES)]
    texts = [read_sentences(DATA / b, SENTENCE_COLUMNS)["text"] for b in sorted(BATCHES)]
    assert not set(docs[0]["url"]) & set(docs[1]["url"])
    assert not set(docs[0]["doc_id"]) & set(docs[1]["doc_id"])
    assert not set(texts[0]) & set(texts[1])


def test_adjudicated_disagreements_are_the_gold_labels(batch, sentences):
    """Every adjudicated disagreement of the two labellings is what the sentence files hold."""
    sentences = sentences.set_index("sentence_id")
    disagreements = read_csv(batch[1] / "disagreements.csv")
    problems = []
    for r in disagreements.itertuples():
        row = sentences.loc[r.sentence_id]
        if r.field == "attribution":
            held = row["attribution"]
        else:
            held = next((s for f, s in zip(CODE_FIELDS, ("reported", "anticipated", "negated"), strict=True)
                         if r.code in split_codes(row[f])), "absent")
        if held != r.adjudicated:
            problems.append(f"{r.sentence_id} {r.field} {r.code}: file has {held!r}, adjudicated {r.adjudicated!r}")
    assert len(disagreements) > 100
    assert not problems, problems


def test_size_and_impact_free_share(batch, documents, sentences):
    assert len(sentences) >= batch[2]["min_sentences"]
    assert len(documents) >= batch[2]["min_documents"]
    impact_free = (sentences["codes"] == "").mean()
    assert 0.30 <= impact_free <= 0.50, impact_free
    for split, part in sentences.groupby("file_split"):
        share = (part["codes"] == "").mean()
        assert 0.30 <= share <= 0.55, (split, share)
    # every code has real support in both parts
    for split, part in sentences.groupby("file_split"):
        counts = pd.Series([c for v in part["codes"] for c in split_codes(v)]).value_counts()
        assert (counts >= 20).all() and len(counts) == 6, (split, counts.to_dict())


def test_open_licence_majority_and_licence_recorded(documents, sentences):
    licence = sentences["doc_id"].map(documents.set_index("doc_id")["licence"])
    assert licence.str.len().gt(0).all()
    assert licence.str.startswith("OGL-3.0").mean() > 0.5

"""Shared integrity checks for the real-text gold corpora in ``tests/data/gold*``.

Each corpus is a ``documents.csv`` and two sentence files split by document
(``sentences_dev.csv``, ``sentences_test.csv``).  The checks return lists of
problems (empty when all is well) so that a test can report every problem at
once.  Used by ``tests/test_gold_corpus.py`` (NFER impacts) and
``tests/test_gold_process.py`` (the review process).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

__all__ = ["read_csv", "read_sentences", "split_codes", "document_problems", "membership_problems", "sentence_problems"]


def read_csv(path: Path) -> pd.DataFrame:
    """One corpus file as strings, empty cells as ``""``."""
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


def read_sentences(folder: Path, columns: list[str]) -> pd.DataFrame:
    """Both sentence files, with a ``file_split`` column; raises if a file's columns differ from ``columns``."""
    parts = []
    for split in ("dev", "test"):
        part = read_csv(folder / f"sentences_{split}.csv")
        if list(part.columns) != columns:
            raise ValueError(f"{folder}/sentences_{split}.csv columns: {list(part.columns)}, expected {columns}")
        parts.append(part.assign(file_split=split))
    return pd.concat(parts, ignore_index=True)


def split_codes(value: str) -> list[str]:
    """The ids of a ``;``-separated code field (empty entries dropped)."""
    return [c for c in value.split(";") if c]


def document_problems(documents: pd.DataFrame, *, columns: list[str], kinds: Iterable[str], retrieved: str) -> list[str]:
    """Columns, empty cells, unique ids and addresses, known kinds, both splits, retrieval date, http(s) URLs."""
    if list(documents.columns) != columns:
        return [f"documents.csv columns {list(documents.columns)}, expected {columns}"]
    problems = [f"row {i + 2}: empty {col}" for i, row in documents.iterrows() for col in columns if not row[col].strip()]
    problems += [f"doc_id repeated: {d}" for d in documents.loc[documents["doc_id"].duplicated(), "doc_id"]]
    problems += [f"url repeated: {u}" for u in documents.loc[documents["url"].duplicated(), "url"]]
    problems += [f"unknown doc_kind {k!r}" for k in sorted(set(documents["doc_kind"]) - set(kinds))]
    if set(documents["split"]) != {"dev", "test"}:
        problems.append(f"split values {sorted(set(documents['split']))}, expected dev and test")
    problems += [f"retrieved {r!r}, expected {retrieved!r}" for r in sorted(set(documents["retrieved"]) - {retrieved})]
    problems += [f"url not http(s): {u}" for u in documents.loc[~documents["url"].str.match(r"^https?://"), "url"]]
    return problems


def membership_problems(documents: pd.DataFrame, sentences: pd.DataFrame) -> list[str]:
    """Every sentence names a document of its own split, and every document has a sentence."""
    split_of = documents.set_index("doc_id")["split"]
    problems = [f"sentences name a document absent from documents.csv: {d}" for d in sorted(set(sentences["doc_id"]) - set(split_of.index))]
    wrong = sentences[sentences["doc_id"].isin(split_of.index) & (sentences["doc_id"].map(split_of) != sentences["file_split"])]
    problems += [f"{r.sentence_id}: document {r.doc_id} is not in the {r.file_split} part" for r in wrong.itertuples()]
    problems += [f"document with no sentence: {d}" for d in sorted(set(split_of.index) - set(sentences["doc_id"]))]
    return problems


def sentence_problems(sentences: pd.DataFrame, *, max_per_doc: int = 8) -> list[str]:
    """Ids ``<doc_id>-sNN``, unique verbatim texts of 12+ characters with collapsed whitespace, a cap per document."""
    problems = [f"sentence_id repeated: {s}" for s in sentences.loc[sentences["sentence_id"].duplicated(), "sentence_id"]]
    problems += [f"bad sentence_id {r.sentence_id} for {r.doc_id}" for r in sentences.itertuples()
                 if not re.fullmatch(rf"{re.escape(r.doc_id)}-s\d\d", r.sentence_id)]
    texts = sentences["text"]
    problems += [f"{s}: text shorter than 12 characters" for s in sentences.loc[texts.str.len() < 12, "sentence_id"]]
    # verbatim apart from collapsed whitespace: no runs of spaces, no surrounding whitespace
    problems += [f"{s}: whitespace not collapsed" for s in sentences.loc[texts.str.contains(r"\s\s|^\s|\s$|[\t\n\r]", regex=True), "sentence_id"]]
    problems += [f"text repeated: {t[:60]}" for t in texts[texts.duplicated()]]
    per_doc = sentences["doc_id"].value_counts()
    problems += [f"{d}: {n} sentences, more than {max_per_doc}" for d, n in per_doc[per_doc > max_per_doc].items()]
    return problems

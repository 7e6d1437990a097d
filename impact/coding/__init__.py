"""Coding interview text: codebooks, segmentation, rule-based and trained coders, evaluation."""

from .codebook import Codebook, available_codebooks
from .segment import segment, split_sentences, split_turns

__all__ = [
    "Codebook",
    "available_codebooks",
    "segment",
    "split_sentences",
    "split_turns",
]

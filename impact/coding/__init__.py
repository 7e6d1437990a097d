"""Coding interview text: codebooks, segmentation, rule-based and trained coders, evaluation."""

from .codebook import Codebook, available_codebooks
from .rules import CODED_COLUMNS, RuleCoder
from .segment import segment, split_sentences, split_turns

__all__ = [
    "CODED_COLUMNS",
    "Codebook",
    "RuleCoder",
    "available_codebooks",
    "segment",
    "split_sentences",
    "split_turns",
]

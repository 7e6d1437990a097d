"""Coding interview text: codebooks, segmentation, rule-based and trained coders, evaluation."""

from .codebook import Codebook, available_codebooks
from .coded_io import read_coded, write_coded
from .evaluate import evaluate_coder, positive_codes, score_codes
from .rules import CODED_COLUMNS, RuleCoder, modality_cues
from .segment import segment, split_sentences, split_turns
from .trained import TrainedCoder, rank_uncertain
from .valence import VALENCES, valence

__all__ = [
    "CODED_COLUMNS",
    "Codebook",
    "RuleCoder",
    "TrainedCoder",
    "evaluate_coder",
    "positive_codes",
    "rank_uncertain",
    "score_codes",
    "available_codebooks",
    "read_coded",
    "write_coded",
    "modality_cues",
    "segment",
    "split_sentences",
    "split_turns",
    "valence",
    "VALENCES",
]

"""Coding interview text: codebooks, segmentation, rule-based, trained and hybrid coders, evaluation."""

from .codebook import Codebook, available_codebooks
from .coded_io import read_coded, write_coded
from .evaluate import coder_validity, evaluate_coder, group_folds, positive_codes, score_codes
from .hybrid import HybridCoder, calibration_table, default_coder
from .rules import CODED_COLUMNS, RuleCoder, modality_cues
from .segment import segment, split_sentences, split_turns
from .trained import TrainedCoder, rank_uncertain
from .valence import VALENCES, valence

__all__ = [
    "CODED_COLUMNS",
    "Codebook",
    "HybridCoder",
    "RuleCoder",
    "TrainedCoder",
    "calibration_table",
    "coder_validity",
    "default_coder",
    "evaluate_coder",
    "group_folds",
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

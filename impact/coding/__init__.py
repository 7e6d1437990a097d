"""Coding interview text: codebooks, segmentation, rule-based, trained and hybrid coders, evaluation.

The coders, codebooks and evaluation are imported on first use, so a command
that only segments transcripts (``impact validate``) does not load
scikit-learn.  ``segment`` and ``valence`` are imported at once: each names
both a submodule and a function, and importing the submodule first would
leave the package attribute the module, not the function.
"""

import importlib

from .segment import segment, split_sentences, split_turns
from .valence import VALENCES, valence

#: Public name -> the submodule that defines it.
_LAZY = {
    "Codebook": "codebook", "available_codebooks": "codebook",
    "read_coded": "coded_io", "write_coded": "coded_io",
    "coder_validity": "evaluate", "evaluate_coder": "evaluate", "group_folds": "evaluate",
    "positive_codes": "evaluate", "score_codes": "evaluate",
    "HybridCoder": "hybrid", "calibration_table": "hybrid", "default_coder": "default",
    "CODED_COLUMNS": "_columns", "RuleCoder": "rules", "modality_cues": "rules",
    "TrainedCoder": "trained", "rank_uncertain": "trained",
}


def __getattr__(name: str):
    if name in _LAZY:
        # a call that does not bind says what it takes (newuser14)
        from .._keywords import told_object

        value = told_object(getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name))
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


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

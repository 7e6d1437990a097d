"""Synthetic longitudinal studies with planted, known effects.

:func:`generate` builds a complete study of real councils (ids, names, types
and regions from :func:`impact.councils.council_list`) with fictional status
histories, reviews, participants, interview transcripts, survey answers,
actions and indicators; :func:`generate_with_truth` also returns the planted
truth (:class:`PlantedTruth`), which :func:`save_synthetic` writes beside the
tables as ``planted_truth.json``, ``truth_statements.csv`` and
``planted_pii.csv``.  Effect sizes are parameters (:class:`SynthEffects`);
``SynthEffects.null()`` plants none, for false-positive simulations.

The same seed gives byte-identical folders: every draw comes from
``numpy.random.default_rng`` streams derived from the seed, and every table
and file is written in a fixed order.
"""

from ._effects import WAVES, SynthEffects
from ._generate import INDICATORS, SURVEY_ITEMS, generate, generate_with_truth, save_synthetic
from ._truth import TRUTH_FILES, PlantedTruth, load_truth

__all__ = [
    "generate",
    "generate_with_truth",
    "save_synthetic",
    "SynthEffects",
    "PlantedTruth",
    "load_truth",
    "TRUTH_FILES",
    "SURVEY_ITEMS",
    "INDICATORS",
    "WAVES",
]

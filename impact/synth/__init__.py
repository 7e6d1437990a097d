"""Synthetic longitudinal studies with planted, known effects.

:func:`generate` builds a complete study of real councils (ids, names, types
and regions from :func:`impact.councils.council_list`) with fictional status
histories, reviews, participants, interview transcripts, survey answers,
actions and indicators; :func:`generate_with_truth` also returns the planted
truth (:class:`PlantedTruth`), which :func:`save_synthetic` writes beside the
tables as ``planted_truth.json``, ``truth_statements.csv``,
``planted_pii.csv`` and ``truth_coded.csv`` (the planted statements as a
coding that ``impact run --coded`` analyses).  Effect sizes are parameters (:class:`SynthEffects`);
``SynthEffects.null()`` plants none, for false-positive simulations.

The same seed gives byte-identical folders: every draw comes from
``numpy.random.default_rng`` streams derived from the seed, and every table
and file is written in a fixed order.
"""

from ._effects import WAVES, SynthEffects
from ._estimands import true_intervention_effects, true_prevalences
from ._generate import INDICATORS, SURVEY_ITEMS, generate, generate_with_truth, save_synthetic
from ._truth import TRUTH_CODER, TRUTH_FILES, PlantedTruth, load_truth

__all__ = [
    "generate",
    "generate_with_truth",
    "save_synthetic",
    "SynthEffects",
    "PlantedTruth",
    "load_truth",
    "TRUTH_FILES",
    "TRUTH_CODER",
    "true_prevalences",
    "true_intervention_effects",
    "SURVEY_ITEMS",
    "INDICATORS",
    "WAVES",
]

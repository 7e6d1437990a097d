"""Limits shared by the library and the command line, in a module that imports nothing (building the parser,
``impact --help``, imports no pandas)."""

from __future__ import annotations

__all__: list[str] = []

#: Most permutations per test :func:`impact.stats.compare_groups` draws (as ``impact run --resamples``): its p-value
#: is then within 0.0005 of the exact one (two standard errors at p = 0.05).  30 codes at 150 councils take 0.74 s
#: per 100,000 (measured), so 7 s at this limit, where 10**12 would have run for about 85 days.
RESAMPLES_MAX = 1_000_000

#: Most random reassignments per randomisation test of an indicator's difference-in-differences
#: (:func:`impact.indicators.indicator_effects`, :func:`impact.indicators.review_indicator_effects`) in an analysis:
#: ``min(n_resamples, 999)``. Each reassignment re-estimates every cohort's effects, and the reassignments are held
#: as a (reassignments x councils) array twice over (1.2 GB each at 1,000,000 against 150 councils), so the run's
#: --resamples is not used beyond this; the number used is recorded (``parameters["n_reassignments"]``) and stated
#: by the report wherever it states the tests' resamples.
INDICATOR_REASSIGNMENTS_MAX = 999

#: The multiplicity adjustments of the main job (:func:`impact.analyse`, :func:`impact.run`, ``impact run
#: --adjust``): Holm's (family-wise error) and Benjamini-Hochberg's (false discovery rate), the two its report words.
ADJUSTMENTS = ("holm", "fdr_bh")

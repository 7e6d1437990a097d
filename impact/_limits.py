"""Limits shared by the library and the command line, in a module that imports nothing (building the parser,
``impact --help``, imports no pandas)."""

from __future__ import annotations

__all__: list[str] = []

#: Most permutations per test :func:`impact.stats.compare_groups` draws (as ``impact run --resamples``): its p-value
#: is then within 0.0005 of the exact one (two standard errors at p = 0.05).  30 codes at 150 councils take 0.74 s
#: per 100,000 (measured), so 7 s at this limit, where 10**12 would have run for about 85 days.
RESAMPLES_MAX = 1_000_000

"""Named errors and warnings of the statistics (re-exported by :mod:`impact.stats`).

They subclass the package's own classes in :mod:`impact.errors`, so code that
catches :class:`~impact.errors.StatisticalWarning` or a ``ValueError`` keeps
working.
"""

from __future__ import annotations

from ..errors import ImpactError, StatisticalWarning

__all__ = [
    "NotIdentifiedError",
    "NotIdentifiedWarning",
    "MissingValueWarning",
    "StaggeredAdoptionWarning",
]


class NotIdentifiedError(ImpactError, ValueError):
    """The data cannot identify the quantity asked for (no estimate exists).

    Raised, for example, when an outcome has no non-missing value, or when a
    staggered difference-in-differences has no comparison units at all.
    """


class NotIdentifiedWarning(StatisticalWarning):
    """A quantity is not identified by the data and is reported as NaN.

    Examples: a difference-in-differences whose only treated unit is treated
    in every observed period; an event-study coefficient with no treated unit
    observed at the reference period; a standard error that would rest on a
    single unit's variance.
    """


class MissingValueWarning(StatisticalWarning):
    """Rows with missing values were left out of a fit (the number is in the message)."""


class StaggeredAdoptionWarning(StatisticalWarning):
    """Treatment starts at different times: two-way fixed effects can be badly biased.

    Use :func:`impact.stats.staggered_did` (Callaway and Sant'Anna 2021).
    """

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

    Examples
    --------
    >>> import impact
    >>> issubclass(impact.NotIdentifiedError, impact.ImpactError)
    True
    """


class NotIdentifiedWarning(StatisticalWarning):
    """A quantity is not identified by the data and is reported as NaN.

    Examples: a difference-in-differences whose only treated unit is treated
    in every observed period; an event-study coefficient with no treated unit
    observed at the reference period; a standard error that would rest on a
    single unit's variance.

    Examples
    --------
    >>> import warnings, impact
    >>> issubclass(impact.NotIdentifiedWarning, impact.ImpactWarning)
    True
    >>> with warnings.catch_warnings(record=True) as caught:  # keep them to read, or "error" to stop at one
    ...     warnings.simplefilter("always", impact.NotIdentifiedWarning)
    ...     warnings.warn("the status effect is not identified", impact.NotIdentifiedWarning)
    >>> [type(w.message).__name__ for w in caught]
    ['NotIdentifiedWarning']
    """


class MissingValueWarning(StatisticalWarning):
    """Rows with missing values were left out of a fit (the number is in the message).

    Examples
    --------
    >>> import warnings, impact
    >>> issubclass(impact.MissingValueWarning, impact.ImpactWarning)
    True
    >>> with warnings.catch_warnings(record=True) as caught:  # keep them to read, or "error" to stop at one
    ...     warnings.simplefilter("always", impact.MissingValueWarning)
    ...     warnings.warn("3 rows with a missing outcome left out", impact.MissingValueWarning)
    >>> [type(w.message).__name__ for w in caught]
    ['MissingValueWarning']
    """


class StaggeredAdoptionWarning(StatisticalWarning):
    """Treatment starts at different times: two-way fixed effects can be badly biased.

    Use :func:`impact.stats.staggered_did` (Callaway and Sant'Anna 2021).

    Examples
    --------
    >>> import warnings, impact
    >>> issubclass(impact.StaggeredAdoptionWarning, impact.ImpactWarning)
    True
    >>> with warnings.catch_warnings(record=True) as caught:  # keep them to read, or "error" to stop at one
    ...     warnings.simplefilter("always", impact.StaggeredAdoptionWarning)
    ...     warnings.warn("councils entered intervention at different waves", impact.StaggeredAdoptionWarning)
    >>> [type(w.message).__name__ for w in caught]
    ['StaggeredAdoptionWarning']
    """

"""Fewer collections by Python's cyclic garbage collector while a run's big steps work.

With its default thresholds (700, 10, 10) the collector examines the youngest objects after every 700 net
allocations and every object of the process (the millions that pandas, scipy, statsmodels and matplotlib make when
imported) after every 70,000 or so: 1,500 young and 11 full collections in an ``impact run`` of the bundled example,
1.1-1.4 s of CPU of its 21 s, nearly all in the full ones. Objects are still freed when their last reference goes
(reference counting is untouched); only cycles wait longer to be found, and a run makes few.
:func:`fewer_collections` raises the first threshold while the steps run and puts the caller's back after, so a
program that imports :mod:`impact` keeps its own settings.
"""

from __future__ import annotations

import contextlib
import gc
import threading

__all__ = ["fewer_collections", "YOUNG_THRESHOLD"]

#: Net allocations between two collections of the youngest objects while a step runs (Python's default is 700): the
#: example's run then makes 85 young collections and no full one, and its peak memory does not change measurably.
YOUNG_THRESHOLD = 10_000

_lock = threading.Lock()
_depth = 0
_saved: tuple[int, ...] | None = None


class fewer_collections(contextlib.ContextDecorator):  # noqa: N801 - used as a decorator, named as one
    """Raise the collector's first threshold to :data:`YOUNG_THRESHOLD` (where it is lower) for the duration.

    Nested uses (``run`` calling ``analyse``) keep the outermost setting; the thresholds found on entry are put back
    when the outermost use ends, whatever was raised.

    Examples
    --------
    >>> import gc
    >>> before = gc.get_threshold()
    >>> with fewer_collections():
    ...     gc.get_threshold()[0] >= YOUNG_THRESHOLD
    True
    >>> gc.get_threshold() == before
    True
    """

    def __enter__(self):
        global _depth, _saved
        with _lock:
            if _depth == 0:
                _saved = gc.get_threshold()
                if _saved[0] < YOUNG_THRESHOLD:
                    gc.set_threshold(YOUNG_THRESHOLD, *_saved[1:])
            _depth += 1
        return self

    def __exit__(self, *exc) -> bool:
        global _depth, _saved
        with _lock:
            _depth -= 1
            if _depth == 0 and _saved is not None:
                gc.set_threshold(*_saved)
                _saved = None
        return False

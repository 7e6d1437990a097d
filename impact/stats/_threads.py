"""Run small linear algebra on one BLAS thread (private).

The matrices of council panels are small (hundreds of rows); multi-threaded
BLAS gains nothing on them and, on a busy machine, threads waiting for each
other made a difference-in-differences fit about ten times slower (0.9 s
against 0.06 s on one thread, measured on 2 shared cores). ``threadpoolctl``
is installed with scikit-learn, a dependency; without it nothing changes.
"""

from __future__ import annotations

import contextlib
from functools import lru_cache

__all__: list[str] = []


@lru_cache(maxsize=1)
def _controller():
    """The loaded thread pools, found once (scanning the loaded libraries costs milliseconds)."""
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:  # pragma: no cover - scikit-learn brings it
        return None
    return ThreadpoolController()


def one_blas_thread():
    """Context manager limiting BLAS to one thread inside it (a no-op without threadpoolctl)."""
    controller = _controller()
    if controller is None:  # pragma: no cover
        return contextlib.nullcontext()
    return controller.limit(limits=1, user_api="blas")

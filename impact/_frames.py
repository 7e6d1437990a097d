"""Set operations on large text columns, fast whatever pandas stores text as.

With pandas 3 and pyarrow, text columns are Arrow strings. Two ordinary idioms
are then slow on the 1.5 million segments of a national study:
``series.isin(many_values)`` (15 s for 300,000 codings against the segment
ids, where a Python set takes under 1 s) and ``set(series)`` (each value is
boxed one at a time: 2 s, against 0.3 s for ``unique`` first). These helpers
give the same answers as those idioms.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

__all__ = ["distinct", "member"]


def distinct(values: pd.Series) -> set[str]:
    """The distinct values of ``values`` as text (missing values left out): ``set(values.dropna().astype(str))``."""
    return set(pd.unique(values.dropna().astype(str)).tolist())


def member(values: pd.Series, pool: pd.Series | Iterable[str]) -> np.ndarray:
    """For each of ``values`` (as text), whether it is among ``pool`` (as text): ``values.astype(str).isin(pool)``."""
    known = pool if isinstance(pool, (set, frozenset)) else (
        distinct(pool) if isinstance(pool, pd.Series) else {str(p) for p in pool})
    return np.fromiter((v in known for v in values.astype(str).tolist()), dtype=bool, count=len(values))

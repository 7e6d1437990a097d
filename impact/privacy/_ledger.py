"""Disclosure control across a whole bundle of tables: one ledger of every published count.

A report publishes the same count in several places (the participants
interviewed at a wave in a status group appear once per impact and measure)
and ties counts together by margins published elsewhere (the councils
interviewed at a wave; the councils in the study).  Suppressing each table on
its own leaves holes an intruder can fill from another table.  A
:class:`DisclosureLedger` holds every count the bundle will publish under a
*key* naming what it counts, once, with the linear relations between keys
(``total = sum of parts``; ``part <= whole``), and decides suppression for the
bundle at once:

1. *Primary*: every count ``0 < n < threshold`` is hidden.
2. *Zeros*: a zero in a relation with a hidden count is hidden too (a zero
   beside a hidden cell narrows it).
3. *Secondary*, audited by linear programming: for every hidden count the
   minimum and maximum consistent with everything published (every relation,
   every bound, every published count, non-negativity) are computed; while
   some hidden count can be narrowed to an interval shorter than the
   threshold, the smallest published count in one of its relations is hidden
   too.  (Relations of sums are totally unimodular, so the bounds are those of
   integer solutions; with ``<=`` bounds they are those of the relaxation, a
   little wider, which an intruder could not use to narrow a count further.)

Tables, figures and derived statistics are then drawn from the ledger: a
value is published only if the counts it is computed from are published.

References
----------
Hundepool, A. et al. (2012). *Statistical Disclosure Control*. Wiley, ch. 5.
"""

from __future__ import annotations

import warnings
from collections.abc import Hashable, Iterable

import numpy as np
from scipy.optimize import linprog

from ._disclosure import DisclosureWarning

__all__ = ["DisclosureLedger"]

Key = Hashable


class DisclosureLedger:
    """Every count a bundle publishes, with the relations between them.

    Parameters
    ----------
    threshold : int
        Counts from 1 to ``threshold - 1`` are hidden, and no hidden count may
        be narrowed to an interval shorter than ``threshold``.

    Examples
    --------
    >>> led = DisclosureLedger(threshold=5)
    >>> led.count("all", 30); led.count("a", 3); led.count("b", 27)
    >>> led.relation("all", ["a", "b"])
    >>> sorted(led.protect())
    ['a', 'b']
    >>> led.interval("a")
    (0.0, 30.0)
    """

    def __init__(self, threshold: int = 5) -> None:
        if int(threshold) != threshold or threshold < 1:
            raise ValueError(f"The value for `threshold` must be a whole number of at least 1, but {threshold!r} was passed.")
        self.threshold = int(threshold)
        self.values: dict[Key, float] = {}
        self.sums: list[tuple[Key, tuple[Key, ...]]] = []
        self.bounds: list[tuple[Key, Key]] = []
        self.forced: set[Key] = set()
        self.auxiliary: set[Key] = set()
        self.public: set[Key] = set()
        self._hidden: set[Key] | None = None

    # ------------------------------------------------------------------ declaring
    def count(self, key: Key, value: float, *, hide: bool = False, public: bool = False) -> None:
        """Declare a published count (the same key twice must carry the same value).

        ``public`` marks a count that needs no protection and is always
        published (the number of councils in the study, councils interviewed
        at a wave): it is never suppressed, but it still constrains what an
        intruder can work out about the others.
        """
        value = float(value)
        if np.isnan(value) or value < 0:
            raise ValueError(f"count {key!r} must be a non-negative number, but {value!r} was passed.")
        old = self.values.get(key)
        if old is not None and old != value:
            raise ValueError(f"count {key!r} declared twice with different values ({old} and {value}).")
        self.values[key] = value
        if hide:
            self.forced.add(key)
        if public:
            self.public.add(key)
        self._hidden = None

    def unpublished(self, key: Key, value: float) -> None:
        """Declare a quantity tied to published counts but not itself published (an unknown to the intruder).

        Unlike a hidden count it needs no protection of its own: nothing is
        suppressed to keep it uncertain.
        """
        self.count(key, value, hide=True)
        self.auxiliary.add(key)

    def relation(self, total: Key, parts: Iterable[Key]) -> None:
        """``total = sum(parts)``; every key must have been declared."""
        parts = tuple(parts)
        for k in (total, *parts):
            if k not in self.values:
                raise KeyError(f"relation names {k!r}, which has not been declared with count()")
        if abs(sum(self.values[p] for p in parts) - self.values[total]) > 1e-9:
            raise ValueError(f"relation {total!r} = sum of {len(parts)} parts does not hold for the declared values")
        self.sums.append((total, parts))
        self._hidden = None

    def at_most(self, part: Key, whole: Key) -> None:
        """``part <= whole`` (e.g. participants reporting an impact among those interviewed)."""
        for k in (part, whole):
            if k not in self.values:
                raise KeyError(f"bound names {k!r}, which has not been declared with count()")
        self.bounds.append((part, whole))
        self._hidden = None

    # ------------------------------------------------------------------ deciding
    def protect(self) -> set[Key]:
        """Decide the hidden counts (primary, zeros, secondary by audit); returns them."""
        hidden = {k for k, v in self.values.items() if 0 < v < self.threshold and k not in self.public} | set(self.forced)
        # Hiding more counts only widens what an intruder can learn of a hidden one (a published value
        # turned unknown relaxes the system), so a count found safe stays safe: it is not solved again.
        safe: set[Key] = set()
        while True:
            hidden |= self._zeros_beside(hidden)
            weak = self._weak(hidden, safe)
            if not weak:
                break
            extra = {p for p in (self._partner(key, hidden) for key in weak) if p is not None}
            hidden |= extra
            if not extra:
                warnings.warn(f"{len(weak)} hidden count(s) cannot be protected by further suppression, e.g. "
                              f"{weak[0]!r}", DisclosureWarning, stacklevel=2)
                break
        self._hidden = hidden
        return set(hidden)

    def hidden(self, key: Key) -> bool:
        """Whether ``key`` is suppressed (a key never declared counts as hidden)."""
        if self._hidden is None:
            self.protect()
        return key not in self.values or key in self._hidden  # type: ignore[operator]

    def value(self, key: Key) -> float | None:
        """The published value of ``key``, or None when it is hidden."""
        return None if self.hidden(key) else self.values[key]

    def interval(self, key: Key) -> tuple[float, float]:
        """What an intruder can learn of ``key`` from everything published: its (min, max)."""
        if self._hidden is None:
            self.protect()
        if key not in self._hidden:  # type: ignore[operator]
            return self.values[key], self.values[key]
        return self._range(self._hidden, key)  # type: ignore[arg-type]

    # ------------------------------------------------------------------ internals
    def _relations_of(self, key: Key) -> list[tuple[Key, ...]]:
        out = [(t, *p) for t, p in self.sums if key == t or key in p]
        out += [(a, b) for a, b in self.bounds if key in (a, b)]
        return out

    def _zeros_beside(self, hidden: set[Key]) -> set[Key]:
        extra = set()
        for total, parts in self.sums:
            keys = (total, *parts)
            if any(k in hidden for k in keys):
                extra |= {k for k in keys if self.values[k] == 0 and k not in hidden and k not in self.public}
        return extra

    def _partner(self, key: Key, hidden: set[Key]) -> Key | None:
        """The smallest published count sharing a relation with ``key``."""
        candidates = {k for rel in self._relations_of(key) for k in rel
                      if k not in hidden and k not in self.auxiliary and k not in self.public}
        if not candidates:
            return None
        return min(candidates, key=lambda k: (self.values[k], str(k)))

    def _system(self, hidden: set[Key]):
        unknown = sorted(hidden, key=str)
        index = {k: i for i, k in enumerate(unknown)}
        a_eq, b_eq, a_ub, b_ub = [], [], [], []
        for total, parts in self.sums:
            row = np.zeros(len(unknown))
            rhs = 0.0
            for k, coef in ((total, -1.0), *((p, 1.0) for p in parts)):
                if k in index:
                    row[index[k]] += coef
                else:
                    rhs -= coef * self.values[k]
            if row.any():
                a_eq.append(row)
                b_eq.append(rhs)
        for part, whole in self.bounds:
            row = np.zeros(len(unknown))
            rhs = 0.0
            for k, coef in ((part, 1.0), (whole, -1.0)):
                if k in index:
                    row[index[k]] += coef
                else:
                    rhs -= coef * self.values[k]
            if row.any():
                a_ub.append(row)
                b_ub.append(rhs)
        return unknown, index, a_eq, b_eq, a_ub, b_ub

    def _range(self, hidden: set[Key], key: Key) -> tuple[float, float]:
        unknown, index, a_eq, b_eq, a_ub, b_ub = self._system(hidden)
        return self._solve(unknown, index, a_eq, b_eq, a_ub, b_ub, key)

    @staticmethod
    def _solve(unknown, index, a_eq, b_eq, a_ub, b_ub, key) -> tuple[float, float]:
        c = np.zeros(len(unknown))
        c[index[key]] = 1.0
        kw = dict(A_eq=np.array(a_eq) if a_eq else None, b_eq=np.array(b_eq) if b_eq else None,
                  A_ub=np.array(a_ub) if a_ub else None, b_ub=np.array(b_ub) if b_ub else None,
                  bounds=[(0, None)] * len(unknown), method="highs")
        lo = linprog(c, **kw)
        hi = linprog(-c, **kw)
        low = float(lo.fun) if lo.status == 0 else 0.0
        high = float(-hi.fun) if hi.status == 0 else float("inf")
        return low, high

    def _weak(self, hidden: set[Key], safe: set[Key] | None = None) -> list[Key]:
        """Hidden counts an intruder can narrow to an interval shorter than the threshold.

        Keys in ``safe`` (found safe with fewer counts hidden) are skipped; keys
        found safe now are added to it.
        """
        safe = set() if safe is None else safe
        unknown, index, a_eq, b_eq, a_ub, b_ub = self._system(hidden)
        related = {k for rel in (*((t, *p) for t, p in self.sums), *self.bounds) for k in rel}
        weak = []
        for key in unknown:
            if key not in related or key in self.auxiliary or key in safe:
                continue  # tied to nothing published (only the suppression rule bounds it), or already safe
            lo, hi = self._solve(unknown, index, a_eq, b_eq, a_ub, b_ub, key)
            if hi - lo < self.threshold - 1e-9:
                weak.append(key)
            else:
                safe.add(key)
        return weak

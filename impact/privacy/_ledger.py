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
   beside a hidden cell narrows it). A zero hidden only for its neighbours'
   sake is published with them where none of them stays hidden (a closed set
   published whole, :meth:`DisclosureLedger.release_with_pinned`).
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

import copy
import ctypes
import functools
import hashlib
import os
import sys
import warnings
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from contextlib import contextmanager

import numpy as np
import scipy.sparse as sp
from scipy.optimize import linprog

try:
    import highspy as _highspy
except ImportError:  # pragma: no cover - a declared dependency; scipy's linprog does the same, slower
    _highspy = None

from .._words import _counted
from ..errors import user_level
from ._disclosure import DisclosureWarning

__all__ = ["DisclosureLedger", "decisions"]

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
        self.kept: set[Key] = set()
        #: the statistics an earlier release of the study withheld (:meth:`withhold_narrowing`), each as its name and
        #: value: withheld by this one too where it declares one of them with that value (:func:`impact.privacy.
        #: _history.merge_releases`; disclosure round 82)
        self.withheld_before: set[tuple[Key, float]] = set()
        self._hidden: set[Key] | None = None
        self._linked: tuple | None = None  # the relations as rows' terms, by key (:meth:`_relations`)

    # ------------------------------------------------------------------ declaring
    def count(self, key: Key, value: float, *, hide: bool = False, public: bool = False, keep: bool = False) -> None:
        """Declare a published count (the same key twice must carry the same value).

        ``public`` marks a count that needs no protection and is always
        published (the number of councils in the study, councils interviewed
        at a wave): it is never suppressed, but it still constrains what an
        intruder can work out about the others.

        ``keep`` marks a count to suppress last: secondary suppression hides
        any other count that protects as well before it (a total a summary
        states, whose table can hide more cells instead). It is still hidden
        when below the threshold, or when nothing else protects a cell.
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
        if keep:
            self.kept.add(key)
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

    def undecided(self) -> DisclosureLedger:
        """A copy of the ledger's declarations (counts, relations, bounds and marks), nothing decided: :meth:`protect`
        and the releases of the copy leave this one as it is."""
        out = DisclosureLedger(self.threshold)
        out.values, out.sums, out.bounds = dict(self.values), list(self.sums), list(self.bounds)
        out.forced, out.auxiliary, out.public, out.kept = set(self.forced), set(self.auxiliary), set(self.public), \
            set(self.kept)
        out.withheld_before = set(self.withheld_before)
        return out

    def _copy(self) -> DisclosureLedger:
        """:meth:`undecided` without a ledger made anew (``copy.copy``, as :meth:`narrowed_by`'s copies): tests of the
        report read the last ledger made as the one it decided (disclosure round 40)."""
        out = copy.copy(self)
        out.values, out.sums, out.bounds = dict(self.values), list(self.sums), list(self.bounds)
        out.forced, out.auxiliary, out.public, out.kept = set(self.forced), set(self.auxiliary), set(self.public), \
            set(self.kept)
        out.withheld_before = set(self.withheld_before)
        out._hidden, out._linked, out._near = None, None, (None,)
        for memo in ("_primary_memo", "_guess_memo", "_told"):
            out.__dict__.pop(memo, None)
        if "_unprotected" in self.__dict__:
            out._unprotected = set(self._unprotected)
        return out

    def without(self, totals: Iterable[Key]) -> DisclosureLedger:
        """:meth:`undecided` without the counts ``totals`` and their sums: the ledger declaring the rest alone gives,
        where each of ``totals`` is named by no relation but its own sums (a model's margin, disclosure53).

        Examples
        --------
        >>> led = DisclosureLedger(threshold=5)
        >>> for k, v in {"a": 2, "b": 1, "c": 20}.items(): led.count(k, v)
        >>> led.count("m", 3, public=True); led.relation("m", ["a", "b"])
        >>> bare = led.without(["m"])
        >>> sorted(bare.values), bare.sums, sorted(bare.public)
        (['a', 'b', 'c'], [], [])
        """
        drop = set(totals)
        named = {k for t, parts in self.sums if t not in drop for k in (t, *parts)} | {k for b in self.bounds for k in b}
        if drop & named:
            raise ValueError(f"counts named by other relations cannot be left out: {sorted(map(repr, drop & named))}")
        out = self.undecided()
        out.values = {k: v for k, v in self.values.items() if k not in drop}
        out.sums = [(t, parts) for t, parts in self.sums if t not in drop]
        for marks in (out.forced, out.auxiliary, out.public, out.kept):
            marks -= drop
        return out

    # ------------------------------------------------------------------ deciding
    def protect(self) -> set[Key]:
        """Decide the hidden counts (primary, zeros, secondary by audit); returns them (from :data:`decisions` where a
        ledger declaring the same was decided before in this process)."""
        return self._decided("protect", self._protect)

    def _protect(self) -> set[Key]:
        hidden = self._primary() | set(self.forced)
        # Hiding more counts only widens what an intruder can learn of a hidden one (a published value
        # turned unknown relaxes the system), so a count found safe stays safe: it is not solved again.
        safe: set[Key] = set()
        narrowed: dict = {}  # the counts narrowed in each block solved, by the block's counts
        while True:
            hidden |= self._zeros_beside(hidden)
            weak = self._weak(hidden, safe, narrowed=narrowed)
            if not weak:
                break
            extra = {p for p in (self._partner(key, hidden) for key in weak) if p is not None}
            hidden |= extra
            if not extra:
                warnings.warn(f"{_counted(len(weak), 'hidden count')} cannot be protected by further suppression, e.g. "
                              f"{weak[0]!r}", DisclosureWarning, stacklevel=user_level())
                break
        self._hidden = hidden
        return set(hidden)

    def release_unneeded(self) -> list[Key]:
        """Publish again the counts hidden as secondary that no rule needs hidden; returns the keys released, in order.

        :meth:`protect` hides, for each hidden count an intruder can narrow, the smallest published count beside it,
        one at a time, so a count hidden early can end up protecting nothing that a later one does not protect too
        (disclosure round 40: 3 of 23 secondary suppressions in a generated study of 8 councils). Each count hidden as
        secondary is tried, the largest first (the most informative to publish; a count to keep before others of its
        size; then by name, so the result does not depend on the order counts were declared in), and published where,
        with it published, every rule still holds: it is not below the threshold, forced, unpublished, nor a zero
        beside a count still hidden, and every hidden count of the part of the intruder's system it is tied to still
        spans at least the threshold (the audit of :meth:`protect`). Publishing a count only narrows what an intruder
        can learn, so each release is audited against the counts still hidden then, and a count released stays
        released. Decides the hidden counts first where :meth:`protect` has not run.
        From :data:`decisions` where a ledger declaring the same, with the same counts hidden, was decided before
        in this process.

        Examples
        --------
        >>> led = DisclosureLedger(threshold=5)
        >>> for k, v in {"t": 40, "a": 2, "b": 18, "c": 20}.items(): led.count(k, v)
        >>> led.relation("t", ["a", "b", "c"])
        >>> sorted(led.protect()), led.release_unneeded(), sorted(k for k in led.values if led.hidden(k))
        (['a', 'b'], [], ['a', 'b'])"""
        return self._decided("release_unneeded", self._release_unneeded)

    def _release_unneeded(self) -> list[Key]:
        hidden = set(self.protect() if self._hidden is None else self._hidden)
        fixed = self._primary() | self.forced | self.auxiliary
        candidates = sorted(hidden - fixed, key=lambda k: (-self.values[k], k not in self.kept, str(k)))
        audit = _ReleaseAudit(self, hidden)
        near = self._neighbours()
        sums: dict = {}  # each key's sums, as tuples of keys (the zero rule's)
        for total, parts in self.sums:
            for k in (total, *parts):
                sums.setdefault(k, []).append((total, *parts))
        released = []
        for key in candidates:
            trial = hidden - {key}
            if self.values[key] == 0 and key not in self.public and any(
                    k in trial and k not in self.auxiliary for rel in sums.get(key, ()) for k in rel):
                continue  # a zero beside a hidden count: hidden by rule (:meth:`_zeros_beside` of the trial, for key)
            # the hidden counts tied to it by a chain of relations (its part of the intruder's system): only their
            # intervals can narrow when it is published; listed nearest first (those most likely to narrow)
            affected, layer = {}, [key]
            while layer:
                new = sorted(set().union(*(near.get(k, ()) for k in layer)) & trial - affected.keys(),
                             key=lambda k: (self.values[k], str(k)))
                affected.update(dict.fromkeys(new))
                layer = new
            if not affected or not audit.narrows(key, list(affected)):
                hidden = trial
                released.append(key)
        self._hidden = hidden
        return released

    def release_pinned(self) -> list[Key]:
        """Publish again the counts hidden as secondary that an intruder already knows exactly; returns them, by name.

        A count hidden only to protect another (not below the threshold, forced, unpublished, nor a zero beside a
        count still hidden) whose every value consistent with what is published is its own (its interval a point)
        protects nothing: publishing it leaves the intruder's system, and so every hidden count's interval, as it was.
        All of them are published at once for that reason. Such counts arise where published cells equal them: the
        trajectory tables' incomplete participants are the same in every row (those not seen at one of the table's
        waves), so one row's published cell gives every other row's (disclosure round 51). Hidden, they also kept
        :meth:`release_unneeded` from publishing any count tied to them, which it audits as narrowing them: a
        10-council study (seed 7) published the participants of its status groups at one wave of three, and 3 of the
        prevalence table's 36 shares. Decides the hidden counts first where :meth:`protect` has not run.
        From :data:`decisions` where a ledger declaring the same, with the same counts hidden, was decided before
        in this process.

        Examples
        --------
        >>> led = DisclosureLedger(threshold=5)
        >>> for k, v in {"t": 30, "a": 2, "b": 8, "c": 20, "u": 28, "v": 8, "w": 20}.items(): led.count(k, v)
        >>> led.relation("t", ["a", "b", "c"]); led.relation("u", ["v", "w"])
        >>> led._hidden = {"a", "b", "v"}  # b protects a; v, hidden beside nothing it protects, is u less w
        >>> led.release_pinned(), sorted(led._hidden)
        (['v'], ['a', 'b'])"""
        return self._decided("release_pinned", self._release_pinned)

    def _release_pinned(self) -> list[Key]:
        hidden = set(self.protect() if self._hidden is None else self._hidden)
        pinned, _ = self._pinned_and_narrowed(hidden, self._secondary(hidden))
        self._hidden = hidden - set(pinned)
        return sorted(pinned, key=str)

    def release_known(self) -> list[Key]:
        """Publish the counts hidden for their size that an intruder knows exactly whatever is hidden; returns them, by
        name.

        A count below the threshold whose every value consistent with what is published is its own (its interval a
        point) once the suppression has hidden all it can is a count the suppression could not protect (it warned
        so): its ``c`` hides nothing, and publishing it leaves the intruder's system, and so every hidden count's
        interval, as it was. Such counts arise where a public count is their only part: a study of one council
        published its 1 council (a design fact) and hid, as counts of 1, the councils of its type, of its status at
        each wave and with a DfE value in each period, and every statistic beside them (disclosure round 72: 47 of
        the 167 counts hidden). A count only narrowed, not known, stays hidden. Run after :meth:`release_pinned`,
        :meth:`release_unneeded` and :meth:`release_with_pinned` (which it changes nothing for: no interval moves).
        From :data:`decisions` where a ledger declaring the same, with the same counts hidden, was decided before
        in this process.

        Examples
        --------
        >>> led = DisclosureLedger(threshold=5)
        >>> led.count("councils", 1, public=True); led.count("county", 1); led.relation("councils", ["county"])
        >>> led.count("t", 9, public=True); led.count("a", 3); led.count("b", 6); led.relation("t", ["a", "b"])
        >>> sorted(led.protect()), led.release_known(), sorted(led._hidden)
        (['a', 'b', 'county'], ['county'], ['a', 'b'])"""
        return self._decided("release_known", self._release_known)

    def _release_known(self) -> list[Key]:
        hidden = set(self.protect() if self._hidden is None else self._hidden)
        related = self._relations()[1]
        primary = {k for k in self._primary() & hidden if k not in self.forced and k in related}
        known = []
        for block in self._system(hidden, within=self._tied(primary, hidden)):
            block.start_record(np.array([self.values[k] for k in block.keys], dtype=float))
            known += [k for k in sorted(block.keys, key=lambda k: (self.values[k], str(k)))
                      if k in primary and block.narrow(k, _POINT)]
        self._hidden = hidden - set(known)
        return sorted(known, key=str)

    def release_with_pinned(self) -> list[Key]:
        """Publish again each count hidden as secondary whose publication narrows no hidden count but counts hidden as
        secondary that it pins (makes known exactly), with those; returns the keys released, in order.

        :meth:`release_unneeded` keeps a count hidden where publishing it narrows any hidden count, one that needs no
        protection of its own among them: two status groups' participants at a wave, both hidden as secondary beside
        their published total, each gave the other back, so neither was published (a 10-council study, seed 7: the
        denominators of 12 of the prevalence table's 36 shares). Published together they narrow nothing that needs
        protection: the pinned counts are known once the first is published, so publishing them too leaves the
        intruder's system as it was. Each count hidden as secondary is tried, the largest first (by name among equals),
        and released with the counts it pins where every other hidden count it is tied to still spans at least the
        threshold and none that was narrowed before (one that cannot be protected) is narrowed further. A zero the
        zero rule hides for lying beside counts hidden is released with them where it is pinned and none of the counts
        beside it stays hidden: a model's four cells, wave by status, with a 0 among them, hidden as a closed set beside
        the model's published margins, are published whole (disclosure round 82: an interim of 25 councils, seed
        792025, hid its 0, 7, 7 and 17 because any one of them published pinned the 0).
        From :data:`decisions` where a ledger declaring the same, with the same counts hidden, was decided before
        in this process.

        Examples
        --------
        >>> led = DisclosureLedger(threshold=5)
        >>> for k, v in {"t": 30, "a": 10, "b": 20, "u": 12, "c": 2, "d": 10}.items(): led.count(k, v)
        >>> led.relation("t", ["a", "b"]); led.relation("u", ["c", "d"])
        >>> led._hidden = {"a", "b", "c", "d"}  # d protects c; a and b protect nothing, and each gives the other
        >>> led.release_with_pinned(), sorted(led._hidden)
        (['b', 'a'], ['c', 'd'])"""
        return self._decided("release_with_pinned", self._release_with_pinned)

    def release_with_narrowed(self) -> list[Key]:
        """:meth:`release_with_pinned` with the counts hidden as secondary that a count's publication narrows below the
        threshold, pinned or not, published with it (and those the published narrow in turn); returns the keys
        released, in order.

        Run before :meth:`release_unneeded`, which publishes a count alone, the largest first: where the largest
        counts hidden as secondary each narrow another such count, it passes over them and publishes the smaller ones
        beside them, and those can leave the larger ones narrowing a count that needs protection. A 30-council study
        (seed 5931) hid its councils interviewed in each status group at every wave (its comparisons table whole)
        beside the councils at each level of intervention: each group's councils narrowed the other's and those at
        level none, so the councils with a notice were published, and with them the groups' councils would give back
        the 1 council under a direction (disclosure round 75). Published together, the groups' councils and those at
        level none narrow no count that needs protection, and the councils with a notice, the status split's detail,
        stay hidden in their stead.
        From :data:`decisions` where a ledger declaring the same, with the same counts hidden, was decided before
        in this process.

        Examples
        --------
        >>> led = DisclosureLedger(threshold=5)
        >>> for k, v in {"t": 30, "a": 21, "b": 8, "c": 1, "g": 19, "h": 9}.items(): led.count(k, v)
        >>> led.count("i", 28, public=True); led.relation("t", ["a", "b", "c"]); led.relation("i", ["g", "h"])
        >>> led.at_most("g", "a"); led.count("u", 9); led.relation("u", ["b", "c"]); led.at_most("h", "u")
        >>> led._hidden = {"a", "b", "c", "g", "h", "u"}  # c is small; the rest protect it
        >>> led.release_with_narrowed(), sorted(led._hidden)
        (['a', 'g', 'h', 'u'], ['b', 'c'])"""
        return self._decided("release_with_narrowed", lambda: self._release_with_pinned(narrowed=True))

    def _release_with_pinned(self, narrowed: bool = False) -> list[Key]:
        hidden = set(self.protect() if self._hidden is None else self._hidden)
        # the counts narrowed already (that nothing could protect), with their intervals: a release may not narrow
        # them further. Releases narrow no other count, so these stay all and their intervals stay theirs.
        _, before = self._pinned_and_narrowed(hidden, self._secondary(hidden))
        was = self._ranges(hidden, before)
        released: list[Key] = []
        # each trial's programmes on the blocks of the counts hidden at the start, the counts published fixed, each
        # from the last one's basis (as release_unneeded's; disclosure53: a fresh system and model for each trial)
        audit = _ReleaseAudit(self, hidden)
        for key in sorted(self._secondary(hidden), key=lambda k: (-self.values[k], k not in self.kept, str(k))):
            if key not in hidden:
                continue  # released with another
            trial = hidden - {key}
            if self.values[key] == 0 and key not in self.public and self._beside_hidden(key, trial):
                continue

            def harmless(k, block):
                # the trial's system is the start's with counts published (fixed), so k's interval in it lies within
                # its interval then: it is the same where it reaches both ends (disclosure53: solving k's whole
                # system again for each trial was most of this method's time once the models' margins tied the
                # prevalence cells of an impact into one block)
                return k in was and block.reaches(k, *was[k])

            pinned = audit.pinned(key, trial, self._tied({key}, hidden) - {key}, harmless, narrowed)
            if pinned is not None:
                hidden = trial - set(pinned)
                released += [key, *sorted(pinned, key=str)]
        self._hidden = hidden
        return released

    def narrowed_by(self, totals: Iterable[Key], keys: Iterable[Key]) -> dict[Key, set[Key]]:
        """The hidden counts an intruder narrows below the threshold with the sums whose totals are ``totals`` and not
        without them (the same counts hidden), among those a chain of relations ties to a hidden one of ``keys``; each
        with the hidden ``keys`` tied to it. Decides the hidden counts first where :meth:`protect` has not run.

        Disclosure round 53: a model's margins, declared as published sums, can narrow a count no suppression
        protects; the report withholds the model of the counts each such count is tied to.
        From :data:`decisions` where a ledger declaring the same, with the same counts hidden, was asked the same before
        in this process.

        Examples
        --------
        >>> led = DisclosureLedger(threshold=5)
        >>> for k, v in {"a": 2, "b": 1, "c": 20}.items(): led.count(k, v)
        >>> led.count("m", 3, public=True); led.relation("m", ["a", "b"])
        >>> led._hidden = {"a", "b"}
        >>> {k: sorted(v) for k, v in led.narrowed_by(["m"], ["a", "b"]).items()}
        {'a': ['a', 'b'], 'b': ['a', 'b']}
        """
        return self._decided("narrowed_by", self._narrowed_by, list(totals), list(keys))

    def _narrowed_by(self, totals: list[Key], keys: list[Key]) -> dict[Key, set[Key]]:
        hidden = self.protect() if self._hidden is None else set(self._hidden)
        tied = {k for k in keys if k in hidden}
        if not tied:
            return {}
        within = self._tied(tied, hidden)
        narrowed = set(self._weak(hidden, within=within))
        if narrowed:
            names = set(totals)
            bare = copy.copy(self)
            bare.sums = [(t, p) for t, p in self.sums if t not in names]
            bare._linked = None
            both = narrowed & set(bare._weak(hidden, within=within))
            narrowed -= both
            if both:
                # Narrowed without the sums too, with the same counts hidden: but those were decided with the sums,
                # and where the sums pinned a count whatever was hidden, the suppression gave it up and published its
                # complements again. A count the suppression protects once decided without the sums is narrowed by
                # them all the same (a model's margin equal to a hidden count, with bounds from the statements tried
                # beside it: 12 councils, seed 65003, disclosure round 65).
                again = copy.copy(bare)  # a copy, as bare is: no ledger made anew
                again._hidden, again._near = None, (None,)
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", DisclosureWarning)
                    hidden2 = again.protect()
                still = both & hidden2
                narrowed |= both - (set(again._weak(hidden2, within=again._tied(still, hidden2))) if still else set())
        return {k: self._tied({k}, hidden) & tied for k in sorted(narrowed, key=str)}

    def withhold_narrowing(self, declare: Callable[[DisclosureLedger], object],
                           groups: Iterable[Iterable[Key]]) -> list[Key]:
        """Withhold, after the suppression is decided, the groups of published counts that relations the decisions
        were not told of would let narrow a hidden count; returns the keys withheld (hidden from now on, and
        unpublished: they need no protection of their own), in order.

        ``declare`` declares, on a copy of this ledger (its counts and relations, nothing decided), the relations an
        intruder can also write that were left out of the decisions, with any unpublished count they need (the
        attribution table's counts of statements bound the participants reporting each impact, each of whom made one
        statement of it at least: disclosure round 65, attack 8). The counts this ledger hides stay as they were
        decided, so nothing else published moves; only counts of ``groups`` (each withheld whole or not at all: a
        table's row) are withheld. A hidden count is narrowed by those relations where, with the counts published, its
        interval is shorter than the threshold and shorter than in this ledger's own system (a count narrowed whatever
        is published, which the suppression could not protect, is blamed on them only where they narrow it further;
        one narrowed with every group withheld, which no choice protects, likewise: it is judged against its interval
        with every group withheld, and warned of once by this ledger, not at each call told of the same relations).
        Greedy, deterministic: while a count is narrowed, the group withheld is the one leaving the fewest counts
        narrowed, and those least (the sum of what each falls short of the threshold), the first in the order given
        among equals; where no group alone leaves less (a row that a published total gives back), the best pair with a
        group holding a count of a relation ``declare`` adds; where no pair does, every group left. Then each group
        withheld is published again, the last withheld first, where every count stays as wide without it. A group
        holding a count an earlier release of the study withheld, of the same value (:attr:`withheld_before`), is
        withheld first, whatever it narrows, and never published again (disclosure round 82). Decides the hidden
        counts first where :meth:`protect` has not run.

        Examples
        --------
        Two counts of people, 3 and 6, hidden beside their published total 9; statements about each, published whatever
        their size, bound them: each person made one at least.

        >>> def ledger(sa, sb):
        ...     led = DisclosureLedger(threshold=5)
        ...     for k, v in {"all": 9, "a": 3, "b": 6}.items(): led.count(k, v)
        ...     led.relation("all", ["a", "b"])
        ...     for k, v in {"sa": sa, "sb": sb, "s": sa + sb}.items(): led.count(k, v, public=True)
        ...     led.relation("s", ["sa", "sb"])
        ...     return led
        >>> def bounds(led):
        ...     led.at_most("a", "sa"); led.at_most("b", "sb")
        >>> led = ledger(7, 9)
        >>> sorted(led.protect()), led.interval("a")
        (['a', 'b'], (0.0, 9.0))
        >>> led.withhold_narrowing(bounds, [["sa"], ["sb"], ["s"]])  # a is 0 to 7: wide enough
        []
        >>> led = ledger(3, 9)
        >>> led.withhold_narrowing(bounds, [["sa"], ["sb"], ["s"]])  # a is 0 to 3 with sa: sa and sb withheld
        ['sa', 'sb']
        >>> led.hidden("sa"), led.hidden("s")
        (True, False)
        """
        if self._hidden is None:
            self.protect()
        hidden = set(self._hidden)  # type: ignore[arg-type]
        work = self._copy()  # the intruder's ledger: this one's declarations and those of ``declare``
        declare(work)
        groups = [tuple(dict.fromkeys(k for k in g if k in work.values and k not in hidden)) for g in groups]
        groups = [g for g in groups if g]
        # a group holding a statistic an earlier release withheld, of the same value, is withheld whatever it narrows:
        # what the earlier release published beside it that no history holds assumed it unknown (disclosure round 82)
        carried = [j for j, g in enumerate(groups)
                   if any((k, work.values[k]) in self.withheld_before for k in g)]
        own_sums, own_bounds = set(self.sums), set(self.bounds)
        added = [(t, *p) for t, p in work.sums if (t, p) not in own_sums] + [b for b in work.bounds if b not in
                                                                              own_bounds]
        if not added or not groups:
            if groups:  # (nothing added: nothing narrowed, the earlier release's alone withheld)
                return self._withheld(declare, hidden, [k for j in carried for k in groups[j]])
            self._remember(declare)
            return []
        auxiliary = set(work.auxiliary)
        grouped = {k for g in groups for k in g}
        # every group published: the counts narrowed, from the whole of their blocks
        unknown = hidden | auxiliary
        seeds = {k for rel in added for k in rel if k in unknown}
        weak = [k for k in work._weak(unknown, within=work._tied(seeds, unknown)) if k in hidden] if seeds else []
        ranges = work._ranges(unknown, weak)
        base = self._ranges(hidden, list(ranges))  # each count's interval in this ledger's own system
        found = {k: (lo, hi) for k, (lo, hi) in ranges.items() if _narrower(lo, hi, base[k], self.threshold)}
        work.auxiliary = auxiliary | grouped  # unknowns to the intruder that need no protection of their own
        chosen: list[int] = list(carried)
        # Withholding only widens what the intruder knows, so the counts narrowed with every group published are the
        # only ones any choice can leave narrowed: each trial solves theirs alone (:class:`_WithholdTrials`)
        trials = _WithholdTrials(work, groups, found, base, hidden | auxiliary | grouped) if found else None
        lost = trials.judged_whatever_withheld() if trials else {}
        if lost:  # narrowed with every group withheld: the groups are blamed only for narrowing them further
            found = trials.narrowed([])
        if carried and trials:
            found = trials.narrowed(chosen)

        def score(found) -> tuple[int, float]:
            return _shortfall(found, self.threshold)

        def best_of(candidates: list[tuple[int, ...]]):
            """The first of ``candidates`` (groups withheld beside those chosen) leaving the fewest counts narrowed, and
            those least, with the counts it leaves narrowed: as ``min`` over every trial, a trial stopped where it is
            known to leave more than the best one before it (perf67)."""
            best, bar = None, None
            for c in candidates:
                left_narrowed = trials.narrowed([*chosen, *c], bar)
                if left_narrowed is not None and (bar is None or score(left_narrowed) < bar):
                    best, bar = (c, left_narrowed), score(left_narrowed)
            return best

        while found:
            left = [j for j in range(len(groups)) if j not in chosen]
            if not left:
                break
            now = score(found)
            best = best_of([(j,) for j in left])
            if score(best[1]) >= now:
                # no group alone helps: a group holding a count of an added relation tied to a narrowed one, with another
                tied = work._tied(set(found), hidden | auxiliary | {k for j in chosen for k in groups[j]})
                first = [j for j in left if any(k in rel for rel in added if tied & set(rel) for k in groups[j])]
                best = best_of([(j, i) for j in first for i in left if i != j])
                if best is None or score(best[1]) >= now:
                    best = tuple(left), trials.narrowed([*chosen, *left])
            chosen += best[0]
            found = best[1]
        # a count narrowed whatever is withheld is told of once (a later call, told of the same relations, finds it again)
        told_before = self.__dict__.setdefault("_unprotected", set())
        unprotected = sorted((set(found) | set(lost)) - told_before, key=str)
        told_before |= set(found) | set(lost)
        if unprotected:
            warnings.warn(f"{_counted(len(unprotected), 'hidden count')} narrowed by relations the suppression was not "
                          f"told of cannot be protected by withholding the counts given, e.g. {unprotected[0]!r}",
                          DisclosureWarning, stacklevel=user_level())
        if not found:
            for j in reversed([j for j in chosen if j not in carried]):
                # (stopped at the first count narrowed: whether any is)
                if trials.narrowed([i for i in chosen if i != j], bar=(0, 0)) == {}:
                    chosen.remove(j)
        return self._withheld(declare, hidden, [k for j in chosen for k in groups[j]])

    def _withheld(self, declare: Callable[[DisclosureLedger], object], hidden: set[Key], out: list[Key]) -> list[Key]:
        """:meth:`withhold_narrowing`'s counts ``out`` withheld (``hidden`` those hidden before); returns them."""
        # only the counts this ledger declares: a key ``declare`` alone declares (a bound of its own, as a test's
        # councils at least) is hidden as never declared, and in the hidden set it stopped every audit of this
        # ledger's own system (:meth:`_weak` read its value; disclosure round 73)
        self._hidden = hidden | {k for k in out if k in self.values}
        # unknown to the intruder from now on, and needing no protection of their own (as a count declared unpublished):
        # the ledger's audits of what it hides neither try to publish them again nor ask them to span the threshold
        self.auxiliary |= set(out)
        self._remember(declare)
        return out

    def _remember(self, declare: Callable[[DisclosureLedger], object]) -> None:
        """Keep the intruder's system with the relations ``declare`` adds (:meth:`withhold_narrowing`) for the audits
        asked after the decisions, :meth:`interval` and :meth:`ranges_given`: a figure published later and audited
        on this ledger's own relations (a change by status's odds ratios tried by :meth:`ranges_given`, disclosure64)
        would be audited without the bounds the intruder also holds (disclosure round 69). Kept as a copy of the
        declarations and decisions made so far: a count or relation declared later is not in it, and the audits then
        read this ledger alone (as before the withholding)."""
        told = self._copy()
        declare(told)
        told._hidden = set(self._hidden) | told.auxiliary  # type: ignore[arg-type]
        self._told = (self._stamp(), told)

    def _stamp(self) -> tuple:
        """What the audits after the decisions read of this ledger: its hidden counts and how many counts and
        relations it declares (the ledger :meth:`_remember` kept holds for them alone)."""
        return (frozenset(self._hidden or ()), len(self.values), len(self.sums), len(self.bounds))

    def _audited(self) -> DisclosureLedger:
        """The ledger whose system the audits after the decisions read: the one :meth:`_remember` kept, with the
        relations the decisions were not told of, where it holds for this ledger as it is now; else this one."""
        kept = self.__dict__.get("_told")
        if kept is not None and kept[0] == self._stamp():
            return kept[1]
        return self

    def _secondary(self, hidden: set[Key]) -> set[Key]:
        """The counts of ``hidden`` hidden only to protect others, tied to some other count, that a rule would not hide
        (below the threshold, forced, unpublished, or a zero beside a count still hidden)."""
        fixed = self._primary() | self.forced | self.auxiliary
        related = self._relations()[1]
        return {k for k in hidden - fixed if k in related and not (
            self.values[k] == 0 and k not in self.public and self._beside_hidden(k, hidden))}

    def _pinned_and_narrowed(self, hidden: set[Key], keys: set[Key], harmless=None):
        """In the intruder's system over ``hidden``, the blocks holding ``keys``: ``(pinned, narrowed)``, the counts
        hidden as secondary known exactly (:meth:`_secondary`), and the other counts an intruder narrows to an interval
        shorter than the threshold. With ``harmless`` (a test of a narrowed count and its block), ``pinned`` alone, or None at the
        first narrowed count not pinned that is not harmless."""
        secondary = self._secondary(hidden)
        related = self._relations()[1]
        pinned, narrowed = [], []
        wide = self.threshold - 1e-6
        for block in self._system(hidden, within=self._tied(keys & hidden, hidden)):
            block.start_record(np.array([self.values[k] for k in block.keys], dtype=float))
            for k in sorted(block.keys, key=lambda k: (self.values[k], str(k))):
                if k in self.auxiliary or k not in related or not block.narrow(k, wide):
                    continue
                if k in secondary and block.narrow(k, _POINT):
                    pinned.append(k)
                elif harmless is None:
                    narrowed.append(k)
                elif not harmless(k, block):
                    return None
        return pinned if harmless is not None else (pinned, narrowed)

    def _ruled_zeros(self, hidden: set[Key]) -> set[Key]:
        """The zeros of ``hidden`` that the zero rule alone hides (beside a hidden count that needs protection), not
        forced, unpublished or public: those that :meth:`_secondary` leaves out for lying beside a count hidden. A zero
        of a group below the threshold (at most a count hidden for its size: none of its 1 to 4 participants reported
        it) is not among them: published, it would tell each of them."""
        related = self._relations()[1]
        small = {part for part, whole in self.bounds if self.below_threshold(whole)}
        return {k for k in hidden - self.forced - self.auxiliary - self.public - small
                if self.values[k] == 0 and k in related and self._beside_hidden(k, hidden)}

    def _beside_hidden(self, key: Key, hidden: set[Key]) -> bool:
        """Whether ``key`` is in a sum with a hidden count other than itself that needs protection (the zero rule's
        test, :meth:`_zeros_beside`)."""
        # the sums holding ``key`` from the relations' index (the sums are its first relations): reading every sum
        # for each count tried was most of release_with_pinned's own time (speed21)
        relations, of = self._relations()
        n_sums = len(self.sums)
        return any(k != key and k in hidden and k not in self.auxiliary
                   for i in of.get(key, ()) if i < n_sums for k, _ in relations[i][0])

    def _tied(self, keys: set[Key], hidden: set[Key]) -> set[Key]:
        """The hidden counts a chain of relations ties to one of ``keys`` (whole blocks of the intruder's system over
        ``hidden``), ``keys`` among them."""
        near = self._neighbours()
        part, todo = set(keys), list(keys)
        while todo:
            new = near.get(todo.pop(), frozenset()) & hidden - part
            part |= new
            todo.extend(new)
        return part

    def _neighbours(self) -> dict[Key, frozenset]:
        """Each key in a relation: the keys sharing one with it (itself among them). Kept while no relation is added,
        as :meth:`_relations`: the chains of relations :meth:`_tied` and :meth:`release_unneeded` follow read each
        relation of each count they reach, a sixth of a report's release audits (speed22)."""
        stamp = (len(self.sums), len(self.bounds))
        if getattr(self, "_near", (None,))[0] != stamp:
            relations, of = self._relations()
            self._near = (stamp, {k: frozenset(t for i in rels for t, _ in relations[i][0]) for k, rels in of.items()})
        return self._near[1]

    def below_threshold(self, key: Key) -> bool:
        """Whether ``key`` is hidden for its own size (primary suppression: a declared count above 0 and below the
        threshold, not public), as opposed to hidden only to protect another (secondary) or by rule."""
        value = self.values.get(key, 0)
        return 0 < value < self.threshold and key not in self.public

    def _primary(self) -> set[Key]:
        """The counts hidden for their own size (:meth:`below_threshold`), kept while no count is declared or made
        public (values never change; the audits read this for each count tried, speed21). A copy: callers may change it."""
        stamp = (len(self.values), len(self.public), self.threshold)
        if getattr(self, "_primary_memo", (None,))[0] != stamp:
            self._primary_memo = (stamp, frozenset(k for k in self.values if self.below_threshold(k)))
        return set(self._primary_memo[1])

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
        told = self._audited()
        return told._range(told._hidden, key)  # type: ignore[arg-type]

    def ranges_given(self, guess: dict[Key, float], ranges: bool = True) -> dict[Key, tuple[float, float]] | None:
        """What an intruder learns of the hidden counts if those of ``guess`` had the values it gives: the (min, max)
        of every hidden count a chain of relations ties to them, over the published counts' system with the guessed
        columns fixed; None where no point of the system has those values (the guess is ruled out).

        For a release that publishes something the linear system cannot hold (a function of counts that is not a sum
        of them, such as an odds ratio): each value the intruder cannot rule out by that function is tried here, and
        the union of the ranges over the guesses not ruled out is what the intruder is left with (disclosure64).
        With ``ranges`` False, only whether the guess is ruled out: ``{}`` where it is not.

        >>> led = DisclosureLedger(threshold=5)
        >>> led.count("all", 30); led.count("a", 3); led.count("b", 20); led.count("c", 7)
        >>> led.relation("all", ["a", "b", "c"]); sorted(led.protect())
        ['a', 'c']
        >>> led.ranges_given({"a": 4})
        {'a': (4.0, 4.0), 'c': (6.0, 6.0)}
        >>> led.ranges_given({"a": 24}) is None
        True
        """
        if self._hidden is None:
            self.protect()
        if self._audited() is not self:  # with the relations the decisions were not told of (:meth:`_remember`)
            out = self._audited().ranges_given(guess, ranges)
            # (the quantities those relations need, unpublished, are not this ledger's counts)
            return None if out is None else {k: v for k, v in out.items() if k in self.values}
        hidden = self._hidden
        if any(k not in hidden and self.values.get(k) != v for k, v in guess.items()):
            return None  # a published count guessed other than it is
        keys = frozenset(k for k in guess if k in hidden)
        # the blocks of one set of guessed counts are built once and their programmes kept: the guesses of one
        # release differ only in the values the guessed columns are fixed at
        memo = getattr(self, "_guess_memo", None)
        stamp = (keys, frozenset(hidden), len(self.sums), len(self.bounds))  # type: ignore[arg-type]
        if memo is None or memo[0] != stamp:
            blocks = self._system(hidden, within=self._tied(set(keys), hidden))  # type: ignore[arg-type]
            memo = self._guess_memo = (stamp, blocks)
        out: dict[Key, tuple[float, float]] = {}
        for block in memo[1]:
            for k in [block.keys[j] for j in list(block._fixed)]:
                block.free(k)
            for k in block.keys:
                if k in guess:
                    block.fix(k, float(guess[k]))
            if not block.feasible():
                return None
            for k in block.keys if ranges else ():
                out[k] = (float(guess[k]),) * 2 if k in guess else block.solve(k)
        return out

    # ------------------------------------------------------------------ the decisions kept (speed24)
    def _declared(self) -> tuple[bytes, dict[Key, int]] | None:
        """A digest of everything declared, and each count's position in the order declared; None where a relation or
        a mark names a count not declared (set by hand: such a ledger is decided afresh).

        The digest reads the threshold; each count's key (its type, ``repr`` and ``str``: the decisions name keys and
        order them by ``str``), value and position; each sum (its total's and parts' positions) and bound, in the
        order declared; and the counts forced, unpublished, public and kept. Nothing else: not the keys' identity nor
        the ledger's. Read afresh on each decision (about 1 ms for the 373 counts, 139 sums and 128 bounds of a 10-council
        report), so a count, relation or mark changed in place is never missed."""
        index = {k: i for i, k in enumerate(self.values)}
        h = hashlib.blake2b(digest_size=32)
        h.update(repr(self.threshold).encode())
        h.update("\n".join(repr((type(k).__module__, type(k).__qualname__, repr(k), str(k))) for k in index)
                 .encode("utf-8", "surrogatepass"))
        h.update(np.fromiter(self.values.values(), dtype=float, count=len(index)).tobytes())
        try:
            for total, parts in self.sums:  # each sum as its length, total and parts (lengths keep them apart)
                h.update(np.array([len(parts), index[total], *(index[p] for p in parts)], dtype=np.int64).tobytes())
            h.update(b"bounds")
            h.update(np.array([index[k] for b in self.bounds for k in b], dtype=np.int64).tobytes())
            for marks in (self.forced, self.auxiliary, self.public, self.kept):
                h.update(b"marks" + np.array(sorted(index[k] for k in marks), dtype=np.int64).tobytes())
        except KeyError:
            return None
        return h.digest(), index

    def _plain(self) -> bool:
        """Whether this ledger decides with the module's own code only: not a subclass, and no method replaced on the
        instance (:func:`_deciders` reads the module's and its classes' code, not an instance's or a subclass's, so
        such a ledger is decided afresh, never from a decision kept)."""
        return type(self) is DisclosureLedger and not any(name in vars(DisclosureLedger) for name in vars(self))

    def _decided(self, name: str, decide: Callable, *args):
        """``decide(*args)`` (the method ``name``'s decision), or the same decision kept in :data:`decisions` from a
        ledger that declared the same (:meth:`_declared`), with the same counts hidden when it was made and the same
        arguments, by the same code (:func:`_deciders`). The counts hidden after it and the warnings it gave are kept
        with it, and given again."""
        if not decisions.enabled or not self._plain():
            return decide(*args)
        if name != "protect" and self._hidden is None:
            self.protect()  # as each release and narrowed_by does first (by the protect installed: it decides them)
        declared = self._declared()
        if declared is None:
            return decide(*args)
        digest, index = declared
        state = None if self._hidden is None else _encoded(set(self._hidden), index)
        if self._hidden is not None and state is None:
            return decide(*args)
        # the arguments' keys declared, in the order given (a key not declared is in no relation: it decides nothing)
        given = tuple(tuple(index[k] for k in arg if k in index) for arg in args)
        code, held = _deciders()
        key = hashlib.blake2b(repr((name, digest, state, given, code)).encode(), digest_size=32).digest()
        kept = decisions.get(key)
        if kept is None:
            before = self._hidden
            # the user's code that asked for the decision (impact's outermost caller), where the ledger's warnings are
            # said (errors.user_level): a decision kept and given again says them at the line asking for it then
            try:
                asker = sys._getframe(user_level() - 1)
            except ValueError:  # no frame outside impact
                asker = None
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                result = decide(*args)
            said = tuple((w.category, str(w.message), w.filename, w.lineno, issubclass(w.category, DisclosureWarning)
                          and asker is not None and (w.filename, w.lineno) == (asker.f_code.co_filename, asker.f_lineno))
                          for w in caught)
            after = self._hidden
            kept = (_encoded(result, index), None if after is None else _encoded(set(after), index), said)
            if kept[0] is not None and (after is None or kept[1] is not None):
                decisions.put(key, kept, held)
            self._hidden = before
        else:
            keys = list(index)
            result = _decoded(kept[0], keys)
            after = None if kept[1] is None else _decoded(kept[1], keys)
            said = kept[2]
        for category, message, filename, lineno, asked in said:
            if asked:  # said where this decision was asked for, as a decision made afresh says it
                warnings.warn(category(message), stacklevel=user_level())
            else:
                warnings.warn_explicit(category(message), category, filename, lineno)
        self._hidden = after
        return result

    # ------------------------------------------------------------------ internals
    def _relations(self) -> tuple[list[tuple], dict]:
        """Every relation as ``(terms, is_equality)`` (terms: ``(key, coefficient)`` pairs; the sums, then the
        bounds, in the order declared), and the indices of each key's relations in that list. Kept while no relation
        is added (relations are only ever added; a count's value never changes): :meth:`protect`'s audits rebuilt
        them for each pass."""
        stamp = (len(self.sums), len(self.bounds))
        if self._linked is None or self._linked[0] != stamp:
            relations = [(((total, -1.0), *((p, 1.0) for p in parts)), True) for total, parts in self.sums]
            relations += [(((part, 1.0), (whole, -1.0)), False) for part, whole in self.bounds]
            of: dict = {}
            for i, (terms, _) in enumerate(relations):
                for k, _ in terms:
                    rels = of.setdefault(k, [])
                    if not rels or rels[-1] != i:
                        rels.append(i)
            self._linked = (stamp, relations, of)
        return self._linked[1], self._linked[2]

    def _relations_of(self, key: Key) -> list[tuple[Key, ...]]:
        relations, of = self._relations()
        return [tuple(k for k, _ in relations[i][0]) for i in of.get(key, ())]

    def _zeros_beside(self, hidden: set[Key]) -> set[Key]:
        extra = set()
        for total, parts in self.sums:
            keys = (total, *parts)
            # an unpublished quantity (auxiliary) needs no protection, so a zero beside it reveals nothing to hide
            if any(k in hidden and k not in self.auxiliary for k in keys):
                extra |= {k for k in keys if self.values[k] == 0 and k not in hidden and k not in self.public}
        return extra

    def _partner(self, key: Key, hidden: set[Key]) -> Key | None:
        """The smallest published count sharing a relation with ``key``, a count to keep (see :meth:`count`) only
        where there is no other."""
        candidates = {k for rel in self._relations_of(key) for k in rel
                      if k not in hidden and k not in self.auxiliary and k not in self.public}
        if not candidates:
            return None
        return min(candidates, key=lambda k: (k in self.kept, self.values[k], str(k)))

    def _system(self, hidden: set[Key], within: set[Key] | None = None) -> list[_Block]:
        """The intruder's linear system over the hidden counts, split into independent blocks.

        Two hidden counts are in one block when a chain of relations ties them;
        the system has no relation across blocks, so a count's range is that of
        its block's linear programme (the whole system is feasible: the true
        counts satisfy it).  Rows are sparse.  With ``within`` (hidden counts
        that no relation ties to a hidden count outside them: whole blocks),
        only their blocks, the same as in the whole system.
        """
        unknown = sorted(hidden if within is None else within, key=str)
        index = {k: i for i, k in enumerate(unknown)}
        rows: list[tuple[list[int], list[float], float, bool]] = []  # (columns, coefficients, rhs, is_equality)
        relations, of = self._relations()
        if within is not None:  # a relation of none of them ties none of them (and no count of theirs to another)
            relations = [relations[i] for i in sorted({i for k in unknown for i in of.get(k, ())})]
        for terms, eq in relations:
            coefs: dict[int, float] = {}
            rhs = 0.0
            for k, coef in terms:
                if k in index:
                    coefs[index[k]] = coefs.get(index[k], 0.0) + coef
                else:
                    rhs -= coef * self.values[k]
            coefs = {j: c for j, c in coefs.items() if c != 0.0}
            if coefs:
                rows.append((list(coefs), list(coefs.values()), rhs, eq))
        label = _components(len(unknown), [row[0] for row in rows])
        members: dict[int, list[int]] = {}
        for j, root in enumerate(label):
            members.setdefault(root, []).append(j)
        block_rows: dict[int, list[tuple]] = {}
        for row in rows:
            block_rows.setdefault(label[row[0][0]], []).append(row)
        return [_Block([unknown[j] for j in cols], cols, block_rows.get(root, [])) for root, cols in members.items()]

    def _range(self, hidden: set[Key], key: Key) -> tuple[float, float]:
        block = next(b for b in self._system(hidden) if key in b.position)
        return block.solve(key)

    def _ranges(self, hidden: set[Key], keys: Iterable[Key]) -> dict[Key, tuple[float, float]]:
        """:meth:`_range` of each of ``keys``, their blocks built once (only theirs)."""
        keys = set(keys)
        if not keys:
            return {}
        return {k: block.solve(k) for block in self._system(hidden, within=self._tied(keys, hidden))
                for k in block.keys if k in keys}

    def _weak(self, hidden: set[Key], safe: set[Key] | None = None, within: set[Key] | None = None,
              narrowed: dict | None = None) -> list[Key]:
        """Hidden counts an intruder can narrow to an interval shorter than the threshold.

        Keys in ``safe`` (found safe with fewer counts hidden) are skipped; keys
        found safe now are added to it.  With ``within`` (whole blocks of the
        system, holding every hidden count not in ``safe``), only their blocks
        are built and audited.  With ``narrowed`` (a dict kept between calls of
        one :meth:`protect`, ``within`` None), each block's counts found narrowed
        are kept under the block's counts, and a block of the same counts is not
        solved again: its system is the same (a count newly hidden that a relation
        ties to it would be in the block), so are its narrowed counts.
        """
        safe = set() if safe is None else safe
        related = self._relations()[1]  # the keys in a relation
        weak = []
        wide = self.threshold - 1e-6  # (solver tolerance: intervals of counts are whole or simple fractions)
        for block in self._system(hidden, within):
            seen = frozenset(block.keys)
            if narrowed is not None and seen in narrowed:
                weak += narrowed[seen]
                continue
            # Every feasible point of the block widens what each count is known to reach: the true counts are
            # one, and each programme solved gives another.  A count seen to span the threshold is safe
            # without a programme of its own (its interval holds that span).
            block.start_record(np.array([self.values[k] for k in block.keys], dtype=float))
            audited = [k for k in block.keys if k in related and k not in self.auxiliary and k not in safe]
            # (not audited: tied to nothing published, only the suppression rule bounds it, or already safe)
            found = []
            for key in audited:
                if block.narrow(key, wide):
                    found.append(key)
                else:
                    safe.add(key)
            if narrowed is not None and found:
                narrowed[seen] = found
            weak += found
        return sorted(weak, key=str)


def _narrower(lo: float, hi: float, own: tuple[float, float], threshold: float) -> bool:
    """Whether a hidden count's interval ``lo`` to ``hi`` is shorter than the threshold and shorter than ``own``, its
    interval in the ledger's own system (:meth:`DisclosureLedger.withhold_narrowing`)."""
    return hi - lo < threshold - 1e-6 and (lo > own[0] + _POINT or hi < own[1] - _POINT)


def _shortfall(found: dict, threshold: float) -> tuple[int, float]:
    """How narrowed the counts ``found`` (key -> interval) are: how many, and the sum of what each falls short of the
    threshold (to the solver's tolerance: a trial that widens nothing must not win by a rounding error)."""
    return len(found), round(sum(threshold - (hi - lo) for lo, hi in found.values()), 6)


class _WithholdTrials:
    """The trials of :meth:`DisclosureLedger.withhold_narrowing`: the hidden counts narrowed with a set of groups
    withheld, on the blocks of the intruder's system with every group withheld, the counts of the groups published
    fixed at their values (as :class:`_ReleaseAudit`'s trials).

    Withholding more only widens each count's interval (a count published is a column fixed; freeing it widens the
    feasible set), so whether a count is narrowed, and how far, depends on the set of groups withheld alone, and a
    count narrowed with a set withheld was narrowed with each of its subsets. So a trial is kept by its set (the pair
    tried each way round, a set tried again when a group is published again), solves only the counts narrowed in
    every subset tried, and stops as soon as it is known to leave more narrowed than ``bar`` (counts narrowed only add).
    An end of a count's interval is known without a programme where the feasible points recorded (the true counts,
    and those earlier programmes found: :meth:`_Block.start_record`) reach its interval with every group withheld,
    which holds it; or, for the maximum, where the programme of a subset of the groups withheld left the reduced cost of
    every count the trial withholds besides 0 (its dual solution is then feasible for the trial's programme, with the
    same value, so the maximum is the same).

    perf67: each trial solved the minimum and maximum of every count narrowed before it (1,178 trials and 35,960
    programmes in 12 report builds of tests/test_report_summary_only.py); the decisions are the same.
    """

    def __init__(self, work: DisclosureLedger, groups: list[tuple], found: dict, base: dict, every: set) -> None:
        self.work, self.groups, self.base = work, groups, base
        self.keys = sorted(found, key=str)  # the counts any trial can leave narrowed
        self.grouped = {k for g in groups for k in g}
        self.blocks = work._system(every, within=work._tied(set(self.keys), every))
        self.block_of = {k: block for block in self.blocks for k in block.keys}
        of: dict[Key, list[int]] = {}
        for j, g in enumerate(groups):
            for k in g:
                of.setdefault(k, []).append(j)
        # each block's columns of counts of groups, and the groups holding each
        self.columns = {id(b): [(b.position[k], of[k]) for k in b.keys if k in of] for b in self.blocks}
        for block in self.blocks:
            block.simplex = _ReleaseAudit.simplex
        self.done: dict[frozenset, dict] = {frozenset(): found}  # each set tried: the counts it leaves narrowed
        self.worse: dict[frozenset, tuple] = {}  # each set stopped: a score it leaves more narrowed than
        # each count's maximum solved with a set withheld: that set -> (the maximum, the groups with a count whose
        # reduced cost was not 0)
        self.maxima: dict[Key, dict[frozenset, tuple[float, frozenset]]] = {k: {} for k in self.keys}
        # each count's interval with every group withheld (the blocks as built: no column fixed), which holds its
        # interval in every trial
        self.widest: dict[Key, tuple[float, float]] = {k: (0.0, float("inf")) for k in self.keys}
        every_group = frozenset(range(len(groups)))
        self._set(every_group)
        for k in self.keys:
            block = self.block_of[k]
            hi = block.bound(k, upper=True)
            self.widest[k] = 0.0 if block.low[block.position[k]] <= _SAME else block.bound(k, upper=False), hi
        self.done[every_group] = {k: (lo, hi) for k, (lo, hi) in self.widest.items()
                                  if _narrower(lo, hi, base[k], work.threshold)}
        # and each maximum with none withheld, where it may change: the reduced costs that settle most trials of one
        # group (the counts narrowed with none withheld were found on the system without the groups' columns)
        self._set(frozenset())
        for k in found:
            if self.widest[k][1] - self.block_of[k].high[self.block_of[k].position[k]] > _SAME:
                self._maximum(self.block_of[k], k, frozenset())

    def judged_whatever_withheld(self) -> dict:
        """The counts narrowed with every group withheld (key -> that interval), which no choice of groups protects;
        from now on each is judged against that interval instead of its own (a count narrowed by relations the groups
        play no part in is not theirs to protect). Before disclosure round 71 the greedy then found no group that
        helped and withheld every group, none published again: a planted ledger's medians all withheld for a count
        only a bound published in any case narrowed. The trials are tried anew."""
        lost = self.done[frozenset(range(len(self.groups)))]
        if lost:
            self.base = {**self.base, **{k: self.widest[k] for k in lost}}
            self.done = {frozenset(range(len(self.groups))): {}}
            self.worse = {}
        return dict(lost)

    def _set(self, tried: frozenset) -> None:
        """The blocks' columns fixed and freed for the groups ``tried`` withheld; each block's record of feasible
        points started from the true counts."""
        led = self.work
        withheld = {k for j in tried for k in self.groups[j]}
        for block in self.blocks:
            for k in self.grouped & set(block.keys):
                fixed = block.position[k] in block._fixed
                if k in withheld and fixed:
                    block.free(k)
                elif k not in withheld and not fixed:
                    block.fix(k, led.values[k])
            block.start_record(np.array([led.values[c] for c in block.keys], dtype=float))

    def narrowed(self, chosen: list[int], bar: tuple | None = None) -> dict | None:
        """The counts narrowed with the groups ``chosen`` withheld (key -> interval, in the order of :attr:`keys`), or
        None where they are more narrowed (:func:`_shortfall`) than ``bar``."""
        threshold = self.work.threshold
        tried = frozenset(chosen)
        if tried in self.done:
            return self.done[tried]
        if bar is not None and tried in self.worse and self.worse[tried] >= bar:
            return None
        self._set(tried)
        before = [found for s, found in self.done.items() if s <= tried]
        found: dict = {}
        for k in self.keys:
            if not all(k in f for f in before):
                continue  # wide enough with fewer withheld
            interval = self._interval(k, tried, threshold)
            if interval is not None:
                found[k] = interval
                if bar is not None and _shortfall(found, threshold) > bar:
                    # more narrowed already than bar, and solving the rest only adds
                    self.worse[tried] = bar
                    return None
        self.done[tried] = found
        return found

    def _interval(self, key: Key, tried: frozenset, threshold: float) -> tuple[float, float] | None:
        """``key``'s interval with the groups ``tried`` withheld, or None where it is not narrowed
        (:func:`_narrower`), each end solved only where not known otherwise, the maximum first."""
        block = self.block_of[key]
        i, own = block.position[key], self.base[key]
        low, high = self.widest[key]
        if not _narrower(block.low[i], block.high[i], own, threshold):
            return None  # (the points recorded lie within the interval)
        hi = high if high - block.high[i] <= _SAME else self._maximum(block, key, tried)
        if not _narrower(block.low[i], hi, own, threshold):
            return None
        lo = low if block.low[i] - low <= _SAME else block.bound(key, upper=False)
        return (lo, hi) if _narrower(lo, hi, own, threshold) else None

    def _maximum(self, block: _Block, key: Key, tried: frozenset) -> float:
        """``key``'s maximum with the groups ``tried`` withheld (the blocks set for them): that of a subset solved
        before whose dual solution holds, else solved, with the groups whose counts' reduced costs are not 0 kept."""
        for subset, (value, costly) in self.maxima[key].items():
            if subset <= tried and not costly & (tried - subset):
                return value
        value = block.bound(key, upper=True)
        highs = block._highs
        if highs is not None and highs.getModelStatus() == _highspy.HighsModelStatus.kOptimal:
            dual = highs.getSolution().col_dual
            costly = frozenset(j for c, js in self.columns[id(block)] if abs(dual[c]) > _SAME for j in js)
            self.maxima[key][tried] = value, costly
        return value


class _ReleaseAudit:
    """The audit of :meth:`DisclosureLedger.release_unneeded`'s trial releases, on one programme per block of the
    counts hidden when it starts.

    Releases only publish counts, so a block of the counts hidden at the start holds every count a trial can narrow,
    and a count published (tried or released) is that block's column fixed at its value: the programme of a trial is
    its block's with the columns of the counts published fixed, whose minimum and maximum of each hidden count are
    those of the trial's own system (the parts a published count splits a block into are independent, and fixed
    columns are constants). Each block's model is built once, on the first trial in it, and each trial's programmes
    start from the last one's basis; building the system and a model for every trial, and auditing every count of it
    where one narrowed count settles a trial, were most of a small study's disclosure audit (speed17).
    """

    def __init__(self, ledger: DisclosureLedger, hidden: set[Key]) -> None:
        self.ledger = ledger
        self.hidden = set(hidden)  # the counts hidden at the start: the blocks' columns
        self.blocks: dict[Key, _Block] = {}  # each count's block, built on the first trial in it
        self.links: dict = {}  # each key's relations, as tuples of keys
        for rel in (*((t, *p) for t, p in ledger.sums), *ledger.bounds):
            for k in rel:
                self.links.setdefault(k, []).append(rel)

    #: HiGHS's ``simplex_strategy`` for the trials' programmes: 4, the primal simplex. A trial's programmes differ from
    #: the last one's in their objective (and a column fixed or freed), so the last optimal basis is still a feasible
    #: one: the primal simplex goes on from it, where the dual simplex (HiGHS's choice) starts again from a basis that
    #: is no longer dual feasible. On 5 generated councils, release_unneeded 0.36 -> 0.09 s CPU with the same
    #: decisions (speed20). None: HiGHS's choice, as before (the tests compare the two).
    simplex: int | None = 4
    #: Whether a block with one count not fixed is settled by the bounds of its rows (:meth:`_Block.narrow`'s outer
    #: bounds, exact for one column): blocks of two counts took two programmes a trial (speed20; False: as before).
    one_free: bool = True

    def _block(self, key: Key) -> _Block:
        if key not in self.blocks:
            part, todo = {key}, [key]  # the hidden counts a chain of relations ties to key
            while todo:
                for rel in self.links.get(todo.pop(), ()):
                    new = {k for k in rel if k in self.hidden and k not in part}
                    part |= new
                    todo.extend(new)
            for block in self.ledger._system(self.hidden, within=part):
                block.simplex = self.simplex
                self.blocks.update(dict.fromkeys(block.keys, block))
        return self.blocks[key]

    def narrows(self, key: Key, affected: list[Key]) -> bool:
        """Whether, with ``key`` published, an intruder can narrow one of the hidden counts ``affected`` (those tied
        to it) to an interval shorter than the threshold; ``key`` stays published in the audit of later trials where
        not (it is released). Checked in the order given, up to the first count narrowed."""
        led = self.ledger
        tried = self._block(key)
        tried.fix(key, led.values[key])
        started: list[_Block] = []
        wide = led.threshold - 1e-6
        for k in affected:
            if k in led.auxiliary or k not in self.links:
                continue  # unpublished, or tied to nothing published (as :meth:`DisclosureLedger._weak`)
            block = self._block(k)
            if not any(b is block for b in started):  # the true counts: a feasible point of the trial
                block.start_record(np.array([led.values[c] for c in block.keys], dtype=float))
                started.append(block)
            # a block with one count not fixed (a block of two counts, the other tried): the bounds its rows give are
            # its minimum and maximum, no programme
            one = self.one_free and len(block.keys) - len(block._fixed) == 1
            if block.narrow(k, wide, outer=one):
                tried.free(key)
                return True
        return False


    def pinned(self, key: Key, trial: set[Key], keys: set[Key], harmless, narrowed: bool = False) -> list[Key] | None:
        """:meth:`DisclosureLedger._pinned_and_narrowed` of ``keys`` over ``trial`` (the counts hidden with ``key``
        published; ``keys`` the hidden counts a chain of relations tied to ``key``, less ``key``: whole blocks of the
        trial's system) with ``harmless``, on the blocks of the counts hidden at the start: the counts hidden as secondary
        that publishing ``key`` pins, or None (``key`` hidden again) at a count it narrows that is not harmless. Where
        not None, ``key`` and the counts pinned stay published in the audit of later trials.

        With ``narrowed``, the counts hidden as secondary that publishing ``key`` narrows below the threshold, pinned
        or not, are published with it, and the audit is made again with them published (a published count only
        narrows the others further), until no more are narrowed: None where a count that needs protection is
        narrowed, not harmless, at any step.

        A zero hidden by the zero rule alone (:meth:`DisclosureLedger._ruled_zeros`) is released as a count hidden as
        secondary is, where at the end no count of a sum holding it stays hidden; None where one does.

        The trial's system is the start's with the counts published fixed at their values, its blocks those blocks'
        independent parts, so each count's interval is the same (the order the counts are tried in changes only which
        failure is found first, not whether there is one, nor the counts pinned)."""
        led = self.ledger
        secondary = led._secondary(trial)
        # the zeros hidden only for lying beside counts still hidden (the zero rule): published with those counts where
        # none of them stays hidden, as a closed set is (disclosure round 82)
        zeros = led._ruled_zeros(trial)
        related = led._relations()[1]
        wide = led.threshold - 1e-6
        self._block(key).fix(key, led.values[key])
        pinned: list[Key] = []
        while True:
            started: list[_Block] = []
            found = []
            # (the counts a chain of relations ties to one of keys in the trial's system: keys themselves, where keys
            # are the counts tied to key in the start's less key, as release_with_pinned passes: removing key splits
            # its block into parts of keys)
            for k in sorted(keys & trial - set(pinned), key=lambda k: (led.values[k], str(k))):
                if k in led.auxiliary or k not in related:
                    continue
                block = self._block(k)
                if not any(b is block for b in started):  # the true counts: a feasible point of the trial
                    block.start_record(np.array([led.values[c] for c in block.keys], dtype=float))
                    started.append(block)
                if not block.narrow(k, wide):
                    continue
                if (k in secondary or k in zeros) and (narrowed or block.narrow(k, _POINT)):
                    found.append(k)
                elif not harmless(k, block):
                    return self._refused(key, pinned)
            for k in found:
                self._block(k).fix(k, led.values[k])
            pinned += found
            if not found or not narrowed:
                # a zero is published only where no count beside it that needs protection stays hidden (the zero
                # rule, :meth:`DisclosureLedger._zeros_beside`, holds of what is published)
                left = trial - set(pinned)
                if any(led._beside_hidden(z, left) for z in pinned if z in zeros):
                    return self._refused(key, pinned)
                return pinned

    def _refused(self, key: Key, pinned: list[Key]) -> None:
        """``key`` and the counts ``pinned`` with it hidden again in the audit of later trials (:meth:`pinned`'s None)."""
        for c in reversed(pinned):
            self._block(c).free(c)
        self._block(key).free(key)
        return None


class _Decisions:
    """The ledger's decisions kept in this process, least recently used first out: at most ``entries`` of them and
    ``size`` bytes of their counts (each decision's keys as positions, 8 bytes each, and the warnings' text).

    A second report built from findings that declare the same counts and relations to the ledger (the same study
    reported again; findings that differ only in a hand check's results) reads the first one's decisions: the
    ledger's audit was about two thirds of a small report's build (speed24). :meth:`off` decides afresh (benches
    counting programmes; tests comparing the two)."""

    def __init__(self, entries: int = 256, size: int = 32 * 2**20) -> None:
        self.entries, self.size = entries, size
        self.enabled = True
        self.hits = self.misses = self.bytes = 0
        self._kept: OrderedDict[bytes, tuple] = OrderedDict()

    def get(self, key: bytes):
        kept = self._kept.get(key)
        if kept is None:
            self.misses += 1
            return None
        self._kept.move_to_end(key)
        self.hits += 1
        return kept[1]

    def put(self, key: bytes, value: tuple, held: tuple = ()) -> None:
        """Keep ``value`` under ``key``, with ``held`` (objects kept alive while it is kept)."""
        size = _size(value)
        if key in self._kept:
            self.bytes -= self._kept.pop(key)[0]
        if size > self.size:
            return
        self._kept[key] = (size, value, held)
        self.bytes += size
        while len(self._kept) > self.entries or self.bytes > self.size:
            self.bytes -= self._kept.popitem(last=False)[1][0]

    def clear(self) -> None:
        """Forget every decision kept (and the counts of hits and misses)."""
        self._kept.clear()
        self.hits = self.misses = self.bytes = 0

    def info(self) -> dict:
        """Hits, misses, decisions kept and their bytes (:meth:`__init__`'s estimate), and the bounds."""
        return {"hits": self.hits, "misses": self.misses, "kept": len(self._kept), "bytes": self.bytes,
                "entries": self.entries, "size": self.size}

    @contextmanager
    def off(self):
        """Within it, every decision is made afresh and none is kept."""
        was, self.enabled = self.enabled, False
        try:
            yield self
        finally:
            self.enabled = was


#: The decisions of every :class:`DisclosureLedger` in this process (:class:`_Decisions`).
decisions = _Decisions()


def _encoded(value, index: dict):
    """A decision's ``value`` (a set or list of keys, or a dict of keys to sets of keys) with each key as its position
    in ``index``; None where a key is not there."""
    try:
        if isinstance(value, (set, frozenset)):
            return "s", tuple(sorted(index[k] for k in value))
        if isinstance(value, list):
            return "l", tuple(index[k] for k in value)
        if isinstance(value, dict):
            items = tuple((index[k], _encoded(v, index)) for k, v in value.items())
            return None if any(v is None for _, v in items) else ("d", items)
    except (KeyError, TypeError):  # a key not declared (or not hashable)
        return None
    return None


def _decoded(value, keys: list):
    """:func:`_encoded`'s ``value`` with each position as its key in ``keys``."""
    kind, items = value
    if kind == "s":
        return {keys[i] for i in items}
    if kind == "d":
        return {keys[i]: _decoded(v, keys) for i, v in items}
    return [keys[i] for i in items]


def _size(value) -> int:
    """Bytes :class:`_Decisions` counts for a kept decision: 8 a position, the warnings' text, 64 a container."""
    if isinstance(value, tuple):
        return 64 + sum(_size(v) for v in value)
    if isinstance(value, str):
        return len(value)
    return 8


#: The methods that ask :meth:`DisclosureLedger._decided` for a decision: not part of what decides (a bench timing
#: them wraps them; what they ask for, and what decides it, is the same).
_ASKED = frozenset({"protect", "release_unneeded", "release_pinned", "release_with_pinned", "release_known",
                    "narrowed_by"})


def _deciders() -> tuple[tuple, tuple]:
    """What the decisions are made with besides what is declared: this module's functions, classes and settings and
    those of its classes (:attr:`_ReleaseAudit.simplex`, :data:`_PAIRED`, a method replaced by a test or a bench; not
    the methods that only ask for a decision, :data:`_ASKED`), as ``(name, identity)`` pairs, and the objects themselves (kept with each decision, so that no identity is reused
    while it is kept)."""
    names, objects = [], []
    for space, left_out in ((globals(), {"decisions"}), (vars(DisclosureLedger), _ASKED), (vars(_ReleaseAudit), ()),
                            (vars(_Block), ())):
        for name, obj in space.items():
            if not name.startswith("__") and name not in left_out:
                names.append((name, id(obj)))
                objects.append(obj)
    return tuple(names), tuple(objects)


#: Bounds closer than this are the same (solver tolerance; counts are whole numbers or simple fractions).
_SAME = 1e-9
#: An interval shorter than this is a point: the count is known exactly (:meth:`DisclosureLedger.release_pinned`).
_POINT = 1e-6
#: The most points each side of a count's value paired into feasible points by :meth:`_Block._earlier`.
_PAIRED = 48
#: The most sweeps of bound propagation over a block's rows (:meth:`_Block._outer`): its bounds hold after any sweep.
_SWEEPS = 20
#: HiGHS's ``simplex_strategy`` for every block's model: 4, the primal simplex (None: HiGHS's choice, the dual simplex).
#: A block's programmes differ only in their objective (:meth:`_Block.bound`), so each starts from the last one's
#: optimal basis, still a feasible one, where the dual simplex starts again (as :attr:`_ReleaseAudit.simplex`,
#: speed20). perf68: protect()'s audits, release_pinned's and narrowed_by's blocks kept HiGHS's
#: choice; a report's preparation of a 5-council study 2.07/1.45 -> 1.21/1.34 s CPU, the same counts hidden.
_SIMPLEX: int | None = 4


class _Block:
    """One independent part of the intruder's system: its hidden counts and the rows that tie them."""

    def __init__(self, keys: list[Key], columns: list[int], rows: list[tuple]) -> None:
        self.keys = keys
        self.low: np.ndarray | None = None  # the lowest and highest value of each count at feasible points
        self.high: np.ndarray | None = None  # seen (from start_record on)
        self.position = {k: i for i, k in enumerate(keys)}
        self._highs = None
        self._found, self._n_found = np.empty((0, len(keys))), 0  # the feasible points bound() found (_earlier)
        self._costed: int | None = None  # the column whose cost is set in the HiGHS model
        self._fixed: dict[int, float] = {}  # the columns fixed at a value (:meth:`fix`)
        self._box: tuple[list[float], list[float]] | None = None  # outer bounds of each count (:meth:`_outer`)
        self._before: tuple[dict, tuple] | None = None  # the counts fixed and outer bounds before the last fix()
        self.simplex: int | None = _SIMPLEX  # HiGHS's simplex_strategy for the model (None: HiGHS's choice)
        self._columns, self._rows = columns, rows  # the programme's, built on first use (:attr:`_kw`)

    @functools.cached_property
    def _kw(self) -> dict:
        """The block's programme as :func:`scipy.optimize.linprog` arguments, built on first use: most blocks of an
        audit hold only counts that need no programme (tied to nothing published, or already safe), and building
        the sparse matrices of each was most of an audit's time."""
        local = {j: i for i, j in enumerate(self._columns)}
        kw: dict = {"bounds": (0, None), "method": "highs"}
        for flag, a, b in ((True, "A_eq", "b_eq"), (False, "A_ub", "b_ub")):
            chosen = [r for r in self._rows if r[3] is flag]
            if chosen:
                data = [c for r in chosen for c in r[1]]
                ri = [i for i, r in enumerate(chosen) for _ in r[0]]
                ci = [local[j] for r in chosen for j in r[0]]
                kw[a] = sp.csr_array((data, (ri, ci)), shape=(len(chosen), len(self.keys)))
                kw[b] = np.array([r[2] for r in chosen])
        return kw

    def fix(self, key: Key, value: float) -> None:
        """Fix ``key`` at ``value`` (a count published) in the block's programme.

        The outer bounds known (:meth:`_outer`) hold with one more count fixed: they are tightened from its rows
        alone, and kept with the counts fixed before, for :meth:`free` (disclosure53: propagating over every row of a
        block of 100-180 counts on each trial of a release was a sixth of the report's disclosure audit)."""
        j = self.position[key]
        if self._box is not None:
            self._before = (dict(self._fixed), self._box)
            lower, upper = list(self._box[0]), list(self._box[1])
            lower[j] = upper[j] = float(value)
            self._box = self._propagate(lower, upper, self._local[1][j])
        self._fixed[j] = float(value)
        if self._highs is not None:
            self._highs.changeColBounds(j, float(value), float(value))

    def free(self, key: Key) -> None:
        """Undo :meth:`fix`: ``key`` is a hidden count again, any value from 0. The outer bounds of the counts fixed
        before it was are kept where those are all still fixed (bounds over a wider feasible set hold), else
        propagated again when next needed."""
        j = self.position[key]
        del self._fixed[j]
        fixed, box = self._before if self._before is not None else (None, None)
        self._box = box if fixed is not None and fixed.items() <= self._fixed.items() else None
        if self._highs is not None:
            self._highs.changeColBounds(j, 0.0, _highspy.kHighsInf)

    def narrow(self, key: Key, wide: float, outer: bool = True) -> bool:
        """Whether ``key``'s interval over the block's feasible set is shorter than ``wide``: its span among the
        feasible points recorded (:meth:`start_record`) first, then its outer bounds (:meth:`_outer`), then its
        maximum, then its minimum, each only where what is known so far does not settle it.

        The span seen is an inner bound of the interval and the outer bounds an outer one: where the two meet at an
        end, that end is known without its programme (speed19: most counts narrowed in a small study are narrowed by
        a row or two, which bounds alone show, and a block of one count is solved by its bounds)."""
        i = self.position[key]
        if self.high[i] - self.low[i] >= wide:
            return False
        lower, upper = self._outer() if outer else ([0.0] * len(self.keys), [float("inf")] * len(self.keys))
        if upper[i] - lower[i] < wide:
            return True
        # one column not fixed (in protect, one column): its bounds from its own rows are its minimum and maximum
        exact = outer and len(self.keys) - len(self._fixed) == 1
        hi = upper[i] if exact or upper[i] - self.high[i] <= _SAME else self.bound(key, upper=True)
        if hi - self.low[i] >= wide:
            return False
        lo = lower[i] if exact or self.low[i] - lower[i] <= _SAME else self.bound(key, upper=False)
        return hi - lo < wide

    def _outer(self) -> tuple[list[float], list[float]]:
        """Outer bounds of each count over the block's feasible set: its minimum is at least the first, its maximum
        at most the second (:meth:`_propagate` from 0 and no upper limit, a fixed count at its value)."""
        if self._box is None:
            n = len(self.keys)
            lower, upper = [0.0] * n, [float("inf")] * n
            for j, v in self._fixed.items():
                lower[j] = upper[j] = v
            self._box = self._propagate(lower, upper, range(len(self._rows)))
        return self._box

    @functools.cached_property
    def _local(self) -> tuple[list[tuple], list[list[int]]]:
        """The block's rows over its own columns (columns, coefficients, rhs, is_equality), and each column's rows."""
        local = {j: i for i, j in enumerate(self._columns)}
        rows = [([local[j] for j in r[0]], r[1], r[2], r[3]) for r in self._rows]
        of: list[list[int]] = [[] for _ in self.keys]
        for r, row in enumerate(rows):
            for c in row[0]:
                of[c].append(r)
        return rows, of

    def _propagate(self, lower: list[float], upper: list[float], queue: Iterable[int]) -> tuple[list, list]:
        """Bound propagation (in place; returned): each row of ``queue`` bounds each of its counts by the rest of
        the row's least and greatest activity under the bounds known so far; a row is queued again when a bound of
        one of its counts tightens, until nothing tightens (at most :data:`_SWEEPS` visits a row on average: the
        bounds hold at every step, only their tightness depends on it)."""
        rows, of = self._local
        inf = float("inf")
        pending = dict.fromkeys(queue)
        budget = _SWEEPS * max(len(rows), 1)
        while pending and budget:
            r = next(iter(pending))
            del pending[r]
            budget -= 1
            cols, coefs, rhs, eq = rows[r]
            # each term's least and greatest value, and the row's totals of the finite ones
            least = [a * (lower[c] if a > 0 else upper[c]) for c, a in zip(cols, coefs)]
            most = [a * (upper[c] if a > 0 else lower[c]) for c, a in zip(cols, coefs)]
            least_sum, most_sum = sum(v for v in least if v != -inf), sum(v for v in most if v != inf)
            least_inf, most_inf = least.count(-inf), most.count(inf)
            for c, a, le, mo in zip(cols, coefs, least, most):
                tight = False
                # a * x <= rhs - (the rest's least); on an equality, a * x >= rhs - (the rest's greatest)
                if least_inf - (le == -inf) == 0:
                    cap = (rhs - (least_sum - (le if le != -inf else 0.0))) / a
                    if a > 0 and cap < upper[c] - _SAME:
                        upper[c], tight = cap, True
                    elif a < 0 and cap > lower[c] + _SAME:
                        lower[c], tight = cap, True
                if eq and most_inf - (mo == inf) == 0:
                    floor = (rhs - (most_sum - (mo if mo != inf else 0.0))) / a
                    if a > 0 and floor > lower[c] + _SAME:
                        lower[c], tight = floor, True
                    elif a < 0 and floor < upper[c] - _SAME:
                        upper[c], tight = floor, True
                if tight:
                    pending.update(dict.fromkeys(q for q in of[c] if q != r))
        return lower, upper

    def feasible(self) -> bool:
        """Whether the block's system holds a point with its columns fixed (:meth:`fix`) as they are: a guess of
        :meth:`DisclosureLedger.ranges_given` (the true counts always are)."""
        highs = self._model()
        if highs is not None:
            if self._costed is not None:
                highs.changeColCost(self._costed, 0.0)
                self._costed = None
            highs.run()
            status = highs.getModelStatus()
            if status in (_highspy.HighsModelStatus.kOptimal, _highspy.HighsModelStatus.kInfeasible):
                return status == _highspy.HighsModelStatus.kOptimal
        kw = {**self._kw, "bounds": [(self._fixed[i],) * 2 if i in self._fixed else (0, None)
                                     for i in range(len(self.keys))]}
        return linprog(np.zeros(len(self.keys)), **kw).status != 2

    def solve(self, key: Key) -> tuple[float, float]:
        """The minimum and maximum of ``key`` over the block's feasible set."""
        return self.bound(key, upper=False), self.bound(key, upper=True)

    def reaches(self, key: Key, low: float, high: float) -> bool:
        """Whether ``key``'s interval over the block reaches ``low`` and ``high`` (to :data:`_SAME`): where it is known
        to lie within them, whether it is that interval. The feasible points recorded settle each end that they reach
        (:meth:`start_record` first), a programme the other."""
        i = self.position[key]
        if self.low[i] > low + _SAME and self.bound(key, upper=False) > low + _SAME:
            return False
        return bool(self.high[i] >= high - _SAME or self.bound(key, upper=True) >= high - _SAME)

    def start_record(self, point: np.ndarray) -> None:
        """Start the record of the lowest and highest value of each count at feasible points with ``point`` (the true
        counts) and with the points :meth:`bound` found before that are feasible still (:meth:`_earlier`)."""
        self.low, self.high = point.copy(), point.copy()
        for pts in self._earlier():
            np.minimum(self.low, pts.min(axis=0), out=self.low)
            np.maximum(self.high, pts.max(axis=0), out=self.high)

    def _earlier(self) -> Iterable[np.ndarray]:
        """Points :meth:`bound` found, under other counts fixed, that are feasible points of the block as it is now.

        Every point found satisfies the block's rows and is non-negative; where it holds every count fixed now at its
        value it is a feasible point now. Where it holds all but one (a point of an earlier trial, the count tried
        now not fixed then), each pair of such points on either side of that count's value gives one that does: the
        point between them where the count is at its value (the rows are linear, so a point between two satisfies
        them). speed22: a trial's audit started from the true counts alone, and found again by programmes the spans
        an earlier trial's points showed; :data:`_PAIRED` points each side, the latest, are paired."""
        pts = self._found[:self._n_found]
        if not len(pts) or not self._fixed:
            return [pts] if len(pts) else []
        cols = list(self._fixed)
        vals = np.array([self._fixed[c] for c in cols])
        off = np.abs(pts[:, cols] - vals) > _SAME
        n_off = off.sum(axis=1)
        out = [pts[n_off == 0]]
        one = n_off == 1
        for j in np.flatnonzero(off[one].any(axis=0)):
            c, v = cols[j], vals[j]
            near = pts[one & off[:, j]]
            above, below = near[near[:, c] > v][-_PAIRED:], near[near[:, c] < v][-_PAIRED:]
            if len(above) and len(below):
                alpha = (v - below[None, :, c]) / (above[:, None, c] - below[None, :, c])
                between = below[None, :, :] + alpha[:, :, None] * (above[:, None, :] - below[None, :, :])
                out.append(between.reshape(-1, len(self.keys)))
        return [p for p in out if len(p)]

    def _keep(self, x: np.ndarray) -> None:
        """Keep a feasible point :meth:`bound` found (:meth:`_earlier`)."""
        if self._n_found == len(self._found):
            grown = np.empty((max(8, 2 * len(self._found)), len(self.keys)))
            grown[:self._n_found] = self._found[:self._n_found]
            self._found = grown
        self._found[self._n_found] = x
        self._n_found += 1

    def bound(self, key: Key, *, upper: bool) -> float:
        """The maximum (``upper``) or the minimum of ``key`` over the block's feasible set.

        The block's programmes differ only in their objective, so they are
        solved with one HiGHS model, each from the last one's basis (an order
        of magnitude faster than a fresh :func:`scipy.optimize.linprog`, which
        solves any programme HiGHS does not finish as optimal, and all of them
        where highspy is not installed).  The solution found is a feasible
        point: the record of the lowest and highest value of each count
        (:attr:`low`, :attr:`high`) takes it in.
        """
        j = self.position[key]
        sign = -1.0 if upper else 1.0
        x: np.ndarray | None = None
        highs = self._model()
        if highs is not None:
            if self._costed is not None:
                highs.changeColCost(self._costed, 0.0)
            highs.changeColCost(j, sign)
            self._costed = j
            highs.run()
            status = highs.getModelStatus()
            if status == _highspy.HighsModelStatus.kOptimal:
                x = np.asarray(highs.getSolution().col_value, dtype=float)
            elif upper and status in (_highspy.HighsModelStatus.kUnbounded,
                                      _highspy.HighsModelStatus.kUnboundedOrInfeasible):
                return float("inf")  # (the true counts are feasible, so not infeasible)
        if x is None:
            c = np.zeros(len(self.keys))
            c[j] = sign
            kw = self._kw
            if self._fixed:
                kw = {**kw, "bounds": [(self._fixed[i],) * 2 if i in self._fixed else (0, None)
                                       for i in range(len(self.keys))]}
            res = linprog(c, **kw)
            if res.status != 0:  # unbounded above (no upper limit), or nothing better than zero below
                return float("inf") if upper else 0.0
            x = np.asarray(res.x, dtype=float)
        self._keep(x)
        if self.low is not None:
            np.minimum(self.low, x, out=self.low)
            np.maximum(self.high, x, out=self.high)
        return float(x[j])

    def _model(self):
        """The block's HiGHS model (built on first use), or None without highspy."""
        if self._highs is None and _highspy is not None:
            # passed row by row as the block's rows are held (the equalities first, as in :attr:`_kw`): building
            # sparse matrices of them and converting was half the cost of a model
            n = len(self.keys)
            rows = [r for r in self._rows if r[3]] + [r for r in self._rows if not r[3]]
            local = {j: i for i, j in enumerate(self._columns)}
            inf = _highspy.kHighsInf
            lp = _highspy.HighsLp()
            lp.num_col_, lp.num_row_ = n, len(rows)
            lp.col_cost_ = np.zeros(n)
            lower, upper = np.zeros(n), np.full(n, inf)
            for j, v in self._fixed.items():  # the counts published (:meth:`fix`)
                lower[j] = upper[j] = v
            lp.col_lower_, lp.col_upper_ = lower, upper
            rhs = np.array([r[2] for r in rows], dtype=float)
            lp.row_lower_ = np.where([r[3] for r in rows], rhs, -inf) if rows else rhs
            lp.row_upper_ = rhs
            lp.a_matrix_.format_ = _highspy.MatrixFormat.kRowwise
            lp.a_matrix_.start_ = np.cumsum([0] + [len(r[0]) for r in rows], dtype=np.int32)
            lp.a_matrix_.index_ = np.array([local[j] for r in rows for j in r[0]], dtype=np.int32)
            lp.a_matrix_.value_ = np.array([c for r in rows for c in r[1]], dtype=float)
            self._highs = _quiet_highs()
            if self.simplex is not None:
                self._highs.setOptionValue("simplex_strategy", self.simplex)
            self._highs.passModel(lp)
        return self._highs


def _components(n: int, rows: list[list[int]]) -> list[int]:
    """A label for each of ``n`` columns, the same for two columns when a chain of ``rows`` (each a list of columns)
    ties them: the connected components of the graph linking the columns of a row (a column in no row is alone).

    Union-find in Python: a block's few hundred columns are labelled in well under a millisecond, where building
    scipy's sparse incidence matrix, its product and :func:`scipy.sparse.csgraph.connected_components` cost about
    1.5 ms a system (305 systems in a 10-council report's first build). Only which columns share a label is read.

    >>> _components(5, [[0, 3], [3, 4], [1]])
    [0, 1, 2, 0, 0]
    """
    parent = list(range(n))

    def root(j: int) -> int:
        while parent[j] != j:
            parent[j] = parent[parent[j]]
            j = parent[j]
        return j

    for cols in rows:
        first = root(cols[0])
        for j in cols[1:]:
            r = root(j)
            if r != first:
                if r < first:
                    first, r = r, first
                parent[r] = first
    return [root(j) for j in range(n)]


@functools.lru_cache(maxsize=1)
def _c_library() -> ctypes.CDLL:
    """The process's C library (opened once: a new handle per HiGHS model cost 0.1 ms, 547 of them a report build)."""
    return ctypes.CDLL(None)


def _quiet_highs():
    """A HiGHS solver that prints nothing (its constructor writes a banner to the standard output)."""
    try:
        sys.stdout.flush()
    except (OSError, ValueError, AttributeError):  # closed, or no standard output at all
        pass
    try:
        saved = os.dup(1)
    except OSError:  # no file descriptor 1 (closed): the banner has nowhere to go
        saved = None
    null = os.open(os.devnull, os.O_WRONLY) if saved is not None else None
    try:
        if null is not None:
            os.dup2(null, 1)
        highs = _highspy.Highs()
        highs.setOptionValue("output_flag", False)
        _c_library().fflush(None)  # the banner may wait in the C library's buffer
    finally:
        if saved is not None:
            os.dup2(saved, 1)
            os.close(saved)
        if null is not None:
            os.close(null)
    return highs

"""Secondary suppression made minimal: counts the ledger hid that no rule needs hidden are published again.

:meth:`impact.privacy._ledger.DisclosureLedger.protect` hides, for each hidden count an intruder can narrow, the
smallest published count beside it, one at a time, until no hidden count can be narrowed to an interval shorter than
the threshold. Each choice is made without the others, so a count hidden early can end up protecting nothing that a
later one does not protect too (disclosure round 40 measured 3 of 23 counts hidden as secondary in a generated study of
8 councils that could each be published again, one of them 10 participants). :func:`release_unneeded` tries each count
hidden as secondary, the largest first (a large count is the most informative to publish and the one a reader misses
most), and publishes it where, with it published, every rule still holds:

* it is not below the threshold, nor forced hidden, nor a zero beside a count still hidden (the ledger's primary
  and zero rules);
* every hidden count of the part of the intruder's system it is tied to still spans at least the threshold, audited
  by the ledger's own linear programmes.

Publishing a count only narrows what an intruder can learn, so each release is audited against the counts still
hidden at that point, and a count released stays released: the result is safe by the same audit as the ledger's.

References
----------
Hundepool, A. et al. (2012). *Statistical Disclosure Control*. Wiley, ch. 5 (secondary suppression as a minimum-cost
problem; a greedy pass that releases unneeded suppressions is a standard heuristic).
"""

from __future__ import annotations

__all__ = ["release_unneeded"]


def release_unneeded(ledger) -> list:
    """Publish again the counts ``ledger`` (protected already) hid as secondary that no rule needs hidden.

    Returns the keys released, in the order they were released; ``ledger.hidden`` answers for the smaller set.
    """
    hidden = set(ledger.protect() if ledger._hidden is None else ledger._hidden)
    primary = {k for k, v in ledger.values.items() if 0 < v < ledger.threshold and k not in ledger.public}
    fixed = primary | set(ledger.forced) | set(ledger.auxiliary)
    # the largest first; a count the ledger keeps (suppressed last) before others of its size; then by name, so the
    # result does not depend on the order counts were declared in
    candidates = sorted(hidden - fixed, key=lambda k: (-ledger.values[k], k not in ledger.kept, str(k)))
    relations: dict = {}  # each key's relations (sums and bounds), as tuples of keys
    for rel in (*((t, *p) for t, p in ledger.sums), *ledger.bounds):
        for k in rel:
            relations.setdefault(k, []).append(rel)
    released = []
    for key in candidates:
        trial = hidden - {key}
        if key in ledger._zeros_beside(trial):
            continue  # a zero beside a hidden count: hidden by rule
        # the hidden counts tied to it by a chain of relations (its part of the intruder's system): only their
        # intervals can narrow when it is published
        affected, todo = set(), [key]
        while todo:
            for rel in relations.get(todo.pop(), ()):
                new = {k for k in rel if k in trial and k not in affected}
                affected |= new
                todo.extend(new)
        if not affected or not ledger._weak(trial, trial - affected):
            hidden = trial
            released.append(key)
    ledger._hidden = hidden
    return released

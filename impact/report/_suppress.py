"""Secondary suppression made minimal: counts the ledger hid that no rule needs hidden are published again.

The pass is :meth:`impact.privacy._ledger.DisclosureLedger.release_unneeded` (the report calls it; it reads the
ledger's internals, so it is the ledger's own, disclosure round 41); :func:`release_unneeded` is kept for callers of
the function. What it does:

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

    Returns the keys released, in the order they were released; ``ledger.hidden`` answers for the smaller set. The
    pass is the ledger's own (:meth:`impact.privacy._ledger.DisclosureLedger.release_unneeded`), which alone reads its
    internals.
    """
    return ledger.release_unneeded()

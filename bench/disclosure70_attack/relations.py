"""Disclosure round 70's ledger-level attacks: statistics the bundle publishes that are not counts, written as the
relations they give an intruder between counts the ledger holds, declared on a copy of the report's ledger (round
69's :func:`bench.disclosure69_attack.relations.recovered`: a hidden count is *recovered* where, with them, its
interval is shorter than the threshold and shorter than in the report's own system).

``medians``: change_over_time's medians of the councils' shares at the first and last wave (published with the row's
councils, ``n``). A median above 0 says (n + 1) / 2 councils at least (n odd) had a participant reporting the impact at
that wave; n even, n / 2, or n / 2 + 1 where the median is above one half; one below 1 says as many had a participant
not reporting it (n / 2 + 1 where it is below one half, n even): :func:`median_bounds`. Each such council is interviewed at the wave in the row's status group (a council
is followed within its group), so the prevalence table's count of the group's participants reporting it (and of
those not: the group's participants less it) is at least that many. Declared where the true counts keep them.

``python -m bench.disclosure70_attack.relations [name ...]`` prints, for each study of
:data:`bench.disclosure70_attack.studies.STUDIES`, the hidden counts each family recovers.
"""

from __future__ import annotations

import sys

from bench.disclosure69_attack.relations import FAMILIES as R69
from bench.disclosure69_attack.relations import main


def median_bounds(n: int, median: float) -> tuple[int, int]:
    """The councils (of ``n``) at least that had a participant reporting the impact, and at least that had one not
    reporting it, that a median share of ``median`` says.

    >>> median_bounds(7, 0.0), median_bounds(7, 0.33), median_bounds(6, 1.0), median_bounds(6, 0.5)
    ((0, 4), (4, 4), (4, 0), (3, 3))
    >>> median_bounds(6, 0.17), median_bounds(6, 0.67)
    ((3, 4), (4, 3))
    """
    if n % 2:  # the middle share is the median
        k = (n + 1) // 2
        return (k if median > 0 else 0), (k if median < 1 else 0)
    # the mean of the middle two, each 0 to 1: the upper one above 0 where the median is, the lower one too where it is
    # above one half (the upper one is at most 1); likewise below 1
    h = n // 2
    some = 0 if median <= 0 else (h + 1 if median > 0.5 else h)
    short = 0 if median >= 1 else (h + 1 if median < 0.5 else h)
    return some, short


def _group_keys(led, code, wave, g):
    """The prevalence count of participants reporting ``code`` at ``wave`` in status group ``g`` and the group's
    participants (``g`` 'all': their sums over the groups, as unpublished totals)."""
    if g != "all":
        return ("with", "reported", code, wave, g), ("participants_group", wave, g)
    parts = [k for k in led.values if k[:4] == ("with", "reported", code, wave)]
    total = ("with_all", code, wave)
    if total not in led.values:
        led.unpublished(total, sum(led.values[k] for k in parts))
        led.relation(total, parts)
    return total, ("participants", wave)


def _at_least(led, name, value, key, limit=None) -> None:
    """``key >= value`` (``limit - key >= value`` where ``limit`` is given), where the true counts keep it."""
    if value <= 0:
        return
    led.count(("known", *name), value, public=True)
    if limit is None:
        if led.values[key] >= value:
            led.at_most(("known", *name), key)
        return
    if led.values[key] + value <= led.values[limit]:
        s = ("known_sum", *name)
        led.unpublished(s, led.values[key] + value)
        led.relation(s, [key, ("known", *name)])
        led.at_most(s, limit)


def change_rows(ctx):
    """The rows of change_over_time whose councils are published, each ``(row, status group)`` ('all' where the table
    has none); none where no row was tested (no median column)."""
    ch = ctx.f.change
    if ch is None or not len(ch) or "value_first" not in ch.columns:
        return
    from impact.report._build import _group_column

    gcol = _group_column(ch)
    for r in ch.to_dict("records"):
        g = r[gcol] if gcol else "all"
        if ctx.shown(("councils_complete", g)):
            yield r, g


def medians(ctx, led) -> None:
    first, last = ctx.waves[0], ctx.waves[-1]
    for r, g in change_rows(ctx):
        if r.get("effect_type") == "difference":
            continue
        for wave, col in ((first, "value_first"), (last, "value_last")):
            if (r["code"], wave, g) in getattr(ctx, "medians_withheld", ()):
                continue  # withheld (disclosure70)
            m = round(float(r[col]), 2)  # as the CSV prints it
            some, short = median_bounds(int(r["n"]), m)
            key, whole = _group_keys(led, r["code"], wave, g)
            _at_least(led, ("some", r["code"], wave, g), some, key)
            _at_least(led, ("short", r["code"], wave, g), short, key, whole)


def medians_and_statements(ctx, led) -> None:
    """The medians' bounds with the statements' (round 67's, which the intruder holds too): on round 65's 5-council
    study (seed 65001) neither narrows a count alone, both together leave morale's hidden count at the early wave, not
    in intervention, 0 to 4 (it is 1)."""
    R69["statements"](ctx, led)
    medians(ctx, led)


FAMILIES = {"medians": medians, "medians_statements": medians_and_statements, **R69}


if __name__ == "__main__":
    from bench.disclosure70_attack.studies import STUDIES

    main(sys.argv[1:], STUDIES, FAMILIES)

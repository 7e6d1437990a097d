"""Disclosure round 72's ledger-level attack: round 71's relations (the rank statistics' bounds with round 70's
medians and round 67's statements, :data:`bench.disclosure71_attack.relations.FAMILIES`) on this round's studies,
through round 69's :func:`bench.disclosure69_attack.relations.recovered` (the report's own ledger and decisions, the
relations declared where the true counts keep them).

``binary``: a row of McNemar's or Cochran's test (every council's share 0 or 1 at every wave: one participant a
wave, or all alike) prints, under the medians' heading, the share of its n councils whose share was 1 (round 70's
medians left these rows out): k of them (k / n within the printed value's rounding) had a participant reporting the
impact at that wave, and n - k one not reporting it. Declared where the true counts keep them, with the rank
statistics', medians' and statements' bounds.

``python -m bench.disclosure72_attack.relations [name ...]``
"""

from __future__ import annotations

import sys

from bench.disclosure69_attack.relations import main
from bench.disclosure70_attack.relations import _at_least, _group_keys, change_rows
from bench.disclosure71_attack.relations import FAMILIES as R71
from bench.disclosure72_attack.studies import STUDIES


def binary(ctx, led) -> None:
    first, last = ctx.waves[0], ctx.waves[-1]
    for r, g in change_rows(ctx):
        if r.get("effect_type") != "difference":
            continue
        n = int(r["n"])
        for wave, col in ((first, "value_first"), (last, "value_last")):
            if (r["code"], wave, g) in getattr(ctx, "medians_withheld", ()) or r.get(col) != r.get(col):
                continue
            v = round(float(r[col]), 2)  # as the CSV prints it
            ks = [k for k in range(n + 1) if abs(k / n - v) <= 0.005 + 1e-9]
            if not ks:
                continue
            key, whole = _group_keys(led, r["code"], wave, g)
            _at_least(led, ("binary_some", r["code"], wave, g), min(ks), key)
            _at_least(led, ("binary_short", r["code"], wave, g), n - max(ks), key, whole)


def everything(ctx, led) -> None:
    R71["ranks_medians_statements"](ctx, led)
    binary(ctx, led)


FAMILIES = {**R71, "binary": binary, "binary_ranks_medians_statements": everything}

if __name__ == "__main__":
    main(sys.argv[1:], STUDIES, FAMILIES)

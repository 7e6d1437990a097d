"""Disclosure round 71's ledger-level attack: change_over_time's rank statistics, written as the relations they give
an intruder between counts the ledger holds (round 69's :func:`bench.disclosure69_attack.relations.recovered`).

``ranks``: at two waves the report publishes Wilcoxon's matched-pairs rank-biserial correlation with its exact p. A
correlation of +1 (-1) says no council's share fell (rose); its exact p, 2^(1-m), gives the m councils whose share
moved. Each of them had a participant reporting the impact at the wave its share rose to (a share above 0) and one
not reporting it at the wave it rose from (below 1): the row's group's count reporting it at the later wave is at
least m, and its participants less those reporting it at the first wave at least m (the other way round for -1). At
three waves or more, Kendall's W of 1 says every council ordered the waves the same way, none tied: the wave with the
higher median of the first and last had every council's share above 0, the other every council's share below 1.
Declared where the true counts keep them, with the medians' and the statements' (which the intruder holds too).

``python -m bench.disclosure71_attack.relations [name ...]`` (the studies of :data:`PROBE`).
"""

from __future__ import annotations

import math
import sys

from bench.disclosure69_attack.relations import main
from bench.disclosure70_attack.relations import FAMILIES as R70
from bench.disclosure70_attack.relations import _at_least, _group_keys, change_rows


def moved(r: dict) -> tuple[int, int, int]:
    """``(councils whose share rose at least, those whose share fell at least, the waves' order: +1 or -1)`` that a
    row's rank statistic says, from the row as the CSV prints it (two places; p to three): (0, 0, 0) where nothing."""
    e, p, n = r.get("effect"), r.get("p_value"), int(r["n"])
    if e is None or p is None or e != e or p != p:
        return 0, 0, 0
    e = round(float(e), 2)
    # as printed: three places, two significant figures below 0.001 (0.00049; rounded to three places it was 0, and
    # its logarithm stopped the bench on v30two, disclosure round 72)
    shown = float(f"{float(p):.2g}") if 0 < float(p) < 0.001 else round(float(p), 3)
    if r.get("effect_type") == "matched_rank_biserial" and abs(e) == 1 and shown > 0:
        m = 1 + round(-math.log2(shown))
        if 1 <= m <= n and abs(2.0 ** (1 - m) - shown) < max(0.0006 if shown >= 0.001 else 0, 0.05 * shown):
            return (m, 0, 1) if e > 0 else (0, m, -1)
    if r.get("effect_type") == "kendalls_w" and e == 1:
        up = round(float(r["value_last"]), 2) > round(float(r["value_first"]), 2)
        return (n, 0, 1) if up else (0, n, -1)
    return 0, 0, 0


def ranks(ctx, led) -> None:
    first, last = ctx.waves[0], ctx.waves[-1]
    for r, g in change_rows(ctx):
        if (r["code"], g) in getattr(ctx, "ranks_withheld", ()):
            continue
        rose, fell, _ = moved(r)
        for k, to, frm in ((rose, last, first), (fell, first, last)):
            if not k:
                continue
            key, _ = _group_keys(led, r["code"], to, g)
            _at_least(led, ("rank_some", r["code"], to, g), k, key)
            key, whole = _group_keys(led, r["code"], frm, g)
            _at_least(led, ("rank_short", r["code"], frm, g), k, key, whole)


def everything(ctx, led) -> None:
    """The rank statistics' bounds with the medians' and the statements' (round 70's ``medians_statements``)."""
    R70["medians_statements"](ctx, led)
    ranks(ctx, led)


FAMILIES = {"ranks": ranks, "ranks_medians_statements": everything}

_TWO = dict(interviews_per_wave=3, words_per_interview=150, waves=2)
#: Two-wave designs (the rank-biserial) and the round's studies; seeds checked unused (grep -rlw)
PROBE = {
    "p05": (5, 71501, dict(_TWO)),
    "p06": (6, 71511, dict(_TWO, intervention_paths={"never": 0.5, "throughout": 0.5})),
    "p07": (7, 71521, dict(_TWO)),
    "p08": (8, 71531, dict(_TWO, intervention_paths={"never": 0.7, "throughout": 0.3})),
    "p10": (10, 71541, dict(_TWO)),
    "p12": (12, 71551, dict(_TWO, intervention_paths={"never": 0.8, "throughout": 0.2})),
    "p06one": (6, 71561, dict(interviews_per_wave=2, words_per_interview=150, waves=2)),
    "p20": (20, 71571, dict(_TWO)),
}
#: More two-wave studies of 4 to 9 councils, one or two interviews a wave (seeds 71601-71612, unused)
PROBE |= {f"q{i:02d}": (4 + i % 6, 71600 + i, dict(interviews_per_wave=1 + i % 2, words_per_interview=150, waves=2,
                                                   intervention_paths={"never": 0.6, "throughout": 0.4}))
          for i in range(1, 13)}

if __name__ == "__main__":
    from bench.disclosure71_attack.studies import STUDIES

    main(sys.argv[1:], {**STUDIES, **PROBE}, FAMILIES)

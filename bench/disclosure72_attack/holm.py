"""Disclosure round 72, open item 2 of round 71: what the published Holm-adjusted p-values of change_over_time's other
rows say of a row whose rank statistic and p are withheld (reason ``rank_narrows``).

The intruder knows the published rows' p and adjusted p, the family's size (the table's rows tested) and Holm's
step-down. A withheld row of a correlation of +-1 has the exact p 2^(1 - m), m the councils that moved, 1 to the row's
published councils; each m is tried in the family with the published p-values, and kept where Holm then gives every
published adjusted p (to 1e-9: the ledger's view, the conservative side of the CSV's three places). Fewer m kept than
tried is a narrowing of the councils that moved, and of the counts round 71's bounds tie to it.

``python -m bench.disclosure72_attack.holm NAME ...`` (names of bench/disclosure71_attack's and this round's studies,
analysed in full as :func:`bench.disclosure69_attack.relations.prepared` does).
"""

from __future__ import annotations

import sys

import numpy as np


def kept(ctx) -> list[tuple[tuple, int, list[int]]]:
    """For each row whose rank statistic is withheld: ``(key, councils, the m left consistent)``."""
    from statsmodels.stats.multitest import multipletests

    from impact.report._build import _group_column

    ch = ctx.f.change
    if ch is None or not len(ch) or not ctx.ranks_withheld:
        return []
    gcol = _group_column(ch)
    keys = [(r["code"], r[gcol] if gcol else "all") for r in ch.to_dict("records")]
    shown = np.array([ctx.shown(("councils_complete", g)) and k not in ctx.ranks_withheld
                      for k, (_, g) in zip(keys, keys, strict=True)])
    fam = np.isfinite(ch["p_adjusted"].to_numpy(dtype=float)) | ~shown
    out = []
    for i, k in enumerate(keys):
        if k not in ctx.ranks_withheld:
            continue
        n = int(ch["n"].iloc[i])
        pub = shown & fam
        p_pub, adj_pub = ch["p_value"].to_numpy(dtype=float)[pub], ch["p_adjusted"].to_numpy(dtype=float)[pub]
        others = int((fam & ~shown).sum()) - 1  # other withheld rows of the family: their p unknown, tried at 1
        ok = []
        for m in range(1, n + 1):
            p = np.concatenate([p_pub, [2.0 ** (1 - m)], np.ones(others)])
            if np.allclose(multipletests(p, method="holm")[1][:len(p_pub)], adj_pub, rtol=0, atol=1e-9):
                ok.append(m)
        out.append((k, n, ok))
    return out


def main(names: list[str]) -> None:
    from bench.disclosure69_attack.relations import prepared
    from bench.disclosure71_attack.relations import PROBE
    from bench.disclosure71_attack.studies import STUDIES as S71
    from bench.disclosure72_attack.studies import STUDIES

    every = {**S71, **PROBE, **STUDIES}
    for name in names or list(every):
        n, seed, opts = every[name]
        _, ctx = prepared(n, seed, opts)
        rows = kept(ctx)
        print(f"== {name}: {len(rows)} rank statistics withheld", flush=True)
        for k, size, ok in rows:
            print(f"  {k}: of m = 1..{size}, {len(ok)} consistent {ok}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])

"""Disclosure round 72: round 71's two open items on change_over_time's rank statistics
(bench/disclosure72_attack/NOTES.md).

1. A matched-pairs rank-biserial correlation of +-1 with an asymptotic (normal) p was declared as saying nothing:
   :func:`impact.report._build._rank_bounds` read the councils that moved off the exact p alone. The normal p says at
   least z^2 of them moved (the ties lower the statistic's deviation to sqrt(m) at most), and its method that more
   than 400 did: both now declared.
2. A row whose rank statistic is withheld (reason ``rank_narrows``) kept its p in the Holm family the other rows'
   published adjusted p-values were computed from: a row ranked after it published at least (m - j + 1) times its p,
   and that value itself where the withheld row set the step. It now counts as p = 1, as a row beside a hidden count
   does (disclosure round 42's :func:`_holm_beside_withheld`).
"""

from __future__ import annotations

import copy
import dataclasses
import math
import warnings

import numpy as np
import pandas as pd
import pytest
from scipy import stats

#: bench/disclosure71_attack/relations.py's p20 (20 councils, two waves, seed 71571), as round 71's test builds it: it
#: withholds the rank statistic of morale among the councils in intervention
TWO_WAVES = (20, 71571, dict(interviews_per_wave=3, words_per_interview=150, waves=2))


@pytest.fixture(scope="module")
def two_waves():
    from conftest import once_per_worker, prepared_synthetic

    n, seed, opts = TWO_WAVES
    return once_per_worker(("round71-two-waves",), lambda: prepared_synthetic(n, seed, 5, parts=("change", "models"),
                                                                             **opts))


# --------------------------------------------------------------------------- 1. the asymptotic p of a +-1 correlation
def _many_councils_rising(seed: int, n: int, levels: int) -> pd.DataFrame:
    """``n`` councils' shares at two waves, every one that moved rising, by steps drawn from ``levels`` sizes (1: every
    difference tied; many: few ties); about a tenth not moving."""
    rng = np.random.default_rng(seed)
    first = rng.uniform(0, 0.4, n).round(3)
    steps = rng.choice(np.linspace(0.05, 0.5, levels), n) * (rng.random(n) > 0.1)
    return pd.DataFrame({"council_id": np.repeat(np.arange(n), 2), "wave": np.tile([1, 2], n),
                         "share": np.column_stack([first, first + steps]).ravel()})


@pytest.mark.parametrize(("seed", "n", "levels"), [(72101, 450, 1), (72102, 480, 3), (72103, 520, 40),
                                                   (72104, 700, 400)])
def test_an_asymptotic_p_beside_a_correlation_of_one_declares_the_councils_that_moved(seed, n, levels):
    """The rows of :func:`impact.stats.change_over_time` on more than 400 councils moving the same way (the exact p
    beyond its limit): the bounds read off the row are some m councils with a share above 0 at the later wave and
    below 1 at the first, m no more than the councils that moved (counted here from the data) and no fewer than the
    normal p's z^2 (z computed here from the ranks: |W+ - E W+| over the tie-corrected deviation, Wilcoxon's normal
    approximation, Hollander & Wolfe 2nd ed. 3.1) nor than 401. Main's head read nothing off such a row."""
    from impact.report._build import _rank_bounds
    from impact.stats import change_over_time

    data = _many_councils_rising(seed, n, levels)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        row = change_over_time(data, outcome="share", time="wave", unit="council_id").iloc[0].to_dict()
    wide = data.pivot(index="council_id", columns="wave", values="share")
    d = (wide[2] - wide[1]).to_numpy()
    moved = int((d != 0).sum())
    assert moved > 400 and (d >= 0).all()
    assert row["effect"] == pytest.approx(1.0) and not row["p_exact"]
    ranks = stats.rankdata(np.abs(d[d != 0]))
    _, ties = np.unique(ranks, return_counts=True)
    sd = math.sqrt(moved * (moved + 1) * (2 * moved + 1) / 24 - (ties ** 3 - ties).sum() / 48)
    z = (ranks.sum() / 2) / sd
    got = _rank_bounds(row)
    assert len(got) == 2
    (to, some, _), (frm, _, short) = got
    assert (to, frm) == ("value_last", "value_first") and some == short
    assert max(401, math.ceil(z * z - 1e-6)) <= some <= moved
    assert (wide[2] > 0).sum() >= some and (wide[1] < 1).sum() >= short


# --------------------------------------------------------------------------- 2. Holm beside a withheld rank statistic
def _planted(ctx, p_withheld: float, others: dict):
    """``ctx`` with change_over_time's p-values planted: the withheld row's ``p_withheld``, the others' from ``others``
    (by position), each adjusted by Holm over the whole family as the analysis adjusts it (statsmodels)."""
    from statsmodels.stats.multitest import multipletests

    ch = ctx.f.change.copy()
    gcol = "status_group"
    hit = [(c, g) in ctx.ranks_withheld for c, g in zip(ch["code"], ch[gcol], strict=True)]
    p = np.array([p_withheld if h else others[i] for i, h in enumerate(hit)], dtype=float)
    ch["p_value"], ch["p_adjusted"] = p, multipletests(p, method="holm")[1]
    out = copy.copy(ctx)
    out.f = dataclasses.replace(ctx.f, change=ch)
    return out, np.array(hit)


def test_a_withheld_rank_statistic_counts_as_p_one_in_the_published_holm_family(two_waves):
    """p-values planted in p20's change_over_time so that the withheld row (its p 0.0005: say 12 councils rose)
    sets the step of the rows after it (0.004 to 0.3). Published, each row's adjusted p is Holm over the published
    p-values with the withheld row as p = 1 (statsmodels), and the same whatever the withheld row's p (0.0005 or
    0.9): it tells nothing of it. On main's head the row after the withheld one published 0.0055 = 11 x 0.0005, which
    gives the withheld p back."""
    from statsmodels.stats.multitest import multipletests

    from impact.report._build import _adjusted_beside_withheld

    _, ctx = two_waves
    assert ctx.ranks_withheld, "the design withholds no rank statistic"
    n = len(ctx.f.change)
    others = dict(enumerate(np.linspace(0.004, 0.3, n)))
    published = []
    for p_withheld in (0.0005, 0.9):
        planted, hit = _planted(ctx, p_withheld, others)
        adj = _adjusted_beside_withheld(planted).change["p_adjusted"].to_numpy(dtype=float)
        assert np.isnan(adj[hit]).all()
        shown = planted.f.change["p_value"].to_numpy(dtype=float)[~hit]
        expected = multipletests(np.concatenate([shown, np.ones(hit.sum())]), method="holm")[1][:len(shown)]
        np.testing.assert_allclose(adj[~hit], expected, rtol=1e-12)
        published.append(adj[~hit])
    np.testing.assert_array_equal(published[0], published[1])


def test_the_report_publishes_no_adjusted_p_of_a_withheld_rank_statistic_row(two_waves):
    """p20 as analysed: the withheld row's adjusted p is not in the findings the report's sections read (it was, on
    main's head, though the table printed 'c'), and the published rows' adjusted p-values are Holm over the published
    p-values with it as p = 1."""
    from statsmodels.stats.multitest import multipletests

    _, ctx = two_waves
    ch = ctx.f.change
    hit = np.array([(c, g) in ctx.ranks_withheld for c, g in zip(ch["code"], ch["status_group"], strict=True)])
    assert hit.any() and ch.loc[hit, "p_adjusted"].isna().all()
    shown = ch.loc[~hit, "p_value"].to_numpy(dtype=float)
    expected = multipletests(np.concatenate([shown, np.ones(hit.sum())]), method="holm")[1][:len(shown)]
    np.testing.assert_allclose(ch.loc[~hit, "p_adjusted"].to_numpy(dtype=float), expected, rtol=1e-12)

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


# --------------------------------------------------------------------------- 3. counts hidden for their size, known
def _intervals(values, sums, public, hidden, keys):
    """Each of ``keys``'s least and greatest value over the integer points keeping every sum, the counts not in
    ``hidden`` at their values: round 71's programme (scipy's milp, written apart from the ledger's), with no bound."""
    from test_disclosure_round71 import _intervals as solved

    return solved(values, sums, [], hidden, keys)


def _one_council_case(seed):
    """A one-council study's counts as the report declares them, drawn: its 1 council (public) is the only part of
    its type's, of its status's at each wave and of its DfE value's in each period; beside them a table of counts of
    people with a public total (cells of 0 to 9) and a public total of one cell of 1 to 4 with another."""
    rng = np.random.default_rng(seed)
    values, sums, public = {"councils": 1}, [], {"councils"}
    for k in rng.choice(["type", "status_w1", "status_w2", "ind_2010", "ind_2011"], 3, replace=False):
        values[k] = 1
        sums.append(("councils", (k,)))
    cells = [f"x{i}" for i in range(4)]
    for c in cells:
        values[c] = int(rng.integers(0, 10))
    values["x"] = sum(values[c] for c in cells)
    sums.append(("x", tuple(cells)))
    values["y0"], values["y1"] = int(rng.integers(1, 5)), int(rng.integers(0, 12))
    values["y"] = values["y0"] + values["y1"]
    sums.append(("y", ("y0", "y1")))
    public |= {"x", "y"}
    return values, sums, public


@pytest.mark.parametrize("seed", [72331, 72332, 72333, 72334, 72335, 72336])
def test_a_count_hidden_for_its_size_that_the_published_counts_give_is_published_and_moves_nothing(seed):
    """On drawn ledgers: :meth:`DisclosureLedger.release_known` publishes exactly the counts below the threshold
    whose every value consistent with what is published is their own (solved here by scipy's milp, apart from the
    ledger), and every other hidden count's interval is the same after as before. Main's head had no such step: each
    count of 1 the study's 1 council gave was 'c'."""
    from impact.privacy._ledger import DisclosureLedger

    values, sums, public = _one_council_case(seed)
    led = DisclosureLedger(threshold=5)
    for k, v in values.items():
        led.count(k, v, public=k in public)
    for total, parts in sums:
        led.relation(total, list(parts))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        led.protect()
        led.release_pinned(), led.release_unneeded(), led.release_with_pinned()
    before = {k for k in values if led.hidden(k)}
    was = _intervals(values, sums, public, before, sorted(before))
    point = {k for k in before if was[k][0] == was[k][1] and 0 < values[k] < 5}
    assert any(values[k] == 1 and k not in public for k in point)  # the council's own counts of 1
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        released = led.release_known()
    assert set(released) == point
    after = {k for k in values if led.hidden(k)}
    assert after == before - point
    now = _intervals(values, sums, public, after, sorted(after))
    assert all(now[k] == was[k] for k in after)
    assert all(now[k][1] - now[k][0] >= 5 or now[k] == was[k] for k in after)


#: A study of one council, two waves, three interviews a wave (seed 72321, unused in the repository before this
#: round: grep -rlw), analysed with its change across the waves and its DfE indicators
ONE = (1, 72321, dict(interviews_per_wave=3, words_per_interview=150, waves=2))


def test_a_one_council_study_publishes_its_councils_own_counts_and_hides_its_people():
    """The one council's counts of councils of its type, with a DfE value in each period and followed across the
    waves are each 1, the study's published 1 council: published. Its status at each wave is not given: it moved out
    of intervention between the waves, so each wave's table lists both levels, one 0 and one 1 beside the published
    1, hidden both (the zero rule): that stays so. Its counts of participants (3 a wave) stay hidden, and every count
    the report publishes below 5 is one the published counts give exactly (the ledger's intervals with it hidden
    again). Main's head hid every count of 1 of them."""
    from conftest import prepared_synthetic

    n, seed, opts = ONE
    _, ctx = prepared_synthetic(n, seed, 5, parts=("change", "indicators"), **opts)
    led = ctx.ledger
    own = [k for k in led.values if k[0] in ("councils_type", "ind_councils", "councils_complete") and led.values[k]]
    assert {k[0] for k in own} == {"councils_type", "ind_councils", "councils_complete"}
    assert all(led.values[k] == 1 and not led.hidden(k) for k in own)
    status = [k for k in led.values if k[0] == "councils_level"]
    assert sorted(led.values[k] for k in status) == [0, 0, 1, 1] and all(led.hidden(k) for k in status)
    people = [k for k in led.values if k[0] in ("participants_group", "participants") and 0 < led.values[k] < 5]
    assert people and all(led.hidden(k) for k in people)
    small = [k for k in led.values if not led.hidden(k) and 0 < led.values[k] < 5 and k not in led.public]
    hidden = {k for k in led.values if led.hidden(k)}
    for k in small:
        lo, hi = led._ranges(hidden | {k}, [k])[k]
        assert lo == hi == led.values[k], (k, lo, hi)


# --------------------------------------------------------------------------- 4. McNemar's rows' shares of councils
#: bench/disclosure72_attack's v25one: 25 councils, two waves, one interview a wave (seed 72311, unused in the
#: repository before this round), so every council's share is 0 or 1 and change_over_time tests by McNemar's test
ONE_A_WAVE = (25, 72311, dict(interviews_per_wave=1, words_per_interview=200, waves=2))


@pytest.fixture(scope="module")
def one_a_wave():
    from conftest import once_per_worker, prepared_synthetic

    n, seed, opts = ONE_A_WAVE
    return once_per_worker(("round72-one-a-wave",), lambda: prepared_synthetic(n, seed, 5, parts=("change",), **opts))


def test_the_shares_of_councils_of_mcnemars_rows_narrow_no_hidden_count(one_a_wave):
    """The intruder's system (round 69's ``recovered``: the report's ledger and decisions) with the bounds a McNemar
    row's value puts on the prevalence table's counts, written apart from the report
    (bench/disclosure72_attack/relations.py's ``binary``): k of its n councils at 1 had a participant reporting the
    impact at that wave, n - k one not. On main's head such rows were left out of the medians' step, and an integer
    programme over the published files (bench/disclosure71_attack/solver.py) narrowed 7 hidden counts of this design
    in full (e.g. plans and actions before the review, not in intervention: 4 to 7, true 4)."""
    from bench.disclosure69_attack.relations import recovered
    from bench.disclosure72_attack.relations import binary

    _, ctx = one_a_wave
    assert (ctx.f.change["test"] == "mcnemar").any()
    got = recovered(ctx, binary)
    assert not got, f"hidden counts narrowed below 5: {sorted(got.items(), key=str)}"


def test_binary_bounds_are_the_councils_at_one_and_at_zero():
    """Every count k of n councils at 1 (n 1 to 60), the share printed to two places: the bounds read back hold k
    (the fewest k the printed share allows at most k, n less the most at most n - k), and are k and n - k exactly where
    the share tells k alone (n up to 100 does)."""
    from impact.report._build import _binary_bounds

    for n in range(1, 61):
        for k in range(n + 1):
            some, short = _binary_bounds(n, round(k / n, 2))
            assert (some, short) == (k, n - k), (n, k, some, short)
    assert _binary_bounds(300, 0.5) == (149, 149)  # 149 to 151 of 300 print as 0.5

"""The disclosure ledger's audit: the HiGHS path and scipy's linprog decide alike, and nothing is printed.

The ledger solves its intruder's programmes with one warm-started HiGHS
model per block (highspy) and falls back to :func:`scipy.optimize.linprog`.
The two are checked against each other on random bundles of tables with
margins, shared totals and ``part <= whole`` bounds: the same counts hidden,
and the same interval for every hidden count, computed independently.
"""

from __future__ import annotations

import itertools
import subprocess
import sys
import warnings

import numpy as np
import pytest

from impact.privacy import _ledger
from impact.privacy._disclosure import DisclosureWarning
from impact.privacy._ledger import DisclosureLedger

pytest.importorskip("highspy")


def _random_ledger(rng: np.random.Generator) -> DisclosureLedger:
    """Tables of counts by group and wave with row and column margins, a grand total shared by all tables,
    and counts of a subset bounded by the counts they are drawn from."""
    led = DisclosureLedger(threshold=5)
    n_tables, n_rows, n_cols = int(rng.integers(1, 4)), int(rng.integers(2, 5)), int(rng.integers(2, 4))
    base = rng.integers(0, 12, size=(n_rows, n_cols))
    grand = ("grand",)
    led.count(grand, base.sum())
    for t in range(n_tables):
        cells = base if t == 0 else rng.integers(0, 12, size=(n_rows, n_cols))
        if t > 0:  # later tables count a subset of the first table's people
            cells = np.minimum(cells, base)
        for i in range(n_rows):
            for j in range(n_cols):
                led.count((t, i, j), cells[i, j])
                if t > 0:
                    led.at_most((t, i, j), (0, i, j))
            led.count((t, i, "row"), cells[i].sum())
            led.relation((t, i, "row"), [(t, i, j) for j in range(n_cols)])
        for j in range(n_cols):
            led.count((t, "col", j), cells[:, j].sum())
            led.relation((t, "col", j), [(t, i, j) for i in range(n_rows)])
        if t == 0:
            led.relation(grand, [(0, i, "row") for i in range(n_rows)])
    return led


def _decide(led: DisclosureLedger) -> tuple[set, dict]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DisclosureWarning)  # an unprotectable count is decided alike by both
        hidden = led.protect()
    return hidden, {k: led.interval(k) for k in sorted(hidden, key=str)}


def test_highs_and_linprog_hide_the_same_counts_with_the_same_intervals(rng, monkeypatch):
    checked = 0
    for _ in range(15):
        seed = int(rng.integers(2**31))
        fast_hidden, fast = _decide(_random_ledger(np.random.default_rng(seed)))
        with monkeypatch.context() as m:
            m.setattr(_ledger, "_highspy", None)
            slow_hidden, slow = _decide(_random_ledger(np.random.default_rng(seed)))
        assert fast_hidden == slow_hidden, seed
        assert fast.keys() == slow.keys()
        for k in fast:
            assert fast[k] == pytest.approx(slow[k], abs=1e-7), (seed, k)
        checked += len(fast)
    assert checked > 60  # the bundles hide enough counts for the comparison to mean something


def test_intervals_are_those_of_the_worked_example():
    # total 30 = a + b, a = 3 hidden: b must go too, and each can then be anything from 0 to 30
    led = DisclosureLedger(threshold=5)
    led.count("all", 30), led.count("a", 3), led.count("b", 27), led.count("c", 2)
    led.relation("all", ["a", "b"])
    led.at_most("c", "a")
    assert led.protect() == {"a", "b", "c"}
    assert led.interval("a") == (0.0, 30.0) and led.interval("b") == (0.0, 30.0)
    assert led.interval("c") == (0.0, 30.0)


def test_the_solver_prints_nothing():
    code = ("from impact.privacy._ledger import DisclosureLedger\n"
            "led = DisclosureLedger(threshold=5)\n"
            "led.count('all', 30); led.count('a', 3); led.count('b', 27)\n"
            "led.relation('all', ['a', 'b'])\n"
            "print(sorted(led.protect()))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout == "['a', 'b']\n" and "HiGHS" not in out.stderr


def test_the_solver_works_with_standard_output_closed():
    code = ("import os\n"
            "os.close(1)\n"
            "from impact.privacy._ledger import DisclosureLedger\n"
            "led = DisclosureLedger(threshold=5)\n"
            "led.count('all', 30); led.count('a', 3); led.count('b', 27)\n"
            "led.relation('all', ['a', 'b'])\n"
            "import sys\n"
            "sys.stderr.write(repr(sorted(led.protect())))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and out.stderr.endswith("['a', 'b']"), out.stderr[-2000:]


def test_a_count_to_keep_is_suppressed_after_every_cell_that_protects_as_well():
    """A 2 x 2 table whose column totals a summary states: the cell of 3 is hidden, then its smallest partners. The
    column total of 12 was picked as a partner before the cell of 20 (and, derivable from the other totals, could not
    be protected at all), so the summary lost it; marked to keep, the table hides its four cells instead, and every
    hidden cell still spans at least the threshold (12 from 0 to 12 by the column, 20 from 11 to 23)."""
    led = DisclosureLedger(5)
    for k, v in {"a": 3, "b": 20, "c": 9, "d": 30, "R1": 23, "R2": 39}.items():
        led.count(k, v)
    led.count("C1", 12, keep=True)
    led.count("C2", 50, keep=True)
    for total, parts in (("R1", ["a", "b"]), ("R2", ["c", "d"]), ("C1", ["a", "c"]), ("C2", ["b", "d"])):
        led.relation(total, parts)
    assert led.protect() == {"a", "b", "c", "d"}
    assert all(hi - lo >= 5 for lo, hi in map(led.interval, "abcd"))


def test_counts_tied_by_no_relation_are_solved_in_separate_blocks():
    # Two tables sharing no count: the intruder's system splits into two blocks, one per table. Under scipy 1.11.0
    # (setup.cfg's floor; `make test-min` runs this file there) csgraph refused the 64-bit indices of the incidence
    # product, printed an ignored ValueError and labelled every count -9999, so every count fell into one block.
    import gc

    led = DisclosureLedger(threshold=5)
    for t in ("a", "b"):
        led.count((t, "total"), 10)
        led.count((t, 1), 2)
        led.count((t, 2), 8)
        led.relation((t, "total"), [(t, 1), (t, 2)])
    hidden = {(t, k) for t in ("a", "b") for k in (1, 2)}
    unraisable = []
    hook, sys.unraisablehook = sys.unraisablehook, unraisable.append
    try:
        blocks = led._system(hidden)
        gc.collect()
    finally:
        sys.unraisablehook = hook
    assert not unraisable, [u.exc_value for u in unraisable]
    assert sorted(sorted(b.keys) for b in blocks) == [[("a", 1), ("a", 2)], [("b", 1), ("b", 2)]]


def _twelve_tables() -> DisclosureLedger:
    """Twelve tables sharing no count, each total ``(t, "t")`` = a + b + c, a below the threshold of 5."""
    led = DisclosureLedger(threshold=5)
    for t in range(12):
        for k, v in {"t": 40, "a": 2, "b": 18, "c": 20}.items():
            led.count((t, k), v)
        led.relation((t, "t"), [(t, "a"), (t, "b"), (t, "c")])
    return led


def test_an_audit_builds_the_programme_only_of_the_blocks_it_solves(monkeypatch):
    # Twelve tables sharing no count, each total = a + b + c with a below the threshold (the docstring's example of
    # release_unneeded: a hidden, b hidden beside it, c published). protect() solves every block once; each trial
    # release of release_unneeded then solves only the block of the count tried, the others' counts being known
    # safe. A block's HiGHS model is built for the blocks solved only (speed11: building the programmes of every
    # block of every audit was most of a report's disclosure audit; speed17: the model is built from the block's
    # rows, with no sparse matrix, so its building is seen at the solver's). The decisions are the worked example's,
    # table by table.
    led = _twelve_tables()
    made, solved = [], []  # the blocks (kept alive, so that no two share an id) whose models are built / solved
    quiet_highs = _ledger._quiet_highs

    def built():
        caller = sys._getframe(1).f_locals.get("self")
        if isinstance(caller, _ledger._Block) and not any(b is caller for b in made):
            made.append(caller)
        return quiet_highs()

    monkeypatch.setattr(_ledger, "_quiet_highs", built)
    bound = _ledger._Block.bound
    monkeypatch.setattr(_ledger._Block, "bound", lambda self, key, *, upper: (
        solved.append(self) if not any(b is self for b in solved) else None) or bound(self, key, upper=upper))
    assert sorted(led.protect()) == sorted((t, k) for t in range(12) for k in ("a", "b"))
    assert led.release_unneeded() == []
    assert sorted(k for k in led.values if led.hidden(k)) == sorted((t, k) for t in range(12) for k in ("a", "b"))
    assert solved and len(made) == len(solved) and all(any(b is m for b in solved) for m in made)


def test_each_trial_release_audits_only_the_blocks_tied_to_the_count_tried(monkeypatch):
    # release_unneeded tries each count hidden as secondary (here b of each of the twelve tables); publishing it can
    # narrow only the hidden counts tied to it, so only their part of the intruder's system is built and audited
    # (speed11: each trial built all twelve blocks and skipped eleven). Since speed17 that part is the block of the
    # count tried among the counts hidden when the releases start, built once, with the count tried fixed at its
    # value (a then b of each table, where speed11 built a alone for the trial of b). The decision is the worked
    # example's.
    led = _twelve_tables()
    hidden = led.protect()
    built = []
    init = _ledger._Block.__init__
    monkeypatch.setattr(_ledger._Block, "__init__", lambda self, keys, *a: built.append(list(keys)) or init(self, keys, *a))
    assert led.release_unneeded() == []
    assert sorted(k for k in led.values if led.hidden(k)) == sorted(hidden)
    assert sorted(built) == [[(t, "a"), (t, "b")] for t in range(12)]  # each table's block, once


def _small_table(seed: int) -> tuple[DisclosureLedger, dict]:
    """A table of 2 rows by 2 or 3 columns of counts from 0 to 6 with its row, column and grand totals; returns the
    ledger and each relation as ``{total: parts}``."""
    rng = np.random.default_rng(seed)
    led = DisclosureLedger(threshold=5)
    rows, cols = 2, int(rng.integers(2, 4))
    cells = rng.integers(0, 7, size=(rows, cols))
    sums = {("r", i): [(i, j) for j in range(cols)] for i in range(rows)}
    sums |= {("c", j): [(i, j) for i in range(rows)] for j in range(cols)}
    sums["all"] = [("r", i) for i in range(rows)]
    for i, j in itertools.product(range(rows), range(cols)):
        led.count((i, j), cells[i, j])
    for i in range(rows):
        led.count(("r", i), cells[i].sum())
    for j in range(cols):
        led.count(("c", j), cells[:, j].sum())
    led.count("all", cells.sum())
    for total, parts in sums.items():
        led.relation(total, parts)
    return led, sums


def _spans(led: DisclosureLedger, sums: dict, hidden: set) -> dict:
    """Each hidden count's (min, max) over every whole-number table consistent with the counts published, by brute
    force: each hidden cell from 0 to the smallest published total it is a part of, the hidden totals following."""
    cells = sorted((k for k in hidden if k not in sums), key=str)
    ceiling = {k: min([led.values[t] for t, parts in sums.items() if t not in hidden and k in parts]
                      + [sum(led.values[c] for c in led.values if c not in sums)]) for k in cells}
    seen: dict = {}
    for guess in itertools.product(*(range(int(ceiling[k]) + 1) for k in cells)):
        v = {k: x for k, x in led.values.items() if k not in hidden} | dict(zip(cells, guess, strict=True))
        for total in sorted(sums, key=lambda t: t == "all"):  # the margins, then the grand total
            if total in hidden:
                v[total] = sum(v[p] for p in sums[total])
        if all(sum(v[p] for p in parts) == v[t] for t, parts in sums.items()):
            for k in hidden:
                lo, hi = seen.get(k, (v[k], v[k]))
                seen[k] = (min(lo, v[k]), max(hi, v[k]))
    return seen


def _decided(seed: int) -> tuple[DisclosureLedger, dict, set, list]:
    led, sums = _small_table(seed)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", DisclosureWarning)
        led.protect()
        released = led.release_unneeded()
    return led, sums, {k for k in led.values if led.hidden(k)}, released, bool(caught)


def test_no_hidden_count_of_a_small_table_can_be_narrowed_and_none_is_hidden_needlessly(monkeypatch):
    """Small tables with their margins, decided by protect() and release_unneeded(), checked by enumerating every
    table an intruder could hold (sums only: the programmes' bounds are those of whole numbers): each hidden count
    still spans at least the threshold, no zero beside a hidden count is published, and each count hidden as
    secondary is needed (published alone, some hidden count narrows below the threshold, or it is a zero beside a
    hidden one). scipy's linprog for every programme decides alike, released counts included (speed17: the release
    audit fixes a published count's column, in HiGHS and in linprog's bounds)."""
    checked, released = 0, 0
    for seed in range(200):
        led, sums, hidden, out, unprotectable = _decided(seed)
        cells = [k for k in hidden if k not in sums]
        if unprotectable or not hidden - {k for k, v in led.values.items() if 0 < v < 5} or len(cells) > 3:
            continue  # a count that cannot be protected, nothing hidden as secondary, or a long enumeration
        checked += 1
        released += len(out)
        spans = _spans(led, sums, hidden)
        assert all(hi - lo >= 5 for lo, hi in spans.values()), (seed, spans)
        assert not any(led.values[k] == 0 and k not in hidden for t, p in sums.items() for k in (t, *p)
                       if any(x in hidden for x in (t, *p))), seed
        for k in hidden - {k for k, v in led.values.items() if 0 < v < 5}:
            beside = any(k in (t, *p) and any(x in hidden - {k} for x in (t, *p)) for t, p in sums.items())
            trial = _spans(led, sums, hidden - {k})
            assert (led.values[k] == 0 and beside) or any(hi - lo < 5 for lo, hi in trial.values()), (seed, k)
        with monkeypatch.context() as m:
            m.setattr(_ledger, "_highspy", None)
            assert _decided(seed)[2:4] == (hidden, out), seed
        if checked == 5:
            break
    assert checked == 5 and released  # tables with secondary suppressions, some of them released


def test_a_refused_trial_release_stops_at_the_first_count_it_narrows(monkeypatch):
    # Twelve tables (t) = a + b + c, a = 2 below the threshold, their b's summing to a published total: protect()
    # hides each a and, beside it, its b; the b's are tied by their sum, so all 24 hidden counts are one block. Trying
    # to publish a table's b gives its a back exactly (a = t - b - c), which settles the trial: the a tied to the count
    # tried is audited first (nearest, smallest), with two programmes (its maximum, then its minimum), and the other
    # 22 counts of the block are not audited (speed17: main audited all 23 of every trial, 16 programmes a trial).
    led = _twelve_tables()
    led.count("b_all", 12 * 18)
    led.relation("b_all", [(t, "b") for t in range(12)])
    hidden = led.protect()
    assert hidden == {(t, k) for t in range(12) for k in ("a", "b")}
    solved = []
    bound = _ledger._Block.bound
    monkeypatch.setattr(_ledger._Block, "bound", lambda self, key, *, upper: solved.append(key) or bound(
        self, key, upper=upper))
    assert led.release_unneeded() == []
    assert {k for k in led.values if led.hidden(k)} == hidden
    assert sorted(solved) == [(t, "a") for t in range(12) for _ in range(2)]  # each trial: its a, twice


def _narrow_by_programmes(self, key, wide, outer=True):
    """The audit of a count before speed19 (main's ``_Block.narrow``): the span of the feasible points seen, then
    its maximum, then its minimum, each by a programme."""
    i = self.position[key]
    if self.high[i] - self.low[i] >= wide:
        return False
    hi = self.bound(key, upper=True)
    if hi - self.low[i] >= wide:
        return False
    return hi - self.bound(key, upper=False) < wide


def _decide_counting(led: DisclosureLedger, monkeypatch) -> tuple[set, list, dict, int]:
    """protect() and release_unneeded() of ``led``: the hidden counts, the released, the intervals and the number
    of programmes solved."""
    solved = []
    bound = _ledger._Block.bound
    with monkeypatch.context() as m:
        m.setattr(_ledger._Block, "bound", lambda self, key, *, upper: solved.append(key) or bound(
            self, key, upper=upper))
        hidden, intervals = _decide(led)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DisclosureWarning)
            released = led.release_unneeded()
    return hidden, released, intervals, len(solved)


def test_outer_bounds_decide_as_the_programmes_do_with_fewer_programmes(rng, monkeypatch):
    # speed19: protect() settles a count by its outer bounds (bound propagation over its block's rows) where they
    # show it narrowed or meet the span of the feasible points seen; the decisions must be those of a programme for
    # every end, on bundles of tables with margins, a shared grand total and bounded subsets.
    programmes, before, checked = 0, 0, 0
    for _ in range(12):
        seed = int(rng.integers(2**31))
        hidden, released, intervals, n = _decide_counting(_random_ledger(np.random.default_rng(seed)), monkeypatch)
        with monkeypatch.context() as m:
            m.setattr(_ledger._Block, "narrow", _narrow_by_programmes)
            old = _decide_counting(_random_ledger(np.random.default_rng(seed)), monkeypatch)
        assert (hidden, released) == old[:2], seed
        for k in intervals:
            assert intervals[k] == pytest.approx(old[2][k], abs=1e-7), (seed, k)
        programmes, before, checked = programmes + n, before + old[3], checked + len(hidden)
    assert checked > 60
    assert programmes < 0.8 * before, (programmes, before)  # measured here: about half


def test_outer_bounds_hold_every_minimum_and_maximum(rng):
    # Each block's outer bounds hold its counts' minimum and maximum (by HiGHS), on the systems protect() leaves.
    ends = 0
    for _ in range(8):
        led = _random_ledger(np.random.default_rng(int(rng.integers(2**31))))
        hidden, _ = _decide(led)
        for block in led._system(hidden):
            lower, upper = block._outer()
            for i, key in enumerate(block.keys):
                lo, hi = block.solve(key)
                assert lower[i] <= lo + 1e-7 and hi <= upper[i] + 1e-7, (key, lower[i], upper[i], lo, hi)
                ends += (abs(lo - lower[i]) < 1e-7) + (abs(hi - upper[i]) < 1e-7)
    assert ends > 50  # bounds that are the ends themselves, not only that hold


def test_a_count_alone_in_its_block_needs_no_programme(monkeypatch):
    # The worked example: all = a + b = 30, a = 3 below the threshold. Alone in its block (b and all published), a's
    # row gives it exactly: no programme (main: its maximum and minimum). With b hidden beside it, a's maximum
    # (30, where b is 0) is protect()'s one programme: a's outer bounds are 0 and 30, and the point a = 30, b = 0
    # shows both counts span the threshold.
    led = DisclosureLedger(threshold=5)
    for key, value in (("all", 30), ("a", 3), ("b", 27)):
        led.count(key, value)
    led.relation("all", ["a", "b"])
    solved = []
    bound = _ledger._Block.bound
    monkeypatch.setattr(_ledger._Block, "bound", lambda self, key, *, upper: solved.append((key, upper)) or bound(
        self, key, upper=upper))
    assert led.protect() == {"a", "b"}
    assert solved == [("a", True)]
    assert led.interval("a") == (0.0, 30.0)


@pytest.mark.parametrize("seed", range(4))
def test_blocks_are_scipys_connected_components(seed):
    """The ledger's blocks (:func:`_ledger._components`, union-find) split the columns as scipy's
    ``connected_components`` of the rows' incidence graph does, on random sparse rows: an independent computation of
    the same partition. Columns in no row are alone; the order the blocks are listed in is the order of their first
    column."""
    import scipy.sparse as sp
    from scipy.sparse.csgraph import connected_components

    rng = np.random.default_rng(seed)
    for _ in range(25):
        n = int(rng.integers(1, 60))
        rows = [sorted({int(j) for j in rng.integers(0, n, size=int(rng.integers(1, 4)))})
                for _ in range(int(rng.integers(0, n + 1)))]
        label = _ledger._components(n, rows)
        if rows:
            ri = [r for r, row in enumerate(rows) for _ in row]
            ci = [j for row in rows for j in row]
            incidence = sp.csr_array((np.ones(len(ci)), (ri, ci)), shape=(len(rows), n))
            graph = sp.csr_array(incidence.T @ incidence)
            graph.indices, graph.indptr = graph.indices.astype(np.int32), graph.indptr.astype(np.int32)
            scipy_label = connected_components(graph, directed=False)[1].tolist()
        else:
            scipy_label = list(range(n))

        def partition(labels):
            groups: dict = {}
            for j, g in enumerate(labels):
                groups.setdefault(g, []).append(j)
            return list(groups.values())

        assert partition(label) == partition(scipy_label)
        assert len(set(label)) == len(set(scipy_label))

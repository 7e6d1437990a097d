"""The disclosure ledger's decisions kept in-process (speed24): a ledger declaring what another declared is decided
as that one was, without a programme; any difference in what is declared, in the counts hidden when a release is
asked for, in its arguments or in the code deciding is decided afresh.

The decisions read from the cache are checked against decisions made with the cache off (``decisions.off()``), on
ledgers of small tables with their margins (planted counts below the threshold, so that every rule of the audit acts:
primary, zeros, secondary, the three releases and ``narrowed_by``)."""

from __future__ import annotations

import dataclasses
import warnings

import numpy as np
import pandas as pd
import pytest

import impact.privacy._ledger as _ledger
from impact.privacy import DisclosureWarning
from impact.privacy._ledger import DisclosureLedger, decisions


@dataclasses.dataclass
class Spec:
    """What is declared to a ledger, to change one part at a time."""
    threshold: int
    counts: dict  # key -> value, in the order declared
    sums: list  # (total, parts)
    bounds: list  # (part, whole)
    marks: dict = dataclasses.field(default_factory=dict)  # key -> "hide" | "public" | "keep" | "unpublished"

    def ledger(self) -> DisclosureLedger:
        led = DisclosureLedger(self.threshold)
        for k, v in self.counts.items():
            mark = self.marks.get(k)
            if mark == "unpublished":
                led.unpublished(k, v)
            else:
                led.count(k, v, hide=mark == "hide", public=mark == "public", keep=mark == "keep")
        for total, parts in self.sums:
            led.relation(total, parts)
        for part, whole in self.bounds:
            led.at_most(part, whole)
        return led

    def changed(self, **kw) -> Spec:
        return dataclasses.replace(self, **{"counts": dict(self.counts), "sums": list(self.sums),
                                            "bounds": list(self.bounds), "marks": dict(self.marks), **kw})


def _tables(rng, n_tables=3, rows=2, cols=3) -> Spec:
    """Tables of counts with their row, column and grand totals, each row's first column also bounding a count of
    its own (``part <= whole``), about a third of the cells below 5 (some 0), the tables' totals summed."""
    counts, sums, bounds = {}, [], []
    for t in range(n_tables):
        cell = rng.choice([0, 1, 2, 3, 6, 9, 14, 20], size=(rows, cols))
        for i in range(rows):
            for j in range(cols):
                counts[(t, "cell", i, j)] = int(cell[i, j])
        for i in range(rows):
            counts[(t, "row", i)] = int(cell[i].sum())
            sums.append(((t, "row", i), [(t, "cell", i, j) for j in range(cols)]))
            counts[(t, "sub", i)] = int(rng.integers(0, cell[i, 0] + 1))
            bounds.append(((t, "sub", i), (t, "cell", i, 0)))
        for j in range(cols):
            counts[(t, "col", j)] = int(cell[:, j].sum())
            sums.append(((t, "col", j), [(t, "cell", i, j) for i in range(rows)]))
        counts[(t, "all")] = int(cell.sum())
        sums.append(((t, "all"), [(t, "row", i) for i in range(rows)]))
    counts["grand"] = sum(counts[(t, "all")] for t in range(n_tables))
    sums.append(("grand", [(t, "all") for t in range(n_tables)]))
    return Spec(5, counts, sums, bounds, {"grand": "public"})


def _decide(led: DisclosureLedger) -> dict:
    """Every decision the report asks of a ledger, in the report's order, with the warnings said and each hidden
    count's interval."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = {"protect": sorted(led.protect(), key=repr), "pinned": led.release_pinned(),
               "unneeded": led.release_unneeded(), "with_pinned": led.release_with_pinned()}
        out["narrowed_by"] = {k: sorted(v, key=repr) for k, v in
                              led.narrowed_by(["grand"], [k for k in led.values if k != "grand"]).items()}
    out["hidden"] = sorted(led._hidden, key=repr)
    out["warnings"] = [(w.category, str(w.message)) for w in caught]
    out["intervals"] = {k: led.interval(k) for k in out["hidden"]}
    return out


def _fresh(spec: Spec) -> dict:
    with decisions.off():
        return _decide(spec.ledger())


@pytest.fixture
def counted(monkeypatch):
    """The programmes solved, counted from a fresh cache (the counting method replaced once, before any decision,
    so that the code deciding is the same for every ledger of the test)."""
    solved = []
    bound = _ledger._Block.bound
    monkeypatch.setattr(_ledger._Block, "bound", lambda self, key, *, upper: solved.append(key) or bound(
        self, key, upper=upper))
    decisions.clear()
    yield solved
    decisions.clear()


def _hits_and_misses():
    info = decisions.info()
    return info["hits"], info["misses"]


def test_a_ledger_declaring_the_same_is_decided_as_afresh_without_a_programme(rng, counted):
    decided = 0
    for _ in range(4):
        spec = _tables(rng, n_tables=2)
        fresh = _fresh(spec)
        first = _decide(spec.ledger())
        n = len(counted)
        hits, misses = _hits_and_misses()
        second = _decide(spec.ledger())
        # the same decisions, warnings and intervals as made afresh, and no programme but the intervals' own
        assert first == fresh and second == fresh
        assert _hits_and_misses() == (hits + 5, misses)  # protect, the three releases and narrowed_by
        intervals_only = len(counted) - n
        with decisions.off():
            led = spec.ledger()
            led._hidden = set(fresh["hidden"])
            m = len(counted)
            [led.interval(k) for k in fresh["hidden"]]
            assert intervals_only == len(counted) - m
        decided += bool(fresh["protect"])
    assert decided >= 3  # (something hidden: the audit had something to decide)


def _moved(spec: Spec, key, by: int) -> Spec:
    """``spec`` with the count ``key`` (a cell) changed by ``by``, and every total holding it, as declared."""
    out = spec.changed()
    todo = [key]
    while todo:
        k = todo.pop()
        out.counts[k] += by
        todo += [t for t, parts in spec.sums if k in parts]
    return out


def _mutations(spec: Spec, rng) -> dict:
    """Specs differing from ``spec`` in one declared thing each."""
    cells = [k for k in spec.counts if isinstance(k, tuple) and k[1] == "cell"]
    small = next(k for k in cells if 0 < spec.counts[k] < spec.threshold)
    big = next(k for k in cells if spec.counts[k] >= spec.threshold)
    row = next(t for t, _ in spec.sums if isinstance(t, tuple) and t[1] == "row")
    renamed = {(("renamed",) + k[1:] if k == small else k): v for k, v in spec.counts.items()}
    rename = lambda k: ("renamed",) + k[1:] if k == small else k  # noqa: E731
    order = list(spec.counts)
    order[0], order[1] = order[1], order[0]
    return {
        "a count one more": _moved(spec, small, 1),
        "a count one less": _moved(spec, big, -1),
        "the threshold": spec.changed(threshold=spec.threshold + 1),
        "a sum left out": spec.changed(sums=[s for s in spec.sums if s[0] != row]),
        "a bound left out": spec.changed(bounds=spec.bounds[1:]),
        "a bound more": spec.changed(bounds=[*spec.bounds, (small, next(t for t, ps in spec.sums if small in ps))]),
        "a count forced hidden": spec.changed(marks={**spec.marks, big: "hide"}),
        "a count public": spec.changed(marks={**spec.marks, row: "public"}),
        "a count kept": spec.changed(marks={**spec.marks, row: "keep"}),
        "a count unpublished": spec.changed(marks={**spec.marks, big: "unpublished"}),
        "the public count not public": spec.changed(marks={}),
        "a key renamed": spec.changed(counts=renamed,
                                      sums=[(rename(t), [rename(p) for p in ps]) for t, ps in spec.sums],
                                      bounds=[(rename(a), rename(b)) for a, b in spec.bounds]),
        "a count declared more": spec.changed(counts={**spec.counts, "lone": int(rng.integers(1, 4))}),
        "the order declared": spec.changed(counts={k: spec.counts[k] for k in order}),
    }


def test_each_thing_declared_changed_misses_and_decides_as_afresh(rng, counted):
    spec = next(s for s in (_tables(rng, n_tables=2) for _ in range(20)) if _fresh(s)["protect"])
    fresh = _fresh(spec)
    _decide(spec.ledger())  # kept
    hits, misses = _hits_and_misses()
    assert _decide(spec.ledger()) == fresh and _hits_and_misses() == (hits + 5, misses)
    differed = 0
    for name, other in _mutations(spec, rng).items():
        hits, misses = _hits_and_misses()
        n = len(counted)
        got = _decide(other.ledger())
        # protect misses; every decision after it misses too (a different ledger, or a different set hidden)
        assert _hits_and_misses() == (hits, misses + 5), name
        assert len(counted) > n or not got["protect"], name  # decided afresh: its programmes solved
        assert got == _fresh(other), name
        differed += got != fresh
    assert differed >= 5  # (the changes change the decisions: a hit would have been wrong)


def test_the_counts_hidden_before_a_release_and_narrowed_by_arguments_are_part_of_the_key(rng, counted):
    spec = next(s for s in (_tables(rng) for _ in range(20)) if len(_fresh(s)["protect"]) >= 3)
    fresh = _fresh(spec)
    led = spec.ledger()
    led.protect()
    led.release_unneeded()
    # the same ledger, another set of counts hidden before release_unneeded (one count more hidden): a miss
    more = next(k for k in spec.counts if k not in set(fresh["protect"]) and k != "grand")
    for hidden in (set(fresh["protect"]), set(fresh["protect"]) | {more}):
        other = spec.ledger()
        other._hidden = set(hidden)
        hits, misses = _hits_and_misses()
        got = other.release_unneeded()
        with decisions.off():
            again = spec.ledger()
            again._hidden = set(hidden)
            assert got == again.release_unneeded() and other._hidden == again._hidden
        assert _hits_and_misses() == ((hits + 1, misses) if hidden == set(fresh["protect"]) else (hits, misses + 1))
    keys = [k for k in spec.counts if k != "grand"]
    led.narrowed_by(["grand"], keys)
    hits, misses = _hits_and_misses()
    led.narrowed_by(["grand"], keys)
    led.narrowed_by(["grand"], keys[:len(keys) // 2])
    led.narrowed_by([], keys)
    assert _hits_and_misses() == (hits + 1, misses + 2)


def test_the_code_deciding_is_part_of_the_key(rng, counted, monkeypatch):
    spec = next(s for s in (_tables(rng) for _ in range(20)) if _fresh(s)["unneeded"] or _fresh(s)["protect"])
    _decide(spec.ledger())
    hits, misses = _hits_and_misses()
    # a setting of the releases' programmes (the tests of speed20 compare the two): decided afresh
    monkeypatch.setattr(_ledger._ReleaseAudit, "simplex", None)
    _decide(spec.ledger())
    assert _hits_and_misses() == (hits, misses + 5)
    monkeypatch.setattr(_ledger, "_PAIRED", 3)
    _decide(spec.ledger())
    assert _hits_and_misses() == (hits, misses + 10)


def test_a_subclass_or_a_method_replaced_on_the_ledger_is_decided_afresh(rng, counted):
    # the key reads the module's and its classes' code (_deciders), not a subclass's or an instance's: a ledger that
    # hides more for its own size, declared as another already decided, took that one's decisions
    spec = next(s for s in (_tables(rng) for _ in range(20)) if _fresh(s)["protect"])
    _decide(spec.ledger())

    class Stricter(DisclosureLedger):
        def below_threshold(self, key):
            return 0 < self.values.get(key, 0) < self.threshold + 10 and key not in self.public

    def stricter(base: DisclosureLedger) -> DisclosureLedger:
        led = Stricter(base.threshold)
        led.__dict__.update(base.__dict__)
        return led

    def replaced(base: DisclosureLedger) -> DisclosureLedger:
        base.below_threshold = lambda key: 0 < base.values.get(key, 0) < base.threshold + 10 and key not in base.public
        return base

    for make in (stricter, replaced):
        with decisions.off():
            expected = sorted(make(spec.ledger()).protect(), key=repr)
        assert expected != _fresh(spec)["protect"]  # the stricter rule hides other counts here
        assert sorted(make(spec.ledger()).protect(), key=repr) == expected, make.__name__


def test_a_warning_is_said_again_where_the_decision_is_asked_for(counted):
    # a hidden count narrowed by a public total with nothing published beside it to hide: protect() warns
    def ledger():
        led = DisclosureLedger(threshold=5)
        led.count("t", 3, public=True)
        led.count("a", 3)
        led.relation("t", ["a"])
        return led

    said = []
    for _ in range(2):
        with pytest.warns(DisclosureWarning, match="cannot be protected") as caught:
            assert ledger().protect() == {"a"}
        said.append([(str(w.message), w.filename) for w in caught])
    assert said[0] == said[1] and said[0][0][1] == __file__
    assert decisions.info()["hits"] == 1


def test_the_decisions_kept_are_bounded():
    kept = _ledger._Decisions(entries=3, size=10_000)
    for i in range(5):
        kept.put(bytes([i]), ("s", tuple(range(10))))
    assert kept.info()["kept"] == 3 and kept.get(bytes([0])) is None and kept.get(bytes([4])) is not None
    kept.get(bytes([2]))  # used: kept before 3 when the next comes
    kept.put(bytes([5]), ("s", ()))
    assert kept.get(bytes([2])) is not None and kept.get(bytes([3])) is None
    kept.put(b"big", ("s", tuple(range(2_000))))  # more than the size bound: not kept
    assert kept.get(b"big") is None and kept.info()["bytes"] <= 10_000
    for i in range(6, 40):
        kept.put(bytes([i]), ("s", tuple(range(300))))  # about 2,500 bytes each: the size bound holds
        assert kept.info()["bytes"] <= 10_000


def test_a_report_built_again_reads_its_decisions_and_publishes_the_same():
    from conftest import tiny_analysed

    from impact.pipeline import build_report

    findings = tiny_analysed()
    decisions.clear()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fresh, _ = build_report(findings)
        hits, misses = _hits_and_misses()
        again, _ = build_report(dataclasses.replace(findings))
    made = hits + misses  # the first build's decisions (decided afresh, or read where one pass repeats another)
    assert misses >= 5 and _hits_and_misses() == (hits + made, misses)  # every decision read, none made
    assert [t.name for t in again.tables] == [t.name for t in fresh.tables]
    for a, b in zip(again.tables, fresh.tables, strict=True):
        pd.testing.assert_frame_equal(a.data, b.data)
    assert [s.title for s in again.sections] == [s.title for s in fresh.sections]
    decisions.clear()


def test_decisions_are_keyed_by_position_so_equal_keys_of_another_ledger_are_its_own():
    decisions.clear()
    first = DisclosureLedger(5)
    for k, v in {"t": 30, "a": 2, "b": 28}.items():
        first.count(k, v)
    first.relation("t", ["a", "b"])
    assert first.protect() == {"a", "b"}
    second = DisclosureLedger(5)
    for k, v in {"t": 30, "a": 2, "b": 28}.items():
        second.count(np.str_(k) if k == "b" else k, v)  # the same repr and str? np.str_'s type differs: a miss
    second.relation("t", ["a", np.str_("b")])
    hits, misses = _hits_and_misses()
    assert second.protect() == {"a", "b"} and _hits_and_misses() == (hits, misses + 1)
    decisions.clear()


def test_a_method_asking_for_a_decision_wrapped_reads_the_decision_kept(rng, counted, monkeypatch):
    # bench.report_stages times protect() and release_unneeded() by wrapping them: what decides is the same, so a
    # build timed that way keeps decisions that a build not timed reads
    spec = next(s for s in (_tables(rng, n_tables=2) for _ in range(20)) if _fresh(s)["protect"])
    protect = DisclosureLedger.protect
    monkeypatch.setattr(DisclosureLedger, "protect", lambda self: protect(self))
    first = _decide(spec.ledger())
    monkeypatch.setattr(DisclosureLedger, "protect", protect)
    hits, misses = _hits_and_misses()
    assert _decide(spec.ledger()) == first and _hits_and_misses() == (hits + 5, misses)

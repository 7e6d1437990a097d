"""`find_identifiers(text, kinds)` runs only the detectors that can give those kinds, and finds what a full run does."""

from __future__ import annotations

import ast
from pathlib import Path

import pandas as pd
import pytest

from impact.privacy import _detect
from impact.privacy._detect import find_identifiers

TESTS = Path(__file__).parent


def _corpus() -> list[str]:
    """Every string literal of the privacy tests (the red team's forms, thousands of them) and real sentences."""
    texts: list[str] = []
    for path in sorted([*TESTS.glob("hostile/test_pii*.py"), *TESTS.glob("test_privacy*.py")]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) > 3:
                texts.append(node.value)
    # and real sentences of the field (a sample: the whole corpus adds time, not kinds)
    texts += pd.read_csv(TESTS / "data" / "gold2" / "sentences_dev.csv", dtype=str, keep_default_na=False)["text"][::4].tolist()
    return list(dict.fromkeys(texts))


@pytest.fixture(scope="module")
def corpus() -> list[str]:
    texts = _corpus()
    assert len(texts) > 2500
    return texts


@pytest.fixture(scope="module")
def by_detector(corpus) -> dict[str, list[list]]:
    """Each detector's spans in each text of the corpus, the detector run alone."""
    out = {}
    for detect, _ in _detect._DETECTORS:
        out[detect.__name__] = []
        for text in corpus:
            found: list = []
            detect(text, found.append)
            out[detect.__name__].append(found)
    return out


@pytest.fixture(scope="module")
def checked(corpus, by_detector) -> list[int]:
    """The texts a run for some kinds is checked on: every one in which a detector finds something (2,159 of 12,526
    at testtime33), and every tenth of the others. A text no detector finds anything in gives no span to a full run
    nor to a run of some of its detectors (find_identifiers keeps the detectors' spans): the whole corpus cost a full
    run and three runs for kinds of 16 s, for texts five in six of which gave nothing to compare."""
    found = [any(spans[i] for spans in by_detector.values()) for i in range(len(corpus))]
    rest = [i for i, f in enumerate(found) if not f]
    return sorted([i for i, f in enumerate(found) if f] + rest[::10])


@pytest.fixture(scope="module")
def full(corpus, checked) -> list[list]:
    return [find_identifiers(corpus[i]) for i in checked]


def test_each_detector_gives_only_the_kinds_it_declares(by_detector):
    seen: dict[str, set[str]] = {}
    for detect, gives in _detect._DETECTORS:
        kinds = {s.kind for found in by_detector[detect.__name__] for s in found}
        assert kinds <= gives, (detect.__name__, kinds - gives)
        seen[detect.__name__] = kinds
    # the corpus reaches every kind a detector declares, so the check above is not vacuous
    assert set().union(*seen.values()) == set().union(*(g for _, g in _detect._DETECTORS)), seen


@pytest.mark.parametrize("kinds", [{"email", "phone", "nhs_number", "ni_number", "pupil_number"},
                                   {"date", "date_of_birth", "age"}, {"address", "postcode", "reference"}])
def test_a_run_for_some_kinds_finds_what_a_full_run_finds_of_them(corpus, checked, full, kinds):
    n = 0
    for i, spans in zip(checked, full, strict=True):
        wanted = [s for s in spans if s.kind in kinds]
        assert find_identifiers(corpus[i], frozenset(kinds)) == wanted, corpus[i]
        n += bool(wanted)
    assert n > 20  # each set of kinds is found in many texts of the corpus


def test_the_redactors_memo_gives_what_a_fresh_reading_gives_and_is_bounded(corpus, monkeypatch):
    from impact.privacy import _redact

    engine = _redact._Redactor(("Jane Smith",), ("Leeds",), ("Kirklees",), ())
    fresh = [engine._find_placed(text) for text in corpus[:400]]
    first = [engine.find(text) for text in corpus[:400]]
    first[0].append("changed by a caller")  # a caller's list is its own: the memo keeps a tuple
    again = [engine.find(text) for text in corpus[:400]]
    assert first[1:] == fresh[1:] and again == fresh
    assert sum(map(bool, fresh)) > 100
    _redact.forget_found()  # as the benchmark does before each timing
    assert not engine._memo
    monkeypatch.setattr(_redact, "_MEMO_TEXTS", 10)
    small = _redact._Redactor((), (), (), ())
    for text in corpus[:50]:
        small.find(text)
    assert len(small._memo) == 10


@pytest.mark.parametrize("pattern, anchor", [("_DOB_RE", "_DOB_ANCHOR"), ("_DEATH_RE", "_DEATH_ANCHOR")])
def test_a_large_pattern_is_skipped_only_where_it_cannot_match(corpus, pattern, anchor):
    """`_dates` runs the date-of-birth and death patterns only where their leading words occur: each of their
    matches (every position, so also those a leftmost match hides) has an anchor match at its start."""
    big, lead = getattr(_detect, pattern), getattr(_detect, anchor)
    hits = 0
    for text in corpus:
        for m in big.finditer(text, overlapped=True):
            hits += 1
            assert lead.match(text, m.start()), (text, m.group())
    assert hits >= 20  # the corpus holds dozens of them (88 and 29): the check is not vacuous

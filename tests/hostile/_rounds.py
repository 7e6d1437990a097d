"""The checks and test shells every red-team round of redaction repeats, written once.

A round's file lists its cases and makes its tests from them with these shells, under the names the rounds gave them,
so each test and its parameters' ids are as they were when each round wrote its own function:

    test_this_rounds_forms_are_redacted_exactly = _rounds.exact(_RED_TEAM + _HELD_EXACT)
    test_words_that_look_like_these_are_kept = _rounds.kept(_KEPT)
    test_forms_left_open = _rounds.left_open(_OPEN, move_to="_RED_TEAM")

Every shell redacts each text twice: with the stress names (``_WORDY``, first names and surnames that are ordinary
words) listed as participants, and with none.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from .test_pii_round3 import _left, _redact
from .test_pii_round6 import _WORDY as _ROUND6_WORDY

__all__ = ["_WORDY", "_both", "_gone", "assert_exact", "assert_kept", "exact", "gone", "kept", "left_open", "published",
           "stay_gone", "withheld", "xfail_open"]

#: The stress names: listed participants whose names are ordinary words.
_WORDY = [*_ROUND6_WORDY, "Joy Chance", "Grace Case"]


def _both(text: str) -> list[str]:
    """``text`` redacted with the stress names listed and with none."""
    return [_redact(text, names=names) for names in (_WORDY, [])]


def assert_kept(text: str) -> None:
    """That ``text`` is left as it is, with the stress names listed (``_WORDY``) and with none."""
    for names in (_WORDY, []):
        assert _redact(text, names=names) == text


def assert_exact(text: str, expected: str) -> None:
    """That ``text`` is redacted to ``expected``, with the stress names listed and with none."""
    for red in _both(text):
        assert red == expected, red


def xfail_open(text: str, expected: str, move_to: str) -> None:
    """An open form, strict: fails once ``text`` is redacted to ``expected`` both ways, so that it is moved to
    ``move_to``; else an expected failure."""
    if all(red == expected for red in _both(text)):
        pytest.fail(f"closed now: move it to {move_to} ({text!r})")
    pytest.xfail("open: see the comment beside it")


def _gone(text: str, gone: Sequence[str], token: str | None) -> None:
    """That none of ``gone`` stands as a word in ``text`` redacted, and ``token`` (any token if none) does."""
    for red in _both(text):
        assert not _left(red, *gone) and (token or "[") in red, red


def exact(cases: Sequence[tuple[str, str]]) -> Callable[[str, str], None]:
    """A test that each text of ``cases`` (text, expected) is redacted to exactly its expected text."""
    @pytest.mark.parametrize(("text", "expected"), cases)
    def test(text: str, expected: str) -> None:
        assert_exact(text, expected)
    return test


def kept(texts: Sequence[str]) -> Callable[[str], None]:
    """A test that each of ``texts`` is left as it is."""
    @pytest.mark.parametrize("text", texts)
    def test(text: str) -> None:
        assert_kept(text)
    return test


def gone(cases: Sequence[tuple[str, Sequence[str], str | None]]) -> Callable[[str, Sequence[str], str | None], None]:
    """A test that in each text of ``cases`` (text, words that must go, token that stands for them) the words are gone
    and the token stands."""
    @pytest.mark.parametrize(("text", "gone", "token"), cases)
    def test(text: str, gone: Sequence[str], token: str | None) -> None:
        _gone(text, gone, token)
    return test


def stay_gone(cases: Sequence[tuple[str, Sequence[str]]], *, bracket: bool = False) -> Callable[[str, Sequence[str]], None]:
    """A test that in each text of ``cases`` (text, words that must go) the words are gone; with ``bracket``, that a
    token stands in their place too."""
    @pytest.mark.parametrize(("text", "gone"), cases)
    def test(text: str, gone: Sequence[str]) -> None:
        for red in _both(text):
            assert not _left(red, *gone) and (not bracket or "[" in red), red
    return test


def left_open(cases: Sequence[tuple[str, str]], *, move_to: str) -> Callable[[str, str], None]:
    """The forms a round leaves open (text, what it should give), strict: each an expected failure until closed, then a
    failure saying to move it to ``move_to``."""
    @pytest.mark.parametrize(("text", "expected"), cases)
    def test(text: str, expected: str) -> None:
        xfail_open(text, expected, move_to)
    return test


def withheld(texts: Sequence[str], published: Callable[..., bool]) -> Callable[[str], None]:
    """A test that the report withholds each of ``texts``, with the stress names listed and with none: ``published``
    (text, names=...) says whether it would publish a text (a round's ``_published``: redacted, then judged clean)."""
    @pytest.mark.parametrize("text", texts)
    def test(text: str) -> None:
        assert not published(text)
        assert not published(text, names=_WORDY)
    return test


def published(texts: Sequence[str], published: Callable[..., bool]) -> Callable[[str], None]:
    """A test that the report publishes each of ``texts``, with the stress names listed and with none (see
    :func:`withheld`)."""
    @pytest.mark.parametrize("text", texts)
    def test(text: str) -> None:
        assert published(text)
        assert published(text, names=_WORDY)
    return test


def counted(red_team: Sequence[tuple[str, str]], held: Sequence[tuple[str, str]], kept: Sequence[str],
            open_: Sequence[tuple[str, str]], *, counts: tuple[int, int, int, int]) -> Callable[[], None]:
    """A round's check that its lists hold as many cases as written (``counts``: red team, held exact, kept, open),
    every input text once across them: a case lost or pasted twice in an edit is seen."""

    def test() -> None:
        new = [*red_team, *held, *open_, *[(t, t) for t in kept]]
        assert (len(red_team), len(held), len(kept), len(open_)) == counts
        assert len(new) == sum(counts) == len({t for t, _ in new})

    return test

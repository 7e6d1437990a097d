"""Option types of the command line: every value is checked by the parser (exit 2 with a clear message)."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence

__all__ = ["bounded_int", "choice_list", "SEED_MAX"]

#: Largest seed (numpy's seed range).
SEED_MAX = 2**32 - 1


def bounded_int(low: int, high: int, *, why: str = "") -> Callable[[str], int]:
    """An argparse ``type`` accepting whole numbers from ``low`` to ``high``.

    Examples
    --------
    >>> bounded_int(1, 10)("3")
    3
    >>> bounded_int(1, 10)("0")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: '0' - expected a whole number from 1 to 10
    """

    def parse(text: str) -> int:
        try:
            value = int(text.strip().replace("_", ""))
        except ValueError:
            value = None
        if value is None or not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{text!r} - expected a whole number from {low:,} to {high:,}{why}")
        return value

    parse.__name__ = "whole number"
    return parse


def choice_list(allowed: Sequence[str] | Callable[[], Sequence[str]]) -> Callable[[str], list[str]]:
    """An argparse ``type`` for a comma-separated list whose every item is one of ``allowed``.

    Examples
    --------
    >>> choice_list(["a", "b"])("a,b")
    ['a', 'b']
    >>> choice_list(["a", "b"])("a,c")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: 'a,c': 'c' is not one of a, b
    """

    def parse(text: str) -> list[str]:
        names = list(allowed() if callable(allowed) else allowed)
        items = [t.strip() for t in text.split(",") if t.strip()]
        if not items:
            raise argparse.ArgumentTypeError(f"{text!r} - expected one or more of {', '.join(names)}, comma-separated")
        bad = [t for t in items if t not in names]
        if bad:
            raise argparse.ArgumentTypeError(
                f"{text!r}: {', '.join(repr(b) for b in bad)} {'is' if len(bad) == 1 else 'are'} not one of {', '.join(names)}")
        return items

    parse.__name__ = "list"
    return parse

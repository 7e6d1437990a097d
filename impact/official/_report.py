"""Shared handling of data problems found while reading official files."""

from __future__ import annotations

import warnings
from collections.abc import Callable

from .._words import _counted, _verb
from ..errors import ImpactWarning, InputError, Problem, ValidationError, user_level
from ..schema import not_one_of

__all__ = ["check_errors_option", "renamed_hint", "report_problems", "told_notes", "twin_columns"]


def check_errors_option(errors: str) -> None:
    """Refuse an ``errors`` value other than "warn" or "raise"."""
    if errors not in ("warn", "raise"):
        raise InputError(not_one_of("errors", errors, ["warn", "raise"]))


def report_problems(problems: list[Problem], *, source: str, errors: str, category: type[Warning], noun: str,
                    then: str) -> None:
    """Raise all ``problems`` as one ValidationError, or warn listing every one: "``source``: 2 cells could not be
    read ...", ``noun`` counted in the number of the problems and ``then`` after it, ``{is}`` in it agreeing."""
    if not problems:
        return
    if errors == "raise":
        raise ValidationError(problems, source=source)
    warnings.warn(
        f"{source}: {_counted(len(problems), noun)}{then.format_map({'is': _verb(problems, 'is')})}:\n" + "\n".join(f"  {p}" for p in problems),
        category,
        stacklevel=user_level(),
    )


def told_notes(problems: list[Problem]) -> list[Problem]:
    """Warn the notes among ``problems`` (blank rows between rows of data, from
    :func:`impact._io.read_csv_strict`), each in an :class:`~impact.errors.ImpactWarning` as a study file's are, and
    return the rest: a note is told whatever ``errors`` says, and never makes the file fail."""
    for note in (p for p in problems if p.severity == "warning"):
        warnings.warn(str(note).removeprefix("warning: "), ImpactWarning, stacklevel=user_level())
    return [p for p in problems if p.severity != "warning"]


def twin_columns(file: str, header: list[str], key: Callable[[str], str]) -> list[Problem]:
    """A problem for each header cell that is an earlier column written another way (``URN`` beside ``urn``,
    ``Referrals`` beside ``referrals``): the two read as one name (``key``), so which holds the column is not known.
    A name given twice exactly is told by :func:`impact._io.read_csv_strict`."""
    first: dict[str, str] = {}
    out = []
    for name in header:
        twin = first.setdefault(key(name), name)
        if name and twin != name:
            out.append(Problem(file, 1, name, name, f"each column once (this is `{twin}` again, written another way: "
                                                    "which holds it is not known; rename or take out one)"))
    return out


def renamed_hint(header: list[str], missing: list[str], key: Callable[[str], str]) -> str:
    """Words naming the header cells that are a ``missing`` column written another way (``Geographic level`` for
    ``geographic_level``, as a column renamed by hand reads), or "": " (the file has 'Geographic level': rename it
    'geographic_level')"."""
    pairs = [(h, m) for m in missing for h in header if h != m and key(h) == key(m)]
    if not pairs:
        return ""
    return " (the file has " + ", ".join(f"{h!r}: rename it {m!r}" for h, m in pairs) + ")"

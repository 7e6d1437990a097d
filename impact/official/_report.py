"""Shared handling of data problems found while reading official files."""

from __future__ import annotations

import warnings

from ..errors import InputError, Problem, ValidationError

__all__ = ["check_errors_option", "report_problems"]


def check_errors_option(errors: str) -> None:
    """Refuse an ``errors`` value other than "warn" or "raise"."""
    if errors not in ("warn", "raise"):
        raise InputError(f"The value for `errors` must be one of ['warn', 'raise'], but {errors!r} was passed.")


def report_problems(problems: list[Problem], *, source: str, errors: str, category: type[Warning], what: str) -> None:
    """Raise all ``problems`` as one ValidationError, or warn listing every one."""
    if not problems:
        return
    if errors == "raise":
        raise ValidationError(problems, source=source)
    warnings.warn(
        f"{source}: {len(problems)} {what}:\n" + "\n".join(f"  {p}" for p in problems),
        category,
        stacklevel=3,
    )

"""Arguments that became keyword-only, with one release in which passing them by position still works (user55).

Where two parameters of a public function take the same kind of value next to each other (two tables, two paths,
two proportions), a call that swaps them is accepted and silently wrong.  Such parameters are keyword-only;
:func:`keyword_only` lets the old positional call run for one more release, with a FutureWarning naming the keyword
to use.
"""

from __future__ import annotations

import functools
import inspect
import warnings
from collections.abc import Callable
from typing import TypeVar

from .errors import user_level

_F = TypeVar("_F", bound=Callable)

#: The release from which a positional argument for a keyword-only parameter is an error.
REMOVED_IN = "0.2.0"


def keyword_only(*names: str) -> Callable[[_F], _F]:
    """Accept ``names`` (keyword-only in the signature) by position for one release, in order, with a FutureWarning.

    The wrapped function's signature (``inspect.signature``, the API reference) is the keyword-only one.
    """

    def decorate(func: _F) -> _F:
        params = list(inspect.signature(func).parameters.values())
        positional = [p.name for p in params
                      if p.kind in (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)]
        kw_only = [p.name for p in params if p.kind is inspect.Parameter.KEYWORD_ONLY]
        if list(names) != kw_only[:len(names)]:
            raise TypeError(f"keyword_only{names} must name the first keyword-only parameters of "
                            f"{func.__qualname__} in order ({kw_only})")
        where = f"{func.__module__.split('.')[0]}.{func.__qualname__}"

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            extra = args[len(positional):]
            if extra:
                if len(extra) > len(names):
                    raise TypeError(f"{where}() takes {len(positional)} positional argument"
                                    f"{'s' if len(positional) != 1 else ''} and then keyword arguments "
                                    f"({', '.join(n + '=...' for n in kw_only)}), but {len(args)} were given")
                moved = names[:len(extra)]
                twice = [n for n in moved if n in kwargs]
                if twice:
                    raise TypeError(f"{where}() got multiple values for argument {twice[0]!r}")
                warnings.warn(f"{where}: passing {', '.join(f'`{n}`' for n in moved)} by position is deprecated "
                              f"and will be an error in impact {REMOVED_IN}; pass "
                              f"{', '.join(f'{n}=...' for n in moved)} (a swapped positional call is accepted and "
                              "silently wrong)", FutureWarning, stacklevel=user_level())
                kwargs.update(zip(moved, extra))
                args = args[:len(positional)]
            return func(*args, **kwargs)

        wrapper.__keyword_only__ = tuple(names)
        return wrapper  # type: ignore[return-value]

    return decorate

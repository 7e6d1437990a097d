"""Arguments that became keyword-only, with one release in which passing them by position still works (user55).

Where two parameters of a public function take the same kind of value next to each other (two tables, two paths,
two proportions), a call that swaps them is accepted and silently wrong.  Such parameters are keyword-only;
:func:`keyword_only` lets the old positional call run for one more release, with a FutureWarning naming the keyword
to use.
"""

from __future__ import annotations

import functools
import inspect
import types
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


def explain_call(func: Callable, args: tuple, kwargs: dict) -> str | None:
    """What is wrong with calling ``func`` with ``args`` and ``kwargs``, where the call does not bind to its signature
    (a keyword misspelt, more arguments by position than it takes, one it needs left out), as one message naming what
    it takes; None where the call binds (a TypeError raised inside ``func`` is its own).

    >>> def load_study(path, *, validate=True): ...
    >>> explain_call(load_study, ("folder",), {"validte": False})
    "impact.load_study() got an unexpected keyword argument 'validte' (did you mean 'validate'?) - it takes load_study(path, *, validate=...)."
    >>> explain_call(load_study, ("folder", False), {})
    'impact.load_study() takes 1 argument by position (path), but 2 were given: give the rest by keyword - it takes load_study(path, *, validate=...).'
    >>> explain_call(load_study, ("folder",), {}) is None
    True
    """
    from .schema import did_you_mean

    try:
        signature = inspect.signature(func)
        signature.bind(*args, **kwargs)
        return None
    except TypeError as exc:
        said = str(exc)
    except ValueError:  # no signature to read: Python's own message stands
        return None
    if getattr(func, "__keyword_only__", None) and len(args) > len(
            [p for p in signature.parameters.values() if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]):
        return None  # keyword_only takes its keywords by position for one release and says itself what it takes
    params = list(signature.parameters.values())
    if params and params[0].name in ("self", "cls") and not inspect.ismethod(func):
        params, args = params[1:], args[1:]  # a method of a class, as written in it: its object is not counted
    P = inspect.Parameter
    keywords = [p.name for p in params if p.kind in (P.POSITIONAL_OR_KEYWORD, P.KEYWORD_ONLY)]
    positional = [p.name for p in params if p.kind in (P.POSITIONAL_ONLY, P.POSITIONAL_OR_KEYWORD)]
    takes, star = [], False
    for p in params:
        if p.kind is P.KEYWORD_ONLY and not star:
            takes.append("*")
            star = True
        takes.append({P.VAR_POSITIONAL: f"*{p.name}", P.VAR_KEYWORD: f"**{p.name}"}.get(
            p.kind, p.name if p.default is P.empty else f"{p.name}=..."))
        star = star or p.kind is P.VAR_POSITIONAL
    called = func.__qualname__.rpartition(".")[0] if func.__name__ == "__init__" else func.__name__  # RuleCoder(...)
    where = f"{func.__module__.partition('.')[0]}.{func.__qualname__.removesuffix('.__init__')}"
    form = f" - it takes {called}({', '.join(takes)})."
    unknown = [k for k in kwargs if k not in keywords] if not any(p.kind is P.VAR_KEYWORD for p in params) else []
    if unknown:
        k = unknown[0]
        return f"{where}() got an unexpected keyword argument {k!r}{did_you_mean(k, keywords)}{form}"
    if len(args) > len(positional) and not any(p.kind is P.VAR_POSITIONAL for p in params):
        given = f"{len(args)} {'was' if len(args) == 1 else 'were'} given"
        if not positional:
            return (f"{where}() takes no argument by position, but {given}"
                    + (": give them by keyword" if keywords else "") + form)
        return (f"{where}() takes {len(positional)} argument{'' if len(positional) == 1 else 's'} by position "
                f"({', '.join(positional)}), but {given}: give the rest by keyword{form}")
    return f"{where}(): {said}{form}"


def told_calls(func: _F) -> _F:
    """``func`` (a public function or method of impact), wrapped so that a call that does not bind to its signature
    says what it takes (:func:`explain_call`): ``load_study(folder, validte=False)`` was Python's "got an unexpected
    keyword argument 'validte'" alone (newuser14). The wrapper runs with ``func``'s module's globals, so that it is
    of that module as doctest and :func:`impact.errors.user_level` read it; ``inspect.signature`` and ``help`` show
    ``func``'s own (``__wrapped__``). A TypeError raised inside ``func`` is passed on as it is."""
    if getattr(func, "__told_calls__", False):
        return func

    def make(inner: Callable, explain: Callable) -> Callable:
        def wrapper(*args, **kwargs):
            try:
                return inner(*args, **kwargs)
            except TypeError:
                told = explain(inner, args, kwargs)
                if told is None:
                    raise
                raise TypeError(told) from None
        return wrapper

    made = make(func, explain_call)
    wrapper = types.FunctionType(made.__code__, func.__globals__, func.__name__, None, made.__closure__)
    functools.update_wrapper(wrapper, func)
    wrapper.__kwdefaults__ = None
    wrapper.__told_calls__ = True
    return wrapper  # type: ignore[return-value]


_TOLD: dict[int, Callable] = {}  # each function wrapped once, by its id: one wrapper wherever it is re-exported


def told_object(obj: object) -> object:
    """``obj``, a public function or class of impact, whose calls say what they take where they do not bind
    (:func:`told_calls`): a function wrapped (one wrapper for it wherever it is re-exported, put in place of it in
    the module defining it too, so that ``from impact.agreement import cohen_kappa`` is ``impact.cohen_kappa``); a
    class with its public methods and ``__init__`` wrapped in place (the class itself kept: ``isinstance`` and
    pickling unchanged). Anything else, or an object not of impact, is returned as it is."""
    import sys

    if not str(getattr(obj, "__module__", "")).startswith("impact."):
        return obj
    if isinstance(obj, type):
        if not issubclass(obj, BaseException) and "__told_calls__" not in vars(obj):
            for attr, f in list(vars(obj).items()):
                if (attr == "__init__" or not attr.startswith("_")) and isinstance(f, types.FunctionType):
                    setattr(obj, attr, told_calls(f))
                elif not attr.startswith("_") and isinstance(f, (classmethod, staticmethod)):
                    setattr(obj, attr, type(f)(told_calls(f.__func__)))
            obj.__told_calls__ = True
        return obj
    if not isinstance(obj, types.FunctionType) or getattr(obj, "__told_calls__", False):
        return obj
    wrapped = _TOLD.setdefault(id(obj), told_calls(obj))
    home = sys.modules.get(obj.__module__)
    if home is not None and home.__dict__.get(obj.__name__) is obj:
        setattr(home, obj.__name__, wrapped)
    return wrapped

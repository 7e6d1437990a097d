"""Arguments that became keyword-only, with one release in which passing them by position still works (user55).

Where two parameters of a public function take the same kind of value next to each other (two tables, two paths,
two proportions), a call that swaps them is accepted and silently wrong.  Such parameters are keyword-only;
:func:`keyword_only` lets the old positional call run for one more release, with a FutureWarning naming the keyword
to use.
"""

from __future__ import annotations

import functools
import inspect
import re
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


def passes_keywords(target: str) -> Callable[[_F], _F]:
    """Declare that ``func``'s ``**options`` are the keywords of ``target`` (a function's name in ``func``'s module,
    read when a call is explained), so that a call misspelling one is told in the terms of ``func``, the function
    called: ``impact.synth.generate(5, sed=3)`` was told what ``generate_with_truth`` takes, which the user never
    called (newuser15). ``inspect.signature(func)`` is unchanged (its documented ``**options``)."""

    def decorate(func: _F) -> _F:
        func.__passes_keywords__ = target
        return func

    return decorate


def _signature(func: Callable) -> inspect.Signature:
    """``func``'s signature, with its ``**options`` written out as the keywords of the function it passes them to
    (:func:`passes_keywords`), those it takes itself left out."""
    signature = inspect.signature(func)
    target = getattr(func, "__passes_keywords__", None)
    if target is None:
        return signature
    P = inspect.Parameter
    params = [p for p in signature.parameters.values() if p.kind is not P.VAR_KEYWORD]
    own = {p.name for p in params}
    passed = [p.replace(kind=P.KEYWORD_ONLY) for p in inspect.signature(func.__globals__[target]).parameters.values()
              if p.kind in (P.POSITIONAL_OR_KEYWORD, P.KEYWORD_ONLY) and p.name not in own]
    # keyword-only parameters with no default after those with one are fine; order: own, then those passed on
    return signature.replace(parameters=params + passed)


def _public_home(func: Callable) -> str:
    """Where the user reaches ``func``: ``impact`` for a name of ``impact.__all__``, else its module's public part
    (``impact.synth`` for ``impact.synth._generate.generate``, which ``impact`` does not export)."""
    import sys

    package = func.__module__.partition(".")[0]
    top = sys.modules.get(package)
    if func.__qualname__.partition(".")[0] in getattr(top, "__all__", ()):
        return package
    parts = func.__module__.split(".")
    return ".".join(parts[:next((i for i, p in enumerate(parts) if p.startswith("_")), len(parts))])


def _private(param: inspect.Parameter) -> bool:
    """Whether ``param`` is a private keyword of a public function (``_history``, passed by impact itself): one with
    a default whose name begins with ``_``, never shown to a user nor suggested for a misspelt keyword."""
    return param.name.startswith("_") and param.default is not param.empty


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
        signature = _signature(func)
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
        if _private(p):
            continue  # neither shown nor suggested: build_report's _history is run's alone (disclosure80)
        if p.kind is P.KEYWORD_ONLY and not star:
            takes.append("*")
            star = True
        takes.append({P.VAR_POSITIONAL: f"*{p.name}", P.VAR_KEYWORD: f"**{p.name}"}.get(
            p.kind, p.name if p.default is P.empty else f"{p.name}=..."))
        star = star or p.kind is P.VAR_POSITIONAL
    called = func.__qualname__.rpartition(".")[0] if func.__name__ == "__init__" else func.__name__  # RuleCoder(...)
    where = f"{_public_home(func)}.{func.__qualname__.removesuffix('.__init__')}"
    form = f" - it takes {called}({', '.join(takes)})."
    unknown = [k for k in kwargs if k not in keywords] if not any(p.kind is P.VAR_KEYWORD for p in params) else []
    if unknown:
        k = unknown[0]
        public = [p.name for p in params if p.name in keywords and not _private(p)]
        return f"{where}() got an unexpected keyword argument {k!r}{did_you_mean(k, public)}{form}"
    if len(args) > len(positional) and not any(p.kind is P.VAR_POSITIONAL for p in params):
        given = f"{len(args)} {'was' if len(args) == 1 else 'were'} given"
        if not positional:
            return (f"{where}() takes no argument by position, but {given}"
                    + (": give them by keyword" if keywords else "") + form)
        return (f"{where}() takes {len(positional)} argument{'' if len(positional) == 1 else 's'} by position "
                f"({', '.join(positional)}), but {given}: give the rest by keyword{form}")
    return f"{where}(): {said}{form}"


#: Exceptions a check of impact never raises: one of them leaving a call is Python's or pandas' own.
_BARE = (KeyError, AttributeError, IndexError, ZeroDivisionError, UnboundLocalError)
#: Words of Python's and pandas' own messages about a value of the wrong type.
_BARE_WORDS = re.compile(r"'NoneType' object|has no attribute|not subscriptable|unhashable type|object is not "
                         r"(?:callable|iterable)|argument of type '|truth value of an? \w+ is ambiguous|"
                         r"unsupported operand|not supported between instances|expected str, bytes or os\.PathLike")


def _is_bare(exc: BaseException) -> bool:
    """Whether ``exc`` is a bare Python, pandas or numpy exception (raised outside impact, or one impact's checks never
    raise, or in the words of Python's own about a value's type), not one of impact's messages."""
    from .errors import ImpactError

    if isinstance(exc, ImpactError):  # impact's own (UnknownIdError is a KeyError too)
        return False
    if getattr(exc, "_told_of", None) is not None:
        # told by a wrapped call inside another (machine_coding_note(None) named weak_codes(), which it calls): the
        # outer call whose own argument does not fit tells it in its own name (:func:`told_calls`)
        return True
    if isinstance(exc, _BARE) or _BARE_WORDS.search(str(exc)):
        return True
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    where = tb.tb_frame.f_code.co_filename.replace("\\", "/") if tb is not None else ""
    return isinstance(exc, (TypeError, ValueError)) and "/impact/" not in where


def _alternatives(annotation: str) -> list[str]:
    """``"pd.DataFrame | Sequence[str] | None"`` -> ``["pd.DataFrame", "Sequence[str]", "None"]`` (the top level's)."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(annotation):
        depth += ch in "[(" and 1 or (-1 if ch in "])" else 0)
        if ch == "|" and depth == 0:
            parts.append(annotation[start:i].strip())
            start = i + 1
    parts.append(annotation[start:].strip())
    return [p.strip("'\"") for p in parts if p]


#: An annotation's head -> (what it admits, said in a message). A head not here admits anything (it is not judged).
_KINDS: dict[str, tuple[Callable[[object], bool], str]] = {}


def _kinds() -> dict[str, tuple[Callable[[object], bool], str]]:
    if _KINDS:
        return _KINDS
    import datetime as dt
    import numbers
    import os
    from collections.abc import Iterable, Mapping

    import numpy as np
    import pandas as pd

    def named(*names: str) -> Callable[[object], bool]:
        return lambda v: any(c.__name__ in names and c.__module__.startswith("impact") for c in type(v).__mro__)

    def sequence(v: object) -> bool:
        return (isinstance(v, Iterable) and not isinstance(v, (str, bytes, Mapping, pd.DataFrame))
                and not named("Study", "Findings", "RunResult", "Codebook")(v))

    path = (lambda v: isinstance(v, (str, os.PathLike)), "a path (a str or pathlib.Path)")
    _KINDS.update({
        "None": (lambda v: v is None, "None"),
        "str": (lambda v: isinstance(v, str), "a str"),
        "bytes": (lambda v: isinstance(v, bytes), "bytes"),
        "int": (lambda v: isinstance(v, (numbers.Integral, np.integer)), "a whole number"),
        "float": (lambda v: isinstance(v, (numbers.Real, np.floating, np.integer)), "a number"),
        "bool": (lambda v: isinstance(v, (bool, np.bool_, numbers.Integral)), "True or False"),
        "Path": path, "os.PathLike": path, "PathLike": path,
        "pd.DataFrame": (lambda v: isinstance(v, pd.DataFrame), "a pandas DataFrame"),
        "pd.Series": (lambda v: isinstance(v, (pd.Series, pd.Index, np.ndarray)), "a pandas Series"),
        "pd.Timestamp": (lambda v: isinstance(v, (dt.date, np.datetime64)), "a date"),
        "pd.Timedelta": (lambda v: isinstance(v, (dt.timedelta, np.timedelta64)), "a length of time"),
        "dt.datetime": (lambda v: isinstance(v, (dt.date, np.datetime64)), "a date"),
        "np.random.Generator": (lambda v: isinstance(v, np.random.Generator), "a numpy Generator"),
        **{k: (sequence, "a list") for k in ("Sequence", "list", "tuple", "Iterable", "Collection")},
        **{k: (lambda v: isinstance(v, Mapping), "a dict") for k in ("Mapping", "dict")},
        "Callable": (callable, "a function"),
        **{k: (named(k), f"an impact.{k}") for k in ("Study", "Codebook", "QdaProject", "Findings", "RunResult")},
    })
    return _KINDS


def _literal(alt: str, names: dict) -> list | None:
    """The values ``alt`` allows where it is a ``Literal[...]``, written out or named by an alias of the function's
    module (``Level``, ``_Method``); None for any other annotation."""
    import ast
    import typing

    alias = names.get(alt.strip())
    if alias is not None and typing.get_origin(alias) is typing.Literal:
        return list(typing.get_args(alias))
    if alt.split("[", 1)[0].strip() != "Literal":
        return None
    try:
        return list(ast.literal_eval(f"({alt[len('Literal['):-1]},)"))
    except (ValueError, SyntaxError):
        return None


def _fits(value: object, annotation: str, default: object, names: dict) -> tuple[bool, list[str]]:
    """Whether ``value`` is of a kind ``annotation`` admits (True where the annotation names a kind not judged), and
    the kinds it admits, said; ``names``: the globals of the function's module, where an alias is defined."""
    if value is None and default is None:
        return True, []
    kinds, said = _kinds(), []
    for alt in _alternatives(annotation):
        head = alt.split("[", 1)[0].strip()
        held = names.get(head)
        if head not in kinds and isinstance(held, type) and str(held.__module__).startswith("impact"):
            # one of impact's classes, named in the function's module: PlantedTruth, SynthEffects, Report, Table
            if isinstance(value, held):
                return True, []
            said.append(f"an impact.{head}" if head in _public_classes() else f"a {head}")
            continue
        if head == "Literal" or (head not in kinds and head in names):
            allowed = _literal(alt, names)
            if allowed is None:
                return True, []
            try:
                if value in allowed and type(value) in {type(a) for a in allowed}:
                    return True, []
            except (TypeError, ValueError):  # an array or frame compared
                pass
            said.append(f"one of {allowed}")
            continue
        if head not in kinds:
            return True, []
        test, words = kinds[head]
        if test(value):
            return True, []
        said.append(words)
    return False, list(dict.fromkeys(said))


def _public_classes() -> tuple[str, ...]:
    import sys

    return tuple(getattr(sys.modules.get("impact"), "__all__", ()))


def _passed(value: object) -> str:
    """What was passed, said: a short value as written, anything else by its type (``'nominl'``, ``list``)."""
    if value is None or isinstance(value, (bool, int, float)) or (isinstance(value, str) and len(value) <= 40):
        return repr(value)
    return type(value).__name__


def explain_argument(func: Callable, args: tuple, kwargs: dict, exc: BaseException) -> str | None:
    """What is wrong with the call of ``func`` that raised ``exc``, where an argument is of a kind its annotation does
    not admit and either ``exc`` is a bare Python or pandas exception (``'NoneType' object has no attribute
    'columns'``, ``unhashable type: 'list'``, ``The truth value of a DataFrame is ambiguous``: the sweep of
    bench/newuser16_sweep found 234 such calls among 1,680 of impact.__all__'s functions) or a list was passed where a
    dict naming each item is taken (``coding_to_units([ann, machine])``): one message naming the argument, what it
    takes and what was passed, with what the object passed is where it is one of impact's (:func:`made_hint`). None
    where every argument fits its annotation, or ``exc`` is impact's own message (newuser16).

    >>> def agreement(data, *, unit: "str" = "unit"): ...
    >>> print(explain_argument(agreement, (None,), {"unit": ["a", "b"]}, TypeError("unhashable type: 'list'")))
    The value for `unit` of impact.agreement() must be a str, but list was passed.
    >>> def units(coded: "Mapping[str, pd.DataFrame] | pd.DataFrame"): ...
    >>> print(explain_argument(units, ([1, 2],), {}, TypeError("told")))
    The value for `coded` of impact.units() must be a dict or a pandas DataFrame, but list was passed (a list names none of its 2 items: pass a dict naming each, e.g. {'A': first, 'B': second}).
    """
    from ._made import listed_hint, made_hint

    try:
        signature = inspect.signature(func)
        bound = signature.bind(*args, **kwargs)
    except (TypeError, ValueError):
        return None
    bare = _is_bare(exc)
    given = [(func, signature, bound.arguments)]
    owner = bound.arguments.get("self")
    init = getattr(type(owner), "__init__", None) if owner is not None else None
    if bare and init is not None and func.__name__ != "__init__" and getattr(init, "__module__", "").startswith(
            "impact"):
        # a coder's parameter stored by __init__ (scikit-learn's contract) and found wrong only when used:
        # RuleCoder(chunk_size=None).code(segments) was "unsupported operand type(s) for +: 'int' and 'NoneType'"
        init = inspect.unwrap(init)
        held = {n: vars(owner)[n] for n in inspect.signature(init).parameters if n in vars(owner)}
        given.append((init, inspect.signature(init), held))
    for function, sig, arguments in given:
        for name, value in arguments.items():
            param = sig.parameters.get(name)
            if param is None or name in ("self", "cls") or param.annotation is param.empty or \
                    param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
                continue
            fits, said = _fits(value, str(param.annotation), param.default, getattr(function, "__globals__", {}))
            if fits:
                continue
            listed = listed_hint(value, said, _keys_named(function, name))
            if not (bare or listed):
                continue
            own = str(exc).rstrip()
            if not bare and re.search(r"\b(?:dict|mapping)\b", own):
                # impact's own message says a dict is taken ("`tables` must be a mapping (a dict)"): kept, with what
                # the list passed misses; one that names another kind alone ("must be a pandas DataFrame") is not
                return f"{own[:-1] if own.endswith('.') else own}{listed}."
            called = (function.__qualname__.rpartition(".")[0] if function.__name__ == "__init__"
                      else function.__qualname__)
            where = f"{_public_home(function)}.{called}"
            hint = listed or made_hint(value, name if name != "codings" else "coded")
            return _wrong_kind(name, value, where, said, hint)
    return None


def _wrong_kind(name: str, value: object, where: str, said: list[str], hint: str = "") -> str:
    """The message refusing ``value`` for the argument or field ``name`` of ``where`` (``impact.QdaProject``), which
    takes one of the kinds ``said``."""
    return f"The value for `{name}` of {where}() must be {' or '.join(said)}, but {_passed(value)} was passed{hint}."


def check_fields(obj: object) -> None:
    """Refuse a field of ``obj``, one of impact's dataclasses, whose value is of a kind its annotation does not admit
    (read as :func:`explain_argument` reads an argument's), naming the field, what it takes and what was passed: called
    by the class's ``__post_init__``. ``QdaProject(sources=[...])`` or ``report.Label(3)`` was made without a word and
    failed later, far from the call, or showed "3" as a heading (newuser18).

    >>> from dataclasses import dataclass
    >>> @dataclass
    ... class Box:
    ...     name: "str" = "x"
    ...     def __post_init__(self):
    ...         check_fields(self)
    >>> Box(name=3)
    Traceback (most recent call last):
    ...
    TypeError: The value for `name` of impact.Box() must be a str, but 3 was passed.
    """
    import dataclasses
    import sys

    cls = type(obj)
    names = vars(sys.modules[cls.__module__]) if cls.__module__ in sys.modules else {}
    where = f"{_public_home(cls)}.{cls.__qualname__}"
    wrong = []  # every field of another kind, not the first alone
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        default = f.default if f.default is not dataclasses.MISSING else inspect.Parameter.empty
        fits, said = _fits(value, str(f.type), default, names)
        if fits:
            continue
        hint = ""
        if "a pandas DataFrame" in said and isinstance(value, (list, tuple, dict)) and value:
            made = "pd.DataFrame(columns)" if isinstance(value, dict) else "pd.DataFrame(rows)"
            hint = f" (make it a table first, {made})"
        elif value is None and f.default_factory is not dataclasses.MISSING:
            hint = f" (leave `{f.name}` out for an empty one)"
        wrong.append(_wrong_kind(f.name, value, where, said, hint))
    if wrong:
        raise TypeError(" ".join(wrong))


def _keys_named(func: Callable, name: str) -> str:
    """What the keys of the dict ``func``'s parameter ``name`` takes name, read from its docstring's
    ``coded : dict of {coder: DataFrame}`` or from the parameter's name (``coded_by_coder``); ``""`` where neither
    says."""
    doc = inspect.getdoc(func) or ""
    if func.__name__ == "__init__" and not doc.strip():
        doc = inspect.getdoc(getattr(func, "__objclass__", None)) or ""
    found = re.search(rf"^\s*{re.escape(name)} : .*?\{{(\w+):", doc, re.M)
    if found and found.group(1) not in ("str", "int", "name", "key"):
        return found.group(1)
    return name.rpartition("_by_")[2] if "_by_" in name else ""


def told_calls(func: _F) -> _F:
    """``func`` (a public function or method of impact), wrapped so that a call that does not bind to its signature
    says what it takes (:func:`explain_call`): ``load_study(folder, validte=False)`` was Python's "got an unexpected
    keyword argument 'validte'" alone (newuser14). The wrapper runs with ``func``'s module's globals, so that it is
    of that module as doctest and :func:`impact.errors.user_level` read it; ``inspect.signature`` and ``help`` show
    ``func``'s own (``__wrapped__``). A TypeError raised inside ``func`` is passed on as it is."""
    if getattr(func, "__told_calls__", False):
        return func

    def make(inner: Callable, explain: Callable, explain_wrong: Callable) -> Callable:
        def wrapper(*args, **kwargs):
            try:
                return inner(*args, **kwargs)
            except Exception as exc:
                told = explain(inner, args, kwargs) if isinstance(exc, TypeError) else None
                if told is None:
                    told = explain_wrong(inner, args, kwargs, exc)
                if told is None:
                    raise
                error = TypeError(told)
                error._told_of = inner  # so that a wrapped call around this one can tell it in its own name
                raise error from None
        return wrapper

    made = make(func, explain_call, explain_argument)
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

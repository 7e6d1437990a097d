"""scikit-learn's estimator conventions for a coder that needs no scikit-learn to code.

:class:`impact.RuleCoder` compiles rules and stems words: nothing of scikit-learn. Subclassing its ``BaseEstimator``
imported scikit-learn with the rule coder (about 0.7 s, paid by every process that codes text). :class:`Params` gives
the part of the estimator API the coder's users call: ``get_params`` and ``set_params`` read and set the parameters
named by ``__init__`` (so ``sklearn.base.clone`` and a grid search copy the coder, as they copy any object with
``get_params``), and the ``repr`` names the parameters changed from their defaults, as scikit-learn's does.
"""

from __future__ import annotations

import inspect
from typing import Any

__all__ = ["Params"]


class Params:
    """``get_params``, ``set_params`` and ``repr`` over the keyword parameters of ``__init__``.

    Examples
    --------
    >>> class Coder(Params):
    ...     def __init__(self, book="a", *, min_score=0.5):
    ...         self.book, self.min_score = book, min_score
    >>> c = Coder(min_score=0.6)
    >>> c, c.get_params()
    (Coder(min_score=0.6), {'book': 'a', 'min_score': 0.6})
    >>> c.set_params(book="b")
    Coder(book='b', min_score=0.6)
    >>> c.set_params(minscore=1)
    Traceback (most recent call last):
    ...
    ValueError: Invalid parameter 'minscore' for estimator Coder(book='b', min_score=0.6). Valid parameters are: ['book', 'min_score'].
    """

    @classmethod
    def _param_names(cls) -> list[str]:
        """The parameters of ``__init__`` but ``self`` (sorted, as scikit-learn lists them); no ``*args``."""
        found = [p for p in inspect.signature(cls.__init__).parameters.values() if p.name != "self"]
        if any(p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) for p in found):
            raise RuntimeError(f"{cls.__name__}'s __init__ must name each of its parameters (no *args or **kwargs)")
        return sorted(p.name for p in found)

    def get_params(self, deep: bool = True) -> dict[str, Any]:
        """The parameters by name; with ``deep``, those of a parameter that has ``get_params`` too, as
        ``name__sub``."""
        out = {}
        for name in self._param_names():
            value = getattr(self, name)
            if deep and hasattr(value, "get_params") and not isinstance(value, type):
                out.update((f"{name}__{k}", v) for k, v in value.get_params().items())
            out[name] = value
        return out

    def set_params(self, **params: Any) -> Params:
        """Set the parameters named (``name__sub`` sets a parameter's own); returns the coder."""
        valid = self.get_params(deep=True)
        nested: dict[str, dict[str, Any]] = {}
        for key, value in params.items():
            name, sub, rest = key.partition("__")
            if name not in valid:
                raise ValueError(f"Invalid parameter {name!r} for estimator {self}. Valid parameters are: "
                                 f"{self._param_names()!r}.")
            if sub:
                nested.setdefault(name, {})[rest] = value
            else:
                setattr(self, name, value)
                valid[name] = value
        for name, sub_params in nested.items():
            valid[name].set_params(**sub_params)
        return self

    def __repr__(self) -> str:
        defaults = {p.name: p.default for p in inspect.signature(type(self).__init__).parameters.values()}
        changed = [(name, value) for name, value in self.get_params(deep=False).items()
                   if not _same(value, defaults.get(name, inspect.Parameter.empty))]
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in changed)})"


def _same(value: Any, default: Any) -> bool:
    """Whether a parameter is its default (by identity, or equal where both are of one plain type)."""
    if value is default:
        return True
    try:
        return type(value) is type(default) and bool(value == default)
    except Exception:  # noqa: BLE001 - a value whose == is not a truth value (an array) is a change
        return False

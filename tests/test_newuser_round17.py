"""A new user's wrong calls get a clear answer (newuser17).

1. A misspelt keyword of ``build_report`` or ``build_summary`` was answered "did you mean '_history'?": a private
   keyword (kept for :func:`impact.run` alone) was suggested and listed among what the function takes.
2. Values of the right type that no call can mean (a share of 5, a negative seed, an option switched on by the text
   "no") were taken without a word or answered by numpy itself; bench/newuser17_values/sweep.py counts them.
"""

from __future__ import annotations

import inspect
import re

import pytest

import impact
from impact._keywords import explain_call


# --------------------------------------------------------------------------- 1. private keywords
def _with_private():
    """Every public callable of impact (and build_summary, whose options are build_report's) with a private keyword."""
    found = []
    for name in impact.__all__:
        f = getattr(impact, name)
        if not callable(f) or isinstance(f, type):
            continue
        params = inspect.signature(f).parameters
        if any(p.startswith("_") for p in params) or name == "build_summary":
            found.append((name, f))
    return found


@pytest.mark.parametrize("wrong", ["_hsitory", "_histor", "histoyr", "_history_", "hist"])
def test_a_misspelt_keyword_is_never_told_a_private_keyword(wrong):
    found = _with_private()
    assert {"build_report", "build_summary"} <= {name for name, _ in found}
    for name, f in found:
        with pytest.raises(TypeError) as caught:
            f(None, **{wrong: 1})
        message = str(caught.value)
        # before: "... unexpected keyword argument '_hsitory' (did you mean '_history'?) - it takes build_report(
        # findings, *, ..., release_history=..., _history=...)."
        assert message.startswith(f"impact.{name}() got an unexpected keyword argument {wrong!r}"), message
        assert not re.search(r"(?<![a-z])_history", message.replace(repr(wrong), "")), message
        assert message.endswith(f" - it takes {name}(findings, *, identify=..., min_count=..., quote_k=..., key=..., "
                                "council_matrix=..., release_history=...)."), message


def test_a_private_keyword_of_any_function_is_neither_listed_nor_suggested_and_public_ones_still_are():
    def report(findings, *, min_count=5, release_history=None, _seed=0, _history=None): ...

    said = explain_call(report, (None,), {"_sede": 1})
    assert said.endswith("report() got an unexpected keyword argument '_sede' - it takes report(findings, *, "
                         "min_count=..., release_history=...)."), said
    said = explain_call(report, (None,), {"min_coutn": 1})
    assert "(did you mean 'min_count'?) - it takes report(findings, *, min_count=..., release_history=...)." in said
    # a required parameter whose name begins with _ is the user's to give: it is listed
    def other(_data, *, level=1): ...

    assert "it takes other(_data, *, level=...)" in explain_call(other, (None,), {"levle": 1})
    # the private keyword itself, given by impact, still binds
    assert explain_call(report, (None,), {"_history": object()}) is None

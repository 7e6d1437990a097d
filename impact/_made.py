"""What one of impact's own objects is, told where another was expected, with the call that makes the one expected
from it (newuser15).

A new user passes what they have where something else is taken: the study where its segments are
(``export_review(study, ...)``), a coder's output where agreement reads codings by coder (``agreement_table(coded)``),
the segments where codings are (``council_panel(study, segments)``), a study's table where the study is, the study
where a panel is (``trajectories(study)``), the findings or a run's result where the study or a panel is. Each was told
only the type expected ("`segments` must be a pandas DataFrame, but Study was passed") or the columns lacking, and
once "(for 'coder', did you mean 'code'?)", which sent the user the wrong way. :func:`made_hint` says what the object
passed is, told from its type or its columns (never from a variable's name), and the call that makes the one
expected from it: one table of recipes read by every check of an argument holding one of impact's objects.
"""

from __future__ import annotations

import os

import pandas as pd

__all__: list[str] = []

#: What each of impact's objects is, said in a message.
_SAID = {
    "study": "a loaded Study",
    "findings": "the findings of impact.analyse",
    "result": "what impact.run returned",
    "codebook": "a Codebook",
    "segments": "a table of segments (impact.segment's)",
    "coded": "one coder's output (unit, code, score, ...)",
    "units": "codings by coder (impact.coding_to_units's unit, coder, code, value)",
    "council_panel": "a council panel (impact.council_panel's)",
    "participant_panel": "a participant panel (impact.participant_panel's)",
    "path": "a path",
}

_PANEL = "panel = impact.council_panel(study, coded, segments=segments) (or impact.participant_panel)"
_CODE = "coded = impact.RuleCoder(impact.Codebook.nfer()).code(segments)"
_UNITS = ("units = impact.coding_to_units({'ann': ann_coded, 'machine': coded}, units=segments): one table of every "
          "coder's codings")

#: (what was passed, what was expected) -> what to do.
_RECIPES = {
    ("study", "segments"): "make its segments first, segments = impact.segment(study)",
    ("study", "texts"): "make its segments first and code those, segments = impact.segment(study); " + _CODE,
    ("study", "coded"): "code its segments first, segments = impact.segment(study); " + _CODE,
    ("study", "panel"): "build a panel from it first, " + _PANEL,
    ("study", "units"): "code it first and put the coders' codings together, " + _UNITS,
    ("study", "findings"): "analyse it first, findings = impact.analyse(study)",
    ("segments", "coded"): "code them first, " + _CODE,
    ("segments", "panel"): "code them and build a panel, " + _CODE + "; " + _PANEL,
    ("segments", "study"): "pass the study they were made from, study = impact.load_study(folder)",
    ("coded", "units"): "put the coders' codings together first, " + _UNITS,
    ("coded", "panel"): "build a panel from it first, " + _PANEL,
    ("coded", "segments"): "pass the segments it codes, segments = impact.segment(study)",
    ("coded", "texts"): "it is coded already; pass it where codings are taken (impact.council_panel(study, coded))",
    ("coded", "study"): "pass the study it codes, study = impact.load_study(folder)",
    ("units", "coded"): "pass one coder's output, units[units['coder'] == 'ann'] holds only its codes and values",
    ("units", "panel"): "build a panel from one coder's output, " + _PANEL,
    ("council_panel", "study"): "pass the study it was built from",
    ("participant_panel", "study"): "pass the study it was built from",
    ("council_panel", "coded"): "pass the codings it was built from",
    ("participant_panel", "coded"): "pass the codings it was built from",
    ("council_panel", "units"): "agreement reads codings by coder, " + _UNITS,
    ("participant_panel", "units"): "agreement reads codings by coder, " + _UNITS,
    ("findings", "study"): "its study is findings.study",
    ("findings", "panel"): "its panels are findings.panel and findings.participant_panel",
    ("findings", "coded"): "its codings are findings.coded",
    ("findings", "segments"): "its segments are findings.segments",
    ("result", "findings"): "its findings are result.findings",
    ("result", "study"): "its study is result.findings.study",
    ("result", "panel"): "its panels are result.findings.panel and result.findings.participant_panel",
    ("table", "study"): "pass the study itself, study = impact.load_study(folder)",
    ("table", "segments"): "pass the study to impact.segment, segments = impact.segment(study)",
    ("table", "texts"): "make the study's segments, segments = impact.segment(study)",
    ("table", "panel"): "build a panel from the study first, " + _PANEL,
}


def kind_of(value: object) -> str | None:
    """Which of impact's objects ``value`` is (a key of :data:`_SAID`, or ``"table"`` for a study's table), told from
    its type or, for a DataFrame, its columns; None for anything else."""
    name = type(value).__name__
    if name in ("Study", "Findings", "RunResult", "Codebook") and type(value).__module__.startswith("impact."):
        return {"Study": "study", "Findings": "findings", "RunResult": "result", "Codebook": "codebook"}[name]
    if isinstance(value, (str, os.PathLike)):
        return "path"
    if not isinstance(value, pd.DataFrame):
        return None
    columns = {str(c) for c in value.columns}
    if {"segment_id", "interview_id", "text", "start", "end"} <= columns:
        return "segments"
    if {"unit", "coder", "value"} <= columns:
        return "units"
    if {"unit", "code", "score"} <= columns:
        return "coded"
    if {"council_id", "wave", "code", "share_reported"} <= columns:
        return "council_panel"
    if {"participant_id", "wave", "code", "reported"} <= columns:
        return "participant_panel"
    return "table" if _table(columns) else None


def _table(columns: set[str]) -> str | None:
    """The file name of the study table whose required columns ``columns`` holds (the one requiring most)."""
    from .schema import TABLES

    best = None
    for table in TABLES.values():
        required = {c.name for c in table.columns if getattr(c, "required", True)}
        if required and required <= columns and (best is None or len(required) > best[0]):
            best = (len(required), table.filename)
    return best[1] if best else None


def uncalled_hint(value: object) -> str:
    """`` (impact.Codebook.nfer is a function: call it, impact.Codebook.nfer())`` where ``value`` is a function, method
    or class of impact passed without being called (``RuleCoder(impact.Codebook.nfer)`` was told "but method was
    passed"); ``""`` for anything else.

    >>> from impact.coding.codebook import Codebook
    >>> uncalled_hint(Codebook.nfer)
    ' (impact.Codebook.nfer is a function, not called: call it, impact.Codebook.nfer())'
    >>> uncalled_hint(len)
    ''
    """
    import inspect

    target = getattr(value, "__func__", value)
    if not (inspect.isfunction(target) or inspect.isclass(target)) or \
            not str(getattr(target, "__module__", "")).startswith("impact"):
        return ""
    from ._keywords import _public_home

    name = f"{_public_home(target)}.{target.__qualname__}"
    if inspect.isclass(target):
        return f" (the class {name} itself, not one of its objects: make one, {name}(...))"
    return f" ({name} is a function, not called: call it, {name}())"


def made_hint(value: object, wanted: str) -> str:
    """`` (what value is: what to do)``, to end a message refusing ``value`` where ``wanted`` (``"study"``,
    ``"segments"``, ``"texts"``, ``"coded"``, ``"panel"``, ``"units"``, ``"findings"``) is taken; ``""`` where
    ``value`` is none of impact's objects, is the kind wanted, or no call makes the one from the other.

    >>> import pandas as pd
    >>> made_hint(pd.DataFrame(columns=["unit", "code", "score", "start", "end"]), "units")
    " (one coder's output (unit, code, score, ...): put the coders' codings together first, units = impact.coding_to_units({'ann': ann_coded, 'machine': coded}, units=segments): one table of every coder's codings)"
    >>> made_hint(3, "segments")
    ''
    """
    if uncalled := uncalled_hint(value):
        return uncalled
    kind = kind_of(value)
    if kind is None or kind == "path" or kind == wanted or (kind.endswith("_panel") and wanted == "panel"):
        return ""
    recipe = _RECIPES.get((kind, wanted))
    if recipe is None:
        return ""
    said = _SAID.get(kind) or f"the study's {_table({str(c) for c in value.columns})} table"
    return f" ({said}: {recipe})"


def listed_hint(value: object, said: list[str], each: str = "") -> str:
    """`` (a list names none of its 2 items: pass a dict naming each coder, e.g. {'A': first, 'B': second})`` where
    ``value`` is a list or tuple given for an argument taking a dict (``said``, the kinds it takes, holds ``"a dict"``)
    and no list; ``each``: what the dict's keys name (``"coder"``). ``coding_to_units([ann_coded, coded])`` was told
    only "`coded` must be a pandas DataFrame, but list was passed", which names neither the dict nor what its keys are
    for (newuser16); ``""`` for anything else.

    >>> listed_hint(["x", "y", "z"], ["a dict"], "coder")
    " (a list names none of its 3 items: pass a dict naming each coder, e.g. {'A': first, 'B': second, 'C': third})"
    >>> listed_hint({"a": 1}, ["a dict"]), listed_hint([1], ["a list"])
    ('', '')
    """
    if not isinstance(value, (list, tuple)) or "a dict" not in said or "a list" in said:
        return ""
    ordinals = ("first", "second", "third")
    example = ", ".join(f"{chr(ord('A') + i)!r}: {ordinals[i]}" for i in range(max(2, min(len(value), 3))))
    items = f"its {len(value)} item{'s' if len(value) != 1 else ''}"
    return (f" (a {type(value).__name__} names none of {items}: pass a dict naming each{' ' + each if each else ''}, "
            f"e.g. {{{example}}})")

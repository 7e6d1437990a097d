"""No function or class of the package is defined twice in one body.

A second ``def`` of the same name at module level silently replaces the first for every caller, including those
written above it: ruff's F811 does not flag it when the first definition is referenced inside a function body. The
merge of truth46 left two ``_comparison_shown`` in impact/report/_build.py, the second returning a tuple (always
true) where the callers of the first expected a bool, and the comparisons' Holm family then counted withheld rows as
published (tests/test_disclosure_round42.py failed). This walks every module's top level and every class body; a name
bound twice by ``def``/``class`` in the same body (not inside ``if``/``try``, where alternatives are deliberate) fails.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted(p for d in ("impact", "analysis") for p in (ROOT / d).rglob("*.py") if "_bundle" not in p.parts)


def _twice(body: list[ast.stmt], where: str) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for node in body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            # an overload or a property's setter binds the name again on purpose
            decorators = {ast.unparse(d) for d in node.decorator_list}
            if any(d.endswith((".setter", ".deleter", "overload", ".register")) or d == "overload" for d in decorators):
                continue
            if node.name in seen:
                out.append(f"{where}: {node.name} defined at lines {seen[node.name]} and {node.lineno}")
            seen[node.name] = node.lineno
            if isinstance(node, ast.ClassDef):
                out += _twice(node.body, f"{where}:{node.name}")
    return out


def duplicate_definitions(source: str, where: str) -> list[str]:
    """Each name a body defines twice, as 'where: name defined at lines a and b'.

    >>> duplicate_definitions("def f():\\n    g()\\ndef g(): pass\\ndef f(): pass\\n", "m.py")
    ['m.py: f defined at lines 1 and 4']
    >>> duplicate_definitions("try:\\n    def f(): pass\\nexcept ImportError:\\n    def f(): pass\\n", "m.py")
    []
    """
    return _twice(ast.parse(source).body, where)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_name_is_defined_twice(path):
    assert not duplicate_definitions(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))


def test_the_check_finds_the_merge_fault():
    """The two definitions the truth46 merge left (commit cbec17df) are found: the check can fail."""
    source = ("def _comparison_shown(ctx, r) -> bool:\n    return ctx.shown(r)\n\n"
              "def _comparison_shown(ctx, r) -> tuple:\n    return True, True, True\n")
    assert duplicate_definitions(source, "_build.py") == ["_build.py: _comparison_shown defined at lines 1 and 4"]

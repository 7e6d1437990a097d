"""Every message an analyst or user reads counts its nouns in the right number: "1 row", "2 rows", "1 cell ... is",
"2 cells ... are", "the column 'x'", "the columns 'x', 'y'", never "row(s)" (house style: plain English).

Each case plants ``k`` faulty items (rows without a unit, missing columns, unreadable cells, unknown tables, ...)
through the public API or the CLI and reads the message back: with one item it must say the singular, with two or
three the plural with the planted count, and no "(s)" anywhere.  A static check reads every string literal of the
package (comments and regular expressions aside) for a word followed by "(s)".
"""

from __future__ import annotations

import ast
import re
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import impact
from impact.errors import Problem, ValidationError, collapse_problems

PACKAGE = Path(impact.__file__).resolve().parent


def _panel(n_units: int = 8, n_times: int = 4) -> pd.DataFrame:
    """A balanced panel: half the units treated from period 2, a binary and a continuous outcome."""
    rng = np.random.default_rng(20261204)
    rows = [(u, t) for u in range(n_units) for t in range(n_times)]
    data = pd.DataFrame(rows, columns=["council_id", "period"])
    data["first"] = np.where(data["council_id"] < n_units // 2, 2, 0)
    data["treated"] = ((data["first"] > 0) & (data["period"] >= data["first"])).astype(int)
    data["y"] = rng.normal(size=len(data)) + data["treated"]
    data["binary"] = (data["y"] > 0.5).astype(int)
    data["group"] = np.where(data["council_id"] % 2 == 0, "a", "b")
    return data


def _message(call) -> str:
    """The text of the error ``call`` raises."""
    with pytest.raises((ValueError, TypeError)) as info:
        call()
    return str(info.value)


def _warned(call, category=Warning) -> str:
    """Every warning ``call`` raises of ``category``, joined (the rest are ignored)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        call()
    return "\n".join(str(w.message) for w in caught if issubclass(w.category, category))


def _blanked(column: str, k: int) -> pd.DataFrame:
    """The panel with ``column`` missing in its first ``k`` rows (the planted count)."""
    data = _panel().astype({column: float})
    data.loc[data.index[:k], column] = np.nan
    return data


def _did(data: pd.DataFrame):
    from impact.stats import did

    return lambda: did(data, outcome="y", unit="council_id", time="period", treated="treated", n_permutations=0)


def _no_unit(k: int) -> str:
    return _message(_did(_blanked("council_id", k)))


def _no_outcome(k: int) -> str:
    from impact.stats import MissingValueWarning

    return _warned(_did(_blanked("y", k)), MissingValueWarning)


def _no_time(k: int) -> str:
    from impact.stats import staggered_did

    data = _blanked("period", k)
    return _message(lambda: staggered_did(data, outcome="y", unit="council_id", time="period", first_treated="first",
                                          n_bootstrap=0))


def _no_cluster(k: int) -> str:
    from impact.stats import clustered_prevalence

    data = _blanked("council_id", k)
    return _message(lambda: clustered_prevalence(data, outcome="binary", cluster="council_id"))


def _lacking_columns(k: int) -> str:
    from impact.stats import compare_groups

    names = {"outcome": "not_an_outcome", "group": "not_a_group", "by": "not_a_by"}
    given = {arg: (names[arg] if i < k else col) for i, (arg, col) in enumerate(
        [("outcome", "binary"), ("group", "group"), ("by", "period")])}
    return _message(lambda: compare_groups(_panel(), **given))


def _missing_outcome(k: int) -> str:
    from impact.stats import longitudinal_model

    data = _panel(n_units=10, n_times=3)
    data.loc[data.index[:k], "y"] = np.nan
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = longitudinal_model(data, formula="y ~ period", unit="council_id", time="period", method="gee")
    return "\n".join(res.notes)


def _dfe(tmp_path: Path, k: int, errors: str) -> str:
    from impact.official import read_dfe

    header = "time_period,time_identifier,geographic_level,new_la_code,old_la_code,la_name,referral_count"
    cells = ["41O5", "4..1"]  # a letter O for a zero, a doubled point: neither a number nor a DfE symbol
    rows = [f"2022,Reporting year,Local authority,E0600006{i},94{i},Council {i},{cells[i] if i < k else 100 + i}"
            for i in range(8)]
    path = tmp_path / "dfe.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    if errors == "raise":
        return _message(lambda: read_dfe(path, errors="raise"))
    return _warned(lambda: read_dfe(path, errors="warn"))


def _unknown_tables(k: int) -> str:
    from impact import Study

    tables = {name: pd.DataFrame() for name in ["not_a_table", "nor_this"][:k]}
    return _message(lambda: Study({}, tables))


def _same_on(k: int) -> str:
    problems = [Problem("a.csv", row, "x", "?", "a number") for row in range(2, 3 + k)]
    return str(ValidationError(collapse_problems(problems), source="a.csv"))


def _report(k: int) -> str:
    from impact.validate import format_report

    problems = [Problem("a.csv", row, "x", "?", "a number") for row in range(2, 2 + k)]
    problems += [Problem("b.csv", row, "y", "!", "a word", severity="warning") for row in range(2, 2 + k)]
    return format_report(problems)


def _cli(capsys, k: int) -> str:
    from impact.cli import main

    assert main(["validate", "STUDY", "--bogus", *["3"] * (k - 1)]) == 2
    return capsys.readouterr().err


CASES = {
    # name: (make the message from k, what one says, what k = 2 says); {k} is the planted count
    "did: rows without a unit": (lambda k, **_: _no_unit(k), "missing in 1 row with an observed outcome",
                                 "missing in {k} rows with an observed outcome"),
    "did: rows left out": (lambda k, **_: _no_outcome(k), "1 of 32 rows has no 'y', 'treated' or 'period' and was left",
                           "{k} of 32 rows have no 'y', 'treated' or 'period' and were left"),
    "staggered_did: rows without a time": (lambda k, **_: _no_time(k), "1 row has no `unit` or `time` value",
                                           "{k} rows have no `unit` or `time` value"),
    "clustered_prevalence: rows without a cluster": (lambda k, **_: _no_cluster(k),
                                                     "is missing in 1 row that has 'binary'",
                                                     "is missing in {k} rows that have 'binary'"),
    "compare_groups: columns the data lack": (lambda k, **_: _lacking_columns(k),
                                              "lacks the column 'not_an_outcome' (from `outcome`); it has",
                                              "lacks the columns 'not_an_outcome' (from `outcome`), 'not_a_group' "
                                              "(from `group`)"),
    "longitudinal_model: rows left out": (lambda k, **_: _missing_outcome(k), "1 row with a missing value left out",
                                          "{k} rows with a missing value left out"),
    "read_dfe: cells that cannot be read (warning)": (lambda k, tmp_path, **_: _dfe(tmp_path, k, "warn"),
                                                      "dfe.csv: 1 cell could not be read and is missing",
                                                      "dfe.csv: {k} cells could not be read and are missing"),
    "read_dfe: cells that cannot be read (error)": (lambda k, tmp_path, **_: _dfe(tmp_path, k, "raise"),
                                                    "dfe.csv: 1 problem found", "dfe.csv: {k} problems found"),
    "Study: unknown tables": (lambda k, **_: _unknown_tables(k), "Unknown table 'not_a_table'; expected",
                              "Unknown tables 'nor_this', 'not_a_table'; expected"),
    "collapse_problems: the same on more rows": (lambda k, **_: _same_on(k), "(the same on 1 more row: 3)",
                                                 "(the same on {k} more rows: 3, 4)"),
    "format_report: errors and warnings": (lambda k, **_: _report(k), "1 error, 1 warning",
                                           "{k} errors, {k} warnings"),
    "impact CLI: unrecognized arguments": (lambda k, capsys, **_: _cli(capsys, k), "unrecognized argument: --bogus -",
                                           "unrecognized arguments: --bogus 3 -"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_message_counts_its_nouns_in_the_number_planted(case, tmp_path, capsys):
    """One planted item gives the singular, two the plural with the count, and neither writes "(s)"."""
    make, one, many = CASES[case]
    for k, expected in ((1, one), (2, many.format(k=2))):
        said = make(k, tmp_path=tmp_path, capsys=capsys)
        assert expected in said, (k, said)
        assert "(s)" not in said, (k, said)


#: A word (two letters or more, or a placeholder) followed by "(s)": "row(s)", "{noun}(s)".
_COUNTED_LOOSELY = re.compile(r"(?:\b[A-Za-z][A-Za-z-]*[A-Za-z]|\uFFFC)\(s\)")


def _regex_arguments(tree: ast.AST) -> set[int]:
    """The ids of string nodes passed to a function of ``re`` (a pattern: '(s)' there is a group, not a plural)."""
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                isinstance(node.func.value, ast.Name) and node.func.value.id in ("re", "regex"):
            ids |= {id(sub) for arg in node.args for sub in ast.walk(arg)}
    return ids


def _literals(source: str):
    """Every string literal of ``source`` as its text (an f-string's expressions as U+FFFC), with its line."""
    tree = ast.parse(source)
    skip = _regex_arguments(tree)
    inside_f = {id(v) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for v in node.values}
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.JoinedStr):
            yield node.lineno, "".join(v.value if isinstance(v, ast.Constant) else "\uFFFC" for v in node.values)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in inside_f:
            # a docstring's examples are code ('>>> a, b = anaphor(s)'), not words
            yield node.lineno, "\n".join(line for line in node.value.splitlines()
                                         if not line.lstrip().startswith((">>>", "... ")))


def test_no_string_of_the_package_writes_a_noun_with_s_in_brackets():
    """Messages, notes and docstrings say "1 row" or "2 rows", not "row(s)"; a pattern's group '(s)' and a formula's
    ``I(s)`` are not words followed by it, nor is a call in a docstring's example."""
    sample = ('"""Count the row(s).\n\n>>> find(s)\n"""\nimport re\nx = f"{n} council(s)"\ny = f"{noun}(s) left"\n'
              'z = re.compile(r"(impact)(s)?")\nw = "z(s) = sum_i u_i(s) / I(s)"\n# a comment on row(s)\n')
    hits = [m.group(0) for _, text in _literals(sample) for m in _COUNTED_LOOSELY.finditer(text)]
    assert sorted(hits) == sorted(["row(s)", "council(s)", "\uFFFC(s)"])  # the check finds what it looks for
    found = [f"{path.relative_to(PACKAGE.parent)}:{line}: {m.group(0)!r}"
             for path in sorted(PACKAGE.rglob("*.py")) if "_bundle" not in path.parts
             for line, text in _literals(path.read_text(encoding="utf-8")) for m in _COUNTED_LOOSELY.finditer(text)]
    assert found == []

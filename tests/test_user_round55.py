"""Round 55: examples an analyst can run, and calls that cannot be misread (user55).

Every public name of ``impact.__all__`` (and every public method of its classes) has an Examples section with at least
one ``>>>`` line, run as a doctest by ``make test`` (setup.cfg: ``--doctest-modules`` over ``impact``) unless it says
why not; and no public function takes two values of the same kind (two tables, two paths, two proportions) side by side
by position, where a swapped call is accepted and silently wrong: the second is keyword-only, and for one release a
positional call still works with a FutureWarning naming the keyword.
"""

from __future__ import annotations

import ast
import inspect
import json
import re
import warnings
from pathlib import Path

import pandas as pd
import pytest

import impact

ROOT = Path(impact.__file__).resolve().parents[1]  # the checkout whose package is tested

#: Public names without an Examples section, and why.
NO_EXAMPLES = {
    "__version__": "a str: its value is the example",
    "schema": "a module: its functions carry the examples",
    "vocab": "a module of constants: its functions carry the examples",
    "MEASURES": "a dict: Python gives a dict no docstring of its own; the measures are described in impact.measures",
}

#: Functions whose same-kind neighbours became keyword-only (user55): name -> (positional kept, keyword-only names).
KEYWORD_ONLY = {
    "export_review": (1, ("coded", "path")),
    "project_from_study": (1, ("coded_by_coder", "codebook")),
    "event_time": (1, ("events",)),
    "judgement_at": (1, ("data",)),
    "rate_per_10k": (1, ("population",)),
    "power_prevalence": (0, ("p_a", "p_b")),
    "councils_needed": (0, ("p_a", "p_b")),
    "run": (1, ("out_dir",)),
}

#: Neighbouring positional parameters of one kind left as they are, and why.
SAME_KIND_ALLOWED = {
    ("RuleCoder.fit", "X", "y"): "scikit-learn's fit(X, y): every estimator takes them so, by position",
    ("TrainedCoder.fit", "X", "y"): "scikit-learn's fit(X, y): every estimator takes them so, by position",
}

_EXAMPLES = re.compile(r"^Examples\n-{3,}\n(.*?)(?=^\w[\w ]*\n-{3,}$|\Z)", re.MULTILINE | re.DOTALL)


def _public() -> list[tuple[str, object]]:
    found = []
    for name in impact.__all__:
        obj = getattr(impact, name)
        found.append((name, obj))
        if inspect.isclass(obj) and not issubclass(obj, BaseException):
            for attr, value in vars(obj).items():
                value = value.__func__ if isinstance(value, (staticmethod, classmethod)) else value
                if inspect.isfunction(value) and not attr.startswith("_"):
                    found.append((f"{name}.{attr}", value))
    return found


def test_the_names_without_examples_are_the_documented_exemptions():
    assert len(_public()) > 130  # the checks look at the API, not at an empty list
    missing = [name for name, obj in _public()
               if not _EXAMPLES.search(inspect.cleandoc(getattr(obj, "__doc__", None) or ""))]
    assert sorted(missing) == sorted(NO_EXAMPLES)


@pytest.mark.parametrize("name", [n for n, _ in _public()])
def test_each_public_name_has_an_example(name):
    obj = dict(_public())[name]
    if name in NO_EXAMPLES:
        assert not _EXAMPLES.search(inspect.cleandoc(getattr(obj, "__doc__", None) or "")) or inspect.ismodule(obj), \
            f"{name} has Examples now: take it off NO_EXAMPLES"
        return
    section = _EXAMPLES.search(inspect.cleandoc(obj.__doc__ or ""))
    assert section, f"{name} has no Examples section"
    text = section[1]
    assert re.search(r"^>>> ", text, re.MULTILINE), f"{name}: its Examples section has no >>> line"
    run = [line for line in text.splitlines() if line.startswith(">>> ") and "doctest: +SKIP" not in line]
    if not run:  # not run as a doctest: the section must say why
        assert re.search(r"not run as a\s+test", text), f"{name}: every line skipped and no reason given"


def _kind(annotation: object) -> str | None:
    """The kind of value a parameter takes, from its annotation: a table, a path, a number or text."""
    text = annotation if isinstance(annotation, str) else getattr(annotation, "__name__", str(annotation))
    if text is inspect.Parameter.empty or text in ("_empty", "Any", "object"):
        return None
    if "DataFrame" in text:
        return "table"
    if "Path" in text or "PathLike" in text:
        return "path"
    if text.replace(" ", "") in ("float", "int", "float|None", "int|None"):
        return "number"
    if text.replace(" ", "") in ("str", "str|None"):
        return "text"
    return None


def test_no_public_function_takes_two_values_of_one_kind_side_by_side_by_position():
    hazards = []
    for name, obj in _public():
        if not callable(obj) or inspect.isclass(obj):
            continue
        params = [p for p in inspect.signature(obj).parameters.values()
                  if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) and p.name not in ("self", "cls")]
        for a, b in zip(params, params[1:]):
            kind = _kind(a.annotation)
            if kind and kind == _kind(b.annotation) and (name, a.name, b.name) not in SAME_KIND_ALLOWED:
                hazards.append(f"{name}({a.name}, {b.name}): two {kind}s")
    assert not hazards, hazards


@pytest.mark.parametrize("name", list(KEYWORD_ONLY))
def test_the_ambiguous_parameters_are_keyword_only_in_the_signature(name):
    keep, names = KEYWORD_ONLY[name]
    params = inspect.signature(getattr(impact, name)).parameters
    for n in names:
        assert params[n].kind is inspect.Parameter.KEYWORD_ONLY, (name, n)


_POP = pd.DataFrame({"council_id": ["301"], "measure": ["population_estimate"], "period": ["2020-03-31"],
                     "value": [50_000.0]})
_COUNTS = pd.DataFrame({"council_id": ["301"], "measure": ["referral_count"], "period": ["2020-03-31"],
                        "value": [600.0]})


def test_a_positional_call_still_works_with_a_future_warning_naming_the_keyword():
    with pytest.warns(FutureWarning, match=r"rate_per_10k: passing `population` by position is deprecated .* "
                                           r"pass population=\.\.\."):
        old = impact.rate_per_10k(_COUNTS, _POP, measure="referral_count")
    new = impact.rate_per_10k(_COUNTS, population=_POP, measure="referral_count")
    pd.testing.assert_frame_equal(old, new)
    assert new["value"].tolist() == pytest.approx([120.0])  # 600 / 50,000 x 10,000
    with pytest.warns(FutureWarning, match=r"passing `p_a`, `p_b` by position .* pass p_a=\.\.\., p_b=\.\.\."):
        old = impact.power_prevalence(0.3, 0.7, n_a=10, n_b=20)
    pd.testing.assert_frame_equal(old, impact.power_prevalence(p_a=0.3, p_b=0.7, n_a=10, n_b=20))


def test_a_swapped_power_call_differs_so_the_proportions_are_named():
    # why p_a and p_b are keyword-only: with unequal groups a swapped call answers another question (Fisher's exact
    # test: 0.31 against 0.42; the normal approximation alone is symmetric in them)
    a = impact.power_prevalence(p_a=0.2, p_b=0.6, n_a=5, n_b=40, method="exact").loc[0, "power"]
    b = impact.power_prevalence(p_a=0.6, p_b=0.2, n_a=5, n_b=40, method="exact").loc[0, "power"]
    assert a == pytest.approx(0.312, abs=0.001) and b == pytest.approx(0.425, abs=0.001)
    with pytest.warns(FutureWarning, match="p_a=..., p_b=..."):
        assert impact.power_prevalence(0.6, 0.2, n_a=5, n_b=40, method="exact").loc[0, "power"] == b


def test_a_positional_export_review_warns_and_writes_the_same_workbook(tmp_path):
    seg = pd.DataFrame({"segment_id": ["I1:1"], "text": ["We felt valued."], "start": [0]})
    coded = pd.DataFrame({"unit": ["I1:1"], "code": ["morale"], "score": [0.9]})
    with pytest.warns(FutureWarning, match=r"export_review: passing `coded`, `path` by position .* coded=\.\.\., "
                                           r"path=\.\.\."):
        path = impact.export_review(seg, coded, tmp_path / "old.xlsx")
    assert path == tmp_path / "old.xlsx" and path.is_file()
    with warnings.catch_warnings():
        warnings.simplefilter("error", FutureWarning)
        assert impact.export_review(seg, coded=coded, path=tmp_path / "new.xlsx").is_file()


def test_a_wrong_positional_call_is_a_type_error():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        with pytest.raises(TypeError, match=r"rate_per_10k\(\) takes 1 positional argument and then keyword "
                                            r"arguments \(population=\.\.\., measure=\.\.\."):
            impact.rate_per_10k(_COUNTS, _POP, "referral_count")
        with pytest.raises(TypeError, match=r"got multiple values for argument 'population'"):
            impact.rate_per_10k(_COUNTS, _POP, population=_POP, measure="referral_count")


def _calls(source: str):
    """(function name, number of positional arguments) of each call in Python source."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if name in KEYWORD_ONLY:
                yield name, len([a for a in node.args if not isinstance(a, ast.Starred)]), ast.unparse(node)[:80]


def _sources():
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), *sorted((ROOT / "analysis").glob("*.py")),
                 *sorted((ROOT / "notebooks").glob("*.ipynb"))]:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".py":
            yield path, text
        elif path.suffix == ".ipynb":
            for cell in json.loads(text)["cells"]:
                if cell["cell_type"] == "code":
                    yield path, "".join(cell["source"])
        else:
            for block in re.findall(r"```python\n(.*?)```", text, re.DOTALL):
                yield path, block


def test_the_docs_notebooks_and_analysis_name_the_keyword_only_arguments():
    seen, positional = 0, []
    for path, source in _sources():
        for name, n_args, call in _calls(source):
            seen += 1
            if name == "run" and "impact" not in call and path.suffix == ".md":
                continue  # another run()
            if n_args > KEYWORD_ONLY[name][0]:
                positional.append(f"{path.relative_to(ROOT)}: {call}")
    assert seen >= 10  # the calls are there to check
    assert not positional, positional

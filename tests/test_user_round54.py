"""Round 54: the analyst's API read as a demanding user (user54).

Every public function of ``impact.__all__`` documents each parameter of its signature (and no other), says what it
returns and what it raises (numpydoc); the argument a message names is the one the caller passed (``Codebook.load``
said ``codebook`` of its ``name_or_path``, and a coder's ``codebook`` was told as ``name_or_path``); and a wrong type
given to a public function is a TypeError naming the argument and what was expected, not pathlib's "expected str,
bytes or os.PathLike object", numpy's "could not convert string to float" or an AttributeError deep inside.
"""

from __future__ import annotations

import inspect
import re

import pandas as pd
import pytest

import impact

_HEADER = re.compile(r"^(\w[\w ]*)\n-{3,}$", re.MULTILINE)


def _sections(doc: str) -> dict[str, str]:
    """A numpydoc docstring's sections by header (the text up to the next header)."""
    doc = inspect.cleandoc(doc or "")
    found = list(_HEADER.finditer(doc))
    return {m[1]: doc[m.end():(found[i + 1].start() if i + 1 < len(found) else len(doc))]
            for i, m in enumerate(found)}


def _documented_parameters(doc: str) -> list[str]:
    """The names a Parameters section documents: each unindented line ``name : type`` or ``a, b, c`` (numpydoc's
    "params sharing one description"), ``**options`` read as ``options``."""
    names = []
    for line in (_sections(doc).get("Parameters") or "").splitlines():
        m = re.match(r"^(\*{0,2}\w+(?:\s*,\s*\*{0,2}\w+)*)\s*(?::|$)", line)
        if m:
            names += [n.strip().lstrip("*") for n in m[1].split(",")]
    return names


def _public_functions() -> list[str]:
    return [name for name in impact.__all__ if inspect.isfunction(getattr(impact, name))]


def _public_methods() -> list[str]:
    """``Class.method`` of each public method a class of ``impact.__all__`` defines (dataclass constructors, whose
    fields are attributes, are not among them)."""
    found = []
    for name in impact.__all__:
        cls = getattr(impact, name)
        if not inspect.isclass(cls) or issubclass(cls, BaseException):
            continue
        for attr, value in vars(cls).items():
            value = value.__func__ if isinstance(value, (staticmethod, classmethod)) else value
            if inspect.isfunction(value) and not attr.startswith("_"):
                found.append(f"{name}.{attr}")
    return found


def _resolve(name: str):
    obj = impact
    for part in name.split("."):
        obj = getattr(obj, part)
    return obj


def test_the_public_functions_are_many():
    # the check below must look at the API, not at an empty list
    assert len(_public_functions()) > 70
    assert len(_public_methods()) > 30


@pytest.mark.parametrize("name", _public_functions() + _public_methods())
def test_each_public_function_documents_its_signature_returns_and_raises(name):
    func = _resolve(name)
    doc = func.__doc__
    assert doc and doc.strip(), f"{name} has no docstring"
    sections = _sections(doc)
    order = ["Parameters", "Returns", "Yields", "Raises", "Warns", "See Also", "Notes", "References", "Examples"]
    heads = [h for h in sections if h in order]
    assert heads == sorted(heads, key=order.index), f"{name}: sections {heads} out of numpydoc's order"
    signature = inspect.signature(func)
    parameters = [p for p in signature.parameters if p not in ("self", "cls")]
    documented = _documented_parameters(doc)
    assert sorted(documented) == sorted(parameters), \
        f"{name}: documented {documented}, signature {parameters}"
    returns = signature.return_annotation
    if returns not in (None, "None", inspect.Signature.empty):
        assert "Returns" in sections or "Yields" in sections, f"{name} returns {returns} and has no Returns section"
    source = inspect.getsource(inspect.unwrap(func))
    body = source.split('"""', 2)[-1] if source.count('"""') >= 2 else source
    if re.search(r"^\s+raise \w", body, re.MULTILINE):
        assert "Raises" in sections, f"{name} raises and has no Raises section"
        raised = set(re.findall(r"^\s+raise (\w+)", body, re.MULTILINE))
        said = sections["Raises"]
        for kind in raised:
            if kind[0].isupper():  # a class raised, not a variable holding one
                assert re.search(rf"^(impact\.)?{kind}\b", said, re.MULTILINE), f"{name} raises {kind}, not listed"


def _dataclasses() -> list:
    import dataclasses

    return [name for name in impact.__all__ if dataclasses.is_dataclass(getattr(impact, name))]


@pytest.mark.parametrize("name", _dataclasses())
def test_each_public_dataclass_documents_its_fields_as_attributes(name):
    import dataclasses

    cls = getattr(impact, name)
    documented = []
    sections = _sections(cls.__doc__)
    # numpydoc: the fields as Attributes, or as Parameters where the class is made by the caller (``Problem``)
    for line in (sections.get("Attributes") or sections.get("Parameters") or "").splitlines():
        m = re.match(r"^(\w+(?:\s*,\s*\w+)*)\s*(?::|$)", line)
        if m:
            documented += [n.strip() for n in m[1].split(",")]
    fields = [f.name for f in dataclasses.fields(cls) if not f.name.startswith("_")]
    assert sorted(documented) == sorted(fields), name


def test_run_and_analyse_list_the_errors_of_a_wrong_argument():
    # user53 made both refuse a non-Study (TypeError) and a seed of text (ValueError); the docs did not say so
    for func in (impact.run, impact.analyse):
        raises = _sections(func.__doc__)["Raises"]
        for kind in ("TypeError", "ValueError", "impact.InputError"):
            assert re.search(rf"^{re.escape(kind)}$", raises, re.MULTILINE), (func.__name__, kind)


def test_a_codebook_message_names_the_argument_the_caller_gave():
    with pytest.raises(impact.InputError, match=r"The value for `name_or_path` must be one of \[.*'nfer_impacts'.*\] "
                                                r"or a path to a codebook YAML file, but 'nfer_impact' was passed"):
        impact.Codebook.load("nfer_impact")
    with pytest.raises(TypeError, match=r"The value for `name_or_path` must be a path"):
        impact.Codebook.load(3)
    texts = pd.Series(["We meet every week."])
    with pytest.raises(impact.InputError, match=r"The value for `codebook` must be one of .* but 'nfer_impact' was"):
        impact.RuleCoder("nfer_impact").code(texts)
    with pytest.raises(TypeError, match=r"The value for `codebook` must be a path"):
        impact.RuleCoder(None).code(texts)
    with pytest.raises(TypeError, match=r"The value for `codebook` must be a path"):
        impact.TrainedCoder(4).fit(texts, pd.DataFrame({"unit": [0], "code": ["morale"]}))


@pytest.mark.parametrize("call, pattern", [
    (lambda: impact.bundled_path(3), r"The value for `name` must be a str naming a bundled folder .* int was passed"),
    (lambda: impact.read_adjudication(42), r"The value for `path` must be a path .* adjudication workbook .* int"),
    (lambda: impact.import_review(None), r"The value for `path` must be a path .* review workbook .* NoneType"),
    (lambda: impact.read_qdpx(42), r"The value for `path` must be a path .*\.qdpx.* int was passed"),
    (lambda: impact.read_qdc(None), r"The value for `path` must be a path .*\.qdc.* NoneType was passed"),
    (lambda: impact.project_from_study("path/to/study"), r"`study` must be an impact.Study .* str was passed"),
    (lambda: impact.survey_effects(None), r"`study` must be an impact.Study .* NoneType was passed"),
    (lambda: impact.indicator_trends("path/to/study"), r"`study` must be an impact.Study .* str was passed"),
    (lambda: impact.build_report(None), r"`findings` must be an impact.Findings \(impact.analyse\), but NoneType"),
    (lambda: impact.build_summary("out/findings"), r"`findings` must be an impact.Findings .* str was passed"),
    (lambda: impact.adjust_pvalues(["0.01", "n/a"]), r"The value for `p` must be p-values .* was passed"),
], ids=["bundled_path", "read_adjudication", "import_review", "read_qdpx", "read_qdc", "project_from_study",
        "survey_effects", "indicator_trends", "build_report", "build_summary", "adjust_pvalues"])
def test_a_wrong_type_is_a_type_error_naming_the_argument(call, pattern):
    with pytest.raises(TypeError, match=pattern):
        call()


def test_build_report_given_a_run_result_asks_for_its_findings(tmp_path):
    from impact.pipeline import RunResult

    result = RunResult(out_dir=tmp_path, files={}, findings=None)
    with pytest.raises(TypeError, match=r"but RunResult was passed \(what impact\.run returned: its findings are "
                                        r"result\.findings\)"):  # newuser15: made_hint's words
        impact.build_report(result)

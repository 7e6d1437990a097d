"""Every public function given a value of the wrong kind, and a command misspelt (newuser16).

``coding_to_units([ann_coded, coded])`` was told only "`coded` must be a pandas DataFrame, but list was passed",
naming neither the dict it takes nor what its keys are for; ``impact hlep`` was told only the commands. A sweep of
every function of ``impact.__all__`` (bench/newuser16_sweep), each parameter given in turn None, a number, a word, a
list, a dict, a loaded Study or a coder's output, found 234 of 1,680 calls answered by Python or pandas itself
("'NoneType' object has no attribute 'columns'", "unhashable type: 'list'", "The truth value of a DataFrame is
ambiguous", "expected str, bytes or os.PathLike object, not int").
"""

from __future__ import annotations

import importlib.util
import inspect
import sys
from pathlib import Path

import pandas as pd
import pytest

import impact
from impact.cli import main
from impact.errors import InputError

BENCH = Path(__file__).resolve().parents[1] / "bench" / "newuser16_sweep" / "sweep.py"


def _sweep():
    spec = importlib.util.spec_from_file_location("newuser16_sweep", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def coded_two():
    """Two coders' output on a synthetic study of three councils (seed 16_233, one the project has not used)."""
    study = impact.synth.generate(3, seed=16_233, interviews_per_wave=2, words_per_interview=160)
    segments = impact.segment(study)
    machine = impact.RuleCoder(impact.Codebook.nfer()).code(segments)
    other = impact.RuleCoder(impact.Codebook.nfer(), min_score=0.9).code(segments)
    return study, segments, machine, other


# --------------------------------------------------------------------------- 1. a list where a dict is taken
def _takes_a_dict_not_a_list(func) -> list[str]:
    """The parameters of ``func`` whose annotation admits a mapping and no sequence, read from its signature."""
    names = []
    for p in inspect.signature(func).parameters.values():
        said = str(p.annotation)
        if ("Mapping" in said or "dict" in said) and not any(s in said for s in ("Sequence", "list", "Iterable",
                                                                                  "tuple", "Any", "Collection")):
            names.append(p.name)
    return names


def test_a_list_where_a_dict_naming_each_is_taken_is_told_to_name_each(coded_two):
    study, segments, machine, other = coded_two
    # every such parameter of impact.__all__'s functions, read from the signatures (not a list of cases written here)
    found = {f"{n}.{p}" for n in impact.__all__ if callable(getattr(impact, n, None))
             and not isinstance(getattr(impact, n), type(impact)) for p in (_takes_a_dict_not_a_list(getattr(impact, n))
                                                                           if inspect.isfunction(getattr(impact, n))
                                                                           else [])}
    assert {"coding_to_units.coded", "character_agreement.coded", "project_from_study.coded_by_coder"} <= found, found
    right = {"coded": segments, "study": study, "units": segments}
    told = 0
    for where in sorted(found):
        name, param = where.split(".")
        func = getattr(impact, name)
        needed = [p for p in inspect.signature(func).parameters.values() if p.default is p.empty and p.name != param
                  and p.kind is not p.VAR_KEYWORD]
        if any(p.name not in right for p in needed):
            continue
        args = {p.name: right[p.name] for p in needed}
        for wrong in ([machine, other], (machine, other, machine)):
            with pytest.raises(TypeError) as caught:
                func(**args, **{param: wrong})
            message = str(caught.value)
            # before: "`coded` must be a pandas DataFrame, but list was passed." (coding_to_units)
            assert f"The value for `{param}` of impact.{name}() must be a dict" in message, message
            assert f"names none of its {len(wrong)} items: pass a dict naming each coder, e.g. {{'A': " in message, \
                message
            told += 1
    assert told >= 6
    # the advice followed: the dict's keys are the coders
    units = impact.coding_to_units({"A": machine, "B": other}, units=segments)
    assert set(units["coder"]) == {"A", "B"}
    assert len(units) == 2 * len(segments) * len(impact.Codebook.nfer().code_ids)


# --------------------------------------------------------------------------- 2. a misspelt command
@pytest.mark.parametrize("given", ["hlep", "hepl", "halp", "Hlep"])
def test_a_misspelt_help_is_told_the_help_option(given, capsys):
    assert main([given]) == 2
    err = capsys.readouterr().err
    # before: "invalid choice: 'hlep' (choose from ...)" and nothing more
    assert f"invalid choice: {given!r}" in err
    assert "(did you mean impact --help? impact --help lists the commands, impact COMMAND --help" in err, err
    assert main(["review", given]) == 2
    assert "did you mean impact review --help?" in capsys.readouterr().err
    # a word far from help and from every command is not sent to help; a command misspelt is told the command
    for other in ("xyz", "report"):
        assert main([other]) == 2
        assert "--help?" not in capsys.readouterr().err
    assert main(["valdate"]) == 2
    assert "(did you mean validate?)" in capsys.readouterr().err


# --------------------------------------------------------------------------- 3. every function, the wrong kind
def test_no_public_function_given_the_wrong_kind_answers_with_python_or_pandas_own_error():
    result = _sweep().sweep(everything=False, timeout=20)
    counts = result["counts"]
    assert counts["tried"] >= 1500, counts  # every function of impact.__all__, every parameter
    # before: 228 bare ("'NoneType' object has no attribute 'columns'", "unhashable type: 'list'", ...)
    assert result["bare"] == [], result["bare"][:10]


def test_a_wrong_kind_is_told_in_the_argument_s_terms_and_what_was_passed(coded_two):
    study, segments, machine, _ = coded_two
    panel = impact.council_panel(study, machine, segments=segments)
    cases = [  # (the call, the words the message must hold); each was Python's or pandas' own before
        (lambda: impact.agreement_table(panel, unit=["council_id"]),
         "The value for `unit` of impact.agreement_table() must be a str, but list was passed."),
        (lambda: impact.disagreements(panel, code=machine), "The value for `code` of impact.disagreements() must be "),
        (lambda: impact.to_council_id(["Leeds"], unmatched=machine),
         "must be one of ['warn', 'raise', 'ignore'], but DataFrame was passed"),
        (lambda: impact.krippendorff_alpha(panel, level=machine), "one of ['nominal', 'ordinal', 'interval', 'ratio']"),
        (lambda: impact.framework_matrix(study, study, segments=segments, codebook=None),
         "The value for `coded` of impact.framework_matrix() must be a pandas DataFrame, but Study was passed "
         "(a loaded Study: code its segments first"),
        (lambda: impact.export_review(segments, coded=machine, path=3),
         "The value for `path` of impact.export_review() must be a str or a path"),
        (lambda: impact.RuleCoder(chunk_size=None).code(segments),
         "The value for `chunk_size` of impact.RuleCoder() must be a whole number, but None was passed."),
    ]
    for call, words in cases:
        with pytest.raises(TypeError) as caught:
            call()
        assert words in str(caught.value), str(caught.value)


def test_a_right_call_and_impact_s_own_messages_are_unchanged(coded_two, tmp_path):
    study, segments, machine, other = coded_two
    # a value of the right kind that is wrong is told by the function itself, as before
    with pytest.raises(InputError, match="`min_score` must be in"):
        impact.RuleCoder(min_score="x").code(segments)
    with pytest.raises(InputError, match="file not found"):
        impact.validate_qdpx(tmp_path / "none.qdpx", schema=tmp_path / "none.xsd")
    # a right call returns what it did
    table = impact.agreement_table(impact.coding_to_units({"a": machine, "b": other}, units=segments),
                                   metrics=["percent_agreement"], by="code")
    assert isinstance(table, pd.DataFrame) and set(table["metric"]) == {"percent_agreement"}

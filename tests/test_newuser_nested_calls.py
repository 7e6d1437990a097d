"""A wrong argument found by a public function another public function calls (lead, stop 74).

``impact.report.machine_coding_note(None)`` said "The value for `codebook` of impact.report.weak_codes() must be
...": the function it calls, which the user never called. A message told by a wrapped call inside another is told
again in the outer call's name where the outer call's own argument does not fit; where it fits, the inner message
is passed on as it is (the outer call gave the inner one a value of its own making).
"""
import pytest

import impact
import impact.report as report
from impact._keywords import told_calls


@pytest.mark.parametrize("wrong", [None, 3, "nfer"])
def test_machine_coding_note_names_itself(wrong):
    with pytest.raises(TypeError) as caught:
        report.machine_coding_note(wrong)
    said = str(caught.value)
    assert "`codebook` of impact.report.machine_coding_note() must be an impact.Codebook" in said
    assert "weak_codes" not in said


def test_weak_codes_called_itself_still_names_itself():
    with pytest.raises(TypeError, match=r"`codebook` of impact\.report\.weak_codes\(\) must be an impact\.Codebook"):
        report.weak_codes(None)


def _inner(codebook: "Codebook") -> int:  # noqa: F821 (read as text, as impact's annotations are)
    return len(list(codebook.top_codes()))


def _outer_passing_its_own(codebook: "Codebook") -> int:  # noqa: F821
    return inner(codebook)


def _outer_making_one(n: int) -> int:
    return inner(None if n else impact.Codebook.nfer())


_inner.__module__ = _outer_passing_its_own.__module__ = _outer_making_one.__module__ = "impact.report"
inner = told_calls(_inner)
outer_passing_its_own, outer_making_one = told_calls(_outer_passing_its_own), told_calls(_outer_making_one)


def test_an_outer_call_whose_argument_does_not_fit_is_named():
    with pytest.raises(TypeError) as caught:
        outer_passing_its_own(None)
    assert "`codebook` of impact.report._outer_passing_its_own() must be" in str(caught.value)


def test_an_outer_call_whose_arguments_fit_passes_the_inner_message_on():
    with pytest.raises(TypeError) as caught:
        outer_making_one(1)
    assert "`codebook` of impact.report._inner() must be" in str(caught.value)
    assert outer_making_one(0) == len(list(impact.Codebook.nfer().top_codes()))

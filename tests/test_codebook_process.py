"""The bundled ``review_process`` codebook (issue 19 item 1).

Checks that it loads by name, has the structure the issue asks for (stages
and NFER's shaping factors as leaves of two parents, plus a separate
``recommendation`` code), that every leaf is documented with its stage,
valence notes, examples and rules, that the stage table of
``docs/labelling-guide-process.md`` agrees with the codebook, and that
:class:`impact.RuleCoder` runs on it and recovers each code from the invented
examples written for it (planted truth).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

import impact
from impact.coding import Codebook, available_codebooks

GUIDE = Path(__file__).resolve().parents[1] / "docs" / "labelling-guide-process.md"
STAGES = {
    "preparation", "on_site", "feedback", "action_planning", "written_feedback", "follow_up", "after_review",
    "whole_review", "programme",
}
# code -> (parent, stage): the design in docs/labelling-guide-process.md, sections 2 and 3.
EXPECTED = {
    "preparation": ("process_stage", "preparation"),
    "on_site": ("process_stage", "on_site"),
    "feedback_session": ("process_stage", "feedback"),
    "action_planning": ("process_stage", "action_planning"),
    "written_feedback": ("process_stage", "written_feedback"),
    "follow_up": ("process_stage", "follow_up"),
    "range_involved": ("shaping_factor", "whole_review"),
    "review_team": ("shaping_factor", "whole_review"),
    "method_focus": ("shaping_factor", "whole_review"),
    "staff_engagement": ("shaping_factor", "whole_review"),
    "findings_detail": ("shaping_factor", "feedback"),
    "action_plan_monitoring": ("shaping_factor", "after_review"),
    "local_context": ("shaping_factor", "whole_review"),
    "impact_evidence": ("shaping_factor", "after_review"),
    "cost_capacity": ("shaping_factor", "whole_review"),
    "recommendation": ("", "programme"),
}
_STAGE = re.compile(r"^Stage: ([a-z_]+)\. ")


@pytest.fixture(scope="module")
def codebook() -> Codebook:
    return Codebook.load("review_process")


@pytest.fixture(scope="module")
def coder(codebook) -> impact.RuleCoder:
    return impact.RuleCoder(codebook).fit()


def stage_of(codebook: Codebook, code_id: str) -> str:
    match = _STAGE.match(codebook.code(code_id)["definition"])
    assert match, f"{code_id}: definition does not start with 'Stage: <id>.'"
    return match.group(1)


def test_loads_by_name(codebook):
    assert "review_process" in available_codebooks()
    assert (codebook.id, codebook.version) == ("review_process", "1.0")
    assert impact.Codebook.load("review_process") == codebook
    assert Codebook.from_yaml(codebook.to_yaml()).hash == codebook.hash


def test_structure_parents_and_leaves(codebook):
    codes = codebook.codes.set_index("code_id")
    assert codebook.top_codes() == ["process_stage", "shaping_factor", "recommendation"]
    assert set(codebook.leaf_codes()) == set(EXPECTED)
    assert {c: codes.loc[c, "parent"] for c in EXPECTED} == {c: p for c, (p, _) in EXPECTED.items()}
    # the NFER (2014) factors and the stages the field adds are all there
    assert len(codebook.children("shaping_factor")) == 9
    assert len(codebook.children("process_stage")) == 6


def test_every_leaf_has_its_stage_and_documentation(codebook):
    problems = []
    for code_id in codebook.leaf_codes():
        spec = codebook.code(code_id)
        stage = stage_of(codebook, code_id)
        if stage != EXPECTED[code_id][1]:
            problems.append(f"{code_id}: stage {stage!r}, expected {EXPECTED[code_id][1]!r}")
        if stage not in STAGES:
            problems.append(f"{code_id}: unknown stage {stage!r}")
        if not spec["exclude"]:
            problems.append(f"{code_id}: no exclusion notes")
        if len(spec["examples"]) < 3:
            problems.append(f"{code_id}: fewer than 3 examples")
        if not (spec.get("rules") or {}).get("phrases"):
            problems.append(f"{code_id}: no rule phrases")
        if code_id != "recommendation" and not ("Helped:" in spec["include"] and "Hindered:" in spec["include"]):
            problems.append(f"{code_id}: include notes do not say what helped and hindered look like")
    assert not problems, problems


def test_description_says_valence_is_read_per_statement(codebook):
    text = " ".join(codebook.description.split())
    assert "Valence (helped, hindered, mixed, neutral) is not a code" in text


def test_guide_stage_table_matches_the_codebook(codebook):
    guide = GUIDE.read_text(encoding="utf-8")
    section = guide.split("## 3. Stages", 1)[1].split("## 4.", 1)[0]
    from_guide = {}
    for row in re.findall(r"^\| `([a-z_]+)` \| (.+) \|$", section, flags=re.M):
        for code_id in re.findall(r"`([a-z_]+)`", row[1]):
            from_guide[code_id] = row[0]
    assert from_guide == {c: stage_of(codebook, c) for c in codebook.leaf_codes()}


def test_rule_coder_recovers_every_example(codebook, coder):
    rows = [(f"{c}-{i}", text, c) for c in codebook.leaf_codes() for i, text in enumerate(codebook.code(c)["examples"])]
    coded = coder.code(pd.Series({unit: text for unit, text, _ in rows}))
    found = set(zip(coded["unit"], coded["code"], strict=True))
    missed = [(code, text) for unit, text, code in rows if (unit, code) not in found]
    assert not missed, missed
    assert set(coder.code_ids_) == set(codebook.leaf_codes())


def test_negated_mention_keeps_the_code_and_is_flagged(coder):
    coded = coder.code(pd.Series({
        "none": "Once they'd gone nobody checked in with us again.",
        "wish": "It would have helped if the revisit had been booked before they left.",
    })).set_index(["unit", "code"])
    # a negated mention still carries the code (valence hindered), so it must not be dropped
    assert coded.loc[("none", "follow_up"), "negated"]
    assert ("wish", "recommendation") in coded.index and ("wish", "follow_up") in coded.index


@pytest.mark.parametrize("text", [
    "The review was a really worthwhile exercise for all of us.",
    "The peers found that leadership was strong and partnership working was good.",
    "Caseloads have come down and morale is much better than a year ago.",
    "The committee noted the budget monitoring report for the second quarter.",
])
def test_process_free_sentences_get_no_code(coder, text):
    coded = coder.code(pd.Series({"u": text}))
    assert coded.empty, coded[["code", "start", "end"]].to_dict("records")

"""Tests of impact.disagreements: the table, the adjudication sheet, and the gold set."""

from __future__ import annotations

import pandas as pd
import pytest
from openpyxl import load_workbook

from impact.agreement import coding_to_units
from impact.disagreements import disagreements, read_adjudication, write_disagreements_xlsx
from impact.errors import ImpactWarning, ValidationError


@pytest.fixture
def segments() -> pd.DataFrame:
    texts = ["Intro.", "Staff felt valued.", "We wrote a plan.", "=cmd|' /C calc'!A0", "Partners met.", "End."]
    return pd.DataFrame({"segment_id": [f"I1:{i}" for i in (1, 2, 3)] + [f"I2:{i}" for i in (1, 2, 3)],
                         "interview_id": ["I1"] * 3 + ["I2"] * 3, "wave": ["early"] * 3 + ["longer_term"] * 3,
                         "start": [0, 7, 26, 0, 20, 34], "text": texts})


@pytest.fixture
def long(segments) -> pd.DataFrame:
    ann = pd.DataFrame({"unit": ["I1:2", "I1:3", "I2:2"], "code": ["morale", "plans_actions", "partnership"]})
    bot = pd.DataFrame({"unit": ["I1:2", "I2:1", "I2:2"], "code": ["morale", "morale", "partnership"]})
    carl = pd.DataFrame({"unit": ["I1:2", "I1:3"], "code": ["morale", "plans_actions"]})
    return coding_to_units({"ann": ann, "bot": bot, "carl": carl}, units=segments,
                           codes=["morale", "plans_actions", "partnership"])


def test_disagreements_table(long, segments):
    t = disagreements(long, segments=segments)
    # planted: plans_actions on I1:3 (ann, carl yes; bot no), morale on I2:1 (bot only),
    # partnership on I2:2 (ann, bot yes; carl no)
    assert list(zip(t.unit, t.code, strict=True)) == [("I1:3", "plans_actions"), ("I2:1", "morale"),
                                                      ("I2:2", "partnership")]
    row = t.iloc[0]
    assert row["values"] == "ann=1; bot=0; carl=1"
    assert (row.coders_present, row.coders_absent, row.n_coders) == ("ann;carl", "bot", 3)
    assert (row.previous_text, row.text, row.next_text) == ("Staff felt valued.", "We wrote a plan.", "")
    assert t.iloc[1].previous_text == "" and t.iloc[1].next_text == "Partners met."
    assert list(t.wave) == ["early", "longer_term", "longer_term"]


def test_context_width_and_missing_values(long, segments):
    t = disagreements(long, segments=segments, context=2)
    assert t.iloc[0].previous_text == "Intro.\nStaff felt valued."
    thin = long.copy()
    thin.loc[(thin.coder == "bot") & (thin.unit == "I1:3"), "value"] = pd.NA  # bot did not code I1:3
    assert ("I1:3", "plans_actions") not in set(zip(*disagreements(thin)[["unit", "code"]].T.values, strict=True))
    with pytest.raises(ValueError, match="`context` must be a whole number"):
        disagreements(long, context=-1)


def test_adjudication_round_trip(tmp_path, long, segments):
    t = disagreements(long, segments=segments)
    path = write_disagreements_xlsx(t, tmp_path / "adj.xlsx", data=long)
    wb = load_workbook(path)
    ws = wb["adjudicate"]
    assert ws.freeze_panes == "A2" and ws.column_dimensions["A"].hidden
    assert [dv.formula1 for dv in ws.data_validations.dataValidation] == ['"present,absent,unsure"']
    assert ws["E3"].value == "'=cmd|' /C calc'!A0"  # formula-neutralised segment text
    header = [c.value for c in ws[1]]
    dec, adj = header.index("decision") + 1, header.index("adjudicator") + 1
    ws.cell(row=2, column=dec, value="present")
    ws.cell(row=2, column=adj, value="Dee")
    ws.cell(row=3, column=dec, value="absent")
    ws.cell(row=4, column=dec, value="maybe")  # bad
    ws.cell(row=3, column=header.index("text") + 1, value="changed")  # bad: read-only
    wb.save(path)
    with pytest.raises(ValidationError) as err:
        read_adjudication(path)
    assert {(p.row, p.column) for p in err.value.problems} == {(4, "decision"), (3, "text")}
    wb = load_workbook(path)
    ws = wb["adjudicate"]
    ws.cell(row=4, column=dec, value="unsure")
    ws.cell(row=3, column=header.index("text") + 1, value=load_workbook(path)["_original"]["E3"].value)
    wb.save(path)
    with pytest.warns(ImpactWarning, match="1 row"):
        gold = read_adjudication(path)
    # agreed present: morale on I1:2 (all three coders); adjudicated present: plans_actions on I1:3
    assert list(zip(gold.unit, gold.code, gold.source, strict=True)) == [
        ("I1:2", "morale", "agreed"), ("I1:3", "plans_actions", "adjudicated")]
    assert gold.loc[gold.source == "adjudicated", "adjudicator"].item() == "Dee"
    with pytest.warns(ImpactWarning):
        full = read_adjudication(path, include_absent=True)
    # 6 units x 3 codes = 18 pairs; 3 disagreements, of which 1 unsure -> 17 decided
    assert len(full) == 17 and full.present.sum() == 2
    assert not full.set_index(["unit", "code"]).loc[("I2:1", "morale"), "present"]


@pytest.mark.parametrize("unit", ["=1+1", "-3", "+44 20", "@home"])
def test_adjudication_gives_back_a_formula_like_unit_and_code_as_the_coded_file_holds_them(tmp_path, unit):
    """A unit or code a spreadsheet would run as a formula is written behind an apostrophe; the gold set must give it
    back as the coded file holds it, or it matches no unit (inputs55 fixed the reader; this tests it: on 5f65fee8's
    parent the adjudicated and agreed rows came back as "'=1+1")."""
    data = pd.DataFrame({"unit": [unit, unit, "u2", "u2"], "coder": ["ann", "bo"] * 2,
                         "code": ["=morale"] * 4, "value": [True, False, True, True]})
    path = write_disagreements_xlsx(disagreements(data), tmp_path / "adj.xlsx", data=data)
    wb = load_workbook(path)
    ws = wb["adjudicate"]
    header = [c.value for c in ws[1]]
    ws.cell(row=2, column=header.index("decision") + 1, value="present")
    wb.save(path)
    gold = read_adjudication(path)
    assert sorted(zip(gold.unit, gold.code, gold.source, strict=True)) == sorted(
        [(unit, "=morale", "adjudicated"), ("u2", "=morale", "agreed")])

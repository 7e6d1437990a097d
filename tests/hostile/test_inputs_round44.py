"""Hostile inputs, round 44 (helper-inputs44): text time points given no order, agreement data with a row that names
no unit or coder, an infinite coder's value, columns labelled by something other than text in a formula's messages,
one rule for a whole-number float as an id, and the review and adjudication workbooks and the codebook as a person
edits them in Excel.

Each test is a hostile input the old code got wrong; what it did is said beside the test.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from impact.errors import StatisticalWarning, ValidationError


# --------------------------------------------------------------------------- 1. text time points
def _rising(first: str, last: str, n: int = 8) -> pd.DataFrame:
    """``n`` units, each higher at ``last`` than at ``first`` (planted: every within-unit change is a rise)."""
    rng = np.random.default_rng(44)
    low = rng.normal(size=n)
    high = low + 1 + rng.uniform(size=n)
    return pd.DataFrame({"unit": [f"u{i}" for i in range(n)] * 2, "t": [first] * n + [last] * n,
                         "y": np.concatenate([low, high])})


# Old: text sorted alphabetically ('year 10' before 'year 2', 'Apr' before 'February', '10' before '9', 15 February
# after 1 March), so every rise was measured as a fall (effect -1, time_first the later label) without a word.
@pytest.mark.parametrize(("earlier", "later"), [("year 2", "year 10"), ("February", "Apr"), ("9", "10"),
                                               ("15/2/2019", "1/3/2019"), ("Nov 2019", "Feb 2020"),
                                               ("wave 9", "Wave 10"), ("999/00", "1000/01")])
def test_text_time_points_are_taken_in_time_order(earlier, later):
    from impact.stats import change_over_time

    with warnings.catch_warnings():
        warnings.simplefilter("error", StatisticalWarning)  # an order read from the labels is said by nothing
        row = change_over_time(_rising(earlier, later).sample(frac=1, random_state=1), outcome="y", time="t",
                               unit="unit").iloc[0]
    assert (row["time_first"], row["time_last"]) == (earlier, later)
    assert row["effect"] == 1.0 and row["value_last"] > row["value_first"]


# Old: text with no order of its own ('pre', 'post'; 'Q2 2019' and 'Q1 2020', whose two numbers order them opposite
# ways) was sorted alphabetically without a word: 'post' first, a rise measured as a fall.
@pytest.mark.parametrize(("earlier", "later"), [("pre", "post"), ("Q2 2019", "Q1 2020")])
def test_text_time_points_with_no_order_warn_and_times_sets_it(earlier, later):
    from impact.stats import change_over_time

    data = _rising(earlier, later)
    with pytest.warns(StatisticalWarning) as caught:
        row = change_over_time(data, outcome="y", time="t", unit="unit").iloc[0]
    said = " ".join(str(w.message) for w in caught)
    assert f"{earlier!r}" in said and f"{later!r}" in said and "`times=`" in said and "alphabetical" in said, said
    assert row["time_first"] == min(earlier, later)  # alphabetical, as it said
    with warnings.catch_warnings():
        warnings.simplefilter("error", StatisticalWarning)
        given = change_over_time(data, outcome="y", time="t", unit="unit", times=[earlier, later]).iloc[0]
    assert (given["time_first"], given["effect"]) == (earlier, 1.0)


# --------------------------------------------------------------------------- 2. agreement rows with no unit or coder
def _ratings(blank: str) -> pd.DataFrame:
    """Two coders agreeing on units 1-4, and a fifth pair of rows on which they disagree whose ``blank`` is missing."""
    data = pd.DataFrame({"unit": [1, 1, 2, 2, 3, 3, 4, 4, 5, 5], "coder": list("abababab") + ["a", "b"],
                         "value": [1, 1, 0, 0, 1, 1, 0, 0, 1, 0]}).astype({"unit": float})
    data.loc[8:9, blank] = np.nan if blank == "unit" else None
    return data


def _agreement_calls():
    from impact import agreement as ag

    return {"percent_agreement": ag.percent_agreement, "cohen_kappa": ag.cohen_kappa, "fleiss_kappa": ag.fleiss_kappa,
            "gwet_ac1": ag.gwet_ac1, "krippendorff_alpha": ag.krippendorff_alpha,
            "agreement_table": lambda d: ag.agreement_table(d.assign(code="c"), by="code", n_boot=0)}


# Old: pd.factorize gave the row with no unit the position -1, and its value was written over unit 4's: Cohen's kappa
# 1.0 (and every other coefficient) for coders who disagreed on a fifth unit, n_units 4, without a word; a row with
# no coder was written over coder b's value the same way.
@pytest.mark.parametrize("blank", ["unit", "coder"])
@pytest.mark.parametrize("call", list(_agreement_calls()))
def test_agreement_refuses_a_row_with_no_unit_or_coder_naming_every_row(call, blank):
    with pytest.raises(ValidationError) as info:
        _agreement_calls()[call](_ratings(blank))
    msg = str(info.value)
    other = "coder" if blank == "unit" else "unit"
    assert [(p.row, p.column) for p in info.value.problems] == [(10, blank), (11, blank)], msg
    assert f"expected a {blank} for each row (its {other} is" in msg, msg


# --------------------------------------------------------------------------- 3. an infinite value in disagreements
# Old: int(inf) raised a bare "OverflowError: cannot convert float infinity to integer", naming no row or column.
def test_disagreements_refuse_an_infinite_value_naming_every_row():
    from impact.disagreements import disagreements

    data = pd.DataFrame({"unit": ["s1", "s1", "s2", "s2", "s3", "s3"], "coder": ["ann", "bo"] * 3, "code": "morale",
                         "value": [1.0, np.inf, 0.0, 1.0, -np.inf, 0.0]})
    for frame in (data, data.astype({"value": object})):
        with pytest.raises(ValidationError) as info:
            disagreements(frame)
        got = [(p.row, p.column, p.value) for p in info.value.problems]
        assert got == [(3, "value", "inf"), (6, "value", "-inf")], str(info.value)
        assert "unit 's1', code 'morale', coder 'bo'" in str(info.value)


# --------------------------------------------------------------------------- 4. columns labelled by non-text
def _scores() -> pd.DataFrame:
    rng = np.random.default_rng(4)
    return pd.DataFrame({"unit": np.repeat(range(10), 4), "wave": np.tile(range(4), 10), "score": rng.normal(size=40)})


# Old: the messages looked columns up by str(label): with a column of dates labelled '1' before a column of numbers
# labelled 1, the lookup found the numbers and numpy's "TypeError: Cannot interpret 'datetime64[us, UTC]' as a data
# type" came out bare; a column labelled 7 named in the formula as Q('7') was said to be absent with patsy's words
# as its name ("no data named '7' found") beside a list of columns showing '7'.
def test_formula_messages_find_the_column_patsy_reads_not_one_that_prints_alike():
    from impact.stats import longitudinal_model

    dated = _scores()
    dated["1"] = pd.Series(pd.date_range("2020-01-01", periods=40, tz="UTC"))
    dated[1] = 1.0
    with pytest.raises(ValueError) as info:
        longitudinal_model(dated, formula="score ~ wave + Q('1')", unit="unit", time="wave")
    assert "'1' holds dates (dtype datetime64" in str(info.value), str(info.value)

    numbered = _scores()
    numbered[7] = 1.0
    with pytest.raises(ValueError) as info:
        longitudinal_model(numbered, formula="score ~ wave + Q('7')", unit="unit", time="wave")
    msg = str(info.value)
    assert "names a column `data` does not have: '7' (`data` has a column labelled 7 (int), not by the text '7'" in msg
    assert "data.rename(columns={7: '7'})" in msg and "['unit', 'wave', 'score', 7]" in msg, msg


# --------------------------------------------------------------------------- 5. a whole-number float is the integer
# Old: numpy's float32 1.0 held in an object column was '1' for key_strings and '1.0' for _joins.key_text and one_key
# (a float32 column was '1' for both): a council id 940 stored as a float32 scalar matched nothing; in
# disagreements a coder's float32 1.0 beside another's 1 was listed as a disagreement ('a=1; b=1.0').
def test_a_whole_number_float_of_any_width_is_the_integer_for_every_caller():
    from impact import _frames, _joins
    from impact.disagreements import disagreements

    values = pd.Series([np.float32(940.0), np.float16(2.0), np.float32(2.5), "a "], dtype=object)
    assert _frames.key_strings(values).tolist() == ["940", "2", "2.5", "a "]
    assert _joins.key_text(values).tolist() == ["940", "2", "2.5", "a"]
    assert [_joins.one_key(v) for v in values] == ["940", "2", "2.5", "a"]
    data = pd.DataFrame({"unit": ["s1", "s1", "s2", "s2"], "coder": ["a", "b"] * 2, "code": "m",
                         "value": pd.Series([np.float32(1.0), 1, np.float32(0.0), 1], dtype=object)})
    assert disagreements(data)["unit"].tolist() == ["s2"]


# --------------------------------------------------------------------------- 6. the workbooks as a person edits them
def _adjudication(tmp_path):
    """An adjudication workbook of two coders on six segments (planted: they disagree on four (unit, code) pairs and
    agree on the other 14, of which one, morale on I1:2, present) and the gold set it gives with every row judged
    absent."""
    from openpyxl import load_workbook

    from impact.agreement import coding_to_units
    from impact.disagreements import disagreements, read_adjudication, write_disagreements_xlsx

    segments = pd.DataFrame({"segment_id": ["I1:1", "I1:2", "I1:3", "I2:1", "I2:2", "I2:3"],
                             "interview_id": ["I1"] * 3 + ["I2"] * 3, "start": [0, 7, 26, 0, 20, 34],
                             "text": ["Intro.", "Staff felt valued.", "A plan.", "Yes.", "Partners met.", "End."]})
    ann = pd.DataFrame({"unit": ["I1:2", "I1:3", "I2:2"], "code": ["morale", "plans_actions", "partnership"]})
    bot = pd.DataFrame({"unit": ["I1:2", "I2:1", "I2:3"], "code": ["morale", "morale", "partnership"]})
    long = coding_to_units({"ann": ann, "bot": bot}, units=segments, codes=["morale", "plans_actions", "partnership"])
    path = write_disagreements_xlsx(disagreements(long, segments=segments), tmp_path / "adj.xlsx", data=long)
    wb = load_workbook(path)
    ws = wb["adjudicate"]
    for r in range(2, ws.max_row + 1):
        ws.cell(r, 10).value = "absent"
    wb.save(path)
    return path, read_adjudication(path, include_absent=True)


def _edited(path, name, change):
    from openpyxl import load_workbook

    wb = load_workbook(path)
    change(wb)
    out = path.with_name(f"{name}.xlsx")
    wb.save(out)
    return out


def _agreed_rows(wb) -> list[list]:
    return [[c.value for c in row] for row in wb["agreed"].iter_rows(min_row=2)]


def _sort_agreed(wb) -> None:
    ws = wb["agreed"]
    for r, values in enumerate(sorted(_agreed_rows(wb), key=lambda v: (v[1], v[0]), reverse=True), start=2):
        for j, v in enumerate(values, start=1):
            ws.cell(r, j).value = v


def _flip_first(wb) -> None:
    cell = wb["agreed"].cell(2, 3)
    cell.value = "1" if str(cell.value) == "0" else "0"


def _copy_second_over_first(wb) -> None:
    for j in (1, 2, 3):
        wb["agreed"].cell(2, j).value = wb["agreed"].cell(3, j).value


# Old: the 'agreed' sheet (what every coder agreed on, read-only, protected without a password) joined the gold set as
# it stood: a row deleted lost its code, a value turned 0 made an agreed code absent, a row copied over another lost
# that one and gave its own twice, a row added put a code no coder gave into the gold set - each without a word.
@pytest.mark.parametrize(("edit", "row", "column", "said"), [
    ("deleted", None, "unit, code", "1 row deleted, whose codes would be left out of the gold set"),
    ("flipped", 2, "value", "expected the exported value"),
    ("copied over", 3, "unit, code", "each unit and code once (row 2 has them too)"),
    ("added", 16, "unit, code", "a unit and code of the sheet as exported (this row was added"),
])
def test_edits_to_the_agreed_sheet_are_refused_and_a_sort_is_read_as_it_was(tmp_path, edit, row, column, said):
    from impact.disagreements import read_adjudication

    path, gold = _adjudication(tmp_path)
    assert len(gold) == 18 and gold["present"].sum() == 1  # planted: 14 agreed (1 present) and 4 judged absent
    sorted_gold = read_adjudication(_edited(path, "sorted", _sort_agreed), include_absent=True)
    key = ["source", "unit", "code"]
    pd.testing.assert_frame_equal(sorted_gold.sort_values(key).reset_index(drop=True),
                                  gold.sort_values(key).reset_index(drop=True))
    change = {"deleted": lambda wb: wb["agreed"].delete_rows(2), "flipped": _flip_first,
              "copied over": _copy_second_over_first,
              "added": lambda wb: wb["agreed"].append(["I9:9", "morale", "1"])}[edit]
    with pytest.raises(ValidationError) as info:
        read_adjudication(_edited(path, edit, change), include_absent=True)
    rows = [(p.row, p.column) for p in info.value.problems]
    if edit == "copied over":  # the row copied over is told as well, as deleted
        assert rows == [(row, column), (None, column)], str(info.value)
    else:
        assert rows == [(row, column)], str(info.value)
    assert said in str(info.value) and "this sheet is read-only" in str(info.value)


# Old: a sheet renamed to a name unlike its own ('Sheet1') was only listed among the sheets (with impact's hidden
# ones, which a person cannot see); and an adjudicator's 'presnet' had no hint where the review's 'acept' had one.
def test_a_renamed_sheet_is_named_and_a_mistyped_decision_has_a_hint(tmp_path):
    from impact.disagreements import read_adjudication
    from impact.errors import InputError

    path, _ = _adjudication(tmp_path)
    with pytest.raises(InputError) as info:
        read_adjudication(_edited(path, "renamed", lambda wb: setattr(wb["agreed"], "title", "Sheet1")))
    assert "it has ['README', 'adjudicate', 'Sheet1'] ('Sheet1' may be 'agreed' renamed: name it 'agreed' again)" \
        in str(info.value), str(info.value)
    with pytest.raises(ValidationError) as info:
        read_adjudication(_edited(path, "typo", lambda wb: setattr(wb["adjudicate"].cell(2, 10), "value", "presnet")))
    assert "'presnet' - expected one of present, absent, unsure (did you mean 'present'?)" in str(info.value)


# Old: a code typed with a space after it ('morale ') was a second code, so the coders disagreed on both; with
# `codes`, it and a code in another case ('Plans') were left out without a word, and their coder was counted as never
# applying 'morale' or 'plans' (percent agreement 0.5 on codes both coders gave).
def test_coding_to_units_trims_codes_and_refuses_a_code_in_another_case():
    from impact.agreement import coding_to_units, percent_agreement

    ann = pd.DataFrame({"unit": ["s1", "s2"], "code": ["morale ", "plans"]})
    bot = pd.DataFrame({"unit": ["s1", "s2"], "code": ["morale", " plans"]})
    for codes in (None, ["morale", "plans"]):
        long = coding_to_units({"ann": ann, "bot": bot}, units=["s1", "s2"], codes=codes)
        assert sorted(long["code"].unique()) == ["morale", "plans"]
        assert percent_agreement(long.assign(unit=long["unit"] + "|" + long["code"])).value == 1.0
    cased = ann.assign(code=["morale", "Plans"])
    for codes in (None, ["morale", "plans"]):
        with pytest.raises(ValidationError) as info:
            coding_to_units({"ann": cased, "bot": bot}, units=["s1", "s2"], codes=codes)
        msg = str(info.value)
        assert "coded:code: 'Plans' - expected the code 'plans' as it is spelled elsewhere" in msg, msg
        assert "1 row of coder 'ann', units 's2'" in msg, msg

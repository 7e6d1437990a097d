"""Tests of the one writer of spreadsheet-bound tables (issue 17 item 5)."""

import argparse

import pandas as pd
import pytest
from openpyxl import load_workbook

from impact._tabular import neutralise, restore_cell, restore_frame, safe_frame, write_table

# OWASP CSV-injection payloads and their look-alikes.
PAYLOADS = [
    "=1+1", "+1+1", "-1+1", "@SUM(A1:A2)", "=HYPERLINK(\"http://evil\",\"x\")", "=cmd|' /C calc'!A0",
    "\t=1+1", "\r=1+1", "  =1+1", "'=1+1", "''@x", "＝1+1", "-", "=", "@",
]
HARMLESS = ["plain", "'quoted", "1+1", "a=b", "", "O'Brien", "3-4"]


@pytest.mark.parametrize("value", PAYLOADS)
def test_payloads_are_neutralised_and_restored(value):
    safe = neutralise(value)
    assert safe.startswith("'") and safe != value
    assert restore_cell(safe) == value


@pytest.mark.parametrize("value", HARMLESS)
def test_harmless_text_is_unchanged(value):
    assert neutralise(value) == value
    assert restore_cell(value) == value


def test_numbers_stay_numbers():
    assert neutralise(-3) == -3 and neutralise(2.5) == 2.5 and neutralise(None) is None


def _frame():
    return pd.DataFrame({
        "coder": ["=HYPERLINK(\"http://x\")", "ann", "@bob"],
        "unit": pd.Series(["-1", "s2", "+s3"], dtype="string"),
        "code": pd.Categorical(["=x", "morale", "morale"]),
        "score": [-1.5, 0.0, 2.0],
        "n": [-3, 2, 5],
    }).rename(columns={"n": "=n"})


def test_safe_frame_neutralises_cells_and_labels_and_leaves_the_input_alone():
    data = _frame()
    before = data.copy()
    safe = safe_frame(data)
    pd.testing.assert_frame_equal(data, before)
    assert safe["coder"].tolist() == ["'=HYPERLINK(\"http://x\")", "ann", "'@bob"]
    assert safe["unit"].tolist() == ["'-1", "s2", "'+s3"] and safe["unit"].dtype == "string"
    assert list(safe["code"].cat.categories) == ["'=x", "morale"]
    assert safe["score"].tolist() == [-1.5, 0.0, 2.0] and safe["'=n"].tolist() == [-3, 2, 5]


def test_csv_round_trip(tmp_path):
    data = _frame()
    path = write_table(data, tmp_path / "t.csv")
    text = path.read_text(encoding="utf-8")
    for line in text.splitlines():
        for cell in line.split(","):
            assert not cell.strip('"').startswith(("=", "+", "@", "\t", "\r")), line
    back = restore_frame(pd.read_csv(path, dtype=str, keep_default_na=False))
    assert back["coder"].tolist() == data["coder"].tolist()
    assert back["unit"].tolist() == data["unit"].tolist()
    assert list(back.columns) == list(data.columns)


def test_xlsx_cells_are_text_never_formulas(tmp_path):
    path = write_table(_frame(), tmp_path / "t.xlsx")
    ws = load_workbook(path).active
    cells = [c for row in ws.iter_rows() for c in row]
    assert not any(c.data_type == "f" for c in cells)
    values = [c.value for c in cells]
    assert "'=HYPERLINK(\"http://x\")" in values and -3 in values and -1.5 in values


def test_write_is_atomic(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("old\n")

    class Boom:
        def __str__(self):
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        write_table(pd.DataFrame({"a": [Boom()]}), path)
    assert path.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["t.csv"]


def test_bad_data():
    with pytest.raises(TypeError, match="`data` must be a pandas DataFrame"):
        write_table([1], "x.csv")


def test_commands_write_through_the_writer(tmp_path):
    # `impact agree` once wrote coder names as live formulas.
    from impact.cli._agree import run as run_agree

    coded = pd.DataFrame({"unit": ["u1", "u2", "u3", "u4"] * 2,
                          "coder": ["=cmd|' /C calc'!A0"] * 4 + ["@ann"] * 4,
                          "value": ["a", "b", "a", "b", "a", "b", "b", "b"]})
    src = tmp_path / "long.csv"
    coded.to_csv(src, index=False)
    out = tmp_path / "agree.csv"
    args = argparse.Namespace(coded=[str(src)], by="", metrics=None, pairwise=True, study=None, unit="segment",
                              uncoded="absent", out=str(out))
    run_agree(args)
    text = out.read_text()
    assert "=cmd" in text and ",=cmd" not in text and "\n=cmd" not in text and ",@ann" not in text


def test_coded_output_with_formula_shaped_ids_round_trips(tmp_path):
    from impact.coding import RuleCoder, read_coded, write_coded

    coded = RuleCoder().code(pd.Series({"=1+1": "There was a real buzz in the team.", "@x": "Morale improved a lot."}))
    path = write_coded(coded, tmp_path / "coded.csv")
    assert "\n=1+1" not in path.read_text() and "\n@x" not in path.read_text()
    pd.testing.assert_frame_equal(read_coded(path), coded)

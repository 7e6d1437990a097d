"""Every CSV the package writes keeps a carriage return inside a cell in its row.

pandas (and :mod:`csv`) quote a cell holding a character of the row terminator only; with rows ending in
``\\n`` a lone ``\\r`` in a cell (pasted from an old Mac file or a web form) was written bare, and a reader
(``csv``, pandas, a spreadsheet) split the row there.  ``impact._tabular.csv_text`` quotes it; these tests read
each writer's file back with the standard library and pandas and compare with the data written.
"""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest

CELLS = ["plain", "a\rb", "c\r\nd", "e\nf", '"g"\rh', "=1+1"]


def _rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_write_csv_safe_keeps_each_cell_in_its_row(tmp_path):
    from impact.privacy import write_csv_safe

    path = write_csv_safe(pd.DataFrame({"text": CELLS, "n": range(len(CELLS))}), tmp_path / "t.csv")
    rows = _rows(path.read_bytes())
    assert len(rows) == len(CELLS) + 1
    assert [r[0] for r in rows[1:]] == [c if c != "=1+1" else "'=1+1" for c in CELLS]
    back = pd.read_csv(path, keep_default_na=False)
    assert back["n"].tolist() == list(range(len(CELLS)))


def test_planted_truth_tables_keep_each_cell_in_its_row():
    from impact.synth._truth import _csv

    rows = _rows(_csv(pd.DataFrame({"text": CELLS})).encode())
    assert [r[0] for r in rows[1:]] == CELLS


def test_reidentification_key_keeps_an_id_with_a_carriage_return_in_its_row(tmp_path):
    from impact.privacy import reidentification_key

    data = pd.DataFrame({"participant_id": ["P1", "P\r2"], "council_id": ["301", "302"]})
    table = reidentification_key(tmp_path / "key.csv", data, key="impact-test-key-0123456789abcdef")
    rows = _rows((tmp_path / "key.csv").read_bytes())
    assert len(rows) == len(table) + 1
    assert sorted(r[1] for r in rows[1:]) == sorted(table["real_id"])


@pytest.mark.parametrize("cell", ["a\rb", "x\r\ny"])
def test_csv_text_round_trips_with_pandas(cell):
    from impact._tabular import csv_text

    frame = pd.DataFrame({"a": [cell, "z"], "b": [1, 2]})
    back = pd.read_csv(io.StringIO(csv_text(frame), newline=""))
    assert back["a"].tolist() == [cell, "z"] and back["b"].tolist() == [1, 2]

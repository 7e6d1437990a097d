"""Study.save formats each column through a memo of distinct values: it must write what formatting cell by cell
writes, for values that are equal but written differently too."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from impact.study import _saved_cell, _saved_column

VALUES = [
    "P01", "P01", "=SUM(A1)", "'=x", "", " lead", 1, True, 1, 0, False, -3, 0.0, -0.0, 0.0, 1.5, float("nan"),
    float("nan"), None, pd.NA, pd.NaT, ["a", "b"], ("a",),
    pd.Timestamp("2024-01-01"), pd.Timestamp("2024-01-01"), pd.Timestamp("2024-01-01 00:30"),
    pd.Timestamp("2024-01-01 00:30", tz="UTC"), pd.Timestamp("2024-01-01 01:30", tz="Europe/Paris"),
    pd.Timestamp("2023-12-31 23:30", tz="Europe/London"), np.int64(4), np.float64(-0.0),
]


@pytest.mark.parametrize("type_", ["id", "text", "list", "int", "float", "date", "category"])
def test_a_column_is_written_as_cell_by_cell(type_):
    def cell(v):
        try:
            return _saved_cell(v, type_)
        except (TypeError, ValueError) as e:  # a value this type cannot hold: the column must fail alike
            return type(e)

    rng = np.random.default_rng(7)
    for order in (VALUES, [VALUES[i] for i in rng.permutation(len(VALUES))]):
        usable = [v for v in order if not isinstance(cell(v), type)]
        assert _saved_column(usable, type_) == [cell(v) for v in usable]
    # the memo does not make equal values alike: -0.0 after 0.0, True after 1, a zoned time after a naive one
    if type_ == "float":
        assert _saved_column([0.0, -0.0], type_) == ["0.0", "-0.0"]
    if type_ == "text":
        assert _saved_column([1, True], type_) == ["1", "True"]


def test_a_study_holds_equal_values_that_are_written_differently_as_given(tiny_study):
    """`Study` converts each column's values through the same memo rule as `save`: -0.0 after 0.0 stays -0.0 (it
    was held as 0.0 when values were memoised by type and equality alone)."""
    from impact.schema import TABLES
    from impact.study import Study

    tables = {n: tiny_study.table(n) for n in TABLES}
    tables["indicators"] = pd.DataFrame({"council_id": ["301", "302", "880"], "period": ["2013-03-31"] * 3,
                                         "measure": ["rate"] * 3, "value": [0.0, -0.0, 0.0], "flag": [None] * 3})
    study = Study(tiny_study.meta, tables)
    held = study.table("indicators")["value"].tolist()
    assert [str(v) for v in held] == ["0.0", "-0.0", "0.0"]

"""Hostile inputs, round 42 (helper-inputs42): coded files whose spans run backwards or whose scores are no scores
(above 1, below 0, NaN, infinite, blank), dates in a model formula (taken as categories, one per date, without a word,
or failing inside patsy or numpy), the two id-as-text functions made one, and the readers of the command line.

Each test is a hostile input the old code got wrong; what it did is said beside the test.
"""

from __future__ import annotations

import datetime
import importlib.util
import warnings
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest

from impact.errors import InputError

_HEADER = "unit,code,score,negated,hedged,attribution,start,end\n"


# --------------------------------------------------------------------------- 1. coded files
# Old: read without a word: a score of 1.7, -0.2, nan, inf... (inf was told), a blank score read as NaN, a span
# from 40 back to 12 and a span starting at -3.
def test_read_coded_refuses_every_backward_span_and_every_score_outside_0_1(tmp_path):
    from impact.coding.coded_io import read_coded

    path = tmp_path / "coded.csv"
    path.write_text(_HEADER
                    + "s1,morale,0.9,False,False,,0,10\n"      # row 2: fine
                    + "s2,morale,1.7,False,False,,5,9\n"       # row 3: score above 1
                    + "s3,morale,-0.2,False,False,,40,12\n"    # row 4: score below 0, end before start
                    + "s4,morale,nan,False,False,,3,3\n"       # row 5: NaN score (a one-character span is fine)
                    + "s5,morale,,False,False,,-3,8\n"         # row 6: blank score, negative start
                    + "s6,morale,inf,False,False,,7,6\n"       # row 7: infinite score, end before start
                    + "s7,morale,1,False,False,,0,0\n")        # row 8: fine (score 1 and a span at 0)
    with pytest.raises(InputError) as info:
        read_coded(path)
    msg = str(info.value)
    assert ("column score: row 3: '1.7', row 4: '-0.2', row 5: 'nan', row 6: '', row 7: 'inf' - expected a finite "
            "number from 0 to 1") in msg, msg
    assert "column start: row 6: '-3' - expected a character position, 0 or more" in msg, msg
    assert ("column end: row 4: '12' (start 40), row 7: '6' (start 7) - expected a position at or after the row's "
            "start") in msg, msg
    assert str(path) in msg and "row 2" not in msg and "row 8" not in msg


def test_read_coded_lists_every_bad_row_of_a_long_file(tmp_path):
    from impact.coding.coded_io import read_coded

    path = tmp_path / "coded.csv"
    rows = [f"s{i},morale,{0.5 if i % 3 else 1.5},False,False,,{i},{i + (5 if i % 4 else -1)}" for i in range(60)]
    path.write_text(_HEADER + "\n".join(rows) + "\n")
    with pytest.raises(InputError) as info:
        read_coded(path)
    msg = str(info.value)
    high = [i + 2 for i in range(60) if i % 3 == 0]   # planted: 20 scores of 1.5
    back = [i + 2 for i in range(60) if i % 4 == 0 and i]  # planted: 14 spans ending one before they start
    assert all(f"row {r}: '1.5'" in msg for r in high), msg
    assert all(f"row {r}: '{r - 3}' (start {r - 2})" in msg for r in back), msg


@pytest.mark.skipif(importlib.util.find_spec("pyarrow") is None, reason="needs pyarrow")
def test_read_coded_parquet_refuses_nan_and_out_of_range_scores(tmp_path):
    from impact.coding.coded_io import read_coded

    coded = pd.DataFrame({"unit": ["s1", "s2", "s3"], "code": ["morale"] * 3, "score": [0.5, np.nan, 2.0],
                          "negated": [False] * 3, "hedged": [False] * 3, "attribution": [""] * 3,
                          "start": [0, 8, 20], "end": [5, 2, 30]})
    path = tmp_path / "coded.parquet"
    coded.to_parquet(path, index=False)
    with pytest.raises(InputError) as info:
        read_coded(path)
    msg = str(info.value)
    assert "column score: row 3: '', row 4: '2.0'" in msg and "column end: row 3: '2' (start 8)" in msg, msg


# --------------------------------------------------------------------------- 3. ids as text: one function
_CASES = {
    "ints": (pd.Series([1, 2, 940]), ["1", "2", "940"], ["1", "2", "940"]),
    "nullable ints": (pd.Series([1, None, 940], dtype="Int64"), ["1", None, "940"], ["1", None, "940"]),
    "floats": (pd.Series([1.0, 2.5, np.nan, 940.0, np.inf, -0.0, 1e20]),
               ["1", "2.5", None, "940", "inf", "0", "100000000000000000000"],
               ["1", "2.5", None, "940", "inf", "0", "100000000000000000000"]),
    "float32": (pd.Series([1.0, 2.5, np.nan], dtype="float32"), ["1", "2.5", None], ["1", "2.5", None]),
    "float32 scalars": (pd.Series([np.float32(1.0), np.float32(2.5), "a"], dtype=object),
                        ["1", "2.5", "a"], ["1.0", "2.5", "a"]),
    "float64 scalars": (pd.Series([np.float64(1.0), 2.0, "a ", None], dtype=object),
                        ["1", "2", "a ", None], ["1", "2", "a", None]),
    "spaces": (pd.Series([" 940", "940 ", "a b ", None], dtype=object),
               [" 940", "940 ", "a b ", None], ["940", "940", "a b", None]),
    "string dtype": (pd.Series([" 940", "x", None], dtype="string"), [" 940", "x", None], ["940", "x", None]),
    "bools": (pd.Series([True, False]), ["True", "False"], ["True", "False"]),
    "object bools": (pd.Series([True, None, False], dtype=object), ["True", None, "False"], ["True", None, "False"]),
    "decimals": (pd.Series([Decimal("1"), Decimal("1.0"), Decimal("2.5"), None], dtype=object),
                 ["1", "1.0", "2.5", None], ["1", "1.0", "2.5", None]),
    "mixed": (pd.Series([1, "a", 3.0, pd.NA, pd.NaT], dtype=object), ["1", "a", "3", None, None],
              ["1", "a", "3", None, None]),
}


def _listed(series: pd.Series) -> list:
    return [None if pd.isna(v) else v for v in series.tolist()]


# Old: two functions, each with its own copy of the rule (key_strings in impact._frames, one_key/key_text in
# impact._joins); the one rule now takes `strip` and `float_types`, and each caller gives what it gave before (the
# expected texts were written out from main's two functions, case by case).
@pytest.mark.parametrize("case", list(_CASES))
def test_one_rule_writes_ids_as_both_callers_did(case):
    from impact import _frames, _joins

    values, as_key_strings, as_key_text = _CASES[case]
    named = values.rename("unit").set_axis(range(10, 10 + len(values)))
    ks, kt = _frames.key_strings(named), _joins.key_text(named)
    assert _listed(ks) == as_key_strings and _listed(kt) == as_key_text
    assert ks.name == "unit" and kt.name is None and ks.index.equals(named.index) and kt.index.equals(named.index)
    same = _frames.key_strings(named, strip=True, float_types=float)  # the rule key_text is
    assert _listed(same) == as_key_text
    assert [_joins.one_key(v) for v in values.astype(object)] == as_key_text
    assert [_frames.one_key(v) for v in values.astype(object)] == [
        None if pd.isna(v) else v for v in _listed(_frames.key_strings(values.astype(object)))]

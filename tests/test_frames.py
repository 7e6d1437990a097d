"""Fast set operations on text columns (impact._frames) and the lazy choice of each council's clearest statement.

Each is checked against the plain pandas computation it replaces, on data built here.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from impact._frames import as_text, distinct, member, text_series
from impact.coding import modality_cues
from impact.councils import to_council_id
from impact.framework import _clearest
from impact.official.ofsted import read_ofsted
from impact.qdpx._model import frame


@pytest.mark.parametrize("dtype", ["str", "object", "string"])
def test_member_and_distinct_equal_the_pandas_idioms(dtype):
    rng = np.random.default_rng(3)
    pool = pd.Series([f"i{k}:{n}" for k in range(40) for n in range(25)], dtype=dtype)
    values = pd.Series([f"i{k}:{n}" for k, n in zip(rng.integers(0, 50, 600), rng.integers(0, 30, 600),
                                                      strict=True)], dtype=dtype)
    expected = values.astype(str).isin(set(pool.astype(str))).to_numpy()
    assert 0 < expected.sum() < len(values)  # both outcomes occur
    assert (member(values, pool) == expected).all()
    assert (member(values, set(pool.astype(str))) == expected).all()
    assert (member(values, list(pool)) == expected).all()
    with_missing = pd.concat([pool, pd.Series([None], dtype=dtype)])
    assert distinct(with_missing) == set(pool.astype(str))
    assert member(pd.Series([], dtype=dtype), pool).shape == (0,)


def _eager(c: pd.DataFrame) -> pd.DataFrame:
    """The original computation: every statement's clarity read, then one sort."""
    c = c.assign(_clear=modality_cues(c["text"].tolist())["clear"].to_numpy())
    return (c.sort_values(["council_id", "code", "_clear", "reported", "_fit", "score", "unit"],
                          ascending=[True, True, False, False, False, False, True])
            .drop_duplicates(["council_id", "code"]))


def test_clearest_equals_reading_every_statement():
    clear = ["Morale has improved a great deal since the review.", "Partnership working is much stronger now."]
    unclear = ["We hope morale will improve.", "Morale hasn't improved.", "Would it help the partnership?",
               "Ideally it would help morale."]
    rng = np.random.default_rng(11)
    rows = []
    for council in range(12):
        for code in ("morale", "partnership", "learning"):
            n = int(rng.integers(1, 20))
            # some groups have no clear statement, some one deep down the order, some many
            p_clear = (0.0, 0.05, 0.5)[(council + len(code)) % 3]
            for k in range(n):
                text = str(rng.choice(clear)) if rng.random() < p_clear else str(rng.choice(unclear))
                rows.append({"council_id": f"C{council:02d}", "code": code, "unit": f"I{council}-{k:03d}:{k}",
                             "reported": bool(rng.random() < 0.6), "_fit": bool(rng.random() < 0.7),
                             "score": float(rng.choice([0.5, 0.8, 1.0])), "text": text + " " * k})
    c = pd.DataFrame(rows).sample(frac=1, random_state=2).reset_index(drop=True)
    want = _eager(c)
    got = _clearest(c)
    assert modality_cues(want["text"].tolist())["clear"].any()
    assert not modality_cues(want["text"].tolist())["clear"].all()  # groups with no clear statement are covered
    cols = ["council_id", "code", "unit", "text"]
    pd.testing.assert_frame_equal(got[cols].reset_index(drop=True), want[cols].reset_index(drop=True))


def test_a_coded_files_row_numbers_and_units_are_shared_by_every_frame_taken_from_it(tiny_study, tmp_path):
    """pandas deep-copies ``attrs`` into every frame and column taken from a frame: the row numbers and named units
    of a national coded file (tens of thousands of each) made every filter of the codings take most of a second
    (inputs12). They are now one object that every frame taken from the codings shares, with the same values: the
    row numbers of the file as a spreadsheet shows them (a blank line counts), each unit with its row and span."""
    import copy

    from impact.codings import read_codings

    iv = tiny_study.interviews["interview_id"].tolist()
    path = tmp_path / "coded.csv"
    path.write_text("unit,code,start,end\n"
                    f"{iv[0]}:1,morale,,\n\n{iv[1]}:1,learning,,\n{iv[2]}:2,plans_actions,,\n", encoding="utf-8")
    read = read_codings(path, tiny_study)
    units = read.attrs["named_units"]
    assert units["rows"] == {f"{iv[0]}:1": [(2, None, None)], f"{iv[1]}:1": [(4, None, None)],
                             f"{iv[2]}:2": [(5, None, None)]}
    taken = [read[read["code"] != "morale"], read["code"].to_frame(), read.reset_index(drop=True)]
    assert all(t.attrs["named_units"] is units for t in taken)
    assert copy.deepcopy(read.attrs)["named_units"] is units

    from impact.coding.coded_io import read_csv_cells

    raw = read_csv_cells(path)
    assert raw.attrs["rows"] == [2, 4, 5]
    assert raw[raw["code"] != "morale"].attrs["rows"] is raw.attrs["rows"]


_MIXED = ["a", None, np.nan, pd.NA, pd.NaT, 3, 2.5, True, ""]


def _expected_text(values):
    """str(v) for present values, None for missing ones: pandas 3's "str" conversion, computed without pandas."""
    return [None if v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and v != v) else str(v) for v in values]


def _cells(series):
    return [None if pd.isna(v) else v for v in series.tolist()]


@pytest.mark.parametrize("dtype", [object, "category"])
def test_text_keeps_missing_values_missing_under_any_pandas(dtype):
    """pandas 2.x turns None into the text 'None' and NaN into 'nan' on ``astype("str")`` / ``pd.array(.., "str")``;
    the helpers give pandas 3's values (present ones as str(v), missing ones NaN) under every pandas setup.cfg allows."""
    values = _MIXED if dtype is object else ["x", None, "y", np.nan, "x"]
    expected = _expected_text(values)
    series = pd.Series(values, index=[10 * i for i in range(len(values))], name="col", dtype=dtype)
    out = as_text(series)
    assert _cells(out) == expected
    assert list(out.index) == list(series.index) and out.name == "col"
    assert all(isinstance(v, str) for v in out.dropna().tolist())
    made = text_series(values, index=series.index, name="col")
    assert _cells(made) == expected and list(made.index) == list(series.index) and made.name == "col"
    assert _cells(text_series(iter(values))) == expected
    assert _cells(text_series(pd.NA, index=[1, 2])) == [None, None]
    assert text_series([]).empty


def test_missing_text_stays_missing_in_library_tables(tmp_path):
    """Tables built with the helpers: an unknown council name and unset GUIDs of a REFI-QDA code stay missing
    (under pandas 2.2 they were the texts '<NA>' and 'None', so 'None' was refused as a GUID), and an Ofsted urn not in
    the crosswalk falls back to the council's name (under pandas 2.2 every such row got the council id 'nan')."""
    ids = to_council_id(pd.Series(["Nowhere Such", None]), key_type="name", unmatched="ignore")
    assert ids.isna().all()
    codes = frame("codes", [{"name": "a"}])
    assert codes[["code_guid", "parent_guid", "description"]].isna().all(axis=None)
    assert codes.loc[0, "name"] == "a"
    f = tmp_path / "history.csv"
    f.write_text("urn,local_authority,publication_date,inspector_name,overall_effectiveness_grade\n"
                 "1,london corporation,20/03/2020,B Person,outstanding\n"
                 "2,telford & wrekin,01/06/22,A Person,inadequate\n", encoding="utf-8")
    # DfE local-authority codes: City of London 201, Telford and Wrekin 894
    assert read_ofsted(f)["council_id"].tolist() == ["201", "894"]


# Under pandas 2.2 (setup.cfg's floor) a groupby over a categorical key without `observed=True` kept a group for
# every category, used or not (pandas 3 keeps only the used ones): a unit column of councils as a categorical with
# three councils filtered out gave compare_groups a third, empty status group (n_groups 3, Cramer's V, a
# permutation p of 0.01) instead of the two-group comparison (p 1.0). The library passes observed=True throughout.
def test_a_categorical_unit_with_unused_categories_is_compared_as_its_text():
    from impact import stats

    rng = np.random.default_rng(20261205)
    n = 12
    ids = [f"c{i}" for i in range(n)]
    base = pd.DataFrame({"council_id": ids, "status": ["a"] * 6 + ["b"] * 6, "y": rng.integers(0, 2, n).astype(float)})
    text = pd.concat([base, base.assign(y=rng.integers(0, 2, n).astype(float))], ignore_index=True)
    categorical = text.assign(council_id=pd.Categorical(text["council_id"], categories=[*ids, "x1", "x2", "x3"]))
    kwargs = {"outcome": "y", "group": "status", "unit": "council_id", "n_resamples": 99}
    pd.testing.assert_frame_equal(stats.compare_groups(categorical, **kwargs), stats.compare_groups(text, **kwargs))


# A coded row without a code was a code named 'None' under pandas 2.2 (agreement measured on it) and a TypeError
# inside a sort under pandas 3; it is refused, naming the coder and the row.
@pytest.mark.parametrize("column", ["code", "unit"])
def test_a_coded_row_with_no_code_or_unit_is_refused_naming_it(column):
    from impact import coding_to_units
    from impact.errors import InputError

    ann = pd.DataFrame({"unit": ["I1:1", "I1:2"], "code": ["morale", "morale"]})
    bob = pd.DataFrame({"unit": ["I1:1", "I1:2", "I1:3"], "code": ["morale", "learning", "morale"]}, index=[5, 6, 7])
    bob.loc[6, column] = None
    with pytest.raises(InputError, match=rf"`coded output of 'bob'` has 1 row with no {column} \(row 6\)"):
        coding_to_units({"ann": ann, "bob": bob})

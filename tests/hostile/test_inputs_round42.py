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


# --------------------------------------------------------------------------- 2. dates in a formula
def _dated(kind: str) -> pd.DataFrame:
    rng = np.random.default_rng(42)
    days = np.tile([0, 91, 365, 730], 10)  # four waves: before, three months, a year, two years after
    when = pd.Series(pd.Timestamp("2013-04-01") + pd.to_timedelta(days, unit="D"))
    given = {"datetime64": when, "timezone": when.dt.tz_localize("Europe/London"), "durations": when - when.min(),
             "periods": when.dt.to_period("M"), "object dates": when.dt.date.astype(object),
             "object datetimes": pd.Series([datetime.datetime(t.year, t.month, t.day) for t in when], dtype=object)}
    return pd.DataFrame({"unit": np.repeat([f"c{i}" for i in range(10)], 4), "wave": np.tile(range(4), 10),
                         "score": rng.normal(size=40), "event": rng.integers(0, 2, size=40), "when": given[kind]})


def _fit(route: str, data: pd.DataFrame):
    from impact.stats import firth_logistic, longitudinal_model

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if route == "formula":
            return longitudinal_model(data, formula="score ~ when", unit="unit", time="wave")
        if route == "firth":
            return firth_logistic(data, formula="event ~ wave + when")
        return longitudinal_model(data, outcome="score", unit="unit", time="when")  # the default formula's C(time)


# Old: the model was fitted with one term per distinct date ("when[T.Timestamp('2013-07-01 00:00:00')]", ...), a
# step for each date where a trend in time was meant, without a word; an object column of datetime.date too.
@pytest.mark.parametrize("route", ["formula", "firth", "time"])
@pytest.mark.parametrize(("kind", "held", "example"), [
    ("datetime64", "dates", "Timestamp('2013-04-01 00:00:00')"), ("object dates", "dates", "datetime.date(2013, 4, 1)"),
    ("object datetimes", "dates", "datetime.datetime(2013, 4, 1, 0, 0)")])
def test_a_date_column_in_a_formula_is_refused_saying_how_to_give_it(route, kind, held, example):
    with pytest.raises(ValueError) as info:
        _fit(route, _dated(kind))
    msg = str(info.value)
    assert f"'when' holds {held} (4 distinct values, e.g. {example})" in msg, msg
    assert ".dt.days / 365.25" in msg and "data['when'].astype(str)" in msg, msg


# Old: a column of durations given as `time` went into the default formula's C(time) as one category per duration.
def test_a_duration_column_as_time_is_refused_saying_how_to_give_it():
    with pytest.raises(ValueError, match=r"'when' holds durations \(4 distinct values, e.g. Timedelta\('0 days "
                                         r"00:00:00'\)\).*data\['when'\]\.dt\.days"):
        _fit("time", _dated("durations"))


# Old: "The term 'np.log(when)' ... applies a calculation to the column 'when' (dtype datetime64[us], ...), where
# numbers were expected (convert with pd.to_numeric ...)": pd.to_numeric makes a date nanoseconds since 1970.
def test_arithmetic_on_a_date_column_says_how_to_make_it_a_number():
    from impact.stats import firth_logistic

    with pytest.raises(ValueError) as info:
        firth_logistic(_dated("datetime64"), formula="event ~ np.log(when)")
    msg = str(info.value)
    assert "'when' holds dates (dtype datetime64" in msg and "The term 'np.log(when)' cannot be evaluated" in msg, msg
    assert "pd.to_numeric" not in msg and ".dt.days / 365.25" in msg


# Old: patsy fails inside numpy on dates with a time zone, periods and durations in a formula ("Cannot interpret
# 'datetime64[us, Europe/London]' as a data type", "Cannot cast ufunc 'multiply' output from dtype('<m8[us]')"), an
# error no caller caught; _formula_error, given that error, said patsy's words. It now names the column, what it holds
# and what to make of it. (The models catch patsy's own errors only: impact/stats/_models.py's _model_design and
# impact/stats/_firth.py's firth_logistic are to pass these too; see the round's report.)
@pytest.mark.parametrize(("kind", "held", "fix"), [("timezone", "dates", ".dt.days / 365.25"),
                                                   ("periods", "periods", "data['when'].dt.year"),
                                                   ("durations", "durations", "data['when'].dt.days")])
def test_formula_error_names_a_date_column_patsy_cannot_read(kind, held, fix):
    import patsy

    from impact.stats._checks import _formula_error

    data = _dated(kind)
    with pytest.raises(Exception) as raised:  # noqa: PT011 - numpy's TypeError or UFuncTypeError, as patsy lets it out
        patsy.dmatrices("score ~ wave + when", data, NA_action="drop", return_type="dataframe")
    msg = str(_formula_error("score ~ wave + when", data, raised.value))
    assert f"'when' holds {held} (dtype {data['when'].dtype}" in msg and fix in msg, msg


# --------------------------------------------------------------------------- 3. ids as text: one function
_CASES = {
    "ints": (pd.Series([1, 2, 940]), ["1", "2", "940"], ["1", "2", "940"]),
    "nullable ints": (pd.Series([1, None, 940], dtype="Int64"), ["1", None, "940"], ["1", None, "940"]),
    "floats": (pd.Series([1.0, 2.5, np.nan, 940.0, np.inf, -0.0, 1e20]),
               ["1", "2.5", None, "940", "inf", "0", "100000000000000000000"],
               ["1", "2.5", None, "940", "inf", "0", "100000000000000000000"]),
    "float32": (pd.Series([1.0, 2.5, np.nan], dtype="float32"), ["1", "2.5", None], ["1", "2.5", None]),
    # key_text gave '1.0' here until round 44 made a whole-number float of any width the integer for every caller
    "float32 scalars": (pd.Series([np.float32(1.0), np.float32(2.5), "a"], dtype=object),
                        ["1", "2.5", "a"], ["1", "2.5", "a"]),
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
    same = _frames.key_strings(named, strip=True)  # the rule key_text is
    assert _listed(same) == as_key_text
    assert [_joins.one_key(v) for v in values.astype(object)] == as_key_text
    assert [_frames.one_key(v) for v in values.astype(object)] == [
        None if pd.isna(v) else v for v in _listed(_frames.key_strings(values.astype(object)))]


# --------------------------------------------------------------------------- 4. the readers of the command line
# Old, a Parquet coded file: a unit column of categories with a missing unit crashed ("TypeError: Cannot setitem on a
# Categorical with a new category (), set the categories first"); a missing unit of a text column was read as the
# unit ''; an end of 1e300 was made int64's lowest number (-9223372036854775808) without a word; a start of dates was
# read as nanoseconds since 1970 (1577836800000000000).
@pytest.mark.skipif(importlib.util.find_spec("pyarrow") is None, reason="needs pyarrow")
@pytest.mark.parametrize(("column", "values", "said"), [
    ("unit", pd.Categorical(["s1", None]), "column unit: row 3: '' - expected a unit"),
    ("unit", ["s1", None], "column unit: row 3: '' - expected a unit"),
    ("end", [4.0, 1e300], "column end: row 3: '1e+300' - expected a whole number"),
    ("start", pd.to_datetime(["2020-01-01", "2020-01-02"]), "column start: row 2: '2020-01-01 00:00:00', row 3: "
                                                             "'2020-01-02 00:00:00' - expected a whole number"),
])
def test_read_coded_parquet_refuses_what_it_crashed_on_or_misread(tmp_path, column, values, said):
    from impact.coding.coded_io import read_coded

    coded = pd.DataFrame({"unit": ["s1", "s2"], "code": ["morale", "plans"], "score": [0.5, 0.9],
                          "negated": [False, True], "hedged": [False, False], "attribution": ["", "self"],
                          "start": [0, 5], "end": [4, 9]}).assign(**{column: values})
    path = tmp_path / "coded.parquet"
    coded.to_parquet(path, index=False)
    with pytest.raises(InputError) as info:
        read_coded(path)
    assert said in str(info.value), str(info.value)


# Old: a coded CSV row with no unit was read as the unit '' (impact export-qdpx then coded no text with it), and a
# turn of -2 as a turn.
def test_read_coded_csv_refuses_a_row_without_a_unit_and_a_negative_turn(tmp_path):
    from impact.coding.coded_io import read_coded

    path = tmp_path / "coded.csv"
    path.write_text(_HEADER.replace("end", "end,turn") + "s1,morale,0.9,False,False,,0,10,1\n"
                    " , plans,0.8,False,False,,0,10,\ns3,plans,0.8,False,False,,0,10,-2\n")
    with pytest.raises(InputError) as info:
        read_coded(path)
    msg = str(info.value)
    assert "column unit: row 3: ' ' - expected a unit" in msg and "column turn: row 4: '-2' - expected a turn's " \
           "number, 0 or more, or blank" in msg, msg


# Old: a file saved with a UTF-8 byte-order mark twice (one program's, then another's) kept the second as text: the
# first column's name began with it, and a coded file "lacked" its unit column, a study table its council_id.
def test_a_byte_order_mark_given_twice_is_no_text(tmp_path, study_dir, capsys):
    from impact.cli import main
    from impact.coding.coded_io import read_coded

    bom = b"\xef\xbb\xbf"
    path = tmp_path / "coded.csv"
    path.write_bytes(bom * 2 + (_HEADER + "s1,morale,0.9,False,False,,0,10\r\n").encode())
    assert read_coded(path)["unit"].tolist() == ["s1"]
    table = next(p for p in sorted(study_dir.glob("*.csv")) if p.read_bytes()[:1].isalpha())
    table.write_bytes(bom * 2 + table.read_bytes().replace(b"\n", b"\r\n"))
    code = main(["validate", str(study_dir)])
    out = capsys.readouterr()
    assert code == 0, out.out + out.err

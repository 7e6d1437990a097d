"""Work done once that was done per cell or per median (testtime34): a study's float cells converted once per
distinct value, and the report's median bounds reading the prevalence table's groups from one pass over it. Each
result must be what the computation cell by cell, median by median, gives: compared here with it, written out
independently of the code under test."""

from __future__ import annotations

import dataclasses
import math
import warnings

import numpy as np
import pandas as pd
import pytest

from impact import schema
from impact.study import TABLES, _checked_records, _number_text


def _cell_by_cell(table: schema.Table, df: pd.DataFrame) -> list[dict[str, str]]:
    """The records of a numbers-only table converted one cell at a time, with no memo (blank where missing)."""
    types = {c.name: c.type for c in table.columns}
    out = [{} for _ in range(len(df))]
    for name in df.columns:
        for i, value in enumerate(df[name].tolist()):
            missing = value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))
            out[i][name] = "" if missing else _number_text(value, types[name])[0]
    return out


@pytest.mark.parametrize("seed", [3401, 3402, 3403])
def test_float_cells_are_held_as_converted_one_by_one(seed):
    """Floats repeat down a survey's columns (answers, scores): converted once per distinct value, a zero of either
    sign, a NaN, a numpy float and an integer equal to a float must each be held as the cell alone gives it (-0.0 is
    written '-0.0', 0.0 '0.0'; 3 and 3.0 of an int column alike '3')."""
    rng = np.random.default_rng(seed)
    spec = TABLES["indicators"]
    floats = [c.name for c in spec.columns if c.type == "float"]
    assert floats, "the indicators table has a float column"
    n = 400
    pool = np.array([0.0, -0.0, 1.5, 2.25, -3.0, 1e-300, 7.0, np.nan, 0.1 + 0.2, 0.3])
    df = pd.DataFrame({name: rng.choice(pool, n) for name in floats})
    column = floats[0]
    values = df[column].astype(object)
    values[::7] = [np.float64(v) for v in df[column].to_numpy()[::7]]  # numpy scalars, which have no memo key
    df[column] = values
    records, errors, changed = _checked_records(spec, df)
    assert errors == [] and changed == []
    assert records == _cell_by_cell(spec, df)
    held = [r[column] for r in records]
    assert {"-0.0", "0.0"} <= set(held)  # both zeros reached the memo and kept their own text
    assert "0.30000000000000004" in held and "0.3" in held


def test_a_study_holds_the_same_cells_whichever_order_equal_floats_come_in():
    """The memo must not carry one value's text to another: a table and its rows reversed hold the same cells."""
    rng = np.random.default_rng(3404)
    spec = TABLES["indicators"]
    floats = [c.name for c in spec.columns if c.type == "float"]
    df = pd.DataFrame({name: rng.choice([-0.0, 0.0, 2.5, np.nan, 1 / 3], 50) for name in floats})
    forward = _checked_records(spec, df)[0]
    backward = _checked_records(spec, df.iloc[::-1].reset_index(drop=True))[0]
    assert forward == backward[::-1]


def _groups_by_comparison(prevalence: pd.DataFrame, code: str, wave: str) -> list:
    """The groups of the prevalence table's 'reported' rows of ``code`` at ``wave``, by the three comparisons."""
    at = prevalence[(prevalence["measure"] == "reported") & (prevalence["code"] == code)
                    & (prevalence["wave"] == wave)]
    return list(at["group"])


@pytest.mark.parametrize("n_councils, seed", [(12, 3405), (20, 3406)])
def test_the_median_bounds_read_the_groups_the_comparisons_select(n_councils, seed):
    """For every code and wave of a generated study's prevalence table (and a code and a wave it does not hold), the
    groups the report's median bounds read are those the row-by-row selection gives, in its order."""
    from impact.pipeline import analyse
    from impact.report import _build
    from impact.synth import generate_with_truth

    study, truth = generate_with_truth(n_councils, seed=seed, interviews_per_wave=2, words_per_interview=80)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        findings = analyse(study, coded=truth.coded(), n_resamples=19, seed=1, parts=("change",))
    prevalence = findings.prevalence
    ctx = _build._Ctx(findings, False, 5, 5, None)
    got = _build._reported_groups(ctx)
    codes = [*prevalence["code"].unique(), "no_such_code"]
    waves = [*study.wave_ids, "no_such_wave"]
    for code in codes:
        for wave in waves:
            assert list(got.get((code, wave), ())) == _groups_by_comparison(prevalence, code, wave), (code, wave)
    assert sum(len(v) for v in got.values()) == int((prevalence["measure"] == "reported").sum())
    # made once per prevalence table: another table is read afresh
    assert _build._reported_groups(ctx) is got
    ctx.f = dataclasses.replace(findings, prevalence=prevalence.iloc[::-1])
    again = _build._reported_groups(ctx)
    assert again is not got
    for (code, wave), groups in got.items():
        assert again[(code, wave)] == groups[::-1]


def test_whole_numbers_given_as_floats_and_ints_are_held_alike():
    """A whole-number column given 3, 3.0 and numpy's 3.0 holds '3' for each; 2.5 is refused at its own row, each time
    it comes (the memo carries the problem to every row holding the value, with that row's number)."""
    spec = TABLES["survey_responses"]
    df = pd.DataFrame({"value": pd.Series([3, 3.0, np.float64(3.0), 2.5, 4, 2.5, None], dtype=object)})
    records, errors, _ = _checked_records(spec, df)
    assert [r["value"] for r in records] == ["3", "3", "3", "", "4", "", ""]
    assert [(e.row, e.value) for e in errors] == [(5, "2.5"), (7, "2.5")]

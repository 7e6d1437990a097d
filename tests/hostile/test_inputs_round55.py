"""Hostile inputs, round 55 (helper-inputs55): what is written must be what can be read.

1. ``Study.save`` wrote a study ``load_study`` then refused (an empty transcript cell, a blank council name, an id out
   of its pattern, a value outside its vocabulary, a reference to a council not listed, an id given twice, an empty
   transcript): it now refuses, before anything is written, every error the loader would refuse the saved study for,
   named by the same file, row and column.  The truth each case is checked against is the loader's own verdict on the
   same study saved with ``validate=False`` (written as it is).
2. ``write_coded`` wrote a coded file ``read_coded`` refused (a row of no unit, a score outside 0 to 1, a span ending
   before it starts, a cell longer than a spreadsheet holds): refused before a byte is written, by row and column.
3. Values that look like something else (``007``, ``2024-01``, ``NA``, ``null``, ``None``, a lone ``\\r``, very long
   text) read back as written, through a study folder and a coded CSV (guards: they already did).

Each test here failed on main (checked by running this file against main's package), except those named ``guard``.
"""

from __future__ import annotations

import os
import warnings

import pandas as pd
import pytest

_LOOKALIKES = ["007", "2024-01", "NA", "null", "None", "N/A", "#N/A", "nan", "a\rb", "TRUE", "1e5", "y" * 20_000]


def _changed(study, table: str, column: str, value, row: int = 0):
    """``study`` with one cell (``row`` of ``table``, ``column``) set to ``value``, transcripts as they were."""
    from impact.study import Study

    tables = {k: v.copy() for k, v in study._tables.items()}
    tables[table][column] = tables[table][column].astype(object)
    tables[table].loc[row, column] = value
    texts = {r: study._transcript_text(r) for r in study._tables["interviews"]["transcript"].dropna()}
    return Study(study.meta, tables, texts)


def _where(problems) -> set[tuple[str, int | None, str | None]]:
    return {(p.file, p.row, p.column) for p in problems if p.severity == "error"}


# --------------------------------------------------------------------------- 1. Study.save refuses what load refuses
# Old: each was saved without a word, and load_study refused the folder saved ("expected a value", ...).
@pytest.mark.parametrize(("table", "column", "value", "said"), [
    ("interviews", "transcript", "", "a value ("),
    ("councils", "name", "", "a value (Council name"),
    ("councils", "council_id", "30A", "a DfE three-digit local authority number"),
    ("councils", "region", "Atlantis", "one of"),
    ("participants", "council_id", "999", "listed in councils.csv"),
    ("participants", "role", "astronaut", "one of"),
    ("interviews", "interview_id", "P1-expectations", "a unique interview_id"),
    ("reviews", "n_recommendations", -1, "from 0"),
    ("reviews", "themes", "outcomes;outcomes", "each theme once"),
    ("councils", "ons_code", "X123", "an ONS code"),
], ids=["empty-transcript", "blank-name", "pattern", "vocabulary", "reference", "role", "duplicate-key",
        "below-range", "list-twice", "ons-pattern"])
def test_study_save_refuses_what_load_study_would_refuse_by_file_row_and_column(tiny_study, tmp_path, table, column,
                                                                                value, said):
    from impact.errors import ValidationError
    from impact.study import load_study

    study = _changed(tiny_study, table, column, value, row=1 if column == "interview_id" else 0)
    with pytest.raises(ValidationError) as caught:
        study.save(tmp_path / "s")
    assert os.listdir(tmp_path) == []  # nothing written, no lock or staging folder left beside
    refused = caught.value
    assert "study not saved (nothing written), as load_study would refuse it" in str(refused), refused
    # the loader's own verdict on the same study written as it is: the same errors, at the same places
    study.save(tmp_path / "as-is", validate=False)
    with pytest.raises(ValidationError) as loaded:
        load_study(tmp_path / "as-is")
    assert _where(refused.errors) == _where(loaded.value.errors), (refused, loaded.value)
    assert any(said in p.expected for p in refused.errors), refused
    filename = f"{table}.csv"
    assert any(p.file == filename and p.column in (column, None) for p in refused.errors), refused


def test_study_save_refuses_an_empty_transcript_text(tiny_study, tmp_path):
    from impact.errors import ValidationError
    from impact.study import Study, load_study

    rel = tiny_study._tables["interviews"]["transcript"].iloc[0]
    texts = {r: tiny_study._transcript_text(r) for r in tiny_study._tables["interviews"]["transcript"]}
    texts[rel] = ""
    study = Study(tiny_study.meta, tiny_study._tables, texts)
    with pytest.raises(ValidationError) as caught:
        study.save(tmp_path / "s")
    assert os.listdir(tmp_path) == []
    study.save(tmp_path / "as-is", validate=False)
    with pytest.raises(ValidationError) as loaded:
        load_study(tmp_path / "as-is")
    assert _where(caught.value.errors) == _where(loaded.value.errors) != set()


def test_study_save_validate_must_be_a_bool(tiny_study, tmp_path):
    with pytest.raises(TypeError, match="`validate` must be True or False, but 'no' \\(str\\) was passed"):
        tiny_study.save(tmp_path / "s", validate="no")


def test_guard_a_valid_study_saved_and_loaded_is_equal(tiny_study, tmp_path):
    from impact.study import load_study

    assert load_study(tiny_study.save(tmp_path / "s")).equals(tiny_study)


# --------------------------------------------------------------------------- 2. write_coded refuses what read refuses
def _coded(**change) -> pd.DataFrame:
    frame = pd.DataFrame({"unit": ["I1:1", "I1:2"], "code": ["morale", "learning"], "score": [0.5, 1.0],
                          "negated": [False, True], "hedged": [False, False], "attribution": ["respondent", "self"],
                          "start": [0, 3], "end": [2, 9]})
    for column, value in change.items():
        frame[column] = frame[column].astype(object)
        frame.loc[1, column] = value
    return frame


# Old: written, then "unreadable coded values: column unit: row 3: '' - expected a unit" when read back.
@pytest.mark.parametrize(("change", "said"), [
    ({"unit": ""}, "column unit: row 3: '' - expected a unit"),
    ({"unit": "\r"}, "column unit: row 3: '\\r' - expected a unit"),
    ({"score": 1.5}, "column score: row 3: '1.5' - expected a finite number from 0 to 1"),
    ({"end": -1}, "column end: row 3: '-1' (start 3) - expected a position at or after the row's start"),
    ({"code": "y" * 40_000}, "coded.csv:3:code: 'yyyyyyyyyyyyyyyyyyyy'... - expected a cell of at most 32,767"),
], ids=["blank-unit", "cr-unit", "score", "span", "long-cell"])
def test_write_coded_refuses_what_read_coded_would_refuse(tmp_path, change, said):
    from impact.coding.coded_io import read_coded, write_coded
    from impact.errors import InputError

    path = tmp_path / "coded.csv"
    with pytest.raises(InputError) as caught:
        write_coded(_coded(**change), path)
    assert str(caught.value).startswith(f"{path}: not written, as read_coded would refuse the file"), caught.value
    assert said in str(caught.value), caught.value
    assert os.listdir(tmp_path) == []
    write_coded(_coded(), path)  # the same without the bad cell is written and read back
    pd.testing.assert_frame_equal(read_coded(path), _coded())


# --------------------------------------------------------------------------- 3. guards: look-alikes read back as written
@pytest.mark.parametrize("value", _LOOKALIKES, ids=[v[:8] or "empty" for v in _LOOKALIKES])
def test_guard_lookalike_values_read_back_through_a_study_folder(tiny_study, tmp_path, value):
    from impact.study import load_study

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing changed on the way in either
        study = _changed(tiny_study, "participants", "name", value)
    back = load_study(study.save(tmp_path / "s"), validate=False)
    assert back.participants["name"].iloc[0] == value


@pytest.mark.parametrize("value", _LOOKALIKES[:-1], ids=[v[:8] for v in _LOOKALIKES[:-1]])
def test_guard_lookalike_values_read_back_through_a_coded_csv(tmp_path, value):
    from impact.coding.coded_io import read_coded, write_coded

    frame = _coded(unit=value, code=value, attribution=value)
    back = read_coded(write_coded(frame, tmp_path / "coded.csv"))
    assert back.loc[1, ["unit", "code", "attribution"]].tolist() == [value] * 3


# --------------------------------------------------------------------------- 4. the review workbook
def _reviewed_back(tmp_path, unit: str, text: str = "Morale rose a lot.") -> pd.DataFrame:
    """A review workbook exported for ``unit`` (and one other), every suggestion accepted, imported again."""
    import openpyxl

    from impact.review import export_review, import_review

    segments = pd.DataFrame({"segment_id": [unit, "S2"], "text": [text, "We wrote a plan."], "start": [0, 0]})
    coded = pd.DataFrame({"unit": [unit, "S2"], "code": ["morale", "ideas"], "score": [0.9, 0.8]})
    path = export_review(segments, coded=coded, path=tmp_path / "review.xlsx", reviewer="ann")
    wb = openpyxl.load_workbook(path)
    ws = wb["review"]
    decision = [c.value for c in ws[1]].index("decision") + 1
    for row in range(2, ws.max_row + 1):
        ws.cell(row, decision).value = "accept"
    wb.save(path)
    return import_review(path)


# Old: the unit came back as "'=1+1" (the apostrophe the export puts before a formula kept), matching no unit of the
# coded file, so the reviewer's decisions on it were compared with nothing.
@pytest.mark.parametrize("unit", ["=1+1", "-3", "+44 20", "@home", "'=x"])
def test_a_formula_like_unit_comes_back_from_the_review_workbook_as_coded(tmp_path, unit):
    back = _reviewed_back(tmp_path, unit)
    assert sorted(back["unit"]) == sorted([unit, "S2"])


# Old: RuntimeError "raqm_layout() failed." (the font engine measuring the column's width refuses a "\r" inside a
# line): a segment holding an old Mac line end, or an id holding one, wrote no workbook.
@pytest.mark.parametrize(("unit", "text"), [("S1", "Morale\rrose."), ("a\rb", "Morale rose."),
                                            ("S1", "One\x85two\u2029three")], ids=["cr-text", "cr-unit", "nel-ps"])
def test_a_review_workbook_is_written_for_text_holding_a_carriage_return(tmp_path, unit, text):
    back = _reviewed_back(tmp_path, unit, text)
    assert sorted(back["unit"]) == sorted([unit, "S2"])


def test_text_width_measures_paragraph_ends_as_nothing():
    from impact._textwidth import excel_pixels, text_width

    assert text_width("ab\rcd", 10) == text_width("abcd", 10)
    assert excel_pixels("Morale\rrose", 11) == excel_pixels("Moralerose", 11)

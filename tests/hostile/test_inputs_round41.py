"""Hostile inputs, round 41 (helper-inputs41): a model formula naming a column that is absent or of the wrong type
(patsy's words passed through as the package's), identifiers compared as ``astype(str)`` text (a unit ``1`` read
as the integer from one table and the float ``1.0`` from another, which never matched, or a missing one read as
the text 'nan'), and study-folder forms no earlier round had tried.

Each test is a hostile input the old code got wrong; what it did is said beside the test.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import patsy
import pytest

from impact.errors import InputError


# --------------------------------------------------------------------------- 1. formulas
def _panel() -> pd.DataFrame:
    rng = np.random.default_rng(41)
    n = 40
    return pd.DataFrame({"unit": np.repeat([f"c{i}" for i in range(10)], 4), "time": np.tile(range(4), 10),
                         "score": rng.normal(size=n), "event": rng.integers(0, 2, size=n),
                         "region": np.tile(["north", "south"], n // 2), "band": np.tile(["1", "2", "3", "4"], 10)})


def _fitters():
    from impact.stats import firth_logistic, longitudinal_model

    return [("longitudinal", lambda d, f: longitudinal_model(d, formula=f, unit="unit", time="time")),
            ("firth", lambda d, f: firth_logistic(d, formula=f.replace("score ~", "event ~")))]


# Old, an absent name: "The formula 'score ~ time + Region' cannot be evaluated on `data`: Error evaluating factor:
# NameError: name 'Region' is not defined" and patsy's caret drawing, the first absent name only, no columns offered.
# Old, a text column in arithmetic: "... Error evaluating factor: TypeError: loop of ufunc does not support argument 0
# of type str which has no callable log method": no column, no type, nothing said of what was expected.
@pytest.mark.parametrize("which", [0, 1])
@pytest.mark.parametrize(("formula", "said", "unsaid"), [
    ("score ~ time + Region + C(councl)", ["'Region' (did you mean 'region'?)", "'councl'"], ["NameError", "factor"]),
    ("score ~ time + np.log(band)", ["'np.log(band)'", "column 'band'", "numbers were expected"], ["ufunc", "factor"]),
])
def test_formula_names_the_absent_or_wrong_column_in_the_package_words(which, formula, said, unsaid):
    _, fit = _fitters()[which]
    with pytest.raises(ValueError) as info:
        fit(_panel(), formula)
    msg = str(info.value)
    assert all(s in msg for s in said) and not any(s in msg for s in unsaid), msg
    assert isinstance(info.value.__cause__, patsy.PatsyError)  # patsy's text kept as the cause


# Old: "... cannot be evaluated on `data`: expected a noun, but instead the expression ended" (patsy's grammar words).
def test_formula_that_cannot_be_read_says_where_and_what_is_expected():
    _, fit = _fitters()[0]
    with pytest.raises(ValueError) as info:
        fit(_panel(), "score ~ time +")
    msg = str(info.value)
    assert "at character 14" in msg and "outcome ~ term + term" in msg and "noun" not in msg


# --------------------------------------------------------------------------- 2. identifiers as text
# Old: gold units read as integers and predicted ones as floats (a column with a missing value elsewhere) never
# matched: every true positive was counted as a false negative and a false positive (tp 0, f1 0).
def test_score_codes_matches_a_unit_given_as_int_and_as_float():
    from impact.coding import score_codes

    gold = pd.DataFrame({"unit": [1, 2, 3, 5], "code": ["a", "a", "b", "b"]})
    pred = pd.DataFrame({"unit": [1.0, 3.0, 4.0, 5.0], "code": ["a", "b", "b", "a"]})
    out = score_codes(pred, gold, units=np.array([1.0, 2.0, 3.0, 4.0, 5.0])).set_index("code")
    # by hand: a: gold {1,2}, predicted {1,5} -> tp 1, fp 1, fn 1; b: gold {3,5}, predicted {3,4} -> tp 1, fp 1, fn 1
    assert out.loc["a", ["tp", "fp", "fn"]].astype(int).tolist() == [1, 1, 1]
    assert out.loc["b", ["tp", "fp", "fn"]].astype(int).tolist() == [1, 1, 1]
    assert out.loc["micro", "n_units"] == 5


# Old: a predicted row with no unit was read as the unit 'nan', not among `units`, and left out without a word.
def test_score_codes_refuses_a_row_without_a_unit():
    from impact.coding import score_codes

    gold = pd.DataFrame({"unit": ["s1", "s2"], "code": ["a", "a"]})
    pred = pd.DataFrame({"unit": ["s1", None], "code": ["a", "a"]})
    with pytest.raises(InputError, match=r"`predicted` column 'unit' has no value on row 1"):
        score_codes(pred, gold, units=["s1", "s2"])


# Old: training labels with float units (1.0) never matched the texts' integer units: no code had a positive
# example and fit refused ("no code of codebook nfer_impacts has both positive and negative training units").
def test_trained_coder_learns_from_labels_whose_units_are_floats():
    from impact.coding import TrainedCoder

    texts = ["staff morale improved after the review", "morale of the team is higher", "the budget was cut",
             "social workers feel valued and morale rose", "nothing changed in the budget", "we met the deadline"]
    y = pd.DataFrame({"unit": [0.0, 1.0, 3.0, np.nan], "code": ["morale", "morale", "morale", None]}).iloc[:3]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the codes with no positive example are not learned, and said so
        as_int = TrainedCoder().fit(texts, y.assign(unit=y["unit"].astype(int)))
        as_float = TrainedCoder().fit(texts, y)
    assert sorted(as_float.models_) == sorted(as_int.models_) == ["morale"]


# Old: segments with integer ids went to the reviewer with no text (the review's text column empty: the segments
# were looked up by the text '1'), and coded units 1.0 were refused as "'1.0' - expected a segment_id".
@pytest.mark.parametrize("units", [[1, 3], [1.0, 3.0]])
def test_review_finds_the_text_of_integer_and_float_ids(tmp_path, units):
    from impact.review import export_review

    seg = pd.DataFrame({"segment_id": [1, 2, 3], "text": ["alpha text", "beta text", "gamma text"]})
    coded = pd.DataFrame({"unit": units, "code": ["a", "b"], "score": [0.9, 0.8]})
    out = export_review(seg, coded=coded, path=tmp_path / "r.xlsx")
    sheet = pd.read_excel(out, sheet_name="review", dtype=str).set_index("unit")
    assert sheet.loc["1", "text"] == "alpha text" and sheet.loc["3", "text"] == "gamma text"


# Old: a coded row without a code, with no codebook, failed inside sorted() ("'<' not supported between instances
# of 'float' and 'str'"), naming no row.
def test_review_refuses_a_coded_row_without_a_code(tmp_path):
    from impact.errors import ValidationError
    from impact.review import export_review

    seg = pd.DataFrame({"segment_id": ["s1", "s2"], "text": ["alpha text", "beta text"]})
    coded = pd.DataFrame({"unit": ["s1", "s2"], "code": ["a", None], "score": [0.9, 0.8]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(ValidationError, match=r"coded:3:code"):
            export_review(seg, coded=coded, path=tmp_path / "r.xlsx")
    assert not (tmp_path / "r.xlsx").exists()


# Old: units listed as integers and a coder's units read as floats were refused ("coded:unit: '1.0' - expected a
# unit listed in `units`"), though they are the units listed.
def test_agreement_grid_reads_a_float_unit_as_the_listed_integer():
    from impact.agreement import coding_to_units

    ann = pd.DataFrame({"unit": [1, 2], "code": ["morale", "morale"]})
    bot = pd.DataFrame({"unit": [1.0, 3.0], "code": ["morale", "morale"]})
    grid = coding_to_units({"ann": ann, "bot": bot}, units=[1, 2, 3, 4])
    got = grid.pivot(index="unit", columns="coder", values="value").astype(int)
    assert got.to_dict("index") == {"1": {"ann": 1, "bot": 1}, "2": {"ann": 1, "bot": 0},
                                    "3": {"ann": 0, "bot": 1}, "4": {"ann": 0, "bot": 0}}


# Old: coders' units read as floats (1.0) were looked up among the segments as the text '1.0': every disagreement
# went to the adjudicator with no text and no context, and its unit written '1.0'.
def test_disagreements_find_the_text_of_a_float_unit():
    from impact.disagreements import disagreements

    data = pd.DataFrame({"unit": [1.0, 1.0, 2.0, 2.0, 3.0, 3.0], "coder": ["a", "b"] * 3, "value": [1, 0, 1, 1, 0, 1],
                         "code": ["morale"] * 6})
    seg = pd.DataFrame({"segment_id": [1, 2, 3], "text": ["first text", "second text", "third text"],
                        "interview_id": ["I1"] * 3, "start": [0, 20, 40]})
    out = disagreements(data, segments=seg).set_index("unit")
    assert out.index.tolist() == ["1", "3"]  # planted: the coders differ on units 1 and 3
    assert out.loc["1", ["text", "next_text"]].tolist() == ["first text", "second text"]
    assert out.loc["3", ["text", "previous_text"]].tolist() == ["third text", "second text"]


# --------------------------------------------------------------------------- 3. the study folder
# Old: a survey answer out of every survey value's bounds ('1,234', thousands-separated, or 2000) on an item of scale
# 1-5 was told to be "a whole number from -1,000 to 1,000", not its item's scale (an answer of 7 already was).
@pytest.mark.parametrize("given", ['"1,234"', "2000"])
def test_survey_answer_out_of_bounds_is_told_its_items_scale(study_dir, capsys, given):
    from impact.cli import main

    path = study_dir / "survey_responses.csv"
    lines = path.read_text().splitlines()
    head = lines[0].split(",")
    cells = lines[1].split(",")
    item = cells[head.index("item")]
    lines[1] = ",".join(cells[:-1] + [given]) if head[-1] == "value" else lines[1]
    path.write_text("\n".join(lines) + "\n")
    assert main(["validate", str(study_dir)]) == 2
    err = capsys.readouterr()
    out = err.out + err.err
    assert f"survey_responses.csv:2:value: '{given.strip(chr(34))}' - expected a whole number from 1 to 5 (the scale " \
           f"of {item})" in out, out


# Old: "coded.csv: unreadable coded values: column score: Unable to parse string 'high' at position 1; ... column start:
# Unable to parse string 'x' at position 2" (pandas' words, a position among the data rows, the first bad cell of a
# column only), a blank end "Cannot convert non-finite values (NA or inf) to integer", and an end of 1.5 read as 1
# without a word.
def test_read_coded_names_every_bad_cell_with_its_row(tmp_path):
    from impact.coding.coded_io import read_coded

    path = tmp_path / "coded.csv"
    path.write_text("unit,code,score,negated,hedged,attribution,start,end\n"
                    "s1,morale,0.9,False,False,,0,10\n"
                    "s2,morale,high,yes,False,,5,1.5\n"
                    "s3,morale,0.7,False,maybe,,x,20\n"
                    "s4,morale,0.6,False,False,,3,\n")
    with pytest.raises(InputError) as info:
        read_coded(path)
    msg = str(info.value)
    for said in ("column score: row 3: 'high' - expected a finite number", "column negated: row 3: 'yes'",
                 "column hedged: row 4: 'maybe'", "column start: row 4: 'x'", "column end: row 3: '1.5', row 5: ''"):
        assert said in msg, msg
    assert "at position" not in msg and "non-finite" not in msg

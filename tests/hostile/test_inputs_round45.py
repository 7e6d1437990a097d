"""Hostile inputs, round 45 (helper-inputs45): the one id rule for numpy's floats in council lookups and study.yaml,
an other_code typed in another case in a review workbook, and the study folder as a programme officer fills it in
Excel or by hand (a second interview left without a wave, bounds written for indicator values, a status dated in the
future, a status changing between a council's interviews of one wave).

Each test is a hostile input the old code got wrong; what it did is said beside the test.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from impact.errors import ValidationError

from .test_inputs_round25 import _decide


# --------------------------------------------------------------------------- 1. one rule for a whole-number float
# Old: to_council_id read numpy's float32 301.0 in an object column as '301.0', which matched no council (NaN, without a
# word), where the Python float 301.0 was '301'; a Study made in Python with seed np.int64(3) was refused ("'3' -
# expected a whole number"), and np.float32(5.0) had no hint where 5.0 had one.
def test_numpy_floats_and_integers_read_as_python_numbers(tmp_path, tiny_study):
    from impact.councils import to_council_id
    from impact.study import Study, load_study

    # bundled crosswalk: 301 Barking and Dagenham, 868 Windsor and Maidenhead, 909 Cumbria (to_council_id's doctest)
    ids = pd.Series([np.float32(301.0), np.float64(868.0), 909.0, np.float16(909.0), " 909"], dtype=object)
    assert to_council_id(ids).tolist() == ["301", "868", "909", "909", "909"]

    def seed_problems(seed):
        meta = {**tiny_study._meta, "seed": seed}
        study = Study(meta, dict(tiny_study._tables), tiny_study._transcripts)
        return study, [str(p) for p in study.validate() if p.column == "seed"]

    study, said = seed_problems(np.int64(3))
    assert said == []
    study.save(tmp_path / "s")  # YAML could not write numpy's integer ("cannot represent an object")
    assert load_study(tmp_path / "s")._meta["seed"] == 3
    hint = seed_problems(5.0)[1]
    assert len(hint) == 1 and "write 5)" in hint[0], hint
    assert seed_problems(np.float32(5.0))[1] == seed_problems(np.float64(5.0))[1] == hint


# --------------------------------------------------------------------------- 2. an other_code in another case
@pytest.fixture
def review_book(tiny_coded, tmp_path):
    from impact.review import export_review

    return export_review(tiny_coded.segments, coded=tiny_coded.coded, path=tmp_path / "review.xlsx", codebook=tiny_coded.book,
                         reviewer="ann")


# Old: 'Morale' typed for 'morale' was "a code id listed on the 'codes' sheet (did you mean 'morale'?)", a guess where
# the code meant is certain. Kept refused, as coding_to_units refuses a code differing from another only in case
# (round 44): codes are told apart by case everywhere in impact; the message names the spelling to write.
def test_an_other_code_in_another_case_is_refused_naming_the_spelling(review_book):
    from openpyxl import load_workbook

    from impact.review import import_review

    ws = load_workbook(review_book)["review"]
    suggested = {r: ws.cell(r, [c.value for c in ws[1]].index("code") + 1).value for r in (2, 3, 4)}
    other = {r: "plans_actions" if code != "plans_actions" else "morale" for r, code in suggested.items()}
    _decide(review_book, {2: ("other", other[2].capitalize()), 3: ("other", other[3].upper()),
                          4: ("other", other[4] + "x")})
    with pytest.raises(ValidationError) as info:
        import_review(review_book)
    said = {p.row: p.expected for p in info.value.problems}
    for r in (2, 3):
        assert said[r].startswith(f"the code {other[r]!r} as the 'codes' sheet spells it (codes are told apart by "
                                  "case"), said
    assert said[4].startswith("a code id listed on the 'codes' sheet (did you mean"), said
    _decide(review_book, {2: ("other", other[2]), 3: ("other", other[3]), 4: ("accept", None)})
    out = import_review(review_book)
    assert sorted(out.loc[out["present"].astype(bool) & (out["decision"] == "other"), "code"]) == sorted([other[2], other[3]])


# Old: the review sheet's negated and hedged columns showed 'yes' for the text 'False', for a 2 and for numpy's float32
# NaN (not known): `bool(v)` of each, the missing test covering Python floats only; the reviewer read a coding as
# negated that was not.
def test_review_flags_follow_the_one_flag_rule(tmp_path):
    from openpyxl import load_workbook

    from impact.review import export_review

    segments = pd.DataFrame({"segment_id": ["I1:1", "I1:2", "I1:3"], "interview_id": "I1", "text": ["a", "b", "c"]})
    coded = pd.DataFrame({"unit": ["I1:1", "I1:2", "I1:3"], "code": "morale", "score": [0.9, 0.6, 0.7],
                          "negated": pd.Series([np.float32("nan"), "False", 1.0], dtype=object),
                          "hedged": pd.Series([None, np.float64("nan"), 2], dtype=object)})
    with pytest.raises(ValidationError) as info:
        export_review(segments, coded=coded, path=tmp_path / "r.xlsx")
    assert [(p.row, p.column, p.value) for p in info.value.problems] == [(3, "negated", "False"), (4, "hedged", "2")]
    path = export_review(segments, coded=coded.assign(negated=coded["negated"].replace("False", False),
                                                hedged=coded["hedged"].replace(2, 0)), path=tmp_path / "r.xlsx")
    ws = load_workbook(path)["review"]
    header = [c.value for c in ws[1]]
    shown = {r[header.index("unit")]: (r[header.index("negated")], r[header.index("hedged")])
             for r in ws.iter_rows(min_row=2, values_only=True)}
    assert shown == {"I1:1": (None, None), "I1:2": ("no", None), "I1:3": ("yes", "no")}


# --------------------------------------------------------------------------- 3. the study folder, by hand
def _edit(folder, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _errors(folder) -> list:
    from impact.study import load_study

    with pytest.raises(ValidationError) as info:
        load_study(folder)
    return [p for p in info.value.problems if p.severity == "error"]


# Old: a second interview of P1 with its wave left blank, dated in the early window where P1 has an interview already,
# was valid: the study read two early interviews of P1, which the panels count once a wave (the same row with the wave
# written was refused).
def test_a_second_interview_at_a_wave_read_from_its_date_is_refused(study_dir):
    (study_dir / "transcripts" / "301" / "P1-again.txt").write_text(
        "Interviewer: And since?\nRespondent: Staff turnover fell and the new plan is working well.\n", encoding="utf-8")
    with (study_dir / "interviews.csv").open("a", encoding="utf-8") as f:
        f.write("P1-again,P1,301,,2011-09-15,telephone,301/P1-again.txt\n")
    errors = _errors(study_dir)
    assert [(p.file, p.row, p.column) for p in errors] == [("interviews.csv", 12, "wave")], errors
    assert "one interview of participant P1 at each wave (row 3, P1-early, is P1's early interview too) (no wave " \
           "given: its date 2011-09-15 is in the early window)" in errors[0].expected


# Old: '<5', '≤ 5', '>95' (bounds published tables write for a small count) and '~5' were "expected a number" with no
# word of what to write, where '*' and 'c' were told to go in the flag column.
def test_an_indicator_bound_or_approximate_value_says_what_to_write(study_dir):
    from impact.study import load_study

    rows = ["<5", "≤ 5", ">95", "~5", "12"]
    lines = "".join(f"{c},2011-03-31,cin_rate,{v},\n" for c, v in zip(["301", "302", "880", "301", "302"], rows))
    lines = lines.replace("301,2011-03-31,cin_rate,~5", "301,2012-03-31,cin_rate,~5").replace(
        "302,2011-03-31,cin_rate,12", "302,2012-03-31,cin_rate,12")
    (study_dir / "indicators.csv").write_text("council_id,period,measure,value,flag\n" + lines, encoding="utf-8")
    errors = _errors(study_dir)
    assert [(p.row, p.column, p.value) for p in errors] == [(2, "value", "<5"), (3, "value", "≤ 5"),
                                                            (4, "value", ">95"), (5, "value", "~5")], errors
    for p in errors[:3]:
        assert "is a bound, not a value" in p.expected and "flag column" in p.expected, p.expected
    assert "is an approximate value: write the number alone, 5," in errors[3].expected
    (study_dir / "indicators.csv").write_text("council_id,period,measure,value,flag\n301,2011-03-31,cin_rate,,<5\n",
                                              encoding="utf-8")
    assert load_study(study_dir).indicators["flag"].tolist() == ["<5"]  # the bound kept where it goes


# Old: 'ongoing' or 'In force' written in an end date (a status still in force, which is a blank end date) was
# "expected a date as YYYY-MM-DD" with no word of what to write.
def test_an_end_date_written_as_a_word_for_still_in_force_says_to_leave_it_blank(study_dir):
    _edit(study_dir, "status_history.csv", "2012-03-31", "ongoing")
    _edit(study_dir, "status_history.csv", "301,ofsted_judgement,good,2010-06-01,,", "301,ofsted_judgement,good,2010-06-01,In force,")
    errors = _errors(study_dir)
    assert [(p.row, p.column, p.value) for p in errors] == [(2, "end_date", "In force"), (5, "end_date", "ongoing")]
    for p in errors:
        assert p.expected.endswith(f"({p.value} says the period has not ended: leave the cell blank, which is read as "
                                   "still in force)"), p.expected


# Old: a notice to improve dated after today (a year mistyped, 2027 for 2017) was valid: the council was read as not
# under it at any wave held so far, without a word.
def test_a_status_dated_after_today_is_refused(study_dir):
    later = (pd.Timestamp.today().normalize() + pd.Timedelta(days=200)).strftime("%Y-%m-%d")  # within the date range
    _edit(study_dir, "status_history.csv", "880,improvement_notice,notice_to_improve,2010-11-01,2012-03-31",
          f"880,improvement_notice,notice_to_improve,{later},")
    errors = _errors(study_dir)
    assert [(p.file, p.row, p.column, p.value) for p in errors] == [("status_history.csv", 5, "start_date", later)]
    assert errors[0].expected.startswith("a date on or before today") and "is the year mistyped?" in errors[0].expected


# Old: a judgement that changed twice (inadequate -> adequate -> good) and a notice lifted between council 880's two
# longer_term interviews (2012-10-10 and 2012-11-01) were valid without a word: the panels gave the wave the status at
# the median interview date, so interviews held under other statuses were counted under it.
def test_a_status_changing_between_a_waves_interviews_is_told_with_the_status_read(study_dir):
    from impact.study import load_study

    head = "council_id,kind,status,start_date,end_date,source\n301,ofsted_judgement,good,2010-06-01,,\n" \
           "302,ofsted_judgement,adequate,2011-02-01,,\n"
    (study_dir / "status_history.csv").write_text(
        head + "880,ofsted_judgement,inadequate,2010-09-01,2012-10-14,\n880,ofsted_judgement,adequate,2012-10-15,"
        "2012-10-24,\n880,ofsted_judgement,good,2012-10-25,,\n880,improvement_notice,notice_to_improve,2010-11-01,"
        "2012-10-20,\n", encoding="utf-8")
    study = load_study(study_dir)
    told = [p for p in study.load_problems if p.file == "status_history.csv"]
    assert [(p.row, p.column, p.value, p.severity) for p in told] == [(4, "end_date", "2012-10-14", "warning"),
                                                                      (7, "end_date", "2012-10-20", "warning")], told
    # planted: the median of 2012-10-10 and 2012-11-01 is 2012-10-21, inside the adequate period, after the notice
    at = study.wave_status().set_index(["council_id", "wave"]).loc[("880", "longer_term")]
    assert (at["ofsted_judgement"], at["intervention"]) == ("adequate", "none")
    assert "changes 2 times between them (rows 4, 5, 6: inadequate to 2012-10-14, adequate from 2012-10-15 to " \
           "2012-10-24, good from 2012-10-25), and the wave is read as adequate, the status at the median interview " \
           "date 2012-10-21" in told[0].expected, told[0].expected
    assert "changes 1 time between them (row 7: notice_to_improve to 2012-10-20), and the wave is read as no " \
           "improvement_notice" in told[1].expected, told[1].expected
    # the same changes before the first interview of the wave (2012-10-10) are no change between interviews
    (study_dir / "status_history.csv").write_text(
        head + "880,ofsted_judgement,inadequate,2010-09-01,2012-07-31,\n880,ofsted_judgement,adequate,2012-08-01,"
        "2012-09-30,\n880,ofsted_judgement,good,2012-10-01,,\n", encoding="utf-8")
    assert [p for p in load_study(study_dir).load_problems if p.file == "status_history.csv"] == []

"""Hostile inputs, round 26 (helper-inputs26).

Each test is a hostile input the old code got wrong; what it did is said beside the test.  Tests named ``guard``
pin behaviour that held and must keep holding.
"""

from __future__ import annotations

import pytest

from .test_inputs_round5 import _problems, _replace
from .test_inputs_round25 import _decide, review_book  # noqa: F401  (a fixture, used by its name)
from .test_study_inputs import _docx, _p, _row

# --------------------------------------------------------------------------- 1. .docx turns as rows of 3+ cells


@pytest.mark.parametrize(("cells", "line"), [
    (("Respondent", "We rewrote the threshold document.", "00:03:15"),
     "Respondent [00:03:15]: We rewrote the threshold document."),
    (("00:03:15", "Respondent", "We rewrote the threshold document."),
     "Respondent [00:03:15]: We rewrote the threshold document."),
    (("Respondent:", "00:03", "We rewrote the threshold document."),
     "Respondent [00:03]: We rewrote the threshold document."),
], ids=["speaker_text_time", "time_speaker_text", "speaker_time_text"])
def test_docx_turns_in_rows_of_three_cells_keep_their_speaker(tmp_path, cells, line):
    # On the old code a row of three cells was its cells joined by spaces ('Respondent We rewrote ... 00:03:15'):
    # no colon, so the turn's speaker was lost and its words went to the turn before.
    from impact.coding.segment import split_turns
    from impact.study import read_transcript

    body = "<w:tbl>" + _row("Interviewer", "How has it gone?", "00:03:02") + _row(*cells) + "</w:tbl>"
    _docx(tmp_path / "t.docx", body)
    text = read_transcript(tmp_path / "t.docx")
    assert text.splitlines() == ["Interviewer [00:03:02]: How has it gone?", line]
    turns = split_turns(text)
    assert list(turns["speaker"]) == ["interviewer", "respondent"]
    assert [text[a:b] for a, b in zip(turns["start"], turns["end"])] == [
        "How has it gone?", "We rewrote the threshold document."]


def test_guard_docx_rows_of_three_cells_that_are_not_turns_are_read_whole(tmp_path):
    # guard: a row of a table of figures (no speaker, no time) is its cells joined by spaces, as before
    from impact.study import read_transcript

    body = _p("Figures") + "<w:tbl>" + _row("2019", "12 referrals", "4 re-referrals") + "</w:tbl>"
    _docx(tmp_path / "t.docx", body)
    assert read_transcript(tmp_path / "t.docx").splitlines() == ["Figures", "2019 12 referrals 4 re-referrals"]


# --------------------------------------------------------------------------- 2. agree --study: units of no segment


def test_agree_names_each_unit_of_no_segment_on_its_rows_of_its_file(study_dir, coded_file, tmp_path, capsys):
    # On the old code the message was one line, 'bob.csv: unit 'P9-early:1'; bob.csv: unit 'P9-early:2'; ...': the
    # file again for each unit, and no row to find them by.
    from impact.cli import main

    lines = coded_file.read_text(encoding="utf-8").splitlines()
    header, first = lines[0], lines[1]
    unit = first.split(",")[lines[0].split(",").index("unit")]
    rest = first[first.index(unit) + len(unit):] if first.startswith(unit) else None
    assert rest is not None  # the unit is the first column of `impact code`'s output
    rows = [first] + [f"P9-early:{k}{rest}" for k in (1, 2)] + [f"P9-early:1{rest}", first, f"P9-early:1{rest}"]
    other = tmp_path / "bob.csv"
    other.write_text("\n".join([header] + rows) + "\n", encoding="utf-8")
    out = tmp_path / "agree.csv"
    assert main(["agree", str(coded_file), str(other), "--study", str(study_dir), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "2 units of no segment of the study" in err
    assert (f"{other}:3:unit: 'P9-early:1' - expected a segment of the study (segment ids as `impact code` writes "
            "them, e.g. 'I1:3', or 'I1:i2' for the interviewer's) (the same on 2 more rows: 5, 7)") in err
    assert f"{other}:4:unit: 'P9-early:2' - expected a segment of the study" in err
    assert err.count(str(other)) == 2 and str(coded_file) not in err
    assert not out.exists()


# --------------------------------------------------------------------------- 3. review import: one mistake, many rows


def test_review_import_groups_one_bad_decision_on_many_rows(review_book, tmp_path, capsys):  # noqa: F811
    # On the old code 'acept' on 12 rows was 12 lines, one per row, each the same.
    import openpyxl

    from impact.cli import main

    n = openpyxl.load_workbook(review_book, read_only=True)["review"].max_row - 1
    assert n >= 8
    _decide(review_book, {r: ("acept", None) for r in range(2, 9)} | {9: ("other", "moral"), 10: ("other", "moral")})
    assert main(["review", "import", str(review_book), "--out", str(tmp_path / "ann.csv")]) == 2
    err = capsys.readouterr().err
    assert ("review.xlsx (sheet 'review'):2:decision: 'acept' - expected one of accept, reject, other (did you mean "
            "'accept'?) (the same on 6 more rows: 3, 4, 5, 6, 7, ...)") in err
    assert ("review.xlsx (sheet 'review'):9:other_code: 'moral' - expected a code id listed on the 'codes' sheet (did "
            "you mean 'morale'?) (the same on 1 more row: 10)") in err
    assert err.count("'acept'") == 1 and err.count("'moral'") == 1
    assert not (tmp_path / "ann.csv").exists()


# --------------------------------------------------------------------------- 4. a list value given twice


@pytest.mark.parametrize(("old", "new", "said"), [
    ("team_leader;member_peer;", "team_leader;member_peer;member_peer;",
     "expected each team role once ('member_peer' given twice would be counted twice)"),
    ("team_leader;member_peer;", "member_peer;team_leader; member_peer ;",
     "expected each team role once ('member_peer' given twice would be counted twice)"),
], ids=["team_role_twice", "team_role_twice_with_spaces"])
def test_a_team_role_given_twice_is_refused(study_dir, old, new, said):
    # On the old code valid: 'team_leader;member_peer;member_peer;...' counted the member peer twice (only themes
    # were checked for a value given twice).
    f = study_dir / "reviews.csv"
    lines = f.read_text(encoding="utf-8").splitlines()
    row = next(i + 1 for i, line in enumerate(lines) if old in line)
    f.write_text("\n".join(lines[:row - 1] + [lines[row - 1].replace(old, new, 1)] + lines[row:]) + "\n",
                 encoding="utf-8")
    (problem,) = _problems(study_dir)
    assert problem.startswith(f"reviews.csv:{row}:team_roles: ") and problem.endswith(said)


def test_guard_a_theme_given_twice_is_still_one_problem(study_dir):
    # guard: round 25's check of themes says the same
    _replace(study_dir / "reviews.csv", "301,2011-05-09,2011-05-13,outcomes;", "301,2011-05-09,2011-05-13,outcomes;outcomes;")
    (problem,) = _problems(study_dir)
    assert problem.endswith("- expected each theme once ('outcomes' given twice would be counted twice)")


def test_docx_turns_numbered_in_a_first_column_keep_their_speaker(tmp_path):
    # On the old code '1 | Interviewer | How has it gone? | 00:00:01' was its cells joined by spaces: no speaker.
    from impact.study import read_transcript

    body = ("<w:tbl>" + _row("1", "Interviewer", "How has it gone?", "00:00:01")
            + _row("2", "Respondent", "Better.", "00:00:05") + "</w:tbl>")
    _docx(tmp_path / "t.docx", body)
    assert read_transcript(tmp_path / "t.docx").splitlines() == [
        "Interviewer [00:00:01]: How has it gone?", "Respondent [00:00:05]: Better."]


@pytest.mark.parametrize(("cells", "line"), [
    (("2019", "12 referrals"), "2019 12 referrals"),
    (("1", "Barnet", "12 referrals"), "1 Barnet 12 referrals"),
], ids=["number_and_figure", "numbered_figures"])
def test_guard_docx_rows_of_figures_are_not_turns(tmp_path, cells, line):
    # a row whose first cell has no letter is no speaker's (the old code wrote the first as '2019: 12 referrals', which
    # the turn splitter did not read as a label either); a numbered row without a time is read whole, as before
    from impact.study import read_transcript

    _docx(tmp_path / "t.docx", "<w:tbl>" + _row(*cells) + "</w:tbl>")
    assert read_transcript(tmp_path / "t.docx").splitlines() == [line]


# --------------------------------------------------------------------------- 5. indicators.csv: values and flags


def _indicators(study_dir, *rows):
    (study_dir / "indicators.csv").write_text("council_id,period,measure,value,flag\n" + "".join(f"{r}\n" for r in rows),
                                              encoding="utf-8")


def test_an_indicator_value_with_a_flag_saying_it_is_missing_is_refused(study_dir, tiny_study):
    # On the old code valid: 12 flagged 'c' (suppressed) was counted in the mean as a value and again among the
    # suppressed values (indicator_trends' n_suppressed counts the flags).
    _indicators(study_dir, "301,2012-03-31,cin_rate,12,c", "302,2012-03-31,cin_rate,,c", "880,2012-03-31,cin_rate,9,")
    assert _problems(study_dir) == [
        "indicators.csv:2:flag: 'c' - expected a blank flag where a value is given (the flag says why the value is "
        "missing, yet the row has the value 12, which would be counted as a value and as missing): clear the value "
        "or the flag"]


@pytest.mark.parametrize("symbol", ["..", "*", "~"])
def test_a_not_available_symbol_in_an_indicator_value_says_where_it_goes(study_dir, symbol):
    # On the old code '..' (the GSS and ONS symbol for not available) was "expected a number", its cause unsaid, where
    # DfE's 'x' was told to go in the flag column.
    _indicators(study_dir, f"301,2012-03-31,cin_rate,{symbol},")
    assert _problems(study_dir) == [
        f"indicators.csv:2:value: '{symbol}' - expected a number ({symbol} is a symbol published for a suppressed or "
        "unavailable value: leave the number blank and write the symbol in the row's flag column where the table has "
        "one, as indicators.csv does)"]


def test_two_measures_the_same_but_for_case_are_refused(study_dir):
    # On the old code valid: 'cin_rate' and 'CIN_Rate' were two measures, each with half the councils, and the files
    # named after them (cin_rate.png, CIN_Rate.png) are one file where names ignore case (Windows, macOS).
    _indicators(study_dir, "301,2012-03-31,cin_rate,12,", "302,2012-03-31,CIN_Rate,10,", "880,2012-03-31,CIN_Rate,9,")
    assert _problems(study_dir) == [
        "indicators.csv:3:measure: 'CIN_Rate' - expected each measure written one way ('cin_rate' on row 2 is the "
        "same but for case or spacing, and they would be two measures whose files are one where names ignore case) "
        "(the same on 1 more row: 4)"]


# --------------------------------------------------------------------------- 6. a transcript of blank lines


def test_a_transcript_of_spaces_and_blank_lines_is_not_called_empty(study_dir):
    # On the old code "the file is empty" for a file of 9 bytes (spaces, a tab, line breaks): the user opening it
    # saw a file that was not.
    (study_dir / "transcripts" / "301" / "P1-early.txt").write_text("  \n\n \t\n", encoding="utf-8")
    assert _problems(study_dir) == [
        "interviews.csv:3:transcript: '301/P1-early.txt' - expected a transcript with some text (the file holds "
        "only spaces and blank lines)"]


# --------------------------------------------------------------------------- 7. a wave left blank


def test_an_interview_whose_wave_is_left_blank_is_not_counted_missing_at_that_wave(study_dir, capsys):
    # On the old code `impact validate` warned 'P1 - expected an interview at every wave (attrition: none at early)'
    # and the same of council 301 for an interview whose blank wave the study reads from its date as early (as
    # docs/study-format.md says): the attrition check read the blank, not the wave.
    from impact.cli import main
    from impact.study import load_study

    _replace(study_dir / "interviews.csv", "P1-early,P1,301,early,", "P1-early,P1,301,,")
    assert load_study(study_dir).interviews.set_index("interview_id").loc["P1-early", "wave"] == "early"
    assert main(["validate", str(study_dir)]) == 0
    err = capsys.readouterr().out
    assert "'P1' - expected an interview at every wave" not in err
    assert "'301' - expected interviews at every wave" not in err
    assert "'P2' - expected an interview at every wave (attrition: none at longer_term;" in err  # a real one still


def test_a_respondent_id_written_in_another_case_is_told(study_dir, capsys):
    # On the old code valid without a word: 'S1' and 's1' were two respondents of council 301, each counted.
    from impact.cli import main

    with open(study_dir / "survey_responses.csv", "a", encoding="utf-8") as f:
        f.write("301,s1,staff,early,q_confident,3\n")
    row = len((study_dir / "survey_responses.csv").read_text(encoding="utf-8").splitlines())
    assert main(["validate", str(study_dir)]) == 0
    assert (f"warning: survey_responses.csv:{row}:respondent_id: 's1' - expected each respondent id written one way "
            "('S1' on row 2 is the same but for case or spacing, and they would be two respondents, each counted)"
            ) in capsys.readouterr().out

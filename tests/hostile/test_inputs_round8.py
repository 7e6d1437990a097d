"""Hostile inputs and command lines, round 8 (helper-inputs8).

Each test is a hostile input: where the old code did something wrong the test fails on it (what it did is said
beside the test); the others guard what the old code already did right (marked "guard").
"""

from __future__ import annotations

import datetime
import math
import shutil
import warnings
from pathlib import Path

import pandas as pd
import pytest

from impact.cli import main
from impact.errors import InputError, ValidationError

from ._util import cli_here, refused, snapshot
from .test_inputs_round5 import _replace
from .test_inputs_round6 import _all_problems


def _errors(study_dir) -> list[str]:
    return [p for p in _all_problems(study_dir) if not p.startswith("warning")]


def _tables(study) -> dict[str, pd.DataFrame]:
    return {n: study.table(n) for n in ("councils", "status_history", "reviews", "participants", "interviews",
                                        "survey_responses")}


def _texts(study) -> dict[str, str]:
    return {t: study._transcript_text(t) for t in study.interviews["transcript"]}


# --------------------------------------------------------------------------- a saved study gives back what it held

_NAMES = [" Alice Example ", "\tTab\tinside", "Bob\u00a0", "line one\nline two"]
_SOURCES = ["'quoted'", '=HYPERLINK("http://example.invalid")', "  'apostrophe after spaces", 'he said "no"\r\n']
_COUNCILS = ["Barking and Dagenham\u2003", '"Barnet"', "Torbay\n\n"]


def test_a_saved_study_gives_back_every_hostile_text_it_holds(tiny_study, tmp_path):
    # On the old code Study held " Alice Example " and the study saved and loaded again held "Alice Example" (the
    # loader reads every cell without spaces at its ends): loaded.equals(study) was False, nothing said.
    from impact.study import Study, TrimmedTextWarning, load_study

    tables = _tables(tiny_study)
    tables["participants"]["name"] = _NAMES
    tables["status_history"]["source"] = _SOURCES
    tables["councils"]["name"] = _COUNCILS
    with pytest.warns(TrimmedTextWarning) as caught:
        study = Study(tiny_study.meta, tables, _texts(tiny_study))
    changed = [v for v in _NAMES + _SOURCES + _COUNCILS if v != v.strip()]  # Python's own rule, independent
    (message,) = [str(w.message) for w in caught]
    assert message.startswith(f"Study: {len(changed)} text value{'s' if len(changed) != 1 else ''} changed to what a saved study gives back")
    assert f"participants.csv:2:name: {_NAMES[0]!r} - expected text without spaces at its ends: held as " \
           "'Alice Example'" in message
    assert list(study.participants["name"]) == [v.strip() for v in _NAMES]
    study.save(tmp_path / "saved")
    loaded = load_study(tmp_path / "saved")
    assert loaded.equals(study)
    assert list(loaded.participants["name"]) == [v.strip() for v in _NAMES]
    assert list(loaded.status_history["source"]) == [v.strip() for v in _SOURCES]
    assert list(loaded.councils["name"]) == [v.strip() for v in _COUNCILS]
    with warnings.catch_warnings():  # held as a file gives it back: no second change, no second warning
        warnings.simplefilter("error")
        assert Study(loaded.meta, _tables(loaded), _texts(loaded)).equals(loaded)


def test_values_no_study_file_can_hold_are_refused_when_the_study_is_made(tiny_study):
    # On the old code 8.7 in a whole-number column was held as 8, True as 1, infinity as no value and a time of
    # day dropped, without a word; "TRUE" raised "invalid literal for int() with base 10: 'TRUE'".
    from impact.study import Study

    tables = _tables(tiny_study)
    reviews = tables["reviews"].astype({"n_recommendations": object})
    reviews["n_recommendations"] = [8.7, True, "TRUE"]
    interviews = tables["interviews"].astype({"date": object})
    interviews.loc[1, "date"] = pd.Timestamp("2011-08-15 14:30")
    participants = tables["participants"]
    participants.loc[0, "name"] = "Alice\x00Example"
    survey = tables["survey_responses"].astype({"value": object})
    survey.loc[0, "value"] = math.inf
    with pytest.raises(ValidationError) as info:
        Study(tiny_study.meta, {**tables, "reviews": reviews, "interviews": interviews,
                                "participants": participants, "survey_responses": survey})
    yes_no = ("is a yes/no value, where this column expects a number: write the number itself, or leave the cell "
              "blank where none is known)")
    assert [str(p) for p in info.value.problems] == [
        "reviews.csv:2:n_recommendations: '8.7' - expected a whole number (its fraction would be lost: round it "
        "first if a whole number is meant)",
        f"reviews.csv:3:n_recommendations: 'True' - expected a whole number (True {yes_no}",
        f"reviews.csv:4:n_recommendations: 'TRUE' - expected a whole number (TRUE {yes_no}",
        "participants.csv:2:name: 'Alice\\x00Example' - expected text without NUL characters (a study file holding "
        "one is refused as binary)",
        "interviews.csv:3:date: '2011-08-15 14:30:00' - expected a date without a time of day (it carries 14:30:00, "
        "which a study file does not hold: take the date alone, as with Series.dt.normalize())",
        "survey_responses.csv:2:value: 'inf' - expected a finite whole number (a study file holds no infinite value)"]


def test_a_date_given_as_text_is_read_as_a_study_file_reads_it(tiny_study, tmp_path):
    # On the old code "01/03/2011" given to Study was read month first (2011-01-03, by pandas) while the same cell
    # in interviews.csv is read day first, as UK spreadsheets write it (2011-03-01).
    from impact.study import Study, load_study

    tables = _tables(tiny_study)
    interviews = tables["interviews"].astype({"date": object})
    interviews.loc[0, "date"] = "01/03/2011"
    study = Study(tiny_study.meta, {**tables, "interviews": interviews}, _texts(tiny_study))
    assert study.interviews.loc[0, "date"] == pd.Timestamp("2011-03-01")
    study.save(tmp_path / "s")
    _replace(tmp_path / "s" / "interviews.csv", "2011-03-01", "01/03/2011")
    assert load_study(tmp_path / "s").interviews.loc[0, "date"] == pd.Timestamp("2011-03-01")


@pytest.mark.parametrize(("table", "old", "new"), [
    # On the old code each was "expected a whole number", nothing more.
    ("reviews.csv", ",8", ",TRUE"),
    ("reviews.csv", ",8", ",false"),
    ("survey_responses.csv", ",2\n", ",yes\n"),
    ("survey_responses.csv", ",2\n", ",WAHR\n"),  # a German Excel's TRUE
])
def test_a_yes_no_value_in_a_number_column_says_so(table, old, new, study_dir):
    _replace(study_dir / table, old, new)
    value = new.strip(",\n")
    (problem,) = _errors(study_dir)
    assert problem.endswith(f"{value!r} - expected a whole number ({value} is a yes/no value, where this column "
                            "expects a number: write the number itself, or leave the cell blank where none is known)")


# --------------------------------------------------------------------------- CSV


def test_a_quoted_value_followed_by_more_text_is_refused(study_dir):
    # On the old code '"Barn"et' was read as 'Barnet' (a CSV reader reads a value starting with a quote up to the
    # next one): the quotes dropped without a word.
    _replace(study_dir / "councils.csv", "Barnet,", '"Barn"et,')
    _replace(study_dir / "status_history.csv", "DfE letter", '"DfE" letter')
    assert _errors(study_dir) == [
        "councils.csv:3:name: '\"Barn\"et' - expected a value either wholly in quotes or with none at its start (a "
        "value starting with '\"' is read up to the next '\"', so this one reads as 'Barnet', its quotes dropped): "
        "put the whole value in quotes and double each quote inside it, as a spreadsheet saves it",
        "status_history.csv:5:source: '\"DfE\" letter' - expected a value either wholly in quotes or with none at "
        "its start (a value starting with '\"' is read up to the next '\"', so this one reads as 'DfE letter', its "
        "quotes dropped): put the whole value in quotes and double each quote inside it, as a spreadsheet saves it"]


def test_a_quoted_value_followed_by_more_text_in_supplied_codings_is_refused(study_dir, tmp_path):
    # On the old code the coded file was read with '"Ofsted" visit' as 'Ofsted visit'.
    from impact.codings import read_codings
    from impact.study import load_study

    (tmp_path / "c.csv").write_text('interview_id,code,attribution\nP1-early,morale,"Ofsted" visit\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"c\.csv:2:attribution: '\"Ofsted\" visit' - expected a value either "
                                         r"wholly in quotes .* so this one reads as 'Ofsted visit'"):
        read_codings(tmp_path / "c.csv", load_study(study_dir))


def test_a_stray_quote_is_placed_after_a_value_over_two_lines_and_spaces_after_a_quote_are_no_fault(study_dir):
    # The row is counted as a spreadsheet shows it (a value over two lines is one row); '"Barnet" ,' is Barnet
    # with a space the reader drops anyway; an unclosed quote is told as such, not also as a stray quote.
    _replace(study_dir / "status_history.csv", "DfE letter", '"DfE\nletter"')
    _replace(study_dir / "councils.csv", "Torbay,", '"Tor"bay,')
    _replace(study_dir / "councils.csv", "Barnet,", '"Barnet" ,')
    _replace(study_dir / "reviews.csv", ",8", ',"8')
    problems = _errors(study_dir)
    assert [p for p in problems if "quotes dropped" in p] == [
        "councils.csv:4:name: '\"Tor\"bay' - expected a value either wholly in quotes or with none at its start (a "
        "value starting with '\"' is read up to the next '\"', so this one reads as 'Torbay', its quotes dropped): "
        "put the whole value in quotes and double each quote inside it, as a spreadsheet saves it"]
    assert any(p.startswith("reviews.csv:2:n_recommendations: ") and "a closing '\"'" in p for p in problems)


def test_a_quote_inside_an_unquoted_value_is_kept(study_dir):
    # Guard: 'Bar"n"et' (no quote at its start) is read as written, quotes and all.
    from impact.study import load_study

    _replace(study_dir / "councils.csv", "Barnet,", 'Bar"n"et,')
    assert load_study(study_dir).councils.loc[1, "name"] == 'Bar"n"et'


def test_mixed_line_endings_are_read_as_rows(study_dir, tiny_study):
    # Guard: rows ending in "\r\n", "\r" (an old Mac) and "\n" in one file are read alike.
    from impact.study import load_study

    f = study_dir / "councils.csv"
    rows = f.read_bytes().split(b"\n")
    f.write_bytes(rows[0] + b"\r\n" + rows[1] + b"\r" + rows[2] + b"\n" + b"\n".join(rows[3:]))
    assert load_study(study_dir).councils.equals(tiny_study.councils)


def test_a_byte_order_mark_in_the_middle_of_a_table_is_named(study_dir):
    # Guard: a byte-order mark before a row's first cell (a second file pasted in) is named in that id.
    _replace(study_dir / "councils.csv", "302,", "\ufeff302,")
    (problem,) = _errors(study_dir)
    assert problem.startswith("councils.csv:3:council_id: '\\ufeff302' - expected an id without invisible or "
                              "direction-changing characters (it holds U+FEFF ZERO WIDTH NO-BREAK SPACE at character 1")


def test_a_semicolon_table_holding_semicolon_lists_is_named_as_such(study_dir):
    # Guard: Excel in a European setting saves reviews.csv with ';' between values, and its lists use ';' too.
    f = study_dir / "reviews.csv"
    f.write_text(f.read_text(encoding="utf-8").replace(",", ";"), encoding="utf-8")
    assert _errors(study_dir) == ["reviews.csv:1: 'values separated by semicolons' - expected commas (save the file "
                                  "as \"CSV UTF-8 (comma delimited)\"; some regional settings save semicolons instead)"]


# --------------------------------------------------------------------------- ids and waves


def test_an_id_with_a_full_stop_at_its_end_is_one_problem_saying_what_to_write(study_dir):
    # On the old code "P2." was a participant of its own, and the interviews naming P2 were told "(did you mean
    # 'P2.'?)": the right id corrected to the wrong one.
    _replace(study_dir / "participants.csv", "P2,302", "P2.,302")
    assert _errors(study_dir) == [
        "participants.csv:3:participant_id: 'P2.' - expected an id (it ends in '.', a full stop, which makes it "
        "another id than 'P2': write 'P2'); the other files name it 'P2' on 2 rows of interviews.csv, which refer "
        "to this row once it is corrected"]


def test_a_council_number_with_a_full_stop_at_its_end_says_what_to_write(study_dir):
    # On the old code: "expected a DfE three-digit local authority number, as text (e.g. 301)", nothing more.
    _replace(study_dir / "councils.csv", "302,", "302.,")
    (problem,) = _errors(study_dir)
    assert problem.startswith("councils.csv:3:council_id: '302.' - expected a DfE three-digit local authority "
                              "number, as text (e.g. 301) (it ends in '.', a full stop, which makes it another id "
                              "than '302': write '302'); the other files name it '302' on 5 rows")


@pytest.mark.parametrize(("wave", "hint"), [
    # On the old code each was "expected one of ['early', 'expectations', 'longer_term']", nothing more.
    ("2", "the second wave is 'early'"),
    ("second", "the second wave is 'early'"),
    ("Wave 2", "the second wave is 'early'"),
    ("T3", "the third wave is 'longer_term'"),
    ("one", "the first wave is 'expectations'"),
    ("fourth", "and it has 3 waves: expectations, early, longer_term"),
])
def test_a_wave_given_as_its_number_or_place_says_which_wave_it_is(wave, hint, study_dir):
    _replace(study_dir / "interviews.csv", ",early,", f",{wave},")
    assert _errors(study_dir) == [f"interviews.csv:3:wave: {wave!r} - expected one of ['expectations', 'early', "
                                  f"'longer_term'] (waves are named by their ids in study.yaml{': ' if 'is' in hint else ', '}"
                                  f"{hint})"]


def test_a_wave_in_another_case_gets_a_did_you_mean(study_dir):
    # Guard.
    _replace(study_dir / "interviews.csv", ",early,", ",Early,")
    assert _errors(study_dir) == ["interviews.csv:3:wave: 'Early' - expected one of ['expectations', 'early', "
                                  "'longer_term'] (did you mean 'early'?)"]


# --------------------------------------------------------------------------- review workbooks


@pytest.fixture
def review_xlsx(coded_file, study_dir, tmp_path, capsys):
    out = tmp_path / "review.xlsx"
    assert main(["review", "export", str(study_dir), "--coded", str(coded_file), "--out", str(out),
                 "--reviewer", "ann"]) == 0
    capsys.readouterr()
    return out


def _filled(review_xlsx, change) -> Path:
    import openpyxl

    wb = openpyxl.load_workbook(review_xlsx)
    ws = wb["review"]
    header = [c.value for c in ws[1]]
    change(wb, ws, {name: j + 1 for j, name in enumerate(header)})
    out = review_xlsx.with_name("filled.xlsx")
    wb.save(out)
    return out


def _imported(path):
    from impact.review import import_review

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        return import_review(path), [str(w.message) for w in caught]


@pytest.mark.parametrize("value", [datetime.datetime(2012, 3, 1), 40969])
def test_a_date_typed_in_a_review_note_reads_as_the_date(value, review_xlsx):
    # On the old code a date typed in notes (which Excel stores as the day number 40969 shown as a date) read
    # "2012-03-01T00:00:00", a time of day nobody typed.
    def change(wb, ws, col):
        ws.cell(2, col["decision"], "accept")
        ws.cell(2, col["notes"], value).number_format = "dd/mm/yyyy"

    decisions, _ = _imported(_filled(review_xlsx, change))
    assert list(decisions["notes"]) == ["2012-03-01"]


def test_a_formula_with_its_cached_value_is_one_problem_in_a_review(review_xlsx):
    # A formula is refused whatever value Excel cached for it.  On the old code it was two problems for one cause:
    # "not a formula", then its text judged as a decision ("expected one of accept, reject, other"); in a grey
    # column, "the exported value ... (a read-only column was edited)" as well.
    from impact.review import import_review

    def change(wb, ws, col):
        ws.cell(2, col["decision"], '=IF(TRUE,"accept","reject")')
        ws.cell(3, col["code"], "=B3")

    with pytest.raises(ValidationError) as info:
        import_review(_filled(review_xlsx, change))
    assert [str(p) for p in info.value.problems] == [
        "filled.xlsx (sheet 'review'):2:decision: '=IF(TRUE,\"accept\",\"reject\")' - expected plain text or a value, "
        "not a formula",
        "filled.xlsx (sheet 'review'):3:code: '=B3' - expected plain text or a value, not a formula"]


def test_hidden_sheets_and_rich_text_in_a_review(review_xlsx):
    # Guard: a hidden review sheet is read; a hidden sheet added is told; text in two styles is its plain text.
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    def change(wb, ws, col):
        ws.cell(2, col["decision"], CellRichText(["acc", TextBlock(InlineFont(b=True), "ept")]))
        ws.sheet_state = "hidden"
        mine = wb.create_sheet("mine")
        mine["A1"] = "reject all"
        mine.sheet_state = "hidden"

    decisions, said = _imported(_filled(review_xlsx, change))
    assert list(decisions["decision"]) == ["accept"]
    assert "filled.xlsx: sheet 'mine' was added; its content is not read." in said


def test_a_codes_sheet_renamed_is_one_problem_and_an_error_value_is_named(review_xlsx):
    # On the old code each other_code was "expected a code id listed on the 'codes' sheet", of a sheet no longer
    # there (renamed 'Codes list'), and an error value "#N/A" was "expected one of accept, reject, other" only.
    from impact.review import ReviewWarning, import_review

    def change(wb, ws, col):
        for row in (2, 3):
            ws.cell(row, col["decision"], "other")
            ws.cell(row, col["other_code"], "learning")  # neither row's own code ('other' of it is refused)
        ws.cell(4, col["decision"], "#N/A").data_type = "e"
        wb["codes"].title = "Codes list"

    with pytest.raises(ValidationError) as info, pytest.warns(ReviewWarning, match="sheet 'Codes list' was added"):
        import_review(_filled(review_xlsx, change))
    assert [str(p) for p in info.value.problems] == [
        "filled.xlsx: expected a sheet named 'codes' listing the code ids, against which other_code is checked (it "
        "was deleted or renamed; the workbook has the sheets ['README', 'review', 'Codes list']): name it 'codes' "
        "again, or copy it back from the workbook as exported",
        "filled.xlsx (sheet 'review'):4:decision: '#N/A' - expected one of accept, reject, other (#N/A marks a "
        "missing value: leave the cell blank where none is known)"]


def test_a_review_sheet_written_out_to_the_last_column_is_refused_naming_the_sheet(review_xlsx):
    # A cell in column XFD makes a sheet of 16,384 columns, refused by its dimension before it is read.  On the old
    # code the message named the part "xl/worksheets/sheet2.xml", not the sheet 'review', and said nothing to do.
    from impact.review import import_review

    def change(wb, ws, col):
        ws.cell(2, 16384, "far right")

    with pytest.raises(InputError) as info:
        import_review(_filled(review_xlsx, change))
    assert str(info.value).startswith(f"{review_xlsx.with_name('filled.xlsx')} (sheet 'review'): <dimension ref> "
                                      "'A1:XFD21' reaches row 21, "
                                      "column XFD (16,384)")
    assert str(info.value).endswith("(a value or a format far beyond the data makes a sheet reach so far: delete "
                                    "the rows and columns past the data)")


# --------------------------------------------------------------------------- the command line


@pytest.mark.parametrize(("args", "needles"), [
    # On the old code: "invalid choice: 'STUDY' (choose from ...)", not saying the command comes first.
    (["STUDY", "validate"], ["(the command comes first, then its arguments and options: impact validate ...; "]),
    (["--out", "OUT", "run", "STUDY"], ["(the command comes first, then its arguments and options: impact run ...; "]),
    # On the old code: "the following arguments are required: --out", the output folder given not named.
    (["run", "STUDY", "OUT"], ["the following arguments are required: --out ('", "' was given as one more "
                               "argument: name it, as in impact run ... --out "]),
    # On the old code: "the output folder holds files impact did not write (councils.csv, ...)", nothing more.
    (["run", "--out", "STUDY", "OUT"], ["(it holds a study, study.yaml: were the study folder and --out given the "
                                        "wrong way round?)"]),
])
def test_arguments_given_the_wrong_way_round_are_refused_saying_so(args, needles, study_dir, tmp_path):
    names = {"STUDY": str(study_dir), "OUT": str(tmp_path / "out")}
    before = snapshot(tmp_path)
    proc = cli_here(*[names.get(a, a) for a in args], cwd=tmp_path)
    refused(proc, *needles)
    assert snapshot(tmp_path) == before


def test_paths_with_spaces_and_accents_work_and_one_file_given_twice_is_refused(study_dir, tmp_path, capsys):
    # Guard: a study folder and an output named with spaces and accents; the same coded file given twice to agree.
    odd = tmp_path / "my study \u00e9"
    shutil.copytree(study_dir, odd)
    coded = tmp_path / "\u00fc coded.csv"
    assert main(["code", str(odd), "--out", str(coded)]) == 0
    assert coded.is_file()
    assert main(["agree", str(coded), str(coded), "--out", str(tmp_path / "a.csv")]) == 2
    assert "given twice" in capsys.readouterr().err
    assert not (tmp_path / "a.csv").exists()


def test_a_coded_file_joined_to_itself_is_one_problem_naming_the_row(study_dir, tmp_path):
    # On the old code the second header row (after the second file's byte-order mark) was read as data: six
    # problems, one per column ("'negated' - expected true or false", "'\ufeffunit' - expected an id without
    # invisible ... characters", ...), none saying that two files were joined.
    from impact.coding.coded_io import read_csv_cells

    one = "unit,code,negated\nP1-early:1,morale,false\n"
    (tmp_path / "joined.csv").write_bytes(one.encode() + b"\xef\xbb\xbf" + one.encode())
    with pytest.raises(InputError, match=r"joined\.csv:3: the header row again - expected codings, with one header "
                                         r"row, at the top \(two files joined into one\? keep the first header row "
                                         r"only\)"):
        read_csv_cells(tmp_path / "joined.csv", expected="expected codings")


@pytest.mark.parametrize("copy", [False, True])
def test_the_same_codings_given_as_coded_and_as_human_are_refused(copy, study_dir, tmp_path, capsys):
    # On the old code `impact run S --coded c.csv --human c.csv` ran, and its reliability section reported the
    # coding's agreement with itself: perfect, by construction.  A copy of the file is the same coding.
    coded = tmp_path / "c.csv"
    coded.write_text("interview_id,code\nP1-early,morale\n", encoding="utf-8")
    human = coded
    if copy:
        human = tmp_path / "copy of c.csv"
        shutil.copyfile(coded, human)
    assert main(["run", str(study_dir), "--coded", str(coded), "--human", str(human),
                 "--out", str(tmp_path / "out")]) == 2
    assert (f"--human {human}: the same codings as --coded {coded} - expected a second coding of some of the "
            "segments, by another coder (a coding checked against itself agrees by construction)"
            ) in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_a_score_that_cannot_be_read_in_supplied_codings_is_refused(tiny_study):
    # On the old code a score of "high" or "TRUE" was read as 1.0, the score of a code a person gave, without a word;
    # "TRUE" as a start was "expected a whole number of characters, 0 or more", nothing more.
    from impact.codings import as_codings

    data = pd.DataFrame({"interview_id": ["P1-early"] * 3, "code": ["morale", "morale", "learning"],
                         "score": ["high", "TRUE", "0.4"], "start": ["TRUE", "0", "1"], "end": ["5", "5", "5"]})
    yes_no = ("is a yes/no value, where this column expects a number: write the number itself, or leave the cell "
              "blank where none is known)")
    with pytest.raises(ValidationError) as info:
        as_codings(data, tiny_study, source="c.csv")
    assert [str(p) for p in info.value.problems] == [
        f"c.csv:2:start: 'TRUE' - expected a whole number of characters, 0 or more (TRUE {yes_no}",
        "c.csv:2:score: 'high' - expected a finite number, the coder's score, or blank for a code given by a person",
        "c.csv:3:score: 'TRUE' - expected a finite number, the coder's score, or blank for a code given by a person "
        f"(TRUE {yes_no}"]


@pytest.mark.parametrize(("given", "hint"), [
    # On the old code each was "no such folder" or "a file, not a study folder", nothing more.
    ("study ", "(the path has spaces at its ends, as a pasted path may: 'study' is a folder)"),
    ("study/study.yaml", "(it is a file of the study folder study: give the folder itself)"),
    ("Study", "(found 'study' beside it: names are exact, case too)"),
    ("~/study", "(it starts with '~', which was not turned into your home folder (Python does not do it, nor a "
                "shell inside quotes): write it out, HOME/study)"),
])
def test_a_study_path_given_another_way_says_which_folder_was_meant(given, hint, study_dir, tmp_path, monkeypatch):
    from impact.study import load_study

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    if given == "Study" and (tmp_path / given).exists():
        pytest.skip("names ignore case on this file system")
    with pytest.raises(InputError) as info:
        load_study(given)
    assert str(info.value).endswith(hint.replace("HOME", str(tmp_path)))

"""Hostile inputs and command lines, round 7 (helper-inputs7).

Each test is a defect found by using the study folder or the commands the wrong way: it fails on the code before
its fix (what the old code did is said beside it).
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pandas as pd
import pytest

from impact.cli import main
from impact.errors import ValidationError

from ._util import cli_here, refused, snapshot
from .test_inputs_round5 import _replace
from .test_inputs_round6 import _all_problems


def _errors(study_dir) -> list[str]:
    return [p for p in _all_problems(study_dir) if not p.startswith("warning")]


def _everywhere(study_dir, old: str, new: str) -> None:
    """``old`` replaced by ``new`` in every table of the study."""
    for f in study_dir.glob("*.csv"):
        f.write_text(f.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


# --------------------------------------------------------------------------- ids Unicode writes another way

_FULL_WIDTH_P = ("an id in plain characters (it holds U+FF30 FULLWIDTH LATIN CAPITAL LETTER P at character 1, a form "
                 "of 'P'; write 'P2')")


def test_a_full_width_id_is_refused_saying_what_to_write(study_dir):
    # On the old code "\uff302" (a full-width P, as East Asian keyboards type it) was accepted as a participant of its
    # own, and the interviews of P2 named an unknown participant "(did you mean '\uff302'?)".
    _replace(study_dir / "participants.csv", "P2,302", "\uff302,302")
    assert _errors(study_dir) == [
        f"participants.csv:3:participant_id: '\uff302' - expected {_FULL_WIDTH_P}; the other files name it 'P2' on 2 "
        "rows of interviews.csv, which refer to this row once it is corrected"]


def test_a_full_width_id_used_everywhere_is_one_problem_where_it_is_defined(study_dir):
    # On the old code "\uff302" in participants.csv and interviews.csv alike was accepted without a word (the same
    # key as P2 for uniqueness, another id for every join).
    _everywhere(study_dir, "P2,", "\uff302,")
    assert _errors(study_dir) == [
        f"participants.csv:3:participant_id: '\uff302' - expected {_FULL_WIDTH_P}; the other files name it so on 2 "
        "rows of interviews.csv (first interviews.csv:5), to be corrected with it"]


def test_a_letter_written_with_a_combining_accent_is_refused_naming_it(study_dir):
    # On the old code "Rene\u0301e" (e and a combining accent, as macOS may save it) beside "Ren\u00e9e" (one
    # letter) was "a participant_id listed in participants.csv (did you mean 'Ren\u00e9e'?)": the two look the same.
    _replace(study_dir / "participants.csv", "P2,302", "Rene\u0301e,302")
    _replace(study_dir / "interviews.csv", ",P2,302", ",Ren\u00e9e,302", count=2)
    assert _errors(study_dir) == [
        "participants.csv:3:participant_id: 'Rene\u0301e' - expected an id in plain characters (it holds U+0301 "
        "COMBINING ACUTE ACCENT at character 5, which with the letter before it is the one letter '\u00e9'; write "
        "'Ren\u00e9e'); the other files name it 'Ren\u00e9e' on 2 rows of interviews.csv, which refer to this row "
        "once it is corrected"]


def test_full_width_digits_in_a_council_number_say_what_the_column_is_and_what_to_write(study_dir):
    _replace(study_dir / "councils.csv", "301,", "\uff13\uff10\uff11,")
    (problem,) = _errors(study_dir)
    assert problem.startswith("councils.csv:2:council_id: '\uff13\uff10\uff11' - expected a DfE three-digit local "
                              "authority number, as text (e.g. 301): an id in plain characters (it holds U+FF13 "
                              "FULLWIDTH DIGIT THREE at character 1, a form of '3'; ")
    assert "write '301'); the other files name it '301' on 8 rows" in problem


def test_compatibility_forms_are_found_as_unicode_defines_them():
    # Independent check: every character NFKC changes is named, and the id to write is the NFKC form.
    from impact import schema

    for text in ["\uff30\uff11", "\ufb01le", "x\u00b2", "\u2163a", "caf\u00e9", "\u041f\u0435\u0442\u0440", "P1"]:
        changed = unicodedata.normalize("NFKC", text) != text
        found = schema.compatibility_forms(text)
        assert (found is not None) == changed, text
        if changed:
            assert found.endswith(f"write {unicodedata.normalize('NFKC', text)!r})")


# --------------------------------------------------------------------------- a refused key named in other tables


def test_a_mixed_script_key_named_in_other_tables_is_one_problem(study_dir):
    # On the old code the participant "P\u04302" (a Cyrillic a) named the same way in interviews.csv was refused
    # twice, once per table: one cause, two problems, the second not saying where the id is defined.
    _everywhere(study_dir, "P2,", "P\u04302,")
    assert _errors(study_dir) == [
        "participants.csv:3:participant_id: 'P\u04302' - expected an id in one script (it mixes Latin with Cyrillic: "
        "U+0430 CYRILLIC SMALL LETTER A at character 2, which looks like the Latin 'a'; retype the id); the other "
        "files name it so on 2 rows of interviews.csv (first interviews.csv:5), to be corrected with it"]


def test_a_key_refused_for_its_pattern_says_where_it_is_named_as_written(study_dir):
    # On the old code council "3\u0662\u0662" (Arabic-Indic digits) was one problem in councils.csv and its five
    # uses elsewhere were not mentioned: correcting councils.csv alone left them unknown councils.
    _everywhere(study_dir, "302,", "3\u0662\u0662,")
    _everywhere(study_dir, ",302", ",3\u0662\u0662")
    (key,) = [p for p in _errors(study_dir) if p.startswith("councils.csv")]
    assert key.endswith("the other files name it so on 5 rows of status_history.csv, reviews.csv, participants.csv, "
                        "interviews.csv (first status_history.csv:3), to be corrected with it")


# --------------------------------------------------------------------------- numbers


def test_a_whole_number_in_scientific_notation_is_refused(study_dir):
    # On the old code "8e0" in a whole-number column was read as 8 (and "1e1" as 10): a spreadsheet shows a long
    # number so, and its last digits may already be lost.
    _replace(study_dir / "reviews.csv", ",8", ",8e0")
    assert _errors(study_dir) == [
        "reviews.csv:2:n_recommendations: '8e0' - expected a whole number written out in digits ('8e0' is 8 in "
        "scientific notation, as a spreadsheet shows a long number, whose last digits may be lost: write '8')"]


def test_scientific_notation_stays_readable_where_decimals_are_allowed():
    from impact.schema import parse_cell

    assert parse_cell("1.5e3", "float") == (1500.0, None)
    assert parse_cell("1e1", "int")[0] is None
    assert parse_cell("1e30", "int", low=0, high=1000) == (None, "a whole number from 0 to 1,000")  # range first


@pytest.mark.parametrize(("new", "hint"), [
    # On the old code each was "expected a whole number", nothing more.
    ("(8)", "(a number in brackets is how accounts write a negative one: write '-8' if that is meant)"),
    ("8%", "(a percentage sign: write the number alone, in the unit the column describes)"),
    ("\u00a38", "(a currency sign: write the number alone)"),
    ("1 000", "(its thousands are separated by spaces: write '1000')"),
    ("#VALUE!", "(#VALUE! is an error value of a spreadsheet formula, saved as text: correct the formula or leave the "
                "cell blank)"),
    ("#N/A", "(#N/A marks a missing value: leave the cell blank where none is known)"),
    ("NULL", "(NULL marks a missing value: leave the cell blank where none is known)"),
    ("nan", "(nan marks a missing value: leave the cell blank where none is known)"),  # "a finite whole number"
])
def test_a_number_written_another_way_says_what_to_write(new, hint, study_dir):
    _replace(study_dir / "reviews.csv", ",8", f",{new}")
    finite = "finite " if new == "nan" else ""
    assert _errors(study_dir) == [f"reviews.csv:2:n_recommendations: {new!r} - expected a {finite}whole number {hint}"]


def test_a_word_for_no_value_in_a_required_column_says_the_column_needs_one(study_dir):
    # On the old code: "'N/A' - expected one of ['focus_group', 'in_person', 'telephone', 'video']".
    _replace(study_dir / "interviews.csv", ",telephone,", ",N/A,")
    assert _errors(study_dir) == ["interviews.csv:2:mode: 'N/A' - expected one of ['focus_group', 'in_person', "
                                  "'telephone', 'video'] (N/A marks a missing value: this column needs a value)"]


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(("new", "hint"), [
    # On the old code each was "expected a date as YYYY-MM-DD", the reader left to work out what to write.
    ("2011/03/01", "(write it as YYYY-MM-DD: 2011-03-01)"),
    ("20110301", "(write it as YYYY-MM-DD: 2011-03-01)"),
    ("1 March 2011", "(write it as YYYY-MM-DD: 2011-03-01)"),
    ("01.03.2011", "(write it as YYYY-MM-DD: 2011-03-01)"),
    ("2011-03-01T00:00:00Z", "(write it as YYYY-MM-DD: 2011-03-01)"),
    ("01/03/11", "(the year has two digits, which may be 19.. or 20..: write the year in full, as YYYY-MM-DD)"),
    ("N/A", "(N/A marks a missing value: this column needs a value)"),
])
def test_a_date_in_another_layout_says_what_to_write(new, hint, study_dir):
    _replace(study_dir / "interviews.csv", "2011-03-01", new)
    assert _errors(study_dir) == [f"interviews.csv:2:date: {new!r} - expected a date as YYYY-MM-DD {hint}"]


# --------------------------------------------------------------------------- keys a spreadsheet saved as numbers


def test_a_council_number_saved_with_a_decimal_point_is_one_problem_saying_so(study_dir):
    # On the old code "301.0" was "expected a DfE three-digit local authority number" and each of the five tables
    # naming 301 one more problem ("a council_id listed in councils.csv"): six problems for one cause.
    _replace(study_dir / "councils.csv", "301,Bark", "301.0,Bark")
    assert _errors(study_dir) == [
        "councils.csv:2:council_id: '301.0' - expected a DfE three-digit local authority number, as text (e.g. 301) "
        "(301.0 is 301 with a decimal point, as a spreadsheet or program saves a number it was not told is text: "
        "write 301); the other files name it '301' on 8 rows of status_history.csv, reviews.csv, participants.csv, "
        "interviews.csv, survey_responses.csv, which refer to this row once it is corrected"]


def test_a_reference_saved_with_a_decimal_point_says_which_council_it_is(study_dir):
    # On the old code: "'302.0' - expected a council_id listed in councils.csv", and each interview of P2 "expected
    # the council of participant P2 (302.0)", a knock-on of the one cause.
    _replace(study_dir / "participants.csv", "P2,302", "P2,302.0")
    assert _errors(study_dir) == ["participants.csv:3:council_id: '302.0' - expected a council_id listed in "
                                  "councils.csv (did you mean '302'?)"]


# --------------------------------------------------------------------------- tables that are empty or joined


def test_no_councils_is_one_problem_not_one_per_reference(study_dir):
    # On the old code a councils.csv of a header row alone was "at least one council" and then one problem for each
    # of the 22 rows naming a council in five other tables.
    f = study_dir / "councils.csv"
    f.write_text(f.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    assert _errors(study_dir) == ["councils.csv: expected at least one council (the study is empty)"]


def test_a_referenced_table_with_no_rows_is_one_problem_per_table_naming_it(study_dir):
    # On the old code an empty participants.csv gave one problem per participant named in interviews.csv.
    f = study_dir / "participants.csv"
    f.write_text(f.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    assert _errors(study_dir) == ["interviews.csv:participant_id: expected participant_ids listed in participants.csv, "
                                  "which has no rows (this table names one on 10 rows, first row 2)"]


def test_a_table_saved_with_two_byte_order_marks_reads_as_with_one(study_dir):
    # On the old code a table saved with two byte-order marks (the second kept in the first column's name) was told
    # "names are exact: lower case, '_' between words", of a name that reads exactly right. Round 7 then named the
    # second mark; inputs round 42 drops every mark at the start of a file (impact._io.decode_text), as a reader of
    # the text sees it: the study loads, its councils the same as without the marks.
    import impact

    before = impact.load_study(study_dir).councils
    f = study_dir / "councils.csv"
    f.write_bytes(b"\xef\xbb\xbf\xef\xbb\xbf" + f.read_bytes())
    pd.testing.assert_frame_equal(impact.load_study(study_dir).councils, before)


def test_a_table_in_utf16_without_a_byte_order_mark_is_named_as_such(study_dir):
    # On the old code: "contains NUL bytes ... expected a text file (UTF-8, or UTF-16 with a byte-order mark)", not
    # saying that the file is UTF-16 that lost its mark.
    f = study_dir / "councils.csv"
    f.write_bytes(f.read_text(encoding="utf-8").encode("utf-16-be"))
    (problem,) = _errors(study_dir)
    assert problem.endswith("(it looks like UTF-16 text without a byte-order mark, big-endian: save it as UTF-8))")


# --------------------------------------------------------------------------- study.yaml and transcripts


def test_a_wave_id_yaml_reads_as_false_says_to_quote_it(study_dir):
    # On the old code: "waves[1].id: 'False' - expected a wave id of letters, digits, '_' and '-'", of an id written
    # "no" (YAML 1.1 reads no, yes, on and off as true or false).
    waves = ("waves:\n  - {id: expectations, anchor: review_start, window_days: [-183, 0]}\n"
             "  - {id: no, anchor: review_end, window_days: [28, 182]}\n")
    (study_dir / "study.yaml").write_text((study_dir / "study.yaml").read_text(encoding="utf-8") + waves,
                                          encoding="utf-8")
    assert ("study.yaml:13:waves[1].id: 'False' - expected a wave id of letters, digits, '_' and '-' (at most 40) (YAML "
            "reads yes, no, on, off, true and false, unquoted, as true or false: put the id in quotes, as in id: 'no')"
            ) in _errors(study_dir)


def test_a_transcript_named_in_another_case_says_which_file_is_there(study_dir):
    # On the old code: "expected an existing file transcripts/301/p1-early.txt", with 301/P1-early.txt beside it (a
    # folder made on Windows or macOS, where names ignore case, read on Linux).
    _replace(study_dir / "interviews.csv", "301/P1-early.txt", "301/p1-early.txt")
    assert _errors(study_dir) == ["interviews.csv:3:transcript: '301/p1-early.txt' - expected an existing file "
                                  "transcripts/301/p1-early.txt (found 301/P1-early.txt: names are exact, case too)"]


def test_a_transcript_that_is_a_link_to_itself_is_not_called_a_link_outside(study_dir):
    # On the old code a link looping to itself inside transcripts/ was "a link pointing outside transcripts/".
    f = study_dir / "transcripts" / "301" / "P1-early.txt"
    f.unlink()
    os.symlink("P1-early.txt", f)
    assert _errors(study_dir) == ["interviews.csv:3:transcript: '301/P1-early.txt' - expected a plain file inside "
                                  "transcripts/ (transcripts/301/P1-early.txt: a link (links are not followed) - "
                                  "expected a plain file)"]


# --------------------------------------------------------------------------- codebooks and supplied codings


@pytest.mark.parametrize(("code_id", "expected"), [
    # On the old code each was "expected a snake_case id", the letter that is not what it looks like not named.
    ("mor\u0430le", "an id in one script (it mixes Latin with Cyrillic: U+0430 CYRILLIC SMALL LETTER A at character "
                    "4, which looks like the Latin 'a'; retype the id)"),
    ("m\uff4frale", "an id in plain characters (it holds U+FF4F FULLWIDTH LATIN SMALL LETTER O at character 2, a form "
                    "of 'o'; write 'morale')"),
    ("\u0441\u0430", "ASCII letters (it holds U+0441 CYRILLIC SMALL LETTER ES at character 1, which looks like the "
                     "Latin 'c'; U+0430 CYRILLIC SMALL LETTER A at character 2, which looks like the Latin 'a')"),
])
def test_a_code_id_with_letters_that_are_not_what_they_look_like_names_them(code_id, expected):
    from impact.coding import Codebook

    book = "format_version: 1\nid: book\nversion: '1'\ncodes:\n  - {id: ID, label: Morale, definition: d}\n"
    with pytest.raises(ValidationError) as info:
        Codebook.from_yaml(book.replace("ID", code_id), source="book.yaml")
    assert [str(p) for p in info.value.problems] == [f"book.yaml:5:codes[0].id: {code_id!r} - expected a snake_case id: "
                                                     f"{expected}"]


def _coded_with(coded_file: Path, column: str, change, tmp_path: Path) -> Path:
    data = pd.read_csv(coded_file, dtype=str, keep_default_na=False)
    data.loc[0, column] = change(data.loc[0, column])
    out = tmp_path / f"changed_{column}.csv"
    data.to_csv(out, index=False)
    return out


@pytest.mark.parametrize(("column", "change", "expected"), [
    # On the old code: "expected an interview of the study (interviews.csv)", the Cyrillic Er not named.
    ("interview_id", lambda v: "\u0420" + v[1:], "an id in one script (it mixes Latin with Cyrillic: U+0420 CYRILLIC "
     "CAPITAL LETTER ER at character 1, which looks like the Latin 'P'; retype the id)"),
    # On the old code a unit holding a Cyrillic letter was read without a word (its span found the segment).
    ("unit", lambda v: "\u0420" + v[1:], "an id in one script (it mixes Latin with Cyrillic: U+0420 CYRILLIC CAPITAL "
     "LETTER ER at character 1, which looks like the Latin 'P'; retype the id)"),
    # On the old code: "one of the codebook's codes [...] (did you mean 'morale'?)", the full-width o not named.
    ("code", lambda v: v.replace("o", "\uff4f", 1), "an id in plain characters (it holds U+FF4F FULLWIDTH LATIN SMALL "
     "LETTER O at character 2, a form of 'o'; write 'morale')"),
])
def test_supplied_codings_name_letters_that_are_not_what_they_look_like(column, change, expected, coded_file,
                                                                        study_dir, tmp_path, capsys):
    changed = _coded_with(coded_file, column, change, tmp_path)
    value = pd.read_csv(changed, dtype=str, keep_default_na=False).loc[0, column]
    assert main(["run", str(study_dir), "--coded", str(changed), "--out", str(tmp_path / "out")]) == 2
    assert f"{changed.name}:2:{column}: {value!r} - expected {expected}" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_an_unknown_interview_in_supplied_codings_says_which_it_looks_like(study_dir):
    # On the old code: "expected an interview of the study (interviews.csv)", with no hint of P1-early.
    from impact.codings import as_codings
    from impact.study import load_study

    data = pd.DataFrame({"interview_id": ["p1_early"], "code": ["morale"], "start": [0], "end": [5]})
    with pytest.raises(ValidationError) as info:
        as_codings(data, load_study(study_dir), source="c.csv")
    assert [str(p) for p in info.value.problems] == [
        "c.csv:2:interview_id: 'p1_early' - expected an interview of the study (interviews.csv) (did you mean "
        "'P1-early'?)"]


# --------------------------------------------------------------------------- saving a study: formulas


_HOSTILE_TEXT = ["=HYPERLINK(\"http://example.invalid\",\"x\")", "+44 20 7946 0000", "-minus", "@SUM(A1)",
                 "\tTab first", "\rCR first", "'=already escaped", "'quoted", "''=twice", " =after a space",
                 "\uff1dfull-width equals", "line one\rline two"]


def test_a_saved_study_escapes_formulas_and_loads_back_the_same(tiny_study, tmp_path):
    # On the old code Study.save wrote "=HYPERLINK(...)" as it is: a cell that Excel runs as a formula on opening.
    from impact.study import Study, TrimmedTextWarning, load_study

    tables = {n: tiny_study.table(n) for n in ("councils", "status_history", "reviews", "participants",
                                               "interviews", "survey_responses")}
    status = tables["status_history"]
    extra = status.iloc[[0] * 8].assign(kind="statutory_direction", status="direction",
                                        start_date=[f"201{i}-01-01" for i in range(8)],
                                        end_date=[f"201{i}-06-30" for i in range(8)], council_id="301")
    status = pd.concat([status, extra], ignore_index=True)
    status["source"] = (_HOSTILE_TEXT + [None] * len(status))[:len(status)]
    tables["status_history"] = status
    tables["councils"].loc[0, "name"] = "=1+1"
    tables["participants"].loc[1, "name"] = "-Dash Name"
    tables["survey_responses"]["value"] = [-2, 0]  # a scale from -2 to 2: negative numbers stay numbers
    meta = tiny_study.meta
    meta["survey"]["items"]["q_confident"]["scale"] = [-2, 2]
    tables["indicators"] = pd.DataFrame({"council_id": ["301", "302"], "period": ["2013-03-31"] * 2,
                                         "measure": ["rate", "rate"], "value": [-1.5, -0.0], "flag": [None, None]})
    # Round 8: a text with spaces (a tab, a carriage return) at its start is held without them, as a study file
    # gives every cell back (TrimmedTextWarning); the formula escape still guards what is left.
    with pytest.warns(TrimmedTextWarning, match="3 text value"):
        study = Study(meta, tables, {t: tiny_study._transcript_text(t) for t in tiny_study.interviews["transcript"]})
    held = [v.strip() for v in _HOSTILE_TEXT]
    study.save(tmp_path / "saved")
    written = (tmp_path / "saved" / "status_history.csv").read_bytes().decode("utf-8")
    import csv
    import io

    cells = [row[-1] for row in csv.reader(io.StringIO(written, newline=""))][1:len(_HOSTILE_TEXT) + 1]
    from impact._tabular import neutralise

    assert cells == [neutralise(v) for v in held]
    assert cells[0].startswith("'=") and cells[6] == "''=already escaped" and cells[7] == "'quoted"
    assert "-2" in (tmp_path / "saved" / "survey_responses.csv").read_text().splitlines()[1].split(",")
    assert (tmp_path / "saved" / "indicators.csv").read_text().splitlines()[1].split(",")[3] == "-1.5"
    loaded = load_study(tmp_path / "saved")
    assert loaded.equals(study)
    assert list(loaded.status_history["source"][:len(_HOSTILE_TEXT)]) == held
    assert list(loaded.survey_responses["value"]) == [-2, 0]


def test_a_carriage_return_inside_a_cell_does_not_split_the_row(tmp_path):
    # On the old code pandas wrote "line one\rline two" unquoted (only the row terminator's "\n" is quoted), and every
    # CSV reader, impact's own too, read two rows there: the second shifted into the wrong columns.
    import csv
    import io

    from impact._tabular import write_table

    data = pd.DataFrame({"unit": ["I1:2", "I1:3"], "attribution": ["line one\rline two", "ok"], "n": [1, -2]})
    write_table(data, tmp_path / "t.csv")
    rows = list(csv.reader(io.StringIO((tmp_path / "t.csv").read_bytes().decode("utf-8"), newline="")))
    assert rows == [["unit", "attribution", "n"], ["I1:2", "line one\rline two", "1"], ["I1:3", "ok", "-2"]]


def test_an_apostrophe_typed_before_a_number_is_still_refused_after_the_escape_is_undone(study_dir):
    # The escape is undone in text columns only: "'-8" in a whole-number column is the user's apostrophe, as before.
    _replace(study_dir / "reviews.csv", ",8", ",'-8")
    (problem,) = _errors(study_dir)
    assert problem.startswith("reviews.csv:2:n_recommendations: \"'-8\" - expected a whole number (it starts with an "
                              "apostrophe")


# --------------------------------------------------------------------------- the command line


def test_no_command_takes_an_abbreviated_option():
    # On the old code argparse read "--resamp" as --resamples and "--ou" as --out: a later option starting the same
    # way would change what an old command line means.
    from impact.cli import _commands, build_parser

    parser = build_parser()
    parsers = [parser, *_commands(parser)]
    assert len(parsers) > 8 and all(p.allow_abbrev is False for p in parsers)


@pytest.mark.parametrize(("args", "needles"), [
    (["run", "STUDY", "--out", "OUT", "--resamp", "99"],
     ["unrecognized arguments: --resamp 99", "(--resamp: did you mean --resamples?)"]),
    # On the old code "--ou OUT" was --out: now the required option is missing, and the one given is named.
    (["run", "STUDY", "--ou", "OUT"],
     ["the following arguments are required: --out; unrecognized argument: --ou", "(--ou: did you mean --out?)"]),
    (["run", "STUDY", "--out=OUT", "--cod=x.csv"], ["(--cod: did you mean --codebook or --coded?)"]),
    (["code", "STUDY", "--out", "OUT.csv", "--job", "2"], ["(--job: did you mean --jobs?)"]),
    # On the old code: "(--jobs: did you mean --jobs?)", of an option given after '--'.
    (["code", "--out", "OUT.csv", "STUDY", "--", "--jobs"],
     ["(--jobs is an option of impact code, but after '--' it is read as a value: put it before '--')"]),
    # On the old code "--out -" wrote the outputs into a folder named "-" (and a key file "--reidentification-key.csv").
    (["run", "STUDY", "--out", "-"], ["argument --out: '-' - expected the path of the output folder ('-' is not "
                                      "standard input or output here"]),
    (["validate", "-"], ["argument path: '-' - expected the path of a study folder"]),
    # On the old code a misspelt command or choice got argparse's list of choices only.
    (["valdate", "STUDY"], ["invalid choice: 'valdate'", "(did you mean validate?)"]),
    (["review", "exprt", "STUDY"], ["invalid choice: 'exprt'", "(did you mean export?)"]),
    # On the old code: "but '' was passed ( is a folder)".
    (["code", "STUDY", "--out", "OUT.csv", "--codebook="],
     ["argument --codebook: '' - expected the path of a codebook (a bundled codebook's name or a YAML file) (an "
      "empty path would be the current folder)"]),
])
def test_an_option_given_the_wrong_way_is_refused_saying_how(args, needles, study_dir, tmp_path):
    names = {"STUDY": str(study_dir), "OUT": str(tmp_path / "out"), "OUT.csv": str(tmp_path / "out.csv")}
    before = snapshot(tmp_path)
    proc = cli_here(*[names.get(a, a) for a in args], cwd=tmp_path)
    refused(proc, *needles)
    assert snapshot(tmp_path) == before


def test_the_command_line_and_the_tables_use_one_did_you_mean():
    # The option hint is schema.close_matches, as every vocabulary's is: an abbreviation, a misspelling, '_' for '-'.
    from impact.cli import _commands, _unknown_arguments, build_parser
    from impact.schema import close_matches

    run = next(c for c in _commands(build_parser()) if c.prog == "impact run")
    for typed, meant in [("--min", "--min-count"), ("--min_count", "--min-count"), ("--resampels", "--resamples")]:
        assert close_matches(typed, [o for a in run._actions for o in a.option_strings], cutoff=0.75)[0] == [meant]
        assert f"({typed}: did you mean {meant}?)" in _unknown_arguments(run, [typed])

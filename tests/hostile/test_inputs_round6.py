"""Hostile inputs and command lines, round 6 (helper-inputs6).

Each test is a defect found by using the commands the wrong way: it fails on
the code before its fix.
"""

from __future__ import annotations

import warnings

import pytest

from impact.errors import ValidationError

from ._util import cli_here, refused
from .test_inputs_round5 import _replace


def _all_problems(study_dir) -> list[str]:
    """Errors and warnings of a study that does not load."""
    from impact.study import load_study

    with pytest.raises(ValidationError) as info:
        load_study(study_dir)
    return [str(p) for p in info.value.problems + info.value.warnings]


# --------------------------------------------------------------------------- load_study(validate=False)


def test_a_header_row_repeated_inside_a_table_is_told_when_not_validating(study_dir):
    # On the old code load_study(path, validate=False) left the row of column names out of the data without a word
    # (validation reported it, but unchecked reading was silent).
    from impact.study import UncheckedInputWarning, load_study

    f = study_dir / "participants.csv"
    lines = f.read_text(encoding="utf-8").splitlines(keepends=True)
    f.write_text("".join(lines[:3] + [lines[0]] + lines[3:]), encoding="utf-8")
    with pytest.warns(UncheckedInputWarning) as caught:
        study = load_study(study_dir, validate=False)
    messages = [str(w.message) for w in caught if w.category is UncheckedInputWarning]
    assert messages == [f"{study_dir}: participants.csv:4: 'participant_id,council_id,role,organisat...' - expected "
                        "data, not the header row again (two files joined into one? keep one header row, at the top) "
                        "(not refused: read with validate=False; this row is left out of the data)"]
    assert [(p.file, p.row, p.severity) for p in study.load_problems] == [("participants.csv", 4, "warning")]
    # Every data row is kept: the four participants written, in order.
    assert list(study.participants["participant_id"]) == ["P1", "P2", "P3", "P4"]
    # Validation still refuses it, as before.
    with pytest.raises(ValidationError, match="participants.csv:4: .* - expected data, not the header row again"):
        load_study(study_dir)


def test_a_ragged_row_is_told_but_kept_when_not_validating(study_dir):
    # On the old code a row of too many cells was read (its extra cells lost) without a word under validate=False.
    from impact.study import UncheckedInputWarning, load_study

    _replace(study_dir / "councils.csv", "Barnet,", "Barnet,extra,")
    # round 25: the problem says what may have shifted the row's cells
    with pytest.warns(UncheckedInputWarning, match=r"councils.csv:3: '6 cells' - expected 5 cells, one per header "
                                                   r"column \(a comma inside a cell not in double quotes, as in "
                                                   r"'March 1, 2011'\? Put the cell in double quotes; the row's "
                                                   r"cells, under the wrong columns, are not checked\) "
                                                   r"\(not refused: read with validate=False\)$"):
        study = load_study(study_dir, validate=False)
    assert len(study.councils) == 3


def test_a_column_named_twice_says_which_is_read_when_not_validating(study_dir):
    # On the old code the first of two columns named "name" was overwritten by the second without a word.
    from impact.study import UncheckedInputWarning, load_study

    f = study_dir / "councils.csv"
    lines = f.read_text(encoding="utf-8").splitlines(keepends=True)
    f.write_text(lines[0].replace("region", "name") + "".join(lines[1:]), encoding="utf-8")
    # round 25: the problem says which columns (the rows are not checked when validating, one cause told once)
    with pytest.warns(UncheckedInputWarning, match=r"councils.csv:1:name: 'name' - expected each column name once "
                                                   r"\(columns 2 and 5 are both name: which holds the name is not "
                                                   r"known; the rows are checked once one is renamed or taken out\) "
                                                   r"\(not refused: read with validate=False; only the "
                                                   r"last column named name is read, the others are left out\)$"):
        study = load_study(study_dir, validate=False)
    assert list(study.councils["name"]) == ["London", "London", "South West"]  # the region column, read last


def test_a_clean_folder_read_without_validation_warns_nothing(study_dir):
    from impact.study import load_study

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        study = load_study(study_dir, validate=False)
    assert study.load_problems == []


# --------------------------------------------------------------------------- letters of other scripts that look Latin


@pytest.mark.parametrize(("old", "new", "shown", "expected"), [
    # Latin P, Cyrillic small a: on the old code accepted as another participant that reads as "Pa2".
    ("P2,302", "P\u04302,302", "P\u04302",
     "an id in one script (it mixes Latin with Cyrillic: U+0430 CYRILLIC SMALL LETTER A at character 2, which looks "
     "like the Latin 'a'; retype the id)"),
    # Greek capital Omicron among Latin letters.
    ("P2,302", "P2\u039fX,302", "P2\u039fX",
     "an id in one script (it mixes Latin with Greek: U+039F GREEK CAPITAL LETTER OMICRON at character 3, which "
     "looks like the Latin 'O'; retype the id)"),
    # A Greek letter that looks like no Latin one is named without a look-alike.
    ("P2,302", "P\u03bb2,302", "P\u03bb2",
     "an id in one script (it mixes Latin with Greek: U+03BB GREEK SMALL LETTER LAMDA at character 2; retype the id)"),
])
def test_an_id_mixing_latin_with_cyrillic_or_greek_is_refused_naming_the_letter(old, new, shown, expected, study_dir):
    _replace(study_dir / "participants.csv", old, new)
    problems = _all_problems(study_dir)
    # round 25: the problem goes on to name interviews.csv's rows naming 'P2', the id this row may be meant to be
    assert any(p.startswith(f"participants.csv:3:participant_id: {shown!r} - expected {expected}") for p in problems)


def test_ids_wholly_in_one_script_are_allowed(study_dir):
    # Cyrillic "\u041f\u0435\u0442\u0440" (Petr) and Greek "\u0391\u03bb\u03c6\u03b1" with digits and '_': one
    # script each, accepted.
    from impact.study import load_study

    # (Only the participant_id cells: an interview id "\u041f\u0435\u0442\u0440_3-early" would mix two scripts.)
    for file in ("participants.csv", "interviews.csv"):
        text = (study_dir / file).read_text(encoding="utf-8").replace("P3,", "\u041f\u0435\u0442\u0440_3,")
        (study_dir / file).write_text(text.replace("P4,", "\u0391\u03bb\u03c6\u03b1_4,"), encoding="utf-8")
    study = load_study(study_dir)
    assert set(study.participants["participant_id"]) == {"P1", "P2", "\u041f\u0435\u0442\u0440_3",
                                                                   "\u0391\u03bb\u03c6\u03b1_4"}
    assert not [p for p in study.load_problems if "script" in p.expected or "look alike" in p.expected]


def test_two_ids_that_look_the_same_in_two_scripts_are_told(study_dir):
    # On the old code "\u04201" (Cyrillic Er, then 1) beside "P1" (Latin) were two participants that look the same,
    # without a word; each is in one script, so it is a warning, not a refusal. A reference to the Latin one that is
    # not listed says which listed id it looks like.
    _replace(study_dir / "participants.csv", "P2,302", "\u04201,302")
    problems = _all_problems(study_dir)
    assert ("warning: participants.csv:3:participant_id: '\u04201' - expected ids that do not look alike ('\u04201' "
            "looks like 'P1' on row 2, yet is another participant_id: one of them holds U+0420 CYRILLIC CAPITAL "
            "LETTER ER at character 1, which looks like the Latin 'P'; retype it if they are one)") in problems
    _replace(study_dir / "participants.csv", "\u04201,302", "\u04202,302")
    assert ("interviews.csv:5:participant_id: 'P2' - expected a participant_id listed in participants.csv (did you "
            "mean '\u04202'? one of the two holds U+0420 CYRILLIC CAPITAL LETTER ER at character 1, which looks like "
            "the Latin 'P') (the same on 1 more row: 6)") in _all_problems(study_dir)


def test_a_column_name_holding_look_alike_letters_is_one_problem_naming_them(study_dir):
    # On the old code "\u0441\u043euncil_id" (Cyrillic Es and O) was an unknown column, `council_id` a missing one,
    # and each interview "expected the council of participant P1 (None)": 6 problems, the letters never named.
    _replace(study_dir / "participants.csv", "council_id", "\u0441\u043euncil_id")
    assert [p for p in _all_problems(study_dir) if not p.startswith("warning")] == [
        "participants.csv:1:\u0441\u043euncil_id: '\u0441\u043euncil_id' - expected the column name `council_id` "
        "(names are exact: this one holds U+0441 CYRILLIC SMALL LETTER ES at character 1, which looks like the Latin "
        "'c'; U+043E CYRILLIC SMALL LETTER O at character 2, which looks like the Latin 'o'; retype it)"]


def test_look_alike_folding_maps_only_the_documented_letters():
    # Independent check against the Unicode names: each Cyrillic/Greek letter maps to the Latin letter of the same
    # case, and the Latin letter's own name ends in that letter.
    import unicodedata

    from impact import schema

    for ch, latin in schema._LOOKALIKES.items():
        name = unicodedata.name(ch)
        assert name.split()[0] in ("CYRILLIC", "GREEK"), name
        assert ("CAPITAL" in name) == latin.isupper(), (name, latin)
        assert unicodedata.name(latin).endswith(f"LETTER {latin.upper()}")
    assert schema.latin_lookalike("\u041f1") != schema.latin_lookalike("P1")  # Pe is not in the table: no P
    assert schema.latin_lookalike("\u0420\u0415\u0412") == schema.latin_lookalike("peb")


def test_a_vocabulary_list_may_hold_items_of_two_scripts_but_not_an_item_mixing_them(study_dir):
    # Each item of a list column is one id: "outcomes;\u0423\u0447\u0430\u0441\u0442\u0438\u0435" holds two ids of
    # one script each (an unknown theme: told as such), not one id mixing scripts.
    _replace(study_dir / "reviews.csv", ";participation", ";\u0423\u0447\u0430\u0441\u0442\u0438\u0435")
    problems = _all_problems(study_dir)
    assert not [p for p in problems if "one script" in p]
    assert [p for p in problems if p.startswith("reviews.csv:3:themes: '\u0423\u0447\u0430\u0441\u0442\u0438\u0435' - "
                                                "expected one of")]
    _replace(study_dir / "reviews.csv", ";\u0423\u0447\u0430\u0441\u0442\u0438\u0435", ";p\u0430rticipation")
    assert [p for p in _all_problems(study_dir) if not p.startswith("warning")] == [
        "reviews.csv:3:themes: 'p\u0430rticipation' - expected an id in one script (it mixes Latin with Cyrillic: "
        "U+0430 CYRILLIC SMALL LETTER A at character 2, which looks like the Latin 'a'; retype the id)"]


# --------------------------------------------------------------------------- bad option values and unknown options


@pytest.mark.parametrize(("args", "needles"), [
    # On the old code: "usage: impact [-h] [--version] [-v | -q] COMMAND ..." and "unrecognized arguments: --jobs 0",
    # not saying that --jobs is an option of `impact code` only.
    (["run", "STUDY", "--out", "OUT", "--jobs", "0"],
     ["usage: impact run ", "impact run: error: unrecognized arguments: --jobs 0 - expected only the arguments and "
      "options in the usage line above (--jobs is an option of impact code, not of impact run)"]),
    (["run", "STUDY", "--out", "OUT", "--jobs=-1"], ["usage: impact run ", "--jobs=-1", "option of impact code"]),
    (["code", "STUDY", "--out", "OUT.csv", "--seeds", "3"],
     ["usage: impact code ", "unrecognized arguments: --seeds 3", "impact code has no option --seeds"]),
    (["run", "STUDY", "--out", "OUT", "--min-cuont", "3"],
     ["usage: impact run ", "(--min-cuont: did you mean --min-count?)"]),
    (["review", "export", "STUDY", "--coded", "C.csv", "--out", "O.xlsx", "--identify"],
     ["usage: impact review export ", "--identify is an option of impact run and impact demo, not of impact review export"]),
    # Values out of range: the option, the value and what is expected, with the command's usage.
    (["run", "STUDY", "--out", "OUT", "--resamples", "-5"],
     ["usage: impact run ", "argument --resamples: '-5' - expected a whole number from 99 to 1,000,000"]),
    (["run", "STUDY", "--out", "OUT", "--min-count", "0"],
     ["usage: impact run ", "argument --min-count: '0' - expected a whole number from 1 to 1,000"]),
    (["run", "STUDY", "--out", "OUT", "--seed", "-1"],
     ["usage: impact run ", "argument --seed: '-1' - expected a whole number from 0 to 4,294,967,295"]),
    (["code", "STUDY", "--out", "OUT.csv", "--jobs", "0"],
     ["usage: impact code ", "argument --jobs: '0' - expected a whole number from 1 to 64"]),
])
def test_a_bad_option_says_which_with_the_commands_usage(args, needles, study_dir, tmp_path):
    names = {"STUDY": str(study_dir), "OUT": str(tmp_path / "out")}
    proc = cli_here(*[names.get(a, a) for a in args], cwd=tmp_path)
    refused(proc, *needles)
    assert "usage: impact [-h]" not in proc.stderr
    assert not (tmp_path / "out").exists()


def test_thousands_written_as_the_help_writes_them_are_read():
    # On the old code "--resamples 2,000" was refused with "expected a whole number from 99 to 1,000,000": the
    # message wrote numbers the way it refused them.
    from impact.cli import build_parser

    args = build_parser().parse_args(["run", "s", "--out", "o", "--resamples", "2,000", "--seed", "1,234,567"])
    assert (args.resamples, args.seed) == (2000, 1234567)


# --------------------------------------------------------------------------- what spreadsheets and word processors add

_APOSTROPHE = ("(it starts with an apostrophe, which a spreadsheet uses to keep a number as text and hides, but which "
               "was saved into the file: remove it)")


def test_a_key_saved_with_the_apostrophe_a_spreadsheet_hides_is_one_problem_saying_so(study_dir):
    # On the old code "'301" was "expected a DfE three-digit local authority number" (the apostrophe not named), and
    # each of the five other tables naming council 301 was one more problem ("a council_id listed in councils.csv").
    _replace(study_dir / "councils.csv", "301,Barking", "'301,Barking")
    assert [p for p in _all_problems(study_dir) if not p.startswith("warning")] == [
        "councils.csv:2:council_id: \"'301\" - expected a DfE three-digit local authority number, as text (e.g. 301) "
        f"{_APOSTROPHE}; the other files name it '301' on 8 rows of status_history.csv, reviews.csv, "
        "participants.csv, interviews.csv, survey_responses.csv, which refer to this row once it is corrected"]


def test_an_id_without_a_pattern_saved_with_an_apostrophe_is_refused(study_dir):
    # On the old code "'P2" was accepted as a participant (the interviews of P2 then named an unknown one).
    _replace(study_dir / "participants.csv", "P2,302", "'P2,302")
    assert [p for p in _all_problems(study_dir) if not p.startswith("warning")] == [
        f"participants.csv:3:participant_id: \"'P2\" - expected an id without a leading apostrophe {_APOSTROPHE}; the "
        "other files name it 'P2' on 2 rows of interviews.csv, which refer to this row once it is corrected"]


@pytest.mark.parametrize(("file", "old", "new", "expected"), [
    # On the old code: "expected a date as YYYY-MM-DD" and "expected a whole number", the dash not named.
    ("interviews.csv", "2011-03-01", "2011\u201303\u201301",
     "interviews.csv:2:date: '2011\u201303\u201301' - expected a date as YYYY-MM-DD (it holds U+2013 EN DASH at "
     "character 5 and 1 more where '-' is expected; it may have been replaced as it was typed: type the hyphen-minus "
     "key)"),
    ("reviews.csv", ",8", ",\u22128",
     "reviews.csv:2:n_recommendations: '\u22128' - expected a whole number (it holds U+2212 MINUS SIGN at character 1 "
     "where '-' is expected; it may have been replaced as it was typed: type the hyphen-minus key)"),
    ("reviews.csv", ",8", ",'8", f"reviews.csv:2:n_recommendations: \"'8\" - expected a whole number {_APOSTROPHE}"),
    # On the old code: "expected a date as YYYY-MM-DD", of a date written as YYYY-MM-DD with a time after it.
    ("interviews.csv", "2011-03-01", "2011-03-01 14:30",
     "interviews.csv:2:date: '2011-03-01 14:30' - expected a date as YYYY-MM-DD (it carries a time of day, 14:30: "
     "write the date alone, 2011-03-01, so that no one reads the time as part of the date)"),
])
def test_a_dash_apostrophe_or_time_a_program_put_in_a_date_or_number_is_named(file, old, new, expected, study_dir):
    _replace(study_dir / file, old, new)
    assert [p for p in _all_problems(study_dir) if not p.startswith("warning")] == [expected]

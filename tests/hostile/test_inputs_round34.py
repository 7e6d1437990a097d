"""Hostile inputs, round 34 (helper-inputs34).

Each test is a hostile input the old code got wrong; what it did is said beside the test.  The large table of round
33 (1.25 million rows, ``python -m bench.large_table``) is measured by ``make bench``, never timed here.
"""

from __future__ import annotations

import os
import zipfile

import pytest

from impact.errors import ValidationError

from .test_inputs_round6 import _all_problems


def _load(study_dir):
    from impact.study import load_study

    return load_study(study_dir)


def _errors(study_dir) -> list[str]:
    """The errors of a study that does not load (its warnings left out)."""
    return [p for p in _all_problems(study_dir) if not p.startswith("warning: ")]


def _warnings(study_dir) -> list[str]:
    return [str(p) for p in _load(study_dir).load_problems]


def _edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# --------------------------------------------------------------------------- 1. a transcript name too long to look up


@pytest.mark.parametrize(("rel", "said"), [
    ("301/" + "a" * 300 + ".txt", "its longest name has 304 bytes, the path 308): shorten the name"),
    ("/".join(["ab"] * 1400) + ".txt", "its longest name has 6 bytes, the path 4,203): shorten the path"),
])
def test_a_transcript_path_longer_than_the_file_system_holds_is_named_on_its_row(study_dir, rel, said):
    # On the old code an OSError traceback (File name too long) out of load_study and `impact validate`.
    _edit(study_dir / "interviews.csv", "301/P1-early.txt", rel)
    problems = _all_problems(study_dir)
    assert [p.split(" - expected ", 1)[1] for p in problems if p.startswith("interviews.csv:3:transcript:")] == [
        "a plain file inside transcripts/ (a path the file system can hold: names of at most 255 bytes, a path of at "
        f"most 4,096 ({said})"]


# --------------------------------------------------------------------------- 2. study.yaml a link leading nowhere


@pytest.mark.parametrize(("target", "said"), [
    ("study.yaml", "a link to 'study.yaml' that leads back to itself (a loop of links)"),
    ("old/study.yaml", "a link to 'old/study.yaml', which does not exist"),
])
def test_a_study_yaml_that_is_a_broken_link_says_where_it_leads(study_dir, target, said):
    # On the old code "expected a study.yaml file in the study folder; found 'study.yaml': the name is exact,
    # study.yaml": the file named as found and as wanted at once.
    (study_dir / "study.yaml").unlink()
    os.symlink(target, study_dir / "study.yaml")
    with pytest.raises(ValidationError) as info:
        _load(study_dir)
    assert [str(p) for p in info.value.problems] == [
        f"study.yaml: expected a plain file inside the study folder (it is {said}: not read)"]


# --------------------------------------------------------------------------- 3. a table that is a link


@pytest.mark.parametrize(("target", "said"), [
    ("reviews.csv", "a link to 'reviews.csv' that leads back to itself (a loop of links): not read"),
    ("gone.csv", "a link to 'gone.csv', which does not exist: not read"),
    ("reviews-2011.csv", "a link to 'reviews-2011.csv': not read; links are not followed, even to a file inside the "
                         "folder: put the file itself here as reviews.csv"),
])
def test_a_table_that_is_a_link_says_where_it_leads(study_dir, target, said):
    # On the old code each was "it is a link, or resolves outside the folder": a link to a file beside it, or to
    # nothing, read as one that might lead out of the folder.
    (study_dir / "reviews.csv").rename(study_dir / "reviews-2011.csv")
    os.symlink(target, study_dir / "reviews.csv")
    assert f"reviews.csv: expected a plain file inside the study folder (it is {said})" in _all_problems(study_dir)


# --------------------------------------------------------------------------- 4. transcripts/ a link leading nowhere


@pytest.mark.parametrize(("target", "said"), [
    ("transcripts", "a link to 'transcripts' that leads back to itself (a loop of links)"),
    ("transcripts-2011", "a link to 'transcripts-2011', which does not exist"),
])
def test_a_transcripts_folder_that_is_a_broken_link_is_not_said_to_point_outside(study_dir, target, said):
    # On the old code "it is a link pointing outside the study folder", of a link to a name inside it.
    import shutil

    shutil.rmtree(study_dir / "transcripts")
    os.symlink(target, study_dir / "transcripts")
    assert ("transcripts/: expected a folder holding the 10 transcripts that interviews.csv names, inside the "
            f"study folder (it is {said}: links are not followed; put the folder itself here)"
            ) in _all_problems(study_dir)


# --------------------------------------------------------------------------- 5. blank rows above the header


def test_blank_rows_above_the_header_are_one_problem_not_an_empty_file(study_dir):
    # On the old code "expected a header row naming the columns (...); the file is empty" of a file of 4 rows.
    f = study_dir / "councils.csv"
    f.write_text("\n,,,,\n" + f.read_text(encoding="utf-8"), encoding="utf-8")
    assert _errors(study_dir) == [
        "councils.csv:1: expected the header row on row 1 (rows 1 to 2 are blank and the header is on row 3: delete "
        "the blank rows above it)"]


# --------------------------------------------------------------------------- 6. a title above the header


def test_a_title_row_above_the_header_is_one_problem_saying_which_rows_to_delete(study_dir):
    # On the old code the title was read as a header of one column: a problem on each row ("expected 1 cells"),
    # "expected only the columns [...]" and a missing column for each of the table's five.
    f = study_dir / "councils.csv"
    f.write_text("Councils in the study\nDrawn from the DfE list, 2011\n" + f.read_text(encoding="utf-8"),
                 encoding="utf-8")
    assert _errors(study_dir) == [
        "councils.csv:1: 'Councils in the study' - expected the header row at the top (row 3 holds the column "
        "names, below 2 rows of another kind, a title or a note?: delete rows 1 to 2)"]


# --------------------------------------------------------------------------- 7. a note below the table


def test_a_note_below_the_table_is_one_problem_not_one_per_empty_cell(study_dir):
    # On the old code five problems on the note's row: its cell count, its text as a council id, and a value for
    # each required cell it lacks.
    f = study_dir / "councils.csv"
    f.write_text(f.read_text(encoding="utf-8") + "Source: DfE local authority list 2011\n", encoding="utf-8")
    assert _errors(study_dir) == [
        "councils.csv:5:council_id: 'Source: DfE local authority list 2011' - expected rows of data only (row 5, "
        "below the table, holds one cell where a row has 5: a note, such as a source? Delete it, or keep the note in "
        "another file)"]


def test_guard_a_row_cut_short_at_the_end_is_still_told_as_a_short_row(study_dir):
    f = study_dir / "councils.csv"
    f.write_text(f.read_text(encoding="utf-8") + "303\n", encoding="utf-8")
    problems = _all_problems(study_dir)
    assert "councils.csv:5: '1 cell' - expected 5 cells, one per header column" in problems
    assert not [p for p in problems if "a note" in p]


# --------------------------------------------------------------------------- 8. the transcripts sent as an archive


@pytest.mark.parametrize("name", ["transcripts.zip", "Transcripts.ZIP"])
def test_transcripts_left_in_an_archive_say_to_unpack_it(study_dir, name):
    # On the old code "(it is missing)", with the archive beside it never named.
    import shutil

    with zipfile.ZipFile(study_dir / name, "w") as z:
        for f in (study_dir / "transcripts").rglob("*.txt"):
            z.write(f, f.relative_to(study_dir))
    shutil.rmtree(study_dir / "transcripts")
    assert ("transcripts/: expected a folder holding the 10 transcripts that interviews.csv names, inside the "
            f"study folder (it is missing; found {name}, an archive: unpack it here, into a folder named "
            "transcripts (impact reads the files, not an archive of them))") in _all_problems(study_dir)


# --------------------------------------------------------------------------- 9. an optional table under another name


# survey_responses.xlsx is the table's own workbook since inputs60, read as one, and .ods/.xls too where
# impact[spreadsheets] is installed (inputs63; the test extra holds it): a Numbers spreadsheet is never read
@pytest.mark.parametrize("name", ["survey_response.csv", "survey_responses.numbers", "Survey_Responses.csv"])
def test_an_optional_table_saved_under_another_name_is_told_not_silently_left_out(study_dir, name):
    # On the old code valid without a word: the survey, optional, was read as not given.
    (study_dir / "survey_responses.csv").rename(study_dir / name)
    study = _load(study_dir)
    assert len(study.table("survey_responses")) == 0
    assert [p for p in map(str, study.load_problems) if p.startswith("warning: survey_responses.csv:")] == [
        "warning: survey_responses.csv: expected the file survey_responses.csv (The off-site staff and "
        "partner survey, long: one row per respondent x wave x item.); "
        f"found {name!r}: names are exact, lower case, and a table is read from a CSV file named survey_responses.csv, "
        "a workbook named survey_responses.xlsx, or a sheet named survey_responses of study.xlsx"
        + (" (a Numbers spreadsheet is not read: save it as \"Excel Workbook (.xlsx)\" or as \"CSV UTF-8 "
           "(comma delimited)\")" if name.endswith(".numbers") else "")
        + "; it is optional, so the study is read without it: name the file as it should be to have it read"]


def test_guard_the_other_tables_are_no_near_name_of_an_optional_one(study_dir):
    (study_dir / "survey_responses.csv").unlink()
    assert not [p for p in _warnings(study_dir) if "survey_responses.csv" in p]


# --------------------------------------------------------------------------- 10. one respondent in two groups


def _second_item(study_dir) -> None:
    _edit(study_dir / "study.yaml", "survey:\n  items:\n",
          "survey:\n  items:\n    q_safe:\n      label: I feel safe\n      scale:\n      - 1\n      - 5\n")


def test_a_respondent_in_two_groups_at_one_wave_is_refused(study_dir):
    # On the old code valid without a word: S1's answers counted with the staff's and with the partners' at one wave.
    _second_item(study_dir)
    with open(study_dir / "survey_responses.csv", "a", encoding="utf-8") as f:
        f.write("301,S1,partner,expectations,q_safe,3\n")
    row = len((study_dir / "survey_responses.csv").read_text(encoding="utf-8").splitlines())
    assert _errors(study_dir) == [
        f"survey_responses.csv:{row}:respondent_group: 'partner' - expected the group respondent S1 answers in "
        "(staff, on row 2, at the same wave expectations): a respondent is in one group at a wave, or is counted in "
        "both groups' answers; correct the group, or give the other person an id of their own"]


def test_a_respondent_in_another_group_at_a_later_wave_is_told(study_dir):
    # On the old code valid without a word.
    _edit(study_dir / "survey_responses.csv", "301,S1,staff,longer_term", "301,S1,partner,longer_term")
    assert [p for p in _warnings(study_dir) if "respondent_group" in p] == [
        "warning: survey_responses.csv:3:respondent_group: 'partner' - expected the group respondent S1 answered in "
        "at expectations (staff, on row 2): read as partner at longer_term, so counted in each group at its wave; "
        "right if the person changed role, else correct the group"]


# --------------------------------------------------------------------------- 11. control characters in study.yaml


@pytest.mark.parametrize(("old", "new", "said"), [
    ("name: Tiny study", 'name: "Tiny\\0study"', "study.yaml:2:name: 'Tiny\\x00study' - expected text without "
     "control characters (it holds U+0000 (a control character) at character 5"),
    ("label: I feel confident", 'label: "I feel\\x1b confident"', "study.yaml:7:survey.items.q_confident.label: "
     "'I feel\\x1b confident' - expected text without control characters (it holds U+001B (a control character) at "
     "character 7"),
    ("name: Tiny study", 'name: "Tiny\\nstudy"', "study.yaml:2:name: 'Tiny\\nstudy' - expected text on one line (it "
     "holds a line break at character 5: a name or label is shown on one line; join the lines)"),
])
def test_control_characters_in_study_yaml_text_are_named_on_their_path(study_dir, old, new, said):
    # On the old code valid without a word; openpyxl refuses such a character when the name or label is written
    # into a workbook.
    _edit(study_dir / "study.yaml", old, new)
    problems = _all_problems(study_dir)
    assert [p for p in problems if p.startswith("study.yaml:")] == [p for p in problems if p.startswith(said)]
    assert len([p for p in problems if p.startswith(said)]) == 1


# --------------------------------------------------------------------------- 12. an empty label


def test_an_empty_label_in_study_yaml_is_refused(study_dir):
    # On the old code valid: the item shown without a name in the report.
    _edit(study_dir / "study.yaml", "label: I feel confident", "label: '  '")
    assert _errors(study_dir) == [
        "study.yaml:7:survey.items.q_confident.label: '  ' - expected a label with some text (an empty label leaves "
        "what it names unnamed in the report: write one, or leave the key out to be shown the id)"]


# --------------------------------------------------------------------------- 13. control characters in a table's text


def test_a_control_character_in_a_text_cell_is_refused_naming_it(study_dir):
    # On the old code valid without a word: the name, with a bell character in it, taken as written.
    _edit(study_dir / "participants.csv", "Alice Example", "Alice\x07Example")
    assert _errors(study_dir) == [
        "participants.csv:2:name: 'Alice\\x07Example' - expected text without control characters (it holds U+0007 (a "
        "control character) at character 6, which no one sees and which a workbook cannot hold: retype the cell)"]


def test_guard_a_tab_or_a_line_break_in_a_text_cell_is_text(study_dir):
    _edit(study_dir / "participants.csv", "Alice Example", '"Alice\tExample\nSmith"')
    assert not [p for p in _warnings(study_dir) if "participants.csv" in p]


# --------------------------------------------------------------------------- 14. UTF-8 read as Windows-1252


def test_a_text_cell_of_utf8_read_as_windows_1252_is_told(study_dir):
    # On the old code valid without a word: 'BarnÃ©t' kept and shown as the council's name.
    _edit(study_dir / "councils.csv", "Barnet", "BarnÃ©t")
    assert [p for p in _warnings(study_dir) if "councils.csv" in p] == [
        "warning: councils.csv:3:name: 'BarnÃ©t' - expected text as it was typed (it holds 'BarnÃ©t', which is "
        "'Barnét' saved as UTF-8 and read back as Windows-1252, as a spreadsheet or editor may open a file, then saved "
        "again: read as it stands; save the file again from its original, as UTF-8)"]


def test_a_transcript_of_utf8_read_as_windows_1252_is_told(study_dir):
    # On the old code read without a word: 'donâ€™t' coded as written.
    f = study_dir / "transcripts" / "301" / "P1-early.txt"
    f.write_text(f.read_text(encoding="utf-8") + "\nRespondent: We donâ€™t know yet.\n", encoding="utf-8")
    assert [p for p in _warnings(study_dir) if "P1-early" in p] == [
        "warning: interviews.csv:3:transcript: '301/P1-early.txt' - expected transcripts/301/P1-early.txt: text as it "
        "was typed (it holds 'donâ€™t', which is 'don’t' saved as UTF-8 and read back as Windows-1252, as a "
        "spreadsheet or editor may open a file, then saved again: read as it stands; save the file again from its "
        "original, as UTF-8)"]


def test_guard_letters_beyond_ascii_typed_as_meant_are_not_told(study_dir):
    _edit(study_dir / "councils.csv", "Barnet", "Barnét Ålesund São Paulo")
    assert not [p for p in _warnings(study_dir) if "councils.csv" in p]

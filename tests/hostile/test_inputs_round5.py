"""Hostile inputs and command lines, round 5 (helper-inputs5).

Each test is a defect found by using the commands the wrong way: it fails on
the code before its fix.
"""

from __future__ import annotations

import pytest

from impact.cli import main
from impact.errors import InputError, ValidationError

from ._util import snapshot

# --------------------------------------------------------------------------- the pseudonym key


@pytest.mark.parametrize("mark", [b"\xef\xbb\xbf", b""])
def test_a_byte_order_mark_is_no_part_of_the_key(mark, tmp_path, monkeypatch):
    # On the old code a key file saved by Notepad as "UTF-8 with BOM" kept the mark (three bytes) in the key: the
    # same key typed into IMPACT_PSEUDONYM_KEY, or saved without the mark, gave other pseudonyms.
    from impact.privacy import KEY_ENV, resolve_key

    key = tmp_path / "k.key"
    key.write_bytes(mark + b"0123456789abcdef0123\r\n")
    assert resolve_key(key_file=key) == b"0123456789abcdef0123"
    monkeypatch.setenv(KEY_ENV, mark.decode("utf-8") + "0123456789abcdef0123")
    assert resolve_key() == b"0123456789abcdef0123"


def test_a_mark_inside_the_key_is_kept_and_a_key_of_a_mark_alone_is_too_short(tmp_path):
    from impact.privacy import resolve_key

    key = tmp_path / "k.key"
    key.write_bytes(b"0123456789\xef\xbb\xbfabcdef")  # not at the start: part of what the user wrote
    assert resolve_key(key_file=key) == b"0123456789\xef\xbb\xbfabcdef"
    key.write_bytes(b"\xef\xbb\xbf" + b"k" * 14)  # 17 bytes with the mark, 14 without: too short
    with pytest.raises(InputError, match="the pseudonym key has 14 bytes - expected at least 16"):
        resolve_key(key_file=key)


# --------------------------------------------------------------------------- coded files in Windows-1252


def test_a_coded_file_in_windows_1252_is_read_with_the_warning_a_study_table_gets(coded_file, study_dir, tmp_path,
                                                                                 capsys):
    # On the old code a coded CSV saved by Excel as "CSV" on Windows (Windows-1252) was refused ("not UTF-8 text")
    # while a study table saved the same way was read with a warning.
    from impact._io import EncodingWarning_
    from impact.coding import read_coded

    lines = coded_file.read_text(encoding="utf-8").splitlines(keepends=True)
    cells = lines[1].split(",")
    cells[lines[0].split(",").index("attribution")] = "Ofsted \u2013 caf\u00e9"
    lines[1] = ",".join(cells)
    utf8, cp1252 = tmp_path / "utf8.csv", tmp_path / "cp1252.csv"
    utf8.write_text("".join(lines), encoding="utf-8")
    cp1252.write_bytes("".join(lines).encode("cp1252"))
    with pytest.warns(EncodingWarning_, match=r"cp1252.csv: not valid UTF-8; read as Windows-1252"):
        read = read_coded(cp1252)
    assert read.equals(read_coded(utf8)) and read["attribution"].iloc[0] == "Ofsted \u2013 caf\u00e9"
    assert main(["agree", str(utf8), str(cp1252), "--metrics", "percent_agreement",
                 "--out", str(tmp_path / "agree.csv")]) == 0
    assert "warning: " + str(cp1252) + ": not valid UTF-8; read as Windows-1252" in capsys.readouterr().err
    (study_dir / "councils.csv").write_bytes((study_dir / "councils.csv").read_bytes().replace(b"Barnet", b"Barn\xe9t"))
    with pytest.warns(EncodingWarning_, match=r"councils.csv: not valid UTF-8; read as Windows-1252"):
        from impact.study import load_study

        load_study(study_dir)


# --------------------------------------------------------------------------- ids that do not show what they hold


def _replace(path, old, new, count=1):
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _problems(study_dir) -> list[str]:
    from impact.study import load_study

    with pytest.raises(ValidationError) as info:
        load_study(study_dir)
    return [str(p) for p in info.value.problems]


_HIDDEN = "an id without invisible or direction-changing characters (it holds {} at character {}, which " \
          "makes ids that differ look the same or reorders what is shown; retype the id)"


@pytest.mark.parametrize(("file", "old", "new", "where", "shown", "name", "at"), [
    # On the old code each was accepted: 'P\u202e21' shows as "P12" (the override reverses what follows), the others
    # look exactly like the id without the character, yet never equal it.
    ("participants.csv", "P2,302", "P\u202e2,302", "participants.csv:3:participant_id", "P\\u202e2",
     "U+202E RIGHT-TO-LEFT OVERRIDE", 2),
    ("interviews.csv", "P1-early,", "P1-\u200dearly,", "interviews.csv:3:interview_id", "P1-\\u200dearly",
     "U+200D ZERO WIDTH JOINER", 4),
    ("interviews.csv", ",longer_term,", ",longer_term\u2069,", "interviews.csv:4:wave", "longer_term\\u2069",
     "U+2069 POP DIRECTIONAL ISOLATE", 12),
    ("status_history.csv", "880,improvement_notice", "880,improvement\ufeff_notice", "status_history.csv:5:kind",
     "improvement\\ufeff_notice", "U+FEFF ZERO WIDTH NO-BREAK SPACE", 12),
    # the item's own line, 6 (inputs62: it was told on line 5, that of 'items:')
    ("study.yaml", "q_confident:", "q_\u202aconfident:", "study.yaml:6:survey.items", "q_\\u202aconfident",
     "U+202A LEFT-TO-RIGHT EMBEDDING", 3),
])
def test_an_id_holding_a_character_nobody_sees_is_refused_naming_it(file, old, new, where, shown, name, at, study_dir):
    _replace(study_dir / file, old, new)
    expected = f"{where}: '{shown}' - expected {_HIDDEN.format(name, at)}"
    assert [p for p in _problems(study_dir) if p.startswith(expected)]  # (a key says where it is named: below)


def test_a_wave_id_holding_a_hidden_character_names_it(study_dir):
    # On the old code: "expected a wave id of letters, digits, '_' and '-'", which 'early\u200b' looks like.
    text = (study_dir / "study.yaml").read_text(encoding="utf-8")
    waves = ("waves:\n  - {id: expectations, anchor: review_start, window_days: [-183, 0]}\n"
             "  - {id: \"early\\u200b\", anchor: review_end, window_days: [28, 182]}\n")
    (study_dir / "study.yaml").write_text(text + waves, encoding="utf-8")
    assert f"study.yaml:13:waves[1].id: 'early\\u200b' - expected {_HIDDEN.format('U+200B ZERO WIDTH SPACE', 6)}" \
        in _problems(study_dir)


@pytest.mark.parametrize(("code_id", "expected"), [
    ('"mor\\u202eale"', "'mor\\u202eale' - expected a snake_case id: " + _HIDDEN.format("U+202E RIGHT-TO-LEFT OVERRIDE", 4)),
    # On the old code "morale\n" was a snake_case id (re.match with '$' takes the line end): a code no coding
    # names as written.
    ('"morale\\n"', "'morale\\n' - expected a snake_case id: " + _HIDDEN.format("U+000A (a control character)", 7)),
])
def test_a_code_id_holding_a_hidden_character_is_refused_naming_it(code_id, expected):
    from impact.coding import Codebook

    book = "format_version: 1\nid: book\nversion: '1'\ncodes:\n  - {id: ID, label: Morale, definition: d}\n"
    with pytest.raises(ValidationError) as info:
        Codebook.from_yaml(book.replace("ID", code_id), source="book.yaml")
    assert f"book.yaml:5:codes[0].id: {expected}" in str(info.value)


# --------------------------------------------------------------------------- names misspelt


_EARLY_IMPACT = """waves:
  - {id: expectations, anchor: review_start, window_days: [-183, 0]}
  - {id: early_impact, anchor: review_end, window_days: [28, 182]}
  - {id: longer_term, anchor: review_end, window_days: [273, 548]}
"""


def test_a_misspelt_wave_says_which_wave_it_is_close_to(study_dir):
    # On the old code: "'Early' - expected one of ['early_impact', 'expectations', 'longer_term']", the reader left
    # to compare them; a study's own wave names are the ones most often mistyped.
    _replace(study_dir / "interviews.csv", ",early,", ",early_impact,", count=-1)
    _replace(study_dir / "interviews.csv", ",early_impact,", ",Early,")
    _replace(study_dir / "interviews.csv", ",longer_term,", ",longterm,")
    (study_dir / "study.yaml").write_text((study_dir / "study.yaml").read_text(encoding="utf-8") + _EARLY_IMPACT,
                                          encoding="utf-8")
    problems = _problems(study_dir)
    # the waves in the study's order, first wave first (newuser4: they were listed alphabetically)
    assert ("interviews.csv:3:wave: 'Early' - expected one of ['expectations', 'early_impact', 'longer_term'] "
            "(did you mean 'early_impact'?)") in problems
    assert ("interviews.csv:4:wave: 'longterm' - expected one of ['expectations', 'early_impact', 'longer_term'] "
            "(did you mean 'longer_term'?)") in problems
    assert len(problems) == 2


@pytest.mark.parametrize(("file", "old", "new", "start", "end"), [
    ("status_history.csv", "ofsted_judgement,good", "ofsted_judgement,Good",
     # newuser6: the same word as the id is said to be (not guessed at: "(did you mean 'good'?)" before)
     "status_history.csv:2:status: 'Good' - expected for kind ofsted_judgement, the id 'good' as impact writes it",
     "the same words in another case, spacing or punctuation, and impact reads its ids as written (replace it in "
     "every row of the column)"),
    ("study.yaml", "codebook: nfer_impacts", "codebook: nfer_impact",
     "study.yaml:3:codebook: 'nfer_impact' - expected one of the bundled codebooks", "(did you mean 'nfer_impacts'?)"),
    ("study.yaml", "name: Tiny study", "name: Tiny study\nwave: []",
     "study.yaml:3:wave: 'wave' - expected one of the keys ['name', ", "(did you mean 'waves'?)"),
])
def test_other_misspelt_names_say_what_they_are_close_to(file, old, new, start, end, study_dir):
    _replace(study_dir / file, old, new)
    problems = _problems(study_dir)
    assert [p for p in problems if p.startswith(start) and p.endswith(end)], problems


@pytest.mark.parametrize(("header", "expected"), [
    # On the old code each was two problems for one cause: "a column `council_id`" missing, and "only the columns".
    ("Council ID", "councils.csv:1:Council ID: 'Council ID' - expected the column name `council_id` (names are exact: "
                   "lower case, '_' between words)"),
    ("COUNCIL_ID", "councils.csv:1:COUNCIL_ID: 'COUNCIL_ID' - expected the column name `council_id` (names are "
                   "exact: lower case, '_' between words)"),
])
def test_a_column_name_written_another_way_is_one_problem(header, expected, study_dir):
    _replace(study_dir / "councils.csv", "council_id,", f"{header},")
    problems = [p for p in _problems(study_dir) if p.startswith("councils.csv")]
    assert problems == [expected]


def test_a_column_given_twice_in_another_case_is_refused_as_given_twice(study_dir):
    # On the old code: "only the columns [...]", as if 'Name' were some other column.
    f = study_dir / "councils.csv"
    lines = f.read_text(encoding="utf-8").splitlines()
    f.write_text("\n".join([lines[0] + ",Name"] + [x + ",other" for x in lines[1:]]) + "\n", encoding="utf-8")
    assert _problems(study_dir) == ["councils.csv:1:Name: 'Name' - expected each column once (this is `name` again, "
                                    "written another way)"]


# --------------------------------------------------------------------------- one message per cause


@pytest.mark.parametrize(("file", "old", "new", "expected"), [
    # On the old code a council id with a leading zero was 1 problem in councils.csv and 5 more, one per table
    # naming council 301 ("'301' - expected a council_id listed in councils.csv").
    ("councils.csv", "301,Barking", "0301,Barking",
     "councils.csv:2:council_id: '0301' - expected a DfE three-digit local authority number, as text (e.g. 301); the "
     "other files name it '301' on 8 rows of status_history.csv, reviews.csv, participants.csv, interviews.csv, "
     "survey_responses.csv, which refer to this row once it is corrected"),
    # ... and a participant id holding a hidden character was accepted, and the interviews naming P2 were refused.
    ("participants.csv", "P2,302", "P\u202e2,302",
     "participants.csv:3:participant_id: 'P\\u202e2' - expected " + _HIDDEN.format("U+202E RIGHT-TO-LEFT OVERRIDE", 2)
     + "; the other files name it 'P2' on 2 rows of interviews.csv, which refer to this row once it is corrected"),
])
def test_a_malformed_key_is_one_problem_not_one_per_table_naming_it(file, old, new, expected, study_dir):
    _replace(study_dir / file, old, new)
    assert _problems(study_dir) == [expected]


def test_a_reference_written_another_way_says_which_key_it_is(study_dir):
    _replace(study_dir / "reviews.csv", "\n301,", "\n0301,")
    assert _problems(study_dir) == ["reviews.csv:2:council_id: '0301' - expected a council_id listed in councils.csv "
                                    "(did you mean '301'?)"]


def test_a_reference_holding_a_hidden_character_is_one_problem(study_dir):
    _replace(study_dir / "interviews.csv", "P3-early,P3,", "P3-early,P\ufeff3,")
    assert _problems(study_dir) == ["interviews.csv:8:participant_id: 'P\\ufeff3' - expected "
                                    + _HIDDEN.format("U+FEFF ZERO WIDTH NO-BREAK SPACE", 2)]


# --------------------------------------------------------------------------- command lines the wrong way round


@pytest.mark.parametrize(("args", "needle"), [
    # On the old code: "folder: no such file (expected a coded CSV, ...)", the folder right there.
    (["run", "STUDY", "--out", "OUT", "--coded", "FOLDER", "--resamples", "99"],
     "FOLDER: is a folder - expected a coded CSV, Parquet, review .xlsx or .qdpx file"),
    # On the old code: "folder: file not found".
    (["review", "import", "FOLDER", "--reviewer", "ann", "--out", "OUT.csv"],
     "FOLDER: is a folder - expected an .xlsx workbook written by impact"),
    (["agree", "FOLDER", "CODED", "--out", "OUT.csv"], "FOLDER: is a folder - expected a coded CSV file"),
    # On the old code: "... but 'FOLDER' was passed." and "... but 'councils.csv' was passed.", saying nothing of why.
    (["code", "STUDY", "--codebook", "folder", "--out", "OUT.csv"], "but 'folder' was passed (folder is a folder)."),
    # Since inputs52 a coded file is told as one before the codebook's reader sees it (impact._kinds): what it is,
    # what --codebook expected and which commands read it.
    (["code", "STUDY", "--codebook", "coded2.csv", "--out", "OUT.csv"],
     "--codebook coded2.csv: coded output (`impact code` writes it) - expected a codebook"),
    # On the old code: "codebook file FOLDER does not exist".
    (["code", "STUDY", "--codebook", "FOLDER", "--out", "OUT.csv"], "codebook file FOLDER is a folder"),
    (["code", "STUDY", "--codebook", "nfer_impact", "--out", "OUT.csv"], "(did you mean 'nfer_impacts'?)"),
    (["agree", "CODED", "CODED2", "--metrics", "kappa", "--out", "OUT.csv"], "(did you mean 'cohen_kappa'?)"),
    # On the old code an empty --out was the current folder ("the output folder would be the current folder"), and
    # an empty --key-file (a variable that was not set) "is a folder".
    (["run", "STUDY", "--out", "", "--resamples", "99"],
     "argument --out: '' - expected the path of the output folder (an empty path would be the current folder)"),
    (["run", "STUDY", "--out", "OUT", "--key-file", " ", "--resamples", "99"],
     "argument --key-file: ' ' - expected the path of the pseudonym key file (an empty path would be the current "
     "folder)"),
    (["code", "STUDY", "--out", ""], "argument --out: '' - expected the path of the coded file to write"),
    (["export-qdpx", "STUDY", ""], "argument file: '' - expected the path of the .qdpx project to write"),
    # On the old code `impact agree` with one coder wrote a table of blanks ("no unit was coded by two or more
    # coders") and exited 0.
    (["agree", "CODED", "--out", "OUT.csv"], "CODED: 1 coder ('coded') - expected two or more coders to compare"),
])
def test_a_command_given_the_wrong_kind_of_path_says_what_it_is(args, needle, study_dir, coded_file, tmp_path,
                                                               monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "folder").mkdir()
    (tmp_path / "coded2.csv").write_bytes(coded_file.read_bytes())
    names = {"STUDY": str(study_dir), "OUT": str(tmp_path / "out"), "FOLDER": str(tmp_path / "folder"),
             "CODED": str(coded_file), "CODED2": str(tmp_path / "coded2.csv")}

    def named(text: str) -> str:
        for k in sorted(names, key=len, reverse=True):
            text = text.replace(k, names[k])
        return text

    before = snapshot(tmp_path)
    assert main([named(a) for a in args]) == 2
    err = capsys.readouterr().err
    assert named(needle) in err and "Traceback" not in err
    assert snapshot(tmp_path) == before


# --------------------------------------------------------------------------- dates in more than one format


def test_a_day_month_date_beside_a_month_first_date_is_not_read_either_way(study_dir):
    # On the old code a reviews.csv saved by a US-locale spreadsheet had 05/09/2011 (9 May) read as 5 September
    # silently - the review then seemed to end before it started, and every interview was timed from the wrong day -
    # while 05/13/2011, beside it, said only "there is no month 13".
    _replace(study_dir / "reviews.csv", "301,2011-05-09,2011-05-13", "301,05/09/2011,05/13/2011")
    assert _problems(study_dir) == [
        "reviews.csv:2:start_date: '05/09/2011' - expected a date as YYYY-MM-DD: this file also holds 05/13/2011 "
        "(end_date, row 2), written month first, so 05/09/2011 may be 2011-05-09 as well as 2011-09-05",
        "reviews.csv:2:end_date: '05/13/2011' - expected a date as YYYY-MM-DD (there is no month 13: written month "
        "first? then write 2011-05-13)"]


def test_day_month_dates_without_a_month_first_one_are_read_as_uk_excel_writes_them(study_dir):
    from impact.study import load_study

    _replace(study_dir / "reviews.csv", "301,2011-05-09,2011-05-13", "301,09/05/2011,13/05/2011")
    _replace(study_dir / "reviews.csv", "302,2011-06-13,", "302,2011-06-13 00:00:00,")  # three formats, one column
    reviews = load_study(study_dir).reviews
    assert [f"{d:%Y-%m-%d}" for d in reviews["start_date"]] == ["2011-05-09", "2011-06-13", "2011-10-03"]
    assert f"{reviews['end_date'][0]:%Y-%m-%d}" == "2011-05-13"


# --------------------------------------------------------------------------- the same thing twice, written another way


def test_ids_differing_only_in_case_are_one_key(study_dir):
    # On the old code 'p1' and 'P1' were two participants (and the interviews of P2, now 'p1', were not listed).
    _replace(study_dir / "participants.csv", "P2,302", "p1 ,302")
    assert _problems(study_dir)[0] == ("participants.csv:3:participant_id: 'participant_id=p1' - expected a unique "
                                       "participant_id (already on row 2 as participant_id=P1, the same but for case "
                                       "or spacing)")


def test_a_council_listed_twice_under_two_ids_is_refused_or_told(study_dir):
    # On the old code the same council under two ids was two councils, counted twice in every finding, without a
    # word. An ONS code names one council: an error. A name may be shared (Dorset county council, 835, to 2019, and
    # Dorset council, 838, from 2019): a warning.
    from impact.study import load_study

    _replace(study_dir / "councils.csv", "302,Barnet", "302,BARKING  AND DAGENHAM")
    assert [str(p) for p in load_study(study_dir).load_problems if p.file == "councils.csv"] == [
        "warning: councils.csv:3:name: 'BARKING  AND DAGENHAM' - expected each name once (already on row 2 as "
        "'Barking and Dagenham', the same but for case or spacing); two councils of one name are told apart by id only"]
    _replace(study_dir / "councils.csv", "E09000003", "E09000002")
    assert _problems(study_dir) == ["councils.csv:3:ons_code: 'E09000002' - expected each ons_code once (already on "
                                    "row 2)"]


# --------------------------------------------------------------------------- files that are not what they seem


def test_a_nul_byte_says_on_which_line_it_is(study_dir):
    # On the old code: "contains NUL bytes at byte 109", the user left to count bytes in a 10,000-row file.
    f = study_dir / "councils.csv"
    f.write_bytes(f.read_bytes().replace(b"Barnet", b"Bar\x00net"))
    # since inputs54 the file is said to be UTF-8 text but for the one NUL, with how to take it out
    assert _problems(study_dir) == ["councils.csv: expected a readable CSV file (UTF-8 text with 1 stray NUL byte "
                                    "(byte 109, line 3, character 8), which no text holds (a bad export or a damaged "
                                    "copy): delete it (a text editor shows it as NUL or a box; or keep the text "
                                    "without it: tr -d '\\000' < FILE > FIXED) and check the text around it - "
                                    "expected a text file without NUL bytes)"]


def test_two_files_joined_into_one_say_so_once(study_dir):
    # On the old code the second file's header row (after its byte-order mark, now inside the text) was read as a
    # participant: one problem per column ('\ufeffparticipant_id', 'role', 'organisation_type', 'council_id').
    f = study_dir / "participants.csv"
    first = f.read_bytes()
    f.write_bytes(first + b"\xef\xbb\xbf" + first.replace(b"P1,", b"P9,").replace(b"P2,", b"P8,")
                  .replace(b"P3,", b"P7,").replace(b"P4,", b"P6,"))
    assert _problems(study_dir) == ["participants.csv:6: '\\ufeffparticipant_id,council_id,role,organisa...' - "
                                    "expected data, not the header row again (two files joined into one? keep one "
                                    "header row, at the top)"]


@pytest.mark.parametrize("kind", ["folder", "pipe"])
def test_a_transcript_that_is_a_folder_or_a_pipe_says_what_it_is(kind, study_dir):
    import os

    # On the old code: "expected an existing file transcripts/301/P1-early.txt", the thing right there.
    f = study_dir / "transcripts" / "301" / "P1-early.txt"
    f.unlink()
    f.mkdir() if kind == "folder" else os.mkfifo(f)
    what = "is a folder" if kind == "folder" else "not a regular file"
    assert _problems(study_dir) == [f"interviews.csv:3:transcript: '301/P1-early.txt' - expected a plain file inside "
                                    f"transcripts/ (transcripts/301/P1-early.txt: {what} - expected a .txt, .docx, "
                                    ".vtt or .srt file)"]


# --------------------------------------------------------------------------- coded files


def test_a_coded_unit_holding_a_hidden_character_is_refused_not_counted_as_a_disagreement(coded_file, tmp_path,
                                                                                       capsys):
    # On the old code 'P1-expectations:2\u200b' was a unit of its own: the second coder seemed to code nothing in
    # P1-expectations:2 and something in a unit the first never saw - two disagreements where the coders agree.
    lines = coded_file.read_text(encoding="utf-8").splitlines(keepends=True)
    unit = lines[1].split(",")[0]
    lines[1] = lines[1].replace(unit, unit + "\u200b", 1)
    other = tmp_path / "other.csv"
    other.write_text("".join(lines), encoding="utf-8")
    assert main(["agree", str(coded_file), str(other), "--out", str(tmp_path / "agree.csv")]) == 2
    assert (f"other.csv:2:unit: '{unit}\\u200b' - expected an id without invisible or direction-changing characters "
            f"(it holds U+200B ZERO WIDTH SPACE at character {len(unit) + 1}") in capsys.readouterr().err
    assert not (tmp_path / "agree.csv").exists()


def test_a_coded_column_named_twice_in_another_case_is_refused(coded_file, tmp_path):
    # On the old code 'code' and 'Code ' were two columns: the second, the coder's corrections, was left out.
    from impact.coding import read_coded

    lines = coded_file.read_text(encoding="utf-8").splitlines()
    other = tmp_path / "other.csv"
    other.write_text("\n".join([lines[0] + ",Code "] + [x + ",morale" for x in lines[1:]]) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"other.csv:1: the columns \['Code', 'code'\] are named twice"):
        read_coded(other)


# --------------------------------------------------------------------------- tables no spreadsheet could hold


def test_a_table_wider_than_a_spreadsheet_is_refused_at_once(study_dir):
    # On the old code 200,000 columns took 13 s and made 200,000 problems ("only the columns ..."), one per column.
    f = study_dir / "councils.csv"
    lines = f.read_text(encoding="utf-8").splitlines()
    f.write_text("\n".join([lines[0] + "".join(f",c{i}" for i in range(20_000))] + lines[1:]) + "\n", encoding="utf-8")
    assert _problems(study_dir) == ["councils.csv: expected a readable CSV file (20,005 columns - expected at most "
                                    "16,384, as a spreadsheet holds)"]


def test_a_coded_file_with_a_header_cell_longer_than_the_csv_module_reads_is_a_message(coded_file, tmp_path):
    # On the old code `impact agree` stopped with a traceback (_csv.Error: field larger than field limit (131072)):
    # pandas read the file, then the header row was read again with the csv module's default limit.
    from ._util import cli, refused

    (tmp_path / "wide.csv").write_text("unit,code," + "x" * 200_000 + "\nI1:1,morale,1\n", encoding="utf-8")
    refused(cli("agree", str(coded_file), "wide.csv", "--out", "agree.csv", cwd=tmp_path),
            "wide.csv:1: not a readable header row (field larger than field limit (131072)) - expected coded output")
    assert not (tmp_path / "agree.csv").exists()


def test_text_holding_a_direction_override_is_a_warning_and_a_date_holding_a_mark_names_it(study_dir):
    # On the old code 'Barn\u202eet' (shown as "Barnte", and reversing what follows it in a report made with
    # --identify) was read without a word, and '\ufeff2011-05-09' was "expected a date as YYYY-MM-DD" - which it
    # looks exactly like.
    from impact.study import load_study

    _replace(study_dir / "councils.csv", "Barnet", "Barn\u202eet")
    study = load_study(study_dir)
    assert [str(p) for p in study.load_problems if p.file == "councils.csv"] == [
        "warning: councils.csv:3:name: 'Barn\\u202eet' - expected text without invisible or direction-changing "
        "characters (it holds U+202E RIGHT-TO-LEFT OVERRIDE at character 5, which outputs show as written: "
        "reordered, or looking like other text)"]
    _replace(study_dir / "reviews.csv", "301,2011-05-09,", "301,\ufeff2011-05-09,")
    assert _problems(study_dir) == ["reviews.csv:2:start_date: '\\ufeff2011-05-09' - expected a date as YYYY-MM-DD "
                                    "(it holds U+FEFF ZERO WIDTH NO-BREAK SPACE at character 1, which is not seen)"]

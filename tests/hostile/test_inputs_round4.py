"""Hostile inputs and command lines, round 4 (helper-inputs4).

Each test is a defect found by using the commands the wrong way: it fails on
the code before its fix.
"""

from __future__ import annotations

import os

import pytest

from impact.cli import main
from impact.errors import InputError

from ._util import cli_here, snapshot

# --------------------------------------------------------------------------- the pseudonym key file


@pytest.fixture
def outside_key(tmp_path):
    """A good key file outside the study and output folders."""
    key = tmp_path / "good.key"
    key.write_text("  a key from a file, long enough \n", encoding="utf-8")
    return key


def _key_file(tmp_path, kind):
    (tmp_path / "keys").mkdir()
    path = tmp_path / "keys" / f"{kind}.key"
    if kind == "table":
        path.write_text("council_id,name\n301,Barking and Dagenham\n302,Barnet\n", encoding="utf-8")
        return path, "holds 3 lines - expected the pseudonym key alone: one line of at least 16 characters"
    if kind == "random_bytes":
        path.write_bytes(bytes(range(256))[::7] + b"\x00\x01")
        return path, "holds bytes that are not text - expected the pseudonym key alone"
    if kind == "large":
        path.write_text("k" * 5000, encoding="utf-8")
        return path, "is 5,000 bytes - expected the pseudonym key alone"
    if kind == "pipe":
        os.mkfifo(path)
        return path, "is not a regular file (a device or a pipe) - expected the pseudonym key alone"
    if kind == "device":
        return "/dev/zero", "/dev/zero: is not a regular file (a device or a pipe)"
    raise AssertionError(kind)


@pytest.mark.parametrize("kind", ["table", "random_bytes", "large", "pipe", "device"])
def test_a_key_file_that_is_no_key_is_refused_before_the_work(kind, study_dir, tmp_path, capsys):
    # On the old code a table (a CSV named by mistake) and random bytes were taken as the secret key: the run went
    # on, with pseudonyms that change as soon as that file is edited. /dev/zero and a named pipe were "not found"
    # (a pipe nobody writes to would have hung the run had it been opened); a large file was read whole.
    key, needle = _key_file(tmp_path, kind)
    before = snapshot(study_dir)  # (not the keys: reading a named pipe would wait for a writer)
    assert main(["run", str(study_dir), "--out", str(tmp_path / "out"), "--key-file", str(key),
                 "--resamples", "99"]) == 2
    assert needle in capsys.readouterr().err
    assert snapshot(study_dir) == before and sorted(p.name for p in tmp_path.iterdir()) == ["keys", "study"]


def test_a_key_file_with_more_than_one_line_does_not_show_them(tmp_path):
    # The refusal names the file and its number of lines, never a line: the first line may be a key.
    from impact.privacy import resolve_key

    key = tmp_path / "k.key"
    key.write_text("0123456789abcdef0123456789abcdef\n# made for the 2013 study\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        resolve_key(key_file=key)
    assert f"{key}: holds 2 lines" in str(info.value) and "0123456789" not in str(info.value)
    key.write_text("0123456789abcdef0123456789abcdef\r\n\r\n", encoding="utf-8")  # a line end (Windows) is no line
    assert resolve_key(key_file=key) == b"0123456789abcdef0123456789abcdef"


def test_a_key_file_inside_the_study_folder_is_refused(study_dir, tmp_path, outside_key, monkeypatch, capsys):
    # On the old code `--key-file STUDY/councils.csv` (or a key kept among the study's files) was used: the secret
    # travelled with the data it protects, and whoever holds the study folder could re-identify every council.
    from impact.privacy import KEY_FILE_ENV, resolve_key

    inside = study_dir / "pseudonym.key"
    inside.write_bytes(outside_key.read_bytes())
    before = snapshot(tmp_path)
    assert main(["run", str(study_dir), "--out", str(tmp_path / "out"), "--key-file", str(inside),
                 "--resamples", "99"]) == 2
    assert f"{inside}: the pseudonym key file is inside the study folder" in capsys.readouterr().err
    assert snapshot(tmp_path) == before
    monkeypatch.delenv("IMPACT_PSEUDONYM_KEY", raising=False)
    monkeypatch.setenv(KEY_FILE_ENV, str(inside))
    with pytest.raises(InputError, match="the pseudonym key file is inside the study folder"):
        resolve_key(study_dir=study_dir)
    assert resolve_key(key_file=outside_key, study_dir=study_dir) == b"a key from a file, long enough"


def test_a_default_key_path_that_is_a_folder_is_named_as_such(tmp_path, monkeypatch):
    # On the old code a folder where the key file should be was taken for no key, and making one there failed with
    # "the pseudonym key cannot be made here (Is a directory)".
    from impact.privacy import KEY_FILE_ENV, resolve_key

    monkeypatch.delenv("IMPACT_PSEUDONYM_KEY", raising=False)
    (tmp_path / "pseudonym.key").mkdir()
    monkeypatch.setenv(KEY_FILE_ENV, str(tmp_path / "pseudonym.key"))
    with pytest.raises(InputError, match=r"pseudonym.key: is a folder - expected the pseudonym key file"):
        resolve_key()


def test_the_key_in_the_environment_is_one_line_of_text(monkeypatch):
    from impact.privacy import KEY_ENV, resolve_key

    monkeypatch.setenv(KEY_ENV, "first line of a key\nsecond line of a key")
    with pytest.raises(InputError, match=f"environment variable {KEY_ENV}: holds 2 lines"):
        resolve_key()
    monkeypatch.setenv(KEY_ENV, " one line key, long enough \n")
    assert resolve_key() == b"one line key, long enough"


# --------------------------------------------------------------------------- text encodings of the CSV files read


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig"])
def test_coded_files_are_read_in_every_encoding_study_tables_are(encoding, coded_file, study_dir, tmp_path, capsys):
    # On the old code a coded CSV saved as UTF-16 with a byte-order mark (Excel's "Unicode" text, Notepad's
    # "Unicode") was "a binary file, not CSV text (a NUL byte at byte 3)", while the study's own tables in that
    # encoding were read; `impact agree`, `review export`, `export-qdpx` and `run --coded` read it now.
    from impact.coding import read_coded
    from impact.codings import read_codings
    from impact.study import load_study

    text = coded_file.read_text(encoding="utf-8")
    other = tmp_path / "other.csv"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    other.write_bytes(data)
    assert read_coded(other).equals(read_coded(coded_file))
    study = load_study(study_dir)
    assert read_codings(other, study).equals(read_codings(coded_file, study))  # the coder not named (round 9)
    assert main(["agree", str(coded_file), str(other), "--metrics", "percent_agreement",
                 "--out", str(tmp_path / "agree.csv")]) == 0
    assert "impact agree: 2 coders" in capsys.readouterr().out


def test_excel_unicode_text_says_it_is_tab_separated(coded_file, tmp_path):
    from impact.coding import read_coded

    other = tmp_path / "unicode.csv"
    other.write_text(coded_file.read_text(encoding="utf-8").replace(",", "\t"), encoding="utf-16")
    with pytest.raises(InputError, match=r"unicode.csv: values separated by tabs \(Excel's \"Unicode Text\" is UTF-16 "
                                         r"separated by tabs\) - expected commas"):
        read_coded(other)


def test_a_utf8_file_with_text_of_another_encoding_after_its_mark_is_refused_not_a_traceback(study_dir, tmp_path):
    # On the old code a table starting with a UTF-8 byte-order mark and holding a Windows-1252 'é' (text pasted in
    # from another file) stopped `impact validate` with a Python traceback (UnicodeDecodeError).
    from ._util import refused

    f = study_dir / "councils.csv"
    text = f.read_text(encoding="utf-8").replace("Barnet", "Barn\u00e9t")
    f.write_bytes(b"\xef\xbb\xbf" + text.encode("cp1252"))
    proc = cli_here("validate", str(study_dir), cwd=tmp_path)
    refused(proc, "councils.csv: expected a readable CSV file (starts with a UTF-8 byte-order mark but is not UTF-8 "
                  "from line 3 (byte 0xe9 at byte 113) - expected one encoding: save the file as UTF-8)")
    (tmp_path / "coded.csv").write_bytes(b"\xef\xbb\xbfunit,code\nCamd\xe9n,morale\n")
    proc = cli_here("agree", "coded.csv", "coded.csv", "--out", "x.csv", cwd=tmp_path)
    refused(proc, "coded.csv: starts with a UTF-8 byte-order mark but is not UTF-8 from line 2")


# --------------------------------------------------------------------------- codebook terms the matcher reads otherwise

_CLASS_BOOK = """format_version: 1
id: refs
version: "1"
classes:
  hard: [hard]
  gapped: ["work* ~2 closely"]
codes:
  - id: partnership
    label: Partnership
    definition: d
    rules:
      phrases: [PHRASE]
"""


def _coded_with(phrase: str, texts: dict[str, str]) -> list[str]:
    import pandas as pd

    from impact.coding import Codebook, RuleCoder

    book = Codebook.from_yaml(_CLASS_BOOK.replace("PHRASE", phrase), source="book.yaml")
    return sorted(RuleCoder(codebook=book).code(pd.Series(texts))["unit"])


@pytest.mark.parametrize(("phrase", "expected"), [
    # On the old code: read as the words 'we hard' (the '@' dropped), matching "we hard", silently.
    ('"we @hard"', "book.yaml:12:codes[0].rules.phrases: 'we @hard' - expected a class reference '@hard' alone "
                    "between '~N' gaps (next to other words it is read as the word 'hard'): write 'we ~0 @hard'"),
    # On the old code: loaded, then coding stopped with a Python traceback (KeyError: 'nosuch').
    ('"work ~1 @nosuch"', "book.yaml:12:codes[0].rules.phrases: 'work ~1 @nosuch' - expected a defined class "
                          "(@hard, @gapped)"),
    # On the old code: the class's '~2' was read as the word '2': the phrase matched only "work 2 closely".
    ('"@gapped"', "book.yaml:12:codes[0].rules.phrases: '@gapped' - expected a class without '~N' gaps in a phrase or "
                  "a chain (@gapped holds 'work* ~2 closely', whose '~2' is read here as a word)"),
])
def test_a_class_reference_the_matcher_would_read_otherwise_is_refused(phrase, expected):
    from impact.errors import ValidationError

    with pytest.raises(ValidationError) as info:
        _coded_with(phrase, {})
    assert expected in str(info.value)


def test_a_class_as_a_part_between_gaps_is_read_as_the_class():
    # The forms the checks let through are the ones the matcher reads as written (planted texts, one per form).
    texts = {"near": "We work hard now.", "gap": "We work very hard now.", "word": "We work harder now."}
    assert _coded_with('"work ~1 @hard"', texts) == ["gap", "near"]
    assert _coded_with('"@hard ~3 now"', texts) == ["gap", "near"]


def test_a_near_term_starting_with_a_class_and_more_words_says_why(tmp_path):
    from impact.coding import Codebook
    from impact.errors import ValidationError

    book = _CLASS_BOOK.replace("      phrases: [PHRASE]", "      near: [{terms: ['@hard ~2 work*'], with: [partners]}]")
    with pytest.raises(ValidationError, match=r"near\[0\].terms: '@hard ~2 work\*' - expected a class reference "
                                              r"'@hard' alone as a near term"):
        Codebook.from_yaml(book, source="book.yaml")


# --------------------------------------------------------------------------- numbers, dates and cells as spreadsheets write them


def _replace(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _indicator(study_dir, value):
    (study_dir / "indicators.csv").write_text(f'council_id,period,measure,value,flag\n301,2013-03-31,cin_rate,"{value}",\n',
                                              encoding="utf-8")


@pytest.mark.parametrize(("value", "expected"), [
    # On the old code "0,500" (a half, with a decimal comma) was read as 500, and "12,500" as 12500, silently.
    ("0,500", "'0,500' - expected a number with a decimal point, not a comma, and no thousands separator (write '0.500')"),
    ("12,500", "'12,500' - expected a number without a thousands separator ('12,500' is 12500, or 12.5 written with a "
               "decimal comma: write '12500' or '12.5')"),
    # On the old code these said only "expected a number".
    ("12,5", "'12,5' - expected a number with a decimal point, not a comma, and no thousands separator (write '12.5')"),
    ("1.234,5", "'1.234,5' - expected a number with a decimal point, not a comma, and no thousands separator "
                "(write '1234.5')"),
])
def test_a_decimal_comma_is_never_read_as_thousands(value, expected, study_dir):
    from impact.errors import ValidationError
    from impact.study import load_study

    _indicator(study_dir, value)
    with pytest.raises(ValidationError) as info:
        load_study(study_dir)
    assert f"indicators.csv:2:value: {expected}" in str(info.value)


@pytest.mark.parametrize(("value", "number"), [("1,234.5", 1234.5), ("1,234,567", 1234567.0), ("-1,000.25", -1000.25)])
def test_thousands_separators_that_cannot_be_a_decimal_comma_are_read(value, number, study_dir):
    # On the old code "1,234.5" (a thousands separator and a decimal point, unambiguous) was refused.
    from impact.study import load_study

    _indicator(study_dir, value)
    assert load_study(study_dir).indicators["value"].tolist() == [number]


def test_a_whole_number_written_with_a_decimal_comma_says_so(study_dir):
    from impact.errors import ValidationError
    from impact.study import load_study

    _replace(study_dir / "reviews.csv", "review_manager,8", 'review_manager,"8,0"')
    with pytest.raises(ValidationError, match=r"reviews.csv:2:n_recommendations: '8,0' - expected a whole number "
                                              r"\('8,0' is 8.0 written with a decimal comma\)"):
        load_study(study_dir)
    _replace(study_dir / "reviews.csv", '"8,0"', '"1,000"')  # a thousands separator in a whole number is read
    assert load_study(study_dir).reviews["n_recommendations"].tolist()[0] == 1000


def test_a_date_saved_as_an_excel_serial_number_says_which_date_it_is(study_dir):
    # On the old code: "'40672' - expected a date as YYYY-MM-DD", the user left to work out why.
    # 40672 days after 1899-12-30 (Excel's day 0 for serials above 60) is 2011-05-09:
    # (datetime.date(1899, 12, 30) + datetime.timedelta(40672)).isoformat() == "2011-05-09".
    from impact.errors import ValidationError
    from impact.study import load_study

    _replace(study_dir / "reviews.csv", "301,2011-05-09,", "301,40672,")
    with pytest.raises(ValidationError, match=r"reviews.csv:2:start_date: '40672' - expected a date as YYYY-MM-DD "
                                              r"\(it looks like an Excel date serial number: 40672 is 2011-05-09; "):
        load_study(study_dir)


@pytest.mark.parametrize("commas", [",", ",,,"])
def test_empty_columns_a_spreadsheet_leaves_at_the_right_are_harmless(commas, study_dir):
    # On the old code each ',' at the end of every line (Excel saves the formatted empty columns) was a problem:
    # "councils.csv:1:#6: '' - expected a column name (blank header cell)"; coded files had them harmless already.
    from impact.study import load_study

    f = study_dir / "councils.csv"
    f.write_text("".join(line + commas + "\n" for line in f.read_text(encoding="utf-8").splitlines()), encoding="utf-8")
    assert load_study(study_dir).councils["council_id"].tolist() == ["301", "302", "880"]


def test_an_unnamed_column_holding_values_is_still_refused(study_dir):
    from impact.errors import ValidationError
    from impact.study import load_study

    f = study_dir / "councils.csv"
    lines = f.read_text(encoding="utf-8").splitlines()
    f.write_text("\n".join([lines[0] + ","] + [lines[1] + ",note"] + [x + "," for x in lines[2:]]) + "\n",
                 encoding="utf-8")
    with pytest.raises(ValidationError, match=r"councils.csv:1:#6: '' - expected a column name \(blank header cell\)"):
        load_study(study_dir)


def test_a_cell_too_long_for_a_spreadsheet_is_named_by_row_and_column(study_dir):
    # On the old code: "participants.csv: expected a readable CSV file (not a readable CSV file (field larger than
    # field limit (131072)))", naming no row nor column; a cell of 100,000 characters was read.
    from impact.errors import ValidationError
    from impact.study import load_study

    _replace(study_dir / "participants.csv", "Alice Example", "A" * 200_000)
    _replace(study_dir / "reviews.csv", "review_manager,8", "review_manager,x")
    with pytest.raises(ValidationError) as info:
        load_study(study_dir)
    text = str(info.value)
    assert "participants.csv:2:name: 'AAAA" in text and "expected a cell of at most 32,767 characters, as a " \
           "spreadsheet holds (this one has 200,000)" in text
    assert "reviews.csv:2:n_recommendations: 'x' - expected a whole number" in text  # and the other problems too


# --------------------------------------------------------------------------- the command line


@pytest.mark.parametrize(("args", "option", "first", "second"), [
    # On the old code argparse kept the last value: a.csv's codings were left out of the analysis, without a word.
    (["run", "STUDY", "--out", "OUT", "--coded", "a.csv", "--coded", "b.csv"], "--coded", "a.csv", "b.csv"),
    (["run", "STUDY", "--out", "OUT", "--human", "a.csv", "--human", "b.csv"], "--human", "a.csv", "b.csv"),
    (["code", "STUDY", "--out", "x1.csv", "--out=x2.csv"], "--out", "x1.csv", "x2.csv"),
    (["code", "STUDY", "--codebook", "nfer_impacts", "--codebook", "review_themes", "--out", "x.csv"], "--codebook",
     "nfer_impacts", "review_themes"),
    (["run", "STUDY", "--out", "OUT", "--seed", "1", "--seed", "2"], "--seed", 1, 2),
])
def test_an_option_taking_one_value_given_twice_is_refused(args, option, first, second, study_dir, tmp_path,
                                                          monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    before = snapshot(tmp_path)
    args = [str(study_dir) if a == "STUDY" else str(tmp_path / "out") if a == "OUT" else a for a in args]
    assert main(args) == 2
    assert (f"argument {option}: given twice ({first!r}, then {second!r}) - expected it once (this option takes one "
            "value)") in capsys.readouterr().err
    assert snapshot(tmp_path) == before


def test_options_meant_to_be_repeated_still_are(study_dir, coded_file, tmp_path, capsys):
    project = tmp_path / "p.qdpx"
    assert main(["export-qdpx", str(study_dir), str(project), "--coded", f"ann={coded_file}",
                 "--coded", f"bob={coded_file}"]) == 0
    assert "by 2 coders" in capsys.readouterr().out


@pytest.mark.parametrize("args", [["run", "STUDY", "--out", "~/reports/out", "--resamples", "99"],
                                  ["code", "STUDY", "--out", "~/coded.csv"],
                                  ["review", "import", "review.xlsx", "--out", "~/decisions.csv"],
                                  ["synth", "--councils", "2", "--out", "~/synth"],
                                  ["import-qdpx", "review.xlsx", "~/imported"]])
def test_an_output_path_starting_with_a_quoted_tilde_is_refused(args, study_dir, tmp_path, monkeypatch, capsys):
    # On the old code `impact run STUDY --out "~/reports/out"` (quoted, so the shell leaves the '~') made a folder
    # named '~' in the current folder - one a later `rm -r ~` would take for the home folder.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "review.xlsx").write_bytes(b"")
    before = snapshot(tmp_path)
    assert main([str(study_dir) if a == "STUDY" else a for a in args]) == 2
    assert "starts with '~', which was not turned into your home folder" in capsys.readouterr().err
    assert snapshot(tmp_path) == before


# --------------------------------------------------------------------------- workbooks


@pytest.fixture
def review_book(study_dir, coded_file, tmp_path, capsys):
    book = tmp_path / "review.xlsx"
    assert main(["review", "export", str(study_dir), "--coded", str(coded_file), "--out", str(book)]) == 0
    capsys.readouterr()
    return book


def test_a_decision_in_merged_cells_is_refused_not_read_for_its_first_row_only(review_book, tmp_path, capsys):
    # On the old code a reviewer who merged the decision cells of rows 2-4 and typed "accept" (meaning all three)
    # had one decision read, and the other two rows read as undecided, without a word.
    import openpyxl

    wb = openpyxl.load_workbook(review_book)
    ws = wb["review"]
    column = [c.value for c in ws[1]].index("decision") + 1
    ws.cell(2, column).value = "accept"
    ws.merge_cells(start_row=2, start_column=column, end_row=4, end_column=column)
    wb.save(review_book)
    out = tmp_path / "decisions.csv"
    assert main(["review", "import", str(review_book), "--reviewer", "ann", "--out", str(out)]) == 2
    letter = openpyxl.utils.get_column_letter(column)
    assert (f"review.xlsx (sheet 'review'):2:decision: '{letter}2:{letter}4' - expected one value in each cell, not "
            f"cells merged into one (a merged cell keeps its value in {letter}2 only") in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize(("data", "expected"), [
    # On the old code each said only "(File is not a zip file)".
    (b"unit,code\nI1:1,morale\n", "it is a text file (a CSV or plain text with another file's extension?)"),
    (bytes.fromhex("D0CF11E0A1B11AE1") + bytes(600), "it is an old-style Office file (.xls or .doc) or one saved "
                                                     "with a password (encrypted)"),
    (None, "it starts as a zip archive but is damaged or cut short"),
])
def test_a_workbook_that_is_no_xlsx_says_what_it_is(data, expected, review_book, tmp_path, capsys):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(review_book.read_bytes()[:3000] if data is None else data)
    assert main(["review", "import", str(bad), "--reviewer", "ann", "--out", str(tmp_path / "d.csv")]) == 2
    assert f"bad.xlsx: not a readable .xlsx workbook (not a readable zip archive) ({expected}" in capsys.readouterr().err
    assert not (tmp_path / "d.csv").exists()


@pytest.mark.parametrize(("name", "expected"), [
    # On the old code each was "study.yaml: expected a study.yaml file in the study folder", the file right there.
    ("study.yml", "; found 'study.yml': the name is exact, study.yaml"),
    ("study.yaml.txt", "; found 'study.yaml.txt': the name is exact, study.yaml"),  # Windows hides the '.txt'
    ("study.yaml/", " - it is a folder"),
])
def test_a_study_yaml_saved_under_another_name_or_as_a_folder_is_named(name, expected, study_dir):
    from impact.errors import ValidationError
    from impact.study import load_study

    text = (study_dir / "study.yaml").read_text(encoding="utf-8")
    (study_dir / "study.yaml").unlink()
    if name.endswith("/"):
        (study_dir / name).mkdir()
    else:
        (study_dir / name).write_text(text, encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        load_study(study_dir)
    assert f"study.yaml: expected a study.yaml file in the study folder{expected}" in [str(p) for p in info.value.problems]

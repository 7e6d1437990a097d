"""Hostile inputs and command lines, round 3 (helper-inputs3).

Each test is a defect found by using the commands the wrong way: it fails on
the code before its fix.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from impact.cli import main
from impact.coding import Codebook, read_coded

_OWN_BOOK = """format_version: 1
id: own_book
version: "2"
codes:
  - id: thresholds
    label: Thresholds revised
    definition: The threshold document was rewritten.
    rules:
      phrases: [threshold]
"""

_OTHER_BOOK = """format_version: 1
id: other_book
version: "9"
codes:
  - id: unrelated
    label: Unrelated
    definition: A codebook that happens to lie in the current folder.
"""


@pytest.fixture
def study_with_own_book(study_dir, tmp_path, monkeypatch):
    """A study whose study.yaml names book.yaml in its folder, run from a folder holding another book.yaml."""
    (study_dir / "book.yaml").write_text(_OWN_BOOK, encoding="utf-8")
    meta = study_dir / "study.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("codebook: nfer_impacts", "codebook: book.yaml"),
                    encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "book.yaml").write_text(_OTHER_BOOK, encoding="utf-8")
    monkeypatch.chdir(elsewhere)
    return study_dir


def test_commands_code_with_the_codebook_file_the_study_names_not_one_in_the_current_folder(
        study_with_own_book, tmp_path, capsys):
    # On the old code `impact code`, `review export` and `export-qdpx` read study.yaml's `codebook: book.yaml`
    # relative to the current folder: from the study's parent they failed ("codebook file book.yaml does not
    # exist"), and from a folder holding another book.yaml they coded the study with that one, silently.
    coded = tmp_path / "coded.csv"
    assert main(["code", str(study_with_own_book), "--out", str(coded)]) == 0
    table = read_coded(coded)
    assert set(table["codebook"]) == {"own_book"}
    assert set(table["code"]) == {"thresholds"}  # the tiny study's transcripts say "threshold document"

    review = tmp_path / "review.xlsx"
    assert main(["review", "export", str(study_with_own_book), "--coded", str(coded), "--out", str(review)]) == 0
    codes = [r[0] for r in openpyxl.load_workbook(review)["codes"].iter_rows(min_row=2, values_only=True)]
    assert codes == ["thresholds"]

    project = tmp_path / "project.qdpx"
    assert main(["export-qdpx", str(study_with_own_book), str(project), "--coded", f"rules={coded}"]) == 0
    with zipfile.ZipFile(project) as z:
        xml = z.read("project.qde").decode("utf-8")
    assert "Thresholds revised" in xml and "Unrelated" not in xml
    capsys.readouterr()


def test_a_codebook_path_given_is_read_as_given_before_the_study_folder(study_with_own_book):
    from impact.study import load_study

    study = load_study(study_with_own_book)
    assert Codebook.for_study(study).id == "own_book"
    # On the old code impact.run(study, codebook="book.yaml") preferred the study folder's file of that name
    # to the one the user named in the current folder.
    assert Codebook.for_study(study, "book.yaml").id == "other_book"
    Path("book.yaml").unlink()
    assert Codebook.for_study(study, "book.yaml").id == "own_book"  # no such file here: the study's


_BROKEN_PATTERNS = """format_version: 1
id: broken
version: "1"
classes:
  better: [improv*, "+++"]
codes:
  - id: morale
    label: Morale
    definition: d
    rules:
      phrases: ["real buzz", "[", "~2 step", "spring in ~-2 step"]
  - id: learning
    label: Learning
    definition: d
    rules:
      phrases: ["learn*"]
      near: [{terms: ["---", reflect*], with: ["@better"], within: 3}]
"""


def test_every_broken_pattern_of_a_codebook_is_listed_when_it_is_read():
    # On the old code these loaded; the coder stopped later on the first ("pattern word '[' has no letters or
    # digits", naming no file nor place), and '~-2' was read as the word '2', matching nothing, silently.
    from impact.errors import ValidationError

    with pytest.raises(ValidationError) as info:
        Codebook.from_yaml(_BROKEN_PATTERNS, source="book.yaml")
    lines = str(info.value).splitlines()[1:]
    assert [line.strip() for line in lines] == [
        "book.yaml:5:classes.better[1]: '+++' - expected words with letters or digits ('+++' has none)",
        "book.yaml:11:codes[0].rules.phrases[1]: '[' - expected words with letters or digits ('[' has none)",
        "book.yaml:11:codes[0].rules.phrases[2]: '~2 step' - expected words on both sides of each '~N' gap",
        "book.yaml:11:codes[0].rules.phrases[3]: 'spring in ~-2 step' - expected a gap written '~N', "
        "N a whole number of words (not '~-2')",
        "book.yaml:17:codes[1].rules.near[0].terms[0]: '---' - expected words with letters or digits ('---' has none)",
    ]


def test_validate_lists_each_problem_of_the_study_codebook_in_its_file(study_dir, tmp_path):
    # On the old code `impact validate` passed this study and `impact run` failed after validating it.
    from ._util import cli_here, refused

    (study_dir / "book.yaml").write_text(_BROKEN_PATTERNS, encoding="utf-8")
    meta = study_dir / "study.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("codebook: nfer_impacts", "codebook: book.yaml"),
                    encoding="utf-8")
    proc = cli_here("validate", str(study_dir), cwd=tmp_path)
    refused(proc, "study.yaml:3:codebook: 'book.yaml' - expected a valid codebook (5 problems in book.yaml, listed below)",
            "\nbook.yaml:11:codes[0].rules.phrases[2]: '~2 step' - expected words on both sides of each '~N' gap",
            "\nbook.yaml:17:codes[1].rules.near[0].terms[0]: '---'")


def test_a_codebook_version_yaml_reads_as_a_number_is_refused():
    # On the old code `version: 1.10` loaded as version "1.1": coded output and provenance named another version.
    from impact.errors import ValidationError

    with pytest.raises(ValidationError, match=r"book.yaml:3:version: '1.1' - expected a version string in quotes, "
                                              r"such as \"1.10\""):
        Codebook.from_yaml(_OWN_BOOK.replace('version: "2"', "version: 1.10"), source="book.yaml")
    assert Codebook.from_yaml(_OWN_BOOK.replace('version: "2"', "version: 2"), source="book.yaml").version == "2"


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(("cell", "expected"), [
    # On the old code these said only "expected a date as YYYY-MM-DD", of a date written as YYYY-MM-DD.
    ("2011-02-29", "'2011-02-29' - expected a date as YYYY-MM-DD (2011-02 has no day 29)"),
    ("2011-13-09", "'2011-13-09' - expected a date as YYYY-MM-DD (there is no month 13)"),
    ("05/13/2011", "'05/13/2011' - expected a date as YYYY-MM-DD (there is no month 13: written month first? then "
                   "write 2011-05-13)"),
    # On the old code these were read: strptime takes full-width digits, float() takes "1_0" as 10.
    ("\uff12\uff10\uff11\uff11-05-09", "'\uff12\uff10\uff11\uff11-05-09' - expected a date as YYYY-MM-DD"),
])
def test_a_date_that_does_not_exist_or_is_not_in_ascii_digits_is_named(cell, expected, study_dir):
    from impact.errors import ValidationError
    from impact.study import load_study

    _replace(study_dir / "reviews.csv", "301,2011-05-09,", f"301,{cell},")
    with pytest.raises(ValidationError) as info:
        load_study(study_dir)
    assert f"reviews.csv:2:start_date: {expected}" in str(info.value)


def test_a_number_with_an_underscore_is_not_read(study_dir):
    from impact.errors import ValidationError
    from impact.study import load_study

    _replace(study_dir / "reviews.csv", "review_manager,8", "review_manager,1_0")
    with pytest.raises(ValidationError, match=r"reviews.csv:2:n_recommendations: '1_0' - expected a whole number"):
        load_study(study_dir)


def test_an_empty_table_is_one_problem(study_dir):
    # On the old code an empty councils.csv was six problems: no header row, then each of its five columns missing.
    from impact.errors import ValidationError
    from impact.study import load_study

    (study_dir / "councils.csv").write_bytes(b"")
    with pytest.raises(ValidationError) as info:
        load_study(study_dir)
    assert [str(p) for p in info.value.problems] == [
        "councils.csv: expected a header row naming the columns (council_id, name, ons_code, council_type, region); "
        "the file is empty"]


def test_a_folder_named_like_a_table_is_refused_even_where_the_table_is_optional(study_dir):
    # On the old code a folder named survey_responses.csv was taken for a study without a survey, silently,
    # and a folder named councils.csv was "expected the file councils.csv", as if there were nothing there.
    from impact.errors import ValidationError
    from impact.study import load_study

    (study_dir / "survey_responses.csv").unlink()
    (study_dir / "survey_responses.csv").mkdir()
    (study_dir / "councils.csv").unlink()
    (study_dir / "councils.csv").mkdir()
    with pytest.raises(ValidationError) as info:
        load_study(study_dir)
    text = str(info.value)
    assert "councils.csv: expected the file councils.csv (One row per council in the study.) - it is a folder" in text
    assert "survey_responses.csv: expected the file survey_responses.csv (" in text
    assert "respondent x wave x item.) - it is a folder" in text


@pytest.mark.parametrize(("content", "expected"), [
    ("", "study.yaml: expected keys such as name and waves (the file holds none)"),
    ("# only a comment\n", "study.yaml: expected keys such as name and waves (the file holds none)"),
    ("- a\n- b\n", "study.yaml:1: 'a list of 2 items' - expected a mapping of keys (name, waves, ...)"),
])
def test_a_study_yaml_without_keys_says_what_it_holds_not_a_python_type(content, expected, study_dir):
    # On the old code: "study.yaml:1: 'NoneType' - expected a mapping of keys" and "'list'".
    from impact.errors import ValidationError
    from impact.study import load_study

    (study_dir / "study.yaml").write_text(content, encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        load_study(study_dir)
    assert expected in [str(p) for p in info.value.problems]


@pytest.fixture
def two_coders(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ann.csv").write_text("unit,code\nI1:1,morale\nI1:2,learning\n", encoding="utf-8")
    (tmp_path / "bob.csv").write_text("unit,code\n", encoding="utf-8")  # bob read both units and coded nothing
    return tmp_path


def test_agree_keeps_a_coder_who_coded_nothing(two_coders, capsys):
    # On the old code bob's file, having no rows, gave no coder: 'impact agree: 1 coders' and no agreement at all.
    import pandas as pd

    assert main(["agree", "ann.csv", "bob.csv", "--metrics", "percent_agreement", "--out", "out.csv"]) == 0
    table = pd.read_csv("out.csv").set_index("code")
    # Two units; ann coded each code on one of them, bob on neither: the coders agree on one unit in two.
    assert table["n_coders"].tolist() == [2, 2]
    assert table.loc["morale", "value"] == 0.5 and table.loc["learning", "value"] == 0.5
    assert "impact agree: 2 coders, 2 units" in capsys.readouterr().out


@pytest.mark.parametrize("second", ["ann.csv", "./ann.csv", "copy/ann.csv"])
def test_agree_refuses_one_coder_given_twice(second, two_coders, capsys):
    # On the old code the two files became one coder, 'ann' (agreement of one coder: none computed), silently.
    (two_coders / "copy").mkdir()
    (two_coders / "copy" / "ann.csv").write_bytes((two_coders / "ann.csv").read_bytes())
    assert main(["agree", "ann.csv", second, "--out", "out.csv"]) == 2
    err = capsys.readouterr().err
    assert ("given twice (also as ann.csv)" in err) if second != "copy/ann.csv" else (
        "copy/ann.csv: coder 'ann' is also the coder of ann.csv - expected each coder in one file" in err)
    assert not (two_coders / "out.csv").exists()


@pytest.mark.parametrize("out", ["bob.csv", "link.csv"])
def test_agree_never_writes_over_a_file_it_reads_even_with_overwrite(out, two_coders, capsys):
    # On the old code `--out bob.csv --overwrite` replaced bob's codings with the agreement table.
    (two_coders / "link.csv").symlink_to("bob.csv")
    before = (two_coders / "bob.csv").read_bytes()
    assert main(["agree", "ann.csv", "bob.csv", "--out", out, "--overwrite"]) == 2
    assert f"{out} is also a file this command reads (bob.csv); write the output to another file" in capsys.readouterr().err
    assert (two_coders / "bob.csv").read_bytes() == before and (two_coders / "link.csv").is_symlink()


@pytest.mark.parametrize(("header", "row", "expected"), [
    ("unit,code,code", "I1:1,morale,learning", "x.csv:1: the column ['code'] is named twice"),
    ("unit,,code", "I1:1,learning,morale", "x.csv:1: column [2] has values but no name"),
])
def test_agree_refuses_a_column_pandas_would_rename(header, row, expected, two_coders, capsys):
    # On the old code pandas read the second 'code' as 'code.1' (and a blank name as 'Unnamed: 1'), and
    # 'learning' was left out without a word.
    (two_coders / "x.csv").write_text(f"{header}\n{row}\n", encoding="utf-8")
    assert main(["agree", "x.csv", "ann.csv", "--out", "out.csv"]) == 2
    assert expected in capsys.readouterr().err


def test_empty_unnamed_columns_at_the_right_are_harmless(two_coders, capsys):
    (two_coders / "x.csv").write_text("unit,code,,\nI1:1,morale,,\nI1:2,learning,,\n", encoding="utf-8")
    assert main(["agree", "x.csv", "ann.csv", "--metrics", "percent_agreement", "--out", "out.csv"]) == 0
    capsys.readouterr()


def test_agree_reads_ids_with_spaces_around_them_as_the_ids(two_coders, capsys):
    # On the old code ' morale' and 'learning ' were two more codes: agreement 0.5 on four codes instead of 1.0 on two.
    import pandas as pd

    (two_coders / "cat.csv").write_text('unit,code\n I1:1 , morale\nI1:2,"learning "\n', encoding="utf-8")
    assert main(["agree", "ann.csv", "cat.csv", "--metrics", "percent_agreement", "--out", "out.csv"]) == 0
    table = pd.read_csv("out.csv")
    assert sorted(table["code"]) == ["learning", "morale"] and table["value"].tolist() == [1.0, 1.0]
    capsys.readouterr()


def test_run_coded_csv_with_a_column_named_twice_is_refused(tiny_study, tmp_path):
    # On the old code read_codings (impact run --coded) read the second 'code' column as 'code.1', ignored it.
    from impact.codings import read_codings
    from impact.errors import InputError

    f = tmp_path / "people.csv"
    f.write_text("interview_id,code,code\nP1-early,morale,learning\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"people.csv:1: the column \['code'\] is named twice"):
        read_codings(f, tiny_study)


@pytest.fixture
def project_file(study_dir, tmp_path, capsys):
    coded = tmp_path / "coded.csv"
    assert main(["code", str(study_dir), "--out", str(coded)]) == 0
    project = tmp_path / "p.qdpx"
    assert main(["export-qdpx", str(study_dir), str(project), "--coded", f"rules={coded}"]) == 0
    capsys.readouterr()
    return project


@pytest.mark.parametrize(("where", "study"), [(".", True), (".", False), ("transcripts/imported", False)])
def test_import_qdpx_never_writes_into_a_study_folder(where, study, project_file, study_dir, capsys):
    # On the old code import-qdpx wrote codings.csv, cases.csv, report.txt, sources/ and codebook.yaml into the
    # study folder (a codebook.yaml the study names was moved to .bak and replaced by the project's codebook).
    from ._util import snapshot

    (study_dir / "codebook.yaml").write_text(_OWN_BOOK, encoding="utf-8")
    before = snapshot(study_dir)
    out = study_dir / where
    args = ["import-qdpx", str(project_file), str(out)] + (["--study", str(study_dir)] if study else [])
    assert main(args) == 2
    # the study folder itself is told as itself (newuser2), a folder below it as inside it
    assert ("is the study folder itself" if where == "." else "is inside the study folder") in capsys.readouterr().err
    assert snapshot(study_dir) == before


@pytest.mark.parametrize("command", ["review import", "agree"])
def test_commands_without_a_study_argument_never_write_among_a_studys_inputs(command, study_dir, tmp_path, capsys):
    # On the old code `impact review import review.xlsx --out STUDY/interviews.csv` moved the study's
    # interviews.csv to a .bak and wrote the reviewer's decisions in its place; `impact agree` without --study
    # wrote into any folder.
    from ._util import snapshot

    coded = tmp_path / "coded.csv"
    assert main(["code", str(study_dir), "--out", str(coded)]) == 0
    (tmp_path / "second.csv").write_bytes(coded.read_bytes())
    review = tmp_path / "review.xlsx"
    assert main(["review", "export", str(study_dir), "--coded", str(coded), "--out", str(review)]) == 0
    capsys.readouterr()
    before = snapshot(study_dir)
    out = study_dir / "interviews.csv"
    args = (["review", "import", str(review), "--reviewer", "ann", "--out", str(out)] if command == "review import"
            else ["agree", str(coded), str(tmp_path / "second.csv"), "--out", str(out), "--overwrite"])
    assert main(args) == 2
    assert f"{out} is inside the study folder {study_dir} (it holds study.yaml); write outputs elsewhere" \
        in capsys.readouterr().err
    assert snapshot(study_dir) == before


def test_a_transcript_path_written_with_backslashes_says_how_to_write_it(study_dir):
    # On the old code: "expected an existing file transcripts/301\P1-early.txt", with the file right there.
    from impact.errors import ValidationError
    from impact.study import load_study

    _replace(study_dir / "interviews.csv", "301/P1-early.txt", "301\\P1-early.txt")
    with pytest.raises(ValidationError) as info:
        load_study(study_dir)
    assert ("interviews.csv:3:transcript: '301\\\\P1-early.txt' - expected an existing file "
            "transcripts/301\\P1-early.txt (folders are separated by '/': 301/P1-early.txt)") in str(info.value)


@pytest.mark.parametrize("flag", ["--human", "--coded"])
def test_run_refuses_a_coding_file_that_holds_nothing_before_the_work(flag, study_dir, tmp_path, capsys):
    # On the old code `impact run --human FILE` with a header and no rows ran to the end and wrote a report
    # without a reliability section, saying nowhere that the file given was left out; `--coded FILE` wrote a
    # report in which no participant mentioned any impact ("codings supplied by the user (0 coders)").
    given = tmp_path / "ann.csv"
    given.write_text("unit,code,score,negated,hedged,attribution,start,end\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(study_dir), "--out", str(out), flag, str(given), "--resamples", "99"]) == 2
    assert (f"{flag} {given}: holds no codings and names no interview checked - expected the codes people gave the "
            "segments or interviews") in capsys.readouterr().err
    assert not out.exists()


def test_analyse_refuses_supplied_codings_that_hold_nothing(tiny_study):
    import pandas as pd

    from impact.errors import InputError
    from impact.pipeline import analyse

    with pytest.raises(InputError, match="coded: the codings given hold no coding and name no interview checked"):
        analyse(tiny_study, coded=pd.DataFrame({"unit": pd.Series([], dtype=str), "code": pd.Series([], dtype=str)}),
                n_resamples=99, parts=())


def test_analyse_refuses_a_human_coding_that_checks_none_of_the_segments(tiny_study):
    import pandas as pd

    from impact.errors import InputError
    from impact.pipeline import analyse

    with pytest.raises(InputError, match="human: the coding given checks none of the study's segments"):
        analyse(tiny_study, human=pd.DataFrame({"unit": pd.Series([], dtype=str), "code": pd.Series([], dtype=str)}),
                n_resamples=99, parts=())


def test_a_table_starting_with_excels_sep_line_is_read_as_excel_reads_it(study_dir):
    # On the old code 'sep=,' on the first line (written for Excel, which reads and hides it) made 11 problems:
    # a blank header cell, every row 5 cells, each of the 5 columns missing and an unknown column 'sep='.
    from impact.errors import ValidationError
    from impact.study import load_study

    f = study_dir / "councils.csv"
    f.write_text("sep=,\n" + f.read_text(encoding="utf-8"), encoding="utf-8")
    assert load_study(study_dir).councils["council_id"].tolist() == ["301", "302", "880"]
    f.write_text("sep=;\n" + f.read_text(encoding="utf-8").split("\n", 1)[1].replace(",", ";"), encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        load_study(study_dir)
    assert [str(p) for p in info.value.problems] == [
        "councils.csv:1: 'sep=;' - expected commas (the file says its values are separated by semicolons: save it "
        "as \"CSV UTF-8 (comma delimited)\")"]


def test_an_unreadable_reviews_csv_is_reported_once_not_once_per_council(study_dir):
    # On the old code reviews.csv saved with tabs was one problem, then one more per council: 'expected a council
    # with a row in reviews.csv'.
    from impact.errors import ValidationError
    from impact.study import load_study

    f = study_dir / "reviews.csv"
    f.write_text(f.read_text(encoding="utf-8").replace(",", "\t"), encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        load_study(study_dir)
    assert [p.file for p in info.value.problems] == ["reviews.csv"]


@pytest.mark.parametrize("inside", ["study", "out"])
def test_run_refuses_a_cache_folder_inside_the_study_or_the_output_before_the_work(inside, study_dir, tmp_path,
                                                                                  monkeypatch, capsys):
    # On the old code IMPACT_CACHE_DIR=STUDY/.cache wrote the transcripts' text, unredacted, among the study's
    # inputs; IMPACT_CACHE_DIR=OUT/cache wrote it into the new output folder, and the run, its work done, then
    # refused to publish there and left the cache in the folder meant for publication.
    from ._util import snapshot

    out = tmp_path / "out"
    cache = (study_dir if inside == "study" else out) / "cache"
    monkeypatch.setenv("IMPACT_CACHE_DIR", str(cache))
    before = snapshot(tmp_path)
    assert main(["run", str(study_dir), "--out", str(out), "--resamples", "99"]) == 2
    assert f"the cache folder (IMPACT_CACHE_DIR, or cache=) is inside the {inside if inside == 'study' else 'output'} " \
           "folder" in capsys.readouterr().err
    assert snapshot(tmp_path) == before


def test_run_makes_no_pseudonym_key_inside_the_study_folder(study_dir, tmp_path, monkeypatch, capsys):
    # On the old code IMPACT_PSEUDONYM_KEY_FILE=STUDY/pseudonym.key generated the secret key among the study's
    # inputs, where it travels with the data it protects.
    from ._util import snapshot

    monkeypatch.delenv("IMPACT_PSEUDONYM_KEY", raising=False)
    monkeypatch.setenv("IMPACT_PSEUDONYM_KEY_FILE", str(study_dir / "pseudonym.key"))
    before = snapshot(tmp_path)
    assert main(["run", str(study_dir), "--out", str(tmp_path / "out"), "--resamples", "99"]) == 2
    assert "a new pseudonym key would be made here, inside the study folder" in capsys.readouterr().err
    assert snapshot(tmp_path) == before


def test_run_refuses_the_signing_keys_folder_inside_the_output_before_the_work(study_dir, tmp_path, monkeypatch,
                                                                              capsys):
    # On the old code IMPACT_CONFIG_DIR=OUT/cfg put the cache's secret signing key into the new output folder,
    # and the run, its work done, refused to publish there and left the key in the folder meant for publication.
    from ._util import snapshot

    monkeypatch.setenv("IMPACT_CONFIG_DIR", str(tmp_path / "out" / "cfg"))
    monkeypatch.setenv("IMPACT_CACHE_DIR", str(tmp_path / "cache"))
    before = snapshot(tmp_path)
    assert main(["run", str(study_dir), "--out", str(tmp_path / "out"), "--resamples", "99"]) == 2
    assert "the folder of the cache's signing key (IMPACT_CONFIG_DIR) is inside the output folder" \
        in capsys.readouterr().err
    assert snapshot(tmp_path) == before


def test_a_wave_or_scale_defined_with_a_problem_is_one_problem_not_one_per_row(study_dir):
    # On the old code a wave with a bad window was left out of the waves the tables may name, so every interview
    # and survey answer at it was a problem too ("expected one of []"), and a scale written [5, 1] made every
    # answer "expected a whole number from 5 to 1".
    from impact.errors import ValidationError
    from impact.study import load_study

    meta = study_dir / "study.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("- 1\n      - 5", "- 5\n      - 1") + (
        "waves:\n"
        "  - {id: expectations, anchor: review_start, window_days: [0, -183]}\n"
        "  - {id: early, anchor: review_end, window_days: [28, 182]}\n"
        "  - {id: longer_term, anchor: review_end, window_days: [273]}\n"), encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        load_study(study_dir)
    assert [p.file for p in info.value.problems] == ["study.yaml"] * 3


def test_export_qdpx_refuses_one_coder_given_by_two_files(study_dir, tmp_path, capsys):
    # On the old code two --coded files named alike (a/coded.csv, b/coded.csv) were one coder 'coded': the second
    # replaced the first, and the project held half the codings, silently.
    coded = tmp_path / "a" / "coded.csv"
    coded.parent.mkdir()
    assert main(["code", str(study_dir), "--out", str(coded)]) == 0
    other = tmp_path / "b" / "coded.csv"
    other.parent.mkdir()
    other.write_bytes(coded.read_bytes())
    capsys.readouterr()
    project = tmp_path / "p.qdpx"
    assert main(["export-qdpx", str(study_dir), str(project), "--coded", str(coded), "--coded", str(other)]) == 2
    assert f"--coded {other}: the coder 'coded' is also given by an earlier --coded" in capsys.readouterr().err
    assert not project.exists()
    assert main(["export-qdpx", str(study_dir), str(project), "--coded", f"ann={coded}", "--coded", f"bob={other}"]) == 0
    with zipfile.ZipFile(project) as z:
        xml = z.read("project.qde").decode("utf-8")
    assert 'name="ann"' in xml and 'name="bob"' in xml


@pytest.mark.parametrize("args", [["validate", ""], ["run", "", "--out", "out"], ["code", "", "--out", "c.csv"],
                                  ["agree", "a.csv", "--study", "", "--out", "x.csv"]])
def test_an_empty_study_path_is_refused_not_read_as_the_current_folder(args, tmp_path, monkeypatch, capsys):
    # On the old code `impact validate ""` validated the current folder ("study.yaml: expected a study.yaml file"
    # and five more) and `impact run "" --out out` said out was "inside the study folder (<the current folder>)".
    from impact.errors import InputError
    from impact.study import load_study

    monkeypatch.chdir(tmp_path)
    assert main(args) == 2
    assert "'' - expected the path of a study folder (holding study.yaml)" in capsys.readouterr().err
    with pytest.raises(InputError, match="an empty path"):
        load_study("")


def test_the_summary_of_a_study_without_interviews_does_not_say_it_draws_on_interviews(tiny_study, tmp_path):
    # On the old code the summary of a study listing no interview read "drawing on interviews at each wave (the
    # sample section gives their numbers ...) coded against the ... codebook".
    import html
    import re

    import impact
    from impact.study import load_study

    tiny_study.save(tmp_path / "s")
    (tmp_path / "s" / "interviews.csv").write_text(
        (tmp_path / "s" / "interviews.csv").read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    for f in (tmp_path / "s" / "transcripts").rglob("*.txt"):
        f.unlink()
    result = impact.run(load_study(tmp_path / "s"), out_dir=tmp_path / "out", n_resamples=99)
    text = html.unescape(re.sub(r"<[^>]+>", " ", (result.out_dir / "report.html").read_text(encoding="utf-8")))
    text = re.sub(r"\s+", " ", text)
    assert "drawing on interviews" not in text
    assert "but the study lists no interview, so nothing was coded against the" in text


def test_review_export_lists_every_problem_of_the_coded_file_on_its_row(study_dir, tmp_path, capsys):
    # On the old code a code the codebook does not have, a score of 2.5 and an end before its start went to the
    # reviewer without a word (no label, a wrong uncertainty, no evidence); an unknown unit stopped everything else.
    coded = tmp_path / "coded.csv"
    coded.write_text("unit,code,score,negated,hedged,attribution,start,end\n"
                     "ZZ-1:1,morale,0.6,False,False,,0,5\n"
                     "P1-early:2,not_a_code,0.6,False,False,,0,5\n"
                     "P1-early:2,morale,2.5,False,False,,9,3\n", encoding="utf-8")
    out = tmp_path / "review.xlsx"
    assert main(["review", "export", str(study_dir), "--coded", str(coded), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    for line in (f"{coded}:unit: 'ZZ-1:1' - expected a segment_id of `segments`",
                 f"{coded}:3:code: 'not_a_code' - expected a code of the codebook (",
                 f"{coded}:4:score: '2.5' - expected a number from 0 to 1",
                 f"{coded}:4:end: '3' - expected a position at or after start (9)"):
        assert line in err, err
    assert not out.exists()


def test_agree_and_review_export_refuse_values_they_would_read_as_missing(two_coders, capsys):
    # On the old code 'maybe' in negated and 'high' in score were read as missing, silently.
    (two_coders / "odd.csv").write_text("unit,code,score,negated\nI1:1,morale,high,False\nI1:2,learning,0.5,maybe\n",
                                        encoding="utf-8")
    assert main(["agree", "odd.csv", "ann.csv", "--out", "out.csv"]) == 2
    err = capsys.readouterr().err
    assert "odd.csv: 2 values cannot be read:" in err
    assert "odd.csv:2:score: 'high' - expected a number (or blank)" in err
    assert "odd.csv:3:negated: 'maybe' - expected true or false (or 1/0, yes/no, blank)" in err
    assert not (two_coders / "out.csv").exists()


@pytest.mark.parametrize(("text", "found"), [("", "the file holds nothing"), ("hello\n", "the value 'hello'"),
                                             ("- a\n- b\n", "a list of 2 items")])
def test_a_codebook_file_that_is_no_mapping_says_what_it_holds_not_a_python_type(text, found):
    # On the old code: "a codebook must be a YAML mapping, but NoneType was found" (and 'str', 'list').
    import re

    from impact.errors import InputError

    with pytest.raises(InputError, match=re.escape(f"book.yaml: a codebook must be a YAML mapping, but {found}")):
        Codebook.from_yaml(text, source="book.yaml")

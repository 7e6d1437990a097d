"""Hostile inputs, round 21 (helper-inputs21).

Each test is a hostile input: where the old code did something wrong the test fails on it (what it did is said
beside the test); the others guard what the old code already did right (marked "guard").
"""

from __future__ import annotations

import os
import re
import shutil
import warnings

import numpy as np
import pytest

from impact.errors import InputError, ValidationError

from .test_inputs_round20 import _SENTENCES, _sentence_spans, _talked

# --------------------------------------------------------------------------- 1. spans one character late


def _talk(iid: str) -> str:
    # round 20's two planted sentences, on lines 2 and 4: spans one character late are no drift of line ends
    # counted as two (which moves the second sentence three characters, the first one)
    return (f"Interviewer: How has it gone?\nRespondent: Interview {iid}. {_SENTENCES[0]}\nInterviewer: And then?\n"
            f"Respondent: {_SENTENCES[1]} That was all.\n")


@pytest.fixture
def spoken(study_dir):
    """The tiny study, each transcript round 20's two planted sentences of respondent speech, on two lines."""
    return _talked(study_dir, _talk)


def _with_mark(study_dir, study):
    """Every transcript file of the study written again beginning with a UTF-8 byte-order mark."""
    from impact.study import load_study

    for f in study.interviews["transcript"]:
        path = study_dir / "transcripts" / f
        path.write_text(path.read_text(encoding="utf-8"), encoding="utf-8-sig")
    return load_study(study_dir)


def test_spans_one_character_late_in_transcripts_without_a_mark_are_refused(spoken, tmp_path):
    # On the old code read with a CodingsWarning "the byte-order mark counted as a character" and moved back one
    # character, though no transcript file begins with a mark: a counting from 1 (or another version of the
    # transcript) told as a mark, where the same spans one character early were refused.
    from impact.codings import read_codings

    coded = _sentence_spans(spoken, shift=+1)
    coded.to_csv(tmp_path / "late.csv", index=False)
    with pytest.raises(ValidationError) as info:
        read_codings(tmp_path / "late.csv", spoken)
    (problem,) = [str(p) for p in info.value.problems]
    assert problem.startswith("late.csv:2:start: ")
    assert f"{len(coded)} times moved -1 character" in problem and "1 character late" in problem
    assert "a byte-order mark counted that the transcript file does not begin with?" in problem


def test_spans_one_character_late_where_the_files_begin_with_a_mark_are_converted(spoken, study_dir, tmp_path):
    # guard: a tool that kept the file's mark counts it; the spans are read one character earlier, with a warning
    from impact.codings import CodingsWarning, read_codings

    study = _with_mark(study_dir, spoken)
    _sentence_spans(study, shift=+1).to_csv(tmp_path / "late.csv", index=False)
    with pytest.warns(CodingsWarning, match="the byte-order mark counted as a character"):
        got = read_codings(tmp_path / "late.csv", study)
    texts = study.transcripts()
    assert {texts[i][a:b] for i, a, b in zip(got["interview_id"], got["start"], got["end"], strict=True)} == set(
        _SENTENCES)


def test_quoted_spans_one_character_late_without_a_mark_are_refused_row_by_row(spoken, tmp_path):
    # On the old code converted as a counted mark (the quote fits the span one character earlier) though the
    # transcript has none
    from impact.codings import read_codings

    coded = _sentence_spans(spoken, shift=+1)
    coded["quote"] = np.resize(_SENTENCES, len(coded))
    coded.to_csv(tmp_path / "late.csv", index=False)
    with pytest.raises(ValidationError) as info:
        read_codings(tmp_path / "late.csv", spoken)
    assert [(p.row, p.column) for p in info.value.problems][:3] == [(2, "quote"), (3, "quote"), (4, "quote")]
    assert "no other way of counting the offsets gives" in str(info.value.problems[0])


@pytest.mark.parametrize("shift", [-40, -17, -2, -1, 1, 2, 9, 40])
def test_generated_study_shifted_spans_are_refused_and_planted_ones_read(shift):
    # A generated study of a seed used nowhere else: planted spans read as written (no false alarm, no counting
    # converted), the same spans moved `shift` characters refused naming the shift that puts them back.
    from impact.codings import as_codings
    from impact.synth import generate_with_truth

    study, truth = generate_with_truth(6, seed=610301, interviews_per_wave=3, words_per_interview=400)
    coded = truth.coded()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        read = as_codings(coded, study, source="truth_coded.csv")
    assert read["start"].astype(int).tolist() == coded["start"].tolist()
    moved = coded.assign(start=coded["start"] + shift, end=coded["end"] + shift)
    with pytest.raises(ValidationError, match=re.escape(f"moved {-shift:+d} character")):
        as_codings(moved, study, source="truth_coded.csv")


def test_real_qdpx_codings_read_through_the_coded_file_checks_unchanged(shared_data):
    # guard: people's codings of the NVivo and QualCoder exports, given as a coded file of a study of their
    # sources, are read as written: no shift refused, no counting converted (bench/shift_check.py measures more)
    from bench.shift_check import QDPX, outcome, qdpx_codings

    found = [shared_data / "qdpx" / name for name in QDPX if (shared_data / "qdpx" / name).is_file()]
    if not found:
        pytest.skip("the real QDPX exports are not in the shared data")
    for path in found:
        study, coded = qdpx_codings(path)
        assert len(coded) > 200
        assert outcome(coded, study) == "read", path.name


# --------------------------------------------------------------------------- 2. REFI-QDA selections

def _qdpx_with(tmp_path, start: str, end: str):
    from tests.test_qdpx import G, _project_xml, _qdpx

    sel = (f'<TextSource guid="{G[5]}" name="interview 7" plainTextPath="internal://a.txt">'
           f'<PlainTextSelection guid="{G[10]}" startPosition="{start}" endPosition="{end}">'
           f'<Coding guid="{G[11]}" creatingUser="{G[0]}"><CodeRef targetGUID="{G[2]}"/></Coding>'
           "</PlainTextSelection></TextSource>")
    return _qdpx(tmp_path / "p.qdpx", _project_xml(sel), {"Sources/a.txt": b"Morale rose after the review."})


@pytest.mark.parametrize(("start", "end", "said"), [
    ("8", "3", "endPosition 3 before startPosition 8"),
    ("-3", "6", "startPosition '-3' (a whole number of 0 or more)"),
    ("12a", "20", "startPosition '12a' (a whole number of 0 or more)"),
])
def test_a_selection_that_is_no_span_is_refused_naming_source_and_selection(tmp_path, start, end, said):
    # On the old code imported (exit 0) with a warning that no counting fits: codings.csv held the span 8 to 3, or
    # -3 to 6 (its text cut), and a start that is no number made a coding of no span, the whole interview
    from impact.qdpx import read_qdpx

    with pytest.raises(InputError) as info:
        read_qdpx(_qdpx_with(tmp_path, start, end))
    message = str(info.value)
    assert message.startswith("p.qdpx: 1 text selection whose positions are no span of the text")
    assert "selection '0000000b-0000-4000-8000-00000000000b' of source 'interview 7': " + said in message


def test_import_qdpx_of_a_reversed_selection_exits_2_and_writes_nothing(tmp_path):
    from ._util import cli_here, refused

    f = _qdpx_with(tmp_path, "8", "3")
    proc = cli_here("import-qdpx", str(f), str(tmp_path / "out"), "-q", cwd=tmp_path)
    refused(proc, "p.qdpx: 1 text selection", "endPosition 3 before startPosition 8")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("path", ["internal://../secret.txt", "file:///{secret}", "internal://%2e%2e/secret.txt",
                                  "relative://Sources/../../secret.txt"])
def test_guard_a_source_path_outside_the_archive_is_never_read_from_disk(tmp_path, path):
    from impact.qdpx import read_qdpx
    from tests.test_qdpx import G, _project_xml, _qdpx

    secret = tmp_path / "secret.txt"
    secret.write_text("A file of the user's, outside the archive.", encoding="utf-8")
    src = (f'<TextSource guid="{G[5]}" name="s" plainTextPath="{path.format(secret=secret)}">'
           f'<PlainTextSelection guid="{G[10]}" startPosition="0" endPosition="6">'
           f'<Coding guid="{G[11]}"><CodeRef targetGUID="{G[2]}"/></Coding></PlainTextSelection></TextSource>')
    f = _qdpx(tmp_path / "p.qdpx", _project_xml(src), {"Sources/a.txt": b"hello world"})
    with pytest.raises(InputError, match="not in the archive") as info:
        read_qdpx(f)
    assert "user's" not in str(info.value)
    with pytest.warns(Warning, match="missing from the archive"):
        project = read_qdpx(f, missing="warn")
    assert project.sources["text"].isna().all()


# --------------------------------------------------------------------------- 3. study folders

def _validate(study_dir, tmp_path):
    from ._util import cli_here

    return cli_here("validate", str(study_dir), cwd=tmp_path)


@pytest.mark.parametrize(("period", "write"), [("2013-14", "2014-03-31"), ("201314", "2014-03-31"),
                                               ("2013/2014", "2014-03-31"), ("2013", "2013-03-31")])
def test_an_indicator_period_given_as_a_year_says_which_day_to_write(study_dir, tmp_path, period, write):
    # On the old code "'2013-14' - expected a date as YYYY-MM-DD" and no more; "201314" (DfE's time_period) was
    # told to be written 2013-01-04
    from ._util import refused

    (study_dir / "indicators.csv").write_text(f"council_id,period,measure,value,flag\n301,{period},cin_rate,10,\n",
                                              encoding="utf-8")
    proc = _validate(study_dir, tmp_path)
    refused(proc, f"indicators.csv:2:period: '{period}' - expected a date as YYYY-MM-DD", f", {write})")
    assert "2013-01-04" not in proc.stderr


def test_a_transcript_file_named_with_a_space_at_its_end_says_which_file_is_there(study_dir, tmp_path):
    # On the old code "expected an existing file transcripts/301/P1-early.txt", the file beside it not named
    from ._util import refused

    f = study_dir / "transcripts" / "301" / "P1-early.txt"
    f.rename(f.with_name("P1-early .txt"))
    d = study_dir / "transcripts" / "302"
    d.rename(d.with_name("302\u00a0"))
    proc = _validate(study_dir, tmp_path)
    refused(proc, "interviews.csv:3:transcript: '301/P1-early.txt' - expected an existing file transcripts/301/"
                  "P1-early.txt (found '301/P1-early .txt': names are exact, spaces at the ends",
            "interviews.csv:5:transcript: '302/P2-expectations.txt' - expected an existing file transcripts/302/"
            "P2-expectations.txt (found '302\\xa0/P2-expectations.txt'")


@pytest.mark.parametrize(("first", "second", "said"), [
    ("morale", "Morale", "codebook.yaml:6:codes[1].id: 'Morale' - expected a snake_case id"),
    ("file_x", "\ufb01le_x", "U+FB01 LATIN SMALL LIGATURE FI at character 1, a form of 'fi'; write 'file_x'"),
    ("caf\u00e9", "cafe\u0301", "U+0301 COMBINING ACUTE ACCENT"),
])
def test_guard_code_ids_differing_only_in_case_or_unicode_form_are_refused(study_dir, tmp_path, first, second, said):
    from ._util import refused

    (study_dir / "codebook.yaml").write_text(
        f"format_version: 1\nid: mine\nversion: '1'\ncodes:\n"
        f"  - {{id: {first}, label: Morale up, definition: staff morale rises, rules: {{phrases: [morale]}}}}\n"
        f"  - {{id: {second}, label: Morale down, definition: staff morale falls, rules: {{phrases: [gloom]}}}}\n",
        encoding="utf-8")
    y = study_dir / "study.yaml"
    y.write_text(y.read_text(encoding="utf-8").replace("codebook: nfer_impacts", "codebook: codebook.yaml"),
                 encoding="utf-8")
    refused(_validate(study_dir, tmp_path), "study.yaml:3:codebook: 'codebook.yaml' - expected a valid codebook", said)


def test_guard_council_ids_with_no_break_spaces_at_their_ends_match_across_files(study_dir, tmp_path):
    from impact.study import load_study

    from .test_inputs_round5 import _replace

    _replace(study_dir / "councils.csv", "301,", "301\u00a0,")
    _replace(study_dir / "interviews.csv", ",301,", ",\u00a0301\u00a0\u00a0,", -1)
    assert _validate(study_dir, tmp_path).returncode == 0
    study = load_study(study_dir)
    assert study.interviews.loc[study.interviews["participant_id"] == "P1", "council_id"].unique().tolist() == ["301"]


@pytest.mark.parametrize(("key", "said"), [("codebok: nfer_impacts", "study.yaml:3:codebok: 'codebok' - expected one "
                                            "of the keys"), ("wave: []", "(did you mean 'waves'?)")])
def test_guard_an_unknown_key_in_study_yaml_is_named(study_dir, tmp_path, key, said):
    from ._util import refused

    y = study_dir / "study.yaml"
    text = y.read_text(encoding="utf-8")
    y.write_text(text.replace("codebook: nfer_impacts", key) if key.startswith("codebok") else text + key + "\n",
                 encoding="utf-8")
    refused(_validate(study_dir, tmp_path), said)


def test_guard_links_out_of_the_study_folder_are_not_read(study_dir, tmp_path):
    from ._util import refused

    outside = tmp_path / "elsewhere"
    outside.mkdir()
    shutil.move(study_dir / "councils.csv", outside / "councils.csv")
    os.symlink(outside / "councils.csv", study_dir / "councils.csv")
    shutil.move(study_dir / "transcripts", outside / "transcripts")
    os.symlink(outside / "transcripts", study_dir / "transcripts")
    refused(_validate(study_dir, tmp_path), "councils.csv: expected a plain file inside the study folder",
            "transcripts/: expected a folder holding the 10 transcripts")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_guard_a_transcript_in_utf16_without_a_mark_is_named(study_dir, tmp_path, encoding):
    from ._util import refused

    f = study_dir / "transcripts" / "301" / "P1-early.txt"
    f.write_bytes(f.read_text(encoding="utf-8").encode(encoding))
    refused(_validate(study_dir, tmp_path), "interviews.csv:3:transcript: '301/P1-early.txt' - expected a readable "
            "transcript", "UTF-16 text without a byte-order mark, " + ("little" if encoding.endswith("le") else "big")
            + "-endian: save it as UTF-8")


def test_guard_a_header_holding_a_quoted_line_break_is_named(study_dir, tmp_path):
    from impact.codings import read_codings
    from impact.study import load_study

    from ._util import refused
    from .test_inputs_round5 import _replace

    (tmp_path / "c.csv").write_text('interview_id,"co\nde"\nP1-early,morale\n', encoding="utf-8")
    with pytest.raises(InputError, match="U\\+000A"):
        read_codings(tmp_path / "c.csv", load_study(study_dir))
    _replace(study_dir / "interviews.csv", "participant_id", '"participant\n_id"')
    refused(_validate(study_dir, tmp_path), "interviews.csv:1:participant\\n_id", "U+000A")


def test_guard_codings_naming_one_interview_in_two_cases_name_the_row(study_dir, tmp_path):
    from impact.codings import read_codings
    from impact.study import load_study

    (tmp_path / "c.csv").write_text("interview_id,code\nP1-early,morale\np1-early,learning\n", encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        read_codings(tmp_path / "c.csv", load_study(study_dir))
    assert [str(p) for p in info.value.problems] == [
        "c.csv:3:interview_id: 'p1-early' - expected an interview of the study (interviews.csv) (did you mean "
        "'P1-early'?)"]


def test_guard_wave_ids_yaml_reads_as_numbers_say_to_quote_them(study_dir, tmp_path):
    from ._util import refused

    y = study_dir / "study.yaml"
    y.write_text(y.read_text(encoding="utf-8") + "waves:\n  - {id: 1, anchor: review_start, window_days: [-183, 0]}\n"
                 "  - {id: 2, anchor: review_end, window_days: [28, 182]}\n", encoding="utf-8")
    refused(_validate(study_dir, tmp_path), "study.yaml:12:waves[0].id: '1'", "put the id in quotes, as in id: '1'")


# --------------------------------------------------------------------------- 4. review workbooks and outputs

def test_a_review_sheet_with_a_title_row_above_its_header_says_which_row_to_delete(study_dir, tmp_path):
    # On the old code "row 1 holds no column header of the exported sheet (the header row was deleted?)": the
    # header is there, one row down
    import openpyxl

    from impact.cli import main

    from ._util import cli_here, refused

    coded, wb_path = tmp_path / "coded.csv", tmp_path / "rev.xlsx"
    assert main(["code", str(study_dir), "--out", str(coded), "-q"]) == 0
    assert main(["review", "export", str(study_dir), "--coded", str(coded), "--out", str(wb_path),
                 "--reviewer", "AB", "-q"]) == 0
    wb = openpyxl.load_workbook(wb_path)
    ws = wb["review"]
    ws["L2"] = "yes"
    ws.insert_rows(1, amount=2)
    ws["A1"] = "Review of coding, team A"
    wb.save(wb_path)
    proc = cli_here("review", "import", str(wb_path), "--out", str(tmp_path / "dec.csv"), "--reviewer", "AB",
                    cwd=tmp_path)
    refused(proc, "rev.xlsx (sheet 'review'):1:", "the header row is row 3, below 2 rows added above it: delete "
            "rows 1 to 2")
    assert not (tmp_path / "dec.csv").exists()


@pytest.mark.parametrize("kind", ["file", "folder"])
def test_guard_an_output_that_is_a_file_or_holds_the_users_files_is_refused_and_kept(study_dir, tmp_path, kind):
    from ._util import cli_here, refused, snapshot

    out = tmp_path / "out"
    if kind == "file":
        out.write_text("my notes", encoding="utf-8")
    else:
        out.mkdir()
        (out / "thesis.docx").write_bytes(b"draft")
    before = snapshot(tmp_path)
    proc = cli_here("run", str(study_dir), "--out", str(out), "-q", cwd=tmp_path)
    refused(proc, "is an existing file, not a folder" if kind == "file" else "holds files impact did not write "
            "(thesis.docx)")
    assert snapshot(tmp_path) == before


# --------------------------------------------------------------------------- 5. a transcript's answer pasted twice

def test_a_long_answer_given_twice_word_for_word_is_a_warning_naming_both_lines(study_dir, tmp_path):
    # On the old code validated without a word: the pasted copy's statements were coded and counted twice
    from ._util import cli_here

    said = ("We rewrote the whole threshold document after the review, and it helped a lot: the front door now "
            "sends fewer contacts on to assessment than it did last spring.")
    f = study_dir / "transcripts" / "301" / "P1-early.txt"
    f.write_text(f"Interviewer: How has it gone?\nRespondent: {said}\nInterviewer: And morale?\n"
                 f"Respondent: Better.\nRespondent:   {said.replace(' now ', chr(10) + 'now ')}\n", encoding="utf-8")
    proc = cli_here("validate", str(study_dir), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert ("warning: interviews.csv:3:transcript: '301/P1-early.txt' - expected each answer given once (the "
            "respondent's turn at line 5 of transcripts/301/P1-early.txt is the one at line 2 word for word, 29 words"
            in proc.stdout)  # a valid study's warnings are its report, on standard output
    # guard: the bundled example (375 interviews, answers drawn from templates) has no answer of 25 words twice
    from pathlib import Path

    from impact.study import load_study
    from impact.validate import _repeated_turns

    example = load_study(Path(__file__).resolve().parents[2] / "data" / "example")
    assert not [i for i, t in example.iter_transcripts() if _repeated_turns(t)]

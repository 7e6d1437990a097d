"""Hostile inputs, round 12 (helper-inputs12).

Each test is a hostile input: where the old code did something wrong the test fails on it (what it did is said
beside the test); the others guard what the old code already did right (marked "guard").
"""

from __future__ import annotations

import unicodedata
import warnings

import pytest

from impact.errors import ValidationError

from .test_inputs_round5 import _replace
from .test_inputs_round10 import _coded

# --------------------------------------------------------------------------- 1. a drift of line ends or a mark, inside

_LINES = [f"Interviewer: Question {k}?\nRespondent: Answer {k} is short and plain." for k in range(1, 6)]
_TEXT = "\n".join(_LINES) + "\nRespondent: Morale rose in the team after the review, we all agreed on that.\n"
_SPANS = ["Question 1", "Answer 2 is short", "Answer 4 is short", "Morale rose in the team"]  # none near the end


def _counted(text: str, i: int, *, lf_two: bool = False, crlf_one: bool = False, bom: bool = False) -> int:
    """Offset of character ``i`` of ``text`` as a tool counts it that stored the text with CRLF (``lf_two``), read
    it with universal newlines (``crlf_one``) or counted a byte-order mark (``bom``): counted independently."""
    head = text[:i]
    if lf_two:
        head = head.replace("\n", "\r\n")
    if crlf_one:
        head = head.replace("\r\n", "\n")
    return len(head) + bom


def _drift_file(tmp_path, text: str, **how):
    at = [text.index(w) for w in _SPANS]
    return _coded(tmp_path, [("P1-early", _counted(text, a, **how), _counted(text, a + len(w), **how), "morale")
                             for a, w in zip(at, _SPANS, strict=True)])


@pytest.mark.parametrize(("crlf_file", "how", "said"), [
    (False, {"lf_two": True}, "each line end counted as two characters"),
    (False, {"bom": True}, "the byte-order mark counted as a character"),
    (True, {"crlf_one": True}, "a CRLF line end counted as one character"),
])
def test_a_drift_of_line_ends_or_a_mark_with_every_span_inside_is_converted(crlf_file, how, said, study_dir,
                                                                            tmp_path):
    # On the old code read as written without a word: every span inside the text, so the drift was not looked
    # for, and the codings were of "nswer 2 is short a", "uestion 1?" ... (a character or more late, or early).
    from impact.codings import CodingsWarning, read_codings
    from impact.study import load_study

    text = _TEXT.replace("\n", "\r\n") if crlf_file else _TEXT
    # a mark is counted only where the file begins with one (round 21)
    (study_dir / "transcripts" / "301" / "P1-early.txt").write_bytes(text.encode("utf-8-sig" if how.get("bom")
                                                                                 else "utf-8"))
    study = load_study(study_dir)
    assert study.transcript("P1-early") == text  # impact counts the text as stored (a CRLF is two characters)
    f = _drift_file(tmp_path, text, **how)
    assert max(_counted(text, text.index(w) + len(w), **how) for w in _SPANS) < len(text)  # every span inside
    with pytest.warns(CodingsWarning, match=r"nvivo\.csv: span offsets read as characters \(code points\), " + said):
        got = read_codings(f, study, codes=["morale"])
    assert [text[s:e] for s, e in zip(got["start"], got["end"], strict=True)] == _SPANS


def test_spans_as_written_are_read_without_a_word(study_dir, tmp_path):
    # guard: spans counted as impact counts them, ends between words, are not converted; nor the planted truth of
    # the example study (hundreds of spans of 30 transcripts)
    from pathlib import Path

    from impact.codings import read_codings
    from impact.study import load_study

    (study_dir / "transcripts" / "301" / "P1-early.txt").write_text(_TEXT, encoding="utf-8")
    f = _drift_file(tmp_path, _TEXT)
    example = Path(__file__).resolve().parents[2] / "data" / "example"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        got = read_codings(f, load_study(study_dir), codes=["morale"])
        truth = read_codings(example / "truth_coded.csv", load_study(example))
    assert [_TEXT[s:e] for s, e in zip(got["start"], got["end"], strict=True)] == _SPANS
    assert len(truth) > 100


_LETTERS = "Interviewer: Go on.\nRespondent: a b c d e f g h i j k.\nRespondent: l m n o p q r s t.\n"


def test_a_quote_column_shows_a_drift_the_span_ends_do_not(study_dir, tmp_path):
    # Ends between one-letter words stay between words when shifted: only the coded text the file carries shows
    # the drift. On the old code read as written: " c d" where the coder marked "b c d", "j k." for "i j k" ...
    from impact.codings import CodingsWarning, read_codings
    from impact.study import load_study

    (study_dir / "transcripts" / "301" / "P1-early.txt").write_text(_LETTERS, encoding="utf-8")
    study = load_study(study_dir)
    wanted = ["b c d", "i j k", "m n o p"]
    rows = "".join(f"P1-early,{_counted(_LETTERS, a, lf_two=True)},{_counted(_LETTERS, a + len(w), lf_two=True)},"
                   f"morale,{w}\n" for w in wanted for a in [_LETTERS.index(w)])
    (tmp_path / "c.csv").write_text("interview_id,start,end,code,quote\n" + rows, encoding="utf-8")
    with pytest.warns(CodingsWarning, match=r"c\.csv: span offsets read as characters \(code points\), each line end "
                                            r"counted as two .*the text of 3 spans"):
        got = read_codings(tmp_path / "c.csv", study, codes=["morale"])
    assert [_LETTERS[s:e] for s, e in zip(got["start"], got["end"], strict=True)] == wanted


def test_a_quote_column_no_counting_fits_is_refused_naming_the_rows(study_dir, tmp_path):
    # On the old code read without a word: the file's quote 'g h i' and the span's text 'b c d' never compared.
    from impact.codings import read_codings
    from impact.study import load_study

    (study_dir / "transcripts" / "301" / "P1-early.txt").write_text(_LETTERS, encoding="utf-8")
    a = _LETTERS.index("b c d")
    q = _LETTERS.index("Go on")
    (tmp_path / "c.csv").write_text(f"interview_id,start,end,code,quote\nP1-early,{q},{q + 5},morale,Go  on\n"
                                    f"P1-early,{a},{a + 5},morale,g h i\n", encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        read_codings(tmp_path / "c.csv", load_study(study_dir), codes=["morale"])
    assert [str(p) for p in info.value.problems] == [
        f"c.csv:3:quote: 'g h i' - expected the text of the row's span (characters {a} to {a + 5} of P1-early hold "
        "'b c d', and no other way of counting the offsets gives 'g h i'): offsets of another version of the "
        "transcript, or the quote of another row?"]


# --------------------------------------------------------------------------- 2. names in another Unicode form


def _other_form_study(study_dir, table_form: str, disk_forms: list[str]):
    _replace(study_dir / "interviews.csv", "301/P1-early.txt",
             "301/" + unicodedata.normalize(table_form, "Zo\u00eb-early.txt"))
    folder = study_dir / "transcripts" / "301"
    text = (folder / "P1-early.txt").read_text(encoding="utf-8")
    (folder / "P1-early.txt").unlink()
    for form in disk_forms:
        (folder / unicodedata.normalize(form, "Zo\u00eb-early.txt")).write_text(text, encoding="utf-8")
    return text


@pytest.mark.parametrize(("table_form", "disk_form", "table_said", "disk_said"), [
    ("NFC", "NFD", "'Zo\\xeb-early.txt' (composed form)", "'Zoe\\u0308-early.txt' (decomposed form, as macOS "
     "writes names)"),
    ("NFD", "NFC", "'Zoe\\u0308-early.txt' (decomposed form, as macOS writes names)", "'Zo\\xeb-early.txt' (composed "
     "form)"),
])
def test_a_transcript_named_in_another_unicode_form_is_read_with_a_warning(table_form, disk_form, table_said,
                                                                          disk_said, study_dir):
    # On the old code refused: "expected an existing file transcripts/301/Zoë-early.txt (found a file of this
    # name with its accented letters written another way ...)", beside the very file.
    from impact.study import load_study

    text = _other_form_study(study_dir, table_form, [disk_form])
    study = load_study(study_dir)
    assert study.transcript("P1-early") == text
    named = unicodedata.normalize(table_form, "301/Zo\u00eb-early.txt")
    disk = unicodedata.normalize(disk_form, "Zo\u00eb-early.txt")
    assert [str(p) for p in study.load_problems if p.file == "interviews.csv" and p.column == "transcript"] == [
        f"warning: interviews.csv:3:transcript: '{named}' - expected a file named as the table names it, {table_said} "
        f"(read transcripts/301/{disk}, named {disk_said}: the "
        "same letters written another way; rename the file, typing its name again, to have it found as named)"]


def test_two_files_whose_names_differ_only_in_unicode_form_are_refused_naming_both(study_dir):
    # On the old code the one spelt as the table spells it was read without a word, the other left (two files that
    # look the same: which did the transcriber correct?) with a warning that no row names it.
    from .test_inputs_round8 import _errors

    _other_form_study(study_dir, "NFC", ["NFC", "NFD"])
    assert _errors(study_dir) == [
        "interviews.csv:3:transcript: '301/Zo\u00eb-early.txt' - expected one file of this name (transcripts/301/ "
        "holds 2 whose names differ only in how their accented letters are written, and look the same: "
        "'Zoe\\u0308-early.txt', 'Zo\\xeb-early.txt'; keep one)"]


# --------------------------------------------------------------------------- 10 more: codebooks, tables, coded files


def test_two_codes_with_one_label_are_refused(tmp_path):
    # On the old code read: a report's tables and figures name codes by their label, so the two rows "Morale" could
    # not be told apart.
    from impact.coding.codebook import Codebook

    head = "format_version: 1\nid: tiny\nversion: '0.1'\ncodes:\n"
    with pytest.raises(ValidationError) as info:
        Codebook.from_yaml(head + "  - {id: morale, label: Morale, definition: x}\n"
                                  "  - {id: learning, label: Learning, definition: y}\n"
                                  "  - {id: staff_morale, label: ' morale ', definition: z}\n", source="cb.yaml")
    assert [str(p) for p in info.value.problems] == [
        "cb.yaml:7:codes[2].label: ' morale ' - expected a label no other code has (codes[0], morale, is labelled "
        "'Morale'): a report names codes by their label, so the two could not be told apart"]


@pytest.mark.parametrize(("text", "problem"), [
    # guard: a code id with a space, an id given twice
    ("  - {id: staff morale, label: A, definition: x}\n", "cb.yaml:5:codes[0].id: 'staff morale' - expected a "
     "snake_case id"),
    ("  - {id: a, label: A, definition: x}\n  - {id: a, label: B, definition: y}\n", "cb.yaml:5:codes[0].id: 'a' - "
     "expected an id used only once"),
])
def test_a_code_id_with_a_space_or_given_twice_is_refused(text, problem):
    from impact.coding.codebook import Codebook

    with pytest.raises(ValidationError) as info:
        Codebook.from_yaml("format_version: 1\nid: tiny\nversion: '0.1'\ncodes:\n" + text, source="cb.yaml")
    assert str(info.value.problems[0]).startswith(problem)


def test_a_survey_respondent_answering_for_two_councils_is_refused(study_dir):
    # On the old code read: S1's answers counted for Barking and Dagenham and for Barnet, as one respondent.
    from .test_inputs_round8 import _errors

    with open(study_dir / "survey_responses.csv", "a", encoding="utf-8") as f:
        f.write("302,S1,staff,early,q_confident,3\n")
    assert _errors(study_dir) == [
        "survey_responses.csv:4:council_id: '302' - expected the council respondent S1 answers for (301, on row 2): "
        "a respondent answers for one council; give the other council's respondent an id of their own"]


def test_a_participant_interviewed_twice_at_one_wave_is_refused(study_dir):
    # On the old code read: P1 counted twice at the early wave (two statements of one person at one time).
    from .test_inputs_round8 import _errors

    folder = study_dir / "transcripts" / "301"
    (folder / "P1-early-b.txt").write_text((folder / "P1-early.txt").read_text(encoding="utf-8"), encoding="utf-8")
    with open(study_dir / "interviews.csv", "a", encoding="utf-8") as f:
        f.write("P1-early-b,P1,301,early,2011-08-20,telephone,301/P1-early-b.txt\n")
    assert _errors(study_dir) == [
        "interviews.csv:12:wave: 'early' - expected one interview of participant P1 at each wave (row 3, P1-early, is "
        "P1's early interview too): the panels count a participant once a wave; give this interview its own wave, "
        "or join the two transcripts"]


def test_excels_separator_line_atop_a_coded_file_is_read(study_dir, tmp_path):
    # On the old code: "c.csv:1: column(s) [2] have values but no name", the line Excel hides ('sep=,') taken for
    # the header row.
    from .test_inputs_round9 import _read

    got = _read(tmp_path, study_dir, "sep=,\ninterview_id,code\nP1-early,morale\nP2-early,learning\n")
    assert got[["interview_id", "code"]].values.tolist() == [["P1-early", "morale"], ["P2-early", "learning"]]
    with pytest.raises(ValidationError) as info:  # rows named as Excel shows them, the hidden line not counted
        _read(tmp_path, study_dir, "sep=,\ninterview_id,code\nP1-early,morale\nP9-early,learning\n")
    assert str(info.value.problems[0]).startswith("c.csv:3:interview_id: 'P9-early'")


def test_a_separator_line_naming_another_separator_atop_a_coded_file_is_refused(study_dir, tmp_path):
    # guard-like: the study tables refuse it so; on the old code the coded file's message named a column without
    # a name
    from impact.errors import InputError

    from .test_inputs_round9 import _read

    with pytest.raises(InputError, match=r"c\.csv:1: 'sep=;' - expected commas \(the file says its values are "
                                         r"separated by semicolons"):
        _read(tmp_path, study_dir, "sep=;\ninterview_id;code\nP1-early;morale\n")


def test_a_polarity_disagreeing_with_the_negated_cell_is_refused(study_dir, tmp_path):
    # On the old code the polarity column was read and the negated column dropped without a word: 'asserted' with
    # negated 'true' counted as asserted.
    got = _refused_codings(tmp_path, study_dir, "interview_id,code,polarity,negated,hedged\n"
                                                "P1-early,morale,asserted,true,false\n"
                                                "P2-early,morale,negated,true,false\n"  # agrees: read
                                                "P3-early,morale,hedged,false,\n")  # agrees
    assert got == ["c.csv:2:polarity: 'asserted' - expected a polarity the row's negated and hedged cells agree with "
                   "(negated is 'true', hedged 'false'): the file gives it twice; keep one way"]


@pytest.mark.parametrize("score", ["7", "-0.5", "1.5"])
def test_a_score_outside_0_to_1_is_refused(score, study_dir, tmp_path):
    # On the old code read as written: a coder's combined score is a probability (a code is given from 0.5 up).
    got = _refused_codings(tmp_path, study_dir, f"interview_id,code,score\nP1-early,morale,0.75\nP2-early,morale,"
                                                f"{score}\n")
    assert got == [f"c.csv:3:score: '{score}' - expected a score from 0 to 1 (the coder's combined score), or blank "
                   "for a code given by a person"]


def _refused_codings(tmp_path, study_dir, text: str) -> list[str]:
    from .test_inputs_round9 import _read

    with pytest.raises(ValidationError) as info:
        _read(tmp_path, study_dir, text)
    return [str(p) for p in info.value.problems]


# --------------------------------------------------------------------------- 10 more: the command line (guards)


@pytest.mark.parametrize("where", ["{study}/out", "{study}/transcripts", "{study}"])
def test_an_output_folder_inside_the_study_is_refused_and_nothing_written(where, tiny_study, tmp_path, capsys):
    # guard: a run writing its report and re-identification key into the study folder
    from impact.cli import main

    study = tmp_path / "study"
    tiny_study.save(study)
    before = sorted(p.relative_to(study) for p in study.rglob("*"))
    assert main(["run", str(study), "--out", where.format(study=study), "--resamples", "99"]) == 2
    err = capsys.readouterr().err
    assert "choose a new output folder" in err and "Traceback" not in err
    assert sorted(p.relative_to(study) for p in study.rglob("*")) == before


def test_a_named_transcript_that_is_a_link_loop_is_one_problem(study_dir):
    # guard: a link to itself named by a row
    from .test_inputs_round8 import _errors

    f = study_dir / "transcripts" / "301" / "P1-early.txt"
    f.unlink()
    f.symlink_to("P1-early.txt")
    assert _errors(study_dir) == [
        "interviews.csv:3:transcript: '301/P1-early.txt' - expected a plain file inside transcripts/ (transcripts/301/"
        "P1-early.txt: a link (links are not followed) - expected a plain file)"]

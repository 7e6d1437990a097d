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
    (study_dir / "transcripts" / "301" / "P1-early.txt").write_bytes(text.encode("utf-8"))
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
                                            r"counted as two .*the text of 3 span\(s\)"):
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

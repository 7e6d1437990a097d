"""Hostile inputs, round 11 (helper-inputs11).

Each test is a hostile input: where the old code did something wrong the test fails on it (what it did is said
beside the test); the others guard what the old code already did right (marked "guard").
"""

from __future__ import annotations

import warnings

import pytest

from impact.errors import ValidationError

# --------------------------------------------------------------------------- 1. segment ids and --speakers

# Planted: the respondent's sentences and the interviewer's, in the order they are spoken.
_ASKED = ["Did the review raise morale?", "Was it about learning?", "And reflection?"]
_SAID = ["Morale has improved a lot.", "Staff morale is much higher now.", "We rewrote the threshold document.",
         "We now reflect on practice in supervision.", "It promoted learning."]
_TALK = (f"Interviewer: {_ASKED[0]} {_ASKED[1]}\nRespondent: {_SAID[0]} {_SAID[1]} {_SAID[2]}\n"
         f"Interviewer: {_ASKED[2]}\nRespondent: {_SAID[3]} {_SAID[4]}\n")


def _planted_id(interview_id: str, a: int, b: int) -> tuple[str, str]:
    """The id and text of the planted sentence holding characters a to b of _TALK: the respondent's numbered 1, 2, ...
    among themselves, the interviewer's i1, i2, ... (counted here, not by the package)."""
    for tag, sentences in (("", _SAID), ("i", _ASKED)):
        for k, sentence in enumerate(sentences, 1):
            lo = _TALK.index(sentence)
            if lo <= a and b <= lo + len(sentence):
                return f"{interview_id}:{tag}{k}", sentence
    raise AssertionError((a, b))


@pytest.fixture
def talk_study(study_dir):
    for f in (study_dir / "transcripts").rglob("*.txt"):
        f.write_text(_TALK, encoding="utf-8")
    return study_dir


@pytest.mark.parametrize("speakers", ["respondent", "all"])
def test_a_coded_file_analyses_to_the_segments_its_ids_name_whatever_the_speakers_option(speakers, talk_study,
                                                                                          tmp_path, capsys):
    # On the old code `code --speakers all` numbered every speaker's sentences in one sequence and analyse() the
    # respondent's only: 'P1-early:1' coded "raise morale" (the interviewer) and named "Morale has improved a lot."
    import pandas as pd

    from impact.cli import main
    from impact.pipeline import analyse
    from impact.study import load_study

    out = tmp_path / f"coded-{speakers}.csv"
    assert main(["code", str(talk_study), "--speakers", speakers, "--out", str(out)]) == 0
    capsys.readouterr()
    study = load_study(talk_study)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = analyse(study, coded=out, parts=("framework",), n_resamples=99)
    coded = found.coded[found.coded["unit"] != found.coded["interview_id"]]
    segments = found.segments.set_index("segment_id")["text"]
    written = pd.read_csv(out, dtype=str)  # what `code` wrote: every speaker's sentences where asked
    assert len(written) == (5 if speakers == "respondent" else 8) * len(study.interviews)
    # the interviewer's codings are left out of the analysis (with a warning, tested below): the respondent's remain
    assert len(coded) == 5 * len(study.interviews)
    for unit, iid, a, b in zip(coded["unit"], coded["interview_id"], coded["start"], coded["end"], strict=True):
        planted, sentence = _planted_id(iid, int(a), int(b))
        assert unit == planted, (unit, _TALK[a:b])
        if ":i" not in unit:  # the respondent's: a segment of the analysis, the very sentence
            assert segments[unit] == sentence


@pytest.mark.parametrize("parts", [(), ("framework",)])
def test_codings_of_the_interviewer_are_left_out_with_a_warning(parts, talk_study, tmp_path, capsys):
    from impact.cli import main
    from impact.codings import CodingsWarning
    from impact.pipeline import analyse
    from impact.study import load_study

    out = tmp_path / "coded.csv"
    assert main(["code", str(talk_study), "--speakers", "all", "--out", str(out)]) == 0
    with pytest.warns(CodingsWarning, match=r"coded\.csv: 30 codings of segments not of respondent speech "
                                            r"\(the interviewer's"):
        analyse(load_study(talk_study), coded=out, parts=parts, n_resamples=99)


@pytest.mark.parametrize("parts", [(), ("framework",)])
def test_a_file_numbering_every_speaker_in_one_sequence_is_refused(parts, talk_study, tmp_path):
    # On the old code read without a word: 'P1-early:1' with the span of "raise morale" counted a morale statement
    # on the respondent's first sentence.
    from impact.pipeline import analyse
    from impact.study import load_study

    a = _TALK.index("raise morale")
    b = a + len("raise morale")
    s0 = _TALK.index(_SAID[0])
    (tmp_path / "c.csv").write_text(f"unit,code,start,end\nP3-early:1,morale,{s0},{s0 + 6}\n"  # guard: its own
                                    f"P1-early:1,morale,{a},{b}\n", encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        analyse(load_study(talk_study), coded=tmp_path / "c.csv", parts=parts, n_resamples=99)
    assert [str(p) for p in info.value.problems] == [
        f"c.csv:3:unit: 'P1-early:1' - expected the segment holding the row's span (characters {a} to {b} lie in "
        f"P1-early:i1; P1-early:1 is characters {s0} to {s0 + len(_SAID[0])}): a file numbering segments otherwise, "
        "as an earlier `impact code --speakers all` did (every speaker's in one sequence), names other segments: "
        "code the study again"]


# --------------------------------------------------------------------------- 2. UTF-16 offsets with a drift

from .test_inputs_round10 import _EMOJI_TEXT, _WANTED, _coded, _emoji_study  # noqa: E402


def _units(text: str, i: int, *, crlf: bool = False, bom: bool = False) -> int:
    """The UTF-16 offset of code point ``i`` of ``text`` as a tool counts it that stored the text with CRLF line ends
    (``crlf``) or counted its byte-order mark (``bom``): counted independently of the package."""
    head = text[:i].replace("\n", "\r\n") if crlf else text[:i]
    return len(head.encode("utf-16-le")) // 2 + bom


@pytest.mark.parametrize(("crlf", "bom", "how"), [
    (True, False, "each line end counted as two characters"),
    (False, True, "the byte-order mark counted as a character"),
    (True, True, "each line end counted as two characters .*, the byte-order mark counted as a character"),
])
def test_utf16_offsets_with_a_drift_of_line_ends_or_a_mark_are_converted(crlf, bom, how, study_dir, tmp_path):
    # On the old code read as UTF-16 code units alone, with a warning saying so, the drift left in (the spans a
    # character or two late), or refused, "'117' - expected an offset within the transcript of P1-early (113
    # characters, counted as code points; 116 counted as UTF-16 code units ...)", the cause not named.
    from impact.codings import CodingsWarning, read_codings

    study = _emoji_study(study_dir, mark=bom)  # a mark is counted only where the file begins with one (round 21)
    a = _EMOJI_TEXT.index(_WANTED)
    b = a + len(_WANTED)
    c = _EMOJI_TEXT.index("Morale rose.")
    d = len(_EMOJI_TEXT) - 1  # up to the last line end
    q = _EMOJI_TEXT.index("How has it gone")
    spans = [(a, b, "learning"), (c, d, "morale"), (q, q + len("How has it gone"), "morale")]
    f = _coded(tmp_path, [("P1-early", _units(_EMOJI_TEXT, s, crlf=crlf, bom=bom),
                           _units(_EMOJI_TEXT, e, crlf=crlf, bom=bom), code) for s, e, code in spans])
    with pytest.warns(CodingsWarning, match=r"nvivo\.csv: span offsets read as UTF-16 code units \(as NVivo .*"
                                            + how) as caught:
        got = read_codings(f, study, codes=["morale", "learning"])
    assert "3 spans of 1 transcript (P1-early)" in str(caught[0].message)
    text = study.transcript("P1-early")
    assert [text[s:e] for s, e in zip(got["start"], got["end"], strict=True)] == [
        _WANTED, "Morale rose.", "How has it gone"]


def test_offsets_with_line_ends_counted_twice_in_a_text_without_emoji_are_converted(study_dir, tmp_path):
    # On the old code: "'267' - expected an offset within the transcript of P1-early (261 characters, counted as
    # code points)", the cause not named; the spans before it would have been read shifted.
    from impact.codings import CodingsWarning, read_codings
    from impact.study import load_study

    lines = [f"Interviewer: Question {k}?\nRespondent: Answer {k} is short." for k in range(1, 5)]
    text = "\n".join(lines) + "\nRespondent: Morale rose in the team.\n"
    (study_dir / "transcripts" / "301" / "P1-early.txt").write_text(text, encoding="utf-8")
    study = load_study(study_dir)
    wanted = ["Answer 1 is short", "Answer 3 is short", "Morale rose in the team"]
    at = [text.index(w) for w in wanted]
    f = _coded(tmp_path, [("P1-early", _units(text, a, crlf=True), _units(text, a + len(w), crlf=True), "morale")
                          for a, w in zip(at, wanted, strict=True)])
    with pytest.warns(CodingsWarning, match=r"read as characters \(code points\), each line end counted as two"):
        got = read_codings(f, study, codes=["morale", "learning"])
    assert [text[s:e] for s, e in zip(got["start"], got["end"], strict=True)] == wanted


def test_offsets_fitting_two_drifts_equally_are_refused_naming_both(study_dir, tmp_path):
    # One line end before the spans: "each line end as two" and "a mark counted" shift them alike, except the span
    # on the first line, whose ends fall between words either way. On the old code: "past the end", the cause not
    # named, or read as UTF-16 code units alone.
    from impact.codings import read_codings

    study = _emoji_study(study_dir, mark=True)  # the file begins with a mark, which a tool may have counted
    a = _EMOJI_TEXT.index(_WANTED)
    q = _EMOJI_TEXT.index("How has it gone?")
    c = _EMOJI_TEXT.index("Morale rose.")
    spans = [(a, a + len(_WANTED)), (q, q + len("How has it gone?")), (c, len(_EMOJI_TEXT) - 1)]
    f = _coded(tmp_path, [("P1-early", _units(_EMOJI_TEXT, s, crlf=True), _units(_EMOJI_TEXT, e, crlf=True), "morale")
                          for s, e in spans])
    with pytest.raises(ValidationError) as info:
        read_codings(f, study, codes=["morale"])
    assert [str(p) for p in info.value.problems] == [
        f"nvivo.csv:2:start: '{_units(_EMOJI_TEXT, a, crlf=True)}' - expected span offsets counted one way: the spans "
        "fit UTF-16 code units, each line end counted as two characters (CRLF, as Windows writes it) as well as "
        "UTF-16 code units, the byte-order mark counted as a character, which places them elsewhere, and the file "
        "does not say which; write them as characters (code points) of the transcripts"]


# --------------------------------------------------------------------------- 3. invisible characters in cells


def test_a_mark_or_zero_width_space_in_free_text_is_taken_out_with_a_warning(study_dir):
    # On the old code 'Bar\ufeffnet' was read as written, with a warning that it was kept: a report with
    # --identify showed a name that a search for "Barnet" does not find, the redaction of 'Alice Example' missed.
    from impact.study import load_study

    from .test_inputs_round5 import _replace

    _replace(study_dir / "councils.csv", "Barnet", "Bar\ufeffnet")
    _replace(study_dir / "participants.csv", "Alice Example", "Alice\u200b Example")
    study = load_study(study_dir)
    assert study.councils["name"].tolist() == ["Barking and Dagenham", "Barnet", "Torbay"]
    assert study.participants["name"].tolist()[0] == "Alice Example"
    assert [str(p) for p in study.load_problems if p.file in ("councils.csv", "participants.csv")] == [
        "warning: councils.csv:3:name: 'Bar\\ufeffnet' - expected text without a byte-order mark or zero-width "
        "character (it held U+FEFF ZERO WIDTH NO-BREAK SPACE at character 4, which is no text: taken out: read as "
        "'Barnet')",
        "warning: participants.csv:2:name: 'Alice\\u200b Example' - expected text without a byte-order mark or "
        "zero-width character (it held U+200B ZERO WIDTH SPACE at character 6, which is no text: taken out: read as "
        "'Alice Example')"]


@pytest.mark.parametrize(("column", "cell", "problem"), [
    # On the old code each was read: 'an\u200bn' a second coder beside 'ann', 'Ofs\ufeffted' an attribution of its own.
    ("coder", "an\u200bn", "c.csv:2:coder: 'an\\u200bn' - expected a coder without invisible or direction-changing "
     "characters (it holds U+200B ZERO WIDTH SPACE at character 3, which makes coders that differ look the same: they "
     "are counted by their text; retype it)"),
    ("attribution", "Ofs\ufeffted", "c.csv:2:attribution: 'Ofs\\ufeffted' - expected an attribution without invisible "
     "or direction-changing characters (it holds U+FEFF ZERO WIDTH NO-BREAK SPACE at character 4, which makes "
     "attributions that differ look the same: they are counted by their text; retype it)"),
    # guard: an id holding one was refused already
    ("interview_id", "P1-early\ufeff", "c.csv:2:interview_id: 'P1-early\\ufeff' - expected an id without invisible "
     "or direction-changing characters (it holds U+FEFF ZERO WIDTH NO-BREAK SPACE at character 9"),
])
def test_an_invisible_character_in_a_label_of_a_coded_file_is_refused(column, cell, problem, study_dir, tmp_path):
    row = {"interview_id": "P1-early", "code": "morale", "attribution": "ofsted", "coder": "ann"} | {column: cell}
    got = _refused(tmp_path, study_dir, "interview_id,code,attribution,coder\n" + ",".join(row.values()) + "\n")
    assert [p[:len(problem)] for p in got] == [problem]


# --------------------------------------------------------------------------- 10 more: study tables, coded files


def _refused(tmp_path, study_dir, text: str) -> list[str]:
    """The problems of the coded file ``text`` read against the study (refused)."""
    from .test_inputs_round9 import _read

    with pytest.raises(ValidationError) as info:
        _read(tmp_path, study_dir, text)
    return [str(p) for p in info.value.problems]


def test_a_coded_file_of_another_study_is_one_problem(study_dir, tmp_path):
    # On the old code: "51 problem(s) found", one per row ("'I0355-002' - expected an interview of the study"),
    # never saying that no row is of this study.
    rows = "".join(f"I0355-00{k},0,{n},morale\n" for k, n in ((2, 5), (2, 9), (3, 5), (4, 5), (5, 5)))
    assert _refused(tmp_path, study_dir, "interview_id,start,end,code\n" + rows) == [
        "c.csv:interview_id: expected codings of this study: none of the 4 interview ids it names ('I0355-002', "
        "'I0355-003', 'I0355-004', ...) is an interview of the study ('P1-early', 'P1-expectations', "
        "'P1-longer_term', ...): a coded file of another study?"]


def test_an_unknown_interview_on_many_rows_is_one_problem_naming_them(study_dir, tmp_path):
    # On the old code one problem per row, the same words 3 times.
    assert _refused(tmp_path, study_dir, "interview_id,code,coder\nP1-early,morale,a\nP9-early,morale,a\n"
                                         "P9-early,learning,a\nP3-early,morale,a\nP9-early,morale,b\n") == [
        "c.csv:3:interview_id: 'P9-early' - expected an interview of the study (interviews.csv) (did you mean "
        "'P3-early' or 'P2-early' or 'P1-early'?) (the same on 2 more rows: 4, 6)"]


def test_a_wave_no_interview_is_at_is_one_warning(study_dir):
    # On the old code 7 warnings, one per council and participant, each naming 'mid' among its attrition.
    from impact.study import load_study

    (study_dir / "study.yaml").write_text(
        (study_dir / "study.yaml").read_text(encoding="utf-8") + "waves:\n"
        "- {id: expectations, anchor: review_start, window_days: [-200, -1]}\n"
        "- {id: early, anchor: review_end, window_days: [1, 182]}\n"
        "- {id: mid, anchor: review_end, window_days: [183, 200]}\n"
        "- {id: longer_term, anchor: review_end, window_days: [201, 600]}\n", encoding="utf-8")
    assert [str(p) for p in load_study(study_dir).load_problems] == [
        "warning: study.yaml:14:waves[2].id: 'mid' - expected interviews at each wave of the study (no interview in "
        "interviews.csv is at this wave, so every finding at it is missing: take the wave out of study.yaml, or check "
        "the interviews' wave cells)",
        # newuser3: each attrition warning gives the rows of the interviews there are (it gave none)
        "warning: interviews.csv:5:council_id: '302' - expected interviews at every wave (attrition: none at "
        "longer_term; its interviews are in rows 5, 6)",
        "warning: interviews.csv:5:participant_id: 'P2' - expected an interview at every wave (attrition: none at "
        "longer_term; its interviews are in rows 5, 6)",
        "warning: interviews.csv:10:participant_id: 'P4' - expected an interview at every wave (attrition: none at "
        "early; its interviews are in rows 10, 11)"]


def test_a_transcript_named_in_another_unicode_form_is_named_as_such(study_dir):
    # On the old code: "expected an existing file transcripts/301/Zoë-early.txt", beside a file that looks exactly
    # so (its 'ë' an 'e' and a combining diaeresis, as macOS writes names), and a warning that no row names it.
    # Since round 12 the file is read, with a warning naming both spellings (test_inputs_round12).
    import unicodedata

    from .test_inputs_round5 import _replace

    _replace(study_dir / "interviews.csv", "301/P1-early.txt", "301/Zo\u00eb-early.txt")
    folder = study_dir / "transcripts" / "301"
    (folder / "P1-early.txt").rename(folder / unicodedata.normalize("NFD", "Zo\u00eb-early.txt"))
    from impact.study import load_study

    assert [str(p) for p in load_study(study_dir).load_problems if "attrition" not in str(p)] == [
        "warning: interviews.csv:3:transcript: '301/Zo\u00eb-early.txt' - expected a file named as the table names "
        "it, 'Zo\\xeb-early.txt' (composed form) (read transcripts/301/Zoe\u0308-early.txt, named "
        "'Zoe\\u0308-early.txt' (decomposed form, as macOS writes names): the same letters written another way; "
        "rename the file, typing its name again, to have it found as named)"]


def test_a_coded_file_of_another_codebook_version_is_read_with_a_warning(coded_file, study_dir):
    # On the old code read without a word: the codings of nfer_impacts 1.0 taken for those of the version analysed.
    from impact.coding.codebook import Codebook
    from impact.codings import CodingsWarning, read_codings
    from impact.study import load_study

    book = Codebook.load("nfer_impacts")
    text = coded_file.read_text(encoding="utf-8")
    assert f",{book.hash}" in text
    coded_file.write_text(text.replace(f",{book.version},{book.hash}", ",1.0," + "ab" * 32), encoding="utf-8")
    with pytest.warns(CodingsWarning, match=rf"coded\.csv:2:codebook_hash: \d+ codings? made with nfer_impacts 1\.0 "
                                            rf"\(fingerprint abababababab\), not the version analysed, nfer_impacts "
                                            rf"{book.version} \(fingerprint {book.hash[:12]}\)"):
        read_codings(coded_file, load_study(study_dir), codebook=book)
    # guard: the file as written is read without a word
    coded_file.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        read_codings(coded_file, load_study(study_dir), codebook=book)


# --------------------------------------------------------------------------- 10 more: the command line (guards)


@pytest.mark.parametrize(("args", "message"), [
    # guard: an output folder that is a file is refused, and the file kept
    (["run", "{study}", "--out", "{tmp}/afile", "--resamples", "99"],
     "{tmp}/afile: is an existing file, not a folder - expected a new folder or one impact wrote before"),
    # guard: a study folder given as one of its files
    (["validate", "{study}/councils.csv"], "{study}/councils.csv: a file, not a study folder (expected a folder "
     "holding study.yaml) (it is a file of the study folder {study}: give the folder itself)"),
    # guard: an option of another command
    (["validate", "{study}", "--out", "x"], "unrecognized arguments: --out x - expected only the arguments and "
     "options in the usage line above (--out is an option of"),
])
def test_wrong_paths_and_options_on_the_command_line_are_one_message(args, message, tiny_study, tmp_path, capsys):
    from impact.cli import main

    study = tmp_path / "a st\u00fcdy with spaces"  # a path with spaces and a letter beyond ASCII
    tiny_study.save(study)
    (tmp_path / "afile").write_text("mine\n", encoding="utf-8")
    fill = {"study": str(study), "tmp": str(tmp_path)}
    assert main([a.format(**fill) for a in args]) == 2
    err = capsys.readouterr().err
    assert message.format(**fill) in err
    assert "Traceback" not in err
    assert (tmp_path / "afile").read_text(encoding="utf-8") == "mine\n"


def test_a_study_path_with_spaces_and_unicode_is_read_and_coded(tiny_study, tmp_path, capsys):
    # guard: a study and an output path with spaces and a letter beyond ASCII
    from impact.cli import main

    study = tmp_path / "a st\u00fcdy with spaces"
    tiny_study.save(study)
    out = tmp_path / "c\u00f6ded out" / "coded file.csv"
    assert main(["code", str(study), "--out", str(out)]) == 0
    assert f"-> {out}" in capsys.readouterr().out
    assert out.read_text(encoding="utf-8").startswith("unit,code,")

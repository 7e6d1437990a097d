"""Hostile inputs, round 27 (helper-inputs27).

Each test is a hostile input the old code got wrong; what it did is said beside the test.  Tests named ``guard``
pin behaviour that held and must keep holding.
"""

from __future__ import annotations

import pytest

from .test_study_inputs import _docx, _p, _row

# --------------------------------------------------------------------------- 1. .docx turns in rows without a time


@pytest.mark.parametrize("layout", ["number_speaker_text", "speaker_text_notes", "speaker_blank_text"])
def test_docx_turns_in_rows_of_three_cells_without_a_time_keep_their_speaker(tmp_path, layout):
    # On the old code a row of three cells without a time cell was its cells joined by spaces ('1 Interviewer How
    # has it gone?'): no colon, so every speaker label was lost and the interview read as one unlabelled turn.
    from impact.coding.segment import split_turns
    from impact.study import read_transcript

    said = [("Interviewer", "How has it gone?", "first question"), ("Respondent", "Better than last year.", ""),
            ("Interviewer", "Why is that?", ""), ("Respondent", "We rewrote the threshold document.", "laughs")]
    rows = {
        "number_speaker_text": [_row(str(k), who, text) for k, (who, text, _) in enumerate(said, 1)],
        "speaker_text_notes": [_row(who, text, note) for who, text, note in said],
        "speaker_blank_text": [_row(who, "", text, str(k)) for k, (who, text, _) in enumerate(said, 1)],
    }[layout]
    _docx(tmp_path / "t.docx", "<w:tbl>" + "".join(rows) + "</w:tbl>")
    text = read_transcript(tmp_path / "t.docx")
    turns = split_turns(text)
    assert list(turns["speaker"]) == ["interviewer", "respondent"] * 2
    got = [text[a:b] for a, b in zip(turns["start"], turns["end"])]
    if layout == "speaker_text_notes":  # the notes are read, beside the turn's words, not dropped
        assert got == [f"{t} {n}".strip() for _, t, n in said]
    elif layout == "speaker_blank_text":  # a number after the text is no turn number: read as text
        assert got == [f"{t} {k}" for k, (_, t, _) in enumerate(said, 1)]
    else:
        assert got == [t for _, t, _ in said]


def test_guard_docx_tables_of_figures_with_three_columns_are_read_whole(tmp_path):
    # guard: rows naming each subject once (a table of figures) are not turns, whatever the shape of their cells
    from impact.study import read_transcript

    body = _p("Figures") + "<w:tbl>" + _row("Area", "2019", "2020") + _row("Barnet", "12", "14") + _row(
        "Camden", "9", "11") + "</w:tbl>"
    _docx(tmp_path / "t.docx", body)
    assert read_transcript(tmp_path / "t.docx").splitlines() == ["Figures", "Area 2019 2020", "Barnet 12 14",
                                                                 "Camden 9 11"]


# --------------------------------------------------------------------------- 2. .docx comments, footnotes, endnotes


def _noted(text, tag, k):
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r><w:r><w:{tag} w:id="{k}"/></w:r></w:p>'


def test_docx_comments_and_footnotes_are_told_not_dropped(tmp_path):
    # On the old code a transcript's comments and footnotes were not read and nothing said so.
    from impact.study import TranscriptNotesWarning, read_transcript

    body = (_noted("Interviewer: How has it gone?", "commentReference", 1)
            + _noted("Respondent: Better.", "commentReference", 2) + _noted("Interviewer: Why?", "commentReference", 2)
            + _noted("Respondent: The threshold document.", "footnoteReference", 1))
    _docx(tmp_path / "t.docx", body)
    with pytest.warns(TranscriptNotesWarning) as caught:
        text = read_transcript(tmp_path / "t.docx", label="transcripts/t.docx")
    assert text.splitlines()[-1] == "Respondent: The threshold document."
    assert len(caught) == 1
    assert str(caught[0].message).startswith("transcripts/t.docx: 2 comments and 1 footnote not read")


def test_validate_names_the_transcript_with_endnotes(study_dir, capsys):
    # On the old code `impact validate` said nothing of an interview's endnote, which was not read.
    from impact.cli import main

    folder = study_dir / "transcripts" / "301"
    lines = (folder / "P1-early.txt").read_text(encoding="utf-8").splitlines()
    _docx(folder / "P1-early.docx", _p(lines[0]) + _noted(lines[1], "endnoteReference", 1)
          + "".join(_p(t) for t in lines[2:]))
    (folder / "P1-early.txt").unlink()
    interviews = study_dir / "interviews.csv"
    interviews.write_text(interviews.read_text(encoding="utf-8").replace("P1-early.txt", "P1-early.docx"),
                          encoding="utf-8")
    assert main(["validate", str(study_dir)]) == 0
    assert ("warning: interviews.csv:3:transcript: '301/P1-early.docx' - expected a transcript whose every word is "
            "read (transcripts/301/P1-early.docx: 1 endnote not read (notes beside the interview") in capsys.readouterr().out


# --------------------------------------------------------------------------- 3. gibberish made only of letters

_GIBBERISH = ("interviews.csv:3:transcript: '301/P1-early.txt' - expected a transcript in words (transcripts/301/"
              "P1-early.txt: {}, not an interview; name the interview's transcript)")


def _letters(kind: str) -> str:
    import base64
    import random

    rng = random.Random(27)
    if kind == "random_letters":
        return " ".join("".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(3, 9)))
                        for _ in range(200))
    if kind == "keyboard_mashing":
        return "\n".join("R: " + " ".join(rng.choice(["asdf", "jkl;", "qwerty", "sdfgh", "zxcv", "hjkl", "fdsa"])
                                          for _ in range(12)) for _ in range(20))
    if kind == "base64_without_digits":  # in groups of six, as some dumps print it: each group read as a word by shape
        letters = "".join(c for c in base64.b64encode(rng.randbytes(1800)).decode() if c.isalpha())
        return " ".join(letters[i:i + 6] for i in range(0, len(letters), 6))
    return "I: blah\n" + "blah " * 300  # one word repeated


def _letter_words(text):
    # an independent count: words of three letters or more, and how many the English and Welsh lists hold
    import re
    from importlib import resources

    from impact.privacy._lexicon import english_words, spoken_words

    welsh = set(resources.files("impact").joinpath("_data/wordlists/welsh_common.txt").read_text("utf-8").split())
    lists = english_words() | spoken_words() | welsh
    said = [w for w in re.findall(r"[A-Za-z]+(?:'[A-Za-z]+)*", text) if len(w) >= 3]
    # names (round 28): capitalised words in no list, left aside where they are under half the words
    names = [w for w in said if w[0].isupper() and w[1:] == w[1:].lower() and w.lower() not in lists
             and w.lower().split("'")[0] not in lists]
    if 2 * len(names) < len(said):
        said = [w for w in said if w not in names]
    words = [w.lower() for w in said]
    return words, [w for w in words if w in lists]


@pytest.mark.parametrize("kind", ["random_letters", "keyboard_mashing", "base64_without_digits"])
def test_a_transcript_of_letters_in_no_language_is_refused(study_dir, kind):
    # On the old code valid: every token was letters only, so every token 'read as words' and the gibberish was
    # segmented and coded as an interview.
    from .test_inputs_round5 import _problems

    text = _letters(kind)
    (study_dir / "transcripts" / "301" / "P1-early.txt").write_text(text, encoding="utf-8")
    words, known = _letter_words(text)
    assert len(known) / len(words) < 0.1
    (problem,) = _problems(study_dir)
    assert problem.startswith("interviews.csv:3:transcript: '301/P1-early.txt' - expected a transcript in English "
                              f"(transcripts/301/P1-early.txt: only {len(known) / len(words):.0%} of its "
                              f"{len(words):,} words of three letters or more (names aside) are English or Welsh words (not "
                              "words: ")
    assert problem.endswith("if these are random letters, name the interview's transcript)")  # round 28: the wording


def test_a_transcript_of_one_word_repeated_is_refused(study_dir):
    from .test_inputs_round5 import _problems

    (study_dir / "transcripts" / "301" / "P1-early.txt").write_text(_letters("repeated"), encoding="utf-8")
    assert _problems(study_dir) == [_GIBBERISH.format("one word, 'blah', is 100% of its 301 words: a word repeated")]


@pytest.mark.parametrize("text", [
    # Welsh throughout
    "I: Sut mae'r gwaith wedi newid ers yr adolygiad?\nR: Mae llawer wedi newid. Roedd gennym ni broblemau gyda'r "
    "drws ffrynt, ac roedd gormod o atgyfeiriadau yn mynd ymlaen i asesiad. Ar ôl yr adolygiad, fe wnaethon ni "
    "ailysgrifennu'r ddogfen trothwy. Nawr mae'r gweithwyr cymdeithasol yn teimlo'n well, ond mae recriwtio yn "
    "anodd o hyd.\nI: Beth am y teuluoedd?\nR: Mae'r teuluoedd yn cael gwell gwasanaeth, dw i'n credu.\n",
    # Scots dialect
    "I: How's it been?\nR: Och, it's been dreich, ken. The bairns werenae gettin seen quick enough, an the social "
    "workers were scunnered wi the caseloads. Aye, the review helped a wee bit but we're no oot the woods yet. Ah "
    "dinnae ken whit they'll dae next.\n",
    # a typo in every other word, and names
    "I: how has it gone\nR: teh reveiw was realy usefull, Siobhan and Oluwaseun changed teh threshhold documnet and "
    "the fornt door now sends less contacts on to asessment. Krzysztof says staff moral is beter, allthough "
    "recruitmnet is stil hard for Nkechi.\n",
], ids=["welsh", "scots", "typos_and_names"])
def test_guard_transcripts_in_welsh_dialect_and_with_typos_are_read(study_dir, text):
    from impact.study import load_study

    (study_dir / "transcripts" / "301" / "P1-early.txt").write_text(text, encoding="utf-8")
    assert load_study(study_dir).transcript("P1-early") == text


# --------------------------------------------------------------------------- 4. an --out no file can be made in


@pytest.mark.skipif(not __import__("os").path.isdir("/proc/self"), reason="needs Linux's /proc")
@pytest.mark.parametrize("out", ["/proc/x", "/proc/impact/out"])
def test_run_refuses_an_out_folder_in_proc_before_the_analysis(study_dir, out, monkeypatch, capsys):
    # On the old code `impact run STUDY --out /proc/x` validated and analysed the whole study (22 s for the example
    # study) and only then failed, on '/proc/.x.lock: no such file or folder': /proc's permissions let root write.
    import impact.cli._run as run_cli
    from impact.cli import main

    def analysed(*a, **k):
        raise AssertionError("the study was read before --out was checked")

    monkeypatch.setattr(run_cli, "load_study", analysed)
    monkeypatch.setenv("IMPACT_PSEUDONYM_KEY", "a key of sixteen characters or more")
    assert main(["run", str(study_dir), "--out", out]) == 2
    assert (f"{out}: cannot write in /proc (a file made there was refused: No such file or directory) - expected a "
            "folder you can write to; choose a new output folder") in capsys.readouterr().err


def test_guard_the_out_check_leaves_nothing_behind(tmp_path):
    # guard: the empty file made to check the place is removed at once, and the folder asked for is not made
    from impact._io import check_output_folder

    (tmp_path / "mine.txt").write_text("mine", encoding="utf-8")
    assert check_output_folder(tmp_path / "new" / "out") == tmp_path / "new" / "out"
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["mine.txt"]


# --------------------------------------------------------------------------- 5. agree without --study: a codebook


def _two_coders(tmp_path, second_code):
    ann, bob = tmp_path / "ann.csv", tmp_path / "bob.csv"
    ann.write_text("unit,code\nI1:1,morale\nI1:2,learning\n", encoding="utf-8")
    bob.write_text(f"unit,code\nI1:1,morale\nI1:2,{second_code}\n", encoding="utf-8")
    return ann, bob


def test_agree_without_study_checks_codes_against_the_default_codebook(tmp_path, capsys):
    # On the old code valid: 'moral' (a typo of 'morale') was a code of its own, with which ann disagreed, and the
    # output named no codebook.
    from impact.cli import main

    ann, bob = _two_coders(tmp_path, "moral")
    out = tmp_path / "agree.csv"
    assert main(["agree", str(ann), str(bob), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert ("1 code not in the default codebook 'nfer_impacts' (no --study or --codebook given: name yours with "
            f"--codebook FILE):\n  {bob}:3:code: 'moral' - expected one of the codebook's codes [") in err
    assert "(did you mean 'morale'?)" in err
    assert not out.exists()


def test_agree_without_study_takes_a_codebook_file_and_names_it(tmp_path, capsys):
    from impact.cli import main

    book = tmp_path / "mine.yaml"
    book.write_text('id: mine\nversion: "1"\ntitle: Mine\ncodes:\n  - id: morale\n    label: Morale\n'
                    "  - id: learning\n    label: Learning\n  - id: resilience\n    label: Resilience\n",
                    encoding="utf-8")
    ann, bob = _two_coders(tmp_path, "resilience")  # not a code of the default codebook: one of this one
    out = tmp_path / "agree.csv"
    assert main(["agree", str(ann), str(bob), "--codebook", str(book), "--out", str(out)]) == 0
    assert capsys.readouterr().out.strip().endswith(f"-> {out} (codes checked against the codebook 'mine' ({book}))")
    assert main(["agree", str(ann), str(bob), "--out", str(tmp_path / "b.csv")]) == 2  # the default: refused
    assert f"{bob}:3:code: 'resilience' - expected one of the codebook's codes" in capsys.readouterr().err


# --------------------------------------------------------------------------- new cases: transcripts in other formats

_VTT = ("WEBVTT\n\nNOTE exported by the meeting app\n\n1\n00:00:01.000 --> 00:00:04.000\n<v Interviewer>How has it "
        "gone?</v>\n\n2\n00:00:05.000 --> 00:00:09.000\n<v Respondent>We rewrote the <i>threshold</i> document.</v>\n\n"
        "3\n00:00:09.500 --> 00:00:12.000\n<v Respondent>Morale is better.</v>\n")
_SRT = ('1\n00:00:01,000 --> 00:00:04,000\n<font color="#ffff00">Interviewer:</font> How has it gone?\n\n2\n'
        "00:00:05,000 --> 00:00:09,000\nRespondent: We rewrote the threshold document.\nMorale is better.\n")


@pytest.mark.parametrize("text", [_VTT, _SRT], ids=["webvtt", "srt"])
def test_a_subtitle_file_transcript_is_read_as_turns(study_dir, text):
    # On the old code a WebVTT file (Teams, Zoom) was one respondent turn holding 'WEBVTT', the cue numbers, the
    # timings and the <v> tags; an .srt file's cue numbers and timings were read into the interviewer's turn.
    from impact.coding.segment import split_turns
    from impact.study import TranscriptNotesWarning, load_study, read_transcript

    path = study_dir / "transcripts" / "301" / "P1-early.txt"
    path.write_text(text, encoding="utf-8")
    if text.startswith("WEBVTT"):  # its NOTE block is told
        with pytest.warns(TranscriptNotesWarning, match="1 note not read"):
            read_transcript(path)
    read = load_study(study_dir).transcript("P1-early")
    turns = split_turns(read)
    assert list(turns["speaker"]) == ["interviewer", "respondent"]
    assert [" ".join(read[a:b].split()) for a, b in zip(turns["start"], turns["end"])] == [
        "How has it gone?", "We rewrote the threshold document. Morale is better."]


def test_a_json_transcript_is_refused(study_dir):
    # On the old code valid: a transcription service's JSON export was one respondent turn of keys and quotes.
    from .test_inputs_round5 import _problems

    (study_dir / "transcripts" / "301" / "P1-early.txt").write_text(
        '{"segments": [{"speaker": "SPEAKER_00", "text": "How has it gone?"}, {"speaker": "SPEAKER_01", '
        '"text": "We rewrote the threshold document."}]}', encoding="utf-8")
    assert _problems(study_dir) == [
        "interviews.csv:3:transcript: '301/P1-early.txt' - expected a transcript as text (transcripts/301/"
        "P1-early.txt is JSON data, such as a transcription service's export, whose keys, quotes and brackets would be "
        "read as the interview's words; export the transcript as text, a line 'Speaker: words' a turn)"]


@pytest.mark.parametrize(("head", "kind"), [
    ("<!DOCTYPE html>\n<html><body>", "a web page (HTML)"), ("  <HTML><body>", "a web page (HTML)"),
    ('<?xml version="1.0"?>\n<doc>', "an XML document (markup, such as a Word document saved as XML)")])
def test_a_web_page_saved_as_a_transcript_is_named_as_such(study_dir, head, kind):
    # On the old code 'only 40% of its characters are in words ... random characters or binary data' of a web
    # page (a transcript saved from a browser or an online editor): true, but not what to do about it.
    from .test_inputs_round5 import _problems

    (study_dir / "transcripts" / "301" / "P1-early.txt").write_text(
        head + "<p><b>Interviewer:</b> How has it gone?</p><p><b>Respondent:</b> We rewrote the threshold "
        "document and morale is better now.</p></body></html>", encoding="utf-8")
    (problem,) = _problems(study_dir)
    assert problem == (f"interviews.csv:3:transcript: '301/P1-early.txt' - expected a readable transcript (transcripts/"
                       f"301/P1-early.txt: {kind}, not text - expected a text file: save it as text (a table as \"CSV "
                       "UTF-8 (comma delimited)\", a transcript as \"Plain text\"), UTF-8)")


def test_bracketed_speaker_labels_without_a_colon_are_read():
    # On the old code '[Interviewer] How has it gone?' was no label (a colon was wanted): the whole interview was
    # one respondent turn, the interviewer's questions coded as answers.
    from impact.coding.segment import split_turns

    text = ("[Interviewer] How has it gone?\n[Respondent] We rewrote the threshold document.\n(I) And morale?\n"
            "(R) Better.\n")
    turns = split_turns(text)
    assert list(turns["speaker"]) == ["interviewer", "respondent"] * 2
    assert [text[a:b] for a, b in zip(turns["start"], turns["end"])] == [
        "How has it gone?", "We rewrote the threshold document.", "And morale?", "Better."]


def test_guard_bracketed_asides_in_a_labelled_transcript_stay_text():
    # guard: '[laughs]' at the start of a line of a 'Label:' transcript is the respondent's, not a label
    from impact.coding.segment import split_turns

    text = "I: How has it gone?\nR: Well.\n[laughs] We rewrote it.\n"
    turns = split_turns(text)
    assert list(turns["speaker"]) == ["interviewer", "respondent"]
    assert text[turns["start"][1]:turns["end"][1]] == "Well.\n[laughs] We rewrote it."


@pytest.mark.parametrize(("text", "shown"), [
    ("\n".join(" ".join(str(100 + 7 * i + j) for j in range(8)) for i in range(5)), "'100', '101', '102', ..."),
    (" ".join(["\U0001f600", "\U0001f44d\U0001f44d", "..."] * 10), "'\U0001f600', '\U0001f44d\U0001f44d', '...'"),
    ("\n".join(f"[00:{i:02d}:00]" for i in range(25)), "'[00:00:00]', '[00:01:00]', '[00:02:00]', ..."),
], ids=["numbers", "emoji", "timestamps"])
def test_a_transcript_of_numbers_or_symbols_alone_is_refused(study_dir, text, shown):
    # On the old code valid: every token 'read as words' (numbers, and symbols at a token's ends, are), so a table
    # of figures or a file of emoji was one respondent turn of an interview.
    from .test_inputs_round5 import _problems

    (study_dir / "transcripts" / "301" / "P1-early.txt").write_text(text, encoding="utf-8")
    n = len(text.split())
    assert _problems(study_dir) == [_GIBBERISH.format(f"only 0% of its {n} words hold a letter (not words: {shown}): "
                                                      "numbers, symbols or emoji alone")]


def test_docx_a_numbered_row_with_a_blank_speaker_goes_on_with_the_turn_before(tmp_path):
    # A turn running over two rows (the speaker cell left blank, or merged, on the second): its turn number is
    # layout, not the respondent's words (the first fix for fault 1 read '5 And it helped morale too.').
    from impact.study import read_transcript

    said = [("Interviewer", "How has it gone?"), ("Respondent", "Better than last year."),
            ("Interviewer", "Why is that?"), ("Respondent", "We rewrote the threshold document.")]
    body = "<w:tbl>" + "".join(_row(str(k), a, b) for k, (a, b) in enumerate(said, 1)) + _row(
        "5", "", "And it helped morale too.") + "</w:tbl>"
    _docx(tmp_path / "t.docx", body)
    assert read_transcript(tmp_path / "t.docx").splitlines()[-2:] == [
        "Respondent: We rewrote the threshold document.", "And it helped morale too."]


# --------------------------------------------------------------------------- new cases: the study path


def test_validate_of_a_folder_inside_a_study_names_the_study_folder(study_dir, capsys):
    # On the old code 'expected a study.yaml file in the study folder' and every table missing: the user who gave
    # the transcripts folder was not told which folder to give.
    from impact.cli import main

    assert main(["validate", str(study_dir / "transcripts" / "301")]) == 2
    assert (f"study.yaml: expected a study.yaml file in the study folder - {study_dir / 'transcripts' / '301'} is a "
            f"folder inside the study folder {study_dir}: give that folder itself") in capsys.readouterr().err


# --------------------------------------------------------------------------- new cases: line breaks of other kinds


@pytest.mark.parametrize("brk", ["\x0b", "\x0c", "\x85", "\u2028", "\u2029"],
                         ids=["vertical_tab", "form_feed", "next_line", "line_separator", "paragraph_separator"])
def test_turns_on_lines_ended_by_other_line_breaks_are_read(study_dir, brk):
    # On the old code the interview was one interviewer turn (the labels after a vertical tab, as Word writes a
    # manual line break into text, or a Unicode line separator, pasted from a web page, were not at a line's start),
    # and validate said only that no respondent spoke.
    from impact.coding.segment import split_turns
    from impact.study import load_study

    text = brk.join(["Interviewer: How has it gone?", "Respondent: We rewrote the threshold document.",
                     "Interviewer: Why?", "Respondent: The review."]) + "\n"
    (study_dir / "transcripts" / "301" / "P1-early.txt").write_text(text, encoding="utf-8")
    read = load_study(study_dir).transcript("P1-early")
    assert read == text.replace(brk, "\n")  # one character for one: offsets into the file hold
    turns = split_turns(read)
    assert list(turns["speaker"]) == ["interviewer", "respondent"] * 2
    assert read[turns["start"][3]:turns["end"][3]] == "The review."


def test_docx_embedded_documents_are_told_not_dropped(tmp_path):
    # On the old code the text of an embedded document (w:altChunk: an HTML or RTF part that Word merges on opening,
    # as programs making .docx files from web pages write) was not read, without a word.
    from impact.study import TranscriptNotesWarning, read_transcript

    body = _p("Interviewer: How has it gone?") + '<w:altChunk xmlns:r="http://schemas.openxmlformats.org/' \
        'officeDocument/2006/relationships" r:id="rId9"/>'
    _docx(tmp_path / "t.docx", body)
    with pytest.warns(TranscriptNotesWarning, match=r"^t\.docx: 1 embedded document \(altChunk"):
        assert read_transcript(tmp_path / "t.docx", label="t.docx") == "Interviewer: How has it gone?"


@pytest.mark.parametrize("text", [
    "Interviewer\tHow has it gone?\nRespondent\tWe rewrote the threshold document.\nI\tAnd morale?\nR\tBetter.\n",
    "[00:00:02] Interviewer\nHow has it gone?\n[00:00:05] Respondent\nWe rewrote the threshold document.\n"
    "[00:00:09] Interviewer\nAnd morale?\n[00:00:11] Respondent\nBetter.\n",
    "Interviewer > How has it gone?\nRespondent > We rewrote the threshold document.\nI > And morale?\nR > Better.\n",
], ids=["tab", "time_then_label_on_its_line", "angle_bracket"])
def test_speaker_labels_set_off_by_a_tab_or_after_a_time_are_read(text):
    # On the old code each was one respondent turn holding the questions: a table of turns copied into text
    # ('Interviewer<tab>...'), a meeting app's '[time] Speaker' line above each turn, 'Speaker > ...'.
    from impact.coding.segment import split_turns

    turns = split_turns(text)
    assert list(turns["speaker"]) == ["interviewer", "respondent"] * 2
    assert [text[a:b] for a, b in zip(turns["start"], turns["end"])] == [
        "How has it gone?", "We rewrote the threshold document.", "And morale?", "Better."]


# --------------------------------------------------------------------------- new cases: codebooks


@pytest.mark.parametrize(("written", "read"), [("yes", "true"), ("off", "false")])
def test_a_code_id_yaml_reads_as_a_truth_value_says_to_quote_it(written, read):
    # On the old code "codes[0].id: 'True' - expected a snake_case id": the user wrote 'yes', not 'True'.
    from impact.coding import Codebook
    from impact.errors import ValidationError

    text = f'id: mine\nversion: "1"\ntitle: Mine\ncodes:\n  - id: {written}\n    label: A code\n'
    with pytest.raises(ValidationError) as info:
        Codebook.from_yaml(text, source="mine.yaml")
    assert [str(p) for p in info.value.problems] == [
        f"mine.yaml:5:codes[0].id: '{read.title()}' - expected a snake_case id: text (YAML reads an unquoted yes, no, on, "
        f"off, true or false as {read}, not as the word: put the id in quotes, or choose another)"]


@pytest.mark.parametrize("target", ["loop", "missing"])
def test_an_out_folder_under_a_link_that_leads_nowhere_says_so(tmp_path, target):
    # On the old code 'a part of the path (.../a) is a file, not a folder' of a link in a loop or to a missing target.
    from impact._io import check_output_folder
    from impact.errors import OutputFolderError

    (tmp_path / "a").symlink_to(tmp_path / ("b" if target == "loop" else "gone"))
    if target == "loop":
        (tmp_path / "b").symlink_to(tmp_path / "a")
    with pytest.raises(OutputFolderError, match=r"a part of the path \(.*/a\) is a link that leads nowhere \(to a "
                                                r"missing target, or round in a loop\) - expected a folder"):
        check_output_folder(tmp_path / "a" / "out")


def test_agree_without_study_takes_the_codebook_the_coded_files_name(tmp_path, capsys):
    # `impact code --codebook attribution` writes a codebook column: without --study or --codebook, that codebook's
    # codes are checked (the first fix refused every code of such files as not in the default codebook).
    from impact.cli import main

    ann, bob = tmp_path / "ann.csv", tmp_path / "bob.csv"
    ann.write_text("unit,code,codebook\nI1:1,review,attribution\nI1:2,other_factor,attribution\n", encoding="utf-8")
    bob.write_text("unit,code,codebook\nI1:1,review,attribution\nI1:2,reviw,attribution\n", encoding="utf-8")
    assert main(["agree", str(ann), str(bob), "--out", str(tmp_path / "a.csv")]) == 2
    assert ("1 code not in the codebook 'attribution' (the files' codebook column names it; another with "
            f"--codebook FILE):\n  {bob}:3:code: 'reviw' - expected one of the codebook's codes [") in capsys.readouterr().err


def test_guard_docx_a_table_of_one_subjects_figures_by_year_is_read_whole(tmp_path):
    # guard: a year column is numbers, and one council named on every row is no conversation (the first fix for
    # fault 1 read these rows as turns of 'Barnet')
    from impact.study import read_transcript

    body = "<w:tbl>" + _row("2019", "Barnet", "12 referrals") + _row("2020", "Barnet", "14 referrals") + "</w:tbl>"
    _docx(tmp_path / "t.docx", body)
    assert read_transcript(tmp_path / "t.docx").splitlines() == ["2019 Barnet 12 referrals", "2020 Barnet 14 referrals"]


@pytest.mark.parametrize("kind", ["page", "column"])
def test_docx_a_page_or_column_break_inside_a_paragraph_ends_a_line(tmp_path, kind):
    # On the old code the break was read as nothing: 'Interviewer: How has it gone?Respondent: Better.', one
    # interviewer turn, the answer's label lost.
    from impact.coding.segment import split_turns
    from impact.study import read_transcript

    run = '<w:r><w:t xml:space="preserve">{}</w:t></w:r>'
    body = ("<w:p>" + run.format("Interviewer: How has it gone?") + f'<w:r><w:br w:type="{kind}"/></w:r>'
            + run.format("Respondent: Better.") + "</w:p>")
    _docx(tmp_path / "t.docx", body)
    text = read_transcript(tmp_path / "t.docx")
    assert text == "Interviewer: How has it gone?\nRespondent: Better."
    assert list(split_turns(text)["speaker"]) == ["interviewer", "respondent"]


def test_docx_two_turns_in_rows_of_three_cells_with_labels_ending_in_a_colon_keep_their_speakers(tmp_path):
    # Two rows, each speaker once: no label repeats, but the colons say the first column holds labels (the first
    # fix for fault 1 read these rows whole, the labels lost).
    from impact.study import read_transcript

    body = "<w:tbl>" + _row("1", "Interviewer:", "How has it gone?") + _row("2", "Respondent:", "Better.") + "</w:tbl>"
    _docx(tmp_path / "t.docx", body)
    assert read_transcript(tmp_path / "t.docx").splitlines() == ["Interviewer: How has it gone?", "Respondent: Better."]

"""Hostile inputs, round 59 (helper-inputs59): transcripts as people really export them.

1. A ``.vtt`` file (Teams and Zoom save a meeting's transcript as one) or a ``.srt`` was refused ("transcript must be
   a .txt or .docx file") though impact reads subtitles held in a ``.txt``: read, as WebVTT / SubRip, cue numbers,
   timings and tags left out; a ``.vtt`` or ``.srt`` that holds no subtitles is refused naming the file and line.
   Subtitles saved with Windows line ends (CRLF) were not seen as subtitles at all: read as text, timings and cue
   numbers coded.
2. Zoom's ``.vtt`` writes the speaker's label in every cue ('Bob Jones: We feel' then 'Bob Jones: valued by ...'):
   each cue was a turn, so a sentence the cues cut was coded as two.  Cues of one label are one turn.
3. Zoom's saved chat-style transcript heads each turn '[Ann Smith] 10:01:02': read as the label 'Ann Smith] 10' and
   its seconds ('02') as the turn's first word.
4. '[Inaudible 00:12:03]' at the start of a line was read as a speaker's label ('Inaudible 00'): the turn was cut
   there, '03]' coded, and an interviewer's question after it read as the respondent's speech.
5. NVivo's exported table of turns, 'Timespan | Content | Speaker' (a span of time on each row, the speakers after
   the text), was read as one run of text: the interviewer's questions coded as the respondent's.

The dialogues are built from seeded draws of names, questions and answers; the truth checked is the planted one (the
respondent's answers, and only them, coded; the questions not).  Tests named ``guard`` pass on main too: shapes
already read right (Otter's 'Speaker 1  0:03', Teams' .docx 'Name   0:03', a typist's 'I:'/'R:' with hard returns
mid-sentence, bold labels, a two-column Word table, Rev's 'Name (00:03):', a transcript with no respondent speech).
Each other test failed on main (checked by running this file against main's package).

6. Teams' .docx writes 'Ann Smith stopped transcription' after the last answer (and '... started transcription'
   before the first turn): read as part of the last answer, it was coded as the respondent's words.  Such a line is
   a turn of no speaker (``unknown``), not coded.
"""

from __future__ import annotations

import random
import warnings

import docx
import pytest

from impact.coding.segment import segment
from impact.errors import InputError
from impact.study import read_transcript

_NAMES = ["Ann Smith", "Bob Jones", "Priya Patel", "Tom Price", "Sarah Khan", "Owen Hughes", "Grace Lee", "Dev Shah"]
_QUESTIONS = ["How has the improvement plan gone?", "What changed for the social workers?", "And the caseloads?",
              "How did the partners respond?", "What would you do differently?"]
_ANSWERS = ["Morale is much better now.", "We feel valued by the leadership team.", "Caseloads came down after the "
            "new hires.", "The partnership board meets every month.", "Supervision is regular and reflective.",
            "We rewrote the threshold document together.", "Agency staff numbers fell by half."]


def _dialogue(seed: int) -> tuple[str, str, list[tuple[str, list[str]]]]:
    """(interviewer, respondent, [(question, [answer sentences])]) drawn with ``seed``."""
    rng = random.Random(seed)
    asker, answerer = rng.sample(_NAMES, 2)
    turns = [(q, rng.sample(_ANSWERS, rng.randint(1, 3))) for q in rng.sample(_QUESTIONS, 3)]
    return asker, answerer, turns


def _said(text: str, speaker: str = "respondent") -> list[str]:
    seg = segment({"X": text}, speakers="all")
    return [" ".join(t.split()) for t in seg.loc[seg["speaker"] == speaker, "text"]]


def _check(text: str, turns) -> None:
    """The respondent's segments are the planted answers, sentence by sentence, and the questions the interviewer's."""
    assert _said(text) == [a for _, answers in turns for a in answers]
    assert _said(text, "interviewer") == [q for q, _ in turns]


def _read(path) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing to tell about these files
        return read_transcript(path)


def _cues(asker, answerer, turns, *, voices: bool, srt: bool = False) -> str:
    """Subtitles of the dialogue, each answer sentence a cue of its own (its first words and the rest two cues
    where ``voices`` is False: Zoom's label written in each)."""
    sep = "," if srt else "."
    out, n = ([] if srt else ["WEBVTT", ""]), 0

    def cue(who, words):
        nonlocal n
        n += 1
        stamp = f"00:{n // 60:02d}:{n % 60:02d}{sep}000 --> 00:{n // 60:02d}:{n % 60:02d}{sep}900"
        body = f"<v {who}>{words}</v>" if voices else f"{who}: {words}"
        out.extend([f"{n}" if srt or n % 2 else f"6d1c-{n}/{n}-0", stamp, body, ""])

    for q, answers in turns:
        cue(asker, q)
        for a in answers:
            head, _, rest = a.partition(" is ") if not voices and " is " in a else (a, "", "")
            cue(answerer, head + " is" if rest else a)
            if rest:
                cue(answerer, rest)
    return "\n".join(out)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_teams_vtt_file_is_read_as_its_speakers_turns(seed, tmp_path):
    asker, answerer, turns = _dialogue(seed)
    f = tmp_path / "interview.vtt"
    f.write_text(_cues(asker, answerer, turns, voices=True), encoding="utf-8")
    text = _read(f)
    assert "-->" not in text and "WEBVTT" not in text and "6d1c" not in text and "<v" not in text
    _check(text, turns)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-8-sig"])
def test_subtitles_saved_on_windows_with_crlf_line_ends_are_read_as_subtitles(encoding, tmp_path):
    asker, answerer, turns = _dialogue(18)
    f = tmp_path / "interview.txt"  # a .txt holding subtitles, read as such on main too (with line feeds)
    f.write_bytes(_cues(asker, answerer, turns, voices=True).replace("\n", "\r\n").encode(encoding))
    text = _read(f)
    assert "-->" not in text and "WEBVTT" not in text
    _check(text, turns)


@pytest.mark.parametrize("seed", [3, 4])
def test_zoom_cues_with_the_label_written_again_are_one_turn_and_a_cut_sentence_one_sentence(seed, tmp_path):
    asker, answerer, turns = _dialogue(seed)
    # at least one answer is cut over two cues (_cues cuts those holding " is ")
    turns = [(q, answers + ["Morale is much better now."] * (i == 0 and "Morale is much better now." not in answers))
             for i, (q, answers) in enumerate(turns)]
    f = tmp_path / "zoom.txt"  # a .txt holding subtitles, read so on main too
    f.write_text(_cues(asker, answerer, turns, voices=False), encoding="utf-8")
    _check(_read(f), turns)


def test_a_srt_file_is_read_as_subtitles(tmp_path):
    asker, answerer, turns = _dialogue(5)
    f = tmp_path / "interview.srt"
    f.write_text(_cues(asker, answerer, turns, voices=False, srt=True), encoding="utf-8")
    text = _read(f)
    assert "-->" not in text and "\n1\n" not in f"\n{text}"
    _check(text, turns)


@pytest.mark.parametrize(("name", "why"), [("a.vtt", "expected 'WEBVTT' on the first line"),
                                           ("a.srt", "expected a cue number, then a line")])
def test_a_subtitle_file_holding_no_subtitles_is_refused_naming_file_and_line(name, why, tmp_path):
    f = tmp_path / name
    f.write_text("\n\nInterviewer: How has it gone?\nRespondent: Morale is up.\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_transcript(f, label=f"transcripts/{name}")
    assert str(info.value).startswith(f"transcripts/{name}:3: not a ")
    assert why in str(info.value) and "save a transcript of other text as .txt" in str(info.value)


def test_a_study_names_a_vtt_transcript(study_dir):
    from impact.study import load_study

    asker, answerer, turns = _dialogue(6)
    old = study_dir / "transcripts" / "301" / "P1-early.txt"
    old.unlink()
    (old.with_suffix(".vtt")).write_text(_cues(asker, answerer, turns, voices=True), encoding="utf-8")
    table = study_dir / "interviews.csv"
    table.write_text(table.read_text(encoding="utf-8").replace("301/P1-early.txt", "301/P1-early.vtt"),
                     encoding="utf-8")
    study = load_study(study_dir)
    _check(study.transcript("P1-early"), turns)


@pytest.mark.parametrize("seed", [7, 8])
def test_zoom_text_headed_by_a_bracketed_name_and_a_clock_time(seed):
    asker, answerer, turns = _dialogue(seed)
    rows = []
    for k, (q, answers) in enumerate(turns):
        rows += [f"[{asker}] 10:{k:02d}:0{seed}", q, "", f"[{answerer}] 10:{k:02d}:1{seed}", " ".join(answers), ""]
    _check("\n".join(rows), turns)


@pytest.mark.parametrize("mark", ["[Inaudible 00:12:03]", "[Crosstalk 01:02:59]", "(Inaudible 12:03)"])
def test_a_mark_with_its_time_at_a_line_start_is_no_speaker(mark):
    asker, answerer, turns = _dialogue(9)
    # typed by a typist: the mark starts a line in the interviewer's question and in an answer, where they fell
    text = ""
    for q, answers in turns:
        text += f"I: {q}\n{mark}\nR: {answers[0]}\n{mark} " + " ".join(answers[1:]) + "\n"
    said = _said(text)
    assert " ".join(said).replace(mark, "").split() == " ".join(a for _, x in turns for a in x).split()
    assert [s for s in _said(text, "interviewer") if s != mark] == [q for q, _ in turns]


def _table_docx(path, rows):
    doc = docx.Document()
    table = doc.add_table(rows=0, cols=len(rows[0]))
    for row in rows:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = value
    doc.save(path)


@pytest.mark.parametrize(("seed", "roles"), [(10, True), (11, False)])
def test_an_nvivo_table_of_timespan_content_and_speaker_is_read_in_order(seed, roles, tmp_path):
    asker, answerer, turns = _dialogue(seed)
    who = ("Interviewer", "Respondent") if roles else (asker, answerer)
    rows, t = [["Timespan", "Content", "Speaker"]], 0.0
    for q, answers in turns:
        for said, speaker in [(q, who[0]), (" ".join(answers), who[1])]:
            rows.append([f"0:{int(t):02d}.0 - 0:{int(t) + 4:02d}.5", said, speaker])
            t += 5
    f = tmp_path / "nvivo.docx"
    _table_docx(f, rows)
    text = _read(f)
    assert "Timespan" not in text
    _check(text, turns)


@pytest.mark.parametrize(("seed", "event"), [(16, "stopped transcription"), (17, "stopped recording")])
def test_a_teams_note_of_transcription_stopping_is_no_ones_answer(seed, event, tmp_path):
    asker, answerer, turns = _dialogue(seed)
    doc = docx.Document()
    for line in ["Interview", "Transcript", "6 December 2026, 10:00am", f"{asker} started transcription"]:
        doc.add_paragraph(line)
    for k, (q, answers) in enumerate(turns):
        for line in [f"{asker}   {k}:03", q, f"{answerer}   {k}:09", " ".join(answers)]:
            doc.add_paragraph(line)
    doc.add_paragraph(f"{asker} {event}")
    doc.save(tmp_path / "teams.docx")
    text = _read(tmp_path / "teams.docx")
    _check(text, turns)
    assert _said(text, "unknown")[-1] == f"{asker} {event}"


def test_guard_a_respondent_saying_who_started_recording_in_a_sentence_is_coded():
    said = "Morale is up. Then Ann Smith started recording the visits, which helped."
    assert _said(f"Interviewer: How did it go?\nRespondent: {said}\n") == [
        "Morale is up.", "Then Ann Smith started recording the visits, which helped."]


@pytest.mark.parametrize("name", ["P1-early.txt", "P1-early.vtt"])
def test_subtitles_whose_cues_hold_no_words_are_not_called_an_empty_file(name, study_dir):
    from impact.errors import ValidationError
    from impact.study import load_study

    folder = study_dir / "transcripts" / "301"
    (folder / "P1-early.txt").unlink()
    (folder / name).write_text("WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\n\n2\n00:00:05.000 --> 00:00:07.000\n",
                               encoding="utf-8")
    table = study_dir / "interviews.csv"
    table.write_text(table.read_text(encoding="utf-8").replace("301/P1-early.txt", f"301/{name}"), encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        load_study(study_dir)
    told = [str(p) for p in info.value.problems if name in str(p)]
    assert len(told) == 1 and "is a subtitle file whose cues hold no words" in told[0], told


# ---- guards: shapes read right on main too ------------------------------------------------------------------------

@pytest.mark.parametrize("seed", [12, 13])
def test_guard_otter_and_teams_headers_of_a_name_and_a_time(seed, tmp_path):
    asker, answerer, turns = _dialogue(seed)
    otter, teams = [], []
    for k, (q, answers) in enumerate(turns):
        otter += [f"Speaker 1  {k}:0{seed % 10}", q, "", f"Speaker 2  {k}:3{seed % 10}", " ".join(answers), ""]
        teams += [f"{asker}   {k}:0{seed % 10}", q, f"{answerer}   1:{k:02d}:3{seed % 10}", " ".join(answers)]
    _check("\n".join(otter), turns)
    doc = docx.Document()
    for line in teams:
        doc.add_paragraph(line)
    doc.save(tmp_path / "teams.docx")
    _check(_read(tmp_path / "teams.docx"), turns)


def test_guard_a_typists_hard_returns_mid_sentence_keep_the_sentence_whole():
    asker, answerer, turns = _dialogue(14)
    text = ""
    for q, answers in turns:
        words = " ".join(answers).split()
        cut = len(words) // 2  # a hard return mid-sentence, as a typist's fixed-width lines have it
        text += f"I: {q}\nR: " + " ".join(words[:cut]) + "\n" + " ".join(words[cut:]) + "\n"
    _check(text, turns)


@pytest.mark.parametrize("layout", ["bold", "table-roles", "table-names", "rev"])
def test_guard_a_typists_word_file(layout, tmp_path):
    asker, answerer, turns = _dialogue(15)
    doc = docx.Document()
    if layout == "bold":
        for q, answers in turns:
            for label, said in [("Interviewer:", q), ("Interviewee:", " ".join(answers))]:
                p = doc.add_paragraph()
                p.add_run(label).bold = True
                p.add_run(f" {said}")
    elif layout == "rev":
        for k, (q, answers) in enumerate(turns):
            for label, said in [(f"Interviewer (0{k}:03):", q), (f"{answerer} (0{k}:09):", " ".join(answers))]:
                doc.add_paragraph(label)
                doc.add_paragraph(said)
    else:
        who = ("I", "R") if layout == "table-roles" else (asker, answerer)
        table = doc.add_table(rows=0, cols=2)
        for q, answers in turns:
            for label, said in [(who[0], q), (who[1], " ".join(answers))]:
                row = table.add_row().cells
                row[0].text, row[1].text = label, said
    doc.save(tmp_path / "t.docx")
    _check(_read(tmp_path / "t.docx"), turns)


def test_guard_a_transcript_of_the_interviewers_words_alone_is_told_no_respondent_speech(study_dir):
    from impact.study import load_study

    f = study_dir / "transcripts" / "301" / "P1-early.txt"
    f.write_text("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Interviewer>How has it gone?</v>\n\n"
                 "00:00:03.000 --> 00:00:04.000\n<v Interviewer>Has morale improved?</v>\n", encoding="utf-8")
    told = [p for p in load_study(study_dir).validate() if p.value == "301/P1-early.txt"]
    assert [(p.severity, "respondent" in p.expected) for p in told] == [("warning", True)], told

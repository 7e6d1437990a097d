"""Hostile inputs, round 24 (helper-inputs24).

Each test is a hostile input the old code got wrong; what it did is said beside the test.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from impact.errors import ValidationError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# --------------------------------------------------------------------------- 1. .docx text inside inline elements


def _docx_transcript(study_dir, paragraph_xml: str):
    """The first transcript of the tiny study written as a .docx: an interviewer's line, then ``paragraph_xml``."""
    import docx
    from docx.oxml import parse_xml

    f = study_dir / "interviews.csv"
    f.write_text(f.read_text(encoding="utf-8").replace("301/P1-expectations.txt", "301/P1-expectations.docx"),
                 encoding="utf-8")
    d = docx.Document()
    d.add_paragraph("Interviewer: How has it gone?")
    body = d.element.body
    body.insert(len(body) - 1, parse_xml(f'<w:p xmlns:w="{W}">{paragraph_xml}</w:p>'))
    d.save(study_dir / "transcripts" / "301" / "P1-expectations.docx")
    (study_dir / "transcripts" / "301" / "P1-expectations.txt").unlink()


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def test_docx_text_in_tracked_insertions_content_controls_and_fields_is_read(study_dir):
    # On the old code the paragraph read 'Respondent: Morale ' alone: python-docx reads the runs of a paragraph and
    # of its hyperlinks only, so a transcriber's tracked insertion, an inline content control, a simple field and a
    # smart tag were dropped without a word, and the text deleted with tracking on rightly left out.
    from impact.study import load_study

    _docx_transcript(study_dir, _run("Respondent: Morale ")
                     + f'<w:ins w:id="1" w:author="t" w:date="2020-01-01T00:00:00Z">{_run("has not")}</w:ins>'
                     + '<w:del w:id="2" w:author="t" w:date="2020-01-01T00:00:00Z"><w:r><w:delText> never'
                     + "</w:delText></w:r></w:del>"
                     + f"<w:sdt><w:sdtContent>{_run(' improved.')}</w:sdtContent></w:sdt>"
                     + f'<w:fldSimple w:instr="QUOTE">{_run(" We rewrote")}</w:fldSimple>'
                     + f'<w:smartTag w:uri="u" w:element="e">{_run(" the threshold document.")}</w:smartTag>'
                     + f'<w:moveFrom w:id="3" w:author="t" w:date="2020-01-01T00:00:00Z">{_run(" moved away")}'
                     + "</w:moveFrom>")
    text = load_study(study_dir).transcripts()["P1-expectations"]
    assert text == ("Interviewer: How has it gone?\n"
                    "Respondent: Morale has not improved. We rewrote the threshold document.")


# --------------------------------------------------------------------------- 2. codes of --coded and --human files


@pytest.mark.parametrize("flag", ["--coded", "--human"])
def test_a_misspelt_code_in_a_coding_file_of_run_is_named_on_its_row_of_the_file(flag, study_dir, tmp_path, capsys):
    # On the old code `--coded` was refused naming 'supplied codings:3:code' (no file, and the row counted without the
    # rows dropped: an interview checked and found to hold nothing, a blank line), and `--human` ran to the end,
    # its 'moral' codings compared with no code of the machine's.
    from impact.cli import main

    given = tmp_path / "ann.csv"
    given.write_text("interview_id,start,end,code\n"
                     "P2-expectations,,,\n"
                     "\n"
                     "P1-expectations,69,93,morale\n"
                     "P1-early,62,86,moral\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(study_dir), "--out", str(out), flag, str(given), "--resamples", "99"]) == 2
    err = capsys.readouterr().err
    assert f"{flag} {given}: ann.csv: 1 problem found" in err
    assert "ann.csv:5:code: 'moral' - expected one of the codebook's codes [" in err and "(did you mean 'morale'?)" in err
    assert not out.exists()


def test_analyse_names_a_code_of_a_human_coding_given_as_a_frame(tiny_study):
    # On the old code a human coding given as a DataFrame was read without its codes checked: 'moral' was compared
    # with no code of the coder's.
    import pandas as pd

    from impact.pipeline import analyse

    human = pd.DataFrame({"interview_id": ["P1-expectations"], "start": [69], "end": [93], "code": ["moral"]})
    with pytest.raises(ValidationError, match=r"human coding:2:code: 'moral' - expected one of the codebook's codes"):
        analyse(tiny_study, human=human, n_resamples=99, parts=())


# --------------------------------------------------------------------------- 3. study.yaml


def test_a_format_version_yaml_reads_as_true_is_refused(study_dir):
    # On the old code `format_version: true` was read as version 1 (True == 1 in Python) and the study was valid.
    from .test_inputs_round5 import _problems, _replace

    _replace(study_dir / "study.yaml", "format_version: 1", "format_version: true")
    assert _problems(study_dir) == ["study.yaml:1:format_version: 'True' - expected 1 (the only study format version)"]


def test_survey_answers_where_study_yaml_defines_no_items_say_where_to_define_them(study_dir):
    # On the old code each item was 'expected one of []', which says neither what is wrong nor where to put it right.
    from .test_inputs_round5 import _problems, _replace

    _replace(study_dir / "study.yaml", "  items:\n    q_confident:\n      label: I feel confident\n      scale:\n"
                                       "      - 1\n      - 5\n", "  items: {}\n")
    assert _problems(study_dir) == [
        "survey_responses.csv:2:item: 'q_confident' - expected an item defined under survey.items in study.yaml (it "
        "defines none: give each item its label and scale, as docs/study-format.md shows) (the same on 1 more row: "
        "3)"]


def test_a_vocabulary_value_added_in_another_case_is_refused(study_dir):
    # On the old code `roles: {DCS: ...}` was added beside the role dcs: participants of one role, written either
    # way, were counted as two roles that look the same.
    from .test_inputs_round5 import _problems

    with open(study_dir / "study.yaml", "a", encoding="utf-8") as f:
        f.write("vocabularies:\n  roles: {DCS: Director, virtual_school_head: Virtual school head, Virtual_School_Head: "
                "VSH}\n  interview_modes: [Video]\n")
    assert _problems(study_dir) == [
        "study.yaml:12:vocabularies.roles: 'DCS' - expected a value the vocabulary does not hold: it holds 'dcs', which "
        "differs only in case or spacing (both would be counted apart); use 'dcs'",
        "study.yaml:12:vocabularies.roles: 'Virtual_School_Head' - expected a value the vocabulary does not hold: it holds "
        "'virtual_school_head', which differs only in case or spacing (both would be counted apart); use "
        "'virtual_school_head'",
        "study.yaml:13:vocabularies.interview_modes: 'Video' - expected a value the vocabulary does not hold: it holds "
        "'video', which differs only in case or spacing (both would be counted apart); use 'video'"]


# --------------------------------------------------------------------------- 4. transcripts


def test_a_line_mixing_utf8_with_other_bytes_says_so_without_contradicting_itself(study_dir):
    # On the old code: "mixes text encodings - line 2 is UTF-8 but line 2 is not (byte 0xe9 at byte 55)".
    from impact.study import load_study

    path = study_dir / "transcripts" / "301" / "P1-expectations.txt"
    path.write_bytes(b"Interviewer: How has it gone?\nRespondent: Caf\xc3\xa9 and caf\xe9 on one line.\n")
    with pytest.raises(ValidationError) as info:
        load_study(study_dir)
    (problem,) = [str(p) for p in info.value.problems]
    assert ("transcripts/301/P1-expectations.txt: mixes text encodings - line 2 holds UTF-8 text and a byte that is "
            "not (byte 0xe9 at byte 55) - expected one encoding") in problem


# --------------------------------------------------------------------------- 5. study tables


def test_an_interview_date_in_no_wave_says_what_the_windows_are(study_dir):
    # On the old code: "expected a date inside some wave's window, or a wave given", without the windows, which are
    # days from each council's review: nothing to check the date against.
    from .test_inputs_round5 import _problems, _replace

    _replace(study_dir / "interviews.csv", ",early,2011-09-20,", ",,2012-01-10,")
    assert _problems(study_dir) == [
        "interviews.csv:6:date: '2012-01-10' - expected a date inside some wave's window, or a wave given (council "
        "302's windows: expectations 2010-12-12 to 2011-06-13; early 2011-07-15 to 2011-12-16; longer_term 2012-03-16 "
        "to 2012-12-16)"]


def test_a_transcript_holding_another_interviews_text_word_for_word_is_told(study_dir, capsys):
    # On the old code valid without a word: a file copied under another name (here with its lines rewrapped), one
    # interview's statements coded and counted twice, as two participants'. Naming the same file twice is refused.
    from impact.cli import main

    first = (study_dir / "transcripts" / "301" / "P1-early.txt").read_text(encoding="utf-8")
    (study_dir / "transcripts" / "302" / "P2-early.txt").write_text(first.replace(". ", ".\n  "), encoding="utf-8")
    assert main(["validate", str(study_dir)]) == 0
    assert ("warning: interviews.csv:6:transcript: '302/P2-early.txt' - expected a transcript of its own "
            "(transcripts/302/P2-early.txt holds the text of transcripts/301/P1-early.txt, which row 3 names, word for "
            "word: a file copied under another name? Its statements are coded and counted twice, as two interviews'; "
            "name the interview's own transcript)") in capsys.readouterr().out


def test_a_suppression_symbol_in_a_number_column_says_where_it_goes(study_dir):
    # On the old code: "indicators.csv:2:value: 'c' - expected a number", the DfE letter for a suppressed value, as
    # DfE tables print it in the value column, with nothing said of the flag column that holds it.
    from .test_inputs_round5 import _problems

    (study_dir / "indicators.csv").write_text("council_id,period,measure,value,flag\n301,2012-03-31,referral_rate,c,\n"
                                              "302,2012-03-31,referral_rate,[x],\n880,2012-03-31,referral_rate,,c\n",
                                              encoding="utf-8")
    said = ("is a symbol published for a suppressed or unavailable value: leave the number blank and write the symbol "
            "in the row's flag column where the table has one, as indicators.csv does)")
    assert _problems(study_dir) == [f"indicators.csv:2:value: 'c' - expected a number (c {said}",
                                    f"indicators.csv:3:value: '[x]' - expected a number ([x] {said}"]


def test_a_transcript_without_full_stops_reads_only_the_cues_near_each_piece_of_evidence(monkeypatch):
    # On the old code each piece of evidence read every cue of its sentence: a respondent's turn of 200,000 words with
    # no full stop (speech recognised without punctuation) took about a minute to code (80,000 words 9 s, 160,000
    # 36 s), one of 800,000 (5 MB, a tenth of the size allowed) over ten minutes; now about 2 s for 200,000 words
    # (measured by hand; speed is a benchmark's business, so this test checks the work, not the time). Each piece
    # of evidence in such a sentence now reads a bounded window of its cues, whatever the sentence's length.
    import random

    from impact.coding import Codebook, RuleCoder, rules, segment

    read: list[int] = []
    near = rules._Sentence._near

    def counting(self, t0, t1):
        found = near(self, t0, t1)
        read.append(len(found[2]) + len(found[3]) + len(found[4]))
        return found

    monkeypatch.setattr(rules._Sentence, "_near", counting)
    rng = random.Random(24)
    words = "morale staff the review helped threshold document partners we rewrote improved not has plan".split()
    turn = " ".join(rng.choice(words) for _ in range(20_000))
    segments = segment(pd.Series({"P1-early": f"Interviewer: Hi\nRespondent: {turn}\n"}))
    coded = RuleCoder(Codebook.load("nfer_impacts")).code(segments)
    assert len(segments) == 1 and set(coded["code"]) >= {"morale", "policies_systems"}
    # thousands of cues in the sentence, a few dozen at most near any one piece of evidence
    assert len(read) > 100 and max(read) < 200


def test_guard_a_long_sentence_reads_each_piece_of_evidence_as_a_short_one_does(monkeypatch):
    # guard: the cues near the evidence, found by bisection in a long sentence, give what reading them all gives
    import random

    from impact.coding import rules

    rng = random.Random(7)
    labels = ["topic", "exp", "org", "prior", "exp_with", "national", "deficit", "stop", "comma", "sub", "predicate"]
    for _ in range(30):
        n = 3000
        frames = [(a, a + rng.randint(1, 4), rng.choice(labels)) for a in rng.sample(range(n), 400)]
        modals = [(a, a + rng.randint(1, 3), rng.choice(["modal", "purpose"])) for a in rng.sample(range(n), 150)]
        bounds = sorted(rng.sample(range(n), 200))
        sentence = rules._Sentence(0, bounds, [b + 1 for b in bounds], sorted(rng.sample(range(n), 150)),
                                   False, None, modals, frames)
        spans = [(t0, t0 + rng.randint(1, 5), rng.random() < 0.5) for t0 in rng.sample(range(n - 5), 300)]
        near = [sentence.read(*s)[:2] + sentence.read(*s)[3:] for s in spans]
        monkeypatch.setattr(rules, "_LONG_SENTENCE", 10**9)
        assert [sentence.read(*s)[:2] + sentence.read(*s)[3:] for s in spans] == near
        monkeypatch.setattr(rules, "_LONG_SENTENCE", 200)


def test_an_end_of_file_mark_after_the_last_row_is_no_row(study_dir):
    # On the old code the Ctrl-Z old DOS programs write at the end of a file was read as a row: five errors (an id
    # holding a control character, four empty columns) and a warning of a council without interviews.
    from impact.study import load_study

    path = study_dir / "councils.csv"
    path.write_bytes(path.read_bytes() + b"\x1a")
    assert list(load_study(study_dir).councils["council_id"]) == ["301", "302", "880"]


def test_export_qdpx_names_a_misspelt_code_on_its_row_of_a_file_of_two_coders(study_dir, coded_file, tmp_path, capsys):
    # On the old code: "coded['ann']:3:code: 'moral' - expected a code of codebook 'nfer_impacts'": the row counted
    # within the coder's own rows (the file's row 5), no file named, nothing said of the code meant.
    from impact.cli import main

    lines = coded_file.read_text(encoding="utf-8").splitlines()
    assert len(lines) >= 5
    rows = [lines[0] + ",coder"] + [line + (",ann" if i % 2 else ",bob") for i, line in enumerate(lines[1:5])]
    cells = rows[4].split(",")
    cells[1] = "moral"
    rows[4] = ",".join(cells)
    given = tmp_path / "two.csv"
    given.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert main(["export-qdpx", str(study_dir), str(tmp_path / "p.qdpx"), "--coded", str(given)]) == 2
    # (cli48: export-qdpx uses run --coded's shared checks, which list the codebook's codes rather than its name)
    err = capsys.readouterr().err
    assert re.search(r"two\.csv:5:code: 'moral' - expected one of the codebook's codes \[[^]]*'morale'[^]]*\] "
                     r"\(did you mean 'morale'\?\)", err), err
    assert not (tmp_path / "p.qdpx").exists()

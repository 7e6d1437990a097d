"""Hostile inputs, round 29 (helper-inputs29).

Each test is a hostile input the old code got wrong; what it did is said beside the test.  Tests named ``guard``
pin behaviour that held and must keep holding.
"""

from __future__ import annotations

import pytest

from .test_inputs_round28 import _read_docx

# --------------------------------------------------------------------------- 1. a first row that is a turn


def test_docx_a_first_row_that_is_a_turn_of_a_speaker_heard_once_is_read(tmp_path):
    # On the old code 'Chair | Welcome everyone' was taken for a header row (two short cells over turns) and its
    # text lost: the chair speaks once, so no label below repeats it.
    rows = [("Chair", "Welcome everyone"), ("Sarah Jones", "Thanks. It has gone well."), ("Tom Price", "I agree."),
            ("Sarah Jones", "Morale is up?"), ("Tom Price", "Yes.")]
    text, speakers = _read_docx(tmp_path, rows)
    assert text.splitlines() == [f"{a}: {b}" for a, b in rows]
    assert speakers == ["interviewer", "interviewer", "respondent", "interviewer", "respondent"]  # round 30: a chair


@pytest.mark.parametrize("head", [("Speaker", "Text"), ("Name", "What was said"), ("Who", "Said", "Notes")],
                         ids=["speaker_text", "name_what_was_said", "who_said_notes"])
def test_guard_docx_a_header_row_naming_the_speaker_column_is_still_not_read(tmp_path, head):
    rows = [("Sarah Jones", "How has it gone?"), ("Tom Price", "Better."), ("Sarah Jones", "Why?"),
            ("Tom Price", "The review.")]
    text, speakers = _read_docx(tmp_path, [head, *rows])
    assert text.splitlines() == [f"{a}: {b}" for a, b in rows]
    assert speakers == ["interviewer", "respondent"] * 2


# --------------------------------------------------------------------------- 2, 3. tab labels in .txt transcripts


def test_txt_tab_labels_beside_colon_labels_are_labels():
    # On the old code only the 'Interviewer:' labels were read: 'Tom Price<tab>...' was text of the interviewer's
    # turn, then split off as an unlabelled answer holding the name.
    from impact.coding.segment import split_turns

    text = ("Interviewer: How has it gone?\nTom Price\tWe rewrote the threshold document.\nInterviewer: And morale?\n"
            "Tom Price\tBetter.\n")
    turns = split_turns(text)
    assert list(turns["label"]) == ["Interviewer", "Tom Price"] * 2
    assert list(turns["speaker"]) == ["interviewer", "respondent"] * 2
    assert [text[a:b] for a, b in zip(turns["start"], turns["end"])] == [
        "How has it gone?", "We rewrote the threshold document.", "And morale?", "Better."]


@pytest.mark.parametrize("head", ["Speaker\tText", "Speaker name\tUtterance\tTime", "Who\tWhat"],
                         ids=["speaker_text", "three_columns", "who_what"])
def test_txt_a_header_line_over_tab_separated_turns_is_not_read_as_text(head):
    # On the old code 'Speaker<tab>Text' was an 'unknown' turn of text before the first label.
    from impact.coding.segment import split_turns

    text = f"{head}\nSarah Jones\tHow has it gone?\nTom Price\tWe rewrote it.\nSarah Jones\tAnd morale?\nTom Price\tBetter.\n"
    turns = split_turns(text)
    assert list(turns["label"]) == ["Sarah Jones", "Tom Price"] * 2
    assert [text[a:b] for a, b in zip(turns["start"], turns["end"])] == [
        "How has it gone?", "We rewrote it.", "And morale?", "Better."]


def test_guard_txt_a_first_line_that_names_no_column_is_text():
    # guard: a title line before the turns, tab or not, is kept as text before the first label
    from impact.coding.segment import split_turns

    text = "Barnet\tinterview 2\nSarah Jones\tHow has it gone?\nTom Price\tBetter.\nSarah Jones\tWhy?\nTom Price\tThe review.\n"
    turns = split_turns(text)
    assert turns["speaker"].iloc[0] == "unknown"
    assert text[turns["start"].iloc[0]:turns["end"].iloc[0]] == "Barnet\tinterview 2"


# --------------------------------------------------------------------------- 4. named speakers answering in figures


@pytest.mark.parametrize("rows", [
    [("Sarah Jones", "12"), ("Tom Price", "15"), ("Sarah Jones", "20"), ("Tom Price", "14")],
    [("Chair", "How many cases do you each hold?"), ("Sarah Jones", "12"), ("Tom Price", "15"),
     ("Chair", "And last year?"), ("Sarah Jones", "14"), ("Tom Price", "18")],
], ids=["names_and_figures", "chair_asks_named_staff_answer"])
def test_docx_named_speakers_answering_in_figures_keep_their_labels(tmp_path, rows):
    # On the old code read as a table of figures (more than half the rows hold a digit), every label lost: one
    # respondent turn 'Sarah Jones 12 Tom Price 15 ...'.
    text, speakers = _read_docx(tmp_path, rows)
    assert text.splitlines() == [f"{a}: {b}" for a, b in rows]
    assert len(speakers) == len(rows)


def test_guard_docx_a_table_of_figures_by_council_is_still_read_whole(tmp_path):
    rows = [("Barnet", "12 referrals"), ("Camden", "9 referrals"), ("Barnet", "14 referrals"), ("Camden", "11")]
    text, speakers = _read_docx(tmp_path, rows)
    assert text.splitlines() == [" ".join(r) for r in rows]
    assert speakers == ["respondent"]


# --------------------------------------------------------------------------- 5. abbreviations of a status


@pytest.mark.parametrize(("kind", "value", "meant"), [
    ("ofsted_judgement", "RI", "requires_improvement"), ("ofsted_judgement", "R.I.", "requires_improvement"),
    ("ofsted_judgement", "Req. improvement", "requires_improvement"),  # this one held (close by spelling)
    ("improvement_notice", "NtI", "notice_to_improve"),
], ids=["RI", "R.I.", "req_improvement", "NtI"])
def test_a_status_given_by_its_initials_is_told_the_value_meant(study_dir, kind, value, meant):
    # On the old code "'RI' - expected for kind ofsted_judgement, one of [...]" with no word of which.
    from impact import vocab

    from .test_inputs_round5 import _problems

    path = study_dir / "status_history.csv"
    old = "302,ofsted_judgement,adequate," if kind == "ofsted_judgement" else "improvement_notice,notice_to_improve,"
    new = f"302,ofsted_judgement,{value}," if kind == "ofsted_judgement" else f"improvement_notice,{value},"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    row = 3 if kind == "ofsted_judgement" else 5
    assert (f"status_history.csv:{row}:status: {value!r} - expected for kind {kind}, one of "
            f"{sorted(vocab.STATUSES[kind])} (did you mean {meant!r}?)") in _problems(study_dir)


def test_a_council_type_given_by_its_initials_is_told_the_value_meant(study_dir):
    # On the old code "'LB' - expected one of [...]" with no word of which
    from .test_inputs_round5 import _problems

    path = study_dir / "councils.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("E09000003,london_borough", "E09000003,LB", 1),
                    encoding="utf-8")
    assert any(p.startswith("councils.csv:3:council_type: 'LB' - expected") and p.endswith(
        "(did you mean 'london_borough'?)") for p in _problems(study_dir))


def test_guard_a_single_letter_is_no_abbreviation():
    from impact.schema import did_you_mean

    assert did_you_mean("R", ["requires_improvement", "good"]) == ""


# --------------------------------------------------------------------------- 6. short transcripts in another language


_SHORT_POLISH = "I: Jak się masz?\nR: Dobrze, dziękuję. Praca idzie lepiej.\n"


def test_a_short_transcript_in_another_language_is_told(study_dir, capsys):
    # On the old code valid without a word: under 20 words of three letters or more, no text was judged.
    from impact.cli import main

    (study_dir / "transcripts" / "301" / "P1-early.txt").write_text(_SHORT_POLISH, encoding="utf-8")
    assert main(["validate", str(study_dir)]) == 0  # told, not refused: five words are a small sample
    assert ("warning: interviews.csv:3:transcript: '301/P1-early.txt' - expected a transcript in English (transcripts/"
            "301/P1-early.txt: only 0% of its 5 words of three letters or more (names aside) are English or Welsh "
            "words (not words: 'się', 'masz', 'dziękuję', ...): impact's coder reads English, so little of it would be "
            "coded; if the interview was held in another language, give its English translation)"
            ) in capsys.readouterr().out


@pytest.mark.parametrize("text", ["I: Anything else?\nR: Yeah it has gone well, thanks.\n",
                                  "I: Who?\nR: MASH referrals went to CSC and the LADO.\n",
                                  "I: Who joined?\nR: Siobhan and Krzysztof joined from Haringey.\n",
                                  "I: Anything else?\nR: No.\n"],
                         ids=["short_answer", "acronyms", "names", "one_word"])
def test_guard_a_short_english_answer_passes_without_a_word(study_dir, capsys, text):
    from impact.cli import main

    (study_dir / "transcripts" / "301" / "P1-early.txt").write_text(text, encoding="utf-8")
    assert main(["validate", str(study_dir)]) == 0
    assert "301/P1-early.txt" not in capsys.readouterr().out


# --------------------------------------------------------------------------- new cases: councils named another way


@pytest.mark.parametrize(("value", "told"), [
    ("Barking and Dagenham", "it is the name of council 301 on councils.csv row 2: write its council_id"),
    ("E09000002", "it is the ONS code of council 301 on councils.csv row 2: write its council_id"),
    ("Camden", "impact's register knows 'Camden' as council 202, which councils.csv does not list: add its row, or "
               "write the council_id of a council listed"),
], ids=["name", "ons_code", "a_council_not_listed"])
def test_a_council_named_by_its_name_or_code_is_told_its_id(study_dir, value, told):
    # On the old code "'Barking and Dagenham' - expected a council_id listed in councils.csv": not that it is the
    # name of the council listed as 301.
    from .test_inputs_round5 import _problems

    path = study_dir / "interviews.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("P1-early,P1,301,", f"P1-early,P1,{value},", 1),
                    encoding="utf-8")
    assert (f"interviews.csv:3:council_id: {value!r} - expected a council_id listed in councils.csv ({told})"
            in _problems(study_dir))


def test_a_council_named_by_a_former_name_is_told_its_successor(study_dir):
    # On the old code "'Bournemouth' - expected a council_id listed in councils.csv": the study lists BCP (839),
    # which replaced Bournemouth (837) in April 2019 (impact/_data/boundary_changes.csv).
    from .test_inputs_round5 import _problems

    for name in ("councils.csv", "interviews.csv", "participants.csv", "reviews.csv", "status_history.csv"):
        path = study_dir / name
        text = path.read_text(encoding="utf-8").replace("880,Torbay,E06000027,unitary",
                                                        '839,"Bournemouth, Christchurch and Poole",E06000058,unitary')
        path.write_text(text.replace("880", "839"), encoding="utf-8")
    path = study_dir / "participants.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("P3,839,", "P3,Bournemouth,"), encoding="utf-8")
    assert ("participants.csv:4:council_id: 'Bournemouth' - expected a council_id listed in councils.csv (impact's "
            "register knows 'Bournemouth' as council 837, which councils.csv does not list; 839, listed, succeeded it "
            "on 2019-04-01 (impact.councils.boundary_changes): add its row, or write the council_id of a council "
            "listed)") in _problems(study_dir)


# --------------------------------------------------------------------------- new cases: dates outside a wave's window


@pytest.mark.parametrize(("date", "off", "where"), [
    ("2015-08-15", 1555, "no wave's window"), ("2012-05-01", 354, "the longer_term window: is the wave or the date wrong?")],
    ids=["in_no_window", "in_another_waves_window"])
def test_an_interview_outside_its_waves_window_says_where_it_falls(study_dir, date, off, where):
    # On the old code "expected a date in the early window (28 to 182 days from the review end; this is 354)": not
    # the window's dates, nor that the date falls in another wave's window.
    from .test_inputs_round5 import _problems

    path = study_dir / "interviews.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("early,2011-08-15", f"early,{date}", 1), encoding="utf-8")
    # council 301's review ends 2011-05-13: days 28 and 182 after it are 2011-06-10 and 2011-11-11
    assert _problems(study_dir) == [f"interviews.csv:3:date: {date!r} - expected a date in the early window (28 to 182 "
                                    "days from the review end, 2011-06-10 to 2011-11-11 for council 301; this is "
                                    f"{off}, in {where})"]


def _waves(study_dir, *after):
    """study.yaml given the default expectations wave, then waves ``(id, window_days)`` timed from the review end."""
    waves = "waves:\n- {id: expectations, anchor: review_start, window_days: [-183, 0]}\n" + "".join(
        f"- {{id: {wid}, anchor: review_end, window_days: {window}}}\n" for wid, window in after)
    path = study_dir / "study.yaml"
    path.write_text(path.read_text(encoding="utf-8") + waves, encoding="utf-8")


def test_two_wave_ids_differing_in_case_are_refused(study_dir):
    # On the old code waves 'early' and 'EARLY' were two waves: the interviews at longer_term (renamed EARLY) were
    # refused as at no wave, with no word of the wave given twice.
    from .test_inputs_round5 import _problems

    _waves(study_dir, ("early", [28, 182]), ("EARLY", [273, 548]))
    assert ("study.yaml:14:waves[2].id: 'EARLY' - expected each wave id once ('early' is given before it, the same but "
            "for case)") in _problems(study_dir)


# --------------------------------------------------------------------------- new case: one speaker's label in two cases


@pytest.mark.parametrize("text", [
    "SARAH JONES: How has it gone?\nTom Price: Better.\nSarah Jones: Why?\nTOM PRICE: The review.\n",
    "Sarah Jones: How has it gone?\nTom Price: Better.\nsarah jones: Why?\nTom  price: The review.\n",
    "Dr. Smith: How has it gone?\nMrs Jones: Better.\nDr Smith: Why?\nMrs. Jones: The review.\n",
    "Sarah-Jane O'Neil: How has it gone?\nTom Price: Better.\nSarah-Jane O\u2019Neil: Why?\nTom Price: The review.\n",
], ids=["capitals_and_mixed", "lower_case_and_spacing", "titles_with_and_without_a_stop", "curled_apostrophe"])
def test_a_speakers_name_written_in_two_cases_is_one_speaker(text):
    # On the old code each spelling was a name given once, so no name was a label: the whole interview was one
    # respondent turn, the questions coded as answers.
    from impact.coding.segment import split_turns

    turns = split_turns(text)
    assert list(turns["speaker"]) == ["interviewer", "respondent"] * 2
    assert [text[a:b] for a, b in zip(turns["start"], turns["end"])] == [
        "How has it gone?", "Better.", "Why?", "The review."]


# --------------------------------------------------------------------------- new case: published tables' markers


@pytest.mark.parametrize(("value", "number", "marker"), [("12[x]", "12", "[x]"), ("14 [note 3]", "14", "[note 3]"),
                                                         ("7 (p)", "7", "(p)"), ("9r", "9", "r")],
                         ids=["x", "note", "provisional", "revised"])
def test_an_indicator_with_a_tables_marker_says_to_write_the_number_alone(study_dir, value, number, marker):
    # On the old code "'12[x]' - expected a number", with no word of the marker copied from an ONS or DfE table.
    from .test_inputs_round5 import _problems

    (study_dir / "indicators.csv").write_text(f"council_id,period,measure,value,flag\n301,2012-03-31,cin_rate,{value},\n",
                                              encoding="utf-8")
    assert _problems(study_dir) == [
        f"indicators.csv:2:value: {value!r} - expected a number (the number {number} with the marker {marker!r}, as "
        f"published tables note a value: write the number alone, {number}; a marker saying why a value is missing "
        "([x], [c], [z]) goes in the flag column, the value left blank)"]


# --------------------------------------------------------------------------- new cases that held


@pytest.mark.parametrize(("file", "old", "new", "told"), [
    ("status_history.csv", "880,ofsted_judgement,inadequate,2010-09-01,,\n",
     "880,ofsted_judgement,inadequate,2010-09-01,,\n880,ofsted_judgement,good,2011-01-01,,\n",
     "status_history.csv:5:start_date: '2011-01-01' - expected a period not overlapping row 4 (ofsted_judgement of "
     "council 880 from 2010-09-01 still in force)"),
    ("interviews.csv", "P1-early,P1,301,", "P1-early,P1,302,",
     "interviews.csv:3:council_id: '302' - expected the council of participant P1 (301)"),
    ("councils.csv", "880,Torbay", "880,Torbay\n302 ,barnet",
     "councils.csv:5:council_id: 'council_id=302' - expected a unique council_id (already on row 3; the two differ "
     "only in a space at the end of '302 ' on this row: take it out)"),  # round 30: the space is said
    ("interviews.csv", "P1-early,P1,301,early", "p1-EXPECTATIONS,P1,301,early",
     "interviews.csv:3:interview_id: 'interview_id=p1-EXPECTATIONS' - expected a unique interview_id (already on row 2 "
     "as interview_id=P1-expectations, the same but for case or spacing)"),
    ("status_history.csv", "302,ofsted_judgement,adequate,2011-02-01", "302,ofsted_judgement,requires_improvement,2011-02-01",
     "status_history.csv:3:status: 'requires_improvement' - expected adequate: 'requires improvement' was only used for "
     "judgements from 4 November 2013"),
], ids=["status_periods_overlap", "participant_in_two_councils", "council_id_with_a_space", "interview_id_in_capitals",
        "ri_before_2013"])
def test_guard_cells_that_contradict_each_other_are_named(study_dir, file, old, new, told):
    from .test_inputs_round5 import _problems

    path = study_dir / file
    text = path.read_text(encoding="utf-8")
    if file == "councils.csv":
        new = "880,Torbay" + text.split("880,Torbay", 1)[1].split("\n", 1)[0] + "\n302 ,barnet,E09000003,london_borough,London"
        old = "880,Torbay" + text.split("880,Torbay", 1)[1].split("\n", 1)[0]
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    assert told in _problems(study_dir)


def test_guard_overlapping_wave_windows_are_refused(study_dir):
    from .test_inputs_round5 import _problems

    _waves(study_dir, ("early", [28, 300]), ("longer_term", [273, 548]))
    assert _problems(study_dir) == ["study.yaml:14:waves[2].window_days: 'longer_term' - expected a window not "
                                    "overlapping the early window (an interview would be in both)"]


@pytest.mark.parametrize(("endian", "said"), [("utf-16-le", "little"), ("utf-16-be", "big")])
def test_guard_a_utf16_transcript_without_a_bom_is_named(study_dir, endian, said):
    from .test_inputs_round5 import _problems

    path = study_dir / "transcripts" / "301" / "P1-early.txt"
    path.write_bytes(path.read_text(encoding="utf-8").encode(endian))
    (problem,) = _problems(study_dir)
    assert problem.startswith("interviews.csv:3:transcript: '301/P1-early.txt' - expected a readable transcript")
    assert problem.endswith(f"(it looks like UTF-16 text without a byte-order mark, {said}-endian: save it as "
                            "UTF-8))")


@pytest.mark.parametrize(("value", "told"), [
    ("..", "(.. is a symbol published for a suppressed or unavailable value: leave the number blank and write the "
           "symbol in the row's flag column where the table has one, as indicators.csv does)"),
    ("z", "(z is a symbol published for a suppressed or unavailable value: leave the number blank and write the "
          "symbol in the row's flag column where the table has one, as indicators.csv does)"),
    ("12%", "(a percentage sign: write the number alone, in the unit the column describes)")], ids=["dots", "z", "pct"])
def test_guard_an_indicators_symbol_is_named(study_dir, value, told):
    from .test_inputs_round5 import _problems

    (study_dir / "indicators.csv").write_text(f"council_id,period,measure,value,flag\n301,2012-03-31,cin_rate,{value},\n",
                                              encoding="utf-8")
    assert _problems(study_dir) == [f"indicators.csv:2:value: {value!r} - expected a number {told}"]


# --------------------------------------------------------------------------- new case: a byte-order mark given twice


@pytest.mark.parametrize("bom", [b"\xef\xbb\xbf", b"\xff\xfe"], ids=["utf8", "utf16"])
def test_a_transcript_with_its_byte_order_mark_given_twice_keeps_its_first_label(tmp_path, bom):
    # On the old code the second mark was the text's first character ('\ufeffInterviewer: ...'): the first label
    # was not read, and the interviewer's question was text of no speaker.
    from impact.coding.segment import split_turns
    from impact.study import read_transcript

    said = "Interviewer: How has it gone?\nRespondent: Better.\n"
    encoding = "utf-8" if bom.startswith(b"\xef") else "utf-16-le"
    path = tmp_path / "t.txt"
    path.write_bytes(bom + ("\ufeff" + said).encode(encoding))
    text = read_transcript(path)
    assert text == said
    assert list(split_turns(text)["speaker"]) == ["interviewer", "respondent"]


# --------------------------------------------------------------------------- new cases: status history and reviews


@pytest.mark.parametrize(("value", "start", "meant"), [
    ("2", "2010-06-01", "'good'"), ("Grade 1", "2010-06-01", "'outstanding'"), ("3", "2010-06-01", "'adequate'"),
    ("3", "2014-06-01", "'requires_improvement'")], ids=["2", "grade_1", "3_before_sif", "3_after_sif"])
def test_an_ofsted_grade_given_as_its_number_is_told_the_judgement(study_dir, value, start, meant):
    # On the old code "'2' - expected for kind ofsted_judgement, one of [...]": not that Ofsted's grade 2 is good
    # (grade 3 was 'adequate' before 4 November 2013, 'requires improvement' from it).
    from .test_inputs_round5 import _problems

    path = study_dir / "status_history.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("301,ofsted_judgement,good,2010-06-01",
                                                             f"301,ofsted_judgement,{value},{start}", 1),
                    encoding="utf-8")
    assert (f"status_history.csv:2:status: {value!r} - expected for kind ofsted_judgement, one of ['adequate', 'good', "
            f"'inadequate', 'outstanding', 'requires_improvement'] (Ofsted's grade {value[-1]} is {meant}: write the "
            "judgement's name)") in _problems(study_dir)


def test_a_councils_second_review_row_does_not_time_its_interviews(study_dir):
    # On the old code the second row, refused as a council's review given twice, timed the council's interviews too:
    # three more errors of interviews 'in no wave's window' that were in their windows by the first review.
    from .test_inputs_round5 import _problems

    path = study_dir / "reviews.csv"
    path.write_text(path.read_text(encoding="utf-8") + "301,2012-05-09,2012-05-13,outcomes;vision_strategy_leadership;"
                    "working_together_lscb;service_delivery_practice;managing_resources,team_leader,3\n",
                    encoding="utf-8")
    assert _problems(study_dir) == ["reviews.csv:5:council_id: 'council_id=301' - expected a unique council_id "
                                    "(already on row 2)"]


@pytest.mark.parametrize(("value", "how"), [("e09000002", "in capitals"), ("E09 000 002", "without spaces"),
                                           ("e09 000002", "in capitals, without spaces")],
                         ids=["lower_case", "spaced", "both"])
def test_an_ons_code_in_lower_case_or_spaced_is_told_how_to_write_it(study_dir, value, how):
    # On the old code "'e09000002' - expected an ONS code such as E09000002": not what was wrong with it.
    from .test_inputs_round5 import _problems

    path = study_dir / "councils.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("E09000002", value, 1), encoding="utf-8")
    assert _problems(study_dir) == [f"councils.csv:2:ons_code: {value!r} - expected an ONS code such as E09000002 "
                                    f"(write it {how}: E09000002)"]


# --------------------------------------------------------------------------- new case: a label with its role in brackets


@pytest.mark.parametrize(("text", "speakers"), [
    ("Sarah Jones (Interviewer): How has it gone?\nTom Price (DCS): Better.\nSarah Jones (Interviewer): Why?\n"
     "Tom Price (DCS): The review.\n", ["interviewer", "respondent"] * 2),
    # the role in brackets decides, not who asks: the respondent asks back here
    ("Tom Price (DCS): Has it?\nSarah Jones (Interviewer): It has gone well.\nTom Price (DCS): Why?\n"
     "Sarah Jones (Interviewer): The review.\n", ["respondent", "interviewer"] * 2),
    ("Interviewer (SJ): How has it gone?\nRespondent (TP): Better.\n", ["interviewer", "respondent"]),
], ids=["name_and_role", "role_decides", "role_and_initials"])
def test_a_label_with_a_description_in_brackets_is_a_label(text, speakers):
    # On the old code no label was read ('(' is no letter of a name): the interview was one respondent turn, the
    # questions coded as answers.
    from impact.coding.segment import split_turns

    turns = split_turns(text)
    assert list(turns["speaker"]) == speakers
    assert all(text[a - 2:a] == ": " for a in turns["start"])  # each turn starts after its label


def test_guard_words_in_brackets_before_a_colon_in_notes_are_no_label():
    from impact.coding.segment import split_turns

    assert list(split_turns("Note (see below): something\nThe plan (draft): is here\n")["label"]) == [""]


def test_guard_a_table_of_figures_pasted_into_an_answer_makes_no_speakers():
    # guard for fault 2's fix: tab-separated lines beside 'Label:' lines are labels only where they say something
    from impact.coding.segment import split_turns

    text = ("Interviewer: How many?\nRespondent: Here are the figures:\nBarnet\t12\nCamden\t9\nBarnet\t14\nCamden\t11\n"
            "Interviewer: Thanks.\nRespondent: Fine.\n")
    turns = split_turns(text)
    assert list(turns["label"]) == ["Interviewer", "Respondent"] * 2
    assert text[turns["start"][1]:turns["end"][1]] == "Here are the figures:\nBarnet\t12\nCamden\t9\nBarnet\t14\nCamden\t11"


def test_guard_txt_names_set_off_by_a_tab_answering_in_figures_are_labels():
    # guard: without 'Label:' lines, a name and a tab before a figure is still a label (an answer read out)
    from impact.coding.segment import split_turns

    text = "Sarah Jones\t12\nTom Price\t15\nSarah Jones\t20\nTom Price\t14\n"
    assert list(split_turns(text)["label"]) == ["Sarah Jones", "Tom Price"] * 2

"""Hostile inputs, round 28 (helper-inputs28).

Each test is a hostile input the old code got wrong; what it did is said beside the test.  Tests named ``guard``
pin behaviour that held and must keep holding.
"""

from __future__ import annotations

import pytest

from .test_study_inputs import _docx, _row

# --------------------------------------------------------------------------- 1. transcripts in other languages

_POLISH = ("I: Jak zmieniła się praca od czasu przeglądu?\nR: Dużo się zmieniło. Mieliśmy problemy z pierwszym "
           "kontaktem i zbyt wiele zgłoszeń trafiało do oceny. Po przeglądzie przepisaliśmy dokument progowy. Teraz "
           "pracownicy socjalni czują się lepiej, ale rekrutacja nadal jest trudna.\nI: A rodziny?\nR: Rodziny "
           "dostają lepszą pomoc, tak myślę. Kierownictwo bardzo nas wspierało przez cały rok.\n")
_GAELIC = ("I: Ciamar a tha an obair air atharrachadh bhon ath-sgrùdadh?\nR: Tha tòrr air atharrachadh. Bha "
           "duilgheadasan againn aig an doras aghaidh, agus bha cus iarrtasan a' dol air adhart gu measadh. Às dèidh an "
           "ath-sgrùdaidh, sgrìobh sinn an sgrìobhainn stairsnich a-rithist. A-nis tha an luchd-obrach sòisealta a' "
           "faireachdainn nas fheàrr, ach tha fastadh fhathast doirbh.\nI: Dè mu dheidhinn nan teaghlaichean?\nR: Tha "
           "seirbheis nas fheàrr aig na teaghlaichean, tha mi a' smaoineachadh.\n")
_URDU = ("I: Aap ka kaam kaisa chal raha hai?\nR: Bohat acha chal raha hai, shukriya. Pichle saal hamare paas bohat "
         "mushkilat thi, magar ab sab kuch behtar hai. Hamari team ne mil kar bohat mehnat ki aur ab log khush hain. "
         "Bachon ke liye naye tareeqe banaye gaye hain aur walidain bhi mutmaeen hain.\n")
# Urdu in Latin letters with the English terms of the work in it, as it is often spoken
_URDU_MIXED = ("I: Review ke baad kaam mein kya tabdeeli aayi hai?\nR: Bohat kuch badal gaya hai. Pehle front door "
               "par bohat masle thay, aur bohat se referrals assessment tak ja rahe thay. Review ke baad humne "
               "threshold document dobara likha. Ab social workers behtar mehsoos karte hain, lekin bharti abhi bhi "
               "mushkil hai.\nI: Aur khandaan?\nR: Khandaanon ko behtar madad mil rahi hai, mera khayal hai.\n")
_DIALECT = ("I: How's it been?\nR: Ee, it's bin reet hard, like. Them bairns weren't gettin seen quick enough, an' "
            "t'social workers were proper knackered wi' t'caseloads. Ah tell thee, t'review helped a bit but we're "
            "nowt near done yet. Dunno whit they'll dae next, ken, but ah reckon it'll be summat daft. Mebbe they'll "
            "gie us more staff, aye.\n")


def _share(text):
    # an independent count: words of three letters or more (accents taken off), and how many the English and Welsh
    # lists hold
    import unicodedata

    from .test_inputs_round27 import _letter_words

    plain = "".join(c for c in unicodedata.normalize("NFKD", text.replace("ł", "l")) if not unicodedata.combining(c))
    words, known = _letter_words(plain)
    return len(known) / len(words), len(words)


@pytest.mark.parametrize("text", [_POLISH, _GAELIC, _URDU], ids=["polish", "scots_gaelic", "urdu_in_latin_letters"])
def test_a_transcript_in_another_language_is_refused_saying_what_was_measured(study_dir, text):
    # On the old code refused as 'random letters or keyboard strokes': untrue of Polish, and no word of what to do.
    from .test_inputs_round5 import _problems

    (study_dir / "transcripts" / "301" / "P1-early.txt").write_text(text, encoding="utf-8")
    share, n = _share(text)
    assert share < 0.1
    (problem,) = _problems(study_dir)
    assert problem.startswith("interviews.csv:3:transcript: '301/P1-early.txt' - expected a transcript in English "
                              f"(transcripts/301/P1-early.txt: only {share:.0%} of its {n} words of three letters or "
                              "more (names aside) are English or Welsh words (not words: ")
    assert problem.endswith("): impact's coder reads English, so nothing in it would be coded; if the interview was "
                            "held in another language, give its English translation; if these are random letters, "
                            "name the interview's transcript)")
    assert "random letters or keyboard strokes" not in problem


_RUSSIAN = ("I: Как изменилась работа после проверки?\nR: Многое изменилось. У нас были проблемы на входе, и слишком "
            "много обращений шло на оценку. После проверки мы переписали пороговый документ. Теперь социальные "
            "работники чувствуют себя лучше, но набор персонала всё ещё трудный.\n")
_URDU_SCRIPT = ("I: جائزے کے بعد کام میں کیا تبدیلی آئی ہے؟\nR: بہت کچھ بدل گیا ہے۔ پہلے بہت مسائل تھے، اور بہت سے "
                "حوالہ جات تشخیص تک جا رہے تھے۔ جائزے کے بعد ہم نے دستاویز دوبارہ لکھی۔ اب سماجی کارکن بہتر محسوس "
                "کرتے ہیں، لیکن بھرتی ابھی بھی مشکل ہے۔\n")


@pytest.mark.parametrize("text", [_RUSSIAN, _URDU_SCRIPT], ids=["russian", "urdu_in_its_script"])
def test_a_transcript_in_another_script_is_refused_as_one_in_another_language(study_dir, text):
    # On the old code valid without a word (only words in Latin letters were judged): nothing in it was coded.
    import re

    from .test_inputs_round5 import _problems

    (study_dir / "transcripts" / "301" / "P1-early.txt").write_text(text, encoding="utf-8")
    words = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) >= 3]  # none of them English: all not words
    names = [w for w in words if w[0].isupper() and w[1:] == w[1:].lower()]  # capitalised: names, left aside
    words = [w for w in words if w not in names] if 2 * len(names) < len(words) else words
    (problem,) = _problems(study_dir)
    assert problem.startswith("interviews.csv:3:transcript: '301/P1-early.txt' - expected a transcript in English "
                              f"(transcripts/301/P1-early.txt: only 0% of its {len(words)} words of three letters or "
                              f"more (names aside) are English or Welsh words (not words: {words[0]!r}, {words[1]!r}, {words[2]!r}, "
                              "...): impact's coder reads English, so nothing in it would be coded;")


def test_a_transcript_mostly_in_another_language_is_told(study_dir, capsys):
    # On the old code valid without a word: Urdu with English terms (21% English words) was coded as if English,
    # its Urdu words coding nothing.
    from impact.cli import main

    (study_dir / "transcripts" / "301" / "P1-early.txt").write_text(_URDU_MIXED, encoding="utf-8")
    share, n = _share(_URDU_MIXED)
    assert 0.1 <= share < 0.5
    assert main(["validate", str(study_dir)]) == 0
    assert ("warning: interviews.csv:3:transcript: '301/P1-early.txt' - expected a transcript in English (transcripts/"
            f"301/P1-early.txt: only {share:.0%} of its {n} words of three letters or more (names aside) are English or "
            "Welsh words (not words: 'baad', 'kaam', 'mein', ...): impact's coder reads English, so little of it would be coded; "
            "if the interview was held in another language, give its English translation)") in capsys.readouterr().out


def test_guard_english_in_heavy_dialect_passes_without_a_word(study_dir, capsys):
    from impact.cli import main

    (study_dir / "transcripts" / "301" / "P1-early.txt").write_text(_DIALECT, encoding="utf-8")
    assert _share(_DIALECT)[0] >= 0.5
    assert main(["validate", str(study_dir)]) == 0
    assert "301/P1-early.txt" not in capsys.readouterr().out


def test_guard_an_answer_dense_with_names_is_not_told_as_another_language(study_dir, capsys):
    # guard: 11 of its 33 words of three letters or more are names in no list; counted, they would make it 67%
    # English words, and an answer denser with names would fall under the 50% at which a transcript is told
    from impact.cli import main

    text = ("I: Who joined the team after the review?\nR: Siobhan, Oluwaseun and Krzysztof from Southwark; Nkechi, "
            "Aoife and Tadhg from Haringey; Chidi and Deepika from Lewisham. They all came over in the spring and "
            "settled in quickly.\n")
    (study_dir / "transcripts" / "301" / "P1-early.txt").write_text(text, encoding="utf-8")
    assert main(["validate", str(study_dir)]) == 0
    assert "301/P1-early.txt" not in capsys.readouterr().out


# --------------------------------------------------------------------------- 2. .docx turns tables: two rows, a header


def _read_docx(tmp_path, rows):
    from impact.coding.segment import split_turns
    from impact.study import read_transcript

    _docx(tmp_path / "t.docx", "<w:tbl>" + "".join(_row(*r) for r in rows) + "</w:tbl>")
    text = read_transcript(tmp_path / "t.docx")
    return text, list(split_turns(text)["speaker"])


def test_docx_two_turns_in_rows_of_three_cells_without_colons_keep_their_speakers(tmp_path):
    # On the old code 'Interviewer How has it gone? first question': no label repeats, so the rows were read whole and
    # the interview was one respondent turn holding the question.
    text, speakers = _read_docx(tmp_path, [("Interviewer", "How has it gone?", "first question"),
                                           ("Respondent", "Better than last year.", "laughs")])
    assert text.splitlines() == ["Interviewer: How has it gone? first question",
                                 "Respondent: Better than last year. laughs"]
    assert speakers == ["interviewer", "respondent"]


_SAID = [("Interviewer", "How has it gone?"), ("Respondent", "Better than last year."), ("Interviewer", "Why?"),
         ("Respondent", "The review.")]


@pytest.mark.parametrize("layout", ["speaker_text", "speaker_text_time", "number_speaker_text"])
def test_docx_a_turns_tables_header_row_is_not_read_as_text(tmp_path, layout):
    # On the old code the header row was read as an unlabelled turn ('Speaker Text Time'), or as a turn of a speaker
    # 'Speaker' ('Speaker: Text'), or made the table no table of turns at all ('# Speaker Text', every label lost).
    head, rows = {
        "speaker_text": (("Speaker", "Text"), [(a, b) for a, b in _SAID]),
        "speaker_text_time": (("Speaker", "Text", "Time"), [(a, b, f"00:00:{k:02d}") for k, (a, b) in enumerate(_SAID)]),
        "number_speaker_text": (("#", "Speaker", "Text"), [(str(k), a, b) for k, (a, b) in enumerate(_SAID, 1)]),
    }[layout]
    text, speakers = _read_docx(tmp_path, [head, *rows])
    assert [line.split(": ", 1)[1] for line in text.splitlines()] == [b for _, b in _SAID]
    assert speakers == ["interviewer", "respondent"] * 2


def test_guard_docx_a_first_row_that_is_a_turn_is_read(tmp_path):
    # guard: a short first turn ('Interviewer | Hello there') is no header: its label speaks again below
    text, speakers = _read_docx(tmp_path, [("Interviewer", "Hello there"), *_SAID])
    assert text.splitlines()[0] == "Interviewer: Hello there"
    assert speakers == ["interviewer", "interviewer", "respondent", "interviewer", "respondent"]


# --------------------------------------------------------------------------- 3. a name, a tab, the turn


def test_txt_names_set_off_from_the_turn_by_a_tab_are_labels():
    # On the old code one respondent turn holding every name and question: only known roles ('R<tab>') were read.
    from impact.coding.segment import split_turns

    text = ("Sarah Jones\tHow has it gone since the review?\nTom Price\tWe rewrote the threshold document.\n"
            "Sarah Jones\tAnd morale?\nTom Price\tBetter.\n")
    turns = split_turns(text)
    assert list(turns["label"]) == ["Sarah Jones", "Tom Price"] * 2
    assert list(turns["speaker"]) == ["interviewer", "respondent"] * 2  # she asks the questions
    assert [text[a:b] for a, b in zip(turns["start"], turns["end"])] == [
        "How has it gone since the review?", "We rewrote the threshold document.", "And morale?", "Better."]


def test_guard_a_tab_inside_notes_makes_no_speaker():
    # guard: a tab after words that are no name given twice is text
    from impact.coding.segment import split_turns

    assert list(split_turns("Some notes\there\nThe plan\tis good\n")["label"]) == [""]


# --------------------------------------------------------------------------- 4. tables of figures, councils alternating


@pytest.mark.parametrize("rows", [
    [("2019", "Barnet", "12 referrals"), ("2019", "Camden", "9 referrals"), ("2020", "Barnet", "14 referrals"),
     ("2020", "Camden", "11 referrals")],
    [("Barnet", "12 referrals in 2019"), ("Camden", "9 referrals in 2019"), ("Barnet", "14 referrals in 2020"),
     ("Camden", "11 referrals in 2020")],
], ids=["year_council_figure", "council_figure"])
def test_docx_a_table_of_figures_with_two_councils_alternating_is_read_whole(tmp_path, rows):
    # On the old code turns of 'Barnet' (the interviewer) and 'Camden' (the respondent), and in three columns the
    # years dropped as turn numbers.
    text, speakers = _read_docx(tmp_path, rows)
    assert text.splitlines() == [" ".join(r) for r in rows]
    assert speakers == ["respondent"]


def test_guard_docx_named_speakers_with_some_figures_are_turns(tmp_path):
    # guard: people's names as labels, and speech that mentions a number now and then, are turns
    rows = [("Sarah Jones", "How many contacts came in?"), ("Tom Price", "About 40 a week."),
            ("Sarah Jones", "And now?"), ("Tom Price", "Fewer, since the review.")]
    text, speakers = _read_docx(tmp_path, rows)
    assert speakers == ["interviewer", "respondent"] * 2


# --------------------------------------------------------------------------- 5. agree with files of no rows


def test_agree_with_two_files_of_a_header_alone_is_refused(tmp_path, capsys):
    # On the old code 'impact agree: 0 coders, 0 units, 0 rows' and a table of no rows written.
    from impact.cli import main

    ann, bob, out = tmp_path / "ann.csv", tmp_path / "bob.csv", tmp_path / "agree.csv"
    ann.write_text("unit,code\n", encoding="utf-8")
    bob.write_text("unit,code\n", encoding="utf-8")
    assert main(["agree", str(ann), str(bob), "--out", str(out)]) == 2
    assert (f"{ann}, {bob}: no rows in any file (each holds a header row alone) - expected the coded rows of two or "
            "more coders to compare") in capsys.readouterr().err
    assert not out.exists()


# --------------------------------------------------------------------------- new cases that held


@pytest.mark.parametrize(("file", "old", "new", "told"), [
    ("status_history.csv", ",adequate,", ",Requires improvement,",
     # newuser6: the same words as the id are said to be, not guessed at ("did you mean" before)
     "status_history.csv:3:status: 'Requires improvement' - expected for kind ofsted_judgement, the id "
     "'requires_improvement' as impact writes it (one of ['adequate', 'good', 'inadequate', 'outstanding', "
     "'requires_improvement']): 'Requires improvement' is the same words in another case, spacing or punctuation, "
     "and impact reads its ids as written (replace it in every row of the column)"),
    ("interviews.csv", "2011-08-15", "40770",
     "interviews.csv:3:date: '40770' - expected a date as YYYY-MM-DD (it looks like an Excel date serial number: "
     "40770 is 2011-08-15; format the column as a date, YYYY-MM-DD, before saving)"),
    ("survey_responses.csv", "q_confident,2", "q_confident,6",
     "survey_responses.csv:2:value: '6' - expected a whole number from 1 to 5 (the scale of q_confident)"),
    ("interviews.csv", "P1-early,P1,301,", "P1-early,P1,301.0,",
     "interviews.csv:3:council_id: '301.0' - expected a council_id listed in councils.csv (did you mean '301'?)"),
], ids=["status_in_words", "excel_serial_date", "likert_out_of_range", "id_as_float"])
def test_guard_cells_written_another_way_are_named(study_dir, file, old, new, told):
    from .test_inputs_round5 import _problems

    path = study_dir / file
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    assert told in _problems(study_dir)


@pytest.mark.parametrize(("extra", "at", "told"), [  # at: the line told (study.yaml's own 10 lines, then these)
    ("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b]\n",
     ":12", "YAML aliases (*name) are not allowed - write the value out in full"),
    ("x: " + "[" * 5000 + "]" * 5000 + "\n", "", "YAML nested too deeply to read"),
    ("x: !!python/object/apply:os.system [echo]\n", ":11", "could not determine a constructor for the tag"),
], ids=["alias_bomb", "deep_nesting", "python_tag"])
def test_guard_a_hostile_study_yaml_is_refused_unread(study_dir, extra, at, told):
    from .test_inputs_round5 import _problems

    path = study_dir / "study.yaml"
    path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")
    (problem,) = _problems(study_dir)
    assert problem.startswith(f"study.yaml{at}: expected a readable study.yaml (") and told in problem


def test_guard_a_csv_of_one_huge_line_is_refused(study_dir):
    from .test_inputs_round5 import _problems

    (study_dir / "councils.csv").write_text("council_id,name," + ",".join(f"c{i}" for i in range(400_000)),
                                            encoding="utf-8")
    assert "councils.csv: expected a readable CSV file (400,002 columns - expected at most 16,384, as a spreadsheet " \
           "holds)" in _problems(study_dir)


# --------------------------------------------------------------------------- new case: Likert answers as words


@pytest.mark.parametrize(("value", "hint"), [
    ("Strongly agree", "; an answer written as words: write the number of its point on the scale"),
    ("2.5", ""), ("4/5", "")], ids=["label", "half_point", "fraction"])
def test_a_survey_answer_that_is_no_whole_number_is_told_with_its_scale(study_dir, value, hint):
    # On the old code "'Strongly agree' - expected a whole number": not which numbers, nor that the survey tool
    # exported its answers' labels, where the scale's numbers were wanted.
    from .test_inputs_round5 import _problems

    path = study_dir / "survey_responses.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("q_confident,2", f"q_confident,{value}", 1),
                    encoding="utf-8")
    assert _problems(study_dir) == [f"survey_responses.csv:2:value: {value!r} - expected a whole number from 1 to 5 "
                                    f"(the scale of q_confident{hint})"]


# --------------------------------------------------------------------------- new case: study.yaml text YAML reads as a value


@pytest.mark.parametrize(("old", "new", "key", "told"), [
    ("name: Tiny study", "name: yes", "2:name",
     "'True' - expected a study name (text) (YAML reads yes, no, on, off, true and false, unquoted, as true or false: "
     "put the name in quotes, as in name: 'no')"),
    ("name: Tiny study", "name: 2024", "2:name",
     "'2024' - expected a study name (text) (YAML reads 2024, unquoted, as a number: put the name in quotes, as in "
     "name: '2024')"),
    ("label: I feel confident", "label: 2012-03-31", "7:survey.items.q_confident.label",
     "'2012-03-31' - expected text (YAML reads it, unquoted, as a date: put the label in quotes)"),
], ids=["name_yes", "name_a_year", "label_a_date"])
def test_a_study_yaml_text_that_yaml_reads_as_a_value_says_to_quote_it(study_dir, old, new, key, told):
    # On the old code "study.yaml:name: 'True' - expected a study name (text)": the user wrote 'yes', not 'True'.
    from .test_inputs_round5 import _problems

    path = study_dir / "study.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    assert _problems(study_dir) == [f"study.yaml:{key}: {told}"]


# --------------------------------------------------------------------------- new cases: agree's coded files


def test_agree_refuses_a_coder_column_with_blank_names(tmp_path, capsys):
    # On the old code '2 coders': the rows without a coder's name were a coder named '', compared with ann.
    from impact.cli import main

    ann, bob, out = tmp_path / "ann.csv", tmp_path / "two.csv", tmp_path / "agree.csv"
    ann.write_text("unit,code\nI1:1,morale\nI1:2,learning\n", encoding="utf-8")
    bob.write_text("unit,code,coder\nI1:1,morale,bob\nI1:2,learning,\nI1:3,morale,\n", encoding="utf-8")
    assert main(["agree", str(ann), str(bob), "--out", str(out)]) == 2
    assert f"{bob}:3:coder: '' - expected a coder's name on every row (2 rows have none)" in capsys.readouterr().err
    assert not out.exists()


def test_agree_tells_a_coders_file_that_is_a_copy_of_another(tmp_path, capsys):
    # On the old code agreement 1 without a word: bob.csv was ann.csv copied under another name.
    from impact.cli import main

    ann, bob = tmp_path / "ann.csv", tmp_path / "bob.csv"
    ann.write_text("unit,code\nI1:1,morale\nI1:2,learning\nI1:3,morale\n", encoding="utf-8")
    bob.write_text("unit,code\nI1:2,learning\nI1:1,morale\nI1:3,morale\n", encoding="utf-8")  # its rows reordered
    assert main(["agree", str(ann), str(bob), "--out", str(tmp_path / "agree.csv")]) == 0
    assert (f"impact agree: warning: {bob}: holds the rows of {ann}, row for row (its coder's aside): a file copied "
            "under another name?") in capsys.readouterr().err


def test_guard_agree_says_nothing_of_coders_who_differ(tmp_path, capsys):
    from impact.cli import main

    ann, bob = tmp_path / "ann.csv", tmp_path / "bob.csv"
    ann.write_text("unit,code\nI1:1,morale\nI1:2,learning\n", encoding="utf-8")
    bob.write_text("unit,code\nI1:1,morale\nI1:2,morale\n", encoding="utf-8")
    assert main(["agree", str(ann), str(bob), "--out", str(tmp_path / "agree.csv")]) == 0
    assert "warning" not in capsys.readouterr().err


def test_guard_docx_a_turn_number_given_again_on_a_turns_second_row_is_layout(tmp_path):
    # guard: the years rule (a column of numbers given twice is data) leaves turn numbers repeated on a turn's second
    # row, its speaker cell blank, as turn numbers (the first fix read this table whole)
    said = [(str(k), a, b) for k, (a, b) in enumerate(_SAID, 1)]
    text, speakers = _read_docx(tmp_path, [*said, ("4", "", "And it helped morale too.")])
    assert text.splitlines()[-2:] == ["Respondent: The review.", "And it helped morale too."]
    assert speakers == ["interviewer", "respondent"] * 2


def test_agree_names_the_file_and_row_of_a_value_given_twice_in_long_data(tmp_path, capsys):
    # On the old code "data:6:unit, coder: 'u1, bob' - expected one value per unit and coder": no file named, and
    # row 6 of the rows of both files run together, not row 4 of bob.csv.
    from impact.cli import main

    ann, bob = tmp_path / "ann.csv", tmp_path / "bob.csv"
    ann.write_text("unit,coder,value\nu1,ann,1\nu2,ann,1\n", encoding="utf-8")
    bob.write_text("unit,coder,value\nu1,bob,1\nu2,bob,1\nu1,bob,2\n", encoding="utf-8")
    assert main(["agree", str(ann), str(bob), "--out", str(tmp_path / "agree.csv")]) == 2
    assert (f"1 value given again for a unit and coder:\n  {bob}:4:value: '2' - expected one value per unit and "
            f"coder (unit 'u1', coder 'bob' has a value on {bob}:2 too)") in capsys.readouterr().err

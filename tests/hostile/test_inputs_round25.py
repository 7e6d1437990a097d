"""Hostile inputs, round 25 (helper-inputs25).

Each test is a hostile input the old code got wrong; what it did is said beside the test.  Tests named ``guard``
pin behaviour that held and must keep holding.
"""

from __future__ import annotations

import pytest

from .test_inputs_round5 import _problems, _replace

# --------------------------------------------------------------------------- 1. agree --study: codes of the codebook


def test_agree_with_a_study_names_a_misspelt_code_on_its_rows(study_dir, coded_file, tmp_path, capsys):
    # On the old code `impact agree a.csv b.csv --study S` wrote its table with a row for 'moral' beside 'morale':
    # a coder who wrote the code another way was compared on a code nobody else coded (kappa 0), without a word.
    from impact.cli import main

    lines = coded_file.read_text(encoding="utf-8").splitlines()
    misspelt = [lines[0]] + [line.replace(",morale,", ",moral,") for line in lines[1:]]
    rows = [i + 1 for i, line in enumerate(misspelt) if ",moral," in line]
    assert len(rows) >= 2
    other = tmp_path / "bob.csv"
    other.write_text("\n".join(misspelt) + "\n", encoding="utf-8")
    out = tmp_path / "agree.csv"
    assert main(["agree", str(coded_file), str(other), "--study", str(study_dir), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{other}:{rows[0]}:code: 'moral' - expected one of the codebook's codes ['commitment'," in err
    assert f"(did you mean 'morale'?) (the same on {len(rows) - 1} more row{'s' if len(rows) > 2 else ''}: {rows[1]}" in err
    assert str(coded_file) + ":" not in err  # the file of the codebook's codes is not blamed
    assert not out.exists()


def test_agree_names_a_row_after_a_blank_line_by_its_row_in_the_file(study_dir, coded_file, tmp_path, capsys):
    # On the old code a bad cell was named by its place among the rows read ('bob.csv:2:present'), not its row in the
    # file: a blank line above it moved every row number up by one.
    from impact.cli import main

    lines = coded_file.read_text(encoding="utf-8").splitlines()
    header = lines[0] + ",present"
    other = tmp_path / "bob.csv"
    other.write_text(f"{header}\n\n{lines[1]},maybe\n", encoding="utf-8")
    mine = tmp_path / "ann.csv"
    mine.write_text(f"{header}\n{lines[1]},true\n", encoding="utf-8")
    assert main(["agree", str(mine), str(other), "--out", str(tmp_path / "a.csv")]) == 2
    assert f"{other}:3:present: 'maybe' - expected true or false" in capsys.readouterr().err


def test_guard_agree_with_a_study_takes_every_code_of_its_codebook(study_dir, coded_file, tmp_path, capsys):
    # guard: the codes of the study's codebook (and those `run --coded` takes) are read as before
    from impact.cli import main

    lines = coded_file.read_text(encoding="utf-8").splitlines()
    other = tmp_path / "bob.csv"
    other.write_text("\n".join([lines[0]] + [line.replace(",morale,", ",learning,") for line in lines[1:]]) + "\n",
                     encoding="utf-8")
    out = tmp_path / "agree.csv"
    assert main(["agree", str(coded_file), str(other), "--study", str(study_dir), "--out", str(out)]) == 0
    import pandas as pd

    table = pd.read_csv(out)
    assert set(table["code"]) == {"morale", "learning", "policies_systems"}


# --------------------------------------------------------------------------- 3. a summary row in a table

_SUMMARY = ("expected a council on each row, not a summary row ({}): delete the row - impact totals and compares the "
            "councils itself, and a summary read as a council would count every council's figures twice")
_TOTAL = _SUMMARY.format("a total or average over councils")


@pytest.mark.parametrize(("file", "row", "said"), [
    ("councils.csv", "Total,,,,", f"councils.csv:5:council_id: 'Total' - {_TOTAL}"),
    ("councils.csv", "ALL COUNCILS,All councils,,,", f"councils.csv:5:council_id: 'ALL COUNCILS' - {_TOTAL}"),
    ("councils.csv", ",England,E92000001,,", f"councils.csv:5:name: 'England' - {_TOTAL}"),
    ("councils.csv", ",Outer London,,,London",
     "councils.csv:5:name: 'Outer London' - " + _SUMMARY.format("a region's figures, summed or averaged over its "
                                                                "councils")),
    ("councils.csv", "999,South West region,E12000009,unitary,South West",
     "councils.csv:5:ons_code: 'E12000009' - " + _SUMMARY.format("the ONS code of a region, not of a council")),
    ("survey_responses.csv", "All,S9,staff,expectations,q_confident,3",
     f"survey_responses.csv:4:council_id: 'All' - {_TOTAL}"),
    ("status_history.csv", "Grand total:,ofsted_judgement,good,2010-06-01,,",
     f"status_history.csv:6:council_id: 'Grand total:' - {_TOTAL}"),
])
def test_a_summary_row_is_one_problem_naming_its_file_and_row(study_dir, file, row, said):
    # On the old code a 'Total' row of councils.csv was four errors (an id not of three digits, a name, a type and a
    # region missing) and a warning that the council 'Total' had no interviews, as though it were a council; an
    # 'All' row of survey_responses.csv was three (an unlisted council, a respondent given twice, answering for two
    # councils); 'England' with its ONS code E92000001 was three cells missing, the code itself passed as a council's.
    # A summary row is no council: it is not read, and it is one problem, on its row.
    with open(study_dir / file, "a", encoding="utf-8") as f:
        f.write(row + "\n")
    assert _problems(study_dir) == [said]


def test_an_england_row_of_indicators_is_not_read_as_a_council(study_dir):
    # On the old code: "indicators.csv:4:council_id: 'England' - expected a council_id listed in councils.csv", as
    # though a council were misspelt.
    (study_dir / "indicators.csv").write_text("council_id,period,measure,value,flag\n301,2012-03-31,referral_rate,5,\n"
                                              "302,2012-03-31,referral_rate,6,\nEngland,2012-03-31,referral_rate,11,\n",
                                              encoding="utf-8")
    assert _problems(study_dir) == [f"indicators.csv:4:council_id: 'England' - {_TOTAL}"]


@pytest.mark.parametrize("name", ["City of London", "Isles of Scilly", "East Riding of Yorkshire", "Southend-on-Sea",
                                  "North East Lincolnshire", "Total Care Trust"])
def test_guard_a_council_whose_name_holds_a_word_of_a_summary_is_a_council(study_dir, name):
    # guard: a council's own row (a three-digit id) is a council whatever its name says
    from impact.study import load_study

    _replace(study_dir / "councils.csv", "Barnet", name)
    assert load_study(study_dir).councils["name"].tolist()[1] == name


# --------------------------------------------------------------------------- 2. one bad row, one problem


def test_a_refused_council_id_is_one_problem_not_one_in_each_file_naming_the_council(study_dir, capsys):
    # On the old code '30x' for 302 in councils.csv was five errors, four of them in the files that name 302 as they
    # should (status_history, reviews, participants, interviews: 'expected a council_id listed in councils.csv'),
    # and a warning that council '30x' had no interviews.
    from impact.cli import main

    _replace(study_dir / "councils.csv", "302,Barnet", "30x,Barnet")
    assert _problems(study_dir) == [
        "councils.csv:3:council_id: '30x' - expected a DfE three-digit local authority number, as text (e.g. 301); "
        "the other files name '302', which no row of councils.csv lists, on 5 rows of status_history.csv, "
        "reviews.csv, participants.csv, interviews.csv (first status_history.csv:3): is this row council_id '302'? "
        "Correct it, or those rows; they are not checked against councils.csv until then"]
    assert main(["validate", str(study_dir)]) == 2
    assert "'30x' - expected interviews at some wave" not in capsys.readouterr().out


def test_a_blank_participant_id_is_one_problem_naming_the_interviews_that_name_it(study_dir):
    # On the old code a participant's id left out was two errors: the blank cell, and interviews.csv rows 5 and 6
    # 'expected a participant_id listed in participants.csv', blaming the file that was right.
    _replace(study_dir / "participants.csv", "P2,302", ",302")
    assert _problems(study_dir) == [
        "participants.csv:3:participant_id: '' - expected a value (Pseudonymous participant id.); the other files name "
        "'P2', which no row of participants.csv lists, on 2 rows of interviews.csv (first interviews.csv:5): is this "
        "row participant_id 'P2'? Correct it, or those rows; they are not checked against participants.csv until then"]


def test_two_refused_ids_each_take_the_references_most_like_them(study_dir):
    # On the old code: two errors in councils.csv and eight in the four files naming 302 and 880.
    _replace(study_dir / "councils.csv", "302,Barnet", "3O2,Barnet")
    _replace(study_dir / "councils.csv", "880,Torbay", "88,Torbay")
    found = _problems(study_dir)
    assert len(found) == 2
    assert found[0].startswith("councils.csv:3:council_id: '3O2'") and "name '302', which" in found[0]
    assert found[1].startswith("councils.csv:4:council_id: '88'") and "name '880', which" in found[1]


def test_guard_an_unknown_council_where_councils_csv_is_sound_is_told_where_it_is_named(study_dir):
    # guard: with no key refused in councils.csv, the file naming an unknown council is the one at fault
    _replace(study_dir / "participants.csv", "P3,880", "P3,881")
    assert _problems(study_dir) == ["participants.csv:4:council_id: '881' - expected a council_id listed in "
                                    "councils.csv"]


# --------------------------------------------------------------------------- 4. a transcript that is not text in words

_NOT_WORDS = ("interviews.csv:3:transcript: '301/P1-early.txt' - expected a transcript in words (transcripts/301/"
              "P1-early.txt: only {}% of its characters are in words (not words: {}): random characters or binary "
              "data, not an interview; name the interview's transcript)")


def test_a_transcript_of_random_characters_is_refused_naming_it(study_dir):
    # On the old code valid: 3,000 random printable ASCII characters (no speaker label, so all of it read as the
    # respondent's) were segmented and coded as an interview.
    import random

    rng = random.Random(25)
    text = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*()_+-=[]{};:,./<>? \n") for _ in range(3000))
    (study_dir / "transcripts" / "301" / "P1-early.txt").write_text(text, encoding="utf-8")
    (problem,) = _problems(study_dir)
    tokens = text.split()
    # an independent count: characters of tokens holding a symbol or a letter beside a digit inside them
    import re

    def word(t):
        core = re.sub(r"^[^\w]+|[^\w]+$", "", t)
        return not core or all(re.fullmatch(r"[a-z]+|[0-9]+|[a-z]+[0-9]+|[0-9]+[a-z]+", p)
                               for p in re.split(r"[-./:,&+']", core))
    share = sum(len(t) for t in tokens if word(t)) / sum(map(len, tokens))
    bad = [t if len(t) <= 20 else t[:20] + "..." for t in tokens if not word(t)][:3]  # shown shortened
    assert share < 0.1
    assert problem == _NOT_WORDS.format(round(share * 100), ", ".join(map(repr, bad)) + ", ...")


def test_a_transcript_of_base64_is_refused(study_dir):
    # On the old code valid: a binary file saved as base64 text was read as one respondent's turn of gibberish.
    import base64
    import random

    data = base64.encodebytes(random.Random(5).randbytes(2400)).decode()
    (study_dir / "transcripts" / "301" / "P1-early.txt").write_text(data, encoding="utf-8")
    (problem,) = _problems(study_dir)
    first = data.split()[0]
    assert problem.startswith("interviews.csv:3:transcript: '301/P1-early.txt' - expected a transcript in words "
                              "(transcripts/301/P1-early.txt: only 0% of its characters are in words (not words: "
                              f"{first[:20] + '...'!r}, ")


def test_a_docx_transcript_of_random_characters_is_refused(study_dir):
    # On the old code valid, as a .txt file of random characters was.
    import random

    import docx

    f = study_dir / "interviews.csv"
    _replace(f, "301/P1-early.txt", "301/P1-early.docx")
    rng = random.Random(8)
    d = docx.Document()
    for _ in range(20):
        d.add_paragraph("".join(rng.choice("qwxz0123456789#$%&*+=<>|~^") for _ in range(60)))
    d.save(study_dir / "transcripts" / "301" / "P1-early.docx")
    (problem,) = _problems(study_dir)
    assert problem.startswith("interviews.csv:3:transcript: '301/P1-early.docx' - expected a transcript in words "
                              "(transcripts/301/P1-early.docx: only 0% of its characters are in words")


@pytest.mark.parametrize("text", [
    "采访者：审查之后情况如何？\n受访者：我们改写了门槛文件，员工士气有所提高。\n",
    "Cyfwelydd: Sut mae pethau?\nYmatebydd: Mae'r adolygiad wedi helpu'n fawr iawn, diolch.\n",
    "المحاور: كيف سارت الأمور؟\nالمستجيب: لقد أعدنا كتابة وثيقة العتبة.\n",
    "[00:01:23] I: Which?\n[00:01:30] R: E09000002, P1-early, Q3 2012/13, covid-19, 5.5%, £1,200, 24/7, A&E, "
    "see https://example.org/a?b=1 or me@example.org 👍\n",
    "I: And?\nR: yeah um so we er rewrote the the thing and uh morale went up i think yeah\n",
])
def test_guard_transcripts_in_other_scripts_and_with_numbers_and_ids_are_read(study_dir, text):
    # guard: text in words of any script, with times, codes, money, addresses and emoji, is a transcript
    from impact.study import load_study

    (study_dir / "transcripts" / "301" / "P1-early.txt").write_text(text, encoding="utf-8")
    assert load_study(study_dir).transcripts()["P1-early"] == text


# --------------------------------------------------------------------------- 5. ONS codes against their kind and the register


@pytest.mark.parametrize(("code", "said"), [
    # another council's code (Bournemouth's, abolished 2019): Torbay's row would be joined to Bournemouth's figures
    ("E06000028", "the ONS code of council 880 (Torbay): E06000027 in impact's register; E06000028 is Bournemouth's "
                  "(837)"),
    # a county's code on a unitary's row
    ("E10000002", "the ONS code of a unitary council (E06...), as council_type 'unitary' says; E10 codes are county "
                  "councils'"),
    # a district's code: districts have no children's services
    ("E07000001", "the ONS code of a council with children's services (E06 unitary, E08 metropolitan district, E09 "
                  "London borough, E10 county): this is a non-metropolitan district's (districts have no children's "
                  "services); the register gives council 880 (Torbay) E06000027"),
])
def test_an_ons_code_of_another_kind_or_council_is_refused(study_dir, code, said):
    # On the old code each was valid: any E or W and eight digits passed.
    _replace(study_dir / "councils.csv", "E06000027", code)
    assert _problems(study_dir) == [f"councils.csv:4:ons_code: {code!r} - expected {said}"]


def test_an_ons_code_the_register_does_not_hold_for_a_council_it_knows_is_told(study_dir, capsys):
    # On the old code valid without a word: E06000072 for Torbay's E06000027, two digits swapped.
    from impact.cli import main

    _replace(study_dir / "councils.csv", "E06000027", "E06000072")
    assert main(["validate", str(study_dir)]) == 0
    assert ("warning: councils.csv:4:ons_code: 'E06000072' - expected an ONS code of council 880 (Torbay) impact's "
            "register holds (E06000027): is it misspelt?") in capsys.readouterr().out


def test_a_review_of_a_council_before_it_existed_is_told(study_dir, capsys):
    # On the old code valid without a word: a 2011 review of Bournemouth, Christchurch and Poole (839), made in 2019.
    from impact.cli import main

    _replace(study_dir / "councils.csv", "880,Torbay,E06000027", "839,\"Bournemouth, Christchurch and Poole\",E06000058")
    for name in ("participants.csv", "interviews.csv", "reviews.csv", "status_history.csv"):
        _replace(study_dir / name, "880", "839", count=20)
    (study_dir / "transcripts" / "880").rename(study_dir / "transcripts" / "839")
    assert main(["validate", str(study_dir)]) == 0
    assert ("warning: reviews.csv:4:council_id: '839' - expected a council in being at its review (the register has "
            "Bournemouth, Christchurch and Poole, 839, from 2019-04-01; this review starts 2011-10-03: see "
            "impact.councils.boundary_changes)") in capsys.readouterr().out


def test_guard_a_council_under_its_earlier_ons_code_is_valid(study_dir):
    # guard: Buckinghamshire as the county it was in 2011 (E10000002, its code before it became a unitary in 2020)
    from impact.study import load_study

    _replace(study_dir / "councils.csv", "302,Barnet,E09000003,london_borough,London",
             "825,Buckinghamshire,E10000002,county,South East")
    for name in ("participants.csv", "interviews.csv", "reviews.csv", "status_history.csv"):
        _replace(study_dir / name, "302,", "825,", count=20)
    _replace(study_dir / "interviews.csv", "302/", "825/", count=20)
    (study_dir / "transcripts" / "302").rename(study_dir / "transcripts" / "825")
    assert "825" in set(load_study(study_dir).councils["council_id"])


# --------------------------------------------------------------------------- 6. encodings, line ends, headers


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-be"])
def test_a_utf32_table_and_transcript_are_read(study_dir, encoding):
    # On the old code a UTF-32 councils.csv was read as UTF-16 (its mark starts with UTF-16's): six errors of column
    # names holding NUL characters; with the big-endian mark, 'a binary file'.
    from impact.study import load_study

    bom = b"\x00\x00\xfe\xff" if encoding.endswith("be") else b""
    for name in ("councils.csv", "transcripts/301/P1-early.txt"):
        text = (study_dir / name).read_text(encoding="utf-8")
        (study_dir / name).write_bytes(bom + text.encode(encoding))
    study = load_study(study_dir)
    assert study.councils["name"].tolist() == ["Barking and Dagenham", "Barnet", "Torbay"]
    assert study.transcripts()["P1-early"].startswith("Interviewer: ")


def test_a_utf32_file_cut_short_is_refused_naming_it(study_dir):
    text = (study_dir / "councils.csv").read_text(encoding="utf-8")
    (study_dir / "councils.csv").write_bytes(text.encode("utf-32")[:-2])
    cut = len(text.encode("utf-32")) - 4  # round 54 says the file was cut short, and where
    assert _problems(study_dir) == [
        f"councils.csv: expected a readable CSV file (starts with a UTF-32 byte-order mark but is not valid UTF-32 "
        f"(truncated data at byte {cut}, {cut + 2} bytes long: its last 2 bytes (from byte {cut}) part of a character, "
        "so the file was cut short (copy it again from where it was made)) - expected one encoding: save the file as "
        "UTF-8)"]


def test_a_transcript_whose_lines_end_in_carriage_returns_alone_has_its_turns_read(study_dir):
    # On the old code a transcript saved with old Mac line ends (CR alone) was one line: one interviewer's turn
    # holding the respondent's answers, 'no respondent speech', nothing coded.
    from impact.coding import segment
    from impact.study import load_study

    path = study_dir / "transcripts" / "301" / "P1-early.txt"
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.replace("\n", "\r").encode("utf-8"))
    read = load_study(study_dir).transcripts()["P1-early"]
    assert read == text  # one character for one: offsets into the text hold
    speakers = segment(load_study(study_dir)).query("interview_id == 'P1-early'")["speaker"].tolist()
    assert "respondent" in speakers


def test_a_column_named_twice_is_one_problem_and_its_rows_are_not_read(study_dir):
    # On the old code 'council_id,name,council_id,...' was read with the second column's cells (ONS codes) as the
    # council ids: five errors, three ONS codes 'expected a DfE three-digit number', ons_code missing, and (with
    # round 25's references) every council named elsewhere unknown.
    _replace(study_dir / "councils.csv", "council_id,name,ons_code", "council_id,name,council_id")
    assert _problems(study_dir) == [
        "councils.csv:1:council_id: 'council_id' - expected each column name once (columns 1 and 3 are both "
        "council_id: which holds the council_id is not known; the rows are checked once one is renamed or taken "
        "out)",
        "councils.csv:1:ons_code: expected a column `ons_code` (ONS local authority code (E06/E08/E09/E10...).)"]


# --------------------------------------------------------------------------- 7. .docx text boxes

_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


@pytest.mark.parametrize("fallback", [False, True])
def test_a_docx_text_box_is_read_once(study_dir, fallback):
    # On the old code the text of a text box was left out without a word ('Respondent: ' alone): python-docx reads a
    # run's text, not the paragraphs of a shape drawn in it.  Word writes each text box twice (a drawing and a VML
    # fallback): read once.
    from impact.study import load_study

    from .test_inputs_round24 import W, _docx_transcript

    box = "<w:txbxContent><w:p><w:r><w:t>Morale has improved.</w:t></w:r></w:p></w:txbxContent>"
    drawing = f'<w:drawing><wps:wsp xmlns:wps="urn:wps"><wps:txbx>{box}</wps:txbx></wps:wsp></w:drawing>'
    if fallback:
        drawing = (f'<mc:AlternateContent xmlns:mc="{_MC}"><mc:Choice Requires="wps">{drawing}</mc:Choice>'
                   f'<mc:Fallback><w:pict><v:shape xmlns:v="urn:v"><v:textbox>{box}</v:textbox></v:shape></w:pict>'
                   "</mc:Fallback></mc:AlternateContent>")
    _docx_transcript(study_dir, f'<w:r xmlns:w="{W}"><w:t xml:space="preserve">Respondent: </w:t></w:r>'
                                f'<w:r xmlns:w="{W}">{drawing}</w:r>')
    text = load_study(study_dir).transcripts()["P1-expectations"]
    assert text == "Interviewer: How has it gone?\nRespondent: \nMorale has improved."


# --------------------------------------------------------------------------- 8. --out


def test_synth_overwrite_never_replaces_a_study_that_was_not_generated(study_dir, capsys):
    # On the old code `impact synth --out STUDY --overwrite` replaced a hand-made study: its transcripts of real
    # interviews (transcripts/301/P1-early.txt ...) deleted, a generated study in their place.
    from impact.cli import main

    from ._util import snapshot

    before = snapshot(study_dir)
    assert main(["synth", "--out", str(study_dir), "--overwrite", "--councils", "6"]) == 2
    assert (f"{study_dir}: holds a study that was not generated (no planted_truth.json): its transcripts and tables "
            "are someone's work") in capsys.readouterr().err
    assert snapshot(study_dir) == before


def test_guard_synth_overwrite_replaces_a_generated_study(tmp_path):
    # guard: a study synth wrote (its planted truth beside it) is replaced, as before
    from impact.cli import main

    out = tmp_path / "synth"
    assert main(["synth", "--out", str(out), "--councils", "6", "--seed", "1"]) == 0
    first = (out / "planted_truth.json").read_text(encoding="utf-8")
    assert main(["synth", "--out", str(out), "--councils", "6", "--seed", "2", "--overwrite"]) == 0
    assert (out / "planted_truth.json").read_text(encoding="utf-8") != first


# --------------------------------------------------------------------------- 9. review workbooks


@pytest.fixture
def review_book(study_dir, coded_file, tmp_path, capsys):
    """The tiny study's coded suggestions exported for review (``tmp_path / "review.xlsx"``)."""
    from impact.cli import main

    book = tmp_path / "review.xlsx"
    assert main(["review", "export", str(study_dir), "--coded", str(coded_file), "--out", str(book),
                 "--reviewer", "ann"]) == 0
    capsys.readouterr()
    return book


def _decide(book, rows: dict[int, tuple[str, str]], rename: str | None = None):
    import openpyxl

    wb = openpyxl.load_workbook(book)
    ws = wb["review"]
    header = [c.value for c in ws[1]]
    for row, (decision, other) in rows.items():
        ws.cell(row, header.index("decision") + 1).value = decision
        ws.cell(row, header.index("other_code") + 1).value = other
    if rename:
        ws.title = rename
    wb.save(book)


def test_review_import_says_which_code_a_misspelt_other_code_or_decision_meant(review_book, tmp_path, capsys):
    # On the old code: "other_code: 'moral' - expected a code id listed on the 'codes' sheet" and "decision: 'acept' -
    # expected one of accept, reject, other", without the code or decision meant (run --coded and agree say it).
    from impact.cli import main

    _decide(review_book, {2: ("other", "moral"), 3: ("acept", None)})
    assert main(["review", "import", str(review_book), "--out", str(tmp_path / "ann.csv")]) == 2
    err = capsys.readouterr().err
    assert ("review.xlsx (sheet 'review'):2:other_code: 'moral' - expected a code id listed on the 'codes' sheet "
            "(did you mean 'morale'?)") in err
    assert "review.xlsx (sheet 'review'):3:decision: 'acept' - expected one of accept, reject, other (did you mean " \
           "'accept'?)" in err
    assert not (tmp_path / "ann.csv").exists()


def test_review_import_names_the_sheet_a_renamed_review_sheet_is(review_book, tmp_path, capsys):
    # On the old code the review sheet renamed 'Review (2)' was "sheet(s) ['review'] missing", with the sheets the
    # workbook has listed and nothing said of which one it is.
    from impact.cli import main

    _decide(review_book, {2: ("accept", None)}, rename="Review (2)")
    assert main(["review", "import", str(review_book), "--out", str(tmp_path / "ann.csv")]) == 2
    assert "('Review (2)' may be 'review' renamed: name it 'review' again)" in capsys.readouterr().err


# --------------------------------------------------------------------------- 10. coded files


def test_a_coded_file_row_with_extra_cells_is_named_by_its_row(coded_file, tmp_path, capsys):
    # On the old code: "x.csv: a row has more cells than the header row names columns", no row named: which of
    # thousands of rows to look at was left to the reader.
    from impact.cli import main

    lines = coded_file.read_text(encoding="utf-8").splitlines()
    width = lines[0].count(",") + 1
    bad = tmp_path / "bob.csv"
    bad.write_text("\n".join([lines[0], lines[1], lines[2] + ",,extra", lines[3] + ",x"]) + "\n", encoding="utf-8")
    assert main(["agree", str(coded_file), str(bad), "--out", str(tmp_path / "a.csv")]) == 2
    assert (f"bob.csv:3: {width + 2} cells where the header row names {width} columns (and 1 more row like it)"
            in capsys.readouterr().err)


def test_a_coded_file_with_its_columns_in_capitals_says_names_are_exact(coded_file, tmp_path, capsys):
    # On the old code: "lacks the column(s) ['unit', 'code'] ... found ['Unit', 'Code', ...]", the cause left to
    # be seen.
    from impact.cli import main

    text = coded_file.read_text(encoding="utf-8")
    bad = tmp_path / "bob.csv"
    bad.write_text(text.replace("unit,code,", "Unit,Code,", 1), encoding="utf-8")
    assert main(["agree", str(coded_file), str(bad), "--out", str(tmp_path / "a.csv")]) == 2
    assert "('Unit', 'Code': column names are exact, lower case)" in capsys.readouterr().err


# --------------------------------------------------------------------------- 11. reviews.csv

_THEMES = ("['commissioning', 'managing_performance', 'managing_resources', 'outcomes', 'participation', "
           "'productivity_innovation', 'service_delivery_practice', 'vision_strategy_leadership', "
           "'working_together_lscb']")
_CORE = "outcomes;vision_strategy_leadership;working_together_lscb;service_delivery_practice;managing_resources"


def test_a_misspelt_core_theme_is_one_problem(study_dir):
    # On the old code two: 'outcome' not a theme, and the row 'missing' the core theme 'outcomes' it misspells.
    _replace(study_dir / "reviews.csv", "301,2011-05-09,2011-05-13,outcomes;", "301,2011-05-09,2011-05-13,outcome;")
    assert _problems(study_dir) == [f"reviews.csv:2:themes: 'outcome' - expected one of {_THEMES} (did you mean "
                                    "'outcomes'?)"]


def test_themes_joined_by_commas_are_one_problem_saying_the_separator(study_dir):
    # On the old code two problems, neither saying why: the five themes as one unknown theme, and all five 'missing'.
    _replace(study_dir / "reviews.csv", f"2011-05-13,{_CORE},", f"2011-05-13,\"{_CORE.replace(';', ',')}\",")
    (problem,) = _problems(study_dir)
    assert problem.startswith("reviews.csv:2:themes: 'outcomes,vision_strategy_leadership,working_together_lscb...' "
                              f"- expected one of {_THEMES} (values are separated by ';', not ',': {_CORE})")


def test_a_theme_given_twice_is_refused(study_dir):
    # On the old code valid: 'outcomes;outcomes;...' counted the theme twice.
    _replace(study_dir / "reviews.csv", "301,2011-05-09,2011-05-13,outcomes;", "301,2011-05-09,2011-05-13,outcomes;outcomes;")
    (problem,) = _problems(study_dir)
    assert problem.endswith("- expected each theme once ('outcomes' given twice would be counted twice)")


def test_a_review_running_for_years_is_told_on_its_row(study_dir, capsys):
    # On the old code only the interviews were blamed, 'outside the early window (this is -637)', for a review whose
    # end date's year was mistyped (2013 for 2011): the cause, on reviews.csv, went unsaid.
    from impact.cli import main

    _replace(study_dir / "reviews.csv", "2011-05-09,2011-05-13", "2011-05-09,2013-05-13")
    assert main(["validate", str(study_dir)]) == 2
    assert ("warning: reviews.csv:2:end_date: '2013-05-13' - expected a review of days or weeks (this one runs 735 days "
            "from 2011-05-09, and the waves are timed from it: is a year or month mistyped?)") in capsys.readouterr().err


# --------------------------------------------------------------------------- 12. a line break inside a cell


@pytest.mark.parametrize("brk", ["\r", "\n", "\r\n"])
def test_a_line_break_typed_inside_a_cell_is_one_problem(study_dir, brk):
    # On the old code 'Bar<CR>net' (a line break typed in a cell not quoted) was eight errors: rows 3 and 4 short of
    # cells, row 3's type and region missing, 'net' not a council id, 'london_borough' not an ONS code, 'London' not
    # a council type, row 4's region missing.
    _replace(study_dir / "councils.csv", "Barnet", f"Bar{brk}net")
    assert _problems(study_dir) == [
        "councils.csv:3:name: \"'Bar' / 'net'\" - expected 5 cells, one per header column: rows 3 and 4 hold 2 and 4, "
        "one row of 5 if joined where the line breaks (a line break typed inside the name cell? take it out, or put "
        "the cell in double quotes); neither row's cells are checked"]


def test_guard_a_row_short_of_a_cell_is_still_told_as_such(study_dir):
    # guard: one short row (its region left out) is the short row it was, its cells checked
    _replace(study_dir / "councils.csv", "Barnet,E09000003,london_borough,London", "Barnet,E09000003,london_borough")
    assert _problems(study_dir) == ["councils.csv:3: '4 cells' - expected 5 cells, one per header column",
                                    "councils.csv:3:region: '' - expected a value (DfE region name.)"]


def test_a_table_of_thousands_of_other_columns_is_one_problem(study_dir):
    # On the old code 5,000 problems, one per column ('councils.csv:1:x0: 'x0' - expected only the columns ...').
    f = study_dir / "councils.csv"
    lines = f.read_text(encoding="utf-8").splitlines()
    f.write_text("\n".join([lines[0] + "".join(f",x{i}" for i in range(5000))]
                           + [line + ",v" * 5000 for line in lines[1:]]) + "\n", encoding="utf-8")
    assert _problems(study_dir) == [
        "councils.csv:1: '5,000 other columns' - expected only the columns ['council_id', 'name', 'ons_code', "
        "'council_type', 'region'] (it also has 'x0', 'x1', 'x2', 'x3', 'x4', ... : another table saved under this "
        "name, or columns to take out?)"]


def test_a_comma_inside_an_unquoted_cell_is_one_problem(study_dir):
    # On the old code 'March 1, 2011' unquoted was four errors and a warning: 8 cells, 'March 1' not a date, '2011'
    # not a mode, 'telephone' not a transcript file, and the transcript the row names 'named by no interview'.
    _replace(study_dir / "interviews.csv", "2011-03-01", "March 1, 2011")
    assert _problems(study_dir) == [
        "interviews.csv:2: '8 cells' - expected 7 cells, one per header column (a comma inside a cell not in double "
        "quotes, as in 'March 1, 2011'? Put the cell in double quotes; the row's cells, under the wrong columns, are "
        "not checked)"]

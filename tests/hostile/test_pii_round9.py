"""Ninth red-team round: initials in capitals, surnames set off after a role, dates of birth read aloud, names in
file names, code ids, and forms a transcript or a hostile user writes.

The leaks the eighth round left, each a class of writing:

* initials in capitals without dots used as a name ("JS who rang me", "I spoke
  to JS about it", "KM, the team manager, said no", "KM and JS came", "JS's
  daughter"), while acronyms of the shipped lexicons (LGA, MASH, IRO, LADO ...),
  acronyms the text spells out ("Corporate peer challenge (CPC)"), a body's
  initials after an article, a place or "of" ("the LGA said", "Leeds CSC",
  "Chairman of NCT said") and a role that spells the letters out ("IRO, the
  independent reviewing officer") stay;
* an unlisted surname that is an ordinary count noun, set off after a role on
  one side before a verb ("the nurse, marsh came in");
* a date of birth with its month said as a number in order ("born 3rd of the
  5th 2009") or its figures set off by spaces ("dob 3 5 09");
* a codebook's code id holding a participant's name, published as written in the
  tables: refused, as a study's measure, wave and survey item ids are.

And this round's own forms: a name wrapped onto the next line after a title or
a first name in lower case ("Mrs\\nSmith", "jane\\nsmith"), a name in a file name
or in words joined by "_" ("Jane_Smith_interview.docx", "interview_okafor_w1.txt",
"notes_from_tyler"), an NI number with dots between its groups, a surname
first in capitals ("SMITH, JANE said"), a lower-case initial and surname ("j
smith rang"), a first name that is a word after a kinship word ("aunty jade
came"), a street with an abbreviated type ("14 acacia av").  Each leak is
checked on the redacted text; the same words in ordinary use must stay.  Counts
"before" in the comments were measured on the code before this round.
"""

from __future__ import annotations

import pathlib

import pytest

from . import _rounds
from ._rounds import _WORDY
from .test_pii_round3 import _left, _redact
from .test_pii_round8 import leaks_in, planted_run


# Initials in capitals used as a name
@pytest.mark.parametrize(("text", "gone"), [
    ("JS who rang me was lovely", ["JS"]), ("I spoke to JS about it", ["JS"]), ("KM, the team manager, said no", ["KM"]),
    ("KM said it was fine", ["KM"]), ("then JS rang me", ["JS"]), ("the team manager, KM, said no", ["KM"]),
    ("KM (deputy head) said", ["KM"]), ("thanks, JS", ["JS"]), ("I met with KM yesterday", ["KM"]),
    ("KM and JS came", ["KM", "JS"]), ("JS, KM and TB said", ["JS", "KM", "TB"]), ("JS's daughter rang", ["JS"]),
    ("the social worker (JS) said no", ["JS"]), ("Cllr JS said", ["JS"]), ("JAS, our social worker, rang", ["JAS"]),
    ("JAS who rang me", ["JAS"]),
])
@pytest.mark.parametrize("names", [_WORDY, []], ids=["listed", "unlisted"])
def test_initials_in_capitals_where_a_person_stands_are_redacted(text, gone, names):
    # Measured when written: before, 14 of the 16 kept the initials ("Cllr JS" and "the team manager, KM, said no"
    # were redacted), listed names or not
    red = _redact(text, names=names)
    assert not [g for g in gone if g in red] and "[name]" in red, red


test_acronyms_are_kept = _rounds.kept([
    "the LGA said", "we spoke to the LGA about it", "MASH said no", "the IRO rang me", "the LADO came", "DfE said",
    "NFER said the review helped", "IRO, the independent reviewing officer, came", "we worked with CSC on it",
    "Corporate peer challenge (CPC) said it helped. CPC said so", "KCC's children's services",
    "KCC's children were safe", "CSC and LADO said", "the DCS said", "Chairman of NCT said no",
    "REASON FOR DECISION: the plan", "IT said no", "the CIN and CP teams came", "SEND said", "the GP came",
    # people said by their role's initials
    "YP said she was scared", "HV came on Monday", "TM said no", "I rang EDT about it", "I spoke to FC about it",
    # three capitals before a verb or after "rang", "told" are mostly a body's, in no lexicon
    "CSC said no", "I rang CSC about it", "we told NCT about it",
])


# An unlisted surname that is a word, set off after a role on one side
@pytest.mark.parametrize(("text", "word"), [
    ("the nurse, marsh came in", "marsh"), ("our social worker, marsh rang me", "marsh"),
    ("my manager - bell said no.", "bell"), ("the health visitor, brook came out", "brook"),
    ("her teacher, fox told us", "fox"), ("the nurse, Marsh came in", "marsh"),
])
def test_an_unlisted_surname_that_is_a_word_set_off_after_a_role_is_the_person(text, word):
    # Measured when written: before, 5 of 6 kept the word ("the nurse, Marsh came in", capitalised, was redacted)
    red = _redact(text, names=[])
    assert not _left(red, word) and "[name]" in red, red


@pytest.mark.parametrize("text", [
    "the manager, budget cuts came first", "our social worker, everyone said so", "the nurse, however came in.",
    "the nurse, sister and doctor came", "the manager, work and family came first.", "we need a manager, time and money.",
])
def test_asides_after_a_role_are_kept(text):
    assert _redact(text, names=[]) == text


# Names with an apostrophe inside (these were redacted already: kept as a check)
@pytest.mark.parametrize(("text", "gone"), [
    ("de'Andre came in", ["andre"]), ("I spoke to de'Andre about it", ["andre"]), ("D'Souza said no", ["souza"]),
    ("Jane D'Souza said no", ["souza"]), ("I spoke to O'Neill about it", ["neill"]), ("O'Neill said", ["neill"]),
    ("the nurse, d'souza came in", ["souza"]), ("mrs o’neill said", ["neill"]), ("MR O'NEILL said", ["neill"]),
    ("O'Neill-Smith came too", ["neill", "smith"]), ("d'andre came in", ["andre"]),
])
def test_names_with_an_apostrophe_are_redacted(text, gone):
    # Measured when written: before, none kept the name; "I spoke to O'Neill about it" was redacted as a place
    red = _redact(text, names=[])
    assert not _left(red, *gone) and "[name]" in red, red


# Dates of birth read aloud
@pytest.mark.parametrize(("text", "gone"), [
    ("born 3rd of the 5th 2009", ["3rd", "5th", "2009"]), ("born on the 3rd of the 5th, 2009", ["3rd", "5th"]),
    ("she was born the third of the fifth two thousand and nine", ["third", "fifth", "thousand"]),
    ("DOB: 3rd of the 5th 09", ["3rd", "09"]), ("his birthday is the 3rd of the 5th", ["3rd", "5th"]),
    ("dob 3 5 09", ["3", "5", "09"]), ("date of birth 03 05 2009", ["2009"]),
    ("born on the third of May 2009", ["third", "2009"]), ("DOB 03.05.09", ["03"]), ("d.o.b. 3/5/09", ["09"]),
    # where, then when
    ("she was born at LGI in 2009", ["2009"]), ("born at home on the 3rd", ["3rd"]),
])
def test_a_date_of_birth_read_aloud_is_redacted(text, gone):
    # Measured when written: before, 9 of 12 kept the date ("born on the third of May 2009", "DOB 03.05.09",
    # "d.o.b. 3/5/09" were redacted)
    red = _redact(text, names=[])
    assert not _left(red, *gone) and "[date of birth]" in red, red


@pytest.mark.parametrize("text", ["the 3rd of the 5th children came", "born in 12 weeks", "we met on 3 5 occasions",
                                  "born in hospital in the spring", "born at home in the end"])
def test_ordinals_that_are_no_birth_date_are_kept(text):
    assert _redact(text, names=[]) == text


# This round's own forms
_FORMS = [
    ("I spoke to Mrs\nSmith about it", ["smith"]), ("I asked ms\nokafor about it", ["okafor"]),
    ("I spoke to jane\nsmith about it", ["jane", "smith"]), ("the file Jane_Smith_interview.docx", ["jane", "smith"]),
    ("see interview_okafor_w1.txt", ["interviewokaforw1"]), ("Tyler.Okafor.notes.txt was sent", ["tyler", "okafor"]),
    ("it is in jane_smith_notes", ["jane", "smith"]), ("notes_from_tyler were typed", ["tyler"]),
    ("national insurance qq.12.34.56.c", ["qq", "12", "34", "56"]), ("NI QQ.12.34.56.C", ["qq", "12", "34"]),
    ("SMITH, JANE said", ["smith", "jane"]), ("j smith rang", ["smith"]), ("aunty jade came", ["jade"]),
    ("her dad mark said", ["mark"]), ("14 acacia av, leeds ls6 2ab", ["acacia"]),
    ("she goes to st marys", ["marys"]), ("he's at saint john's", ["john"]), ("WE WENT TO ST ANNES", ["annes"]),
]


@pytest.mark.parametrize(("text", "gone"), _FORMS)
def test_this_rounds_forms_are_redacted(text, gone):
    # Measured when written: before, 17 of 18 kept part of the detail ("Tyler.Okafor.notes.txt" was redacted)
    red = _redact(text, names=[])
    assert not _left(red, *gone) and "[" in red, red


# A letter alone standing for a person
@pytest.mark.parametrize(("text", "letter"), [
    ("the boy, T, said", "T"), ("T. said so", "T"), ("I spoke to T about it", "T"), ("mrs t said so", "t"),
    ("ms k rang", "k"), ("then T rang me", "T"), ("I think, B said", "B"),
])
def test_a_letter_alone_where_a_person_stands_is_redacted(text, letter):
    # Measured when written: before, 7 of 7 kept the letter
    red = _redact(text, names=[])
    assert letter not in red.replace("[name]", "") and "[name]" in red, red


@pytest.mark.parametrize("text", ["Plan B came out", "Part C said that", "Child A said", "we miss k",
                                  "Appendix B said", "Option B came", "I said no", "A said nothing"])
def test_letters_that_name_nobody_are_kept(text):
    assert _redact(text, names=[]) == text


# A first name that is a word, in lower case and unlisted, where a person stands; initials introduced as such
@pytest.mark.parametrize(("text", "word"), [
    ("pat said it was fine", "pat"), ("and rob told me", "rob"), ("I met pat", "pat"), ("I told grace about it", "grace"),
    ("we rang bill about it", "bill"), ("I asked faith.", "faith"), ("her initials are JS", "JS"),
])
def test_a_lower_case_first_name_that_is_a_word_where_a_person_stands_is_redacted(text, word):
    # Measured when written: before, 7 of 7 kept it
    red = _redact(text, names=[])
    assert not _left(red, word) and "[name]" in red, red


@pytest.mark.parametrize("text", ["we paid the bill about it", "the review gave hope said the chair", "I will rob nobody",
                                  "we met in may and it was fine", "I asked for grace about it"])
def test_words_that_are_first_names_used_as_words_are_kept(text):
    assert _redact(text, names=[]) == text


# Forms that were redacted already, asked of the redactor again: titled names in lower case, e-mails and phones in
# words, postcodes oddly spaced, NHS and NI numbers with separators, handles
_HELD = [
    ("cllr bishop said no", ["bishop"]), ("dr okafor rang me", ["okafor"]), ("it was Ms okafor who rang", ["okafor"]),
    ("Prof. okafor agreed", ["okafor"]), ("Mx okafor came", ["okafor"]), ("kayleigh's mum rang", ["kayleigh"]),
    ("The Okafors moved", ["okafors"]), ("email her on jane dot smith at gmail dot com", ["jane", "smith"]),
    ("my email is jane underscore smith at hotmail dot co dot uk", ["jane", "smith"]),
    ("ring me on seven seven oh oh nine oh oh one two three", ["seven", "nine"]),
    ("my landline is oh one one three, four nine six, oh oh oh oh", ["three", "four"]),
    ("the postcode is LS6   2AB", ["2ab"]), ("postcode ls 6 2ab", ["2ab"]), ("post code L S 6 2 A B", ["6"]),
    ("NHS number 943-476-5919", ["943"]), ("NHS no. 943.476.5919", ["943"]), ("NI number QQ-12-34-56-C", ["qq"]),
    ("follow @jane_smith on X", ["jane_smith"]), ("tiktok.com/@janesmith", ["janesmith"]),
    ("youtube.com/c/TylerOkafor", ["tylerokafor"]), ("wa.me/447700900123", ["447700900123"]),
]


@pytest.mark.parametrize(("text", "gone"), _HELD)
def test_forms_redacted_before_are_still_redacted(text, gone):
    red = _redact(text, names=[])
    assert not _left(red, *gone) and "[" in red, red


@pytest.mark.parametrize("text", [
    "referral_rate went up", "transcript_w1.docx was read", "see report.docx", "the nfer_impacts codebook",
    "I read quotes.csv and tables.xlsx", "plans_actions", "the version ab.12.34.56 was used", "my son will come",
    "plan b said so", "i think b said so", "NOTE, the plan said", "the team manager, KM said", "it came to st albans",
    "we moved to st petersburg",
])
def test_file_names_codes_and_letters_that_name_nobody_are_kept(text):
    red = _redact(text, names=[])
    # "the team manager, KM said": the initials go, the rest stays
    assert red == text.replace("KM", "[name]"), red


# A codebook's code id holding a participant's name: refused, as measures, waves and survey items are
@pytest.mark.parametrize("where", ["code", "codebook"])
def test_a_code_id_holding_a_participants_name_is_refused(tmp_path, where):
    # Measured when written: before, both runs were accepted, and the code id was printed as written in
    # prevalence.csv, change_over_time.csv, persistence.csv ... and prevalence_heatmap.svg
    import pandas as pd
    import yaml

    import impact

    from ._util import cli_here, refused

    study = tmp_path / "study"
    impact.synth.generate(2, seed=3, interviews_per_wave=2, words_per_interview=120, out=study)
    surname = pd.read_csv(study / "participants.csv", dtype=str)["name"].iloc[0].split()[-1].lower()
    book = yaml.safe_load((pathlib.Path(__file__).resolve().parents[2] / "data" / "codebooks" / "nfer_impacts.yaml")
                          .read_text(encoding="utf-8"))
    if where == "code":
        book["codes"][0]["id"] = f"{surname}_notes"
    else:
        book["id"] = f"impacts_{surname}"
    (tmp_path / "book.yaml").write_text(yaml.safe_dump(book, sort_keys=False), encoding="utf-8")
    # in this process: the refusal's words are the check (a child added about 2.5 s of imports: testtime16)
    proc = cli_here("run", "study", "--codebook", "book.yaml", "--out", "out", "--resamples", "99", "--no-cache", "-q",
                    cwd=tmp_path)
    refused(proc, "book.yaml", f"{surname}_notes" if where == "code" else f"impacts_{surname}", "participant's name")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*.csv"))


# End to end: the forms above, planted in speech and in what the study's author writes, reach no output of a run
_E2E = [
    ("JS who rang me was lovely", ["jswho"]), ("I spoke to JS about it", ["tojsabout"]),
    ("KM, the team manager, said no", ["kmtheteam"]), ("the nurse, marsh came in", ["nursemarsh"]),
    ("born 3rd of the 5th 2009", ["3rdofthe5th"]), ("dob 3 5 09", ["dob3509"]),
    ("I spoke to Mrs\nSmith about it", ["mrssmith"]), ("I spoke to jane\nsmith about it", ["janesmith"]),
    ("the file Jane_Smith_interview.docx", ["janesmithinterview"]), ("see interview_okafor_w1.txt", ["interviewokaforw1"]),
    ("national insurance qq.12.34.56.c", ["qq123456c"]), ("SMITH, JANE said", ["smithjane"]),
    ("aunty jade came", ["auntyjade"]), ("JS's daughter rang", ["jssdaughter"]), ("14 acacia av, leeds", ["acaciaav"]),
]


@pytest.fixture(scope="module")
def round9_run(tmp_path_factory):
    return planted_run(tmp_path_factory.mktemp("round9"), _E2E, seed=909, name_end=4, early_end=9,
                       title="NFER impacts as KM, the team manager, coded them", label_note="see interview_okafor_w1.txt",
                       human_code="notes_from_tyler")


@pytest.mark.slow
def test_round9_forms_reach_no_output(round9_run):
    # Measured when written, on the old code: the test failed; among the leaks it listed, "JS" of the study's name
    # in provenance.json, report.html, report.docx and tables.xlsx, and "Mrs\nSmith" quoted in report.docx and
    # framework_core.csv
    needles = [*_E2E, ("notes_from_tyler", ["notesfromtyler"]), ("codebook title", ["kmtheteammanager"]),
               ("codebook label", ["interviewokaforw1"])]
    assert not (found := leaks_in(round9_run.out_dir, needles)), found

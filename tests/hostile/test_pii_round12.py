"""Twelfth red-team round: the leaks and over-redactions the eleventh left, and forty-odd forms of our own.

Left by round 11, each closed as a class of writing:

* a child's setting named in ordinary words with no kind of setting near ("she's at little acorns"), alone or where
  the same text names it with its kind elsewhere ("Little Acorns Nursery" further on);
* a setting's name holding a word in -ing, -ed or -ly, or one plural word ("learning tree nursery", "the willows
  primary"), and a name with its kind in lower case opening a sentence ("Little Acorns nursery said ...");
* a two-part surname after "miss" in lower case ("miss rhodes white said");
* letters in lower case after a relation ("her daughter b and c");
* a ward, a bay and a bed by their numbers in a row ("ward 12 bay 3 bed 4");
* a first name in no list, in lower case (decided: redacted where it opens a clause before a verb, "zorbina was
  there", "i think jaydon is struggling", or after a verb of seeing or visiting before the end of a phrase, "we saw
  jaydon yesterday"; a lower-case word no list knows with nothing around it that marks a person stays, as typos do);
* over-redacted: "Part B and C said no", a car's model after "a" or its make ("a Corsa", "Vauxhall Corsa"), and the
  year after "died a death".

Each leak is checked on the redacted text with the stress names listed and with none; the same words in ordinary use
must stay.  Counts "before" in the comments were measured on the code before this round (main at 4fa6296).
"""

from __future__ import annotations

import pytest

from impact.privacy._names import _reads_as_name

from . import _rounds
from ._pii import invented_name, rng_for
from ._rounds import _both, _gone
from .test_pii_round3 import _left
from .test_pii_round8 import leaks_in, planted_run

# ----------------------------------------------------------------------------------------- left by round 11
_SETTINGS = [
    ("she's at little acorns", ["little", "acorns"]), ("she goes to busy bees", ["busy", "bees"]),
    ("he's at tiny tots now", ["tiny", "tots"]), ("jaydon started at busy bees", ["busy", "bees"]),
    ("she goes to the little acorns", ["little", "acorns"]),
    ("she goes to learning tree nursery", ["learning", "tree"]), ("she goes to the willows primary", ["willows"]),
    ("he is at the willows primary now", ["willows"]), ("he goes to smiling faces nursery", ["smiling", "faces"]),
    ("Little Acorns nursery said she was fine", ["little", "acorns"]),
    ("Sunny Meadows school rang me", ["sunny", "meadows"]),
    ("The Willows nursery told us", ["willows"]),
]


@pytest.mark.parametrize(("text", "gone"), _SETTINGS)
def test_a_setting_named_in_ordinary_words_is_redacted(text, gone):
    # Measured when written: before, all 12 kept the setting's name
    _gone(text, gone, "[place]")


def test_a_setting_named_again_far_from_its_kind_is_redacted():
    # Measured when written: before, the first "little acorns" was kept (no nursery within 80 characters of it)
    text = ("she's at little acorns three days a week and her nan has her on the other days, which works well "
            "for everyone in the family. We rang Little Acorns Nursery about it.")
    for red in _both(text):
        assert not _left(red, "little", "acorns") and red.count("[place]") == 2, red


@pytest.mark.parametrize("seed", range(4))
def test_a_setting_named_in_words_no_list_knows_is_redacted_alone(seed):
    rng = rng_for(f"setting12-{seed}")
    a, b = invented_name(rng).lower(), invented_name(rng).lower()
    _gone(f"she's at {a} {b} now", [a, b], "[")


test_settings_and_places_in_ordinary_use_are_kept = _rounds.kept([
    "she's at risk now", "they're at different stages", "she goes to team meetings", "she's at home now",
    "he went to swimming lessons", "we are at early stages", "she's at her nan's", "they were at loggerheads",
    "he goes to football matches", "she is at school most days", "she's at work", "he's at college now",
    "we went to board meetings", "they are at regular intervals", "we talked to parents attending nursery",
    "we spoke to children starting school", "she is at great risk", "he is at a special school",
    "Many schools said no", "The local nursery rang", "Both schools said so", "Most nurseries said no",
    "she goes to the shops", "he's at the dentist", "she is at the youth club", "they went to drop-in sessions",
    "she goes to morning nursery", "he went to boarding school", "it is at all levels", "we met at family hubs",
    "from children's to adult's servicers", "the council's at different stages",
])


# A two-part surname after a title in lower case
@pytest.mark.parametrize(("text", "gone"), [
    ("miss rhodes white said", ["rhodes", "white"]), ("miss rhodes white came", ["rhodes", "white"]),
    ("ms rhodes white said", ["rhodes", "white"]), ("dr rhodes white said", ["rhodes", "white"]),
    ("mr rhodes white said", ["rhodes", "white"]), ("Miss Rhodes White said no", ["rhodes", "white"]),
    ("Dr Patel wood said", ["patel", "wood"]), ("miss rhodes white coded them", ["rhodes", "white"]),
    ("mrs smith hill interviewed her", ["smith", "hill"]),
])
def test_a_double_surname_after_any_title_is_redacted(text, gone):
    # Measured when written: before, the three "miss" forms in lower case and "mrs smith hill interviewed her" kept the
    # second part
    _gone(text, gone, "[name]")


@pytest.mark.parametrize("text", ["we miss rhodes white said", "we miss lunch", "i will miss them"])
def test_miss_as_a_verb_is_kept(text):
    # "we miss rhodes ..." keeps "miss" whatever happens to the name after it
    for red in _both(text):
        assert _left(red, "miss"), red


# Letters in lower case after a relation
@pytest.mark.parametrize(("text", "gone"), [
    ("her daughter b and c", ["b", "c"]), ("her daughter b and c came", ["b", "c"]), ("her son - t - said no", ["t"]),
    ("her sister k was there too", ["k"]), ("her brothers j and k came", ["j", "k"]), ("his sons j, k and l", ["j", "k", "l"]),
])
def test_lower_case_letters_after_a_relation_are_redacted(text, gone):
    # Measured when written: before, all 6 kept every letter
    _gone(text, gone, "[name]")


# Measured when written: before, 4 of these 9 lost a letter ("Part B and C said no" gave "Part B and [name] said
# no"; "Plan B and C came", "Part B, C and D said", "Section B and C said it" alike)
test_letters_that_are_no_person_are_kept = _rounds.kept([
    "Part B and C said no", "Plan B and C came", "Part B, C and D said", "her mum n dad came", "love to her daughter x",
    "her son a lot", "her son i think was there", "my mum and dad", "Section B and C said it",
])


# A ward, bay and bed by their numbers in a row
@pytest.mark.parametrize(("text", "gone"), [
    ("ward 12 bay 3 bed 4", ["12", "3", "4"]), ("the girl in bed 4 bay 2 ward 9", ["4", "2", "9"]),
    ("she was on ward nine bay two", ["nine", "two"]), ("Ward 7, Bay 2", ["7", "2"]), ("bay 4 ward 6", ["4", "6"]),
])
def test_a_ward_bay_and_bed_in_a_row_are_redacted(text, gone):
    # Measured when written: before, all 5 kept a number ("ward 12", "ward 9", "bay two" ...)
    _gone(text, gone, "[place]")


test_a_ward_bay_or_bed_alone_is_kept = _rounds.kept([
    "bay 3 of the car park", "ward 12", "in bed 4", "bays 3 and 4 of the car park", "bed 4 in the garden centre",
])


# A first name in no list, in lower case
@pytest.mark.parametrize(("text", "gone"), [
    ("zorbina was there", ["zorbina"]), ("we saw zorbina yesterday", ["zorbina"]), ("i think jaydon is struggling", ["jaydon"]),
    ("we saw jaydon at the contact centre", ["jaydon"]), ("and then zorbina had a tantrum", ["zorbina"]),
    ("we visited kaydee on monday", ["kaydee"]),
])
def test_a_first_name_no_list_knows_in_lower_case_is_redacted(text, gone):
    # Measured when written: before, all 6 kept the name
    _gone(text, gone, "[name]")


def _word_like(rng) -> str:
    """An invented name in lower case that reads as one, a third of its letters vowels other than "y": fewer, in lower
    case, read as an acronym ("camhs", "yjsip") and are kept by decision, as are words with an English ending
    ("iteratively")."""
    while not _reads_as_name(a := invented_name(rng).lower()):
        pass
    return a


@pytest.mark.parametrize("seed", range(6))
def test_an_invented_first_name_in_lower_case_is_redacted(seed):
    a = _word_like(rng_for(f"lone12-{seed}"))
    _gone(f"i think {a} is struggling", [a], "[name]")
    _gone(f"we saw {a} yesterday", [a], "[name]")


test_acronyms_and_words_in_lower_case_are_kept = _rounds.kept([
    "camhs was good", "the lscb was slow", "i think nfer is right", "we saw ofsted yesterday", "i think ehcp is right",
    "we saw improvements yesterday", "i think it is struggling", "yjsip is a finite resource",
    "and iteratively developed it", "the director for adults and wellbeing described it",
])


# Over-redacted by round 11
# Measured when written: before, "a Corsa", "Vauxhall Corsa", "a Qashqai" and "Nissan Qashqai" were redacted as names
test_cars_are_kept = _rounds.kept([
    "she drives a Fiesta", "they came round in a Corsa", "he drives a Vauxhall Corsa now", "she bought a Qashqai",
    "he had a Ford Fiesta", "the Nissan Qashqai was outside", "mum's Ford Focus broke down",
])


# Measured when written: before, all 3 lost the date
test_a_death_died_by_a_thing_keeps_its_date = _rounds.kept([
    "the review died a death in 2019", "the project died a slow death in March 2019",
    "the idea died a natural death in 2014",
])


@pytest.mark.parametrize(("text", "gone"), [("her death in 2019 hit them hard", ["2019"]), ("he died in 2019", ["2019"])])
def test_a_persons_death_still_loses_its_date(text, gone):
    _gone(text, gone, "[date]")


# -------------------------------------------------------------------------- this round's own red team
# Forms invented for this round (see the report): the ones the old code leaked, each with what must go.
_RED_TEAM = [
    ("her little one, zorbina, started nursery", ["zorbina"], "[name]"),
    ("his stepdad, dean, hit him", ["dean"], "[name]"),
    ("her nan, pat o'brien, has him", ["pat", "o'brien"], "[name]"),
    ("her mum, shaz, hurt him", ["shaz"], "[name]"),
    ("she was born the week before christmas 2015", ["2015"], "[date of birth]"),
    ("she's 14 on friday", ["14", "friday"], "[age]"), ("he turns eleven next tuesday", ["eleven", "tuesday"], "[age]"),
    ("she'll be 16 in june", ["16", "june"], "[age]"), ("he's 5 in august", ["5", "august"], "[age]"),
    ("she lives at 14b", ["14b"], "[address]"),
    ("they're in the flats on kirkgate", ["kirkgate"], "[place]"),
    ("the case number is 2019 slash 04417", ["2019", "04417"], "[reference]"),
    ("find her on insta, it's kayleigh dot b dot 09", ["kayleigh", "b", "09"], "[handle]"),
    ("the boy who was stabbed outside greggs in 2021", ["2021"], "[date]"),
    ("dob oh three, oh five, oh nine", ["three", "five", "nine"], "[date of birth]"),
    ("the girl who went missing in march 2020", ["2020"], "[date]"),
    ("ring jo on 4471", ["4471"], "[phone]"), ("j.b. (14) was moved", ["j", "b", "14"], "[name]"),
    ("k.m., 15, was placed", ["k", "m", "15"], "[name]"), ("her nan's on facebook as pat smith", ["pat", "smith"], "[name]"),
    ("the lad's name was jordan-lee", ["jordan-lee"], "[name]"),
]


# Measured when written: before, 20 of these 21 kept what is listed ('her mum, shaz, hurt him' was redacted)
test_this_rounds_forms_are_redacted = _rounds.gone(_RED_TEAM)


# The round's forms in other casing, spacing and punctuation
# Measured when written: before, 9 of these 12 kept what is listed ("he's at tiny-tots" and "she's 14 on Fri" still
# did after the first changes of this round)
test_this_rounds_forms_in_other_writing_are_redacted = _rounds.gone([
    ("SHE'S AT LITTLE ACORNS", ["little", "acorns"], "[place]"),
    ("she's  at  little  acorns", ["little", "acorns"], "[place]"),
    ("She goes to Busy Bees.", ["busy", "bees"], "[place]"), ("he's at tiny-tots", ["tiny-tots"], "[place]"),
    ("HER DAUGHTER B AND C", ["B", "C"], "[name]"), ("her daughter B & C", ["B", "C"], "[name]"),
    ("Ward 12,bay 3,bed 4", ["12", "3", "4"], "[place]"), ("MISS RHODES WHITE SAID", ["rhodes", "white"], "[name]"),
    ("his stepdad (dean) hit him", ["dean"], "[name]"),
    ("her nan - pat o'brien - has him", ["pat", "o'brien"], "[name]"),
    ("the case no. is 2019 stroke 04417", ["2019", "04417"], "[reference]"),
    ("she's 14 on Fri", ["14", "fri"], "[age]"),
])


test_this_rounds_words_in_ordinary_use_are_kept = _rounds.kept([
    "the review, however, went well",
    "the week before christmas was busy", "she lives at home", "they're in the flats on the estate",
    "the plan is on page 2019", "the scheme went missing in action", "the team went to the review in march 2020",
    "the review is in june", "it was 5 in august 2014", "we were 5 in august", "e.g. was fine", "at 3 p.m. was late",
    "the project's name was changed.", "ring her on monday", "she is on facebook as well", "we did i.e. the plan",
])


# ------------------------------------------------------------------------------------------- end to end
# (each needle is what the old code left of the form: "miss [name] white said", "ward 12 [place]" ...)
_E2E = [
    ("she's at little acorns", ["atlittleacorns"]), ("miss rhodes white said", ["rhodes", "whitesaid"]),
    ("her daughter b and c came", ["daughterbandc"]), ("ward 12 bay 3 bed 4", ["ward12"]),
    ("we saw zorbina yesterday", ["zorbina"]), ("his stepdad, dean, hit him", ["deanhit"]),
    ("the case number is 2019 slash 04417", ["2019slash", "04417"]), ("the girl in bed 4 bay 2 ward 9", ["ward9"]),
    ("find her on insta, it's kayleigh dot b dot 09", ["kayleigh", "bdot09"]),
]


@pytest.fixture(scope="module")
def round12_run(tmp_path_factory):
    return planted_run(tmp_path_factory.mktemp("round12"), _E2E, seed=1212, name_end=3, early_end=6,
                       title="NFER impacts as miss rhodes white coded them", label_note="her daughter b and c came",
                       human_code="zorbina_notes")


@pytest.mark.slow
def test_round12_forms_reach_no_output(round12_run):
    # Measured when written, on the old code: all 11 were published, the forms in quotes.csv and in the study's name and
    # wave labels, the codebook's title and label (framework_core.csv, framework_optional.csv, reliability.csv,
    # provenance.json, report.html, report.docx, tables.xlsx)
    needles = [*_E2E, ("codebook title", ["whitecoded"]), ("codebook label", ["daughterbandc"])]
    assert not (found := leaks_in(round12_run.out_dir, needles)), found

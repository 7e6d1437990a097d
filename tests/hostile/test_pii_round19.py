"""Nineteenth red-team round: the leaks and over-redactions round 18 left, and forms of our own.

Left by round 18, each closed as a class of writing:

* a district whose name is also an English word, gone, driven, flown or travelled to by a person without "back" ("she
  went to [district] for the weekend", "we drove to [district]"); a thing going to one stays ("the house went to sale
  in may" is an auction, not a place: a plain "went to" needs a person before it);
* the second district of a list after a district found ("moved to [district], then to [district]", "lived in
  [district] and later [district]");
* a brand of two or three capitalised words owned, driven or worn ("drives a [Make Model]", "wears a [Brand Name]"):
  ``[detail]``;
* a job of which a town has one ("the only [job] in the town");
* a faith, nation or people before the person singled out ("the only [faith] family on the estate") is ``[detail]``,
  not a name;
* a place whose name is an ordinary word said mostly as an idiom ("lives in hope", "went to battle"): a place where
  written capitalised inside a sentence after a word of moving, living or coming from ("they moved to [Word]").

Each leak is checked on the redacted text with the stress names listed and with none, on other words than the brief's
(other districts, brands, jobs, faiths, places); the same words in ordinary use must stay.  Counts "before" in the
comments were measured on the code before this round (main at 7e00a73).
"""

from __future__ import annotations

import pytest

from . import _rounds
from ._rounds import _both, _gone
from .test_pii_round3 import _left


# ----------------------------------------------------------------------------------------- left by round 18
@pytest.mark.parametrize(("text", "gone"), [
    ("she went to slough for the weekend", ["slough"]), ("we drove to rugby", ["rugby"]),
    ("her mum flew to hull last week", ["hull"]), ("they travelled to wells on friday", ["wells"]),
    ("he goes to deal every summer", ["deal"]), ("i drove to barking and back", ["barking"]),
    ("She went to Ware with her nan", ["ware"]),
])
def test_a_district_a_person_goes_to_is_redacted(text, gone):
    # Measured when written: before, all 7 kept the district
    _gone(text, gone, "[place]")


# Measured when written: before, the three "went to sale" gave "[place]"
test_a_thing_going_to_a_word_is_kept = _rounds.kept([
    "the house went to sale in may", "the case went to sale", "the car went to auction", "the flat went to sale.",
    "she went to bed", "we went to deal with it", "he went to reading group", "they went to pool their money",
    "the report went to print", "it went to stone cold",
])


@pytest.mark.parametrize(("text", "gone"), [
    ("they moved to hull, then to slough", ["hull", "slough"]), ("she lived in rugby and later barking", ["rugby", "barking"]),
    ("he grew up in wells, then stoke", ["wells", "stoke"]), ("they moved to leeds and then to bury", ["bury"]),
    ("we lived in sale, then hull, then deal", ["sale", "hull", "deal"]),
])
def test_the_second_district_of_a_list_is_redacted(text, gone):
    # Measured when written: before, all 5 kept the second (or third) district
    _gone(text, gone, "[place]")


@pytest.mark.parametrize("text", ["they moved to leeds, then to work", "she lived in leeds and later reading about it"])
def test_a_word_after_a_district_in_ordinary_use_is_kept(text):
    for red in _both(text):
        assert _left(red, "work", "reading"), red


@pytest.mark.parametrize(("text", "gone"), [
    ("her dad drives a Range Rover", ["range", "rover"]), ("his mum wears a Patek Philippe", ["patek", "philippe"]),
    ("he's got an Aston Martin", ["aston", "martin"]), ("she owns a Louis Vuitton", ["louis", "vuitton"]),
    ("her brother rides a Harley Davidson", ["harley", "davidson"]), ("he wears a Tag Heuer", ["tag", "heuer"]),
])
def test_a_brand_of_two_words_someone_owns_is_a_detail(text, gone):
    # Measured when written: before, all 6 kept the brand or gave "[name]"
    for red in _both(text):
        assert not _left(red, *gone) and "[detail]" in red and "[name]" not in red, red


test_capitalised_words_owned_that_are_no_brand_are_kept = _rounds.kept([
    "she has a Child Protection Plan", "he has a Personal Budget", "we had a Team Meeting", "she bought a Range Rover",
])


@pytest.mark.parametrize(("text", "gone"), [
    ("the only rabbi in the town", ["rabbi"]), ("the town's only vet", ["vet"]), ("the only undertaker in town", ["undertaker"]),
    ("her uncle is the only priest on the estate", ["priest"]),
])
def test_a_job_a_town_has_one_of_is_a_detail(text, gone):
    # Measured when written: before, 3 of these 4 kept the job (all but "on the estate")
    _gone(text, gone, "[detail]")


@pytest.mark.parametrize(("text", "word"), [
    ("the only hindu family on the estate", "hindu"), ("the only Somali girl in the school", "somali"),
    ("the only muslim boy in the class", "muslim"), ("the only Jewish family in the village", "jewish"),
    ("the only Roma family in the street", "roma"), ("the only Buddhist kid in year 6", "buddhist"),
])
def test_a_faith_or_people_that_singles_a_child_out_is_a_detail(text, word):
    # Measured when written: before, all 6 came out as "[name]" or kept the word
    for red in _both(text):
        assert not _left(red, word) and "[detail]" in red and "[name]" not in red, red


@pytest.mark.parametrize(("text", "gone"), [
    ("they moved to Hope last year", ["hope"]), ("she lives in Battle now", ["battle"]),
    ("he grew up in Settle", ["settle"]), ("her nan lives in Wool", ["wool"]), ("they moved to Street in 2019", ["street"]),
    ("we moved to March in 2019", ["march"]),
])
def test_a_capitalised_place_that_is_an_idiom_word_is_redacted(text, gone):
    # Measured when written: before, 4 of these 6 kept the place ("Hope" came out as "[name]")
    with_names, without = _both(text)
    assert not _left(with_names, *gone), with_names  # "Hope" is a stress name: "[name]" there
    assert not _left(without, *gone) and "[place]" in without and "[name]" not in without, without


test_the_idiom_in_lower_case_or_a_thing_moved_is_kept = _rounds.kept([
    "they live in hope", "she lives in hope of a place", "they went to battle over it", "we moved to settle the claim",
    "the review moved to March", "It was moved to March.", "Hope is not a strategy", "he went to battle.",
])


# -------------------------------------------------------------------------- this round's own red team
# Forms invented for this round (relatives' and workers' identities, distinctive events, online traces, school names,
# car registrations, medical details tied to a person, addresses written oddly, names split by line breaks or hyphens,
# names in other scripts), each with what must go.  Of 92 forms tried, these 12 leaked; some of the rest are in _HELD
# below, and what still leaks is said in the round's report.
_RED_TEAM = [
    ("the only wheelchair user in year 9", ["wheelchair"], "[detail]"),
    ("the only hearing aid wearer in the class", ["hearing", "aid"], "[detail]"),
    ("they're at 14b, the grove", ["14b", "grove"], "[address]"), ("we're at 3c, the maltings", ["3c", "maltings"], "[address]"),
    ("he lives in Ash near Aldershot", ["ash", "aldershot"], "[place]"),
    ("his foster carer is the mayor of the town", ["mayor"], "[detail]"),
    ("her dad is the vicar of the village", ["vicar"], "[detail]"),
    ("she drove to rugby for the match", ["rugby"], "[place]"),
    ("her cousin was the boy killed on the b6481 in 2016", ["b6481"], "[place]"),
    ("she was on the news for saving a girl from the river in 2020", ["2020"], "[date]"),
    ("they moved from Leeds to Wells", ["wells"], "[place]"), ("her name is Mariam\nKhan", ["mariam", "khan"], "[name]"),
]


# Measured when written: before, all 12 kept what is listed
test_this_rounds_forms_are_redacted = _rounds.gone(_RED_TEAM)


# Forms of this round's red team that were already redacted (kept as a guard).
_HELD = [
    ("her stepdad is the only paramedic in the village", ["paramedic"]), ("his grandad was the landlord of the red lion", ["red", "lion"]),
    ("her aunt is the headteacher at oakwood primary", ["oakwood"]), ("she posts on tiktok as lilyb_2010", ["lilyb_2010"]),
    ("his youtube channel is called zorb gaming", ["zorb"]), ("her snapchat is zorbyx09", ["zorbyx09"]),
    ("find her on insta @zorby.x", ["zorby"]), ("he goes to st bede's", ["bede"]), ("they go to kirkgate juniors", ["kirkgate"]),
    ("his car reg is yx62 abc", ["yx62"]), ("her number plate is Y X 6 2 A B C", ["6 2"]),
    ("they live at flat 4, 12 bramble rd", ["bramble"]), ("she lives at no. 14 bramble", ["bramble"]),
    ("her name is jor-\ndan", ["jor", "dan"]), ("his name was Sandra\nSmith", ["sandra", "smith"]),
    ("her brother Дмитрий came", ["дмитрий"]), ("her friend محمد said", ["محمد"]), ("her nan 王芳 lives with them", ["王芳"]),
    ("my sw is called Ngozi Okonkwo-Adeyemi", ["ngozi", "okonkwo", "adeyemi"]),
    ("her dad, Mr. O'Neill-Brown, rang", ["o'neill"]), ("he was stabbed outside the shop in March 2021", ["2021"]),
    ("she's called Zor-bina and she's 9", ["zor", "bina"]),
]


test_this_rounds_forms_already_redacted_stay_so = _rounds.stay_gone(_HELD)


test_this_rounds_words_in_ordinary_use_are_kept = _rounds.kept([
    "the end of the street", "the head of the school", "the only user in the team", "we are at 10 am",
    "she's at 9 tomorrow", "we went to deal with it", "the only one near the door", "we saved the budget in 2019",
    "the plan went from good to great", "the khan of the steppe",
])


# ---------------------------------------------------------------------------------- compiled with simple folding
# The patterns are compiled with simple case folding (half the time), and again with their own flags (full folding
# under VERSION1) only for a text holding a character that folds to more than one.  Each lazily compiled pattern of
# the privacy modules must find the same matches both ways, on texts with and without such characters.
_FOLD_TEXTS = [
    "Tom Bishop, 14, lives at 12 Bramble Road, LS6 2AB; call 07700 900123. she went to hull",
    "Herr Strauß wohnt in der Bahnhofstraße 5, STRASSE", "the ﬁrst ﬂat at number 4, Straße", "İstanbul'dan gelen Ayşe",
    "her mum's address is 14 Strasse Lane and she's 12", "the only ﬁsh family on the estate",
]


def test_simple_folding_finds_what_full_folding_finds():
    import regex

    from impact.privacy import _assess, _detect, _lexicon, _names, _redact

    lazy = [v for mod in (_assess, _detect, _lexicon, _names, _redact) for v in vars(mod).values()
            if isinstance(v, _lexicon._LazyPattern)]
    assert len(lazy) > 150
    for pattern in lazy:
        reference = pattern._compiled(True)  # regex.compile(*pattern._args): the pattern's own flags
        assert isinstance(reference, regex.Pattern) and reference.pattern == pattern._args[0]
        for text in _FOLD_TEXTS:
            assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in reference.finditer(text)], (
                pattern._args[0][:80], text)

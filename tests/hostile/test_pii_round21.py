"""Twenty-first red-team round: the leaks round 20 left, and forms of our own.

Left by round 20, each closed as a class of writing:

* a prison, a secure unit or a hospital known by its name alone, the name made of English words ("banged up in wormwood
  scrubs", "serving 6 years in full sutton", "he was in Alder Hey"): the name is one ``[place]``, read from a list of
  such names (impact/_data/privacy/institutions.txt) where custody or care is said near it;
* a place of two capitalised words ending in a word of the land before a word of the places on it ("the Hope Valley
  line", "the Calder Valley line"): ``[place]``, not ``[name]``;
* a hospital by a given name's possessive in lower case ("in the jimmy's"): ``[place]``;
* a district ending in "-ing" before a purpose of seeing someone ("went to barking to see her nan"), where "went back to
  reading to catch up" stays;
* "the vicar of the parish": kept (decided).  A parish is a vicar's or a priest's own by office, so "of the parish" adds
  nothing to "the vicar", which is kept; "the vicar of the village", a small place's own, stays a detail.

Each leak is checked on the redacted text with the stress names listed and with none; the same words in ordinary use
must stay.  Counts "before" in the comments were measured on the code before this round (main at 9badaca).
"""

from __future__ import annotations

import pytest

from . import _rounds
from ._rounds import _both, _gone
from .test_pii_round3 import _left


# ----------------------------------------------------------------------------------------- left by round 20
@pytest.mark.parametrize(("text", "gone"), [
    ("banged up in wormwood scrubs", ["wormwood", "scrubs"]), ("serving 6 years in full sutton", ["full", "sutton"]),
    ("he was sent to long lartin", ["long", "lartin"]), ("she did a stint in low newton", ["low", "newton"]),
    ("She's in Wormwood Scrubs.", ["wormwood", "scrubs"]), ("he did 3 years at long lartin", ["long", "lartin"]),
    ("he's on remand at low newton", ["low", "newton"]), ("he's in the young offenders at werrington", ["werrington"]),
    ("her brother is doing time in the verne", ["verne"]), ("he was in Alder Hey for a month", ["alder", "hey"]),
])
def test_a_prison_or_hospital_by_its_name_alone_is_one_place(text, gone):
    # Measured when written: before, 9 of these 10 kept the name ("full [council]" for "full sutton"); "doing time in the
    # verne" was redacted by round 20's rule
    for red in _both(text):
        assert not _left(red, *gone) and "[place]" in red and "[council]" not in red, red


@pytest.mark.parametrize(("text", "gone"), [
    ("the Hope Valley line was closed", ["hope", "valley"]), ("they live near the Calder Valley line", ["calder", "valley"]),
    ("she goes to the Grace Dale school", ["grace", "dale"]), ("down the Faith Moor road", ["faith", "moor"]),
])
def test_a_place_ending_in_a_word_of_the_land_before_a_word_of_places_is_a_place(text, gone):
    # Measured when written: before, "the Hope Valley line" and "the Faith Moor road" gave "[name]"
    for red in _both(text):
        assert not _left(red, *gone) and "[place]" in red and "[name]" not in red, red


@pytest.mark.parametrize(("text", "gone"), [
    ("she was in the jimmy's for a week", ["jimmy's"]), ("he was born at the jimmy's", ["jimmy's"]),
    ("she's in the jimmy's again", ["jimmy's"]), ("they took him to the freddie's.", ["freddie's"]),
])
def test_a_hospital_by_a_given_names_possessive_in_lower_case_is_a_place(text, gone):
    # Measured when written: before, all 4 kept it
    _gone(text, gone, "[place]")


@pytest.mark.parametrize(("text", "gone"), [
    ("went to barking to see her nan", ["barking"]), ("he went to reading to see his dad", ["reading"]),
    ("she went to barking to stay with her gran", ["barking"]), ("they went to reading to visit his mum", ["reading"]),
])
def test_an_ing_district_before_a_visit_is_a_place(text, gone):
    # Measured when written: before, all 4 kept the district
    _gone(text, gone, "[place]")


# -------------------------------------------------------------------------- this round's own red team
# Forms invented for this round (foster carers' streets, schools by nickname, sports clubs, birthdays, car registrations,
# NHS numbers with spaces, handles without @, named social workers, prisons, hospitals).  Of 35 forms tried, these 9
# leaked before; the other 26 are in _HELD.
_RED_TEAM = [
    ("he plays for Moss Side Tigers under 12s", ["moss", "side", "tigers"], "[place]"),
    ("she plays for the hyde lions", ["hyde", "lions"], "[place]"),
    ("he plays for Hyde United", ["hyde", "united"], "[place]"),
    ("he's at the Grammar now", ["grammar"], "[place]"),
    ("she's at the Girls' High", ["high"], "[place]"),
    ("she was on ward 7 at the Royal", ["royal"], "[place]"),
    ("he got 4 years and went to high down", ["high", "down"], "[place]"),
    ("he was sectioned and sent to rampton", ["rampton"], "[place]"),
    ("she got a 2 year sentence and was sent to send", ["send"], "[place]"),
]


# Measured when written: before, all 9 kept what is listed (or part of it: "[place] Side Tigers", "the [name] lions")
test_this_rounds_forms_are_redacted = _rounds.gone(_RED_TEAM)


# Forms of this round's red team that were already redacted (kept as a guard).
_HELD = [
    ("he's in HMP Wormwood Scrubs", ["wormwood", "scrubs"]), ("his foster carers live on ashbourne close", ["ashbourne"]), ("she stays with her foster mum on kingsley avenue", ["kingsley"]),
    ("his foster carer Mrs Patel on Elm Grove", ["patel", "elm"]), ("he turned 7 on the 3rd of March", ["7", "3rd"]),
    ("she'll be 9 on 14 June", ["14"]), ("the car was a blue corsa, reg AB12 CDE", ["ab12"]), ("the car reg is yx67abc", ["yx67abc"]),
    ("his NHS number is 943 476 5919", ["943", "5919"]), ("nhs 485 777 3456", ["485", "3456"]),
    ("she's on snapchat as lilly_b2010", ["lilly_b2010"]), ("his insta is jaydenxx07", ["jaydenxx07"]),
    ("her tiktok is lils.dance", ["lils"]), ("she's on snap as kayzxo", ["kayzxo"]),
    ("the social worker, Mr Okafor, said", ["okafor"]), ("Social Worker Jane Bloggs rang", ["jane", "bloggs"]),
    ("our social worker is called Mrs Smith", ["smith"]), ("her foster carer Aunty Pat", ["pat"]),
    ("the foster carers Sue and Dave", ["sue", "dave"]), ("it's her 13th birthday on the 9th", ["13th", "9th"]),
    ("he's in HMP Full Sutton", ["full", "sutton"]), ("he goes to cubs at st luke's", ["luke's"]),
    ("she was transferred to Great Ormond Street", ["ormond"]),
    ("she was in great ormond street for months", ["ormond"]), ("they moved to Blackley to be near her mum", ["blackley"]),
    ("she went to woking to visit her dad", ["woking"]),
]


test_this_rounds_forms_already_redacted_stay_so = _rounds.stay_gone(_HELD)


# Ordinary English next to the shapes this round reads; measured when written: the two "of the parish" gave
# "the [detail] of the parish" before (decided: kept), the rest were kept before and after
test_forms_near_this_rounds_rules_are_kept = _rounds.kept([
    "the vicar of the parish said", "the priest of the parish came", "went back to reading to catch up",
    "we went back to reading to catch up on the notes", "went to reading to catch up", "he plays for the school team",
    "she plays for fun", "he played for time", "she's at the high school", "he's at grammar school", "the bottom line",
    "we went to the high court", "he was locked up in his room", "it was done in full", "she's in a low mood",
    "he went to the general meeting", "the Royal College of Nursing", "the jimmy's case was hard",
    "she was serving in the army", "he went in the long run", "I went to reading group to see the others",
    "they are in the same boat", "the team's in high spirits", "the story of the mount",
    "she's been in send for two years", "he moved to ford's old office last month", "he went to the mount for a week",
    "they play for the under 12s", "he plays for time, he wants to be liked",
])


def test_the_vicar_of_a_small_place_stays_a_detail():
    # Decided: the vicar of the parish is only "the vicar"; the vicar of the village names the village's one vicar
    for red in _both("the vicar of the village said"):
        assert "[detail]" in red and "vicar" not in red, red

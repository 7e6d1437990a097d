"""Twenty-third red-team round: the leaks round 22 left, and forms of our own from children's social care interviews.

Left by round 22, each closed as a class of writing:

* a bus route as the subject carrying a child where a journey is said ("the 192 takes her to school", "the x7 drops him
  at college"): ``[detail]``; a count of people ("the 10 go to school together") stays;
* a numbered youth group written capitalised ("the 12th Brackwell Cubs"): the number and the place are one ``[place]``
  and the organisation's word stays, as round 22 does in lower case; a name the name finder reads running on past a
  place into ordinary words that are no one's name is part of that place;
* a first name that is also a word a thing is named by ("hope", "joy", "will"), in lower case, before a service and what
  help or hope does too ("hope from the council came too late"): kept; only what a person alone does (speaks, rings,
  visits, comes round) makes it the person;
* a pet's name made like a word in -s, -ed or -ing ("our dog Biscuits", "the cat, Frayed", "their dog Sparkling bit
  him"): ``[name]`` where capitalised; in lower case it is what the pet does ("the dog, barking, ran off");
* a team's name joining two words with "on" or "and" ("Brackwell on Sea Rovers", "Smith and Jones Under-11s"): one
  ``[place]``, the age group kept.

Each leak is checked on the redacted text with the stress names listed and with none; the same words in ordinary use
must stay.  Counts "before" in the comments were measured on main at a5a9cd9.
"""

from __future__ import annotations

import pytest

from .test_pii_round7 import assert_kept
from .test_pii_round11 import _both, _gone


# ----------------------------------------------------------------------------------------- left by round 22
@pytest.mark.parametrize(("text", "gone"), [
    ("the 192 takes her to school", ["192"]), ("the 38a gets him to college", ["38a"]),
    ("the x7 drops him at college every morning", ["x7"]),
    ("the 42 picks him up by the shop and drops him at school", ["42"]),
    ("the 310 took her to her nan's on saturdays", ["310"]),
])
def test_a_bus_route_carrying_a_child_is_a_detail(text, gone):
    # Measured when written: before, all 5 kept the route
    _gone(text, gone, "[detail]")


@pytest.mark.parametrize(("text", "expected"), [
    ("he joined the 12th Brackwell Cubs", "he joined the [place] Cubs"),
    ("she's in the 3rd Zorbly Brownies now", "she's in the [place] Brownies now"),
    ("the 1st Threlby Scouts went camping", "the [place] Scouts went camping"),
])
def test_a_capitalised_numbered_youth_group_keeps_its_kind(text, expected):
    # Measured when written: before, all 3 gave one "[name]" for the number, the place and the organisation
    for red in _both(text):
        assert red == expected, red


@pytest.mark.parametrize("text", [
    "hope from the council came too late for him", "that hope from the yot came to nothing",
    "and joy from the school came of it in the end", "but will from the council came through in the end",
    "no hope from the council came", "real joy from the council came after the review",
])
def test_a_word_that_is_a_first_name_before_what_help_does_is_kept(text):
    # Measured when written: before, the first four gave "[name]" (over-redaction), the last two were kept (guards)
    assert_kept(text)


@pytest.mark.parametrize(("text", "gone"), [
    ("grace from the council came round", ["grace"]), ("and will from the school rang", ["will"]),
    ("faith from social services came out to see us", ["faith"]), ("hope from the yot said he was fine", ["hope"]),
])
def test_a_word_that_is_a_first_name_before_what_a_person_does_is_the_person(text, gone):
    # Guards: redacted before and after
    _gone(text, gone, "[name]")


@pytest.mark.parametrize(("text", "gone"), [
    ("our dog Biscuits loves him", ["biscuits"]), ("the cat, Frayed, sleeps on her bed", ["frayed"]),
    ("the cat, Frayed", ["frayed"]), ("their dog Sparkling bit him", ["sparkling"]),
    ("the hamster, Crumbed, died", ["crumbed"]), ("their cat Whiskers died", ["whiskers"]),
    ("the dog, rolo, sleeps on her bed", ["rolo"]),
])
def test_a_pets_name_made_like_a_word_is_a_name(text, gone):
    # Measured when written: before, 6 of these 7 kept the name ("our dog Biscuits" was redacted: a guard)
    _gone(text, gone, "[name]")


@pytest.mark.parametrize("text", [
    "the dog, barking, ran off", "the cat, frightened, hid", "their dog never bites", "the dog barked at him",
    "her dog is lovely", "their dog died last year",
])
def test_what_a_pet_does_is_kept(text):
    # Guards: kept before and after
    assert_kept(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("he plays for Brackwell on Sea Rovers", "he plays for [place]"),
    ("he plays for brackwell on sea rovers", "he plays for [place]"),
    ("she plays for Smith and Jones Under-11s", "she plays for [place] Under-11s"),
    ("he's in goal for Thrushby and District Juniors", "he's in goal for [place]"),
])
def test_a_team_name_joined_by_on_or_and_is_one_place(text, expected):
    # Measured when written: before, "[place] on Sea Rovers", "[place] on sea rovers", "[name] and [name]-11s" and
    # "[name] and District Juniors"
    for red in _both(text):
        assert red == expected, red


@pytest.mark.parametrize("text", [
    "he plays with friends and family united", "we support families and children in town", "he plays for fun and friends",
    "she plays for the school team on saturdays", "the 10 go to school together", "he scored a goal for the team",
])
def test_forms_near_the_left_leaks_are_kept(text):
    # Guards: kept before and after
    assert_kept(text)

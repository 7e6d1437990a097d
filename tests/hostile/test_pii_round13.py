"""Thirteenth red-team round: the leaks and over-redactions the twelfth left, and forms of our own.

Left by round 12, each closed as a class of writing:

* a setting named by a singular phrase whose last word names premises, or by one plural word, with no kind of
  setting said ("she's at rainbow corner", "she goes to rainbows");
* a pub or shop named after a word of keeping or running it ("landlord of the red lion", "her dad runs the red lion");
* a district no list knows after a landmark ("near the big tesco in armley");
* a first name, and a surname after it, in lower case after "called", "named" or "known as" ("she's called grace
  hill", "a girl named grace");
* over-redacted: a thing's death losing its year ("the policy died in 2019"), a setting's kind after a hyphenated
  word ("out-of-area school"), a listed name that is a month before a year ("14 in May 2019" with "May Day" listed).

Each leak is checked on the redacted text with the stress names listed and with none; the same words in ordinary use
must stay.  Counts "before" in the comments were measured on the code before this round (pii12 at 712ddcb).
"""

from __future__ import annotations

import pytest

from . import _rounds
from ._rounds import _both, _gone, assert_kept


# ----------------------------------------------------------------------------------------- left by round 12
@pytest.mark.parametrize(("text", "gone"), [
    ("she's at rainbow corner", ["rainbow", "corner"]), ("she goes to rainbow corner now", ["rainbow", "corner"]),
    ("he's at acorn lodge", ["acorn", "lodge"]), ("she went to willow cottage", ["willow", "cottage"]),
    ("he goes to meadow view every day", ["meadow", "view"]), ("she's at rainbows", ["rainbows"]),
    ("he goes to beavers on a friday", ["beavers"]),
])
def test_a_setting_named_by_a_singular_phrase_or_one_plural_is_redacted(text, gone):
    # Measured when written: before, all 7 kept the setting's name
    _gone(text, gone, "[place]")


test_ordinary_phrases_after_going_are_kept = _rounds.kept([
    "she goes to youth club", "he went to speech therapy", "she's at high risk", "he went to family court",
    "she went to nan's house", "she's at home", "he went to pieces", "she's at odds with him", "they went to court",
    "he goes to church", "she is at death's door", "he's at the corner", "it went to plan", "she went to bed",
    "she's at camhs", "she's at cafcass", "he went to prisons", "she's at dinner",
])


@pytest.mark.parametrize(("text", "gone"), [
    ("he's the landlord of the red lion", ["red", "lion"]), ("her dad runs the red lion", ["red", "lion"]),
    ("her mum is landlady at the white hart", ["white", "hart"]), ("his dad owns the golden dragon", ["golden", "dragon"]),
])
def test_a_pub_or_shop_named_after_who_keeps_it_is_redacted(text, gone):
    # Measured when written: before, all 4 kept the name
    _gone(text, gone, "[place]")


test_what_someone_runs_in_ordinary_words_is_kept = _rounds.kept([
    "she runs the youth club", "he runs the risk of it", "she runs the family business", "he owns the house",
    "the manager of the team said", "she runs the early help service",
])


@pytest.mark.parametrize(("text", "gone"), [
    ("near the big tesco in armley", ["armley"]), ("the flats by the park in gipton", ["gipton"]),
    ("they live near the chippy in bramley", ["bramley"]),
])
def test_a_district_after_a_landmark_is_redacted(text, gone):
    # Measured when written: before, all 3 kept the district
    _gone(text, gone, "[place]")


@pytest.mark.parametrize(("text", "gone"), [
    ("she's called grace hill", ["grace", "hill"]), ("she is called grace hill", ["grace", "hill"]),
    ("a girl named grace", ["grace"]), ("he's known as jack hill", ["jack", "hill"]),
    ("a lad named will turner came", ["will", "turner"]),
])
def test_a_name_after_called_named_or_known_as_is_redacted(text, gone):
    # Measured when written: before, all 5 kept the name
    _gone(text, gone, "[name]")


test_what_is_called_in_ordinary_words_is_kept = _rounds.kept([
    "it is called early help", "what is known as best practice", "she called social care", "we called back",
    "she's called it off",
])


# Measured when written: before, all 8 were changed (the year of a thing's death, "[place]" for the school,
# "May" as a listed name)
test_round12_over_redactions_are_kept = _rounds.kept([
    "the policy died in 2019", "the scheme died in March 2019", "the project finally died in 2014",
    "she goes to out-of-area school", "he went to out-of-county school", "we met in May 2019",
    "by May 2019 it had ended", "on 3rd May she came",
])


def test_a_listed_month_in_a_date_after_an_age_is_kept():
    # Measured when written: before, "she was [age] in [name] 2019" with "May Day" listed
    for red in _both("she was 14 in May 2019"):
        assert red == "she was [age] in May 2019", red


test_a_persons_death_still_loses_its_date = _rounds.gone([
    ("the boy died in 2019", ["2019"], "[date]"), ("her baby died in 2019", ["2019"], "[date]"),
    ("the patient died in March 2019", ["2019"], "[date]"),
])


@pytest.mark.parametrize("noun", ["newborn", "fella", "chap", "pilot", "foster", "youngster", "old man"])
def test_a_death_of_a_noun_no_list_knows_loses_its_date(noun):
    # The thing-death rule fails safe: only a noun of an organisation's work ("policy", "scheme") or an abstract
    # ending ("arrangement", "partnership") keeps its year; before, "the newborn died in 2019" kept "2019".
    _gone(f"the {noun} died in 2019, it hit everyone", ["2019"], "[date]")


@pytest.mark.parametrize("noun", ["initiative", "arrangement", "partnership", "funding", "consultation"])
def test_a_death_of_an_organisations_thing_keeps_its_year(noun):
    assert_kept(f"the {noun} died in 2019")


# -------------------------------------------------------------------------- this round's own red team
# Forms invented for this round (workers' and relatives' identities, distinctive events, places, online traces): the
# ones the old code leaked, each with what must go.
_RED_TEAM = [
    ("our team manager - sandra p - signed it off", ["sandra", "p"], "[name]"),
    ("the sw - tasha k - rang", ["tasha", "k"], "[name]"),
    ("the new starter, zeinab, took the case", ["zeinab"], "[name]"),
    ("the new starter (zeinab) took it", ["zeinab"], "[name]"),
    ("the caretaker - bob - let us in", ["bob"], "[name]"),
    ("her form tutor is mr k", ["k"], "[name]"), ("her ex, mr t, is inside", ["t"], "[name]"),
    ("my mate's husband is a cop in chapeltown", ["chapeltown"], "[place]"),
    ("her mum works at the asda in killingbeck", ["killingbeck"], "[place]"),
    ("he works at the tesco near crossgates", ["crossgates"], "[place]"),
    ("she's in year 9 at roundhay", ["roundhay"], "[place]"), ("she's at roundhay", ["roundhay"], "[place]"),
    ("she works behind the bar at the kings arms", ["kings", "arms"], "[place]"),
    ("their dad - landlord of The Red Lion - came", ["red", "lion"], "[place]"),
    ("her nan is called grace hill", ["grace", "hill"], "[name]"),
    ("her sister's called grace-may", ["grace-may"], "[name]"),
    ("the girl whose dad was jailed for the arson in 2018", ["2018"], "[date]"),
    ("the girl whose brother was sentenced in june 2021", ["2021"], "[date]"),
    ("the baby found abandoned in the bin in march 2017", ["2017"], "[date]"),
    ("her youtube is called lily makes stuff", ["lily", "makes", "stuff"], "[handle]"),
    ("a whatsapp group called the zorbo crew, with 40 kids", ["zorbo", "crew"], "[handle]"),
]


# Measured when written: before, all 21 kept what is listed
test_this_rounds_forms_are_redacted = _rounds.gone(_RED_TEAM)


# The round's forms in other casing and punctuation
# Measured when written: before, 6 of these 9 kept what is listed (the capitalised "Grace-May", "Chapeltown" and
# "Roundhay" were redacted already)
test_this_rounds_forms_in_other_writing_are_redacted = _rounds.gone([
    ("She goes to Rainbow Corner", ["rainbow", "corner"], "[place]"),
    ("he's at RAINBOW CORNER", ["rainbow", "corner"], "[place]"),
    ("His Dad Runs The Red Lion.", ["red", "lion"], "[place]"),
    ("Her Sister's Called Grace-May", ["grace-may"], "[name]"), ("He Works In Chapeltown", ["chapeltown"], "[place]"),
    ("she's At Roundhay now", ["roundhay"], "[place]"),
    ("our team manager - sandra p. - signed it off", ["sandra", "p"], "[name]"),
    ("her YouTube channel's called Lily Makes Stuff.", ["lily", "makes", "stuff"], "[handle]"),
    ("she's known as grace hill, by the way", ["grace", "hill"], "[name]"),
])


# Measured when written: before, 3 of these 12 were changed ("Jun" and "Sept" as places, the year of the funding's
# death)
test_this_rounds_words_in_ordinary_use_are_kept = _rounds.kept([
    "we met in Jun 2019", "on 3 Sept she came", "the funding died in april 2020", "she works at the front",
    "he was a cop in the met", "she's at it again", "she's at lunch", "the group is called early help",
    "her dad runs the show", "she's in year 9 at the academy", "it went to the tribunal in 2019", "i miss mr t so much",
])

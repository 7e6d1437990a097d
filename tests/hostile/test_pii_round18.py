"""Eighteenth red-team round: the leaks and over-redactions round 17 left, and forms of our own.

Left by round 17, each closed as a class of writing:

* a district whose name is also an English word, in lower case, where someone moves, lives or comes from ("they moved
  to [district]"): a word of the shipped list of such places (``_data/privacy/word_places.txt``) after a word of
  moving, living or coming from and before the end of the phrase; the same verbs before other words stay ("moved to
  tears", "lives in hope", "went to bed", "went back to reading the report");
* a brand said capitalised after a word of owning, driving or wearing and "a" ("drives a [Brand]"): a belonging,
  ``[detail]``;
* a job of which a small place has one ("the only [job] in the village", "the island's one [job]");
* a name after a role written short or not in the list of roles ("my sw is called [word]", "the [abbreviation]
  ([name]) came", "the vicar (rev. [name])"), and a word set off after a role before "is" or "was";
* a word in brackets after a relation or role before "and" or a comma ("her dad ([name]) and her mum ([name]) came");
* a date of birth in eight or six figures run together came out as ``[reference]``;
* over-redacted: an ordinary word in brackets after a role that says how the person works or is ("(locum)",
  "(agency)", "(sober)") became ``[name]``.

Each leak is checked on the redacted text with the stress names listed and with none, on other words than the brief's
(other districts, brands, jobs, abbreviations, names); the same words in ordinary use must stay.  Counts "before" in
the comments were measured on the code before this round (main at 9c78b69).
"""

from __future__ import annotations

import pytest

from . import _rounds
from ._rounds import _both, _gone
from .test_pii_round3 import _left


# ----------------------------------------------------------------------------------------- left by round 17
@pytest.mark.parametrize(("text", "gone"), [
    ("they moved to sale last year", ["sale"]), ("she grew up in wells", ["wells"]), ("he's from bury originally", ["bury"]),
    ("they were rehoused in barking", ["barking"]), ("she lives in rugby with her nan", ["rugby"]),
    ("he went back to deal.", ["deal"]), ("her dad lives in slough now", ["slough"]), ("They moved to Ware in 2019", ["ware"]),
    ("she was born in reading", ["reading"]), ("SHE LIVES IN POOL", ["pool"]), ("he moved back to stoke", ["stoke"]),
])
def test_a_district_that_is_a_word_where_someone_lives_is_redacted(text, gone):
    # Measured when written: before, 10 of these 11 kept the district (all but "Ware" capitalised)
    _gone(text, gone, "[place]")


# Measured when written: before, "she was moved to tears" came out as "moved to [place]"
test_the_same_verbs_before_other_words_are_kept = _rounds.kept([
    "she was moved to tears", "they live in hope", "he went to bed", "she went back to reading the report",
    "he went back to work", "they moved to deal with the backlog", "she lives in fear", "we moved to street level",
    "the case moved to stage two", "he went back to bath the baby", "the flat went up for sale",
    "she lives in a street",
])


@pytest.mark.parametrize(("text", "gone"), [
    ("her dad drives a Maserati", ["maserati"]), ("she wears a Cartier", ["cartier"]), ("he's got a Lamborghini", ["lamborghini"]),
    ("her mum owns a Bentley", ["bentley"]), ("he rides a Ducati", ["ducati"]),
])
def test_a_capitalised_brand_someone_owns_is_a_detail(text, gone):
    # Measured when written: before, all 5 kept the brand
    for red in _both(text):
        assert not _left(red, *gone) and "[detail]" in red and "[name]" not in red, red


test_a_make_not_owned_is_kept = _rounds.kept([
    "they came in a Corsa", "she bought a Ford", "we used a Teams call", "it was a Tuesday",
])


@pytest.mark.parametrize(("text", "gone"), [
    ("the only pharmacist in the village", ["pharmacist"]), ("the one dentist on the island", ["dentist"]),
    ("her dad is the only gp in the village", ["gp"]), ("the village's only vicar", ["vicar"]),
    ("the only teacher on the island", ["teacher"]), ("the island's one policeman", ["policeman"]),
])
def test_a_job_a_small_place_has_one_of_is_a_detail(text, gone):
    # Measured when written: before, all 6 kept the job
    _gone(text, gone, "[detail]")


# Measured when written: before, "the only social worker in the team" came out as "the only [detail] worker"
test_a_job_in_a_team_or_a_meeting_is_kept = _rounds.kept([
    "the only social worker in the team", "the only nurse on the ward", "the only one in the village",
    "the one teacher in the meeting", "the only manager at the panel",
])


@pytest.mark.parametrize(("text", "gone"), [
    ("my sw is called clay", ["clay"]), ("her social worker is called frost", ["frost"]),
    ("her iro, sage, is lovely", ["sage"]), ("his sw, flint, was great", ["flint"]),
    ("the vicar (rev. frost)", ["frost"]), ("the pastor (rev clay) came", ["clay"]),
    ("the senco (pip) rang", ["pip"]), ("our pa, kez, sorted it", ["kez"]), ("the dsl (ruby) said", ["ruby"]),
    ("her tm is called honey", ["honey"]),
])
def test_a_name_after_a_short_or_unlisted_role_is_redacted(text, gone):
    # Measured when written: before, all 10 kept the name
    _gone(text, gone, "[name]")


@pytest.mark.parametrize(("text", "gone"), [
    ("his nan (pearl) and his grandad (flint) came", ["pearl", "flint"]), ("her carer (frost), and her sw", ["frost"]),
    ("my mum (honey) and me", ["honey"]), ("the nurse (sage) and the gp", ["sage"]),
])
def test_a_word_in_brackets_after_a_relation_before_and_is_the_name(text, gone):
    # Measured when written: before, all 4 kept a name in brackets before "and" or a comma
    _gone(text, gone, "[name]")


@pytest.mark.parametrize(("text", "token"), [
    ("date of birth is 14092010", "[date of birth]"), ("dob 20100914", "[date of birth]"),
    ("DOB: 140910", "[date of birth]"), ("her d.o.b. is 01122008", "[date of birth]"),
])
def test_a_date_of_birth_run_together_is_a_date_of_birth(text, token):
    # Measured when written: before, all 4 came out as "[reference]" or kept
    for red in _both(text):
        assert red.endswith(token) and "[reference]" not in red, red


# Measured when written: before, 9 of these 10 came out as "[name]" (all but "(retired)")
test_a_word_in_brackets_saying_how_someone_works_or_is_is_kept = _rounds.kept([
    "the worker (bank) said", "the nurse (locum) came", "the worker (agency) rang", "her dad (sober) came",
    "his mum (pregnant) said", "the carer (temp) came", "her dad (drunk) came", "the gp (retired) said",
    "the worker (interim) rang", "the nurse (relief) came",
])


# -------------------------------------------------------------------------- this round's own red team
# Forms invented for this round (workers' and relatives' identities, distinctive events, places, online traces, dates
# of birth written oddly, other casing and punctuation, names split by line breaks and hyphens, other scripts), each
# with what must go.
_RED_TEAM = [
    ("HER SW, ASH, IS GREAT", ["ash"], "[name]"), ("Her SW (Clay) came", ["clay"], "[name]"),
    ("the hv is called zor-\nbina", ["zor", "bina"], "[name]"), ("my sw is called Zoë", ["zoë"], "[name]"),
    ("the hv (Siobhán) came", ["siobhán"], "[name]"), ("her dad (Анатолий) came", ["анатолий"], "[name]"),
    ("my key worker is called 李明", ["李明"], "[name]"), ("her cpn is called dawn", ["dawn"], "[name]"),
    ("our tm, pip, said no", ["pip"], "[name]"), ("the vicar, rev. clay, came", ["clay"], "[name]"),
    ("her bday is 3rd april 2011", ["3rd", "april", "2011"], "[date of birth]"),
    ("his b'day is the 14th of may", ["14th", "may"], "[date of birth]"),
    ("date of birth 2010-9-14", ["2010", "14"], "[date of birth]"),
    ("d.o.b. 14 . 09 . 2010", ["14", "2010"], "[date of birth]"),
    ("the island's only midwife", ["midwife"], "[detail]"), ("the only vet in the hamlet", ["vet"], "[detail]"),
    ("THE ONLY DENTIST IN THE VILLAGE", ["dentist"], "[detail]"),
    ("they moved to Sale in the summer", ["sale"], "[place]"), ("she's from wells originally", ["wells"], "[place]"),
    ("he goes back to stoke every weekend", ["stoke"], "[place]"), ("they were housed in poplar", ["poplar"], "[place]"),
    ("she was brought up in hackney", ["hackney"], "[place]"),
    ("he sells trainers on depop as zorbkicks", ["zorbkicks"], "[handle]"),
    ("she's on vinted as zorbyvintage", ["zorbyvintage"], "[handle]"),
    ("his dad drives a Bugatti", ["bugatti"], "[detail]"), ("her mum wears a Hermès", ["hermès"], "[detail]"),
    ("she has a Louboutin", ["louboutin"], "[detail]"),
    ("his nan (pearl), his grandad (flint) and me", ["pearl", "flint"], "[name]"),
    ("the hv - kim - came", ["kim"], "[name]"), ("our iro (ash) is new", ["ash"], "[name]"),
    ("the vicar (reverend sage) came", ["sage"], "[name]"), ("her sw is called holly-mae", ["holly", "mae"], "[name]"),
]


# Measured when written: before, 21 of these 32 kept what is listed or gave another token
test_this_rounds_forms_are_redacted = _rounds.gone(_RED_TEAM)


test_this_rounds_words_in_ordinary_use_are_kept = _rounds.kept([
    "the team is called early help", "the meeting was called off", "the worker (new) said", "the nurse (again) came",
    "she bought it on depop", "the only one on the island who cared", "she drives a car", "he wears a coat",
    "they moved to a new house", "it was moved to a later date", "we went back to basics",
    "his dob's missing from the form",  # before: "his [name]'s missing"
])

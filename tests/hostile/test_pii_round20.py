"""Twentieth red-team round: the leaks round 19 left, and forms of our own.

Left by round 19, each closed as a class of writing:

* a relative's job at a child's school said with "a" ("her mum is a dinner lady at the school", "his dad works as a
  caretaker at the academy"): the job is ``[detail]``;
* a health condition tied to one child in a community without "only" ("the boy with cystic fibrosis at the school"):
  the condition is ``[detail]``;
* a hospital by the nickname of its kind after "the" ("he's at the Royal", "taken to the General"), a prison by its
  name alone in lower case ("she's in styal"): ``[place]``;
* a group on a platform named after a place ("the Wythenshawe Mums Facebook group"): the group's name is ``[place]``;
* a sixth form named in lower case ("notre dame sixth form"): the whole name is one ``[place]``;
* a church or school by its saint with the possessive, wherever it stands ("the vicar of St Mary's"): one ``[place]``;
* a holiday of one day and a year ("on christmas eve 2020"): a ``[date]``;
* a district before an infinitive of purpose ("went to sale to see her nan") or before "to" and another place
  ("moved from hull to rugby");
* a place of two capitalised words ending in a word of the land after a word of moving or living ("moved to Hope
  Valley"): ``[place]``, not ``[name]``.

Each leak is checked on the redacted text with the stress names listed and with none, on other words than the brief's;
the same words in ordinary use must stay.  Counts "before" in the comments were measured on the code before this round
(main at 023440a).
"""

from __future__ import annotations

import pytest

from . import _rounds
from ._rounds import _both, _gone
from .test_pii_round3 import _left


# ----------------------------------------------------------------------------------------- left by round 19
@pytest.mark.parametrize(("text", "gone"), [
    ("her stepmum is a dinner lady at his school", ["dinner", "lady"]),
    ("His dad's a caretaker at the primary.", ["caretaker"]),
    ("her nan works as a cleaner at the academy", ["cleaner"]),
    ("my uncle was a teaching assistant at her school", ["teaching", "assistant"]),
    ("Her mum, who is a lollipop lady at the school, said", ["lollipop", "lady"]),
    ("his aunty used to be a cook at the nursery", ["cook"]),
])
def test_a_relatives_job_at_a_childs_school_is_a_detail(text, gone):
    # Measured when written: before, all 6 kept the job
    _gone(text, gone, "[detail]")


@pytest.mark.parametrize(("text", "gone"), [
    ("the girl with spina bifida in year 5", ["spina", "bifida"]),
    ("The lad with Down's syndrome on the estate", ["down's", "syndrome"]),
    ("that kid with epilepsy in her class", ["epilepsy"]),
    ("the little boy with cerebral palsy at the nursery", ["cerebral", "palsy"]),
    ("the girl with leukaemia from the village", ["leukaemia"]),
    ("she's the one with muscular dystrophy in year 9", ["muscular", "dystrophy"]),
])
def test_a_condition_tied_to_one_child_in_a_community_is_a_detail(text, gone):
    # Measured when written: before, all 6 kept the condition (or gave "[name]" for "spina bifida")
    _gone(text, gone, "[detail]")


@pytest.mark.parametrize(("text", "gone"), [
    ("she was at the Royal for a week", ["royal"]), ("He was rushed to the General last night", ["general"]),
    ("the baby's been in the Infirmary since friday", ["infirmary"]), ("she's in styal", ["styal"]),
    ("her dad is doing time in belmarsh", ["belmarsh"]), ("he's in strangeways now", ["strangeways"]),
])
def test_a_hospital_by_its_nickname_or_a_prison_by_name_alone_is_a_place(text, gone):
    # Measured when written: before, all 6 kept the place
    _gone(text, gone, "[place]")


@pytest.mark.parametrize(("text", "gone"), [
    ("she posted it on the partington parents facebook group", ["partington"]),
    ("it went round the Gipton Mums Facebook group", ["gipton"]),
    ("He's in the Wythenshawe Lads WhatsApp chat", ["wythenshawe"]),
    ("someone put it on the harehills community page on facebook", ["harehills"]),
])
def test_a_platforms_group_named_after_a_place_is_redacted(text, gone):
    # Measured when written: before, 3 of these 4 failed (two kept the place, "Gipton Mums" came out as "[name]")
    _gone(text, gone, "[place]")


@pytest.mark.parametrize(("text", "gone"), [
    ("she goes to notre dame sixth form", ["notre", "dame"]), ("he's at holy cross sixth form college", ["holy", "cross"]),
    ("they left st aidan's sixth form", ["aidan's"]), ("She went to Notre Dame Sixth Form.", ["notre", "dame"]),
])
def test_a_sixth_form_named_in_lower_case_is_one_place(text, gone):
    # Measured when written: before, 3 of these 4 kept part of the name ("[place] dame sixth form")
    for red in _both(text):
        assert not _left(red, *gone) and "[place]" in red and "dame" not in red.lower(), red


@pytest.mark.parametrize(("text", "gone"), [
    ("she married the vicar of St Mary's", ["mary's"]), ("the priest from St Anne's came round", ["anne's"]),
    ("St Joseph's rang me about him", ["joseph's"]), ("the head of st michael's", ["michael's"]),
])
def test_a_saints_church_or_school_is_one_place(text, gone):
    # Measured when written: before, 3 of these 4 gave "St [name]'s" or kept it
    for red in _both(text):
        assert not _left(red, *gone, "st") and "[place]" in red and "[name]" not in red, red


@pytest.mark.parametrize(("text", "gone"), [
    ("on christmas eve 2020 she was taken", ["2020"]), ("It was Boxing Day 2019.", ["2019"]),
    ("on new year's eve, 2021 he left", ["2021"]), ("bonfire night 2018 was when it started", ["2018"]),
    ("on Christmas Day twenty twenty", ["twenty"]),
])
def test_a_holiday_of_one_day_with_its_year_is_a_date(text, gone):
    # Measured when written: before, all 5 kept the year
    _gone(text, gone, "[date]")


@pytest.mark.parametrize(("text", "gone"), [
    ("she went to sale to see her nan", ["sale"]), ("he moved to bury to be near his dad", ["bury"]),
    ("they drove to hull to visit her gran", ["hull"]), ("We went to wells to get away", ["wells"]),
])
def test_a_district_before_an_infinitive_of_purpose_is_redacted(text, gone):
    # Measured when written: before, all 4 kept the district
    _gone(text, gone, "[place]")


@pytest.mark.parametrize(("text", "gone"), [
    ("moved from hull to rugby", ["hull", "rugby"]), ("she moved from sale to leeds", ["sale"]),
    ("They came from deal to wells", ["deal", "wells"]), ("they came from barking to leeds", ["barking"]),
])
def test_a_lower_case_first_district_before_to_is_redacted(text, gone):
    # Measured when written: before, all 4 kept the first district
    _gone(text, gone, "[place]")


@pytest.mark.parametrize(("text", "gone"), [
    ("moved to Hope Valley", ["hope", "valley"]), ("she lives in Grace Dale now", ["grace", "dale"]),
    ("they grew up in Faith Moor", ["faith", "moor"]), ("he moved to Joy Vale last year", ["joy", "vale"]),
])
def test_a_place_of_two_capitalised_words_after_moving_is_a_place(text, gone):
    # Measured when written: before, all 4 gave "[name]"
    for red in _both(text):
        assert not _left(red, *gone) and "[place]" in red and "[name]" not in red, red


# Measured when written: before, "went to sale prices" gave "went to [place]" and both "Royal College of ..." gave
# "[place] of ..."
test_this_rounds_words_in_ordinary_use_are_kept = _rounds.kept([
    "a lady at the school said", "went to sale prices", "hope to see you", "moved to a new office",
    "the Royal College of Psychiatrists", "she is a teacher", "he was a governor at the time",
    "the school facebook group", "the parents whatsapp group", "on christmas eve she was happy",
    "christmas 2020 was hard", "we went to deal with it", "the idea came from reading to children",
    "the boy with the ball", "children with autism need routine", "it went to sale to raise money", "the vicar said",
    "she's in year 9", "the General Data Protection Regulation", "moved to a new team",
    "he's at the Royal College of Nursing",
])


# -------------------------------------------------------------------------- this round's own red team
# The brief's own examples, then forms invented for this round (relatives' jobs, conditions, prisons, hospitals, groups
# online, churches, schools, holidays, trips).  Of 28 forms tried, these 21 leaked before (all 6 of the brief's); the
# rest are in _HELD, and what still leaks is said in the round's report.
_RED_TEAM = [
    ("her mum is a dinner lady at the school", ["dinner", "lady"], "[detail]"),
    ("the boy with cystic fibrosis at the school", ["cystic", "fibrosis"], "[detail]"),
    ("the Wythenshawe Mums Facebook group", ["wythenshawe"], "[place]"),
    ("on christmas eve 2020", ["2020"], "[date]"),
    ("went to sale to see her nan", ["sale"], "[place]"),
    ("she's at the Jimmy's", ["jimmy's"], "[place]"),
    ("his step-dad was the caretaker at the academy", ["caretaker"], "[detail]"),
    ("her auntie works as a receptionist at his school", ["receptionist"], "[detail]"),
    ("her mum's a midwife at the Royal", ["royal"], "[place]"),
    ("the girl with sickle cell anaemia in year 3", ["sickle", "anaemia"], "[detail]"),
    ("the boy with the feeding tube at the nursery", ["feeding", "tube"], "[detail]"),
    ("the lad with tourette's on the estate", ["tourette's"], "[detail]"),
    ("the twins with autism from the flats", ["autism"], "[detail]"),
    ("it happened on Bonfire Night, 2019", ["2019"], "[date]"),
    ("the Kirkholt Mums Facebook group shared it", ["kirkholt"], "[place]"),
    ("they set up a stonebridge community facebook page", ["stonebridge"], "[place]"),
    ("she goes to the vicar of St Aidan's", ["aidan's"], "[place]"),
    ("he's at Holy Trinity sixth form", ["holy", "trinity"], "[place]"),
    ("she got the bus to hull to meet him", ["hull"], "[place]"),
    ("he went to deal to see his dad", ["deal"], "[place]"),
    ("he's remanded in feltham", ["feltham"], "[place]"),
]


# Measured when written: before, all 21 kept what is listed (or gave "[name]" for part of it)
test_this_rounds_forms_are_redacted = _rounds.gone(_RED_TEAM)


# Forms of this round's red team that were already redacted (kept as a guard).
_HELD = [
    ("her grandad is a lollipop man at st peter's primary", ["peter's"]), ("she was born on Christmas Day 2012", ["2012"]),
    ("they moved to Kirkby Moor", ["kirkby"]), ("he moved from wigan to bury", ["wigan", "bury"]),
    ("he's on tiktok as kirkby_lad09", ["kirkby_lad09"]), ("she's in HMP Styal", ["styal"]),
    ("the priest at st anne's", ["anne's"]),
]


test_this_rounds_forms_already_redacted_stay_so = _rounds.stay_gone(_HELD)


# Ordinary English next to the shapes this round reads (a colleague's post at a school after "she", a discourse
# "to be honest", "in" of a state, a need that is no condition, a holiday without a year); measured when written:
# all kept before and after, but "St Patrick's Day" gave "St [name]'s Day" before
test_forms_near_this_rounds_rules_are_kept = _rounds.kept([
    "she is a social worker at the school", "he is a teacher at the school and a parent",
    "she went to wells to be honest", "they moved from care to independence", "we went from reading to writing",
    "she's in a good place now", "he's in denial", "she's been in foster care since june",
    "the boy with additional needs in year 3", "on christmas eve we had a party", "St Patrick's Day",
    "she was in the general population",
])

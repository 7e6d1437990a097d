"""Seventeenth red-team round: the leaks rounds 15 and 16 left, and forms of our own.

Left by round 16, each closed as a class of writing:

* a show or a contest named by its title alone, with a year ("she was on [title] in 2019", "he won [title], 2018"), and
  a year tied to what befell a child or what a child did;
* a year after a comma with no "in" ("he was expelled from the school, 2016");
* a name in brackets after a role that is a mass noun of English ("the nurse (frost) came in");
* a worker placed by a district in lower case before a building that the list of buildings lacked ("the pharmacist at
  the [district] chemist");
* a job with no place that still singles someone out ("the lollipop man", "the milkman on our road");
* a district of three or four letters, few of them vowels, in lower case where someone lives ("she lives in [xyz]");
* a brand someone owns or drives in lower case after "a" came out as a name ("he drives a [brand]" -> "[name]"): it is
  a belonging, ``[detail]``.

Each leak is checked on the redacted text with the stress names listed and with none, on other words than the brief's
(other shows, years, bracketed words, buildings, jobs, districts, brands); the same words in ordinary use must stay.
Counts "before" in the comments were measured on the code before this round (main at dd4d343).
"""

from __future__ import annotations

import pytest

from . import _rounds
from ._rounds import _both, _gone
from .test_pii_round3 import _left


# ----------------------------------------------------------------------------------------- left by round 16
@pytest.mark.parametrize(("text", "gone"), [
    ("she was on the voice in 2017", ["2017"]), ("he was on mastermind in 2012", ["2012"]),
    ("he won strictly, 2018", ["2018"]), ("she appeared on the apprentice, 2020", ["2020"]),
    ("who was on love island in 2021", ["2021"]), ("SHE WAS ON TIPPING POINT IN 2016", ["2016"]),
    ("the boy who won the lottery in 2017", ["2017"]), ("her mum won the raffle, 2016", ["2016"]),
    ("he featured on the one show in 2021", ["2021"]), ("she starred in a bbc documentary, 2018", ["2018"]),
    ("she was a contestant on the chase in 2015", ["2015"]),
])
def test_a_show_by_its_title_and_its_year_are_redacted(text, gone):
    # Measured when written: before, all 11 kept the year
    _gone(text, gone, "[date]")


test_being_on_or_winning_ordinary_things_with_a_year_is_kept = _rounds.kept([
    "she was on a child protection plan in 2019", "he was on the register in 2018", "she was on holiday in 2019",
    "he was on the waiting list in 2020", "she was on bail in 2018", "he was on antidepressants in 2017",
    "she was on maternity leave in 2019", "he was on his own in 2019", "the council won the contract in 2019",
    "we won the bid in 2018", "she was on the phone in 2019", "he was on the panel in 2019",
])


@pytest.mark.parametrize(("text", "gone"), [
    ("he was expelled from the school, 2016", ["2016"]), ("she was permanently excluded from the academy in 2018", ["2018"]),
    ("he was stabbed outside the club, 2018", ["2018"]), ("she went missing from the home, 2021", ["2021"]),
    ("he survived the bus crash, 2018", ["2018"]), ("she was the baby found in a phone box in 2009", ["2009"]),
])
def test_a_year_after_a_comma_or_a_distinctive_event_is_redacted(text, gone):
    # Measured when written: before, all 6 kept the year
    _gone(text, gone, "[date]")


test_a_year_after_a_comma_in_ordinary_use_is_kept = _rounds.kept([
    "the data were excluded from the analysis in 2019", "three councils were excluded, 2019 being the first year",
    "the review, 2019", "we met the council, 2018 was busy", "the results were found in 2019",
])


@pytest.mark.parametrize(("text", "gone"), [
    ("the nurse (frost) came in", ["frost"]), ("his teacher (clay) rang", ["clay"]), ("the key worker (sage) said", ["sage"]),
    ("her carer (snow) said", ["snow"]), ("the social worker (honey) rang me", ["honey"]),
    ("the support worker (ginger) came round", ["ginger"]),
])
def test_a_word_in_brackets_after_a_role_is_the_persons_name(text, gone):
    # Measured when written: before, all 6 kept the name
    _gone(text, gone, "[name]")


test_a_word_in_brackets_that_is_no_name_is_kept = _rounds.kept([
    "the worker (new) said", "her dad (drunk) hit her", "the social worker (cin) said", "the managers (finance) said",
    "the worker (housing) said", "the workers (support) came", "the nurse (again) came",
])


@pytest.mark.parametrize(("text", "gone"), [
    ("the pharmacist at the seacroft chemist", ["seacroft"]), ("the receptionist at the rodley vets", ["rodley"]),
    ("the gp at the horsforth medical practice", ["horsforth"]), ("the nurse at the zorbton pharmacy", ["zorbton"]),
    ("the dentist at the garforth dental practice", ["garforth"]), ("the optician at the zorbley opticians", ["zorbley"]),
])
def test_a_worker_by_a_district_before_a_building_is_redacted(text, gone):
    # Measured when written: before, all 6 kept the district
    _gone(text, gone, "[place]")


test_buildings_in_ordinary_use_are_kept = _rounds.kept([
    "good practice in the team", "the social work practice", "the chemist said no", "their frontline practice",
    "current LGA practice", "the SoS practice framework", "she went to the chemist", "the local pharmacy",
    "effective practice at the council",
])


@pytest.mark.parametrize(("text", "gone"), [
    ("the lollipop man", ["lollipop"]), ("the ice cream lady on our estate", ["ice", "cream"]),
    ("the milkman on our road", ["milkman"]), ("the paper boy on our street", ["paper"]),
    ("her dad's the school caretaker", ["caretaker"]), ("the crossing patrol lady said hello", ["crossing", "patrol"]),
    ("the dinner lady at our school", ["dinner"]), ("THE LOLLIPOP LADY", ["lollipop"]),
])
def test_a_job_that_singles_someone_out_is_redacted(text, gone):
    # Measured when written: before, all 8 kept the job
    _gone(text, gone, "[detail]")


test_jobs_in_ordinary_use_are_kept = _rounds.kept([
    "the postman came", "a caretaker role", "we had ice cream", "the paper was good", "the school caretaker budget",
    "the dinner was late",
])


@pytest.mark.parametrize(("text", "gone"), [
    ("she lives in wem", ["wem"]), ("they moved to usk last year", ["usk"]), ("he grew up in ely", ["ely"]),
    ("she lives in lsk with her nan", ["lsk"]), ("they moved to zorb", ["zorb"]), ("he was living in brd", ["brd"]),
])
def test_a_short_district_where_someone_lives_is_redacted(text, gone):
    # Measured when written: before, all 6 kept the district
    _gone(text, gone, "[place]")


test_short_words_where_someone_lives_are_kept = _rounds.kept([
    "she lives in hope", "he moved to cin", "she lives in fear", "they moved to lac", "he moved to ks4",
    "she lives in the uk", "they moved to sgo",
])


@pytest.mark.parametrize(("text", "gone"), [
    ("he drives a porsche", ["porsche"]), ("her dad drives a ferrari", ["ferrari"]), ("she has a rolex", ["rolex"]),
    ("he's got a harley", ["harley"]),
])
def test_a_brand_someone_owns_is_a_detail(text, gone):
    # Measured when written: before, all 4 came out as "[name]"
    for red in _both(text):
        assert not _left(red, *gone) and "[detail]" in red and "[name]" not in red, red


# -------------------------------------------------------------------------- this round's own red team
# Forms invented for this round (workers' and relatives' identities, distinctive events, places, online traces, dates
# of birth written oddly, other casing and punctuation, names split by line breaks and hyphens), each with what must go.
_RED_TEAM = [
    ("she turns 12 on boxing day", ["12", "boxing"], "[date of birth]"),
    ("he'll be 9 on bonfire night", ["9", "bonfire"], "[date of birth]"),
    ("She Turned Eleven On Christmas Day", ["eleven", "christmas"], "[date of birth]"),
    ("his onlyfans is zorbina", ["zorbina"], "[handle]"), ("her tumblr is zorbqueen", ["zorbqueen"], "[handle]"),
    ("he was on the local news, 2019", ["2019"], "[date]"), ("she was in the paper, 2018", ["2018"], "[date]"),
    ("he was in the papers in 2017", ["2017"], "[date]"), ("she ran away to gretna in 2016", ["2016"], "[date]"),
    ("he was adopted from romania in 2003", ["2003"], "[date]"), ("she absconded from the unit, 2020", ["2020"], "[date]"),
    ("she's in foster care in lsk", ["lsk"], "[place]"), ("he's placed in ely", ["ely"], "[place]"),
    ("the nurse - sage - came in", ["sage"], "[name]"), ("the nurse, frost, rang me", ["frost"], "[name]"),
    ("the gp at the zorbley group practice, 2019", ["zorbley"], "[place]"),
    ("her dad (snow) came round", ["snow"], "[name]"), ("HER MUM (AMBER) SAID", ["amber"], "[name]"),
    ("the ICE CREAM MAN on our estate", ["ice", "cream"], "[detail]"),
    ("her uncle's the rag and bone man", ["rag", "bone"], "[detail]"),
    ("he won pop star junior, 2015", ["2015"], "[date]"), ("She Was On Blue Peter In 2014", ["2014"], "[date]"),
    # names split by a line break after a hyphen, dates of birth written oddly, traces online (kept closed)
    ("Jay-\nden said no", ["jay", "den"], "[name]"), ("her son zor-\nbina was there", ["zor", "bina"], "[name]"),
    ("the social worker, Zorb-\nina Smith, rang", ["zorb", "ina"], "[name]"),
    ("born 3rd of the 4th 2011", ["3rd", "4th", "2011"], "[date of birth]"),
    ("DOB 3RD APR 11", ["3rd", "apr", "11"], "[date of birth]"),
    ("born on the fourth of april, two thousand and eleven", ["fourth", "april", "eleven"], "[date of birth]"),
    ("his twitch name is zorbgamer99", ["zorbgamer99"], "[handle]"),
    ("the lad who set fire to the school in 2015", ["2015"], "[date]"),
    ("his mum is the landlady of the zorb arms", ["zorb"], "[place]"),
    ("her dad runs the zorbley chippy", ["zorbley"], "[place]"),
    ("he drives a tesla", ["tesla"], "[detail]"),
]


# Measured when written: before, 22 of these 33 kept what is listed or gave another token (all above the names split
# by a line break but "(AMBER)" in capitals, and the brand after "a", which came out as "[name]")
test_this_rounds_forms_are_redacted = _rounds.gone(_RED_TEAM)


test_this_rounds_words_in_ordinary_use_are_kept = _rounds.kept([
    "the plan ran away from us in 2019", "the scheme was in the papers", "she turned the page on christmas day",
    "the news in 2019 was bad", "we were adopted from the start", "she lives in fear", "the nurse, care, and support",
])

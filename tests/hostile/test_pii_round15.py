"""Fifteenth red-team round: the leaks and over-redactions the fourteenth left, and forms of our own.

Left by round 14, each closed as a class of writing:

* a worker or relative described by looks or belongings ("the one with the purple hair who drives the yellow mini");
* a short first name no list knows, in lower case, set off after a role ("the social worker (bex) said");
* a date of birth with its month in Roman numerals ("born 3.iv.2011"), or a birth by the day of an event ("born on
  the day of the jubilee in 2012");
* a television show or a competition and its year ("she was on [show] in 2019");
* a superlative that singles a child out of a community ("the tallest girl in the school");
* a job by its route or number ("a bus driver on the number 42");
* the end of a range of years after an event ("jailed from 2019 to 2021" kept 2021; "2019-2021" was kept whole);
* a district after a shop ("the chippy in [district]"), and a hospital by its initials in lower case ("the lgi");
* over-redacted: a platform's name ("her TikTok" became "[name]"), and a plural of a thing done after a word of going
  ("she goes to meetups" became "[place]").

Each leak is checked on the redacted text with the stress names listed and with none, on other words than the brief's
(other colours, initials, shows, routes); the same words in ordinary use must stay.  Counts "before" in the comments
were measured on the code before this round (main at 35067a4).
"""

from __future__ import annotations

import pytest

from . import _rounds
from ._rounds import _gone


# ----------------------------------------------------------------------------------------- left by round 14
@pytest.mark.parametrize(("text", "gone"), [
    ("the one with the green hair who drives the red fiesta", ["green", "red", "fiesta"]),
    ("her social worker is the lady with the pink hair", ["pink"]),
    ("the bloke who drives the orange transit", ["orange", "transit"]),
    ("his dad's the fella with the silver jag", ["silver", "jag"]),
    ("the teacher with the bright blue glasses", ["bright", "blue"]),
    ("the ginger-haired nurse came", ["ginger"]),
    ("the one who drove a lime green beetle", ["lime", "green", "beetle"]),
    ("her uncle, the one with the teardrop tattoos", ["teardrop", "tattoos"]),
    ("the lad with the mullet", ["mullet"]),
    ("the woman who wears the leopard print coat", ["leopard", "print"]),
])
def test_a_person_by_looks_or_belongings_is_redacted(text, gone):
    # Measured when written: before, all 10 kept the looks and belongings
    _gone(text, gone, "[detail]")


test_looks_and_belongings_in_ordinary_words_are_kept = _rounds.kept([
    "the one with the most experience", "a worker with a red flag on the system", "the plan was rated red",
    "the team with the green light", "she drives a car", "he wore a coat", "the worker with the best ideas",
    "a manager with black and white thinking",
])


@pytest.mark.parametrize(("text", "gone"), [
    ("the social worker (roz) said", ["roz"]), ("his dad (kev) hit him", ["kev"]),
    ("our key worker (gaz) came round", ["gaz"]), ("the nurse, taz, came in", ["taz"]),
    ("her stepdad (dez) left", ["dez"]), ("the teacher - jaz - rang", ["jaz"]),
])
def test_a_short_name_set_off_after_a_role_is_redacted(text, gone):
    # Measured when written: before, all 6 kept the name
    _gone(text, gone, "[name]")


test_a_short_word_set_off_after_a_role_is_kept = _rounds.kept([
    "the social worker (cin) said", "the worker (lac) said", "the manager (sgo) said", "the nurse (dsl) said",
    "the worker (new) said", "her dad (drunk) hit her",
])


# Measured when written: before, all 10 kept the date
test_a_birth_by_roman_numerals_or_an_event_is_redacted = _rounds.gone([
    ("born 14.ix.2010", ["ix", "2010"], "[date of birth]"), ("dob 2/XI/09", ["xi", "09"], "[date of birth]"),
    ("she was born 21-vii-2012", ["vii", "2012"], "[date of birth]"),
    ("the referral came on 5.viii.2019", ["viii", "2019"], "[date]"),
    ("born on the day of the royal wedding in 2011", ["royal", "wedding", "2011"], "[date of birth]"),
    ("she was born the night of the big storm", ["storm"], "[date of birth]"),
    ("born the day the queen died", ["queen"], "[date of birth]"),
    ("he was born the same day as the cup final", ["cup", "final"], "[date of birth]"),
    ("born during the olympics in 2012", ["olympics", "2012"], "[date of birth]"),
    ("she was born the week of the floods, in leeds", ["floods"], "[date of birth]"),
])


test_numerals_and_days_in_ordinary_use_are_kept = _rounds.kept([
    "see section 3.iv of the plan", "appendix 2.iii.4", "she was born the day before", "the day of the review",
    "born on the day", "she was born the year after",
])


@pytest.mark.parametrize(("text", "gone"), [
    ("she was on britain's got talent in 2018", ["2018"]), ("he was on junior bake off in 2020", ["2020"]),
    ("he appeared on countdown in 2017", ["2017"]), ("she came second in the national spelling bee in 2019", ["2019"]),
    ("he won the county cross country championships in 2016", ["2016"]),
    ("she competed in the junior olympics in 2021", ["2021"]), ("SHE WAS ON THE X FACTOR IN 2016", ["2016"]),
    ("he auditioned for the x factor in 2015", ["2015"]),
])
def test_a_show_or_competition_and_its_year_are_redacted(text, gone):
    # Measured when written: before, all 8 kept the year
    _gone(text, gone, "[date]")


test_being_on_or_in_something_with_a_year_is_kept = _rounds.kept([
    "she was on a child protection plan in 2019", "he was on the register in 2018",
    "we were on a notice to improve in 2012", "she came in 2019", "the council won the contract in 2019",
    "she was on holiday in 2019", "the show in 2019 was good", "we were in the final stages in 2019",
])


@pytest.mark.parametrize(("text", "gone"), [
    ("the smallest boy in year 4", ["smallest"]), ("the oldest mum on the estate", ["oldest"]),
    ("the tallest lad in his class", ["tallest"]), ("the youngest councillor in the borough", ["youngest"]),
    ("the first traveller child at the school", ["first", "traveller"]),
    ("the only male nurse on the ward", ["male"]),
])
def test_a_superlative_that_singles_someone_out_is_redacted(text, gone):
    # Measured when written: before, all 6 kept the superlative
    _gone(text, gone, "[detail]")


test_superlatives_in_ordinary_use_are_kept = _rounds.kept([
    "the youngest child in the family", "the eldest boy in the house", "the best social worker in the team",
    "the biggest change in the service", "the worst year in the council", "the first meeting in the year",
    "the oldest one of the three",
])


@pytest.mark.parametrize(("text", "gone"), [
    ("her dad's a bus driver on the number 36", ["36"]), ("he drives the 72 to town", ["72"]),
    ("his mum drives the number 7 bus", ["7"]), ("she's a driver on route 18", ["18"]),
    ("he works on the X84 route", ["x84"]),
])
def test_a_job_by_its_route_is_redacted(text, gone):
    # Measured when written: before, all 5 kept the route
    _gone(text, gone, "[place]")


test_driving_and_numbers_in_ordinary_use_are_kept = _rounds.kept([
    "he drives the car", "he drives 20 miles a day", "he drives the 2 kids to school", "the driver was 20 minutes late",
    "we drive the number of referrals down", "she works on the number 3 priority",
])


@pytest.mark.parametrize(("text", "gone"), [
    ("jailed from 2018 to 2020", ["2018", "2020"]), ("he was imprisoned from 2015 until 2019", ["2015", "2019"]),
    ("she was stabbed in 2017-2018", ["2017", "2018"]), ("the fire at the mill in 2012-13", ["2012", "13"]),
    ("he went missing between 2019 and 2020", ["2019", "2020"]),
    ("abducted from march 2019 to june 2020", ["march", "2019", "june", "2020"]),
    ("he was convicted in 2016/17", ["2016", "17"]),
])
def test_a_range_of_years_after_an_event_is_redacted_whole(text, gone):
    # Measured when written: before, all 7 kept a year
    _gone(text, gone, "[date]")


test_ranges_of_years_in_ordinary_use_are_kept = _rounds.kept([
    "the review ran from 2019 to 2021", "the plan for 2019-2022", "in 2019 to 20 weeks",
    "between 2019 and 2021 we grew",
])


@pytest.mark.parametrize(("text", "gone"), [
    ("the chippy in gipton", ["gipton"]), ("her mum works in the bakery in chapeltown", ["chapeltown"]),
    ("the offy in armley", ["armley"]), ("the bookies in killingbeck", ["killingbeck"]),
    ("the takeaway on zorbton", ["zorbton"]),
    ("she was taken to the rvi", ["rvi"]), ("he was born at the bri", ["bri"]), ("she's in the hri", ["hri"]),
    ("rushed to the nnuh", ["nnuh"]), ("she was admitted to the QEH", ["qeh"]), ("she's at the jcuh now", ["jcuh"]),
])
def test_a_district_after_a_shop_and_a_hospital_by_its_initials_are_redacted(text, gone):
    # Measured when written: before, all 11 kept the district or the hospital
    _gone(text, gone, "[place]")


test_initials_and_shops_in_ordinary_use_are_kept = _rounds.kept([
    "she went to the lado", "we went to the lscb", "she was referred to the mash", "he's in the cin team",
    "she was taken to the IRO", "she was in the nicu", "she was in the picu", "the shop in town",
    "the meeting in ofsted", "he went to the LGA",
])


# Measured when written: before, 6 of these 7 were changed ("[name]" or "[place]" for the platform)
test_a_platform_or_game_is_kept = _rounds.kept([
    "her TikTok", "his Snapchat is private", "he plays Fortnite all night", "he's on Roblox a lot",
    "his Xbox was taken", "her Insta is private", "she found it on Pinterest",
])


# Measured when written: before, all 8 were changed ("[place]" for the plural)
test_a_plural_of_a_thing_done_after_going_is_kept = _rounds.kept([
    "she goes to meetups", "he goes to sleepovers", "she goes to hangouts", "he goes to workouts",
    "she goes to drop-ins", "he goes to playdates", "she goes to hackathons", "he went to fundays",
])


@pytest.mark.parametrize(("text", "gone"), [("she goes to harehills", ["harehills"]), ("he goes to burmantofts", ["burmantofts"]),
                                            ("they moved to meanwood", ["meanwood"])])
def test_a_district_after_going_is_still_redacted(text, gone):
    _gone(text, gone, "[place]")


# -------------------------------------------------------------------------- this round's own red team
# Forms invented for this round (workers' and relatives' identities, distinctive events, places, online traces, dates
# of birth written oddly, other casing and punctuation): the ones the old code leaked, each with what must go.
_RED_TEAM = [
    ("on xbox he's called shadowkill99", ["shadowkill99"], "[handle]"), ("his psn is darkwolf_07", ["darkwolf_07"], "[handle]"),
    ("his steam name is kevthegreat", ["kevthegreat"], "[handle]"), ("her fortnite name is zorbqueen", ["zorbqueen"], "[handle]"),
    ("he games as ninjakid", ["ninjakid"], "[handle]"), ("his xbox live name is reaper 2009", ["reaper", "2009"], "[handle]"),
    ("HIS PSN IS GRIMBOY_11", ["grimboy_11"], "[handle]"), ("she plays as pixiedust on roblox", ["pixiedust"], "[handle]"),
    ("born on may day 2011", ["may", "2011"], "[date of birth]"),
    ("born on the first day of the school holidays", ["school", "holidays"], "[date of birth]"),
    ("date of birth fifth of may oh nine", ["may", "nine"], "[date of birth]"),
    ("Born On Good Friday, 2013", ["good", "friday", "2013"], "[date of birth]"),
    ("she was the girl who fell off the pier in 2015", ["2015"], "[date]"),
    ("the boy who was bitten by a dog in 2018", ["2018"], "[date]"),
    ("the girl who got lost on the moors in 2019", ["2019"], "[date]"), ("the 2019-2020 stabbings", ["2019", "2020"], "[date]"),
    ("she was crowned miss teen yorkshire in 2018", ["2018"], "[date]"),
    ("he was picked for the england u16s in 2019", ["2019"], "[date]"),
    ("she won a scholarship to the royal ballet in 2017", ["2017"], "[date]"),
    ("HE WAS STABBED IN 2019-2020", ["2019", "2020"], "[date]"), ("She was Jailed From 2016 To 2018.", ["2016", "2018"], "[date]"),
    ("her foster carer, the one with the huge red van", ["huge", "red", "van"], "[detail]"),
    ("the social worker with the nose ring and the blue hair", ["nose", "blue"], "[detail]"),
    ("The Nurse With The Bright Pink Hair", ["bright", "pink"], "[detail]"),
    ("her dad drives the white ice cream van", ["white", "ice", "cream"], "[detail]"),
    ("his mum's the receptionist at the dentist on zorbgate", ["zorbgate"], "[place]"),
    ("her gran runs the post office in zorbton", ["zorbton"], "[place]"),
    ("the nurse (kez) rang me", ["kez"], "[name]"),
    ("born 3/VI/2010", ["vi", "2010"], "[date of birth]"), ("dob 12-xii-09", ["xii", "09"], "[date of birth]"),
    ("the kid who nearly died in the river in 2016", ["2016"], "[date]"),
]


# Measured when written: before, 29 of these 31 kept what is listed (all but the street after the dentist and the
# year after "nearly died", which the rules for districts and deaths already took)
test_this_rounds_forms_are_redacted = _rounds.gone(_RED_TEAM)


test_this_rounds_words_in_ordinary_use_are_kept = _rounds.kept([
    "her facebook page is private", "his xbox was confiscated", "referrals fell in 2019",
    "the numbers were picked up in 2019", "the team was selected in 2019", "she plays on her xbox",
    "it fell to the council in 2019", "the service survived in 2019",
])

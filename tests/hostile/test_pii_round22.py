"""Twenty-second red-team round: the leaks round 21 left, and forms of our own from children's social care interviews.

Left by round 21, each closed as a class of writing:

* a club a child supports, follows or watches, or is a fan of, by a place and a club's word ("he supports hyde united",
  "a massive marple rovers fan"), and the team a child plays for or wears a number for ("she's number 10 for zorbly
  rangers"), or a team named by its place alone ("she plays for zorbly on saturdays"): one ``[place]``, the club's word
  with it (a place and "United" left as "[name] United" still says a local club);
* a numbered youth group ("at the 3rd hyde pack", "in 1st marple scouts"): the number and the place are one ``[place]``
  (the number picks out one group of a town), the organisation's word stays;
* a national youth organisation is no setting of its own ("he goes to scouts in marple", "she goes to brownies every
  week"): kept; "rainbows" and "beavers", pinned as settings in rounds 13 and 14, stay so (they are common names of
  nurseries and pre-schools too);
* a prison or hospital no list knows, in lower case, after custody said of someone ("he's on remand at longmoor", "she
  was sectioned to fairhaven", "in hmp zorbly"): ``[place]``;
* a listed name made of English words, in lower case, after an article or with no custody of its own ("the group met in
  the new hall for six weeks"): kept; only custody itself or time served ("did a stint in low newton", "got 4 years and
  went to high down") places it.

Each leak is checked on the redacted text with the stress names listed and with none; the same words in ordinary use
must stay.  Counts "before" in the comments were measured on main at f0c7d6d.
"""

from __future__ import annotations

import pytest

from . import _rounds
from ._rounds import _both, _gone


# ----------------------------------------------------------------------------------------- left by round 21
@pytest.mark.parametrize(("text", "gone"), [
    ("he supports hyde united", ["hyde", "united"]), ("she's a massive marple rovers fan", ["marple", "rovers"]),
    ("he watches hyde united every saturday", ["hyde", "united"]), ("she follows zorbly town", ["zorbly", "town"]),
    ("he has a season ticket at stockport county", ["stockport", "county"]), ("he supports Hyde United", ["hyde", "united"]),
    ("she's number 10 for zorbly rangers", ["zorbly", "rangers"]), ("his shirt number is 7 at marple colts", ["marple", "colts"]),
    ("he wears his zorbly athletic shirt to school", ["zorbly", "athletic"]),
])
def test_a_club_a_child_supports_or_wears_a_number_for_is_one_place(text, gone):
    # Measured when written: before, all 9 kept the club's word or the whole name ("he supports [name] United", "she's
    # number 10 for zorbly rangers")
    _gone(text, gone, "[place]")


@pytest.mark.parametrize(("text", "gone"), [
    ("she plays for zorbly on saturdays", ["zorbly"]), ("he plays for marple", ["marple"]),
    ("he played for brackwell until he was 12", ["brackwell"]),
])
def test_a_team_named_by_its_place_alone_is_a_place(text, gone):
    # Measured when written: before, "plays for zorbly" and "played for brackwell" kept the place, "plays for marple"
    # gave "[name]"
    _gone(text, gone, "[place]")


@pytest.mark.parametrize(("text", "gone"), [
    ("she's a brownie at the 3rd hyde pack", ["3rd", "hyde"]), ("he's in 1st marple scouts", ["1st", "marple"]),
    ("she goes to the 4th zorbly brownies", ["4th", "zorbly"]), ("he joined the 12th brackwell cubs", ["12th", "brackwell"]),
    ("she's in the 2nd oak tree guides", ["2nd", "oak", "tree"]),
])
def test_a_numbered_youth_group_is_one_place(text, gone):
    # Measured when written: before, all 5 kept the number, 3 the place too ("the 4th zorbly brownies")
    _gone(text, gone, "[place]")


@pytest.mark.parametrize(("text", "gone"), [
    ("he's on remand at longmoor", ["longmoor"]), ("she was sectioned to fairhaven", ["fairhaven"]),
    ("he's been on remand in thornbury for a month", ["thornbury"]), ("he's in hmp zorbly", ["zorbly"]),
    ("he was remanded to brackwell yoi", ["brackwell"]), ("she got sectioned at oakmere last year", ["oakmere"]),
    ("he's banged up in kelderby now", ["kelderby"]),
])
def test_an_unlisted_prison_or_hospital_after_custody_is_a_place(text, gone):
    # Measured when written: before, 6 of these 7 kept the name ("banged up in kelderby" was redacted: kept as a guard)
    _gone(text, gone, "[place]")


# -------------------------------------------------------------------------- this round's own red team
# Forms invented for this round (a care leaver's flat by block name, a bus route to school, a carer's pet beside the
# carer, a youth offending worker by first name and team, a shirt number and club, a GP surgery by street, a pupil
# referral unit by nickname, a relative's workplace by brand and town, messages quoted with usernames).  Of 34 forms
# tried, these 13 leaked before; the other 21 are in _HELD.
_RED_TEAM = [
    ("she's got a flat in kestrel house now", ["kestrel"], "[place]"),
    ("he lives on the 9th floor of Kestrel Court", ["kestrel"], "[place]"),
    ("her flat's in brook mill court", ["brook", "mill"], "[place]"),
    ("he gets the 42 to school", ["42"], "[detail]"),
    ("she gets the number 7 bus to school every morning", ["7"], "[detail]"),
    ("he catches the x43 from the stop outside the chippy", ["x43"], "[detail]"),
    ("their dog biscuit and sandra were lovely", ["biscuit"], "[name]"),
    ("sandra's dog rolo is lovely", ["rolo"], "[name]"),
    ("Jade from the youth offending team came round", ["jade"], "[name]"),
    ("Dean from the YOT came round", ["dean"], "[name]"),
    ("he's at the Bridge, the pupil referral unit", ["bridge"], "[place]"),
    ("he goes to the bungalow, the pru on foxley road", ["bungalow"], "[place]"),
    ('he sent "u ok?" from jaydenxx07', ["jaydenxx07"], "[handle]"),
]


# Measured when written: before, all 13 kept what is listed
test_this_rounds_forms_are_redacted = _rounds.gone(_RED_TEAM)


# Forms of this round's red team that were already redacted (kept as a guard).
_HELD = [
    ("her flat is in ashdown tower on the 12th floor", ["ashdown"]), ("she moved into flat 14 harrier heights", ["harrier"]),
    ("her foster carer Sandra has a dog called Biscuit", ["sandra", "biscuit"]), ("his YOT worker Dean from the north team", ["dean"]),
    ("her yot worker is called kev, he's on the east team", ["kev"]), ("Kev from the youth offending team rang", ["kev"]),
    ("he wears number 9 for Hyde Juniors", ["hyde"]), ("the GP on Bramhall Lane", ["bramhall"]),
    ("she goes to the doctors on mill street", ["mill"]), ("the surgery on church road said", ["church"]),
    ("her dad works at the Tesco in Marple", ["marple"]), ("her mum works at Asda in hyde", ["hyde"]),
    ("his uncle works at the sainsbury's on romiley road", ["romiley"]), ("she messaged me as @lils_2010", ["lils_2010"]),
    ("the message from kayzo_xx said meet at the park", ["kayzo_xx"]), ("her username is lilbabe2009", ["lilbabe2009"]),
    ("her school bag had Lily M on it", ["lily"]), ("he's in year 9 at Harrytown Catholic High", ["harrytown"]),
    ("he's on remand at Longmoor", ["longmoor"]), ("she was sectioned and taken to Fairhaven", ["fairhaven"]),
    ("I spoke to Jade from the youth offending team", ["jade"]),
]


test_this_rounds_forms_already_redacted_stay_so = _rounds.stay_gone(_HELD)


# Ordinary English next to the shapes this round reads; measured when written: "she goes to brownies every week" gave
# "[place]", the two "new hall" sentences "the [place]" and "he plays with friends in town" "he plays with [place]"
# before (over-redaction), the rest were kept before and after
test_forms_near_this_rounds_rules_are_kept = _rounds.kept([
    # national youth organisations and ordinary play
    "he goes to cubs on a monday", "she goes to brownies every week", "he joined the Sea Cadets last year",
    "he plays for fun", "he plays for England", "she plays for keeps", "he played for time",
    "she supports her mum with the shopping", "he follows the rules now", "he watches tv in his room",
    "she's a big fan of the new plan", "he's the 3rd child in the family", "she was 2nd in the pack",
    "we support families in town", "she watches films in town", "he plays with friends in town",
    "he was the 1st one in the group",
    # listed names made of English words in ordinary use
    "the group met in the new hall for six weeks", "the class moved to the new hall for two months",
    # custody said near ordinary words
    "he's on remand at the moment", "she was sectioned to hospital", "he was locked up in his room",
    "he's on remand in custody", "banged up in prison for a year",
    # flats, buses and pets said in general
    "she's got a flat in a shared house now", "she lives in her mum's house", "a flat in the council block",
    "he gets the bus to school", "she takes the 2 of them to school", "he was on the 1 to 1 sessions",
    "their dog died last year", "her dog is lovely", "the dog barked",
    # a set-off clause after a setting is no nickname
    "he went to the meeting, the school said no", "he's at home, the school rang", "we met at the hub, a secure unit",
])


# ------------------------------------------------------------------------ the word lists checked against sources
# Secure children's homes of the 2024 register and prisons' common names (institutions.txt), conditions singling a
# child out (conditions.txt); measured when written: before, 5 of these 6 kept what is listed or part of it ("[place]
# house", "[place] green"); "walton" was redacted as a place (kept as a guard)
test_names_added_to_the_lists_are_read = _rounds.gone([
    ("he was remanded to kyloe house for 3 months", ["kyloe"], "[place]"),
    ("she's been in aldine house since may, on remand", ["aldine", "house"], "[place]"),
    ("his dad's in walton for 4 years", ["walton"], "[place]"),
    ("he did 2 years in winson green", ["winson", "green"], "[place]"),
    ("the boy with hearing loss in year 5", ["hearing"], "[detail]"),
    ("the girl with a cochlear implant at the school", ["cochlear"], "[detail]"),
])


# "send" before a noun or as a subject is special educational needs, not HMP Send; "aids" (hearing or walking aids)
# left conditions.txt.  Measured when written: before, the three "send" sentences gave "[place]" and "aids" "[detail]"
test_ordinary_words_of_the_lists_are_kept = _rounds.kept([
    "young offenders in send provision did worse", "children on remand in send units",
    "the number of children in custody in send is rising", "the girl with aids in year 5",
])


def test_scouts_beside_a_place_keep_the_organisation():
    # Measured when written: before, "he goes to [place] in [place]"
    for red in _both("he goes to scouts in marple"):
        assert red == "he goes to scouts in [place]", red

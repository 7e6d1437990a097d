"""Twenty-fifth red-team round: numbers said in words or in parts, and a platform owned.

Forms closed as a class of writing (invented values):

* a date of birth said wholly in number words after "born", day, month and a year in words ("born, um, twelve twelve
  twenty twelve", "born on oh three oh five twenty oh nine"): ``[date of birth]``; the same words with no "born", or
  with no year in words after it ("twenty twenty was hard", "born twelve weeks early"), stay;
* the start of a mobile number said in words after a word of ringing ("ring her on oh seven seven double oh nine
  hundred"), too short for a whole number's: ``[phone]``; small numbers said after "ring ... on" ("ring her on one or
  two occasions") stay;
* a phone number said in two parts across a clause ("ring nan on 01632, then 960 double one"): both parts ``[phone]``,
  read only where the two make a phone's length together ("ring the office on 0113 and then press two" stays);
* a cadet unit by its number where cadets are named ("the Air Cadets, 1234 Squadron in Kelbury", "army cadets, 57
  detachment"): the number ``[place]``, the unit's word kept, as a numbered scout group's is; a squadron with no cadets
  named ("617 Squadron flew the raid") and counts ("12 squadron leaders", "2019 squadron numbers") stay;
* a Welsh setting's name after its kind ("ysgol bro dinefwr", "coleg sir gar", "ysgol gyfun cwm rhymni"): the words no
  English list knows after "ysgol", "coleg", "ysbyty" ..., at most three, go with it as ``[place]``; an English word ends
  it ("at ysgol all week");
* the town after a setting found by the identifiers and "in", "at" or "near" ("[st. columba's high] in greenock"), as
  after a setting the names find: ``[place]``; an English word stays ("[st. john's] in the morning");
* a handle spelled aloud with "dash" or "hyphen" in a clause naming a platform ("insta's just ruby dash rose dash x"):
  ``[handle]``; "dash" as the noun ("made a mad dash", "the 100 metre dash was on youtube") stays;
* a football club named by a council's name ("the Manchester United game", "Bury FC"): ``[place]`` whole, as "Hyde
  United" is, where it was "[council] United"; "Leeds united behind the plan", "Leeds City Council" stay as before;
* a platform after a possessive ("her tiktok's full of it", "his snapchat's been hacked"): kept; it was redacted as a
  name ("her [name]'s full of it").

Of round 24's 12 open forms, 7 are closed here (``_FROM_ROUND_24``); 72 variants written for this round leaked before
the fixes (``_RED_TEAM``), 9 were already redacted (``_HELD``).  Still open (in round 24's ``_OPEN``): a word-name
capitalised after "it was ... who", two capitalised word-names joined by "and" with neither found, a first name no list
holds ("crystal's nan"), a double name of words no list holds as names ("river-jay"), word-names in lower case joined
by "and" after "the kids,".

Gold corpus (``python -m bench.redaction_gold``), sentences redacted before -> after: stress 733 -> 733, none 659 ->
659, stress_lower 566 -> 566; no sentence redacted differently.
"""

from __future__ import annotations

import pytest

from . import _rounds
from ._rounds import _both
from .test_pii_round3 import _left

# Closed in this round, from round 24's open forms: the text, the words that must go, the token that must stand.
_FROM_ROUND_24 = [
    ("he was born, um, twelve twelve twenty twelve", ["twelve"], "[date of birth]"),
    ("ring nan on 01632, then 960 double one", ["960", "double"], "[phone]"),
    ("ring her on oh seven seven double oh nine hundred", ["seven", "hundred"], "[phone]"),
    ("insta's just ruby dash rose dash x", ["ruby", "rose"], "[handle]"),
    ("she's in the Air Cadets, 1234 Squadron in Kelbury", ["1234"], "[place] Squadron"),
    ("he's at ysgol bro dinefwr", ["bro", "dinefwr"], "[place]"),
    ("he's at st. columba's high in greenock", ["greenock"], "[place]"),
]

# Variants written for this round (each leaked before the fixes, measured when written).
_RED_TEAM = [
    # a date of birth in number words after "born"
    ("she was born three five two thousand and nine", ["three", "thousand"], "[date of birth]"),
    ("born on oh three oh five twenty oh nine, at the lgi", ["three", "nine"], "[date of birth]"),
    ("she was born twenty-one four two thousand and eleven", ["twenty", "eleven"], "[date of birth]"),
    ("born one one twenty ten", ["ten"], "[date of birth]"),
    ("he was born, er, on nine six twenty fourteen", ["nine", "fourteen"], "[date of birth]"),
    ("the twins were born thirty one ten twenty eleven", ["thirty", "eleven"], "[date of birth]"),
    ("she was born four, twelve, twenty thirteen in wythenshawe", ["twelve", "thirteen"], "[date of birth]"),
    ("he was born, erm, seventeen two two thousand and ten", ["seventeen", "thousand"], "[date of birth]"),
    ("our youngest was born on six nine twenty sixteen", ["six", "sixteen"], "[date of birth]"),
    ("born twenty-eight eight twenty twelve, so a leo", ["eight", "twelve"], "[date of birth]"),
    ("he was born nineteen one two thousand and seven at home", ["nineteen", "seven"], "[date of birth]"),
    # a mobile's start said in words after a word of ringing
    ("her number is oh seven nine one two three", ["seven", "three"], "[phone]"),
    ("text her on oh seven double seven, nine oh nine", ["seven", "nine"], "[phone]"),
    ("ring him on oh seven eight double two", ["eight", "double"], "[phone]"),
    ("you can call dad on oh seven seven one two", ["seven", "two"], "[phone]"),
    ("her mobile is oh seven five five five nine", ["five", "nine"], "[phone]"),
    ("phone nan on oh one six three two nine", ["six", "nine"], "[phone]"),
    ("contact her on oh seven treble four two", ["treble", "two"], "[phone]"),
    ("whatsapp her on oh seven eight eight one", ["eight", "one"], "[phone]"),
    ("my number's oh seven nine double one", ["nine", "double"], "[phone]"),
    # a phone number in two parts across a clause
    ("call him on 0113, then four nine six, double two three one", ["four", "double"], "[phone]"),
    ("call mum on 01632, after that 960 double two", ["960", "double"], "[phone]"),
    ("text him on 07700, then nine hundred four five six", ["07700", "hundred"], "[phone]"),
    ("the number's 020, then 7946 0018", ["020", "7946"], "[phone]"),
    # a cadet unit by its number where cadets are named
    ("she's in 2415 squadron at air cadets", ["2415"], "[place] squadron"),
    ("he's at sea cadets, 312 troop in hull", ["312"], "[place] troop"),
    ("she goes to 1055 Squadron on a thursday, it's air cadets", ["1055"], "[place] Squadron"),
    ("her cadets is 2143 sqn", ["2143"], "[place] sqn"),
    ("at the ATC, 1837 Squadron", ["1837"], "[place] Squadron"),
    ("he's in 349 squadron, the air cadets", ["349"], "[place] squadron"),
    ("she left cadets, 476 sqn, in may", ["476"], "[place] sqn"),
    ("the army cadets, 14 detachment, meet on a monday", ["14"], "[place] detachment"),
    ("he's been at 2088 squadron since year 8, air cadets", ["2088"], "[place] squadron"),
    ("RAFAC 1440 Squadron is where he goes", ["1440"], "[place] Squadron"),
    ("she is a cadet at 186 Squadron", ["186"], "[place] Squadron"),
    # a Welsh setting's name after its kind
    ("she's at coleg sir gar now", ["sir", "gar"], "[place] now"),
    ("he's at ysgol pen y bryn", ["pen", "bryn"], "[place]"),
    ("she goes to ysgol glan clwyd", ["glan", "clwyd"], "[place]"),
    ("they go to ysgol gyfun cwm rhymni", ["gyfun", "rhymni"], "[place]"),
    ("she's at ysgol gynradd llanfair", ["gynradd", "llanfair"], "[place]"),
    ("he goes to ysgol bryn celyn every day", ["bryn", "celyn"], "[place] every day"),
    ("he's at ysgol maes garmon", ["maes", "garmon"], "[place]"),
    ("she's at ysgol gymraeg bro morgannwg", ["bro", "morgannwg"], "[place]"),
    ("she's at ysgol bro pedr in lampeter", ["pedr", "lampeter"], "[place] in [place]"),
    ("she's at ysgol uwchradd caergybi", ["uwchradd", "caergybi"], "[place]"),
    # the town after a setting the identifiers find
    ("she's at st. mary's rc primary in kirkwall", ["kirkwall"], "in [place]"),
    ("she's at st. ninian's high in giffnock", ["giffnock"], "in [place]"),
    ("he goes to st. aidan's primary in wishaw", ["wishaw"], "in [place]"),
    ("he went to st. margaret's high in airdrie", ["airdrie"], "in [place]"),
    ("she's at st. joseph's primary in tranent", ["tranent"], "in [place]"),
    ("he's at st. luke's high in barrhead", ["barrhead"], "in [place]"),
    ("he's at st. cuthbert's primary in hetton", ["hetton"], "in [place]"),
    ("he's at st. patrick's high in dumbarton", ["dumbarton"], "in [place]"),
    ("she's at st. peter's primary in ormskirk", ["ormskirk"], "in [place]"),
    ("he's at st. bede's high in jarrow", ["jarrow"], "in [place]"),
    # a handle spelled aloud with "dash" or "hyphen" in a clause naming a platform
    ("her snap is lil dash jaz dash oh nine", ["jaz", "nine"], "[handle]"),
    ("on insta she's megz dash official", ["megz", "official"], "[handle]"),
    ("his xbox tag is reaper dash two thousand and nine", ["reaper", "thousand"], "[handle]"),
    ("her insta is cupcake dash queen", ["cupcake", "queen"], "[handle]"),
    ("he's on youtube as gamer dash boy dash 12", ["gamer", "12"], "[handle]"),
    ("her snapchat's tia dash marie dash xo", ["tia", "marie", "xo"], "[handle]"),
    ("find him on tiktok, it's jj dash skates", ["jj", "skates"], "[handle]"),
    ("she's on insta as bella hyphen rose", ["bella", "rose"], "[handle]"),
    ("his gamertag is dark dash wolf dash 77", ["wolf", "77"], "[handle]"),
    ("follow her on insta, she's lou dash makes", ["lou", "makes"], "[handle]"),
    ("her tiktok is just em dash dances", ["em", "dances"], "[handle]"),
    ("ring nan on 01632, then nine six oh, double one", ["nine", "double"], "[phone]"),
    ("ring him on 01632, and then nine six oh one one", ["nine", "one"], "[phone]"),
    ("text mum on 07700, then nine double oh, one two three", ["nine", "three"], "[phone]"),
    ("ring her on 01632, then 960 double five", ["960", "double"], "[phone]"),
    ("phone dad on 0114, then 496 double oh one", ["496", "double"], "[phone]"),
    ("ring her on 01632, then nine six oh, treble one", ["nine", "treble"], "[phone]"),
]

# Redacted before and after (guards): a number in parts or a mobile's start where the figures alone were enough.
_HELD = [
    ("call the carer on 0161, then four nine six, oh oh oh oh", ["four", "six"], "[phone]"),
    ("her number's 0113, then four nine six, oh one two three", ["four", "three"], "[phone]"),
    ("ring the foster carer on oh one one three four nine six", ["three", "six"], "[phone]"),
    ("her mobile's 07700, and then 900 123", ["07700", "900"], "[phone]"),
    ("ring nan on 01632 then 960 011", ["01632", "960"], "[phone]"),
    ("ring the school on 0161, then 496 0000", ["0161", "496"], "[phone]"),
    ("ring her on 0113 then 496 0123", ["0113", "496"], "[phone]"),
    ("ring grandad on 01632 and then 960 5555", ["01632", "960"], "[phone]"),
    ("phone aunty on 0114, then four nine six oh oh one two", ["four", "two"], "[phone]"),
]

# The same words in ordinary use: kept before and after.
_KEPT = [
    "her Insta's private now",
    "her facebook's full of photos of the kids",
    "his youtube's all gaming",
    "her whatsapp's on silent",
    "his playstation's in his room",
    "twenty twenty was hard",
    "we had twelve twelve-week placements",
    "he was born twelve weeks early",
    "she was born two years after her brother",
    "the number went from twenty to thirty",
    "ring her on one or two occasions",
    "we rang them on oh, one or two days",
    "we had 01632 then 960 cases",
    "call them on the day, then two more times",
    "four four two, then three five two formation",
    "in twenty twenty one and twenty twenty two we grew",
    "she made a mad dash to the bus after checking snap",
    "it's a quick dash to the shop, she said on facebook",
    "we left a dash of time on whatsapp calls",
    "the 100 metre dash was on youtube",
    "the sprint dash and the relay were on tiktok",
    "we use a hyphen on facebook posts",
    "617 Squadron flew the raid",
    "at cadets, in 2019 squadron numbers rose",
    "the cadets had 12 squadron leaders visit",
    "the cadets won 3 troop medals",
    "the cadets' 14 troop leaders came",
    "we had 40 cadets and 3 squadron staff",
]

# A Welsh setting's kind alone, with English words after it: kept (round 26: "at ysgol" with no name after it is "at
# school", the common noun; it was "at [place]" in this round).
_WELSH_KIND_ALONE = [
    ("ysgol is welsh for school", "ysgol is welsh for school"),
    ("the ysgol and the chapel were closed", "the ysgol and the chapel were closed"),
    ("we met at the capel on sunday", "we met at the capel on sunday"),
    ("she sings in the eglwys choir", "she sings in the eglwys choir"),
    ("he's at ysgol all week", "he's at ysgol all week"),
    ("she was at ysgol the whole time", "she was at ysgol the whole time"),
    ("he's at ysgol and then home", "he's at ysgol and then home"),
    # an English word after a setting found and "in" stays
    ("she's at st. john's in the morning", "she's at [place] in the morning"),
    ("he's at st. paul's in question", "he's at [place] in question"),
    ("she's at st. anne's in general", "she's at [place] in general"),
]


test_a_welsh_kind_of_setting_before_english_words_takes_none = _rounds.exact(_WELSH_KIND_ALONE)


# A football club named by a council's name: the club goes whole as the place, as "Hyde United" does (round 24); each
# was "[council] United", "[council] Rovers" ... before.
_CLUBS = [
    ("the Manchester United game was on", "the [place] game was on"),
    ("Manchester United", "[place]"),
    ("the Leeds Rovers under 12s", "the [place] under 12s"),
    ("he went to the Manchester Rangers trial", "he went to the [place] trial"),
    ("the Wigan Athletic match was on the telly", "the [place] match was on the telly"),
    ("the Oldham Athletic lads came round", "the [place] lads came round"),
    ("he's got Bury FC on his wall", "he's got [place] on his wall"),
    ("the Bristol Rovers ground is near", "the [place] ground is near"),
    ("the Sheffield United match was cancelled", "the [place] match was cancelled"),
    ("the leeds united game was on", "the [place] game was on"),
    ("we went to the Bolton Wanderers game", "we went to the [place] game"),
]

# A council's name before the same words in ordinary use: as before.
_CLUB_WORDS_KEPT = [
    ("Kirklees and Leeds united behind the plan", "[council] and [council] united behind the plan"),
    ("Leeds united its teams in 2019", "[council] united its teams in 2019"),
    ("Leeds and Kirklees, united, agreed", "[council] and [council], united, agreed"),
    ("Leeds City Council said no", "[council] said no"),
    ("we met in leeds city centre", "we met in [council] city centre"),
    ("Bolton and Wigan united.", "[council] and [council] united."),
    ("the oldham athletic lads came round", "the [council] athletic lads came round"),
]


test_a_club_named_by_a_council_goes_whole_as_the_place = _rounds.exact(_CLUBS)


test_a_councils_name_before_the_same_words_in_ordinary_use = _rounds.exact(_CLUB_WORDS_KEPT)


# A platform after a possessive is the child's account: kept (each was redacted as a name before).
_PLATFORMS_KEPT = [
    "her tiktok's full of it",
    "his snapchat's been hacked",
    "my xbox's broken again",
    "his roblox's where he met them",
    "his fortnite's gone, his mum took it",
    "her spotify's on all night",
]


@pytest.mark.parametrize(("text", "gone", "token"), _FROM_ROUND_24 + _RED_TEAM)
def test_numbers_in_words_or_parts_are_redacted(text, gone, token):
    for red in _both(text):
        assert not _left(red, *gone) and token in red, red


@pytest.mark.parametrize(("text", "gone", "token"), _HELD)
def test_numbers_found_before_stay_redacted(text, gone, token):
    for red in _both(text):
        assert not _left(red, *gone) and token in red, red


test_the_same_words_in_ordinary_use_are_kept = _rounds.kept(_KEPT)


# A number found before a clause, and what follows it in ordinary use: the part after "then" stays.
_PHONE_THEN_KEPT = [
    ("ring the office on 0113 and then press two", "ring the office on [phone] and then press two"),
    ("ring her on 01632 960111, then 3 more times", "ring her on [phone], then 3 more times"),
    ("call 0113 496 0123, then 2 or 3 more", "call [phone], then 2 or 3 more"),
]


test_what_follows_a_whole_number_stays = _rounds.exact(_PHONE_THEN_KEPT)


test_a_platform_after_a_possessive_is_kept = _rounds.kept(_PLATFORMS_KEPT)

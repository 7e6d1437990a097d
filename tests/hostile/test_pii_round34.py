"""Thirty-fourth red-team round: eleven of the open forms closed as classes, and 51 new hostile forms.

Eleven of round 33's open forms closed (moved there to ``_WELSH_CLOSED_BY_ROUND_34``, ``_OPEN_CLOSED_BY_ROUND_34``): Welsh
public offices and bodies with their mutated forms are public terms ("Senedd", "Weinidog", "Dirprwy Lywydd",
"Ysgrifennydd Parhaol"); a Welsh word with a regular ending of a verb or a plural on a stem the frequent list holds is
the word ("Siaradais" from "siarad", "Dilynwch" from "dilyn"); "yr ysgol" before a Welsh word is the common noun ("yn yr
ysgol newydd"); a handle's inner dots no longer end the clause a platform is named in ("tyler.b.2009"); a particle of a
European surname before a surname found alone ("dos santos"); a tenement flat's floor and door before the house number
("3/2, 45 kelvin street"); a place's name in lower case ending the phrase after what a relation or a worker is called
("her friend's called london").  Five stay open: "m.o'd", "'k' for kacey", "tj_2019_assessment" (round 32), "Hope was
there", "Egwyddorion" (a plural whose stem the list does not hold).

Red team (``_RED_TEAM``): 31 new forms, each leaked or lost a word before this round (the output before beside each),
exact now: Welsh ages ("yn 14 oed") and dates with Welsh months, of birth after a Welsh word of birth; a prisoner's,
custody or collar number; an officer's number after the rank ("PC 2341 Jones"); more handles with a letter between
dots, Glasgow flats, particles; Welsh titles after the article and Welsh verbs in the past opening a sentence; a
person's initials after "known as" or in brackets before a date of birth or an age ("known to us as KJ", "Child A (AB,
DOB ...)"); the surname of a newborn registered as "Baby Boy"; a Welsh month after "mis" that is a first name too ("ym
mis Mai"); a city's name as a person's after what a friend is called ("his mate's called paris.").  Words that
look like these stay (``_KEPT``: 11) or were redacted so before (``_HELD_EXACT``: 8); one stays
open (``_OPEN``, a line on it).
"""

from __future__ import annotations

from . import _rounds

_RED_TEAM = [
    ("Mae hi'n 14 oed.", "Mae hi'n [age]."),  # was kept
    ("Roedd Cerys yn 12 oed pan symudodd hi.", "Roedd [name] yn [age] pan symudodd hi."),  # was '... yn 12 oed ...'
    ("Cafodd ei geni ar 3 Mawrth 2012.", "Cafodd ei geni ar [date of birth]."),  # was kept
    ("Mae ei phen-blwydd ar 12 Mehefin.", "Mae ei phen-blwydd ar [date of birth]."),  # was kept
    ("Mae'r babi yn 6 mis oed.", "Mae'r babi yn [age]."),  # was kept
    ("Cafwyd cyfarfod ar 3 Mawrth 2019.", "Cafwyd cyfarfod ar [date]."),  # was kept ("we met on 3 March 2019": [date])
    ("Dyddiad geni: 14 Chwefror 2011", "Dyddiad geni: [date of birth]"),  # was 'Dyddiad geni: 14 [name] 2011'
    ("Mae Osian yn 9 mlwydd oed.", "Mae [name] yn [age]."),  # was 'Mae [name] yn 9 mlwydd oed.'
    ("his prison number is A1234BC", "his prison number is [reference]"),  # was kept
    ("the referral came from PC 2341 Jones", "the referral came from PC [reference] [name]"),  # was 'PC 2341 [name]'
    ("PCSO 7712 attended the home visit", "PCSO [reference] attended the home visit"),  # was kept
    ("his collar number is 4471", "his collar number is [reference]"),  # was kept
    ("the custody number is 12/3456", "the custody number is [reference]"),  # was kept
    ("she posts as ruby.j.2011 on snap", "she posts as [handle] on snap"),  # was kept
    ("the flat is 0/1, 12 hope street", "the flat is [address]"),  # was 'the flat is 0/1, [address]'
    ("she lives at flat 2/1, 7 Byres Road", "she lives at [address]"),  # was 'she lives at [address]/1, [address]'
    ("his surname's da silva", "his surname's [name]"),  # was "his surname's da [name]"
    ("Dywedodd y Cynghorydd wrthym ddoe.", "Dywedodd y Cynghorydd wrthym ddoe."),  # was 'Dywedodd y [name] ...'
    ("Diolch, Gadeirydd.", "Diolch, Gadeirydd."),  # was 'Diolch, [name].'
    ("Fe siaradais â'r Prif Weinidog ddoe.", "Fe siaradais â'r Prif Weinidog ddoe."),  # was "... â'r Prif [name] ddoe."
    ("Ysgrifennais at y teulu ddoe.", "Ysgrifennais at y teulu ddoe."),  # was '[name] at y teulu ddoe.'
    ("Ffoniodd Mrs Pritchard y swyddfa.", "Ffoniodd Mrs [name] y swyddfa."),  # was '[name] Mrs [name] y swyddfa.'
    ("Siaradodd hi â'r teulu ddoe.", "Siaradodd hi â'r teulu ddoe."),  # was "[name] hi â'r teulu ddoe."
    ("Dywedodd y Gweinidog fod angen newid.", "Dywedodd y Gweinidog fod angen newid."),  # was 'Dywedodd y [name] ...'
    ("Mae'r Comisiynydd Plant yn poeni.", "Mae'r Comisiynydd Plant yn poeni."),  # was "Mae'r [name] yn poeni."
    # written open, closed in this round: initials where a name stands, a registered newborn's surname, a Welsh month
    # after "mis" that is a first name too
    ("she's known to us as KJ", "she's known to us as [name]"),  # was kept
    ("the baby's name was registered as Baby Boy Smith", "the baby's name was registered as Baby Boy [name]"),  # was kept
    ("Child A (AB, DOB 01/02/2015) was seen at home", "Child A ([name], DOB [date of birth]) was seen at home"),  # was '(AB, ...'
    ("Roedd y plant yn hapus ym mis Mai.", "Roedd y plant yn hapus ym mis Mai."),  # was '... ym mis [name].'
    ("Bydd hi'n dechrau'r ysgol fis Medi.", "Bydd hi'n dechrau'r ysgol fis Medi."),  # was "Bydd hi'n dechrau'r [place]."
    ("his mate's called paris.", "his mate's called [name]."),  # was kept: a city's name as a person's
]

# Redacted so before and after: the same shapes beside words that are not these
_HELD_EXACT = [
    ("the van Tom drove was red", "the van [name] drove was red"),  # "van" after "the" is the vehicle
    ("I went in the van with Tom", "I went in the van with [name]"),
    ("Mae Kayleigh yn yr ysgol.", "Mae [name] yn yr ysgol."),
    ("he goes by T.J. now", "he goes by [name] now"),
    ("registered as baby girl kowalski.", "registered as baby girl [name]."),
    ("the older boy (KL, aged 15) was not at home", "the older boy ([name], aged [age]) was not at home"),
    ("Mae Mai yn sâl heddiw.", "Mae [name] yn sâl heddiw."),  # "Mai" (May) is a name where no "mis" is before it
    ("the YP (YP, aged 15) was seen", "the YP (YP, aged [age]) was seen"),  # a term of the field, no initials
]

_KEPT = [
    "Bydd y cyfarfod ar 3 Mawrth.",  # a day and month alone is an event's, as in English ("on 3 March")
    "we had PC 2019 on the desk",  # a year after "PC" is no collar number
    "she got a new PC for 300 pounds",
    "the dos and don'ts of it",
    "the score was 3/2, 45 people came",  # a floor and door only before a street
    "Mae gennym ni 40 o blant.",
    "she was known to services as CSE risk",
    "the baby girl was born early",
    "we saw baby boy in the cot",
    "the baby of the family was there",
    "her friend's called in london",
]

# Still leaking or over-redacted (measured when written); strict, so closing one is seen.  Closed by round 35
# (``_OPEN_CLOSED_BY_ROUND_35``): the irregular Welsh verbs' forms ("Ganwyd", was born, of "geni") are words.
_OPEN: list[tuple[str, str]] = []
_OPEN_CLOSED_BY_ROUND_35 = [
    ("Ganwyd Tomos ar 5 Ionawr 2013.", "Ganwyd [name] ar [date of birth]."),
]


test_this_rounds_forms_are_redacted_exactly = _rounds.exact(_RED_TEAM + _HELD_EXACT + _OPEN_CLOSED_BY_ROUND_35)


test_words_that_look_like_these_are_kept = _rounds.kept(_KEPT)


def test_the_counts_are_as_written():
    new = _RED_TEAM + _HELD_EXACT + _OPEN + _OPEN_CLOSED_BY_ROUND_35 + [(t, t) for t in _KEPT]
    assert (len(_RED_TEAM), len(_HELD_EXACT), len(_KEPT), len(_OPEN + _OPEN_CLOSED_BY_ROUND_35)) == (31, 8, 11, 1)
    assert len(new) == 51 == len({t for t, _ in new})


test_forms_left_open = _rounds.left_open(_OPEN, move_to="_RED_TEAM")

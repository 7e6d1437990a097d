"""Thirty-fourth red-team round: ten of round 33's open forms closed as classes, and 39 new hostile forms.

Round 33's open forms closed (moved there to ``_WELSH_CLOSED_BY_ROUND_34`` and ``_OPEN_CLOSED_BY_ROUND_34``): Welsh
public offices and bodies with their mutated forms are public terms ("Senedd", "Weinidog", "Dirprwy Lywydd",
"Ysgrifennydd Parhaol"); a Welsh word with a regular ending of a verb or a plural on a stem the frequent list holds is
the word ("Siaradais" from "siarad", "Dilynwch" from "dilyn"); "yr ysgol" before a Welsh word is the common noun ("yn yr
ysgol newydd"); a handle's inner dots no longer end the clause a platform is named in ("tyler.b.2009"); a particle of a
European surname before a surname found alone ("dos santos"); a tenement flat's floor and door before the house number
("3/2, 45 kelvin street").  Six stay open there: "m.o'd", "'k' for kacey", "tj_2019_assessment" (round 32), "london"
after "called", "Hope was there", "Egwyddorion" (a plural whose stem the list does not hold).

Red team (``_RED_TEAM``): 25 new forms, each leaked or lost a word before this round (the output before beside each),
exact now: Welsh ages ("yn 14 oed") and dates with Welsh months, of birth after a Welsh word of birth; a prisoner's,
custody or collar number; an officer's number after the rank ("PC 2341 Jones"); more handles with a letter between
dots, Glasgow flats, particles; Welsh titles after the article and Welsh verbs in the past opening a sentence.  Words
that look like these stay (``_KEPT``: 6, ``_HELD_EXACT``: 3, redacted so before); five stay open (``_OPEN``, a line on each).
"""

from __future__ import annotations

import pytest

from .test_pii_round7 import assert_kept
from .test_pii_round11 import assert_exact, xfail_open

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
]

# Redacted so before and after: the same shapes beside words that are not these
_HELD_EXACT = [
    ("the van Tom drove was red", "the van [name] drove was red"),  # "van" after "the" is the vehicle
    ("I went in the van with Tom", "I went in the van with [name]"),
    ("Mae Kayleigh yn yr ysgol.", "Mae [name] yn yr ysgol."),
]

_KEPT = [
    "Bydd y cyfarfod ar 3 Mawrth.",  # a day and month alone is an event's, as in English ("on 3 March")
    "we had PC 2019 on the desk",  # a year after "PC" is no collar number
    "she got a new PC for 300 pounds",
    "the dos and don'ts of it",
    "the score was 3/2, 45 people came",  # a floor and door only before a street
    "Mae gennym ni 40 o blant.",
]

# Still leaking or over-redacted (measured when written); strict, so closing one is seen.
_OPEN = [
    # two capitals standing for a child's name after "known as": read as an abbreviation
    ("she's known to us as KJ", "she's known to us as [name]"),
    # a surname after the registered "Baby Boy" (a newborn not yet named): no shape reads the capitals as a name
    ("the baby's name was registered as Baby Boy Smith", "the baby's name was registered as Baby Boy [name]"),
    # a child's initials in brackets beside a serious case review's letter: read as an abbreviation
    ("Child A (AB, DOB 01/02/2015) was seen at home", "Child A ([name], DOB [date of birth]) was seen at home"),
    # "Ganwyd" (was born), an irregular past of "geni" opening the sentence: read as a name
    ("Ganwyd Tomos ar 5 Ionawr 2013.", "Ganwyd [name] ar [date of birth]."),
    # "Mai" (May) after "ym mis": a first name too, so the capital inside the sentence stays a name
    ("Roedd y plant yn hapus ym mis Mai.", "Roedd y plant yn hapus ym mis Mai."),
]


@pytest.mark.parametrize(("text", "expected"), _RED_TEAM + _HELD_EXACT)
def test_this_rounds_forms_are_redacted_exactly(text, expected):
    assert_exact(text, expected)


@pytest.mark.parametrize("text", _KEPT)
def test_words_that_look_like_these_are_kept(text):
    assert_kept(text)


def test_the_counts_are_as_written():
    new = _RED_TEAM + _HELD_EXACT + _OPEN + [(t, t) for t in _KEPT]
    assert len(_RED_TEAM) == 25 and len(new) == 39 == len({t for t, _ in new})


@pytest.mark.parametrize(("text", "expected"), _OPEN)
def test_forms_left_open(text, expected):
    xfail_open(text, expected, "_RED_TEAM")

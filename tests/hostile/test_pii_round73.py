"""Seventy-third red-team round: the forms round 72 left, each mended as a class, with sentences written new for each
(case reviews' and practitioners' register, UK spelling; every detail invented).

* An age said after a date of birth, its subject left out ("he was born in March 2015 and was 6 at the time", "the
  twins, born in January 2018, were 3 when"): the date with the age narrows who the child is, so the age goes.  A
  subject between is someone or something else's ("and the team was 6 at the time" stays), and so is a count ("was 6
  pages long").
* A street closed by a word UK streets end with that no rule read ("Gipton Approach" gave "[place]"): the endings of
  councils' street naming policies (Leeds City Council's table of suffixes, GeoPlace's list), Approach, Wynd, Nook,
  Brow, Dene, Side, Corner ..., after a first word that is no English word nor first name, as "Seacroft Garth" was.
  "the Restorative Approach", "Think Family Approach" stay, and "the Camden Approach" stays a council's way of
  working: "Approach" after "the" names a method, as a street is not named with "the".
* A review's label with a possessive before a common noun ("Young Person C's college" gave "[place]"): kept whole, as
  "Child B's school" was; a relation's label ("Mother F", "Father G") kept beside another label of the review ("Child
  B lived with Mother F"), where the text labels people so; alone, round 45's "Father F" stays an initial.

Counts, measured on main (e1ec93a9) and now, each text redacted with the stress names listed and with none
(``_rounds``): _RED_TEAM holds the 21 main gave wrongly, _HELD_EXACT the 18 it gave so already (a figure of something
else after a birth among them, kept), _KEPT the 7 kept (two main redacted), _GONE the one whose details go under
another token, _OPEN one.  The file run beside main's package: 24 failed (the 21, the two kept and the one gone), 24
passed, 1 xfailed.  Round 74 closed the open form ("Mother F did not attend the conference") by the lead's decision:
alone, a family role's letter is an initial for every role, so it is held as "Mother [name]" with the 18.
"""

from __future__ import annotations

from . import _rounds

# Each was redacted wrongly on main (what main gave above each, with the stress names listed and with none), exact now.
_RED_TEAM = [
    # an age after a date of birth, its subject the one born; main: "... and was 6 at the time"
    ('he was born in March 2015 and was 6 at the time', 'he was born in [date of birth] and was [age] at the time'),
    ('she was born on 3 May 2019 and was 4 when she was taken into care',
     'she was born on [date of birth] and was [age] when she was taken into care'),
    ('he was born in 2010 and was twelve when he first went missing',
     'he was born in [date of birth] and was [age] when he first went missing'),
    ('the twins, born in January 2018, were 3 at the time', 'the twins, born in [date of birth], were [age] at the time'),
    ('she was born in March 2015 and is 8 now', 'she was born in [date of birth] and is [age] now'),
    ('she was born in the spring of 2016 and was 5 at the time',
     'she was born in [date of birth] and was [age] at the time'),
    ('born on 3 May 2019 at the LGI, and is 8 now', 'born on [date of birth] at the [place], and is [age] now'),
    ('she was born prematurely in 2016 but was 7 by the time of the review',
     'she was born prematurely in [date of birth] but was [age] by the time of the review'),
    ('born 12/03/2014, was 9 when she disclosed', 'born [date of birth], was [age] when she disclosed'),
    ('his mother was born in 1990 and was 24 when he was born',
     'his mother was born in [date of birth] and was [age] when he was born'),
    # a street by an ending no rule read; main: '[place]' for the street
    ('they moved to a flat on Gipton Approach after the fire', 'they moved to a flat on [address] after the fire'),
    ('the fire started on Holbeck Approach', 'the fire started on [address]'),
    ('the police went to Seacroft Wynd twice', 'the police went to [address] twice'),
    ('she was found on Armley Nook at 2am', 'she was found on [address] at 2am'),
    ("his nan's house on Beeston Brow", "his nan's house on [address]"),
    ('they moved to 7 Harehills Dene', 'they moved to [address]'),
    ('they met at Moortown Corner', 'they met at [address]'),
    # a review's label before a common noun; main: '[place] raised it first'
    ("Young Person C's college raised it first", "Young Person C's college raised it first"),
    ("Young Person C's college rang the MASH", "Young Person C's college rang the MASH"),
    # a relation's label beside another; main: 'Child B lived with Mother [name] and Father [name]'
    ('Child B lived with Mother F and Father G', 'Child B lived with Mother F and Father G'),
    ("Child B and Mother F's partner moved to Leeds", "Child B and Mother F's partner moved to [council]"),
]
# Redacted so on main as now: the same forms where a rule read them already.
_HELD_EXACT = [
    ('born in June 2012, he was 9 at the time of the review', 'born in [date of birth], he was [age] at the time of the review'),
    ('he was born in 2013 and had just turned 10 when he was excluded',
     'he was born in [date of birth] and had just turned [age] when he was excluded'),
    ('the baby was born on 2 January 2020 and was 6 weeks old at the visit',
     'the baby was born on [date of birth] and was [age] at the visit'),
    ('she lives at 14 Tinshill Garth', 'she lives at [address]'),
    ('the family lived on Kirkstall Rise for a year', 'the family lived on [address] for a year'),
    ('she moved to Seacroft Garth in the summer', 'she moved to [address] in the summer'),
    ('they live off Kentmere Approach', 'they live off [address]'),
    ('she lives on Burley Walk now', 'she lives on [address] now'),
    ('the flat on Harehills Parade was cold', 'the flat on [address] was cold'),
    # a council's way of working, named with "the", stays the council's ("Approach" a street's ending too)
    ('the Hackney Model and the Camden Approach', 'the [council] Model and the [council] Approach'),
    ("child M's school rang us on the Friday", "child [name]'s school rang us on the Friday"),
    ('Father F', 'Father [name]'),  # round 45: alone, an initial
    ('Baby H was born at 32 weeks', 'Baby [name] was born at 32 weeks'),  # a newborn's initial, as round 45 holds
    ('Father G was in prison', 'Father [name] was in prison'),
    ('Mother F did not attend the conference', 'Mother [name] did not attend the conference'),  # round 74's decision
    # a figure of someone or something else after a birth, kept: a subject between, a count, a place in order
    ('the idea was born in 2015 and the team was 6 at the time',
     'the idea was born in [date of birth] and the team was 6 at the time'),
    ('the plan was born in 2019 and was 6 pages long', 'the plan was born in [date of birth] and was 6 pages long'),
    ('she was born in 2011 and was 3rd in the race', 'she was born in [date of birth] and was 3rd in the race'),
    ('the project was born in 2015 and was 40 percent cheaper',
     'the project was born in [date of birth] and was 40 percent cheaper'),
]
# Kept on main as now (two main redacted: above them): a way of working named "Approach", a review's labels.
_KEPT = [
    'the Restorative Approach was used',
    'we used the Signs of Safety Approach',
    'the Think Family Approach helped',
    'Sibling D was also known to services',
    "Adult F's partner was known to probation",
    # main: "[place] had concerns about Child B"
    "Sibling D's nursery had concerns about Child B",
    # main: "the [place] rang"
    "the Young Person C's college rang",
]
# Redacted now, every detail gone, under a token of another kind: a known district's name before a street's ending
# (main kept "Hill" with no names listed).
_GONE = [
    ('the family moved to Chapel Allerton Hill', ['Chapel', 'Allerton', 'Hill']),
]
# Closed in round 74 by the lead's decision: a family role and a lone capital letter with no other review label in the
# text is the relation's initial, for every role ("Mother [name] did not attend", as round 45's "Father [name]"); it
# moved to _HELD_EXACT above, as main gave it so already.
_OPEN: list[tuple[str, str]] = []

test_this_rounds_forms_are_redacted_exactly = _rounds.exact(_RED_TEAM + _HELD_EXACT)
test_words_that_look_like_these_are_kept = _rounds.kept(_KEPT)
test_details_redacted_under_another_token_are_gone = _rounds.stay_gone(_GONE, bracket=True)
test_forms_left_open = _rounds.left_open(_OPEN, move_to="_RED_TEAM")
test_the_counts_are_as_written = _rounds.counted(_RED_TEAM, _HELD_EXACT, _KEPT, _OPEN, counts=(21, 19, 7, 0))

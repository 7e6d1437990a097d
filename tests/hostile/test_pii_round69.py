"""Sixty-ninth red-team round: the forms rounds 67 and 68 left open, closed by classes, and their neighbours written
new in the voices of children's services staff, partners and case records (UK spelling and speech); every detail
invented.

A person or a family named is withheld; a generation, a role, a group of an age or a cohort is published:

* a family called by its surname in the plural after "the", then where its home is beside the speaker's ("next door",
  "across the road", "over the street", "two doors down", "round the corner"), whatever the surname: one that is a
  word ("the Smiths", "the Coopers"), a job's too ("the Judges", "the Clerks", "the Gardeners"), or a shop's or a
  club's the public names list holds, where a person's doing follows ("the Brewers across the road looked after her",
  "the Rangers next door kept an eye on him") or a child lives with it ("she stays with the Joules"); a shop's doing
  stays ("the Greggs next door sells them cheap").  A flat's or a room's place beside ("upstairs", "opposite", "across
  the landing", "in the flat above") is a chamber's or a building's too: a family there only by a surname the lists
  hold ("the Masons across the landing"); "the Conservatives opposite", "the Brownies downstairs" stay.  A body's
  people are never a family ("the Officers across the road", "the Managers upstairs", "the Members opposite", "the
  Lords across the corridor", "the Directors next door");
* a generation named by when its members were born (``privacy/generations.txt``, with the years of birth its sources
  give: "Millennials", "Gen Xers", "Zoomers", "Xennials", "Baby Boomers"), singular or plural, with the years said after
  it where they fall in its own ("Millennials (1981-1996)"); a generation's word said of a person ("a boy called
  Zoomer") or before one year of birth outside its own ("Boomer (born 2012) lives with his gran") is a name, and so
  is a name of one word in the singular standing bare ("Boomer hit his sister", "I asked Boomer"; not "as a
  Millennial", "Millennial voters");
* two months' names as a range ("born june to august", "born September-December", "born between april and june",
  "may to june was the worst time"): when, though "June", "April" and "May" are given names; joined by "and" or a
  hyphen, only after "born" or before a year, as "April-May (born 2014)" is a child's double name; a month set off
  before one birth stays a person ("april (born 2015) lives with her nan");
* the plural of a noun for people of an age, a stage of life or a standing that no British surname spells
  (``privacy/age_groups.txt``: "Pensioners", "Teenagers", "Newcomers", "Apprentices", "Pupils") is a group, never a
  family; surnames of that kind stay families ("the Youngs", "the Elders").

The Seniors, "me and joy", "hope and i" forms stay open by decision (round 67).

Counts, measured on main (51e2ed41) and now, each text redacted with the stress names listed and with none
(``_rounds``): of the 41 forms withheld (a family or a person), main gave 14 exactly and now 41; of the 48 forms that
publish a generation, a group, a role or a cohort (the places around them redacted), main gave 24 and now 48.
_RED_TEAM holds the 51 main gave wrongly (27 withheld, 24 published), _HELD_EXACT the 14 withheld it gave so already,
_KEPT the 24 published on main as now.  The file run beside main's package: 51 failed, 39 passed.
"""

from __future__ import annotations

from . import _rounds

# Each was redacted wrongly on main (what main gave beside each, with the stress names listed and with none), exact now.
_RED_TEAM = [
    # a family called by its surname beside the speaker's home: a word, a job's, a shop's or a club's plural
    ('the Smiths across the road kept an eye on her', 'the [name] across the road kept an eye on her'),  # was kept
    ('the Masons across the landing heard it all', 'the [name] across the landing heard it all'),  # was kept
    ('the Chandlers opposite saw him leave', 'the [name] opposite saw him leave'),  # was kept
    ('the Brewers across the road looked after her', 'the [name] across the road looked after her'),  # was kept
    ('the Goldsmiths next door kept an eye on him', 'the [name] next door kept an eye on him'),  # was kept
    ('the Joules over the road heard the shouting', 'the [name] over the road heard the shouting'),  # was kept
    ('the Constables over the road called the police', 'the [name] over the road called the police'),  # was kept
    ('the Judges two doors down rang us', 'the [name] two doors down rang us'),  # was kept
    ('the Turners round the corner had him for tea', 'the [name] round the corner had him for tea'),  # was kept
    ('the Savers next door took her in for the night', 'the [name] next door took her in for the night'),  # was kept
    ('the Coopers up the road had the kids overnight', 'the [name] up the road had the kids overnight'),  # was kept
    ('the Wardens over the street rang the police', 'the [name] over the street rang the police'),  # was kept
    ('the Carvers a few doors down heard her screaming', 'the [name] a few doors down heard her screaming'),  # was kept
    ('the Shepherds in the flat above called us', 'the [name] in the flat above called us'),  # was kept
    ('the Fishers downstairs looked after him', 'the [name] downstairs looked after him'),  # was kept
    ('the Rangers next door kept an eye on him', 'the [name] next door kept an eye on him'),  # was kept
    ('she stays with the Joules across the road', 'she stays with the [name] across the road'),  # was kept
    ('the Potters three doors down saw her go in', 'the [name] three doors down saw her go in'),  # was kept
    ('the Sawyers over the road had her for the weekend',
     'the [name] over the road had her for the weekend'),  # was kept
    ('the Goldsmiths round the corner let her sleep over',
     'the [name] round the corner let her sleep over'),  # was kept
    ('the Clerks round the corner took her in', 'the [name] round the corner took her in'),  # was kept
    ('the Fords down the street looked after the baby', 'the [name] down the street looked after the baby'),  # was kept
    ('the Gardeners across the road had the kids for tea',
     'the [name] across the road had the kids for tea'),  # was kept
    ('the Bishops down the road rang the police', 'the [name] down the road rang the police'),  # was kept
    ('the Weavers a couple of doors down took him to school',
     'the [name] a couple of doors down took him to school'),  # was kept
    ('we placed him with the Goldsmiths', 'we placed him with the [name]'),  # was kept
    ('he lives with the Brewers now', 'he lives with the [name] now'),  # was kept
    # a generation, a group of an age or a standing, a range of months: published
    ('the Pensioners moved to Scarborough for the day trip',
     'the Pensioners moved to [place] for the day trip'),  # was 'the [name] moved to [place] for the day trip'
    ('the Teenagers moved to Whitby for the residential',
     'the Teenagers moved to [place] for the residential'),  # was 'the [name] moved to [place] for the residential'
    ('the Newcomers moved to Bradford', 'the Newcomers moved to [council]'),  # was 'the [name] moved to [council]'
    ('the Apprentices moved to Wakefield for the new site',
     'the Apprentices moved to [council] for the new site'),  # was 'the [name] moved to [council] for the new site'
    ('Gen Xers were the most sceptical of the lot',
     'Gen Xers were the most sceptical of the lot'),  # was 'Gen [name] were the most sceptical of the lot'
    ('Zoomers in the sample used the app daily',
     'Zoomers in the sample used the app daily'),  # was '[name] in the sample used the app daily'
    ('Boomers were least likely to answer online',
     'Boomers were least likely to answer online'),  # was '[name] were least likely to answer online'
    ('Xennials, born 1977 to 1983, grew up offline',
     'Xennials, born 1977 to 1983, grew up offline'),  # was '[name], born 1977 to 1983, grew up offline'
    ('the Zillennials (born 1993-1998) said the same',
     'the Zillennials (born 1993-1998) said the same'),  # was 'the [name] (born 1993-1998) said the same'
    ('Millennials tended to text rather than ring',
     'Millennials tended to text rather than ring'),  # was '[name] tended to text rather than ring'
    ('most Millennials we spoke to rent privately',
     'most Millennials we spoke to rent privately'),  # was 'most [name] we spoke to rent privately'
    ('Zoomers and Millennials answered alike',
     'Zoomers and Millennials answered alike'),  # was '[name] and [name] answered alike'
    ('Millennials (1981-1996) rent more', 'Millennials (1981-1996) rent more'),  # was '[name] ([date]) rent more'
    ('Baby Boomers said they trusted the council more',
     'Baby Boomers said they trusted the council more'),  # was 'Baby [name] said they trusted the council more'
    ('Gen Zers, born 1997-2012, prefer to message',
     'Gen Zers, born 1997-2012, prefer to message'),  # was 'Gen [name], born 1997-2012, prefer to message'
    ('Xers were more likely to ring than email',
     'Xers were more likely to ring than email'),  # was '[name] were more likely to ring than email'
    ('the Autumn (born September-December) group did best',
     'the Autumn (born September-December) group did best'),  # was 'the Autumn (born [name]) group did best'
    ('babies born june to august were youngest in the year',
     'babies born june to august were youngest in the year'),
    # was 'babies born [name] to august were youngest in the year'
    ('children born between april and june did worse',
     'children born between april and june did worse'),  # was 'children born between april and [name] did worse'
    ('may to june was the worst time for her',
     'may to june was the worst time for her'),  # was 'may to [name] was the worst time for her'
    ('the Retirees moved to Spain', 'the Retirees moved to Spain'),  # was 'the [name] moved to Spain'
    ('the Pupils next door were noisy', 'the Pupils next door were noisy'),  # was 'the [name] next door were noisy'
    ('Zoomer pupils were more positive', 'Zoomer pupils were more positive'),  # was '[name] pupils were more positive'
    ('the typical Boomer owns a house', 'the typical Boomer owns a house'),  # was 'the typical [name] owns a house'
]
# Redacted so on main as now: a family whose surname the lists hold, a generation's word said of a child or standing
# bare in the singular, a month set off before one birth, a double name of two months.
_HELD_EXACT = [
    ('the Okafors upstairs heard everything', 'the [name] upstairs heard everything'),
    ('the Fletchers down the road took the boys in', 'the [name] down the road took the boys in'),
    ('the Youngs across the road had her overnight', 'the [name] across the road had her overnight'),
    ('the Elders next door kept an eye on her', 'the [name] next door kept an eye on her'),
    ('the Whitakers upstairs heard him shouting', 'the [name] upstairs heard him shouting'),
    ('Boomer (born 2012) lives with his gran', '[name] (born [date of birth]) lives with his gran'),
    ('a boy called Zoomer was crying', 'a boy called [name] was crying'),
    ('Zoomer (born 2019) and her brother were removed', '[name] (born [date of birth]) and her brother were removed'),
    ('we placed Boomer (born 2016) with his aunt', 'we placed [name] (born [date of birth]) with his aunt'),
    ('april (born 2015) lives with her nan', '[name] (born [date of birth]) lives with her nan'),
    ('April-May (born 2014) lives with her nan', '[name] (born [date of birth]) lives with her nan'),
    ('Boomer hit his sister again', '[name] hit his sister again'),
    ("Boomer's mum rang the office", "[name]'s mum rang the office"),
    ('I asked Boomer about school', 'I asked [name] about school'),
]
# Kept on main as now: a generation's word before a noun, a range of months, a group, a body's people or a party beside,
# a shop.
_KEPT = [
    'one Millennial carer said it was a lifeline',
    'the Millennial parents in the sample were younger',
    'Gen Alpha (2010-2024) has never known life offline',
    'a Boomer councillor chaired the panel',
    'spring (born march to may) babies were the oldest in the class',
    'pupils (born may to august) struggled',
    'summer-born pupils (born april-august) lagged behind',
    'the Students across the road had a party',
    'the Trainees upstairs were given the rota',
    'the Officers across the road rang us about it',
    'the Managers upstairs signed it off',
    'the Members opposite voted it down',
    'the Lords across the corridor threw it out',
    'the Directors next door kept an eye on things',
    'the Officers two doors down had the keys',
    'the Managers over the road took him in',
    'the Greggs next door sells them cheap',
    'the Boots across the road had it in stock',
    'the Conservatives opposite voted it down',
    'the Independents opposite asked for a recorded vote',
    'the Brownies downstairs were noisy',
    'as a Millennial, I found it hard',
    'Millennial voters stayed at home',
    "a Millennial's view of it",
]
# Still open: none of this round's.
_OPEN: list[tuple[str, str]] = []

test_this_rounds_forms_are_redacted_exactly = _rounds.exact(_RED_TEAM + _HELD_EXACT)
test_words_that_look_like_these_are_kept = _rounds.kept(_KEPT)
test_the_counts_are_as_written = _rounds.counted(_RED_TEAM, _HELD_EXACT, _KEPT, _OPEN, counts=(51, 14, 24, 0))

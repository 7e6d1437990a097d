"""Sixty-eighth red-team round: the leak round 67 left open and three over-redactions beside it, written new in the
voices of children's services staff, partners and case records (UK spelling and speech); every detail invented.

Round 67 left open a family whose surname is a job's or a post's word ("the Constables moved to Leeds"), and three
over-redactions were seen beside it: a plural given a range of births ("Millennials (born 1981-1996)"), "came into
care in March" read as the town of March, and a word in lower case before a birth ("summer (born 2013)").  The lead's
rule holds: where context cannot tell a person from a word, impact redacts.  This round closes them by their form:

* a capitalised plural after "the" of a job's, a post's or one who does's word ("Constable", "Warden", "Judge",
  "Clerk", "Falconer", "Provost") is a family where no job's people fit: a child placed or living with it, its door's
  number, next door, its moving to a place named, moving house or abroad, moving in with someone, its divorce, a child
  it fostered or adopted, or one relation of its own after the possessive ("the Chancellors' eldest").  A job's people
  have cars and lodges, move back and adopt policies, and a body meets at its address: "the Constables' car", "the
  Porters' lodge", "the Constables moved back", "the Governors adopted it", "the Governors at number 3 met" stay; a
  child's relations and carers are no surname ("we placed him with the Carers");
* a range of births said of a plural is a cohort's, no one's date of birth: the years stay, and so does a capitalised
  plural of an English word or of one who does before it ("Millennials (born 1981-1996)", "Boomers (born 1946 to
  1964)", "Parents (born 1970 to 1980)"); a span of years in brackets is no reference number ("the study
  (2010-2012)"); two years of birth listed are both redacted ("the twins, born 2012 and 2014");
* a month's name after what happens once ("came into care in", "placed in") says when; "she lives in March" and "they
  moved to March" stay the town;
* decided: in lower case, as transcripts are typed, a word set off before a birth or an age is a person's on the same
  words around it as a capitalised one (round 67: a verb of one person after it, one of hers or his joined, a verb
  done to a child before it): "summer (born 2013) was the youngest" is a child, not a season; a cohort, a stage, a
  relation, a word of time before it and one who does ("pensioner, aged 80,") stay.

Counts, measured on main (7bc090db) and now, each text redacted with the stress names listed and with none
(``_rounds``): _RED_TEAM redacted wrongly on main (what main gave beside each), _HELD_EXACT redacted so on main already;
_KEPT kept on main as now; _OPEN still open.  The file run beside main's package: 33 failed (the 33 _RED_TEAM), 26
passed, 4 xfailed.
Gold corpus (``python -m bench.redaction_gold``): 640/629/563 sentences redacted before and now, 0 sentences redacted
differently.
Round 69 closed the four of _OPEN, moved to _RED_TEAM: a range of months after "born", a public name's plural as
a family next door, a generation named with a range of births or without (``privacy/generations.txt``).
"""

from __future__ import annotations

from . import _rounds

# Each was redacted wrongly on main (what main gave beside each, with the stress names listed and with none), exact now.
_RED_TEAM = [
    # a family whose surname is a job's or a post's word, where only a household fits
    ('the Wardens moved to Bradford', 'the [name] moved to [council]'),  # was 'the Wardens moved to [council]'
    ('the Clerks moved over to Wakefield', 'the [name] moved over to [council]'),  # was 'the Clerks ...'
    ('the Judges next door kept an eye on him', 'the [name] next door kept an eye on him'),  # was kept
    ('we placed her with the Constables in the end', 'we placed her with the [name] in the end'),  # was kept
    ('the Falconers at number 12 have two boys', 'the [name] at number 12 have two boys'),  # was kept
    ('the Keepers have moved house again', 'the [name] have moved house again'),  # was kept
    ('the Provosts divorced last year', 'the [name] divorced last year'),  # was kept
    ("the Chancellors' eldest was excluded", "the [name]' eldest was excluded"),  # was kept
    ('the Coroners have adopted a girl', 'the [name] have adopted a girl'),  # was kept
    ('her carers, the Vicars, were lovely', 'her carers, the [name], were lovely'),  # was kept
    ('she lives with the Priests now', 'she lives with the [name] now'),  # was kept
    ('the Nurses moved in with her nan', 'the [name] moved in with her nan'),  # was kept
    ('the Plumbers moved abroad', 'the [name] moved abroad'),  # was kept
    ('the Mayors next door called the police', 'the [name] next door called the police'),  # was kept
    # a range of births said of a plural: a cohort's
    ('Millennials (born 1981-1996) were more likely to say so',
     'Millennials (born 1981-1996) were more likely to say so'),  # was '[name] (born [reference]) ...'
    ('Boomers (born 1946 to 1964) own most of the housing',
     'Boomers (born 1946 to 1964) own most of the housing'),  # was '[name] (born [date of birth] to 1964) ...'
    ('The Millennials (born 1981–1996) said so', 'The Millennials (born 1981–1996) said so'),  # was 'The [name] (born [reference]) ...'
    ('Zoomers, born 1997 to 2012, use it most', 'Zoomers, born 1997 to 2012, use it most'),  # was '[name], born [date of birth] to 2012, ...'
    ('Children (born 2010-2012) were seen at the hub', 'Children (born 2010-2012) were seen at the hub'),  # was '... [reference] ...'
    ('Parents (born 1970 to 1980) were asked', 'Parents (born 1970 to 1980) were asked'),  # was '... [date of birth] to 1980 ...'
    ('Boomers (born 1946 onwards) own most of the housing',
     'Boomers (born 1946 onwards) own most of the housing'),  # was '[name] (born [date of birth] onwards) ...'
    ('Millennials (born in the 1980s) were more likely to say so',
     'Millennials (born in the 1980s) were more likely to say so'),  # was '[name] (born in the 1980s) ...'
    ('the study (2010-2012) found it helped', 'the study (2010-2012) found it helped'),  # was 'the study [reference] ...'
    ('the twins, born 2012 and 2014, were placed',
     'the twins, born [date of birth] and [date of birth], were placed'),  # was '... [date of birth] and 2014, ...'
    # a month's name after what happens once: when
    ('she came into care in March', 'she came into care in March'),  # was '... in [place]'
    ('they were placed in March, both of them', 'they were placed in March, both of them'),  # was '... in [place], ...'
    # a word in lower case set off before a birth or an age, where a person stands
    ('summer (born 2013) was the youngest', '[name] (born [date of birth]) was the youngest'),  # was 'summer (...' with none listed
    ('river (born 2011) lives with his gran', '[name] (born [date of birth]) lives with his gran'),  # was 'river (...'
    ('we placed willow (born 2014) with her aunt', 'we placed [name] (born [date of birth]) with her aunt'),  # was '... willow ...'
    ('sky, aged 9, was excluded twice', '[name], aged [age], was excluded twice'),  # was 'sky, ...'
    ('autumn (born 2013) and her brother were removed',
     '[name] (born [date of birth]) and her brother were removed'),  # was 'autumn (...'
    ('may (born 2013) was the youngest', '[name] (born [date of birth]) was the youngest'),  # was 'may (...'
    ('storm, dob 12.1.2014, has been missing twice', '[name], dob [date of birth], has been missing twice'),  # was 'storm, ...'
    # open until round 69: a range of months in lower case after "born", a public name's plural as a family next door,
    # a generation named with its births or without
    ('summer (born april to august) children do worse',
     'summer (born april to august) children do worse'),  # was '... (born [name] to august) ...'
    ('the Brewers next door kept an eye on her', 'the [name] next door kept an eye on her'),  # was kept
    ('Xennials, born 1977-1983, remember both', 'Xennials, born 1977-1983, remember both'),  # was '[name], born ...'
    ('Millennials were more likely to say so', 'Millennials were more likely to say so'),  # was '[name] were ...'
]
# Redacted so on main as now: a job's word that is a surname the lists hold, the counter-cases in lower case, the town.
_HELD_EXACT = [
    ('the Porters moved to Bradford', 'the [name] moved to [council]'),
    ('the Bakers next door kept an eye on her', 'the [name] next door kept an eye on her'),
    ('the Turners moved to Wakefield', 'the [name] moved to [council]'),
    ('the Sergeants moved to York', 'the [name] moved to [council]'),
    ('june (dob 4/5/2014) was placed', '[name] (dob [date of birth]) was placed'),
    ('the summer (born 2013) cohort did worse', 'the summer (born [date of birth]) cohort did worse'),
    ('in may (born 2013) she moved', 'in may (born [date of birth]) she moved'),
    ('mum (born 1990) was at the meeting', 'mum (born [date of birth]) was at the meeting'),
    ('reception (born 2019) was the biggest class', 'reception (born [date of birth]) was the biggest class'),
    ('pensioner, aged 80, was found', 'pensioner, aged [age], was found'),
    ('she lives in March', 'she lives in [place]'),
    ('they moved to March last year', 'they moved to [place] last year'),
    ('case number (20102012)', 'case number [reference]'),
    ('the Partners moved to Leeds', 'the Partners moved to [council]'),
]
# Kept on main as now: a job's people, a body, a child's carers, a month after other words.
_KEPT = [
    'the Constables arrested him',
    'the bakers on the high street',
    "the Porters' lodge",
    "the Constables' car was outside",
    'the Constables moved back from the door',
    'the Governors adopted it',
    'the Governors at number 3 met on Tuesday',
    'we placed him with the Carers',
    'the Wardens moved the barriers',
    'she came into care in May',
    'we went into court in March',
]
# Still open: none (round 69 closed the four).
_OPEN: list[tuple[str, str]] = []

test_this_rounds_forms_are_redacted_exactly = _rounds.exact(_RED_TEAM + _HELD_EXACT)
test_words_that_look_like_these_are_kept = _rounds.kept(_KEPT)
test_forms_left_open = _rounds.left_open(_OPEN, move_to="_RED_TEAM")
test_the_counts_are_as_written = _rounds.counted(_RED_TEAM, _HELD_EXACT, _KEPT, _OPEN, counts=(37, 14, 11, 0))

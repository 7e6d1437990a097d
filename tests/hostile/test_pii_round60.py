"""Sixtieth red-team round: round 59's three open forms, forms seen in round 59 and never tested, and a sweep of shapes
no round had covered (social-media handles in prose, vehicle registrations, NHS and NI numbers with odd spacing,
surnames in plurals and plural possessives, nicknames in quotes, addresses without numbers); every detail invented.

Round 59's three open forms are closed (moved to that round's lists).  Closed, each a class (the forms, not the words).  A word mentioned as a word after "the word", "the term", "the
phrase" (in quotes or not, in any script) before what is said of a word or the phrase's end is a word, no name ("the
word شكرا means thanks"); "the word Tom used" (a verb after it) stays a name.  A class named by an English word
("Class Hazel", "Hazel Class") is the class; a word no list holds there is a teacher's name ("Class Okonkwo").  A
capitalised club word after a council's name before a word of the club ("Wakefield Trinity club shop", "Leeds Rhinos
fan") is the club's, which goes whole as the place.  A relation named in the family's own language opening a sentence
("Nani said", "Babcia said", "Oma said", "Nonna and Nonno came") is the relation, as "Nan said" is.  A month's or a
season's name before a child's age, school year or class ("Autumn is in Year 2", "June is in Year 2 at ...") is a
child's name; "In May she is in Year 2" stays.

Counts, measured on main (7de9e3ca) and now, each text redacted with the stress names listed and with none
(``_rounds``): _RED_TEAM redacted wrongly on main, _HELD_EXACT redacted so on main already (the sweep and the
counter-cases); _KEPT_FIXED over-redacted on main, _KEPT kept on main as now; _OPEN still open.
"""

from __future__ import annotations

from . import _rounds

# Each was redacted wrongly on main (what main gave beside each, with the stress names listed), exact now.
_RED_TEAM = [
    ('Leeds Rhinos fan, goes to matches.', '[place] fan, goes to matches.'),  # was '[council] Rhinos fan'
    ('Dad works at the Wakefield Trinity ground.', 'Dad works at the [place] ground.'),  # was 'the [council] Trinity ground'
    ('Amelia is in Hazel Class.', '[name] is in Hazel Class.'),  # was '[name] is in [name].'
    ('May is in Year 2.', '[name] is in Year 2.'),  # was kept with no names listed
    ('Summer is in Year 2.', '[name] is in Year 2.'),  # was kept with no names listed
    ('June is in Year 2 at Oakwood Primary.', '[name] is in Year 2 at [place].'),  # was 'June is in Year 2 at [place].'
    ('Autumn is in Year 2.', '[name] is in Year 2.'),  # was 'Autumn is in Year 2.'
    ('Summer (aged 7) cried.', '[name] (aged [age]) cried.'),  # was kept "Summer" with no names listed
    # left open by this round, closed by round 61
    ('NHS 943  476  5919', 'NHS [NHS number]'),  # was kept
    ('J at Greenhill Primary said she was scared.', '[name] at [place] said she was scared.'),  # was 'J at [place]'
    ('Both Smiths attended.', 'Both [name] attended.'),  # was kept
    ("The Browns' car was outside.", "The [name]' car was outside."),  # was kept
    ('Dad is a driver for Ace Taxis in Brighouse.', 'Dad is a driver for [place] in [place].'),  # was 'Ace Taxis in'
    ('Mrs Jones attended. She is a teaching assistant at the school.',
     'Mrs [name] attended. She is a teaching assistant at the school.'),  # was 'She is a [detail] at the school.'
    ('Tyler is in 7 JW.', '[name] is in [place].'),  # was '[name] is in 7 JW.'
]
# Redacted so on main as now: the sweep's lines, and the counter-cases (teachers' names after "Class", names used after
# "the word", words in another script used as names, months as months, councils as councils).
_HELD_EXACT = [
    ('Amelia (Y5, Class Patel) was upset at drop-off.', '[name] (Y5, [name]) was upset at drop-off.'),
    ('Amelia (Y2, Class Okonkwo) cried.', '[name] (Y2, [name]) cried.'),
    ('Class teacher Hazel Smith rang.', 'Class teacher [name] rang.'),
    ('Interpreter said شكرا to mum.', 'Interpreter said [name] to mum.'),
    ('Mum wrote محمد on the form.', 'Mum wrote [name] on the form.'),
    ('The word Tom used was scary.', 'The word [name] used was scary.'),
    ('Zainab said she would help.', '[name] said she would help.'),
    ('Her nani, Fatima, said so.', 'Her nani, [name], said so.'),
    ('Wakefield Council met.', '[council] met.'),
    ('Leeds City Council said no.', '[council] said no.'),
    ('Tyler is in 7JW.', '[name] is in [place].'),
    ('Form group: 7JW', 'Form group: [place]'),
    ("Mum's National Insurance number is QQ 123456 C.", "Mum's National Insurance number is [NI number]."),
    ('NI number: QQ-12-34-56-C', 'NI number: [NI number]'),
    ('NHS no 943.476.5919', 'NHS no [NHS number]'),
    ('NHS number 9 4 3 4 7 6 5 9 1 9', 'NHS number [NHS number]'),
    ('Reg no. YF19 KXD', 'Reg no. [vehicle registration]'),
    ('His motorbike (Y123 ABC) was stolen.', 'His motorbike ([vehicle registration]) was stolen.'),
    ('Her TikTok @lilsis.xo has 2k followers.', 'Her TikTok [handle] has 2k followers.'),
    ('Find him on Twitter as @KaiBraith.', 'Find him on Twitter as [handle].'),
    ('Follow her on insta @ jade_ok', 'Follow her on insta [handle]'),
    ("The Joneses' garden backs onto ours.", "The [name]' garden backs onto ours."),
    ('The Kowalskis have moved to Leeds.', 'The [name] have moved to [council].'),
    ("Dad (known as 'Bazza') rang.", "Dad (known as '[name]') rang."),
    ('Mum\'s partner "Dazza" was present.', 'Mum\'s partner "[name]" was present.'),
    ('They live on the Ravensthorpe estate.', 'They live on the [address] estate.'),
    ('They live in the end terrace on Fern Street, opposite the mosque.',
     'They live in the end terrace on [address], opposite the mosque.'),
    ('Child K (Oakfield Primary) was seen.', 'Child K ([place]) was seen.'),
    ('Tyler B. (Y4) was upset.', '[name] (Y4) was upset.'),
    ("Kai's mum, Nicola Braithwaite, is 32.", "[name]'s mum, [name], is [age]."),
    ("Mum's facebook is Nicola Braithwaite.", "Mum's facebook is [name]."),
]
# Kept now, each over-redacted on main (what main gave beside each, with the stress names listed).
_KEPT_FIXED = [
    'She said the word "Inshallah" a lot.',  # was '"[name]"'
    'He kept saying the word ماما.',  # was 'the word [name].'
    'The word Shukran means thanks.',  # was 'The word [name] means'
    'Class Hazel went on a trip.',  # was 'Class [name] went'
    'Nani said the children were hungry.',  # was '[name] said'
    'Dadi lives with them.',  # was '[name] lives'
    'Babcia said she would help.',  # was '[name] said'
    'Mamgu said yes.',  # was '[name] said'
    'Nonna and Nonno came to the review.',  # was '[name] and [name] came'
    'Oma said no.',  # was '[name] said'
    'The Arabic for thank you is شكرا.',  # left open by this round, closed by round 61 (was 'is [name].')
]
# Kept on main as now: the words of this round's forms used as words.
_KEPT = [
    'Nan said she would collect him.',
    'In May she is in Year 2.',
    'His exams are in May.',
]

# Still open (what it should give beside each); strict, so closing one is seen.  Round 61 closed the eight this
# round left (moved above).
_OPEN: list[tuple[str, str]] = []

test_this_rounds_forms_are_redacted_exactly = _rounds.exact(_RED_TEAM + _HELD_EXACT)
test_sector_lines_are_kept = _rounds.kept(_KEPT_FIXED + _KEPT)
test_forms_left_open = _rounds.left_open(_OPEN, move_to="_RED_TEAM")

test_the_counts_are_as_written = _rounds.counted(_RED_TEAM, _HELD_EXACT, _KEPT_FIXED + _KEPT, _OPEN,
                                                 counts=(15, 31, 14, 0))

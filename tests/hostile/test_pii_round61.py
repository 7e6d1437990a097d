"""Sixty-first red-team round: round 60's eight open forms, forms seen in round 60 and never tested, and a sweep of
shapes no round had covered (a "role: Name" list in minutes-style notes, names after a relation's or a title's word
with no surname, names split over a line break, names in an e-mail's or a text's sign-off, a name spelt out in letters,
names with apostrophes and hyphens opening a sentence); every detail invented.

Round 60's eight open forms are closed (moved to that round's lists).  Closed, each a class (the forms, not the words).
An NHS number's three groups set off by any run of spaces or tabs, its check digit valid, is the number.  A letter
alone opening a sentence before "at" or "from", a setting's capitalised name and what it did ("J at Greenhill Primary
said") is a child's initial.  A capitalised plural after "Both" whose singular is a surname (a word or none) is the
family ("Both Smiths"; "Both Greens voted" stays, a surname that is a public term needing a household's word), as is
one after "the" before its plural possessive and what a household owns ("the Browns' car", "the Okafors' house", no
setting's name or address) or before what a family does after a place's preposition ("Both of the O'Briens
attended").  A firm of capitalised words closed by a trade's noun after the work done for it ("a driver for Ace Taxis",
"works at Blue Sky Cleaning") is a place; no public body's ("West Yorkshire Transport").  A pronoun opening the
sentence after one naming a person by a title and a surname, and no relation, holds that professional's post ("Mrs
Jones attended. She is a teaching assistant at the school."), no relative's job.  A form group's year and initials set
off by a space ("7 JW"; not "7 PE", "7 AM").  A word after "the <language> for <gloss> is" is the language's word.  A
role (a job's, a relation's, or an "-er" noun of a verb: "Minute taker") opening a line or a list's item before a colon
or a dash, and a given name closing the field, is the one who holds it ("Class teacher: Hazel.", "SW – Will").  A
street's full name ending a sentence leaves the sentence its stop.  The Welsh, Spanish, Italian, German, Greek and
Arabic grandparents' words were run into the list's last word ("nne" + "bampi": a missing space) and are relations
again ("Bampi came").  A message's closing words before who wrote it ("Ta, Hope", "Speak soon, Will", "Take care,\\nJoy").
"Love from" before a relation's word is the relation's ("Love from Grandma Joy").  A given name that is a month's
too, capitalised right after a title or a relation's word, no figure after it ("Auntie May", "Dr May").  A first name
wrapped at its hyphen over a line break goes whole ("(Joy-\\nAnne)").  A name spelt out letter by letter ending a
sentence leaves the stop.

Round 61's open form ("Thanks\nWill x") was closed in round 62 (moved to _RED_TEAM).

Counts, measured on main (cabae6d5) and now, each text redacted with the stress names listed and with none
(``_rounds``): _RED_TEAM redacted wrongly on main, _HELD_EXACT redacted so on main already (the sweep and the
counter-cases); _KEPT_FIXED over-redacted on main, _KEPT kept on main as now; _OPEN still open.
"""

from __future__ import annotations

from . import _rounds

# Each was redacted wrongly on main (what main gave beside each, with the stress names listed; "(none)": with no names
# listed only), exact now.
_RED_TEAM = [
    # round 60's forms seen and never tested
    ('Class teacher: Hazel.', 'Class teacher: [name].'),  # was kept
    ('Nan lives at the end of Fern Street.', 'Nan lives at the end of [address].'),  # was '[address]' (the stop lost)
    ("Both of the O'Briens attended.", 'Both of the [name] attended.'),  # was '[place]'
    ("We went to the Okafors' house.", "We went to the [name]' house."),  # was 'the [place].'
    # counter-cases in round 60's shapes
    ('NHS number: 943   476   5919', 'NHS number: [NHS number]'),  # was kept
    ('K from Oakwood High told staff.', '[name] from [place] told staff.'),  # was 'K from [place]'
    ("J. at St Mary's said no.", '[name] at [place] said no.'),  # was 'J. at [place]'
    ("The Browns' dog barked.", "The [name]' dog barked."),  # was kept
    ("He stays at the Joneses' flat.", "He stays at the [name]' flat."),  # was 'the [address] flat.'
    ('Mum works at Blue Sky Cleaning.', 'Mum works at [place].'),  # was kept
    ('She works for Quick Fix Plumbing in Halifax.', 'She works for [place] in [place].'),  # was 'Quick Fix Plumbing in'
    ('Mr Patel rang. He is a caretaker at the academy.', 'Mr [name] rang. He is a caretaker at the academy.'),  # was '[detail]'
    ('Form group: 10 RB', 'Form group: [place]'),  # was kept
    ('She is in 10 RX now.', 'She is in [place] now.'),  # was kept
    # the sweep: a "role: Name" list in minutes-style notes
    ('Minute taker: Faith.', 'Minute taker: [name].'),  # was kept
    ('Note taker: Joy (admin)', 'Note taker: [name] (admin)'),  # was kept
    ('Chair – Hope; SW – Will; IRO – Joy.', 'Chair – [name]; SW – [name]; IRO – [name].'),  # was kept (none)
    ('Present: Chair - Tendai, SW - Grace, Mum.', 'Present: Chair - [name], SW - [name], Mum.'),  # was 'SW - Grace' (none)
    ('Support worker – Joy', 'Support worker – [name]'),  # was kept (none)
    ('SW: Hope, Dad: Grace', 'SW: [name], Dad: [name]'),  # was kept
    ('Mum: Grace.', 'Mum: [name].'),  # was kept
    # names in a message's sign-off
    ('Speak soon, Will', 'Speak soon, [name]'),  # was kept (none)
    ('Ta, Hope', 'Ta, [name]'),  # was kept (none)
    ('Thanks again, Grace', 'Thanks again, [name]'),  # was kept (none)
    ('Best wishes, Hope', 'Best wishes, [name]'),  # was kept (none)
    ('Take care,\nJoy', 'Take care,\n[name]'),  # was kept
    ('Love from Grandma Joy x', 'Love from Grandma [name] x'),  # was 'Love from [name] [name] x'
    # names after a title or a relation's word with no surname: a given name that is a month's too
    ('Auntie May is poorly.', 'Auntie [name] is poorly.'),  # was kept (none)
    ('Dr May said no.', 'Dr [name] said no.'),  # was kept (none)
    ('Mrs May rang.', 'Mrs [name] rang.'),  # was kept (none)
    # a name split over a line break, a name spelt out
    ('Spoke with mum (Joy-\nAnne) on the phone.', 'Spoke with mum ([name]) on the phone.'),  # was '(Joy-\n[name])' (none)
    ('Her name is spelt H-O-P-E.', 'Her name is spelt [name].'),  # was 'spelt [name]' (the stop lost)
    ('Her name is spelled G R A C E.', 'Her name is spelled [name].'),  # was 'spelled [name]' (the stop lost)
    # left open in round 61, closed in round 62: a given name that is a modal verb alone on a sign-off's line
    ('Thanks\nWill x', 'Thanks\n[name] x'),  # was kept
]
# Redacted so on main as now: the sweep's lines, and the counter-cases (surnames in the plural, titles and relations
# before a given name, hyphens and apostrophes opening a sentence, names over a line break).
_HELD_EXACT = [
    ('NHS no:\t943\t476\t5919', 'NHS no:\t[NHS number]'),
    ('Plan B at Leeds Council was agreed.', 'Plan B at [council] was agreed.'),
    ('Both Kowalskis came to the review.', 'Both [name] came to the review.'),
    ('Both Wilsons attended.', 'Both [name] attended.'),
    ("The Patels' car was outside.", "The [name]' car was outside."),
    ('He is at Rowans House.', 'He is at [address].'),
    ('Dad works at Okafor Motors.', 'Dad works at [place].'),
    ('Mrs Jones, his mum, attended. She is a teaching assistant at the school.',
     'Mrs [name], his mum, attended. She is a [detail] at the school.'),
    ('The Manager for the team is Tom.', 'The Manager for the team is [name].'),
    ('Chair: Bisi Adeyemi', 'Chair: [name]'),
    ('Thanks, Jo x', 'Thanks, [name] x'),
    ('Many thanks,\nKemi', 'Many thanks,\n[name]'),
    ('Aunty Bisi collects him on Fridays.', 'Aunty [name] collects him on Fridays.'),
    ('Uncle Tomasz came to the review.', 'Uncle [name] came to the review.'),
    ('Pastor Dayo visited the family.', 'Pastor [name] visited the family.'),
    ('Nanna Joy sends cards.', 'Nanna [name] sends cards.'),
    ("Mum said Jayden's dad, Marcus\nOkonkwo, had been round.", "Mum said [name]'s dad, [name], had been round."),
    ('The worker spoke to Kacey\nBraithwaite on Monday.', 'The worker spoke to [name] on Monday.'),
    ('She spells it T-E-N-D-A-I on forms.', 'She spells it [name] on forms.'),
    ("O'Neill said he would come.", '[name] said he would come.'),
    ("D'Souza was not at home.", '[name] was not at home.'),
    ('Okafor-Bright rang the office.', '[name] rang the office.'),
    ('Mary-Jane was upset after contact.', '[name] was upset after contact.'),
    ("De'Andre was excluded.", '[name] was excluded.'),
    ("A'isha was tearful.", '[name] was tearful.'),
]
# Kept now, each over-redacted on main (what main gave beside each, with the stress names listed).
_KEPT_FIXED = [
    'Bampi came to the meeting.',  # was '[name] came'
    'Love from Nan x',  # was 'Love from [name] x'
    'The Arabic for water is ماء.',  # was 'is [name].'
]
# Kept on main as now: the words of this round's forms used as words.
_KEPT = [
    'Scores 943  476  5910',
    'Both Greens voted against it.',
    "The Greens' policy on housing changed.",
    'She works for Royal Mail.',
    'She is in 7 PE sets.',
    'The Polish for grandma is babcia.',
    'Mum: Will be late.',
    'Outcome: Hope.',
    'Dinner: Will bring it.',
    'Take care\nMum',
    'Yiayia came to the review.',
]

# Still open (what it should give beside each); strict, so closing one is seen.
_OPEN: list[tuple[str, str]] = []

test_this_rounds_forms_are_redacted_exactly = _rounds.exact(_RED_TEAM + _HELD_EXACT)
test_sector_lines_are_kept = _rounds.kept(_KEPT_FIXED + _KEPT)
test_forms_left_open = _rounds.left_open(_OPEN, move_to="_RED_TEAM")

test_the_counts_are_as_written = _rounds.counted(_RED_TEAM, _HELD_EXACT, _KEPT_FIXED + _KEPT, _OPEN,
                                                 counts=(34, 25, 14, 0))

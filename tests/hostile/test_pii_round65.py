"""Sixty-fifth red-team round: what a published quote may carry about a person, written new in the voices of
children's services staff, elected members and partners (UK spelling and speech); every detail invented.

A quote is published when :func:`impact.privacy.redact` has redacted it and :func:`impact.privacy.assess_quote` finds
no sign of a detail left (``_published`` below: the report's gate, ``redact_series`` then ``assess_quotes``).  The
sweep ran 258 new lines: names in lower case, after a title in another order ("Okafor, Mrs"), surname first ("Patel
Sunita"), nicknames, Welsh, Irish, South Asian and African names, names split by a line break or a hyphen, e-mail
addresses and phone numbers in words, social-media handles, a school or a GP surgery with a year group, a child's
initials with a date, a foster carer named by relation, a ward with a family's detail, posts one person holds said
indirectly, and ordinary words that look like names.  Most were redacted right on main; what was not, each a class
closed by its form:

* initials or a given name right before a date of birth or an age said to be one ("JD (dob 14/03/2012)", "KM born
  3.4.15", "JB, aged 14, was arrested", "T.R. born ...", "Jack, DOB ...", "Mason born ...") were left beside their
  redacted date: a body is born or aged never, so the letters or the name are the child's; an acronym the lexicons
  hold ("the LGA") and a relation's word ("Mum, aged 32") stay;
* a surname that is a word, in title case, written first in a register's field before a comma and a given name ("Smith,
  John - team manager", "Present: Smith, John; Baker, Tom", "Social worker: Smith, John") was left, as main read only
  capitals so;
* a given name that is a word too, said to whom one speaks, set off by commas after what opens a reply ("Well, John,
  I think so", "Sorry, Tom.", "To be honest, Dawn, it changed things") was left; a month ("Yes, May.") stays;
* a family named by its surname's plural, a word too, where a child is placed with it with the child said between
  ("we placed her with the Smiths") or where it lives by its door's number or next door ("the Khans at number 9") was
  left, as main read "placed with" only side by side; "the Masons met", "The Woods behind the estate" stay;
* a post one person holds, named by the speaker as their own in ways main did not read (:data:`_OWN_POST`: "Being
  the DCS, I ...", "my job is director of children's services", "I took on the LADO role", "I hold the children's
  portfolio", "I chair the corporate parenting panel", "I manage the MASH", "I'm the only principal educational
  psychologist here", "I'm the council's head of children's social care", "I'm responsible for all of children's
  services"), was published; withheld now, and posts many hold stay published (:data:`_POSTS_MANY`).

Round 64's four open forms are closed by their form and moved to its lists: a given name that is a word after a
quantifier and before "of", "that" or "for" is the noun ("little Hope of change"); after a possessive and before a
plural noun with its plural verb, a noun's word ("Our May figures were better"); after "the" and before the capitalised
noun of an organisation's work, a thing's name ("the Mark Scheme", "the Will Project"; not "the Will Smith film");
and a word in lower case no first-name or surname list holds, after "a child with" or "a 6yo with", a condition, no
name ("a 6yo with progeria": the quote's gate still withholds the word no list knows).

Counts, measured on main (0ff4d112) and now, each text redacted with the stress names listed and with none
(``_rounds``): _RED_TEAM redacted wrongly on main, _HELD_EXACT redacted so on main already; _KEPT_FIXED over-redacted on
main, _KEPT kept on main as now; _OPEN still open (round 66 closed this round's six, moved to _RED_TEAM).  Withheld now and published on main: 36 quotes (_OWN_POST); 26
posts many hold and the same words used otherwise (_POSTS_MANY) published on main as now; one still published (_POST_OPEN;
round 67 closed it, moved to _OWN_POST).
The file run beside main's package: 65 failed, 113 passed, 7 xfailed.
Gold corpus (``python -m bench.redaction_gold``): 640/629/563 before and now, 0 sentences redacted differently; of its
redacted sentences 2431/2429/2193 publishable before and now.
"""

from __future__ import annotations

import pytest

from . import _rounds
from .test_pii_round64 import _published

# Each was redacted wrongly on main (what main gave beside each, with the stress names listed), exact now.
_RED_TEAM = [
    # initials or a given name before a date of birth or an age said to be one
    ('JD (dob 14/03/2012) was placed with us in June', '[name] (dob [date of birth]) was placed with us in June'),  # was 'JD (dob ...'
    ('KM born 3.4.15 came into care last spring', '[name] born [date of birth] came into care last spring'),  # was 'KM born ...'
    ('T.R. born 12/11/2010 went to panel', '[name] born [date of birth] went to panel'),  # was 'T.R. born ...'
    ('AB, aged 7, seen on 14/3 at school', '[name], aged [age], seen on 14/3 at school'),  # was 'AB, aged [age], ...'
    ('JB, aged 14, was arrested outside the shop', '[name], aged [age], was arrested outside the shop'),  # was 'JB, ...'
    ('RT, DOB 4/5/2016, was moved to a new carer', '[name], DOB [date of birth], was moved to a new carer'),  # was 'RT, ...'
    ('we placed KJ (d.o.b. 2/2/2012) with her nan', 'we placed [name] (d.o.b. [date of birth]) with her nan'),  # was '... KJ ...'
    ('TS age 9 was missing from home twice', '[name] age [age] was missing from home twice'),  # was 'TS age [age] ...'
    ('Jack, DOB 4/5/2016, was moved', '[name], DOB [date of birth], was moved'),  # was 'Jack, DOB ...'
    ('Mason born 3.4.15 came into care', '[name] born [date of birth] came into care'),  # was 'Mason born ...'
    ('Tom (dob 1/2/2013) was placed in Wakefield', '[name] (dob [date of birth]) was placed in [council]'),  # was 'Tom (dob ...'
    ('KM (date of birth 3 March 2015) was on a plan', '[name] (date of birth [date of birth]) was on a plan'),  # was 'KM (...'
    # a surname that is a word, in title case, first in a register's field
    ('Smith, John - team manager at the time', '[name], [name] - team manager at the time'),  # was kept
    ('Present: Smith, John; Baker, Tom', 'Present: [name], [name]; [name], [name]'),  # was 'Present: Smith, John; [name], [name]'
    ('Social worker: Smith, John', 'Social worker: [name], [name]'),  # was kept
    ('Brown, Amber - SW for the eldest', '[name], [name] - SW for the eldest'),  # was kept
    # a given name that is a word, said to whom one speaks
    ('Well, John, I think so', 'Well, [name], I think so'),  # was kept
    ('Sorry, Tom.', 'Sorry, [name].'),  # was kept with none listed
    ('Yes, Bill, we did all of that', 'Yes, [name], we did all of that'),  # was kept with none listed
    ('No, Jack, that is wrong', 'No, [name], that is wrong'),  # was kept with none listed
    ('Honestly, Sue, it was fine', 'Honestly, [name], it was fine'),  # was kept with none listed
    ('Look, Rob, I know what you mean', 'Look, [name], I know what you mean'),  # was kept with none listed
    ('Right, Pat, shall we start?', 'Right, [name], shall we start?'),  # was kept
    ('To be honest, Dawn, it changed things', 'To be honest, [name], it changed things'),  # was kept
    ('I know, Jack, I know', 'I know, [name], I know'),  # was kept with none listed
    # a family by its surname's plural
    ('the Khans at number 9 have five kids', 'the [name] at number 9 have five kids'),  # was kept
    ('we placed her with the Smiths in the end', 'we placed her with the [name] in the end'),  # was kept
    # open until round 66: a first name that is a word in lower case where only a person stands, with the speaker
    # before a verb or whom the speaker was with somewhere
    ('me and blessing went to the house', 'me and [name] went to the house'),  # was kept
    ('i was with memory at the contact centre', 'i was with [name] at the contact centre'),  # was kept
    # open until round 66: a family's plural whose singular is a word no surname list holds, moving to a place named
    ('the Shahs moved to Bradford', 'the [name] moved to [council]'),  # was 'the Shahs moved to [council]'
    # open until round 66: initials as a case's reference before a bare date
    ('the case of T.R., 12/11/2010, went to panel', 'the case of [name], [date], went to panel'),  # was '... T.R., ...'
    ('re: LW 09.10.2018 strategy discussion', 're: [name] [date] strategy discussion'),  # was 're: LW ...'
    # open until round 66: a month's given name before a birth said in brackets
    ('May (born 2013) was the youngest', '[name] (born [date of birth]) was the youngest'),  # was 'May (born ...'
]
# Redacted so on main as now: the sweep's names of many origins and details in many forms, and the counter-cases.
_HELD_EXACT = [
    ('i rang mrs okonkwo and she was fuming about the placement', 'i rang mrs [name] and she was fuming about the placement'),
    ('me and dafydd from the edge of care team went out together', 'me and [name] from the edge of care team went out together'),
    ('siân said the review gave her confidence back', '[name] said the review gave her confidence back'),
    ('the social worker, gethin ap rhys, did the visit', 'the social worker, [name], did the visit'),
    ('councillor bhattacharya, the lead for schools, sat in on it', 'councillor [name], the lead for schools, sat in on it'),
    ('Okafor, Mrs, rang back on the Tuesday.', '[name], Mrs, rang back on the Tuesday.'),
    ("Patel Sunita is how it's written on the system", "[name] is how it's written on the system"),
    ('Kowalski Anna was the IRO on that case', '[name] was the IRO on that case'),
    ('big Dave from the police was brilliant', 'big [name] from the police was brilliant'),
    ('we call him Shaz, he was on the panel', 'we call him [name], he was on the panel'),
    ('Tash from early help did the home visit', '[name] from early help did the home visit'),
    ('our Kayleigh was the one who rang it in', 'our [name] was the one who rang it in'),
    ('Mo from the youth offending team said it helped', '[name] from the youth offending team said it helped'),
    ('Rhiannon Pryce-Jones chaired the strategy meeting', '[name] chaired the strategy meeting'),
    ('Caoimhe Ní Dhomhnaill was the health visitor', '[name] was the health visitor'),
    ('Oisín Mac Giolla Phádraig did the assessment', '[name] did the assessment'),
    ("Mohammed Abdirahman Warsame was the family's advocate", "[name] was the family's advocate"),
    ('Olumide Akinwande-Bello supervised the contact', '[name] supervised the contact'),
    ('Nnamdi Okeke, the school nurse, raised it first', '[name], the school nurse, raised it first'),
    ('Tendai Moyo from CAMHS came along', '[name] from CAMHS came along'),
    ('Bhupinder and Harjit Dhaliwal are the foster carers', '[name] and [name] are the foster carers'),
    ("Mr Nwachukwu's daughter is in year 9", "Mr [name]'s daughter is in year 9"),
    ('the worker was Jo-\nanne Fitzgerald and she was new', 'the worker was [name] and she was new'),
    ('I spoke to Sarah\nMahmood about it', 'I spoke to [name] about it'),
    ('It was Ms Abi-\nRached who chaired it.', 'It was Ms [name] who chaired it.'),
    ("her surname's Wojcik-Nowak, double barrelled", "her surname's [name], double barrelled"),
    ('email me on j.hughes@leeds.gov.uk', 'email me on [email]'),
    ('jane.smith(at)leeds.gov.uk is her email', '[email] is her email'),
    ('write to jsmith AT kirklees DOT gov DOT uk', 'write to [email]'),
    ("her email's j_smith1985 at hotmail", "her email's [email]"),
    ('ring the duty line, 0113 378 9999', 'ring the duty line, [phone]'),
    ('text her on 07 seven 00 900 461', 'text her on [phone]'),
    ("her mobile's oh seven eight nine one, two three four five six seven", "her mobile's [phone]"),
    ('her number is +44 7700 900123', 'her number is [phone]'),
    ('his snap is deano_2009', 'his snap is [handle]'),
    ("on Twitter she's @CllrJaneRoberts", "on Twitter she's [handle]"),
    ('add her on snap: jadexo', 'add her on snap: [handle]'),
    ("on discord he's kyle#1234", "on discord he's [handle]"),
    ('the car was reg YX19 ABC', 'the car was reg [vehicle registration]'),
    ("the lad in year 8 at St Wilfrid's was excluded twice", 'the lad in year 8 at [place] was excluded twice'),
    ('a girl in Year 11 at Brigshaw High disclosed to her form tutor', 'a girl in Year 11 at [place] disclosed to her form tutor'),
    ("the only Year 6 boy at Hebden Royd who's in care", "the only Year 6 boy at [place] who's in care"),
    ('the GP at Chapeltown Health Centre raised it about the twins', 'the GP at [place] raised it about the twins'),
    ('child AB d.o.b. 01-02-2014', 'child [name] d.o.b. [date of birth]'),
    ('born on Christmas Day 2013, so easy to remember', 'born on [date of birth], so easy to remember'),
    ('his uncle Tariq became the kinship carer', 'his uncle [name] became the kinship carer'),
    ('the grandparents in Morley took the baby under an SGO', 'the grandparents in [place] took the baby under an SGO'),
    ('the family in Harehills with the five kids and the dad in prison', 'the family in [place] with the five kids and the dad in prison'),
    ('i spoke to precious about her son', 'i spoke to [name] about her son'),
    ('we met with godknows and his mum', 'we met with [name] and his mum'),
    ("her key worker is jade and she's lovely", "her key worker is [name] and she's lovely"),
    ('the mum, amber, was really engaged', 'the mum, [name], was really engaged'),
    ('MUHAMMAD ALI was written on the referral', '[name] was written on the referral'),
    ('Jones the social worker was off sick', '[name] the social worker was off sick'),
    ('Sandra our IRO flagged it', '[name] our IRO flagged it'),
    ('the boy, Tyler-Jay, was 11', 'the boy, [name], was [age]'),
    ('Cllr. De Souza asked about the budget', 'Cllr. [name] asked about the budget'),
    ('the Okonkwos were lovely', 'the [name] were lovely'),
    ('Hughes, Sarah (SW) did the visit', '[name], [name] (SW) did the visit'),
    ('Young, Jack (IRO) chaired the review', '[name], [name] (IRO) chaired the review'),
    ('Thanks, Mark, that helped', 'Thanks, [name], that helped'),
    ('the Browns moved out last year', 'the [name] moved out last year'),
    # counter-cases: a relation's age is said, the relation's word stays
    ('Mum, aged 32, was there', 'Mum, aged [age], was there'),
]
# Kept now, each over-redacted on main (what main gave beside each, with the stress names listed).
_KEPT_FIXED = [
    'there was no Hope that it would last',  # was 'there was no [name] that ...'
    'we went to the Will Project on Fridays',  # was 'we went to the [name] on Fridays'
]
# Kept on main as now: ordinary words that look like names, and the words of this round's forms used as words.
_KEPT = [
    'Well, hope is what keeps you going.',
    'Sorry, Chair.',
    'Thanks, everyone.',
    'No, Sir, we did not.',
    'Yes, Ofsted came in March.',
    'the Masons Arms was the venue',
    'the Masons met on Tuesdays',
    'The Woods behind the estate are unsafe after dark.',
    'the Lords debated the Bill',
    'We washed the whites',
    'the Commons committee heard it',
    'Young, Gifted and Black was the theme',
    'Brown, Green and Blue were the colour bands',
    'Children aged 5 to 11 were seen',
    'the Grace period ended in May',
    'the Patience of the staff was tested',
    'a Frank conversation with the partners',
    'Faith groups helped with the food bank',
    'Joy and relief all round when the letter came',
    'Sunny days help the kids',
    'the Dawn raid was on the news',
    'Will the board sign it off?',
    'I met the team at the Hope Centre',
]
# Still open (what it should give beside each); strict, so closing one is seen.  Round 66 closed the six this round
# left open, each by its form: moved to _RED_TEAM.
_OPEN: list[tuple[str, str]] = []

test_this_rounds_forms_are_redacted_exactly = _rounds.exact(_RED_TEAM + _HELD_EXACT)
test_words_that_look_like_these_are_kept = _rounds.kept(_KEPT_FIXED + _KEPT)
test_forms_left_open = _rounds.left_open(_OPEN, move_to="_RED_TEAM")
test_the_counts_are_as_written = _rounds.counted(_RED_TEAM, _HELD_EXACT, _KEPT_FIXED + _KEPT, _OPEN,
                                                 counts=(33, 63, 25, 0))


# --------------------------------------------------------------------------- posts one person holds
# Withheld now, each published on main: the speaker's own post one person holds, said in ways main did not read.
_OWN_POST = [
    "Being the DCS, I had to front it",
    "me being the lead member, they came to me first",
    "my job is director of children's services",
    "my role is head of the virtual school",
    "I took on the LADO role last year",
    "I hold the children's portfolio in cabinet",
    "I've got the portfolio for children and young people",
    "I'm the elected member responsible for children's services",
    "I'm the cabinet member who covers children",
    "I chair the corporate parenting board",
    "I chair the corporate parenting panel",
    "I chair the children's scrutiny committee",
    "I'm the statutory director for children",
    "I'm the council's head of children's social care",
    "I'm head of children's social care",
    "I'm responsible for all of children's services in the borough",
    "I'm the only principal educational psychologist here",
    "I'm the only reviewing officer in the county",
    "I'm the only male social worker in the team",
    "I'm the sole designated safeguarding lead for the trust",
    "I'm the council's only Urdu-speaking social worker",
    "as the only black manager in the department I noticed it",
    "the person who chairs our MASH board is me",
    "I am the named GP for safeguarding across the CCG",
    "I'm the assistant chief executive",
    "I'm the deputy leader of the council",
    "I'm the chief officer for children's services",
    "I'm the director of public health",
    "I'm the DPH for the borough",
    "I'm the chair of scrutiny",
    "I'm the chief constable",
    "I'm the police and crime commissioner",
    "I'm the head of the youth offending service",
    "I'm the YOT manager",
    "I manage the MASH",
    "I run the MASH",
    # open until round 67: "leader" alone after "as", the council's leader as councils say it
    "as leader, I asked for the review",
]
# Published on main as now: posts many hold, another's post, the same words doing other work.
_POSTS_MANY = [
    "I'm one of the heads of service",
    "as a head of service I found it useful",
    "I chair a couple of the panels",
    "I'm the only one who thought that",
    "I was the only one there from health",
    "I manage a team of eight social workers",
    "her being the DCS helped a lot",
    "Being honest, the DCS was very supportive.",
    "Being the first review, nobody knew what to expect.",
    "my job is to support the front line",
    "my role is varied",
    "I took on the recommendations straight away",
    "I hold the view that it helped",
    "I have the report here",
    "the only social worker who turned up was new",
    "the person who chairs the panel was off",
    "they were the only team manager to reply",
    "I led the session on neglect",
    "I run the parenting groups",
    "I manage the caseloads for the team",
    "I chair the team meeting on Mondays",
    "the lead member for children came along",
    "I'm responsible for the fostering budget",
    "I'm responsible for children's safeguarding training in the team",
    "the head of children's social care chaired it",
    "I'm the only person who read it twice",
]
# Still published.  Round 67 closed the one this round left ("leader" alone after "as"), moved to _OWN_POST.
_POST_OPEN: list[str] = []


@pytest.mark.parametrize("text", _OWN_POST)
def test_a_post_one_person_holds_is_withheld_however_the_speaker_says_it(text):
    assert not _published(text)
    assert not _published(text, names=_rounds._WORDY)


@pytest.mark.parametrize("text", _POSTS_MANY)
def test_posts_many_hold_and_the_same_words_used_otherwise_are_published(text):
    assert _published(text)
    assert _published(text, names=_rounds._WORDY)


@pytest.mark.parametrize("text", _POST_OPEN)
def test_posts_left_open(text):
    if not _published(text) and not _published(text, names=_rounds._WORDY):
        pytest.fail(f"closed now: move it to _OWN_POST ({text!r})")
    pytest.xfail("open: see the comment beside it")

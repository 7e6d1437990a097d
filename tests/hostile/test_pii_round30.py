"""Thirtieth red-team round: names as interviews are transcribed (lower case throughout, broken across lines, initials
with and without dots, nicknames in quotes, ages and school years, handles, e-mails and links, relations, lists, names
spelt out; Welsh, Irish, Scots, South Asian, West African and Eastern European names), five of round 29's seven open
forms, and three known faults.

Leaks closed as a class of writing (none names a word of a test):

* a surname's particle in lower case and the word after it ("aoife ní bhriain", "rhodri ap iorwerth"), and a title's
  initials before a surname a list knows ("mr j p davies": "j p" was left);
* a word that is a name after a relation before "who" ("his little brother bobby who's in reception");
* children set off after a word for them, one of whose names is a place's ("the three girls, skye, river and willow,
  were there": one place's word no longer keeps the others);
* initials in lower case: with dots before "who" or set off after a role before a verb, even where the letters are a
  term's or a title's ("it was k.w. who made the referral", "the carer, d.r., rang us"); one initial with its dot before a
  surname of the list or a word set off after a role ("the mum, j. smith, signed the plan"); letters without dots after a
  verb of speaking to someone ("i phoned j w on monday");
* a nickname in quotes after being called or going by it, any word ("everyone calls her 'moll'", "his nickname's 'jj'");
* a word no list knows after missing someone or being told about them ("i miss zorbina", "she told us about gwion");
* a first name broken across a line with no hyphen ("his name is dy\nlan", "we met with tom\nos");
* round 29's open forms: a birth on a day the whole country marked ("born on the millennium"), a birthday set beside
  another's before its date ("the same day as mine, the 9th of may"), a team after the game played ("plays netball for
  the llandaff ladies": "[place]" for the team, as "plays for llandaff ladies" was), a Welsh kind of setting before a
  word no English list knows wherever it stands ("the caretaker at ysgol gymraeg treganna"), a district of few vowels
  after a club or a setting and "at" ("the boxing club at splott").

Over-redactions fixed: a month that is a first name after "the" before what is of it ("the april meeting", "the june
review"); a nation's word that is a given name too, unless a title, a relation or an introduction stands before it ("the
family is irish"); a capitalised first name after an article or a possessive before a word for goods ("a Chloe handbag",
"his Jordan trainers"; one-word brands that are first names, the first known fault); a verb of purpose after "changed
her name to" ("she changed her name to match", the second).  The third known fault ("i miss zorbina") is in
``_RED_TEAM``.  A text whose name follows only spaces no longer raises IndexError ("  jones said so").

Of the 100 sentences written for this round 24 came out differently before (``_RED_TEAM``: 22 leaked a name or part of
one, one over-redacted "irish", one gave "'big [name]'" for a quoted nickname, now "'[name]'"); 76 were redacted so before
(``_HELD``).  80 sentences whose words look like names but are not (``_KEPT``) are kept: 74 before and after, 6 now
(marked).  Round 29's two open forms left ("born in lockdown, april 2020", "the canolfan in tumble") stay in its
``_OPEN``: "lockdown" and "tumble" need a lexicon the redactor does not have (a newer English list; Welsh villages).
Round 31 closed the three over-redactions left open here (its ``_THINGS_KEPT``).
"""

from __future__ import annotations

import pytest

from . import _rounds
from .test_pii_round3 import _redact

# Round 29's open forms, closed here (each was left as written before).
_FROM_ROUND_29 = [
    ("she was born on the millennium", "she was born on [date of birth]"),
    ("her birthday's the same day as mine, the 9th of may", "her birthday's the same day as mine, [date of birth]"),
    ("she plays netball for the llandaff ladies", "she plays netball for the [place]"),
    ("his dad's the caretaker at ysgol gymraeg treganna", "his dad's the caretaker at [place]"),
    ("she's the only girl in the boxing club at splott", "she's the only girl in the boxing club at [place]"),
]

# Known faults closed: kept now (each was redacted before, but the last, written as a variant).
_KNOWN_FAULTS_KEPT = [
    "she changed her name to match",  # was 'she changed her name to [name]'
    "she changed her name to match her stepdad's",  # was "she changed her name to [name] her stepdad's"
    "he changed his name to fit in",  # was 'he changed his name to [name] in'
    "we got a Chloe handbag",  # was 'we got a [name] handbag'
    "he only wears his Jordan trainers",  # was 'he only wears his [name] trainers'
    "he saved for a Mercedes car",
]

# Written for this round; each came out differently before the fixes (measured when written).
_RED_TEAM = [
    ('the social worker was aoife ní bhriain', 'the social worker was [name]'),  # was 'the social worker was [name] bhriain'
    ('his worker is rhodri ap iorwerth', 'his worker is [name]'),  # was 'his worker is [name] iorwerth'
    ("his little brother bobby who's in reception", "his little brother [name] who's in reception"),  # was "his little brother bobby who's in reception"
    ('the three girls, skye, river and willow, were there', 'the three girls, [name], [name] and [name], were there'),  # was 'the three girls, [name], river and willow, were there'
    ("you spell it a-o-i-f-e, it's irish", "you spell it [name], it's irish"),  # was "you spell it [name], it's [name]"
    ('the mum, j. smith, signed the plan', 'the mum, [name], signed the plan'),  # was 'the mum, j. smith, signed the plan'
    ('it was k.w. who made the referral', 'it was [name] who made the referral'),  # was 'it was k.w. who made the referral'
    ('we spoke to mr j p davies', 'we spoke to mr [name]'),  # was 'we spoke to mr j p [name]'
    ('the carer, d.r., rang us', 'the carer, [name], rang us'),  # was 'the carer, d.r., rang us'
    ('i phoned j w on monday', 'i phoned [name] on monday'),  # was 'i phoned j w on monday'
    ("we call her 'shaz', short for sharon", "we call her '[name]', short for [name]"),  # was "we call her 'shaz', short for [name]"
    ("they call him 'big mo' on the estate", "they call him '[name]' on the estate"),  # was "they call him 'big [name]' on the estate"
    ("his nickname's 'jj'", "his nickname's '[name]'"),  # was "his nickname's 'jj'"
    ("everyone calls her 'moll'", "everyone calls her '[name]'"),  # was "everyone calls her 'moll'"
    ("he goes by 'smiley' with his mates", "he goes by '[name]' with his mates"),  # was "he goes by 'smiley' with his mates"
    ('i miss zorbina', 'i miss [name]'),  # was 'i miss zorbina'
    ('he really misses kaylee', 'he really misses [name]'),  # was 'he really misses kaylee'
    ('she told us about gwion', 'she told us about [name]'),  # was 'she told us about gwion'
    ('we met with tom\nos and his dad', 'we met with [name] and his dad'),  # was 'we met with tom\n[name] and his dad'
    ('his name is dy\nlan', 'his name is [name]'),  # was 'his name is dy\nlan'
    ('she said kay\nleigh was there', 'she said [name] was there'),  # was 'she said [name]\n[name] was there'
    ('we rang siob\nhan about it', 'we rang [name] about it'),  # was 'we rang [name]\n[name] about it'
    ('the grandad, mr j p davies, came', 'the grandad, mr [name], came'),  # was 'the grandad, mr j p [name], came'
    ('i rang k. jones back', 'i rang [name] back'),  # was 'i rang k. [name] back'
]

_HELD = [
    ('we had oisín and caoimhe in the same group', 'we had [name] and [name] in the same group'),
    ("niamh's dad, padraig, came to the review", "[name]'s dad, [name], came to the review"),
    ('fionnuala rang about the contact', '[name] rang about the contact'),
    ('me and ruairí went to the house', 'me and [name] went to the house'),
    ('her brother eoghan is in year 9', 'her brother [name] is in year 9'),
    ("the dad's called lachlan, he's from skye", "the dad's called [name], he's from [place]"),
    ('morag the childminder said he was fine', '[name] the childminder said he was fine'),
    ('ewan and his sister kirsty moved schools', '[name] and his sister [name] moved schools'),
    ('her nan, seonaid, does the school run', 'her nan, [name], does the school run'),
    ("ceridwen's mum rang the office", "[name]'s mum rang the office"),
    ('the boy, gruffydd, is in year 4', 'the boy, [name], is in year 4'),
    ('bethan and her brother iestyn', '[name] and her brother [name]'),
    ("nia, she's 14, year 10 at ysgol", "[name], she's [age], year 10 at ysgol"),
    ('the twins are called angharad and carys', 'the twins are called [name] and [name]'),
    ('her uncle tomasz picked her up', 'her uncle [name] picked her up'),
    ('the mum, agnieszka, speaks some english', 'the mum, [name], speaks some english'),
    ('she lives with her aunt bogdana', 'she lives with her aunt [name]'),
    ('the stepdad, vasile, works nights', 'the stepdad, [name], works nights'),
    ('the boy, oleksandr, is in year 7', 'the boy, [name], is in year 7'),
    ('dariusz and his son kacper came in', '[name] and his son [name] came in'),
    ("the girl's called anastazja, she's twelve", "the girl's called [name], she's [age]"),
    ('her mum chidinma was at the meeting', 'her mum [name] was at the meeting'),
    ('the uncle, oluwaseun, collected them', 'the uncle, [name], collected them'),
    ('the foster carer is called adaeze', 'the foster carer is called [name]'),
    ('kwame and his brother kofi were excluded', '[name] and his brother [name] were excluded'),
    ("the baby's dad is emeka", "the baby's dad is [name]"),
    ('ngozi, the mum, was upset', '[name], the mum, was upset'),
    ('the dad, harpreet, works at the warehouse', 'the dad, [name], works at the warehouse'),
    ('his sister gurpreet is 15', 'his sister [name] is [age]'),
    ('the mum is called rukhsana', 'the mum is called [name]'),
    ('the grandad, mohammed iqbal, came', 'the grandad, [name], came'),
    ('zainab and her cousin aaliyah were there', '[name] and her cousin [name] were there'),
    ('the boy is called arjun, year 6', 'the boy is called [name], year 6'),
    ("she's called priyanka, aged 11", "she's called [name], aged [age]"),
    ('the mum, fatima begum, signed it', 'the mum, [name], signed it'),
    ('her stepson tayo, 16, year 11', 'her stepson [name], [age], year 11'),
    ('jayden, 7, is in year 2', '[name], [age], is in year 2'),
    ('kiera (14) was the one who told', '[name] ([age]) was the one who told'),
    ('the eldest, ruby, 17, is at college', 'the eldest, [name], [age], is at college'),
    ('harley aged 9 was at home', '[name] aged [age] was at home'),
    ('tia-rose is in year 5 at the primary', '[name] is in year 5 at the primary'),
    ('the kids are ellie, 4, and alfie, 2', 'the kids are [name], [age], and [name], [age]'),
    ('the children: mia, leo and finn', 'the children: [name], [name] and [name]'),
    ('we saw jack, chloe, and the baby, rosie', 'we saw [name], [name], and the baby, [name]'),
    ('they named lily, grace and ava in the report', 'they named [name], [name] and [name] in the report'),
    ('oscar, isla and noah all live with nan', '[name], [name] and [name] all live with nan'),
    ('his brothers, kian and kaden, are in care', 'his brothers, [name] and [name], are in care'),
    ('her kids are charlie and jess', 'her kids are [name] and [name]'),
    ("it's spelt k a i d e n", "it's spelt [name]"),
    ("her name's spelt s-i-o-b-h-a-n", "her name's [name]"),
    ("that's r, h, i, a, n, n, o, n", "that's [name]"),
    ('she spells it j.a.y.d.e.n', 'she spells it [name]'),
    ('her initials are k l m', 'her initials are [name]'),
    ('her email is kayleigh.jones@gmail.com', 'her email is [email]'),
    ('email me at tomos_evans99@hotmail.co.uk', 'email me at [email]'),
    ("his email's dan dot morgan at outlook dot com", "his email's [email]"),
    ('she sent it from siobhan1985@yahoo.com', 'she sent it from [email]'),
    ('her facebook is facebook.com/chantelle.price.7', 'her facebook is [handle]'),
    ('the link was instagram.com/jaydenxo_', 'the link was [handle]'),
    ('his page is www.tiktok.com/@kyle.r', 'his page is [handle]'),
    ('her insta is @rhiannon_x', 'her insta is [handle]'),
    ('follow him on snapchat: tyler2k9', 'follow him on snapchat: [handle]'),
    ("his twitter's @daveyboy77", "his twitter's [handle]"),
    ('her username is lil_kacey', 'her username is [handle]'),
    ("the lad they call 'danno' was there", "the lad they call '[name]' was there"),
    ('my sister-in-law, tracey, looks after them', 'my sister-in-law, [name], looks after them'),
    ('their step-nan, doreen, has them weekends', 'their step-nan, [name], has them weekends'),
    ('his half-brother connor is 19', 'his half-brother [name] is [age]'),
    ('her great-aunt mavis passed away', 'her great-aunt [name] passed away'),
    ("my cousin's boyfriend, dale, was involved", "my cousin's boyfriend, [name], was involved"),
    ('their grandad billy is the main carer', 'their grandad [name] is the main carer'),
    ("the baby's godmother, shannon, helps out", "the baby's godmother, [name], helps out"),
    ('the mum said jess\nica was her eldest', 'the mum said [name] was her eldest'),
    ('her worker, sarah\n jones, was off sick', 'her worker, [name], was off sick'),
    ('the three boys, tyler, mason and reece, were there', 'the three boys, [name], [name] and [name], were there'),
    ("his nan, mrs o'reilly-ní bhriain, rang", 'his nan, mrs [name], rang'),
]

_KEPT = [
    'she was in year 9 when it started',
    'the grace period ends in june',
    'we had a frank conversation with mum',
    'it was a rose garden at the back',
    'he will be fine in the long run',
    'the dean of the college wrote back',
    'they mark the register at nine',
    'the amber warning came on',
    'the ivy on the wall was cut back',
    'we had to bill the council',
    'the mason jar was full of coins',
    'he was on the pitch in all weather',
    'she felt a faith in the process again',
    'the hope is that it lasts',
    'dawn raids are a thing of the past',
    'the summer holidays were hard',
    'we went through the april figures',  # was 'we went through the [name]'
    "we'll review it in may",
    'the june meeting was cancelled',  # was 'the [name] meeting was cancelled'
    'the robin on the fence was tame',
    'the ruby anniversary was last week',
    'they sat on the bank by the river',
    'the willow tree was cut down',
    'she was in a sunny mood',
    'the patience of the staff was amazing',
    'a jack for the car was in the boot',
    'the rocky path up to the flats',
    'she has a sharp wit and a kind heart',
    'the baker on the corner gives them bread',
    'a sterling effort from the team',
    'we cooked with basil and sage',
    'the heather on the hills',
    'the iris scan at the airport',
    'the cliff edge in the funding',
    'the ray of hope in a dark year',
    'the bishop of the diocese wrote',
    'the major incident was stood down',
    'the marshal of the event',
    'the earl grey tea in the office',
    'he plays the drum in the band',
    'a brook runs past the estate',
    'we walked along the dale',
    'the glen was cold',
    'the angel statue in the park',
    'the victor ludorum at sports day',
    'she said it was a royal pain',
    'it was a rusty old bike',
    'the reed bed by the stream',
    'we got sky broadband at the office',
    'the hunter boots were muddy',
    'the fisher price toys in the box',
    "a baker's dozen of cases",
    'the cooper test in PE',
    "he's in year 11, doing his gcses",
    'year 6 sats are in may',
    'the children are in reception and year 2',
    'a, b and c on the form',
    'you spell it with a double l',
    "it's spelt with a capital letter",
    'her initials are on the form',
    'we use initials in the notes',
    'the april meeting was moved',  # was 'the [name] meeting was moved'
    'the june review is booked',  # was 'the [name] is booked'
    'the jersey she wore to school',
    'the holly bush by the door',
    'the poppy appeal at school',
    'the daisy chain they made',
    'the lily pad in the pond',
    'the mercy of the court',
    'the family is irish',  # was 'the family is [name]'
    'she misses school',
    'i miss the old house',
    'she told us about school',
    'they call her names',
    'it goes by "the rule of three"',
    'the team, e.g., said no',
    'she wanted a Barbie doll for christmas',
    'he wants the Jordan trainers',  # was 'he wants the [name] trainers'
    'the three girls were there',
    'his brother who is older',
]

# Ordinary sentences near the shapes of this round: kept before and after.
_SHAPES_KEPT = [
    "i miss school", "she told us about school", "they call her names", 'it goes by "the rule of three"',
    "the team, e.g., said no", "i rang m.r. back about it", "his brother who is older", "we went to the\nmeeting",
    "the plan was\nagreed", "the millennium bug", "we met at the jubilee", "her birthday's the same as mine",
    "he plays football for fun", "she plays netball for the school", "he's at ysgol all week", "he plays games for hours",
    "the club at work", "we met at 3 p.m. who was there", "the u.k. has rules", "i told him a lot about it",
]

# A person near the same shapes: redacted (so before and after, but the two marked).
_AS_PERSON = [
    ("i asked june about it", "i asked [name] about it"),
    ("the june smith review", "the [name] review"),
    ("Chloe's handbag was stolen", "[name]'s handbag was stolen"),
    ("she took Chloe shopping", "she took [name] shopping"),
    ("she changed her name to jay", "she changed her name to [name]"),
    ("she wants to be called match", "she wants to be called [name]"),
    ("her mum rose who knows", "her mum [name] who knows"),  # was 'her mum rose who knows'
    ("see p. smith about it", "see [name] about it"),  # was 'see p. smith about it'
]


test_this_rounds_forms_are_redacted_exactly = _rounds.exact(_FROM_ROUND_29 + _RED_TEAM + _HELD + _AS_PERSON)


test_words_that_look_like_names_are_kept = _rounds.kept(_KNOWN_FAULTS_KEPT + _KEPT + _SHAPES_KEPT)


def test_the_counts_are_as_written():
    assert len(_RED_TEAM) + len(_HELD) == 100 and len(set(_RED_TEAM + _HELD)) == 100
    assert len(_KEPT) == 80 and len(set(_KEPT)) == 80


@pytest.mark.parametrize(("text", "expected"), [
    ("  jones said so", "  [name] said so"), (" jones, was off sick", " [name], was off sick"), ("\tmrs k p davies said", "\tmrs [name] said"),
])
def test_a_name_after_only_spaces_is_redacted(text, expected):
    # Before: IndexError in _title_initials, the text before the name being spaces alone
    assert _redact(text) == expected

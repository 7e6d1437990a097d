"""Sixty-sixth red-team round: the forms round 65 left open, and their neighbours, written new in the voices of
children's services staff, partners and case records (UK spelling and speech); every detail invented.

Round 65 left six lines open (now in its _RED_TEAM): a first name that is a word in lower case ("me and blessing
went", "i was with memory at the contact centre"), a family's plural whose singular is a word no surname list holds
("the Shahs moved to Bradford"), initials before a date not said to be of birth ("the case of T.R., 12/11/2010", "re:
LW 09.10.2018") and a month's given name before a birth in brackets ("May (born 2013)").  Each is closed by its form,
and this round writes the same forms' neighbours, leaks and words that must stay:

* a first name in lower case that is a word too, where only a person stands: with the speaker before a verb ("me and
  precious went", "charity and i went to the court"), before a relation of hers or his after "with" ("i went with
  blessing and her mum"), whom the speaker was with somewhere or at a time ("we were with precious at the time",
  "she was with grace in the car"), greeted ("hiya memory, can you ring me"); Memory, Patience, Mercy, Charity,
  Prudence and Gift, given names of families and staff from southern and western Africa, join the first-name list
  (Blessing and Precious were in it).  The same words doing a word's work stay ("the problem was with memory",
  "i was with hope in my heart", "we worked with patience and care", "she was with charity shops all afternoon",
  "me and may go back a long way");
* a family's plural whose singular is a word no surname list holds, capitalised after "the", where only a household
  is: a child placed with it, its door's number or next door, its carers' apposition, what only a household has, or
  its moving to a place named ("the Shahs at number 4", "her carers, the Sultans,"); a post's, a job's, one who
  does's plural stays ("the Governors moved to a new venue", "the Trustees at number 10 met"), and "moved" without a
  place named ("the Blues moved to the top of the table");
* two or three capitals or dotted initials no lexicon holds as an acronym, after what names a case, a record or a
  meeting by whom it is of ("the review of", "the referral for", "re", "regarding", "Subject:"), before a bare date
  ("Subject: KM 03/04/2015 core group"); an acronym the lexicons hold stays ("re: LSCB 09.10.2018 minutes", "the MASH
  12/11/2010 audit");
* a month's name that is a given name before a birth said in brackets ("June (born 2014) was placed"); a month after
  a word of time stays ("In May (aged 6) she moved", "In April, aged 6, she moved").

Counts, measured on main (80cc0551) and now, each text redacted with the stress names listed and with none
(``_rounds``): _RED_TEAM redacted wrongly on main, _HELD_EXACT redacted so on main already; _KEPT kept on main as now;
_OPEN still open (round 67 closed this round's three, moved to _RED_TEAM).  The file run beside main's package: 29
failed, 34 passed, 3 xfailed.
Gold corpus (``python -m bench.redaction_gold``): 640/629/563 sentences redacted before and now, 0 sentences redacted
differently; of its redacted sentences 2431/2429/2193 publishable before and now (``assess_quotes``).
One cost seen beside the corpus, kept out of the lists: a capitalised plural of an adjective moving to a place named is
read as a family ("the Seniors moved to Bradford"; round 67 left it so, by decision: see its _OPEN).
"""

from __future__ import annotations

from . import _rounds

# Each was redacted wrongly on main (what main gave beside each, with the stress names listed and with none), exact now.
_RED_TEAM = [
    # a first name in lower case that is a word too, where only a person stands
    ('me and precious went to see the family', 'me and [name] went to see the family'),  # was kept
    ('me and mercy did the home visit', 'me and [name] did the home visit'),  # was kept
    ('me and grace did the joint visit', 'me and [name] did the joint visit'),  # was kept
    ('blessing and i did the visit', '[name] and i did the visit'),  # was kept
    ('charity and i went to the court', '[name] and i went to the court'),  # was kept
    ('i was with blessing when she disclosed', 'i was with [name] when she disclosed'),  # was kept
    ('we were with precious at the time', 'we were with [name] at the time'),  # was kept
    ("he's with mercy at the moment", "he's with [name] at the moment"),  # was kept
    ('i was with gift at the hospital', 'i was with [name] at the hospital'),  # was kept
    ('she was with grace in the car', 'she was with [name] in the car'),  # was kept
    ('i went with blessing and her mum to the gp', 'i went with [name] and her mum to the gp'),  # was kept
    ('we sat with memory and her dad', 'we sat with [name] and her dad'),  # was kept
    ('she went with patience and her nan to court', 'she went with [name] and her nan to court'),  # was kept
    ('hiya memory, can you ring me', 'hiya [name], can you ring me'),  # was kept
    ('morning patience!', 'morning [name]!'),  # was kept
    # a family's plural whose singular is a word no surname list holds, where only a household is
    ('the Shahs at number 4 have three kids', 'the [name] at number 4 have three kids'),  # was kept
    ('we placed him with the Shahs in the end', 'we placed him with the [name] in the end'),  # was kept
    ('the Shahs next door kept an eye on her', 'the [name] next door kept an eye on her'),  # was kept
    ("the Shahs' car was outside", "the [name]' car was outside"),  # was kept
    ('her carers, the Sultans, were lovely', 'her carers, the [name], were lovely'),  # was kept
    ('the Sultans moved to Leeds', 'the [name] moved to [council]'),  # was 'the Sultans moved to [council]'
    # initials as a case's reference before a bare date
    ('re LW, 09/10/2018, strategy meeting', 're [name], [date], strategy meeting'),  # was 're LW, [date], ...'
    ('Subject: KM 03/04/2015 core group', 'Subject: [name] [date] core group'),  # was 'Subject: KM [date] ...'
    ('the review of JB (12/11/2010) went to panel', 'the review of [name] ([date]) went to panel'),  # was '... JB ...'
    ('the referral for K.M., 3 March 2015, came from school', 'the referral for [name], [date], came from school'),  # was '... K.M., ...'
    ('regarding TS 14/02/2019 missing episode', 'regarding [name] [date] missing episode'),  # was 'regarding TS ...'
    ('minutes re: DJ, 5.6.2017, core group', 'minutes re: [name], [date], core group'),  # was '... DJ, ...'
    # a month's given name before a birth said in brackets
    ('June (born 2014) was placed with her nan', '[name] (born [date of birth]) was placed with her nan'),  # was 'June (...'
    ('April (dob 3/4/2015) came into care', '[name] (dob [date of birth]) came into care'),  # was 'April (...'
    # open until round 67: a capitalised word no first-name list holds, a word too, before a birth in brackets and a
    # verb of one person or one of his own
    ('Summer (born 2013) was the youngest', '[name] (born [date of birth]) was the youngest'),  # was 'Summer (...'
    ('Sky (born 2014) was the youngest', '[name] (born [date of birth]) was the youngest'),  # was 'Sky (...'
    ('August (born 2012) and his sister were seen', '[name] (born [date of birth]) and his sister were seen'),  # was 'August (...'
]
# Redacted so on main as now: the counter-cases, a date or an age beside an acronym, a month or a school's stage.
_HELD_EXACT = [
    ('the MASH 12/11/2010 audit', 'the MASH [date] audit'),
    ('the LGA 12/11/2010 letter', 'the LGA [date] letter'),
    ('re: LSCB 09.10.2018 minutes', 're: LSCB [date] minutes'),
    ('re: the LGA 09.10.2018 letter', 're: the LGA [date] letter'),
    ("In May (aged 6) she moved to her nan's", "In May (aged [age]) she moved to her nan's"),
    ("In April, aged 6, she moved to her nan's", "In April, aged [age], she moved to her nan's"),
    ('Reception (aged 4) was the biggest class', 'Reception (aged [age]) was the biggest class'),
    ('thanks blessing, that helped', 'thanks [name], that helped'),
    ('yes, grace, we did all that', 'yes, [name], we did all that'),
]
# Kept on main as now: the words of this round's forms doing a word's work.
_KEPT = [
    'the problem was with memory and concentration',
    'she struggles with memory at school',
    'i was with memory clinic staff at the time',
    'i was with hope in my heart',
    'me and may go back a long way',
    'we worked with patience and care',
    'we had to work with patience and humility',
    'you need patience and i think you need resilience',
    'thank you for your patience, everyone',
    'she was with charity shops all afternoon',
    'the charity and i met',
    'it was a gift and her mum knew it',
    'a gift and her card came in the post',
    'we are with faith leaders at the moment',
    'i was with health at the time',
    'hello everyone, thanks for coming',
    'dear all, thanks',
    'hi there, quick one',
    'the Governors moved to a new venue',
    'the Trustees at number 10 met',
    'the Blues moved to the top of the table',
    'the Saints moved up to third',
    'the Lords moved to a vote',
    'Summer born children do worse',
]
# Still open (what it should give beside each); strict, so closing one is seen.  Round 67 closed the three this round
# left open, by their form: moved to _RED_TEAM.
_OPEN: list[tuple[str, str]] = []

test_this_rounds_forms_are_redacted_exactly = _rounds.exact(_RED_TEAM + _HELD_EXACT)
test_words_that_look_like_these_are_kept = _rounds.kept(_KEPT)
test_forms_left_open = _rounds.left_open(_OPEN, move_to="_RED_TEAM")
test_the_counts_are_as_written = _rounds.counted(_RED_TEAM, _HELD_EXACT, _KEPT, _OPEN, counts=(32, 9, 24, 0))

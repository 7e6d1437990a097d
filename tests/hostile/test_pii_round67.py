"""Sixty-seventh red-team round: the forms round 66 left open and two over-redactions it found, written new in the
voices of children's services staff, partners and case records (UK spelling and speech); every detail invented.

Round 66 left open a capitalised word no first-name list holds before a birth in brackets ("Summer (born 2013) was the
youngest", "Sky ...", "August ..."), round 65 the speaker's "as leader, I asked", and round 66 saw two costs beside the
gold corpus: a capitalised plural of an adjective moving to a place named read as a family ("the Seniors moved to
Bradford"), and a word-name in lower case beside the speaker read as a person where it is a noun ("me and hope were
never far apart").  The first two are closed by their form, the two costs left as they were (below), and this round
writes the same forms' neighbours, leaks and words that must stay:

* a capitalised word no given-name list holds ("Sky", "River", "Willow", "Storm", "Phoenix"), right before a birth or
  an age said to be one, in brackets or set off by commas, where the words around say a person: a verb of one person
  after it ("River (born 2011) lives with his gran", "Wren (aged 6) had bruising"), one of hers or his joined to it
  ("Phoenix (born 2010) and her brother were removed"), another child with a birth of its own ("Liberty (born 2012)
  and Raven (born 2015) were placed together"), its place among brothers and sisters set off ("Star (born 2016), the
  youngest, stayed"), or a verb done to a child before it ("we placed Indigo (born 2014) with her aunt").  A school's
  stage, a cohort, a group, a relation, a pronoun, a word for people of a kind, after "the" or a word of time, and a
  range of births stay ("Reception (born 2019) was the biggest class", "the Autumn (born 2013) cohort", "Anyone aged
  16 was asked", "Defendant (aged 16) was arrested", "Male, aged 16, was arrested", "In August (born 2012) she moved
  schools", "Summer (born April to August) children do worse");
* "leader" alone as the speaker's own post ("as leader, I asked", "I became leader in 2019", "I'm the leader, so it
  fell to me"), and the opposition's leader: as councils use the word (a council leader's "When I became leader in
  2019", "elected as Leader in 2010", "my continuing as leader"), the council's leader, one person; a team's or a
  group's leader, "a leader", leaders, and a leader of a team said indefinitely stay published (many hold them);
* two over-redactions round 66 saw are left over-redacted, by decision: a capitalised plural of an adjective for
  people of a standing or a side moving to a place named ("the Seniors moved to Bradford") reads no more surely as a
  group than as a family whose surname has that shape ("the Priors", "the Merchants", "the Royals moved to Leeds"),
  and a word-name in lower case beside the speaker before a state ("me and joy were inseparable") is said of a friend
  called Joy as readily as of joy; impact redacts where context cannot tell (privacy67 built rules for both; the lead
  reverted them as publishing such families and friends, and they stay strict xfails in _OPEN).

Counts, measured on main (bb5e38f0) and now, each text redacted with the stress names listed and with none
(``_rounds``): _RED_TEAM redacted wrongly on main, _HELD_EXACT redacted so on main already; _KEPT kept on main as
now; _OPEN still open.  Withheld now and published on main: _OWN_POST; published on main
as now: _POSTS_MANY.  The file run beside main's package (bb5e38f0): 23 failed (14 _RED_TEAM, 9 _OWN_POST).
Gold corpus (``python -m bench.redaction_gold``): 640/629/563 sentences redacted before and now, 0 sentences redacted
differently; of its redacted sentences 2431/2429/2193 publishable before and now (``assess_quotes``).  CPU to redact
the first 400 gold sentences (best of 3, three runs each, stress names / none / lower case): main 1.87-2.02 /
1.77-1.91 / 1.67-1.82 s, now 1.82-2.01 / 1.71-1.86 / 1.73-1.86 s.
Round 69 closed two of _OPEN, moved to _RED_TEAM: "the Veterans", "the Youngsters" moving to a place named are
groups (nouns for people of an age or a standing that no surname spells, ``privacy/age_groups.txt``).
"""

from __future__ import annotations

from . import _rounds
from .test_pii_round64 import _published

# Each was redacted wrongly on main (what main gave beside each, with the stress names listed and with none), exact now.
_RED_TEAM = [
    # a capitalised word no given-name list holds, before a birth or an age said, where a person stands
    ('River (born 2011) lives with his gran in Leeds', '[name] (born [date of birth]) lives with his gran in [council]'),  # was 'River (...'
    ('Willow, born 2015, was moved to a new carer', '[name], born [date of birth], was moved to a new carer'),  # was 'Willow, ...'
    ('Destiny (DOB 04/05/2016) came into care in the spring', '[name] (DOB [date of birth]) came into care in the spring'),  # was 'Destiny (...'
    ('Storm (dob 12.1.2014) has been missing twice', '[name] (dob [date of birth]) has been missing twice'),  # was 'Storm (...'
    ('Harmony (date of birth 3 June 2012) disclosed at school', '[name] (date of birth [date of birth]) disclosed at school'),  # was 'Harmony (...'
    ('Phoenix (born 2010) and her brother were removed', '[name] (born [date of birth]) and her brother were removed'),  # was 'Phoenix (...'
    ('Liberty (born 2012) and Raven (born 2015) were placed together',
     '[name] (born [date of birth]) and [name] (born [date of birth]) were placed together'),  # was 'Liberty (...) and Raven (...'
    ('we placed Indigo (born 2014) with her aunt', 'we placed [name] (born [date of birth]) with her aunt'),  # was '... Indigo ...'
    ('they removed Ocean (born 2019) from the home', 'they removed [name] (born [date of birth]) from the home'),  # was '... Ocean ...'
    ('Autumn (born 2013) never settled at school', '[name] (born [date of birth]) never settled at school'),  # was 'Autumn (...'
    ('Star (born 2016), the youngest, stayed with mum', '[name] (born [date of birth]), the youngest, stayed with mum'),  # was 'Star (...'
    ('Scarlet, aged 9, was excluded twice', '[name], aged [age], was excluded twice'),  # was 'Scarlet, ...'
    ('Wren (aged 6) had bruising to her arm', '[name] (aged [age]) had bruising to her arm'),  # was 'Wren (...'
    ('Saffron, age 15, went missing on Friday', '[name], age [age], went missing on Friday'),  # was 'Saffron, ...'
    # open until round 68: a family whose surname is a job word ("constable") moving to a place named
    ('the Constables moved to Leeds', 'the [name] moved to [council]'),  # was 'the Constables moved to [council]'
    # open until round 69: a noun for people of an age or a standing that no surname spells, moving to a place named
    ('the Veterans moved to Bradford', 'the Veterans moved to [council]'),  # was 'the [name] moved to [council]'
    ('the Youngsters moved to Halifax', 'the Youngsters moved to [place]'),  # was 'the [name] moved to [place]'
]
# Redacted so on main as now: the counter-cases, a word's group, stage or time before a birth or an age; a ruler's title
# that is a surname, as a family; a word-name where only a person stands.
_HELD_EXACT = [
    ('Reception (born 2019) was the biggest class', 'Reception (born [date of birth]) was the biggest class'),
    ('Nursery (born 2020) is full this year', 'Nursery (born [date of birth]) is full this year'),
    ('Juniors (born 2012) did better in the tests', 'Juniors (born [date of birth]) did better in the tests'),
    ('the Autumn (born 2013) cohort did worse', 'the Autumn (born [date of birth]) cohort did worse'),
    ('Cohort (born 2013) was tested twice', 'Cohort (born [date of birth]) was tested twice'),
    ('Mum (born 1990) was at the meeting', 'Mum (born [date of birth]) was at the meeting'),
    ('Anyone aged 16 was asked to fill it in', 'Anyone aged [age] was asked to fill it in'),
    ('Everyone (aged 16 and over) was asked', 'Everyone (aged [age] and over) was asked'),
    ('Defendant (aged 16) was arrested outside the shop', 'Defendant (aged [age]) was arrested outside the shop'),
    ('Male, aged 16, was arrested near the station', 'Male, aged [age], was arrested near the station'),
    ('Resident (aged 80) was found at home', 'Resident (aged [age]) was found at home'),
    ('Participant (aged 34) said it helped', 'Participant (aged [age]) said it helped'),
    ('Cyclist (aged 40) was taken to hospital', 'Cyclist (aged [age]) was taken to hospital'),
    ('In August (born 2012) she moved schools', 'In August (born [date of birth]) she moved schools'),
    ('the Sheikhs moved to Rochdale', 'the [name] moved to [council]'),
    ('the Rajas next door kept an eye on her', 'the [name] next door kept an eye on her'),
    ('we placed him with the Emirs in the end', 'we placed him with the [name] in the end'),
    ('the Princes moved to Leeds', 'the [name] moved to [council]'),
    # a family whose surname has an adjective's ending (why the adjectives' plurals below stay open)
    ('the Priors moved to Leeds', 'the [name] moved to [council]'),
    ('the Merchants moved to Leeds', 'the [name] moved to [council]'),
    ('the Royals moved to Leeds', 'the [name] moved to [council]'),
    ('me and grace were at the house all morning', 'me and [name] were at the house all morning'),
    ('me and mercy were both off sick that week', 'me and [name] were both off sick that week'),
    ('hope and i were going to ring her back', '[name] and i were going to ring her back'),
    ('me and charity were told to wait outside', 'me and [name] were told to wait outside'),
    ('me and grace were in Leeds all day', 'me and [name] were in [council] all day'),
    ('me and blessing were never far apart', 'me and [name] were never far apart'),
    ('me and precious were close', 'me and [name] were close'),
]
# Kept on main as now: a range of births is a cohort's.
_KEPT = [
    'Summer (born April to August) children do worse',
    'Autumn-born children (born September to December) do better',
]
# Still open (what it should give beside each); strict, so closing one is seen.
_OPEN: list[tuple[str, str]] = [
    # Decided by the lead (privacy67's rule for these was reverted): a capitalised plural after "the" whose singular is
    # an adjective for people of a standing or a side, moving to a place named, reads as a group no more surely than as
    # a family whose surname has that shape ("the Priors", "the Merchants", "the Royals", "the Constables" are
    # families): read as a group, a family's surname is published; read as a family, a group is redacted. Impact
    # redacts where context cannot tell, so these stay over-redacted.
    ('the Seniors moved to Bradford', 'the Seniors moved to [council]'),
    ('the Locals moved to Harrogate', 'the Locals moved to [place]'),
    ('the Regulars moved over to Wakefield', 'the Regulars moved over to [council]'),
    ('the Liberals moved to Harrogate for conference', 'the Liberals moved to [place] for conference'),
    ('the Independents have moved to Dewsbury', 'the Independents have moved to [place]'),
    ('the Nationals moved to Manchester', 'the Nationals moved to [council]'),
    # and a word-name in lower case beside the speaker before a state: "me and joy were inseparable" is said of a
    # friend called Joy as readily as of joy itself, so it stays redacted (privacy66's reason for listing Patience,
    # Mercy, Charity as given names).
    ('the Juniors moved to Spain for the tournament', 'the Juniors moved to Spain for the tournament'),
    ('the Professionals moved to Spain', 'the Professionals moved to Spain'),
    ('me and hope were never far apart', 'me and hope were never far apart'),
    ('me and faith were always close', 'me and faith were always close'),
    ('hope and i have always been close', 'hope and i have always been close'),
    ('me and joy were inseparable', 'me and joy were inseparable'),
    ('faith and i were never apart', 'faith and i were never apart'),
    ('me and patience are old friends', 'me and patience are old friends'),
]

test_this_rounds_forms_are_redacted_exactly = _rounds.exact(_RED_TEAM + _HELD_EXACT)
test_words_that_look_like_these_are_kept = _rounds.kept(_KEPT)
test_forms_left_open = _rounds.left_open(_OPEN, move_to="_RED_TEAM")
test_the_counts_are_as_written = _rounds.counted(_RED_TEAM, _HELD_EXACT, _KEPT, _OPEN,
                                                 counts=(17, 28, 2, 14))


# --------------------------------------------------------------------------- "leader" alone, one person's post
# Withheld now, each published on main: "leader" alone as the speaker's own post, and the opposition's leader.
_OWN_POST = [
    "As Leader, I pushed for the peer review",
    "as leader I took it to cabinet myself",
    "as the leader, I had to front it",
    "as interim leader, we pushed for it",
    "I became leader in 2019 and asked for a review",
    "I was elected leader in 2015, and the review came soon after",
    "I'm the leader, so it fell to me",
    "as leader of the opposition, I asked for it",
    "as opposition leader, I pushed for the review",
]
# Published on main as now: a leader many are, another's words reported, the leader spoken of.
_POSTS_MANY = [
    "as team leader, I asked for the review",
    "as a leader, I asked for the review",
    "as a team leader, I found it useful",
    "as leaders, we asked for more time",
    "as group leader, I asked the questions",
    "as leader of a small team, I found it useful",
    "I'm the leader of a team of eight",
    "as the leader said, it helped",
    "I was the leader for that piece of work",
    "as the team leader, I chased it up",
    "I became team leader in 2019",
    "as youth leader, I ran the sessions",
    "the leader asked for it in the end",
]

test_leader_alone_as_the_speakers_post_is_withheld = _rounds.withheld(_OWN_POST, _published)
test_leaders_many_are_and_the_leader_spoken_of_are_published = _rounds.published(_POSTS_MANY, _published)

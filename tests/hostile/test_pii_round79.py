"""Seventy-ninth red-team round: quotes that still identify someone after round 78 (every hostile sentence written new
for this round from its class; posts, councils, projects, numbers and people invented; each kept sentence is real text
from the field, its source named beside it).

* A post one person holds named in one sentence and a private matter of "she", "he" or "they" in the next, with no one
  else between for the pronoun to be ("Our DCS left in March. She had been off sick for months."): withheld
  (``post_holder_private``), as round 78 withholds the two said in one sentence; main published each.
* Shortenings of those posts in real use in English children's services ("our AD", "the CEO", "our VSH", "the LMCS",
  "the PCC"; sources in ``impact/_data/privacy/single_posts.txt``): with a private matter, withheld; "AD" only in
  capitals ("our ad campaign" stays).
* A phone number said in groups with hesitation between ("07700, like, 900, you know, 123", "0113... erm... 496...
  0000"): one ``[phone]``; main kept part or all of each.  Counts and years said with hesitation stay.
* A local initiative by its name in any case before "project", "scheme", "programme" or "initiative" ("the bright
  futures project", "our Little Stars scheme", "the 5 star programme") and a block by a figure and a name in capitals
  where something is placed ("they meet at 5 Star Buildings"): ``[place]`` and ``[address]``; main kept each.  A
  description stays ("the young carers project", "the 12 week programme", "the troubled families programme").
"""

from __future__ import annotations

import pytest

from impact.privacy import assess_quote, redact

from . import _rounds
from .test_pii_round64 import _published  # the report's gate: redact_series, then assess_quotes

# 1. The post in one sentence, the private matter of its holder in the next.
_NEXT_SENTENCE = [
    "Our DCS came to every session. She had been off sick for months before that.",
    "The chief executive chaired the first day. Sadly, he has since retired.",
    "Our lead member chaired it; her husband was ill that whole year.",
    "I work closely with the principal social worker. He's part-time now.",
    "The council's monitoring officer signed it off. Then she was suspended.",
    "Our head of early help set the plan up! They went on maternity leave in May.",
    "We spoke to the LADO about it. Apparently he is going through a divorce.",
    "The interim director of children's services came in 2019. She used to be a social worker here.",
    "Our virtual school head wrote the report. And his wife is in hospital.",
    "The performance manager built the dashboard. She only works three days a week.",
]
# 2. Shortenings of a single post, in real use (sources in single_posts.txt), with a private matter.
_SHORT_POSTS = [
    "Our AD is retiring in the summer.",
    "The AD for social care has been off sick since Easter.",
    "Our new AD was a care leaver herself.",
    "The CEO is on maternity leave.",
    "The council's CEO handed in her notice after the inspection.",
    "Our VSH is part-time now.",
    "The LMCS is going through a divorce.",
    "The PCC came to the board. He was diagnosed with cancer last year.",
    "Our interim AD chaired the panel. She is pregnant.",
]
# Kept: a post and a next sentence with no private matter of the post's holder, or with someone else between, and
# shortenings that are ordinary words in lower case.  Invented for the class's edges:
_KEPT_INVENTED = [
    "The DCS met the mum. She was pregnant at the time.",
    "The DCS came to the review. She said the old plan used to be a mess.",
    "The DCS came to the review. She was really clear about what she wanted.",
    "Our chief executive visited the teams. They were off sick with stress.",
    "A DCS from another council came. She was pregnant.",
    "Our ad campaign is retiring the old logo.",
    "Our AD led the review and it went well.",
]
# Real text from the field (the pages named), published by main and now.
_KEPT_REAL = [
    # Local Government Association, "Chief executives 'must know' for children's services" (local.gov.uk)
    "It tries to make clear that while a chief executive is the most senior professional officer directly accountable, "
    "the role of the director of children's services is pivotal in law and in practice.",
    # Nursery World, "All about the role of ... Director of children's services" (2012)
    "Working closely with the lead member for Children's Services, the DCS provides strategic local leadership and "
    "development to meet the safety, educational, social and emotional needs of children and young people. He or she "
    "creates opportunities for co-operation with local partners in health, police, schools, housing services, early "
    "years, youth justice, probation, higher and further education and employers.",
    # ADCS, "Mentor plus" (adcs.org.uk)
    "The role of the DCS is perhaps the most challenging and highly scrutinised role in local government.",
    # Sandwell Council, "Virtual School Head Teacher" (sandwell.gov.uk)
    "The VSH should be the lead responsible officer for ensuring that arrangements are in place to improve the "
    "educational experiences and outcomes of the authority's looked after children.",
    # Dudley Council, "The Head of the Virtual School for Looked After Children" (dudley.gov.uk)
    "The VSH's role is to know how the looked-after children are doing.",
    # Cleveland PCC, scrutiny decisions (cleveland.pcc.police.uk)
    "The PCC recognises, however, that this remains a critical area of focus and will require continued monitoring.",
    # Community Care, "Social services professionals start to pick up new children's director jobs" (2005)
    "The poll also raises concerns about an exodus of social care leaders from the field, with one-fifth of those not "
    "appointed to children's roles retiring.",
    # ADCS, "Use of interim DCSs" (adcs.org.uk)
    "Interim leaders can be employed to cover gaps whilst recruitment takes place for a permanent director.",
]

test_a_post_then_its_holders_private_matter_is_withheld = _rounds.withheld(_NEXT_SENTENCE + _SHORT_POSTS, _published)
test_posts_without_their_holders_private_matter_are_published = _rounds.published(_KEPT_INVENTED, _published)


@pytest.mark.parametrize("text", _KEPT_REAL)
def test_real_text_on_posts_gives_no_post_holder_sign(text: str) -> None:
    # the sign alone: main withholds the Nursery World pair for a word of its own ("co-operation", unknown_word)
    assert "post_holder_private" not in assess_quote(redact(text)[0])[1]

# 3. A phone number said in groups with hesitation between: one phone detail, filler and all.
_FILLED_PHONES = [
    ("It's 07700, like, 900, you know, 123.", "It's [phone]."),
    ("Call 0113... erm... 496... 0000.", "Call [phone]."),
    ("It's 0113 - uh - 496 - 0000.", "It's [phone]."),
    ("I think it was 07700, hang on, 900 123.", "I think it was [phone]."),
    ("try 020, sorry, 7946, er, 0000 after six", "try [phone] after six"),
    ("her landline's oh one one three, um, let me think, four nine six, er, oh oh oh oh", "her landline's [phone]"),
    ("the office is on 0161 - I mean - 496 0000 most days", "the office is on [phone] most days"),
    ("his mobile, 07700… hold on… 900… 461, was in the file", "his mobile, [phone], was in the file"),
]
# Kept: counts, years and figures said with hesitation; real figures from inspection text.
_NUMBERS_KEPT = [
    "We saw 40, um, 50, er, 60 families last year.",
    "There were 12, er, 15 cases in March.",
    "It was 2019, er, 2020 when that happened.",
    "The scores went 3, um, 4, er, 5 over the year.",
    # Gloucestershire County Council, scrutiny minutes on the Ofsted inspection (glostext.gloucestershire.gov.uk)
    "Data covering the previous 18 months was used in an inspection; old data could distort the picture of how a "
    "service was performing.",
    # Children & Young People Now, "Analysis links director of children's services retention to Ofsted rating" (2014)
    "Authorities with an 'outstanding' Ofsted rating had an average of 2.2 directors of children's services since 2008.",
    # The Prince's Trust, "Role of Police and Crime Commissioners" (slideserve)
    "16 Conservative, 13 Labour and 12 Independent.",
]

test_a_phone_said_with_hesitation_is_one_phone = _rounds.exact(_FILLED_PHONES)

# 4. A local initiative by its name, in any case; a block by a figure and a name in capitals where something is.
_INITIATIVES = [
    ("She goes to the bright futures project on Tuesdays.", "She goes to the [place] project on Tuesdays."),
    ("We set up the Bright Futures project in 2019.", "We set up the [place] project in 2019."),
    ("Our little stars scheme runs on Fridays.", "Our [place] scheme runs on Fridays."),
    ("He's on the stepping stones programme now.", "He's on the [place] programme now."),
    ("The 5 star project took him on.", "The [place] project took him on."),
    ("their rising stars initiative paid for the trips", "their [place] initiative paid for the trips"),
    ("the golden threads programme ran out of money", "the [place] programme ran out of money"),
    ("They meet at 5 Star Buildings.", "They meet at [address]."),
    ("The hub moved to 2 Kingfisher House in May.", "The hub moved to [address] in May."),
]
_INITIATIVES_KEPT = [
    "The project worked well.",
    "The home got the five star rating.",
    "The young carers project helped her.",
    "We ran the 12 week programme.",
    "The three schools project ended.",
    "The troubled families programme paid out.",
    "The peer challenge programme was useful.",
    "The back to basics programme helped.",
    "The research project ended.",
    "The complex needs project is good.",
    "We moved everything onto our digital records programme.",
    "The fire service ran the smoke alarms scheme.",
    "The holiday activities programme fed forty children.",
    # Scottish Government, "Evaluation of Intensive Family Support Projects in Scotland" (2009), chapters 2 and 8
    "All five projects were established through initiatives involving the housing and social work departments of the "
    "relevant local authorities.",
    "Secondly, the research confirmed that the 'short term' horizon of guaranteed Project funding hampered both "
    "recruitment and retention of Project staff.",
    # CASCADE, Cardiff University, "Lambeth Change Project: Social workers in schools" (2019)
    "It aims to identify promising interventions and generate evidence to support decisions about larger scale trials "
    "in the future.",
    # Department for Education research report DFE-RR233, "Social Work Practices: Report of the National Evaluation"
    "We thank Department for Education staff and members of the Evaluation Advisory Group for their support.",
]

test_a_local_initiative_or_block_by_its_name_is_a_place = _rounds.exact(_INITIATIVES)
test_descriptions_counts_and_real_text_are_kept = _rounds.kept(_NUMBERS_KEPT + _INITIATIVES_KEPT + _KEPT_REAL)

"""Eighty-first red-team round: the forms rounds 79 and 80 left open (every hostile sentence written new for this round
from its class, varied in case, position and neighbours; projects, blocks, posts and people invented; each kept
sentence marked real is real text from the field, its source named beside it).

* A local initiative by a name of one word before "project", "scheme", "programme" or "initiative" ("the phoenix
  project", "the Phoenix Project", "our Horizon scheme"): ``[place]``, as round 79 made of two or three words; main
  kept each.  A word local work is named by counts in any case (``impact/_data/privacy/initiative_names.txt``), a
  capitalised word unless it describes the work ("the Research Project", "the Pilot Programme"); national programmes
  stay (the sourced list in ``impact/_data/privacy/public_terms.txt``: "the Mockingbird programme", "the Turnaround
  programme", "the Staying Close programme", "the Family Safeguarding model").
* A name opening "New" ("the New Horizons project", "New Beginnings programme", "their new beginnings initiative"):
  ``[place]``; main kept each.  "the new parenting programme" describes and stays.
* A block by a figure and a name in lower case where someone is placed ("she lives at 5 star buildings", "we meet at
  2 kingfisher house"): ``[address]``; main kept each.  Buildings counted stay ("she's lived at 3 council flats").
* A post one person holds before another noun ("the LADO process", "the DCS report", "the principal social worker
  role") is the post's work, not its holder: the next sentence's "she" or "he" and a private matter no longer
  withhold the quote (main withheld each, ``post_holder_private``); the post said as its holder still does.
* A post's noun after a grade's word ("The Lead Inspector said", "Our Lead Member", "the Lead Reviewer") is one post,
  no name: main gave "The Lead [name] said", withheld "the Lead Reviewer" for a name's position, and with a
  participant Honor Lead listed gave "the [name] Member for Children's Services".  Names after the post are still
  found.
"""

from __future__ import annotations

import pytest

from impact.privacy import assess_quote, redact

from . import _rounds
from .test_pii_round64 import _published  # the report's gate: redact_series, then assess_quotes

# 1. One word before the word for what it is: a name in any case where local work is named so, a capitalised word
# that does not describe.
_ONE_WORD = [
    ("She goes to the phoenix project on Tuesdays.", "She goes to the [place] project on Tuesdays."),
    ("The Phoenix Project helped him a lot.", "The [place] Project helped him a lot."),
    ("Our Horizon scheme runs on Fridays.", "Our [place] scheme runs on Fridays."),
    ("he's been on the beacon programme since june", "he's been on the [place] programme since june"),
    ("They referred her to the Lighthouse initiative.", "They referred her to the [place] initiative."),
    ("their compass project paid for the trip", "their [place] project paid for the trip"),
    ("I think the Kestrel programme was the best thing for him.", "I think the [place] programme was the best thing for him."),
    ("We set up the Acorn scheme in 2019 with the school.", "We set up the [place] scheme in 2019 with the school."),
    ("that rainbow project is brilliant, honestly", "that [place] project is brilliant, honestly"),
    ("Mum took him to the Zephyr project after school.", "Mum took him to the [place] project after school."),
    ("the anchor program helped her mum", "the [place] program helped her mum"),
    ("Its Sunflower initiative fed forty families.", "Its [place] initiative fed forty families."),
    ("it was the PHOENIX project that turned it round", "it was the [place] project that turned it round"),
    ("the hope project opened on the estate", "the [place] project opened on the estate"),
    ("Our Bluebird scheme and the oasis project both closed.", "Our [place] scheme and the [place] project both closed."),
    ("We went to the Quarry project, the Kestrel scheme and the youth club.",
     "We went to the [place] project, the [place] scheme and the youth club."),
]
# 2. A name opening "New".
_NEW_NAMES = [
    ("She's on the New Horizons project now.", "She's on the [place] project now."),
    ("the New Beginnings programme ran out of money", "the [place] programme ran out of money"),
    ("New Beginnings programme is good for dads.", "[place] programme is good for dads."),
    ("their new beginnings initiative paid for the trips", "their [place] initiative paid for the trips"),
    ("He joined our New Directions scheme in May.", "He joined our [place] scheme in May."),
    ("we sent her to a New Leaf initiative", "we sent her to a [place] initiative"),
    ("The new Phoenix project opened last week.", "The new [place] project opened last week."),
]
# 3. A block by a figure and a name in lower case, where someone or something is placed.
_LOWER_BLOCKS = [
    ("she lives at 5 star buildings", "she lives at [address]"),
    ("She lives at 5 star buildings with her nan now.", "She lives at [address] with her nan now."),
    ("we meet at 2 kingfisher house on a monday", "we meet at [address] on a monday"),
    ("the hub moved to 9 jubilee buildings in May.", "the hub moved to [address] in May."),
    ("he stays at 6 priory mansions at weekends", "he stays at [address] at weekends"),
    ("they moved into 14 lark tower after the fire", "they moved into [address] after the fire"),
    ("Her dad's at 3 hazel lodge now.", "Her dad's at [address] now."),
]

test_a_local_initiative_or_block_by_its_name_is_found = _rounds.exact(_ONE_WORD + _NEW_NAMES + _LOWER_BLOCKS)

# Kept: descriptions, national programmes, buildings counted.  Invented for the class's edges:
_KEPT_INVENTED = [
    "The research project ended.",
    "The Research Project ended in March.",
    "The Pilot Programme started in May.",
    "We ran the reading scheme over the summer.",
    "the garden project grew vegetables",
    "The Mockingbird programme works well for our carers.",
    "Our Mockingbird project is good.",
    "We joined the Frontline programme.",
    "The Turnaround programme took referrals from the police.",
    "The Staying Close programme helped him move on.",
    "Their Innovation Programme bid won.",
    "The whole project was late.",
    "The Housing Project closed.",
    "The Family Safeguarding model came in that year.",
    "the new parenting programme started",
    "the new schools project ended",
    "The Improvement Programme was led by the DCS.",
    "We kept the same scheme.",
    "the ASYE programme supports newly qualified social workers",
    "The New Deal programme helped him into work.",
    "The Transformation Programme board met.",
    "We used the Academies programme money.",
    "The Welsh programme was different.",
    "we visited 3 council houses",
    "she lived at 3 different houses",
    "they live in 2 bedroom flats",
    "we stayed at 5 star hotels",
    "the 5 star buildings were awful",
    "we looked at 4 tower blocks",
]
# Real text from the field (the pages named), redacted by main and now alike.
_KEPT_REAL = [
    # Blackpool Council fostering, "Mockingbird" (blackpoolfostering.com)
    "The Mockingbird programme aims to support our foster carers and young people in care by creating a support system "
    "similar to an extended family.",
    # NatCen, "Keeping Children out of the Justice System: Lessons from Turnaround" (natcen.ac.uk, 2025)
    "The key findings highlight that the Turnaround programme has made a tangible difference for children, parents, and "
    "carers through strong partnerships, system improvements, and collaborative change.",
    # Positive Steps, "Turnaround Project" (positive-steps.org.uk)
    "Turnaround is based on similar principles to those underlying the Supporting Families programme in England and "
    "equivalent programmes in Wales, and therefore takes a whole family approach to intervention.",
    # Centre for Homelessness Impact, "Staying Close" (homelessnessimpact.org)
    "Staying Close started in 2017 and has been extended over two further phases.",
    # Spring Consortium, "How projects are being evaluated" (springconsortium.com)
    "One of the aims of the Innovation Programme is to identify what works, why, and in what circumstances to raise "
    "the quality of evidence in the children’s social care sector.",
    "Each project being funded by the Innovation Programme has an external independent evaluation.",
    # Gloucestershire County Council, scrutiny minutes on the Ofsted inspection (glostext.gloucestershire.gov.uk)
    "The Lead Inspector chose 20 cases for the local authority (LA) to audit, and during the inspection an additional "
    "6 cases were also identified for audit",
    # Children & Young People Now, "Inspections Clinic: Preparing for inspection" (cypnow.co.uk)
    "I came back in on the Tuesday and was straight on the phone to the lead inspector.",
]

# Real text on the LADO's post and its work (the pages named).
_LADO_REAL = [
    # Sefton Safeguarding Children Partnership, "Managing Allegations" (seftonscp.org.uk)
    "The LADO role applies to paid, unpaid, volunteer, casual, agency and self-employed workers. The LADO is involved "
    "from the initial phase of the allegation through to the conclusion of the case.",
    # London Borough of Tower Hamlets, "Role of key agencies in safeguarding allegations" (towerhamlets.gov.uk)
    "The LADO is responsible for managing and overseeing allegations made against staff or volunteers.",
    # Cheshire East, "What Action will the Local Authority Designated Officer Take?" (online-procedures.co.uk)
    "If the referral is established as meeting the criteria set out in Working Together a LADO Strategy Meeting will "
    "be convened within 72 hours.",
]

test_descriptions_national_programmes_and_real_text_are_kept = _rounds.kept(_KEPT_INVENTED + _KEPT_REAL + _LADO_REAL)

# 4. A post before another noun is the post's work: the next sentence's pronoun is not its holder.  Each was withheld
# on main for post_holder_private, published now.
_POST_BEFORE_NOUN = [
    "We followed the LADO process to the letter. She was off sick for a month after that.",
    "The DCS report came out in May. He had been signed off by then.",
    "The principal social worker role was new to us. She had a baby in the spring.",
    "The lead member briefing ran over. Apparently her husband was ill.",
    "The LADO threshold was met. He had been off sick with stress.",
    "Our DCS consultation closed in March. She is pregnant with twins.",
    "The performance manager dashboard was rebuilt. She only works three days a week.",
    "The chief executive post was advertised twice; he was off sick through all of it.",
    "The LADO procedure was retired in 2020.",
    "The DCS report was signed off in March.",
]
# Still withheld: the post said as its holder, whatever noun comes later ("Our DCS left ...", "the DCS, report in
# hand,"), a plural that is the holder's verb ("the DCS reports to"), a noun of the holder's own time ("the DCS visit").
_POST_AS_HOLDER = [
    "Our DCS left the LADO process to us. She had been off sick for months.",
    "The DCS, report in hand, came in. She is pregnant.",
    "The DCS reports to the chief executive. She is on maternity leave.",
    "The LADO processes every referral. He has cancer.",
    "The DCS visit went well. She is retiring in June.",
    "Our DCS retirement do was lovely.",
    "The DCS herself had cancer.",
]

test_a_post_before_another_noun_is_no_holder = _rounds.published(_POST_BEFORE_NOUN, _published)
test_a_post_said_as_its_holder_is_still_withheld = _rounds.withheld(_POST_AS_HOLDER, _published)


@pytest.mark.parametrize("text", _LADO_REAL)
def test_real_text_on_the_lado_gives_no_post_holder_sign(text: str) -> None:
    assert "post_holder_private" not in assess_quote(redact(text)[0])[1]


# 5. A post's noun after a grade's word: one post, kept and published (main gave "The Lead [name] said" or withheld
# the quote for a name's position).
_GRADED_POSTS = [
    "The Lead Inspector said it was good.",
    "She met the Lead Inspector twice that week.",
    "Our Lead Member came to the feedback.",
    "The Lead Reviewer wrote it up.",
    "the Lead Officer chaired it and the Lead Inspector listened",
    "We rang the Deputy Inspector back.",
    "The Head Constable came to the board.",
    "The Lead Professional rang the school.",
]



@pytest.mark.parametrize("text", _GRADED_POSTS)
def test_a_graded_post_is_kept_and_published(text: str) -> None:
    _rounds.assert_kept(text)
    assert _published(text) and _published(text, names=_rounds._WORDY)


@pytest.mark.parametrize("text", [
    "The Lead Member for Children's Services replied.",
    "The Portfolio Holder (Lead Member) confirmed it.",
    "Our Lead Inspector came on the Monday.",
    "the first round of the Lead Member peer challenges",
    "Lead Inspector said it was fine.",
])
def test_a_graded_post_is_kept_with_a_participant_of_that_surname_listed(text: str) -> None:
    # Honor Lead, one of bench/redaction_gold.py's stress names: main gave "the [name] Member for Children's Services"
    assert redact(text, names=["Honor Lead", "Jack Young"])[0] == text


# Names after a graded post, or a participant named so, are still found.
_NAMES_BESIDE_GRADED_POSTS = [
    ("Lead Inspector Jane Okafor said it.", "Lead Inspector [name] said it."),
    ("The Lead Member, Cllr Okafor, came.", "The Lead Member, Cllr [name], came."),
    ("Senior Practitioner Becky Okafor rang.", "Senior Practitioner [name] rang."),
    ("The Assistant Director Okafor rang.", "The Assistant Director [name] rang."),
    ("Social Worker Bishop rang.", "Social Worker [name] rang."),
]

test_names_beside_graded_posts_are_still_found = _rounds.exact(_NAMES_BESIDE_GRADED_POSTS)


def test_a_listed_grade_word_said_as_the_person_is_still_found() -> None:
    assert redact("I asked Lead about it.", names=["Honor Lead"])[0] == "I asked [name] about it."
    assert redact("Honor Lead came.", names=["Honor Lead"])[0] == "[name] came."

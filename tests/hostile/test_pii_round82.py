"""Eighty-second red-team round: the forms round 81 left open, and five new classes of identifying detail (every hostile
sentence written new for this round from its class, varied in case, position and neighbours; projects, people and
streets invented; each kept sentence marked real is real text from the field, its source named beside it).

Round 81's open forms:

* A local initiative named by one ordinary English word: in lower case ("the magpie project", "our juniper scheme") or
  in Title Case ("The Zephyr Project", "the Magpie Scheme"); main kept each.  The sign is the kind of word, not its
  case: words local work is named by are images (a creature, a tree or flower, the weather and the sky, land and
  water, a stone, a figure of myth), never what the work is about ("the parenting programme", "the pilot scheme",
  "the housing project" describe it).  ``impact/_data/privacy/initiative_names.txt`` now holds those classes whole.
  A name set in quotes ("the 'zephyr' project") or said after "called", "named" or "known as" ("a scheme called
  magpie") is a name whatever its word, unless the word describes the work.
* A surname that is an English word after a post ("Social Worker Smith visited", "Youth Worker Baker was
  brilliant"): main kept it in the text (and withheld the quote).  A word after a post ending in a worker's word is
  the holder's surname where it is a surname that reads as a word, or before what a person does; never a word of the
  post's own or of the phrase after it ("the Social Worker Health Check", "Key Worker Young people").
* "a lead-Lead Member for Children's Services" with Honor Lead listed: main gave "a [name] Member".  A grade's word
  joined to another by a hyphen is still the post's.

Five new classes (the round's red-team pass):

A. A child's given name that is an English word after a pet word ("Little Jay was only six", "Our Jay was the eldest",
   "little mo cried"): main kept the name.
B. A household by its surname in the plural where a child moves from it or has been with it ("we moved him from the
   Cooks to ...", "she had been with the Bakers since 2018"): main kept it.
C. A surname that is an English word, in lower case, before "family", "kids", "boys" or "household" ("the baker
   kids", "the turner family"): main kept it.
D. A house number said in words after "number" or "no." before a street in lower case ("at number twelve acacia
   avenue", "no. fourteen, Chapel Street"): main kept the number, or all of it.
E. An e-mail address said aloud with a separator and figures in words, before a mail provider with no "dot com"
   ("jane underscore smith eighty five at gmail"): main kept most of it.
"""

from __future__ import annotations

import pytest

from impact.privacy import redact

from . import _rounds
from .test_pii_round64 import _published  # the report's gate: redact_series, then assess_quotes

# 1. A one-word name in lower case, from the classes of image local work is named by.
_LOWER_ONE_WORD = [
    ("We went to the magpie project.", "We went to the [place] project."),
    ("the juniper scheme was good for her", "the [place] scheme was good for her"),
    ("they run the pebble project on a Friday", "they run the [place] project on a Friday"),
    ("Our lotus programme took twelve mums.", "Our [place] programme took twelve mums."),
    ("his sister's on the zephyr initiative now", "his sister's on the [place] initiative now"),
    ("I think their sapphire project closed in May.", "I think their [place] project closed in May."),
    ("the magpie scheme and the otter project both ran", "the [place] scheme and the [place] project both ran"),
]
# 2. A one-word name in Title Case that is an English word.
_TITLE_ONE_WORD = [
    ("The Zephyr Project helped him.", "The [place] Project helped him."),
    ("She went to the Magpie Scheme.", "She went to the [place] Scheme."),
    ("Our Juniper Programme ran for two years.", "Our [place] Programme ran for two years."),
    ("it was the Starling Initiative that paid", "it was the [place] Initiative that paid"),
    ("THE PEBBLE PROJECT", "THE [place] PROJECT"),
]
# A name set in quotes, or said after "called", "named" or "known as", whatever its word.
_SAID_AS_A_NAME = [
    ("the 'zephyr' project helped him", "the '[place]' project helped him"),
    ("Our “Teacup” scheme ran in 2019.", "Our “[place]” scheme ran in 2019."),
    ("a local scheme called magpie helped her", "a local scheme called [place] helped her"),
    ("they set up a project named teacup", "they set up a project named [place]"),
]

# 3. A surname that is an English word after a post.
_POST_SURNAMES = [
    ("Social Worker Smith visited.", "Social Worker [name] visited."),
    ("She spoke to Social Worker Smith yesterday.", "She spoke to Social Worker [name] yesterday."),
    ("Family Support Worker Cook rang the school.", "Family Support Worker [name] rang the school."),
    ("Our Youth Worker Baker was brilliant.", "Our Youth Worker [name] was brilliant."),
    ("Youth Worker Hedge rang me.", "Youth Worker [name] rang me."),
    ("I asked Key Worker Turner.", "I asked Key Worker [name]."),
]

# A. A given name that is a word after a pet word.
_PET_NAMES = [
    ("Little Jay was only six.", "Little [name] was only [age]."),
    ("Our Jay was the eldest.", "Our [name] was the eldest."),
    ("Little Mo was the youngest.", "Little [name] was the youngest."),
    ("we knew little jay was struggling", "we knew little [name] was struggling"),
    ("wee mo cried all night", "wee [name] cried all night"),
    ("Little Grace was only four.", "Little [name] was only [age]."),
]
# B. A household a child moves from or has been with.
_HOUSEHOLDS_MOVED = [
    ("He went from the Masons to a residential home.", "He went from the [name] to a residential home."),
    ("she had been with the Bakers since 2018", "she had been with the [name] since 2018"),
    ("They took her away from the Cooks in March.", "They took her away from the [name] in March."),
]
# C. A surname that is a word, in lower case, before a family's noun.
_LOWER_FAMILIES = [
    ("the baker kids were known to us", "the [name] kids were known to us"),
    ("the mason household was chaotic", "the [name] household was chaotic"),
    ("we placed the smith boys together", "we placed the [name] boys together"),
    ("I spoke to the turner family.", "I spoke to the [name] family."),
    ("the banks kids and the cook family", "the [name] kids and the [name] family"),
]
# D. A house number in words after "number" before a street.
_NUMBERED_STREETS = [
    ("we visited her at number twelve acacia avenue", "we visited her at [address]"),
    ("she lives at no. twelve acacia avenue", "she lives at [address]"),
    ("at number twelve, acacia avenue", "at [address]"),
    ("We met at number nine Tanner Road", "We met at [address]"),
]
# E. An e-mail address said aloud before a provider with no "dot com".
_SAID_EMAILS = [
    ("her email is jane underscore smith eighty five at gmail", "her email is [email]"),
    ("email me at k dot patel eighty at yahoo", "email me at [email]"),
    ("it's shannon underscore b ninety two at hotmail, ok", "it's [email], ok"),
]

test_round_82_forms_are_redacted_exactly = _rounds.exact(
    _LOWER_ONE_WORD + _TITLE_ONE_WORD + _SAID_AS_A_NAME + _POST_SURNAMES + _PET_NAMES + _HOUSEHOLDS_MOVED
    + _LOWER_FAMILIES + _NUMBERED_STREETS + _SAID_EMAILS)


@pytest.mark.parametrize("text", [
    "a lead-Lead Member for Children's Services",
    "She was a lead-Lead Member for years.",
    # The Local Government Association's peer review programme report (tests/data/gold, sentence p018-s01)
    "Each region now has its own programme manager, a lead-Chief Executive, a lead-Lead Member for Children's "
    "Services, and a lead Director of Children's Services (DCS) who drive forward the regional approach.",
])
def test_a_grade_word_joined_by_a_hyphen_is_the_post_with_a_participant_of_that_surname(text: str) -> None:
    # Honor Lead, one of bench/redaction_gold.py's stress names: main gave "a [name] Member"
    assert redact(text, names=["Honor Lead", "Jack Young"])[0] == text


# Kept: edges of each class, written for it.
_KEPT_INVENTED = [
    # 1, 2: what the work is, a national programme, a scare-quoted description, "called" before a word of grammar
    "the parenting programme helped",
    "We ran the pilot scheme in May.",
    "The Housing Project closed.",
    "The Mark Scheme was changed.",
    "the colour scheme was awful",
    "The Mockingbird programme works well.",
    "the 'research' project ended",
    "a scheme called research",
    "the project called for more money",
    "the scheme named after her mum",
    "a programme called Mockingbird",
    # 3: a word of the post's own or of the phrase after it
    "the Social Worker Training Programme",
    "Social Worker Recruitment Day",
    "the Social Worker Health Check showed it",
    "Social Worker Long Term team",
    # A: a pet word before a word, an article before the pet word, a month, what is hoped
    "a little rose grew there",
    "so little hope was left",
    "Little hope was offered to the family.",
    "our bill was paid late",
    "big mark was left on the wall",
    "Our May figures were better.",
    # B: moved from a place or a kind of care, not a household
    "we moved him from the residential home to foster care",
    "he went from the Midlands to the North",
    "she had been with the carers since May",
    # C: an adjective or a noun of the group before the family's noun
    "the young family moved in",
    "the foster family was great",
    "the white boys were bullied",
    "the small children were there",
    "the page boys looked smart",
    # D: "number" before no address
    "we moved to number two in the league table",
    "the number one road to success",
    "number two road was closed",
    "we visited him at number ten downing street",
    # E: figures alone before "at", a word before a provider
    "it was ninety two at live",
    "we looked at outlook",
    "she is at sky",
]
# Real text from the field (the pages named), kept by main and now alike.
_KEPT_REAL = [
    # Children & Young People Now, "Local authority parenting scheme pilot launches" (cypnow.co.uk, 2024)
    "The scheme also involves the Department for Education and is part of the government’s Family Hubs programme.",
    "Through the scheme three parenting programmes “that have demonstrated positive impacts for children” will be "
    "used.",
    # Community Care, "Pilot scheme in Scotland to help children who place families at risk of eviction" (2002)
    "About £150,000 of the annual cost of running the new project will be met through a council fund for children’s "
    "services.",
    # C4EO, "Parenting Early Intervention Pathfinder Programme, London Borough of Tower Hamlets" (c4eo.org.uk)
    "Established a core workforce to deliver the parenting programme",
    # Women's Republic, "Young carers are a feminist issue" (womensrepublic.net)
    "Often, their foremost support comes from a young carer project and it’s commonplace for schools not to realise a "
    "student is a young carer.",
    # Prospects, "Social care apprenticeships" (prospects.ac.uk)
    "Those on the social worker apprenticeship scheme earn while they learn as they undergo a mixture of on-the-job "
    "training and university study",
    # City of Wolverhampton Council, "2019 Social Work Health Checks" (wolverhampton.moderngov.co.uk)
    "The Principal Social Worker advised the panel that the Health Check action plan has been completed and areas for "
    "improvement highlighted.",
    # Parallel Parliament, "Social Workers: Conditions of Employment" (parallelparliament.co.uk, HL14127)
    "The annual Social Work Health Check is a key element of the Local Government Association’s Standards for "
    "Employers and provides a national picture of social work across adult social care.",
    # Social Care Wales, "Moving from residential to foster care or to family" (socialcare.wales)
    "There are several things you can do to support your young people to make a successful transition from "
    "residential care to foster care.",
    # The Children's Society, "Young carers: you can make change happen" (childrenssociety.org.uk, 2016)
    "My hope in the future is to use my legal knowledge and advance young carers’ rights further.",
    # Debra Kidd, "White Working Class Boys" (debra-kidd.com)
    "Of course, the reality of this data is that it is white working class boys who are not doing as well in school.",
    # Lynn Perry (Barnardo's), "Dear Prime Minister..." (linkedin.com)
    "I also know the key to Number 10 doesn’t come with a magic wand and, with leadership, comes the responsibility of "
    "making difficult decisions.",
]

test_descriptions_and_real_text_are_kept = _rounds.kept(_KEPT_INVENTED + _KEPT_REAL)


def test_each_list_holds_its_cases_once() -> None:
    cases = (_LOWER_ONE_WORD + _TITLE_ONE_WORD + _SAID_AS_A_NAME + _POST_SURNAMES + _PET_NAMES + _HOUSEHOLDS_MOVED
             + _LOWER_FAMILIES + _NUMBERED_STREETS + _SAID_EMAILS)
    texts = [t for t, _ in cases] + _KEPT_INVENTED + _KEPT_REAL
    assert (len(cases), len(_KEPT_INVENTED), len(_KEPT_REAL)) == (43, 36, 12)
    assert len(texts) == len(set(texts))


# Published now: a post's surname that is a word is redacted, so the quote no longer holds a name in a name's
# position (main withheld each for name_position).
_POST_SURNAMES_PUBLISHED = [
    "Social Worker Smith visited.",
    "Our Youth Worker Baker was brilliant.",
]

test_a_posts_surname_redacted_lets_the_quote_be_published = _rounds.published(_POST_SURNAMES_PUBLISHED, _published)

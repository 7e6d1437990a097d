"""Forty-eighth red-team round: round 47's open forms, a given name that is a people's word, identifiers' numbers, and
names as registers and forms write them.

Round 47's open forms, each a class: a given name that is an ordinary word after a public term that is a surname, in
capitals ("GREEN Tom was arrested", kept with no names listed) reads like "NEW Ruby was launched" but for what follows
it: what is done only to a person, in the passive ("was arrested", "had been cautioned", "was reported missing"; no
product or plan is), marks the person as a verb of saying does; the given name list has no frequency to tell "Tom"
from "Ruby", so none is used. Children's ages in brackets or set off by commas after a plural ("the children (7 and
9)", "her sons (3, 5 and 8)", "her two children, 3 and 5, were"), two or more, each under 20 (bigger figures are counts:
"girls (45, 52)"; one figure after a plural is a count as often, "the children (7)"), a twin's one, and adults' two
figures each ("the parents (32 and 35)").

A people's or a faith's word that is a given name too (Roma, Christian, Sami, Romany), in title case before surnames
that are words, is the person ("Roma Baker said" was kept, as "the Irish Sea" is: a nation's word before ordinary
words); "Scottish Power", "Christian Aid", "the Roma community" stay. The words are not added to the first-name lists,
which every detector reads: "the roma community", "a christian charity" in lower case would be names.

A number right after an identifier's name ("passport number 123456789", "case number 1234567", "Case No: 1234567") is
the identifier's, a ``reference`` in the text and in the ledger the report counts, with the letters a system sets
before the figures ("the case number is cs 2023 0456" gave "cs [phone]"): "number" before the figures had made it a
``phone``. Rounds 27 and 29 had written five such as phones; they are references now.

The class red-teamed: names as registers, forms, police records and reviews' family compositions write them. The
surname in capitals, a comma and the given name in title case opening a field ("SMITH, Jane", "Name: SMITH, Jane",
"Present: SMITH, Jane; BROWN, Tom" kept SMITH and BROWN, and Tom unlisted; "Father - SMITH, John" was kept whole), or
the initials ("Name: SMITH, J."); a given name that is a word after a form's label for a name or a person ("Name: John",
"Forename(s): Tom", "Child's name: John", "Name of child: Grace", "Father: Peter" were kept; "Father: Deceased", "Name:
Unknown" stay, and a word after a person's label that goes on as a sentence is a transcript speaker's, "Parent: Will they
be told?"); and a family called by a surname that is a word in the plural before what a household does ("the
Smiths moved away", "the Walkers separated" were kept).

Real text checked for new false redactions (the pages corpus): see the CHANGELOG entry of round 48. Gold corpus
(``python -m bench.redaction_gold``): 646/632/563 before and after, 0 sentences redacted differently.

Each text is redacted with the stress names listed and with none (``_rounds``).
"""

from __future__ import annotations

import pytest

from impact.privacy import redact

from . import _rounds

# Each was redacted wrongly on main (what main gave beside each where the line allows), exact now.
_RED_TEAM = [
    # round 47's open forms
    ("GREEN Tom was arrested", "[name] was arrested"),  # was 'GREEN Tom was arrested' with no names listed
    ("the children (7 and 9) were removed", "the children ([age]) were removed"),  # was kept
    # what is done only to a person, after a public surname and a given name that is a word
    ("GREEN Tom was later arrested", "[name] was later arrested"),
    ("PARK Rose was reported missing", "[name] was reported missing"),
    # children's ages in a list after a plural
    ("the boys (7 and 9) were removed", "the boys ([age]) were removed"),
    ("her sons (3, 5 and 8) were seen", "her sons ([age]) were seen"),
    ("her two children, 3 and 5, were placed", "her two children, [age], were placed"),
    ("the children (7 and 9 years) were removed", "the children ([age]) were removed"),
    ("the twins (4) were at nursery", "the twins ([age]) were at nursery"),
    ("the parents (32 and 35) were arrested", "the parents ([age]) were arrested"),
    # a people's or a faith's word that is a given name, before a surname that is a word
    ("Roma Baker said", "[name] said"),  # was 'Roma Baker said'
    ("Christian Smith attended", "[name] attended"),
    ("I spoke to Sami Baker about it.", "I spoke to [name] about it."),
    ("Present: Roma Baker, Jane Smith", "Present: [name], [name]"),  # was 'Present: Roma Baker, [name]'
    # an identifier's number
    ("passport number 123456789", "passport number [reference]"),  # was 'passport number [phone]'
    ("case number 1234567", "case number [reference]"),  # was 'case number [phone]'
    ("her case number is 1234567", "her case number is [reference]"),
    ("Case No: 1234567", "Case No: [reference]"),
    ("case number 12345", "case number [reference]"),  # was 'case number [phone]'
    ("the case number is cs 2023 0456", "the case number is [reference]"),  # was 'the case number is cs [phone]'
    ("driving licence number 12345678", "driving licence number [reference]"),
    ("NHS number 0123456789", "NHS number [NHS number]"),  # was 'NHS number [phone]': a mobile's shape, an NHS label
    # the class red-teamed: the surname first in capitals, a comma, the given name or initials
    ("SMITH, Jane", "[name], [name]"),  # was 'SMITH, [name]'
    ("Name: SMITH, Jane (DOB 01/02/2010)", "Name: [name], [name] (DOB [date of birth])"),
    ("Subject: JONES, Tom", "Subject: [name], [name]"),  # was 'Subject: JONES, Tom' with no names listed
    ("Present: SMITH, Jane; BROWN, Tom", "Present: [name], [name]; [name], [name]"),
    ("Father - SMITH, John", "Father - [name], [name]"),  # was 'Father - SMITH, John'
    ("Mother: SMITH-JONES, Sarah", "Mother: [name], [name]"),  # was 'Mother: SMITH-JONES, [name]'
    ("Name: SMITH, J.", "Name: [name]."),  # was 'Name: SMITH, J.'
    ("Present: SMITH, J.; BROWN, T.K.", "Present: [name]; [name]"),
    ("Name: OKAFOR, J.", "Name: [name]."),  # was 'Name: [name], J.'
    # a given name that is a word after a form's label for a name or a person
    ("Name: John", "Name: [name]"),  # was 'Name: John'
    ("Forename(s): Tom", "Forename(s): [name]"),
    ("Child's name: John", "Child's name: [name]"),
    ("Name of child: Grace", "Name of child: [name]"),
    ("Father: Peter", "Father: [name]"),  # was 'Father: Peter'
    ("Mother: Grace (32)", "Mother: [name] ([age])"),  # was 'Mother: Grace (32)'
    # a family called by its surname, a word, in the plural
    ("the Smiths moved away", "the [name] moved away"),  # was 'the Smiths moved away'
    ("the Walkers separated in 2019.", "the [name] separated in 2019."),
    ("the Browns refused", "the [name] refused"),
    # left open by this round, closed by round 50 (tests/hostile/test_pii_round50.py)
    ("the Greens moved away", "the [name] moved away"),  # was kept: a public term that is a surname, in the plural
]
# Redacted so on main as now: the same shapes beside these rules
_HELD_EXACT = [
    ("HILL Grace had been cautioned", "[name] had been cautioned"),
    ("Roma Okafor said", "[name] said"),
    ("Christian said", "[name] said"),
    ("his phone number 07700900123", "his phone number [phone]"),
    ("his contact number is 0113 496 0000", "his contact number is [phone]"),
    ("case reference 1234567", "case reference [reference]"),
    ("SMITH, JANE said", "[name], [name] said"),
    ("OKAFOR, Jane", "[name], [name]"),
    ("NOTE, Jane said", "NOTE, [name] said"),
    ("First name: John", "First name: [name]"),
    ("Name: Jack Baker", "Name: [name]"),
    ("the Okafors were known to services", "the [name] were known to services"),
]
# Kept on main as now
_KEPT = [
    "NEW Ruby was launched",
    "GREEN Paper was published.",
    "the children (7) were seen",
    "girls (45, 52) and boys (40, 38)",
    "Of the children, 3 and 5 were placed",
    "the children (n=7) were",
    "the children (see paragraph 4) said",
    "parents (12)",
    "Scottish Power said",
    "Welsh Water said",
    "Christian Aid said",
    "the Christian Union said",
    "the Roma community",
    "Roma families were supported",
    "a Roma girl was seen",
    "the case 2019 was",
    "Father: Deceased",
    "Name: Unknown",
    "Father: Not Known",
    "Appendix: TABLE, A.",
    "Present: CAMHS, J.",
    "Options: PLAN, B.",
    "the blacksmiths moved",
    # a person's label is a transcript speaker's too
    "Parent: Will they be told?",
    "Worker: Mark my words, it helped.",
    "Child: May I go now?",
    "Carer: Hope so.",
]
# Still open (measured when written); strict, so closing one is seen.
_OPEN: list[tuple[str, str]] = []

test_this_rounds_forms_are_redacted_exactly = _rounds.exact(_RED_TEAM + _HELD_EXACT)
test_words_that_look_like_these_are_kept = _rounds.kept(_KEPT)
test_forms_left_open = _rounds.left_open(_OPEN, move_to="_RED_TEAM")

test_the_counts_are_as_written = _rounds.counted(_RED_TEAM, _HELD_EXACT, _KEPT, _OPEN, counts=(41, 12, 27, 0))


@pytest.mark.parametrize("text", ["passport number 123456789", "case number 1234567", "her case number is 1234567"])
def test_an_identifiers_number_is_counted_as_a_reference(text):
    # the ledger the report counts from is redact's table of spans, one row a span with its kind: was 'phone'
    _, spans = redact(text)
    assert spans["kind"].tolist() == ["reference"]

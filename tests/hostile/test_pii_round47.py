"""Forty-seventh red-team round: round 46's open forms closed as classes, partial card numbers, and ages in brackets.

Round 46's open forms, each a class: a public term that is a surname too (Green, Hall, Hill, Park, Cross, Church,
Little: "never names by themselves", so no list of surnames holds them) in capitals, opening a sentence before a given
name in title case, is the surname written first as registers and police records write it ("GREEN Tom attended." was
kept with no names listed; "HALL Jane was arrested" gave "HALL [name] was arrested"), when the given name is no ordinary
word or the name ends there, before a stop or a person's verb ("NEW Ruby was launched", "GREEN Party" stay). A title's
cell before a cell holding a place the study names or a public term is another field ("Jane Okafor\tSister\tLeeds"
gave "[name]\tSister\t[name]"; "Dr\tBaker", a surname's cell, stays a name). A nation's or a people's word alone in its
run, right before a capitalised public term or ordinary word, opens a body's name ("the Scottish Government said" gave
"the [name] Government said"): the run had stopped before the public term, so the rule for "the Irish Sea" (the words
inside one run) never saw it.

Partial card and account numbers, as banks' letters and reviews of financial abuse give them: the end after a card's or
an account's word ("card ending 9012", "account ending with 4321"), the last figures said so ("the last four digits of
her card were 9012"), and figures after a mask ("**** **** **** 9012", "***1234"); not "the year ending 2019".

The class red-teamed: ages in brackets, as case reviews and charities' reports write them. A capital letter opening a
sentence before an age in brackets is a child's initial ("J (7) said he was hungry" was kept whole), as round 43 found
it set off by commas ("C, 16, now lives ..."); the age after a review's pseudonym ("Child J (7)", "Sibling 1 (9)") is an
age as it is after "the boy (7)"; an adult relation's age in brackets, two figures, is an age ("the mother (32) said" was
kept; "Mother (1)", one figure, stays a label).

Real text checked for new false redactions (the pages corpus): gov.scot guidance and essays on the four nations' child
protection systems (Scottish, Welsh and Irish Governments), the NSPCC's list of case reviews of 2014 (Child C, OF, Child
BR), serious case reviews' family composition sections (Child 1, Adult 2, "the older sibling was aged five"), banks' and
consumer pages on the last four digits of a card or an account ("***1234"), and council minutes with surnames in
capitals. Gold corpus (``python -m bench.redaction_gold``): 646/632/563 before and after, 0 sentences redacted
differently.

Each text is redacted with the stress names listed and with none (``_rounds``).
"""

from __future__ import annotations

from . import _rounds

# Each was redacted wrongly on main (what main gave beside each where the line allows), exact now.
_RED_TEAM = [
    # round 46's open forms
    ("GREEN Tom attended.", "[name] attended."),  # was 'GREEN Tom attended.' with no names listed
    ("Jane Okafor\tSister\tLeeds", "[name]\tSister\t[council]"),  # was '[name]\tSister\t[name]'
    ("the Scottish Government said", "the Scottish Government said"),  # was 'the [name] Government said'
    # a public term that is a surname, in capitals before a given name, opening a sentence
    ("HALL Jane was arrested", "[name] was arrested"),  # was 'HALL [name] was arrested' with no names listed
    ("HILL Grace said", "[name] said"),  # was 'HILL [name] said' with no names listed
    ("PARK Rose attended", "[name] attended"),  # was 'PARK Rose attended' with no names listed
    ("Present: GREEN Tom, BAKER Jane", "Present: [name], [name]"),
    ("CROSS Sophie was seen.", "[name] was seen."),  # was 'CROSS [name] was seen.'
    ("CHURCH Lily attended.", "[name] attended."),  # was 'CHURCH Lily attended.'
    ("LITTLE Amber said", "[name] said"),  # was 'LITTLE [name] said'
    # a title's cell before a place's cell
    ("Jane Okafor\tNurse\tKirklees", "[name]\tNurse\t[council]"),  # was '[name]\tNurse\t[name]'
    ("Jane Okafor\tDr\tLeeds", "[name]\tDr\t[council]"),  # was '[name]\tDr\t[name]'
    # a nation's or a people's adjective before a public body's word
    ("the Irish Government said", "the Irish Government said"),  # was 'the [name] Government said'
    ("The Scottish Government is responsible for child protection in Scotland.",
     "The Scottish Government is responsible for child protection in Scotland."),
    ("the Scottish Police Authority", "the Scottish Police Authority"),  # was 'the [name] Police Authority'
    ("the Scottish Social Services Council", "the Scottish Social Services Council"),
    ("the Indian Government", "the Indian Government"),  # was 'the [name] Government'
    ("the Scottish Office", "the Scottish Office"),  # was 'the [name] Office'
    # partial card and account numbers
    ("card ending 9012", "card ending [reference]"),  # was 'card ending 9012'
    ("paid with a debit card ending in 9012.", "paid with a debit card ending in [reference]."),
    ("her account ending with 4321 was emptied", "her account ending with [reference] was emptied"),
    ("the last four digits of her card were 9012", "the last four digits of her card were [reference]"),
    ("last 4 digits: 9012", "last 4 digits: [reference]"),  # was 'last 4 digits: 9012'
    ("the last 4 digits would be 6789", "the last 4 digits would be [reference]"),
    ("card number **** **** **** 9012", "card number [reference]"),  # was 'card number **** **** **** 9012'
    ("the partial account number (***1234)", "the partial account number ([reference])"),
    ("the last three digits of his phone number are 456", "the last three digits of his phone number are [reference]"),
    # the class red-teamed: a child's initial and an adult relation's age in brackets
    ("J (7) said he was hungry", "[name] ([age]) said he was hungry"),  # was 'J (7) said he was hungry'
    ("J (7) and K (9) were removed", "[name] ([age]) and [name] ([age]) were removed"),
    ("J (aged 7) said", "[name] (aged [age]) said"),  # was 'J (aged [age]) said'
    ("Child J (7) was seen", "Child J ([age]) was seen"),  # was 'Child J (7) was seen'
    ("Sibling 1 (9) was at school", "Sibling 1 ([age]) was at school"),  # was 'Sibling 1 (9) was at school'
    ("mother (32) said", "mother ([age]) said"),  # was 'mother (32) said'
    ("The mother (32) and father (35) were arrested", "The mother ([age]) and father ([age]) were arrested"),
    ("his stepfather (41) was arrested", "his stepfather ([age]) was arrested"),
    ("the mother (32, unemployed) said", "the mother ([age], unemployed) said"),
]
# Redacted so on main as now: the same shapes beside these rules
_HELD_EXACT = [
    ("BAKER Jane was arrested", "[name] was arrested"),
    ("Jane Okafor\tMother\tLeeds", "[name]\tMother\t[council]"),
    ("Dr\tBaker", "Dr\t[name]"),
    ("Sister\tBaker", "Sister\t[name]"),
    ("Mrs\tJane\tOkafor", "Mrs\t[name]"),
    ("Sister Baker said", "Sister [name] said"),
    ("Irish Tom said", "[name] said"),
    ("the boy (7) said", "the boy ([age]) said"),
    ("Kacey (15) said she was scared", "[name] ([age]) said she was scared"),
    ("J, aged 7, said", "[name], aged [age], said"),
    ("Child J, aged 7, was seen", "Child J, aged [age], was seen"),
    ("XXXX-XXXX-XXXX-9012", "[reference]"),
    ("sort code 12-34-56, account number 12345678", "sort code [reference], account number [reference]"),
    ("for the year ending 31 March 2019", "for the year ending [date]"),
]
# Kept on main as now
_KEPT = [
    "the Welsh Government said",
    "the British Government said",
    "the Scottish Parliament",
    "the Irish Sea",
    "NEW Ruby for families",
    "NEW Ruby was launched in 2010.",
    "GREEN Paper",
    "GREEN Party motion was carried.",
    "WEST Yorkshire Police attended.",
    "the year ending 2019",
    "the account for the year ending 2019",
    "accounts ending 2020",
    "the last two digits of the year",
    "The last two years have been difficult.",
    "the last four years 2016",
    "Option B (7 votes)",
    "Grade B (7) in maths",
    "Table A (7) shows",
    "Step 2 (7) was",
    "Mother (1) and Mother (2)",
    "Child A (2015) was published",
    "the mother (see paragraph 4) said",
    "Appendix C (12 pages) sets this out.",
]
# Still open (measured when written); strict, so closing one is seen.
# (round 47's two open forms, "GREEN Tom was arrested" and "the children (7 and 9) were removed", closed in round 48)
_OPEN: list[tuple[str, str]] = []

test_this_rounds_forms_are_redacted_exactly = _rounds.exact(_RED_TEAM + _HELD_EXACT)
test_words_that_look_like_these_are_kept = _rounds.kept(_KEPT)
test_forms_left_open = _rounds.left_open(_OPEN, move_to="_RED_TEAM")

test_the_counts_are_as_written = _rounds.counted(_RED_TEAM, _HELD_EXACT, _KEPT, _OPEN, counts=(36, 14, 23, 0))

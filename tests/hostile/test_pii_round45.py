"""Forty-fifth red-team round: round 44's open form closed, and four forms of public text read wrongly.

Round 44's open form: words in capitals that open a run before a name in title case are a heading's, not the name's
("OVERVIEW REPORT Jane Okafor" gave "OVERVIEW [name]", "REPORT" taken as a surname written first in capitals): ordinary
English words, no first name nor a listed name's part, are the heading's; one alone that is a surname, or no English
word, stays the name's, as police records write "OKAFOR Jane".

The forms seen after it: the letters of an honour, an office or a degree after a name, dotted or not, are left whole
after it, as "CBE" was ("Jane Okafor C.B.E" gave "[name]E", "Jane Okafor Ph.D." "[name].D.", "Jane Okafor QC said"
"[name] said"); two letters only after a name of two words or a title, as a citation's surname alone is followed by its
initials ("Okafor JP"), and never before a name's word ("J.P. Smith"). An age after a bound is a threshold, as the law
and eligibility write ages, no one's age ("a child under 13-years-old cannot consent" gave "under [age]"), as "under 13"
without its unit already was; and an age the law sets ("the age of criminal responsibility is 10 years old"); a bound
said as near is an age still ("just under 13-years-old"). A single "M" or "F" after a relation naming a table's row is
the row's sex code, which the relation says already, and no initial ("Father\\nM", "Father M 34" gave "[name]"); it
agrees with the relation's sex ("Father F" stays an initial) and ends its cell. A year age before a class of young
people in the plural with no owner, count or "the" before it is the class's, as round 43 held two ages joined and round
44 an age in weeks ("15-year-old girls are at risk" gave "[age] girls"; round 43's held case is re-decided: "some
girls of a case" is as true of "14- and 15-year-old girls", which round 43 keeps, and of "some 15-year-old girls",
which main kept; an owner, a small count or "the" picks out girls few enough to be named, and stays an age).

Real text checked for new false redactions: the Sexual Offences Act 2003 and guidance on it, public case review and
LSCB procedure pages, names with honours as minutes and reports print them (written anew, other names).

Each text is redacted with the stress names listed and with none (``_rounds``).
"""

from __future__ import annotations

from . import _rounds

# Each was redacted wrongly on main (what main gave beside each), exact now.
_RED_TEAM = [
    # round 44's open form: a heading's capitals before a name
    ("OVERVIEW REPORT Jane Okafor", "OVERVIEW REPORT [name]"),  # was 'OVERVIEW [name]'
    ("EXECUTIVE SUMMARY Jane Okafor said", "EXECUTIVE SUMMARY [name] said"),  # was 'EXECUTIVE [name] said'
    ("the OVERVIEW REPORT Kacey Mbeki wrote", "the OVERVIEW REPORT [name] wrote"),  # was 'the [name] wrote'
    # the letters of an honour or a degree after a name
    ("Jane Okafor C.B.E", "[name] C.B.E"),  # was '[name]E'
    ("Jane Okafor Ph.D.", "[name] Ph.D."),  # was '[name].D.'
    ("Dr Jane Okafor Ph.D. said", "Dr [name] Ph.D. said"),  # was 'Dr [name].[name] said'
    ("Jane Okafor C. B. E.", "[name] C. B. E."),  # was '[name].'
    ("Jane Okafor C.B.E. Chair", "[name] C.B.E. Chair"),  # was '[name]'
    ("the report by Alan Brannock O.B.E. was published", "the report by [name] O.B.E. was published"),  # was '[name]'
    ("Jane Okafor QC said", "[name] QC said"),  # was '[name] said'
    ("Mr Okafor KC said", "Mr [name] KC said"),  # was 'Mr [name] said'
    ("Jane Okafor JP DL said", "[name] JP DL said"),  # was '[name] said'
    ("Jane Okafor O.B.E., J.P.", "[name] O.B.E., J.P."),  # was '[name], J.P.'
    ("Dame Kacey Mbeki DBE, Director of the Council", "Dame [name] DBE, Director of the Council"),  # was 'Dame [name],'
    ("Ruth Brannock MA CQSW, Independent Chair", "[name] MA CQSW, Independent Chair"),  # was '[name] CQSW'
    # an age after a bound, or one the law sets: a threshold
    ("a child under 13-years-old cannot consent in law", "a child under 13-years-old cannot consent in law"),
    ("sexual activity with a child under 13 years old", "sexual activity with a child under 13 years old"),
    ("a person aged under 18-years-old", "a person aged under 18-years-old"),  # was 'aged under [age]'
    ("anyone over 18-years-old can apply", "anyone over 18-years-old can apply"),  # was 'over [age]'
    ("Babies under 6 months old should not be shaken.", "Babies under 6 months old should not be shaken."),
    ("the age of criminal responsibility in England is 10 years old",
     "the age of criminal responsibility in England is 10 years old"),  # was 'is [age]'
    ("the minimum age for marriage was raised to 18 years old",
     "the minimum age for marriage was raised to 18 years old"),  # was 'raised to [age]'
    # a table's sex code after a relation
    ("Father\nM", "Father\nM"),  # was 'Father\n[name]'
    ("Name Sex Age\nFather M 34\nMother F 31", "Name Sex Age\nFather M 34\nMother F 31"),  # was 'Father [name] 34'
    ("Relationship\tSex\nFather\tM\nSon\tM", "Relationship\tSex\nFather\tM\nSon\tM"),  # was '[name]' twice
    ("1. Father M 34", "1. Father M 34"),  # was '1. Father [name] 34'
    # a year age before a class of young people in the plural
    ("15-year-old girls are more likely to self-harm than boys.",
     "15-year-old girls are more likely to self-harm than boys."),  # was '[age] girls'
    ("Research shows 13-year-old boys are less likely to disclose abuse.",
     "Research shows 13-year-old boys are less likely to disclose abuse."),  # was '[age] boys'
    ("15-year-olds are at risk", "15-year-olds are at risk"),  # was '[age] are at risk'
]

# Redacted so on main as now: the same shapes beside these rules
_HELD_EXACT = [
    ("OKAFOR Jane was arrested", "[name] was arrested"),  # a surname written first in capitals
    ("SERIOUS CASE REVIEW Jane Okafor", "SERIOUS CASE REVIEW [name]"),
    ("Jane Okafor CBE", "[name] CBE"),
    ("Jane Okafor, C.B.E., said", "[name], C.B.E., said"),
    ("Tom Brannock, J.P. Smith and others", "[name], [name] and others"),  # initials before a surname
    ("she is 13-years-old", "she is [age]"),
    ("she was just under 13-years-old", "she was just under [age]"),  # a bound said as near: an age
    ("she was almost 2 years old", "she was almost [age]"),
    ("at the age of 13 years old she was groomed", "at the age of [age] she was groomed"),
    ("the age of the child was 3 years old", "the age of the child was [age]"),
    ("Father F", "Father [name]"),  # no father's sex: an initial
    ("her son M came", "her son [name] came"),
    ("the mother, F, said", "the mother, [name], said"),
    ("Baby F was born", "Baby [name] was born"),
    ("the 15-year-old girls were seen", "the [age] girls were seen"),
    ("two 15-year-old girls were arrested", "two [age] girls were arrested"),
    ("2 15-year-old girls were arrested", "2 [age] girls were arrested"),  # a count in figures
    ("her 15-year-old twins", "her [age] twins"),
    ("a 15-year-old girl", "a [age] girl"),
]

# Kept on main as now
_KEPT = [
    "children under 13 cannot consent",
    "Sex: M",
    "Mother F 31 unemployed",
    "the under-13s",
    "| Stepfather | M | 40 |",
]

# Closed in round 46 and moved to its _RED_TEAM: a relation in its own cell after a name, a tab between ("Jane
# Okafor\tMother\tF"), and a bound said as near with no unit ("just under 13").
_OPEN: list[tuple[str, str]] = []

test_this_rounds_forms_are_redacted_exactly = _rounds.exact(_RED_TEAM + _HELD_EXACT)
test_words_that_look_like_these_are_kept = _rounds.kept(_KEPT)
test_forms_left_open = _rounds.left_open(_OPEN, move_to="_RED_TEAM")

test_the_counts_are_as_written = _rounds.counted(_RED_TEAM, _HELD_EXACT, _KEPT, _OPEN, counts=(29, 19, 5, 0))

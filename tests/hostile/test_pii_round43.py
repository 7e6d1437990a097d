"""Forty-third red-team round: round 42's open forms and the forms seen after it closed as classes, and forms read from
public minutes, Hansard, case review summaries and the local press.

Round 42's open forms: an initial with its dot before a capitalised word is a name's form whatever the word's other
senses ("N. Toms said" was kept, "Toms" being a plural too), unless the context makes the letter a label that ends a
sentence: after a word that is no function word, verb, role or title ("Plan B. Toms were sold", "option B."), after an
article ("got an A. Books"), the pronoun "I" after a word ("so did I. Books"), a letter of an outline whose other lines
open so ("A. Background\\nB. Findings"), or a place or public term after it ("N. Yorkshire"). A newborn's initials after
"Baby" are the child's whatever else the letters stand for, possessive or not ("Baby ES's" was kept while "Baby RT's"
gave "Baby [name]'s"; "Baby D's father" was kept while "Baby D was born" gave "Baby [name]"), as round 10 decided
"Baby O was born" a newborn's initial and round 42 wrote "Baby ES's" open as "Baby [name]'s"; a review's label after
"Child" stays kept whatever its letters' number, possessive too ("Child A's", "Child RT's", which gave "Child
[name]'s"). A way of working a council names before "Practice" is no surgery ("Leeds Relational Practice" gave
"[place]"; "Woodley Medical Practice" stays one).

The forms seen after round 42: a member's seat and party in brackets after the name is a place ("(Macclesfield, Ind)"
gave "([name], Ind)"); a date after a writer's name in a byline or a signature is the writing's ("By Jane Okafor, 14
March 2023" gave "[date of birth]"); ages joined by a hanging hyphen before a class of people are a group's ("14- and
15-year-old girls" gave "14- and [age] girls"), and someone's when an owner stands before them ("her 10- and
11-year-olds" was kept, "her 14- and 15-year-old daughters" left "14-"); "St" and a word no first name nor English word
(or a first name with the plural's "s") is a town named for a saint ("St Ives" gave "St [name]").

Forms of public text (written anew on their shapes, with other names): a phone number with another ending after a
slash in a contact line ("0113 378 1234/5" left "1234/5" standing); a councillor's title as the local press shortens it
("Coun Terry Okafor" gave "[name]"), a member's honorific ("the Hon. Jane Okafor" gave "the [name]. [name]", "the hon.
Member" "the [name]. Member", "the Rt Hon" "the [name]"), a party's name ("LibDems group leader", "the Tories", "Lib Dem
councillors" gave "[name]"), a post of office the word list lacks before a name ("Convenor Jackie Okafor" gave
"[name]"); a seat in its own brackets before the party's ("Edward Tollan (Eddisbury) (Con)" gave "([name]) (Con)"); a
young person's initial and age signing a quote in a charity's report ("C, 16, now lives in ..." was kept).

Each text is redacted with the stress names listed and with none (``_rounds``).
"""

from __future__ import annotations

from . import _rounds

# Each was redacted wrongly on main (what main gave beside each), exact now.
_RED_TEAM = [
    # an initial with its dot before a capitalised word that is an English word too
    ("the report by N. Toms found", "the report by [name] found"),  # was kept
    ("N. Toms, the team manager, said", "[name], the team manager, said"),  # was kept
    ("I spoke to N. Toms about it", "I spoke to [name] about it"),  # was kept
    # a newborn's initials after "Baby", possessive or not; a review's label after "Child", kept
    ("Baby D's father was not seen.", "Baby [name]'s father was not seen."),  # was kept
    ("Baby ES was born early", "Baby [name] was born early"),  # was kept
    ("her son T's bike", "her son [name]'s bike"),  # was 'her son [name] bike'
    ("the review into the death of Baby RT", "the review into the death of Baby [name]"),  # was 'the death of [place]'
    ("Child RT's mother was seen.", "Child RT's mother was seen."),  # was "Child [name]'s mother"
    # a way of working a council names
    ("Kirklees Restorative Practice was cited.", "[council] Restorative Practice was cited."),  # was '[place] was cited.'
    # a member's seat and party after the name
    ("Jane Okafor (Macclesfield, Ind) asked about the report.",
     "[name] ([place], Ind) asked about the report."),  # was '([name], Ind)'
    ("Tim Brennick (Westmorland and Lonsdale, LD): What assessment",
     "[name] ([place], LD): What assessment"),  # was '(Westmorland and [name], LD)'
    ("Edward Tollan (Eddisbury) (Con)", "[name] ([place]) (Con)"),  # was '[name] ([name]) (Con)'
    # a byline's or a signature's date
    ("By Jane Okafor, 14 March 2023", "By [name], [date]"),  # was '[date of birth]'
    ("Signed: Jane Okafor, 14/03/2023", "Signed: [name], [date]"),  # was '[date of birth]'
    # ages joined by a hanging hyphen: a group's before a class of people, someone's after an owner
    ("14- and 15-year-old girls were exploited", "14- and 15-year-old girls were exploited"),  # was '14- and [age] girls'
    ("services for 15-year-old pupils", "services for 15-year-old pupils"),  # was 'services for [age] pupils'
    ("her 10- and 11-year-olds", "her [age]"),  # was kept
    ("her 14- and 15-year-old daughters", "her [age] daughters"),  # was 'her 14- and [age] daughters'
    ("she is 14- or 15-years-old", "she is [age]"),  # was 'she is 14- or [age]'
    # a town named for a saint
    ("she lives in St Ives", "she lives in [place]"),  # was 'St [name]'
    ("St Albans council", "[place] council"),  # was 'St [name] council'
    ("St Austell", "[place]"),  # was 'St [name]'
    # a phone number with another ending after a slash
    ("Tel 0113 378 1234/5", "Tel [phone]"),  # was 'Tel [phone] 1234/5'
    ("(Fatima Okafor/Jill Brannock – 01274 432227/4580)", "([name]/[name] – [phone])"),  # was '01274 [reference]'
    # a councillor's title as the press shortens it, an honorific, a party, a post of office before a name
    ("Coun Terry Okafor said", "Coun [name] said"),  # was '[name] said'
    ("the Hon. Jane Okafor said", "the Hon. [name] said"),  # was 'the [name]. [name] said'
    ("the hon. Member for Leeds said", "the hon. Member for [council] said"),  # was 'the [name]. Member'
    ("the Rt Hon Jane Okafor MP said", "the Rt Hon [name] MP said"),  # was 'the [name] MP said'
    ("LibDems group leader Jane Okafor said", "LibDems group leader [name] said"),  # was '[name] group leader'
    ("the Tories said", "the Tories said"),  # was 'the [name] said'
    ("Lib Dem councillors said", "Lib Dem councillors said"),  # was 'Lib [name] councillors said'
    ("Convenor Jackie Okafor said it.", "Convenor [name] said it."),  # was '[name] said it.'
    # a young person's initial and age signing a quote in a charity's report
    ('"It is not fair." C, 16, now lives in supported accommodation.',
     '"It is not fair." [name], [age], now lives in supported accommodation.'),  # was kept
    ("A, 14, lives with a foster family.", "[name], [age], lives with a foster family."),  # was kept
    # left open by this round, closed by round 44 (tests/hostile/test_pii_round44.py)
    ("Woodley Trauma-Informed Practice", "[place] Trauma-Informed Practice"),  # was '[name] Trauma-Informed Practice'
]

# Redacted so on main as now: the same shapes beside these rules
_HELD_EXACT = [
    ("J. Banks said", "[name] said"),
    ("her social worker N. Toms said", "her social worker [name] said"),  # a role before it says so
    ("Baby O was born early", "Baby [name] was born early"),
    ("Baby RT's mother", "Baby [name]'s mother"),
    ("Child Jayden said", "Child [name] said"),
    ("Woodley Medical Practice", "[place]"),
    ("Dr Okafor at Hellesdon Medical Practice", "Dr [name] at [place]"),
    # round 51: an author-year citation names the authors of a work cited, no one in a case (was "([name], 2019)")
    ("the report (Okafor, 2019) said", "the report (Okafor, 2019) said"),
    ("Jane Okafor, 14 March 2023", "[name], [date of birth]"),  # no byline: a date after a name is a birth's
    ("Tyler, 03/04/2016", "[name], [date of birth]"),
    ("By Jane Okafor, born 3 April 2016", "By [name], born [date of birth]"),
    ("a 15-year-old girl", "a [age] girl"),
    ("two 15-year-old girls were arrested", "two [age] girls were arrested"),  # a count of people
    # round 45: the class of girls that age, no one's age (no owner, count or "the" picks out a few)
    ("15-year-old girls are at risk", "15-year-old girls are at risk"),
    ("12 St Ives Road", "[address]"),
    ("St Mary's Primary", "[place]"),
    ("St John said", "St [name] said"),  # a given name after "St"
    ("Tel: 01274 432227", "Tel: [phone]"),
    ("Treasurer Jackie Okafor said it.", "Treasurer [name] said it."),
    ("RT said it", "[name] said it"),
]

# Kept on main as now
_KEPT = [
    "Plan B. Toms were sold",
    "We chose option B. Toms were sold",
    "so did I. Books were sold",
    "A. Background\nB. Findings",
    "A. Staff were supported more.",  # a transcript's answer
    "he got an A. Books were fine.",
    "services in N. Yorkshire",
    "Child A's mother",
    "Child AB's mother",
    "A bruise was seen on Baby 1 two months before. Baby 2 was in the care of their father.",
    "we use Relational Practice",
    "for 10- to 11-year-olds",
    "figures for 2019/20",
    "the ratio was 0113/5",
    "the Conservatives said",
    "Option B, 12, was chosen.",
]

# Still open (measured when written); strict, so closing one is seen. Round 44 closed the one written here (moved to
# _RED_TEAM above).
_OPEN: list[tuple[str, str]] = []

test_this_rounds_forms_are_redacted_exactly = _rounds.exact(_RED_TEAM + _HELD_EXACT)
test_words_that_look_like_these_are_kept = _rounds.kept(_KEPT)
test_forms_left_open = _rounds.left_open(_OPEN, move_to="_RED_TEAM")

test_the_counts_are_as_written = _rounds.counted(_RED_TEAM, _HELD_EXACT, _KEPT, _OPEN, counts=(35, 20, 16, 0))

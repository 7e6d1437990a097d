"""Forty-second red-team round: the forms seen after round 41 closed as classes, and forms read from public minutes,
case review summaries and sector press.

The forms seen after round 41: a place's name alone ("Woodley" gave "[name]"): a word no list knows, shaped as English
place names end, that is the whole text or opens a text of such words listed (a cell, a field), is a place; said of a
person ("Woodley said no") or beside a name no place is shaped as ("Ashworth, Okafor and Smith") it stays a name.
Numbered bodies' labels ("(LA1 and LA2)" gave "([postcode] and [postcode])"): a postcode district's shape in capitals
is a label after the words whose initials its letters are ("two local authorities (LA1 and LA2)", "a local authority,
LA3,"), or listed with others of its letters numbered from one ("LA1, LA2 and LA3", "schools S1 and S2"), unless
something before or after the list says a district is meant ("she moved from LS1 and LS2", "she lives in LA1"). A
family named by its surname before its home ("the Smith home" was kept): a leak, decided by the rule the user guide
states ("a family by its surname ... is redacted"), as "the Smith family" and "the Okafor home" already were; "the
White House", a building's name, is another matter.

Forms of public text (the sentences here are written anew on their shapes, with other names): posts joined by a
hyphen after a name in minutes ("K Brannock Co-opted Member" gave "[name] Member", "Jane Okafor Vice-Chair" "[name]");
a post in two words after a name ("Jane Okafor Vice Chair" gave "[name] Chair"); a prefix joined by a hyphen is no
name's ("the Pre-Election Period", "the Co-opted Member" gave "the [name]"); a capital "A" after a word in lower case
before a surname that is a word is its initial ("I spoke to A Smith yesterday" was kept); a noun English makes of a
verb with "-ee" is a word ("Attendees:" gave "[name]:"); a listed surname that ends a title after a group's plural
and a small word ("Children in Care" with Will Care listed gave "Children in [name]"); an age in the plural after a
word taking a class of people or after another age listed is a group's ("services for 11-year-olds", "(10- and
11-year-olds)" gave "[age]"), as round 40 made a range's; a house number, a verb in lower case and "St" before a
capitalised name are an age and a saint's school, no address ("Her brother, 7, attends St Mary's Primary" gave "Her
brother, [place]."); a public term that is a given name too opens a name before a surname or a word no list knows ("our
Independent Chair, Reg Hookway states" gave "Reg [name]"; "Reg Plate" is kept).

A child's label in a review ("Child A", "Child Q and Child R") is decided as anonymised already: kept, as
``impact.privacy._redact._REVIEW_LABEL_RE`` keeps it.

Each text is redacted with the stress names listed and with none (``_rounds``).
"""

from __future__ import annotations

from . import _rounds

# Each was redacted wrongly on main (what main gave beside each), exact now.
_RED_TEAM = [
    # a place's name alone, or places' names listed alone
    ("Woodley", "[place]"),  # was '[name]'
    ("Hellesdon.", "[place]."),  # was '[name].'
    ("Woodley, Earley and Twyford", "[place], [place] and [place]"),  # was '[name], [name] and [name]'
    # numbered bodies' labels
    ("transfer between two local authorities (LA1 and LA2)",
     "transfer between two local authorities (LA1 and LA2)"),  # was '([postcode] and [postcode])'
    ("(LA1 and LA2)", "(LA1 and LA2)"),  # was '([postcode] and [postcode])'
    ("LA1, LA2 and LA3 were compared", "LA1, LA2 and LA3 were compared"),  # was '[postcode], [postcode] and ...'
    ("a local authority, LA3, was slow", "a local authority, LA3, was slow"),  # was 'a local authority, [postcode], ...'
    ("the local authority (LA2) said", "the local authority (LA2) said"),  # was '([postcode]) said'
    ("LA1/LA2", "LA1/LA2"),  # was '[postcode]/[postcode]'
    # a family's home after its surname
    ("the Smith home was visited", "the [name] home was visited"),  # was kept
    ("the Smith house", "the [name] house"),  # was kept
    # posts after a name in minutes, joined by a hyphen or in two words
    ("Apologies were received from K Brannock Co-opted Member.",
     "Apologies were received from [name] Co-opted Member."),  # was '[name] Member.'
    ("Apologies: J Okafor (Co-opted Member)", "Apologies: [name] (Co-opted Member)"),  # was '([name] Member)'
    ("Jane Okafor Vice-Chair", "[name] Vice-Chair"),  # was '[name]'
    ("Jane Okafor Co-Chair", "[name] Co-Chair"),  # was '[name]'
    ("Jane Okafor Vice Chair", "[name] Vice Chair"),  # was '[name] Chair'
    ("Tom Bishop Vice Chair", "[name] Vice Chair"),  # was '[name] Chair'
    ("Jane Okafor Sub-Committee Chair", "[name] Sub-Committee Chair"),  # was '[name] Chair'
    ("the Co-opted Member said", "the Co-opted Member said"),  # was 'the [name] Member said'
    ("could not be published during the Pre-Election Period",
     "could not be published during the Pre-Election Period"),  # was 'during the [name]'
    # a capital "A" after a word in lower case, before a surname that is a word
    ("I spoke to A Smith yesterday", "I spoke to [name] yesterday"),  # was kept
    ("Apologies were received from A Banks.", "Apologies were received from [name]."),  # was kept
    # a noun of one who is so done by, made with "-ee"
    ("Attendees:\nJane Okafor", "Attendees:\n[name]"),  # was '[name]:\n[name]'
    ("Invitees: Jane Okafor and Tom Brennick", "Invitees: [name] and [name]"),  # was '[name]: [name] and [name]'
    # an age in the plural after a word taking a class of people, or after another age listed: a group's
    ("services for 11-year-olds", "services for 11-year-olds"),  # was 'services for [age]'
    ("children in year six (10- and 11-year-olds)", "children in year six (10- and 11-year-olds)"),  # '(10- and [age])'
    ("for 10- to 11-year-olds", "for 10- to 11-year-olds"),  # was 'for 10- to [age]'
    ("no bed and breakfast for homeless 16 and 17 year olds",
     "no bed and breakfast for homeless 16 and 17 year olds"),  # was 'homeless 16 and [age]' (a gold sentence's shape)
    # a figure, a verb in lower case and a saint's "St" before a name: an age and a school, no house on a street
    ("Her brother, aged 7, attends St Mary's Primary.",
     "Her brother, aged [age], attends [place]."),  # was 'Her brother, aged [place].'
    ("Her brother, 7, attends St Mary's Primary.", "Her brother, [age], attends [place]."),  # was 'Her brother, [place].'
    # a public term that is a given name too, before a surname or a word no list knows
    ("our Independent Chair, Reg Hookway states:", "our Independent Chair, [name] states:"),  # was 'Reg [name] states:'
    ("Reg Smith said", "[name] said"),  # was 'Reg [name] said'
    # a listed surname ending a title after a group's plural ("Will Care" is a stress name)
    ("The Head of Service for Children in Care agreed.",
     "The Head of Service for Children in Care agreed."),  # was 'Children in [name]' with the stress names
    # left open by this round, closed by round 43 (tests/hostile/test_pii_round43.py)
    ("N. Toms said", "[name] said"),  # was kept: an initial with its dot before a word that is an English plural
    ("Baby ES's father was not seen.", "Baby [name]'s father was not seen."),  # was kept: initials an acronym too
    ("Leeds Relational Practice was cited.", "[council] Relational Practice was cited."),  # was '[place] was cited.'
]

# Redacted so on main as now: the same shapes beside these rules
_HELD_EXACT = [
    ("Woodley said no", "[name] said no"),  # said of a person
    ("I met Woodley", "I met [name]"),
    ("Ashworth, Okafor and Smith", "[name], [name] and [name]"),  # a name no place is shaped as among them
    ("Bradley", "[name]"),  # a first name
    ("Okafor", "[name]"),
    ("she lives in LA1", "she lives in [postcode]"),
    ("she moved from LS1 and LS2", "she moved from [postcode] and [postcode]"),
    ("LS6 and LS7", "[postcode] and [postcode]"),  # not numbered from one
    ("the Okafor home", "the [name] home"),
    ("the Hellesdon home was inspected", "the [place] home was inspected"),
    ("Jane Okafor Deputy Chair", "[name] Deputy Chair"),
    ("Mrs Nurse said", "Mrs [name] said"),
    ("Councillors J Okafor, T Brown and A Patel", "Councillors [name], [name] and [name]"),
    ("I spoke to J Banks yesterday", "I spoke to [name] yesterday"),
    ("her 11-year-olds", "her [age]"),  # an owner's: her children's age
    ("two 15-year-olds were arrested", "two [age] were arrested"),  # a count of people
    ("she is 10 or 11 years old", "she is [age]"),
    ("she lives at 7 Church St", "she lives at [address]"),
    ("she lives at 12 High St Leeds", "she lives at [address] [council]"),
    ("she lives at 12 hill st", "she lives at [address]"),
    ("the Reg number was YX62 ABC", "the Reg number was [vehicle registration]"),
]

# Kept on main as now
_KEPT = [
    "we spoke to A Level students",
    "support from A Better Start",
    "the Polish home",
    "Child A and Child B were known to services",
    "schools S1 and S2 took part",
    "Talked of Care yesterday.",
    "Reg Plate",
    "Reg Number",
]

# Still open (measured when written); strict, so closing one is seen. Round 43 closed the three written here (moved to
# _RED_TEAM above).
_OPEN: list[tuple[str, str]] = []

test_this_rounds_forms_are_redacted_exactly = _rounds.exact(_RED_TEAM + _HELD_EXACT)
test_words_that_look_like_these_are_kept = _rounds.kept(_KEPT)
test_forms_left_open = _rounds.left_open(_OPEN, move_to="_RED_TEAM")

test_the_counts_are_as_written = _rounds.counted(_RED_TEAM, _HELD_EXACT, _KEPT, _OPEN, counts=(36, 21, 8, 0))

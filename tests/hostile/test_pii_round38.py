"""Thirty-eighth red-team round: round 37's open forms closed as classes, and forms read from public minutes and press.

The open forms closed: an English word capitalised alone on the line after a sign-off is who signed, unless a word that
stands there for no one (a function word or an adverb, those written to, a relation, a team or a service, a plural, an
abstract noun: "Cheers\\nAll", "Regards\\nAdmin", "Love\\nAlways" kept); capitalised words after a preposition are a
person's, not a place's, set off before a role, as a given name and a surname after "of", or after an initial ("the
funeral of Tyreese Mbeki", "a question from R Smithson"); a country's letters, dotted or closed up, are no initials
("U.S. Smith", "U.K. Okafor", "US Smith said"); a capitalised post ending in a job's word before a name is the post's
("Social Worker Okafor" was "Social [name]"); a listed surname that is a word with a capitalised English word before or
after it is the term's ("Social Care", "Youth Work", "the Care Crisis Review" with Will Care and Will Work listed); a
title's plural is no name's word ("His Majesty's Inspectors Jane Okafor" lost "Inspectors").

Forms of public text (council minutes, inquest and press reports, peer challenge reports; the sentences here are
written anew on their shapes, with other names): a family named by a surname that is a word ("the Smith family", "the
Goldsmith family were known to services" were kept); a district's or a town's council the bundled list does not hold
("Winchester City Council" was "[name] City Council", "Breckland Council" "[place] Council", "East Suffolk Council"
"East [council]"); a partnership's post the English list lacks ("the new role of Independent Scrutineer" was
"[place]"); "am" and "pm" after a figure, the time ("we met at 6:20 pm" was "6:20 [name]").

Each text is redacted with the stress names listed and with none (``_rounds``).
"""

from __future__ import annotations

from . import _rounds

# Each leaked, lost a word or was said as the wrong kind on main (what main gave beside each), exact now.
_RED_TEAM = [
    # a surname that is an English word no list holds, alone on the signer's line
    ("Kind regards,\n\nWheelwright", "Kind regards,\n\n[name]"),  # was kept
    ("Regards\nBlacksmith x", "Regards\n[name] x"),  # was kept
    ("Yours sincerely\n\nGoldsmith\nHis Majesty's Inspector", "Yours sincerely\n\n[name]\nHis Majesty's Inspector"),  # kept
    # a person after a preposition, never the place it would make of them
    ("the funeral of Tyreese Mbeki was held on Friday", "the funeral of [name] was held on Friday"),  # was '[place]'
    ("Members stood in memory of Kacey Brennick, a former foster carer.",
     "Members stood in memory of [name], a former foster carer."),  # was '... in memory of [place], ...'
    ("the family of Jaylen Okafor, a pupil at the school, were told",
     "the family of [name], a pupil at the school, were told"),  # was 'the family of [place], ...'
    ("Question from R Smithson of Whitley Bay", "Question from [name] of [place]"),  # was 'from [place] of [place]'
    # a country's letters, dotted or closed up, before a name
    ("U.K. Okafor rang", "U.K. [name] rang"),  # was 'U.[name] rang'
    ("the U.S.A. Smith said", "the U.S.A. [name] said"),  # was 'the [name] said'
    ("US Smith said so", "US [name] said so"),  # was kept
    ("the USA Okafor said", "the USA [name] said"),  # was 'the [name] said'
    # a capitalised post before a name
    ("Social Worker Okafor rang", "Social Worker [name] rang"),  # was 'Social [name] rang'
    ("Family Support Worker Jane Okafor visited", "Family Support Worker [name] visited"),  # was 'Family [name] visited'
    ("Head Teacher Okafor said", "Head Teacher [name] said"),  # was 'Head [name] said'
    ("the Senior Social Worker Kacey Brennick agreed", "the Senior Social Worker [name] agreed"),  # 'Senior Social [name]'
    # a title's plural before names
    ("His Majesty's Inspectors Jane Okafor and Tom Patel", "His Majesty's Inspectors [name] and [name]"),  # lost the title
    # a family by a surname that is a word
    ("the Smith family moved in", "the [name] family moved in"),  # was kept
    ("the Goldsmith family were known to services", "the [name] family were known to services"),  # was kept
    ("we worked with the Cotton household", "we worked with the [name] household"),  # was kept
    ("the Baker children were seen", "the [name] children were seen"),  # was kept
    # a council the bundled list does not hold, by its own words
    ("Laura Okafor, Chief Executive, Winchester City Council", "[name], Chief Executive, [council]"),  # '[name] City Council'
    ("a leader of Breckland Council said so", "a leader of [council] said so"),  # was '[place] Council'
    ("East Suffolk Council agreed", "[council] agreed"),  # was 'East [council] agreed'
    ("Cherwell District Council agreed", "[council] agreed"),  # was '[name] District Council agreed'
    # left open by this round, closed by round 39: a surname that is a word after a capitalised post, unlisted; an
    # initial's dot that ends the sentence too
    ("Social Worker Bishop rang", "Social Worker [name] rang"),  # was kept
    ("she lived with her partner, Mr E.", "she lived with her partner, Mr [name]."),  # was 'Mr [name]' (the stop lost)
]

# Redacted so on main as now: the same shapes beside these rules
_HELD_EXACT = [
    ("Thanks\nWeaver", "Thanks\n[name]"),
    ("Yours sincerely\n\nLovelace\nSenior HMI", "Yours sincerely\n\n[name]\nSenior HMI"),
    ("a letter from T Okafor of Leeds", "a letter from [name] of [council]"),
    ("Inspectors Okafor and Patel attended", "Inspectors [name] and [name] attended"),
    ("J.S. Smith said", "[name] said"),
    ("A.N. Smith said", "[name] said"),
    ("the Okafor family", "the [name] family"),
    ("Leeds City Council agreed", "[council] agreed"),
    ("North Tyneside Council said", "[council] said"),
]

# Kept on main as now, but the first ten (main: "the new role of [place]", "an [name] was appointed", "the [name] said
# so", "[name]"; with Will Care and Will Work listed, "Many thanks\nSocial [name]", "Children's Social [name] said",
# "Youth [name] matters", "the [name] Crisis Review"; "at 6:20 [name]", "2-4 [name]")
_KEPT = [
    "the new role of Independent Scrutineer",
    "an Independent Scrutineer was appointed",
    "the Independent Scrutineer said so",
    "USA Today",
    "Many thanks\nSocial Care",
    "Children's Social Care said",
    "Youth Work matters",
    "the Care Crisis Review",
    "we met at 6:20 pm",
    "the meeting is 2-4 pm",
    # words alone after a sign-off that are no one's name
    "Cheers\nAll",
    "Thanks\nEveryone",
    "Regards\nTeam",
    "Regards\nAdmin",
    "Thanks\nReception",
    "Regards\nManagement",
    "Cheers\nGuys",
    "Love\nAlways",
    "Thanks\nSorry",
    "Regards\nStaff",
    "Thanks\nAgain",
    # a family's words that are no surname
    "the foster family was great",
    "the Royal Family visited",
    "the Polish family",
    "the Reception children",
    "the Whole Family approach",
    # places after "of", a country's letters alone, a council's estate and tax
    "the Isle of Man",
    "she moved to the USA",
    "the UK Government said",
    "the death of a child",
    "he lives on a council estate",
    "the Council Tax rise",
    # left open by this round, closed by round 39: a listed surname that is a word opening a campaign's name after "the"
    # (with Mark Time listed, was "the [name] to Change campaign")
    "the Time to Change campaign",
]

# Still open when written; closed in round 39 and moved to _RED_TEAM and _KEPT (none is open now).
_OPEN: list[tuple[str, str]] = []

test_this_rounds_forms_are_redacted_exactly = _rounds.exact(_RED_TEAM + _HELD_EXACT)
test_words_that_look_like_these_are_kept = _rounds.kept(_KEPT)
test_forms_left_open = _rounds.left_open(_OPEN, move_to="_RED_TEAM")

test_the_counts_are_as_written = _rounds.counted(_RED_TEAM, _HELD_EXACT, _KEPT, _OPEN, counts=(26, 9, 33, 0))

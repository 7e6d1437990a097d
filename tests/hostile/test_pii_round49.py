"""Forty-ninth red-team round: what is over-redacted.

A people's or a faith's word is what is said of people, not a name: alone and capitalised it was a name when no list
held it ("Irish dancing lessons", "Scottish culture", "the family is Muslim", "He is Christian." gave "[name]"). One that
is no given name is never a name there (after a title, a relation or "called" it still is); one that is a given name too
(Roma, Christian, Sami, Romany; round 48 made them names before a surname) is an adjective before a noun in lower case
("Christian values", "Roma families"), what is said of the subject after a verb of being where the clause ends ("The
family are Roma.", round 48's open form), or one of peoples listed before their people ("Gypsy, Roma and Traveller
families"); it is the person before a verb or a verb with its object ("Christian said", "Christian values his family",
"Roma visits the school") and after a demonstrative ("This is Christian."). A people's word in the plural is the people
("For Christians, our role is").

A form's label for one who does something, a word English makes of a verb it holds with "-er" or "-or" and no list holds
("Referrer", "Safeguarder"), opening a line before a colon and a field's value of a few words with no function word but
an article ("Referrer: Ofsted", "Referrer: the police", "Referrer: Jane Smith"), is the label, no transcript speaker's
name: a speaker says a sentence ("Okafor: the police came"). Proper nouns are left out ("Decker", "Webber").

An identifier's number said later in the sentence, after the word for a number or a reference and a few words of when or
of what ("the case no. in 2019 was 12345", "the case number for the older child was 1234567") is a reference; the
identifier's name alone before them is not ("the order for 2019 was 12345" is a count).

A given name no list holds, found in lower case, before a surname that is a word in lower case where the phrase ends is
the name with its surname ("we spoke to roma baker" gave "we spoke to [name] baker", round 48's open form).

Real text checked (the pages corpus): safeguarding partnerships' and charities' pages on Gypsy, Roma and Traveller
families, schools' pages on Christian and British values, NHS referral forms; see the CHANGELOG entry of round 49.

Each text is redacted with the stress names listed and with none (``_rounds``).
"""

from __future__ import annotations

from . import _rounds

# Each was redacted wrongly on main (what main gave beside each where the line allows), exact now.
_RED_TEAM = [
    # a people's or a faith's word that is a given name too, as an adjective, a predicate, or listed with peoples
    ("Christian values", "Christian values"),  # was '[name] values'
    ("their fundamental Christian values.", "their fundamental Christian values."),
    ("Sami language classes", "Sami language classes"),
    ("The family are Roma.", "The family are Roma."),  # round 48's open form; was 'The family are [name].'
    ("He is Christian.", "He is Christian."),
    ("They are both Roma, and live in a caravan.", "They are both Roma, and live in a caravan."),
    ("Gypsy, Roma and Traveller families", "Gypsy, Roma and Traveller families"),  # was 'Gypsy, [name] and ...'
    ("Roma and Sikh children were seen", "Roma and Sikh children were seen"),
    # one that is no given name, and a people's plural
    ("Irish dancing lessons", "Irish dancing lessons"),  # was '[name] dancing lessons'
    ("Muslim values", "Muslim values"),
    ("The family are Jewish.", "The family are Jewish."),
    ("Her father is Sikh and her mother is Hindu.", "Her father is Sikh and her mother is Hindu."),
    ("For Christians, our role is to serve.", "For Christians, our role is to serve."),  # was 'For [name], ...'
    # a form's label for a role before a field's value
    ("Referrer: Ofsted", "Referrer: Ofsted"),  # was '[name]: Ofsted'
    ("Referrer: the police", "Referrer: the police"),
    ("Referrer: a school", "Referrer: a school"),
    ("Referrer: Jane Smith", "Referrer: [name]"),  # was '[name]: [name]'
    ("Referrer: Hollybank School", "Referrer: [place]"),
    ("Outcome: NFA\nReferrer: Ofsted", "Outcome: NFA\nReferrer: Ofsted"),
    # a given name no list holds, in lower case, and a surname that is a word where the phrase ends (round 48's open)
    ("we spoke to roma baker", "we spoke to [name]"),  # was 'we spoke to [name] baker'
    ("we spoke to zorbina baker", "we spoke to [name]"),
    # an identifier's number said later in the sentence
    ("the case no. in 2019 was 12345", "the case no. in 2019 was [reference]"),  # was kept
    ("the case number for the older child was 1234567", "the case number for the older child was [reference]"),
    # left open by this round, closed by round 50 (tests/hostile/test_pii_round50.py): an agent noun no list holds, in
    # lower case after an owner or in a heading (was 'the [name]'s responsibility', 'her [name] rang', 'Section B.
    # [name]'); a people's word after "related to" (was 'related to [place].')
    ("it is the referrer's responsibility", "it is the referrer's responsibility"),
    ("her referrer rang", "her referrer rang"),
    ("Section B. Referrer Details", "Section B. Referrer Details"),
    ("more likely to be related to Roma.", "more likely to be related to Roma."),
]
# Redacted so on main as now: the same shapes beside these rules
_HELD_EXACT = [
    ("Christian values his family", "[name] values his family"),
    ("Roma visits the school", "[name] visits the school"),
    ("This is Christian.", "This is [name]."),
    ("I spoke to Christian", "I spoke to [name]"),
    ("Christian's mum", "[name]'s mum"),
    ("Roma and Jane came", "[name] and [name] came"),
    ("her son Christian", "her son [name]"),
    ("Okafor: the police came", "[name]: the police came"),
    ("her case number on mosaic is 1234567", "her case number on mosaic is [reference]"),
]
# Kept on main as now
_KEPT = [
    "the order for 2019 was 12345",
    "the case in 2019 was 12345",
    "English lessons",
    "The children are British citizens",
    "we told the safeguarder about it",
    "the roma community",
]
_OPEN: list[tuple[str, str]] = []

test_this_rounds_forms_are_redacted_exactly = _rounds.exact(_RED_TEAM + _HELD_EXACT)
test_words_that_look_like_these_are_kept = _rounds.kept(_KEPT)
test_forms_left_open = _rounds.left_open(_OPEN, move_to="_RED_TEAM")

test_the_counts_are_as_written = _rounds.counted(_RED_TEAM, _HELD_EXACT, _KEPT, _OPEN, counts=(27, 9, 6, 0))

"""Sixty-fourth red-team round: what a published quote may carry, written new in the voices of council staff, social
workers, parents and young people; every detail invented.

A quote is published when :func:`impact.privacy.redact` has redacted it and :func:`impact.privacy.assess_quote` finds
no sign of a detail left (``_published`` below: the report's gate, ``redact_series`` then ``assess_quotes``).  The
sweep ran 229 new lines: names of many origins in lower case, with hyphens, apostrophes and particles (O'Neill,
Ní Bhriain, al-Hashimi, Adebayo-Okonjo, Brzęczyszczykiewicz, Zhang), initials, nicknames, names after titles and in
possessives, e-mail addresses and phone numbers in words or spaced, postcodes in parts, dates of birth in words, a
school and a street next to a child, case, NHS and NI numbers, a child's age with a rare condition, people known by a
post one person holds, and the words Will, Grace, Hope, Mark, Bill, May and Joy used as words.  Most were redacted
right on main; what was not, each a class closed by its form:

* a postcode's inward part said apart from its district later in the sentence ("LS6 and then 2AB", "starts BD7 and
  ends 3QT") was left; an ordinal's or a unit's letters after a district stay ("the 3rd", "6ft");
* a given name that is a word, capitalised opening a sentence and joined by "and" or a comma to a person found right
  after it ("Grace and Hope came", "Bill and Mark from the DfE came") was left, its partner redacted; a month or a
  function word is no such name ("May and June were the busiest months");
* letters in capitals said to be initials ("initials AB and JS", "the initials on the form were KT, DR") were left,
  one or both;
* a school's kind without "school" set off after a child's year group ("Priya (Year 10, Oakwood High) said") was left;
* a given name that is an English word, after an article and before a word in lower case, is the noun ("a May review",
  "a Grace period", "the Bill was passed", "A Will was found.", round 63's open form), not "[name]"; a household's
  word or a relative clause after it keeps the person ("the Hope family", "the Grace who ...").

A post one person holds in a council (docs/report-format.md, "Posts one person holds"): named by the speaker as their
own, in any of the ways people say so ("I'm now the interim DCS", "I was appointed chief exec", "I've been the
council's lead member", "I chair the safeguarding partnership", the LADO, the virtual school head, a director for
people), the quote is withheld, as it was for the forms main knew; named beside a person whose name was redacted ("the
Director of Children's Services, Ms [name], came", "[name], our lead member, said"), withheld too, as the post names
whom the redaction hid; named of another alone ("the new Director of Children's Services
arrived") it is kept, a public office spoken of (round 78 withholds "our DCS was off sick", the holder's health); and "as" reporting another's words or listing ("As the DCS said",
"such as the lead member") is no speaker's post (each was withheld on main).

Counts, measured on main (cb1685b5) and now, each text redacted with the stress names listed and with none
(``_rounds``): _RED_TEAM redacted wrongly on main, _HELD_EXACT redacted so on main already; _KEPT_FIXED over-redacted on
main, _KEPT kept on main as now; _OPEN still open (round 65 closed this round's four, moved to _RED_TEAM and
_KEPT_FIXED).
"""

from __future__ import annotations

import pandas as pd
import pytest

from impact.privacy import assess_quotes, redact_series

from . import _rounds
from .test_pii_round3 import _PLACES

# Each was redacted wrongly on main (what main gave beside each, with the stress names listed), exact now.
_RED_TEAM = [
    # a postcode's inward part said apart from its district
    ('She lives in LS6 and then 2AB, near the park.',
     'She lives in [postcode] and then [postcode], near the park.'),  # was '... and then 2AB, ...'
    ('her postcode starts BD7 and ends 3QT', 'her postcode starts [postcode] and ends [postcode]'),  # was '... ends 3QT'
    ('her postcode is M14 then 5tp i think', 'her postcode is [postcode] then [postcode] i think'),  # was '... 5tp ...'
    ('postcode LS6 ... 2AB', 'postcode [postcode] ... [postcode]'),  # was 'postcode [postcode] ... 2AB'
    # a given name that is a word, opening a sentence, joined to a person found after it
    ('Grace and Hope came to the session.', '[name] and [name] came to the session.'),  # was 'Grace and [name] ...'
    ('Bill and Mark from the DfE came.', '[name] and [name] from the DfE came.'),  # was 'Bill and [name] ...'
    ('Rose, Tom and Sadia attended.', '[name], [name] and [name] attended.'),  # was 'Rose, [name] and [name] ...'
    # letters said to be initials
    ('initials AB and JS were on the plan', 'initials [name] and [name] were on the plan'),  # was '... and JS ...'
    ('the initials on the form were KT, DR', 'the initials on the form were [name], [name]'),  # was kept
    # a school's kind set off after a child's year group
    ('Priya (Year 10, Oakwood High) said', '[name] (Year 10, [place]) said'),  # was '... Oakwood High) said'
    ('Kai (Y4 - Bramley Juniors) was moved', '[name] (Y4 - [place]) was moved'),  # was '... Bramley Juniors) ...'
    # open until round 65: a word in lower case no list holds after "a 6yo with" is a condition, no name (the quote's
    # gate still withholds the word)
    ('a 6yo with progeria was placed out of county.', 'a [age] with progeria was placed out of county.'),  # was '... with [name] ...'
]
# Redacted so on main as now: the sweep's names of many origins and details in many forms, and the counter-cases.
_HELD_EXACT = [
    ("I spoke to siobhan o'neill about the placement.", 'I spoke to [name] about the placement.'),
    ('Aoife Ní Bhriain from the fostering team was brilliant.', '[name] from the fostering team was brilliant.'),
    ('Then Bilal al-Hashimi from commissioning joined.', 'Then [name] from commissioning joined.'),
    ('Chukwuemeka Adebayo-Okonjo picked him up.', '[name] picked him up.'),
    ('Wojciech Brzęczyszczykiewicz was the IRO.', '[name] was the IRO.'),
    ('li wei was the interpreter', '[name] was the interpreter'),
    ('i seen tayo and femi at the park', 'i seen [name] and [name] at the park'),
    ("Mrs Adeyemi's son is in Year 5.", "Mrs [name]'s son is in Year 5."),
    ('Mr Ó Súilleabháin said', 'Mr [name] said'),
    ('initials: MB/TR', 'initials: [name]/[name]'),
    ('the twins, A.J. and K.J., were moved', 'the twins, [name] and [name], were moved'),
    ('we call her Lil Dee', 'we call her [name]'),
    ('Her email is amina underscore k at yahoo dot co dot uk', 'Her email is [email]'),
    ('ring her on seven seven double oh, nine double oh, one two three', 'ring her on [phone]'),
    ('postcode is L S 6, 2 A B', 'postcode is [postcode]'),
    ('born on the third of March two thousand and fifteen', 'born on [date of birth]'),
    ("she's in year 6 at Thornhill Juniors on Fir Road", "she's in year 6 at [place] on [address]"),
    ('Case: 2021-CP-00417', 'Case: [reference]'),
    ('NI: JT 45 67 89 A', 'NI: [NI number]'),
    ('NHS no. 485 777 3456', 'NHS no. [NHS number]'),
    ('A nine year old with Batten disease in our area.', 'A [age] with Batten disease in our area.'),
    # counter-cases: an ordinal, a size after a district; months joined; a place joined; a household after an article
    ('She lives in LS6 and was 2nd in the queue.', 'She lives in [postcode] and was 2nd in the queue.'),
    ('They moved from BD7 on the 3rd.', 'They moved from [postcode] on the 3rd.'),
    ('in LS6 she is 6ft tall', 'in [postcode] she is 6ft tall'),
    ('Grace and Leeds were mentioned.', 'Grace and [council] were mentioned.'),
    ('the Hope family moved', 'the [name] family moved'),
    ('told her Will was ill', 'told her [name] was ill'),
]
# Kept now, each over-redacted on main (what main gave beside each, with the stress names listed).
_KEPT_FIXED = [
    'We had a May review and it was fine.',  # was 'We had a [name] review ...'
    'the May panel agreed it',  # was 'the [name] panel agreed it'
    'The May half term was hard.',  # was 'The [name] half term was hard.'
    'It was a Grace period of two weeks.',  # was 'It was a [name] period ...'
    'the Bill was passed in 2017.',  # was 'the [name] was passed in 2017.'
    'She gave a Hope speech.',  # was 'She gave a [name] speech.'
    # open until round 65: a word-name after a possessive before a plural noun and its verb, after a quantifier before
    # "of", after "the" before the noun of an organisation's work
    'Our May figures were better.',  # was 'Our [name] figures ...'
    'There was little Hope of change.',  # was 'There was little [name] of change.'
    'the Mark Scheme changed',  # was 'the [name] changed'
]
# Kept on main as now: the words of this round's forms used as words.
_KEPT = [
    'May and June were the busiest months.',
    'May I say something?',
    'Will the council fund it?',
    'Mark the date in your diary.',
    'Hope is what the families need.',
    'It was a Joy to work with them.',
    'Bill payments went up.',
    'the initials stand for something',
    'the pupils (Year 9, High ability) said',
    'the High Court said',
]
# Still open (what it should give beside each); strict, so closing one is seen.  Round 65 closed the four this round
# left open, each by its form: moved to _RED_TEAM and _KEPT_FIXED.
_OPEN: list[tuple[str, str]] = []

test_this_rounds_forms_are_redacted_exactly = _rounds.exact(_RED_TEAM + _HELD_EXACT)
test_words_that_look_like_these_are_kept = _rounds.kept(_KEPT_FIXED + _KEPT)
test_forms_left_open = _rounds.left_open(_OPEN, move_to="_RED_TEAM")
test_the_counts_are_as_written = _rounds.counted(_RED_TEAM, _HELD_EXACT, _KEPT_FIXED + _KEPT, _OPEN,
                                                 counts=(12, 27, 19, 0))


# --------------------------------------------------------------------------- posts one person holds
def _published(text: str, names=()) -> bool:
    """Whether the report would publish ``text``: redacted as the report redacts quotes, then judged clean."""
    red, _ = redact_series(pd.Series([text]), names=list(names), places=_PLACES)
    return bool(assess_quotes(red)["publishable"].iloc[0])


# Withheld now, each published on main: the speaker's own post one person holds, said in ways main did not read.
_OWN_POST = [
    "I'm the Corporate Director for People here.",
    "I'm the strategic director for children and families.",
    "I'm now the interim DCS.",
    "I'm currently the cabinet member for children and families.",
    "I was appointed chief exec last year.",
    "I've been the council's lead member for six years.",
    "as the chief exec of the council I welcomed it",
    "I chair the safeguarding partnership.",
    "I'm the LADO so I see every allegation.",
    "I'm the virtual school head.",
    "I'm the head of the virtual school.",
    "I'm the Designated Doctor for the area.",
    "I'm the assistant director for safeguarding.",
]
# Withheld now, each published on main: such a post beside a person whose name the redactor took out.
_POST_BESIDE_NAME = [
    "the Director of Childrens Services, Ms Obi, came",
    "Jane Okafor, our lead member, said it helped.",
    "Our DCS is Mr Adeyemi and he was great.",
    "The chief executive, Dr Nwosu, chaired it.",
]
# Published now, each withheld on main: "as" reporting another's words or listing, no speaker's post.
_AS_ANOTHER = [
    "As the DCS said, it was a good review.",
    "It went just as the chief executive wanted.",
    "partners such as the lead member and the police",
    "as well as the DCS we had the mayor's office",
]
# Published on main as now: a post spoken of alone, posts many hold, one held elsewhere.
_POST_SPOKEN_OF = [
    "The new Director of Children's Services arrived in 2019.",
    "Ofsted told the Chief Executive.",
    "Every DCS I know says the same.",
    "A lead member from another authority visited.",
    "I'm a social worker in the assessment team.",
    "As a team manager I found it useful.",
]


@pytest.mark.parametrize("text", _OWN_POST + _POST_BESIDE_NAME)
def test_a_post_one_person_holds_is_withheld_where_it_points_to_them(text):
    assert not _published(text)
    assert not _published(text, names=_rounds._WORDY)


@pytest.mark.parametrize("text", _AS_ANOTHER + _POST_SPOKEN_OF)
def test_a_post_spoken_of_alone_is_published(text):
    assert _published(text)
    assert _published(text, names=_rounds._WORDY)

"""Thirty-sixth red-team round: the three forms left open closed as classes, and 70 new hostile forms.

The open forms closed: a name in lower case after a preposition, a thing's label between ("Plan B for kacey"; any word
shaped as a given name that no list knows, after "for", "about", "by", "next to" ... where a phrase ends); a job or a
role after a name and "the" is the role, kept ("Dr Jones the Dentist", where "Jones the Milk" stays a nickname by
trade); a town after an address's comma that was found as a name is the address's ("12 Ffordd yr Orsaf, Aberystwyth"
was "[address], [name]"), and so is a word no list knows in lower case there.

Red team (``_RED_TEAM``): 42 forms, each leaked or lost a word before this round (the output before beside each),
exact now: the open forms' neighbours; a surname's particles after a title or opening it in capitals ("Mr van der
Berg", "the Van der Berg children", "Mac an tSaoir"); an age as a range ("14-15 years old", "about 13 or 14", "aged
between 10 and 12", "11-ish"); initials in a meeting's minutes ("K.B. and J.B. attended", "Apologies: J. Williams",
"the child, K B, was seen", "A B" too); a name or initials alone on the line after a sign-off ("Kind regards,\\nDJ"); a
double-barrelled surname wrapped at its hyphen; a given name of five letters in a heading in capitals ("RE: KACEY");
an e-mail's header fields naming people by their address without its domain ("Cc: tyreese.okafor"); a signature's
"Ext"; a sentence that changes from Welsh to English at a comma or a conjunction, whose Welsh verb was taken for a name
("Aeth Jayden i'r ysgol but he didn't stay"), and an English number before "oed".  Words that look like these stay
(``_KEPT``: 16) or were redacted so before (``_HELD_EXACT``: 12); none stays open (``_OPEN``).
"""

from __future__ import annotations

from . import _rounds

_RED_TEAM = [
    # the forms left open by round 35: a lower-case name after a preposition, a thing's label between
    ("we agreed a Plan B for kacey", "we agreed a Plan B for [name]"),  # was kept
    ("there's a plan b for jaylen.", "there's a plan b for [name]."),  # was kept
    # ... a job or a role after a name is the role, kept as roles are ("Jones the Milk" stays a nickname, _HELD_EXACT)
    ("Dr Jones the Dentist", "Dr [name] the Dentist"),  # was 'Dr [name]'
    ("Mrs Price the Teacher said it was fine", "Mrs [name] the Teacher said it was fine"),  # was 'Mrs [name] said ...'
    ("Jones the Butcher came round", "[name] the Butcher came round"),  # was '[name] came round'
    # ... the town after an address's comma is the address's, in Welsh and English, in lower case too
    ("Mae hi'n byw yn 12 Ffordd yr Orsaf, Aberystwyth.", "Mae hi'n byw yn [address]."),  # was '[address], [name].'
    ("Cyfeiriad: 3 Lôn Glas, Bangor", "Cyfeiriad: [address]"),  # was 'Cyfeiriad: [address], [name]'
    ("the address is 4 Heol y Bont, Pont-y-pŵl NP4 5AA", "the address is [address] [postcode]"),  # '[address], [name] ...'
    ("she lives at 12 station road, aberystwyth.", "she lives at [address]."),  # was '[address], aberystwyth.'
    # a word shaped as a given name that no list knows, after a preposition that takes a person
    ("i did it for kacey", "i did it for [name]"),  # was kept
    ("we were worried about tyreese", "we were worried about [name]"),  # was kept
    ("she sat next to kacey in the meeting", "she sat next to [name] in the meeting"),  # was kept
    ("the form was signed by kacey.", "the form was signed by [name]."),  # was kept
    # a surname's particles after a title, or opening it capitalised
    ("Mr van der Berg attended the meeting", "Mr [name] attended the meeting"),  # was kept
    ("mrs de la cruz rang the office", "mrs [name] rang the office"),  # was 'mrs de la [name] rang the office'
    ("the Van der Berg children were seen", "the [name] children were seen"),  # was kept
    ("Mr Mac an tSaoir was there", "Mr [name] was there"),  # was 'Mr [name] an tSaoir was there'
    # an age as a range, or near
    ("he is 14-15 years old", "he is [age]"),  # was 'he is 14-[age]'
    ("she's about 13 or 14", "she's about [age]"),  # was "she's about [age] or 14"
    ("they're aged between 10 and 12", "they're aged between [age]"),  # was kept
    ("he'd be 15 or 16 now", "he'd be [age] now"),  # was "he'd be [age] or 16 now"
    ("they're 11-ish", "they're [age]"),  # was kept
    # initials in a meeting's minutes
    ("K.B. and J.B. attended", "[name] and [name] attended"),  # was kept
    ("Apologies: J. Williams, HV", "Apologies: [name], HV"),  # was 'Apologies: J. [name], HV'
    ("Apologies: J Williams", "Apologies: [name]"),  # was 'Apologies: J [name]'
    ("the child, K B, was seen", "the child, [name], was seen"),  # was kept
    # written open: "A" beside another letter so set off is an initial, not the article (each letter its own token)
    ("the child, A B, was seen", "the child, [name] [name], was seen"),  # was kept
    # a name or initials alone on the line after a sign-off; a surname wrapped at its hyphen
    # the kiss after it is kept since round 37 (was taken for a surname's initial: "Thanks\n[name]")
    ("Thanks\nkacey x", "Thanks\n[name] x"),  # was kept
    ("Kind regards,\nDJ", "Kind regards,\n[name]"),  # was kept
    ("Best wishes,\nkacey", "Best wishes,\n[name]"),  # was kept
    ("Many thanks\nK", "Many thanks\n[name]"),  # was kept
    ("the child was Kacey Brown-\nSmith", "the child was [name]"),  # was '[name]-\nSmith'
    # a given name of five letters in a heading in capitals
    ("RE: KACEY", "RE: [name]"),  # was kept
    ("SUMMARY FOR KACEY AND JAYDEN", "SUMMARY FOR [name] AND [name]"),  # was 'SUMMARY FOR KACEY AND [name]'
    # an e-mail's header fields and a signature's extension
    ("Cc: tyreese.okafor", "Cc: [handle]"),  # was kept
    ("To: j_smith; k.brown", "To: [handle]; [handle]"),  # was 'To: j_smith; [name]'
    ("Kacey Brown | Family Support Worker | Ext 4432", "[name] | Family Support Worker | Ext [phone]"),  # '[name] [phone]'
    # a sentence that changes from Welsh to English: its Welsh verb is a word; an English number before "oed"
    ("Aeth Jayden i'r ysgol but he didn't stay", "Aeth [name] i'r ysgol but he didn't stay"),  # was '[name] i'r ...'
    ("Roedd Kacey wedi bod at y GP, then she went to school",
     "Roedd [name] wedi bod at y GP, then she went to school"),  # was '[name] wedi bod ...'
    ("Mae Jayden yn byw with his nan in Llanelli", "Mae [name] yn byw with his nan in [place]"),  # was '[name] yn byw ...'
    ("Mae'r plant yn hapus, but mum is worried", "Mae'r plant yn hapus, but mum is worried"),  # '[name] plant yn [name], ...'
    ("Roedd hi'n twelve oed", "Roedd hi'n [age]"),  # was kept
]

# Redacted so before and after: the same shapes beside words that are not these
_HELD_EXACT = [
    ("the van Dijks were there", "the van [name] were there"),  # "van" after "the" may be the vehicle ("the van tom drove")
    ("Mrs De Souza rang", "Mrs [name] rang"),
    ("the child, K.B., was seen", "the child, [name], was seen"),
    ("Present: K. Brown, J. Smith", "Present: [name], [name]"),
    ("I spoke to J. Smith", "I spoke to [name]"),
    ("she lives at 12 Station Road, Leeds LS6 2AB", "she lives at [address], [council] [postcode]"),  # a council is said
    ("she lives at 12 Station Road, and she likes it.", "she lives at [address], and she likes it."),
    ("she moved to 12 Station Road, Tuesday last week", "she moved to [address], Tuesday last week"),  # a day, no town
    # a capitalised town no detector finds is kept as before, as a public body's address names a city ("Smith Square,
    # London" in tests/test_privacy_redact.py's real prose)
    ("she lives at 12 Station Road, Bath.", "she lives at [address], Bath."),
    ("Jones the Milk came round", "[name] came round"),  # a nickname by trade, not a job
    ("we saw Mr Evans the Social Worker", "we saw Mr [name] the Social Worker"),
    # a group of any number: its range was left as it was found, the age after it redacted ("homeless 16-[age]"); kept
    # whole since round 40, the ages of a group being no one's age
    ("homeless 16-17 year olds", "homeless 16-17 year olds"),
]

_KEPT = [
    "it was hard for everyone",
    "we were worried about funding",
    "the report was signed by cabinet.",
    "the peer challenge programme for seslip and explored",  # an acronym in lower case: no given name's last letter
    "user surveys for youchoose and knowledge hub",  # two English words run together
    "she welcomed the input from stakeholders on the new version",  # an English word's plural
    "from april, there will be more social workers",
    "we're meeting on friday, then again for monday",
    "it took 14 or 15 minutes",
    "Thanks\nThe meeting then closed.",
    "Thanks\nwe will review it next week",
    "To: the team",
    "To: e.g. the team",
    "the dentist said it was fine",
    "we went with Plan B for now",
    "we used Plan B. It worked",
]

# Still leaking (measured when written); strict, so closing one is seen.  Written open with "A" beside another letter
# set off after a role ('the child, A [name], was seen'), closed in this round (now in ``_RED_TEAM``).
_OPEN: list[tuple[str, str]] = []


test_this_rounds_forms_are_redacted_exactly = _rounds.exact(_RED_TEAM + _HELD_EXACT)


test_words_that_look_like_these_are_kept = _rounds.kept(_KEPT)

test_the_counts_are_as_written = _rounds.counted(_RED_TEAM, _HELD_EXACT, _KEPT, _OPEN, counts=(42, 12, 16, 0))


test_forms_left_open = _rounds.left_open(_OPEN, move_to="_RED_TEAM")

"""Thirty-seventh red-team round: round 36's open forms closed as classes, and forms read from public minutes and press.

The open forms closed: the line after a sign-off (a letter's "Yours sincerely" too, blank lines between) is who signed
when all of it is a name's shape, "A" and "I" as initials there ("Kind regards,\\nA", "Thanks\\nI Okafor"); a kiss after
a signed name is kept ("Thanks, Kacey x" was "Thanks, [name]"); a thing's letter after the word it labels, and dotted
letters spelling an acronym or, after an article, a word, are no initials ("Plan B. Smith rang", "from the U.S. Smith
said"); a colour before a thing "a" names is the thing's ("a silver Corsa" was "a silver [name]").

Forms of public text (council minutes, Ofsted and partnership pages, sector press; the sentences here are written
anew on their shapes, with other names): minutes' plural titles and lists of initials ("Cllrs K Okafor, A Brennan and
M Goldsmith attended" leaked the last two); a post's capitalised words after a name are the post's ("Contact: Jane
Okafor  Senior Democratic Services Manager" lost "Senior Democratic"); a title's word after a first name is the
surname ("Tania Lord said"); the press's "says Freeman."; an age listed after a comma is a number, never the "a" that
opens what is said next ("aged 20, a trainer"); the authors a reference or a citation names before its year ("Easton,
C., Martin, K. and Walker, F. (2012)" left the initials and two surnames).

Each text is redacted with the stress names listed and with none (``_rounds``).
"""

from __future__ import annotations

from . import _rounds

# Each leaked or lost a word on main (what main gave beside each), exact now.
_RED_TEAM = [
    # the line after a sign-off: initials, "A" and "I" among them, a surname that is a word; a letter's sign-off
    ("Kind regards,\nA", "Kind regards,\n[name]"),  # was kept
    ("Thanks\nI", "Thanks\n[name]"),  # was kept
    ("Many thanks,\nO x", "Many thanks,\n[name] x"),  # was kept
    ("Kind regards,\nA Okafor", "Kind regards,\n[name]"),  # was kept
    ("Thanks\nI Okafor", "Thanks\n[name]"),  # was 'Thanks\nI [name]'
    ("Kind regards,\nA B", "Kind regards,\n[name]"),  # was kept
    ("Best wishes,\nSmith", "Best wishes,\n[name]"),  # was kept
    ("Yours sincerely,\n\nA Patel\nSenior HMI", "Yours sincerely,\n\n[name]\nSenior HMI"),  # was kept
    ("Yours faithfully\nMason", "Yours faithfully\n[name]"),  # was kept
    # a kiss after a signed name is no surname's initial
    ("Thanks, Kacey x", "Thanks, [name] x"),  # was 'Thanks, [name]'
    ("Kind regards\nKacey Brown x", "Kind regards\n[name] x"),  # was 'Kind regards\n[name]'
    # a thing's letter after the word it labels, an abbreviation's dotted letters after an article
    ("we agreed Plan B. Smith rang later", "we agreed Plan B. [name] rang later"),  # was 'Plan [name] rang'
    ("Section A. Jones wrote it", "Section A. [name] wrote it"),  # was 'Section [name] wrote it'
    ("they moved from the U.S. Smith said it was fine", "they moved from the U.S. [name] said it was fine"),  # the [name]
    # minutes: plural titles, initials listed with names, "A" in capitals mid-sentence an initial
    ("Cllrs K Okafor, A Brennan and M Goldsmith attended as substitutes.",
     "Cllrs [name], [name] and [name] attended as substitutes."),  # was '[name], A Brennan and M Goldsmith ...'
    ("Councillors J Okafor, T Brown and A Patel were present.",
     "Councillors [name], [name] and [name] were present."),  # was '... and A Patel were present.'
    ("Apologies were received from Cllrs K Okafor and J Smith.",
     "Apologies were received from Cllrs [name] and [name]."),  # was 'from [place] and [name].'
    ("Drs K Okafor and A Patel attended", "Drs [name] and [name] attended"),  # was '[name] and A Patel attended'
    ("we met Kacey and A Smith", "we met [name] and [name]"),  # was 'we met [name] and A Smith'
    # a post's or a body's capitalised words after a name
    ("Contact: Jane Okafor  Senior Democratic Services Manager",
     "Contact: [name]  Senior Democratic Services Manager"),  # was 'Contact: [name] Services Manager'
    ("Tania Brennick Overview & Scrutiny Support Officer",
     "[name] Overview & Scrutiny Support Officer"),  # was '[name] & Scrutiny Support Officer'
    ("Bill Okafor, development officer, National Youth Agency",
     "[name], development officer, National Youth Agency"),  # was '..., [name] Agency'
    ("Kacey Brown Senior Social Worker", "[name] Senior Social Worker"),  # was '[name] Social Worker'
    # a title's word after a first name is the surname
    ("we thanked Tania Lord for her work", "we thanked [name] for her work"),  # was '[name] Lord for her work'
    ("Tania Lord, Clare Okafor and Caroline Sharp", "[name], [name] and [name]"),  # was '[name] Lord, ...'
    # the press's order: the verb of saying, then who said it
    ("'It doesn't matter,' says Freeman.", "'It doesn't matter,' says [name]."),  # was kept
    ("It matters, said Baker, director of services.", "It matters, said [name], director of services."),  # was kept
    # an age listed after a comma is a number ("a" opens what is said next), "a half" goes with it
    ("Kayleigh, aged 20, a trainer, said so", "[name], aged [age], a trainer, said so"),  # was 'aged [age] trainer'
    ("she is aged 2 and a half", "she is aged [age]"),  # was 'she is aged [age] half'
    # authors as a reference or a citation names them before the year: surnames with their initials, or joined
    ("Easton, C., Martin, K. and Walker, F. (2012) The impact of peer review.",
     "[name], [name] and [name] (2012) The impact of peer review."),  # was '[name], C., Martin, K. and Walker, F. ...'
    ("Rees, G., Gorin, S. and Stein, M. (2010) Safeguarding Young People.",
     "[name], [name] and [name] (2010) Safeguarding Young People."),  # was '[name], G., [name], S. and Stein, M. ...'
    ("Martin and Jeffes, 2011", "[name] and [name], 2011"),  # was 'Martin and [name], 2011'
    # left open by this round, closed by round 38: a surname that is an English word no list holds as a surname, alone
    # on the signer's line; a person's death "of" a name; dotted letters of a country with no article before them
    ("Regards\n\nGoldsmith", "Regards\n\n[name]"),  # was kept
    ("advised Members of the death of Kacey Okafor, a social worker.",
     "advised Members of the death of [name], a social worker."),  # was '... the death of [place], a social worker.'
    ("U.S. Smith said so", "U.S. [name] said so"),  # was '[name] said so'
]

# Redacted so on main as now: the same shapes beside these rules (a nickname by trade and a role after a name are read
# from one match of what follows the name)
_HELD_EXACT = [
    ("Best,\nT Okafor", "Best,\n[name]"),
    ("Love, Jayden xx", "Love, [name] xx"),
    ("Kind regards,\nDJ", "Kind regards,\n[name]"),
    ("J.S. Smith said", "[name] said"),
    ("Cllr A Patel chaired the meeting", "Cllr [name] chaired the meeting"),
    ("the children, aged 12, 14 and 15, were seen", "the children, aged [age], were seen"),
    ("Jones the Milk came round", "[name] came round"),
    ("Jones the Butcher came round", "[name] the Butcher came round"),
    ("Mrs Price the Teacher said it was fine", "Mrs [name] the Teacher said it was fine"),
    ("she drives a silver Corsa", "she drives a [detail]"),  # a person by what they drive, as "the yellow mini"
    ("it was the best\nSmith came", "it was the best\n[name] came"),
]

# Kept on main as now, but the first six (main: "a silver [name] was parked outside", "a blue [name]", "a black
# [name]"; "Thanks\n[name] this helps", "[name] my words", "[name] do": the line after a sign-off was joined to it as a
# name wrapped, where it is read whole now)
_KEPT = [
    "a silver Corsa was parked outside",
    "they came in a blue Astra",
    "he bought a black Maserati",
    "Thanks\nHope this helps",
    "Thanks\nMark my words",
    "Thanks\nWill do",
    "Thanks\nA lot of people came",
    "Cheers\nAll",
    "Love\nMum",
    "Regards\nThe Team",
    "thanks\nwill do",
    "Many thanks\n\nThe Safeguarding Team",
    "we used Plan B. It worked",
    "Part B and C said no",
    "Life As A Child",
    "she got an A and a B",
    "the pupils took GCSEs and A Levels",
    "National Youth Agency",
    "she said Friday.",
    '"It\'s fine," she said.',
    "he said Sorry.",
    "love to her daughter x",
    # a year after a comma or in brackets after words that are no one's name
    "the Care Act, 2014 applies",
    "in March, 2019 we met",
    "By Christmas, 2020 it was done",
    "Ofsted, 2019",
    "as the Children and Families Act (2014) says",
    "Signs of Safety, 2016",
]

# Still open when written; closed in round 38 and moved to _RED_TEAM (none is open now).
_OPEN: list[tuple[str, str]] = []

test_this_rounds_forms_are_redacted_exactly = _rounds.exact(_RED_TEAM + _HELD_EXACT)
test_words_that_look_like_these_are_kept = _rounds.kept(_KEPT)
test_forms_left_open = _rounds.left_open(_OPEN, move_to="_RED_TEAM")

test_the_counts_are_as_written = _rounds.counted(_RED_TEAM, _HELD_EXACT, _KEPT, _OPEN, counts=(35, 11, 28, 0))

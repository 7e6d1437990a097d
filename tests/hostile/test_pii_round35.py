"""Thirty-fifth red-team round: every form left open closed as a class, and 62 new hostile forms.

All six of the earlier rounds' open forms closed (moved there to ``_OPEN_CLOSED_BY_ROUND_35``,
``_WELSH_CLOSED_BY_ROUND_35``): initials whose second is of a surname with "O'" ("m.o'd"); a letter standing for a
name and the name after "for" ("'k' for kacey"); two letters no list knows joined by underscores to figures and words,
as a file is named ("tj_2019_assessment"); a first name that is a word opening a sentence before a verb, where a second
clause opens so with a name that is a word too ("Hope was there but Faith didn't come"); a Welsh plural's shape on a
stem no list holds, inside a Welsh sentence ("Egwyddorion"); the irregular Welsh verbs' forms ("Ganwyd", was born).

Red team (``_RED_TEAM``): 38 new forms, each leaked or lost a word before this round (the output before beside each),
exact now: Welsh number words as ages, 1 to 20, the tens and the older counting, mutated, before "oed" or said of a
person where the phrase ends ("yn ddeuddeg oed", "yn bedwar ar ddeg oed", "Roedd Osian yn ddeuddeg."); the other
irregular verbs (bod, mynd, dod, cael) opening a Welsh sentence; a Welsh preposition that a first name spells before its
object ("dan oed", "dan ofal"), a noun after the article ("y tîm"), a form's field in Welsh ("Cyfeiriad:"); a verb after
"a friend called" and a place's name; a campaign's hashtag; a word no list knows after what the service makes for
someone and "for" ("a safety plan for kacey"); a patient's record number; an age near ("coming up to 16"); a baby's due
date; a review's label after "call him" ("Child B"); the spelling alphabet ("'c' for charlie"); a nickname by trade
after a name ("Jones the Milk").  Words that look like these stay (``_KEPT``: 18) or were redacted so before
(``_HELD_EXACT``: 6); none stays open (``_OPEN``).
"""

from __future__ import annotations

from . import _rounds

_RED_TEAM = [
    # Welsh number words as ages, before "oed" or said of a person where the phrase ends
    ("Mae hi'n ddeuddeg oed.", "Mae hi'n [age]."),  # was kept
    ("Mae Osian yn naw oed.", "Mae [name] yn [age]."),  # was 'Mae [name] yn naw oed.'
    ("Roedd e'n bedwar ar ddeg oed pan symudodd.", "Roedd e'n [age] pan symudodd."),  # was kept
    ("Mae hi'n ddau ddeg un oed.", "Mae hi'n [age]."),  # was kept
    ("Mae'r babi yn flwydd oed.", "Mae'r babi yn [age]."),  # was kept
    ("Bydd hi'n ddeunaw ym mis Mai.", "Bydd hi'n [age] ym mis Mai."),  # was kept
    ("Roedd Osian yn ddeuddeg.", "Roedd [name] yn [age]."),  # was 'Roedd [name] yn ddeuddeg.'
    ("Mae'r plant dan 18 oed.", "Mae'r plant dan [age]."),  # was "Mae'r plant [name] [age]."
    ("Cafodd ei eni ym mis Mawrth 2012.", "Cafodd ei eni ym mis [date of birth]."),  # was '... ym mis [date].'
    # the irregular Welsh verbs' forms opening a sentence
    ("Ganed hi ar 3 Mawrth 2012.", "Ganed hi ar [date of birth]."),  # was '[name] hi [name] [date of birth].'
    ("Daethon nhw adref yn hwyr.", "Daethon nhw adref yn hwyr."),  # was '[name] nhw adref yn hwyr.'
    ("Aethon ni i'r llys ddoe.", "Aethon ni i'r llys ddoe."),  # was "[name] ni i'r llys ddoe."
    ("Cawson ni gyfarfod ddoe.", "Cawson ni gyfarfod ddoe."),  # was '[name] ni gyfarfod ddoe.'
    ("Buodd hi'n sâl am wythnos.", "Buodd hi'n sâl am wythnos."),  # was "Buodd hi'n [name] am wythnos."
    # a Welsh preposition or a noun after the article that a first name spells; a form's field in Welsh
    ("Mae e dan oed.", "Mae e dan oed."),  # was 'Mae e [name] oed.'
    ("Mae'r plant dan ofal yr awdurdod lleol.", "Mae'r plant dan ofal yr awdurdod lleol."),  # was "... [name] ofal ..."
    ("Mae'r tîm yn ddeg.", "Mae'r tîm yn ddeg."),  # was "Mae'r [name] yn ddeg."
    ("Cyfeiriad: 12 Ffordd yr Orsaf", "Cyfeiriad: [address]"),  # was '[name]: [address]'
    ("Sylwadau: dim", "Sylwadau: dim"),  # was '[name]: dim'
    # a verb after "a friend called" and a place's name in lower case; parallel subjects that are words
    ("a friend called london rang", "a friend called [name] rang"),  # was kept
    ("Faith was there but Hope didn't come", "[name] was there but [name] didn't come"),  # was 'Faith was there ...'
    ("Joy was at the meeting and Grace was too.", "[name] was at the meeting and [name] was too."),  # was 'Joy was ...'
    # initials with an "O'" surname, a letter for a name, a name joined by underscores, a campaign's hashtag
    ("she signed it j.o'c", "she signed it [name]"),  # was kept
    ("i put J for jayden on the form", "i put [name] for [name] on the form"),  # was 'i put J for [name] ...'
    ("the file is called jb_contact_notes", "the file is called [name]_contact_notes"),  # was kept
    ("the campaign hashtag was #justiceforkacey", "the campaign hashtag was #justicefor[name]"),  # was kept
    ("she set up the hashtag #prayforjayden", "she set up the hashtag #prayfor[name]"),  # was kept
    # a word no list knows after what the service makes for someone and "for"
    ("we made a safety plan for kacey", "we made a safety plan for [name]"),  # was kept
    ("the review for lacey-mae is due", "the review for [name] is due"),  # was kept
    # a patient's record number; an age near; a baby's due date, a day and month without a year
    ("her MRN is 00451234", "her MRN is [reference]"),  # was kept
    ("he's coming up to 16", "he's coming up to [age]"),  # was kept
    ("she's going on 12", "she's going on [age]"),  # was kept
    ("the baby's due date is 3 May", "the baby's due date is [date of birth]"),  # was kept
    ("EDD 12/06", "EDD [date of birth]"),  # was kept
    # a review's label after "call him"; the spelling alphabet
    ("I'll call him Child B for the purposes of this", "I'll call him Child B for the purposes of this"),  # '[name] B'
    ("that's 'c' for charlie", "that's 'c' for charlie"),  # was "that's 'c' for [name]"
    # written open, closed in this round: a nickname by trade after a name, as Welsh towns name people
    ("his uncle, Jones the Milk, took him in", "his uncle, [name], took him in"),  # was '[name] the Milk'
    ("Dai the Post said he saw her", "[name] said he saw her"),  # was '[name] the Post said ...'
]

# Redacted so before and after: the same shapes beside words that are not these
_HELD_EXACT = [
    ("Siaradais â dan ddoe.", "Siaradais â [name] ddoe."),  # "dan" before a time is Dan, not "under"
    ("Roedd dan yn sâl.", "Roedd [name] yn sâl."),
    ("Osian: roedd hi yn sâl", "[name]: roedd hi yn sâl"),  # a name before a colon is no form's field
    ("we call her charlie", "we call her [name]"),  # no letter before "for": the name
    ("they shared #RIPTyler on facebook", "they shared #[name] on facebook"),
    ("we saw Tom the Monday after", "we saw [name] the Monday after"),  # a day after "the" is no trade
]

_KEPT = [
    "Maen nhw yr un oed.",  # "yr un oed": the same age
    "Mae'r plant o oed ysgol.",
    "Mae hi'n ddeg o'r gloch.",  # the time of day
    "Mae hi'n un o'r plant.",
    "Roedd y plant yn ddau.",  # a count of things
    "we're coming up to 300 cases",
    "it's coming up to 5 o'clock",
    "the report is due on 14 March",
    "the rent is due on 3 May",
    "the form is cp_2019_review",  # a term of the field joined by underscores
    "we used #teamwork and #loveislove",  # a hashtag of English words
    "#prayforpeace was trending",
    "Hope was lost by then.",  # a word opening a sentence, no name beside it
    "Patience was needed with the family.",
    "it's K for kilo, A for alpha",
    "the hospital was 120 miles away",
    "we need a plan for tomorrow",
    "we had a review for follow-up",
]

# Still leaking (measured when written); strict, so closing one is seen.  Written open with the nickname by trade,
# closed in this round (now in ``_RED_TEAM``).
_OPEN: list[tuple[str, str]] = []


test_this_rounds_forms_are_redacted_exactly = _rounds.exact(_RED_TEAM + _HELD_EXACT)


test_words_that_look_like_these_are_kept = _rounds.kept(_KEPT)

test_the_counts_are_as_written = _rounds.counted(_RED_TEAM, _HELD_EXACT, _KEPT, _OPEN, counts=(38, 6, 18, 0))


test_forms_left_open = _rounds.left_open(_OPEN, move_to="_RED_TEAM")

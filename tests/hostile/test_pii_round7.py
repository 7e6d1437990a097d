"""Seventh red-team round: a first name that is a word, said of a person; a name part mid-phrase or in apposition;
details spelled or worded.

The forms the sixth round left leaking, each a class of writing:

* a first name that is an ordinary word before "is", "was" or "'s" and what
  is said of a person ("Grace was great.", "Tom is lovely with the kids",
  "Hope was my social worker", "Jack's great."), listed or not, and a listed
  surname that is a count noun there ("Bishop was lovely with him"); a virtue
  name ("Grace", "Hope") was kept even when listed, as the word is ("Hope is
  not a strategy");
* a listed name part in lower case after a preposition, with the phrase going
  on ("with marsh and the team", "by bishop in the office", "with marsh who
  knows them");
* a listed name part set off after a role ("the nurse, bishop, came in", "my
  manager - bell - said", "the nurse (bishop) came"), and a title word so set
  off, listed or not ("the nurse, Bishop, came in");
* a house number after "number" or "no." ("lives at number fourteen
  Bramble"; "at number 14 Bramble" left "Bramble"), and a flat's in words;
* an NI number with its prefix letters spaced and no suffix letter ("a b 12 34
  56", "a b one two three four five six"), or with dashes between ("a-b-12-34-
  56-c");
* a postcode or an NI number with its letters said as words or in the
  phonetic alphabet ("ess double-you one a two a a", "sierra whiskey one alpha
  ...", "ay bee one two three four five six see");
* the day of a birth without its month ("she was born on the third", "her
  birthday is on the 21st", "she turned 14 on the third"), and a birthday's
  day and month ("her birthday is on 3 May"); and an age after a contracted
  "will be" or "would be" ("she'll be 15", which "she will be 15" was not).

A day without its month is redacted only as a day of birth or the day an age
is held: an event's day and month are kept ("the review was on 3 May", round
six), so an event's day alone is kept too ("he went missing on the third").

And over-redaction that bench/redaction_gold.py found on the real gold
sentences: field words the word list lacks ("foster carers", "the
inspectorate", "LAs") and, in lower case, a month ("in april 2013").

Each leak is checked on the redacted text normalised independently, and the
same words in ordinary use must stay.  Measured when written: every test below
that checks a leak failed on the code before (counts in the comments); on the
2,740 real gold sentences, see the commits.
"""

from __future__ import annotations

import pytest

from . import _rounds
from ._rounds import _WORDY
from .test_pii_round3 import _left, _redact
from .test_pii_round5 import _alnum, _digits_said
from .test_pii_round6 import parts_kept


def assert_gone(red: str, gone: list[str], token: str) -> None:
    """That none of ``gone`` is left in the letters and digits of ``red``, and ``token`` stands in it."""
    left = [g for g in gone if g in _alnum(red)]
    assert not left and token in red, (red, left)


# A first name said of a person
@pytest.mark.parametrize(("text", "word"), [
    ("Grace was great.", "grace"), ("Hope was brilliant with the families.", "hope"), ("Faith is so supportive.", "faith"),
    ("Joy was amazing, she listened.", "joy"), ("Will was really helpful.", "will"),
    ("It was hard. Grace was great though.", "grace"), ("Grace was on leave that week.", "grace"),
    ("Faith was my social worker.", "faith"), ("Grace is the one who listened.", "grace"),
    ("grace was great.", "grace"), ("Grace, she was great.", "grace"), ("Bishop was lovely with him.", "bishop"),
    ("Marsh is really approachable.", "marsh"),
])
def test_a_listed_name_opening_a_sentence_before_what_is_said_of_a_person_is_the_person(text, word):
    # Measured when written: before, all 13 kept the name
    red = _redact(text, names=_WORDY)
    assert not _left(red, word) and "[name]" in red, red


@pytest.mark.parametrize(("text", "word"), [
    ("Grace was great.", "grace"), ("Tom was great.", "tom"), ("Jack is lovely with the kids.", "jack"),
    ("Hope was really supportive.", "hope"), ("Rose was our family worker.", "rose"), ("Grace, she was brilliant.", "grace"),
    ("Mark was off sick again.", "mark"), ("Honestly, Grace was great.", "grace"), ("Well, Hope was lovely.", "hope"),
    ("Grace? She was great.", "grace"), ("Jack's great.", "jack"), ("Hope was a massive help to us.", "hope"),
    ("Grace was the best social worker we had.", "grace"),
])
def test_an_unlisted_first_name_that_is_a_word_said_of_a_person_is_the_person(text, word):
    # Measured when written: before, all 13 kept the name
    red = _redact(text, names=[])
    assert not _left(red, word) and "[name]" in red, red


# a month, a season or a time of day is great or lovely too: only a predicate said of people alone makes it a person
test_words_that_open_a_sentence_as_words_are_kept = _rounds.kept([
    "Hope is not a strategy.", "Faith was lost.", "Grace is a virtue, they said.", "Hope was high among staff.",
    "Hope is the key.", "Work was great for her.", "Time was great, we had enough.", "Care is really important.",
    "Support was really helpful.", "May was great, June less so.", "Summer was lovely.",
    "Dawn was lovely over the hills.", "King was not the word we used.", "Hope, she said, is not a strategy.",
    "Will is important here.", "Hope is good.", "Hope was the best thing about it.", "Summer was a big help.",
])


# A listed part mid-phrase
_MID_PHRASE = ["we did it with {x} and the team.", "it was signed off by {x} and her manager.",
               "we sent it to {x} and the others", "i wrote it for {x} and his team.", "it came from {x} in the office",
               "we went with {x} who knows the family.", "nobody knew more than {x} and me.",
               "i asked {x} at the meeting", "we sat with {x} on monday", "she came along with {x} to the meeting"]


def test_a_listed_part_after_a_preposition_with_the_phrase_going_on_is_the_person():
    # Measured when written (10 parts x 10 frames): before, all 100 kept the part
    failures, n = parts_kept(_MID_PHRASE, _WORDY)
    assert not failures, f"{len(failures)} of {n}: {failures[:6]}"


@pytest.mark.parametrize("text", [
    "we work with care and the family.", "back to work and the routine.", "she did it with grace and her humour.",
    "from time to time and the odd weekend", "we did it with hope and the will to change.", "a room with king size beds",
    "with mark and will see him", "they came with fox hunting and the like", "from door to door in the rain",
    "she went with mark and will see him",
])
def test_words_after_a_preposition_with_the_phrase_going_on_are_kept(text):
    assert _redact(text, names=[*_WORDY, "Sam Door"]) == text


# A listed part in apposition
@pytest.mark.parametrize(("text", "word"), [
    ("the nurse, bishop, came in", "bishop"), ("our social worker, marsh, was great.", "marsh"),
    ("my manager - bell - said no.", "bell"), ("the nurse (bishop) came in.", "bishop"),
    ("her son, will, is at school.", "will"), ("the health visitor, fox, rang me", "fox"),
    ("i spoke to the nurse, bishop.", "bishop"),
])
def test_a_listed_part_set_off_after_a_role_is_the_person(text, word):
    # Measured when written: before, all 7 kept the part
    red = _redact(text, names=_WORDY)
    assert not _left(red, word) and "[name]" in red, red


def test_a_title_word_set_off_after_a_role_is_a_person_unlisted():
    # Measured when written: before, "Bishop" was kept (a title word is never a name by itself)
    red = _redact("the nurse, Bishop, came in", names=[])
    assert not _left(red, "bishop") and "[name]" in red, red


@pytest.mark.parametrize("text", [
    "we need a manager, time, and money.", "the worker, care, support and housing were all there.",
    "the nurse, however, came in.", "her son, too, was there.", "a social worker, time and a plan",
    "the manager, work and family came first.", "the nurse, Sister, and the doctor",
])
def test_lists_after_a_role_are_kept(text):
    assert _redact(text, names=_WORDY) == text


# A house number after "number"
@pytest.mark.parametrize(("text", "gone"), [
    ("lives at number fourteen Bramble", ["fourteen", "bramble"]),
    ("she lives at number 14 Bramble.", ["14", "bramble"]),
    ("her address is no. 7 Acacia, by the park", ["7", "acacia"]),
    ("they moved into number twenty-two Acacia last year", ["twenty", "acacia"]),
    ("he is staying at number fourteen.", ["fourteen"]),
    ("they live at number fourteen now", ["fourteen"]),
    ("her house number is fourteen", ["fourteen"]),
    ("she lives at flat fourteen Bramble House", ["fourteen", "bramble"]),
])
def test_a_house_number_after_number_is_an_address(text, gone):
    # Measured when written: before, all 8 kept the number or the street's name
    red = _redact(text)
    assert_gone(red, gone, "[address]")


@pytest.mark.parametrize("text", ["we moved to number two in the league table.", "she moved up to number one in the rankings.",
                                  "they live with number one priority status", "they pay a flat five per cent",
                                  "the tyre was flat one day"])
def test_rankings_near_where_someone_lives_are_kept(text):
    assert _redact(text) == text


# An NI number with its prefix spelled out
@pytest.mark.parametrize("text", ["a b 12 34 56", "A B 12 34 56 was on the form", "it said j k 12 34 56 on the letter",
                                  "A. B. 12 34 56", "a-b-12-34-56", "a b 123456 is hers", "a b one two three four five six",
                                  "a b 1 2 3 4 5 6", "a b twelve thirty-four fifty-six", "a-b-12-34-56-c"])
def test_an_ni_number_with_its_prefix_spelled_out_is_redacted_with_or_without_its_suffix(text):
    # Measured when written: before, all 10 kept it (with its suffix, "a b 12 34 56 c" was redacted, "a-b-...-c" not)
    red = _redact(text)
    assert "123456" not in _digits_said(red) and "[NI number]" in red, red


@pytest.mark.parametrize("text", ["in 10 20 30 days", "i a 12 34 56", "plan a 12 34 56", "options a to f, 10 20 30 each",
                                  "x y 12 34 5 and 6"])
def test_letters_and_numbers_that_are_no_ni_number_are_kept(text):
    assert _redact(text) == text


# A postcode or an NI number with its letters said as words
@pytest.mark.parametrize(("text", "gone"), [
    ("the postcode is ess double-you one a two a a", ["sw1a2aa", "esswone"]),
    ("it's ell ess six two ay bee", ["ls62ab", "ellesssix"]),
    ("postcode is sierra whiskey one alpha two alpha alpha", ["sw1a2aa", "sierrawhiskey"]),
    ("she lives in em one, one ay ee", ["m11ae", "emone"]),
    ("they moved to bee dee seven, four ex why", ["bd74xy", "beedeeseven"]),
    ("the post code is ell ess 6 2 ay bee.", ["ls62ab", "elless6"]),
    ("her postcode, double u ay one two bee bee, is on file", ["wa12bb", "doubleuay"]),
    ("they live at why oh one, two ay bee", ["yo12ab", "whyohone"]),
    ("the postcode is oh ex four, one ay bee", ["ox41ab", "ohexfour"]),
    ("Postcode: Ess Double-You One, One Ay Ay.", ["sw11aa", "esswone"]),
    ("post code S W one ay, two ay ay", ["sw1a2aa", "swoneay"]),
])
def test_a_postcode_with_its_letters_said_as_words_is_redacted(text, gone):
    # Measured when written: before, all 11 kept it
    red = _redact(text)
    assert_gone(red.replace("double", ""), gone, "[postcode]")


@pytest.mark.parametrize("text", ["her ni number is ay bee one two three four five six see",
                                  "it's jay kay 12 34 56 dee", "his national insurance is alpha bravo 123456 charlie",
                                  "ay bee twelve thirty-four fifty-six"])
def test_an_ni_number_with_its_letters_said_as_words_is_redacted(text):
    # Measured when written: before, all 4 kept it
    red = _redact(text)
    assert "123456" not in _digits_said(red) and "[NI number]" in red, red


@pytest.mark.parametrize("text", [
    "You see one two three four five six times.",
    "I see you at one, two or three.", "Why are we at one? A team of two.", "Ex pupils are one or two a year.",
    "You see one a day, two a week.", "Are you at one with the plan?", "We are at one, two and three, so why ask?",
])
def test_letter_names_and_numbers_in_ordinary_use_are_kept(text):
    assert _redact(text) == text


# The day of a birth without its month
@pytest.mark.parametrize(("text", "gone"), [
    ("she was born on the third.", ["third"]),
    ("born on the 3rd, the youngest of four", ["3rd"]),
    ("her birthday is on the third", ["third"]),
    ("his birthday's the 21st so we had a party", ["21st"]),
    ("she turned 14 on the third", ["14", "third"]),
    ("she'll be fifteen on the 3rd", ["fifteen", "3rd"]),
    ("born on Tuesday the 3rd", ["tuesday", "3rd"]),
    ("her birthday is on 3 May", ["3may"]),
    ("DOB is the twenty-first", ["twentyfirst"]),
    ("his birthday falls on the 21st", ["21st"]),
])
def test_the_day_of_a_birth_without_its_month_is_a_date_of_birth(text, gone):
    # Measured when written: before, all 10 kept the day
    red = _redact(text)
    assert_gone(red, gone, "[date of birth]")


@pytest.mark.parametrize("text", ["she was born the third of five children.", "he was the third born.",
                                  "the idea was born on the third attempt.", "she was born on the third floor.", "the review is on the third.",
                                  "he went missing on the third."])
def test_days_that_are_no_birth_are_kept(text):
    assert _redact(text) == text


@pytest.mark.parametrize("text", ["she'll be 15 next week", "he'd be twelve now", "Tyler'll be 14 next week"])
def test_an_age_after_a_contracted_will_or_would_is_redacted(text):
    # Measured when written: before, all 3 kept the age ("she will be 15" was redacted)
    red = _redact(text)
    assert "[age]" in red and not any(w in _alnum(red) for w in ("15", "twelve", "14")), red


# Over-redaction of field words and months in lower case.  Measured with bench/redaction_gold.py, which since this
# round also redacts the gold sentences in lower case: "foster carers", "the inspectorate", "LAs" and "Parent Carer
# Forum" were "[name]" in 17 real sentences as written ("carer" and "inspectorate" are in no American word list), and
# a month in lower case ("in april 2013", "since june") in 33 more in lower case. Each case here was redacted before.
@pytest.mark.parametrize("text", [
    "the foster carer said yes.", "Having foster carers with access to expertise helps.", "the inspectorate said no.",
    "the inspectorate's report said so.", "No LAs judged inadequate remain so.", "A member of a Parent Carer Forum came.",
    "our keyworker rang", "the childminder said so.", "the notice was issued in april 2013.",
    "since june the team has grown", "between april and may, it helped", "the 30th june - 2nd july", "on june 25, it met",
])
def test_field_words_and_months_in_lower_case_are_kept(text):
    assert _redact(text, names=[]) == text


@pytest.mark.parametrize("text", ["i asked june about it", "june said it was fine", "her carer Tyler said so"])
def test_a_month_or_a_carer_naming_a_person_is_still_redacted(text):
    assert "[name]" in _redact(text, names=[])

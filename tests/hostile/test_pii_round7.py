"""Seventh red-team round: a first name that is a word, said of a person; a name part mid-phrase or in apposition;
details spelled or worded.

The forms the sixth round left leaking, each a class of writing:

* a first name that is an ordinary word opening a sentence before "is" or
  "was" and what is said of a person ("Grace was great.", "Tom is lovely with
  the kids", "Hope was my social worker"), listed or not, and a listed
  surname that is a count noun there ("Bishop was lovely with him"); a virtue
  name ("Grace", "Hope") was kept even when listed, as the word is ("Hope is
  not a strategy").

Each leak is checked on the redacted text normalised independently, and the
same words in ordinary use must stay.  Measured when written: every test below
that checks a leak failed on the code before (counts in the comments); on the
2,740 real gold sentences, see the commits.
"""

from __future__ import annotations

import pytest

from .test_pii_round3 import _left, _redact
from .test_pii_round6 import _WORDY as _ROUND6_WORDY

_WORDY = [*_ROUND6_WORDY, "Joy Chance", "Grace Case"]


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
    ("Mark was off sick again.", "mark"),
])
def test_an_unlisted_first_name_that_is_a_word_said_of_a_person_is_the_person(text, word):
    # Measured when written: before, all 7 kept the name
    red = _redact(text, names=[])
    assert not _left(red, word) and "[name]" in red, red


@pytest.mark.parametrize("text", [
    "Hope is not a strategy.", "Faith was lost.", "Grace is a virtue, they said.", "Hope was high among staff.",
    "Hope is the key.", "Work was great for her.", "Time was great, we had enough.", "Care is really important.",
    "Support was really helpful.", "May was great, June less so.", "Summer was lovely.", "Dawn was lovely over the hills.",
    "King was not the word we used.", "Hope, she said, is not a strategy.", "Will is important here.",
])
def test_words_that_open_a_sentence_as_words_are_kept(text):
    # a month, a season or a time of day is great or lovely too: only a predicate said of people alone makes it a person
    for names in (_WORDY, []):
        assert _redact(text, names=names) == text

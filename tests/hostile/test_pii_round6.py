"""Sixth red-team round: listed names that are words, standing where only a person can; details in words.

The forms the fifth round left leaking, each a class of writing:

* a listed name part in lower case, bare after a preposition at the end of a
  sentence or clause ("we did the review with marsh.", "it was signed off by
  bishop.", "we sent it to bell."): a singular count noun there needs "the"
  or "a", so the bare word is the person; a word English uses without an
  article stays ("with care.", "made from wood.", "back to work.");
* a listed first name opening a sentence before "is" or "was" ("Tom was
  great."), where it is no word that stands bare as a subject ("Hope is not
  a strategy", "Work was under way", "May was busy"), or where the same text
  names the person elsewhere;
* a listed name part after a role that also qualifies nouns ("nurse bishop
  came", "officer marsh took the call"), not a compound ("officer time").

And over-redaction the fifth round left: a listed part after an article in
capitals ("RANG THE BELL"), a common word after a title used as a noun ("THE
BISHOP SAID"), a time beside a platform ("on whatsapp at 10.30") and a listed
surname that is a mass noun opening a sentence in the passive ("Wood had been
used").

Each leak is checked on the redacted text normalised independently, and the
same words in ordinary use must stay.  Measured when written: every test
below that checks a leak failed on the code before (counts in the comments);
on the 2,740 real gold sentences with 30 stress names listed, see the commit.
"""

from __future__ import annotations

import pytest

from .test_pii_round3 import _LISTED, _left, _redact
from .test_pii_round5 import _alnum

_WORDY = [*_LISTED, "Faith Hope", "Will Work", "Mark Time", "Will Care", "Summer Hall", "May Day"]

_PREPOSITION_ENDS = ["we did the review with {x}.", "it was signed off by {x}.", "the note came from {x}.",
                     "i wrote the summary for {x}!", "we sent it to {x}.", "nobody knew more than {x}.",
                     "i do not agree with {x}; not at all", "the plan was drawn up by {x}, then agreed"]


def test_a_listed_part_bare_after_a_preposition_ending_a_phrase_is_the_person():
    # Measured when written (10 parts x 8 frames): before, all 80 kept the part; now none
    parts = ["bishop", "bell", "marsh", "brook", "fox", "king", "hill", "tom", "mark", "jack"]
    cases = [(frame.format(x=p), p) for p in parts for frame in _PREPOSITION_ENDS]
    failures = [red for text, p in cases if _left(red := _redact(text, names=_WORDY), p)]
    assert not failures, f"{len(failures)} of {len(cases)}: {failures[:6]}"


@pytest.mark.parametrize("text", [
    "handle it with care.", "it was made from wood.", "we did it with hope.", "they went back to work.",
    "we did it for work, not for fun.", "from time to time it helped.", "she stayed in care.", "with grace.",
    "it was done with faith, in the end.", "we had to mark.", "it is hard to sue.", "the deadline moved to may.",
    "she went with mark and will see him", "we work with young people.", "he was there by summer.",
    "they left it to chance.", "we put the children in touch with banks.", "it came with time.",
])
def test_words_that_stand_bare_after_a_preposition_are_kept(text):
    assert _redact(text, names=[*_WORDY, "Rob Banks", "Joy Chance"]) == text


@pytest.mark.parametrize("text", ["Tom was great.", "Mark is the lead now.", "Jack was brilliant with the families.",
                                  "It helped. Bill is still there.", "Rob was at every meeting.",
                                  "Sue is the one to ask.", "Rose was on leave."])
def test_a_listed_first_name_that_no_article_precedes_opening_a_sentence_before_is_or_was_is_the_person(text):
    # Measured when written: before, all 7 kept the name
    red = _redact(text, names=_WORDY)
    word = text.split(". ")[-1].split()[0]
    assert not _left(red, word) and "[name]" in red, red


def test_a_first_name_opening_a_sentence_is_the_person_where_the_text_names_them():
    red = _redact("I met Faith Hope on Monday. Hope was great, and Hope is still there.", names=_WORDY)
    assert not _left(red, "hope") and red.count("[name]") == 3, red


@pytest.mark.parametrize("text", ["Hope is not a strategy.", "Faith was lost.", "Grace is a virtue, they said.",
                                  "Will is a strong word.", "Work was under way.", "May was a busy month.",
                                  "Summer was the busiest time.", "Time was short.", "Care is the heart of it.",
                                  "Work had been done by then.", "Wood had been used for the fence.",
                                  "Time has been short."])
def test_words_that_stand_bare_as_a_subject_are_kept(text):
    # "Wood had been used" was lost to [name] with a Faith Wood listed before
    assert _redact(text, names=[*_WORDY, "Faith Wood"]) == text


@pytest.mark.parametrize("text", ["Bishop had been asked to chair it.", "Marsh has been a great help."])
def test_a_listed_surname_that_is_a_count_noun_before_has_been_is_still_the_person(text):
    red = _redact(text, names=_WORDY)
    assert red.startswith("[name] "), red


@pytest.mark.parametrize(("text", "word"), [
    ("the nurse bishop came to see her.", "bishop"), ("officer marsh took the call.", "marsh"),
    ("inspector bell said no.", "bell"), ("we asked nurse fox.", "fox"), ("then officer king was there", "king"),
    ("the captain brook had left", "brook"),
])
def test_a_listed_part_after_a_role_that_qualifies_nouns_is_the_person(text, word):
    # Measured when written: before, all 6 kept the part
    red = _redact(text, names=_WORDY)
    assert not _left(red, word) and "[name]" in red, red


@pytest.mark.parametrize("text", ["senior officer time was given.", "the nurse rang the bell.", "nurse care was good.",
                                  "officer work was done.", "an inspector king size bed"])
def test_a_role_before_a_noun_it_qualifies_is_kept(text):
    assert _redact(text, names=_WORDY) == text


@pytest.mark.parametrize(("text", "names"), [
    ("RANG THE BELL", ["Grace Bell"]), ("HE RANG THE BELL TODAY", ["Grace Bell"]),
    ("THE BISHOP SAID", []), ("THE BISHOP SAID", ["Tom Bishop"]), ("A WILL WAS FOUND", ["Will Brook"]),
    ("on whatsapp at 10.30", []), ("we were on whatsapp at 10:30 am", []),
    ("Wood had been used.", ["Faith Wood"]),
])
def test_words_in_capitals_times_and_mass_nouns_are_kept(text, names):
    # Measured when written: before, 7 of 8 were redacted in part ("RANG THE [name]", "on whatsapp at [handle]")
    assert _redact(text, names=names) == text


@pytest.mark.parametrize(("text", "names", "gone"), [
    ("BELL SAID IT WORKED", ["Grace Bell"], "bell"), ("I RANG BELL ABOUT IT", ["Grace Bell"], "bell"),
    ("MRS BISHOP SAID SO", [], "bishop"), ("dm her on whatsapp at kaybee2009", [], "kaybee2009"),
    ("THE GRACE BELL REPORT", ["Grace Bell"], "bell"),
])
def test_the_same_forms_naming_a_person_are_still_redacted(text, names, gone):
    red = _redact(text, names=names)
    assert gone not in _alnum(red), red

"""Fourth red-team round: listed names made of ordinary words, in lower case, in the forms round three left.

* a listed name part named together with a person already found ("i met
  marsh and bell", "bishop and marsh said", "with grace and tom on it",
  "i asked marsh, bell and bishop about it");
* a listed full name in lower case after a word that reads as a subject or an
  auxiliary, before a verb of saying ("i think that will brook said");
* a listed name, or part of one, spelled out letter by letter ("r o s e",
  "b-i-s-h-o-p", "t o m b i s h o p").

The same words in ordinary use next to a name stay ("rang the bell and Tom
answered", "met Tom and will see him").  Measured when written: every case
below leaked on the code before; on the 2,740 real gold sentences with 30
stress names listed (Will Work, Faith Hope, Grace Bell ...) not one sentence
is redacted differently.
"""

from __future__ import annotations

import itertools

import pytest

from .test_pii_round3 import _LISTED, _left, _redact

_PAIRS = ["i met {a} and {b}", "{a} and {b} said it worked", "we worked with {a} and {b} on it",
          "i asked {a} and {b}.", "then {a} and {b} said no", "an email from {a} or {b} about it"]


def test_listed_parts_named_together_with_a_person_are_redacted():
    # surnames and first names that are ordinary words, in lower case, in pairs (10 x 9 ordered pairs x 6 frames)
    parts = ["bishop", "bell", "marsh", "brook", "hill", "fox", "wood", "king", "tom", "grace"]
    cases = [(frame.format(a=a, b=b), [a, b]) for a, b in itertools.permutations(parts, 2) for frame in _PAIRS]
    failures = [red for text, words in cases if _left(red := _redact(text), *words)]
    assert not failures, f"{len(failures)} of {len(cases)}: {failures[:5]}"


def test_a_list_of_three_is_read_whole():
    assert _left(_redact("i asked marsh, bell and bishop about it"), "marsh", "bell", "bishop") == []


@pytest.mark.parametrize("text", ["i think that will brook said it was fine", "and they said that tom bishop told them",
                                  "i know will brook's view on it"])
def test_a_lower_case_full_name_before_a_verb_of_saying_is_the_person(text):
    red = _redact(text)
    assert "[name]" in red and not _left(red, "brook", "bishop"), red


@pytest.mark.parametrize("text,words", [("her name is r o s e and she", ["rose"]), ("spelled b-i-s-h-o-p", ["bishop"]),
                                        ("t o m b i s h o p was there", ["tombishop"]),
                                        ("it was g.r.a.c.e. who did it", ["grace"])])
def test_a_listed_name_spelled_out_is_redacted(text, words):
    red = _redact(text)
    closed = "".join(c for c in red.lower() if c.isalpha())
    assert "[name]" in red and not any(w in closed for w in words), red


@pytest.mark.parametrize("text,kept", [
    ("I rang the bell and Tom answered", ["bell"]),
    ("She met Tom and will see him again", ["will"]),
    ("Tom and mark the papers", ["mark"]),
    ("we walked in the wood and Grace said it was lovely", ["wood"]),
    ("they will brook no delay", ["brook"]),
])
def test_ordinary_words_beside_a_name_are_kept(text, kept):
    red = _redact(text)
    assert _left(red, *kept) == kept, red


@pytest.mark.parametrize("text", ["we spelled it c-a-r-e on the poster", "the word was h o p e, in capitals"])
def test_an_ordinary_word_spelled_out_is_kept(text):
    assert _redact(text) == text


@pytest.mark.parametrize("text", ["Will has left the team now.", "Tom had a plan.", "Grace has moved on.",
                                  "Mark had left by then.", "Faith has joined the board.", "Jack helped a lot.",
                                  "Sue wanted more time."])
def test_a_listed_first_name_opening_a_sentence_before_a_verb_is_the_person(text):
    # a capitalised listed first name that is an ordinary word, at the start of a sentence, was kept unless a verb
    # of saying or a possessive followed it; a verb that wants a person ("has", "did", "came", "chaired") marks the
    # person as well ("Tom was great." still leaks: "Hope is not a strategy" must stay)
    red = _redact(text)
    assert red.startswith("[name] "), red


@pytest.mark.parametrize("text", ["Will it help the families?", "Mark the date in the diary.", "Rose gardens were planted.",
                                  "Grace periods were agreed.", "Wood was used for the new fence.",
                                  "King was not the word we used.", "Grace is a virtue, they said."])
def test_the_same_words_opening_a_sentence_as_words_are_kept(text):
    # the modal, an imperative, a noun before a noun; and a surname ("Wood", "King") opening a sentence before
    # "was" is read as the word: on real text "Work was under way" is common, a person so named is rare
    assert _redact(text) == text


@pytest.mark.parametrize("text,word", [("i spoke to miss bell about it", "bell"), ("sister marsh was on shift", "marsh"),
                                       ("the judge bishop said no", "bishop"), ("we will miss bishop when he goes", "bishop"),
                                       ("father king took the service", "king"), ("ask auntie rose", "rose")])
def test_a_listed_part_after_a_title_or_a_role_said_as_one_is_the_person(text, word):
    red = _redact(text)
    assert "[name]" in red and not _left(red, word), red


@pytest.mark.parametrize("text", ["the nurse rang the bell", "a judge in the marsh", "senior officer time was given",
                                  "we miss the old hill walks"])
def test_roles_before_ordinary_words_are_kept(text):
    # "officer", "inspector" and "nurse" qualify nouns ("officer time"): not read as titles
    assert _redact(text, names=[*_LISTED, "Mark Time"]) == text

"""Personal details written to slip past word patterns: letter-spaced, re-ordered, look-alike letters, lower case.

The forms the last red team found leaking: a name written letter by letter
("J a n e Smith", "J.A.N.E. SMITH", "K-w-a-m-e"), a listed name surname first
("Smith , Jane"), across a blank line or closed up ("JaneSmith"), in look-alike
letters of another script (Cyrillic "а" for "a"), a listed surname that is an
ordinary word in a possessive at the start of a sentence ("Price's view"), a
surname that is an ordinary word after a title or a lower-case first name
("Dr Bishop", "mrs hopper", "jane hopper"), a street in lower case with no
house number ("lives on station road"), and numbers spelled out a character at
a time ("0 7 7 0 0  9 0 0  1 2 3", "a b 1 2 3 4 5 6 c", "l s 6 2 a b").  Each
test plants fresh values and checks, on an independently normalised form of
the redacted text (NFKC, look-alike letters folded, case folded, everything
but letters and digits dropped), that nothing of the value is left.
"""

from __future__ import annotations

import unicodedata

import pytest
import regex as re

from impact.privacy import redact

from ._pii import invented_name, rng_for

# Cyrillic letters that look like Latin ones (Unicode confusables.txt), written out here so the check is independent.
_LOOKALIKE = {"a": "а", "e": "е", "o": "о", "c": "с", "p": "р", "i": "і", "x": "х", "y": "у", "A": "А", "E": "Е",
              "O": "О", "K": "К", "M": "М", "T": "Т", "H": "Н", "C": "С", "P": "Р", "B": "В"}
_BACK = {v: k for k, v in _LOOKALIKE.items()}


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = "".join(_BACK.get(c, c) for c in text if unicodedata.category(c) != "Cf")
    return re.sub(r"[\W_]+", "", text.casefold())


def _spoof(word: str, every: int = 2) -> str:
    return "".join(_LOOKALIKE.get(c, c) if k % every == 0 else c for k, c in enumerate(word))


def _spaced(word: str, sep: str = " ") -> str:
    return sep.join(word)


_CONTEXTS = ["I spoke to {v} about the plan.", "{v} said the review helped.", "The chair, {v}, agreed.",
             "It was {v} who led the action plan.", "Thanks to {v}\nfor the minutes."]


def _forms(first: str, last: str) -> dict[str, tuple[str, list[str]]]:
    """Written forms of a name: (as written, the parts that must not survive)."""
    both = [first, last]
    return {
        "letter-spaced first": (f"{_spaced(first)} {last}", both),
        "letter-spaced both": (f"{_spaced(first)}  {_spaced(last)}", both),
        "letter-spaced capitals": (f"{_spaced(first.upper())} {_spaced(last.upper())}", both),
        "dotted capitals": (_spaced(first.upper(), ".") + ". " + last.upper(), both),
        "dotted both": (_spaced(first.upper(), ".") + ". " + _spaced(last.upper(), ".") + ".", both),
        "hyphen-spaced": (_spaced(first, "-") + f" {last}", both),
        "surname first": (f"{last} , {first}", both),
        "blank line": (f"{first}\n\n{last}", both),
        "closed up": (f"{first}{last}", both),
        "look-alike letters": (_spoof(f"{first} {last}"), both),
        "look-alike surname": (_spoof(last, 1), [last]),
    }


@pytest.mark.parametrize("listed", [True, False], ids=["listed", "unlisted"])
def test_names_written_letter_by_letter_or_reordered_are_redacted(listed, request):
    # Measured when written (listed names, 8 names x 4 contexts): before, every letter-spaced and dotted form
    # survived (letter-spaced first 32/32, both 32/32, capitals 32/32, dotted both 32/32), a blank line
    # between the names 6/32; now none.
    rng = rng_for(request.node.nodeid)
    failures = []
    for _ in range(6):
        first, last = invented_name(rng), invented_name(rng)
        names = [f"{first} {last}", f"{invented_name(rng)} {invented_name(rng)}"] if listed else []
        for form, (written, needles) in _forms(first, last).items():
            if not listed and form in ("surname first", "blank line", "closed up", "dotted both",
                                       "letter-spaced capitals", "look-alike surname"):
                continue  # without a list only the name-like shape tells; these need the study's list
            for context in _CONTEXTS:
                sentence = context.format(v=written)
                red, _ = redact(sentence, names=names, councils=())
                left = [n for n in needles if _norm(n) in _norm(red)]
                if left:
                    failures.append((form, sentence, red))
    assert not failures, failures[:10]


@pytest.mark.parametrize("full", ["Anita Price", "Declan Smith", "Colin Hall", "Rebecca Wright"])
def test_listed_names_with_ordinary_word_surnames_in_odd_forms(full):
    # A listed surname that is an ordinary word ("Price", "Smith") is redacted as written only where it
    # cannot be the word; written out letter by letter, surname first, across a blank line or closed up it is
    # the person.  Before: letter-spaced and dotted forms and a possessive at a sentence start survived.
    first, last = full.split()
    others = ["Kwame Threlfall", full]
    cases = [
        f"I spoke to {_spaced(first)}  {_spaced(last)} about it.",
        f"As {_spaced(first.upper(), '.')}. {_spaced(last.upper(), '.')}. said, it helped.",
        f"Minutes taken by {last} , {first}.",
        f"I spoke to {first}\n\n{last} about it.",
        f"{last}'s view was that it helped.",
        f"Email {first}{last} about it.",
    ]
    failures = []
    for sentence in cases:
        red, _ = redact(sentence, names=others, councils=())
        if _norm(last) in _norm(red) or _norm(first) in _norm(red):
            failures.append((sentence, red))
    assert not failures, failures


def test_look_alike_letters_are_read_as_latin_only_in_spoofed_words():
    red, _ = redact("I spoke to " + _spoof("Anita Price") + " and Наталья about it.", names=["Anita Price"],
                    councils=())
    assert _spoof("Anita Price") not in red and "anita" not in _norm(red) and "price" not in _norm(red)
    # A word wholly in another script with letters that have no Latin look-alike is that script's word, not folded.
    assert redact("Наталья", councils=())[0] != "Natalya"


@pytest.mark.parametrize(("sentence", "surname"), [
    ("Dr Bishop chaired the meeting.", "Bishop"),
    ("Tom Bishop chaired the meeting.", "Bishop"),
    ("We asked Canon Judge about it.", "Judge"),
    ("i spoke to mrs hopper about it.", "hopper"),
    ("dr bishop chaired it.", "bishop"),
    ("then jane hopper rang me", "hopper"),
    ("after that mr carpenter said it helped", "carpenter"),
    ("the lead was gary shepherd, then", "shepherd"),
])
def test_word_surnames_after_a_title_or_first_name_are_redacted(sentence, surname):
    # Before: "Dr Bishop", "Tom Bishop" (a title word as a surname) and every lower-case form survived.
    assert surname.lower() not in redact(sentence, councils=())[0].lower()


@pytest.mark.parametrize("text", [
    "Jane said it helped, and jane said so again.",
    "mrs and mr jones came",  # "jones" goes, "and" stays
    "Detective Inspector Smith came.",
    "We miss lunch when we miss the bus.",
    "We had a Bishop's visit and the bishop spoke.",
    "The Judge ruled and the Nurse came.",
])
def test_words_after_a_title_or_first_name_that_are_not_names_are_kept(text):
    red, _ = redact(text, councils=())
    for word in ("said", "and", "Inspector", "bishop spoke", "Judge ruled", "Nurse came", "miss lunch", "miss the bus"):
        if word in text:
            assert word in red, (text, red)


@pytest.mark.parametrize("sentence", [
    "she lives on station road now", "they moved to mill lane last year", "the flat on church street was cold",
    "he lives off victoria avenue", "the family live on acacia grove", "he was staying at oak tree close",
    "They moved to acacia grove in May.",
])
def test_lower_case_streets_without_a_house_number_are_redacted(sentence):
    # Before: 5 of the first 6 survived.
    red, _ = redact(sentence, councils=())
    assert "[address]" in red and not re.search(r"\b(?:station|mill|church|victoria|acacia|oak)\b", red), red


@pytest.mark.parametrize("text", [
    "It was a trip down memory lane.", "We are on the road to improvement.", "They work on the high street.",
    "In the same way, it was close.", "It was on a long drive home.", "The staff went to the main road.",
    "We took the road less travelled.", "Partners are in the fast lane now.",
])
def test_roads_in_ordinary_use_are_kept(text):
    assert redact(text, councils=())[0] == text


@pytest.mark.parametrize("sentence", [
    "ring 0 7 7 0 0  9 0 0  1 2 3 today",
    "ring 0-7-7-0-0-9-0-0-1-2-3 today",
    "his is a b 1 2 3 4 5 6 c",
    "ab 12 34 56 c is his",
    "A B 1 2 3 4 5 6 C on the form",
    "they live at l s 6 2 a b now",
    "moved to s w 1 a 1 a a",
])
def test_numbers_spelled_a_character_at_a_time_are_redacted(sentence):
    # Before: the spaced groups of a phone number, lower-case and spaced NI numbers and spaced
    # lower-case postcodes survived.
    red, _ = redact(sentence, councils=())
    assert not re.search(r"\d", red) and "[" in red, red  # the sentences hold no other digit
    assert not re.search(r"\b(?:l s|s w|a b)\b", red), red


@pytest.mark.parametrize("text", [
    "Options a, b and c were discussed.", "The U.S.A. and the U.K. took part, e.g. in 2013.",
    "Scores were 1 2 3 across the board.", "Plan A B C was agreed.", "It was an A-B-C approach.",
])
def test_single_letters_in_ordinary_use_are_kept(text):
    assert redact(text, councils=())[0] == text


@pytest.mark.parametrize("sentence", [
    "I told J O H N S M I T H about it.", "I told S A R A H O K A F O R about it.",
    "see kwame_threlfall on the file", "the file Kwame.Threlfall.docx",
])
def test_names_spelled_out_without_a_gap_or_joined_by_underscores(sentence):
    # A first name and surname spelled out with no wider gap between them closes up to one word
    # ("JOHNSMITH"); a listed name joined by "_" or "." as in a file name or handle.
    red, _ = redact(sentence, names=["Kwame Threlfall"], councils=())
    assert not re.search(r"(?i)john|smith|sarah|okafor|kwame|threlfall", _norm(red)), red


@pytest.mark.parametrize("text", ["It was I N A D E Q U A T E.", "M A R K E T I N G came too."])
def test_ordinary_words_spelled_out_are_kept(text):
    assert redact(text, councils=())[0] == text

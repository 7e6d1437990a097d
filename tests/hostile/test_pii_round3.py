"""Third red-team round: listed names made of ordinary words, NI numbers said in words, spelled-out unknown names.

The forms the second round left leaking, measured through
:func:`impact.privacy.redact` with the study's listed names as the report
passes them (``participants.name``, the councils as places):

* a listed full name in lower or mixed case whose first name is an ordinary
  word ("tom bishop said", "met with grace Bell");
* a listed surname that is an ordinary word, alone: opening a sentence before
  a verb of saying ("Bishop said the plan worked"), or in lower case where a
  person stands ("i asked marsh about it");
* an NI number with its digits said in words or mixed ("Q Q one two three
  four five six C", "AB 123 456 C"), and a phone number half in words;
* a name of someone not listed spelled out in lower case where nothing marks
  a name ("we saw z e b r u l o n there").

Each case is checked on an independently normalised redacted text (letters
and digits only, case folded), and the same words in ordinary use must stay.
"""

from __future__ import annotations

import pytest
import regex as re

from impact.privacy import redact

from ._pii import invented_name, rng_for

# Listed participants: first names and surnames that are ordinary English words.
_LISTED = ["Tom Bishop", "Grace Bell", "Rob Marsh", "Will Brook", "Rose Hill", "Mark Fox", "Faith Wood", "Bill King",
           "Jack Young", "Sue Rose"]
_PLACES = ["Leeds", "Kirklees"]  # the study's councils, passed as places as the report does


def _redact(text: str, names=_LISTED) -> str:
    return redact(text, names=names, places=_PLACES)[0]


def _left(red: str, *words: str) -> list[str]:
    """The ``words`` still standing as words in ``red``."""
    return [w for w in words if re.search(rf"(?i)(?<![\p{{L}}]){re.escape(w)}(?![\p{{L}}])", red)]


def _failures(cases) -> list[str]:
    """The redacted texts of ``cases`` (text, words that must go) in which one of the words is left."""
    return [red for text, words in cases if _left(red := _redact(text), *words)]


_FULL = ["{f} {s} said the plan worked", "i met with {f} {s} on monday", "we asked {f} {s} about it",
         "the audit came from {f} {s}, in the end", "then {f} {s} rang me", "{f} {s}'s team did it",
         "it was {f} {s} who chaired it", "and {f} {s} thought it helped"]


def test_listed_full_names_in_lower_or_mixed_case_are_redacted():
    # Measured when written (10 names x 8 frames, and 10 x 8 in mixed case): before, every one kept both words
    # in lower case and the lower-case word in mixed case ("tom [name]"); now none.
    people = [full.split() for full in _LISTED]
    failures = _failures((frame.format(f=f, s=s), [first, last]) for first, last in people for frame in _FULL
                         for f, s in ((first.lower(), last.lower()), (first.lower(), last), (first, last.lower())))
    assert not failures, failures[:10]


_ALONE = ["{S} said the plan worked.", "{S} told me the plan had changed.", "\"{S} thought it was useful,\" she said.",
          "It helped. {S} felt the same.", "I asked {S} about the audit.", "According to {S}, it helped.",
          "We met with {S} last week.", "{S}'s view was clear."]


def test_a_listed_surname_alone_is_redacted_where_it_names_the_person():
    # Measured when written (10 surnames x 10 frames): before, 3 of 100 kept the surname, all opening a sentence
    # before a verb of saying ("Bishop said"; a title word, which no other rule reads); now none.
    failures = _failures((frame.format(S=full.split()[1]), full.split()[1:]) for full in _LISTED for frame in _ALONE)
    assert not failures, failures


_LOWER_ALONE = ["{s} said the plan worked", "i asked {s} about the audit", "according to {s}, it helped",
                "we met with {s} last week", "then {s} told me", "and {s}'s view was clear", "i spoke to {s}."]


def test_a_listed_surname_alone_in_lower_case_is_redacted_where_a_person_stands():
    # Measured when written (10 surnames x 4 frames): before, all 40 kept the surname; now none.
    failures = _failures((frame.format(s=full.split()[1].lower()), full.split()[1:]) for full in _LISTED
                         for frame in _LOWER_ALONE)
    assert not failures, failures


@pytest.mark.parametrize(("text", "names"), [
    ("The bishop said it was fine, and the old bishop's hat was there.", ["Tom Bishop"]),
    ("A bell rang near the marsh, by the brook.", ["Grace Bell", "Rob Marsh", "Will Brook"]),
    ("They will brook no delay, and we will hope for the best.", ["Will Brook", "Will Hope"]),
    ("We want to mark young people's progress.", ["Mark Young"]),
    ("Staff want to work for the council; we work with young people.", ["Will Work", "Jack Young"]),
    ("From time to time we met; it was made from wood, with care.", ["Mark Time", "Faith Wood", "Will Care"]),
    ("the king's fund said so and the rose garden was open", ["Bill King", "Sue Rose"]),
    ("we walked up the hill with the fox in view", ["Rose Hill", "Mark Fox"]),
])
def test_ordinary_uses_of_listed_words_are_kept(text, names):
    assert _redact(text, names=names) == text


_W = "zero one two three four five six seven eight nine".split()


def _ni_forms(rng) -> list[tuple[str, str]]:
    """NI numbers with their digits said or mixed: (as written, the six digits)."""
    out = []
    for k in range(12):
        a, b = "ABCEGHJKLMNPRSTWXYZ"[int(rng.integers(19))], "ABCEGHJKLMNPRSTWXYZ"[int(rng.integers(19))]
        if k % 4 == 0:
            a = b = "Q"  # "QQ", the prefix of the examples in HMRC's guidance, is never issued
        d = "".join(str(int(x)) for x in rng.integers(0, 10, 6))
        c = "ABCD"[int(rng.integers(4))]
        words = " ".join(_W[int(x)] for x in d)
        out.append([f"{a} {b} {words} {c}", f"{a}{b} {words} {c}", f"{a.lower()} {b.lower()} {words} {c.lower()}",
                    f"{a}{b} {d[:3]} {d[3:]} {c}", f"{a}{b} {d[:2]} {' '.join(_W[int(x)] for x in d[2:])} {c}",
                    f"{a} {b} {' '.join(d)} {c}"][k % 6])
        out[-1] = (out[-1], d)
    return out


def test_ni_numbers_said_in_words_or_mixed_are_redacted(request):
    # Measured when written (12 numbers x 5 frames): before, 46 of 60 kept their digits (every form in words, and
    # "AB 123 456 C"); now none.
    rng = rng_for(request.node.nodeid)
    failures = []
    for frame in ["my NI number is {v}", "his national insurance number is {v}, I think",
                  "she read out {v} from the letter", "{v} is on the form", "NI: {v}."]:
        for value, digits in _ni_forms(rng):
            red = _redact(frame.format(v=value))
            said = re.sub(r"[^0-9]", "", re.sub(r"\b(?:" + "|".join(_W) + r")\b",
                                                lambda m: str(_W.index(m.group().lower())), red, flags=re.I))
            if any(digits[i : i + 3] in said for i in range(4)):
                failures.append((value, red))
    assert not failures, failures[:10]


@pytest.mark.parametrize("text", [
    "a b twelve thirty-four fifty six c is on the form",
    "ring 07700 nine oh oh one two three today",
    "ring oh seven seven double oh 900 123",
])
def test_numbers_in_pairs_or_half_in_words_are_redacted(text):
    red = _redact(text)
    assert "[" in red and not re.search(r"\d|\b(?:one|two|three|nine|twelve|fifty)\b", red), red


@pytest.mark.parametrize("text", [
    "The scores were one, two, three, four, five and six.",
    "we met at one two three four five six and left",
    "In 2013 one of the councils and in 2014 two of them met at 10 and 11 a.m.",
    "Options a b and c, then one two three.",
])
def test_counting_in_words_is_kept(text):
    assert _redact(text) == text


def test_unlisted_names_spelled_out_in_lower_case_are_redacted(request):
    # Measured when written (10 invented names x 8 spellings x 5 frames): before, 18 of 400 kept the name, every
    # one spelled out in lower case where nothing marks a name ("we saw s t u s o l there"); now none.
    rng = rng_for(request.node.nodeid)
    failures = []
    for _ in range(10):
        first, last = invented_name(rng), invented_name(rng)
        for written in (" ".join(first.lower()), " ".join(first.lower()) + " " + " ".join(last.lower())):
            for frame in ("we saw {v} there", "it was {v} in the end", "then {v} came"):
                red = _redact(frame.format(v=written))
                if re.sub(r"[^a-z]", "", first.lower()) in re.sub(r"[^a-z]", "", red.lower()):
                    failures.append(red)
    assert not failures, failures


@pytest.mark.parametrize("text", ["It was N S P C C and C A M H S.", "We need to s e n d it.", "Plan x y z, a b c d."])
def test_spelled_out_acronyms_and_words_are_kept(text):
    assert _redact(text) == text


# Service and committee names in capitals with a word that is also a listed surname. Measured on the real
# sentences of the gold corpora's development parts with "Alex <surname>" listed for each surname of
# surname_words.txt: 7 sentences lost "Young People" to "[name]" ("the Cabinet Member for Children and [name]").
_SERVICE_NAMES = [
    ("At last week's Children and Young People's Scrutiny Panel, the board was set up.", "Young People"),
    ("The Director of Children, Young People and Learning agreed to share the details.", "Young People"),
    ("Every Young Person in care has a named worker.", "Young Person"),
    ("We thanked our Foster Carers for their work this year.", "Foster Carers"),
    ("The Short Breaks offer was reviewed by the Parish Council.", "Short Breaks"),
    # the capitalised run goes on past the kept phrase, into words that name nobody listed
    ("The report of the Safeguarding Children and Young People Task Group was endorsed.", "Young People Task Group"),
]


@pytest.mark.parametrize(("text", "kept"), _SERVICE_NAMES)
def test_a_service_named_with_a_listed_surname_is_kept(text, kept):
    names = [*_LISTED, "Sam Foster", "Amy Parish", "Lee Short"]
    assert kept in _redact(text, names=names)


@pytest.mark.parametrize("text", ["Young said the plan worked.", "I met Mrs Foster and Jack Young there.",
                                  "According to Young, it worked.", "Foster told me so.",
                                  "I met Jack Young People's champion and Sam Foster Carers' lead."])
def test_the_same_surnames_as_people_are_still_redacted(text):
    red = _redact(text, names=[*_LISTED, "Sam Foster"])
    assert "Young" not in red and "Foster" not in red, red


# A listed first name that is an ordinary word, alone in lower case, where a person stands (round 3 left it).
@pytest.mark.parametrize(("text", "name"), [
    ("tom said it was fine.", "tom"), ("and grace said the plan worked.", "grace"),
    ("i asked tom about it.", "tom"), ("we met with grace last week.", "grace"),
    ("i told will that it was fine.", "will"),
])
def test_a_listed_first_name_alone_in_lower_case_is_redacted_where_a_person_stands(text, name):
    red = _redact(text)
    assert not re.search(rf"\b{name}\b", red) and "[name]" in red, red


@pytest.mark.parametrize("text", ["it will help the team.", "we will mark it next week.", "a rose garden was planted.",
                                  "by grace of the board it went ahead.", "the mark said it all.", "to mark the day."])
def test_the_same_first_names_as_words_are_kept(text):
    assert _redact(text) == text

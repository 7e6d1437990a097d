"""Third red-team round: NI numbers and phone numbers said in words or half in words.

Measured through :func:`impact.privacy.redact` with the study's listed names as
the report passes them (``participants.name``, the councils as places): an NI
number with its digits said in words or mixed ("Q Q one two three four five six
C", "AB 123 456 C"), and a phone number half in words ("07700 nine oh oh one two
three").  Each case is checked on the redacted text with number words read as
digits, and counting in words must stay.
"""

from __future__ import annotations

import pytest
import regex as re

from impact.privacy import redact

from ._pii import rng_for

# Listed participants: first names and surnames that are ordinary English words.
_LISTED = ["Tom Bishop", "Grace Bell", "Rob Marsh", "Will Brook", "Rose Hill", "Mark Fox", "Faith Wood", "Bill King",
           "Jack Young", "Sue Rose"]
_PLACES = ["Leeds", "Kirklees"]  # the study's councils, passed as places as the report does


def _redact(text: str, names=_LISTED) -> str:
    return redact(text, names=names, places=_PLACES)[0]


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

"""A generator of hostile personal data, planted into sentences.

Every call draws fresh values (random digits with valid - or, on purpose,
invalid - check digits, invented names from syllables, so no value is in any
list the redactor knows) and writes them in one of many forms: spaced and
unspaced numbers, lower case, capitals, accents, hyphens, apostrophes,
initials, obfuscated e-mails, phones without the leading 0 ...

:func:`plant` returns a :class:`Planted`: the sentence, the kind, the value as
written and the ``needles`` - strings that must not survive redaction (the
value, its digits-only and lower-case forms, each part of a name).
"""

from __future__ import annotations

import hashlib
import string
from dataclasses import dataclass, field

import numpy as np
from stdnum.gb import upn as _upn

KINDS = (
    "nhs_number", "ni_number", "pupil_number", "phone", "email", "postcode", "address", "date_of_birth", "age",
    "vehicle", "reference", "handle", "name", "place",
)

_ONSETS = ["b", "br", "ch", "d", "dr", "f", "g", "gr", "h", "j", "k", "kr", "l", "m", "n", "p", "qu", "r", "s", "sh",
           "st", "t", "th", "tr", "v", "w", "y", "z", "zh"]
_VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "ee", "ia", "io", "oa", "ou", "y"]
_CODAS = ["", "", "", "b", "ck", "d", "l", "ll", "m", "n", "nd", "nt", "r", "rd", "rt", "s", "sk", "t", "th", "x", "z"]
_ACCENTS = {"a": "á", "e": "é", "i": "í", "o": "ó", "u": "ú"}
_AREAS = ["AB", "AL", "BA", "BB", "BD", "BH", "BL", "BN", "BS", "CA", "CB", "CF", "CH", "CM", "CO", "CT", "CV", "CW",
          "DA", "DE", "DH", "DL", "DN", "DT", "DY", "EX", "GL", "GU", "HD", "HG", "HP", "HU", "HX", "IP", "KT", "LA",
          "LE", "LN", "LS", "LU", "ME", "MK", "NE", "NG", "NN", "NR", "OL", "OX", "PE", "PL", "PO", "PR", "RG", "RH",
          "SK", "SL", "SN", "SO", "SP", "SR", "SS", "ST", "SY", "TA", "TF", "TN", "TQ", "TR", "TS", "WA", "WF", "WN",
          "WR", "WS", "WV", "YO", "B", "E", "L", "M", "N", "S", "W"]
_INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
_STREETS = ["Road", "Street", "Lane", "Avenue", "Close", "Drive", "Crescent", "Grove", "Terrace", "Way", "Gardens", "Mews"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]
_NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                 "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"]
_KIN = ["her son", "his daughter", "my nephew", "their little girl", "the social worker", "the foster carer",
        "her mum", "his partner", "the headteacher", "our colleague", "the health visitor", "the child,"]


@dataclass
class Planted:
    sentence: str
    kind: str
    value: str
    needles: list[str] = field(default_factory=list)


def rng_for(name: str) -> np.random.Generator:
    """A generator seeded from a string (a test's name), stable across runs."""
    return np.random.default_rng(int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "little"))


def _pick(rng, seq):
    return seq[int(rng.integers(len(seq)))]


def _digits(rng, n: int) -> str:
    return "".join(str(int(d)) for d in rng.integers(0, 10, n))


def _word(rng, syllables: int) -> str:
    w = "".join(_pick(rng, _ONSETS) + _pick(rng, _VOWELS) for _ in range(syllables)) + _pick(rng, _CODAS)
    return w.capitalize()


def invented_name(rng) -> str:
    """An invented name part (2-3 syllables): in no list of names or words."""
    return _word(rng, int(rng.integers(2, 4)))


def _group(s: str, sizes: list[int], sep: str) -> str:
    out, i = [], 0
    for n in sizes:
        out.append(s[i : i + n])
        i += n
    return sep.join(out)


def nhs_number(rng, *, valid: bool = True) -> str:
    while True:
        body = str(int(rng.integers(4, 8))) + _digits(rng, 8)
        total = sum(int(d) * (10 - i) for i, d in enumerate(body))
        check = 11 - total % 11
        check = 0 if check == 11 else check
        if check != 10:
            break
    if not valid:
        check = (check + 1 + int(rng.integers(8))) % 10
    return body + str(check)


def _name_forms(rng) -> tuple[str, list[str]]:
    first, last = invented_name(rng), invented_name(rng)
    form = int(rng.integers(10))
    if form == 0:
        value = f"{first} {last}".upper()
    elif form == 1:  # accents
        v = first
        for a, b in _ACCENTS.items():
            if a in v[1:]:
                v = v[0] + v[1:].replace(a, b, 1)
                break
        value = f"{v} {last}"
    elif form == 2:  # Irish / Scottish / Welsh forms
        value = f"{first} {_pick(rng, ['Ní', 'Nic', 'Ó', 'Mac', 'ap', 'Mc'])} {last}"
    elif form == 3:
        value = f"{first} {last}-{invented_name(rng)}"
    elif form == 4:
        value = f"{first} O'{last}"
    elif form == 5:
        value = f"{first[0]}. {last}"
    elif form == 6:
        value = first.lower()
    elif form == 7:
        value = last
    else:
        value = f"{first} {last}"
    parts = [p for p in value.replace("-", " ").replace("'", " ").replace(".", " ").split() if len(p) > 2
             and p.lower() not in ("mac", "nic")]
    return value, parts


def make(kind: str, rng) -> tuple[str, str, list[str]]:
    """One value of ``kind``: (sentence template with {v}, value as written, extra needles)."""
    if kind == "nhs_number":
        raw = nhs_number(rng, valid=bool(rng.random() < 0.8))
        value = _pick(rng, [_group(raw, [3, 3, 4], " "), raw, _group(raw, [3, 3, 4], "-")])
        ctx = _pick(rng, ["Her NHS number is {v}.", "NHS no. {v} was on the referral.", "The file said {v} for the baby.",
                          "We checked {v} against the hospital record."])
        return ctx, value, [raw]
    if kind == "ni_number":
        letters = "ABCEGHJKLMNOPRSTWXYZ"
        raw = _pick(rng, list(letters[:-1])) + _pick(rng, list(letters.replace("O", ""))) + _digits(rng, 6) + _pick(rng, list("ABCD"))
        value = _pick(rng, [" ".join([raw[:2], raw[2:4], raw[4:6], raw[6:8], raw[8]]), raw, raw.lower()])
        ctx = _pick(rng, ["His national insurance number is {v}.", "NI {v} was on the form.", "Mum gave {v} to the DWP."])
        return ctx, value, [raw, raw.lower()]
    if kind == "pupil_number":
        la = _pick(rng, ["801", "330", "926", "373", "873", "384", "886"])
        body = la + _digits(rng, 9)
        check = _upn.calc_check_digit(body)
        raw = check + body
        if rng.random() < 0.2:
            raw = _pick(rng, [c for c in string.ascii_uppercase if c != check]) + body
        value = _pick(rng, [raw, raw[0] + " " + _group(raw[1:], [3, 4, 2, 3], " ")])
        ctx = _pick(rng, ["The UPN was {v}.", "Pupil number {v} moved school twice.", "School sent {v} by mistake."])
        return ctx, value, [raw]
    if kind == "phone":
        mobile = "07" + _digits(rng, 9)
        geo = "01" + _digits(rng, 9)
        forms = [
            _group(mobile, [5, 6], " "), _group(mobile, [5, 3, 3], " "), mobile, _group(mobile, [5, 6], "-"),
            _group(mobile, [5, 3, 3], "."), "+44 " + _group(mobile[1:], [4, 6], " "), "+44" + mobile[1:],
            "+44 (0)" + _group(mobile[1:], [4, 6], " "), "0044 " + _group(mobile[1:], [4, 6], " "),
            "(" + geo[:4] + ") " + _group(geo[4:], [3, 4], " "), _group(geo, [4, 3, 4], " "), _group(geo, [4, 3, 4], "-"),
            _group(mobile[1:], [4, 6], " "),  # without the leading 0
            _group(geo, [4, 3, 4], " ") + " ext. " + _digits(rng, 3),
        ]
        value = _pick(rng, forms)
        ctx = _pick(rng, ["Ring me on {v}.", "My mobile is {v} if you need it.", "You can get her on {v} most days.",
                          "{v} is the number for the team.", "Text {v} and I'll call back."])
        return ctx, value, [mobile if "07" in value or "7" in value[:6] else geo]
    if kind == "email":
        first, last = invented_name(rng).lower(), invented_name(rng).lower()
        dom = _pick(rng, ["gmail.com", "hotmail.co.uk", "leeds.gov.uk", "nhs.net", "outlook.com", "school.sch.uk"])
        plain = f"{first}.{last}@{dom}"
        obf = [f"{first} dot {last} at {dom.replace('.', ' dot ')}", f"{first}.{last} [at] {dom.replace('.', ' [dot] ')}",
               f"{first}.{last} (at) {dom}", f"{first}{last} at {dom}"]
        value = _pick(rng, [plain, plain.upper(), *obf])
        ctx = _pick(rng, ["Email me on {v}.", "Her address was {v}, I think.", "Contact {v} for the minutes."])
        return ctx, value, [first, last]
    if kind == "postcode":
        area = _pick(rng, _AREAS)
        out = area + str(int(rng.integers(1, 30)))
        inward = str(int(rng.integers(0, 10))) + _pick(rng, list(_INWARD_LETTERS)) + _pick(rng, list(_INWARD_LETTERS))
        forms = [f"{out} {inward}", f"{out}{inward}", f"{out} {inward}".lower(), f"{out}"]
        value = _pick(rng, forms)
        if value == out:
            ctx = _pick(rng, ["They moved to the {v} area.", "It's the {v} postcode.", "She lives in " + invented_name(rng) + ", {v}."])
        else:
            ctx = _pick(rng, ["The postcode is {v}.", "Send it to {v} please.", "They're at {v} now."])
        return ctx, value, [value.replace(" ", ""), value.replace(" ", "").lower()] if value != out else []
    if kind == "address":
        street = f"{int(rng.integers(1, 300))} {invented_name(rng)} {_pick(rng, _STREETS)}"
        forms = [street, street.lower(), f"Flat {int(rng.integers(1, 80))}, {invented_name(rng)} House",
                 f"flat {int(rng.integers(1, 80))}{_pick(rng, ['', 'a', 'B'])}, {street}"]
        value = _pick(rng, forms)
        ctx = _pick(rng, ["She lives at {v}.", "The family moved to {v} last year.", "The visit was at {v}."])
        return ctx, value, []
    if kind == "date_of_birth":
        d, m, y = int(rng.integers(1, 29)), int(rng.integers(1, 13)), int(rng.integers(1950, 2022))
        forms = [f"{d:02d}/{m:02d}/{y}", f"{d}.{m}.{y % 100:02d}", f"{d} {_MONTHS[m - 1]} {y}", f"{d}-{m}-{y}",
                 f"{_MONTHS[m - 1]} {d}, {y}", f"{d}th of {_MONTHS[m - 1]} {y}"]
        value = _pick(rng, forms)
        ctx = _pick(rng, ["{v}.", "Born {v}, she was the youngest.", "DOB {v} on the referral.",
                          invented_name(rng) + " ({v}) was the eldest.", "Her date of birth is {v}."])
        return ctx, value, []
    if kind == "age":
        n = int(rng.integers(1, 17))
        w = _NUMBER_WORDS[n - 1]
        forms = [f"aged {n}", f"aged {w}", f"a {w}-year-old", f"a {n}-year-old", f"{n} year old", f"{w} years old",
                 f"{n}yo", f"{n} months old"]
        value = _pick(rng, forms)
        ctx = _pick(rng, ["Her son, {v}, was at home.", "There was a {v} in the house.".replace("a {v}", "{v}"),
                          "My {v} has started school.", "The girl was {v} when it happened."])
        return ctx, value, []
    if kind == "vehicle":
        L = string.ascii_uppercase.replace("I", "").replace("Q", "")
        forms = [
            f"{_pick(rng, list(L))}{_pick(rng, list(L))}{int(rng.integers(10, 75)):02d} {''.join(_pick(rng, list(L)) for _ in range(3))}",
            f"{_pick(rng, list(L))}{int(rng.integers(1, 999))} {''.join(_pick(rng, list(L)) for _ in range(3))}",
        ]
        value = _pick(rng, forms)
        if rng.random() < 0.3:
            value = value.replace(" ", "")
        ctx = _pick(rng, ["The car was {v}.", "He drives a van, reg {v}.", "Police stopped {v} outside the school."])
        return ctx, value, [value.replace(" ", "")]
    if kind == "reference":
        forms = [f"CR-{int(rng.integers(2005, 2024))}-{_digits(rng, 5)}", f"LA/CS/{_digits(rng, 5)}",
                 f"{_pick(rng, ['SCR', 'CP', 'CIN', 'LAC'])}{_digits(rng, 6)}", _digits(rng, 8),
                 f"{_digits(rng, 4)}-{_pick(rng, list('ABCDEFGH'))}"]
        value = _pick(rng, forms)
        ctx = _pick(rng, ["The case number is {v}.", "Ref {v} on the file.", "It was logged as {v} in the system.",
                          "Case no. {v} went to conference."])
        return ctx, value, []
    if kind == "handle":
        h = invented_name(rng).lower() + _pick(rng, ["", "_", "."]) + _pick(rng, [invented_name(rng).lower(), _digits(rng, 2)])
        value = _pick(rng, ["@" + h, h])
        ctx = _pick(rng, ["She's on Instagram as {v}.", "His TikTok is {v}.", "Follow {v} on twitter.".replace("{v}", "@" + h),
                          "His snapchat name is {v}."])
        if "{v}" not in ctx:
            return ctx, "@" + h, [h]
        return ctx, value, [h]
    if kind == "name":
        value, parts = _name_forms(rng)
        ctx = _pick(rng, ["{v} said the review helped.", "I spoke to {v} about it.", "Then {kin} {v} rang me.",
                          "It was {v} who chaired the meeting.", "{kin} {v} was there too."])
        ctx = ctx.replace("{kin}", _pick(rng, _KIN))
        if ctx.startswith("{kin}"):
            ctx = ctx[0].upper() + ctx[1:]
        return ctx, value, parts
    if kind == "place":
        n = invented_name(rng)
        forms = [f"{n} Hospital", f"{n} Primary School", f"St {n}'s Academy", f"{n} Medical Centre", f"the {n} estate",
                 f"{n} Children's Centre", f"{n} Surgery"]
        value = _pick(rng, forms)
        ctx = _pick(rng, ["She was seen at {v} last week.", "The referral came from {v}.", "They live near {v}."])
        return ctx, value, [n]
    raise ValueError(f"unknown kind {kind!r}")


def plant(kind: str, rng) -> Planted:
    template, value, extra = make(kind, rng)
    sentence = template.replace("{v}", value)
    if sentence[0].islower():
        sentence = sentence[0].upper() + sentence[1:]
        if sentence.lower().startswith(value.lower()):
            value = sentence[: len(value)]
    needles = {value}
    digits = "".join(c for c in value if c.isdigit())
    if len(digits) >= 6:
        needles.add(digits)
    needles.update(e for e in extra if e)
    return Planted(sentence, kind, value, sorted(needles))


def leaks(planted: Planted, redacted: str) -> list[str]:
    """The needles of ``planted`` still in ``redacted`` (compared as written, lower case and digits only)."""
    low = redacted.lower()
    digits = "".join(c for c in redacted if c.isdigit())
    found = []
    for n in planted.needles:
        nd = "".join(c for c in n if c.isdigit())
        if n in redacted or n.lower() in low or (len(nd) >= 6 and nd == n.replace(" ", "") and nd in digits):
            found.append(n)
    return found

"""Word lists behind the redactor, loaded once on first use.

* :func:`english_words` - ordinary English words (SCOWL, lower-case entries):
  a capitalised word whose lower-case form is not among them is treated as a
  proper noun (a name or a place) unless it is a public term.
* :func:`proper_nouns` - words SCOWL only ever writes capitalised (people's
  names, places): a lower-case "tyler" or "leeds" is found through them.
* :func:`public_terms` - field vocabulary, acronyms, public bodies and regions
  that are never redacted as names.
* :func:`first_names` - common UK first names (``impact/_data/first_names.txt``).
* :data:`POSTCODE_AREAS` - the 121 postcode areas of the United Kingdom.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from importlib import resources

__all__ = [
    "POSTCODE_AREAS",
    "lazy_compile",
    "english_words",
    "first_names",
    "fold",
    "proper_nouns",
    "public_phrases",
    "public_terms",
]

#: Postcode areas (outward-code letters) of the United Kingdom, Crown dependencies included.
POSTCODE_AREAS: frozenset[str] = frozenset(
    """
    AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E EC EH EN EX
    FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL LN LS LU M ME MK ML N NE
    NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ
    TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE
    """.split()
)


class _LazyPattern:
    """A regular expression compiled on first use (the redactor's many patterns cost a second to compile)."""

    __slots__ = ("_args", "_compiled")

    def __init__(self, *args):
        self._args = args
        self._compiled = None

    def __getattr__(self, name: str):
        if self._compiled is None:
            import regex

            self._compiled = regex.compile(*self._args)
        return getattr(self._compiled, name)


def lazy_compile(pattern: str, flags: int = 0):
    """``regex.compile(pattern, flags)``, deferred until the pattern is first used.

    Examples
    --------
    >>> lazy_compile(r"\\d+").findall("a 12 b 3")
    ['12', '3']
    """
    return _LazyPattern(pattern, flags)


def fold(text: str) -> str:
    """Lower-case ``text`` and strip accents, keeping its length (one character for one).

    Examples
    --------
    >>> fold("Siobhán NÍ Bhriain")
    'siobhan ni bhriain'
    """
    if text.isascii():
        return text.lower()
    out = []
    for ch in text:
        if ch.isascii():
            out.append(ch.lower())
            continue
        base = unicodedata.normalize("NFKD", ch)[:1] or ch
        low = base.lower()
        out.append(low if len(low) == 1 else base)
    return "".join(out)


def _lines(name: str) -> list[str]:
    text = resources.files("impact").joinpath(f"_data/{name}").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def english_words() -> frozenset[str]:
    """Ordinary English words, lower case, accents folded.

    Examples
    --------
    >>> {"board", "will", "grace"} <= english_words(), "sarah" in english_words()
    (True, False)
    """
    return frozenset(fold(w) for w in _lines("privacy/english_words.txt"))


@cache
def proper_nouns() -> frozenset[str]:
    """Words only ever written capitalised (names, places), folded to lower case.

    Examples
    --------
    >>> {"tyler", "leeds"} <= proper_nouns()
    True
    """
    return frozenset(fold(w) for w in _lines("privacy/proper_nouns.txt"))


@cache
def first_names() -> frozenset[str]:
    """Return the bundled lists of common UK first names and short forms.

    Examples
    --------
    >>> {"Sarah", "Mohammed", "Will"} <= first_names()
    True
    """
    return frozenset(_lines("first_names.txt")) | frozenset(_lines("privacy/more_first_names.txt"))


@cache
def _public() -> tuple[frozenset[str], tuple[str, ...]]:
    words, phrases = set(), []
    for line in _lines("privacy/public_terms.txt"):
        if " " in line:
            phrases.append(line)
        else:
            words.add(fold(line))
    return frozenset(words), tuple(phrases)


def public_terms() -> frozenset[str]:
    """One-word public terms (folded): never a person's name.

    Examples
    --------
    >>> {"ofsted", "camhs", "yorkshire"} <= public_terms()
    True
    """
    return _public()[0]


def public_phrases() -> tuple[str, ...]:
    """Multi-word public terms ("Working Together", "Signs of Safety" ...).

    Examples
    --------
    >>> "Signs of Safety" in public_phrases()
    True
    """
    return _public()[1]

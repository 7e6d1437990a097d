"""Word lists behind the redactor, loaded once on first use.

* :func:`english_words` - ordinary English words (SCOWL, lower-case entries):
  a capitalised word whose lower-case form is not among them is treated as a
  proper noun (a name or a place) unless it is a public term.
* :func:`proper_nouns` - words SCOWL only ever writes capitalised (people's
  names, places): a lower-case "tyler" or "leeds" is found through them.
* :func:`public_terms` - field vocabulary, acronyms, public bodies and regions
  that are never redacted as names.
* :func:`first_names` - common UK first names (``impact/_data/first_names.txt``).
* :func:`surname_words` - common British surnames that are also English words
  ("Mason", "Baker"): names only where a person is spoken of.
* :data:`POSTCODE_AREAS` - the 121 postcode areas of the United Kingdom.
* :func:`plain_text` - text as the detectors read it (odd spaces, invisible
  characters and compatibility forms made plain), with the way back to the
  original offsets.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources

__all__ = [
    "POSTCODE_AREAS",
    "lazy_compile",
    "english_words",
    "plain_text",
    "first_names",
    "fold",
    "proper_nouns",
    "public_phrases",
    "public_terms",
    "surname_words",
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


_LINE_BREAKS = frozenset("\u2028\u2029\x85\x0b\x0c")
# A letter O typed for a zero inside a number ("O7700 9OO123"): a run of digits and Os, at least one of each.
_DIGIT_O_RE = re.compile(r"(?<![^\W_])(?=[0-9Oo]*[0-9])(?=[0-9]*[Oo])[0-9Oo]+(?![^\W_])")


def _plain_char(ch: str) -> str:
    category = unicodedata.category(ch)
    if category == "Cf":
        return ""  # zero-width space and joiners, soft hyphen, byte-order and direction marks
    if ch in _LINE_BREAKS or category in ("Zl", "Zp"):
        return "\n"
    if category == "Zs":
        return " "  # no-break, narrow, thin, ideographic ... spaces
    compat = unicodedata.normalize("NFKC", ch)
    return compat if len(compat) == 1 else ch  # full-width letters and digits, "＠"; not "½" -> "1⁄2"


def plain_text(text: str) -> tuple[str, list[int] | None]:
    """``text`` as the detectors read it, and where each of its characters came from.

    Word processors and transcription tools write spaces that are not spaces
    (no-break, narrow no-break, ideographic), invisible characters inside
    words and numbers (zero-width spaces and joiners, soft hyphens, direction
    marks), line separators, full-width forms ("０７７００", "＠") and a letter
    O for a zero ("O7700 9OO123").  Each of these hides a detail from patterns
    written for plain spaces and digits, so the detectors read the plain form:
    spaces become " ", line separators "\\n", invisible characters are dropped,
    a compatibility character becomes its one-character equivalent, and an O
    inside a number becomes 0.

    Returns
    -------
    plain : str
    origin : list of int or None
        ``origin[i]`` is the offset in ``text`` of ``plain[i]``, with one more
        entry, ``len(text)``; None when ``plain`` is ``text``.

    Examples
    --------
    >>> plain_text("Ring O7700\u00a0900\u200b123")
    ('Ring 07700 900123', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16, 17, 18])
    >>> plain_text("Nothing odd here.")
    ('Nothing odd here.', None)
    """
    if text.isascii() and ("O" not in text and "o" not in text or _DIGIT_O_RE.search(text) is None) and not any(
        ch in _LINE_BREAKS for ch in text
    ):
        return text, None
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        new = ch if ch.isascii() and ch not in _LINE_BREAKS else _plain_char(ch)
        out.append(new)
        origin.extend([i] * len(new))
    plain = "".join(out)
    plain = _DIGIT_O_RE.sub(lambda m: m.group().replace("O", "0").replace("o", "0"), plain)
    origin.append(len(text))
    return plain, origin


def _lines(name: str) -> list[str]:
    text = resources.files("impact").joinpath(f"_data/{name}").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _folded(name: str) -> frozenset[str]:
    """The words of the bundled list ``privacy/<name>.txt``, folded."""
    return frozenset(fold(w) for w in _lines(f"privacy/{name}.txt"))


@cache
def english_words() -> frozenset[str]:
    """Ordinary English words, lower case, accents folded.

    Examples
    --------
    >>> {"board", "will", "grace"} <= english_words(), "sarah" in english_words()
    (True, False)
    """
    return _folded("english_words")


@cache
def proper_nouns() -> frozenset[str]:
    """Words only ever written capitalised (names, places), folded to lower case.

    Examples
    --------
    >>> {"tyler", "leeds"} <= proper_nouns()
    True
    """
    return _folded("proper_nouns")


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
def surname_words() -> frozenset[str]:
    """Common British surnames that are also ordinary English words, folded to lower case.

    Examples
    --------
    >>> {"mason", "baker", "smith"} <= surname_words(), "hope" in surname_words()
    (True, False)
    """
    return _folded("surname_words")


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

"""Word lists behind the redactor, loaded once on first use.

* :func:`english_words` - ordinary English words (SCOWL, lower-case entries):
  a capitalised word whose lower-case form is not among them is treated as a
  proper noun (a name or a place) unless it is a public term.
* :func:`proper_nouns` - words SCOWL only ever writes capitalised (people's
  names, places): a lower-case "tyler" or "leeds" is found through them.
* :func:`public_terms` - field vocabulary, acronyms, public bodies and regions
  that are never redacted as names.
* :func:`public_names` - charities, events, therapies, medicines, games,
  programmes, brands and shops of national scope ("Samaritans", "Calpol",
  "the Eisteddfod"): kept where no person is spoken of.
* :func:`first_names` - common UK first names (``impact/_data/first_names.txt``).
* :func:`surname_words` - common British surnames that are also English words
  ("Mason", "Baker"): names only where a person is spoken of.
* :func:`house_names` - nouns that name one building as a house's name after
  "the" ("the old rectory", "the maltings"): an address where someone lives.
* :func:`word_places` - towns and districts whose names are English words
  ("sale", "wells"): places only where someone moves, lives or comes from.
* :func:`bare_word` - whether English uses a word without an article ("care",
  "wood", "summer", plurals): a listed name part that is a word and not one of
  these, standing bare where a noun would need "the" or "a", is the person.
* :data:`POSTCODE_AREAS` - the 121 postcode areas of the United Kingdom.
* :func:`plain_text` - text as the detectors read it (odd spaces, invisible
  characters, compatibility forms and look-alike letters of other scripts made
  plain), with the way back to the original offsets.
* :func:`despaced` - the same text with letter-spaced words closed up
* :func:`unfilled` - the same text without a speaker's fillers and repeated words
  ("J a n e", "J.A.N.E.", "0 7 7 0 0"), read as a second view.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources

__all__ = [
    "POSTCODE_AREAS",
    "bare_word",
    "lazy_compile",
    "despaced",
    "unfilled",
    "spaced_runs",
    "english_words",
    "spoken_words",
    "plain_text",
    "first_names",
    "folded_first_names",
    "place_given_names",
    "fold",
    "house_names",
    "proper_nouns",
    "public_names",
    "thing_names",
    "welsh_words",
    "welsh_frequent_words",
    "welsh_proper_words",
    "public_phrases",
    "public_terms",
    "surname_words",
    "word_places",
    "idiom_places",
    "communities",
    "age_groups",
    "generations",
    "conditions",
    "role_initials",
    "role_meanings",
    "service_letters",
    "named_institutions",
    "FAMILY_WORDS",
    "FAMILY_ALTERNATION",
    "MESSAGE_WORDS",
    "MESSAGE_ALTERNATION",
]

#: The words for a member of a child's family or household, in the spellings notes write them (plurals that are no
#: word plus "s" listed too): the one list every rule that reads them uses (a relative's initials set off after one,
#: "her cousin, OF, pleaded"; a possessive before one, "jade's mum"; a relative's job, "his dad is a teacher at ...").
FAMILY_WORDS: tuple[str, ...] = tuple(
    """
    mum mam mom mummy mother dad daddy father parent nan nana nanna nannan gran granny grandma grandmother grandad
    grandpa grandfather auntie aunty aunt uncle brother sister sibling cousin son daughter nephew niece twin child
    children kid kids stepdad step-dad stepmum step-mum stepfather stepmother stepbrother step-brother stepsister
    step-sister half-brother halfbrother half-sister halfsister boyfriend girlfriend partner husband wife fiance fiancé
    fiancee fiancée fella ex carer foster_carer foster_mum foster_dad foster_parent guardian neighbour
    """.split()
)
#: :data:`FAMILY_WORDS` as a pattern's alternation, longest first (a word joined by "_" there is two words, any spaces
#: or tabs between them).
FAMILY_ALTERNATION: str = "|".join(
    re.escape(w).replace("_", r"[ \t]+") for w in sorted(FAMILY_WORDS, key=lambda w: (-len(w), w)))

#: The words for a message, a call or a visit that someone sends or pays, in the spellings notes and chats write them:
#: the one list both rules that read "<message> from <who>" use (who sends a message is a person, "msg from shannon:";
#: initials after one are a person's, "a voicemail from JS").  A word joined by "_" is two words, any spaces between.
MESSAGE_WORDS: tuple[str, ...] = tuple(
    """
    msg msgs message messages text texts txt txts voicemail voicemails vm vms call calls phone_call phone_calls phonecall
    phonecalls email emails e-mail e-mails snap snaps snapchat snapchats dm dms whatsapp whatsapps whats_app whats_apps
    wa letter letters card cards note notes post posts comment comments inbox inboxes visit visits word
    """.split()
)
#: :data:`MESSAGE_WORDS` as a pattern's alternation, longest first.
MESSAGE_ALTERNATION: str = "|".join(
    re.escape(w).replace("_", r"[ \t]+") for w in sorted(MESSAGE_WORDS, key=lambda w: (-len(w), w)))

#: Postcode areas (outward-code letters) of the United Kingdom, Crown dependencies included.
POSTCODE_AREAS: frozenset[str] = frozenset(
    """
    AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E EC EH EN EX
    FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL LN LS LU M ME MK ML N NE
    NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ
    TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE
    """.split()
)


# Compiling a pattern that ignores case with full case folding (the regex module's default under VERSION1) costs twice
# as long as with simple folding, and gives the same matches wherever neither the text nor the pattern holds a character
# that folds to more than one ("ß" -> "ss", "ﬁ" -> "fi"): those are the only characters the two foldings treat apart.
# So a pattern is compiled with simple folding (``(?-f)``) first, and with its own flags again only for a text that holds
# such a character; a pattern that names one, in a literal, an escape or a range, always keeps its own flags.
_RANGE_END = r"(?:\\u[0-9a-fA-F]{4}|\\U[0-9a-fA-F]{8}|\\x[0-9a-fA-F]{2}|\\x\{[0-9a-fA-F]+\}|\\?[^\\])"
_RANGE_RE = re.compile(rf"({_RANGE_END})-({_RANGE_END})")
_ESCAPED_RE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|x([0-9a-fA-F]{2})|x\{([0-9a-fA-F]+)\})")
_STRING_METHODS = frozenset("search match fullmatch finditer findall split splititer scanner".split())
_REPLACE_METHODS = frozenset("sub subn subf subfn".split())


@cache
def _expanding() -> frozenset[str]:
    """Characters whose full case folding is longer than one character (by the regex module and by Python)."""
    from regex import _regex

    python = (c for c in map(chr, range(0x80, 0x20000)) if len(c.casefold()) > 1)
    return frozenset(_regex.get_expand_on_folding()).union(python)


def _code_point(token: str) -> int:
    if token.startswith("\\") and len(token) > 2:
        return int(token[2:].strip("{}"), 16)
    return ord(token[-1])


def _names_expanding(pattern: str) -> bool:
    """Whether ``pattern`` holds a character that folds to more than one, itself or in a range (conservatively: any
    "x-y" is read as a range), or names characters by ``\\N{...}``."""
    if pattern.isascii() and "\\u" not in pattern and "\\U" not in pattern and "\\x" not in pattern:
        return False
    expanding = _expanding()
    if "\\N{" in pattern or any(c in expanding for c in pattern):
        return True
    for m in _ESCAPED_RE.finditer(pattern):
        if chr(int(next(g for g in m.groups() if g), 16)) in expanding:
            return True
    for m in _RANGE_RE.finditer(pattern):
        lo, hi = _code_point(m.group(1)), _code_point(m.group(2))
        if lo <= hi and any(lo <= ord(c) <= hi for c in expanding):
            return True
    return False


def _has_expanding(text: str) -> bool:
    return not text.isascii() and not _expanding().isdisjoint(text)


class _LazyPattern:
    """A regular expression compiled on first use (the redactor's many patterns cost a second to compile), with simple
    case folding unless the text searched needs full (see :data:`_RANGE_RE` above)."""

    __slots__ = ("_args", "_simple", "_full")

    def __init__(self, *args):
        self._args = args
        self._simple = None
        self._full = None

    def _compiled(self, full: bool):
        if full:
            if self._full is None:
                import regex

                self._full = regex.compile(*self._args)
            return self._full
        if self._simple is None:
            import regex

            pattern, *rest = self._args
            if isinstance(pattern, str) and not _names_expanding(pattern):
                try:
                    self._simple = regex.compile("(?-f)" + pattern, *rest)
                except regex.error:
                    # regex 2023 (the oldest setup.cfg allows) refuses to turn off a flag that is off: full case
                    # folding is off unless VERSION1 is on (and under VERSION1 it accepts '(?-f)'), so the pattern as
                    # given already folds simply; a pattern wrong in itself raises again here
                    self._simple = regex.compile(pattern, *rest)
            else:
                self._simple = self._full = self._compiled(True)
        return self._simple

    def __getattr__(self, name: str):
        if name in _STRING_METHODS:
            method = self._string_method(name, 0)
        elif name in _REPLACE_METHODS:
            method = self._string_method(name, 1)
        elif name == "pattern":
            return self._args[0]
        else:
            return getattr(self._compiled(False), name)
        return method

    def _string_method(self, name: str, at: int):
        def call(*args, **kwargs):
            text = args[at] if len(args) > at else kwargs.get("string", "")
            full = isinstance(text, str) and _has_expanding(text)
            return getattr(self._compiled(full), name)(*args, **kwargs)

        return call


def lazy_compile(pattern: str, flags: int = 0):
    """``regex.compile(pattern, flags)``, deferred until the pattern is first used.

    Examples
    --------
    >>> lazy_compile(r"\\d+").findall("a 12 b 3")
    ['12', '3']
    >>> [bool(lazy_compile("strasse", 2 | 256).search(t)) for t in ("Strasse", "Straße")]  # IGNORECASE | VERSION1
    [True, True]
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


# Characters Unicode says a renderer may show as nothing (Default_Ignorable_Code_Point) that are no format characters:
# the combining grapheme joiner and variation selectors, marks that vanish inside a word ("Bi\u034fshop"), and the
# Hangul fillers, letters that show as a blank between words ("Tom\u3164Bishop").
_IGNORABLE_RE = lazy_compile(r"\p{Default_Ignorable_Code_Point}")


def _plain_char(ch: str) -> str:
    category = unicodedata.category(ch)
    if category == "Cf":
        return ""  # zero-width space and joiners, soft hyphen, byte-order and direction marks
    if _IGNORABLE_RE.match(ch):
        return " " if category == "Lo" else ""
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
    marks, the combining grapheme joiner, variation selectors; a Hangul
    filler shows as a blank and is read as a space), line separators, full-width forms ("０７７００", "＠") and a letter
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
    ) and ("\n" not in text or _WRAPPED_RE.search(text) is None):
        return text, None
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        new = ch if ch.isascii() and ch not in _LINE_BREAKS else _plain_char(ch)
        out.append(new)
        origin.extend([i] * len(new))
    plain = "".join(out)
    plain = _DIGIT_O_RE.sub(lambda m: m.group().replace("O", "0").replace("o", "0"), plain)
    if not plain.isascii():
        plain = _LOOKALIKE_WORD_RE.sub(_unspoof, plain)
    if "\n" in plain:
        plain, origin = _unwrapped(plain, origin)
    origin.append(len(text))
    return plain, origin


# A line broken inside a number ("07700 900\n123") or inside a word with a hyphen ("Smi-\nthson", "Kay-\nleigh"), as a
# transcript wrapped at a fixed width or a PDF copied out breaks it.
_WRAPPED_RE = re.compile(r"\d[ \t]*\r?\n[ \t]*\d|[^\W\d_]-[ \t]*\r?\n[ \t]*[^\W\d_]")
_DIGIT_WRAP_RE = re.compile(r"(?<=\d)[ \t]*\r?\n[ \t]*(?=\d)")
_HYPHEN_WRAP_RE = re.compile(r"(?<=[^\W\d_])-[ \t]*\r?\n[ \t]*(?=[^\W\d_])")


def _unwrapped(plain: str, origin: list[int]) -> tuple[str, list[int]]:
    """``plain`` with a line break inside a number read as a space and a word broken by a hyphen at a line's end
    closed up (before a lower-case letter: "Smi-\nthson"; "Tyler-\nJones" keeps its hyphen and the break)."""
    plain = _DIGIT_WRAP_RE.sub(lambda m: " " * len(m.group()), plain)
    drop = [m for m in _HYPHEN_WRAP_RE.finditer(plain) if plain[m.end()].islower()]
    if not drop:
        return plain, origin
    keep_text, keep_origin, pos = [], [], 0
    for m in drop:
        keep_text.append(plain[pos : m.start()])
        keep_origin.extend(origin[pos : m.start()])
        pos = m.end()
    keep_text.append(plain[pos:])
    keep_origin.extend(origin[pos:])
    return "".join(keep_text), keep_origin


@cache
def _lookalikes() -> dict[str, str]:
    """Letters of other scripts that look like one ASCII letter (Cyrillic "а", Greek "Ο" ...) and that letter.

    Taken from the Unicode confusables data (UTS #39, ``confusables.txt``) as
    the confusable-homoglyphs package ships it: single-character prototypes
    only, so a replacement keeps every offset.
    """
    import json

    data = json.loads(resources.files("confusable_homoglyphs").joinpath("confusables.json").read_text(encoding="utf-8"))
    table: dict[str, str] = {}
    for key, entries in data.items():
        for entry in entries:
            other = entry.get("c", "")
            if len(key) == 1 and not key.isascii() and key.isalpha() and len(other) == 1 and other.isascii() and other.isalpha():
                table.setdefault(key, other)
            elif len(key) == 1 and key.isascii() and key.isalpha() and len(other) == 1 and not other.isascii() and other.isalpha():
                table.setdefault(other, key)
    return table


# A word holding a letter outside the Latin script (letters, marks and apostrophes; "Priсe" with a Cyrillic "с").
_LOOKALIKE_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def _unspoof(m: re.Match) -> str:
    """A word spelled with look-alike letters of another script, in Latin letters; any other word as it is.

    Following UTS #39, a word is read as Latin when it mixes Latin with
    look-alike letters of another script ("Аnita": Cyrillic "А") or when every
    letter is such a look-alike ("Ргісе" all Cyrillic); a word of another
    script with a letter that has no Latin look-alike ("Наталья") is left as
    it is.
    """
    word = m.group()
    if word.isascii():
        return word
    table = _lookalikes()
    foreign = [c for c in word if c.isalpha() and not _latin(c)]
    if not foreign or not all(c in table for c in foreign):
        return word
    return "".join(table.get(c, c) if c.isalpha() and not _latin(c) else c for c in word)


def _latin(ch: str) -> bool:
    return ch.isascii() or unicodedata.name(ch, "").startswith("LATIN ")


# Letter-spaced words: three or more single letters or digits, each set off by one space, dot, hyphen, underscore,
# middle dot or asterisk ("J a n e", "J.A.N.E.", "K-w-a-m-e", "0 7 7 0 0"), with a closing dot ("J.A.N.E."); a dot and
# a space between a letter and a digit close the letters' run ("D.O.B. 3.4.15": the label, then the date).
_SPACED_RE = re.compile(
    # not the "s" of "it's" or "name's" before letters spelled out ("it's t y l e r")
    # a space after dotted letters before a digit ends the run: a dotted label before a figure ("D.O.B 3.4.15")
    r"(?<![^\W_])(?<!['’])[^\W_](?:(?:[.\-_·*]|(?<!\.[^\W\d_])[ ]|[ ](?!\d)|(?<=[^\W\d_])\.[ ](?=[^\W\d_])"
    r"|(?<=\d)\.[ ](?=\d))[^\W_]){2,}"
    r"(?:\.(?![^\W_]))?(?![^\W_])"
)
_SPACED_SEP = frozenset(" .-_·*")


def spaced_runs(text: str) -> list[re.Match]:
    """The letter-spaced runs of ``text`` that :func:`despaced` closes up.

    Examples
    --------
    >>> [m.group() for m in spaced_runs("Ask J a n e or J.A.N.E. now, e.g. today.")]
    ['J a n e', 'J.A.N.E.']
    """
    return list(_SPACED_RE.finditer(text))


def despaced(text: str) -> tuple[str, list[int]] | None:
    """``text`` with letter-spaced words closed up, and where each character came from; None if it has none.

    "I spoke to J a n e Smith" is read as "I spoke to Jane Smith", "J.A.N.E.
    SMITH" as "JANE SMITH" and "0 7 7 0 0  9 0 0  1 2 3" as "07700 900 123"
    (two runs of digits a few spaces apart keep one space).  Writing a name
    or a number out letter by letter hides it from every pattern written for
    words; the redactor reads this view as well as the plain one.  Only runs
    of three or more single characters are closed up, so "e.g.", "i.e." and
    "A and B" are untouched.

    Examples
    --------
    >>> despaced("Ask J a n e Smith on 0 7 7 0 0  9 0 0  1 2 3.")[0]
    'Ask Jane Smith on 07700 900 123.'
    >>> despaced("Nothing odd here, e.g. this.") is None
    True
    """
    runs = spaced_runs(text)
    if not runs:
        return None
    out: list[str] = []
    origin: list[int] = []
    pos = 0
    previous_digits = False
    for m in runs:
        gap = text[pos : m.start()]
        run = m.group()
        digits = all(c.isdigit() or c in _SPACED_SEP for c in run)
        if previous_digits and digits and pos and gap.strip(" \t") == "" and 0 < len(gap) <= 4:
            out.append(" ")  # "0 7 7 0 0  9 0 0": the wider gap is the one between groups
            origin.append(pos)
        else:
            out.append(gap)
            origin.extend(range(pos, m.start()))
        dotted = "." in run[:-1]  # "J.A.N.E.": its closing dot goes too; "1 2 3." keeps its full stop
        for i, ch in enumerate(run, m.start()):
            if ch not in _SPACED_SEP or (ch == "." and i == m.end() - 1 and not dotted):
                out.append(ch)
                origin.append(i)
        pos = m.end()
        previous_digits = digits
    out.append(text[pos:])
    origin.extend(range(pos, len(text)))
    origin.append(len(text))
    return "".join(out), origin



# Sounds a speaker makes while thinking, as transcripts write them ("um", "erm", "uhm", "er", "ah", "hmm", "mm"), with a
# comma before and after; and "like" set off as one ("so like, she ..."; not "she'd like to", "like her mum").
_FILLER_RE = lazy_compile(
    r"(?:,[ \t]*)?(?<![\p{L}\p{N}'’])(?:u+h*m+|u+h+|e+r+m*|e+h*m+|a+h+|h+m+|m+h*m+|(?<=(?:^|[,.;:!?]|\b(?:so|and|but|then))"
    r"[ \t]{0,3})like(?=[ \t]*,))(?![\p{L}\p{N}'’])(?:[ \t]*(?:,|\.{3}|…))?",
    2 | 256,  # IGNORECASE | VERSION1
)
# A word said again at once, alone or after a comma ("kaycee, kaycee", "she she", "Rocky, rocky").
_REPEAT_RE = lazy_compile(r"(?<![\p{L}\p{N}'’\-])(?P<w>\p{L}+(?:['’\-]\p{L}+)*)(?P<again>(?:[ \t]*,?[ \t]+(?P=w))+)"
                          r"(?![\p{L}\p{N}'’\-])", 2 | 256)
_FILLER_WORDS = frozenset({"like"})
_FILLER_SOUND = re.compile(r"u+h*m+|u+h+|e+r+m*|e+h*m+|a+h+|h+m+|m+h*m+")
_SAID_NUMBER_RE = lazy_compile(
    r"zero|oh|o|nought|nil|double|treble|triple|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"\p{L}+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand", 2 | 256)
_WORD_AGAIN_RE = lazy_compile(r"\p{L}+(?:['’\-]\p{L}+)*", 256)


def unfilled(text: str) -> tuple[str, list[int], list[tuple[int, int, int, int]]] | None:
    """``text`` without a speaker's fillers and words said twice, where each character came from, and the repeats; None
    if it has none.

    Transcripts keep what a speaker says while thinking: "um, so like, kaycee, kaycee, she she rang me" is read as "so
    kaycee, she rang me", where the name stands in a place the redactor knows.  The view is read as well as the text
    as it is.  Each repeat is given as (start, end, kept_start, kept_end) in ``text``: a word said again is what the
    first saying of it is (a name said twice is redacted twice).

    Examples
    --------
    >>> unfilled("um, so like, kaycee, kaycee, she she rang me")[0]
    'so kaycee, she rang me'
    >>> unfilled("I would like to, and I will.") is None
    True
    """
    words = [w.strip(",.;:!?…\"“”‘’()").casefold() for w in text.split()]
    said_twice = any(a == b and a for a, b in zip(words, words[1:]))
    if not said_twice and not _FILLER_WORDS.intersection(words) and not any(_FILLER_SOUND.fullmatch(w) for w in words):
        return None  # most texts: no filler and no word said twice
    cuts = [(m.start(), m.end()) for m in _FILLER_RE.finditer(text)]
    repeats: list[tuple[int, int, int, int]] = []
    for m in _REPEAT_RE.finditer(text) if said_twice else ():
        if _SAID_NUMBER_RE.fullmatch(m.group("w")):
            continue  # digits said in words ("seven seven", "twelve twelve twenty twelve") are all a number's
        first = (m.start("w"), m.end("w"))
        cuts.append((m.start("again"), m.end("again")))
        rest = m.group("again")
        for again in _WORD_AGAIN_RE.finditer(rest):
            repeats.append((m.start("again") + again.start(), m.start("again") + again.end(), *first))
    if not cuts:
        return None
    cuts.sort()
    out: list[str] = []
    origin: list[int] = []
    pos = 0
    for start, end in cuts:
        if start < pos:
            start = pos
        if end <= start:
            continue
        out.append(text[pos:start])
        origin.extend(range(pos, start))
        pos = end
        if start > 0 and text[start - 1] in " \t":
            while pos < len(text) and text[pos] in " \t":
                pos += 1  # "so like, kaycee": one space is left between the words, not two
    out.append(text[pos:])
    origin.extend(range(pos, len(text)))
    view = "".join(out)
    lead = len(view) - len(view.lstrip(" \t"))  # a filler opening the text leaves no space before what follows
    origin = origin[lead:] + [len(text)]
    return view[lead:], origin, repeats


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
def spoken_words() -> frozenset[str]:
    """Everyday words of Welsh, Scots and other UK speech said inside English ("iawn", "cwtch", "dreich"), folded: no
    English list holds them, and they are never a name.

    Examples
    --------
    >>> {"iawn", "cwtch", "dreich"} <= spoken_words(), "lowri" in spoken_words()
    (True, False)
    """
    return _folded("spoken_words")


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
def folded_first_names() -> frozenset[str]:
    """:func:`first_names`, folded (lower case, no accents), as the detectors compare words."""
    return frozenset(fold(n) for n in first_names())


@cache
def place_given_names() -> frozenset[str]:
    """Given names that are a council's or a place's word too, folded: a person only where the words around say one.

    Examples
    --------
    >>> "chelsea" in place_given_names(), "chelsea" in folded_first_names()
    (True, False)
    """
    return _folded("place_given_names")


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
def _bare_nouns() -> frozenset[str]:
    return _folded("bare_nouns")


@cache
def house_names() -> frozenset[str]:
    """Nouns that name one building as a house's name after "the" ("rectory", "maltings", "coach house"), folded.

    Examples
    --------
    >>> {"rectory", "maltings", "coach house"} <= house_names(), "house" in house_names()
    (True, False)
    """
    return frozenset(" ".join(fold(w).split()) for w in _lines("privacy/house_names.txt"))


@cache
def word_places() -> frozenset[str]:
    """Towns and districts of the United Kingdom whose names are ordinary English words, folded.

    Examples
    --------
    >>> {"sale", "wells", "hull"} <= word_places(), "hope" in word_places()
    (True, False)
    """
    return _folded("word_places")


@cache
def idiom_places() -> frozenset[str]:
    """Towns of the United Kingdom whose names are words said mostly as idioms after a word of moving or living ("live
    in hope", "went to battle"), folded: a place only where written capitalised inside a sentence there.

    Examples
    --------
    >>> {"hope", "battle", "settle", "march"} <= idiom_places(), "hope" in word_places()
    (True, False)
    """
    return _folded("idiom_places")


@cache
def communities() -> frozenset[str]:
    """Faiths, peoples and nations said of a person before them ("a sikh family", "the Somali girl"), folded.

    Examples
    --------
    >>> {"sikh", "somali", "roma", "polish"} <= communities()
    True
    """
    return _folded("communities")


@cache
def age_groups() -> frozenset[str]:
    """Nouns for people of an age, a stage of life or a standing that no British surname spells ("veteran",
    "youngster", "pensioner"), singular, folded: their plural after "the" is a group, never a family.

    Examples
    --------
    >>> {"veteran", "youngster", "pensioner"} <= age_groups(), {"senior", "elder"} & age_groups()
    (True, set())
    """
    return _folded("age_groups")


@cache
def generations() -> dict[str, tuple[int, int]]:
    """Generations named by when their members were born, each form folded (singular, as written in
    ``privacy/generations.txt``) with the first and the last year of birth its sources give.

    Examples
    --------
    >>> generations()["millennial"], generations()["gen z"], generations()["xennial"]
    ((1981, 1996), (1997, 2012), (1977, 1983))
    """
    out: dict[str, tuple[int, int]] = {}
    for line in _lines("privacy/generations.txt"):
        name, years = line.split("\t")
        first, last = years.split("-")
        out[fold(name)] = (int(first), int(last))
    return out


@cache
def role_initials() -> frozenset[str]:
    """The letters children's services write for a person's role, in capitals as written ("SW", "FSW", "IRO", "LADO").

    Examples
    --------
    >>> {"SW", "FSW", "IRO", "HV", "DSL", "PA", "LADO"} <= role_initials()
    True
    """
    return frozenset(role_meanings())


@cache
def service_letters() -> frozenset[str]:
    """The letters of services, orders, bodies and nations written after "the" where a stay or a visit is said ("the
    PRU", "the SARC", "the UAE"), in capitals as written: no hospital's letters.

    Examples
    --------
    >>> {"SARC", "CPS", "UAE", "YMCA"} <= service_letters(), "QE" in service_letters()
    (True, False)
    """
    return frozenset(_lines("privacy/service_letters.txt"))


@cache
def role_meanings() -> dict[str, str]:
    """What each role's letters of :func:`role_initials` stand for, in lower case ("MGM": "maternal grandmother").

    Examples
    --------
    >>> role_meanings()["FSW"], role_meanings()["MGM"]
    ('family support worker', 'maternal grandmother')
    """
    return dict(line.split("\t", 1) for line in _lines("privacy/role_initials.txt"))


@cache
def conditions() -> frozenset[str]:
    """Health conditions and disabilities said of a person after "with" ("the boy with cystic fibrosis"), folded.

    Examples
    --------
    >>> {"spina bifida", "epilepsy", "autism"} <= conditions()
    True
    """
    return _folded("conditions")


@cache
def named_institutions() -> frozenset[str]:
    """Prisons, secure units and hospitals known by their name alone ("wormwood scrubs", "full sutton", "alder hey"),
    folded.

    Examples
    --------
    >>> {"wormwood scrubs", "full sutton", "styal", "alder hey"} <= named_institutions()
    True
    """
    return _folded("institutions")


def bare_word(word: str) -> bool:
    """Whether English uses ``word`` without an article: a mass or abstract noun, a season, a month ("with care",
    "made from wood", "Hope is not a strategy", "in summer"), the noun of a fixed phrase ("back to work", "by hand"),
    or a plural ("with banks").

    A singular count noun ("marsh", "bishop", "tom") needs "the" or "a"; standing bare where a noun would, a listed
    name part that is one is the person ("we did it with marsh.", "Tom was great.").

    Examples
    --------
    >>> bare_word("Care"), bare_word("woods"), bare_word("marsh"), bare_word("tom"), bare_word("peters")
    (True, True, False, False, False)
    """
    key = fold(word)
    if key in _bare_nouns():
        return True
    # a plural of a word that is no given name ("banks", "woods"; not "peters", "rogers", "james")
    stems = [key[:-1]] + ([key[:-2]] if key.endswith("es") else [])
    return len(key) > 3 and key.endswith("s") and not key.endswith("ss") and any(
        s in english_words() and s not in folded_first_names() for s in stems) and key not in folded_first_names()


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


@cache
def welsh_words() -> frozenset[str]:
    """Common Welsh words, folded (``wordlists/welsh_common.txt``, the list :mod:`impact.validate` reads).

    Examples
    --------
    >>> {"yn", "mae", "gyda"} <= welsh_words()
    True
    """
    return frozenset(fold(w) for w in _lines("wordlists/welsh_common.txt"))


@cache
def _welsh_frequent() -> tuple[frozenset[str], frozenset[str]]:
    lower: set[str] = set()
    proper: set[str] = set()
    for w in _lines("wordlists/welsh_frequent.txt"):
        (proper if w[:1].isupper() else lower).add(fold(w))
    return frozenset(lower), frozenset(proper)


@cache
def welsh_frequent_words() -> frozenset[str]:
    """The most frequent Welsh word forms, mutated forms among them, folded: the lower-case forms of
    ``wordlists/welsh_frequent.txt`` (Geiriau Mwyaf Aml, Bangor University, Apache-2.0) and :func:`welsh_words`.

    Examples
    --------
    >>> {"roedd", "sal", "ddoe", "mae'r", "gael"} <= welsh_frequent_words()
    True
    """
    return _welsh_frequent()[0] | welsh_words()


def welsh_proper_words() -> frozenset[str]:
    """Welsh names of nations, languages, months, days and feasts, mutated forms among them, folded (the capitalised
    forms of ``wordlists/welsh_frequent.txt``): words that name no person.

    Examples
    --------
    >>> {"cymru", "nghymru", "mawrth"} <= welsh_proper_words()
    True
    """
    return _welsh_frequent()[1]


@cache
def thing_names() -> dict[str, str]:
    """Things whose names are given names too, folded, each with its kind: ``"assistant"`` (a voice assistant),
    ``"character"`` (a game's hero) or ``"breed"`` (a dog's breed) (``privacy/thing_names.txt``).

    Examples
    --------
    >>> thing_names()["alexa"], thing_names()["mario"], thing_names()["jack russell"]
    ('assistant', 'character', 'breed')
    """
    return {fold(name): kind for kind, name in (line.split("\t", 1) for line in _lines("privacy/thing_names.txt"))}


@cache
def public_names() -> tuple[str, ...]:
    """Names of national scope that name no one: charities, events, therapies, medicines, games, programmes, brands and
    shops ("Samaritans", "Multisystemic Therapy", "Calpol", "Ryder Cup"), as written (``privacy/public_names.txt``,
    partly from the name-suggestion-index, BSD 3-Clause).

    Examples
    --------
    >>> {"Samaritans", "Calpol", "Eisteddfod", "Lego", "Greggs"} <= set(public_names())
    True
    """
    return tuple(dict.fromkeys(_lines("privacy/public_names.txt")))

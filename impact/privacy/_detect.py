"""Detectors of identifiers, contact details, addresses, dates and ages in text.

Each detector takes the text and returns :class:`Span` objects (start, end,
kind); :mod:`impact.privacy._redact` merges them with the names found by
:mod:`impact.privacy._names`.  Check digits are used to *name* what was found
(a 10-digit number that passes the NHS modulus-11 check is an NHS number, a
13-character code that passes the UPN check letter is a pupil number), never
to let a number through: a mistyped identifier is still an identifier.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex as re
from stdnum import iban as _iban
from stdnum.gb import nhs as _nhs
from stdnum.gb import upn as _upn

from ._lexicon import (
    FAMILY_ALTERNATION,
    POSTCODE_AREAS,
    _lines,
    bare_word,
    communities,
    conditions,
    english_words,
    fold,
    folded_first_names,
    house_names,
    lazy_compile,
    named_institutions,
    proper_nouns,
    public_phrases,
    public_terms,
    role_initials,
    service_letters,
    spoken_words,
    word_places,
)

__all__ = ["Span", "find_identifiers"]


@dataclass(frozen=True)
class Span:
    """A detected detail: code-point offsets ``[start, end)`` and its kind."""

    start: int
    end: int
    kind: str


_I = re.IGNORECASE | re.VERSION1
_H = r"[ \t]"  # horizontal space
# The end of a phrase: a stop, a comma, a closing bracket or quote, a dash, or the end of the text.
_PHRASE_END = r"[ \t]*(?:[.,;:!?)\]\"”’…–—]|\Z)"
_DASH = r"\-\u2010-\u2014"  # for use inside a character class

# ---------------------------------------------------------------- e-mail, web
_DOT_WORD = r"(?:[ \t]*(?:\.|\[[ \t]*dot[ \t]*\]|\([ \t]*dot[ \t]*\)|\{[ \t]*dot[ \t]*\}|<[ \t]*dot[ \t]*>)[ \t]*|[ \t]+dot[ \t]+)"
_AT_WORD = r"(?:[ \t]*(?:@|\[[ \t]*at[ \t]*\]|\([ \t]*at[ \t]*\)|\{[ \t]*at[ \t]*\}|<[ \t]*at[ \t]*>)[ \t]*|[ \t]+at[ \t]+)"
_LOCAL_SEP = rf"(?:{_DOT_WORD}|[_+\-]|[ \t]+underscore[ \t]+)"
_LABEL = r"[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?"
_EMAIL_RE = lazy_compile(r"(?<![\w.+%-])[\p{L}\p{N}][\p{L}\p{N}._%+\-]*@(?:" + _LABEL + r"\.)+\p{L}{2,}(?![\w-])", re.VERSION1)
# Obfuscated: "jo dot smith at leeds dot gov dot uk", "jo.smith [at] nhs [dot] net".
_EMAIL_OBF_RE = lazy_compile(
    rf"(?<![\w.])(?P<local>{_LABEL}(?:{_LOCAL_SEP}{_LABEL}){{0,4}}){_AT_WORD}"
    rf"(?P<domain>{_LABEL}(?:{_DOT_WORD}{_LABEL}){{1,5}})(?![\w])",
    _I,
)
_TLDS = frozenset("uk com org net gov ac nhs sch police co io me info biz edu eu int mil ie scot wales cymru london".split())
# Web addresses: with a scheme or "www.", a domain and a path (short links too: bit.ly/..., youtu.be/...), or a
# bare domain in lower case ending in a common top-level domain ("tylerjones.co.uk"; not "well.Me" for "well. Me").
_URL_RE = lazy_compile(
    r"(?<![\w@])(?:(?:https?://|www\.)[^\s<>\"')\]]+"
    r"|(?:[\w\-]+\.)+(?:com|org|net|uk|io|me|info|co|ly|gl|be|tv|gg|app|link|to)/[^\s<>\"')\]]*"
    r"|(?-i:(?:[a-z0-9][a-z0-9\-]*\.)+(?:com|org|net|uk|info))(?![\w\-]|\.\w))",
    _I,
)
_SOCIAL_DOMAINS = lazy_compile(r"(?:facebook|fb|instagram|twitter|x|tiktok|snapchat|youtube|linkedin|threads|reddit|twitch)\.", _I)
_REDDIT_RE = lazy_compile(r"(?<![\w/])u/[\p{L}\p{N}_\-]{3,}", re.VERSION1)
# An "@" before a time is "at" it, no handle ("Dad messaged @1400hrs", "visit @10am", "@14:30", "rang @1400").
_HANDLE_RE = lazy_compile(
    r"(?<![\w@.+%-])@(?!(?:\d{1,2}[:.]\d{2}|\d{1,2}(?:[:.]\d{2})?[ap]\.?m\.?|\d{4}(?:hrs?)?|\d{1,2}(?:[:.]?\d{2})?hrs?)(?![\w@:]))"
    r"[\p{L}\p{N}_](?:[\p{L}\p{N}_.]*[\p{L}\p{N}_])?(?![\w@])", re.VERSION1)
_PLATFORMS = (
    r"twitter|insta(?:gram)?|tik[ \t]?tok|snap(?:chat)?|facebook|fb|threads|youtube|discord|twitch|reddit|"
    r"linkedin|telegram|whatsapp|kik|bebo|myspace|only[ \t]?fans|tumblr|bereal|yubo|omegle|depop|vinted|ebay|etsy|"
    # games and consoles, where a child has a gamer tag ("his psn is darkwolf_07", "on xbox he's called shadowkill99")
    r"xbox(?:[ \t]+live)?|psn|playstation|steam|roblox|fortnite|minecraft|epic[ \t]+games"
)
_SOCIAL = rf"(?:{_PLATFORMS}|x|social[ \t]+media)"
# Single letters joined by dots, a last dot after ("e.g.", "i.e.", "n.b.", "a.k.a."): an abbreviation, no handle (a
# handle's dotted pieces are longer, "jaxon.w", "kay.bee"); read so only where its closing dot stands, as written.
_DOTTED_LETTERS_RE = lazy_compile(r"\p{L}(?:\.\p{L})+", re.VERSION1)
_ABBREVIATION_DOT_RE = lazy_compile(r"\.(?![\p{L}\p{N}_])", re.VERSION1)
_PLATFORM_LAST_RE = lazy_compile(rf"\b{_SOCIAL}[ \t]+\Z", _I)
# A handle: "@" (perhaps set off by a space) and word characters with inner dots ("@ jo_s", "jo.smith99").
_HANDLE_BODY = r"(?P<h>(?:@[ \t]?)?[\p{L}\p{N}_](?:[\p{L}\p{N}_.]*[\p{L}\p{N}_])?)"
_HANDLE_CTX_RE = lazy_compile(
    rf"\b{_SOCIAL}(?P<named>[ \t]+(?:handle|name|user[ \t]?name|account|page|profile|id|tag))?"
    rf"(?:[ \t]+(?:is|was|as|called|under|name[d]?|at)|['’]s|[ \t]*,[ \t]*it(?:['’]s|[ \t]+(?:is|was)))*[ \t]*[:\-–]?[ \t]*"
    rf"{_HANDLE_BODY}",
    _I,
)
# A platform named in a clause ("she posts as kayleighb on tiktok", "on snapchat she is kaybee2009", "dm her at
# kaybee2009"): the words around it that read as a handle (see _web).
_PLATFORM_RE = lazy_compile(
    rf"\b(?:{_PLATFORMS}|tweets?|dm(?:'?d|s)?|direct[ \t]+messages?|(?:online|gam(?:es|ed|ing)|plays|played|playing)[ \t]+as|"
    r"user[ \t]?name|handle|gamer[ \t]?tag|screen[ \t]?name)\b",
    _I,
)
_CLAUSE_TOKEN_RE = lazy_compile(
    rf"(?<![\w@.+%/-])(?P<before>(?:\b(?:as|is|was|called|named|under|at|s?he['’]s|they['’]re)[ \t]+)?)"
    rf"{_HANDLE_BODY}(?![\w@/-])",
    re.VERSION1,
)
# A channel, page or group on a platform by the name it is called ("her youtube is called lily makes stuff", "a
# whatsapp group called the zorbo crew"): its words to the end of the phrase, at most four.
_PLATFORM_NAMED_RE = lazy_compile(
    rf"\b(?:{_PLATFORMS})(?:[ \t]+(?:channel|page|account|group|profile|chat|server))?(?:[ \t]+(?:is|was)|['’]s)?"
    rf"[ \t]+(?:called|named)[ \t]+(?P<n>[\p{{L}}\p{{N}}'’_.\-]+(?:[ \t]+[\p{{L}}\p{{N}}'’_.\-]+){{0,3}}?)"
    rf"(?={_PHRASE_END}|[ \t]+(?:and|but|on|with|which|that|where)\b)", _I)
# A handle said aloud in a clause naming a platform: pieces joined by "dot", "underscore", "dash" or "hyphen" ("kayleigh
# dot b dot 09", "ruby dash rose dash x").
_SPOKEN_HANDLE_RE = lazy_compile(
    r"(?<![\p{L}\p{N}_])(?P<first>[\p{L}\p{N}_]+)(?:[ \t]+(?:dot|underscore|dash|hyphen)[ \t]+[\p{L}\p{N}_]+)+"
    r"(?![\p{L}\p{N}_])", _I)
# Words before "dash" that make it the noun ("made a dash for it", "the mad dash on snap"): no handle's piece.
_DASH_NOUN_BEFORE = frozenset("a an the this that one mad quick last little big final".split())
_DASH_NOUN_AFTER = frozenset("""was is were are be been to for of and or but on in at into the a an it that this with from by
    as so then when which who""".split())
# Who to look up, find, follow or add on a platform ("look up lil drenz on youtube", "add kwazzy b on snap"): the words
# between, where one is no English word ("follow the rules on tiktok" stays).
_LOOKED_UP_RE = lazy_compile(
    r"\b(?:look(?:ed|s)?|search(?:ed|es)?|find|found|follow(?:ed|s)?|add(?:ed|s)?)[ \t]+(?:(?:him|her|them)[ \t]+)?(?:up[ \t]+)?"
    rf"(?:for[ \t]+)?(?P<n>(?:[\p{{L}}\p{{N}}_.]+[ \t]+){{0,2}}[\p{{L}}\p{{N}}_.]+)[ \t]+on[ \t]+(?:{_PLATFORMS})\b", _I)
# A gamer tag dressed in x's ("he's on there as xx drenzo xx", "xXshadowzXx"): the word inside, no English word.
_DRESSED_TAG_RE = lazy_compile(
    r"(?<![\p{L}\p{N}])(?i:xx|x[_\-.])[ \t_\-.]*(?P<w>\p{L}{3,}\d*)[ \t_\-.]*(?i:xx|[_\-.]x)(?![\p{L}\p{N}])", re.VERSION1)
_USERNAME_RE = lazy_compile(
    r"\b(?:user[ \t]?name|handle|gamer[ \t]?tag|screen[ \t]?name|nickname[ \t]+online)(?:[ \t]+(?:is|was)|['’]s)?[ \t]*[:\-–]?"
    r"[ \t]*" + _HANDLE_BODY,
    _I,
)
# The rest of a handle made of spaced words and figures after its first word ("his gamertag's big daddy dan 99", "his
# xbox name is dark lord 2010"): up to two more words, none a word of a clause, and the figures.
_SPACED_TAG_REST_RE = lazy_compile(
    r"(?:[ \t]+(?!(?:and|or|but|for|since|from|in|on|at|was|is|the|a|an|about|like|until|till|when|with|aged?|years?)\b)"
    r"\p{L}+){0,2}[ \t]+\d{1,4}(?![\p{L}\p{N}]|[.,:]\d)", _I)

# ------------------------------------------------------------------- numbers
# A run of digits with single separators between groups (space, dot, dash,
# brackets), optionally led by + or 00: phone numbers, NHS numbers, references.
_NUM_RE = lazy_compile(
    rf"(?<![\w+(/\\.,£$€])(?P<lead>\(?(?:\+|00)[ \t]?\d{{1,3}}\)?[ \t.{_DASH}]?(?:\(0\)[ \t.{_DASH}]?)?)?"
    rf"(?P<body>\(?\d(?:(?:[ \t]?[.{_DASH}][ \t]?|[ \t]|\)[ \t]?|[ \t]?\()?\d)*\)?)"
    rf"(?P<ext>,?[ \t]*(?:ext(?:ension)?\.?|x|#)[ \t]*\d{{1,5}})?(?![\w/]|[.,]\d)",
    _I,
)
# An NHS number's three groups (3, 3 and 4 figures) set off by any run of spaces or tabs ("943  476  5919", as a form's
# boxes are copied); one figure number only if its check digit holds (see _numbers).
_NHS_SPACED_RE = lazy_compile(r"(?<![\w+(/\\.,£$€])\d{3}[ \t]+\d{3}[ \t]+\d{4}(?![\w/]|[.,]\d)")
# Two years, the span between them ("2010-2012", "1981 – 1996", "2015/16").
_YEAR_SPAN_RE = lazy_compile(rf"(?:19|20)\d\d[ \t]*[/{_DASH}][ \t]*(?:(?:19|20)?\d\d)")
_YEARISH = lazy_compile(rf"^(?:(?:19|20)\d\d(?:[ \t]*[/{_DASH}][ \t]*(?:(?:19|20)?\d\d))?[ \t,]*)+$")
_PHONE_CTX = lazy_compile(
    r"\b(?:tel(?:ephone)?|phone|ph|mob(?:ile)?|cell|call(?:ed)?|ring|rang|text(?:ed)?|dial|fax|landline|number|no|contact|"
    r"reach|whats[ \t]?app|helpline|line|extension|ext)\b[^\n]{0,25}$",
    _I,
)
# A bank's or a card's label right before its number ("sort code 12-34-56", "a/c no. 87654321", "card number 4929 ...",
# "roll number 123/456.789-0", "her bank details are 20-00-00 55779911"): the number is an account's, never a phone's
# nor a date, whatever its shape.
_BANK_LABEL = (
    r"(?:sort[ \t\-]?code|s/c|(?:bank[ \t]+)?account[ \t]+(?:number|no\.?|num)|bank[ \t]+account|a/c(?:[ \t]+(?:number|no\.?))?"
    r"|acc(?:t|ount)?[ \t]+no\.?|(?:credit|debit|bank|payment|prepaid)?[ \t]*card[ \t]+(?:number|no\.?)"
    r"|(?:building[ \t]+society[ \t]+)?roll[ \t]+(?:number|no\.?)|iban|bank[ \t]+details)"
)
# A bank's label and what joins it to its number ("account number:", "sort code is", "the card's").
_BANK_LEAD = rf"\b{_BANK_LABEL}(?:['’]s|[ \t]+(?:is|was|are|were|of|:))?[ \t]*[:#.\-–]?[ \t]*"
_BANK_BEFORE_RE = lazy_compile(rf"{_BANK_LEAD}(?:\d{{2}}[{_DASH}]\d{{2}}[{_DASH}]\d{{2}}[ \t]+)?\Z", _I)
# The number after a bank's label: figures, set off by spaces, dots, slashes or dashes, a few letters before them
# ("GB33 BUKB 2020 1555 5555 55" after "IBAN"; "123/456.789-0"; "12 34 56").
_BANK_NUMBER_RE = lazy_compile(
    rf"{_BANK_LEAD}(?P<ref>(?:[a-z]{{2}}\d{{2}}[ \t]?[a-z]{{4}}[ \t]?)?[a-z]{{0,3}}\d(?:[\d./{_DASH}]|[ \t](?=\d))*\d)(?![\w/]|[.{_DASH}]\d)", _I)
# A word of a bank's label with a figure soon after it, sought first as the labels are rare.
_BANK_ANCHOR = lazy_compile(r"\b(?:sort|s/c|a/c|acc(?:t|ount)?|card|roll|iban|bank)\b[^\d\n]{0,30}\d", _I)
# Part of a card's or an account's number, as a bank's letters and reviews of financial abuse give it: its end after the
# card's or the account's word ("card ending 9012", "a debit card ending in 9012", "account ending with 4321"), the last
# figures said as such ("the last four digits of her card were 9012"), or the figures after a mask of the rest ("****
# **** **** 9012", "XXXX-XXXX-XXXX-9012").  Not "the year ending 2019": the end is a card's or an account's only.
_PARTIAL_NUMBER_RE = lazy_compile(
    r"\b(?:card|account|a/c|acc(?:t|ount)?)(?:[ \t]+(?:number|no\.?))?[ \t]+(?:(?:that|which)[ \t]+)?"
    r"end(?:ing|s|ed)(?:[ \t]+(?:in|with))?[ \t]*[:\-–]?[ \t]*(?P<ref>(?:[*x•.]+[ \t]?)?\d{3,6})(?![\w/]|[.,]\d)"
    r"|\blast[ \t]+(?:two|three|four|five|six|[2-6])[ \t]+(?:digits|numbers|figures)"
    r"(?:[ \t]+of[ \t]+(?:\p{L}+[ \t]+){0,4}?\p{L}+)?[ \t]*(?:(?:is|are|was|were|(?:would|will)[ \t]+be)[ \t]+|:[ \t]*|\([ \t]*)?"
    r"(?P<last>\d{2,6})(?![\w/]|[.,]\d)"
    r"|(?<![\w*•])(?P<masked>(?:(?:\*{3,4}|x{4}|•{3,4})[ \t\-]?){1,3}\d{3,6})(?![\w/]|[.,]\d)",
    _I)
_PARTIAL_ANCHOR = lazy_compile(r"\b(?:end(?:ing|s|ed)|last)\b|\*{3}|x{4}|•{3}", _I)
# An international bank account number anywhere, closed up or in fours ("GB82WEST12345698765432", "GB33 BUKB 2020 1555
# 5555 55"): its country's letters, two check figures and the account, kept to those that pass the check (ISO 13616).
_IBAN_RE = lazy_compile(r"(?<![\w])[A-Z]{2}\d{2}(?:[ \t]?[A-Z0-9]{4}){2,7}(?:[ \t]?[A-Z0-9]{1,3})?(?![\w])")
# A short number someone is rung or called on ("ring jo on 4471", "call the team on 2345"): a direct line.
_RING_ON_RE = lazy_compile(r"\b(?:ring|call|phone|text|reach|contact)\b[^\n.,;]{0,25}\bon[ \t]+(?:ext(?:ension)?\.?[ \t]*)?\Z", _I)
# A phone number's last figures, said of one ("her mum's mobile ends in 4471", "the number ending 2290"), of a pronoun
# for the number said before ("it ends in 4567", group ``it``: no year), or as its last figures ("her mobile's last
# digits are 321", "the last four of her mobile are 4567"): part of a number is a number's.  Said digit by digit in words
# too ("it ends in four five six seven"): see _numbers.
_PHONE_ENDS_RE = lazy_compile(
    r"(?:\b(?:mobile|mob|phone|number|landline|tel|no\.?)\b[^\n.,;]{0,20}|(?P<it>\b(?:it|that|which)(?:[ \t]+(?:just|only))?[ \t]+))"
    r"\b(?:ends?|ended|ending)[ \t]+(?:(?:in|with)[ \t]+)?\Z"
    r"|\b(?:mobile|mob|phone|number|landline)(?:['’]s)?[ \t]+last(?:[ \t]+(?:two|three|four|five|six|few|[2-6]))?[ \t]+"
    r"(?:digits|numbers|figures)[ \t]+(?:is|are|was|were)[ \t]+\Z"
    r"|\blast[ \t]+(?:two|three|four|five|six|few|[2-6])[ \t]+of[ \t]+"
    r"(?:\p{L}+(?:['’]s)?[ \t]+){0,3}?(?:mobile|mob|phone|number|landline)[ \t]+(?:is|are|was|were)[ \t]+\Z", _I)
# What follows a number's last figures said of a pronoun ("it ends in 4567", "it ends in four five six seven I think"):
# the phrase's end or a clause's word; a noun there makes them a count ("it ended with 200 people there").
_TAIL_END_RE = lazy_compile(rf"{_PHRASE_END}|[ \t]+(?:and|but|or|i|so|then|now|too|if|though|anyway|yeah)\b", _I)
# The last figures said of a card or an account, or in general ("the last four digits are four five six seven"): in words,
# as the figures are (see _PARTIAL_NUMBER_RE).
_LAST_DIGITS_BEFORE_RE = lazy_compile(
    r"\blast[ \t]+(?:two|three|four|five|six|few|[2-6])[ \t]+(?:digits|numbers|figures)(?:[ \t]+of[ \t]+(?:\p{L}+[ \t]+){0,4}?\p{L}+)?"
    r"[ \t]*(?:(?:is|are|was|were|(?:would|will)[ \t]+be)[ \t]+|:[ \t]*)\Z", _I)
# An extension on its own ("ask for Priya on extension 4471"): a direct line.
_EXTENSION_RE = lazy_compile(r"\b(?:ext(?:ension)?|extn)\.?[ \t]*(?:no\.?|number)?[ \t]*(?P<n>\d{3,6})(?![\w/]|[.,]\d)", _I)
# A UK number and another ending after a slash, as contact lines give two lines or a range ("01274 432227/4580", "0113 378
# 1234/5", "01274 432227 / 4580"): one phone detail, the other ending with it (left, it would give the number's digits).
_PHONE_ALT_ENDING_RE = lazy_compile(
    r"(?<![\d+])(?P<p>\(?0\d{2,4}\)?(?:[ \t\-]?\d){5,8})[ \t]*/[ \t]*(?P<alt>\d{1,6})(?![\d/]|[.,]\d)")
_NHS_CTX = lazy_compile(r"\b(?:nhs|chi|hospital|health|patient)\b[^\n]{0,25}$", _I)
_DIGIT_WORDS = {"zero": "0", "oh": "0", "nought": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
                "six": "6", "seven": "7", "eight": "8", "nine": "9"}
_SPOKEN_RE = lazy_compile(
    r"\b(?:(?:double|treble|triple)[ \t\-]+)?(?:zero|oh|nought|one|two|three|four|five|six|seven|eight|nine)"
    r"(?:[ \t,\-]+(?:(?:double|treble|triple)[ \t\-]+)?(?:zero|oh|nought|one|two|three|four|five|six|seven|eight|nine)){6,}\b",
    _I,
)

# Digits said or written as words, alone or mixed with figures ("Q Q one two three four five six C", "07700 nine oh
# oh one two three"): a unit word ("oh", "nought" for 0) or "double"/"treble" before one, a teen or a tens word
# (two digits: "twelve", "thirty-four", "fifty six"), or a group of figures.
_UNIT_WORD = r"(?:zero|oh|nought|nil|one|two|three|four|five|six|seven|eight|nine)"
_DIGIT_TOKEN = (
    rf"(?:(?:one|two|three|four|five|six|seven|eight|nine)[ \t\-]+hundred(?![ \t\-]+and)|(?:double|treble|triple)[ \t\-]+{_UNIT_WORD}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    rf"(?:[ \t\-]+(?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    rf"sixteen|seventeen|eighteen|nineteen|{_UNIT_WORD}|\d+)"
)
_DIGIT_TOKEN_RE = lazy_compile(_DIGIT_TOKEN, _I)
# The digits of a number said one by one in words ("four five six seven", "double seven eight nine"), no sum nor year
# ("twenty nineteen", "four hundred").
_DIGIT_BY_DIGIT_RE = lazy_compile(
    rf"(?:(?:double|treble|triple)[ \t\-]+)?{_UNIT_WORD}(?:[ \t,\-]+(?:(?:double|treble|triple)[ \t\-]+)?{_UNIT_WORD})+", _I)
# Where a number is being given: said of a phone or a number just before its figures ("the number was seven seven double
# nine", "her mobile's four four double two", "his phone number is like five six double oh"); a count is said with "of"
# ("the number of them was ..."), so no run after it is read so.
# (the words that give a number: "'s", "is", "was", "would be", then perhaps "like", "about")
_GIVEN_TAIL = (r"(?:['’]s|[ \t]+(?:is|was|(?:would|will)[ \t]+be))(?:[ \t]+(?:like|something[ \t]+like|about))?"
               r"[ \t]+\Z")
_NUMBER_GIVEN_BEFORE_RE = lazy_compile(r"\b(?:number|mobile|mob|phone|landline|tel)" + _GIVEN_TAIL, _I)
# What a case, court or crime reference is the reference of ("her court ref", "the case number"; _SAID_REF_RE too).
_REFERENCE_WORDS = r"(?:ref(?:erence)?|case|file|crime|court|claim|referral|incident|log|docket)"
# The number given is a case's, a file's or a record's ("the case number's four four eight eight one three", "her file
# number is ..."): a reference, as its figures written are, not a phone.
_REFERENCE_GIVEN_BEFORE_RE = lazy_compile(
    r"\b(?:" + _REFERENCE_WORDS + r"|record)[ \t]+(?:number|no|num)" + _GIVEN_TAIL, _I)
# A phone number's start said digit by digit in words as it is dialled: a zero, then a UK code's next figure ("oh one one
# three", "oh seven seven double oh") in one breath: no comma after the zero ("oh, one two three" is a count begun with a
# cry) nor within ("dob oh three, oh five, oh nine" is a date's pairs).
_DIALLED_START_RE = lazy_compile(r"(?:oh|zero|nought)[ \t\-]+(?:(?:double|treble|triple)[ \t\-]+)?(?:one|two|three|seven|eight)\b", _I)
# What stands between a phone number's start and its end said apart, where the speaker forgot or held back its middle
# ("it's oh one one three, something, four nine six", "oh seven seven, then whatever, two two nine one").
_NUMBER_GAP_RE = lazy_compile(
    r"[ \t]*,?[ \t]*(?:(?:and[ \t]+)?then[ \t]+)?(?:something|summat|whatever|blah(?:[ \t]+blah)*|dot[ \t]+dot[ \t]+dot|"
    r"I[ \t]+(?:forget|forgot|can['’]?t[ \t]+remember)|don['’]t[ \t]+know)(?:[ \t]+(?:something|else))?[ \t]*,?[ \t]*"
    r"(?:(?:and[ \t]+)?then[ \t]+)?\Z", _I)
_TEENS = ("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen").split()
_TENS = {w: str(n) for n, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
_WORD_DIGIT = {"zero": "0", "oh": "0", "nought": "0", "nil": "0", "one": "1", "two": "2", "three": "3",
               "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"}
# An NI number with its digits said or written in any mix of words and figures, each letter alone or as a pair
# ("QQ one two three four five six C", "a b 12 thirty-four five six c", "AB 123 456 C").
_NI_SPOKEN_RE = lazy_compile(
    rf"(?<![\w'’])(?P<p>[a-z](?P<gap>\.?[ \t]|\.|[{_DASH}])?[a-z])\.?(?P<d>(?:[ \t,{_DASH}]+{_DIGIT_TOKEN}){{1,6}})"
    rf"(?:[ \t,\-]+(?P<s>[a-d])\.?)?(?![\w])",
    _I,
)
# A phone number partly in words and partly in figures ("07700 nine oh oh one two three").
_MIXED_SPOKEN_RE = lazy_compile(rf"(?<![\w])(?:\+|\b){_DIGIT_TOKEN}(?:[ \t,\-]+{_DIGIT_TOKEN}){{1,12}}(?![\w])", _I)

# A phone number said in two parts across a clause ("ring nan on 01632, then 960 double one", "01632 and then nine six
# oh one one"): its code in figures, then the rest in figures or words; read only where the two make a phone's length.
_SPLIT_PHONE_RE = lazy_compile(
    rf"(?<![\w+])(?P<a>0\d{{2,5}}(?:[ \t]\d{{2,6}})?)[ \t]*,?[ \t]*(?:and[ \t]+)?(?:then|after[ \t]+that)[ \t]*,?[ \t]+"
    rf"(?P<b>{_DIGIT_TOKEN}(?:[ \t,\-]+{_DIGIT_TOKEN}){{0,8}})(?![\w])",
    _I,
)

# A phone number said in figure groups with a speaker's filler between ("0113, um, 496, er, 0000", "07700, like, 900,
# you know, 123", "0113... erm... 496... 0000", "oh one one three, er, four nine six"): each group figures or digits in
# words, what stands between them punctuation and at most three words said while thinking or holding back (see
# _FILLER_GAP_RE; "then" between is _SPLIT_PHONE_RE's, two parts said apart).  Read as a phone only where the groups, each of two figures or more, together make a UK number's
# length and start (ten or eleven figures, "01", "02", "03", "07" or "08"), which no count ("40, um, 50, er, 60
# families", "oh, one, two, three, four ...") nor year makes.
_GROUP_RE = lazy_compile(rf"(?<![\w+])(?:{_DIGIT_TOKEN})(?:[ \t\-]+(?:{_DIGIT_TOKEN}))*(?![\w])", _I)
_FILLER_WORD = (r"u+h*m+|u+h+|e+r+m*|e+h*m+|a+h+|h+m+|like|you[ \t]+know|hang[ \t]+on|wait|sorry|let[ \t]+me[ \t]+(?:think|see)|"
                r"i[ \t]+(?:think|mean|believe)|so|something|summat|whatever|yeah|right|ok|okay|actually|"
                r"(?:it|that)['’]?s|(?:is|was)[ \t]+it|hold[ \t]+on|just|basically")
_FILLER_GAP_RE = lazy_compile(
    rf"(?:[ \t]*(?:[,;:\-–—]|\.{{2,}}|…)[ \t]*|[ \t]+)"
    rf"(?:(?:{_FILLER_WORD})(?:[ \t]*(?:[,;:\-–—]|\.{{2,}}|…)[ \t]*|[ \t]+)){{0,3}}", _I)


def _spoken_digits(text: str) -> str:
    """The digits that a run of number words and figures says ("double oh seven, 12" -> "00712")."""
    out = []
    for m in _DIGIT_TOKEN_RE.finditer(text):
        words = m.group().lower().replace("-", " ").split()
        if words[0].isdigit():
            out.append(words[0])
        elif words[-1] == "hundred":  # "nine hundred": 900, as a phone number's group is said
            out.append(_WORD_DIGIT[words[0]] + "00")
        elif words[0] in ("double", "treble", "triple"):
            out.append(_WORD_DIGIT[words[1]] * (2 if words[0] == "double" else 3))
        elif words[0] in _TEENS:
            out.append(str(10 + _TEENS.index(words[0])))
        elif words[0] in _TENS:
            out.append(_TENS[words[0]] + (_WORD_DIGIT[words[1]] if len(words) > 1 else "0"))
        else:
            out.append(_WORD_DIGIT[words[0]])
    return "".join(out)


_NI_RE = lazy_compile(
    rf"(?<![\w.])(?P<p>[a-z]{{2}})(?P<sep>[ \t.{_DASH}]?)\d{{2}}(?P=sep)\d{{2}}(?P=sep)\d{{2}}(?:(?P=sep)[a-d])?(?![\w]|\.\w)"
    # its groups set off by one separator each, spaces, dashes or dots as on a form ("QQ-12-34-56-C", "qq.12.34.56.c")
    rf"|(?<![\w])(?P<p>[a-z]{{2}})[ \t{_DASH}]?\d{{2}}[ \t{_DASH}]?\d{{2}}[ \t{_DASH}]?\d{{2}}(?:[ \t{_DASH}]?[a-d])?(?![\w])",
    _I,
)
_NI_PREFIX_BAD = frozenset({"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"})
_NI_CTX = lazy_compile(r"\b(?:n\.?\s?i\.?|nino|national[ \t]+insurance|dwp|hmrc|benefits?|universal[ \t]+credit)\b[^\n]{0,25}$", _I)
# A pupil number: a letter and twelve characters, eleven digits then a digit or a letter, grouped by single spaces or
# dashes anywhere as it was copied ("A123 4567 89 012" as printed, "A 1234 5678 9012" in fours), a letter at the end
# closed up to its digits.
_UPN_RE = lazy_compile(
    rf"(?<![\w])[a-z][ \t{_DASH}]?\d(?:[ \t{_DASH}]?\d){{10}}(?:[ \t{_DASH}]?\d|[a-z])(?![\w])", _I
)
_UPN_CTX = lazy_compile(r"\b(?:upn|uln|pupil|learner|school)\b[^\n]{0,25}$", _I)
# Letters and digits mixed (LA/CS/12345, CR-2019-04417, SCR2014-07, AB1234567).
_REF_RE = lazy_compile(
    rf"(?<![\w/\-])(?=[\p{{L}}\d/{_DASH}]*\d)(?=[\d/{_DASH}]*\p{{L}})"
    rf"(?:\p{{Lu}}+\d+\p{{Lu}}*|\d+\p{{Lu}}+\d*|\p{{Lu}}+|\d+)(?:[/{_DASH}.](?:\p{{L}}+\d*|\d+\p{{L}}*))+(?![\w/])"
    rf"|(?<![\w/\-])\p{{Lu}}{{1,4}}\d{{4,}}\p{{Lu}}?(?![\w/])"
    # a letter code in capitals set off from its number, as case systems write them ("LAC 123456", "CIN 004417")
    rf"|(?<![\w/\-])\p{{Lu}}{{2,4}}[ \t]\d{{5,}}(?![\w/]|[.,]\d)",
    re.VERSION1,
)
# The name of an identifier, whose number or code follows it: a case's, a file's, a passport's ...
_ID_NAME = (
    r"\b(?:ref(?:erence)?|case|file|record|incident|crime|claim|account|acc|customer|client|patient|id|log|"
    r"docket|court|referral|job|ticket|order|policy|membership|student|staff|employee|payroll|passport|licen[cs]e|"
    # a prisoner's, an officer's or a police record's number ("his prison number is A1234BC", "collar number 2341")
    r"prison(?:er)?|inmate|custody|collar|shoulder|warrant|pnc|cro|"
    # a patient's record number, and the case systems of children's services by name ("her MRN is 00451234", "his
    # Mosaic number is 1234567", "the ChildView number is CV0034512"); those whose names are English words or short
    # letters only before the word for a number ("the Eclipse ID is 4412987", "her LCS number was 3345123")
    r"mrn|medical[ \t]+records?|hospital[ \t]+(?=no\b|number)|mosaic|liquidlogic|carefirst|wcccis|childview|"
    r"frameworki|caredirector|systmone|controcc|azeus|"
    r"(?:eclipse|paris|rio|emis|lcs|ehm)(?=[ \t]+(?:no|number|num|ref|reference|id)\b)|"
    r"driving[ \t]+licen[cs]e)\.?"
    r"(?:[ \t]+(?:no|number|num|ref|reference|id|code))?\.?"
)
# A number right after an identifier's name ("passport number 123456789", "case no: 1234567", "his case number is
# 1234567"): the identifier's, a reference, though "number" before figures reads as a phone's too.
_ID_NAME_BEFORE_RE = lazy_compile(
    rf"{_ID_NAME}(?:['’]s|[ \t]+(?:is|was)"
    # when or what it was the number of, in a few words before "is" or "was", after the word for a number or a
    # reference, never the identifier's name alone ("the case no. in 2019 was 12345", "her case number on mosaic is
    # 1234567"; not "the order for 2019 was 12345", a count)
    r"|(?<=\b(?:no|number|num|ref|reference|id)\.?)[ \t]+(?:in|on|for|of|from|at|with)[ \t]+[^.,;:\n]{1,25}?"
    r"[ \t]+(?:is|was))?[ \t]*[:#]?[ \t]*"
    # the letters a system puts before the figures, set off ("the case number is cs 2023 0456"): the reference's
    r"(?P<code>(?!(?:is|was|no|of|for|on|in|at|to)[ \t])\p{L}{1,4}[ \t])?\Z", _I)
_REF_CTX_RE = lazy_compile(
    rf"{_ID_NAME}"
    # the system it is on between ("the child's id on liquidlogic is 883412")
    r"(?:[ \t]+(?:on|in)[ \t]+\p{L}+(?=[ \t]+(?:is|was)\b))?(?:[ \t]+(?:is|was))?[ \t]*[:#]?[ \t]*"
    rf"(?P<ref>#?(?:\p{{L}}{{1,4}}[ \t]\d{{4,}}(?![\w/])|[\p{{L}}\d](?:[\p{{L}}\d/{_DASH}.]*[\p{{L}}\d])?))",
    _I,
)
# A reference's figures after whom it is for, between the word for the reference and them ("case ref jayden 2231",
# "file number smith 004417"): four figures or more, no year.
_REF_AFTER_NAME_RE = lazy_compile(
    r"\b(?:ref(?:erence)?|(?:case|file|record|referral)[ \t]+(?:no|number|num|id))\.?[ \t]*[:#]?[ \t]*"
    r"(?P<w>\p{L}[\p{L}'’\-]*)[ \t]+(?P<ref>\d{4,})(?![\w/]|[.,]\d)", _I)
# A case, court or crime reference said in number words ("her court ref is one two three four", "the case number's four
# four eight eight one three"): four digits or more.
_SAID_REF_RE = lazy_compile(
    r"\b" + _REFERENCE_WORDS + r"(?:[ \t]+(?:no|number|num|ref|reference|id))?"
    # what it is the reference of, in a few words before "is" ("the reference on the c and a was twelve forty-four")
    r"\.?(?:['’]s|(?:[ \t]+(?:on|for|of|in)[ \t]+[^.,;:\n]{1,25}?)?[ \t]+(?:is|was))?[ \t]*[:#]?[ \t]*"
    rf"(?P<ref>{_DIGIT_TOKEN}(?:[ \t,\-]+{_DIGIT_TOKEN}){{1,12}})(?![\w])", _I)
# Numbers in groups joined by "slash" or "stroke" said aloud ("2019 slash 04417", "12 stroke 34567").
_SAID_SLASH_RE = lazy_compile(r"(?<![\w/])\d+(?:[ \t]+(?:forward[ \t]+)?(?:slash|stroke|oblique)[ \t]+\d+)+(?![\w/]|[.,]\d)", _I)
_HASH_REF_RE = lazy_compile(r"(?<![\w&])#\d{3,}\b")
# A police officer's collar number after the rank in capitals ("PC 2341 Jones", "PCSO 7712", "DC 455"): three to five
# figures, no year.
_COLLAR_NUMBER_RE = lazy_compile(r"(?<![\w])(?-i:PCSO|PC|DC|DS|SGT|Sgt|WPC)\.?[ \t]+(?P<ref>\d{3,5})(?![\w/]|[.,]\d)", _I)
# Numbers in groups joined by slashes (2014/0456, 12/34567/8): case and file numbers unless a year range or a date.
_SLASHED_RE = lazy_compile(r"(?<![\w/\\.\-])\d+(?:[ \t]?[/\\][ \t]?\d+)+(?![\w/\\]|[.\-]\d)")

# ----------------------------------------------------------------- postcodes
_INWARD = r"\d[abd-hjlnp-uw-z]{2}"
_AREA = r"[a-pr-uwyz][a-hk-y]?"
_OUTWARD = _AREA + r"\d[a-z\d]?"
_POSTCODE_RE = lazy_compile(rf"(?<![\p{{L}}\d])(?:gir[ \t]?0aa|(?P<out>{_OUTWARD})[ \t]{{0,2}}{_INWARD})(?![\p{{L}}\d])", _I)
# A postcode in odd spacing, as it is said or typed: "LS 6 2AB", "LS6 2 AB", "S W 1 A 1 A A", "sw1a   1aa",
# "SW1A-1AA", "LS6, 2AB", its digits said ("S W one A, two A A", "LS six 2AB") (judged on its compact form, see
# _postcodes).
_SEP = r"[ \t]?"
_SAID_DIGIT = rf"(?<!\p{{L}})(?:{_UNIT_WORD}|{'|'.join(_TEENS)})(?!\p{{L}})"
_SAID_DIGIT_RE = lazy_compile(_SAID_DIGIT, _I)
_DIGITISH_RE = lazy_compile(rf"\d|{_SAID_DIGIT}", _I)
_PC_DIGIT = rf"(?:\d|{_SAID_DIGIT})"
_ODD_POSTCODE_RE = lazy_compile(
    rf"(?<![\p{{L}}\d])(?P<out>[a-z](?:{_SEP}[a-z])?{_SEP}{_PC_DIGIT}(?:{_SEP}(?:[a-z]|{_PC_DIGIT}))?)"
    rf"(?P<sep>[ \t]{{0,4}}|[ \t]*[\-,.][ \t]*)(?P<in>{_PC_DIGIT}{_SEP}[abd-hjlnp-uw-z]{_SEP}[abd-hjlnp-uw-z])(?![\p{{L}}\d])",
    _I,
)
_COMPACT_POSTCODE_RE = lazy_compile(rf"(?P<area>{_AREA})\d[a-z\d]?{_INWARD}", _I)
_OUTWARD_RE = lazy_compile(r"(?<![\p{L}\d\-])(?P<area>[a-z]{1,2})(?P<district>\d[a-z\d]?)(?![\p{L}\d\-])", _I)
_POSTCODE_CTX_BEFORE = lazy_compile(
    r"(?:\b(?:post[ \t]?code|postal[ \t]+(?:code|area|district)|area|district|in|near|around|round|somewhere|live[sd]?|living|"
    r"moved|from|address)"
    # "the postcode's ...", "her address is ..."
    r"(?:['’]s|[ \t]+(?:is|was))?[ \t:]*$|,[ \t]*$)",
    _I,
)
_POSTCODE_CTX_AFTER = lazy_compile(r"^[ \t]+(?:area|postcode|district|way|side)\b", _I)
# A postcode's district with its figure said as a word, before a word of areas ("the bd seven area", "ls nine way").
_AREA_WORD_RE = lazy_compile(r"[ \t](?:area|postcode|district|way|side)\b", _I)
# A postcode's sector, the figure said after its district and no more of it ("she lives in LS9 7, by the flats", "just
# off the LS8 4 postcode"): part of the postcode, a narrower area than the district; a figure before a count's or a
# time's noun is no sector ("LS9 7 days a week").
_SECTOR_RE = lazy_compile(
    rf"[ \t](?P<s>\d)(?={_PHRASE_END}|[ \t]+(?:area|postcode|district|way|side|end|bit|part|sector|and|or|but)\b)", _I)
_SAID_OUTWARD_RE = lazy_compile(rf"(?<![\p{{L}}\d])(?P<area>[a-z]{{1,2}})[ \t]+{_SAID_DIGIT}\Z", _I)
# A postcode with its letters said as words or in the phonetic alphabet ("ess double-you one a two a a", "sierra whiskey
# one alpha two alpha alpha", "ell ess six two ay bee"): read a word at a time (see _spelled_postcodes).
_LETTER_NAMES = {
    "ay": "a", "bee": "b", "cee": "c", "see": "c", "dee": "d", "ee": "e", "eff": "f", "ef": "f", "gee": "g", "aitch": "h",
    "haitch": "h", "eye": "i", "jay": "j", "kay": "k", "el": "l", "ell": "l", "em": "m", "en": "n", "pee": "p",
    "cue": "q", "queue": "q", "ar": "r", "arr": "r", "ess": "s", "tee": "t", "you": "u", "vee": "v", "ex": "x",
    "why": "y", "wye": "y", "zed": "z", "zee": "z",
    "alpha": "a", "alfa": "a", "bravo": "b", "charlie": "c", "delta": "d", "echo": "e", "foxtrot": "f", "golf": "g",
    "hotel": "h", "india": "i", "juliet": "j", "juliett": "j", "kilo": "k", "lima": "l", "mike": "m", "november": "n",
    "oscar": "o", "papa": "p", "quebec": "q", "romeo": "r", "sierra": "s", "tango": "t", "uniform": "u",
    "victor": "v", "whiskey": "w", "whisky": "w", "x-ray": "x", "xray": "x", "yankee": "y", "zulu": "z",
}
_DOUBLE_U = r"double[ \t\-]?(?:you|u)|doubleyou"
_LETTER_WORD = rf"(?:{_DOUBLE_U}|{'|'.join(sorted(map(re.escape, _LETTER_NAMES), key=len, reverse=True))})"
_LETTER_WORD_RE = lazy_compile(rf"(?<![\p{{L}}\d]){_LETTER_WORD}(?![\p{{L}}\d])", _I)
# The words that start a spelled run, looked up one by one (a pattern of them all, tried at every character, took a
# third of the time of all the other detectors): "double" ("double-you") and "ray" ("x-ray") stand for their pairs.
_LETTER_ANCHORS = frozenset(w for w in _LETTER_NAMES if "-" not in w) | {"double", "doubleyou", "ray"}
_ASCII_WORD_RE = lazy_compile(r"[a-z]+")
_SPELLED_TOKEN_RE = lazy_compile(
    rf"(?<![\p{{L}}\d])(?:(?P<w>{_DOUBLE_U})|(?:(?P<n>double|treble)[ \t\-]+)?"
    rf"(?P<t>{_LETTER_WORD}|{_DIGIT_TOKEN}|[a-z]|\d[a-z\d]{{0,3}}|[a-z]{{1,2}}\d[a-z\d]{{0,2}}))(?![\p{{L}}\d])",
    _I,
)

# ------------------------------------------------------------------- vehicles
_VEHICLE_RES = (
    # current: AB12 CDE, spaced too ("AB 12 CDE", "AB12 C DE")
    lazy_compile(r"(?<![\p{L}\d])[A-Z]{2}[ \t]?\d{2}[ \t]?[A-Z][ \t]?[A-Z][ \t]?[A-Z](?![\p{L}\d])", re.VERSION1),
    lazy_compile(r"(?<![\p{L}\d])[A-Z][ \t]?\d{1,3}[ \t]?[A-Z]{3}(?![\p{L}\d])", re.VERSION1),  # prefix: A123 BCD, Y 123 ABC
    lazy_compile(r"(?<![\p{L}\d])[A-Z]{3}[ \t]?\d{1,3}[A-Z](?![\p{L}\d])", re.VERSION1),  # suffix: ABC 123D
)
_VEHICLE_ANY_RE = lazy_compile(
    r"(?<![\p{L}\d])(?:[a-z][ \t]?[a-z][ \t]?\d[ \t]?\d[ \t]?[a-z][ \t]?[a-z][ \t]?[a-z]|[a-z][ \t]?\d{1,3}[ \t]?[a-z]{3}|[a-z]{3}[ \t]?\d{1,3}[ \t]?[a-z]?|[a-z]{1,3}[ \t]?\d{1,4})"
    r"(?![\p{L}\d])",
    _I,
)
# Makes of cars, vans and motorbikes, before their model ("Vauxhall Corsa", "Ford Fiesta") or alone for the vehicle ("the
# bmw, y 123 abc, was his uncle's").
_VEHICLE_MAKES = frozenset(
    """ford vauxhall nissan toyota volkswagen vw audi bmw mercedes peugeot renault citroen citroën fiat kia hyundai honda
    mazda skoda škoda volvo suzuki mitsubishi jaguar tesla dacia lexus subaru porsche chevrolet chrysler jeep yamaha
    kawasaki ducati triumph proton daewoo rover saab alfa""".split())
# The makes again with those known by a short name or made for the rich ("a merc", "his harley", "the lambo"): a
# vehicle's make where a vehicle stands, which the lists of names hold as a person's ("Harley", "Audi", "Bentley").
_VEHICLE_BRANDS = _VEHICLE_MAKES | frozenset(
    """merc beemer beamer bimmer jag landie lambo harley bentley ferrari lamborghini maserati mclaren bugatti cupra
    lotus vespa piaggio aprilia ktm isuzu lada ssangyong chevy cadillac""".split())
_VEHICLE_CTX = lazy_compile(
    r"(?:\b(?:reg(?:istration)?|number[ \t]?plate|plates?|car|van|vehicle|motor(?:bike|cycle)?|taxi|lorry|truck|drives?|drove|"
    rf"driving|vrm|{'|'.join(sorted(_VEHICLE_MAKES))})\b|\br[ \t]?/[ \t]?n\b)"
    r"[^\n.]{0,30}$",
    _I,
)

# ---------------------------------------------------------------------- dates
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# A day of the month in figures or as an ordinal word ("3rd", "the third", "twenty-first").
_ORDINAL_WORDS = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|"
    r"fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|"
    r"(?:twenty|thirty)[ \t\-](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth))"
)
_DAY = rf"(?:\d{{1,2}}(?:st|nd|rd|th)?|{_ORDINAL_WORDS})"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?[ \t]+)"
# A year said in words ("two thousand and nine", "twenty ten", "twenty oh nine", "nineteen ninety-eight").
_UNITS_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_YEAR_WORDS = (
    rf"(?:two[ \t]+thousand(?:[ \t]+and)?(?:[ \t]+(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    rf"eighteen|nineteen|twenty(?:[ \t\-]{_UNITS_WORD})?|{_UNITS_WORD}))?"
    rf"|(?:nineteen|twenty)[ \t]+(?:o|oh|zero|nought)[ \t\-]+{_UNITS_WORD}"
    rf"|(?:nineteen|twenty)[ \t\-]+(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    rf"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ \t\-]{_UNITS_WORD})?))"
)
_YEAR = rf"(?:\d{{4}}|'\d\d|{_YEAR_WORDS}|(?:oh|o|zero|nought)[ \t\-]+{_UNITS_WORD}(?![\p{{L}}]))"
# A day said as a cardinal ("born three May"), read only after "born", "DOB" ...
_CARDINAL_DAY = (
    rf"(?:{_UNITS_WORD}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    rf"twenty(?:[ \t\-]{_UNITS_WORD})?|thirty(?:[ \t\-]one)?)"
)
# A month in Roman numerals, as a date is written on some forms and letters ("3.iv.2011", "2/XI/09").
_ROMAN_MONTH = r"(?:i{1,3}|iv|vi{0,3}|ix|xi{0,2})"
_FULL_DATE = (
    rf"(?:(?:19|20)\d\d[{_DASH}/.](?:0?[1-9]|1[0-2])[{_DASH}/.](?:0?[1-9]|[12]\d|3[01])(?!\d)"
    rf"|\d{{1,2}}[ \t]?[/.{_DASH}][ \t]?(?:\d{{1,2}}|{_ROMAN_MONTH})[ \t]?[/.{_DASH}][ \t]?(?:\d{{4}}|\d{{2}})(?!\d)"
    # a Roman-numeral month between spaces, with a full year ("3 iv 2011", "14 XI 2009"); not January's lone "i",
    # which is the pronoun here ("at 5 I 2015 ..."), nor a numbered part of a text ("section 3 ii 2019")
    rf"|(?<!\d|\b(?:section|s\.|paragraph|para|chapter|part|article|regulation|rule|schedule|clause|page|p\.)[ \t]+)"
    rf"\d{{1,2}}[ \t]+(?!i[ \t]){_ROMAN_MONTH}[ \t]+(?:19|20)\d\d(?!\d)"
    rf"|(?:the[ \t]+)?{_DAY}(?:[ \t]+of)?[ \t]+{_MONTHS},?[ \t]+{_YEAR}"
    rf"|{_MONTHS}[ \t]+(?:the[ \t]+)?{_DAY},?[ \t]+{_YEAR}"
    # closed up, as on a form: "03MAY2009", "3may09", "03-May-2009"
    rf"|\d{{1,2}}[{_DASH}/.]?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[{_DASH}/.]?(?:(?:19|20)\d\d|\d\d)(?!\d))"
)
# A month said as its number in order ("the 3rd of the 5th", "the third of the fifth"), as people read a date aloud.
_ORDINAL_MONTH = (
    r"(?:0?[1-9]|1[0-2])(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|"
    r"twelfth"
)
_ANY_DATE = (
    rf"(?:(?:the[ \t]+)?{_DAY}[ \t]+of[ \t]+the[ \t]+(?:{_ORDINAL_MONTH})(?:,?[ \t]+(?:{_YEAR}|\d\d(?!\d)))?"
    rf"|\d{{1,2}}[ \t]+\d{{1,2}}[ \t]+(?:(?:19|20)\d\d|\d\d)(?!\d)"  # day, month and year set off by spaces
    rf"|{_FULL_DATE}|{_WEEKDAY}?(?:the[ \t]+)?(?:{_DAY}|{_CARDINAL_DAY})(?:[ \t]+of)?[ \t]+{_MONTHS}(?:,?[ \t]+(?:{_YEAR}|\d\d(?!\d)))?"
    rf"|{_WEEKDAY}?{_MONTHS}[ \t]+(?:the[ \t]+)?{_DAY}(?:,?[ \t]+(?:{_YEAR}|\d\d(?!\d)))?"
    rf"|(?:the[ \t]+)?{_MONTHS}(?:[ \t]+of)?,?[ \t]+{_YEAR}|\d{{1,2}}[ \t]?[/.{_DASH}][ \t]?\d{{1,2}}(?:[ \t]?[/.{_DASH}][ \t]?\d{{1,4}})?"
    rf"|(?:19|20)\d\d|{_YEAR_WORDS})"
)
_FULL_DATE_RE = lazy_compile(rf"(?<![\w/.{_DASH}])(?P<date>{_FULL_DATE})(?![\w/]|[.{_DASH}]\d)", _I)
# A day of the month without the month, where nothing after it makes it a count or an order ("born on the third.",
# "on the 21st so we had a party"; not "the third of five children", "the third floor", "the third attempt"): read only
# as the day of a birth, or the day an age is reached or held (an event's day is kept, as its day and month are).
_DAY_ALONE = (
    rf"{_WEEKDAY}?(?:the[ \t]+)?(?:\d{{1,2}}(?:st|nd|rd|th)|{_ORDINAL_WORDS})(?=[ \t]*(?:[.,;:!?)]|\Z)|"
    rf"[ \t]+(?:and|but|so|at|in|when|then|this|last|next|which|of[ \t]+(?:this|that|the|last|next)[ \t]+month)\b)"
)
# What a date of birth may be said as beyond a date: part of a year ("the summer of 2009", "early 2009"), a year in two
# figures ("born in 09", "born in '09"; not "born in 12 weeks"), a day and month in figures after "the" ("the 3/5").
_BIRTH_PART = (
    rf"(?:the[ \t]+)?(?:early|late|mid|spring|summer|autumn|winter|start|beginning|end|middle)[ \t{_DASH}]+(?:of[ \t]+)?"
    rf"(?:(?:19|20)\d\d|{_YEAR_WORDS})"
    rf"|['’]?\d\d(?![\d/.:{_DASH}\w]|[ \t]+(?:weeks?|days?|hours?|months?|years?|minutes?|mins?|of|per|%|percent))"
    rf"|the[ \t]+\d{{1,2}}[ \t]?[/.][ \t]?\d{{1,2}}"
)
# How early or late a birth came, said between "born" and when ("born at 32 weeks in 2009", "born 8 weeks early on 3
# May", "born prematurely in 2009", "born at 32+4 weeks gestation").
_GESTATION = (
    rf"(?:[ \t]+(?:at[ \t]+)?(?:\d{{1,2}}(?:[ \t]*\+[ \t]*\d)?|{_CARDINAL_DAY}|forty(?:[ \t\-]{_UNITS_WORD})?)[ \t]+(?:weeks?|wks?)"
    rf"(?:[ \t]+(?:early|premature(?:ly)?|prem|late|overdue|gestation|pregnant))?"
    rf"|[ \t]+(?:premature(?:ly)?|prem|early|late|overdue|by[ \t]+(?:c-?section|caesarean|emergency[ \t]+c-?section)))"
)
# A day of the year said by a holiday's name ("born on Christmas Day 2009", "born on boxing day").
_HOLIDAY = (
    r"(?:the[ \t]+)?(?:christmas[ \t]+(?:day|eve)|boxing[ \t]+day|new[ \t]+year['’]?s?[ \t]+(?:day|eve)|"
    r"valentine['’]?s?[ \t]+day|bonfire[ \t]+night|guy[ \t]+fawkes[ \t]+night|hallowe['’]?en|"
    r"easter[ \t]+(?:sunday|monday|day)|st\.?[ \t]+(?:patrick|george|david|andrew)['’]?s[ \t]+day|"
    r"(?:mother|father)['’]?s[ \t]+day|leap[ \t]+day|may[ \t]+day|good[ \t]+friday|shrove[ \t]+tuesday|pancake[ \t]+day|"
    r"remembrance[ \t]+(?:day|sunday)|burns[ \t]+night|midsummer['’]?s?[ \t]+(?:day|eve)|eid|diwali|hanukk?ah|vaisakhi|"
    # a day the whole country marked, which dates a birth on it ("born on the millennium", "on the coronation")
    r"millennium(?:[ \t]+(?:day|eve|night))?|(?:(?:silver|golden|diamond|platinum)[ \t]+)?jubilee(?:[ \t]+day)?|coronation(?:[ \t]+day)?|"
    r"(?:summer|winter)[ \t]+solstice)"
)
# A holiday of one day with its year ("on christmas eve 2020", "Boxing Day, 2019", "bonfire night twenty eighteen"): as
# near a day as a full date is; a season's holiday with a year ("christmas 2020", "easter 2021") stays.
_HOLIDAY_DATE_RE = lazy_compile(
    rf"(?<![\w])(?P<date>{_HOLIDAY},?[ \t]+(?:(?:19|20)\d\d(?!\d)|{_YEAR_WORDS}(?![\p{{L}}])))", _I)
_HOLIDAY_ANCHOR = lazy_compile(r"\b(?:day|eve|night|hallowe|eid|diwali|hanukk?ah|vaisakhi|friday|tuesday|sunday|monday)\b", _I)
_YEAR_HINT = lazy_compile(r"(?:19|20)\d\d|twenty|nineteen|thousand", _I)
# A time before or after a day ("the week before christmas 2015", "two days after boxing day"), and digits said as
# words after "DOB" ("dob oh three, oh five, oh nine").
_FEAST = rf"(?:{_HOLIDAY}|christmas|easter|new[ \t]+year|(?:the[ \t]+)?{_DAY}(?:[ \t]+of)?[ \t]+{_MONTHS})"
_RELATIVE_DAY = (
    rf"(?:(?:the|a)[ \t]+)?(?:{_UNITS_WORD}[ \t]+|\d{{1,2}}[ \t]+)?(?:days?|weeks?|fortnight|months?)[ \t]+(?:before|after)"
    rf"[ \t]+{_FEAST}(?:,?[ \t]+(?:{_YEAR}|\d\d(?!\d)))?"
    rf"|(?:christmas|easter|new[ \t]+year)(?:,?[ \t]+(?:(?:19|20)\d\d|{_YEAR_WORDS}))"
)
# A birth by the day, week or year of an event ("born on the day of the jubilee in 2012", "born the night the storm hit",
# "born the same day as the cup final", "born during the olympics"): the event dates it; "born the day before" stays.
_EVENT_DAY = (
    r"(?:(?:the[ \t]+)?(?:(?:same|first|last|very)[ \t]+)?(?:day|night|morning|afternoon|evening|week|weekend|month|year)[ \t]+"
    r"(?:(?:of|that|when|as|before|after)[ \t]+|(?=the[ \t]))|during[ \t]+)(?:the[ \t]+)?(?:[\p{L}\d'’\-]+[ \t]+){0,4}?"
    r"[\p{L}\d'’\-]+(?:[ \t]+(?:in|of)[ \t]+(?:19|20)\d\d)?"
    rf"(?={_PHRASE_END}|[ \t]+(?:and|but|so|which|because|at|in|to|with|when|after|by)\b)"
)
# A date said in number words, its year perhaps in words of its own ("fourteen ten two thousand and eight").
_SAID_DATE = (rf"{_DIGIT_TOKEN}(?:[ \t]*[,/\-][ \t]*|[ \t]+){_DIGIT_TOKEN}"
              rf"(?:(?:[ \t]*[,/\-][ \t]*|[ \t]+)(?:{_YEAR_WORDS}|{_DIGIT_TOKEN})){{0,6}}")
# A date of birth said wholly in number words, day, month and year ("born twelve twelve twenty twelve", "born on three
# five two thousand and nine"): read only after "born", and only with a year in words ("we had twelve twelve-week
# placements", "twenty twenty was hard" stay).
_MONTH_CARDINAL = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_BORN_SAID_DATE = (rf"(?:{_CARDINAL_DAY}|(?:oh|o|zero|nought)[ \t\-]+{_UNITS_WORD})(?:[ \t]*[,/\-][ \t]*|[ \t]+)"
                   rf"(?:{_MONTH_CARDINAL}|(?:oh|o|zero|nought)[ \t\-]+{_UNITS_WORD})(?:[ \t]*[,/\-][ \t]*|[ \t]+)"
                   rf"{_YEAR_WORDS}(?![\p{{L}}\-])")
# A date taken up again after a comma ("her date of birth, it's 07 03 11").
_IT_IS = r"[ \t]*,[ \t]*(?:it|that)(?:['’]s|[ \t]+(?:is|was))"
# A birthday set beside another's before its date ("her birthday's the same day as mine, the 9th of may", "the same as
# his brother's, 3rd june"): the date is hers still.
_SAME_AS = (r"[ \t]+(?:the[ \t]+)?same(?:[ \t]+(?:day|date))?[ \t]+as[ \t]+(?:(?:my|his|her|their|our|your)[ \t]+)?"
            r"\p{L}+(?:['’]s)?[ \t]*,")
_DOB_RE = lazy_compile(
    # "born at LGI in 2009", "born in Leeds on 3 May 2009", "born in Leeds, May 2009": where, then when; "born at 32
    # weeks in 2009": how early
    rf"\b(?:born(?:(?:{_GESTATION}|[ \t]+(?:at|in)[ \t]+(?:the[ \t]+)?\p{{L}}[\p{{L}}'’\-]*(?:[ \t]+\p{{L}}[\p{{L}}'’\-]*){{0,2}}?){{1,2}}"
    rf"(?=[ \t]+(?:on|in)[ \t]|[ \t]*,[ \t]))?(?:[ \t]*,)?(?:[ \t]+(?:on|in))?|b\.|d\.?[ \t]?o\.?[ \t]?b\.?|date[ \t]+of[ \t]+birth|birth[ \t]?date|birthday|"
    rf"b['’\-]?day)"
    rf"(?:['’]s)?(?:[ \t]+(?:is|was|of|on|in|falls|fell|at|around|before|after|just)|{_IT_IS}|{_SAME_AS}){{0,2}}[ \t]*[:\-–]?[ \t]*"
    # a day, month and year run together, as a form's box takes them ("dob 14092010", "20100914", "140910")
    rf"(?P<date>(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:(?:19|20)\d\d|\d\d)(?!\d)"
    rf"|(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\d)|{_RELATIVE_DAY}|{_HOLIDAY}(?:,?[ \t]+(?:{_YEAR}|\d\d(?!\d)))?|{_ANY_DATE}|{_DAY_ALONE}|{_BIRTH_PART}"
    rf"|(?<=\bborn(?:[ \t]+on)?[ \t]+){_EVENT_DAY}|(?<=\bborn(?:[ \t]+on)?[ \t]+){_BORN_SAID_DATE}|"
    # a birthday's day and month said as two numbers in words ("his birthday is nine eleven")
    rf"(?<=\b(?:birthday|b['’\-]?day)(?:['’]s)?(?:[ \t]+(?:is|was|on))?[ \t]+){_CARDINAL_DAY}(?:[ \t]*[/\-][ \t]*|[ \t]+)"
    rf"{_MONTH_CARDINAL}(?![\p{{L}}\-]|[ \t]+(?:o['’]?clock|years?|months?|weeks?|days?|times?|percent|pounds|quid))|(?<=\b(?:d\.?[ \t]?o\.?[ \t]?b\.?|date[ \t]+of[ \t]+birth|birth[ \t]?date)(?:[ \t]+(?:is|was)|{_IT_IS})?[ \t]*[:\-–]?[ \t]*){_SAID_DATE})"
    rf"(?![\w/]|[.{_DASH}]\d)",
    _I,
)
# The day or year of a death ("she died on the 3rd", "he passed away on 3 May", "died in March 2019", "date of death:
# 3rd may", "DOD 3/5/19", "RIP 2019"): with the council it points to one child, as a date of birth does.
# The day of a birth said after its month and year, set off ("born in june 2016, the 3rd").
_DAY_AFTER_BIRTH_RE = lazy_compile(rf"[ \t]*,[ \t]*the[ \t]+(?P<day>\d{{1,2}}(?:st|nd|rd|th)|{_ORDINAL_WORDS})(?![\p{{L}}\d])", _I)
_DEATH_WORDS = (r"died|passed[ \t]+(?:away|on)|death|date[ \t]+of[ \t]+death|d\.?[ \t]?o\.?[ \t]?d\.?|killed|murdered|"
                r"found[ \t]+dead|funeral|r\.?i\.?p\.?|anniversary")
_DEATH_RE = lazy_compile(
    rf"\b(?:{_DEATH_WORDS})(?![\p{{L}}])"
    # "died at home in 2019", "died in hospital on the 3rd": where, then when
    rf"(?:[ \t]+(?:at|in)[ \t]+(?:the[ \t]+)?\p{{L}}[\p{{L}}'’\-]*(?:[ \t]+\p{{L}}[\p{{L}}'’\-]*){{0,2}}?(?=[ \t]+(?:on|in)[ \t]))?"
    rf"(?:[ \t]+(?:was|is|of|on|in|back[ \t]+in|fell|falls)){{0,2}}[ \t]*[:\-–]?[ \t]*"
    rf"(?P<date>{_HOLIDAY}(?:,?[ \t]+(?:{_YEAR}|\d\d(?!\d)))?|{_ANY_DATE}|{_DAY_ALONE}|{_BIRTH_PART})"
    rf"(?![\w/]|[.{_DASH}]\d)",
    _I,
)
# "died a death", "died a slow death": said of a plan or a scheme; the death is no one's.
_DIED_A_RE = lazy_compile(r"\b(?:die[sd]?|dying)[ \t]+(?:a|an)[ \t]+(?:\p{L}+[ \t]+)?\Z", _I)
# A thing that died ("the policy died in 2019", "the scheme finally died in March 2019"): its noun no person's (see
# _thing_died); "the boy died", "her baby died", "the patient died" keep their date redacted.
_DIED_ADVERBS = "finally|eventually|quietly|just|then|slowly|effectively|basically|soon"
_THING_DIED_RE = lazy_compile(
    r"\b(?:the|this|that|its|our|their)[ \t]+(?:\p{Ll}+[ \t]+)?(?!(?:" + _DIED_ADVERBS + r")\b)(?P<noun>\p{Ll}+)[ \t]+"
    r"(?:(?:" + _DIED_ADVERBS + r")[ \t]+)?\Z", _I)
_PERSON_NOUNS = frozenset("""patient victim person people youngster infant resident tenant young one adult pensioner
    teen lady gent mate pal someone anyone everyone somebody nobody""".split())
# The month and year or the year of what happened to a child that the press and a review would report ("stabbed outside
# the shop in 2021", "went missing in March 2020", "was abducted back in 2019"): with the council it points to one
# child, as a death's does; a day and month alone are kept, as an event's are.
_CONTESTS = (r"talent|factor|bake[ \t\-]?off|show|programme|series|final|finals|championships?|competition|contest|"
             r"tournament|olympics|paralympics|games|pageant|bee|quiz|cup|gala")
_CONTEST_RE = lazy_compile(rf"\b(?:{_CONTESTS})\b", _I)
_EVENT_WORDS = (r"stabbed|shot|attacked|assaulted|abducted|kidnapped|trafficked|raped|went[ \t]+missing|"
                r"jailed|imprisoned|convicted|sentenced|abandoned|found[ \t]+abandoned|"
                r"reported[ \t]+missing|set[ \t]+(?:on[ \t]+)?fire|hit[ \t]+by[ \t]+a[ \t]+(?:car|bus|van|train)|"
                r"drowned|overdosed|hanged|run[ \t]+over|beaten[ \t]+up|went[ \t]+viral|viral[ \t]+(?:video|clip|post)|"
                # a person killed, a home burned down, a life saved ("the lad killed on the a58 in 2017", "whose house
                # burned down in 2020", "for saving a boy from the canal in 2019"; not "the project was killed in 2019")
                r"(?<=\b(?:who|s?he|they|lad|lass|boy|girl|man|woman|child|kid|baby|son|daughter|brother|sister|mum|dad|"
                r"father|mother|teenager|teen|uncle|aunt|cousin)[ \t]+(?:was[ \t]+|were[ \t]+|got[ \t]+|been[ \t]+)?)killed|"
                r"(?<=\b(?:house|home|flat)[ \t]+(?:was[ \t]+|got[ \t]+)?)burn(?:ed|t)[ \t]+(?:down|out)|"
                r"sav(?:ed|ing)[ \t]+(?:a|the|his|her|their|two|three)[ \t]+(?:[\p{L}'’\-]+[ \t]+){0,2}?(?:life|lives|boy|girl|"
                r"child|kid|baby|man|woman|lad|dog|family)|"
                r"on[ \t]+(?:the[ \t]+)?(?:local[ \t]+|national[ \t]+|evening[ \t]+)?(?:news|telly|tv|television|radio)|documentary|"
                r"(?<=\b(?:who|s?he|they)[ \t]+(?:was|were|got|ended[ \t]+up)[ \t]+)in[ \t]+the[ \t]+(?:local[ \t]+)?papers?|"
                r"(?<=\b(?:who|s?he|they|boy|girl|child|kid|son|daughter|had|has|was|were)[ \t]+)(?:ran|run)[ \t]+away|absconded|"
                r"adopted[ \t]+from|"
                r"(?<=\b(?:who|s?he)[ \t]+)won[ \t]+(?:an?|the)[ \t]+(?:[\p{L}'’]+[ \t]+){0,4}?(?:award|medal|prize|trophy)|"
                # a show or a competition someone was on or in, won or came placed in ("she was on britain's got talent
                # in 2018", "he came second in the county spelling bee in 2019"), or appeared, competed or auditioned
                # in ("he appeared on countdown in 2017"); "the show in 2019", "in the final stages in 2019" stay (the
                # show's word must follow a word of being on it or placing in it: see _CONTEST_BEFORE_RE)
                r"appeared[ \t]+on|competed|auditioned|(?<=\b(?:who|s?he|they)[ \t]+)played[ \t]+for|"
                # what befell a child or what a child did that the press would report ("the girl who fell off the pier in
                # 2015", "bitten by a dog in 2018", "crowned miss teen yorkshire in 2018", "picked for the england u16s")
                r"bitten|mauled|rescued|electrocuted|crowned|scholarship|(?<=\b(?:who|s?he|they)[ \t]+)(?:fell|got[ \t]+lost|"
                r"survived|nearly[ \t]+died)|(?<=\b(?:was|were|got|been)[ \t]+)(?:picked|selected|chosen|scouted)[ \t]+(?:for|by)|"
                # a child found ("the baby found in a phone box in 2009"), expelled or excluded, or seen on a show
                r"(?<=\b(?:baby|newborn|child|boy|girl|body)[ \t]+(?:was[ \t]+)?)found|expelled|(?<=\b(?:who|s?he)[ \t]+(?:was|got|"
                r"had[ \t]+been)[ \t]+(?:permanently[ \t]+)?)excluded|featured[ \t]+(?:on|in)|starred[ \t]+in|contestant|"
                # a title said alone after a person was on it or won it ("she was on [title] in 2019", "he won [title],
                # 2018"): see _ordinary_on, which keeps what a person is on in ordinary talk ("on the register", "on bail")
                r"(?<=\b(?:who|s?he|mum|mam|dad|nan|gran|brother|sister|son|daughter|uncle|aunt(?:ie|y)?|cousin|boy|girl|lad|"
                r"lass|kid|child)[ \t]+)(?P<on>won|was[ \t]+on)|"
                rf"(?P<contest>{_CONTESTS})(?=,?[ \t]+(?:back[ \t]+)?(?:in|during|between)\b|,[ \t]*(?:19|20)\d\d\b)")
_CONTEST_BEFORE_RE = lazy_compile(
    r"\b(?:was|were|been|won|came[ \t]+(?:first|second|third|fourth|last|top|runners?[ \t\-]up|\d(?:st|nd|rd|th)))"
    r"[ \t]+(?:on|in|at|the)[ \t]+(?:[\p{L}'’\-]+[ \t]+){0,4}\Z", _I)
# A year said with an optional season or month before it ("summer 2019", "may of 2020", "twenty nineteen"), as a
# group named date, and what may not follow it: an incident's year and an event's are read alike.
_YEAR = rf"(?:(?:19|20)\d\d|{_YEAR_WORDS})"
# A range of years goes with it whole ("from 2019 to 2021", "in 2017-18", "2016/17", "between 2019 and 2020").
_DATED_YEAR = (rf"(?P<date>(?:(?:spring|summer|autumn|winter|early|late|mid)[ \t{_DASH}]+(?:of[ \t]+)?|{_MONTHS}[ \t]+"
               rf"(?:of[ \t]+)?)?{_YEAR}(?:[ \t]*[/{_DASH}][ \t]*(?:19|20)?\d\d|[ \t]+(?:to|until|till|through|and)[ \t]+"
               rf"(?:{_MONTHS}[ \t]+)?(?:19|20)\d\d)?)(?![\w/]|[.{_DASH}]\d)")
_EVENT_ANCHOR = lazy_compile(rf"\b(?:{_EVENT_WORDS})\b", _I)
_EVENT_YEAR_RE = lazy_compile(
    rf"\b(?:{_EVENT_WORDS})\b(?P<what>(?:[ \t]+[\p{{L}}\d'’\-]+){{0,5}}?)(?:,?[ \t]+(?:back[ \t]+)?(?:in|during|from|between)"
    # or the year alone after a comma ("he was expelled from the school, 2016")
    rf"[ \t]+(?:the[ \t]+)?|,[ \t]*){_DATED_YEAR}", _I)
# The year of an incident the press would report, said where it happened or alone ("the fire at the flats in 2019 killed
# her brother", "the crash on the a64 in 2020", "the attack in May 2017"): the incident's noun right before a place's
# preposition or the year ("the fire service in 2019", "a flood of referrals in 2019" are kept).
_INCIDENT = (r"(?:fire|blaze|crash|collision|accident|explosion|flood|flooding|stabbing|shooting|attack|murder|killing|"
             r"riot|arson|siege|bombing|hit[ \t]+and[ \t]+run|pile[ \t\-]?up|derailment|landslide|gas[ \t]+leak)s?")
_INCIDENT_ANCHOR = lazy_compile(rf"\b{_INCIDENT}\b", _I)
_INCIDENT_PLACE = r"(?:at|on|in|near|outside|inside|by|off|along|behind|opposite|under)"
_INCIDENT_YEAR_RE = lazy_compile(
    # "the fire at the flats in 2019", "the crash that killed his dad on the a58 in 2016"
    rf"\b{_INCIDENT}\b(?:[ \t]+(?:{_INCIDENT_PLACE}|that|which|where|when)[ \t]+"
    rf"(?:[\p{{L}}\d'’\-]+[ \t]+){{0,6}}?[\p{{L}}\d'’\-]+)?,?[ \t]+(?:back[ \t]+)?(?:in|during)[ \t]+(?:the[ \t]+)?"
    rf"{_DATED_YEAR}"
    # the year first: "the 2019 fire at the flats", "in 2017 the fire at the tower block killed her cousin"
    rf"|\b(?:the|that)[ \t]+(?P<date>(?:19|20)\d\d(?:[ \t]*[/{_DASH}][ \t]*(?:19|20)?\d\d)?)[ \t]+(?:[\p{{L}}\-]+[ \t]+)?{_INCIDENT}\b"
    rf"|\b(?:in|during)[ \t]+(?:{_MONTHS}[ \t]+)?(?P<date>{_YEAR}),?[ \t]+(?:the|a|an|that)[ \t]+(?:[\p{{L}}\-]+[ \t]+)?"
    rf"{_INCIDENT}[ \t]+(?:{_INCIDENT_PLACE}|that|which|killed|took)\b", _I)
# A road by its number where an incident happened on it or someone lives off it ("the crash on the a64", "the M62
# pile-up", "a stabbing off the A61", "the caravan site off the a1"): the road places it.
_ROAD = r"(?P<road>[abm]-?\d{1,4}(?:[ \t]?\(m\))?)(?![\p{L}\d])"
_ROAD_ANCHOR = lazy_compile(r"\b[abm]-?\d", _I)
_INCIDENT_ROAD_RE = lazy_compile(
    rf"\b(?:{_INCIDENT}(?:[ \t]+(?:that|which|where)(?:[ \t]+[\p{{L}}'’]+){{1,5}}?)?|live[sd]?|living|site|camp|estate|flats|"
    # what befell someone there ("the lad killed on the a58", "she was knocked down on the a61")
    rf"houses|farm|killed|died|stabbed|shot|knocked[ \t]+(?:down|over)|run[ \t]+over|hit|injured)\b[ \t]+"
    rf"(?:on|along|off|near|at|by|under|just[ \t]+off)"
    rf"[ \t]+the[ \t]+{_ROAD}|\bthe[ \t]+{_ROAD}[ \t]+{_INCIDENT}\b", _I)
# A local newspaper where someone or what happened was printed ("she was on the front of the evening post", "it was
# all over the yorkshire evening post", "in the telegraph and argus", "the northern echo ran it"): a title word after a
# place's name or "evening", or a title only a local paper has; "the local paper", "the daily mail", "in the post" stay.
_PAPER_TITLE = (r"(?:post|echo|gazette|chronicle|argus|telegraph|herald|mercury|advertiser|courier|examiner|observer|"
                r"journal|star|recorder|citizen|sentinel|bugle|express|standard|news|mail|mirror|times|press|guardian)")
_LOCAL_TITLES = frozenset("echo gazette chronicle argus herald mercury advertiser courier examiner recorder citizen sentinel "
                          "bugle".split())
_PAPER_FILLER = frozenset("local regional national free daily sunday morning weekly big same other whole new".split())
_PAPER_NAME = rf"the[ \t]+(?P<paper>(?:[\p{{L}}'’\-]+[ \t]+){{0,2}}?{_PAPER_TITLE}(?:[ \t]+(?:and|&)[ \t]+{_PAPER_TITLE})?)"
_PAPER_RE = lazy_compile(
    r"\b(?:(?:on|in)[ \t]+the[ \t]+front(?:[ \t]+page)?[ \t]+of|front[ \t]+page[ \t]+of|(?:all[ \t]+)?over|in|made|"
    r"into|(?:story|article|piece|photo|picture|report|letter)[ \t]+in|wrote[ \t]+to|rang|called|contacted|told)[ \t]+"
    rf"{_PAPER_NAME}(?![\p{{L}}\-])|\b{_PAPER_NAME}[ \t]+(?:ran|printed|reported|covered|published|splashed|did|wrote|had)\b",
    _I)
_PAPER_ANCHOR = lazy_compile(rf"\b{_PAPER_TITLE}\b", _I)
# A child's form or class by its code ("he's in 10R", "she's in 7B2", "his form is 9X", "year 10, 10R"): a year of school
# and a letter or two after who is in it or the word for it; not an ordinal, a time or a measure ("in 3rd", "at 4pm").
_CLASS_CODE_RE = lazy_compile(
    r"(?:\b(?:s?he|they|i|you|we|who)['’](?:s|re|m)[ \t]+in|\b(?:is|was|are|were|been|be|being|put|moved|placed|still|now)"
    r"[ \t]+in(?:to)?|\b(?:form|class|tutor[ \t]+group|reg(?:istration)?[ \t]+group|form[ \t]+group)(?:[ \t]+(?:is|was))?"
    r"[ \t]*:?)[ \t]+(?P<code>(?:1[0-3]|[1-9])(?:-|[ \t](?=(?-i:\p{Lu}{2,3})(?![\p{L}\d'’\-])))?(?!(?:st|nd|rd|th|am|pm|(?-i:s|x)|k|m|g|kg|km|mm|cm|ml|mb|gb|hrs?|mins?|yrs?|y|d)"
    r"(?![\p{L}\d]))\p{L}{1,3}\d?)(?![\p{L}\d'’\-])"
    r"|\byear[ \t]+(?:1[0-3]|[1-9])[ \t]*[,(/][ \t]*(?P<code>(?:1[0-3]|[1-9])\p{L}{1,3}\d?)(?![\p{L}\d'’\-])"
    r"|(?<![\p{L}\d])(?P<code>(?:1[0-3]|[1-9])\p{Lu}{1,3}\d?)[ \t]+(?:for[ \t]+)?(?:form|tutor[ \t]+group|reg(?:istration)?)\b", _I)


# A year of birth said as a child's ("a 2009 baby", "she's a 2009 birth").
_BIRTH_YEAR_RE = lazy_compile(r"\b(?P<date>(?:19|20)\d\d)[ \t]+(?:baby|babies|birth|born)\b", _I)

# ----------------------------------------------------------------------- ages
_NUMBER_WORDS = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ \-](?:one|two|three|four|five|six|seven|eight|nine))?)"
)
_N = rf"(?:\d{{1,3}}(?:\.5|[ \t]?½)?|{_NUMBER_WORDS}|a|an|a[ \t]+half)"
# An age after another in a list ("aged 12, 14 and 15", "aged 2 and a half"): a number, never "a" alone, which after a
# comma opens what is said of the person ("Kayleigh, aged 20, a trainer").
_N_AGAIN = rf"(?:\d{{1,3}}(?:\.5|[ \t]?½)?|{_NUMBER_WORDS}|a[ \t]+half)"
_UNIT = r"(?:years?|yrs?|yr|y|months?|mths?|weeks?|wks?|days?)"
# How an age is given after its subject: "is", "was", "'s"; "turned", "has just turned"; and with a modal, said as
# it would be or would have been ("she'll be 15", "he'd be 12 by now", "she would have been 14", "he'll turn 13",
# "Tyler would've been 9", "she must be 14").
_MODAL = r"(?:['’](?:ll|d)|[ \t]+(?:will|would|could|should|might|may|must|shall))"
_AGE_VERB = (
    r"['’]s|['’]re|[ \t]+(?:is|was|were|are|turned|turns|is[ \t]+turning|(?:has|had)(?:[ \t]+just)?[ \t]+turned)"
    rf"|{_MODAL}(?:[ \t]+have|['’]ve)?[ \t]+(?:be|been|turn|turned)"
)
_AGE_ADVERB = (r"only|just|now|nearly|almost|about|around|roughly|barely|probably|already|still|maybe|perhaps|"
               # an age near ("he's coming up to 16", "she's going on 12", "rising 15")
               r"coming[ \t]+up(?:[ \t]+to)?|going[ \t]+on|rising|getting[ \t]+on[ \t]+for|"
               # a bound said as near is an age, as with its unit ("she was just under 13", "aged just over 15"): a bare
               # bound is a threshold ("children under 13")
               r"(?:(?:only|just|barely|slightly|fractionally|a[ \t]+(?:little|bit))[ \t]+)+(?:under|over|below|above)")
# What may follow an age given so (not a count of things: "he'd be 12 minutes late", "there would have been 14 of them").
_AFTER_AGE = (r"now|and(?![ \t]+a[ \t]+half[ \t]+(?:hours?|minutes?|mins?|miles?|days?|weeks?|times?|percent|pounds))|when|at|so|but|then|this|last|next|years|or|by|in(?![ \t]+(?:total|all|number|each|every|a[ \t]+row))|soon|today|tomorrow|if|though|already|yet|too|"
              r"himself|herself|themselves|anyway|or[ \t]+so")
# A date of birth in brackets after an age given so: the same person's, the figure no count ("He is 14 (born
# 07/07/2009)", "she's 9 (DOB 01/02/2015)").
_BIRTH_AFTER = r"[ \t]*\([ \t]*(?:born|dob|d\.o\.b\.?|b\.)(?![\p{L}])"
# A school year in brackets after an age given so: the same child's, the figure no count ("Child is eleven (Year 6)",
# "she's 14 (Y9)").
_SCHOOL_YEAR_AFTER = r"[ \t]*\([ \t]*(?:y|yr|year)[ \t]*(?:1[0-3]|[1-9]|r)(?![\p{L}\d])"
# When a day comes, after a possessive and an ordinal: "her 14th next week" is a birthday without the word.
_DAY_NAME = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
# A day of the week, short too, without what follows it ("friday", "Fri", "weds").
_WEEKDAY_WORD = r"(?:mon|tues?|weds?|wednes|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?"
_WHEN_AFTER_ORDINAL = (
    rf"(?:next|this|last)[ \t]+(?:week|weekend|month|{_DAY_NAME})|tomorrow|today|"
    rf"yesterday|(?:on|in)[ \t]+(?:the[ \t]+)?(?:{_DAY_NAME}|{_MONTHS}|{_DAY}(?:[ \t]+of)?[ \t]+{_MONTHS})|on[ \t]+the[ \t]+{_DAY}|"
    r"coming[ \t]+up|soon"
)
# Two children's ages or more in a list, each under 20, perhaps with their unit ("7 and 9", "3, 5 and 8", "three &
# five", "7 and 9 years"): bigger figures after children in the plural are counts ("girls (45, 52)").
_CHILD_AGE = rf"(?:1?\d(?![\d.])|{_NUMBER_WORDS})"
_AGE_LIST = (rf"{_CHILD_AGE}(?:[ \t]*(?:,|and|&|,[ \t]*and)[ \t]*{_CHILD_AGE})+"
             r"(?:[ \t]+(?:years?|yrs?)(?:[ \t]+old)?)?")
# The months after an age's years in brackets, and "old" ("(3y 2m)", "(7 yrs old)").
_MONTHS_AFTER = r"(?:[ \t]*,?[ \t]*(?:and[ \t]+)?\d{1,2}[ \t]*(?:m|mths?|months?))?(?:[ \t]+old)?"
# An age said after its verb, and what may follow it (see the fourth of _AGE_RES): "14", "fourteen years old", "12-ish",
# before a stop, "now", "when", "at the time", a date of birth in brackets.
_SAID_AGE = (
    rf"(?P<age>{_N}(?:[ \t]+and[ \t]+{_N})?(?:[ \t]+(?:years?|months?|weeks?)(?:[ \t]+old)?)?(?:[ \t]*-?[ \t]*ish)?)"
    rf"(?=[ \t]*(?:[.,;:!?)]|$|{_BIRTH_AFTER}|{_SCHOOL_YEAR_AFTER}|[ \t]+(?:{_AFTER_AGE})\b|[ \t]+on[ \t]+(?:the[ \t]+)?"
    rf"(?:\d|{_MONTHS}|{_WEEKDAY_WORD}|{_ORDINAL_WORDS})|[ \t]+on[ \t]+{_HOLIDAY}))")
_AGE_RES = (
    # "a four-year-old", "my 7 year old", "15 months old", "3yo", "7 y/o"; in years and months ("a 2-year-6-month-old")
    lazy_compile(rf"\b(?P<age>{_N}(?:[ \t]+and[ \t]+a[ \t]+half)?[ \t{_DASH}]*{_UNIT}"
                 rf"(?:,?[ \t{_DASH}]*(?:and[ \t]+)?{_N}[ \t{_DASH}]*{_UNIT})?[ \t{_DASH}]*olds?)\b", _I),
    lazy_compile(rf"\b(?P<age>(?:\d{{1,2}}|{_NUMBER_WORDS})[ \t\-]?(?:yo|y/o|y\.o\.?))(?![\w])", _I),
    # "aged 4", "age 4", "aged four and six", "age: 12"; an adverb between ("aged just 17", "aged only three")
    lazy_compile(
        rf"\b(?:aged?|ages)[ \t]*[:\-]?[ \t]*(?:(?:{_AGE_ADVERB})[ \t]+)*(?:(?:between|from)[ \t]+)?(?P<age>{_N}(?:[ \t]*(?:,|and|&|or|to|[{_DASH}])[ \t]*{_N_AGAIN})*"
        # and its months after its years ("aged 2 years 10 months", "aged 7 years, and 22 months"), the unit closed up
        # to the figure too ("aged 10mths", "aged 3yrs")
        rf"(?:(?:[ \t]+|(?<=\d)){_UNIT}(?:[ \t]*,?[ \t]*(?:and[ \t]+)?{_N_AGAIN}(?:[ \t]+|(?<=\d))(?:months?|mths?|weeks?|wks?|days?)(?![ \t]+ago\b))?(?:[ \t]+old)?)?)\b",
        _I,
    ),
    # "she is 4", "he's seven", "they were 12 and 14", "turned 5", "the child was 14", "who is 15", "she'll be 15"
    lazy_compile(
        rf"\b(?:s?he|they|who|(?:my|his|her|their|our|the|this|that|a|one)[ \t]+"
        rf"(?:(?:little|eldest|youngest|oldest|older|younger|middle|new)[ \t]+)?(?:son|daughter|child|boy|girl|baby|brother|"
        rf"sister|kid|eldest|youngest|oldest|young[ \t]+person|teenager|teen|lad|lass|toddler|youngster|infant|sibling|twins?|"
        # a child called by a word of place among the children and "one" ("her little one is eighteen months")
        rf"(?<=(?:little|eldest|youngest|oldest|older|younger|middle|new)[ \t]+)one|"
        # a phrase placing the child between ("the girl at number 7 was 14", "the boy in the photo is 12")
        rf"victim|pupil|mum|mother|dad|father)(?:[ \t]+(?:at|in|from|on|with|next[ \t]+door)(?:[ \t]+[\p{{L}}\d'’]+){{1,3}}?)?|"
        # a capitalised word: a name ("Tyler was 14"; not "There were 14": see _THING_SUBJECTS)
        rf"(?P<subject>(?-i:\p{{Lu}}\p{{Ll}}+))|"
        # a child saying their own age ("my name's callum and i'm seven", "i'm 5")
        rf"\bi(?=['’]m|[ \t]+am\b))(?:{_AGE_VERB}|['’]m|[ \t]+am)(?:[ \t]+(?:{_AGE_ADVERB}))*[ \t]+"
        rf"{_SAID_AGE}",
        _I,
    ),
    # "her 14th birthday", "Tyler's fourteenth birthday" (a person's: "the service's first birthday" is kept)
    lazy_compile(rf"(?:\b(?:my|his|her|their|your)|\p{{L}}['’]s)[ \t]+(?P<age>\d{{1,3}}(?:st|nd|rd|th)|{_ORDINAL_WORDS})"
                 rf"[ \t]+birthday", _I),
    # the same without the word, when a day follows ("it's her 14th next week", "it was his ninth on Sunday", "Kai's
    # 9th is in May"; not "her 3rd visit next week" nor "her 14th placement")
    lazy_compile(rf"(?:\b(?:my|his|her|their|your)|\p{{L}}['’]s)[ \t]+(?P<age>\d{{1,2}}(?:st|nd|rd|th)|{_ORDINAL_WORDS})"
                 rf"(?:[ \t]+(?:is|was|will[ \t]+be|['’]s))?[ \t]+(?:{_WHEN_AFTER_ORDINAL})(?![\p{{L}}\d])", _I),
    # an age turned with its subject left out after a comma or "and" ("she's 14, turned 14 in may", "and just turned 9
    # last week"): "turned" takes no other figure before these words
    lazy_compile(
        rf"(?:,|\band|\bbut|\bwho['’]s|\bwho)[ \t]+(?:(?:only|just|has|had|has[ \t]+just|had[ \t]+just)[ \t]+)?"
        rf"(?:turned|turns|turning)[ \t]+(?P<age>\d{{1,2}}|{_NUMBER_WORDS})"
        rf"(?=[ \t]*(?:[.,;:!?)]|$|[ \t]+(?:{_AFTER_AGE})\b|[ \t]+on[ \t]+))",
        _I,
    ),
    # "a child of 7", "a boy of six"
    lazy_compile(
        rf"\b(?:child|boy|girl|baby|toddler|son|daughter|kid|teenager|teen|brother|sister|infant|youngster)[ \t]+of[ \t]+"
        rf"(?P<age>{_N}(?:[ \t]+{_UNIT}(?:[ \t]+old)?)?)\b",
        _I,
    ),
    # "the boy (14, in care)", "her daughter, 15, was moved", "Child J (7)", "Sibling 1 (9)", "the mother (32) said"
    lazy_compile(
        # twins' or triplets' one age too, said in brackets after their names ("Sahil & Arjun (twins, 8)")
        r"\b(?:child|boy|girl|baby|toddler|son|daughter|kid|teenager|teen|brother|sister|infant|youngster|sibling|twins|triplets|"
        r"(?-i:(?<=\b(?:Child|Baby|Sibling|Young[ \t]+Person)[ \t]+)(?:\p{Lu}|\d{1,2})))[ \t]*"
        rf"(?:\([ \t]*(?P<age>\d{{1,2}}|{_NUMBER_WORDS})\b|,[ \t]*(?P<age>\d{{1,2}}|{_NUMBER_WORDS})[ \t]*(?=[,;)]))",
        _I,
    ),
    # children in the plural and their ages, two or more, in brackets or set off by commas ("the children (7 and 9)",
    # "her sons (3, 5 and 8)", "her two children, 3 and 5, were"), twins' one ("the twins (4)"); one figure after a
    # plural is a count as often ("the children (7)"), and so is a figure after adults ("parents (12)")
    lazy_compile(
        r"\b(?:(?:children|boys|girls|babies|sons|daughters|kids|teenagers|teens|brothers|sisters|siblings|youngsters|"
        rf"infants|twins|triplets)[ \t]*(?:\([ \t]*(?P<age>{_AGE_LIST})[ \t]*(?=[,;)])|,[ \t]*(?P<age>{_AGE_LIST})[ \t]*(?=,))"
        rf"|(?:twins|triplets)[ \t]*\([ \t]*(?P<age>{_CHILD_AGE})[ \t]*(?=[,;)])"
        # adults in the plural, two figures each ("the parents (32 and 35)")
        r"|(?:parents|grandparents|carers)[ \t]*\([ \t]*(?P<age>[1-9]\d(?:[ \t]*(?:,|and|&)[ \t]*[1-9]\d)+)[ \t]*(?=[,;)]))",
        _I,
    ),
    # a figure and a unit of age alone in brackets, as a register gives an age: years shortened after a capitalised word
    # ("Liam (7yrs)", "Kacey (14 yrs)", "Jo (3y 2m)"), any unit after a child's word ("the baby (9 months)"); a duration
    # in brackets follows neither ("in care (2 years)", "Leeds (2 years)" are kept)
    lazy_compile(
        r"(?:(?<=(?-i:\p{Lu}[\p{Ll}'’\-]+))[ \t]*\([ \t]*(?P<age>\d{1,2}[ \t]*(?:yrs?|y)" + _MONTHS_AFTER + ")"
        r"|(?<=\b(?:child|boy|girl|baby|toddler|son|daughter|kid|brother|sister|sibling|infant))[ \t]*\([ \t]*"
        rf"(?P<age>{_N_AGAIN}[ \t]*{_UNIT}" + _MONTHS_AFTER + r"))(?=[ \t]*\))",
        _I,
    ),
    # an adult relation's, two figures in brackets ("the mother (32) said", "her stepfather (41)"; "Mother (1)" a label)
    lazy_compile(
        r"\b(?:mother|father|mum|dad|step-?(?:mother|father|mum|dad)|parent|grand(?:mother|father|parent)|aunt|uncle)"
        r"[ \t]*\([ \t]*(?P<age>[1-9]\d)[ \t]*(?=[,;)])",
        _I,
    ),
)

# The day an age is reached or held ("she turned 14 on 3 May", "he will be fifteen on the 3rd of May", "my son was 9
# on 14 June", "she's 14 on friday", "he turns 9 next tuesday", "she turns 12 on boxing day"), or its month ("she'll be 16 in june"): with the age it
# gives the date of birth, or narrows it to a few days or a month.
_ON_DAY_RE = lazy_compile(
    rf"(?:[ \t]+(?:years?[ \t]+old))?[ \t]+(?:on[ \t]+(?P<date>{_ANY_DATE}|{_DAY_ALONE}|(?:this[ \t]+)?{_WEEKDAY_WORD}|{_HOLIDAY})"
    rf"|(?P<date>(?:next|this)[ \t]+{_WEEKDAY_WORD}|tomorrow)"
    # the month of a birthday to come ("she'll be 16 in june", "he's 5 in august"; not "she was 14 in May 2019")
    rf"|in[ \t]+(?P<date>{_MONTHS})(?![ \t]*,?[ \t]*(?:\d|{_YEAR_WORDS})))(?![\w/]|[.{_DASH}]\d)", _I)
_BIRTHDAY_VERB_RE = lazy_compile(r"\b(?:turn(?:s|ed|ing)?|(?:will|['’]ll|would|['’]d|to)[ \t]+be)(?:[ \t]+\w+)?[ \t]+\Z", _I)

# ------------------------------------------------------------------ addresses
_STREET_TYPES = (
    r"(?:road|rd|street|st|lane|ln|avenue|ave|av|close|cl|drive|dr|way|crescent|cres|terrace|terr|tce|place|pl|grove|gardens|gdns|"
    r"court|ct|square|sq|walk|mews|row|hill|rise|view|parade|green|park|vale|fold|gate|gardens|wharf|yard|bank|boulevard|"
    r"brow|chase|croft|dale|end|fields?|heights|meadows?|mount|side|wynd|approach|circus|corner|cottages|crest|"
    r"glade|grange|grn|hollow|lea|leys?|link|loke|manor|nook|oval|paddock|passage|path|pavement|quay|ridge|ring|"
    r"spur|steps|strand|terraces|top|trees|villas|wood|woods|estate|garth|acre|alley|arcade|bottom|brae|common|dene|drove|"
    r"esplanade|glen|mead|promenade|reach)\.?"
)
_NAME_WORD = r"(?:\p{Lu}[\p{L}'’\-]*|St\.?|\p{Ll}[\p{L}'’\-]*)"
# "St" in capitals ending a match, then a capitalised word: a saint's name ("St Mary's", "St Ives"), as a street's
# "St" is not followed so where its name's words are in lower case.
_SAINT_AFTER_RE = lazy_compile(r"(?<=(?-i:St)\.?)[ \t]+(?-i:\p{Lu})", _I)
_ADDRESS_RE = lazy_compile(
    rf"(?<![\w£$€.,/])(?P<num>\d{{1,4}}[a-z]?(?:[ \t]*[{_DASH}/][ \t]*\d{{1,4}}[a-z]?)?),?[ \t]+"
    rf"(?P<words>(?:{_NAME_WORD}[ \t]+){{1,3}}){_STREET_TYPES}(?![\w])",
    _I,
)
# A tenement flat's position written as floor and door ("3/2": third floor, second door; "0/1"), set off before the
# house number and street of a Scottish address.
_FLOOR_DOOR_BEFORE_RE = lazy_compile(r"(?<![\w/.])(?:(?:flat|apartment)[ \t]+)?\d{1,2}/\d{1,2}[ \t]*,[ \t]*\Z", _I)
_NOT_STREET_WORDS = frozenset(
    """the a an of in on at to for from by with and or but down up over under into out off per this that these those
    my your his her our their its very more less most least about around just only some any each every all both
    months month years year weeks week days day hours hour minutes minute miles mile times time people children
    families families cases staff workers members councils schools percent per cent pounds points steps""".split()
)
# A flat's number in words only where someone is placed in it ("lives in flat fourteen"; not "a flat five per cent").
_FLAT_RE = lazy_compile(
    r"\b(?:flat|apartment|apt|maisonette|bedsit|unit|room|suite|plot|block)\.?[ \t]*(?:no\.?|number)?[ \t]*"
    rf"(?:\d{{1,4}}[a-z]?(?:/\d{{1,2}})?|(?P<w>{_NUMBER_WORDS})(?![\p{{L}}]))(?:[ \t]*,?[ \t]*(?:\p{{Lu}}[\p{{L}}'’\-]*[ \t]+){{1,3}}"
    r"(?:House|Court|Tower|Towers|Lodge|Mansions|Buildings|Heights|Point|Place|Flats|Block|Hall|Close))?",
    _I,
)
# A capitalised word right before another ("Committee Room 2").
# A house's number before a block of flats' or an estate's name, its word in any case ("14 Thornbury flats", "7 Parkside
# Towers", "3 Kestrel house"): the address, as "14 Thornbury Road" is; the name capitalised.
_NUMBER_BLOCK_RE = lazy_compile(
    r"(?<![\w£$€.,/])(?P<num>\d{1,4}[a-z]?),?[ \t]+(?P<words>(?:\p{Lu}\p{Ll}[\p{L}'’\-]*[ \t]+){1,3})"
    r"(?P<kind>(?i:flats|house|tower|towers|mansions|lodge|buildings|block|point|estate))(?![\w])", re.VERSION1)
# The same in lower case, as transcripts are typed ("she lives at 5 star buildings", "we meet at 2 kingfisher house"):
# the address only where someone or something is placed there, and no word describes buildings counted ("she's lived
# at 3 council flats", "they live in 2 bedroom flats", "at 5 office buildings" stay).
_LOWER_NUMBER_BLOCK_RE = lazy_compile(
    r"(?<![\w£$€.,/])(?P<num>\d{1,4}[a-z]?),?[ \t]+(?P<words>(?:\p{Ll}[\p{Ll}'’\-]*[ \t]+){1,2})"
    r"(?P<kind>flats|house|tower|towers|mansions|lodge|buildings|block|point|heights|court)(?![\w])", re.VERSION1)
# Words that describe buildings counted, not a block's name.
_COUNTED_BUILDING_WORDS = frozenset("""council bedroom bed storey story office school church shop shops flat terraced
    detached semi tower high low rise listed empty derelict different separate other residential commercial public
    private social housing student hostel hotel hospital farm factory warehouse apartment studio""".split())
# A person said to be at or in a place ("she's at", "they were in"): where a name of ordinary words is a block's.
_PERSON_AT_BEFORE_RE = lazy_compile(
    r"\b(?:s?he|they|we|i|you)(?:['’](?:s|re|m)|[ \t]+(?:is|are|was|were|am))[ \t]+(?:still[ \t]+|now[ \t]+)?(?:at|in)[ \t]+\Z", _I)
# A word placing what follows as somewhere ("they meet at 5 Star Buildings", "the office moved to 2 Kings House"): a
# figure and a block's name in capitals after it are the block's, whoever is there.
_PLACE_WORD_BEFORE_RE = lazy_compile(r"(?<![\p{L}])(?:at|in|into|from|outside|near|opposite|behind|to)[ \t]+\Z", _I)
_CAPITALISED_WORD_BEFORE_RE = lazy_compile(r"(?<![\p{L}'’\-])(?P<w>\p{Lu}\p{Ll}+)[ \t]+\Z", re.VERSION1)
_BUILDING_RE = lazy_compile(
    r"(?<![\w])(?:\p{Lu}[\p{L}'’\-]*[ \t]+){1,3}(?:House|Tower|Towers|Lodge|Mansions|Heights|Flats)(?![\w])",
    re.VERSION1,
)
_STREET_RE = lazy_compile(
    r"(?<![\w])(?:\p{Lu}[\p{L}'’\-]*[ \t]+){1,3}"
    # a dot only after a kind abbreviated ("Fern St."); after a word in full it is the sentence's ("of Fern Street.")
    r"(?:Road|Street|Lane|Avenue|Crescent|Close|Drive|Terrace|Grove|Gardens|Mews|Walk|Rise|Row|Square|Way|Place|"
    r"(?:Rd|St|Ave)\.?)(?![\w])",
    re.VERSION1,
)
# A street's kind abbreviated in lower case, as notes and texts type it, after its name in capitals ("Harehills rd",
# "Bellbrooke ave", "Nowell tce"): only abbreviations, which no sentence's word is, so no word before need say so.
_ABBREVIATED_STREET_RE = lazy_compile(
    r"(?<![\w])(?:\p{Lu}[\p{L}'’\-]*[ \t]+){1,3}(?-i:rd|ave|cres|tce|terr|gdns|grn|ln|st)\.?(?![\w])", re.VERSION1)
# The words UK streets end with, as councils' street naming and numbering policies list them (Leeds City Council's
# policy, its table of suffixes from Acre to Yard; GeoPlace's list of street suffixes for England and Wales, which
# councils follow) and as older streets and estates of the North still end ("Garth", "Wynd", "Fold", "Nook", "Brow"):
# the full words, capitalised; the abbreviations are _STREET_TYPES'.
_UK_STREET_ENDINGS = (
    "Acre|Alley|Approach|Arcade|Avenue|Bank|Boulevard|Bottom|Brae|Brow|Chase|Circus|Close|Common|Corner|Cottages|Court|"
    "Crescent|Croft|Cross|Dale|Dene|Drive|Drove|End|Esplanade|Field|Fields|Fold|Garth|Gate|Gardens|Glade|Glen|Grange|"
    "Green|Grove|Heights|Hill|Hollow|Lane|Lea|Mead|Meadow|Meadows|Mews|Mount|Nook|Paddock|Parade|Park|Passage|Path|"
    "Place|Promenade|Quay|Reach|Ridge|Rise|Road|Row|Side|Square|Steps|Street|Terrace|Top|Vale|View|Villas|Walk|Way|"
    "Wharf|Wynd|Yard")
# A name in capitals closed by a word streets and estates end with ("Seacroft Gate", "Bramley Fold", "Gipton Croft",
# "Gipton Approach", "Tinshill Wynd"): a place where its first word is no English word nor first name
# (:func:`_estate_words`); "Lucy Croft", "Emma Green", "Golden Gate", "the Restorative Approach" are not.
_ESTATE_WORD_RE = lazy_compile(
    r"(?<![\w'’\-])(?P<w>\p{Lu}\p{Ll}+)(?:[ \t]+\p{Lu}\p{Ll}+)?[ \t]+"
    rf"(?:{_UK_STREET_ENDINGS})"
    r"(?![\w'’\-])", re.VERSION1)
# Words that say someone lives at a place (the context that makes "station road" or "acacia close" an address).
_RESIDENCE = r"live[sd]?|living|moved|moving|move|stay(?:s|ed|ing)?|address(?:[ \t]+is)?"
# A street named in lower case without a house number, after a word that places someone on it ("lives on station
# road", "moved to acacia grove", "off victoria avenue"); "on the road", "down memory lane" are not streets.
_LOWER_STREET_RE = lazy_compile(
    rf"(?<![\w])(?P<ctx>{_RESIDENCE}|on|off|in|at|along|"
    r"near|from|to|round|into|onto|opposite|past|down|up|"
    # where two streets meet ("the corner of mill lane and church street", "the junction of x road with y road")
    r"(?<=\b(?:corner|junction|top|bottom|end)[ \t]+)of|"
    r"(?<=\b(?:road|street|lane|avenue|crescent|terrace|grove|drive|close)[ \t]+)(?:and|with|&))[ \t]+"
    r"(?P<street>(?P<words>(?:[\p{Ll}'’\-]+[ \t]+){1,3})(?P<type>road|street|lane|avenue|crescent|terrace|grove|mews|"
    r"gardens|close|drive|rd|ave|cres|tce|gdns)\.?)(?![\w])",
    re.VERSION1,
)
# A street named in lower case by a word UK streets end with that no lower-case rule read (see _UK_STREET_ENDINGS: "they
# moved to gipton approach", "she was found on armley nook", "lives at seacroft garth"), after a word that places someone
# on it: an address where its first word is no English word nor first name (:func:`_estate_words`), as the capitalised
# rule holds ("on the hill", "at the corner", "in every way", "to his side" stay).
_LOWER_ESTATE_RE = lazy_compile(
    rf"(?<![\w])(?:{_RESIDENCE}|on|off|in|at|along|near|from|to|round|into|onto|opposite|past|down|up)[ \t]+"
    r"(?P<street>(?P<w>\p{Ll}{4,})(?:[ \t]+(?P<w2>\p{Ll}{3,}))?[ \t]+"
    rf"(?i:{_UK_STREET_ENDINGS}))(?![\w'’\-])", re.VERSION1)
# A house number said in words: hundreds and a letter too ("one hundred and four", "seventeen b").
_HOUSE_NUMBER_SAID = (rf"(?:(?:one|two|three|four|five|six|seven|eight|nine)[ \t]+hundred(?:[ \t]+(?:and[ \t]+)?{_NUMBER_WORDS})?"
                      rf"|{_NUMBER_WORDS})(?:[ \t]+[a-d](?![\p{{L}}\d'’]))?")
# A street named as Welsh names streets, its kind first ("12 Heol y Felin", "14 maes y coed", "the house on heol las",
# "Ffordd Newydd"): after a house number, or after a word that places someone on it; the words after the kind, with "y",
# "yr" or "'r" between, are the street's name.
_WELSH_STREET_RE = lazy_compile(
    rf"(?<![\w£$€.,/])(?:(?P<num>\d{{1,4}}[a-z]?|{_HOUSE_NUMBER_SAID}),?[ \t]+|(?<=\b(?:on|off|in|at|along|near|from|to|into|onto|opposite|past|"
    # and after a house number, words a Welsh street's name starts with as often as with its kind ("21 bryn celyn", "4 tŷ
    # gwyn", "7 parc y felin")
    r"down|up|round)[ \t]+))(?P<street>(?:heol|ffordd|l[oô]n|stryd|rhodfa|cilgant|teras|maes|llys|cwrt|clos|rhes|pant|cae|"
    r"(?(num)(?:bryn|t[yŷ]|parc|nant|gwel|erw|llwyn)|(?!)))(?:[ \t]+(?:y|yr)|"
    r"['’]r)?[ \t]+(?!(?:the|a|an|and|or|of|to|in|on|at|for|with|is|was)\b)\p{L}[\p{L}'’\-]*)(?![\w])", _I)
_RESIDENCE_WORD = lazy_compile(rf"\b(?:{_RESIDENCE})\b", _I)
_RESIDENCE_BEFORE = lazy_compile(rf"\b(?:{_RESIDENCE})\b[^\n.]{{0,12}}$", _I)
_NOT_STREET_NAMES = frozenset(
    """another other same such own long short busy quiet main high side ring one back wrong right open rocky bumpy dirt
    toll slip private public memory easy civvy fleet wall downing two cross dead fast slow middle country bus good bad
    hard rough straight narrow wide new old very too so quite really way whole safe same next last first
    """.split()
)
# A house number in words or before "the" ("lives at fourteen bramble way", "her address is 14 the crescent"), read
# only where someone is placed there (see _addresses): "two way street", "one close call" are not addresses.
# Where a house number said in words stands before a street ("she's at forty two ...", "flat three, twenty nine ...",
# "his nan's is twenty one ...").
_WORDED_AT_BEFORE_RE = lazy_compile(r"(?:\b(?:at|is|was|to)|['’]s|\b(?:flat|apartment)[ \t]+[\p{L}\d]+[ \t]*,)[ \t]*\Z", _I)
# "Number" before a house number said in words ("at number twelve acacia avenue", "no. fourteen, Chapel Street"): the
# house's number, whatever verb places someone there, and the address's first word.
_NUMBERED_BEFORE_RE = lazy_compile(r"\b(?:number|no\.?)[ \t]*\Z", _I)
_NUMBERED_SAID_RE = lazy_compile(rf"\b(?:number|no\.?)[ \t]*{_HOUSE_NUMBER_SAID},?[ \t]+\p{{L}}", _I)
# A house number, its letter perhaps, before "the" ("they're at 7b the parade"), which a street's name may follow.
_NUMBER_THE_RE = lazy_compile(r"\d[a-z]?,?[ \t]+the[ \t]", _I)
_WORDED_ADDRESS_RE = lazy_compile(
    rf"(?<![\w£$€.,/])(?P<num>{_HOUSE_NUMBER_SAID}|\d{{1,4}}[a-z]?),?[ \t]+(?P<words>(?:the[ \t]+)?(?:{_NAME_WORD}[ \t]+){{0,3}})"
    rf"{_STREET_TYPES}(?![\w])",
    _I,
)
# A house number and the first word of a street's name, without the street type, right where someone lives ("lives at 14
# Bramble", "her address is 22 Acacia", "moved to 14 Bramble last year"): see _addresses.
_NUMBER_AND_NAME_RE = lazy_compile(
    rf"\b(?:(?:{_RESIDENCE})[ \t]+(?:at|to|into|in)|address(?:[ \t]+(?:is|was))?[ \t]*:?)[ \t]+"
    rf"(?P<addr>(?:(?:number|no\.?)[ \t]*)?(?P<num>{_HOUSE_NUMBER_SAID}|\d{{1,4}}[a-z]?),?[ \t]+(?P<word>\p{{L}}[\p{{L}}'’\-]*))"
    rf"(?P<end>{_PHRASE_END})?",
    _I,
)
# A house number with its letter alone where someone lives or is, at the end of the phrase ("she lives at 14b", "they
# moved to 7a.", "they're at 14b, the grove"; not "he lives at 14 now", an age, nor "lives at 14 miles away").
_LIVES_AT_NUMBER_RE = lazy_compile(
    rf"\b(?:(?:live[sd]?|living|stay(?:s|ed|ing)?|moved|moving)[ \t]+(?:at|to|into|in)|(?:s?he|they|we|i|you)"
    rf"(?:['’](?:s|re|m)|[ \t]+(?:is|are|was|were|am))[ \t]+at|(?:flat|house|maisonette|bedsit|bungalow)[ \t]+(?:is[ \t]+)?at)"
    rf"[ \t]+(?:(?P<num>\d{{1,4}}[a-z])(?={_PHRASE_END}|[ \t]+(?:now|with|since|and|but|for|then|until|till)\b)"
    # or a number and a close's name in lower case ("they live at 7 the paddocks, behind the church")
    rf"|(?P<num>\d{{1,4}})(?=,?[ \t]+(?P<close>the[ \t]+(?!(?:whole|same|other|time|moment|end|most|least|start|weekend|"
    rf"minute|top|bottom|back|front|first|last|next)\b)\p{{L}}+(?:[ \t]+\p{{L}}+)?)(?:{_PHRASE_END}|[ \t]+(?:now|with|since|"
    rf"behind|near|by|opposite|next)\b)))", _I)
# A building's name after a flat's number ("flat 4a, the maltings", "Flat 2, The Old Rectory"): "the" and up to three
# words to the end of the phrase (see _addresses).
_FLAT_BUILDING_RE = lazy_compile(rf"[ \t]*,[ \t]*(?P<b>the[ \t]+[\p{{L}}'’\-]+(?:[ \t]+[\p{{L}}'’\-]+){{0,2}})(?={_PHRASE_END})", _I)
# A house at a number, said of who lives there ("the family at number 12", "the boy from no. 7", "next door at number
# five"): the number is the address.
_AT_NUMBER_RE = lazy_compile(
    rf"\b(?:family|families|household|neighbours?|people|couple|kids|children|boy|girl|man|woman|lady|bloke|lad|lass|"
    rf"mum|dad|mother|father|nan|gran|grandma|grandad|baby|child|son|daughter|brother|sister|uncle|aunt|aunty|auntie|"
    rf"cousin|carers?|tenants?|occupants?|residents?)"
    rf"(?:[ \t]+(?:who[ \t]+)?(?:live[sd]?|living|staying|stay(?:s|ed)?|next[ \t]+door|over[ \t]+the[ \t]+road))?"
    rf"[ \t]+(?:at|in|from)[ \t]+(?P<num>(?:number|no\.?)[ \t]*(?:\d{{1,4}}[a-z]?|{_NUMBER_WORDS})(?![\p{{L}}\d]))",
    _I,
)
# A house by its number, then told apart as a home ("number 43, the one with the caravan out front", "at no. 9, the
# house with the blue door"): the number.
_NUMBER_THE_HOUSE_RE = lazy_compile(
    r"(?<!\bthe[ \t]+)(?P<num>\b(?:number|no\.?)[ \t]*\d{1,4}[a-z]?)[ \t]*,[ \t]*the[ \t]+(?:one|house|flat|place|bungalow)"
    r"[ \t]+(?:with|next[ \t]+to|opposite)\b[^.!?;\n]{0,30}?\b(?:door|front|garden|drive|gate|fence|hedge|bins|windows|"
    r"curtains|porch|caravan|van|extension|roof|trampoline|shop|pub|park)\b", _I)
# A hospital ward by its number, where someone is placed on it ("on ward 12", "moved to Ward 4b", "in ward L52", "onto
# ward twelve"; not "see Page 4 and Ward 12 of the report"); a ward by its name is the institutions' (see _ESTATE_RE).
_WARD_RE = lazy_compile(
    rf"\b(?:on|onto|in|into|to|from|at|off)[ \t]+(?:the[ \t]+)?(?P<w>ward[ \t]+(?:no\.?[ \t]*|number[ \t]+)?(?:\d{{1,3}}[a-z]?|[a-z]\d{{1,3}}[a-z]?|{_NUMBER_WORDS}))(?![\p{{L}}\d])", _I)
# Where someone is placed in a flat or at a house ("lives in flat fourteen", "at flat two").
_PLACED_IN_RE = lazy_compile(rf"\b(?:{_RESIDENCE}|at|in|into|to|from)[ \t]+(?:the[ \t]+)?\Z", _I)
# "number 14" or "no. 14" where someone lives ("she lives at number 14", "her house number is 14"), and "number fourteen" in words where the
# phrase ends, a street's name follows or the sentence goes on ("is staying at number fourteen.", "lives at number
# fourteen now"; not "we moved to number two in the league table").
_HOUSE_NUMBER_RE = lazy_compile(
    r"\b(?:live[sd]?|living|stay(?:s|ed|ing)?|address(?:[ \t]+is)?|house|home|door|moved)\b[^\n.]{0,25}?\b(?:at[ \t]+)?"
    rf"(?P<num>(?:number|no\.?)(?:[ \t]+(?:is|was))?[ \t]*:?[ \t]*(?:\d{{1,4}}[a-z]?\b|{_NUMBER_WORDS}(?={_PHRASE_END}|[ \t]+(?-i:\p{{Lu}})|"
    r"[ \t]+(?:now|with|since|for|and|but|then|until|till)\b)))",
    _I,
)
_INSTITUTION_TYPES = (
    r"(?:(?:Primary|Junior|Infant|Infants|Secondary|High|Grammar|Nursery|Catholic|CofE|C[ \t]?of[ \t]?E|CE|RC|Methodist|"
    r"Community|Special|Free|Church|Village|Parish|Comprehensive|Middle|First|Upper|Sixth[ \t]+Form|Girls|Boys|Girls['’]|Boys['’]|"
    r"General|Royal|University|District|Memorial|Children['’]s|Women['’]s|Family|Medical|Health|Leisure|Youth|Sports|Care|"
    r"Nursing|Residential|Day|Pupil[ \t]+Referral)[ \t]+)*"
    r"(?:School|Academy|College|Nursery|Hospital|Infirmary|Surgery|Centre|Center|Clinic|Practice|Home|Hospice|Mosque|"
    r"Church|Chapel|Temple|Gurdwara|Synagogue|Mandir|Library|Unit|PRU|Estate|Barracks|Prison|YOI|Hostel|Refuge|Sixth[ \t]+Form)"
)
# Institution words that follow ordinary words too often ("Effective Practice"): a name needs a proper noun.
_WEAK_INSTITUTIONS = frozenset("Practice Unit Home Centre Center Church Chapel Temple Library Estate Hostel Refuge".split())
_INSTITUTION_RE = lazy_compile(
    rf"(?<![\w])(?P<name>(?:(?:St\.?|Saint)[ \t]+)?(?:\p{{Lu}}[\p{{L}}'’\-]*[ \t]+){{1,4}}){_INSTITUTION_TYPES}(?![\w])",
    re.VERSION1,
)
_INSTITUTION_LOWER_RE = lazy_compile(
    r"(?<![\w])(?P<name>(?:[\p{L}'’\-]+[ \t]+){1,3})(?:primary|school|academy|college|hospital|infirmary|surgery|"
    r"medical[ \t]+centre|health[ \t]+centre|clinic|mosque|church|nursery|police[ \t]+station|fire[ \t]+station|library|"
    # where a worker serves a district ("the pharmacist at the seacroft chemist", "the gp at the horsforth medical
    # practice"; a practice of a kind only: "their frontline practice", "current LGA practice" stay)
    r"leisure[ \t]+centre|community[ \t]+centre|youth[ \t]+club|(?:dental|gp|doctors['’]?|medical|group)[ \t]+practice|"
    r"chemists?|pharmacy|vets|opticians?|dentists?)"
    r"(?![\w])",
    _I,
)
# A school's kind alone after a word of going to it ("at oakwood high", "to bramley juniors"), or set off after a
# child's year group ("Priya (Year 10, Oakwood High)", "Y4 - Bramley Juniors").
_YEAR_GROUP_SET_OFF = r"\b(?:year|yr|y)[ \t]?\d{1,2}[ \t]*[,/\-\u2013\u2014]"
_SCHOOL_KIND_ANCHOR = lazy_compile(r"\b(?:high|grammar|juniors|infants|comp)\b", _I)
_SCHOOL_KIND_RE = lazy_compile(
    r"(?:\b(?:at|to|attends?|attended|attending|from|left|leaves|joined|joins|in)|" + _YEAR_GROUP_SET_OFF + r")[ \t]+"
    r"(?P<name>(?:[\p{L}'’\-]+[ \t]+){1,3})(?:high|grammar|juniors|infants|comp)(?![\w])", _I)
# A saint's name after a word of going to it, a school or a church in lower case without its kind ("she goes to st
# marys", "at saint john's"): the saint a given name, or any word with its possessive ("the vicar at st chad's").
# The same after "of" with the possessive ("the vicar of st mary's", "the head of st michael's"), and a saint's name with
# the possessive capitalised wherever it stands ("St Joseph's rang", "the vicar of St Mary's"): a church's or a school's
# name, not a person's; a saint's day is a day ("St Patrick's Day").
_SAINT_RE = lazy_compile(
    r"(?:\b(?:at|to|attends?|attended|attending|from|left|leaves|joined|joins|(?P<of>of))[ \t]+|(?<![\p{L}\p{N}])(?=(?-i:St|Saint)\b))"
    r"(?P<place>(?:st\.?|saint)[ \t]+(?P<saint>\p{L}+)(?P<s>['’]s|s)?)(?![\p{L}'’])"
    r"(?![ \t]+(?:day|eve|night|wort)\b)", _I)
# A school's kind said without "school" ("oakwood high", "bramley juniors") names one only where a child goes to it.
_SCHOOL_GOING_RE = lazy_compile(
    r"(?:\b(?:at|to|attends?|attended|attending|from|left|leaves|joined|joins|in)|" + _YEAR_GROUP_SET_OFF + r")[ \t]+\Z", _I)
# Words of a school's kind between its name and "school" ("oakwood high school", "st anne's catholic primary").
_SCHOOL_KINDS = frozenset(
    "primary junior juniors infant infants secondary high grammar comprehensive catholic rc ce cofe c of e church "
    "community academy middle first upper special free".split())
# Words between a district and premises that are the premises' kind ("the zorbley veterinary surgery").
_PREMISES_KINDS = _SCHOOL_KINDS | frozenset({"veterinary"})
# A nursery or school named in ordinary words in lower case, where a child goes ("she goes to little acorns nursery",
# "he's at sunny meadows primary"), or its name alone with the kind said near it ("she's at little acorns, the
# nursery"): two or three words, none generic or a kind of school ("at sixth form college", "went to big school" stay).
_CHILD_SETTING = (r"(?:nursery|pre-?school|playgroup|creche|primary|school|academy|juniors|infants|sixth[ \t]+form(?:[ \t]+college)?|"
                  # where a child in care lives ("the hawthorns children's home", "meadow view care home")
                  r"(?:children['’]?s|care|residential|group)[ \t]+home|residential[ \t]+unit)")
_SETTING_WORD = rf"(?!{_CHILD_SETTING}(?![\p{{L}}\-]))\p{{Ll}}[\p{{Ll}}'’]+(?:-\p{{Ll}}[\p{{Ll}}'’]+)*"
_NAMED_SETTING_RE = lazy_compile(
    r"\b(?:at|to|attends?|attended|attending|from|left|leaves|joined|joins)[ \t]+(?P<the>the[ \t]+)?"
    rf"(?P<name>{_SETTING_WORD}(?:[ \t]+{_SETTING_WORD}){{0,2}}?)"
    rf"(?:[ \t]+(?P<kind>{_CHILD_SETTING})(?![\p{{L}}\-])|(?P<end>(?=[ \t]*(?:[.,;:!?)–—]|\Z)|"
    r"(?=[ \t]+(?:now|then|still|again|today|every|each|most|three|two|four|five|on|in|since|until|till|and|but|so|because|"
    # what those at it say ("the staff at rose cottage said")
    r"said|say|says|told|rang|reckon|think|thought|were|are)\b))))", _I)
# A family's home by its plural possessive, the home's word in lower case ("the Okafors' house", "the Joneses' flat";
# "Rowans House" is a setting's name): the family is a name the name finder judges, no place nor address.
_FAMILY_HOME_NAMED_RE = lazy_compile(r"(?<![\p{L}'’])\p{Lu}\p{L}*s['’](?:[ \t]+(?:house|home|flat|place))?\Z", re.VERSION1)
_HOME_WORD_AFTER_RE = lazy_compile(r"[ \t]+(?:house|home|flat|place)\b", re.VERSION1)


def _family_home(text: str, name: str, end: int) -> bool:
    """Whether ``name``, a place's or an address's words ending at ``end``, is a family's plural possessive before the
    word for its home in lower case, or with it (see _FAMILY_HOME_NAMED_RE)."""
    return (_FAMILY_HOME_NAMED_RE.search(name) is not None
            and (not name.endswith(("'", "’")) or _HOME_WORD_AFTER_RE.match(text, end) is not None))

_SETTING_ANCHOR = lazy_compile(rf"\b{_CHILD_SETTING}\b", _I)
_NOT_SETTING_NAMES = frozenset(
    """sixth form big boarding state faith forest sunday saturday summer night further higher education special needs
    mainstream residential day after before breakfast holiday weekend home school nursery work college university
    risk least most first last all times time once now still again today tomorrow yesterday too also well
    many several few various different separate similar early late opposite regular full""".split())
# A child's setting said by its name alone, with no kind of setting near: a child goes to it, starts at it or is at it
# ("she's at little acorns", "she goes to busy bees", "jaydon started at tiny tots"), and its name is two
# words ending in a plural that no event, time or measure is ("at team meetings", "at different stages" are kept), or
# words no list knows (see _settings_alone).
_ATTENDS_RE = lazy_compile(
    r"(?:\b(?:is|was|are|were|been|be|being|still|now|started|starts|starting|start|joined|joins)|(?<=\b(?:s?he|it|who|"
    r"they|we|you)['’](?:s|re)))[ \t]+(?=at\b)|\b(?:goes|go|going|went|gone|moved|moving)[ \t]+(?=to\b)|"
    # those who work or live at it ("the staff at rose cottage said", "the carers at acorn lodge")
    r"\b(?:staff|carers|workers|manager|managers|residents|nurses)[ \t]+(?=at\b)|"
    r"(?<![\p{L}\-])(?=(?:attends?|attended|attending)\b)", _I)
# Plurals that name what is held, measured or done, not a setting ("team meetings", "different stages", "all costs").
_NOT_SETTING_PLURALS = frozenset(
    """meetings sessions classes lessons clubs groups matches games appointments hubs panels conferences reviews visits
    events stages levels intervals times ends points costs odds lengths terms parties courses workshops briefings
    services shops centres offices loggerheads things ages days weeks months years hours minutes moments weekends
    nights mornings evenings holidays breaks rates pieces parts areas places homes houses schools nurseries units
    wards teams boards forums partnerships councils agencies authorities practices surgeries clinics hospitals homes
    activities trips outings camps grandparents parents carers friends relatives families cousins siblings sisters
    brothers mates neighbours appointments hearings courts interviews assessments plans targets sites premises
    discussions consultations inspections audits trainings seminars talks calls checks
    lengths extremes standards expectations odds risks pains funerals weddings concerts festivals auditions rehearsals
    protests markets shows gigs lectures tribunals trials tests exams bits ruins arms heights purposes lunches dinners
    meals parades matches fairs sales prisons cells raves discos galas sleepovers rallies fetes socials proms parties
    barbecues bbqs prices offers deals bargains discounts fees charges wages salaries budgets figures numbers
    totals results scores grades marks ratings rankings votes bids auctions tenders quotes estimates bills debts
    payments arrears savings losses profits""".split())
# The last word of a setting's name said as premises ("rainbow corner", "acorn lodge", "willow cottage", "meadow view"):
# a singular name of two words ending so is a setting's where a child goes or is, as a plural one is.
_PREMISES_TAILS = frozenset("""corner lodge cottage house farm view hall grange manor den nest barn cabin ark hive garden
    gardens retreat haven cottages""".split())
# A pub, shop or restaurant named after a word of keeping or running it ("landlord of the red lion", "her dad runs the
# red lion", "landlady at the white hart", "owns the golden dragon"): two words, neither generic nor a function word, the
# last no word of an organisation's part ("runs the youth club", "runs the early help service", "runs the risk of" stay).
_KEPT_PREMISES_RE = lazy_compile(
    r"\b(?:(?:landlord|landlady|licensee|publican|proprietor|owner|manager)[ \t]+(?:of|at)|runs|ran|running|owns|owned|"
    r"behind[ \t]+the[ \t]+bar[ \t]+(?:at|of|in)|"
    r"manages|managed)[ \t]+the[ \t]+(?P<name>\p{L}[\p{L}'’]+[ \t]+\p{L}[\p{L}'’]+)"
    r"(?=[ \t]*(?:[.,;:!?)–—]|\Z)|[ \t]+-[ \t]|[ \t]+(?:now|then|still|pub|inn|hotel|restaurant|takeaway|cafe|and|but|so|in|on|for|since|with)\b)", _I)
_NOT_PREMISES_TAILS = frozenset("""service services team teams club group unit project scheme programme business company
    department office course session panel board meeting clinic network forum partnership hub show risk house home
    place way day""".split())
# A bed and a ward or bay by their numbers together, which place one patient whatever word comes before ("bed 4, ward
# 12", "ward 7 bed 2", "bed 9 on ward 6", "bay 3, bed 4"); a bed alone ("in bed 4") says nothing.
_BED_NUMBER = rf"(?:no\.?[ \t]*|number[ \t]+)?(?:\d{{1,3}}[a-z]?|[a-z]\d{{1,3}}[a-z]?|{_NUMBER_WORDS})(?![\p{{L}}\d])"
# Two or more of them in a row, each of its own kind ("ward 12 bay 3 bed 4", "bed 4 bay 2 ward 9", "Ward 7, Bay 2").
_BED_PART = rf"(?P<k>ward|bay|bed|cubicle|room|side[ \t]+room)[ \t]+{_BED_NUMBER}"
_BED_WARD_RE = lazy_compile(
    rf"\b{_BED_PART}(?:(?:[ \t]*[,/][ \t]*|[ \t]+(?:on|in|of)[ \t]+(?:the[ \t]+)?|[ \t]+){_BED_PART})+", _I)
# A bed or bay by its number on a ward said beside it ("on the children's ward, bed 14, at the royal"): the number.
_BED_ON_A_WARD_RE = lazy_compile(
    rf"\bward\b[^.!?;\n]{{0,6}}?[ \t]*,?[ \t]*(?:bed|bay|cubicle)[ \t]+(?P<n>{_BED_NUMBER})", _I)
# A hospital by its own word or two after a ward's number and "at the" or "in the", said last ("she's on ward 7 at the
# heath", "ward 4 in the royal"): the hospital, whatever its words; a time or a hospital's kind there stays ("ward 7 at
# the moment", "ward 4 in the hospital"); a bed or a bay may be a garden's or a car park's ("bed 4 in the garden centre").
_WARD_AT_THE_RE = lazy_compile(
    rf"\bward[ \t]+{_BED_NUMBER}[ \t]+(?:at|in|up[ \t]+at|down[ \t]+at)[ \t]+the[ \t]+"
    r"(?P<name>\p{L}[\p{L}'’\-]*(?:[ \t]+\p{L}[\p{L}'’\-]*)?)(?=[ \t]*(?:[.,;:!?)]|\Z))", _I)
_NOT_HOSPITAL_NAMES = frozenset("""moment minute min time weekend week day night morning afternoon evening end start
    minute hospital infirmary unit hospice clinic ward wards children's childrens kids maternity same other new old
    main big local general""".split())
_ESTATE_RE = lazy_compile(r"(?<![\w])(?P<name>(?:[\p{L}'’\-]+[ \t]+){1,3})(?:estate|area|ward|neighbourhood|side)(?![\w])", _I)
#: Public institutions whose names are vocabulary, not places to hide.
_PUBLIC_INSTITUTIONS = frozenset(
    fold(w)
    for w in (
        "Family Court", "Crown Court", "High Court", "County Court", "Magistrates Court", "Magistrates' Court", "Youth Court",
        "Supreme Court", "Children's Centre", "Children's Centres", "Family Centre", "Sure Start", "Pupil Referral Unit",
        "Virtual School", "Residential Home", "Children's Home", "Care Home", "Secure Unit", "Free School",
        "Special School", "Primary School", "Secondary School", "High School", "Grammar School", "Medical Centre",
        "Health Centre", "Leisure Centre", "Youth Centre", "Community Centre", "Day Centre", "Contact Centre",
        "Assessment Centre", "Call Centre", "Civic Centre", "Job Centre", "Jobcentre", "Public Protection Unit",
        "Child Protection Unit", "Front Door", "Early Help", "Local Area", "Council Estate", "Housing Estate",
        "Sixth Form",
    )
)
# Capitalised words that are generic before an institution word ("the Local Hospital").
_GENERIC_BEFORE = frozenset(
    fold(w)
    for w in (
        "The A An Our Their His Her My Your This That Local General Main New Old Children's Children Family Women's "
        "Specialist Secure Virtual Residential Private Independent Maintained State Council Authority Nearest Same "
        "Other Another Every Each Any Some Public Protection Safeguarding Child Assessment Contact Civic Day Call Job "
        "Youth Community Health Medical Leisure Care Nursing Housing Referral Pupil Special Free Primary Secondary "
        "High Grammar Infant Junior Nursery Early Help Area Unit Team Service Services Social"
    ).split()
)


def _near(pattern: re.Pattern, anchor: re.Pattern, text: str, before: int = 120, after: int = 160, *,
          overlapped: bool = False):
    """Matches of ``pattern`` in windows around each match of a cheap ``anchor`` (whole words kept).

    The expensive patterns (a few capitalised words, then "Hospital") would be tried at every word;
    they are tried only near the rare words that anchor them.  With ``overlapped``, matches that overlap one another
    too (one that a match before it swallowed the start of).
    """
    seen: set[tuple[int, int]] = set()
    for a in anchor.finditer(text):
        lo = max(0, a.start() - before)
        while lo > 0 and not text[lo - 1].isspace():
            lo -= 1
        hi = min(len(text), a.end() + after)
        while hi < len(text) and not text[hi].isspace():
            hi += 1
        for m in pattern.finditer(text, lo, hi, overlapped=overlapped):
            if m.start() <= a.start() < m.end() and (m.start(), m.end()) not in seen:
                seen.add((m.start(), m.end()))
                yield m


# A verb of asking or telling someone and its object, before "to" and a verb ("asked the school to", "told her mum to",
# "wanted the nursery to"): what follows is what they should do, not where anyone goes.
_ASKED_TO_BEFORE_RE = lazy_compile(
    r"\b(?:ask|asks|asked|asking|tell|tells|told|telling|want|wants|wanted|wanting|expect|expects|expected|"
    r"encourage|encourages|encouraged|invite|invites|invited|persuade|persuaded|remind|reminds|reminded|urge|urged|"
    r"advise|advised|beg|begged|begging|allow|allows|allowed|need|needs|needed)"
    r"[ \t]+(?:(?:the|a|an|his|her|their|our|my|your|its)[ \t]+)?[\p{L}'’\-]+[ \t]+\Z", _I)


def _settings_named(text: str):
    """Matches of _NAMED_SETTING_RE within 80 characters of a word of a child's setting ("nursery", "school"), each once."""
    seen: set[int] = set()
    for a in _SETTING_ANCHOR.finditer(text):
        lo, hi = max(0, a.start() - 80), min(len(text), a.end() + 80)
        while lo > 0 and not text[lo - 1].isspace():
            lo -= 1
        for m in _NAMED_SETTING_RE.finditer(text, lo, hi):
            if m.start() not in seen:
                seen.add(m.start())
                yield m


def _barred_setting_word(word: str) -> bool:
    """A folded word no setting's name holds: generic, a kind of school, a function word, a time or a number."""
    from ._names import _NOT_NAMES, _NOT_SUBJECTS

    return (word in _GENERIC_BEFORE or word in _NOT_STREET_WORDS or word in _SCHOOL_KINDS or word in _NOT_SETTING_NAMES
            or word in _NOT_NAMES or word in _NOT_SUBJECTS or word in _NUMBER_WORDS_SET)


def _setting_words_ok(parts: list[str], words: frozenset[str], *, anchored: bool) -> bool:
    """Whether the folded words of a setting's name may be one: none generic, a kind of school, a function word or a
    time; a word in -ly, -ing or -ed only first ("learning tree nursery"; not "parents attending nursery"), and one
    word alone only before its kind and plural or no English word ("the willows primary"; not "morning nursery")."""
    if any(_barred_setting_word(p) for p in parts):
        return False
    if any(p.endswith(("'s", "’s")) and (p[:-2] in words or p[:-2] in public_terms()) for p in parts):
        return False  # "the council's children's home", "the local authority's nursery": whose it is, no name
    if any(p.endswith(("ly", "ing", "ed")) and p in words for p in parts[1:]):
        return False
    if not anchored and parts[0].endswith(("ly", "ing", "ed")) and parts[0] in words:
        return False
    if len(parts) == 1:
        return anchored and (parts[0] not in words or parts[0].endswith("s") and parts[0][:-1] in words
                             or _closed_up_place(parts[0], words))
    return True


# The second word of a place's name closed up from two, as schools are named after where they stand ("hillside",
# "parkside", "brookfield", "oakwood", "riverview").
_CLOSED_UP_PLACE_TAILS = ("side", "field", "fields", "view", "wood", "woods", "bank", "brook", "dale", "gate", "lands",
                          "hill", "croft", "green", "park", "lea", "mead", "ford", "bridge", "well", "moor", "hurst")


def _closed_up_place(word: str, words: frozenset[str]) -> bool:
    """Whether ``word`` is a place's word closed up from an English word of three letters or more and a word of the
    land ("hillside": "hill" and "side"), as a setting is named (not "outside": "out" is a function word)."""
    from ._names import _NOT_NAMES

    return any(word.endswith(tail) and len(head := word[: -len(tail)]) >= 3 and head in words and head not in _NOT_NAMES
               for tail in _CLOSED_UP_PLACE_TAILS)


# What goes somewhere that is a thing, not a person ("the house went to sale in may", "it went to print", "the case
# which went to panel"): "it" or "which" just before the verb, or a noun after an article or a possessive that is no
# word of a person ("the house", "her dad's car"; not "her mum", "the boy", "the family").
_GOER_RE = lazy_compile(
    r"(?:\b(?P<it>it|which)|\b(?:the|a|an|this|that|these|those|its|our|their|his|her|my|your)[ \t]+"
    r"(?:[\p{L}'’\-]+[ \t]+){0,2}?(?P<noun>[\p{L}\-]+))"
    r"(?:[ \t]+(?:then|also|just|finally|eventually|soon|later|never|always|often|has|had|have|will|would|was|is|were|"
    r"been|being|got|gets))*[ \t]+\Z", _I)
_PEOPLE_GROUPS = frozenset("family families household couple twins siblings kids children".split())


def thing_goes(text: str, verb_start: int) -> bool:
    """Whether what goes, moves or is sent somewhere in the verb at ``verb_start`` is a thing, not a person (see
    :data:`_GOER_RE`).

    Examples
    --------
    >>> thing_goes("the house went to sale", 10), thing_goes("her mum went to hull", 8), thing_goes("we went", 3)
    (True, False, False)
    """
    from ._names import KINSHIP_ROLE_WORDS

    m = _GOER_RE.search(text, max(0, verb_start - 48), verb_start)
    if m is None:
        return False
    if m.group("it") is not None:
        return True
    noun = fold(m.group("noun"))
    return not any(w in KINSHIP_ROLE_WORDS or w in _PERSON_NOUNS or w in _PEOPLE_GROUPS for w in (noun, noun[:-1]))


@cache
def _public_names() -> frozenset[str]:
    """The public terms of more than one word (:func:`~impact.privacy._lexicon.public_phrases`), folded."""
    return frozenset(fold(p) for p in public_phrases())


def _settings_alone(text: str):
    """Settings said by their name alone where a child goes to or is at them (see :data:`_ATTENDS_RE`)."""
    from ._names import KINSHIP_ROLE_WORDS

    words, proper = english_words(), proper_nouns()
    for a in _ATTENDS_RE.finditer(text):
        m = _NAMED_SETTING_RE.match(text, a.end())
        if m is None:
            continue
        if fold(m.group("name")) in _public_names():
            continue  # a national body in any case ("she goes to air cadets", "he's at young farmers"): no setting's name
        parts = fold(m.group("name")).replace("-", " ").split()
        last = parts[-1]
        plural = last.endswith("s") and last not in _NOT_SETTING_PLURALS
        # or words no list knows, none a place's ("she's at rachoard zichoull"; not "moved to st petersburg")
        unknown = all(p not in words and p not in proper and len(p) >= 3 for p in parts)
        if m.group("kind") is not None or any(p in KINSHIP_ROLE_WORDS or p.endswith(("'s", "’s")) for p in parts):
            continue
        # a name written in capitals is read by its words' endings no event's ("she goes to Bright Futures", a project
        # like "Little Stars"; "he goes to lectures" stays)
        capitalised = all(w[:1].isupper() for w in m.group("name").split())
        if plural_of_a_thing_done("".join(parts), events=not (capitalised and len(parts) == 2)):
            continue  # "she goes to hangouts", "he goes to drop-ins": things done, not a setting
        if len(parts) == 1:  # one word ("she's at rainbows", "he goes to beavers on a friday", "she's at sunshine")
            # not after "moved to": a child moves to a school with its name, and one word there is mostly an idiom
            # ("she was moved to tears")
            # nor where a thing goes ("the house went to sale in may"): a child goes to a setting
            if (not fold(a.group()).startswith("mov") and not thing_goes(text, a.start())
                    and _one_word_setting(text, a, m, last, words)):
                yield m
            continue
        premises = last in _PREMISES_TAILS and fold(m.group("name")) not in _PUBLIC_INSTITUTIONS
        if len(parts) != 2 or not (plural or unknown or premises) or not _setting_words_ok(parts, words, anchored=False):
            continue
        yield m


#: Nouns said bare after "at" or "to" of where one goes or what one does there, no setting's name ("at lunch", "to
#: mosque", "to rehab", "went to trial"), beside the bare nouns of the lexicon ("at home", "to church", "to court").
_BARE_DESTINATIONS = frozenset("""mosque temple chapel gurdwara synagogue madrasa mass prayer prayers confession rehab
    detox respite therapy counselling uni university sixth lunch dinner breakfast tea supper brunch war trial panel tribunal
    appeal committee cabinet scrutiny audit plan waste seed pot press print vote show rest ease fault sleep bingo
    football swimming dancing boxing ballet karate judo gym jail custody hospice theatre surgery clinic work bed
    camhs ground market town sea heaven hell pieces bits town play dinner war ward casualty resus theatre""".split())
# Endings of nouns of an event or an activity ("reunions", "screenings", "tournaments", "fundraisers" by the verb):
# a plural so ending is what one goes to, not a setting's name.
_EVENT_ENDINGS = ("ment", "tion", "sion", "ism", "ship", "ance", "ence", "ity", "ing", "ure", "acy", "ncy", "ion", "al",
                  "ade", "athon")


# The last part of a word closed up that names a thing done or held ("meet up", "sleep over", "play date", "fun day").
_DONE_TAILS = frozenset("""up out outs over in ins about off on around down back away through day date night group
    session class party meet time fest camp""".split())


def plural_of_a_thing_done(word: str, *, events: bool = True) -> bool:
    """Whether a plural is of a thing done or held, not a place's name: a word and a particle or a word of an event
    closed up ("meetups", "sleepovers", "drop-ins", "hangouts", "playdates", "fundays"), or, with ``events``, a noun of an
    event by its ending ("hackathons"); "harehills", "burmantofts" are places.

    Examples
    --------
    >>> [plural_of_a_thing_done(w) for w in ("meetups", "drop-ins", "hackathons", "harehills", "beavers")]
    [True, True, True, False, False]
    """
    key = fold(word)
    if not key.endswith("s") or key.endswith("ss"):
        return False
    one = re.sub(r"[ \t\-]", "", key[:-1])
    words = english_words()
    return (events and one.endswith(_EVENT_ENDINGS)
            or any(one[:k] in words and one[k:] in _DONE_TAILS for k in range(3, len(one) - 1)))


#: Particles a verb is closed up with into a noun of a thing done or a time ("lockdown", "sleepover", "takeaway",
#: "checkup"); not "in" or "on", which many places' names end with ("brighton", "dublin").
_VERB_PARTICLE_TAILS = ("down", "up", "out", "over", "off", "away", "about", "back", "through")


def thing_done_closed_up(word: str) -> bool:
    """Whether one word is a verb of three letters or more closed up with a particle, a noun of a thing done or a
    time, not a place's name ("lockdown", "sleepover", "breakdown"; not "andover": "and" is a function word).

    Examples
    --------
    >>> [thing_done_closed_up(w) for w in ("lockdown", "sleepover", "shutdown", "andover", "harehills", "marrowby")]
    [True, True, True, False, False, False]
    """
    from ._names import _NOT_NAMES

    key = fold(word)
    if not key.endswith(_VERB_PARTICLE_TAILS):
        return False
    words = english_words()
    return any(key[:k] in words and key[:k] not in _NOT_NAMES and key[k:] in _VERB_PARTICLE_TAILS
               for k in range(3, len(key) - 1))


def _one_word_setting(text: str, attends: re.Match, m: re.Match, word: str, words: frozenset[str]) -> bool:
    """Whether one word after a word of attending names a child's setting: a plural whose singular is a word, no event or
    activity ("rainbows", "beavers"; not "meetings", "reunions", "fundraisers", "camhs"), or a singular count noun no
    one goes to or is at as such, ending the phrase ("she's at sunshine", "he goes to bluebell every day"; not "at
    lunch", "to mosque", "went to sleep", "is going to invest")."""
    if word in _YOUTH_ORGS:
        return False  # "he goes to scouts in marple": a national organisation, kept
    if word.endswith("s") and word not in _NOT_SETTING_PLURALS:
        one = word[:-1]
        # or who or what does a verb ("fundraisers", "screeners": "fundraising"; not "beavers", "sunflowers")
        event = one.endswith(_EVENT_ENDINGS) or (one.endswith("er") and any(
            v in words for v in (one[:-2], one[:-1], one[:-2] + "ing", one[:-3] + "ing")))
        return (len(word) > 4 and one in words and word not in public_terms() and not event
                and _setting_words_ok([word], words, anchored=True))
    if word.endswith("s") or m.group("end") is None or m.group("the") or word not in words or len(word) < 4:
        return False
    going = attends.group().strip().lower()
    if going in ("go", "going") or word in _BARE_DESTINATIONS or bare_word(word) or word in public_terms():
        return False
    if word.endswith(_EVENT_ENDINGS + ("ly", "ed", "er", "ist", "ian")) or _barred_setting_word(word):
        return False
    # after "goes to", "went to": no verb ("went to stay", "goes to visit"), which takes "-ed" or "-ing"
    stem = word[:-1] if word.endswith("e") else word
    return not (text[attends.end() : attends.end() + 2].lower() == "to" and (stem + "ing" in words or stem + "ed" in words
                                                                            or word + "d" in words))


def _ctx(pattern: re.Pattern, text: str, start: int, width: int = 40) -> bool:
    return pattern.search(text[max(0, start - width) : start]) is not None


def _digits(s: str) -> str:
    return "".join(c for c in s if c.isdigit())


def _numbers(text: str, add) -> None:
    """Phone numbers, NHS numbers and long digit runs (references)."""
    for m in _NUM_RE.finditer(text):
        lead, body, ext = m.group("lead"), m.group("body"), m.group("ext")
        body_digits = _digits(body)
        start, end = m.start(), m.end()
        if body.startswith("(") and ")" not in body:
            start += 1
        if body.endswith(")") and "(" not in body:
            end = m.end("body") - 1 if ext is None else end
        n = len(body_digits)
        if lead is not None:
            lead_digits = _digits(lead)
            if lead_digits.startswith("0044") or lead_digits.startswith("44") or lead.lstrip("( ").startswith(("+", "00")):
                if n >= 6:
                    add(Span(start, end, "phone"))
                    continue
        if ext is None and (_YEARISH.match(body.strip()) or body.strip() != body.strip(" \t()")
                            and _YEAR_SPAN_RE.fullmatch(body.strip(" \t()"))):
            continue  # "the study (2010-2012)", "(born 1981-1996)": years, a span of them in brackets too, no reference
        if n >= 6 and _BANK_BEFORE_RE.search(text, max(0, start - 48), start):
            add(Span(start, end, "reference"))  # "account number 12345678", "card no 4929-...": an account's number
            continue
        phone_ctx = _ctx(_PHONE_CTX, text, start)
        if n == 10 and _nhs.is_valid(body_digits) and not body_digits.startswith("0"):
            kind = "phone" if phone_ctx and not _ctx(_NHS_CTX, text, start) else "nhs_number"
            add(Span(start, end, kind))
        elif n == 10 and _ctx(_NHS_CTX, text, start):
            add(Span(start, end, "nhs_number"))
        elif n >= 4 and ext is None and lead is None and (label := _ID_NAME_BEFORE_RE.search(text, max(0, start - 48), start)):
            # "passport number 123456789", "case number 1234567", "case number is cs 2023 0456": the identifier's
            add(Span(label.start("code") if label.group("code") else start, end, "reference"))
        elif n in (10, 11) and body_digits.startswith("0"):
            add(Span(start, end, "phone"))
        elif n in (9, 10) and (phone_ctx or body_digits[0] in "1237" and ext is not None) or (n == 10 and body_digits[0] == "7"):
            add(Span(start, end, "phone"))
        elif n >= 7 or (ext is not None and n >= 6):
            add(Span(start, end, "phone" if phone_ctx or ext is not None else "reference"))
        elif n >= 5 and phone_ctx and re.search(r"\b(?:tel|phone|mobile|call|ring|number)\b", text[max(0, start - 25) : start], _I):
            add(Span(start, end, "phone"))
        elif 3 <= n <= 6 and ext is None and _RING_ON_RE.search(text, max(0, start - 40), start) and not _YEARISH.match(body):
            add(Span(start, end, "phone"))  # "ring jo on 4471": a direct line
        elif (3 <= n <= 6 and ext is None and (tail := _PHONE_ENDS_RE.search(text, max(0, start - 60), start))
              and not (tail.group("it") and (_YEARISH.match(body) or not _TAIL_END_RE.match(text, end)))):
            add(Span(start, end, "phone"))  # "her mum's mobile ends in 4471", "it ends in 4471": the number's last figures
    for m in _NHS_SPACED_RE.finditer(text) if "  " in text or "\t" in text else ():
        if _nhs.is_valid(_digits(m.group())):
            add(Span(m.start(), m.end(), "nhs_number"))  # "NHS 943  476  5919": its groups set off by wider spaces
    for m in _SPOKEN_RE.finditer(text):
        digits = _spoken_digits(m.group())
        # ten figures said in words that an NHS number's check digit holds, said of one ("her NHS number is nine four
        # three four seven six five nine one nine"): the NHS number, no phone's
        nhs = (len(digits) == 10 and digits[0] != "0" and _nhs.is_valid(digits)
               and (_ctx(_NHS_CTX, text, m.start()) or not _ctx(_PHONE_CTX, text, m.start())))
        add(Span(m.start(), m.end(), "nhs_number" if nhs else "phone"))
    said_ends: list[int] = []  # where each phone said in words ends: its end may be said after a gap
    for m in _MIXED_SPOKEN_RE.finditer(text):
        value = m.group()
        digits = _spoken_digits(value)
        figures = any(c.isdigit() for c in value)
        if (len(digits) >= 9 and digits[0] == "0" and figures and any(c.isalpha() for c in value)
                or not figures and len(digits) >= 10 and digits[0] in "07"):
            # "07700 nine oh oh one two three"; all in words with hundreds or tens ("oh seven seven double oh nine
            # hundred one two three", "seven seven double oh, nine hundred, one two three")
            add(Span(m.start(), m.end(), "phone"))
        elif (not figures and 3 <= len(digits) <= 6 and _DIGIT_BY_DIGIT_RE.fullmatch(value.strip(" \t,-"))
              and ((tail := _PHONE_ENDS_RE.search(text, max(0, m.start() - 60), m.start()))
                   and not (tail.group("it") and not _TAIL_END_RE.match(text, m.end()))
                   or _LAST_DIGITS_BEFORE_RE.search(text, max(0, m.start() - 80), m.start()))):
            # a number's last figures said digit by digit, as they are written ("it ends in four five six seven", "the
            # last four digits are four five six seven"): a phone's where its end is said, else a reference's as written
            add(Span(m.start(), m.end(), "phone" if tail is not None else "reference"))
        elif not figures and (_DIGIT_BY_DIGIT_RE.fullmatch(value.strip(" \t,-"))) and (
                len(digits) >= 3 and ((dialled := _DIALLED_START_RE.match(value) and "," not in value.strip(" \t,-"))
                                      or len(digits) >= 4)
                and (dialled and len(digits) >= 4 or _NUMBER_GIVEN_BEFORE_RE.search(text, max(0, m.start() - 40), m.start()))
                or len(digits) >= 3 and any(_NUMBER_GAP_RE.fullmatch(text, e, m.start()) for e in said_ends)):
            # four figures or more said one by one in words where a number is given ("the number was seven seven double
            # nine") or as one is dialled ("it's oh one one three"), and the end said after a gap ("..., something, four
            # nine six"): part of a number is a number's, as its figures written are; a case's or a file's number given
            # so is a reference
            given = _REFERENCE_GIVEN_BEFORE_RE.search(text, max(0, m.start() - 40), m.start())
            add(Span(m.start(), m.end(), "reference" if given else "phone"))
            said_ends.append(m.end())
        elif (not figures and digits[:1] == "0" and len(digits) >= 5 and digits[:2] != "00"
              and (_ctx(_PHONE_CTX, text, m.start()) or _RING_ON_RE.search(text, max(0, m.start() - 40), m.start()))):
            # a mobile's start said in words after a word of ringing ("ring her on oh seven seven double oh nine
            # hundred"): part of a number is a number's
            add(Span(m.start(), m.end(), "phone"))
    for m in _SPLIT_PHONE_RE.finditer(text):
        if (10 <= len(_digits(m.group("a"))) + len(_spoken_digits(m.group("b"))) <= 11
                and _ctx(_PHONE_CTX, text, m.start())):
            add(Span(m.start("a"), m.end("a"), "phone"))
            add(Span(m.start("b"), m.end("b"), "phone"))
    _filled_phones(text, add)
    for m in _PHONE_ALT_ENDING_RE.finditer(text) if "/" in text else ():
        if len(_digits(m.group("p"))) in (10, 11):
            add(Span(m.start(), m.end(), "phone"))
    for m in _EXTENSION_RE.finditer(text):
        if not _YEARISH.match(m.group("n")):
            add(Span(m.start("n"), m.end("n"), "phone"))


def _filled_phones(text: str, add) -> None:
    """A phone number said in groups with filler between (see :data:`_GROUP_RE`): one phone detail, filler and all."""
    # a group of one figure is no phone's ("oh, one, two, three, ...": a cry and a count)
    groups = [g for g in _GROUP_RE.finditer(text) if len(_spoken_digits(g.group())) >= 2]
    i = 0
    while i < len(groups):
        j, digits = i, _spoken_digits(groups[i].group())
        while (j + 1 < len(groups) and len(digits) < 11
               and _FILLER_GAP_RE.fullmatch(text, groups[j].end(), groups[j + 1].start())):
            j += 1
            digits += _spoken_digits(groups[j].group())
        if j > i and len(digits) in (10, 11) and digits[:2] in ("01", "02", "03", "07", "08"):
            add(Span(groups[i].start(), groups[j].end(), "phone"))
            i = j + 1
        else:
            i += 1


def _ni_prefix_valid(prefix: str) -> bool:
    """Whether two letters can begin an NI number (no D, F, I, Q, U or V; no O second; not BG, GB, NK, KN, TN, NT, ZZ)."""
    prefix = prefix.upper()
    return prefix[0] not in "DFIQUV" and prefix[1] not in "DFIOQUV" and prefix not in _NI_PREFIX_BAD


# A letter standing alone right after an NI number, written or said ("a b 12 34 56 x", "... five six ex"): its
# suffix letter, misheard or mistyped, as identifying as the rest; "a" or "I" only where nothing follows it ("AB 12 34
# 56 a week", "... 56 I think" keep the word), a letter's name too ("see", "why" are words before more words).
_STRAY_LETTER_RE = lazy_compile(
    rf"[ \t{_DASH}]+(?:(?P<l>[a-z])|{_LETTER_WORD})\.?(?![\p{{L}}\d'’])(?P<end>[ \t]*(?:[.,;:!?)\]\"”]|\Z))?", _I)


def _with_stray_letter(text: str, span: Span) -> Span:
    """``span``, an NI number, with a letter standing alone right after it (see :data:`_STRAY_LETTER_RE`)."""
    m = _STRAY_LETTER_RE.match(text, span.end)
    if m is None or (m.group("end") is None and (m.group("l") is None or m.group("l") in "aiAI")):
        return span
    return Span(span.start, m.end() - len(m.group("end") or ""), span.kind)


def _national_ids(text: str, add) -> None:
    for m in _NI_RE.finditer(text):
        seps = re.findall(rf"\d\d([ \t.{_DASH}]?)(?=\d)", m.group()[2:])
        context = _ctx(_NI_CTX, text, m.start())
        if len(set(seps)) > 1 and not context:
            continue  # "In 2013-14": digit pairs written unevenly are a year range, not an NI number
        if "." in seps and not (context or m.group()[-1].isalpha()):
            continue  # "ab.12.34.56": dotted figures without a suffix letter or a word of NI numbers are a version
        compact = re.fullmatch(r"[a-z]{2}\d{6}[a-d]", m.group(), re.IGNORECASE) is not None
        valid = _ni_prefix_valid(m.group("p"))
        # In lower or mixed case ("ab 12 34 56 c") the prefix must be a valid one and the suffix letter written, or
        # the prefix no word and the digits in pairs as an NI number is printed ("ab 12 34 56"; not "in 10 20 30
        # days", "at 12 15 18"; "ab 123456" after "ref" is a reference).
        paired = seps[:1] not in ([], [""]) and fold(m.group("p")) not in english_words()
        suffixed = valid and (m.group()[-1].isalpha() or paired)
        if not (m.group("p").isupper() or context or compact or suffixed):
            continue
        if valid or context:
            add(Span(m.start(), m.end(), "ni_number"))
        else:
            add(Span(m.start(), m.end(), "reference"))
    for m in _NI_SPOKEN_RE.finditer(text):
        digits = _spoken_digits(m.group("d"))
        worded = any(c.isalpha() for c in m.group("d"))
        if len(digits) != 6 or not (worded or m.group("gap") or len(m.group("d").split()) == 2):
            continue  # figures in pairs, closed up, are _NI_RE's; "AB 123 456 C" and spaced letters are these
        valid = _ni_prefix_valid(re.sub(r"[^a-z]", "", m.group("p"), flags=re.IGNORECASE))
        context = _ctx(_NI_CTX, text, m.start())
        written = m.group("p").isupper() or m.group("gap") is not None  # "QQ", "q q": not a word ("at", "on")
        # the prefix spelled out letter by letter is an NI number without its suffix too ("a b 12 34 56", "j k one
        # two three four five six"), where the letters may begin one ("i a 12 34 56" stays)
        if context or (m.group("s") is not None and written) or (m.group("gap") is not None and valid):
            add(Span(m.start(), m.end(), "ni_number" if valid or context else "reference"))
    for m in _UPN_RE.finditer(text):
        compact = re.sub(rf"[ \t{_DASH}]", "", m.group()).upper()
        kind = "pupil_number" if _upn.is_valid(compact) or _ctx(_UPN_CTX, text, m.start()) else "reference"
        add(Span(m.start(), m.end(), kind))


# A code of letters and five digits or more in any case ("ab123456x", "cin004417": typed in lower case).
_LOWER_CODE_RE = lazy_compile(r"(?<![\w/\-])\p{L}{1,4}\d{5,}\p{L}{0,2}(?![\w/])", re.VERSION1)
_FIVE_DIGITS_RE = lazy_compile(r"\d{5}")


# A family court's case number, its parts set off by spaces ("LS 19 C 00123", "ls19 c 00123"): the court's letters, the
# year, the kind of case (C, P, ...) and five digits.
_COURT_NUMBER_RE = lazy_compile(r"(?<![\w/\-])[a-z]{2}[ \t]?\d{2}[ \t]?[a-z][ \t]?\d{5}(?![\w/])", _I)


# An age written as one hyphenated word, of one person or a group, a range among them ("16-18-year-olds", "a
# 16–17-year-old", "3-month-old"): no code, whatever its figures.
_AGE_COMPOUND_RE = lazy_compile(rf"(?:\d{{1,3}}[{_DASH}])*\d{{1,3}}[{_DASH}]{_UNIT}[{_DASH}]olds?", _I)


def _references(text: str, add) -> None:
    for m in _BANK_NUMBER_RE.finditer(text) if _BANK_ANCHOR.search(text) else ():
        if sum(c.isdigit() for c in m.group("ref")) >= 6 and not _YEARISH.match(m.group("ref")):
            add(Span(m.start("ref"), m.end("ref"), "reference"))  # "sort code 12 34 56", "roll number 123/456.789-0"
    for m in _PARTIAL_NUMBER_RE.finditer(text) if _PARTIAL_ANCHOR.search(text) else ():
        group = next(g for g in ("ref", "last", "masked") if m.group(g) is not None)
        add(Span(m.start(group), m.end(group), "reference"))  # "card ending 9012", "**** **** **** 9012"
    for m in _IBAN_RE.finditer(text):
        if _iban.is_valid(re.sub(r"[ \t]", "", m.group())):
            add(Span(m.start(), m.end(), "reference"))  # "paid into GB82WEST12345698765432"
    for m in _COURT_NUMBER_RE.finditer(text) if _FIVE_DIGITS_RE.search(text) else ():
        add(Span(m.start(), m.end(), "reference"))
    for m in _LOWER_CODE_RE.finditer(text) if _FIVE_DIGITS_RE.search(text) else ():
        add(Span(m.start(), m.end(), "reference"))
    for m in _REF_RE.finditer(text):
        value = m.group()
        if _AGE_COMPOUND_RE.fullmatch(value):
            continue  # "16-18-year-olds", "a 16–17-year-old": an age written as one word, which the ages judge
        if sum(c.isdigit() for c in value) >= 3 and not _YEARISH.match(value):
            add(Span(m.start(), m.end(), "reference"))
    for m in _REF_CTX_RE.finditer(text, overlapped=True):  # "case file cp 12345": after either word
        ref = m.group("ref")
        digits = sum(c.isdigit() for c in ref)
        letters = sum(c.isalpha() for c in ref)
        if digits >= 3 or (digits >= 2 and letters >= 1) or (digits >= 1 and ref.startswith("#")):
            if _YEARISH.match(ref) or (letters == 0 and digits <= 3 and not ref.startswith("#")):
                continue
            if " " in ref and _YEARISH.match(ref.split()[-1]):
                continue  # "the case in 2019", "the referral by 2021": a word and a year, no code
            add(Span(m.start("ref"), m.end("ref"), "reference"))
    for m in _HASH_REF_RE.finditer(text):
        add(Span(m.start(), m.end(), "reference"))
    for m in _COLLAR_NUMBER_RE.finditer(text):  # "PC 2341 Jones": the officer's number names the officer
        if not _YEARISH.match(m.group("ref")):
            add(Span(m.start("ref"), m.end("ref"), "reference"))
    for m in _REF_AFTER_NAME_RE.finditer(text):
        # after a name, not after an ordinary word ("reference page 1234")
        if not _YEARISH.match(m.group("ref")) and (
                (w := fold(m.group("w"))) not in english_words() or w in folded_first_names()):
            add(Span(m.start("ref"), m.end("ref"), "reference"))
    for m in _SAID_REF_RE.finditer(text):
        if len(_spoken_digits(m.group("ref"))) >= 4 and not _YEARISH.match(m.group("ref")):
            add(Span(m.start("ref"), m.end("ref"), "reference"))
    for m in _SLASHED_RE.finditer(text):
        if len(_digits(m.group())) >= 7 and not _YEARISH.match(m.group()):
            add(Span(m.start(), m.end(), "reference"))
    for m in _SAID_SLASH_RE.finditer(text) if "slash" in text.lower() or "stroke" in text.lower() else ():
        closed = "/".join(re.findall(r"\d+", m.group()))
        if len(_digits(closed)) >= 6 and not _YEARISH.match(closed):
            add(Span(m.start(), m.end(), "reference"))


_AT_ANCHOR = lazy_compile(r"@|\bat\b", _I)
_URL_ANCHOR = lazy_compile(r"://|\bwww\.|\.(?:com|org|net|uk|io|me|info|co|ly|gl|be|tv|gg|app|link|to)/|\.(?:com|org|net|uk|info)\b", _I)
_INSTITUTION_ANCHOR = lazy_compile(
    r"\b(?:School|Academy|College|Nursery|Hospital|Infirmary|Surgery|Centre|Center|Clinic|Practice|Home|Hospice|Mosque|"
    r"Church|Chapel|Temple|Gurdwara|Synagogue|Mandir|Library|Unit|PRU|Estate|Barracks|Prison|YOI|Hostel|Refuge|Form)\b",
    re.VERSION1,
)
_INSTITUTION_LOWER_ANCHOR = lazy_compile(
    r"\b(?:primary|school|academy|college|hospital|infirmary|surgery|centre|clinic|mosque|church|nursery|station|library|"
    r"club|practice|chemists?|pharmacy|vets|opticians?|dentists?)\b", _I
)
_ESTATE_ANCHOR = lazy_compile(r"\b(?:estate|area|ward|neighbourhood|side)\b", _I)
_SOCIAL_ANCHOR = lazy_compile(rf"\b(?:{_SOCIAL}|user[ \t]?name|handle|gamer[ \t]?tag|screen[ \t]?name|nickname)\b", _I)


# The words that give an e-mail address just before it ("his email is ", "her e-mail address: ", "email's ").
_EMAIL_SAID_BEFORE_RE = lazy_compile(r"\be-?mail(?:[ \t]+address)?(?:[ \t]+is|['’]s)?[ \t]*:?[ \t]*\Z", _I)
# A mailbox said with its provider and no domain ending ("jsmith99 at hotmail", "jane dot smith at gmail").
_MAIL_PROVIDER_RE = lazy_compile(
    rf"(?<![\w.])(?P<local>{_LABEL}(?:{_LOCAL_SEP}{_LABEL}){{0,4}}){_AT_WORD}"
    r"(?:gmail|googlemail|hotmail|yahoo|outlook|icloud|aol|btinternet|protonmail|proton|gmx|ymail|live|msn|sky|talktalk|"
    r"virginmedia|mail)(?![\w]|\.\w|[ \t]+dot[ \t]+\w)",
    _I,
)


_MAIL_PROVIDER_HINT = lazy_compile(
    r"\bat\b[^\n]{0,60}\b(?:gmail|googlemail|hotmail|yahoo|outlook|icloud|aol|btinternet|proton|protonmail|gmx|ymail|live|msn|"
    r"sky|talktalk|virginmedia|mail)\b", _I)


# A piece of a mailbox's name set off by a space before its short last piece ("kayleigh b at hotmail dot co dot uk",
# "j smith 99 @ hotmail.co.uk"): read back over up to three such pieces, to a word of the sentence.
_LOCAL_PIECE_RE = lazy_compile(r"(?:(?<![\p{L}\p{N}_.'’])[\p{L}\p{N}_.]+[ \t])\Z", re.VERSION1)
# A letter alone before a mailbox's name, spaced from it ("t smith at gmail dot com"): an initial, the name's.
_LETTER_PIECE_BEFORE_RE = lazy_compile(r"(?<![\p{L}\p{N}_.'’])(?![aio][ \t])\p{Ll}[ \t]+\Z", re.VERSION1)
# Verbs that go on a clause after an account's name ("his insta handle got hacked"), no handle.
_CLAUSE_VERBS = frozenset("got gets has had have will would can could should must might did does do keeps kept used".split())
_STATE_AFTER_BE_RE = lazy_compile(r"(?:\b(?:is|was|got|gets|has[ \t]+been|had[ \t]+been|been)|['’]s)[ \t]+\Z", _I)
_NOT_LOCAL = frozenset("email e-mail mail address contact inbox me on is was at to her his their my our your".split())


def _spaced_local(text: str, start: int, local: str) -> int:
    """Where a mailbox whose name starts at ``start`` (its first piece ``local``) begins, its name spaced out: before a
    short piece, figures, or figures said as words ("j smith nineteen at yahoo dot co dot uk", "dazza ninety nine at
    yahoo dot com"), back over up to three pieces to a word of the sentence."""
    from ._names import _NOT_NAMES

    if not (len(local) <= 3 or local.isdigit() or _SPOKEN_FIGURES_RE.fullmatch(local) is not None
            or _LETTER_PIECE_BEFORE_RE.search(text, max(0, start - 4), start) is not None):
        return start
    for _ in range(3):
        m = _LOCAL_PIECE_RE.search(text, max(0, start - 40), start)
        if m is None or fold(m.group().strip()) in _NOT_NAMES or fold(m.group().strip()) in _NOT_LOCAL:
            break
        start = m.start()
    return start


# A mailbox's name said aloud before its last piece: pieces joined by "dot", "underscore", "dash" or "hyphen", figures
# said as numbers, letters and their names ("shannon underscore b ninety two at gmail dot com", "kay bee two thousand at
# hotmail dot co dot uk"), read back a word at a time from its last piece.
_SPOKEN_PIECE_RE = lazy_compile(
    rf"(?:{_NUMBER_WORDS}|{_UNIT_WORD}|thousand|hundred|{_LETTER_WORD}|\p{{L}}|\d+)(?![\p{{L}}\p{{N}}_])", _I)
_SPOKEN_SEPARATORS = frozenset("dot underscore dash hyphen".split())
_SPOKEN_FIGURES_RE = lazy_compile(rf"(?:{_NUMBER_WORDS}|{_UNIT_WORD}|thousand|hundred)", _I)
_WORD_BEFORE_RE = lazy_compile(r"(?<![\p{L}\p{N}_'’])[\p{L}\p{N}_]+[ \t]+\Z", re.VERSION1)


def _spoken_local_start(text: str, start: int) -> int:
    """Where a mailbox's name said aloud begins, its last piece at ``start``: ``start`` itself unless that piece is a
    figure said or a letter (:data:`_SPOKEN_PIECE_RE`), then back over such pieces, the separators said and the pieces
    they join; not over the words a sentence says before it (:data:`_NOT_LOCAL`: "email her at", "his email is")."""
    if _SPOKEN_PIECE_RE.fullmatch(text, start, _end_of_word(text, start)) is None:
        return start
    joined = False  # whether the word after the one read is a separator said
    for _ in range(8):
        m = _WORD_BEFORE_RE.search(text, max(0, start - 40), start)
        if m is None:
            break
        word = fold(m.group().strip())
        if word in _NOT_LOCAL:
            break
        if word == "and" and _SPOKEN_FIGURES_RE.fullmatch(text, start, _end_of_word(text, start)) is not None and (
                (fig := _WORD_BEFORE_RE.search(text, max(0, m.start() - 16), m.start())) is not None
                and _SPOKEN_FIGURES_RE.fullmatch(fold(fig.group().strip())) is not None):
            start = m.start()  # "two thousand and nine": "and" between the figures said
            continue
        if not (joined or word in _SPOKEN_SEPARATORS or _SPOKEN_PIECE_RE.fullmatch(word)):
            # a piece joined to the one before it ("jade dot price nine"): read on only where a separator said precedes
            sep = _WORD_BEFORE_RE.search(text, max(0, m.start() - 16), m.start())
            if sep is None or fold(sep.group().strip()) not in _SPOKEN_SEPARATORS:
                break
        joined = word in _SPOKEN_SEPARATORS
        start = m.start()
    return start


_WORD_CHARS_RE = lazy_compile(r"[\p{L}\p{N}_]*", re.VERSION1)


def _end_of_word(text: str, start: int) -> int:
    return _WORD_CHARS_RE.match(text, start).end()


def _emails(text: str, add) -> None:
    for m in _EMAIL_RE.finditer(text):
        add(Span(m.start(), m.end(), "email"))
    words_ = english_words()
    for m in _near(_MAIL_PROVIDER_RE, _AT_ANCHOR, text) if _MAIL_PROVIDER_HINT.search(text) else ():
        local = m.group("local")
        if ((spoken := _spoken_local_start(text, m.start("local"))) < m.start("local")
                and not all(_SPOKEN_FIGURES_RE.fullmatch(w) for w in fold(text[spoken : m.end("local")]).split())):
            # "jane underscore smith eighty five at gmail": the name said aloud, whole, as before "dot com" (not
            # figures alone, "it was ninety two at live")
            add(Span(_spaced_local(text, spoken, text[spoken : _end_of_word(text, spoken)]), m.end(), "email"))
            continue
        if " " not in local.strip() and fold(local) in words_ and "@" not in m.group():
            continue  # "looked at outlook", "she's at sky": a word, not a mailbox
        add(Span(_spaced_local(text, m.start(), local.strip()), m.end(), "email"))
    words = english_words()
    # overlapped: "email me at j dot bloggs at bradford dot gov dot uk" is read from each "at", not only from "me at j"
    for m in _near(_EMAIL_OBF_RE, _AT_ANCHOR, text, overlapped=True):
        domain = fold(m.group("domain"))
        last = re.split(r"[^a-z0-9]+", domain.strip())[-1]
        local = m.group("local")
        plain_at = "@" not in m.group() and "[" not in m.group() and "(" not in m.group() and "{" not in m.group()
        if last not in _TLDS and not re.search(r"\b(?:gov|nhs|ac|co|sch|police)\b", domain):
            continue
        start = m.start()
        if (spoken := _spoken_local_start(text, m.start("local"))) < m.start("local"):
            # "shannon underscore b ninety two at gmail dot com": the name said aloud, whole, and the pieces spaced
            # before its figures ("j smith nineteen at ...")
            start = _spaced_local(text, spoken, text[spoken : _end_of_word(text, spoken)])
        elif (plain_at and " " not in local.strip() and fold(local) in words and not re.search(r"dot|\.", local, _I)
                and _SPOKEN_FIGURES_RE.fullmatch(local.strip()) is None
                and _LETTER_PIECE_BEFORE_RE.search(text, max(0, m.start() - 4), m.start()) is None
                and (len(local.strip()) > 1 or local.strip() in "aAiI")
                # a first name right after "his email is" is the mailbox's ("his email is tom at tomjones dot com")
                and not (fold(local.strip()) in folded_first_names()
                         and _EMAIL_SAID_BEFORE_RE.search(text, max(0, m.start() - 30), m.start()))):
            # "looked at leeds dot gov dot uk": an ordinary word before "at" is not a mailbox,
            # but the domain still names someone's organisation mailbox; keep the domain only.
            start = m.start("domain")
        else:
            start = _spaced_local(text, start, local.strip())
        add(Span(start, m.end(), "email"))


# The rest of a handle said aloud: pieces joined by "dot" or "underscore" ("kaybee dot 2009"), and its figures said
# as numbers, a letter's name before them ("kay bee two thousand and nine").
_HANDLE_TAIL_RE = lazy_compile(
    rf"(?:[ \t]+(?:dot|underscore|dash|hyphen)[ \t]+[\p{{L}}\p{{N}}_]+"
    rf"|[ \t]+(?:\d+|(?:{_NUMBER_WORDS}|{_UNIT_WORD}|thousand|hundred)(?:[ \t]+and(?=[ \t]+{_NUMBER_WORDS}))?"
    rf"|{_LETTER_WORD}(?=[ \t]+(?:\d|{_NUMBER_WORDS}|{_LETTER_WORD})))|#\d{{4}})*(?![\p{{L}}\p{{N}}])",
    _I,
)


# A sentence's or a clause's end before a platform's name: a stop, "!", "?" or ";" before a space, or a line's end.
_CLAUSE_END_RE = lazy_compile(r"[.!?;](?=\s)|\n")


def _handle_end(text: str, end: int) -> int:
    """Where a handle said aloud ends: past :data:`_HANDLE_TAIL_RE` from ``end``."""
    m = _HANDLE_TAIL_RE.match(text, end)
    return m.end() if m is not None else end


# An e-mail's header field at a line's start and an address without its domain, a name joined by dots or underscores
# ("Cc: tyreese.okafor", "To: j_smith; k.brown"), as a mail client shows the people it knows.
_MAIL_FIELD_RE = lazy_compile(r"(?m)^[ \t]*(?:to|cc|bcc|from|sent[ \t]+to|reply[ \t]+to)[ \t]*:[ \t]*", _I)
_MAIL_LOCAL_RE = lazy_compile(
    r"\G(?:[ \t]*[;,][ \t]*|[ \t]+(?:and|&)[ \t]+)?(?P<h>\p{L}[\p{L}\p{N}]*(?:[._][\p{L}\p{N}]+)+)(?![\p{L}\p{N}@._])",
    re.VERSION1)


# Words naming a kind of identifier or of account, which the identifier follows and is not ("his xbox gamertag is
# KillerKay99", "her insta account was deleted", "his snapchat username got hacked").
_IDENTIFIER_KINDS = frozenset("""account accounts page pages profile profiles handle handles name names username usernames
    user gamertag gamertags tag tags id ids login password pin code snapcode email e-mail address number nickname channel
    server""".split())
# What is said of an account or its name after "is" or "was", no handle: its state ("his xbox name is different now",
# "her insta username is unknown") or a verb's participle ("his xbox username was changed", "her tiktok name was made
# up"); a participle is read by its ending too (see _account_state).
_ACCOUNT_STATES = frozenset("""different unknown private public fake new old same rude offensive inappropriate silly weird
    funny blank hidden wrong right correct available visible gone active inactive disabled locked suspended banned
    deleted something nothing anything still also now not never just made known taken stolen shown given seen written
    lost found kept left sent set shut put cut sold told held stuck""".split())


def _account_state(word: str, words: frozenset[str]) -> bool:
    """Whether ``word`` after "is" or "was" says what an account or its name is or had done to it (:data:`_ACCOUNT_STATES`,
    or an English verb's participle in "-ed": "changed", "reported", "blocked", "shared")."""
    w = fold(word)
    if w in _ACCOUNT_STATES:
        return True
    return w.endswith("ed") and w in words and (w[:-1] in words or w[:-2] in words
                                                 or len(w) > 4 and w[-3] == w[-4] and w[:-3] in words)


def _web(text: str, add) -> None:
    for field in _MAIL_FIELD_RE.finditer(text) if ":" in text else ():
        at = field.end()
        while (m := _MAIL_LOCAL_RE.match(text, at)) is not None:
            add(Span(m.start("h"), m.end("h"), "handle"))
            at = m.end()
    for m in _near(_URL_RE, _URL_ANCHOR, text, 200, 300):
        value = m.group().rstrip(".,;:!?")
        add(Span(m.start(), m.start() + len(value), "handle" if _SOCIAL_DOMAINS.search(value) else "url"))
    for pattern in (_HANDLE_RE, _REDDIT_RE):
        for m in pattern.finditer(text):
            add(Span(m.start(), m.end(), "handle"))
    words = english_words()
    for m in _DRESSED_TAG_RE.finditer(text) if "xx" in text.lower() or "x_" in text.lower() else ():
        if fold(m.group("w")) not in words:
            add(Span(m.start(), m.end(), "handle"))
    from ._names import is_public_word  # imported here: the names module imports this one

    spoken = spoken_words()
    for pattern in (_HANDLE_CTX_RE, _USERNAME_RE):
        for m in _near(pattern, _SOCIAL_ANCHOR, text, 0, 120):
            h = m.group("h")
            plain = h.lstrip("@")
            # a handle holds a letter: figures beside a platform are a time or a number ("on whatsapp at 10.30")
            looks_like_handle = any(c.isalpha() for c in plain) and (
                h.startswith("@") or any(c.isdigit() for c in plain) or "_" in plain or "." in plain
                or (fold(plain) not in words and fold(plain) not in spoken and len(plain) >= 3)
            )
            if _at_for_word(h, plain, words, is_public_word):
                continue  # "@ the park", "@ school": "@" typed for "at" before a word, no handle
            if fold(plain) in spoken:
                continue  # "snap msg from her", "insta txt": a message's word after the platform's, no handle
            if (not h.startswith("@") and _DOTTED_LETTERS_RE.fullmatch(plain) and _ABBREVIATION_DOT_RE.match(text, m.end("h"))
                    and _PLATFORM_LAST_RE.search(text, m.start(), m.start("h"))):
                # "on insta e.g. her stories", "snap i.e. the app": letters dotted right after the platform's name, an
                # abbreviation's, no handle ("his insta is j.b.", "insta handle: k.m." stay handles)
                continue
            # after "name", "username", "tag" ... any word is the handle ("his xbox name is reaper 2009")
            named = "named" in m.re.groupindex and m.group("named") is not None and fold(m.group("named").split()[0]) in (
                "name", "username", "user", "handle", "tag", "id") or (
                pattern is _USERNAME_RE and (fold(plain) not in words or _SPACED_TAG_REST_RE.match(text, m.end("h"))))
            looks_like_handle = looks_like_handle or (named and fold(plain) not in _NOT_LOCAL and len(plain) >= 3
                                                      and any(c.isalpha() for c in plain))
            if plain.isalpha() and (fold(plain) in _IDENTIFIER_KINDS or fold(plain.replace(" ", "")) in _IDENTIFIER_KINDS):
                continue  # "his xbox gamertag is ...", "her insta account": the kind of name, the name after it
            if not h.startswith("@") and fold(plain) in _CLAUSE_VERBS:
                continue  # "his insta handle got hacked", "her snap name has changed": the clause's verb
            if (not h.startswith("@") and plain.isalpha() and _account_state(plain, words)
                    and (named or _STATE_AFTER_BE_RE.search(text, max(0, m.start("h") - 12), m.start("h")))):
                continue  # "his xbox username was changed", "her snap name is different now": what is said of it
            if looks_like_handle:
                rest = _SPACED_TAG_REST_RE.match(text, m.end("h")) if named else None
                add(Span(m.start("h"), rest.end() if rest is not None else _handle_end(text, m.end("h")), "handle"))
    for a in _PLATFORM_RE.finditer(text):
        # The clause around a platform's name: to the nearest sentence end, at most 50 characters either side.
        lo, hi = max(0, a.start() - 50), min(len(text), a.end() + 50)
        # a stop inside a token is no sentence's end ("he posts as tyler.b.2009 on tiktok"): one before a space is
        left = max((e.start() for e in _CLAUSE_END_RE.finditer(text, lo, a.start())), default=-1)
        lo = lo if left < 0 else left + 1
        right = [i for i in (re.search(r"[.!?;](?:\s|$)|\n", text[a.end() : hi]),) if i is not None]
        hi = a.end() + right[0].start() if right else hi
        for m in _SPOKEN_HANDLE_RE.finditer(text, lo, hi):  # "it's kayleigh dot b dot 09": pieces joined aloud
            if not re.search(r"\b(?:dot|underscore)\b", m.group(), _I) and (
                    fold(m.group("first")) in _DASH_NOUN_BEFORE
                    or any(fold(w) in _DASH_NOUN_AFTER for w in re.findall(r"(?i)\b(?:dash|hyphen)[ \t]+(\w+)", m.group()))):
                continue  # "she made a dash for it on snap", "the 100 metre dash was on youtube": the noun
            add(Span(m.start(), _handle_end(text, m.end()), "handle"))  # and the figures said after ("dot boy oh nine")
        for m in _LOOKED_UP_RE.finditer(text, max(0, lo - 60), hi):  # "look up lil drenz on youtube"
            if any(fold(w) not in words and not _DIGIT_TOKEN_RE.fullmatch(w) for w in m.group("n").split()):
                add(Span(m.start("n"), m.end("n"), "handle"))
        for m in _PLATFORM_NAMED_RE.finditer(text, lo, hi):
            add(Span(m.start("n"), m.end("n"), "handle"))
        for m in _CLAUSE_TOKEN_RE.finditer(text, lo, hi):
            h = m.group("h")
            plain = h.lstrip("@ \t")
            letters, digits = any(c.isalpha() for c in plain), any(c.isdigit() for c in plain)
            # a handle mixes letters with digits, an underscore or a dot ("kaybee2009", "kay_b", "kay.bee"), or is a
            # lower-case word that is no English word after "as", "is", "called" ("posts as kayleighb"); not a short
            # code ("KS2", "Y10") nor an abbreviation ("e.g"); a name and a letter dotted is one ("jaxon.w")
            pieces = plain.split(".")
            dotted = "." in plain and all(pieces) and (all(len(p) >= 2 for p in pieces) or max(map(len, pieces)) >= 4)
            shaped = (letters and ("_" in plain or len(plain) >= 5 and (digits or dotted))
                      or h.startswith("@") and not _at_for_word(h, plain, words, is_public_word))
            unknown = (m.group("before") != "" and plain.islower() and len(plain) >= 4
                       and fold(plain) not in words and _PLATFORM_RE.fullmatch(plain) is None)
            if shaped or unknown:
                add(Span(m.start("h"), _handle_end(text, m.end("h")), "handle"))


def _at_for_word(h: str, plain: str, words: frozenset[str], public) -> bool:
    """Whether ``h``, "@" set off by a space before ``plain``, is "at" as messages type it ("me n my girls @ the beach",
    "@ school"): the word after it an English word or a public term, no handle ("@ jo_s", "@ kaybee2009" are)."""
    return h[1:2] in (" ", "\t") and plain.isalpha() and (fold(plain) in words or public(plain))


def _spelled_chars(token: re.Match, letters_only: bool) -> str:
    """What a token of a spelled postcode says: "ess" -> "s", "double a" -> "aa", "six" -> "6", "oh" -> "o" among the
    area's letters (``letters_only``: no digit yet) or "0" after them."""
    if token.group("w") is not None:
        return "w"
    word = fold(re.sub(r"[ \t\-]+", " ", token.group("t")))
    if word == "oh" and letters_only:
        chars = "o"
    elif word in _LETTER_NAMES or word.replace(" ", "-") in _LETTER_NAMES:
        chars = _LETTER_NAMES.get(word, _LETTER_NAMES.get(word.replace(" ", "-"), ""))
    elif _DIGIT_TOKEN_RE.fullmatch(word):
        chars = _spoken_digits(word)
    else:
        chars = word
    times = {"double": 2, "treble": 3}.get(fold(token.group("n") or ""), 1)
    return chars * times


def _spelled_kind(compact: str, text: str, start: int, spelled: int) -> str | None:
    """What a spelled run closed up to ``compact`` is: a postcode of a real area, an NI number with a valid prefix,
    or None; where a word before ``start`` speaks of one, or two of its letters or more are ``spelled`` as words."""
    m = _COMPACT_POSTCODE_RE.fullmatch(compact)
    if m is not None and m.group("area").upper() in POSTCODE_AREAS and (
            spelled >= 2 or _POSTCODE_CTX_BEFORE.search(text[max(0, start - 30) : start])):
        return "postcode"
    if re.fullmatch(r"[a-z]{2}\d{6}[a-d]?", compact) and _ni_prefix_valid(compact[:2]) and (
            spelled >= 2 or _ctx(_NI_CTX, text, start)):
        return "ni_number"
    return None


def _spelled_codes(text: str, add) -> None:
    """Postcodes and NI numbers with letters said as words or in the phonetic alphabet ("the postcode is ess
    double-you one a two a a", "it's ell ess six two ay bee", "sierra whiskey one alpha ...", "ay bee one two three
    four five six see").

    Around each letter said as a word, the run of letters, number words and
    figures is read a word at a time and closed up; a stretch of it that is a
    full postcode of a real area, or an NI number, is one where a word before
    it speaks of a postcode or a place (or of an NI number), or where two of
    its letters or more are said as words ("I see you at one" says neither: no
    stretch of it is one).
    """
    done = 0
    low = text.lower()  # one character for one but for a few ("İ"), which fold keeps so
    for a in _ASCII_WORD_RE.finditer(low if len(low) == len(text) else fold(text)):
        if a.start() < done or a.group() not in _LETTER_ANCHORS:
            continue
        lo, hi = max(0, a.start() - 40), min(len(text), a.end() + 100)
        if _DIGITISH_RE.search(text, lo, hi) is None:
            continue  # no digit said or written near: neither
        tokens = list(_SPELLED_TOKEN_RE.finditer(text, lo, hi))
        # the run of tokens around the anchor, joined only by spaces, commas or dashes
        k = next((i for i, t in enumerate(tokens) if t.start() <= a.start() < t.end()), None)
        if k is None:
            continue
        first, last = k, k
        while first > 0 and re.fullmatch(r"[ \t,\-]+", text[tokens[first - 1].end() : tokens[first].start()]):
            first -= 1
        while last + 1 < len(tokens) and re.fullmatch(r"[ \t,\-]+", text[tokens[last].end() : tokens[last + 1].start()]):
            last += 1
        run = tokens[first : last + 1]
        done = run[-1].end()
        best = None
        for i in range(len(run)):
            compact, spelled = "", 0
            for j in range(i, min(len(run), i + 12)):
                compact += _spelled_chars(run[j], not any(c.isdigit() for c in compact))
                spelled += run[j].group("w") is not None or _LETTER_WORD_RE.fullmatch(run[j].group("t") or "") is not None
                kind = _spelled_kind(compact, text, run[i].start(), spelled) if spelled else None
                if kind is not None and (best is None or run[j].end() - run[i].start() > best[1] - best[0]):
                    best = (run[i].start(), run[j].end(), kind)
        if best is not None:
            add(Span(*best))


# A body's word after a letter code and its number, which then labels the body ("LA1 partnership", "LA2 council").
_BODY_AFTER_RE = lazy_compile(
    r"['’]?s?[ \t]+(?:partnerships?|council(?![ \t]+(?:estates?|hous(?:e|es|ing)|flats?|homes?|propert(?:y|ies)))|authority|board|"
    r"trust)\b", _I)


# Codes listed together ("LA1 and LA2", "LA1, LA2 and LA3", "LA1/LA2").
_CODE_LIST_SEP_RE = lazy_compile(r"[ \t]*(?:,[ \t]*(?:(?:and|or|&)[ \t]+)?|[ \t]+(?:and|or|&)[ \t]+|[ \t]*[/&][ \t]*)", _I)


@cache
def _initials_re(area: str):
    """Words whose initials are ``area``, in any case, ending where a label after them begins."""
    words = r"[ \t]+".join(rf"{re.escape(c)}[\p{{L}}'’\-]*" for c in area.lower())
    return lazy_compile(rf"(?<![\p{{L}}\d])(?:{words})[ \t]*[(,:\-–]?[ \t]*\Z", _I)


def _initials_before(area: str, text: str, at: int) -> bool:
    """Whether the words just before ``at`` are those whose initials ``area`` is, as a body named in words is then
    labelled by them ("two local authorities (LA1 and LA2)", "a local authority, LA3,")."""
    return _initials_re(area).search(text, max(0, at - 60), at) is not None


def _numbered_labels(text: str) -> set[tuple[int, int]]:
    """The postcode districts' shapes in ``text`` that are labels numbering bodies or people, no districts: in
    capitals, after the words whose initials their letters are ("two local authorities (LA1 and LA2)"), or listed
    together under one letter code numbered from one ("LA1, LA2 and LA3"), with nothing before or after the list that
    says a district is meant ("she moved from LS1 and LS2" stays two districts)."""
    groups: list[list] = []
    for m in _OUTWARD_RE.finditer(text):
        if groups and _CODE_LIST_SEP_RE.fullmatch(text, groups[-1][-1].end(), m.start()):
            groups[-1].append(m)
        else:
            groups.append([m])
    labels = set()
    for group in groups:
        area = group[0].group("area")
        if any(g.group("area") != area or not g.group().isupper() for g in group):
            continue
        first, last = group[0], group[-1]
        ctx = _POSTCODE_CTX_BEFORE.search(text[max(0, first.start() - 30) : first.start()])
        said = (ctx is not None and not ctx.group().lstrip().startswith(",")
                or _POSTCODE_CTX_AFTER.search(text[last.end() : last.end() + 20]) is not None)
        series = len(group) > 1 and [g.group("district") for g in group] == [str(k) for k in range(1, len(group) + 1)]
        if (len(area) == 2 and _initials_before(area, text, first.start())) or (series and not said):
            labels.update((g.start(), g.end()) for g in group)
    return labels


def _postcodes(text: str, add) -> None:
    for m in _POSTCODE_RE.finditer(text):
        add(Span(m.start(), m.end(), "postcode"))
    for a in _AREA_WORD_RE.finditer(text):  # "the bd seven area": read back from the word of areas
        m = _SAID_OUTWARD_RE.search(text, max(0, a.start() - 16), a.start())
        if m is not None and m.group("area").upper() in POSTCODE_AREAS:
            add(Span(m.start(), m.end(), "postcode"))
    for m in _ODD_POSTCODE_RE.finditer(text, overlapped=True):
        said = _SAID_DIGIT_RE.sub(lambda d: _spoken_digits(d.group()), m.group("out") + " " + m.group("in"))
        compact = _COMPACT_POSTCODE_RE.fullmatch(re.sub(r"[ \t]", "", said))
        whole = " " not in m.group("out").strip() and " " not in m.group("in")  # only the gap between them is odd
        letters = _SAID_DIGIT_RE.sub("", m.group())  # "S W one A, two A A": its letters in capitals
        if compact is not None and compact.group("area").upper() in POSTCODE_AREAS and (
            letters.isupper() or whole or _POSTCODE_CTX_BEFORE.search(text[max(0, m.start() - 30) : m.start()])
        ):
            add(Span(m.start(), m.end(), "postcode"))
    labels = _numbered_labels(text)
    for m in _OUTWARD_RE.finditer(text):
        area = m.group("area").upper()
        if area not in POSTCODE_AREAS or _BODY_AFTER_RE.match(text, m.end()) or (m.start(), m.end()) in labels:
            continue  # "LA1 partnership", "LA2 council", "two local authorities (LA1 and LA2)": numbered labels
        before, after = text[max(0, m.start() - 30) : m.start()], text[m.end() : m.end() + 20]
        context = _POSTCODE_CTX_BEFORE.search(before) is not None or _POSTCODE_CTX_AFTER.search(after) is not None
        upper = m.group().isupper()
        if (len(area) == 2 and upper) or context:
            sector = _SECTOR_RE.match(text, m.end())
            add(Span(m.start(), sector.end("s") if sector else m.end(), "postcode"))
            _inward_apart(text, m.end(), add)


# A postcode's inward part said apart from its district, later in the sentence ("LS6 and then 2AB", "it starts BD7 and
# ends 3QT", "M14 then 5tp"): a figure and two letters of the inward set standing alone; an ordinal's, a unit's or a
# size's letters are no inward part ("the 2nd", "6ft", "2gb").
_INWARD_APART_RE = lazy_compile(rf"(?<![\p{{L}}\d£$€.,:/\-])(?P<in>{_INWARD})(?![\p{{L}}\d])", _I)
_NOT_INWARD = frozenset("st nd rd th ft hr hz yd lb gb tb".split())
_SENTENCE_STOP_RE = lazy_compile(r"(?<![.])[.!?;](?![.])(?:[ \t]|$)|\n")


def _inward_apart(text: str, at: int, add) -> None:
    """The inward part of a postcode whose district ends at ``at``, said apart within the next few words of the
    sentence."""
    end = min(len(text), at + 40)
    stop = _SENTENCE_STOP_RE.search(text, at, end)
    for m in _INWARD_APART_RE.finditer(text, at, stop.start() if stop else end):
        if m.group()[1:].lower() not in _NOT_INWARD:
            add(Span(m.start(), m.end(), "postcode"))
            return


# A number plate read aloud after a word of vehicles ("reg Y X six two A B C", "the car was yx sixty two abc"): letters
# and numbers said one group at a time, closed up to the shape of a plate (see _spoken_plates).
_PLATE_CTX_RE = lazy_compile(
    r"\b(?:reg(?:istration)?|number[ \t]?plate|plates?|car|van|vehicle|motorbike|taxi|lorry|truck)"
    r"(?:[ \t]*(?:['’]s|:|\-)|[ \t]+(?:is|was|number|no\.?|reg(?:istration)?|plate))*[ \t]*", _I)
_PLATE_TOKEN_RE = lazy_compile(rf"(?<![\p{{L}}\d])(?:{_DIGIT_TOKEN}|[a-z]{{1,3}})(?![\p{{L}}\d])", _I)
_PLATE_SHAPE_RE = lazy_compile(r"[a-z]{2}\d{2}[a-z]{3}|[a-z]\d{1,3}[a-z]{3}|[a-z]{3}\d{1,3}[a-z]", _I)


def _spoken_plates(text: str, add) -> None:
    """Number plates said a group at a time after a word of vehicles, closed up ("Y X six two A B C" -> "yx62abc")."""
    for c in _PLATE_CTX_RE.finditer(text):
        pos, compact, best = c.end(), "", None
        for _ in range(10):
            t = _PLATE_TOKEN_RE.match(text, pos)
            if t is None:
                break
            compact += _spoken_digits(t.group()) if _DIGIT_TOKEN_RE.fullmatch(t.group()) else t.group().lower()
            if _PLATE_SHAPE_RE.fullmatch(compact):
                best = t.end()
            gap = re.match(r"[ \t,\-]+", text[t.end() :])
            if gap is None:
                break
            pos = t.end() + gap.end()
        if best is not None:
            add(Span(c.end(), best, "vehicle"))


def _vehicles(text: str, add) -> None:
    _spoken_plates(text, add)
    for pattern in _VEHICLE_RES:
        for m in pattern.finditer(text):
            add(Span(m.start(), m.end(), "vehicle"))
    for m in _VEHICLE_ANY_RE.finditer(text):
        letters = re.match(r"[a-z]*", m.group(), _I).group()
        if letters and fold(letters) in _NOT_STREET_WORDS and m.group()[len(letters) : len(letters) + 1] in " \t":
            continue  # "drives the 2 kids to school", "drove the 72": a word and a number, no plate
        if _ctx(_VEHICLE_CTX, text, m.start()) and any(c.isdigit() for c in m.group()):
            add(Span(m.start(), m.end(), "vehicle"))


# Every date the patterns read holds a figure or a month's name, or follows "born", "DOB" ...: text with none
# of these is not searched.
_DATE_HINT = lazy_compile(r"\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|born|birth|d\.?[ \t]?o\.?[ \t]?b|die|death|"
                         r"passed|d\.?[ \t]?o\.?[ \t]?d|rip|r\.i\.p|killed|murdered|funeral", _I)


# A year alone, and the end of a range of years after one ("1946", " to 1964", "-1996", " until 2000", " onwards").
_YEAR_ALONE_RE = lazy_compile(r"(?:19|20)\d\d")
_YEARS_ON_RE = lazy_compile(rf"[ \t]*(?:(?:[{_DASH}]|(?:to|until|till|through)(?![\p{{L}}]))[ \t]*(?:19|20)\d\d(?!\d)"
                           r"|(?:onwards|(?:or|and)[ \t]+(?:later|after|earlier|before))(?![\p{L}]))", _I)
# Another year of birth listed after one ("born 2012 and 2014", "born 2010, 2012 and 2015").
_BIRTH_YEAR_MORE_RE = lazy_compile(r"[ \t]*(?:,[ \t]*(?:and[ \t]+|&[ \t]*)?|and[ \t]+|&[ \t]*)(?P<y>(?:19|20)\d\d)(?![\w/.\-])", _I)
# A month and year set off after a day, or a month and day after a year ("the 3rd, may 2009", "2009, may the 3rd").
_MONTH_AFTER_DAY_RE = lazy_compile(
    rf"[ \t]*[,\-–][ \t]*{_MONTHS}(?:[ \t]+(?:(?:19|20)\d\d|\d\d|{_YEAR_WORDS}|(?:the[ \t]+)?\d{{1,2}}(?:st|nd|rd|th)?))?(?![\w/])",
    _I)


# The words every match of _DOB_RE and of _DEATH_RE starts with: where a text has none, the two largest patterns of the
# redactor (0.8 s and 0.3 s to compile) are neither compiled nor run.
_DOB_ANCHOR = lazy_compile(r"\b(?:born|b\.|d\.?[ \t]?o\.?[ \t]?b|date[ \t]+of[ \t]+birth|birth|b['’\-]?day)", _I)
_DEATH_ANCHOR = lazy_compile(rf"\b(?:{_DEATH_WORDS})", _I)


# A date with its label after it, in brackets or after a dash or a comma, as lists of a family write them ("18.04.2011
# (DOB)", "3 May 2016 - d.o.b.", "12/09/2014, date of birth"): the date of birth.
_DOB_LABEL_AFTER_RE = lazy_compile(
    rf"(?<![\w/.])(?P<date>{_ANY_DATE})[ \t]*(?:\([ \t]*|[,{_DASH}][ \t]*)"
    r"(?:d\.?[ \t]?o\.?[ \t]?b\b\.?|date[ \t]+of[ \t]+birth\b|birth[ \t]?date\b)", _I)
# A baby's due date, a day and month without a year too ("the baby's due date is 3 May", "EDD 12/06", "her due date
# was the 12th of June"): the date of birth to come.
_DUE_DATE_RE = lazy_compile(
    r"\b(?:due[ \t]+date|edd|e\.d\.d\.?|(?:baby|bump)(?:['’]s|[ \t]+(?:is|was))[ \t]+due)(?:[ \t]+(?:is|was)|['’]s)?[ \t]*[:\-]?"
    r"[ \t]*(?:(?:on|for|in)[ \t]+)?(?:the[ \t]+)?"
    rf"(?P<date>{_DAY}(?:[ \t]+of)?[ \t]+{_MONTHS}(?:[ \t]+(?:19|20)\d\d)?|{_MONTHS}[ \t]+(?:the[ \t]+)?{_DAY}(?:[ \t]+(?:19|20)\d\d)?"
    r"|\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?)(?![\w/])", _I)


# An age said after a date of birth with its subject left out, the one born ("he was born in March 2015 and was 6 at
# the time", "the twins, born in January 2018, were 3 when", "born on 3 May 2019 at the LGI, and is 8 now"): a few
# words of the birth's clause, no stop nor comma between, then "and", "but" or a comma and the verb at once; with the
# date the age narrows who the child is.  A subject between is another's figure ("and the score was 6 at the time"),
# read by _AGE_RES where it is a person's.
_AGE_AFTER_BIRTH_RE = lazy_compile(
    r"(?:[ \t]+(?!(?:and|but)\b)[^\s,.;:!?]+){0,6}?(?:[ \t]*,(?:[ \t]*(?:and|but)(?![\p{L}]))?|[ \t]+(?:and|but)(?![\p{L}]))"
    rf"(?:[ \t]+(?:only|just|then|now|still|already))*(?:{_AGE_VERB})(?:[ \t]+(?:{_AGE_ADVERB}))*[ \t]+{_SAID_AGE}", _I)


def _an_age(age: str) -> bool:
    """Whether ``age``, said after a verb, may be a person's: not "a" nor "an" alone, no figure over 120."""
    age = age.strip()
    return not re.fullmatch(r"(?:a|an)", age, _I) and not (re.fullmatch(r"\d+", age) and int(age) > 120)


def _dates(text: str, add) -> None:
    # the year may be in words, which _DATE_HINT below does not see
    for m in _HOLIDAY_DATE_RE.finditer(text) if _YEAR_HINT.search(text) and _HOLIDAY_ANCHOR.search(text) else ():
        add(Span(m.start("date"), m.end("date"), "date"))
    if _DATE_HINT.search(text) is None:
        return
    for pattern in ((_DOB_RE, _DOB_LABEL_AFTER_RE) if _DOB_ANCHOR.search(text) else ()) + (_BIRTH_YEAR_RE,):
        for m in pattern.finditer(text):
            if _YEARS_ON_RE.match(text, m.end("date")) is not None and _YEAR_ALONE_RE.fullmatch(m.group("date")):
                continue  # "Boomers (born 1946 to 1964)": a range of births is a cohort's, no one's date of birth
            end = m.end("date")
            while _YEAR_ALONE_RE.fullmatch(m.group("date")) and (more := _BIRTH_YEAR_MORE_RE.match(text, end)) is not None:
                add(Span(more.start("y"), more.end("y"), "date_of_birth"))  # "the twins, born 2012 and 2014": each birth
                end = more.end("y")
            rest = _MONTH_AFTER_DAY_RE.match(text, m.end("date"))  # "born on the 3rd, may 2009": the rest of it
            end = max(end, m.end("date") if rest is None else rest.end())
            add(Span(m.start("date"), m.end("date") if rest is None else rest.end(), "date_of_birth"))
            if (day := _DAY_AFTER_BIRTH_RE.match(text, m.end("date"))) is not None:
                add(Span(day.start("day"), day.end("day"), "date_of_birth"))  # "born in june 2016, the 3rd"
                end = max(end, day.end("day"))
            if (age := _AGE_AFTER_BIRTH_RE.match(text, end)) is not None and _an_age(age.group("age")):
                add(Span(age.start("age"), age.end("age"), "age"))  # "born in March 2015 and was 6 at the time"
    for m in _DUE_DATE_RE.finditer(text) if "due" in text.lower() or "edd" in text.lower() or "e.d.d" in text.lower() else ():
        add(Span(m.start("date"), m.end("date"), "date_of_birth"))
    for m in _DEATH_RE.finditer(text) if _DEATH_ANCHOR.search(text) else ():
        if not (_DIED_A_RE.search(text, max(0, m.start() - 30), m.start()) or _thing_died(text, m.start())):
            add(Span(m.start("date"), m.end("date"), "date"))  # not "the review died a death in 2019": a thing's
    # overlapped: a title skipped as ordinary ("was on the local news") leaves the event's own words to be read
    for m in _EVENT_YEAR_RE.finditer(text, overlapped=True) if _EVENT_ANCHOR.search(text) else ():
        if m.group("on") is not None and _ordinary_on(m.group("what")) and not _CONTEST_RE.search(m.group("what")):
            continue
        if m.group("contest") is None or _CONTEST_BEFORE_RE.search(text, max(0, m.start() - 60), m.start()):
            add(Span(m.start("date"), m.end("date"), "date"))
    if _INCIDENT_ANCHOR.search(text):
        for m in _INCIDENT_YEAR_RE.finditer(text):
            add(Span(m.start("date"), m.end("date"), "date"))
    for m in _FULL_DATE_RE.finditer(text):
        if not _BANK_BEFORE_RE.search(text, max(0, m.start() - 48), m.start()):  # "sort code 12-03-09": no date
            add(Span(m.start("date"), m.end("date"), "date"))


#: What a person is on, or wins, in ordinary talk ("on the register", "on bail", "won the contract"): the last word of
#: what follows "was on" or "won" before a year; a title of a show or a contest is none of these.
_ORDINARY_ON = frozenset("""plan register list holiday leave bail tag licence license medication meds course placement
    scheme programme notice order books caseload rota team board panel committee council ward site estate phone call
    radar sick dole credit time duty shift track way road bus train contract probation remand trial record file system
    agenda pill maternity paternity own side case job appeal bid tender award grant election vote seat majority""".split())
_OWNED = frozenset("a an his her their my our your its".split())


def _ordinary_on(what: str) -> bool:
    """Whether the words a person was on or won before a year are an ordinary state or a thing of work, not a show's or
    a contest's title ("a plan", "the waiting list", "antidepressants", "the streets", "his own"; not "the chase")."""
    words = fold(what).split()
    return not words or words[0] in _OWNED or words[-1] in _ORDINARY_ON or words[-1].endswith("s")


def _thing_died(text: str, start: int) -> bool:
    """Whether what died right before ``start`` is a thing ("the policy died"): a noun after an article that names an
    organisation's work or an abstract thing (:data:`_THING_NOUNS`, or an ending of one: "-ment", "-tion", "-ship",
    ...), never a relation, role or person word.  Fails safe: an unknown noun ("the newborn died", "the fella died")
    is taken for a person, whose date of death is redacted."""
    from ._names import KINSHIP_ROLE_WORDS

    if fold(text[start : start + 4]) != "died":
        return False
    m = _THING_DIED_RE.search(text, max(0, start - 40), start)
    if m is None:
        return False
    noun = fold(m.group("noun"))
    if noun in KINSHIP_ROLE_WORDS or noun in _PERSON_NOUNS:
        return False
    return noun in _THING_NOUNS or noun.endswith(_THING_ENDINGS)


#: Nouns of an organisation's work that can "die" in talk ("the scheme died in 2019"), and endings of abstract nouns.
_THING_NOUNS = frozenset("""policy scheme project funding review plan programme program initiative idea service
    board panel unit contract bid strategy proposal model approach forum project grant budget campaign website site
    system process protocol framework pathway hub group network partnership consultation agenda motion proposal
    deal merger trust reform law bill""".split())
_THING_ENDINGS = _EVENT_ENDINGS[:12]


# Capitalised words that open a sentence about things, not a person whose age is given ("There were 14", "It was 12").
_THING_SUBJECTS = frozenset("There Here It This That These Those What Which Where When Why How Now Then All Both Some Most "
                            "Each Total Number Numbers".split())


# An age given as a range, its other end before or after it ("14-15 years old", "about 13 or 14", "15 to 16 now"):
# the range is the age; not a count after it ("14 or 15 minutes").
_N_RANGE = rf"(?:\d{{1,2}}|{_NUMBER_WORDS})"
_RANGE_AFTER_AGE_RE = lazy_compile(
    rf"(?:[ \t]*[{_DASH}][ \t]*|[ \t]+(?:or|to)[ \t]+)(?P<n>{_N_RANGE})(?:[ \t]+(?:years?|yrs?)(?:[ \t]+old)?)?(?![\w])"
    r"(?![ \t]*(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|%|per|pounds|miles|times|of|in|out)\b)", _I)
_RANGE_BEFORE_AGE_RE = lazy_compile(rf"(?<![\w.,/£$€])(?P<n>{_N_RANGE})(?:[ \t]*[{_DASH}][ \t]*|[ \t]+(?:or|to)[ \t]+)\Z", _I)


# Before an age in the plural, what makes it a group's: another age listed ("10- and 11-year-olds"), or a word taking a
# class of people, no one's own ("services for 11-year-olds", "most 15 year olds"); not an owner nor a count.
_GROUP_AGE_BEFORE_RE = lazy_compile(
    rf"(?:(?<![\w.,/£$€]){_N_RANGE}[ \t]*[{_DASH}]?[ \t]+(?:and|&|to|or)[ \t]+|(?<![\p{{L}}'’])(?:for|all|most|many|some|more|"
    r"fewer|among|amongst|of|other|including|like|older|younger)[ \t]+)\Z", _I)


# Another age joined to this one by a hanging hyphen ("14- and 15-year-old", "she is 14- or 15-years-old"): one age, or
# one group's, with this one.
_COORDINATED_AGE_BEFORE_RE = lazy_compile(
    rf"(?<![\w.,/£$€])(?P<n>{_N_RANGE})[ \t]*[{_DASH}][ \t]+(?:and|&|or|to)[ \t]+\Z", _I)
# Classes of young people in the plural, no relations, that both an age before them ("15-year-old girls") and "aged"
# after them ("girls aged 10 to 17") make the class's; each pattern below adds the words only it reads.
_YOUNG_PEOPLE = (r"girls|boys|children|kids|pupils|students|people|teenagers|teens|youngsters|learners|adolescents|"
                 r"young[ \t]+(?:men|women)|infants|babies|newborns|toddlers")
# A class of people after an age in the singular as an adjective ("14- and 15-year-old girls", "for 15-year-old
# pupils"): the group, as "15-year-olds" is; no relations ("her 14- and 15-year-old sisters" are two people).
_PEOPLE_AFTER_AGE_RE = lazy_compile(
    rf"[ \t]+(?:{_YOUNG_PEOPLE}|young[ \t]+people|lads|males|females|new-borns|neonates|preschoolers|pre-schoolers)"
    r"(?![\p{L}'’])", _I)
# "The", "these" or "those" before an age of a class of people in the plural: some of the class, who could be named
# ("the 14-week-old infants were seen", "those 15-year-old girls"), as an owner or a small count makes them.
_THE_BEFORE_AGE_RE = lazy_compile(r"(?<![\p{L}'’])(?:the|these|those)[ \t]+\Z", _I)
# A class of people in the plural, "aged" and a range of ages ("infants aged 0-1 years", "children aged 10 to 17",
# "young people aged between 16 and 25"): the class's range, as eligibility is written; the class's noun and where it
# starts (an owner, a count or "the" before it make them someone's: "her children aged 4 and 6").
_PEOPLE_AGED_BEFORE_RE = lazy_compile(
    rf"(?<![\p{{L}}'’\-])(?P<people>(?:{_YOUNG_PEOPLE}|young[ \t]+adults|adults|care[ \t]+leavers)"
    r"[ \t]+aged[ \t]+(?:between[ \t]+)?)\Z", _I)
_AGE_RANGE_RE = lazy_compile(rf"\d{{1,2}}[ \t]*(?:[{_DASH}]|to|and)[ \t]*\d{{1,2}}\b", _I)
# An owner or a count right before an age makes it someone's, listed with another or not ("her 10- and 11-year-olds",
# "two 15-year-olds").
_OWNER_BEFORE_AGE_RE = lazy_compile(
    r"(?:(?<![\p{L}'’])(?:her|his|their|my|our|your|its|\p{L}+['’]s|two|three|four|five|six|both|twin)|(?<![\w.,/£$€])[2-6])"
    r"[ \t]+\Z", _I)
# A bound before an age makes it a threshold, as the law and eligibility write ages ("a child under 13-years-old",
# "aged under 16 years old", "over 18 years old", "under the age of 13 years old"): no one's age, as "under 13" without
# the unit is not; a bound said as near ("just under 13 years old", "almost 2 years old") is an age still. So is an age
# the law sets, given as a legal or minimum age, an age limit, or the age of consent, criminal responsibility, majority,
# marriage or retirement ("the age of criminal responsibility in England is 10 years old", "the minimum age for
# marriage was raised to 18 years old"; "the age of the child was 3 years old" is the child's).
_BOUND_BEFORE_AGE_RE = lazy_compile(
    r"(?:(?<![\p{L}'’])(?<!\b(?:just|only|barely|slightly|little|bit|fractionally|quite|nearly|almost)[ \t]+)"
    r"(?:under|over|below|above|(?:younger|older|less|more)[ \t]+than|at[ \t]+least"
    r"|(?:under|over|below|above)[ \t]+the[ \t]+age[ \t]+of)"
    r"|\b(?:(?:legal|minimum|maximum|statutory|qualifying|upper|lower)[ \t]+age|age[ \t]+(?:limit|threshold)"
    r"|age[ \t]+of[ \t]+(?:consent|criminal[ \t]+responsibility|majority|marriage|retirement))"
    r"(?:[ \t]+(?!(?:she|he|they|her|his|their|was|is)\b)[\p{L}'’\-]+){0,4}?"
    r"[ \t]+(?:is|was|of|at|remains|became|will[ \t]+be"
    r"|(?:(?:is|was|has[ \t]+been|will[ \t]+be)[ \t]+)?(?:set|raised|lowered|increased|reduced)[ \t]+(?:to|at)))"
    r"[ \t]+\Z", _I)


def _ages(text: str, add) -> None:
    for pattern in _AGE_RES:
        for m in pattern.finditer(text):
            age = m.group("age")
            if "subject" in m.re.groupindex and m.group("subject") in _THING_SUBJECTS:
                continue
            if not _an_age(age):
                continue
            start, end = m.start("age"), m.end("age")
            if _BOUND_BEFORE_AGE_RE.search(text, max(0, start - 90), start) is not None:
                continue  # "a child under 13-years-old": the law's threshold, no one's age
            if (after := _RANGE_AFTER_AGE_RE.match(text, end)) is not None:
                end = after.end()
            before = _RANGE_BEFORE_AGE_RE.search(text, max(0, start - 12), start)
            if before is None and age[:1].isdigit():
                before = _COORDINATED_AGE_BEFORE_RE.search(text, max(0, start - 16), start)
            if (_AGE_RANGE_RE.match(age) and (people := _PEOPLE_AGED_BEFORE_RE.search(text, max(0, start - 40), start))
                    and ("between" in people.group().lower() or "and" not in age.lower())
                    and _OWNER_BEFORE_AGE_RE.search(text, max(0, people.start() - 24), people.start()) is None
                    and _THE_BEFORE_AGE_RE.search(text, max(0, people.start() - 8), people.start()) is None):
                continue  # "infants aged 0-1 years", "children aged 10 to 17": a class's range of ages
            group = age.lower().endswith("olds") or (age.lower().endswith("old")
                                                      and _PEOPLE_AFTER_AGE_RE.match(text, m.end("age")) is not None)
            first = before.start("n") if before is not None else start
            if group and (before is not None or _GROUP_AGE_BEFORE_RE.search(text, max(0, start - 24), start)
                          or _THE_BEFORE_AGE_RE.search(text, max(0, first - 8), first) is None) and (
                    _OWNER_BEFORE_AGE_RE.search(text, max(0, first - 24), first) is None):
                # "16-17 year olds", "16 – 18 year olds", "10- and 11-year-olds", "14- and 15-year-old girls",
                # "services for 11-year-olds", "15-year-old girls are at risk", "14-week-old infants": the ages of a
                # class or a group of any number, no one's age; an owner, a small count or "the" picks out a few who
                # could be named ("her 11-year-olds", "her 10- and 11-year-olds", "two 15-year-olds", "the 15-year-old
                # girls were seen" stay ages)
                continue
            if age[:1].isdigit() and before is not None:
                start = before.start("n")
            add(Span(start, end, "age"))
            day = _ON_DAY_RE.match(text, m.end("age"))
            if day is not None:  # "she turned 14 on 3 May": a birthday; "he was 9 on 14 June": near enough
                kind = "date_of_birth" if _BIRTHDAY_VERB_RE.search(text, max(0, m.start("age") - 16), m.start("age")) else "date"
                add(Span(day.start("date"), day.end("date"), kind))


# Welsh dates and ages (round 34).  The Welsh months, a day before one ("3 Mawrth", "5ed o Ionawr") or a year after
# ("Mawrth 2012"): a date where a year is in it; any after a Welsh word of birth ("ganwyd", "cafodd ei geni", "ei eni",
# "dyddiad geni", "pen-blwydd") is a date of birth.  An age in figures before "oed" ("yn 14 oed", "6 mis oed", "4 blwydd oed").
_WELSH_MONTHS = r"(?:ionawr|chwefror|mawrth|ebrill|mai|mehefin|gorffennaf|awst|medi|hydref|tachwedd|rhagfyr)"
_WELSH_DATE_RE = lazy_compile(
    rf"(?<![\w/])(?P<date>(?:\d{{1,2}}(?:af|ail|ydd|fed|ed|eg)?[ \t]+(?:o[ \t]+)?(?:fis[ \t]+)?{_WELSH_MONTHS}(?:[ \t]+\d{{4}})?"
    rf"|{_WELSH_MONTHS}[ \t]+\d{{4}}))(?![\w/])", _I)
_WELSH_BIRTH_BEFORE_RE = lazy_compile(
    r"\b(?:n?geni|h?eni|ganwyd|anwyd|ganed|aned|g?enedigaeth|[bpm]?h?en[ \t\-]?blwydd)\b[^.!?\n]{0,20}\Z", _I)
# Welsh number words, 1 to 20 and the tens, in their mutated forms too (after "yn": "yn ddeuddeg oed", "yn bedair
# oed"), the older counting ("un ar ddeg", 11; "pedwar ar bymtheg", 19; "deugain", 40) and the decimal one ("un deg
# dau", 12; "dau ddeg", 20).
_WELSH_UNITS = (r"un|dau|ddau|dwy|ddwy|tri|dri|tair|dair|pedwar|bedwar|pedair|bedair|pump|bump|pum|bum|chwech|chwe|"
                r"saith|wyth|naw")
_WELSH_SCORES = (r"deg|ddeg|deng|ddeng|deuddeg|ddeuddeg|deuddeng|ddeuddeng|pymtheg|bymtheg|pymtheng|bymtheng|deunaw|"
                 r"ddeunaw|ugain|hugain|deugain|ddeugain|trigain|drigain|hanner[ \t]+cant|cant|gant")
_WELSH_NUMBER = (rf"(?:(?:{_WELSH_UNITS})(?:[ \t]+(?:ar[ \t]+(?:ddeg|bymtheg|hugain)|d?deg(?:[ \t]+(?:{_WELSH_UNITS}))?))?"
                 rf"|(?:{_WELSH_SCORES}))")
_WELSH_AGE_RE = lazy_compile(
    r"(?<![\w/.])(?P<age>\d{1,3}[ \t]+(?:(?:mlwydd|blwydd|mlynedd|mis|wythnos|diwrnod)[ \t]+)?oed)(?![\w])"
    # in words, not "yr un oed" (the same age)
    # one year old, the number left out ("Mae'r babi yn flwydd oed")
    r"|(?<=(?:\byn|['’]n)[ \t]+)(?P<age>[bf]lwydd[ \t]+oed)(?![\w])"
    rf"|(?<![\w'’])(?<!\byr[ \t]|['’]r[ \t])(?P<age>(?:{_WELSH_NUMBER})[ \t]+"
    r"(?:(?:mlwydd|blwydd|flwydd|mlynedd|blynedd|mis|fis|wythnos|niwrnod|diwrnod)[ \t]+)?oed)(?![\w])"
    # an English number before "oed", as a speaker changing language says it ("Roedd hi'n twelve oed")
    rf"|(?<![\w'’])(?P<age>{_NUMBER_WORDS}[ \t]+(?:(?:mlwydd|blwydd|mis|wythnos)[ \t]+)?oed)(?![\w])", _I | re.VERSION1)
# A number in words said of a person without "oed", where the phrase ends or a time follows ("Roedd Osian yn
# ddeuddeg.", "Bydd hi'n ddeunaw ym mis Mai"): after a pronoun joined to "'n" or a capitalised name and "yn"; not the
# time of day ("Mae hi'n ddeg o'r gloch") nor a count of a thing ("Mae'r tîm yn ddeg").
_WELSH_AGE_BARE_RE = lazy_compile(
    r"(?:(?<![\w'’])(?:hi|e|o|fe|fo|ef|hithau|yntau)['’]n|(?<![\w'’])(?-i:\p{Lu}\p{Ll}+)[ \t]+yn|(?<![\w'’])(?:hi|e|o|fe|fo)[ \t]+yn)"
    rf"[ \t]+(?P<age>{_WELSH_NUMBER})(?=[ \t]*(?:[.,;:!?]|\Z)|[ \t]+(?:ym[ \t]+mis|fis|ddydd|yfory|eleni|nawr|rwan|rŵan|"
    r"wythnos[ \t]+nesaf|mis[ \t]+nesaf|flwyddyn[ \t]+nesaf|pan|ar[ \t]+ei[ \t]+ph?en[ \-]?blwydd)\b)", _I)
_WELSH_DATE_HINT = lazy_compile(rf"\boed\b|{_WELSH_MONTHS}|['’]n[ \t]|\byn[ \t]", _I)


def _welsh_dates(text: str, add) -> None:
    if _WELSH_DATE_HINT.search(text) is None:
        return
    for m in _WELSH_DATE_RE.finditer(text):
        born = _WELSH_BIRTH_BEFORE_RE.search(text, max(0, m.start() - 40), m.start()) is not None
        if born or m.group("date")[-4:].isdigit():  # as in English, a day and month alone is an event's ("ar 3 Mawrth")
            add(Span(m.start("date"), m.end("date"), "date_of_birth" if born else "date"))
    for m in _WELSH_AGE_RE.finditer(text):
        add(Span(m.start("age"), m.end("age"), "age"))
    for m in _WELSH_AGE_BARE_RE.finditer(text):
        add(Span(m.start("age"), m.end("age"), "age"))


_NUMBER_WORDS_SET = frozenset(re.findall(r"[a-z]+", _NUMBER_WORDS))


def _generic_name(words: str) -> bool:
    parts = [fold(w.strip("'’")) for w in words.split()]
    return bool(parts) and all(p in _GENERIC_BEFORE for p in parts)


# A capitalised name where someone lives, on, at or off it, without a street type ("she lives on Bramble", "they live at
# the Bramble"); public words stay ("lives at The Hub"), and a town after "in" is a place's, not this.
_LIVES_ON_RE = lazy_compile(
    r"\b(?:live[sd]?|living|stay(?:s|ed|ing)?|moved|moving)[ \t]+(?:on|at|off|round)[ \t]+(?:the[ \t]+)?"
    r"(?P<name>(?-i:\p{Lu}[\p{L}'’\-]+)(?:[ \t]+(?-i:\p{Lu}[\p{L}'’\-]+)){0,2})(?![\p{L}\d])",
    _I,
)

# A relative's home said by its owner ("at Nan's", "at Mum's", "round Auntie's"): no street's name.
_RELATIVES_HOME_RE = lazy_compile(rf"(?:{FAMILY_ALTERNATION})(?:['’]s|s['’])", _I)


def _addresses(text: str, add) -> None:
    # imported here: the names module imports this one
    from ._names import _NOT_NAMES, is_public_word

    def not_building(word: str) -> bool:  # a word no building's name holds ("the one upstairs", "the same farm")
        key = fold(word)
        return (key in _NOT_NAMES and key not in ("old", "new")) or key in _NUMBER_WORDS_SET or key in _NOT_STREET_WORDS

    for m in _LIVES_ON_RE.finditer(text) if _RESIDENCE_WORD.search(text) else ():
        if _RELATIVES_HOME_RE.fullmatch(m.group("name")):
            continue  # "stayed at Nan's", "living at Auntie's": a relative's home, said by whose it is, no street
        if _family_home(text, m.group("name"), m.end("name")):
            continue  # "stays at the Joneses' flat": a family's home, the family's name judged as a name
        if not all(is_public_word(w) for w in m.group("name").split()):
            add(Span(m.start("name"), m.end("name"), "address"))

    for m in _ADDRESS_RE.finditer(text):
        words = m.group("words").split()
        if any(fold(w) in _NOT_STREET_WORDS for w in words):
            continue
        if all(w[:1].islower() for w in words) and all(fold(w) in english_words() for w in words) and len(words) > 2:
            continue
        if _SAINT_AFTER_RE.match(text, m.end()) and any(w[:1].islower() for w in words):
            continue  # "her brother, 7, attends St Mary's Primary": "St" a saint's before a name, a verb no street's
        # a tenement flat's floor and door before the house number ("3/2, 45 kelvin street", "flat 0/1, 12 Hope St"):
        # the address's first part
        flat = _FLOOR_DOOR_BEFORE_RE.search(text, max(0, m.start() - 16), m.start())
        add(Span(m.start() if flat is None else flat.start(), m.end(), "address"))
    for m in _NUMBER_BLOCK_RE.finditer(text) if any(c.isdigit() for c in text) else ():
        words = m.group("words").split()
        if any(not_building(w) or is_public_word(w) for w in words) or (
                all(fold(w) in english_words() for w in words)
                and not (_RESIDENCE_BEFORE.search(text[max(0, m.start() - 30) : m.start()])
                         or _PERSON_AT_BEFORE_RE.search(text, max(0, m.start() - 16), m.start())
                         or _PLACE_WORD_BEFORE_RE.search(text, max(0, m.start() - 12), m.start()))):
            continue  # "2 The House", "the 5 Red House rules": no block's nor estate's name, where no one is placed
        add(Span(m.start(), m.end(), "address"))
    for m in _LOWER_NUMBER_BLOCK_RE.finditer(text) if any(c.isdigit() for c in text) else ():
        words = [fold(w) for w in m.group("words").split()]
        if (any(not_building(w) or w in _NOT_BLOCK_NAMES or w in _COUNTED_BUILDING_WORDS or w.endswith(("ed", "ly"))
                for w in words)
                or not (_RESIDENCE_BEFORE.search(text[max(0, m.start() - 30) : m.start()])
                        or _PERSON_AT_BEFORE_RE.search(text, max(0, m.start() - 16), m.start())
                        or _PLACE_WORD_BEFORE_RE.search(text, max(0, m.start() - 12), m.start()))):
            continue  # "she's lived at 3 council flats", "the 5 star buildings were awful": counted, or no one placed
        add(Span(m.start(), m.end(), "address"))
    for m in (_WORDED_ADDRESS_RE.finditer(text, overlapped=True)
              if _RESIDENCE_WORD.search(text) or _SAID_DIGIT_RE.search(text) or _NUMBER_THE_RE.search(text)
              or _NUMBERED_SAID_RE.search(text) else ()):
        words = [fold(w) for w in m.group("words").split()]
        if words[:1] != ["the"] and m.group("num")[:1].isdigit():
            continue  # figures before a street name are _ADDRESS_RE's
        named = words[1 if words[:1] == ["the"] else 0 :]
        if not words or any(w in _NOT_STREET_WORDS or w in _NOT_STREET_NAMES or w in _NUMBER_WORDS_SET for w in named):
            continue  # "a two way street", "one close call"
        numbered = _NUMBERED_BEFORE_RE.search(text, max(0, m.start() - 12), m.start()) if m.group("num")[:1].isalpha() else None
        at = numbered.start() if numbered is not None else m.start()
        if (_RESIDENCE_BEFORE.search(text[max(0, at - 30) : at])
                or _WORDED_AT_BEFORE_RE.search(text, max(0, at - 30), at)
                or numbered is not None and _PLACED_IN_RE.search(text, max(0, at - 30), at)):
            add(Span(at, m.end(), "address"))  # "lives at fourteen bramble way", "at number twelve acacia avenue"
    for m in _FLAT_RE.finditer(text):
        head = m.group().split()[0].lower().rstrip(".")
        if head in ("unit", "room", "suite", "plot", "block") and not m.group()[0].isupper():
            continue
        if head in ("room", "suite") and (
                (named := _CAPITALISED_WORD_BEFORE_RE.search(text, max(0, m.start() - 30), m.start())) is not None
                and (w := fold(named.group("w"))) in english_words() and w not in folded_first_names()
                and w not in _NOT_STREET_WORDS and w not in _NOT_NAMES):
            continue  # "Committee Room 2", "Committee Suite 1,2 & 3": a building's room named for its use, no home
        if m.group("w") is not None and not _PLACED_IN_RE.search(text, max(0, m.start() - 30), m.start()):
            continue
        building = _FLAT_BUILDING_RE.match(text, m.end())
        named = building is not None and not any(not_building(w) for w in building.group("b").split()[1:])
        add(Span(m.start(), building.end("b") if named else m.end(), "address"))
    for m in _AT_NUMBER_RE.finditer(text) if _NUMBER_ANCHOR.search(text) else ():
        add(Span(m.start("num"), m.end("num"), "address"))
    for m in _NUMBER_THE_HOUSE_RE.finditer(text) if _NUMBER_ANCHOR.search(text) else ():
        add(Span(m.start("num"), m.end("num"), "address"))
    for m in _near(_house_name_re(), _house_anchor(), text, 60, 30) if _RESIDENCE_WORD.search(text) else ():
        if not any(not_building(w) for w in m.group("name").split()):
            add(Span(m.start("name"), m.end("name"), "address"))
    for m in _LIVES_AT_NUMBER_RE.finditer(text) if _RESIDENCE_WORD.search(text) or " at " in text.lower() else ():
        if not _YEARISH.match(m.group("num")):
            building = _FLAT_BUILDING_RE.match(text, m.end())  # "they're at 14b, the grove": the street or building too
            end = m.end("close") if m.group("close") else m.end("num") if building is None else building.end("b")
            add(Span(m.start("num"), end, "address"))
    for m in _HOUSE_NUMBER_RE.finditer(text):
        add(Span(m.start("num"), m.end("num"), "address"))
    for m in _NUMBER_AND_NAME_RE.finditer(text) if _RESIDENCE_WORD.search(text) else ():
        word = m.group("word")
        key = fold(word)
        if (key in _NOT_STREET_WORDS or key in _NUMBER_WORDS_SET or key in _NOT_NAMES or is_public_word(word)
                or _YEARISH.match(m.group("num")) or bare_word(word) and (word[:1].islower() or key.endswith("s"))):
            continue  # "moved to 14 Schools", "lives 14 miles away", "lived at 3 addresses", "in 2013", "at 14 now"
        # a capitalised name ("at 14 Bramble", "at 42 Ash"), or a lower-case word ending the phrase ("at 14 bramble.")
        if word[:1].isupper() or m.group("end") is not None:
            add(Span(m.start("addr"), m.end("addr"), "address"))
    for m in _WELSH_STREET_RE.finditer(text):
        add(Span(m.start("num") if m.group("num") else m.start("street"), m.end("street"), "address"))
    for m in _LOWER_STREET_RE.finditer(text, overlapped=True):
        words = m.group("words").split()
        if any(w in _NOT_STREET_WORDS or w in _NOT_STREET_NAMES or w in _NUMBER_WORDS_SET for w in words):
            continue
        if m.group("type") in ("close", "drive") and not _RESIDENCE_BEFORE.search(text[max(0, m.start("street") - 30) : m.start("street")]):
            continue  # "in close", "to drive": a street only where someone lives on it
        add(Span(m.start("street"), m.end("street"), "address"))
    for m in _LOWER_ESTATE_RE.finditer(text, overlapped=True):
        w2 = m.group("w2")
        if m.group("street")[-1:].islower() and _estate_words(m.group("w")) and " ".join(
                m.group("street").split()) not in named_institutions() and (
                w2 is None or not (w2 in _NOT_STREET_WORDS or w2 in _NOT_STREET_NAMES or w2 in _NUMBER_WORDS_SET)):
            add(Span(m.start("street"), m.end("street"), "address"))  # "gipton approach"; "winson green" a prison's
    for m in _ESTATE_WORD_RE.finditer(text, overlapped=True):  # "Chapel Allerton Hill": "Allerton" judged too
        if m.group().endswith("Approach") and _THE_BEFORE_AGE_RE.search(text, max(0, m.start() - 8), m.start()):
            continue  # "the Rochdale Approach", "the Camden Approach": a way of working, named as one with "the"
        if _estate_words(m.group("w")):
            add(Span(m.start(), m.end(), "address"))
    for pattern, kind in ((_BUILDING_RE, "address"), (_STREET_RE, "address"), (_ABBREVIATED_STREET_RE, "address")):
        for m in pattern.finditer(text):
            start, value = _trim_generic(text, m.start(), m.end())
            if start is not None and fold(value) not in _PUBLIC_INSTITUTIONS:
                add(Span(start, m.end(), kind))


# A capitalised first name, "St" and a capitalised word with no possessive nor a street's word after it ("Ian St John
# said", "Jane St Clair"), perhaps double-barrelled ("Dwayne St. Clair-Hughes"): a surname named for a saint after a first name, when the word is a first name or no English
# word nor public term (see saint_surname).
_SAINT_SURNAME_RE = lazy_compile(
    rf"(?<![\p{{L}}'’\-])(?P<f>\p{{Lu}}\p{{Ll}}+)[ \t]+St\.?[ \t]+(?P<w>\p{{Lu}}\p{{Ll}}+(?:-\p{{Lu}}\p{{Ll}}+)?)"
    rf"(?![\p{{L}}'’\-]|[ \t]+(?i:{_STREET_TYPES})\b)", re.VERSION1)
_HOUSE_NUMBER_BEFORE_RE = lazy_compile(r"\d\p{L}?[ \t,]*\Z", re.VERSION1)


def saint_surname(text: str, at: int, named: bool = False) -> tuple[int, int, int] | None:
    """A first name and a surname named for a saint with a word ending or starting at ``at`` ("Ian St John", "Jane St
    Clair", "Tom St George"): where the first name starts, where the surname ends and where the saint's word starts;
    the first name one of the list (with ``named``, any word: the caller found it a name, "Marcia St. John-Baptiste"),
    the saint's a first name or no English word nor public term. None after a house number ("12 Victoria St John"),
    before a saint's town ("Ian St Albans") or a possessive ("Victoria St John's")."""
    m = _SAINT_SURNAME_RE.match(text, at) if at == 0 or not text[at - 1].isalpha() else None
    if m is None:
        m = _SAINT_SURNAME_RE.search(text, max(0, at - 30), at + 40)
        if m is None or at not in (m.end("f"), m.start("w")):
            return None
    firsts, key = folded_first_names(), fold(m.group("w"))
    if (not named and fold(m.group("f")) not in firsts or _HOUSE_NUMBER_BEFORE_RE.search(text, max(0, m.start() - 12), m.start())
            or key in public_terms() or key.endswith("s") and key[:-1] in firsts
            or key in english_words() and key not in firsts):
        return None
    return m.start(), m.end(), m.start("w")


_NUMBER_ANCHOR = lazy_compile(r"\b(?:number|no\.)", _I)


@cache
def _house_anchor() -> re.Pattern:
    """The last words of the house names, where :func:`_house_name_re` is tried."""
    return lazy_compile(rf"\b(?:{'|'.join(sorted({re.escape(n.split()[-1]) for n in house_names()}))})\b", _I)


@cache
def _house_name_re() -> re.Pattern:
    """A house named by what the building is, after "the", where someone lives ("they live in the old rectory",
    "moved into The Maltings", "her address is the coach house"): the words after "the" (see
    :func:`~impact.privacy._lexicon.house_names`)."""
    names = sorted((r"[ \t]+".join(re.escape(w) for w in n.split()) for n in house_names()), key=len, reverse=True)
    return lazy_compile(
        rf"\b(?:{_RESIDENCE}|placed|based)\b(?:[ \t]+(?:now|still|there))?[ \t]+(?:in|at|into|to|on|from)[ \t]+the[ \t]+"
        rf"(?P<name>(?:[\p{{L}}'’\-]+[ \t]+){{0,2}}?(?:{'|'.join(names)}))(?![\p{{L}}'’\-])", _I)


def _estate_words(word: str) -> bool:
    """Whether ``word``, first of a name closed by a street's or an estate's word, names the place: no English word, no
    first name, no proper noun of the English list (a known town's or a brand's), no public term ("Seacroft",
    "Harehills"; not "Lucy", "Golden", "Royal", "Windsor")."""
    from ._names import is_public_word  # imported here: the names module imports this one

    key = fold(word)
    return (key not in english_words() and key not in folded_first_names() and key not in proper_nouns()
            and not is_public_word(word))


def _trim_generic(text: str, start: int, end: int) -> tuple[int | None, str]:
    """Drop leading generic/sentence words ("The", "Our") from a capitalised place phrase."""
    words = list(re.finditer(r"\S+", text[start:end]))
    for w in words[:-1]:
        if fold(w.group().strip("'’")) not in _GENERIC_BEFORE:
            s = start + w.start()
            return s, text[s:end]
    return None, ""


# A nursery, school, surgery ... named in apposition after its kind ("the nursery, little acorns, rang", "her school -
# beechwood - said", "the surgery (Park View) rang"): the words set off, up to four, before a verb or the end.
_KIND_SET_OFF_RE = lazy_compile(
    r"\b(?:the|her|his|their|my|our|your)[ \t]+(?:nursery|pre-?school|playgroup|creche|school|academy|college|hospital|"
    r"surgery|practice|clinic|club|hostel|refuge|children['’]s[ \t]+home|home|unit|church|mosque|gym)"
    r"[ \t]*(?:,|\(|[ \t][\-–—])[ \t]*(?P<name>[\p{L}'’\-]+(?:[ \t]+[\p{L}'’\-]+){0,3}?)(?=[ \t]*(?:,|\)|[ \t][\-–—]))", _I)


# A hospital or clinic by its initials after "the", where someone is taken, born, seen or kept ("taken to the lgi",
# "born at the QMC", "she's in the rvi now", "her mum works at the hri", "taken to A&E at the BRI", "she went up the
# jimmy's with him", "we went down the general yesterday"): two to four letters ending as an infirmary's, a
# hospital's, a centre's or a clinic's do (I, H, C), no word, public term or national body (see _institutions); "the
# lado", "the nicu", "the IRO", "the LGA", "what it wanted to achieve from the CPC" stay.
_HOSPITAL_INITIALS_RE = lazy_compile(
    r"(?:\b(?:taken|rushed|admitted|born|discharged|transferred|moved|sent|brought|went|gone|go|goes|going|is|was|are|"
    r"were|been|be|still|now|stay(?:s|ed|ing)?|kept|seen|treated|died|works?|worked|working|nurse|doctor|ambulance|"
    r"midwife|porter|consultant|surgeon|paramedic|cleaner|receptionist|sister|matron|physio|radiographer|"
    r"(?:took|take|takes|taking)[ \t]+(?:him|her|them)|ward[ \t]+\d{1,3}[a-z]?|"
    # a ward, a unit or how early a baby came said just before ("born at 28 weeks at the LGI", "taken to A&E at the BRI",
    # "admitted to the PICU at the LGI")
    r"\d{1,2}[ \t]+weeks|a&e|picu|nicu|scbu|icu|hdu|resus)|['’]s)"
    # perhaps a word of the way before ("he's up at the lgi with his chest")
    r"(?:[ \t]+(?:up|down|over|back|round))?[ \t]+(?:at|in|to|into|from|outside|near|round|up|down)[ \t]+the[ \t]+"
    r"(?P<h>[a-z]{1,3}[ich]"
    # or by the nickname of its kind, or a saint's or founder's name with the possessive ("he's at the Royal", "taken to
    # the general", "in the Jimmy's for weeks"); in lower case a given name's ("in the jimmy's", group ``given``)
    r"|uh[a-z]{1,2}|(?P<nick>royal|general|infirmary|memorial|maternity|cottage|(?-i:\p{Lu}\p{Ll}+['’]s)|(?P<given>(?-i:\p{Ll}+))['’]s))"
    r"(?![\p{L}\d&'’])"
    rf"(?={_PHRASE_END}|[ \t]+(?:and|but|in|on|at|for|with|when|after|before|then|yesterday|today|last|this|since|because|"
    r"until|till|overnight|again|now|a&e|maternity)\b)", _I)
# A hospital by its letters, whatever follows, after a ward's, a unit's or a department's word and "at", "in", "of" or
# "from" the ("the NICU at the LGI was full", "A&E at the RVI was heaving", "SCBU at the JR", "the paeds ward at the
# QMC", "the CAMHS clinic at the RMCH", "gave birth at the LGI", "had her scan at the BRI"); or, ending as an infirmary's
# or a hospital's letters do (I, H), owning its department or people ("the LGI's safeguarding team", "the RVI's
# midwives") or doing what a hospital does to a patient ("the LGI referred her", "the BRI discharged him"). Two to five
# capitals, none a public term, a word, a unit's own letters (NICU, SCBU ...) or a national body's (see _institutions).
_HOSPITAL_LETTERS_RE = lazy_compile(
    r"(?:\b(?i:a&e|picu|nicu|scbu|icu|hdu|resus|ward(?:[ \t]+\d{1,3}[a-z]?)?|unit|clinic|department|dept|maternity|"
    r"paeds|paediatrics|neonatal|outpatients|theatre|birth|scan|appointment|operation|surgery|x-ray|bloods|ed|er|"
    r"casualty|delivered|consultants?|paediatricians?|registrars?|midwi(?:fe|ves)|nurses?|doctors?|surgeons?|"
    r"radiologists?|staff|\d{1,2}[ \t]+weeks)[ \t]+(?i:at|in|of|from)[ \t]+the[ \t]+"
    r"(?P<h>\p{Lu}{2,5}|\p{Ll}{2,4})(?![\p{L}\d&'’])"
    # or where the speaker rings, chases or writes to it, its letters an infirmary's or a hospital's ("I had to chase
    # the RVI for the discharge summary", "I rang the LGI")
    r"|\b(?i:rang|ring|phoned|called|chased?|chasing|contacted|emailed|wrote[ \t]+to|(?:call|referral|letter|summary)"
    r"[ \t]+from)[ \t]+the[ \t]+(?P<c>\p{Lu}{1,4}[IH]|\p{Ll}{1,3}[ih])(?![\p{L}\d&'’])"
    r"|\b(?i:the)[ \t]+(?P<o>\p{Lu}{1,4}[IH])(?=['’]s[ \t]+(?i:safeguarding|maternity|neonatal|paediatric|paeds|a&e|"
    r"emergency|children['’]s|midwi(?:fe|ves)|named|nurses?|doctors?|consultants?|ward|staff|team)\b"
    r"|[ \t]+(?i:referred|discharged|admitted|treated|scanned|diagnosed|transferred|kept|rang|phoned|called|contacted)"
    r"[ \t]+(?i:her|him|them|the|mum|dad|baby|us|me)\b)"
    # or where a child was born, the date perhaps between ("she was born 14th February 2017 at the LGI", "the twins were
    # born on the second of June 2018 at the RVI")
    r"|\b(?i:born|delivered)\b[^.;:!?\n]{0,40}?[ \t](?i:at)[ \t]+the[ \t]+(?P<b>\p{Lu}{2,5})(?![\p{L}\d&'’]))", re.VERSION1)
# A hospital by short letters after "the" in a sentence that says a stay, an admission, a transfer or a visit, whatever
# letters end it ("she was in the QE for a month", "he was admitted to the QE overnight", "she spent a fortnight in the
# JR", "we visited him in the QE", "after his admission to the NNUH"): two to five capitals as written, kept where they
# are a service's, an order's, a body's or a nation's letters (see _hospital_letters).  A stay said by "was in" needs
# its length, its bounds or what kept her there after it ("was in the QE for a month", "until", "overnight", "with
# sepsis"), as "she was in the CP plan" or "in the UK" is no stay in a hospital.
_HOSPITAL_STAY_RE = lazy_compile(
    r"(?:(?:\b(?i:(?:re)?admitted|admissions?|transfers?|discharged|"
    # a move said of a person, not of a case or a paper ("he was taken to the QE", "Child B was transferred to the QMC",
    # "mum took her to the QE"; "the case was taken to the SMT", "it was sent to the AGM" stay)
    r"(?<=\b(?:s?he|they|we|i|you|him|her|them|mum|mam|dad|baby|child|boy|girl|son|daughter|twins?|"
    r"(?-i:(?!(?:It|This|That|These|Those|There|Which|What|Who)\b)\p{Lu}[\p{Ll}'’]*))[ \t]+"
    r"(?:(?:was|were|is|are|had|has|have|got|being|been|then|later|eventually|immediately|quickly|straight|to|need|needs|"
    r"needed)[ \t]+){0,3})"
    r"(?:transferred|taken|rushed|brought|sent|moved|seen|kept|blue[ \t\-]?(?:light(?:ed)?|lit)|"
    # a visit said by going, or a stay by ending up there ("we went to the QE to see him", "he ended up in the JR"):
    # group ``go``, judged by what follows in _institutions
    r"(?P<go>went|gone|go(?:es|ing)?|(?:ended|end(?:s|ing)?|wound)[ \t]+up))|"
    # a move said with the one moved after the verb ("they rushed him to the rvi", "mum took him up to the qe")
    r"(?:took|take|takes|taking|rushed|rush|brought|bring|drove|drive|sent|blue[ \t\-]?(?:light(?:ed)?|lit))[ \t]+"
    r"(?:him|her|them|the[ \t]+baby|baby|mum|dad)|"
    r"stay(?:s|ed|ing)?(?:[ \t]+with[ \t]+(?:him|her|them|mum|dad|baby|the[ \t]+baby))?|spent(?:[ \t]+[\p{L}\d]+){1,3}?|"
    r"spell|stint|fortnight|(?:days?|nights?|weeks?|months?)|"
    r"visit(?:s|ed|ing)?(?:[ \t]+(?:him|her|them|mum|dad|baby|the[ \t]+baby))?|seen|treated|kept|born|died|"
    r"(?:pronounced|declared|found)[ \t]+dead)"
    # a word of the way between ("we went over to the QE", "took him up to the qe", "she's been in and out of the qe")
    r"(?:[ \t]+(?i:up|down|over|back|round|along|straight))?[ \t]+(?i:at|in|to|into|from)"
    r"|\b(?i:in[ \t]+and[ \t]+out[ \t]+of))[ \t]+(?i:the)[ \t]+(?P<h>\p{Lu}{2,5}|\p{Ll}{2,4})(?![\p{L}\d&'’\-])"
    r"(?![ \t]+(?i:meeting|panel|plan|team|office|conference|review|process|hub|service|board|group|forum|course)s?\b)"
    r"|\b(?i:was|were|is|are|been|be)[ \t]+(?i:still[ \t]+|only[ \t]+)?(?i:in|at)[ \t]+(?i:the)[ \t]+"
    r"(?P<h>\p{Lu}{2,5}|\p{Ll}{2,4})(?![\p{L}\d&'’\-])(?=[ \t]+(?i:for[ \t]+(?:a|an|one|two|three|four|five|six|several|a[ \t]+few|"
    r"\d+|nearly|almost|over|about|weeks|days|months|ages)|overnight|until|till|since|with)\b))", re.VERSION1)
# What follows a hospital's letters where someone went or ended up there: the phrase's end, or a word that says why,
# with whom or when ("we went to the QE to see him", "he ended up in the JR after the overdose"); a noun there makes the
# letters its adjective ("the FE college", "the CAMHS clinic").
_GONE_THERE_RE = lazy_compile(
    rf"{_PHRASE_END}|[ \t]+(?:and|but|to|in|on|at|for|with|when|after|before|then|yesterday|today|last|this|since|"
    r"because|until|till|overnight|again|now|every|each|twice|once)\b", _I)
#: A title said before a surname ("Miss", "Mr.", "Nurse", "Cllr"): it names no one, and what follows it is a person's.
_TITLE_WORD_RE = lazy_compile(r"(?i:mr|mrs|ms|mx|miss|dr|nurse|cllr|councillor|prof|sgt|rev|revd)\.?", re.VERSION1)
_HOSPITAL_UNITS = frozenset("nicu picu scbu icu hdu mau amu cdu eau sdec ae ed er ooh".split())
# "of" and a capitalised field after an institution's name in ordinary words: a national body ("Royal College of Social
# Work"), not a place.
_OF_A_FIELD_RE = lazy_compile(r"[ \t]+of[ \t]+(?-i:\p{Lu})", re.VERSION1)
_NATIONAL_INITIALS = frozenset("bbc cbbc hmrc fbi cbi".split())
_KIND_ANCHOR = lazy_compile(
    r"\b(?:nursery|pre-?school|playgroup|creche|school|academy|college|hospital|surgery|practice|clinic|club|hostel|"
    r"refuge|home|unit|church|mosque|gym)[ \t]*(?:,|\(|[ \t][\-–—])", _I)


# A prison, secure unit or hospital known by its name alone (:func:`~impact.privacy._lexicon.named_institutions`) after
# a word of where someone is or goes ("banged up in wormwood scrubs", "serving 6 years in full sutton", "he was in Alder
# Hey"): one place, where custody or care is said in the sentence (_CUSTODY_RE) or, for a name that is not one English
# word, where someone is in it ("she's in Wormwood Scrubs"); "it was done in full", "the story of the mount", "she's
# been in send for two years" stay.
_CUSTODY_RE = lazy_compile(
    r"\b(?:banged|locked|sent|put|shipped|moved|transferred|taken|rushed|admitted|born|treated|discharged|sectioned|"
    r"serv(?:e|es|ed|ing)|doing|did|done|time|sentence[ds]?|remand(?:ed)?|prison|jail|gaol|inside|custody|offenders?|"
    r"yoi|hmp|hmyoi|lifer|parole|release[ds]?|visit(?:s|ed|ing)?|years?|months?|weeks?|stint|secure|section|ward|"
    r"hospital|operation|surgery|nicu|icu|ambulance|got|gets|getting)\b", _I)
# For a name that is one English word ("send", "ford", "the mount") only custody itself: "she's been in send for two
# years" (special educational needs) stays.
_CUSTODY_STRONG = (r"banged[ \t]+up|locked[ \t]+up|sent[ \t]+down|doing[ \t]+time|did[ \t]+time|prison|jail|gaol|custody|"
                   r"remand(?:ed)?|sentence[ds]?|offenders?|yoi|hmp|hmyoi|lifer|parole|sectioned")
_CUSTODY_STRONG_RE = lazy_compile(rf"\b(?:{_CUSTODY_STRONG})\b", _I)
# For a listed name of English words in lower case ("new hall", "low newton") custody itself or time served ("did a
# stint in low newton", "he got 4 years and went to high down"); "moved to new hall for two months" stays.
_CUSTODY_SERVED_RE = lazy_compile(
    rf"\b(?:{_CUSTODY_STRONG}|transferred|(?:got|gets|given|serving|served|doing|did|done|do)[ \t]+"
    r"(?:a|an|\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen)?[ \t]*"
    r"(?:years?|months?|weeks?|stretch|stint|sentence|bird)\b)\b", _I)
# What may follow a listed name that is one English word ("moved to send.", "in the mount for two years"); not a noun it
# qualifies ("send provision") nor a verb it is the subject of ("children in send is rising").
_NAME_ENDS_RE = lazy_compile(
    rf"{_PHRASE_END}|[ \t]+(?:for|with|and|but|in|on|at|since|until|till|when|after|before|then|now|last|this|again|because|"
    r"so|from|where|yet|prison|jail|hmp|yoi|hmyoi|nick)\b", _I)
_BE_IN_RE = lazy_compile(r"(?:\b(?:is|was|are|were|been|be|still|now)|['’](?:s|re))[ \t]+\Z", _I)
_SENTENCE_BREAK_RE = lazy_compile(r"[.!?;\n]")


_INSTITUTION_AFTER_RE = lazy_compile(
    r"\b(?:in|at|to|into|from|outside|round)[ \t]+(?:(?:hmp|hmyoi|yoi|the)[ \t]+)?(?P<n>\p{L}+)", _I)
_NEXT_WORD_RE = lazy_compile(r"[ \t]+(\p{L}+['’]?\p{L}*)", re.VERSION1)


@cache
def _institution_names() -> dict[str, list[list[str]]]:
    """The names of :func:`~impact.privacy._lexicon.named_institutions` by first word ("the mount" under "mount" too,
    for "in the mount"), each as its folded words, longest first."""
    by_first: dict[str, list[list[str]]] = {}
    for name in named_institutions():
        parts = name.split()
        if parts[0] == "the" and len(parts) > 1:
            parts = parts[1:]
        by_first.setdefault(parts[0], []).append(parts)
    return {k: sorted(v, key=len, reverse=True) for k, v in by_first.items()}


_PUNCT = ".,;:!?'’\"“”()[]…-–—"


def _named_institutions(text: str, low: str, add) -> None:
    names = _institution_names()
    if names.keys().isdisjoint(w.strip(_PUNCT) for w in low.split()):
        return
    words = english_words()
    for m in _INSTITUTION_AFTER_RE.finditer(text):
        first = fold(m.group("n"))
        if first not in names:
            continue
        for parts in names[first]:
            end, ok = m.end("n"), True
            for part in parts[1:]:
                nxt = _NEXT_WORD_RE.match(text, end)
                if nxt is None or fold(nxt.group(1)) != part:
                    ok = False
                    break
                end = nxt.end()
            if ok and not (end < len(text) and (text[end].isalnum() or text[end] in "'’-")):
                break
        else:
            continue
        lo = max((b.end() for b in _SENTENCE_BREAK_RE.finditer(text, 0, m.start())), default=0)
        hi = _SENTENCE_BREAK_RE.search(text, end)
        hi = len(text) if hi is None else hi.start()
        name = " ".join(parts)
        word = len(parts) == 1 and name in words
        # a name of English words in lower case ("new hall", "spring hill"), after an article it does not have ("met in
        # the new hall for six weeks"), is those words; without one, custody or time served places it
        plain = len(parts) > 1 and all(p in words for p in parts) and not any(c.isupper() for c in text[m.start("n") : end])
        if plain and parts[0] != "the" and fold(text[m.start() : m.start("n")]).split()[-1] == "the":
            continue
        if word and not _NAME_ENDS_RE.match(text, end):
            continue  # "young offenders in send provision", "on remand in send units": the word before a noun
        said_in = _BE_IN_RE.search(text, lo, m.start()) is not None and not word and not plain
        custody = _CUSTODY_STRONG_RE if word else _CUSTODY_SERVED_RE if plain else _CUSTODY_RE
        if said_in or custody.search(text, lo, m.start()) or custody.search(text, end, hi):
            add(Span(m.start("n"), end, "place"))


# A prison, secure unit or hospital no list knows, after custody said of someone ("he's on remand at longmoor", "she was
# sectioned to fairhaven", "he's in hmp zorbly"): one place, its name a word English does not have ("on remand at the
# moment", "sectioned to hospital", "locked up in his room" stay) and a second word of a place's or none English has
# ("brackwell yoi" is the prison's name and its kind).
_CUSTODY_AT_RE = lazy_compile(
    r"\b(?:(?:on[ \t]+remand|remanded|sectioned|detained|banged[ \t]+up|locked[ \t]+up|sent[ \t]+down)[ \t]+(?:at|in|to|into)"
    r"|hmp|hmyoi|yoi)[ \t]+(?P<n>\p{L}+)(?:[ \t]+(?P<m>\p{L}+))?(?![\p{L}\d'’\-])", _I)
_CUSTODY_WORDS = ("remand", "section", "detain", "banged", "locked", "sent down", "hmp", "yoi")
_INSTITUTION_KINDS = frozenset("yoi hmp prison jail hospital unit stc sch".split())


def _unlisted_custody(text: str, low: str, words: frozenset[str], add) -> None:
    from ._names import _LAND_WORDS, _NOT_NAMES

    for m in _CUSTODY_AT_RE.finditer(text) if any(k in low for k in _CUSTODY_WORDS) else ():
        first = fold(m.group("n"))
        if first in words or first in _NOT_NAMES or len(first) < 3 or first in _INSTITUTION_KINDS:
            continue
        end = m.end("n")
        if m.group("m") is not None:
            second = fold(m.group("m"))
            if second in _INSTITUTION_KINDS:
                end = m.end("m")
            elif second in _LAND_WORDS or (second not in words and second not in _NOT_NAMES):
                end = m.end("m")
        add(Span(m.start("n"), end, "place"))


# A school by the nickname of its kind, capitalised, where a child is or goes ("he's at the Grammar now", "she's at the
# Girls' High", "he left the Comp"): the town's one such school; "at the high school", "the High Court" stay.
_SCHOOL_NICK_RE = lazy_compile(
    r"\b(?:at|to|from|attends?|attended|left|leaves|joined|joins)[ \t]+the[ \t]+"
    r"(?P<s>(?-i:(?:(?:Boys|Girls)['’]?[ \t]+)?(?:Grammar|High|Comp|Tech|Academy|Convent)))(?![\p{L}\d&'’])"
    rf"(?={_PHRASE_END}|[ \t]+(?:and|but|in|on|at|for|with|when|after|before|then|now|since|because|until|till|again)\b)", _I)
_SCHOOL_NICKS = ("Grammar", "High", "Comp", "Tech", "Academy", "Convent")
# A sports team a child plays for, by a name ending in a club's word or before an age group ("he plays for Moss Side
# Tigers under 12s", "she plays for the hyde lions", "he plays for Hyde United"): the team places the child; "he plays
# for the school team", "she plays for fun", "he played for time" stay.
_TEAM_TAILS = (r"fc|afc|jfc|united|utd|city|town|rovers|wanderers|athletic|albion|rangers|celtic|juniors|colts|harriers|"
               r"ladies|girls|youth|academy|"
               r"villa|county|tigers|lions|eagles|hawks|wolves|bears|sharks|falcons|panthers|dragons|warriors|raiders|"
               r"titans|stars|jets|cobras|vipers|bulls|rhinos|saints|spartans|trojans|vikings|knights|phoenix|hornets")
# ... or a club a child supports, follows, watches, is a fan of or wears a number for ("he supports hyde united", "she's
# number 10 for zorbly rangers"), or wears the shirt of or is a fan of ("a massive marple rovers fan"): "supports her mum",
# "follows the rules" stay (no club's word).
# Words no team's name holds: articles, possessives, prepositions, conjunctions and pronouns ("he plays with friends in
# town", "we support families in town" stay).
_NOT_TEAM_WORDS = (r"(?:the|a|an|his|her|their|our|my|your|school|local|under|in|at|on|of|to|for|with|from|into|across|"
                   r"around|round|near|by|and|or|but|it|them|him|me|us|you|who|that|this|which|up|out|over|all|some)")
# A team's name may join two words with "on", "upon" or "and" ("Brackwell on Sea Rovers", "Smith and Jones Under-11s"):
# where both are capitalised, or in lower case after a word English does not have ("brackwell on sea rovers"); see
# _team_joined.
_TEAM_WORD = rf"(?!{_NOT_TEAM_WORDS}\b)[\p{{L}}'’\-]+[ \t]+"
_TEAM_NAME = rf"{_TEAM_WORD}(?:(?P<j>on|upon|and|&)[ \t]+)?(?:{_TEAM_WORD}){{0,2}}?"
# The game played between a verb of playing and "for" ("she plays netball for the llandaff ladies"): one word, no
# function word ("plays up for", "played it for").
_GAME_PLAYED = r"(?:[ \t]+(?!(?:a|an|the|it|up|out|him|her|them|me|us|on|off|away|well|badly|hard|more|less)\b)\p{L}{4,})?"
_TEAM_RE = lazy_compile(
    r"\b(?:(?:play|plays|played|playing)" + _GAME_PLAYED + r"[ \t]+(?:for|with)"
    r"|(?:play|plays|played|playing|signed|signs|trains|trained|training|turns[ \t]+out|turned[ \t]+out)[ \t]+(?:for|with)"
    r"|support(?:s|ed|ing)?|follow(?:s|ed|ing)?|watch(?:es|ed|ing)?|(?:fan|supporter)[ \t]+of|season[ \t]+ticket[ \t]+(?:at|for|with)"
    r"|(?:number|no\.?)[ \t]+(?:is[ \t]+)?\d{1,2}[ \t]+(?:for|at)|captain[ \t]+of|(?:goalie|keeper|striker|captain)[ \t]+(?:for|at)"
    r"|in[ \t]+goal[ \t]+for)"
    rf"[ \t]+(?:the[ \t]+)?(?P<t>{_TEAM_NAME}(?:{_TEAM_TAILS})(?![\p{{L}}\-])|{_TEAM_NAME}"
    r"(?=(?:under|u)[ \t\-]?\d{1,2}['’]?s\b))", _I)
_TEAM_VERBS = ("play", "sign", "train", "turn", "support", "follow", "watch", "fan", "ticket", "number", "no", "captain",
               "goalie", "keeper", "striker", "goal")
_TEAM_ANCHOR = lazy_compile(
    r"\b(?:play|plays|played|playing|signed|signs|trains|trained|training|turns|turned|support(?:s|ed|ing)?|follow(?:s|ed|ing)?|"
    r"watch(?:es|ed|ing)?|fan|supporter|ticket|number|no|captain|goalie|keeper|striker|goal)\b", _I)
_TEAM_WORN_RE = lazy_compile(
    r"\b(?:a|an|his|her|their|my|our|big|massive|huge|mad|proper|die-hard|lifelong)[ \t]+"
    rf"(?P<t>(?:(?!(?:{_NOT_TEAM_WORDS}|new|old|big|massive|huge|mad|proper)\b)[\p{{L}}'’\-]+[ \t]+){{1,3}}?"
    rf"(?:{_TEAM_TAILS}))[ \t]+(?:fans?|supporters?|shirt|kit|top|strip|scarf|season[ \t]+ticket)\b", _I)
# A team named by its place alone, a word English does not have ("she plays for zorbly on saturdays", "he played for
# brackwell until he was 12"): "plays for fun", "played for time", "plays for England" stay.
_TEAM_PLACE_RE = lazy_compile(
    r"\b(?:play|plays|played|playing|signed|signs|signed[ \t]+up)[ \t]+(?:for|with)[ \t]+(?P<t>\p{L}+)"
    rf"(?={_PHRASE_END}|[ \t]+(?:on|at|in|every|each|now|since|until|till|and|but|when|this|last|under|u\d|as|because)\b)", _I)
_NATIONS = frozenset("england scotland wales ireland britain gb uk europe".split())
# A national youth organisation ("he goes to scouts in marple", "she goes to brownies every week"): no setting of its own.
_YOUTH_ORGS = frozenset("scouts guides brownies cubs explorers cadets squirrels".split())
# A numbered youth group ("at the 3rd hyde pack", "in 1st marple scouts", "the 12th Brackwell Cubs"): the number and the
# place are one place (the number picks out one group of a town); the organisation's word stays.
_YOUTH_WORDS = r"scouts?|cubs?|beavers?|brownies?|guides?|rainbows?|explorers?|squirrels?|brigade"
_NUMBERED_GROUP_RE = lazy_compile(
    r"\b(?P<g>(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
    r"(?:[ \t]+(?!(?:the|a|an|of|in|at|year|class|team|floor|form|time|child|one|place|scout|cub|beaver|brownie|guide|"
    r"rainbow|explorer|sea|air|army|boys?|girls?)\b)[\p{L}'’\-]+){1,3}?)"
    rf"[ \t]+(?:(?P<org>{_YOUTH_WORDS})|(?:pack|troop|colony|unit|company|group))(?![\p{{L}}\-])", _I)
_YOUTH_ANCHOR = lazy_compile(rf"\b(?:{_YOUTH_WORDS}|brownie|cub|scout|guide|beaver)\b", _I)
# A cadet unit by its number ("she's in the Air Cadets, 1234 Squadron in Kelbury", "2201 sqn", "he's at 57 detachment"):
# the number picks out one unit of a town, as a numbered group's does; the unit's word stays.  Read only where cadets are
# named, and only as the unit's name ("617 Squadron flew the raid", "2019 squadron numbers" at cadets stay).
_NUMBERED_UNIT_RE = lazy_compile(
    r"(?<![\w.,£$])(?P<g>\d{2,4})[ \t]+(?:squadron|sqn|detachment|det|troop)(?![\p{L}\-])"
    rf"(?={_PHRASE_END}|[ \t]+(?:in|at|of|on|and|near|every|each|since|for|is|was|meets?|met|atc|acf|rafac|\()(?![\p{{L}}]))", _I)
_CADET_ANCHOR = lazy_compile(r"\b(?:cadets?|atc|acf|rafac|ccf|air[ \t]+training[ \t]+corps)\b", _I)


def _team_joined(text: str, m: re.Match, words: frozenset[str]) -> bool:
    """Whether the words a team's name joins with "on" or "and" (``m``'s group ``j``) are one name: both capitalised
    ("Smith and Jones Under-11s"), or in lower case the first a word English does not have ("brackwell on sea rovers";
    not "friends and family united")."""
    before = text[m.start("t") : m.start("j")].split()[-1]
    after = text[m.end("j") :].split()[0]
    if before[:1].isupper() and after[:1].isupper():
        return True
    return before.islower() and fold(before) not in words


def _body_of_a_field(text: str, start: int, end: int, words: frozenset[str]) -> bool:
    """Whether an institution's name found at ``start:end``, all ordinary words, goes on with "of" and a capitalised
    field: a national body ("the Royal College of Nursing", "the National Academy of Sciences"), not a place."""
    name_words = [fold(w.strip("'’")) for w in text[start:end].split()[:-1]]
    return bool(name_words) and all(w in words for w in name_words) and _OF_A_FIELD_RE.match(text, end) is not None


# The words that make a practice a surgery's or a clinic's premises ("Woodley Medical Practice", "the Park Lane
# Practice"), beside the streets' words.
_PREMISES_PRACTICE_WORDS = frozenset(
    "medical dental health healthcare family group general doctors gp surgery veterinary vets optical physiotherapy "
    "village community town city country valley riverside".split())


# A capitalised word or a figure right before "St": a street's name and "St" for "Street" ("12 High St Leeds"), or a
# first name and a surname ("Ian St John"), no town.
_WORD_BEFORE_SAINT_RE = lazy_compile(r"(?:(?<![\p{L}'’])\p{Lu}\p{Ll}*|\d)[ \t]+\Z", re.VERSION1)


def _saint_town(text: str, m: re.Match, words: frozenset[str]) -> bool:
    """Whether "St" capitalised and a capitalised word after it, with no possessive, is a town named for a saint: a
    word no first name nor English word ("St Ives", "St Austell"), or a first name with the plural's "s" ("St Albans",
    "St Neots"), after no capitalised word nor figure ("12 High St Leeds", "Ian St John") and with "St" capitalised as
    a town's is ("st ives" in lower case is left to the words around it)."""
    saint, ending = m.group("saint"), m.group("s") or ""
    if (not text[m.start("place")] == "S" or not saint[0].isupper() or ending[:1] in ("'", "’")
            or (ending == "" and saint.isupper())):
        return False
    if _WORD_BEFORE_SAINT_RE.search(text, max(0, m.start("place") - 30), m.start("place")) is not None:
        return False
    key = fold(saint + ending)
    firsts = folded_first_names()
    return (key not in firsts and key not in words) or (key.endswith("s") and key[:-1] in firsts)


def _practice_model(word: str, words: frozenset[str]) -> bool:
    """Whether a capitalised ordinary word (folded) right before "Practice" names a way of working, a practice model
    ("Relational Practice", "Restorative Practice", "Systemic Practice"): an English word, hyphened parts too
    ("Trauma-Informed"), that is no premises' or street's word ("Medical Practice", "Park Lane Practice")."""
    parts = word.split("-")
    return (all(p in words for p in parts) and word not in _PREMISES_PRACTICE_WORDS
            and re.fullmatch(_STREET_TYPES, parts[-1], _I) is None)


def _practice_owner(text: str, start: int, name_words: list[str], words: frozenset[str]) -> int | None:
    """Where the words before a practice model's name end ("Woodley" of "Woodley Trauma-Informed Practice"), when they
    are a place's: one or two capitalised words, the first no English word, first name nor title, that no list knows
    (a council is found alone, "Leeds Relational Practice"; "Jane Okafor Relational Practice" is a person's)."""
    model = len(name_words)
    while model > 0 and _practice_model(name_words[model - 1], words):
        model -= 1
    owner = name_words[:model]
    if not 1 <= len(owner) <= 2:
        return None
    from ._names import _TITLES

    firsts = folded_first_names()
    first = owner[0]
    if first in words or first in firsts or first in _TITLES or first in public_terms() or any(
            w in firsts for w in owner[1:]):
        return None
    spans = list(re.finditer(r"\S+", text[start:]))
    return start + spans[model - 1].end()


# The words of a centre's name that say whom it serves, not where it is ("the Roma community centre", "the Irish
# Community Centre"): with a people's or a faith's word, the name holds no place.
_SERVED_WORDS = frozenset("community communities cultural culture heritage welfare association women's womens youth".split())


def _named_for_a_people(name: str) -> bool:
    """Whether a premises' name before its kind (``name``) is a people's or a faith's words and words for whom it
    serves alone, each capitalised people's word one :func:`~impact.privacy._lexicon.communities` holds ("Roma
    community", "Irish Community", "Somali"): a centre named for the people it serves, in any town."""
    parts = [fold(w.strip("'’")) for w in name.split()]
    return bool(parts) and any(p in communities() for p in parts) and all(
        p in communities() or p in _SERVED_WORDS or p in ("and", "&") for p in parts)


def _in_its_cell(pattern: re.Pattern, text: str, m: re.Match) -> re.Match | None:
    """``m``, a setting's name, read again in its kind's own cell where a tab parts a table's cells within it: the words
    of the cells before are no part of the name ("Name\tDOB\tSchool" is a heading row, "Kai\tOakwood Primary School"
    a child's row); None where the kind's cell holds no name before it."""
    cell = text.rfind("\t", m.start(), m.end())
    return m if cell < 0 else pattern.match(text, cell + 1)


# A local firm named by what it trades in, after the work one does for it: capitalised words closed by a trade's noun
# ("works at Ace Taxis", "a driver for Quick Fix Plumbing", "employed by Blue Sky Cleaning"); a firm of ordinary words
# is a place the worker can be found at, as "Okafor Motors" is.  A national employer's name the lexicon ships as a
# public name is kept where the redactor keeps those.
_TRADE_NOUNS = (r"Taxis?|Cabs?|Cars|Motors|Garage|Autos?|Cleaning|Cleaners|Plumbing|Heating|Builders|Building|Roofing|"
                r"Joinery|Scaffolding|Removals|Carpets|Flooring|Logistics|Haulage|Transport|Couriers|Deliveries|Plastering|"
                r"Electrical|Electrics|Landscaping|Kitchens|Windows|Glazing|Decorating|Construction|Catering|Takeaway|"
                r"Kebabs|Pizza|Fisheries|Chippy|Bakery|Butchers|Florists|Barbers|Salon|Nails|Tyres|Recovery|Security|"
                r"Lettings|Storage|Packaging|Textiles")
_EMPLOYER_BY_TRADE_RE = lazy_compile(
    r"\b(?:works?|worked|working|job|jobs|employed|employment|shifts?|drives?|driver|cleaner|manager|mechanic|"
    r"labourer|apprentice|apprenticeship|placement|owns?|owned|runs?|ran)\b[^.\n]{0,24}?\b(?:at|for|by|with)[ \t]+"
    rf"(?P<f>(?-i:\p{{Lu}}[\p{{L}}'’&\-]*)(?:[ \t]+(?-i:\p{{Lu}}[\p{{L}}'’&\-]*|&)){{0,2}}[ \t]+(?-i:{_TRADE_NOUNS}))"
    r"(?![\p{L}\-])", _I)


_EMPLOYER_ANCHOR = lazy_compile(rf"(?-i:{_TRADE_NOUNS})\b", re.VERSION1)


def _employers_by_trade(text: str, add) -> None:
    """Local firms named by their trade after the work done for them (:data:`_EMPLOYER_BY_TRADE_RE`)."""
    for m in _EMPLOYER_BY_TRADE_RE.finditer(text):
        owners = [fold(w) for w in m.group("f").split()[:-1]]
        if any(w in public_terms() or w in _NATIONS for w in owners):
            continue  # "works for West Yorkshire Transport", "the Council Housing Repairs": a public body's service
        add(Span(m.start("f"), m.end("f"), "place"))


# A school by its name, capitalised, after a child's school year and "at" ("she's in reception at Brambles", "he's in
# year two at Willows", "the only Year 6 girl at Oakfield"): the school, whatever its words, as a year is a school's;
# a time or a season there is no school ("in year 6 at Christmas", "in Year 10 at Easter").
_YEAR_AT_SCHOOL_RE = lazy_compile(
    r"\b(?i:(?:y|yr|year)[ \t]*(?:1[0-3]|[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen)"
    r"(?:[ \t]+(?:girl|boy|child|pupil|kid|class)s?)?|reception|nursery)[ \t]+(?i:at)[ \t]+"
    r"(?P<s>\p{Lu}[\p{L}'’\-]*(?:[ \t]+\p{Lu}[\p{L}'’\-]*){0,3})", re.VERSION1)
_SCHOOL_TIMES = frozenset("""christmas easter whitsun halloween summer autumn winter spring term half midsummer
    january february march april may june july august september october november december""".split())


def _word_shaped(letters: str) -> bool:
    """Whether four lower-case ``letters`` with two vowels or more read as a word no list holds ("the nana"), not a
    hospital's letters ("the nnuh", "the rmch")."""
    return len(letters) == 4 and sum(c in "aeiou" for c in letters.lower()) >= 2


def _hospital_letters(letters: str, words: frozenset[str], not_names: frozenset[str]) -> bool:
    """Whether ``letters`` after "the" may be a hospital's: no English word, word of speech clipped short ("the uni"),
    public term, national body's, hospital unit's (NICU, SCBU ...), role's, nor service's, order's or nation's letters
    (:func:`service_letters`: "the SARC", "the PPU", "the UAE")."""
    key = fold(letters)
    return not (key in words or key in spoken_words() or key in public_terms() or key in not_names
                or key in _NATIONAL_INITIALS or key in _HOSPITAL_UNITS or letters.upper() in role_initials()
                or letters.upper() in service_letters())


def _institutions(text: str, add) -> None:
    from ._names import _NOT_NAMES, _NOT_SUBJECTS, _SET_OFF_AFTER_RE, KINSHIP_ROLE_WORDS

    words = english_words()
    for m in _near(_KIND_SET_OFF_RE, _KIND_ANCHOR, text, 30, 60):
        named = [fold(w) for w in m.group("name").split()]
        if _SET_OFF_AFTER_RE.match(text, m.end("name")) and not any(
                w in _NOT_NAMES or w in _NOT_SUBJECTS or w in KINSHIP_ROLE_WORDS or (w.endswith("ly") and w in words)
                for w in named):
            add(Span(m.start("name"), m.end("name"), "place"))
    for m in _HOSPITAL_INITIALS_RE.finditer(text) if " the " in text.lower() else ():
        key = fold(m.group("h"))
        if m.group("given") is not None:
            if fold(m.group("given")) in folded_first_names():
                add(Span(m.start("h"), m.end("h"), "place"))
        elif m.group("nick") is not None or (_hospital_letters(m.group("h"), words, _NOT_NAMES)
                                             and not _word_shaped(key)):
            add(Span(m.start("h"), m.end("h"), "place"))
    for m in _HOSPITAL_LETTERS_RE.finditer(text) if "the " in text.lower() else ():
        group = next(g for g in ("h", "o", "c", "b") if m.group(g) is not None)
        letters = m.group(group)
        if _hospital_letters(letters, words, _NOT_NAMES) and not (letters.islower() and _word_shaped(letters)):
            add(Span(m.start(group), m.end(group), "place"))  # "in a&e at the qe"; "at the nana" stays
    for m in _HOSPITAL_STAY_RE.finditer(text) if "the " in text.lower() else ():
        go = m.group("go")
        if go is not None and not _GONE_THERE_RE.match(text, m.end("h")):
            continue  # "we went to the MOT centre", "she went to the FE college": no visit to a hospital said
        if _hospital_letters(m.group("h"), words, _NOT_NAMES) and not (m.group("h").islower() and _word_shaped(m.group("h"))):
            add(Span(m.start("h"), m.end("h"), "place"))  # "she was in the QE for a month"
    for m in _YEAR_AT_SCHOOL_RE.finditer(text) if " at " in text else ():
        if not any(fold(w) in public_terms() or fold(w) in _SCHOOL_TIMES for w in m.group("s").split()):
            add(Span(m.start("s"), m.end("s"), "place"))  # "she's in reception at Brambles"
    low = text.lower()
    _named_institutions(text, low, add)
    _employers_by_trade(text, add) if _EMPLOYER_ANCHOR.search(text) else None
    _unlisted_custody(text, low, words, add)
    for m in _SCHOOL_NICK_RE.finditer(text) if any(k in text for k in _SCHOOL_NICKS) else ():
        add(Span(m.start("s"), m.end("s"), "place"))
    if any(k in low for k in _TEAM_VERBS) and _TEAM_ANCHOR.search(text):
        for m in _TEAM_RE.finditer(text):
            if m.group("j") is not None and not _team_joined(text, m, words):
                continue
            if fold(m.group("t").split()[0]) in _NATIONS:
                continue  # a national side ("she plays for england ladies", "he plays for wales under 16s")
            add(Span(m.start("t"), m.start("t") + len(m.group("t").rstrip()), "place"))
        for m in _TEAM_PLACE_RE.finditer(text):
            key = fold(m.group("t"))
            if not (key in words or key in _NATIONS or key in public_terms() or len(key) < 3):
                add(Span(m.start("t"), m.end("t"), "place"))
    for m in _TEAM_WORN_RE.finditer(text) if any(k in low for k in ("fan", "support", "shirt", "kit", "top", "strip", "scarf", "ticket")) else ():
        add(Span(m.start("t"), m.end("t"), "place"))
    if _YOUTH_ANCHOR.search(text):
        for m in _NUMBERED_GROUP_RE.finditer(text):
            if m.group("org") is not None or _YOUTH_ANCHOR.search(text, 0, m.start()):
                add(Span(m.start("g"), m.end("g"), "place"))
    for m in _NUMBERED_UNIT_RE.finditer(text) if _CADET_ANCHOR.search(text) else ():
        add(Span(m.start("g"), m.end("g"), "place"))
    for m in _WARD_RE.finditer(text) if "ward" in low else ():
        add(Span(m.start("w"), m.end("w"), "place"))
    for m in _BED_WARD_RE.finditer(text) if "bed" in low or "bay" in low or "room" in low else ():
        if len({k.lower() for k in m.captures("k")}) > 1:
            add(Span(m.start(), m.end(), "place"))
    for m in _BED_ON_A_WARD_RE.finditer(text) if "ward" in low and ("bed" in low or "bay" in low) else ():
        add(Span(m.start("n"), m.end("n"), "place"))
    for m in _WARD_AT_THE_RE.finditer(text) if "ward" in low and " the " in low else ():
        if not any(fold(w) in _NOT_HOSPITAL_NAMES or fold(w) in _NOT_STREET_WORDS for w in m.group("name").split()):
            add(Span(m.start("name"), m.end("name"), "place"))
    for m in _near(_INSTITUTION_RE, _INSTITUTION_ANCHOR, text):
        if (m := _in_its_cell(_INSTITUTION_RE, text, m)) is None:
            continue
        start, value = _trim_generic(text, m.start(), m.end())
        if start is None or fold(value) in _PUBLIC_INSTITUTIONS:
            continue
        kind_word = value.split()[-1]
        name_words = [fold(w.strip("'’")).removesuffix("'s").removesuffix("’s") for w in text[start : m.end("name")].split()]
        if kind_word in _WEAK_INSTITUTIONS and all(w in words for w in name_words):
            continue  # "Effective Practice", "Open Door Centre": ordinary words before a common noun
        if kind_word == "Practice" and _practice_model(name_words[-1], words):
            # "Leeds Relational Practice": a way of working a council names, no surgery; the words before the model's
            # are the place naming it when no list knows them ("Woodley Trauma-Informed Practice")
            if (owner := _practice_owner(text, start, name_words, words)) is not None:
                add(Span(start, owner, "place"))
            continue
        if _body_of_a_field(text, start, m.end(), words) or _named_for_a_people(text[start : m.end("name")]):
            continue
        add(Span(start, m.end(), "place"))
    for m in _near(_INSTITUTION_LOWER_RE, _INSTITUTION_LOWER_ANCHOR, text):
        if (m := _in_its_cell(_INSTITUTION_LOWER_RE, text, m)) is None:
            continue
        start = _proper_tail(m.group("name"), m.start("name"), words, kinds=_PREMISES_KINDS)
        if start is None and text[m.end("name") : m.end()].split()[-1] not in _WEAK_INSTITUTIONS:
            start = _capitalised_name(text, m.group("name"), m.start("name"))  # "Effective Practice" is judged above
        if start is not None and (_body_of_a_field(text, start, m.end(), words)
                                  or _named_for_a_people(text[start : m.end("name")])):
            continue
        if start is not None:
            add(Span(start, m.end(), "place"))
    for m in _near(_SCHOOL_KIND_RE, _SCHOOL_KIND_ANCHOR, text, 80, 10):
        start = _proper_tail(m.group("name"), m.start("name"), words, kinds=_SCHOOL_KINDS)
        if start is not None and _SCHOOL_GOING_RE.search(text, max(0, start - 12), start):
            add(Span(start, m.end(), "place"))
    for m in _settings_named(text):
        if _ASKED_TO_BEFORE_RE.search(text, max(0, m.start() - 40), m.start()) and m.group().lower().startswith("to"):
            continue  # "we asked the school to play music": what one is asked to do, no setting gone to
        parts = fold(m.group("name")).replace("-", " ").split()
        if _family_home(text, m.group("name"), m.end("name")):
            continue  # "to the Okafors' house": a family's home by its plural possessive, no setting's name
        if _setting_words_ok(parts, words, anchored=m.group("kind") is not None):
            add(Span(m.start("name"), m.end("name"), "place"))
    for m in _settings_alone(text):
        if not _family_home(text, m.group("name"), m.end("name")):
            add(Span(m.start("name"), m.end("name"), "place"))
    for m in _KEPT_PREMISES_RE.finditer(text) if " the " in text.lower() else ():
        parts = fold(m.group("name")).split()
        if parts[-1] not in _NOT_PREMISES_TAILS and _setting_words_ok(parts, words, anchored=True):
            add(Span(m.start("name"), m.end("name"), "place"))
    for m in _SAINT_RE.finditer(text) if "st" in text.lower() or "saint" in text.lower() else ():
        saint = fold(m.group("saint"))
        possessive = (m.group("s") or "s")[0] in "'’"
        if (m.group("of") is not None or text[m.start()] in "Ss" and m.start() == m.start("place")) and not (
                possessive and (m.group("of") is not None or m.group("saint")[0].isupper())):
            if not _saint_town(text, m, words):
                continue  # after "of", or capitalised alone, only with the possessive ("St Mary's"; not "the gospel of st john")
            add(Span(m.start("place"), m.end("place"), "place"))  # "St Ives", "St Albans": a town named for a saint
            continue
        if saint in folded_first_names() or saint.removesuffix("s") in folded_first_names() or possessive:
            add(Span(m.start("place"), m.end("place"), "place"))
    for m in _near(_ESTATE_RE, _ESTATE_ANCHOR, text):
        # "the Gipton estate" -> "the [place] estate": the name, not the word "estate"
        name = m.group("name").rstrip()
        if _TITLE_WORD_RE.fullmatch(name.split()[-1]):
            continue  # "Miss Ward refused", "Mr Side": a title before a surname, no estate or ward
        start = _proper_tail(name, m.start("name"), words, capitalised=True)
        if start is not None and fold(text[start : m.start("name") + len(name)]) not in _PUBLIC_INSTITUTIONS:
            add(Span(start, m.start("name") + len(name), "place"))


# A child or a worker said to be the only one of a kind in a community ("the only girl in the school with a prosthetic
# leg", "the only traveller family on the estate", "the only boy in year 6 who uses a wheelchair", "the only male nurse
# on the ward"): the words before the person and what is said of the person after the community single the child out
# ("the only one who listened", "the only girl in the school" stay); and so does a superlative or "first" or "last"
# before the person, with the community ("the tallest girl in the school", "the youngest foster carer in the county",
# "the first traveller child at the school"; not "the best social worker in the team", "the youngest child in the
# family").
_ONLY_WHO = (r"(?:girl|boy|child|kid|pupil|student|family|lad|lass|one|person|man|woman|baby|teenager|teen|household|"
             r"young[ \t]+person|foster[ \t]+carer|carer|mum|dad|parent|nurse|teacher|worker|doctor|officer|councillor|"
             r"manager|midwife|headteacher|user|wearer|speaker)s?")
_ONLY_WHERE = (r"[ \t]+(?P<where>(?:in|at|on|from|of|round|around)[ \t]+(?:the|her|his|their|our|my|that|this)?[ \t]*"
               r"[\p{L}\d'’\-]+(?:[ \t]+\d{1,2}|[ \t]+(?:estate|street|road|village|school|class|year|area|team|ward|block))?)")
_ONLY_ATTR = (r"[ \t]+(?:with[ \t]+|in[ \t]+an?[ \t]+|who(?:['’]s|[ \t]+(?:has|had|uses|used|wears|wore|is|was|"
              r"can(?:['’]t|not)))[ \t]+)")
_ONLY_ONE_RE = lazy_compile(
    rf"\bthe[ \t]+(?:only|(?P<sup>\p{{L}}{{3,}}est|first|last))[ \t]+(?P<mod>(?:[\p{{L}}'’\-]+[ \t]+){{0,3}}?){_ONLY_WHO}"
    # the community, then what is said of the child ("the only girl in the school with a prosthetic leg")
    rf"(?:{_ONLY_WHERE}(?P<attr>{_ONLY_ATTR}[^.,;:!?\n]+)?"
    # or the other way round ("the only one with a turban in year 8")
    rf"|(?P<attr>{_ONLY_ATTR}[^.,;:!?\n]+?)(?={_ONLY_WHERE}))", _I)
# A health condition or disability said of one person in a community, without "only" ("the boy with cystic fibrosis at
# the school", "that kid with epilepsy in her class", "she's the one with muscular dystrophy in year 9"): the condition
# singles the child out; "children with autism need routine", "the boy with the ball" (no condition), "a child with
# asthma" (no community) stay.  The condition is one of :func:`~impact.privacy._lexicon.conditions`, or ends in a
# condition's head word or ending (_CONDITION_TAIL_RE).
_WITH_CONDITION_RE = lazy_compile(
    rf"\b(?:the|that|this)[ \t]+(?:(?:little|young|older|younger|other|new|poor)[ \t]+)?"
    rf"(?:{_ONLY_WHO}|twins|brothers|sisters|siblings)[ \t]+with[ \t]+"
    rf"(?P<c>[\p{{L}}\d'’\-]+(?:[ \t]+[\p{{L}}\d'’\-]+){{0,3}}?)(?={_ONLY_WHERE})", _I)
_CONDITION_TAIL_RE = lazy_compile(
    r"(?:syndrome|disease|disorder|palsy|condition|cancer|tumour|tumor|defect|dystrophy|anaemia|anemia|"
    r"\p{L}{3,}(?:osis|itis|aemia|emia|plegia|trophy|philia|pathy))", _I)
_WITH_ANCHOR = lazy_compile(r"\bwith\b", _I)
# A birth of three or more, or twins joined: rare enough to single a child out ("one of the quads", "the triplets in
# year 3").
_RARE_BIRTH_RE = lazy_compile(r"\b(?:triplets?|quads|quins|quadruplets?|quintuplets?|sextuplets?|conjoined[ \t]+twins?)\b", _I)
_ONLY_ANCHOR = lazy_compile(r"\b(?:only|first|last|\p{L}{3,}est)\b", _I)
# A job of which a small place has one ("the only pharmacist in the village", "the one vet on the island", "the
# island's only midwife", and a town's, "the only rabbi in town"): the job singles the worker out; a team's or a
# meeting's ("the only social worker in the team") says nothing.
_SMALL_PLACES = (r"(?:village|hamlet|island|isle|estate|street|road|close|lane|cul[ \t\-]de[ \t\-]sac|parish|valley|dale|glen|"
                 r"town)")
_PLACE_ONLY_JOB_RE = lazy_compile(
    rf"\bthe[ \t]+(?:only|one|sole)[ \t]+(?P<job>(?:[\p{{L}}\-]+[ \t]+)?[\p{{L}}\-]+)[ \t]+(?:in|on|of)[ \t]+"
    rf"(?:(?:the|our|their|this|that|her|his)[ \t]+{_SMALL_PLACES}|town)\b"
    rf"|\b(?:the|our|their|this|that)[ \t]+{_SMALL_PLACES}['’]s[ \t]+(?:only|one|sole)[ \t]+"
    rf"(?P<job>[\p{{L}}\-]+(?:[ \t]+[\p{{L}}\-]+)?)"
    # the place's own ("the mayor of the town", "the vicar of the village"); a parish is a cleric's own by office, so "the
    # vicar of the parish" is only "the vicar" (kept)
    rf"|\bthe[ \t]+(?P<job>[\p{{L}}\-]+)[ \t]+of[ \t]+(?:the|our|their|this|that)[ \t]+(?P<own>{_SMALL_PLACES})\b", _I)
_CLERICS = frozenset("vicar priest pastor minister curate rector imam rabbi".split())
_JOBS = frozenset("""teacher headteacher head headmaster headmistress nurse gp doctor midwife vet vicar priest imam rabbi
    pastor minister curate policeman policewoman pcso bobby copper constable officer pharmacist chemist dentist optician
    shopkeeper postman postwoman postie publican landlord landlady hairdresser barber mechanic plumber electrician
    builder farmer butcher baker grocer newsagent librarian solicitor lawyer councillor cllr worker carer childminder
    nanny babysitter driver cabbie caretaker cleaner warden ranger coastguard paramedic firefighter fireman gamekeeper
    undertaker registrar interpreter therapist counsellor psychologist paediatrician visitor mayor mp""".split())
# Words before a job that are part of its name, not what singles the worker out ("the only social worker in the team").
_JOB_QUALIFIERS = frozenset("""little other new real social support key family youth care health school team case link
    deputy assistant senior head duty lead specialist community mental learning""".split())
# Words in -est that single no one out: praise or blame, nearness, and words that are no superlative ("the best social
# worker in the team", "the honest man in the village"); and a community that is a family or a number of children ("the
# youngest child in the family", "the oldest one of the three").
_NOT_SINGLING = frozenset("""best worst nicest greatest finest loveliest kindest sweetest brightest latest nearest highest
    lowest closest hardest easiest strongest weakest honest modest forest earnest interest request protest harvest arrest
    contest suggest manifest conquest priest west east southwest northwest""".split())
_NOT_COMMUNITIES = frozenset("""family families house household home siblings brothers sisters kids children twins
    triplets lot bunch litter pair two three four five six seven eight nine ten""".split())

# A person by looks or belongings ("the one with the purple hair", "the bloke who drives the yellow mini", "the
# ginger-haired nurse", "her uncle, the one with the teardrop tattoos"): a colour and what it colours, or a mark of the
# body, after a person and "with", "has", "wears" or "drives" (see _looks_re); "a worker with a red flag", "the team
# with the green light", "she drives a car" stay.
_COLOUR = (r"(?:(?:bright|dark|light|pale|deep|hot|neon|baby|bottle|jet)[ \t\-]+)?(?:red|orange|yellow|green|blue|purple|"
           r"pink|black|white|grey|gray|silver|gold|golden|brown|ginger|blonde?|bleached|peroxide|turquoise|lilac|violet|"
           r"maroon|navy|teal|lime|mint|cream|beige|tartan|camo|camouflage|leopard(?:[ \t\-]+print)?|rainbow|neon|"
           r"multicoloured)")
_LOOKS_NOUN = (r"(?:tattoos?|piercings?|dreadlocks|dreads|mohican|mohawk|eyepatch|birthmark|scars?|limp|stammer|lisp|"
               r"beard|moustache|mustache|tash|cornrows|braids|afro|quiff|mullet|gold[ \t]+teeth|nose[ \t]+ring)")
_LOOKS_ANCHOR = lazy_compile(
    r"\b(?:red|orange|yellow|green|blue|purple|pink|black|white|grey|gray|silver|gold|golden|brown|ginger|blonde?|bleached|"
    r"peroxide|turquoise|lilac|violet|maroon|navy|teal|lime|mint|cream|beige|tartan|camo|camouflage|leopard|rainbow|neon|"
    r"multicoloured|tattoos?|piercings?|dreadlocks|dreads|mohican|mohawk|eyepatch|birthmark|scars?|limp|stammer|lisp|beard|"
    r"moustache|mustache|tash|cornrows|braids|afro|quiff|mullet|gold|nose)\b", _I)
# What a colour is said of that no one is known by ("a red flag", "the green light", "a yellow card").
_NOT_LOOKS = frozenset("""flag flags light lights tape card cards line lines rating ratings zone zones alert alerts paper
    papers book books folder folders file files pen pens form forms sheet sheets box boxes team teams group groups status
    category list lists letter letters thinking""".split())

# Everyday things of a kind said by their colour after "a" ("he drives a white van", "she has a black dog", "he wears a
# grey hoodie", "she had a black eye"): so many are owned, worn or driven that one says nothing of who has it, as a
# make, a model or the one known by it ("drives a silver Corsa", "the one with the red van") may.
_EVERYDAY_KINDS = frozenset("""car cars van vans bike bikes bicycle motorbike scooter moped lorry truck taxi cab bus coach
    minibus pickup hatchback estate pram buggy coat jacket top shirt t-shirt tshirt hoodie jumper sweater cardigan fleece
    dress skirt trousers jeans joggers trackies tracksuit shorts leggings shoes trainers boots hat cap beanie scarf gloves
    bag handbag rucksack backpack uniform dog dogs cat cats puppy kitten rabbit horse pony eye""".split())
_COLOUR_WORD_RE = lazy_compile(rf"{_COLOUR}", _I)
_INDEFINITE_END_RE = lazy_compile(r"\b(?:a|an)[ \t]+\Z", _I)


def _everyday_colour(text: str, m: re.Match) -> bool:
    """Whether looks found (group ``d``) are only a colour and an everyday thing of a kind, after "a" or "an" (see
    :data:`_EVERYDAY_KINDS`)."""
    words = m.group("d").split()
    if len(words) < 2 or fold(words[-1]) not in _EVERYDAY_KINDS:
        return False
    colour = " ".join(words[:-1])
    return (_COLOUR_WORD_RE.fullmatch(colour) is not None
            and _INDEFINITE_END_RE.search(text, max(0, m.start("d") - 4), m.start("d")) is not None)


@cache
def _looks_re() -> re.Pattern:
    """A person by looks or belongings (see :data:`_COLOUR`): after a person and "with", or "who", a pronoun or a person
    and "has", "wears", "drives" ...; the looks in group ``d``, and ``drive`` where a vehicle is driven or ridden."""
    from ._names import KINSHIP_ROLE_WORDS

    people = "|".join(sorted({w for w in KINSHIP_ROLE_WORDS if not w.endswith("s") and w not in ("named", "called", "ex")}
                             | set("one man woman lady bloke guy lad lass girl boy fella chap kid person".split())))
    stop = (rf"(?={_PHRASE_END}|[ \t]+(?:who|and|that|which|is|was|were|has|had|on|in|at|from|said|says|came|with|when|"
            # or a verb's participle opening what is said of the thing ("a silver bmw parked outside")
            rf"but|he|she|they|outside|\p{{L}}{{3,}}(?:ed|ing))\b)")
    looks = (rf"(?P<d>(?:(?!(?:and|or|most|more|same)\b)[\p{{L}}'’]+[ \t]+)?{_COLOUR}(?:[ \t\-]+(?!(?:and|or|the|a|an|of|to|in|on|with|who)\b)[\p{{L}}'’]+){{1,3}}?{stop}"
             rf"|(?:[\p{{L}}'’\-]+[ \t]+){{0,2}}?{_LOOKS_NOUN}{stop})")
    return lazy_compile(
        # more looks joined by "and" to looks found ("with the nose ring and the blue hair"), kept where they follow
        rf"(?:(?P<more>(?<=[ \t])and)|\b(?:who|s?he|they|{people})(?:[ \t]+with|(?:[ \t]+(?:always|still|now|just|also))?"
        rf"(?:['’]s[ \t]+got|[ \t]+(?:has|had|wears|wore|owns|owned|(?P<drive>drives|drove|rides|rode))(?:[ \t]+got)?)))"
        rf"[ \t]+(?:(?:the|a|an|his|her|their|that|those|this)[ \t]+)?{looks}"
        rf"|\b(?P<d>{_COLOUR}[ \t\-]+(?:haired|bearded))\b", _I)


# A job a neighbourhood or a school has one of ("the lollipop man", "the ice cream lady", "the crossing patrol"): the job
# singles the worker out; a round's or a building's ("the milkman", "the paper boy", "the caretaker") with the street,
# estate or school it serves ("the milkman on our road", "her dad's the school caretaker"); "the postman came", "a
# caretaker role", "we had ice cream" stay.
_LONE_JOB_RE = lazy_compile(
    r"\b(?:the|our|her|his|their|my|your)[ \t]+(?P<d>lollipop[ \t]+(?:lady|man|woman)|(?:school[ \t]+)?crossing[ \t]+"
    r"(?:patrol|warden|lady|man)|ice[ \t\-]?cream[ \t]+(?:van[ \t]+)?(?:man|lady|woman|driver)|rag[ \t\-]+and[ \t\-]+bone[ \t]+man"
    r"|(?P<round>(?:milk|coal|post|bin|paper)[ \t]?(?:man|woman|lady|boy|girl)|postie|window[ \t]+cleaner|dinner[ \t]+(?:lady|man)"
    r"|(?P<school>school[ \t]+)?caretaker))(?![\p{L}\-])"
    r"(?(round)(?(school)(?![ \t]+(?:budget|role|post|job|contract|hours|rota))|(?=[ \t]+(?:on|at|in|for|of|round)[ \t]+"
    r"(?:the|our|her|his|their|my|that)[ \t]+(?:estate|street|road|close|school|village|block|flats|avenue|lane|area))))", _I)
_LONE_JOB_ANCHOR = lazy_compile(r"lollipop|crossing|cream|bone|man\b|woman|lady|boy\b|girl\b|postie|cleaner|caretaker", _I)


# A relative's job at a child's school, nursery or college, said with "a" ("her mum is a dinner lady at the school", "his
# dad works as a caretaker at the academy", "my uncle was a teaching assistant at her school"): the school is the
# child's, so the job singles the relative out; "a lady at the school said", "she is a teacher", "I'm a governor at
# the school" (the speaker's own post) stay.
_RELATIVES_JOB_RE = lazy_compile(
    rf"(?:\b(?:{FAMILY_ALTERNATION})s?(?:['’]s)?(?:[ \t]*,[ \t]*who)?|(?P<pronoun>\b(?:s?he|who)|(?<=\b(?:s?he|who))['’]s))"
    rf"(?:[ \t]+(?:is|was|has[ \t]+been|had[ \t]+been|became|becomes|works[ \t]+as|worked[ \t]+as|is[ \t]+working[ \t]+as|"
    rf"was[ \t]+working[ \t]+as|used[ \t]+to[ \t]+be|used[ \t]+to[ \t]+work[ \t]+as)|['’]s)"
    rf"[ \t]+(?:also[ \t]+|still[ \t]+|now[ \t]+|just[ \t]+)?(?:an?|the)[ \t]+(?P<d>(?:[\p{{L}}\-]+[ \t]+){{0,2}}?[\p{{L}}\-]+)"
    rf"[ \t]+(?:at|in|for|on)[ \t]+(?:the|her|his|their|our|my|your|that)[ \t]+(?:[\p{{L}}\-]+[ \t]+)?"
    rf"(?:school|primary|academy|nursery|college|juniors|infants|sixth[ \t]+form|pre-?school|playgroup|creche)\b", _I)
# The sentence before a pronoun opening the next, naming one by a title and a surname ("Mrs Jones attended. She is
# ..."): the pronoun's person; see _titled_one_before.
_TITLED_SENTENCE_BEFORE_RE = lazy_compile(
    r"(?:^|[.!?\n][ \t]*)(?P<s>[^.!?\n]*\b(?:Mrs|Mr|Ms|Miss|Mx|Dr)\.?[ \t]+\p{Lu}[\p{L}'’\-]*[^.!?\n]*)[.!?][ \t]*\Z",
    re.VERSION1)
_FAMILY_WORD_RE = lazy_compile(rf"\b(?:{FAMILY_ALTERNATION})s?\b", _I)


def _titled_one_before(text: str, start: int) -> bool:
    """Whether a pronoun at ``start`` opens a sentence after one naming a person by a title and a surname, and no
    relation ("Mrs Jones attended. She is ..."): a professional's own post follows, no relative's job; "Mrs Jones, his
    mum, came. She is ..." is the relative's."""
    m = _TITLED_SENTENCE_BEFORE_RE.search(text, max(0, start - 160), start)
    return m is not None and _FAMILY_WORD_RE.search(m.group("s")) is None

_SCHOOL_ANCHOR = lazy_compile(r"\b(?:school|primary|academy|nursery|college|juniors|infants|sixth|pre-?school|playgroup|creche)\b", _I)
# The last word of a job held at a school: those of _JOBS and more; after "he" or "she" only a job of the school's own
# staff that no visiting professional holds ("she's a dinner lady at the school"; not "she is a social worker at the
# school", "he is a teacher at the school": the speaker's colleague, maybe).
_STAFF_JOBS = frozenset("""lady man woman assistant ta cook chef receptionist secretary janitor caretaker cleaner
    helper""".split())
_SCHOOL_JOBS = _JOBS | _STAFF_JOBS | frozenset("""administrator admin technician governor volunteer supervisor guard
    keeper inspector coach instructor tutor senco""".split())


# A group, page or chat on a platform named after a place ("the Wythenshawe Mums Facebook group", "the partington
# parents whatsapp chat", "the harehills community page on facebook"): the group's name from its first word that is no
# English word, a proper noun, or a district that is a word written capitalised, is the place; "the school facebook
# group", "the parents' whatsapp group", "the deal hunters facebook group" stay.
_PLATFORM_GROUP_RE = lazy_compile(
    rf"\b(?:the|a|our|their|her|his|my|your|local)[ \t]+(?P<name>(?:[\p{{L}}'’\-]+[ \t]+){{1,4}}?)"
    rf"(?:(?:{_PLATFORMS})[ \t]+(?:group|page|chat|group[ \t]?chat|forum|channel|community|account)s?\b"
    rf"|(?:group|page|chat|group[ \t]?chat|forum|channel)s?[ \t]+on[ \t]+(?:{_PLATFORMS})\b)", _I)
_PLATFORM_GROUP_ANCHOR = lazy_compile(r"\b(?:group|page|chat|groupchat|forum|channel|community|account)s?\b", _I)


# A job by its route or number ("a bus driver on the number 42", "he drives the 72 to town", "she's a driver on route
# 18", "he works on the X84 route"): the route places the worker; "drives 20 miles", "the number 3 priority" stay.
_ROUTE_NUMBER = r"[a-z]?\d{1,3}[a-z]?(?![\p{L}\d])"
_ROUTE_RE = lazy_compile(
    rf"\b(?:drive[rs]?|drove|driving|conductor|works?|worked|working)(?:[ \t]+on)?(?:[ \t]+the)?[ \t]+"
    rf"(?:(?:number|no\.?|route)[ \t]*(?P<r>{_ROUTE_NUMBER})|(?P<r>{_ROUTE_NUMBER})(?=[ \t]+(?:bus|route|service|tram)\b))"
    rf"(?={_PHRASE_END}|[ \t]+(?:bus|route|service|tram|to|into|from|through|round|every|each|on|in|and|but|now|for)\b)"
    rf"|\b(?:drives|drove|driving|drive)[ \t]+the[ \t]+(?P<r>{_ROUTE_NUMBER})(?=[ \t]+(?:to|into|from|through|round)\b|{_PHRASE_END})",
    _I)
_ROUTE_ANCHOR = lazy_compile(r"\b(?:driv|drove|conductor|work)", _I)


def _distinctive(text: str, add) -> None:
    """What places a child or an event beyond its council: a road an incident happened on, a local newspaper that
    printed it, a form's code, what makes a child the only one of a community."""
    for m in _ONLY_ONE_RE.finditer(text) if _ONLY_ANCHOR.search(text) else ():
        mod_end = m.start("mod") + len(m.group("mod").rstrip())
        if m.group("sup") is not None:
            if fold(m.group("sup")) not in _NOT_SINGLING and fold(m.group("where")).split()[-1] not in _NOT_COMMUNITIES:
                add(Span(m.start("sup"), max(mod_end, m.end("sup")), "detail"))
            continue
        if m.group("mod").strip() and not all(fold(w) in _JOB_QUALIFIERS for w in m.group("mod").split()):
            add(Span(m.start("mod"), m.start("mod") + len(m.group("mod").rstrip()), "detail"))
        if m.group("attr") is not None:
            add(Span(m.start("attr") + len(m.group("attr")) - len(m.group("attr").lstrip()), m.end("attr"), "detail"))
    low = text.lower()
    for m in _PLACE_ONLY_JOB_RE.finditer(text) if "only" in low or "one" in low or "sole" in low or " of " in low else ():
        words = list(re.finditer(r"[\p{L}\-]+", m.group("job")))
        job = next((w for w in reversed(words) if fold(w.group()) in _JOBS), None)
        if job is not None and m.group("own") is not None and fold(m.group("own")) == "parish" and fold(job.group()) in _CLERICS:
            continue
        if job is not None:
            add(Span(m.start("job") + words[0].start(), m.start("job") + job.end(), "detail"))
    for m in _WITH_CONDITION_RE.finditer(text) if _WITH_ANCHOR.search(text) else ():
        said = fold(m.group("c"))
        if said.startswith(("the ", "an ")) and "a " + said.split(None, 1)[1] in conditions():
            said = "a " + said.split(None, 1)[1]  # "the feeding tube" as listed, "a feeding tube"
        if said in conditions() or said.split()[0] in conditions() or _CONDITION_TAIL_RE.fullmatch(said.split()[-1]):
            add(Span(m.start("c"), m.end("c"), "detail"))
    for m in _RARE_BIRTH_RE.finditer(text):
        add(Span(m.start(), m.end(), "detail"))
    ends: set[int] = set()
    for m in _near(_looks_re(), _LOOKS_ANCHOR, text, 60, 40):
        if m.group("more") is not None and not any(text[e : m.start()].strip() == "" for e in ends if e <= m.start()):
            continue  # "and the blue hair" only after looks found
        if _everyday_colour(text, m):
            continue  # "he drives a white van", "she has a black dog": a thing of a kind, no one's mark
        if m.group("drive") is not None or fold(m.group("d")).split()[-1] not in _NOT_LOOKS:
            add(Span(m.start("d"), m.end("d"), "detail"))
            ends.add(m.end("d"))
    for m in _LONE_JOB_RE.finditer(text) if _LONE_JOB_ANCHOR.search(text) else ():
        add(Span(m.start("d"), m.end("d"), "detail"))
    for m in _RELATIVES_JOB_RE.finditer(text) if _SCHOOL_ANCHOR.search(text) else ():
        if m.group("pronoun") is not None and _titled_one_before(text, m.start()):
            continue  # "Mrs Jones attended. She is a teaching assistant at the school.": the professional's post
        if fold(m.group("d").split()[-1]) in (_SCHOOL_JOBS if m.group("pronoun") is None else _STAFF_JOBS):
            add(Span(m.start("d"), m.end("d"), "detail"))
    for m in _PLATFORM_GROUP_RE.finditer(text) if _PLATFORM_GROUP_ANCHOR.search(text) else ():
        for w in re.finditer(r"[\p{L}'’\-]+", m.group("name")):
            key = fold(w.group()).removesuffix("'s").removesuffix("’s")
            if (key not in english_words() and key not in public_terms() or key in proper_nouns()
                    or w.group()[:1].isupper() and key in word_places()):
                # the group's name from the place on ("the [place] Facebook group" for "the Gipton Mums Facebook group")
                add(Span(m.start("name") + w.start(), m.start("name") + len(m.group("name").rstrip()), "place"))
                break
    for m in _ROUTE_RE.finditer(text) if _ROUTE_ANCHOR.search(text) else ():
        add(Span(m.start("r"), m.end("r"), "place"))
    if _ROAD_ANCHOR.search(text):
        for m in _INCIDENT_ROAD_RE.finditer(text):
            add(Span(m.start("road"), m.end("road"), "place"))
    for m in _PAPER_RE.finditer(text) if _PAPER_ANCHOR.search(text) else ():
        pieces = list(re.finditer(r"[^ \t]+", m.group("paper")))
        while pieces and fold(pieces[0].group()) in _PAPER_FILLER:
            pieces.pop(0)  # "the local evening post": the title from "evening"
        keys = [fold(p.group()) for p in pieces]
        title = [k for k in keys if re.fullmatch(_PAPER_TITLE, k)]
        before = keys[: keys.index(title[0])] if title else []
        placed = [k for k in before if k != "evening" and (k in proper_nouns() or k in public_terms() or k not in english_words())]
        if pieces and (any(k in _LOCAL_TITLES for k in title) or "evening" in before or placed):
            add(Span(m.start("paper") + pieces[0].start(), m.end("paper"), "place"))
    for m in _CLASS_CODE_RE.finditer(text) if re.search(r"\d[ \t\-]?\p{L}", text) else ():
        letters = m.group("code").split()[1:]
        if letters and (fold(letters[0]) in english_words() or fold(letters[0]) in public_terms()):
            continue  # "in 7 PE", "in 7 AM club": a subject's or a word's capitals after the year, no form's initials
        add(Span(m.start("code"), m.end("code"), "place"))


def _capitalised_name(text: str, name: str, offset: int) -> int | None:
    """Start of the capitalised words ending ``name`` before a kind in lower case ("Little Acorns nursery said", "The
    Willows school rang"), where one of them stands inside the sentence and none is a public term; or None."""
    from ._names import _sentence_initial

    pieces = list(re.finditer(r"\S+", name))
    while pieces and fold(pieces[-1].group()) in _SCHOOL_KINDS:
        pieces.pop()
    start, inside = None, False
    for p in reversed(pieces):
        w = p.group()
        key = fold(w.strip("'’"))
        if not w[:1].isupper() or key in _GENERIC_BEFORE or key in public_terms() or (
                w.isupper() and len(w) > 1 and key in english_words()):
            break  # in capitals an English word is no sign of a name ("THE ONLY DENTIST")
        start = offset + p.start()
        inside = inside or not _sentence_initial(text, start)
    return start if inside else None


def _proper_tail(name: str, offset: int, words: frozenset[str], capitalised: bool = False,
                 kinds: frozenset[str] = frozenset()) -> int | None:
    """Start of the trailing words of ``name`` that are proper nouns ("st mary's", "Park Lane"), or None.

    Words of ``kinds`` ending ``name`` are passed over ("oakwood high" before "school").
    """
    pieces = list(re.finditer(r"\S+", name))
    while pieces and fold(pieces[-1].group()) in kinds:
        pieces.pop()
    start = None
    joined = False  # after Welsh "y" or "yr" ("of the") inside the name, the word before it is the name's too
    for p in reversed(pieces):
        w = p.group()
        f = fold(w.strip("'’")).removesuffix("'s").removesuffix("’s")
        if joined and f not in _GENERIC_BEFORE and f not in _NOT_STREET_WORDS and f not in ("y", "yr"):
            start, joined = offset + p.start(), False  # "pen y dre high", "coed yr ysgol": the whole name
            continue
        if f in ("y", "yr") and start is not None:
            joined = True
            continue
        if f in _GENERIC_BEFORE or f in _NOT_STREET_WORDS:
            break
        # a word, or words joined by hyphens ("out-of-area school", "out-of-county")
        if (f in words or "-" in f and all(q in words or q in _NOT_STREET_WORDS for q in f.split("-") if q)) and not (
                capitalised and w[:1].isupper()):
            break
        start = offset + p.start()
    return start


# Each detector with the kinds of span it can give, in the order they run.
# A block of flats by its name where someone lives or has a flat ("she's got a flat in kestrel house", "the 9th floor of
# Kestrel Court", "her flat's in brook mill court"): the name, not the block's word ("[place] house"); "a flat in a shared
# house", "lives in her mum's house", "a flat in the council block" stay.
_BLOCK_RE = lazy_compile(
    r"\b(?:flat|flats|floor|block|maisonette|bedsit|lives|live|living|lived|moved|staying|stays|stayed)(?:['’]s)?[ \t]+"
    r"(?:is[ \t]+)?(?:in|at|of|into|to)[ \t]+(?P<the>the[ \t]+)?(?P<b>(?:[\p{L}'’\-]+[ \t]+){1,2}?)"
    r"(?:house|court|tower|towers|heights|point|mansions|lodge|buildings|block)(?![\p{L}\-])", _I)
_NOT_BLOCK_NAMES = frozenset("""council shared supported semi independent independence halfway safe care foster family big
    small new old same own main guest farm high tower rise low next other another one two three this that these those
    tower block flat flats private social housing residential respite children's childrens staff mother mother's
    baby""".split())
# A bus route where a child takes it ("he gets the 42 to school", "the number 7 bus", "catches the x43 from the stop"):
# the route places the child's journey; "gets the bus to school", "takes the 2 of them", "the 1 to 1 sessions" stay.
_BUS_RE = lazy_compile(
    r"\b(?:(?:gets?|got|getting|catch(?:es|ing)?|caught|takes?|took|taking|rides?|rode|on|off)[ \t]+the[ \t]+(?:number[ \t]+)?"
    r"|the[ \t]+number[ \t]+)(?P<r>[a-z]?\d{1,3}[a-z]?)(?![\p{L}\d'’.:])(?P<bus>[ \t]+bus(?:es)?\b)?"
    r"(?![ \t]+to[ \t]+\d)", _I)
_BUS_AFTER_RE = lazy_compile(r"[ \t]+(?:to|from|into|in|home|back|every|each)\b", _I)
# ... or a route as the subject carrying a child ("the 192 takes her to school", "the x7 drops him at college"): a number
# doing what one thing does (a verb in the singular, or in the past with a person carried), where a journey is said;
# "the 10 go to school", "the 3 of them took the bus" stay (a count of people).
_BUS_SUBJECT_RE = lazy_compile(
    r"\bthe[ \t]+(?P<r>[a-z]?\d{1,3}[a-z]?)[ \t]+(?:(?:takes|gets|drops|picks|brings|runs|goes|stops|leaves|comes|passes)\b"
    r"|(?:took|got|dropped|picked|brought|dropping|picking|taking|getting)[ \t]+(?:her|him|them|me|us|the[ \t]+kids)\b)", _I)
_JOURNEY_RE = lazy_compile(r"\b(?:school|college|town|work|home|stop|station|bus|interchange|centre|nan['’]s|dad['’]s|mum['’]s)\b", _I)
# A pet's name beside its owner ("their dog biscuit and sandra", "sandra's dog rolo is lovely"): a name; "their dog died
# last year", "her dog is lovely" stay.  A name made like a word in -s, -ed or -ing is the pet's where it is capitalised
# ("our dog Biscuits", "the cat, Frayed, sleeps on her bed", "their dog Sparkling bit him"); in lower case it is what the
# pet does or is ("their dog barking", "the cat, frightened, hid").
_PETS = (r"dog|cat|puppy|pup|kitten|rabbit|bunny|hamster|pony|horse|parrot|budgie|tortoise|snake|lizard|ferret|gerbil|"
         r"guinea[ \t]+pig")
_PET_RE = lazy_compile(
    rf"\b(?:(?P<own>my|his|her|their|our|your|\p{{L}}+['’]s)|the)[ \t]+(?:{_PETS})[ \t]*(?P<comma>,)?[ \t]+(?P<p>\p{{L}}+)"
    r"(?=[ \t]*(?:[.,;:!?)]|\Z)|[ \t]+(?:and|is|was|has|had|who|loves|sleeps|lives)\b|['’]s\b"
    r"|[ \t]+(?P<does>bit|bites|ran|runs|died|dies|ate|eats|got|went|came|slept|hid|sat|barks|barked|chewed|chews|jumps|"
    r"jumped|follows|followed|sits|likes|liked|hates|hated)\b)", _I)
_NOT_PET_NAMES = frozenset("""bit bites ran runs died dies ate eats got went came left slept sleeps hid sat barks barked
    too also again now then there here though today yesterday tonight all as well lol is was has had and or but not
    never always still just only really""".split())
def _apposed(before: str, kind: str, after: str) -> str:
    """A name after ``before`` set off by a comma before an article and its ``kind`` (see the two patterns below)."""
    return (rf"\b(?:{before})[ \t]+(?:the[ \t]+)?(?P<name>[\p{{L}}'’\-]+(?:[ \t]+[\p{{L}}'’\-]+){{0,2}}?)"
            rf"[ \t]*,[ \t]*(?:the|a|an|his|her|their|our)[ \t]+{kind}"
            rf"(?=[ \t]*(?:[.,;:!?)]|\Z)|[ \t]+(?:on|in|at|near|by|off|up|down|round|where|which|that|for{after})\b)")


# A pupil referral unit or other setting by its nickname, set off before its kind ("he's at the Bridge, the pupil
# referral unit", "he goes to the bungalow, the pru on foxley road"): "went to the meeting, the school said no" stays.
_APPOSED_SETTING_RE = lazy_compile(_apposed(
    r"at|to|from|attends?|attended|left|joined",
    r"(?:local[ \t]+)?(?:pupil[ \t]+referral[ \t]+unit|pru|referral[ \t]+unit|alternative[ \t]+provision|special[ \t]+school|"
    r"secure[ \t]+unit|children['’]s[ \t]+home|residential[ \t]+(?:home|school|unit))", ""), _I)
# A home by its name, set off before its kind ("she's out at the brambles, the cottage by the canal", "they're at
# hawthorn rise, the bungalow at the end"): the name; "at the meeting, the house was cold" stays.
_APPOSED_HOME_RE = lazy_compile(_apposed(
    r"at|to|from|in|into",
    r"(?:[\p{L}\-]+[ \t]+)?(?:cottage|farmhouse|farm|bungalow|lodge|barn|caravan|static|chalet|houseboat|narrowboat|boat)",
    "|with|past|behind"), _I)
_HOME_KIND_ANCHOR = lazy_compile(r"cottage|farm|bungalow|lodge|barn|caravan|static|chalet|boat", _I)
_NOT_HOME_NAMES = frozenset("time moment end weekend day night morning evening week year start minute same other".split())
_PLAIN_PREMISES = frozenset("hub centre center unit office base building site place project service team one same other".split())
# A username said as where a message came from ("he sent "u ok?" from jaydenxx07"): letters and digits run together,
# where a message is said; "from 2019", "from year 7", "from b12" stay.
_MESSAGED_RE = lazy_compile(r"\b(?:sent|send|sends|message[ds]?|messaging|texted|texts?|dm['’]?d|dms?|snapped|posted|"
                            r"inboxed|whatsapp(?:ed)?|replied|account|username)\b", _I)
_SENDER_RE = lazy_compile(
    r"\b(?:from|by|to|as)[ \t]+(?P<u>(?=[\p{L}\d_.]*\p{L}{3})(?=[\p{L}\d_.]*\d{2})[\p{L}][\p{L}\d_.]*[\p{L}\d])(?![\p{L}\d_@])", _I)

_COUNTED_RE = lazy_compile(r"(?:year|yr|room|ward|class|floor|bed|flat|block|unit|bus|route|page|item|week|day|level|stage|"
                           r"step|grade|form|version|v)[ \t_.]*\d+", _I)


def _not_a_settings_name(word: str) -> bool:
    """A word no setting's or home's name set off before its kind is made of ("the meeting", "the hub")."""
    return _barred_setting_word(word) or word in _BARE_DESTINATIONS or word in _PLAIN_PREMISES


def _everyday(text: str, add) -> None:
    """A block of flats, a bus route, a pet, a setting's nickname and a username, where a child's life is told."""
    from ._names import _NOT_NAMES

    low = text.lower()
    words = english_words()
    for m in _BLOCK_RE.finditer(text) if any(k in low for k in ("house", "court", "tower", "heights", "point", "mansions",
                                                                  "lodge", "buildings", "block")) else ():
        name = m.group("b").rstrip()
        parts = [fold(w) for w in name.split()]
        if any(p in _NOT_BLOCK_NAMES or p in _NOT_NAMES or p.endswith(("'s", "’s")) for p in parts):
            continue
        if m.group("the") is not None and not all(w[:1].isupper() or fold(w) not in words for w in name.split()):
            continue
        add(Span(m.start("b"), m.start("b") + len(name), "place"))
    for m in _BUS_RE.finditer(text) if "the" in low and any(c.isdigit() for c in text) else ():
        if m.group("bus") or (_BUS_AFTER_RE.match(text, m.end()) and _JOURNEY_RE.search(text, m.end())):
            add(Span(m.start("r"), m.end("r"), "detail"))
    for m in _BUS_SUBJECT_RE.finditer(text) if "the" in low and any(c.isdigit() for c in text) else ():
        if _JOURNEY_RE.search(text, m.end()) and not _COUNTED_RE.fullmatch(m.group("r")):
            add(Span(m.start("r"), m.end("r"), "detail"))
    for m in _PET_RE.finditer(text) if any(k in low for k in ("dog", "cat", "pup", "kitten", "rabbit", "bunny", "hamster",
                                                              "pony", "horse", "parrot", "budgie", "tortoise", "snake",
                                                              "lizard", "ferret", "gerbil", "guinea")) else ():
        pet = fold(m.group("p"))
        if pet in _NOT_PET_NAMES or pet in _NOT_NAMES:
            continue
        if m.group("p")[0].isupper() and m.group("p")[1:].islower():  # capitalised inside the sentence: a name
            add(Span(m.start("p"), m.end("p"), "name"))
        elif (m.group("p").islower() and not pet.endswith(("ed", "ing", "ly")) and not m.group("does")
              and (m.group("own") is not None or (m.group("comma") and pet not in words))):
            add(Span(m.start("p"), m.end("p"), "name"))
    for m in _APPOSED_SETTING_RE.finditer(text) if "," in text else ():
        parts = [fold(w) for w in m.group("name").split()]
        if not any(_not_a_settings_name(p) or bare_word(p) for p in parts):
            add(Span(m.start("name"), m.end("name"), "place"))
    for m in _APPOSED_HOME_RE.finditer(text) if "," in text and _HOME_KIND_ANCHOR.search(text) else ():
        # a home's name may be a plural word said bare ("the brambles"), not a time or something done
        parts = [fold(w) for w in m.group("name").split()]
        if not any(_not_a_settings_name(p) or p in _NOT_HOME_NAMES or p.endswith(_EVENT_ENDINGS) for p in parts):
            add(Span(m.start("name"), m.end("name"), "address"))
    for m in _SENDER_RE.finditer(text) if _MESSAGED_RE.search(text) else ():
        if not _COUNTED_RE.fullmatch(m.group("u")):
            add(Span(m.start("u"), m.end("u"), "handle"))


# A local initiative by its name, in any case, before the word for what it is ("the bright futures project", "our Little
# Stars scheme", "the 5 star programme"): the name is one council's or one charity's, so it narrows the council as a
# place's does.  A name is two or three words, a plural not of people, a service or a time last ("bright futures",
# "stepping stones"), or a figure and a word that is no unit nor count ("5 star"; not "the 12 week programme", "the
# three schools project"); a description stays ("the young carers project", "the complex needs programme", "the
# peer challenge programme", "the troubled families programme", a national one), as do a name with a word of
# grammar ("the back to basics programme") and one word alone ("the research project").
# The words that open an initiative's name (an owner or "the") and the word for what it is after the name, shared by
# the three patterns below.
_INITIATIVE_OWNERS = "the|our|their|this|its|that"
_INITIATIVE_HEAD = r"[ \t]+(?P<head>project|scheme|programme|program|initiative)(?![\p{L}'’\-])"
_INITIATIVE_RE = lazy_compile(
    rf"(?<![\p{{L}}'’\-])(?:{_INITIATIVE_OWNERS})[ \t]+(?P<name>[\p{{L}}\d][\p{{L}}\d'’\-]*(?:[ \t]+[\p{{L}}\d][\p{{L}}\d'’\-]*){{1,2}})"
    + _INITIATIVE_HEAD, _I)
# Plurals that describe who or what an initiative serves or does, no name's ("complex needs", "care homes").
_DESCRIBING_PLURALS = frozenset("""needs years services issues rights skills visits meetings conferences assessments plans
    placements homes hours families relationships outcomes schools groups teams sessions activities interventions
    reviews audits checks referrals cases centres centers hubs clubs units houses nurseries settings streets roads
    areas wards estates communities neighbourhoods partnerships agencies boards courts matters problems difficulties
    disabilities behaviours conditions crimes offences harms risks concerns abuses drugs substances finances debts
    benefits jobs apprenticeships careers courses classes lessons studies exams grades results sports arts games
    trips holidays breaks meals lunches foods books reads parks gardens places spaces records systems forms files tools
    apps devices laptops phones computers grants funds loans payments vouchers permits alarms uniforms beds rooms
    vehicles cars bikes buses tickets cards packs boxes kits budgets costs savings bills rents fees taxes works repairs
    data numbers figures rates targets measures standards checks tests scores days nights weekends evenings""".split())
# Endings of plurals of an act, a state or a thing done ("placements", "inspections", "allowances", "mentorships"):
# what an initiative does, no name.
_DESCRIBING_ENDINGS = ("ments", "tions", "sions", "ances", "ences", "ities", "ships", "ages", "ives", "als", "ss", "us",
                       "is", "'s", "’s", "ers", "ors", "ists", "ants", "ents", "ings")
_NAME_UNITS = frozenset("""week weeks month months year years day days hour hours minute minutes session sessions step
    steps point points mile miles pound pounds percent per cent stage stages phase phases part parts tier tiers""".split())


@cache
def _initiative_people() -> frozenset[str]:
    """Words for people (relations, roles, person nouns, groups): an initiative whose name has one describes whom it
    serves ("the young carers project"). Made once, not for every text read."""
    from ._names import _PERSON_NOUNS as _NAMED_PERSON_NOUNS
    from ._names import KINSHIP_ROLE_WORDS

    return KINSHIP_ROLE_WORDS | _PERSON_NOUNS | _NAMED_PERSON_NOUNS | _PEOPLE_GROUPS


# One word before the word for what it is ("the phoenix project", "the Phoenix Project", "our Horizon scheme"): a name
# where it is capitalised and does not describe the work (:func:`_describes_work`), or, in any case, a word local work
# is named by (``privacy/initiative_names.txt``); a national programme stays ("the Mockingbird programme").
_ONE_WORD_INITIATIVE_RE = lazy_compile(
    rf"(?<![\p{{L}}'’\-])(?:{_INITIATIVE_OWNERS})[ \t]+(?P<name>\p{{L}}[\p{{L}}'’\-]*)" + _INITIATIVE_HEAD, _I)
# A name that opens with "New" ("the New Horizons project", "New Beginnings programme", "their new beginnings
# initiative"): "new" is the name's word where the rest names (a plural, "beginnings" too) and, with no article, where
# every word is capitalised; "the new parenting programme", "the new schools project" describe.
_NEW_INITIATIVE_RE = lazy_compile(
    rf"(?<![\p{{L}}'’\-])(?:(?P<det>{_INITIATIVE_OWNERS})[ \t]+)?(?P<name>(?P<new>new)[ \t]+(?P<rest>\p{{L}}[\p{{L}}'’\-]*"
    r"(?:[ \t]+\p{L}[\p{L}'’\-]*)?))" + _INITIATIVE_HEAD, _I)
# A name set in quotes between the words that open it and the word for what it is ("the 'zephyr' project", "our
# “Magpie” scheme", "the 'new leaf' programme"), or said after the word for what it is and "called", "named" or "known
# as" ("a project called magpie", "the scheme, known as 'Juniper',"): the quotes and the naming say it is a name, in any
# case, whatever word it is; a word that describes the work stays ("the 'research' project", "a scheme called
# research"), as do a word of grammar ("the project called for more money", "the scheme named after her") and a
# national programme ("a programme called Mockingbird").
_QUOTED_INITIATIVE_RE = lazy_compile(
    rf"(?<![\p{{L}}'’\-])(?:{_INITIATIVE_OWNERS}|a|an)[ \t]+(?P<q>['\"“‘])(?P<name>[\p{{L}}\d][\p{{L}}\d\-]*"
    r"(?:[ \t]+[\p{L}\d][\p{L}\d\-]*){0,2})['\"”’]" + _INITIATIVE_HEAD, _I)
_CALLED_INITIATIVE_RE = lazy_compile(
    r"(?<![\p{L}'’\-])(?:project|scheme|programme|program|initiative)[ \t]*,?[ \t]+(?:called|named|known[ \t]+as)[ \t]+"
    r"(?:(?P<q>['\"“‘])(?P<quoted>[\p{L}\d][\p{L}\d\-]*(?:[ \t]+[\p{L}\d][\p{L}\d\-]*){0,2})['\"”’]"
    r"|(?P<name>\p{L}[\p{L}\-]*)(?![\p{L}'’\-]))", _I)
# Words that describe a local initiative's work, what it does or whom or where it serves, capitalised or not ("the
# Research Project", "the Pilot Programme", "our Reading scheme"): no name.  With the endings of
# :data:`_DESCRIBING_ENDINGS` and those of an adjective, the people words and the public terms.
_WORK_WORDS = frozenset("""new old pilot whole same main current local national regional big small first second third
    last next early late annual joint overall wider flagship original previous existing own other latest final
    research youth family school community health housing arts art music sport sports literacy numeracy maths science
    careers career work employment parent carer adoption kinship respite outreach advocacy mentor volunteer council
    government police court nhs charity lottery capital building garden food cookery football drama dance film media
    digital data web computer book library summer holiday weekend evening breakfast lunch homework transport travel
    bike cycle bus play leisure gym fitness nutrition wellbeing wellness safety care support help change reform trial
    study grant bid test demonstration exchange buddy peer practice quality skills voice rights advice information
    teen baby infant toddler child women men dads mums refugee asylum migrant traveller welfare benefits money debt
    fuel energy water warm home homes hub outdoor forest farm city county borough village town estate street area ward
    district neighbourhood regeneration pathway pathways phase stage wave round year term week day month after
    before academy cadet apprentice graduate trainee intern award prize bursary grant tutor coach""".split())
_ADJECTIVE_ENDINGS = ("al", "ic", "ive", "ous", "ary", "ory", "ful", "less", "able", "ible", "ed", "ing", "ly", "ure",
                      "cy", "ness", "ist", "ian", "ern", "ish",
                      # and an abstract noun's, what the work is ("Transformation", "Leadership", "Bikeability")
                      "tion", "sion", "ment", "ity", "ance", "ence", "ship", "ism", "ogy", "hood", "dom", "ics")


def _describes_work(word: str, endings: bool = True) -> bool:
    """Whether ``word`` (folded) describes an initiative's work rather than naming it (see :data:`_WORK_WORDS`); with
    ``endings``, a word with an adjective's or a describing plural's ending too ("the Pilot Programme", "the
    Residential project", "the placements scheme")."""
    from ._names import _NOT_NAMES

    one = word[:-3] + "y" if word.endswith("ies") else word[:-1] if word.endswith("s") else word
    return (word in _WORK_WORDS or one in _WORK_WORDS or word in _NOT_NAMES or word in _DESCRIBING_PLURALS
            or endings and (word.endswith(_ADJECTIVE_ENDINGS) or word.endswith(_DESCRIBING_ENDINGS))
            or word in public_terms() or word in communities() or word in _NUMBER_WORDS_SET or word in _initiative_people()
            or one in _initiative_people() or word in _NAME_UNITS)


@cache
def _initiative_name_words() -> frozenset[str]:
    """The words local work is named by (``privacy/initiative_names.txt``), folded."""
    return frozenset(fold(w) for w in _lines("privacy/initiative_names.txt"))


def _one_word_name(word: str, head: str = "project") -> bool:
    """Whether ``word``, said alone before ``head`` ("project", "scheme", "programme" or "initiative"), is the
    initiative's name: a word local work is named by in any case, or one capitalised (not in capitals) that does not
    describe the work.  Where ``head`` is capitalised too, the phrase is in Title Case, which says nothing of the word:
    an English word is a name there only if local work is named by it ("The Phoenix Project"; not "the Mark Scheme",
    "The Colour Scheme"); an English word that is a given name too is no name either way ("the Mark scheme")."""
    from ._names import is_public_word

    key = fold(word)
    if key in _public_names() or is_public_word(word):
        return False  # a national programme ("the Mockingbird programme"), a word of the field ("the Family project")
    if key in _initiative_name_words():
        return True
    english = key in english_words()
    return (word[:1].isupper() and not word.isupper() and len(key) >= 3 and not _describes_work(key)
            and not (english and (head[:1].isupper() or key in folded_first_names())))


def _named_in_words(name: str) -> bool:
    """Whether ``name``, an initiative's name set in quotes or said after "called" (see :data:`_QUOTED_INITIATIVE_RE`),
    names it: not a national programme, and a word that neither describes the work nor is a word of grammar."""
    from ._names import _NOT_NAMES, is_public_word

    words = [fold(w) for w in name.split()]
    return (fold(name) not in _public_names() and not all(is_public_word(w) for w in name.split())
            and any(not _describes_work(w) and w not in _NOT_NAMES and not w.isdigit() for w in words))


def _initiatives(text: str, add) -> None:
    """Local initiatives by their names (see :data:`_INITIATIVE_RE`), the name one place detail."""
    from ._names import _NOT_NAMES

    people = _initiative_people()
    for m in _ONE_WORD_INITIATIVE_RE.finditer(text):
        if _one_word_name(m.group("name"), m.group("head")):
            add(Span(m.start("name"), m.end("name"), "place"))
    for m in _NEW_INITIATIVE_RE.finditer(text):
        rest = m.group("rest").split()
        capitalised = all(w[:1].isupper() for w in m.group("name").split())
        if m.group("det") is None and not capitalised or fold(m.group("name")) in _public_names():
            continue
        last = fold(rest[-1])
        # capitalised, a plural of any ending names ("New Directions"); in lower case, "-ings" alone ("new beginnings")
        named = (all(not _describes_work(fold(w), endings=not capitalised) or fold(w).endswith("ings") and fold(w) not in people
                     for w in rest)
                 and (capitalised or last.endswith("s") or len(rest) == 1 and _one_word_name(rest[0], m.group("head"))))
        if named:
            # "new" in the name where written as its other words are ("New Horizons", "new beginnings"); "the new
            # Phoenix project" is a new one of the name
            same_case = m.group("new")[0].isupper() == m.group("rest")[0].isupper()
            add(Span(m.start("name") if same_case else m.start("rest"), m.end("name"), "place"))
    for m in _QUOTED_INITIATIVE_RE.finditer(text):
        if _named_in_words(m.group("name")):
            add(Span(m.start("name"), m.end("name"), "place"))
    for m in _CALLED_INITIATIVE_RE.finditer(text):
        group = "quoted" if m.group("quoted") else "name"
        if _named_in_words(m.group(group)):
            add(Span(m.start(group), m.end(group), "place"))
    for m in _INITIATIVE_RE.finditer(text, overlapped=True):
        words = [fold(w) for w in m.group("name").split()]
        if (fold(m.group("name")) in _public_names() or f"{fold(m.group('name'))} {fold(m.group('head'))}" in _public_names()
                or any(w in _NOT_NAMES or w in _NOT_STREET_WORDS and not w.isdigit() for w in words)):
            continue  # a national programme ("the troubled families programme"), a word of grammar ("back to basics")
        first, last = words[0], words[-1]
        if first.isdigit() or first in _NUMBER_WORDS_SET:
            named = (len(words) == 2 and not last.endswith("s") and last not in _NAME_UNITS and "-" not in first
                     and not _YEARISH.match(first))
        else:
            one = last[:-3] + "y" if last.endswith("ies") else last[:-1]
            named = (last.endswith("s") and not last.endswith(_DESCRIBING_ENDINGS)
                     and not any(c.isdigit() for c in "".join(words))
                     and last not in _DESCRIBING_PLURALS and one not in people and last not in people
                     and not any(w in people for w in words))
        if named:
            add(Span(m.start("name"), m.end("name"), "place"))


_DETECTORS = (
    (_emails, {"email"}),
    (_web, {"handle", "url"}),
    (_national_ids, {"ni_number", "reference", "pupil_number"}),
    (_numbers, {"phone", "nhs_number", "reference"}),
    (_postcodes, {"postcode"}),
    (_spelled_codes, {"postcode", "ni_number"}),
    (_vehicles, {"vehicle"}),
    (_dates, {"age", "date", "date_of_birth"}),
    (_ages, {"age", "date", "date_of_birth"}),
    (_welsh_dates, {"age", "date", "date_of_birth"}),
    (_references, {"reference"}),
    (_addresses, {"address"}),
    (_institutions, {"place"}),
    (_initiatives, {"place"}),
    (_distinctive, {"detail", "place"}),
    (_everyday, {"place", "detail", "name", "handle", "address"}),
)


def find_identifiers(text: str, kinds: frozenset[str] | set[str] | None = None) -> list[Span]:
    """Every identifier, contact detail, address, date and age found in ``text`` (overlaps included).

    ``kinds``, if given, keeps only spans of those kinds, and runs only the detectors that can give them (an id is
    checked for e-mail addresses and phone numbers 1,900 times in a study: the other detectors would be wasted).

    Examples
    --------
    >>> [(s.start, s.end, s.kind) for s in find_identifiers("NHS no 943 476 5919")]
    [(7, 19, 'nhs_number')]
    >>> {(s.start, s.end, s.kind) for s in find_identifiers("call 07700 900123 or jo@x.org", kinds={"email"})}
    {(21, 29, 'email')}
    """
    return [_with_stray_letter(text, s) if s.kind == "ni_number" else s for s in detector_spans(text, kinds)
            if kinds is None or s.kind in kinds]


def detector_spans(text: str, kinds: frozenset[str] | set[str] | None = None) -> list[Span]:
    """Every span the detectors that can give ``kinds`` find in ``text``, of any kind (those of :func:`find_identifiers`
    before it keeps ``kinds``): a match of another kind may stand where one of ``kinds`` would otherwise be found."""
    spans: list[Span] = []
    add = spans.append
    for detect, gives in _DETECTORS:
        if kinds is None or gives & kinds:
            detect(text, add)
    return spans

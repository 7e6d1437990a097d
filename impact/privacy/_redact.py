"""Redaction of identifying details from quotes before they are published.

:func:`redact` replaces, in one pass over the text:

``[name]``
    People's names: the study's participant names (``participants.name``:
    the full name and each part), a title followed by capitalised words
    (``Mr``, ``Mrs``, ``Ms``, ``Dr``, ``Cllr``, ``Councillor`` ...; the title
    is kept), ``"my name is X"``, and a first name from the bundled list of
    common UK first names (``impact/_data/first_names.txt``), alone or with a
    capitalised surname.  First names that are also ordinary words ("Will",
    "Hope", "May", "Mark" ...) are not redacted at the start of a sentence
    unless a surname follows.
``[email]``, ``[phone]``, ``[postcode]``
    E-mail addresses (with sub-domains), UK phone numbers (mobile, geographic
    and non-geographic, national or ``+44``, with spaces, dashes, dots or
    brackets) and full UK postcodes (upper case, with or without the space).
``[council]``, ``[place]``
    Council names and their variants from :func:`impact.councils.council_list`
    (with ``"... County Council"``-style affixes), and the place names passed.
``[date of birth]``
    A date following ``born``, ``DOB``, ``d.o.b.`` or ``date of birth``
    (the trigger words are kept: "born on [date of birth]").

Matching is case-sensitive for names and places (so "we hope" and "will" stay)
and longest-match-first (so "North Yorkshire" is one council, and "York" is
not found inside "Yorkshire").  Where detections overlap the longer one wins.

The log
-------
Each redaction is logged with its ``kind``, its ``start``/``end`` code-point
offsets in the original text, its ``length``, and ``new_start``/``new_end`` in
the redacted text - never the original value, so the log can be shared with
the redacted quotes.  With ``hash_key`` a ``value_hash`` column holds a keyed
hash (HMAC-SHA256, 16 hex digits) of the original, which lets a reviewer see
that two redactions hid the same value; a name or phone number is easy to
guess from such a hash by anyone holding the key, so keep the key private.

Known limits: names written in lower case, foreign names outside the list
standing alone, nicknames, partial postcodes (``LS1``) and spelled-out e-mail
addresses ("jo at leeds dot gov dot uk") are not found.  Redaction lowers the
risk; it does not replace reading the quotes before publication.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

import pandas as pd

from ._pseudonym import keyed_hash, resolve_key

__all__ = ["REDACTION_TOKENS", "KEEP_PHRASES", "first_names", "redact", "redact_series"]

Kind = Literal["name", "email", "phone", "postcode", "council", "place", "date_of_birth"]

#: Replacement token of each kind of detail.
REDACTION_TOKENS: dict[str, str] = {
    "email": "[email]",
    "phone": "[phone]",
    "postcode": "[postcode]",
    "date_of_birth": "[date of birth]",
    "name": "[name]",
    "council": "[council]",
    "place": "[place]",
}
# Order of precedence when two detections of equal length overlap.
_PRIORITY = {kind: n for n, kind in enumerate(REDACTION_TOKENS)}

#: Public phrases never redacted (field vocabulary; names of public inquiries).
KEEP_PHRASES: tuple[str, ...] = (
    "Working Together",
    "Working Together to Safeguard Children",
    "Victoria Climbié",
    "Peter Connelly",
    "Baby P",
    "Munro Review",
    "Laming Report",
)

# First names that are also ordinary English words or common capitalised terms.
_WORD_NAMES = frozenset(
    "April Amber Bill Dale Daisy Dawn Dean Faith Frank Grace Grant Hazel Heather Holly Hope Jack Jade "
    "Jay June Joy Lily Mark May Max Poppy Rob Robin Rose Ruby Sue Will Jordan Florence Victoria Lee "
    "Kim Jan Ali Carol Ross Lewis Gary Jean Leslie Chris Precious Blessing Bob Nick Matt".split()
)

# Capitalised words that are not surnames and never follow a title as a name.
_STOP = frozenset(
    """
    Ofsted Council Councils County Borough City District Metropolitan Board Boards Partnership Partnerships
    Trust Centre Centres Center School Schools Academy College University Hospital Hospitals Road Street
    Lane Avenue Close Drive Way House Hall Park Square Team Teams Service Services Children Childrens
    Social Care Safeguarding Review Reviews Peer Peers Notice Improvement Together Working Early Help
    Director Directors Lead Leader Member Members Chief Executive Manager Managers Officer Officers Police
    Health Education Government Department Secretary Minister Act Plan Plans Framework Inspection Inspections
    Commissioner Agency Association Authority Authorities Local Group Groups Panel Forum Network Unit
    Family Families Court Courts Office Church Street Green Hill Bridge Cross Market Station Airport
    The A An And Of In On At To For With From By But Or So If Then Yes No Not OK Okay Well Also We I You
    He She They It This That These Those There Here What When Where Why How Who Which Our Their His Her
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
    August September October November December Christmas Easter Day Week Month Year Morning Evening
    England English British Britain UK Kingdom United Scotland Wales Ireland Northern Southern Eastern
    Western North South East West Central Greater Upper Lower New Old Great Little Saint St
    Interviewer Respondent Speaker Participant Question Answer Outcomes Vision Strategy Leadership
    Delivery Practice Effective Managing Resources Participation Performance Productivity Innovation
    Commissioning Good Outstanding Adequate Inadequate Requires Serious Case Cases Plan Protection
    """.split()
)

_CAPWORD = r"(?:Mc|Mac|O['’]|D['’])?[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)*"
_TITLES = (
    r"Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Cllr|Councillor|Sir|Dame|Lord|Lady|Rev|Revd|Reverend|"
    r"Father|Sister|Inspector|Sergeant|Sgt|Detective|Judge|Justice"
)
_TITLE_RE = re.compile(rf"(?<![\w])(?:{_TITLES})\.?[ \t]+")
_INTRO_RE = re.compile(
    r"(?i:(?<![\w])(?:my\s+name\s+is|my\s+name['’]s|i['’]m\s+called|i\s+am\s+called|call\s+me|"
    r"(?:she|he|they)\s+(?:is|was|are|were)\s+called|named|name\s+of)[ \t]+)"
)
_NAME_WORD_RE = re.compile(rf"(?:[A-Z]\.?[ \t]+)*(?P<word>{_CAPWORD})(?![\w])")
_NEXT_WORD_RE = re.compile(rf"[ \t]+(?:[A-Z]\.?[ \t]+)?(?P<word>{_CAPWORD})(?![\w])")

_EMAIL_RE = re.compile(
    r"(?<![\w.+%-])[A-Za-z0-9][A-Za-z0-9._%+-]*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}(?![\w-])"
)
_SEP = r"(?:[ \t]?[-.][ \t]?|[ \t]|\)[ \t]?)?"
_PHONE_RE = re.compile(
    rf"(?<![\w+(])(?:(?P<intl>(?:\+|00)[ \t]?44[ \t]?(?:\(0\)[ \t]?)?\(?)\d(?:{_SEP}\d){{8,9}}"
    rf"|(?P<natl>\(?0)\d(?:{_SEP}\d){{8,9}})(?![\d])"
)
_POSTCODE_RE = re.compile(
    r"(?<![A-Za-z0-9])(?:GIR[ \t]?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?[ \t]?\d[ABD-HJLNP-UW-Z]{2})(?![A-Za-z0-9])"
)
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = (
    rf"(?:\d{{1,2}}[ \t]?[/.\-][ \t]?\d{{1,2}}[ \t]?[/.\-][ \t]?(?:\d{{4}}|\d{{2}})(?!\d)"
    rf"|(?:the[ \t]+)?{_DAY}(?:[ \t]+of)?[ \t]+{_MONTHS}(?:,?[ \t]+\d{{4}})?"
    rf"|{_MONTHS}[ \t]+{_DAY}(?:,?[ \t]+\d{{4}})?"
    rf"|{_MONTHS}[ \t]+\d{{4}}"
    rf"|\d{{4}})(?![\w])"
)
_DOB_RE = re.compile(
    rf"(?i:(?<![\w])(?:born(?:[ \t]+(?:on|in))?|d\.?[ \t]?o\.?[ \t]?b\.?|date[ \t]+of[ \t]+birth|birthday)"
    rf"(?:[ \t]+(?:is|was))?[ \t]*[:\-]?[ \t]*)(?P<date>{_DATE})"
)
_COUNCIL_PREFIX = r"(?:(?:London[ \t]+Borough|Royal[ \t]+Borough|Metropolitan[ \t]+Borough|Borough|City|County)[ \t]+of[ \t]+)?"
_COUNCIL_SUFFIX = (
    r"(?:[ \t]+(?:(?:Metropolitan[ \t]+Borough|County[ \t]+Borough|Borough|City|County|District)[ \t]+)?Council)?"
)
# Council names that are also ordinary words, not redacted at a sentence start
# unless "Council" follows.
_WORD_COUNCILS = frozenset({"Reading", "Bury", "Slough", "Sutton", "Poole", "Kent"})
_SENTENCE_END = ".!?:;\n\r…"
_MONTH_NAMES = frozenset({"April", "May", "June"})


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    kind: str


@cache
def first_names() -> frozenset[str]:
    """Return the bundled list of common UK first names.

    Examples
    --------
    >>> {"Sarah", "Mohammed", "Will"} <= first_names()
    True
    """
    text = resources.files("impact").joinpath("_data/first_names.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“‘(":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def _alternation(phrases: Iterable[str]) -> str:
    parts = sorted({p.strip() for p in phrases if p and p.strip()}, key=lambda p: (-len(p), p))
    return "|".join(r"[ \t]+".join(re.escape(w) for w in p.split()) for p in parts)


def _phrase_re(phrases: Iterable[str], prefix: str = "", suffix: str = "") -> re.Pattern | None:
    alt = _alternation(phrases)
    if not alt:
        return None
    return re.compile(rf"(?<![\w]){prefix}(?P<core>{alt}){suffix}(?![\w])")


@cache
def _default_councils() -> tuple[str, ...]:
    from ..councils import council_list  # lazy: a reference table read on first use

    table = council_list(include_former=True)
    names = set(table["name"].dropna())
    for variants in table["name_variants"].dropna():
        names.update(v for v in str(variants).split(";") if v != v.lower())
    return tuple(sorted(names))


class _Redactor:
    """Compiled patterns for one set of names, places and councils."""

    def __init__(self, names: tuple[str, ...], places: tuple[str, ...], councils: tuple[str, ...], keep: tuple[str, ...]):
        parts: set[str] = set()
        for full in names:
            parts.update(w for w in full.split() if len(w) > 1 and w[0].isupper())
        self.participants = _phrase_re([*names, *parts])
        self.ambiguous = _WORD_NAMES | (_STOP & parts)
        self.firsts = _phrase_re(first_names())
        self.councils = _phrase_re(councils, _COUNCIL_PREFIX, _COUNCIL_SUFFIX)
        self.places = _phrase_re(places)
        self.keep = _phrase_re(keep)
        self.place_words = frozenset(w for p in (*councils, *places) for w in p.split())

    def _surname(self, text: str, end: int) -> int:
        """End of a surname (with an optional middle initial) following ``end``, or ``end``."""
        m = _NEXT_WORD_RE.match(text, end)
        if m and m.group("word") not in _STOP and m.group("word") not in self.place_words:
            return m.end()
        return end

    def _name_words(self, text: str, pos: int, most: int = 2) -> int:
        """End of up to ``most`` capitalised non-stop words starting at ``pos``, or ``pos``."""
        end = pos
        m = _NAME_WORD_RE.match(text, pos)
        if m and m.group("word") not in _STOP:
            end = m.end()
            for _ in range(most - 1):
                nxt = self._surname(text, end)
                if nxt == end:
                    break
                end = nxt
        return end

    def find(self, text: str) -> list[_Span]:
        spans: list[_Span] = []
        add = spans.append
        for m in _EMAIL_RE.finditer(text):
            add(_Span(m.start(), m.end(), "email"))
        for m in _PHONE_RE.finditer(text):
            if _phone_ok(m):
                add(_Span(m.start(), m.end(), "phone"))
        for m in _POSTCODE_RE.finditer(text):
            add(_Span(m.start(), m.end(), "postcode"))
        for m in _DOB_RE.finditer(text):
            add(_Span(m.start("date"), m.end("date"), "date_of_birth"))
        self._find_names(text, add)
        if self.councils is not None:
            for m in self.councils.finditer(text):
                core = m.group("core")
                if core in _WORD_COUNCILS and m.end() == m.end("core") and _sentence_initial(text, m.start()):
                    continue
                add(_Span(m.start(), m.end(), "council"))
        if self.places is not None:
            for m in self.places.finditer(text):
                add(_Span(m.start(), m.end(), "place"))
        if self.keep is not None:
            kept = [(m.start(), m.end()) for m in self.keep.finditer(text)]
            spans = [s for s in spans if not any(a <= s.start and s.end <= b for a, b in kept)]
        return _resolve(spans)

    def _find_names(self, text: str, add) -> None:
        if self.participants is not None:
            for m in self.participants.finditer(text):
                word = m.group()
                if word in self.ambiguous and _sentence_initial(text, m.start()):
                    continue
                add(_Span(m.start(), m.end(), "name"))
        for m in _TITLE_RE.finditer(text):
            end = self._name_words(text, m.end())
            if end > m.end():
                add(_Span(m.end(), end, "name"))
        for m in _INTRO_RE.finditer(text):
            end = self._name_words(text, m.end())
            if end > m.end():
                add(_Span(m.end(), end, "name"))
        if self.firsts is not None:
            for m in self.firsts.finditer(text):
                word = m.group()
                end = self._surname(text, m.end())
                if word in _WORD_NAMES and end == m.end() and not _lone_name(text, m.start(), m.end()):
                    continue
                add(_Span(m.start(), end, "name"))


def _lone_name(text: str, start: int, end: int) -> bool:
    """Whether a word-like first name standing alone ("Will", "Hope") reads as a name.

    Only mid-sentence, after a lower-case word (not inside a Title Case phrase
    such as "Troubled Families Grant"), not a month next to a number ("May 2013",
    "3 June"), and not before a capitalised stop word ("Will Ofsted ...").
    """
    if text[start:end] in _MONTH_NAMES and (
        re.match(r"[ \t]*,?[ \t]*\d", text[end:]) or re.search(r"\d(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?$", text[:start])
    ):
        return False
    before = re.search(r"([A-Za-z]+)[ \t]+$", text[:start])
    if _sentence_initial(text, start) or before is None or not before.group(1)[0].islower():
        return False
    nxt = _NEXT_WORD_RE.match(text, end)
    return not (nxt and nxt.group("word") in _STOP)


def _phone_ok(m: re.Match) -> bool:
    digits = sum(c.isdigit() for c in m.group())
    if m.group("intl") is not None:  # digits after +44 / 0044 and an optional (0)
        return digits - sum(c.isdigit() for c in m.group("intl")) in (9, 10)
    return digits in (10, 11)


def _resolve(spans: list[_Span]) -> list[_Span]:
    """Keep non-overlapping spans, preferring longer ones, then the kind's precedence."""
    chosen: list[_Span] = []
    for s in sorted(spans, key=lambda s: (-(s.end - s.start), _PRIORITY[s.kind], s.start)):
        if all(s.end <= c.start or s.start >= c.end for c in chosen):
            chosen.append(s)
    return sorted(chosen, key=lambda s: s.start)


@cache
def _redactor(names: tuple[str, ...], places: tuple[str, ...], councils: tuple[str, ...] | None, keep: tuple[str, ...]) -> _Redactor:
    return _Redactor(names, places, _default_councils() if councils is None else councils, keep)


def _clean(values: Iterable[object] | None, argument: str) -> tuple[str, ...]:
    if values is None:
        return ()
    if isinstance(values, str):
        raise TypeError(f"`{argument}` must be a list of strings, not a single string {values!r}.")
    return tuple(sorted({str(v).strip() for v in values if not pd.isna(v) and str(v).strip()}))


_LOG_COLUMNS = ["kind", "start", "end", "length", "new_start", "new_end"]


def _apply(text: str, spans: list[_Span], hash_key: bytes | None) -> tuple[str, list[dict]]:
    out: list[str] = []
    rows: list[dict] = []
    pos = 0
    new_pos = 0
    for s in spans:
        out.append(text[pos : s.start])
        new_pos += s.start - pos
        token = REDACTION_TOKENS[s.kind]
        row = {"kind": s.kind, "start": s.start, "end": s.end, "length": s.end - s.start,
               "new_start": new_pos, "new_end": new_pos + len(token)}
        if hash_key is not None:
            row["value_hash"] = keyed_hash(text[s.start : s.end], key=hash_key, kind="redaction")[:16]
        rows.append(row)
        out.append(token)
        new_pos += len(token)
        pos = s.end
    out.append(text[pos:])
    return "".join(out), rows


def _log_frame(rows: list[dict], hashed: bool, unit: bool) -> pd.DataFrame:
    columns = (["unit"] if unit else []) + _LOG_COLUMNS + (["value_hash"] if hashed else [])
    log = pd.DataFrame(rows, columns=columns)
    for c in ("start", "end", "length", "new_start", "new_end"):
        log[c] = log[c].astype("int64")
    log["kind"] = log["kind"].astype("str")
    if hashed:
        log["value_hash"] = log["value_hash"].astype("str")
    return log


def redact_series(
    texts: pd.Series,
    *,
    names: Iterable[str] = (),
    places: Iterable[str] = (),
    councils: Iterable[str] | None = None,
    keep: Iterable[str] = KEEP_PHRASES,
    hash_key: bytes | str | None = None,
) -> tuple[pd.Series, pd.DataFrame]:
    """Redact every text of a Series (patterns compiled once).

    Parameters
    ----------
    texts : Series of str
        Missing values stay missing.
    names, places, councils, keep, hash_key
        As for :func:`redact`.

    Returns
    -------
    redacted : Series
        Same index as ``texts``.
    log : DataFrame
        As for :func:`redact`, with a first column ``unit`` holding the index
        label of the text.

    Examples
    --------
    >>> import pandas as pd
    >>> s = pd.Series(["Call 07700 900123.", "Fine."], index=["q1", "q2"])
    >>> red, log = redact_series(s, councils=())
    >>> red.tolist()
    ['Call [phone].', 'Fine.']
    >>> log[["unit", "kind", "start", "end"]].values.tolist()
    [['q1', 'phone', 5, 17]]
    """
    if not isinstance(texts, pd.Series):
        raise TypeError(f"`texts` must be a pandas Series, not {type(texts).__name__}.")
    engine = _redactor(_clean(names, "names"), _clean(places, "places"),
                       None if councils is None else _clean(councils, "councils"), _clean(keep, "keep"))
    secret = None if hash_key is None else resolve_key(hash_key)
    out: list[object] = []
    rows: list[dict] = []
    for unit, text in texts.items():
        if pd.isna(text):
            out.append(text)
            continue
        if not isinstance(text, str):
            raise TypeError(f"`texts` must hold strings; the value at {unit!r} is {type(text).__name__}.")
        new, found = _apply(text, engine.find(text), secret)
        out.append(new)
        rows += [{"unit": unit, **r} for r in found]
    redacted = pd.Series(out, index=texts.index, name=texts.name, dtype="str")
    return redacted, _log_frame(rows, secret is not None, unit=True)


def redact(
    text: str,
    *,
    names: Iterable[str] = (),
    places: Iterable[str] = (),
    councils: Iterable[str] | None = None,
    keep: Iterable[str] = KEEP_PHRASES,
    hash_key: bytes | str | None = None,
) -> tuple[str, pd.DataFrame]:
    """Replace names, contact details, postcodes, places and dates of birth.

    Parameters
    ----------
    text : str
    names : iterable of str
        Real names of the study's participants (``participants.name``); the
        full names and each capitalised part are redacted.
    places : iterable of str
        Place names to redact as ``[place]`` (estates, schools, towns ...).
    councils : iterable of str, optional
        Council names to redact as ``[council]``.  Default (``None``): every
        English council in :func:`impact.councils.council_list` with its name
        variants; ``()`` redacts none.
    keep : iterable of str
        Phrases never redacted; default :data:`KEEP_PHRASES`.
    hash_key : bytes or str, optional
        Add a ``value_hash`` column (keyed hash of each redacted value).

    Returns
    -------
    redacted : str
    log : DataFrame
        One row per redaction: ``kind``, ``start``, ``end`` (offsets in
        ``text``), ``length``, ``new_start``, ``new_end`` (offsets of the
        token in ``redacted``) and, with ``hash_key``, ``value_hash``.  The
        original values are never in the log.

    Raises
    ------
    TypeError
        If ``names``, ``places`` or ``councils`` is a single string.

    Examples
    --------
    >>> red, log = redact("Email Sarah Jones at s.jones@hr.leeds.gov.uk or call 0113 496 0000.")
    >>> red
    'Email [name] at [email] or call [phone].'
    >>> log["kind"].tolist()
    ['name', 'email', 'phone']
    >>> redact("We hope Will can come to North Yorkshire, not York.", councils=["North Yorkshire", "York"])[0]
    'We hope [name] can come to [council], not [council].'
    """
    if not isinstance(text, str):
        raise TypeError(f"`text` must be a str, not {type(text).__name__}.")
    red, log = redact_series(pd.Series([text]), names=names, places=places, councils=councils, keep=keep, hash_key=hash_key)
    return red.iloc[0], log.drop(columns="unit")

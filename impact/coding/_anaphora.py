"""Resolve a sentence's pronoun or bare demonstrative subject from the sentence before it.

The labelling guide (principle 1, "Neighbours") lets a neighbouring sentence
do one thing only: say what "it", "they", "this", "these changes" or "that
approach" refers to.  "A screening team now sits in the front door. It has
made the first response much quicker" is read as "the screening team has
made ...".  A code is never copied from the neighbour: the code must come
from the sentence's own change or state with the referent in place of the
pronoun (see :meth:`impact.coding.RuleCoder.code`, ``previous``).

The shape is read by syntax only: a sentence that *opens* with "it", "they"
or "this/that/these/those" (bare, or with a generic noun such as "change",
"approach", "work", "arrangement") followed by its verb.  The referents are
the domain nouns of the previous sentence: the ``terms`` of the codebook's
``near`` rules (the nouns a change word must be near), found by the same stem
matcher as the rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ._cues import PatternSet, split_parts, stem_text, tokenizer
from .codebook import Codebook

__all__: list[str] = []

#: Nouns naming a change in general, not its domain: "these changes", "this approach".
_GENERIC = ("change", "changes", "approach", "approaches", "work", "arrangement", "arrangements", "development",
            "developments", "step", "steps", "move", "shift", "measure", "measures", "improvement", "improvements",
            "way", "new way", "new approach", "new arrangement", "new arrangements")
#: Words that may follow a bare demonstrative and show it is the subject (an auxiliary, an adverb, a verb).
_AUX = ("has", "have", "had", "is", "are", "was", "were", "will", "would", "can", "could", "may", "might", "should",
        "must", "now", "also", "then", "already", "again", "really", "too", "alone", "itself", "themselves", "led",
        "made", "makes", "make", "means", "meant", "gives", "gave", "brought", "brings", "helps", "helped", "lets",
        "let", "keeps", "kept", "sits", "sat", "runs", "ran", "took", "takes", "grew", "grows", "got", "gets")
_DEMONSTRATIVE = r"(?:this|that|these|those)"
# Sentence start: optional opening quote, then the anaphor; the rest of the sentence follows it.
_OPENING = re.compile(
    r"^[\s\"'\u2018\u201c(]*(?P<ana>(?:(?P<pron>it|they)|(?P<dem>" + _DEMONSTRATIVE + r")"
    r"(?:\s+(?P<noun>" + "|".join(sorted(map(re.escape, _GENERIC), key=len, reverse=True)) + r"))?))"
    r"(?=\s+(?P<next>[^\W_]+(?:['\u2019][^\W_]+)?))", re.IGNORECASE)
# "It is important to", "It was agreed that", "This is to inform": an expletive subject, no referent.
_EXPLETIVE = re.compile(r"^\s*\S+\s+(?:\S+\s+){0,3}?(?:that|to)\b", re.IGNORECASE)
# A copula and a noun phrase after the anaphor: it classifies or names the referent ("This was the first step").
_IDENTITY = re.compile(r"^\s+(?:is|are|was|were|has been|have been|had been|will be|would be)\s+(?:also\s+)?"
                       r"(?:a|an|the|our|their|its|one|another|part|some)\b", re.IGNORECASE)
# A sentence end inside a unit: end punctuation, space, then a capital or an opening quote.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u2019\u201d)]?\s+(?=[\"'\u2018\u201c(]?[A-Z])")
_MAX_REFERENTS = 6
_PLURAL_PRONOUNS = frozenset({"they", "these", "those"})
#: Singular in form, plural in agreement ("the police ... they").
_COLLECTIVE = frozenset({"staff", "police", "people"})


def anaphor(sentence: str) -> tuple[int, int] | None:
    """The span ``(start, end)`` of the pronoun or demonstrative subject that opens ``sentence``, or None.

    Examples
    --------
    >>> s = "These changes have made the audits more robust."
    >>> a, b = anaphor(s); s[a:b]
    'These changes'
    >>> anaphor("It was agreed that the chair would write to partners.") is None
    True
    >>> anaphor("This report sets out the findings.") is None
    True
    """
    m = _OPENING.match(sentence)
    if m is None:
        return None
    nxt = m.group("next").lower()
    if m.group("dem") and not m.group("noun"):
        # a bare demonstrative must be a subject: a verb or an auxiliary follows ("This has ...", "This resulted in"),
        # not a noun it determines ("This report ...")
        if nxt not in _AUX and not (len(nxt) > 4 and nxt.endswith("ed")):
            return None
    rest = sentence[m.end("ana"):]
    if (m.group("pron") or not m.group("noun")) and _EXPLETIVE.match(rest):
        return None
    if _IDENTITY.match(rest):
        return None  # "This was the first step ...", "It is a strong team": what it is, not a change of it
    return m.start("ana"), m.end("ana")


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the sentences of ``text`` (end punctuation followed by a capital)."""
    start = 0
    for m in _SENTENCE_END.finditer(text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


def is_plural(noun: str) -> bool:
    """Whether a noun phrase is plural, by its last word: "-s" (not "-ss", "-us", "-is") or a collective noun.

    Examples
    --------
    >>> [is_plural(n) for n in ("referrals", "the front door", "process", "staff", "police")]
    [True, False, False, True, True]
    """
    last = noun.lower().split()[-1]
    return last in _COLLECTIVE or (last.endswith("s") and not last.endswith(("ss", "us", "is")))


class Referents:
    """The domain nouns of a sentence: the ``terms`` of a codebook's ``near`` rules, in the words of the text."""

    def __init__(self, codebook: Codebook) -> None:
        def expand(side: Any) -> list[str]:
            items = [side] if isinstance(side, str) else list(side)
            return [term for t in items for term in (codebook.classes[t[1:]] if t.startswith("@") else [t])]

        nears = [near for code_id in codebook.code_ids
                 for near in (codebook.code(code_id).get("rules") or {}).get("near", [])]
        # A change or state word ("new", "challenge", "determined") may also stand on a rule's noun side: the
        # referent is a noun phrase only, never a word that can be the change itself.
        terms = {term for near in nears for term in expand(near["terms"])
                 if not split_parts(term)[1]}  # a chain with a gap is no noun phrase
        # The change words: a "with" side's own words and the classes only ever on a "with" side ("@revise"); a class
        # on a "terms" side too ("@systems" near "@revise", "@partners" near "@partners") names nouns.
        noun_classes = {t for near in nears for t in ([near["terms"]] if isinstance(near["terms"], str)
                                                      else near["terms"]) if t.startswith("@")}
        changes = PatternSet({"change": sorted({
            term for near in nears
            for t in ([near["with"]] if isinstance(near["with"], str) else near["with"]) if t not in noun_classes
            for term in expand([t]) if not split_parts(term)[1]})}, longest=True)
        self.matcher = PatternSet({"noun": sorted(terms)}, longest=True)
        self._memo: dict[tuple[str, bool | None], tuple[str, ...]] = {}  # (sentence, number) -> its nouns
        self.changes = changes

    def __call__(self, sentence: str, *, plural: bool | None = None) -> list[str]:
        """The distinct domain nouns of ``sentence`` as written, in order (at most a few).

        ``plural``: only plural nouns (True, for "they", "these"), only singular ones (False, for "it", "this"), or
        both (None): a pronoun agrees in number with what it refers to.
        """
        key = (sentence, plural)
        found = self._memo.get(key)
        if found is None:
            if len(self._memo) > 100_000:
                self._memo.clear()
            found = self._memo[key] = self._nouns(sentence, plural)
        return list(found)

    def _nouns(self, sentence: str, plural: bool | None) -> tuple[str, ...]:
        tokens = tokenizer(sentence).findall(sentence)
        stems = stem_text(sentence)
        out: list[str] = []
        for a, b, _ in self.matcher.find(stems):
            first = stems.count(" ", 0, a)  # the match's leading space is the space before its first token
            n = stems.count(" ", a, b)
            phrase = " ".join(tokens[first:first + n])
            whole = stem_text(phrase)
            if re.search(r"(?:ed|ly)$", phrase.lower()) or any(b - a == len(whole) - 1 for a, b, _ in
                                                               self.changes.find(whole)):
                continue  # a participle, an adverb or a change word ("new", "challenges"), not a noun phrase
            if plural is not None and is_plural(phrase) != plural:
                continue
            if phrase.lower() not in (p.lower() for p in out):
                out.append(phrase)
            if len(out) == _MAX_REFERENTS:
                break
        return tuple(out)


def resolutions(text: str, previous: Any, referents: Referents) -> list[tuple[int, int, int, str, str]]:
    """``(start, end, at, referent, resolved sentence)`` for each sentence of ``text`` that opens with an anaphor.

    The sentence before it is the previous sentence of ``text`` itself, or for
    the first sentence ``previous`` (the text before the unit, or None).  Each
    domain noun of that sentence gives one resolved sentence: the anaphor
    replaced by "the <noun>".  ``start:end`` is the anaphor's span in ``text``,
    ``at`` where the referent starts in the resolved sentence.
    """
    out: list[tuple[int, int, int, str, str]] = []
    before = previous if isinstance(previous, str) and previous.strip() else None
    for s0, s1 in sentences(text):
        sentence = text[s0:s1]
        span = anaphor(sentence)
        if span is not None and before is not None:
            a, b = span
            plural = sentence[a:b].split()[0].lower() in _PLURAL_PRONOUNS
            for noun in referents(before, plural=plural):
                referent = noun if noun.lower().startswith("the ") else f"the {noun}"
                out.append((s0 + a, s0 + b, a, referent, f"{sentence[:a]}{referent}{sentence[b:]}"))
        before = sentence
    return out

"""Valence: whether a statement about the review process says it helped, hindered, both, or neither.

The ``review_process`` codebook codes *which* part of the review or which
factor a statement is about; whether it helped or hindered is read per
statement from evaluation words (bundled lists ``valence_positive`` and
``valence_negative`` in ``impact/_data/wordlists``, the same pattern syntax
as codebook phrases, matched on word stems):

* ``helped`` - positive evaluation only ("the peers were really credible");
* ``hindered`` - negative evaluation only ("the report took months to come
  back"), or a positive word under negation ("it wasn't that useful": a
  negation cue in the three words before it turns it round);
* ``mixed`` - both ("useful, but the report came far too late");
* ``neutral`` - neither (a description: "the team spent three days on site").

A statement the coder marked ``negated`` ("nobody followed it up") is
``hindered`` whatever its words: the part of the review it names was missing.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ._cues import PatternSet, stem_text, wordlist

__all__ = ["valence", "VALENCES"]

#: Valence values, in the order reports show them.
VALENCES: tuple[str, ...] = ("helped", "hindered", "mixed", "neutral")

_SETS: dict[str, PatternSet] = {}
_FLIP_WINDOW = 3  # words before an evaluation word a negation cue reaches


def _sets() -> dict[str, PatternSet]:
    if not _SETS:
        _SETS["eval"] = PatternSet({"pos": wordlist("valence_positive"), "neg": wordlist("valence_negative")},
                                   longest=True)
        _SETS["negation"] = PatternSet({"neg": wordlist("negators"), "pseudo": wordlist("pseudo_negators")},
                                       longest=True)
    return _SETS


def _tokens_before(s: str, start: int) -> int:
    return s.count(" ", 0, start)


def valence(texts: str | Sequence[str] | pd.Series, *, negated: Sequence[bool] | None = None) -> pd.Series:
    """The valence of each statement: helped, hindered, mixed or neutral.

    Parameters
    ----------
    texts : str or sequence of str
        The statements; one text alone is read as one.
    negated : sequence of bool, optional
        The coder's negation flag of each statement; a negated statement is
        ``hindered``.

    Returns
    -------
    Series
        One of :data:`VALENCES` per text (index of ``texts`` when a Series).

    Examples
    --------
    >>> valence(["The peers were credible and the feedback was really useful.",
    ...          "The final report took far too long to arrive.",
    ...          "It wasn't that useful in the end.", "Useful, but the report came far too late.",
    ...          "The team spent three days on site."]).tolist()
    ['helped', 'hindered', 'hindered', 'mixed', 'neutral']
    """
    from .._joins import refuse_table_or_dict

    refuse_table_or_dict(texts, "texts", noun="text")  # a table's column names, a dict's keys read as texts (newuser18)
    if isinstance(texts, str):  # one text alone, not its letters
        texts = [texts]
    sets = _sets()
    index = texts.index if isinstance(texts, pd.Series) else None
    flags = list(negated) if negated is not None else [False] * len(texts)
    if len(flags) != len(texts):
        raise ValueError(f"`negated` must have one flag per text ({len(texts)}), but {len(flags)} were passed.")
    out = []
    read: dict[str, str] = {}  # a text coded with several codes is read once
    for text, neg in zip(texts, flags, strict=True):
        if neg:
            out.append("hindered")
            continue
        key = str(text)
        if key in read:
            out.append(read[key])
            continue
        s = stem_text(key)
        negators = [_tokens_before(s, a) for a, _, labels in sets["negation"].find(s, 0, len(s))
                    if labels[0][0] != "pseudo"]
        pos = hind = 0
        for a, _, labels in sets["eval"].find(s, 0, len(s)):
            at = _tokens_before(s, a)
            flipped = sum(1 for n in negators if 0 < at - n <= _FLIP_WINDOW) % 2 == 1
            positive = labels[0][0] == "pos"
            if positive != flipped:
                pos += 1
            else:
                hind += 1
        read[key] = "mixed" if pos and hind else "helped" if pos else "hindered" if hind else "neutral"
        out.append(read[key])
    return pd.Series(out, index=index, dtype="object")

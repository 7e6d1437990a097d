"""Round 80 (lead): an acronym's plural after a capitalised word opening a sentence was read as a name.

"Many IROs left." gave "Many [name] left." while "We met many IROs." and "The QSWs were new." were kept: the opening
word (a quantifier, capitalised only because it opens the sentence) and the acronym's plural were judged as a given
name and a surname. The plurals here are of role and document acronyms in real use in English children's services
(independent reviewing officers, virtual school heads, qualified social workers, designated safeguarding leads,
education, health and care plans, special guardianship orders); the quantifiers are the ones a sentence opens with.
Names beside such plurals are still found.
"""

from __future__ import annotations

import itertools

import pytest

from impact.privacy import redact

PLURALS = ("IROs", "VSHs", "QSWs", "DSLs", "EHCPs", "SGOs", "NQSWs", "LADOs")
OPENINGS = ("Many", "Two", "Several", "Both", "Most", "Some", "All", "Three", "Few", "Our")
VERBS = ("left.", "said the same.", "were at the meeting.")


@pytest.mark.parametrize(("opening", "plural"), list(itertools.product(OPENINGS, PLURALS)))
def test_an_acronyms_plural_after_an_opening_word_is_no_name(opening, plural):
    for verb in VERBS:
        sentence = f"{opening} {plural} {verb}"
        assert redact(sentence)[0] == sentence


@pytest.mark.parametrize(("sentence", "redacted"), [
    ("Two IROs and Jane Okafor came.", "Two IROs and [name] came."),
    ("Many VSHs met Priya Natarajan.", "Many VSHs met [name]."),
    ("KM (IRO) left.", "[name] (IRO) left."),
    ("Ask JS about the EHCPs.", "Ask [name] about the EHCPs."),
    ("Jane SMITH left.", "[name] left."),
])
def test_names_beside_the_plurals_are_still_found(sentence, redacted):
    assert redact(sentence)[0] == redacted

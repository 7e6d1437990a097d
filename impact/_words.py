"""Nouns and verbs in the number of what a message counts (private): "1 row", "3 rows", "1 council lacks",
"2 councils lack", "the column 'x'", "the columns 'x', 'y'", never a noun with "(s)" after it.

Examples
--------
>>> _counted(1, "row"), _counted(1200, "row"), _counted(2, "analysis"), _counted(3, "child")
('1 row', '1,200 rows', '2 analyses', '3 children')
>>> f"{_counted(1, 'council')} {_verb(1, 'lacks')} it; {_counted(2, 'council')} {_verb(2, 'lacks')} it"
'1 council lacks it; 2 councils lack it'
>>> _named("column", ["x"]), _named("column", ["x", "y"])
("column 'x'", "columns 'x', 'y'")
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sized

__all__: list[str] = []

#: Plurals no rule gives (the singular in lower case).
_IRREGULAR = {
    "child": "children", "person": "people", "man": "men", "woman": "women", "foot": "feet", "tooth": "teeth",
    "mouse": "mice", "criterion": "criteria", "phenomenon": "phenomena", "datum": "data", "index": "indices",
    "matrix": "matrices", "vertex": "vertices", "appendix": "appendices", "leaf": "leaves", "half": "halves",
    "life": "lives", "wife": "wives", "knife": "knives", "shelf": "shelves", "self": "selves", "thief": "thieves",
    "sheep": "sheep", "series": "series", "species": "species", "information": "information", "staff": "staff",
    "evidence": "evidence", "feedback": "feedback",
}

#: Verbs whose plural no rule gives (third person singular present -> plural).
_IRREGULAR_VERBS = {"is": "are", "was": "were", "has": "have", "does": "do", "goes": "go"}


def _plural(noun: str) -> str:
    """The plural of ``noun``, whose last word alone changes: 'council' -> 'councils', 'authority' ->
    'authorities', 'match' -> 'matches', 'analysis' -> 'analyses', 'child' -> 'children', 'subject-wave' ->
    'subject-waves', 'source text file' -> 'source text files'.

    Examples
    --------
    >>> [_plural(w) for w in ("council", "authority", "day", "match", "analysis", "person", "Child", "coded span")]
    ['councils', 'authorities', 'days', 'matches', 'analyses', 'people', 'Children', 'coded spans']
    """
    cut = max(noun.rfind(" "), noun.rfind("-")) + 1
    head, word = noun[:cut], noun[cut:]
    low = word.lower()
    if not low.isalpha() or (word.isupper() and len(word) > 1):  # 'IDs', 'PDFs', 'x2s'
        return noun + "s"
    if low in _IRREGULAR:
        many = _IRREGULAR[low]
    elif low.endswith("sis") and len(low) > 4:  # analysis, basis, hypothesis, synthesis
        many = low[:-2] + "es"
    elif low.endswith("y") and low[-2:-1] not in tuple("aeiou"):
        many = low[:-1] + "ies"
    elif low.endswith(("s", "x", "z", "ch", "sh")):
        many = low + "es"
    else:
        many = low + "s"
    return head + (many[:1].upper() + many[1:] if word[:1].isupper() else many)


def _counted(n: int, noun: str, many: str | None = None) -> str:
    """``n`` with its noun in the right number, thousands separated: '1 council', '3 councils', '1,200 rows'.
    ``many`` is the plural where ``noun`` is a phrase whose last word is not the one that changes ('row of the
    table', 'rows of the table').

    Examples
    --------
    >>> _counted(1, "council"), _counted(3, "council"), _counted(0, "cell"), _counted(2, "subject-wave")
    ('1 council', '3 councils', '0 cells', '2 subject-waves')
    """
    return f"{n:,} {noun if n == 1 else many or _plural(noun)}"


def _after_the(n: int, noun: str, many: str | None = None) -> str:
    """``noun`` after a word that picks some out ('its last', 'the first'): the noun alone for one, else the count and
    the plural ('its last cell is empty', 'its last 3 cells are empty'), never '1 cell' where no count is meant.

    Examples
    --------
    >>> f"its last {_after_the(1, 'cell')}", f"its last {_after_the(3, 'cell')}", f"the first {_after_the(1200, 'row')}"
    ('its last cell', 'its last 3 cells', 'the first 1,200 rows')
    """
    return noun if n == 1 else _counted(n, noun, many)


def _number(n: int | Sized, noun: str) -> str:
    """``noun`` alone in the number of ``n`` (a count, or a list whose length is the count): for a message that
    writes the number elsewhere or not at all ('the columns' of a list of two).

    Examples
    --------
    >>> _number(1, "row"), _number(["a", "b"], "column"), _number([], "problem")
    ('row', 'columns', 'problems')
    """
    k = n if isinstance(n, int) else len(n)
    return noun if k == 1 else _plural(noun)


def _verb(n: int | Sized, singular: str, many: str | None = None) -> str:
    """The verb that agrees with a count of ``n`` (or a list of ``n`` things): ``_verb(1, "lacks")`` -> 'lacks',
    ``_verb(2, "lacks")`` -> 'lack'.  Without ``many`` the plural of a one-word verb is derived ('is' -> 'are',
    'has' -> 'have', 'was' -> 'were', 'carries' -> 'carry', 'matches' -> 'match'); a phrase gives both forms.

    Examples
    --------
    >>> [_verb(2, v) for v in ("is", "has", "was", "lacks", "carries", "matches", "falls", "goes")]
    ['are', 'have', 'were', 'lack', 'carry', 'match', 'fall', 'go']
    >>> _verb(1, "its test has", "their tests have"), _verb(3, "its test has", "their tests have")
    ('its test has', 'their tests have')
    """
    k = n if isinstance(n, int) else len(n)
    if k == 1:
        return singular
    if many is not None:
        return many
    if singular in _IRREGULAR_VERBS:
        return _IRREGULAR_VERBS[singular]
    if " " in singular or not singular.endswith("s"):
        raise ValueError(f"_verb() derives the plural of a one-word verb ending in 's', not {singular!r}: pass it")
    if singular.endswith("ies") and len(singular) > 4:
        return singular[:-3] + "y"
    if singular.endswith(("sses", "shes", "ches", "xes", "zes")):
        return singular[:-2]
    return singular[:-1]


def _named(noun: str, items: Collection[object]) -> str:
    """``noun`` in the number of ``items``, then the items quoted and comma-joined: "column 'x'", "columns 'x',
    'y'" (for a message whose list has no count of its own: "lacks the column 'x'").  Strings are quoted with
    ``repr``; other items (already formatted) as they are.

    Examples
    --------
    >>> _named("column", ["x"]), _named("sheet", ["review", "_meta"]), _named("code", [])
    ("column 'x'", "sheets 'review', '_meta'", 'codes')
    """
    listed = ", ".join(repr(i) if isinstance(i, str) else str(i) for i in items)
    return f"{_number(len(items), noun)} {listed}".rstrip()


def _outside_brackets(text: str) -> str:
    """``text`` without what its brackets hold: 'ideas, plans (a, b)' -> 'ideas, plans '."""
    out, depth = [], 0
    for ch in text:
        if ch in "([{":
            depth += 1
        elif ch in ")]}" and depth:
            depth -= 1
        elif not depth:
            out.append(ch)
    return "".join(out)


_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")


def _list_commas(text: str) -> str:
    """``text`` without what its brackets hold and without the commas of its numbers' thousands ('1,294'): the commas
    left would set off a list's items. A list of counts above 999 was set off by semicolons, '11% of the 1,294 such
    statements at early impact; and 31% of the 925 at longer-term change' (150 councils, seed 46150, truth46)."""
    return _THOUSANDS.sub("", _outside_brackets(text))


def _listed(items: Iterable[object], conjunction: str = "and", *, semicolons: bool | None = None) -> str:
    """A list in a sentence: 'a', 'a and b', 'a, b and c' (no comma before the conjunction). Where an item has a
    comma or the conjunction of its own outside brackets, or ``semicolons`` is set (a list of clauses), the items
    are set off by semicolons, 'a; b, c; and d', so no reader takes one item for two ('morale and relations and
    promotion of learning'); ``semicolons=False`` keeps commas whatever the items hold. The one helper for every list
    the report writes in prose (a list of lists: :func:`_listed_lists`): a list joined with commas alone ('commitment,
    learning, morale') reads as an unfinished sentence.

    Examples
    --------
    >>> _listed(["commitment"]), _listed(["commitment", "morale"]), _listed(["a", "b", "c"], "or")
    ('commitment', 'commitment and morale', 'a, b or c')
    >>> _listed(["morale", "ideas, plans and actions", "learning"])
    'morale; ideas, plans and actions; and learning'
    >>> _listed(["staff morale and relations", "learning"])
    'staff morale and relations; and learning'
    >>> _listed(["re-referrals (-2.17, adjusted p 0.025)", "turnover (1.20, adjusted p 0.040)"])
    're-referrals (-2.17, adjusted p 0.025) and turnover (1.20, adjusted p 0.040)'
    >>> _listed(["11% of the 1,294 statements at early impact", "31% of the 925 at longer-term change"])
    '11% of the 1,294 statements at early impact and 31% of the 925 at longer-term change'
    >>> _listed(["it rose at one wave", "it fell at another"], semicolons=True)
    'it rose at one wave; and it fell at another'
    >>> _listed([])
    ''
    """
    parts = [str(i) for i in items]
    if len(parts) < 2:
        return "".join(parts)
    if semicolons or (semicolons is None
                      and any("," in o or f" {conjunction} " in o for o in map(_list_commas, parts))):
        return "; ".join(parts[:-1]) + f"; {conjunction} " + parts[-1]
    return ", ".join(parts[:-1]) + f" {conjunction} " + parts[-1]


def _listed_clauses(clauses: Iterable[object], conjunction: str = "and") -> str:
    """Clauses in a sentence, set off by semicolons ('a; and b'); where a clause holds semicolons of its own (outside
    brackets: a list set off by them), the clauses are numbered, '(1) ...; and (2) ...', so that no reader takes the
    clause's own list for more clauses: 'the lowest kappa is 0.41 for a; and 0.52 for b; and it gives none for c'
    could not be split (round 32).

    Examples
    --------
    >>> _listed_clauses(["it rose at one wave", "it fell at another"])
    'it rose at one wave; and it fell at another'
    >>> _listed_clauses(["kappa 0.41 for a; and 0.52 for b", "none for c"])
    '(1) kappa 0.41 for a; and 0.52 for b; and (2) none for c'
    >>> _listed_clauses(["one clause; alone"])
    'one clause; alone'
    """
    parts = [str(c) for c in clauses]
    if len(parts) > 1 and any(";" in _outside_brackets(p) for p in parts):
        parts = [f"({k}) {p}" for k, p in enumerate(parts, 1)]
    return _listed(parts, conjunction, semicolons=True)


def _listed_lists(groups: Iterable[tuple], conjunction: str = "and") -> str:
    """A list of lists in a sentence: each group a lead, its own list and, optionally, a tail ('early impact against
    before the review for' and its impacts; '', the impacts, 'reported more often at early impact'). Each group's list
    is joined by :func:`_listed`; the groups by semicolons, with ``conjunction`` before the last. Where any group's own
    list is set off by semicolons (an item with a comma or the conjunction of its own, 'ideas, plans and actions'),
    semicolons alone no longer tell one group from the next, so the groups are numbered, '(1) ...; and (2) ...', and
    every group's list of two or more is set off by semicolons, so that a group without one holds one item ('for
    revision of policies, processes and systems'). A list of lists joined with commas inside and semicolons outside read
    'for commitment, development of ideas, plans and actions and learning', which a reader cannot split (round 31).

    Examples
    --------
    >>> _listed_lists([("early impact for", ["commitment", "learning"]), ("longer-term for", ["morale"])])
    'early impact for commitment and learning; and longer-term for morale'
    >>> _listed_lists([("early impact for", ["commitment", "ideas, plans and actions"]), ("longer-term for", ["morale"])])
    '(1) early impact for commitment; and ideas, plans and actions; and (2) longer-term for morale'
    >>> _listed_lists([("early impact for", ["commitment", "ideas, plans and actions"])])
    'early impact for commitment; and ideas, plans and actions'
    >>> _listed_lists([("", ["a", "b, c"], "more often"), ("", ["d"], "less often")])
    '(1) a; and b, c more often; and (2) d less often'
    >>> _listed_lists([])
    ''
    """
    groups = [(str(g[0]), [str(i) for i in g[1]], str(g[2]) if len(g) > 2 else "") for g in groups]

    def said(semicolons: bool | None) -> list[str]:
        return [" ".join(p for p in (lead, _listed(items, conjunction, semicolons=semicolons), tail) if p)
                for lead, items, tail in groups]

    plain = said(None)
    if len(plain) < 2:
        return "".join(plain)
    return _listed_clauses(said(True) if any(";" in _outside_brackets(s) for s in plain) else plain, conjunction)


def _unit_noun(column: object) -> str:
    """What a row of ``column`` is, as a noun for a warning: the column's name less an ``_id`` ('council_id' ->
    'council', 'participant_id' -> 'participant'), else 'unit' where the name is no plain word ('u', 'id', 'LA code').

    Examples
    --------
    >>> [_unit_noun(c) for c in ("council_id", "school", "participant_id", "u", "id", "LA code", 3)]
    ['council', 'school', 'participant', 'unit', 'unit', 'unit', 'unit']
    """
    stem = str(column).removesuffix("_id")
    return stem.replace("_", " ") if len(stem) >= 3 and stem.replace("_", "").isalpha() and stem.islower() else "unit"


#: What the councils counted by :func:`_one_status_why` were seen doing: (as a clause after "it", as a phrase after
#: "council").
_SEEN = {"interviews": ("it was interviewed", "interviewed"),
         "survey": ("it answered the survey", "answering the survey")}


def _one_status_why(n_intervention: int, n_no_intervention: int, *, seen: str = "interviews",
                    consequence: bool = True) -> str:
    """Why no difference by intervention status can be estimated, in words a report can quote after a colon or in
    brackets, where at each wave every council seen had one intervention status: ``n_intervention`` councils were
    seen in intervention at some wave and ``n_no_intervention`` out of it at some wave (seen: interviewed, or
    answering the survey where ``seen="survey"``). '' where neither counts a council. Where the status changed
    between the waves, ``consequence`` adds what that costs a model (False where no model is meant, as of the
    comparisons of councils at each wave).

    One wording for the models fitted on wave alone (:func:`impact.intervention_effects`,
    :func:`impact.survey_effects`), the report's sentences on them, and the comparisons' reason
    (:func:`impact.validate.capabilities`): they were three, in two tenses, and "no council interviewed was in
    intervention at any wave" was false of a council in intervention at a wave it was not interviewed at (truth65).

    Examples
    --------
    >>> _one_status_why(0, 6)
    'no council was in intervention when it was interviewed'
    >>> _one_status_why(8, 0, seen="survey")
    'every council was in intervention whenever it answered the survey'
    >>> _one_status_why(8, 8)  # doctest: +NORMALIZE_WHITESPACE
    'at each wave every council interviewed had the same intervention status, which changed between the waves, so
     the effect of status cannot be told from the change across the waves'
    >>> _one_status_why(8, 8, consequence=False)
    'at each wave every council interviewed had the same intervention status, which changed between the waves'
    """
    clause, phrase = _SEEN[seen]
    if n_intervention <= 0 and n_no_intervention <= 0:
        return ""
    if n_intervention <= 0:
        return f"no council was in intervention when {clause}"
    if n_no_intervention <= 0:
        return f"every council was in intervention whenever {clause}"
    return (f"at each wave every council {phrase} had the same intervention status, which changed between the waves"
            + (", so the effect of status cannot be told from the change across the waves" if consequence else ""))

"""Which impacts a machine coding reads poorly, and the caveat the report prints with their figures.

The report (:func:`impact.report._build.assemble`) states no machine-coded
figure of an impact the coder reads with F1 below :data:`WEAK_F1` on real
text as a finding; notebooks and analysis scripts that show such figures
print the same caveat, from these functions, rather than a copy of the rule.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pandas as pd

from .._words import _listed

if TYPE_CHECKING:
    from ..coding.codebook import Codebook

__all__ = ["WEAK_F1", "CHECKED_KAPPA", "weak_codes", "unconfirmed_by_status", "unconfirmed_over_waves",
           "machine_coding_note"]

#: A code the machine coder reads with F1 below this on real text is not stated as a finding without a caveat.
WEAK_F1 = 0.70


def _against(x: float, threshold: float) -> str:
    """``x`` to two decimals, or more where two would put it on the other side of ``threshold``: a kappa of 0.696
    against a line at 0.70 is '0.696', not '0.70' in a sentence that says it is below 0.70 (as ``_p_words`` keeps a
    p below alpha below it); never '-0.00'.

    Examples
    --------
    >>> _against(0.6951, 0.70), _against(0.6949, 0.70), _against(0.70, 0.70), _against(0.7049, 0.70)
    ('0.695', '0.69', '0.70', '0.70')
    >>> _against(0.69999, 0.70), _against(-0.004, 0.70)
    ('0.69999', '0.00')
    """
    digits = 2
    while digits < 6 and (x < threshold) != (round(x, digits) < threshold):
        digits += 1
    return f"{x:.{digits}f}".replace("-0.00", "0.00")


def _say(x: int) -> str:
    """A count in words up to ten, in digits beyond."""
    words = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    return words[x] if x < len(words) else str(x)


def _count_words(k: int, n: int) -> str:
    """'one of the six', 'all six' ... for small counts; digits beyond ten."""
    return f"all {_say(n)}" if k == n else f"{_say(k)} of the {_say(n)}"


def _unmeasured(weak: dict[str, float]) -> bool:
    """Whether every impact in ``weak`` is there because its accuracy was never measured."""
    return bool(weak) and all(math.isnan(f1) for f1 in weak.values())


def _why_weak(weak: dict[str, float], codes, what: str) -> str:
    """'the coder's F1 on real text is below 0.70 for {what} (0.55 and 0.61)', or why else the impacts are not
    known to be read well."""
    f1s = [weak[c] for c in codes]
    measured = [_against(f, WEAK_F1) for f in f1s if not math.isnan(f)]
    if len(measured) == len(f1s):
        return f"the coder's F1 on real text is below {WEAK_F1:.2f} for {what} ({_listed(measured)})"
    if not measured:
        return f"the coder's accuracy on {what} has not been measured against people's coding"
    return (f"the coder's F1 on real text is below {WEAK_F1:.2f} ({_listed(measured)}), or has not been "
            f"measured, for {what}")


def _validity(codebook, source: str | None) -> pd.DataFrame | None:
    """The machine coder's stored accuracy on real labelled text for ``codebook``, if measured and current."""
    from ..coding import coder_validity
    from ..errors import InputError

    if source != "machine":
        return None
    try:
        v = coder_validity(codebook.id)
    except (InputError, FileNotFoundError, ValueError):
        return None
    if v.attrs.get("codebook_hash") != codebook.hash:
        return None  # measured on another version of the codebook: not this coder's accuracy
    return v


def _weak(codes, validity: pd.DataFrame | None, source: str | None) -> dict[str, float]:
    if source != "machine":
        return {}
    per = validity.set_index("code")["f1"] if validity is not None else pd.Series(dtype=float)
    return {c: float(per[c]) if c in per.index else math.nan for c in codes
            if c not in per.index or not per[c] >= WEAK_F1}


def weak_codes(codebook: Codebook, *, source: str = "machine") -> dict[str, float]:
    """Impacts the machine coder reads poorly on real text, with their F1, in codebook order.

    The rule the report applies: a code whose F1 on the real-text gold corpus
    (:func:`impact.coding.coder_validity`, stored for the codebook's current
    version) is below :data:`WEAK_F1`, or was never measured (F1 NaN), is
    not known to be read well.

    Parameters
    ----------
    codebook : impact.Codebook
        The codebook the codings were made with.
    source : str
        Who coded: ``"machine"`` (the package's coder) or anything else
        (codings supplied by people, for which nothing is weak).

    Returns
    -------
    dict
        ``{code_id: f1}`` for each top-level code read poorly; empty when none is.

    Examples
    --------
    >>> import impact
    >>> weak = weak_codes(impact.Codebook.nfer())
    >>> all(f1 < WEAK_F1 for f1 in weak.values()) and "learning" in weak
    True
    >>> weak_codes(impact.Codebook.nfer(), source="people")
    {}
    """
    _check_source(source)
    return _weak(list(codebook.top_codes()), _validity(codebook, source), source)


def _check_source(source: object) -> None:
    """Refuse a ``source`` that is no text, or a slip of "machine" ('machin', 'Machine'): any other text is read as
    codings people supplied, for which nothing is weak, and the slip silently said so (newuser17)."""
    from ..schema import did_you_mean

    if not isinstance(source, str):
        raise TypeError(f"The value for `source` must be a str (\"machine\", or who else coded), but {source!r:.60} "
                        f"({type(source).__name__}) was passed.")
    if source != "machine" and (source.strip().casefold() == "machine" or did_you_mean(source, ["machine"])):
        raise ValueError(f"The value for `source` must be \"machine\" for the package's coder (any other text reads "
                         f"as codings people supplied, none of them weak), but {source!r} was passed (did you mean "
                         f"'machine'?).")


#: A machine-coded difference by status is stated only when a hand check in the study gives Cohen's kappa of at
#: least this between the coder and people, for that impact, in councils in intervention and in the others alike.
CHECKED_KAPPA = 0.70


def kappas_by_status(reliability_by_status: pd.DataFrame | None) -> dict[str, tuple[float, float]]:
    """Cohen's kappa of the coder against people per impact, ``(in intervention, not)``, from a study's hand check
    (``Findings.reliability_by_status``); impacts without both are left out."""
    r = reliability_by_status
    if r is None or r.empty or not {"code", "metric", "value", "status_group"} <= set(r.columns):
        return {}
    k = r[r["metric"] == "cohen_kappa"].pivot_table(index="code", columns="status_group", values="value", aggfunc="min")
    if not {"intervention", "no_intervention"} <= set(k.columns):
        return {}
    return {c: (float(row["intervention"]), float(row["no_intervention"])) for c, row in k.iterrows()
            if not (math.isnan(row["intervention"]) or math.isnan(row["no_intervention"]))}


def unconfirmed_over_waves(codes, weak: dict[str, float], reliability_by_wave: pd.DataFrame | None, waves, *,
                           source: str = "machine") -> list[str]:
    """The impacts of ``codes`` whose machine-coded change across ``waves`` is no finding.

    A coder that reads one wave's talk differently from another's (hopes
    before a review, what happened after it) makes a change across the waves
    by itself.  So under machine coding an impact's change is a finding only
    when it is read with F1 of at least :data:`WEAK_F1` on real text (not in
    ``weak``) *and* a hand check of the study's own codings gives Cohen's kappa
    of at least :data:`CHECKED_KAPPA` at every wave of ``waves``.  Codings by
    people: none.

    Examples
    --------
    >>> import pandas as pd
    >>> check = pd.DataFrame({"code": ["a", "a", "b", "b"], "metric": "cohen_kappa", "value": [0.8, 0.75, 0.9, 0.5],
    ...                       "wave": ["before", "after"] * 2})
    >>> unconfirmed_over_waves(["a", "b", "c"], {}, check, ["before", "after"])
    ['b', 'c']
    >>> unconfirmed_over_waves(["a"], {}, check, ["before", "after", "later"])
    ['a']
    >>> unconfirmed_over_waves(["a", "b"], {}, None, ["before", "after"], source="people")
    []
    """
    if source != "machine":
        return []
    checked = _checked_at_every(reliability_by_wave, "wave", list(waves))
    return [c for c in codes if c in weak or c not in checked]


def _checked_at_every(reliability: pd.DataFrame | None, column: str, levels: list[str]) -> set[str]:
    """The codes whose hand check gives Cohen's kappa of at least :data:`CHECKED_KAPPA` at every one of ``levels`` of
    ``column`` (a level without a kappa fails)."""
    r = reliability
    if r is None or r.empty or not {"code", "metric", "value", column} <= set(r.columns):
        return set()
    k = r[r["metric"] == "cohen_kappa"].pivot_table(index="code", columns=column, values="value", aggfunc="min")
    k = k.reindex(columns=levels)
    return {c for c, row in k.iterrows() if (row.astype(float) >= CHECKED_KAPPA).all()}


def unconfirmed_by_status(codes, weak: dict[str, float], reliability_by_status: pd.DataFrame | None, *,
                          source: str = "machine") -> list[str]:
    """The impacts of ``codes`` whose machine-coded difference by intervention status, or lack of one, is no finding.

    The coder's accuracy on real text is an average over all the talk it
    read: a coder that errs more often in councils in intervention than in
    the others makes a difference between them by itself.  So under machine
    coding an impact's difference by status is a finding only when it is read
    with F1 of at least :data:`WEAK_F1` on real text (not in ``weak``) *and* a
    hand check of the study's own codings gives Cohen's kappa of at least
    :data:`CHECKED_KAPPA` in both status groups.  Codings by people: none.

    Examples
    --------
    >>> import pandas as pd
    >>> check = pd.DataFrame({"code": ["a", "a", "b", "b"], "metric": "cohen_kappa", "value": [0.8, 0.75, 0.9, 0.5],
    ...                       "status_group": ["intervention", "no_intervention"] * 2})
    >>> unconfirmed_by_status(["a", "b", "c"], {}, check)
    ['b', 'c']
    >>> unconfirmed_by_status(["a", "b", "c"], {"a": 0.6}, check)
    ['a', 'b', 'c']
    >>> unconfirmed_by_status(["a", "b"], {}, None, source="people")
    []
    """
    if source != "machine":
        return []
    checked = _checked_at_every(reliability_by_status, "status_group", ["intervention", "no_intervention"])
    return [c for c in codes if c in weak or c not in checked]


def machine_coding_note(codebook: Codebook, *, source: str = "machine", named: bool = False) -> str:
    """The note the report prints under each table of machine-coded impact figures; ``""`` when none is needed.

    Parameters
    ----------
    codebook : impact.Codebook
        The codebook the codings were made with.
    source : str
        ``"machine"`` for the package's coder; codings by people need no note.
    named : bool, default False
        Also name the impacts read poorly, with their F1 ("Read poorly:
        learning (F1 0.51) and morale (F1 0.62)."), for a reader who sees the note away from
        the report's tables (a notebook, a script's output).

    Examples
    --------
    >>> import impact
    >>> machine_coding_note(impact.Codebook.nfer()).startswith("Coded by the package's machine coder")
    True
    >>> "Read poorly: plans_actions (F1 " in machine_coding_note(impact.Codebook.nfer(), named=True)
    True
    """
    from ..schema import true_or_false

    named = true_or_false("named", named)  # named="no" named them (newuser17)
    weak = weak_codes(codebook, source=source)
    note = _note(weak, len(list(codebook.top_codes())), getattr(codebook, "noun", ("impact", "impacts")))
    if note and named:
        note += " Read poorly: " + _listed(f"{code} (F1 {f1:.2f})" for code, f1 in weak.items()) + "."
    return note


def _note(weak: dict[str, float], n: int, noun: tuple[str, str] = ("impact", "impacts"), status: str | None = None) -> str:
    """The table note for ``weak`` codes of ``n``, called ``noun`` (singular, plural); ``""`` when none is weak.

    ``status`` says what is known of those figures, after "so the figures for them are" (the report gives what the
    study's own hand check found, where one was supplied); by default, that they await a hand check.
    """
    if not weak:
        return ""
    what = f"every {noun[0]}" if len(weak) == n else f"{_count_words(len(weak), n)} {noun[1]}"
    status = status or "unconfirmed until a sample of the codings is checked by hand (impact review export)."
    return (f"Coded by the package's machine coder: {_why_weak(weak, list(weak), what)}, so the figures for "
            f"{'them' if len(weak) > 1 else 'it'} are {status}")

"""The estimands of an impact study, defined once and used everywhere.

A coded statement about an impact is one of three things, and the package
counts them apart (per participant, council, impact and wave):

``anticipated``
    The impact is hoped for, expected, planned or said to be possible
    ("we're hoping the review will bring partners together"): a hedged or
    future-tense mention that is not negated.  Read at the expectations wave,
    it is what the council expected of the review.
``reported``
    The impact is said to have happened or to hold now: an asserted mention,
    neither negated nor hedged, whatever it is credited to.  Read at the
    waves after the review, it is realised impact.
``credited``
    A reported impact that the speaker credits to the review: reported, and
    not credited to another factor (Ofsted, new leadership, a restructure,
    funding, another programme) nor said to be impossible to attribute.  The
    interviews ask about the review, so a change reported without naming a
    cause counts as credited to it; one whose cause the speaker leaves open
    does not.

A negated mention ("morale hasn't really shifted") is none of these; it is
counted as ``denied``.  The older ``mentioned`` (any mention not negated,
hedged ones included) is kept in the panels for compatibility but is not an
estimand of impact: at the expectations wave most mentions are hopes.

Trajectories are built from these measures, not from mentions: an
*expectation* is an anticipated impact at the first wave, *realised* impact
is a reported one at a later wave (see :mod:`impact.trajectories`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ._frames import flagged

if TYPE_CHECKING:
    from .study import Study

__all__ = ["Measure", "MEASURES", "OTHER_FACTORS", "classify_codings", "attribution_summary"]

#: Attributions that credit a change to something other than the review ("unclear": the speaker cannot say).
OTHER_FACTORS: tuple[str, ...] = ("ofsted", "leadership", "restructure", "funding", "other_programme", "unclear")


@dataclass(frozen=True)
class Measure:
    """One estimand: its column name, a label for people and its definition."""

    name: str
    label: str
    definition: str


#: The measures of an impact, by column name.
MEASURES: dict[str, Measure] = {
    m.name: m
    for m in (
        Measure("anticipated", "Anticipated",
                "Hoped for, expected or planned (a hedged or future-tense mention, not negated)."),
        Measure("reported", "Reported",
                "Said to have happened or to hold now (asserted: not negated, not hedged), whatever it is credited to."),
        Measure("credited", "Credited to the review",
                "Reported, and not credited to another factor (Ofsted, leadership, a restructure, funding, another "
                "programme) nor left unattributable by the speaker."),
        Measure("denied", "Denied", "Said not to have happened (a negated mention)."),
    )
}


def factor_of(attribution: pd.Series) -> pd.Series:
    """What each statement is credited to, as the ids of :data:`OTHER_FACTORS` spell it ("" when nothing is): a factor
    written in capitals, with spaces at its ends or words apart ('Ofsted', 'other programme', a human coder's spelling)
    is that factor; it was counted as credited to the review without a word.

    >>> factor_of(pd.Series(["Ofsted", " other programme", None, "unclear", "review"])).tolist()
    ['ofsted', 'other_programme', '', 'unclear', 'review']
    """
    return (attribution.astype(object).where(attribution.notna(), "").astype(str).str.strip().str.lower()
            .str.replace(r"[\s\-]+", "_", regex=True))


def classify_codings(codings: pd.DataFrame) -> pd.DataFrame:
    """Add the boolean measure columns to codings (one row per coded statement).

    Parameters
    ----------
    codings : DataFrame
        With ``negated``, ``hedged`` (booleans) and ``attribution`` (text,
        "" when nothing is credited).

    Returns
    -------
    DataFrame
        A copy with ``anticipated``, ``reported``, ``credited`` and ``denied``.

    Raises
    ------
    TypeError
        If ``codings`` is not a DataFrame.
    ValueError
        If it lacks the columns ``negated`` and ``hedged`` of a coder's output.

    Examples
    --------
    >>> c = pd.DataFrame({"negated": [False, False, True, False], "hedged": [False, True, False, False],
    ...                   "attribution": ["", "review", "", "ofsted"]})
    >>> classify_codings(c)[["anticipated", "reported", "credited", "denied"]].to_numpy().tolist()
    [[False, True, True, False], [True, False, False, False], [False, False, False, True], [False, True, False, False]]
    """
    if not isinstance(codings, pd.DataFrame):
        raise TypeError(f"`codings` must be a pandas DataFrame, but {type(codings).__name__} was passed.")
    missing = [c for c in ("negated", "hedged") if c not in codings.columns]
    if missing:
        raise ValueError(f"`codings` must have the columns ['negated', 'hedged'] of a coder's output; missing {missing}.")
    # a flag not recorded is not set (the one rule of the evaluation and the coders' training)
    negated = flagged(codings, "negated").to_numpy()
    hedged = flagged(codings, "hedged").to_numpy()
    if "attribution" in codings.columns:
        other = factor_of(codings["attribution"]).isin(OTHER_FACTORS).to_numpy()
    else:
        other = np.zeros(len(codings), dtype=bool)
    reported = ~negated & ~hedged
    return codings.assign(
        anticipated=~negated & hedged,
        reported=reported,
        credited=reported & ~other,
        denied=negated,
    )


def attribution_summary(codings: pd.DataFrame, study: Study, *, codes: Sequence[str] | None = None,
                        waves: Sequence[str] | None = None) -> pd.DataFrame:
    """What reported impacts were credited to, per code: the review, another factor, or left open.

    Parameters
    ----------
    codings : DataFrame
        Canonical codings (:func:`impact.codings.as_codings`).
    study : Study
        Gives each interview's wave.
    codes : list of str, optional
        Codes to report, in order (default: those present).
    waves : list of str, optional
        Waves to count (default: all; the report counts the waves after the review).

    Returns
    -------
    DataFrame
        One row per code, then a row ``all``: ``n_reported`` (reported
        statements), ``n_review`` (credited to the review explicitly or by
        context), ``n_other`` (credited to another factor), ``n_unclear``
        (the speaker says it cannot be told apart), ``n_<factor>`` for each
        other factor, and ``share_review``, ``share_other``, ``share_unclear``.

    Raises
    ------
    TypeError
        If ``codings`` is not a DataFrame.

    Examples
    --------
    Reading codings places each on the study's segments (every transcript of the example study: some seconds), so
    this example is not run as a test:

    >>> import impact  # doctest: +SKIP
    >>> study = impact.load_study(impact.example_path(), validate=False)  # doctest: +SKIP
    >>> codings = impact.read_codings(impact.example_path() / "truth_coded.csv", study)  # doctest: +SKIP
    >>> impact.attribution_summary(codings, study).columns[:3].tolist()  # doctest: +SKIP
    ['code', 'n_reported', 'share_review']
    """
    from ._joins import names, of_study
    from .codings import as_codings
    from .panel import _checked_codes
    from .study import refuse_swapped, require_study

    refuse_swapped(attribution_summary, codings=codings, study=study)  # (study, coded) as council_panel takes them
    require_study(study, "interviews", "wave_ids")
    if not isinstance(codings, pd.DataFrame):
        raise TypeError(f"`codings` must be a pandas DataFrame, but {type(codings).__name__} was passed.")
    if not {"interview_id", "coder"} <= set(codings.columns):  # a coder's output (impact code): a KeyError was all
        codings = as_codings(codings, study)
    waves = names(waves, "waves")  # one wave alone is that wave, not its letters
    of_study("waves", waves, study)
    if codes is not None:  # one code alone is that code; one that no coding has and no codebook knows is warned of
        codes = _checked_codes(study, codings, codes, None)
    c = classify_codings(codings)
    c = c[c["reported"]]
    if waves is not None:
        wave_of = study.interviews.set_index("interview_id")["wave"]
        c = c[c["interview_id"].map(wave_of).isin(list(waves))]
    # one statement per coder, interview, span and code (a span over several segments counts once)
    c = c.drop_duplicates(["coder", "interview_id", "start", "end", "code"])
    factors = [f for f in OTHER_FACTORS if f != "unclear"]
    code_list = list(codes) if codes is not None else sorted(c["code"].unique())
    # each statement's factor read once, and each code's statements picked by its factorize code (a row per code
    # had a factor_of, five isin and comparisons of its own: 0.2 s an analysis of a small study)
    att = factor_of(c["attribution"]).to_numpy(dtype=object)
    known = set(OTHER_FACTORS)
    is_other = np.fromiter((a in known for a in att), dtype=bool, count=len(att))
    by_factor = {f: att == f for f in factors}
    unclear = att == "unclear"
    code_ids, uniques = pd.factorize(c["code"])
    where = {u: k for k, u in enumerate(uniques)}
    rows = []
    for code in [*code_list, "all"]:
        sub = np.ones(len(c), dtype=bool) if code == "all" else code_ids == where.get(code, -2)
        n_other = sum(int((by_factor[f] & sub).sum()) for f in factors)
        row = {"code": code, "n_reported": int(sub.sum()), "n_review": int((~is_other & sub).sum()),
               "n_other": n_other, "n_unclear": int((unclear & sub).sum())}
        row.update({f"n_{f}": int((by_factor[f] & sub).sum()) for f in factors})
        rows.append(row)
    out = pd.DataFrame(rows)
    with np.errstate(invalid="ignore", divide="ignore"):
        for k in ("review", "other", "unclear"):
            out[f"share_{k}"] = out[f"n_{k}"] / out["n_reported"].where(out["n_reported"] > 0)
    return out

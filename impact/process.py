"""The review process: which parts of it helped or hindered impact, and what councils would change.

Statements coded with the ``review_process`` codebook (a stage of the review
or a factor that shaped its impact, NFER 2014; and ``recommendation``, a
suggestion for the programme) carry a *valence*: ``helped``, ``hindered``,
``mixed`` or ``neutral`` (:func:`impact.coding.valence`, or the coder's own
where a person coded it).  This module turns them into:

* :func:`process_factors` - per factor and wave, the participants who raised
  it and how many said it helped, hindered, both, or neither;
* :func:`factors_by_realisation` - exploratory: the share of participants
  saying each factor helped among those whose expectations of the review were
  realised and among those whose expectations were not;
* :func:`recommendations` - the suggestions for the programme, grouped by the
  factor they concern;
* :func:`factors_by_impact` - whether participants who reported more impacts
  more often said a factor helped rather than got in the way (a penalised
  logistic model per factor, councils as clusters, Holm across factors);
* :func:`suggestions_by_wave` - the share of participants making a suggestion
  at each wave;
* :func:`factor_statements` - the codings that say how a factor shaped impact,
  without the suggestions (a suggestion names a factor but is not evidence of
  how it went).

The counts are of people; with the handful of councils of a typical study
they describe, they do not test (:func:`factors_by_impact` is the one test).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ._frames import member
from ._words import _counted
from .panel import _coded_interviews
from .study import Study

__all__ = ["PROCESS_CODEBOOK", "process_codings", "process_factors", "factors_by_realisation", "recommendations",
           "factor_statements", "factors_by_impact", "suggestions_by_wave"]

#: The codebook of the review process.
PROCESS_CODEBOOK = "review_process"
_RECOMMENDATION = "recommendation"
_VALENCES = ("helped", "hindered", "mixed", "neutral")


def process_codings(codings: pd.DataFrame, study: Study, *, segments: pd.DataFrame | None = None,
                    codes: Sequence[str] | None = None) -> pd.DataFrame:
    """Codings of the review process with their interview's participant, council, wave and a valence.

    A ``valence`` column already in ``codings`` (a person's or the planted
    truth's) is kept where it is filled; elsewhere it is read from the text
    of the statement (:func:`impact.coding.valence`; a negated statement is
    ``hindered``).

    Returns
    -------
    DataFrame
        The codings of ``codes`` (default: every code present) with
        ``participant_id``, ``council_id``, ``wave``, ``text`` and ``valence``.
    """
    from .coding import valence as read_valence
    from .framework import _statements

    c = codings if codes is None else codings[codings["code"].isin(list(codes))]
    if c.empty:
        cols = [*codings.columns, "participant_id", "council_id", "wave", "text", "valence"]
        return pd.DataFrame(columns=list(dict.fromkeys(cols)))
    given = c["valence"].fillna("").astype(str) if "valence" in c.columns else pd.Series("", index=c.index)
    st = _statements(c.drop(columns=["valence"], errors="ignore"), study, segments)
    given = given.reindex(st.index).fillna("")
    todo = given == ""
    if todo.any():
        text = st.loc[todo, "text"].fillna("")
        given[todo] = read_valence(text, negated=st.loc[todo, "negated"].tolist()).to_numpy()
    bad = ~given.isin(_VALENCES)
    if bad.any():
        raise ValueError(f"`valence` must be one of {list(_VALENCES)}, but {sorted(set(given[bad]))[:5]} were found.")
    return st.assign(valence=given)


def process_factors(pc: pd.DataFrame, study: Study, *, codes: Sequence[str] | None = None,
                    segments: pd.DataFrame | None = None) -> pd.DataFrame:
    """Participants raising each factor per wave, by valence.

    Parameters
    ----------
    pc : DataFrame
        From :func:`process_codings`.
    study : Study
    codes : sequence of str, optional
        Factors in the order to report (default: those present).
    segments : DataFrame, optional
        The coded segments (:func:`impact.segment`): an interview with none
        of them and no coding in ``pc`` was not coded and is not counted in
        ``n_participants`` (as in :func:`impact.participant_panel`).

    Returns
    -------
    DataFrame
        One row per code and wave (every wave of the study): ``code``,
        ``wave``, ``n_participants`` (with a coded interview at the wave),
        ``n_raised`` (participants who raised it), ``n_helped``,
        ``n_hindered``, ``n_mixed``, ``n_neutral`` (participants whose
        statements about it were, taken together, of that valence: a
        participant with both a helped and a hindered statement is mixed),
        ``n_statements``.

    Examples
    --------
    >>> from impact.study import Study
    >>> iv = pd.DataFrame({"interview_id": ["I1", "I2"], "participant_id": ["P1", "P2"], "council_id": ["301"] * 2,
    ...     "wave": ["early"] * 2, "date": [None] * 2, "mode": [None] * 2, "transcript": ["a", "b"]})
    >>> s = Study({"name": "x", "waves": [{"id": "early", "label": "Early", "window_days": [0, 200]}]},
    ...           {"interviews": iv}, {"a": "", "b": ""})
    >>> pc = pd.DataFrame({"participant_id": ["P1", "P1", "P2"], "wave": ["early"] * 3,
    ...     "code": ["follow_up"] * 3, "valence": ["helped", "hindered", "helped"]})
    >>> process_factors(pc, s)[["n_raised", "n_helped", "n_mixed"]].iloc[0].tolist()
    [2, 1, 1]
    """
    code_list = list(codes) if codes is not None else list(dict.fromkeys(pc["code"]))
    iv = _coded_interviews(study, pc, segments).dropna(subset=["wave"])
    people = iv.groupby("wave", observed=True)["participant_id"].nunique()
    per = pc.groupby(["code", "wave", "participant_id"], observed=True)["valence"].agg(lambda v: _combine(set(v)))
    per = per.reset_index()
    counts = per.groupby(["code", "wave"], observed=True)["valence"].value_counts().unstack(fill_value=0)
    n_st = pc.groupby(["code", "wave"], observed=True).size()
    rows = []
    for code in code_list:
        for wave in study.wave_ids:
            row = {"code": code, "wave": wave, "n_participants": int(people.get(wave, 0))}
            got = counts.loc[(code, wave)] if (code, wave) in counts.index else pd.Series(dtype="int64")
            for v in _VALENCES:
                row[f"n_{v}"] = int(got.get(v, 0))
            row["n_raised"] = sum(row[f"n_{v}"] for v in _VALENCES)
            row["n_statements"] = int(n_st.get((code, wave), 0))
            rows.append(row)
    cols = ["code", "wave", "n_participants", "n_raised", *[f"n_{v}" for v in _VALENCES], "n_statements"]
    return pd.DataFrame(rows, columns=cols)


def _combine(values: set[str]) -> str:
    if "mixed" in values or {"helped", "hindered"} <= values:
        return "mixed"
    for v in ("helped", "hindered"):
        if v in values:
            return v
    return "neutral"


def factors_by_realisation(pc: pd.DataFrame, ptraj: pd.DataFrame, study: Study, *,
                           codes: Sequence[str] | None = None, alpha: float = 0.05) -> pd.DataFrame:
    """Exploratory: the factors named as helping by participants whose expectations were, and were not, realised.

    Participants interviewed at every wave with at least one expectation (an
    impact anticipated at the first wave) are split into *realised* (at least
    one expectation reported as realised afterwards) and *unmet* (none).  For
    each factor: the share of each group who said it helped at a later wave,
    with clustered Wilson intervals (participants within councils).

    Parameters
    ----------
    pc : DataFrame
        :func:`process_codings`.
    ptraj : DataFrame
        Participant trajectories (:func:`impact.trajectories` with
        ``unit="participant_id"``).
    study : Study
        Gives each participant's council (the cluster).
    codes : sequence of str, optional
    alpha : float

    Returns
    -------
    DataFrame
        One row per factor and group (``realised``, ``unmet``): ``code``,
        ``group``, ``n`` (participants), ``events`` (who said it helped),
        ``prevalence``, ``ci_low``, ``ci_high``, ``n_clusters``.  Empty when
        there are no trajectories.
    """
    from .stats import clustered_prevalence

    cols = ["code", "group", "n", "events", "prevalence", "ci_low", "ci_high", "n_clusters"]
    if ptraj is None or ptraj.empty or "realisation" not in ptraj.columns:
        return pd.DataFrame(columns=cols)
    # only participants interviewed at every wave: one seen at a single later wave is realised when it reports an
    # expectation there but can never be unmet, so the realised group held participants the other could not (a
    # 30-council study compared 71 'realised' with 12 'unmet', where 52 of the 71 were seen at every wave)
    waves = study.interviews.groupby("participant_id", observed=True)["wave"].nunique()
    every = set(waves.index[waves >= len(study.wave_ids)])
    t = ptraj[ptraj["realisation"].isin(["realised", "unmet_expectation"]) & ptraj["participant_id"].isin(every)]
    status = t.groupby("participant_id", observed=True)["realisation"].agg(
        lambda s: "realised" if (s == "realised").any() else "unmet")
    if status.empty:
        return pd.DataFrame(columns=cols)
    helped = set(zip(pc.loc[pc["valence"].isin(["helped", "mixed"]), "participant_id"],
                     pc.loc[pc["valence"].isin(["helped", "mixed"]), "code"], strict=True))
    council = study.participants.set_index("participant_id")["council_id"]
    code_list = list(codes) if codes is not None else sorted(pc["code"].unique())
    grid = pd.DataFrame([(p, g, c) for p, g in status.items() for c in code_list],
                        columns=["participant_id", "group", "code"])
    grid["helped"] = [(p, c) in helped for p, c in zip(grid["participant_id"], grid["code"], strict=True)]
    grid["council_id"] = grid["participant_id"].map(council)
    out = clustered_prevalence(grid, outcome="helped", cluster="council_id", group="group", by="code", alpha=alpha)
    order = {c: i for i, c in enumerate(code_list)}
    out = out.assign(_o=out["code"].map(order)).sort_values(["_o", "group"], ascending=[True, False]).drop(columns="_o")
    return out[cols].reset_index(drop=True)


def recommendations(pc: pd.DataFrame, *, codes: Sequence[str] | None = None) -> pd.DataFrame:
    """Suggestions for the programme, grouped by the factor they concern.

    A statement coded ``recommendation`` is grouped under every other
    process code given to the same statement (its segment, or its span when
    the coding is of spans of a transcript); one with none is grouped under
    ``general``.

    Returns
    -------
    DataFrame
        One row per factor: ``code``, ``n_participants`` (who made such a
        suggestion), ``n_statements``, ``n_councils``.
    """
    cols = ["code", "n_participants", "n_statements", "n_councils"]
    if pc.empty:
        return pd.DataFrame(columns=cols)
    pc = pc.assign(statement=_statement_key(pc))
    rec = pc[pc["code"] == _RECOMMENDATION]
    if rec.empty:
        return pd.DataFrame(columns=cols)
    # the other codes of each recommending statement, sorted and once each
    other = pc.loc[pc["code"] != _RECOMMENDATION, ["statement", "code"]]
    other = other[member(other["statement"], rec["statement"])].drop_duplicates()
    factors = other.sort_values("code", kind="stable").groupby("statement", observed=True)["code"].agg(list)
    rows = []
    for r in rec.itertuples():
        for code in factors.get(r.statement, []) or ["general"]:
            rows.append({"code": code, "participant_id": r.participant_id, "council_id": r.council_id,
                         "unit": r.statement})
    d = pd.DataFrame(rows)
    out = d.groupby("code", observed=True).agg(n_participants=("participant_id", "nunique"),
                                               n_statements=("unit", "nunique"),
                                               n_councils=("council_id", "nunique")).reset_index()
    code_list = list(codes) if codes is not None else []
    order = {c: i for i, c in enumerate([*code_list, "general"])}
    out = out.assign(_o=out["code"].map(order).fillna(len(order))).sort_values(["_o", "code"]).drop(columns="_o")
    return out[cols].reset_index(drop=True)



def _statement_key(pc: pd.DataFrame) -> pd.Series:
    """The statement of each coding: its segment, or, for a span coding (unit = the interview), its span."""
    unit = pc["unit"].astype(str)
    whole = unit == pc["interview_id"].astype(str)
    return unit.where(~whole, pc["interview_id"].astype(str) + "@" + pc["start"].astype(str) + "-"
                      + pc["end"].astype(str))


def factor_statements(pc: pd.DataFrame) -> pd.DataFrame:
    """The codings of ``pc`` that say how a factor shaped impact: every statement also coded ``recommendation`` left out.

    A suggestion for the programme ("it would have helped if the report came sooner") is coded with the factor it
    concerns, and reads as that factor falling short; but it says what the speaker would change, not that the
    factor got in the way of the review's impact. Counted as one, every suggestion added a participant who said the
    factor hindered (a synthetic study of 30 councils counted 16 participants saying the review team hindered, 7
    of them only by suggesting a health professional on the team). Suggestions are counted by
    :func:`recommendations`.

    Examples
    --------
    >>> pc = pd.DataFrame({"unit": ["S1", "S2", "S2"], "interview_id": ["I1"] * 3, "start": [None] * 3,
    ...     "end": [None] * 3, "code": ["review_team", "review_team", "recommendation"],
    ...     "valence": ["helped", "hindered", "hindered"]})
    >>> factor_statements(pc)["unit"].tolist()
    ['S1']
    """
    if pc.empty:
        return pc
    return pc[~_of_suggestions(pc)]


def _of_suggestions(pc: pd.DataFrame) -> pd.Series:
    """Whether each coding of ``pc`` is of a statement coded ``recommendation`` (the same segment, or span)."""
    key = _statement_key(pc)
    return key.isin(set(key[pc["code"] == _RECOMMENDATION]))


def _by_impact_rows(pc: pd.DataFrame, ppanel: pd.DataFrame, measure: str) -> pd.DataFrame:
    """The rows :func:`factors_by_impact` models, every factor's: one per factor (``code``), wave and participant who
    said only that it helped or only that it got in the way, with ``helped`` (1 or 0), ``impacts`` (the participant's
    impacts per interview over the waves of ``pc``) and ``council_id``."""
    impacts = (ppanel.assign(_r=ppanel[measure].astype(bool)).groupby(["participant_id", "wave"], observed=True)
               .agg(impacts=("_r", "sum"), council_id=("council_id", "first")).reset_index())
    per = (pc.groupby(["code", "wave", "participant_id"], observed=True)["valence"]
           .agg(lambda v: _combine(set(v))).reset_index()
           if len(pc) else pd.DataFrame(columns=["code", "wave", "participant_id", "valence"]))
    # the participant's impacts per interview over the waves of ``pc`` (after the review): a participant's tendency
    # to report impact, read from both interviews where there are two, not from the one interview alone
    after = impacts[impacts["wave"].isin(set(pc["wave"]))]
    impacts = after.assign(
        impacts=after["participant_id"].map(after.groupby("participant_id", observed=True)["impacts"].mean()))
    per = per[per["valence"].isin(["helped", "hindered"])].merge(impacts, on=["participant_id", "wave"], how="inner")
    return per.assign(helped=(per["valence"] == "helped").astype("int64"), impacts=per["impacts"].astype("float64"))


def _by_impact_row(code: str, d: pd.DataFrame, alpha: float) -> dict:
    """One factor's row of :func:`factors_by_impact` from its rows ``d`` (:func:`_by_impact_rows`), ``p_adjusted``
    aside: the test of the factor, or why it is not tested."""
    from .stats import firth_logistic
    from .stats._errors import NotIdentifiedError

    n_h, n_k, n_c = int(d["helped"].sum()), int((1 - d["helped"]).sum()), int(d["council_id"].nunique())
    waves = d["wave"].nunique()
    row = {"code": code, "n": len(d), "n_helped": n_h, "n_hindered": n_k, "n_councils": n_c,
           "mean_impacts_helped": float(d.loc[d["helped"] == 1, "impacts"].mean()) if n_h else float("nan"),
           "mean_impacts_hindered": float(d.loc[d["helped"] == 0, "impacts"].mean()) if n_k else float("nan"),
           "estimate": float("nan"), "odds_ratio": float("nan"), "ci_low": float("nan"),
           "ci_high": float("nan"), "p_value": float("nan"), "se": float("nan"), "design_effect": float("nan"),
           "df": float("nan"), "tested": False, "why_not": ""}
    n_params = 2 + (waves - 1)
    if not n_h or not n_k:
        row["why_not"] = "every participant who raised it said the same (helped, or got in the way)"
    elif d["impacts"].nunique() < 2:
        row["why_not"] = "every participant who raised it reported as many impacts"
    elif n_c < n_params + 2:
        row["why_not"] = f"raised in {_counted(n_c, 'council')}, too few to test"
    else:
        formula = "helped ~ impacts" + (" + C(wave)" if waves > 1 else "")
        try:
            # the row of `impacts` alone is read: the wave terms' profile intervals and tests are not sought
            fit = firth_logistic(d, formula=formula, unit="council_id", alpha=alpha,
                                 intervals=["impacts"], tests=["impacts"]).params.loc["impacts"]
        except (NotIdentifiedError, np.linalg.LinAlgError, ValueError):
            # a wave at which every participant said the same leaves the penalised likelihood flat along that
            # term far out on the profile (a singular information matrix, or a profile limit that no bracket
            # holds): the model cannot be fitted, and the factor is left untested
            row["why_not"] = "the penalised model could not be fitted"
            return row
        row.update(estimate=float(fit["estimate"]), odds_ratio=float(np.exp(fit["estimate"])),
                   ci_low=float(np.exp(fit["ci_low"])), ci_high=float(np.exp(fit["ci_high"])),
                   p_value=float(fit["p_value"]), se=float(fit["se"]),
                   design_effect=float(fit["design_effect"]), df=float(fit["df"]), tested=True)
    return row


def factors_by_impact(pc: pd.DataFrame, ppanel: pd.DataFrame, *, codes: Sequence[str] | None = None,
                      measure: str = "reported", alpha: float = 0.05) -> pd.DataFrame:
    """Whether participants who report more impacts more often say a factor helped rather than got in the way.

    For each factor, one row per participant and wave at which the participant said only that it helped or only
    that it got in the way (both, or neither, says nothing of the direction and is left out): the outcome is 1 for
    helped, and the predictor the number of impacts the participant reported per interview at the waves of ``pc``
    (``measure`` in ``ppanel``; the mean over their interviews after the review, which reads a participant's
    tendency to report impact better than one interview). Firth's penalised logistic model (:func:`impact.stats.firth_logistic`; finite with few rows or a
    valence that never occurs beside one impact count) with the wave as a second term where the rows span more
    than one, and councils as clusters: the penalised likelihood ratio statistic is divided by its design effect
    and referred to F(1, councils - parameters). p-values are adjusted across the factors tested (Holm).

    Parameters
    ----------
    pc : DataFrame
        :func:`process_codings` of the waves to use, suggestions left out (:func:`factor_statements`).
    ppanel : DataFrame
        The participant panel (:func:`impact.participant_panel`): one row per participant, wave and impact code.
    codes : sequence of str, optional
        Factors in the order to report (default: those in ``pc``).
    measure : str
        The boolean column of ``ppanel`` counted as an impact reported.
    alpha : float

    Returns
    -------
    DataFrame
        One row per factor: ``code``, ``n`` (participant-waves), ``n_helped``, ``n_hindered``, ``n_councils``,
        ``mean_impacts_helped`` and ``mean_impacts_hindered`` (impacts reported per interview, on average, by those
        saying it helped and hindered), ``estimate`` (log odds ratio of saying it helped per impact reported),
        ``odds_ratio``, ``ci_low``, ``ci_high`` (of the odds ratio), ``p_value``, ``p_adjusted`` (Holm across the
        factors tested), ``se`` (the Wald standard error of ``estimate``, the design effect in it),
        ``design_effect`` (that the test's statistic is divided by), ``df`` (of the F(1, df) it is referred to),
        ``detectable_odds_ratio`` (for the tested factor of the smallest ``se`` only, NaN for the others: the
        odds ratio per impact reported that its test, Holm-adjusted across the factors tested, states with 80%
        power, simulated on its participants; infinite where none up to 1,000 is), ``tested`` and ``why_not`` (why
        a factor was not tested).

    Examples
    --------
    >>> pc = pd.DataFrame({"participant_id": [f"P{i}" for i in range(8)], "wave": ["early"] * 8,
    ...     "code": ["follow_up"] * 8, "valence": ["helped"] * 4 + ["hindered"] * 4})
    >>> pp = pd.DataFrame({"participant_id": [f"P{i}" for i in range(8)], "wave": ["early"] * 8,
    ...     "council_id": ["A", "B", "C", "D"] * 2, "code": ["x"] * 8, "reported": [True] * 3 + [False] * 5})
    >>> r = factors_by_impact(pc, pp).iloc[0]
    >>> int(r["n_helped"]), int(r["n_hindered"]), bool(r["tested"])
    (4, 4, True)
    """
    from .stats import adjust_pvalues

    cols = ["code", "n", "n_helped", "n_hindered", "n_councils", "mean_impacts_helped", "mean_impacts_hindered",
            "estimate", "odds_ratio", "ci_low", "ci_high", "p_value", "p_adjusted", "se", "design_effect", "df",
            "detectable_odds_ratio", "tested", "why_not"]
    code_list = list(codes) if codes is not None else list(dict.fromkeys(pc["code"]))
    if measure not in ppanel.columns:
        raise ValueError(f"`measure` must be a column of `ppanel`, but {measure!r} was passed; its columns are "
                         f"{list(ppanel.columns)}.")
    per = _by_impact_rows(pc, ppanel, measure)
    rows = [_by_impact_row(code, per[per["code"] == code], alpha) for code in code_list]
    out = pd.DataFrame(rows, columns=[c for c in cols if c not in ("p_adjusted", "detectable_odds_ratio")])
    out["p_adjusted"] = adjust_pvalues(out["p_value"].astype("float64").to_numpy(), "holm") if len(out) else []
    out["detectable_odds_ratio"] = np.nan
    tested = out[out["tested"].astype(bool)]
    if len(tested):
        # the factor whose estimate is the most precise (the smallest standard error; ties: the most participant-
        # waves, then the first): the best placed to show a relation. Simulating every factor's test took seconds.
        best = tested.sort_values(["se", "n"], ascending=[True, False], kind="stable").index[0]
        out.loc[best, "detectable_odds_ratio"] = _by_impact_detectable(
            per[per["code"] == out.loc[best, "code"]], out.loc[best], alpha / len(tested))
    return out[cols]


def _by_impact_detectable(d: pd.DataFrame, row: pd.Series, alpha: float) -> float:
    """The odds ratio per impact reported per interview that the test of one factor (its rows ``d`` and its tested
    ``row`` of :func:`factors_by_impact`) states with 80% power at ``alpha`` (alpha over the factors tested: the level
    Holm's adjustment holds the most significant factor to), by simulating the test on these participants
    (:func:`impact.stats._power._firth_detectable_ratio`: their impacts reported, waves and councils as they are, the
    share saying it helped as observed, the design effect and the F test's degrees of freedom of the fit)."""
    import patsy

    from .stats._power import _firth_detectable_ratio

    formula = "impacts" + (" + C(wave)" if d["wave"].nunique() > 1 else "")
    x = patsy.dmatrix(formula, d, return_type="dataframe")
    return _firth_detectable_ratio(x.to_numpy(dtype="float64"), list(x.columns).index("impacts"),
                                   float(d["helped"].mean()), df=float(row["df"]),
                                   design_effect=float(row["design_effect"]), alpha=alpha, power=0.8, n_draws=200)


def suggestions_by_wave(pc: pd.DataFrame, study: Study, *, waves: Sequence[str] | None = None,
                        segments: pd.DataFrame | None = None) -> pd.DataFrame:
    """The participants making at least one suggestion for the programme at each wave, of those with a coded interview.

    Parameters
    ----------
    pc : DataFrame
        :func:`process_codings` (every code; the rows coded ``recommendation`` are the suggestions).
    study : Study
    waves : sequence of str, optional
        The waves to report (default: every wave of the study).
    segments : DataFrame, optional
        The coded segments: an interview with none and no coding in ``pc`` was not coded and is not counted (as
        in :func:`process_factors`).

    Returns
    -------
    DataFrame
        One row per wave: ``wave``, ``n_participants`` (with a coded interview at the wave), ``n_suggesting``
        (who made at least one suggestion) and ``share``.

    Examples
    --------
    >>> from impact.study import Study
    >>> iv = pd.DataFrame({"interview_id": ["I1", "I2"], "participant_id": ["P1", "P2"], "council_id": ["301"] * 2,
    ...     "wave": ["early"] * 2, "date": [None] * 2, "mode": [None] * 2, "transcript": ["a", "b"]})
    >>> s = Study({"name": "x", "waves": [{"id": "early", "label": "Early", "window_days": [0, 200]}]},
    ...           {"interviews": iv}, {"a": "", "b": ""})
    >>> pc = pd.DataFrame({"participant_id": ["P1"], "wave": ["early"], "code": ["recommendation"]})
    >>> r = suggestions_by_wave(pc, s).iloc[0]
    >>> int(r["n_participants"]), int(r["n_suggesting"]), float(r["share"])
    (2, 1, 0.5)
    """
    iv = _coded_interviews(study, pc, segments).dropna(subset=["wave"])
    people = iv.groupby("wave", observed=True)["participant_id"].nunique()
    rec = (pc[pc["code"] == _RECOMMENDATION].groupby("wave", observed=True)["participant_id"].nunique() if len(pc)
           else pd.Series())
    rows = []
    for wave in (list(waves) if waves is not None else study.wave_ids):
        n, k = int(people.get(wave, 0)), int(rec.get(wave, 0))
        rows.append({"wave": wave, "n_participants": n, "n_suggesting": k, "share": k / n if n else float("nan")})
    return pd.DataFrame(rows, columns=["wave", "n_participants", "n_suggesting", "share"])

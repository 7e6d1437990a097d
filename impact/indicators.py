"""Outcome indicators of a study's councils (DfE-style measures by period) summarised by status."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._warning_words import failure_words, is_library_warning, reissue_per_item
from ._words import _listed
from .errors import recorded_warnings
from .panel import STATUS_GROUPS
from .study import Study, require_study

__all__ = ["indicator_trends", "indicator_effects", "intervention_onsets", "review_indicator_effects", "review_dates",
           "in_intervention_at_review"]


def indicator_trends(study: Study) -> pd.DataFrame | None:
    """Mean and median of each indicator per period, councils grouped by intervention at any wave.

    A council is in ``intervention`` when it was under a notice to improve or a
    statutory direction at some wave of the study, and in ``no_intervention``
    when its status is known at every wave and it was under neither.  A
    council whose status is unknown at some wave (no interview and no review
    date to place the wave) and never known to be in intervention belongs to
    neither group: its indicators are left out, and counted in ``attrs``.

    Parameters
    ----------
    study : Study
        Its ``indicators`` and each council's status at each wave are read.

    Returns
    -------
    DataFrame or None
        ``measure``, ``period``, ``status_group``, ``n_councils``, ``mean``,
        ``median``, ``n_suppressed`` (source values suppressed by the
        publisher); None when the study has no indicators.  ``attrs``:
        ``n_councils_unknown_status`` (councils with indicators left out) and
        ``n_values_unknown_status`` (their indicator rows).

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> ind = pd.DataFrame({"council_id": ["a", "b", "c"], "measure": "m", "period": "2020", "value": [1.0, 3.0, 9.0],
    ...                     "flag": None})
    >>> ws = pd.DataFrame({"council_id": ["a", "a", "b", "b", "c", "c"], "wave": ["w1", "w2"] * 3,
    ...                    "reference_date": pd.to_datetime(["2020-01-01", "2020-06-01"] * 3),
    ...                    "intervention": ["none", "notice", "none", "none", "none", None]})
    >>> t = indicator_trends(SimpleNamespace(indicators=ind, wave_status=lambda: ws))
    >>> t[["status_group", "n_councils", "mean"]].to_dict("records")
    [{'status_group': 'intervention', 'n_councils': 1, 'mean': 1.0}, {'status_group': 'no_intervention', 'n_councils': 1, 'mean': 3.0}]
    >>> t.attrs["n_councils_unknown_status"]
    1
    """
    require_study(study, "indicators", "wave_status")
    ind = study.indicators
    if ind.empty:
        return None
    ws = study.wave_status()
    group = ws["intervention"].map(STATUS_GROUPS)
    by = pd.DataFrame({"council_id": ws["council_id"], "in": group == "intervention", "unknown": group.isna()}) \
        .groupby("council_id", observed=True)[["in", "unknown"]].any()
    status = pd.Series("no_intervention", index=by.index, dtype="str")
    status[by["in"]] = "intervention"
    status[~by["in"] & by["unknown"]] = pd.NA  # never known to be in intervention, but not known at every wave
    d = ind.merge(status.rename("status_group").reset_index(), on="council_id", how="left")
    left_out = d["status_group"].isna()
    out = (
        d[~left_out].groupby(["measure", "period", "status_group"], observed=True)
        .agg(n_councils=("value", "count"), mean=("value", "mean"), median=("value", "median"),
             n_suppressed=("flag", lambda s: int(s.notna().sum())))
        .reset_index()
    )
    out.attrs["n_councils_unknown_status"] = int(d.loc[left_out, "council_id"].nunique())
    out.attrs["n_values_unknown_status"] = int(left_out.sum())
    return out


#: Status-history kinds that put a council in intervention (see impact.panel.STATUS_GROUPS).
_INTERVENTION_KINDS = ("improvement_notice", "statutory_direction")


def intervention_onsets(study: Study) -> pd.Series:
    """Each council's first day in intervention (a notice to improve or a statutory direction), NaT if never.

    Returns
    -------
    Series
        Indexed by ``council_id`` (every council of the study), the earliest
        ``start_date`` of its ``improvement_notice`` or ``statutory_direction``
        rows in ``status_history``.
    """
    h = study.status_history
    h = h[h["kind"].isin(_INTERVENTION_KINDS)]
    first = pd.to_datetime(h["start_date"], errors="coerce").groupby(h["council_id"], observed=True).min()
    return first.reindex(study.councils["council_id"]).rename("onset")


def indicator_effects(study: Study, *, alpha: float = 0.05, n_permutations: int = 999,
                      seed: int = 0) -> pd.DataFrame | None:
    """Staggered difference-in-differences of each indicator around a council's first intervention.

    Councils enter intervention in different years, so two-way fixed effects
    (which compare late with already-treated councils) are not used:
    :func:`impact.stats.staggered_did` estimates each cohort's effect in each
    period against never-treated councils (Callaway and Sant'Anna 2021), with
    a randomisation p-value for few treated councils.  A council's cohort is the
    first indicator period ending on or after its first notice or direction
    (:func:`intervention_onsets`); periods are the indicator's own.  A
    council whose first notice or direction came after the indicator's last
    period was out of intervention in every period observed: it is a
    comparison council, as never treated (the convention of R's ``did``,
    ``att_gt``: "a unit treated after the last period is also considered
    never treated"), and counted in ``n_control_entering_later``.  A council
    already in intervention in the first period has no period before it and
    is left out, counted in ``n_treated_before_first``.

    The estimand is the average change after a first notice or direction per
    council compared, as :func:`review_indicator_effects`' after the review:
    each cohort's changes (its change from the period before its entry to a
    period after it, less the comparison councils' over the same two periods)
    are averaged over the periods after its entry, and the cohorts weighted by
    their numbers of councils (the ``group`` aggregation, Callaway and
    Sant'Anna's overall summary theta^O_sel), so every council compared weighs
    the same however long after its entry it is observed.  (The ``simple``
    average of every cohort-period weighed each council by its periods after
    entry, so the councils entering intervention first weighed most.)  The
    change need not be the same in every period after entry: where councils
    in intervention are reviewed after their notice, a change that follows
    the review falls in their later periods after entry only, and the
    comparison councils, reviewed too, change then as well; this estimates
    the change after entry beyond theirs, whatever made it.

    Returns
    -------
    DataFrame or None
        One row per indicator: ``measure``, ``estimate`` (average effect on the
        indicator's scale), ``se``, ``ci_low``, ``ci_high``, ``p_value``,
        ``ri_p_value``, ``ri_n`` (reassignments it was computed from),
        ``ri_exact`` (whether they were every possible one, so that more
        resamples cannot lower its smallest value, ``1 / ri_n``; else it is
        ``1 / (ri_n + 1)``), ``ri_few_distinct`` (whether the distinct
        reassignments are so few that no p of the indicators tested, adjusted
        across them (Holm), could fall below ``alpha`` however many were
        drawn; a flag, not their number), ``n_treated`` (the councils the
        change is read from: those entering intervention within the periods
        with a figure in a period after their entry that enters the estimate
        and in the period before it; 0 where nothing was estimated),
        ``n_treated_within`` (every council entering intervention within the
        periods, after the first), ``n_treated_too_late`` (of them, those whose
        cohort has no period after entry with two comparison councils with
        figures: compared with nothing; the others not compared lack their own
        figures; missing where nothing was estimated), ``n_control`` (comparison councils,
        those entering intervention after the last period included),
        ``n_control_entering_later`` (of them), ``n_treated_before_first``
        (left out), ``n_cohorts``, ``n_lone_cohorts`` (cohorts with a period
        in the average at which one council of the cohort is observed: that
        council's own variation in ``se`` is borrowed from the comparison
        councils; ``ri_p_value`` does not rest on it), ``note`` (why an indicator was not
        estimated: its other columns are then missing), ``note_source`` (where
        an error stopped the estimate, its own message and where it was
        raised, which the note says in words; missing otherwise).  None when the study
        has no indicators.
    """
    if study.indicators.empty:
        return None
    return _staggered_by_measure(study, intervention_onsets(study), control="never_treated", alpha=alpha,
                                 n_permutations=n_permutations, seed=seed, kind=NOTICE_AGGREGATION,
                                 figures=DID_FIGURES["notice"])


def review_dates(study: Study) -> pd.Series:
    """Each council's last day of review (``reviews.end_date``), NaT where it has none; indexed by ``council_id``."""
    r = study.reviews
    ends = pd.to_datetime(r["end_date"], errors="coerce").groupby(r["council_id"], observed=True).min()
    return ends.reindex(study.councils["council_id"]).rename("reviewed")


def review_indicator_effects(study: Study, *, alpha: float = 0.05, n_permutations: int = 999,
                             seed: int = 0) -> pd.DataFrame | None:
    """Staggered difference-in-differences of each indicator around each council's review.

    Councils are reviewed in different years, and every council of a study
    is usually reviewed, so each cohort (the first indicator period ending
    after its review's last day: a review ending on 31 March is after the
    year ending that day, whose figure it cannot have changed) is compared,
    period by period, with
    the councils not yet reviewed by then (Callaway and Sant'Anna 2021,
    ``control="not_yet_treated"``; a council reviewed after the last period,
    or never, is a comparison council throughout), with a randomisation
    p-value from permuting review dates.

    The estimand is the average change after the review per council
    compared: each cohort's changes are averaged over the periods after its
    review at which at least two councils are not yet reviewed, and the
    cohorts are averaged weighted by their numbers of councils (the
    ``group`` aggregation, Callaway and Sant'Anna's overall summary
    theta^O_sel), so every council compared weighs the same however long
    after its review it is observed. Where the change is the same in every
    period after a council's review, this is the mean of the councils'
    changes. (The ``simple`` average of every cohort-period weighed each
    council by its periods compared, so councils reviewed first weighed
    most.) The councils of the last cohort, reviewed when fewer than two
    councils with figures were left not yet reviewed, are compared with
    nothing and do not enter: they are counted apart. Nothing here
    compares reviewed with unreviewed councils at the same time after the
    last cohort: the periods after every council was reviewed have no
    comparison and do not enter. This estimates the change after the review
    that councils reviewed later had not yet shown; the intervention
    analysis (:func:`indicator_effects`) cannot tell it from a change after
    a notice, since councils in intervention were mostly reviewed after it.

    Returns
    -------
    DataFrame or None
        As :func:`indicator_effects`, with a first column ``group``: ``all``
        (every council reviewed), then ``intervention`` and
        ``no_intervention`` (the councils under a notice or direction when
        their review began, and the others, :func:`in_intervention_at_review`),
        each against every council not yet reviewed (a council of the other
        group is a comparison until its review, and its periods from then
        on are left out). ``n_treated``: the councils of the group the
        change is read from, those compared after their review (with a
        figure in a period after it and in the period before it; 0 where
        nothing was estimated); ``n_treated_within``: the councils of the
        group reviewed within an indicator's periods (after its first);
        ``n_treated_too_late``: of them, those reviewed when fewer than two
        councils with figures were left not yet reviewed, compared with
        nothing (the others not compared lack their own figures; missing
        where nothing was estimated); ``n_control``:
        the councils compared with, those not yet reviewed (or never) at a
        period of the estimate, each counted once (0 where nothing was
        estimated: no council was compared);
        ``n_treated_before_first``: councils reviewed before the first
        period (left out). None when the study has no indicators.

    Examples
    --------
    >>> from impact.synth import generate_with_truth
    >>> study, _ = generate_with_truth(12, seed=2, interviews_per_wave=1, words_per_interview=50,
    ...                                effects={"indicator_post_review": -4.0})
    >>> e = review_indicator_effects(study, n_permutations=99)
    >>> bool(e.set_index(["group", "measure"]).loc[("all", "rereferral_pct"), "estimate"] < -2)
    True
    """
    if study.indicators.empty:
        return None
    reviewed = _first_day_after(review_dates(study))
    out = [_staggered_by_measure(study, reviewed, control="not_yet_treated", alpha=alpha,
                                 n_permutations=n_permutations, seed=seed, kind=REVIEW_AGGREGATION,
                                 figures=DID_FIGURES["review"]).assign(group="all")]
    status = in_intervention_at_review(study)
    for group, members in (("intervention", status[status == True].index),  # noqa: E712 (NA is neither)
                           ("no_intervention", status[status == False].index)):  # noqa: E712
        out.append(_staggered_by_measure(study, reviewed, control="not_yet_treated", alpha=alpha,
                                         n_permutations=n_permutations, seed=seed, treated=set(members),
                                         kind=REVIEW_AGGREGATION,
                                         figures=f"{DID_FIGURES['review']} in councils {_GROUP_WORDS[group]}")
                   .assign(group=group))
    out = pd.concat(out, ignore_index=True)
    return out[["group", *[c for c in out.columns if c != "group"]]]


def _first_day_after(ends: pd.Series) -> pd.Series:
    """The day after each of ``ends`` (NaT kept): the first day a change after the review can touch. A council's
    cohort is the first period ending on or after it, so a review ending on the last day of a period (31 March) is in
    the next period's cohort, as the generator plants its change (in periods ending after the review's last day):
    the analysis placed it in the period ending that day, one period early, where its figure was the year before the
    review (truth84)."""
    return ends + pd.Timedelta(days=1)


def in_intervention_at_review(study: Study) -> pd.Series:
    """Whether each council was under a notice to improve or a statutory direction when its review began (its
    ``status_history``); NA where it has no review date. Indexed by ``council_id`` (every council of the study)."""
    r = study.reviews
    began = pd.to_datetime(r["start_date"], errors="coerce").groupby(r["council_id"], observed=True).min()
    began = began.reindex(study.councils["council_id"])
    h = study.status_history
    h = h[h["kind"].isin(_INTERVENTION_KINDS)]
    start, end = pd.to_datetime(h["start_date"], errors="coerce"), pd.to_datetime(h["end_date"], errors="coerce")
    out = pd.Series(pd.NA, index=began.index, dtype="boolean", name="in_intervention_at_review")
    for council, day in began.items():
        if pd.isna(day):
            continue
        mine = h["council_id"] == council
        out[council] = bool((mine & (start <= day) & (end.isna() | (day <= end))).any())
    return out


#: How :func:`review_indicator_effects` averages the cohorts' changes after the review: each council compared
#: alike (Callaway and Sant'Anna's ``group`` average, their overall summary; ``simple`` weighed each council by the
#: periods it was compared after its review, so councils reviewed first weighed most: in the example it aimed at
#: -1.07, where the planted changes of the councils compared average -1.33, truth82).
REVIEW_AGGREGATION = "group"

#: How :func:`indicator_effects` averages the cohorts' changes after a first notice or direction: each council
#: compared alike, as :data:`REVIEW_AGGREGATION` (the two tables stand side by side in the report). ``simple``
#: weighed each council by its periods after entry, so councils entering intervention first weighed most: over 240
#: studies of 30 councils it aimed at the council-period average, not at the mean of the councils' changes (truth83).
NOTICE_AGGREGATION = "group"

#: The status groups of :func:`review_indicator_effects` in words, after "councils".
#: The words each difference-in-differences names the change it estimates by (its warnings' ``figures``); the
#: review's in a status group add "in councils" and the group's words (:data:`_GROUP_WORDS`).
DID_FIGURES = {"notice": "after a council's first notice or direction", "review": "after the review"}

_GROUP_WORDS = {"intervention": "in intervention when reviewed", "no_intervention": "not in intervention when reviewed"}


def _staggered_by_measure(study: Study, starts: pd.Series, *, control: str, alpha: float, n_permutations: int,
                          seed: int, treated: set | None = None, figures: str = "after the start",
                          kind: str = "simple") -> pd.DataFrame:
    """:func:`impact.stats.staggered_did` of each indicator, each council's cohort the first period ending on or after
    its date in ``starts`` (NaT: never treated), aggregated over cohorts and periods after the start
    (:meth:`~impact.stats.StaggeredDiDResults.aggregate` of ``kind``: ``"simple"`` weighs each council-period after
    the start alike, ``"group"`` each council alike). With ``treated``, only those councils are treated: another
    council's periods from its start on are left out and it compares (as never treated) until then.

    A library's warning while estimating an indicator's change (numpy's "Mean of empty slice", a convergence or
    separation warning) is issued again in words for the change in that indicator ``figures`` ("after the review"),
    its own words kept for provenance.json (:func:`impact._warning_words.reissue_per_item`), where the indicator has
    an estimate; an indicator without one says why in its ``note``. They were silenced with the package's own warnings
    of the estimator (which the table's notes say in words), and never reached provenance.json (report truth round
    35)."""
    from .stats import staggered_did

    ind = study.indicators.dropna(subset=["value"])
    rows, caught = [], {}
    # per row, once for every indicator: the council's place among the starts (as Series.map looks a dict's keys
    # up), its code (-1 where missing, which nunique leaves out), whether it is among `treated`
    council = ind["council_id"]
    keys = pd.Index(list(starts.index))
    start_of = (keys.get_indexer(council) if keys.is_unique and not isinstance(council.dtype, pd.CategoricalDtype)
                else None)
    council_code = pd.factorize(council)[0]
    in_treated = council.isin(treated).to_numpy() if treated is not None else None
    by_measure = ind.groupby("measure", sort=True, observed=True)
    for measure, d in by_measure:
        at = by_measure.indices[measure]  # d's rows' positions in ind
        period = pd.to_datetime(d["period"])
        periods = sorted(period.unique())
        index = {p: i for i, p in enumerate(periods)}
        has_nat = period.isna().any()
        time = (period.map(index) if has_nat else pd.Series(pd.Index(periods).get_indexer(period), index=d.index))
        cohort = {}
        for council_id, start in starts.items():
            after = [index[p] for p in periods if pd.notna(start) and p >= start]
            cohort[council_id] = float(after[0]) if after else (float("nan") if pd.isna(start) else float("inf"))
        if start_of is None or has_nat:
            first = d["council_id"].map(cohort).to_numpy(dtype="float64")
        else:
            first = np.append(np.array(list(cohort.values()), dtype="float64"), np.nan)[start_of[at]]
        time = time.to_numpy(dtype="float64")
        codes = council_code[at]
        keep = np.ones(len(at), dtype=bool)
        if treated is not None:
            mine = in_treated[at]
            keep = ~(~mine & ~np.isnan(first) & (time >= first))
            first = np.where(mine, first, np.nan)
        # treated from the first period: no period before it, so usable as neither group (left out, counted)
        before = keep & (first == 0)
        n_before = _distinct(codes[before])
        keep &= ~before
        # treated after the last period: untreated in every period observed, a comparison council (these were left
        # out, without a word, which dropped 6 of 18 comparison councils of a planted study)
        later = keep & (first == np.inf)
        n_later = _distinct(codes[later])
        first = np.where(later, np.nan, first)
        data = d[keep].assign(time=time[keep], first_treated=first[keep])
        first, codes = first[keep], codes[keep]
        n_treated = _distinct(codes[~np.isnan(first)])
        n_control = _distinct(codes[np.isnan(first)])
        n_cohorts = len(np.unique(first[~np.isnan(first)]))
        # the councils treated are those compared (set once estimated): none where nothing is
        row = {"measure": measure, "n_treated": 0, "n_treated_within": n_treated, "n_control": n_control,
               "n_control_entering_later": n_later, "n_treated_before_first": n_before}
        # not yet treated councils compare too: two cohorts are enough, with or without never-treated councils
        enough = n_control >= 2 if control == "never_treated" else n_cohorts >= 2 or n_control >= 1
        if n_treated < 1 or not enough:
            rows.append({**row, "note": "too few councils entering intervention within the indicator's periods, "
                                        "or fewer than two never in intervention" if control == "never_treated" else
                                        "too few councils reviewed at different times within the indicator's periods"})
            continue
        try:
            with recorded_warnings() as caught[measure]:
                res = staggered_did(data, outcome="value", unit="council_id", time="time",
                                    first_treated="first_treated", control=control, alpha=alpha, seed=seed)
                # a group's review dates are reassigned among its own councils: reassigned across every council,
                # the other group's councils (their panels cut at their review) became the treated and the group's
                # full panels the comparison, and the randomisation p of a group was too small (intervention
                # councils of 100 null studies: 9% below 0.05)
                # a cell compared with one council only is left out: its standard error is that council's noise,
                # which the aggregate's leaves out (null study, 30 councils, one reviewed in the last cohort: referrals
                # "+54.83 after the review, 95% CI 39.81 to 69.84", from one council's dip)
                simple = res.aggregate(kind, n_permutations=n_permutations, seed=seed, min_comparison=2,
                                       permute_among=None if treated is None else treated)
        except (ValueError, ArithmeticError) as exc:
            # why in words: a library's error ('Singular matrix', 'float division by zero') told a reader nothing
            # (report truth round 34)
            # the error's own words, with where it was raised, kept for provenance.json (report truth round 41)
            words, source = failure_words(exc, logistic=False)
            rows.append({**row, "note": f"not estimable: {words}",
                         "note_source": f"{source[:-1]}; why the change in {measure} {figures} was not estimable)"})
            continue
        o = simple.overall.iloc[0]
        if control == "not_yet_treated":
            # the comparison is the councils not yet reviewed at each period compared: counting only those reviewed
            # after the last period (or never) gave 0 comparison councils beside an estimate where every council was
            # reviewed within the periods (seed 45101, 9 councils, truth48)
            row["n_control"] = _compared_councils(data, res.att_gt) if pd.notna(o["estimate"]) else 0
        # the councils the change is read from: a council of the last cohort (reviewed when fewer than two councils
        # were left not yet reviewed) entered no comparison, yet was counted among the councils reviewed (6 of 30 in
        # the example, truth82); a council entering intervention without its own figure before its entry and after
        # it was counted among the councils entering intervention beside an estimate it was not in (truth83)
        if pd.notna(o["estimate"]):
            row.update(_compared_treated(data, res.att_gt))
        if pd.isna(o["estimate"]):
            # every period after a start lacks the council's own figure before its start, or two councils to compare
            # with: the row had no estimate and no note (the contract says a row without an estimate says why), and
            # its randomisation count (reassignments used) beside a missing p (a council whose only period before
            # its notice was suppressed, cross-check round 11)
            rows.append({**row, "note": "no period after a council's start could be compared (each needs the "
                                        "council's figure for that period and for the period before its start, and "
                                        "two comparison councils with both)"})
            continue
        rows.append({**row, "estimate": o["estimate"], "se": o["se"], "df": o["df"], "ci_low": o["ci_low"], "ci_high": o["ci_high"],
                     "p_value": o["p_value"], "ri_p_value": o["ri_p_value"], "ri_n": int(o["n_permutations"]),
                     "ri_exact": bool(o["ri_exact"]), "_distinct": float(o["n_assignments"]),
                     "n_cohorts": len(res.cohorts),
                     "n_lone_cohorts": _lone_cohorts(res.att_gt), "note": ""})
    estimated = {r["measure"] for r in rows if not r["note"]}
    reissue_per_item({m: [w for w in ws if is_library_warning(w.category, w.filename)]
                      for m, ws in caught.items() if m in estimated},
                     lambda items: f"the change in {_listed(items) if items else 'each indicator'} {figures} "
                                   "(difference-in-differences)", logistic=False)
    _flag_few_distinct(rows, alpha)
    cols = ["measure", "estimate", "se", "df", "ci_low", "ci_high", "p_value", "ri_p_value", "ri_n", "ri_exact",
            "ri_few_distinct", "n_treated", "n_treated_within", "n_treated_too_late",
            "n_control", "n_control_entering_later", "n_treated_before_first", "n_cohorts", "n_lone_cohorts", "note",
            "note_source"]
    return pd.DataFrame(rows).reindex(columns=cols)


def _flag_few_distinct(rows: list[dict], alpha: float) -> None:
    """Set ``ri_few_distinct`` of each row with a randomisation p: whether its distinct reassignments are so few that,
    among the tests of ``rows`` with one adjusted together (Holm), no adjusted p could fall below ``alpha`` however
    many were drawn (:func:`impact.stats._ri.few_distinct`). A flag, not their number: the analysis draws them at
    random, and a 6-council report told its reader only 'run with more resamples', which would not help (disclosure
    round 45)."""
    from .stats._ri import few_distinct

    n_tests = sum(pd.notna(r.get("ri_p_value")) for r in rows)
    for r in rows:
        distinct = r.pop("_distinct", 0.0)
        r["ri_few_distinct"] = pd.notna(r.get("ri_p_value")) and few_distinct(distinct, n_tests, alpha)


def _distinct(codes: np.ndarray) -> int:
    """How many distinct codes of :func:`pandas.factorize` (-1, missing, not counted) ``codes`` holds."""
    return len(np.unique(codes[codes >= 0]))


def _compared_councils(data: pd.DataFrame, att_gt: pd.DataFrame) -> int:
    """The distinct councils of ``data`` (``council_id``, ``time``, ``first_treated``) that are a comparison in a cell
    of the average of ``att_gt`` (after the start, estimated, at least two comparison councils, as
    ``aggregate(min_comparison=2)``): not yet treated after the cell's period (or never), with a figure at both the
    cell's period and its base period."""
    post = att_gt["post"].to_numpy().astype(bool)
    used = att_gt[post & ~np.isnan(att_gt["estimate"].to_numpy(dtype="float64"))
                  & (att_gt["n_control"].to_numpy() >= 2)]
    times = data.groupby("council_id", observed=True)["time"].agg(set)
    first = data.groupby("council_id", observed=True)["first_treated"].first()
    compared = set()
    for t, b in zip(used["time"], used["base_time"], strict=True):
        later = first.isna() | (first > max(t, b))
        compared.update(c for c in first.index[later.to_numpy()] if {t, b} <= times[c])
    return len(compared)


def _compared_treated(data: pd.DataFrame, att_gt: pd.DataFrame) -> dict[str, int]:
    """``n_treated``: the distinct councils of ``data`` (``council_id``, ``time``, ``first_treated``) treated in a cell
    of the average of ``att_gt`` (after the start, estimated, at least two comparison councils, as
    ``aggregate(min_comparison=2)``) with a figure at both the cell's period and its base period: the councils the
    change is read from. ``n_treated_too_late``: the councils treated within the periods whose cohort has no period
    after its start with two comparison councils (for the review: reviewed when fewer than two councils with figures
    were left not yet reviewed, so that nothing is left to compare them with; for a notice, whose comparison is the
    councils never in intervention, only where fewer than two of them have figures either side of the cohort's
    entry). The councils treated within the periods that are neither lack their own figures either side of their
    start in every period compared."""
    post = att_gt["post"].to_numpy().astype(bool)
    compared = post & (att_gt["n_control"].to_numpy() >= 2)
    used = att_gt[compared & ~np.isnan(att_gt["estimate"].to_numpy(dtype="float64"))]
    times = data.groupby("council_id", observed=True)["time"].agg(set)
    first = data.groupby("council_id", observed=True)["first_treated"].first()
    treated = first[first.notna()]
    read = set()
    for g, t, b in zip(used["group"], used["time"], used["base_time"], strict=True):
        read.update(c for c in treated.index[(treated == g).to_numpy()] if {t, b} <= times[c])
    late = ~treated.isin(set(att_gt.loc[compared, "group"]))
    return {"n_treated": len(read), "n_treated_too_late": int(late.sum())}


def _lone_cohorts(att_gt: pd.DataFrame) -> int:
    """The cohorts with a period in the average (after the start, estimated, at least two comparison councils:
    ``aggregate(min_comparison=2)``) at which a single council of the cohort is observed. The influence function of a
    mean of one council is 0, so its own variation is not in the influence function: the aggregate's standard error
    borrows it from the comparison councils (statistics round 13; it was missing, and the standard error too small),
    and the report says so of the indicators counted here."""
    used = (att_gt["post"].to_numpy().astype(bool) & ~np.isnan(att_gt["estimate"].to_numpy(dtype="float64"))
            & (att_gt["n_control"].to_numpy() >= 2) & (att_gt["n_treated"].to_numpy() < 2))
    return len(pd.unique(att_gt["group"].to_numpy()[used]))

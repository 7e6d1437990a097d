"""Models of programme effects: interview measures and survey scores by wave and intervention status.

:func:`intervention_effects` fits one binomial GEE per code on the
participant panel; :func:`survey_effects` a linear mixed model of survey
scores.  Both return tidy tables (one row per code and term) that the report
and the validity scripts read.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence

import numpy as np
import pandas as pd

from ._warning_words import fit_failed, reissue_per_item
from ._words import _listed, _one_status_why
from .errors import ImpactWarning, recorded_warnings, user_level
from .panel import STATUS_GROUPS
from .study import Study, require_study

__all__ = ["intervention_effects", "change_by_status", "attrition_effects", "survey_effects", "survey_change_by_status"]


#: The model of each impact: wave and intervention status (GEE, its attrition sensitivity and Firth's refit alike).
_STATUS_FORMULA = "y ~ C(wave) + in_intervention"
#: The model of an impact whose councils were all in one status at every wave: change across the waves only.
_WAVE_FORMULA = "y ~ C(wave)"


def intervention_effects(
    panel: pd.DataFrame,
    *,
    measure: str = "reported",
    codes: Sequence[str] | None = None,
    waves: Sequence[str] | None = None,
    alpha: float = 0.05,
    seed: int = 0,
    n_permutations: int = 10_000,
) -> pd.DataFrame:
    """Binomial GEE per code: ``measure ~ wave + in_intervention``, councils as clusters.

    Parameters
    ----------
    panel : DataFrame
        The participant panel (:func:`impact.participant_panel`).
    measure : str, default "reported"
        Boolean column of the panel to model.
    codes : sequence of str, optional
        Codes to model (default: every code of the panel).
    waves : sequence of str, optional
        Wave order; the first is the reference (default: the panel's waves
        in the order the panel keeps, an ordered categorical's or the
        study's that :func:`impact.participant_panel` keeps in its
        ``attrs``, never the order of its rows).
    alpha : float
        1 - confidence level of the intervals.
    seed : int
        Seed of the randomisation tests of the status term (the result is
        deterministic given it).
    n_permutations : int
        Reassignments of the councils' status paths per randomisation test:
        all of them where there are at most this many (the p-value is then
        exact), otherwise this many at random.

    Returns
    -------
    DataFrame
        One row per code and term: ``code``, ``measure``, ``term``
        (``intercept``, ``wave_<wave>`` against the first wave,
        ``in_intervention``, and with two or more waves after the first,
        ``<wave>_vs_<first later wave>``: each wave after the first later
        one against it, from the same model with that wave as reference),
        ``estimate`` (log-odds), ``se``, ``statistic``,
        ``df``, ``p_value``, ``ci_low``, ``ci_high``, ``p_adjusted`` (Holm
        across codes for ``in_intervention`` and for each ``<wave>_vs_``
        contrast; across codes and later waves
        together for the ``wave_<wave>`` terms; in both over the rows with a
        valid p: a separated GEE's p-value means nothing, so where Firth's
        fit could not replace it, it neither enters the family nor counts
        towards its size, and its ``p_adjusted`` is NaN), ``n_obs``, ``n_units``,
        ``n_units_intervention`` and ``n_units_no_intervention`` (councils
        with a row in intervention, and not), ``n_units_fewest_at_a_wave``
        (the fewest councils on one side of the status term at a wave where
        both sides have councils: the term compares councils at the same
        wave, so a side of one council there is that council's difference
        from the rest), ``notes`` (the
        fit's caveats, :attr:`impact.stats.ModelResults.notes`, joined by
        "; "), ``separation`` (True where fitted probabilities reached 0 or 1:
        the estimates and standard errors of the separating terms mean
        nothing), ``few_events`` (True where the term's level or its
        reference has fewer than 5 events or non-events: the estimate rests
        on them and is unstable, :func:`impact.stats.longitudinal_model`),
        ``estimator`` (``"gee"``, or ``"firth"`` where the row shows Firth's
        penalised-likelihood estimate, profile interval and penalised
        likelihood ratio test instead: every term of a fit that separated and
        each term with few events, councils as clusters through a design
        effect, :func:`impact.stats.firth_logistic`; such rows enter the Holm
        family), ``estimate_gee``, ``ci_low_gee``, ``ci_high_gee`` and
        ``p_value_gee`` (the GEE's own, whichever is shown), ``odds_ratio``
        and its interval, ``p_method`` and ``p_value_model``: where fewer
        than :data:`RANDOMISATION_BELOW` councils are on one side of the
        status term, its ``p_value`` (and so ``p_adjusted``) is that of a
        randomisation test reassigning the councils' status paths
        (:func:`impact.stats._status_ri.status_ri`; ``p_method``
        ``"randomisation"``, with ``ri_n`` reassignments used and ``ri_exact``
        whether they are all there are, and ``ri_few_distinct`` whether the
        distinct reassignments are so few that no p adjusted across the
        status contrasts could fall below ``alpha`` however many were drawn),
        which keeps its size at alpha where
        the model's test is liberal; ``p_value_model`` is the model's own
        (the GEE's Wald test or Firth's), and the estimate and interval stay
        the model's. Elsewhere ``p_method`` is ``"model"``.  Codes that cannot be
        fitted (no variation in the outcome) are left out with an
        :class:`~impact.errors.ImpactWarning` naming them; a code whose
        councils were all in one status at every wave, or all in the same
        status at each wave (status then varies with the wave only), is
        fitted on wave alone (no ``in_intervention`` row), with such a
        warning too.

    Raises
    ------
    ValueError
        If ``measure`` is not a column of the panel, ``n_permutations`` is not a whole number of at least 1,
        ``alpha`` is not a number strictly between 0 and 1, or ``seed`` is negative or not a whole number.

    Examples
    --------
    Segmenting and coding every transcript of the example study and fitting the models take some seconds, so this
    example is not run as a test:

    >>> import impact  # doctest: +SKIP
    >>> study = impact.load_study(impact.example_path(), validate=False)  # doctest: +SKIP
    >>> segments = impact.segment(study)  # doctest: +SKIP
    >>> panel = impact.participant_panel(study, impact.RuleCoder().code(segments), segments=segments)  # doctest: +SKIP
    >>> impact.intervention_effects(panel, codes=["morale"])[["code", "odds_ratio", "p_value"]]  # doctest: +SKIP
    """
    from .stats import adjust_pvalues

    _check_level(alpha, seed)
    code_list, wave_list = _selection(panel, ("code", "wave", "council_id", "status_group"), codes, waves,
                                      takes_study=False)
    if measure not in panel.columns:
        raise ValueError(f"`measure` must be a column of the panel, but {measure!r} was passed.")
    _indicator(panel.dropna(subset=["status_group"]), measure, missing="the models read one on every row",
               weighted="impact.attrition_effects(panel, study) for the effect weighted for the interviews missed")
    if isinstance(n_permutations, bool) or not isinstance(n_permutations, (int, np.integer)) or n_permutations < 1:
        raise ValueError(f"The value for `n_permutations` must be a whole number of at least 1, but {n_permutations!r} "
                         "was passed.")
    rows = []
    caught: dict[str, list] = {}
    for code in code_list:
        # each impact's fit's warnings, said of the impacts that raised them (a library's in words: round 33)
        with recorded_warnings() as caught[code]:
            rows.extend(_code_rows(panel, code, measure, wave_list, alpha, seed, n_permutations))
    reissue_per_item(caught, _models_of, separated=_separated_fits(rows), lone=_lone_council_fits(rows))
    if not rows:
        return pd.DataFrame(columns=["code", "measure", "term", "estimate", "se", "ci_low", "ci_high", "p_value",
                                     "p_adjusted", "notes", "separation", "estimator"])
    out = pd.concat(rows, ignore_index=True)
    out["p_adjusted"] = np.nan
    # a separated GEE's p-value means nothing: it neither enters the Holm family nor counts towards its size (kept
    # in, a p of 1e-6 from a log-odds of -680 would take the smallest place and multiply every other p by one more).
    # Firth's penalised likelihood gives such a term a finite estimate and a valid test, which does enter it.
    # The wave terms are one family: a report that reads each later wave against the first reads them all together.
    tested = out[~out["separation"].astype(bool) | out["estimator"].eq("firth")]
    for _family, idx in tested.groupby(holm_family(tested["term"]), observed=True).groups.items():
        out.loc[idx, "p_adjusted"] = adjust_pvalues(out.loc[idx, "p_value"], method="holm")
    _flag_few_distinct(out, tested, alpha)
    # A separated fit's log-odds (-981 at seed 32341, 7 councils) gives an odds ratio of 0 or infinity: the fit's own
    # separation warning says so for its impact. numpy's overflow warning here was said again as separation in "the
    # longitudinal models" as a whole, a second caveat of the same fact naming every impact (round 34).
    with np.errstate(over="ignore"):
        out["odds_ratio"] = np.exp(out["estimate"])
        out["odds_ratio_ci_low"] = np.exp(out["ci_low"])
        out["odds_ratio_ci_high"] = np.exp(out["ci_high"])
    return out


def _check_level(alpha: object, seed: object = None) -> None:
    """Refuse an ``alpha`` that is no share (5 for 5%, -0.1, NaN) or a seed numpy would refuse, before any model is
    fitted: each model's fit refused it, and the refusal was said as each impact's model not fitted (newuser17)."""
    from .stats._checks import _check_probability, _check_seed

    _check_probability("alpha", alpha)
    _check_seed(seed)


def holm_family(terms: pd.Series) -> pd.Series:
    """The Holm family of each model term of :func:`intervention_effects`: the wave terms (``wave_<id>``) are one
    family, adjusted across the impacts and later waves together; each other term (the status term, each contrast of
    the waves after the review) is its own, adjusted across the impacts."""
    return terms.where(~terms.astype(str).str.startswith("wave_"), "wave")


def _code_rows(panel: pd.DataFrame, code: str, measure: str, wave_list: list[str], alpha: float, seed: int,
               n_permutations: int) -> list[pd.DataFrame]:
    """The rows of :func:`intervention_effects` for one impact (none where it cannot be fitted, with a warning)."""
    from .stats import longitudinal_model

    out: list[pd.DataFrame] = []
    d = panel[panel["code"] == code].dropna(subset=["status_group"]).copy()
    d = _model_frame(d, measure, wave_list, dtype=int)
    if d["y"].nunique() < 2:
        warnings.warn(f"GEE for code {code!r} not fitted: the outcome does not vary", ImpactWarning, stacklevel=user_level())
        return []
    # Where every council is in one status at every wave, the status term cannot be estimated, but the change
    # across the waves can: the model is fitted on wave alone, and has no ``in_intervention`` row. It was not
    # fitted at all, so a study of councils none of which was in intervention had no model of change (audit8).
    # Where every council has the same status at each wave (all in intervention at the first two waves and out at
    # the last), status is a function of the wave and its term is the wave's under another name: the fit raised
    # (singular matrix) and no model of change was made, and the report said no impact varied in wave or status
    # (audit10, every council's notice lifted between the later waves). Fitted on wave alone, as above.
    formula = _STATUS_FORMULA
    # observed=True: pandas 3's default; pandas 2.x warned (a FutureWarning the report printed among its notes)
    if d.groupby("wave", observed=True)["in_intervention"].nunique().max() < 2:
        if d["wave"].nunique() < 2:
            warnings.warn(f"GEE for code {code!r} not fitted: neither wave nor intervention status varies",
                          ImpactWarning, stacklevel=user_level())
            return []
        formula = _WAVE_FORMULA
        why = _why_wave_alone(d)
        warnings.warn(f"GEE for code {code!r} fitted on wave alone: {why}", ImpactWarning, stacklevel=user_level())
    try:
        res = longitudinal_model(d, formula=formula, unit="council_id", family="binomial",
                                 method="gee", cov_struct="exchangeable", alpha=alpha)
    except (ValueError, np.linalg.LinAlgError) as exc:
        # a library's error in words, its own kept for provenance.json ("Singular matrix" told a reader nothing)
        warnings.warn(fit_failed(exc, _models_of([code]), "the models table has no row for it"), stacklevel=user_level())
        return []
    out.append(_with_randomisation(_with_firth(_rows(res, d, code, measure), d, alpha, formula), d, seed,
                                    n_permutations))
    # A fall after the review (an impact reported by most participants soon after it and by few a year on) was in
    # no contrast: each later wave was compared with the first only, and the summary said of the last wave "no
    # significant change" from before the review (audit11, a planted fall from 73% to 7%). The last waves are
    # compared with the first after the review too, by the same model with that wave as its reference.
    later = [w for w in wave_list[1:] if (d["wave"] == w).any()]
    if len(later) >= 2:
        out.append(_since_first_after(d, formula, code, measure, later, alpha))
    return out


#: The model of each impact with the change across the waves allowed to differ by the status at the wave.
_BY_STATUS_FORMULA = "y ~ C(wave) * in_intervention"


def change_by_status(
    panel: pd.DataFrame,
    *,
    study: Study | None = None,
    measure: str = "reported",
    codes: Sequence[str] | None = None,
    waves: Sequence[str] | None = None,
    alpha: float = 0.05,
) -> pd.DataFrame:
    """Whether each impact's change across the waves differs by intervention status, and the change in each group.

    :func:`intervention_effects` assumes the change is the same in councils in and not in intervention: where an
    impact rises in one group only, its wave term is an average of a rise and none, and its status term a difference
    that held at no wave. Here the same binomial GEE (councils as clusters, exchangeable working correlation, each
    council's status at each wave as :func:`intervention_effects` codes it) has the wave interacting with the status:
    ``y ~ C(wave) * in_intervention``. The change in councils not in intervention is its wave term; the change in
    those in intervention is the wave term plus the interaction (read from the same fit with its covariance,
    :func:`impact.stats._models._contrasts`); their difference is the interaction. Whether the change differs at all
    is one test per impact of every interaction term together: a Wald F test on the Mancl-DeRouen bias-reduced
    sandwich with ``(later waves, councils - parameters)`` degrees of freedom (the small-cluster corrections of
    :func:`impact.stats.longitudinal_model`), Holm-adjusted across the impacts tested.

    The test is not made (``tested`` False, ``why_not`` says why) with fewer than
    :data:`impact.stats._models.FEW_UNITS` councils, fewer than :data:`BY_STATUS_FEWEST` councils of a status group at
    the first wave or at each later wave tested (its change is then those councils' own, and the sandwich has too
    little to measure it by), where no participant or every one reported the impact at any wave (nothing to
    compare), or where neither the GEE nor Firth's fit (below) can be made. A wave at which only one status group was
    seen is left out of the model.

    Where some wave and status group's participants all or none report the impact (separation: the GEE's change is
    infinite), or the GEE gives no standard error, Firth's penalised likelihood takes its place (``estimator``
    ``"firth"``; :func:`_by_status_firth`): each change's estimate, profile interval and penalised likelihood ratio
    test with the councils' design effect, and the joint test of the interaction terms with the Rao-Scott mean design
    effect (:func:`impact.stats._firth.firth_joint_test`). It is not used where no participant, or every one, reported
    the impact at any wave.

    Where every council seen at the first wave has the same status (no council in intervention before the review),
    councils are grouped by whether they were ever of the other status at a wave modelled, fixed across the waves,
    each group's change measured from the first wave (``grouping`` ``"ever_in_intervention"`` or
    ``"ever_out_of_intervention"``; else ``"at_wave"``): docs/methods.md says why.

    With ``study``, each GEE fit is also made weighted for missed interviews (the ``w_`` columns): every participant of
    the study is expected at every wave modelled, and each interviewed participant-wave is weighted by the inverse of
    its estimated chance of being interviewed (:func:`impact.stats.longitudinal_model` with ``missing="ipw"``: working
    independence, the same Mancl-DeRouen sandwich with the weights, the same F test), the response model being the
    wave by the council's status at the wave (the weights of the models' changes, :func:`attrition_effects`) and by the
    participant's report of the impact at the first wave (reported, not reported, not interviewed then). The status
    alone is not enough here: this model has a term per wave and status group, and weights constant within those
    cells leave its estimates the complete cases' (docs/methods.md, "The change by status weighted for missed
    interviews"). Not made where the complete-case fit is Firth's, or where no participant-wave was missed.

    Parameters
    ----------
    panel : DataFrame
        The participant panel (:func:`impact.participant_panel`).
    study : Study, optional
        Its participants and their councils' status at every wave give the missed participant-waves: the weighted fit.
        Where councils are grouped by whether they were ever in intervention, a council's status at a wave none of its
        participants was interviewed at counts too (one that entered and left intervention unseen while in it).
    measure : str, default "reported"
        Boolean column of the panel to model.
    codes : sequence of str, optional
        Codes to model (default: every code of the panel).
    waves : sequence of str, optional
        Wave order; the first is the reference (default: the panel's waves
        in the order ``study`` declares them, else as
        :func:`intervention_effects` reads them; never the order of the
        panel's rows).
    alpha : float, default 0.05
        1 - confidence level of the intervals.

    Returns
    -------
    DataFrame
        Per code, one row ``term == "differs"`` (``wave`` empty): ``statistic`` (F), ``df_num``, ``df``, ``p_value``,
        ``p_adjusted`` (Holm across the codes tested), ``tested``, ``why_not``; and per later wave modelled three rows
        ``change_not_in_intervention``, ``change_in_intervention`` (log-odds ratio of reporting the impact at the wave
        against the first, among participants of that status group) and ``change_difference`` (in minus not): the
        ``estimate``, ``se``, ``statistic`` (t), ``df``, ``p_value``, ``ci_low``, ``ci_high``, ``odds_ratio`` and its
        interval. Every row has ``code``, ``measure``, ``estimator`` (``"gee"`` or ``"firth"``, where tested),
        ``grouping``, ``n_obs``, ``n_units`` and ``n_units_intervention`` /
        ``n_units_no_intervention`` (the fewest councils of that group at the first wave and at a wave modelled).
        With ``study``: ``w_estimate``, ``w_se``, ``w_statistic``, ``w_df_num``, ``w_df``, ``w_p_value``,
        ``w_p_adjusted`` (Holm across the codes weighted), ``w_ci_low``, ``w_ci_high`` of the weighted fit and its
        ``n_effective`` (Kish's effective n of the weights); NaN where it was not made, and ``w_why_not`` (on the
        ``differs`` row) says why: the complete-case fit is Firth's (:data:`WEIGHTED_NOT_FIRTH`), nothing was missed,
        or the weighted fit failed; empty where it was made or no ``study`` was given.

    Raises
    ------
    ValueError
        If ``measure`` is not a column of the panel.

    Examples
    --------
    >>> change_by_status(pd.DataFrame(columns=["code", "wave", "council_id", "status_group", "reported"])).empty
    True
    """
    from .study import refuse_swapped

    refuse_swapped(change_by_status, panel=panel, study=study)
    from .stats import adjust_pvalues

    _check_level(alpha)
    code_list, wave_list = _selection(panel, ("code", "wave", "council_id", "status_group"), codes, waves,
                                      study=study)
    if measure not in panel.columns:
        raise ValueError(f"`measure` must be a column of the panel, but {measure!r} was passed.")
    _indicator(panel.dropna(subset=["status_group"]), measure, missing="the models read one on every row",
               weighted="`study=` (the study) for the fit weighted for the interviews missed")
    grid = None
    if study is not None:
        require_study(study, "participants", "wave_status")
        if "participant_id" not in panel.columns:
            raise ValueError("`study` weights the participant panel for missed interviews, but the panel has no "
                             "'participant_id' column (pass the participant panel, impact.participant_panel).")
        grid = _expected_grid(study, wave_list)
    parts = [_code_by_status(panel, code, measure, wave_list, alpha, grid) for code in code_list]
    parts = [p for p in parts if len(p)]
    if not parts:
        return pd.DataFrame(columns=_BY_STATUS_COLUMNS)
    # every column, whatever was tested (a study where no impact could be tested has no estimate column of its own)
    out = pd.concat(parts, ignore_index=True).reindex(columns=_BY_STATUS_COLUMNS)
    test = out["term"].eq("differs") & out["tested"].astype(bool)
    if test.any():
        out.loc[test, "p_adjusted"] = adjust_pvalues(out.loc[test, "p_value"], method="holm")
    weighted = out["term"].eq("differs") & np.isfinite(out["w_p_value"].astype(float))
    if weighted.any():  # the weighted tests are their own Holm family, as the models' weighted changes are
        out.loc[weighted, "w_p_adjusted"] = adjust_pvalues(out.loc[weighted, "w_p_value"], method="holm")
    with np.errstate(over="ignore"):
        change = ~out["term"].eq("differs")
        for c, src in (("odds_ratio", "estimate"), ("odds_ratio_ci_low", "ci_low"), ("odds_ratio_ci_high", "ci_high")):
            out[c] = np.where(change, np.exp(out[src].astype(float)), np.nan)
    return out[_BY_STATUS_COLUMNS]


#: Fewer councils than this in a status group at the first wave or at a later wave: the change by status is not tested.
BY_STATUS_FEWEST = 3

_BY_STATUS_COLUMNS = ["code", "measure", "wave", "term", "estimate", "se", "statistic", "df_num", "df", "p_value",
                      "p_adjusted", "ci_low", "ci_high", "odds_ratio", "odds_ratio_ci_low", "odds_ratio_ci_high",
                      "tested", "why_not", "estimator", "grouping", "n_obs", "n_units", "n_units_intervention",
                      "n_units_no_intervention", *(f"w_{c}" for c in ("estimate", "se", "statistic", "df_num", "df",
                                                                      "p_value", "p_adjusted", "ci_low", "ci_high")),
                      "n_effective", "w_why_not"]

#: Why the weighted fit of :func:`change_by_status` is not made where the complete-case fit is Firth's.
WEIGHTED_NOT_FIRTH = ("the complete-case fit is Firth's (a wave and status group's participants all or none reported "
                      "it), and Firth's joint test of the change by status is not made with response weights")
#: ... where no participant-wave of the code's waves was missed, and where the weighted fit could not be made.
WEIGHTED_NOTHING_MISSED = "no participant-wave was missed"
WEIGHTED_FAILED = "the weighted fit could not be made or its interaction terms' covariance is singular"

#: The response model's covariate of the weighted change by status: the participant's report of the impact at the
#: first wave.
_FIRST_REPORT = "first_report"


def _expected_grid(study: Study, wave_list: list[str]) -> pd.DataFrame:
    """Every participant of ``study`` at every wave of ``wave_list`` whose council has a status then: ``participant_id``,
    ``council_id``, ``wave``, ``status_group`` (the rows the missed interviews are among, as :func:`attrition_effects`
    expects them)."""
    status = study.wave_status()[["council_id", "wave", "intervention"]]
    grid = (study.participants[["participant_id", "council_id"]].merge(pd.DataFrame({"wave": wave_list}), how="cross")
            .merge(status, on=["council_id", "wave"], how="left"))
    grid["status_group"] = grid["intervention"].map(STATUS_GROUPS)
    return grid.dropna(subset=["status_group"])[["participant_id", "council_id", "wave", "status_group"]]


def _code_by_status(panel: pd.DataFrame, code: str, measure: str, wave_list: list[str], alpha: float,
                    grid: pd.DataFrame | None = None) -> pd.DataFrame:
    """The rows of :func:`change_by_status` for one code (none where no wave after the first has both groups); with
    ``grid`` (:func:`_expected_grid`), also the weighted fit's (:func:`_by_status_weighted`)."""
    from .stats._models import FEW_UNITS

    d = _model_frame(panel[panel["code"] == code].dropna(subset=["status_group"]), measure, wave_list, dtype=int)
    d, grouping = _by_status_grouping(d, wave_list[0], grid)
    per = d.groupby(["wave", "in_intervention"], observed=True)["council_id"].nunique()
    first = wave_list[0]
    both = [w for w in wave_list if all(per.get((w, s), 0) > 0 for s in (0, 1))]
    if first not in both or len(both) < 2:
        return pd.DataFrame()
    d = d[d["wave"].isin(both)].assign(wave=lambda x: pd.Categorical(x["wave"], categories=both))
    later = both[1:]
    fewest = {s: min(min(per[(first, s)], per[(w, s)]) for w in later) for s in (0, 1)}
    base = {"code": code, "measure": measure, "n_obs": len(d), "n_units": d["council_id"].nunique(),
            "n_units_intervention": fewest[1], "n_units_no_intervention": fewest[0], "grouping": grouping}
    why = ""
    if base["n_units"] < FEW_UNITS:
        why = f"fewer than {FEW_UNITS} councils"
    elif min(fewest.values()) < BY_STATUS_FEWEST:
        why = f"fewer than {BY_STATUS_FEWEST} councils of a status group at a wave"
    elif d["y"].nunique() < 2:
        why = "every participant or none reported it (nothing to compare)"
    if why:
        return pd.DataFrame([{**base, "wave": "", "term": "differs", "tested": False, "why_not": why}])
    names = {w: (f"C(wave)[T.{w}]", f"C(wave)[T.{w}]:in_intervention") for w in later}
    separated = d.groupby(["wave", "in_intervention"], observed=True)["y"].agg(["min", "max"]).pipe(
        lambda t: (t["min"] == t["max"]).any())
    fit = None if separated else _by_status_gee(d, names, alpha)
    fit = fit[:2] if fit is not None else None  # the test and the table, as Firth's fit gives them
    estimator = "gee"
    if fit is None:
        # a cell where everyone or no one reported it (or a GEE with no standard error): the GEE's change there is
        # infinite, Firth's penalised likelihood gives it a finite estimate and a valid test (as for the models table)
        fit, estimator = _by_status_firth(d, names, alpha), "firth"
    if fit is None:
        why = ("every participant or none of a wave and status group reported it and Firth's fit failed" if separated
               else "the model could not be fitted or gave no standard error")
        return pd.DataFrame([{**base, "wave": "", "term": "differs", "tested": False, "why_not": why}])
    test, table = fit
    cols = ("estimate", "se", "statistic", "df", "p_value", "ci_low", "ci_high")
    weighted = ("" if grid is None else
                _by_status_weighted(panel[panel["code"] == code], grid, d, measure, grouping, names, alpha, estimator))
    w_test, w_table, n_eff = weighted if not isinstance(weighted, str) else ({}, None, np.nan)
    rows = [{**base, "wave": "", "term": "differs", **test, "tested": True, "why_not": "", "estimator": estimator,
             **{f"w_{c}": v for c, v in w_test.items()}, "n_effective": n_eff,
             "w_why_not": weighted if isinstance(weighted, str) else ""}]
    for name, r in table.iterrows():
        w, term = str(name).split("|", 1)
        rows.append({**base, "wave": w, "term": term, "tested": True, "why_not": "", "estimator": estimator,
                     **{c: r[c] for c in cols}, "n_effective": n_eff,
                     **({f"w_{c}": w_table.loc[name, c] for c in cols} if w_table is not None else {})})
    return pd.DataFrame(rows)


def _by_status_weighted(seen: pd.DataFrame, grid: pd.DataFrame, d: pd.DataFrame, measure: str, grouping: str,
                        names: dict, alpha: float, estimator: str = "gee"):
    """The GEE of :func:`_by_status_gee` weighted for missed interviews, on the rows ``d`` was fitted on (its waves, its
    status groups) with every participant of the study expected at each of those waves (``grid``); ``seen`` is the
    code's rows of the participant panel. ``(test, table, n_effective)``, or why it was not made
    (:data:`WEIGHTED_NOTHING_MISSED`, :data:`WEIGHTED_NOT_FIRTH` where ``estimator`` is ``"firth"`` and something was
    missed, :data:`WEIGHTED_FAILED`).

    The response model is the wave by the status at the wave and by the participant's report of the impact at the
    first wave (``first_report``: reported, not reported, not interviewed then): with the status alone the weights are
    constant within each wave and status group, the cells this saturated model has a term for, and its weighted
    estimates are the complete cases' under working independence (a GEE whose fitted values are its cells' shares
    solves the same equations whatever weight each cell has); the first report is what varies within them and what
    attrition that depends on the impact leaves a trace of."""
    waves = list(d["wave"].cat.categories)
    g = grid[grid["wave"].isin(waves)].merge(seen[["participant_id", "wave", measure]].drop_duplicates(
        ["participant_id", "wave"]), on=["participant_id", "wave"], how="left")
    g = g.assign(y=g[measure].astype(float), wave=pd.Categorical(g["wave"], categories=waves),
                 status_at_wave=(g["status_group"] == "intervention").astype(int))
    if not g["y"].isna().any():
        return WEIGHTED_NOTHING_MISSED
    if estimator == "firth":
        return WEIGHTED_NOT_FIRTH
    if grouping == "at_wave":
        g["in_intervention"] = g["status_at_wave"]
    else:  # each council in the group the complete cases put it in (a council with no interview of it has none)
        group = d.groupby("council_id")["in_intervention"].first()
        g = g.assign(in_intervention=g["council_id"].map(group)).dropna(subset=["in_intervention"])
        g["in_intervention"] = g["in_intervention"].astype(int)
    first = g.loc[g["wave"] == waves[0]].set_index("participant_id")["y"]
    report = g["participant_id"].map(first.map({1.0: "reported", 0.0: "not_reported"})).fillna("not_interviewed")
    # one factor of status and first report, crossed with the wave: the response model is saturated in them (attrition
    # that depends on the first report in one status group only is not additive in the two)
    g[_FIRST_REPORT] = np.where(g["status_at_wave"].eq(1), "in_", "out_") + report
    fit = _by_status_gee(g, names, alpha, missing="ipw", subject="participant_id", time="wave",
                         response_covariates=[_FIRST_REPORT])
    if fit is None:
        return WEIGHTED_FAILED
    test, table, res = fit
    return test, table, float(res.n_effective)


def _by_status_grouping(d: pd.DataFrame, first: str, grid: pd.DataFrame | None = None) -> tuple[pd.DataFrame, str]:
    """The status groups the change is compared between: each council's status at each wave (``"at_wave"``) where
    both groups are seen at the first wave; else, where every council seen there has one status (no council in
    intervention before the review, say), whether a council was ever of the other status at a wave
    (``"ever_in_intervention"`` / ``"ever_out_of_intervention"``), fixed across the waves so that the first wave is
    each group's baseline (docs/methods.md, "Change by status where status begins after the first wave").

    With ``grid`` (:func:`_expected_grid`: the study's status of each council at each wave modelled), a council's
    status at a wave where none of its participants was interviewed counts too: a council that entered intervention
    after the review and left it before the last wave (truth55) and was not interviewed while in it is in the group
    that was ever in intervention, not in the group that never was. Without it only the panel's rows can say."""
    seen = d.loc[d["wave"] == first, "in_intervention"].unique()
    if len(seen) != 1:
        return d, "at_wave"
    s0 = int(seen[0])
    moved = d["in_intervention"].ne(s0).groupby(d["council_id"]).transform("any")
    if grid is not None:
        at_wave = grid.drop_duplicates(["council_id", "wave"])
        other = set(at_wave.loc[at_wave["status_group"].eq("intervention").astype(int).ne(s0), "council_id"])
        moved = moved | d["council_id"].isin(other)
    return (d.assign(in_intervention=np.where(moved, 1 - s0, s0)),
            "ever_in_intervention" if s0 == 0 else "ever_out_of_intervention")


def _by_status_contrasts(later) -> dict:
    """Per later wave, the change in each group and their difference as combinations of the interaction model's terms."""
    out = {}
    for w, (wave, inter) in later.items():
        out[f"{w}|change_not_in_intervention"] = {wave: 1.0}
        out[f"{w}|change_in_intervention"] = {wave: 1.0, inter: 1.0}
        out[f"{w}|change_difference"] = {inter: 1.0}
    return out


def _by_status_gee(d: pd.DataFrame, names: dict, alpha: float, **weighted):
    """``(test, table, fit)``: the GEE's test of every interaction term (Wald F on the bias-reduced sandwich), each
    group's change and the fitted model; or None where it cannot be fitted or gives no standard error. ``weighted``:
    :func:`impact.stats.longitudinal_model`'s arguments of a fit weighted for missed interviews
    (:func:`_by_status_weighted`)."""
    from scipy import stats as st

    from .stats import longitudinal_model
    from .stats._models import _contrasts

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the impact's own model gave its warnings
            res = longitudinal_model(d, formula=_BY_STATUS_FORMULA, unit="council_id", family="binomial",
                                     method="gee", cov_struct="exchangeable", alpha=alpha, **weighted)
    except (ValueError, np.linalg.LinAlgError):
        return None
    table = _contrasts(res, _by_status_contrasts(names))
    if table is None:
        return None
    inter = [v[1] for v in names.values()]
    b = res.params.loc[inter, "estimate"].to_numpy(dtype="float64")
    v = res.cov.loc[inter, inter].to_numpy(dtype="float64")
    k, df = len(inter), float(res.params["df"].iloc[0])
    # a singular covariance of the interaction terms (few councils of a group, truth55; numerically singular too, by
    # numpy's rank tolerance): no joint test, as where the GEE gives no standard error
    if not np.isfinite(v).all() or np.linalg.matrix_rank(v) < k:
        return None
    f_stat = float(b @ np.linalg.solve(v, b)) / k
    test = {"statistic": f_stat, "df_num": float(k), "df": df, "p_value": float(st.f.sf(f_stat, k, df))}
    return test, table, res


def _by_status_firth(d: pd.DataFrame, names: dict, alpha: float):
    """Firth's penalised likelihood in the GEE's place (:func:`_by_status_gee`), councils as clusters: the joint
    penalised likelihood ratio test of the interaction terms with the Rao-Scott design effect
    (:func:`impact.stats._firth.firth_joint_test`), and each change's estimate, profile interval and test from
    :func:`impact.stats.firth_logistic` (the change in councils in intervention from the same fit with the status
    coded the other way round, whose wave term it is). None where a fit fails."""
    from .stats import firth_logistic
    from .stats._firth import firth_joint_test

    inter = [v[1] for v in names.values()]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            test = firth_joint_test(d, formula=_BY_STATUS_FORMULA, unit="council_id", terms=inter)
            fits = {s: firth_logistic(d.assign(in_intervention=s - d["in_intervention"] if s else d["in_intervention"]),
                                      formula=_BY_STATUS_FORMULA, unit="council_id", alpha=alpha,
                                      intervals=wanted, tests=wanted).params
                    for s, wanted in ((0, [t for v in names.values() for t in v]), (1, [v[0] for v in names.values()]))}
    except (ValueError, np.linalg.LinAlgError):
        return None
    cols = ["estimate", "se", "statistic", "df", "p_value", "ci_low", "ci_high"]
    rows = {}
    for w, (wave, inter_w) in names.items():
        rows[f"{w}|change_not_in_intervention"] = fits[0].loc[wave, cols]
        rows[f"{w}|change_in_intervention"] = fits[1].loc[wave, cols]
        rows[f"{w}|change_difference"] = fits[0].loc[inter_w, cols]
    table = pd.DataFrame(rows).T
    if not np.isfinite(table[["estimate", "p_value"]].to_numpy(dtype="float64")).all():
        return None
    return test, table


def _separated_fits(rows: list[pd.DataFrame]) -> dict[str, str]:
    """The impacts whose GEE separated (``separation``), each with what that left
    (:data:`impact._warning_words.SEPARATED`): Firth's estimates in the GEE's place (``"firth"``), no finite GEE
    estimate at all (``"none"``) or extreme ones (``"extreme"``). Their fit's warnings that it did not converge are said
    as that cause (:func:`impact._warning_words.reissue_per_item`)."""
    fits = pd.concat(rows, ignore_index=True) if rows else pd.DataFrame(columns=["code", "separation", "estimate"])
    fits = fits[fits["separation"].astype(bool)]
    out = {}
    for code, f in fits.groupby("code", sort=False):
        gee = f.get("estimate_gee", f["estimate"]).astype(float)  # the GEE's, not Firth's
        out[str(code)] = ("firth" if f.get("estimator", pd.Series("gee", index=f.index)).eq("firth").any()
                          else "extreme" if np.isfinite(gee).any() else "none")
    return out


def _lone_council_fits(rows: list[pd.DataFrame]) -> set[str]:
    """The impacts whose fit has a status group of a single council (in intervention at some wave, or never): a
    standard error not identified as it "rests on a single council" is said so of them, not as separation's."""
    out = set()
    for f in rows:
        sides = [c for c in ("n_units_intervention", "n_units_no_intervention") if c in f.columns]
        if len(f) and sides and (f[sides].astype(float) == 1).any(axis=None):
            out |= set(map(str, f["code"]))
    return out


def _models_of(codes: list[str] | None) -> str:
    """The longitudinal models of ``codes`` (every impact's, for None), as a warning names them for the report."""
    if codes is None:
        return "the longitudinal model of every impact (the models table)"
    return (f"the longitudinal {'model' if len(codes) == 1 else 'models'} of "
            f"{_listed(f'code {c!r}' for c in codes)} (the models table)")


#: Fewer councils than this on one side of the status term (in intervention, or not, at some wave): its p-value is
#: the randomisation test's (:func:`impact.stats._status_ri.status_ri`), not the model's.  Null simulations of the
#: report's GEE (``bench/validity_stats.py``, ``status_small_group``: 30 councils x 3 participants x 3 waves) put the
#: Wald test's size at 0.05 at about 15% with 2 councils in intervention, 9% with 3, 8% with 4, 7% with 5 and 6% with 6
#: to 10; the randomisation test's stays at 5% throughout (see docs/methods.md for the figures).  From about 10
#: councils a side the model's test is near its size, and the two p-values differ little.
RANDOMISATION_BELOW = 10


def _rows(res, d: pd.DataFrame, code: str, measure: str) -> pd.DataFrame:
    """One fit's terms as rows of :func:`intervention_effects` (before Firth's and the randomisation test's columns)."""
    p = res.params.reset_index().rename(columns={"index": "term"})
    if "term" not in p.columns:
        p = p.rename(columns={p.columns[0]: "term"})
    p.insert(0, "code", code)
    p.insert(1, "measure", measure)
    p["term"] = p["term"].map(_term_name)
    p["n_obs"] = res.n_obs
    p["n_units"] = res.n_units
    # the status term rests on the councils seen on each side of it: with one, it is that council's difference
    p["n_units_intervention"] = d.loc[d["in_intervention"] == 1, "council_id"].nunique()
    p["n_units_no_intervention"] = d.loc[d["in_intervention"] == 0, "council_id"].nunique()
    p["n_units_fewest_at_a_wave"] = _fewest_at_a_wave(d)
    p["notes"] = "; ".join(res.notes)
    p["separation"] = _separated(res.notes) or _constant_level(d)
    return p


def _fewest_at_a_wave(d: pd.DataFrame) -> float:
    """The fewest councils on one side of the status term at a wave where councils are seen on both sides (NaN where
    there is no such wave).

    The status term is estimated beside the wave's, so it compares councils in and out of intervention at the same
    wave (and councils that moved, before and after): at a wave where one council alone is out of intervention, that
    wave's part of the contrast is that council's difference from the rest, however many councils are out of it at
    other waves (8 councils, seed 31508: one never in intervention, alone out of it at two of three waves, and three
    more out of it at the last; councils with a row out of intervention, 4, hid it).

    >>> d = pd.DataFrame({"wave": ["a", "a", "a", "b", "b", "b"], "council_id": [1, 2, 3, 1, 2, 3],
    ...                   "in_intervention": [0, 1, 1, 0, 0, 1]})
    >>> _fewest_at_a_wave(d)
    1.0
    """
    # numpy on the codes (a missing wave or council, -1, left out as groupby and nunique leave it out)
    wave = pd.factorize(d["wave"])[0]
    council = pd.factorize(d["council_id"])[0]
    status = d["in_intervention"].to_numpy()
    fewest = float("nan")
    for k in np.unique(wave[wave >= 0]):
        sides = [(wave == k) & (status == side) for side in (0, 1)]
        if all(rows.any() for rows in sides):
            n = min(len(np.unique(council[rows & (council >= 0)])) for rows in sides)
            fewest = n if np.isnan(fewest) else min(fewest, n)
    return float(fewest)


def _since_first_after(d: pd.DataFrame, formula: str, code: str, measure: str, later: list[str],
                       alpha: float) -> pd.DataFrame:
    """The rows ``<wave>_vs_<first later wave>``: each wave after the first after the review, against that one.

    The same model as the code's (formula, rows, councils as clusters,
    Firth's estimate where a term rests on few events), refitted with the
    first wave after the review as the wave's reference level: its wave
    terms for the waves after it are those contrasts (the change between
    them, whatever the status term). Its other terms are the first fit's
    under other names and are left out. The fit's warnings were given by
    the first fit. With no valid fit, no rows.
    """
    from .stats import longitudinal_model

    first = later[0]
    d2 = _referenced_on(d, first)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            res = longitudinal_model(d2, formula=formula, unit="council_id", family="binomial", method="gee",
                                     cov_struct="exchangeable", alpha=alpha)
    except (ValueError, np.linalg.LinAlgError):
        return pd.DataFrame()
    keep = {f"wave_{w}": f"{w}_vs_{first}" for w in later[1:]}
    p = _with_firth(_rows(res, d2, code, measure), d2, alpha, formula, keep=keep)
    p = p[p["term"].isin(keep)].assign(term=lambda x: x["term"].map(keep))
    firth = p.loc[p["estimator"].eq("firth"), "term"]
    # the refit's notes name its own terms (``wave_expectations``): they are said again of these rows' names
    p["notes"] = "; ".join([*res.notes, *([_firth_note(firth)] if len(firth) else [])])
    return p.assign(p_value_model=p["p_value"], p_method="model", ri_n=0, ri_exact=False)


def _referenced_on(d: pd.DataFrame, first: str) -> pd.DataFrame:
    """``d`` with ``first`` the reference level of its categorical ``wave`` (the models' wave terms then contrast each
    other wave with it)."""
    return d.assign(wave=d["wave"].cat.reorder_categories([first, *[w for w in d["wave"].cat.categories if w != first]]))


def _attrition_since_first_after(d: pd.DataFrame, code: str, measure: str, methods: tuple[str, ...], alpha: float,
                                 cols: list[str], fits=()) -> list[pd.DataFrame]:
    """The rows ``<wave>_vs_<first later wave>`` of :func:`attrition_effects` (``wave_terms``): each wave after the
    first after the review against that one, under each way of handling missed interviews, as the same GEE refitted
    with that wave as the reference gives them (as :func:`_since_first_after` gives the models table's; the response
    weights do not depend on the reference). None with fewer than two later waves interviewed, or where the refit
    fails (the first fit's warnings were given).

    The refit is the same design reparametrised, so its rows are read from the code's own fits (``fits``,
    :func:`impact.stats._models._attrition_fits`) as differences of their wave terms, with their covariance
    (:func:`impact.stats._models._contrasts`), wherever every method's can be; else (imputed waves, separation, a
    standard error that rests on one council) the GEE is refitted: on a 12-council study the refits were a tenth of
    the analysis."""
    from .stats import attrition_sensitivity

    seen = d.loc[d["y"].notna(), "wave"]
    later = [w for w in d["wave"].cat.categories[1:] if (seen == w).any()]
    if len(later) < 2:
        return []
    first = later[0]
    read = _contrasts_read(d, code, measure, later, fits, cols)
    if read is not None:
        return [read]
    d2 = _referenced_on(d, first)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            t = attrition_sensitivity(d2, methods=methods, formula=_STATUS_FORMULA, unit="council_id",
                                      subject="participant_id", time="wave", family="binomial", method="gee",
                                      cov_struct="exchangeable", alpha=alpha)
    except (ValueError, np.linalg.LinAlgError):
        return []
    keep = {f"C(wave)[T.{w}]": f"{w}_vs_{first}" for w in later[1:]}
    t = t[t["term"].isin(keep)]
    t = t.assign(term=t["term"].map(keep), code=code, measure=measure, estimator="gee",
                 separation=t["notes"].map(lambda n: _separated(str(n).split("; "))) | _constant_level(d))
    return [t[["term", *cols]]]


def _contrasts_read(d: pd.DataFrame, code: str, measure: str, later: list[str], fits, cols: list[str]):
    """The rows of :func:`_attrition_since_first_after` read from the code's fits (``(method, ModelResults)`` pairs),
    or None where one of them cannot be read so (:func:`impact.stats._models._contrasts`) or the outcome is constant
    at a wave or in a status group (the refit's rows are flagged as separated)."""
    from .stats._models import _contrasts

    first = later[0]
    contrasts = {f"{w}_vs_{first}": {f"C(wave)[T.{w}]": 1.0, f"C(wave)[T.{first}]": -1.0} for w in later[1:]}
    if not fits or _constant_level(d):
        return None
    parts = []
    for method, res in fits:
        table = _contrasts(res, contrasts)
        if table is None:
            return None
        parts.append(table.reset_index().assign(missing=method, n_obs=res.n_obs, n_effective=res.n_effective,
                                                n_units=res.n_units))
    out = pd.concat(parts, ignore_index=True)
    return out.assign(code=code, measure=measure, estimator="gee", separation=False)[["term", *cols]]


def _with_randomisation(p: pd.DataFrame, d: pd.DataFrame, seed: int, n_permutations: int) -> pd.DataFrame:
    """The status term's p-value by randomisation inference where a side has fewer than :data:`RANDOMISATION_BELOW`
    councils; the model's p-value kept beside it (``p_value_model``) and the method named (``p_method``).

    Where the randomisation test cannot be computed (the model without status cannot be fitted), the model's p stays
    and ``p_method`` says so ("model")."""
    p = p.assign(p_value_model=p["p_value"], p_method="model", ri_n=0, ri_exact=False)
    status = p["term"].eq("in_intervention")
    side = min(int(p["n_units_intervention"].iloc[0]), int(p["n_units_no_intervention"].iloc[0]))
    if not status.any() or side >= RANDOMISATION_BELOW:
        return p
    from .stats._status_ri import status_ri

    ri = status_ri(d, outcome="y", status="in_intervention", wave="wave", unit="council_id",
                   n_permutations=n_permutations, seed=seed)
    if not np.isfinite(ri["p_value"]):
        return p
    p.loc[status, ["p_value", "p_method", "ri_n", "ri_exact"]] = [ri["p_value"], "randomisation", ri["n_used"],
                                                                   ri["exact"]]
    p.loc[status, "_distinct"] = float(ri["n_assignments"])  # read by _flag_few_distinct, then dropped
    return p


def _flag_few_distinct(out: pd.DataFrame, tested: pd.DataFrame, alpha: float) -> None:
    """Set ``ri_few_distinct`` of each status contrast tested by randomisation: whether the distinct reassignments of
    the councils' status paths are so few that, among the status contrasts adjusted together (Holm, the rows of
    ``tested``), no adjusted p could fall below ``alpha`` however many were drawn
    (:func:`impact.stats._ri.few_distinct`). A flag, not their number, which is the multinomial coefficient of how many
    councils follow each path (disclosure rounds 44 to 46); the report says the floor in words."""
    from .stats._ri import few_distinct

    distinct = out.pop("_distinct") if "_distinct" in out.columns else pd.Series(np.nan, index=out.index)
    n_tests = int(tested["term"].eq("in_intervention").sum())
    out["ri_few_distinct"] = [bool(m == "randomisation" and pd.notna(d) and few_distinct(d, n_tests, alpha))
                              for m, d in zip(out.get("p_method", pd.Series(index=out.index, dtype=object)), distinct,
                                              strict=True)]


def attrition_effects(
    panel: pd.DataFrame,
    study: Study,
    *,
    measure: str = "reported",
    codes: Sequence[str] | None = None,
    waves: Sequence[str] | None = None,
    alpha: float = 0.05,
    methods: Sequence[str] = ("complete", "ipw"),
    wave_terms: bool = False,
) -> pd.DataFrame:
    """The effect of being in intervention under each way of handling missed interviews, per code.

    A sensitivity analysis beside :func:`intervention_effects`: the same
    binomial GEE fitted to complete cases and, for ``"ipw"``, weighted by the
    inverse probability of being interviewed at a wave (a participant's
    missing waves are the rows the participant panel lacks; the response
    model is wave by status) and, for ``"mice"``, on multiply imputed waves
    (:func:`impact.stats.attrition_sensitivity`).  If they agree, attrition did
    not drive the estimate.

    Parameters
    ----------
    panel : DataFrame
        The participant panel (:func:`impact.participant_panel`): a row per
        participant, wave and code the participant was interviewed at.
    study : Study
        Its participants and their councils' status at every wave give the
        missed participant-waves with what the response model needs.
    measure, codes, waves, alpha
        As :func:`intervention_effects`.
    methods : sequence of {"complete", "ipw", "mice"}
        Default complete cases and inverse-probability weighting (multiple
        imputation of a binary outcome is slower and offered on request).
    wave_terms : bool
        Also the same fits' terms of each later wave against the first
        (``wave_<id>``, as :func:`intervention_effects` names them), under a
        column ``term`` (``in_intervention`` for the rows above). Always the
        GEE's, with the ``separation`` of the code's fit under that method;
        with two or more later waves, also each wave after the first later
        one against it (``<wave>_vs_<first later>``, as the models table's
        contrasts, from the same GEE with that wave as reference).

    Returns
    -------
    DataFrame
        One row per code and method: ``code``, ``measure``, ``missing``,
        ``estimate`` (log-odds ratio of ``in_intervention``), ``se``,
        ``ci_low``, ``ci_high``, ``p_value``, ``n_obs`` (interviews used),
        ``n_effective`` (Kish's effective n of the response weights, ``(sum
        w)^2 / sum w^2``: ``n_obs`` for complete cases, NaN for ``"mice"``),
        ``n_units``, ``separation`` (as :func:`intervention_effects`: that method's GEE
        has fitted probabilities of 0 or 1, so its estimate means nothing),
        ``estimator`` (``"gee"``, or ``"firth"``: where the complete-case GEE
        of a code separated or its status term rests on few events, the
        case :func:`intervention_effects` shows Firth's estimate for, every
        method's row shows Firth's penalised likelihood on the same rows:
        :func:`impact.stats.longitudinal_model` with ``method="firth"``, the
        response weights as case weights, each imputed data set fitted so;
        like is compared with like, and the complete-case row is the models
        table's). Codes that cannot be fitted are left out with an
        :class:`~impact.errors.ImpactWarning` naming them.

    Raises
    ------
    ValueError
        If ``measure`` is not a column of the panel, or ``methods`` names a method other than ``complete``, ``ipw`` or
        ``mice``.

    Examples
    --------
    Segmenting and coding every transcript of the example study and fitting the models take some seconds, so this
    example is not run as a test:

    >>> import impact  # doctest: +SKIP
    >>> study = impact.load_study(impact.example_path(), validate=False)  # doctest: +SKIP
    >>> segments = impact.segment(study)  # doctest: +SKIP
    >>> panel = impact.participant_panel(study, impact.RuleCoder().code(segments), segments=segments)  # doctest: +SKIP
    >>> impact.attrition_effects(panel, study, codes=["morale"])  # doctest: +SKIP
    """
    from .study import refuse_swapped

    refuse_swapped(attrition_effects, panel=panel, study=study)
    from .schema import true_or_false

    wave_terms = true_or_false("wave_terms", wave_terms)
    from ._joins import names
    from .stats._models import _attrition_fits, _attrition_table

    _check_level(alpha)
    require_study(study, "participants", "wave_status")
    code_list, wave_list = _selection(panel, ("code", "wave", "participant_id"), codes, waves,
                                      hint=" (pass the participant panel, impact.participant_panel)", study=study)
    if measure not in panel.columns:
        raise ValueError(f"`measure` must be a column of the panel, but {measure!r} was passed.")
    _indicator(panel, measure)
    methods = names(methods, "methods")  # one method alone is that method, not its letters
    for m in methods:
        if m not in ("complete", "ipw", "mice"):  # was found only at a code that varies, or never
            raise ValueError(f"The value for `methods` must hold some of ['complete', 'ipw', 'mice'], but {m!r} was "
                             "passed.")
    cols = ["code", "measure", "missing", "estimate", "se", "ci_low", "ci_high", "p_value", "n_obs", "n_effective",
            "n_units", "separation", "estimator"]
    # every participant at every wave, with the council's status then: the missed waves are the rows without outcome
    grid = _expected_grid(study, wave_list)
    rows = []
    for code in code_list:
        seen = panel.loc[panel["code"] == code, ["participant_id", "wave", measure]]
        d = grid.merge(seen, on=["participant_id", "wave"], how="left")
        d = _model_frame(d, measure, wave_list, dtype=float)  # float: missed waves stay missing
        if d["y"].nunique() < 2 or d["in_intervention"].nunique() < 2:
            continue  # intervention_effects names it
        methods_here = tuple(methods) if d["y"].isna().any() else ("complete",)  # nothing missed: one fit
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # the main model's warnings are reported once, by intervention_effects
                fits = _attrition_fits(d, methods_here, formula=_STATUS_FORMULA, unit="council_id",
                                       subject="participant_id", time="wave", family="binomial", method="gee",
                                       cov_struct="exchangeable", alpha=alpha)
                t = _attrition_table(fits)
        except (ValueError, np.linalg.LinAlgError) as exc:
            warnings.warn(fit_failed(exc, f"the model of code {code!r} weighted for missed interviews",
                                     "the attrition sensitivity table has no row for it"), stacklevel=user_level())
            continue
        t = t.assign(code=code, measure=measure, estimator="gee",
                     separation=t["notes"].map(lambda n: _separated(str(n).split("; "))) | _constant_level(d))
        waves_t = t[t["term"].astype(str).str.startswith("C(wave)[T.")]
        t = t[t["term"] == "in_intervention"]
        rows.append(_attrition_firth(t, d, methods_here, alpha)[["term", *cols]])
        if wave_terms:  # the complete-case rows are the models table's wave terms (the same GEE)
            rows.append(waves_t.assign(term="wave_" + waves_t["term"].astype(str).str[len("C(wave)[T."):-1])
                        [["term", *cols]])
            rows += _attrition_since_first_after(d, code, measure, methods_here, alpha, cols, fits)
    if not rows:
        return pd.DataFrame(columns=["term", *cols] if wave_terms else cols)
    out = pd.concat(rows, ignore_index=True)
    return out if wave_terms else out.drop(columns="term")


def _attrition_firth(t: pd.DataFrame, d: pd.DataFrame, methods: tuple[str, ...], alpha: float) -> pd.DataFrame:
    """The status term's rows of the attrition sensitivity (``t``, GEE fits) refitted by Firth's penalised likelihood
    under every method where :func:`intervention_effects` shows Firth's estimate for it (:func:`_with_firth`: the
    complete-case GEE separated, or the term rests on few events), so that each method's row is compared with the
    models table's like with like (the GEE's rows were set beside Firth's complete-case estimate). Where Firth's fit
    fails, or has too few councils to be tried (:func:`_with_firth`), the GEE's rows are kept, as they are in the
    models table.

    Only the status term's row is kept, so only its profile interval is found (:func:`impact.stats._firth.
    profile_intervals`), and none for the imputed fits, whose interval is Rubin's Wald interval of their estimates and
    standard errors: the intercept's and the waves' limits were three quarters of the profile work of the complete-case
    and weighted fits, and every limit of the imputed fits was thrown away. A term's limits do not depend on which
    others are found, so the rows are as they were."""
    complete = t[t["missing"] == "complete"]
    few = complete["few_events"].fillna(False).astype(bool) if "few_events" in complete.columns else False
    if complete.empty or not (complete["separation"].astype(bool) | few).any() or not _firth_tried(d):
        return t
    from .stats import attrition_sensitivity
    from .stats._firth import profile_intervals

    parts = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the main model's warnings are reported once, by intervention_effects
            # each method is fitted apart from the others, as attrition_sensitivity fits them (the same rows, seed)
            for shown, fitted in ((["in_intervention"], [m for m in methods if m != "mice"]),
                                  ((), [m for m in methods if m == "mice"])):
                if fitted:
                    with profile_intervals(shown):
                        parts.append(attrition_sensitivity(d, methods=fitted, formula=_STATUS_FORMULA,
                                                           unit="council_id", subject="participant_id", time="wave",
                                                           family="binomial", method="firth", alpha=alpha))
    except (ValueError, np.linalg.LinAlgError):
        return t
    f = pd.concat(parts, ignore_index=True)
    f = f[f["term"] == "in_intervention"].set_index("missing")
    t = t.copy()
    at = t["missing"].isin(f.index)
    for col in ("estimate", "se", "ci_low", "ci_high", "p_value", "n_obs", "n_effective", "n_units"):
        t.loc[at, col] = f.loc[t.loc[at, "missing"], col].to_numpy()
    t.loc[at, "estimator"] = "firth"
    return t


#: The columns of a term's row that Firth's penalised likelihood replaces where it is the estimator.
_FIRTH_COLUMNS = ["estimate", "se", "statistic", "df", "p_value", "ci_low", "ci_high"]


def _firth_tried(d: pd.DataFrame) -> bool:
    """Whether Firth's fit may replace the GEE's on the rows ``d``: on at least
    :data:`impact.stats._models.FEW_UNITS` councils (see :func:`_with_firth`)."""
    from .stats._models import FEW_UNITS

    return d["council_id"].nunique() >= FEW_UNITS


def _with_firth(p: pd.DataFrame, d: pd.DataFrame, alpha: float, formula: str = _STATUS_FORMULA, *,
                keep=None) -> pd.DataFrame:
    """The GEE's rows, with Firth's penalised-likelihood estimate, interval and test where the GEE's cannot be read.

    Every term of a fit that separated (fitted probabilities of 0 or 1: the GEE's estimates diverge) and each term
    resting on fewer than :data:`impact.stats._models.FEW_EVENTS` events or non-events on one side is estimated by
    :func:`impact.stats.firth_logistic` on the same rows and formula, with councils as clusters (the penalised
    likelihood ratio statistic divided by its design effect, referred to F(1, councils - parameters) as the GEE's t
    tests are). ``estimator`` says which estimate a row shows; ``separation`` and ``few_events`` still describe the
    data, not the estimate. Where Firth's fit fails the GEE's rows are kept as they were, and so are their flags.

    Firth's fit is not tried on fewer than :data:`impact.stats._models.FEW_UNITS` councils: there the design effect
    rests on a handful of clusters and the F test on one or two degrees of freedom, and on a study of 5 councils
    Firth's fits of a separated impact gave odds ratios from 0.10 to 39.7 across its rows and above a million under
    inverse probability weights. The GEE's rows and flags are kept, so a separated fit shows no estimate.

    Firth's profile intervals are found for the rows it replaces alone, and of those only for the terms in ``keep``
    where the caller keeps no others (:func:`_since_first_after`; the rows of other terms it replaces then have no
    interval): each term's interval is found apart from the others' (:func:`impact.stats.firth_logistic`'s
    ``intervals``), so the intervals shown are those of a fit that found them all.
    """
    firth = p["separation"].astype(bool) | p.get("few_events", pd.Series(False, index=p.index)).fillna(False)
    # the GEE's own figures stay beside whatever is shown (the attrition sensitivity compares GEE fits with each other)
    p = p.assign(estimator="gee", **{f"{c}_gee": p[c] for c in ("estimate", "ci_low", "ci_high", "p_value")})
    if not firth.any() or not _firth_tried(d):
        return p
    from .stats import firth_logistic

    wanted = {t for t in p.loc[firth, "term"] if keep is None or t in keep}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the GEE's warnings for this code have been given; Firth adds none new
            # the rows read are those of ``wanted``: the other terms' intervals and tests are not sought
            res = firth_logistic(d, formula=formula, unit="council_id", alpha=alpha,
                                 intervals=lambda term: _term_name(term) in wanted,
                                 tests=lambda term: _term_name(term) in wanted)
    except (ValueError, np.linalg.LinAlgError):
        return p
    fitted = res.params.rename(index=_term_name)
    use = firth & p["term"].isin(fitted.index)
    p.loc[use, _FIRTH_COLUMNS] = fitted.loc[p.loc[use, "term"], _FIRTH_COLUMNS].to_numpy()
    p.loc[use, "estimator"] = "firth"
    p["notes"] = "; ".join([n for n in [str(p["notes"].iloc[0])] if n] + [_firth_note(p.loc[use, "term"])])
    return p


def _firth_note(terms) -> str:
    """The models' note naming the ``terms`` estimated by Firth's penalised likelihood."""
    return (f"Firth's penalised likelihood for {', '.join(terms)} (profile interval, penalised likelihood ratio test "
            "with the design effect of councils)")


def _separated(notes) -> bool:
    """Whether a model's notes (:attr:`impact.stats.ModelResults.notes`) say its fitted probabilities reached 0 or 1."""
    return any(str(n).startswith("separation") for n in notes)


def _constant_level(d: pd.DataFrame) -> bool:
    """Whether every participant, or none, has the outcome at some wave or in some status group of ``d``.

    The model of ``y ~ C(wave) + in_intervention`` then has no finite
    estimate for that wave or group (separation), whatever the fit reports:
    a wave at which no participant reported morale gave a GEE whose every
    estimate was NaN, and no fitted probability was there to show it.
    """
    y = d["y"].to_numpy(dtype="float64", na_value=np.nan)
    seen = ~np.isnan(y)
    for col in ("wave", "in_intervention"):
        codes = pd.factorize(d[col])[0][seen]  # a missing level (-1) is no group, as groupby leaves it out
        ok = codes >= 0
        if not ok.any():
            continue
        low = np.full(codes.max() + 1, np.inf)
        high = np.full(codes.max() + 1, -np.inf)
        np.minimum.at(low, codes[ok], y[seen][ok])
        np.maximum.at(high, codes[ok], y[seen][ok])
        if (low == high).any():  # a level with rows (low <= high) whose outcome takes one value
            return True
    return False


def _selection(panel: pd.DataFrame, needed: tuple[str, ...], codes: Sequence[str] | None,
               waves: Sequence[str] | None, *, hint: str = "", study: Study | None = None,
               takes_study: bool = True) -> tuple[list, list]:
    """The codes and waves to fit (default: the panel's, the waves in their order, :func:`_wave_order`), after
    refusing a panel lacking a column the models need (a KeyError was all) and a code the panel does not hold: one
    name alone is that name, not its letters (each letter was a code 'not fitted: the outcome does not vary'), and a
    misspelt code was told the same way."""
    from ._frames import distinct
    from ._joins import check_table, names, refuse_unknown
    from .errors import InputError

    try:
        check_table(panel, "panel", needed)
    except InputError as exc:
        raise InputError(f"{exc}{hint}") from None
    code_list = names(codes, "codes")
    if code_list is None:
        code_list = list(pd.unique(panel["code"]))
    elif len(panel):  # a panel has a row for every code asked of it at every interview: one it lacks is misspelt
        refuse_unknown("codes", code_list, sorted(distinct(panel["code"])), "the panel")
    wave_list = names(waves, "waves")  # a wave nobody was interviewed at yet is the study's, and may be named
    if wave_list is not None and len(panel):
        _refuse_waves(panel, wave_list, study, takes_study=takes_study)
    return code_list, (_wave_order(panel, study) if wave_list is None else wave_list)


def _refuse_waves(panel: pd.DataFrame, wave_list: list, study: Study | None, *, takes_study: bool = True) -> None:
    """Refuse waves that are not the study's: ``study``'s where given (its labels read too: '3 months' is told as the
    wave 'early'), else those of the study the panel was built from (the waves and labels its ``attrs`` keep, or where
    pandas dropped them in a merge, those of the studies of this session that hold the panel's waves:
    :func:`impact._frames.known_waves`, :func:`impact._frames.kept_labels`), a wave nobody was interviewed at yet too.
    Where nothing tells the study's waves (a panel read back from a file), a wave the panel lacks is refused, saying
    to pass ``study`` (``takes_study``: the function takes one). Before, waves=['3 months'] fitted nothing and
    returned an empty table without a word (newuser12), and did again after a merge (newuser14)."""
    from ._frames import distinct, kept_labels, known_waves
    from ._joins import refuse_unknown

    if hasattr(study, "_refuse_unknown"):  # a Study (attrition_effects takes any object with its tables)
        study._refuse_unknown("waves", wave_list)
        return
    order = known_waves(panel)
    known = list(dict.fromkeys([*(order or []), *sorted(distinct(panel["wave"].dropna()))]))
    holder = "the panel or the study it was built from"
    if order is None:  # a frame without its study's record of waves: say how to name one nobody was interviewed at
        holder = ("the panel (it carries no record of its study's waves: impact did not build it, or pandas dropped "
                  "that record, its attrs, in a merge"
                  + (": pass `study` to name a wave nobody was interviewed at yet, or a wave by its label)"
                     if takes_study else ")"))
    # the labels the panel carries (impact's panels do, or the study's of this session): '3 months' told as 'early'
    refuse_unknown("waves", wave_list, known, holder, labels=kept_labels(panel, "wave"))


def _wave_order(panel: pd.DataFrame, study: Study | None = None) -> list:
    """The waves of ``panel``, first to last: in the order ``study`` declares them (study.yaml) where it is given and
    holds them all, else in the order the panel keeps (an ordered categorical's, or the study's that the panels
    impact builds keep in their ``attrs``, :func:`impact._frames.kept_order`; where pandas dropped those, the order of
    the studies built in this session), else as :func:`impact.stats._change._time_order` reads labels (numbers and
    dates in order; other text alphabetically, with a StatisticalWarning saying to pass ``waves``). The first is the
    models' reference wave. It was the order of the panel's rows: a panel sorted or shuffled otherwise took another
    reference wave and gave other effects (reversed, the status term of a 5-wave study was fitted against the last
    wave; truth67).

    >>> from impact._frames import ORDER
    >>> p = pd.DataFrame({"wave": ["late", "early", "late", "baseline"]})
    >>> p.attrs[ORDER] = {"wave": ["baseline", "early", "late"]}
    >>> _wave_order(p)
    ['baseline', 'early', 'late']
    """
    from ._frames import kept_order
    from .stats._change import _time_order

    wave = panel["wave"].dropna()
    held = set(pd.unique(wave))
    declared = list(getattr(study, "wave_ids", None) or [])
    if declared and held <= set(declared):
        return [w for w in declared if w in held]
    if isinstance(wave.dtype, pd.CategoricalDtype) and wave.dtype.ordered:
        return [w for w in wave.dtype.categories if w in held]
    return list(_time_order(wave, "wave", kept=kept_order(panel, "wave", wave)))


def _indicator(panel: pd.DataFrame, measure: str, *, missing: str | None = None, weighted: str = "") -> None:
    """Refuse a ``measure`` column that is no indicator ('yes', 2: pandas failed on converting it, or read 2 as an
    event), naming its rows; ``missing``: why a missing value is refused too ("cannot convert NA to integer" was
    all), followed by what to pass instead (newuser6: the cause was named and the remedy not), ``weighted`` the
    function's way of weighting for the interviews missed."""
    from ._frames import as_flags
    from ._joins import _rows
    from ._words import _counted
    from .errors import InputError

    values = as_flags(panel[measure], f"`panel` column {measure!r} (given as `measure`)")
    gap = values.isna().to_numpy()
    if missing is not None and gap.any():
        raise InputError(f"`panel` column {measure!r} (given as `measure`) is missing on {_counted(int(gap.sum()), 'row')} "
                         f"({_rows(panel.index[gap])}): {missing}. {_missing_remedy(panel, measure, weighted)}")


def _missing_remedy(panel: pd.DataFrame, measure: str, weighted: str) -> str:
    """What to pass where ``measure`` is missing on the rows ``gap``: a council panel's rows of a council not
    interviewed are the participant panel's to model; a participant panel's rows of a participant not interviewed
    (every participant at every wave, as a response model's grid has them) are left out by the caller, or weighted
    for."""
    if "interviewed" in panel.columns and "participant_id" not in panel.columns:
        return ("A council panel has none where the council was not interviewed: pass the participant panel, "
                "impact.participant_panel.")
    return (f"If they are participant-waves without an interview, pass the rows interviewed "
            f"(panel.dropna(subset=[{measure!r}]))" + (f", and {weighted}" if weighted else "")
            + "; if a value was lost, fill it in (1 or 0).")


def _model_frame(d: pd.DataFrame, measure: str, waves: list[str], *, dtype: type) -> pd.DataFrame:
    """The columns the per-code models use: ``y`` (the measure), ``wave`` in study order, ``in_intervention`` 0/1;
    the rows of the waves asked for (a wave left out of ``waves`` is left out here, not turned into a missing wave
    for the model to drop: pandas deprecates a category made missing that way)."""
    d = d[d["wave"].isin(waves)]
    return d.assign(y=d[measure].astype(dtype), wave=pd.Categorical(d["wave"], categories=waves),
                    in_intervention=(d["status_group"] == "intervention").astype(int))


_WAVE_TERM = re.compile(r"^C\(wave\)\[T\.(.+)\]$")


def _term_name(term: str) -> str:
    """A model term as a machine-readable name: ``Intercept`` -> ``intercept``, ``C(wave)[T.early]`` -> ``wave_early``."""
    if term == "Intercept":
        return "intercept"
    m = _WAVE_TERM.match(str(term))
    return f"wave_{m.group(1)}" if m else str(term)


def _survey_scores(study: Study) -> pd.DataFrame | None:
    """Each respondent's mean survey score per wave, with their council's status at the wave (``in_intervention``, 0
    or 1; responses from a council whose status at the wave is unknown left out), or None without two waves."""
    sr = study.survey_responses.dropna(subset=["value"])
    if sr.empty or sr["wave"].nunique() < 2:
        return None
    scores = sr.groupby(["council_id", "respondent_id", "wave"], as_index=False, observed=True)["value"].mean()
    ws = study.wave_status()[["council_id", "wave", "intervention"]]
    scores = scores.merge(ws, on=["council_id", "wave"], how="left")
    # a council with no known status at a wave (no interview, no review date) is in neither group, as in the impact
    # models, not counted as out of intervention
    scores = scores.assign(status_group=scores["intervention"].map(STATUS_GROUPS)).dropna(subset=["status_group"])
    if scores.empty or scores["wave"].nunique() < 2:
        return None
    scores["in_intervention"] = scores["status_group"].eq("intervention").astype(int)
    scores["wave"] = pd.Categorical(scores["wave"], categories=[w for w in study.wave_ids if w in set(scores["wave"])])
    scores["score"] = scores["value"].astype(float)
    return scores


def survey_change_by_status(study: Study, *, alpha: float = 0.05) -> pd.DataFrame | None:
    """The change in the survey score from the first wave, in councils in and not in intervention, and its difference.

    :func:`survey_effects` assumes the score changes alike in both status groups: where it rises only in councils in
    intervention, its wave term is an average of a change and none, and its status term a difference that held at no
    wave. Here the wave interacts with the status at the wave (``score ~ C(wave) * in_intervention``, the mixed model
    of :func:`survey_effects`); the change within councils in intervention is the wave term of the same model with
    the status coded the other way round (read from the one fit as the wave term plus its interaction,
    :func:`impact.stats._models.mixed_contrasts`), so each row has its own standard error and degrees of freedom.

    Returns
    -------
    DataFrame or None
        Per later wave, three rows (``term``): ``change_not_in_intervention``, ``change_in_intervention`` (the mean
        change in score points from the first wave, among responses in that status group at both) and
        ``change_difference`` (in intervention minus not); and one row ``status_at_first`` (in intervention minus
        not at the first wave). Columns ``wave``, ``term``, ``estimate``, ``se``, ``ci_low``, ``ci_high``,
        ``p_value``, ``df``, ``n_obs``, ``n_units``, ``n_units_intervention``, ``n_units_no_intervention`` (the
        councils of each status group at both the first wave and the row's wave, the fewer of the two). None when :func:`survey_effects` has no model, or a status group
        is missing at the first wave or at every later one, or a model cannot be fitted.
    """
    from .stats import longitudinal_model
    from .stats._models import mixed_contrasts

    scores = _survey_scores(study)
    if scores is None:
        return None
    waves = list(scores["wave"].cat.categories)
    first = scores[scores["wave"] == waves[0]]["in_intervention"]
    later = scores[scores["wave"] != waves[0]]
    if first.nunique() < 2 or not any(later[later["wave"] == w]["in_intervention"].nunique() == 2 for w in waves[1:]):
        return None
    try:
        res = longitudinal_model(scores, formula="score ~ C(wave) * in_intervention", unit="council_id", time="wave",
                                 subject="respondent_id", method="mixed", family="gaussian", alpha=alpha)
    except (ValueError, np.linalg.LinAlgError) as exc:
        warnings.warn(fit_failed(exc, "the survey model by intervention status",
                                 "the report does not compare the change in survey scores by intervention status",
                                 logistic=False), stacklevel=user_level())
        return None
    # The wave term is the change in councils not in intervention (status coded 0); the change in those in
    # intervention is the wave term plus its interaction, the wave term of the same model with the status coded the
    # other way round. That model has the same REML fit, so it is read from this one as a contrast, with its own
    # standard error and Satterthwaite df (it was fitted a second time: speed10).
    within = {f"C(wave)[T.{w}]": {f"C(wave)[T.{w}]": 1.0, f"C(wave)[T.{w}]:in_intervention": 1.0}
              for w in waves[1:] if f"C(wave)[T.{w}]:in_intervention" in res.params.index}
    changed = mixed_contrasts(res, within) if within else res.params.iloc[:0]
    cols = ["estimate", "se", "ci_low", "ci_high", "p_value", "df"]
    rows = []
    for w in waves[1:]:
        for term, p, name in ((f"C(wave)[T.{w}]", res.params, "change_not_in_intervention"),
                              (f"C(wave)[T.{w}]", changed, "change_in_intervention"),
                              (f"C(wave)[T.{w}]:in_intervention", res.params, "change_difference")):
            if term in p.index:
                rows.append({"wave": w, "term": name, **p.loc[term, [c for c in cols if c in p.columns]].to_dict()})
    rows.append({"wave": waves[0], "term": "status_at_first",
                 **res.params.loc["in_intervention", [c for c in cols if c in res.params.columns]].to_dict()})
    out = pd.DataFrame(rows)
    out["n_obs"] = res.n_obs
    out["n_units"] = res.n_units
    # the councils each group's figures rest on: the fewer of those in the group at the first wave and at the row's
    # wave (a change in one council's survey is that council's result, and its status is public)
    per = scores.groupby(["wave", "in_intervention"], observed=True)["council_id"].nunique()
    for name, flag in (("n_units_intervention", 1), ("n_units_no_intervention", 0)):
        out[name] = [min(int(per.get((waves[0], flag), 0)), int(per.get((w, flag), 0))) for w in out["wave"]]
    out.attrs["notes"] = list(res.notes)
    return out


def _why_wave_alone(d: pd.DataFrame, *, seen: str = "interviews") -> str:
    """Why a model of rows ``d`` (``council_id``, ``in_intervention``), every council in one status at each wave, is
    fitted on wave alone, in words a report can quote (:func:`impact._words._one_status_why`): which status every
    council had where it never varies, else that status moved with the wave. The summary said only that the change
    "could not be estimated separately in councils in and not in intervention" (20 councils, none ever in
    intervention, round 28); a survey at the first and last waves of councils in intervention at the middle one only
    said "no council was in intervention at any wave", false of the study (truth57): the councils are those seen
    (``seen``: interviewed, or answering the survey), at the waves they were seen."""
    status = d["in_intervention"]
    return _one_status_why(d.loc[status == 1, "council_id"].nunique(), d.loc[status == 0, "council_id"].nunique(),
                           seen=seen)


#: How :func:`survey_effects` begins its note on a model fitted on wave alone, before the reason (the report reads it).
SURVEY_ALONE_NOTE = "survey model fitted on wave alone:"


def survey_effects(study: Study, *, alpha: float = 0.05) -> pd.DataFrame | None:
    """Linear mixed model of each respondent's mean survey score: wave and status, councils random, respondents
    random within councils where some respondent answers at more than one wave (their answers are correlated; taken
    as independent, the standard errors of the wave and of a status that changes within councils are misstated), and
    councils random at each wave (``(1 | council_id:wave)``): councils' scores move apart between waves, so the wave
    and a status that changes within councils are tested against that movement, with Satterthwaite df counted in
    councils, and the change generalises to the councils rather than to the respondents of these councils. Without
    it, null studies with a council-by-wave shock of SD 0.1 rejected the wave in 12% of them at 0.05 (stats16;
    :func:`impact.stats.longitudinal_model`, `unit_by_time`).

    Parameters
    ----------
    study : Study
        Its ``survey_responses`` and each council's status at each wave are read.
    alpha : float, default 0.05
        1 - confidence level of the intervals.

    Returns
    -------
    DataFrame or None
        One row per term (``term``, ``estimate``, ``se``, ``ci_low``,
        ``ci_high``, ``p_value``, ``n_obs``, ``n_units``,
        ``n_units_intervention`` and ``n_units_no_intervention``: the
        councils answering in each status at some wave); None when the
        study has no survey at two waves (of councils with a known status) or
        the model cannot be fitted. Responses from a council whose status at
        the wave is unknown are left out. Where no council's status differs
        from another's at any wave, the model is fitted on wave alone (no
        ``in_intervention`` row). ``attrs["notes"]`` holds the model's notes
        (whether the respondent effect was added, and why; the council-by-wave
        effect, and where its variance is estimated near zero; a model on wave
        alone, and why).

    Examples
    --------
    >>> import impact
    >>> study = impact.load_study(impact.example_path(), validate=False)  # validate=False: quicker, no checks
    >>> effects = impact.survey_effects(study)  # None where the study has no survey
    >>> effects.columns.tolist()[:3]
    ['term', 'estimate', 'se']
    """
    require_study(study, "survey_responses", "wave_status")
    _check_level(alpha)
    from .stats import longitudinal_model

    scores = _survey_scores(study)
    if scores is None:
        return None
    # As the GEE of each impact: where no council's status differs from another's at any wave (none in intervention,
    # or all in the same status at each wave), the status term cannot be estimated but the change across the waves
    # can. The model raised, and the report had no survey section at all (6 councils, none in intervention, seed
    # 30648, report truth round 26): it is fitted on wave alone, with no in_intervention row, and says so in its notes.
    formula = "score ~ C(wave) + in_intervention"
    alone = None
    if scores.groupby("wave", observed=True)["in_intervention"].nunique().max() < 2:
        formula = "score ~ C(wave)"
        alone = SURVEY_ALONE_NOTE + " " + _why_wave_alone(scores, seen="survey")
    try:
        res = longitudinal_model(scores, formula=formula, unit="council_id", time="wave",
                                 subject="respondent_id", method="mixed", family="gaussian", alpha=alpha)
    except (ValueError, np.linalg.LinAlgError) as exc:
        warnings.warn(fit_failed(exc, "the survey model (the change in survey scores across the waves)",
                                 "the report has no model of the change in survey scores", logistic=False),
                      stacklevel=user_level())
        return None
    p = res.params.reset_index().rename(columns={"index": "term"})
    if "term" not in p.columns:
        p = p.rename(columns={p.columns[0]: "term"})
    p["term"] = p["term"].map(_term_name)
    p["n_obs"] = res.n_obs
    p["n_units"] = res.n_units
    # the councils answering in each status at some wave: the status term compares them
    per = scores.groupby("in_intervention", observed=True)["council_id"].nunique()
    p["n_units_intervention"] = int(per.get(1, 0))
    p["n_units_no_intervention"] = int(per.get(0, 0))
    p.attrs["notes"] = list(res.notes) + ([alone] if alone else [])
    return p

"""The true value, in the package's estimands, of every quantity the report estimates.

The generator plants a conditional model (see :class:`SynthEffects`): for
participant ``i`` of council ``c`` interviewed at wave ``w``, the interview
contains at least one asserted statement of code ``k`` with probability
``expit(a_k + b_w + d_k s_cw + u_c + v_i)``, with council and participant
effects ``u_c ~ N(0, council_sd^2)``, ``v_i ~ N(0, participant_sd^2)``; when it
does not, a hedged mention follows with probability ``hedged_rate[w]``, else a
negated one with ``negated_rate[w]``; each asserted statement (``1 +
Poisson(lambda)`` of them) is credited to something other than the review
with probability ``other_attribution[w]``.

From these, the population values of the measures of :mod:`impact.measures`
follow by integrating over the random effects (Gauss-Hermite quadrature):

* ``reported``: ``p_kws = E[expit(a_k + b_w + d_k s + e)]``, ``e ~ N(0, sd^2)``;
* ``anticipated``: ``(1 - p_kws) * hedged_rate[w]``;
* ``denied``: ``(1 - p_kws) * (1 - hedged_rate[w]) * negated_rate[w]``;
* ``credited``: ``p_kws * (1 - q exp(-lambda (1 - q)))``, ``q = other_attribution[w]``.

The intervention effect the report estimates is population-averaged (a
marginal GEE of ``reported ~ wave + in_intervention``).  Its true value is the
pseudo-true parameter of that marginal model: the solution of the GEE's
estimating equations (independence working correlation) in expectation, given
the study's numbers of participants at each wave and status.  With random
effects this is smaller than the planted conditional log-odds (attenuation);
under the null both are 0.
"""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd

from ._effects import _WAVE_BOOK, WAVES, SynthEffects

__all__ = ["true_prevalences", "true_intervention_effects", "true_review_changes", "true_review_changes_published",
           "true_notice_changes"]

#: The indicators' periods, years ending 31 March (the generator's and the truth's).
INDICATOR_PERIODS = tuple(dt.date(year, 3, 31) for year in range(2009, 2018))

_NODES, _WEIGHTS = np.polynomial.hermite.hermgauss(60)


def _expected_expit(eta: np.ndarray, sd: float) -> np.ndarray:
    """``E[expit(eta + e)]`` for ``e ~ N(0, sd^2)``, elementwise."""
    e = math.sqrt(2.0) * sd * _NODES
    z = np.asarray(eta, dtype=float)[..., None] + e
    return (np.exp(-np.logaddexp(0.0, -z)) * _WEIGHTS).sum(axis=-1) / math.sqrt(math.pi)


def _sd(eff: SynthEffects) -> float:
    return math.sqrt(eff.council_sd**2 + eff.participant_sd**2)


def _mean_statements(words_per_interview: int) -> float:
    """Mean number of asserted statements beyond the first (``lambda`` of the generator's plan)."""
    return 0.25 * words_per_interview / 700


def true_prevalences(eff: SynthEffects, *, words_per_interview: int = 700,
                     waves: tuple[str, ...] | list[str] = WAVES) -> pd.DataFrame:
    """Population share of participants for whom each measure holds, per code, wave and status.

    Parameters
    ----------
    eff : SynthEffects
        The effects, for the study's waves (:meth:`SynthEffects.over`).
    words_per_interview : int
    waves : sequence of str
        The study's wave ids (default the three of :data:`WAVES`).

    Returns
    -------
    DataFrame
        ``code``, ``wave``, ``status_group`` (``no_intervention`` |
        ``intervention``), ``measure``, ``probability``.

    Examples
    --------
    >>> t = true_prevalences(SynthEffects.null())
    >>> sorted(t["measure"].unique())
    ['anticipated', 'credited', 'denied', 'reported']
    >>> p = t.set_index(["code", "wave", "status_group", "measure"])["probability"]
    >>> bool(p["partnership", "early", "intervention", "reported"] == p["partnership", "early", "no_intervention", "reported"])
    True
    """
    sd = _sd(eff)
    lam = _mean_statements(words_per_interview)
    rows = []
    eff = eff.over([w for w in _WAVE_BOOK if w in waves or w in eff.wave_log_odds])
    for code, base in eff.code_log_odds.items():
        for wave in waves:
            for status, s in (("no_intervention", 0), ("intervention", 1)):
                eta = base + eff.wave_shift(code, wave, bool(s)) + (eff.intervention_log_odds * s if code in eff.intervention_codes else 0.0)
                p = float(_expected_expit(np.array(eta), sd))
                h, n, q = eff.hedged_rate[wave], eff.negated_rate[wave], eff.other_attribution[wave]
                values = {
                    "reported": p,
                    "anticipated": (1 - p) * h,
                    "denied": (1 - p) * (1 - h) * n,
                    "credited": p * (1 - q * math.exp(-lam * (1 - q))),
                }
                rows += [{"code": code, "wave": wave, "status_group": status, "measure": m, "probability": v}
                         for m, v in values.items()]
    return pd.DataFrame(rows, columns=["code", "wave", "status_group", "measure", "probability"])


def true_intervention_effects(eff: SynthEffects, counts: pd.DataFrame) -> pd.DataFrame:
    """True intervention effect on ``reported`` per code, conditional and population-averaged.

    Parameters
    ----------
    eff : SynthEffects
    counts : DataFrame
        ``wave``, ``in_intervention`` (bool), ``n``: participants interviewed
        in each cell of the study (the design the GEE is fitted to).

    Returns
    -------
    DataFrame
        ``code``, ``term`` (``in_intervention``), ``measure`` (``reported``),
        ``conditional_log_odds`` (as planted), ``marginal_log_odds`` (the
        pseudo-true value of the marginal model ``reported ~ wave +
        in_intervention``).

    Examples
    --------
    >>> counts = pd.DataFrame({"wave": ["expectations", "early", "longer_term"] * 2,
    ...                        "in_intervention": [False] * 3 + [True] * 3, "n": [100, 90, 80, 30, 28, 25]})
    >>> t = true_intervention_effects(SynthEffects(), counts).set_index("code")
    >>> round(float(t.loc["partnership", "marginal_log_odds"]), 3), float(t.loc["learning", "marginal_log_odds"])
    (0.935, 0.0)

    Where every council is in intervention at the same waves, status is fixed by the wave and has no term of its own:

    >>> lockstep = counts.assign(n=[100, 90, 0, 0, 0, 25])
    >>> float(true_intervention_effects(SynthEffects(), lockstep).set_index("code").loc["partnership", "marginal_log_odds"])
    nan
    """
    sd = _sd(eff)
    c = counts.groupby(["wave", "in_intervention"], as_index=False, observed=True)["n"].sum()
    c = c[c["n"] > 0]
    waves = [w for w in _WAVE_BOOK if w in set(c["wave"])]
    eff = eff.over([w for w in _WAVE_BOOK if w in waves or w in eff.wave_log_odds])
    rows = []
    for code, base in eff.code_log_odds.items():
        d = eff.intervention_log_odds if code in eff.intervention_codes else 0.0
        s = c["in_intervention"].astype(float).to_numpy()
        x = np.column_stack([(c["wave"] == w).to_numpy(float) for w in waves] + [s])
        # a change planted only in councils in intervention (``intervention_wave_log_odds``) is a status effect too
        none = d == 0.0 and not any(eff.intervention_wave_log_odds.get(code, {}).values())
        if none or np.linalg.matrix_rank(x) < x.shape[1]:
            # none planted, or not identifiable: one status group only, or status fixed by the wave (every council
            # in intervention at the same waves), so no marginal model of wave and status has a status term
            marginal = 0.0 if none else float("nan")
        else:
            eta = base + np.array([eff.wave_shift(code, w, bool(i)) for w, i in zip(c["wave"], s, strict=True)]) + d * s
            p = _expected_expit(eta, sd)
            marginal = float(_logistic_fit(x, p, c["n"].to_numpy(float))[-1])
        rows.append({"code": code, "term": "in_intervention", "measure": "reported", "conditional_log_odds": d,
                     "marginal_log_odds": marginal})
    return pd.DataFrame(rows, columns=["code", "term", "measure", "conditional_log_odds", "marginal_log_odds"])


def _logistic_fit(x: np.ndarray, p: np.ndarray, n: np.ndarray) -> np.ndarray:
    """Solve ``sum n x (p - expit(x b)) = 0`` by Newton's method (a logistic fit to cell proportions)."""
    b = np.zeros(x.shape[1])
    for _ in range(100):
        mu = np.exp(-np.logaddexp(0.0, -(x @ b)))
        grad = x.T @ (n * (p - mu))
        hess = (x * (n * mu * (1 - mu))[:, None]).T @ x
        step = np.linalg.solve(hess, grad)
        b += step
        if np.max(np.abs(step)) < 1e-12:
            break
    return b


def true_review_changes(eff: SynthEffects, councils: list[dict]) -> dict:
    """The change in ``eff.indicator_measure`` after the review that :func:`impact.review_indicator_effects`
    estimates, per group of councils, from the planted truth alone.

    Council ``c`` is planted a change of ``indicator_post_review + indicator_post_by_intervention * s_c`` (``s_c``:
    in intervention when its review began) in every period ending after its review's last day. Its cohort is the
    first such period. It is compared after its review when, at its cohort, at least two councils are not yet
    reviewed (their cohort later, or none: reviewed after the last period); the others, reviewed within the periods,
    were reviewed too late to be compared. The estimand is the mean planted change of the councils compared, each
    alike (the ``group`` average of Callaway and Sant'Anna 2021); a status group's councils are compared with every
    council not yet reviewed, of either group. Councils reviewed before the second period have no period before
    their review and are in neither count. Figures the publisher suppressed are not taken into account: with
    few councils a cohort may lose its comparison to them.

    Returns
    -------
    dict
        ``measure``, and for each of ``all``, ``intervention``, ``no_intervention``: ``average`` (None where no
        council is compared), ``n_compared``, ``n_too_late``.

    Examples
    --------
    >>> cs = [{"review_end": f"{y}-06-01", "in_intervention_at_review": y == 2011} for y in (2010, 2011, 2012, 2013)]
    >>> t = true_review_changes(SynthEffects(), cs)
    >>> t["all"]
    {'average': -1.75, 'n_compared': 2, 'n_too_late': 2}
    """
    rows = []
    for c in councils:
        end = dt.date.fromisoformat(str(c["review_end"])) if c.get("review_end") else None
        after = [k for k, p in enumerate(INDICATOR_PERIODS) if end is not None and p > end]
        cohort = after[0] if after else math.inf
        if cohort == 0:
            continue
        s = bool(c.get("in_intervention_at_review"))
        rows.append((cohort, s, eff.review_change(s)))
    out: dict = {"measure": eff.indicator_measure}
    for group, keep in (("all", lambda s: True), ("intervention", bool), ("no_intervention", lambda s: not s)):
        within = [(g, change) for g, s, change in rows if keep(s) and math.isfinite(g)]
        compared = [change for g, change in within if sum(h > g for h, _, _ in rows) >= 2]
        out[group] = {"average": float(np.mean(compared)) if compared else None, "n_compared": len(compared),
                      "n_too_late": len(within) - len(compared)}
    return out


def true_notice_changes(eff: SynthEffects, councils: list[dict]) -> dict | None:
    """The change in ``eff.indicator_measure`` after a council's first notice or direction that
    :func:`impact.indicator_effects` estimates, from the planted truth alone.

    No change is planted after a notice: the generator plants one after the review (:meth:`SynthEffects.review_change`,
    in every period ending after the review's last day), larger where the council was in intervention when its review
    began. A council's cohort is the first period ending on or after its first day under a notice or direction
    (``first_intervention``); councils with none within the periods, or one after the last, are the comparison (those
    in intervention from the first period are left out). For a council entering intervention within the periods, its
    change at a period from its cohort on is its planted change from the period before its cohort to that period, less
    the comparison councils' mean planted change over the same two periods (they are reviewed too); it is averaged
    over the council's periods from its cohort on, and the estimand is the mean over the councils compared, each alike
    (the ``group`` average of Callaway and Sant'Anna 2021). A council's change varies between its periods where its
    review followed its notice (nothing before the review, its change after).

    Figures the publisher suppressed are not taken into account; with fewer than two comparison councils no council
    is compared (``n_too_late`` counts them).

    Returns
    -------
    dict or None
        ``measure``, and ``all``: ``average`` (None where no council is compared), ``own_change`` (the councils' own
        planted change after their notice, the comparison's not taken off), ``of_the_notice`` (the part of
        ``average`` a notice made: the extra change after a review under a notice, ``indicator_post_by_intervention``,
        in the periods after the review), ``n_compared``, ``n_too_late``, ``n_before_first``, ``n_control``. None for
        a truth written before councils' ``first_intervention`` was kept.

    Examples
    --------
    Two councils never in intervention, reviewed in 2010 and 2013; one under a notice from 2011, reviewed in 2012
    (a change of -3 after it, against the comparison's -0.5 after their own reviews):

    >>> cs = [{"review_end": "2009-06-05", "in_intervention_at_review": False, "first_intervention": None},
    ...       {"review_end": "2012-06-05", "in_intervention_at_review": False, "first_intervention": None},
    ...       {"review_end": "2011-06-03", "in_intervention_at_review": True, "first_intervention": "2010-09-01"}]
    >>> t = true_notice_changes(SynthEffects(), cs)["all"]
    >>> t["n_compared"], round(t["average"], 4), round(t["own_change"], 4), round(t["of_the_notice"], 4)
    (1, -2.3929, -2.5714, -2.1429)
    """
    if any("first_intervention" not in c for c in councils):
        return None
    rows = []
    for c in councils:
        end = dt.date.fromisoformat(str(c["review_end"])) if c.get("review_end") else None
        start = dt.date.fromisoformat(str(c["first_intervention"])) if c.get("first_intervention") else None
        after = [k for k, p in enumerate(INDICATOR_PERIODS) if start is not None and p >= start]
        s = bool(c.get("in_intervention_at_review"))
        reviewed = np.array([end is not None and p > end for p in INDICATOR_PERIODS], dtype=float)
        rows.append((after[0] if after else math.inf, reviewed * eff.review_change(s),
                     reviewed * eff.indicator_post_by_intervention * s))
    control = [change for g, change, _ in rows if g == math.inf]
    within = [(int(g), change, notice) for g, change, notice in rows if 0 < g < math.inf]
    per, own, made = [], [], []
    for g, change, notice in within if len(control) >= 2 else ():
        cells = range(g, len(INDICATOR_PERIODS))
        theirs = np.mean([[k[t] - k[g - 1] for t in cells] for k in control], axis=0)
        mine = np.array([change[t] - change[g - 1] for t in cells])
        per.append(float(np.mean(mine - theirs)))
        own.append(float(np.mean(mine)))
        made.append(float(np.mean([notice[t] - notice[g - 1] for t in cells])))
    return {"measure": eff.indicator_measure,
            "all": {"average": float(np.mean(per)) if per else None,
                    "own_change": float(np.mean(own)) if own else None,
                    "of_the_notice": float(np.mean(made)) if made else None,
                    "n_compared": len(per), "n_too_late": len(within) - len(per),
                    "n_before_first": sum(g == 0 for g, _, _ in rows), "n_control": len(control)}}


def true_review_changes_published(eff: SynthEffects, councils: list[dict], indicators: pd.DataFrame) -> dict:
    """The change after the review that :func:`impact.review_indicator_effects` estimates from the figures the
    publisher gave: :func:`true_review_changes` over the councils and periods whose figures the analysis can see.

    A figure the publisher suppressed (``c``, ``x``, ...) leaves its council out of every comparison that needs it:
    a council is read from at a period after its review only with its figures for that period and for the period
    before its review, and a comparison council only with both too; a period enters where at least two comparison
    councils have both. :func:`true_review_changes` counts every council by its review date alone, so where a figure
    around a council's review is suppressed it counts the council among those compared though the analysis cannot
    read it, and its average over all councils weighs the two status groups otherwise than the estimate does (30
    councils, 300 studies: its count of councils compared was the analysis's in 35% of them; truth84).

    Mirrors the estimator's average (Callaway and Sant'Anna's ``group``): for each cohort (the first period ending
    after the review's last day), the mean planted change of its councils seen at each period compared, averaged
    over those periods; the cohorts weighted by their numbers of councils with any figure. Council ``c``'s planted
    change is ``eff.review_change(s_c)`` in every period after its review and nothing before, so the comparison
    councils (not yet reviewed) carry none.

    Parameters
    ----------
    eff : SynthEffects
    councils : list of dict
        ``council_id``, ``review_end`` (ISO date, or None) and ``in_intervention_at_review``, as
        :attr:`PlantedTruth.councils`.
    indicators : DataFrame
        The study's ``indicators`` (``council_id``, ``period``, ``measure``, ``value``): the rows of
        ``eff.indicator_measure`` with a value are the figures published.

    Returns
    -------
    dict
        As :func:`true_review_changes`: ``measure``, and for ``all``, ``intervention``, ``no_intervention``:
        ``average`` (None where no council is read from), ``n_compared`` (the councils read from) and ``n_too_late``
        (councils of the group reviewed within the periods, with a figure, whose cohort has no period with two
        comparison councils).
    """
    ind = indicators[(indicators["measure"] == eff.indicator_measure) & indicators["value"].notna()]
    when = pd.to_datetime(ind["period"]).dt.date
    periods = sorted(when.unique())
    seen: dict = {}
    for council, day in zip(ind["council_id"], when, strict=True):
        seen.setdefault(council, set()).add(periods.index(day))
    rows = []
    for c in councils:
        end = dt.date.fromisoformat(str(c["review_end"])) if c.get("review_end") else None
        cohort = next((k for k, p in enumerate(periods) if end is not None and p > end), math.inf)
        s = bool(c.get("in_intervention_at_review"))
        rows.append((c["council_id"], cohort, s, eff.review_change(s), seen.get(c["council_id"], set())))
    out: dict = {"measure": eff.indicator_measure}
    for group, keep in (("all", lambda s: True), ("intervention", bool), ("no_intervention", lambda s: not s)):
        mine = [r for r in rows if keep(r[2]) and 0 < r[1] < math.inf and r[4]]
        read, late, by_cohort = set(), 0, []
        for g in sorted({r[1] for r in mine}):
            cohort = [r for r in mine if r[1] == g]
            cells, compared = [], False
            for t in range(g, len(periods)):
                # comparison councils: not yet reviewed at t (a council of the other group too), both figures seen
                n_control = sum(r[1] > t and {t, g - 1} <= r[4] for r in rows if r[1] != 0)
                if n_control < 2:
                    continue
                compared = True
                visible = [r for r in cohort if {t, g - 1} <= r[4]]
                if visible:
                    cells.append(float(np.mean([r[3] for r in visible])))
                    read.update(r[0] for r in visible)
            late += 0 if compared else len(cohort)
            if cells:
                by_cohort.append((len(cohort), float(np.mean(cells))))
        weight = sum(n for n, _ in by_cohort)
        out[group] = {"average": sum(n * v for n, v in by_cohort) / weight if weight else None,
                      "n_compared": len(read), "n_too_late": late}
    return out

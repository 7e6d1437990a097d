"""Independent cross-checks of the statistics, round 11: Firth's rows, the randomisation p-values and the indicators'
difference-in-differences, recomputed end to end with code written here.

- Firth's penalised likelihood (the models' rows resting on few events): a Newton-Raphson of its own (logistf's step,
  the inverse Fisher information times the hat-adjusted score, with step-halving), checked first on logistf's
  published sex2 fit, then against ``firth_logistic`` and ``intervention_effects`` with councils as clusters (the
  design effect, the F(1, councils - parameters) reference and the profile interval at the design effect).
- The randomisation p of the intervention contrast with few councils on a side: the GEE's model-based score statistic
  for status written with dense matrices per council, and every distinct reassignment of the councils' status paths
  enumerated (councils are permuted, never interviews); where the library draws at random, its p is
  (1 + exceed) / (1 + draws) and within Monte Carlo error of the exact one.
- The indicators' difference-in-differences tables (Callaway and Sant'Anna's staggered estimator, as the report names
  it): each cell's effect and standard error by statsmodels' OLS with HC2 errors on the cell's two groups (Welch's
  variance), the simple aggregate's standard error by its influence function written here, its interval the normal
  one, and its randomisation p by enumerating every reassignment of the councils' start dates.
- Fault: the tables' notes said the interval was "from the multiplier bootstrap clustered by council"; it is the
  normal interval of the influence-function standard error, the same with or without bootstrap draws. The notes now
  say so.

Seeds 91101 to 91199 are used nowhere else in the repository.
"""

from __future__ import annotations

import itertools
import math
import warnings

import numpy as np
import pandas as pd
import patsy
import pytest
import statsmodels.api as sm
import statsmodels.formula.api as smf
from scipy import optimize, stats
from scipy.special import expit

from impact.effects import intervention_effects
from impact.stats import firth_logistic, staggered_did

WAVES = ["expectations", "early", "longer_term"]

# --------------------------------------------------------------------------------------------------
# 1. Firth's penalised likelihood, written here
# --------------------------------------------------------------------------------------------------


def _penalised_loglik(x, y, beta, w=None, penalty_w=None) -> float:
    """log L + 1/2 log det I(beta) (Firth 1993; Jeffreys prior). With case weights ``w`` (a row of weight k as k rows:
    Heinze and Schemper 2002), sum w (y eta - log(1 + e^eta)) + 1/2 log det X' diag(w p (1 - p)) X; ``penalty_w``:
    other weights in the penalty only (a wrong form, for tests to show what their tolerance catches)."""
    w = np.ones(len(y)) if w is None else w
    pw = w if penalty_w is None else penalty_w
    eta = x @ beta
    p = expit(eta)
    info = x.T @ (x * (pw * p * (1 - p))[:, None])
    return float(np.sum(w * (y * eta - np.logaddexp(0, eta)))) + 0.5 * np.linalg.slogdet(info)[1]


def _hat_parts(x, beta, w=None):
    """Fitted p, the information X' diag(w p (1 - p)) X and the hat values h_i = w_i p_i (1 - p_i) x_i' I^-1 x_i."""
    p = expit(x @ beta)
    v = (1.0 if w is None else w) * p * (1 - p)
    info = x.T @ (x * v[:, None])
    h = v * np.einsum("ij,jk,ik->i", x, np.linalg.inv(info), x)
    return p, info, h


def _penalised_fit(x, y, fixed: dict | None = None, start=None, w=None, penalty_w=None):
    """logistf's Newton-Raphson: step I^-1 U*, U* = X'(w (y - p) + h (1/2 - p)) over the free coefficients, halved
    until the penalised log-likelihood does not fall; the others held at ``fixed``. Returns (beta, penalised
    loglik)."""
    fixed = fixed or {}
    w = np.ones(len(y)) if w is None else w
    pw = w if penalty_w is None else penalty_w
    beta = np.zeros(x.shape[1]) if start is None else np.array(start, dtype=float)
    for j, value in fixed.items():
        beta[j] = value
    free = np.array([j not in fixed for j in range(len(beta))])
    current = _penalised_loglik(x, y, beta, w, pw)
    for _ in range(1000):
        p, info, _ = _hat_parts(x, beta, w)
        h = _hat_parts(x, beta, pw)[2]
        score = x.T @ (w * (y - p) + h * (0.5 - p))
        step = np.zeros_like(beta)
        step[free] = np.linalg.solve(info[np.ix_(free, free)], score[free])
        step *= min(1.0, 5.0 / max(np.abs(step).max(), 1e-300))
        for _ in range(40):
            new = _penalised_loglik(x, y, beta + step, w, pw)
            if new >= current - 1e-12 * max(1.0, abs(current)):
                break
            step /= 2
        beta, current = beta + step, new
        if np.abs(step).max() < 1e-11 and np.abs(score[free]).max() < 1e-7:
            break
    return beta, current


def _firth_by_hand(data: pd.DataFrame, formula: str, unit: str | None = None, alpha: float = 0.05) -> pd.DataFrame:
    """Estimate, se, penalised LR statistic, design effect, p and profile limits of every term (:func:`_firth_arrays`
    of the formula's design, councils as the units)."""
    yf, xf = patsy.dmatrices(formula, data, return_type="dataframe")
    groups = None if unit is None else pd.factorize(data.loc[yf.index, unit])[0]
    out = _firth_arrays(xf.to_numpy(float), yf.iloc[:, 0].to_numpy(float), groups=groups, alpha=alpha)
    out.index = xf.columns
    return out


def _firth_arrays(x, y, w=None, groups=None, alpha: float = 0.05) -> pd.DataFrame:
    """Estimate, se, penalised LR statistic, design effect, p and profile limits of every term, rows weighted by case
    weights ``w`` (default 1).

    With ``groups`` (units): the cluster-robust sandwich of the modified score (bread the inverse of
    X' diag((w + h) p (1 - p)) X, logistf's covariance, a row of weight k as k rows each with its hat value; meat the
    units' summed modified scores; factor G / (G - 1)) over the model-based variance, floored at 1, divides the
    statistic, referred to F(1, G - k); the limits are where twice the fall of the profile penalised log-likelihood
    reaches the critical value times the design effect."""
    w = np.ones(len(y)) if w is None else w
    k = x.shape[1]
    beta, top = _penalised_fit(x, y, w=w)
    p, info, h = _hat_parts(x, beta, w)
    cov = np.linalg.inv(x.T @ (x * ((w + h) * p * (1 - p))[:, None]))
    deff, df = np.ones(k), np.inf
    if groups is not None:
        g = groups.max() + 1
        by_unit = np.zeros((g, k))
        np.add.at(by_unit, groups, x * (w * (y - p) + h * (0.5 - p))[:, None])
        robust = g / (g - 1) * cov @ by_unit.T @ by_unit @ cov
        deff, df = np.maximum(1.0, np.diag(robust) / np.diag(cov)), float(g - k)
    critical = stats.chi2.ppf(1 - alpha, 1) if np.isinf(df) else stats.f.ppf(1 - alpha, 1, df)
    lr = np.array([2 * (top - _penalised_fit(x, y, {j: 0.0}, beta, w)[1]) for j in range(k)])
    p_value = stats.chi2.sf(lr / deff, 1) if np.isinf(df) else stats.f.sf(lr / deff, 1, df)
    limits = []
    for j in range(k):
        def fall(value, j=j):
            return 2 * (top - _penalised_fit(x, y, {j: value}, beta, w)[1]) - critical * deff[j]

        pair = []
        for side in (-1, 1):
            reach = 0.5
            while fall(beta[j] + side * reach) < 0:
                reach *= 2
            pair.append(optimize.brentq(fall, *sorted((beta[j], beta[j] + side * reach)), xtol=1e-11))
        limits.append(pair)
    limits = np.array(limits)
    return pd.DataFrame({"estimate": beta, "se": np.sqrt(np.diag(cov) * deff), "lr_chi2": lr, "design_effect": deff,
                         "df": df, "p_value": p_value, "ci_low": limits[:, 0], "ci_high": limits[:, 1]})


# logistf's sex2 (urinary tract infection in 239 college women; Heinze and Schemper 2002; logistf data-raw/sex2.txt.gz,
# GPL), as its 36 distinct rows "age oc vic vicl vis dia case" with their counts (as tests/test_stats_crosscheck_round6).
_SEX2 = ("0000100 1", "0000101 1", "0010000 2", "0010001 14", "0010100 1", "0010101 3", "0011000 8", "0011001 10",
         "0011100 18", "0011101 12", "0011111 1", "0100000 42", "0100001 44", "0100011 3", "0100100 1", "0110000 1",
         "0110001 15", "0110011 1", "0110101 2", "0111000 5", "0111001 7", "0111100 6", "0111101 3", "1010001 2",
         "1010101 1", "1010111 1", "1011000 2", "1011001 1", "1011100 4", "1011111 1", "1100000 14", "1100001 5",
         "1100100 1", "1110000 1", "1110001 3", "1111100 2")
#: logistf's published fit of sex2 at alpha 0.1 (coef, se, lower 0.9, upper 0.9, Chisq by term), as printed below.
_SEX2_LOGISTF = np.array([[0.12025405, 0.4763429, -0.6673577, 0.9177303, 0.06286298],
                          [-1.10598131, 0.4149021, -1.8277045, -0.4328451, 7.50773092],
                          [-0.06881673, 0.4344026, -0.7986318, 0.6507581, 0.02467044],
                          [2.26887464, 0.5384872, 1.4248338, 3.2325326, 22.93139022],
                          [-2.11140817, 0.5320395, -3.0613215, -1.2704704, 19.10407252],
                          [-0.78831694, 0.4089620, -1.4743338, -0.1137542, 3.69740975],
                          [3.09601166, 1.5052197, 1.0835108, 6.8752016, 7.89693139]])


def test_the_penalised_likelihood_written_here_is_logistfs_on_sex2():
    """The code written here reproduces logistf 1.26's published fit, so that it can judge the library's:
    summary(logistf(case ~ age + oc + vic + vicl + vis + dia, data = sex2, alpha = 0.1)), the example of
    logistfPrint (R package logistf documentation):
                       coef  se(coef)  lower 0.9  upper 0.9       Chisq
        (Intercept)  0.12025405 0.4763429 -0.6673577  0.9177303  0.06286298
        age         -1.10598131 0.4149021 -1.8277045 -0.4328451  7.50773092
        oc          -0.06881673 0.4344026 -0.7986318  0.6507581  0.02467044
        vic          2.26887464 0.5384872  1.4248338  3.2325326 22.93139022
        vicl        -2.11140817 0.5320395 -3.0613215 -1.2704704 19.10407252
        vis         -0.78831694 0.4089620 -1.4743338 -0.1137542  3.69740975
        dia          3.09601166 1.5052197  1.0835108  6.8752016  7.89693139"""
    rows = [dict(zip(["age", "oc", "vic", "vicl", "vis", "dia", "case"], map(int, bits)), count=int(n))
            for bits, n in (s.split() for s in _SEX2)]
    d = pd.DataFrame(rows)
    d = d.loc[d.index.repeat(d["count"])].reset_index(drop=True)
    ref = _SEX2_LOGISTF
    mine = _firth_by_hand(d, "case ~ age + oc + vic + vicl + vis + dia", alpha=0.1)
    assert len(d) == 239 and int(d["case"].sum()) == 130
    # logistf stops at a change below 1e-5: estimates agree to 5e-6, the rest to the printed digits
    assert mine["estimate"].to_numpy() == pytest.approx(ref[:, 0], abs=5e-6)
    assert mine["se"].to_numpy() == pytest.approx(ref[:, 1], abs=5e-6)
    assert mine["ci_low"].to_numpy() == pytest.approx(ref[:, 2], abs=5e-6)
    assert mine["ci_high"].to_numpy() == pytest.approx(ref[:, 3], abs=5e-6)
    assert mine["lr_chi2"].to_numpy() == pytest.approx(ref[:, 4], rel=1e-5)


def _clustered_panel(seed: int, n_councils: int = 12, in_intervention: int = 4, per_wave: int = 6) -> pd.DataFrame:
    """A participant panel (one code): councils with a random effect (sd 1.2); before the review exactly 3 reports
    (few events: the wave terms are Firth's)."""
    rng = np.random.default_rng(seed)
    rows = []
    for c in range(n_councils):
        effect, status = rng.normal(0, 1.2), int(c < in_intervention)
        for wave in WAVES:
            for p in range(per_wave):
                eta = -1.2 + 0.5 * status + effect
                rows.append(dict(council_id=f"C{c:02d}", participant_id=f"C{c:02d}-{p}", wave=wave, code="x",
                                 reported=bool(rng.random() < expit(eta)),
                                 status_group="intervention" if status else "no_intervention"))
    panel = pd.DataFrame(rows)
    before = panel["wave"] == WAVES[0]
    panel.loc[before, "reported"] = False
    panel.loc[rng.choice(np.flatnonzero(before), 3, replace=False), "reported"] = True
    return panel


def _model_rows(panel: pd.DataFrame) -> pd.DataFrame:
    return panel.assign(y=panel["reported"].astype(int), wave=pd.Categorical(panel["wave"], categories=WAVES),
                        in_intervention=(panel["status_group"] == "intervention").astype(int))


@pytest.mark.parametrize("seed", [91101, 91102])
def test_firths_rows_with_councils_as_clusters_are_recomputed_here(seed):
    """firth_logistic with councils as clusters, and the rows intervention_effects shows by Firth's estimate (few
    events before the review), equal the computation written here: estimate, se, design effect, F(1, G - k) p and
    the profile limits at the design effect, to 1e-6."""
    panel = _clustered_panel(seed)
    d = _model_rows(panel)
    formula = "y ~ C(wave) + in_intervention"
    mine = _firth_by_hand(d, formula, unit="council_id")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = firth_logistic(d, formula=formula, unit="council_id").params
        models = intervention_effects(panel, measure="reported", codes=["x"], waves=WAVES, n_permutations=99)
    assert (mine["design_effect"] > 1.2).any()  # the clusters matter somewhere: the design effect is tested
    for column in ("estimate", "se", "design_effect", "p_value", "ci_low", "ci_high", "lr_chi2"):
        assert got[column].to_numpy() == pytest.approx(mine[column].to_numpy(), rel=1e-6, abs=1e-7), column
    assert (got["df"] == 12 - 4).all()
    firth = models[models["estimator"] == "firth"].set_index("term")
    assert len(firth)  # few events before the review: the wave terms are Firth's
    names = {"wave_early": "C(wave)[T.early]", "wave_longer_term": "C(wave)[T.longer_term]",
             "in_intervention": "in_intervention"}
    for term, row in firth.iterrows():
        for column in ("estimate", "se", "p_value", "ci_low", "ci_high"):
            assert row[column] == pytest.approx(mine.loc[names[term], column], rel=1e-6, abs=1e-7), (term, column)
        assert row["odds_ratio_ci_high"] == pytest.approx(np.exp(mine.loc[names[term], "ci_high"]), rel=1e-6)


# --------------------------------------------------------------------------------------------------
# 2. the randomisation p of the intervention contrast, every reassignment of councils' paths
# --------------------------------------------------------------------------------------------------


def _null_blocks(d: pd.DataFrame):
    """Per council, what its score contribution needs at the model without status (y ~ C(wave), exchangeable),
    fitted by statsmodels: (council, waves of its rows, variances a, V^-1, wave design, residuals)."""
    d = d[d.groupby("wave", observed=True)["y"].transform("nunique") > 1].copy()
    d["wave"] = d["wave"].astype(str)
    d = d.sort_values("council_id", kind="stable").reset_index(drop=True)
    fit = smf.gee("y ~ C(wave)", groups="council_id", data=d, family=sm.families.Binomial(),
                  cov_struct=sm.cov_struct.Exchangeable()).fit()
    rho, mu, x = float(fit.cov_struct.dep_params), fit.fittedvalues.to_numpy(), fit.model.exog
    blocks = []
    for council, rows in d.groupby("council_id").indices.items():
        a = mu[rows] * (1 - mu[rows])
        r = np.full((len(rows), len(rows)), rho)
        np.fill_diagonal(r, 1.0)
        v_inv = np.linalg.inv(np.sqrt(a)[:, None] * r * np.sqrt(a)[None, :])
        blocks.append((council, d["wave"].to_numpy()[rows], a, v_inv, x[rows], d["y"].to_numpy()[rows] - mu[rows]))
    return blocks


def _score_z(blocks, path_of: dict) -> float:
    """U_s / sqrt(I_ss - I_sw I_ww^-1 I_ws), U = sum D'V^-1 (y - mu), I = sum D'V^-1 D, D = A [X_wave, status]."""
    k = blocks[0][4].shape[1] + 1
    u, info = np.zeros(k), np.zeros((k, k))
    for council, waves, a, v_inv, x, resid in blocks:
        s = np.array([path_of[council][w] for w in waves], dtype=float)
        dmat = a[:, None] * np.column_stack([x, s])
        u += dmat.T @ v_inv @ resid
        info += dmat.T @ v_inv @ dmat
    efficient = info[-1, -1] - info[-1, :-1] @ np.linalg.solve(info[:-1, :-1], info[:-1, -1])
    return u[-1] / math.sqrt(efficient) if efficient > 1e-10 * (1 + abs(info[-1, -1])) else np.nan


def _status_exact_p(d: pd.DataFrame) -> tuple[float, int]:
    """The share of every distinct reassignment of the councils' status paths (the status at each wave) whose |z| is
    at least the observed one, and how many reassignments there are."""
    blocks = _null_blocks(d)
    wide = d.groupby(["council_id", "wave"], observed=True)["in_intervention"].first().unstack("wave")
    wide = wide.reindex(columns=[w for w in WAVES if w in wide.columns]).ffill(axis=1).bfill(axis=1)
    councils = list(wide.index)
    paths = [tuple(wide.loc[c].items()) for c in councils]
    observed = _score_z(blocks, {c: dict(p) for c, p in zip(councils, paths, strict=True)})
    seen, values = set(), []
    for order in itertools.permutations(range(len(councils))):
        key = tuple(paths[i] for i in order)
        if key not in seen:
            seen.add(key)
            values.append(_score_z(blocks, {c: dict(paths[i]) for c, i in zip(councils, order, strict=True)}))
    values = np.array(values)
    values = values[np.isfinite(values)]
    return float(np.mean(np.abs(values) >= abs(observed) * (1 - 1e-9) - 1e-12)), len(seen)


def _status_panel(seed: int, n_councils: int = 8) -> pd.DataFrame:
    """Councils of 2 to 5 participants; two in intervention throughout, one entering it after the review."""
    rng = np.random.default_rng(seed)
    rows = []
    for c in range(n_councils):
        effect = rng.normal(0, 0.6)
        for w, wave in enumerate(WAVES):
            status = int(c < 2 or (c == 2 and w == 2))
            for p in range(int(rng.integers(2, 6))):
                rows.append(dict(council_id=f"K{c}", participant_id=f"K{c}-{p}", wave=wave, code="x",
                                 reported=bool(rng.random() < expit(-0.8 + 0.9 * (w > 0) + 0.4 * status + effect)),
                                 status_group="intervention" if status else "no_intervention"))
    return pd.DataFrame(rows)


@pytest.mark.parametrize("seed", [91111, 91112])
def test_the_status_randomisation_p_is_the_share_of_every_reassignment_of_councils_paths(seed):
    """8 councils, 3 paths (2 throughout, 1 entering, 5 never): 8! / (2! 1! 5!) = 168 reassignments of councils, all
    enumerated (not the participants: their number would make many more); the report's p is the exact share."""
    panel = _status_panel(seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        models = intervention_effects(panel, measure="reported", codes=["x"], waves=WAVES, n_permutations=999,
                                      seed=seed)
    row = models.set_index("term").loc["in_intervention"]
    exact, total = _status_exact_p(_model_rows(panel))
    assert total == math.factorial(8) // (math.factorial(2) * math.factorial(1) * math.factorial(5)) == 168
    assert row["p_method"] == "randomisation" and bool(row["ri_exact"]) and int(row["ri_n"]) == total
    assert row["p_value"] == pytest.approx(exact, abs=1e-12)


def test_the_status_randomisation_p_from_random_reassignments_counts_the_observed_one():
    """With fewer draws (99) than reassignments (168) the p is (1 + exceed) / (1 + 99) (Phipson and Smyth 2010): a
    multiple of 1/100, at least 1/100, and within 4 Monte Carlo standard errors of the exact share."""
    panel = _status_panel(91113)
    exact, _ = _status_exact_p(_model_rows(panel))
    for seed in (91114, 91115):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            row = intervention_effects(panel, measure="reported", codes=["x"], waves=WAVES, n_permutations=99,
                                       seed=seed).set_index("term").loc["in_intervention"]
        assert not bool(row["ri_exact"]) and int(row["ri_n"]) == 99
        assert row["p_value"] * 100 == pytest.approx(round(row["p_value"] * 100), abs=1e-9) and row["p_value"] >= 0.01
        assert abs(row["p_value"] - exact) <= 4 * math.sqrt(exact * (1 - exact) / 99) + 0.01


# --------------------------------------------------------------------------------------------------
# 3. the indicators' staggered difference-in-differences, recomputed
# --------------------------------------------------------------------------------------------------


def _wide(study, measure: str, starts: pd.Series, treated: set | None):
    """(y units x periods, cohort position or inf, councils): each council's cohort the first period ending on or
    after its start; with ``treated``, another council compares until its own start and is never treated."""
    ind = study.indicators
    d = ind[(ind["measure"] == measure) & ind["value"].notna()].assign(period=lambda x: pd.to_datetime(x["period"]))
    periods = sorted(d["period"].unique())
    wide = d.pivot(index="council_id", columns="period", values="value").reindex(columns=periods)
    y = wide.to_numpy(float).copy()
    g = np.array([next((i for i, p in enumerate(periods) if pd.notna(starts.get(c)) and p >= starts.get(c)), np.inf)
                  for c in wide.index], dtype=float)
    if treated is not None:
        other = ~np.isin(wide.index, list(treated))
        for i in np.flatnonzero(other & np.isfinite(g)):
            y[i, int(g[i]):] = np.nan
        g = np.where(other, np.inf, g)
    keep = (g != 0) & ~np.isnan(y).all(axis=1)
    return y[keep], g[keep], list(wide.index[keep])


def _cells(y, g, not_yet: bool):
    for cohort in np.unique(g[np.isfinite(g)]):
        base = int(cohort) - 1
        for t in range(int(cohort), y.shape[1]):
            change = y[:, t] - y[:, base]
            seen = ~np.isnan(change)
            later = (g > t) & (g != cohort) if not_yet else np.zeros(len(g), dtype=bool)
            yield cohort, change, seen & (g == cohort), seen & (np.isinf(g) | later)


def _weights(g, cohorts: list, kind: str) -> tuple[np.ndarray, list, np.ndarray]:
    """The weights of the cells kept (their cohorts ``cohorts``), the cohorts whose shares are estimated (the cells'
    own for ``simple``; each cohort once for ``group``) and those shares. ``simple``: each cell by its cohort's size
    (the councils' share). ``group`` (Callaway and Sant'Anna's overall summary, both tables' since truth82 and
    truth83): each cohort's cells averaged alike, the cohorts by their shares, so each council compared weighs the
    same."""
    if kind == "simple":
        shares = np.array([np.mean(g == c) for c in cohorts])
        return shares / shares.sum(), list(cohorts), shares
    keys = sorted(set(cohorts))
    shares = np.array([np.mean(g == c) for c in keys])
    per = {c: cohorts.count(c) for c in keys}
    return np.array([shares[keys.index(c)] / shares.sum() / per[c] for c in cohorts]), keys, shares


def _simple(y, g, not_yet: bool, kind: str = "simple") -> float:
    """Post-treatment cells weighted by cohort size (``simple``), or each cohort's cells averaged and the cohorts
    weighted by size (``group``); a cell with fewer than 2 comparison councils left out."""
    kept = [(cohort, change[treated].mean() - change[control].mean())
            for cohort, change, treated, control in _cells(y, g, not_yet) if treated.any() and control.sum() >= 2]
    if not kept:
        return np.nan
    w, _, _ = _weights(g, [c for c, _ in kept], kind)
    return float(w @ np.array([e for _, e in kept]))


def _simple_with_se(y, g, not_yet: bool, kind: str = "simple") -> tuple[float, float]:
    """The simple (or ``group``) aggregate and its standard error: each cell's influence function (deviations scaled by
    sqrt(m / (m - 1)), so that its variance is Welch's; checked against statsmodels' OLS with HC2 errors on the
    cell's two groups), averaged with the cohort weights, plus the influence of estimating those weights (R did's
    wif), summed by council; a council alone in its cohort at a cell has its variance borrowed from the councils
    compared with it at all its cells (statistics round 13): the sample variance of their weighted sum of changes."""
    n, kept = len(g), []
    for cohort, change, treated, control in _cells(y, g, not_yet):
        if not treated.any() or control.sum() < 2:
            continue
        effect = change[treated].mean() - change[control].mean()
        psi = np.zeros(n)
        for side, sign in ((treated, 1.0), (control, -1.0)):
            m = side.sum()
            psi[side] = sign * n * (change[side] - change[side].mean()) / m * (math.sqrt(m / (m - 1)) if m > 1 else 1)
        if treated.sum() > 1:
            both = treated | control
            ols = sm.OLS(change[both], sm.add_constant(treated[both].astype(float))).fit(cov_type="HC2")
            assert ols.params[1] == pytest.approx(effect, abs=1e-9)
            assert ols.bse[1] == pytest.approx(math.sqrt((psi**2).sum()) / n, rel=1e-9)
        kept.append((cohort, effect, psi, change, treated, control))
    lone = [k for k, (_, _, _, _, treated, _) in enumerate(kept) if treated.sum() == 1]
    kept, lone_cells = [k[:3] for k in kept], [(k, kept[k][3], kept[k][4], kept[k][5]) for k in lone]
    effects = np.array([e for _, e, _ in kept])
    cohorts = [c for c, _, _ in kept]
    w, keys, shares = _weights(g, cohorts, kind)
    # the estimated shares' influence times what each share weighs: a cell's effect (simple), a cohort's mean (group)
    theta = effects if kind == "simple" else np.array([effects[[c == k for c in cohorts]].mean() for k in keys])
    member = (g[:, None] == np.array(keys)[None, :]).astype(float)
    weight_if = (member - shares) / shares.sum() - (member - shares).sum(axis=1)[:, None] * shares / shares.sum() ** 2
    psi = sum(wi * p for wi, (_, _, p) in zip(w, kept, strict=True)) + weight_if @ theta
    borrowed: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    for k, change, treated, control in lone_cells:
        (unit,) = np.flatnonzero(treated)
        total, compared = borrowed.get(unit, (np.zeros(n), np.ones(n, dtype=bool)))
        borrowed[unit] = (total + w[k] * np.nan_to_num(change), compared & control)
    extra = sum(np.var(total[compared], ddof=1) for total, compared in borrowed.values())
    return float(w @ effects), math.sqrt((psi**2).sum() / n**2 + extra)


def _exact_ri(y, g, not_yet: bool, among, kind: str = "simple") -> tuple[float, int]:
    idx = np.flatnonzero(among)
    observed = _simple(y, g, not_yet, kind)
    values = []
    for order in sorted(set(itertools.permutations(g[idx].tolist()))):
        h = g.copy()
        h[idx] = order
        values.append(_simple(y, h, not_yet, kind))
    values = np.array(values)
    values = values[np.isfinite(values)]
    return float(np.mean(np.abs(values) >= abs(observed) * (1 - 1e-9) - 1e-12)), len(values)


@pytest.fixture(scope="module")
def indicator_study():
    """A generated study of 8 councils (half entering intervention or lifted) and its two indicator tables, with 999
    reassignments (seed 0) and with 99 (seed 91122)."""
    from impact.indicators import indicator_effects, review_indicator_effects
    from impact.synth import generate_with_truth

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        study, _ = generate_with_truth(8, seed=91121, interviews_per_wave=1, words_per_interview=50,
                                       intervention_paths={"never": 0.5, "entered": 0.3, "lifted": 0.2})
        # 999 reassignments (every one where there are fewer), and 99 drawn at random
        return study, [(indicator_effects(study, n_permutations=b, seed=s), review_indicator_effects(
            study, n_permutations=b, seed=s)) for b, s in ((999, 0), (99, 91122))]


def _starts(study):
    """Each council's first day in intervention (notice or direction) and last day of review, from the tables."""
    h = study.status_history
    h = h[h["kind"].isin(["improvement_notice", "statutory_direction"])]
    onset = pd.to_datetime(h["start_date"]).groupby(h["council_id"]).min()
    reviewed = pd.to_datetime(study.reviews["end_date"]).groupby(study.reviews["council_id"]).min()
    began = pd.to_datetime(study.reviews["start_date"]).groupby(study.reviews["council_id"]).min()
    during = {c for c, day in began.items()
              if ((h["council_id"] == c) & (pd.to_datetime(h["start_date"]) <= day)
                  & (pd.to_datetime(h["end_date"]).isna() | (day <= pd.to_datetime(h["end_date"])))).any()}
    return onset, reviewed, during


def test_the_indicator_tables_are_recomputed_here(indicator_study):
    """Every estimated row of both tables: the estimate, the standard error, the normal 95% interval and p, and the
    randomisation p, which is the exact share of every reassignment of the start dates where the library enumerated
    them (among the group's councils for a status group) and within 4 Monte Carlo errors of it, as (1 + exceed) /
    (1 + 999), where it drew 999 at random."""
    study, runs = indicator_study
    onset, reviewed, during = _starts(study)
    groups = {"all": None, "intervention": during, "no_intervention": set(reviewed.index) - during}
    checked = enumerated = drawn = 0
    for table, starts, not_yet in [(run[i], starts, i == 1) for run in runs
                                   for i, starts in ((0, onset), (1, reviewed))]:
        for row in table.assign(group=table.get("group", "all")).to_dict("records"):
            if not np.isfinite(row["estimate"]):
                continue
            treated = groups[row["group"]]
            y, g, councils = _wide(study, row["measure"], starts, treated)
            # both tables average each council compared alike (group): the review's since truth82, the
            # intervention comparison's since truth83; this recomputed the simple average, which the review's rows of
            # this study matched only because each has a single cohort compared
            estimate, se = _simple_with_se(y, g, not_yet, "group")
            assert row["estimate"] == pytest.approx(estimate, rel=1e-10, abs=1e-12)
            assert row["se"] == pytest.approx(se, rel=1e-9)
            # the t reference on the table's Welch-Satterthwaite df (statistics round 14, recomputed in
            # tests/test_stats_round14.py)
            q = stats.t.ppf(0.975, row["df"])
            assert 1 <= row["df"] < np.inf
            assert (row["ci_low"], row["ci_high"]) == pytest.approx((estimate - q * se, estimate + q * se), rel=1e-9)
            assert row["p_value"] == pytest.approx(2 * stats.t.sf(abs(estimate / se), row["df"]), rel=1e-8)
            among = np.ones(len(g), dtype=bool) if treated is None else np.isin(councils, list(treated))
            exact, total = _exact_ri(y, g, not_yet, among, "group")
            if row["ri_exact"]:
                enumerated += 1
                assert row["ri_n"] == total and row["ri_p_value"] == pytest.approx(exact, abs=1e-12)
            else:
                drawn += 1
                b = row["ri_n"]  # no draw left the effect unidentified here
                assert total > b and b in (99, 999)
                assert row["ri_p_value"] * (b + 1) == pytest.approx(round(row["ri_p_value"] * (b + 1)), abs=1e-9)
                assert abs(row["ri_p_value"] - exact) <= 4 * math.sqrt(exact * (1 - exact) / b) + 1 / (b + 1)
            checked += 1
    assert checked >= 20 and enumerated and drawn


# --------------------------------------------------------------------------------------------------
# 4. the method the indicator tables' notes name
# --------------------------------------------------------------------------------------------------


def test_the_indicator_tables_name_the_interval_they_show(indicator_study):
    """The tables' notes said "95% interval from the multiplier bootstrap clustered by council". The interval is the
    normal one of the influence-function standard error: the same with no bootstrap draw as with 999. The notes name
    that, and no bootstrap."""
    import dataclasses

    from conftest import tiny_analysed

    from impact.report import Table
    from impact.report._build import _Ctx, _indicator_did, _review_did

    study, [(entry, review), _] = indicator_study
    onset, _, _ = _starts(study)
    y, g, councils = _wide(study, "rereferral_pct", onset, None)
    data = pd.DataFrame({"council": np.repeat(councils, y.shape[1]), "time": np.tile(np.arange(y.shape[1]), len(g)),
                         "value": y.ravel(), "first": np.repeat(np.where(np.isinf(g), np.nan, g), y.shape[1])})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = staggered_did(data.dropna(subset=["value"]), outcome="value", unit="council", time="time",
                            first_treated="first")
        # the table's aggregate: each council compared alike (group, truth83; it was the simple one)
        without = res.aggregate("group", n_bootstrap=0, n_permutations=0, min_comparison=2).overall.iloc[0]
        with_draws = res.aggregate("group", n_bootstrap=999, n_permutations=0, seed=91131,
                                   min_comparison=2).overall.iloc[0]
    assert without["estimate"] == pytest.approx(entry.set_index("measure").loc["rereferral_pct", "estimate"])
    assert (without["ci_low"], without["ci_high"]) == (with_draws["ci_low"], with_draws["ci_high"])
    # every table shown: five councils a side on each (the counts only decide what is published)
    shown = entry.assign(n_treated=5, n_control=5)
    by_status = pd.concat([review[review["group"] == "all"].assign(group=g) for g in ("intervention", "no_intervention")])
    shown_review = pd.concat([review[review["group"] == "all"], by_status]).assign(n_treated=5, note="")
    f = dataclasses.replace(tiny_analysed(), indicator_effects=shown, review_indicator_effects=shown_review,
                            study=study)
    ctx = _Ctx(f, False, 5, 5, None)
    tables = {b.name: b for b in [*_indicator_did(ctx), *_review_did(ctx)] if isinstance(b, Table)}
    assert {"indicator_did", "indicator_review_did", "indicator_review_did_by_status"} <= set(tables)
    for name in ("indicator_did", "indicator_review_did", "indicator_review_did_by_status"):
        note = tables[name].notes
        assert "bootstrap" not in note, (name, note)
        assert "95% interval and p-value from the standard error of the estimate's influence function, clustered " \
               "by council (t reference, Welch-Satterthwaite degrees of freedom)" in note, (name, note)


def test_an_indicator_with_no_comparable_period_says_why(indicator_study):
    """Every council entering intervention lacks its figure for the period before its entry (suppressed): no period
    after an entry can be compared, so there is no estimate. The row had no estimate and an empty ``note`` (the
    contract: a row without an estimate says why), with a count of reassignments beside a missing randomisation p; it
    now says why, and the report's table note gives that reason."""
    import dataclasses

    from conftest import tiny_analysed

    from impact.indicators import indicator_effects
    from impact.report import Table
    from impact.report._build import _Ctx, _indicator_did
    from impact.schema import TABLES
    from impact.study import Study

    study, _ = indicator_study
    onset, _, _ = _starts(study)
    ind = study.indicators.copy()
    period = pd.to_datetime(ind["period"])
    periods = sorted(period.unique())
    blank = pd.Series(False, index=ind.index)
    for council, day in onset.items():
        entry = next((i for i, p in enumerate(periods) if p >= day), None)
        if entry:  # entering within the periods: its period before entry is suppressed
            blank |= (ind["council_id"] == council) & (period == periods[entry - 1]) & (ind["measure"] == "cpp_rate")
    assert blank.any()
    ind.loc[blank, "value"] = np.nan
    tables = {name: study.table(name) for name in TABLES}
    tables["indicators"] = ind
    changed = Study(study.meta, tables, {})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        e = indicator_effects(changed, n_permutations=99).set_index("measure")
    row = e.loc["cpp_rate"]
    assert np.isnan(row["estimate"]) and np.isnan(row["ri_p_value"]) and not row["ri_n"] > 0
    assert "period before its start" in row["note"], row["note"]
    assert np.isfinite(e.drop(index="cpp_rate")["estimate"]).all() and (e.drop(index="cpp_rate")["note"] == "").all()
    f = dataclasses.replace(tiny_analysed(), indicator_effects=e.reset_index().assign(n_treated=5, n_control=5),
                            study=changed)
    [table] = [b for b in _indicator_did(_Ctx(f, False, 5, 5, None)) if isinstance(b, Table)]
    said = table.notes[table.notes.find(" No estimate for "):]
    assert said.startswith(" No estimate for ") and said.endswith(f": {row['note']}."), table.notes


def test_an_average_resting_on_a_council_alone_in_its_cohort_is_flagged(indicator_study):
    """A period at which one council of a cohort is observed adds nothing to the standard error (the influence of a
    mean of one council is 0: its own variation is missing, the interval too narrow). staggered_did warns of it, but
    the warning was silenced where the indicators are estimated and the report said nothing (the example's last
    cohort entering intervention is one council). Each row now counts such cohorts (recounted here from the cells
    in the average) and the table's note names the indicators shown that rest on one."""
    import dataclasses

    from conftest import tiny_analysed

    from impact.report import Table
    from impact.report._build import _Ctx, _indicator_did, _review_did

    study, [(entry, review), _] = indicator_study
    onset, reviewed, during = _starts(study)
    groups = {"all": None, "intervention": during, "no_intervention": set(reviewed.index) - during}
    flagged = 0
    for table, starts, not_yet in ((entry.assign(group="all"), onset, False), (review, reviewed, True)):
        for row in table.to_dict("records"):
            if not np.isfinite(row["estimate"]):
                continue
            y, g, _ = _wide(study, row["measure"], starts, groups[row["group"]])
            lone = {cohort for cohort, _, treated, control in _cells(y, g, not_yet)
                    if treated.sum() == 1 and control.sum() >= 2}
            assert row["n_lone_cohorts"] == len(lone), row
            flagged += bool(lone)
    assert flagged  # the 8-council study has such cohorts
    lone_entry = set(entry.loc[entry["n_lone_cohorts"] > 0, "measure"])
    f = dataclasses.replace(tiny_analysed(), indicator_effects=entry.assign(n_treated=5, n_control=5),
                            review_indicator_effects=review.assign(n_treated=5), study=study)
    ctx = _Ctx(f, False, 5, 5, None)
    tables = {b.name: b for b in [*_indicator_did(ctx), *_review_did(ctx)] if isinstance(b, Table)}
    for name, measures in (("indicator_did", lone_entry),
                           ("indicator_review_did", set(review.loc[(review["group"] == "all")
                                                                   & (review["n_lone_cohorts"] > 0), "measure"]))):
        note = tables[name].notes
        said = ("only one of its cohort observed: its own variation in the standard error is borrowed from the "
                "comparison councils") in note
        assert said == bool(measures), (name, note)
        shown = set(tables[name].data["measure"])
        for m in measures:
            assert ctx.vocabulary.column(m).header.lower() in note or (
                measures == shown and "For every indicator shown, at some period" in note), (name, m, note)

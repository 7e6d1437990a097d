"""The randomisation test of the models' intervention-status term (impact.stats._status_ri) and its use.

Checked against independent computations: the model-based score statistic (the default) against the GEE's score and
efficient information written out council by council with dense matrices from statsmodels' null fit, the robust one
against statsmodels' own robust score test of the GEE (``GEE.compare_score_test``, Boos 1992), and the exact p-value
against a brute-force enumeration of every distinct reassignment of the councils' status paths, each scored from
scratch.
"""

from __future__ import annotations

import itertools
import warnings

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
import statsmodels.formula.api as smf
from scipy.special import expit

from impact.stats._status_ri import status_ri

WAVES = ["before", "early", "later"]


def _panel(seed: int, paths: list[tuple[int, ...]], per: int = 3, effect: float = 0.0,
           council_sd: float = 0.5) -> pd.DataFrame:
    """One row per participant and wave; council ``c`` follows ``paths[c]`` (its status at each wave)."""
    rng = np.random.default_rng(seed)
    waves = WAVES[:len(paths[0])]
    rows = []
    for c, path in enumerate(paths):
        u = rng.normal(0, council_sd)
        for person in range(per):
            for w, wave in enumerate(waves):
                rows.append({"council_id": f"c{c}", "participant": person, "wave": wave, "in_intervention": path[w],
                             "y": int(rng.random() < expit(-0.5 + 0.4 * w + u + effect * path[w]))})
    d = pd.DataFrame(rows)
    return d.assign(wave=pd.Categorical(d["wave"], categories=waves))


def _statsmodels_score(d: pd.DataFrame) -> float:
    """statsmodels' robust score statistic (chi-square, 1 df) of ``in_intervention`` in the binomial GEE (exchangeable)."""
    fam, cov = sm.families.Binomial(), sm.cov_struct.Exchangeable
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        null = smf.gee("y ~ C(wave)", groups="council_id", data=d, family=fam, cov_struct=cov()).fit()
        full = smf.gee("y ~ C(wave) + in_intervention", groups="council_id", data=d, family=fam, cov_struct=cov())
        return float(full.compare_score_test(null)["statistic"])


# six councils: two in intervention throughout, one entering at the second wave, three never: 6!/(2! 1! 3!) = 60
TINY = [(1, 1), (0, 1), (0, 0), (0, 0), (1, 1), (0, 0)]


def _dense_model_score(d: pd.DataFrame, null=None) -> float:
    """The model-based score z of ``in_intervention`` written out with dense matrices: from statsmodels' fit of the
    model without status (binomial, exchangeable), per council ``D_i = A_i X_i``, ``V_i = A_i^1/2 R A_i^1/2``, the
    score ``sum D_i' V_i^-1 (y_i - mu_i)`` and information ``sum D_i' V_i^-1 D_i`` of the full design, and
    ``z = U_s / sqrt(I_ss - I_sw I_ww^-1 I_ws)``."""
    if null is None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            null = smf.gee("y ~ C(wave)", groups="council_id", data=d, family=sm.families.Binomial(),
                           cov_struct=sm.cov_struct.Exchangeable()).fit()
    mu, rho = null.fittedvalues.to_numpy(), float(null.cov_struct.dep_params)
    x = np.column_stack([np.ones(len(d)), pd.get_dummies(d["wave"], drop_first=True, dtype=float).to_numpy(),
                         d["in_intervention"].to_numpy(float)])
    y = d["y"].to_numpy(float)
    score, info = np.zeros(x.shape[1]), np.zeros((x.shape[1], x.shape[1]))
    for rows in d.groupby("council_id", observed=True).indices.values():
        n, a = len(rows), np.sqrt(mu[rows] * (1 - mu[rows]))
        v_inv = np.linalg.inv(a[:, None] * (np.full((n, n), rho) + (1 - rho) * np.eye(n)) * a[None, :])
        deriv = (a**2)[:, None] * x[rows]
        score += deriv.T @ v_inv @ (y[rows] - mu[rows])
        info += deriv.T @ v_inv @ deriv
    efficient = info[-1, -1] - info[-1, :-1] @ np.linalg.solve(info[:-1, :-1], info[:-1, -1])
    return float(score[-1] / np.sqrt(efficient))


# nine councils whose status changes across the waves in four ways
PATHS = [(0, 0, 1), (0, 1, 1), (1, 1, 1), (0, 0, 0), (0, 0, 0), (0, 0, 0), (0, 0, 0), (1, 1, 0), (0, 0, 0)]


@pytest.mark.parametrize("seed, paths", [(1, TINY), (2, PATHS)])
def test_the_robust_statistic_is_statsmodels_robust_score_test(seed, paths):
    """z**2 is the GEE's robust score statistic of the status term, as statsmodels computes it refitting from the
    formula, including status paths that change across the waves."""
    d = _panel(seed, paths)
    ours = status_ri(d, n_permutations=10, variance="robust")["statistic"]
    assert ours**2 == pytest.approx(_statsmodels_score(d), rel=1e-6)


@pytest.mark.parametrize("seed, paths, sizes", [(1, TINY, (1, 6, 2, 9, 3, 1)), (2, PATHS, (8, 1, 1, 2, 5, 1, 3, 7, 2))])
def test_the_model_based_statistic_is_the_score_over_the_efficient_information(seed, paths, sizes):
    """The default statistic is the GEE's model-based score z of status (score over the square root of its efficient
    information, the wave effects projected out), on councils of 1 to 9 participants, some missing a wave, and paths
    that change across the waves: equal to the dense computation of each council's score and information."""
    d = _panel(seed, paths, per=max(sizes))
    d = d[d["participant"] < np.array(sizes)[d["council_id"].str[1:].astype(int)]]
    d = d.drop(index=d.index[[1, 4, 10]]).reset_index(drop=True)
    assert status_ri(d, n_permutations=10)["statistic"] == pytest.approx(_dense_model_score(d), rel=1e-7)


def test_exact_enumeration_agrees_with_brute_force_over_every_reassignment():
    """Every distinct reassignment of the six councils' paths (60), each scored from scratch (statsmodels' robust
    score test; the model-based score by dense matrices on the one null fit): the exact p-value is the share whose
    statistic is at least the observed one."""
    d = _panel(7, TINY)
    councils = [f"c{c}" for c in range(len(TINY))]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        null = smf.gee("y ~ C(wave)", groups="council_id", data=d, family=sm.families.Binomial(),
                       cov_struct=sm.cov_struct.Exchangeable()).fit()
    for variance, score in (("robust", _statsmodels_score), ("model", lambda x: _dense_model_score(x, null) ** 2)):
        res = status_ri(d, n_permutations=1000, variance=variance)
        assert res["exact"] and res["n_assignments"] == 60 and res["n_used"] == 60 and res["n_dropped"] == 0
        observed = score(d)
        stats = []
        for arrangement in sorted(set(itertools.permutations(TINY))):
            status = {(c, w): path[i] for c, path in zip(councils, arrangement, strict=True)
                      for i, w in enumerate(WAVES[:2])}
            stats.append(score(d.assign(in_intervention=[status[c, str(w)] for c, w in
                                                         zip(d["council_id"], d["wave"], strict=True)])))
        assert len(stats) == 60
        brute = np.mean(np.array(stats) >= observed * (1 - 1e-9))
        assert res["p_value"] == pytest.approx(brute, abs=1e-12), variance
        assert res["p_value"] * 60 == pytest.approx(round(res["p_value"] * 60))  # a multiple of 1/60


def test_the_p_value_is_uniform_under_a_planted_null():
    """Two councils of twelve in intervention (66 reassignments, every one used), no status effect, 40 seeds: the
    randomisation p-values average about 0.5 and fall at or below 0.2 about a fifth of the time."""
    paths = [(1, 1, 1)] * 2 + [(0, 0, 0)] * 10
    ps = np.array([status_ri(_panel(seed, paths, per=2, council_sd=0.8), n_permutations=1000)["p_value"]
                   for seed in range(9200, 9240)])
    assert np.isfinite(ps).all()
    assert 0.38 < ps.mean() < 0.62, ps
    assert (ps <= 0.2).mean() <= 0.2 + 2 * np.sqrt(0.2 * 0.8 / len(ps)), ps
    assert len(np.unique(ps)) > 10  # not stuck on a few values


def test_reassignments_keep_the_paths_and_are_deterministic_given_the_seed():
    """Random reassignments where there are more than asked for; the same seed gives the same p, another seed another
    draw; councils without rows at a wave still take part (their path completed from the nearest wave)."""
    paths = [(1, 1, 1)] * 5 + [(0, 1, 1)] * 3 + [(0, 0, 0)] * 12
    d = _panel(12, paths)  # p 0.35 (seed 11's planted null draws p 0.002 by chance, the floor of both seeds)
    d = d[~((d["council_id"] == "c6") & (d["wave"] == "before"))]  # no interview at the first wave
    a, b = status_ri(d, n_permutations=500, seed=3), status_ri(d, n_permutations=500, seed=3)
    c = status_ri(d, n_permutations=500, seed=4)
    assert not a["exact"] and a["n_used"] == 500 and a["n_paths"] == 3 and a["n_units"] == 20
    assert a == b and a["p_value"] != c["p_value"]
    assert a["p_value"] * 501 == pytest.approx(round(a["p_value"] * 501))  # (1 + exceed) / (1 + draws)


def test_bad_rows_are_refused_naming_row_and_column():
    d = _panel(1, TINY)
    with pytest.raises(ValueError, match=r"`variance` must be one of \['model', 'robust'\], but 'sandwich' was"):
        status_ri(d, variance="sandwich")
    with pytest.raises(ValueError, match=r"row 3: column 'y' is 2; expected 0 or 1"):
        status_ri(d.assign(y=d["y"].where(d.index != 3, 2)))
    with pytest.raises(ValueError, match=r"column 'in_intervention' is missing"):
        status_ri(d.assign(in_intervention=d["in_intervention"].astype(float).where(d.index != 0)))
    mixed = d.copy()
    mixed.loc[0, "in_intervention"] = 1 - mixed.loc[0, "in_intervention"]
    with pytest.raises(ValueError, match=r"unit 'c0' has more than one 'in_intervention' value at wave 'before'"):
        status_ri(mixed)


def test_intervention_effects_uses_the_randomisation_p_below_ten_councils_a_side():
    """Four of twenty-four councils in intervention: the status term's p (and so its Holm-adjusted p) is the
    randomisation test's, the model's kept beside it; with twelve a side the model's p stays."""
    from impact.effects import RANDOMISATION_BELOW, intervention_effects
    from impact.stats import adjust_pvalues

    def panel(k: int) -> pd.DataFrame:
        frames = []
        for code, seed in (("learning", 41), ("morale", 42)):
            d = _panel(seed, [(1, 1, 1)] * k + [(0, 0, 0)] * (24 - k), effect=1.0 if code == "morale" else 0.0)
            frames.append(d.assign(code=code, participant_id=d["council_id"] + "_" + d["participant"].astype(str),
                                   status_group=np.where(d["in_intervention"] == 1, "intervention", "none"),
                                   reported=d["y"].astype(bool), wave=d["wave"].astype(str)))
        return pd.concat(frames, ignore_index=True)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        few = intervention_effects(panel(4), waves=WAVES, seed=5, n_permutations=999)
        many = intervention_effects(panel(12), waves=WAVES, seed=5, n_permutations=999)
    status = few[few["term"] == "in_intervention"].set_index("code")
    assert (status["p_method"] == "randomisation").all() and (status["ri_n"] == 999).all()
    for code in status.index:
        d = panel(4)
        d = d[d["code"] == code].assign(y=lambda x: x["reported"].astype(int),
                                        wave=lambda x: pd.Categorical(x["wave"], categories=WAVES))
        assert status.loc[code, "p_value"] == status_ri(d, n_permutations=999, seed=5)["p_value"]
        assert status.loc[code, "p_value"] != status.loc[code, "p_value_model"]
    assert status["p_adjusted"].to_numpy() == pytest.approx(adjust_pvalues(status["p_value"], "holm"))
    assert (few.loc[few["term"] != "in_intervention", "p_method"] == "model").all()
    status = many[many["term"] == "in_intervention"]
    assert 12 >= RANDOMISATION_BELOW and (status["p_method"] == "model").all()
    assert (status["p_value"] == status["p_value_model"]).all()


def test_the_summary_names_the_randomisation_p_and_calls_the_interval_the_models():
    """A status contrast tested by randomisation is stated with "by randomisation test" after its p; where its
    (model) interval leaves out 1 and the adjusted p is not significant, the interval is said to be the model's."""
    from types import SimpleNamespace

    from impact.report._build import _odds_ratio

    row = SimpleNamespace(estimate=0.9, ci_low=0.2, ci_high=1.6, p_adjusted=0.012, p_method="randomisation")
    assert _odds_ratio(row) == "odds ratio 2.46, 95% CI 1.22 to 4.95, Holm-adjusted p = 0.012 by randomisation test"
    row.p_adjusted = 0.31
    assert _odds_ratio(row) == ("odds ratio 2.46, the model's unadjusted 95% CI 1.22 to 4.95, Holm-adjusted "
                                "p = 0.310 by randomisation test")
    row.p_method = "model"
    assert _odds_ratio(row) == "odds ratio 2.46, unadjusted 95% CI 1.22 to 4.95, Holm-adjusted p = 0.310"


@pytest.mark.parametrize("bad", [0, -5, 2.5, True, "1000"])
def test_intervention_effects_refuses_a_bad_number_of_reassignments(bad):
    from impact.effects import intervention_effects

    panel = pd.DataFrame({"code": ["a"], "participant_id": ["p"], "council_id": ["c"], "wave": ["before"],
                          "status_group": ["none"], "reported": [True]})
    with pytest.raises(ValueError, match=r"`n_permutations` must be a whole number of at least 1, but .* was passed"):
        intervention_effects(panel, n_permutations=bad)


def _detectable_ctx(p_method: list[str]):
    """The models table of two impacts (status rows only) and the little of a report's context the limitations read."""
    from types import SimpleNamespace

    models = pd.DataFrame({"code": ["learning", "morale"], "term": "in_intervention", "se": [0.4, 0.7],
                           "df": [29.0, 29.0], "n_units": 30, "n_units_intervention": 4,
                           "n_units_no_intervention": 26, "separation": False, "estimator": "gee",
                           "p_method": p_method})
    return SimpleNamespace(f=SimpleNamespace(models=models), codes=["learning", "morale"], later=[], waves=WAVES,
                           wave=str, one="impact", many="impacts", alpha=0.05, min_count=5)


@pytest.mark.parametrize("p_method, caveat", [
    (["randomisation", "randomisation"], " (the model's figure: the randomisation test that gives the p-value with "
                                         "fewer than 10 councils in one status group has about, not exactly, that "
                                         "chance"),
    (["model", "randomisation"], " (the model's figure: the randomisation test that gives the p-value with fewer "
                                 "than 10 councils in one status group has about, not exactly, that chance, for the "
                                 "impacts it tested"),
    (["model", "model"], None),
])
def test_the_detectable_odds_ratio_is_called_approximate_where_randomisation_gives_the_p(p_method, caveat):
    """The limitations' odds ratio a status term had an 80% chance of detecting is exp((t(0.975, df) + t(0.8, df))
    * se) (Bloom 1995; here a two-sided t test at it has power 0.80 by scipy's noncentral t); where the term's p-value
    is a randomisation test's, the figure is named as the model's, which that test has about (not exactly) an 80%
    chance of detecting (its simulated power at it was 83% to 85%, docs/methods.md); where it is the model's, nothing
    is added."""
    from scipy import stats

    from impact.report._build import _models_detectable

    text = _models_detectable(_detectable_ctx(p_method))
    k = stats.t.ppf(0.975, 29) + stats.t.ppf(0.8, 29)
    assert f"only if its odds ratio is at least {np.exp(k * 0.4):.2f} to {np.exp(k * 0.7):.2f}, depending on the " \
           "impact" in text, text
    for se in (0.4, 0.7):
        shift = k * se / se
        power = stats.nct.sf(stats.t.ppf(0.975, 29), 29, shift) + stats.nct.cdf(-stats.t.ppf(0.975, 29), 29, shift)
        assert power == pytest.approx(0.8, abs=0.01)
    if caveat is None:
        assert "approximately" not in text and "depending on the impact (or no more than its inverse" in text
    else:  # one aside with the limitation's own, not two in a row (round 25)
        assert (f"depending on the impact{caveat}; or no more than its inverse, for one reported less often; more after "
                "the adjustment for testing several impacts), so") in text, text

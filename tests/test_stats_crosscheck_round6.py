"""Independent cross-checks of the statistics, round 6: Firth's penalised-likelihood logistic regression against R's
logistf on the sex2 and endometrial data of Heinze and Schemper (2002), the 0.5-per-cell closed form of the saturated
2 x 2 table, and a direct scipy maximisation of the penalised likelihood written here.

Seeds 90601 to 90620 are used nowhere else in the repository."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import optimize, stats
from scipy.special import expit
from test_stats_models import sleepstudy  # noqa: F401 (a fixture, used by name)

from impact.stats import firth_logistic

# --------------------------------------------------------------------------------------------------
# 1. Firth's logistic regression against logistf
# --------------------------------------------------------------------------------------------------

# logistf's sex2 (urinary tract infection in 239 college women; Heinze and Schemper 2002; logistf data-raw/sex2.txt.gz,
# GPL), as its 36 distinct rows "age oc vic vicl vis dia case" with their counts.
_SEX2 = ("0000100 1", "0000101 1", "0010000 2", "0010001 14", "0010100 1", "0010101 3", "0011000 8", "0011001 10",
         "0011100 18", "0011101 12", "0011111 1", "0100000 42", "0100001 44", "0100011 3", "0100100 1", "0110000 1",
         "0110001 15", "0110011 1", "0110101 2", "0111000 5", "0111001 7", "0111100 6", "0111101 3", "1010001 2",
         "1010101 1", "1010111 1", "1011000 2", "1011001 1", "1011100 4", "1011111 1", "1100000 14", "1100001 5",
         "1100100 1", "1110000 1", "1110001 3", "1111100 2")
_SEX2_FORMULA = "case ~ age + oc + vic + vicl + vis + dia"


def _sex2(aggregated: bool = False) -> pd.DataFrame:
    rows = [dict(zip(["age", "oc", "vic", "vicl", "vis", "dia", "case"], map(int, bits)), count=int(n))
            for bits, n in (s.split() for s in _SEX2)]
    d = pd.DataFrame(rows)
    return d if aggregated else d.loc[d.index.repeat(d["count"])].reset_index(drop=True)


def test_sex2_data_are_logistfs():
    d = _sex2()
    # logistf's documentation: 239 observations; its summary prints n=239
    assert len(d) == 239
    assert int(d["case"].sum()) == 130  # the events of the original file (data-raw/sex2.txt.gz)


def test_firth_on_sex2_is_logistfs_summary_at_alpha_0_1():
    # logistf 1.26 (Heinze et al.), summary(logistf(case ~ age + oc + vic + vicl + vis + dia, data = sex2,
    # alpha = 0.1)), as printed in the example of logistfPrint (a public R package's documentation):
    #                    coef  se(coef)  lower 0.9  upper 0.9       Chisq            p
    # (Intercept)  0.12025405 0.4763429 -0.6673577  0.9177303  0.06286298 8.020268e-01
    # age         -1.10598131 0.4149021 -1.8277045 -0.4328451  7.50773092 6.143472e-03
    # oc          -0.06881673 0.4344026 -0.7986318  0.6507581  0.02467044 8.751911e-01
    # vic          2.26887464 0.5384872  1.4248338  3.2325326 22.93139022 1.678877e-06
    # vicl        -2.11140817 0.5320395 -3.0613215 -1.2704704 19.10407252 1.237805e-05
    # vis         -0.78831694 0.4089620 -1.4743338 -0.1137542  3.69740975 5.449701e-02
    # dia          3.09601166 1.5052197  1.0835108  6.8752016  7.89693139 4.951873e-03
    ref = pd.DataFrame(
        [[0.12025405, 0.4763429, -0.6673577, 0.9177303, 0.06286298, 8.020268e-01],
         [-1.10598131, 0.4149021, -1.8277045, -0.4328451, 7.50773092, 6.143472e-03],
         [-0.06881673, 0.4344026, -0.7986318, 0.6507581, 0.02467044, 8.751911e-01],
         [2.26887464, 0.5384872, 1.4248338, 3.2325326, 22.93139022, 1.678877e-06],
         [-2.11140817, 0.5320395, -3.0613215, -1.2704704, 19.10407252, 1.237805e-05],
         [-0.78831694, 0.4089620, -1.4743338, -0.1137542, 3.69740975, 5.449701e-02],
         [3.09601166, 1.5052197, 1.0835108, 6.8752016, 7.89693139, 4.951873e-03]],
        index=["Intercept", "age", "oc", "vic", "vicl", "vis", "dia"],
        columns=["estimate", "se", "ci_low", "ci_high", "lr_chi2", "p_value"])
    p = firth_logistic(_sex2(), formula=_SEX2_FORMULA, alpha=0.1).params
    # logistf stops at a change below 1e-5 (its dia differs by 1e-6 between versions: 3.09601263 in its tests), so
    # estimates agree to 5e-6; the penalised likelihood ratio statistics and limits to the printed digits
    assert p["estimate"].to_numpy() == pytest.approx(ref["estimate"].to_numpy(), abs=5e-6)
    assert p["se"].to_numpy() == pytest.approx(ref["se"].to_numpy(), abs=5e-6)
    assert p["ci_low"].to_numpy() == pytest.approx(ref["ci_low"].to_numpy(), abs=2e-6)
    assert p["ci_high"].to_numpy() == pytest.approx(ref["ci_high"].to_numpy(), abs=2e-6)
    assert p["lr_chi2"].to_numpy() == pytest.approx(ref["lr_chi2"].to_numpy(), rel=1e-6)
    assert p["p_value"].to_numpy() == pytest.approx(ref["p_value"].to_numpy(), rel=1e-5)
    assert (p["df"] == np.inf).all() and (p["design_effect"] == 1).all()


def test_firths_sex2_limits_are_found_by_newton_on_the_profile_with_fewer_maximisations(monkeypatch):
    """Each profile limit is the root of the fall of the profile penalised likelihood, whose derivative is the modified
    score of the term held fixed at the constrained maximum: Newton's method on it (kept inside the bracket, and its
    root checked by a maximisation from the estimate) reaches logistf's limits of sex2 at alpha 0.1 (logistfPrint's
    example, as above) in 79 constrained maximisations for the 14 limits, where Brent's method took 129."""
    from impact.stats import _firth

    calls = []
    maximise = _firth._FirthFit.maximise

    def counted(self, fixed=None, start=None):
        calls.append(fixed)
        return maximise(self, fixed, start)

    monkeypatch.setattr(_firth._FirthFit, "maximise", counted)
    p = firth_logistic(_sex2(), formula=_SEX2_FORMULA, alpha=0.1).params
    low = [-0.6673577, -1.8277045, -0.7986318, 1.4248338, -3.0613215, -1.4743338, 1.0835108]
    high = [0.9177303, -0.4328451, 0.6507581, 3.2325326, -1.2704704, -0.1137542, 6.8752016]
    assert p["ci_low"].to_numpy() == pytest.approx(low, abs=2e-6)
    assert p["ci_high"].to_numpy() == pytest.approx(high, abs=2e-6)
    # one fit, one refit with each of the 7 terms at 0 (the tests), then the limits' maximisations
    limits = len(calls) - 1 - len(p)
    assert limits <= 6 * 2 * len(p), limits  # 129 by Brent's method


def test_firth_95_percent_profile_intervals_on_sex2_are_logistfs():
    # logistf's 95% profile penalised likelihood limits of sex2 (confint(logistf(...))), as the firthlogist package
    # (J. Luo) tests its own against them (firthlogist/tests/test_firthlogist.py, "compare with logistf"):
    ref = {"age": (-1.9737884, -0.30742514), "oc": (-0.9414363, 0.78920202), "vic": (1.2730216, 3.43543273),
           "vicl": (-3.2608611, -1.11773495), "vis": (-1.6080879, 0.01518468), "dia": (0.7745682, 8.03029352),
           "Intercept": (-0.8185591, 1.07315122)}
    p = firth_logistic(_sex2(), formula=_SEX2_FORMULA).params
    for term, (low, high) in ref.items():
        assert p.loc[term, "ci_low"] == pytest.approx(low, abs=2e-6)
        assert p.loc[term, "ci_high"] == pytest.approx(high, abs=2e-5)  # dia's upper limit is printed to 8.0303


def test_case_weights_are_repeated_rows():
    # logistf's example fits the aggregated sexagg with weights = COUNT to the same coefficients as sex2
    full = firth_logistic(_sex2(), formula=_SEX2_FORMULA).params
    weighted = firth_logistic(_sex2(aggregated=True), formula=_SEX2_FORMULA, weights="count").params
    cols = ["estimate", "se", "ci_low", "ci_high", "lr_chi2", "p_value"]
    assert weighted[cols].to_numpy() == pytest.approx(full[cols].to_numpy(), rel=1e-7, abs=1e-9)


# The endometrial cancer data of Heinze and Schemper (2002, Table I; 79 patients, histology grade HG by
# neovasculation NV, pulsatility index PI and endometrium height EH), as distributed with firthlogist
# (firthlogist/datasets/endometrial.csv): NV, PI, EH, HG by patient.
_ENDOMETRIAL = """
0 13 1.64 0|0 16 2.26 0|0 8 3.14 0|0 34 2.68 0|0 20 1.28 0|0 5 2.31 0|0 17 1.8 0|0 10 1.68 0|0 26 1.56 0|0 17 2.31 0
0 8 2.01 0|0 7 1.89 0|0 20 3.15 0|0 10 1.23 0|0 18 1.27 0|0 16 1.76 0|0 18 2 0|0 8 2.64 1|0 29 0.88 1|0 12 1.27 1
0 20 1.37 1|1 38 0.97 1|1 22 1.14 1|1 7 0.88 1|1 25 0.91 1|1 15 0.58 1|0 7 0.97 1|0 28 1.5 0|0 11 1.33 0|0 19 2.37 0
0 10 1.82 0|0 10 3.13 0|0 18 1.31 0|0 14 1.92 0|0 21 1.64 0|0 11 2.01 0|0 17 1.88 0|0 25 1.93 0|0 16 2.11 0
0 19 1.29 0|0 15 1.72 0|0 33 0.75 0|0 24 1.92 0|0 48 1.84 1|0 12 1.11 1|0 19 1.61 1|0 2 1.18 1|1 22 1.44 1
1 40 1.18 1|1 5 0.93 1|1 0 1.17 1|0 21 1.19 1|0 15 1.06 1|0 29 2.02 0|0 15 2.29 0|0 12 2.33 0|0 3 2.9 0|0 20 1.7 0
0 23 1.41 0|0 12 2.25 0|0 22 1.54 0|0 42 1.97 0|0 15 1.75 0|0 13 2.16 0|0 14 2.57 0|0 19 1.37 0|0 12 3.61 0
0 13 2.04 0|0 10 2.17 0|0 12 1.69 1|1 49 0.27 1|0 6 1.84 1|0 5 1.3 1|0 17 0.96 1|1 11 1.01 1|1 21 0.98 1|0 5 0.35 1
1 19 1.02 1|0 33 0.85 1"""


def _endometrial() -> pd.DataFrame:
    rows = [r.split() for r in _ENDOMETRIAL.replace("\n", "|").split("|") if r.strip()]
    return pd.DataFrame(rows, columns=["NV", "PI", "EH", "HG"]).astype({"NV": int, "PI": int, "EH": float, "HG": int})


def test_firth_on_the_separated_endometrial_data_is_logistfs():
    d = _endometrial()
    assert len(d) == 79
    # quasi-complete separation: every patient with neovasculation has high grade, so maximum likelihood has no finite
    # estimate for NV (Heinze and Schemper 2002, section 4)
    assert d.loc[d["NV"] == 1, "HG"].eq(1).all()
    # logistf(HG ~ NV + PI + EH, data = endometrial) as firthlogist tests against it (test_firthlogist.py,
    # "compare with logistf"): coefficients NV 2.92927330, PI -0.03475175, EH -2.60416387, intercept 3.77455951;
    # 95% profile limits NV 0.6097244 to 7.85463171, PI -0.1244587 to 0.04045547, EH -4.3651832 to -1.23272106,
    # intercept 1.0825371 to 7.20928050. Heinze and Schemper (2002, Table II) print NV 2.93 (0.61, 7.85).
    p = firth_logistic(d, formula="HG ~ NV + PI + EH").params
    ref = {"NV": (2.92927330, 0.6097244, 7.85463171), "PI": (-0.03475175, -0.1244587, 0.04045547),
           "EH": (-2.60416387, -4.3651832, -1.23272106), "Intercept": (3.77455951, 1.0825371, 7.20928050)}
    for term, (est, low, high) in ref.items():
        assert p.loc[term, "estimate"] == pytest.approx(est, abs=5e-6)
        assert p.loc[term, "ci_low"] == pytest.approx(low, abs=5e-6)
        assert p.loc[term, "ci_high"] == pytest.approx(high, abs=5e-6)
    # firthlogist's penalised likelihood ratio p of EH (test_ci_singlevaridx): 2.50418343e-05, from its own fits that
    # stop at a change below 1e-4 (its default tol), so it agrees to about 1e-3 of itself
    assert p.loc["EH", "p_value"] == pytest.approx(2.50418343e-05, rel=2e-3)


# --------------------------------------------------------------------------------------------------
# 2. the saturated 2 x 2 table and a direct maximisation written here
# --------------------------------------------------------------------------------------------------

def _table(a: int, b: int, c: int, d: int) -> pd.DataFrame:
    """a events and b non-events in group 1, c events and d non-events in group 0."""
    g = [1] * (a + b) + [0] * (c + d)
    y = [1] * a + [0] * b + [1] * c + [0] * d
    return pd.DataFrame({"group": g, "y": y})


def _penalised_loglik(beta: np.ndarray, x: np.ndarray, y: np.ndarray) -> float:
    """log L + 1/2 log det I, with I = X' diag(p (1 - p)) X, written out (no modified score, no Newton)."""
    eta = x @ beta
    p = expit(eta)
    ll = np.sum(y * eta - np.logaddexp(0, eta))
    return float(ll + 0.5 * np.linalg.slogdet(x.T @ (x * (p * (1 - p))[:, None]))[1])


def _direct(d: pd.DataFrame, alpha: float = 0.05) -> dict:
    """Penalised maximum by Nelder-Mead, the penalised likelihood ratio test of group = 0 with the intercept
    re-maximised by Brent's method, and the profile limits by root finding on that scalar profile."""
    x = np.column_stack([np.ones(len(d)), d["group"].to_numpy(float)])
    y = d["y"].to_numpy(float)
    best = optimize.minimize(lambda b: -_penalised_loglik(b, x, y), np.zeros(2), method="Nelder-Mead",
                             options={"xatol": 1e-10, "fatol": 1e-13, "maxiter": 20000})

    def profile(value: float) -> float:
        r = optimize.minimize_scalar(lambda a: -_penalised_loglik(np.array([a, value]), x, y),
                                     bracket=(-3, 3), tol=1e-12)
        return -r.fun

    top = -best.fun
    q = stats.chi2.ppf(1 - alpha, 1)
    lr = 2 * (top - profile(0.0))
    est = best.x[1]
    low = optimize.brentq(lambda v: 2 * (top - profile(v)) - q, est - 30, est, xtol=1e-10)
    high = optimize.brentq(lambda v: 2 * (top - profile(v)) - q, est, est + 30, xtol=1e-10)
    return {"estimate": est, "lr": lr, "ci_low": low, "ci_high": high}


@pytest.mark.parametrize(("a", "b", "c", "d"), [(4, 6, 0, 10), (0, 22, 7, 356), (3, 2, 8, 1), (12, 30, 5, 40),
                                                (5, 0, 0, 5)])
def test_saturated_2x2_is_the_log_odds_ratio_with_half_added_and_the_direct_maximisation(a, b, c, d):
    data = _table(a, b, c, d)
    p = firth_logistic(data, formula="y ~ group").params
    # Firth (1993): in a saturated model the modified score adds half a leverage, 1 / n_j, to each row of group j,
    # i.e. 0.5 event and 0.5 non-event to each group: the log odds ratio of the table with 0.5 added to each cell
    closed = np.log((a + 0.5) * (d + 0.5) / ((b + 0.5) * (c + 0.5)))
    assert p.loc["group", "estimate"] == pytest.approx(closed, abs=1e-8)
    assert p.loc["Intercept", "estimate"] == pytest.approx(np.log((c + 0.5) / (d + 0.5)), abs=1e-8)
    direct = _direct(data)
    assert p.loc["group", "lr_chi2"] == pytest.approx(direct["lr"], rel=1e-6, abs=1e-8)
    assert p.loc["group", "p_value"] == pytest.approx(stats.chi2.sf(direct["lr"], 1), rel=1e-5, abs=1e-12)
    assert p.loc["group", "ci_low"] == pytest.approx(direct["ci_low"], abs=1e-6)
    assert p.loc["group", "ci_high"] == pytest.approx(direct["ci_high"], abs=1e-6)
    assert np.isfinite(p[["estimate", "ci_low", "ci_high", "p_value"]].to_numpy()).all()


def test_completely_separated_data_give_finite_estimates_and_intervals():
    # y = 1 exactly where x > 0: maximum likelihood diverges; the penalised likelihood has a finite maximum
    d = pd.DataFrame({"x": np.arange(-5, 5, dtype=float), "y": (np.arange(-5, 5) >= 0).astype(int)})
    p = firth_logistic(d, formula="y ~ x").params
    assert np.isfinite(p[["estimate", "se", "ci_low", "ci_high", "p_value"]].to_numpy()).all()
    assert 0 < p.loc["x", "ci_low"] < p.loc["x", "estimate"] < p.loc["x", "ci_high"]
    x = np.column_stack([np.ones(len(d)), d["x"]])
    direct = optimize.minimize(lambda b: -_penalised_loglik(b, x, d["y"].to_numpy(float)), np.zeros(2),
                               method="Nelder-Mead", options={"xatol": 1e-10, "fatol": 1e-13}).x
    assert p["estimate"].to_numpy() == pytest.approx(direct, abs=1e-5)


# --------------------------------------------------------------------------------------------------
# 3. rows clustered in units: the design effect
# --------------------------------------------------------------------------------------------------

def test_design_effect_is_near_the_cluster_size_when_units_repeat_one_row_and_near_one_when_rows_are_independent():
    rng = np.random.default_rng(90601)
    n, k = 120, 4
    base = pd.DataFrame({"x": rng.integers(0, 2, n)})
    base["y"] = rng.binomial(1, expit(-1.5 + 1.0 * base["x"]))
    base["unit"] = np.arange(n)
    copies = base.loc[base.index.repeat(k)].reset_index(drop=True)  # k identical rows per unit: an ICC of 1
    p = firth_logistic(copies, formula="y ~ x", unit="unit", small_sample=False).params
    # Kish's design effect 1 + (k - 1) ICC = k for perfectly correlated clusters of k rows
    assert p.loc["x", "design_effect"] == pytest.approx(k, rel=0.1)
    naive = firth_logistic(copies, formula="y ~ x").params
    # the interval is about sqrt(k) times as wide as the one that takes the copies for independent rows
    width = (p["ci_high"] - p["ci_low"]) / (naive["ci_high"] - naive["ci_low"])
    assert width["x"] == pytest.approx(np.sqrt(k), rel=0.1)
    # independent rows put in units of 4 at random: the design effect stays near 1 (it is floored at 1)
    independent = copies.assign(y=rng.binomial(1, expit(-1.5 + 1.0 * copies["x"])))
    q = firth_logistic(independent, formula="y ~ x", unit="unit", small_sample=False).params
    assert 1 <= q.loc["x", "design_effect"] < 1.5
    # with small_sample the reference is F(1, units - parameters), as the GEE's t(units - parameters)
    r = firth_logistic(copies, formula="y ~ x", unit="unit").params
    assert (r["df"] == n - 2).all()
    assert r.loc["x", "p_value"] == pytest.approx(stats.f.sf(r.loc["x", "statistic"] ** 2, 1, n - 2), rel=1e-10)


def test_bad_input_is_refused_with_what_was_expected():
    d = pd.DataFrame({"x": [0, 1, 0, 1], "y": [0, 2, 1, 0]})
    with pytest.raises(ValueError, match="must be 0/1, but row 1 holds 2"):
        firth_logistic(d, formula="y ~ x")
    with pytest.raises(ValueError, match="lacks the column"):
        firth_logistic(d, formula="y ~ x", unit="council")


# --------------------------------------------------------------------------------------------------
# 4. intervention_effects: Firth where the GEE separates or rests on few events
# --------------------------------------------------------------------------------------------------

def _planted_panel(seed: int, never_in_intervention: bool) -> pd.DataFrame:
    """24 councils (8 in intervention from the second wave), 4 participants each at 3 waves; 'morale' is reported
    with probability 0.3 rising by wave, and never by a participant of a council in intervention when
    `never_in_intervention` (separation), else with odds ratio 0.3 there."""
    rng = np.random.default_rng(seed)
    rows = []
    for council in range(24):
        for wave_no, wave in enumerate(["before", "early", "later"]):
            status = "intervention" if council < 8 and wave_no > 0 else "none"
            for person in range(4):
                logit = -0.85 + 0.4 * wave_no + (np.log(0.3) if status == "intervention" else 0.0)
                said = rng.random() < expit(logit) and not (never_in_intervention and status == "intervention")
                rows.append({"participant_id": f"p{council}_{person}", "council_id": f"c{council}", "wave": wave,
                             "code": "morale", "reported": bool(said), "status_group": status})
    return pd.DataFrame(rows)


def test_a_separated_gee_is_replaced_by_firth_counted_in_holm_and_still_flagged():
    from impact.effects import intervention_effects

    panel = _planted_panel(90602, never_in_intervention=True)
    other = _planted_panel(90603, never_in_intervention=False).assign(code="partnership")
    with pytest.warns(Warning):  # the GEE's separation warning is still given
        m = intervention_effects(pd.concat([panel, other]), waves=["before", "early", "later"])
    morale = m[m["code"] == "morale"].set_index("term")
    assert morale["separation"].all()  # the data are separated: the flag says so whatever is shown
    assert (morale["estimator"] == "firth").all()
    # the rows shown are Firth's fit of the same rows, councils as clusters
    d = panel.assign(y=panel["reported"].astype(int),
                     wave=pd.Categorical(panel["wave"], categories=["before", "early", "later"]),
                     in_intervention=(panel["status_group"] == "intervention").astype(int))
    firth = firth_logistic(d, formula="y ~ C(wave) + in_intervention", unit="council_id").params
    assert morale.loc["in_intervention", "estimate"] == pytest.approx(firth.loc["in_intervention", "estimate"])
    assert morale.loc["in_intervention", "ci_high"] == pytest.approx(firth.loc["in_intervention", "ci_high"])
    # no participant in intervention reported it: a finite, clearly negative log odds ratio, interval below 0
    assert np.isfinite(morale.loc["in_intervention", ["estimate", "ci_low", "ci_high", "p_value"]].astype(float)).all()
    assert morale.loc["in_intervention", "ci_high"] < 0
    # the GEE's own figures are kept beside it (diverged: far beyond Firth's)
    assert abs(morale.loc["in_intervention", "estimate_gee"]) > abs(morale.loc["in_intervention", "estimate"])
    # back in the Holm family: two impacts, so the smaller p is doubled (Holm 1979)
    status = m[m["term"] == "in_intervention"].set_index("code")
    assert status["p_adjusted"].notna().all()
    smaller = status["p_value"].idxmin()
    assert status.loc[smaller, "p_adjusted"] == pytest.approx(min(1.0, 2 * status.loc[smaller, "p_value"]))


# --------------------------------------------------------------------------------------------------
# 5. indicator_effects: councils entering intervention outside the indicator's periods
# --------------------------------------------------------------------------------------------------

def test_councils_entering_intervention_after_the_last_period_are_comparison_councils():
    from types import SimpleNamespace

    from impact.indicators import indicator_effects

    rng = np.random.default_rng(90604)
    years = list(range(2015, 2021))  # six periods
    groups = {"treated": 10, "never": 12, "later": 6, "before": 3}
    onset = {"treated": "2017-06-01", "never": None, "later": "2023-01-01", "before": "2010-01-01"}
    councils, history, rows = [], [], []
    for kind, n in groups.items():
        for i in range(n):
            c = f"{kind}{i}"
            councils.append(c)
            if onset[kind]:
                history.append({"council_id": c, "kind": "improvement_notice", "start_date": onset[kind]})
            level = rng.normal(10, 2)
            for k, year in enumerate(years):
                effect = 2.0 if kind == "treated" and year >= 2018 else 0.0
                rows.append({"council_id": c, "measure": "rate", "period": str(year),
                             "value": level + 0.5 * k + effect + rng.normal(0, 0.5), "flag": None})
    study = SimpleNamespace(indicators=pd.DataFrame(rows), councils=pd.DataFrame({"council_id": councils}),
                            status_history=pd.DataFrame(history))
    e = indicator_effects(study, n_permutations=99, seed=1).iloc[0]
    # the councils entering after 2020 are comparison councils; those in intervention since 2010 are left out
    assert (e["n_treated"], e["n_control"]) == (10, 18)
    assert (e["n_control_entering_later"], e["n_treated_before_first"]) == (6, 3)
    # independent computation: one cohort, first treated in the first period ending on or after 2017-06-01 (2018);
    # the simple aggregate is the mean over 2018-2020 of the treated councils' change from 2017 minus the comparison
    # councils' (Callaway and Sant'Anna 2021, eq. 2.6, one cohort)
    d = pd.DataFrame(rows).pivot(index="council_id", columns="period", values="value")
    treated = d.loc[[c for c in councils if c.startswith("treated")]]
    control = d.loc[[c for c in councils if c.startswith(("never", "later"))]]
    att = [(treated[str(t)] - treated["2017"]).mean() - (control[str(t)] - control["2017"]).mean()
           for t in (2018, 2019, 2020)]
    assert e["estimate"] == pytest.approx(np.mean(att), abs=1e-10)
    assert e["ci_low"] < 2.0 < e["ci_high"]  # the planted effect


# --------------------------------------------------------------------------------------------------
# 6. a random intercept-slope correlation at +-1 is said to be at the boundary
# --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("seed", [90605, 90606])
def test_a_random_slope_correlation_at_one_is_noted_as_a_singular_fit(seed):
    from impact.stats import longitudinal_model

    # planted truth: each unit's slope is 0.4 times its intercept deviation, so the two vary along one line
    # (correlation exactly 1, a singular random-effects covariance)
    rng = np.random.default_rng(seed)
    n, waves = 20, 5
    t = np.tile(np.arange(waves, dtype=float), n)
    unit = np.repeat(np.arange(n), waves)
    a = rng.normal(0, 1, n)
    d = pd.DataFrame({"unit": unit, "t": t, "y": 2 + 0.3 * t + a[unit] + 0.4 * a[unit] * t
                      + rng.normal(0, 0.5, len(t))})
    res = longitudinal_model(d, formula="y ~ t", unit="unit", time="t", method="mixed", random_slope=True)
    corr = res.variance_components.loc["intercept_slope_corr", "estimate"]
    assert corr > 0.999
    notes = " ".join(res.notes)
    assert "boundary of +-1 (a singular fit" in notes and f"{corr:+.4f}" in notes
    assert "expected information, the intercept-slope correlation being at the boundary" in notes
    assert np.isfinite(res.params["df"]).all()


def test_a_random_slope_correlation_inside_is_not_noted(sleepstudy):  # noqa: F811
    from impact.stats import longitudinal_model

    # lme4's sleepstudy fit: correlation 0.07 (Bates et al. 2015), well inside
    res = longitudinal_model(sleepstudy, formula="Reaction ~ Days", unit="Subject", time="Days", method="mixed",
                             random_slope=True)
    assert not any("singular" in n for n in res.notes)

"""Tests of impact.stats.longitudinal_model against published results."""

import warnings

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
import statsmodels.formula.api as smf
from scipy import stats

from impact.errors import SmallSampleWarning
from impact.stats import (
    MissingValueWarning,
    NotIdentifiedError,
    attrition_sensitivity,
    longitudinal_model,
)


@pytest.fixture
def sleepstudy(shared_data):
    path = shared_data / "reference" / "sleepstudy.csv"
    if not path.exists():
        pytest.skip(f"{path} not present")
    return pd.read_csv(path)


def test_mixed_sleepstudy_matches_lme4(sleepstudy):
    # Bates, Maechler, Bolker and Walker (2015), "Fitting linear mixed-effects models
    # using lme4", JSS 67(1), section 1 and 5: lmer(Reaction ~ Days + (Days | Subject),
    # sleepstudy) REML fit prints fixed effects 251.405 (SE 6.825) and 10.467 (SE 1.546),
    # random effects Subject (Intercept) SD 24.74, Days SD 5.92, Corr 0.07, Residual SD 25.59
    res = longitudinal_model(sleepstudy, formula="Reaction ~ Days", unit="Subject", time="Days",
                             method="mixed", random_slope=True)
    p = res.params
    assert p.loc["Intercept", "estimate"] == pytest.approx(251.405, abs=5e-4)
    assert p.loc["Intercept", "se"] == pytest.approx(6.825, abs=5e-4)
    assert p.loc["Days", "estimate"] == pytest.approx(10.467, abs=5e-4)
    assert p.loc["Days", "se"] == pytest.approx(1.546, abs=5e-4)
    vc = res.variance_components["estimate"]
    assert vc["unit_intercept_sd"] == pytest.approx(24.74, abs=5e-3)
    assert vc["unit_slope_sd"] == pytest.approx(5.92, abs=5e-3)
    assert vc["intercept_slope_corr"] == pytest.approx(0.07, abs=5e-3)  # statsmodels: 0.0656
    assert vc["residual_sd"] == pytest.approx(25.59, abs=5e-3)
    assert (res.n_obs, res.n_units) == (180, 18)
    # lmerTest's Satterthwaite df for this model: 17.000 for both terms (tests/test_stats_crosscheck_round5.py)
    assert p.loc["Days", "df"] == pytest.approx(17, abs=5e-4)
    text = str(res.summary())
    assert "Days" in text and "residual_sd" in text
    assert "<table" in res.summary()._repr_html_()


@pytest.fixture
def ohio(shared_data):
    path = shared_data / "reference" / "ohio.csv"
    if not path.exists():
        pytest.skip(f"{path} not present")
    return pd.read_csv(path)


def test_gee_ohio_matches_geepack(ohio):
    # geepack (Halekoh, Hojsgaard and Yan 2006, JSS 15(2)) on the Six Cities wheeze data
    # (Fitzmaurice and Laird 1993): geeglm(resp ~ age + smoke, id = id, data = ohio,
    # family = binomial, corstr = "exchangeable") gives (Intercept) -1.8804 (robust SE
    # 0.1139), age -0.1134 (0.0439), smoke 0.2651 (0.1777), alpha 0.354
    res = longitudinal_model(ohio, formula="resp ~ age + smoke", unit="id", family="binomial",
                             small_sample=False)
    p = res.params
    assert p["estimate"].to_numpy() == pytest.approx([-1.8804, -0.1134, 0.2651], abs=5e-5)
    assert p["se"].to_numpy() == pytest.approx([0.1139, 0.0439, 0.1777], abs=5e-5)
    assert res.variance_components.loc["exchangeable_correlation", "estimate"] == pytest.approx(0.354, abs=5e-4)
    assert res.n_units == 537 and np.isinf(p["df"]).all()
    # the Mancl-DeRouen correction inflates the sandwich slightly (537 clusters) and
    # uses t with 537 - 3 df
    small = longitudinal_model(ohio, formula="resp ~ age + smoke", unit="id", family="binomial")
    assert (small.params["se"] > p["se"]).all()
    assert (small.params["se"] / p["se"] < 1.01).all()
    assert (small.params["df"] == 534).all()


@pytest.fixture
def respiratory(shared_data):
    path = shared_data / "reference" / "respiratory_HSAUR.csv"
    if not path.exists():
        pytest.skip(f"{path} not present")
    resp = pd.read_csv(path)
    baseline = resp.loc[resp["month"] == 0, ["subject", "status"]].rename(columns={"status": "baseline"})
    resp = resp[resp["month"] > 0].merge(baseline, on="subject")
    resp["nstat"] = (resp["status"] == "good").astype(int)
    return resp


def test_gee_respiratory_matches_hsaur(respiratory):
    # Everitt and Hothorn (2010), A Handbook of Statistical Analyses Using R, 2nd ed.,
    # ch. 13: gee(nstat ~ centre + treatment + sex + baseline + age, family = "binomial",
    # id = subject, corstr = "exchangeable", scale.fix = TRUE) on month > 0, with
    # centre a factor: centre2 0.6716, treatmenttreatment 1.2992, sexmale 0.1192,
    # baselinegood 1.8820, age -0.0182; robust SEs 0.357, 0.351, 0.443, 0.350, 0.013
    formula = ("nstat ~ C(centre) + C(treatment) + C(sex) + C(baseline, Treatment('poor')) + age")
    res = longitudinal_model(respiratory, formula=formula, unit="subject", family="binomial", small_sample=False)
    est = res.params["estimate"].to_numpy()[1:]
    se = res.params["se"].to_numpy()[1:]
    assert est == pytest.approx([0.6716, 1.2992, 0.1192, 1.8820, -0.0182], abs=5e-5)
    assert se == pytest.approx([0.357, 0.351, 0.443, 0.350, 0.013], abs=5e-4)
    assert (res.n_obs, res.n_units) == (444, 111)


def test_gee_structures_and_small_sample_t(rng):
    n_units, waves = 24, 3
    u = np.repeat(np.arange(n_units), waves)
    w = np.tile(np.arange(waves), n_units)
    reviewed = (u % 2).astype(float)
    eta = -0.5 + 0.3 * w + 1.0 * reviewed + np.repeat(rng.normal(0, 0.8, n_units), waves)
    df = pd.DataFrame({"council_id": u, "wave": w, "reviewed": reviewed,
                       "mentioned": rng.random(len(u)) < 1 / (1 + np.exp(-eta))})
    df["mentioned"] = df["mentioned"].astype(int)
    for structure in ("exchangeable", "independence", "ar1"):
        res = longitudinal_model(df, formula="mentioned ~ wave + reviewed", unit="council_id", time="wave",
                                 family="binomial", cov_struct=structure)
        assert (res.params["df"] == n_units - 3).all()
    # independent computation: statsmodels bias-reduced covariance with t(21) limits
    ref = smf.gee("mentioned ~ wave + reviewed", "council_id", df, family=sm.families.Binomial(),
                  cov_struct=sm.cov_struct.Exchangeable()).fit(cov_type="bias_reduced")
    res = longitudinal_model(df, formula="mentioned ~ wave + reviewed", unit="council_id", family="binomial")
    half = stats.t.ppf(0.975, 21) * ref.bse["reviewed"]
    assert res.params.loc["reviewed", "ci_high"] == pytest.approx(ref.params["reviewed"] + half)


def test_default_formula_ordinal_and_errors(rng):
    n_units = 30
    u = np.repeat(np.arange(n_units), 2)
    x = rng.normal(size=2 * n_units)
    latent = 1.2 * x + np.repeat(rng.normal(0, 0.5, n_units), 2) + rng.logistic(size=2 * n_units)
    df = pd.DataFrame({"council_id": u, "x": x, "likert": np.digitize(latent, [-2, -0.7, 0.7, 2]) + 1})
    res = longitudinal_model(df, formula="likert ~ x", unit="council_id", method="ordinal")
    assert res.params.loc["x", "ci_low"] < 1.2 < res.params.loc["x", "ci_high"]  # planted slope
    assert res.params.loc["x", "df"] == n_units - 1
    panel = df.assign(wave=np.tile(["early", "late"], n_units), group=np.repeat(np.arange(n_units) % 2, 2))
    res = longitudinal_model(panel, outcome="x", time="wave", group="group", unit="council_id")
    assert len(res.params) == 4  # intercept, wave, group, wave x group
    with pytest.raises(ValueError, match=r"`method` must be one of \['gee', 'mixed', 'ordinal', 'firth'\], but 'glmm'"):
        longitudinal_model(df, formula="likert ~ x", unit="council_id", method="glmm")
    with pytest.raises(ValueError, match=r"'region' \(from `unit`\), 'status' \(from `group`\)"):
        longitudinal_model(df, outcome="likert", unit="region", group="status")
    with pytest.raises(ValueError, match="gaussian outcomes only"):
        longitudinal_model(df, formula="likert ~ x", unit="council_id", method="mixed", family="binomial")
    with pytest.warns(SmallSampleWarning, match="GEE with 6 councils, fewer than 10"):
        longitudinal_model(df[df.council_id < 6], formula="x ~ likert", unit="council_id")


def _ar1_panel(rng, n, rho, times=(0, 1, 2, 3)):
    times = np.asarray(times)
    cov = rho ** np.abs(times[:, None] - times[None, :])
    z = rng.multivariate_normal(np.zeros(len(times)), cov, size=n)
    panel = pd.DataFrame({"unit": np.repeat(np.arange(n), len(times)), "wave": np.tile(times, n), "e": z.ravel()})
    panel["y"] = 1 + 0.5 * panel["wave"] + panel["e"]
    return panel


def test_ar1_uses_the_real_time_distance(rng):
    # issue 16: with statsmodels' Autoregressive the working correlation of waves 0 and 2 of a unit
    # missing wave 1 was rho (one position apart), and rho was estimated at 0.48 for a true 0.66
    panel = _ar1_panel(rng, 300, 0.66)
    panel = panel[~((panel["unit"] % 2 == 0) & (panel["wave"] == 1))]  # half the units miss wave 1
    res = longitudinal_model(panel, formula="y ~ wave", unit="unit", time="wave", cov_struct="ar1")
    rho = res.variance_components.loc["ar1_correlation", "estimate"]
    assert rho == pytest.approx(0.66, abs=0.04)
    structure = res.fit_result.model.cov_struct
    first = int(np.flatnonzero(res.fit_result.model.group_labels == 0)[0])  # unit 0: waves 0, 2, 3
    corr, _ = structure.covariance_matrix(np.zeros(3), first)
    assert corr == pytest.approx(rho ** np.abs(np.subtract.outer([0, 2, 3], [0, 2, 3])))
    # the standard error of the slope matches the spread of the estimate over replicates (a small
    # version of bench/validity_stats.py's `ar1`): within 30% with 15 replicates
    slopes, ses = [], []
    for _ in range(15):
        p = _ar1_panel(rng, 60, 0.66)
        p = p[~((p["unit"] % 2 == 0) & (p["wave"] == 1))]
        fit = longitudinal_model(p, formula="y ~ wave", unit="unit", time="wave", cov_struct="ar1").params
        slopes.append(fit.loc["wave", "estimate"])
        ses.append(fit.loc["wave", "se"])
    assert np.mean(ses) == pytest.approx(np.std(slopes), rel=0.3)


def test_units_and_df_count_only_units_that_contribute(rng):
    panel = _ar1_panel(rng, 20, 0.5)
    panel.loc[panel["unit"] < 3, "y"] = np.nan  # three units have no observed outcome
    with pytest.warns(MissingValueWarning, match="12 of 80 rows"):
        res = longitudinal_model(panel, formula="y ~ wave", unit="unit")
    assert (res.n_units, res.n_obs, res.n_dropped) == (17, 68, 12)
    assert (res.params["df"] == 17 - 2).all()
    # a mixed model drops the same rows (it raised a patsy error) and says how many
    with pytest.warns(MissingValueWarning, match="12 of 80 rows"):
        mixed = longitudinal_model(panel, formula="y ~ wave", unit="unit", method="mixed")
    assert (mixed.n_units, mixed.n_obs) == (17, 68)
    # Satterthwaite df of the wave, within units: the within-unit error df of the 17 units that contribute, 17 x 3 - 1
    assert mixed.params.loc["wave", "df"] == pytest.approx(17 * 3 - 1, rel=1e-4)
    assert "12 rows with a missing value left out" in mixed.notes
    with pytest.raises(NotIdentifiedError, match="No row has every variable"):
        longitudinal_model(panel.assign(y=np.nan), formula="y ~ wave", unit="unit")


def test_df_is_clamped_with_a_warning_when_units_do_not_exceed_parameters(rng):
    panel = _ar1_panel(rng, 4, 0.3)
    panel["x"] = rng.normal(size=len(panel))
    panel["z"] = rng.normal(size=len(panel))
    with pytest.warns(SmallSampleWarning, match=r"4 units for 5 parameters: .* = -1\) .* set to 1"):
        res = longitudinal_model(panel, formula="y ~ wave + x + z + x:z", unit="unit")
    assert (res.params["df"] == 1).all()
    assert any("set to 1" in note for note in res.notes)


def test_weighted_bias_reduced_sandwich_reduces_to_statsmodels_without_weights(rng):
    from impact.stats._models import _bias_reduced

    n = 25
    df = pd.DataFrame({"unit": np.repeat(np.arange(n), 3), "x": rng.normal(size=3 * n)})
    df["y"] = (rng.random(3 * n) < 1 / (1 + np.exp(-0.5 * df["x"]))).astype(int)
    ref = smf.gee("y ~ x", "unit", df, family=sm.families.Binomial(),
                  cov_struct=sm.cov_struct.Independence()).fit(cov_type="bias_reduced")
    ours, lost = _bias_reduced(ref, np.ones(len(df)))
    assert not lost.any()
    assert np.sqrt(np.diag(ours)) == pytest.approx(ref.bse.to_numpy(), rel=1e-6)


def _dropout_panel(rng, n=300):
    """Waves 0-2; in intervention (a third of units) the outcome is 2 higher and units drop out far more
    at waves 1 and 2; the model y ~ C(wave) does not contain the status (population-averaged trend)."""
    status = (np.arange(n) % 3 == 0).astype(int)
    unit = np.repeat(np.arange(n), 3)
    wave = np.tile([0, 1, 2], n)
    s = status[unit]
    y = 1.0 + 0.5 * wave + 2.0 * s + np.repeat(rng.normal(0, 1, n), 3) + rng.normal(0, 1, 3 * n)
    p_drop = np.where(wave == 0, 0.0, np.where(s == 1, 0.6, 0.1))
    observed = np.where(rng.random(3 * n) < p_drop, np.nan, y)
    return pd.DataFrame({"unit": unit, "wave": wave, "status": s, "y_full": y, "y": observed})


def test_ipw_and_mice_remove_the_bias_of_status_dependent_dropout(rng):
    panel = _dropout_panel(rng)
    # the wave means of every unit (working independence): what a table of change over time reports.
    # (An exchangeable working correlation already borrows from each unit's wave-0 outcome, which here
    # carries its status, and is itself nearly unbiased.)
    kwargs = dict(formula="y ~ C(wave)", unit="unit", time="wave", response_covariates=["status"],
                  cov_struct="independence")
    truth = longitudinal_model(panel.assign(y=panel["y_full"]), formula="y ~ C(wave)", unit="unit",
                               cov_struct="independence").params
    term = "C(wave)[T.2]"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MissingValueWarning)
        cc = longitudinal_model(panel, **kwargs).params.loc[term, "estimate"]
    ipw = longitudinal_model(panel, missing="ipw", **kwargs)
    mice = longitudinal_model(panel, missing="mice", n_imputations=4, seed=3, **kwargs)
    full = truth.loc[term, "estimate"]
    # planted: the complete cases under-represent councils in intervention at wave 2 (-0.3 or so)
    assert cc - full < -0.2
    assert abs(ipw.params.loc[term, "estimate"] - full) < 0.1
    assert abs(mice.params.loc[term, "estimate"] - full) < 0.1
    assert ipw.missing == "ipw" and mice.missing == "mice"
    assert (ipw.n_units, ipw.n_obs) == (300, int(panel["y"].notna().sum()))
    # Rubin's rules, recomputed from the imputed fits: mean estimate, within + (1 + 1/m) between
    fits = mice.fit_result
    est = np.array([f.params[term] for f in fits])
    within = np.mean([f.bse[term] ** 2 for f in fits])
    total = within + (1 + 1 / len(fits)) * est.var(ddof=1)
    assert mice.params.loc[term, "estimate"] == pytest.approx(est.mean(), rel=1e-12)
    assert mice.params.loc[term, "se"] == pytest.approx(np.sqrt(total), rel=1e-6)
    assert 0 < mice.params.loc[term, "fmi"] < 1
    # the same seed gives the same imputations
    again = longitudinal_model(panel, missing="mice", n_imputations=4, seed=3, **kwargs)
    assert again.params.loc[term, "estimate"] == mice.params.loc[term, "estimate"]


def test_attrition_sensitivity_table_and_argument_errors(rng):
    panel = _dropout_panel(rng, n=90)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        table = attrition_sensitivity(panel, formula="y ~ C(wave)", unit="unit", time="wave",
                                      response_covariates="status", n_imputations=3)
    assert table["missing"].tolist() == ["complete"] * 3 + ["ipw"] * 3 + ["mice"] * 3
    assert list(table.columns) == ["missing", "term", "estimate", "se", "statistic", "df", "p_value", "ci_low",
                                   "ci_high", "n_obs", "n_effective", "n_units", "notes"]
    # each method's caveats ride with its rows (the weights of IPW, the imputations of MICE)
    assert table.set_index("missing")["notes"].str.contains("inverse-probability").loc["ipw"].all()
    with pytest.raises(ValueError, match="`missing='ipw'` needs `time`"):
        longitudinal_model(panel, formula="y ~ C(wave)", unit="unit", missing="ipw")
    with pytest.raises(ValueError, match="weights a GEE"):
        longitudinal_model(panel, formula="y ~ C(wave)", unit="unit", time="wave", method="mixed", missing="ipw")
    with pytest.raises(ValueError, match=r"`missing` must be one of \['complete', 'ipw', 'mice'\]"):
        longitudinal_model(panel, formula="y ~ C(wave)", unit="unit", time="wave", missing="locf")
    # a time-varying covariate unknown for a missing subject-wave is named
    gaps = panel[panel["y"].notna()].assign(status=lambda d: d["status"] + d["wave"])
    with pytest.raises(ValueError, match=r"'status' for \d+ subject-wave"):
        longitudinal_model(gaps, formula="y ~ C(wave)", unit="unit", time="wave", missing="ipw",
                           response_covariates="status")


@pytest.mark.slow
def test_planted_attrition_in_a_generated_study():
    # A small seeded version of bench/validity_stats.py's `attrition` (40 generated studies there):
    # interviews of a generated study are removed after generation, far more often in councils in
    # intervention at the later waves; the prevalence of 'partnership' (planted +3 log-odds in
    # intervention) by wave is then under-estimated from the complete cases, and inverse-probability
    # weighting and multiple imputation recover the estimate on every interview.
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from bench.validity_stats import planted_attrition

    drop = {(False, "expectations"): 0.05, (True, "expectations"): 0.05, (False, "early"): 0.1,
            (True, "early"): 0.6, (False, "longer_term"): 0.1, (True, "longer_term"): 0.8}
    res = planted_attrition(20240601, n_councils=50, interviews_per_wave=4, n_imputations=3,
                            intervention_log_odds=3.0, drop=drop)
    term = "C(wave)[T.longer_term]"
    bias = {m: res[m][term] - res["truth"][term] for m in ("complete", "ipw", "mice")}
    assert bias["complete"] < -0.15
    assert abs(bias["ipw"]) < abs(bias["complete"])
    assert abs(bias["mice"]) < abs(bias["complete"])


def test_terms_that_are_not_identified_are_refused_not_reported_as_zero(rng):
    # a covariate that is constant in the rows used (no council in intervention, say): GEE reported it
    # as 0 with SE 0 and the mixed model failed with "Singular matrix"; both now name the term
    panel = _ar1_panel(rng, 20, 0.3).assign(in_intervention=0)
    for method in ("gee", "mixed"):
        with pytest.raises(NotIdentifiedError, match=r"\['in_intervention'\] .* not identified"):
            longitudinal_model(panel, formula="y ~ wave + in_intervention", unit="unit", method=method)


def test_absent_rows_count_as_missing_waves_with_the_councils_status(rng):
    # participants within councils; a missing interview is either a row with no outcome or no row at all.
    # The response model needs the council's status at that wave: taken from the council's other rows
    councils, people, waves = 30, 3, 3
    rows = []
    for c in range(councils):
        status = rng.random(waves) < 0.4  # council-level, changes between waves
        for p in range(people):
            for w in range(waves):
                y = float(rng.random() < 0.3 + 0.4 * status[w])
                rows.append((c, f"{c}-{p}", w, int(status[w]), y))
    full = pd.DataFrame(rows, columns=["council", "person", "wave", "status", "y"])
    drop = (full["wave"] > 0) & (rng.random(len(full)) < np.where(full["status"] == 1, 0.6, 0.1))
    drop &= ~full["person"].str.endswith("-0")  # one person per council stays: the status stays known
    as_nan = full.assign(y=full["y"].where(~drop))
    absent = as_nan.dropna(subset=["y"])
    kwargs = dict(formula="y ~ C(wave)", unit="council", subject="person", time="wave", family="binomial",
                  response_covariates=["status"], missing="ipw")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        a = longitudinal_model(as_nan, **kwargs).params
        b = longitudinal_model(absent, **kwargs).params
    assert a["estimate"].to_numpy() == pytest.approx(b["estimate"].to_numpy(), rel=1e-6)


def _reml_random_intercept(y, x, groups):
    """REML fit of y = X b + u_g + e, profiled over gamma = var(u) / var(e) (Harville 1977; the one-dimensional
    profile is maximised with scipy's bounded Brent search). Independent of statsmodels' MixedLM."""
    from scipy.optimize import minimize_scalar

    blocks = [(y[groups == g], x[groups == g]) for g in pd.unique(groups)]
    n, p = x.shape

    def fit(gamma):
        a, b, logdet_v = np.zeros((p, p)), np.zeros(p), 0.0
        for yi, xi in blocks:
            k = gamma / (1 + len(yi) * gamma)  # V_i^-1 = I - k 11'
            vx = xi - k * np.outer(np.ones(len(yi)), xi.sum(axis=0))
            a += xi.T @ vx
            b += vx.T @ yi
            logdet_v += np.log1p(len(yi) * gamma)
        beta = np.linalg.solve(a, b)
        q = 0.0
        for yi, xi in blocks:
            r = yi - xi @ beta
            q += r @ r - gamma / (1 + len(yi) * gamma) * r.sum() ** 2
        sigma2 = q / (n - p)
        loglik = -0.5 * ((n - p) * np.log(sigma2) + logdet_v + np.linalg.slogdet(a)[1])
        return loglik, beta, sigma2

    best = minimize_scalar(lambda g: -fit(np.exp(g))[0], bounds=(-20, 5), method="bounded",
                           options={"xatol": 1e-10})
    _, beta, sigma2 = fit(np.exp(best.x))
    return beta, np.exp(best.x) * sigma2


def test_a_mixed_model_whose_gradient_optimisers_fail_is_fitted_to_the_reml_maximum_without_a_warning():
    """The survey model of a 40-council synthetic study (seed 73058): statsmodels' MixedLM (0.14.0 and 0.15.0 alike)
    fails with bfgs, lbfgs and cg, and the report's caveats said 'The model did not converge cleanly'. The model is
    refitted with Powell's method, which converges; the estimates are checked against an independent REML fit.
    (The survey model now adds a random intercept per respondent, who answer at both waves; the council-only
    model that failed is fitted here by longitudinal_model without `subject`, and the survey model is checked
    against the nested REML of round 7.)"""
    from test_stats_crosscheck_round7 import _nested_reml

    from impact.effects import survey_effects
    from impact.stats import longitudinal_model
    from impact.synth import generate_with_truth

    study, _ = generate_with_truth(40, seed=73058, interviews_per_wave=1, words_per_interview=50)
    # the same model: each respondent's mean score per wave, a random intercept per council
    s = study.survey_responses.dropna(subset=["value"])
    d = s.groupby(["council_id", "respondent_id", "wave"])["value"].mean().reset_index()
    status = study.wave_status()[["council_id", "wave", "intervention"]]
    d = d.merge(status, on=["council_id", "wave"])
    d["later"] = (d["wave"] == "longer_term").astype(float)
    d["in_intervention"] = d["intervention"].isin(["notice", "direction"]).astype(float)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        council_only = longitudinal_model(d, formula="value ~ later + in_intervention", unit="council_id",
                                          method="mixed").params["estimate"]
        t = survey_effects(study)
    assert not [w for w in caught if "did not converge" in str(w.message)], [str(w.message) for w in caught]
    x = d[["later", "in_intervention"]].assign(one=1.0)[["one", "later", "in_intervention"]].to_numpy()
    beta, _ = _reml_random_intercept(d["value"].to_numpy(dtype=float), x, d["council_id"].to_numpy())
    # Within 1e-6 at the newest versions; at the oldest setup.cfg allows (statsmodels 0.14.0, `make test-min`) the
    # fallback stops 1.3e-4 from the maximum on these rows (measured 2026-12-01), still well inside the SE (0.05).
    assert council_only.to_numpy() == pytest.approx(beta, abs=5e-4)
    # (the reference reads plain floats: patsy before 1.0 cannot build a design from pandas' nullable Float64)
    nested = _nested_reml(d.assign(value=d["value"].to_numpy(dtype=float, na_value=np.nan)), "value ~ later + in_intervention", "council_id", "respondent_id")["estimate"]
    est = t.set_index("term")["estimate"]
    assert est["intercept"] == pytest.approx(nested["Intercept"], abs=2e-5)
    assert est.filter(like="longer_term").iloc[0] == pytest.approx(nested["later"], abs=2e-5)
    assert est["in_intervention"] == pytest.approx(nested["in_intervention"], abs=2e-5)


def test_independent_reml_matches_statsmodels_on_a_model_that_converges():
    """The REML helper above against statsmodels on a random-intercept model whose default fit converges cleanly."""
    rng = np.random.default_rng(4)
    groups = np.repeat(np.arange(30), 6)
    x = np.column_stack([np.ones(180), rng.normal(size=180), rng.integers(0, 2, 180)])
    y = x @ [1.0, 0.5, -0.3] + rng.normal(0, 0.7, 30)[groups] + rng.normal(size=180)
    beta, tau2 = _reml_random_intercept(y, x, groups)
    ref = sm.MixedLM(y, x, groups=groups).fit(reml=True)
    assert ref.converged
    assert beta == pytest.approx(ref.fe_params, abs=1e-5)
    assert tau2 == pytest.approx(float(ref.cov_re[0, 0]), rel=1e-3)



@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("structure", ["exchangeable", "independence"])
def test_a_separated_binomial_gee_is_said_not_raised(seed, structure):
    """No unit has the outcome at the first wave: the GEE's log-odds there run to minus infinity, and statsmodels
    can end the fit with NaN estimates (seed 2, exchangeable). The fit must end with its warning and note, not raise:
    the bias-reduced sandwich, which has no finite fit to correct, raised 'SVD did not converge' when it was first
    computed here, and the report then showed no model for that impact instead of Firth's."""
    n = 12
    rng = np.random.default_rng(seed)
    df = pd.DataFrame({"unit": np.repeat(np.arange(n), 3), "wave": np.tile(["a", "b", "c"], n)})
    df["s"] = (df["unit"] % 3 == 0).astype(int)
    df["y"] = np.where(df["wave"].eq("a"), 0, (rng.random(3 * n) < 0.5).astype(int))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        res = longitudinal_model(df, formula="y ~ C(wave) + s", unit="unit", family="binomial", cov_struct=structure)
    said = " ".join(str(w.message) for w in caught)
    assert "separation" in said or "no finite estimates" in said, said
    assert any("separation" in note or "no finite" in note for note in res.notes), res.notes


def test_a_term_resting_on_one_council_neither_raises_nor_leaks_numpy_warnings():
    """Five councils, the only one with status 1 (council 3), a binary outcome drawn at random (30 seeds). statsmodels'
    own bias-reduced covariance solves with I - H_ii, singular for that council: at seed 29 the fit raised 'Singular
    matrix', and at 10 seeds reading its standard errors leaked numpy's 'invalid value encountered in sqrt' (a
    negative variance), which the report printed among its caveats as 'Runtime: invalid value encountered in sqrt'.
    Each fit now ends with the status term's standard error not identified, said in words, and no RuntimeWarning."""
    from impact.stats import NotIdentifiedWarning

    n_said = 0
    for seed in range(30):
        rng = np.random.default_rng(seed)
        df = pd.DataFrame({"unit": np.repeat(np.arange(5), 3), "wave": np.tile(["a", "b", "c"], 5)})
        df["status"] = (df["unit"] == 3).astype(int)
        df["y"] = (rng.random(15) < 0.5).astype(int)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            res = longitudinal_model(df, formula="y ~ C(wave) + status", unit="unit", family="binomial")
        leaked = [str(w.message) for w in caught if issubclass(w.category, RuntimeWarning)]
        assert not leaked, (seed, leaked)
        if np.isfinite(res.params.loc["status", "estimate"]):
            assert np.isnan(res.params.loc["status", "se"]), seed
            n_said += any(issubclass(w.category, NotIdentifiedWarning) for w in caught)
    assert n_said >= 20


def test_a_mixed_model_contrast_is_the_refit_with_the_status_coded_the_other_way_round(rng):
    """``mixed_contrasts`` (speed10): the wave term plus its interaction with a 0/1 status is the wave term of the
    same model with the status reversed, so the change within the group coded 1 is read from one fit. Checked against
    that refit (the way :func:`impact.effects.survey_change_by_status` computed it before): estimate, standard error,
    Satterthwaite df and p-value, with respondents nested in units (planted: 14 councils, 3 waves, a change of 0.3 in
    the status-0 group and 0.7 in the status-1 group)."""
    from impact.stats._models import mixed_contrasts

    rows = []
    for unit in range(14):
        status, u = unit % 2, rng.normal(0, 0.4)
        for subject in range(4):
            s = rng.normal(0, 0.3)
            for w, wave in enumerate(["a", "b", "c"]):
                if rng.random() < 0.8:
                    change = (0.3 + 0.4 * status) * (w > 0)
                    rows.append({"unit": f"u{unit}", "subject": f"s{subject}", "wave": wave, "g": status,
                                 "y": 3 + 0.2 * status + change + u + s + rng.normal(0, 0.5)})
    data = pd.DataFrame(rows).assign(h=lambda d: 1 - d["g"])
    kw = dict(unit="unit", time="wave", subject="subject", method="mixed", family="gaussian")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fit = longitudinal_model(data, formula="y ~ C(wave) * g", **kw)
        refit = longitudinal_model(data, formula="y ~ C(wave) * h", **kw)
    got = mixed_contrasts(fit, {w: {f"C(wave)[T.{w}]": 1.0, f"C(wave)[T.{w}]:g": 1.0} for w in ("b", "c")})
    for w in ("b", "c"):
        want = refit.params.loc[f"C(wave)[T.{w}]"]
        for col, rel in (("estimate", 1e-5), ("se", 1e-5), ("df", 1e-4), ("p_value", 1e-4), ("ci_low", 1e-5)):
            assert got.loc[w, col] == pytest.approx(want[col], rel=rel), (w, col)
    # and the model's own terms are untouched: a contrast of one term is that term
    one = mixed_contrasts(fit, {"g": {"g": 1.0}})
    assert one.loc["g", ["estimate", "se", "df", "p_value"]].to_numpy() == pytest.approx(
        fit.params.loc["g", ["estimate", "se", "df", "p_value"]].to_numpy(dtype=float), rel=1e-12)


def _council_wave_panel(seed: int, councils: int, waves: int, respondents: int, cell_sd: float) -> pd.DataFrame:
    """A balanced survey: every respondent of every council answers at every wave; council, respondent and
    council-by-wave effects and a residual, as the survey model assumes."""
    rng = np.random.default_rng(seed)
    rows = []
    for c in range(councils):
        u, s = rng.normal(0, 1.0), rng.normal(0, 0.3, respondents)
        for w in range(waves):
            v = rng.normal(0, cell_sd)
            for r in range(respondents):
                rows.append({"council": f"c{c}", "resp": f"r{r}", "wave": f"w{w}",
                             "score": 3 + 0.2 * w + u + v + s[r] + rng.normal(0, 0.4)})
    return pd.DataFrame(rows)


@pytest.mark.parametrize("waves", [2, 3])
def test_mixed_council_by_wave_is_the_councils_split_plot(waves):
    # With council, council-by-wave and respondent effects, the REML fit of a balanced design gives the analysis of
    # variance estimates of the variances when they are positive, and the wave contrast is then the split-plot test
    # on the council-by-wave cell means: with two waves the paired t test of the councils' mean changes (councils - 1
    # df), with three the contrast of two waves' means with SE sqrt(2 MS / councils) on (councils - 1)(waves - 1) df,
    # MS the council-by-wave mean square of the cell means. Before stats16 the wave was tested within councils
    # (respondent-by-wave df, 56 and 112 here), as if councils' scores could not move apart between waves.
    councils, respondents = 8, 4
    data = _council_wave_panel(61 + waves, councils, waves, respondents, cell_sd=0.6)
    means = data.groupby(["council", "wave"])["score"].mean().unstack()  # councils x waves
    # the identity holds where every variance is estimated inside the parameter space (analysis of variance)
    resid = means - means.mean(axis=1).to_numpy()[:, None] - means.mean(axis=0).to_numpy() + means.to_numpy().mean()
    ms_cells = float((resid ** 2).to_numpy().sum()) / ((councils - 1) * (waves - 1))
    within = data.groupby(["council", "resp"])["score"].transform("mean") + data.groupby(
        ["council", "wave"])["score"].transform("mean") - data.groupby("council")["score"].transform("mean")
    ms_error = float(((data["score"] - within) ** 2).sum()) / (councils * (respondents - 1) * (waves - 1))
    assert respondents * ms_cells > ms_error  # council-by-wave variance positive
    res = longitudinal_model(data, formula="score ~ C(wave)", unit="council", time="wave", subject="resp",
                             method="mixed")
    row = res.params.loc["C(wave)[T.w1]"]
    change = means["w1"] - means["w0"]
    if waves == 2:
        t = stats.ttest_rel(means["w1"], means["w0"])
        want_se, want_df, want_p = float(change.std(ddof=1) / np.sqrt(councils)), councils - 1, float(t.pvalue)
    else:
        want_se, want_df = np.sqrt(2 * ms_cells / councils), (councils - 1) * (waves - 1)
        want_p = float(2 * stats.t.sf(abs(change.mean()) / want_se, want_df))
    assert row["estimate"] == pytest.approx(change.mean(), rel=1e-6)
    assert row["se"] == pytest.approx(want_se, rel=1e-4)
    assert row["df"] == pytest.approx(want_df, rel=1e-3)
    assert row["p_value"] == pytest.approx(want_p, rel=1e-3)
    assert "unit_time_sd" in res.variance_components.index
    assert res.formula.endswith("+ (1 | council:wave)")


def test_mixed_council_by_wave_at_zero_is_kept_and_said():
    # Noise summing to zero within every council-wave cell: the cell means are exactly council + wave, so the
    # council-by-wave variance's REML estimate is zero (the boundary) and the wave term the planted 0.3 exactly.
    rng = np.random.default_rng(5)
    rows = []
    for c in range(10):
        u = rng.normal(0, 1.0)
        for w in range(2):
            e = rng.normal(0, 0.5, 5)
            for r, noise in enumerate(e - e.mean()):
                rows.append({"council": f"c{c}", "resp": f"r{c}-{w}-{r}", "wave": w, "score": 3 + 0.3 * w + u + noise})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # statsmodels' Hessian at the boundary
        res = longitudinal_model(pd.DataFrame(rows), formula="score ~ C(wave)", unit="council", time="wave",
                                 subject="resp", method="mixed")
    assert res.params.loc["C(wave)[T.1]", "estimate"] == pytest.approx(0.3, abs=1e-8)
    assert res.variance_components.loc["unit_time_sd", "estimate"] < 1e-3
    assert any(n.startswith("council-by-wave variance estimated near zero") for n in res.notes)
    assert any("council-by-wave variance being estimated at zero" in n for n in res.notes)
    assert np.isfinite(res.params["df"]).all()


def test_mixed_council_by_wave_left_out_where_not_estimable():
    # One row per council and wave: the residual is the council-by-wave variation, nothing to add. Two councils of
    # fixed status with the wave-by-status interaction: the 4 cells are used up by the councils and fixed effects.
    rng = np.random.default_rng(9)
    one = pd.DataFrame({"council": np.repeat(np.arange(12), 2), "wave": np.tile([0, 1], 12)})
    one["score"] = rng.normal(size=len(one))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = longitudinal_model(one, formula="score ~ C(wave)", unit="council", time="wave", method="mixed")
    assert "unit_time_sd" not in res.variance_components.index
    two = pd.DataFrame({"council": np.repeat([0, 1], 10), "wave": np.tile(np.repeat([0, 1], 5), 2)})
    two["status"] = two["council"]
    two["score"] = rng.normal(size=len(two))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = longitudinal_model(two, formula="score ~ C(wave) * status", unit="council", time="wave",
                                 method="mixed")
    assert "unit_time_sd" not in res.variance_components.index
    assert any(n.startswith("no council-by-wave random effect: the 4 cells") for n in res.notes)

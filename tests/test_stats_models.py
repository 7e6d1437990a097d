"""Tests of impact.stats.longitudinal_model against published results."""

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
import statsmodels.formula.api as smf
from scipy import stats

from impact.errors import SmallSampleWarning
from impact.stats import longitudinal_model


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
    assert p.loc["Days", "df"] == 16  # t with units - fixed parameters
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
    with pytest.raises(ValueError, match=r"`method` must be one of \['gee', 'mixed', 'ordinal'\], but 'glmm'"):
        longitudinal_model(df, formula="likert ~ x", unit="council_id", method="glmm")
    with pytest.raises(ValueError, match=r"'region' \(from `unit`\), 'status' \(from `group`\)"):
        longitudinal_model(df, outcome="likert", unit="region", group="status")
    with pytest.raises(ValueError, match="gaussian outcomes only"):
        longitudinal_model(df, formula="likert ~ x", unit="council_id", method="mixed", family="binomial")
    with pytest.warns(SmallSampleWarning, match="< 10"):
        longitudinal_model(df[df.council_id < 6], formula="x ~ likert", unit="council_id")

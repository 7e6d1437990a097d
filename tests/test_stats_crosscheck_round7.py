"""Independent cross-checks of the statistics, round 7: the survey model's random intercept per respondent nested in
councils, against statsmodels' MixedLM with a variance component, a REML likelihood written here (estimates, variance
components, standard errors and Satterthwaite df by numerical differentiation) and the error strata of a balanced
nested design."""

import warnings

import numpy as np
import pandas as pd
import patsy
import pytest
from scipy import optimize
from test_stats_crosscheck_round4 import _survey_scores

from impact.effects import survey_effects
from impact.stats import longitudinal_model
from impact.synth import generate_with_truth

FORMULA = "score ~ later + in_intervention"


def _nested_reml(frame: pd.DataFrame, formula: str, unit: str, subject: str) -> dict:
    """REML of ``y = X b + u_unit + v_subject(unit) + e`` written with numpy and scipy only.

    Each unit's block ``V_g = s2 I + tau_u 1 1' + tau_s R_g R_g'`` (``R_g`` the subject indicators within the unit)
    is formed densely; ``-2 l_R = sum log|V_g| + log|X' V^-1 X| + r' V^-1 r`` is minimised over the logs of the three
    variances (Nelder-Mead from a grid start, then BFGS). The fixed-effect covariance is ``(X' V^-1 X)^-1`` and the
    Satterthwaite df of each coefficient ``2 v^2 / (g' H^-1 g)`` with the Hessian ``H`` of ``-l_R`` and the gradient
    ``g`` of its variance taken by central differences in the log-variances (other parameters than the package's)."""
    y, x = patsy.dmatrices(formula, frame, return_type="dataframe")
    names, y, x = list(x.columns), y.to_numpy()[:, 0], x.to_numpy()
    blocks = []
    for _, rows in frame.groupby(unit, sort=False).indices.items():
        codes = pd.factorize(frame[subject].to_numpy()[rows])[0]
        same = (codes[:, None] == codes[None, :]).astype(float)
        blocks.append((rows, same))

    def pieces(theta):
        s2, tau_u, tau_s = np.exp(theta)
        info, xwy, logdet, solves = np.zeros((x.shape[1],) * 2), np.zeros(x.shape[1]), 0.0, []
        for rows, same in blocks:
            v = s2 * np.eye(len(rows)) + tau_u + tau_s * same
            inv = np.linalg.inv(v)
            logdet += np.linalg.slogdet(v)[1]
            info += x[rows].T @ inv @ x[rows]
            xwy += x[rows].T @ inv @ y[rows]
            solves.append(inv)
        c = np.linalg.inv(info)
        r = y - x @ (c @ xwy)
        quad = sum(r[rows] @ inv @ r[rows] for (rows, _), inv in zip(blocks, solves))
        return 0.5 * (logdet - np.linalg.slogdet(c)[1] + quad), c, c @ xwy

    start = min((np.log([a, b, c]) for a in (0.1, 0.3) for b in (0.02, 0.1) for c in (0.02, 0.1, 0.3)),
                key=lambda t: pieces(t)[0])
    best = optimize.minimize(lambda t: pieces(t)[0], start, method="Nelder-Mead",
                             options={"xatol": 1e-8, "fatol": 1e-10, "maxiter": 4000})
    best = optimize.minimize(lambda t: pieces(t)[0], best.x, method="BFGS", options={"gtol": 1e-8})
    theta = best.x
    _, c, beta = pieces(theta)
    h = 1e-3
    steps = np.eye(3) * h
    hessian = np.array([[(pieces(theta + a + b)[0] - pieces(theta + a - b)[0] - pieces(theta - a + b)[0]
                          + pieces(theta - a - b)[0]) / (4 * h * h) for b in steps] for a in steps])
    gradient = np.array([(np.diag(pieces(theta + a)[1]) - np.diag(pieces(theta - a)[1])) / (2 * h) for a in steps])
    df = 2 * np.diag(c) ** 2 / np.einsum("it,ij,jt->t", gradient, np.linalg.inv(hessian), gradient)
    s2, tau_u, tau_s = np.exp(theta)
    return {"estimate": pd.Series(beta, index=names), "se": pd.Series(np.sqrt(np.diag(c)), index=names),
            "df": pd.Series(df, index=names), "residual_sd": np.sqrt(s2), "unit_sd": np.sqrt(tau_u),
            "subject_sd": np.sqrt(tau_s)}


def _fit(frame: pd.DataFrame, formula: str = FORMULA, **kwargs):
    kwargs = {"unit": "council_id", "time": "wave", "subject": "respondent_id", "method": "mixed", **kwargs}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return longitudinal_model(frame, formula=formula, **kwargs)


@pytest.fixture(scope="module")
def study40():
    """The 40-council synthetic study of seed 3: 1,422 respondents, 624 of them answering at both waves."""
    study, _ = generate_with_truth(40, seed=3, interviews_per_wave=1, words_per_interview=50)
    return study


def test_respondents_repeating_across_waves_get_a_variance_component_that_matches_statsmodels_vc_formula(study40):
    """Against statsmodels' own formula interface for a variance component (REML):
    ``mixedlm(score ~ later + in_intervention, groups=council_id, re_formula="1",
    vc_formula={"respondent": "0 + C(respondent_id)"})``. re_formula="1" matters: with a vc_formula and no
    re_formula statsmodels drops the council intercept, and the respondent variance then takes up the council's
    too (0.251 = 0.087 + 0.164 here)."""
    import statsmodels.formula.api as smf

    scores = _survey_scores(study40)
    repeated = scores.groupby(["council_id", "respondent_id"])["wave"].nunique().gt(1)
    assert (int(repeated.sum()), len(repeated)) == (624, 1422)
    # the council-by-wave component (stats16) left out: the reference is the respondent-only model
    res = _fit(scores, unit_by_time=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ref = smf.mixedlm(FORMULA, scores, groups=scores["council_id"], re_formula="1",
                          vc_formula={"respondent": "0 + C(respondent_id)"}).fit(reml=True)
    p, vc = res.params, res.variance_components["estimate"]
    assert p["estimate"].to_numpy() == pytest.approx(ref.fe_params.to_numpy(), abs=1e-5)
    assert vc["unit_intercept_sd"] ** 2 == pytest.approx(float(ref.cov_re.iloc[0, 0]), rel=1e-3)
    assert vc["subject_intercept_sd"] ** 2 == pytest.approx(float(ref.vcomp[0]), rel=1e-3)
    assert vc["residual_sd"] ** 2 == pytest.approx(float(ref.scale), rel=1e-4)
    # statsmodels' bse_fe inverts the joint information of fixed effects and variances (round 4): within 0.2% here
    assert p["se"].to_numpy() == pytest.approx(ref.bse_fe.to_numpy(), rel=2e-3)
    assert any(n.startswith("random intercept per respondent_id nested in council_id: 624 of 1422 respondent_ids "
                            "answer at more than one wave") for n in res.notes), res.notes
    assert res.formula.endswith("+ (1 | council_id) + (1 | council_id:respondent_id)")
    # the respondent effect is real here and changes the standard errors of the wave and the status
    plain = _fit(scores, subject=None, unit_by_time=False).params
    assert p.loc["later", "se"] < 0.9 * plain.loc["later", "se"]
    assert p.loc["in_intervention", "se"] < 0.9 * plain.loc["in_intervention", "se"]


@pytest.mark.parametrize(("n_councils", "seed"), [(12, 90419), (40, 3)])
def test_nested_model_matches_an_independent_reml_fit_and_its_numerical_satterthwaite_df(n_councils, seed):
    study, _ = generate_with_truth(n_councils, seed=seed, interviews_per_wave=1, words_per_interview=50)
    scores = _survey_scores(study)
    ref = _nested_reml(scores, FORMULA, "council_id", "respondent_id")
    res = _fit(scores, unit_by_time=False)  # the model _nested_reml writes out (no council-by-wave component)
    p, vc = res.params, res.variance_components["estimate"]
    assert p["estimate"].to_numpy() == pytest.approx(ref["estimate"].to_numpy(), abs=2e-5)
    assert p["se"].to_numpy() == pytest.approx(ref["se"].to_numpy(), rel=5e-4)
    assert vc["unit_intercept_sd"] == pytest.approx(ref["unit_sd"], abs=5e-4)
    assert vc["subject_intercept_sd"] == pytest.approx(ref["subject_sd"], abs=5e-4)
    assert vc["residual_sd"] == pytest.approx(ref["residual_sd"], abs=5e-5)
    assert p["df"].to_numpy() == pytest.approx(ref["df"].to_numpy(), rel=3e-3)
    # the survey model of the study is this model with the council-by-wave component (C(wave) is `later` with two
    # waves)
    got = survey_effects(study).set_index("term")
    full = _fit(scores).params
    assert got["estimate"].to_numpy() == pytest.approx(full["estimate"].to_numpy(), abs=1e-6)
    assert got["se"].to_numpy() == pytest.approx(full["se"].to_numpy(), rel=1e-6)
    assert any("respondent_id nested in council_id" in n for n in got.attrs["notes"])


def _balanced_nested(seed: int, n_councils: int, n_respondents: int, n_waves: int) -> pd.DataFrame:
    """Councils in two status groups, respondents within councils, every respondent at every wave."""
    rng = np.random.default_rng(seed)
    council = np.repeat(np.arange(n_councils), n_respondents * n_waves)
    respondent = np.repeat(np.arange(n_councils * n_respondents), n_waves)
    wave = np.tile(np.arange(n_waves), n_councils * n_respondents)
    group = council % 2
    score = (3 + 0.2 * wave + 0.3 * group + rng.normal(0, 0.8, n_councils)[council]
             + rng.normal(0, 0.6, n_councils * n_respondents)[respondent] + rng.normal(0, 0.5, len(council)))
    # respondent ids restart in each council: nested ids, told apart by their council
    return pd.DataFrame({"council_id": council, "respondent_id": respondent % n_respondents, "wave": wave,
                         "group": group, "score": score})


@pytest.mark.parametrize(("seed", "n_councils", "n_respondents", "n_waves"), [(1, 8, 4, 2), (2, 10, 3, 3)])
def test_balanced_nested_design_has_the_error_strata_df(seed, n_councils, n_respondents, n_waves):
    """In a balanced design with councils, respondents within councils and waves within respondents, the
    Satterthwaite df are the error df of the strata (exact, whatever the variances inside the parameter space):
    a council-level term councils - groups, a wave term (respondents - 1)(waves - 1) (the respondent x wave
    residual after the wave means, with no group x wave term)."""
    d = _balanced_nested(seed, n_councils, n_respondents, n_waves)
    res = _fit(d, "score ~ C(wave) + C(group)", unit_by_time=False)  # with it the wave has council strata df
    vc = res.variance_components["estimate"]
    assert vc["unit_intercept_sd"] > 0.1 and vc["subject_intercept_sd"] > 0.1
    p = res.params
    assert p.loc["C(group)[T.1]", "df"] == pytest.approx(n_councils - 2, rel=1e-4)
    for w in range(1, n_waves):
        assert p.loc[f"C(wave)[T.{w}]", "df"] == pytest.approx((n_councils * n_respondents - 1) * (n_waves - 1),
                                                              rel=1e-4)
    # the nested ids: respondent 0 of council 0 and of council 1 are different people
    assert p["estimate"].to_numpy() == pytest.approx(
        _nested_reml(d, "score ~ C(wave) + C(group)", "council_id", "respondent_id")["estimate"].to_numpy(), abs=2e-5)


def test_respondents_answering_once_get_no_respondent_effect_and_the_notes_say_so():
    """A cross-sectional survey (new respondents at each wave): the respondent effect could not be told from the
    residual, so the model is the council-only one, as fitted without `subject`."""
    d = _balanced_nested(5, 10, 4, 2)
    d["respondent_id"] = d["respondent_id"] * 10 + d["wave"]  # a new respondent at each wave
    res = _fit(d, "score ~ C(wave) + C(group)")
    plain = _fit(d, "score ~ C(wave) + C(group)", subject=None)
    assert "subject_intercept_sd" not in res.variance_components.index
    pd.testing.assert_frame_equal(res.params, plain.params)
    assert "no respondent_id answers at more than one wave (80 in all): no respondent_id random effect (it could not "\
           "be told from the residual)" in res.notes


def test_a_random_slope_with_repeated_subjects_is_refused():
    d = _balanced_nested(6, 8, 3, 3)
    with pytest.raises(ValueError, match="`random_slope=True` with repeated `subject`"):
        _fit(d, "score ~ wave", random_slope=True)

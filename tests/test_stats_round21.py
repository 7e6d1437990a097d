"""Statistics round 21: the longitudinal models' weighted path (``missing="ipw"``) cross-checked.

* the weights against the response model the docs describe, fitted here by Newton-Raphson in numpy (a logistic model
  of response on the wave, the `response_covariates` and their interactions with the wave, covariates of a missing
  subject-wave taken from the council's other rows at that wave or the subject's constant value);
* the weighted GEE against statsmodels' GEE given those weights on a design built here, and its Mancl-DeRouen errors
  against the bias-reduced sandwich with weights written here;
* in the simple case (response on wave x status), the weighted prevalence and mean against the post-stratified
  share by hand: each status's observed share weighted by its share of the subjects expected at the wave;
* `n_obs` (rows) beside `n_effective` (Kish's effective n, (sum w)^2 / sum w^2) in the results, the sensitivity
  tables and the summary;
* planted attrition that depends on intervention status (``impact.synth``'s `participant_missing_in_intervention`):
  complete cases are biased and the weighted fit recovers the planted prevalence (bench/ipw_check.py: ~200 studies).
"""

import warnings

import numpy as np
import pandas as pd
import pytest
from scipy import stats
from statsmodels.genmod import cov_struct as sm_cov
from statsmodels.genmod import families as sm_families
from statsmodels.genmod.generalized_estimating_equations import GEE

from impact.stats import attrition_sensitivity, longitudinal_model


def _expit(z):
    return 1 / (1 + np.exp(-z))


def _logistic_mle(x: np.ndarray, r: np.ndarray) -> np.ndarray:
    """Maximum-likelihood logistic regression by Newton-Raphson (written here, not statsmodels'): fitted p."""
    beta = np.zeros(x.shape[1])
    for _ in range(100):
        p = _expit(x @ beta)
        step = np.linalg.solve(x.T @ (x * (p * (1 - p))[:, None]), x.T @ (r - p))
        beta += step
        if np.abs(step).max() < 1e-13:
            break
    return _expit(x @ beta)


@pytest.fixture(scope="module")
def participants():
    """30 councils x 3 participants x 3 waves. Council status changes between waves; each participant has a
    constant baseline covariate `x`. The outcome depends on both; response falls with status at the later waves
    and with `x`. A missed later interview is sometimes a row with no outcome, sometimes no row at all (its status
    then comes from the council's other rows at that wave, its `x` from the participant's other rows)."""
    rng = np.random.default_rng(2126)
    n_c, n_p, n_w = 30, 3, 3
    council = np.repeat(np.arange(n_c), n_p * n_w)
    person = np.repeat(np.arange(n_c * n_p), n_w)
    wave = np.tile(np.arange(n_w), n_c * n_p)
    status_cw = (rng.random((n_c, n_w)) < np.array([0.3, 0.45, 0.5])).astype(int)
    status = status_cw[council, wave]
    x = np.repeat(rng.normal(0, 1, n_c * n_p), n_w)
    y = (rng.random(len(wave)) < _expit(-0.5 + 0.4 * wave + 1.2 * status + 0.6 * x
                                        + np.repeat(rng.normal(0, 0.5, n_c * n_p), n_w))).astype(float)
    respond = _expit(2.0 - 0.6 * wave - 1.0 * status * (wave > 0) - 0.5 * x)
    responded = rng.random(len(wave)) < respond
    first = (np.arange(len(wave)) % (n_p * n_w)) < n_w  # each council's first participant always answers
    responded |= first
    full = pd.DataFrame({"council": council, "person": [f"p{i:03d}" for i in person], "wave": wave, "status": status,
                         "x": x, "y": y})
    data = full.assign(y=full["y"].where(responded))
    # half the missed later interviews have no row at all (each participant keeps the first wave's row: one never
    # seen is not known to the study)
    absent = ~responded & (wave > 0) & (rng.random(len(wave)) < 0.5)
    data = data[~absent].sample(frac=1.0, random_state=5)  # rows in any order, labels kept
    data.index = data.index + 1000
    return full, responded, data


def _response_design(full: pd.DataFrame) -> np.ndarray:
    """[1, wave dummies, status, x, status and x each times the wave dummies]: the model the docs describe."""
    w = np.column_stack([full["wave"] == 1, full["wave"] == 2]).astype(float)
    s, x = full["status"].to_numpy(float)[:, None], full["x"].to_numpy(float)[:, None]
    return np.column_stack([np.ones(len(full)), w, s, s * w, x, x * w])


def _fit_ipw(data, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return longitudinal_model(data, formula="y ~ C(wave) + status", unit="council", subject="person", time="wave",
                                  family="binomial", missing="ipw", response_covariates=["status", "x"], **kwargs)


def test_weights_are_mean_response_over_the_maximum_likelihood_response_probability(participants):
    full, responded, data = participants
    res = _fit_ipw(data)
    p = _logistic_mle(_response_design(full), responded.astype(float))
    hand = pd.Series(responded.mean() / p, index=full.index + 1000)[responded]
    # every answered interview is weighted, by the label of the caller's row
    assert sorted(res.weights.index) == sorted(hand.index)
    np.testing.assert_allclose(res.weights.loc[hand.index].to_numpy(), hand.to_numpy(), rtol=1e-7)
    # what the fit was given, row by row (the GEE's own weights, in its order)
    np.testing.assert_allclose(np.asarray(res.fit_result.model.weights), res.weights.to_numpy(), rtol=0, atol=0)
    # rows (not the sum of the weights) and Kish's effective n of the same weights
    assert res.n_obs == int(responded.sum())
    assert res.n_effective == pytest.approx(hand.sum() ** 2 / (hand ** 2).sum(), rel=1e-7)
    assert res.n_effective < res.n_obs


def test_weighted_gee_is_statsmodels_gee_with_those_weights_and_a_weighted_bias_reduced_sandwich(participants):
    full, responded, data = participants
    p = _logistic_mle(_response_design(full), responded.astype(float))
    rows = full[responded]
    w = (responded.mean() / p)[responded]
    x = np.column_stack([np.ones(len(rows)), rows["wave"] == 1, rows["wave"] == 2, rows["status"]]).astype(float)
    y, g = rows["y"].to_numpy(), rows["council"].to_numpy()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sm = GEE(y, x, groups=g, family=sm_families.Binomial(), cov_struct=sm_cov.Independence(),
                 weights=w).fit(cov_type="robust")
    robust = _fit_ipw(data, small_sample=False)
    corrected = _fit_ipw(data)
    np.testing.assert_allclose(robust.params["estimate"].to_numpy(), sm.params, rtol=1e-6)
    np.testing.assert_allclose(corrected.params["estimate"].to_numpy(), sm.params, rtol=1e-6)
    np.testing.assert_allclose(robust.params["se"].to_numpy(), sm.bse, rtol=1e-6)
    # Mancl and DeRouen (2001) with weights, logit link, working independence: D_i = diag(v_i) X_i, V_i = diag(v_i),
    # B = sum X_i' W_i diag(v_i) X_i, H_ii = diag(v_i) X_i B^-1 X_i' W_i, meat from X_i' W_i (I - H_ii)^-1 r_i
    beta = np.asarray(sm.params)
    mu = _expit(x @ beta)
    v = mu * (1 - mu)
    bread = np.linalg.inv(x.T @ (x * (w * v)[:, None]))
    meat = np.zeros((4, 4))
    for c in np.unique(g):
        i = g == c
        xw = x[i] * w[i][:, None]
        h = (x[i] * v[i][:, None]) @ bread @ xw.T
        score = xw.T @ np.linalg.solve(np.eye(int(i.sum())) - h, y[i] - mu[i])
        meat += np.outer(score, score)
    se = np.sqrt(np.diag(bread @ meat @ bread))
    np.testing.assert_allclose(corrected.params["se"].to_numpy(), se, rtol=1e-6)
    # t with councils - parameters df for the interval
    crit = stats.t.ppf(0.975, 30 - 4)
    np.testing.assert_allclose(corrected.params["ci_high"].to_numpy(), sm.params + crit * se, rtol=1e-6)
    assert corrected.params["df"].eq(26).all()


@pytest.mark.parametrize("family", ["binomial", "gaussian"])
def test_the_cell_model_weighted_prevalence_is_the_post_stratified_share(participants, family):
    """Response on wave x status: each subject-wave's weight is the inverse of its cell's share answering, so the
    weighted share at a wave is the answering share of each status, weighted by that status's share of the
    subjects expected at the wave (Hajek's estimator); the weights sum to the rows."""
    full, responded, data = participants
    outcome = full["y"] if family == "binomial" else full["y"] * 3 + full["x"]
    data = data.assign(y=data["y"] if family == "binomial" else data["y"] * 3 + data["x"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = longitudinal_model(data, formula="y ~ C(wave)", unit="council", subject="person", time="wave",
                                 family=family, missing="ipw", response_covariates=["status"])
    est = res.params["estimate"].to_numpy()
    fitted = est[0] + np.r_[0.0, est[1:]]
    fitted = _expit(fitted) if family == "binomial" else fitted
    for k in range(3):
        at = full["wave"].to_numpy() == k
        shares = [(at & (full["status"] == s)).sum() / at.sum() for s in (0, 1)]
        means = [outcome[at & (full["status"] == s) & responded].mean() for s in (0, 1)]
        hand = shares[0] * means[0] + shares[1] * means[1]
        assert fitted[k] == pytest.approx(hand, rel=1e-9)
    assert res.weights.sum() == pytest.approx(res.n_obs, rel=1e-9)
    # Kish's n of the cell weights: N^2 / sum over cells of N_c^2 / n_c (N_c expected, n_c answering)
    cell = full["wave"].to_numpy() * 2 + full["status"].to_numpy()
    big, small = np.bincount(cell), np.bincount(cell, weights=responded)
    assert res.n_effective == pytest.approx(len(full) ** 2 / np.sum(big ** 2 / small), rel=1e-9)


def test_the_summary_and_the_sensitivity_table_state_rows_and_effective_n(participants):
    full, responded, data = participants
    res = _fit_ipw(data)
    w = res.weights.to_numpy()
    kish = w.sum() ** 2 / (w ** 2).sum()
    assert f"Effective n (Kish):       {kish:.1f} (weights summing to {w.sum():.1f})" in str(res.summary())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        table = attrition_sensitivity(data, methods=("complete", "ipw"), formula="y ~ C(wave) + status",
                                      unit="council", subject="person", time="wave", family="binomial",
                                      response_covariates=["status", "x"])
    by = table.drop_duplicates("missing").set_index("missing")
    assert by.loc["complete", "n_obs"] == by.loc["ipw", "n_obs"] == int(responded.sum())
    assert by.loc["complete", "n_effective"] == int(responded.sum())  # equal weights: Kish's n is the rows
    assert by.loc["ipw", "n_effective"] == pytest.approx(kish, rel=1e-12)


# ---------------------------------------------------------------------------------------------------------------
# planted attrition that depends on intervention status (impact.synth), bench/ipw_check.py over ~200 studies


@pytest.fixture(scope="module")
def planted():
    """One generated study of 60 councils x 4 participants, half of the councils in intervention throughout,
    'partnership' 3.0 log-odds higher there, and their participants missing 80% of the later interviews (5%
    elsewhere)."""
    from bench.ipw_check import planted_panel

    return planted_panel(2121, n_councils=60, missing_in={"early": 0.8, "longer_term": 0.8}, log_odds=3.0,
                         intervention_paths={"never": 0.5, "throughout": 0.5})


def test_the_generator_plants_attrition_that_depends_on_status(planted):
    panel, _ = planted
    missed = panel["y"].isna().groupby([panel["wave"].astype(str), panel["in_intervention"]]).mean()
    # participants of councils in intervention miss most later interviews; the others few (5%, and those replaced
    # after leaving for good: 8% a wave, replaced 60% of the time)
    assert missed["longer_term", 1] > 0.7 and missed["early", 1] > 0.7
    assert missed["longer_term", 0] < 0.35 and missed["expectations", 1] < 0.35


def test_weighting_recovers_the_planted_prevalence_where_complete_cases_are_biased(planted):
    """The change in prevalence from the first wave, against its planted population value (bench/ipw_check.py
    computes it from the planted prevalences of each status, over the participants expected at each wave). Complete
    cases under working independence (the shares of those interviewed) under-state it: the later respondents are
    mostly from councils not in intervention, where the impact is rare. Over 10 other seeds of this design the
    complete-case bias averaged -0.41 to -0.87 and the weighted estimate's error 0.11 to 0.24, every interval
    covering."""
    from impact.stats import longitudinal_model

    panel, truth = planted
    terms = ["C(wave)[T.early]", "C(wave)[T.longer_term]"]
    kwargs = dict(formula="y ~ C(wave)", unit="council_id", subject="participant_id", time="wave", family="binomial")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        complete = longitudinal_model(panel, cov_struct="independence", **kwargs).params.loc[terms, "estimate"]
        ipw = longitudinal_model(panel, missing="ipw", response_covariates=["in_intervention"], **kwargs).params
    bias = (complete - truth[terms]).mean()
    error = (ipw.loc[terms, "estimate"] - truth[terms]).abs()
    assert bias < -0.35
    assert error.mean() < min(0.3, abs(bias) / 2)
    assert ((ipw.loc[terms, "ci_low"] < truth[terms]) & (truth[terms] < ipw.loc[terms, "ci_high"])).all()


def test_missing_in_intervention_leaves_a_default_study_as_it_was_and_refuses_bad_values():
    from impact.synth import generate_with_truth

    small = dict(seed=7, interviews_per_wave=3, words_per_interview=50)
    default, _ = generate_with_truth(4, **small)
    same, truth = generate_with_truth(4, participant_missing_in_intervention=0.08, **small)
    pd.testing.assert_frame_equal(default.interviews, same.interviews)
    assert truth.params["participant_missing_in_intervention"] == dict.fromkeys(
        ["expectations", "early", "longer_term"], 0.08)
    with pytest.raises(ValueError, match=r"names waves .* but \['late'\] was passed"):
        generate_with_truth(2, participant_missing_in_intervention={"late": 0.5}, **small)
    with pytest.raises(ValueError, match=r"participant_missing_in_intervention\['early'\]` must be a probability"):
        generate_with_truth(2, participant_missing_in_intervention={"early": 1.5}, **small)


def test_attrition_effects_states_rows_and_kish_n_of_the_response_weights():
    """:func:`impact.attrition_effects` (the report's sensitivity fits): every listed participant is expected at every
    wave; the response model is wave x status, so each answering participant-wave weighs (mean response) / (its
    cell's share answering) and Kish's n is N^2 / sum over cells of N_c^2 / n_c (N_c expected, n_c interviewed)."""
    from impact.codings import as_codings
    from impact.effects import attrition_effects
    from impact.panel import participant_panel
    from impact.synth import generate_with_truth

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        study, truth = generate_with_truth(24, seed=2124, interviews_per_wave=4, words_per_interview=60,
                                           participant_missing_in_intervention={"early": 0.5, "longer_term": 0.6})
        panel = participant_panel(study, as_codings(truth.coded(), study), codes=["partnership"])
        table = attrition_effects(panel, study, codes=["partnership"], waves=study.wave_ids)
    status = study.wave_status()[["council_id", "wave", "in_intervention"]].dropna()
    grid = (study.participants[["participant_id", "council_id"]].merge(pd.DataFrame({"wave": study.wave_ids}),
                                                                       how="cross").merge(status))
    held = set(zip(study.interviews["participant_id"], study.interviews["wave"], strict=True))
    grid["held"] = [(p, w) in held for p, w in zip(grid["participant_id"], grid["wave"], strict=True)]
    cells = grid.groupby(["wave", "in_intervention"])["held"].agg(["size", "sum"])
    kish = len(grid) ** 2 / (cells["size"] ** 2 / cells["sum"]).sum()
    rows = table.set_index("missing")
    assert rows.loc["complete", "n_obs"] == rows.loc["ipw", "n_obs"] == grid["held"].sum()
    assert rows.loc["complete", "n_effective"] == grid["held"].sum()
    assert rows.loc["ipw", "n_effective"] == pytest.approx(kish, rel=1e-6)

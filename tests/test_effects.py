"""Models of the main job: the intervention effect and its sensitivity to missed interviews (issue 16.6)."""

from __future__ import annotations

import warnings
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from impact.codings import as_codings
from impact.effects import attrition_effects, intervention_effects
from impact.panel import participant_panel
from impact.synth import generate_with_truth


@pytest.fixture(scope="module")
def planted():
    study, truth = generate_with_truth(30, seed=41, interviews_per_wave=3, words_per_interview=120)
    codes = ["commitment", "partnership"]
    panel = participant_panel(study, as_codings(truth.coded(), study), codes=codes)
    return study, panel, codes


def test_complete_cases_are_the_main_model_and_weighting_uses_the_missed_waves(planted):
    study, panel, codes = planted
    main = intervention_effects(panel, codes=codes, waves=study.wave_ids)
    main = main[main["term"] == "in_intervention"].set_index("code")
    sens = attrition_effects(panel, study, codes=codes, waves=study.wave_ids)
    assert set(sens["missing"]) == {"complete", "ipw"}
    complete = sens[sens["missing"] == "complete"].set_index("code")
    # the complete-case fit is the one the report shows, to numerical precision: the GEE, or Firth's where the main
    # model shows Firth's (round 8: the sensitivity compares like with like; it set the GEE beside Firth's estimate)
    assert (complete["estimator"] == main.loc[complete.index, "estimator"]).all()
    for col in ("estimate", "ci_low", "ci_high"):
        np.testing.assert_allclose(complete[col], main.loc[complete.index, col], rtol=0, atol=1e-7)
    # participants x waves minus the interviews held: the study misses some, so the weighted fit is a different fit
    n_grid = len(study.participants) * len(study.wave_ids)
    n_held = panel.drop_duplicates(["participant_id", "wave"]).shape[0]
    assert n_held < n_grid
    ipw = sens[sens["missing"] == "ipw"].set_index("code")
    assert (ipw["n_obs"] == complete["n_obs"]).all()
    assert not np.allclose(ipw["estimate"], complete["estimate"], atol=1e-6)
    assert (ipw["ci_low"] < ipw["estimate"]).all() and (ipw["estimate"] < ipw["ci_high"]).all()


def test_a_study_that_misses_no_interview_weights_nothing(planted):
    study, panel, codes = planted
    held = panel.drop_duplicates(["participant_id", "wave"])
    everyone = held.groupby("participant_id")["wave"].nunique() == len(study.wave_ids)
    full = panel[panel["participant_id"].isin(everyone[everyone].index)]
    parts = study.participants[study.participants["participant_id"].isin(full["participant_id"])]
    # the same study with only the participants interviewed at every wave (what attrition_effects reads of it)
    small = SimpleNamespace(participants=parts, wave_status=study.wave_status)
    sens = attrition_effects(full, small, codes=codes, waves=study.wave_ids)
    # nothing missed: only the complete-case fit is made (a weighting model has no missing row to learn from)
    assert set(sens["missing"]) == {"complete"}
    assert isinstance(sens, pd.DataFrame) and len(sens) == len(codes)


def test_survey_effects_leave_out_responses_whose_council_status_is_unknown():
    """A council with no interview and no review date at a wave has no known status there (wave_status gives NaN);
    the survey model counted its responses as 'not in intervention', where the impact models leave such rows out.
    Checked against statsmodels' MixedLM fitted to the responses with a known status only."""
    import statsmodels.formula.api as smf

    from impact.effects import survey_effects

    rng = np.random.default_rng(5)
    councils = [f"C{i}" for i in range(12)]
    waves = ["w1", "w2"]
    rows = [(c, f"{c}-r{r}", w, float(rng.normal(3 + 0.5 * (i < 6) + 0.3 * (w == "w2"), 1)))
            for i, c in enumerate(councils) for r in range(4) for w in waves]
    responses = pd.DataFrame(rows, columns=["council_id", "respondent_id", "wave", "value"])
    status = pd.DataFrame([(c, w, ("notice" if i < 6 else "none")) for i, c in enumerate(councils) for w in waves],
                          columns=["council_id", "wave", "intervention"])
    unknown = status["council_id"].isin(["C7", "C9"]) & (status["wave"] == "w2")  # no date: status not known
    status.loc[unknown, "intervention"] = np.nan
    study = SimpleNamespace(survey_responses=responses, wave_ids=waves, wave_status=lambda: status.copy())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # small-sample notes of the fit are not the point here
        got = survey_effects(study).set_index("term")
    known = responses.merge(status, on=["council_id", "wave"]).dropna(subset=["intervention"])
    known = known.assign(in_intervention=(known["intervention"] == "notice").astype(int))
    # the survey model: councils, respondents within them and councils at each wave random (stats16), statsmodels'
    # own vc_formula model fitted by Powell's method from its default fit
    model = smf.mixedlm("value ~ C(wave) + in_intervention", known, groups=known["council_id"], re_formula="1",
                        vc_formula={"respondent": "0 + C(respondent_id)", "council_wave": "0 + C(wave)"})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # statsmodels' default optimisers at the respondent variance's boundary
        ref = model.fit(reml=True)
        ref = model.fit(reml=True, method=["powell"], maxiter=5000, start_params=ref.params_object)
    assert got.loc["in_intervention", "n_obs"] == len(known) == len(responses) - 8
    # respondents answer at both waves, so the model nests them in councils; their variance is estimated at zero
    # (statsmodels' vc_formula model with Powell's method: 8e-11). The REML likelihood is flat there: fits within
    # 2e-8 of its maximum differ by up to 1e-5 in the estimate. The default optimisers stopped at 0.2708 (likelihood
    # 0.065 lower) before every mixed fit was polished. The council-only model (before stats16) gave 0.27754.
    assert got.attrs["notes"][0].startswith("random intercept per respondent_id nested in council_id")
    assert got.attrs["notes"][1].startswith("random intercept per council_id and wave")
    assert got.loc["in_intervention", "estimate"] == pytest.approx(ref.fe_params["in_intervention"], abs=2e-5)
    # the standard error is lme4's sigma^2 (X' V^-1 X)^-1 at statsmodels' REML estimates (Bates et al. 2015, eq. 54),
    # not statsmodels' bse_fe (joint observed information: 0.20845 here, 2% larger than 0.20403)
    x = np.column_stack([np.ones(len(known)), (known["wave"] == "w2").astype(float), known["in_intervention"]])
    info = np.zeros((3, 3))
    respondent, council_wave = (float(ref.vcomp[ref.model.exog_vc.names.index(k)]) for k in ("respondent",
                                                                                             "council_wave"))
    for _, rows in known.groupby("council_id").indices.items():
        same = {col: np.equal.outer(known[col].to_numpy()[rows], known[col].to_numpy()[rows]).astype(float)
                for col in ("respondent_id", "wave")}
        v = (float(ref.cov_re.iloc[0, 0]) + respondent * same["respondent_id"] + council_wave * same["wave"]
             + ref.scale * np.eye(len(rows)))
        info += x[rows].T @ np.linalg.solve(v, x[rows])
    se = np.sqrt(np.diag(np.linalg.inv(info)))
    assert got.loc["in_intervention", "se"] == pytest.approx(se[2], rel=1e-4)


def test_an_impact_whose_councils_are_all_in_one_status_is_modelled_on_wave_alone(planted):
    """The panel's councils taken as all out of intervention: the status term cannot be estimated, and the impact was
    left out altogether (no model of change). It is now fitted on wave alone, with a warning: no ``in_intervention``
    row, and wave terms equal to a statsmodels GEE of the same form (exchangeable, councils as clusters)."""
    import statsmodels.api as sm
    import statsmodels.formula.api as smf

    from impact.errors import ImpactWarning

    study, panel, codes = planted
    alike = panel.assign(status_group="no_intervention")
    with pytest.warns(ImpactWarning, match="fitted on wave alone: no council was in intervention when it was interviewed$"):
        m = intervention_effects(alike, codes=codes, waves=study.wave_ids)
    assert set(m["code"]) == set(codes) and "in_intervention" not in set(m["term"])
    for code in codes:
        d = alike[alike["code"] == code].assign(y=lambda x: x["reported"].astype(int),
                                                 wave=lambda x: pd.Categorical(x["wave"], categories=study.wave_ids))
        fit = smf.gee("y ~ C(wave)", groups="council_id", data=d, family=sm.families.Binomial(),
                      cov_struct=sm.cov_struct.Exchangeable()).fit()
        ours = m[m["code"] == code].set_index("term")
        for w in study.wave_ids[1:]:
            assert ours.loc[f"wave_{w}", "estimate"] == pytest.approx(fit.params[f"C(wave)[T.{w}]"], abs=1e-4)
        assert ours["n_units_intervention"].eq(0).all()


def test_models_raise_no_pandas_warning_a_report_would_print(planted):
    """The report prints the warnings of its analysis among its notes. Under pandas 2.2 (setup.cfg's floor) the check
    whether status varies within a wave grouped the categorical wave without ``observed=`` and pandas warned that the
    default changes (it did in pandas 3): the report carried that FutureWarning, 'observed=False' and all."""
    import warnings

    study, panel, codes = planted
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        intervention_effects(panel, codes=codes, waves=study.wave_ids)
    assert [str(w.message) for w in caught if issubclass(w.category, (FutureWarning, DeprecationWarning))
            and "pandas" in str(w.message) + w.filename] == []

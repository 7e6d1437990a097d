"""Independent cross-checks of the statistics, round 5: Satterthwaite degrees of freedom of the mixed model against
lmerTest's published output, the split-plot analysis of variance and numerical differentiation of a REML
likelihood written here."""

import warnings

import numpy as np
import pandas as pd
import patsy
import pytest
from scipy import stats
from test_stats_crosscheck_round4 import SURVEY_STUDIES, _reml, _survey_scores
from test_stats_models import sleepstudy  # noqa: F401 (a fixture, used by name)

from impact.stats import longitudinal_model
from impact.synth import generate_with_truth

# --------------------------------------------------------------------------------------------------
# 1. Satterthwaite degrees of freedom of the linear mixed model
# --------------------------------------------------------------------------------------------------


def test_mixed_model_df_are_lmertest_satterthwaite_df_on_sleepstudy(sleepstudy):  # noqa: F811
    # lmerTest 3.x (Kuznetsova, Brockhoff and Christensen 2017), summary() "t-tests use Satterthwaite's method":
    #   lmer(Reaction ~ Days + (1 | Subject), sleepstudy): (Intercept) SE 9.7467 df 22.8102; Days SE 0.8042 df 161.0000
    #   lmer(Reaction ~ Days + (Days | Subject), sleepstudy): (Intercept) df 17.000; Days SE 1.546 df 17.000 t 6.771
    #   Pr(>|t|) 3.26e-06
    # (the printed summaries, as reproduced in public R course notes on sleepstudy; 161 = 18 subjects x 9 - 1 is the
    # within-subject error df of the balanced design, and 17 = subjects - 1 for a random slope)
    res = longitudinal_model(sleepstudy, formula="Reaction ~ Days", unit="Subject", method="mixed")
    p = res.params
    assert p.loc["Intercept", "se"] == pytest.approx(9.7467, abs=5e-5)
    assert p.loc["Intercept", "df"] == pytest.approx(22.8102, abs=5e-4)
    assert p.loc["Days", "se"] == pytest.approx(0.8042, abs=5e-5)
    assert p.loc["Days", "df"] == pytest.approx(161.0, abs=5e-4)
    assert "df by term (22.81 to 161)" in str(res.summary())
    slope = longitudinal_model(sleepstudy, formula="Reaction ~ Days", unit="Subject", time="Days", method="mixed",
                               random_slope=True).params
    assert slope["df"].to_numpy() == pytest.approx([17.0, 17.0], abs=5e-4)
    assert slope.loc["Days", "p_value"] == pytest.approx(3.26e-06, abs=5e-9)


def _split_plot(seed: int, n_councils: int, n_groups: int, n_waves: int, council_sd: float) -> pd.DataFrame:
    """Councils within status groups (between councils), every council at every wave (within councils)."""
    rng = np.random.default_rng(seed)
    council = np.repeat(np.arange(n_councils), n_waves)
    wave = np.tile(np.arange(n_waves), n_councils)
    group = council % n_groups
    y = (2 + 0.25 * wave + 0.4 * (group == 1) + rng.normal(0, council_sd, n_councils)[council]
         + rng.normal(0, 1, len(council)))
    return pd.DataFrame({"council": council, "wave": wave, "group": group, "y": y})


def _split_plot_anova(d: pd.DataFrame, interaction: bool) -> dict:
    """The classical split-plot analysis of variance, by cell and council means (numpy only).

    Between councils: the council means about their group's mean, error df councils - groups. Within councils:
    the residual of y after council means and wave (or group x wave) means, error df (councils - 1)(waves - 1)
    for ``y ~ wave + group``, (councils - groups)(waves - 1) with the group x wave interaction."""
    y = d["y"].to_numpy()
    council, wave, group = (d[c].to_numpy() for c in ("council", "wave", "group"))
    n, t, g = council.max() + 1, wave.max() + 1, group.max() + 1
    council_mean = np.bincount(council, y) / np.bincount(council)
    group_of = np.array([group[council == i][0] for i in range(n)])
    group_mean = np.array([council_mean[group_of == k].mean() for k in range(g)])
    ms_between = ((council_mean - group_mean[group_of]) ** 2).sum() / (n - g)  # on the council-mean scale
    cell = pd.Series(y).groupby([group, wave] if interaction else [wave]).transform("mean").to_numpy()
    centre = group_mean[group] if interaction else np.full(len(y), y.mean())
    resid = y - council_mean[council] - cell + centre
    df_within = (n - g) * (t - 1) if interaction else (n - 1) * (t - 1)
    ms_within = (resid ** 2).sum() / df_within
    return {"ms_between": ms_between, "df_between": n - g, "ms_within": ms_within, "df_within": df_within,
            "council_mean": council_mean, "group_of": group_of}


def _f_test_p(estimate: float, variance: float, df: float) -> float:
    return float(stats.f.sf(estimate ** 2 / variance, 1, df))


@pytest.mark.parametrize(("seed", "n_councils", "n_groups", "n_waves"), [(1, 6, 2, 3), (2, 10, 2, 2), (3, 12, 3, 4)])
@pytest.mark.parametrize("interaction", [False, True])
def test_mixed_model_df_and_p_are_the_split_plot_anovas_in_a_balanced_design(seed, n_councils, n_groups, n_waves,
                                                                              interaction):
    """Balanced councils x waves, status between councils: Satterthwaite's df are the split-plot error df and the t
    test is the exact F test (when the REML council variance is inside the parameter space)."""
    d = _split_plot(seed, n_councils, n_groups, n_waves, council_sd=1.5)
    formula = "y ~ C(wave) * C(group)" if interaction else "y ~ C(wave) + C(group)"
    res = longitudinal_model(d, formula=formula, unit="council", method="mixed")
    assert res.variance_components.loc["unit_intercept_sd", "estimate"] > 0.3  # inside, as the design meant
    a = _split_plot_anova(d, interaction)
    p = res.params
    per_group = n_councils // n_groups
    for w in range(1, n_waves):
        term = f"C(wave)[T.{w}]"
        # the wave contrast (in the reference group with the interaction): a difference of wave means
        rows = d[d["group"] == 0] if interaction else d
        est = rows.loc[rows["wave"] == w, "y"].mean() - rows.loc[rows["wave"] == 0, "y"].mean()
        var = a["ms_within"] * 2 / (per_group if interaction else n_councils)
        assert p.loc[term, "estimate"] == pytest.approx(est, abs=1e-8)
        assert p.loc[term, "df"] == pytest.approx(a["df_within"], rel=1e-4)
        assert p.loc[term, "p_value"] == pytest.approx(_f_test_p(est, var, a["df_within"]), rel=1e-4, abs=1e-12)
    if interaction:  # group x wave: a difference of differences of cell means, also within councils
        for w in range(1, n_waves):
            for k in range(1, n_groups):
                cells = d.groupby(["group", "wave"])["y"].mean()
                est = cells[(k, w)] - cells[(k, 0)] - cells[(0, w)] + cells[(0, 0)]
                term = f"C(wave)[T.{w}]:C(group)[T.{k}]"
                assert p.loc[term, "df"] == pytest.approx(a["df_within"], rel=1e-4)
                assert p.loc[term, "p_value"] == pytest.approx(
                    _f_test_p(est, a["ms_within"] * 4 / per_group, a["df_within"]), rel=1e-4, abs=1e-12)
    else:  # status: a difference of group means of the council means, tested against the between-council error
        for k in range(1, n_groups):
            mean = a["council_mean"]
            est = mean[a["group_of"] == k].mean() - mean[a["group_of"] == 0].mean()
            var = a["ms_between"] * 2 / per_group
            assert p.loc[f"C(group)[T.{k}]", "df"] == pytest.approx(a["df_between"], rel=1e-4)
            assert p.loc[f"C(group)[T.{k}]", "p_value"] == pytest.approx(_f_test_p(est, var, a["df_between"]),
                                                                         rel=1e-4, abs=1e-12)


def _satterthwaite_by_differences(frame: pd.DataFrame, formula: str, unit: str) -> pd.Series:
    """Satterthwaite df by numerical differentiation, in other parameters than the package's.

    The REML maximum is the profile fit of round 4 (in gamma = var(u) / var(e)); here the REML log-likelihood is
    written in (log var(e), log var(u)), its Hessian and the gradient of each fixed effect's
    variance ``[(X' V^-1 X)^-1]_tt`` are taken by central differences, and ``df = 2 v^2 / (g' H^-1 g)`` with
    ``H`` minus the Hessian (the df do not depend on the parameters chosen at an interior maximum)."""
    ref = _reml(frame, formula, unit)
    y, x = patsy.dmatrices(formula, frame, return_type="dataframe")
    names, y, x = list(x.columns), y.to_numpy()[:, 0], x.to_numpy()
    g = pd.factorize(frame[unit])[0]
    sizes = np.bincount(g)

    def pieces(theta):
        s2, tau = np.exp(theta)
        shrink = tau / (s2 + sizes * tau)  # V_i^-1 = (I - shrink_i 1 1') / s2 for V_i = s2 I + tau 1 1'

        def v_inv(a):
            sums = np.zeros((len(sizes), a.shape[1]))
            np.add.at(sums, g, a)
            return (a - shrink[g][:, None] * sums[g]) / s2

        c = np.linalg.inv(x.T @ v_inv(x))
        r = y - x @ (c @ x.T @ v_inv(y[:, None])[:, 0])
        logdet_v = (sizes * np.log(s2)).sum() + np.log1p(sizes * tau / s2).sum()
        loglik = -0.5 * (logdet_v - np.linalg.slogdet(c)[1] + r @ v_inv(r[:, None])[:, 0])
        return loglik, np.diag(c)

    theta = np.log([ref["residual_sd"] ** 2, ref["unit_sd"] ** 2])
    h = 1e-3
    steps = np.eye(2) * h
    hessian = np.array([[(pieces(theta + a + b)[0] - pieces(theta + a - b)[0] - pieces(theta - a + b)[0]
                          + pieces(theta - a - b)[0]) / (4 * h * h) for b in steps] for a in steps])
    gradient = np.array([(pieces(theta + a)[1] - pieces(theta - a)[1]) / (2 * h) for a in steps])
    variance = pieces(theta)[1]
    covariance = np.linalg.inv(-hessian)
    return pd.Series(2 * variance ** 2 / np.einsum("it,ij,jt->t", gradient, covariance, gradient), index=names)


def _unbalanced(seed: int) -> pd.DataFrame:
    """Councils with 2 to 9 observations, status that changes within some councils, a numeric covariate."""
    rng = np.random.default_rng(seed)
    sizes = rng.integers(2, 10, 9)
    council = np.repeat(np.arange(9), sizes)
    wave = np.concatenate([np.sort(rng.integers(0, 3, s)) for s in sizes])
    status = ((council < 4) | ((council == 5) & (wave == 2))).astype(int)
    x = rng.normal(size=len(council))
    y = 1 + 0.3 * wave + 0.5 * status + 0.2 * x + rng.normal(0, 0.8, 9)[council] + rng.normal(0, 1, len(council))
    return pd.DataFrame({"council": council, "wave": wave, "status": status, "x": x, "y": y})


@pytest.mark.parametrize("seed", [11, 12, 13])
def test_mixed_model_df_match_numerical_differentiation_of_the_reml_likelihood_in_an_unbalanced_design(seed):
    d = _unbalanced(seed)
    formula = "y ~ C(wave) + status + x"
    ref = _satterthwaite_by_differences(d, formula, "council")
    res = longitudinal_model(d, formula=formula, unit="council", method="mixed")
    assert res.variance_components.loc["unit_intercept_sd", "estimate"] > 0.1
    # (observed against expected information differs by up to 26% here: the test tells them apart)
    assert res.params["df"].to_numpy() == pytest.approx(ref.to_numpy(), rel=5e-4)
    # not the split-plot df of a balanced design: the terms' df all differ
    assert res.params["df"].nunique() == len(res.params)


@pytest.mark.parametrize(("n_councils", "seed"), SURVEY_STUDIES)
def test_survey_mixed_model_df_match_numerical_differentiation(n_councils, seed):
    """The survey model of generated studies (many respondents per council and wave, status changing within
    some councils): wave df in the hundreds, status df between the two strata."""
    study, _ = generate_with_truth(n_councils, seed=seed, interviews_per_wave=1, words_per_interview=50)
    scores = _survey_scores(study)
    formula = "score ~ later + in_intervention"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = longitudinal_model(scores, formula=formula, unit="council_id", method="mixed")
    if res.variance_components.loc["unit_intercept_sd", "estimate"] ** 2 < 1e-4 * res.variance_components.loc[
            "residual_sd", "estimate"] ** 2:
        pytest.skip("council variance at zero: covered by the boundary test")
    ref = _satterthwaite_by_differences(scores, formula, "council_id")
    assert res.params["df"].to_numpy() == pytest.approx(ref.to_numpy(), rel=2e-3)
    assert res.params.loc["later", "df"] > 10 * n_councils


@pytest.mark.parametrize(("seed", "n_councils", "n_waves"), [(21, 8, 3), (22, 12, 2)])
def test_mixed_model_df_at_a_council_variance_estimated_at_zero_keep_the_split_plot_strata(seed, n_councils, n_waves):
    """A council variance at zero: the council means are pulled towards their group's mean until their spread is
    below what the variation within councils alone gives (n_waves x MS between < MS within), so the REML estimate
    of the council variance is zero. The observed information is not that of a maximum there; the expected one
    gives, in a balanced design, the split-plot error df: councils - groups for status, (councils - 1)(waves - 1)
    for the wave (lmerTest, differentiating in standard deviations, would give every term the residual df of a
    model without councils, observations - fixed parameters)."""
    d = _split_plot(seed, n_councils, 2, n_waves, council_sd=0.0)
    a = _split_plot_anova(d, interaction=False)
    mean, group_of = a["council_mean"], a["group_of"]
    group_mean = np.array([mean[group_of == k].mean() for k in range(2)])
    deviation = mean - group_mean[group_of]
    shrink = 0.3 * np.sqrt(a["ms_within"] / (n_waves * a["ms_between"]))  # MS between x waves = 0.09 MS within
    d["y"] = d["y"] - (1 - shrink) * deviation[d["council"]]
    a = _split_plot_anova(d, interaction=False)
    assert n_waves * a["ms_between"] < a["ms_within"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = longitudinal_model(d, formula="y ~ C(wave) + C(group)", unit="council", method="mixed")
    vc = res.variance_components["estimate"]
    assert vc["unit_intercept_sd"] ** 2 < 1e-4 * vc["residual_sd"] ** 2
    p = res.params
    assert p.loc["C(group)[T.1]", "df"] == pytest.approx(n_councils - 2, rel=1e-4)
    for w in range(1, n_waves):
        assert p.loc[f"C(wave)[T.{w}]", "df"] == pytest.approx((n_councils - 1) * (n_waves - 1), rel=1e-4)
    assert any(n.startswith("Satterthwaite df from the expected information, the unit intercept variance being "
                            "estimated at zero") for n in res.notes), res.notes


def test_multiple_imputation_leaves_out_a_council_with_nothing_observed_and_says_so():
    """A council missing at every wave: statsmodels' MICEData drops its all-missing row, and the imputed data set no
    longer lined up with the councils ("Length mismatch: Expected axis has 29 elements, new values have 30")."""
    rng = np.random.default_rng(5)
    panel = pd.DataFrame({"council_id": np.repeat(np.arange(30), 3), "wave": np.tile([0, 1, 2], 30)})
    panel["score"] = 3 + 0.5 * panel["wave"] + np.repeat(rng.normal(0, 1, 30), 3) + rng.normal(0, 1, 90)
    panel.loc[(rng.random(90) < 0.2) & (panel["wave"] > 0), "score"] = np.nan  # wave 0 seen, but in council 7
    panel.loc[panel["council_id"] == 7, "score"] = np.nan
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = longitudinal_model(panel, formula="score ~ wave", unit="council_id", time="wave", method="mixed",
                                 missing="mice", n_imputations=3)
    assert res.n_units == 29
    assert "1 council with no observed value at any wave left out (nothing to impute it from)" in res.notes
    assert res.params.loc["wave", "ci_low"] < 0.5 < res.params.loc["wave", "ci_high"]


# --------------------------------------------------------------------------------------------------
# 3. a separated fit's p-value stays out of the Holm family
# --------------------------------------------------------------------------------------------------


def _holm_by_hand(p: list[float]) -> np.ndarray:
    """Holm (1979): the i-th smallest of m p-values times (m - i + 1), made monotone, at most 1."""
    p = np.asarray(p, dtype=float)
    order = np.argsort(p)
    stepped = np.minimum(np.maximum.accumulate(p[order] * np.arange(len(p), 0, -1)), 1)
    out = np.empty_like(p)
    out[order] = stepped
    return out


def test_a_separated_fit_enters_the_holm_family_through_firth_and_stays_out_where_firth_fails(monkeypatch):
    """Four impacts, one never reported in councils in intervention (separation: its GEE log-odds ratio runs off to
    minus infinity with a p-value that means nothing). Round 6: Firth's penalised likelihood replaces its rows, whose
    p is valid, so the family of each term is the four impacts; where Firth's fit fails too, the separated fit neither
    enters nor enlarges the family, which is then the three others."""
    import impact.stats
    from impact.effects import intervention_effects

    rng = np.random.default_rng(31)
    rows = []
    for council in range(20):
        status = "intervention" if council < 8 else "no_intervention"
        for person in range(5):
            for wave in ("before", "three_months", "one_year"):
                for code, rate in (("commitment", 0.5), ("ideas", 0.4), ("learning", 0.3), ("morale", 0.35)):
                    never = code == "morale" and status == "intervention"
                    rows.append({"code": code, "participant_id": f"p{council}_{person}", "council_id": council,
                                 "wave": wave, "status_group": status,
                                 "reported": False if never else bool(rng.random() < rate)})
    panel = pd.DataFrame(rows)

    def holm_families(out: pd.DataFrame) -> None:
        family = out["term"].where(~out["term"].str.startswith("wave_"), "wave")
        # round 11: the last wave against the first after the review is a family of its own (Holm across impacts)
        assert set(family) == {"intercept", "wave", "in_intervention", "one_year_vs_three_months"}
        for name, rows_of_family in out.groupby(family):
            assert rows_of_family["p_adjusted"].to_numpy() == pytest.approx(
                _holm_by_hand(rows_of_family["p_value"].tolist()), rel=1e-12), name

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = intervention_effects(panel, waves=["before", "three_months", "one_year"])
    status = out[out["term"] == "in_intervention"].set_index("code")
    assert bool(status.loc["morale", "separation"]) and not status.drop("morale")["separation"].any()
    assert (out.loc[out["code"] == "morale", "estimator"] == "firth").all()
    assert status.loc["morale", "ci_high"] < 0 and np.isfinite(status.loc["morale", "p_adjusted"])
    holm_families(out)  # the four impacts in each family

    def fails(*args, **kwargs):
        raise ValueError("planted failure")

    monkeypatch.setattr(impact.stats, "firth_logistic", fails)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = intervention_effects(panel, waves=["before", "three_months", "one_year"])
    assert (out.loc[out["code"] == "morale", "estimator"] == "gee").all()
    assert out.loc[out["code"] == "morale", "p_adjusted"].isna().all()
    holm_families(out[out["code"] != "morale"])  # the three others


# --------------------------------------------------------------------------------------------------
# 2. binary models: estimates resting on very few events are flagged
# --------------------------------------------------------------------------------------------------


def _sparse_panel(seed: int, wave_rates: dict, status_rate: float, reference_events: int | None) -> pd.DataFrame:
    """20 councils (10 in intervention) x 3 waves x 3 participants; the probability of the outcome by wave, raised
    in intervention; with `reference_events`, exactly that many events out of intervention (the reference)."""
    rng = np.random.default_rng(seed)
    d = pd.DataFrame([(c, w, k) for c in range(20) for w in wave_rates for k in range(3)],
                     columns=["council", "wave", "person"])
    d["status"] = (d["council"] < 10).astype(int)
    rate = d["wave"].map(wave_rates) + status_rate * d["status"]
    d["y"] = (rng.random(len(d)) < rate).astype(int)
    if reference_events is not None:
        out = np.flatnonzero(d["status"] == 0)
        d.loc[out, "y"] = 0
        d.loc[rng.choice(out, reference_events, replace=False), "y"] = 1
    return d


def _expected_sparse(d: pd.DataFrame) -> dict[str, bool]:
    """By hand: a term is sparse when its rows or its reference rows have fewer than 5 events or non-events."""
    def thin(rows):
        return min(int(d.loc[rows, "y"].sum()), int((1 - d.loc[rows, "y"]).sum())) < 5

    out = {"status": thin(d["status"] == 1) or thin(d["status"] == 0)}
    for w in sorted(d["wave"].unique())[1:]:
        out[f"C(wave)[T.{w}]"] = thin(d["wave"] == w) or thin(d["wave"] == "a")
    return out


@pytest.mark.parametrize(("seed", "wave_rates", "status_rate", "reference_events", "thin_wave"), [
    (41, {"a": 0.3, "b": 0.4, "c": 0.5}, 0.1, 1, None),  # 1 event in 90 out of intervention: status flagged
    (42, {"a": 0.3, "b": 0.4, "c": 0.97}, 0.0, None, "c"),  # wave c nearly always reported: few non-events
    (43, {"a": 0.3, "b": 0.4, "c": 0.5}, 0.1, None, None),  # nothing sparse
])
def test_binary_model_flags_the_terms_that_rest_on_fewer_than_five_events(seed, wave_rates, status_rate,
                                                                         reference_events, thin_wave):
    d = _sparse_panel(seed, wave_rates, status_rate, reference_events)
    expected = _expected_sparse(d)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = longitudinal_model(d, formula="y ~ C(wave) + status", unit="council", family="binomial")
    got = res.params["few_events"]
    assert not got["Intercept"]
    assert {term: bool(got[term]) for term in expected} == expected
    note = [n for n in res.notes if n.startswith("few events")]
    assert bool(note) == any(expected.values())
    if reference_events is not None:
        assert expected["status"]
        assert f"status: {reference_events} event in 90 rows at its reference" in note[0]
    if thin_wave is not None:
        non_events = int((1 - d.loc[d["wave"] == thin_wave, "y"]).sum())
        assert non_events < 5 and f"C(wave)[T.{thin_wave}]: {non_events:g} non-event" in note[0]
        assert not got["status"]


def test_a_gaussian_model_has_no_few_events_column():
    d = _sparse_panel(44, {"a": 0.3, "b": 0.4, "c": 0.5}, 0.1, None)
    res = longitudinal_model(d, formula="y ~ C(wave) + status", unit="council")
    assert "few_events" not in res.params.columns


# --------------------------------------------------------------------------------------------------
# A row that cannot reject (its outcome never varies) is not in the adjustment's family (Tarone 1990)
def _one_never_coded(rng: np.random.Generator) -> pd.DataFrame:
    """20 councils, two status groups, three waves, four impacts; 'morale' is never coded anywhere."""
    rows = []
    for council in range(20):
        status = "intervention" if council < 9 else "no_intervention"
        for wave, lift in (("before", 0.0), ("three_months", 0.3), ("one_year", 0.2)):
            for code, rate in (("commitment", 0.3), ("ideas", 0.4), ("learning", 0.2), ("morale", 0.0)):
                bump = 0.35 if (code == "commitment" and status == "intervention") else 0.0
                rows.append({"council_id": council, "status_group": status, "wave": wave, "code": code,
                             "reported": bool(rng.random() < min(rate + lift + bump, 1.0)) if rate else False})
    return pd.DataFrame(rows)


def test_a_comparison_that_cannot_reject_does_not_enlarge_the_family():
    """'morale' is never coded: Fisher's mid-p is 1 at every wave whatever the groups (one arrangement of the
    margins). Kept in the Holm family it raised every other row's adjusted p by one more place; now the family is
    the nine rows whose outcome varies, checked against statsmodels' Holm over those rows alone."""
    from statsmodels.stats.multitest import multipletests

    from impact.stats import compare_groups

    data = _one_never_coded(np.random.default_rng(4242))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = compare_groups(data, outcome="reported", group="status_group", by=["code", "wave"],
                             unit="council_id")
    never = out["code"] == "morale"
    assert (out.loc[never, "p_value"] == 1.0).all() and (out.loc[never, "p_adjusted"] == 1.0).all()
    others = out[~never]
    expected = multipletests(others["p_value"].to_numpy(), method="holm")[1]
    assert others["p_adjusted"].to_numpy() == pytest.approx(expected, rel=1e-12)
    # and not the family of twelve (the old behaviour), which differs here
    twelve = multipletests(out["p_value"].to_numpy(), method="holm")[1][~never.to_numpy()]
    assert not np.allclose(twelve, expected)


def test_a_change_that_cannot_reject_does_not_enlarge_the_family():
    """The same study across the waves (Cochran's Q by code and status group): morale's Q is undefined and its exact
    p is 1, and it is left out of the family; statsmodels' Holm over the other rows gives the adjusted p-values."""
    from statsmodels.stats.multitest import multipletests

    from impact.stats import change_over_time

    data = _one_never_coded(np.random.default_rng(4243))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = change_over_time(data, outcome="reported", time="wave", unit="council_id", group="status_group",
                               by="code", times=["before", "three_months", "one_year"])
    never = out["code"] == "morale"
    assert never.sum() == 2 and (out.loc[never, "p_value"] == 1.0).all()
    assert (out.loc[never, "p_adjusted"] == 1.0).all()
    others = out[~never]
    assert others["p_adjusted"].to_numpy() == pytest.approx(
        multipletests(others["p_value"].to_numpy(), method="holm")[1], rel=1e-12)

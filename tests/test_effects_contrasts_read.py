"""The attrition table's later-wave contrasts are read from the code's own fits (speed23).

:func:`impact.effects.attrition_effects` (``wave_terms=True``) gave each wave after the first after the review
against that one (``<wave>_vs_<first later>``) by refitting every method's GEE with that wave as the reference: the
same rows, weights and working correlation, the design reparametrised. Now the rows are the differences of the first
fits' wave terms, with their covariance (:func:`impact.stats._models._contrasts`). Checked here against the refit
itself (independent: the GEE fitted again through :func:`impact.stats.attrition_sensitivity` with the other
reference) converged to 1e-12 rather than statsmodels' 1e-6, where the two agree to rounding; the default refit, to
its tolerance only, is within 1e-6 of both. Where the read cannot be certain (the outcome constant at a wave, so the
fit separated) the refit is kept, and its rows are those of the refit to the last bit.
"""

from __future__ import annotations

import warnings
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest
from statsmodels.genmod.generalized_estimating_equations import GEE

import impact.effects as effects
from impact.effects import attrition_effects
from impact.stats import longitudinal_model

WAVES = ["expectations", "early", "longer_term", "legacy"]
FIGURES = ["estimate", "se", "ci_low", "ci_high", "p_value"]


def _study_and_panel(seed: int, *, silent_wave: str | None = None):
    """14 councils (5 in intervention from the second wave) of 3 participants, each interviewed at each wave with
    chance 0.8 (so the weighted fit differs from the complete-case one); two impacts reported with chances that differ
    by wave and status. ``silent_wave``: nobody reports the second impact then (its fits separate)."""
    rng = np.random.default_rng(seed)
    councils = [f"C{i:02d}" for i in range(14)]
    inside = set(councils[:5])
    participants = pd.DataFrame([(f"{c}-p{j}", c) for c in councils for j in range(3)],
                                columns=["participant_id", "council_id"])
    status = pd.DataFrame([(c, w, "notice" if c in inside and w != WAVES[0] else "none")
                           for c in councils for w in WAVES], columns=["council_id", "wave", "intervention"])
    rows = [(p, c, w) for p, c in participants.itertuples(index=False) for w in WAVES if rng.random() < 0.8]
    base = pd.DataFrame(rows, columns=["participant_id", "council_id", "wave"])
    base["status_group"] = np.where(base["council_id"].isin(inside) & base["wave"].ne(WAVES[0]), "intervention",
                                    "no_intervention")
    chance = base["wave"].map(dict(zip(WAVES, (0.3, 0.5, 0.35, 0.6)))) + 0.15 * base["status_group"].eq("intervention")
    panels = []
    for code in ("morale", "trust"):
        p = base.assign(code=code, reported=rng.random(len(base)) < chance)
        if code == "trust" and silent_wave is not None:
            p.loc[p["wave"] == silent_wave, "reported"] = False
        panels.append(p)
    study = SimpleNamespace(participants=participants, wave_status=lambda: status.copy())
    return study, pd.concat(panels, ignore_index=True)


def _attrition(study, panel, *, read: bool, ctol: float | None = None) -> pd.DataFrame:
    """The attrition table with its wave terms; ``read=False``: every contrast refitted (the code before speed23);
    ``ctol``: the GEE's convergence tolerance (statsmodels' default 1e-6)."""
    fit, reader = GEE.fit, effects._contrasts_read

    def fit_to(self, *args, **kwargs):
        kwargs.update(ctol=ctol, maxiter=1000)
        return fit(self, *args, **kwargs)

    try:
        if ctol is not None:
            GEE.fit = fit_to
        if not read:
            effects._contrasts_read = lambda *args, **kwargs: None
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return attrition_effects(panel, study, waves=WAVES, wave_terms=True, methods=("complete", "ipw"))
    finally:
        GEE.fit, effects._contrasts_read = fit, reader


@pytest.fixture(scope="module", params=[3, 17, 40])
def tables(request):
    study, panel = _study_and_panel(request.param)
    return {"read": _attrition(study, panel, read=True), "refit": _attrition(study, panel, read=False),
            "read_tight": _attrition(study, panel, read=True, ctol=1e-12),
            "refit_tight": _attrition(study, panel, read=False, ctol=1e-12)}


def _contrast_rows(t: pd.DataFrame) -> pd.DataFrame:
    return t[t["term"].str.contains("_vs_")].reset_index(drop=True)


def test_contrasts_are_the_refits_to_rounding(tables):
    read, refit = _contrast_rows(tables["read_tight"]), _contrast_rows(tables["refit_tight"])
    # two later contrasts (legacy and longer_term against early) x two impacts x two methods, none separated
    assert len(read) == 8 and set(read["missing"]) == {"complete", "ipw"}
    assert set(read["term"]) == {"longer_term_vs_early", "legacy_vs_early"}
    assert not read["separation"].any()
    pd.testing.assert_frame_equal(read.drop(columns=FIGURES), refit.drop(columns=FIGURES))
    for c in FIGURES:
        np.testing.assert_allclose(read[c], refit[c], rtol=1e-9, atol=1e-12, err_msg=c)
    # and the weighted fit's contrast differs from the complete-case one (the weights are used)
    by = read.set_index(["code", "term", "missing"])["estimate"].unstack("missing")
    assert (by["complete"] - by["ipw"]).abs().min() > 1e-4


def test_read_at_the_default_tolerance_is_within_the_refits_own(tables):
    """At statsmodels' tolerance the refit is off its solution by up to about 1e-8: the read is no further from it."""
    read, refit, tight = (_contrast_rows(tables[k]) for k in ("read", "refit", "refit_tight"))
    for c in FIGURES:
        np.testing.assert_allclose(read[c], refit[c], rtol=1e-6, err_msg=c)
        assert (np.abs(read[c] - tight[c]) <= np.abs(refit[c] - tight[c]) + 1e-9).all(), c
    # the rows other than the contrasts come from the same fits as before
    pd.testing.assert_frame_equal(tables["read"][~tables["read"]["term"].str.contains("_vs_")],
                                  tables["refit"][~tables["refit"]["term"].str.contains("_vs_")])


def test_contrast_read_from_one_fit_equals_the_refit_with_the_other_reference():
    """:func:`impact.stats._models._contrasts` on a complete-case GEE against the GEE refitted with the first later
    wave as the reference: its wave terms are the contrasts (estimate, bias-reduced SE, t test, interval)."""
    from impact.stats._models import _contrasts

    study, panel = _study_and_panel(5)
    d = panel[panel["code"] == "morale"].assign(y=lambda x: x["reported"].astype(int),
                                                in_intervention=lambda x: x["status_group"].eq("intervention")
                                                .astype(int),
                                                wave=lambda x: pd.Categorical(x["wave"], categories=WAVES))
    kw = dict(formula="y ~ C(wave) + in_intervention", unit="council_id", family="binomial", method="gee",
              cov_struct="exchangeable")
    fit = GEE.fit
    GEE.fit = lambda self, *a, **k: fit(self, *a, **{**k, "ctol": 1e-12, "maxiter": 1000})
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            one = longitudinal_model(d, **kw)
            other = longitudinal_model(d.assign(wave=d["wave"].cat.reorder_categories(
                ["early", "expectations", "longer_term", "legacy"])), **kw)
    finally:
        GEE.fit = fit
    # the old reference (expectations) against early is minus early's term; a term the fit lacks reads as None
    read = _contrasts(one, {"expectations_vs_early": {"C(wave)[T.early]": -1.0},
                            **{f"{w}_vs_early": {f"C(wave)[T.{w}]": 1.0, "C(wave)[T.early]": -1.0}
                               for w in ("longer_term", "legacy")}})
    assert _contrasts(one, {"x": {"C(wave)[T.expectations]": 1.0}}) is None
    refit = other.params.loc[[f"C(wave)[T.{w}]" for w in ("expectations", "longer_term", "legacy")]]
    for c in FIGURES + ["statistic", "df"]:
        np.testing.assert_allclose(read[c].to_numpy(), refit[c].to_numpy(), rtol=1e-9, err_msg=c)
    # the status term is the same in both parametrisations: the covariance read is the fit's own
    assert one.cov.loc["in_intervention", "in_intervention"] == pytest.approx(one.params.loc["in_intervention",
                                                                                            "se"] ** 2, rel=1e-12)


def test_separated_fit_is_refitted_as_before():
    """Nobody reports the second impact at the last wave: its fits separate, so its contrasts are refitted (the same
    rows as before, to the last bit) while the other impact's are read."""
    study, panel = _study_and_panel(11, silent_wave="legacy")
    read, refit = _attrition(study, panel, read=True), _attrition(study, panel, read=False)
    trust = read["code"].eq("trust") & read["term"].str.contains("_vs_")
    assert trust.sum() == 4 and read.loc[trust, "separation"].all()
    pd.testing.assert_frame_equal(read[trust], refit[trust])
    morale = read["code"].eq("morale") & read["term"].str.contains("_vs_")
    np.testing.assert_allclose(read.loc[morale, "estimate"], refit.loc[morale, "estimate"], rtol=1e-6)

"""The attrition sensitivity's Firth fits find only the profile interval they show (stats round 18).

:func:`impact.effects.attrition_effects` keeps the status term's row of each method's fit, and the imputed fits'
interval is Rubin's Wald interval of their estimates and standard errors; it found every term's profile interval of
every fit (the intercept's and the waves' too, and all of them for each of the ten imputed data sets), about ten
constrained maximisations a limit. Now the complete-case and weighted fits find the status term's limits alone and
the imputed fits none, and every figure of the table is what the fits finding them all give (recomputed here by
:func:`impact.stats.attrition_sensitivity` as it was called before, and the complete-case limits by
:func:`impact.stats.firth_logistic` directly). Firth's intervals themselves are checked against logistf's published
output in tests/test_stats_crosscheck_round6.py.
"""

from __future__ import annotations

import warnings
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from impact.effects import attrition_effects
from impact.stats import _firth

WAVES = ["expectations", "early", "longer_term"]


def _study_and_panel(seed: int):
    """12 councils (4 in intervention throughout) of 3 participants, each interviewed at each wave with chance 0.85;
    the impact reported by about a third of participants out of intervention and by 3 participant-waves in it (fewer
    than 5 events on that side: the models and the attrition table show Firth's estimate)."""
    rng = np.random.default_rng(seed)
    councils = [f"C{i:02d}" for i in range(12)]
    inside = set(councils[:4])
    participants = pd.DataFrame([(f"{c}-p{j}", c) for c in councils for j in range(3)],
                                columns=["participant_id", "council_id"])
    status = pd.DataFrame([(c, w, "notice" if c in inside else "none") for c in councils for w in WAVES],
                          columns=["council_id", "wave", "intervention"])
    rows = [(p, c, w) for p, c in participants.itertuples(index=False) for w in WAVES if rng.random() < 0.85]
    panel = pd.DataFrame(rows, columns=["participant_id", "council_id", "wave"])
    panel["status_group"] = np.where(panel["council_id"].isin(inside), "intervention", "no_intervention")
    panel["reported"] = (panel["status_group"].eq("no_intervention") & (rng.random(len(panel)) < 0.35))
    events = panel.index[panel["status_group"].eq("intervention")][[0, 4, 9]]
    panel.loc[events, "reported"] = True
    panel["code"] = "morale"
    study = SimpleNamespace(participants=participants, wave_status=lambda: status.copy())
    return study, panel


@pytest.fixture(scope="module")
def fitted():
    study, panel = _study_and_panel(18)
    import impact.effects as effects

    limits, frames = [], []
    original, attrition_firth = _firth._FirthFit.profile_limit, effects._attrition_firth

    def counted(self, j, *args, **kwargs):
        limits.append(j)
        return original(self, j, *args, **kwargs)

    with pytest.MonkeyPatch.context() as m, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        m.setattr(_firth._FirthFit, "profile_limit", counted)
        # the rows each code's fits are made on, as attrition_effects builds them
        m.setattr(effects, "_attrition_firth", lambda t, d, *a: frames.append(d) or attrition_firth(t, d, *a))
        table = attrition_effects(panel, study, codes=["morale"], waves=WAVES, methods=("complete", "ipw", "mice"))
    [d] = frames
    return d, table, limits


def test_only_the_status_terms_limits_are_found(fitted):
    _, table, limits = fitted
    # the planted condition: every method's row is Firth's
    assert table["estimator"].tolist() == ["firth"] * 3, table
    assert table["missing"].tolist() == ["complete", "ipw", "mice"]
    # two limits (one per side) of the status term (column 3 of intercept, two waves, status) for the complete-case
    # and the weighted fits; none for the ten imputed ones. Main found 2 x 4 terms x (2 + 10) fits = 96.
    assert limits == [3, 3, 3, 3]


def test_the_rows_are_those_of_fits_finding_every_interval(fitted):
    from impact.stats import attrition_sensitivity, firth_logistic

    d, table, _ = fitted
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        full = attrition_sensitivity(d, methods=("complete", "ipw", "mice"), formula="y ~ C(wave) + in_intervention",
                                     unit="council_id", subject="participant_id", time="wave", family="binomial",
                                     method="firth", alpha=0.05)
        direct = firth_logistic(d.dropna(subset=["y"]), formula="y ~ C(wave) + in_intervention",
                                unit="council_id").params
    # every term's interval of the complete-case fit was found there, as before
    assert full.loc[full["missing"].eq("complete"), ["ci_low", "ci_high"]].notna().all().all()
    full = full[full["term"] == "in_intervention"].set_index("missing")
    got = table.set_index("missing")
    for col in ("estimate", "se", "ci_low", "ci_high", "p_value", "n_obs", "n_units"):
        np.testing.assert_allclose(got[col].astype(float), full.loc[got.index, col].astype(float), rtol=1e-12,
                                   atol=0, err_msg=col)
    for col in ("estimate", "ci_low", "ci_high", "p_value"):  # other rows' order: converged to 1e-10, not the bit
        assert got.loc["complete", col] == pytest.approx(direct.loc["in_intervention", col], rel=1e-7)
    # the limits are where they should be: the estimate inside, the profile not the Wald interval
    assert (got["ci_low"] < got["estimate"]).all() and (got["estimate"] < got["ci_high"]).all()
    wald = got.loc["complete", "estimate"] + np.array([-1, 1]) * 1.959964 * got.loc["complete", "se"]
    assert not np.allclose(got.loc["complete", ["ci_low", "ci_high"]].astype(float), wald, rtol=1e-3)


def test_profile_intervals_is_undone_after_the_block_and_checks_the_terms():
    d = pd.DataFrame({"g": [0] * 10 + [1] * 10, "x": np.tile([0.0, 1.0], 10), "y": [1] * 4 + [0] * 6 + [0] * 9 + [1]})
    with _firth.profile_intervals(["g"]):
        inside = _firth.firth_logistic(d, formula="y ~ g + x").params
        with pytest.raises(ValueError, match=r"`intervals` names \['z'\]"):
            with _firth.profile_intervals(["z"]):
                _firth.firth_logistic(d, formula="y ~ g + x")
        again = _firth.firth_logistic(d, formula="y ~ g + x").params  # the outer setting is back
    after = _firth.firth_logistic(d, formula="y ~ g + x").params
    assert inside[["ci_low", "ci_high"]].notna().to_dict("list") == {"ci_low": [False, True, False],
                                                                       "ci_high": [False, True, False]}
    pd.testing.assert_frame_equal(again, inside)
    assert after[["ci_low", "ci_high"]].notna().all().all()  # every term again
    pd.testing.assert_series_equal(after.loc["g"], inside.loc["g"])  # the same limits to the last bit

"""Outcome indicators: trends by status and the staggered difference-in-differences around intervention."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from impact.indicators import indicator_effects, indicator_trends, intervention_onsets
from impact.synth import SynthEffects, generate_with_truth


@pytest.fixture(scope="module")
def planted():
    return generate_with_truth(80, seed=23, interviews_per_wave=1, words_per_interview=60)


def test_onsets_are_the_first_notice_or_direction(planted):
    study, _ = planted
    onsets = intervention_onsets(study)
    assert list(onsets.index) == study.councils["council_id"].tolist()
    h = study.status_history
    h = h[h["kind"].isin(["improvement_notice", "statutory_direction"])]
    expected = pd.to_datetime(h["start_date"]).groupby(h["council_id"]).min()
    pd.testing.assert_series_equal(onsets.dropna(), expected.rename("onset"), check_names=False, check_index_type=False)
    never = set(study.councils["council_id"]) - set(h["council_id"])
    assert onsets[list(never)].isna().all()


def test_planted_indicator_effect_is_recovered_and_the_others_are_not_invented(planted):
    study, truth = planted
    effects = {e["name"]: e for e in truth.planted_effects()}
    planted_measure = effects["indicator_post_by_intervention"]["applies_to"]
    size = effects["indicator_post_by_intervention"]["size"]
    e = indicator_effects(study, n_permutations=199, seed=1).set_index("measure")
    assert (e["note"] == "").all()
    row = e.loc[planted_measure]
    # The generator adds `size` to the periods after a council's review when it was in intervention at the
    # review; the estimator compares periods after a council's first notice or direction. Those periods
    # overlap but are not the same, so the estimate is the planted change diluted: between `size` and 0,
    # and clearly not 0.
    assert size < 0
    assert size <= row["estimate"] < 0, row
    assert row["ci_high"] < 0 and row["ri_p_value"] < 0.05
    others = e.drop(index=planted_measure)
    assert (others["p_value"] > 0.001).all(), others[["estimate", "p_value"]]


def test_a_null_study_shows_no_indicator_effect():
    study, _ = generate_with_truth(80, seed=29, interviews_per_wave=1, words_per_interview=60,
                                   effects=SynthEffects.null())
    e = indicator_effects(study, n_permutations=199, seed=1)
    assert len(e) == 5
    # five tests at 5%: all five below 0.01 by chance has probability about 1e-10
    assert (e["p_value"] > 0.01).sum() >= 3, e[["measure", "estimate", "p_value"]]
    assert np.isfinite(e["estimate"]).all()


def test_indicator_trends_leave_out_councils_of_unknown_status():
    """A council whose status is unknown at the waves (no interview and no review date: a comparison council with
    indicators only) was grouped as 'not in intervention at any wave', and one missing from the study's waves was
    dropped without a word. Now: in intervention if known to be at some wave; not in intervention only if known at
    every wave; otherwise left out and counted."""
    status = {  # council -> status at w1, w2 (None: not known)
        "a": ("none", "notice"), "b": ("none", "none"), "c": ("direction", "none"), "d": ("none", "none"),
        "e": (None, None), "f": ("none", None), "g": (None, "notice"),
    }
    ws = pd.DataFrame([(c, w, s) for c, ss in status.items() for w, s in zip(("w1", "w2"), ss, strict=True)],
                      columns=["council_id", "wave", "intervention"])
    values = {"a": 1.0, "b": 2.0, "c": 4.0, "d": 8.0, "e": 16.0, "f": 32.0, "g": 64.0, "h": 128.0}  # h: no waves
    ind = pd.DataFrame([(c, "m", p, v + k, None) for c, v in values.items() for k, p in enumerate(("2019", "2020"))],
                       columns=["council_id", "measure", "period", "value", "flag"])
    t = indicator_trends(SimpleNamespace(indicators=ind, wave_status=lambda: ws.copy())).set_index(["period", "status_group"])
    inside, outside = ["a", "c", "g"], ["b", "d"]
    for k, period in enumerate(("2019", "2020")):
        assert t.loc[(period, "intervention"), "mean"] == np.mean([values[c] + k for c in inside])
        assert t.loc[(period, "intervention"), "n_councils"] == 3
        assert t.loc[(period, "no_intervention"), "mean"] == np.mean([values[c] + k for c in outside])
        assert t.loc[(period, "no_intervention"), "median"] == np.median([values[c] + k for c in outside])
    assert t.attrs == {"n_councils_unknown_status": 3, "n_values_unknown_status": 6}  # e, f and h

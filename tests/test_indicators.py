"""Outcome indicators: trends by status and the staggered difference-in-differences around intervention."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from impact.indicators import indicator_effects, intervention_onsets
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

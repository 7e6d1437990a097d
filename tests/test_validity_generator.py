"""Planted effects in generated studies are recovered through the library's panel and models.

Coded with the generator's own truth (a perfect coder), so this checks the
analysis chain - panel, status at each wave, GEE with councils as clusters -
not the rule coder (whose accuracy is measured on the hand-written dev set).
"""

import pandas as pd
import pytest

import impact
from impact.stats import longitudinal_model


def _status_effect(effects, seed):
    study, truth = impact.synth.generate_with_truth(40, seed=seed, interviews_per_wave=5, words_per_interview=150,
                                                    effects=effects)
    coded = impact.as_codings(truth.coded(), study)  # the planted statements, as a coding
    pp = impact.participant_panel(study, coded, codes=["partnership"])
    d = pp.dropna(subset=["status_group"]).assign(
        y=lambda x: x["reported"].astype(int),
        in_intervention=lambda x: (x["status_group"] == "intervention").astype(int),
        wave=lambda x: pd.Categorical(x["wave"], categories=study.wave_ids))
    res = longitudinal_model(d, formula="y ~ C(wave) + in_intervention", unit="council_id", family="binomial",
                             method="gee")
    return res.params.loc["in_intervention"]


@pytest.mark.slow
def test_planted_intervention_effect_is_recovered():
    planted = impact.synth.SynthEffects(intervention_log_odds=2.0)
    row = _status_effect(planted, seed=5)
    assert row["estimate"] > 0.5 and row["ci_low"] > 0 and row["p_value"] < 0.01
    null = _status_effect(impact.synth.SynthEffects.null(), seed=5)
    assert null["ci_low"] < 0 < null["ci_high"]

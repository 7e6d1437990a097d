"""SynthEffects refuses numbers that are not finite: NaN passed every check (``nan < 0`` is false) and was planted
(``indicator_post_review=nan`` left every indicator figure after a review missing); an infinite log-odds made a
probability 1 (newuser18 left it: types were checked, not values)."""
from __future__ import annotations

import math

import pytest

from impact.synth import SynthEffects, generate_with_truth
from impact.synth._effects import _NUMBERS


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf], ids=["nan", "inf", "-inf"])
@pytest.mark.parametrize("name", _NUMBERS)
def test_a_number_that_is_not_finite_is_refused_by_name(name, value):
    with pytest.raises(ValueError, match=rf"`{name}` must be a finite number, but {value!r} was passed"):
        SynthEffects(**{name: value})


@pytest.mark.parametrize("name", ["code_log_odds", "wave_log_odds"])
def test_a_log_odds_that_is_not_finite_is_refused_with_its_key(name):
    odds = dict(getattr(SynthEffects(), name))
    key = next(iter(odds))
    odds[key] = math.nan
    with pytest.raises(ValueError, match=rf"`{name}` must hold finite numbers, but \{{'{key}': nan\}}"):
        SynthEffects(**{name: odds})


def test_finite_numbers_are_taken_and_planted():
    # the guard refuses no finite value: the numbers given are the ones planted
    eff = SynthEffects(council_sd=0.0, indicator_post_review=-1.25, intervention_log_odds=-3)
    study, truth = generate_with_truth(n_councils=5, seed=3, effects=eff, words_per_interview=60)
    assert truth.effects.indicator_post_review == -1.25 and truth.effects.council_sd == 0.0
    assert study.indicators["value"].notna().any()

"""Models fitted on some of a panel's waves (lead, stop 74).

``intervention_effects(panel, waves=[...])`` and ``change_by_status`` with fewer waves than the panel holds turned
the other waves' rows into a missing wave of a pandas Categorical for the model to drop: pandas 3 deprecates that
(Pandas4Warning, "values ... not in that dtype's categories") and pandas 4 will raise. The rows of the waves asked
for are now taken first; the estimates must equal those from the panel cut to those waves by the caller.
"""
import warnings

import pandas as pd
import pytest

import impact
from impact.synth import generate_with_truth


@pytest.fixture(scope="module")
def panels():
    study, truth = generate_with_truth(12, seed=74_101, interviews_per_wave=2, words_per_interview=60)
    coded = truth.coded()  # the planted coding: the statistics are read, not the coder
    return study, impact.participant_panel(study, coded), impact.council_panel(study, coded)


def _no_category_warning(call):
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        out = call()
    told = [str(w.message) for w in seen if "categories" in str(w.message)]
    assert not told, told
    return out


@pytest.mark.parametrize("kind", ["change_by_status", "intervention_effects"])
def test_a_subset_of_waves_is_the_panel_cut_to_them(panels, kind):
    study, people, councils = panels
    waves = list(study.waves.sort_values("order")["wave"])
    asked = [waves[0], waves[-1]]  # the middle wave left out
    if kind == "change_by_status":
        got = _no_category_warning(lambda: impact.change_by_status(people, waves=asked))
        cut = impact.change_by_status(people[people["wave"].isin(asked)], waves=asked)
    else:
        got = _no_category_warning(lambda: impact.intervention_effects(people, waves=asked, n_permutations=19))
        cut = impact.intervention_effects(people[people["wave"].isin(asked)], waves=asked, n_permutations=19)
    assert len(got) > 0
    pd.testing.assert_frame_equal(got.reset_index(drop=True), cut.reset_index(drop=True))

"""A wave at which no interview was held is named in the summary's opening, never covered by 'at each wave'."""

from __future__ import annotations

import warnings

import pytest

from impact.pipeline import analyse, build_report
from impact.schema import TABLES
from impact.study import DEFAULT_WAVES, Study


def _opening(study) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        report, _ = build_report(analyse(study, n_resamples=99, seed=1))
    return report.sections[0].blocks[0].text


@pytest.mark.parametrize("empty_waves", [0, 1])
def test_the_opening_names_a_wave_no_interview_is_at(tiny_study, empty_waves):
    meta = dict(tiny_study.meta)
    extra = [{"id": "mid", "label": "Mid-point", "anchor": "review_end", "window_days": [600, 700]}]
    meta["waves"] = [*tiny_study.meta.get("waves", DEFAULT_WAVES), *extra[:empty_waves]]
    study = Study(meta, {name: tiny_study.table(name) for name in TABLES},
                  {p: tiny_study.transcript(i) for i, p in zip(tiny_study.interviews["interview_id"],
                                                                tiny_study.interviews["transcript"], strict=True)})
    text = _opening(study)
    print(text)
    assert f"across {len(study.wave_ids)} waves" in text
    # the tiny study's counts per wave are too small to publish: the opening speaks of the waves, not a total
    if empty_waves:
        assert "drawing on interviews at each wave but mid-point, where none was held (" in text.lower()
    else:
        assert "drawing on interviews at each wave (" in text

"""A wave at which no interview was held is named in the summary's opening, never covered by 'at each wave'."""

from __future__ import annotations

import warnings

import pytest

from impact.pipeline import analyse, build_report, build_summary
from impact.schema import TABLES
from impact.study import DEFAULT_WAVES, Study


def _opening(study) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        summary = build_summary(analyse(study, n_resamples=99, seed=1))
    return summary.blocks[0].text


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


def test_the_trajectories_heading_names_the_waves_of_the_study_only(tiny_study):
    """The trajectories section was headed 'Trajectories: expectations, early impact and longer-term change' in a
    study of two waves, with no early impact (audit8): the heading names the study's waves, each by its short label,
    and no other."""
    waves = [w for w in tiny_study.meta.get("waves", DEFAULT_WAVES) if w["id"] != "early"]
    tables = {name: tiny_study.table(name) for name in TABLES}
    iv = tables["interviews"]
    tables["interviews"] = iv[iv["wave"] != "early"].reset_index(drop=True)
    study = Study({**tiny_study.meta, "waves": waves}, tables,
                  {p: tiny_study.transcript(i) for i, p in zip(iv["interview_id"], iv["transcript"], strict=True)
                   if i in set(tables["interviews"]["interview_id"])})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        report, _ = build_report(analyse(study, n_resamples=99, seed=1))
    [title] = [s.title for s in report.sections if s.title.startswith("Trajectories")]
    short = [str(w["label"]).split(" (")[0].lower() for w in waves]
    assert title == f"Trajectories: {short[0]} and {short[1]}", title
    left_out = next(str(w["label"]).split(" (")[0].lower() for w in DEFAULT_WAVES if w["id"] == "early")
    assert left_out not in title.lower()

"""Report truth, round 72: a study with a wave between the first and the last at which no interview was held. With
three waves, main built both trajectory tables of 'incomplete' alone (every participant missed the empty wave) under
a definition of persistence as 'reported at both later waves', of a study that held one; with four or five, it
counted expectations realised among participants interviewed at every declared wave, so none, and the summary had no
sentence on them, and it said 'both waves after the review' of two of three. Found by the truth72 audit
(bench/truth72_audit.py, seeds from 800000-899999); the seeds here are this round's own."""

from __future__ import annotations

import re
import warnings

import pytest

IMPACTS = ("commitment", "plans_actions", "learning", "policies_systems", "morale", "partnership")


def _without_wave(n, waves, seed, drop):
    """``(study, coded, findings, report)``: a generated study with every interview at ``drop`` taken out (its
    declared waves kept), analysed with its planted coding of the interviews held."""
    from conftest import without_wave

    from impact.pipeline import analyse, build_report

    study, _, coded = without_wave(n, waves, seed, drop, 2)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        findings = analyse(study, coded=coded, n_resamples=99, seed=1)
        report = build_report(findings, min_count=1)[0]
    return study, coded, findings, report


def _summary(report) -> list[str]:
    return [i for b in report.sections[0].blocks for i in (getattr(b, "items", None) or [])]


def _planted_states(study, coded):
    """``{(participant, wave): (anticipated codes, reported codes)}`` of the planted coding, for every participant
    interviewed at each wave (anticipated: hedged and not negated; reported: asserted, impact.measures)."""
    iv = study.interviews[["interview_id", "participant_id", "wave"]]
    out = {(p, str(w)): (set(), set()) for p, w in zip(iv["participant_id"], iv["wave"], strict=True)}
    rows = coded.merge(iv, on="interview_id")
    for p, w, code, pol in zip(rows["participant_id"], rows["wave"], rows["code"], rows["polarity"], strict=True):
        if code in IMPACTS and pol in ("hedged", "asserted"):
            out[(p, str(w))][pol == "asserted"].add(code)
    return out


@pytest.mark.parametrize("n,seed", [(14, 72611), (22, 72877)])
def test_no_trajectory_tables_of_incomplete_alone_where_the_middle_wave_had_no_interview(n, seed):
    """Three waves, none held at the middle one: no trajectory table (main: both tables with every participant
    'incomplete', under 'sustained when reported at both later waves'), and the section says why persistence cannot be
    judged, naming the wave."""
    from impact.report import Paragraph, Table

    study, _, findings, report = _without_wave(n, 3, seed, "early")
    assert findings.trajectories.empty
    [section] = [s for s in report.sections if s.title.startswith("Trajectories")]
    assert not any(isinstance(b, Table) for b in section.blocks), [b.name for b in section.blocks
                                                                  if isinstance(b, Table)]
    said = " ".join(b.text for b in section.blocks if isinstance(b, Paragraph))
    label = study.waves.set_index("wave").loc["early", "label"]
    assert f"no interview was held at {label}" in said, said
    assert "sustained, faded or emerging cannot be judged" in said, said
    assert "both later waves" not in said
    # and the summary states no share sustained between the one wave after the review held and itself
    assert not any("reported again at" in i for i in _summary(report))


@pytest.mark.parametrize("n,waves,seed,drop", [(16, 4, 72533, "longer_term"), (18, 5, 72749, "early")])
def test_expectations_realised_are_counted_over_the_waves_held(n, waves, seed, drop):
    """Four or five waves, none held at one between the first and the last: the summary states the expectations
    realised among the participants interviewed at every wave held (main: none, all being counted among those
    interviewed at every declared wave), each count equal to the planted coding's, and names the waves of the share
    sustained rather than 'both waves after the review'."""
    study, coded, _, report = _without_wave(n, waves, seed, drop)
    held = [w for w in study.wave_ids if w != drop]
    states = _planted_states(study, coded)
    people = {p for p, _ in states}
    every = [p for p in sorted(people) if all((p, w) in states for w in held)]
    expected = [(p, c) for p in every for c in states[(p, held[0])][0]]
    before = lambda p: states[(p, held[0])][0] | states[(p, held[0])][1]  # noqa: E731
    unexpected = [(p, c) for p in every for c in IMPACTS if c not in before(p)]
    after = {(p, c) for p in every for w in held[1:] for c in states[(p, w)][1]}
    items = _summary(report)
    [realised] = [i for i in items if "expectations held before the review by participants interviewed at every wave "
                  "at which interviews were held" in i]
    got = re.search(r"Of the ([\d,]+) expectations .*?\), ([\d,]+) \(\d+%\) we.*?; of the ([\d,]+) impacts .*? "
                    r"before the review, ([\d,]+) \(", realised)
    assert got, realised
    want = [len(expected), sum(e in after for e in expected), len(unexpected), sum(u in after for u in unexpected)]
    assert [int(x.replace(",", "")) for x in got.groups()] == want, (realised, want)
    [sustained] = [i for i in items if "reported again at" in i]
    assert "both waves after the review" not in sustained, sustained
    first, last = (study.waves.set_index("wave").loc[w, "label"].split(" (")[0].lower() for w in (held[1], held[-1]))
    assert f"both {first} and {last}" in sustained, sustained

"""Report truth, round 44 (truth44): the summary's caveat of councils whose intervention status changed within a wave,
against planted changes; the numbers stated in the report's prose found in the tables and figures they refer to."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest


def _plant_changes(folder) -> dict:
    """Rewrite the status history of the study saved in ``folder`` (seed 44303, 8 councils): two councils never in
    intervention get a notice to improve from the second date of their interviews of one wave (one from the first date
    after the median, one before it, each taken from interviews.csv), and a third council's Ofsted judgement changes
    between its interviews of one wave (a change of status the comparisons by intervention status do not read).
    Returns the planted truth: the councils whose interviews of a wave were held under two intervention statuses and
    the interviews held under a status other than the one in force at the median date of their council's interviews
    at that wave (which the panels count them in)."""
    iv = pd.read_csv(folder / "interviews.csv", dtype=str, keep_default_na=False)
    history = pd.read_csv(folder / "status_history.csv", dtype=str, keep_default_na=False)
    iv["date"] = pd.to_datetime(iv["date"])
    never = set(iv["council_id"]) - set(history.loc[history["kind"] != "ofsted_judgement", "council_id"])
    spread = iv.groupby(["council_id", "wave"])["date"].nunique()
    spread = spread[spread >= 2].reset_index()
    notice, judged = spread[spread["council_id"].isin(never)], spread[~spread["council_id"].isin(never)]
    planted, off, rows = {}, 0, []
    for (council, wave), pick in zip(notice[["council_id", "wave"]].drop_duplicates("council_id").head(2).itertuples(
            index=False), ("after", "before"), strict=True):
        dates = iv.loc[(iv["council_id"] == council) & (iv["wave"] == wave), "date"]
        middle = dates.median()
        later = sorted(d for d in dates.unique() if (d > middle if pick == "after" else d <= middle) and d > dates.min())
        start = later[0] if later else sorted(dates.unique())[1]
        rows.append({"council_id": council, "kind": "improvement_notice", "status": "notice_to_improve",
                     "start_date": f"{start:%Y-%m-%d}", "end_date": "", "source": "planted"})
        counted_in_notice = start <= middle
        off += int(((dates >= start) != counted_in_notice).sum())
        planted[council] = wave
    council, wave = judged.iloc[0]["council_id"], judged.iloc[0]["wave"]
    dates = iv.loc[(iv["council_id"] == council) & (iv["wave"] == wave), "date"]
    split = dates.min() + pd.Timedelta(days=1)
    rows.append({"council_id": council, "kind": "ofsted_judgement", "status": "inadequate",
                 "start_date": f"{split:%Y-%m-%d}", "end_date": f"{dates.max() + pd.Timedelta(days=400):%Y-%m-%d}",
                 "source": "planted"})
    ofsted = history["kind"] == "ofsted_judgement"
    # the judgement in force at the wave ends the day before the planted one, the next starts after it
    mine = ofsted & (history["council_id"] == council)
    starts, ends = pd.to_datetime(history["start_date"]), pd.to_datetime(history["end_date"].replace("", None))
    history.loc[mine & (starts < split) & (ends.isna() | (ends >= split)), "end_date"] = \
        f"{split - pd.Timedelta(days=1):%Y-%m-%d}"
    after = mine & (starts >= split) & (starts <= dates.max() + pd.Timedelta(days=400))
    history.loc[after, "start_date"] = f"{dates.max() + pd.Timedelta(days=401):%Y-%m-%d}"
    pd.concat([history, pd.DataFrame(rows)]).to_csv(folder / "status_history.csv", index=False)
    return {"moved": planted, "held_off": off, "judged": council}


@pytest.fixture(scope="module")
def within_a_wave(tmp_path_factory):
    """The study of :func:`_plant_changes`, saved, changed, loaded (its validation warnings kept), analysed with its
    planted coding (comparisons only) and its report's summary caveats built with min_count 1 and 5."""
    from impact.pipeline import analyse, build_report
    from impact.report import Callout
    from impact.study import load_study
    from impact.synth import generate_with_truth, save_synthetic

    folder = tmp_path_factory.mktemp("round44") / "s"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        study, truth = generate_with_truth(8, seed=44303, interviews_per_wave=3, words_per_interview=80)
        save_synthetic(study, truth, folder)
        planted = _plant_changes(folder)
        loaded = load_study(folder)
        findings = analyse(loaded, coded=truth.coded(), n_resamples=19, seed=1, parts=["comparisons"])
        caveats = {}
        for min_count in (1, 5):
            report, _ = build_report(findings, min_count=min_count)
            [summary] = [s for s in report.sections if s.title == "Summary"]
            caveats[min_count] = " ".join(b.text for b in summary.blocks if isinstance(b, Callout))
    return loaded, planted, caveats


def test_the_caveat_counts_the_councils_and_interviews_held_under_another_intervention_status(within_a_wave):
    """Planted: two councils go into intervention between their interviews of one wave, a third's Ofsted judgement
    changes between its interviews of one (the validation warns of all three). Main said "3 councils changed
    intervention status between their interviews of one wave" (at min_count 1), counting the Ofsted judgement as one,
    and that their interviews are counted in the status at "the wave's median interview date" (it is the median date
    of the council's own interviews at that wave). Now the caveat counts the councils whose interviews of a wave were
    held under two intervention statuses, and the interviews counted in a status other than the one they were held in;
    each count below min_count is 'some'."""
    loaded, planted, caveats = within_a_wave
    warned = {p.value for p in loaded.load_problems if p.file == "status_history.csv" and "one status a wave" in p.expected}
    assert len(warned) >= 3, loaded.load_problems  # the validation warns of all three planted changes
    # the planted truth of the panels: each moved council is counted in one status at its wave
    ws = loaded.wave_status().set_index(["council_id", "wave"])["intervention"]
    assert {ws[(c, w)] for c, w in planted["moved"].items()} == {"none", "notice"}, ws
    k, off = len(planted["moved"]), planted["held_off"]
    assert k == 2 and off >= 2, planted
    one = caveats[1]
    interviews = "interview is" if off == 1 else "interviews are"
    assert (f"that {k} councils changed intervention status between their interviews of one wave, and each council's "
            f"interviews of a wave are counted in the status in force at their median date, so {off} {interviews} "
            "counted in a status other than the one in force when held") in one, one
    assert "the wave's median interview date" not in one, one
    few = caveats[5]
    assert "that some councils changed intervention status between their interviews of one wave" in few, few
    assert f"{k} councils changed" not in few and f"so {off} interview" not in few or off >= 5, few

"""Report truth, round 47 (truth47): the report under informative attrition. Participants in councils in intervention
planted to miss the later interviews far more often than the others (``participant_missing_in_intervention``, as
bench/ipw_check.py plants it): the report told only how many interviews were missed, never that they were missed by
status, so figures pooling the councils read as if the missed interviews were at random."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from conftest import analysed_synthetic, report_of, report_table, summary_of

#: The chance a participant in a council in intervention misses each wave (bench/ipw_check.py's MISSING_IN).
MISSING_IN = {"expectations": 0.05, "early": 0.45, "longer_term": 0.65}
DESIGN = dict(interviews_per_wave=4, words_per_interview=120, participant_missing=0.05, council_missing=0.0,
              parts=["comparisons"])


@pytest.fixture(scope="module")
def informative():
    """20 councils (seed 47020) whose participants in intervention miss 45% and 65% of the later interviews. Its whole
    report is built here, once: both tests read it (the summary's caveats are its first section, :func:`summary_of`),
    where the first test built the summary alone and the second the whole report again (testtime22)."""
    study, truth, findings = analysed_synthetic(20, 47020, participant_missing_in_intervention=MISSING_IN, **DESIGN)
    report_of(findings)
    return study, truth, findings


@pytest.fixture(scope="module")
def control():
    """The same design and seed with interviews missed alike whatever the council's status."""
    return analysed_synthetic(20, 47020, **DESIGN)


def _listed_by_status(study) -> pd.DataFrame:
    """Independently of the report: every participant at every wave with their council's status group at the wave
    (the study's wave status) and whether an interview was held then."""
    grid = study.participants[["participant_id", "council_id"]].merge(pd.DataFrame({"wave": study.wave_ids}),
                                                                      how="cross")
    ws = study.wave_status()[["council_id", "wave", "in_intervention"]]
    grid = grid.merge(ws, on=["council_id", "wave"], how="left")
    held = set(zip(study.interviews["participant_id"], study.interviews["wave"]))
    grid["held"] = [(p, w) in held for p, w in zip(grid["participant_id"], grid["wave"])]
    grid["status"] = grid["in_intervention"].map({True: "intervention", False: "no_intervention"})
    return grid


def _caveats(findings) -> str:
    from impact.report import Callout

    return " ".join(b.text for b in summary_of(findings).blocks if isinstance(b, Callout))


def test_missed_interviews_by_status_are_said(informative, control):
    """Planted: participants in intervention miss the later interviews far more often. The summary said nothing of it;
    it now says that participants in intervention were interviewed less often, with the shares interviewed at the wave of the widest
    gap, each recomputed here from the study. The control study (missed interviews alike by status) has no such
    caveat: no false alarm."""
    study, _, findings = informative
    said = _caveats(findings)
    # truth59: what the test found, no longer "Missed interviews are not at random" (one test, and the wrong term)
    assert "Participants in councils in intervention were interviewed less often than those in councils not in " \
           "intervention" in said, said
    found = re.search(r"at ([a-z -]+), (\d+)% of those listed against (\d+)%", said)
    assert found, said
    wave = next(w for w in study.wave_ids if study.waves.set_index("wave").loc[w, "label"].lower().startswith(
        found.group(1)))
    grid = _listed_by_status(study)
    share = grid[grid["wave"] == wave].groupby("status")["held"].mean()
    assert int(found.group(2)) == round(100 * share["intervention"]), (found.groups(), share)
    assert int(found.group(3)) == round(100 * share["no_intervention"]), (found.groups(), share)
    # the planted gap is at a later wave, never at the first
    assert wave != study.wave_ids[0]
    assert "were interviewed less often" not in _caveats(control[2])


def test_attrition_by_status_table(informative):
    """The sample section's attrition table gave totals alone; the participants interviewed and missing at each wave
    by status are now a table, counted as the study holds them, their missing summing to the attrition table's."""
    study, _, findings = informative
    table = report_table(findings, "attrition_by_status").data
    grid = _listed_by_status(study)
    for r in table.to_dict("records"):
        at = grid[(grid["wave"] == r["wave"]) & (grid["status"] == r["status"])]
        if r["n_participants_missing"] != "c":
            assert r["n_participants_missing"] == int((~at["held"]).sum()), r
        if r["n_participants_interviewed"] != "c":
            assert r["n_participants_interviewed"] == int(at["held"].sum()), r
    totals = report_table(findings, "attrition").data.set_index("wave")["n_participants_missing"]
    for w, g in table.groupby("wave"):
        if (g["n_participants_missing"] != "c").all() and totals[w] != "c":
            assert g["n_participants_missing"].sum() == totals[w]
    later = table[table["wave"] == study.wave_ids[-1]].set_index("status")["share_interviewed"]
    assert later["intervention"] < later["no_intervention"] - 0.2, later
    note = report_table(findings, "attrition_by_status").notes
    assert "response differed by status at the 5% level" in note, note

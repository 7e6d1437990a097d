"""What the report states about a study, against the truth planted in it and its own tables: round 17.

Each design has a seed unused by any other test (9601-9620) and is analysed with the planted coding (only the analyses
each check needs). Every claim is checked against the planted truth or recounted from the report's own published
tables.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest
from conftest import analysed_synthetic, once_per_worker, report_of

from impact.report import Bullets, Table

pytestmark = pytest.mark.xdist_group("report_truth_round17")

IMPACTS = ["commitment", "plans_actions", "learning", "policies_systems", "morale", "partnership"]


def _bullets(findings) -> list[str]:
    report, _ = report_of(findings)
    return [i for b in report.sections[0].blocks if isinstance(b, Bullets) for i in b.items]


def _table(findings, name: str) -> Table:
    report, _ = report_of(findings)
    return next(b for s in report.sections for b in s.blocks if isinstance(b, Table) and b.name == name)


def _planted_panel(study, truth) -> pd.DataFrame:
    """Per participant, wave and impact: anticipated (a hedged statement) and reported (an asserted one), from the
    planted statements."""
    st = truth.statements[truth.statements["code"].isin(IMPACTS)]
    grid = study.interviews[["participant_id", "wave"]].drop_duplicates().merge(pd.DataFrame({"code": IMPACTS}),
                                                                               how="cross")
    for col, polarity in (("anticipated", "hedged"), ("reported", "asserted")):
        said = st[st["polarity"] == polarity][["participant_id", "wave", "code"]].drop_duplicates().assign(**{col: True})
        grid = grid.merge(said, on=["participant_id", "wave", "code"], how="left")
        grid[col] = grid[col].astype("boolean").fillna(False).astype(bool)
    return grid


@pytest.fixture(scope="module")
def thirty():
    """``(study, truth, findings)``: 30 councils, some participants missing a wave (the generator's attrition)."""
    return once_per_worker(("round17", "thirty", 9601), lambda: analysed_synthetic(
        30, 9601, interviews_per_wave=4, words_per_interview=250, parts=[]))


# --------------------------------------------------------------------------- 1. the summary and the table of realisation
def test_the_summary_and_the_table_of_realisation_count_the_same_participants(thirty):
    """The summary counted expectations realised among participants interviewed at every wave; the table of
    realisation it refers to counted as realised a participant who missed a later wave and reported the impact at the
    other (such a participant could never be unmet), so its columns added up to other numbers and a reader could not
    check one against the other (seed 9601, 30 councils: the summary said 98 of 157 expectations realised, the
    table's realised column added up to 120 and its unmet column to 59). Recounted from the planted statements: the
    table's realised and unmet columns now add up to the summary's counts, both those of participants interviewed at
    every wave."""
    study, truth, f = thirty
    p = _planted_panel(study, truth)
    waves = list(study.wave_ids)
    every = p.groupby("participant_id")["wave"].nunique()
    assert (every < len(waves)).any()  # the design is meant to have participants missing a wave
    p = p[p["participant_id"].isin(every.index[every == len(waves)])]
    held = p[(p["wave"] == waves[0]) & p["anticipated"]][["participant_id", "code"]]
    later = p[p["wave"].isin(waves[1:]) & p["reported"]][["participant_id", "code"]].drop_duplicates()
    realised = len(held.merge(later, on=["participant_id", "code"]))
    [said] = [s for s in _bullets(f) if "reported as realised" in s]
    m = re.match(r"Of the ([\d,]+) expectations that participants interviewed at every wave .*?, ([\d,]+) \(", said)
    assert m and (int(m[1].replace(",", "")), int(m[2].replace(",", ""))) == (len(held), realised), said
    table = _table(f, "realisation").data
    cols = table[["n_realised", "n_unmet_expectation"]]
    assert cols.map(lambda v: isinstance(v, int)).all().all(), table  # all published in this design
    assert (int(cols["n_realised"].sum()), int(cols.sum().sum())) == (realised, len(held)), table

"""Panels and trajectories on a hand-coded tiny study (expected values worked out by hand)."""

import pandas as pd
import pytest

from impact.panel import council_panel, participant_panel
from impact.trajectories import action_completion, impact_chain, trajectories, transition_matrix


@pytest.fixture
def segments(tiny_study):
    iv = tiny_study.interviews
    return pd.DataFrame(
        {
            "segment_id": iv["interview_id"] + ":1",
            "interview_id": iv["interview_id"],
            "council_id": iv["council_id"],
            "participant_id": iv["participant_id"],
            "wave": iv["wave"],
        }
    )


def _coded(rows):
    return pd.DataFrame(rows, columns=["unit", "code", "negated", "hedged"])


@pytest.fixture
def coded():
    return _coded(
        [
            ("P3-expectations:1", "morale", True, False),  # negated: not a mention
            ("P3-expectations:1", "partnership", False, True),  # hedged expectation
            ("P4-expectations:1", "partnership", False, False),
            ("P3-early:1", "morale", False, False),
            ("P3-longer_term:1", "partnership", False, False),
            ("P1-expectations:1", "learning", False, True),
            ("P1-longer_term:1", "learning", False, False),
            ("P2-early:1", "learning", False, False),
        ]
    )


def test_council_panel_values(tiny_study, coded, segments):
    p = council_panel(tiny_study, coded, segments=segments, codes=["learning", "morale", "partnership"])
    assert len(p) == 3 * 3 * 3  # councils x waves x codes
    row = p.set_index(["council_id", "wave", "code"])
    r = row.loc[("880", "expectations", "morale")]
    assert (bool(r["mentioned"]), bool(r["denied"]), int(r["n_participants_denied"])) == (False, True, 1)
    r = row.loc[("880", "expectations", "partnership")]
    # P3 anticipated it (hedged), P4 reported it: two participants mention it, one reports, one anticipates
    assert bool(r["mentioned"]) and bool(r["reported"]) and bool(r["anticipated"])
    assert int(r["n_participants_mentioned"]) == 2 and float(r["share_mentioned"]) == 1.0
    assert int(r["n_participants_reported"]) == 1 and float(r["share_reported"]) == 0.5
    assert int(r["n_participants_anticipated"]) == 1
    assert r["intervention"] == "notice" and r["status_group"] == "intervention"
    # 302 has no longer-term interview: missing, never zero.
    r = row.loc[("302", "longer_term", "learning")]
    assert not r["interviewed"] and pd.isna(r["mentioned"]) and pd.isna(r["n_participants_reported"])
    # 880 after the notice was lifted.
    assert row.loc[("880", "longer_term", "morale"), "status_group"] == "no_intervention"
    assert row.loc[("301", "early", "learning"), "council_type"] == "london_borough"


def test_participant_panel(tiny_study, coded, segments):
    p = participant_panel(tiny_study, coded, segments=segments, codes=["learning", "morale", "partnership"])
    assert len(p) == 10 * 3  # 10 interviews x 3 codes
    r = p.set_index(["participant_id", "wave", "code"]).loc[("P1", "expectations", "learning")]
    assert bool(r["mentioned"]) and bool(r["anticipated"]) and not bool(r["reported"]) and r["role"] == "dcs"


def test_trajectories_and_transitions(tiny_study, coded, segments):
    p = council_panel(tiny_study, coded, segments=segments, codes=["learning", "morale", "partnership"])
    t = trajectories(p, study=tiny_study).set_index(["council_id", "code"])
    # expectations are anticipated (hedged) mentions at the first wave; realised impact is reported later
    assert t.loc[("301", "learning"), ["realisation", "persistence"]].tolist() == ["realised", "emerging"]
    assert t.loc[("880", "morale"), ["realisation", "persistence"]].tolist() == ["unanticipated", "faded"]
    assert t.loc[("880", "partnership"), ["realisation", "persistence"]].tolist() == ["realised", "emerging"]
    # read from mentions instead, the same council's partnership counts a report (P4) as an expectation
    m = trajectories(p, study=tiny_study, expected="mentioned", realised="mentioned").set_index(["council_id", "code"])
    assert m.loc[("880", "partnership"), "realisation"] == "realised"
    # 302 missed a later wave: incomplete, though it reported learning at the other (were it realised there, it could
    # never be unmet, and the share realised would be overstated)
    assert t.loc[("302", "learning"), ["realisation", "persistence"]].tolist() == ["incomplete", "incomplete"]
    assert t.loc[("302", "morale"), "realisation"] == "incomplete"
    tm = transition_matrix(p, study=tiny_study)
    sub = tm[(tm["code"] == "learning") & (tm["from_wave"] == "early")]
    # early -> longer_term for learning: 301 F->T, 880 F->F; 302 missing
    assert sub.set_index(["from_state", "to_state"])["n"].to_dict() == {
        (False, False): 1, (False, True): 1, (True, False): 0, (True, True): 0}
    assert set(sub["n_missing"]) == {1}


def test_impact_chain():
    p = pd.DataFrame(
        {
            "council_id": ["A"] * 9 + ["B"] * 9,
            "wave": ["expectations", "early", "longer_term"] * 6,
            "code": (["insight"] * 3 + ["action"] * 3 + ["outcome"] * 3) * 2,
            "mentioned": [False, True, True, False, False, True, False, False, True]
            + [False, False, True, True, False, False, False, False, False],
        }
    )
    ch = impact_chain(p, outcome="mentioned").set_index("council_id")
    assert ch.loc["A", ["first_insight", "first_action", "first_outcome"]].tolist() == ["early", "longer_term", "longer_term"]
    assert bool(ch.loc["A", "chain_complete"]) and bool(ch.loc["A", "chain_ordered"])
    assert ch.loc["B", "n_levels"] == 2 and not ch.loc["B", "chain_complete"]


def test_action_completion(tiny_study):
    from impact.study import Study

    tables = {n: tiny_study.table(n) for n in ("councils", "status_history", "reviews", "participants", "interviews")}
    tables["actions"] = pd.DataFrame({"action_id": ["A1", "A2"], "council_id": ["301", "301"], "theme": ["outcomes", "managing_resources"],
                                      "owner_role": ["dcs", "senior_manager"], "description": [None, None]})
    tables["action_progress"] = pd.DataFrame({"action_id": ["A1", "A2", "A1", "A2"], "wave": ["early", "early", "longer_term", "longer_term"],
                                              "status": ["in_progress", "not_started", "embedded", "completed"]})
    s = Study(tiny_study.meta, tables, {})
    ac = action_completion(s)
    assert ac[["wave", "n_actions", "n_completed", "share_completed"]].values.tolist() == [["early", 2, 0, 0.0], ["longer_term", 2, 2, 1.0]]


# P4's expectations interview (880 has P3's too at that wave) and P2's early one (302's only interview at that
# wave) yield no segment: no respondent speech was found in their transcripts, so the machine coded nothing there.
_SILENT = ("P4-expectations", "P2-early")
_CODES = ["learning", "morale", "partnership"]


def _without(frame: pd.DataFrame, column: str, interviews) -> pd.DataFrame:
    return frame[~frame[column].str.rsplit(":", n=1).str[0].isin(list(interviews))]


def test_interviews_without_segments_are_missing_not_nothing_reported(tiny_study, coded, segments):
    seg, kept = _without(segments, "segment_id", _SILENT), _without(coded, "unit", _SILENT)
    p = council_panel(tiny_study, kept, segments=seg, codes=_CODES)
    # expected counts straight from the interviews table, less the interviews without speech
    iv = tiny_study.interviews
    iv = iv[~iv["interview_id"].isin(_SILENT)]
    want = iv.groupby(["council_id", "wave"]).agg(n=("interview_id", "size"), people=("participant_id", "nunique"))
    per_cw = p.drop_duplicates(["council_id", "wave"]).set_index(["council_id", "wave"])
    for key, r in per_cw.iterrows():
        n, people = (want.loc[key, "n"], want.loc[key, "people"]) if key in want.index else (0, 0)
        assert (r["n_interviews"], r["n_participants"], bool(r["interviewed"])) == (n, people, n > 0), key
    row = p.set_index(["council_id", "wave", "code"])
    # 880 at expectations: P3 alone is the denominator; P3's hedged partnership is anticipated by one of one
    r = row.loc[("880", "expectations", "partnership")]
    assert int(r["n_participants"]) == 1 and float(r["share_anticipated"]) == 1.0
    assert int(r["n_participants_reported"]) == 0 and float(r["share_reported"]) == 0.0
    # 302 at early: its only interview had no speech, so the council-wave is not interviewed (missing, not zero)
    for code in _CODES:
        r = row.loc[("302", "early", code)]
        assert not r["interviewed"] and pd.isna(r["reported"]) and pd.isna(r["share_reported"])
        assert pd.isna(r["n_participants_reported"])
    pp = participant_panel(tiny_study, kept, segments=seg, codes=_CODES)
    assert len(pp) == (len(tiny_study.interviews) - len(_SILENT)) * len(_CODES)
    assert not (pp["participant_id"] + "-" + pp["wave"]).isin(_SILENT).any()


def test_supplied_coding_of_an_interview_without_segments_keeps_it(tiny_study, coded, segments):
    # a person coded P2's early interview (a whole-interview coding) though the segmenter found no speech in it
    seg = _without(segments, "segment_id", _SILENT)
    supplied = _without(coded, "unit", ["P4-expectations"])
    supplied = supplied.assign(interview_id=supplied["unit"].str.rsplit(":", n=1).str[0])
    row = council_panel(tiny_study, supplied, segments=seg, codes=_CODES).set_index(["council_id", "wave", "code"])
    r = row.loc[("302", "early", "learning")]
    assert r["interviewed"] and int(r["n_interviews"]) == 1 and bool(r["reported"]) and float(r["share_reported"]) == 1.0
    assert int(row.loc[("880", "expectations", "learning"), "n_interviews"]) == 1  # P4's, neither segmented nor coded


def test_without_segments_every_interview_counts_as_coded(tiny_study, coded):
    row = council_panel(tiny_study, _without(coded, "unit", _SILENT), codes=_CODES).set_index(["council_id", "wave", "code"])
    r = row.loc[("302", "early", "learning")]
    assert r["interviewed"] and int(r["n_interviews"]) == 1 and float(r["share_reported"]) == 0.0

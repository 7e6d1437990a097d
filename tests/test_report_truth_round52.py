"""Report truth, round 52 (truth52). The report's models have wave and status terms but no wave by status interaction:
a change in one status group only was partly absorbed by the status term, and the report could not say that a change
differs by intervention status (truth51's planted change: found at one seed of three, disputed at one, missed at one).
Each impact's change is now modelled in each status group (the same GEE with the wave interacting with the status at
the wave), tested for a difference (Holm across the impacts), tabled, and said in the summary only where it differs."""

from __future__ import annotations

import math

import numpy as np
import pytest
from conftest import analysed_synthetic, once_per_worker, report_of, summary_of

#: Chosen before any run of this file (none used in an earlier round, nor in the design's trials, which used 52001-3).
SEEDS = (52101, 52102, 52103)
CONTROL_SEED = 52104
LEARNING = "promotion of learning and reflective practice"
FLAT = {"expectations": 0.0, "early": 0.0, "longer_term": 0.0}
#: Promotion of learning up by 2 on the log-odds scale at both later waves in councils not in intervention ...
RISE = {"learning": {"expectations": 0.0, "early": 2.0, "longer_term": 2.0}}
#: ... and down by 1.5 in councils in intervention at the wave (the rise taken away and 1.5 more): opposite directions.
#: (First written -4, a fall of 2: at seed 52103 four participants in intervention reported it at early impact, a
#: count below 5 that the report hides, so rightly it gave no figure of learning's change by status and said nothing.)
FALL_IN_INTERVENTION = {"learning": {"expectations": 0.0, "early": -3.5, "longer_term": -3.5}}
#: 30 councils, five interviews per council and wave, the models only (at 20 the test found the planted difference at
#: two of three trial seeds after Holm's adjustment).
STUDY = dict(interviews_per_wave=5, words_per_interview=60, parts=["models"])


def _study(seed, by_status: bool):
    effects = {"wave_log_odds": FLAT, "code_wave_log_odds": RISE}
    if by_status:
        effects["intervention_wave_log_odds"] = FALL_IN_INTERVENTION
    return once_per_worker(("round52", seed, by_status),
                           lambda: analysed_synthetic(30, seed, effects=effects, **STUDY))


def _said(findings) -> list[str]:
    from impact.report import Bullets

    return [i for b in summary_of(findings).blocks if isinstance(b, Bullets) for i in b.items]


def _claims(said: list[str]) -> dict[str, dict[str, set[str]]]:
    """Per impact label the summary says differs by status: per group ('not', 'in'), the directions said at the waves
    named ('more', 'less', 'none')."""
    out = {}
    for s in said:
        if not s.startswith("The change in ") or "differs by intervention status" not in s:
            continue
        label = s[len("The change in "):].split(" across the waves", 1)[0]
        groups = {"not": set(), "in": set()}
        for clause in s.split("): ", 1)[1].split("; "):
            for part in clause.split(") and "):
                group = "not" if "councils not in intervention" in part else "in"
                groups[group].add("more" if "reported more often" in part else "less" if "reported less often" in part
                                  else "none")
        out[label] = groups
    return out


def _table(findings):
    from impact.report import Table

    report, _ = report_of(findings)
    found = [b for s in report.sections for b in s.blocks if isinstance(b, Table) and b.name == "change_by_status"]
    return found[0] if found else None


# One seed here proves the property (on main before truth52 the summary said no change differs, at any seed); 52102 and
# 52103 run in `make validity` (bench/moved_cases.py, through this function), each a 30-council study (testtime35).
@pytest.mark.parametrize("seed", SEEDS[:1])
def test_a_change_that_differs_by_status_is_found_with_each_groups_direction(seed):
    """Planted: promotion of learning reported more often at both later waves in councils not in intervention (log-odds
    +2) and less often in councils in intervention (-1.5); no other impact changes. On 30 councils, at each of seeds
    52101-52103 the summary says learning's change differs by intervention status, with a rise or no significant
    change in councils not in intervention and a fall or none in those in intervention (never the wrong direction,
    and a direction said in at least one group), and says no other impact's change differs."""
    _, truth, f = _study(seed, by_status=True)
    assert truth.effects.intervention_wave_log_odds == FALL_IN_INTERVENTION
    claims = _claims(_said(f))
    assert set(claims) == {LEARNING}, claims
    groups = claims[LEARNING]
    assert groups["not"] <= {"more", "none"} and groups["in"] <= {"less", "none"}, groups
    assert groups["not"] | groups["in"] != {"none"}, groups


@pytest.mark.parametrize("seed", SEEDS[:1])
def test_the_table_gives_each_groups_change_from_the_findings(seed):
    """The table 'Change across the waves by intervention status' (Word, workbook, web page, CSV): per impact and later
    wave, each group's odds ratio and interval, their ratio and the impact's test, as the findings hold them; each
    group's change recomputed by an independent GEE with the status coded the other way round (its wave term is the
    change in councils in intervention) and by the interaction model itself (its wave term, councils not in
    intervention); the test's Holm adjustment recomputed by hand across the impacts tested."""
    import warnings

    from impact.stats import longitudinal_model

    _, _, f = _study(seed, by_status=True)
    table = _table(f)
    assert table is not None
    data = table.data
    bs = f.change_by_status
    learning = data[(data["impact"] == "learning") & (data["wave"] == "longer_term")].iloc[0]
    pp = f.participant_panel
    d = pp[(pp["code"] == "learning")].dropna(subset=["status_group"])
    d = d.assign(y=d["reported"].astype(int), wave=d["wave"].astype(str),
                 not_in=(d["status_group"] == "no_intervention").astype(int),
                 in_int=(d["status_group"] == "intervention").astype(int))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for col, name in (("not_in", "in"), ("in_int", "not_in")):
            res = longitudinal_model(d, formula=f"y ~ C(wave, Treatment('expectations')) * {col}", unit="council_id",
                                     family="binomial", method="gee", cov_struct="exchangeable")
            term = "C(wave, Treatment('expectations'))[T.longer_term]"
            assert learning[f"{name}_odds_ratio"] == pytest.approx(math.exp(res.params.loc[term, "estimate"]), rel=1e-4)
            assert learning[f"{name}_ci_low"] == pytest.approx(math.exp(res.params.loc[term, "ci_low"]), rel=1e-3)
    tests = bs[bs["term"] == "differs"]
    tested = tests[tests["tested"].astype(bool)].sort_values("p_value")
    p = tested["p_value"].to_numpy()
    m = len(p)
    holm = np.minimum(1, np.maximum.accumulate([(m - i) * p[i] for i in range(m)]))
    assert tested["p_adjusted"].to_numpy() == pytest.approx(holm)
    assert learning["differs"] == "yes" and learning["differs_p_adjusted"] < 0.05
    assert learning["in_odds_ratio"] < 1 < learning["not_in_odds_ratio"]
    from impact.report._xlsx import table_csv

    head = table_csv(table).decode("utf-8-sig").splitlines()[0].split(",")
    assert {"not_in_odds_ratio", "in_odds_ratio", "ratio_of_odds_ratios", "differs_p_adjusted", "differs"} <= set(head)
    from impact.report import data_dictionary

    report, _ = report_of(f)
    described = data_dictionary(report)
    described = described[described["table"] == "change_by_status"]
    assert set(head) <= set(described["column"])


def test_the_same_change_everywhere_is_not_said_to_differ():
    """Control (seed 52104): the same rise in learning planted in every council, whatever its status. The table is
    there, learning's test says no, and the summary claims no change differing by status (its rise is said as
    before)."""
    _, truth, f = _study(CONTROL_SEED, by_status=False)
    assert not truth.effects.intervention_wave_log_odds
    report_of(f)  # the whole report, read below, first: the summary is read from it
    said = _said(f)
    assert _claims(said) == {}, said
    table = _table(f)
    assert table is not None
    assert set(table.data.loc[table.data["impact"] == "learning", "differs"]) == {"no"}


def test_too_few_councils_are_not_tested_and_nothing_is_claimed():
    """On 6 councils (seed 52105) the GEE's sandwich is unreliable: every impact's row says it was not tested and why,
    with no p-value, and no change is said to differ (no claim where the test cannot be trusted)."""
    import warnings

    from impact.effects import change_by_status
    from impact.panel import participant_panel
    from impact.synth import generate_with_truth

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        study, truth = generate_with_truth(6, seed=52105, interviews_per_wave=4, words_per_interview=50,
                                           effects={"intervention_wave_log_odds": FALL_IN_INTERVENTION})
        out = change_by_status(participant_panel(study, truth.coded()), waves=study.wave_ids,
                               codes=["learning", "morale"])
    tests = out[out["term"] == "differs"]
    assert len(tests) == 2 and not tests["tested"].astype(bool).any()
    assert tests["why_not"].str.contains("fewer than 10 councils|status group").all(), tests["why_not"]
    assert tests["p_adjusted"].isna().all() and out["estimate"].isna().all()

"""Report truth, round 56 (truth56). The change by status weighted for missed interviews (truth54) left two strict
xfails in tests/test_report_truth_round54.py (a planted rise the weighted fit missed at 54133, an attrition's difference
it claimed at 54141). Diagnosed as limits of the estimator, not faults of the code: its estimates are the weighted
cells' logits (recomputed independently to 1e-6 at both seeds), and over 200 studies of each of that design (24 councils,
seeds 4563000-4563199 null and 4564000-4564199 planted, chosen before the run) its size was 7 of 200 (3.5%) and its
power 145 of 200 (72.5%): 54141 is chance, 54133 one of the misses. What the report now says of it: how little the
weighted test can find at the study's size, computed from the study's fits; and, where the complete-case fit is Firth's,
that the weighted check was not possible and why (``w_why_not``)."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from scipy import stats

#: Chosen before any run of this file (none in bench/, tests/ or impact/ then). The first planted design (a rise of 3,
#: seed 56311) put every participant of the councils ever in intervention reporting learning at the early wave (41 of
#: 41: at a base share of about 0.6 a rise of 3 makes it 0.97), so its fit was Firth's and had no weighted check; the
#: rise is 2 (about 0.92 there) with a fresh seed, 56312, chosen before running it: neither fit found it (learning's
#: Holm p 0.24 complete, 0.20 weighted; each fit's own p 0.040 and 0.033), too weak a design (30 councils, 5 interviews
#: a wave, the rise at one wave of two). Explored on other seeds (4567000-4567027, none used here): 40 councils and a
#: rise of 2.5 found at 5 of 8. This design: 40 councils of 8 interviews a wave, a rise of 2.5, a quarter of the
#: early interviews in intervention missed; fresh seeds 56314 and 56323 chosen before running it.
FIRTH_SEED = 56301
PLANTED_SEED, CONTROL_SEED = 56314, 56323
RISE = 2.5
N_COUNCILS, PER_WAVE, MISSED = 40, 8, 0.25
WAVES = ["before", "early", "late"]


def _separated_panel(seed: int, missed: float) -> tuple[pd.DataFrame, object]:
    """16 councils (8 in intervention at every wave), 8 participants each, three waves; each reports the impact with
    chance 0.5 except that no participant in intervention does at the last wave (a wave and status cell of none:
    separation, so the complete-case fit is Firth's); each later participant-wave missed with chance ``missed``. The
    participant panel and a stand-in study (participants and each council's status at each wave)."""
    import types

    rng = np.random.default_rng(seed)
    rows, people, status = [], [], []
    for c in range(16):
        inside = c < 8
        status += [{"council_id": c, "wave": w, "intervention": "notice" if inside else "none"} for w in WAVES]
        for k in range(8):
            pid = f"P{c:02d}-{k}"
            people.append({"participant_id": pid, "council_id": c})
            for w in WAVES:
                y = bool(rng.random() < 0.5) and not (inside and w == WAVES[-1])
                if w != WAVES[0] and rng.random() < missed:
                    continue
                rows.append({"code": "learning", "participant_id": pid, "council_id": c, "wave": w,
                             "status_group": "intervention" if inside else "no_intervention", "reported": y})
    frame = pd.DataFrame(status)
    return pd.DataFrame(rows), types.SimpleNamespace(participants=pd.DataFrame(people), wave_status=lambda: frame)


def _differs(panel, study, **kw) -> pd.Series:
    from impact.effects import change_by_status

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = change_by_status(panel, study=study, waves=WAVES, **kw)
    return out[out["term"] == "differs"].iloc[0]


def test_a_firth_fit_says_why_it_has_no_weighted_check():
    """Where a wave and status group's participants none reported it and interviews were missed, the complete-case
    test is Firth's and the weighted one is not made: ``w_why_not`` says so (no weighted Firth fit), its ``w_`` figures
    are NaN. With no interview missed it says that instead; where the weighted fit is made it is empty."""
    from impact.effects import WEIGHTED_NOT_FIRTH, WEIGHTED_NOTHING_MISSED

    t = _differs(*_separated_panel(FIRTH_SEED, 0.2))
    assert t["estimator"] == "firth" and t["tested"], t.to_dict()
    assert t["w_why_not"] == WEIGHTED_NOT_FIRTH and np.isnan(float(t["w_p_value"]))
    panel, study = _separated_panel(FIRTH_SEED, 0.0)
    # no separation and nothing missed: the GEE, and nothing to weight for
    panel = panel.assign(reported=panel["reported"] | (panel["participant_id"].str.endswith("-0")))
    t = _differs(panel, study)
    assert t["estimator"] == "gee" and t["w_why_not"] == WEIGHTED_NOTHING_MISSED, t.to_dict()
    made = _differs(*_separated_panel(FIRTH_SEED, 0.2)[:1], None)
    assert pd.isna(made["w_why_not"]) or made["w_why_not"] == ""  # no study: nothing asked of the weighted fit


def test_the_gee_helper_returns_one_shape():
    """``_by_status_gee`` returns ``(test, table, fit)`` whether weighted or not (it returned two or three values)."""
    from impact.effects import _BY_STATUS_FORMULA, _by_status_gee

    panel, study = _separated_panel(FIRTH_SEED, 0.2)
    d = panel.assign(y=(panel["reported"] | panel["participant_id"].str.endswith("-0")).astype(int),
                     wave=pd.Categorical(panel["wave"], categories=WAVES),
                     in_intervention=panel["status_group"].eq("intervention").astype(int))
    assert _BY_STATUS_FORMULA.startswith("y ~")
    names = {w: (f"C(wave)[T.{w}]", f"C(wave)[T.{w}]:in_intervention") for w in WAVES[1:]}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fit = _by_status_gee(d, names, 0.05)
    assert len(fit) == 3 and set(fit[0]) >= {"statistic", "p_value"} and hasattr(fit[2], "params")


# ------------------------------------------------------------------------------ the report's words
#: As tests/test_report_truth_round54.py: at the default threshold (5) every change by status of seed 47020 is
#: withheld; at 3 three impacts' are published.
MIN_COUNT = 3


@pytest.fixture(scope="module")
def informative_report(attrition_informative):
    from impact.pipeline import build_report

    _, _, f = attrition_informative
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return f, build_report(f, min_count=MIN_COUNT)[0]


def _note(report) -> str:
    from impact.report import Table

    return next(b for s in report.sections for b in s.blocks
                if isinstance(b, Table) and b.name == "change_by_status").notes


def test_the_note_says_how_little_the_weighted_test_can_find(informative_report):
    """The change by status table's note gives the least ratio of the odds ratios at the last wave the weighted test
    would find with 80% power at 0.05, recomputed here from the findings: the median over the impacts weighted and
    published of exp((t(0.975, df) + t(0.8, df)) x se) of the last wave's weighted difference; the complete cases'
    beside it, and the effective participant-waves (Kish) against the interviewed."""
    f, report = informative_report
    note = _note(report)
    bs = f.change_by_status
    table = next(b for s in report.sections for b in s.blocks if getattr(b, "name", "") == "change_by_status").data
    shown = [c for c in table.loc[pd.to_numeric(table["weighted_ratio"], errors="coerce").notna(), "impact"].unique()]
    assert shown, table
    last = bs[(bs["term"] == "change_difference") & (bs["wave"] == "longer_term") & bs["code"].isin(shown)]

    def least(se, df):
        return float(np.exp(np.median((stats.t.ppf(0.975, df) + stats.t.ppf(0.8, df)) * se)))

    w = least(last["w_se"].astype(float).to_numpy(), last["w_df"].astype(float).to_numpy())
    cc = least(last["se"].astype(float).to_numpy(), last["df"].astype(float).to_numpy())
    assert w > 1 and cc > 1
    assert (f"with 80% power at 0.05, only a ratio of the odds ratios of about {w:.1f} or more (or {1 / w:.2f} or "
            f"less; the complete cases' about {cc:.1f})") in note, note
    tests = bs[(bs["term"] == "differs") & bs["code"].isin(shown)]
    assert f"about {tests['n_effective'].astype(float).median():.0f} effective participant-waves of the " \
           f"{tests['n_obs'].astype(float).median():.0f} interviewed" in note


def test_a_firth_fit_without_a_weighted_check_is_said_in_the_note_and_the_summary(informative_report):
    """An impact whose change by status was fitted by Firth (set on the report's own table: a planted Firth fit with a
    claimed difference) is named in the note as having no weighted check, with why; the summary's sentence stating its
    difference says the weighted check was not possible."""
    import dataclasses

    from impact.effects import WEIGHTED_NOT_FIRTH
    from impact.pipeline import build_report
    from impact.report import Bullets

    f, _ = informative_report
    bs = f.change_by_status.copy()
    code = "commitment"
    row = (bs["code"] == code)
    test = row & (bs["term"] == "differs")
    assert test.any() and bs.loc[test, "tested"].astype(bool).all()
    others = (bs["term"] == "differs") & (bs["code"] != code)
    bs.loc[others, ["p_value", "p_adjusted", "w_p_adjusted"]] = 0.9
    bs.loc[row, "estimator"] = "firth"
    # planted raw too: the report adjusts it with the summary's other status tests (truth68)
    bs.loc[test, ["p_value", "p_adjusted"]] = (0.00001, 0.001)
    bs.loc[row, [c for c in bs.columns if c.startswith("w_") and c != "w_why_not"] + ["n_effective"]] = np.nan
    bs.loc[test, "w_why_not"] = WEIGHTED_NOT_FIRTH
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        report = build_report(dataclasses.replace(f, change_by_status=bs), min_count=MIN_COUNT)[0]
    name = f.codebook.codes.set_index("code_id").loc[code, "label"].lower()
    note = _note(report)
    head = "The weighted check was not possible for "
    assert head in note, note
    listed = note.split(head, 1)[1].split(f": {WEIGHTED_NOT_FIRTH}.", 1)[0]
    labels = f.codebook.codes.set_index("code_id")["label"].str.lower()
    firth = bs.loc[(bs["term"] == "differs") & bs["w_why_not"].eq(WEIGHTED_NOT_FIRTH), "code"]
    assert code in set(firth) and all(labels[c] in listed for c in firth), listed  # every one named, ours among them
    said = [i for b in report.sections[0].blocks if isinstance(b, Bullets) for i in b.items]
    claim = [s for s in said if s.startswith(f"The change in {name} across the waves differs by intervention status")]
    assert len(claim) == 1, said
    assert claim[0].endswith(f"The weighted check of it was not possible: {WEIGHTED_NOT_FIRTH}."), claim[0]


# ------------------------------------------------------------------------------ enter and leave, weighted
def _entered_lifted(seed: int, rise: float, n_councils: int = N_COUNCILS, per_wave: int = PER_WAVE,
                    missed: float = MISSED):
    """truth55's generator path (:data:`N_COUNCILS` councils, half entering intervention after the review and leaving
    it before the longer-term wave), a rise in learning only while in intervention, and participants in intervention
    missing :data:`MISSED` of the early interviews (the generator's attrition by status): the study, its truth and
    the participant panel."""
    from impact.panel import participant_panel
    from impact.synth import generate_with_truth

    effects = {"intervention_log_odds": 0.0}
    if rise:
        effects["intervention_wave_log_odds"] = {"learning": {"expectations": 0.0, "early": rise, "longer_term": rise}}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        study, truth = generate_with_truth(n_councils, seed=seed, interviews_per_wave=per_wave, words_per_interview=60,
                                           effects=effects, intervention_paths={"never": 0.5, "entered_lifted": 0.5},
                                           participant_missing_in_intervention={"early": missed})
        return study, truth, participant_panel(study, truth.coded())


def _weighted_by_status(seed: int, rise: float) -> pd.DataFrame:
    from impact import Codebook
    from impact.effects import change_by_status

    study, _, panel = _entered_lifted(seed, rise)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return change_by_status(panel, study=study, codes=Codebook.load("nfer_impacts").top_codes(),
                                waves=study.wave_ids)


def test_the_weighted_fit_finds_a_change_planted_while_in_intervention():
    """A rise of 2.5 in learning while councils are in intervention (the early wave only, under enter and leave), with
    participants in intervention missing a quarter of the early interviews: the weighted fit was made (``w_why_not``
    empty), finds learning's change differs (weighted Holm p across the impacts weighted below 0.05), reads the
    difference at the early wave above 0 and above the longer-term wave's."""
    out = _weighted_by_status(PLANTED_SEED, RISE)
    t = out[(out["term"] == "differs") & (out["code"] == "learning")].iloc[0]
    assert t["grouping"] == "ever_in_intervention" and t["w_why_not"] == "", t.to_dict()
    assert t["w_p_adjusted"] < 0.05, t.to_dict()
    diff = out[(out["term"] == "change_difference") & (out["code"] == "learning")].set_index("wave")["w_estimate"]
    assert diff["early"] > 0 and diff["longer_term"] < diff["early"], diff.to_dict()


def test_the_weighted_fit_claims_nothing_under_the_same_histories_with_nothing_planted():
    """The control: the same histories and attrition, nothing planted; every impact weighted, none claimed."""
    out = _weighted_by_status(CONTROL_SEED, 0.0)
    t = out[(out["term"] == "differs") & out["tested"].astype(bool) & out["estimator"].eq("gee")]
    assert len(t) and t["w_why_not"].eq("").all(), t[["code", "w_why_not"]].to_dict("records")
    assert not (t["w_p_adjusted"].astype(float) < 0.05).any(), t[["code", "w_p_adjusted"]].to_dict("records")


def test_the_weighted_fit_under_enter_and_leave_is_the_weighted_cells():
    """The fault truth56 found: under enter and leave no council is in intervention at the first wave, so the response
    model's levels 'in intervention x first report' exist at the early wave only, their columns are redundant, and
    IRLS on them (statsmodels' pinv) went to a response probability of 0 in a cell with respondents: an infinite
    weight, and the weighted fit was silently not made (seed 56312 of this file's first planted design: 30 councils,
    5 interviews a wave, 40% of the early interviews in intervention missed, a rise of 2). Now made, and its estimate
    recomputed independently: with working independence the saturated outcome model's fitted values are the weighted
    shares of its cells (wave by ever in intervention), each participant-wave weighted by the inverse of its response
    cell's share interviewed (wave by status at the wave by the first-wave report; at the first wave, which has no
    first report of its own, the report's levels are the outcome itself and weigh 1)."""
    from impact.effects import change_by_status

    study, _, panel = _entered_lifted(56312, 2.0, n_councils=30, per_wave=5, missed=0.4)
    waves = study.wave_ids
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = change_by_status(panel, study=study, codes=["learning"], waves=waves)
    ws = study.wave_status()[["council_id", "wave", "in_intervention"]]
    g = (study.participants[["participant_id", "council_id"]].merge(pd.DataFrame({"wave": waves}), how="cross")
         .merge(ws, on=["council_id", "wave"]))
    seen = panel[panel["code"] == "learning"][["participant_id", "wave", "reported"]]
    g = g.merge(seen, on=["participant_id", "wave"], how="left")
    first = g[g["wave"] == waves[0]].set_index("participant_id")["reported"]
    g["cell"] = (g["in_intervention"].astype(bool).astype(str) + "|"
                 + g["participant_id"].map(first).map({True: "yes", False: "no"}).fillna("unseen"))
    g["seen"] = g["reported"].notna()
    share = g.groupby(["wave", "cell"])["seen"].transform("mean")
    ever = g.groupby("council_id")["in_intervention"].transform("max").astype(int)
    g = g.assign(w=1 / share, ever=ever)[g["seen"]]
    wm = (g.assign(yw=g["reported"].astype(float) * g["w"]).groupby(["ever", "wave"])[["yw", "w"]].sum()
          .pipe(lambda t: t["yw"] / t["w"]))
    logit = np.log(wm / (1 - wm))
    got = out.query("term == 'change_difference'").set_index("wave")["w_estimate"]
    for w in waves[1:]:
        want = (logit[(1, w)] - logit[(1, waves[0])]) - (logit[(0, w)] - logit[(0, waves[0])])
        assert got[w] == pytest.approx(want, abs=1e-6), (w, got[w], want)
    assert out.query("term == 'differs'")["w_why_not"].iloc[0] == ""

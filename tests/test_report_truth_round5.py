"""What the report states about a study, against the truth planted in it: round 5.

Seeds no other test uses, one per shape earlier rounds did not cover: 229403 (20 councils whose intervention status
changes at every wave, half of them in at the first and last waves and out at the middle one, the others the other way
round, so that every council is in intervention at some wave; every impact planted to rise at both later waves, by the
same log-odds); 262139 (24 councils and a fourth wave, 'legacy', at which each participant seen at longer-term change
is interviewed again and says what they said then); 205759 (5 councils with heavy attrition: a participant misses a
wave with probability 0.4, leaves with 0.4, a council misses a wave with 0.3). Every figure is recomputed here with
pandas and statsmodels, or read from the planted truth and the status histories the design writes.

Also tried, with no defect found in the summary, warning box or tables (not run here, for time): 171803 (150 councils,
default effects), 183397 (40 councils, nothing planted: the summary states no finding), 247991 (30 councils with the
heavy attrition above), 216841 (60 councils, partnership planted to be reported more often in intervention and morale
less often, its codings thinned in councils in intervention), 258113 (20 councils, three impacts never coded),
231677 (20 councils each in intervention at exactly one wave).
"""

from __future__ import annotations

import re
import warnings

import numpy as np
import pandas as pd
import pytest
from conftest import (
    CORE_PARTS,
    held,
    models_withheld,
    printed_p,
    repeat_wave,
    report_of,
    summary_of,
)

from impact.report import Bullets, Callout, Table

pytestmark = pytest.mark.xdist_group("report_truth_round5")

IMPACTS = ["commitment", "plans_actions", "learning", "policies_systems", "morale", "partnership"]
WAVES = ["expectations", "early", "longer_term"]


def _analyse(study, coded, parts=CORE_PARTS):
    """``analyse`` of a study coded by people, by default the comparisons, change and models only (conftest.CORE_PARTS:
    the survey, review themes, indicators and process are read by no test of the study so analysed)."""
    from impact.pipeline import analyse

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return analyse(study, coded=coded, n_resamples=199, seed=1, parts=parts)


def _rebuilt(study, tables=None, meta=None, transcripts=None):
    """``study`` with some of its tables, its metadata or its transcripts replaced."""
    from impact.schema import TABLES
    from impact.study import Study

    iv = study.interviews
    texts = {p: study.transcript(i) for i, p in zip(iv["interview_id"], iv["transcript"], strict=True)}
    return Study(meta or study.meta, {**{name: study.table(name) for name in TABLES}, **(tables or {})},
                 transcripts or texts)


def _with_status(study, pattern):
    """``study`` with every notice and direction replaced so that council ``k`` (in id order) is in intervention at
    wave ``w`` exactly when ``pattern(k)[w]``: a notice from 20 days before the council's reference date at the wave
    (the median date of its interviews) to 20 days after."""
    from impact.schema import TABLES

    ref = study.wave_dates().pivot(index="council_id", columns="wave", values="reference_date")
    history = study.table("status_history")
    rows = [{"council_id": cid, "kind": "improvement_notice", "status": "improvement_notice",
             # the median of two interview dates can fall at noon; a study's dates are days
             "start_date": (ref.loc[cid, w] - pd.Timedelta(days=20)).normalize(),
             "end_date": (ref.loc[cid, w] + pd.Timedelta(days=20)).normalize(),
             "source": "test"}
            for k, cid in enumerate(sorted(study.councils["council_id"])) for w in WAVES if pattern(k)[w]]
    history = pd.concat([history[history["kind"] == "ofsted_judgement"], pd.DataFrame(rows)], ignore_index=True)
    return _rebuilt(study, {"status_history": history[TABLES["status_history"].column_names]})


@pytest.fixture(scope="module")
def flipping():
    """20 councils: status changing at every wave, every council in intervention at some wave; every impact planted to
    rise from the first wave by log-odds 2.5 at both later waves; nothing planted by status."""
    from impact.synth import generate_with_truth

    study, truth = generate_with_truth(20, seed=229403, interviews_per_wave=3, words_per_interview=150, effects={
        "intervention_log_odds": 0.0, "wave_log_odds": {"expectations": -2.5, "early": 0.0, "longer_term": 0.0}})
    study = _with_status(study, lambda k: dict(zip(WAVES, (k % 2 == 0, k % 2 == 1, k % 2 == 0), strict=True)))
    coded = truth.coded()
    return study, coded, _analyse(study, coded, parts=[*CORE_PARTS, "indicators"])  # the indicators' table is read


@pytest.fixture(scope="module")
def four():
    """24 councils and a fourth wave, 'legacy' (a year after longer-term change): each longer-term interview is held
    again and its codings copied, so legacy's truth is longer-term change's."""
    from impact.synth import generate_with_truth

    study, truth = generate_with_truth(24, seed=262139, interviews_per_wave=3, words_per_interview=150)
    study, coded = repeat_wave(study, truth.coded(), of="longer_term", wave="legacy",
                               label="Legacy (about 2 years after)", days=365, window_days=(548, 912))
    return study, coded, _analyse(study, coded)


@pytest.fixture(scope="module")
def few():
    """5 councils with heavy attrition (planted coding)."""
    from impact.synth import generate_with_truth

    study, truth = generate_with_truth(5, seed=205759, interviews_per_wave=3, words_per_interview=150,
                                       participant_missing=0.4, participant_dropout=0.4, council_missing=0.3)
    coded = truth.coded()
    return study, coded, _analyse(study, coded, parts=None)  # every analysis: a test reads every table


def _summary(findings) -> list[str]:
    return [i for b in summary_of(findings).blocks if isinstance(b, Bullets) for i in b.items]


def _table(findings, name) -> Table:
    report, _ = report_of(findings)
    return next(b for s in report.sections for b in s.blocks if isinstance(b, Table) and b.name == name)


def _labels(findings) -> dict[str, str]:
    return dict(zip(findings.codebook.codes["code_id"], findings.codebook.codes["label"], strict=True))


def _held(study, coded, polarity: str) -> pd.DataFrame:
    return held(study, coded, polarity, IMPACTS)


def _short(study, wave: str) -> str:
    label = study.waves.set_index("wave").loc[wave, "label"]
    return str(label).split(" (")[0].lower()


def _range(rows: pd.DataFrame) -> str:
    """The figures a sentence of more than four changes gives for them (round 6): how many, the range of their odds
    ratios and of their adjusted p-values."""
    ratios = np.exp(rows["estimate"])
    low, high = (printed_p(p) for p in (rows["p_adjusted"].min(), rows["p_adjusted"].max()))
    ps = f"p {low}" if low == high else f"p from {low} to {high}"
    return f"({len(rows)} changes: odds ratios from {ratios.min():.2f} to {ratios.max():.2f}, Holm-adjusted {ps};"


# --------------------------------------------------------------------------- the same change at several later waves
def _holm(p: pd.Series) -> np.ndarray:
    from statsmodels.stats.multitest import multipletests

    return multipletests(p, method="holm")[1]


def _figures(r) -> str:
    return f"odds ratio {np.exp(r['estimate']):.2f}, 95% CI {np.exp(r['ci_low']):.2f} to {np.exp(r['ci_high']):.2f}"


@pytest.mark.parametrize("which", ["flipping", "four"])
def test_impacts_that_changed_alike_at_several_waves_are_named_once(request, which):
    """The summary named each impact once per later wave even where the same impacts changed the same way at each
    (seed 171803, 150 councils: all six impacts, each with its label twice, in one sentence of 12 clauses). Later
    waves with the same impacts changed in the same direction are now named together and each impact once, followed by
    its odds ratio at each of those waves; every change the models make significant (Holm, recomputed with
    statsmodels) is still stated with its figures, and every wave without one likewise. The planted shift is checked
    to rise at the later waves."""
    study, coded, f = request.getfixturevalue(which)
    later = list(study.wave_ids[1:])
    grid = _held(study, coded, "asserted").groupby("wave")["held"].mean()
    assert all(grid[w] - grid["expectations"] > 0.2 for w in later), grid
    labels = {c: label.lower() for c, label in _labels(f).items()}
    m = f.models[f.models["term"].str.startswith("wave_")].copy()
    assert m["p_adjusted"].to_numpy() == pytest.approx(_holm(m["p_value"]))
    # round 53 (disclosure): a model whose margins would narrow a suppressed count is withheld whole (at 20 councils,
    # seed 229403, learning's and morale's); the summary speaks of the models shown, adjusted across them alone
    withheld = models_withheld(f)
    assert set(withheld) < set(m["code"]), withheld
    m = m[~m["code"].isin(withheld)].copy()
    m["p_adjusted"] = _holm(m["p_value"])
    m["wave"] = m["term"].str.removeprefix("wave_")
    sig = m[m["p_adjusted"] < 0.05]
    said = _summary(f)
    [stated] = [s for s in said if s.startswith("Compared with ")]
    # the waves whose significant changes are the same impacts in the same directions
    sets: dict[tuple, list[str]] = {}
    for w in later:
        part = sig[sig["wave"] == w]
        if len(part):
            key = tuple(sorted((r.code, r.estimate > 0) for r in part.itertuples()))
            sets.setdefault(key, []).append(w)
    assert any(len(ws) > 1 for ws in sets.values()), sets  # the design makes two waves agree
    for ws in sets.values():
        names = [_short(study, w) for w in ws]
        where = names[0] if len(ws) == 1 else " and ".join(names) if len(ws) == 2 else \
            ", ".join(names[:-1]) + " and " + names[-1]
        assert f"at {('', 'both ')[len(ws) == 2] if len(ws) < 3 else 'each of '}{where} " in stated, (ws, stated)
    for code in IMPACTS:
        groups = sum(1 for key in sets if code in {c for c, _ in key})
        assert stated.count(labels[code]) == groups, (code, stated)
    for r in sig.itertuples():
        if len(sig) > 4:  # round 6: beyond four changes, their range (test_report_truth_round6 checks it)
            assert _range(sig) in stated, stated
            continue
        several = len(next(ws for key, ws in sets.items() if r.wave in ws)) > 1
        figures = _figures(m.loc[r.Index])
        assert figures in stated, (r.code, r.wave, stated)
        if several:
            assert re.search(re.escape(figures) + r", Holm-adjusted p [=<] [0-9.]+ at " + re.escape(_short(study, r.wave)),
                             stated), (r.code, r.wave, stated)
    # the waves at which an impact that changed elsewhere showed none: every one stated with its figures, once
    quiet = m[m["code"].isin(set(sig["code"])) & ~m.index.isin(sig.index)]
    nothing = [s for s in said if s.startswith("Of th") and "no significant change" in s]
    alike = {tuple(sorted(quiet.loc[quiet["wave"] == w, "code"])) for w in quiet["wave"].unique()}
    assert len(nothing) == len(alike), nothing
    for r in quiet.itertuples():
        alike_r = quiet[quiet["code"].isin(quiet.loc[quiet["wave"] == r.wave, "code"])]
        alike_r = alike_r[alike_r["wave"].isin([w for w in quiet["wave"].unique()
                                                if set(quiet.loc[quiet["wave"] == w, "code"]) ==
                                                set(quiet.loc[quiet["wave"] == r.wave, "code"])])]
        shown = _range(alike_r) if len(alike_r) > 4 else _figures(m.loc[r.Index])
        assert sum(shown in s for s in nothing) >= 1, (r.code, r.wave, nothing)
    for s in nothing:
        for code in IMPACTS:
            assert s.count(f"{labels[code]} (") <= 1, s


# --------------------------------------------------------------------------- three waves after the review
def test_the_share_sustained_names_its_waves_when_three_follow_the_review(four):
    """Seed 262139 with a fourth wave: the summary said 'participants interviewed at both waves after the review'
    (there are three) and that 36 impacts were 'reported for the first time at legacy', every one of which had been
    reported at longer-term change (legacy repeats it). The sentence now names the two waves it compares and says
    'not at early impact'; its counts are recomputed from the coding with pandas."""
    study, coded, f = four
    later = list(study.wave_ids[1:])
    assert len(later) == 3
    first, between, last = later
    rep = _held(study, coded, "asserted")
    seen = rep.groupby("participant_id")["wave"].agg(set)
    both = seen.index[seen.map(lambda s: {first, last} <= s)]
    r = rep[rep["participant_id"].isin(both) & rep["held"]]
    at_first = set(map(tuple, r.loc[r["wave"] == first, ["participant_id", "code"]].to_numpy()))
    at_last = set(map(tuple, r.loc[r["wave"] == last, ["participant_id", "code"]].to_numpy()))
    at_between = set(map(tuple, rep.loc[rep["held"] & (rep["wave"] == between), ["participant_id", "code"]].to_numpy()))
    new = at_last - at_first
    assert new and new <= at_between  # none of them is reported for the first time at the last wave
    said = _summary(f)
    [stated] = [s for s in said if "were reported again at" in s or "was reported again at" in s]
    a, b = _short(study, first), _short(study, last)
    assert "both waves after the review" not in stated and "for the first time" not in stated, stated
    kept = len(at_first & at_last)
    assert stated.startswith(f"Of the {len(at_first):,} impacts that participants interviewed at both {a} and {b} "
                             f"reported at {a}"), stated
    assert f"{kept:,} ({kept / len(at_first):.0%}) were reported again at {b}" in stated
    assert f"{len(new):,} were reported at {b} that had not been at {a}." in stated


# --------------------------------------------------------------------------- counts below the threshold
def _realised(study, coded) -> tuple[int, int]:
    """Expectations (hedged at the first wave) of participants interviewed at every wave, and how many were reported
    (asserted) at a later wave: one per participant and impact (pandas, from the coding)."""
    hoped, rep = _held(study, coded, "hedged"), _held(study, coded, "asserted")
    waves = rep.groupby("participant_id")["wave"].nunique()
    every = waves.index[waves == len(study.wave_ids)]
    expected = hoped[hoped["participant_id"].isin(every) & (hoped["wave"] == study.wave_ids[0]) & hoped["held"]]
    later = rep[rep["participant_id"].isin(every) & (rep["wave"] != study.wave_ids[0]) & rep["held"]]
    n = len(expected[["participant_id", "code"]])
    return n, len(expected[["participant_id", "code"]].merge(later[["participant_id", "code"]].drop_duplicates()))


def test_the_summary_publishes_no_count_below_the_threshold(few):
    """Seed 205759 (5 councils, heavy attrition): the summary said 'Of the 5 expectations that participants
    interviewed at every wave held ..., 1 (20%) were reported as realised', a count of 1 (and 4 unmet), while the
    trajectory table hid the same kind of counts and the limitations said 'Counts below 5 ... are suppressed across the
    whole report'. The sentence's counts are now in the report's disclosure ledger: it is stated only when they can be
    published, and otherwise the summary says it is left out and why. Recomputed from the coding with pandas."""
    study, coded, f = few
    n, k = _realised(study, coded)
    assert 0 < min(k, n - k) < 5  # the design gives a count the threshold hides
    report_of(f)  # the whole report, read below, first: the summary is read from it
    said = _summary(f)
    report, _ = report_of(f)
    [limits] = [b.text for b in report.sections[-1].blocks if isinstance(b, Callout)]
    assert "Counts below 5" in limits
    assert not any(s.startswith(f"Of the {n:,} expectations") for s in said), said
    [left_out] = [s for s in said if s.startswith("This summary does not state")]
    assert "the share of expectations realised" in left_out and "is below 5 and is not published" in left_out
    # whatever share sentence is stated publishes no count from 1 to 4, nor one that gives such a count away
    for s in said:
        m = re.match(r"Of the ([\d,]+) (expectations|impacts that participants interviewed).*?, ([\d,]+) \(\d+%\)", s)
        if m:
            total, part = int(m.group(1).replace(",", "")), int(m.group(3).replace(",", ""))
            assert not (0 < part < 5 or 0 < total - part < 5), s


# --------------------------------------------------------------------------- every council in intervention at a wave
def test_status_changing_at_every_wave_is_read_from_the_histories(flipping):
    """The councils in intervention at each wave, from the notices the design writes (half of them at each wave, no
    council in or out throughout), are the report's; it says councils move in and out of intervention."""
    study, coded, f = flipping
    data = _table(f, "status_by_wave").data
    ids = sorted(study.councils["council_id"])
    for i, w in enumerate(WAVES):
        expected = sum(1 for k in range(len(ids)) if (k % 2 == 0) == (i != 1))
        assert data.loc[(data["wave"] == w) & (data["intervention"] == "notice"), "n_councils"].item() == expected
    report, _ = report_of(f)
    [limits] = [b.text for b in report.sections[-1].blocks if isinstance(b, Callout)]
    assert "councils move in and out of intervention between waves" in limits


def test_no_council_never_in_intervention_is_not_a_suppressed_count(flipping):
    """Every council is in intervention at some wave, so no council is never in it and the indicators cannot be
    compared with councils never in intervention. The table showed 'c' councils never in intervention (a count of 1
    to 4 withheld, to a reader) and 'c' for every estimate, as if figures had been withheld; it now shows 0, leaves
    the estimates blank and says why. The councils never in intervention are counted here from the status history."""
    study, coded, f = flipping
    h = study.table("status_history")
    never = set(study.councils["council_id"]) - set(h.loc[h["kind"].isin(["improvement_notice", "statutory_direction"]),
                                                          "council_id"])
    assert not never
    table = _table(f, "indicator_did")
    assert (table.data["n_control"] == 0).all(), table.data
    # nothing estimated, no council compared after entering intervention (truth83: the column counts the councils
    # the change is read from); every council entered intervention within the periods (the count this asserted of
    # the table, which named them "Councils entering intervention")
    assert (table.data["n_treated"] == 0).all(), table.data
    assert (f.indicator_effects["n_treated_within"] == len(study.councils)).all(), f.indicator_effects
    values = table.data[["estimate", "ci_low", "ci_high", "p_value", "ri_p_value", "ri_p_adjusted"]]
    assert values.isna().all(axis=None), table.data
    assert ("No estimate for any indicator: no council with these figures was never in intervention, so there is "
            "none to compare with.") in table.notes


def test_the_limitation_on_small_counts_is_true_of_every_table(few):
    """Seed 205759: the limitations said 'Counts below 5 ... are suppressed across the whole report' while the attrition
    table showed 1 council missing at the first wave and the attribution table impacts credited to Ofsted once (counts
    the report publishes by design: councils interviewed are a design fact, attributions count statements). The
    sentence now names those exceptions, and every other count column of every table holds no count from 1 to 4."""
    study, coded, f = few
    report, _ = report_of(f)
    [limits] = [b.text for b in report.sections[-1].blocks if isinstance(b, Callout)]
    exceptions = {"attrition": "the councils interviewed or missing at each wave",
                  "interviews_by_wave": "the councils interviewed or missing at each wave",
                  "attribution": "the statements crediting reported impacts to each factor",
                  "indicator_trends": "the councils whose indicator figure the DfE suppressed"}
    design = {"attrition": ("n_councils_interviewed", "n_councils_missing"), "interviews_by_wave": ("n_councils",),
              "indicator_trends": ("n_flagged",)}  # public: the DfE marks each council's figure (disclosure68)
    small_seen = set()
    for table in (b for s in report.sections for b in s.blocks if isinstance(b, Table)):
        for col in [c for c in table.data.columns if str(c).startswith("n_")]:
            values = pd.to_numeric(table.data[col], errors="coerce")
            small = values[(values > 0) & (values < 5)]
            if small.empty:
                continue
            allowed = table.name == "attribution" or col in design.get(table.name, ())
            assert allowed, (table.name, col, small.tolist())
            small_seen.add(exceptions[table.name])
    # the councils missing at the first wave: 5 councils, one with no interview there (from the interviews held)
    missing = 5 - study.interviews.loc[study.interviews["wave"] == "expectations", "council_id"].nunique()
    assert 0 < missing < 5 and exceptions["attrition"] in small_seen
    for name in small_seen:
        assert name in limits.split("suppressed across the whole report (except ", 1)[1].split(")", 1)[0], limits


@pytest.fixture(scope="module")
def uncoded():
    """40 councils, 5 interviews a wave, coded by people who never coded three of the six impacts (the planted coding
    without them). Round 53 (disclosure): the models' margins hide more prevalence counts, so at 20 councils (and at
    up to 60 with 3 interviews a wave, or 30 with 5) the summary withholds its rankings; 40 councils with 5 interviews
    a wave is the smallest tried where it states them, the sentence this test reads."""
    from impact.synth import generate_with_truth

    study, truth = generate_with_truth(40, seed=258113, interviews_per_wave=5, words_per_interview=150)
    coded = truth.coded()
    coded = coded[~coded["code"].isin(["learning", "morale", "partnership"])]
    return study, truth, _analyse(study, coded)


def test_impacts_never_coded_are_not_ranked_as_if_no_one_spoke_of_them(uncoded):
    """Seed 258113 coded without learning, morale and partnership, each planted (asserted or hoped for) in a third of
    the interviews or more: the summary said which impacts participants 'most often expected' and 'most often
    reported' as if those three had shares of 0, with no word that they were never coded. The sentence now says so."""
    study, truth, f = uncoded
    st = truth.statements
    never = ["learning", "morale", "partnership"]
    n = study.interviews["interview_id"].nunique()
    for code in never:  # planted, so the zero is the coding's, not the participants'
        assert st.loc[(st["code"] == code) & (st["polarity"] != "negated"), "interview_id"].nunique() > n / 3
    labels = {c: label.lower() for c, label in _labels(f).items()}
    said = _summary(f)
    ranked = [s for s in said if "most often" in s and not s.startswith("This summary does not state")]
    assert any(s.startswith("After the review, the impacts most often reported") for s in ranked), said
    # round 30: one helper for lists (semicolons: the labels have 'and' in them)
    from impact._words import _listed

    named = _listed(labels[c] for c in never)
    assert sum(f"{named[:1].upper()}{named[1:]} were coded in no interview at any wave, so they are not ranked" in s
               for s in ranked) == 1, ranked
    for s in ranked:  # none of them is named as most often
        head = s.split(" were coded in no interview")[0].rsplit(". ", 1)[0]
        assert not any(labels[c] in head for c in never), s

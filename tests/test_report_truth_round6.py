"""What the report states about a study, against the truth planted in it: round 6.

Seed 273551, unused by any other test: 30 councils, two interviews per participant-wave, every impact planted to rise
after the review (log-odds 2.0 from the first wave), analysed twice:

- ``three``: the three waves of the design, with the planted coding supplied by the user and a hand check (the planted
  coding of one interview in four, as a person would send it);
- ``four``: the same study with a fourth wave, 'legacy', at which every participant seen at early impact is
  interviewed again and says what they said then (its codings are early impact's), so that the truth of every
  statement on legacy is known: each impact reported at early impact is reported again at legacy and none is new
  there, and the expectations realised at any later wave are those realised at early impact or longer-term change.

Statement by statement, the summaries of the two analyses are compared with each other and with pandas and
statsmodels recomputations from the coding and the models: the opening provenance sentence for each coding source,
the share of expectations realised, the share sustained, the change sentence, the credit sentence; and the status
figure, rendered, is read for bars.
"""

from __future__ import annotations

import dataclasses
import re
import warnings

import numpy as np
import pytest
from conftest import held, printed_p, repeat_wave, report_of, summary_of

from impact.report import Bullets, Figure, Paragraph, Section, Table

pytestmark = pytest.mark.xdist_group("report_truth_round6")

SEED = 273551
IMPACTS = ["commitment", "plans_actions", "learning", "policies_systems", "morale", "partnership"]
WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]


def _analyse(study, coded, human=None):
    """``analyse`` of every part but the survey, which no test here reads (its models were 5 of a 24-council study's
    9 s CPU: the fourteenth pass on the suite's time)."""
    from impact.pipeline import PARTS, analyse

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return analyse(study, coded=coded, human=human, n_resamples=199, seed=1,
                       parts=[p for p in PARTS if p != "survey"])


@pytest.fixture(scope="module")
def three():
    """The three-wave design, the planted coding supplied, one interview in four checked by hand."""
    from impact.synth import generate_with_truth

    study, truth = generate_with_truth(30, seed=SEED, interviews_per_wave=2, words_per_interview=150, effects={
        "wave_log_odds": {"expectations": -2.0, "early": 0.0, "longer_term": 0.0}})
    coded = truth.coded()
    ids = sorted(study.interviews["interview_id"])
    sample = set(np.random.default_rng(SEED).choice(ids, size=len(ids) // 4, replace=False))
    human = coded[coded["interview_id"].isin(sample)].assign(coder="person")
    return study, coded, human, _analyse(study, coded, human)


@pytest.fixture(scope="module")
def four(three):
    """``three`` with a fourth wave, 'legacy', repeating early impact (its interviews and codings), no hand check."""
    study, coded, _, _ = three
    study4, coded4 = repeat_wave(study, coded, of="early", wave="legacy", label="Legacy (about 2 years after)", days=640,
                                 window_days=(548, 912))
    return study4, coded4, _analyse(study4, coded4)


def _summary(findings) -> tuple[str, list[str]]:
    blocks = summary_of(findings).blocks
    return (next(b.text for b in blocks if isinstance(b, Paragraph)),
            [i for b in blocks if isinstance(b, Bullets) for i in b.items])


def _block(findings, kind, name):
    report, _ = report_of(findings)
    return next(b for s in report.sections for b in s.blocks if isinstance(b, kind) and b.name == name)


def _say(k: int) -> str:
    return WORDS[k] if k < len(WORDS) else str(k)


def _held(study, coded, polarity: str):
    return held(study, coded, polarity, IMPACTS)


# --------------------------------------------------------------------------- 1. a suppressed count is no bar
def test_a_suppressed_status_count_draws_no_bar(three, tmp_path):
    """'Councils by intervention status' drew a suppressed count as a hatched bar across the whole axis, which a reader
    can take for a bar of every council. Now the figure, rendered, holds one bar per published count, each as long as
    its count, and none for a suppressed one: only 'c' and the words at the axis. The design has both kinds."""
    from impact import vocab
    from impact.privacy._disclosure import SUPPRESSED

    study, coded, human, f = three
    table = _block(f, Table, "status_by_wave").data
    shown = table[table["n_councils"] != SUPPRESSED]
    hidden = table[table["n_councils"] == SUPPRESSED]
    assert len(shown) and len(hidden), table  # the design gives both
    figure = _block(f, Figure, "status_by_wave")
    figure.fig.savefig(tmp_path / "status.png", dpi=80)
    ax = figure.fig.axes[0]
    widths = sorted(p.get_width() for p in ax.patches)
    assert widths == sorted(float(v) for v in shown["n_councils"]), (widths, table)
    texts = [t.get_text().strip() for t in ax.texts]
    for r in hidden.itertuples():
        level = vocab.label(vocab.INTERVENTION_LEVELS, r.intervention)  # as Table 2 names it (round 38)
        assert f"{SUPPRESSED}: {level}, count suppressed" in texts, (r, texts)
    assert sum(t.endswith("count suppressed") for t in texts) == len(hidden)
    low, high = sorted(ax.get_ylim())
    assert all(low < t.get_position()[1] < high for t in ax.texts)  # every mark inside the axes, bars or none
    assert "has no bar" in figure.alt_text and "hatched" not in figure.alt_text


# --------------------------------------------------------------------------- 2. the provenance sentence
@pytest.mark.parametrize("source", ["supplied, hand-checked", "supplied", "machine"])
def test_the_opening_says_who_coded_the_interviews(three, four, source):
    """The opening said the interviews were 'coded ... by codings supplied by the user (1 coder)'. It now names the
    coders (counted, not named) whose codings the user supplied, or the package's coder, and the interviews a hand
    check coded again, counted here from the coding given. The machine case reads the opening of the same findings
    with the provenance the pipeline records for its coder and no hand check (a machine run of this design takes too
    long for here)."""
    study, coded, human, f = three
    if source == "supplied":
        f = four[2]
    elif source.startswith("machine"):
        f = dataclasses.replace(f, coding={
            "source": "machine", "coders": ["machine"], "coder": "rule coder",
            "description": "the package's rule coder (codebook version 2.0, impact version 0.1.0)", "machine_books": ["impacts"]},
            hand_check=None)
    opening, _ = _summary(f)
    assert "by codings" not in opening and not re.search(r"\(\d+ coders?\)", opening), opening
    k = coded["coder"].nunique()
    if source.startswith("supplied"):
        assert f"codebook by {_say(k)} {'coder' if k == 1 else 'coders'}, whose codings the user supplied" in opening
    else:
        assert "codebook by the package's rule coder (codebook version 2.0, impact version 0.1.0)" in opening, opening
    n = human["interview_id"].nunique()
    check = f", and {_say(n)} interviews were coded again by people to check the coding"
    assert (check in opening) == ("hand" in source), opening
    assert opening.count(".") - opening.count("(codebook version 2.0") >= 1 and opening.endswith(".")


# --------------------------------------------------------------------------- 3. four waves
def _realised(study, coded) -> tuple[int, int]:
    """Expectations (hedged at the first wave) of participants interviewed at every wave, and how many were reported
    (asserted) at a later wave: one per participant and impact (pandas, from the coding)."""
    hoped, rep = _held(study, coded, "hedged"), _held(study, coded, "asserted")
    waves = rep.groupby("participant_id")["wave"].nunique()
    every = waves.index[waves == len(study.wave_ids)]
    first = study.wave_ids[0]
    expected = hoped[hoped["participant_id"].isin(every) & (hoped["wave"] == first) & hoped["held"]]
    later = rep[rep["participant_id"].isin(every) & (rep["wave"] != first) & rep["held"]]
    return len(expected), len(expected[["participant_id", "code"]].merge(later[["participant_id", "code"]].drop_duplicates()))


def test_four_waves_give_the_realised_share_and_say_why_there_are_no_trajectories(three, four):
    """With a fourth wave the report had no sentence on expectations realised and its trajectory section said only
    'Not computed: trajectories (expectations realised, ...)', which the share contradicts once given. The share is
    defined on any number of waves: legacy repeats early impact, so it is the three-wave study's share (planted), and
    both are recomputed from the coding with pandas. The trajectory section says why its tables are not given."""
    study4, coded4, f4 = four
    study3, coded3, _, f3 = three
    n, k = _realised(study4, coded4)
    assert (n, k) == _realised(study3, coded3) and min(k, n - k) >= 5
    report_of(f4)  # the whole report, read below, first: the summary is read from it
    said = (f"Of the {n:,} expectations that participants interviewed at every wave held before the review (one "
            f"per participant and impact), {k:,} ({k / n:.0%}) were reported as realised ")
    for f in (f3, f4):  # followed by the impacts not expected and reported all the same (round 7)
        # 'afterwards' is at either later wave of three; at four waves, at any of the three after the review (truth66)
        sentence = said + ("afterwards" if f is f3 else "at one or more of the 3 waves after it")
        if f is f3 and not any(s.startswith(sentence) for s in _summary(f)[1]):
            # round 17: the three-wave study's table of realisation counts the same participants, so the summary's
            # counts are the sums of its columns; where it hides cells of them, the sums would give them away
            cells = _block(f3, Table, "realisation").data[["n_realised", "n_unmet_expectation"]]
            assert not cells.map(lambda v: isinstance(v, int)).all().all(), cells
            assert any(s.startswith("This summary does not state") and "the share of expectations realised" in s
                       for s in _summary(f)[1]), _summary(f)[1]
            continue
        assert any(s.startswith(sentence + ";") or s == sentence + "." for s in _summary(f)[1]), _summary(f)[1]
    report, _ = report_of(f4)
    [section] = [s for s in report.sections if isinstance(s, Section) and s.title.startswith("Trajectories")]
    [text] = [b.text for b in section.blocks]
    assert "Not computed" not in text and not any(isinstance(b, Table) for b in section.blocks)
    assert "a trajectory is defined on three waves" in text and "this study has four waves, three of them after" in text


def test_four_waves_say_every_early_impact_was_reported_again_at_legacy(four):
    """Legacy repeats early impact: every impact reported at early impact by a participant is reported again at legacy
    and none is new there (planted; the counts are recomputed with pandas). The sentence said '0 were reported'."""
    study, coded, f = four
    rep = _held(study, coded, "asserted")
    r = rep[rep["held"]]
    at = {w: set(map(tuple, r.loc[r["wave"] == w, ["participant_id", "code"]].to_numpy())) for w in ("early", "legacy")}
    assert at["early"] == at["legacy"]
    n = len(at["early"])
    [stated] = [s for s in _summary(f)[1] if "reported again at legacy" in s]
    assert stated == (f"Of the {n:,} impacts that participants interviewed at both early impact and legacy reported at "
                      f"early impact (one per participant and impact), {n:,} (100%) were reported again at legacy; "
                      "none was reported at legacy that had not been at early impact."), stated


# --------------------------------------------------------------------------- 4. ties in the credit sentence
def _credited(sentence: str) -> dict[str, str]:
    inside = re.search(r"something other than the review \(([^)]*)\)", sentence).group(1)
    inside = inside.removeprefix("most often ")
    return {part.rsplit(" ", 1)[0]: part.rsplit(" ", 1)[1] for part in inside.split(", ")}


def _check_credit(f) -> dict[str, str]:
    """The factors the credit sentence names, against the rule: up to three, the last above the next beyond chance
    (round 18: the exact binomial test of the two counts given their sum, recomputed here with scipy), every factor
    tied with the last named; where none stands out, the range of the shares (from the attribution table,
    recomputed and rounded here)."""
    from scipy.stats import binomtest

    from impact.report._build import _FACTOR_LABELS

    row = f.attribution.set_index("code").loc["all"]
    n = int(row["n_reported"])
    counts = {x: int(row[f"n_{x}"]) for x in _FACTOR_LABELS if row[f"n_{x}"] > 0}
    ranked = sorted(counts.values(), reverse=True)
    cuts = [m for m in range(1, len(ranked))
            if ranked[m - 1] > ranked[m] and binomtest(ranked[m - 1], ranked[m - 1] + ranked[m]).pvalue < 0.05]
    m = max([c for c in cuts if c <= 3], default=min([c for c in cuts if c > 3], default=0))
    [stated] = [s for s in _summary(f)[1] if "something other than the review" in s]
    if m == 0:
        lo, hi = f"{round(100 * ranked[-1] / n)}%", f"{round(100 * ranked[0] / n)}%"
        assert f"each other cause from {lo} to {hi}, none above the next beyond what chance gives" in stated, stated
        return {}
    expected = {_FACTOR_LABELS[x]: f"{round(100 * k / n)}%" for x, k in counts.items() if k >= ranked[m - 1]}
    assert _credited(stated) == expected, (stated, counts, n)
    return expected


def test_a_factor_credited_as_often_at_the_printed_precision_is_named(three, four):
    """'new leadership 4%, funding 4%, another programme 4%' left out Ofsted at 4% (78 statements against 80): a cut at
    three must not leave out a factor whose share prints the same. Round 18: no cause is named unless it stands out
    beyond chance. Four waves: 20, 18, 16, 14 and 12 of 513 statements, none above the next, so none is named and
    the range is given; the three-wave study's three factors tied at 15 do not stand out from Ofsted (10) either."""
    assert _check_credit(four[2]) == {}
    assert _check_credit(three[3]) == {}


def test_many_changes_are_summarised_by_their_range_with_every_figure_in_the_models_table(three, four):
    """The change sentence carried 12 odds ratios with their intervals and p-values (18 at four waves). Beyond four it
    names each impact, its direction and its waves, and gives how many changes, the range of their odds ratios and of
    their Holm-adjusted p-values (recomputed with statsmodels); each change's figures are in the models table."""
    from statsmodels.stats.multitest import multipletests

    for study, coded, f in (three[:2] + three[3:], four):
        later = list(study.wave_ids[1:])
        grid = _held(study, coded, "asserted").groupby("wave")["held"].mean()
        assert all(grid[w] - grid[study.wave_ids[0]] > 0.2 for w in later), grid  # the planted rise
        m = f.models[f.models["term"].str.startswith("wave_")].copy()
        assert m["p_adjusted"].to_numpy() == pytest.approx(multipletests(m["p_value"], method="holm")[1])
        sig = m[m["p_adjusted"] < 0.05]
        assert len(sig) > 4
        report_of(f)  # the whole report, read below, first: the summary is read from it
        [stated] = [s for s in _summary(f)[1] if s.startswith("Compared with ")]
        assert "95% CI" not in stated and "odds ratio " not in stated, stated
        ratios = np.exp(sig["estimate"])
        low, high = (printed_p(p) for p in (sig["p_adjusted"].min(), sig["p_adjusted"].max()))
        assert (f"({len(sig)} changes: odds ratios from {ratios.min():.2f} to {ratios.max():.2f}, Holm-adjusted p from "
                f"{low} to {high}; each change's odds ratio, interval and p are in the longitudinal models table)"
                in stated), stated
        labels = dict(zip(f.codebook.codes["code_id"], f.codebook.codes["label"].str.lower(), strict=True))
        for code in set(sig["code"]):
            assert labels[code] in stated
        # one 'reported more often' per group of later waves, the groups joined by '; and at ...' (round 30: a list of
        # impact labels, which have commas and 'and' of their own, is set off by semicolons, so '; and ' is in it too)
        assert stated.count("reported more often") == stated.count("; and at ") + 1 and "less often" not in stated
        table = _block(f, Table, "gee_models").data
        for r in sig.itertuples():
            row = table[(table["impact"] == r.code) & (table["contrast"] == f"C(wave)[T.{r.term.removeprefix('wave_')}]")]
            assert row["odds_ratio"].item() == pytest.approx(np.exp(r.estimate))
            assert row["p_adjusted"].item() == pytest.approx(r.p_adjusted)

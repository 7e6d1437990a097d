"""What the report states about a study, against the truth planted in it: round 7.

Seed 591147, unused by any other test: a null study (``SynthEffects.null()``: no wave, status or attribution effect) of
40 councils, two interviews per participant-wave, analysed with its planted coding (the longitudinal models only, which
is all its summary needs). Its participants report each impact about as often before the review as after it, so an
impact reported at the last wave and not at the first after the review has often been reported before the review.

Statement by statement, the summary is compared with the planted truth and with pandas and statsmodels recomputations
from the coding: the sentence on impacts sustained and new at the last wave, the share of expectations realised beside
the impacts nobody expected, the absence of any finding, and each share the summary prints against its table.
"""

from __future__ import annotations

import re

import numpy as np
import pytest
from conftest import (
    analysed_synthetic,
    expectations_and_after,
    held,
    once_per_worker,
    realised_sentence,
    realised_wording,
    report_of,
    summary_bullets,
)

from impact.report import Paragraph, Table

pytestmark = pytest.mark.xdist_group("report_truth_round7")

SEED = 591147
IMPACTS = ["commitment", "plans_actions", "learning", "policies_systems", "morale", "partnership"]


@pytest.fixture(scope="module")
def null():
    """``(study, truth, findings)`` of the null study, analysed with its planted coding (models only)."""
    from impact.synth import SynthEffects

    return once_per_worker(("round7", "null"), lambda: analysed_synthetic(
        40, SEED, interviews_per_wave=2, words_per_interview=150, effects=SynthEffects.null(), parts=["models"]))


def _table(findings, name):
    report, _ = report_of(findings)
    return next(b.data for s in report.sections for b in s.blocks if isinstance(b, Table) and b.name == name)


def _wide(study, truth):
    """Per participant and impact, whether it was reported (asserted) at each wave; NaN where not interviewed."""
    r = held(study, truth.coded(), "asserted", IMPACTS)
    return r.pivot_table(index=["participant_id", "code"], columns="wave", values="held", aggfunc="max")


# --------------------------------------------------------------------------- 1. 'for the first time'
def test_an_impact_new_at_the_last_wave_is_not_said_to_be_reported_for_the_first_time(null):
    """'61 were reported for the first time at longer-term change': 34 of the 61 had been reported by the same
    participant before the review (planted: nothing changes across the waves). The sentence now says what is counted,
    impacts reported at the last wave that had not been at the first after the review; the counts are recomputed with
    pandas from the planted statements, and any 'first time' it were to claim is checked against every earlier wave."""
    study, truth, f = null
    first, early, late = study.wave_ids
    w = _wide(study, truth).dropna(subset=[early, late])
    at_early = int(w[early].sum())
    kept = int(((w[early] == 1) & (w[late] == 1)).sum())
    new = w[(w[late] == 1) & (w[early] == 0)]
    before = int((new[first] == 1).sum())
    assert before >= 5 and kept >= 5 and at_early - kept >= 5  # the design gives impacts 'new' that were not new
    [stated] = [s for s in summary_bullets(f) if "were reported again at" in s]
    assert stated.startswith(f"Of the {at_early:,} impacts that participants interviewed at both waves"), stated
    assert f"{kept:,} ({kept / at_early:.0%}) were reported again at longer-term change" in stated, stated
    m = re.search(r"; (\d[\d,]*) (?:was|were) reported (for the first time at|at) ([^;]+?)(?: that had not been at "
                  r"([^;]+))?\.$", stated)
    assert m and int(m.group(1).replace(",", "")) == len(new), (stated, len(new))
    if "first time" in m.group(2):  # true only if none had been reported at an earlier wave
        assert before == 0, (stated, before)
    assert (m.group(3), m.group(4)) == ("longer-term change", "early impact"), stated


# --------------------------------------------------------------------------- 2. expectations realised, and the rest
def test_the_share_of_expectations_realised_is_given_beside_the_impacts_nobody_expected(null):
    """'Of the 30 expectations ..., 24 (80%) were reported as realised afterwards' read as expectations fulfilled, in a
    study where nothing changes: the impacts the same participants had not expected were reported afterwards about as
    often (77%). The sentence now gives both (the second over impacts neither expected nor already reported before the
    review, since round 8), each recomputed with pandas from the planted statements (participants
    interviewed at every wave, one per participant and impact); the two shares are within 10 points, as nothing is
    planted."""
    study, truth, f = null
    expected, before, later = expectations_and_after(study, truth.coded(), IMPACTS)
    n, k = int(expected.sum()), int(later[expected].sum())
    # the yardstick: impacts neither expected nor already reported before the review (round 8: those under way were
    # reported again far more often, and a near-ceiling impact made most of the 'not expected')
    yardstick = ~expected & ~before
    m, j = int(yardstick.sum()), int(later[yardstick].sum())
    assert min(k, n - k, j, m - j) >= 5 and abs(k / n - j / m) < 0.10
    stated = realised_sentence(f)
    assert stated == realised_wording(n, k, m, j), stated


# --------------------------------------------------------------------------- 3. a null study states no finding
def test_a_null_study_states_no_change_and_no_difference_by_status(null):
    """Nothing is planted, and the summary states no change across the waves and no difference by intervention status:
    the Holm adjustment is recomputed with statsmodels from the models' p-values (each family as the models table
    notes define it) and no contrast is below 0.05; each impact is named in the sentence of no change."""
    from statsmodels.stats.multitest import multipletests

    study, truth, f = null
    assert truth.effects.is_null()
    m = f.models
    for family in (m[m["term"] == "in_intervention"], m[m["term"].str.startswith("wave_")]):
        assert len(family) > 0
        adjusted = multipletests(family["p_value"], method="holm")[1]
        assert family["p_adjusted"].to_numpy() == pytest.approx(adjusted)
        assert adjusted.min() >= 0.05, family
    bullets = summary_bullets(f)
    assert not any(re.search(r"reported (more|less) often", s) and not s.startswith("No impact") for s in bullets), bullets
    assert not any("odds ratio" in s for s in bullets), bullets
    [none] = [s for s in bullets if s.startswith("The models show no significant change")]
    labels = dict(zip(f.codebook.codes["code_id"], f.codebook.codes["label"].str.lower(), strict=True))
    assert all(labels[c] in none for c in IMPACTS) and "which is not evidence that there was none" in none, none
    assert any(s.startswith("No impact was reported significantly more or less often in councils in intervention")
               for s in bullets), bullets


# --------------------------------------------------------------------------- 4. printed = table
def test_every_share_the_summary_prints_is_the_share_in_its_table(null):
    """The shares of the summary's sentences on what was most often reported and on what impacts were credited to are
    those of the prevalence and attribution tables (recomputed here from their counts), and the credit sentence names
    the factors credited most often only where they stand out beyond chance (round 18), else gives their range."""
    study, truth, f = null
    from impact.report._build import _FACTOR_LABELS

    report_of(f)  # the whole report, read below, first: the summary is read from it
    bullets = summary_bullets(f)
    prev = _table(f, "prevalence")
    later = prev[prev["wave"].isin(study.wave_ids[1:])]
    share = later.groupby("impact")[["n_with", "n_participants"]].sum().astype(float)
    share = (share["n_with"] / share["n_participants"]).sort_values(ascending=False)
    labels = dict(zip(f.codebook.codes["code_id"], f.codebook.codes["label"].str.lower(), strict=True))
    [most] = [s for s in bullets if s.startswith("After the review, ") and " reported" in s.split("(")[0]]
    if "stood out" in most:  # round 17: none stands out beyond chance; the range of the shares is printed
        assert f"(from {round(100 * share.min())}% to {round(100 * share.max())}% of participant interviews" in most, most
    else:
        named = re.findall(r"([a-z ,']+?) \((\d+)% of participant interviews\)", most.removeprefix(
            "After the review, the impacts most often reported were "))
        for (label, pct), (code, s) in zip(named, share.items(), strict=False):
            assert label.strip(" ,").removeprefix("and ").strip() == labels[code] and int(pct) == round(100 * s), most
    att = _table(f, "attribution").set_index("impact").loc["all"]
    n = int(att["n_reported"])
    [credit] = [s for s in bullets if "something other than the review" in s]
    assert credit.startswith(f"Of the {n:,} statements reporting an impact after the review, "
                             f"{100 * att['n_other'] / n:.0f}% credited it"), credit
    assert f"for {100 * att['n_unclear'] / n:.0f}% the speaker could not say" in credit, credit
    # round 18: a cause is named only where the last named is above the next beyond chance (the exact binomial test
    # of the two counts given their sum, recomputed here); every cause tied with the last named is named too
    from scipy.stats import binomtest

    counts = {x: int(att[f"n_{x}"]) for x in _FACTOR_LABELS if att[f"n_{x}"] > 0}
    ranked = sorted(counts.values(), reverse=True)
    cuts = [m for m in range(1, len(ranked))
            if ranked[m - 1] > ranked[m] and binomtest(ranked[m - 1], ranked[m - 1] + ranked[m]).pvalue < 0.05]
    m = max([c for c in cuts if c <= 3], default=min([c for c in cuts if c > 3], default=0))
    for x, k in counts.items():
        said = f"{_FACTOR_LABELS[x]} {100 * k / n:.0f}%"
        assert (said in credit) == (m > 0 and k >= ranked[m - 1]), (said, credit)
    if m == 0:
        assert (f"each other cause from {100 * ranked[-1] / n:.0f}% to {100 * ranked[0] / n:.0f}%, none above the next"
                in credit), credit
    assert np.isclose(att["n_review"] + att["n_other"] + att["n_unclear"], n)


def test_the_opening_counts_the_interviews_of_the_study(null):
    """The opening's count of interviews and councils is the study's (pandas)."""
    study, truth, f = null
    report, _ = report_of(f)
    opening = next(b.text for b in report.sections[0].blocks if isinstance(b, Paragraph))
    n_iv = len(study.interviews)
    n_c = len(study.table("councils"))
    assert f"drawing on {n_iv:,} interviews" in opening and opening.startswith(f"This report follows {n_c} councils"), \
        opening


# --------------------------------------------------------------------------- 5. the heatmap of reported impacts
def test_the_heatmap_names_the_impacts_in_order_marks_suppressed_cells_and_says_which_way_its_colours_run(null, tmp_path):
    """The Word report's heatmap showed the codes' ids ('plans_actions') in a shuffled order, left the suppressed cells
    blank though its alt text said they were 'marked c', and the alt text said the colours ran 'from dark (none) to
    light (all)', the reverse of the map. Rendered with a threshold of 10 (so that some cells are suppressed), the
    rows are the codebook's labels in its order, every cell of the prevalence table has its text (its share, or c where
    the table has c), and the colour of 0% is lighter than that of 100%."""
    import matplotlib.colors as mcolors

    from impact.pipeline import build_report
    from impact.privacy._disclosure import SUPPRESSED
    from impact.report import Figure

    study, truth, f = null
    report, _ = build_report(f, min_count=10)
    table = next(b.data for s in report.sections for b in s.blocks if isinstance(b, Table) and b.name == "prevalence")
    figure = next(b for s in report.sections for b in s.blocks if isinstance(b, Figure) and b.name == "prevalence_heatmap")
    figure.fig.savefig(tmp_path / "heat.png", dpi=60)
    ax = figure.fig.axes[0]
    labels = dict(zip(f.codebook.codes["code_id"], f.codebook.codes["label"], strict=True))
    order = [c for c in f.codebook.codes["code_id"] if c in set(table["impact"])]
    assert [t.get_text().replace("\n", " ") for t in ax.get_yticklabels()] == [labels[c] for c in order]
    hidden = int((table["prevalence"] == SUPPRESSED).sum())
    assert 0 < hidden < len(table), table
    texts = [t.get_text() for t in ax.texts if t.get_text()]
    assert texts.count(SUPPRESSED) == hidden and len(texts) == len(table), texts
    shown = sorted(f"{float(v):.0%}" for v in table.loc[table["prevalence"] != SUPPRESSED, "prevalence"])
    assert sorted(t.split("\n")[0] for t in texts if t != SUPPRESSED) == shown
    cmap = ax.collections[0].get_cmap()
    lightness = [float(np.dot(mcolors.to_rgb(cmap(v)), [0.299, 0.587, 0.114])) for v in (0.0, 1.0)]
    assert lightness[0] > lightness[1]
    assert "from light (none) to dark (all)" in figure.alt_text and "marked c" in figure.alt_text

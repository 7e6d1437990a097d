"""Report truth, round 71: a study with a wave at which no interview was held (an interim report before the last
wave's fieldwork, or a wave missed whole). Main fitted no longitudinal model at all, the wave without rows leaving
every fit singular, and said "no impact varied both in whether it was reported and in wave or intervention status" of
impacts reported by a third to two thirds of participants; the change table's lead said "Wilcoxon's signed-rank test
across the 3 waves ... on councils interviewed at every wave" of a test of two waves, on councils interviewed at both,
and headed the last held wave's shares with the empty wave's name. Found by the truth71 audit (bench/truth71_audit.py)
on seeds 978504 and 998635; the seeds here are this round's own."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

# (councils, waves, seed, the wave no interview was held at)
DESIGNS = [(24, 3, 71113, "early"), (20, 4, 71457, "longer_term")]


def _without_wave(n, waves, seed, drop):
    """``(study, truth, findings, report)``: a generated study with every interview at ``drop`` taken out (its
    declared waves kept), analysed with its planted coding of the interviews held (change and models only)."""
    from conftest import without_wave

    from impact.pipeline import analyse, build_report

    study, truth, coded = without_wave(n, waves, seed, drop, 3)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        findings = analyse(study, coded=coded, n_resamples=99, seed=1, parts=["change", "models"])
        report = build_report(findings, min_count=1)[0]
    return study, truth, coded, findings, report


@pytest.fixture(scope="module", params=DESIGNS, ids=lambda d: f"{d[0]}councils-{d[1]}waves-no-{d[3]}")
def case(request):
    return request.param, _without_wave(*request.param)


def _planted(study, truth, coded, held):
    """Per participant interviewed, wave held and impact: reported (asserted) in the planted coding, with the council's
    planted status at the wave; waves as a categorical of the held waves."""
    status = {(c["council_id"], w): int(v) for c in truth.councils for w, v in c["in_intervention"].items()}
    iv = study.interviews[["interview_id", "participant_id", "council_id", "wave"]].drop_duplicates()
    asserted = coded[coded["polarity"] == "asserted"].merge(iv, on="interview_id")
    said = set(zip(asserted["participant_id"], asserted["wave"], asserted["code"]))
    pw = iv.drop_duplicates(["participant_id", "wave"])
    rows = [{"participant_id": p, "council_id": c, "wave": w, "code": code, "y": int((p, w, code) in said),
             "in_intervention": status[(c, w)]}
            for p, c, w in zip(pw["participant_id"], pw["council_id"], pw["wave"], strict=True)
            for code in ("commitment", "plans_actions", "learning", "policies_systems", "morale", "partnership")]
    d = pd.DataFrame(rows)
    return d.assign(wave=pd.Categorical(d["wave"], categories=held))


def test_models_are_fitted_on_the_waves_held_and_equal_statsmodels(case):
    """The models are fitted (main fitted none), with a term for each later wave held and none for the empty one, and
    each GEE wave term equals statsmodels' binomial GEE (exchangeable, councils as clusters) of the planted coding
    on the waves held."""
    import statsmodels.api as sm
    import statsmodels.formula.api as smf

    (_, _, _, drop), (study, truth, coded, findings, _) = case
    assert "models" not in findings.not_computed, findings.not_computed
    m = findings.models
    held = [w for w in study.wave_ids if w != drop]
    assert set(m["term"][m["term"].str.startswith("wave_")]) == {f"wave_{w}" for w in held[1:]}
    d = _planted(study, truth, coded, held)
    checked = 0
    for code, rows in m[m["term"].str.startswith("wave_")].groupby("code"):
        own = d[d["code"] == code]
        formula = "y ~ C(wave) + in_intervention" if own["in_intervention"].nunique() == 2 else "y ~ C(wave)"
        fit = smf.gee(formula, groups="council_id", data=own, family=sm.families.Binomial(),
                      cov_struct=sm.cov_struct.Exchangeable()).fit()
        for r in rows.itertuples():
            if r.estimator == "firth":  # a term on few events is Firth's, not the GEE's
                continue
            assert r.estimate == pytest.approx(fit.params[f"C(wave)[T.{r.term[len('wave_'):]}]"], abs=1e-4), (code, r.term)
            checked += 1
    assert checked >= 2, m[["code", "term", "estimator"]]


def test_summary_states_no_change_at_the_wave_without_interviews(case):
    """The summary states what the models show of the change across the waves held, and names no change (nor its
    absence) at the wave no interview was held at: main's summary was silent on the models, and with them fitted over
    every declared wave said 'no significant change between expectations before the review and early impact or
    longer-term change'."""
    (_, _, _, drop), (study, _, _, _, report) = case
    label = study.waves.set_index("wave").loc[drop, "label"].split(" (")[0].lower()
    items = [i for b in report.sections[0].blocks for i in (getattr(b, "items", None) or [])]
    said = [i for i in items if "the models show" in i.lower()]
    assert said, items
    assert not any(label in i.lower() for i in said), said


def test_change_table_names_the_waves_tested_and_their_shares(case):
    """The change table's lead names the test by the number of waves it ran across, says they are the waves at which
    interviews were held, and heads the values by the first and last of them; each published median is the median,
    over the councils interviewed at every wave held and in the row's status group at each, of the planted share
    reporting the impact (main: 'across the 3 waves', 'interviewed at every wave', the empty wave's heading)."""
    from impact.report import Paragraph, Table

    (_, waves, _, drop), (study, truth, coded, findings, report) = case
    held = [w for w in study.wave_ids if w != drop]
    for s in report.sections:
        for i, b in enumerate(s.blocks):
            if isinstance(b, Table) and b.name == "change_over_time":
                lead, table = s.blocks[i - 1], b
    assert isinstance(lead, Paragraph)
    span = "between the two waves" if len(held) == 2 else f"across the {len(held)} waves"
    assert f"{span} at which interviews were held" in lead.text, lead.text
    assert f"across the {waves} waves" not in lead.text and "interviewed at every wave at which interviews" in lead.text
    first, last = held[0], held[-1]
    assert {f"median_{first}", f"median_{last}"} <= set(table.data.columns), table.data.columns
    assert f"median_{drop}" not in table.data.columns
    d = _planted(study, truth, coded, held)
    share = d.groupby(["council_id", "wave", "code"], observed=True).agg(y=("y", "mean"), s=("in_intervention", "max"))
    share = share.reset_index()
    every = share.groupby("council_id")["wave"].nunique()
    share = share[share["council_id"].isin(every.index[every == len(held)])]
    same = share.groupby("council_id")["s"].nunique()
    share = share[share["council_id"].isin(same.index[same == 1])]
    checked = 0
    for r in table.data.to_dict("records"):
        g = share[(share["code"] == r["impact"]) & (share["s"] == int(r["status"] == "intervention"))]
        for w in (first, last):
            value = pd.to_numeric(pd.Series([r[f"median_{w}"]]), errors="coerce").iloc[0]
            if pd.isna(value):
                continue
            got = g[g["wave"] == w]["y"]
            want = got.mean() if r.get("test") in ("mcnemar", "cochran_q") else got.median()
            assert value == pytest.approx(want), (r, w)
            checked += 1
    assert checked >= 6, table.data


@pytest.mark.parametrize("seed", [71829, 71931])
def test_no_model_where_the_first_wave_had_no_interview_and_the_report_says_why(seed):
    """Every change is measured against the first wave: where no interview was held at it, no model is fitted and
    the models section says why (main: 'no impact varied both in whether it was reported and in wave or intervention
    status'), and the change table tests the later waves held, named as such, with the planted shares' medians."""
    from impact.report import Paragraph, Table

    study, truth, coded, findings, report = _without_wave(12, 3, seed, "expectations")
    assert findings.models.empty
    said = " ".join(b.text for s in report.sections if s.title == "Longitudinal models" for b in s.blocks
                    if isinstance(b, Paragraph))
    assert "no interview was held at the first wave, Expectations before the review" in said, said
    assert "no impact varied" not in said
    [(lead, table)] = [(s.blocks[i - 1], b) for s in report.sections for i, b in enumerate(s.blocks)
                       if isinstance(b, Table) and b.name == "change_over_time"]
    assert "between the two waves at which interviews were held (early impact and longer-term change)" in lead.text
    assert {"median_early", "median_longer_term"} <= set(table.data.columns)

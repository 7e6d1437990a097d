"""The published statistics rounds 61, 62 and 64 left unchecked, recomputed independently (truth65).

* The comparisons of councils by intervention status (``Findings.comparisons``: at each wave, each impact's share
  of participants reporting it in councils in intervention against those not): the permutation p of the difference
  (in mean shares, or in mean mid-ranks where the table gives the Hodges-Lehmann shift), written from
  docs/methods.md ("Permutation tests", "Heavily tied shares") as the share of every split of the councils into
  groups of the observed sizes whose |difference| reaches the observed one, each split enumerated with itertools at 7
  and 9 councils; and Holm's adjustment over the rows whose shares vary (Tarone's rule, docs/methods.md
  "Multiplicity"). The analysis draws its splits at random (docs/report-format.md): its p must lie on the grid
  (1 + b) / (1 + B) and within Monte Carlo error of the enumerated share; called directly, ``compare_groups``
  enumerates them and must give the share itself.
* The survey models at three and four waves (round 64 read two): every row's estimate, standard error,
  Satterthwaite df, interval and p of ``survey_effects`` and ``survey_change_by_status`` against round 64's REML fit
  written in numpy (:func:`test_cross_check_round64.survey_mismatches`), on survey answers planted here (councils,
  councils at each wave and respondents random; 60% of respondents answering again at each later wave) in generated
  studies whose councils enter and leave intervention between the waves; the four-wave study has a wave two years
  after the review added to its study.yaml.

The participant panel and statuses are round 61's (:class:`test_cross_check_round61.Checker`, built by hand from the
CSV files). Seeds 65107, 65109 (7 and 9 councils), 65131 and 65141 (surveys of 3 and 4 waves), written here before
any run and used nowhere else in the repository (grep).
"""

from __future__ import annotations

import itertools
import os
import warnings

import numpy as np
import pandas as pd
import pytest
import yaml
from scipy import stats
from test_cross_check_round61 import IMPACTS, Checker, _holm
from test_cross_check_round64 import survey_mismatches

#: councils: seed of the comparisons' studies; the paths give groups of different sizes at different waves.
COMPARED = {7: 65107, 9: 65109}
#: survey waves: (councils, seed).
SURVEYED = {3: (12, 65131), 4: (12, 65141)}
#: Paths through intervention: every kind of move between the waves (entered_lifted: in at the early wave only).
PATHS = {"never": 0.4, "throughout": 0.15, "entered": 0.15, "lifted": 0.15, "entered_lifted": 0.15}
#: Half the impacts far more often reported in councils in intervention (odds ratio e^3 = 20), the others not
#: (nothing else differs by status): p-values small enough that Holm's step-down differs from Bonferroni's.
BY_STATUS = {"intervention_log_odds": 3.0, "intervention_codes": ("learning", "partnership", "morale")}
#: Random splits the analysis draws per comparison (its `n_resamples`).
DRAWS = 1999
#: The wave added to the four-wave study (after longer_term's window, 273 to 548 days after the review).
TWO_YEAR = {"id": "two_year", "label": "Two years after the review", "anchor": "review_end", "window_days": [640, 820]}


def plant_survey(folder, waves: list[str], seed: int) -> None:
    """Survey answers at every wave of ``waves``: each council 3 to 6 respondents, 60% of them answering again at each
    later wave (the others replaced), a score 3 + council (SD 0.4) + council at the wave (0.25) + respondent (0.5) +
    0.3 a wave + 0.3 in intervention + item noise (0.8), rounded to 1..5; written over survey_responses.csv."""
    rng = np.random.default_rng(seed)
    councils = pd.read_csv(folder / "councils.csv", dtype={"council_id": str})["council_id"]
    ck_status = Checker(folder, folder, folder / "truth_coded.csv").status.set_index(["council_id", "wave"])
    items = list(yaml.safe_load((folder / "study.yaml").read_text())["survey"]["items"])
    rows = []
    for c in councils:
        council = rng.normal(0, 0.4)
        pool = [(f"R{c}-{k}", rng.normal(0, 0.5)) for k in range(int(rng.integers(3, 7)))]
        made = len(pool)
        for j, w in enumerate(waves):
            if j:
                pool = [r for r in pool if rng.random() < 0.6]
                while len(pool) < 3:
                    made += 1
                    pool.append((f"R{c}-{made}", rng.normal(0, 0.5)))
            at_wave = rng.normal(0, 0.25) + 0.3 * j + 0.3 * bool(ck_status.loc[(c, w), "in_intervention"])
            for rid, person in pool:
                for item in items:
                    y = 3 + council + at_wave + person + rng.normal(0, 0.8)
                    rows.append({"council_id": c, "respondent_id": rid, "respondent_group": "staff", "wave": w,
                                 "item": item, "value": int(np.clip(np.rint(y), 1, 5))})
    pd.DataFrame(rows).to_csv(folder / "survey_responses.csv", index=False)


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """Under "compared", per size of :data:`COMPARED`: round 61's Checker, the analysis's comparisons (drawn, as the
    report's) and ``compare_groups`` called directly on the Checker's council shares and those of an impact no one
    reported (enumerated), with the mean difference and with the Hodges-Lehmann shift. Under "surveyed", per number of waves: the Checker and the
    analysis's findings (the survey part)."""
    import impact
    import impact.synth
    from impact.pipeline import analyse
    from impact.stats import compare_groups
    from impact.synth import SynthEffects

    os.environ.setdefault("IMPACT_PSEUDONYM_KEY", "impact-test-key-0123456789abcdef")
    out = {"compared": {}, "surveyed": {}}
    for n, seed in COMPARED.items():
        folder = tmp_path_factory.mktemp(f"truth65-compared-{n}")
        impact.synth.generate(n, seed=seed, interviews_per_wave=3, words_per_interview=150, out=folder,
                              intervention_paths=PATHS, effects=SynthEffects(**BY_STATUS))
        study = impact.load_study(folder, validate=False)
        ck = Checker(folder, folder, folder / "truth_coded.csv")
        shares = council_shares(ck)
        # and an impact no participant reported: its rows cannot reject and are outside Holm's family
        plus = pd.concat([shares, shares[shares["code"] == IMPACTS[0]].assign(code="never_reported", share=0.0)],
                         ignore_index=True)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            f = analyse(study, coded=folder / "truth_coded.csv", n_resamples=DRAWS, seed=0, parts=("comparisons",))
            direct = {kind: compare_groups(plus, outcome="share", group="status_group", by=["code", "wave"],
                                           unit="council_id", method="permutation", outcome_type="continuous",
                                           difference=kind, n_resamples=20_000, seed=0)
                      for kind in ("mean", "hodges_lehmann")}
        out["compared"][n] = {"checker": ck, "shares": shares, "plus": plus, "comparisons": f.comparisons,
                              "direct": direct}
    for waves, (n, seed) in SURVEYED.items():
        folder = tmp_path_factory.mktemp(f"truth65-surveyed-{waves}")
        impact.synth.generate(n, seed=seed, interviews_per_wave=2, words_per_interview=50, out=folder,
                              intervention_paths=PATHS)
        meta = yaml.safe_load((folder / "study.yaml").read_text())
        if waves == 4:
            meta["waves"].append(TWO_YEAR)
            (folder / "study.yaml").write_text(yaml.safe_dump(meta, sort_keys=False))
        plant_survey(folder, [w["id"] for w in meta["waves"]], seed)
        study = impact.load_study(folder, validate=False)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            f = analyse(study, coded=folder / "truth_coded.csv", n_resamples=99, seed=0, parts=("survey",))
        out["surveyed"][waves] = {"checker": Checker(folder, folder, folder / "truth_coded.csv"), "findings": f}
    return out


# ---------------------------------------------------------------- the comparisons by status, enumerated


def moved(ck: Checker) -> int:
    """Councils whose status differs between the waves (round 61's statuses)."""
    return int((ck.status.groupby("council_id")["in_intervention"].nunique() > 1).sum())


def council_shares(ck: Checker) -> pd.DataFrame:
    """Each council's share of its participants interviewed at a wave reporting each impact, with its status group
    then (round 61's panel and statuses)."""
    pp = ck.pp[ck.pp["code"].isin(IMPACTS)]
    s = pp.groupby(["code", "wave", "council_id", "in_intervention"])["reported"].mean().reset_index(name="share")
    s["status_group"] = np.where(s["in_intervention"], "intervention", "no_intervention")
    return s.drop(columns="in_intervention")


def enumerated_p(outside: np.ndarray, inside: np.ndarray, kind: str) -> tuple[float, int]:
    """The share of every split of the councils into groups of the observed sizes whose |difference| in mean shares
    (``kind`` "mean") or in mean mid-ranks of the shares ("rank") reaches the observed one, and the number of splits
    (the observed split among them)."""
    values = np.r_[outside, inside]
    score = stats.rankdata(values) if kind == "rank" else values
    n, k = len(values), len(inside)

    def gap(members) -> float:
        mask = np.zeros(n, bool)
        mask[list(members)] = True
        return abs(score[mask].mean() - score[~mask].mean())

    observed = gap(range(n - k, n))
    splits = [gap(c) for c in itertools.combinations(range(n), k)]
    return sum(g >= observed * (1 - 1e-9) - 1e-12 for g in splits) / len(splits), len(splits)


def by_hand(shares: pd.DataFrame, kind: str) -> pd.DataFrame:
    """Per impact and wave: the councils in each group, the difference in mean shares, whether the shares vary, the
    enumerated p and the number of splits."""
    rows = []
    for (code, wave), d in shares.groupby(["code", "wave"]):
        a = d.loc[d["status_group"] == "no_intervention", "share"].to_numpy(float)
        b = d.loc[d["status_group"] == "intervention", "share"].to_numpy(float)
        both = bool(len(a) and len(b))  # a wave with one group has nothing to compare: no difference, no p
        p, splits = enumerated_p(a, b, kind) if both else (np.nan, 0)
        rows.append(dict(code=code, wave=wave, n_a=len(a), n_b=len(b), difference=b.mean() - a.mean() if both
                         else np.nan, varies=both and np.ptp(d["share"]) > 0, p=p, splits=splits))
    return pd.DataFrame(rows).set_index(["code", "wave"])


def holm_where_varies(p: pd.Series, varies: pd.Series) -> pd.Series:
    """Holm's adjustment (round 61's, by hand) over the rows whose shares vary; the others keep their p (NaN where a
    wave has one group)."""
    out = p.astype(float).copy()
    out[varies] = _holm(p[varies].to_numpy(float))
    return out


@pytest.mark.parametrize("n", sorted(COMPARED))
def test_design_reaches_what_the_comparisons_checks_need(published, n):
    """Both groups at two waves at least (at 7 councils none is in intervention at the first), councils entering and
    leaving intervention between the waves, a wave with more splits than a Monte Carlo check is blind to, and rows
    whose shares vary with small p-values."""
    mine = by_hand(published["compared"][n]["shares"], "mean")
    both = mine[(mine["n_a"] >= 1) & (mine["n_b"] >= 1)]
    assert both.index.get_level_values("wave").nunique() >= 2, mine
    assert moved(published["compared"][n]["checker"]) >= 2
    assert mine["splits"].max() >= 35
    assert mine["varies"].sum() >= 10 and (mine.loc[mine["varies"], "p"] < 0.5).sum() >= 2, mine


@pytest.mark.parametrize("n", sorted(COMPARED))
def test_published_comparison_p_is_drawn_within_monte_carlo_error_of_the_enumerated_share(published, n):
    """The analysis's comparisons (as the report publishes them): every impact at every wave, its councils counted,
    its difference in mean shares, and its p = (1 + b) / (1 + B) within 4 Monte Carlo standard errors of the share of
    all splits enumerated (plus one step of the grid); p = 1 where the shares do not vary; no difference and no p at
    a wave with one group."""
    got = published["compared"][n]["comparisons"].set_index(["code", "wave"])
    mine = by_hand(published["compared"][n]["shares"], "mean")
    assert set(got.index) == set(mine.index) and len(mine) == 3 * len(IMPACTS)
    # heavily tied shares at 2 to 3 interviews a council
    assert set(got["difference_type"].dropna()) == {"mean_difference"}
    for key, w in mine.iterrows():
        g = got.loc[key]
        assert (g["n_a"], g["n_b"]) == (w["n_a"], w["n_b"]), key
        if not w["splits"]:
            assert np.isnan(g["difference"]) and np.isnan(g["p_value"]) and np.isnan(g["p_adjusted"]), key
            continue
        assert g["difference"] == pytest.approx(w["difference"], abs=1e-12), key
        b = g["p_value"] * (DRAWS + 1) - 1
        assert abs(b - round(b)) < 1e-6, (key, g["p_value"])  # on the grid of the draws: not enumerated
        if not w["varies"]:
            assert g["p_value"] == 1.0, key
            continue
        sd = np.sqrt(w["p"] * (1 - w["p"]) / DRAWS)
        assert abs(g["p_value"] - w["p"]) <= 4 * sd + 1 / (DRAWS + 1), (key, g["p_value"], w["p"])


@pytest.mark.parametrize("n", sorted(COMPARED))
def test_published_comparison_p_adjusted_is_holm_over_the_rows_whose_shares_vary(published, n):
    """Holm's step-down adjustment of the published p-values over the impacts and waves whose shares vary, to
    1e-12; a row whose shares do not vary is outside the family and keeps its p (docs/methods.md, Multiplicity)."""
    got = published["compared"][n]["comparisons"].set_index(["code", "wave"])
    mine = by_hand(published["compared"][n]["shares"], "mean").reindex(got.index)
    want = holm_where_varies(got["p_value"], mine["varies"])
    assert np.allclose(got["p_adjusted"].astype(float), want, rtol=0, atol=1e-12, equal_nan=True), pd.DataFrame(
        {"got": got["p_adjusted"], "want": want})
    # not vacuous at 9 councils: Holm's step-down below Bonferroni's m p on some row (m the rows whose shares vary);
    # at 7, 35 splits at most, no p is below 1/35 and every step-down but the first reaches 1 as Bonferroni's does
    bonferroni = np.minimum(1, got.loc[mine["varies"], "p_value"] * mine["varies"].sum())
    assert n < 9 or (want[mine["varies"]] < bonferroni - 1e-9).any(), pd.DataFrame({"holm": want,
                                                                                     "bonferroni": bonferroni})


@pytest.mark.parametrize("n", sorted(COMPARED))
@pytest.mark.parametrize(("difference", "kind"), [("mean", "mean"), ("hodges_lehmann", "rank")])
def test_compare_groups_enumerates_the_exact_share_and_adjusts_it(published, n, difference, kind):
    """Called directly (not within the analysis, which draws), with more resamples than splits, compare_groups gives
    the enumerated share itself: of the difference in mean shares, or of the mean mid-ranks for the Hodges-Lehmann
    shift; and Holm's adjustment of those exact p-values over the rows whose shares vary (not the impact no one
    reported, p = 1 at each wave)."""
    got = published["compared"][n]["direct"][difference].set_index(["code", "wave"])
    mine = by_hand(published["compared"][n]["plus"], kind).reindex(got.index)
    never = got.loc["never_reported", "p_value"].dropna()  # (no p at a wave with one group)
    assert (~mine["varies"]).sum() >= 3 and len(never) >= 2 and (never == 1).all()
    assert np.allclose(got["p_value"].astype(float), mine["p"], rtol=0, atol=1e-12, equal_nan=True), pd.DataFrame(
        {"got": got["p_value"], "want": mine["p"]})
    want = holm_where_varies(mine["p"], mine["varies"])
    assert np.allclose(got["p_adjusted"].astype(float), want, rtol=0, atol=1e-12, equal_nan=True)


# ---------------------------------------------------------------- the survey models at three and four waves


@pytest.mark.parametrize("waves", sorted(SURVEYED))
def test_survey_models_at_three_and_four_waves_recompute(published, waves):
    """The survey model and its change by status: every row's estimate, se and Satterthwaite df from round 64's REML
    fit written in numpy, and its interval and p on that df (1e-4 relative, which the optimisers reach), at every
    later wave; the design has councils whose status changes between the waves and the planted answers at them."""
    s = published["surveyed"][waves]
    f = s["findings"]
    assert list(f.survey_model["term"]).count("in_intervention") == 1
    assert sorted(t for t in f.survey_model["term"] if t.startswith("wave_")) == sorted(
        f"wave_{w}" for w in s["checker"].waves[1:])
    assert len(s["checker"].waves) == waves and f.survey_by_status["wave"].nunique() == waves
    assert moved(s["checker"]) >= 2  # status changes within councils
    bad, cells, want = survey_mismatches(s["checker"], f)
    assert bad == []
    assert cells >= 6 * (1 + waves + 3 * (waves - 1)) and want["df"].round(3).nunique() > waves

"""Tests of impact.agreement: published worked examples, independent computation, planted data."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest

from impact.agreement import (
    agreement_table,
    character_agreement,
    coding_to_units,
    cohen_kappa,
    fleiss_kappa,
    gwet_ac1,
    krippendorff_alpha,
    percent_agreement,
)
from impact.errors import StatisticalWarning, ValidationError


def _ref(shared_data, name: str) -> pd.DataFrame:
    path = shared_data / "reference" / name
    if not path.exists():
        pytest.skip(f"{path} not present")
    return pd.read_csv(path, comment="#")


@pytest.fixture
def kripp_4x12(shared_data) -> pd.DataFrame:
    wide = _ref(shared_data, "krippendorff_4x12.csv")
    return wide.melt(id_vars="observer", var_name="unit", value_name="value").rename(columns={"observer": "coder"})


@pytest.fixture
def diagnoses(shared_data) -> pd.DataFrame:
    wide = _ref(shared_data, "fleiss1971_diagnoses.csv")
    return wide.melt(id_vars="patient", var_name="coder", value_name="value").rename(columns={"patient": "unit"})


def _from_table(table) -> pd.DataFrame:
    """Long data for two coders from a contingency table (rows coder a, columns coder b)."""
    table = np.asarray(table)
    pairs = [(i, j) for i in range(table.shape[0]) for j in range(table.shape[1]) for _ in range(table[i, j])]
    n = len(pairs)
    return pd.DataFrame({"unit": list(range(n)) * 2, "coder": ["a"] * n + ["b"] * n,
                         "value": [p[0] for p in pairs] + [p[1] for p in pairs]})


def _random_long(rng, n_units, n_coders, n_cats, p_agree=0.7, p_missing=0.0):
    truth = rng.integers(0, n_cats, n_units)
    rows = []
    for c in range(n_coders):
        noise = rng.integers(0, n_cats, n_units)
        vals = np.where(rng.random(n_units) < p_agree, truth, noise).astype(float)
        vals[rng.random(n_units) < p_missing] = np.nan
        rows.append(pd.DataFrame({"unit": np.arange(n_units), "coder": f"c{c}", "value": vals}))
    return pd.concat(rows, ignore_index=True)


# --- Krippendorff's alpha: published values --------------------------------------------------


@pytest.mark.parametrize(
    ("level", "expected"),
    # Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability, section C
    # ("reliability data with missing values", 4 observers x 12 units): printed alpha
    # nominal .743, ordinal .815, interval .849, ratio .797.
    [("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849), ("ratio", 0.797)],
)
def test_krippendorff_2011_worked_example(kripp_4x12, level, expected):
    res = krippendorff_alpha(kripp_4x12, level=level, n_boot=0)
    assert round(res.value, 3) == expected
    assert res.n_units == 12 and res.n_coders == 4


def test_krippendorff_wikipedia_example(shared_data):
    wide = _ref(shared_data, "krippendorff_wikipedia_3x15.csv")
    long = wide.melt(id_vars="coder", var_name="unit", value_name="value")
    # Wikipedia "Krippendorff's alpha", computational example: nominal 0.691, interval 0.811
    # (also the test values of the `krippendorff` PyPI package).
    assert round(krippendorff_alpha(long, n_boot=0).value, 3) == 0.691
    assert round(krippendorff_alpha(long, level="interval", n_boot=0).value, 3) == 0.811


def test_krippendorff_binary_two_observers_doc_example():
    # Krippendorff (2011), section A: binary data, two observers, ten units: alpha = 0.095.
    a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    d = pd.DataFrame({"unit": list(range(10)) * 2, "coder": ["A"] * 10 + ["B"] * 10, "value": a + b})
    assert round(krippendorff_alpha(d, n_boot=0).value, 3) == 0.095


def test_alpha_matches_nltk(rng):
    from nltk.metrics.agreement import AnnotationTask
    from nltk.metrics.distance import interval_distance

    d = _random_long(rng, 60, 3, 4, p_agree=0.6)
    triples = [(r.coder, str(r.unit), int(r.value)) for r in d.itertuples()]
    nominal = AnnotationTask(data=triples).alpha()
    interval = AnnotationTask(data=triples, distance=interval_distance).alpha()
    assert krippendorff_alpha(d, n_boot=0).value == pytest.approx(nominal, abs=1e-10)
    assert krippendorff_alpha(d, level="interval", n_boot=0).value == pytest.approx(interval, abs=1e-10)


def test_alpha_bootstrap_reproducible_and_close_to_analytic(kripp_4x12):
    a = krippendorff_alpha(kripp_4x12, n_boot=2000, seed=3)
    b = krippendorff_alpha(kripp_4x12, n_boot=2000, seed=3)
    assert a == b
    assert a.ci_low < a.value < a.ci_high <= 1.0
    # Gwet's irrCAC README, krippen.alpha.raw(cac.raw4raters) (the same 4 x 12 data):
    # analytic se 0.14557.  A unit bootstrap should be of the same size.
    assert a.se == pytest.approx(0.14557, rel=0.15)


@pytest.mark.parametrize("level", ["nominal", "ordinal", "interval", "ratio"])
def test_alpha_of_many_replicates_at_once_equals_each_replicate_alone(rng, level):
    # The bootstrap computes all its replicates' alphas in one array operation (ordinal: one difference matrix
    # per replicate, from its own marginals); each must equal the single-matrix computation of that replicate.
    from impact.agreement import _alpha_from_coincidence

    cats = np.array([1.0, 2.0, 4.0, 7.0])
    o = rng.integers(0, 9, size=(50, 4, 4)).astype(float)
    o = o + o.transpose(0, 2, 1)  # coincidence matrices are symmetric
    o[3] = 0.0
    o[3, 1, 1] = 6.0  # no variation: alpha undefined
    batch = _alpha_from_coincidence(o, cats, level)
    alone = np.array([_alpha_from_coincidence(m, cats, level) for m in o])
    assert np.isnan(batch[3]) and np.isnan(alone[3])
    np.testing.assert_allclose(batch, alone, rtol=1e-12, atol=1e-14)


def test_alpha_bootstrap_se_matches_sampling_spread(rng):
    # Planted: the spread of alpha across independent samples is what the bootstrap estimates.
    alphas, ses = [], []
    for _ in range(40):
        d = _random_long(rng, 150, 2, 3, p_agree=0.7)
        r = krippendorff_alpha(d, n_boot=300, seed=int(rng.integers(1_000_000)))
        alphas.append(r.value)
        ses.append(r.se)
    assert np.mean(ses) == pytest.approx(np.std(alphas, ddof=1), rel=0.3)


def test_alpha_levels_need_numbers():
    d = pd.DataFrame({"unit": [1, 1], "coder": ["a", "b"], "value": ["x", "y"]})
    with pytest.raises(ValueError, match="needs numeric values"):
        krippendorff_alpha(d, level="interval")
    with pytest.raises(ValueError, match=r"The value for `level` must be one of \[.*\], but 'nominl' was passed"):
        krippendorff_alpha(d, level="nominl")


def test_alpha_undefined_without_variation():
    d = pd.DataFrame({"unit": [1, 1, 2, 2], "coder": ["a", "b"] * 2, "value": [1, 1, 1, 1]})
    with pytest.warns(StatisticalWarning, match="undefined"):
        assert np.isnan(krippendorff_alpha(d).value)


# --- Fleiss' kappa, Gwet's AC1, percent agreement ---------------------------------------------


def test_fleiss_1971(diagnoses):
    res = fleiss_kappa(diagnoses)
    # Fleiss (1971), Psychological Bulletin 76:378-382, 30 patients x 6 psychiatrists: kappa = .430.
    assert round(res.value, 3) == 0.430
    # irr::kappam.fleiss(diagnoses) prints z = 17.7, i.e. kappa / se under H0 (Fleiss, Nee & Landis 1979).
    assert round(res.value / res.se_h0, 1) == 17.7


def test_fleiss_wikipedia(shared_data):
    counts = _ref(shared_data, "fleiss_wikipedia_10x5.csv").set_index("subject")
    rows = [(s, f"r{k}", cat) for s, row in counts.iterrows() for cat, n in row.items()
            for k in range(int(n))]
    # raters are not identified in this example: give each subject's ratings arbitrary coder names
    long = pd.DataFrame(rows, columns=["unit", "coder", "value"])
    long["coder"] = long.groupby("unit").cumcount()
    # Wikipedia "Fleiss' kappa" worked example: kappa = 0.210.
    assert round(fleiss_kappa(long).value, 3) == 0.210


def test_gwet_irrcac_raw4raters(kripp_4x12):
    # Gwet's irrCAC README (cac.raw4raters is Krippendorff's 4 x 12 data, raters as columns):
    # gwet.ac1.raw: 0.77544 se 0.14295 CI (0.461, 1); fleiss.kappa.raw: 0.76117 se 0.15302 CI (0.424, 1);
    # pa.coeff.raw: 0.8181818 se 0.12561 CI (0.542, 1).
    ac1 = gwet_ac1(kripp_4x12)
    assert (round(ac1.value, 5), round(ac1.se, 5)) == (0.77544, 0.14295)
    assert (round(ac1.ci_low, 3), ac1.ci_high) == (0.461, 1.0)
    fk = fleiss_kappa(kripp_4x12)
    assert (round(fk.value, 5), round(fk.se, 5)) == (0.76117, 0.15302)
    assert round(fk.ci_low, 3) == 0.424
    pa = percent_agreement(kripp_4x12)
    assert (round(pa.value, 7), round(pa.se, 5)) == (0.8181818, 0.12561)
    assert round(pa.ci_low, 3) == 0.542


def test_gwet_irrcac_distrib_6raters(diagnoses):
    first15 = diagnoses[diagnoses["unit"] <= 15]
    # irrCAC README, distrib.6raters (the first 15 patients of Fleiss 1971):
    # gwet.ac1.dist 0.4448007 se 0.08418757; fleiss.kappa.dist 0.4139265 se 0.08119291.
    ac1 = gwet_ac1(first15)
    assert (round(ac1.value, 7), round(ac1.se, 8)) == (0.4448007, 0.08418757)
    fk = fleiss_kappa(first15)
    assert (round(fk.value, 7), round(fk.se, 8)) == (0.4139265, 0.08119291)


def test_fleiss_matches_statsmodels(rng):
    from statsmodels.stats.inter_rater import aggregate_raters
    from statsmodels.stats.inter_rater import fleiss_kappa as sm_fleiss

    d = _random_long(rng, 80, 5, 4)
    wide = d.pivot(index="unit", columns="coder", values="value").to_numpy()
    assert fleiss_kappa(d).value == pytest.approx(sm_fleiss(aggregate_raters(wide)[0]), abs=1e-12)


def test_ac1_resists_kappa_paradox(rng):
    # Planted: a rare code on which coders almost always agree it is absent.
    n = 400
    truth = (rng.random(n) < 0.03).astype(int)
    flip = rng.random((2, n)) < 0.03
    vals = np.abs(truth - flip)
    d = pd.DataFrame({"unit": list(range(n)) * 2, "coder": ["a"] * n + ["b"] * n, "value": vals.ravel()})
    assert percent_agreement(d).value > 0.9
    assert gwet_ac1(d).value > 0.9
    assert cohen_kappa(d).value < 0.7


# --- Cohen's kappa ----------------------------------------------------------------------------


def test_cohen_irrcac_abstractors():
    # Gwet's irrCAC README, kappa2.table(cont3x3abstractors): 0.7964094, se 0.05891072, CI (0.68, 0.913).
    # Gwet's linearised variance equals the Fleiss, Cohen & Everitt (1969) formula for Cohen's kappa.
    res = cohen_kappa(_from_table([[13, 0, 0], [0, 20, 7], [0, 4, 56]]))
    assert round(res.value, 7) == 0.7964094
    assert round(res.se, 8) == 0.05891072
    assert (round(res.ci_low, 2), round(res.ci_high, 3)) == (0.68, 0.912)  # normal, irrCAC uses t(99)


def test_cohen_sas_example():
    # SAS PROC FREQ "Simple Kappa Coefficient" printout reproduced in statsmodels'
    # test_inter_rater.py (table10): kappa 0.4842, ASE 0.1380, CI 0.2137-0.7547, ASE under H0 0.1484.
    res = cohen_kappa(_from_table([[0, 4, 1], [0, 8, 0], [0, 1, 5]]))
    assert [round(x, 4) for x in (res.value, res.se, res.ci_low, res.ci_high, res.se_h0)] == [
        0.4842, 0.1380, 0.2137, 0.7547, 0.1484]


def test_cohen_wikipedia_example():
    # Wikipedia "Cohen's kappa", simple example: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no -> 0.4.
    assert cohen_kappa(_from_table([[20, 5], [10, 15]])).value == pytest.approx(0.4)


def test_cohen_matches_sklearn_and_fce_formula(rng):
    from sklearn.metrics import cohen_kappa_score

    d = _random_long(rng, 120, 2, 3, p_agree=0.6)
    wide = d.pivot(index="unit", columns="coder", values="value")
    res = cohen_kappa(d)
    assert res.value == pytest.approx(cohen_kappa_score(wide["c0"], wide["c1"]), abs=1e-12)
    # Fleiss, Cohen & Everitt (1969), eq. 13, written out independently.
    p = pd.crosstab(wide["c0"], wide["c1"]).to_numpy() / len(wide)
    r, c = p.sum(1), p.sum(0)
    po, pe = np.trace(p), r @ c
    a = sum(p[i, i] * ((1 - pe) - (r[i] + c[i]) * (1 - po)) ** 2 for i in range(3))
    b = (1 - po) ** 2 * sum(p[i, j] * (c[i] + r[j]) ** 2 for i in range(3) for j in range(3) if i != j)
    var = (a + b - (po * pe - 2 * pe + po) ** 2) / (len(wide) * (1 - pe) ** 4)
    assert res.se == pytest.approx(np.sqrt(var), rel=1e-10)


def test_cohen_has_no_interval_when_one_coder_keeps_to_one_category():
    # issue 16: coder a always says 1, coder b varies. Kappa is then 0 whatever b does, and the
    # Fleiss-Cohen-Everitt variance is 0 (rounding made it -6e-17 and the SE NaN, or +5e-14 and an interval of
    # +-4e-7). Report truth round 22: the interval "0 to 0" read as a kappa measured exactly; none is given, and
    # the method says why.
    d = pd.DataFrame({"unit": list(range(10)) * 2, "coder": ["a"] * 10 + ["b"] * 10,
                      "value": [1] * 10 + [1, 0, 1, 1, 0, 1, 1, 1, 0, 1]})
    res = cohen_kappa(d)
    assert res.value == 0 and np.isnan(res.se) and np.isnan(res.ci_low) and np.isnan(res.ci_high)
    assert res.method.startswith("no interval: coder a used one category only")
    # the other coder keeping to one category, in a table of segments with one coding absent throughout, as the
    # report's hand check compares them: 217 segments, people coding 1 of them
    d = pd.DataFrame({"unit": list(range(217)) * 2, "coder": ["m"] * 217 + ["p"] * 217,
                      "value": [0] * 30 + [1] + [0] * 186 + [0] * 217})
    res = cohen_kappa(d)
    assert res.value == 0 and np.isnan(res.ci_low) and "coder p used one category only" in res.method
    # two categories each: an interval as before (the Wikipedia example, kappa 0.4)
    a, b = ["y"] * 25 + ["n"] * 25, ["y"] * 20 + ["n"] * 5 + ["y"] * 10 + ["n"] * 15
    res = cohen_kappa(pd.DataFrame({"unit": list(range(50)) * 2, "coder": ["A"] * 50 + ["B"] * 50, "value": a + b}))
    assert res.ci_low < 0.4 < res.ci_high and res.method.startswith("Fleiss, Cohen & Everitt")


def test_cohen_needs_two_coders(kripp_4x12):
    with pytest.raises(ValueError, match="exactly two coders"):
        cohen_kappa(kripp_4x12)


def test_duplicates_are_all_reported():
    d = pd.DataFrame({"unit": [1, 1, 1, 2, 2], "coder": ["a", "a", "b", "b", "b"], "value": [1, 0, 1, 1, 1]})
    with pytest.raises(ValidationError, match="2 problem") as err:
        percent_agreement(d)
    assert [p.row for p in err.value.problems] == [3, 6]


# --- the table --------------------------------------------------------------------------------


def test_agreement_table_by_and_pairwise(kripp_4x12):
    d = pd.concat([kripp_4x12.assign(code="x"), kripp_4x12.assign(code="y")], ignore_index=True)
    t = agreement_table(d, by="code", n_boot=50)
    assert list(t.columns[:2]) == ["code", "metric"]
    assert len(t) == 10
    alpha = t[(t.code == "y") & (t.metric == "krippendorff_alpha")].iloc[0]
    assert round(alpha.value, 3) == 0.743 and alpha.n_units == 12 and alpha.n_coders == 4
    cohen = t[t.metric == "cohen_kappa"].iloc[0]
    assert np.isnan(cohen.value) and "pairwise" in cohen.method
    pw = agreement_table(kripp_4x12, pairwise=True, metrics=["cohen_kappa", "percent_agreement"])
    assert len(pw) == 12  # 6 pairs x 2 metrics
    ab = pw[(pw.coder_a == "A") & (pw.coder_b == "B") & (pw.metric == "cohen_kappa")].iloc[0]
    sub = kripp_4x12[kripp_4x12.coder.isin(["A", "B"])]
    assert ab.value == pytest.approx(cohen_kappa(sub).value)
    from sklearn.metrics import cohen_kappa_score

    w = sub.pivot(index="unit", columns="coder", values="value").dropna()
    assert ab.value == pytest.approx(cohen_kappa_score(w["A"], w["B"]))


def test_agreement_table_rejects_unknown_metric(kripp_4x12):
    with pytest.raises(ValueError, match="The value for `metrics` must be one of"):
        agreement_table(kripp_4x12, metrics=["kappa"])


def test_agreement_table_does_not_modify_input(kripp_4x12):
    before = kripp_4x12.copy()
    agreement_table(kripp_4x12, n_boot=10)
    pd.testing.assert_frame_equal(before, kripp_4x12)


# --- coded output to units --------------------------------------------------------------------


@pytest.fixture
def coded_two():
    segments = pd.DataFrame({
        "segment_id": ["I1:1", "I1:2", "I1:3", "I2:1", "I2:2"],
        "interview_id": ["I1", "I1", "I1", "I2", "I2"],
        "wave": ["early", "early", "early", "longer_term", "longer_term"],
        "text": ["a", "b", "c", "d", "e"],
    })
    ann = pd.DataFrame({"unit": ["I1:1", "I1:2", "I2:1"], "code": ["morale", "learning", "morale"],
                        "score": [1.0, 1.0, 1.0]})
    bot = pd.DataFrame({"unit": ["I1:1", "I1:3", "I2:2"], "code": ["morale", "learning", "morale"],
                        "score": [0.9, 0.3, 0.8]})
    return segments, {"ann": ann, "bot": bot}


def test_coding_to_units_absent(coded_two):
    segments, coded = coded_two
    long = coding_to_units(coded, units=segments)
    assert set(long.columns) >= {"unit", "coder", "code", "value", "interview_id", "wave"}
    assert len(long) == 5 * 2 * 2
    got = long.set_index(["unit", "coder", "code"])["value"]
    assert got[("I1:2", "ann", "learning")] == 1 and got[("I1:2", "bot", "learning")] == 0
    assert got[("I1:3", "ann", "morale")] == 0
    t = agreement_table(long, by="code", metrics=["percent_agreement"])
    # morale: agree on I1:1 (1,1), I1:2 (0,0), I1:3 (0,0); disagree I2:1, I2:2 -> 3/5
    assert t.set_index("code").loc["morale", "value"] == pytest.approx(3 / 5)


def test_coding_to_units_missing_and_min_score(coded_two):
    segments, coded = coded_two
    long = coding_to_units(coded, units=segments, uncoded="missing")
    got = long.set_index(["unit", "coder", "code"])["value"]
    assert pd.isna(got[("I1:2", "bot", "learning")])  # bot gave I1:2 no code at all
    assert got[("I1:3", "bot", "morale")] == 0  # bot coded I1:3 with another code
    strict = coding_to_units(coded, units=segments, min_score=0.5).set_index(["unit", "coder", "code"])["value"]
    assert strict[("I1:3", "bot", "learning")] == 0


def test_coding_to_units_document_level(coded_two):
    segments, coded = coded_two
    long = coding_to_units(coded, units=segments, unit_level="document")
    assert sorted(long["unit"].unique()) == ["I1", "I2"]
    got = long.set_index(["unit", "coder", "code"])["value"]
    assert got[("I1", "ann", "learning")] == 1 and got[("I1", "bot", "learning")] == 1
    assert (long.loc[long.unit == "I2", "wave"] == "longer_term").all()


def test_coding_to_units_rejections_and_long_input(coded_two):
    segments, coded = coded_two
    rev = pd.DataFrame({"unit": ["I1:1", "I1:3"], "code": ["morale", "learning"], "present": [True, False],
                        "coder": "rev"})
    long = coding_to_units(pd.concat([coded["ann"].assign(coder="ann"), rev]), units=segments, uncoded="missing")
    got = long.set_index(["unit", "coder", "code"])["value"]
    assert got[("I1:3", "rev", "learning")] == 0  # rejected: looked at, absent
    assert pd.isna(got[("I1:2", "rev", "learning")])  # never looked at


def test_coding_to_units_unknown_unit(coded_two):
    segments, coded = coded_two
    with pytest.raises(ValidationError, match="I9:1"):
        coding_to_units({"x": pd.DataFrame({"unit": ["I9:1"], "code": ["morale"]})}, units=segments)


def test_character_agreement_hand_computed():
    a = pd.DataFrame({"unit": ["I1:1", "I1:2"], "code": ["morale", "morale"], "start": [0, 100], "end": [10, 120]})
    b = pd.DataFrame({"unit": ["I1:1"], "code": ["morale"], "start": [5], "end": [15]})
    t = character_agreement({"a": a, "b": b}, metrics=["percent_agreement", "krippendorff_alpha"])
    pa = t[t.metric == "percent_agreement"].iloc[0]
    # union of coded text: [0, 15) and [100, 120) = 35 characters; both cover [5, 10) = 5 characters.
    assert pa.n_units == 35
    assert pa.value == pytest.approx(5 / 35)
    # Per-character alpha equals alpha on the characters expanded one by one.
    chars = [(i, "a", int(0 <= i < 10 or 100 <= i < 120)) for i in itertools.chain(range(15), range(100, 120))]
    chars += [(i, "b", int(5 <= i < 15)) for i in itertools.chain(range(15), range(100, 120))]
    expanded = pd.DataFrame(chars, columns=["unit", "coder", "value"])
    alpha = t[t.metric == "krippendorff_alpha"].iloc[0]
    assert alpha.value == pytest.approx(krippendorff_alpha(expanded, n_boot=0).value)
    assert np.isnan(alpha.se)


def test_percent_agreement_interval_stays_within_zero_and_one():
    # Two coders agree on 1 of 3 units: p_a = 1/3, Gwet's (2014, ch. 5) unit-sampling variance
    # sum((p_i - p_a)^2) / (n (n - 1)) = (4/9 + 1/9 + 1/9) / 6 = 1/9, se = 1/3, and the t(2) half-width
    # 4.303 / 3 = 1.434: p_a - 1.434 is below 0, and a share of agreeing pairs cannot be, so the
    # interval is [0, 1], not [-1, 1].
    d = pd.DataFrame({"unit": [1, 1, 2, 2, 3, 3], "coder": list("ababab"), "value": [1, 1, 0, 1, 1, 0]})
    res = percent_agreement(d)
    assert res.value == pytest.approx(1 / 3)
    assert res.se == pytest.approx(1 / 3)
    assert (res.ci_low, res.ci_high) == (0.0, 1.0)
    table = agreement_table(d, metrics=["percent_agreement"])
    assert table.loc[0, "ci_low"] == 0.0


def test_review_decisions_compared_as_fully_coded_are_warned(tmp_path):
    # A reviewer decides only the suggestions of a review workbook. Compared with uncoded="absent" over every segment,
    # each segment never shown counts as one read and found to hold no code: a warning names the coder and the counts,
    # and says to pass uncoded="missing". Planted: 20 segments, the machine codes 8, the reviewer decides 4 of them.
    import warnings

    from impact.review import export_review, import_review

    segments = pd.DataFrame({"segment_id": [f"I1:{i}" for i in range(1, 21)], "interview_id": "I1",
                             "text": [f"Sentence {i} about morale." for i in range(1, 21)], "start": 0})
    machine = pd.DataFrame({"unit": [f"I1:{i}" for i in range(1, 9)], "code": "morale",
                            "score": [0.55, 0.6, 0.65, 0.7, 0.9, 0.95, 0.97, 0.99]})
    path = export_review(segments, coded=machine, path=tmp_path / "review.xlsx", reviewer="ann", limit=4)
    from openpyxl import load_workbook

    book = load_workbook(path)
    sheet = book["review"]
    column = [c.value for c in sheet[1]].index("decision") + 1
    for row, decision in zip(range(2, 6), ["accept", "reject", "accept", "accept"]):
        sheet.cell(row, column).value = decision
    book.save(path)
    decisions = import_review(path)
    coders = {"machine": machine, "ann": decisions}
    with pytest.warns(StatisticalWarning, match=r"coder 'ann' holds review decisions .* on 4 of the 20 units compared.*"
                                                r"the other 16 .* uncoded='missing'"):
        coding_to_units(coders, units=segments)
    with pytest.warns(StatisticalWarning, match="on 4 of the 8 units compared"):  # units: those any coder coded
        coding_to_units(coders)
    with warnings.catch_warnings():
        warnings.simplefilter("error", StatisticalWarning)
        missing = coding_to_units(coders, units=segments, uncoded="missing")
        reviewed = segments[segments["segment_id"].isin(decisions["unit"])]
        only = coding_to_units({"machine": machine[machine["unit"].isin(reviewed["segment_id"])], "ann": decisions},
                               units=reviewed)
    # the reviewer's values: 1 where accepted, 0 where rejected, missing where never shown
    ann = missing[missing.coder == "ann"].set_index("unit")["value"]
    assert ann.notna().sum() == 4 and ann.sum() == 3
    assert sorted(only["unit"].unique()) == sorted(decisions["unit"])


@pytest.mark.parametrize("name", ["percent_agreement", "fleiss_kappa", "gwet_ac1"])
def test_no_interval_is_claimed_from_a_zero_standard_error_that_is_not_zero(name):
    """Coder a rates 10 units, coder b one of them, in agreement. Gwet's (2014, ch. 5) variance with missing ratings
    is then ((10 - 1)^2 + 9 * (0 - 1)^2) / (10 * 9) = 1 for percent agreement (the unit coded twice carries the whole
    coefficient), not 0: the result must not say 'the standard error is 0' beside a standard error of 1, and gives
    the t interval, which says how little one shared unit tells."""
    import impact.agreement as agreement

    data = pd.DataFrame({"unit": list(range(10)) + [0], "coder": ["a"] * 10 + ["b"],
                         "value": [1, 0, 1, 1, 0, 1, 0, 0, 1, 1, 1]})
    result = getattr(agreement, name)(data)
    assert result.value == pytest.approx(1.0)
    assert result.se > 0.5
    assert "standard error is 0" not in result.method
    assert result.interval == "t" and result.ci_low < result.value
    if name == "percent_agreement":
        assert result.se == pytest.approx(1.0)
    # Both coders on every unit, agreeing: the variance is 0 by construction and no interval is given, as before.
    full = pd.DataFrame({"unit": [1, 1, 2, 2, 3, 3], "coder": list("ababab"), "value": [1, 1, 0, 0, 1, 1]})
    assert getattr(agreement, name)(full).interval == "none_perfect"

"""Independent cross-checks of the statistics, round 9: the functions whose earlier checks were thinnest, at the edges.

- ``longitudinal_model``'s GEE: the Mancl-DeRouen bias-reduced sandwich against the formula written here with the
  fitted working correlation (exchangeable, AR(1) in real time, independence; Gaussian and binomial; balanced and
  unbalanced waves; 5, 12 and 150 councils) and the estimating equations solved at the estimates. A term that rests on
  one council (the only council in a status group) has no bias-reduced standard error: ``I - H_ii`` is singular and
  statsmodels returned whatever rounding made of it.
- ``councils_needed``: the normal answer for large differences (statsmodels' ``solve_power`` gives NaN below its
  bracket) and the exact and mid-p answers as the first n, from one council up, whose exact power (scipy's Fisher
  test, every table enumerated) reaches the target.
- The agreement coefficients: irrCAC's published two-coder values (cont3x3abstractors); Gwet's (2014, ch. 5) percent
  agreement, Fleiss' kappa and AC1 with missing ratings and their unit-sampling standard errors, and Krippendorff's
  (2011) alpha at four levels, against loops over the definitions; integer unit weights against repeated units; no
  interval where every unit was coded alike.
- ``compare_groups`` and ``prevalence_table`` on binary outcomes (empty cells, all-zero and all-one groups, one
  council) against scipy's Fisher test and conditional odds ratio and statsmodels' Wilson interval.

Seeds 90901 to 90999 are used nowhere else in the repository.
"""

from __future__ import annotations

import itertools
import math
import warnings

import numpy as np
import pandas as pd
import patsy
import pytest
from scipy import stats

from impact.agreement import (
    agreement_table,
    fleiss_kappa,
    gwet_ac1,
    krippendorff_alpha,
    percent_agreement,
)
from impact.stats import (
    NotIdentifiedWarning,
    compare_groups,
    councils_needed,
    longitudinal_model,
    prevalence_table,
)

# --------------------------------------------------------------------------------------------------
# 1. the GEE's bias-reduced sandwich
# --------------------------------------------------------------------------------------------------


def _panel(seed: int, n_councils: int, binary: bool, unbalanced: bool, status_councils=None) -> pd.DataFrame:
    """Councils x waves 0-2 with a council effect; `status` constant within a council (``status_councils`` the
    councils with status 1, else 40% at random); waves 1 and 2 missing at random for a quarter of the rows."""
    rng = np.random.default_rng(seed)
    rows = []
    for c in range(n_councils):
        u = rng.normal(0, 0.8)
        status = int(c in status_councils) if status_councils is not None else int(rng.random() < 0.4)
        for w in range(3):
            if unbalanced and w > 0 and rng.random() < 0.25:
                continue
            eta = -0.3 + 0.4 * w + 0.7 * status + u
            y = float(rng.random() < 1 / (1 + np.exp(-eta))) if binary else eta + rng.normal()
            rows.append(dict(council=c, wave=w, status=status, y=y))
    return pd.DataFrame(rows)


def _mancl_derouen(frame: pd.DataFrame, formula: str, beta: np.ndarray, rho: float, binary: bool,
                   structure: str) -> tuple[np.ndarray, np.ndarray]:
    """Standard errors of Mancl and DeRouen (2001, eq. 3) at ``beta`` with working correlation ``rho``, and the
    estimating equations' sum there (Liang and Zeger 1986): V_i = A_i^1/2 R_i(rho) A_i^1/2,
    B = sum D_i' V_i^-1 D_i, H_ii = D_i B^-1 D_i' V_i^-1, meat sum D_i' V_i^-1 (I - H_ii)^-1 e_i e_i'
    (I - H_ii)^-T V_i^-1 D_i. Written with numpy from the formula, not from statsmodels' code."""
    y, x = patsy.dmatrices(formula, frame, return_type="dataframe")
    x, y = x.to_numpy(), y.to_numpy()[:, 0]
    mu = 1 / (1 + np.exp(-(x @ beta))) if binary else x @ beta
    var = mu * (1 - mu) if binary else np.ones_like(mu)
    d = x * var[:, None] if binary else x  # d mu / d beta under the logit and identity links
    t = frame["wave"].to_numpy(dtype=float)
    blocks, bread = [], np.zeros((x.shape[1], x.shape[1]))
    for g in pd.unique(frame["council"]):
        r = np.flatnonzero(frame["council"].to_numpy() == g)
        if structure == "exchangeable":
            corr = (1 - rho) * np.eye(len(r)) + rho
        elif structure == "ar1":
            corr = rho ** np.abs(t[r][:, None] - t[r][None, :])
        else:
            corr = np.eye(len(r))
        v_inv = np.linalg.inv(np.sqrt(var[r])[:, None] * corr * np.sqrt(var[r])[None, :])
        bread += d[r].T @ v_inv @ d[r]
        blocks.append((r, v_inv))
    bread = np.linalg.inv(bread)
    meat, equations = np.zeros_like(bread), np.zeros(x.shape[1])
    for r, v_inv in blocks:
        h = d[r] @ bread @ d[r].T @ v_inv
        score = d[r].T @ v_inv @ np.linalg.solve(np.eye(len(r)) - h, y[r] - mu[r])
        meat += np.outer(score, score)
        equations += d[r].T @ v_inv @ (y[r] - mu[r])
    return np.sqrt(np.diag(bread @ meat @ bread)), equations


@pytest.mark.filterwarnings("ignore::Warning")
@pytest.mark.parametrize("structure", ["exchangeable", "ar1", "independence"])
@pytest.mark.parametrize(("n_councils", "binary", "unbalanced", "seed"),
                         [(5, False, False, 90901), (12, True, True, 90902), (12, False, True, 90903),
                          (150, True, False, 90904), (150, False, True, 90905)])
def test_gee_bias_reduced_sandwich_is_mancl_and_derouens_formula(structure, n_councils, binary, unbalanced, seed):
    frame = _panel(seed, n_councils, binary, unbalanced, status_councils={0, 2, 3} if n_councils == 5 else None)
    res = longitudinal_model(frame, formula="y ~ wave + status", unit="council", time="wave",
                             family="binomial" if binary else "gaussian", cov_struct=structure)
    rho = 0.0 if structure == "independence" else float(res.variance_components["estimate"].iloc[0])
    se, equations = _mancl_derouen(frame, "y ~ wave + status", res.params["estimate"].to_numpy(), rho, binary,
                                   structure)
    assert np.abs(equations).max() < 1e-6  # the estimates solve the estimating equations at that correlation
    np.testing.assert_allclose(res.params["se"].to_numpy(), se, rtol=1e-7)
    # t on councils - parameters (Mancl and DeRouen's small-sample reference)
    assert (res.params["df"] == n_councils - 3).all()
    crit = stats.t.ppf(0.975, n_councils - 3)
    np.testing.assert_allclose(res.params["ci_high"] - res.params["estimate"], crit * se, rtol=1e-7)


@pytest.mark.parametrize("structure", ["exchangeable", "ar1", "independence"])
def test_a_term_resting_on_one_council_has_no_bias_reduced_standard_error(structure):
    """Five councils, one of them with status 1. The status term fits that council's residuals exactly in its
    direction, so ``I - H_ii`` is singular there and the corrected meat of the term is any number: statsmodels gave
    1.05, and 3.83 once one outcome moved by 1e-9. No standard error is given, with a warning and a note; the other
    terms keep the formula's."""
    frame = _panel(90906, 5, False, True, status_councils={3})
    nudged = frame.copy()
    nudged.loc[0, "y"] += 1e-9
    fits = []
    for data in (frame, nudged):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            fits.append(longitudinal_model(data, formula="y ~ wave + status", unit="council", time="wave",
                                           cov_struct=structure))
        assert any(issubclass(w.category, NotIdentifiedWarning) and "status" in str(w.message) for w in caught)
    res = fits[0]
    status = res.params.loc["status"]
    assert np.isnan(status["se"]) and np.isnan(status["p_value"]) and np.isnan(status["ci_low"])
    assert np.isfinite(status["estimate"])
    assert any("standard error not identified" in n and "status" in n for n in res.notes)
    rho = 0.0 if structure == "independence" else float(res.variance_components["estimate"].iloc[0])
    se, _ = _mancl_derouen(frame, "y ~ wave + status", res.params["estimate"].to_numpy(), rho, False, structure)
    np.testing.assert_allclose(res.params["se"].to_numpy()[:2], se[:2], rtol=1e-7)
    np.testing.assert_allclose(fits[1].params["se"].to_numpy()[:2], res.params["se"].to_numpy()[:2], rtol=1e-6)


@pytest.mark.filterwarnings("ignore::impact.errors.SmallSampleWarning")
def test_a_wave_seen_in_one_council_only_has_no_bias_reduced_standard_error():
    """Planted: wave 3 observed in one council only. Its dummy rests on that council; the other terms are
    estimated as before."""
    frame = _panel(90907, 8, False, False, status_councils={1, 4, 6})
    frame = pd.concat([frame, pd.DataFrame([dict(council=4, wave=3, status=frame.loc[frame.council == 4, "status"]
                                                 .iloc[0], y=1.3)])], ignore_index=True)
    with pytest.warns(NotIdentifiedWarning, match=r"C\(wave\)\[T.3\]"):
        res = longitudinal_model(frame, formula="y ~ C(wave) + status", unit="council", time="wave",
                                 cov_struct="independence")
    assert np.isnan(res.params.loc["C(wave)[T.3]", "se"])
    assert np.isfinite(res.params.drop("C(wave)[T.3]")["se"]).all()


# --------------------------------------------------------------------------------------------------
# 2. councils_needed
# --------------------------------------------------------------------------------------------------


def _fisher_power(p_a: float, p_b: float, n_a: int, n_b: int, midp: bool) -> float:
    """Power of the two-sided Fisher test (or its mid-p: half the probability of the tables exactly as likely as
    the observed one taken off, Lancaster 1961) at 0.05: every table with scipy's test, binomial weights."""
    power = 0.0
    for a, b in itertools.product(range(n_a + 1), range(n_b + 1)):
        p = stats.fisher_exact([[a, n_a - a], [b, n_b - b]]).pvalue
        if midp:
            m = a + b
            support = np.arange(max(0, m - n_b), min(m, n_a) + 1)
            pmf = stats.hypergeom.pmf(support, n_a + n_b, m, n_a)
            p -= 0.5 * pmf[np.isclose(pmf, stats.hypergeom.pmf(a, n_a + n_b, m, n_a), rtol=1e-7, atol=0)].sum()
        if p <= 0.05 * (1 + 1e-7) and 0 < a + b < n_a + n_b:  # a p of 0.05 exactly (rounded either way) rejects
            power += stats.binom.pmf(a, n_a, p_a) * stats.binom.pmf(b, n_b, p_b)
    return power


@pytest.mark.filterwarnings("ignore::Warning")
@pytest.mark.parametrize(("p_a", "p_b", "ratio", "power", "method"),
                         [(0.01, 0.99, 0.5, 0.9, "midp"),  # the first n is 3; a scan from 0.8 of the normal n gave 4
                          (0.05, 0.95, 1.0, 0.5, "exact"),  # the normal n is below statsmodels' bracket: it crashed
                          (0.1, 0.9, 3.0, 0.5, "midp"), (0.02, 0.7, 3.0, 0.5, "exact")])
def test_councils_needed_is_the_first_n_from_one_council_whose_exact_power_reaches_the_target(p_a, p_b, ratio, power,
                                                                                              method):
    res = councils_needed(p_a=p_a, p_b=p_b, power=power, ratio=ratio, method=method).iloc[0]
    first = next(n for n in range(1, 60) if _fisher_power(p_a, p_b, n, math.ceil(n * ratio), method == "midp") >= power)
    assert (res["n_a"], res["n_b"]) == (first, math.ceil(first * ratio))
    assert res["power"] == pytest.approx(_fisher_power(p_a, p_b, first, math.ceil(first * ratio), method == "midp"),
                                         abs=1e-9)


@pytest.mark.parametrize(("p_a", "p_b", "ratio", "power"), [(0.05, 0.95, 1.0, 0.5), (0.1, 0.95, 2.5, 0.5),
                                                              (0.01, 0.99, 0.5, 0.8), (0.45, 0.65, 1.0, 0.8)])
def test_normal_councils_needed_is_the_first_n_whose_normal_power_reaches_the_target(p_a, p_b, ratio, power):
    # Cohen (1988, ch. 6): power = Phi(|h| sqrt(n_a n_b / (n_a + n_b)) - z) + Phi(-|h| sqrt(...) - z), n_b = ratio n_a
    h = abs(2 * np.arcsin(np.sqrt(p_b)) - 2 * np.arcsin(np.sqrt(p_a)))
    z = stats.norm.ppf(0.975)

    def normal_power(n):
        shift = h * np.sqrt(n * ratio * n / (n + ratio * n))
        return stats.norm.cdf(shift - z) + stats.norm.cdf(-shift - z)

    first = next(n for n in range(1, 1000) if normal_power(n) >= power)
    assert councils_needed(p_a=p_a, p_b=p_b, power=power, ratio=ratio).loc[0, "n_a"] == first


# --------------------------------------------------------------------------------------------------
# 3. agreement coefficients
# --------------------------------------------------------------------------------------------------


def _gwet(rows: list[list], kind: str) -> tuple[float, float]:
    """Percent agreement, Fleiss' kappa or AC1 and Gwet's (2014, ch. 5) unit-sampling standard error, by loops over
    units and categories as the handbook writes them (missing ratings: None; a unit rated once counts in pi_k)."""
    units = [u for u in ([v for v in r if v is not None] for r in rows) if u]
    cats = sorted({v for u in units for v in u})
    n, q = len(units), len(cats)
    r = [len(u) for u in units]
    rik = [[u.count(k) for k in cats] for u in units]
    n2 = sum(x >= 2 for x in r)
    pa_i = [sum(c * (c - 1) for c in rik[i]) / (r[i] * (r[i] - 1)) if r[i] >= 2 else 0.0 for i in range(n)]
    pa = sum(pa_i) / n2
    pi = [sum(rik[i][k] / r[i] for i in range(n)) / n for k in range(q)]
    if kind == "pa":
        pe, pe_i = 0.0, [0.0] * n
    elif kind == "fleiss":
        pe = sum(p * p for p in pi)
        pe_i = [sum(rik[i][k] * pi[k] for k in range(q)) / r[i] for i in range(n)]
    else:
        pe = sum(p * (1 - p) for p in pi) / (q - 1)
        pe_i = [sum(rik[i][k] * (1 - pi[k]) for k in range(q)) / r[i] / (q - 1) for i in range(n)]
    coef = (pa - pe) / (1 - pe)
    star = [(n / n2) * (pa_i[i] - pe * (r[i] >= 2)) / (1 - pe) - 2 * (1 - coef) * (pe_i[i] - pe) / (1 - pe)
            for i in range(n)]
    return coef, math.sqrt(sum((s - coef) ** 2 for s in star) / (n * (n - 1)))


def _alpha(rows: list[list], level: str) -> float:
    """Krippendorff's (2011) alpha: coincidences from every ordered pair of values within a unit, each weighted
    1 / (m_u - 1), and his difference functions (ordinal: the marginals from c to k less half of the two ends)."""
    units = [u for u in ([float(v) for v in r if v is not None] for r in rows) if len(u) >= 2]
    cats = sorted({v for u in units for v in u})
    o = np.zeros((len(cats), len(cats)))
    for u in units:
        for a, b in itertools.permutations(range(len(u)), 2):
            o[cats.index(u[a]), cats.index(u[b])] += 1 / (len(u) - 1)
    nc = o.sum(axis=1)

    def delta(c, k):
        if level == "nominal":
            return float(c != k)
        if level == "interval":
            return (cats[c] - cats[k]) ** 2
        if level == "ratio":
            return ((cats[c] - cats[k]) / (cats[c] + cats[k])) ** 2 if cats[c] + cats[k] else 0.0
        return (nc[min(c, k):max(c, k) + 1].sum() - (nc[c] + nc[k]) / 2) ** 2

    pairs = list(itertools.product(range(len(cats)), repeat=2))
    return 1 - (nc.sum() - 1) * sum(o[c, k] * delta(c, k) for c, k in pairs) / sum(
        nc[c] * nc[k] * delta(c, k) for c, k in pairs)


def _ratings(seed: int, n_units: int, n_coders: int, n_cats: int, p_missing: float) -> list[list]:
    rng = np.random.default_rng(seed)
    truth = rng.integers(1, n_cats + 1, n_units)
    return [[None if rng.random() < p_missing else int(truth[i] if rng.random() < 0.7 else rng.integers(1, n_cats + 1))
             for _ in range(n_coders)] for i in range(n_units)]


def _long(rows: list[list]) -> pd.DataFrame:
    return pd.DataFrame([(i, f"c{j}", v) for i, r in enumerate(rows) for j, v in enumerate(r) if v is not None],
                        columns=["unit", "coder", "value"])


@pytest.mark.parametrize(("n_units", "n_coders", "n_cats", "p_missing", "seed"),
                         [(5, 3, 2, 0.0, 90910), (12, 4, 4, 0.3, 90911), (150, 2, 3, 0.2, 90912),
                          (150, 5, 2, 0.3, 90913), (6, 5, 4, 0.4, 90914)])
def test_gwet_family_and_alpha_with_missing_ratings_are_their_definitions(n_units, n_coders, n_cats, p_missing, seed):
    rows = _ratings(seed, n_units, n_coders, n_cats, p_missing)
    data = _long(rows)
    for kind, function in (("pa", percent_agreement), ("fleiss", fleiss_kappa), ("ac1", gwet_ac1)):
        res = function(data)
        value, se = _gwet(rows, kind)
        assert res.value == pytest.approx(value, abs=1e-12) and res.se == pytest.approx(se, rel=1e-9)
        assert res.n_units == sum(any(v is not None for v in r) for r in rows)
    for level in ("nominal", "ordinal", "interval", "ratio"):
        assert krippendorff_alpha(data, level=level, n_boot=0).value == pytest.approx(_alpha(rows, level), abs=1e-12)


def test_two_coder_coefficients_are_irrcacs_published_values_for_cont3x3abstractors():
    # Gwet's irrCAC README (kgwet/irrCAC, README.md, "Computing agreement Coefficients from Contingency tables"),
    # cont3x3abstractors = [[13, 0, 0], [0, 20, 7], [0, 4, 56]] (100 units, 2 abstractors):
    #   gwet.ac1.table 0.8493305 se 0.04321747; pa2.table 0.89 se 0.03128898;
    #   scott2.table (Scott's pi, which is Fleiss' kappa with two coders) 0.7962397 se 0.05905473;
    #   krippen2.table 0.7972585.
    # The table functions (R/agree.coeff2.r) divide the variance by n, the raw-ratings functions that the package
    # follows (they match cac.raw4raters in tests/test_agreement.py) by n - 1 through sum / (n (n - 1)): the
    # standard errors differ by sqrt(n / (n - 1)) exactly, for two coders with no missing rating.
    table = np.array([[13, 0, 0], [0, 20, 7], [0, 4, 56]])
    pairs = [(i, j) for i in range(3) for j in range(3) for _ in range(table[i, j])]
    data = _long([list(pair) for pair in pairs])
    scale = math.sqrt(100 / 99)
    for function, value, se in ((gwet_ac1, 0.8493305, 0.04321747), (percent_agreement, 0.89, 0.03128898),
                                (fleiss_kappa, 0.7962397, 0.05905473)):
        res = function(data)
        assert round(res.value, 7) == value and res.se == pytest.approx(se * scale, abs=5e-9)
    assert round(krippendorff_alpha(data, n_boot=0).value, 7) == 0.7972585


def test_integer_unit_weights_are_repeated_units():
    rows = _ratings(90915, 20, 3, 3, 0.2)
    data = _long(rows)
    weight = np.random.default_rng(90916).integers(1, 4, len(rows))
    data["w"] = weight[data["unit"]]
    repeated = pd.concat([data[data["unit"] == u].assign(unit=f"{u}-{k}") for u in range(len(rows))
                          for k in range(weight[u])])
    for frame, metrics in ((data, ["percent_agreement", "fleiss_kappa", "gwet_ac1", "krippendorff_alpha"]),
                           (data[data["coder"] != "c2"], ["cohen_kappa"])):
        weighted = agreement_table(frame, weight="w", n_boot=0, metrics=metrics)
        plain = agreement_table(repeated[repeated["coder"].isin(frame["coder"].unique())], n_boot=0, metrics=metrics)
        np.testing.assert_allclose(weighted["value"], plain["value"], atol=1e-12)
        assert weighted["se"].isna().all() and (weighted["interval"] == "none_weighted").all()


@pytest.mark.filterwarnings("ignore::Warning")
@pytest.mark.parametrize("units", [1, 10])
def test_no_interval_where_every_unit_was_coded_alike(units):
    """Coder a says 1 and coder b says 0 on every unit (or there is one unit). Every resample of units is the
    sample, so each standard error is 0 by construction and the interval '-1.00 to -1.00' read as a kappa measured
    exactly; as where the coders agree on every unit, no interval is given and the method says why."""
    data = pd.DataFrame({"unit": list(range(units)) * 2, "coder": ["a"] * units + ["b"] * units,
                         "value": [1] * units + [0] * units})
    table = agreement_table(data, n_boot=200).set_index("metric")
    # values by hand: no pair agrees (p_a = 0); pi = (1/2, 1/2), so Fleiss' p_e = 1/2 and AC1's p_e = 1/2; alpha's
    # coincidences o_01 = o_10 = units, n = 2 units: 1 - (n - 1) 2 units / (2 units^2)
    expected = {"percent_agreement": 0.0, "fleiss_kappa": -1.0, "gwet_ac1": -1.0,
                "krippendorff_alpha": 1 - (2 * units - 1) / units}
    for metric, value in expected.items():
        row = table.loc[metric]
        assert row["value"] == pytest.approx(value)
        assert np.isnan(row["ci_low"]) and np.isnan(row["ci_high"]), (metric, row["ci_low"], row["ci_high"])
        assert row["interval"] in ("none_one_pattern", "none_too_few") and "no standard error" in row["method"] or \
            row["method"].startswith("no interval")
    # the report's hand-check table says so in its own words (segments, not units)
    from impact.report._build import _interval_words

    words = _interval_words(agreement_table(data, n_boot=200, metrics=["krippendorff_alpha"]))["method"].iloc[0]
    assert words.startswith("no interval: every segment compared was coded alike")
    # a second pattern brings the interval back
    more = pd.concat([data, pd.DataFrame({"unit": [units, units], "coder": ["a", "b"], "value": [1, 1]})])
    assert agreement_table(more, n_boot=200).set_index("metric").loc["fleiss_kappa", "interval"] == "t"


# --------------------------------------------------------------------------------------------------
# 4. binary comparisons at the edges
# --------------------------------------------------------------------------------------------------


def _two_groups(e_a: int, n_a: int, e_b: int, n_b: int) -> pd.DataFrame:
    return pd.DataFrame({"y": [1] * e_a + [0] * (n_a - e_a) + [1] * e_b + [0] * (n_b - e_b),
                         "g": ["a"] * n_a + ["b"] * n_b})


@pytest.mark.filterwarnings("ignore::Warning")
@pytest.mark.parametrize(("n_a", "n_b"), [(1, 4), (3, 3), (5, 2)])
def test_every_two_group_table_matches_scipys_fisher_test_and_conditional_odds_ratio(n_a, n_b):
    from statsmodels.stats.proportion import proportion_confint

    for e_a, e_b in itertools.product(range(n_a + 1), range(n_b + 1)):
        row = compare_groups(_two_groups(e_a, n_a, e_b, n_b), outcome="y", group="g", method="exact").iloc[0]
        table = [[e_b, n_b - e_b], [e_a, n_a - e_a]]
        assert row["p_value"] == pytest.approx(stats.fisher_exact(table).pvalue, rel=1e-9)
        for side, e, n in (("a", e_a, n_a), ("b", e_b, n_b)):
            low, high = proportion_confint(e, n, method="wilson")
            assert (row[f"prevalence_{side}_ci_low"], row[f"prevalence_{side}_ci_high"]) == pytest.approx((low, high))
        if 0 < e_a + e_b < n_a + n_b:  # both margins vary: an odds ratio (0 or inf at the edges of the support)
            ref = stats.contingency.odds_ratio(table, kind="conditional")
            ci = ref.confidence_interval(0.95)
            got = (row["odds_ratio"], row["odds_ratio_ci_low"], row["odds_ratio_ci_high"])
            assert got == pytest.approx((ref.statistic, ci.low, ci.high), rel=1e-5)
        else:  # one margin: nothing to compare
            assert np.isnan(row["odds_ratio"]) and row["p_value"] == 1.0


def test_prevalence_table_combines_rows_per_council_and_leaves_out_missing_rows():
    """Planted: council 1 mentions at one interview of three, council 2 at none, council 3's one row is missing;
    prevalence per group is councils mentioning, with statsmodels' Wilson interval."""
    from statsmodels.stats.proportion import proportion_confint

    data = pd.DataFrame({"council": [1, 1, 1, 2, 2, 3, 4, 5, 5],
                         "status": ["in", "in", "in", "in", "in", "in", "out", "out", "out"],
                         "y": [0, 1, 0, 0, 0, np.nan, 1, 1, 1]})
    with pytest.warns(Warning, match="left out"):
        table = prevalence_table(data, outcome="y", group="status", unit="council").set_index("group")
    assert table.loc["in", ["n", "events"]].tolist() == [2, 1] and table.loc["out", ["n", "events"]].tolist() == [2, 2]
    for group in ("in", "out"):
        low, high = proportion_confint(table.loc[group, "events"], table.loc[group, "n"], method="wilson")
        assert (table.loc[group, "ci_low"], table.loc[group, "ci_high"]) == pytest.approx((low, high))

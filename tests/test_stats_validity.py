"""Simulation checks of the statistics at the panel level: false-positive rates,
planted effects and interval coverage for studies of 30 councils.

Design (the size of a programme-wide NFER-style study): 30 councils, 10 in
intervention and 20 not; a binary council-level outcome (code mentioned at
all); a 3-wave repeated binary outcome for the GEE. Replicates are analysed in
one call with ``by="replicate"`` (compare_groups), which is how a codebook is
analysed too. Figures measured with the seeds below (alpha = 0.05):
- compare_groups, 2,000 null replicates, prevalence 0.3: mid-p (the default)
  0.042; Fisher's exact 0.026 (conservative, as exact conditional tests are
  with 10 vs 20 councils, hence the mid-p default); permutation (chi-square
  order) 0.027; continuous outcome, permutation 0.055.
- 1,000 replicates with 0.3 vs 0.7: Newcombe risk-difference interval covers
  the truth in 0.950, the exact odds-ratio interval in 0.982; mean risk
  difference 0.404 (truth 0.4); mid-p power 0.584 (exact enumeration: 0.568).
- GEE, 500 replicates (exchangeable, Mancl-DeRouen, t(27)): FPR 0.030 for the
  null status effect (another seed, 600 replicates: 0.037; slightly
  conservative); 95% interval for the wave effect covers 0.954; mean estimate
  0.536 (truth 0.5; small-sample bias of logistic GEE). This simulation (500
  GEE fits, some 12-15 s of CPU) moved to ``make validity-stats``
  (``bench/validity_stats.py``, ``gee_small_sample``), which checks the same
  bounds and writes them with its figures to bench/results/validity_stats.json;
  here a few replicates check that the script's check runs.
"""

import warnings

import numpy as np
import pandas as pd
import pytest

from impact.stats import compare_groups, power_prevalence

pytestmark = pytest.mark.slow

N_A, N_B = 10, 20  # councils in intervention / not


def _replicates(rng, n_rep, p_a, p_b):
    y = np.concatenate([rng.random((n_rep, N_A)) < p_a, rng.random((n_rep, N_B)) < p_b], axis=1)
    return pd.DataFrame({
        "replicate": np.repeat(np.arange(n_rep), N_A + N_B),
        "status_group": np.tile(np.r_[["intervention"] * N_A, ["none"] * N_B], n_rep),
        "mentioned": y.ravel(),
    })


def _reject_rate(panel, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = compare_groups(panel, group="status_group", by="replicate", adjust=None, **kwargs)
    return float((res["p_value"] <= 0.05).mean()), res


def test_compare_groups_false_positive_rate():
    panel = _replicates(np.random.default_rng(20240301), 2000, 0.3, 0.3)
    midp, _ = _reject_rate(panel, outcome="mentioned")  # default: Fisher mid-p
    assert 0.03 <= midp <= 0.07
    fisher, _ = _reject_rate(panel, outcome="mentioned", method="exact")
    assert 0.015 <= fisher <= 0.055  # exact test: conservative, never much above alpha
    assert fisher < midp
    perm, _ = _reject_rate(panel, outcome="mentioned", method="permutation", n_resamples=1000)
    assert perm <= 0.06
    rng = np.random.default_rng(7)
    panel["score"] = rng.normal(3, 1, len(panel)).round(1)  # e.g. a council-mean Likert score
    cont, _ = _reject_rate(panel, outcome="score", n_resamples=1000)  # permutation by default
    assert 0.03 <= cont <= 0.07


def test_compare_groups_planted_effect_and_coverage():
    p_a, p_b = 0.3, 0.7
    panel = _replicates(np.random.default_rng(99), 1000, p_a, p_b)
    power, res = _reject_rate(panel, outcome="mentioned")
    truth = p_b - p_a
    covered = ((res["ci_low"] <= truth) & (truth <= res["ci_high"])).mean()
    assert 0.93 <= covered <= 0.975  # Newcombe's interval: close to nominal 95%
    assert res["effect"].mean() == pytest.approx(truth, abs=0.015)  # unbiased
    # the planted effect is found at the rate exact enumeration predicts
    expected = power_prevalence(p_a=p_a, p_b=p_b, n_a=N_A, n_b=N_B, method="midp").loc[0, "power"]
    assert power == pytest.approx(expected, abs=3 * np.sqrt(expected * (1 - expected) / 1000))
    log_or_truth = np.log(p_b / (1 - p_b) * (1 - p_a) / p_a)
    or_covered = ((np.log(res["odds_ratio_ci_low"]) <= log_or_truth)
                  & (log_or_truth <= np.log(res["odds_ratio_ci_high"]))).mean()
    assert or_covered >= 0.93  # exact conditional interval: at least nominal


def test_gee_small_sample_check_runs():
    # The 500-replicate simulation is bench/validity_stats.py's gee_small_sample (make validity-stats): its bounds are
    # the ones this test asserted (status size 0.03-0.07, wave coverage 0.92-0.98, mean wave estimate 0.5 +- 0.05).
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from bench.validity_stats import GEE_SMALL_SAMPLE_BOUNDS, gee_small_sample

    assert GEE_SMALL_SAMPLE_BOUNDS == {"status_size": (0.03, 0.07), "wave_coverage": (0.92, 0.98),
                                       "wave_mean_estimate": (0.45, 0.55)}
    res = gee_small_sample(8)
    assert res["n_rep"] == 8 and set(res["checks"]) == set(GEE_SMALL_SAMPLE_BOUNDS)
    assert 0 <= res["status_size"] <= 1 and 0 <= res["wave_coverage"] <= 1
    assert abs(res["wave_mean_estimate"] - 0.5) < 1  # 8 replicates: a smoke test, not a result
    assert res["passed"] == all(c["passed"] for c in res["checks"].values())

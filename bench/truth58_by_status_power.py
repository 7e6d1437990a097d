"""Why truth56's planted difference by status under entering and leaving is not found (truth58).

``python -m bench.truth58_by_status_power SEED ...`` regenerates studies of
``bench/by_status_false_claims.py --paths never=0.6,entered_lifted=0.4 --missing-in early=0.4 --rise-in 2 --sizes 24``
(note that script's default ``--rise 2``: learning also rises by 2 at both later waves in every council) and prints,
for promotion of learning, independently of impact's code: each status group's reporting count by wave (councils
grouped by whether they were ever in intervention, as impact groups them); a Firth fit by hand (Newton on the modified
score, the restricted fit maximising the full model's penalised likelihood with the interaction terms at 0: the
penalised likelihood ratio test of Heinze and Schemper 2002); impact's ``firth_joint_test`` on the same rows; and a
permutation test (400 draws) of the same statistic with the councils' status paths permuted.

truth58's run (seeds 4566000, 4566003, 4566005, 4566007): the rise is in the data (ever in intervention at the early
wave 31/31, 16/16, 22/23, 34/34 against 0.90-0.92 in the others), impact's Firth estimates match the hand fit's, and
its joint test's p the permutation's (0.164 vs 0.165; 0.524 vs 0.431; 0.690 vs 0.633; 0.319 vs 0.242; the penalised LR the same to 3 decimals: 3.997, 1.340, 0.757, 2.438): no fault. The
planted difference sits at one wave of two, at a share near 1, where a difference of 2 on the log-odds scale is a few
participants of 15 to 35; the fits' standard error of that difference is about 1.6, so the least ratio of the odds
ratios found with 80% power is about exp(2.96 x 1.6), some 100 (a log odds ratio near 4.7, against the 2 planted).
"""

from __future__ import annotations

import sys
import warnings

import numpy as np
import pandas as pd
from scipy import stats

WAVES = ["expectations", "early", "longer_term"]


def make(seed: int, n: int = 24, rise: float = 2.0, rise_in: float = 2.0):
    from impact.panel import participant_panel
    from impact.synth import generate_with_truth

    effects = {"wave_log_odds": dict.fromkeys(WAVES, 0.0), "intervention_log_odds": 0.0,
               "code_wave_log_odds": {"learning": {"expectations": 0.0, "early": rise, "longer_term": rise}},
               "intervention_wave_log_odds": {"learning": {"expectations": 0.0, "early": rise_in,
                                                           "longer_term": rise_in}}}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        study, truth = generate_with_truth(n, seed=seed, interviews_per_wave=5, words_per_interview=60,
                                           effects=effects, intervention_paths={"never": 0.6, "entered_lifted": 0.4},
                                           participant_missing_in_intervention={"early": 0.4})
        return study, participant_panel(study, truth.coded())


def firth(x: np.ndarray, y: np.ndarray, fixed: tuple[int, ...] = ()) -> tuple[np.ndarray, float]:
    """Firth's estimates and penalised log-likelihood (the full design's Jeffreys penalty), columns ``fixed`` at 0."""
    free = [j for j in range(x.shape[1]) if j not in fixed]
    b = np.zeros(x.shape[1])
    for _ in range(300):
        p = 1 / (1 + np.exp(-x @ b))
        w = p * (1 - p)
        info_inv = np.linalg.inv(x.T @ (x * w[:, None]))
        h = np.einsum("ij,jk,ik->i", x * np.sqrt(w)[:, None], info_inv, x * np.sqrt(w)[:, None])
        score = x.T @ (y - p + h * (0.5 - p))
        step = np.linalg.solve(x[:, free].T @ (x[:, free] * w[:, None]), score[free])
        b[free] += np.clip(step, -2, 2)
        if np.abs(step).max() < 1e-10:
            break
    p = 1 / (1 + np.exp(-x @ b))
    w = p * (1 - p)
    return b, float(np.sum(y * np.log(p) + (1 - y) * np.log(1 - p)) + 0.5 * np.linalg.slogdet(x.T @ (x * w[:, None]))[1])


def design(p: pd.DataFrame, ever: pd.Series):
    g = p["council_id"].map(ever).astype(float).to_numpy()
    e, lt = (p["wave"] == "early").to_numpy(float), (p["wave"] == "longer_term").to_numpy(float)
    return np.column_stack([np.ones(len(p)), e, lt, g, e * g, lt * g]), p["reported"].to_numpy(float), g


def main(seeds: list[int]) -> None:
    from impact.stats._firth import firth_joint_test

    for seed in seeds:
        study, panel = make(seed)
        ever = study.wave_status().groupby("council_id")["intervention"].apply(lambda s: (s != "none").any())
        p = panel[panel["code"] == "learning"].reset_index(drop=True)
        x, y, g = design(p, ever.astype(int))
        b, full = firth(x, y)
        lr = 2 * (full - firth(x, y, fixed=(4, 5))[1])
        d = p.assign(in_intervention=g.astype(int), y=y.astype(int), wave=pd.Categorical(p["wave"], WAVES))
        imp = firth_joint_test(d, formula="y ~ C(wave) * in_intervention", unit="council_id",
                               terms=["C(wave)[T.early]:in_intervention", "C(wave)[T.longer_term]:in_intervention"])
        rng = np.random.default_rng(seed)
        perm = []
        for _ in range(400):
            xp, yp, _ = design(p, pd.Series(rng.permutation(ever.astype(int).to_numpy()), index=ever.index))
            perm.append(2 * (firth(xp, yp)[1] - firth(xp, yp, fixed=(4, 5))[1]))
        cells = pd.DataFrame({"g": g, "wave": p["wave"], "y": y}).groupby(["g", "wave"])["y"].agg(["sum", "count"])
        print(f"seed {seed}: ever in intervention {int(ever.sum())} of {len(ever)} councils; learning reported "
              + "; ".join(f"{'ever' if k[0] else 'never'} {k[1]} {int(r['sum'])}/{int(r['count'])}"
                          for k, r in cells.iterrows()))
        print(f"  hand Firth: difference at early {b[4]:.3f}, longer-term {b[5]:.3f}; penalised LR {lr:.3f} "
              f"(chi2(2) p {stats.chi2.sf(lr, 2):.3f}); permutation p {(1 + np.sum(np.array(perm) >= lr)) / 401:.3f}")
        print(f"  impact firth_joint_test: F {imp['statistic']:.3f} ({imp['df_num']:.0f}, {imp['df']:.0f}) "
              f"p {imp['p_value']:.3f}; LR {imp['lr_chi2']:.3f}; design effect {imp['design_effect']:.3f}", flush=True)


if __name__ == "__main__":
    main([int(s) for s in sys.argv[1:]] or [4566000, 4566003, 4566005, 4566007])

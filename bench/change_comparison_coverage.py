"""How often the report's 95% intervals of change over time and of group comparisons cover the truth, at 5 and 150
councils.

``python -m bench.change_comparison_coverage [--reps-small 500] [--reps-large 300] [--seed 91050]`` simulates
councils of 3 to 6 participants (equally likely) x 3 waves (every participant at every wave), 40% of the councils
in intervention
throughout, ``reported ~ Bernoulli(expit(beta_wave + 0.8 status + u_council + v_participant))`` with wave log-odds
-1.5, 0, -0.3, a council SD of 0.6 and a participant SD of 0.4 (logit scale), and measures:

- *group comparisons*: the Hodges-Lehmann interval of :func:`impact.stats.compare_groups` (the comparisons table:
  councils' shares, in intervention minus not, at each wave) against its estimand, the median of the difference
  between a council's share in intervention and one not (from a million simulated pairs);
- *change over time*: the 95% interval of each later wave's contrast with the first in the GEE the models table
  fits (:func:`impact.stats.longitudinal_model`, binomial, exchangeable, Mancl-DeRouen sandwich, t on councils -
  parameters; the participant panel, ``y ~ C(wave) + in_intervention``) against the pseudo-true value of that
  marginal model, the GEE fitted to 20,000 simulated councils.

Prints coverage with its exact binomial 95% interval, and how often an interval was given at all.
"""

from __future__ import annotations

import argparse
import warnings

import numpy as np
import pandas as pd
from scipy import stats

WAVES = ["expectations", "early", "longer_term"]
BETA = np.array([-1.5, 0.0, -0.3])
GAMMA, SD_COUNCIL, SD_PERSON, SIZES, SHARE_IN = 0.8, 0.6, 0.4, (3, 4, 5, 6), 0.4


def simulate(n_councils: int, rng: np.random.Generator) -> pd.DataFrame:
    """One study's participant panel: council_id, participant_id, wave, in_intervention, y."""
    n_in = max(1, round(SHARE_IN * n_councils))
    status = np.r_[np.ones(n_in, int), np.zeros(n_councils - n_in, int)]
    u = rng.normal(0, SD_COUNCIL, n_councils)
    c = np.repeat(np.arange(n_councils), rng.choice(SIZES, n_councils))
    v = rng.normal(0, SD_PERSON, len(c))
    eta = BETA[None, :] + (GAMMA * status[c] + u[c] + v)[:, None]
    y = (rng.random(eta.shape) < 1 / (1 + np.exp(-eta))).astype(int)
    return pd.DataFrame({"council_id": np.repeat(c, 3), "participant_id": np.repeat(np.arange(len(c)), 3),
                         "wave": np.tile(WAVES, len(c)), "in_intervention": np.repeat(status[c], 3),
                         "y": y.ravel()})


def truth(rng: np.random.Generator) -> dict:
    """The estimands: the median share difference at each wave and the GEE's pseudo-true wave contrasts."""
    from impact.stats import longitudinal_model

    out = {}
    big = 1_000_000
    for w, b in zip(WAVES, BETA):
        shares = []
        for s in (1, 0):
            eta = b + GAMMA * s + rng.normal(0, SD_COUNCIL, (big, 1)) + rng.normal(0, SD_PERSON, (big, max(SIZES)))
            seen = np.arange(max(SIZES))[None, :] < rng.choice(SIZES, big)[:, None]
            hits = (rng.random(eta.shape) < 1 / (1 + np.exp(-eta))) & seen
            shares.append(hits.sum(axis=1) / seen.sum(axis=1))
        out[("share_difference", w)] = float(np.median(shares[0] - shares[1]))
    panel = simulate(20_000, rng)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = longitudinal_model(panel.assign(wave=pd.Categorical(panel["wave"], WAVES)),
                                 formula="y ~ C(wave) + in_intervention", unit="council_id", family="binomial",
                                 method="gee", cov_struct="exchangeable", small_sample=False)
    for w in WAVES[1:]:
        out[("wave_contrast", w)] = float(res.params.loc[f"C(wave)[T.{w}]", "estimate"])
    return out


def one(n_councils: int, rng: np.random.Generator, true: dict) -> list[dict]:
    from impact.stats import compare_groups, longitudinal_model

    panel = simulate(n_councils, rng)
    rows = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        shares = panel.groupby(["council_id", "wave", "in_intervention"], as_index=False)["y"].mean()
        shares["group"] = np.where(shares["in_intervention"] == 1, "intervention", "no_intervention")
        shares["group"] = pd.Categorical(shares["group"], ["no_intervention", "intervention"])
        cmp = compare_groups(shares, outcome="y", group="group", by="wave", unit="council_id",
                             outcome_type="continuous", method="asymptotic")
        for r in cmp.itertuples():
            t = true[("share_difference", r.wave)]
            rows.append(dict(kind="share_difference", wave=r.wave, given=np.isfinite(r.hodges_lehmann_ci_low),
                             covered=r.hodges_lehmann_ci_low <= t <= r.hodges_lehmann_ci_high))
        res = longitudinal_model(panel.assign(wave=pd.Categorical(panel["wave"], WAVES)),
                                 formula="y ~ C(wave) + in_intervention", unit="council_id", family="binomial",
                                 method="gee", cov_struct="exchangeable")
    for w in WAVES[1:]:
        p = res.params.loc[f"C(wave)[T.{w}]"]
        t = true[("wave_contrast", w)]
        rows.append(dict(kind="wave_contrast", wave=w, given=np.isfinite(p["ci_low"]),
                         covered=p["ci_low"] <= t <= p["ci_high"], width=p["ci_high"] - p["ci_low"]))
    return rows


def main(argv: list[str] | None = None) -> pd.DataFrame:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reps-small", type=int, default=500)
    ap.add_argument("--reps-large", type=int, default=300)
    ap.add_argument("--seed", type=int, default=91050)
    a = ap.parse_args(argv)
    rng = np.random.default_rng(a.seed)
    true = truth(rng)
    print("estimands:", {f"{k[0]} {k[1]}": round(v, 4) for k, v in true.items()})
    summary = []
    for n, reps in ((5, a.reps_small), (150, a.reps_large)):
        rows = pd.DataFrame([dict(r, councils=n) for _ in range(reps) for r in one(n, rng, true)])
        for (kind, wave), d in rows.groupby(["kind", "wave"], sort=False):
            g = d[d["given"]]
            k, m = int(g["covered"].sum()), len(g)
            ci = stats.binomtest(k, m).proportion_ci(method="exact") if m else None
            summary.append(dict(councils=n, kind=kind, wave=wave, given=f"{m}/{len(d)}",
                                coverage=k / m if m else np.nan, ci_low=ci.low if ci else np.nan,
                                ci_high=ci.high if ci else np.nan,
                                median_width=float(g["width"].median()) if "width" in g and m else np.nan))
            print(summary[-1], flush=True)
    return pd.DataFrame(summary)


if __name__ == "__main__":
    main()

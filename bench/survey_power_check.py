"""The planning figures of :mod:`impact.stats._power` against simulation at 10, 20 and 40 councils (statistics round 20).

``python -m bench.survey_power_check --out bench`` writes ``<out>/survey_power_check.json``.

* ``power_prevalence``: for each design (councils in all, split evenly or one in four in group a; two prevalences),
  the power stated by each method beside the share of simulated studies (two binomial draws of councils) in which
  the test it plans for rejects at alpha 0.05: ``"normal"`` plans for the z test of Cohen's h (the difference of
  ``2 asin(sqrt(share))`` over ``sqrt(1/n_a + 1/n_b)``, Cohen 1988 ch. 6), ``"exact"`` for Fisher's exact test
  (scipy's ``fisher_exact``), ``"midp"`` for its mid-p. ``compare_groups``' own test of a binary outcome (mid-p,
  its ``method="auto"``) is run by the library itself on a subset of the studies, to tie the mid-p column to it.
  Each simulated rate has its Wilson 95% interval; ``within`` says whether the stated power lies in it.
* ``_rank_test_detectable_shift`` (the report's limitation on what its comparisons of councils by status can detect
  with 80% power): the shift it gives, then the share of simulated studies (two normal samples that far apart) in
  which scipy's exact Mann-Whitney test rejects; 0.8 is the stated power.
* ``did_power``: its stated power beside :func:`impact.stats.did` (CR2, Bell-McCaffrey df, no permutations) on
  panels drawn as ``did_power`` draws them (council effects added: they cancel in the fixed effects), one
  pre- and two post-periods, half the councils treated.

Every rate is a count of independent studies, so its Monte Carlo interval is a binomial one.
"""

from __future__ import annotations

import argparse
import json
import math
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats

ALPHA = 0.05
COUNCILS = (10, 20, 40)
#: (share in group a of the councils, p_a, p_b): an even split, and one council in four in group a (as councils in
#: intervention against the others)
PREVALENCE = ((0.5, 0.2, 0.8), (0.5, 0.3, 0.7), (0.5, 0.1, 0.5), (0.25, 0.2, 0.8), (0.25, 0.3, 0.7),
              (0.5, 0.3, 0.3), (0.25, 0.5, 0.5))
#: (n_a, n_b) of the rank test's detectable shift: even splits and one council in four, 10, 20 and 40 councils
RANK_SPLITS = ((5, 5), (3, 7), (10, 10), (5, 15), (20, 20), (10, 30))


def wilson(k: int, n: int, alpha: float = 0.05) -> tuple[float, float]:
    """Wilson's score interval of a binomial share (Wilson 1927)."""
    z = stats.norm.ppf(1 - alpha / 2)
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return max(0.0, centre - half), min(1.0, centre + half)


def _rate(k: int, n: int, stated: float) -> dict:
    low, high = wilson(k, n)
    return dict(rejected=int(k), studies=int(n), rate=k / n, mc_se=math.sqrt(k / n * (1 - k / n) / n),
                ci=[low, high], stated=stated, within=bool(low <= stated <= high))


def _tests_by_table(n_a: int, n_b: int) -> dict[str, np.ndarray]:
    """Rejection at ALPHA of each of the three tests for every table (x_a events of n_a, x_b of n_b): arrays of shape
    (n_a + 1, n_b + 1), computed once and looked up for each simulated study."""
    fisher = np.zeros((n_a + 1, n_b + 1), bool)
    midp = np.zeros_like(fisher)
    arcsine = np.zeros_like(fisher)
    crit = stats.norm.ppf(1 - ALPHA / 2)
    for xa in range(n_a + 1):
        for xb in range(n_b + 1):
            table = [[xa, n_a - xa], [xb, n_b - xb]]
            p = stats.fisher_exact(table).pvalue
            m = xa + xb
            # mid-p by the definition (Lancaster 1961): tables less likely than the observed, plus half those as likely
            k = np.arange(max(0, m - n_b), min(m, n_a) + 1)
            pmf = stats.hypergeom.pmf(k, n_a + n_b, m, n_a)
            obs = stats.hypergeom.pmf(xa, n_a + n_b, m, n_a)
            mp = pmf[pmf < obs * (1 - 1e-7)].sum() + 0.5 * pmf[np.abs(pmf - obs) <= obs * 1e-7].sum()
            fisher[xa, xb] = p <= ALPHA * (1 + 1e-7)
            midp[xa, xb] = mp <= ALPHA * (1 + 1e-7)
            h = 2 * math.asin(math.sqrt(xb / n_b)) - 2 * math.asin(math.sqrt(xa / n_a))
            arcsine[xa, xb] = abs(h) / math.sqrt(1 / n_a + 1 / n_b) > crit
    return {"normal": arcsine, "exact": fisher, "midp": midp}


def prevalence_designs(n_sim: int, n_library: int, seed: int) -> list[dict]:
    from impact.stats import compare_groups, power_prevalence

    rng = np.random.default_rng(seed)
    rows = []
    for councils in COUNCILS:
        for share, p_a, p_b in PREVALENCE:
            n_a = max(1, round(councils * share))
            n_b = councils - n_a
            reject = _tests_by_table(n_a, n_b)
            xa, xb = rng.binomial(n_a, p_a, n_sim), rng.binomial(n_b, p_b, n_sim)
            row = dict(councils=councils, n_a=n_a, n_b=n_b, p_a=p_a, p_b=p_b)
            for method in ("normal", "exact", "midp"):
                stated = float(power_prevalence(p_a, p_b, n_a=n_a, n_b=n_b, alpha=ALPHA, method=method)
                               .loc[0, "power"])
                row[method] = _rate(int(reject[method][xa, xb].sum()), n_sim, stated)
            # the normal figure beside the test the study runs (compare_groups' mid-p)
            row["normal_vs_midp_test"] = _rate(int(reject["midp"][xa, xb].sum()), n_sim, row["normal"]["stated"])
            # the library's own test on the first n_library studies: the mid-p lookup above must be its decision
            agree = 0
            for i in range(n_library):
                frame = pd.DataFrame({"group": ["a"] * n_a + ["b"] * n_b,
                                      "y": [1] * xa[i] + [0] * (n_a - xa[i]) + [1] * xb[i] + [0] * (n_b - xb[i])})
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    p = float(compare_groups(frame, outcome="y", group="group").loc[0, "p_value"])
                agree += (p <= ALPHA) == bool(reject["midp"][xa[i], xb[i]])
            row["compare_groups_agrees"] = f"{agree} of {n_library}"
            rows.append(row)
    return rows


def rank_designs(n_sim: int, seed: int) -> list[dict]:
    from impact.stats._power import _rank_test_detectable_shift

    rng = np.random.default_rng(seed)
    rows = []
    for n_a, n_b in RANK_SPLITS:
        shift = _rank_test_detectable_shift(n_a, n_b, alpha=ALPHA, power=0.8)
        a = rng.standard_normal((n_sim, n_a)) + shift
        b = rng.standard_normal((n_sim, n_b))
        p = stats.mannwhitneyu(a, b, method="exact", axis=1).pvalue
        rows.append(dict(n_a=n_a, n_b=n_b, shift=shift, **_rate(int((p <= ALPHA).sum()), n_sim, 0.8)))
    return rows


def did_designs(n_sim: int, seed: int, effect: float = 1.0) -> list[dict]:
    from impact.stats import did, did_power

    rng = np.random.default_rng(seed)
    rows = []
    for councils in COUNCILS:
        stated = float(did_power(n_units=councils, effect=effect, n_sim=20_000, seed=seed).loc[0, "power"])
        n_t = councils // 2
        unit, t = np.repeat(np.arange(councils), 3), np.tile([0, 1, 2], councils)
        treated, post = unit < n_t, t >= 1
        k = 0
        for _ in range(n_sim):
            y = rng.normal(0, 1, councils)[unit] + rng.normal(0, 1, 3 * councils) + effect * (treated & post)
            panel = pd.DataFrame({"unit": unit, "t": t, "y": y, "treated": treated, "post": post})
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                res = did(panel, outcome="y", unit="unit", time="t", treated="treated", post="post", n_permutations=0)
            k += bool(res.params.loc["treated_post", "p_value"] <= ALPHA)
        rows.append(dict(councils=councils, n_treated=n_t, effect=effect, **_rate(k, n_sim, stated),
                         stated_mc_se=math.sqrt(stated * (1 - stated) / 20_000)))
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="bench")
    parser.add_argument("--n", type=int, default=20_000, help="simulated studies per prevalence design")
    parser.add_argument("--n-library", type=int, default=200, help="of them run through compare_groups")
    parser.add_argument("--n-did", type=int, default=2_000, help="simulated panels per did design")
    parser.add_argument("--seed", type=int, default=92001)
    args = parser.parse_args(argv)
    start = time.process_time()
    result = dict(alpha=ALPHA, seed=args.seed, n=args.n, n_did=args.n_did,
                  prevalence=prevalence_designs(args.n, args.n_library, args.seed),
                  rank=rank_designs(args.n, args.seed + 2),
                  did=did_designs(args.n_did, args.seed + 1))
    result["cpu_seconds"] = round(time.process_time() - start, 1)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "survey_power_check.json").write_text(json.dumps(result, indent=1) + "\n")
    for r in result["prevalence"]:
        print(f"{r['councils']:>3} ({r['n_a']}:{r['n_b']}) {r['p_a']} v {r['p_b']}: " + "  ".join(
            f"{m} {r[m]['stated']:.3f} sim {r[m]['rate']:.3f} [{r[m]['ci'][0]:.3f}, {r[m]['ci'][1]:.3f}]"
            for m in ("normal", "exact", "midp")) + f"  cg {r['compare_groups_agrees']}")
    for r in result["rank"]:
        print(f"rank {r['n_a']}:{r['n_b']} shift {r['shift']:.3f}: sim {r['rate']:.3f} [{r['ci'][0]:.3f}, {r['ci'][1]:.3f}]")
    for r in result["did"]:
        print(f"did {r['councils']}: stated {r['stated']:.3f} sim {r['rate']:.3f} [{r['ci'][0]:.3f}, {r['ci'][1]:.3f}]")


if __name__ == "__main__":
    main()

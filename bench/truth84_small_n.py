"""Coverage of the review table's 95% intervals at few councils, on seeds no round used (truth84).

``python -m bench.truth84_small_n --sizes 5 --studies 1000 --first-seed 1084000 --name NAME --out DIR`` writes
``<out>/NAME.json`` (a summary, the rows apart in ``<out>/NAME_rows.json``).

Stop 73 measured the rows of the councils in intervention when reviewed at 5 councils covering 92.7% (384 studies,
bench/truth81_indicator_coverage_n5.json); after truth82 the rows of the councils not in intervention at 30 councils
covered 93.7% (300 studies, bench/truth82_review_estimand_after.json, ``rereferral_pct`` alone). This run measures
both on more studies: consecutive seeds from ``--first-seed`` (1084000 onwards: none of an earlier round's; the
tests of round 84 use none of them), one study per seed, with :func:`bench.truth74_indicator_coverage.one_study`
(every indicator's row of every group of :func:`impact.indicators.review_indicator_effects`, each against
``target``, the same estimator on the planted change alone, which weighs the councils' planted changes as the
estimate does; the planted effects rotate through :data:`bench.truth74_indicator_coverage.EFFECTS`).

The Monte Carlo standard error of each coverage is truth76's clustered one (a study's rows are one cluster,
:func:`bench.truth74_indicator_coverage.clustered`): ``se``, ``ci95_clustered`` and ``p_below_nominal`` (the
one-sided p of a coverage of 95% or more). The diagnostics (:func:`bench.truth81_indicator_coverage.diagnostics`)
give the coverage by degrees of freedom, by councils treated and by planted effect, and the two tails.

Results on integ75's head 027fcf55 (the estimator unchanged by truth84; its change for reviews ending on 31 March
touches no default study, whose reviews end on a Friday of 2010-2013, never a 31 March):

* bench/truth84_small_n_n5.json, 5 councils, seeds 1084000-1084999 (952 gave an interval): in intervention 92.9%
  (2,402 rows, Monte Carlo SE 0.50%, clustered 95% CI 91.9-93.8%; below 95% beyond chance, Holm p < 0.001), not
  in intervention 94.9% (4,032 rows, SE 0.37%), all councils 96.6% (SE 0.27%). The shortfall is in the rows read
  from one council (``n_treated`` 1): 92.6% (4,412 rows, SE 0.45%; in intervention 91.8%, not 92.4%); rows read
  from two or more cover 96.5-97.6%.
* bench/truth84_small_n_n30.json, 30 councils, seeds 1086000-1086299 (stopped at 300 of 1,000 for time): not in
  intervention 95.1% (1,497 rows, SE 0.57%; re-referrals alone 94.7%, 299 rows, SE 1.3%), in intervention 96.6%,
  all 94.7%: truth82's 93.7% (300 rows of re-referrals) is within chance.
* bench/truth84_small_n_lone.json (``--lone 3000``): one council alone against 1 to 19 comparison councils holds
  94.4-95.1% (MC SE 0.4%; 98.9% with two of a later cohort), so the borrowed variance of a lone council is not by
  itself the cause of the shortfall at 5 councils. Where the councils of a later cohort compare with it at its
  first periods only, so that its comparison councils shrink to 2 (as the not-yet-reviewed councils of a
  5-council study do), its cohort's interval covers 93.7% and 93.1% (2,000 panels, MC SE 0.55%; 94.6% where they
  shrink to 3): the shortfall is reproduced without the generator. The rows' tails are even (the target below the
  interval in 3.4%, above in 4.0%), so the intervals are too narrow, not biased. 5 of the 4,412 rows read from one
  council had an interval of zero width: two comparison councils with the same change (figures rounded to 0.1),
  so a borrowed variance of 0.

``python -m bench.truth84_small_n --lone 3000 --out DIR --name NAME`` runs :func:`lone_unit` instead: the interval
of one council reviewed alone against a few comparison councils, on panels of independent normal noise (no
generator), to tell whether the borrowed variance of a lone council (Crawford and Howell's test, see
:func:`impact.stats._staggered._lone_variance`) holds its 95% at small numbers of comparison councils."""

from __future__ import annotations

import argparse
import json
import platform
import time
from pathlib import Path

import pandas as pd

from bench.truth74_indicator_coverage import EFFECTS, one_study
from bench.truth79_indicator_df import summarise
from bench.truth81_indicator_coverage import diagnostics

FIRST_SEED = 1084000


#: (comparison councils never reviewed, councils of a later cohort, periods) of :func:`lone_unit`'s designs.
LONE_DESIGNS = ((2, 0, 3), (3, 0, 3), (2, 0, 6), (3, 0, 6), (4, 0, 6), (2, 2, 6), (1, 2, 6), (6, 0, 6), (19, 0, 6))


def _lone_coverage(designs, row) -> dict:
    """Coverage of one council reviewed alone at period 2 beside the comparison councils of each of ``designs``
    ((never reviewed, reviewed later, the later cohort's period, periods, reps, the seed of its panels)): levels N(0, 9), a common trend,
    noise N(0, 1), no change planted; ``row`` picks the interval read from the ``group`` aggregate."""
    import warnings

    import numpy as np

    from impact.stats import staggered_did

    out = {}
    for m, later, at, periods, reps, seed in designs:
        rng = np.random.default_rng(seed)
        units = [("t", 2.0)] + [(f"c{i}", np.nan) for i in range(m)] + [(f"l{i}", float(at)) for i in range(later)]
        cover, dfs = [], []
        for _ in range(reps):
            d = pd.DataFrame([(u, t, level + 0.3 * t + rng.normal(), first) for u, first in units
                              for level in [rng.normal(0, 3)] for t in range(periods)], columns=["u", "t", "y", "g"])
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                o = row(staggered_did(d, outcome="y", unit="u", time="t", first_treated="g",
                                      control="not_yet_treated", n_bootstrap=9).aggregate(
                    "group", n_permutations=0, min_comparison=2))
            if np.isfinite(o["ci_low"]):
                cover.append(o["ci_low"] <= 0 <= o["ci_high"])
                dfs.append(o["df"])
        c = float(np.mean(cover))
        out[f"{m} never reviewed, {later} reviewed at period {at}, {periods} periods"] = dict(
            reps=len(cover), coverage=round(c, 4), mc_se=round(float(np.sqrt(c * (1 - c) / len(cover))), 4),
            median_df=float(np.median(dfs)))
    return out


def lone_unit(reps: int) -> dict:
    """Coverage of the ``group`` average's 95% interval (:func:`impact.stats.staggered_did`, not-yet-treated
    comparisons, ``min_comparison=2`` as the indicators use it) of one council reviewed alone at period 2 against
    the councils of :data:`LONE_DESIGNS` (levels N(0, 9), a common trend, noise N(0, 1), no change planted), with
    its Monte Carlo standard error and the median degrees of freedom."""
    return _lone_coverage([(m, later, 4, periods, reps, [84, m, later, periods]) for m, later, periods in LONE_DESIGNS],
                          lambda agg: agg.overall.iloc[0])


#: (comparison councils never reviewed, councils of a later cohort, its period, periods) of :func:`lone_shrinking`.
SHRINKING_DESIGNS = ((2, 2, 3, 6), (2, 1, 3, 6), (3, 2, 3, 6), (2, 2, 4, 6))


def lone_shrinking(reps: int) -> dict:
    """As :func:`lone_unit`, the interval of the lone council's cohort (reviewed at period 2: the ``group`` table's
    row of cohort 2), where councils of a later cohort compare with it at its first periods only, so that the
    comparison councils shrink over its periods to those never reviewed (:data:`SHRINKING_DESIGNS`), as the
    not-yet-reviewed councils of a 5-council study do."""
    return _lone_coverage([(*d, reps, [8484, *d]) for d in SHRINKING_DESIGNS],
                          lambda agg: agg.table[agg.table["group"] == 2.0].iloc[0])


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[5])
    ap.add_argument("--studies", type=int, default=1000, help="studies per size")
    ap.add_argument("--first-seed", type=int, default=FIRST_SEED, help="the first seed of each size's studies")
    ap.add_argument("--out", type=Path, default=Path("bench"))
    ap.add_argument("--name", default="truth84_small_n")
    ap.add_argument("--commit", default="", help="the commit measured, written into the summary")
    ap.add_argument("--lone", type=int, default=0, help="run lone_unit with this many panels per design instead")
    a = ap.parse_args(argv)
    if a.lone:
        doc = dict(lone_unit=lone_unit(a.lone), lone_shrinking=lone_shrinking(a.lone), commit=a.commit,
                   python=platform.python_version())
        a.out.mkdir(parents=True, exist_ok=True)
        (a.out / f"{a.name}.json").write_text(json.dumps(doc, indent=1) + "\n")
        return doc
    rows, cpu = [], {}
    a.out.mkdir(parents=True, exist_ok=True)

    def write() -> dict:
        d = pd.DataFrame(rows)
        doc = dict(summary=summarise(d), diagnostics=diagnostics(d), commit=a.commit,
                   seeds={str(n): [a.first_seed, a.first_seed + a.studies - 1] for n in a.sizes},
                   studies_with_a_row={str(n): int(g["seed"].nunique()) for n, g in d.groupby("n")},
                   cpu_seconds_by_size=cpu, python=platform.python_version())
        (a.out / f"{a.name}.json").write_text(json.dumps(doc, indent=1, default=float) + "\n")
        (a.out / f"{a.name}_rows.json").write_text(json.dumps(rows, default=float))
        return doc

    started: dict[int, float] = {}
    jobs = [(n, i, seed) for n in a.sizes for i, seed in enumerate(range(a.first_seed, a.first_seed + a.studies))]
    for k, (n, i, seed) in enumerate(jobs):
        started.setdefault(n, time.process_time())
        rows += one_study(n, seed, EFFECTS[i % len(EFFECTS)])
        cpu[n] = round(time.process_time() - started[n], 1)
        if k % 50 == 49:  # written as it goes: a run stopped early keeps its studies
            write()
    return write()


if __name__ == "__main__":
    doc = main()
    print(json.dumps(doc.get("summary", doc.get("lone_unit")), indent=1))

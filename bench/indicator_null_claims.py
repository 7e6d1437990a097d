"""How often the summary claims a change in the outcome indicators after the review where none was planted.

``python -m bench.indicator_null_claims [--n 40] [--councils 30] [--seed 96100]`` generates null studies
(:meth:`impact.synth.SynthEffects.null`, seeds ``seed``, ``seed + 1``, ...), analyses their indicators with 999
random reassignments and builds the report. A study counts as a claim when the summary states that an indicator
changed, over all the councils reviewed or in a status group, or names a change that the indicators section finds
(its own family, over all councils alone, added to the summary's sentence where the summary's family finds none);
each sentence states a family-wise error rate (Holm at alpha 0.05), so at most 5% of null studies should make one of
each. Prints the rate, its exact binomial 95% interval, and which sentence each claim came from.
"""

from __future__ import annotations

import argparse
import warnings

#: How the summary named a change that the indicators section's own family found (reports of rounds 21 to 29).
SECTION_FINDS = "The indicators section, adjusting across the"


def claims(n_councils: int, seed: int) -> dict[str, bool]:
    """Whether the summary of a null study states a change after the review over all councils (``pooled``), in a
    status group (``by_status``), or as what the indicators section finds (``section``)."""
    from impact.pipeline import analyse, build_report
    from impact.synth import SynthEffects, generate_with_truth

    study, _ = generate_with_truth(n_councils, seed=seed, interviews_per_wave=1, words_per_interview=50,
                                   effects=SynthEffects.null())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        findings = analyse(study, n_resamples=999, seed=1, parts=["indicators"])
        report, _ = build_report(findings)
    return stated(report)


def stated(report) -> dict[str, bool]:
    """Which of the summary's claims of a change in the indicators ``report`` (an :class:`impact.report.Report`)
    makes (see :func:`claims`)."""
    from impact.report import Bullets

    said = [i for b in report.sections[0].blocks if isinstance(b, Bullets) for i in b.items if "indicator" in i]
    text = " ".join(said)
    section = "finds a change in" in text.partition(SECTION_FINDS)[2]  # its sentence says no "changed by"
    pooled, _, by_status = text.partition("By status when reviewed")
    return {"pooled": "changed by" in pooled, "by_status": "changed by" in by_status, "section": section}


def main(argv: list[str] | None = None) -> dict:
    from scipy.stats import binomtest

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--councils", type=int, default=30)
    ap.add_argument("--seed", type=int, default=96100)
    args = ap.parse_args(argv)
    rows = []
    for i in range(args.n):
        c = claims(args.councils, args.seed + i)
        rows.append(c)
        print(args.seed + i, c, flush=True)
    hits = sum(c["pooled"] or c["by_status"] or c["section"] for c in rows)
    ci = binomtest(hits, len(rows)).proportion_ci(method="exact")
    out = {"studies": len(rows), "claims": hits, "rate": hits / len(rows), "ci": (ci.low, ci.high),
           "pooled": sum(c["pooled"] for c in rows), "by_status": sum(c["by_status"] for c in rows),
           "section": sum(c["section"] for c in rows)}
    print(out)
    return out


if __name__ == "__main__":
    main()

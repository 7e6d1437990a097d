"""Programme-level findings for a study folder, as LGA staff would run them.

Usage::

    python analysis/programme_findings.py STUDY_FOLDER OUT_FOLDER [--identify] [--seed N]

This is a thin script over the library: it validates the study, runs the
programme analysis (:func:`impact.pipeline.run`), and prints how many
comparisons by intervention status pass the Holm-adjusted threshold, with the
report's caveat for impacts the machine coder reads poorly, and the rows
with the smallest p-values, and how many tests of change across the waves
and model changes at each later wave pass it (a machine-coded change is a
finding only where the hand check reads the impact well at every wave) - every number comes from the library's tables.  Edit the
options below (codebook, disclosure threshold, permutations) for your study.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import impact
from impact.report import (
    machine_coding_note,
    unconfirmed_by_status,
    unconfirmed_over_waves,
    weak_codes,
)

#: Options a programme analysis usually fixes once and keeps (recorded in the outputs' provenance).
OPTIONS = {
    "codebook": None,  # the study's codebook (study.yaml), else nfer_impacts
    "n_resamples": 10_000,  # permutations per test
    "min_count": 5,  # counts below this are published as "c"
    "quote_k": 5,  # councils that must share a quote's attribution
}


def main(study: str | Path, out_dir: str | Path, *, identify: bool = False, seed: int = 0, **options) -> impact.RunResult:
    """Run the programme analysis and write the findings bundle to ``out_dir``."""
    result = impact.run(study, out_dir=out_dir, identify=identify, seed=seed, **{**OPTIONS, **options})
    c = result.findings.comparisons
    print(result)
    _change(result.findings)
    if c.empty:
        reason = result.findings.not_computed.get("comparisons", "no comparison could be made")
        print(f"\nNo comparison by intervention status: {reason}.")
        return result
    alpha = result.findings.parameters.get("alpha", 0.05)
    below = c[c["p_adjusted"] < alpha]
    f = result.findings
    weak = weak_codes(f.codebook, source=f.coding.get("source"))
    # the report's rule: a machine-coded difference by status is a finding only for an impact read well on real text
    # and checked by hand in this study in both status groups (impact run --human)
    unconfirmed = unconfirmed_by_status(list(f.codebook.top_codes()), weak, f.reliability_by_status,
                                        source=f.coding.get("source"))

    def why(code: str) -> str:
        if code in weak:
            return " (read poorly by the coder: not a finding)"
        return " (machine coding not checked by hand in both status groups: not a finding)" if code in unconfirmed else ""

    print(f"\n{len(below)} of {len(c)} comparisons by intervention status have a Holm-adjusted p below {alpha}"
          + (": " + ", ".join(f"{r.code} at {r.wave}{why(r.code)}" for r in below.itertuples()) if len(below) else "")
          + ".")
    note = machine_coding_note(result.findings.codebook, source=result.findings.coding.get("source"), named=True)
    if note:
        print(note)
    # the difference the report's table publishes (the difference in mean shares where shares are heavily tied,
    # else the Hodges-Lehmann shift), named row by row; Hodges-Lehmann alone for findings saved before it existed
    shown = ("difference_type", "difference", "difference_ci_low", "difference_ci_high")
    shown = shown if "difference" in c.columns else ("hodges_lehmann",)
    cols = [k for k in ("code", "wave", "n_a", "n_b", *shown, "p_value", "p_adjusted") if k in c.columns]
    print("\nThe five smallest p-values (outcome: the share of a council's interviewees reporting the impact; "
          "unsuppressed, not for publication):")
    print(c.sort_values("p_value").head(5)[cols].to_string(index=False))
    return result


def _change(f) -> None:
    """How many tests of change across the waves pass the Holm-adjusted threshold, with the report's rule for
    machine codings (a coder that reads one wave's talk differently from another's makes a change by itself)."""
    ch = f.change
    if ch is None or ch.empty:
        reason = f.not_computed.get("change", "no council was followed across the waves")
        print(f"\nNo test of change across the waves: {reason}.")
        return
    alpha = f.parameters.get("alpha", 0.05)
    below = ch[ch["p_adjusted"] < alpha]
    weak = weak_codes(f.codebook, source=f.coding.get("source"))
    doubtful = set(unconfirmed_over_waves(list(f.codebook.top_codes()), weak, f.reliability_by_wave,
                                          list(f.study.wave_ids), source=f.coding.get("source")))
    group = "status_group" if "status_group" in ch.columns else None
    named = [f"{r.code}{f' ({getattr(r, group)})' if group else ''}"
             + (" (machine coding not checked by hand at every wave: not a finding)" if r.code in doubtful else "")
             for r in below.itertuples()]
    print(f"\n{len(below)} of {len(ch)} tests of change across the waves have a Holm-adjusted p below {alpha}"
          + (": " + ", ".join(named) if named else "") + ".")
    # the models' change at each later wave against the first (one Holm family), as the report's summary reads it:
    # a change at the middle wave only is not seen by a test of the last wave against the first
    m = f.models
    if m is None or m.empty or "term" not in m.columns:
        return
    waves = {f"wave_{w}": w for w in f.study.wave_ids[1:]}
    rows = m[m["term"].isin(waves)]
    sig = rows[rows["p_adjusted"] < alpha]
    named = [f"{r.code} at {waves[r.term]}"
             + (" (machine coding not checked by hand at every wave: not a finding)" if r.code in doubtful else "")
             for r in sig.itertuples()]
    print(f"{len(sig)} of {len(rows)} model changes (each later wave against the first, Holm-adjusted together) have "
          f"an adjusted p below {alpha}" + (": " + ", ".join(named) if named else "") + ".")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("study")
    parser.add_argument("out")
    parser.add_argument("--identify", action="store_true")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    try:
        main(args.study, args.out, identify=args.identify, seed=args.seed)
    except impact.ImpactError as exc:
        sys.exit(f"programme_findings: {exc}")

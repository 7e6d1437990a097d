"""Disclosure round 69's ledger-level attacks: relations between published counts that an intruder can write from the
tables' own definitions (docs/report-format.md, the tables' notes) and that the report's ledger was not told of.

Each family declares its relations on a copy of the report's ledger (its counts, relations and decisions, the
statements it withheld among the hidden), where the study's true counts keep them (a relation the counts do not keep
is not one the intruder can rely on); a hidden count is *recovered* where, with them, its interval is shorter than the
threshold and shorter than in the report's own system (the ledger's criterion, :meth:`DisclosureLedger._weak`).

``python -m bench.disclosure69_attack.relations`` prints, for each of :data:`bench.disclosure69_attack.studies.STUDIES`,
the counts each family recovers (``impact.report._build._prepared`` of the study analysed in full, planted coding).
"""

from __future__ import annotations

import sys
import warnings

#: The ledger's tolerance for an interval's length (solver round-off)
_TOL = 1e-6


def _holds(led, parts, limit) -> bool:
    return all(k in led.values for k in (*parts, limit)) and sum(led.values[k] for k in parts) <= led.values[limit] + _TOL


def _bound_sum(led, name, parts, limit) -> None:
    """``sum(parts) <= limit`` through an unpublished total ``name``, where the counts keep it."""
    parts = [k for k in parts if k in led.values]
    if parts and _holds(led, parts, limit):
        led.unpublished(name, sum(led.values[k] for k in parts))
        led.relation(name, parts)
        led.at_most(name, limit)


def recommendations(ctx, led) -> None:
    """The suggestions table: the councils of the participants making a suggestion concerning a factor are at most
    those participants, and the participants suggesting at a wave after the review (suggestions by wave) bound, summed
    over the waves, those concerning any one factor (each made a suggestion at one of those waves)."""
    rec = [k for k in led.values if k[0] == "rec_people"]
    waves = [k for k in led.values if k[0] == "rec_wave"]
    for k in rec:
        c = ("rec_councils", k[1])
        if c in led.values and led.values[c] <= led.values[k]:
            led.at_most(c, k)
        if waves:
            # sum over the waves of those suggesting, as an unpublished total, bounds each factor's participants
            total = ("rec_waves_sum",)
            if total not in led.values:
                led.unpublished(total, sum(led.values[w] for w in waves))
                led.relation(total, waves)
            if led.values[k] <= led.values[total]:
                led.at_most(k, total)


def process(ctx, led) -> None:
    """The review-process tables: the participants saying only that a factor helped or only that it hindered
    (process_by_impact's n_said, participant-waves) are at most those saying it helped and those saying it hindered
    (process_factors, participant-waves); those of each realisation group saying it helped or helped in part
    (process_by_realisation, participants) at most the participant-waves saying so."""
    for k in [k for k in led.values if k[0] == "proc_impact"]:
        code = k[1]
        parts = [("proc", code, "helped"), ("proc", code, "hindered")]
        if all(p in led.values for p in parts):
            total = ("proc_sides", code)
            led.unpublished(total, sum(led.values[p] for p in parts))
            led.relation(total, parts)
            if led.values[k] <= led.values[total]:
                led.at_most(k, total)
    for code in {k[1] for k in led.values if k[0] == "helped_by"}:
        parts = [k for k in led.values if k[0] == "helped_by" and k[1] == code]
        sides = [("proc", code, "helped"), ("proc", code, "mixed")]
        if all(p in led.values for p in sides):
            limit = ("proc_helped_in_part", code)
            led.unpublished(limit, sum(led.values[p] for p in sides))
            led.relation(limit, sides)
            _bound_sum(led, ("helped_by_all", code), parts, limit)


def realisation(ctx, led) -> None:
    """The realisation groups of process_by_realisation (participants interviewed at every wave with an expectation:
    realised where one was reported afterwards) against the table of realisation (the same participants, by impact):
    each impact's realised at most the realised group, which is at most their sum; each impact's realised and unmet at
    most the two groups together."""
    g_real, g_unmet = ("realisation_group", "realised"), ("realisation_group", "unmet")
    codes = [k[1] for k in led.values if k[0] == "traj" and k[2] == "realisation_realised"]
    real = [("traj", c, "realisation_realised") for c in codes]
    if g_real in led.values and real:
        for k in real:
            if led.values[k] <= led.values[g_real]:
                led.at_most(k, g_real)
        s = ("realised_sum",)
        led.unpublished(s, sum(led.values[k] for k in real))
        led.relation(s, real)
        if led.values[g_real] <= led.values[s]:
            led.at_most(g_real, s)
    if g_real in led.values and g_unmet in led.values:
        both = ("realisation_groups",)
        led.unpublished(both, led.values[g_real] + led.values[g_unmet])
        led.relation(both, [g_real, g_unmet])
        for c in codes:
            _bound_sum(led, ("expected_of", c), [("traj", c, "realisation_realised"),
                                                  ("traj", c, "realisation_unmet_expectation")], both)


def statements(ctx, led) -> None:
    """The attribution table's statements bounding the participants reporting each impact after the review (the
    report's own :func:`impact.report._build._declare_statement_bounds`, checked again after every step)."""
    from impact.report._build import _declare_statement_bounds

    _declare_statement_bounds(ctx, led)


FAMILIES = {"statements": statements, "recommendations": recommendations, "process": process,
            "realisation": realisation}


def recovered(ctx, declare) -> dict:
    """The hidden counts ``declare``'s relations narrow below the threshold, further than the report's own system:
    ``{key: (low, high, true value)}``."""
    led = ctx.ledger
    hidden = set(led._hidden)
    work = led._copy()
    declare(ctx, work)
    now = hidden | work.auxiliary
    work._hidden = now
    added = [k for k in work.values if k not in led.values]
    seeds = {k for t, parts in work.sums[len(led.sums):] for k in (t, *parts) if k in now}
    seeds |= {k for b in work.bounds[len(led.bounds):] for k in b if k in now}
    if not seeds and not added:
        return {}
    weak = [k for k in work._weak(now, within=work._tied(seeds, now)) if k in hidden and k not in led.auxiliary] \
        if seeds else []
    # bounds of published counts only (nothing hidden in them) narrow nothing: the system is the same
    ranges = work._ranges(now, weak)
    base = led._ranges(hidden, weak)
    out = {}
    for k, (lo, hi) in ranges.items():
        b = base[k]
        if hi - lo < led.threshold - _TOL and (lo > b[0] + _TOL or hi < b[1] - _TOL):
            out[k] = (lo, hi, led.values[k])
    return out


def prepared(n, seed, opts):
    """The report's context of a study analysed in full with its planted coding (as ``impact.run`` builds it)."""
    import impact.report._build as build
    from impact.pipeline import analyse
    from impact.synth import generate_with_truth

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        study, truth = generate_with_truth(n, seed=seed, **opts)
        findings = analyse(study, coded=truth.coded(), n_resamples=199, seed=1)
        return findings, build._prepared(findings, False, 5, 5, None, False)


def main(names: list[str], studies: dict, families: dict) -> None:
    """Print, for each of ``studies`` named in ``names`` (all where none), the counts each of ``families`` recovers."""
    for name in names or list(studies):
        n, seed, opts = studies[name]
        findings, ctx = prepared(n, seed, opts)
        hidden = sum(1 for k in ctx.ledger.values if ctx.ledger.hidden(k) and k not in ctx.ledger.auxiliary)
        print(f"== {name} ({n} councils, seed {seed}): {hidden} counts hidden", flush=True)
        for fam, declare in families.items():
            got = recovered(ctx, declare)
            print(f"  {fam}: {len(got)} recovered", *(f"\n    {k}: {lo:g}-{hi:g} (true {v:g})"
                                                    for k, (lo, hi, v) in sorted(got.items(), key=str)), flush=True)


if __name__ == "__main__":
    from bench.disclosure69_attack.studies import STUDIES

    main(sys.argv[1:], STUDIES, FAMILIES)

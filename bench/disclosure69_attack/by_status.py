"""Disclosure round 69, item 1: the change by status published beside a hidden cell, proved safe after the
decisions (``impact.report._build._by_status_proved_safe``), against the attribution table's statements.

``python -m bench.disclosure69_attack.by_status COUNCILS:SEED:DESIGN ...`` prints, for each impact of each study whose
change by status rests on a hidden cell, whether the report withholds it and, where it publishes it, whether the
proof still holds with the statements' bounds declared (:func:`impact.report._build._declare_statement_bounds`).
"""

from __future__ import annotations

import sys
import warnings

#: The designs tried (generator options)
DESIGNS = {
    "few": dict(interviews_per_wave=3, words_per_interview=150,
                intervention_paths={"never": 0.8, "entered": 0.1, "throughout": 0.1}),
    "attr": dict(interviews_per_wave=3, words_per_interview=150, participant_dropout=0.3, participant_missing=0.2),
    "move": dict(interviews_per_wave=3, words_per_interview=150,
                 intervention_paths={"never": 0.6, "entered_lifted": 0.2, "lifted": 0.2}),
    "many": dict(interviews_per_wave=3, words_per_interview=120,
                 intervention_paths={"never": 0.5, "entered": 0.2, "throughout": 0.3}),
}


def probe(n: int, seed: int, design: str) -> list[tuple]:
    import impact.report._build as b
    from impact.pipeline import MAIN_MEASURE, analyse
    from impact.synth import generate_with_truth

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        study, truth = generate_with_truth(n, seed=seed, **DESIGNS[design])
        findings = analyse(study, coded=truth.coded(), n_resamples=199, seed=1, parts=["comparisons", "models"])
        ctx = b._prepared(findings, False, 5, 5, None, False)
    bs = getattr(ctx.f, "change_by_status", None)
    out = []
    if bs is None or bs.empty:
        return out
    for code, rows in bs[bs["code"].isin(ctx.codes) & ~bs["code"].isin(ctx.models_withheld)].groupby("code", sort=False):
        measure = str(rows["measure"].iloc[0]) if "measure" in rows.columns else MAIN_MEASURE
        waves = [ctx.waves[0], *[w for w in dict.fromkeys(rows["wave"]) if w]]
        keys = [("with", measure, code, w, g) for w in waves for g in ("intervention", "no_intervention")]
        hidden = [k for k in keys if k in ctx.ledger.values and ctx.ledger.hidden(k)]
        if not hidden:
            continue
        if not b._by_status_cells_shown(ctx, code, rows):
            out.append((code, "withheld", len(hidden)))
            continue
        told = ctx.ledger._copy()
        b._declare_statement_bounds(ctx, told)
        told._hidden = set(ctx.ledger._hidden) | told.auxiliary
        led, ctx.ledger = ctx.ledger, told
        try:
            safe = b._by_status_proved_safe(ctx, code, rows, measure, waves)
        finally:
            ctx.ledger = led
        out.append((code, "published", len(hidden), "safe with the statements" if safe else "NARROWED"))
    return out


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        n, seed, design = arg.split(":")
        print(arg, probe(int(n), int(seed), design), flush=True)

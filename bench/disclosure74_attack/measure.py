"""Disclosure round 74: how many waves' interview counts the report publishes, with provenance.json's study layout as
:func:`impact.run` records it (every generated interview a transcript file, ``transcripts/**/*.txt``).

``python -m bench.disclosure74_attack.measure COUNCILS SEED [SEED ...] [--waves 3] [--json OUT.json]``

Each study is generated with :func:`impact.synth.generate_with_truth` (its defaults but the councils, seed and
waves), analysed with its planted coding (199 resamples, seed 1) and its report's ledger decided as
:func:`impact.run` decides it (min count 5). Printed per study: the waves, those whose interviews are published, and
whether provenance.json's transcript-file count is published.
"""

from __future__ import annotations

import argparse
import json
import time
import warnings
from pathlib import Path


def measure(n: int, seed: int, waves: int = 3) -> dict:
    import impact.report._build as build
    from impact.pipeline import analyse
    from impact.synth import generate_with_truth

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        study, truth = generate_with_truth(n, seed=seed, waves=waves)
        f = analyse(study, coded=truth.coded(), n_resamples=199, seed=1)
        files = int(study.interviews["interview_id"].nunique())
        f.provenance = {**f.provenance, "study_layout": {"hash": "sha256:" + "0" * 64, "n_files": files + 10,
                                                        "files": {"study.yaml": 1, "transcripts/**/*.txt": files}}}
        ctx = build._prepared(f, False, 5, 5, None, False)
        prov = build._published_provenance(ctx, []) if hasattr(build, "_published_provenance") else {}
    keys = [("interviews", w) for w in ctx.waves]
    shown = [w for w, k in zip(ctx.waves, keys) if k in ctx.ledger.values and ctx.shown(k)]
    layout = prov.get("study_layout") or {}
    published = (layout.get("files") or {}).get("transcripts/**/*.txt")
    return {"councils": n, "seed": seed, "waves": len(ctx.waves), "interviews": [int(ctx.ledger.values[k]) for k in keys],
            "published": shown, "transcript_files": published if isinstance(published, int) else None}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("councils", type=int)
    ap.add_argument("seeds", type=int, nargs="+")
    ap.add_argument("--waves", type=int, default=3)
    ap.add_argument("--json", type=Path)
    a = ap.parse_args(argv)
    rows = []
    for s in a.seeds:
        t = time.perf_counter()
        r = measure(a.councils, s, a.waves)
        r["seconds"] = round(time.perf_counter() - t, 1)
        rows.append(r)
        print(json.dumps(r), flush=True)
    total = sum(r["waves"] for r in rows)
    print(f"{a.councils} councils, {len(rows)} studies: {sum(len(r['published']) for r in rows)} of {total} waves' "
          f"interviews published; {sum(not r['published'] for r in rows)} studies with none; transcript files "
          f"published in {sum(r['transcript_files'] is not None for r in rows)}")
    if a.json:
        a.json.write_text(json.dumps(rows, indent=1) + "\n")


if __name__ == "__main__":
    main()

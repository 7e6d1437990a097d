"""Disclosure round 75: comparison rows the report publishes, on the tree first on the path.

``PYTHONPATH=TREE python -P -m bench.disclosure75_attack.measure TAG NAME [NAME ...]``: each study of :data:`STUDIES`
(render59's design, 3 interviews a wave of 150 words, its comparisons and models analysed with the planted coding,
199 resamples, seed 1) has its report's ledger decided as :func:`impact.run` decides it (min count 5); printed: the
comparisons rows and those published; the hidden counts are written to /tmp/d75/TAG-NAME.pkl for the narrowing audit
(the branch's ledger, with round 74's levels bound, given each tree's hidden counts). Seeds 300000-399999 checked
unused in the repository before any run (``grep -rlw``).
"""

from __future__ import annotations

import json
import pickle
import sys
import warnings

STUDIES = {
    "s20": (20, 310020, {}), "s25": (25, 324025, {}), "s30": (30, 337030, {}), "s30b": (30, 351030, {}),
    "s35": (35, 362035, {}), "s40": (40, 378040, {}),
    "s22p": (22, 389022, {"intervention_paths": {"never": 0.6, "entered_lifted": 0.2, "throughout": 0.2}}),
    "s33p": (33, 395033, {"intervention_paths": {"never": 0.7, "throughout": 0.3}}),
    "r5931": (30, 5931, {}),
}


def main(tag: str, names: list[str]) -> None:
    import impact.report._build as b
    from impact.pipeline import analyse
    from impact.synth import generate_with_truth

    for name in names:
        n, seed, opts = STUDIES[name]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            study, truth = generate_with_truth(n, seed=seed, interviews_per_wave=3, words_per_interview=150, **opts)
            f = analyse(study, coded=truth.coded(), n_resamples=199, seed=1, parts=["comparisons", "models"])
            ctx = b._prepared(f, False, 5, 5, None, False)
        rows = [all(b._comparison_parts(ctx, r)) for r in ctx.f.comparisons.to_dict("records")]
        hidden = [k for k in ctx.ledger.values if not ctx.shown(k)]
        out = {"name": name, "tag": tag, "rows": len(rows), "published": sum(rows), "n_hidden": len(hidden)}
        print(json.dumps(out), flush=True)
        with open(f"/tmp/d75/{tag}-{name}.pkl", "wb") as fh:
            pickle.dump({"out": out, "hidden": hidden}, fh)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])

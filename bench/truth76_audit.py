"""Truth round 76 audit: every claim of the report against the planted truth on designs the audits of rounds 71-75
never built, with seeds from 500000-599999 none of truth74's runs used (drawn at random).

The designs: two waves only; councils leaving intervention (a notice lifted) as well as entering; councils missing a
wave (``council_missing`` 0.2-0.3); every council in intervention at one wave (notices held throughout or issued after
the review, so all are in at the longer-term wave) and at every wave; 8 councils with exactly one in intervention when
reviewed (the first seeds of the draw that give one); 150 councils with three statuses (none, a notice, a notice and a
statutory direction). Each is built with truth74's machinery (:func:`bench.truth74_audit.build_one`) and checked with
every check of truth71-74 (:func:`bench.truth74_audit.run_checks`): the summary, the tables' lead sentences, the
methods, the figures, the indicators, the survey, the status history, the sentence after a first notice and the
methods' terms.

``python -m bench.truth76_audit`` builds the studies (cached in /tmp/t76/runs, ``TRUTH76_RUNS``) and writes
bench/truth76_audit.json (``TRUTH76_OUT``); ``python -m bench.truth76_audit check`` checks the cached studies again;
``TRUTH76_DRAW=76176`` draws fresh seeds for the same designs (the rate after a mend on studies not used to find it);
``TRUTH76_ONLY=n12_w2,n40_w5`` builds the designs whose keys begin so alone.

The runs of this round: the 12 studies built on main's head (6f085e8d; bench/truth76_audit.json), the two with a
statement on missed interviews built again after the mend of the response test (bench/truth76_audit_after.json), and
the 12 designs with fresh seeds after it (``TRUTH76_DRAW=76176``, bench/truth76_audit_fresh.json)."""

from __future__ import annotations

import os
import pickle
import re
from pathlib import Path

import numpy as np

import bench.truth74_audit as t74
from bench.truth72_audit import run_audit
from bench.truth73_audit import MOVES

RUNS = Path(os.environ.get("TRUTH76_RUNS", "/tmp/t76/runs"))
OUT = Path(os.environ.get("TRUTH76_OUT", Path(__file__).with_name("truth76_audit.json")))
DRAW = int(os.environ.get("TRUTH76_DRAW", "76076"))  # the draw of seeds only

ENTER_LIFT = {"entered": 0.3, "lifted": 0.3, "never": 0.4}
ALL_IN_LATER = {"throughout": 0.5, "entered": 0.5}  # every council in intervention at the longer-term wave
ALL_IN = {"throughout": 0.7, "direction": 0.3}  # every council in intervention at every wave
THREE = {"never": 0.4, "throughout": 0.3, "direction": 0.3}  # none, a notice, a notice and a direction
ONE_IN_8 = {"never": 0.85, "throughout": 0.15}  # the seed kept where exactly one council is in when reviewed


def used_seeds() -> set[int]:
    """The seeds of truth74's coverage run and audit (500000-599999), which this round does not use again."""
    from bench.truth74_indicator_coverage import SEED_DRAW, SIZES

    used = set(np.random.default_rng(SEED_DRAW).choice(np.arange(500000, 600000), size=len(SIZES) * 1000,
                                                       replace=False).tolist())
    return used | {d["seed"] for d in t74.designs()}


def _one_in(seed: int, n: int, paths: dict, waves: int) -> bool:
    """Whether the study of ``seed`` has exactly one council in intervention when reviewed (the status draws alone)."""
    from impact.synth import generate_with_truth

    _study, truth = generate_with_truth(n, seed=seed, waves=waves, intervention_paths=paths, interviews_per_wave=1,
                                        words_per_interview=50)
    return sum(bool(c["in_intervention_at_review"]) for c in truth.councils) == 1


def designs():
    used = used_seeds()
    rng = np.random.default_rng(DRAW)
    spec = [  # (councils, waves, effects, intervention paths, survey waves, resamples, other options)
        # two waves only
        (30, 2, "ind_down", MOVES, None, 999, {}), (12, 2, "survey_neg", None, None, 199, {}),
        (20, 2, "large", ENTER_LIFT, None, 199, {}),
        # councils leaving intervention as well as entering
        (30, 3, "both", ENTER_LIFT, None, 999, {}), (40, 4, "ind_in_only", ENTER_LIFT, None, 999, {}),
        # a council with a wave missing
        (24, 3, "default", MOVES, None, 199, {"council_missing": 0.25}),
        (40, 5, "survey_in", ENTER_LIFT, ["expectations", "early", "longer_term", "three_years"], 199,
         {"council_missing": 0.2}),
        # every council in intervention at one wave, and at every wave
        (20, 3, "ind_down", ALL_IN_LATER, None, 999, {}), (16, 3, "default", ALL_IN, None, 199, {}),
        # 8 councils, one in intervention when reviewed
        (8, 3, "default", ONE_IN_8, None, 199, {}), (8, 3, "ind_in_only", ONE_IN_8, None, 199, {}),
        # 150 councils with three statuses
        (150, 3, "both", THREE, None, 199, {}),
    ]
    out = []
    for n, w, e, p, s, r, extra in spec:
        while True:
            seed = int(rng.integers(500000, 600000))
            if seed in used or (p is ONE_IN_8 and not _one_in(seed, n, p, w)):
                continue
            used.add(seed)
            break
        out.append(dict(n=n, waves=w, effects=e, paths=p, survey=s, resamples=r, extra=extra, seed=seed))
    only = [x for x in os.environ.get("TRUTH76_ONLY", "").split(",") if x]
    return [d for d in out if not only or any(t74._key(d).startswith(x + "_") for x in only)]


_RESPONSE = re.compile(r"participants in councils (not in intervention|in intervention) were interviewed "
                       r"(?:significantly )?less often than those")


def check_response(a) -> None:
    """Each statement that participants in one status group were interviewed less often than the others (the
    summary's caveat, the models section's paragraph on missed interviews) against the planted missed interviews: the
    generator's chance of missing a wave depends on status only where ``participant_missing_in_intervention`` is given
    (never in these designs), so each such statement is false; a test at 5% makes one by chance now and then, so the
    kind is counted apart (``response_differs_where_none``) and its rate measured by
    bench/truth76_response_separation.py."""
    planted = a.truth.params.get("participant_missing_in_intervention") is not None
    for _title, sentence in a.texts:
        m = _RESPONSE.search(sentence.lower())
        if m:
            a.claim("response_differs" if planted else "response_differs_where_none", sentence, planted,
                    f"stated {m[1]} interviewed less often; planted by status: {planted}")


def run_checks():
    """truth74's checks and :func:`check_response` on each cached study (a statement where none was planted counted
    apart, as truth73 counts a change where none was planted)."""
    from bench.truth72_audit import by_kind
    from bench.truth73_audit import Audit

    doc = t74.run_checks()
    for p in sorted(RUNS.glob("*.pkl")):
        a = Audit(pickle.loads(p.read_bytes()))
        check_response(a)
        stated = [c for c in a.claims if not c["kind"].endswith("where_none")]
        doc["claims_checked"] += len(stated)
        doc["claims_false"] += sum(not c["ok"] for c in stated)
        doc["false_claims"] += [c for c in stated if not c["ok"]]
        doc["chance"] += [c for c in a.claims if c["kind"].endswith("where_none") and not c["ok"]]
        doc["per_study"][a.r["key"]]["claims"] += len(a.claims)
        doc["per_study"][a.r["key"]]["false"] += sum(not c["ok"] for c in a.claims)
        for k, v in by_kind(a.claims).items():
            old = doc["by_kind"].setdefault(k, dict(checked=0, false=0))
            old["checked"] += v["checked"]
            old["false"] += v["false"]
    return doc


def main():
    t74.RUNS = RUNS  # truth74's build and checks read the cache folder from their module
    run_audit(RUNS, OUT, designs, t74.build_one, run_checks)


if __name__ == "__main__":
    main()

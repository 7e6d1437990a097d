"""Truth round 81 audit: every claim of the report against the planted truth on designs and seeds no round used.

Seeds are drawn from 910000-999999 (``TRUTH81_DRAW``, default 81181; none of them a seed of
bench/truth81_indicator_coverage.py). The designs cross what the brief asks for: 2 to 5 waves; 5, 8, 30 and 150
councils; councils entering and leaving intervention; a wave missing for some councils (``council_missing``); every
council in intervention (at every wave, or at the later waves) and none; the survey at some waves only. Every study
is analysed from its planted coding (``truth_coded.csv``, ``coded=``) so that the statistics are read, not the coder.

Each study is built with truth74's machinery (:func:`bench.truth74_audit.build_one`) and checked with every check of
truth71-76 (:func:`bench.truth76_audit.run_checks`). The claims are then counted by class (:func:`claim_class`):
change over waves, difference by intervention status, indicator, survey, attribution, and the rest (descriptive
counts, methods, tables); the kinds that are chance at the stated level (a missed large effect, an interval missing
its planted value, a change where none was planted) are counted apart, as earlier rounds count them.

``python -m bench.truth81_audit`` builds the studies (cached in /tmp/t81/runs, ``TRUTH81_RUNS``) and writes
bench/truth81_audit.json (``TRUTH81_OUT``); ``python -m bench.truth81_audit check`` checks the cached studies again;
``TRUTH81_DRAW=81281`` draws fresh seeds for the same designs (the rate after a mend, on studies not used to find it);
``TRUTH81_ONLY=n5_w3,n150_w2`` builds the designs whose keys begin so alone.

The runs of this round (the files in bench/):

* truth81_audit.json: the 15 studies of draw 81181 on integ73's head (77c8c060): 6 false claims of 1277 (survey 4:
  the planted truth named the wrong survey waves; change 2: rows of one council blank without a word);
* truth81_audit_after.json: the three studies with a false claim, built again after those two mends: 0 of 321;
* truth81_audit_fresh.json: draw 81281 after those mends: 2 false of 1240 (status difference: a forest plot's caption
  counted 4 intervals of which 2 were drawn);
* truth81_audit_fresh_after.json: the two studies with it, after the forest caption's mend: 0 of 146;
* truth81_audit_fresh2.json: draw 81381 after every mend: 0 false of 1259."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

import bench.truth74_audit as t74
import bench.truth76_audit as t76
from bench.truth72_audit import run_audit
from bench.truth73_audit import CHANCE, MOVES

RUNS = Path(os.environ.get("TRUTH81_RUNS", "/tmp/t81/runs"))
OUT = Path(os.environ.get("TRUTH81_OUT", Path(__file__).with_name("truth81_audit.json")))
DRAW = int(os.environ.get("TRUTH81_DRAW", "81181"))  # the draw of seeds only
LOW, HIGH = 910000, 1000000

ENTER_LIFT = {"entered": 0.3, "lifted": 0.3, "never": 0.4}
ALL_IN_LATER = {"throughout": 0.5, "entered": 0.5}  # every council in intervention at the longer-term wave
ALL_IN = {"throughout": 0.7, "direction": 0.3}  # every council in intervention at every wave
NONE_IN = {"never": 1.0}  # no council in intervention at any wave

#: The classes the claims are counted in, by the kind's first word(s) (the first match wins).
CLASSES = (
    ("attribution", ("credit_",)),
    ("indicator", ("indicator_", "notice_", "miss_indicator")),
    ("survey", ("survey_", "miss_survey")),
    ("status difference", ("comparison_", "status_direction", "status_group_direction", "status_change_differs",
                           "miss_no_status_difference", "response_differs", "caveat_none_in",
                           "figure_intervals")),  # the forest plots of differences (in intervention against not)
    ("change", ("change_", "miss_no_change", "realised_", "realisation_", "sustained_", "persistence_",
                "most_reported")),
)


def claim_class(kind: str) -> str:
    """The class of a claim's kind (``other`` for descriptive counts, methods and tables)."""
    return next((name for name, starts in CLASSES if kind.startswith(starts)), "other")


def used_seeds() -> set[int]:
    """The seeds of this round's coverage run (its first 1000 of each size it might run), not used again here."""
    from bench.truth81_indicator_coverage import seeds_for

    return {s for n in (5, 10) for s in seeds_for(n, 1000)}


def designs():
    used = used_seeds()
    rng = np.random.default_rng(DRAW)
    spec = [  # (councils, waves, effects, intervention paths, survey waves, resamples, other options)
        # 5 councils
        (5, 3, "default", ENTER_LIFT, None, 199, {}),
        (5, 2, "ind_down", None, None, 199, {}),
        (5, 5, "survey_in", ENTER_LIFT, ["expectations", "longer_term", "three_years"], 199, {}),
        (5, 4, "both", ALL_IN, None, 199, {"council_missing": 0.25}),
        # 8 councils
        (8, 3, "large", NONE_IN, None, 199, {}),
        (8, 4, "survey_neg", ENTER_LIFT, ["expectations", "two_years"], 199, {"council_missing": 0.2}),
        (8, 2, "ind_in_only", MOVES, None, 199, {}),
        # 30 councils
        (30, 5, "both", MOVES, ["expectations", "early", "three_years"], 999, {"council_missing": 0.2}),
        (30, 2, "survey_in", ALL_IN_LATER, None, 199, {}),
        (30, 3, "ind_up", NONE_IN, None, 999, {}),
        (30, 4, "large", ENTER_LIFT, ["expectations", "longer_term"], 199, {"council_missing": 0.3}),
        # 150 councils
        (150, 3, "default", MOVES, None, 199, {}),
        (150, 4, "ind_in_only", ENTER_LIFT, ["expectations", "longer_term", "two_years"], 199,
         {"council_missing": 0.15}),
        (150, 2, "survey_neg", ALL_IN, None, 199, {}),
        (150, 5, "null", NONE_IN, ["expectations", "early", "two_years", "three_years"], 199, {}),
    ]
    out = []
    for n, w, e, p, s, r, extra in spec:
        seed = int(rng.integers(LOW, HIGH))
        while seed in used:
            seed = int(rng.integers(LOW, HIGH))
        used.add(seed)
        out.append(dict(n=n, waves=w, effects=e, paths=p, survey=s, resamples=r, extra=extra, seed=seed))
    only = [x for x in os.environ.get("TRUTH81_ONLY", "").split(",") if x]
    return [d for d in out if not only or any(t74._key(d).startswith(x + "_") for x in only)]


def build_one(d):
    return t74.build_one(d)


def run_checks():
    """truth76's checks on each cached study, with the claims counted by class."""
    doc = t76.run_checks()
    chance = (*CHANCE, "notice_ci_covers", "notice_change_where_none", "notice_sentence_covers")
    by_class: dict[str, dict] = {}
    for kind, v in doc["by_kind"].items():
        part = by_class.setdefault(claim_class(kind), dict(checked=0, false=0, chance_checked=0, chance_false=0))
        apart = kind.startswith(chance) or kind.endswith("where_none")
        part["chance_checked" if apart else "checked"] += v["checked"]
        part["chance_false" if apart else "false"] += v["false"]
    doc["by_class"] = by_class
    doc["seed_draw"] = DRAW
    doc["seeds"] = {p.stem: int(p.stem.rsplit("_", 1)[1]) for p in sorted(RUNS.glob("*.pkl"))}
    return doc


def main():
    t74.RUNS = t76.RUNS = RUNS  # truth74's build and truth76's checks read the cache folder from their modules
    run_audit(RUNS, OUT, designs, build_one, run_checks)
    import json
    print(json.dumps(json.loads(OUT.read_text())["by_class"], indent=1))


if __name__ == "__main__":
    main()

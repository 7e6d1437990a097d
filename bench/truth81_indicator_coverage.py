"""Coverage of the indicators' intervals after the review at few councils, on seeds no round used (truth81).

``python -m bench.truth81_indicator_coverage --sizes 5 --studies 300 --name NAME --out bench`` writes
``<out>/NAME.json``.

truth79 left open the rows of the councils *not in intervention* when reviewed at 5 councils: 93.4% of 287 rows
covered the change the estimator estimates (62 studies, bench/truth79_indicator_df.json). This run measures it on
more studies with seeds from 910000-999999 (a draw of its own per size, :data:`SEED_DRAW`, none of
bench/truth81_audit.py's), with :func:`bench.truth74_indicator_coverage.one_study` (the planted effects rotating
as there) and truth79's summary (truth76's clustered interval by group, each row's ``df`` kept)."""

from __future__ import annotations

import argparse
import json
import platform
import time
from pathlib import Path

import numpy as np
import pandas as pd

from bench.truth74_indicator_coverage import EFFECTS, one_study
from bench.truth79_indicator_df import summarise

SEED_DRAW = 81081  # the draw of the studies' seeds only
LOW, HIGH = 910000, 1000000


def seeds_for(n: int, count: int, first: int = 0) -> list[int]:
    """``count`` seeds for studies of ``n`` councils from 910000-999999 (a separate draw per size)."""
    rng = np.random.default_rng([SEED_DRAW, n])
    return [int(s) for s in rng.choice(np.arange(LOW, HIGH), size=first + count, replace=False)[first:]]


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[5])
    ap.add_argument("--studies", type=int, default=300, help="studies per size")
    ap.add_argument("--first", type=int, default=0, help="studies of each size's seeds passed over")
    ap.add_argument("--out", type=Path, default=Path("bench"))
    ap.add_argument("--name", default="truth81_indicator_coverage")
    a = ap.parse_args(argv)
    rows, cpu = [], {}
    a.out.mkdir(parents=True, exist_ok=True)

    def write() -> dict:
        doc = dict(summary=summarise(pd.DataFrame(rows)), cpu_seconds_by_size=cpu, seed_draw=SEED_DRAW,
                   seed_range=[LOW, HIGH - 1], python=platform.python_version(), rows=rows)
        (a.out / f"{a.name}.json").write_text(json.dumps(doc, indent=1, default=float))
        return doc

    for n in a.sizes:
        t = time.process_time()
        for i, seed in enumerate(seeds_for(n, a.studies, a.first), start=a.first):
            rows += one_study(n, seed, EFFECTS[i % len(EFFECTS)])
            cpu[n] = round(time.process_time() - t, 1)
            if i % 25 == 24:  # written as it goes: a run stopped early keeps its studies
                write()
    return write()


if __name__ == "__main__":
    print(json.dumps(main()["summary"], indent=1))

"""Where the indicators' intervals by status group at 5 councils fall short (truth77).

``python -m bench.truth77_indicator_df --rows ROWS.json --out bench`` writes ``<out>/truth77_indicator_df.json``.

``ROWS.json``: a run of :mod:`bench.truth74_indicator_coverage` that kept its rows (truth76's 320 + 80 studies of 5
councils, seeds from 500000-599999). The rows are split by the degrees of freedom of their t interval: a study of
``n`` councils holds at most ``n - 1`` degrees of freedom for any variance estimated from its councils, so a row
with more (Welch-Satterthwaite over parts treated as independent, or a part of one council counted as known) claims
more than the data hold. Each row's standard error is recovered from its interval and the coverage recomputed with
the degrees of freedom capped at ``n - 1`` and ``n - 2``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats

from bench.truth74_indicator_coverage import clustered


def summarise(d: pd.DataFrame) -> dict:
    d = d.assign(se=(d["ci_high"] - d["ci_low"]) / (2 * stats.t.ppf(0.975, d["df"])))
    out = {}
    for group, h in d.groupby("group"):
        cap = h["n"] - 1
        part = {"rows": len(h), "coverage": clustered(h)}
        for name, rows in (("df above n - 1", h[h["df"] > cap]), ("df at most n - 1", h[h["df"] <= cap])):
            part[name] = {"rows": len(rows), "coverage": round(float(rows["covers_target"].mean()), 4)}
        miss = np.abs(h["estimate"] - h["target"])
        for name, k in (("df capped at n - 1", 1), ("df capped at n - 2", 2)):
            df = np.minimum(h["df"], h["n"] - k)
            covers = miss <= stats.t.ppf(0.975, df) * h["se"]
            part[name] = clustered(h.assign(covers_target=covers.to_numpy()))
        out[group] = part
    return out


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=Path, nargs="+", required=True)
    ap.add_argument("--n", type=int, default=5)
    ap.add_argument("--out", type=Path, default=Path("bench/results"))
    a = ap.parse_args(argv)
    d = pd.concat([pd.DataFrame(json.loads(p.read_text())["rows"]) for p in a.rows])
    d = d[d["n"] == a.n].drop_duplicates(subset=["seed", "group", "measure"])
    result = dict(studies=int(d["seed"].nunique()), rows=len(d), by_group=summarise(d),
                  run=f"python -m bench.truth77_indicator_df --rows {' '.join(p.name for p in a.rows)} --n {a.n}")
    a.out.mkdir(parents=True, exist_ok=True)
    (a.out / "truth77_indicator_df.json").write_text(json.dumps(result, indent=1) + "\n")
    return result


if __name__ == "__main__":
    print(json.dumps(main(), indent=1))

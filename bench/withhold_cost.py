"""The cost of the attribution table's withholding (:meth:`impact.privacy.DisclosureLedger.withhold_narrowing`) and
proof that a change to it withholds the same: two checkouts, the same analysed studies.

``python -m bench.withhold_cost --base /tmp/base --out bench/withhold_cost_perf67.json`` analyses each study of
:data:`STUDIES` once (with the base checkout, its findings pickled under ``--work``; the analysis is not what is
compared), then in a process of each checkout, for each study, in turn: the CPU seconds of the report's preparation
(``impact.report._build._prepared``: every count declared, the suppression decided, the statements withheld; the
ledger's cache of decisions emptied before each, ``--repeats`` times, the least kept) and of ``withhold_narrowing``
within it; then the whole report built (``impact.build_report``, a fixed pseudonym key) and its
``tables/attribution.csv``, ``tables/suppressions.csv``, ``tables/change_over_time.csv`` and
``tables/data_dictionary.csv`` written as ``impact.run`` writes them, with the keys the ledger hides, the rows withheld
in order, the medians withheld (disclosure70) and the disclosure warnings. The two checkouts' files are compared byte
for byte, and the keys hidden, statements withheld and warnings apart (``hidden_same``).

Studies: bench/disclosure65_attack's six (round 65, every part analysed, as that bench ran them), the designs of
tests/test_disclosure_round67.py and tests/test_disclosure_round68.py (their parts), :data:`NEW` (seeds
67671-67678, sizes 5-40, unused in bench/ and tests/ before perf67: grep -w), and bench/disclosure71_attack's seven
and its
two-wave probes (``r71-p``: 5 to 20 councils; bench/disclosure71_attack/relations.py's ``PROBE``), and
bench/disclosure72_attack's twelve (``r72-``, 1 to 40 councils).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import pickle
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd

__all__ = ["STUDIES", "measure", "two_checkouts_parser", "main"]

HERE = Path(__file__).resolve().parents[1]
_FEW = dict(interviews_per_wave=3, words_per_interview=150,
            intervention_paths={"never": 0.8, "entered": 0.1, "throughout": 0.1})
_ATTRITION = dict(interviews_per_wave=3, words_per_interview=150, participant_dropout=0.3, participant_missing=0.2)
_R68 = ["indicators", "comparisons", "models"]
#: Seeds 67671-67678: sizes 5 to 40, the designs of rounds 65-68 mixed (perf67)
NEW = {
    "n05": (5, 67671, dict(interviews_per_wave=3, words_per_interview=150,
                           intervention_paths={"never": 0.4, "entered": 0.3, "lifted": 0.3}), None),
    "n07": (7, 67672, _ATTRITION, None),
    "n10": (10, 67673, _FEW, None),
    "n15": (15, 67674, dict(interviews_per_wave=2, words_per_interview=150, participant_dropout=0.2,
                            intervention_paths={"never": 0.7, "entered_lifted": 0.15, "throughout": 0.15}), None),
    "n24": (24, 67675, dict(interviews_per_wave=3, words_per_interview=120,
                            intervention_paths={"never": 0.6, "entered_lifted": 0.2, "lifted": 0.2}), None),
    "n40": (40, 67676, dict(interviews_per_wave=2, words_per_interview=120, participant_dropout=0.15), None),
    "n09": (9, 67677, dict(interviews_per_wave=1, words_per_interview=200, participant_missing=0.1,
                           intervention_paths={"never": 0.67, "throughout": 0.33}), None),
    "n30": (30, 67678, dict(interviews_per_wave=2, words_per_interview=120, participant_dropout=0.3,
                            participant_missing=0.2), None),
}


def _studies() -> dict:
    """name -> (councils, seed, generator options, parts analysed or None for every part)."""
    from bench.disclosure65_attack.studies import STUDIES as R65

    out = {f"r65-{k}": (n, seed, opts, None) for k, (n, seed, opts) in R65.items()}
    # tests/test_disclosure_round65.py's two are bench/disclosure65_attack's c08 and c12 with comparisons and models
    out |= {"t65-c12": (12, 65003, R65["c12"][2], ["comparisons", "models"]),
            "t65-c08": (8, 65002, R65["c08"][2], ["comparisons", "models"])}
    out |= {"t67-12": (12, 67001, _FEW, ["comparisons", "models"]), "t67-10": (10, 67004, _ATTRITION, ["comparisons",
                                                                                                     "models"]),
            "t67-09": (9, 67006, _ATTRITION, ["comparisons", "models"])}
    out |= {"t68-12": (12, 68101, dict(interviews_per_wave=3, words_per_interview=120, intervention_paths={
                "never": 0.8, "entered": 0.1, "throughout": 0.1}), _R68),
            "t68-20": (20, 68102, dict(interviews_per_wave=2, words_per_interview=120, intervention_paths={
                "never": 0.6, "entered_lifted": 0.2, "lifted": 0.2}), _R68),
            "t68-08": (8, 68103, dict(interviews_per_wave=3, words_per_interview=120, participant_dropout=0.3,
                                      participant_missing=0.2), _R68)}
    out |= {f"new-{k}": v for k, v in NEW.items()}
    # bench/disclosure71_attack's studies (every part), read by path: the base checkout has no such module
    import importlib.util

    r71 = {}
    for module in ("studies", "relations"):  # the round's studies, and its two-wave probes (PROBE's p-series)
        spec = importlib.util.spec_from_file_location(f"_r71_{module}", Path(__file__).parent / "disclosure71_attack" /
                                                      f"{module}.py")
        loaded = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(loaded)
        r71 |= {k: v for k, v in getattr(loaded, "STUDIES", getattr(loaded, "PROBE", {})).items() if k[0] != "q"}
    out |= {f"r71-{k}": (n, seed, opts, None) for k, (n, seed, opts) in r71.items()}
    # and bench/disclosure72_attack's twelve (seeds 72301-72313), read by path likewise
    spec = importlib.util.spec_from_file_location("_r72_studies", Path(__file__).parent / "disclosure72_attack" /
                                                  "studies.py")
    loaded = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(loaded)
    return out | {f"r72-{k}": (n, seed, opts, None) for k, (n, seed, opts) in loaded.STUDIES.items()}


STUDIES = _studies()


def _findings(work: Path, name: str):
    """The study's findings (its planted coding, 199 resamples, seed 1, as tests/conftest.py's analysed_synthetic),
    pickled under ``work`` on first use."""
    import warnings

    path = work / f"{name}.findings.pkl"
    if path.exists():
        return pickle.loads(path.read_bytes())
    from impact.pipeline import analyse
    from impact.synth import generate_with_truth

    n, seed, opts, parts = STUDIES[name]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        study, truth = generate_with_truth(n, seed=seed, **opts)
        findings = analyse(study, coded=truth.coded(), n_resamples=199, seed=1, parts=parts)
    path.write_bytes(pickle.dumps(findings))
    return findings


def measure(work: Path, out: Path, names: list[str], repeats: int) -> dict:
    """In this process (one checkout): each study's CPU seconds and its files under ``out/<name>/``."""
    import warnings

    import impact
    import impact.report._build as build
    from impact.privacy import _ledger
    from impact.report import Table, _xlsx

    spent = {"withhold": 0.0}
    original = _ledger.DisclosureLedger.withhold_narrowing

    def timed(self, *args, **kwargs):
        start = time.process_time()
        try:
            return original(self, *args, **kwargs)
        finally:
            spent["withhold"] += time.process_time() - start

    _ledger.DisclosureLedger.withhold_narrowing = timed
    results = {}
    for name in names:
        findings = _findings(work, name)
        runs = []
        for _ in range(repeats):
            _ledger.decisions.clear()
            spent["withhold"] = 0.0
            start = time.process_time()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                ctx = build._prepared(findings, False, 5, 5, None, False)
            runs.append((time.process_time() - start, spent["withhold"]))
        _ledger.decisions.clear()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            report, _ = impact.build_report(findings, key="perf67-fixed-key-0123456789")
        folder = out / name
        folder.mkdir(parents=True, exist_ok=True)
        tables = {t.name: t for t in report.tables}
        for t in ("attribution", "suppressions", "change_over_time"):
            if t in tables:
                (folder / f"{t}.csv").write_bytes(_xlsx.table_csv(tables[t], vocabulary=report.vocabulary))
        (folder / "data_dictionary.csv").write_bytes(_xlsx.table_csv(
            Table("data_dictionary", _xlsx.data_dictionary(report), "Data dictionary")))
        led = ctx.ledger
        (folder / "ledger.json").write_text(json.dumps({
            "hidden": sorted(str(k) for k in led.values if led.hidden(k)),
            "statements_withheld": [str(k) for k in ctx.statements_withheld],
            # change_over_time's medians withheld (disclosure70; none before it)
            "medians_withheld": sorted(str(k) for k in getattr(ctx, "medians_withheld", ())),
            # change_over_time's rank statistics withheld (disclosure71; none before it)
            "ranks_withheld": sorted(str(k) for k in getattr(ctx, "ranks_withheld", ())),
            "warnings": ctx.disclosure_warnings}, indent=1), encoding="utf-8")
        results[name] = {"prepare_cpu_s": round(min(p for p, _ in runs), 3),
                         "withhold_cpu_s": round(min(w for _, w in runs), 3),
                         "runs": [[round(p, 3), round(w, 3)] for p, w in runs],
                         "withheld": len(ctx.statements_withheld),
                         "medians_withheld": len(getattr(ctx, "medians_withheld", ())),
                         "ranks_withheld": len(getattr(ctx, "ranks_withheld", ())),
                         # the counts the report hides (its ledger's, the unknowns it declares left out) and the cells
                         # the suppression ledger lists as withheld, every reason (disclosure72)
                         "hidden": sum(1 for k in led.values if led.hidden(k) and k not in led.auxiliary),
                         "cells_withheld": _cells_withheld(tables.get("suppressions"))}
        print(name, json.dumps(results[name]), flush=True)
    return results


def _cells_withheld(table) -> int:
    """The cells the report's suppression ledger (tables/suppressions.csv) lists as withheld, summed over its rows."""
    if table is None or "withheld" not in table.data.columns:
        return 0
    return int(pd.to_numeric(table.data["withheld"], errors="coerce").fillna(0).sum())


def _child(checkout: Path, work: Path, out: Path, names: list[str], repeats: int) -> dict:
    env = {**os.environ, "PYTHONPATH": str(checkout), "MPLBACKEND": "Agg", "PYTHONHASHSEED": "0"}
    result = out / "measured.json"
    # this file loaded by its path: the checkout's own ``impact`` (and bench/disclosure65_attack) first on the path
    code = ("import sys, json, pathlib, importlib.util as u; s = u.spec_from_file_location('withhold_cost', sys.argv[1]); "
            "m = u.module_from_spec(s); s.loader.exec_module(m); a = sys.argv[2:]; "
            "r = m.measure(pathlib.Path(a[0]), pathlib.Path(a[1]), a[3:], int(a[2])); "
            "pathlib.Path(a[1], 'measured.json').write_text(json.dumps(r))")
    subprocess.run([sys.executable, "-P", "-c", code, __file__, str(work), str(out), str(repeats), *names],
                   cwd=checkout, env=env, check=True)
    return json.loads(result.read_text())


def two_checkouts_parser(description: str, work: str, what: str) -> argparse.ArgumentParser:
    """The options of a bench comparing two checkouts: ``--base``, ``--work`` (default ``work``: ``what`` is written
    there), ``--out``, ``--repeats`` (shared with bench.run_cost)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--base", type=Path, required=True, help="the checkout to compare against (main's head)")
    parser.add_argument("--work", type=Path, default=Path(work), help=what)
    parser.add_argument("--out", type=Path, required=True, help="the JSON written")
    parser.add_argument("--repeats", type=int, default=2)
    return parser


def main(argv: list[str] | None = None) -> dict:
    parser = two_checkouts_parser(__doc__.splitlines()[0], "/tmp/withhold_cost", "findings and files written")
    parser.add_argument("names", nargs="*", help="studies (default: all)")
    args = parser.parse_args(argv)
    names = args.names or list(STUDIES)
    args.work.mkdir(parents=True, exist_ok=True)
    sides = {"base": args.base.resolve(), "this": HERE}
    measured = {side: _child(path, args.work, args.work / side, names, args.repeats) for side, path in sides.items()}
    same = {}
    for name in names:
        files = sorted({p.name for side in sides for p in (args.work / side / name).glob("*")})
        same[name] = {f: (args.work / "base" / name / f).read_bytes() == (args.work / "this" / name / f).read_bytes()
                      if all((args.work / s / name / f).exists() for s in sides) else False for f in files}
    # the counts the ledger hides and the statements withheld, apart from the medians withheld (disclosure70)
    hidden_same = {}
    for name in names:
        got = [json.loads((args.work / side / name / "ledger.json").read_text()) for side in sides]
        hidden_same[name] = all(got[0][k] == got[1][k] for k in ("hidden", "statements_withheld", "warnings"))
    results = {
        "when": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"), "base": str(sides["base"]),
        "load": round(os.getloadavg()[0], 1),
        "studies": {name: {"councils": STUDIES[name][0], "seed": STUDIES[name][1],
                           "base": measured["base"][name], "this": measured["this"][name], "same": same[name],
                           "hidden_same": hidden_same[name]}
                    for name in names},
        "all_same": all(all(v.values()) for v in same.values()),
        "hidden_all_same": all(hidden_same.values()),
        "sum_prepare_cpu_s": {side: round(sum(m[n]["prepare_cpu_s"] for n in names), 2) for side, m in measured.items()},
        "sum_withhold_cpu_s": {side: round(sum(m[n]["withhold_cpu_s"] for n in names), 2)
                               for side, m in measured.items()},
    }
    args.out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: results[k] for k in ("all_same", "sum_prepare_cpu_s", "sum_withhold_cpu_s")}))
    return results


if __name__ == "__main__":
    main()

"""What the models' margins cost the report: model rows shown and prevalence cells hidden (disclosure53).

``python -m bench.model_margins --out bench/results`` writes ``<out>/model_margins.json``.

An impact's binomial model publishes, through its coefficients, its estimating equations: the participants reporting
the impact in all, in intervention and at each later wave equal the sums of the fitted probabilities over the same
participants (disclosure round 51's attack (a)). The report declares those margins to the disclosure ledger as
published sums of the prevalence table's counts (:func:`impact.report._build._declare_model_margins`), so its
secondary suppression hides further cells where needed, and withholds a model only where no suppression protects.

For each study (generated, analysed with the planted coding, 199 resamples, seed 1: the studies of
tests/test_disclosure_round51.py and round 52, and round 4's shared 40-council study of tests/conftest.py) the report's
models table and prevalence table are built at ``--min-count`` 5, and counted:

* ``model_rows_shown``: rows of the models table (6 impacts x the status term, 2 wave terms and 1 wave-since term: 24)
  whose estimate is published, and ``model_rows``: the rows there would be with nothing withheld;
* ``models_withheld``: the impacts whose model is withheld whole;
* ``prevalence_hidden``: cells of the prevalence table (its participants and counts reporting the impact, by impact,
  wave and status group) suppressed, of ``prevalence_cells``;
* ``seconds``: CPU time of the report's build (the ledger's audit included), the best of ``--repeat`` builds (3) in
  one process (``seconds_each``: every build's, the first paying the imports' warm-up);
* ``programmes``: the linear programmes the disclosure ledger solved in the first build (speed22); each build timed
  decides afresh (``impact.privacy._ledger.decisions`` cleared before it), and one more, ``seconds_again`` and
  ``programmes_again``, reads the decisions the last one kept (speed24);
* ``hidden_cells``, ``ledger_hidden`` and ``ledger_hidden_sha1``: the prevalence cells suppressed, and how many
  counts the ledger hides with a digest of them, so that ``--compare JSON`` checks a faster version of the code
  publishes and withholds exactly what another did (exit 1 naming each difference).

Run it with ``PYTHONPATH`` naming another checkout to measure that code on the same studies (the analyses are the
same; ``--cache DIR`` keeps them between runs). bench/model_margins.json holds the figures of main, of the branch
disclosure52 (every model fitted on a suppressed count withheld) and of disclosure53 (the margins declared).
"""

from __future__ import annotations

import argparse
import json
import pickle
import time
import warnings
from pathlib import Path

#: (label, councils, seed, generator keywords, analysis parts)
STUDIES = [
    ("6 councils seed 5101", 6, 5101, {"interviews_per_wave": 3, "words_per_interview": 120}, ["comparisons", "models"]),
    ("10 councils seed 7", 10, 7, {"interviews_per_wave": 3, "words_per_interview": 120}, ["comparisons", "models"]),
    ("15 councils seed 5121", 15, 5121, {"interviews_per_wave": 3, "words_per_interview": 120},
     ["comparisons", "models"]),
    ("30 councils seed 5131", 30, 5131, {"interviews_per_wave": 3, "words_per_interview": 120},
     ["comparisons", "models"]),
    ("40 councils seed 152953 (round 4's late_shift)", 40, 152953,
     {"interviews_per_wave": 3, "words_per_interview": 150, "late_shift": True}, None),
]


def _findings(councils: int, seed: int, kwargs: dict, parts, cache: Path | None):
    from impact.pipeline import analyse
    from impact.synth import SynthEffects, generate_with_truth

    path = cache / f"findings-{councils}-{seed}.pickle" if cache is not None else None
    if path is not None and path.exists():
        with path.open("rb") as fh:
            return pickle.load(fh)
    kwargs = dict(kwargs)
    if kwargs.pop("late_shift", False):  # tests/conftest.py's shifted(-1.5, -1.5, 0)
        kwargs["effects"] = SynthEffects.from_value({**SynthEffects.null().to_dict(), "wave_log_odds": {
            "expectations": -1.5, "early": -1.5, "longer_term": 0}})
    study, truth = generate_with_truth(councils, seed=seed, **kwargs)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        findings = analyse(study, coded=truth.coded(), n_resamples=199, seed=1, parts=parts)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as fh:
            pickle.dump(findings, fh)
    return findings


def measure(findings, min_count: int = 5, repeat: int = 3) -> dict:
    """The counts above for one analysed study, the build's CPU the best of ``repeat`` builds; with ``hidden_cells``
    (the prevalence table's cells suppressed, as ``impact / wave / status / column``) and ``ledger_hidden`` (a digest
    of every count the disclosure ledger hides), to compare two versions of the code (``--compare``)."""
    import hashlib

    import impact.privacy._ledger as ledger_module
    import impact.report._build as build
    from impact.pipeline import build_report

    ledgers = []
    prepared = build._prepared
    bound = ledger_module._Block.bound
    programmes = [0]

    def counted(self, *args, **kwargs):  # the linear programmes the ledger's audit solves
        programmes[0] += 1
        return bound(self, *args, **kwargs)

    def keep(*args, **kwargs):  # the ledger of the build, as decided
        ctx = prepared(*args, **kwargs)
        ledgers.append(ctx.ledger)
        return ctx

    times = []
    kept = getattr(ledger_module, "decisions", None)  # the ledger's decisions kept in-process (speed24)
    build._prepared = keep
    ledger_module._Block.bound = counted
    try:
        for i in range(max(repeat, 1) + (kept is not None)):
            if kept is not None and i < max(repeat, 1):
                kept.clear()  # each build timed decides afresh; the last, untimed but for seconds_again, reads them
            programmes[0] = 0
            start = time.process_time()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                report, _ = build_report(findings, min_count=min_count)
            times.append(time.process_time() - start)
            if i == 0:
                fresh_programmes = programmes[0]
    finally:
        build._prepared = prepared
        ledger_module._Block.bound = bound
    again = {} if kept is None else {"seconds_again": round(times.pop(), 2), "programmes_again": programmes[0]}
    tables = {t.name: t.data for t in report.tables}
    gee, prev = tables.get("gee_models"), tables["prevalence"]
    m = findings.models
    shown = 0 if gee is None else int((gee["estimate"].astype(str) != "c").sum())
    terms = {"in_intervention", *(f"wave_{w}" for w in findings.study.wave_ids[1:])}
    rows = int(m["term"].isin(terms).sum() + m["term"].astype(str).str.contains("_vs_").sum())
    cells = prev[["n_participants", "n_with"]].astype(str)
    where = prev[[c for c in ("impact", "wave", "status") if c in prev.columns]].astype(str).agg(" / ".join, axis=1)
    hidden_cells = [f"{w} / {c}" for c in cells.columns for w, v in zip(where, cells[c], strict=True) if v == "c"]
    codes = set(m["code"])
    in_table = set() if gee is None else set(gee["impact"])
    hidden = sorted(map(repr, ledgers[-1]._hidden)) if ledgers else []
    return {"model_rows_shown": shown, "model_rows": rows,
            "models_withheld": sorted(codes - in_table),
            "prevalence_hidden": int((cells == "c").to_numpy().sum()), "prevalence_cells": int(cells.size),
            "seconds": round(min(times), 2), "seconds_each": [round(t, 2) for t in times],
            "programmes": fresh_programmes, **again,
            "hidden_cells": sorted(hidden_cells), "ledger_hidden": len(hidden),
            "ledger_hidden_sha1": hashlib.sha1("\n".join(hidden).encode()).hexdigest()}


#: What ``--compare`` requires to be the same in two runs: what the report publishes and withholds.
SAME = ("model_rows_shown", "models_withheld", "prevalence_hidden", "hidden_cells", "ledger_hidden",
        "ledger_hidden_sha1")


def compare(out: dict, other: dict) -> list[str]:
    """The differences, study by study, between two runs' :data:`SAME` figures (studies in both only)."""
    problems = []
    for label, figures in out["studies"].items():
        theirs = other.get("studies", {}).get(label)
        if theirs is None:
            continue
        problems += [f"{label}: {name} {theirs.get(name)!r} there, {figures.get(name)!r} here"
                     for name in SAME if name in theirs and theirs[name] != figures.get(name)]
    return problems


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("bench/results"))
    parser.add_argument("--name", default="model_margins", help="the JSON file's name (without .json)")
    parser.add_argument("--cache", type=Path, default=None, help="keep the analysed studies here between runs")
    parser.add_argument("--min-count", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=3, help="builds per study; the CPU reported is the best")
    parser.add_argument("--compare", type=Path, default=None,
                        help="a JSON of another run: exit 1 where what is published or withheld differs")
    args = parser.parse_args(argv)
    import impact

    out = {"code": str(Path(impact.__file__).parent), "min_count": args.min_count, "studies": {}}
    for label, councils, seed, kwargs, parts in STUDIES:
        findings = _findings(councils, seed, kwargs, parts, args.cache)
        out["studies"][label] = measure(findings, args.min_count, args.repeat)
        print(label, {k: v for k, v in out["studies"][label].items() if k != "hidden_cells"}, flush=True)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / f"{args.name}.json").write_text(json.dumps(out, indent=1) + "\n")
    if args.compare is not None:
        problems = compare(out, json.loads(args.compare.read_text()))
        print("\n".join(problems) or f"the same as {args.compare} on every study in both", flush=True)
        if problems:
            raise SystemExit(1)
    return out


if __name__ == "__main__":
    main()

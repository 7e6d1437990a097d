"""Whether two checkouts' disclosure audits publish and hide the same: every table cell, every suppressed cell and
the ledger's record, report by report, on generated studies (speed17).

``python -m bench.audit_sameness --base /work/main --seeds 77001-77040`` generates, for each seed, a study of
``5 + (seed - first) % 26`` councils (5 to 30; :func:`impact.synth.generate_with_truth`, 2 interviews a wave of 120
words, to keep it quick), analyses it once with the planted coding (99 resamples, seed 1; this checkout's code,
pickled), and builds its report (:func:`impact.pipeline.build_report`) in two child processes, one importing
``impact`` from ``--base`` and one from this checkout. Each child writes, per study, every block of every section of
the report (a table's cells, its caption and notes; a paragraph's text; a figure's data), the provenance, the extra
files, and the :class:`~impact.privacy._ledger.DisclosureLedger` the report was decided with (every declared count,
the counts hidden, the counts released by ``release_unneeded`` in order, the disclosure warnings). The two are
compared exactly; the differences, if any, are printed (first few per study) and the count of identical studies
ends the output. Exit status 1 where any study differs.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

__all__ = ["main"]

HERE = Path(__file__).resolve().parents[1]


def _plain(value):
    """A block attribute as comparable text: a DataFrame as CSV (with its index), anything else by repr."""
    import pandas as pd

    if isinstance(value, pd.DataFrame | pd.Series):
        return value.to_csv()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return repr(value)


def _snapshot(report, extra, ledger, caught) -> dict:
    """Everything the report publishes and the ledger decided, as plain data."""
    sections = [{"heading": s.title, "blocks": [{"type": type(b).__name__, **{k: _plain(v) for k, v in vars(b).items()}}
                            for b in s.blocks]} for s in report.sections]
    hidden = ledger._hidden or set()
    return {"sections": sections, "provenance": _plain(report.provenance), "extra": _plain(extra),
            "ledger": {"values": sorted((repr(k), v) for k, v in ledger.values.items()),
                       "hidden": sorted(map(repr, hidden)), "released": [repr(k) for k in ledger.released],
                       "warnings": caught}}


def _child(findings_dir: Path, out: Path) -> None:
    """Build each pickled study's report with the ``impact`` this process imports; write the snapshots as JSON."""
    from impact.pipeline import build_report
    from impact.privacy._ledger import DisclosureLedger

    made = []
    init, release = DisclosureLedger.__init__, DisclosureLedger.release_unneeded

    def record(self, *a, **k):
        init(self, *a, **k)
        self.released = []
        made.append(self)

    def released(self):
        self.released = release(self)
        return self.released

    DisclosureLedger.__init__, DisclosureLedger.release_unneeded = record, released
    snaps = {}
    for path in sorted(findings_dir.glob("*.pkl")):
        findings = pickle.loads(path.read_bytes())
        made.clear()
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            report, extra = build_report(findings)
        (ledger,) = made
        snaps[path.stem] = _snapshot(report, extra, ledger, sorted({str(w.message) for w in caught}))
    out.write_text(json.dumps(snaps), encoding="utf-8")


def _differences(a, b, where: str = "") -> list[str]:
    if type(a) is not type(b):
        return [f"{where}: {a!r:.120} != {b!r:.120}"]
    if isinstance(a, dict):
        out = [f"{where}/{k}: only in one" for k in sorted(a.keys() ^ b.keys())]
        return out + [d for k in sorted(a.keys() & b.keys()) for d in _differences(a[k], b[k], f"{where}/{k}")]
    if isinstance(a, list):
        if len(a) != len(b):
            return [f"{where}: {len(a)} items != {len(b)}"]
        return [d for i, (x, y) in enumerate(zip(a, b, strict=True)) for d in _differences(x, y, f"{where}[{i}]")]
    return [] if a == b else [f"{where}: {a!r:.120} != {b!r:.120}"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, default=Path("/work/main"), help="the checkout to compare against")
    parser.add_argument("--seeds", default="77001-77040", help="first-last seed")
    parser.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(*args.child)
        return 0
    from impact.pipeline import analyse
    from impact.synth import generate_with_truth

    first, last = map(int, args.seeds.split("-"))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for seed in range(first, last + 1):
            n = 5 + (seed - first) % 26
            study, truth = generate_with_truth(n, seed=seed, interviews_per_wave=2, words_per_interview=120)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                findings = analyse(study, coded=truth.coded(), n_resamples=99, seed=1)
            (tmp / f"{seed}_{n:02d}.pkl").write_bytes(pickle.dumps(findings))
        snaps = {}
        for name, root in (("base", args.base.resolve()), ("this", HERE)):
            out = tmp / f"{name}.json"
            env = {**os.environ, "PYTHONPATH": str(root), "PYTHONHASHSEED": "0", "MPLBACKEND": "Agg"}
            # run as a script from the temporary folder: ``impact`` comes from PYTHONPATH, not the working folder
            subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", str(tmp), str(out)],
                           cwd=tmp, env=env, check=True)
            snaps[name] = json.loads(out.read_text(encoding="utf-8"))
    same = 0
    for study in sorted(snaps["base"]):
        diff = _differences(snaps["base"][study], snaps["this"].get(study))
        base = snaps["base"][study]["ledger"]
        print(f"{study}: {len(base['values'])} counts, {len(base['hidden'])} hidden, {len(base['released'])} "
              f"released: " + ("identical" if not diff else f"{len(diff)} differences"), flush=True)
        for d in diff[:5]:
            print("   ", d)
        same += not diff
    print(f"{same}/{len(snaps['base'])} identical")
    return 0 if same == len(snaps["base"]) else 1


if __name__ == "__main__":
    sys.exit(main())

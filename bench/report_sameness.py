"""Whether two checkouts write the same report: every output file, byte for byte, of the demo and of generated studies
(speed21).

``python -m bench.report_sameness --base /work/main --sizes 6 10 30`` generates a study of each size
(:func:`impact.synth.generate_with_truth`, seed ``32600 + councils``, as ``bench.report_stages``), analyses it once in
this process with the planted coding (199 resamples, seed 1, as the tests' ``analysed_synthetic``) and pickles the
findings; then, in one child process importing ``impact`` from ``--base`` and one from this checkout, builds each
report (:func:`impact.pipeline.build_report`) and writes it as ``impact run`` does (:func:`impact.report.render`, then
the extra files: the redaction log, parameters, tables/quotes.csv, tables/models.csv). Unless ``--no-demo``, ``impact
demo -q --out DIR`` runs under each checkout too. Every file is compared: text files (CSV, JSON, HTML, SVG) byte for
byte; Word and Excel files member by member, leaving out ``docProps/core.xml`` (the time the file was written);
anything else byte for byte, save that a JSON file's time of writing (``generated``) and its hashes of files (``sha256``, and a Word or Excel
file's keyed by its name) are left out: the files themselves are compared. The
children run with ``svg.hashsalt`` set (a matplotlibrc of their own) and ``SOURCE_DATE_EPOCH=0``, so an SVG's element
ids and date are the same from run to run. Differences are printed; exit status 1 where any file differs.
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
import zipfile
from pathlib import Path

__all__ = ["main", "differing_files"]

HERE = Path(__file__).resolve().parents[1]
#: Members of a Word or Excel file that record when it was written, not what it holds.
_WHEN = {"docProps/core.xml"}


def _child(findings_dir: Path, out: Path) -> None:
    """Build and write the report of every pickled findings in ``findings_dir`` under ``out/<name>/``."""
    from impact._io import atomic_write_bytes, atomic_write_text
    from impact.pipeline import build_report
    from impact.report import render

    for path in sorted(findings_dir.glob("*.pkl")):
        findings = pickle.loads(path.read_bytes())
        folder = out / path.stem
        folder.mkdir(parents=True)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            report, extra = build_report(findings)
            render(report, folder)
        for name, text in extra.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (atomic_write_bytes if isinstance(text, bytes) else atomic_write_text)(folder / name, text)


def _json_without_zip_hashes(value):
    """A JSON document without its time of writing and its hashes of files (compared themselves; a Word or Excel
    file's, keyed by its name, changes with the time it was written)."""
    if isinstance(value, dict):
        return {k: _json_without_zip_hashes(v) for k, v in value.items()
                if k not in ("generated", "sha256") and not str(k).endswith((".docx", ".xlsx"))}
    if isinstance(value, list):
        return [_json_without_zip_hashes(v) for v in value]
    return value


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if n not in _WHEN}


def differing_files(a: Path, b: Path) -> tuple[int, list[str]]:
    """``(files compared, differences)`` between two output folders."""
    names_a = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    names_b = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    out = [f"{n}: only in {a if n in names_a else b}" for n in sorted(names_a ^ names_b)]
    for n in sorted(names_a & names_b):
        pa, pb = a / n, b / n
        if pa.suffix in (".docx", ".xlsx"):
            ma, mb = _members(pa), _members(pb)
            out += [f"{n}:{m}" for m in sorted(set(ma) | set(mb)) if ma.get(m) != mb.get(m)]
        elif pa.suffix == ".json":
            if _json_without_zip_hashes(json.loads(pa.read_bytes())) != _json_without_zip_hashes(json.loads(pb.read_bytes())):
                out.append(n)
        elif pa.read_bytes() != pb.read_bytes():
            out.append(n)
    return len(names_a | names_b), out


def _run(checkout: Path, args: list[str], rc: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(checkout), "MPLBACKEND": "Agg", "PYTHONHASHSEED": "0",
           "MATPLOTLIBRC": str(rc), "SOURCE_DATE_EPOCH": "0"}
    subprocess.run([sys.executable, *args], cwd=checkout, env=env, check=True, stdout=subprocess.DEVNULL)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, default=Path("/work/main"), help="the checkout to compare against")
    parser.add_argument("--sizes", type=int, nargs="*", default=[6, 10, 30])
    parser.add_argument("--no-demo", action="store_true")
    parser.add_argument("--keep", type=Path, help="write the outputs to this (new) folder and keep them")
    parser.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(*args.child)
        return 0
    from impact.pipeline import analyse
    from impact.synth import generate_with_truth

    checkouts = {"base": args.base.resolve(), "this": HERE}
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp) if args.keep is None else args.keep
        (tmp / "findings").mkdir(parents=True)
        (tmp / "matplotlibrc").write_text("svg.hashsalt: impact-sameness\n", encoding="utf-8")
        for n in args.sizes:
            study, truth = generate_with_truth(n, seed=32600 + n)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                findings = analyse(study, coded=truth.coded(), n_resamples=199, seed=1)
            (tmp / "findings" / f"councils{n:03d}.pkl").write_bytes(pickle.dumps(findings))
        for name, checkout in checkouts.items():
            _run(checkout, [str(Path(__file__).resolve()), "--child", str(tmp / "findings"), str(tmp / name)], tmp / "matplotlibrc")
            if not args.no_demo:
                _run(checkout, ["-m", "impact", "demo", "-q", "--out", str(tmp / name / "demo")], tmp / "matplotlibrc")
        for folder in sorted(p.name for p in (tmp / "base").iterdir() if p.is_dir()):
            count, diffs = differing_files(tmp / "base" / folder, tmp / "this" / folder)
            failed |= bool(diffs)
            print(f"{folder}: {count} files, {len(diffs)} differ" + "".join(f"\n  {d}" for d in diffs[:20]))
    print("DIFFERENT" if failed else "IDENTICAL")
    return int(failed)


if __name__ == "__main__":
    sys.exit(main())

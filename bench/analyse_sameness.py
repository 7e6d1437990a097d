"""Whether :func:`impact.analyse` gives the same findings with two source trees (not a test: a check run by hand).

``python -m bench.analyse_sameness --old /work/main`` analyses generated studies (:func:`impact.synth.
generate_with_truth`, seeds 78001 to 78030, 5 to 40 councils, the planted coding, 199 resamples, seed 1) in one child
process per source tree (``PYTHONPATH`` the tree's root: ``--old``, and ``--new``, default this checkout), each
writing every field of the :class:`impact.pipeline.Findings` but the study and codebook, and the warnings caught, to a
pickle; then compares them: frames exactly (values, dtypes, index, columns, ``attrs``), and where a frame differs,
again with a relative tolerance of 1e-12 (so that a change of float order is told from a change of result). Prints
one line per study and a summary, and exits 1 where any field differs beyond 1e-12.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import pickle
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = ["SEEDS", "councils_of", "analyse_all", "compare", "main"]

#: The generated studies' seeds.
SEEDS = range(78001, 78031)
_REPO = Path(__file__).resolve().parents[1]


def councils_of(seed: int) -> int:
    """The councils of the study of ``seed``: 5 to 40, spread over the seeds (5, 6, 8, ... 40)."""
    i = seed - SEEDS.start
    return 5 + round(i * 35 / (len(SEEDS) - 1))


def analyse_all(out: Path, seeds) -> None:
    """Child: analyse each study and pickle its findings' fields and warnings to ``out/<seed>.pkl``."""
    import impact
    from impact import pipeline
    from impact.synth import generate_with_truth

    print(f"impact imported from {Path(impact.__file__).parent}", flush=True)
    for seed in seeds:
        study, truth = generate_with_truth(councils_of(seed), seed=seed)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            found = pipeline.analyse(study, coded=truth.coded(), n_resamples=199, seed=1)
        fields = {f.name: getattr(found, f.name) for f in dataclasses.fields(found)
                  if f.name not in ("study", "codebook")}
        fields["_warnings"] = sorted({f"{w.category.__name__}: {w.message}" for w in caught})
        (out / f"{seed}.pkl").write_bytes(pickle.dumps(fields))


def _same(a, b, *, exact: bool) -> bool:
    """Whether two findings' values are the same (frames exactly, or to a relative 1e-12)."""
    if isinstance(a, pd.DataFrame) or isinstance(b, pd.DataFrame):
        if not (isinstance(a, pd.DataFrame) and isinstance(b, pd.DataFrame)):
            return False
        if not _same(a.attrs, b.attrs, exact=exact):
            return False
        try:
            pd.testing.assert_frame_equal(a, b, check_exact=exact, rtol=0 if exact else 1e-12, atol=0,
                                          check_like=False)
        except AssertionError:
            return False
        return True
    if isinstance(a, pd.Series):
        try:
            pd.testing.assert_series_equal(a, b, check_exact=exact, rtol=0 if exact else 1e-12, atol=0)
        except AssertionError:
            return False
        return True
    if isinstance(a, dict):
        return isinstance(b, dict) and list(a) == list(b) and all(_same(a[k], b[k], exact=exact) for k in a)
    if isinstance(a, (list, tuple)):
        return type(a) is type(b) and len(a) == len(b) and all(_same(x, y, exact=exact) for x, y in zip(a, b))
    if isinstance(a, float) and isinstance(b, float):
        return (np.isnan(a) and np.isnan(b)) or a == b or (not exact and abs(a - b) <= 1e-12 * max(abs(a), abs(b)))
    try:
        return bool(a == b)
    except (TypeError, ValueError):
        return repr(a) == repr(b)


def compare(old: dict, new: dict) -> dict[str, str]:
    """The fields that differ: ``"1e-12"`` (the same to 1e-12 only, not exactly) or ``"differs"``."""
    out = {}
    for name in sorted(set(old) | set(new)):
        if name not in old or name not in new:
            out[name] = "differs"
        elif not _same(old[name], new[name], exact=True):
            out[name] = "1e-12" if _same(old[name], new[name], exact=False) else "differs"
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", type=Path, required=True, help="the source tree compared with (e.g. main's)")
    parser.add_argument("--new", type=Path, default=_REPO, help="the source tree checked (default this checkout)")
    parser.add_argument("--seeds", type=int, nargs="+", default=list(SEEDS))
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        analyse_all(args.child, args.seeds)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folders = {}
        for label, tree in (("old", args.old), ("new", args.new)):
            folders[label] = Path(tmp) / label
            folders[label].mkdir()
            env = {**os.environ, "PYTHONPATH": str(tree.resolve()), "PYTHONHASHSEED": "0", "MPLBACKEND": "Agg"}
            # this file run as a script (its folder, bench/, holds no ``impact``): the package comes from the tree
            subprocess.run([sys.executable, __file__, "--old", str(args.old), "--child", str(folders[label]),
                            "--seeds", *map(str, args.seeds)], check=True, env=env, cwd=tmp)
            print(f"analysed with {tree}", flush=True)
        differing = 0
        near = 0
        for seed in args.seeds:
            old = pickle.loads((folders["old"] / f"{seed}.pkl").read_bytes())
            new = pickle.loads((folders["new"] / f"{seed}.pkl").read_bytes())
            diff = compare(old, new)
            bad = [k for k, v in diff.items() if v == "differs"]
            close = [k for k, v in diff.items() if v == "1e-12"]
            differing += bool(bad)
            near += bool(close)
            print(f"seed {seed}, {councils_of(seed)} councils: {len(old)} fields, "
                  + ("identical" if not diff else f"differ: {bad}; to 1e-12 only: {close}"), flush=True)
    print(f"{len(args.seeds)} studies: {len(args.seeds) - differing - near} identical, {near} the same to 1e-12 only, "
          f"{differing} different")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())

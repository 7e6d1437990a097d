"""Every public function of impact called with a wrong but plausible value for one parameter at a time (newuser16).

For each function of ``impact.__all__`` (and each public callable of the subpackages with ``--all``), each parameter
is given, in turn, values of the wrong type (None, a number, a word, a list, a dict, a loaded Study, a coder's output)
while the other parameters it needs get right ones, read by name. What each call says is sorted:

- ``told``: an error raised by impact itself (its last frame in impact/), naming no internal;
- ``bare``: a bare Python or pandas exception (KeyError, AttributeError, IndexError, a TypeError or ValueError raised
  inside pandas, numpy or Python), or a message with "'NoneType' object", "has no attribute", "not subscriptable",
  "unhashable" or an impact._private name in it;
- ``accepted``: no error (a value the function may well take; listed, not judged);
- ``slow``: still running after the time allowed (not judged).

Writes ``results.json`` beside this file (counts and every bare call with its message) and prints the counts.

    PYTHONPATH=. MPLBACKEND=Agg python bench/newuser16_sweep/sweep.py [--all] [--fit] [--timeout 10]
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import inspect
import io
import json
import re
import signal
import sys
import tempfile
import traceback
import warnings
from pathlib import Path

import impact

HERE = Path(__file__).resolve().parent
BARE_TYPES = (KeyError, AttributeError, IndexError, ZeroDivisionError, UnboundLocalError, NameError, AssertionError,
              RecursionError, StopIteration)
BARE_WORDS = re.compile(r"'NoneType' object|has no attribute|not subscriptable|unhashable type|object is not "
                        r"(?:callable|iterable)|impact\._\w|argument of type '|must be real number, not|"
                        r"unsupported operand|not supported between instances")
HEAVY = {"run", "analyse", "build_report", "build_summary"}  # a right call runs the whole analysis


class _Slow(Exception):
    pass


def _alarm(signum, frame):
    raise _Slow()


def fixtures(folder: Path) -> dict:
    study = impact.synth.generate(4, seed=16_016, interviews_per_wave=2, words_per_interview=150)
    segments = impact.segment(study)
    coded = impact.RuleCoder(impact.Codebook.nfer()).code(segments)
    panel = impact.council_panel(study, coded, segments=segments)
    return {"study": study, "segments": segments, "coded": coded, "panel": panel, "folder": folder}


def right_value(name: str, fx: dict, folder: Path):
    """A right value for a required parameter, read from its name; None where none is known."""
    right = {"study": fx["study"], "study_or_texts": fx["study"], "texts": fx["segments"], "segments": fx["segments"],
             "coded": fx["coded"], "codings": fx["coded"], "panel": fx["panel"], "data": fx["panel"],
             "path": str(folder / "out.csv"), "schema": str(folder / "schema.xsd"), "out_dir": str(folder / "out"), "name": "example",
             "outcome": "share_reported", "group": "status_group", "unit": "council_id", "time": "wave",
             "p_a": 0.3, "p_b": 0.6, "n_a": 10, "n_units": 20, "effect": 0.5, "codebook": impact.Codebook.nfer(),
             "coder": impact.RuleCoder(impact.Codebook.nfer()), "measures": ["x"], "spec": {"codes": []},
             "p": [0.01, 0.04], "values": ["Leeds"]}
    return right.get(name, _NONE)


_NONE = object()


def wrong_values(param: inspect.Parameter, fx: dict) -> list[tuple[str, object]]:
    """Wrong but plausible values for ``param``: those its annotation or default does not admit."""
    said = str(param.annotation) if param.annotation is not param.empty else ""
    default = param.default
    out = []
    candidates = [("None", None, ("None",)), ("int", 3, ("int", "float", "Any")),
                  ("str", "nfer", ("str", "Path", "PathLike", "Any", "Literal")),
                  ("list", ["a", "b"], ("Sequence", "list", "Iterable", "Collection", "tuple", "Any")),
                  ("dict", {"a": 1}, ("Mapping", "dict", "Any")),
                  ("Study", fx["study"], ("Study", "Any")),
                  ("coded", fx["coded"], ("DataFrame", "Any"))]
    for label, value, admitted in candidates:
        if any(a in said for a in admitted):
            continue
        if not said and default is not param.empty and (default is None or type(default) is type(value)):
            continue
        if label == "None" and default is None:
            continue
        out.append((label, value))
    return out


def callables(everything: bool):
    seen = set()
    modules = [impact] + ([importlib.import_module(f"impact.{s}") for s in impact._SUBPACKAGES] if everything else [])
    for module in modules:
        for name in getattr(module, "__all__", ()):
            obj = getattr(module, name, None)
            if not (inspect.isfunction(obj) or (inspect.isclass(obj) and not issubclass(obj, BaseException))):
                continue
            if id(obj) in seen or name in ("show_warnings_plainly",):
                continue
            seen.add(id(obj))
            yield f"{module.__name__}.{name}", obj


def classify(exc: BaseException) -> str:
    if isinstance(exc, BARE_TYPES) or BARE_WORDS.search(str(exc)):
        return "bare"
    frames = traceback.extract_tb(exc.__traceback__)
    last = frames[-1].filename if frames else ""
    if "/impact/" not in last.replace("\\", "/"):
        return "bare"
    return "told"


def sweep(everything: bool = False, timeout: int = 10, fit: bool = False) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        fx = fixtures(folder)
        counts = {"told": 0, "bare": 0, "accepted": 0, "slow": 0, "skipped": 0}
        bare, accepted = [], []
        signal.signal(signal.SIGALRM, _alarm)
        for where, func in callables(everything):
            try:
                params = [p for p in inspect.signature(func).parameters.values()
                          if p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL)]
            except (TypeError, ValueError):
                continue
            base = {}
            for p in params:
                if p.default is p.empty:
                    value = right_value(p.name, fx, folder)
                    base[p.name] = value
            for p in params:
                for label, value in wrong_values(p, fx):
                    kwargs = dict(base, **{p.name: value})
                    if any(v is _NONE for k, v in kwargs.items() if k != p.name) or \
                            (func.__name__ in HEAVY and p.default is not p.empty):
                        counts["skipped"] += 1
                        continue
                    # by position only up to the first positional parameter not given: QdaProject(sources='x') was
                    # called QdaProject('x'), its name (newuser18)
                    args = []
                    for q in params:
                        if q.kind not in (q.POSITIONAL_ONLY, q.POSITIONAL_OR_KEYWORD) or q.name not in kwargs:
                            break
                        args.append(kwargs.pop(q.name))
                    signal.alarm(timeout)
                    try:
                        with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
                            warnings.simplefilter("ignore")
                            made = func(*args, **kwargs)
                            if fit and inspect.isclass(func) and hasattr(made, "fit"):
                                # a coder keeps its parameters (scikit-learn's contract) and judges them when fitted
                                # (--fit, newuser17)
                                made.fit(*([fx["segments"], fx["coded"]] if func.__name__ == "TrainedCoder" else []))
                        kind, message = "accepted", ""
                    except _Slow:
                        kind, message = "slow", ""
                    except Exception as exc:  # noqa: BLE001 - sorting what each says is the point
                        kind, message = classify(exc), f"{type(exc).__name__}: {exc}"
                    finally:
                        signal.alarm(0)
                    counts[kind] += 1
                    if kind in ("bare", "accepted"):
                        (bare if kind == "bare" else accepted).append(
                            {"call": f"{where}({p.name}={label})", "said": message[:400]})
        counts["tried"] = counts["told"] + counts["bare"] + counts["accepted"] + counts["slow"]
        return {"counts": counts, "bare": bare, "accepted": accepted}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="the subpackages' public callables too")
    parser.add_argument("--timeout", type=int, default=10)
    parser.add_argument("--fit", action="store_true", help="fit each coder made (its parameters judged then)")
    parser.add_argument("--out", default=str(HERE / "results.json"))
    ns = parser.parse_args()
    result = sweep(ns.all, ns.timeout, ns.fit)
    Path(ns.out).write_text(json.dumps(result, indent=1) + "\n")
    print(json.dumps(result["counts"]))
    for b in result["bare"]:
        print(b["call"], "->", b["said"][:200])


if __name__ == "__main__":
    sys.exit(main())

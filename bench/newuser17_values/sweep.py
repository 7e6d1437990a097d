"""Every public callable of impact given a value of the right type but out of its range, one parameter at a time
(newuser17).

bench/newuser16_sweep gives each parameter a value of the wrong *type*; this gives each a value of the right type
that no call can mean, read from the parameter's name:

- ``share``: a share or level (``alpha``, ``confidence``, ``power``, ``p_a``, ``treated_share``...) given 5 (a
  percentage meant), -0.1 or nan;
- ``count``: a number of things (``n_*``, ``min_count``, ``quote_k``, ``k``, ``words_per_interview``...) given -5;
- ``spread``: a standard deviation or a penalty (``*_sd``, ``sd_noise``, ``C``) given -1;
- ``seed``: a seed given a text of digits ("123") or -1 (numpy refuses it);
- ``name``: a column, group, measure, code or wave named by a name no table holds ("nosuch").

The other parameters get right values, read by name (bench/newuser16_sweep). What each call says is sorted as there:
``told`` (impact's own error, about the parameter or the value passed), ``bare`` (Python's or pandas' own),
``warned`` (no error, but a warning about the parameter or the value), ``accepted`` (no error nor warning about it:
a wrong or empty result, each listed), ``slow``; ``unreached`` where impact refused another argument first (the value
not judged: listed, a right value for that argument wanted in :func:`right_values`). A coder made is fitted, as
scikit-learn's contract judges its parameters when fitted, not when it is made. Writes ``results.json`` beside this
file (or ``--out``) and prints the counts by class.

    PYTHONPATH=. MPLBACKEND=Agg python bench/newuser17_values/sweep.py [--timeout 10] [--out file]
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import inspect
import io
import json
import math
import signal
import sys
import tempfile
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
DETAIL = "--detail" in sys.argv
_spec = importlib.util.spec_from_file_location("newuser16_sweep", HERE.parent / "newuser16_sweep" / "sweep.py")
types16 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(types16)

SHARES = {"alpha", "confidence", "power", "p_a", "p_b", "treated_share", "council_missing", "participant_missing",
          "participant_dropout", "min_score", "threshold"}
COUNTS = {"min_count", "quote_k", "k", "context", "digits", "interviews_per_wave", "words_per_interview", "ncols",
          "wrap", "chunk_size", "max_n", "min_df", "n_splits", "n_bins", "n_councils", "key_columns", "anticipation"}
SPREADS = {"council_sd", "participant_sd", "sd_noise", "C", "se"}
NAMES = {"group", "outcome", "by", "unit", "time", "measure", "measures", "code", "codes", "wave", "waves", "status",
         "kind", "cluster", "treatment", "column", "columns", "indicator", "indicators", "council", "councils",
         "variable", "covariates", "table"}


def values_for(param: inspect.Parameter) -> list[tuple[str, str, object]]:
    """(class, label, value) for ``param``: the right-typed values out of its range, read from its name and
    annotation; none where its name says nothing."""
    name, said = param.name, str(param.annotation) if param.annotation is not param.empty else ""
    if name in SHARES and ("float" in said or isinstance(param.default, float)):
        return [("share", "5" if name != "confidence" else "95", 95 if name == "confidence" else 5.0),
                ("share", "-0.1", -0.1), ("share", "nan", math.nan)]
    if "int" in said and (name in COUNTS or (name.startswith("n_") and name not in ("n_jobs",))):
        return [("count", "-5", -5)]
    if name in SPREADS:
        return [("spread", "-1", -1.0)]
    if name == "seed" or name == "random_state":
        return [("seed", "'123'", "123"), ("seed", "-1", -1)]
    if name in NAMES and ("str" in said or "Sequence" in said or "list" in said or not said):
        many = name.endswith("s") and name not in ("status",)
        return [("name", "['nosuch']" if many else "'nosuch'", ["nosuch"] if many else "nosuch")]
    return []


#: Right values for a parameter of one function, where the name alone reads wrong (bench/newuser16_sweep's are for
#: most): an agreement statistic's `data` is a table of units, an effect's `panel` a council panel's interviewed rows.
_UNITS = ("agreement_table", "cohen_kappa", "fleiss_kappa", "gwet_ac1", "krippendorff_alpha", "percent_agreement",
          "disagreements")


def right_values(func, fx: dict, folder: Path) -> dict:
    """The right values of ``func``'s required parameters, read by name, with those of :data:`_UNITS` and the
    panels of the effects read from the function."""
    import impact

    base = {p.name: types16.right_value(p.name, fx, folder) for p in inspect.signature(func).parameters.values()
            if p.default is p.empty and p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL)}
    if func.__name__ in _UNITS:
        base["data"] = fx["units"]
    if func.__name__ in ("intervention_effects", "change_by_status"):
        base["panel"] = fx["panel"][fx["panel"]["interviewed"]]
    if func.__name__ == "attrition_effects":
        base["panel"] = fx["people"]
    if func.__name__ == "coding_to_units":
        base["coded"] = {"A": fx["coded"], "B": fx["coded"]}
    if func.__name__ == "character_agreement":
        base["coded"] = {"A": fx["coded"], "B": fx["coded"]}
    if func.__name__ == "as_codings":
        base["data"] = fx["coded"]
    if func.__name__ in ("read_codings", "read_dfe"):
        base["path"] = fx["coded_csv"] if func.__name__ == "read_codings" else base["path"]
    if func.__name__ == "redact_series":
        base["texts"] = fx["segments"]["text"]
    del impact
    return base


def judged(message: str, name: str, label: str) -> bool:
    """Whether an error's ``message`` is about the parameter ``name`` or the value passed (``label``), not about
    another argument the call failed on first."""
    return f"`{name}`" in message or f"'{name}'" in message or f" {name}=" in message or label in message


def sweep(timeout: int = 10) -> dict:
    import impact

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        fx = types16.fixtures(folder)
        fx["units"] = impact.coding_to_units({"A": fx["coded"], "B": fx["coded"]})
        fx["people"] = impact.participant_panel(fx["study"], fx["coded"])
        fx["coded_csv"] = str(folder / "coded.csv")
        fx["coded"].to_csv(fx["coded_csv"], index=False)
        counts: dict[str, dict[str, int]] = {}
        listed = {"bare": [], "accepted": [], "warned": [], "told": [], "unreached": []}
        signal.signal(signal.SIGALRM, types16._alarm)
        for where, func in types16.callables(True):
            try:
                params = [p for p in inspect.signature(func).parameters.values()
                          if p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL)]
            except (TypeError, ValueError):
                continue
            base = right_values(func, fx, folder)
            for p in params:
                for kind, label, value in values_for(p):
                    kwargs = dict(base, **{p.name: value})
                    if any(v is types16._NONE for k, v in kwargs.items() if k != p.name) or \
                            (func.__name__ in types16.HEAVY and p.default is not p.empty):
                        continue
                    args = [kwargs.pop(q.name) for q in params  # the required ones by position, the rest by name
                            if q.kind in (q.POSITIONAL_ONLY, q.POSITIONAL_OR_KEYWORD) and q.name in kwargs
                            and q.default is q.empty]
                    signal.alarm(timeout)
                    try:
                        with warnings.catch_warnings(record=True) as caught, contextlib.redirect_stdout(io.StringIO()):
                            warnings.simplefilter("always")
                            made = func(*args, **kwargs)
                            if inspect.isclass(func) and hasattr(made, "fit"):
                                # a coder keeps its parameters (scikit-learn's contract): judged when fitted
                                made.fit(*([fx["segments"], fx["coded"]] if func.__name__ == "TrainedCoder" else []))
                        told = [str(w.message) for w in caught if judged(str(w.message), p.name, label)]
                        said, message = ("warned", told[0]) if told else ("accepted", "")
                    except types16._Slow:
                        said, message = "slow", ""
                    except Exception as exc:  # noqa: BLE001 - sorting what each says is the point
                        said, message = types16.classify(exc), f"{type(exc).__name__}: {exc}"
                        if said == "told" and not judged(str(exc), p.name, label):
                            said = "unreached"  # refused for another argument first: the value not judged
                    finally:
                        signal.alarm(0)
                    row = counts.setdefault(kind, {"told": 0, "warned": 0, "bare": 0, "accepted": 0, "slow": 0,
                                                 "unreached": 0})
                    row[said] += 1
                    if said in ("bare", "accepted", "warned", "unreached") or (said == "told" and DETAIL):
                        listed[said].append({"class": kind, "call": f"{where}({p.name}={label})",
                                             "said": message[:400]})
        return {"counts": counts, **listed}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=int, default=10)
    parser.add_argument("--detail", action="store_true", help="list the calls told too")
    parser.add_argument("--out", default=str(HERE / "results.json"))
    ns = parser.parse_args()
    result = sweep(ns.timeout)
    Path(ns.out).write_text(json.dumps(result, indent=1) + "\n")
    print(json.dumps(result["counts"]))
    for b in result["bare"] + result["accepted"] + result["warned"] + result["unreached"]:
        print(b["class"], b["call"], "->", b["said"][:160] or "accepted")


if __name__ == "__main__":
    sys.exit(main())

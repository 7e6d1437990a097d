"""A table's layout for Word, this checkout against a base: the same widths, and the CPU of each (testtime42).

``python -m bench.layout_testtime42 --base /tmp/base --out bench`` runs ``impact.run`` (99 resamples, seed 3) on the
bundled example and on generated studies of 6, 10 and 24 councils (seeds 11, 7 and 5, 3 interviews a wave of 350
words: the suite's ten-council study is the 10), recording every call of :func:`impact.report._layout._fewest_lines`
(its arguments and widths) and the CPU it took within each run. Each recorded call is then made again with this
checkout's ``_fewest_lines`` and with the base's (``impact/report/_layout.py`` and ``impact/_textwidth.py`` of
``--base`` loaded beside this one's), their text-width caches emptied before each side, ``--rounds`` times in turn:
every call must give the same widths on both sides (exit 1 otherwise). Writes ``<out>/layout_testtime42.json``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import tempfile
import time
from pathlib import Path

__all__ = ["main"]

STUDIES = (("example", None, None), ("6 councils", 6, 11), ("10 councils", 10, 7), ("24 councils", 24, 5))
_CACHED = ("wrapped_lines", "_word_widths", "_width100", "arial_width", "_longest_word", "_longest_line")


def _base_layout(base: Path):
    """The base checkout's ``_layout`` module, importing the base's ``_textwidth`` (both beside this checkout's)."""
    text_spec = importlib.util.spec_from_file_location("impact._textwidth_base", base / "impact" / "_textwidth.py")
    textwidth = importlib.util.module_from_spec(text_spec)
    sys.modules[text_spec.name] = textwidth
    text_spec.loader.exec_module(textwidth)
    source = (base / "impact" / "report" / "_layout.py").read_text(encoding="utf-8")
    source = source.replace("from .._textwidth import", "from .._textwidth_base import")
    module = importlib.util.module_from_spec(importlib.util.spec_from_loader("impact.report._layout_base", loader=None))
    module.__package__ = "impact.report"
    sys.modules[module.__name__] = module
    exec(compile(source, str(base / "impact" / "report" / "_layout.py"), "exec"), module.__dict__)  # noqa: S102
    return module, textwidth


def _captured(work: Path) -> tuple[list, dict]:
    """Every ``_fewest_lines`` call of the runs (arguments, widths) and each run's CPU and the layout's share."""
    import impact
    import impact.synth
    from impact.report import _layout

    calls: list = []
    spent = [0.0]
    real = _layout._fewest_lines

    def recorded(*args, **kwargs):
        start = time.process_time()
        widths = real(*args, **kwargs)
        spent[0] += time.process_time() - start
        calls.append((args, kwargs, widths))
        return widths

    runs = {}
    _layout._fewest_lines = recorded
    try:
        for name, councils, seed in STUDIES:
            if councils is None:
                folder = impact.example_path()
            else:
                folder = work / f"study-{councils}"
                impact.synth.generate(councils, seed=seed, interviews_per_wave=3, words_per_interview=350, out=folder)
            spent[0], first = 0.0, len(calls)
            start = time.process_time()
            impact.run(folder, out_dir=work / f"run-{councils or 'example'}", n_resamples=99, seed=3)
            runs[name] = {"run_cpu_s": round(time.process_time() - start, 2), "layout_cpu_s": round(spent[0], 2),
                          "tables": len(calls) - first}
    finally:
        _layout._fewest_lines = real
    return calls, runs


def _replayed(calls: list, fewest_lines, modules) -> tuple[float, list]:
    for module in modules:
        for name in _CACHED:
            if hasattr(module, name):
                getattr(module, name).cache_clear()
    start = time.process_time()
    out = [fewest_lines(*args, **kwargs) for args, kwargs, _ in calls]
    return time.process_time() - start, out


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, required=True, help="the checkout to compare against")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--out", type=Path, default=Path("bench"))
    args = parser.parse_args(argv)
    os.environ.setdefault("IMPACT_PSEUDONYM_KEY", "bench-layout-testtime42-key-0123456789")
    from impact import _textwidth
    from impact.report import _layout

    base_layout, base_textwidth = _base_layout(args.base.resolve())
    with tempfile.TemporaryDirectory() as work:
        os.environ["IMPACT_CACHE_DIR"] = str(Path(work) / "cache")
        os.environ["IMPACT_CONFIG_DIR"] = str(Path(work) / "config")
        os.environ["XDG_CONFIG_HOME"] = str(Path(work) / "xdg")  # release histories: none read, none left behind
        calls, runs = _captured(Path(work))
    rounds = []
    for k in range(args.rounds):
        sides = [("base", base_layout._fewest_lines, [base_textwidth, base_layout]),
                 ("this", _layout._fewest_lines, [_textwidth, _layout])]
        found = {}
        for side, function, modules in (sides if k % 2 == 0 else sides[::-1]):
            found[side] = _replayed(calls, function, modules)
        same = sum(a == b for a, b in zip(found["base"][1], found["this"][1], strict=True))
        rounds.append({"base_cpu_s": round(found["base"][0], 2), "this_cpu_s": round(found["this"][0], 2),
                       "same_widths": same, "as_recorded": sum(a == c[2] for a, c in zip(found["this"][1], calls,
                                                                                          strict=True))})
        print(json.dumps(rounds[-1]), flush=True)
    result = {"base": str(args.base), "load": round(os.getloadavg()[0], 1), "tables": len(calls), "runs": runs,
              "rounds": rounds}
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "layout_testtime42.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    if any(r["same_widths"] != len(calls) or r["as_recorded"] != len(calls) for r in rounds):
        print("widths differ from the base's", file=sys.stderr)
        raise SystemExit(1)
    return result


if __name__ == "__main__":
    main()

"""Over-redaction and time of redaction on the real gold sentences, for the privacy red-team rounds.

``python -m bench.redaction_gold --out before.json`` redacts the 2,740 real
sentences of the gold corpora (``tests/data/gold*/sentences_*.csv``, written
by people in the field, with no personal details of anyone) twice: with the
30 stress names below listed as participants (names made of ordinary words
the sentences use: "Will Work", "Mark Time", "Jack Young" ...) and with none,
the study's councils passed as places as the report passes them, and a
third time with the names listed and the sentences in lower case, as
transcripts are often typed (a listed word in lower case is judged by the
words around it, which the capitalised sentences rarely test).  It prints
the best of ``--repeat`` timings of each and saves the redacted sentences;
``--compare before.json`` prints every sentence redacted differently from a
saved run, the measure of a change's over-redaction (or of its fixes).
"""

from __future__ import annotations

import argparse
import json
import pathlib
import time

import pandas as pd

from impact.privacy import _redact, redact_series

#: Participants whose names are ordinary words, many of them words of the gold sentences.
STRESS_NAMES = (
    "Tom Bishop", "Grace Bell", "Rob Marsh", "Will Brook", "Rose Hill", "Mark Fox", "Faith Wood", "Bill King",
    "Jack Young", "Sue Rose", "Will Work", "Faith Hope", "May Turner", "Art Power", "Mark Time", "Will Care",
    "Summer Hall", "May Day", "Joy Chance", "Rob Banks", "Sam Foster", "Amy Parish", "Lee Short", "Grace Case",
    "Dawn Field", "Frank Price", "Hope Green", "Patience Lord", "Honor Lead", "Carol Plan",
)
PLACES = ("Leeds", "Kirklees")
_ROOT = pathlib.Path(__file__).resolve().parent.parent


def gold_sentences() -> pd.Series:
    """The text of every sentence of the gold corpora, in file order."""
    files = sorted((_ROOT / "tests" / "data").glob("gold*/sentences_*.csv"))
    return pd.concat([pd.read_csv(f, dtype=str)["text"] for f in files], ignore_index=True)


def run(sentences: pd.Series, repeat: int) -> dict[str, object]:
    out: dict[str, object] = {"texts": sentences.tolist()}
    for label, names, case in (("stress", STRESS_NAMES, str), ("none", (), str), ("stress_lower", STRESS_NAMES, str.lower)):
        texts = sentences.map(case)
        redact_series(texts.head(5), names=names, places=PLACES)  # patterns compiled, word lists read
        best = float("inf")
        for _ in range(repeat):
            _redact.forget_found()  # each timing reads every sentence afresh, not from the redactor's memo
            t = time.perf_counter()
            red, _ = redact_series(texts, names=names, places=PLACES)
            best = min(best, time.perf_counter() - t)
        out[label] = red.tolist()
        out[f"{label}_seconds"] = best
        print(f"{label}: {int((red != texts).sum())} of {len(texts)} sentences redacted, best of {repeat}: {best:.2f} s")
    return out


def compare(old: dict, new: dict) -> None:
    for label in ("stress", "none", "stress_lower"):
        changed = [(a, b) for a, b in zip(old[label], new[label], strict=True) if a != b]
        print(f"{label}: {len(changed)} sentences redacted differently")
        for a, b in changed:
            print(f"  before: {a}\n  now:    {b}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=pathlib.Path, help="save the redacted sentences and timings here (JSON)")
    parser.add_argument("--compare", type=pathlib.Path, help="a saved run to compare with")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    result = run(gold_sentences(), args.repeat)
    if args.out is not None:
        args.out.write_text(json.dumps(result), encoding="utf-8")
    if args.compare is not None:
        compare(json.loads(args.compare.read_text(encoding="utf-8")), result)


if __name__ == "__main__":
    main()

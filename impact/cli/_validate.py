"""``impact validate PATH``: check a study folder and report every problem (``--all``: every one, not the first
50 of a file and a count of the rest)."""

from __future__ import annotations

import sys
from collections import Counter

from ..errors import MAX_SHOWN_PER_FILE, ValidationError
from ._options import examples, load_study, say, shell_word, study_folder


def register(sub) -> None:
    p = sub.add_parser("validate", help="check a study folder; exit 2 listing every problem",
                       description="Check a study folder and list every problem as file:row:column: value - "
                                   "expected ...; exit 0 when it is valid (warnings, such as attrition, are listed "
                                   "too), 2 when it has errors.",
                       epilog=examples("impact validate my-study",
                                       "impact validate my-study --all   # every problem, not the first 50 of a file"))
    p.add_argument("path", type=study_folder, help="study folder (holding study.yaml)")
    p.add_argument("--all", action="store_true", dest="list_all",
                   help=f"list every error and warning (default: the first {MAX_SHOWN_PER_FILE} of each file, then a "
                        "count of the rest)")
    p.set_defaults(func=run)


def _report(problems, args) -> str:
    """The report of ``problems``: each one under ``--all``, else the first of each file, and a line naming
    ``--all`` where some were only counted."""
    from ..validate import format_report  # imported here: keeps `impact --help` fast

    if args.list_all:
        return format_report(problems, limit=max(len(problems), 1))
    report = format_report(problems)
    if any(n > MAX_SHOWN_PER_FILE for n in Counter((p.file, p.severity == "error") for p in problems).values()):
        report += f"\n(impact validate --all {shell_word(args.path)} lists every one)"
    return report


def _loaded(path):
    """``load_study(path)`` and the files read as Windows-1252, as warnings of the report (:class:`Problem`): they were
    printed after it, on a line of their own, and not counted among its warnings. Other warnings pass on as raised."""
    import warnings

    from .._io import EncodingWarning_
    from ..errors import Problem

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            study, error = load_study(path, tell=False), None  # every warning is listed below
        except ValidationError as exc:
            study, error = None, exc
    encodings = []
    for w in caught:
        if issubclass(w.category, EncodingWarning_) and w.message.source:
            first = f" ({w.message.first})" if getattr(w.message, "first", "") else ""
            encodings.append(Problem(w.message.source, None, None, None, "UTF-8 text: it is not valid UTF-8 and was "
                                     f"read as Windows-1252 (Latin-1){first}; save it as UTF-8", "warning"))
        else:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    return study, error, list(dict.fromkeys(encodings))


def run(args) -> int:
    study, error, encodings = _loaded(args.path)
    if error is not None:
        print(f"impact validate: {args.path} is not valid", file=sys.stderr)
        print(_report(error.problems + error.warnings + encodings, args), file=sys.stderr)
        return 2
    print(_report(study.load_problems + encodings, args))
    say(args, f"{args.path}: valid ({study!r})")
    return 0

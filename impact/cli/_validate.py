"""``impact validate PATH``: check a study folder and report every problem."""

from __future__ import annotations

import sys

from ..errors import ValidationError
from ._options import load_study, say, study_folder


def register(sub) -> None:
    p = sub.add_parser("validate", help="check a study folder; exit 2 listing every problem")
    p.add_argument("path", type=study_folder, help="study folder (holding study.yaml)")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..validate import format_report  # imported here: keeps `impact --help` fast

    try:
        study = load_study(args.path, tell=False)  # every warning is listed below
    except ValidationError as exc:
        print(f"impact validate: {args.path} is not valid", file=sys.stderr)
        print(format_report(exc.problems + exc.warnings), file=sys.stderr)
        return 2
    print(format_report(study.load_problems))
    say(args, f"{args.path}: valid ({study!r})")
    return 0

"""``impact synth``: generate a synthetic study with planted effects."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .._io import inside_study
from ..errors import InputError
from ..schema import did_you_mean
from ._options import SEED_MAX, a_path, bounded_int, examples, say

__all__ = ["register", "run", "path_chances", "wave_ids", "PATH_NAMES"]

#: The paths through intervention the generator draws from (``impact.synth``'s ``_PATHS``, named here so that building
#: the parser imports no pandas; a test checks the two agree).
PATH_NAMES = ("never", "throughout", "lifted", "entered", "direction", "entered_lifted")


def path_chances(text: str) -> dict[str, float]:
    """An argparse ``type`` for ``--intervention-paths``: ``PATH=CHANCE`` pairs, comma-separated, chances summing to 1.

    Examples
    --------
    >>> path_chances("never=0.6, entered=0.4")
    {'never': 0.6, 'entered': 0.4}
    >>> path_chances("never=0.6,sometimes=0.4")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: 'never=0.6,sometimes=0.4': 'sometimes' is not a path through intervention - expected PATH=CHANCE pairs, comma-separated, with PATH one of never, throughout, lifted, entered, direction, entered_lifted and chances from 0 to 1 summing to 1 (e.g. never=0.6,entered=0.4)
    >>> path_chances("never=0.6")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: 'never=0.6': the chances sum to 0.6 - expected PATH=CHANCE pairs, comma-separated, with PATH one of never, throughout, lifted, entered, direction, entered_lifted and chances from 0 to 1 summing to 1 (e.g. never=0.6,entered=0.4)
    """
    import argparse
    import math

    expected = (f"expected PATH=CHANCE pairs, comma-separated, with PATH one of {', '.join(PATH_NAMES)} and chances "
                "from 0 to 1 summing to 1 (e.g. never=0.6,entered=0.4)")
    chances: dict[str, float] = {}
    problems = []
    items = [t.strip() for t in text.split(",")]
    if not any(items):
        problems.append("no path was given")
    for item in items:
        name, eq, value = (s.strip() for s in item.partition("="))
        if not eq or not name:
            problems.append(f"{item!r} is not PATH=CHANCE")
            continue
        if name not in PATH_NAMES:
            problems.append(f"{name!r} is not a path through intervention{did_you_mean(name, PATH_NAMES)}")
        elif name in chances:
            problems.append(f"{name!r} is given twice")
        try:
            chance = float(value)
        except ValueError:
            chance = math.nan
        if not 0.0 <= chance <= 1.0:  # NaN too
            problems.append(f"{value!r} (for {name!r}) is not a chance from 0 to 1")
        elif name in PATH_NAMES:
            chances[name] = chance
    if not problems and abs(sum(chances.values()) - 1.0) > 1e-9:
        problems.append(f"the chances sum to {sum(chances.values()):g}")
    if problems:
        raise argparse.ArgumentTypeError(f"{text!r}: {'; '.join(problems)} - {expected}")
    return chances


path_chances.__name__ = "paths"


def wave_ids(text: str) -> list[str]:
    """An argparse ``type`` for ``--survey-waves``: wave ids, comma-separated (checked against the study's waves by
    the generator).

    Examples
    --------
    >>> wave_ids("expectations, two_years")
    ['expectations', 'two_years']
    """
    import argparse

    ids = [t.strip() for t in text.split(",")]
    if not all(ids):
        raise argparse.ArgumentTypeError(f"{text!r}: expected wave ids, comma-separated (e.g. expectations,longer_term)")
    return ids


wave_ids.__name__ = "wave ids"


def register(sub) -> None:
    p = sub.add_parser(
        "synth",
        help="generate a synthetic study (real council list, fictional everything else) with planted effects",
        description=(
            "Write a complete study folder with the planted truth beside it "
            "(planted_truth.json, truth_statements.csv, planted_pii.csv, truth_coded.csv). "
            "The same arguments give byte-identical files. The folder is written all at once: "
            "an interruption leaves nothing, or the previous study unchanged."
        ),
        epilog=examples("impact synth --out my-study   # 30 councils, seed 0",
                        "impact synth --councils 60 --seed 7 --out big-study",
                        "impact synth --null --seed 1 --out null-study   # no planted effects",
                        "impact synth --waves 4 --survey-waves expectations,longer_term,two_years --out four-waves"),
    )
    p.add_argument("--councils", type=bounded_int(1, 153), default=30, metavar="N", help="number of councils (default 30; 152: all councils of the study's years, 2010-2013; 153: all of today's)")
    p.add_argument("--seed", type=bounded_int(0, SEED_MAX), default=0, metavar="S", help="random seed (default 0)")
    p.add_argument("--out", required=True, metavar="PATH", type=a_path("the study folder to write"), help="study folder to write (new or empty)")
    p.add_argument("--words-per-interview", type=bounded_int(50, 100_000), default=700, metavar="W",
                   help="approximate words per transcript (default 700)")
    p.add_argument("--interviews-per-wave", type=bounded_int(1, 100), default=5, metavar="K",
                   help="participants per council interviewed at each wave before attrition (default 5)")
    p.add_argument("--null", action="store_true", help="plant no effects (for false-positive simulations)")
    p.add_argument("--intervention-paths", type=path_chances, default=None, metavar="PATH=CHANCE,...",
                   help=("chance of each council's path through intervention: never, throughout (a notice at every "
                         "wave), lifted (lifted between the early and the longer-term wave), entered (issued between "
                         "those waves), direction (a notice and a statutory direction throughout), entered_lifted (issued "
                         "after the review and lifted between the early and the longer-term wave: in intervention at "
                         "the early wave only); paths not named have no chance, e.g. never=0.6,entered=0.4 (default: never=0.6,throughout=0.13,lifted=0.12,"
                         "entered=0.1,direction=0.05; no entered_lifted)"))
    p.add_argument("--waves", type=bounded_int(2, 5), default=3, metavar="N",
                   help=("number of waves (default 3): 2 (before the review and about 12 months after), 3 (and about "
                         "3 months after), 4 (and a second follow-up about 24 months after, 'two_years') or 5 (and a "
                         "third about 36 months after, 'three_years'); their ids, labels and windows go into study.yaml"))
    p.add_argument("--survey-waves", type=wave_ids, default=None, metavar="WAVE,...",
                   help="waves the staff survey runs at, by id, comma-separated (default the first and the last)")
    p.add_argument("--overwrite", action="store_true",
                   help="replace a generated study already in PATH (refused if PATH holds a study without planted "
                   "truth, or files that are not part of a study)")
    p.set_defaults(func=run)


def _identity(path: Path) -> tuple[int, int] | None:
    """The folder entry at ``path`` (device, inode), or None if there is none: replacing it changes it."""
    try:
        st = os.stat(path, follow_symlinks=False)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _what_was_left(out: str, before: tuple[int, int] | None, held_study: bool) -> str:
    now = _identity(Path(out))
    if now is not None and now != before:
        return f"{out}: the new study was complete and put in place before the interruption"
    if now is None or before is None:
        return f"{out}: nothing was written (the study was not finished)"
    if held_study:
        return f"{out}: unchanged - it still holds the previous study"
    return f"{out}: unchanged - nothing was written to it"


def run(args) -> int:
    from ..synth import SynthEffects, generate

    out = Path(args.out)
    # a generated study (and its planted_pii.csv) inside another study's folder would lie among that study's inputs,
    # where no command writes (the folder itself may hold a generated study, replaced with --overwrite)
    inside = inside_study(out)
    if inside is not None:
        raise InputError(inside)
    before, held_study = _identity(out), (out / "study.yaml").is_file()
    try:
        study = generate(
            args.councils,
            seed=args.seed,
            interviews_per_wave=args.interviews_per_wave,
            words_per_interview=args.words_per_interview,
            effects=SynthEffects.null() if args.null else None,
            intervention_paths=args.intervention_paths,
            waves=args.waves,
            survey_waves=args.survey_waves,
            out=args.out,
            overwrite=args.overwrite,
        )
    except FileExistsError as exc:
        raise InputError(str(exc).replace("overwrite=True", "--overwrite")) from None
    except ValueError as exc:
        raise InputError(str(exc)) from None
    except KeyboardInterrupt:
        print(f"impact synth: {_what_was_left(args.out, before, held_study)}", file=sys.stderr, flush=True)
        raise
    say(args, f"{args.out}: wrote {study!r} and its planted truth")
    return 0

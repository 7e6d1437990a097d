"""``impact synth``: generate a synthetic study with planted effects."""

from __future__ import annotations

from ..errors import InputError
from ._options import SEED_MAX, bounded_int

__all__ = ["register", "run"]


def register(sub) -> None:
    p = sub.add_parser(
        "synth",
        help="generate a synthetic study (real council list, fictional everything else) with planted effects",
        description=(
            "Write a complete study folder with the planted truth beside it "
            "(planted_truth.json, truth_statements.csv, planted_pii.csv). "
            "The same arguments give byte-identical files."
        ),
    )
    p.add_argument("--councils", type=bounded_int(1, 153), default=30, metavar="N", help="number of councils (153: all; default 30)")
    p.add_argument("--seed", type=bounded_int(0, SEED_MAX), default=0, metavar="S", help="random seed (default 0)")
    p.add_argument("--out", required=True, metavar="PATH", help="study folder to write")
    p.add_argument("--words-per-interview", type=bounded_int(50, 100_000), default=700, metavar="W",
                   help="approximate words per transcript (default 700)")
    p.add_argument("--interviews-per-wave", type=bounded_int(1, 100), default=5, metavar="K",
                   help="participants per council interviewed at each wave before attrition (default 5)")
    p.add_argument("--null", action="store_true", help="plant no effects (for false-positive simulations)")
    p.add_argument("--overwrite", action="store_true", help="replace a study already in PATH")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..synth import SynthEffects, generate

    try:
        study = generate(
            args.councils,
            seed=args.seed,
            interviews_per_wave=args.interviews_per_wave,
            words_per_interview=args.words_per_interview,
            effects=SynthEffects.null() if args.null else None,
            out=args.out,
            overwrite=args.overwrite,
        )
    except FileExistsError:
        raise InputError(f"{args.out} already holds a study; pass --overwrite to replace it") from None
    except ValueError as exc:
        raise InputError(str(exc)) from None
    print(f"{args.out}: wrote {study!r} and its planted truth")
    return 0

"""``impact run STUDY --out DIR`` and ``impact demo``: the main job."""

from __future__ import annotations

import sys
from pathlib import Path


def _add_options(p) -> None:
    p.add_argument("--codebook", default=None, help="codebook name or YAML path (default: the study's, else nfer_impacts)")
    p.add_argument("--seed", type=int, default=0, help="seed of the permutation tests (default 0)")
    p.add_argument("--resamples", type=int, default=2000, help="permutations per test (default 2000)")
    p.add_argument("--identify", action="store_true", help="show real council names instead of pseudonyms")
    p.add_argument("--min-count", type=int, default=5, help="counts below this are shown as 'c' (default 5)")
    p.add_argument("--quote-k", type=int, default=5, help="councils that must share a quote's attribution (default 5)")
    p.add_argument("--key-file", default=None, help="pseudonym key file, kept outside the output folder")
    p.add_argument("--coded", default=None, metavar="FILE",
                   help="analyse these codings instead of the machine coder's: made by people (coded CSV or Parquet, "
                        "a filled-in review workbook, a QDPX project) or a synthetic study's truth_coded.csv")
    p.add_argument("--human", default=None, metavar="FILE",
                   help="a second coding (same formats as --coded) of some of the segments, for the reliability section")
    p.add_argument("--no-cache", action="store_true", help="do not reuse cached segmentation and coding")


def register(sub) -> None:
    p = sub.add_parser("run", help="validate, code, analyse and report a study folder")
    p.add_argument("study", help="study folder")
    p.add_argument("--out", required=True, help="output folder (replaced in one step when the run succeeds)")
    _add_options(p)
    p.set_defaults(func=run)
    d = sub.add_parser("demo", help="run the main job on the bundled example study, writing out/demo")
    d.add_argument("--out", default="out/demo", help="output folder (default out/demo)")
    _add_options(d)
    d.set_defaults(func=demo)


def _progress(message: str) -> None:
    print(f"impact: {message}", file=sys.stderr, flush=True)


def run(args, study=None) -> int:
    from ..pipeline import run as run_pipeline  # imported here: keeps `impact --help` fast

    result = run_pipeline(
        study if study is not None else args.study,
        args.out,
        codebook=args.codebook,
        seed=args.seed,
        n_resamples=args.resamples,
        identify=args.identify,
        min_count=args.min_count,
        quote_k=args.quote_k,
        key_file=args.key_file,
        human=args.human,
        coded=args.coded,
        progress=_progress,
        cache=not args.no_cache,
        command=" ".join(["impact", *sys.argv[1:]]),
    )
    print(result)
    return 0


def demo(args) -> int:
    from .. import example_path

    args.study = str(example_path())
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    return run(args)

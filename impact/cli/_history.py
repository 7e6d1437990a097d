"""``impact history STUDY``: list the releases a study's private release history holds (``--forget N --yes``: drop
one that was never shared)."""

from __future__ import annotations

from .._words import _counted
from ..errors import InputError
from ._options import a_path, bounded_int, examples, say, study_folder


def register(sub) -> None:
    p = sub.add_parser(
        "history", help="list the releases of a study's private release history (what each later bundle protects)",
        description="List the releases `impact run` recorded in a study's private release history: when each was "
                    "made, which waves it held, how many counts it published and hid, and whether its bundle was "
                    "written to a folder given with --out. No count's value is shown. Every later bundle of the "
                    "study is protected against each release listed; a run to a folder replaces that folder's "
                    "release only where it holds the same waves (a draft).",
        epilog=examples("impact history my-study",
                        "impact history my-study --out report --out interim   # which releases were written there",
                        "impact history my-study --forget 2 --yes   # a release that was never shared"))
    p.add_argument("study", type=study_folder, help="study folder (its study.yaml's name names the history)")
    p.add_argument("--key-file", default=None, type=a_path("the pseudonym key file"),
                   help="the pseudonym key file the runs used (default: as impact run finds it; never made here)")
    p.add_argument("--release-history", default=None, metavar="FILE", type=a_path("the release history"),
                   help="the release history file given to impact run (default: the file beside the pseudonym key "
                        "named from the study's name and the key)")
    p.add_argument("--out", action="append", default=[], metavar="DIR", type=a_path("an output folder"),
                   help="an output folder impact run wrote to: the releases written there are marked (may be given "
                        "more than once; the history keeps no path, only a keyed hash of each folder's; default: "
                        "none, each release's folder told only as another folder)")
    p.add_argument("--forget", default=None, metavar="N", type=bounded_int(1, 1_000_000),
                   help="drop release N from the history (a release that was never shared: later bundles no longer "
                        "protect what it hid); needs --yes (default: the releases are listed, none dropped)")
    p.add_argument("--yes", action="store_true", help="confirm --forget (nothing is asked)")
    p.set_defaults(func=run)


def _line(row, *, folders_given: bool) -> str:
    made = f"made {row.made.replace('T', ' ').replace('+00:00', ' UTC')}" if row.made else "made at a time not recorded"
    # with no --out given, no folder is known to compare with: "another folder" would say what was not looked at
    other = "written to another folder than those given" if folders_given else "its folder not given (--out DIR)"
    where = {"another folder": other, "not recorded": "its folder not recorded"}.get(
        row.written_to, f"written to {row.written_to}")
    return (f"  {row.release}. {made}; waves {row.waves or '(none)'}; {_counted(row.published, 'count')} published, "
            f"{row.hidden:,} hidden; {where}")


def run(args) -> int:
    from ..privacy._history import forget_release, list_releases, open_history

    if args.yes and args.forget is None:
        raise InputError("--yes confirms --forget N, which was not given - expected --forget N --yes, or neither")
    path, name, key, releases = open_history(args.study, key_file=args.key_file, path=args.release_history)
    if args.forget is not None:
        if not args.yes:
            raise InputError(f"--forget {args.forget}: not done without --yes - forgetting a release takes away "
                             "the protection later bundles give it, so that one read with it may give back counts it "
                             f"hid; give --yes if release {args.forget} of {path} was never shared")
        releases = forget_release(path, args.forget, study_name=name, key=key)
        say(args, f"{path}: release {args.forget} forgotten; {_counted(len(releases), 'release')} kept")
        return 0
    table = list_releases(releases, key=key, out_dirs=args.out)
    # the listing is what the command is for: printed under -q too
    print(f"{path}: {_counted(len(table), 'release')} of the study {name!r}, oldest first",
          *(_line(row, folders_given=bool(args.out)) for row in table.itertuples()), sep="\n")
    return 0

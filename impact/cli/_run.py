"""``impact run STUDY --out DIR`` and ``impact demo``: the main job."""

from __future__ import annotations

import logging
import os
import re
import sys
from pathlib import Path

from .. import _limits
from .._io import check_output_folder
from ..errors import ImpactError, InputError
from ._options import (
    CODEBOOK_PATH,
    CODINGS_KINDS,
    SEED_MAX,
    a_level,
    a_path,
    bounded_int,
    examples,
    load_study,
    say,
    study_folder,
)

#: What ``--coded`` and ``--human`` read (impact.codings.read_codings).
_CODINGS_READ = "a coded CSV, Parquet, review .xlsx or .qdpx file"


def _key_file_there(value: str, study: str | None) -> None:
    """``--key-file``: the key is read, as the run reads it, before the study is validated."""
    from pathlib import Path

    from ..privacy._pseudonym import _read_key_file

    _read_key_file(Path(value))


def _template_there(value: str, study: str | None) -> None:
    """``--docx-template``: the template opens as a Word document or template, checked before the study is (a
    missing one told before the report's modules are imported: seconds)."""
    if not os.path.lexists(value):  # the words of impact.report._docx._open
        raise InputError(f"{value}: Word template not found - expected a .docx or .dotx file")
    from ..report import check_docx_template

    check_docx_template(value)


def _add_options(p) -> None:
    """The options of ``run`` and ``demo``, in groups: what is analysed, the statistics, privacy, the report."""
    given = p.add_argument_group("what is analysed")
    stats = p.add_argument_group("statistics")
    private = p.add_argument_group("privacy (see the user guide's Privacy section)")
    report = p.add_argument_group("the report")
    given.add_argument("--codebook", default=None, type=CODEBOOK_PATH, help="codebook name or YAML path (default: the study's, else nfer_impacts)")
    stats.add_argument("--seed", type=bounded_int(0, SEED_MAX), default=0, help="seed of the permutation tests (default 0)")
    most = _limits.RESAMPLES_MAX  # the library's own limit (compare_groups' n_resamples), read when the parser is built
    stats.add_argument("--resamples", type=bounded_int(99, most, why=" (fewer permutations give too coarse a p-value)"),
                   default=2000, help=f"permutations per test, 99 to {most:,} (default 2000)")
    stats.add_argument("--alpha", type=a_level, default=0.05,
                       help="1 - the confidence level of every interval, the level a difference is judged at "
                            "(default 0.05: 95%% intervals)")
    stats.add_argument("--adjust", choices=_limits.ADJUSTMENTS, default="holm",
                       help="adjustment of p-values across impacts and waves: holm (family-wise error, default) or "
                            "fdr_bh (Benjamini-Hochberg false discovery rate)")
    private.add_argument("--identify", action="store_true", help="show real council names instead of pseudonyms")
    private.add_argument("--min-count", type=bounded_int(1, 1_000), default=5,
                   help="counts below this are shown as 'c', 1 to 1000 (default 5)")
    private.add_argument("--quote-k", type=bounded_int(1, 1_000), default=5,
                   help="councils that must share a quote's attribution, 1 to 1000 (default 5)")
    private.add_argument("--council-matrix", action="store_true",
                   help="publish the framework matrix with a row per council under its pseudonym (default: by group "
                        "of at least --quote-k councils); recorded in the provenance")
    private.add_argument("--key-file", default=None, type=a_path("the pseudonym key file", read=True, accepts=(), check=_key_file_there),
                         help="pseudonym key file, kept outside the output folder (default: the key in "
                              "IMPACT_PSEUDONYM_KEY, else the file IMPACT_PSEUDONYM_KEY_FILE names, else "
                              "~/.config/impact/pseudonym.key, created on first use)")
    private.add_argument("--release-history", default=None, metavar="FILE", type=a_path("the release history"),
                         help="the study's private release history: every earlier bundle of the study (an interim "
                              "report) is taken into account by the suppression, so that the bundles read together "
                              "give back no suppressed count, and this one is added once written; kept outside the "
                              "output and study folders (default: a file beside the pseudonym key named from the "
                              "study's name and the key). A run to the same --out folder replaces that folder's "
                              "earlier release where it holds the same waves (a draft), as it replaces its bundle; "
                              "one of other waves (an interim report written there before the final) is kept and "
                              "protected against. Run drafts into one folder, and write a bundle you share to a "
                              "folder of its own; impact history lists the releases")
    given.add_argument("--coded", default=None, metavar="FILE", type=a_path(_CODINGS_READ, read=True, accepts=CODINGS_KINDS),
                   help="analyse these codings instead of the machine coder's: made by people (coded CSV or Parquet, "
                        "a filled-in review workbook, a QDPX project) or a synthetic study's truth_coded.csv (default: the machine coder's)")
    given.add_argument("--human", default=None, metavar="FILE", type=a_path(_CODINGS_READ, read=True, accepts=CODINGS_KINDS),
                   help="a second coding (same formats as --coded) of some of the segments, for the reliability section (default: none, no such section)")
    report.add_argument("--docx-template", default=None, metavar="FILE", type=a_path("a Word template", read=True, accepts=("word",), check=_template_there),
                   help="a Word document or template (.docx, .dotx) in your house style: the report takes its page "
                        "size, margins, styles, header and footer (default: impact's own layout)")
    report.add_argument("--no-cache", action="store_true",
                   help="do not reuse or store cached segmentation and coding (kept in your user cache folder, "
                        "IMPACT_CACHE_DIR overrides it)")


def register(sub) -> None:
    p = sub.add_parser("run", help="validate, code, analyse and report a study folder",
                       epilog=examples("impact run my-study --out report",
                                       "impact run my-study --out report --human reviewer.csv   # with a "
                                       "reliability section",
                                       "impact run my-study --out report --coded reviewer.csv --docx-template "
                                       "house.dotx"))
    p.add_argument("study", type=study_folder, help="study folder")
    p.add_argument("--out", required=True, type=a_path("the output folder"),
                   help="output folder: a new folder, or one impact wrote before (a folder holding other files, the "
                        "study folder or a folder above it is refused); replaced in one step when the run succeeds")
    _add_options(p)
    p.set_defaults(func=run)
    d = sub.add_parser("demo", help="run the main job on the bundled example study, writing out/demo",
                       epilog=examples("impact demo", "impact demo --out demo-report --resamples 499"))
    d.add_argument("--out", default="out/demo", type=a_path("the output folder"), help="output folder (default out/demo)")
    _add_options(d)
    d.set_defaults(func=demo)


log = logging.getLogger("impact")


def _progress(message: str) -> None:
    """Progress of the run as ``impact`` log records (shown by default, hidden by ``-q``)."""
    log.info(message)


def _raised_by_impact(exc: BaseException) -> bool:
    """Whether ``exc`` was raised by impact's own code (the innermost frame of its traceback lies in the package),
    not by a library reading the file for it (pandas, pyarrow, openpyxl, the XML parser...)."""
    import traceback
    from pathlib import Path

    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return False
    package = Path(__file__).resolve().parents[1]
    return Path(frames[-1].filename).resolve().is_relative_to(package)


def _read_codings(flag: str, path: str | None, study, codes: list[str] | None = None):
    """``--coded`` / ``--human``: a file of codings of the study, read and checked before the long run starts.

    Any format :func:`impact.codings.read_codings` reads (a coded CSV or
    Parquet, a filled-in review workbook, a QDPX project); a file without a
    ``coder`` column is named after the file.  Every problem is one message
    naming the option and the file; a code not among ``codes`` is one, on its row of the file.
    """
    if path is None:
        return None
    from ..codings import CODES_EXPECTED, codes_nothing, read_codings

    try:
        codings = read_codings(path, study, codes=codes)
    except ImpactError as exc:
        raise InputError(f"{flag} {path}: {exc}") from None
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        if _raised_by_impact(exc):  # impact names a bad file with an ImpactError: this is a bug, not the file's fault
            raise
        raise InputError(f"{flag} {path}: not a readable coding file ({type(exc).__name__}: {exc}) - expected a "
                         "coded CSV or Parquet file, a review workbook (.xlsx) or a QDPX project") from None
    except Exception as exc:  # pyarrow's own errors for a damaged Parquet file  # noqa: BLE001
        if type(exc).__module__.startswith(("pyarrow", "pandas")):
            raise InputError(f"{flag} {path}: not a readable coding file ({type(exc).__name__})") from None
        raise
    if codes_nothing(codings):  # read as "no code anywhere", it would report every impact as never mentioned
        from .._kinds import file_kind

        found = file_kind(path)
        if found is not None and found[0].key == "review_workbook":  # exported, never filled in
            raise InputError(f"{flag} {path}: {found[1]} in which no decision is filled in (its 'decision' column is "
                             f"empty) - expected {CODES_EXPECTED}: fill in the decisions in Excel and give it again "
                             "(`impact review import FILE` reads it too)")
        raise InputError(f"{flag} {path}: holds no codings and names no interview checked - expected {CODES_EXPECTED}")
    return codings


def _check_second_coding(coded: str | None, human: str | None) -> None:
    """Refuse a ``--human`` file that is the ``--coded`` file, or a copy of it, byte for byte: a coding checked
    against itself agrees by construction, and the reliability section would report perfect agreement."""
    if coded is None or human is None:
        return
    try:
        same = os.path.samefile(coded, human) or (
            os.path.getsize(coded) == os.path.getsize(human) and Path(coded).read_bytes() == Path(human).read_bytes())
    except OSError:
        return  # a missing or unreadable file is told when it is read
    if same:
        raise InputError(f"--human {human}: the same codings as --coded {coded} - expected a second coding of some "
                         "of the segments, by another coder (a coding checked against itself agrees by construction)")


#: The options of ``impact run`` and ``impact demo`` whose value names a file or folder, which need not exist yet
#: (the output folder): recorded as ``<path>`` whatever the value looks like.
_PATH_OPTIONS = ("--out", "--key-file", "--release-history", "--coded", "--human", "--docx-template")


def recorded_command(argv: list[str]) -> str:
    """The command line as the provenance records it: every argument naming a file or folder is ``<path>``.

    A file or folder name chosen by a person can name a person ("--coded
    'Jane Smith codes.csv'", "--codebook tom_bishop.yaml"), and a relative
    path is no absolute path the provenance scrubs later: an argument that
    exists on disk, holds a path separator or ends in a file extension is
    left out; options, numbers and names ("--codebook nfer_impacts") stay.

    Examples
    --------
    >>> recorded_command(["run", "studies/leeds", "--coded=Jane Smith.csv", "--codebook", "nfer_impacts", "--seed", "1.5"])
    'impact run <path> --coded=<path> --codebook nfer_impacts --seed 1.5'
    >>> recorded_command(["run", "studies/leeds", "--out", "results", "--seed", "1"])
    'impact run <path> --out <path> --seed 1'
    """
    def path_like(value: str) -> bool:
        return (os.path.exists(value) or "/" in value or "\\" in value
                or re.search(r"\.[A-Za-z]\w{0,5}$", value) is not None)

    def names_a_path(option: str) -> bool:
        # an option whose value is always a file or folder (argparse takes any unambiguous prefix of it)
        return option.startswith("--") and len(option) > 2 and any(o.startswith(option) for o in _PATH_OPTIONS)

    out = ["impact"]
    for n, token in enumerate(argv):
        option, eq, value = token.partition("=")
        if token.startswith("-") and eq:
            out.append(f"{option}=<path>" if path_like(value) or names_a_path(option) else token)
        elif n > 1 and names_a_path(argv[n - 1]) and not token.startswith("-"):
            out.append("<path>")  # the output folder, not made yet: "--out r1" recorded "--out <study>" (round 26)
        elif n == 0 or token.startswith("-") or not path_like(token):
            out.append(token)  # the subcommand, an option, a number or a name
        else:
            out.append("<path>")
    return " ".join(out)


def run(args, study=None) -> int:
    # The cheap checks first, before the analysis is even imported: a refused --out, an invalid study or an
    # unreadable --human file is reported in seconds, and nothing is written.
    if study is None and os.path.isdir(args.study) and not os.path.isfile(os.path.join(args.study, "study.yaml")):
        # a folder holding no study (the wrong folder, `impact run .` elsewhere): said as such, not as an output
        # folder "inside the study folder"; an --out refused on its own (a study given as --out) is told first
        check_output_folder(args.out)
        load_study(args.study, tell=False)
    check_output_folder(args.out, protect=[args.study])
    if study is None:
        _progress(f"validating {args.study}")
        study = load_study(args.study, recorded=os.path.join(args.out, "provenance.json"), analyses=True)
    _check_second_coding(args.coded, args.human)
    book = None
    if args.coded is not None or args.human is not None:  # their codes are checked on reading, naming file and row
        from ..coding import Codebook
        from ..pipeline import supplied_codes

        book = Codebook.for_study(study, args.codebook)
    coded = _read_codings("--coded", args.coded, study, supplied_codes(book) if args.coded else None)
    human = _read_codings("--human", args.human, study, supplied_codes(book) if args.human else None)
    template = getattr(args, "docx_template", None)
    if template is not None:
        from ..report import check_docx_template

        try:
            check_docx_template(template)
        except ImpactError as exc:
            raise InputError(f"--docx-template: {exc}") from None
    from ..pipeline import run as run_pipeline  # imported here: keeps `impact --help` fast

    result = run_pipeline(
        study,
        out_dir=args.out,
        codebook=args.codebook,
        seed=args.seed,
        n_resamples=args.resamples,
        alpha=args.alpha,
        adjust=args.adjust,
        identify=args.identify,
        min_count=args.min_count,
        quote_k=args.quote_k,
        council_matrix=args.council_matrix,
        key_file=args.key_file,
        release_history=args.release_history,
        human=human,
        coded=coded,
        progress=_progress,
        cache=not args.no_cache,
        docx_template=template,
        command=recorded_command(sys.argv[1:]),
    )
    say(args, result)
    return 0


def demo(args) -> int:
    from .. import example_path

    args.study = str(example_path())
    return run(args)  # the folders above --out are made as the outputs are published (and only then)

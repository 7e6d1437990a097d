"""``impact review export|import``: review machine coding suggestions in Excel."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import sys
from pathlib import Path

from .._io import write_if_changed
from .._words import _counted
from ..errors import InputError, ValidationError
from ._agree import read_coded
from ._options import (
    CODEBOOK_PATH,
    CODED_KINDS,
    a_name,
    a_path,
    add_overwrite,
    bounded_int,
    check_output_file,
    examples,
    load_study,
    say,
    study_folder,
    write_table,
)

#: What `--out` is: the workbook export writes, the decisions import writes (CSV, or Excel where it ends in .xlsx).
_WORKBOOK = {"suffixes": (".xlsx",), "what": "the review workbook (an Excel .xlsx file)"}
_DECISIONS = {"suffixes": (".csv", ".xlsx"), "what": "the decisions table (CSV, or Excel where it ends in .xlsx)"}


def register(sub) -> None:
    loop = ("impact review export my-study --coded coded.csv --out review.xlsx --reviewer ann",
            "impact review import review.xlsx --out reviewer.csv   # after the decisions are filled in")
    p = sub.add_parser("review", help="review a machine coder's suggestions in Excel and read the decisions back",
                       epilog=examples(*loop))
    rsub = p.add_subparsers(dest="review_command", metavar="{export,import}")
    rsub.required = True
    e = rsub.add_parser("export", help="write suggestions, least certain first, to an .xlsx",
                        epilog=examples(loop[0], "impact review export my-study --coded coded.csv --out review.xlsx "
                                                 "--reviewer ann --limit 200"))
    e.add_argument("study", type=study_folder, help="study folder (for the segments' text)")
    e.add_argument("--coded", required=True, type=a_path("a coded CSV file", read=True, accepts=CODED_KINDS), help="coded CSV from `impact code`")
    e.add_argument("--out", required=True, type=a_path("the workbook to write"), help=".xlsx to write")
    e.add_argument("--reviewer", type=a_name("the reviewer's name"), help="reviewer's name, stored in the file (default: none, then `impact review import` "
                                                                      "needs --reviewer)")
    e.add_argument("--codebook", type=CODEBOOK_PATH, help="codebook name or YAML path (default: the study's)")
    e.add_argument("--limit", type=bounded_int(1, 1_000_000), help="only the N least certain suggestions (default: every suggestion)")
    add_overwrite(e)
    e.set_defaults(func=run_export)
    i = rsub.add_parser("import", help="read a filled-in review .xlsx; write the decisions as a coder's CSV",
                        epilog=examples(loop[1].split("   #")[0],
                                        "impact review import review.xlsx --out reviewer.csv --reviewer ann"))
    i.add_argument("file", type=a_path("the filled-in review workbook", read=True, accepts=("review_workbook",)), help="the filled-in .xlsx")
    i.add_argument("--out", required=True, type=a_path("the CSV to write"), help="CSV to write (an existing file is moved to a .bak first)")
    i.add_argument("--reviewer", type=a_name("the reviewer's name"), help="reviewer's name (default: the one stored at export)")
    i.set_defaults(func=run_import)


def run_export(args) -> int:
    from ..coding.codebook import Codebook
    from ..coding.segment import segment
    from ..review import export_review

    overwrite = getattr(args, "overwrite", False)  # also called with a hand-made Namespace (without the flag)
    check_output_file(args.out, study=args.study, overwrite=overwrite, inputs=[args.coded], **_WORKBOOK)
    study = load_study(args.study)
    coded = read_coded([args.coded])
    if coded.empty:  # a workbook of no suggestions is nothing to review
        raise InputError(f"--coded {args.coded}: no rows (a header row alone) - expected the suggestions to review: "
                         "the coded output of `impact code` with its rows")
    codebook = Codebook.for_study(study, args.codebook)
    check_output_file(args.out, study=args.study, overwrite=overwrite, inputs=[args.coded], **_WORKBOOK)  # again: it may have appeared meanwhile
    try:
        path = export_review(segment(study), coded=coded, path=args.out, codebook=codebook, reviewer=args.reviewer,
                             limit=args.limit)
    except ValidationError as exc:  # the problems of the coded file, named by the file given
        raise ValidationError([dataclasses.replace(p, file=str(args.coded)) for p in exc.problems + exc.warnings],
                              source=str(args.coded)) from None
    say(args, f"impact review: {min(len(coded), args.limit or len(coded))} suggestions -> {path}")
    return 0


def timestamped_backup(path: Path) -> Path:
    """A free name to keep the previous decisions under: ``<name>.<timestamp>.bak`` (``-2``... where taken)."""
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    bak, n = path.with_name(f"{path.name}.{stamp}.bak"), 1
    while bak.exists() or bak.is_symlink():
        n += 1
        bak = path.with_name(f"{path.name}.{stamp}-{n}.bak")
    return bak


def run_import(args) -> int:
    from ..review import import_review

    # a folder, or the workbook read, is refused; an existing file is kept as a .bak
    out = check_output_file(args.out, overwrite=True, inputs=[args.file], **_DECISIONS)
    result = import_review(args.file, reviewer=args.reviewer)
    decided = result["decision"].isin(["accept", "reject", "other"])
    n_decided = result.loc[decided, "row_id"].nunique()
    if not n_decided:
        # An empty file was written (an earlier one moved aside for it), which `impact agree` then refused as "a coder
        # column but no rows": told here instead, and nothing written, so a script stops at the step to redo.
        noted = result.loc[result["decision"] == "note", "row_id"].nunique()
        notes = f" ({_counted(noted, 'row')} with notes only)" if noted else ""
        kept = f"{out} was left as it was" if out.exists() else f"{out} was not written"
        raise InputError(f"{args.file}: nothing decided yet - the decision column of sheet 'review' is blank in every "
                         f"row{notes}; expected accept, reject or other in at least one row: fill them in, save the "
                         f"workbook and run `impact review import` again ({kept})")
    check_output_file(out, overwrite=True, inputs=[args.file], **_DECISIONS)
    # the previous file kept as a .bak, put back if the new one cannot be written; the same decisions imported again
    # leave it as it was (each import of an unchanged workbook left one more .bak of the same decisions beside it)
    done = write_if_changed(out, lambda path: write_table(result, path), backup=timestamped_backup)
    by = f"{_counted(n_decided, 'decision')} by {', '.join(sorted(set(result['coder'])))}"
    if not done.changed:
        say(args, f"impact review: {by}: {out} already held them, left as it was (no backup made)")
        return 0
    bak = done.backup
    if bak is not None:
        print(f"impact review: {out} existed; moved it to {bak}", file=sys.stderr)
    say(args, f"impact review: {by} -> {out}")
    return 0

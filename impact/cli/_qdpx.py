"""``impact import-qdpx`` and ``impact export-qdpx``: REFI-QDA exchange with QDA programs."""

from __future__ import annotations

import os
import re
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from .._io import (
    OUTPUT_MARKER,
    Rollback,
    _write_output_manifest,
    atomic_write_text,
    check_input_file,
    in_study_words,
    literal_tilde,
    other_kind_refusal,
    output_kind,
    rolled_back_on_failure,
    windows_safe_name,
    write_if_changed,
)
from .._words import _counted
from ..errors import ImpactError, InputError
from ._options import (
    CODEBOOK_KINDS,
    CODEBOOK_PATH,
    CODED_KINDS,
    a_path,
    add_overwrite,
    check_output_file,
    codebook_there,
    examples,
    kinds_read,
    load_study,
    refuse_blank_cells,
    say,
    study_folder,
    study_folder_above,
    write_table,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["register"]


def register(sub) -> None:
    p = sub.add_parser(
        "import-qdpx",
        help="import a REFI-QDA project (.qdpx from NVivo, ATLAS.ti, MAXQDA...) into coded output",
        description="Writes OUTDIR/codings.csv (long coded output with a coder column), codebook.yaml, "
        "sources/, cases.csv and report.txt. An existing file whose content would change is moved to a .bak first, never "
        "overwritten; an unchanged one is left as it is. OUTDIR may not hold the report of `impact run`.",
        epilog=examples("impact import-qdpx project.qdpx imported --study my-study",
                        "impact import-qdpx project.qdpx imported --study my-study --positions utf16   # from NVivo"),
    )
    p.add_argument("file", type=a_path("the .qdpx project", read=True, accepts=("qdpx",)), help="the .qdpx file")
    p.add_argument("outdir", type=a_path("the folder to write"), help="folder to write into (created if needed)")
    p.add_argument("--missing", choices=["error", "warn"], default="error", help="source files missing from the archive: stop (default) or import the rest")
    p.add_argument("--study", type=study_folder, help="study folder: map codings to its segments (default: none, "
                   "codings keep the project's own sources and positions)")
    p.add_argument("--codebook", type=a_path("a codebook (a bundled codebook's name, a YAML file or a REFI-QDA .qdc file)", read=True, accepts=CODEBOOK_KINDS, check=codebook_there),
                   help="codebook id, YAML file or REFI-QDA .qdc to map codes to (default: the one the project names, else its own codes)")
    p.add_argument("--positions", choices=["auto", "code_points", "utf16"], default="auto",
                   help="how the file counts positions: characters (the standard), UTF-16 units (NVivo), or decide from "
                        "the selections (default; CRLF and byte-order-mark drift are corrected either way, with a warning)")
    p.set_defaults(func=run_import)
    q = sub.add_parser(
        "export-qdpx",
        help="export a study's transcripts, codebook and codings to a REFI-QDA project (.qdpx)",
        description="Writes FILE (.qdpx) and, beside it, the codebook as FILE.qdc (REFI-QDA) and FILE.codebook.csv "
        "(tag, description: the CSV Taguette imports). An existing FILE is refused unless --overwrite is given; "
        "an existing codebook file whose content would change is moved to a .bak first, an unchanged one is left as "
        "it is.",
        epilog=examples("impact export-qdpx my-study project.qdpx --coded coded.csv",
                        "impact export-qdpx my-study project.qdpx --coded ann=ann.csv --coded bob=bob.csv",
                        "impact export-qdpx my-study project.qdpx --coded coded.csv --positions utf16 --bom   # NVivo "
                        "for Windows"),
    )
    q.add_argument("study", type=study_folder, help="study folder")
    q.add_argument("file", type=a_path("the .qdpx project to write"), help="the .qdpx file to write")
    q.add_argument("--coded", action="append", default=[], metavar="[CODER=]FILE", type=kinds_read("a coded file", (*CODED_KINDS, "coded_parquet")),
                   help="coded output (CSV/Parquet) of one coder, named CODER or after the file; a file with a `coder` column "
                        "holds several; give it once per file (default: none, the transcripts and codebook only)")
    q.add_argument("--codebook", type=CODEBOOK_PATH,
                   help="codebook id or YAML file (default: the study's)")
    q.add_argument("--positions", choices=["code_points", "utf16"], default="code_points",
                   help="how to count positions: characters (default, the standard) or UTF-16 units (for NVivo)")
    q.add_argument("--bom", action="store_true",
                   help="start each source file with a UTF-8 byte-order mark (for NVivo for Windows; off by default: "
                        "some tools count it as a character)")
    add_overwrite(q, "FILE")
    q.set_defaults(func=run_export)


def _write_changed(path: Path, write, notes: list[str], changes: Rollback) -> bool:
    """Write ``path`` by ``write(a_path)`` where its bytes would change (:func:`write_if_changed`: a file already there
    with the same bytes is left as it is, with no backup; one that would change is moved to a .bak first, and said in
    ``notes``).  Returns whether ``path`` was written."""
    done = write_if_changed(path, write, changes)
    if done.backup is not None:
        notes.append(f"existing {path.name} moved to {done.backup.name}")
    return done.changed


# Extensions of the documents QDA programs import: a source called "alpha.txt" or
# "Interview 3.docx" is written as "alpha.txt" and "Interview 3.txt", never "alpha.txt.txt".
_DOC_EXT = re.compile(r"\.(txt|text|docx?|odt|rtf|pdf|html?|md|srt|vtt)$", re.IGNORECASE)


def _safe_name(name: str) -> str:
    cleaned = re.sub(r"[^\w.\- ]+", "_", name, flags=re.UNICODE).strip(" .") or "source"
    cleaned = _DOC_EXT.sub("", cleaned).strip(" .") or "source"
    # a source named as a Windows device ('CON', 'nul': an interview id exported as a source's name) was written as
    # sources/CON.txt, which Windows cannot make, and where writing it writes to the device
    return windows_safe_name(cleaned[:120].rstrip(" ."))


def _check_import_folder(out: Path, study: str | None) -> None:
    """Refuse an OUTDIR that is a file, or a study folder or a folder inside one (the --study folder or any
    folder holding a study.yaml, at or above OUTDIR): codebook.yaml, codings.csv and sources/ do not belong
    among a study's inputs, where a codebook.yaml the study names would be moved aside and replaced."""
    if out.exists() and not out.is_dir():
        raise InputError(f"{out} is a file - expected a folder to write the imported project into")
    real = Path(os.path.realpath(out))
    if study is not None:
        folder = Path(os.path.realpath(study))
        if real == folder or folder in real.parents:
            raise InputError(f"{out} {in_study_words(real, folder, study)}; write the imported project elsewhere")
    folder = study_folder_above(out)
    if folder is not None:
        raise InputError(f"{out} {in_study_words(real, folder, folder)} (it holds study.yaml); write the "
                         "imported project elsewhere")
    if (other := other_kind_refusal(out, out, "import-qdpx", "write the imported project into another folder")):
        raise InputError(other)
    sources = out / "sources"
    if sources.is_symlink() or (sources.exists() and not sources.is_dir()):
        # the source texts were written through the link, into a folder of the user's outside OUTDIR (a file in
        # its place was told only as a failure to make the folder); a file linked is moved to a .bak, never followed
        what = f"a link to {os.readlink(sources)}" if sources.is_symlink() else "a file"
        raise InputError(f"{sources}: {what} - expected no such name, or the folder of source texts an earlier "
                         "import wrote (the texts are written into it): move it away or write the imported project "
                         "into another folder")
    marker = out / OUTPUT_MARKER
    if (marker.exists() or marker.is_symlink()) and output_kind(out) is None:  # never written over
        raise InputError(f"{marker}: impact keeps the kind of the folder here, but this file is not impact's - "
                         "expected no such file or one impact wrote; move it away or write the imported project "
                         "into another folder")


def run_import(args) -> int:
    from ..qdpx import QdpxWarning, read_qdpx, study_codings_from_project

    out = Path(args.outdir)
    tilde = literal_tilde(args.outdir)
    if tilde:
        raise InputError(tilde)
    _check_import_folder(out, args.study)
    # the path as given ('p.qdpx: file not found' named the file alone, for '~/p.qdpx' or 'exports/p.qdpx' too)
    check_input_file(args.file, expected=" - expected a .qdpx project (a REFI-QDA export of NVivo, ATLAS.ti, MAXQDA...)")
    notes: list[str] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", QdpxWarning)
        project = read_qdpx(args.file, missing=args.missing, positions=args.positions)
        coded, codebook = None, None
        if len(project.codes):
            study = None
            if args.study:
                study = load_study(args.study)
            codebook_arg = args.codebook
            if codebook_arg:
                from ..coding import Codebook

                codebook_arg = Codebook.load(codebook_arg)
            coded, codebook = study_codings_from_project(project, study=study, codebook=codebook_arg)
    # a warning the project's own issues carry too (the positions' counting) is said once, as its issue (listed below)
    told = [f": {m}" for m in project.issues["message"]]
    notes += [f"warning: {w.message}" for w in caught if issubclass(w.category, QdpxWarning)
              and not any(str(w.message).endswith(m) for m in told)]
    _check_import_folder(out, args.study)  # again: the folder may have changed while the project was read
    with rolled_back_on_failure() as changes:  # a failure part-way leaves the folder as it was
        report, path = _write_import(project, coded, codebook, out, notes, changes, source=Path(args.file).name)
    say(args, *report[2:], "report: " + str(path))
    return 0


def _write_import(project, coded, codebook, out: Path, notes: list[str], changes: Rollback, *,
                  source: str) -> tuple[list[str], Path]:
    """Write an imported project's files into ``out`` (existing ones moved to a .bak); return the report and its path."""
    changes.mkdir(out)  # only once the archive has been read safely
    written, files, same = [], [], []

    def put(rel: str, write, report_notes: list[str] = notes) -> None:
        files.append(rel)
        if not _write_changed(out / rel, write, report_notes, changes):
            same.append(rel)

    if coded is not None:
        put("codings.csv", lambda path: write_table(coded, path))
        written.append(f"codings.csv ({_counted(len(coded), 'coding')} by {_counted(coded['coder'].nunique(), 'coder')})")
        put("codebook.yaml", codebook.to_yaml)
        written.append(f"codebook.yaml ({_counted(len(codebook.code_ids), 'code')})")
    texts = project.sources[project.sources["text"].notna()]
    used: set[str] = set()
    if len(texts):
        changes.mkdir(out / "sources")
    for r in texts.itertuples(index=False):
        name = _safe_name(r.name if isinstance(r.name, str) else r.source_guid)
        while name.lower() in used:
            name = f"{name}_{r.source_guid[:8]}"
        used.add(name.lower())
        put(f"sources/{name}.txt", lambda path, text=r.text: atomic_write_text(path, text))
    if len(texts):
        written.append(f"sources/ ({len(texts)} text files)")
    cases = _cases_wide(project)
    put("cases.csv", lambda path: write_table(cases, path))
    written.append(f"cases.csv ({_counted(len(cases), 'case')})")
    report = [f"Imported {source} ({project.origin or 'unknown program'}): {project!r}", ""]
    report += [f"wrote {w}" for w in written] + notes
    report += [f"{r.severity}: {r.item}: {r.message}" for r in project.issues.itertuples(index=False)]
    put("report.txt", lambda path: atomic_write_text(path, "\n".join(report) + "\n"), [])
    if same:  # said, not written in report.txt: a project imported again gives the same report.txt
        report.append(f"{_counted(len(same), 'file')} unchanged, left as they were (no backup made)")
    # the folder's kind, so that `impact run --out` here (or an import into a report) is refused by name
    changes.will_write(out / OUTPUT_MARKER)
    _write_output_manifest(out, kind="import-qdpx", files=files)
    return report, out / "report.txt"


def _cases_wide(project) -> pd.DataFrame:
    cases = project.cases[["case_guid", "name"]]
    if len(project.case_variables):
        wide = project.case_variables.pivot_table(index="case_guid", columns="variable", values="value", aggfunc="first")
        cases = cases.merge(wide.reset_index(), on="case_guid", how="left")
    members = (project.case_sources.groupby("case_guid", observed=True)["source_guid"].agg(";".join)
               .rename("source_guids"))
    return cases.merge(members.reset_index(), on="case_guid", how="left")


def _check_export_paths(args) -> None:
    """Refuse an export FILE inside the study, a folder, or an existing file without --overwrite; the same for
    the codebook files written beside it, except that existing ones are moved to a .bak (never refused)."""
    from ..qdpx import codebook_csv_path

    overwrite = getattr(args, "overwrite", False)  # also called with a hand-made Namespace (without the flag)
    file = check_output_file(args.file, study=args.study, overwrite=overwrite)
    qdc = file.with_suffix(".qdc")
    if qdc.name.lower() == file.name.lower():
        raise InputError(f"{file}: ends in .qdc, the name of the codebook file written beside the project - "
                         "expected a .qdpx file name")
    check_output_file(file, overwrite=True, suffixes=(".qdpx",), what="the REFI-QDA project")
    for side in (qdc, codebook_csv_path(qdc)):
        check_output_file(side, study=args.study, overwrite=True)


def _coder_and_file(spec: str) -> tuple[str, str]:
    """The coder named and the file of one ``--coded [CODER=]FILE`` ("" where no coder is named, or a file whose own
    name holds '='); a name given empty, blank, on two lines or too long is refused (it would silently become the
    file's name, or a user no QDA program shows)."""
    from ._options import name_refused

    if not spec.strip():
        raise InputError(f"--coded {spec!r} - expected [CODER=]FILE: a coded file, named CODER or after the file")
    try:
        named = "=" in spec and not Path(spec).exists()
    except OSError:  # a name too long for the file system is no file's name: CODER=FILE
        named = True
    if not named:
        return "", spec
    name, _, file = spec.rpartition("=")
    if (why := name_refused(name, "a coder's name", plural="coders", empty=" before '=' (--coded CODER=FILE; "
                            "--coded FILE names the coder after the file)")) is not None:
        shown = spec if len(spec) <= 120 else f"{spec[:40]}...{spec[-60:]}"  # a paste is not told back whole
        raise InputError(f"--coded {shown!r}: {why}")
    if not file.strip():
        raise InputError(f"--coded {spec!r}: no file after '=' - expected CODER=FILE, the coded file of {name.strip()!r}")
    return name.strip(), file  # as a coder column's names are read


def _read_coded_files(specs: list[tuple[str, str, str]], study, codebook) -> dict[str, pd.DataFrame]:
    """Each ``--coded`` file (keyed by the option's value as typed), checked as ``impact run --coded`` checks one
    (:func:`impact.codings.read_codings`): every cell that cannot be read, code not in the codebook, unit or interview
    not of the study, span outside its text, as ``file:row:column: 'value' - expected ...``, the problems of all the
    files in one error; then read as coded output (:func:`impact.coding.read_coded`).  A file that cannot be read
    at all (missing, empty, binary, another format, without the coded columns) is refused in the words of the
    coded-file reader, naming the option as typed."""
    from ..coding import Codebook
    from ..coding.coded_io import coded_from_cells, read_coded_cells
    from ..codings import CODES_EXPECTED, codes_nothing, codings_from_cells
    from ..errors import ValidationError

    codes = list((codebook if codebook is not None else Codebook.for_study(study)).code_ids)
    problems, refused, read = [], [], {}
    for spec, _, file in specs:
        try:
            # read once (it was read twice, as codings and as coded output), as the coded file's reader reads it:
            # CSV or Parquet here, a file that cannot be read at all refused in its words
            cells = read_coded_cells(file)
            try:
                codings = codings_from_cells(cells.copy(), study, source=Path(file).name, codes=codes)
            except ValidationError as exc:
                problems += exc.problems + exc.warnings  # told together, as the file's reader tells them
                refused.append(spec)
                continue
            if codes_nothing(codings):  # a header row alone: a coder of no codings, as impact run --coded says
                raise InputError(f"{file}: holds no codings and names no interview checked - expected {CODES_EXPECTED}")
            read[spec] = coded_from_cells(cells, file)
        except ImpactError as exc:  # a file of one of several --coded: which one, as typed
            raise InputError(f"--coded {spec}: {exc}") from None
    if problems:
        raise ValidationError(problems, source=f"--coded {', --coded '.join(refused)}")
    return read


def run_export(args) -> int:
    from .._frames import shared_attr
    from ..coding import Codebook
    from ..qdpx import (
        codebook_csv_path,
        project_from_study,
        write_codebook_csv,
        write_qdc,
        write_qdpx,
    )
    from ..schema import name_problem, spelt_two_ways

    _check_export_paths(args)
    study = load_study(args.study)
    codebook = Codebook.load(args.codebook) if args.codebook else None
    specs = [(spec, *_coder_and_file(spec)) for spec in args.coded]
    read = _read_coded_files(specs, study, codebook)
    coded: dict[str, pd.DataFrame] = {}
    given: dict[str, str] = {}  # each coder's --coded
    for spec, name, file in specs:
        data = read[spec]
        rows = list(data.attrs.get("rows") or range(2, len(data) + 2))  # each row's row in the file
        data = data.reset_index(drop=True)
        by_column = "coder" in data.columns and not name
        if by_column:  # ' ann' is ann, as the coded-file reader takes it
            data["coder"] = data["coder"].fillna("").astype(str).str.strip()
            refuse_blank_cells(data["coder"], rows, where=Path(file).name, column="coder", what="a coder's name")
        parts = ({coder: part.drop(columns="coder") for coder, part in data.groupby("coder", sort=False, observed=True)}
                 if by_column else {name or Path(file).stem: data})
        for coder, part in parts.items():
            part.attrs = {"source": Path(file).name, "rows": shared_attr([rows[i] for i in part.index])}
            if (why := name_problem(coder, noun="a coder's name", plural="coders")) is not None:
                where = f"{Path(file).name}:{part.attrs['rows'][0]}:coder" if by_column else f"--coded {spec!r}"
                raise InputError(f"{where}: {coder!r} - expected {why}")
            if coder in coded:  # merged, two coders' codings would be one coder's, or one lost
                raise InputError(f"--coded {spec}: the coder {coder!r} is also given by an earlier --coded - expected "
                                 "each coder once: name them (--coded CODER=FILE)")
            coded[coder] = part
            given[coder] = spec
    if two := spelt_two_ways(((c, f"in --coded {spec!r}") for c, spec in given.items()), plural="coders"):
        raise InputError("\n  ".join(["coders named as another is:"] + [
            f"--coded {given[name]!r}: {name!r} - expected {expected}" for name, _, expected in two]))
    project = project_from_study(study, coded_by_coder=coded, codebook=codebook)
    _check_export_paths(args)  # again: a file may have appeared meanwhile
    notes: list[str] = []
    qdc = Path(args.file).with_suffix(".qdc")
    csv_file = codebook_csv_path(qdc)
    with rolled_back_on_failure() as changes:  # the codebook files are put back if the project cannot be written
        same = [f.name for f, write in ((qdc, lambda p: write_qdc(project, p, csv_path=False)),
                                        (csv_file, lambda p: write_codebook_csv(project, p)))
                if not _write_changed(f, write, notes, changes)]  # an unchanged one is left as it was, no .bak
        path = write_qdpx(project, args.file, positions=args.positions, bom=args.bom)  # last: it is not backed up
    say(args, f"wrote {path}: {_counted(len(project.sources), 'transcript')}, {_counted(len(project.codes), 'code')}, "
              f"{_counted(len(project.codings), 'coding')} by {_counted(len(coded), 'coder')}, "
              f"{_counted(len(project.cases), 'council')} as cases")
    say(args, f"wrote {qdc.name} (the codebook, REFI-QDA) and {csv_file.name} (the codebook as CSV, for Taguette)")
    for note in notes:
        print(note)
    if same:
        say(args, f"{' and '.join(same)} unchanged, left as {'they were' if len(same) > 1 else 'it was'} (no backup made)")
    return 0

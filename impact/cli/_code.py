"""``impact code STUDY --out FILE``: segment a study's transcripts and code them with a codebook's rules."""

from __future__ import annotations

from .._words import _counted
from ._options import (
    CODEBOOK_PATH,
    a_path,
    add_overwrite,
    bounded_int,
    check_output_file,
    examples,
    load_study,
    say,
    study_folder,
)

_CONTEXT = ["interview_id", "council_id", "participant_id", "wave", "turn", "speaker"]


def register(sub) -> None:
    p = sub.add_parser("code", help="code interview transcripts with a codebook (CSV or Parquet out)",
                       epilog=examples("impact code my-study --out coded.csv",
                                       "impact code my-study --out themes.parquet --codebook review_themes --jobs 4",
                                       "impact code my-study --out turns.csv --speakers all   # interviewers' turns "
                                       "too"))
    p.add_argument("study", type=study_folder, help="study folder (holding study.yaml)")
    p.add_argument("--codebook", default=None, type=CODEBOOK_PATH,
                   help="bundled codebook name or YAML path (default: the study's codebook, else nfer_impacts)")
    p.add_argument("--speakers", choices=["respondent", "all"], default="respondent",
                   help="code respondent speech only (default) or every turn (the interviewer's segments as "
                   "INTERVIEW:i1, i2, ...; the respondent's keep their ids)")
    p.add_argument("--out", required=True, type=a_path("the coded file to write"), help="output file: .csv, or .parquet (needs pyarrow)")
    p.add_argument("--jobs", type=bounded_int(1, 64), default=None, help="worker processes for large studies, 1 to 64 (default: 1, in this process)")
    add_overwrite(p)
    p.set_defaults(func=run)


#: What --out must name: a coded file, told before whether it exists (--overwrite would not mend its name).
_CODED_OUT = {"suffixes": (".csv", ".parquet", ".pq"), "what": "the coded file"}


def run(args) -> int:
    from ..coding.codebook import Codebook  # imported here: keeps `impact --help` fast
    from ..coding.coded_io import coded_format, write_coded
    from ..coding.rules import RuleCoder
    from ..coding.segment import segment

    overwrite = getattr(args, "overwrite", False)  # also called with a hand-made Namespace (without the flag)
    # before the work, on a bad --out (a folder is told as a folder, not as a name without .csv), then its extension
    check_output_file(args.out, study=args.study, overwrite=overwrite, **_CODED_OUT)
    coded_format(args.out)  # fail early on a bad extension or missing pyarrow
    study = load_study(args.study)
    codebook = Codebook.for_study(study, args.codebook)
    segments = segment(study, speakers=args.speakers)
    coder = RuleCoder(codebook, n_jobs=args.jobs)
    coded = coder.code(segments, progress=True)
    context = segments[["segment_id"] + [c for c in _CONTEXT if c in segments.columns]]
    table = coded.merge(context.rename(columns={"segment_id": "unit"}), on="unit", how="left", validate="many_to_one")
    table = table.assign(codebook=codebook.id, codebook_version=codebook.version, codebook_hash=codebook.hash)
    check_output_file(args.out, study=args.study, overwrite=overwrite, **_CODED_OUT)  # again: it may have appeared meanwhile
    path = write_coded(table, args.out)
    n_interviews = segments["interview_id"].nunique() if len(segments) else 0
    found = table[~table["negated"]]
    say(args, f"coded {_counted(len(segments), 'segment')} from {_counted(n_interviews, 'interview')} with {codebook.id} "
              f"{codebook.version}: {_counted(len(found), 'code')} found ({int(table['negated'].sum())} negated) -> {path}")
    if len(found):
        counts = found["code"].value_counts().reindex(coder.code_ids_, fill_value=0)
        import pandas as pd

        say(args, pd.DataFrame({"segments": counts}).to_string())
    return 0

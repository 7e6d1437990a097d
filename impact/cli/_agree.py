"""``impact agree CODED [CODED ...] --out FILE``: intercoder agreement per code (and wave)."""

from __future__ import annotations

import math
import os
import sys
import warnings
from typing import TYPE_CHECKING

from .._io import check_input_file, tell_if_open_in_office
from .._words import _counted, _named, _verb
from ..errors import InputError, same_on, user_level
from ..schema import id_problem, spelt_two_ways, yes_no_hint
from ._options import (
    AGREE_KINDS,
    CODEBOOK_PATH,
    a_path,
    add_overwrite,
    check_output_file,
    choice_list,
    examples,
    load_study,
    refuse_blank_cells,
    say,
    study_folder,
    write_table,
)

if TYPE_CHECKING:
    import pandas as pd

#: What `--out` is (write_table writes CSV, or Excel where the name ends in .xlsx: a .parquet would be CSV text).
_TABLE_OUT = {"suffixes": (".csv", ".xlsx"), "what": "the agreement table (CSV, or Excel where it ends in .xlsx)"}


def _metric_names() -> tuple[str, ...]:
    from ..agreement import METRICS

    return METRICS

_BOOL = {"true": True, "1": True, "yes": True, "false": False, "0": False, "no": False, "": None}


def _number_or_blank(text: str) -> bool:
    text = text.strip()
    if not text:
        return True
    try:
        return math.isfinite(float(text))
    except ValueError:
        return False


def _grouping(text: str) -> str:
    """An argparse ``type`` for ``--by``: comma-separated column names, the spaces around each taken off (``code,
    wave`` is code and wave, not a column ' wave'); a column named twice is refused (the table had two columns of one
    name, which a spreadsheet or pandas reads back as two columns).

    Examples
    --------
    >>> _grouping("code, wave")
    'code,wave'
    >>> _grouping("code,code")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: 'code,code': 'code' is named twice - expected each grouping column once
    """
    import argparse

    names = [t.strip() for t in text.split(",") if t.strip()]
    twice = [n for i, n in enumerate(names) if n in names[:i]]
    if twice:
        raise argparse.ArgumentTypeError(f"{text!r}: {twice[0]!r} is named twice - expected each grouping column once")
    return ",".join(names)


def register(sub) -> None:
    p = sub.add_parser("agree", help="intercoder agreement between coded files (people and machine coders)",
                       epilog=examples("impact agree ann.csv bob.csv --study my-study --out agreement.csv",
                                       "impact agree ann.csv bob.csv --study my-study --by code,wave --pairwise "
                                       "--out agreement.csv",
                                       "impact agree coded.csv reviewer.csv --study my-study --uncoded missing "
                                       "--out agreement.csv   # a review's decisions"))
    p.add_argument("coded", nargs="+", type=a_path("a coded file", read=True, accepts=AGREE_KINDS), help="coded CSV files from `impact code` (one per coder, or with a coder "
                   "column), or one long CSV with columns unit,coder,value")
    p.add_argument("--by", default="code", type=_grouping, help="comma-separated grouping columns (default: code; e.g. code,wave)")
    p.add_argument("--unit", choices=["segment", "document"], default="segment",
                   help="unit of agreement: each segment (default), or each interview (code present anywhere in it)")
    p.add_argument("--uncoded", choices=["absent", "missing"], default="absent",
                   help="a unit a coder gave no code: 'absent' (coded, no code applies; default) or 'missing' "
                        "(not coded: use it for the decisions of `impact review import`, made on the suggestions "
                        "shown only)")
    p.add_argument("--study", type=study_folder, help="study folder: its segments are the units (so agreement on absence counts; default: none, the units are "
                        "those the files name)")
    p.add_argument("--codebook", default=None, type=CODEBOOK_PATH,
                   help="codebook whose codes the files may hold: name or YAML path (default: the --study folder's, "
                        "else the bundled one the files' codebook column names, else nfer_impacts)")
    p.add_argument("--metrics", default=None, type=choice_list(_metric_names),
                   help="comma-separated metric names (default: all of impact.agreement.METRICS)")
    p.add_argument("--pairwise", action="store_true", help="also per pair of coders")
    p.add_argument("--out", required=True, type=a_path("the CSV to write"), help="CSV to write (one row per group x metric)")
    add_overwrite(p, study="the --study folder")
    p.set_defaults(func=run)


def read_coded(paths: list[str]) -> pd.DataFrame:
    """Coded CSVs as one long frame with a coder column (coder = file stem where the file has none)."""
    return read_coders(paths)[0]


def read_coders(paths: list[str], *, codes: list[str] | None = None,
                codebook: str = "the codebook of the --study folder") -> tuple[pd.DataFrame, list[str]]:
    """Coded CSVs as one long frame with a coder column, and every coder's name, those who coded nothing too.

    A file without a ``coder`` column is one coder, named after the file; with
    no rows, that coder coded nothing (and is still a coder).  The same file
    given twice, or a coder named after a file whose name another file also
    gives, is refused: merged, two coders would silently become one.  With
    ``codes`` (the codebook's), a code not among them is refused on its row of
    its file, every such row of every file in one error: a misspelt code is
    another code, with which no coder agrees.  ``codebook`` names the codebook
    in that error.
    """
    import pandas as pd

    from ..coding.coded_io import read_csv_cells  # imported here: keeps `impact --help` fast
    from ..codings import CodingsWarning

    frames: list[pd.DataFrame] = []
    unknown: list[str] = []  # codes not in the codebook, on their rows of every file
    kinds: list[str] = []
    files: dict[str, str] = {}  # real path -> as given
    coders: dict[str, tuple[str, bool]] = {}  # coder -> (file, named after the file)
    where: list[tuple[str, list[int]]] = []  # each frame's file and the row in it of each of its rows
    held: dict[tuple, str] = {}  # each file's rows (coder aside) -> the first file holding them
    for name in paths:
        path = check_input_file(name, expected=" - expected a coded CSV file")
        tell_if_open_in_office(path)  # open in Excel: read as last saved
        real = os.path.realpath(path)
        if real in files:
            raise InputError(f"{path}: given twice (also as {files[real]}) - expected each coder's file once")
        files[real] = str(path)
        df = read_csv_cells(path, expected="expected coded output (unit, code, ...) from `impact code` or "
                                           "`impact review import`, or a long CSV with columns unit, coder, value")
        kind = "coded" if {"unit", "code"} <= set(df.columns) else "long" if {"unit", "value"} <= set(df.columns) else None
        if kind is None:
            lacking = [c for c in ('unit', 'code') if c not in df.columns]
            other = [c for c in df.columns if c.strip().lower().replace(" ", "_") in lacking]  # 'Unit', 'Code'
            raise InputError(f"{path}: lacks the {_named('column', lacking)} - "
                             "expected coded output (unit, code, ...) from `impact code` or `impact review import`, "
                             f"or a long file with columns unit, coder, value; found {list(df.columns)[:12]}"
                             + (f" ({', '.join(map(repr, other))}: column names are exact, lower case)" if other
                                else ""))
        for col in ("unit", "code", "coder", "value"):  # ids as the study's tables read them: " morale" is morale
            if col in df.columns:
                df[col] = df[col].str.strip()
        number = list(df.attrs.get("rows") or range(2, len(df) + 2))  # rows as a spreadsheet shows them
        bad = [f"{path}:{number[i]}:{col}: {v!r} - expected {what}{yes_no_hint(v) if 'number' in what else ''}"
               for col, what, ok in (
            *((c, "true or false (or 1/0, yes/no, blank)", lambda x: x.strip().lower() in _BOOL)
              for c in ("present", "negated", "hedged")),
            *((c, "a number (or blank)", _number_or_blank) for c in ("score", "start", "end")))
            if col in df.columns for i, v in enumerate(df[col]) if not ok(v)]
        # A unit, code or coder holding a character nobody sees (or a Cyrillic letter among Latin ones) is another unit, code or coder than the one it
        # looks like: the coders would seem to disagree where they agree.
        bad += [f"{path}:{number[i]}:{col}: {v!r} - expected {hidden}" for col in ("unit", "code", "coder")
                if col in df.columns for i, v in enumerate(df[col]) if (hidden := id_problem(v)) is not None]
        if bad:  # read as missing, they would change what is counted without a word
            raise InputError(f"{path}: {_counted(len(bad), 'value')} cannot be read:\n  " + "\n  ".join(bad[:50])
                             + (f"\n  ... and {len(bad) - 50:,} more" if len(bad) > 50 else ""))
        for col, what in (("unit", "a unit id"), ("coder", "a coder's name")):
            if col in df.columns:
                refuse_blank_cells(df[col], number, where=str(path), column=col, what=what)
        if frames and kind != kinds[0]:
            raise InputError(f"{path}: is {kind} data but {paths[0]} is {kinds[0]} data - expected every file in "
                             "one layout (coded output with unit and code, or long unit, coder, value)")
        kinds.append(kind)
        if codes is not None and kind == "coded":
            unknown.extend(_unknown_codes(df, number, codes, str(path)))
        from_stem = "coder" not in df.columns
        if from_stem:
            df["coder"] = path.stem
        names = [path.stem] if from_stem else list(dict.fromkeys(df["coder"]))
        if not names and {"decision", "row_id"} <= set(df.columns):  # `impact review import` of an unfilled workbook
            raise InputError(f"{path}: holds a reviewer's decisions but no rows: the review workbook it was imported "
                             "from had no decision filled in - expected the decisions: fill in the decision column "
                             "of the workbook (accept, reject or other), save it, run `impact review import` again, "
                             "then `impact agree`")
        if not names:
            raise InputError(f"{path}: has a coder column but no rows, so it names no coder - expected the rows of "
                             "each coder named in it (a file of one coder who coded nothing has no coder column: "
                             "it is named after the file)")
        for coder in names:
            other, other_from_stem = coders.get(coder, (None, False))
            if other is not None and (from_stem or other_from_stem):
                raise InputError(f"{path}: coder {coder!r} is also the coder of {other} - expected each coder in one "
                                 "file: rename one of the files (a file without a coder column is named after it)")
            coders.setdefault(coder, (str(path), from_stem))
        same = tuple(sorted(map(tuple, df.drop(columns="coder").astype(str).itertuples(index=False))))
        if same and (first := held.setdefault((tuple(c for c in df.columns if c != "coder"), same), str(path))) != str(
                path):  # a file copied under another name: a coder agreeing with themselves
            warnings.warn(f"{path}: holds the rows of {first}, row for row (its coder's aside): a file copied under "
                          "another name? Two coders who coded the same units alike agree fully; if one coder's file "
                          "was copied, agreement is overstated: give each coder's own file", CodingsWarning,
                          stacklevel=user_level())
        frames.append(df)
        where.append((str(path), number))
    if two := spelt_two_ways(((c, f"in {p}") for c, (p, _) in coders.items()), plural="coders"):
        raise InputError(f"one person named two ways would be two coders agreeing with themselves "
                         f"({_counted(len(two), 'name')} written otherwise than an earlier one):\n  " + "\n  ".join(f"{coders[name][0]}:coder: {name!r} - expected {expected}"
                                                        for name, _, expected in two))
    if unknown:
        raise InputError(f"{_counted(len(unknown), 'code')} not in {codebook}:\n  " + "\n  ".join(unknown[:50])
                         + (f"\n  ... and {len(unknown) - 50:,} more" if len(unknown) > 50 else ""))
    out = pd.concat(frames, ignore_index=True)
    out.attrs["files"] = {coder: path for coder, (path, _) in coders.items()}  # each coder's file, for messages
    out.attrs["rows"] = where  # each row's file and row in it (rows in order of the frames), for messages
    for col in ("score", "start", "end"):
        if col in out.columns:
            out[col] = pd.to_numeric(out[col].replace("", None), errors="coerce")
    for col in ("present", "negated", "hedged"):
        if col in out.columns:
            out[col] = out[col].str.strip().str.lower().map(_BOOL).astype("boolean")
    return out, list(coders)


def _codebook_named_in(paths: list[str]):
    """The bundled codebook the ``codebook`` column of coded files names (`impact code` writes it), or None: where no
    file has the column, where the files name two or more, or where the one named is no bundled codebook."""
    from ..coding import Codebook, available_codebooks
    from ..coding.coded_io import read_csv_cells

    names: set[str] = set()
    for name in paths:
        try:  # a plain file first: a pipe or a device is never opened here
            cells = read_csv_cells(check_input_file(name))
        except InputError:
            return None  # read_coders says what is wrong with the file
        if "codebook" in cells.columns:
            names |= {v.strip() for v in cells["codebook"] if v.strip()}
    if len(names) != 1 or (only := names.pop()) not in available_codebooks():
        return None
    return Codebook.load(only)


def _unknown_codes(df: pd.DataFrame, number: list[int], codes: list[str], path: str) -> list[str]:
    """Each row of one coded file whose code is not among ``codes``, as ``file:row:code: 'value' - expected ...``.

    One line a code, naming its rows.  A blank code is no code (a unit checked and found to hold none) and is not
    told here.
    """
    from ..codings import expected_codes
    from ..schema import did_you_mean

    allowed = set(codes)
    rows: dict[str, list[int]] = {}  # an unknown code -> its rows: one line each, naming the rows
    for i, v in enumerate(df["code"]):
        if v and v not in allowed:
            rows.setdefault(v, []).append(number[i])
    out = []
    for v, at in rows.items():
        more = f" ({same_on(at[1:])})" if len(at) > 1 else ""
        out.append(f"{path}:{at[0]}:code: {v!r} - expected {expected_codes(codes)}"
                   f"{did_you_mean(v, codes)}{more}")
    return out


def _refuse_unknown_units(data: pd.DataFrame, unknown: set[str], where: list[tuple[str, list[int]]],
                          study: str) -> None:
    """Every unit no segment of ``study`` has (a unit is a segment id: 'I1:3', 'I1:i2') as one error: a line for
    each unit in each file, ``file:row:unit: 'value' - expected ...``, naming the unit's other rows in that file."""
    rows: dict[tuple[str, str], list[int]] = {}  # (file, unit) -> its rows, in the order of the files and rows
    units = data["unit"].astype(str).tolist()
    at = 0
    for path, number in where:
        for i, row in enumerate(number):
            if units[at + i] in unknown:
                rows.setdefault((path, units[at + i]), []).append(row)
        at += len(number)
    said = []
    for (path, unit), found in rows.items():
        more = f" ({same_on(found[1:])})" if len(found) > 1 else ""
        said.append(f"{path}:{found[0]}:unit: {unit!r} - expected a segment of the study (segment ids as `impact code` "
                    f"writes them, e.g. 'I1:3', or 'I1:i2' for the interviewer's){more}")
    raise InputError(f"{_counted(len(unknown), 'unit')} of no segment of the study {study}: {_verb(unknown, 'was this', 'were these')} coded on another study "
                     "or another version of its transcripts?\n  " + "\n  ".join(said[:50])
                     + (f"\n  ... and {len(said) - 50:,} more" if len(said) > 50 else ""))


def _refuse_values_given_twice(data: pd.DataFrame, where: list[tuple[str, list[int]]]) -> None:
    """Every row of long data (unit, coder, value) giving a unit's value for a coder again, on the file and row it
    is on, as one error (agreement_table refuses it as a row of 'data', which names no file)."""
    place = [(path, row) for path, number in where for row in number]  # each row's file and row in it
    twice = data.duplicated(["unit", "coder"], keep=False).to_numpy()
    if not twice.any():
        return
    first: dict[tuple[str, str], tuple[str, int]] = {}
    said = []
    for i in twice.nonzero()[0]:
        key = (data["unit"].iloc[i], data["coder"].iloc[i])
        if (seen := first.setdefault(key, place[i])) != place[i]:
            said.append(f"{place[i][0]}:{place[i][1]}:value: {data['value'].iloc[i]!r} - expected one value per unit "
                        f"and coder (unit {key[0]!r}, coder {key[1]!r} has a value on {seen[0]}:{seen[1]} too)")
    raise InputError(f"{_counted(len(said), 'value')} given again for a unit and coder:\n  " + "\n  ".join(said[:50])
                     + (f"\n  ... and {len(said) - 50:,} more" if len(said) > 50 else ""))


def run(args) -> int:
    from ..agreement import (  # imported here: keeps `impact --help` fast
        METRICS,
        agreement_table,
        coding_to_units,
    )

    overwrite = getattr(args, "overwrite", False)  # also called with a hand-made Namespace (without the flag)
    check_output_file(args.out, study=args.study, overwrite=overwrite, inputs=args.coded, **_TABLE_OUT)
    from ..coding import Codebook
    from ..pipeline import supplied_codes

    study = None
    chosen = getattr(args, "codebook", None)  # also called with a hand-made Namespace (without the option)
    if args.study:
        study = load_study(args.study)
        book = Codebook.for_study(study, chosen)
        named = f"the codebook {book.id!r}" + (f" ({chosen})" if chosen else f" of the study {args.study}")
    elif chosen:
        book = Codebook.load(chosen)
        named = f"the codebook {book.id!r} ({chosen})"
    elif (book := _codebook_named_in(args.coded)) is not None:
        named = f"the codebook {book.id!r} (the files' codebook column names it; another with --codebook FILE)"
    else:
        book = Codebook.nfer()
        named = f"the default codebook {book.id!r} (no --study or --codebook given: name yours with --codebook FILE)"
    # the codes `run --coded` takes: the codebook's, the review process's and the review themes'
    data, coders = read_coders(args.coded, codes=supplied_codes(book), codebook=named)
    rows_where = list(data.attrs.get("rows", []))
    if len(coders) < 2:  # a table of blanks ("no unit was coded by two or more coders") is no answer
        raise InputError(f"{', '.join(args.coded)}: {len(coders)} coder ({', '.join(map(repr, coders))}) - expected two "
                         "or more coders to compare: give one coded file per coder, or one file with a coder column "
                         "naming two or more")
    if data.empty:  # every coder coded nothing: no unit to compare (the table would be blank, "0 coders")
        raise InputError(f"{', '.join(args.coded)}: no rows in any file (each holds a header row alone) - expected "
                         "the coded rows of two or more coders to compare: give the files `impact code` or `impact "
                         "review import` wrote, with their rows")
    by = [c for c in args.by.split(",") if c]
    metrics = list(args.metrics or METRICS)
    if {"unit", "coder", "value"} <= set(data.columns) and "code" not in data.columns:
        _refuse_values_given_twice(data, rows_where)
        long = data.assign(value=data["value"].replace("", None))
        by = [c for c in by if c != "code"]
    else:
        if not {"unit", "code"} <= set(data.columns):
            raise InputError(f"{', '.join(args.coded)}: expected coded output (columns unit, code, ...) or a long "
                             f"file with columns unit, coder, value; found {list(data.columns)}")
        units = None
        if study is not None:
            from ..coding.segment import segment

            units = segment(study)
            given = set(data["unit"].astype(str))
            if not given <= set(units["segment_id"]):
                # files of `impact code --speakers all` code the interviewer's segments too ("I1:i2"): their units
                # are those of every speaker (the respondent's ids are the same either way)
                everyone = segment(study, speakers="all")
                unknown = given - set(everyone["segment_id"])
                if unknown:
                    _refuse_unknown_units(data, unknown, rows_where, args.study)
                units = everyone
        else:
            print("impact agree: no --study given: units no coder coded are left out, so agreement that a code "
                  "is absent there is not counted", file=sys.stderr)
        long = coding_to_units(data, units=units, unit_level=args.unit, uncoded=args.uncoded, coders=coders)
    missing = [c for c in by if c not in long.columns]
    if missing:
        from .._frames import lacking_hint

        groups = [c for c in long.columns if c not in ("unit", "coder", "value")]
        raise InputError(f"--by {args.by}: {_named('column', missing)} not available{lacking_hint(missing, groups)} - "
                         f"expected columns of {groups}, comma-separated")
    if over := [c for c in by if c in ("unit", "coder")]:  # a group of one unit, or of one coder: nothing to compare
        raise InputError(f"--by {args.by}: {_named('column', over)} cannot group agreement - expected grouping "
                         "columns other than unit and coder, which agreement is computed across (e.g. code,wave)")
    if "code" in long.columns and "code" not in by:  # each unit has a value per code: pooled, one coder's values clash
        raise InputError(f"--by {args.by}: expected code among the grouping columns (--by "
                         f"{','.join(['code', *by])}): a coded file gives each unit one value per code, so agreement "
                         "is computed code by code")
    table = agreement_table(long, by=by or None, metrics=metrics, pairwise=args.pairwise)
    check_output_file(args.out, study=args.study, overwrite=overwrite, inputs=args.coded, **_TABLE_OUT)  # again: it may have appeared meanwhile
    write_table(table, args.out)
    n_coders = long["coder"].nunique()
    checked = f" (codes checked against {named})" if "code" in data.columns else ""
    say(args, f"impact agree: {_counted(n_coders, 'coder')}, {_counted(long['unit'].nunique(), 'unit')}, "
              f"{_counted(len(table), 'row')} -> {args.out}{checked}")
    return 0

"""Disagreements between coders, an adjudication sheet, and the gold set it yields.

:func:`disagreements` lists the (unit, code) pairs on which coders gave
different values, with the text of the segment and of the segments around it.
:func:`write_disagreements_xlsx` writes them to an .xlsx with a drop-down for
the adjudicated decision; :func:`read_adjudication` reads the filled sheet
back (every bad cell reported, as :func:`impact.review.import_review` does)
and returns a gold set: the codes agreed by every coder plus those the
adjudicator judged present.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from . import _xlsx
from ._frames import as_text, key_strings, one_key
from ._io import merged_blanks, require_path
from ._tabular import restore_cell
from ._words import _counted
from .errors import ImpactWarning, InputError, Problem, ValidationError, user_level
from .schema import did_you_mean, missing_hint, yes_no_hint

__all__ = ["disagreements", "write_disagreements_xlsx", "read_adjudication", "ADJUDICATIONS"]

#: Decisions an adjudicator may choose.
ADJUDICATIONS: tuple[str, ...] = ("present", "absent", "unsure")

_COLUMNS = ("item_id", "unit", "code", "previous_text", "text", "next_text", "values", "coders_present",
            "coders_absent", "decision", "adjudicator", "notes")
_EDITABLE = ("decision", "adjudicator", "notes")
_READ_ONLY = tuple(c for c in _COLUMNS if c not in _EDITABLE)
_SHEET, _AGREED, _ORIGINAL, _META, _README = "adjudicate", "agreed", "_original", "_meta", "README"
_AGREED_ORIGINAL = "_agreed_original"  # the 'agreed' sheet as exported, hidden, against which it is checked
_FORMAT = "impact-adjudication 1"


def _context(segments: pd.DataFrame, context: int) -> pd.DataFrame:
    """previous_text / next_text of each segment within its interview, in transcript order."""
    seg = segments.copy()
    seg["unit"] = key_strings(seg["segment_id"])  # as the coded units are read: a segment 1 is the unit 1.0
    if "interview_id" not in seg.columns:
        seg["interview_id"] = seg["unit"].str.rsplit(":", n=1).str[0]
    if "start" in seg.columns:
        order = pd.to_numeric(seg["start"], errors="coerce")
    else:
        order = pd.to_numeric(seg["unit"].str.rsplit(":", n=1).str[1], errors="coerce")
    seg = seg.assign(_order=order).sort_values(["interview_id", "_order"], kind="stable")
    text = seg["text"].fillna("").astype(str)
    grouped = text.groupby(seg["interview_id"], sort=False, observed=True)
    prev = [grouped.shift(k) for k in range(context, 0, -1)]
    nxt = [grouped.shift(-k) for k in range(1, context + 1)]
    seg["previous_text"] = _join(prev)
    seg["next_text"] = _join(nxt)
    seg["text"] = text
    return seg[["unit", "text", "previous_text", "next_text"]]


def _join(parts: list[pd.Series]) -> pd.Series:
    frame = pd.concat(parts, axis=1)
    return frame.apply(lambda r: "\n".join(v for v in r if isinstance(v, str)), axis=1)


def _listed(grouped) -> pd.DataFrame:
    """Per unit (x code) of ``grouped`` (rows with ``_c`` the coder and ``_v`` the value as text): how many coders,
    "coder=value; ...", and the coders whose value is 1 and 0."""
    return pd.DataFrame({
        "n_coders": grouped["_c"].nunique(),
        "values": grouped.apply(lambda g: "; ".join(f"{c}={v}" for c, v in zip(g["_c"], g["_v"], strict=True)),
                                include_groups=False),
        "coders_present": grouped.apply(lambda g: ";".join(g.loc[g["_v"] == "1", "_c"]), include_groups=False),
        "coders_absent": grouped.apply(lambda g: ";".join(g.loc[g["_v"] == "0", "_c"]), include_groups=False),
    }).reset_index()


def disagreements(data: pd.DataFrame, *, segments: pd.DataFrame | None = None, unit: str = "unit",
                  coder: str = "coder", value: str = "value", code: str | None = "code",
                  context: int = 1) -> pd.DataFrame:
    """The units (x codes) on which coders disagree, with surrounding text.

    Parameters
    ----------
    data : DataFrame
        Long data, one row per unit x coder (x code), such as the output of
        :func:`impact.agreement.coding_to_units`.  Missing values are ignored.
    segments : DataFrame, optional
        Segments (``segment_id``, ``text``, ``interview_id``, ``start``) for
        the text of each unit and its neighbours within the interview.
    unit, coder, value : str
        Column names.
    code : str or None
        Column of code ids (None when the data are a single variable).
    context : int
        How many segments before and after to show.

    Returns
    -------
    DataFrame
        ``unit, code, n_coders, values`` ("coder=value; ..."),
        ``coders_present``/``coders_absent`` (coders whose value is 1 / 0,
        for binary data), the grouping columns of ``data`` that are constant
        within a unit (such as ``interview_id``, ``wave``), and with
        ``segments``: ``previous_text, text, next_text``.

    Raises
    ------
    ValueError
        If ``context`` is not a whole number of at least 0, or ``segments`` lacks a column it needs.

    Examples
    --------
    >>> import pandas as pd
    >>> d = pd.DataFrame({"unit": ["I1:1", "I1:1", "I1:2", "I1:2"], "coder": ["ann", "bot"] * 2,
    ...                   "code": "morale", "value": [1, 0, 1, 1]})
    >>> seg = pd.DataFrame({"segment_id": ["I1:1", "I1:2"], "text": ["We felt valued.", "Morale rose."]})
    >>> t = disagreements(d, segments=seg)
    >>> t[["unit", "values", "next_text"]].values.tolist()
    [['I1:1', 'ann=1; bot=0', 'Morale rose.']]
    """
    from .agreement import _check_columns

    keys = [unit] + ([code] if code else [])
    _check_columns(data, [*keys, coder, value])  # a column named twice or a MultiIndex failed inside pandas
    if not isinstance(context, int) or context < 0:
        raise ValueError(f"The value for `context` must be a whole number >= 0, but {context!r} was passed.")
    _refuse_infinite(data, value, [*keys, coder])
    d = data[data[value].notna()].copy()
    d["_v"] = d[value].map(_value_text)
    d["_c"] = as_text(d[coder])  # a missing coder stays missing under pandas 2 (not a coder named 'nan')
    n_values = d.groupby(keys, sort=False, observed=True)["_v"].nunique()
    bad = n_values[n_values > 1].index
    d = d.set_index(keys).loc[bad].reset_index() if len(bad) else d.iloc[0:0]
    d = d.sort_values([*keys, "_c"], kind="stable")
    if d.empty:  # no unit on which coders disagree (or no value at all): apply() on no group failed inside pandas
        out = pd.DataFrame({**{k: pd.Series(dtype=d[k].dtype) for k in keys}, "n_coders": pd.Series(dtype="int64"),
                            **{c: pd.Series(dtype=object) for c in ("values", "coders_present", "coders_absent")}})
    else:
        out = _listed(d.groupby(keys, sort=True, observed=True))
    extra = [c for c in data.columns if c not in {*keys, coder, value} and c not in out.columns]
    if extra and len(d):
        constant = [c for c in extra if (d.groupby(unit, observed=True)[c].nunique(dropna=False) <= 1).all()]
        out = out.merge(d.drop_duplicates(unit)[[unit, *constant]], on=unit, how="left")
    if code is None:
        out.insert(1, "code", "")
    out = out.rename(columns={unit: "unit", code or "code": "code"})
    out["unit"] = key_strings(out["unit"])  # a unit 1.0 (a float column) is the segment 1, not the text '1.0'
    if segments is not None:
        for col in ("segment_id", "text"):
            if col not in segments.columns:
                raise ValueError(f"`segments` has no column {col!r}; it has {list(segments.columns)}.")
        out = out.merge(_context(segments, context), on="unit", how="left")
    return out.reset_index(drop=True)


def _refuse_infinite(data: pd.DataFrame, value: str, keys: list[str]) -> None:
    """Refuse infinite values of ``value``, every row named (its spreadsheet row, as ``data`` would be written with a
    header, and its unit, code and coder): ``int(inf)`` raised a bare OverflowError, naming neither."""
    cells = data[value]
    if pd.api.types.is_float_dtype(cells.dtype):
        inf = np.isinf(cells.to_numpy(dtype="float64", na_value=np.nan))
    elif cells.dtype == object:
        inf = np.array([isinstance(v, (float, np.floating)) and bool(np.isinf(v)) for v in cells.tolist()], dtype=bool)
    else:
        return
    if inf.any():
        problems = [Problem("data", int(pos) + 2, value, str(cells.iloc[pos]),
                            "a finite value (1 present, 0 absent) for "
                            + ", ".join(f"{k} {data[k].iloc[pos]!r}" for k in keys)
                            + "; leave it blank where there is none")
                    for pos in np.flatnonzero(inf)]
        raise ValidationError(problems, source="disagreements data")


def _value_text(v: object) -> str:
    """A coder's value as text: a flag as 1 or 0, a whole-number float (of any width) as the integer."""
    if isinstance(v, (bool, np.bool_)):
        return str(int(v))
    return one_key(v)


_README_TEXT = [
    "How to adjudicate coding disagreements",
    "Each row of the 'adjudicate' sheet is one code on one segment where the coders disagreed: 'values' shows "
    "each coder's decision (1 = code present, 0 = absent); 'text' is the segment, with the segments before and "
    "after it for context.",
    "Choose in 'decision': present (the code applies), absent (it does not), or unsure (leave it out of the gold "
    "set).  Put your name in 'adjudicator' and anything else in 'notes'.",
    "The 'agreed' sheet lists what every coder agreed on; it joins the gold set as it is.",
    "Please do not edit the grey columns, delete or add rows or columns, or rename sheets.",
    "Then run read_adjudication(FILE) (impact.disagreements) to get the gold set.",
]


def write_disagreements_xlsx(table: pd.DataFrame, path: str | os.PathLike, *, data: pd.DataFrame | None = None,
                             unit: str = "unit", coder: str = "coder", value: str = "value",
                             code: str = "code") -> Path:
    """Write disagreements to an .xlsx for adjudication (atomically).

    Parameters
    ----------
    table : DataFrame
        Output of :func:`disagreements`.
    path : path-like
        The .xlsx to write.
    data : DataFrame, optional
        The long data behind ``table``; the (unit, code) pairs every coder
        agreed on go to the 'agreed' sheet, so that :func:`read_adjudication`
        returns a complete gold set.
    unit, coder, value, code : str
        Column names of ``data``.

    Returns
    -------
    Path

    Examples
    --------
    >>> import pandas as pd, pathlib, tempfile, impact
    >>> data = pd.DataFrame({"unit": ["I1:1", "I1:1", "I1:2", "I1:2"], "coder": ["ann", "bo"] * 2,
    ...                      "code": ["morale"] * 4, "value": [True, False, True, True]})
    >>> table = impact.disagreements(data)
    >>> path = impact.write_disagreements_xlsx(table, pathlib.Path(tempfile.mkdtemp()) / "adjudicate.xlsx", data=data)
    >>> path.suffix, len(table)
    ('.xlsx', 1)
    """
    from .study import refuse_swapped

    refuse_swapped(write_disagreements_xlsx, table=table, path=path)  # the path first: told so (newuser14)
    frame = pd.DataFrame({c: table[c] if c in table.columns else "" for c in _COLUMNS[1:]})
    frame.insert(0, "item_id", [f"d{i + 1:05d}" for i in range(len(frame))])
    for col in _EDITABLE:
        frame[col] = ""
    frame = frame.fillna("")
    wb = _xlsx.new_workbook(_README_TEXT)
    ws = wb.create_sheet(_SHEET)
    _xlsx.write_sheet(ws, frame, widths={"item_id": 9, "unit": 12, "code": 16, "previous_text": 40, "text": 60,
                                         "next_text": 40, "values": 20, "decision": 12, "adjudicator": 14,
                                         "notes": 40},
                      wrap={"previous_text", "text", "next_text", "notes", "values"}, editable=set(_EDITABLE),
                      hidden={"item_id"})
    _xlsx.add_choice(ws, "decision", frame, '"' + ",".join(ADJUDICATIONS) + '"', title="Decision",
                     prompt="present, absent or unsure")
    agreed = _agreed(data, unit, coder, value, code) if data is not None else pd.DataFrame(
        columns=["unit", "code", "value"])
    _xlsx.write_sheet(wb.create_sheet(_AGREED), agreed, widths={"unit": 14, "code": 18, "value": 8})
    kept = wb.create_sheet(_AGREED_ORIGINAL)
    _xlsx.write_sheet(kept, agreed)
    kept.sheet_state = "veryHidden"
    return _xlsx.finish_workbook(wb, path, original=frame[list(_READ_ONLY)], meta={"format": _FORMAT}, active=_SHEET)


def _agreed(data: pd.DataFrame, unit: str, coder: str, value: str, code: str) -> pd.DataFrame:
    d = data[data[value].notna()]
    keys = [unit, code]
    g = d.groupby(keys, sort=True, observed=True)[value]
    ok = (g.nunique() == 1) & (g.size() >= 2)
    first = g.first()[ok]
    return pd.DataFrame({"unit": key_strings(pd.Series(first.index.get_level_values(0))).to_numpy(),
                         "code": key_strings(pd.Series(first.index.get_level_values(1))).to_numpy(),
                         "value": [_value_text(v) for v in first.to_numpy()]})


def _agreed_edits(agreed: list, exported: list, file: str) -> list[Problem]:
    """The edits made to the read-only 'agreed' sheet, against its copy as exported: rows added (or a unit or code
    edited), a unit and code twice, a value changed, and rows deleted. Each went into the gold set as it stood (a row
    deleted, its code lost; a value turned from 1 to 0, a code made absent) without a word. Rows sorted or filtered
    are read as they are: each row is matched by its unit and code."""
    want = {(rec["unit"], rec["code"]): rec["value"] for _, rec in exported}
    seen: dict[tuple[str, str], int] = {}
    problems = []
    read_only = ("this sheet is read-only: it lists what every coder agreed on, and joins the gold set as it is; "
                 "undo the change, or write the workbook again")
    for row, rec in agreed:
        if rec["__formulas__"]:
            continue  # told as a formula
        key = (rec["unit"], rec["code"])
        if key not in want:
            problems.append(Problem(file, row, "unit, code", f"{key[0]}, {key[1]}",
                                    f"a unit and code of the sheet as exported (this row was added, or its unit or "
                                    f"code edited): {read_only}"))
        elif key in seen:
            problems.append(Problem(file, row, "unit, code", f"{key[0]}, {key[1]}",
                                    f"each unit and code once (row {seen[key]} has them too): {read_only}"))
        else:
            seen[key] = row
            if rec["value"] in ("0", "1") and rec["value"] != want[key]:
                problems.append(Problem(file, row, "value", rec["value"],
                                        f"the exported value {want[key]!r}: {read_only}"))
    gone = [key for key in want if key not in seen]
    if gone:
        shown = "; ".join(f"{u}, {c}" for u, c in gone[:10]) + (f" and {len(gone) - 10} more" if len(gone) > 10 else "")
        problems.append(Problem(file, None, "unit, code", shown,
                                f"every row as exported ({_counted(len(gone), 'row')} deleted, whose codes would be "
                                f"left out of the gold set): {read_only}"))
    return problems


def read_adjudication(path: str | os.PathLike, *, include_absent: bool = False) -> pd.DataFrame:
    """Read a filled adjudication sheet; return the gold set.

    Parameters
    ----------
    path : path-like
        Workbook written by :func:`write_disagreements_xlsx`.
    include_absent : bool
        Also return the (unit, code) pairs judged or agreed absent, with a
        ``present`` column; by default only codes present are returned.

    Returns
    -------
    DataFrame
        ``unit, code, source`` ("agreed" or "adjudicated"), ``adjudicator,
        notes`` (and ``present``): the long gold set that
        ``impact.evaluate_coder`` takes.

    Raises
    ------
    InputError
        If the file is not an adjudication workbook.
    ValidationError
        Listing every bad cell by sheet, row and column.

    Warns
    -----
    ImpactWarning
        When rows are undecided or "unsure" (left out of the gold set), or deleted.

    Examples
    --------
    >>> import pandas as pd, pathlib, tempfile, impact
    >>> data = pd.DataFrame({"unit": ["I1:1", "I1:1", "I1:2", "I1:2"], "coder": ["ann", "bo"] * 2,
    ...                      "code": ["morale"] * 4, "value": [True, False, True, True]})
    >>> table = impact.disagreements(data)
    >>> path = impact.write_disagreements_xlsx(table, pathlib.Path(tempfile.mkdtemp()) / "adjudicate.xlsx", data=data)
    >>> gold = impact.read_adjudication(path)  # nothing adjudicated yet: the agreed pairs only
    >>> gold.columns.tolist()
    ['unit', 'code', 'source', 'adjudicator', 'notes']
    """
    from .schema import true_or_false

    include_absent = true_or_false("include_absent", include_absent)
    require_path(path, "path", "an adjudication workbook (.xlsx)")
    path = Path(path)
    wb = _xlsx.open_workbook(path, required=[_SHEET, _AGREED, _ORIGINAL, _META], known=(_README,))
    meta = _xlsx.read_meta(wb)
    if meta.get("format") != _FORMAT:
        raise InputError(f"{path}: not an adjudication workbook (format {meta.get('format')!r}, expected {_FORMAT!r})")
    file = _xlsx.where(path, _SHEET)
    _, records, problems = _xlsx.read_rows(wb[_SHEET], file=file, expected=list(_COLUMNS))
    original = _xlsx.read_original(wb, _ORIGINAL, path, list(_READ_ONLY), "item_id")
    more, seen, checked = _xlsx.check_rows(records, original, file=file, id_col="item_id", read_only=_READ_ONLY)
    problems += more
    rows, undecided = [], []
    # a blank decision below one, with decisions further down: a merged cell's shape ('present' in the first row of
    # a group only) reads the rows below as undecided, so those are told with the hint
    gaps = _xlsx.undecided_runs(records, column="decision")
    hinted: dict[int, str] = {}
    for row, rec, orig, n_bad in checked:
        decision = rec["decision"].strip().lower()
        if "decision" in rec["__formulas__"]:
            continue  # told as a formula: its text is no decision to judge
        if not decision and row in gaps:
            hinted[row] = gaps[row]
        if decision and decision not in ADJUDICATIONS:
            # with the hints the review workbook gives ('presnet', 'TRUE', 'n/a'): the same person fills in both
            problems.append(Problem(file, row, "decision", rec["decision"], f"one of {', '.join(ADJUDICATIONS)}"
                                    + (yes_no_hint(rec["decision"], expects="present, absent or unsure",
                                                   write="present if the code applies, absent if it does not")
                                       or missing_hint(rec["decision"]) or did_you_mean(decision, ADJUDICATIONS))))
            continue
        if n_bad or orig is None:
            continue
        if decision in ("", "unsure"):
            undecided.append(rec["item_id"])
            continue
        rows.append({"unit": restore_cell(orig["unit"]), "code": restore_cell(orig["code"]),  # as the files hold them
                     "present": decision == "present",
                     "source": "adjudicated", "adjudicator": rec["adjudicator"], "notes": rec["notes"]})
    agreed_file = _xlsx.where(path, _AGREED)
    _, agreed, agreed_problems = _xlsx.read_rows(wb[_AGREED], file=agreed_file, expected=["unit", "code", "value"],
                                                 exact=("unit", "code"))  # as the coded files hold them
    problems += agreed_problems
    if _AGREED_ORIGINAL in wb.sheetnames and not agreed_problems:
        _, exported, _ = _xlsx.read_rows(wb[_AGREED_ORIGINAL], file=_xlsx.where(path, _AGREED_ORIGINAL),
                                         expected=["unit", "code", "value"], exact=("unit", "code"))
        problems += _agreed_edits(agreed, exported, agreed_file)
    merged = merged_blanks(["value"], agreed)  # a value in the first row of a group only: a merged cell's shape
    for row, rec in agreed:
        if rec["value"] not in ("0", "1") and "value" not in rec["__formulas__"]:
            problems.append(Problem(agreed_file, row, "value", rec["value"], "1 (present) or 0 (absent)"
                                    + merged.get(("value", row), "")))
            continue
        rows.append({"unit": restore_cell(rec["unit"]), "code": restore_cell(rec["code"]), "present": rec["value"] == "1",
                     "source": "agreed",
                     "adjudicator": "", "notes": ""})
    if problems:
        raise ValidationError(problems, source=str(path))
    deleted = sorted(set(original) - set(seen))
    if undecided or deleted:
        lines = _xlsx.runs_told(file, "decision", hinted, "read as undecided")
        warnings.warn(f"{path.name}: {_counted(len(undecided), 'row')} undecided or unsure and {len(deleted)} deleted are left "
                      "out of the gold set" + "".join(f"\n  {line}" for line in lines), ImpactWarning, stacklevel=user_level())
    gold = pd.DataFrame(rows, columns=["unit", "code", "present", "source", "adjudicator", "notes"])
    gold = gold.sort_values(["unit", "code"], kind="stable").reset_index(drop=True)
    if not include_absent:
        gold = gold[gold["present"]].drop(columns="present").reset_index(drop=True)
    return gold

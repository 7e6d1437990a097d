"""Review a machine coder's suggestions in Excel (or LibreOffice), and read the decisions back.

:func:`export_review` writes the suggestions, least certain first, to a
formatted workbook: a drop-down for the decision (``accept``, ``reject``,
``other``), a drop-down of code ids for "other code", a free-text notes
column, a README sheet explaining how to fill it in.  Read-only columns are
locked (no password: it guards against slips) and a hidden copy of them lets
:func:`import_review` notice any edit.

:func:`import_review` reads the decisions back and records the reviewer as a
coder.  Every cell is checked; every problem (a decision not in the list, an
unknown code id, a changed or deleted row id, a duplicated row, an edited
read-only cell, a formula, an added row or column) is reported by sheet, row
and column, all of them in one :class:`~impact.errors.ValidationError`.
Nothing a reviewer typed is dropped silently: notes are kept, and rows that
were deleted are reported as a warning.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from . import _xlsx
from ._frames import as_flags, as_text, distinct, key_strings, not_flags
from ._io import merged_blanks, require_path
from ._keywords import keyword_only
from ._made import made_hint
from ._tabular import restore_cell
from ._version import __version__
from ._words import _counted, _named, _verb
from .errors import (
    ImpactWarning,
    InputError,
    Problem,
    ValidationError,
    collapse_problems,
    user_level,
)
from .schema import did_you_mean, missing_hint, name_refused, yes_no_hint

__all__ = ["export_review", "import_review", "DECISIONS", "REVIEW_COLUMNS", "ReviewWarning"]

#: Decisions a reviewer may choose.
DECISIONS: tuple[str, ...] = ("accept", "reject", "other")

#: Columns of the review sheet, in order.
REVIEW_COLUMNS: tuple[str, ...] = (
    "row_id", "unit", "code", "label", "score", "uncertainty", "negated", "hedged", "attribution",
    "evidence", "text", "decision", "other_code", "notes",
)
_EDITABLE = ("decision", "other_code", "notes")
_READ_ONLY = tuple(c for c in REVIEW_COLUMNS if c not in _EDITABLE)
_NUMERIC = ("score", "uncertainty")
_SHEET, _ORIGINAL, _META, _CODES, _README = "review", "_original", "_meta", "codes", "README"
_FORMAT = "impact-review 1"


class ReviewWarning(ImpactWarning):
    """Something in a filled-in review that is not an error but should be known (such as deleted rows).

    Examples
    --------
    >>> import warnings, impact
    >>> issubclass(impact.ReviewWarning, impact.ImpactWarning)
    True
    >>> with warnings.catch_warnings(record=True) as caught:  # keep them to read, or "error" to stop at one
    ...     warnings.simplefilter("always", impact.ReviewWarning)
    ...     warnings.warn("a row left undecided", impact.ReviewWarning)
    >>> [type(w.message).__name__ for w in caught]
    ['ReviewWarning']
    """


def _codes_table(codebook, coded: pd.DataFrame) -> pd.DataFrame:
    if codebook is None:
        ids = sorted(distinct(coded["code"]))
        return pd.DataFrame({"code_id": ids, "label": ids, "definition": [""] * len(ids)})
    table = codebook.codes if hasattr(codebook, "codes") else codebook
    if not isinstance(table, pd.DataFrame) or "code_id" not in table.columns:
        raise TypeError("`codebook` must be an impact.Codebook or a DataFrame with a `code_id` column, "
                        f"but {type(codebook).__name__} was passed.")
    out = pd.DataFrame({"code_id": key_strings(table["code_id"])})
    out["label"] = as_text(table["label"]).to_numpy() if "label" in table.columns else out["code_id"]
    out["definition"] = table["definition"].fillna("").astype(str).to_numpy() if "definition" in table.columns else ""
    return out


def _review_frame(segments: pd.DataFrame, coded: pd.DataFrame, codes: pd.DataFrame,
                  uncertainty: str | None) -> pd.DataFrame:
    for name, df, cols in (("segments", segments, ["segment_id", "text"]), ("coded", coded, ["unit", "code"])):
        if not isinstance(df, pd.DataFrame):
            raise TypeError(f"`{name}` must be a pandas DataFrame, but {type(df).__name__} was passed.")
        missing = [c for c in cols if c not in df.columns]
        if missing:
            raise ValueError(f"`{name}` has no {_named('column', missing)}; it has {list(df.columns)}.")
    # ids compared as text, a whole number stored as a float as the integer (key_strings): segments with integer ids
    # went to the reviewer with no text (reindexed by the text '1'), coded units 1.0 were refused as unknown
    seg = segments.assign(segment_id=key_strings(segments["segment_id"])).drop_duplicates("segment_id")
    seg = seg.set_index("segment_id")
    c = coded.reset_index(drop=True).copy()
    c["unit"], c["code"] = key_strings(c["unit"]), key_strings(c["code"])
    blank = np.flatnonzero(c["unit"].isna().to_numpy())
    problems = [Problem("coded", int(i) + 2, "unit", "", "a segment_id of `segments`") for i in blank[:50]]
    unknown = sorted(set(c["unit"].dropna()) - set(seg.index.dropna()))
    problems += [Problem("coded", None, "unit", u, "a segment_id of `segments`") for u in unknown[:50]]
    score = pd.to_numeric(c["score"], errors="coerce") if "score" in c.columns else pd.Series(np.nan, index=c.index)
    # Every other problem too, each on its row (row 2 is the first of a coded CSV): a code the codebook does not
    # have would go to the reviewer without a label, a score outside [0, 1] with a wrong uncertainty.
    known = set(codes["code_id"].astype(str))
    for i, code in enumerate(c["code"].fillna("")):
        if known and code not in known:
            problems.append(Problem("coded", i + 2, "code", code, f"a code of the codebook ({', '.join(sorted(known))})"))
    if "score" in c.columns:
        given = c["score"].astype("string").fillna("").str.strip() != ""
        for i in np.flatnonzero(given.to_numpy() & ~score.between(0, 1).to_numpy()):
            problems.append(Problem("coded", int(i) + 2, "score", str(c["score"].iloc[i]), "a number from 0 to 1"))
    if {"start", "end"} <= set(c.columns):
        starts, ends = pd.to_numeric(c["start"], errors="coerce"), pd.to_numeric(c["end"], errors="coerce")
        for i in np.flatnonzero((starts > ends).to_numpy()):
            problems.append(Problem("coded", int(i) + 2, "end", str(c["end"].iloc[i]),
                                    f"a position at or after start ({c['start'].iloc[i]})"))
    for col in ("negated", "hedged"):  # 'False' (text) and 2 were shown to the reviewer as 'yes', a float32 NaN too
        if col in c.columns:
            problems += [Problem("coded", int(i) + 2, col, str(c[col].iloc[i]), "True/False or 1/0 (blank where it is "
                                 "not known), shown to the reviewer as yes or no") for i in np.flatnonzero(not_flags(c[col]))]
    if problems:
        raise ValidationError(problems, source="coded output")
    if uncertainty is None:
        unc = 1.0 - 2.0 * (score - 0.5).abs()
    else:
        if uncertainty not in c.columns:
            raise ValueError(f"`uncertainty` names column {uncertainty!r}, which `coded` does not have.")
        unc = pd.to_numeric(c[uncertainty], errors="coerce")
    text = seg["text"].reindex(c["unit"]).astype(str).to_numpy()
    evidence = [""] * len(c)
    if {"start", "end"} <= set(c.columns) and "start" in seg.columns:
        seg_start = pd.to_numeric(seg["start"]).reindex(c["unit"]).to_numpy()
        s = pd.to_numeric(c["start"], errors="coerce").to_numpy() - seg_start
        e = pd.to_numeric(c["end"], errors="coerce").to_numpy() - seg_start
        evidence = [t[int(a):int(b)] if np.isfinite(a) and np.isfinite(b) and 0 <= a <= b <= len(t) else ""
                    for t, a, b in zip(text, s, e, strict=True)]
    label = codes.set_index("code_id")["label"]
    out = pd.DataFrame({
        "unit": c["unit"],
        "code": c["code"],
        "label": label.reindex(c["code"]).fillna("").to_numpy(),
        "score": score.round(6),
        "uncertainty": unc.round(6),
        "negated": _yes_no(c["negated"]) if "negated" in c.columns else "",
        "hedged": _yes_no(c["hedged"]) if "hedged" in c.columns else "",
        "attribution": c["attribution"].fillna("").astype(str) if "attribution" in c.columns else "",
        "evidence": evidence,
        "text": text,
    })
    order = np.lexsort((np.arange(len(out)), -out["uncertainty"].fillna(-np.inf).to_numpy()))
    out = out.iloc[order].reset_index(drop=True)
    out.insert(0, "row_id", [f"r{i + 1:05d}" for i in range(len(out))])
    for col in _EDITABLE:
        out[col] = ""
    return out[list(REVIEW_COLUMNS)]


def _yes_no(values: pd.Series) -> np.ndarray:
    """Flags (checked by :func:`impact._frames.not_flags`) as the review sheet shows them: yes, no, blank where not
    known (the one flag rule, :func:`impact._frames.as_flags`: a missing value of any float width is not known)."""
    flags = as_flags(values, "`coded`")
    return np.where(flags.isna().to_numpy(), "", np.where(flags.fillna(False).to_numpy(dtype=bool), "yes", "no"))


_README_TEXT = [
    "How to review these coding suggestions",
    "Each row of the 'review' sheet is one code the machine coder suggested for one segment of an interview, "
    "least certain first (uncertainty 1 = a score of 0.5, a coin toss; 0 = a score of 0 or 1).",
    "Read 'text' (the segment) and 'evidence' (the words that triggered the code), then choose in 'decision':",
    "  accept - the code applies to this segment;",
    "  reject - the code does not apply;",
    "  other - a different code applies: choose it in 'other_code' (the list on the 'codes' sheet).",
    "Leave 'decision' blank for rows you did not review; they are not counted.",
    "Write anything else in 'notes' (free text, kept as typed).",
    "Please do not edit the grey columns, delete or add rows or columns, or rename sheets: "
    "the import checks them and reports every change by sheet, row and column.",
    "Save as .xlsx (Excel or LibreOffice), then run: impact review import THIS_FILE.xlsx --out decisions.csv",
]


def _refuse_swapped_frames(segments: object, coded: object) -> None:
    """Refuse ``segments`` or ``coded`` that is no table of its kind, saying which is which where the two were
    passed in each other's place (a KeyError 'code' deep inside before)."""
    for name, value in (("segments", segments), ("coded", coded)):
        if not isinstance(value, pd.DataFrame):
            raise TypeError(f"`{name}` must be a pandas DataFrame, but {type(value).__name__} was passed"
                            f"{made_hint(value, name)}.")
    needs = {"segments": (segments, ["segment_id", "text"]), "coded": (coded, ["unit", "code"])}
    missing = {name: [c for c in columns if c not in frame.columns] for name, (frame, columns) in needs.items()}
    if not any(missing.values()):
        return
    swapped = (not [c for c in needs["segments"][1] if c not in coded.columns]
               and not [c for c in needs["coded"][1] if c not in segments.columns])
    hint = (" (the two look passed in each other's place: the segments come first, then the coded output)"
            if swapped else "")
    name = "segments" if missing["segments"] else "coded"
    made_by = {"segments": "impact.segment", "coded": "a coder's .code() or impact.read_coded"}[name]
    raise InputError(f"`{name}` has no {_named('column', missing[name])} - expected the table {made_by} gives; it has "
                     f"{list(needs[name][0].columns)}{hint}")


@keyword_only("coded", "path")
def export_review(segments: pd.DataFrame, *, coded: pd.DataFrame, path: str | os.PathLike, codebook=None,
                  reviewer: str | None = None, uncertainty: str | None = None, limit: int | None = None) -> Path:
    """Write a machine coder's suggestions to an .xlsx for a person to review.

    Parameters
    ----------
    segments : DataFrame
        Segments (``segment_id``, ``text``, and ``start`` to place evidence).
    coded : DataFrame
        Coded output: ``unit`` (a segment_id), ``code``, ``score`` and
        optionally ``negated``, ``hedged``, ``attribution``, ``start``,
        ``end``.
    path : path-like
        The .xlsx to write (atomically: an interrupted write leaves any
        previous file intact).
    codebook : impact.Codebook or DataFrame, optional
        Codes offered for "other code" (default: the codes in ``coded``).
    reviewer : str, optional
        Reviewer's name, stored in the file (``import_review`` can override).
    uncertainty : str, optional
        Column of ``coded`` holding an uncertainty (higher = less certain);
        default ``1 - 2 * |score - 0.5|``.
    limit : int, optional
        Keep only the ``limit`` least certain suggestions.

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    InputError
        If ``coded`` is a reviewer's decisions (:func:`import_review`), not a
        coder's suggestions.

    Examples
    --------
    >>> import tempfile, pathlib, pandas as pd
    >>> seg = pd.DataFrame({"segment_id": ["I1:1", "I1:2"], "text": ["We felt valued.", "New plan."],
    ...                     "start": [0, 16]})
    >>> coded = pd.DataFrame({"unit": ["I1:1", "I1:2"], "code": ["morale", "plans_actions"], "score": [0.9, 0.55]})
    >>> p = export_review(seg, coded=coded, path=pathlib.Path(tempfile.mkdtemp()) / "review.xlsx", reviewer="ann")
    >>> import_review(p).empty  # nothing decided yet
    True
    """
    from .study import refuse_swapped

    refuse_swapped(export_review, segments=segments, coded=coded, codebook=codebook, path=path)
    _refuse_swapped_frames(segments, coded)
    if {"decision", "present"} <= set(coded.columns):  # import_review's rows: a rejection is a row too
        raise InputError("the coded output given holds a reviewer's decisions (columns decision and present, from "
                         "`impact review import`), whose rejected codes would be offered again as suggestions - "
                         "expected a coder's suggestions: the coded output of `impact code` (or a coder's .code())")
    reviewer = _reviewer_name(reviewer, "reviewer= (--reviewer on the command line)", "given")
    codes = _codes_table(codebook, coded)
    frame = _review_frame(segments, coded, codes, uncertainty)
    if limit is not None:
        frame = frame.head(int(limit))
    wb = _xlsx.new_workbook(_README_TEXT)
    ws = wb.create_sheet(_SHEET)
    _xlsx.write_sheet(ws, frame, widths={"row_id": 9, "unit": 12, "code": 16, "label": 22, "score": 8,
                                         "uncertainty": 11, "negated": 9, "hedged": 9, "attribution": 13,
                                         "evidence": 30, "text": 60, "decision": 12, "other_code": 18, "notes": 40},
                      wrap={"evidence", "text", "notes", "label"}, editable=set(_EDITABLE), hidden={"row_id"},
                      number_format={"score": "0.00", "uncertainty": "0.00"})
    ws.auto_filter.ref = f"A1:{ws.cell(row=1, column=len(REVIEW_COLUMNS)).column_letter}{len(frame) + 1}"
    _xlsx.add_choice(ws, "decision", frame, '"' + ",".join(DECISIONS) + '"', title="Decision",
                     prompt="accept, reject, or other (then choose other_code)")
    cws = wb.create_sheet(_CODES)
    _xlsx.write_sheet(cws, codes, widths={"code_id": 20, "label": 30, "definition": 80}, wrap={"definition"})
    _xlsx.add_choice(ws, "other_code", frame, f"{_CODES}!$A$2:$A${len(codes) + 1}", title="Other code",
                     prompt="a code id from the 'codes' sheet")
    meta = {"format": _FORMAT, "impact_version": __version__, "reviewer": reviewer or "",
            "created": _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat(),
            "codebook_id": getattr(codebook, "id", ""), "codebook_hash": getattr(codebook, "hash", ""),
            "codes": json.dumps([str(c) for c in codes["code_id"]])}  # the codes offered, against an edited sheet
    return _xlsx.finish_workbook(wb, path, original=frame[list(_READ_ONLY)], meta=meta, active=_SHEET)


def _codes_offered(wb, path: Path, meta: dict[str, str], problems: list[Problem]) -> set[str] | None:
    """The code ids the 'codes' sheet lists (None where it is gone), each one the workbook was exported with.

    The sheet is protected, but protection without a password is one click away: a code added to it is no code of
    the codebook the workbook was exported with (its hash is in the metadata), and would reach the decisions as a
    code no codebook defines. Such rows are problems (sheet, row, code_id) and not offered. Workbooks exported
    before the codes were kept in the metadata are read as before.
    """
    if _CODES not in wb.sheetnames:
        return None
    # each as exported: a code a spreadsheet would run as a formula ('-3', '=x') was written behind an apostrophe,
    # which came back with it, and the sheet's own codes were refused as added to it
    listed = [(row, restore_cell(_xlsx.cell_text(r[0]))) for row, r in
              enumerate(wb[_CODES].iter_rows(min_row=2, max_col=1, values_only=True), start=2)]
    codes = {code for _, code in listed} - {""}
    try:
        exported = set(json.loads(meta["codes"]))
    except (KeyError, ValueError, TypeError):
        return codes
    where = _xlsx.where(path, _CODES)
    for row, code in listed:
        if code and code not in exported:
            problems.append(Problem(where, row, "code_id", code, "a code of the codebook the workbook was exported "
                                    f"with ({meta.get('codebook_id') or 'its codes'}): this sheet is read-only; add a "
                                    "code to the codebook, then export the review again"))
    return codes & exported


def import_review(path: str | os.PathLike, *, reviewer: str | None = None) -> pd.DataFrame:
    """Read a filled-in review workbook; return the reviewer's decisions as codings.

    Parameters
    ----------
    path : path-like
        The workbook written by :func:`export_review`, filled in and saved by
        Excel or LibreOffice.
    reviewer : str, optional
        Name recorded in the ``coder`` column (default: the name stored at
        export).

    Returns
    -------
    DataFrame
        One row per decision: ``unit, code, coder, present, decision,
        suggested_code, score, notes, row_id, sheet_row``.  ``accept`` gives
        the suggested code with ``present`` True; ``reject`` gives it with
        ``present`` False; ``other`` gives the suggested code with ``present``
        False and the chosen code with ``present`` True.  Rows with notes but
        no decision are kept with decision ``"note"`` and ``present`` <NA>.  Rows left blank are not
        returned.  Pass the result to :func:`impact.agreement.coding_to_units`
        (rows with ``present`` False count as "looked at, absent").

    Raises
    ------
    InputError
        If the file is not a review workbook, or no reviewer is named.
    ValidationError
        Listing every cell that cannot be read (sheet, row, column, value, and
        what was expected).  Its ``partial`` attribute holds the decisions of
        the rows without problems.

    Warns
    -----
    ReviewWarning
        Rows deleted from the sheet, sheets added.

    Examples
    --------
    >>> import tempfile, pathlib, pandas as pd, impact
    >>> seg = pd.DataFrame({"segment_id": ["I1:1", "I1:2"], "text": ["We felt valued.", "New plan."], "start": [0, 16]})
    >>> coded = pd.DataFrame({"unit": ["I1:1", "I1:2"], "code": ["morale", "plans_actions"], "score": [0.9, 0.55]})
    >>> path = impact.export_review(seg, coded=coded, path=pathlib.Path(tempfile.mkdtemp()) / "review.xlsx")
    >>> decisions = impact.import_review(path, reviewer="ann")  # after the reviewer filled it in and saved it
    >>> decisions.empty  # nothing decided yet
    True
    """
    require_path(path, "path", "a review workbook (.xlsx)")
    path = Path(path)
    wb = _xlsx.open_workbook(path, required=[_SHEET, _ORIGINAL, _META], known=(_CODES, _README))
    meta = _xlsx.read_meta(wb)
    if meta.get("format") != _FORMAT:
        raise InputError(f"{path}: not a review workbook of this version (format {meta.get('format')!r}, "
                         f"expected {_FORMAT!r})")
    if reviewer is not None and reviewer.strip():
        name = _reviewer_name(reviewer, "reviewer= (--reviewer on the command line)", "given")
    else:
        name = _reviewer_name(meta.get("reviewer", ""), f"{path.name} (sheet {_META!r}):reviewer",
                              "stored at export")
    if not name:
        # told for every reader of the workbook (`impact run --coded`, which has no --reviewer, too: newuser8)
        raise InputError(f"{path}: no reviewer named (none was given at export) - expected the reviewer's name: "
                         f"`impact review import {path.name} --reviewer NAME --out decisions.csv` reads it with one "
                         "(give decisions.csv where this workbook was given), as import_review(..., reviewer=NAME) does")
    file = _xlsx.where(path, _SHEET)
    _, records, problems = _xlsx.read_rows(wb[_SHEET], file=file, expected=list(REVIEW_COLUMNS))
    original = _xlsx.read_original(wb, _ORIGINAL, path, list(_READ_ONLY), "row_id")
    more, seen, checked = _xlsx.check_rows(records, original, file=file, id_col="row_id", read_only=_READ_ONLY,
                                           numeric=_NUMERIC, added_hint=": add other codes with decision 'other' instead")
    codes = _codes_offered(wb, path, meta, problems)
    if codes is None and any(rec["other_code"].strip() for _, rec, _, _ in checked):  # one problem, not one per row
        problems.append(Problem(path.name, None, None, None, f"a sheet named {_CODES!r} listing the code ids, against "
                                f"which other_code is checked (it was deleted or renamed; the workbook has the sheets "
                                f"{[n for n in wb.sheetnames if wb[n].sheet_state == 'visible']}): name it "
                                f"{_CODES!r} again, or copy it back from the workbook as exported"))
    for extra in sorted(set(wb.sheetnames) - {_SHEET, _ORIGINAL, _META, _CODES, _README}):
        warnings.warn(f"{path.name}: sheet {extra!r} was added; its content is not read.", ReviewWarning, stacklevel=user_level())
    problems += more
    # a decision or code in the first row of a group only (cells merged, then unmerged or saved without the merge)
    # (a run of such blanks ends at a row where the blank is no mistake: undecided, or decided without another code)
    merged = {**merged_blanks(["decision"], [(r, x) for r, x in records if x["decision"] or x["other_code"]]),
              **merged_blanks(["other_code"], [(r, x) for r, x in records
                                               if x["other_code"] or x["decision"].strip().lower() == "other"])}
    # a blank decision below one, with decisions further down: read as left undecided, which a merged cell's shape
    # also gives ('reject' in the group's first row only), so told
    gaps = _xlsx.undecided_runs(records, column="decision")
    undecided: dict[int, str] = {}
    out: list[dict] = []
    for row, rec, orig, n_bad in checked:
        bad_before = len(problems) - n_bad
        decision = rec["decision"].strip().lower()
        other = restore_cell(rec["other_code"].strip())  # chosen from the list: as the 'codes' sheet holds it
        if rec["__formulas__"] & {"decision", "other_code"}:
            continue  # told as a formula: its text is no decision to judge
        if not decision and not other and row in gaps:
            undecided[row] = gaps[row]
        if decision and decision not in DECISIONS:
            problems.append(Problem(file, row, "decision", rec["decision"], f"one of {', '.join(DECISIONS)}"
                                    + (yes_no_hint(rec["decision"], expects="accept, reject or other",
                                                   write="accept if the code is right, reject if it is not")
                                       or missing_hint(rec["decision"]) or did_you_mean(decision, DECISIONS))))
        if decision == "other" and not other:
            problems.append(Problem(file, row, "other_code", "", "a code id (decision is 'other')"
                                    + merged.get(("other_code", row), "")))
        elif other and not decision and ("decision", row) in merged:  # 'other' in the merged cell's first row
            problems.append(Problem(file, row, "decision", "", f"a decision (other_code is {other!r})"
                                    + merged[("decision", row)]))
        elif other and codes is not None and other not in codes:
            problems.append(Problem(file, row, "other_code", other, _unlisted_code(other, codes)))
        elif other and decision != "other":
            problems.append(Problem(file, row, "other_code", other,
                                    "blank unless decision is 'other' (choose 'other' in decision, or clear this)"))
        elif other and orig is not None and other == orig["code"]:
            # read as the code absent and present at once
            problems.append(Problem(file, row, "other_code", other, f"a code other than the one this row suggests "
                                    f"({other!r}): choose accept in decision to keep {other!r}, or another code"))
        if len(problems) > bad_before or orig is None or not (decision or rec["notes"]):
            continue
        rid = rec["row_id"]
        # the exported unit and code as the coded file holds them: an id a spreadsheet would run as a formula ('=1+1',
        # '-3') was written behind an apostrophe, and came back with it, matching no unit of the coded file
        orig = {**orig, "unit": restore_cell(orig["unit"]), "code": restore_cell(orig["code"])}
        base = {"unit": orig["unit"], "coder": name, "decision": decision, "suggested_code": orig["code"],
                "score": pd.to_numeric(orig["score"], errors="coerce") if orig["score"] else np.nan,
                "notes": rec["notes"], "row_id": rid, "sheet_row": row}
        if decision == "accept":
            out.append({**base, "code": orig["code"], "present": True})
        elif decision == "reject":
            out.append({**base, "code": orig["code"], "present": False})
        elif decision == "other":
            out.append({**base, "code": orig["code"], "present": False})
            out.append({**base, "code": other, "present": True})
        else:
            out.append({**base, "code": orig["code"], "present": pd.NA, "decision": "note"})
    problems += _contradictions(out, file)
    result = _decisions_frame(out)
    if undecided:
        lines = _xlsx.runs_told(file, "decision", undecided, "read as no decision (a row's notes as a note)")
        warnings.warn(f"{path.name}: {_counted(len(undecided), 'row')} without a decision among decided rows:\n"
                      + "\n".join(f"  {line}" for line in lines), ReviewWarning, stacklevel=user_level())
    if problems:  # the same mistake on many rows is one problem naming its rows
        err = ValidationError(collapse_problems(problems), source=str(path))
        err.partial = result  # the rows that could be read, for callers that want them
        raise err
    deleted = sorted(set(original) - set(seen))
    if deleted:
        warnings.warn(f"{path.name}: {_counted(len(deleted), 'exported row')} {_verb(deleted, 'is')} no longer in the sheet (deleted?): "
                      f"{', '.join(deleted[:10])}{' ...' if len(deleted) > 10 else ''}", ReviewWarning, stacklevel=user_level())
    return result


def _unlisted_code(other: str, codes: set[str]) -> str:
    """What an other_code not on the 'codes' sheet should be: a code differing from listed ones only in case is
    refused naming the spelling the sheet holds, as :func:`impact.agreement.coding_to_units` refuses one (codes are
    told apart by case everywhere in impact: read as the listed code here, 'Morale' would still be another code
    wherever the reviewer's codings meet a file spelling it so); else the close ones (did you mean).

    >>> _unlisted_code("Morale", {"morale", "plans"})
    "the code 'morale' as the 'codes' sheet spells it (codes are told apart by case: 'Morale' would be another code); choose it from the list"
    """
    cased = sorted(c for c in codes if c.casefold() == other.casefold())
    if not cased:
        return "a code id listed on the 'codes' sheet" + did_you_mean(other, sorted(codes))
    said = " or ".join(map(repr, cased))
    return (f"the code {said} as the 'codes' sheet spells it (codes are told apart by case: {other!r} would be "
            "another code); choose it from the list")


def _reviewer_name(name: str | None, where: str, how: str) -> str:
    """The reviewer's name as a coder is named (the spaces at its ends taken off; "" where none is given), or
    InputError where it holds a character the coded file's ``coder`` column refuses (a control character, a line
    break, an invisible one) or is longer than ``--reviewer`` takes: :func:`impact.schema.name_refused`, the command
    line's rule, so a name edited into a workbook is held to it too."""
    name = (name or "").strip()
    if name and (why := name_refused(name, f"the reviewer's name ({how})")) is not None:
        raise InputError(f"{where}: {why}")
    return name


def _contradictions(out: list[dict], file: str) -> list[Problem]:
    """Rows whose decisions make one code both present and absent on one unit (one row accepts 'learning', or chooses
    it as the other code, where another rejects it, or chooses another code in its place), each told at the later row
    naming the earlier; their decisions are taken out of ``out``, which holds the decisions that can be read."""
    said: dict[tuple[str, str], dict[bool, dict]] = {}
    for rec in out:
        if rec["present"] is not pd.NA:
            said.setdefault((rec["unit"], rec["code"]), {}).setdefault(rec["present"], rec)

    def how(rec: dict) -> str:
        if rec["decision"] != "other":
            return rec["decision"]
        return (f"other, with other_code {rec['code']!r}" if rec["present"]
                else f"other, with other_code {next(r['code'] for r in out if r['row_id'] == rec['row_id'] and r['present'])!r}")

    problems, dropped = [], set()
    for (unit, code), by in said.items():
        if len(by) < 2:
            continue
        first, later = sorted(by.values(), key=lambda r: r["sheet_row"])
        yes, no = (first, later) if first["present"] else (later, first)
        problems.append(Problem(file, later["sheet_row"], "decision", later["decision"],
                                f"one answer on whether {code!r} applies to unit {unit!r} (row {yes['sheet_row']}: "
                                f"{how(yes)}, says it does; row {no['sheet_row']}: {how(no)}, says it does not) - "
                                f"change the decision of one of rows {first['sheet_row']} and {later['sheet_row']}"))
        dropped |= {first["row_id"], later["row_id"]}
    out[:] = [rec for rec in out if rec["row_id"] not in dropped]
    return problems


def _decisions_frame(out: list[dict]) -> pd.DataFrame:
    cols = ["unit", "code", "coder", "present", "decision", "suggested_code", "score", "notes", "row_id", "sheet_row"]
    result = pd.DataFrame(out, columns=cols)
    result["present"] = result["present"].astype("boolean")
    result["sheet_row"] = result["sheet_row"].astype("int64")
    result["score"] = result["score"].astype(float)
    return result

"""Ofsted inspections of local authority children's services.

:func:`read_ofsted` reads the inspection-history layout (one row per published
inspection: ``urn, local_authority, inspection_link, pdf_filename,
publication_date, inspection_framework, inspector_name,
inspection_start_date, inspection_end_date, overall_effectiveness_grade,
impact_of_leaders_grade, help_and_protection_grade, in_care_grade,
care_leavers_grade, ...``) and :func:`ofsted_status_history` turns it into the
study's ``status_history`` rows.

Rules
-----
Personal data
    Inspectors' names, and any column not listed in :data:`OUTPUT_COLUMNS`,
    are dropped on load and never returned.
Dates
    ``dd/mm/yy`` and ``dd/mm/yyyy`` (and ISO ``yyyy-mm-dd``) are read; a
    two-digit year is in 2000-2099 (Ofsted's children's services inspections
    began in 2009).
Grades
    Normalised to :data:`impact.vocab.STATUSES` ``["ofsted_judgement"]``:
    ``"requires improvement to be good"`` (and a parser's fragment ``"to
    requires improvement"``) become ``requires_improvement``.  A missing
    grade has a reason in the ``*_flag`` column: ``"blank"``, the source's own
    marker (``"data_unreadable"``, ``"not_reported_post_reform"``,
    ``"inspection_pre_dates_judgement"``) or ``"unreadable"`` for any other
    text (also reported in a warning).
Councils
    Joined to DfE council ids by Ofsted ``urn`` (through ``crosswalk``, by
    default the bundled council list) and, where the urn is unknown, by the
    council's name in any spelling the list knows.
Status history
    A judgement holds from the report's publication date to the day before the
    next inspection that gave an overall judgement (even one we cannot read: a
    new judgement was published, so the old one stopped applying).  An
    inspection without an overall judgement (``not_reported_post_reform``)
    leaves the previous one in force.  Judgements we cannot read are not
    output (they leave a gap); a judgement of an abolished council ends on the
    council's last day.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Literal

import pandas as pd

from .._frames import as_text
from .._io import read_csv_strict
from .._joins import as_dates, check_table, key_text, one_key
from .._keywords import keyword_only
from .._words import _named
from ..councils import council_list, to_council_id
from ..errors import ImpactWarning, InputError, Problem, ValidationError
from ..schema import DATE_MIN, date_max, same_id
from ..vocab import STATUSES
from ._report import check_errors_option, renamed_hint, report_problems, told_notes, twin_columns

__all__ = [
    "read_ofsted",
    "ofsted_status_history",
    "judgement_at",
    "normalise_grade",
    "JUDGEMENT_AREAS",
    "OUTPUT_COLUMNS",
    "OfstedReadWarning",
]

#: Judgement columns: output name -> source column.
JUDGEMENT_AREAS: dict[str, str] = {
    "overall_effectiveness": "overall_effectiveness_grade",
    "impact_of_leaders": "impact_of_leaders_grade",
    "help_and_protection": "help_and_protection_grade",
    "in_care": "in_care_grade",
    "care_leavers": "care_leavers_grade",
}

#: Columns :func:`read_ofsted` returns (nothing else survives loading).
OUTPUT_COLUMNS: list[str] = [
    "council_id",
    "urn",
    "local_authority",
    "publication_date",
    "inspection_start_date",
    "inspection_end_date",
    "framework",
    *JUDGEMENT_AREAS,
    *(f"{area}_flag" for area in JUDGEMENT_AREAS),
    "inspection_link",
    "row",
]

_REQUIRED = ["urn", "local_authority", "publication_date", "overall_effectiveness_grade"]
_MARKERS = {"data_unreadable", "not_reported_post_reform", "inspection_pre_dates_judgement"}
_NO_JUDGEMENT = {"not_reported_post_reform"}
_GRADES = set(STATUSES["ofsted_judgement"])


class OfstedReadWarning(ImpactWarning):
    """Cells of an Ofsted file that could not be read (listed one by one).

    Examples
    --------
    >>> import warnings, impact
    >>> issubclass(impact.OfstedReadWarning, impact.ImpactWarning)
    True
    >>> with warnings.catch_warnings(record=True) as caught:  # keep them to read, or "error" to stop at one
    ...     warnings.simplefilter("always", impact.OfstedReadWarning)
    ...     warnings.warn("an unknown judgement", impact.OfstedReadWarning)
    >>> [type(w.message).__name__ for w in caught]
    ['OfstedReadWarning']
    """


def normalise_grade(text: object) -> tuple[str | None, str]:
    """Return ``(grade id or None, flag)`` for one grade cell.

    Raises
    ------
    TypeError
        If ``text`` is no cell: a column, a list or a dict (map the function over a column instead).

    Examples
    --------
    >>> normalise_grade("Requires improvement to be good")
    ('requires_improvement', '')
    >>> normalise_grade("inadequate")
    ('inadequate', '')
    >>> normalise_grade("data_unreadable")
    (None, 'data_unreadable')
    >>> normalise_grade("")
    (None, 'blank')
    >>> normalise_grade("splendid")
    (None, 'unreadable')

    A cell may hold anything a spreadsheet holds: a number or a date is no grade (``'unreadable'``), a missing value
    of any kind (None, NaN, ``pd.NA``, ``NaT``) is ``'blank'``. A column or a list is no cell, and is refused: it was
    read as one cell, its text "['good']" unreadable (newuser18).

    >>> normalise_grade(3), normalise_grade(pd.NA)
    ((None, 'unreadable'), (None, 'blank'))
    >>> normalise_grade(pd.Series(["Good", "Outstanding"]))
    Traceback (most recent call last):
    ...
    TypeError: The value for `text` of impact.official.normalise_grade() must be one cell (a str, a number or a missing value), but Series was passed: for a column, write column.map(impact.official.normalise_grade).
    """
    if not pd.api.types.is_scalar(text):
        raise TypeError(f"The value for `text` of impact.official.normalise_grade() must be one cell (a str, a number "
                        f"or a missing value), but {type(text).__name__} was passed: for a column, write "
                        "column.map(impact.official.normalise_grade).")
    raw = "" if pd.isna(text) else str(text)
    cell = re.sub(r"\s+", " ", raw.strip().lower())
    if not cell:
        return None, "blank"
    if cell in _MARKERS:
        return None, cell
    snake = cell.replace(" ", "_")
    if snake in _GRADES:
        return snake, ""
    if re.fullmatch(r"(to )?requires? improvement( to be good)?", cell):
        return "requires_improvement", ""
    return None, "unreadable"


def _parse_date(text: str) -> pd.Timestamp | None:
    """A date dd/mm/yy, dd/mm/yyyy or yyyy-mm-dd (ASCII digits) within the plausible window, else None.

    A day or month of one digit is read in either layout ('1/3/2011', '2011-3-1'), as a study file's dates are
    (:func:`impact.schema.parse_date`): '2011-3-1' was refused where '1/3/2011' was read."""
    cell = text.strip()
    m = re.fullmatch(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{2}|[0-9]{4})", cell)
    iso = re.fullmatch(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})", cell)
    try:
        if m:
            day, month, year = (int(g) for g in m.groups())
            when = pd.Timestamp(year + 2000 if year < 100 else year, month, day)
        elif iso:
            when = pd.Timestamp(*(int(g) for g in iso.groups()))
        else:
            return None
    except ValueError:
        return None
    return when if DATE_MIN <= when.date() <= date_max() else None


def _urn_map(crosswalk: pd.DataFrame | str | os.PathLike | None) -> dict[str, str]:
    if crosswalk is None:
        return {}
    label = "crosswalk"
    if not isinstance(crosswalk, (pd.DataFrame, str, os.PathLike)):
        raise TypeError(f"`crosswalk` must be a DataFrame or the path of a CSV, but {type(crosswalk).__name__} was passed.")
    if isinstance(crosswalk, pd.DataFrame):
        # cells as a CSV gives them: 894.0 (a column of numbers with a gap is float) is 894, a missing one blank
        data = crosswalk.astype(object).map(lambda v: one_key(v) or "")
        rows = range(2, len(data) + 2)
    else:
        # Read as checked text (a binary, oversized or mixed-encoding file is one clear error, never a traceback).
        label = Path(crosswalk).name
        header, records, problems = read_csv_strict(crosswalk, label=label)
        if problems:
            raise ValidationError(problems, source=label)
        data = pd.DataFrame([r for _, r in records], columns=header, dtype=str)
        rows = [row for row, _ in records]
    code_col = next((c for c in ("council_id", "la_code") if c in data.columns), None)
    if "urn" not in data.columns or code_col is None:
        raise InputError(
            f"{label}: `crosswalk` must have the columns 'urn' and 'la_code' (Ofsted provider lookup) or "
            f"'council_id'; it has {list(data.columns)}"
        )
    bad = [Problem(label, row, code_col, c, "a DfE three-digit local authority number (e.g. 301)")
           for row, u, c in zip(rows, data["urn"], data[code_col], strict=True)
           if str(u).strip() and not re.fullmatch(r"[0-9]{3}", str(c).strip())]
    # one urn given two councils (a row copied and edited): which is meant is not known, where the last one was taken
    seen: dict[str, tuple[str, int]] = {}
    for row, u, c in zip(rows, data["urn"], data[code_col], strict=True):
        u, c = str(u).strip(), str(c).strip()
        if not u:
            continue
        first = seen.setdefault(u, (c, row))
        if first[0] != c:
            bad.append(Problem(label, row, code_col, c, f"one council per urn (urn {u} is {first[0]} on row "
                                                        f"{first[1]}): keep one"))
    if bad:
        raise ValidationError(bad, source=label)
    return {u: c for u, (c, _) in seen.items()}


def read_ofsted(
    path: str | os.PathLike,
    *,
    crosswalk: pd.DataFrame | str | os.PathLike | None = None,
    errors: Literal["warn", "raise"] = "warn",
) -> pd.DataFrame:
    """Read an Ofsted inspection-history CSV: one row per published inspection.

    Parameters
    ----------
    path : path-like
        The CSV in the inspection-history layout (see the module notes).
    crosswalk : DataFrame or path, optional
        Extra ``urn`` -> council map: a table with ``urn`` and ``la_code`` (the
        Ofsted ``Provider_data_lookup.csv`` layout) or ``council_id``.  It is
        consulted first; the bundled council list's urns and names after it.
    errors : {"warn", "raise"}, default "warn"
        What to do about unreadable dates or grades and unmatched councils: one
        :class:`OfstedReadWarning` listing every cell, or a
        :class:`~impact.errors.ValidationError`.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`OUTPUT_COLUMNS`: ``council_id`` (``""`` if unmatched),
        ``urn``, ``local_authority`` (as in the file), dates (datetime),
        ``framework`` (snake_case, ``""`` when not given), one column per
        judgement area with a grade id or ``<NA>`` and its ``*_flag``,
        ``inspection_link``, ``row`` (spreadsheet row).  Sorted by council and
        publication date.  Inspectors' names are never returned.

    Raises
    ------
    InputError
        If the file lacks the layout's columns.
    ValidationError
        With ``errors="raise"``, listing every unreadable cell.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "history.csv"
    >>> _ = f.write_text(
    ...     "urn,local_authority,publication_date,inspector_name,overall_effectiveness_grade\\n"
    ...     "80570,telford & wrekin,01/06/22,A Person,outstanding\\n"
    ...     "1,london corporation,20/03/2020,B Person,requires improvement to be good\\n")
    >>> out = read_ofsted(f)
    >>> out[["council_id", "publication_date", "overall_effectiveness"]].values.tolist()
    [['201', Timestamp('2020-03-20 00:00:00'), 'requires_improvement'], ['894', Timestamp('2022-06-01 00:00:00'), 'outstanding']]
    >>> "inspector_name" in out.columns
    False
    """
    check_errors_option(errors)
    name = str(path)
    header, records, problems = read_csv_strict(path, label=name, blank_note=True, expected=_REQUIRED)
    problems = told_notes(problems)
    if not header and problems:  # a title or blank rows above the header row: one problem, not "lacks the columns"
        raise ValidationError(problems, source=name)
    missing = [c for c in _REQUIRED if c not in header]
    if missing:
        raise InputError(f"{name}: lacks the {_named('column', missing)}{renamed_hint(header, missing, same_id)} - "
                         "expected the Ofsted inspection-history layout")
    read = {same_id(c) for c in (*_REQUIRED, *JUDGEMENT_AREAS.values(), "inspection_start_date", "inspection_end_date",
                                 "inspection_framework", "inspection_link")}
    # 'URN' beside 'urn': which is the urn is not known (twins of the columns not read are dropped with them)
    if twins := [p for p in twin_columns(name, header, same_id) if same_id(p.column) in read]:
        raise ValidationError(twins, source=name)
    urn_map = _urn_map(crosswalk)
    rows = []
    for row, rec in records:
        out: dict[str, object] = {"urn": rec.get("urn", ""), "local_authority": rec.get("local_authority", ""), "row": row}
        for col in ("publication_date", "inspection_start_date", "inspection_end_date"):
            cell = rec.get(col, "")
            out[col] = _parse_date(cell) if cell else None
            if cell and out[col] is None:
                problems.append(Problem(name, row, col, cell, f"a date dd/mm/yy, dd/mm/yyyy or yyyy-mm-dd from "
                                        f"{DATE_MIN:%d/%m/%Y} to {date_max():%d/%m/%Y}"))
        if out["publication_date"] is None and not rec.get("publication_date", ""):
            problems.append(Problem(name, row, "publication_date", "", "the date the report was published"))
        for area, col in JUDGEMENT_AREAS.items():
            grade, flag = normalise_grade(rec.get(col, ""))
            out[area], out[f"{area}_flag"] = grade, flag
            if flag == "unreadable":
                problems.append(Problem(name, row, col, rec[col], f"one of {sorted(_GRADES)} or a known marker"))
        framework = rec.get("inspection_framework", "").strip().lower()
        out["framework"] = re.sub(r"[^0-9a-z]+", "_", framework).strip("_")
        out["inspection_link"] = rec.get("inspection_link", "")
        rows.append(out)
    data = pd.DataFrame(rows, columns=[c for c in OUTPUT_COLUMNS if c != "council_id"])
    by_urn = as_text(data["urn"].map(urn_map))
    # each falls back on the other, and a row neither matches is a problem named below: none told here
    by_bundle = to_council_id(data["urn"], key_type="ofsted_urn", unmatched="ignore")
    by_name = to_council_id(data["local_authority"], key_type="name", unmatched="ignore")
    council = by_urn.fillna(by_bundle).fillna(by_name)
    for rec in data[council.isna()].itertuples():
        problems.append(Problem(name, rec.row, "local_authority", rec.local_authority, "a council name or urn in the council list"))
    data.insert(0, "council_id", as_text(council.fillna("")))
    for col in ("publication_date", "inspection_start_date", "inspection_end_date"):
        data[col] = pd.to_datetime(data[col]).astype("datetime64[ns]")
    data["row"] = data["row"].astype("Int64")
    for col in data.columns:
        if col not in ("publication_date", "inspection_start_date", "inspection_end_date", "row"):
            data[col] = as_text(data[col])
    report_problems(problems, source=name, errors=errors, category=OfstedReadWarning, noun="problem", then="; the cells are read as missing")
    return data.sort_values(["council_id", "publication_date", "row"], kind="stable").reset_index(drop=True)[OUTPUT_COLUMNS]


def ofsted_status_history(inspections: pd.DataFrame, *, source: str = "inspection_link") -> pd.DataFrame:
    """Turn inspections into the study's ``status_history`` rows (overall judgements).

    Parameters
    ----------
    inspections : DataFrame
        Output of :func:`read_ofsted` (at least ``council_id``,
        ``publication_date``, ``overall_effectiveness`` and
        ``overall_effectiveness_flag``).
    source : str, default "inspection_link"
        Column copied into ``source`` (``""`` if absent).

    Returns
    -------
    pandas.DataFrame
        ``council_id``, ``kind`` (``"ofsted_judgement"``), ``status``,
        ``start_date`` (publication date), ``end_date`` (the day before the next
        judgement's publication; the council's last day if abolished; ``NaT``
        while in force), ``source``.  See the module notes for the rules.

    Raises
    ------
    InputError
        If required columns are missing.
    impact.ValidationError
        Listing each inspection row that cannot be read.

    Examples
    --------
    >>> insp = pd.DataFrame({"council_id": ["894", "894", "894"],
    ...     "publication_date": pd.to_datetime(["2015-03-01", "2018-01-12", "2022-06-01"]),
    ...     "overall_effectiveness": ["good", None, "outstanding"],
    ...     "overall_effectiveness_flag": ["", "data_unreadable", ""]})
    >>> ofsted_status_history(insp)[["status", "start_date", "end_date"]].values.tolist()
    [['good', Timestamp('2015-03-01 00:00:00'), Timestamp('2018-01-11 00:00:00')], ['outstanding', Timestamp('2022-06-01 00:00:00'), NaT]]
    """
    need = ["council_id", "publication_date", "overall_effectiveness", "overall_effectiveness_flag"]
    check_table(inspections, "inspections", need)
    data = inspections.assign(council_id=key_text(inspections["council_id"]),
                              publication_date=as_dates(inspections["publication_date"], "inspections", "publication_date"))
    data = data[data["council_id"].fillna("") != ""]
    data = data[~data["overall_effectiveness_flag"].isin(_NO_JUDGEMENT) & data["publication_date"].notna()]
    data = data.sort_values(["council_id", "publication_date"], kind="stable")
    data = data.drop_duplicates(["council_id", "publication_date", "overall_effectiveness"])
    nxt = data.groupby("council_id", observed=True)["publication_date"].shift(-1)
    ends = council_list(include_former=True).set_index("council_id")["valid_to"]
    end_date = (nxt - pd.Timedelta(days=1)).fillna(data["council_id"].map(ends))
    out = pd.DataFrame(
        {
            "council_id": as_text(data["council_id"]),
            "kind": "ofsted_judgement",
            "status": data["overall_effectiveness"],
            "start_date": data["publication_date"],
            "end_date": end_date.astype("datetime64[ns]"),
            "source": as_text(data[source]) if source in data.columns else "",
        }
    )
    out = out[out["status"].notna() & out["status"].isin(_GRADES)]
    dup = out.duplicated(["council_id", "start_date"], keep=False)
    if dup.any():
        # each named on its row of the file where read_ofsted gave it one ('row'), so the two can be found
        rows = data["row"] if "row" in data.columns else pd.Series(None, index=data.index, dtype=object)
        problems = [
            Problem("inspections", None if pd.isna(rows[i]) else int(rows[i]), "publication_date",
                    f"{r.council_id} {r.start_date.date()} {r.status}", "one overall judgement per council and publication date")
            for i, r in zip(out.index[dup], out[dup].itertuples(), strict=True)
        ]
        raise ValidationError(problems, source="inspections")
    out["kind"] = as_text(out["kind"])
    return out.reset_index(drop=True)


@keyword_only("data")
def judgement_at(
    status_history: pd.DataFrame,
    *,
    data: pd.DataFrame,
    date: str = "period",
    name: str = "ofsted_judgement",
) -> pd.DataFrame:
    """Add the Ofsted judgement in force on each row's date.

    Parameters
    ----------
    status_history : DataFrame
        Rows of kind ``"ofsted_judgement"`` (from :func:`ofsted_status_history`
        or a study's ``status_history``).
    data : DataFrame
        Any table with ``council_id`` and a date column.
    date : str, default "period"
        The date column of ``data``.
    name : str, default "ofsted_judgement"
        Name of the added column (``<NA>`` when no judgement was in force or
        it is unknown).

    Returns
    -------
    pandas.DataFrame
        A copy of ``data`` with the added column, in the original row order.

    Raises
    ------
    impact.InputError
        If ``name`` is already a column of ``data``, or a date is no date: text
        is read as a study's files are (``YYYY-MM-DD``, or day/month/year day
        first), and one that reads two ways (``03/04/2013``) is refused unless
        its column holds one that can only be day first (``13/04/2013``).

    Examples
    --------
    >>> hist = pd.DataFrame({"council_id": ["894", "894"], "kind": "ofsted_judgement",
    ...     "status": ["good", "outstanding"], "start_date": pd.to_datetime(["2015-03-01", "2022-06-01"]),
    ...     "end_date": pd.to_datetime(["2018-01-11", None])})
    >>> d = pd.DataFrame({"council_id": "894", "period": pd.to_datetime(["2016-03-31", "2019-03-31", "2023-03-31"])})
    >>> judgement_at(hist, data=d)["ofsted_judgement"].tolist()
    ['good', nan, 'outstanding']
    """
    check_table(data, "data", ("council_id", date), adds=[name] if name not in ("council_id", date) else [])
    if name in ("council_id", date):
        raise InputError(f"The value for `name` must be a new column's name, but {name!r} was passed (a column the "
                         "join reads).")
    check_table(status_history, "status_history", ("council_id", "status", "start_date", "end_date"))
    hist = status_history[status_history["kind"] == "ofsted_judgement"] if "kind" in status_history else status_history
    # ids compared as text and dates without a time zone on both sides (see impact.official._frames)
    hist = pd.DataFrame({"council_id": key_text(hist["council_id"]), "status": hist["status"],
                         "start_date": as_dates(hist["start_date"], "status_history", "start_date",
                                                missing="a judgement holds from its start date"),
                         "end_date": as_dates(hist["end_date"], "status_history", "end_date")}).sort_values("start_date")
    left = pd.DataFrame({"council_id": key_text(data["council_id"]), "_order": range(len(data)),
                         "_date": as_dates(data[date], "data", date).to_numpy()})
    merged = pd.merge_asof(
        left.sort_values("_date").dropna(subset=["_date"]),
        hist,
        left_on="_date",
        right_on="start_date",
        by="council_id",
        direction="backward",
    )
    in_force = merged["end_date"].isna() | (merged["_date"] <= merged["end_date"])
    merged["status"] = merged["status"].where(in_force)
    status = merged.set_index("_order")["status"].reindex(range(len(left)))
    out = data.copy()
    out[name] = status.to_numpy()
    out[name] = as_text(out[name])
    return out

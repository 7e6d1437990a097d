"""Write a report's tables to an Excel workbook and to CSV files.

The workbook opens on a "Notes" sheet that lists every table (sheet, caption,
notes) with a link to its sheet, followed by the report's provenance.  Each
table has its own sheet: a bold header row that stays frozen, an autofilter,
column widths fitted to the content, and number formats from the table's
``columns_format`` (cells keep their full, unrounded values; only the display
is formatted, so ``0.00004`` shows as ``<0.001`` but sums and filters still
work).

Every text cell, header and note is passed through
:func:`impact._io.neutralise_cell`: text starting with ``=``, ``+``, ``-`` or
``@`` gets a leading apostrophe, so a transcript quote can never run as a
formula in Excel or LibreOffice.

CSV copies are UTF-8 **with** a byte-order mark: Excel on Windows reads a CSV
without one as the local code page and garbles names such as "Ynys Môn";
pandas (``read_csv``), R (``readr``) and :func:`impact._io.read_text` all
skip the mark.  Values are the raw, unrounded data (dates ISO 8601, missing
empty), text neutralised as in the workbook.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from .._io import neutralise_cell
from ._format import CI, FormatSpec, clean_text, display_frame, report_provenance, resolve_formats
from ._model import Report, Table

__all__ = ["render_xlsx", "table_csv", "sheet_names"]

_RESERVED = {"notes", "history"}  # "History" is reserved by Excel
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\']")
_MAX_WIDTH = 60
_EXCEL_FORMATS = {
    "p": lambda d: f'[<{10.0**-d:.{d}f}]"<{10.0**-d:.{d}f}";0.{"0" * d}',
    "pct": lambda d: "0" + ("." + "0" * d if d else "") + "%",
    "num": lambda d: "#,##0" + ("." + "0" * d if d else ""),
    "int": lambda d: "#,##0",
    "date": lambda d: "d mmm yyyy",
    "text": lambda d: "@",
}
_HEADER_FILL = PatternFill("solid", fgColor="DDE7F0")


def sheet_names(names: list[str]) -> list[str]:
    """Excel-safe, unique sheet names for table names.

    At most 31 characters, none of ``[]:*?/\\'``, unique without regard to
    case, never "Notes" or "History".

    Examples
    --------
    >>> sheet_names(["prevalence_by_wave_and_intervention_status", "prevalence_by_wave_and_intervention_status_2", "notes"])
    ['prevalence_by_wave_and_interven', 'prevalence_by_wave_and_interv~2', 'notes~2']
    """
    out: list[str] = []
    used = set(_RESERVED)
    for name in names:
        base = _BAD_SHEET_CHARS.sub("_", clean_text(name)).strip() or "table"
        candidate, i = base[:31], 2
        while candidate.lower() in used:
            suffix = f"~{i}"
            candidate, i = base[: 31 - len(suffix)] + suffix, i + 1
        used.add(candidate.lower())
        out.append(candidate)
    return out


def _cell_value(value: object) -> object:
    """A pandas/numpy value as something openpyxl writes safely."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, (float, np.floating)):
        return None if math.isnan(value) else (float(value) if math.isfinite(value) else str(value))
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, pd.Timestamp):
        ts = value.tz_localize(None) if value.tzinfo is not None else value
        return ts.to_pydatetime()
    if isinstance(value, (dt.date, dt.datetime)):
        return value
    return neutralise_cell(clean_text(value))


def _width(values: list[str]) -> float:
    longest = max((max((len(line) for line in v.split("\n")), default=0) for v in values), default=0)
    return min(max(longest + 2, 8), _MAX_WIDTH)


def _write_table_sheet(ws: Worksheet, table: Table) -> None:
    data = table.data
    formats = resolve_formats(data, table.columns_format)
    spec_of: dict[str, FormatSpec] = {}
    for spec in formats.values():
        if isinstance(spec, CI):
            spec_of[spec.low] = spec_of[spec.high] = (
                FormatSpec("pct", spec.digits) if spec.percent else FormatSpec("num", spec.digits)
            )
    for key, spec in formats.items():
        if isinstance(spec, FormatSpec):
            spec_of[key] = spec
    shown = display_frame(data, table.columns_format)
    columns = list(data.columns)
    ws.append([neutralise_cell(clean_text(c)) for c in columns])
    for row in data.itertuples(index=False, name=None):
        ws.append([_cell_value(v) for v in row])
    bold = Font(bold=True)
    for cell in ws[1]:
        cell.font = bold
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    for j, col in enumerate(columns, start=1):
        spec = spec_of.get(col)
        number_format = None
        if spec is not None and spec.kind in _EXCEL_FORMATS:
            number_format = _EXCEL_FORMATS[spec.kind](spec.digits)
        elif spec is not None and spec.kind == "bool":
            number_format = None
        letter = get_column_letter(j)
        if number_format:
            for (cell,) in ws.iter_rows(min_row=2, min_col=j, max_col=j):
                if not isinstance(cell.value, str):
                    cell.number_format = number_format
        display = shown[col].tolist() if col in shown.columns else [str(v) for v in data[col].tolist()]
        ws.column_dimensions[letter].width = _width([str(col)] + display)
    ws.freeze_panes = "A2"
    if len(columns):
        ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(len(data) + 1, 1)}"


def _write_notes(ws: Worksheet, report: Report, sheets: list[str]) -> None:
    bold = Font(bold=True)
    title = Font(bold=True, size=14)
    ws.append([neutralise_cell(clean_text(report.title))])
    ws["A1"].font = title
    if report.subtitle:
        ws.append([neutralise_cell(clean_text(report.subtitle))])
    ws.append([])
    ws.append(["Each table of the report is on its own sheet, with full, unrounded values."])
    ws.append([])
    ws.append(["Sheet", "Table", "Caption", "Notes", "Rows"])
    header_row = ws.max_row
    for cell in ws[header_row]:
        cell.font = bold
        cell.fill = _HEADER_FILL
    for n, (table, sheet) in enumerate(zip(report.tables, sheets, strict=True), start=1):
        ws.append([sheet, f"Table {n}", neutralise_cell(clean_text(table.caption)),
                   neutralise_cell(clean_text(table.notes)), len(table.data)])
        link = ws.cell(row=ws.max_row, column=1)
        # An in-workbook location, not a target: the file holds no external link.
        link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{sheet}'!A1", tooltip=f"Go to sheet {sheet}")
        link.font = Font(color="1D70B8", underline="single")
    ws.append([])
    ws.append(["Provenance"])
    ws.cell(row=ws.max_row, column=1).font = title
    items = report_provenance(report.provenance)
    for key, value in items:
        ws.append([neutralise_cell(key), neutralise_cell(value)])
        ws.cell(row=ws.max_row, column=1).font = bold
    widths = {"A": 24, "B": 12, "C": 50, "D": 60, "E": 8}
    for letter, width in widths.items():
        ws.column_dimensions[letter].width = width
    for row in ws.iter_rows(min_row=header_row + 1):
        for cell in row:
            cell.alignment = Alignment(vertical="top", wrap_text=cell.column_letter in "CD")


def render_xlsx(report: Report) -> bytes:
    """The report's tables as an Excel workbook (``.xlsx`` bytes).

    Examples
    --------
    >>> import io, openpyxl
    >>> from impact.report import Report, Section, Table
    >>> t = Table("counts", pd.DataFrame({"role": ["=cmd()"], "n": [3]}), "Counts")
    >>> wb = openpyxl.load_workbook(io.BytesIO(render_xlsx(Report("R", "", {}, [Section("S", [t])]))))
    >>> wb.sheetnames, wb["counts"]["A2"].value, wb["counts"].freeze_panes
    (['Notes', 'counts'], "'=cmd()", 'A2')
    """
    if not isinstance(report, Report):
        raise TypeError(f"`report` must be an impact.report.Report, but {type(report).__name__} was passed.")
    wb = Workbook()
    notes = wb.active
    notes.title = "Notes"
    sheets = sheet_names([t.name for t in report.tables])
    _write_notes(notes, report, sheets)
    for table, sheet in zip(report.tables, sheets, strict=True):
        _write_table_sheet(wb.create_sheet(sheet), table)
    wb.properties.title = clean_text(report.title)
    wb.properties.creator = "impact"
    # Fixed timestamps keep the bytes of the same report the same.
    wb.properties.created = wb.properties.modified = dt.datetime(2000, 1, 1)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _csv_value(value: object) -> object:
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, (float, np.floating)):
        return "" if math.isnan(value) else repr(float(value))
    if isinstance(value, pd.Timestamp):
        return value.isoformat() if (value.hour or value.minute or value.second) else value.date().isoformat()
    if isinstance(value, (bool, np.bool_, int, np.integer)):
        return str(value)
    return neutralise_cell(str(value))


def table_csv(table: Table) -> bytes:
    """One table as CSV bytes (UTF-8 with BOM; see the module docstring).

    Examples
    --------
    >>> t = Table("t", pd.DataFrame({"quote": ["+44 1234", "ok"], "p": [0.00001, None]}), "T")
    >>> table_csv(t).decode("utf-8-sig").splitlines()
    ['quote,p', "'+44 1234,1e-05", 'ok,']
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([neutralise_cell(str(c)) for c in table.data.columns])
    for row in table.data.itertuples(index=False, name=None):
        writer.writerow([_csv_value(v) for v in row])
    return buffer.getvalue().encode("utf-8-sig")

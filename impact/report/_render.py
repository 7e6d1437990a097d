"""Write the whole report bundle: HTML, Word, Excel, CSV, figures, provenance.

Every output is built in memory first; only when all of them have been built
without error is anything written, each file through
:func:`impact._io.atomic_write_bytes` (a temporary file renamed into place).
So a failure while rendering leaves a previous bundle in ``out_dir`` exactly
as it was, and no file is ever half-written.  ``provenance.json`` is written
last and lists the SHA-256 of every other file, so a reader can check that a
bundle is complete and consistent.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from .._gc import fewer_collections
from .._io import atomic_write_bytes
from .._version import __version__
from ..errors import InputError
from . import _docx, _html, _xlsx
from ._format import display_frames_kept
from ._images import Image, rasterise
from ._layout import column_needs_kept
from ._model import Report, Table
from ._xlsx import sheet_names

__all__ = ["render", "PROVENANCE_FILE", "DICTIONARY"]

PROVENANCE_FILE = "provenance.json"
#: Name (without ``.csv``) of the file in ``tables/`` that describes every column of the others.
DICTIONARY = "data_dictionary"


def _file_mode() -> int:
    """The mode a new file gets under the current umask (0644 under the usual 022)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _previous_files(out_dir: Path) -> set[str]:
    try:
        previous = json.loads((out_dir / PROVENANCE_FILE).read_text(encoding="utf-8"))
        return {str(f) for f in previous.get("files", {})}
    except (OSError, ValueError, AttributeError):
        return set()


@fewer_collections()
def render(report: Report, out_dir: str | os.PathLike, *, docx_template: str | os.PathLike | None = None
           ) -> dict[str, Path]:
    """Render ``report`` to ``out_dir`` as a bundle of files.

    Writes ``report.html`` (self-contained), ``report.docx``, ``tables.xlsx``,
    ``tables/<name>.csv`` for every table with ``tables/data_dictionary.csv``
    describing their columns (table, column, label, unit, format,
    description), ``figures/<name>.png`` and ``.svg`` for every figure, and
    ``provenance.json``.  Files of an earlier
    bundle in the same folder that this report no longer has (listed in the
    old ``provenance.json``) are removed; nothing else in the folder is
    touched.

    Parameters
    ----------
    report : Report
    out_dir : path
        Created if needed.
    docx_template : path, optional
        A Word ``.docx`` or ``.dotx`` in house style whose page size, margins,
        styles, headers and footers the Word report takes (see
        :func:`impact.report.render_docx`); default A4.

    Returns
    -------
    dict of str to Path
        Path of each file written, keyed by its path relative to ``out_dir``
        (for example ``"tables/effects.csv"``).

    Raises
    ------
    TypeError
        If ``report`` is not a Report.
    InputError
        If ``out_dir`` exists and is not a folder, or ``docx_template`` is
        not a readable Word file.
    ValueError
        If a table is called ``data_dictionary`` (that file describes the others).

    Examples
    --------
    >>> import tempfile
    >>> from impact.report import Report, Section, Paragraph
    >>> out = render(Report("Impact", "", {"study": "demo"}, [Section("Summary", [Paragraph("Text")])]), tempfile.mkdtemp())
    >>> sorted(out)
    ['provenance.json', 'report.docx', 'report.html', 'tables.xlsx', 'tables/data_dictionary.csv']
    """
    if not isinstance(report, Report):
        raise TypeError(f"`report` must be an impact.report.Report, but {type(report).__name__} was passed.")
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"{out_dir}: exists and is not a folder - expected a folder for the report bundle")

    clash = [t.name for t in report.tables if t.name.lower() == DICTIONARY.lower()]
    if clash:
        raise ValueError(f"A table may not be called {clash[0]!r}: tables/{DICTIONARY}.csv describes the columns of "
                         "the other tables. Rename the table.")

    # 1. Build everything in memory: any failure here writes nothing.
    images: dict[str, Image] = {f.name: rasterise(f.fig) for f in report.figures}
    # each table's display text made once for the three renderers, and each column's text measured once
    with display_frames_kept(), column_needs_kept():
        payload: dict[str, bytes] = {
            "report.html": _html.render_html(report, images=images).encode("utf-8"),
            "report.docx": _docx.render_docx(report, images=images, template=docx_template),
            "tables.xlsx": _xlsx.render_xlsx(report),
        }
    for table in report.tables:
        payload[f"tables/{table.name}.csv"] = _xlsx.table_csv(table, vocabulary=report.vocabulary)
    payload[f"tables/{DICTIONARY}.csv"] = _xlsx.table_csv(
        Table(DICTIONARY, _xlsx.data_dictionary(report), "Data dictionary"))
    for name, image in images.items():
        payload[f"figures/{name}.png"] = image.png
        payload[f"figures/{name}.svg"] = image.svg
    sheets = sheet_names([t.name for t in report.tables])
    provenance = {
        "title": report.title,
        "subtitle": report.subtitle,
        "provenance": report.provenance,
        "impact_version": __version__,
        "tables": [
            {
                "name": t.name,
                "caption": t.caption,
                "notes": t.notes,
                "rows": len(t.data),
                "columns": list(t.data.columns),
                "csv": f"tables/{t.name}.csv",
                "sheet": sheet,
            }
            for t, sheet in zip(report.tables, sheets, strict=True)
        ],
        "figures": [
            {"name": f.name, "caption": f.caption, "alt_text": f.alt_text,
             "png": f"figures/{f.name}.png", "svg": f"figures/{f.name}.svg"}
            for f in report.figures
        ],
        "files": {rel: hashlib.sha256(data).hexdigest() for rel, data in payload.items()},
    }
    manifest = json.dumps(provenance, indent=2, ensure_ascii=False, default=str).encode("utf-8") + b"\n"

    # 2. Write: each file atomically, the manifest last.
    stale = _previous_files(out_dir) - set(payload)
    written: dict[str, Path] = {}
    mode = _file_mode()
    for rel, data in [*payload.items(), (PROVENANCE_FILE, manifest)]:
        written[rel] = atomic_write_bytes(out_dir / rel, data)
        # atomic_write's temporary file is private (0600); a report is meant to be shared.
        os.chmod(written[rel], mode)
    for rel in sorted(stale):
        parts = Path(rel).parts
        if len(parts) == 2 and parts[0] in ("tables", "figures") and ".." not in parts:
            (out_dir / rel).unlink(missing_ok=True)
    return written

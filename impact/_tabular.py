"""The one writer of spreadsheet-bound tables (CSV and xlsx) for every command.

A text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return - after any leading spaces or apostrophes - is run as a formula when
the file is opened in Excel or LibreOffice ("=HYPERLINK(...)", "@SUM(...)",
"=cmd|' /C calc'!A0").  :func:`write_table` writes every such cell, column
label and index label with a leading apostrophe (the OWASP advice), so it is
shown as text; numbers, including negative ones, are data and stay numbers.

The escape is reversible: :func:`restore_cell` removes exactly the apostrophe
that :func:`neutralise` added (a value that itself started with an apostrophe
before a formula character gets a second one), so files that ``impact`` reads
back - coded output, review decisions - round-trip unchanged.

Files are written atomically (a temporary file renamed over the target), so
no output is ever left half-written.
"""

from __future__ import annotations

import errno
import gc
import io
import math
import os
import re
import sys
import tempfile
from pathlib import Path

import pandas as pd

from ._io import atomic_write, atomic_write_bytes

__all__ = ["csv_text", "neutralise", "restore_cell", "restore_frame", "safe_frame", "workbook_bytes", "write_table"]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\ufe62", "\uff0b", "\uff0d", "\ufe63", "\uff20")


def workbook_bytes(wb) -> bytes:
    """The ``.xlsx`` bytes of the openpyxl workbook ``wb``.

    openpyxl writes each sheet to a temporary file first (in :func:`tempfile.gettempdir`, which ``TMPDIR``
    chooses), through lxml; a write that fails there (the disk full, the file-size limit reached) comes out of
    lxml as ``SerialisationError('IO_ENOSPC')``, not as an error of the file system.  It is raised here as the
    :class:`OSError` it is, naming that folder, so that the command line says what to do instead of showing a
    traceback.
    """
    try:
        from lxml.etree import SerialisationError
    except ImportError:  # pragma: no cover - openpyxl then writes with the standard library, whose errors are OSErrors
        SerialisationError = ()  # noqa: N806
    buffer = io.BytesIO()
    code = None
    try:
        wb.save(buffer)
    except SerialisationError as exc:
        name = str(exc)
        code = getattr(errno, name[3:], None) if name.startswith("IO_E") else None
        if not isinstance(code, int):
            raise
    if code is not None:
        # The sheets' writers lxml failed in say it again when collected ("Exception ignored in ..."): collect
        # them now, that second complaint unshown.
        hook = sys.unraisablehook
        sys.unraisablehook = lambda raised: None if isinstance(raised.exc_value, SerialisationError) else hook(raised)
        try:
            gc.collect()
        finally:
            sys.unraisablehook = hook
        raise OSError(code, os.strerror(code),
                      f"{tempfile.gettempdir()} (the temporary folder, where the workbook's sheets are written "
                      "first; TMPDIR chooses another)")
    return buffer.getvalue()


#: Where a spreadsheet may start a new cell inside a cell's text.  Excel opens a CSV file with the list separator of
#: its regional settings: ";" where the decimal sign is a comma (most of Europe), and it splits a line at each ";"
#: whatever quotes are around it (a quote opens a quoted cell only at a cell's start, and a cell after the first of a
#: comma-separated line does not start its line there); a line break ends a line there likewise, and LibreOffice may
#: split at tabs.  So ``Barnet;=cmd|' /C calc'!A0;x``, written as one quoted cell, is run as a formula there.
_SEPARATOR = re.compile(r"([;\t\r\n])")


def _dangerous(text: str) -> bool:
    return text.lstrip(" '").startswith(_FORMULA_START)


def _dangerous_piece(text: str) -> bool:
    # after a separator, a cell may open a quote ("=..., doubled in the file: ""=...), which Excel then closes and reads on
    return text.lstrip(" '\"").startswith(_FORMULA_START)


def _pieces(text: str, change) -> str:
    """``text`` with ``change`` applied to each piece after a :data:`_SEPARATOR`."""
    if not _SEPARATOR.search(text):
        return text
    parts = _SEPARATOR.split(text)
    parts[2::2] = [change(p) for p in parts[2::2]]
    return "".join(parts)


def neutralise(value: object) -> object:
    """Return ``value`` safe to put in a spreadsheet cell (text only; other values unchanged).

    Text that starts as a formula gets a leading apostrophe (the OWASP advice); so does each piece of it after a
    ``;``, a tab or a line break that starts as one (see :data:`_SEPARATOR`), a quote before it aside.

    Examples
    --------
    >>> neutralise("=1+1"), neutralise("'=1+1"), neutralise("plain"), neutralise(-3)
    ("'=1+1", "''=1+1", 'plain', -3)
    >>> neutralise("  @SUM(A1)")
    "'  @SUM(A1)"
    >>> neutralise("Barnet;=cmd|' /C calc'!A0;x"), neutralise('a\\n"+1'), neutralise("a; b-c")
    ("Barnet;'=cmd|' /C calc'!A0;x", 'a\\n\\'"+1', 'a; b-c')
    """
    if not isinstance(value, str):
        return value
    value = _pieces(value, lambda p: "'" + p if _dangerous_piece(p) else p)
    return "'" + value if _dangerous(value) else value


def restore_cell(value: object) -> object:
    """Undo :func:`neutralise` (for files written by :func:`write_table`).

    Examples
    --------
    >>> [restore_cell(neutralise(v)) for v in ["=1+1", "'=1+1", "'quoted", "-x", "a;=b", "a;'=b", "a;'b", "\\t=1"]]
    ['=1+1', "'=1+1", "'quoted", '-x', 'a;=b', "a;'=b", "a;'b", '\\t=1']
    """
    if not isinstance(value, str):
        return value
    if value.startswith("'") and _dangerous(value[1:]):
        value = value[1:]
    return _pieces(value, lambda p: p[1:] if p.startswith("'") and _dangerous_piece(p[1:]) else p)


def _safe_series(values: pd.Series) -> pd.Series:
    if isinstance(values.dtype, pd.CategoricalDtype):
        categories = [neutralise(c) for c in values.cat.categories]
        if len(set(categories)) == len(categories):
            return values.cat.rename_categories(categories)
        values = values.astype(object)
    if values.dtype == object or pd.api.types.is_string_dtype(values.dtype):
        safe = values.map(neutralise, na_action="ignore")
        return safe.astype(values.dtype) if values.dtype != object else safe
    return values


def _relabel(index: pd.Index) -> pd.Index:
    if isinstance(index, pd.MultiIndex):
        return index.set_levels([lvl.map(neutralise) for lvl in index.levels]).set_names(
            [neutralise(n) for n in index.names])
    if index.dtype == object or pd.api.types.is_string_dtype(index.dtype):
        return index.map(neutralise).rename(neutralise(index.name))
    return index.rename(neutralise(index.name))


def safe_frame(data: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``data`` with every text cell, column label and index label neutralised.

    Examples
    --------
    >>> import pandas as pd
    >>> safe_frame(pd.DataFrame({"=x": ["=1+1", "ok"], "n": [-1, 2]})).to_dict("list")
    {"'=x": ["'=1+1", 'ok'], 'n': [-1, 2]}
    """
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"`data` must be a pandas DataFrame, not {type(data).__name__}.")
    out = data.copy()
    for n in range(out.shape[1]):
        out.isetitem(n, _safe_series(out.iloc[:, n]))
    out.columns = _relabel(out.columns)
    out.index = _relabel(out.index)
    return out


def restore_frame(data: pd.DataFrame) -> pd.DataFrame:
    """Undo :func:`safe_frame` on a table read back from a file (text columns and labels).

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"unit": ["=1+1", "'=x", "a"]})
    >>> restore_frame(safe_frame(df)).equals(df)
    True
    """
    out = data.copy()
    for n in range(out.shape[1]):
        col = out.iloc[:, n]
        if col.dtype == object or pd.api.types.is_string_dtype(col.dtype):
            restored = col.map(restore_cell, na_action="ignore")
            out.isetitem(n, restored.astype(col.dtype) if col.dtype != object else restored)
    out.columns = [restore_cell(c) for c in out.columns]
    return out


def _cell(value: object) -> object:
    """A Python value as a safe spreadsheet cell: numbers and booleans as they are, NaN blank, the rest as neutralised text."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalar
        value = value.item()
    if isinstance(value, (bool, int, float)):
        return value
    return neutralise(str(value))


def csv_text(data: pd.DataFrame, *, index: bool = False, **to_csv) -> str:
    """``data`` as CSV text, rows ending in ``\n``, with every cell holding a line break quoted, ``\r`` too.

    pandas (and :mod:`csv`) quote a cell holding a character of the line terminator only: with ``\n`` rows, a
    carriage return alone in a cell ("a\\rb", pasted from an old Mac or a form) was written bare, and every
    reader, impact's own too, split the row there.  The rows are written ending in ``\r\n`` (so both characters
    are quoted in cells) and the row ends outside quotes made ``\n`` again.

    Examples
    --------
    >>> import pandas as pd
    >>> csv_text(pd.DataFrame({"a": ["x\\ry", "z"], "b": [1, 2]}))
    'a,b\\n"x\\ry",1\\nz,2\\n'
    """
    to_csv.pop("lineterminator", None)  # rows always end in "\n"
    text = data.to_csv(index=index, lineterminator="\r\n", **to_csv)
    parts = text.split('"')  # the even parts are outside quotes (a doubled quote is an empty odd part)
    parts[::2] = [p.replace("\r\n", "\n") for p in parts[::2]]
    return '"'.join(parts)


def write_table(data: pd.DataFrame, path: str | os.PathLike, *, index: bool = False, sheet_name: str = "data") -> Path:
    """Write ``data`` to a CSV (UTF-8) or Excel (.xlsx) file with formulas neutralised, atomically.

    Parameters
    ----------
    data : DataFrame
        Not modified.
    path : path
        An ``.xlsx`` path is written as an Excel workbook, any other as CSV.
    index : bool
        Write the index too (default False).
    sheet_name : str
        Sheet of an ``.xlsx`` file.

    Returns
    -------
    Path

    Raises
    ------
    TypeError
        If ``data`` is not a DataFrame.

    Examples
    --------
    >>> import pandas as pd, pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> p = write_table(pd.DataFrame({"coder": ["=HYPERLINK(\\"http://x\\")", "ann"], "n": [-1, 2]}), folder / "t.csv")
    >>> print(p.read_text(), end="")
    coder,n
    "'=HYPERLINK(""http://x"")",-1
    ann,2
    """
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"`data` must be a pandas DataFrame, not {type(data).__name__}.")
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        with atomic_write(target, "w") as f:
            f.write(csv_text(safe_frame(data), index=index))
        return target
    else:
        from openpyxl import Workbook

        frame = data.reset_index() if index else data
        wb = Workbook()
        ws = wb.active
        ws.title = sheet_name[:31]
        ws.append([_cell(c) for c in frame.columns])
        for row in frame.itertuples(index=False, name=None):
            ws.append([_cell(v) for v in row])
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str):
                    c.data_type = "s"  # text, never a formula, whatever it starts with
        return atomic_write_bytes(target, workbook_bytes(wb))

"""Writing and reading coded output (CSV or Parquet) with its dtypes restored."""

from __future__ import annotations

import csv
import importlib.util
import io
import os
import re
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from .._frames import shared_attr, time_kind
from .._io import (
    _SEPARATORS,
    _STRAY_QUOTE,
    MAX_CELL_CHARS,
    UNICODE_ADVICE,
    UTF16_BOMS,
    UTF32_BOMS,
    _document_kind,
    _other_separator,
    _row_like,
    atomic_write,
    check_input_file,
    check_width,
    decode_text,
    overlong_line,
    read_bounded,
    require_path,
    stray_nuls,
    stray_quotes,
    suffix_given,
    tell_if_open_in_office,
    too_long,
    unclosed_quote,
    unclosed_quotes,
    unicode_form,
)
from .._tabular import restore_frame, write_table
from .._words import _counted, _number, _verb
from ..errors import InputError
from ..schema import hidden_names
from ._columns import CODED_COLUMNS

__all__ = ["write_coded", "read_coded", "coded_format"]

_BOOL = ("negated", "hedged")
_INT = ("start", "end")
_OPTIONAL_INT = ("turn",)
#: Bad cells of a column named in an error, each on its row (the rest counted).
_LISTED = 50
#: The largest coded CSV read (a CSV's cells take some ten times its bytes in memory: 200 MB of text took 2.1 GB).
MAX_CODED_BYTES = 100 * 1024 * 1024
#: The most rows of a coded Parquet file read (a coded CSV of :data:`MAX_CODED_BYTES` holds about a million rows of
#: some 100 bytes; a Parquet file stores them in far fewer bytes, so its rows are counted from its footer).
MAX_CODED_ROWS = 2_000_000


def coded_format(path: str | os.PathLike) -> str:
    """``"csv"`` or ``"parquet"`` from the file extension; Parquet needs pyarrow.

    Raises
    ------
    impact.InputError
        For another extension, or Parquet without pyarrow installed.

    Examples
    --------
    >>> coded_format("out/coded.csv")
    'csv'
    """
    require_path(path, "path", "a coded CSV or Parquet file")
    suffix = Path(path).suffix.lower()
    if Path(path).is_dir():  # a folder given where the file goes (newuser14): not "'no extension' was given"
        raise InputError(f"{path}: is a folder - expected a coded file ending in .csv or .parquet (such as "
                         f"{Path(path) / 'coded.csv'})")
    if suffix == ".csv":
        return "csv"
    if suffix in (".parquet", ".pq"):
        if importlib.util.find_spec("pyarrow") is None:
            raise InputError(f"{path}: writing or reading Parquet needs the pyarrow package, which is not installed; "
                             "install it (pip install pyarrow) or use a .csv file")
        return "parquet"
    raise InputError(f"{path}: the coded file must end in .csv or .parquet, but {suffix_given(path, ['.csv'])}")


def write_coded(coded: pd.DataFrame, path: str | os.PathLike) -> Path:
    """Write coded output atomically as CSV or Parquet (by extension); return the path.

    Parameters
    ----------
    coded : DataFrame
        A coder's output (:meth:`RuleCoder.code`, :func:`read_coded`).
    path : str or path
        ``.parquet`` writes Parquet, anything else CSV.

    Returns
    -------
    pathlib.Path
        The file written.

    Raises
    ------
    TypeError
        If ``coded`` is not a DataFrame, or ``path`` not a path.
    impact.InputError
        If ``coded`` lacks the coded columns, or the file cannot be written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from impact.coding import RuleCoder
    >>> coded = RuleCoder().code(pd.Series({"s1": "There was a real buzz in the team."}))
    >>> path = write_coded(coded, pathlib.Path(tempfile.mkdtemp()) / "coded.csv")
    >>> read_coded(path).equals(coded)
    True
    """
    from ..study import refuse_swapped

    refuse_swapped(write_coded, coded=coded, path=path)  # the path first: told so (newuser14)
    if not isinstance(coded, pd.DataFrame):  # a list was an AttributeError ("no attribute 'columns'")
        raise TypeError(f"`coded` must be a pandas DataFrame (a coder's output), but {type(coded).__name__} was passed.")
    missing = [c for c in CODED_COLUMNS if c not in coded.columns]
    if missing:
        raise InputError(f"coded output needs the columns {missing}")
    fmt = coded_format(path)
    path = Path(path)
    _refuse_unreadable(coded, path)
    if fmt == "csv":
        write_table(coded, path)  # text that looks like a formula is neutralised; read_coded restores it
    else:
        with atomic_write(path, "wb") as handle:
            coded.to_parquet(handle, index=False)
    return path


#: What a coded file is, for error messages.
_EXPECTED = "expected coded output (a CSV or Parquet file with columns unit, code, score, ...) as `impact code` writes it"


def _check_file(path: str | os.PathLike, expected: str) -> None:
    check_input_file(path, expected=f" - {expected}")
    tell_if_open_in_office(path)  # open in Excel: read as last saved


def _wide_rows(records: list[list[str]], header: list[str]) -> str:
    """``":3: 19 cells where the header row names 17 columns (and 1 more row like it)"``: the first row of
    ``records`` (the header first) with more cells than the header, or ``""``."""
    wide = [(k + 1, len(r)) for k, r in enumerate(records) if len(r) > len(header)]
    if not wide:
        return ""
    return (f":{wide[0][0]}: {_counted(wide[0][1], 'cell')} where the header row names {_counted(len(header), 'column')}"
            + (f" (and {_counted(len(wide) - 1, 'more row')} like it)" if len(wide) > 1 else ""))


def read_csv_cells(path: str | os.PathLike, *, expected: str = _EXPECTED) -> pd.DataFrame:
    """A CSV file's cells as text (empty cells ``""``), refusing files that are not a well-formed CSV.

    Refused with an :class:`~impact.errors.InputError` naming the file and
    ``expected``: a missing file or a folder; an empty file (no header row);
    a binary file (NUL bytes); an unclosed quote; a row with more cells than
    the header (which pandas would otherwise read by shifting the columns).  A
    row with fewer cells is padded with empty cells.  The text is decoded by
    :func:`impact._io.decode_text`, as every study table is: UTF-8 (with or
    without a byte-order mark), UTF-16 with a byte-order mark (Excel's "Unicode
    Text"), and other bytes as Windows-1252 with an
    :class:`~impact._io.EncodingWarning_` (Excel's "CSV" on Windows); a file
    mixing encodings is refused.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "empty.csv"
    >>> _ = f.write_bytes(b"")
    >>> read_csv_cells(f, expected="expected a table")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    impact.errors.InputError: .../empty.csv: the file is empty (no header row) - expected a table
    """
    _check_file(path, expected)  # as typed: 'coded.csv/' is a file given as a folder
    path = Path(path)
    size = path.stat().st_size
    if size > MAX_CODED_BYTES:  # refused before it is read: its cells would take some ten times its size in memory
        raise InputError(f"{path}: {size:,} bytes - {expected}, of at most {MAX_CODED_BYTES:,} bytes (its cells would take some "
                         "ten times its size in memory): split it, by wave or council")
    data = read_bounded(path, MAX_CODED_BYTES, label=str(path), size=size)  # one that grew past it since: refused
    if (long := overlong_line(data)) is not None:  # before it is decoded and split: one copy of it in memory
        raise InputError(f"{path}:{long[0]}: a line longer than its {long[2]} cells "
                         f"of at most {MAX_CELL_CHARS:,} characters can be (from byte {long[1]:,}) - {expected}")
    nul = -1 if data.startswith((*UTF16_BOMS, *UTF32_BOMS)) else data.find(b"\x00")
    if (form := unicode_form(data)) is not None:  # UTF-16 without its mark, or behind a UTF-8 one: not "binary"
        raise InputError(f"{path}: {form}, not UTF-8 CSV text - {expected}; {UNICODE_ADVICE}")
    if nul >= 0 and (stray := stray_nuls(data)) is not None:  # UTF-8 text but for a NUL or a run of them at its end
        raise InputError(f"{path}: {stray} - {expected}")
    if nul >= 0:  # an Excel workbook, a PDF: said as what it is
        kind = _document_kind(data)
        raise InputError(f"{path}: {kind or 'a binary file'}, not CSV text"
                         + ("" if kind else f" (a NUL byte at byte {nul})") + f" - {expected}")
    try:  # the one decoder of the package, with the study tables' fallback to Windows-1252 (and its warning)
        text, encoding = decode_text(data, source=str(path))
    except InputError as exc:
        raise InputError(f"{exc} - {expected}; save it as UTF-8 CSV") from None
    first, _, rest = text.partition("\n")
    sep = re.fullmatch(r"sep=(.)", first.strip(), re.IGNORECASE)
    if sep:  # the line some programs write for Excel, which Excel reads and hides: rows counted as Excel shows them
        if sep.group(1) != ",":
            raise InputError(f"{path}:1: {sep.group(0)!r} - expected commas (the file says its values are separated "
                             f"by {_SEPARATORS.get(sep.group(1), repr(sep.group(1)))}: save it as \"CSV (comma "
                             f"delimited)\") - {expected}")
        text = rest
    # pandas renames a repeated column ("code" -> "code.1") and names a blank one ("Unnamed: 2"): a column read
    # under another name is a column silently left out, so the header row is read as written.
    try:
        header = [h.strip() for h in next(csv.reader(io.StringIO(text, newline="")), [])]
        check_width(str(path), header)
    except csv.Error as exc:  # a header cell longer than the csv module reads
        raise InputError(f"{path}:1: not a readable header row ({exc}) - {expected}") from None
    except InputError as exc:
        raise InputError(f"{exc} - {expected}") from None
    try:
        records = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error:  # told by pandas below
        records = []
    found = []
    if (any("\n" in c and any(_row_like(x, len(header)) for x in c.split("\n")[1:]) for r in records for c in r)
            or text.count('"') % 2):  # an odd count: a quote never closed, perhaps on the last line
        _, found = unclosed_quotes(text, len(header))  # a quote left unclosed: the rows after it in one value
    if found:
        (row, cell, raw, n_lines, swallowed), more = found[0], len(found) - 1
        col = header[cell] if cell < len(header) else None
        raise InputError(f"{path}:{row}" + (f":{col}" if col else "") + f": {raw!r} - expected "
                         + unclosed_quote(n_lines, swallowed) + (f" (and {more:,} more like it)" if more else "")
                         + f" - {expected}")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", pd.errors.ParserWarning)  # extra cells: an error, not shifted columns
            frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, index_col=False)
    except pd.errors.EmptyDataError:
        raise InputError(f"{path}: the file is empty (no header row) - {expected}") from None
    except pd.errors.ParserWarning:
        raise InputError(f"{path}{_wide_rows(records, header) or ': a row has more cells than the header row names columns'} "
                         f"- {expected}, one cell per column") from None
    except pd.errors.ParserError as exc:
        if wide := _wide_rows(records, header):
            raise InputError(f"{path}{wide} - {expected}, one cell per column") from None
        detail = str(exc).strip().splitlines()[-1] if str(exc).strip() else "malformed CSV"
        detail = detail.removeprefix("Error tokenizing data. ").removeprefix("C error: ")
        raise InputError(f"{path}: not a readable CSV file ({detail}) - {expected}") from None
    stray = stray_quotes(text)
    if stray:  # "Barn"et: read as Barnet, its quotes dropped without a word
        (row, cell, raw, read), more = stray[0], len(stray) - 1
        col = header[cell] if cell < len(header) else None
        where = f"{path}:{row}" + (f":{col}" if col else "")
        raise InputError(f"{where}: {raw!r} - expected {_STRAY_QUOTE.format(read=read)}"
                         + (f" (and {_counted(more, 'more row')} like it)" if more else "") + f" - {expected}")
    # Each row's number as a spreadsheet shows it and the study tables name it (the header row 1, a blank line a row,
    # a value over lines one row), not its place among the rows pandas read (which leaves blank lines out).
    numbers = [k + 1 for k, r in enumerate(records) if k and not (not r or (len(r) == 1 and not r[0].strip()))]
    # set on the frame returned only: pandas deep-copies attrs into every column and result taken from a frame, and
    # the rows of a national file (tens of thousands) made the checks below several times slower
    attrs = {}
    if len(numbers) == len(frame):
        attrs["rows"] = shared_attr(numbers)
        # rows with fewer cells than the header, padded with empty ones: a reader may ask what the padding stands for
        kept = set(numbers)
        attrs["short_rows"] = shared_attr([k + 1 for k, r in enumerate(records) if k + 1 in kept and len(r) < len(header)])
    number = attrs.get("rows") or range(2, len(frame) + 2)
    if len(header) > 1 and len(header) == len(frame.columns) and len(frame):
        again = frame.apply(lambda col: col.str.strip().str.lstrip("\ufeff")).eq(header).all(axis=1)
        if again.any():  # two files joined into one: one problem, not one per column of a row of column names
            rows = [number[int(i)] for i in again.to_numpy().nonzero()[0]]
            more = f" (and on {_counted(len(rows) - 1, 'more row')})" if len(rows) > 1 else ""
            raise InputError(f"{path}:{rows[0]}: the header row again{more}"
                             f" - {expected}, with one header row, at the top (two files joined into one? keep the "
                             "first header row only)")
    other = _other_separator([str(c) for c in frame.columns])
    if other:
        excel = " (Excel's \"Unicode Text\" is UTF-16 separated by tabs)" if encoding == "utf-16" else ""
        raise InputError(f"{path}: values separated by {other}{excel} - expected commas ({expected}; save the file as "
                         f"\"CSV UTF-8 (comma delimited)\")")
    if len(header) == len(frame.columns):
        # a column without a name is refused if it holds anything (spreadsheets leave empty ones at the right)
        blank = [i + 1 for i, h in enumerate(header) if not h and frame.iloc[:, i].str.strip().ne("").any()]
        from ..schema import same_id

        forms = [same_id(h, loose=False) for h in header]
        twice = sorted({h for h, form in zip(header, forms) if h and forms.count(form) > 1})  # "code", "Code "
        if blank or twice:
            what = "; ".join(([f"{_number(blank, 'column')} {blank} {_verb(blank, 'has')} values but no name"] if blank else [])
                             + ([f"the {_number(twice, 'column')} {twice} {_verb(twice, 'is')} named twice"] if twice
                                else []))
            raise InputError(f"{path}:1: {what} - {expected}, each column named once")
        frame.columns = [h or f"__unnamed_{i + 1}" for i, h in enumerate(header)]
        frame = frame.drop(columns=[c for c in frame.columns if c.startswith("__unnamed_")])
    frame.attrs.update(attrs)
    return frame


def _refuse_long_cells(frame: pd.DataFrame, path) -> None:
    """Refuse a coded column's cell (an id, a code, a number: short) over :data:`impact._io.MAX_CELL_CHARS` characters,
    naming the first's row and column: no spreadsheet holds it, nor the review workbook made from the file."""
    rows = list(frame.attrs.get("rows") or range(2, len(frame) + 2))
    found = []
    for col in (c for c in CODED_COLUMNS if c in frame.columns):
        lengths = frame[col].str.len().to_numpy()
        found += [(int(i), col, int(lengths[i])) for i in np.flatnonzero(lengths > MAX_CELL_CHARS)]
    if found:
        i, col, n = min(found)
        more = f" (and {_counted(len(found) - 1, 'more cell')} like it)" if len(found) > 1 else ""
        raise InputError(f"{path}:{rows[i]}:{col}: {frame[col].iloc[i][:20]!r}... - expected {too_long(n)}{more}, "
                         f"in {_EXPECTED.removeprefix('expected ')}")


def read_coded(path: str | os.PathLike) -> pd.DataFrame:
    """Read a coded file written by ``impact code`` or :func:`write_coded`, dtypes restored.

    ``unit``, ``code``, ``attribution`` and other text columns are text (empty
    attribution stays ""), ``score`` float, ``negated``/``hedged`` bool,
    ``start``/``end`` int64, ``turn`` Int64.

    Parameters
    ----------
    path : str or path
        A ``.csv`` or ``.parquet`` file of coded output.

    Returns
    -------
    DataFrame
        The coded output (see :data:`impact.coding._columns.CODED_COLUMNS`).

    Raises
    ------
    impact.InputError
        Naming the file and what was expected: if it is missing, a folder,
        empty, binary, not UTF-8, not a well-formed CSV (see
        :func:`read_csv_cells`) or Parquet file, lacks the coded columns or
        has unreadable values.

    Examples
    --------
    >>> import pandas as pd, pathlib, tempfile, impact
    >>> coded = pd.DataFrame({"unit": ["I1:1"], "code": ["morale"], "score": [0.9], "negated": [False],
    ...                       "hedged": [False], "attribution": [""], "start": [0], "end": [15]})
    >>> path = impact.write_coded(coded, pathlib.Path(tempfile.mkdtemp()) / "coded.csv")
    >>> back = impact.read_coded(path)
    >>> back["negated"].dtype, back["score"].tolist()
    (dtype('bool'), [0.9])
    """
    return coded_from_cells(read_coded_cells(path), path)


def read_coded_cells(path: str | os.PathLike) -> pd.DataFrame:
    """A coded file's cells as read, before :func:`coded_from_cells` restores and checks them: a CSV file's cells as
    text (:func:`read_csv_cells`), a Parquet file's columns as stored.  Refused as :func:`read_coded` refuses a file
    that cannot be read at all.  A caller that checks the cells two ways (``impact export-qdpx --coded``: as codings
    and as coded output) reads the file once with it."""
    fmt = coded_format(path)
    if fmt == "parquet":
        return read_parquet_cells(path)
    cells = read_csv_cells(path)
    _refuse_long_cells(cells, path)
    return cells


def _too_big(path: str | os.PathLike, what: str, expected: str, limit: str) -> InputError:
    return InputError(f"{path}: {what} - {expected}, of at most {limit} (its cells would take that much memory or more "
                      "to read): split it, by wave or council")


def _decoded_bytes(table) -> int:
    """The bytes ``table``'s columns take decoded: a dictionary column's values' lengths summed by its indices (and 8
    bytes a row for the offsets), never decoded to be measured; another column's own size."""
    import pyarrow as pa
    import pyarrow.compute as pc

    total = 0
    for column in table.columns:
        for chunk in column.chunks:
            if pa.types.is_dictionary(chunk.type):
                lengths = pc.binary_length(chunk.dictionary).fill_null(0)
                taken = pc.sum(pc.take(lengths, chunk.indices)).as_py() if len(chunk) else 0
                total += int(taken or 0) + 8 * len(chunk)
            else:
                total += chunk.nbytes
    return total


def _undictionary(column):
    """A column read as a dictionary (:func:`read_parquet_cells`) as its values, as pandas reads the file's text."""
    import pyarrow as pa

    return column.cast(column.type.value_type) if pa.types.is_dictionary(column.type) else column


def read_parquet_cells(path: str | os.PathLike, *, expected: str = _EXPECTED) -> pd.DataFrame:
    """A Parquet file's columns as stored, refused before its data is read where it would take more memory than a coded
    CSV may (:data:`MAX_CODED_BYTES`): its size on disk, its rows (:data:`MAX_CODED_ROWS`) and its size uncompressed, as
    its footer says (the rows also as its row groups count them); then its row groups with their text as dictionaries,
    their size decoded summed from those before any text is decoded (a footer does not say it: values repeated through
    a dictionary page take little room stored and any amount decoded)."""
    _check_file(Path(path), expected)
    size = Path(path).stat().st_size
    if size > MAX_CODED_BYTES:
        raise _too_big(path, f"{size:,} bytes", expected, f"{MAX_CODED_BYTES:,} bytes")
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        with pq.ParquetFile(path) as parquet:
            meta = parquet.metadata
            if meta.num_rows > MAX_CODED_ROWS:
                raise _too_big(path, f"{meta.num_rows:,} rows", expected, f"{MAX_CODED_ROWS:,} rows")
            held = sum(meta.row_group(i).total_byte_size for i in range(meta.num_row_groups))
            if held > MAX_CODED_BYTES:
                raise _too_big(path, f"{held:,} bytes of data uncompressed", expected, f"{MAX_CODED_BYTES:,} bytes")
            rows = max(meta.num_rows, sum(meta.row_group(i).num_rows for i in range(meta.num_row_groups)))
            if rows > MAX_CODED_ROWS:  # the row groups' counts, where the file's own understates them
                raise _too_big(path, f"{rows:,} rows", expected, f"{MAX_CODED_ROWS:,} rows")
            # Text read as dictionaries (each distinct value once, and an index a row): a row group's size decoded
            # is summed from them before any of it is decoded, so values repeated through a dictionary page (a few KB
            # on disk, gigabytes decoded) are refused without being decoded
            text = [f.name for f in parquet.schema_arrow if pa.types.is_string(f.type) or pa.types.is_binary(f.type)
                    or pa.types.is_large_string(f.type) or pa.types.is_large_binary(f.type)]
        with pq.ParquetFile(path, read_dictionary=text) as parquet:
            groups, decoded = [], 0
            for i in range(meta.num_row_groups):
                group = parquet.read_row_group(i)
                decoded += _decoded_bytes(group)
                if decoded > MAX_CODED_BYTES:
                    raise _too_big(path, f"{decoded:,} bytes of data once decoded (by its row group {i + 1} of "
                                         f"{meta.num_row_groups}: values repeated through dictionary pages, "
                                         f"{held:,} bytes as stored)", expected, f"{MAX_CODED_BYTES:,} bytes")
                groups.append(group)
            table = pa.concat_tables(groups) if groups else parquet.schema_arrow.empty_table()
        table = pa.table({name: _undictionary(column) if name in text else column
                          for name, column in zip(table.column_names, table.columns, strict=True)})
        return table.to_pandas()
    except InputError:
        raise
    except OSError as exc:
        if exc.errno is not None:  # a file-system error: the command line names the path and what to do
            raise
        raise InputError(f"{path}: not a readable Parquet file ({exc}) - {expected}") from None
    except (ValueError, TypeError, NotImplementedError) as exc:  # pyarrow's ArrowInvalid: empty, truncated, not Parquet
        raise InputError(f"{path}: not a readable Parquet file ({exc}) - {expected}") from None


def _refuse_unreadable(coded: pd.DataFrame, path: Path) -> None:
    """Refuse, before a byte is written, coded output :func:`read_coded` would refuse once written (a row of no unit,
    a score outside 0 to 1, a span ending before it starts, a cell longer than a spreadsheet holds ...), naming each
    row (as the file would number it) and column: what is written can be read."""
    data = coded.reset_index(drop=True)
    try:
        _refuse_long_cells(pd.DataFrame({c: data[c].map(lambda v: v if isinstance(v, str) else str(v))
                                         for c in CODED_COLUMNS}), path)
        _coded_values(data.copy(), path)
    except InputError as exc:
        said = str(exc).replace(str(path), path.name, 1)  # 'coded.csv:2:unit: ...', as the file would be read
        raise InputError(f"{path}: not written, as read_coded would refuse the file: {said}") from None


def coded_from_cells(cells: pd.DataFrame, path: str | os.PathLike) -> pd.DataFrame:
    """The coded output held in ``cells`` (read from ``path`` by :func:`read_coded_cells`; not changed), dtypes
    restored, or the :class:`~impact.errors.InputError` :func:`read_coded` raises, naming ``path``."""
    return _coded_values(restore_frame(cells) if coded_format(path) == "csv" else cells.copy(), path)


def _coded_values(data: pd.DataFrame, path: str | os.PathLike) -> pd.DataFrame:
    """``data`` (a copy, changed in place) with the coded columns' dtypes, or the InputError naming ``path``."""
    missing = [c for c in CODED_COLUMNS if c not in data.columns]
    if missing:
        decisions = {"decision", "present", "coder"} <= set(data.columns)  # impact review import's file
        raise InputError(f"{path}: not a coded file; the columns {missing} are missing - expected the coded output "
                         "of `impact code` (or impact.write_coded)"
                         + (": this is a reviewer's decisions (`impact review import`), which `impact agree` compares "
                            "with the machine's coding and `impact run --human` takes for the reliability section"
                            if decisions else
                            ": a person's coding (the unit or interview_id and the code, without the machine's scores "
                            "and spans) is read against its study by impact.read_codings(path, study), as `impact run "
                            "--human` reads it"
                            if "code" in data.columns and ({"unit", "interview_id"} & set(data.columns)) else ""))
    # Every cell that is not what its column holds, on its row (pandas named the first of a column only, by its
    # position among the data rows, in its own words: "Unable to parse string 'high' at position 1"); a position
    # with a fraction ('1.5') is refused, where astype("int64") made it 1 without a word.
    rows = list(data.attrs.get("rows") or range(2, len(data) + 2))
    problems = []

    def refuse(col: str, bad: np.ndarray, expected: str, after=lambda i: "") -> None:
        at = np.flatnonzero(bad)
        if len(at):
            shown = ", ".join(f"row {rows[i]}: {str(data[col].iloc[i]) if pd.notna(data[col].iloc[i]) else ''!r}"
                              f"{after(i)}" for i in at[:_LISTED])
            problems.append(f"column {col}: {shown}{f' and {len(at) - _LISTED:,} more' if len(at) > _LISTED else ''}"
                            f" - expected {expected}")

    for col in data.columns:
        if col in _BOOL:
            values = data[col].astype("string").fillna("").str.lower()
            refuse(col, ~values.isin(["true", "false"]).to_numpy(dtype=bool), "True or False")
            data[col] = values.eq("true").astype(bool)
        elif col in ("score", *_INT, *_OPTIONAL_INT):
            text = data[col].astype("string").fillna("").str.strip()
            number = pd.to_numeric(data[col].where(text != "", None), errors="coerce").astype("float64")
            if time_kind(data[col].dtype):  # a Parquet column of dates or durations: pandas gave their nanoseconds
                number[:] = np.nan
            given = (text != "").to_numpy(dtype=bool)
            wrong = ~np.isfinite(number.to_numpy()) & given
            if col != "score":
                # whole, and within what a float holds exactly (1e300 was made int64's lowest number, without a word)
                whole = (np.isfinite(number.to_numpy()) & (number.to_numpy() == np.floor(number.to_numpy()))
                         & (np.abs(number.to_numpy()) <= 2.0 ** 53))
                wrong |= given & ~whole
                if col in _INT:
                    wrong |= ~given
            else:  # a coder's score is a probability-like strength from 0 to 1; blank or NaN is no score
                wrong |= ~given | ~number.between(0, 1).to_numpy()
            refuse(col, wrong, "a finite number from 0 to 1 (the coder's score)" if col == "score" else
                   "a whole number (a character position)" + (", or blank" if col in _OPTIONAL_INT else ""))
            if not wrong.any():
                data[col] = number if col == "score" else number.astype("int64" if col in _INT else "Int64")
        else:  # object first: a Parquet column of categories cannot take "" for its missing values
            data[col] = data[col].astype(object).fillna("").astype(str)
            if col == "unit":  # a row of no unit codes no text (`impact code` writes the segment id on every row)
                refuse(col, data[col].str.strip().eq("").to_numpy(dtype=bool), "a unit (the segment id coded)")
            if col in ("unit", "code"):
                # a character no one sees (a byte-order mark where two files were joined, a zero-width space, a
                # direction override): the unit or code matches none of the text or codebook that looks the same
                held = data[col].map(lambda v: hidden_names(v, formats_only=True) if not v.isascii() else None)
                refuse(col, held.notna().to_numpy(dtype=bool),
                       f"a {'unit' if col == 'unit' else 'code'} without invisible or direction-changing characters "
                       "(such as a byte-order mark left where two files were joined: delete it)",
                       after=lambda i, held=held: f" (it holds {held.iloc[i]})")
    if not any(p.startswith(("column start:", "column end:")) for p in problems):
        # a span ending before it starts, or before the text (a negative position), points at no text of the unit
        start, end = data["start"].to_numpy(), data["end"].to_numpy()
        refuse("start", start < 0, "a character position, 0 or more")
        refuse("end", end < start, "a position at or after the row's start",
               after=lambda i: f" (start {start[i]})")
    if "turn" in data.columns and not any(p.startswith("column turn:") for p in problems):
        refuse("turn", data["turn"].lt(0).fillna(False).to_numpy(dtype=bool), "a turn's number, 0 or more, or blank")
    if problems:
        raise InputError(f"{path}: unreadable coded values: " + "; ".join(problems))
    return data

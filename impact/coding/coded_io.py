"""Writing and reading coded output (CSV or Parquet) with its dtypes restored."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pandas as pd

from .._io import atomic_write
from .._tabular import restore_frame, write_table
from ..errors import InputError
from .rules import CODED_COLUMNS

__all__ = ["write_coded", "read_coded", "coded_format"]

_BOOL = ("negated", "hedged")
_INT = ("start", "end")
_OPTIONAL_INT = ("turn",)


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
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix in (".parquet", ".pq"):
        if importlib.util.find_spec("pyarrow") is None:
            raise InputError(f"{path}: writing or reading Parquet needs the pyarrow package, which is not installed; "
                             "install it (pip install pyarrow) or use a .csv file")
        return "parquet"
    raise InputError(f"{path}: the coded file must end in .csv or .parquet, but {suffix or 'no extension'!r} was given")


def write_coded(coded: pd.DataFrame, path: str | os.PathLike) -> Path:
    """Write coded output atomically as CSV or Parquet (by extension); return the path.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from impact.coding import RuleCoder
    >>> coded = RuleCoder().code(pd.Series({"s1": "There was a real buzz in the team."}))
    >>> path = write_coded(coded, pathlib.Path(tempfile.mkdtemp()) / "coded.csv")
    >>> read_coded(path).equals(coded)
    True
    """
    missing = [c for c in CODED_COLUMNS if c not in coded.columns]
    if missing:
        raise InputError(f"coded output needs the columns {missing}")
    fmt = coded_format(path)
    path = Path(path)
    if fmt == "csv":
        write_table(coded, path)  # text that looks like a formula is neutralised; read_coded restores it
    else:
        with atomic_write(path, "wb") as handle:
            coded.to_parquet(handle, index=False)
    return path


def read_coded(path: str | os.PathLike) -> pd.DataFrame:
    """Read a coded file written by ``impact code`` or :func:`write_coded`, dtypes restored.

    ``unit``, ``code``, ``attribution`` and other text columns are text (empty
    attribution stays ""), ``score`` float, ``negated``/``hedged`` bool,
    ``start``/``end`` int64, ``turn`` Int64.

    Raises
    ------
    impact.InputError
        If the file lacks the coded columns or has unreadable values.
    """
    fmt = coded_format(path)
    if fmt == "parquet":
        data = pd.read_parquet(path)
    else:
        data = restore_frame(pd.read_csv(path, dtype=str, keep_default_na=False))
    missing = [c for c in CODED_COLUMNS if c not in data.columns]
    if missing:
        raise InputError(f"{path}: not a coded file; the columns {missing} are missing")
    problems = []
    for col in data.columns:
        try:
            if col in _BOOL:
                values = data[col].astype(str).str.lower()
                bad = ~values.isin(["true", "false"])
                if bad.any():
                    raise ValueError(f"row {int(bad.to_numpy().argmax()) + 2}: {data[col][bad].iloc[0]!r}")
                data[col] = values.eq("true")
            elif col == "score":
                data[col] = pd.to_numeric(data[col], errors="raise").astype("float64")
            elif col in _INT:
                data[col] = pd.to_numeric(data[col], errors="raise").astype("int64")
            elif col in _OPTIONAL_INT:
                data[col] = pd.to_numeric(data[col].replace("", None), errors="raise").astype("Int64")
            else:
                data[col] = data[col].fillna("").astype(str)
        except (ValueError, TypeError) as exc:
            problems.append(f"column {col}: {exc}")
    if problems:
        raise InputError(f"{path}: unreadable coded values: " + "; ".join(problems))
    return data

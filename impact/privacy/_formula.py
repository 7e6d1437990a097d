"""Tables made safe from spreadsheet formula injection before they are written.

A quote or a free-text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return is run as a formula when a CSV file is opened in Excel or
LibreOffice.  :func:`safe_table` applies :func:`impact._tabular.neutralise` (an
apostrophe prefix, the OWASP advice) to every text cell, column label and index
label of a DataFrame; numbers, including negative ones, are data and are left
alone.  :func:`write_csv_safe` writes such a table atomically.  (The Excel
workbook writer of :mod:`impact.report` neutralises its own cells.)
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from .._io import atomic_write
from .._tabular import csv_text, safe_frame

__all__ = ["safe_table", "write_csv_safe"]


def safe_table(data: pd.DataFrame, *, labels: bool = True) -> pd.DataFrame:
    """Return a copy of ``data`` whose text cells cannot run as spreadsheet formulas.

    Parameters
    ----------
    data : DataFrame
    labels : bool
        Also neutralise text column labels and index labels (they are written
        to the file too).

    Returns
    -------
    DataFrame
        Text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
        return gets a leading apostrophe; numbers, booleans, dates and missing
        values are unchanged, and so are column dtypes.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"quote": ["=1+1", "fine", "-3"], "n": [-3, 2, 5]})
    >>> safe_table(df)
       quote  n
    0  '=1+1 -3
    1   fine  2
    2    '-3  5
    """
    from ..schema import true_or_false

    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"`data` must be a pandas DataFrame, not {type(data).__name__}.")
    if true_or_false("labels", labels):  # labels="no" neutralised them (newuser17)
        return safe_frame(data)
    out = safe_frame(data)
    out.columns, out.index = data.columns, data.index
    return out


def write_csv_safe(data: pd.DataFrame, path: str | os.PathLike, *, index: bool = False, **to_csv) -> Path:
    """Write :func:`safe_table` of ``data`` to a UTF-8 CSV file, atomically.

    Parameters
    ----------
    data : DataFrame
    path : path
    index : bool
        Write the index (default False).
    **to_csv
        Further arguments of :meth:`pandas.DataFrame.to_csv`.

    Returns
    -------
    Path

    Examples
    --------
    >>> import pandas as pd, pathlib, tempfile
    >>> p = write_csv_safe(pd.DataFrame({"a": ["@SUM(A1)"]}), pathlib.Path(tempfile.mkdtemp()) / "t.csv")
    >>> p.read_text()
    "a\\n'@SUM(A1)\\n"
    """
    from ..schema import true_or_false
    from ..study import refuse_swapped

    refuse_swapped(write_csv_safe, data=data, path=path)  # the path first: told so (newuser14)
    index = true_or_false("index", index)  # index="no" wrote the index (newuser17)
    target = Path(path)
    with atomic_write(target, "w") as f:
        f.write(csv_text(safe_table(data), index=index, **to_csv))
    return target

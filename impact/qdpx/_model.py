"""The tidy in-memory form of a REFI-QDA project: one DataFrame per element type."""

from __future__ import annotations

import dataclasses
import re
import uuid
from dataclasses import dataclass, field

import pandas as pd

from .._frames import text_series
from ..errors import ImpactWarning

__all__ = ["QdaProject", "QdpxWarning", "COLUMNS", "INT_COLUMNS", "GUID_COLUMNS"]

#: Namespace of the REFI-QDA project file (``project.qde``).
PROJECT_NS = "urn:QDA-XML:project:1.0"
#: Namespace of the REFI-QDA codebook file (``.qdc``).
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"

#: Columns of each table of :class:`QdaProject`, in order.  ``sources`` may
#: carry further columns: one per source variable.
COLUMNS: dict[str, list[str]] = {
    "sources": ["source_guid", "name", "kind", "text", "plain_text_path", "parent_guid", "description"],
    "codes": ["code_guid", "code_id", "name", "parent_guid", "description", "color", "is_codable"],
    "users": ["user_guid", "name", "user_id"],
    "codings": [
        "coding_guid",
        "selection_guid",
        "source_guid",
        "code_guid",
        "user_guid",
        "start",
        "end",
        "text",
        "selection_user_guid",
        "selection_name",
        "selection_description",
        "created",
    ],
    "variables": ["variable_guid", "name", "type", "description"],
    "cases": ["case_guid", "name", "description"],
    "case_variables": ["case_guid", "variable", "value"],
    "case_sources": ["case_guid", "source_guid"],
    "sets": ["set_guid", "name", "description"],
    "set_members": ["set_guid", "member_type", "member_guid"],
    "issues": ["severity", "item", "message"],
}

#: Integer columns (nullable ``Int64``); ``is_codable`` is boolean; all others are text.
INT_COLUMNS = {"start", "end"}
_BOOL_COLUMNS = {"is_codable"}

#: REFI-QDA variable types (``typeOfVariable``).
VARIABLE_TYPES = ("Text", "Boolean", "Integer", "Float", "Date", "DateTime")

_GUID_RE = re.compile(r"^(\{)?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?(1)\})$")
# A namespace of our own for the deterministic (name-based, RFC 4122 version 5)
# GUIDs given to things that have none: the same study always exports the same ids.
_IMPACT_NS = uuid.UUID("5c1b0f7e-4d0a-5a3e-9b8e-7a3f2b1c9d10")


class QdpxWarning(ImpactWarning):
    """A REFI-QDA file was imported with something tolerated or left out.

    Examples
    --------
    >>> import warnings, impact
    >>> issubclass(impact.QdpxWarning, impact.ImpactWarning)
    True
    >>> with warnings.catch_warnings(record=True) as caught:  # keep them to read, or "error" to stop at one
    ...     warnings.simplefilter("always", impact.QdpxWarning)
    ...     warnings.warn("a source without text", impact.QdpxWarning)
    >>> [type(w.message).__name__ for w in caught]
    ['QdpxWarning']
    """


def is_guid(value: object) -> bool:
    """True if ``value`` is a GUID as the REFI-QDA schema allows (with or without braces)."""
    return isinstance(value, str) and bool(_GUID_RE.match(value))


def make_guid(*parts: object) -> str:
    """A deterministic GUID (UUID version 5) from ``parts``, in RFC 4122's lower-case form."""
    return str(uuid.uuid5(_IMPACT_NS, "\x1f".join(str(p) for p in parts)))


def norm_guid(value: object) -> object:
    """A GUID in its canonical form (lower case, no braces); anything else unchanged.

    GUIDs compare without regard to case (RFC 4122), and REFI-QDA allows
    braces; the tables hold one form so that references always match.
    """
    if isinstance(value, str) and is_guid(value.strip()):
        return value.strip().strip("{}").lower()
    return value


#: Columns of each table that hold GUIDs.
GUID_COLUMNS: dict[str, list[str]] = {
    "sources": ["source_guid", "parent_guid"],
    "codes": ["code_guid", "parent_guid"],
    "users": ["user_guid"],
    "codings": ["coding_guid", "selection_guid", "source_guid", "code_guid", "user_guid", "selection_user_guid"],
    "variables": ["variable_guid"],
    "cases": ["case_guid"],
    "case_variables": ["case_guid"],
    "case_sources": ["case_guid", "source_guid"],
    "sets": ["set_guid"],
    "set_members": ["set_guid", "member_guid"],
}


def norm_guids(data: pd.DataFrame, table: str) -> pd.DataFrame:
    """A copy of ``data`` with every GUID column in canonical form (see :func:`norm_guid`)."""
    data = data.copy()
    for col in GUID_COLUMNS.get(table, []):
        if col in data.columns:
            data[col] = text_series([norm_guid(v) if isinstance(v, str) else None for v in data[col].tolist()], index=data.index)
    return data


def frame(table: str, rows: list[dict] | None = None, *, extra: list[str] | None = None) -> pd.DataFrame:
    """A DataFrame of ``table``'s columns (plus ``extra``) with the package dtypes."""
    columns = COLUMNS[table] + [c for c in (extra or []) if c not in COLUMNS[table]]
    data = pd.DataFrame(rows or [], columns=columns)
    return coerce(data, table)


def coerce(data: pd.DataFrame, table: str) -> pd.DataFrame:
    """Give ``data`` (a copy) the dtypes of ``table``: Int64, boolean or text with NA."""
    cols = {}
    for col in data.columns:
        values = [None if _isna(v) else v for v in data[col].tolist()]
        if col in INT_COLUMNS:
            cols[col] = pd.array([None if v is None else int(v) for v in values], dtype="Int64")
        elif col in _BOOL_COLUMNS:
            cols[col] = pd.array([None if v is None else bool(v) for v in values], dtype="boolean")
        else:
            cols[col] = text_series(values).array
    return pd.DataFrame(cols, columns=list(data.columns))


def _isna(value: object) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


@dataclass
class QdaProject:
    """A REFI-QDA project as tidy tables.

    Every table is a :class:`pandas.DataFrame` with the columns listed in
    :data:`COLUMNS`; identifiers are GUID text in RFC 4122's lower-case form
    (GUIDs read from a file are put in that form), positions (``start``, ``end``)
    are nullable integers counting Unicode code points of the source text (the
    text as stored in the source file, byte-order mark removed, line ends kept
    as they are: a CRLF counts two).

    Attributes
    ----------
    name, origin : str
        Project name and the program that wrote it.
    sources : DataFrame
        ``source_guid, name, kind, text, plain_text_path, parent_guid,
        description`` then one column per source variable.  ``kind`` is the
        REFI-QDA element (``TextSource``, ``PDFSource``, ... and
        ``Representation`` for the text of a PDF, whose ``parent_guid`` is the
        PDF).  ``text`` is missing where the file is not in the archive.
    codes : DataFrame
        ``code_guid, code_id, name, parent_guid, description, color,
        is_codable``; ``parent_guid`` gives the hierarchy; ``code_id`` is the
        package's code id where the project was written by :mod:`impact`.
    users : DataFrame
        ``user_guid, name, user_id``.
    codings : DataFrame
        One row per code applied: ``coding_guid, selection_guid, source_guid,
        code_guid, user_guid`` (who applied the code), ``start, end, text``
        (the coded text), ``selection_user_guid, selection_name,
        selection_description, created``.  A code applied to a whole source
        has no selection and missing ``start``/``end``.
    variables : DataFrame
        ``variable_guid, name, type, description``.
    cases, case_variables, case_sources : DataFrame
        Cases; their variable values (long: ``case_guid, variable, value``);
        the sources each case holds.
    sets, set_members : DataFrame
        Sets and their members (``member_type`` is ``code``, ``source`` or
        ``note``).
    issues : DataFrame
        What the reader tolerated or left out: ``severity`` (``info`` or
        ``warning``), ``item``, ``message``.

    Examples
    --------
    >>> import pandas as pd, impact
    >>> from impact.study import Study
    >>> study = Study({"name": "x"}, {})
    >>> project = impact.project_from_study(study, codebook="nfer_impacts")
    >>> sorted(project.tables())[:3]
    ['case_sources', 'case_variables', 'cases']
    """

    name: str = "impact project"
    origin: str = ""
    sources: pd.DataFrame = field(default_factory=lambda: frame("sources"))
    codes: pd.DataFrame = field(default_factory=lambda: frame("codes"))
    users: pd.DataFrame = field(default_factory=lambda: frame("users"))
    codings: pd.DataFrame = field(default_factory=lambda: frame("codings"))
    variables: pd.DataFrame = field(default_factory=lambda: frame("variables"))
    cases: pd.DataFrame = field(default_factory=lambda: frame("cases"))
    case_variables: pd.DataFrame = field(default_factory=lambda: frame("case_variables"))
    case_sources: pd.DataFrame = field(default_factory=lambda: frame("case_sources"))
    sets: pd.DataFrame = field(default_factory=lambda: frame("sets"))
    set_members: pd.DataFrame = field(default_factory=lambda: frame("set_members"))
    issues: pd.DataFrame = field(default_factory=lambda: frame("issues"))

    def __post_init__(self) -> None:
        # a name that is no text, or a table that is none (a list of rows, None), was kept without a word and failed
        # only when the project was written, far from the call (newuser18)
        from .._keywords import check_fields

        check_fields(self)

    @property
    def source_variables(self) -> list[str]:
        """Names of the source variables (the ``sources`` columns after the fixed ones)."""
        return [c for c in self.sources.columns if c not in COLUMNS["sources"]]

    def tables(self) -> dict[str, pd.DataFrame]:
        """The tables by name (copies).

        Returns
        -------
        dict of str to DataFrame

        Examples
        --------
        >>> import pandas as pd, impact
        >>> from impact.study import Study
        >>> study = Study({"name": "x"}, {})
        >>> project = impact.project_from_study(study, codebook="nfer_impacts")
        >>> sorted(project.tables())
        ['case_sources', 'case_variables', 'cases', 'codes', 'codings', 'issues', 'set_members', 'sets', 'sources', 'users', 'variables']
        """
        return {f.name: getattr(self, f.name).copy() for f in dataclasses.fields(self) if f.name in COLUMNS}

    def __repr__(self) -> str:
        sizes = ", ".join(f"{name}={len(t)}" for name, t in self.tables().items() if name != "issues")
        return f"QdaProject(name={self.name!r}, origin={self.origin!r}, {sizes})"

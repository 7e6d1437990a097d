"""Read REFI-QDA project (``.qdpx``) and codebook (``.qdc``) files into tidy tables."""

from __future__ import annotations

import os
import posixpath
import re
import urllib.parse
import warnings
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Literal

from .._archive import GuardedZip, check_xml, open_archive
from .._io import MAX_TEXT_BYTES, check_input_file, decode_text, require_path
from .._words import _counted, _verb
from ..errors import InputError, user_level
from ._model import QdaProject, QdpxWarning, frame, norm_guid, norm_guids
from ._positions import convert_positions
from ._xml import child, child_text, children, local, parse_xml

__all__ = ["read_qdpx", "read_qdc"]

_MISSING = ("error", "warn")
_POSITIONS = ("auto", "code_points", "utf16")
_MEDIA_SELECTIONS = ("PictureSelection", "PDFSelection", "AudioSelection", "VideoSelection", "TranscriptSelection")
_VALUE_ELEMENTS = ("TextValue", "BooleanValue", "IntegerValue", "FloatValue", "DateValue", "DateTimeValue")
#: Largest project XML (``project.qde``) read, in bytes, and most XML elements in it.
MAX_QDE_BYTES = 64 * 1024 * 1024
MAX_QDE_ELEMENTS = 1_000_000
#: Most characters of coded text a project may hold (each coding keeps a copy of its text).
MAX_CODED_CHARS = 4 * MAX_TEXT_BYTES
# Where the code id of a code exported by impact is kept: the last line of its description.
CODE_ID_MARK = re.compile(r"\n?\[impact code_id: (?P<id>[^\]\n]+)\]\s*\Z")


def _choice(value: object, name: str, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        from ..schema import not_one_of

        raise InputError(not_one_of(name, value, allowed))


def read_qdpx(
    path: str | os.PathLike,
    *,
    missing: Literal["error", "warn"] = "error",
    positions: Literal["auto", "code_points", "utf16"] = "auto",
) -> QdaProject:
    """Read a REFI-QDA project exchange file (``.qdpx``) into tidy tables.

    The archive is opened with the guarded reader
    (:func:`impact._archive.open_archive`: path traversal, links and zip bombs
    refused, every member's size and ratio capped while it streams) and read
    in memory, never extracted; the project XML (at most 64 MiB and a million
    elements) is parsed with :mod:`defusedxml`; each source text may hold at
    most :data:`impact._io.MAX_TEXT_BYTES`, the limit for transcripts.  What
    real exporters produce is tolerated: ``project.qde`` or ``Project.qde``,
    ``Sources/`` or ``sources/``, ``internal://``, ``relative://``,
    ``file://`` and bare paths, plain-text sources in UTF-8 (with or without
    byte-order mark) or UTF-16, CRLF line ends, GUIDs in either case or in
    braces (put in lower case), absent optional attributes and elements.

    Parameters
    ----------
    path : str or path-like
        The ``.qdpx`` file.
    missing : {"error", "warn"}
        What to do when source text files named by the project are not in the
        archive: raise one :class:`InputError` listing all of them, or warn
        (:class:`QdpxWarning`) and import the rest, leaving those sources'
        ``text`` (and their codings' ``text``) missing.
    positions : {"auto", "code_points", "utf16"}
        How the file counts ``startPosition``/``endPosition``.  The standard
        counts characters (code points); NVivo counts UTF-16 code units, so a
        character outside the Basic Multilingual Plane (an emoji) counts two.
        ``"auto"`` decides from the spans themselves (see Notes), preferring
        UTF-16 for files written by NVivo.  Positions in the result are always
        code points of the text as stored (byte-order mark removed, a CRLF
        counting two).

    Returns
    -------
    QdaProject
        ``project.issues`` lists what was tolerated or left out (media
        selections, notes, graphs, missing files, converted positions).

    Raises
    ------
    InputError
        Unsafe or unreadable archive or XML, no project file, a source text
        over the transcript limit, or missing sources with ``missing="error"``.

    Notes
    -----
    How the positions were counted is checked on every selection.  Besides
    code points and UTF-16 units, the reader considers the drift of tools
    that count a CRLF line end as one character (text read with universal
    newlines) or count a source file's byte-order mark as a character.  Each
    way of counting maps every selection into the text; a selection end that
    falls inside a word, between the CR and LF of a line end, inside a
    surrogate pair or outside the text counts against it.  The way with the
    fewest such ends is used (ties go to the standard, or to UTF-16 for NVivo
    files); a :class:`QdpxWarning` says what was assumed whenever the
    positions were corrected for drift or read other than as the file's
    origin suggests, whenever two ways that place the selections differently
    fit equally well (the choice could be wrong), and whenever no way fits
    (more than a tenth of the ends inside words or line ends).
    ``project.issues`` records the decision.

    Examples
    --------
    >>> import tempfile, pathlib, pandas as pd
    >>> from impact.qdpx import QdaProject, read_qdpx, write_qdpx
    >>> p = QdaProject(name="demo")
    >>> p.sources = pd.DataFrame({"source_guid": ["0D62985D-B147-5D01-A9B5-CAE5DCD98342"],
    ...                           "name": ["I0001"], "text": ["We changed how we work."]})
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "demo.qdpx"
    >>> _ = write_qdpx(p, f)
    >>> read_qdpx(f).sources[["name", "text"]].values.tolist()
    [['I0001', 'We changed how we work.']]
    """
    require_path(path, "path", "a REFI-QDA project file (.qdpx)")
    _choice(missing, "missing", _MISSING)
    _choice(positions, "positions", _POSITIONS)
    label = Path(path).name
    with open_archive(path, label=label, kind=".qdpx project") as gz:
        qde_name, prefix = _find_project_file(gz, label)
        data = check_xml(gz, qde_name, max_bytes=MAX_QDE_BYTES, max_elements=MAX_QDE_ELEMENTS)
        root = parse_xml(data, source=f"{label}:{qde_name}")
        del data
        if local(root.tag) != "Project":
            raise InputError(f"{label}:{qde_name}: the root element is <{local(root.tag)}> - expected <Project> (a REFI-QDA project)")
        reader = _ProjectReader(root, label=label, positions=positions)
        reader.read_structure()
        reader.load_texts(gz, prefix)
    if reader.missing:
        reader.missing = list(dict.fromkeys(reader.missing))
        listing = "; ".join(f"{name!r} ({where})" for name, where in reader.missing)
        if missing == "error":
            raise InputError(
                f"{label}: {_counted(len(reader.missing), 'source text file')} named in the project {_verb(reader.missing, 'is')} not in the archive: "
                f"{listing}. Pass missing='warn' to import the rest."
            )
        warnings.warn(f"{label}: {_counted(len(reader.missing), 'source text file')} missing from the archive, imported without text: {listing}", QdpxWarning, stacklevel=user_level())
        for name, where in reader.missing:
            reader.issue("warning", name, f"source text {where!r} is not in the archive; imported without text")
    return reader.finish()


def _find_project_file(zf: GuardedZip, label: str) -> tuple[str, str]:
    names = zf.namelist()
    top = [n for n in names if n.lower() == "project.qde"]
    if not top:  # an archive made by zipping the project folder
        top = [n for n in names if n.lower().endswith("/project.qde") and n.count("/") == 1]
    if not top:
        top = [n for n in names if n.lower().endswith(".qde") and "/" not in n]
    if len(top) != 1:
        found = ", ".join(repr(n) for n in top) if top else "none"
        raise InputError(f"{label}: expected exactly one project file 'project.qde' in the archive, found {found}")
    name = top[0]
    return name, name[: name.rfind("/") + 1] if "/" in name else ""


def _decode_source(data: bytes, source: str) -> str:
    """Decode a plain-text source: UTF-8 (BOM optional) or UTF-16 (BOM optional)."""
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")) and len(data) % 2 == 0:
        even, odd = data[0::2].count(0), data[1::2].count(0)
        encoding = "utf-16-le" if odd > even else "utf-16-be"
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass  # let decode_text report it
    return decode_text(data, source=source)[0]


class _ProjectReader:
    """One pass over a project element tree, collecting rows per table."""

    def __init__(self, root: ET.Element, *, label: str, positions: str) -> None:
        self.root = root
        self.label = label
        self.positions = positions
        self.origin = root.get("origin") or ""
        self.rows: dict[str, list[dict]] = {k: [] for k in ("sources", "codes", "users", "codings", "variables", "cases", "case_variables", "case_sources", "sets", "set_members")}
        self.issues: list[dict] = []
        self.source_vars: dict[str, dict[str, str | None]] = {}
        self.var_names: dict[str, str] = {}
        self.missing: list[tuple[str, str]] = []
        self.texts: dict[str, str | None] = {}
        self.skipped: Counter = Counter()
        self.media: Counter = Counter()
        self.pending: list[tuple[str, str, str | None]] = []
        self.had_bom: dict[str, bool] = {}
        self.too_long: list[str] = []
        self.bad_positions: list[str] = []  # selections whose positions cannot be a span of the text

    def issue(self, severity: str, item: str, message: str) -> None:
        self.issues.append({"severity": severity, "item": item, "message": message})

    # -- structure ---------------------------------------------------------
    def read_structure(self) -> None:
        root = self.root
        for users in children(root, "Users"):
            for u in children(users, "User"):
                self.rows["users"].append({"user_guid": u.get("guid"), "name": u.get("name"), "user_id": u.get("id")})
        for cb in children(root, "CodeBook"):
            for codes in children(cb, "Codes"):
                read_codes(codes, None, self.rows["codes"])
        for vs in children(root, "Variables"):
            for v in children(vs, "Variable"):
                self.var_names[v.get("guid")] = v.get("name")
                self.rows["variables"].append(
                    {"variable_guid": v.get("guid"), "name": v.get("name"), "type": v.get("typeOfVariable") or "Text", "description": child_text(v, "Description")}
                )
        for cs in children(root, "Cases"):
            for c in children(cs, "Case"):
                self._case(c)
        for srcs in children(root, "Sources"):
            for s in srcs:
                self._source(s, parent=None)
        for sets in children(root, "Sets"):
            read_sets(sets, self.rows["sets"], self.rows["set_members"])
        for name in ("Notes", "Links", "Graphs"):
            n = sum(len(e) for e in children(root, name))
            if n:
                self.issue("info", name, f"{_counted(n, name[:-1].lower())} not imported (no tidy table for them)")

    def _value(self, vv: ET.Element) -> tuple[str, str | None]:
        ref = child(vv, "VariableRef")
        guid = ref.get("targetGUID") if ref is not None else None
        name = self.var_names.get(guid)
        if name is None:
            name = guid or "?"
            self.issue("warning", "VariableValue", f"value refers to unknown variable {guid!r}; kept under that GUID")
        value = None
        for e in children(vv, *_VALUE_ELEMENTS):
            value = (e.text or "").strip() if local(e.tag) != "TextValue" else (e.text or "")
            break
        return name, value

    def _case(self, c: ET.Element) -> None:
        guid = c.get("guid")
        self.rows["cases"].append({"case_guid": guid, "name": c.get("name"), "description": child_text(c, "Description")})
        for vv in children(c, "VariableValue"):
            name, value = self._value(vv)
            self.rows["case_variables"].append({"case_guid": guid, "variable": name, "value": value})
        for sr in children(c, "SourceRef"):
            self.rows["case_sources"].append({"case_guid": guid, "source_guid": sr.get("targetGUID")})
        n = sum(1 for _ in children(c, "CodeRef", "SelectionRef"))
        if n:
            self.skipped["Case references to codes or selections not imported"] += n

    def _source(self, s: ET.Element, parent: str | None) -> None:
        kind = local(s.tag)
        guid = s.get("guid")
        text_bearing = kind in ("TextSource", "Representation", "Transcript")
        path = s.get("plainTextPath") if text_bearing else None
        self.rows["sources"].append(
            {
                "source_guid": guid,
                "name": s.get("name"),
                "kind": kind,
                "text": None,
                "plain_text_path": path,
                "parent_guid": parent,
                "description": child_text(s, "Description"),
            }
        )
        if text_bearing:
            content = child_text(s, "PlainTextContent")
            if content is not None and len(content) > MAX_TEXT_BYTES // 4 and len(content.encode("utf-8", "surrogatepass")) > MAX_TEXT_BYTES:
                self.too_long.append(f"{s.get('name') or guid!r} (inline text)")
                content = ""
            self.texts[guid] = content
            if content is None:
                self.pending.append((guid, s.get("name") or guid, path))
        values = {}
        for vv in children(s, "VariableValue"):
            name, value = self._value(vv)
            values[name] = value
        if values:
            self.source_vars[guid] = values
        for sel in children(s, "PlainTextSelection"):
            self._selection(sel, guid)
        for cod in children(s, "Coding"):
            self._coding(cod, guid, None, None, None)
        for sub in children(s, "Representation", "Transcript", "TextDescription"):
            self._source(sub, parent=guid)
        for sel in children(s, *_MEDIA_SELECTIONS):
            self.media[local(sel.tag)] += sum(1 for _ in children(sel, "Coding"))

    def _selection(self, sel: ET.Element, source_guid: str) -> None:
        codings = list(children(sel, "Coding"))
        if not codings:
            self.skipped["selections without codes (quotations) not imported as codings"] += 1
            return
        start, end = _int(sel.get("startPosition")), _int(sel.get("endPosition"))
        # REFI-QDA requires both positions, whole numbers counted from 0, the end at or after the start: a selection
        # otherwise was read as a coding of no span (the whole source) or of a span reversed or before the text
        given = {"startPosition": sel.get("startPosition"), "endPosition": sel.get("endPosition")}
        why = [f"{k} {v!r} (a whole number of 0 or more)" if v is not None else f"no {k}"
               for k, v in given.items() if (_int(v) if v is not None else None) is None or _int(v) < 0]
        if not why and end < start:
            why.append(f"endPosition {end} before startPosition {start}")
        if why:
            name = next((r["name"] for r in self.rows["sources"] if r["source_guid"] == source_guid), None)
            self.bad_positions.append(f"selection {sel.get('guid')!r} of source {name or source_guid!r}: "
                                      + ", ".join(why))
            return
        for cod in codings:
            self._coding(cod, source_guid, sel, start, end)

    def _coding(self, cod: ET.Element, source_guid: str, sel: ET.Element | None, start, end) -> None:
        ref = child(cod, "CodeRef")
        sel_user = sel.get("creatingUser") if sel is not None else None
        self.rows["codings"].append(
            {
                "coding_guid": cod.get("guid"),
                "selection_guid": sel.get("guid") if sel is not None else None,
                "source_guid": source_guid,
                "code_guid": ref.get("targetGUID") if ref is not None else None,
                "user_guid": cod.get("creatingUser") or sel_user,
                "start": start,
                "end": end,
                "text": None,
                "selection_user_guid": sel_user,
                "selection_name": sel.get("name") if sel is not None else None,
                "selection_description": child_text(sel, "Description") if sel is not None else None,
                "created": cod.get("creationDateTime"),
            }
        )

    # -- texts -------------------------------------------------------------
    def load_texts(self, gz: GuardedZip, prefix: str) -> None:
        index = {n.lower(): n for n in gz.namelist()}
        for guid, name, path in self.pending:
            if not path:
                self.missing.append((name, "neither plainTextPath nor PlainTextContent given"))
                continue
            member = _resolve(path, index, prefix)
            if member is None:
                self.missing.append((name, path))
                continue
            if gz.info(member).file_size > MAX_TEXT_BYTES:
                self.too_long.append(f"{name!r} ({member})")
                continue
            data = gz.read(member, max_bytes=MAX_TEXT_BYTES)
            self.had_bom[guid] = data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"))
            self.texts[guid] = _decode_source(data, f"{self.label}:{member}")
            if not path.lower().startswith("internal://"):
                self.issue("info", name, f"source path {path!r} read from the archive as {member!r}")
        if self.too_long:
            raise InputError(
                f"{self.label}: {_counted(len(self.too_long), 'source text')} over {MAX_TEXT_BYTES:,} bytes (the limit for a transcript): "
                + "; ".join(self.too_long)
            )

    # -- assembly ----------------------------------------------------------
    def finish(self) -> QdaProject:
        _one_per_guid(self.rows, self.label)
        if self.bad_positions:
            n = len(self.bad_positions)
            raise InputError(f"{self.label}: {_counted(n, 'text selection')} whose positions are no span of the text - expected "
                             "startPosition and endPosition as whole numbers counted from 0, the end at or after the "
                             "start (REFI-QDA): " + "; ".join(self.bad_positions[:20])
                             + (f"; and {n - 20} more" if n > 20 else "") + ". Export the project again from the "
                             "program that made it")
        for kind, n in sorted(self.media.items()):
            if n:
                self.issue("info", kind, f"{_counted(n, 'coding')} of {kind}s (areas of pictures, PDFs, audio or video) not imported: no text positions")
        for reason, n in self.skipped.items():
            if n:
                self.issue("info", "selections", f"{n} {reason}")
        for row in self.rows["sources"]:
            row["text"] = self.texts.get(row["source_guid"])
        self._convert_positions()
        var_cols = list(dict.fromkeys(k for vals in self.source_vars.values() for k in vals))
        renamed = {v: (f"var_{v}" if v in frame("sources").columns else v) for v in var_cols}
        for old, new in renamed.items():
            if old != new:
                self.issue("warning", old, f"source variable {old!r} clashes with a fixed column; named {new!r}")
        for row in self.rows["sources"]:
            for v in var_cols:
                row[renamed[v]] = self.source_vars.get(row["source_guid"], {}).get(v)
        codes = norm_guids(frame("codes", self.rows["codes"]), "codes")
        codings = norm_guids(frame("codings", self.rows["codings"]), "codings")
        known = set(codes["code_guid"].dropna())
        unknown = Counter(g for g in codings["code_guid"].tolist() if g not in known)
        for guid, n in unknown.items():
            self.issue("warning", "CodeRef", f"{_counted(n, 'coding')} {_verb(n, 'refers')} to code {guid!r}, which is not in the codebook")
        tables = {
            name: norm_guids(frame(name, self.rows[name], extra=list(renamed.values()) if name == "sources" else None), name)
            for name in ("sources", "users", "variables", "cases", "case_variables", "case_sources", "sets", "set_members")
        }
        return QdaProject(
            name=self.root.get("name") or "",
            origin=self.origin,
            codes=codes,
            codings=codings,
            issues=frame("issues", self.issues),
            **tables,
        )

    def _convert_positions(self) -> None:
        names = {r["source_guid"]: r["name"] or r["source_guid"] for r in self.rows["sources"]}
        result = convert_positions(
            self.rows["codings"], self.texts, self.had_bom, origin=self.origin, positions=self.positions, names=names,
            label=self.label, max_coded_chars=MAX_CODED_CHARS,
        )
        for severity, item, message in result.issues:
            self.issue(severity, item, message)
        for message in result.warnings:
            self.issue("warning", "positions", message)
            warnings.warn(f"{self.label}: {message}", QdpxWarning, stacklevel=user_level())


def _one_per_guid(rows: dict[str, list[dict]], label: str) -> None:
    """InputError naming every GUID two users, codes or sources share (GUIDs compare without regard to case or
    braces): a coding names its code, coder and source by GUID, so which one it meant could not be told."""
    shared = []
    for table, kind in (("users", "user"), ("codes", "code"), ("sources", "source")):
        names: dict[object, list[str]] = {}
        for row in rows.get(table, []):
            guid = norm_guid(row[f"{kind}_guid"])
            if isinstance(guid, str):
                names.setdefault(guid, []).append(repr(row.get("name") or ""))
        shared += [f"{kind} {guid} is {' and '.join(given) if len(given) == 2 else ', '.join(given)}"
                   for guid, given in names.items() if len(given) > 1]
    if shared:
        raise InputError(f"{label}: {_counted(len(shared), 'GUID')} given to more than one user, code or source - expected "
                         "each under a GUID of its own (REFI-QDA), as codings name their code, coder and source by "
                         "GUID: " + "; ".join(shared[:20]) + (f"; and {len(shared) - 20} more" if len(shared) > 20
                                                               else "") + ". Export the project again from the "
                         "program that made it")


def _int(value: str | None) -> int | None:
    if value is None or not value.strip():
        return None
    try:
        return int(value.strip())
    except ValueError:
        return None


def _resolve(path: str, index: dict[str, str], prefix: str) -> str | None:
    """Find the archive member a source path names (case-insensitive), or None."""
    p = path.strip().replace("\\", "/")
    low = p.lower()
    for scheme in ("internal://", "relative://", "file://"):
        if low.startswith(scheme):
            p = urllib.parse.unquote(p[len(scheme) :])
            break
    p = p.lstrip("/")
    base = posixpath.basename(p)
    candidates = [p, f"sources/{p}", f"sources/{base}", base]
    for c in candidates:
        hit = index.get((prefix + c).lower())
        if hit is not None:
            return hit
    return None


def read_codes(codes_elem: ET.Element, parent: str | None, rows: list[dict]) -> None:
    """Append one row per ``Code`` under ``codes_elem`` (depth first, document order)."""
    for c in children(codes_elem, "Code"):
        description = child_text(c, "Description")
        code_id = None
        if description is not None:
            m = CODE_ID_MARK.search(description)
            if m:
                code_id = m.group("id")
                description = description[: m.start()] or None
        codable = c.get("isCodable")
        rows.append(
            {
                "code_guid": c.get("guid"),
                "code_id": code_id,
                "name": c.get("name"),
                "parent_guid": parent,
                "description": description,
                "color": c.get("color"),
                "is_codable": None if codable is None else codable.strip().lower() in ("true", "1"),
            }
        )
        read_codes(c, c.get("guid"), rows)


def read_sets(sets_elem: ET.Element, sets: list[dict], members: list[dict]) -> None:
    """Append the sets under ``sets_elem`` and their members."""
    kinds = {"MemberCode": "code", "MemberSource": "source", "MemberNote": "note"}
    for s in children(sets_elem, "Set"):
        guid = s.get("guid")
        sets.append({"set_guid": guid, "name": s.get("name"), "description": child_text(s, "Description")})
        for m in children(s, *kinds):
            # ATLAS.ti codebooks write ``guid`` where the schema says ``targetGUID``.
            members.append({"set_guid": guid, "member_type": kinds[local(m.tag)], "member_guid": m.get("targetGUID") or m.get("guid")})


def read_qdc(path: str | os.PathLike) -> QdaProject:
    """Read a REFI-QDA codebook file (``.qdc``): its codes and code sets.

    Parameters
    ----------
    path : str or path-like
        The ``.qdc`` XML file (root element ``CodeBook``).

    Returns
    -------
    QdaProject
        With ``codes``, ``sets`` and ``set_members`` filled; the other tables
        empty.

    Raises
    ------
    InputError
        For unsafe or malformed XML or a root element other than ``CodeBook``.

    Examples
    --------
    >>> import tempfile, pathlib, pandas as pd
    >>> from impact.qdpx import read_qdc, write_qdc
    >>> codes = pd.DataFrame({"code_id": ["morale"], "label": ["Staff morale"], "definition": ["Morale improved"]})
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "codes.qdc"
    >>> _ = write_qdc(codes, f)
    >>> read_qdc(f).codes[["code_id", "name", "description"]].values.tolist()
    [['morale', 'Staff morale', 'Morale improved']]
    """
    require_path(path, "path", "a REFI-QDA codebook file (.qdc)")
    label = Path(path).name
    root = parse_xml(_read_bytes(path, label), source=label)
    if local(root.tag) != "CodeBook":
        raise InputError(f"{label}: the root element is <{local(root.tag)}> - expected <CodeBook> (a REFI-QDA codebook)")
    rows: list[dict] = []
    for codes in children(root, "Codes"):
        read_codes(codes, None, rows)
    _one_per_guid({"codes": rows}, label)
    sets: list[dict] = []
    members: list[dict] = []
    for s in children(root, "Sets"):
        read_sets(s, sets, members)
    return QdaProject(
        name=label,
        origin=root.get("origin") or "",
        codes=frame("codes", rows),
        sets=frame("sets", sets),
        set_members=frame("set_members", members),
    )


def _read_bytes(path: str | os.PathLike, label: str) -> bytes:
    # The XML parser decodes (UTF-8, UTF-16, byte-order marks) from the declaration itself.
    p = check_input_file(path, label=label)  # a folder, a pipe or nothing, each said as what it is
    if p.stat().st_size > MAX_TEXT_BYTES:
        raise InputError(f"{label}: {p.stat().st_size:,} bytes - expected a codebook of at most {MAX_TEXT_BYTES:,} bytes")
    return p.read_bytes()

"""One guarded reader for every zip-based input: ``.docx`` transcripts, ``.xlsx`` workbooks, ``.qdpx`` projects.

A zip archive can lie.  Its central directory declares each member's size,
but the bytes that come out of the decompressor are what cost memory and time,
and a member "declared small" can stream far more than it says; a few
kilobytes of deflate can expand a thousand-fold; a spreadsheet of 17 KB can
name the cell XFD1048576 and make a reader build a grid of 17 billion cells.
This module is the one way :mod:`impact` opens such files:

* :func:`open_archive` checks every entry before anything is read (no ``..``,
  absolute, drive-letter or link members; no duplicated names; no encrypted
  members; a declared ratio within the cap) and returns a :class:`GuardedZip`
  whose :meth:`GuardedZip.stream` inflates members itself, chunk by chunk,
  counting the bytes that really come out: caps on each member's expanded
  size, on the archive's total, and on the ratio of bytes produced to
  compressed bytes consumed are enforced *while streaming*, never trusted
  from the declared sizes; a member that streams more than it declares, or
  whose checksum is wrong, is refused too.
* :func:`read_docx_text` streams a ``.docx``'s main document part through a
  :mod:`defusedxml` parser and keeps only its paragraph text (what
  python-docx's ``Document(...).paragraphs`` gives), refusing text over the
  same size limit as a ``.txt`` transcript (:data:`impact._io.MAX_TEXT_BYTES`)
  as soon as it is reached; memory stays bounded by the text, not the XML.
* :func:`load_workbook` streams every member of an ``.xlsx`` once (the caps
  above) while scanning the worksheets for the cells and ranges they reach
  (``<dimension ref>``, rows, cells, merged cells, hyperlinks, comments),
  refuses a sheet beyond :data:`XLSX_LIMITS` before openpyxl builds anything,
  then hands the verified file to :func:`openpyxl.load_workbook`.

Every refusal is an :class:`impact.InputError` naming the file and the member
and giving the value found and the limit, so the command line exits with
status 2 and one clear message.
"""

from __future__ import annotations

import contextlib
import os
import posixpath
import re
import stat
import struct
import warnings
import xml.etree.ElementTree as ET
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import defusedxml
import defusedxml.ElementTree as DET

from ._io import MAX_TEXT_BYTES
from ._words import _named
from .errors import ImpactWarning, InputError, user_level

# The errors a defusedxml parser raises for XML that is not well formed: defusedxml 0.7.0 (the floor setup.cfg
# allows) parses with its own copy of the pure-Python ElementTree, whose ParseError is not xml.etree's (0.7.1 uses one).
XML_PARSE_ERRORS = tuple({ET.ParseError, DET.ParseError})

__all__ = [
    "ARCHIVE_LIMITS",
    "XLSX_LIMITS",
    "GuardedZip",
    "DocxTextWarning",
    "open_archive",
    "read_docx_text",
    "load_workbook",
    "read_sheets",
    "SheetCells",
    "safe_zip",
]

MiB = 1024 * 1024

#: Limits applied to every archive opened (override per call with ``limits=``).
#:
#: ``max_entries``: members listed in the central directory; ``max_member_bytes``:
#: bytes one member may expand to; ``max_total_bytes``: bytes all the members
#: read from one archive may expand to; ``max_ratio``: bytes produced per
#: compressed byte consumed, checked once a member has produced ``ratio_floor``
#: bytes (small XML parts legitimately compress very well); ``max_xml_elements``:
#: XML elements parsed from one archive, all parts together (each costs a
#: Python call: this bounds the time, about 2-3 s per million on a busy machine).
#: The most bytes a document (a ``.docx`` transcript, a study workbook) may have: each is read once, into memory,
#: and every reader of it is given those bytes (:func:`impact._io.snapshot`), as python-docx and calamine hold a whole
#: file anyway.  The bundled example's workbook has 0.2 MB; a transcript of 100,000 words 0.3 MB as a .docx.
MAX_DOCUMENT_BYTES = 256 * 1024 * 1024

ARCHIVE_LIMITS: dict[str, float] = {
    "max_entries": 10_000,
    "max_member_bytes": 128 * MiB,
    "max_total_bytes": 256 * MiB,
    "max_ratio": 100.0,
    "ratio_floor": 1 * MiB,
    "max_xml_elements": 2_000_000,
}

#: Limits on what a workbook's sheets may reach before openpyxl loads it:
#: the last row and column any cell or range names, and the cells a full
#: read of the sheet would create (rows x columns of that extent, and the
#: ``<c>`` elements written).
#: A million cells: a table of 100,000 rows of five columns (500,005 cells) was refused at 500,000; it is read in
#: 47 s at 291 MB at most, 180,000 rows (900,005 cells) in 155 s at 384 MB (on a busy machine).  A larger table of a
#: study is read from a CSV file (up to 50 MiB), which its refusal says.
#: ``max_text``: the characters of text a workbook may hold in all (its cells, shared strings and comments; an
#: ``.ods`` cell repeated counts each time, as a reader makes it), refused as soon as passed
#: (:class:`_TextBudget`).  What a real study holds is far less: the bundled example's tables saved as one workbook
#: hold 572,756 characters (456,207 in its largest sheet, survey_responses); the six DfE tables of
#: children's social care by council (2013-2025, the largest public tables a study takes in) 1.8 million in all; a
#: table at the million-cell cap shaped as indicators.csv (200,000 rows of 35 characters) about 7 million.  32
#: million is 56 times the example and more than four times that table: a larger table is read from its CSV file (up
#: to 50 MiB).  Without it, a sheet of many cells each under :data:`MAX_CELL_TEXT` (120 MB of text, 74-fold) was
#: read by openpyxl in 4 s, to 283 MB.
XLSX_LIMITS: dict[str, int] = {
    "max_rows": 500_000,
    "max_columns": 256,
    "max_cells": 1_000_000,
    "max_text": 32_000_000,
}


class ArchiveSizeError(InputError):
    """An archive too large to read (more XML elements than :data:`ARCHIVE_LIMITS` allows), being large on disk too:
    not a bomb, a small file expanding hugely."""


#: An XML part past the cap of elements that expands more than this many times its compressed size is a bomb (a small
#: file expanding hugely: ``<row/>`` repeated deflates about 1,000-fold); one expanding less, a file just large.  A
#: worksheet's XML expands 11-14 fold (openpyxl's, 20,000 rows of five columns: 11.5 for varied cells, 13.6 for one
#: row repeated; each cell's reference differs), 500,000 formatted empty rows 20-fold; but LibreOffice's ``.ods`` of
#: the bundled example (10 MB of content.xml) 86-fold: a ratio alone does not tell a bomb of 50-100-fold from a real
#: file, so such a part is streamed, bounded by what it holds (:data:`XLSX_LIMITS`, :data:`MAX_CELL_TEXT`,
#: ``max_xml_elements``), never by its ratio alone.
_BOMB_EXPANSION = 50


class SheetReachError(InputError):
    """A sheet reaching past :data:`XLSX_LIMITS` (a value or a format far beyond the data, or a table of more
    cells than a workbook of impact's inputs may hold)."""


_CHUNK_IN = 64 * 1024  # compressed bytes read at a time
_CHUNK_OUT = 1 * MiB  # most bytes one inflate step may produce
_LOCAL_HEADER = struct.Struct("<4s5H3L2H")  # the zip local file header (30 bytes)
_STORED, _DEFLATED = 0, 8


def _limits(base: Mapping[str, Any], given: Mapping[str, Any] | None) -> dict[str, Any]:
    unknown = sorted(set(given or {}) - set(base))
    if unknown:
        raise TypeError(f"unknown {_named('limit', unknown)}; the limits are {sorted(base)}")
    return {**base, **(given or {})}


def _unsafe_name(name: str) -> str | None:
    """Why an entry name points outside the archive, or None."""
    if "\x00" in name:
        return "has a NUL character in its name"
    norm = name.replace("\\", "/")
    if norm.startswith("/") or re.match(r"^[A-Za-z]:", norm):
        return "points outside the archive (absolute path)"
    if ".." in norm.split("/"):
        return "points outside the archive ('..')"
    return None


class DocxTextWarning(ImpactWarning):
    """A ``.docx`` holds text that is not read as transcript text (tables, content controls...)."""


class GuardedZip:
    """An open zip archive whose members are read only through capped streams.

    Made by :func:`open_archive`; use it inside that ``with`` block.  Member
    names are matched exactly, or else ignoring case (zip tools disagree about
    ``Sources/`` and ``sources/``).

    Attributes
    ----------
    label : str
        How the archive is named in messages.
    limits : dict
        The :data:`ARCHIVE_LIMITS` in force.
    expanded : int
        Bytes produced so far by every member read (counted against
        ``max_total_bytes``).
    elements : int
        XML elements parsed so far by :func:`stream_xml` (counted against
        ``max_xml_elements``).
    """

    def __init__(self, zf: Any, fh: Any, *, label: str, limits: dict[str, Any]) -> None:
        import zipfile

        self._zipfile = zipfile
        self._zf = zf
        self._fh = fh
        self.label = label
        self.limits = limits
        self.expanded = 0
        self.elements = 0
        self._infos = {i.filename: i for i in zf.infolist() if not i.is_dir()}
        self._lower = {n.lower(): n for n in self._infos}
        self._size = len(fh.getbuffer()) if hasattr(fh, "getbuffer") else os.fstat(fh.fileno()).st_size  # bytes read once

    # -- listing -----------------------------------------------------------
    def namelist(self) -> list[str]:
        """Names of the file members (directories left out), in archive order."""
        return list(self._infos)

    def find(self, name: str) -> str | None:
        """The member called ``name`` (exactly, else ignoring case), or None."""
        if name in self._infos:
            return name
        return self._lower.get(name.lower())

    def info(self, name: str) -> Any:
        """The :class:`zipfile.ZipInfo` of a member (see :meth:`find`)."""
        found = self.find(name)
        if found is None:
            raise InputError(f"{self.label}: no member {name!r} in the archive")
        return self._infos[found]

    @property
    def fileobj(self) -> Any:
        """The open archive file, rewound (for libraries that read it themselves)."""
        self._fh.seek(0)
        return self._fh

    # -- reading -----------------------------------------------------------
    def read(self, name: str, *, max_bytes: int | None = None) -> bytes:
        """A member's bytes, read through :meth:`stream` (same caps)."""
        buf = bytearray()
        for chunk in self.stream(name, max_bytes=max_bytes):
            buf += chunk
        return bytes(buf)

    def _refuse(self, member: str, why: str) -> InputError:
        return InputError(f"{self.label}: unsafe archive - member {member!r} {why}")

    def stream(self, name: str, *, max_bytes: int | None = None) -> Iterator[bytes]:
        """Yield a member's bytes chunk by chunk, inflating them here with every cap enforced.

        Parameters
        ----------
        name : str
            The member (see :meth:`find`).
        max_bytes : int, optional
            A tighter cap for this member than ``max_member_bytes``.

        Raises
        ------
        InputError
            When the member declares more than its cap, takes the archive beyond
            its total, expands beyond the ratio cap, streams more (or fewer)
            bytes than it declares (so never more than its cap), fails its
            checksum, is encrypted or uses a compression method other than
            stored or deflate.
        """
        info = self.info(name)
        member = info.filename
        lim = self.limits
        cap = int(lim["max_member_bytes"] if max_bytes is None else min(max_bytes, lim["max_member_bytes"]))
        if info.flag_bits & 0x1:
            raise InputError(f"{self.label}: member {member!r} is encrypted - expected an unencrypted archive")
        if info.compress_type not in (_STORED, _DEFLATED):
            raise InputError(
                f"{self.label}: member {member!r} uses compression method {info.compress_type} - expected stored (0) or deflate (8), "
                "the only methods Office and REFI-QDA files use"
            )
        if info.file_size > cap:
            raise self._refuse(member, f"declares {info.file_size:,} bytes uncompressed (at most {cap:,} allowed)")
        start, remaining = self._data_span(info)
        inflate = zlib.decompressobj(-15) if info.compress_type == _DEFLATED else None
        pos, pending = start, b""
        produced = consumed = crc = 0
        while True:
            if not pending and remaining > 0:
                self._fh.seek(pos)
                pending = self._fh.read(min(_CHUNK_IN, remaining))
                if not pending:
                    raise InputError(f"{self.label}: member {member!r} is truncated (the archive ends inside it)")
                pos += len(pending)
                remaining -= len(pending)
            if inflate is None:
                out, used, pending = pending, len(pending), b""
                done = remaining == 0
            else:
                try:
                    out = inflate.decompress(pending, _CHUNK_OUT)
                except zlib.error as exc:
                    raise InputError(f"{self.label}: member {member!r} is damaged ({exc})") from None
                used = len(pending) - len(inflate.unconsumed_tail)
                pending = inflate.unconsumed_tail
                done = inflate.eof
                if not done and not out and not pending and remaining == 0:
                    raise InputError(f"{self.label}: member {member!r} is truncated (its compressed data ends early)")
            consumed += used
            produced += len(out)
            if produced > info.file_size:
                raise self._refuse(member, f"streams more than the {info.file_size:,} bytes it declares (a zip bomb?)")
            if self.expanded + produced > lim["max_total_bytes"]:
                raise self._refuse(member, f"takes the archive beyond {int(lim['max_total_bytes']):,} bytes uncompressed in total")
            if produced > lim["ratio_floor"] and produced > lim["max_ratio"] * max(consumed, 1):
                raise self._refuse(
                    member, f"expands {produced / max(consumed, 1):,.0f}-fold (at most {lim['max_ratio']:,.0f} allowed; a zip bomb?)"
                )
            if out:
                crc = zlib.crc32(out, crc)
                yield out
            if done:
                break
        self.expanded += produced
        if produced != info.file_size:
            raise InputError(f"{self.label}: member {member!r} is damaged (declares {info.file_size:,} bytes, holds {produced:,})")
        if crc != info.CRC:
            raise InputError(f"{self.label}: member {member!r} is damaged (checksum does not match)")

    def _data_span(self, info: Any) -> tuple[int, int]:
        """Where a member's compressed data starts, and how many bytes it may take."""
        self._fh.seek(info.header_offset)
        header = self._fh.read(_LOCAL_HEADER.size)
        if len(header) != _LOCAL_HEADER.size or header[:4] != b"PK\x03\x04":
            raise InputError(f"{self.label}: member {info.filename!r} is damaged (no local file header where the directory says)")
        fields = _LOCAL_HEADER.unpack(header)
        name_len, extra_len = fields[-2], fields[-1]
        raw = self._fh.read(name_len)
        local = raw.decode("utf-8" if fields[2] & 0x800 else "cp437", errors="replace")
        if local != info.orig_filename:
            raise InputError(
                f"{self.label}: unsafe archive - member {info.orig_filename!r} is called {local!r} in its local header "
                "(two names for one member)"
            )
        start = info.header_offset + _LOCAL_HEADER.size + name_len + extra_len
        return start, max(0, min(info.compress_size, self._size - start))

    def verify(self) -> None:
        """Stream every member once (all caps enforced), keeping nothing."""
        for name in self._infos:
            for _ in self.stream(name):
                pass


def read_once(path: str | os.PathLike, *, label: str, what: str) -> bytes | None:
    """The bytes of the document ``path`` (``what`` it should be: ".xlsx workbook"), read once
    (:func:`impact._io.snapshot`, at most :data:`MAX_DOCUMENT_BYTES`), for every reader of it; None where it is no
    regular file (:func:`open_archive` says so, as for any archive)."""
    from ._io import snapshot

    return snapshot(path, MAX_DOCUMENT_BYTES, label=label, what=what) if Path(path).is_file() else None


@contextlib.contextmanager
def open_archive(
    path: str | os.PathLike,
    *,
    label: str | None = None,
    limits: Mapping[str, Any] | None = None,
    kind: str = "zip archive",
    data: bytes | None = None,
) -> Iterator[GuardedZip]:
    """Open a zip archive for guarded reading; refuse unsafe entries first.

    Nothing is extracted to disk; members are read through
    :meth:`GuardedZip.stream` / :meth:`GuardedZip.read`.

    Parameters
    ----------
    path : str or path-like
        The archive (``.docx``, ``.xlsx``, ``.qdpx``...).
    label : str, optional
        How to name the file in messages (default: the path).
    limits : mapping, optional
        Overrides of :data:`ARCHIVE_LIMITS`.
    kind : str
        What the file should be, for the message when it is not a zip archive
        (``"zip archive"``, ``".xlsx workbook"``...).
    data : bytes, optional
        The file's bytes, read once already (:func:`impact._io.snapshot`): read
        from these, not from ``path`` (named in messages only).

    Raises
    ------
    InputError
        Listing every unsafe entry: more than ``max_entries`` entries;
        absolute, ``..`` or drive-letter names; symbolic links; duplicated
        names (also ignoring case); a declared expansion over ``max_ratio``.

    Examples
    --------
    >>> import io, zipfile, tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "a.zip"
    >>> with zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED) as z:
    ...     z.writestr("a.txt", "hello " * 1000)
    >>> with open_archive(f) as gz:
    ...     len(gz.read("a.txt"))
    6000
    >>> with zipfile.ZipFile(f, "w") as z:
    ...     z.writestr("../evil.txt", "x")
    >>> with open_archive(f, label="a.zip") as gz:
    ...     pass
    Traceback (most recent call last):
    ...
    impact.errors.InputError: a.zip: unsafe archive - entry '../evil.txt' points outside the archive ('..')
    """
    import zipfile

    lim = _limits(ARCHIVE_LIMITS, limits)
    name = label or str(path)
    p = Path(path)
    if data is not None:
        import io

        fh = io.BytesIO(data)
    elif not p.is_file():
        from ._io import relative_hint

        # the path as given, not the label alone: 'p.qdpx: file not found' named the file, for '~/p.qdpx' or 'out/p.qdpx'
        raise InputError(f"{os.fspath(path)}: file not found{relative_hint(path)}" if not p.exists()
                         else f"{os.fspath(path)}: is a folder - expected a file (a zip archive: a .qdpx project, a .docx or .xlsx)"
                         if p.is_dir() else f"{os.fspath(path)}: not a regular file (a device or a pipe)")
    else:
        try:
            fh = open(p, "rb")  # noqa: SIM115 - closed in the finally below
        except OSError as exc:  # locked by the program that has it open, gone since it was found
            from ._io import unreadable

            raise unreadable(name, exc) from None
    try:
        try:
            zf = zipfile.ZipFile(fh)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
            what = "not a readable zip archive" if kind == "zip archive" else f"not a readable {kind} (not a readable zip archive)"
            raise InputError(f"{name}: {what} ({_what_instead(fh) or exc})") from None
        with zf:
            errors = _entry_problems(zf.infolist(), lim)
            if errors:
                raise InputError(f"{name}: unsafe archive - " + "; ".join(errors))
            yield GuardedZip(zf, fh, label=name, limits=lim)
    finally:
        fh.close()


def _what_instead(fh: Any) -> str | None:
    """What a file that is no zip archive is, from its first bytes ("it is a text file ..."), or None."""
    from ._io import _document_kind

    try:
        fh.seek(0)
        head = fh.read(4096)
    except (OSError, ValueError):
        return None
    if not head:  # said, not zipfile's 'File is not a zip file'
        return "it is empty, 0 bytes (an interrupted save or copy?)"

    def read_at(at: int, size: int) -> bytes:
        fh.seek(at)
        return fh.read(size)

    try:
        kind = _document_kind(head, read_at)
    except (OSError, ValueError):
        kind = None
    if kind and kind.startswith("a zip archive"):
        return "it starts as a zip archive but is damaged or cut short (an interrupted copy or download?)"
    if kind:
        return f"it is {kind}"
    if head and b"\x00" not in head:
        return "it is a text file (a CSV or plain text with another file's extension?), not a zip archive"
    return None


def _entry_problems(infos: list[Any], lim: Mapping[str, Any]) -> list[str]:
    errors: list[str] = []
    if len(infos) > lim["max_entries"]:
        errors.append(f"{len(infos):,} entries (at most {int(lim['max_entries']):,} allowed)")
        infos = infos[: int(lim["max_entries"])]
    seen: dict[str, str] = {}
    for info in infos:
        fn = info.filename
        why = _unsafe_name(fn)
        if why:
            errors.append(f"entry {fn!r} {why}")
        if stat.S_ISLNK(info.external_attr >> 16):
            errors.append(f"entry {fn!r} is a symbolic link")
        key = fn.lower()
        if key in seen:
            errors.append(f"entry {fn!r} is in the archive twice" + ("" if seen[key] == fn else f" (as {seen[key]!r})"))
        seen[key] = fn
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > lim["ratio_floor"] and ratio > lim["max_ratio"]:
            errors.append(f"entry {fn!r} declares that it expands {ratio:,.0f}-fold (at most {lim['max_ratio']:,.0f} "
                          "allowed; a zip bomb?)")
    return errors


# --------------------------------------------------------------------------- XML through the guard

class _Counted:
    """Wraps a handler's ``start`` to count elements against the archive's budget."""

    def __init__(self, handler: Any, *, gz: GuardedZip, cap: int, where: str, expansion: float = 0.0) -> None:
        self.handler = handler
        self.gz = gz
        self.cap = cap
        self.where = where
        self.expansion = expansion  # the part's size over its compressed size

    def start(self, tag: str, attrs: list[str]) -> None:
        gz = self.gz
        gz.elements += 1
        if gz.elements > self.cap:
            part = "" if self.cap == gz.limits["max_xml_elements"] else " in this part"
            if self.expansion > _BOMB_EXPANSION:  # a small part expanding into many elements
                raise InputError(f"{self.where}: unsafe archive - more than {self.cap:,} XML elements{part} (an XML "
                                 "bomb?)")
            raise ArchiveSizeError(f"{self.where}: more than {self.cap:,} XML elements{part}, the most read from one "
                                   f"file (it is large, {gz._size:,} bytes, and not a small file expanding hugely, "
                                   "as a bomb is: too large to read whole)")
        self.handler.start(tag, attrs)


def stream_xml(
    gz: GuardedZip, member: str, handler: Any, *, max_bytes: int | None = None, max_elements: int | None = None, keep: bytearray | None = None
) -> Any:
    """Feed a member through a :mod:`defusedxml` parser chunk by chunk; return ``handler.close()``.

    Document type declarations, entities and external references are refused
    by defusedxml's handlers.  For speed the element events go straight from
    expat to ``handler.start(tag, attrs)`` (``tag`` as ``"namespace}local"``,
    ``attrs`` a flat ``[name, value, ...]`` list), ``handler.end(tag)`` and
    ``handler.data(text)``; nothing is built.  Elements count against the
    archive's ``max_xml_elements`` (or ``max_elements`` more for this part,
    if that is smaller).  ``keep``, if given, receives the member's bytes.
    """
    info = gz.info(member)
    where = f"{gz.label}:{info.filename}"
    budget = int(gz.limits["max_xml_elements"])
    cap = budget if max_elements is None else min(budget, gz.elements + max_elements)
    counted = _Counted(handler, gz=gz, cap=cap, where=where, expansion=info.file_size / max(info.compress_size, 1))
    parser = DET.DefusedXMLParser(target=handler, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    expat = parser.parser
    expat.StartElementHandler = counted.start
    expat.EndElementHandler = handler.end
    expat.CharacterDataHandler = handler.data
    read = _Read()
    with _xml_errors(where, read):
        for chunk in gz.stream(member, max_bytes=max_bytes):
            if len(read.head) < 256:
                read.head += chunk[: 256 - len(read.head)]
            read.size += len(chunk)
            if keep is not None:
                keep += chunk
            read.nul = read.nul or b"\x00" in chunk
            parser.feed(chunk)
        read.whole = True
        return parser.close()


class _Read:
    """What a parse has read of a member: its first bytes, how many, and whether all of them (the parse then failed
    only at the end of the file)."""

    def __init__(self) -> None:
        self.head = b""
        self.size = 0
        self.whole = False
        self.nul = False  # a NUL byte read (no XML holds one)


_DECLARED = re.compile(rb"""<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


def xml_form(head: bytes, size: int, *, at_end: bool, code: int | None = None, nul: bool = False) -> str:
    """What is wrong with an XML file that expat would not read, from its first bytes: empty, saved as UTF-16 or
    UTF-32 where its declaration (or its missing byte-order mark) says otherwise, cut short (the error at the end of
    the file), or text after its end; ``""`` where none of these is seen.

    Examples
    --------
    >>> xml_form("<?xml version='1.0' encoding='utf-8'?><a/>".encode("utf-16-le"), 80, at_end=False)[:60]
    'the file is saved as little-endian UTF-16 without the byte-o'
    >>> xml_form(b"<?xml version='1.0'?><Project><Codes>", 37, at_end=True)[:46]
    'the file ends before its XML does: it was cut '
    """
    from xml.parsers.expat import errors

    if size == 0:
        return "the file is empty (0 bytes) - expected XML"
    utf16 = {b"\xff\xfe": "little-endian UTF-16", b"\xfe\xff": "big-endian UTF-16"}
    if head[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"):
        return ("the file is saved as UTF-32 (it begins with a UTF-32 byte-order mark) - expected XML in UTF-8 "
                "(or UTF-16): save it again as UTF-8")
    declared = _DECLARED.search(head.replace(b"\x00", b"")[:200])
    said = declared.group(1).decode("ascii").lower() if declared else None
    if head[:2] in utf16:
        if said and not said.startswith("utf-16") and said != "utf16":
            return (f"the file is saved as {utf16[head[:2]]}, beginning with its byte-order mark, but its XML "
                    f"declaration says encoding={said!r} - expected the two to agree: save it again as UTF-8")
    elif head[:2] in (b"<\x00", b"\x00<"):
        order = "little" if head[:1] == b"<" else "big"
        return (f"the file is saved as {order}-endian UTF-16 without the byte-order mark that tells a reader so "
                "- expected XML in UTF-8, or UTF-16 beginning with its byte-order mark: save it again as UTF-8")
    elif said in ("utf-16", "utf16", "utf-16le", "utf-16be") and head[:1] == b"<":
        return (f"the file's XML declaration says encoding={said!r}, but it is saved as 8-bit text (UTF-8?), not "
                "UTF-16 - expected the two to agree: take out the encoding or write encoding='utf-8'")
    if nul:
        return ("the file holds NUL bytes (zeros), which no XML text holds: padding left by an interrupted copy or a "
                "damaged disk? - expected XML text only: export the file again")
    if code == errors.codes.get(errors.XML_ERROR_JUNK_AFTER_DOC_ELEMENT):
        return ("the file goes on after its XML ends (its root element is closed and more follows: two files joined, "
                "or padding from an interrupted copy?) - expected nothing after the root element's end")
    if at_end:
        return (f"the file ends before its XML does: it was cut short after {size:,} bytes (an interrupted save, copy "
                "or download?), an element still open - expected the whole file, its root element closed at its end")
    return ""


@contextlib.contextmanager
def _xml_errors(where: str, read: _Read | None = None) -> Iterator[None]:
    """Turn defusedxml's refusals and expat's errors into one clear :class:`InputError` (``read``: what was read,
    to say what the file is where it is no XML a reader can take: UTF-16 beside a UTF-8 declaration, cut short)."""
    try:
        yield
    except defusedxml.DTDForbidden:
        raise InputError(f"{where}: refused - the XML has a document type declaration (<!DOCTYPE>), which can hide entity-expansion attacks") from None
    except (defusedxml.EntitiesForbidden, defusedxml.ExternalReferenceForbidden) as exc:
        raise InputError(f"{where}: refused - the XML declares entities or external references ({exc})") from None
    except XML_PARSE_ERRORS as exc:
        line, col = exc.position
        said = xml_form(read.head, read.size, at_end=read.whole, code=getattr(exc, "code", None),
                        nul=read.nul) if read else ""
        raise InputError(f"{where}: not well-formed XML at line {line}, column {col + 1}"
                         + (f" ({said})" if said else "")) from None


class _Nothing:
    """A parser target that keeps nothing (for counting and safety checks)."""

    def start(self, tag: str, attrs: list[str]) -> None:
        pass

    def end(self, tag: str) -> None:
        pass

    def data(self, text: str) -> None:
        pass

    def close(self) -> None:
        return None


def check_xml(gz: GuardedZip, member: str, *, max_bytes: int | None = None, max_elements: int | None = None) -> bytes:
    """A member's bytes, once streamed through :func:`stream_xml` (safe, within every cap).

    For XML that is then parsed into a tree: the tree is built only from
    bytes whose size, element count and safety are already known.
    """
    buf = bytearray()
    stream_xml(gz, member, _Nothing(), max_bytes=max_bytes, max_elements=max_elements, keep=buf)
    return bytes(buf)


# --------------------------------------------------------------------------- .docx

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def _attr(attrs: list[str], name: str, default: str | None = None) -> str | None:
    """An attribute from expat's flat ``[name, value, ...]`` list."""
    for i in range(0, len(attrs), 2):
        if attrs[i] == name:
            return attrs[i + 1]
    return default


class _DocxText:
    """A parser target keeping the text of the body's paragraphs, as python-docx reads it.

    ``Document.paragraphs`` are the ``w:p`` children of ``w:body``; a
    paragraph's text is that of its ``w:r`` and ``w:hyperlink/w:r`` children;
    a run's text is its ``w:t`` text, ``w:tab``/``w:ptab`` as a tab,
    ``w:cr`` and text-wrapping ``w:br`` as a newline (page and column breaks
    as nothing) and ``w:noBreakHyphen`` as ``-``.  Paragraphs are joined with
    newlines.
    """

    def __init__(self, *, limit: int, label: str) -> None:
        self.limit = limit
        self.label = label
        self.stack: list[str] = [""] * 7  # tags by depth (1 = the root), down to depth 6
        self.depth = 0
        self.any_text_depth = 0
        self.skipped = 0  # characters of text outside the body's paragraphs (tables, content controls, revisions)
        self.paragraphs: list[str] = []
        self.parts: list[str] | None = None
        self.text_depth = 0
        self.size = 0

    def _add(self, text: str) -> None:
        self.size += len(text.encode("utf-8", "surrogatepass"))
        if self.size > self.limit:
            raise InputError(
                f"{self.label}: the document's text exceeds {self.limit:,} bytes - expected a transcript of at most "
                f"{self.limit:,} bytes (the limit for .txt transcripts)"
            )
        self.parts.append(text)  # type: ignore[union-attr]

    def start(self, tag: str, attrs: list[str]) -> None:
        d = self.depth = self.depth + 1
        if tag == _W + "t":
            self.any_text_depth = d  # text anywhere: counted if not read, so it is never dropped silently
        if d > 6:  # nothing below w:hyperlink/w:r/w:t is paragraph text
            return
        st = self.stack
        st[d] = tag
        if d == 3:
            if tag == _W + "p" and st[2] == _W + "body" and st[1] == _W + "document":
                self.parts = []
            return
        if d < 5 or self.parts is None or not tag.startswith(_W):
            return
        if (d == 5 and st[4] == _W + "r") or (d == 6 and st[4] == _W + "hyperlink" and st[5] == _W + "r"):
            local = tag[len(_W):]
            if local == "t":
                self.text_depth = d
            elif local in ("tab", "ptab"):
                self._add("\t")
            elif local == "cr" or (local == "br" and _attr(attrs, _W + "type", "textWrapping") == "textWrapping"):
                self._add("\n")
            elif local == "noBreakHyphen":
                self._add("-")

    def end(self, tag: str) -> None:
        d = self.depth
        self.depth = d - 1
        if d == self.any_text_depth:
            self.any_text_depth = 0
        if d == self.text_depth:
            self.text_depth = 0
        elif d == 3 and self.parts is not None:
            text = "".join(self.parts)
            if self.paragraphs:
                self._add("\n")  # the separator counts towards the limit
            self.paragraphs.append(text)
            self.parts = None

    def data(self, text: str) -> None:
        if self.text_depth and self.depth == self.text_depth:
            self._add(text)
        elif self.any_text_depth and self.depth == self.any_text_depth:
            self.skipped += len(text)

    def close(self) -> str:
        if self.skipped:
            warnings.warn(
                f"{self.label}: {self.skipped:,} characters of text outside the body's paragraphs (in tables, content "
                "controls, text boxes or tracked insertions) are not read as transcript text; save the transcript "
                "with its text in plain paragraphs, or as .txt, to include them",
                DocxTextWarning,
                stacklevel=user_level(),
            )
        return "\n".join(self.paragraphs)


class _Collect(_Nothing):
    """A parser target that builds nothing and keeps the attributes of chosen elements."""

    def __init__(self, local: str) -> None:
        self.local = local
        self.found: list[dict[str, str]] = []

    def start(self, tag: str, attrs: list[str]) -> None:
        if tag.rsplit("}", 1)[-1] == self.local:
            self.found.append(dict(zip(attrs[::2], attrs[1::2], strict=True)))

    def close(self) -> list[dict[str, str]]:
        return self.found


#: Packages a .docx may turn out to be, by the content type of their main part (as ``[Content_Types].xml`` gives
#: it): what each is, and how to make a Word Document of it.  A Word Document's own is
#: ``...wordprocessingml.document.main+xml``.
_OTHER_PACKAGES = (
    ("document.macroEnabled.main+xml", "a macro-enabled Word document (.docm)", "open it in Word and save it as "
     "\"Word Document (.docx)\", which leaves its macros out (impact never runs them, and reads no other type)"),
    ("template.macroEnabledTemplate.main+xml", "a macro-enabled Word template (.dotm)", "open it in Word and save "
     "it as \"Word Document (.docx)\""),
    ("wordprocessingml.template.main+xml", "a Word template (.dotx)", "open it in Word and save it as \"Word "
     "Document (.docx)\""),
    ("spreadsheetml.", "an Excel workbook", "copy the interview's text into a Word document and save it as \"Word "
     "Document (.docx)\", or as plain text (.txt)"),
    ("presentationml.", "a PowerPoint presentation", "copy the interview's text into a Word document and save it as "
     "\"Word Document (.docx)\", or as plain text (.txt)"),
)


def _opendocument_kind(gz: GuardedZip) -> str | None:
    """The kind of an OpenDocument package ('text', 'spreadsheet'), from the ``mimetype`` member it starts with; None
    for an archive of another kind."""
    mimetype = gz.find("mimetype")
    if mimetype is None:
        return None
    said = b"".join(gz.stream(mimetype, max_bytes=256))[:100].decode("ascii", "replace").strip()
    return said.rsplit(".", 1)[-1] if said.startswith("application/vnd.oasis.opendocument") else None


def _main_content_type(gz: GuardedZip) -> str:
    """The content type of an Office Open XML package's main part, as ``[Content_Types].xml`` gives it (the first
    ending ``main+xml``); "" where there is none."""
    types = gz.find("[Content_Types].xml")
    if types is None:
        return ""
    parts = stream_xml(gz, types, _Collect("Override"), max_bytes=MiB)
    return next((p.get("ContentType", "") for p in parts if p.get("ContentType", "").endswith("main+xml")), "")


def _package_kind(gz: GuardedZip) -> tuple[str, str] | None:
    """What an archive named .docx is, where it is another kind of package (an OpenDocument text, a macro-enabled
    document, a template, a workbook): ``(what it is, what to do)``; None for a Word Document or a package of a
    kind not told apart here (read as one, and refused where it cannot be)."""
    if (kind := _opendocument_kind(gz)) is not None:
        return (f"an OpenDocument {kind} (as LibreOffice or Google Docs saves it)",
                "open it and save it as \"Word Document (.docx)\" (in LibreOffice: File > Save As, type \"Word "
                "2007-365\")")
    content_type = _main_content_type(gz)
    return next(((what, todo) for needle, what, todo in _OTHER_PACKAGES if needle in content_type), None)


#: Packages an .xlsx may turn out to be, by the content type of their main part: what each is (an Excel workbook's
#: own, ``...spreadsheetml.sheet.main+xml``, and its macro-enabled and template forms, are read as workbooks).
_NOT_WORKBOOKS = (
    ("wordprocessingml.", "a Word document"),
    ("presentationml.", "a PowerPoint presentation"),
)
_SAVE_AS_XLSX = "open it and save it as \"Excel Workbook (.xlsx)\" (in LibreOffice: File > Save As, type \"Excel 2007-365\")"


def _not_a_workbook(gz: GuardedZip) -> str | None:
    """What an archive given as an .xlsx is, where it is another kind of package (an OpenDocument spreadsheet, a Word
    document), said with what to do; None for a workbook or a package of a kind not told apart here.  openpyxl said
    of an OpenDocument spreadsheet "There is no item named '[Content_Types].xml' in the archive"."""
    if (kind := _opendocument_kind(gz)) is not None:
        what = "spreadsheet (.ods, as LibreOffice Calc saves it)" if kind == "spreadsheet" else kind
        return f"it is an OpenDocument {what}, not an Excel workbook: {_SAVE_AS_XLSX}"
    content_type = _main_content_type(gz)
    return next((f"it is {what}, not an Excel workbook: {_SAVE_AS_XLSX}" for needle, what in _NOT_WORKBOOKS
                 if needle in content_type), None)


def _main_part(gz: GuardedZip) -> str:
    """The member holding a word-processing package's main document (from ``_rels/.rels``)."""
    rels = gz.find("_rels/.rels")
    if rels is not None:
        for rel in stream_xml(gz, rels, _Collect("Relationship"), max_bytes=MiB):
            if rel.get("Type", "").endswith("/officeDocument") and rel.get("Target"):
                target = rel["Target"].lstrip("/")
                if gz.find(target) is not None and _unsafe_name(target) is None:
                    return gz.find(target)  # type: ignore[return-value]
    found = gz.find("word/document.xml")
    if found is None:
        raise InputError(f"{gz.label}: not a readable .docx file (no main document part: word/document.xml is missing)")
    return found


def read_docx_text(
    path: str | os.PathLike,
    *,
    label: str | None = None,
    max_text_bytes: int = MAX_TEXT_BYTES,
    limits: Mapping[str, Any] | None = None,
    data: bytes | None = None,
) -> str:
    """The text of a ``.docx``: its body's paragraphs joined by newlines.

    The archive is opened with :func:`open_archive`; only the main document
    part is read, streamed through a :mod:`defusedxml` parser that keeps the
    paragraph text (the same text as python-docx's ``paragraphs``, checked by
    the tests) and nothing else, so memory follows the text, not the XML.

    Parameters
    ----------
    path : str or path-like
    label : str, optional
        Name for messages (default: the path).
    max_text_bytes : int
        Largest text accepted, in UTF-8 bytes: the limit for ``.txt``
        transcripts by default.
    limits : mapping, optional
        Overrides of :data:`ARCHIVE_LIMITS`.
    data : bytes, optional
        The file's bytes, read once already (see :func:`open_archive`).

    Raises
    ------
    InputError
        Unsafe archive, text over the limit, malformed or unsafe XML, or no
        main document part.

    Examples
    --------
    >>> import tempfile, pathlib, docx
    >>> d = docx.Document()
    >>> _ = d.add_paragraph("We changed how we work.")
    >>> _ = d.add_paragraph("Morale\\tis up.")
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "t.docx"
    >>> d.save(f)
    >>> read_docx_text(f)
    'We changed how we work.\\nMorale\\tis up.'
    """
    name = label or str(path)
    with open_archive(path, label=name, limits=limits, kind=".docx file", data=data) as gz:
        if (other := _package_kind(gz)) is not None:
            raise InputError(f"{name}: {other[0]}, named .docx - expected a Word Document (.docx): {other[1]}")
        part = _main_part(gz)
        if strict_ooxml(gz, part):  # read as a document of no paragraphs: an empty transcript
            raise InputError(f"{name}: saved as \"Strict Open XML Document\", which cannot be read - expected a "
                             "\"Word Document (.docx)\": open it and save it again as that type")
        return stream_xml(gz, part, _DocxText(limit=max_text_bytes, label=name))


# --------------------------------------------------------------------------- .xlsx

_SPREADSHEET_NS = ("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main")
_CELL = re.compile(r"^\$?([A-Za-z]{1,3})?\$?([0-9]{1,7})?$")
_EXCEL_ROWS, _EXCEL_COLUMNS = 1_048_576, 16_384


def _column_number(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def _column_letters(n: int) -> str:
    out = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out or "A"


#: The most text a cell may hold (Excel holds 32,767 characters in a cell, and 8,192 in its formula), a shared string
#: and a comment too (:class:`_SheetExtent`, ``text_cap``): more is no workbook a spreadsheet saved, and read whole
#: it costs what a bomb does (120 MB in one cell took openpyxl 270 s and 5.2 GB).
MAX_CELL_TEXT = 32_767 + 8_192


class _TextBudget:
    """The characters of text read from one workbook, refused past ``cap`` (:data:`XLSX_LIMITS`' ``max_text``) as
    soon as passed: shared by the parser targets of its parts."""

    def __init__(self, cap: int, crafted: str = "a zip bomb?") -> None:
        self.cap = cap
        self.used = 0
        self.crafted = crafted  # what a file of so much text likely is, for the message

    def add(self, n: int, where: str, holder: str) -> None:
        self.used += n
        if self.used > self.cap:
            raise InputError(
                f"{where}: {holder or 'a text between two tags'} brings the workbook's text to more than "
                f"{self.cap:,} characters - expected at most that many in a workbook, far more than a study's tables "
                f"hold ({self.crafted} A table this large is read from a CSV file, up to 50 MiB)")


class _TextCount(_Nothing):
    """A parser target's count of text: of the cell (or shared string, comment) open, refused past ``text_cap``
    characters (:data:`MAX_CELL_TEXT`), and of the whole workbook, added to ``budget``; memory bounded (the text is
    not kept)."""

    #: What a file of a cell of so much text likely is, for the message (an .xls is no zip archive).
    crafted = "a zip bomb, or a file no spreadsheet saved?"

    def __init__(self, *, where: str, text_cap: int | None, budget: _TextBudget | None) -> None:
        self.where = where
        self.text_cap = text_cap
        self.budget = budget
        self._chars = 0  # characters of text read in the cell, shared string or comment open (else since a tag)
        self._holder = ""  # which is open, for the message ("" outside one)

    def _count(self, text: str, repeats: int = 1) -> None:
        """Count ``text`` read in the holder open (a cell repeated ``repeats`` times counts so in the workbook's)."""
        self._count_chars(len(text), repeats)

    def _count_chars(self, n: int, repeats: int = 1) -> None:
        """Count ``n`` characters of text read in the holder open, as :meth:`_count` counts a text of them."""
        if self.text_cap is not None:
            self._chars += n
            if self._chars > self.text_cap:
                raise InputError(
                    f"{self.where}: {self._holder or 'a text between two tags'} holds more than {self.text_cap:,} "
                    "characters of text - expected at most 32,767 in a cell (and 8,192 in its formula), the most "
                    f"Excel holds: {self.crafted}")
        if self.budget is not None:
            self.budget.add(n * repeats, self.where, self._holder)


class _SheetExtent(_TextCount):
    """A parser target measuring how far a worksheet reaches, refusing it past the limits; with ``text_cap``, refusing
    a cell, shared string or comment of more characters of text than that, and with ``budget`` a workbook of more
    text than it allows, as soon as they are read (:class:`_TextCount`)."""

    _RANGES = ("dimension", "mergeCell", "hyperlink", "comment")
    _TEXT_HOLDERS = {"c": "cell", "si": "shared string", "comment": "comment"}

    def __init__(self, *, where: str, limits: Mapping[str, int], text_cap: int | None = None,
                 budget: _TextBudget | None = None) -> None:
        super().__init__(where=where, text_cap=text_cap, budget=budget)
        self.limits = limits
        self.row = self.col = 0
        self.max_row = self.max_col = 0
        self.cells = 0
        self._holders = 0  # shared strings and comments begun, to name one by its place

    def _reach(self, row: int, col: int, what: str) -> None:
        lim = self.limits
        if row > self.max_row:
            self.max_row = row
        if col > self.max_col:
            self.max_col = col
        if self.max_row > lim["max_rows"] or self.max_col > lim["max_columns"] or self.max_row * self.max_col > lim["max_cells"]:
            raise SheetReachError(
                f"{self.where}: {what} reaches row {self.max_row:,}, column {_column_letters(self.max_col)} "
                f"({self.max_col:,}): a full read would make {self.max_row * self.max_col:,} cells - expected at most "
                f"{lim['max_rows']:,} rows, {lim['max_columns']:,} columns and {lim['max_cells']:,} cells (a value or "
                "a format far beyond the data makes a sheet reach so far: delete the rows and columns past the data)"
            )

    def _ref(self, ref: str, what: str) -> None:
        for part in ref.replace("$", "").split():
            corners = part.split(":")
            rows, cols = [], []
            for corner in corners:
                m = _CELL.match(corner.strip())
                if not m or not (m.group(1) or m.group(2)):
                    continue
                cols.append(_column_number(m.group(1)) if m.group(1) else _EXCEL_COLUMNS)  # "3:5" spans every column
                rows.append(int(m.group(2)) if m.group(2) else _EXCEL_ROWS)  # "A:C" spans every row
            if rows:
                self._reach(max(rows), max(cols), f"{what} {part!r}")

    def start(self, tag: str, attrs: list[str]) -> None:
        ns, _, local = tag.rpartition("}")
        if not self._holder:
            self._chars = 0
        if ns not in _SPREADSHEET_NS:
            return
        if local == "c":
            self.cells += 1
            ref = _attr(attrs, "r")
            m = _CELL.match(ref) if ref else None
            if m and m.group(1) and m.group(2):
                self.col, self.row = _column_number(m.group(1)), int(m.group(2))
            else:
                self.col += 1
            if self.cells > self.limits["max_cells"]:
                raise InputError(f"{self.where}: more than {self.limits['max_cells']:,} cells - expected at most that many")
            self._reach(max(self.row, 1), self.col, f"cell {_column_letters(self.col)}{max(self.row, 1)}")
            self._chars, self._holder = 0, f"cell {_column_letters(self.col)}{max(self.row, 1)}"
        elif local in ("si", "comment"):
            self._holders += 1
            self._chars, self._holder = 0, f"{self._TEXT_HOLDERS[local]} {self._holders:,}"
        elif local == "row":
            r = _attr(attrs, "r", "")
            self.row = int(r) if r.isdigit() else self.row + 1
            self.col = 0
            self._reach(self.row, 1, f"row {self.row}")
        elif local in self._RANGES:
            ref = _attr(attrs, "ref")
            if ref:
                self._ref(ref, f"<{local} ref>")

    def end(self, tag: str) -> None:
        if not self._holder or tag.rpartition("}")[2] in self._TEXT_HOLDERS:
            self._chars, self._holder = 0, ""

    def data(self, text: str) -> None:
        self._count(text)


class _SheetFacts(_SheetExtent):
    """A :class:`_SheetExtent` that also keeps what openpyxl's read-only sheets do not give: the merged ranges, the
    hidden rows and columns, and each formula's cell, text and whether a value was saved with it (a workbook written
    by a program that does not calculate, such as openpyxl, holds its formulas without their values)."""

    def __init__(self, *, where: str, limits: Mapping[str, int], text_cap: int | None = None,
                 budget: _TextBudget | None = None) -> None:
        super().__init__(where=where, limits=limits, text_cap=text_cap, budget=budget)
        self.merged: list[str] = []
        self.hidden_rows: list[int] = []
        self.hidden_columns: list[tuple[int, int]] = []  # (first, last), 1-based
        self.formulas: dict[tuple[int, int], list] = {}  # (row, column) -> [text, value saved]
        self.percent: set[tuple[int, int]] = set()  # (row, column) of numbers shown as percentages (0.45 as 45%)
        self._cell: tuple[int, int] = (0, 0)
        self._text_value = False  # the cell's value is text (t="str"): an empty <v> is a saved empty text
        self._in = ""

    def start(self, tag: str, attrs: list[str]) -> None:
        super().start(tag, attrs)
        ns, _, local = tag.rpartition("}")
        if ns not in _SPREADSHEET_NS:
            return
        if local == "c":
            self._cell, self._in = (max(self.row, 1), self.col), ""
            self._text_value = _attr(attrs, "t") == "str"
        elif local == "f":
            self.formulas[self._cell] = ["", False]
            self._in = "f"
        elif local == "v":
            self._in = "v"
            if self._text_value and self._cell in self.formulas:
                self.formulas[self._cell][1] = True
        elif local == "mergeCell" and (ref := _attr(attrs, "ref")):
            self.merged.append(ref)
        elif local == "row" and _attr(attrs, "hidden") in ("1", "true"):
            self.hidden_rows.append(self.row)
        elif local == "col" and _attr(attrs, "hidden") in ("1", "true"):
            first, last = _attr(attrs, "min", ""), _attr(attrs, "max", "")
            if first.isdigit() and last.isdigit():
                self.hidden_columns.append((int(first), int(last)))

    def end(self, tag: str) -> None:
        super().end(tag)
        if tag.rpartition("}")[2] in ("f", "v"):
            self._in = ""

    def data(self, text: str) -> None:
        super().data(text)
        if self._in == "f":
            self.formulas[self._cell][0] += text
        elif self._in == "v" and text.strip() and self._cell in self.formulas:
            self.formulas[self._cell][1] = True

    def close(self) -> _SheetFacts:
        return self


def _sheet_names(gz: GuardedZip) -> dict[str, str]:
    """The member of each worksheet and its name as the user sees it on its tab (``{"xl/worksheets/sheet2.xml":
    "review"}``), from ``xl/workbook.xml`` and its relationships; empty where they cannot be read."""
    book, rels = gz.find("xl/workbook.xml"), gz.find("xl/_rels/workbook.xml.rels")
    if book is None or rels is None:
        return {}
    try:
        targets = {r.get("Id"): r.get("Target", "") for r in stream_xml(gz, rels, _Collect("Relationship"),
                                                                           max_bytes=MiB)}
        names = {}
        for sheet in stream_xml(gz, book, _Collect("sheet"), max_bytes=MiB):
            rid = next((v for k, v in sheet.items() if k.endswith("}id") or k == "r:id"), None)
            target = targets.get(rid)
            if target and sheet.get("name"):
                member = gz.find(target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}"))
                if member is not None:
                    names[member] = sheet["name"]
        return names
    except InputError:
        return {}


def check_workbook(gz: GuardedZip, *, limits: Mapping[str, Any] | None = None,
                   facts: dict[str, _SheetFacts] | None = None) -> None:
    """Stream every member of a workbook once; measure every XML part's sheet extent.

    ``facts``: filled with each worksheet's :class:`_SheetFacts` by its name on its tab (merged ranges, hidden rows
    and columns, formulas), gathered in the same pass.

    Raises
    ------
    InputError
        From the archive caps, or when a sheet reaches beyond :data:`XLSX_LIMITS`.
    """
    lim = _limits(XLSX_LIMITS, limits)
    sheets = _sheet_names(gz)
    budget = _TextBudget(lim["max_text"])
    for name in gz.namelist():
        if name.lower().endswith(".xml"):
            where = f"{gz.label} (sheet {sheets[name]!r})" if name in sheets else f"{gz.label} ({name})"
            # a cell's text is capped where cells, shared strings and comments are kept: the sheets and their parts,
            # which hold the workbook's text
            kept = name in sheets or name.lower().startswith("xl/")
            text = {"text_cap": MAX_CELL_TEXT, "budget": budget} if kept else {}
            if facts is not None and name in sheets:
                facts[sheets[name]] = stream_xml(gz, name, _SheetFacts(where=where, limits=lim, **text))
            else:
                stream_xml(gz, name, _SheetExtent(where=where, limits=lim, **text))
        else:
            for _ in gz.stream(name):
                pass


#: The start of the namespaces of ISO 29500 Strict documents (Excel's "Strict Open XML Spreadsheet", Word's "Strict
#: Open XML Document"), which the readers of the usual (Transitional) namespaces see nothing in.
_STRICT_NS = b"http://purl.oclc.org/ooxml/"


def strict_ooxml(gz: GuardedZip, part: str) -> bool:
    """Whether the main ``part`` of an Office Open XML archive is written in the Strict namespaces."""
    member = gz.find(part)
    if member is None:
        return False
    head = next(iter(gz.stream(member)), b"")[:4096]
    return _STRICT_NS in head


@contextlib.contextmanager
def _checked_workbook(path: str | os.PathLike, *, label: str, limits: Mapping[str, Any] | None,
                      sheet_limits: Mapping[str, Any] | None,
                      facts: dict[str, _SheetFacts] | None = None) -> Iterator[GuardedZip]:
    """The archive of an ``.xlsx`` once :func:`check_workbook` has passed it (and it is an Excel workbook, saved in
    the usual, Transitional, form), for openpyxl to open; an unreadable one is an :class:`InputError`.  The file is
    read once (:func:`read_once`): openpyxl reads the bytes checked."""
    with open_archive(path, label=label, limits=limits, kind=".xlsx workbook",
                      data=read_once(path, label=label, what=".xlsx workbook")) as gz:
        check_workbook(gz, limits=sheet_limits, facts=facts)
        if (other := _not_a_workbook(gz)) is not None:
            raise InputError(f"{label}: not a readable .xlsx workbook ({other})")
        if strict_ooxml(gz, "xl/workbook.xml"):  # openpyxl reads no sheet of it: 'sheets missing, it has []'
            raise InputError(f"{label}: saved as \"Strict Open XML Spreadsheet\", which cannot be read - expected an "
                             "\"Excel Workbook (.xlsx)\": open it and save it again as that type")
        try:
            yield gz
        except InputError:
            raise
        except Exception as exc:  # openpyxl raises many types for a bad file
            raise InputError(f"{label}: not a readable .xlsx workbook ({type(exc).__name__}: {exc})") from None


def load_workbook(
    path: str | os.PathLike,
    *,
    label: str | None = None,
    limits: Mapping[str, Any] | None = None,
    sheet_limits: Mapping[str, Any] | None = None,
    **kwargs: Any,
) -> Any:
    """Open an ``.xlsx`` with openpyxl after :func:`check_workbook` has passed it.

    Parameters
    ----------
    path : str or path-like
    label : str, optional
        Name for messages (default: the path).
    limits, sheet_limits : mapping, optional
        Overrides of :data:`ARCHIVE_LIMITS` and :data:`XLSX_LIMITS`.
    **kwargs
        Passed to :func:`openpyxl.load_workbook` (e.g. ``data_only=False``).

    Raises
    ------
    InputError
        Unsafe archive, a sheet too large, or a file openpyxl cannot read.
    """
    import openpyxl

    name = label or str(path)
    with _checked_workbook(path, label=name, limits=limits, sheet_limits=sheet_limits) as gz:
        return openpyxl.load_workbook(gz.fileobj, **kwargs)


def shown_as_percent(number_format: str | None) -> bool:
    """Whether a cell's number format shows its number as a percentage (``0%``, ``0.0%``: 0.45 shown as 45%, and
    saved as ``45%`` in a CSV file): a ``%`` outside quoted text and not escaped by a backslash.

    Examples
    --------
    >>> [shown_as_percent(f) for f in ("0%", "0.00%", "General", '0" %"', "0\\\\%", None, "#,##0")]
    [True, True, False, False, False, False, False]
    """
    if not number_format or "%" not in number_format:
        return False
    return "%" in re.sub(r'"[^"]*"|\\.', "", number_format)


#: The built-in number formats that Excel set for Chinese, Japanese, Korean or Thai shows as a date or a time of day
#: ([ECMA-376] Part 1, 18.8.30 numFmt: ids 27-36 and 50-58, '2024年3月5日', '2024/3/5', an era year; 71-81 Thai).
#: A workbook names them by their id alone, with no format code; openpyxl knows only the ids every language shares
#: (0-49 but these) and reads a cell of one as its serial number (45356), which is the date the sheet shows.
LOCALE_DATE_FORMATS = frozenset({*range(27, 37), *range(50, 59), *range(71, 82)})


def _shown_as_local_date(cell: Any, epoch: Any) -> tuple[Any, str]:
    """A read-only cell's ``(value, data_type)``, a number shown in a date format of :data:`LOCALE_DATE_FORMATS`
    as the :class:`datetime.datetime` it shows (as openpyxl reads one of the formats it knows)."""
    from openpyxl.utils.datetime import from_excel

    value = cell.value
    if (cell.data_type == "n" and isinstance(value, (int, float)) and not isinstance(value, bool)
            and getattr(getattr(cell, "style_array", None), "numFmtId", None) in LOCALE_DATE_FORMATS):
        try:
            return from_excel(value, epoch), "d"
        except (OverflowError, ValueError):  # no date (a serial past 9999): the number, refused as one
            pass
    return value, cell.data_type


@dataclass
class SheetCells:
    """A worksheet as :func:`read_sheets` reads it: its ``name`` (as on its tab), ``state`` (``"visible"``,
    ``"hidden"`` or ``"veryHidden"``), ``rows`` from row 1 on, each a list of ``(value, data_type)`` as openpyxl
    gives them (a formula's saved value, not the formula; a date formatted as one a :class:`datetime.datetime`),
    ending at its last cell that holds a value (no rows after the last that does), and ``facts``: its merged
    ranges, hidden rows and columns and formulas (:class:`_SheetFacts`)."""

    name: str
    state: str
    rows: list[list[tuple[Any, str]]]
    facts: _SheetFacts


def read_sheets(path: str | os.PathLike, *, label: str | None = None, limits: Mapping[str, Any] | None = None,
                sheet_limits: Mapping[str, Any] | None = None) -> list[SheetCells]:
    """Every worksheet of an ``.xlsx``, its cells' saved values, read once through the guarded archive.

    openpyxl opens the workbook read-only, giving the value saved with each formula (``data_only``): no formula is
    ever calculated, nothing is written.  What its read-only sheets do not give (merged cells, hidden rows and
    columns, which cells hold formulas and whether a value was saved with each) is gathered by
    :func:`check_workbook` in its pass over the sheets.  A sheet's stored dimension is not trusted (some programs
    write a wrong one, and openpyxl's read-only sheet reads no further): every row is read.

    Raises
    ------
    InputError
        Unsafe archive, a sheet too large, a password-protected, damaged or other kind of file.
    """
    import openpyxl

    name = label or str(path)
    facts: dict[str, _SheetFacts] = {}
    out: list[SheetCells] = []
    with _checked_workbook(path, label=name, limits=limits, sheet_limits=sheet_limits, facts=facts) as gz:
        with warnings.catch_warnings():  # 'Data Validation extension is not supported and will be removed': nothing read
            warnings.filterwarnings("ignore", category=UserWarning, module="openpyxl")
            wb = openpyxl.load_workbook(gz.fileobj, read_only=True, data_only=True, keep_links=False)
            try:
                # the cell formats showing a number as a date in a format openpyxl does not know (ids alone, no code)
                local = any(getattr(st, "numFmtId", None) in LOCALE_DATE_FORMATS
                            for st in getattr(wb, "_cell_styles", ()))
                for ws in wb.worksheets:
                    ws.reset_dimensions()
                    found = facts.get(ws.title) or _SheetFacts(where=name, limits=XLSX_LIMITS)
                    rows: list[list[tuple[Any, str]]] = []
                    for r, row in enumerate(ws.iter_rows(), start=1):
                        cells = [_shown_as_local_date(c, wb.epoch) if local else (c.value, c.data_type) for c in row]
                        found.percent.update((r, k) for k, c in enumerate(row, start=1)
                                             if c.data_type == "n" and c.value is not None
                                             and shown_as_percent(getattr(c, "number_format", None)))
                        # a row ends at its last value, or its last formula (saved without its value: refused)
                        while cells and cells[-1][0] is None and (r, len(cells)) not in found.formulas:
                            cells.pop()
                        rows.append(cells)
                    while rows and not rows[-1]:
                        rows.pop()
                    out.append(SheetCells(ws.title, ws.sheet_state, rows, found))
            finally:
                wb.close()
    return out


@contextlib.contextmanager
def safe_zip(path: str | os.PathLike, *, label: str | None = None, limits: Mapping[str, Any] | None = None) -> Iterator[GuardedZip]:
    """The former name of :func:`open_archive` (kept for callers of :func:`impact._io.safe_zip`)."""
    with open_archive(path, label=label, limits=limits) as gz:
        yield gz

"""Careful file input and output shared by the whole package.

* :func:`atomic_write` - every output is written to a temporary file in the
  same folder and renamed into place, so an interrupted run never leaves a
  half-written file and the previous version survives.
* :func:`decode_text` / :func:`read_text` - text files in UTF-8 (with or
  without BOM), UTF-16 with BOM, or, as a documented recovery, Windows-1252 /
  Latin-1; binary files and oversized files are refused with a clear error.
* :func:`read_csv_strict` - a CSV read as text cells with the spreadsheet row
  of each record kept, ragged rows and NUL bytes reported, never dropped.
* :func:`safe_zip` - the former archive opener, now a thin alias of
  :func:`impact._archive.open_archive` (the one guarded reader of .docx,
  .xlsx and .qdpx files).
"""

from __future__ import annotations

import codecs
import contextlib
import contextvars
import csv
import errno
import glob
import io
import logging
import operator
import os
import re
import stat
import struct
import tempfile
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping
from pathlib import Path
from typing import NamedTuple

from ._words import _after_the, _counted, _number, _verb
from .errors import (
    OS_ADVICE,
    FolderBusyWarning,
    ImpactWarning,
    InputError,
    OutputFolderError,
    Problem,
    user_level,
)

_log = logging.getLogger("impact")

__all__ = [
    "output_state",
    "interrupts_noted",
    "raise_noted_interrupt",
    "atomic_write",
    "atomic_write_text",
    "atomic_write_bytes",
    "write_private",
    "decode_text",
    "UTF16_BOMS",
    "unicode_form",
    "stray_nuls",
    "output_folder_above",
    "overlong_line",
    "read_bounded",
    "UTF32_BOMS",
    "read_text",
    "check_input_file",
    "require_path",
    "study_folder_above",
    "inside_study",
    "read_csv_strict",
    "table_records",
    "merged_blanks",
    "blank_rows_note",
    "too_long",
    "UNCHECKED",
    "safe_zip",
    "neutralise_cell",
    "safe_yaml_load",
    "YamlInputError",
    "YamlLines",
    "staged_directory",
    "publish_directory",
    "rolled_back_on_failure",
    "Rollback",
    "write_if_changed",
    "Rewritten",
    "numbered_backup",
    "check_output_folder",
    "literal_tilde",
    "tilde_hint",
    "unwritable",
    "read_output_manifest",
    "output_kind",
    "OutputFolderError",
    "OUTPUT_MARKER",
    "EncodingWarning_",
    "MAX_TEXT_BYTES",
]

#: Largest text file (transcript, CSV, YAML) read, in bytes.
MAX_TEXT_BYTES = 50 * 1024 * 1024
#: Longest cell of a table read, in characters (Excel's limit: a longer cell cannot have come from a spreadsheet).
MAX_CELL_CHARS = 32_767


def too_long(n: int) -> str:
    """What a cell of ``n`` characters, more than :data:`MAX_CELL_CHARS`, should be."""
    return f"a cell of at most {MAX_CELL_CHARS:,} characters, as a spreadsheet holds (this one has {n:,})"
#: Most columns a table read may have (Excel's limit: a wider table cannot have come from a spreadsheet).
MAX_COLUMNS = 16_384


def check_width(name: str, cells: list[str]) -> None:
    """Refuse a header row of more than :data:`MAX_COLUMNS` columns before the table is read cell by cell.

    Examples
    --------
    >>> check_width("wide.csv", ["c"] * 20_000)
    Traceback (most recent call last):
    ...
    impact.errors.InputError: wide.csv: 20,000 columns - expected at most 16,384, as a spreadsheet holds
    """
    if len(cells) > MAX_COLUMNS:
        raise InputError(f"{name}: {len(cells):,} columns - expected at most {MAX_COLUMNS:,}, as a spreadsheet holds")


class EncodingWarning_(ImpactWarning):
    """A text file was not UTF-8 and was decoded with a fallback encoding; ``source``: the file (impact validate
    lists it among its warnings)."""

    def __init__(self, message: str, source: str | None = None, *, first: str = "") -> None:
        super().__init__(message)
        self.source = source
        self.first = first  # where the file first holds a letter beyond ASCII, and how it reads there


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike, mode: str = "w", *, durable: bool = True, **kwargs) -> Iterator[io.IOBase]:
    """Open a temporary file beside ``path``; rename it over ``path`` on success.

    On any exception the temporary file is removed and ``path`` is untouched.
    The file gets the usual permissions (0666 less the umask).  ``durable``
    flushes it to disk before the rename (``fsync``), which also survives a
    power cut; without it a killed process still never leaves a partial file.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> with atomic_write(d / "a.txt") as f:
    ...     _ = f.write("hello")
    >>> (d / "a.txt").read_text()
    'hello'
    """
    path = Path(path)
    refuse_windows_output(path, "the file")  # before anything is made: what impact writes must open on Windows
    if "b" not in mode:
        kwargs.setdefault("encoding", "utf-8")
        kwargs.setdefault("newline", "")
    with _temporary_beside(path) as (fd, tmp):
        with os.fdopen(fd, mode, **kwargs) as handle:
            yield handle
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)


@contextlib.contextmanager
def _temporary_beside(path: Path, suffix: str = ".tmp") -> Iterator[tuple[int, str]]:
    """A new temporary file beside ``path`` (mode 0600, its folder made if need be), as ``(fd, name)``, its name
    ending in ``suffix``.

    The temporary file is removed when the block ends unless the block moved
    it; a file-system error about it, or naming no file (a full disk), names
    ``path`` instead, the file the user asked for.
    """
    if (tilde := literal_tilde(path)) is not None:  # write_coded(coded, "~/c.csv") made a folder '~' here (newuser12)
        raise InputError(tilde)
    if path.is_dir():  # export_review(..., path="."), write_qdpx(project, "out"): Python's IsADirectoryError (newuser15)
        raise InputError(f"{path}: is a folder - expected the path of a file to write; give a file's name (inside the "
                         "folder or elsewhere)")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd, tmp = tempfile.mkstemp(prefix=_temporary_prefix(path, suffix), suffix=suffix, dir=path.parent)
    except OSError as exc:
        raise _naming(exc, path) from exc
    try:
        yield fd, tmp
    except OSError as exc:
        if exc.errno is not None and exc.filename in (None, tmp):
            raise _naming(exc, path) from exc
        raise
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


#: The longest file name most file systems take (255 bytes on Linux; 255 UTF-16 units on macOS and Windows).
NAME_MAX = 255

#: The names of devices on Windows: a file named so (in any case, with any extension: 'con.txt', 'NUL.tar.gz'),
#: cannot be made or copied there, and writing to it writes to the device.
_WINDOWS_DEVICES = re.compile(r"(?:con|prn|aux|nul|conin\$|conout\$|(?:com|lpt)[0-9\u00b9\u00b2\u00b3])",
                              re.IGNORECASE)


#: The characters Windows takes in no file or folder name: < > : " | ? * (/ and \\ separate names), and the control
#: characters U+0000 to U+001F.
_WINDOWS_FORBIDDEN = re.compile(r'[<>:"|?*\x00-\x1f]')


def windows_safe_name(name: str) -> str:
    """``name`` with ``_`` after its part before the first dot where that part is the name of a Windows device
    (``CON``, ``nul``, ``COM1``: :data:`_WINDOWS_DEVICES`), trailing spaces aside; else ``name`` as it is.

    >>> windows_safe_name("CON"), windows_safe_name("nul.tar"), windows_safe_name("console"), windows_safe_name("P1")
    ('CON_', 'nul_.tar', 'console', 'P1')
    """
    stem, dot, rest = name.partition(".")
    return f"{stem}_{dot}{rest}" if _WINDOWS_DEVICES.fullmatch(stem.rstrip(" ")) else name


def windows_name_problem(name: str) -> str | None:
    """Why Windows cannot make a file or folder named ``name``, so that a study folder holding it cannot be copied
    there or opened: a character Windows takes in no name (:data:`_WINDOWS_FORBIDDEN`: ``< > : " | ? *`` and the
    control characters; the first is named), the name of a device (:data:`_WINDOWS_DEVICES`: ``CON``, ``nul.txt``,
    ``Com1.docx``; any case, any extension, spaces before the dot aside), or a name ending in a dot or a space, which
    Windows takes off (the name would be another file's there); None where it is none of these.  The reader refuses
    such a transcript path and :meth:`impact.study.Study.save` refuses to write one; ``impact import-qdpx`` names its
    files with :func:`windows_safe_name` instead (its names hold none of these characters).

    >>> windows_name_problem("CON.txt")
    "'CON.txt' is the name of a device on Windows (CON), with any extension: Windows cannot make the file, and writing to it writes to the device"
    >>> windows_name_problem("P1. ")
    "'P1. ' ends in a space, which Windows takes off: there it would name another file, 'P1'"
    >>> print(windows_name_problem("P1: early?.txt"))
    'P1: early?.txt' holds ':' at character 3: Windows makes no file or folder with < > : " | ? * or a control character in its name
    >>> windows_name_problem("console.txt") is None
    True
    """
    if (bad := _WINDOWS_FORBIDDEN.search(name)) is not None:
        char = bad.group()
        shown = repr(char) if char.isprintable() else f"U+{ord(char):04X}, a control character,"
        return (f"{name!r} holds {shown} at character {bad.start() + 1}: Windows makes no file or folder with "
                "< > : \" | ? * or a control character in its name")
    stem = name.partition(".")[0].rstrip(" ")
    if _WINDOWS_DEVICES.fullmatch(stem):
        return (f"{name!r} is the name of a device on Windows ({stem.upper()}), with any extension: Windows cannot "
                "make the file, and writing to it writes to the device")
    if name.endswith((".", " ")):
        return (f"{name!r} ends in a {'dot' if name.endswith('.') else 'space'}, which Windows takes off: there it "
                f"would name another file, {name.rstrip('. ')!r}")
    return None


def windows_path_problem(rel: str) -> str | None:
    """:func:`windows_name_problem` of the first file or folder name of the relative path ``rel`` (parts separated by
    ``/`` or ``\\``; ``.`` and ``..`` are no names) that has one, as what was expected; None where every part can
    be made on Windows.

    >>> windows_path_problem("301/aux/P1.txt")
    "a name Windows can make ('aux' is the name of a device on Windows (AUX), with any extension: Windows cannot make the file, and writing to it writes to the device)"
    >>> windows_path_problem("301/./P1-early.txt") is None
    True
    """
    for part in re.split(r"[/\\]", rel):
        if part not in ("", ".", "..") and (why := windows_name_problem(part)) is not None:
            return f"a name Windows can make ({why})"
    return None


def windows_output_problems(target: str | os.PathLike) -> list[str]:
    """Why Windows could not hold the output path ``target``: :func:`windows_name_problem` of its last name and of
    every folder above it that does not exist yet (impact would make it), each one found, outermost first; empty
    where Windows can make them all.  Folders that exist already are the user's, not made here: not judged (nor is a
    drive, ``C:``).  A report, a coded file or a study made on Linux must open on a programme officer's Windows
    laptop, so every writer of :mod:`impact` refuses such a path before it writes anything, and the command line
    refuses it as an option's value.

    >>> windows_output_problems("out/report")
    []
    >>> for why in windows_output_problems("nul/a:b/CON."):
    ...     print(why)
    'nul' is the name of a device on Windows (NUL), with any extension: Windows cannot make the file, and writing to it writes to the device
    'a:b' holds ':' at character 2: Windows makes no file or folder with < > : " | ? * or a control character in its name
    'CON.' is the name of a device on Windows (CON), with any extension: Windows cannot make the file, and writing to it writes to the device
    """
    path = Path(os.path.splitdrive(os.fspath(target))[1])
    found: list[str] = []
    here = path
    names = [here.name]
    while here.parent != here and not here.parent.exists() and here.parent.name not in ("", ".", ".."):
        here = here.parent
        names.append(here.name)
    for name in reversed(names):
        if name not in ("", ".", "..") and (why := windows_name_problem(name)) is not None:
            found.append(why)
    return found


def windows_output_refused(target: str | os.PathLike, what: str = "the output") -> str | None:
    """The message refusing ``target`` as the path of ``what`` (:func:`windows_output_problems`, every one listed),
    or None where Windows can make it.

    >>> print(windows_output_refused("out/aux", "the output folder"))
    out/aux: the output folder's path holds 1 name Windows cannot make - 'aux' is the name of a device on Windows (AUX), with any extension: Windows cannot make the file, and writing to it writes to the device - expected names Windows can make (what impact writes must open on Windows too): choose another name
    """
    found = windows_output_problems(target)
    if not found:
        return None
    return (f"{os.fspath(target)}: {what}'s path holds {_counted(len(found), 'name')} Windows cannot make - "
            + "; ".join(found) + " - expected names Windows can make (what impact writes must open on Windows "
            "too): choose another name")


def refuse_windows_output(target: str | os.PathLike, what: str = "the output") -> None:
    """Raise :class:`~impact.errors.InputError` with :func:`windows_output_refused`'s message, if it has one."""
    if (why := windows_output_refused(target, what)) is not None:
        raise InputError(why)


def _fitting(name: str, room: int) -> str:
    """``name``, or where it is longer than ``room`` bytes a shortened form of it, unique to it, that fits.

    Impact names its temporary files, staging folders and locks after the file or folder they are for; a
    name near the limit must not make them impossible.

    Examples
    --------
    >>> _fitting("out", 10)
    'out'
    >>> _fitting("n" * 300, 20)
    'nnnnnnnnnnn~230b0774'
    """
    encoded = os.fsencode(name)
    if len(encoded) <= room:
        return name
    import hashlib

    tag = "~" + hashlib.sha256(encoded).hexdigest()[:8]
    while len(os.fsencode(name + tag)) > room:
        name = name[:-1]
    return name + tag


def _temporary_prefix(path: Path, suffix: str = ".tmp") -> str:
    """The start of the name of a temporary file written for ``path`` (``.<name>.``; 8 random letters and ``suffix`` follow)."""
    return f".{_fitting(path.name, NAME_MAX - len('..') - 8 - len(os.fsencode(suffix)))}."


def _naming(exc: OSError, path: str | os.PathLike, path2: str | os.PathLike | None = None) -> OSError:
    """``exc`` naming ``path`` as the file it is about (a full disk names no file; a temporary file means nothing to the user).

    A new error of the same kind (``PermissionError``...), raised ``from exc``.
    """
    args = (exc.errno, exc.strerror, os.fspath(path)) + ((0, os.fspath(path2)) if path2 is not None else ())
    return OSError(*args)


def atomic_write_text(path: str | os.PathLike, text: str, *, durable: bool = True) -> Path:
    """Write ``text`` (UTF-8, newlines as given) to ``path`` atomically."""
    with atomic_write(path, "w", durable=durable) as f:
        f.write(text)
    return Path(path)


def atomic_write_bytes(path: str | os.PathLike, data: bytes, *, durable: bool = True) -> Path:
    """Write ``data`` to ``path`` atomically."""
    with atomic_write(path, "wb", durable=durable) as f:
        f.write(data)
    return Path(path)


def write_private(path: str | os.PathLike, data: bytes, *, exclusive: bool = False, durable: bool = True) -> bool:
    """Write ``data`` to ``path`` atomically, readable and writable by its owner only (mode 0600).

    ``exclusive`` writes only where no file is yet: the finished file is
    linked into place, which fails if the name is taken, so processes creating
    it at once (two first runs making a secret key) all end up with the
    first one's.  Returns False when a file was there first (it is left as
    it is), else True.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> key = pathlib.Path(tempfile.mkdtemp()) / "secret.key"
    >>> write_private(key, b"mine", exclusive=True), write_private(key, b"theirs", exclusive=True)
    (True, False)
    >>> key.read_bytes(), oct(key.stat().st_mode & 0o777)
    (b'mine', '0o600')
    """
    path = Path(path)
    with _temporary_beside(path) as (fd, tmp):  # mode 0600 from the start
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        if not exclusive:
            os.replace(tmp, path)
            return True
        try:
            os.link(tmp, path)
        except FileExistsError:
            return False
        except OSError as exc:  # a disk without hard links (FAT, some network shares): first come, less strictly
            if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.ENOSYS):
                raise
            if path.exists() or path.is_symlink():
                return False
            os.replace(tmp, path)
        return True


#: The first bytes of files people save from office programs when a text file was wanted.
_SIGNATURES = (
    (b"PK\x03\x04", "a zip archive (an Excel workbook, Word document or other Office Open XML file)"),
    (b"%PDF-", "a PDF document"),
    (b"{\\rtf", "a Rich Text Format document"),
    # compressed or other binary files a table or transcript was sent in or saved as (a download, an export)
    (b"\x1f\x8b", "a gzip-compressed file (decompress it first: gunzip, or 7-Zip on Windows)"),
    (tuple(b"BZh%d1AY&SY" % level for level in range(1, 10)), "a bzip2-compressed file (decompress it first: bunzip2, or 7-Zip on Windows)"),
    (b"\xfd7zXZ\x00", "an xz-compressed file (decompress it first: unxz, or 7-Zip on Windows)"),
    (b"\x28\xb5\x2f\xfd", "a Zstandard-compressed file (decompress it first: unzstd, or 7-Zip on Windows)"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive (extract it first)"),
    (b"Rar!\x1a\x07", "a RAR archive (extract it first)"),
    (b"PAR1\x15", "a Parquet file (a table stored in columns, such as `impact code --out FILE.parquet` writes; give it a "
              ".parquet name where Parquet is read, or save it as CSV)"),
    (b"SQLite format 3\x00", "an SQLite database (export the table as CSV)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image (a picture of a table or text, not the text itself)"),
    (b"\xff\xd8\xff", "a JPEG image (a picture of a table or text, not the text itself)"),
)


#: The first characters (lower case, after any spaces) of markup saved where text was wanted.
_MARKUP = ((b"<!doctype html", "a web page (HTML)"), (b"<html", "a web page (HTML)"),
           (b"<?xml", "an XML document (markup, such as a Word document saved as XML)"))


#: The first bytes of a Windows shortcut ([MS-SHLLINK] 2.1: HeaderSize 0x4C, then the LinkCLSID
#: 00021401-0000-0000-C000-000000000046).
SHORTCUT_MAGIC = b"L\x00\x00\x00\x01\x14\x02\x00\x00\x00\x00\x00\xc0\x00\x00\x00\x00\x00\x00F"


def shortcut_target(data: bytes) -> str | None:
    """The path a Windows shortcut (``.lnk``) points to, from its LinkInfo ([MS-SHLLINK] 2.3: the local base path and
    common path suffix, or the network share's name and the suffix), or None: not a shortcut, or one naming no path
    (a shortcut to a program's item).

    Examples
    --------
    >>> import struct
    >>> info = struct.pack("<7I", 0, 28, 1, 0, 28, 0, 28 + 14) + "C:/data/a.csv".encode() + bytes(2)
    >>> lnk = SHORTCUT_MAGIC + struct.pack("<I", 2) + bytes(52) + info
    >>> shortcut_target(lnk), shortcut_target("council_id,name".encode())
    ('C:/data/a.csv', None)
    """
    if not data.startswith(SHORTCUT_MAGIC) or len(data) < 0x4C:
        return None

    def text(at: int) -> str:  # a NUL-ended string of the system's code page
        end = data.find(b"\x00", at)
        return data[at: end if end >= 0 else len(data)].decode("cp1252", "replace")

    try:
        flags = int.from_bytes(data[0x14:0x18], "little")
        at = 0x4C
        if flags & 0x01:  # HasLinkTargetIDList: an IDList of its size first
            at += 2 + int.from_bytes(data[at: at + 2], "little")
        if not flags & 0x02 or at + 28 > len(data):  # no LinkInfo
            return None
        info_flags, _, base, network, suffix = struct.unpack_from("<5I", data, at + 8)
        tail = text(at + suffix) if suffix else ""
        if info_flags & 0x01 and base:  # VolumeIDAndLocalBasePath
            path = text(at + base) + tail
        elif info_flags & 0x02 and network:  # CommonNetworkRelativeLinkAndPathSuffix: its NetName at +8
            net = at + network
            path = text(net + int.from_bytes(data[net + 8: net + 12], "little")) + ("\\" + tail if tail else "")
        else:
            return None
    except (struct.error, ValueError):
        return None
    return path or None


def shortcut_said(data: bytes, *, what: str = "file") -> str:
    """What a Windows shortcut is, for a message: "a Windows shortcut (.lnk) to C:\\...\\councils.csv, not the file
    itself (...): copy the file it points to here in its place"; ``what`` it stands for ("file", "folder")."""
    target = shortcut_target(data)
    to = f" to {target}" if target else ""
    return (f"a Windows shortcut (.lnk){to}, not the {what} itself (Windows hides a shortcut's .lnk ending): copy the "
            f"{what} it points to here in its place")


def shortcut_beside(folder: str | os.PathLike, name: str, *, what: str = "file") -> tuple[str, str] | None:
    """The Windows shortcut to ``name`` in ``folder`` (``councils.csv.lnk``, which Windows shows as ``councils.csv``,
    hiding a shortcut's ending; its case aside) and what it is (:func:`shortcut_said`), or None."""
    want = f"{name}.lnk".casefold()
    try:
        found = next((p for p in Path(folder).iterdir() if p.name.casefold() == want and p.is_file()), None)
        if found is None:
            return None
        with open(found, "rb") as fh:
            data = fh.read(64 * 1024)  # a shortcut is a few kilobytes
    except OSError:
        return None
    if not data.startswith(SHORTCUT_MAGIC):
        return None
    return found.name, shortcut_said(data, what=what)


def _document_kind(data: bytes, read_at: Callable[[int, int], bytes] | None = None) -> str | None:
    """What a binary office file or a markup file is, from its first bytes ("a PDF document"), or None.  An OLE2
    compound file (an old .xls or .doc, or a password-protected .xlsx or .docx) is told by the streams its directory
    names, read from ``data`` or, where ``data`` is only the file's start, with ``read_at(offset, size)``; a Windows
    shortcut by the path it points to, where ``data`` holds it."""
    head = data[:32].lstrip().lower()
    if data.startswith(OLE2_MAGIC):
        return ole2_kind(ole2_streams(read_at or (lambda at, n: data[at: at + n])))
    if data.startswith(SHORTCUT_MAGIC):
        return shortcut_said(data)
    if (odf := _odf_kind(data)) is not None:
        return odf
    return next((kind for magic, kind in _SIGNATURES if data.startswith(magic)), None) or \
        next((kind for magic, kind in _MARKUP if head.startswith(magic)), None)


#: What an OpenDocument file is, by the word after ``application/vnd.oasis.opendocument.`` in its mimetype.
_ODF_KINDS = {"spreadsheet": "an OpenDocument spreadsheet (.ods, as LibreOffice Calc saves)",
              "text": "an OpenDocument text document (.odt, as LibreOffice Writer saves)"}


def _odf_kind(data: bytes) -> str | None:
    """What an OpenDocument file (.ods, .odt) is, from its first zip member, ``mimetype``, stored uncompressed first
    (OpenDocument 1.2, part 3, 3.3), or None: told apart from an Office Open XML workbook, which the zip signature
    alone would name.

    >>> _odf_kind(b"PK\\x03\\x04" + bytes(22) + b"\\x08\\x00\\x00\\x00mimetypeapplication/vnd.oasis.opendocument.spreadsheet")
    'an OpenDocument spreadsheet (.ods, as LibreOffice Calc saves)'
    """
    if not data.startswith(b"PK\x03\x04") or len(data) < 30:
        return None
    name_len, extra_len = int.from_bytes(data[26:28], "little"), int.from_bytes(data[28:30], "little")
    if data[30:30 + name_len] != b"mimetype":
        return None
    start = 30 + name_len + extra_len
    m = re.match(rb"application/vnd\.oasis\.opendocument\.([a-z-]+)", data[start:start + 80])
    if m is None:
        return None
    word = m.group(1).decode("ascii")
    return _ODF_KINDS.get(word, f"an OpenDocument file ({word})")


#: The first bytes of an OLE2 compound file ("Compound File Binary Format").
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def ole2_streams(read_at: Callable[[int, int], bytes], *, max_sectors: int = 4096) -> list[str]:
    """The names in an OLE2 compound file's directory ([MS-CFB] 2.2 and 2.6): the header's sector size and first
    directory sector, the chain of directory sectors followed through the file allocation table (its sectors listed
    in the header: files up to about 7 MB with 512-byte sectors; a name the chain does not reach is not listed).
    ``read_at(offset, size)`` reads the file.  Names of damaged or cut short files are those read before the damage.

    Examples
    --------
    >>> ole2_streams(lambda at, n: b"")
    []
    """
    header = read_at(0, 512)
    if len(header) < 512 or not header.startswith(OLE2_MAGIC):
        return []
    shift = int.from_bytes(header[30:32], "little")
    if shift not in (9, 12):
        return []
    size = 1 << shift
    fat_sectors = [int.from_bytes(header[76 + 4 * i: 80 + 4 * i], "little") for i in range(109)]
    fat: list[int] = []
    for sector in fat_sectors[: int.from_bytes(header[44:48], "little")]:
        block = read_at((sector + 1) * size, size)
        fat += [int.from_bytes(block[i: i + 4], "little") for i in range(0, len(block) - 3, 4)]
    names: list[str] = []
    sector, seen = int.from_bytes(header[48:52], "little"), set()
    while sector < 0xFFFFFFFA and sector not in seen and len(seen) < max_sectors:
        seen.add(sector)
        block = read_at((sector + 1) * size, size)
        for at in range(0, len(block) - 127, 128):
            length = int.from_bytes(block[at + 64: at + 66], "little")
            if block[at + 66] in (1, 2, 5) and 2 <= length <= 64 and length % 2 == 0:
                names.append(block[at: at + length - 2].decode("utf-16-le", "replace"))
        sector = fat[sector] if sector < len(fat) else 0xFFFFFFFE
    return names


def ole2_kind(streams: list[str]) -> str:
    """What an OLE2 compound file is, from the names of its streams (:func:`ole2_streams`), said with what to do."""
    names = set(streams) - {"Root Entry"}
    if {"EncryptionInfo", "EncryptedPackage"} <= names:
        return ("a workbook or document saved with a password (encrypted: Office keeps the .xlsx or .docx inside "
                "an OLE2 file): open it, take the password off (File > Info > Protect > Encrypt with Password, left "
                "empty) and save it again")
    if names & {"Workbook", "Book"}:
        return "an old Excel workbook (.xls, Excel 97-2003): open it in Excel and save it as Excel Workbook (.xlsx)"
    if "WordDocument" in names:
        return "an old Word document (.doc, Word 97-2003): open it in Word and save it as Word Document (.docx)"
    if "PowerPoint Document" in names:
        return "an old PowerPoint presentation (.ppt), not a workbook or document"
    return ("an old-style Office file (.xls or .doc) or one saved with a password (encrypted), which its directory "
            + (f"does not tell (it names {', '.join(sorted(names)[:6])})" if names else "does not tell (none read)")
            + ": save it as .xlsx or .docx without a password")


#: The byte-order marks of UTF-16 (little- and big-endian): Excel's "Unicode Text", Notepad's "Unicode".
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
#: UTF-32's byte-order marks (little-endian first: it starts with UTF-16's little-endian mark, so it is told first)
UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")


#: What a binary document given for a text file should be saved as, unless the reader says (``decode_text(advice=)``).
TEXT_ADVICE = "save it as text (a table as \"CSV UTF-8 (comma delimited)\", a transcript as \"Plain text\"), UTF-8"


def decode_text(data: bytes, *, source: str = "text", fallback: bool = True,
                advice: str = TEXT_ADVICE) -> tuple[str, str]:
    """Decode bytes of a text file; return ``(text, encoding)``.

    The one decoder of every text file ``impact`` reads (study tables,
    transcripts, YAML, coded files).  UTF-8 (BOM stripped), and UTF-16 and
    UTF-32 with a BOM, are read as they are.  Bytes that are not UTF-8 are decoded as
    Windows-1252 (a superset of Latin-1 for printable text), with an
    :class:`EncodingWarning_`, or, with ``fallback=False``, refused.  Data
    with NUL bytes outside UTF-16 is refused as binary, and so is a file
    whose byte-order mark does not fit the bytes after it.

    Raises
    ------
    InputError
        If the data looks binary, or is not UTF-8 and ``fallback`` is false.

    Examples
    --------
    >>> decode_text("unit,code\\n".encode("utf-16"))
    ('unit,code\\n', 'utf-16')
    >>> decode_text(b"\\xef\\xbb\\xbfunit")
    ('unit', 'utf-8-sig')
    >>> decode_text(b"\\xef\\xbb\\xbf\\xef\\xbb\\xbfunit")  # the mark twice
    ('unit', 'utf-8-sig')
    >>> decode_text(b"Camd\\xe9n", source="c.csv", fallback=False)
    Traceback (most recent call last):
    ...
    impact.errors.InputError: c.csv: not UTF-8 text (byte 0xe9 at byte 4 is not UTF-8)
    """
    if (form := unicode_form(data)) is not None and data.startswith((b"\xef\xbb\xbf", *UTF16_BOMS)):
        # two marks of two encodings, or a mark of one encoding before text of another: written by a program that
        # added a mark to bytes it did not decode (and may have changed them: a line end made CRLF byte by byte
        # breaks UTF-16), so not read as either encoding but named
        raise InputError(f"{source}: {form} - expected one encoding: {UNICODE_ADVICE}")
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            # a mark repeated (a file saved with a mark by one program, then again by another) is no text either:
            # kept, the first column's name began with it and the column was "missing"
            return data[3:].decode("utf-8", errors="strict").lstrip("\ufeff"), "utf-8-sig"
        except UnicodeDecodeError as exc:  # a UTF-8 file with text of another encoding pasted or appended
            at = exc.start + 3
            line = data.count(b"\n", 0, at) + 1
            raise InputError(f"{source}: starts with a UTF-8 byte-order mark but is not UTF-8 from line "
                             f"{line} (byte {data[at]:#04x} at byte {at}) - expected one "
                             "encoding: save the file as UTF-8") from None
    if data.startswith(UTF32_BOMS):  # read as UTF-16, every other character would be a NUL
        try:
            return data.decode("utf-32").lstrip("\ufeff"), "utf-32"
        except UnicodeDecodeError as exc:
            raise InputError(f"{source}: starts with a UTF-32 byte-order mark but is not valid UTF-32 ({exc.reason} "
                             f"at byte {exc.start}{_cut_unit(data, 'UTF-32')}) - expected one encoding: save the file "
                             "as UTF-8") from None
    if data.startswith(UTF16_BOMS):
        try:
            return data.decode("utf-16").lstrip("\ufeff"), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputError(f"{source}: starts with a UTF-16 byte-order mark but is not valid UTF-16 ({exc.reason} at "
                             f"byte {exc.start}{_cut_unit(data, 'UTF-16')})") from None
    if data.startswith(SHORTCUT_MAGIC):  # what to do is to copy the file it points to, not to save it as text
        raise InputError(f"{source}: {shortcut_said(data)}")
    kind = _document_kind(data)
    if kind:
        raise InputError(f"{source}: {kind}, not text - expected a text file: {advice}")
    if b"\x00" in data:
        if (stray := stray_nuls(data)) is not None:
            raise InputError(f"{source}: {stray} - expected a text file without NUL bytes")
        at = data.index(b"\x00")
        line, column = data.count(b"\n", 0, at) + 1, at - data.rfind(b"\n", 0, at)
        raise InputError(
            f"{source}: contains NUL bytes at byte {at} (line {line}, character {column}) - "
            f"expected a text file (UTF-8, or UTF-16 with a byte-order mark){_utf16_without_mark(data)}"
        )
    try:
        text = data.decode("utf-8")
        if not _C0.search(text) or _wide_without_nul(data) is None:
            return text, "utf-8"
        bad_at = 0
    except UnicodeDecodeError as exc:
        bad_at = exc.start
    if (wide := _wide_without_nul(data)) is not None:
        # UTF-16 of a script without spaces holds no NUL byte: read as Windows-1252 it was a warning and mojibake
        order, text = wide
        raise InputError(f"{source}: UTF-16 text ({order}-endian) without a byte-order mark "
                         f"(read so it begins {text[:12]!r}; read as Windows-1252 it would begin "
                         f"{data[:12].decode('cp1252', errors='replace')!r}) - expected UTF-8, or UTF-16 with its mark: "
                         f"{UNICODE_ADVICE}")
    if not fallback:
        raise InputError(f"{source}: not UTF-8 text (byte {data[bad_at]:#04x} at byte {bad_at} is not UTF-8)")
    # Valid UTF-8 multi-byte sequences beside bytes that are not UTF-8: two encodings in one file. Read as
    # Windows-1252 the UTF-8 part would turn "Camdén" into "CamdÃ©n" silently, so it is refused.
    utf8_char = _UTF8_MULTIBYTE.search(data)
    if utf8_char is not None:
        def line_of(at: int) -> int:
            return data.count(b"\n", 0, at) + 1

        good, bad = line_of(utf8_char.start()), line_of(bad_at)
        # one line holding both ("line 1 is UTF-8 but line 1 is not" said the opposite of itself)
        where = (f"line {good} is UTF-8 but line {bad} is not" if good != bad
                 else f"line {bad} holds UTF-8 text and a byte that is not")
        raise InputError(
            f"{source}: mixes text encodings - {where} (byte {data[bad_at]:#04x} at byte {bad_at}) - expected one "
            "encoding: save the file as UTF-8")
    text = data.decode("cp1252", errors="replace") if _mostly_cp1252(data) else data.decode("latin-1")
    encoding = "cp1252"
    # a guess between two readings is said: likely Windows-1252 text that also reads as UTF-16 of one script
    other = next((f" It also reads as UTF-16 without a byte-order mark ({order}-endian), beginning {wide[:12]!r}: if "
                  "that is what it holds, save it as UTF-8 from the program that made it." for order in ("little", "big")
                  if b"\x00" not in data and (wide := _utf16_reading(data[:65_536], order)) is not None), "")
    first = _first_beyond_ascii(data, text)
    warnings.warn(EncodingWarning_(f"{source}: not valid UTF-8; read as Windows-1252 (Latin-1), beginning "
                                   f"{text[:40]!r}; {first}.{other} Save it as UTF-8 to silence this.", source,
                                   first=first), stacklevel=user_level())
    return text, encoding


def _first_beyond_ascii(data: bytes, text: str) -> str:
    r"""Where ``data``, read as ``text`` one character a byte (Windows-1252 or Latin-1), first holds a letter beyond
    ASCII, and how it reads there: a file saved in another encoding (a Mac's Excel saves Mac Roman) reads wrong, and
    the file's first 40 characters, a header, never showed it (newuser8: 'Brómley' saved so was read 'Br—mley').

    >>> data = "id,name\n305,Brómley\n".encode("mac_roman")
    >>> _first_beyond_ascii(data, data.decode("cp1252", errors="replace"))
    "its first letter beyond ASCII is on line 2, which reads '305,Br—mley': if that is not what was typed, the file was saved in another encoding"
    """
    found = re.search(rb"[\x80-\xff]", data)
    if found is None or len(text) != len(data):
        return "its first letter beyond ASCII could not be placed"
    at = found.start()
    line = data.count(b"\n", 0, at) + 1
    start, end = data.rfind(b"\n", 0, at) + 1, data.find(b"\n", at)
    end = len(data) if end < 0 else end
    shown = text[max(start, at - 30):min(end, at + 30)].rstrip("\r")
    return (f"its first letter beyond ASCII is on line {line}, which reads {shown!r}: if that "
            "is not what was typed, the file was saved in another encoding")


def _utf16_without_mark(data: bytes) -> str:
    """A hint where NUL bytes are those of UTF-16 or UTF-32 text saved without its byte-order mark, which cannot be
    told from binary data for sure, so it is not read but named (" (it looks like UTF-16 ...)")."""
    found = _unmarked(data)
    if found is None:
        return ""
    encoding, order = found
    return (f" (it looks like {encoding} text without a byte-order mark, {order}-endian{_cut_unit(data, encoding)}: "
            "save it as UTF-8)")


#: How to save a file in another Unicode form as UTF-8, said where one is refused.
UNICODE_ADVICE = ("save the file as UTF-8 (Excel: Save As \"CSV UTF-8 (comma delimited)\"; Notepad or another text "
                  "editor: Save As with the encoding UTF-8)")
#: The byte-order marks impact reads: (mark, encoding, byte order); UTF-32's first (little-endian UTF-32 starts with
#: UTF-16's little-endian mark).
_MARKS = ((UTF32_BOMS[0], "UTF-32", "little"), (UTF32_BOMS[1], "UTF-32", "big"), (UTF16_BOMS[0], "UTF-16", "little"),
          (UTF16_BOMS[1], "UTF-16", "big"), (b"\xef\xbb\xbf", "UTF-8", ""))


def _mark(data: bytes) -> tuple[int, str, str] | None:
    """The byte-order mark ``data`` starts with: (its length, the encoding, the byte order), or None."""
    for mark, encoding, order in _MARKS:
        if data.startswith(mark):
            return len(mark), encoding, order
    return None


def _texty(text: str, *, ascii_share: float = 0.1) -> bool:
    """Whether decoded ``text`` reads as text: no NUL or other control character but tab and line ends, no
    surrogate, private or unassigned code point, and some of it (``ascii_share``) ASCII (a CSV's commas, a transcript's
    spaces)."""
    import unicodedata

    # each distinct character judged once (a file's head is 64 KiB of a few dozen letters); ASCII holds no surrogate,
    # private or unassigned point, so ASCII text is judged by its controls alone (testtime29: the same answers, read
    # of every text file, codebooks included, at about a hundredth of the time)
    if not text:
        return False
    if text.isascii():
        return _CONTROL.search(text) is None
    if any(unicodedata.category(ch) in ("Cs", "Co", "Cn") or (ch < " " and ch not in "\t\n\r\f") for ch in set(text)):
        return False
    return len(text.encode("ascii", "ignore")) >= ascii_share * len(text)


#: A control character text never holds (all below a space but tab, line feed, form feed and carriage return).
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f]")


def _unmarked(data: bytes) -> tuple[str, str] | None:
    """("UTF-16", "little") where the start of ``data``, holding NUL bytes, reads as UTF-16 or UTF-32 text without a
    byte-order mark (UTF-32 first: as UTF-16 it would hold NUL characters); None for anything else."""
    head = data[:4096]
    if b"\x00" not in head:
        # a stretch without NULs first (UTF-16 of Chinese or Greek text, where no byte of a character is 0): the text
        # is looked at where its first NUL is, from a place its characters start (every 4 bytes from the file's start)
        first = data.find(b"\x00")
        if first < 0:
            found = _wide_without_nul(data)
            return ("UTF-16", found[0]) if found else None
        at = max(0, first - first % 4 - 64)
        head = data[at: at + 4096]
    for encoding, unit in (("UTF-32", 4), ("UTF-16", 2)):
        for order in ("little", "big"):
            decoder = codecs.getincrementaldecoder(f"utf-{unit * 8}-{order[0]}e")("strict")
            try:  # a pair of UTF-16 units cut at the head's end is left out, not an error
                text = decoder.decode(head[:len(head) - len(head) % unit], final=len(head) == len(data))
            except UnicodeDecodeError:
                continue
            # text of a script without spaces (Chinese, Japanese) holds little ASCII; a long stretch of it read as
            # assigned characters, no control among them, is no chance of binary data (about 0.75 ** 256)
            # (or, shorter, letters of one script: Korean, whose characters' low byte is 0 from time to time)
            if len(text) >= 2 and (_texty(text) or (len(text) >= 256 and _texty(text, ascii_share=0))
                                   or (len(text) >= 8 and _texty(text, ascii_share=0) and _one_script(text)
                                       and not _utf8_but_nuls(head))):
                return encoding, order
    return None


def _utf8_but_nuls(data: bytes) -> bool:
    r"""Whether ``data`` with its NUL bytes taken out is UTF-8 text: English read as UTF-16 is letters of one script
    too (two ASCII letters make one CJK ideograph), so a UTF-8 transcript with a stray NUL is not taken for Korean.

    Examples
    --------
    >>> _utf8_but_nuls(b"Interviewer: Hi\nRespondent: Morale\x00 rose.\n")
    True
    >>> _utf8_but_nuls("\uc548\ub155\ud558\uc138\uc694 \uac00".encode("utf-16-le"))  # Korean, a NUL in it
    False
    """
    try:
        text = codecs.getincrementaldecoder("utf-8")("strict").decode(data.replace(b"\x00", b""), final=False)
    except UnicodeDecodeError:
        return False
    return _texty(text)


#: Scripts told apart by the first word of a character's Unicode name; those a language writes together are one.
_SCRIPT_OF = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "IDEOGRAPHIC": "CJK", "HALFWIDTH": "CJK", "FULLWIDTH": "CJK"}


def _one_script(text: str) -> bool:
    """Whether ``text`` is mostly letters (60% of what is not a space), 90% of them of one script."""
    import unicodedata

    shown = [ch for ch in text if not ch.isspace()]
    letters = [ch for ch in shown if unicodedata.category(ch).startswith("L")]
    if len(letters) < 2 or len(letters) < 0.6 * len(shown):
        return False
    scripts: dict[str, int] = {}
    for ch in letters:
        first = unicodedata.name(ch, "?").split(" ")[0]
        scripts[_SCRIPT_OF.get(first, first)] = scripts.get(_SCRIPT_OF.get(first, first), 0) + 1
    return max(scripts.values()) >= 0.9 * len(letters)


def _unlikely_cp1252(data: bytes, order: str) -> bool:
    """Whether ``data`` read as Windows-1252 is unlikely text: a control character (not a tab or line end), a byte
    Windows-1252 leaves undefined, 30% or more bytes outside ASCII (Western European text has a few accents), or the
    bytes at every other place (UTF-16's high bytes, ``order`` its byte order) of three values or fewer over 8 or
    more characters (one block of one script: kana, Cyrillic), which no text in one byte per letter is."""
    if any(b < 0x20 and b not in (9, 10, 12, 13) for b in data) or not _mostly_cp1252(data):
        return True
    if len(data) >= 16 and sum(b >= 0x80 for b in data) >= 0.3 * len(data):  # a short word may be all accents
        return True
    high = data[1::2] if order == "little" else data[0::2]
    return len(high) >= 8 and len(set(high)) <= 3


def _wide_without_nul(data: bytes) -> tuple[str, str] | None:
    """``(order, text)`` where ``data``, holding no NUL byte and not UTF-8, is UTF-16 without its byte-order mark
    (text of a script without spaces: Chinese, Japanese, Korean, no line end): read in that byte order it is text of
    one script, no unpaired surrogate, control, private or unassigned character among it, and read as Windows-1252 it
    is unlikely text (:func:`_unlikely_cp1252`).  None for anything else (Windows-1252 text "Camdén" reads as three
    Chinese characters in UTF-16, but as likely Windows-1252 text too, and is read as that, with the warning)."""
    if b"\x00" in data or len(data) < 4 or len(data) % 2:  # UTF-16 is two bytes a unit (or four)
        return None
    head = data[:65_536]  # enough to tell, and no pass in Python over a large file's every byte
    try:  # UTF-8 is read as UTF-8, but for text of control characters (UTF-16 of Cyrillic: every other byte 0x04)
        if _texty(codecs.getincrementaldecoder("utf-8")("strict").decode(head, final=head == data), ascii_share=0):
            return None
    except UnicodeDecodeError:
        pass
    for order in ("little", "big"):
        text = _utf16_reading(head, order)
        if text is not None and _unlikely_cp1252(head, order):
            return order, text
    return None


def _utf16_reading(data: bytes, order: str) -> str | None:
    """``data`` read as UTF-16 of ``order`` where that is text of one script; else None."""
    if len(data) % 2:
        return None
    try:  # not final: a pair of units cut at the end of a file's head is left out, not an error
        text = codecs.getincrementaldecoder(f"utf-16-{order[0]}e")("strict").decode(data, final=False)
    except UnicodeDecodeError:  # an unpaired surrogate
        return None
    return text if _texty(text, ascii_share=0) and _one_script(text) else None


def _cut_unit(data: bytes, encoding: str) -> str:
    """Where ``data``, text of ``encoding`` ("UTF-16"), ends in part of a character (an odd number of bytes: a copy
    or download cut short), said: ", its last byte (byte 41) half a character: the file was cut short"; else ""."""
    unit = 4 if encoding == "UTF-32" else 2
    extra = len(data) % unit
    if not extra:
        return ""
    return (f", {len(data):,} bytes long: its last {_after_the(extra, 'byte')} (from byte {len(data) - extra:,}) part of a character, so "
            "the file was cut short (copy it again from where it was made)")


def stray_nuls(data: bytes) -> str | None:
    """What ``data`` is where it is UTF-8 text but for NUL bytes a text file never holds (a bad export, a copy cut
    short and padded, a program that wrote a C string's end): the count, where the first is (byte, line, character)
    and how to fix it; None where the bytes without their NULs are no UTF-8 text, or hold none.

    Examples
    --------
    >>> print(stray_nuls(b"unit,code\\n1,a\\x00\\n"))  # doctest: +ELLIPSIS
    UTF-8 text with 1 stray NUL byte (byte 13, line 2, character 4), which no text holds (a bad export or a damaged copy): delete it ...
    """
    count = data.count(b"\x00")
    if not count or data.startswith((*UTF16_BOMS, *UTF32_BOMS)) or _unmarked(data) is not None:
        return None
    rest = data.replace(b"\x00", b"")
    try:
        text = rest.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if not _texty(text[:65_536].lstrip("\ufeff")):
        return None
    at = data.index(b"\x00")
    line, column = data.count(b"\n", 0, at) + 1, at - data.rfind(b"\n", 0, at)
    where = f"byte {at:,}, line {line:,}, character {column:,}"
    trailing = data.rstrip(b"\x00") == data[:at]
    if not trailing and count > max(1, len(data) // 100):  # NULs all through: binary data, said as such by the caller
        return None
    if trailing:  # one run of them to the end: space kept for text never written
        return (f"UTF-8 text followed by {count:,} NUL bytes ({where} to the end), which no text holds (a copy or "
                "download cut short, or space a program kept for text it never wrote): copy the file again from "
                "where it was made, or delete them in a text editor")
    said, it = ("1 stray NUL byte (", "it") if count == 1 else (f"{count:,} stray NUL bytes (the first at ", "them")
    return (f"UTF-8 text with {said}{where}), which no text holds (a bad export or a damaged copy): delete {it} (a "
            f"text editor shows {it} as NUL or a box; or keep the text without {it}: tr -d '\\000' < FILE > FIXED) "
            f"and check the text around {it}")


def unicode_form(data: bytes) -> str | None:
    """What ``data`` holds where it is UTF-16 or UTF-32 text :func:`decode_text` does not read as it is, said for a
    person ("UTF-16 text (little-endian) after a UTF-8 byte-order mark"); None for anything else.

    Read as they are: UTF-8, and UTF-16 or UTF-32 starting with its own byte-order mark.  Named here: UTF-16 or UTF-32
    without a mark, such text behind a UTF-8 mark (a program added the mark to bytes it did not decode), two marks of
    two encodings, a UTF-16 mark of one byte order before text of the other, and UTF-8 text behind a UTF-16 mark.

    Examples
    --------
    >>> unicode_form(b"\\xef\\xbb\\xbf" + "unit,code\\n".encode("utf-16-le"))
    'UTF-16 text (little-endian) after a UTF-8 byte-order mark'
    >>> unicode_form("unit,code\\n".encode("utf-32-be"))
    'UTF-32 text (big-endian) without a byte-order mark'
    >>> unicode_form(b"\\xff\\xfe" + "unit,code\\n".encode("utf-8"))
    'UTF-8 text after a UTF-16 byte-order mark (little-endian)'
    >>> unicode_form("unit,code\\n".encode("utf-16")) is None and unicode_form(b"unit,code\\n") is None
    True
    """
    mark = _mark(data)
    if mark is None:
        found = _unmarked(data)
        return (f"{found[0]} text ({found[1]}-endian) without a byte-order mark{_cut_unit(data, found[0])}" if found
                else None)
    length, encoding, order = mark
    rest = data[length:]
    if encoding == "UTF-8":
        second = _mark(rest)
        if second is not None and second[1] != "UTF-8":
            return (f"{second[1]} text ({second[2]}-endian) with its byte-order mark after a UTF-8 byte-order mark: "
                    "two marks of two encodings")
        found = _unmarked(rest)
        return f"{found[0]} text ({found[1]}-endian) after a UTF-8 byte-order mark" if found else None
    if encoding == "UTF-16":
        head = rest[:4096]
        if len(head) >= 4 and b"\x00" not in head:
            try:
                text = codecs.getincrementaldecoder("utf-8")("strict").decode(head, final=len(head) == len(rest))
            except UnicodeDecodeError:
                text = ""
            if _texty(text.lstrip("\ufeff")):
                return f"UTF-8 text after a UTF-16 byte-order mark ({order}-endian)"
        found = _unmarked(rest)
        if found is not None and found[1] != order:
            mine = codecs.getincrementaldecoder(f"utf-16-{order[0]}e")("ignore").decode(head[:len(head) // 2 * 2])
            if not _texty(mine):
                return (f"{found[0]} text ({found[1]}-endian) after a UTF-16 byte-order mark of the other byte order "
                        f"({order}-endian)")
    return None


#: A control character no text holds (not a tab, line end or form feed).
_C0 = re.compile("[\x01-\x08\x0b\x0e-\x1f]")
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _mostly_cp1252(data: bytes) -> bool:
    # Bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D are undefined in cp1252.
    return not any(b in data for b in (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d"))


def suffix_given(path: str | os.PathLike, suffixes: Iterable[str]) -> str:
    """What a file's name ends in, said after "must end in .csv or .xlsx, but": its extension, or that it has none and
    the name with the first of ``suffixes`` (newuser15: "but 'no extension' was given" read as if those words were
    the extension).

    >>> suffix_given("out/agreement", [".csv", ".xlsx"])
    'agreement has no extension (name it agreement.csv, say)'
    >>> suffix_given("coded.txt", [".csv"])
    "'.txt' was given"
    """
    name = Path(path)
    if name.suffix:
        return f"{name.suffix!r} was given"
    first = next(iter(suffixes), "")
    return f"{name.name} has no extension (name it {name.name}{first}, say)"


def require_path(value: object, argument: str, expected: str) -> None:
    """Refuse a ``value`` that is not a path (a ``str`` or an :class:`os.PathLike`): a number, None, a list or a loaded
    object passed where a file or folder is named was pathlib's "expected str, bytes or os.PathLike object, not int",
    which names neither the argument nor what it is for.  ``expected``: what the path must name.

    Examples
    --------
    >>> require_path(3, "out_dir", "the output folder")
    Traceback (most recent call last):
    ...
    TypeError: The value for `out_dir` must be a path (a str or pathlib.Path) naming the output folder, but int was passed.
    """
    if isinstance(value, (str, os.PathLike)):
        return
    kind = type(value).__name__
    loaded = {"Study": " (a loaded Study: pass it where a Study is taken, not a path)",
              "DataFrame": " (a table already read: pass the file's path, or the table where a table is taken)"}
    from ._made import uncalled_hint

    raise TypeError(f"The value for `{argument}` must be a path (a str or pathlib.Path) naming {expected}, but {kind} "
                    f"was passed{loaded.get(kind, '') or uncalled_hint(value)}.")


def tilde_hint(given: str | os.PathLike) -> str:
    """What an input path starting with a '~' left as it is (Python never turns it into the home folder, nor a shell
    inside quotes) names once written out, for a message saying it names nothing; ``""`` for any other path.

    Examples
    --------
    >>> tilde_hint("~/no-such-study-anywhere").startswith(" (it starts with '~', which was not turned into your home "
    ...                                                   "folder (Python does not do it, nor a shell inside quotes)")
    True
    >>> tilde_hint("study/~draft")
    ''
    """
    text = os.fspath(given)
    expanded = os.path.expanduser(text)
    if literal_tilde(text) is None or expanded == text:  # '~nobody/x': no such user, nothing to write instead
        return ""
    said = (f"write it out, {expanded}" if os.path.lexists(expanded) else
            f"written out, {expanded}, it names nothing either")
    return (f" (it starts with '~', which was not turned into your home folder (Python does not do it, nor a shell "
            f"inside quotes): {said})")


def relative_hint(given: str | os.PathLike, *, levels: int = 3, study_folder: str | os.PathLike | None = None) -> str:
    """Where a relative path that names nothing was looked for (the current folder, which in a notebook is the
    notebook's folder, not the checkout's), and the folder above that holds it where one of the ``levels`` above
    does; ``""`` for an absolute path or one that names something. ``study_folder``: a folder the path was looked
    for in too (a codebook's path is read from the current folder, else from the study folder).  A path starting with
    '~' is told as such (:func:`tilde_hint`).

    Examples
    --------
    >>> import tempfile
    >>> top = Path(tempfile.mkdtemp()).resolve(); (top / "study").mkdir(); (top / "notebooks").mkdir()
    >>> old = os.getcwd(); os.chdir(top / "notebooks")
    >>> relative_hint("study") == (f" (a relative path is read from the current folder, {top / 'notebooks'}; "
    ...                            f"{top / 'study'} is one folder up: give {Path('..', 'study')} or the full path)")
    True
    >>> relative_hint("nowhere") == f" (a relative path is read from the current folder, {top / 'notebooks'})"
    True
    >>> os.chdir(old); relative_hint(top / "nowhere")
    ''
    """
    path = Path(given)
    try:
        if literal_tilde(given) is not None and not os.path.lexists(path):
            return tilde_hint(given)
        if os.path.lexists(path):
            return ""
        if alike := alike_hint(given):  # 'c\u200b' for the folder 'c': said wherever the path is read from
            return alike
        if path.is_absolute():
            return ""
        here = Path.cwd()
    except (OSError, ValueError):  # the current folder removed, or a path the system cannot take
        return ""
    for up, folder in enumerate(here.parents[:levels], 1):
        try:
            there = os.path.lexists(folder / path)
        except (OSError, ValueError):
            there = False
        if there:
            how_far = "one folder up" if up == 1 else f"{up} folders up"
            return (f" (a relative path is read from the current folder, {here}; {folder / path} is {how_far}: "
                    f"give {Path(*(['..'] * up), path)} or the full path)")
    also = f", then from the study folder, {Path(study_folder).resolve()}" if study_folder is not None else ""
    return f" (a relative path is read from the current folder, {here}{also})"


def alike_hint(given: str | os.PathLike) -> str:
    """Where a path names nothing but its folder holds one entry whose name looks the same or reads as the same
    (:func:`impact._names._twins`: a zero-width space or a Cyrillic letter typed or pasted in, case, a dot or a space
    at its end that Windows takes off), that entry and what tells the two apart; else "".

    Examples
    --------
    >>> import tempfile
    >>> top = Path(tempfile.mkdtemp()); (top / "study").mkdir()
    >>> alike_hint(top / "stu\u200bdy")
    " (found 'study' beside it, a name that looks the same: the path given holds U+200B ZERO WIDTH SPACE at character 4, which shows as nothing; names are exact)"
    >>> alike_hint(top / "elsewhere")
    ''
    """
    from ._names import _end_said, _lookalikes_told, _twins, _windows_form

    path = Path(given)
    name = path.name
    try:
        near = sorted(p.name for p in (path.parent if str(path.parent) else Path(".")).iterdir()
                      if p.name != name and _twins(p.name, name))
    except (OSError, ValueError):
        return ""
    if len(near) != 1:
        return ""
    found = near[0]
    held = [f"the path given holds {told}" for told in [_lookalikes_told(name)] if told] + [
        f"it holds {told}" for told in [_lookalikes_told(found)] if told] + [
        f"{who} ends in {_end_said(n)}, which Windows takes off and Linux and macOS keep" for who, n in
        (("the path given", name), ("it", found)) if _windows_form(n) != n]
    if not held and found.casefold() != name.casefold():
        return ""
    if not held:  # case alone
        return f" (found {found!r} beside it: names are exact, case too)"
    return f" (found {found!r} beside it, a name that looks the same: {'; '.join(held)}; names are exact)"


def check_input_file(path: str | os.PathLike, *, label: str | None = None, expected: str = "") -> Path:
    """Refuse an input that is not a regular file, saying what it is: a folder, nothing, or a device or a pipe.

    ``expected`` (" - expected ...") is added to the message.  Returns ``path`` as a :class:`~pathlib.Path`.

    Examples
    --------
    >>> import tempfile
    >>> check_input_file(tempfile.mkdtemp(), label="coded", expected=" - expected a coded CSV file")
    Traceback (most recent call last):
    ...
    impact.errors.InputError: coded: is a folder - expected a coded CSV file
    """
    require_path(path, "path", "the file to read")
    raw = os.fspath(path)
    path = Path(path)
    name = label or str(path)
    if _folder_ending(raw) and path.is_file():
        # pathlib drops the '/' ('coded.csv/' is Path('coded.csv')), which the system reads as "Not a directory"
        raise InputError(f"{name}: a file, but given as a folder ({raw!r} ends in {raw[-1]!r}){expected}: give it "
                         "without the last separator")
    try:
        st = path.stat()
    except FileNotFoundError:
        raise InputError(f"{name}: file not found{expected}{relative_hint(raw)}") from None
    except OSError as exc:  # a part of the path is a file, a link loop, no permission
        raise unreadable(name, exc, expected) from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{name}: is a folder{expected}")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{name}: not a regular file (a device or a pipe){expected}")
    return path


def unreadable(name: str, exc: OSError, expected: str = "") -> InputError:
    """The :class:`InputError` telling that the input file ``name`` could not be opened or read (``exc``), and what to
    do: a file locked by the program that has it open (Excel and Word lock the files they have open on Windows:
    "permission denied"), one moved or deleted after it was found, a disk error.  ``expected`` (" - expected ...")
    is said after the reason.

    Examples
    --------
    >>> import errno
    >>> print(unreadable("councils.csv", PermissionError(errno.EACCES, "Permission denied")))
    councils.csv: cannot be read (permission denied: a program that has it open may lock it, as Excel and Word do on Windows - close it there, or ask for permission to read it, and try again)
    >>> print(unreadable("study.xlsx", FileNotFoundError(errno.ENOENT, "No such file or directory")))
    study.xlsx: cannot be read (it is gone: it was there when it was found, and was moved, renamed or deleted since - put it back and try again)
    """
    if exc.errno in (errno.EACCES, errno.EPERM):
        why = ("permission denied: a program that has it open may lock it, as Excel and Word do on Windows - close it "
               "there, or ask for permission to read it, and try again")
    elif exc.errno == errno.ENOENT:
        why = "it is gone: it was there when it was found, and was moved, renamed or deleted since - put it back and try again"
    else:
        why = (exc.strerror or str(exc) or type(exc).__name__).rstrip(".")
        why = why[:1].lower() + why[1:]
    return InputError(f"{name}: cannot be read ({why}){expected}")


#: What an Office owner file's name starts with: Excel, Word and PowerPoint keep one beside each file they have open.
OWNER_PREFIX = "~$"


def owned_by(owner: str, names) -> str | None:
    """The file of ``names`` that the Office owner file named ``owner`` stands for, or None (not an owner file, or its
    file is not among ``names``).  An owner file is ``~$`` and the file's name (Excel) or, for a longer name, ``~$`` in
    place of its first two characters (Word: ``~$uncils.docx`` for ``councils.docx``).

    Examples
    --------
    >>> owned_by("~$councils.xlsx", ["councils.xlsx", "notes.txt"]), owned_by("~$ficeReport.docx", ["OfficeReport.docx"])
    ('councils.xlsx', 'OfficeReport.docx')
    >>> owned_by("councils.xlsx", ["councils.xlsx"]) is None, owned_by("~$gone.xlsx", ["councils.xlsx"]) is None
    (True, True)
    """
    if not owner.startswith(OWNER_PREFIX) or len(owner) <= len(OWNER_PREFIX):
        return None
    rest = owner[len(OWNER_PREFIX):]
    return next((n for n in names if n == rest), None) or next(
        (n for n in names if len(n) > 2 and n[2:] == rest and not n.startswith(OWNER_PREFIX)), None)


def office_owner(path: str | os.PathLike) -> Path | None:
    """The Office owner file beside ``path`` (see :func:`owned_by`), where there is one: the file is open in Excel or
    Word, or was when it closed unexpectedly."""
    path = Path(path)
    name = path.name
    for candidate in dict.fromkeys([OWNER_PREFIX + name, OWNER_PREFIX + name[2:]] if len(name) > 2 else []):
        owner = path.with_name(candidate)
        if candidate != name and owner.is_file():
            return owner
    return None


def _office_program(name: str) -> str:
    return "Word" if os.path.splitext(name)[1].casefold() in {".docx", ".doc", ".dotx", ".rtf", ".txt"} else "Excel"


def open_in_office(name: str, owner: str) -> str:
    """What to say of a file read while Office has it open (its owner file ``owner`` beside it): it is read as last
    saved, so what was typed since is not read (newuser8: decisions filled in and not saved were read as none).

    >>> open_in_office("review.xlsx", "~$review.xlsx")  # doctest: +ELLIPSIS
    'review.xlsx: open in Excel (its owner file ~$review.xlsx is beside it) - expected a file saved and closed: ...'
    """
    return f"{name}: {open_said(name, owner)} - expected {OPEN_EXPECTED}"


def open_said(name: str, owner: str) -> str:
    """``open in Excel (its owner file ~$name is beside it)``: a file ``name`` Office has open, as found."""
    return f"open in {_office_program(name)} (its owner file {owner} is beside it)"


#: What a file Office has open should be, said where one is read (see :func:`open_in_office`).
OPEN_EXPECTED = ("a file saved and closed: it is read as last saved, so changes not saved yet are not read; save it "
                 "(or close it) and read it again (an owner file left when Office closed unexpectedly can be deleted)")


#: The files told open in Office, by what tells one state of them from another: told once a state, as a file read
#: twice (its kind told from its content, then read) is one file.
_TOLD_OPEN: set[tuple] = set()


def tell_if_open_in_office(path: str | os.PathLike, *, label: str | None = None) -> None:
    """An :class:`ImpactWarning` (:func:`open_in_office`) where ``path`` has an Office owner file beside it: a file
    given to read (a review workbook, a coded CSV, a Word template) while Excel or Word has it open is read as last
    saved (newuser8: decisions typed and not yet saved were read as none, without a word).

    Examples
    --------
    >>> import tempfile, pathlib, warnings
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "review.xlsx").write_bytes(b"PK"); _ = (d / "~$review.xlsx").write_bytes(b"\\x05Alice")
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     tell_if_open_in_office(d / "review.xlsx", label="review.xlsx")
    >>> str(caught[0].message)  # doctest: +ELLIPSIS
    'review.xlsx: open in Excel (its owner file ~$review.xlsx is beside it) - expected a file saved and closed: ...'
    """
    owner = office_owner(path)
    if owner is None:
        return
    try:
        mine, its = os.stat(path), os.stat(owner)
    except OSError:
        return
    state = (os.path.abspath(path), mine.st_mtime_ns, mine.st_size, its.st_ino, its.st_mtime_ns)
    if state not in _TOLD_OPEN:
        _TOLD_OPEN.add(state)
        warnings.warn(open_in_office(label or os.fspath(path), owner.name), ImpactWarning, stacklevel=user_level())


def overlong_line(data: bytes) -> tuple[int, int, int] | None:
    r"""``(line number, its byte, the header's columns)`` of the first line of CSV ``data`` longer than its header's
    columns of at most :data:`MAX_CELL_CHARS` characters each can be (every quote doubled, 4 bytes a character), found
    before the bytes are decoded and split into cells (a 100 MB line peaked at 8 times its size, refused as a long cell
    at the end); None where none is.  A window of that length at a time: a few dozen ``rfind`` calls for a large file.

    Examples
    --------
    >>> overlong_line(b"a,b\n1,2\n" + b"x" * 600_000), overlong_line(b"a,b\n1,2\n") is None
    ((3, 8, 2), True)
    """
    width = data.count(b",", 0, data.find(b"\n") if b"\n" in data else len(data)) + 1
    limit = width * (2 * MAX_CELL_CHARS + 3) * 4
    pos = 0
    while len(data) - pos > limit:
        last = data.rfind(b"\n", pos, pos + limit + 1)
        if last < 0:
            return data.count(b"\n", 0, pos) + 1, pos, width
        pos = last + 1
    return None


def _folder_ending(raw: str | bytes) -> bool:
    """Whether a path as typed ends in a separator (or '/.'), which names a folder: 'coded.csv/'."""
    text = os.fsdecode(raw)
    return len(text) > 1 and text.rstrip(".").endswith(("/", os.sep)) and text.rstrip("/" + os.sep + ".") != ""


def read_text(path: str | os.PathLike, *, max_bytes: int = MAX_TEXT_BYTES, label: str | None = None,
              advice: str = TEXT_ADVICE, table: bool = False) -> str:
    """Read a text file with :func:`decode_text`, refusing files over ``max_bytes``; ``advice``: what a document that
    is no text (a workbook, a PDF) should have been saved as; a ``table`` (CSV) with a line longer than its columns
    can be is refused from its bytes (:func:`overlong_line`)."""
    name = label or str(path)
    path = check_input_file(path, label=name)
    st = path.stat()
    if st.st_size > max_bytes:
        raise InputError(f"{name}: {st.st_size:,} bytes - expected a text file of at most {max_bytes:,} bytes")
    data = read_bounded(path, max_bytes, label=name, size=st.st_size)
    if table and (long := overlong_line(data)) is not None:
        raise InputError(f"{name}:{long[0]}: a line longer than its {long[2]} cells of at most {MAX_CELL_CHARS:,} "
                         f"characters can be (from byte {long[1]:,}) - expected a CSV table, a row to a line")
    return decode_text(data, source=name, advice=advice)[0]


def read_bounded(path: str | os.PathLike, limit: int, *, label: str | None = None, size: int | None = None) -> bytes:
    """The bytes of ``path``, at most ``limit``: a file that grew past it while it was read (its size, ``size``, was
    within it when taken: a program still writing it, a download not finished) is refused, not read cut at the limit;
    so is one that changed while read though within the limit (its size when taken, at the start and at the end of
    the reading and the bytes read not all one, or its modification time moved): refused, not read as a snapshot.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = f.write_text("unit,code\\n")
    >>> read_bounded(f, 100)
    b'unit,code\\n'
    >>> read_bounded(f, 4, label="t.csv", size=3)
    Traceback (most recent call last):
    ...
    impact.errors.InputError: t.csv: grew while it was read (3 bytes when its size was taken, more than 4 read) - expected a file no program is writing: wait until it is written, or copy it and give the copy
    """
    name = label or str(path)
    try:
        with open(path, "rb") as fh:
            before = os.fstat(fh.fileno())
            # the size found and one byte more, not the limit: a read of n bytes takes n bytes of memory at once
            want = min(limit, before.st_size) + 1
            data = fh.read(want)
            if len(data) == want and want <= limit:  # grown since its size was found: the rest, to the limit
                data += fh.read(limit + 1 - want)
            after = os.fstat(fh.fileno())
    except OSError as exc:  # locked by the program that has it open, gone since it was found, a disk error
        raise unreadable(name, exc) from None
    if len(data) > limit:
        taken = f"{size:,} bytes when its size was taken" if size is not None else "its size within the limit"
        raise InputError(f"{name}: grew while it was read ({taken}, more than {limit:,} read) - {_STILL_WRITTEN}")
    # Within the limit but changed while read (a program still writing it, an export not finished): what was read is
    # no state the file was ever in as a whole, or a state it was in only on its way to the end (a table's last rows
    # missing, a transcript cut mid-sentence), so it is refused, not read as a snapshot of the size first seen.
    sizes = {before.st_size, after.st_size} | ({size} if size is not None else set())
    if len(data) not in sizes or len(sizes) > 1 or before.st_mtime_ns != after.st_mtime_ns:
        first = size if size is not None else before.st_size
        raise InputError(f"{name}: changed while it was read ({first:,} bytes when its size was taken, {len(data):,} "
                         f"read, {after.st_size:,} when the reading ended) - {_STILL_WRITTEN}")
    if (log := _READ_LOG.get()) is not None:
        import hashlib

        log[os.path.abspath(path)] = hashlib.sha256(data).hexdigest()
        if isinstance(log, ReadLog):
            log.heads[os.path.abspath(path)] = data[:HEAD_KEPT]
    return data


#: How many of a file's first bytes a :class:`ReadLog` keeps: enough for a byte-order mark and a subtitle file's
#: first line ('WEBVTT', a cue's number and time).
HEAD_KEPT = 16


class ReadLog(dict):
    """The files read in a :func:`reads_recorded` block: absolute path -> the SHA-256 of the bytes read, and in
    ``heads`` the first :data:`HEAD_KEPT` of those bytes, so that what a file began with (a byte-order mark) is
    known of the bytes read, without opening the file again (it may have been replaced since)."""

    def __init__(self) -> None:
        super().__init__()
        self.heads: dict[str, bytes] = {}


def head_read(path: str | os.PathLike) -> bytes | None:
    """The first bytes of ``path`` as :func:`read_bounded` read them in the :func:`reads_recorded` block running, or
    None where it read no such file there (then the caller opens the file)."""
    log = _READ_LOG.get()
    return log.heads.get(os.path.abspath(path)) if isinstance(log, ReadLog) else None


#: The files read while a :func:`reads_recorded` block runs: each one's absolute path -> the SHA-256 of the bytes
#: read (:func:`read_bounded` adds them), so that what a study was read from can be checked against the folder later.
_READ_LOG: contextvars.ContextVar[dict[str, str] | None] = contextvars.ContextVar("impact_read_log", default=None)


@contextlib.contextmanager
def reads_recorded(log: dict[str, str] | None = None) -> Iterator[dict[str, str]]:
    """Record every file :func:`read_bounded` reads inside the block in ``log`` (a new :class:`ReadLog` if None), which
    is given back: absolute path -> SHA-256 of the bytes read (and their first bytes, in a :class:`ReadLog`'s
    ``heads``).  Blocks nest: an inner one records into its own log only."""
    log = ReadLog() if log is None else log
    token = _READ_LOG.set(log)
    try:
        yield log
    finally:
        _READ_LOG.reset(token)


def snapshot(path: str | os.PathLike, limit: int, *, label: str | None = None, what: str = "file") -> bytes:
    """The bytes of ``path`` read once (:func:`read_bounded`: refused if the file changed while it was read), as a
    the bytes every reader of it is given: a document checked by one reader and parsed by another is then
    checked and parsed as one version, never a first checked and a second, written meanwhile by a sync client (a
    file replaced as OneDrive or Dropbox replace one), parsed.  A file over ``limit`` bytes is refused, naming it;
    ``what`` it should be names it in that message (".docx file")."""
    name = label or str(path)
    try:
        size = os.stat(path).st_size
    except OSError as exc:
        raise unreadable(name, exc) from None
    if size > limit:
        raise InputError(f"{name}: {size:,} bytes - expected a {what} of at most {limit:,} bytes")
    return read_bounded(path, limit, label=name, size=size)


#: What a file that changed while it was read should be, said where one is refused.
_STILL_WRITTEN = "expected a file no program is writing: wait until it is written, or copy it and give the copy"


class SeparatorError(InputError):
    """A CSV file separated by something other than commas; ``problem`` says where and what was expected."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


_SEPARATORS = {";": "semicolons", "\t": "tabs", "|": "vertical bars"}


def _other_separator(header: list[str]) -> str | None:
    """The separator a one-cell header row is split by instead of commas, if any ("semicolons").

    Spreadsheets in many regional settings save "CSV" with semicolons; read with
    commas, such a file is one column whose name holds every column name.
    """
    if len(header) != 1:
        return None
    for sep, name in _SEPARATORS.items():
        parts = [p.strip() for p in header[0].split(sep)]
        if len(parts) > 1 and all(parts):
            return name
    return None


def unclosed_quote(n_lines: int, swallowed: int) -> str:
    """What a quoted value left unclosed (:func:`unclosed_quotes`) should have, for a problem at the row it opens
    (``swallowed`` 0: a quote on the last line, never closed)."""
    runs = (f"runs over {n_lines} lines and swallows {_counted(swallowed, 'line')} that {_verb(swallowed, 'looks')} like rows "
            "of the table" if swallowed
            else "runs to the end of the file")
    return (f"a closing '\"' for the quoted value that starts here (without one it {runs}): close the quote where the "
            "value ends, or take it out")


#: What a cell with a quoted value followed by more text (``"Barn"et``) should be.
_STRAY_QUOTE = ("a value either wholly in quotes or with none at its start (a value starting with '\"' is read up "
                "to the next '\"', so this one reads as {read!r}, its quotes dropped): put the whole value in quotes "
                "and double each quote inside it, as a spreadsheet saves it")


_CELL_END = re.compile(r"[,\r\n]")
_LINE_END = re.compile(r"[\r\n]")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def csv_lines(text: str) -> Iterator[str]:
    r"""The lines of ``text`` with their ends, as ``io.StringIO(text, newline="")`` gives them to a CSV reader (a
    line ends at ``\r\n``, ``\r`` or ``\n``), one at a time: a ``StringIO`` holds its text as four bytes a
    character (200 MB more for a 50 MB table).

    Examples
    --------
    >>> list(csv_lines('a,b\r\n1,"x\ry"\n2,3'))
    ['a,b\r\n', '1,"x\r', 'y"\n', '2,3']
    """
    return map(_LINE_GROUP, _LINE.finditer(text))


_LINE_GROUP = re.Match.group


def stray_quotes(text: str) -> list[tuple[int, int, str, str]]:
    """Where a CSV text holds a quoted value followed by more text before the next comma (``"Barn"et``), which a
    CSV reader reads without its quotes (``Barnet``): ``(record, cell index, raw cell, read as)``, the record
    counted from 1 for the header row, as a spreadsheet numbers rows (blank lines count).  Spaces after the
    closing quote (``"Barnet" ,``) are not counted: a cell is read without spaces at its ends.

    Examples
    --------
    >>> stray_quotes('id,name\\n1,"Barn"et\\n2,"ok ""q"" x"\\n3,"fine" \\n')
    [(2, 1, '"Barn"et', 'Barnet')]
    """
    strict = csv.reader(csv_lines(text), strict=True)
    while True:  # the C reader first: a file without the fault is passed over at its speed
        try:
            next(strict)
        except StopIteration:
            return []
        except csv.Error as exc:
            if "expected after" in str(exc):
                break
    found = []
    i, n, record, cell = 0, len(text), 1, 0
    while i < n:
        if text[i] == '"':  # a quoted value: up to the closing quote, "" standing for one quote
            k = _closing_quote(text, i)
            if k < 0:
                return found  # an unclosed quote: told by the reader of the rows
            m = _CELL_END.search(text, k + 1)
            m = m.start() if m else n
            if text[k + 1:m].strip():
                found.append((record, cell, text[i:m], text[i + 1:k].replace('""', '"') + text[k + 1:m]))
        else:
            m = _CELL_END.search(text, i)
            m = m.start() if m else n
        i, record, cell = _next_cell(text, m, record, cell)
    return found


def _closing_quote(text: str, i: int) -> int:
    """Where the quote closing the value whose opening quote is at ``i`` is, ``""`` standing for one quote; -1 if
    none."""
    k = i + 1
    while (k := text.find('"', k)) >= 0 and text.startswith('""', k):
        k += 2
    return k


def _next_cell(text: str, m: int, record: int, cell: int) -> tuple[int, int, int]:
    """Where the next cell starts after a cell ending at ``m`` (a comma or a line end), and its record and cell
    index; ``len(text)`` at the end of the text."""
    if m >= len(text):
        return len(text), record, cell
    if text[m] == ",":
        return m + 1, record, cell + 1
    return m + (2 if text.startswith("\r\n", m) else 1), record + 1, 0


def _row_like(line: str, width: int) -> bool:
    """Whether a line inside a quoted value looks like a whole row of a table of ``width`` columns: as many commas
    as the header row has between its names, or more."""
    return width > 1 and line.count(",") >= width - 1


def unclosed_quotes(text: str, width: int) -> tuple[str, list[tuple[int, int, str, int, int]]]:
    """Quoted values that run over lines swallowing lines that look like rows of the table (:func:`_row_like`): a
    quote left unclosed, which a CSV reader reads on to the next quote or to the end of the file.

    A quote on the last line that is never closed is one too.  Returns the text with each such opening quote taken
    out, so that the line it is on and the lines it swallowed are read as the rows they are, and ``(record, cell index, the line from the quote on, lines run over, lines
    that look like rows)`` for each, the record counted from 1 for the header row as :func:`stray_quotes` counts it.

    Examples
    --------
    >>> unclosed_quotes('id,name\\n1,"Barn\\n2,Torbay\\n3,"ok\\nover two"\\n', 2)
    ('id,name\\n1,Barn\\n2,Torbay\\n3,"ok\\nover two"\\n', [(2, 1, '"Barn', 3, 2)])
    """
    found = []
    i, record, cell = 0, 1, 0
    while i < len(text):
        n = len(text)
        if text[i] == '"':  # a quoted value: up to the closing quote, or the end of the text
            k = _closing_quote(text, i)
            k = n if k < 0 else k
            lines = text[i + 1:k].splitlines()
            swallowed = sum(_row_like(x, width) for x in lines[1:])
            # a quote never closed on the last line of the file swallows no row, yet it is no value as written
            if swallowed or (k == n and len(lines) <= 1):
                end = _LINE_END.search(text, i + 1)
                found.append((record, cell, text[i:end.start() if end else n], len(lines), swallowed))
                text = text[:i] + text[i + 1:]  # the quote taken out: the line is read as the row it is
                continue
            m = _CELL_END.search(text, k + 1)
        else:
            m = _CELL_END.search(text, i)
        i, record, cell = _next_cell(text, m.start() if m else n, record, cell)
    return text, found


#: The key marking a record of :func:`read_csv_strict` whose cells are not to be judged one by one (their one
#: problem is told where the row is read).
UNCHECKED = "__unchecked__"


class Record(MutableMapping):
    """A row of :func:`read_csv_strict`: its stripped cells by column, in ``given`` the cells as written where
    spaces around them were taken off (so that a message can say a space is all that tells two ids apart), and in
    ``width`` how many cells the row holds.

    A mapping as a ``dict`` is (its columns in the header's order, then any key set later), held compactly: the
    cells in a tuple, the columns' places in a dict shared by every row of the table, slots and no ``__dict__``.  A
    table of a million rows is a million records (a ``dict`` a row, 300 bytes: 380 MB of a 1.25-million-row table;
    this about 180 bytes)."""

    __slots__ = ("_at", "_cells", "_more", "given", "width")

    def __init__(self, cells=(), given: dict[str, str] | None = None, width: int = 0, *,
                 at: dict[str, int] | None = None) -> None:
        if at is None:  # from a mapping or (column, cell) pairs, as a dict is made
            items = dict(cells)
            at, cells = {k: i for i, k in enumerate(items)}, tuple(items.values())
        #: column -> its place in ``_cells`` (shared by the rows of a table); ``_more``: keys set beyond them
        self._at: dict[str, int] = at
        self._cells: tuple = cells
        self._more: dict[str, str] | None = None
        #: The cells as written where spaces around them were taken off (the same empty dict for every row without).
        self.given = _NOTHING_GIVEN if given is None else given
        #: How many cells the row holds (a short row's last columns are padded with "").
        self.width = width

    def __getitem__(self, key: str) -> str:
        i = self._at.get(key)
        if i is not None:
            return self._cells[i]
        if self._more is None:
            raise KeyError(key)
        return self._more[key]

    def get(self, key: str, default=None):
        i = self._at.get(key)
        if i is not None:
            return self._cells[i]
        return default if self._more is None else self._more.get(key, default)

    def __contains__(self, key: object) -> bool:
        return key in self._at or (self._more is not None and key in self._more)

    def __setitem__(self, key: str, value) -> None:
        i = self._at.get(key)
        if i is not None:
            self._cells = (*self._cells[:i], value, *self._cells[i + 1:])
        else:
            if self._more is None:
                self._more = {}
            self._more[key] = value

    def __delitem__(self, key: str) -> None:
        if key in self._at:  # this row's own places, without the column (the table's are shared)
            self._at = {k: i for k, i in self._at.items() if k != key}
        elif self._more is not None and key in self._more:
            del self._more[key]
        else:
            raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        yield from self._at
        if self._more is not None:
            yield from self._more

    def __len__(self) -> int:
        return len(self._at) + (0 if self._more is None else len(self._more))

    def __repr__(self) -> str:
        return f"Record({dict(self.items())!r})"

    def written(self, key: str) -> bool:
        """Whether the row as written holds a cell of column ``key`` (a short row's last columns it does not: they
        are padded with "").  ``key``'s place among the record's keys, below its ``width``."""
        i = self._at.get(key)
        if i is not None and len(self._at) == len(self._cells):  # each column named once: its place is its cell's
            return i < self.width
        return key in self and list(self).index(key) < self.width


class Link(NamedTuple):
    """Where a link of a study folder leads: ``kind`` ("loop", "missing", "outside" or "inside") and ``words``."""

    kind: str
    words: str


def link_said(folder: Path, f: Path) -> Link | None:
    """Where the link ``f`` of a study ``folder`` leads (a :class:`Link`: its kind, and in words 'a link to 'x.csv',
    which does not exist', 'a link to 'x' that leads back to itself (a loop of links)', 'a link to a place outside
    the study folder', 'a link to 'x.csv''), or None if ``f`` is no link."""
    try:
        target = os.readlink(f)
    except OSError:
        return None
    loop = Link("loop", f"a link to {target!r} that leads back to itself (a loop of links)")
    try:
        resolved = f.resolve(strict=True)
    except RuntimeError:  # a loop of links (Python < 3.13)
        return loop
    except OSError as exc:
        return loop if exc.errno == errno.ELOOP else Link("missing", f"a link to {target!r}, which does not exist")
    if not resolved.is_relative_to(Path(folder).resolve()):
        return Link("outside", "a link to a place outside the study folder")
    return Link("inside", f"a link to {target!r}")


def written(rec: Mapping[str, str], key: str) -> bool:
    """Whether a row of a table (a :class:`Record`, or a dict of a sheet's cells) holds a cell of column ``key`` as
    written: a short row's last columns do not."""
    if isinstance(rec, Record):
        return rec.written(key)
    return key in rec and list(rec).index(key) < getattr(rec, "width", len(rec))


_CELLS = operator.attrgetter("_cells")


def column_cells(recs: list[Mapping[str, str]], name: str) -> list[str]:
    """The cells of column ``name`` of each row of ``recs``, "" where a row has none: read straight from the cells of
    :class:`Record` s that share their columns' places (a table read by :func:`read_csv_strict`), else with
    ``rec.get(name, "")`` row by row."""
    if recs and type(recs[0]) is Record:
        at = recs[0]._at
        i = at.get(name)
        if i is not None and all(type(r) is Record and r._at is at for r in recs):
            return [cells[i] for cells in map(_CELLS, recs)]
    return [r.get(name, "") for r in recs]


def cells_picker(names: list[str]) -> Callable[[Mapping[str, str]], tuple[str, ...]]:
    """A function giving a row's cells of the columns ``names``, "" where the row has none: for a :class:`Record`,
    the cells taken from its tuple at once (the places worked out once for the records of a table), for another
    mapping ``rec.get(name, "")`` each."""
    last: list = [None, None]  # the places (a record's shared ``_at``) last seen, and the getter for them

    def pick(rec: Mapping[str, str]) -> tuple[str, ...]:
        if type(rec) is Record and rec._more is None:
            if rec._at is not last[0]:
                places = [rec._at.get(n) for n in names]
                if None in places or len(places) < 2:
                    def get(r, places=places):
                        return tuple("" if i is None else r._cells[i] for i in places)
                else:
                    cells = operator.itemgetter(*places)

                    def get(r, cells=cells):
                        return cells(r._cells)
                last[:] = [rec._at, get]
            return last[1](rec)
        return tuple(rec.get(n, "") for n in names)

    return pick


_NOTHING_GIVEN: dict[str, str] = {}


def _header_below(name: str, rows: list[list[str]], expected: list[str] | None) -> Problem | None:
    """The one problem of a table whose header row is not its first: blank rows above it, or rows of another kind (a
    title, a note) above a row holding the ``expected`` column names.  None where the first row is the header (or
    no row below holds the names)."""
    def blank(r: list[str]) -> bool:
        return not any(c.strip() for c in r)

    names = set(expected or ())
    if blank(rows[0]):
        k = next((k for k, r in enumerate(rows) if not blank(r)), None)
        if k is None:
            return None
        what = f"row{'s 1 to ' + str(k) + ' are' if k > 1 else ' 1 is'} blank and the header is on row {k + 1}"
        return Problem(name, 1, None, None, f"the header row on row 1 ({what}: delete the blank "
                       f"row{'s' if k > 1 else ''} above it)")
    if not names or names & {c.strip().lstrip("\ufeff") for c in rows[0]}:
        return None
    for k, r in enumerate(rows[1:20], start=1):
        if len(names & {c.strip().lstrip("\ufeff") for c in r}) >= max(1, (len(names) + 1) // 2):
            return Problem(name, 1, None, ",".join(rows[0]).strip()[:60],
                           f"the header row at the top (row {k + 1} holds the column names, below {k} row"
                           f"{'s' if k > 1 else ''} of another kind, a title or a note?: delete "
                           f"row{'s 1 to ' + str(k) if k > 1 else ' 1'})")
    return None


def read_csv_strict(path: str | os.PathLike, *, label: str | None = None, blank_note: bool = False,
                    expected: list[str] | None = None) -> tuple[list[str], list[tuple[int, dict[str, str]]], list[Problem]]:
    """Read a CSV as text cells.

    ``blank_note``: blank rows with data after them are told in a warning among the problems
    (:func:`blank_rows_note`); they are never data, and never the table's end.  ``expected``: the column names the
    table should have; a first row holding none of them above a row holding them (a title typed above the header)
    is one problem, as is a blank first row, and no rows are read.

    Returns
    -------
    header : list of str
    records : list of (row, dict)
        ``row`` is the spreadsheet row (header = 1).  Cells are stripped text;
        empty cells are ``""``.
    problems : list of Problem
        Ragged rows (too many or too few cells), blank or duplicated header
        names; nothing is dropped silently: a ragged row is still returned,
        padded or with its extra cells under ``"__extra__"``; a row whose
        cells cannot be told apart (an unclosed quote that shifts them) is
        marked with the key :data:`UNCHECKED`, its one problem told.  Only a column
        with neither a name nor a value in any row is left out.
    """
    name = label or str(path)
    text = read_text(path, label=name, table=True)
    # The end-of-file mark (Ctrl-Z) old DOS and Windows programs write after the last line holds no data: it was
    # read as a row of one cell, an id holding a control character, with a problem for each empty column.
    text = re.sub(r"\x1a\s*\Z", "", text)
    if csv.field_size_limit() < MAX_TEXT_BYTES:  # a long cell is reported on its row and column, not as csv.Error
        csv.field_size_limit(MAX_TEXT_BYTES)
    reader = csv.reader(csv_lines(text))
    # one str object for each distinct cell: a column of a few values (a council, a wave) repeated down a million rows
    # holds a few strings, not a million (each row's copies freed as it is read, so they never all stand at once)
    shared: dict[str, str] = {}
    try:
        rows = [[shared.setdefault(c, c) for c in row] for row in reader]
    except csv.Error as exc:
        raise InputError(f"{name}: line {reader.line_num}: {exc}") from None
    sep = re.fullmatch(r"sep=(.)", ",".join(rows[0]).strip(), re.IGNORECASE) if rows else None
    width = len(rows[int(sep is not None)]) if len(rows) > int(sep is not None) else 0
    unclosed: dict[int, tuple[int, str, int, int]] = {}  # row -> (cell, the line from the quote on, lines, row-like)
    if (any("\n" in c and any(_row_like(x, width) for x in c.split("\n")[1:]) for r in rows for c in r)
            or text.count('"') % 2):  # an odd count: a quote never closed, perhaps on the last line
        # A quote left unclosed swallows the rows after it (a council then unknown in every other table): one
        # problem where it opens, and the lines it swallowed read as the rows they are.
        text, found = unclosed_quotes(text, width)
        unclosed = {record - (sep is not None): rest for record, *rest in found}
        rows = list(csv.reader(csv_lines(text)))
    if sep is not None:  # the line some programs write for Excel, which Excel reads and hides
        if sep.group(1) != ",":
            other = _SEPARATORS.get(sep.group(1), repr(sep.group(1)))
            raise SeparatorError(Problem(name, 1, None, sep.group(0), f"commas (the file says its values are "
                                         f"separated by {other}: save it as \"CSV UTF-8 (comma delimited)\")"))
        rows = rows[1:]
    quoted: dict[int, list[tuple[int, str, str]]] = {}  # row -> (cell, raw cell, read as)
    for record, cell, raw, read in (stray_quotes(text) if rows else ()):
        quoted.setdefault(record - (sep is not None), []).append((cell, raw, read))
    header, records, problems, _kept = table_records(name, rows, expected=expected, blank_note=blank_note,
                                                     quoted=quoted, unclosed=unclosed, csv_file=True)
    return header, records, problems


def table_records(name: str, rows: list[list[str]], *, expected: list[str] | None = None, blank_note: bool = False,
                  quoted: Mapping[int, list[tuple[int, str, str]]] | None = None,
                  unclosed: Mapping[int, tuple[int, str, int, int]] | None = None, csv_file: bool = False,
                  ) -> tuple[list[str], list[tuple[int, dict[str, str]]], list[Problem], list[int]]:
    """The records of a table given as rows of text cells (``rows[0]`` the header, on row 1), as
    :func:`read_csv_strict` returns them, with the same problems: of a CSV file's rows or of a sheet's.

    ``quoted`` and ``unclosed`` (row -> cells) are what the CSV text alone shows (quotes astray or left open);
    ``csv_file``: also tell a row the CSV's line breaks split in two, a header of one cell split by another
    separator, and a row of fewer cells than the header (a sheet's rows end at their last cell written, and its
    header row is as wide as its widest row: a row shorter than the header lacks no cell).  Returns ``(header, records, problems, kept)``, ``kept`` the place in ``rows`` of each column of
    ``header`` (a column with neither a name nor a value is left out).
    """
    problems: list[Problem] = []
    shared: dict[str, str] = {}  # one str object for each distinct cell
    quoted = quoted or {}
    unclosed = unclosed or {}
    if not rows:
        return [], [], [Problem(name, 1, None, None, "a header row naming the columns")], []
    if (lower := _header_below(name, rows, expected)) is not None:  # blank rows, or a title, above the header row
        return [], [], [lower], []
    if not csv_file:  # a sheet's header row reaches as far as its widest row, each row as far as its last value
        rows[0] = [*rows[0], *[""] * (max(map(len, rows)) - len(rows[0]))]
    check_width(name, rows[0])
    header = [h.strip() for h in rows[0]]
    if header and (mark := misread_mark(header[0])) is not None:  # 'ï»¿council_id': a mark turned into text
        header[0] = header[0][len(mark[0]):].strip()
        problems.append(Problem(name, 1, header[0], mark[0] + header[0], mark[1]))
    # Columns without a name or a value (spreadsheets save the formatted empty columns at the right as ",,,")
    # hold nothing to drop: they are left out, as the coded-file reader does.
    empty = {i for i, h in enumerate(header) if not h and not any(i < len(r) and r[i].strip() for r in rows[1:])}
    kept = [i for i in range(len(header)) if i not in empty]

    def named_as(cell: int) -> str:  # a column by its place in ``rows``, before any is left out
        return header_given[cell] if cell < len(header_given) else f"#{cell + 1}"

    header_given = header
    if empty:
        rows = [[c for i, c in enumerate(r) if i not in empty] for r in rows]
        header = [h for i, h in enumerate(header) if i not in empty]
    other = _other_separator(header) if csv_file else None
    if other:
        raise SeparatorError(Problem(name, 1, None, f"values separated by {other}",
                                     f"commas (save the file as \"CSV UTF-8 (comma delimited)\"; some regional settings "
                                     f"save {other} instead)"))
    seen: dict[str, int] = {}
    for i, h in enumerate(header):
        if not h:
            problems.append(Problem(name, 1, f"#{i + 1}", "", "a column name (blank header cell)"))
        elif h in seen:
            problems.append(Problem(name, 1, h, h, f"each column name once (columns {seen[h] + 1} and {i + 1} are "
                                    f"both {h}: which holds the {h} is not known; the rows are checked once one is "
                                    "renamed or taken out)"))
        seen.setdefault(h, i)
    records: list[tuple[int, dict[str, str]]] = []
    unchecked: set[int] = set()
    broken = _broken_rows(rows, len(header)) if csv_file else {}  # row -> (cells, cells of the next row)
    line = 1
    blank: list[int] = []  # rows of no data, told where data follows them
    at: dict[str, int] = {}  # each column's place in a record's cells, shared by the records of the table
    for i, h in enumerate(header):  # a column named twice: its last cell, as a dict made of the row would hold
        at[h] = i
    pad = ("",) * len(header)
    notes: set[int] = set()  # rows below the table of one cell where a row has several: a note ('Source: DfE')
    if len(header) > 2:
        for k in range(len(rows) - 1, 0, -1):
            filled = [c for c in rows[k] if c.strip()]
            if filled and (len(filled) > 1 or len(rows[k]) >= len(header) or " " not in rows[k][0].strip()):
                break  # a row of data, or one cut short ('205'), is told as such: a note is words in the first cell
            if filled:
                notes.add(k + 1)
        if len(notes) == len(rows) - 1:  # no row of data at all: its rows are told as they are
            notes = set()
    for k in range(1, len(rows)):
        cells = rows[k]
        rows[k] = None  # freed as its record is made: the rows as read and the records never all stand at once
        line += 1
        if not csv_file and len(cells) < len(header):  # a sheet's row ends at its last cell written: no cell missing
            cells = [*cells, *pad[len(cells):]]
        if not any(c.strip() for c in cells):
            blank.append(line)  # a blank line is not data; the rows after it are (not the table's end)
            continue
        if (len(header) > 1 and len(cells) == len(header) and cells[-1].strip().lstrip("\ufeff") == header[-1]
                and [c.strip().lstrip("\ufeff") for c in cells] == header):
            # Two files joined into one (the second one's byte-order mark, now inside the text, before its header):
            # one problem, not one per column of a row of column names read as data.
            problems.append(Problem(name, line, None, ",".join(cells)[:40] + "...", "data, not the header row "
                                    "again (two files joined into one? keep one header row, at the top)"))
            continue
        if line in unclosed:
            # One cause, one problem: a row the quote taken out leaves with another count of cells (the value was
            # meant to hold a comma) has its cells under the wrong columns, so they are not judged one by one.
            i, raw, n_lines, swallowed = unclosed[line]
            col = header[i] if i < len(header) else f"#{i + 1}"
            shifted = len(cells) != len(header)
            problems.append(Problem(name, line, col, raw, unclosed_quote(n_lines, swallowed) + (
                f" (the row then holds {_counted(len(cells), 'cell')}, not {len(header):,}: its cells are not checked)"
                if shifted else "")))
            if shifted:
                unchecked.add(line)
        elif line in broken:
            first, then = broken[line]
            col = header[len(first) - 1]
            problems.append(Problem(name, line, col, f"{first[-1]!r} / {then[0]!r}", f"{_counted(len(header), 'cell')}, one per "
                                    f"header column: rows {line} and {line + 1} hold {len(first)} and {len(then)}, "
                                    f"one row of {len(header)} if joined where the line breaks (a line break typed "
                                    f"inside the {col} cell? take it out, or put the cell in double quotes); neither "
                                    "row's cells are checked"))
            unchecked |= {line, line + 1}
        elif line - 1 in broken:
            pass  # the second half of a row broken over two lines: told with the first
        elif line in notes:  # one problem for the note, not one for each cell its row lacks
            problems.append(Problem(name, line, header[0], cells[0].strip()[:60], f"rows of data only (row {line}, "
                                    f"below the table, holds one cell where a row has {len(header)}: a note, such as "
                                    "a source? Delete it, or keep the note in another file)"))
            unchecked.add(line)
        elif len(cells) > len(header) and (split := split_numbers(cells, len(header))):
            # '1.234,5' not in quotes: a number's comma has split it in two, the cells after it one column on
            for i, first, second in split:
                joined = f"{first},{second}"
                problems.append(Problem(name, line, header[i], joined, f"{_counted(len(header), 'cell')}, one per header column "
                                        f"(the number {joined!r} holds a comma, which a comma-separated file takes "
                                        "for the end of a cell unless the cell is in double quotes: it is read as two "
                                        f"cells, {first!r} and {second!r}, "
                                        "and the cells after it fall under the wrong columns - "
                                        f"{comma_number_fix(joined)}; the row's cells are not checked)"))
            unchecked.add(line)
        elif len(cells) > len(header) and any(c.strip() for c in cells[len(header):]):
            # more cells than columns, the last holding text: a comma inside a cell not in quotes ('March 1, 2011')
            # has put the cells after it under the wrong columns, so they are not judged one by one
            problems.append(Problem(name, line, None, _counted(len(cells), 'cell'), f"{_counted(len(header), 'cell')}, one per header "
                                    "column (a comma inside a cell not in double quotes, as in 'March 1, 2011'? Put "
                                    "the cell in double quotes; the row's cells, under the wrong columns, are not "
                                    "checked)"))
            unchecked.add(line)
        elif len(cells) != len(header):
            spare = len(cells) - len(header)  # more cells, all empty: commas at the end of the line, not data
            problems.append(
                Problem(name, line, None, _counted(len(cells), 'cell'), f"{_counted(len(header), 'cell')}, one per header column" + (
                    f" (its last {_after_the(spare, 'cell')} {_verb(spare, 'is')} empty: a comma at the end of the line? "
                    "Take it off, or name the column in the header)" if spare > 0 else ""))
            )
        for cell, raw, read in quoted.get(line, ()):  # "Barn"et: read as Barnet, its quotes dropped without a word
            problems.append(Problem(name, line, named_as(cell), raw, _STRAY_QUOTE.format(read=read)))
        for i, cell in enumerate(cells):
            if len(cell) > MAX_CELL_CHARS:
                col = header[i] if i < len(header) else f"#{i + 1}"
                problems.append(Problem(name, line, col, cell[:40] + "...", too_long(len(cell))))
        stripped = tuple([shared.setdefault(c := cell.strip(), c) for cell in cells])
        n = len(header) - len(stripped)
        record = Record(stripped + pad[:n] if n > 0 else stripped[:len(header)] if n else stripped, width=len(cells),
                        at=at)
        if any(a is not b and a != b for a, b in zip(cells, stripped)):
            record.given = {h: cells[i] for i, h in enumerate(header) if i < len(cells) and cells[i] != record[h]}
        if len(cells) > len(header):
            record["__extra__"] = ",".join(cells[len(header):])
        if line in unchecked:
            record[UNCHECKED] = ""
        records.append((line, record))
    if blank_note and (inner := [r for r in blank if records and r < records[-1][0]]):
        problems.append(blank_rows_note(name, inner))
    return header, records, problems, kept


#: A byte-order mark read as Windows-1252 text and saved again as text: the encoding it began.
_MISREAD_MARKS = {"\u00ef\u00bb\u00bf": "UTF-8", "\u00ff\u00fe": "UTF-16", "\u00fe\u00ff": "UTF-16"}


def misread_mark(cell: str) -> tuple[str, str] | None:
    """The byte-order mark a table's first cell starts with as text (``ï»¿council_id``: UTF-8's mark read as
    Windows-1252 and saved again), and what the cell was expected to be; None if it starts with none.

    Examples
    --------
    >>> misread_mark("\u00ef\u00bb\u00bfcouncil_id")[0] == "\u00ef\u00bb\u00bf", misread_mark("council_id")
    (True, None)
    """
    mark = next((m for m in _MISREAD_MARKS if cell.startswith(m)), None)
    if mark is None:
        return None
    return mark, (f"the column name without {mark!r} before it ({mark!r} is the byte-order mark a "
                  f"{_MISREAD_MARKS[mark]} file begins with, read as Windows-1252 text and saved again: the file was "
                  "opened as Windows-1252 and saved, and each accented letter, '£' or curly quote in it is now two or "
                  "three other characters - save the table again from the original as \"CSV UTF-8 (comma "
                  f"delimited)\", or, if it holds none of those, delete {mark!r} from its start)")


_NUMBER_HEAD = re.compile(r"[+-]?[0-9]+(?:\.[0-9]{3})*")  # a number's part before a comma: '1.234', '12', '-3'


def split_numbers(cells: list[str], width: int) -> list[tuple[int, str, str]]:
    """Where a row of ``cells``, more than ``width``, is a row of ``width`` cells with numbers written with a comma
    not in quotes (``1.234,5``, ``12,5``, ``1,500``), each split in two at its comma: ``(column, first, second)`` for
    each, the column its place in the row rejoined (from 0); empty where no single such reading makes the row
    ``width`` cells (no number split so, or more than one way to rejoin the cells).

    Examples
    --------
    >>> split_numbers(["301", "2012-03-31", "rate", "1.234", "5", ""], 5)
    [(3, '1.234', '5')]
    >>> split_numbers(["301", "S1", "12", "5", "7"], 4)  # '12,5' or '5,7': either
    []
    >>> split_numbers(["301", "London, Inner", "x"], 2)
    []
    """
    spare = len(cells) - width
    found = [k for k in range(len(cells) - 1)
             if _NUMBER_HEAD.fullmatch(cells[k].strip()) and cells[k + 1].strip().isdigit() and cells[k + 1].isascii()
             and cells[k + 1].strip() == cells[k + 1] and cells[k].strip() == cells[k].rstrip()]
    if spare < 1 or len(found) != spare or any(b - a < 2 for a, b in zip(found, found[1:])):
        return []
    return [(k - n, cells[k].strip(), cells[k + 1]) for n, k in enumerate(found)]


def comma_number_fix(text: str) -> str:
    """How to write a number written with a comma (``1.234,5``) that a comma-separated file split in two (in double
    quotes it is one cell, but a number is read with a decimal point and no other mark: '1,234.5' and '12,500' with
    commas between thousands aside).

    Examples
    --------
    >>> comma_number_fix("1.234,5"), comma_number_fix("12,5")
    ("write it with a decimal point and no other mark, '1234.5'", "write it with a decimal point and no other mark, '12.5'")
    >>> comma_number_fix("12,500")
    "write it without the comma, '12500' (or '12.5', if the comma is a decimal comma)"
    """
    from .schema import _EUROPEAN

    whole, _, part = text.rpartition(",")
    if len(part) == 3 and "." not in whole and not _EUROPEAN.fullmatch(text):  # '12,500': thousands, or 12.5
        return (f"write it without the comma, {whole + part!r} (or {f'{whole}.{part}'.rstrip('0').rstrip('.')!r}, if "
                "the comma is a decimal comma)")
    return f"write it with a decimal point and no other mark, {whole.replace('.', '') + '.' + part!r}"


def blank_rows_note(file: str, rows: list[int]) -> Problem:
    """The note (a warning) that the blank rows ``rows`` of a table, with data after them, were not read: nothing in
    them to read, and the rows below them are read on (blank rows after the last row of data are not told)."""
    shown = _listing(list(map(str, rows)))
    return Problem(file, rows[0], None, None, f"no blank rows between rows of data ({_counted(len(rows), 'blank row')}, "
                   f"{_number(rows, 'row')} {shown}, not read: nothing "
                   "in them to read; the rows below them are read)", "warning")


def merged_blanks(columns: list[str], records) -> dict[tuple[str, int], str]:
    """What to say of blank cells of a column that needs a value in rows just below a row holding a value, where the
    rows are otherwise filled: the shape a spreadsheet saves of a cell merged over several rows (its value in the
    first row only, 'London' beside the group of councils it names).  ``columns``: the names of those that need a
    value and that a value may repeat in (not a key); a cell a short row lacks is no blank.  ``records``: ``(row,
    cells by column)`` in order, of a CSV file or a sheet.  ``(column, row) -> hint``."""
    out: dict[tuple[str, int], str] = {}
    recs = [rec for _, rec in records]
    for name in columns:
        run: list[int] = []
        above: tuple[int, str] | None = None
        for (line, rec), text in zip([*records, (None, None)], [*column_cells(recs, name), ""]):
            follows = line is not None and (run[-1] if run else above[0] if above else -2) == line - 1
            if (text == "" and follows and written(rec, name)
                    and any(v for k, v in rec.items() if k != name)):
                run.append(line)
                continue
            if run and above is not None:
                where = f"rows {run[0]} to {run[-1]}" if len(run) > 1 else f"row {run[0]}"
                for blank in run:
                    out[(name, blank)] = (f" (blank below {above[1]!r} on row {above[0]}, as a spreadsheet saves a "
                                          f"cell merged over rows {above[0]} to {run[-1]}: if {where} "
                                          f"{'share' if len(run) > 1 else 'shares'} its value, unmerge the cell and "
                                          "fill the value down)")
            run = []
            above = (line, text) if text and line is not None else None
    return out


def _broken_rows(rows: list[list[str]], width: int) -> dict[int, tuple[list[str], list[str]]]:
    """Rows a line break inside a cell splits in two (``Bar`` then ``net,london_borough,...``): two rows in a row,
    each short of ``width`` cells, that make ``width`` joined where the line breaks, as ``{row: (cells, next
    row's cells)}``, rows numbered as a spreadsheet shows them (``rows[0]`` the header, row 1)."""
    out: dict[int, tuple[list[str], list[str]]] = {}
    for k in range(1, len(rows) - 1):
        a, b = rows[k], rows[k + 1]
        if width > 2 and k not in out and 1 < len(a) < width and 1 < len(b) < width \
                and len(a) + len(b) - 1 == width and a[-1].strip() and b[0].strip():
            out[k + 1] = (a, b)
    return out


@contextlib.contextmanager
def safe_zip(path: str | os.PathLike, *, label: str | None = None, limits: dict | None = None) -> Iterator:
    """Open a zip archive through the guarded reader (:func:`impact._archive.open_archive`)."""
    from ._archive import open_archive

    with open_archive(path, label=label, limits=limits) as archive:
        yield archive




def neutralise_cell(value: object) -> object:
    """Make a text cell safe from spreadsheet formula injection.

    Text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is
    prefixed with an apostrophe (the OWASP recommendation), so Excel and
    LibreOffice show it as text instead of running it.  Numbers are returned
    unchanged: a negative number is data, not a formula.

    Examples
    --------
    >>> neutralise_cell("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    >>> neutralise_cell(-3)
    -3
    >>> neutralise_cell("plain")
    'plain'
    """
    # The one rule of impact._tabular (also after leading spaces; full-width signs).
    from ._tabular import neutralise

    return neutralise(value)


#: Largest YAML file read (study.yaml, codebooks), in bytes.
MAX_YAML_BYTES = 5 * 1024 * 1024


class YamlInputError(InputError):
    """A YAML text that cannot be read, with the ``line`` (1-based) the parser stopped at, or None, and the
    ``detail``: the message without its ``source:line:`` opening (for a message that names the file and line
    itself)."""

    def __init__(self, source: str, line: int | None, detail: str) -> None:
        super().__init__(f"{source}{'' if line is None else f':{line}'}: {detail}")
        self.line, self.detail = line, detail


def safe_yaml_load(text: str, *, source: str = "YAML", lines: bool = False) -> object:
    """Parse YAML safely: no Python objects, no aliases, bounded size and depth.

    Anchors and aliases (``&a`` / ``*a``) are refused because a few of them
    can expand into billions of nodes when the data is walked ("billion
    laughs"); study and codebook files have no need of them.  Syntax errors,
    excessive nesting and oversized text become :class:`InputError` naming the
    source and line (a :class:`YamlInputError`, whose ``line`` holds it).

    With ``lines=True`` the result is ``(data, where)``: ``where`` a :class:`YamlLines`, the line of each key and
    item, for the problems found in the data to name their line.

    Examples
    --------
    >>> safe_yaml_load("a: [1, 2]")
    {'a': [1, 2]}
    >>> data, where = safe_yaml_load("# a comment\\na:\\n  - 1\\n  - 2", lines=True)
    >>> data, where.line("a[1]"), where.line("a.b")  # a key missing: the line of the mapping it belongs in
    ({'a': [1, 2]}, 4, 2)
    >>> safe_yaml_load("a: &x [1]\\nb: *x", source="study.yaml")
    Traceback (most recent call last):
    ...
    impact._io.YamlInputError: study.yaml:2: YAML aliases (*name) are not allowed - write the value out in full
    >>> safe_yaml_load("name: a\\nname: b", source="study.yaml")
    Traceback (most recent call last):
    ...
    impact._io.YamlInputError: study.yaml:2: the key 'name' is given twice (first on line 1) - expected each key once
    """
    import yaml

    if len(text) > MAX_YAML_BYTES:
        raise InputError(f"{source}: {len(text):,} characters - expected a YAML file of at most {MAX_YAML_BYTES:,}")

    if (mark := _BOM_INSIDE.search(text, 1)) is not None:
        # a second file's mark where it was joined on, or text pasted with its mark: YAML read it as a character of
        # the key or item after it ('\ufefftitle', an unknown key) or failed on the indentation, without saying why
        line = text.count("\n", 0, mark.start()) + 1
        raise YamlInputError(source, line, f"a byte-order mark (U+FEFF, which no one sees) at the start of line {line} "
                             "- expected one at most, at the very start of the file (two files joined into one, or "
                             "text pasted from another file? delete the mark, and keep one file's content)")

    class _Loader(yaml.SafeLoader):
        def compose_node(self, parent, index):  # noqa: D102 - refuse aliases before they are resolved
            if self.check_event(yaml.AliasEvent):
                event = self.peek_event()
                raise YamlInputError(source, event.start_mark.line + 1,
                                     "YAML aliases (*name) are not allowed - write the value out in full")
            return super().compose_node(parent, index)

        def construct_mapping(self, node, deep=False):  # noqa: D102 - a key given twice is an error, not overwritten
            seen: dict = {}
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=True)
                try:
                    hash(key)
                except TypeError:
                    raise YamlInputError(source, key_node.start_mark.line + 1,
                                         "a mapping key must be text or a number") from None
                if key in seen:
                    raise YamlInputError(source, key_node.start_mark.line + 1, f"the key {str(key)!r} is given twice "
                                         f"(first on line {seen[key]}) - expected each key once")
                seen[key] = key_node.start_mark.line + 1
            return super().construct_mapping(node, deep=deep)

    try:
        loader = _Loader(text)  # its reader refuses a character YAML does not allow (a control character) here
        try:
            node = loader.get_single_node()  # what yaml.load does, the document's nodes kept for their lines
            data = None if node is None else loader.construct_document(node)
            return (data, YamlLines(node, loader)) if lines else data
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        line = mark.line + 1 if mark is not None else text.count("\n", 0, exc.position) + 1 if isinstance(
            getattr(exc, "position", None), int) else None  # a character YAML does not allow: its position
        raise YamlInputError(source, line, f"not valid YAML ({problem}{_yaml_hint(problem, mark)})") from None
    except RecursionError:
        raise InputError(f"{source}: YAML nested too deeply to read") from None


class YamlLines:
    """The line (1-based) of each key and item of a YAML document, found by the path a :class:`Problem` names it by
    (``waves[1].window_days``, ``codes[4].rules.phrases[2]``, ``vocabularies.roles.head (its key)``).

    A path's keys are matched as the file spells them (a key holding a dot or a space too); list items are counted
    from 0, as the paths count them.  A key or item the document does not have (a key missing) is told on the line
    of the mapping or list it belongs in: the line of that mapping's own key, or of its list item.  A problem that
    names a mapping or a list and, as its value, one of its keys or items (``survey.items`` and ``'NO'``, an item id
    YAML read as false; ``vocabularies.roles`` and a role) is told on the line of that key or item
    (:meth:`placed`).
    """

    def __init__(self, node, loader) -> None:
        self._lines: dict[tuple, int] = {}
        self._keys: dict[tuple, dict[str, object]] = {}
        #: each mapping's keys and each list's scalar items, as text, with the lines they are on (in order)
        self._members: dict[tuple, dict[str, list[int]]] = {}
        if node is not None:
            self._walk(node, (), node.start_mark.line + 1, loader)

    def _walk(self, node, path: tuple, line: int, loader) -> None:
        import yaml

        stack = [(node, path, line)]
        while stack:
            node, path, line = stack.pop()
            self._lines[path] = line
            if isinstance(node, yaml.MappingNode):
                keys = self._keys.setdefault(path, {})
                members = self._members.setdefault(path, {})
                for key_node, value in node.value:
                    key = str(loader.construct_object(key_node, deep=True)) if isinstance(
                        key_node, yaml.ScalarNode) else None
                    if key is not None:
                        keys.setdefault(key, key)
                        members.setdefault(key, []).append(key_node.start_mark.line + 1)
                        stack.append((value, (*path, key), key_node.start_mark.line + 1))
            elif isinstance(node, yaml.SequenceNode):
                members = self._members.setdefault(path, {})
                for item in node.value:
                    if isinstance(item, yaml.ScalarNode):
                        members.setdefault(str(loader.construct_object(item, deep=True)), []).append(
                            item.start_mark.line + 1)
                stack += [(item, (*path, i), item.start_mark.line + 1) for i, item in enumerate(node.value)]

    def _found(self, path: str) -> tuple[tuple, str]:
        """The deepest key or item of the document on ``path``, and what of ``path`` is left after it."""
        at: tuple = ()
        rest = path
        while rest:
            if (m := re.match(r"\[(\d+)\]", rest)) is not None:
                if (*at, int(m.group(1))) not in self._lines:
                    break
                at, rest = (*at, int(m.group(1))), rest[m.end():]
                continue
            if at and rest.startswith("."):
                rest = rest[1:]
            keys = self._keys.get(at, {})
            key = max((k for k in keys if rest.startswith(k) and rest[len(k):len(k) + 1] in ("", ".", "[", " ")),
                      key=len, default=None)
            if key is None:
                break
            at, rest = (*at, key), rest[len(key):]
            if rest.startswith(" "):  # words after the path: 'name (its key)'
                break
        return at, rest

    def line(self, path: str | None) -> int | None:
        """The line of the key or item at ``path``, or of the nearest mapping or list holding where it would be;
        None for no path, or an empty document.

        Examples
        --------
        >>> _, where = safe_yaml_load("waves:\\n  - id: early\\n    window_days: [0, 90]\\n  - id: late\\n", lines=True)
        >>> where.line("waves[0].window_days"), where.line("waves[1]"), where.line("waves[1].anchor")
        (3, 4, 4)
        """
        if path is None or () not in self._lines:
            return None
        return self._lines[self._found(path)[0]]

    def member_line(self, path: str, value: object, nth: int = 0) -> int | None:
        """The line of the key or item ``value`` (its ``nth`` occurrence, or the last) of the mapping or list at
        ``path``; None where ``path`` is no mapping or list of the document, or holds no such key or item.

        Examples
        --------
        >>> _, where = safe_yaml_load("survey:\\n  items:\\n    q1: {}\\n    NO: {}\\nroles: [a,\\n  b]", lines=True)
        >>> where.member_line("survey.items", False), where.member_line("roles", "b"), where.member_line("roles", "c")
        (4, 6, None)
        """
        if () not in self._lines:
            return None
        at, rest = self._found(path)
        lines = self._members.get(at, {}).get(str(value)) if not rest else None
        return lines[min(nth, len(lines) - 1)] if lines else None

    def placed(self, problems: list[Problem], file: str) -> list[Problem]:
        """``problems`` with those of ``file`` that name no row given the line of the key or item they are about: the
        line of the path a problem names, or, where that is a mapping or list and the problem's value one of its keys
        or items (not the key the path ends in), the line of that key or item (the second problem naming the same one
        the line of its second occurrence)."""
        out, seen = [], {}
        for p in problems:
            if p.file != file or p.row is not None or p.column is None:
                out.append(p)
                continue
            line = None
            if p.value is not None and p.value != p.column.rsplit(".", 1)[-1]:
                nth = seen[p.column, p.value] = seen.get((p.column, p.value), -1) + 1
                line = self.member_line(p.column, p.value, nth)
            out.append(Problem(p.file, line or self.line(p.column), p.column, p.value, p.expected, p.severity))
        return out


#: A byte-order mark at the start of a line (after its spaces) of a YAML text: the mark of a file joined on.
_BOM_INSIDE = re.compile(r"^[ \t]*\ufeff", re.MULTILINE)


def _yaml_hint(problem: str, mark) -> str:
    r"""What a YAML parser's complaint means for someone editing study.yaml by hand, or "".

    >>> _yaml_hint("found character '\\t' that cannot start any token", None)
    ': a tab, where YAML indents with spaces only: replace the tab with spaces'
    """
    column = f" (column {mark.column + 1})" if mark is not None else ""
    if "'\\t'" in problem:
        return f": a tab{column}, where YAML indents with spaces only: replace the tab with spaces"
    if "tag:yaml.org,2002:merge" in problem:
        return ": a merge key (<<), which copies keys from elsewhere and is not read: write the keys out in full"
    if "constructor for the tag" in problem:
        return ": a tag (!!name or !name), which is not read: write the value as plain text, in quotes if need be"
    if "another document" in problem:
        return (": a second document after a '---' line, where one is read: take out the '---' line, or what "
                "follows it")
    return ""


# --------------------------------------------------------------------------- files written one by one
class Rollback:
    """The changes a command makes to files it writes one by one, undone if it fails (see :func:`rolled_back_on_failure`)."""

    def __init__(self) -> None:
        self._undo: list[Callable[[], None]] = []

    def move_aside(self, path: str | os.PathLike, backup: str | os.PathLike) -> None:
        """Move ``path`` to ``backup`` (a free name); put it back on failure, over what was written in its place."""
        os.replace(path, backup)
        self._undo.append(lambda: os.replace(backup, path))

    def will_write(self, path: str | os.PathLike) -> None:
        """``path`` is about to be written: if nothing is there now, what is written there is removed on failure."""
        path = Path(path)
        if not (path.exists() or path.is_symlink()):
            self._undo.append(lambda: path.unlink(missing_ok=True))

    def mkdir(self, path: str | os.PathLike) -> None:
        """Make folder ``path`` and its parents; those made here are removed on failure if left empty."""
        path = Path(path)
        made = [p for p in (path, *path.parents) if not (p.exists() or p.is_symlink())]
        self._undo += [p.rmdir for p in reversed(made)]  # undone last first: the innermost folder first
        path.mkdir(parents=True, exist_ok=True)  # recorded first: a failure part-way removes what it made

    def undo(self) -> None:
        """Undo every change, last first; a step that cannot be undone is skipped."""
        while self._undo:
            with contextlib.suppress(OSError):
                self._undo.pop()()


@contextlib.contextmanager
def rolled_back_on_failure() -> Iterator[Rollback]:
    """Undo the block's recorded changes (:class:`Rollback`) if it fails: the files are then as they were before.

    For commands that write several files into a folder the user already
    uses, moving files they replace to a backup name first: each file is
    written atomically, and a failure (a full disk, Ctrl-C) part-way puts every
    moved file back and removes the new ones, so the folder never holds a mix.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.csv").write_text("old")
    >>> try:
    ...     with rolled_back_on_failure() as changes:
    ...         changes.move_aside(d / "a.csv", d / "a.csv.bak")
    ...         _ = atomic_write_text(d / "a.csv", "new")
    ...         changes.will_write(d / "b.csv")
    ...         _ = atomic_write_text(d / "b.csv", "new")
    ...         raise OSError(28, "No space left on device")
    ... except OSError:
    ...     pass
    >>> sorted(p.name for p in d.iterdir()), (d / "a.csv").read_text()
    (['a.csv'], 'old')
    """
    changes = Rollback()
    try:
        yield changes
    except BaseException:
        changes.undo()
        raise


def numbered_backup(path: Path) -> Path:
    """A free name to keep ``path`` under: ``<name>.bak``, else ``<name>.bak2``, ``.bak3``... (a user's own ``.bak``
    is never written over).

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.qdc.bak").write_text("the user's")
    >>> numbered_backup(d / "a.qdc").name
    'a.qdc.bak2'
    """
    bak, n = path.with_name(path.name + ".bak"), 2
    while bak.exists() or bak.is_symlink():
        bak, n = path.with_name(f"{path.name}.bak{n}"), n + 1
    return bak


class Rewritten(NamedTuple):
    """What :func:`write_if_changed` did: ``changed`` (whether ``path`` was written) and ``backup`` (where the
    previous file was moved, or None: there was none, or nothing was written)."""

    changed: bool
    backup: Path | None


def write_if_changed(path: str | os.PathLike, write: Callable[[Path], object], changes: Rollback | None = None, *,
                     backup: Callable[[Path], Path] = numbered_backup) -> Rewritten:
    """Write ``path`` by ``write(a_path)`` only where its bytes would change; keep the previous file as a backup.

    The one way every command rewrites a file the user already has (a codebook beside an exported project, an
    imported project's files, a decisions file).  ``write`` writes the new file to a temporary file beside ``path``;
    where ``path`` already holds the same bytes nothing is written and no backup is made (a command run again on
    the same input left one more backup of the same file each time).  Otherwise the previous file is moved to
    ``backup(path)`` (a free name: :func:`numbered_backup` by default) and the new one renamed into its place, so
    ``path`` is never half-written.  ``changes`` (:func:`rolled_back_on_failure`; a rollback of its own without)
    puts the previous file back if the command fails later.  A file-system error about the temporary file, or
    naming none (a full disk), names ``path``: the file the user asked for.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> write_if_changed(d / "a.csv", lambda p: atomic_write_text(p, "x\\n"))
    Rewritten(changed=True, backup=None)
    >>> write_if_changed(d / "a.csv", lambda p: atomic_write_text(p, "x\\n"))
    Rewritten(changed=False, backup=None)
    >>> write_if_changed(d / "a.csv", lambda p: atomic_write_text(p, "y\\n")).backup.name
    'a.csv.bak'
    >>> sorted(p.name for p in d.iterdir()), (d / "a.csv").read_text()
    (['a.csv', 'a.csv.bak'], 'y\\n')
    """
    import filecmp

    path = Path(path)
    refuse_windows_output(path, "the file")
    if changes is None:
        with rolled_back_on_failure() as changes:
            return write_if_changed(path, write, changes, backup=backup)
    # ending as ``path`` ends: a writer may choose the format by it (write_table: .xlsx or CSV)
    ext = path.suffix if len(os.fsencode(path.suffix)) <= 16 else ""
    with _temporary_beside(path, ".tmp" + ext) as (fd, tmp):
        os.close(fd)
        new = Path(tmp)
        write(new)  # an error about it, or its own temporary file (named by atomic_write as `new`), names `path`
        if path.is_file() and not path.is_symlink() and filecmp.cmp(new, path, shallow=False):
            return Rewritten(False, None)
        os.chmod(new, 0o666 & ~_umask())  # as atomic_write leaves a file, whatever ``write`` did
        changes.will_write(path)
        bak = None
        if path.exists() or path.is_symlink():
            bak = backup(path)
            changes.move_aside(path, bak)
        os.replace(new, path)
    return Rewritten(True, bak)


# --------------------------------------------------------------------------- output folders
#: Name of the marker file ``impact`` leaves in every output folder it wrote.
OUTPUT_MARKER = ".impact-output.json"


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, owned by someone else
        return True
    return True


def _file_digest(path: Path) -> str:
    import hashlib

    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _other_runs_and_files(path: Path, names: list[str]) -> str:
    """What a folder given for a run's output holds, said truly: the output folders of other runs in it (a folder
    given for several runs' outputs, ``--out out`` after ``--out out/run1``) and their keys beside them, then the
    files impact did not write.  All of it was called "files impact did not write", the other runs' reports too
    (newuser10)."""
    runs = sorted(p.name for p in path.iterdir() if p.is_dir() and not p.is_symlink() and read_output_manifest(p))
    theirs = {f"{r}-reidentification-key.csv" for r in runs}
    other = [n for n in names if n.split("/")[0] not in runs and n not in theirs]
    said = []
    if runs:
        keys = [r for r in runs if f"{r}-reidentification-key.csv" in names]
        said.append(f"the output {'folders' if len(runs) > 1 else 'folder'} of other impact runs ({_listing(runs)}"
                    f"{', with their keys beside them' if keys else ''}: give each run a folder of its own, "
                    f"e.g. {str(path / 'run-new')!r})")
    if other or not runs:
        said.append(f"files impact did not write ({_listing(other or names)})")
    return " and ".join(said)


def read_output_manifest(folder: str | os.PathLike) -> dict | None:
    """The manifest ``impact`` left in an output folder it wrote, or None if there is none.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "out"
    >>> with staged_directory(out) as d:
    ...     _ = (d / "a.txt").write_text("new")
    >>> sorted(read_output_manifest(out)["files"]), output_kind(out)
    (['a.txt'], 'report')
    """
    import json

    marker = Path(folder) / OUTPUT_MARKER
    if not marker.is_file() or marker.is_symlink() or marker.stat().st_size > 16 * 1024 * 1024:
        return None
    try:
        data = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("written_by") != "impact" or not isinstance(data.get("files"), dict):
        return None
    return data


#: The kinds of output folder impact writes, as its manifest names them (``kind``; a manifest without one was
#: written by ``impact run`` before kinds were recorded), and how a message names each.
OUTPUT_KINDS = {
    "report": "the report of `impact run` (or `impact demo`)",
    "import-qdpx": "a REFI-QDA project imported by `impact import-qdpx`",
}


def output_kind(folder: str | os.PathLike) -> str | None:
    """The kind of output folder impact wrote at ``folder`` (a key of :data:`OUTPUT_KINDS`), or None if none.

    Examples
    --------
    >>> import tempfile
    >>> output_kind(tempfile.mkdtemp()) is None  # no manifest: no output of impact's (see read_output_manifest)
    True
    """
    manifest = read_output_manifest(folder)
    if manifest is None:
        return None
    kind = manifest.get("kind", "report")
    return kind if isinstance(kind, str) else "report"


def other_kind_refusal(given: str | os.PathLike, folder: str | os.PathLike, kind: str, hint: str) -> str | None:
    """Why an output of ``kind`` may not be written into ``folder``, which holds impact's output of another kind
    (one command's files among another's: the next run of either is refused, or replaces the other's), or None."""
    found = output_kind(folder)
    if found is None or found == kind:
        return None
    return (f"{given}: the folder holds {OUTPUT_KINDS.get(found, f'the output of impact ({found})')} "
            f"({OUTPUT_MARKER} says so) - expected a new folder, or one holding {OUTPUT_KINDS[kind]}; "
            f"keep the two apart: {hint}")


def output_folder_above(path: str | os.PathLike) -> str | None:
    """Why a single output file may not be written at ``path``: a folder it would be in (through links too) is one
    impact wrote and lists in its manifest (a report of ``impact run``), whose next run replaces the folder, so refuses
    it for a file of the user's it did not write (or, were it listed, would delete it); None elsewhere.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> output_folder_above(pathlib.Path(tempfile.mkdtemp()) / "coded.csv") is None  # no manifest above it
    True
    """
    real = Path(os.path.realpath(path))
    for folder in real.parents:
        kind = output_kind(folder)
        if kind is not None:
            return (f"{path}: {folder} holds {OUTPUT_KINDS.get(kind, f'the output of impact ({kind})')} "
                    f"({OUTPUT_MARKER} says so), which its next run replaces as a whole (and refuses while it holds a "
                    "file impact did not write there) - expected a file outside it: write it beside that folder, "
                    "or in another")
    return None


def _write_output_manifest(folder: Path, *, kind: str = "report", files: list[str] | None = None) -> None:
    """Write ``folder``'s manifest: of ``kind``, listing ``files`` (paths inside it; default every file there)."""
    import json

    from ._version import __version__

    if files is None:
        files = [p.relative_to(folder).as_posix() for p in sorted(folder.rglob("*"))
                 if p.is_file() and p.name != OUTPUT_MARKER and p.relative_to(folder).as_posix() != _STAGING_MARKER]
    listed = {rel: {"bytes": (folder / rel).stat().st_size, "sha256": _file_digest(folder / rel)} for rel in sorted(files)}
    manifest = {"written_by": "impact", "impact_version": __version__, "kind": kind, "files": listed}
    atomic_write_text(folder / OUTPUT_MARKER, json.dumps(manifest, indent=1, sort_keys=True) + "\n", durable=False)


def _listing(paths: list[str], limit: int = 10) -> str:
    """The first ``limit`` of ``paths`` (or row numbers, as text), then how many more: 'a, b and 3 more'."""
    shown = ", ".join(paths[:limit])
    return shown + (f" and {len(paths) - limit:,} more" if len(paths) > limit else "")


#: How much longer than an output folder's path the paths written in it get, generously: the staging folder's
#: name, a subfolder, a file's name and a temporary file's additions to it.
_DEPTH_ROOM = 160


def _path_max(path: Path) -> int:
    """The longest path the file system holding ``path`` (or the nearest folder above it) takes, in bytes."""
    existing = next((p for p in (path, *path.parents) if p.exists()), Path(path.anchor))
    try:
        return os.pathconf(existing, "PC_PATH_MAX")
    except (OSError, ValueError, AttributeError):  # not known (Windows): no limit checked here
        return 1 << 30


def unwritable(folder: str | os.PathLike) -> str | None:
    """Why nothing can be written in ``folder`` (or, where it does not exist yet, the nearest folder above it), or None.

    Checked before the work starts, so that a read-only disk or a missing permission is reported at once,
    not after the analysis.

    Examples
    --------
    >>> import tempfile
    >>> unwritable(tempfile.mkdtemp()) is None
    True
    """
    folder = Path(os.path.abspath(folder))
    existing = next((p for p in (folder, *folder.parents) if p.exists()), None)
    if existing is None:
        return None
    if not existing.is_dir():  # `--out notes.txt/x.csv`: no folder can be made there ("already exists", said mkdir)
        return f"{existing} is a file, not a folder"
    if os.access(existing, os.W_OK | os.X_OK):
        return _refused_probe(existing)
    try:
        read_only = bool(os.statvfs(existing).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs (Windows)
        read_only = False
    return f"cannot write in {existing} ({'the file system is read-only' if read_only else 'permission denied'})"


def _refused_probe(folder: Path) -> str | None:
    """Why a file cannot be made in ``folder``, found by making an empty one and removing it at once, or None.

    Permissions do not tell it all: a system folder (``/proc``, ``/sys``) takes no new file whatever they say, and
    the superuser may write where they say no.  The empty file (``.impact-check.XXXXXXXX.tmp``) is gone before this
    returns.
    """
    try:
        fd, name = tempfile.mkstemp(prefix=".impact-check.", suffix=".tmp", dir=folder)
    except OSError as exc:
        # a full disk, a read-only one or a refused permission, in the words the command line gives them elsewhere
        known = exc.errno in (errno.EROFS, errno.ENOSPC, errno.EDQUOT, errno.EACCES, errno.EPERM)
        return f"cannot write in {folder} ({OS_ADVICE[exc.errno] if known else f'a file made there was refused: {exc.strerror or exc}'})"
    os.close(fd)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(name)
    return None


def _check_place(raw: str | os.PathLike, path: Path, hint: str) -> None:
    """Refuse, before any work, a place where a folder cannot be published: a mount point (it cannot be renamed),
    a folder one cannot write in, a path too long for the files written in it."""
    if os.path.ismount(path):
        raise OutputFolderError(f"{raw}: is the top folder of a mounted disk, which cannot be replaced in one step - "
                                f"expected a folder inside it, such as {path / 'impact-report'}; {hint}")
    cannot = unwritable(path.parent)
    if cannot:
        raise OutputFolderError(f"{raw}: {cannot} - expected a folder you can write to; {hint}")
    longest = _path_max(path)
    if len(os.fsencode(os.fspath(path))) + _DEPTH_ROOM > longest:
        raise OutputFolderError(f"{raw}: the path is {len(os.fsencode(os.fspath(path))):,} bytes long and impact writes "
                                f"files up to {_DEPTH_ROOM} bytes deeper, but paths here may be at most {longest:,} bytes - "
                                f"expected a shorter path; {hint}")


def study_folder_above(path: str | os.PathLike) -> Path | None:
    """The study folder ``path`` is in (the nearest folder at or above it, links resolved, holding a
    ``study.yaml``), or None: impact never writes among a study's inputs, from the command line
    (named with ``--study`` or not) or the library (:meth:`impact.Study.save`)."""
    real = Path(os.path.realpath(path))
    return next((folder for folder in (real, *real.parents) if (folder / "study.yaml").is_file()), None)


def in_study_words(real: Path, folder: Path, shown_folder: object) -> str:
    """``is the study folder itself`` where an output path resolves to the study folder, else ``is inside the study
    folder FOLDER`` (``impact code S --out S`` said "S is inside the study folder S")."""
    return "is the study folder itself" if real == folder else f"is inside the study folder {shown_folder}"


def inside_study(given: str | os.PathLike) -> str | None:
    """Why a new folder at ``given`` is refused for lying inside a study folder (among its inputs), or None.

    The one sentence said by :meth:`impact.Study.save`, :func:`impact.synth.save_synthetic` and ``impact synth``;
    ``given`` itself may be a study folder (one that is replaced as a whole).
    """
    above = study_folder_above(Path(os.path.abspath(given)).parent)
    if above is None:
        return None
    return (f"{given} is inside the study folder {above} (it holds study.yaml) - expected a folder outside any study; "
            "choose another folder")


def literal_tilde(target: str | os.PathLike) -> str | None:
    """Why an output path starting with a '~' the shell left as it is (quoted) is refused, or None.

    Written where the command runs, a folder named ``~`` is one that a later
    ``rm -r ~`` would mistake for the home folder.  A ``~`` folder that already
    exists is the user's own doing and is not refused here.

    Examples
    --------
    >>> literal_tilde("~/reports/out")  # doctest: +ELLIPSIS
    "~/reports/out: starts with '~', which was not turned into your home folder (Python does not do it, nor a shell \
inside quotes) - a folder named '~' would be made in the current folder; expected the path written out (...out)"
    >>> literal_tilde("out/~draft") is None
    True
    """
    first = Path(target).parts[0] if Path(target).parts else ""
    if not first.startswith("~") or Path(first).exists():
        return None
    out = os.path.expanduser(os.fspath(target))
    return (f"{target}: starts with {first!r}, which was not turned into your home folder (Python does not do it, nor "
            f"a shell inside quotes) - a folder named {first!r} would be made in the current folder; expected the path "
            f"written out ({out if out != os.fspath(target) else 'such as $HOME/...'})")


def check_output_folder(target: str | os.PathLike, *, protect: tuple | list = ()) -> Path:
    """Refuse an output folder whose replacement could lose files that ``impact`` did not write.

    An output folder must be new (it may not exist yet) or one that ``impact``
    wrote before: it holds the marker ``.impact-output.json`` whose manifest
    lists every file in it, unchanged.  Refused, whatever the caller's flags:
    an existing file or link; a folder holding other files (or files changed
    since ``impact`` wrote them); the current folder, the home folder, the
    file-system root, any folder in ``protect`` (such as the study folder) or
    any folder above one of them, and any folder inside one of ``protect``.

    Parameters
    ----------
    target : path
        The output folder asked for.
    protect : sequence of paths
        Folders that must never be replaced (the study folder, inputs).

    Returns
    -------
    pathlib.Path
        ``target`` as an absolute path.

    Raises
    ------
    OutputFolderError
        Naming the folder, why it is refused and what to do instead.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> (d / "notes.txt").write_text("mine")
    4
    >>> check_output_folder(d / "out") == (d / "out").absolute()
    True
    >>> check_output_folder(d)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    impact.errors.OutputFolderError: ...: the output folder holds files impact did not write (notes.txt) - expected a new folder or one impact wrote before; choose a new output folder
    """
    require_path(target, "out_dir", "the output folder")
    raw = Path(target)
    path = Path(os.path.abspath(raw))
    hint = "choose a new output folder"
    tilde = literal_tilde(target)
    if tilde:
        raise OutputFolderError(f"{tilde}; {hint}")
    if raw.is_symlink():
        raise OutputFolderError(f"{raw}: the output folder is a link - expected a new folder or one impact wrote before; {hint}")
    if path.exists() and not path.is_dir():
        raise OutputFolderError(f"{raw}: is an existing file, not a folder - expected a new folder or one impact wrote before; {hint}")
    for parent in path.parents:
        if parent.exists() or parent.is_symlink():
            if parent.is_symlink() and not parent.exists():
                raise OutputFolderError(f"{raw}: a part of the path ({parent}) is a link that leads nowhere (to a "
                                        f"missing target, or round in a loop) - expected a folder; {hint}")
            if not parent.is_dir():
                raise OutputFolderError(f"{raw}: a part of the path ({parent}) is a file, not a folder - expected "
                                        f"a folder; {hint}")
            break
    real = path.resolve()
    guarded: list[tuple[Path, str]] = [(Path(real.anchor), "the file-system root"), (Path.cwd().resolve(), "the current folder")]
    with contextlib.suppress(RuntimeError, KeyError):
        guarded.append((Path.home().resolve(), "your home folder"))
    guarded += [(Path(p).resolve(), "the study folder" if i == 0 else "an input folder") for i, p in enumerate(protect)]
    for folder, what in guarded:
        if real == folder or real in folder.parents:
            where = what if real == folder else f"a folder above {what} ({folder})"
            raise OutputFolderError(f"{raw}: the output folder would be {where}, whose files a run replaces - "
                                    f"expected a new folder or one impact wrote before; {hint}")
    for i, p in enumerate(protect):
        folder = Path(p).resolve()
        if folder in real.parents:
            what = "the study folder" if i == 0 else "an input folder"
            raise OutputFolderError(f"{raw}: the output folder would be inside {what} ({folder}), which then holds "
                                    f"the report and the re-identification key beside its inputs - expected a folder "
                                    f"outside it; {hint}")
    # inside another study's folder (not the one read, so not in ``protect``): the report and the re-identification
    # key would lie among that study's inputs, where whoever has the folder has the key (as a --key-file there is
    # refused); the output files of the other commands are refused there too (cli._options.study_folder_above)
    study = next((folder for folder in real.parents if (folder / "study.yaml").is_file()), None)
    if study is not None:
        raise OutputFolderError(f"{raw}: the output folder would be inside a study folder ({study}, which holds "
                                f"study.yaml), which then holds the report and the re-identification key beside its "
                                f"inputs - expected a folder outside it; {hint}")
    _check_place(raw, path, hint)
    if not path.is_dir():
        return path
    try:
        entries = [p for p in path.rglob("*")]
    except OSError as exc:
        raise OutputFolderError(f"{raw}: cannot list the output folder ({exc.strerror}); {hint}") from None
    if not entries:
        return path
    manifest = read_output_manifest(path)
    if (other := other_kind_refusal(raw, path, "report", hint)) is not None:
        raise OutputFolderError(other)
    if manifest is None:
        names = sorted(p.relative_to(path).as_posix() for p in entries if p.is_file() or p.is_symlink()) or \
            sorted(p.relative_to(path).as_posix() for p in entries)
        study = " (it holds a study, study.yaml: were the study folder and --out given the wrong way round?)" \
            if (path / "study.yaml").is_file() else ""
        raise OutputFolderError(f"{raw}: the output folder holds {_other_runs_and_files(path, names)} - expected a new "
                                f"folder or one impact wrote before{study}; {hint}")
    listed = manifest["files"]
    made = {parent.as_posix() for rel in listed for parent in Path(rel).parents if parent != Path(".")}
    foreign, changed = [], []
    for p in entries:
        rel = p.relative_to(path).as_posix()
        if p.is_dir() and not p.is_symlink():
            if rel not in made and not any(q.is_file() or q.is_symlink() for q in p.rglob("*")):
                foreign.append(rel + "/")  # a folder of the user's (with files in it, those files are named)
            continue
        if rel == OUTPUT_MARKER:
            continue
        spec = listed.get(rel)
        if p.is_symlink() or not p.is_file() or not isinstance(spec, dict):
            foreign.append(rel)
        elif p.stat().st_size != spec.get("bytes") or _file_digest(p) != spec.get("sha256"):
            changed.append(rel)
    owners = {rel: owned for rel in foreign if (owned := owned_by(
        Path(rel).name, [Path(r).name for r in listed if Path(r).parent == Path(rel).parent]))}
    if owners:  # a file of the outputs open in Excel or Word: cannot be replaced on Windows, and is no file of the user's
        shown = [f"{str(Path(rel).with_name(owned))} (its owner file {rel} is beside it)" for rel, owned in owners.items()]
        raise OutputFolderError(f"{raw}: the previous outputs are open in Excel or Word ({_listing(sorted(shown))}) - "
                                f"expected outputs no program has open: close them, then run again; or {hint}")
    if foreign or changed:
        parts = []
        if foreign:
            parts.append(f"files impact did not write ({_listing(sorted(foreign))})")
        if changed:
            parts.append(f"files changed since impact wrote them ({_listing(sorted(changed))})")
        raise OutputFolderError(f"{raw}: the output folder holds {' and '.join(parts)} - expected a new folder or "
                                f"one impact wrote before; move them out or {hint}")
    # The previous outputs are removed once the new ones are in place: a folder of them made read-only (to keep
    # them) would be left beside the output folder, half-emptied.
    kept = [p for p in (path, *entries) if p.is_dir() and not p.is_symlink() and not os.access(p, os.W_OK | os.X_OK)]
    if kept:
        names = sorted(p.relative_to(path).as_posix() + "/" if p != path else "the folder itself" for p in kept)
        raise OutputFolderError(f"{raw}: the previous outputs are read-only ({_listing(names)}), so they cannot be "
                                f"replaced - expected outputs you can change; make them writable (chmod -R u+w) or {hint}")
    return path


def _side_stem(target: Path) -> str:
    """What the names impact keeps beside an output folder start with: its name, shortened if it is near the limit.

    Beside it go ``.<stem>.lock``, ``.<stem>.staging-<pid>-<random>`` and ``.<stem>.old-<pid>`` (a process id
    has at most 7 digits).
    """
    return _fitting(target.name, NAME_MAX - len("..staging-") - 7 - len("-") - 8)


class _FolderLock:
    """An exclusive lock on one output folder: a lock file beside it (``.<name>.lock``) while a run holds it."""

    def __init__(self, target: Path) -> None:
        self.target = target
        self.path = target.parent / f".{_side_stem(target)}.lock"
        self.fd: int | None = None

    def acquire(self, *, wait: float) -> None:
        """Take the lock, waiting up to ``wait`` seconds for another run to release it.

        The lock file is removed on release; a waiter that locked a file
        since removed (its inode no longer at the path) tries again, so two
        runs never both hold the lock.
        """
        import time

        try:
            import fcntl
        except ImportError:  # pragma: no cover - no advisory locks (Windows): one run at a time is the user's care
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._check_not_foreign()
        deadline = time.monotonic() + max(wait, 0.0)
        told = False
        while True:
            try:
                with _signals_held():  # a signal between taking the lock and noting it would leave the lock file
                    holder = self._try_once(fcntl)
            except BaseException:
                self.release()
                raise
            if holder is None:
                if told:
                    _log.info(f"{self.target}: the other impact run has finished; this one writes its outputs now")
                return
            if time.monotonic() >= deadline:
                raise OutputFolderError(
                    f"{self.target}: another impact run (pid {holder}) is writing this output folder - "
                    "wait for it to finish or choose another output folder")
            if not told:  # at once: a run waiting without a word, up to ten minutes, looked hung (newuser8)
                told = True
                warnings.warn(self._waiting(holder, wait), FolderBusyWarning, stacklevel=user_level())
            time.sleep(0.2)

    def _waiting(self, holder: str, wait: float) -> str:
        """What a run waiting for the lock says as its wait begins: for what, how long at most, and how to stop."""
        import time

        try:
            since = f", writing it since {time.strftime('%H:%M:%S', time.localtime(os.stat(self.path).st_mtime))}"
        except OSError:
            since = ""
        most = f"{wait / 60:g} minutes" if wait >= 120 and wait % 60 == 0 else f"{wait:g} seconds"
        return (f"{self.target}: another impact run (pid {holder}{since}) is writing this output folder - this run "
                f"waits until that run has finished (at most {most}), then goes on; to stop waiting, "
                "press Ctrl-C (in a notebook, interrupt the kernel): nothing of this run is written; or give this run "
                "another output folder")

    def _try_once(self, fcntl) -> str | None:
        """One attempt at the lock: ``None`` when taken (``self.fd`` set), else the process id of its holder."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
            os.close(fd)
            return holder
        try:
            same = os.fstat(fd).st_ino == os.stat(self.path).st_ino
        except FileNotFoundError:
            same = False
        if not same:
            os.close(fd)  # the file was removed by the run that held it: lock the new one
            return self._try_once(fcntl)
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, str(os.getpid()).encode(), 0)
        except BaseException as exc:  # a full disk: no lock is left behind
            with contextlib.suppress(OSError):
                os.unlink(self.path)
            os.close(fd)
            if isinstance(exc, OSError) and exc.errno is not None and exc.filename is None:
                raise _naming(exc, self.path) from exc
            raise
        self.fd = fd
        return None

    def _check_not_foreign(self) -> None:
        """Refuse a lock path holding anything but a lock of impact's (a process id, or nothing)."""
        if self.path.is_symlink() or (self.path.exists() and not self.path.is_file()):
            raise OutputFolderError(f"{self.path}: impact keeps the lock of {self.target.name} here, but this is not a "
                                    "plain file - expected no file or an impact lock; move it away or choose another output folder")
        if self.path.is_file():
            try:
                content = self.path.read_bytes()[:64] if self.path.stat().st_size <= 64 else b"x"
            except OSError:
                return
            if not re.fullmatch(rb"\s*\d*\s*", content):
                raise OutputFolderError(f"{self.path}: impact keeps the lock of {self.target.name} here, but this file "
                                        "is not an impact lock - move it away or choose another output folder")

    def release(self) -> None:
        with _signals_held():  # never cut between removing the lock file and closing it
            if self.fd is not None:
                with contextlib.suppress(OSError):
                    os.unlink(self.path)  # still held: no other run can have it now
                os.close(self.fd)  # closing the descriptor releases the lock
                self.fd = None


#: A file in each staging folder impact makes: only folders holding it are ever removed as stale.
_STAGING_MARKER = ".impact-staging"


def new_staging(target: Path) -> Path:
    """A new staging folder beside ``target`` (``.<name>.staging-<pid>-<random>``), marked as impact's.

    The mark (:data:`_STAGING_MARKER`) lets a later run remove the folder if
    this process dies; remove it before publishing the folder.
    """
    staging = Path(tempfile.mkdtemp(prefix=f".{_side_stem(target)}.staging-{os.getpid()}-", dir=target.parent))
    try:
        os.chmod(staging, 0o777 & ~_umask())
        (staging / _STAGING_MARKER).write_text("made by impact\n", encoding="utf-8")
    except BaseException:
        import shutil

        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging


def _remove_stale_staging(target: Path) -> None:
    """Tidy up after runs into ``target`` whose process is gone (and only after them).

    Their staging folders are removed where they hold impact's mark
    (``.impact-staging``) or are a complete output folder impact wrote (its
    manifest, every file unchanged: a run killed while publishing, before or
    after the exchange).  A previous output folder moved aside by a run killed
    between two renames (``.<name>.old-<pid>``, where the file system cannot
    exchange folders) is put back if ``target`` is missing, else removed like
    those.  Anything else is never touched.
    """
    import shutil

    stem = glob.escape(_side_stem(target))
    for kind in ("staging", "old"):
        for old in sorted(target.parent.glob(f".{stem}.{kind}-*")):
            pid_text = old.name.rsplit(f".{kind}-", 1)[1].split("-", 1)[0]
            if not old.is_dir() or old.is_symlink() or not pid_text.isdigit() or _pid_alive(int(pid_text)):
                continue
            marked = (old / _STAGING_MARKER).is_file() and not (old / _STAGING_MARKER).is_symlink()
            if not marked and not _is_impact_output(old):
                continue  # not a folder impact made: never removed
            if kind == "old" and not (target.exists() or target.is_symlink()):
                os.replace(old, target)  # the previous outputs back in their place
            else:
                shutil.rmtree(old, ignore_errors=True)


def _is_impact_output(folder: Path) -> bool:
    """Whether ``folder`` is a complete output folder impact wrote (its manifest lists every file, unchanged)."""
    if read_output_manifest(folder) is None:
        return False
    try:
        check_output_folder(folder)
    except OutputFolderError:
        return False
    return True


def _renameat2_exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths with Linux renameat2(RENAME_EXCHANGE); False where unsupported."""
    import ctypes
    import ctypes.util
    import sys

    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    rc = fn(at_fdcwd, os.fsencode(str(a)), at_fdcwd, os.fsencode(str(b)), rename_exchange)
    return rc == 0


def publish_directory(staging: str | os.PathLike, target: str | os.PathLike) -> Path:
    """Replace folder ``target`` by the finished folder ``staging`` in one step.

    On Linux the two folders are exchanged atomically (renameat2
    ``RENAME_EXCHANGE``), so a reader, or a run killed at any instant, sees
    either every old file or every new one, never a mixture.  Elsewhere the
    old folder is first renamed aside (a kill between the two renames leaves
    it beside the target as ``.<name>.old-*``, complete).  The old outputs
    (checked by :func:`check_output_folder` to be ``impact``'s own) are then
    deleted.
    """
    import shutil

    staging, target = Path(staging), Path(target)
    if not target.exists():
        os.replace(staging, target)
        return target
    if _renameat2_exchange(staging, target):
        shutil.rmtree(staging, ignore_errors=True)  # staging now holds the old outputs
        return target
    aside = target.with_name(f".{_side_stem(target)}.old-{os.getpid()}")
    os.replace(target, aside)
    try:
        os.replace(staging, target)
    except BaseException:
        os.replace(aside, target)  # the previous folder back in its place
        raise
    shutil.rmtree(aside, ignore_errors=True)
    return target


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold Ctrl-C (and SIGTERM, when Python handles it) until the block ends, then act on it.

    Putting a finished folder in place is short; holding the signal meanwhile
    means it is never cut in two (old folder moved aside, new not yet in).
    """
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[tuple[int, object]] = []
    old: dict[int, object] = {}
    for sig in (signal.SIGINT, getattr(signal, "SIGTERM", None)):
        if sig is not None and callable(signal.getsignal(sig)):
            old[sig] = signal.signal(sig, lambda signum, frame: caught.append((signum, frame)))
    try:
        yield
    finally:
        for sig, handler in old.items():
            signal.signal(sig, handler)
        if caught:
            signum, frame = caught[0]
            old[signum](signum, frame)  # the usual handler: KeyboardInterrupt for Ctrl-C


#: The signals each open :func:`interrupts_noted` block has seen, innermost last: (signals seen, handlers before).
_NOTED: list[tuple[list[int], dict[int, Callable]]] = []


@contextlib.contextmanager
def interrupts_noted() -> Iterator[None]:
    """Note each Ctrl-C (and SIGTERM, when Python handles it) arriving in the block, and let it act as it did.

    The usual handler raises :class:`KeyboardInterrupt` wherever the signal finds the program.  Where that is a
    finaliser (``__del__``, run by the garbage collector at any moment; the ``regex`` module's during coding) Python
    prints "Exception ignored in ..." and goes on: a run the user stopped went on to publish its outputs (newuser7,
    one Ctrl-C in four).  :func:`raise_noted_interrupt` raises such a lost signal again.  Main thread only, and only
    where Python handles the signal (a process started with Ctrl-C ignored keeps ignoring it).
    """
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    seen: list[int] = []
    old: dict[int, Callable] = {}

    def note(signum, frame):
        seen.append(signum)
        old[signum](signum, frame)

    for sig in (signal.SIGINT, getattr(signal, "SIGTERM", None)):
        if sig is not None and callable(handler := signal.getsignal(sig)):
            old[sig] = handler
            signal.signal(sig, note)
    entry = (seen, old)
    _NOTED.append(entry)
    try:
        yield
    finally:
        _NOTED.remove(entry)
        for sig, handler in old.items():
            signal.signal(sig, handler)


def raise_noted_interrupt() -> None:
    """Raise again a signal an open :func:`interrupts_noted` block saw that did not stop the work (lost in a
    finaliser), as its usual handler raises it (:class:`KeyboardInterrupt` for Ctrl-C); else do nothing."""
    for seen, old in reversed(_NOTED):
        if seen:
            signum = seen[0]
            for other, _ in _NOTED:
                other.clear()
            old[signum](signum, None)
            return


def _name_in_target(exc: OSError, target: Path, shown: str | os.PathLike | None = None) -> OSError:
    """``exc`` naming the output folder, or the file in it, instead of the names kept beside it that the user never
    sees (its staging folder, lock, or previous outputs moved aside: ``.<name>.*``).

    ``shown`` is the folder as the user named it (default ``target``).  A file-system error naming no file (a full
    disk) names the folder.  Returns ``exc`` itself where it names neither, or is not a file-system error (no
    errno: a refusal such as ``FileExistsError("... holds a study")``).
    """
    if exc.errno is None:
        return exc
    shown = Path(target if shown is None else shown)
    side = os.path.join(target.parent, f".{_side_stem(target)}.")

    def as_shown(name):
        if isinstance(name, (str, os.PathLike)) and os.path.abspath(name).startswith(side):
            inside = os.path.abspath(name)[len(side):].partition(os.sep)[2]  # the path within a staging folder
            return os.fspath(shown / inside) if inside else os.fspath(shown)
        return name

    name, name2 = as_shown(exc.filename), as_shown(exc.filename2)
    if (name, name2) == (exc.filename, exc.filename2) and name is not None:
        return exc
    name = os.fspath(shown) if name is None else name
    return _naming(exc, name, None if name2 == name else name2)


def output_state(target: str | os.PathLike) -> tuple | None:
    """What tells one publication of an output folder from another: its manifest's inode, size and time of change
    (``None`` where the folder holds none: new, or not impact's).  Given to :func:`staged_directory` as ``since``."""
    try:
        st = os.stat(Path(os.path.abspath(target)) / OUTPUT_MARKER)
    except OSError:
        return None
    return st.st_ino, st.st_size, st.st_mtime_ns


@contextlib.contextmanager
def staged_directory(target: str | os.PathLike, *, protect: tuple | list = (), wait: float = 600.0,
                     check: Callable[[Path], object] | None = None, since: tuple | None | bool = False
                     ) -> Iterator[Path]:
    """Build an output folder's new content beside it; publish it only if the block succeeds.

    The folder must pass :func:`check_output_folder` (new, or written by
    ``impact`` before and unchanged), checked again just before it is
    replaced.  One run at a time writes a folder: the lock ``.<name>.lock``
    beside it is held from the start of the block to the publication (a
    second run waits up to ``wait`` seconds, then is refused).  The staging
    folder ``.<name>.staging-<pid>-<random>`` is unique to the run and removed
    on an exception; staging folders left by runs whose process is gone are
    removed when they hold impact's mark (``.impact-staging``) or are a
    complete output folder of impact's (a run killed while publishing: see
    :func:`_remove_stale_staging`), those of live runs and folders impact did
    not make never.  The published folder holds the
    marker ``.impact-output.json`` listing every file written.  Ctrl-C (and
    SIGTERM) arriving while the finished folder is put in place is held until
    it is; parent folders the block made are removed again if it fails.

    An output folder another run published while this one worked (two runs into one folder at once: the second
    waits for the first, then replaces what the first had just said it wrote) is replaced with an
    :class:`impact.ImpactWarning` saying so (newuser7: both runs said they had written the folder, without a word of
    the other).  ``since`` is the folder's :func:`output_state` when the work began (default: when the block
    begins); a publication a killed run left half done, finished here, is not another run's.

    ``check(target)``, given, replaces :func:`check_output_folder` for a folder
    that is not an output folder (a study folder, :meth:`impact.Study.save`):
    it is called with the absolute ``target`` before the block and again just
    before publication, raising to refuse; such a folder gets no manifest.

    Raises
    ------
    OutputFolderError
        If the folder is refused, or another run holds it for longer than ``wait``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "out"
    >>> with staged_directory(out) as d:
    ...     _ = (d / "a.txt").write_text("new")
    >>> (out / "a.txt").read_text()
    'new'
    """
    import shutil

    manifest = check is None
    refuse_windows_output(target, "the output folder")  # before the lock or a parent folder is made
    if check is None:
        target = check_output_folder(target, protect=protect)
        began = [output_state(target) if since is False else since]  # a list: the tidy-up below may move it on

        def check(folder: Path) -> None:
            check_output_folder(folder, protect=protect)
            if output_state(folder) != began[0]:
                warnings.warn(f"{folder}: another impact run published its outputs here while this one worked; this "
                              "run's outputs replace them (to keep both, give each run its own output folder)",
                              ImpactWarning, stacklevel=user_level())
                began[0] = output_state(folder)
    else:
        given, target = target, Path(os.path.abspath(target))
        check(target)
        _check_place(given, target, "choose another folder")
    with interrupts_noted(), rolled_back_on_failure() as changes:
        changes.mkdir(target.parent)  # the folders made here are removed again if the block fails
        lock = _FolderLock(target)
        try:
            lock.acquire(wait=wait)  # inside: a signal just after it still releases the lock
            before = output_state(target)
            _remove_stale_staging(target)
            if manifest and output_state(target) != before:  # a killed run's publication finished: not a live run's
                began[0] = output_state(target)
            staging = None
            try:
                with _signals_held():  # a signal between making the folder and naming it here would leave it
                    staging = new_staging(target)
                yield staging
                raise_noted_interrupt()  # a Ctrl-C lost in a finaliser while the block ran: nothing is published
                if manifest:  # written first: killed at any moment, the folder is impact's by its mark or manifest
                    _write_output_manifest(staging)
                (staging / _STAGING_MARKER).unlink()
                with _signals_held():
                    check(target)  # the folder may have changed while the run worked
                    publish_directory(staging, target)
            except BaseException as exc:
                if staging is not None:
                    shutil.rmtree(staging, ignore_errors=True)
                named = _name_in_target(exc, target) if isinstance(exc, OSError) else exc
                if named is not exc:
                    raise named from exc
                raise
        finally:
            lock.release()

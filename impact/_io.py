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

import contextlib
import csv
import io
import os
import stat
import tempfile
import warnings
from collections.abc import Iterator
from pathlib import Path

from .errors import ImpactWarning, InputError, Problem

__all__ = [
    "atomic_write",
    "atomic_write_text",
    "atomic_write_bytes",
    "decode_text",
    "read_text",
    "read_csv_strict",
    "safe_zip",
    "neutralise_cell",
    "safe_yaml_load",
    "staged_directory",
    "publish_directory",
    "EncodingWarning_",
    "MAX_TEXT_BYTES",
]

#: Largest text file (transcript, CSV, YAML) read, in bytes.
MAX_TEXT_BYTES = 50 * 1024 * 1024


class EncodingWarning_(ImpactWarning):
    """A text file was not UTF-8 and was decoded with a fallback encoding."""


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
    path.parent.mkdir(parents=True, exist_ok=True)
    if "b" not in mode:
        kwargs.setdefault("encoding", "utf-8")
        kwargs.setdefault("newline", "")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, mode, **kwargs) as handle:
            yield handle
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


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


def decode_text(data: bytes, *, source: str = "text") -> tuple[str, str]:
    """Decode bytes of a text file; return ``(text, encoding)``.

    UTF-8 (BOM stripped) and UTF-16 with a BOM are read as they are.  Bytes
    that are not UTF-8 are decoded as Windows-1252 (a superset of Latin-1 for
    printable text), with an :class:`EncodingWarning_`.  Data with NUL bytes
    outside UTF-16 is refused as binary.

    Raises
    ------
    InputError
        If the data looks binary.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputError(f"{source}: starts with a UTF-16 byte-order mark but is not valid UTF-16 ({exc.reason} at byte {exc.start})") from None
    if b"\x00" in data:
        at = data.index(b"\x00")
        raise InputError(
            f"{source}: contains NUL bytes at byte {at} - expected a text file "
            "(UTF-8, or UTF-16 with a byte-order mark)"
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace") if _mostly_cp1252(data) else data.decode("latin-1")
    encoding = "cp1252"
    warnings.warn(
        f"{source}: not valid UTF-8; read as Windows-1252 (Latin-1). Save it as UTF-8 to silence this.",
        EncodingWarning_,
        stacklevel=3,
    )
    return text, encoding


def _mostly_cp1252(data: bytes) -> bool:
    # Bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D are undefined in cp1252.
    return not any(b in data for b in (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d"))


def read_text(path: str | os.PathLike, *, max_bytes: int = MAX_TEXT_BYTES, label: str | None = None) -> str:
    """Read a text file with :func:`decode_text`, refusing files over ``max_bytes``."""
    path = Path(path)
    name = label or str(path)
    try:
        st = path.stat()
    except FileNotFoundError:
        raise InputError(f"{name}: file not found") from None
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{name}: not a regular file")
    if st.st_size > max_bytes:
        raise InputError(f"{name}: {st.st_size:,} bytes - expected a text file of at most {max_bytes:,} bytes")
    with open(path, "rb") as f:
        data = f.read(max_bytes + 1)
    return decode_text(data, source=name)[0]


def read_csv_strict(path: str | os.PathLike, *, label: str | None = None) -> tuple[list[str], list[tuple[int, dict[str, str]]], list[Problem]]:
    """Read a CSV as text cells.

    Returns
    -------
    header : list of str
    records : list of (row, dict)
        ``row`` is the spreadsheet row (header = 1).  Cells are stripped text;
        empty cells are ``""``.
    problems : list of Problem
        Ragged rows (too many or too few cells), blank or duplicated header
        names; nothing is dropped silently: a ragged row is still returned,
        padded or with its extra cells under ``"__extra__"``.
    """
    name = label or str(path)
    text = read_text(path, label=name)
    problems: list[Problem] = []
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        rows = list(reader)
    except csv.Error as exc:
        raise InputError(f"{name}: not a readable CSV file ({exc})") from None
    if not rows:
        return [], [], [Problem(name, 1, None, None, "a header row naming the columns")]
    header = [h.strip() for h in rows[0]]
    seen: set[str] = set()
    for i, h in enumerate(header):
        if not h:
            problems.append(Problem(name, 1, f"#{i + 1}", "", "a column name (blank header cell)"))
        elif h in seen:
            problems.append(Problem(name, 1, h, h, "each column name once (duplicated)"))
        seen.add(h)
    records: list[tuple[int, dict[str, str]]] = []
    line = 1
    for cells in rows[1:]:
        line += 1
        if not any(c.strip() for c in cells):
            continue  # a blank line is not data
        if len(cells) != len(header):
            problems.append(
                Problem(name, line, None, f"{len(cells)} cells", f"{len(header)} cells, one per header column")
            )
        record = {h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(header)}
        if len(cells) > len(header):
            record["__extra__"] = ",".join(cells[len(header):])
        records.append((line, record))
    return header, records, problems


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


def safe_yaml_load(text: str, *, source: str = "YAML") -> object:
    """Parse YAML safely: no Python objects, no aliases, bounded size and depth.

    Anchors and aliases (``&a`` / ``*a``) are refused because a few of them
    can expand into billions of nodes when the data is walked ("billion
    laughs"); study and codebook files have no need of them.  Syntax errors,
    excessive nesting and oversized text become :class:`InputError` naming the
    source and line.

    Examples
    --------
    >>> safe_yaml_load("a: [1, 2]")
    {'a': [1, 2]}
    >>> safe_yaml_load("a: &x [1]\\nb: *x", source="study.yaml")
    Traceback (most recent call last):
    ...
    impact.errors.InputError: study.yaml:2: YAML aliases (*name) are not allowed - write the value out in full
    """
    import yaml

    if len(text) > MAX_YAML_BYTES:
        raise InputError(f"{source}: {len(text):,} characters - expected a YAML file of at most {MAX_YAML_BYTES:,}")

    class _Loader(yaml.SafeLoader):
        def compose_node(self, parent, index):  # noqa: D102 - refuse aliases before they are resolved
            if self.check_event(yaml.AliasEvent):
                event = self.peek_event()
                raise InputError(
                    f"{source}:{event.start_mark.line + 1}: YAML aliases (*name) are not allowed - write the value out in full"
                )
            return super().compose_node(parent, index)

    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise InputError(f"{source}{line}: not valid YAML ({getattr(exc, 'problem', None) or exc})") from None
    except RecursionError:
        raise InputError(f"{source}: YAML nested too deeply to read") from None


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
    it beside the target as ``.<name>.old-*``, complete).  The old outputs are
    then deleted.
    """
    import shutil

    staging, target = Path(staging), Path(target)
    if not target.exists():
        os.replace(staging, target)
        return target
    if _renameat2_exchange(staging, target):
        shutil.rmtree(staging, ignore_errors=True)  # staging now holds the old outputs
        return target
    aside = target.with_name(f".{target.name}.old-{os.getpid()}")
    os.replace(target, aside)
    os.replace(staging, target)
    shutil.rmtree(aside, ignore_errors=True)
    return target


@contextlib.contextmanager
def staged_directory(target: str | os.PathLike) -> Iterator[Path]:
    """Build a folder's new content beside it; publish it only if the block succeeds.

    Leftovers of runs that were killed (``.<name>.staging-*``) are removed
    first.  On an exception the staging folder is removed and ``target`` is
    untouched.

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

    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    for old in target.parent.glob(f".{target.name}.staging-*"):
        shutil.rmtree(old, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.staging-", dir=target.parent))
    os.chmod(staging, 0o777 & ~_umask())
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    publish_directory(staging, target)

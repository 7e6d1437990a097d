"""Stable, keyed pseudonyms for councils, participants and survey respondents.

A pseudonym is derived from HMAC-SHA256 of ``"<kind>:<real id>"`` under a
secret key, so the same key gives the same pseudonyms on every run and a
different key gives unrelated ones; without the key nobody can recompute the
mapping from a list of candidate ids (a plain hash of a three-digit council
number could be reversed by trying all 1,000 numbers).

Schemes (chosen to read well in a report and to be collision-free):

``council``
    ``"Council C07"``: the councils are numbered 1..n in the order of their
    keyed hashes.  The number depends on the *set* of councils numbered, so
    pass the whole study's councils as ``universe`` when several tables must
    agree (:func:`pseudonymise` otherwise numbers the ids it is given).
``participant`` / ``respondent``
    ``"Participant P-4F2A"`` / ``"Respondent R-91C0"``: the first four hex
    digits of the keyed hash.  Ids whose four digits collide get longer
    codes (five, six ... digits) until they differ, so a pseudonym only
    changes when a new id collides with it.

The key
-------
The key never appears in any output.  :func:`resolve_key` looks for it, in
order: the ``key`` argument (the secret itself), a key file the user names,
the environment variable ``IMPACT_PSEUDONYM_KEY``, and the default key file
(``$IMPACT_PSEUDONYM_KEY_FILE``, else ``$XDG_CONFIG_HOME/impact/pseudonym.key``,
else ``~/.config/impact/pseudonym.key``).  When none exists a random 256-bit
key is generated into the default key file (mode 0600) on first use.  A key
file inside the output folder is refused.  Keep the key file safe: whoever
holds it and a list of real ids can re-identify every pseudonym; lose it and
later runs can no longer reproduce the pseudonyms.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import stat
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Literal

import pandas as pd

from .._frames import text_series
from .._io import write_private
from .._tabular import csv_text, safe_frame
from ..errors import InputError

__all__ = [
    "KEY_ENV",
    "KEY_FILE_ENV",
    "default_key_file",
    "resolve_key",
    "keyed_hash",
    "pseudonym_map",
    "pseudonymise",
    "reidentification_key",
]

#: Environment variable holding the secret key itself.
KEY_ENV = "IMPACT_PSEUDONYM_KEY"
#: Environment variable naming the default key file.
KEY_FILE_ENV = "IMPACT_PSEUDONYM_KEY_FILE"

Kind = Literal["council", "participant", "respondent"]
_KINDS: dict[str, tuple[str, str]] = {
    # kind: (word, code prefix)
    "council": ("Council", "C"),
    "participant": ("Participant", "P-"),
    "respondent": ("Respondent", "R-"),
}
_DEFAULT_COLUMNS: dict[str, str] = {
    "council_id": "council",
    "participant_id": "participant",
    "respondent_id": "respondent",
}
_MIN_KEY_BYTES = 16
_HEX_DIGITS = 4


def default_key_file() -> Path:
    """Return where the key is kept (and generated) when the user names none.

    Examples
    --------
    >>> default_key_file().name
    'pseudonym.key'
    """
    named = os.environ.get(KEY_FILE_ENV)
    if named:
        return Path(named).expanduser()
    base = os.environ.get("XDG_CONFIG_HOME") or os.environ.get("APPDATA") or "~/.config"
    return Path(base).expanduser() / "impact" / "pseudonym.key"


def key_found(key=None, *, key_file=None) -> bool:
    """Whether :func:`resolve_key` would find a key without making one: ``key`` or ``key_file`` given, the key in
    :data:`KEY_ENV`, or the default key file (:func:`default_key_file`) there. Read by what must not make a key just
    to read a release history (``impact history``, a report with real names)."""
    return key is not None or key_file is not None or bool(os.environ.get(KEY_ENV)) or default_key_file().exists()


def _check_key(key: bytes, source: str) -> bytes:
    if len(key) < _MIN_KEY_BYTES:
        raise InputError(
            f"{source}: the pseudonym key has {len(key)} bytes - expected at least {_MIN_KEY_BYTES} "
            "(a short key can be guessed; let impact generate one)"
        )
    return key


#: Largest pseudonym key file read, in bytes (a generated one is 65).
_MAX_KEY_FILE_BYTES = 1024
_KEY_FILE_EXPECTED = (f"expected the pseudonym key alone: one line of at least {_MIN_KEY_BYTES} characters, such as "
                      "the key impact generates (64 hex digits)")


def _key_text(raw: bytes, source: str) -> bytes:
    """The key a key file or the environment variable holds: one line of text, surrounding whitespace stripped.

    A byte-order mark at the start (Notepad's "UTF-8 with BOM") is how the
    file was saved, not part of the key: it is left out, so the same key
    saved either way, or typed into the environment, gives the same pseudonyms.

    A table, a study file, a document or random bytes named by mistake would
    otherwise be taken as the secret - and pseudonyms made with it change as
    soon as that file is edited.

    Examples
    --------
    >>> _key_text(b"  0123456789abcdef0123\\n", "k.key")
    b'0123456789abcdef0123'
    >>> _key_text(b"\\xef\\xbb\\xbf0123456789abcdef0123\\n", "k.key")
    b'0123456789abcdef0123'
    >>> _key_text(b"council_id,name\\n301,Barking and Dagenham\\n", "councils.csv")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    impact.errors.InputError: councils.csv: holds 2 lines - expected the pseudonym key alone...
    """
    from .._io import UNICODE_ADVICE, UTF16_BOMS, UTF32_BOMS, decode_text, stray_nuls, unicode_form

    if (form := unicode_form(raw)) is not None:  # UTF-16 without its mark, or behind a UTF-8 one: not "no text"
        raise InputError(f"{source}: {form} - {_KEY_FILE_EXPECTED}, in UTF-8; {UNICODE_ADVICE}")
    if (stray := stray_nuls(raw)) is not None:  # the key's text but for a NUL (no key byte is shown: it is secret)
        raise InputError(f"{source}: {stray} - {_KEY_FILE_EXPECTED}")
    if raw.startswith((*UTF16_BOMS, *UTF32_BOMS)):  # PowerShell 5's `echo KEY > FILE`: the key is its text, as UTF-8
        try:
            raw = decode_text(raw, source=source)[0].encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: no text
            raw = b"\x00"
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        text = None
    if text is None or any(ord(c) < 32 and c not in "\t\n\r" for c in text) or "\x7f" in text:
        raise InputError(f"{source}: holds bytes that are not text - {_KEY_FILE_EXPECTED}; write a random key as "
                         "text, e.g. python -c \"import secrets; print(secrets.token_hex(32))\" > FILE")
    lines = text.strip().splitlines()
    if len(lines) > 1:
        raise InputError(f"{source}: holds {len(lines)} lines - {_KEY_FILE_EXPECTED}")  # none shown: one may be a key
    return _check_key(text.strip().encode("utf-8"), source)


def _read_key_file(path: Path) -> bytes:
    """The key in ``path``, refusing anything but a small text file holding one line (see :func:`_key_text`)."""
    try:
        st = path.stat()
    except FileNotFoundError:
        raise InputError(f"{path}: pseudonym key file not found") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{path}: is a folder - expected the pseudonym key file")
    if not stat.S_ISREG(st.st_mode):  # /dev/zero, /dev/stdin, a named pipe: reading it could never end
        raise InputError(f"{path}: is not a regular file (a device or a pipe) - {_KEY_FILE_EXPECTED}")
    if st.st_size > _MAX_KEY_FILE_BYTES:
        raise InputError(f"{path}: is {st.st_size:,} bytes - {_KEY_FILE_EXPECTED}")
    from .._io import read_bounded

    return _key_text(read_bounded(path, _MAX_KEY_FILE_BYTES, label=str(path), size=st.st_size), str(path))


def _inside(path: Path, folder: str | os.PathLike | None) -> bool:
    if folder is None:
        return False
    return path.resolve().is_relative_to(Path(folder).resolve())


def _refuse_misplaced(path: Path, output_dir: str | os.PathLike | None, study_dir: str | os.PathLike | None = None) -> None:
    """Refuse a key file inside the output folder (it would be published) or inside the study folder."""
    if _inside(path, output_dir):
        raise InputError(f"{path}: the pseudonym key file must be kept outside the output folder {output_dir}")
    if _inside(path, study_dir):
        raise InputError(f"{path}: the pseudonym key file is inside the study folder {study_dir} - expected a key "
                         "kept apart from the data it protects (whoever has the study folder would have the key): "
                         "move it out of the study folder")


def resolve_key(
    key: bytes | str | None = None,
    *,
    key_file: str | os.PathLike | None = None,
    output_dir: str | os.PathLike | None = None,
    create: bool = True,
    study_dir: str | os.PathLike | None = None,
) -> bytes:
    """Find the secret pseudonym key (see the module notes for the order).

    Parameters
    ----------
    key : bytes or str, optional
        The secret itself (a str is encoded as UTF-8).
    key_file : path, optional
        A file holding the key (surrounding whitespace is ignored).  It must
        exist, and must not be inside ``output_dir``.
    output_dir : path, optional
        The folder outputs are written to; a key file inside it is refused.
    create : bool
        Generate a random key into the default key file when no key is found.
    study_dir : path, optional
        The study folder read: a key is never generated inside it (among the
        inputs, where it would travel with the data it protects).

    Returns
    -------
    bytes

    Raises
    ------
    InputError
        If the key is shorter than 16 bytes, the key file is missing or
        inside ``output_dir``, or no key is found and ``create`` is false.

    Examples
    --------
    >>> resolve_key("a secret of sixteen+ characters")[:8]
    b'a secret'
    """
    from ..schema import true_or_false

    create = true_or_false("create", create)  # create="no" made a key (newuser17)
    if key is not None:
        return _check_key(key.encode() if isinstance(key, str) else bytes(key), "`key`")
    if key_file is not None:
        path = Path(key_file).expanduser()
        _refuse_misplaced(path, output_dir, study_dir)
        return _read_key_file(path)
    env = os.environ.get(KEY_ENV)
    if env:
        return _key_text(env.encode("utf-8", "surrogateescape"), f"environment variable {KEY_ENV}")
    path = default_key_file()
    _refuse_misplaced(path, output_dir)  # neither read nor made there
    if path.exists():
        _refuse_misplaced(path, None, study_dir)
        return _read_key_file(path)
    if not create:
        raise InputError(
            f"no pseudonym key: name a key file, set {KEY_ENV}, or allow one to be generated at {path}"
        )
    if _inside(path, study_dir):
        raise InputError(f"{path}: a new pseudonym key would be made here, inside the study folder {study_dir} - "
                         f"expected a key kept apart from the data: set {KEY_FILE_ENV} to a file outside it")
    new = secrets.token_hex(32).encode()
    try:  # (write_private makes the folder)
        if not write_private(path, new + b"\n", exclusive=True):  # another run made the key meanwhile: use theirs
            return _check_key(path.read_bytes().strip(), str(path))
    except OSError as exc:  # a read-only or unwritable home folder, a full disk
        raise InputError(
            f"{path}: the pseudonym key cannot be made here ({exc.strerror or exc}) - expected a folder you can "
            f"write to; name a key file (impact run --key-file FILE), set {KEY_ENV} to the key, or set "
            f"{KEY_FILE_ENV} to a file in a folder you can write to") from None
    return new


def keyed_hash(value: str, *, key: bytes, kind: str = "") -> str:
    """Return the HMAC-SHA256 hex digest of ``"<kind>:<value>"`` under ``key``.

    Examples
    --------
    >>> keyed_hash("301", key=b"0123456789abcdef", kind="council")[:12]
    'e20a0834f552'
    """
    return hmac.new(key, f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()


def pseudonym_map(ids: Iterable[object], *, kind: Kind, key: bytes | str | None = None) -> dict[str, str]:
    """Map each distinct real id to its pseudonym.

    Parameters
    ----------
    ids : iterable
        Real ids (converted to text; missing values are skipped).
    kind : {"council", "participant", "respondent"}
    key : bytes or str, optional
        The secret key; found with :func:`resolve_key` when omitted.

    Returns
    -------
    dict
        ``{real_id: pseudonym}``.

    Examples
    --------
    >>> m = pseudonym_map(["301", "302", "303"], kind="council", key="0123456789abcdef")
    >>> sorted(m.values())
    ['Council C01', 'Council C02', 'Council C03']
    >>> pseudonym_map(["A"], kind="participant", key="0123456789abcdef")
    {'A': 'Participant P-BFBA'}
    """
    if kind not in _KINDS:
        from ..schema import not_one_of

        raise ValueError(not_one_of("kind", kind, sorted(_KINDS)))
    secret = resolve_key(key)
    unique = sorted({str(i) for i in ids if not pd.isna(i)})
    digests = {i: keyed_hash(i, key=secret, kind=kind) for i in unique}
    word, prefix = _KINDS[kind]
    if kind == "council":
        width = max(2, len(str(len(unique))))
        order = sorted(unique, key=lambda i: digests[i])
        return {i: f"{word} {prefix}{n:0{width}d}" for n, i in enumerate(order, start=1)}
    codes: dict[str, str] = {}
    pending = unique
    length = _HEX_DIGITS
    while pending:
        by_code: dict[str, list[str]] = {}
        for i in pending:
            by_code.setdefault(digests[i][:length].upper(), []).append(i)
        pending = []
        for code, members in by_code.items():
            if len(members) == 1:
                codes[members[0]] = f"{word} {prefix}{code}"
            else:
                pending += members
        length += 1
    return codes


def _columns(data: pd.DataFrame, columns: Mapping[str, str] | None) -> dict[str, str]:
    if columns is None:
        return {c: k for c, k in _DEFAULT_COLUMNS.items() if c in data.columns}
    missing = [c for c in columns if c not in data.columns]
    if missing:
        raise ValueError(f"`columns` names {missing}, which are not columns of the data {list(data.columns)}.")
    bad = {c: k for c, k in columns.items() if k not in _KINDS}
    if bad:
        raise ValueError(f"The kinds in `columns` must be one of {sorted(_KINDS)}, but {bad} was passed.")
    return dict(columns)


def _maps(
    data: pd.DataFrame, columns: Mapping[str, str], key: bytes, universe: Mapping[str, Iterable[object]] | None
) -> dict[str, dict[str, str]]:
    universe = dict(universe or {})
    maps: dict[str, dict[str, str]] = {}
    for kind in sorted(set(columns.values())):
        ids = set(universe.get(kind, ()))
        present = {str(v) for c, k in columns.items() if k == kind for v in data[c].dropna()}
        if kind in universe and not present <= {str(i) for i in ids}:
            extra = sorted(present - {str(i) for i in ids})
            raise ValueError(f"`universe[{kind!r}]` must hold every {kind} id in the data; missing {extra[:10]}.")
        maps[kind] = pseudonym_map(ids | present, kind=kind, key=key)
    return maps


def pseudonymise(
    data: pd.DataFrame,
    *,
    columns: Mapping[str, str] | None = None,
    key: bytes | str | None = None,
    universe: Mapping[str, Iterable[object]] | None = None,
) -> pd.DataFrame:
    """Replace real ids with keyed pseudonyms, in a copy of ``data``.

    Parameters
    ----------
    data : DataFrame
    columns : mapping, optional
        ``{column: kind}`` with kind one of "council", "participant",
        "respondent".  Default: whichever of ``council_id``,
        ``participant_id`` and ``respondent_id`` are present.
    key : bytes or str, optional
        The secret key; found with :func:`resolve_key` when omitted.
    universe : mapping, optional
        ``{kind: all ids}``: number councils over the whole study, not only
        the ids in ``data``, so separate tables agree.  Recommended for
        councils.

    Returns
    -------
    DataFrame
        A new frame; pseudonym columns hold text, missing ids stay missing.

    Raises
    ------
    ValueError
        If a named column is absent or a kind unknown.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"council_id": ["301", "302", "301"], "n": [1, 2, 3]})
    >>> pseudonymise(df, key="0123456789abcdef")["council_id"].tolist()
    ['Council C01', 'Council C02', 'Council C01']
    """
    cols = _columns(data, columns)
    secret = resolve_key(key)
    maps = _maps(data, cols, secret, universe)
    out = data.copy()
    for column, kind in cols.items():
        values = data[column]
        out[column] = text_series([pd.NA if pd.isna(v) else maps[kind][str(v)] for v in values], index=data.index)
    return out


def reidentification_key(
    path: str | os.PathLike,
    data: pd.DataFrame,
    *,
    columns: Mapping[str, str] | None = None,
    key: bytes | str | None = None,
    universe: Mapping[str, Iterable[object]] | None = None,
    output_dir: str | os.PathLike | None = None,
) -> pd.DataFrame:
    """Write the re-identification key (real id -> pseudonym) to its own CSV.

    The file (columns ``kind, real_id, pseudonym``) is written atomically with
    mode 0600.  It re-identifies every participant: store it apart from the
    published outputs (it is refused inside ``output_dir``).

    Parameters
    ----------
    path : path
        CSV file to write.
    data, columns, key, universe
        As for :func:`pseudonymise`, which gives the same pseudonyms.
    output_dir : path, optional
        The published output folder; ``path`` must not be inside it.

    Returns
    -------
    DataFrame
        The rows written.

    Raises
    ------
    InputError
        If ``path`` is inside ``output_dir``.

    Examples
    --------
    >>> import pandas as pd, pathlib, tempfile
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> df = pd.DataFrame({"council_id": ["301", "302"]})
    >>> rows = reidentification_key(d / "key.csv", df, key="0123456789abcdef")
    >>> print((d / "key.csv").read_text().splitlines()[0])
    kind,real_id,pseudonym
    """
    target = Path(path)
    if _inside(target, output_dir):
        raise InputError(f"{target}: the re-identification key must be kept outside the output folder {output_dir}")
    cols = _columns(data, columns)
    maps = _maps(data, cols, resolve_key(key), universe)
    table = pd.DataFrame(
        [(kind, real, pseudo) for kind, m in sorted(maps.items()) for real, pseudo in sorted(m.items())],
        columns=["kind", "real_id", "pseudonym"],
        dtype="str",
    )
    # Readable by its owner only from the moment it appears (not made private after the rename).
    # an id written as a formula ('=HYPERLINK(...)', '+44...') is put behind an apostrophe: the key is opened in a
    # spreadsheet to look a pseudonym up, where it would run
    write_private(target, csv_text(safe_frame(table)).encode("utf-8"))
    return table

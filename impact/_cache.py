"""A cache of segmentation and coding that is data, not code.

Each entry is a Parquet file (a table, never a pickle: reading it cannot run
code) and a JSON manifest beside it.  The manifest records what the entry was
computed with - the package version, the codebook hash, a hash of the bundled
word lists, the nltk, pandas and pyarrow versions - and the SHA-256 of the
Parquet file, and is signed with a keyed hash (HMAC-SHA256).  Before an entry
is read the signature, every recorded version and the file's hash are checked;
an entry that fails any check is not read (it is recomputed and replaced).

The cache lives in the user's cache folder (``platformdirs``:
``~/.cache/impact`` on Linux; ``IMPACT_CACHE_DIR`` overrides it), never beside
a published folder, in folders of mode 0700 and files of mode 0600, because it
holds the raw (unredacted) text of segments.  The signing key is 32 random
bytes in the user's config folder (``IMPACT_CONFIG_DIR`` overrides it), mode
0600.  Without ``pyarrow`` nothing is cached (a message says so once).
"""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import logging
import os
import re
import secrets
import stat
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ._io import write_private
from .errors import ImpactWarning, user_level

__all__ = ["Cache", "CacheWarning", "default_cache_dir", "environment", "clear_cache"]

log = logging.getLogger("impact")

#: Layout version of the entries; a change makes old entries invisible.
CACHE_FORMAT = 1
_KEY_BYTES = 32
_MAX_MANIFEST_BYTES = 64 * 1024
_SAFE_KEY = re.compile(r"^[A-Za-z0-9_.-]{1,200}$")


class CacheWarning(ImpactWarning):
    """The cache could not be used (it is bypassed; results are computed afresh)."""


def default_cache_dir() -> Path:
    """The user's cache folder for ``impact`` (``IMPACT_CACHE_DIR`` overrides it).

    Examples
    --------
    >>> default_cache_dir().name in {"impact", "cache"} or "IMPACT_CACHE_DIR" in __import__("os").environ
    True
    """
    env = os.environ.get("IMPACT_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return platformdirs.user_cache_path("impact", appauthor=False)


def _config_dir() -> Path:
    env = os.environ.get("IMPACT_CONFIG_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return platformdirs.user_config_path("impact", appauthor=False)


@lru_cache(maxsize=1)
def _wordlist_hash() -> str:
    from importlib import resources

    h = hashlib.sha256()
    root = resources.files("impact").joinpath("_data")
    for sub in ("wordlists",):
        folder = root.joinpath(sub)
        for item in sorted(folder.iterdir(), key=lambda t: t.name):
            if item.is_file():
                h.update(item.name.encode() + b"\0" + item.read_bytes() + b"\0")
    first_names = root.joinpath("first_names.txt")
    if first_names.is_file():
        h.update(first_names.read_bytes())
    return h.hexdigest()


def environment() -> dict[str, str]:
    """What a cached result depends on besides its inputs: package, word lists and library versions.

    Examples
    --------
    >>> sorted(environment())
    ['cache_format', 'impact', 'nltk', 'pandas', 'wordlists']
    """
    from importlib.metadata import version

    from ._version import __version__

    return {
        "cache_format": str(CACHE_FORMAT),
        "impact": __version__,
        # read from the installed distribution's metadata: importing nltk to read its version cost a run whose codings
        # all come from the cache about 1 s (nltk's package imports scikit-learn); the string is the same
        "nltk": version("nltk"),
        "pandas": pd.__version__,
        "wordlists": _wordlist_hash(),
    }


def _private_dir(path: Path) -> None:
    """Create ``path`` (mode 0700) and check it is the user's own and not writable by others."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    st = path.lstat()
    if stat.S_ISLNK(st.st_mode) or not stat.S_ISDIR(st.st_mode):
        raise OSError(f"{path} is not a plain folder")
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        raise OSError(f"{path} belongs to another user")
    if st.st_mode & 0o077:
        os.chmod(path, 0o700)


def _write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically with mode 0600."""
    write_private(path, data, durable=False)


def _signing_key() -> bytes:
    """The user's cache signing key (created on first use, mode 0600)."""
    folder = _config_dir()
    _private_dir(folder)
    path = folder / "cache-signing.key"
    present = path.exists() or path.is_symlink()
    if path.is_file() and not path.is_symlink():
        st = path.stat()
        if st.st_mode & 0o077 or (hasattr(os, "getuid") and st.st_uid != os.getuid()):
            raise OSError(f"{path}: the cache signing key is readable or writable by others")
        key = bytes.fromhex(path.read_text(encoding="ascii").strip())
        if len(key) == _KEY_BYTES:
            return key
    key = secrets.token_bytes(_KEY_BYTES)
    data = key.hex().encode("ascii") + b"\n"
    if present:  # not a key: replaced
        _write_private(path, data)
    elif not write_private(path, data, exclusive=True):
        return _signing_key()  # another run made the key meanwhile: use theirs, so both sign alike
    return key


def _reason(exc: Exception) -> str:
    """What went wrong, without the errno: 'Read-only file system', 'No space left on device: /path'."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror + (f": {exc.filename}" if exc.filename is not None else "")
    return str(exc)


def _sign(key: bytes, manifest: dict) -> str:
    body = json.dumps({k: v for k, v in manifest.items() if k != "signature"}, sort_keys=True).encode()
    return hmac.new(key, body, hashlib.sha256).hexdigest()


class Cache:
    """Parquet entries with signed JSON manifests in one private folder.

    Parameters
    ----------
    folder : path, optional
        Where entries are kept; default :func:`default_cache_dir`.
    context : mapping, optional
        Extra facts the entries depend on (such as the codebook hash); they
        are recorded in each manifest and must match when an entry is read.

    Notes
    -----
    Use :meth:`get_or_compute`.  A cache that cannot be used (no pyarrow, a
    folder that is not the user's own, a read-only disk) is bypassed with a
    :class:`CacheWarning` and a log message: results are then computed afresh,
    never wrong.

    Examples
    --------
    >>> import tempfile, pandas as pd
    >>> cache = Cache(tempfile.mkdtemp())
    >>> calls = []
    >>> def compute():
    ...     calls.append(1)
    ...     return pd.DataFrame({"a": [1, 2]})
    >>> cache.get_or_compute("demo", "k1", compute).equals(cache.get_or_compute("demo", "k1", compute))
    True
    >>> len(calls)
    1
    """

    def __init__(self, folder: str | os.PathLike | None = None, *, context: dict[str, str] | None = None) -> None:
        self.folder = Path(folder) if folder is not None else default_cache_dir()
        self.context = {str(k): str(v) for k, v in (context or {}).items()}
        self._disabled: str | None = None
        self._unwritable = False  # set when an entry could not be stored: no more are tried
        self._key: bytes | None = None

    # ----------------------------------------------------------------- set-up
    def _ready(self) -> bool:
        if self._disabled is not None:
            return False
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            return self._disable("pyarrow is not installed (pip install 'impact[parquet]'), so segmentation and "
                                 "coding are not cached")
        try:
            _private_dir(self.folder)
        except (OSError, ValueError) as exc:
            return self._disable(f"the cache folder {self.folder} cannot be used ({_reason(exc)}); nothing is cached")
        try:
            self._key = _signing_key()
        except (OSError, ValueError) as exc:
            return self._disable(f"the cache's signing key in {_config_dir()} cannot be made or read ({_reason(exc)}; "
                                 "IMPACT_CONFIG_DIR names another folder); nothing is cached")
        return True

    def _disable(self, why: str) -> bool:
        import warnings

        self._disabled = why
        log.debug("impact cache: %s", why)  # the warning is the message (the command line shows it once)
        warnings.warn(why, CacheWarning, stacklevel=user_level())
        return False

    def _paths(self, kind: str, key: str) -> tuple[Path, Path]:
        name = f"{kind}-{key}"
        if not _SAFE_KEY.match(name):
            raise ValueError(f"cache entry name {name!r} - expected letters, digits, '-', '_' and '.'")
        return self.folder / f"{name}.parquet", self.folder / f"{name}.json"

    def _expected(self, kind: str, key: str) -> dict:
        return {"kind": kind, "key": key, **environment(), **self.context}

    # ----------------------------------------------------------------- read / write
    def get(self, kind: str, key: str) -> pd.DataFrame | None:
        """The cached frame, or None when absent or when any check fails."""
        if not self._ready():
            return None
        data_path, meta_path = self._paths(kind, key)
        try:
            if meta_path.is_symlink() or data_path.is_symlink() or not meta_path.is_file() or not data_path.is_file():
                return None
            if meta_path.stat().st_size > _MAX_MANIFEST_BYTES:
                raise ValueError("manifest too large")
            manifest = json.loads(meta_path.read_text(encoding="utf-8"))
            if not isinstance(manifest, dict) or not hmac.compare_digest(str(manifest.get("signature", "")),
                                                                         _sign(self._key, manifest)):
                raise ValueError("its signature does not match")
            stale = [k for k, v in self._expected(kind, key).items() if manifest.get(k) != v]
            if stale:
                log.info("impact cache: %s-%s was made with other %s; recomputing", kind, key, ", ".join(stale))
                return None
            data = data_path.read_bytes()
            if hashlib.sha256(data).hexdigest() != manifest.get("sha256"):
                raise ValueError("its data does not match the signed hash")
            return pd.read_parquet(io.BytesIO(data))
        except (OSError, ValueError, TypeError, KeyError) as exc:
            log.warning("impact cache: entry %s-%s not used (%s); recomputing", kind, key, exc)
            return None
        except Exception as exc:  # pyarrow's own errors for a damaged file  # noqa: BLE001
            log.warning("impact cache: entry %s-%s not readable (%s); recomputing", kind, key, type(exc).__name__)
            return None

    def put(self, kind: str, key: str, frame: pd.DataFrame) -> None:
        """Store ``frame`` (atomically, mode 0600); a failure to write only costs the cache."""
        if self._unwritable or not self._ready():
            return
        data_path, meta_path = self._paths(kind, key)
        try:
            buf = io.BytesIO()
            frame.to_parquet(buf, index=True)
            data = buf.getvalue()
            manifest = {**self._expected(kind, key), "sha256": hashlib.sha256(data).hexdigest(),
                        "rows": int(len(frame))}
            manifest["signature"] = _sign(self._key, manifest)
            _write_private(data_path, data)
            _write_private(meta_path, json.dumps(manifest, sort_keys=True, indent=1).encode())
        except OSError as exc:  # a full or read-only disk: said once, and no other entry is tried
            self._unwritable = True
            log.warning("impact cache: cannot store entries in %s (%s); continuing without storing them",
                        self.folder, _reason(exc))
        except (ValueError, TypeError) as exc:
            log.warning("impact cache: could not store %s-%s (%s); continuing without it", kind, key, exc)

    def get_or_compute(self, kind: str, key: str, compute: Callable[[], pd.DataFrame]) -> pd.DataFrame:
        """The cached frame when a valid entry exists, else ``compute()`` (stored for next time)."""
        frame = self.get(kind, key)
        if frame is None:
            frame = compute()
            self.put(kind, key, frame)
        return frame


def clear_cache(folder: str | os.PathLike | None = None) -> int:
    """Delete the cache entries (``*.parquet`` and their manifests) in ``folder``; return how many files.

    Only files the cache itself writes are removed.

    Examples
    --------
    >>> import tempfile
    >>> clear_cache(tempfile.mkdtemp())
    0
    """
    folder = Path(folder) if folder is not None else default_cache_dir()
    n = 0
    if not folder.is_dir():
        return 0
    for p in folder.iterdir():
        if p.suffix in (".parquet", ".json") and p.is_file() and not p.is_symlink() and _SAFE_KEY.match(p.stem):
            p.unlink()
            n += 1
    return n

"""Provenance that names no path, folder or file of the user's machine.

A study folder's name is chosen by a person ("Lambeth-interviews-Jane-Smith")
and may name a council or a participant; a path names a user account.
:func:`safe_provenance` returns a copy of a provenance mapping in which the
study is identified by a content hash, the folder's layout is recorded
relative to the folder, and every path, folder name and file name of the
user's machine - and every name passed - is replaced by a placeholder,
wherever it appears (the command line too).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping
from pathlib import Path, PurePath
from typing import Any

import regex as re

from ._lexicon import lazy_compile

__all__ = ["safe_provenance", "study_layout"]

# Absolute or home-relative paths: /home/jo/x, ~/x, C:\Users\jo\x, \\server\share\x, file:///x.
_PATH_RE = lazy_compile(
    r"(?:file://)?(?:(?<![\w.])(?:~|\.\.?)?/(?:[^\s/\"'`,;:|<>]+/)*[^\s/\"'`,;:|<>]*"
    r"|(?<![\w])[A-Za-z]:[\\/](?:[^\s\\/\"'`,;:|<>]+[\\/])*[^\s\\/\"'`,;:|<>]*"
    r"|\\\\[^\s\\]+\\(?:[^\s\\\"'`,;:|<>]+\\?)*)"
)
_GENERIC_PARTS = frozenset({"", ".", "..", "~", "/", "home", "users", "user", "tmp", "temp", "data", "out", "output",
                            "outputs", "study", "studies", "report", "reports", "impact"})


def study_layout(folder: str | os.PathLike) -> dict[str, Any]:
    """The content hash and the relative file layout of a study folder.

    Parameters
    ----------
    folder : path
        The study folder; its own name is not used.

    Returns
    -------
    dict
        ``hash`` (``"sha256:"`` and 64 hex digits over every file's relative
        path and bytes, in sorted order), ``files`` (the relative POSIX paths,
        sorted) and ``n_files``.

    Raises
    ------
    NotADirectoryError
        If ``folder`` is not a folder.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> root = pathlib.Path(tempfile.mkdtemp()) / "Lambeth-interviews-Jane-Smith"
    >>> (root / "transcripts").mkdir(parents=True)
    >>> _ = (root / "study.yaml").write_text("name: x\\n")
    >>> _ = (root / "transcripts" / "I1.txt").write_text("Hello.")
    >>> layout = study_layout(root)
    >>> layout["files"], layout["hash"][:7]
    (['study.yaml', 'transcripts/I1.txt'], 'sha256:')
    """
    root = Path(folder)
    if not root.is_dir():
        raise NotADirectoryError(f"{root.name}: not a folder, so it has no layout to record.")
    files = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file() and not p.is_symlink())
    h = hashlib.sha256()
    for rel in files:
        h.update(rel.encode("utf-8") + b"\0")
        with open(root / rel, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
        h.update(b"\0")
    return {"hash": "sha256:" + h.hexdigest(), "files": files, "n_files": len(files)}


def _secrets(paths: Iterable[str | os.PathLike], names: Iterable[str]) -> list[str]:
    found: set[str] = set()
    for p in paths:
        if p is None:
            continue
        text = os.fspath(p)
        if len(text.strip("/\\.")) > 2:  # "s", "./o": too short to name anyone, and found inside every word
            found.add(text)
        try:
            found.add(str(Path(text).expanduser().resolve()))
        except (OSError, RuntimeError):
            pass
        for part in (*PurePath(text).parts, *Path(text).expanduser().resolve().parts):
            bare = part.strip("/\\")
            if bare.lower() not in _GENERIC_PARTS and len(bare) > 2:
                found.add(bare)
                stem = PurePath(bare).stem
                if len(stem) > 2 and stem.lower() not in _GENERIC_PARTS:
                    found.add(stem)
    for n in names:
        if isinstance(n, str) and len(n.strip()) > 2:
            found.add(n.strip())
    return sorted(found, key=len, reverse=True)


def _scrub(value: Any, secrets: list[str], placeholder: str) -> Any:
    if isinstance(value, str):
        out = value
        for s in secrets:
            # Whole words only: a folder called "care" must not turn "careful" into "<study>ful".
            out = re.sub(rf"(?<![^\W_]){re.escape(s)}(?![^\W_])", placeholder, out, flags=re.IGNORECASE)
        return _PATH_RE.sub(lambda m: "<path>" if len(m.group()) > 1 else m.group(), out)
    if isinstance(value, Mapping):
        return {_scrub(k, secrets, placeholder): _scrub(v, secrets, placeholder) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_scrub(v, secrets, placeholder) for v in value)
    if isinstance(value, os.PathLike):
        return _scrub(os.fspath(value), secrets, placeholder)
    return value


def _scrub_command(command: Any, secrets: list[str]) -> Any:
    """A command line scrubbed in its arguments only: ``impact demo`` stays ``impact demo`` when the output folder
    is called "demo" (out/demo), and ``impact run`` when a folder is called "run"."""
    if not isinstance(command, str):
        return _scrub(command, secrets, "<study>")
    words = command.split(" ", 2)
    if len(words) >= 2 and words[0] == "impact" and re.fullmatch(r"[a-z]+", words[1]):
        return " ".join([*words[:2], *(_scrub(w, secrets, "<study>") for w in words[2:])])
    return _scrub(command, secrets, "<study>")


def safe_provenance(
    provenance: Mapping[str, Any],
    *,
    study_dir: str | os.PathLike | None = None,
    paths: Iterable[str | os.PathLike] = (),
    names: Iterable[str] = (),
) -> dict[str, Any]:
    """A copy of ``provenance`` that names no path, folder or file of the user's machine.

    Parameters
    ----------
    provenance : mapping
        As recorded by :func:`impact.pipeline.analyse` / :func:`impact.pipeline.run`
        (``study``, ``study_hash``, ``command`` ...); not modified.
    study_dir : path, optional
        The study folder: its layout is recorded (:func:`study_layout`) and its
        path and name are scrubbed.
    paths : iterable of path
        Other paths to scrub (the output folder, a key file, human codings).
    names : iterable of str
        Other text to scrub (the study's own name from ``study.yaml``).

    Returns
    -------
    dict
        ``study`` becomes ``"study-"`` and 12 hex digits of the study's hash
        (``study_hash`` if present, else the layout hash); ``study_layout``
        holds the layout's hash, its number of files and the files counted
        by pattern when ``study_dir`` is given (the files the study format
        names by name, others by extension: a file or folder name chosen by a
        person can name a person or a council); in every string
        (keys, values, nested lists and mappings) each path, path component and
        name given becomes ``<study>``, and any other absolute or home-relative
        path becomes ``<path>``.

    Examples
    --------
    >>> prov = {"study": "Lambeth-interviews-Jane-Smith", "study_hash": "ab" * 32,
    ...         "command": "impact run /home/jo/Lambeth-interviews-Jane-Smith /home/jo/out --seed 1"}
    >>> safe = safe_provenance(prov, paths=["/home/jo/Lambeth-interviews-Jane-Smith"])
    >>> safe["study"], safe["command"]
    ('study-abababababab', 'impact run <study> <path> --seed 1')
    """
    if not isinstance(provenance, Mapping):
        raise TypeError(f"`provenance` must be a mapping, not {type(provenance).__name__}.")
    if isinstance(paths, (str, os.PathLike)) or isinstance(names, str):
        raise TypeError("`paths` and `names` must be lists, not a single string.")
    layout = study_layout(study_dir) if study_dir is not None else None
    study_name = provenance.get("study")
    all_paths = [*([study_dir] if study_dir is not None else []), *paths]
    secrets = _secrets(all_paths, [*names, *([study_name] if isinstance(study_name, str) else [])])
    out = {k: _scrub_command(v, secrets) if k == "command" else _scrub(v, secrets, "<study>")
           for k, v in provenance.items() if k != "study"}
    digest = provenance.get("study_hash") or (layout["hash"].split(":", 1)[1] if layout else None)
    if digest is None:
        digest = hashlib.sha256(str(study_name).encode("utf-8")).hexdigest()
    safe = {"study": f"study-{str(digest).removeprefix('sha256:')[:12]}", **out}
    if layout is not None:
        safe["study_layout"] = {"hash": layout["hash"], "n_files": layout["n_files"],
                                "files": _layout_summary(layout["files"])}
    return safe


_EXTENSIONS = frozenset(
    ".txt .docx .doc .rtf .odt .pdf .csv .tsv .xlsx .xls .ods .json .yaml .yml .md .html .xml .parquet .qdpx .zip "
    ".png .jpg .jpeg .svg .mp3 .m4a .wav".split()
)


def _layout_summary(files: list[str]) -> dict[str, int]:
    """Files the study format names, by name; any other file or folder by extension only, counted.

    A file or folder name chosen by a person can be a person's or a council's
    name ("transcripts/Leeds/Jane Smith.txt", "Consent form Jane Smith.pdf",
    "Notes Jane Smith/"), so only the names the study format itself gives
    (``study.yaml``, the tables, a synthetic study's truth files and the
    ``transcripts`` folder) are kept; everything else is counted by a common
    extension ("transcripts/**/*.txt": 360, "*.pdf": 1, "*/**/*.txt": 2).
    """
    from ..study import _study_file_names  # lazy: the study format's own file names

    known = _study_file_names()
    out: dict[str, int] = {}
    for rel in files:
        parts = rel.split("/")
        suffix = Path(parts[-1]).suffix.lower()
        suffix = suffix if suffix in _EXTENSIONS else ""
        if len(parts) == 1:
            key = rel if rel in known else f"*{suffix}"
        else:
            top = parts[0] if parts[0] == "transcripts" else "*"
            key = f"{top}/**/*{suffix}" if suffix else f"{top}/**"
        out[key] = out.get(key, 0) + 1
    return dict(sorted(out.items()))


#: What a count of the study layout withheld by :func:`_layout_withheld` reads in provenance.json.
_WITHHELD = "withheld"


def _layout_withheld(layout: Mapping[str, Any], prefix: str, why: str) -> dict[str, Any]:
    """A copy of a published study layout (:func:`safe_provenance`'s ``study_layout``) with the counts of the files
    under ``prefix`` withheld, and with them the number of files (which, less the other entries' counts, would give
    them back); the hash, the patterns and the other counts are kept, and ``counts_withheld`` says ``why``.

    Parameters
    ----------
    layout : mapping
        ``hash``, ``n_files`` and ``files`` (pattern: count); not modified.
    prefix : str
        The patterns whose counts are withheld (``"transcripts/"``).
    why : str
        Why, in words a reader understands.

    Returns
    -------
    dict
        The layout with each withheld count (and ``n_files``) given as ``"withheld"``.

    Examples
    --------
    >>> layout = {"hash": "sha256:" + "ab" * 32, "n_files": 48, "files": {"study.yaml": 1, "transcripts/**/*.txt": 45,
    ...                                                                   "interviews.csv": 1, "councils.csv": 1}}
    >>> out = _layout_withheld(layout, "transcripts/", "It would narrow a hidden count.")
    >>> out["n_files"], out["files"]["transcripts/**/*.txt"], out["files"]["study.yaml"], out["hash"] == layout["hash"]
    ('withheld', 'withheld', 1, True)
    """
    files = {k: _WITHHELD if str(k).startswith(prefix) else v for k, v in (layout.get("files") or {}).items()}
    return {**layout, "n_files": _WITHHELD, "files": files, "counts_withheld": why}

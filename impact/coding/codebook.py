"""Codebooks: hierarchical codes with definitions and matching rules.

A codebook is a versioned YAML document (format described in
``docs/codebook-format.md``).  Each code has a stable snake_case id, an
optional parent (codes form a tree), a label, a definition, inclusion and
exclusion notes, examples, and optional *matching rules* used by
:class:`impact.RuleCoder`.  The codebook's :attr:`Codebook.hash` is a SHA-256
of its canonical content, so coded output can name exactly which codebook
produced it.

Bundled codebooks (``data/codebooks/``) are loaded by name:
``nfer_impacts`` (the default, :meth:`Codebook.nfer`), ``impact_level``,
``review_themes`` and ``attribution``.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import json
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from .._io import atomic_write_text, read_text, relative_hint, require_path, safe_yaml_load
from .._joins import place_hint
from .._words import _counted
from ..errors import InputError, Problem, ValidationError
from ..schema import (
    LABEL_MAX,
    META_KEYS,
    TITLE_MAX,
    did_you_mean,
    hidden_names,
    not_one_of,
    text_problem,
    too_long,
)
from ._cues import pattern_problem, split_parts

#: What a codebook given as a workbook, a Word document or a PDF should be (its codes cannot be read from a sheet).
CODEBOOK_ADVICE = ("write the codebook as YAML text (a .yaml file, UTF-8: see docs/codebook-format.md), or export it "
                   "from the qualitative analysis software as a REFI-QDA codebook (.qdc)")

__all__ = ["Codebook", "codebook_dirs", "available_codebooks", "FORMAT_VERSION"]

#: Version of the YAML layout this module reads and writes.
FORMAT_VERSION = 1

_ID = re.compile(r"[a-z][a-z0-9_]*")  # whole id (fullmatch): "morale\n" is none


def _id_expected(value: object) -> str:
    """What a codebook or code id that is not snake_case was expected to be, naming any hidden character, full-width
    letter or letter of another script that looks Latin in it (see :func:`impact.schema.id_problem`)."""
    from ..schema import id_problem, lookalike_names

    why = id_problem(value) if isinstance(value, str) else None
    if why is None and isinstance(value, str) and (held := lookalike_names(value)):  # wholly Cyrillic: "\u0441\u0430"
        why = f"ASCII letters (it holds {held})"
    if isinstance(value, bool):  # YAML 1.1 reads an unquoted yes, no, on, off, true or false as a truth value
        why = (f"text (YAML reads an unquoted yes, no, on, off, true or false as {str(value).lower()}, not as the word: "
               "put the id in quotes, or choose another)")
    return "a snake_case id" + (f": {why}" if why else "")


_TOP_KEYS = {"format_version", "id", "version", "title", "description", "source", "noun", "classes", "codes"}
_NOUN = re.compile(r"[A-Za-z][A-Za-z' -]*")  # a word or two a sentence can hold: "theme", "area of practice"
#: What the codes are called where a codebook does not say (the codes of impact the package was built for).
DEFAULT_NOUN = ("impact", "impacts")


def _plural(word: str) -> str:
    """'theme' -> 'themes', 'priority' -> 'priorities', 'approach' -> 'approaches' (the last word of a noun)."""
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    return word + ("es" if re.search(r"(s|x|z|ch|sh)$", word) else "s")
_CODE_KEYS = {"id", "parent", "label", "definition", "include", "exclude", "examples", "rules"}
_RULE_KEYS = {"phrases", "near", "weight"}
_NEAR_KEYS = {"terms", "with", "within", "weight", "ordered"}
_DEFAULT_NAME = "nfer_impacts"


#: (text, source) of the codebooks read from the package's own folder (:func:`codebook_dirs`) in this process.
_BUNDLED: set[tuple[str, str]] = set()


@functools.lru_cache(maxsize=32)
def _parsed(text: str, source: str) -> Any:
    """A codebook's YAML text parsed, once per process (parsing takes about 0.1 s): no aliases (billion laughs),
    bounded size and depth.

    A bundled codebook (package data, read by :meth:`Codebook.load` from :func:`codebook_dirs`) is parsed by
    libyaml's parser where PyYAML has it (:func:`_bundled_parse`, a tenth of the time); tests/test_codebook_parse.py
    checks that every bundled codebook parses the same both ways. Anything else, a user's file or text, is read by
    :func:`impact._io.safe_yaml_load` with its checks."""
    if (text, source) in _BUNDLED and getattr(yaml, "__with_libyaml__", False):
        return _bundled_parse(text)
    return safe_yaml_load(text, source=source)


def _shown(value: str | bytes | os.PathLike) -> str:
    """A name or path given where a codebook's spec goes, as text for a message."""
    return value.decode(errors="replace") if isinstance(value, bytes) else os.fspath(value)


def _names_codebook(text: str) -> bool:
    """Whether one line of text given as a codebook's YAML is rather its name or the path of its file."""
    return (text in available_codebooks() or Path(text).suffix.lower() in {".yaml", ".yml", ".qdc"}
            or os.path.lexists(os.path.expanduser(text)))


def _bundled_parse(text: str) -> Any:
    """A bundled codebook's YAML text parsed by libyaml, with PyYAML's safe constructor and resolver (the Python
    parser's values); only for the package's own files, which hold no alias and no key twice (the test above)."""
    return yaml.load(text, Loader=yaml.CSafeLoader)  # noqa: S506 - a safe loader


@functools.lru_cache(maxsize=32)
def _checked(text: str, source: str) -> tuple[tuple[Problem, ...], dict[str, Any] | None]:
    """The problems of a codebook's parsed YAML text (a mapping) and, where there are none, its normalised spec, once
    per process: checking the bundled impacts codebook's rules takes about 13 ms, and a report loads the bundled
    codebooks a dozen times. Callers copy the spec before handing it out (a codebook may be edited)."""
    spec = _parsed(text, source)
    problems = tuple(_validate(spec, source))
    return tuple(_on_their_lines(list(problems), text, source)), None if problems else _normalise(spec)


def _on_their_lines(problems: list[Problem], text: str, source: str) -> list[Problem]:
    """``problems`` of the codebook read from the YAML ``text`` each given the line of the key or item it is about
    (the text read again for its lines, only where there is a problem)."""
    if not problems:
        return problems
    return safe_yaml_load(text, source=source, lines=True)[1].placed(problems, source)


def codebook_dirs() -> list[Path]:
    """Folders searched for bundled codebooks: the package data ``impact._bundle/codebooks``.

    In a source checkout that is ``data/codebooks`` (setup.cfg maps the package
    onto ``data/``); in an installed wheel, the copy inside the package.

    Examples
    --------
    >>> any(d.name == "codebooks" for d in codebook_dirs())
    True
    """
    from .. import bundled_path

    return [bundled_path("codebooks")]


def available_codebooks() -> list[str]:
    """Names of the bundled codebooks that can be loaded by name.

    Returns
    -------
    list of str
        The bundled codebooks' names, sorted.

    Examples
    --------
    >>> "nfer_impacts" in available_codebooks()
    True
    """
    names: set[str] = set()
    for folder in codebook_dirs():
        if folder.is_dir():
            names.update(p.stem for p in folder.glob("*.yaml"))
    return sorted(names)


class Codebook:
    """A versioned, hierarchical set of codes.

    Parameters
    ----------
    spec : mapping
        The parsed YAML document (see ``docs/codebook-format.md``).  It is
        validated; every problem found is reported at once.
    source : str, optional
        Where the codebook came from, used in error messages.

    Attributes
    ----------
    id, version, title, description : str
    hash : str
        SHA-256 (hex) of the canonical JSON of the content.
    codes : pandas.DataFrame
        One row per code: ``code_id``, ``parent``, ``label``, ``definition``,
        ``include``, ``exclude``, ``examples`` (";"-joined), ``depth``,
        ``n_rules``.

    Raises
    ------
    impact.ValidationError
        If the document breaks the format (lists every problem).

    Examples
    --------
    >>> cb = Codebook.nfer()
    >>> cb.id, list(cb.codes["code_id"])[:2]
    ('nfer_impacts', ['commitment', 'plans_actions'])
    >>> len(cb.hash)
    64
    >>> Codebook.from_yaml(cb.to_yaml()).hash == cb.hash
    True
    """

    def __init__(self, spec: Mapping[str, Any], *, source: str = "codebook") -> None:
        if isinstance(spec, (str, bytes, os.PathLike)):  # Codebook("nfer"): "codebook:: 'str' - expected a mapping"
            raise TypeError(f"The value for `spec` must be a mapping (a codebook's keys: format_version, id, codes, "
                            f"...), but {type(spec).__name__} {_shown(spec)!r} was passed: a codebook is read by its "
                            f"name or file with impact.Codebook.load({_shown(spec)!r})"
                            f"{did_you_mean(_shown(spec), available_codebooks())}, from YAML text with "
                            "impact.Codebook.from_yaml(text).")
        problems = _validate(spec, source)
        if problems:
            raise ValidationError(problems, source=source)
        self._spec: dict[str, Any] = _normalise(spec)
        self.source = source

    # ------------------------------------------------------------ loading
    @classmethod
    def from_yaml(cls, text: str, *, source: str = "codebook YAML") -> Codebook:
        """Build a codebook from YAML text.

        Parameters
        ----------
        text : str
            The codebook as YAML (see docs/codebook-format.md).
        source : str, default "codebook YAML"
            What the messages name the text by (a file's path).

        Returns
        -------
        Codebook

        Raises
        ------
        impact.InputError
            If the text is not a YAML mapping.
        impact.ValidationError
            Listing every problem of the codebook (a missing key, a duplicate id, a bad rule).

        Examples
        --------
        >>> cb = Codebook.from_yaml('''
        ... format_version: 1
        ... id: tiny
        ... version: "0.1"
        ... codes:
        ...   - {id: a, label: A, definition: The first.}
        ...   - {id: a1, parent: a, label: A1, definition: A child of a.}
        ... ''')
        >>> cb.codes[["code_id", "parent", "depth"]].to_dict("records")
        [{'code_id': 'a', 'parent': '', 'depth': 0}, {'code_id': 'a1', 'parent': 'a', 'depth': 1}]
        """
        spec = _parsed(text, source)
        if spec is None:
            raise InputError(f"{source}: a codebook must be a YAML mapping, but the file holds nothing")
        if not isinstance(spec, Mapping):
            found = f"a list of {_counted(len(spec), 'item')}" if isinstance(spec, list) else f"the value {str(spec)[:60]!r}"
            named = (f" (a codebook's name or file, which is read with impact.Codebook.load({text.strip()!r}))"
                     if isinstance(spec, str) and "\n" not in text.strip() and _names_codebook(text.strip()) else "")
            raise InputError(f"{source}: a codebook must be a YAML mapping, but {found} was found{named}")
        # The same text is checked and normalised once per process (what __init__ does to a spec), and the memo's copy
        # is never handed out (a codebook may be edited).
        problems, normal = _checked(text, source)
        if problems:
            raise ValidationError(list(problems), source=source)
        book = cls.__new__(cls)
        book._spec, book.source = copy.deepcopy(normal), source
        book._yaml_text = text  # for a problem found later (an id holding a name) to name its line
        return book

    def _on_lines(self, problems: list[Problem]) -> list[Problem]:
        """``problems`` of this codebook each on the line of its YAML file where it was read from one (a codebook
        built from a mapping has no lines: its problems are as given)."""
        text = getattr(self, "_yaml_text", None)
        return problems if text is None else _on_their_lines(problems, text, self.source)

    @classmethod
    def load(cls, name_or_path: str | os.PathLike = _DEFAULT_NAME) -> Codebook:
        """Load a bundled codebook by name, a codebook YAML file, or a REFI-QDA ``.qdc`` by path.

        A ``.qdc`` (written by NVivo, ATLAS.ti, MAXQDA or :func:`impact.qdpx.write_qdc`)
        becomes a codebook of its codes (see :func:`impact.qdpx.codebook_from_project`):
        ids exported by :mod:`impact` are kept, other codes get ids made from
        their names; its id is made from the file name.

        Parameters
        ----------
        name_or_path : str or path, default "nfer_impacts"
            A bundled codebook's name (:func:`available_codebooks`), or the
            path of a codebook YAML file or a ``.qdc``.  A :class:`Codebook`
            is returned as it is.

        Returns
        -------
        Codebook

        Raises
        ------
        TypeError
            If ``name_or_path`` is neither a name nor a path (a number, None).
        impact.InputError
            If the name is not a bundled codebook and no such file exists
            (the message lists the available names).
        impact.ValidationError
            If the file is not a valid codebook (every problem listed).

        Examples
        --------
        >>> Codebook.load("attribution").codes["code_id"].tolist()[:2]
        ['review', 'other_factor']
        """
        return cls._loaded(name_or_path, "name_or_path")

    @classmethod
    def _loaded(cls, name_or_path: Any, argument: str, *, study_folder: str | os.PathLike | None = None) -> Codebook:
        """:meth:`load`, its messages naming ``argument``: the name the caller gave the codebook by (``codebook`` for a
        coder's or :meth:`for_study`'s), so one wrong value is not told under two names."""
        if isinstance(name_or_path, Codebook):
            return name_or_path
        require_path(name_or_path, argument, f"a bundled codebook {available_codebooks()} or a codebook file")
        text = os.fspath(name_or_path)
        path = Path(text)
        if path.suffix.lower() == ".qdc":  # a REFI-QDA codebook (NVivo, ATLAS.ti, MAXQDA...)
            from ..qdpx import codebook_from_project, read_qdc

            return codebook_from_project(read_qdc(path), codebook_id=_codebook_id(path.stem))
        if path.suffix.lower() in {".yaml", ".yml"} or os.sep in text or "/" in text:
            if not path.is_file():  # a pipe was "does not exist"
                what = "is a folder" if path.is_dir() else "is not a regular file (a device or a pipe)" \
                    if path.exists() else "does not exist"
                raise InputError(f"codebook file {text} {what}"
                                 f"{relative_hint(text, study_folder=study_folder) if what == 'does not exist' else ''}")
            # a workbook or a PDF given for a codebook: the reader's advice is YAML, not "a table as CSV"
            return cls.from_yaml(read_text(path, advice=CODEBOOK_ADVICE), source=str(path))
        for folder in codebook_dirs():
            candidate = folder / f"{text}.yaml"
            if candidate.is_file():
                content = read_text(candidate)
                _BUNDLED.add((content, candidate.name))
                return cls.from_yaml(content, source=candidate.name)
        found = (f" ({text} is a folder)" if path.is_dir() else f" ({text} is a file, but not a .yaml or .qdc codebook)"
                 if path.exists() else did_you_mean(text, available_codebooks(), words=True))
        raise InputError(
            f"The value for `{argument}` must be one of {available_codebooks()} or a path to a "
            f"codebook YAML file, but {text!r} was passed{found}."
        )

    @classmethod
    def for_study(cls, study: Any, codebook: Any = None) -> Codebook:
        """The codebook to code a study with: ``codebook`` if given, else the one its ``study.yaml`` names.

        A codebook file ``study.yaml`` names is a file inside the study folder,
        whatever the current folder holds (``impact validate`` checks it is
        there).  A ``codebook`` passed here is a :class:`Codebook`, a bundled
        name or a path as given (relative to the current folder); a relative
        path that names no file there is looked for in the study folder.

        Parameters
        ----------
        study : impact.Study
            Its ``root`` (the folder, or None for a study made in memory) and
            ``codebook_ref`` are read.
        codebook : Codebook, str or path, optional

        Returns
        -------
        Codebook

        Raises
        ------
        impact.InputError
            If the codebook cannot be found or read.
        TypeError
            If ``codebook`` is neither a Codebook, a name nor a path.

        Examples
        --------
        >>> import impact
        >>> Codebook.for_study(impact.load_study(impact.example_path())).id
        'nfer_impacts'
        """
        if isinstance(codebook, Codebook):
            return codebook
        root = getattr(study, "root", None)
        if codebook is not None:
            if not isinstance(codebook, (str, os.PathLike)):  # os.fspath said only "expected str, bytes or ..."
                raise TypeError(f"The value for `codebook` must be a Codebook, a bundled codebook's name or a path, but "
                                f"{type(codebook).__name__} was passed.")
            text = os.fspath(codebook)
            if root is not None and not Path(text).is_absolute() and not Path(text).exists() \
                    and (Path(root) / text).is_file():
                text = os.fspath(Path(root) / text)
            return cls._loaded(text, "codebook", study_folder=root)
        ref = str(getattr(study, "codebook_ref", None) or _DEFAULT_NAME)
        looks_like_path = ref.lower().endswith((".yaml", ".yml")) or "/" in ref or "\\" in ref
        if root is not None and looks_like_path:
            # Never the current folder's file of that name: it would code the study with another codebook.
            return cls.load(Path(root) / ref.replace("\\", "/"))
        return cls.load(ref)

    @classmethod
    def nfer(cls) -> Codebook:
        """The default codebook: the six impacts named by NFER (2011).

        Returns
        -------
        Codebook

        Examples
        --------
        >>> Codebook.nfer().codes["code_id"].tolist()
        ['commitment', 'plans_actions', 'learning', 'policies_systems', 'morale', 'partnership']
        """
        return cls.load(_DEFAULT_NAME)

    def to_yaml(self, path: str | os.PathLike | None = None) -> str:
        """Return the codebook as YAML text; also write it (atomically) to ``path`` if given.

        Parameters
        ----------
        path : str or path, optional
            A file to write the YAML to as well.

        Returns
        -------
        str
            The YAML text.

        Examples
        --------
        >>> import impact
        >>> book = impact.Codebook.load("nfer_impacts")
        >>> again = impact.Codebook.from_yaml(book.to_yaml())  # to_yaml(path) writes the file
        >>> again.leaf_codes() == book.leaf_codes()
        True
        """
        text = yaml.safe_dump(self._spec, sort_keys=False, allow_unicode=True, width=100)
        if path is not None:
            atomic_write_text(path, text)
        return text

    # ------------------------------------------------------------ content
    @property
    def id(self) -> str:
        return self._spec["id"]

    @property
    def version(self) -> str:
        return self._spec["version"]

    @property
    def title(self) -> str:
        return self._spec.get("title", "")

    @property
    def description(self) -> str:
        return self._spec.get("description", "")

    @property
    def noun(self) -> tuple[str, str]:
        """What the codes are, in a sentence, singular and plural: the codebook's ``noun``, else ('impact', 'impacts').

        A report names its codes by it ("the themes most often reported", not "the impacts").

        Examples
        --------
        >>> Codebook.load("review_themes").noun, Codebook.nfer().noun
        (('theme', 'themes'), ('impact', 'impacts'))
        """
        given = self._spec.get("noun")
        if not given:
            return DEFAULT_NOUN
        return (given[0], given[1]) if isinstance(given, list) else (given, _plural(given))

    @property
    def hash(self) -> str:
        canonical = json.dumps(self._spec, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    @property
    def classes(self) -> dict[str, list[str]]:
        """Named term lists that rules refer to as ``"@name"``."""
        return {k: list(v) for k, v in self._spec.get("classes", {}).items()}

    @property
    def code_ids(self) -> list[str]:
        return [c["id"] for c in self._spec["codes"]]

    @property
    def codes(self) -> pd.DataFrame:
        by_id = {c["id"]: c for c in self._spec["codes"]}
        rows = []
        for c in self._spec["codes"]:
            rules = c.get("rules", {})
            rows.append({
                "code_id": c["id"],
                "parent": c.get("parent", ""),
                "label": c.get("label", ""),
                "definition": c.get("definition", ""),
                "include": c.get("include", ""),
                "exclude": c.get("exclude", ""),
                "examples": ";".join(c.get("examples", [])),
                "depth": _depth(c["id"], by_id),
                "n_rules": len(rules.get("phrases", [])) + len(rules.get("near", [])),
            })
        return pd.DataFrame(rows, columns=[
            "code_id", "parent", "label", "definition", "include", "exclude", "examples", "depth", "n_rules",
        ])

    def code(self, code_id: str) -> dict[str, Any]:
        """The full specification of one code (a copy).

        Parameters
        ----------
        code_id : str
            One of :attr:`code_ids`.

        Returns
        -------
        dict
            The code's keys as the YAML gives them (``id``, ``label``, ``definition``, ...).

        Raises
        ------
        impact.InputError
            If ``code_id`` is not a code of the codebook.

        Examples
        --------
        >>> import impact
        >>> book = impact.Codebook.load("nfer_impacts")
        >>> book.code("morale")["label"]
        'Improvement in staff morale and relations'
        """
        for c in self._spec["codes"]:
            if c["id"] == code_id:
                return json.loads(json.dumps(c))
        raise InputError(not_one_of("code_id", code_id, self.code_ids,
                                    hint=place_hint(code_id, self.code_ids, "code", "codebook.code_ids", series=False)))

    def children(self, code_id: str) -> list[str]:
        """Ids of the direct children of ``code_id``.

        Parameters
        ----------
        code_id : str
            A code of the codebook.

        Returns
        -------
        list of str
            In codebook order (empty for a leaf code or an id the codebook lacks).

        Examples
        --------
        >>> import impact
        >>> themes = impact.Codebook.load("review_themes")
        >>> themes.children("core")[:2]
        ['outcomes', 'vision_strategy_leadership']
        """
        self._refuse_no_id(code_id)
        return [c["id"] for c in self._spec["codes"] if c.get("parent", "") == code_id]

    def _refuse_no_id(self, code_id: object) -> None:
        """Refuse a ``code_id`` that is no code's id by its kind (a number, a place: ``children(3)``), which an id the
        codebook lacks is not: :meth:`children` and :meth:`top_code` read one as a code without children or parent."""
        hint = place_hint(code_id, self.code_ids, "code", "codebook.code_ids", series=False)
        if hint or not isinstance(code_id, str):
            raise InputError(not_one_of("code_id", code_id, self.code_ids, hint=hint))

    def top_codes(self) -> list[str]:
        """Ids of the codes without a parent, in codebook order.

        Returns
        -------
        list of str

        Examples
        --------
        >>> import impact
        >>> book = impact.Codebook.load("nfer_impacts")
        >>> book.top_codes()
        ['commitment', 'plans_actions', 'learning', 'policies_systems', 'morale', 'partnership']
        """
        return [c["id"] for c in self._spec["codes"] if not c.get("parent", "")]

    def top_code(self, code_id: str) -> str:
        """The top-level code ``code_id`` falls under (itself for a top-level code or an id the codebook lacks).

        Parameters
        ----------
        code_id : str
            A code id.

        Returns
        -------
        str

        Examples
        --------
        >>> themes = Codebook.load("review_themes")
        >>> themes.top_code("outcomes"), themes.top_code("core"), themes.top_code("zz")
        ('core', 'core', 'zz')
        """
        self._refuse_no_id(code_id)
        parents = {c["id"]: c.get("parent", "") for c in self._spec["codes"]}
        seen = set()
        while parents.get(code_id) and code_id not in seen:
            seen.add(code_id)
            code_id = parents[code_id]
        return code_id

    def leaf_codes(self) -> list[str]:
        """Ids of the codes without children (the codes a coder assigns), in codebook order.

        Returns
        -------
        list of str

        Examples
        --------
        >>> import impact
        >>> book = impact.Codebook.load("nfer_impacts")
        >>> "morale" in book.leaf_codes()
        True
        """
        parents = {c.get("parent", "") for c in self._spec["codes"]}
        return [c["id"] for c in self._spec["codes"] if c["id"] not in parents]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Codebook) and other.hash == self.hash

    def __hash__(self) -> int:
        return hash(self.hash)

    def __repr__(self) -> str:
        return f"Codebook(id={self.id!r}, version={self.version!r}, codes={len(self.code_ids)}, hash={self.hash[:12]!r})"


def _codebook_id(stem: str) -> str:
    """A codebook id made from a file name: lower-case letters, digits and underscores."""
    slug = re.sub(r"[^a-z0-9]+", "_", stem.lower()).strip("_")
    return slug if slug[:1].isalpha() else f"codebook_{slug}".rstrip("_")


def _depth(code_id: str, by_id: dict[str, dict]) -> int:
    depth, seen = 0, {code_id}
    parent = by_id[code_id].get("parent", "")
    while parent:
        depth += 1
        if parent in seen or parent not in by_id:
            break
        seen.add(parent)
        parent = by_id[parent].get("parent", "")
    return depth


def _normalise(spec: Mapping[str, Any]) -> dict[str, Any]:
    """A plain, JSON-serialisable copy with defaults filled in and key order fixed."""
    out: dict[str, Any] = {
        "format_version": int(spec.get("format_version", FORMAT_VERSION)),
        "id": str(spec["id"]),
        "version": str(spec["version"]),
    }
    for key in ("title", "description", "source"):
        if spec.get(key):
            out[key] = str(spec[key]).strip()
    if spec.get("noun"):  # left out where not given: a codebook without it keeps its hash
        noun = spec["noun"]
        out["noun"] = [str(w).strip() for w in noun] if isinstance(noun, list) else str(noun).strip()
    if spec.get("classes"):
        out["classes"] = {str(k): [str(t) for t in v] for k, v in spec["classes"].items()}
    codes = []
    for c in spec["codes"]:
        code: dict[str, Any] = {"id": str(c["id"]), "parent": str(c.get("parent") or "")}
        for key in ("label", "definition", "include", "exclude"):
            code[key] = str(c.get(key) or "").strip()
        code["examples"] = [str(e) for e in (c.get("examples") or [])]
        if c.get("rules"):
            code["rules"] = json.loads(json.dumps(c["rules"]))
        codes.append(code)
    out["codes"] = codes
    return out


def _validate(spec: Mapping[str, Any], source: str) -> list[Problem]:
    problems: list[Problem] = []

    def bad(column: str, value: object, expected: str) -> None:
        problems.append(Problem(source, None, column, None if value is None else str(value), expected))

    if not isinstance(spec, Mapping):
        bad("", type(spec).__name__, "a mapping")
        return problems
    study_only = sorted(set(map(str, spec)) - set(_TOP_KEYS))
    if "codes" not in spec and study_only and set(map(str, spec)) <= set(META_KEYS):
        # a study's study.yaml given where a codebook goes (--codebook study.yaml) listed nine key problems, none
        # saying what the file is
        problems.append(Problem(source, None, None, None, "a codebook (id, version and codes: "
                                f"docs/codebook-format.md), but this is a study's study.yaml (its keys are a study's: "
                                f"{', '.join(study_only)} belong to no codebook, and it has no codes) - give a "
                                "codebook's id "
                                "(such as nfer_impacts) or a codebook's YAML file"))
        return problems
    for key in spec:
        if key not in _TOP_KEYS:
            bad(str(key), key, f"one of the keys {sorted(_TOP_KEYS)}{did_you_mean(str(key), _TOP_KEYS)}")
    if spec.get("format_version", FORMAT_VERSION) != FORMAT_VERSION:
        bad("format_version", spec.get("format_version"), f"{FORMAT_VERSION}")
    if not isinstance(spec.get("id"), str) or not _ID.fullmatch(spec.get("id", "")):
        bad("id", spec.get("id"), _id_expected(spec.get("id")))
    if spec.get("version") in (None, ""):
        bad("version", spec.get("version"), "a version string such as '1.0'")
    elif isinstance(spec["version"], float):  # 1.10 would be recorded as "1.1", and 2.0 as 2.0 or "2" by other readers
        bad("version", spec["version"], "a version string in quotes, such as \"1.10\" (YAML reads an unquoted 1.10 "
                                        "as the number 1.1)")
    for key in ("version", "title", "description", "source"):
        _check_text(spec.get(key), key, bad, one_line=key in ("version", "title"),
                    limit=(TITLE_MAX, "a codebook's title") if key == "title" else None)
    noun = spec.get("noun")
    words = noun if isinstance(noun, list) and len(noun) == 2 else [noun]
    if noun is not None and not all(isinstance(w, str) and _NOUN.fullmatch(w.strip()) for w in words):
        bad("noun", noun, "what the codes are called, in lower case as in a sentence: a word such as theme (its plural "
                          "made by adding s), or a list of the singular and the plural, such as [area of practice, "
                          "areas of practice]")
    classes = spec.get("classes") or {}
    if not isinstance(classes, Mapping) or not all(isinstance(v, list) for v in classes.values()):
        bad("classes", classes, "a mapping of class name to a list of terms")
        classes = {}
    for name in classes:
        if not isinstance(name, str) or not re.fullmatch(r"[^\s@]+", name):
            bad(f"classes.{name}", name, "a class name of one word, without '@' (rules name a class as '@name', "
                                         f"one word{_typed(name)})")
    for name, terms in classes.items():
        for i, t in enumerate(terms):
            at = f"classes.{name}[{i}]" if len(terms) > 1 else f"classes.{name}"
            if not isinstance(t, str) or not t.strip():
                bad(at, t, "a non-empty string")
            elif t.startswith("@"):  # a class naming a class (itself, or a loop) would never resolve
                bad(at, t, "a term (a class cannot refer to a class)")
            elif (problem := pattern_problem(t)) is not None:
                bad(at, t, problem)
    codes = spec.get("codes")
    if not isinstance(codes, list) or not codes:
        bad("codes", codes, "a non-empty list of codes")
        return problems
    ids = [c.get("id") if isinstance(c, Mapping) else None for c in codes]
    labelled: dict[str, int] = {}  # a label as a reader tells labels apart (case, spaces) -> its first code
    for i, c in enumerate(codes):
        where = f"codes[{i}]"
        if not isinstance(c, Mapping):
            bad(where, c, "a mapping with id, label and definition")
            continue
        for key in c:
            if key not in _CODE_KEYS:
                bad(f"{where}.{key}", key, f"one of the keys {sorted(_CODE_KEYS)}{did_you_mean(str(key), _CODE_KEYS)}")
        if "id" not in c:  # left out, or its key mistyped (told above, with the key meant)
            bad(f"{where}.id", None, "an id (this code has none)")
        elif not isinstance(c.get("id"), str) or not _ID.fullmatch(c.get("id", "")):
            bad(f"{where}.id", c.get("id"), _id_expected(c.get("id")))
        elif ids.count(c["id"]) > 1:
            bad(f"{where}.id", c["id"], "an id used only once")
        if not isinstance(c.get("label"), str) or not c["label"].strip():
            bad(f"{where}.label", c.get("label"), "a non-empty label (text)")
        elif _check_text(c["label"], f"{where}.label", bad, one_line=True, limit=(LABEL_MAX, "a code's label")):
            pass  # told: a label with a control character or over two lines
        elif (same := labelled.setdefault(" ".join(c["label"].split()).casefold(), i)) != i:
            bad(f"{where}.label", c["label"], f"a label no other code has (codes[{same}], {codes[same].get('id')}, is "
                f"labelled {codes[same]['label']!r}): a report names codes by their label, so the two could not be "
                "told apart")
        for key in ("definition", "include", "exclude"):
            if c.get(key) is not None and not isinstance(c[key], str):
                bad(f"{where}.{key}", c[key], "text")
            else:
                _check_text(c.get(key), f"{where}.{key}", bad)
        parent = c.get("parent") or ""
        if parent and not isinstance(parent, str):
            bad(f"{where}.parent", parent, "the id of one other code (a code has one parent, written as its id: "
                                           f"{_kind(parent)} was given)")
        elif parent and parent == c.get("id"):
            bad(f"{where}.parent", parent, f"the id of another code ({parent} names itself as its parent: leave "
                                           "parent out for a top-level code)")
        elif parent and parent not in ids:
            bad(f"{where}.parent", parent, f"the id of another code ({', '.join(map(str, ids))})")
        examples = c.get("examples", []) or []
        if not isinstance(examples, list) or not all(isinstance(e, str) for e in examples):
            bad(f"{where}.examples", c.get("examples"), "a list of strings")
        else:
            for j, e in enumerate(examples):
                _check_text(e, f"{where}.examples[{j}]" if len(examples) > 1 else f"{where}.examples", bad)
        problems += _validate_rules(c.get("rules"), f"{where}.rules", classes, source)
    problems += _cycles(codes, source)
    return problems


def _gap_parts(term: str) -> list[str]:
    """The parts of a term between its '~N' gaps (one part if it has none or cannot be split)."""
    try:
        return split_parts(term)[0]
    except ValueError:
        return [term]


def _validate_rules(rules: Any, where: str, classes: Mapping, source: str) -> list[Problem]:
    if rules is None:
        return []
    problems: list[Problem] = []

    def bad(column: str, value: object, expected: str) -> None:
        problems.append(Problem(source, None, column, str(value), expected))

    defined = f"a defined class ({', '.join('@' + k for k in classes) or 'none defined'})"

    def check_terms(column: str, terms: Any, *, phrase: bool = False) -> None:
        if isinstance(terms, str):
            terms = [terms]
        if not isinstance(terms, list) or not terms:
            bad(column, terms, "a term, a list of terms or a class reference '@name'")
            return
        for i, t in enumerate(terms):
            at = f"{column}[{i}]" if len(terms) > 1 else column
            if not isinstance(t, str) or not t.strip():
                bad(at, t, "a non-empty string")
            elif t.startswith("@") and len(t.split()) == 1:
                if t[1:] not in classes:
                    bad(at, t, defined)
                elif phrase:
                    check_class_in_phrase(at, t, t[1:])
            elif t.startswith("@") and not phrase:  # a near rule reads a term starting with '@' as one class name
                bad(at, t, f"a class reference {t.split()[0]!r} alone as a near term (a near term starting with "
                           "'@' is read whole as the name of a class): start the term with a word, or list the "
                           "class's terms in it")
            elif (problem := pattern_problem(t)) is not None:
                bad(at, t, problem)
            else:
                check_references(at, t, phrase=phrase)

    def check_references(at: str, t: str, *, phrase: bool) -> None:
        """A class named inside a term: a part of its own between '~N' gaps ("work ~1 @improve"), and defined."""
        parts = split_parts(t)[0]
        for part in parts:
            words = part.split()
            for word in (w for w in words if w.startswith("@")):
                if len(words) > 1:  # the matcher reads it as the word itself, without the '@'
                    bad(at, t, f"a class reference {word!r} alone between '~N' gaps (next to other words it is "
                               f"read as the word {word[1:]!r}): write {t.replace(word, '~0 ' + word, 1)!r}")
                elif word[1:] not in classes:
                    bad(at, t, defined)
                elif phrase or len(parts) > 1:
                    check_class_in_phrase(at, t, word[1:])

    def check_class_in_phrase(at: str, t: str, name: str) -> None:
        """A phrase, or a part of a chain, reads a class's terms as contiguous words: a '~N' in one is read as a word."""
        gapped = [term for term in classes[name] if isinstance(term, str) and len(_gap_parts(term)) > 1]
        if gapped:
            gap = next(w for w in gapped[0].split() if w.startswith("~"))
            bad(at, t, f"a class without '~N' gaps in a phrase or a chain (@{name} holds {gapped[0]!r}, whose "
                       f"{gap!r} is read here as a word): write that term out in the rule")

    if not isinstance(rules, Mapping):
        bad(where, rules, "a mapping with phrases and/or near")
        return problems
    for key in rules:
        if key not in _RULE_KEYS:
            bad(f"{where}.{key}", key, f"one of the keys {sorted(_RULE_KEYS)}{did_you_mean(str(key), _RULE_KEYS)}")
    if "phrases" in rules:
        check_terms(f"{where}.phrases", rules["phrases"], phrase=True)
    if "phrases" not in rules and "near" not in rules:
        bad(where, dict(rules), "phrases and/or near (rules with neither match nothing, so the code is never given: "
                                "write some, or leave rules out for a code given by hand only)")
    nears = rules.get("near", []) or []
    if not isinstance(nears, list):
        bad(f"{where}.near", nears, "a list of mappings with terms, with and within (write each under '- ')")
        nears = []
    for j, near in enumerate(nears):
        col = f"{where}.near[{j}]"
        if not isinstance(near, Mapping) or "terms" not in near or "with" not in near:
            bad(col, near, "a mapping with terms, with and within")
            continue
        for key in near:
            if key not in _NEAR_KEYS:
                bad(f"{col}.{key}", key, f"one of the keys {sorted(_NEAR_KEYS)}{did_you_mean(str(key), _NEAR_KEYS)}")
        check_terms(f"{col}.terms", near["terms"])
        check_terms(f"{col}.with", near["with"])
        within = near.get("within", 6)
        if not isinstance(within, int) or isinstance(within, bool) or not 0 <= within <= 30:
            bad(f"{col}.within", within, "an integer number of words between 0 and 30")
        if not isinstance(near.get("ordered", False), bool):
            bad(f"{col}.ordered", near["ordered"], "true or false, without quotes (any other value, 'false' in quotes "
                                                   "too, would be read as true)")
    for col, w in [(f"{where}.weight", rules.get("weight", 0.8))] + [
        (f"{where}.near[{j}].weight", n.get("weight", 0.6)) for j, n in enumerate(nears) if isinstance(n, Mapping)
    ]:
        if not isinstance(w, int | float) or isinstance(w, bool) or not 0 < w <= 1:
            bad(col, w, "a weight in (0, 1]")
    return problems


def _kind(value: object) -> str:
    """What YAML read a value as: 'a list', 'a mapping', 'a truth value', 'a number', 'a date' or 'text'."""
    kinds = ((bool, "a truth value"), (int | float, "a number"), (list, "a list"), (Mapping, "a mapping"), (str, "text"))
    return next((said for kind, said in kinds if isinstance(value, kind)), f"a {type(value).__name__}")


def _typed(value: object) -> str:
    """A note on a value YAML read as something other than text (``"; 5 is read as a number"``), or ''."""
    return "" if isinstance(value, str) else f"; {value!r} is read as {_kind(value)}"


def _check_text(value: object, column: str, bad, *, one_line: bool = False,
                limit: tuple[int, str] | None = None) -> bool:
    """Tell ``bad`` of a codebook's text (a label, a definition, an example) holding control characters, or a line
    break where it is shown on one line (a label, a title, the version), or a character no one sees (a byte-order
    mark, a zero-width space, a direction mark: refused in terms too), or longer than ``limit`` (its most characters
    and what it is, :func:`impact.schema.too_long`), or of a list or mapping given for it; True where it was told."""
    if isinstance(value, list | Mapping):
        bad(column, value, f"text ({_kind(value)} was given)")
        return True
    if isinstance(value, str) and (expected := text_problem(value, one_line=one_line)) is not None:
        bad(column, value, expected)
        return True
    # a byte-order mark, a zero-width space, a soft hyphen or a direction mark pasted in: the rule of the terms
    # (pattern_problem), for every text a reader sees: two labels that look the same would differ, unseen
    if isinstance(value, str) and (held := hidden_names(value, formats_only=True)) is not None:
        bad(column, value, f"text without invisible characters (it holds {held}, which no one sees: the text shown "
                           f"is not the text read, {''.join(ch for ch in value if ch.isprintable())!r} as it looks; "
                           "retype it)")
        return True
    if isinstance(value, str) and limit is not None and (expected := too_long(value, *limit)) is not None:
        bad(column, value, expected)
        return True
    return False


def _cycles(codes: list, source: str) -> list[Problem]:
    """One problem for each loop of parents (a -> b -> a), on the ``parent`` of its first code in the file; a code
    naming itself as its parent, or a parent that is no code's id or no text, is told where it stands."""
    at = {c.get("id"): i for i, c in enumerate(codes) if isinstance(c, Mapping) and isinstance(c.get("id"), str)}
    parents = {code_id: codes[i].get("parent") or "" for code_id, i in at.items()}
    parents = {k: v for k, v in parents.items() if isinstance(v, str) and v in at and v != k}
    problems, told = [], set()
    for code_id in parents:
        path, node = [], code_id
        while node in parents and node not in path and node not in told:
            path.append(node)
            node = parents[node]
        if node in path:  # a loop, from node round to node
            loop = path[path.index(node):]
            told.update(loop)
            first = min(loop, key=at.__getitem__)
            loop = loop[loop.index(first):] + loop[:loop.index(first)]
            problems.append(Problem(source, None, f"codes[{at[first]}].parent", parents[first], (
                f"a code tree without loops ({' -> '.join(loop + [first])}: none of them has a top code; leave "
                "parent out of one of them, or name a code outside the loop)")))
        told.update(path)
    return problems

"""Exceptions and warnings raised by :mod:`impact`.

Every data problem is a :class:`Problem` that names the file, the row (1-based,
counting the header as row 1, as a spreadsheet shows it; in a YAML file, study.yaml
or a codebook, the line), the column (in a YAML file, the path to the key or item),
the value found and what was expected.  Validation collects *all* problems before raising
one :class:`ValidationError` that lists them.
"""

from __future__ import annotations

import contextlib
import errno
import sys
import unicodedata
import warnings
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ._words import _counted

#: What to do about a file-system error, by errno.
OS_ADVICE = {
    errno.EROFS: "the file system is read-only - choose a folder you can write to",
    errno.ENOSPC: "the disk is full - free some space or choose another disk",
    errno.EDQUOT: "your disk quota is used up - free some space or choose another disk",
    errno.EFBIG: ("the file would be larger than this disk or your file-size limit (ulimit -f) allows - choose "
                  "another disk, or raise the limit"),
    errno.EACCES: "permission denied - choose a folder you can write to, or ask for access",
    errno.EPERM: "operation not permitted - choose a folder you can write to, or ask for access",
    errno.ENOENT: "no such file or folder - check the path",
    errno.ENOTDIR: "a part of the path is a file, not a folder - check the path",
    errno.EISDIR: "is a folder - expected a file",
    errno.EEXIST: "already exists - choose another name",
    errno.ENAMETOOLONG: "the name is too long - choose a shorter path",
    errno.ELOOP: "too many symbolic links - check the path",
    errno.EMFILE: "too many open files - close other programs or raise the limit (ulimit -n)",
    errno.ENOTEMPTY: "the folder is not empty",
    errno.EXDEV: "cannot move between file systems - keep the output folder on one disk",
    errno.EIO: "an input/output error from the disk - check the disk",
    errno.EBUSY: "in use (a mount point, or open in another program) - choose another folder",
}

__all__ = [
    "Problem",
    "capped_lines",
    "collapse_problems",
    "MAX_SHOWN_PER_FILE",
    "ImpactError",
    "ValidationError",
    "InputError",
    "OutputFolderError",
    "UnknownIdError",
    "ImpactWarning",
    "StatisticalWarning",
    "SmallSampleWarning",
    "AttritionWarning",
    "FolderBusyWarning",
    "recorded_warnings",
    "show_warnings_plainly",
]


@dataclass(frozen=True)
class Problem:
    """One problem found in an input.

    Parameters
    ----------
    file : str
        File the problem is in (relative to the study folder where possible).
    row : int or None
        Spreadsheet-style row number: the header is row 1, the first data row 2.  In a YAML file (study.yaml, a
        codebook), the line (1-based) of the key or list item the problem is about, or of the mapping a missing key
        belongs in.
    column : str or None
        Column holding the bad value; in a YAML file, the path to the key or item (``waves[1].window_days``, list
        items counted from 0).
    value : str or None
        The value found, shortened for display.
    expected : str
        What was expected instead.
    severity : {"error", "warning"}
        Warnings (such as attrition) do not make a study invalid.

    Examples
    --------
    >>> from impact import Problem
    >>> p = Problem("councils.csv", 3, "ons_code", "E0900000", "a 9-character ONS code such as E09000002")
    >>> p.as_dict()["row"], p.severity
    (3, 'error')
    """

    file: str
    row: int | None
    column: str | None
    value: str | None
    expected: str
    severity: str = "error"

    @property
    def found(self) -> str | None:
        """The value found (``value``), by the name the records of :attr:`ValidationError.records` give it."""
        return self.value

    def as_dict(self) -> dict[str, object]:
        """The problem as one record: ``file``, ``row``, ``column``, ``expected``, ``found``, ``severity`` (for a
        table, JSON or a log).

        Returns
        -------
        dict

        Examples
        --------
        >>> Problem("interviews.csv", 12, "wave", "erly", "a wave of study.yaml").as_dict()
        {'file': 'interviews.csv', 'row': 12, 'column': 'wave', 'expected': 'a wave of study.yaml', 'found': 'erly', 'severity': 'error'}
        """
        return {"file": self.file, "row": self.row, "column": self.column, "expected": self.expected,
                "found": self.value, "severity": self.severity}

    @property
    def where(self) -> str:
        """``file:row:column``, as far as known: where the problem is, without the value found there.

        Examples
        --------
        >>> Problem("interviews.csv", 12, "wave", "erly", "a wave of study.yaml").where
        'interviews.csv:12:wave'
        """
        where = self.file
        if self.row is not None:
            where += f":{self.row}"
        if self.column is not None:  # a name holding a line break or a control character shown escaped: one line
            where += ":" + "".join(c.encode("unicode_escape").decode() if unicodedata.category(c) in _BREAKING else c
                                   for c in self.column)
        return where

    @property
    def kind(self) -> str:
        """``file:column`` (or the file alone): the problems of one kind are in one column of one file, on any row.

        Examples
        --------
        >>> Problem("interviews.csv", 12, "wave", "erly", "a wave of study.yaml").kind
        'interviews.csv:wave'
        """
        return Problem(self.file, None, self.column, None, "").where

    def __str__(self) -> str:
        where = self.where
        value = "" if self.value is None else repr(_shorten(self.value))
        sep = " - " if value else " "
        prefix = "warning: " if self.severity == "warning" else ""
        return visible(f"{prefix}{where}: {value}{sep}expected {self.expected}".replace(":  ", ": "))


#: Unicode categories of the characters that break a message's line or stop it reading as text (control characters,
#: line and paragraph separators).
_BREAKING = frozenset({"Cc", "Zl", "Zp"})


def visible(text: str) -> str:
    r"""``text`` with each character that shows as nothing, or as another, written as Python escapes it (a zero-width
    space as ``\u200b``, a no-break space as ``\xa0``, a right-to-left mark as ``\u200f``): a message quoting a
    path or a cell ("c\u200b: no such folder") says what it holds, not what it seems to ("c: no such folder").
    Escaped: every character Python does not print (:meth:`str.isprintable`: format and control characters,
    separators other than the space), except a line break and a tab, which lay a message out, and a name's bytes that
    are not text (kept as surrogates, shown as bytes where the message is printed).  Every message impact makes goes
    through it
    (:class:`Problem`, :class:`ImpactError`, :class:`ImpactWarning`, the command line's standard error).

    Examples
    --------
    >>> print(visible("c\u200b: no such folder"))
    c\u200b: no such folder
    >>> visible("Caf\u00e9 \u2013 line one\nline two") == "Caf\u00e9 \u2013 line one\nline two"  # text as it is
    True
    """
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch in "\n\t" or unicodedata.category(ch) == "Cs" else repr(ch)[1:-1]
                   for ch in text)


def _shorten(value: object, limit: int = 60) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


#: Problems shown per file before the rest are counted.
MAX_SHOWN_PER_FILE = 50


def capped_lines(problems: list[Problem], *, limit: int = MAX_SHOWN_PER_FILE, what: str = "problems") -> list[str]:
    """One line per problem, at most ``limit`` per file, then one line counting the rest of that file.

    Examples
    --------
    >>> capped_lines([Problem("a.csv", r, "x", "?", "a number") for r in (2, 3, 4)], limit=1)
    ["a.csv:2:x: '?' - expected a number", 'a.csv: ... and 2 more problems']
    """
    shown: dict[str, int] = defaultdict(int)
    hidden: dict[str, int] = defaultdict(int)
    lines = []
    for p in problems:
        if shown[p.file] < limit:
            shown[p.file] += 1
            lines.append(str(p))
        else:
            hidden[p.file] += 1
    lines += [f"{f}: ... and {n:,} more {what}" for f, n in hidden.items()]
    return lines


def collapse_problems(problems: list[Problem]) -> list[Problem]:
    """One problem per cause: the same value with the same complaint in one column is reported on its first
    row, with the number of rows it is on (an unknown council on 10,000 rows is one problem, not 10,000).

    Examples
    --------
    >>> [str(p) for p in collapse_problems([Problem("a.csv", r, "x", "?", "a number") for r in (2, 3, 4)])]
    ["a.csv:2:x: '?' - expected a number (the same on 2 more rows: 3, 4)"]
    """
    groups: dict[tuple, list[Problem]] = {}
    for p in problems:
        key = (p.file, p.column, p.value, p.expected, p.severity) if p.row is not None and p.value else (id(p),)
        groups.setdefault(key, []).append(p)
    out = []
    for same in groups.values():
        first = same[0]
        if len(same) == 1:
            out.append(first)
            continue
        out.append(Problem(first.file, first.row, first.column, first.value,
                           f"{first.expected} ({same_on([p.row for p in same[1:]])})", first.severity))
    return out


def warning_kinds(problems: Sequence[Problem]) -> dict[str, list[Problem]]:
    """The warnings among ``problems`` grouped by kind, where they are: file and column (``interviews.csv:wave``),
    the most frequent kind first (then as found): how the command line tells them and provenance.json counts
    them.

    Examples
    --------
    >>> rows = [Problem("a.csv", r, "x", "?", "a number", "warning") for r in (2, 3)]
    >>> {k: len(v) for k, v in warning_kinds([Problem("b.csv", None, None, None, "rows", "warning"), *rows]).items()}
    {'a.csv:x': 2, 'b.csv': 1}
    """
    kinds: dict[str, list] = {}
    for p in problems:
        if p.severity != "error":
            kinds.setdefault(p.kind, []).append(p)
    return dict(sorted(kinds.items(), key=lambda kv: -len(kv[1])))


def same_on(rows: Sequence[object], *, shown: int = 5) -> str:
    """The further rows a problem is on, the first ``shown`` listed, for a message naming its first row.

    Examples
    --------
    >>> same_on([3]), same_on([3, 4, 5, 6, 7, 8])
    ('the same on 1 more row: 3', 'the same on 6 more rows: 3, 4, 5, 6, 7, ...')
    """
    listed = ", ".join(map(str, rows[:shown])) + (", ..." if len(rows) > shown else "")
    return f"the same on {_counted(len(rows), 'more row')}: {listed}"


class ImpactError(Exception):
    """Base class of the package's errors about user input.

    Examples
    --------
    >>> import impact
    >>> try:
    ...     impact.load_study("no/such/study")
    ... except impact.ImpactError as err:  # every error impact raises about its inputs is one
    ...     print(type(err).__name__)
    InputError
    """

    def __str__(self) -> str:  # a character that shows as nothing, in a path or a cell quoted, shown (visible)
        return visible(super().__str__())


class InputError(ImpactError, ValueError):
    """An input file or argument that cannot be used (one clear message).

    Examples
    --------
    >>> import impact
    >>> try:
    ...     impact.Codebook.load("nfer_impact")  # a misspelt codebook name
    ... except impact.InputError as err:
    ...     print(str(err)[:40])
    The value for `name_or_path` must be one
    >>> issubclass(impact.InputError, ValueError)  # an `except ValueError` catches it too
    True
    """


class UnknownIdError(InputError, KeyError):
    """An id the study does not have (an interview's, ...), asked for by name: impact's :class:`InputError`, and a
    :class:`KeyError` too, as it was before (an ``except KeyError`` written for it still catches it).

    Examples
    --------
    >>> import impact
    >>> study = impact.load_study(impact.example_path(), validate=False)
    >>> try:
    ...     study.transcript("I0201-01")
    ... except impact.InputError as err:
    ...     print(err)
    No interview 'I0201-01' in study 'synthetic' (did you mean 'I0201-010' or 'I0201-011'?) - expected an interview_id of interviews.csv.
    """

    def __str__(self) -> str:  # the message as written, not a KeyError's quoted repr of it
        return visible(Exception.__str__(self))


class OutputFolderError(InputError):
    """An output folder ``impact`` refuses to write: replacing it could lose files it did not write."""


class ValidationError(ImpactError, ValueError):
    """Input data with one or more problems.  The message tells every error and then every warning found with them
    (a formula in a cell, a byte-order mark taken out): one report, each line naming file, row, column and what was
    expected.  The same are there as records, each a :class:`Problem` with ``file``, ``row``, ``column``,
    ``expected``, ``found`` (also ``value``) and ``severity`` (``"error"`` or ``"warning"``;
    :meth:`Problem.as_dict` gives one as a dict):

    ``records``
        every problem, the errors first, then the warnings;
    ``errors``
        the errors alone (``problems``, the older name, is the same list);
    ``warnings``
        the warnings alone.

    Examples
    --------
    >>> exc = ValidationError([Problem("a.csv", 2, "x", "?", "a number"),
    ...                        Problem("a.csv", 3, "name", "=A1", "a value, not a formula", "warning")], source="s")
    >>> print(exc)
    s: 1 problem found
      a.csv:2:x: '?' - expected a number
    and 1 warning with it:
      warning: a.csv:3:name: '=A1' - expected a value, not a formula
    >>> [(r.file, r.row, r.column, r.found, r.severity) for r in exc.records]
    [('a.csv', 2, 'x', '?', 'error'), ('a.csv', 3, 'name', '=A1', 'warning')]
    >>> exc.errors == exc.problems, len(exc.warnings)
    (True, 1)
    """

    def __init__(self, problems: list[Problem], *, source: str = "input") -> None:
        self.problems = [p for p in problems if p.severity == "error"]
        self.warnings = [p for p in problems if p.severity != "error"]
        self.source = source
        lines = [f"{source}: {_counted(len(self.problems), 'problem')} found"]
        lines += [f"  {line}" for line in capped_lines(self.problems)]
        if self.warnings:  # told with the errors: a user who fixes the errors is not surprised by them after
            lines.append(f"and {_counted(len(self.warnings), 'warning')} with {'it' if len(self.problems) == 1 else 'them'}:")
            lines += [f"  {line}" for line in capped_lines(self.warnings, what="warnings")]
        super().__init__("\n".join(lines))

    @property
    def errors(self) -> list[Problem]:
        """The errors (what ``problems`` holds): each a :class:`Problem` of severity ``"error"``."""
        return self.problems

    @property
    def records(self) -> list[Problem]:
        """Every problem found, errors then warnings, each a :class:`Problem` (file, row, column, expected, found,
        severity); ``[p.as_dict() for p in exc.records]`` gives them as dicts (a table: ``pandas.DataFrame`` of it)."""
        return [*self.problems, *self.warnings]


class ImpactWarning(UserWarning):
    """Base class of the package's warnings.

    Examples
    --------
    >>> import warnings, impact
    >>> issubclass(impact.AttritionWarning, impact.ImpactWarning)  # every warning of impact is one
    True
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("error", impact.ImpactWarning)  # stop at the first warning instead of reading on
    ...     try:
    ...         warnings.warn("one wave has no interviews", impact.AttritionWarning)
    ...     except impact.ImpactWarning as caught:
    ...         print(type(caught).__name__, "-", caught)
    AttritionWarning - one wave has no interviews
    """

    def __str__(self) -> str:  # a character that shows as nothing, in a path or a cell quoted, shown (visible)
        return visible(super().__str__())


class StatisticalWarning(ImpactWarning):
    """A statistical result that should be read with care.

    Examples
    --------
    >>> import warnings, impact
    >>> issubclass(impact.StatisticalWarning, impact.ImpactWarning)
    True
    >>> with warnings.catch_warnings(record=True) as caught:  # keep them to read, or "error" to stop at one
    ...     warnings.simplefilter("always", impact.StatisticalWarning)
    ...     warnings.warn("the model did not converge", impact.StatisticalWarning)
    >>> [type(w.message).__name__ for w in caught]
    ['StatisticalWarning']
    """


class SmallSampleWarning(StatisticalWarning):
    """Too few units for the requested method to be reliable.

    Examples
    --------
    >>> import warnings, impact
    >>> issubclass(impact.SmallSampleWarning, impact.StatisticalWarning)
    True
    >>> with warnings.catch_warnings(record=True) as caught:  # keep them to read, or "error" to stop at one
    ...     warnings.simplefilter("always", impact.SmallSampleWarning)
    ...     warnings.warn("6 councils: p-values are descriptive", impact.SmallSampleWarning)
    >>> [type(w.message).__name__ for w in caught]
    ['SmallSampleWarning']
    """


class AttritionWarning(ImpactWarning):
    """A council or participant is missing from one or more waves.

    Examples
    --------
    >>> import warnings, impact
    >>> issubclass(impact.AttritionWarning, impact.ImpactWarning)
    True
    >>> with warnings.catch_warnings(record=True) as caught:  # keep them to read, or "error" to stop at one
    ...     warnings.simplefilter("always", impact.AttritionWarning)
    ...     warnings.warn("a third of participants missed the last wave", impact.AttritionWarning)
    >>> [type(w.message).__name__ for w in caught]
    ['AttritionWarning']
    """


class FolderBusyWarning(ImpactWarning):
    """Another impact run is writing the output folder this one is to write: this one waits for it, and says so as
    the wait begins (a run that waited without a word, up to ten minutes, looked hung: newuser8).

    ``impact``'s command line shows it at once, not with the warnings told when the command ends.

    Examples
    --------
    >>> import warnings, impact
    >>> issubclass(impact.FolderBusyWarning, impact.ImpactWarning)
    True
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("error", impact.FolderBusyWarning)  # refuse to wait: stop at once instead
    ...     try:
    ...         warnings.warn("out: another impact run is writing it", impact.FolderBusyWarning)
    ...     except impact.FolderBusyWarning as caught:
    ...         print(type(caught).__name__)
    FolderBusyWarning
    """


#: Modules whose frames lie between impact's and the user's when impact's own decorators wrap a function (a context
#: manager used as a decorator, functools.wraps' wrapper): skipped, as impact's own frames are.
_PASSED_THROUGH = frozenset({"contextlib", "functools"})


def user_level() -> int:
    """The ``stacklevel`` that makes a warning raised by the function calling this one name the line of the user's
    code that called impact: the frame just outside impact's outermost one (frames of :data:`_PASSED_THROUGH` skipped).

    Python shows a warning with the file and line its ``stacklevel`` names, and that line's source: a fixed level
    named a line of impact's own code wherever the call was deeper than it counted (newuser9: ``load_study`` of a CSV
    read as Windows-1252 showed ``impact/_io.py:655`` and ``warnings.warn(EncodingWarning_(...``, in a notebook too).
    Where no frame lies outside impact (impact's command line started by ``python -m``), the level is beyond the
    stack, and Python names no line of code (``sys:1``).

    Examples
    --------
    >>> import warnings
    >>> def users_own_code():
    ...     with warnings.catch_warnings(record=True) as caught:
    ...         warnings.simplefilter("always")
    ...         warnings.warn("told at the caller's line", UserWarning, stacklevel=user_level())
    ...     return caught[0].lineno
    >>> users_own_code() > 0
    True
    """
    frame, level, outermost = sys._getframe(1), 1, 1
    while frame is not None:
        if frame.f_globals.get("__name__", "").partition(".")[0] == "impact":
            outermost = level
        frame, level = frame.f_back, level + 1
    frame = sys._getframe(outermost)  # impact's outermost frame: the one the user's code called
    level = outermost + 1
    frame = frame.f_back
    while frame is not None and frame.f_globals.get("__name__", "").partition(".")[0] in _PASSED_THROUGH:
        frame, level = frame.f_back, level + 1
    return level


def _format_impact_warning(message, category, filename, lineno, line=None, *, _plain=warnings.formatwarning):
    """impact's warnings as ``AttritionWarning: message``: where Python (and so a notebook) shows a warning, the file
    and line of impact's code that raised it (a temporary file's path in a notebook) and that line's source said
    nothing to an analyst.  Any other warning is shown as ``_plain`` (Python's own form) shows it."""
    if isinstance(category, type) and issubclass(category, ImpactWarning):
        return f"{category.__name__}: {message}\n"
    return _plain(message, category, filename, lineno, line)


def show_warnings_plainly(plainly: bool = True) -> None:
    """Show impact's warnings on one line, ``AttritionWarning: message``, where Python shows warnings (a notebook's
    cells, a script); ``show_warnings_plainly(False)`` puts back the form there was before.

    Python shows a warning as the file and line that raised it and that line's source: in a notebook, a temporary
    file's path (``/tmp/ipykernel_.../123.py:4:``), which says nothing to an analyst.  Importing :mod:`impact` changes
    nothing (a library does not change how a program shows warnings: neither pandas, numpy nor scikit-learn does);
    call this once at the top of a notebook or script to choose it.  Every other warning is shown as before.
    ``impact``'s command line shows its warnings itself, as ``impact CMD: warning: ...`` lines.

    Parameters
    ----------
    plainly : bool, default True
        True to show impact's warnings on one line; False to put back the form in place before (calling either twice
        changes nothing more).

    Returns
    -------
    None
        Python's ``warnings.formatwarning`` is set for the whole process.

    Examples
    --------
    >>> import warnings, impact
    >>> impact.show_warnings_plainly()
    >>> warnings.formatwarning("council 302 has no interview at longer_term", impact.AttritionWarning, "/tmp/x.py", 4)
    'AttritionWarning: council 302 has no interview at longer_term\\n'
    >>> impact.show_warnings_plainly(False)
    >>> warnings.formatwarning("x", impact.AttritionWarning, "/tmp/x.py", 4, "").startswith("/tmp/x.py:4:")
    True
    """
    from .schema import true_or_false

    plainly = true_or_false("plainly", plainly)
    current = warnings.formatwarning
    ours = getattr(current, "_impact_plain", None)  # the form replaced, where impact's is in place
    if plainly and ours is None:
        def plain(message, category, filename, lineno, line=None):
            return _format_impact_warning(message, category, filename, lineno, line, _plain=current)

        plain._impact_plain = current  # type: ignore[attr-defined]
        warnings.formatwarning = plain
    elif not plainly and ours is not None:
        warnings.formatwarning = ours


@contextlib.contextmanager
def recorded_warnings() -> Iterator[list[warnings.WarningMessage]]:
    """Record every warning raised inside the block, each occurrence, to be reported or published.

    ``ResourceWarning`` is left out, as Python's own defaults leave it out: it says that some object, of any
    library, was collected unclosed at whatever moment the collector ran, which tells nothing about the input
    or the results (a notebook kernel's sockets were once published this way as a command's warnings).

    >>> with recorded_warnings() as caught:
    ...     warnings.warn("kept", UserWarning)
    ...     warnings.warn("unclosed file", ResourceWarning)
    >>> [str(w.message) for w in caught]
    ['kept']
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warnings.filterwarnings("ignore", category=ResourceWarning)
        yield caught

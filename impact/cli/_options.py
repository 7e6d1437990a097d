"""Option types of the command line: every value is checked by the parser (exit 2 with a clear message)."""

from __future__ import annotations

import argparse
import os
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from .._io import (
    _folder_ending,
    in_study_words,
    literal_tilde,
    office_owner,
    open_said,
    output_folder_above,
    study_folder_above,
    suffix_given,
    unwritable,
    windows_output_refused,
)
from ..errors import InputError, warning_kinds
from ..schema import NAME_MAX, name_refused


def shell_word(path: str | os.PathLike) -> str:
    """``path`` as one word of a command line a message suggests, so that it can be copied into a shell as it is: a
    path with a space, a quote or another character the shell reads is quoted, one starting with ``-`` (read as an
    option) starts with ``./``.

    Examples
    --------
    >>> print(shell_word("My studies/étude 2024"))
    'My studies/étude 2024'
    >>> print(shell_word("-study"), shell_word("out/demo"))
    ./-study out/demo
    """
    import shlex

    text = os.fspath(path)
    if text.startswith("-"):
        text = f".{os.sep}{text}"
    return shlex.quote(text)


def load_study(path, *args, tell: bool = True, recorded: str | os.PathLike | None = None, analyses: bool = False,
               **kwargs):
    """:func:`impact.load_study`, imported on first use: building the parser (``impact --help``) imports no pandas.

    The study's validation warnings (:attr:`impact.Study.load_problems`) are told as ``impact`` log warnings
    (:func:`tell_warnings`) unless ``tell`` is false (``impact validate`` lists each one itself); ``recorded`` is
    the file that will record them (``OUT/provenance.json`` of ``impact run``). The warnings that a council or
    participant missed a wave (:func:`impact.validate.is_attrition`) are told only by a command that ``analyses``
    the study (``impact run``): coding, reviewing or exporting the interviews there are does not depend on the ones
    missed, and ``impact code``, ``impact review export`` and ``impact run`` each told the same lines (newuser6).
    """
    from ..study import load_study as load
    from ..validate import is_attrition

    study = load(path, *args, **kwargs)
    if tell:
        told = study.load_problems if analyses else [p for p in study.load_problems if not is_attrition(p)]
        tell_warnings(told, path, recorded=recorded, missed=len(study.load_problems) - len(told))
    return study


#: Up to this many validation warnings are told one a line, as ``impact validate`` words them; more are summarised.
WARNINGS_LISTED = 5
#: The kinds of warning named in the one-line summary of ``-q`` (the rest are counted).
KINDS_NAMED = 3


def warnings_summary(problems, study: str, *, quiet: bool = False, recorded: str | None = None,
                     missed: int = 0) -> list[str]:
    """The lines telling a study's validation warnings to the user of a command that loaded it.

    ``missed``: how many warnings of missed waves (attrition) the command leaves to ``impact run`` besides
    ``problems``: counted in the total, as ``impact validate`` counts them ("with 7 warnings (3 on missed waves, told
    by impact run)"), where other warnings are told; nothing is told for them alone.

    Up to :data:`WARNINGS_LISTED` warnings are listed as ``impact validate`` words them; more are counted per kind
    (file and column), each kind with its first warning, after a line saying where they are listed (``impact validate
    --all STUDY`` where a file has more than ``impact validate`` lists by default, and which file ``recorded``
    records where each one is).  ``quiet``: one line, counting the warnings per kind.

    Examples
    --------
    >>> from impact.errors import Problem
    >>> rows = [Problem("interviews.csv", None, "council_id", c, "interviews at every wave", "warning")
    ...         for c in ("301", "302", "880", "881", "882", "883")]
    >>> for line in warnings_summary(rows, "s", recorded="out/provenance.json"):
    ...     print(line)
    the study s is valid, with 6 warnings (impact validate s lists them; out/provenance.json records where each is):
      interviews.csv:council_id: 6 warnings, the first: '301' - expected interviews at every wave
    >>> warnings_summary(rows[:1], "s", quiet=True)
    ["the study s is valid, with 1 warning: interviews.csv:council_id: '301' - expected interviews at every wave"]
    >>> for line in warnings_summary(rows[:1], "s", missed=3):
    ...     print(line)
    the study s is valid, with 4 warnings (3 on missed waves, told by impact run):
      interviews.csv:council_id: '301' - expected interviews at every wave
    >>> warnings_summary(rows[:2], "s", quiet=True, missed=3)
    ['the study s is valid, with 5 warnings (interviews.csv:council_id 2, 3 on missed waves, told by impact run): impact validate s lists them']
    """
    from dataclasses import replace

    from .._words import _counted

    kinds = warning_kinds(problems)
    n = sum(len(v) for v in kinds.values())
    if not n:
        return []
    head = f"the study {study} is valid, with {_counted(n + missed, 'warning')}"
    left = f"{missed:,} on missed waves, told by impact run" if missed else ""
    if n == 1 and not missed:
        return [f"{head}: {str(next(iter(kinds.values()))[0]).removeprefix('warning: ')}"]
    from collections import Counter

    from ..errors import MAX_SHOWN_PER_FILE

    # impact validate lists the first 50 warnings of a file and counts the rest: --all lists every one
    capped = max(Counter(p.file for found in kinds.values() for p in found).values()) > MAX_SHOWN_PER_FILE
    where = (f"impact validate {'--all ' if capped else ''}{shell_word(study)} lists them"
             + (f"; {recorded} records where each is" if recorded else ""))
    if quiet:
        named = [f"{k} {len(v):,}" for k, v in list(kinds.items())[:KINDS_NAMED]]
        if len(kinds) > KINDS_NAMED:
            named.append(f"{_counted(len(kinds) - KINDS_NAMED, 'more kind')}")
        named += [left] if left else []
        return [f"{head} ({', '.join(named)}): {where}"]
    if n <= WARNINGS_LISTED:
        return ([f"{head}{f' ({left})' if left else ''}:"]
                + [f"  {str(p).removeprefix('warning: ')}" for v in kinds.values() for p in v])
    lines = [f"{head} ({left + '; ' if left else ''}{where}):"]
    for kind, found in kinds.items():
        p = found[0]
        said = str(replace(p, file="", row=None, column=None, severity="error")).removeprefix(":").lstrip()
        row = f"row {p.row}: " if p.row is not None else ""
        lines.append(f"  {kind}: {_counted(len(found), 'warning')}, the first: {row}{said}"
                     if len(found) > 1 else f"  {kind}: {row}{said}")
    return lines


#: The lines of :func:`tell_warnings` waiting for the command to finish (:func:`told_warnings` takes them).
_TOLD: list[str] = []


def tell_warnings(problems, study, *, recorded: str | os.PathLike | None = None, missed: int = 0) -> None:
    """Tell :func:`warnings_summary` as the command's warnings when it succeeds (shown under ``-q`` too, on one line
    there): after its account of what it wrote, beside the warnings of the analysis.  A command that fails says its
    error alone (the warnings of a study are told by the run that reads it, and by ``impact validate``)."""
    import logging

    quiet = logging.getLogger("impact").getEffectiveLevel() >= logging.WARNING
    _TOLD.extend(warnings_summary(problems, str(study), quiet=quiet,
                                  recorded=None if recorded is None else str(recorded), missed=missed))


def told_warnings() -> list[str]:
    """The lines :func:`tell_warnings` told since the last call (and no longer)."""
    lines = list(_TOLD)
    _TOLD.clear()
    return lines


def write_table(*args, **kwargs):
    """:func:`impact._tabular.write_table`, imported on first use (it imports pandas)."""
    from .._tabular import write_table as write

    return write(*args, **kwargs)

__all__ = ["examples", "load_study", "tell_warnings", "told_warnings", "warnings_summary", "a_path", "bounded_int", "choice_list", "SEED_MAX", "add_overwrite", "check_output_file", "study_folder", "study_folder_above", "a_name", "NAME_MAX"]

#: Largest seed (numpy's seed range).
SEED_MAX = 2**32 - 1


def examples(*commands: str) -> str:
    """The ``examples:`` section closing a command's ``--help``: each command on a line of its own, as typed.

    A command may end in ``  # what it does``; the help keeps each line as written (``impact.cli._Formatter``), and
    ``tests/test_newuser_round2.py`` parses each one with the command line's own parser.

    Examples
    --------
    >>> print(examples("impact validate study", "impact validate study --all  # every problem"))
    examples:
      impact validate study
      impact validate study --all  # every problem
    """
    return "\n".join(["examples:", *(f"  {c}" for c in commands)])


def say(args: argparse.Namespace, *lines: object) -> None:
    """Print a command's account of what it did (files written, counts) on standard output, unless ``-q`` was given:
    quiet shows only warnings and errors, as its help says."""
    import logging

    if getattr(args, "log_level", None) != logging.WARNING:
        print(*lines, sep="\n")


def refuse_blank_cells(values: Iterable[str], rows: Sequence[int], *, where: str, column: str, what: str) -> None:
    """Raise :class:`InputError` where a cell of ``column`` is blank: ``where:row:column: '' - expected what on every
    row (N rows have none)``, naming the first (a blank coder or unit would be read as one more coder or unit named
    '', agreeing or not with the rest). ``rows`` gives each value's row as a spreadsheet shows it."""
    from .._words import _counted, _verb

    blank = [row for row, value in zip(rows, values, strict=True) if value == ""]
    if blank:
        raise InputError(f"{where}:{blank[0]}:{column}: '' - expected {what} on every row "
                         f"({_counted(len(blank), 'row')} {_verb(blank, 'has')} none)")


def study_folder(text: str) -> str:
    """An argparse ``type`` for a study folder: an empty path, which would be read as the current folder, is refused.

    Examples
    --------
    >>> study_folder("")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: '' - expected the path of a study folder (holding study.yaml)
    """
    if not text.strip():
        raise argparse.ArgumentTypeError(f"{text!r} - expected the path of a study folder (holding study.yaml)")
    if text.strip() == "-":
        raise argparse.ArgumentTypeError(_DASH.format(what="a study folder (holding study.yaml)"))
    _refuse_unexpanded(text, "a study folder (holding study.yaml)")
    return text


def _refuse_unexpanded(text: str, what: str) -> None:
    """Refuse a path to read that starts with a '~' the shell left as it is (quoted, or in a variable) and names
    nothing: "no such folder" alone does not say why ``'~/studies/leeds'`` is not the user's own folder.

    Examples
    --------
    >>> _refuse_unexpanded("~/no-such-study-anywhere", "a study folder")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: '~/no-such-study-anywhere': no such file or folder: it starts with '~', which was not turned into your home folder (the shell does not do it inside quotes) - expected the path of a study folder written out (such as $HOME/...)
    """
    first = Path(text).parts[0] if Path(text).parts else ""
    if first.startswith("~") and not os.path.lexists(text):
        raise argparse.ArgumentTypeError(
            f"{text!r}: no such file or folder: it starts with {first!r}, which was not turned into your home folder "
            f"(the shell does not do it inside quotes) - expected the path of {what} written out (such as $HOME/...)")


#: '-' given as a path: many programs read it as standard input or output; impact would take it as a file name.
_DASH = ("'-' - expected the path of {what} ('-' is not standard input or output here, and impact would read or "
         "write a file or folder named '-'; write ./- if that is meant)")


#: impact's own file kinds (:data:`impact._kinds.KINDS`) each reading option takes; a file of another of impact's
#: kinds given to it is refused saying what it is and which command reads it (:func:`impact.cli._check_kinds`).
CODEBOOK_KINDS = ("codebook", "qdc")
CODINGS_KINDS = ("coded", "coded_parquet", "decisions", "qdpx_codings", "truth_coded", "truth_statements", "codings_long",
                 "review_workbook", "qdpx")
CODED_KINDS = ("coded", "qdpx_codings", "codings_long", "truth_coded", "truth_statements")
AGREE_KINDS = ("coded", "decisions", "qdpx_codings", "codings_long")


#: A check of an option's value run before the command does any work (:func:`impact.cli._check_option_values`):
#: called with the value as typed and the study folder the command was given (None where it has none).
ValueCheck = Callable[[str, "str | None"], None]


def file_there(what: str) -> ValueCheck:
    """The check of a file to read that no reader of its own checks first: it names a file that can be read.

    >>> file_there("a coded CSV file")("no-such-file.csv", None)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    impact.errors.InputError: no-such-file.csv: file not found - expected a coded CSV file (a relative path is read from the current folder, ...)
    """

    def check(value: str, study: str | None) -> None:
        from .._io import check_input_file

        check_input_file(value, expected=f" - expected {what}")

    return check


def codebook_there(value: str, study: str | None) -> None:
    """The check of ``--codebook``: the codebook is read as the command would read it (a bundled name, a YAML or .qdc
    file, relative to the current folder or else to the study folder), so a misspelt name or a broken file is told
    before the study is validated (newuser9: ``impact run STUDY --codebook nfer`` validated for ten seconds first)."""
    from types import SimpleNamespace

    from ..coding import Codebook

    root = study if study is not None and os.path.isdir(study) else None
    Codebook.for_study(SimpleNamespace(root=root, codebook_ref=None), value)


def a_path(what: str, *, read: bool = False, accepts: tuple[str, ...] | None = None,
           check: ValueCheck | None = None) -> Callable[[str], str]:
    """An argparse ``type`` for a path: an empty one (``--out ""``, a variable that was not set), which would be
    read as the current folder, is refused; so is a path to ``read`` that starts with a '~' the shell did not expand
    and names nothing (an output path starting with one is refused by the command, :func:`impact._io.literal_tilde`).

    Examples
    --------
    >>> a_path("the output folder")(" ")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: ' ' - expected the path of the output folder (an empty path would be the current folder)
    >>> a_path("the output folder")("-")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: '-' - expected the path of the output folder ('-' is not standard input or output here, and impact would read or write a file or folder named '-'; write ./- if that is meant)
    """

    def parse(text: str) -> str:
        if not text.strip():
            raise argparse.ArgumentTypeError(f"{text!r} - expected the path of {what} (an empty path would be the "
                                             "current folder)")
        if text.strip() == "-":
            raise argparse.ArgumentTypeError(_DASH.format(what=what))
        if read:
            _refuse_unexpanded(text, what)
        elif (why := windows_output_refused(text, what)) is not None:  # every name listed, before anything is written
            raise argparse.ArgumentTypeError(why)
        return text

    parse.__name__ = "path"
    if read:  # what the option accepts, told when the library refuses the file read (impact.cli._name_the_option)
        parse.what = what
        parse.check = check or file_there(what)  # run before the command does any work
    if accepts is not None:  # the kinds of impact's own files it reads (any other of them is refused, named)
        parse.accepts = accepts
    return parse


def kinds_read(what: str, accepts: tuple[str, ...]) -> Callable[[str], str]:
    """An argparse ``type`` that keeps the value as typed and only says which of impact's own file kinds the option
    reads (``[CODER=]FILE`` of ``export-qdpx --coded``: the file is what follows the last '=' unless the whole value
    names a file), for :func:`impact.cli._check_kinds`."""

    def parse(text: str) -> str:
        return text

    def file_of(text: str) -> str:
        try:
            return text if "=" not in text or os.path.exists(text) else text.rpartition("=")[2]
        except (OSError, ValueError):
            return text

    parse.__name__ = "path"
    parse.what, parse.accepts, parse.file_of = what, accepts, file_of
    return parse


def a_name(what: str) -> Callable[[str], str]:
    """An argparse ``type`` for a person's name (``--reviewer``): one refused by :func:`name_refused` is an error of
    the option; the spaces at its ends are taken off.

    Examples
    --------
    >>> a_name("the reviewer's name")(" Ann ")
    'Ann'
    >>> a_name("the reviewer's name")("")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: '' - expected the reviewer's name (it is empty or only spaces)
    """

    def parse(text: str) -> str:
        if (why := name_refused(text, what)) is not None:
            raise argparse.ArgumentTypeError(why)
        return text.strip()

    parse.__name__ = "name"
    return parse


def bounded_int(low: int, high: int, *, why: str = "") -> Callable[[str], int]:
    """An argparse ``type`` accepting whole numbers from ``low`` to ``high``.

    Examples
    --------
    >>> bounded_int(1, 10)("3")
    3
    >>> bounded_int(1, 10)("0")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: '0' - expected a whole number from 1 to 10

    Thousands written as the help and the messages write them are read (``2,000``), and only as that:

    >>> bounded_int(99, 1_000_000)("10,000")
    10000
    >>> bounded_int(99, 1_000_000)("1,00")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: '1,00' - expected a whole number from 99 to 1,000,000
    """

    def parse(text: str) -> int:
        plain = text.strip()
        if re.fullmatch(r"[+-]?\d{1,3}(,\d{3})+", plain):
            plain = plain.replace(",", "")
        try:
            value = int(plain.replace("_", ""))
        except ValueError:
            value = None
        if value is None or not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{text!r} - expected a whole number from {low:,} to {high:,}{why}")
        return value

    parse.__name__ = "whole number"
    return parse


def a_level(text: str) -> float:
    """An argparse ``type`` for a significance level: a number strictly between 0 and 1.

    >>> a_level("0.1")
    0.1
    >>> a_level("10")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: '10' - expected a number strictly between 0 and 1 (0.05 for 95% intervals)
    """
    try:
        value = float(text.strip())
    except ValueError:
        value = None
    if value is None or not 0 < value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} - expected a number strictly between 0 and 1 (0.05 for 95% "
                                         "intervals)")
    return value


a_level.__name__ = "level"


def choice_list(allowed: Sequence[str] | Callable[[], Sequence[str]]) -> Callable[[str], list[str]]:
    """An argparse ``type`` for a comma-separated list whose every item is one of ``allowed``.

    Examples
    --------
    >>> choice_list(["a", "b"])("a,b")
    ['a', 'b']
    >>> choice_list(["a", "b"])("a,c")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: 'a,c': 'c' is not one of a, b
    """

    def parse(text: str) -> list[str]:
        names = list(allowed() if callable(allowed) else allowed)
        items = [t.strip() for t in text.split(",") if t.strip()]
        if not items:
            raise argparse.ArgumentTypeError(f"{text!r} - expected one or more of {', '.join(names)}, comma-separated")
        bad = [t for t in items if t not in names]
        if bad:
            from ..schema import did_you_mean

            raise argparse.ArgumentTypeError(
                f"{text!r}: {', '.join(repr(b) for b in bad)} {'is' if len(bad) == 1 else 'are'} not one of "
                f"{', '.join(names)}{did_you_mean(bad[0], names, words=True) if len(bad) == 1 else ''}")
        return items

    parse.__name__ = "list"
    return parse


def add_overwrite(parser: argparse.ArgumentParser, what: str = "--out", study: str = "the study folder") -> None:
    """Add the ``--overwrite`` flag of the commands writing one output file (see :func:`check_output_file`)."""
    parser.add_argument("--overwrite", action="store_true",
                        help=f"replace {what} if it exists (without this flag an existing file is refused; a folder, "
                             f"or a path inside {study}, is refused either way)")


def check_output_file(out: str | os.PathLike, *, study: str | os.PathLike | None = None,
                      overwrite: bool = False, inputs: Iterable[str | os.PathLike] = (),
                      suffixes: tuple[str, ...] = (), what: str = "the output") -> Path:
    """Refuse an output file path that would replace what the user did not ask to replace.

    Refused, with an :class:`~impact.errors.InputError` naming the path: a
    path inside ``study`` (the study folder the command reads; symlinks and
    relative paths are resolved before comparing), or inside any folder
    holding a ``study.yaml``, whatever ``overwrite`` says; an existing folder, or a link to one, always; any other existing
    path (a file, a link, even a broken one) unless ``overwrite``; one of the
    ``inputs`` the command reads (through links too), whatever ``overwrite``
    says; a name that does not end in one of ``suffixes`` (the kinds of file
    the command writes, ``what`` it writes: a workbook named ``.csv`` would
    be opened as text).  Callers
    check once before the work and again just before writing, and write
    atomically (a temporary file beside ``out``, renamed into place).

    Returns
    -------
    pathlib.Path
        ``out`` as given, as a path.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> check_output_file(d / "new.csv") == d / "new.csv"
    True
    >>> _ = (d / "mine.csv").write_text("x")
    >>> check_output_file(d / "mine.csv")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    impact.errors.InputError: .../mine.csv exists; pass --overwrite to replace it
    >>> check_output_file(d / "mine.csv", overwrite=True) == d / "mine.csv"
    True
    >>> check_output_file(d / "review.csv", suffixes=(".xlsx",), what="the review workbook")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    impact.errors.InputError: .../review.csv: the review workbook must end in .xlsx, but '.csv' was given
    >>> check_output_file(d / "x.csv", study=d)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    impact.errors.InputError: ...x.csv is inside the study folder ...; write outputs elsewhere
    """
    path = Path(out)
    tilde = literal_tilde(out)
    if tilde:
        raise InputError(tilde)
    if study is not None:
        real, folder = Path(os.path.realpath(path)), Path(os.path.realpath(study))
        if real == folder or folder in real.parents:
            shown = f"{path} (through a link: {real})" if str(real) != os.path.abspath(path) else str(path)
            raise InputError(f"{shown} {in_study_words(real, folder, study)}; write outputs elsewhere")
    folder = study_folder_above(path)
    if folder is not None:
        raise InputError(f"{path} {in_study_words(Path(os.path.realpath(path)), folder, folder)} (it holds "
                         "study.yaml); write outputs elsewhere")
    if (made := output_folder_above(path)) is not None:
        raise InputError(made)
    for given in inputs:
        if os.path.realpath(path) == os.path.realpath(given):
            raise InputError(f"{path} is also a file this command reads ({given}); write the output to another file")
    if path.is_dir():
        raise InputError(f"{path} is a folder - expected a file name to write; choose a file name, not a folder")
    if _folder_ending(os.fspath(out)):  # 'coded.csv/' (pathlib drops the '/': it wrote a file coded.csv)
        raise InputError(f"{os.fspath(out)}: names a folder (it ends in {os.fspath(out)[-1]!r}) - expected a file name "
                         "to write; give it without the last separator")
    # the name first: --overwrite would not mend a name of the wrong kind
    if suffixes and path.suffix.lower() not in suffixes:
        raise InputError(f"{path}: {what} must end in {' or '.join(suffixes)}, but {suffix_given(path, suffixes)}")
    if (path.exists() or path.is_symlink()) and not overwrite:
        raise InputError(f"{path} exists; pass --overwrite to replace it")
    if path.is_file() and (owner := office_owner(path)) is not None:  # replaced under Excel: what it shows is lost
        raise InputError(f"{path}: {open_said(path.name, owner.name)} - expected a file no program has open: save "
                         "what you typed in it under another name if you need it, close it, then run again")
    cannot = unwritable(path.parent)
    if cannot:
        raise InputError(f"{path}: {cannot} - expected a folder you can write to; choose another place for it")
    return path


#: The ``type`` of every ``--codebook`` option that reads a bundled codebook's name or a YAML file (one shared parser:
#: it keeps no state), so that each says what it expects, and accepts, in the same words.
CODEBOOK_PATH = a_path("a codebook (a bundled codebook's name or a YAML file)", read=True, accepts=CODEBOOK_KINDS,
                       check=codebook_there)

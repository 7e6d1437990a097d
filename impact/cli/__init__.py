"""The ``impact`` command line: a thin wrapper over the public functions.

Each sub-command lives in a module ``impact/cli/_<name>.py`` that defines
``register(subparsers)``; it adds its parser and sets ``func`` to a function
taking the parsed arguments and returning an exit status.

Every user error is one clear message on stderr and exit status 2, without a
traceback: bad option values (checked by the parser, see :mod:`impact.cli._options`),
:class:`impact.errors.ImpactError`, file-system errors (a read-only or full
disk, a missing permission: the message names the path and what to do) and
running out of memory.  A bug still shows its traceback.  Warnings are printed
once each as ``impact CMD: warning: ...`` lines, not as Python warning lines; a command that loads a study tells
the study's validation warnings when it succeeds, summarised by kind where there are many (one line under ``-q``).
``-v`` shows debug messages of the ``impact`` logger, ``-q`` only warnings and
errors.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import importlib
import io
import logging
import os
import pkgutil
import re
import shlex
import signal
import sys
import warnings
from collections.abc import Iterator

from .._version import __version__
from .._words import _number
from ..errors import (
    OS_ADVICE,
    FolderBusyWarning,
    ImpactError,
    InputError,
    recorded_warnings,
    show_warnings_plainly,
    visible,
)
from ..schema import close_matches
from ._options import examples, told_warnings

__all__ = ["main", "build_parser", "describe_os_error"]

log = logging.getLogger("impact")

def describe_os_error(exc: OSError) -> str:
    """One line naming the path of a file-system error and what to do about it.

    Examples
    --------
    >>> import errno
    >>> describe_os_error(OSError(errno.EROFS, "Read-only file system", "/mnt/cd/out"))
    '/mnt/cd/out: the file system is read-only - choose a folder you can write to'
    """
    where = exc.filename if exc.filename is not None else "(a file)"
    if exc.filename2 is not None:
        where = f"{where} -> {exc.filename2}"
    advice = OS_ADVICE.get(exc.errno) or (exc.strerror or str(exc))
    return f"{where}: {advice}"


def _add_verbosity(parser: argparse.ArgumentParser, *, default) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("-v", "--verbose", action="store_const", const=logging.DEBUG, dest="log_level", default=default,
                       help="show debug messages")
    group.add_argument("-q", "--quiet", action="store_const", const=logging.WARNING, dest="log_level", default=default,
                       help="show only warnings and errors")


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout, but a line of a description or epilog indented by two spaces (an example command)
    is kept as it is, not run together with the text around it; the other lines are reflowed as before."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        lines, prose = [], []

        def flush() -> None:
            if prose:
                lines.append(super(_Formatter, self)._fill_text(" ".join(prose), width, indent))
                prose.clear()

        for line in text.splitlines():
            if line.startswith("  ") or not line.strip():
                flush()
                lines.append(indent + line if line.strip() else "")
            else:
                prose.append(line.strip())
        flush()
        return "\n".join(lines)


class _Parser(argparse.ArgumentParser):
    """A parser whose commands refuse an option they do not know themselves, with their own usage line.

    argparse hands a command's unknown arguments back to the top-level parser, which printed its own usage
    (``usage: impact [-h] ...``) and no hint: ``impact run S --jobs 0`` now says that ``--jobs`` is an option of
    ``impact code``, not of ``impact run``, and a misspelt option gets a did-you-mean.
    """

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _Formatter)  # a command's examples keep their lines
        # An abbreviated option is refused, not read as the one it starts (``--out`` is no ``--outline``, and an
        # option added later would change what an old command line means); a did-you-mean names the full one.
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)

    def parse_known_args(self, args=None, namespace=None):  # noqa: D102
        self._impact_given = list(sys.argv[1:] if args is None else args)
        namespace, extras = super().parse_known_args(args, namespace)
        if extras and self._subparsers is None:  # a command (not impact, nor impact review): its own message
            self.error(_unknown_arguments(self, extras))
        return namespace, extras

    def error(self, message: str):  # noqa: D102
        # "the following arguments are required: --out" of `impact run S --ou O`: the option given is named too.
        if self._subparsers is None and message.startswith("the following arguments are required"):
            own = set(_options_of(self))
            unknown = [a for a in getattr(self, "_impact_given", []) if a.startswith("--")
                       and a.split("=", 1)[0] not in own]
            if unknown:
                message += f"; {_unknown_arguments(self, unknown)}"
            extra = _extra_positionals(self)
            missing = re.findall(r"(--[a-z][a-z0-9-]*)", message.split(";")[0])
            if extra and len(missing) == 1:  # `impact run STUDY OUT`: the output given where the option's name is not
                message += (f" ({extra[0]!r} was given as one more argument: name it, as in "
                            f"{self.prog} ... {missing[0]} {shlex.quote(extra[0])})")
        elif message.startswith("the following arguments are required") and (unknown := _unknown_options(self)):
            # `impact --versoin`, `impact -x`: told only that COMMAND is required, the option given not named
            message += f"; {_unknown_arguments(self, unknown)}"
        # "invalid choice: 'valdate' (choose from ...)": a misspelt command or choice gets a did-you-mean too.
        chosen = re.search(r"invalid choice: '([^']*)'", message)
        if chosen:
            choices = [str(c) for a in self._actions if a.choices for c in a.choices]
            close, _ = close_matches(chosen.group(1), choices, n=2, cutoff=0.75)
            given = getattr(self, "_impact_given", [])
            later = [a for a in given[given.index(chosen.group(1)) + 1:] if a in choices] \
                if chosen.group(1) in given else []
            if close:
                message += f" (did you mean {' or '.join(close)}?)"
            elif self._subparsers is not None and (chosen.group(1).strip("-?").lower() in ("help", "h", "") or
                                                   close_matches(chosen.group(1), ["help"], n=1, cutoff=0.75)[0]):
                # `impact help`, `impact review ?`: help is an option here, as git's and pip's subcommand is not;
                # `impact hlep` is the same slip as `impact valdate` (newuser16: it was told only the commands)
                slip = "" if chosen.group(1).strip("-?").lower() in ("help", "h", "") else \
                    f"did you mean {self.prog} --help? "
                message += (f" ({slip or 'for help: '}{self.prog} --help lists the commands, {self.prog} COMMAND "
                            "--help gives one's options and examples)")
            elif later:  # `impact STUDY run`, `impact --out O run STUDY`: the command given after its arguments
                message += (f" (the command comes first, then its arguments and options: {self.prog} {later[0]} "
                            f"...; {chosen.group(1)!r} was given before it)")
            elif unknown := _unknown_options(self):  # `impact --out O`: 'O' read as the command, --out not named
                message += f"; {_unknown_arguments(self, unknown)}"
        super().error(message)


def _unknown_options(parser: argparse.ArgumentParser) -> list[str]:
    """The options given to ``parser`` (impact, or impact review) that it does not have: argparse left them unnamed
    where the command is missing, or where the value after one was read as the command."""
    own = {o for a in parser._actions for o in a.option_strings}
    return [a for a in getattr(parser, "_impact_given", []) if a.startswith("-") and len(a) > 1 and a != "--"
            and not a.lstrip("-").replace(".", "", 1).isdigit() and a.split("=", 1)[0] not in own]


def _extra_positionals(parser: argparse.ArgumentParser) -> list[str]:
    """The arguments given to a command beyond the positional arguments it takes (values of options left out)."""
    takes_value = {o for a in parser._actions if a.option_strings and a.nargs != 0 for o in a.option_strings}
    given = getattr(parser, "_impact_given", [])
    loose, skip = [], False
    for arg in given:
        if skip:
            skip = False
        elif arg == "--":
            continue
        elif arg.startswith("-") and len(arg) > 1:
            skip = arg in takes_value  # "--out O" (not "--out=O")
        else:
            loose.append(arg)
    wanted = sum(1 for a in parser._actions if not a.option_strings and a.nargs not in ("*", "+", "?"))
    return loose[wanted:] if not any(a.nargs in ("*", "+") for a in parser._actions if not a.option_strings) else []


def _options_of(parser: argparse.ArgumentParser) -> list[str]:
    return [o for a in parser._actions for o in a.option_strings if o.startswith("--")]


def _commands(parser: argparse.ArgumentParser):
    """Every command parser under ``parser`` (``impact review export`` too)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in {id(p): p for p in action.choices.values()}.values():
                yield child
                yield from _commands(child)


def _given_as_argument(parser: argparse.ArgumentParser, option: str) -> str:
    """Where ``parser`` takes what ``option`` gives other commands, as one of its arguments: ``--out`` of the commands
    writing a file or folder is the output argument of ``impact import-qdpx FILE OUTDIR`` (newuser8: told only that
    it was no option there).  Empty where it takes no such argument."""
    word = option.lstrip("-").split("-")[0]
    places = [a for a in parser._actions if not a.option_strings and a.dest != "help"]
    for n, action in enumerate(places, 1):
        said = (action.help or "").casefold()
        if action.dest.startswith(word) or (word == "out" and ("write" in said or "output" in said)):
            usage = " ".join((a.metavar or a.dest).upper() for a in places)
            nth = {1: "first", 2: "second", 3: "third"}.get(n, f"{n}th")
            return (f": {parser.prog} takes it as its {nth} argument, {(action.metavar or action.dest).upper()}, "
                    f"without {option}: {parser.prog} {usage}")
    return ""


def _unknown_arguments(parser: argparse.ArgumentParser, extras: list[str]) -> str:
    """``unrecognized arguments: --jobs 0 - expected options of impact run (--jobs is an option of impact code)``."""
    hints = []
    own = _options_of(parser)
    for arg in extras:
        if not arg.startswith("-") or arg.lstrip("-").replace(".", "", 1).isdigit():
            continue
        name = arg.split("=", 1)[0]
        close, _ = close_matches(name, own, n=2, cutoff=0.75)  # an option is typed, not read: only a near miss
        root = getattr(parser, "_impact_root", None) or (parser if parser._subparsers is not None else None)
        elsewhere = [c.prog for c in _commands(root) if name in _options_of(c)] if root is not None else []
        if name in own:  # `impact code S -- --jobs 2`: after '--' every argument is a value, not an option
            hints.append(f"{name} is an option of {parser.prog}, but after '--' it is read as a value: put it before '--'")
        elif close:
            hints.append(f"{name}: did you mean {' or '.join(close)}?")
        elif elsewhere:
            shown = " and ".join(elsewhere) if len(elsewhere) <= 3 else \
                f"{', '.join(elsewhere[:3])} and {len(elsewhere) - 3} more commands"
            hints.append(f"{name} is an option of {shown}, not of {parser.prog}" + _given_as_argument(parser, name))
        else:
            hints.append(f"{parser.prog} has no option {name}")
    shown = " ".join(extras)
    return (f"unrecognized {_number(extras, 'argument')}: {shown} - expected only the arguments and options in the usage line above"
            + (f" ({'; '.join(hints)})" if hints else ""))


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="impact",
        description="Longitudinal impact evaluation of safeguarding children peer reviews.",
        epilog=examples("impact synth --out my-study   # a synthetic study to try things on",
                        "impact validate my-study",
                        "impact run my-study --out report",
                        "impact run --help   # each command's options and examples")
        + "\n\nExit status: 0 done, 1 an unexpected failure (a bug: please report its traceback), 2 a problem with "
          "the input or options (one message says what), 130 interrupted (Ctrl-C), 141 its output closed early (a "
          "pipe into head), 143 terminated (kill); an interrupted command leaves no output half-written.",
    )
    parser.add_argument("--version", action="version", version=f"impact {__version__}")
    _add_verbosity(parser, default=logging.INFO)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_") and not info.name.startswith("__") and info.name != "_options":
            module = importlib.import_module(f"{__name__}.{info.name}")
            module.register(sub)
    for choice in {id(p): p for p in sub.choices.values()}.values():
        _add_verbosity_everywhere(choice)
    _once_everywhere(parser)
    for command in _commands(parser):  # so that a command's hint can name the command that has an option
        command._impact_root = parser
    return parser


class _StoreOnce(argparse._StoreAction):
    """An option taking one value that refuses a second (argparse keeps the last: ``--coded a --coded b`` left a out)."""

    def __call__(self, parser, namespace, values, option_string=None):  # noqa: D102
        given = namespace.__dict__.setdefault("_given_options", {})
        if self.dest in given:
            raise argparse.ArgumentError(self, f"given twice ({given[self.dest]!r}, then {values!r}) - expected it "
                                               "once (this option takes one value)")
        given[self.dest] = values
        # the option as typed, for an error of the library about its value (:func:`_name_the_option`)
        namespace.__dict__.setdefault("_typed_options", {})[self.dest] = (option_string, values, self.type)
        super().__call__(parser, namespace, values, option_string)


def _once_everywhere(parser: argparse.ArgumentParser) -> None:
    """Every option of every command that takes one value refuses being given twice."""
    for action in parser._actions:
        if type(action) is argparse._StoreAction and action.option_strings:
            action.__class__ = _StoreOnce
        elif isinstance(action, argparse._SubParsersAction):
            for child in {id(p): p for p in action.choices.values()}.values():
                _once_everywhere(child)


def _add_verbosity_everywhere(parser: argparse.ArgumentParser) -> None:
    """``-v`` / ``-q`` after the sub-command too (``impact run S --out O -q``)."""
    _add_verbosity(parser, default=argparse.SUPPRESS)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in {id(p): p for p in action.choices.values()}.values():
                _add_verbosity_everywhere(child)


class _Messages(logging.Handler):
    """Log records as ``impact CMD: message`` lines on stderr."""

    def __init__(self, command: str) -> None:
        super().__init__()
        self.command = command

    def emit(self, record: logging.LogRecord) -> None:
        level = "" if record.levelno < logging.WARNING else f"{record.levelname.lower()}: "
        try:
            print(f"impact {self.command}: {level}{record.getMessage()}", file=sys.stderr, flush=True)
        except (OSError, ValueError):  # stderr closed: nothing to tell
            pass


def _configure_logging(command: str, level: int) -> tuple[logging.Handler, int, bool]:
    handler = _Messages(command)
    old_level, old_propagate = log.level, log.propagate
    log.addHandler(handler)
    log.setLevel(level)
    log.propagate = False
    return handler, old_level, old_propagate


_MAX_WARNINGS = 50


def _show_warnings(command: str, caught: list[warnings.WarningMessage]) -> None:
    """Each distinct warning once, as a message line (at most 50, then a count of the rest)."""
    seen: dict[str, int] = {}
    for w in caught:
        text = str(w.message)
        seen[text] = seen.get(text, 0) + 1
    for i, (text, n) in enumerate(seen.items()):
        if i == _MAX_WARNINGS:
            print(f"impact {command}: ... and {len(seen) - _MAX_WARNINGS:,} more distinct warnings", file=sys.stderr)
            break
        times = f" ({n:,} times)" if n > 1 else ""
        print(f"impact {command}: warning: {text}{times}", file=sys.stderr)


#: Warnings the command line shows as they are raised, not when the command ends: a run waiting for another.
_AT_ONCE = (FolderBusyWarning,)


@contextlib.contextmanager
def _told_at_once(command: str, caught: list[warnings.WarningMessage]) -> Iterator[None]:
    """Show each warning of :data:`_AT_ONCE` as it is raised (``impact CMD: warning: ...``), every other kept in
    ``caught`` for the end (newuser8: a run waiting for another, up to ten minutes, said so only when it ended)."""
    previous = warnings.showwarning

    def show(message, category, filename, lineno, file=None, line=None):
        if issubclass(category, _AT_ONCE):
            with contextlib.suppress(OSError, ValueError):  # stderr closed: nothing to tell
                print(f"impact {command}: warning: {message}", file=sys.stderr, flush=True)
        else:
            caught.append(warnings.WarningMessage(message, category, filename, lineno, file, line))

    warnings.showwarning = show
    try:
        yield
    finally:
        warnings.showwarning = previous


def _name_the_option(message: str, args: argparse.Namespace) -> str:
    """A library error about the value of an option the user gave, naming the option as typed and what it accepts.

    The library names its parameter (``The value for `codebook` must be one of [...], but 'nosuch' was passed.``),
    which is not the ``--codebook`` the user typed; it becomes ``the value of --codebook must be one of [...], but
    'nosuch' was passed``.  A library parameter ``n_X`` is the option ``--X`` (``n_resamples``, ``--resamples``).  An
    error quoting the file or name given to an option read by the library (``--codebook``, ``--key-file``) that does
    not name the option is prefixed with it, and told what the option accepts where it says nothing expected.  Only
    an option given on the command line is named: a codebook ``study.yaml`` names is no ``--codebook``.

    Examples
    --------
    >>> from impact.cli._options import a_path
    >>> args = argparse.Namespace(_typed_options={"codebook": ("--codebook", "nosuch", None)})
    >>> _name_the_option("The value for `codebook` must be one of ['a', 'b'], but 'nosuch' was passed.", args)
    "the value of --codebook must be one of ['a', 'b'], but 'nosuch' was passed."
    >>> args = argparse.Namespace(_typed_options={"codebook": ("--codebook", "books/x", a_path("a codebook", read=True))})
    >>> _name_the_option("codebook file books/x is a folder", args)
    '--codebook: codebook file books/x is a folder - expected a codebook'
    """
    typed = getattr(args, "_typed_options", {})
    for dest, (option, _value, _type) in typed.items():
        for name in (dest, f"n_{dest}"):
            said = f"The value for `{name}` "
            if said in message:
                start = message.index(said)
                return f"{message[:start]}the value of {option} {message[start + len(said):]}"
    # the value (a file, a name) of an option the library reads, quoted by the error without the option's name
    quoting = [(option, kind) for option, value, kind in typed.values()
               if getattr(kind, "what", None) and isinstance(value, str) and value in message]
    if len(quoting) == 1 and not re.search(rf"(^|\W){re.escape(quoting[0][0])}\b", message):
        option, kind = quoting[0]
        told = "" if re.search(r"\b(expected|must)\b", message) else f" - expected {kind.what}"
        return f"{option}: {message}{told}"
    return message


#: What Ctrl-C outside a command's own clean-up tells: while the command line starts (``python -m impact``
#: reads it too, see ``impact/__main__.py``) or reads its options, nothing is written yet; after the command, all is.
_INTERRUPTED = "impact: interrupted; no output is left half-written (any finished before it is kept)"


class _Terminated(KeyboardInterrupt):
    """SIGTERM (``kill``, a CI or service timeout), taken down the same clean-up path as Ctrl-C."""


def _on_sigterm(signum: int, frame: object) -> None:
    raise _Terminated


_NOT_MAIN = object()


def _catch_sigterm():
    """Make SIGTERM raise :class:`_Terminated` (main thread only); return the previous handler."""
    import threading

    if threading.current_thread() is not threading.main_thread():
        return _NOT_MAIN
    return signal.signal(signal.SIGTERM, _on_sigterm)


def _paths_shown(exc: UnicodeEncodeError) -> tuple[str | bytes, int]:
    """Encoding error handler ``impact.paths``: a path's bytes that are not text as they are, other text escaped.

    A file name need not be valid UTF-8 (Python keeps its bytes as surrogates), nor writable in the terminal's
    encoding; printing it must not fail after the work is done.
    """
    text = exc.object[exc.start:exc.end]
    if all("\udc80" <= ch <= "\udcff" for ch in text):
        return bytes(ord(ch) - 0xDC00 for ch in text), exc.end  # as ls shows it
    return codecs.backslashreplace_errors(exc)


codecs.register_error("impact.paths", _paths_shown)


@contextlib.contextmanager
def _printable_paths():
    """Print any path on stdout and stderr: their encoding gets the ``impact.paths`` handler meanwhile.

    Only a strict one, or Python's usual ``backslashreplace`` of stderr, is changed (a user's own choice of
    handler is kept).
    """
    changed = []
    for stream in (sys.stdout, sys.stderr):
        errors = getattr(stream, "errors", None)
        if errors in ("strict", "backslashreplace") and hasattr(stream, "reconfigure"):
            with contextlib.suppress(ValueError, OSError, io.UnsupportedOperation):
                stream.reconfigure(errors="impact.paths")
                changed.append((stream, errors))
    try:
        yield
    finally:
        for stream, errors in changed:
            with contextlib.suppress(ValueError, OSError, io.UnsupportedOperation):
                stream.reconfigure(errors=errors)


class _NamedOutput:
    """Standard output whose write errors name it: a full disk under ``impact run ... > log.txt`` is not "(a file)"."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        with self._named():
            return self._stream.write(text)

    def flush(self) -> None:
        with self._named():
            self._stream.flush()

    @contextlib.contextmanager
    def _named(self):
        try:
            yield
        except BrokenPipeError:
            raise
        except OSError as exc:
            if exc.errno is None or exc.filename is not None:
                raise
            raise OSError(exc.errno, exc.strerror, "standard output") from exc

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


class _VisibleErrors:
    """Standard error, where every message of the command line is told, each shown with the characters that show as
    nothing written out (:func:`impact.errors.visible`: "c\\u200b: no such folder", not "c: no such folder"), whoever
    made it (impact, argparse, Python's own file-system errors)."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(visible(text))
        return len(text)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    # a warning the command does not tell itself (``impact CMD: warning: ...``) is shown on one line, while it runs
    # (impact the library leaves Python's form alone: a program calling main() gets its own back)
    before = warnings.formatwarning
    show_warnings_plainly()
    try:
        with _printable_paths():
            stdout, sys.stdout = sys.stdout, _NamedOutput(sys.stdout)
            stderr, sys.stderr = sys.stderr, _VisibleErrors(sys.stderr)
            try:
                return _main(argv)
            finally:
                sys.stdout, sys.stderr = stdout, stderr
    except KeyboardInterrupt:  # Ctrl-C before the command began (reading the options) or after it ended
        print(_INTERRUPTED, file=sys.stderr)
        return 130
    finally:
        warnings.formatwarning = before


def _chosen(parser: argparse.ArgumentParser, args: argparse.Namespace) -> list[argparse.ArgumentParser]:
    """The parser of the command given and of its sub-command (``impact review import``: review's, then import's)."""
    chosen, current = [], parser
    for name in (getattr(args, "command", None), getattr(args, "review_command", None)):
        sub = next((a for a in current._actions if isinstance(a, argparse._SubParsersAction)), None)
        if sub is None or name not in sub.choices:
            break
        current = sub.choices[name]
        chosen.append(current)
    return chosen


def _check_kinds(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Refuse a file given to an option (or argument) that reads another of impact's own file kinds, before the
    command starts: the message says what the file is (told from its content), what the option expected, and which
    command and option read it (:func:`impact._kinds.wrong_kind`).  Every such file given is listed."""
    from .._kinds import wrong_kind

    told = []
    for command in _chosen(parser, args):
        for action in command._actions:
            accepts = getattr(action.type, "accepts", None)
            value = getattr(args, action.dest, None)
            if accepts is None or value is None:
                continue
            shown = f"{action.option_strings[0]} " if action.option_strings else ""  # an argument: its file alone
            file_of = getattr(action.type, "file_of", lambda v: v)
            for given in value if isinstance(value, list) else [value]:
                if isinstance(given, str) and (why := wrong_kind(file_of(given), accepts, given=f"{shown}{given}",
                                                                 expected=action.type.what)):
                    told.append(why)
    if told:
        raise InputError("\n  ".join(told) if len(told) == 1 else "\n  ".join(
            [f"{len(told)} files given to options that read other kinds of file:", *told]))


def _check_option_values(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Check the value of every option given that names something to read (a file, a codebook), before the command
    does any work: ``impact run STUDY --codebook nfer`` validated the study for ten seconds before refusing the name
    (newuser9).  Each option's ``type`` carries its check (:func:`impact.cli._options.a_path`); the message is the
    reader's own, naming the option (:func:`_name_the_option`)."""
    study = getattr(args, "study", None)
    for command in _chosen(parser, args):
        for action in command._actions:
            check = getattr(action.type, "check", None)
            value = getattr(args, action.dest, None)
            if check is not None and action.option_strings and isinstance(value, str):
                check(value, study if isinstance(study, str) else None)


def _main(argv: list[str] | None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # a bad option (exit 2, message printed) or --help / --version (exit 0)
        return exc.code if isinstance(exc.code, int) else 2
    command = args.command + (f" {args.review_command}" if getattr(args, "review_command", None) else "")
    handler, old_level, old_propagate = _configure_logging(command, getattr(args, "log_level", logging.INFO))
    caught: list[warnings.WarningMessage] = []
    old_term = _catch_sigterm()
    told_warnings()  # a study's warnings are told by the command that loads it, once it succeeds
    try:
        with recorded_warnings() as caught, _told_at_once(command, caught):
            warnings.filterwarnings("ignore", category=DeprecationWarning)
            warnings.filterwarnings("ignore", category=PendingDeprecationWarning)
            _check_kinds(parser, args)  # a file of another of impact's kinds: told as what it is, before it is read
            _check_option_values(parser, args)
            status = args.func(args)
            sys.stdout.flush()  # what the command printed is out, or its failure is reported like any other
    except ImpactError as exc:
        _show_warnings(command, caught)
        print(f"impact {command}: error: {_name_the_option(str(exc), args)}", file=sys.stderr)
        return 2
    except MemoryError:
        _show_warnings(command, caught)
        print(f"impact {command}: error: ran out of memory - the input is too large for this machine; "
              "split it, or run on a machine with more memory", file=sys.stderr)
        return 2
    except KeyboardInterrupt as exc:
        # true whether or not an output was finished before it (newuser7: "finished outputs were kept" was told when
        # none had been)
        print(f"impact {command}: {'terminated' if isinstance(exc, _Terminated) else 'interrupted'}; no output is "
              "left half-written (any finished before it is kept)", file=sys.stderr)
        return 143 if isinstance(exc, _Terminated) else 130
    except BrokenPipeError:
        # The reader of our output went away (`impact validate STUDY | head`): not an error of the input.
        # Point stdout at /dev/null so that the interpreter's final flush does not fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except OSError as exc:
        if exc.errno is None:  # not a file-system error: a bug
            raise
        _show_warnings(command, caught)
        print(f"impact {command}: error: {describe_os_error(exc)}; nothing was left half-written", file=sys.stderr)
        return 2
    finally:
        if old_term is not _NOT_MAIN:
            signal.signal(signal.SIGTERM, signal.SIG_DFL if old_term is None else old_term)
        log.removeHandler(handler)
        log.setLevel(old_level)
        log.propagate = old_propagate
    _show_warnings(command, caught)
    for line in told_warnings():  # the study's warnings, summarised (impact.cli._options.tell_warnings)
        print(f"impact {command}: warning: {line}", file=sys.stderr)
    return int(status or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

"""The ``impact`` command line: a thin wrapper over the public functions.

Each sub-command lives in a module ``impact/cli/_<name>.py`` that defines
``register(subparsers)``; it adds its parser and sets ``func`` to a function
taking the parsed arguments and returning an exit status.  User errors
(:class:`impact.errors.ImpactError`, missing files) become one clear message
on stderr and exit status 2, without a traceback; a bug still shows its
traceback.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
import warnings

from .._version import __version__
from ..errors import ImpactError

__all__ = ["main", "build_parser"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="impact",
        description="Longitudinal impact evaluation of safeguarding children peer reviews.",
    )
    parser.add_argument("--version", action="version", version=f"impact {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_") and not info.name.startswith("__"):
            module = importlib.import_module(f"{__name__}.{info.name}")
            module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("default")
            status = args.func(args)
    except ImpactError as exc:
        print(f"impact {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError, PermissionError) as exc:
        print(f"impact {args.command}: error: {exc.filename}: {exc.strerror}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"impact {args.command}: interrupted; finished outputs were kept, none is half-written", file=sys.stderr)
        return 130
    return int(status or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

"""The ``framingkit`` command line: a thin layer over the library's functions.

Each subcommand lives in :mod:`framingkit.commands` as a module with

* ``HELP`` (one line), ``EXAMPLE`` (a command line shown in ``--help``),
* ``add_arguments(parser)`` and
* ``run(args) -> int``,

and is listed once in :data:`COMMANDS`. Bad input raises
:class:`~framingkit.errors.InputError`; :func:`main` prints its one sentence
on stderr and exits with status 2, never a traceback. When not every word of an
input reached the analysis (:class:`~framingkit.errors.IncompleteTextWarning`), the
output is printed, the note goes to stderr and the exit status is 3.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import warnings
from collections.abc import Sequence
from types import ModuleType

from . import __version__
from .errors import IncompleteTextWarning, InputError

#: Subcommands in the order ``--help`` lists them (module names in framingkit.commands).
COMMANDS: tuple[str, ...] = (
    "lab",
    "show",
    "compare",
    "spot",
    "claims",
    "grade",
    "key",
    "lessons",
)


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line on stderr and exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        dashed = [a for a in _ARGV if a.startswith("-") and a != "-" and os.path.exists(a)]
        hint = (
            f"; a file name that starts with '-' needs '--' before the file names, "
            f"or './' in front (./{dashed[0]})"
            if dashed
            else ""
        )
        sys.stderr.write(f"framingkit: {message}{hint} (see '{self.prog} --help')\n")
        raise SystemExit(2)


#: The arguments :func:`main` is parsing (for the hint on file names that start with '-').
_ARGV: list[str] = []


def _load(name: str) -> ModuleType:
    return importlib.import_module(f"framingkit.commands.{name.replace('-', '_')}")


def command_table() -> str:
    """The README's command table (Markdown), derived from :data:`COMMANDS`.

    >>> command_table().splitlines()[2].startswith("| `framingkit lab` | Start JupyterLab")
    True
    """
    rows = ["| command | what it does | example |", "| --- | --- | --- |"]
    for name in COMMANDS:
        mod = _load(name)
        example = mod.EXAMPLE.split("  #")[0].strip()
        rows.append(f"| `framingkit {name}` | {mod.HELP} | `{example}` |")
    return "\n".join(rows)


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser (used by :func:`main` and the docs)."""
    parser = _Parser(
        prog="framingkit",
        description="A Jupyter teaching kit on media framing.",
        epilog="Run 'framingkit COMMAND --help' for the options and an example of each command.",
    )
    parser.add_argument("--version", action="version", version=f"framingkit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMANDS:
        mod = _load(name)
        p = sub.add_parser(
            name,
            help=mod.HELP,
            description=mod.HELP,
            epilog=f"example:\n  {mod.EXAMPLE}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        mod.add_arguments(p)
        p.set_defaults(_run=mod.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit status.

    >>> main(["show", "no-such-file.txt"])
    2
    """
    parser = build_parser()
    _ARGV[:] = sys.argv[1:] if argv is None else list(argv)
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help()
        return 2
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", IncompleteTextWarning)
            status = int(args._run(args) or 0)
        for w in caught:  # other warnings go on as usual
            if not issubclass(w.category, IncompleteTextWarning):
                warnings.showwarning(w.message, w.category, w.filename, w.lineno)
        incomplete = [w for w in caught if issubclass(w.category, IncompleteTextWarning)]
        for w in incomplete:  # some of the input was not analysed: say so, and exit 3
            sys.stderr.write(f"framingkit {args.command}: {w.message}\n")
        return 3 if incomplete and status == 0 else status
    except InputError as exc:
        sys.stderr.write(f"framingkit {args.command}: {exc}\n")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write(f"framingkit {args.command}: interrupted.\n")
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # an output folder that does not exist, a full disk, no permission
        where = f" '{exc.filename}'" if exc.filename else ""
        sys.stderr.write(
            f"framingkit {args.command}: cannot read or write{where}: {exc.strerror or exc}.\n"
        )
        return 2
    except Exception as exc:  # a bug: one line for the user, the traceback on request
        if os.environ.get("FRAMINGKIT_DEBUG"):
            raise
        sys.stderr.write(
            f"framingkit {args.command}: internal error ({type(exc).__name__}: {exc}); "
            "please report it (set FRAMINGKIT_DEBUG=1 to see the traceback).\n"
        )
        return 1

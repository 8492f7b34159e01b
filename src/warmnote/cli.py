"""The ``warmnote`` command line: sub-commands register themselves; errors become one line.

Exit codes: 0 passed, 1 rejected, 2 bad input (one line on stderr), 130 interrupted, 141 the
reader of the output went away, and ``INTERNAL_ERROR`` for a bug, so that a crash can never be
read as "the note was rejected".
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NoReturn

from warmnote import __version__
from warmnote.backend import add_backend_arguments, checked_backend_flags
from warmnote.commands import check, context, draft, history, model, packs
from warmnote.commands import eval as eval_command
from warmnote.errors import DEBUG_ENV, INTERNAL_ERROR, InputError, WarmnoteError
from warmnote.files import SURROGATE_RE
from warmnote.terminal import printable

COMMANDS = (check, draft, context, packs, eval_command, history, model)


class Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit 2, like any other bad input."""

    def error(self, message: str) -> NoReturn:
        command = self.prog.removeprefix("warmnote").strip()
        where = f"{command}: " if command else ""
        usage = " ".join(self.format_usage().split())
        self.exit(2, f"warmnote: {where}{printable(message, one_line=True)} ({usage})\n")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="warmnote",
        description="Write LinkedIn connection notes with a local model and honest guardrails. "
        "Run without a command to open the terminal app.",
    )
    parser.add_argument("--version", action="version", version=f"warmnote {__version__}")
    add_backend_arguments(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        command.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    _never_fail_on_output()
    try:
        return _run(argv)
    except WarmnoteError as exc:
        print(f"warmnote: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("warmnote: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`); silence the flush at exit and say so.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except Exception as exc:  # the last safety net: a bug must not pass for "rejected"
        return _internal_error(exc)


def _run(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _decode_text_arguments(parser, args)
    if args.command is None:
        from warmnote.tui import run_app

        return run_app(checked_backend_flags(args))
    code: int = args.func(args)
    return code


def _never_fail_on_output() -> None:
    """Show what the output encoding cannot carry as escapes rather than raise mid-output.

    Under ``LC_ALL=C`` or ``PYTHONIOENCODING=ascii`` a name like "Tomás" would otherwise end
    the program with UnicodeEncodeError half-way through its output.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def _internal_error(exc: Exception) -> int:
    if os.environ.get(DEBUG_ENV):
        traceback.print_exception(exc)
    detail = printable(f"{type(exc).__name__}: {exc}", one_line=True)
    print(
        f"warmnote: internal error: {detail}; run with {DEBUG_ENV}=1 for the traceback",
        file=sys.stderr,
    )
    return INTERNAL_ERROR


def _decode_text_arguments(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Make every text argument real text, or refuse it naming the argument.

    Python decodes argv with the locale, keeping undecodable bytes as lone surrogates. File
    names may hold any bytes and stay as they are; text (a note, a pack name, a search) is read
    as UTF-8, like every file warmnote reads, whatever the locale says.
    """
    names = dict(_argument_names(parser, args))
    for dest, value in vars(args).items():
        if isinstance(value, list):
            setattr(args, dest, [_argument_text(item, names.get(dest, dest)) for item in value])
        else:
            setattr(args, dest, _argument_text(value, names.get(dest, dest)))


def _argument_text(value: object, name: str) -> object:
    if isinstance(value, Path):
        _check_file_name(value, name)
        return value
    if not isinstance(value, str):
        return value
    if "\0" in value:
        raise InputError("text cannot hold a NUL character", field=name)
    if not SURROGATE_RE.search(value):
        return value
    try:
        return os.fsencode(value).decode("utf-8")
    except UnicodeError:
        raise InputError("not valid UTF-8 text", field=name) from None


def _check_file_name(path: Path, name: str) -> None:
    """Only names a real command line can carry: no NUL, nothing the file system cannot encode."""
    try:
        encoded = os.fsencode(path)
    except UnicodeError:
        raise InputError("not a file name this system can encode", field=name) from None
    if b"\0" in encoded:
        raise InputError("a file name cannot hold a NUL character", field=name)


def _argument_names(
    parser: argparse.ArgumentParser, args: argparse.Namespace
) -> Iterator[tuple[str, str]]:
    """(destination, name as typed) for the arguments of the chosen command and sub-command."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            chosen = action.choices.get(getattr(args, action.dest) or "")
            if chosen is not None:
                yield from _argument_names(chosen, args)
        elif action.option_strings:
            yield action.dest, max(action.option_strings, key=len)
        else:
            yield action.dest, str(action.metavar or action.dest.upper())

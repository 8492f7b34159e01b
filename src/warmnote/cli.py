"""The ``warmnote`` command line: sub-commands register themselves; errors become one line."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from warmnote import __version__
from warmnote.commands import check, draft, history, model, packs
from warmnote.commands import eval as eval_command
from warmnote.errors import WarmnoteError

COMMANDS = (check, draft, packs, eval_command, history, model)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="warmnote",
        description="Write LinkedIn connection notes with a local model and honest guardrails. "
        "Run without a command to open the terminal app.",
    )
    parser.add_argument("--version", action="version", version=f"warmnote {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        command.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            from warmnote.tui import run_app

            return run_app()
        code: int = args.func(args)
        return code
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

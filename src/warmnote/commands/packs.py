"""``warmnote packs list|show|validate``: see, inspect and check prompt packs.

A broken pack file never hides the others. ``list`` shows every pack, marks a broken one in its
row and prints its one-line error on stderr, and still exits 0: listing worked, and the
packs that load can be used. ``validate`` is the command whose exit code judges files: 2 when
any is broken. Its warnings (chat-template tokens, no guard line over the fence) leave it at 0.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from warmnote.errors import WarmnoteError
from warmnote.packs import (
    VARIABLES,
    PromptPack,
    load_pack_file,
    locate_pack,
    pack_files,
    pack_warnings,
    prompt_size,
    prompt_tokens,
    render_messages,
    scan_packs,
)
from warmnote.terminal import printable

BROKEN = "-"
"""The version and token cells of a pack that does not load."""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "packs",
        help="list, show and validate prompt packs",
        description="Prompt packs tell the model how to write a note for one scenario. "
        "Your own packs in the user prompts folder sit beside the built-in ones and override "
        "those of the same name.",
    )
    actions = parser.add_subparsers(dest="packs_command", metavar="ACTION", required=True)
    actions.add_parser(
        "list",
        help="the available packs, with their prompt size in tokens; broken ones are marked "
        "and their errors printed on stderr",
    )
    show = actions.add_parser("show", help="a pack's settings, prompt size and rendered prompt")
    show.add_argument("name", metavar="NAME")
    check = actions.add_parser(
        "validate",
        help="check pack files (all built-in and user packs when none are given); "
        "exit 2 if any is broken, warnings leave it at 0",
    )
    check.add_argument("files", metavar="FILE", nargs="*", type=Path)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.packs_command == "list":
        return _list()
    if args.packs_command == "show":
        return _show(args.name)
    return _validate(args.files)


def _one_line(text: object) -> str:
    return printable(str(text), one_line=True)


def _list() -> int:
    scan = scan_packs()
    body = [
        (
            info.name,
            info.version,
            info.source,
            str(prompt_tokens(load_pack_file(info.path))),
            info.description,
        )
        for info in scan.packs
    ]
    body += [
        (broken.name, BROKEN, broken.source, BROKEN, "broken: see its error below")
        for broken in scan.broken
    ]
    header = ("NAME", "VERSION", "SOURCE", "TOKENS", "DESCRIPTION")
    rows = [[_one_line(cell) for cell in row] for row in [header, *sorted(body)]]
    widths = [max(len(row[column]) for row in rows) for column in range(4)]
    for row in rows:
        cells = [
            row[0].ljust(widths[0]),
            row[1].ljust(widths[1]),
            row[2].ljust(widths[2]),
            row[3].rjust(widths[3]),
            row[4],
        ]
        print("  ".join(cells))
    sys.stdout.flush()
    for broken in scan.broken:
        print(f"warmnote: {_one_line(broken.error)}", file=sys.stderr)
    return 0


def _show(name: str) -> int:
    path, source = locate_pack(name)
    pack = load_pack_file(path)
    example = pack.examples[0].context
    size = prompt_size(pack, example)
    overrides = pack.sampling.model_dump(exclude_unset=True)
    sampling = ", ".join(f"{key}={value}" for key, value in overrides.items())
    print(f"{pack.name} {pack.version}  ({source}: {_one_line(path)})")
    print(printable(pack.description))
    print()
    print(f"requires:  {', '.join(pack.requires) or '(nothing)'}")
    print(f"sampling:  {sampling or '(defaults)'}  (the rest, and the seed, from the defaults)")
    print(
        f"prompt tokens for the first example: system {size.system}, "
        f"examples {size.examples} ({len(pack.examples)}), request {size.request}, "
        f"total {size.total}"
    )
    print()
    print("template variables:")
    width = max(len(variable) for variable in VARIABLES) + 1
    for variable, meaning in VARIABLES.items():
        print(f"  ${variable.ljust(width)} {meaning}")
    print()
    print("rendered prompt for the first example:")
    for message in render_messages(pack, example):
        print(f"--- {message.role} ---")
        print(printable(message.content))
    _print_warnings(pack, path)
    return 0


def _validate(files: list[Path]) -> int:
    paths = files or [path for path, _ in pack_files()]
    failed = False
    for path in paths:
        try:
            pack = load_pack_file(path)
        except WarmnoteError as exc:
            print(f"warmnote: {_one_line(exc)}", file=sys.stderr)
            failed = True
        else:
            print(f"ok  {pack.name}  ({_one_line(path)})")
            _print_warnings(pack, path)
    return 2 if failed else 0


def _print_warnings(pack: PromptPack, path: Path) -> None:
    for warning in pack_warnings(pack, path):
        print(f"warmnote: warning: {_one_line(warning)}", file=sys.stderr)

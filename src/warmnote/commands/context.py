"""``warmnote context from-profile FILE|-``: a context from a LinkedIn profile, for ``draft``;
``warmnote context read CONTEXT``: how the context's reason reads, before anything is drafted.

The profile is the page text (select all, copy) or the profile's "Save to PDF" file. Without
``--into`` a new context is printed as JSON: the recipient from the profile, the sender given
or remembered by the app, a stranger by default (a profile says nothing about how you know
each other). With ``--into FILE`` the recipient goes into that context file instead.

``read`` prints what the terminal app shows under the Reason field, so a part the note cannot
use is said again in the file before drafting, from the command line as in the app.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from warmnote import locations
from warmnote.autosave import load_sender
from warmnote.commands.check import to_json
from warmnote.context import Context, Familiarity, Relationship, Sender, load_context
from warmnote.errors import InputError
from warmnote.files import read_data, validate
from warmnote.plain_note import reason_reading
from warmnote.profiles import Profile, merge_recipient, read_profile, recipient
from warmnote.terminal import printable

DEFAULT_SCENARIO = "strategic"
"""The pack for someone whose work matters to you but whom you have not met."""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "context",
        help="make a context from a LinkedIn profile (page text or Save to PDF file)",
        description="Make contexts for `warmnote draft --context`.",
    )
    actions = parser.add_subparsers(dest="context_command", metavar="ACTION", required=True)
    profile = actions.add_parser(
        "from-profile",
        help="read a profile's copied page text or its Save to PDF file into a context",
        description="Read a LinkedIn profile (the page text copied with select all and copy, "
        "or the file from More > Save to PDF) and print a context as JSON with the recipient "
        "filled in: name, headline, company, location, about, recent posts, skills, schools. "
        "Deterministic, no model. A text that is not a profile is refused (exit 2).",
    )
    profile.add_argument("file", type=Path, metavar="FILE", help="profile text or PDF; - for stdin")
    profile.add_argument(
        "--into",
        type=Path,
        metavar="CONTEXT",
        help="put the recipient into this context file (JSON) instead of printing a new one; "
        "the same person keeps the fields the profile does not show",
    )
    profile.add_argument(
        "--sender", metavar="NAME", help="your name (default: the one the app remembers)"
    )
    profile.add_argument(
        "--scenario",
        default=DEFAULT_SCENARIO,
        help=f"prompt pack of the new context (default: {DEFAULT_SCENARIO})",
    )
    read = actions.add_parser(
        "read",
        help="show how the context's reason reads, before drafting",
        description="Show how warmnote reads the context's reason, as the terminal app does under "
        "the Reason field: what the note can say of it, and each part it leaves out (a link, a "
        "note to yourself, a part no sentence could be made of). Say a part again in the file "
        "and read it again before drafting. Deterministic, no model.",
    )
    read.add_argument("file", type=Path, metavar="CONTEXT", help="context file (JSON or TOML)")
    read.add_argument("--json", action="store_true", help="print the reading as JSON")
    parser.set_defaults(func=run)


NO_REASON = "No reason given: the note can say only what the other fields give."
NOTHING_READ = "Nothing in your reason the note can say: say why, as you would to them."


def run(args: argparse.Namespace) -> int:
    if args.context_command == "read":
        return _read(args.file, as_json=args.json)
    if args.into is not None and args.into.suffix.lower() != ".json":
        raise InputError("warmnote writes contexts as JSON: give a .json file", field="--into")
    profile = read_profile(args.file)
    if args.into is not None:
        _write_into(args.into, profile)
        print(f"{args.into}: recipient is now {printable(profile.name)}", file=sys.stderr)
        return 0
    fresh = {
        "scenario": args.scenario,
        "sender": _sender(args.sender),
        "recipient": recipient(profile),
        "relationship": Relationship(familiarity=Familiarity.STRANGER),
    }
    context = validate(Context, fresh)
    print(to_json(context.model_dump(mode="json", exclude_none=True)))
    return 0


def _read(path: Path, *, as_json: bool) -> int:
    context = load_context(path)
    reading = reason_reading(context)
    if as_json:
        left_out = [item.model_dump(mode="json") for item in reading.left_out]
        said = {
            "said": list(reading.said),
            "ours": [list(span) for span in reading.ours],
            "left_out": left_out,
            "greets": reading.greets,
        }
        print(to_json(said))
        return 0
    lines = (reading.lines() or [NOTHING_READ]) if context.reason.strip() else [NO_REASON]
    for line in lines:
        print(printable(line, one_line=True))
    return 0


def _write_into(path: Path, profile: Profile) -> None:
    """Replace only the recipient of the context file: every other key stays as the file set
    it, so no default the file left out (``max_chars``, say) is written into it."""
    data = read_data(path)
    context = merge_recipient(validate(Context, data, file=path), profile)
    data["recipient"] = context.recipient.model_dump(mode="json", exclude_defaults=True)
    text = json.dumps(data, ensure_ascii=False, indent=2)
    try:
        locations.write_private(path, text + "\n")
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror or exc}", file=path) from None


def _sender(name: str | None) -> Sender:
    if name is not None and name.strip():
        return Sender(name=name)
    remembered = load_sender()
    if remembered is None:
        raise InputError(
            "who is writing? give --sender NAME (the app remembers it after your first draft)",
            field="--sender",
        )
    return remembered

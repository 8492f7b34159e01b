"""``warmnote history list|export|mark-sent|recover|import``: saved drafts, outside the app.

Names, companies and notes come from pasted profile text, so everything shown from a draft goes
through :func:`warmnote.terminal.printable`: no escape sequence in them reaches the terminal.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from warmnote import locations
from warmnote.history import RECOVER_COMMAND, HistoryEntry, HistoryStore, dump_json, recover
from warmnote.terminal import printable

if TYPE_CHECKING:
    from warmnote.guardrails import Verdict

PREVIEW_CHARS = 60
SQLITE_INT_MAX = 2**63 - 1


def whole_number(text: str) -> int:
    """An id or count from 1 to SQLite's largest integer: anything else is a usage error, never
    an OverflowError from deep inside SQLite."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 1 <= value <= SQLITE_INT_MAX:
        raise argparse.ArgumentTypeError(f"must be between 1 and {SQLITE_INT_MAX}")
    return value


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "history",
        help="list, export or mark saved drafts; recover a damaged history",
        description="Saved drafts live in a SQLite file in the user data directory. List or "
        "search them, export them to CSV or JSON, record that a note was sent, or recover the "
        "drafts from a damaged history file.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="saved drafts, newest first")
    listing.add_argument(
        "--search",
        default="",
        metavar="Q",
        help="only drafts whose note, recipient, company or scenario has every "
        "word of Q (case-insensitive)",
    )
    listing.add_argument("--json", action="store_true", help="print full entries as JSON")
    listing.add_argument(
        "--limit",
        type=whole_number,
        default=200,
        metavar="N",
        help="at most N drafts (default: 200)",
    )
    export = actions.add_parser("export", help="write every saved draft to a file")
    fmt = export.add_mutually_exclusive_group(required=True)
    fmt.add_argument(
        "--csv",
        action="store_const",
        const="csv",
        dest="format",
        help="flat table for spreadsheets",
    )
    fmt.add_argument(
        "--json",
        action="store_const",
        const="json",
        dest="format",
        help="complete entries: context, verdict and provenance",
    )
    export.add_argument("file", type=Path, metavar="FILE")
    mark = actions.add_parser("mark-sent", help="record that a draft was sent")
    mark.add_argument("id", type=whole_number, metavar="ID")
    mark.add_argument("--undo", action="store_true", help="mark it as not sent")
    imports = actions.add_parser(
        "import",
        help="import LinkedIn's data export: sent notes and connections",
        description="Read LinkedIn's data export (the zip, or its Invitations.csv or "
        "Connections.csv). Notes you sent go into history, marked sent at their time, so "
        "near-duplicate warnings and the monthly count include them; connections make the app "
        "warn when you write to someone you are already connected with. Importing the same file "
        "again adds nothing twice.",
    )
    imports.add_argument("file", type=Path, metavar="FILE")
    actions.add_parser(
        "recover",
        help="move a damaged history file aside and keep every draft that can still be read",
        description="Move the damaged history file aside (kept under a timestamped name), copy "
        "every draft that can still be read into a fresh history file, and say how many drafts "
        "were saved and lost. Close the terminal app first.",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.action == "recover":
        report_recovery()
        return 0
    if args.action == "import":
        return import_export(args.file)
    with HistoryStore() as store:
        if args.action == "list":
            found = store.find(args.search, limit=args.limit)
            entries = found.entries
            if args.json:
                print(dump_json(entries, ascii_only=True))
            elif entries:
                print(format_table(entries))
            else:
                matching = f" match {args.search!r}" if args.search else ""
                print(f"no saved drafts{printable(matching, one_line=True)}")
            warn_skipped(store.path, found.skipped)
        elif args.action == "export":
            written = store.export(args.file, args.format)
            count = len(written.entries)
            print(f"wrote {count} drafts to {printable(str(args.file), one_line=True)}")
            warn_skipped(store.path, written.skipped)
        else:
            mark_sent(store, args.id, sent=not args.undo)
    return 0


def import_export(path: Path) -> int:
    """Import the export's connections and sent notes; each unreadable row is one warning."""
    from warmnote.linkedin_export import read_export

    data = read_export(path)
    for problem in data.problems:
        print(f"warmnote: warning: {printable(problem, one_line=True)}", file=sys.stderr)
    with HistoryStore() as store:
        connections = store.import_connections(data.connections)
        notes = store.import_invitations(data.invitations, _judge()) if data.invitations else 0
    sent = [i for i in data.invitations if i.outgoing and i.message.strip()]
    left_out = len(data.invitations) - len(sent)
    print(
        f"connections: {connections} new of {len(data.connections)}; "
        f"sent notes: {notes} new of {len(sent)}; "
        f"invitations received or sent without a note, left out: {left_out}"
    )
    return 0


def _judge() -> Callable[[str], Verdict]:
    """The guardrails' verdict on a note's text alone: the export has no context for it."""
    from warmnote.guardrails import Guardrails

    guardrails = Guardrails.load()
    return lambda text: guardrails.check(text)


def warn_skipped(path: Path, skipped: list[str]) -> None:
    """One line on stderr when rows could not be read: how many, the first problem, the way out."""
    if not skipped:
        return
    more = f" and {len(skipped) - 1} more" if len(skipped) > 1 else ""
    drafts = "draft" if len(skipped) == 1 else "drafts"
    warning = (
        f"{path}: skipped {len(skipped)} saved {drafts} that cannot be read ({skipped[0]}{more});"
        f" run `{RECOVER_COMMAND}` to move the file aside and keep every draft that can be read"
    )
    print(f"warmnote: warning: {printable(warning, one_line=True)}", file=sys.stderr)


def report_recovery() -> None:
    path = locations.history_db()
    done = recover(path)
    if done is None:
        state = "is not damaged" if path.exists() else "does not exist"
        print(f"{path} {state}; nothing to recover")
        return
    lost = "an unknown number" if done.lost is None else str(done.lost)
    print(f"saved {done.saved} drafts into a fresh {path}; lost {lost}")
    print(f"the damaged file is kept as {done.damaged_copy}")


def mark_sent(store: HistoryStore, entry_id: int, *, sent: bool) -> None:
    """Mark the draft and warn if an already-sent note reads nearly the same."""
    store.mark_sent(entry_id, sent)
    if not sent:
        print(f"draft {entry_id} marked as not sent")
        return
    entry = store.get(entry_id)
    print(f"draft {entry_id} marked as sent")
    for other, score in store.similar_sent(entry.text):
        if other.id != entry_id:
            print(
                f"warmnote: warning: draft {entry_id} is {score:.0f}% similar to draft "
                f"{other.id}, already sent to "
                f"{printable(other.context.recipient.name, one_line=True)}",
                file=sys.stderr,
            )


def format_table(entries: list[HistoryEntry]) -> str:
    rows: list[tuple[str, ...]] = [
        ("ID", "SAVED", "SENT", "CHECK", "RECIPIENT", "SCENARIO", "NOTE")
    ]
    rows += [_row(entry) for entry in entries]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    return "\n".join(
        "  ".join([*(cell.ljust(w) for cell, w in zip(row, widths, strict=False)), row[-1]])
        for row in rows
    )


def _row(entry: HistoryEntry) -> tuple[str, ...]:
    recipient = entry.context.recipient
    who = f"{recipient.name} ({recipient.company})" if recipient.company else recipient.name
    preview = " ".join(entry.text.split())
    if len(preview) > PREVIEW_CHARS:
        preview = preview[: PREVIEW_CHARS - 1] + "…"
    return (
        str(entry.id),
        entry.created_at.astimezone().strftime("%Y-%m-%d %H:%M"),
        entry.sent_at.astimezone().strftime("%Y-%m-%d") if entry.sent_at else "-",
        "pass" if entry.passed else "fail",
        printable(who, one_line=True),
        printable(entry.context.scenario, one_line=True),
        printable(preview, one_line=True),
    )

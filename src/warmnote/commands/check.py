"""``warmnote check``: run the guardrails over one note, or over a JSON Lines batch."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from warmnote.context import Context, load_context
from warmnote.errors import InputError
from warmnote.files import validate
from warmnote.guardrails import Guardrails, Verdict

STDIN = "-"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "check",
        help="check a note against the guardrails",
        description="Check a connection note against the guardrails. Exit code 0: every note "
        "passed; 1: at least one was rejected; 2: bad input.",
    )
    parser.add_argument(
        "text", metavar="TEXT", nargs="?", help="the note, or '-' to read it from standard input"
    )
    parser.add_argument(
        "--context", metavar="FILE", type=Path, help="the context (JSON or TOML) the note is for"
    )
    parser.add_argument(
        "--limit", metavar="N", help="character limit (default: the context's, else 300)"
    )
    parser.add_argument("--json", action="store_true", help="print the verdict as JSON")
    parser.add_argument(
        "--jsonl",
        metavar="FILE",
        help='check a batch: one {"id", "text", "context"?} object per line (\'-\' for '
        "standard input); prints one verdict per line",
    )
    parser.set_defaults(func=run)


class BatchItem(BaseModel):
    """One line of a ``--jsonl`` batch."""

    model_config = ConfigDict(extra="forbid")

    id: str | int | None = None
    text: str
    context: Context | None = None


def run(args: argparse.Namespace) -> int:
    if args.jsonl is not None and args.text is not None:
        raise InputError("give either TEXT or --jsonl FILE, not both")
    if args.jsonl is None and args.text is None:
        raise InputError("give the note as TEXT, '-' for standard input, or --jsonl FILE")
    limit = _limit(args.limit)
    context = load_context(args.context) if args.context is not None else None
    if args.jsonl is not None:
        items = _read_batch(args.jsonl)
        guardrails = Guardrails.load()
        return _check_batch(guardrails, items, context, limit)
    text = sys.stdin.read() if args.text == STDIN else args.text
    verdict = Guardrails.load().check(text, context, limit)
    if args.json:
        print(json.dumps(verdict_json(verdict), ensure_ascii=False))
    else:
        print(render(verdict))
    return 0 if verdict.passed else 1


def _limit(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        limit = int(value)
    except ValueError:
        limit = 0
    if limit < 1:
        raise InputError(f"must be a positive whole number, not {value!r}", field="--limit")
    return limit


def verdict_json(verdict: Verdict) -> dict[str, Any]:
    """The documented JSON shape of a verdict."""
    return {
        "passed": verdict.passed,
        "length": verdict.length,
        "limit": verdict.limit,
        "violations": [
            {
                "rule": v.rule,
                "severity": v.severity.value,
                "message": v.message,
                "start": v.start,
                "end": v.end,
            }
            for v in verdict.violations
        ],
    }


def render(verdict: Verdict) -> str:
    """``PASS 187/300`` or ``REJECTED 342/300``, then one line per violation."""
    head = "PASS" if verdict.passed else "REJECTED"
    lines = [f"{head} {verdict.length}/{verdict.limit}"]
    for v in verdict.violations:
        span = f"[{v.start}:{v.end}]"
        lines.append(f"  {v.severity.value:<7}  {v.rule:<15}  {span:<9}  {v.message}")
    return "\n".join(lines)


def _read_batch(source: str) -> list[BatchItem]:
    """Every line validated before any is checked, so bad input prints no partial output."""
    name = "<stdin>" if source == STDIN else source
    if source == STDIN:
        lines = sys.stdin.read().splitlines()
    else:
        try:
            lines = Path(source).read_text(encoding="utf-8-sig").splitlines()
        except FileNotFoundError:
            raise InputError("file not found", file=name) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read: {exc}", file=name) from None
    items = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"invalid JSON at column {exc.colno}: {exc.msg}", file=where) from None
        if not isinstance(data, dict):
            raise InputError("expected a JSON object", file=where)
        items.append(validate(BatchItem, data, file=where))
    return items


def _check_batch(
    guardrails: Guardrails, items: list[BatchItem], context: Context | None, limit: int | None
) -> int:
    passed = True
    for item in items:
        verdict = guardrails.check(item.text, item.context or context, limit)
        passed = passed and verdict.passed
        print(json.dumps({"id": item.id, **verdict_json(verdict)}, ensure_ascii=False))
    return 0 if passed else 1

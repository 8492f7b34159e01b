"""``warmnote check``: run the guardrails over one note, or over a JSON Lines batch.

Input is read as bytes, bounded in size and decoded as strict UTF-8; a bad batch line is one
error naming ``FILE:LINE``, before any verdict is printed. Output cannot drive a terminal: the
text verdict shows quoted text through ``printable``, and JSON carries C1 controls, bidi
controls and unpaired surrogates only as ``\\uXXXX`` escapes.

A batch whose first line has a ``label`` is a labelled corpus (``warmnote.evals.judged``): every
line then needs one, and after the verdicts come pass precision and recall. As one text line on
standard error, so standard output stays one verdict per line; with ``--json``, as a final
``{"summary": ...}`` object on standard output instead. The exit code still says whether every
note passed.
"""

from __future__ import annotations

import argparse
import gc
import json
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, StrictInt, StrictStr, ValidationError

from warmnote.context import MAX_LIMIT, MIN_LIMIT, Context, load_context
from warmnote.errors import InputError
from warmnote.evals.judged import JudgedNote, line_error, rejecting, tally
from warmnote.files import (
    MAX_INPUT_BYTES,
    STDIN,
    STDIN_NAME,
    decode_text,
    read_bytes_bounded,
    read_text_bounded,
)
from warmnote.guardrails import Guardrails, Verdict
from warmnote.terminal import printable

MAX_BATCH_BYTES = 32 << 20
"""32 MiB: some 40,000 notes, each with a context of its own. Every line is validated before the
first verdict is printed, so the batch is held in memory: about 15 bytes per byte of input."""
MAX_LINE_CHARS = MAX_INPUT_BYTES
"""One batch line holds one note: as much as ``check -`` reads."""
_JSON_SPACE = " \t\r"
_RAW_IN_JSON_RE = re.compile(
    "[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
"""What ``json.dumps(ensure_ascii=False)`` leaves raw but a terminal or a reader may act on."""


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
        "--limit",
        metavar="N",
        help=f"character limit, {MIN_LIMIT} to {MAX_LIMIT} (default: the context's, else 300)",
    )
    parser.add_argument("--json", action="store_true", help="print the verdict as JSON")
    parser.add_argument(
        "--jsonl",
        metavar="FILE",
        type=Path,
        help='check a batch: one {"id", "text", "context"?} object per line (\'-\' for '
        "standard input); blank lines (spaces and tabs only) are skipped; prints one verdict "
        'per line; lines with a "label" also get pass precision and recall (on stderr, '
        'or as a final {"summary"} object with --json)',
    )
    parser.set_defaults(func=run)


class BatchItem(BaseModel):
    """One line of a ``--jsonl`` batch; the id is echoed exactly, so it is not coerced."""

    model_config = ConfigDict(extra="forbid")

    id: StrictStr | StrictInt | None = None
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
        items = read_batch(args.jsonl)
        return _check_batch(Guardrails.load(), items, context, limit, as_json=args.json)
    text = read_text_bounded(STDIN) if args.text == STDIN else args.text
    verdict = Guardrails.load().check(text, context, limit)
    print(to_json(verdict_json(verdict)) if args.json else render(verdict))
    return 0 if verdict.passed else 1


_LIMIT_RE = re.compile(rf"[0-9]{{1,{len(str(MAX_LIMIT))}}}")
"""ASCII digits only (``int`` would take "١٢٣" and "1_000"), few enough to convert at once."""


def _limit(value: str | None) -> int | None:
    """``--limit``: the range a context's ``max_chars`` and ``draft --limit`` allow."""
    if value is None:
        return None
    limit = int(value) if _LIMIT_RE.fullmatch(value) else None
    if limit is None or not MIN_LIMIT <= limit <= MAX_LIMIT:
        raise InputError(
            f"must be a whole number from {MIN_LIMIT} to {MAX_LIMIT}, not {value[:40]!r}",
            field="--limit",
        )
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


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def to_json(data: dict[str, Any]) -> str:
    """One line of JSON, readable (no escapes for "é" or "王"), with nothing raw that a terminal
    or a reader could act on: C0 controls are escaped by JSON itself, the rest here."""
    line = json.dumps(data, ensure_ascii=False)
    if line.isascii() and "\x7f" not in line:
        return line
    return _RAW_IN_JSON_RE.sub(_escape, line)


def render(verdict: Verdict) -> str:
    """``PASS 187/300`` or ``REJECTED 342/300``, then one line per violation."""
    head = "PASS" if verdict.passed else "REJECTED"
    lines = [f"{head} {verdict.length}/{verdict.limit}"]
    for v in verdict.violations:
        span = f"[{v.start}:{v.end}]"
        message = printable(v.message, one_line=True)
        lines.append(f"  {v.severity.value:<7}  {v.rule:<15}  {span:<9}  {message}")
    return "\n".join(lines)


def read_batch(source: Path) -> list[BatchItem | JudgedNote]:
    """Every line validated before any is checked, so bad input prints no partial output.

    Lines end at ``\\n`` only: U+2028 or U+0085 inside a note is text, not a line break. A
    newline ends the last line rather than starting an empty one, and lines of JSON whitespace
    only (spaces, tabs, a CR) are skipped. ``-`` is standard input. The first line decides
    whether the batch is labelled: then every line is a ``JudgedNote``, else none may be.
    """
    name: str | Path = STDIN_NAME if str(source) == STDIN else source
    text = decode_text(read_bytes_bounded(source, limit=MAX_BATCH_BYTES, name=name), file=name)
    items: list[BatchItem | JudgedNote] = []
    model: type[BatchItem | JudgedNote] | None = None
    for number, line in enumerate(text.removesuffix("\n").split("\n"), start=1):
        if not line.strip(_JSON_SPACE):
            continue
        where = f"{name}:{number}"
        if len(line) > MAX_LINE_CHARS:
            raise InputError(f"longer than {MAX_LINE_CHARS} characters", file=where)
        model = model or _batch_model(line)
        try:
            items.append(model.model_validate_json(line))
        except ValidationError as exc:
            raise _line_error(exc, where) from None
    return items


def _batch_model(first_line: str) -> type[BatchItem | JudgedNote]:
    """``JudgedNote`` when the first line has a ``label`` (and only that stops it from being a
    plain batch line, so a line with other errors still gets its own message)."""
    try:
        BatchItem.model_validate_json(first_line)
    except ValidationError as exc:
        if any(e["type"] == "extra_forbidden" and e["loc"] == ("label",) for e in exc.errors()):
            return JudgedNote
    return BatchItem


def _line_error(exc: ValidationError, where: str) -> InputError:
    error = line_error(exc, where)
    if error.field == "label" and error.detail in ("unknown field", "required field is missing"):
        hint = " (the first line decides: label every line of a batch, or none)"
        return InputError(error.detail + hint, file=where, field="label")
    return error


@contextmanager
def _frozen_heap() -> Iterator[None]:
    """Keep the garbage collector from walking everything that exists now (the whole batch)
    again and again while the checks allocate: a few per cent of a batch."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _check_batch(
    guardrails: Guardrails,
    items: list[BatchItem | JudgedNote],
    context: Context | None,
    limit: int | None,
    *,
    as_json: bool,
) -> int:
    passed = True
    out = []
    judged: list[tuple[JudgedNote, frozenset[str]]] = []
    with _frozen_heap():
        for item in items:
            verdict = guardrails.check(item.text, item.context or context, limit)
            passed = passed and verdict.passed
            out.append(to_json({"id": item.id, **verdict_json(verdict)}))
            if isinstance(item, JudgedNote):
                judged.append((item, rejecting(verdict)))
    summary = tally(judged) if judged else None
    if summary is not None and as_json:
        out.append(to_json({"summary": summary.as_json()}))
    if out:
        sys.stdout.write("\n".join(out) + "\n")
    if summary is not None and not as_json:
        sys.stdout.flush()  # the summary follows the verdicts on a terminal showing both
        sys.stderr.write(summary.summary_line() + "\n")
    return 0 if passed else 1

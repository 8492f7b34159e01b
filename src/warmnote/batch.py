"""Drafting for a list of people: one note per row of a CSV or JSON Lines file, one model load.

Every row is read and validated first; a bad row is reported with its line and the others are
drafted. Each finished row is appended to the output file, flushed and fsynced, and saved to
history, so Ctrl+C (or a crash) loses at most the row being drafted, and ``--resume`` drafts only
the rows the output does not hold yet. The drafting is the same as ``warmnote draft`` on each
row's context, through one :class:`~warmnote.session.DraftingSession`, as ``warmnote eval`` does.

CSV columns are the context's fields as dotted paths (``recipient.name``, ``reason``); list
fields split on ``;`` except ``recipient.recent_posts``, which splits on blank lines (a post may
hold a ``;``). An empty cell leaves its field out. An unknown column is an error before anything
is drafted: a misspelt ``reason`` column would otherwise draft every note without its reason.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import os
import re
import sys
import types
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Literal

from pydantic import BaseModel

from warmnote import locations
from warmnote.context import Context
from warmnote.errors import InputError, WarmnoteError
from warmnote.evals.records import RunRecord
from warmnote.evals.runner import ProgressSink
from warmnote.files import decode_text, parse_json, read_bytes_bounded, validate
from warmnote.history import HistoryStore, defuse
from warmnote.packs import PromptPack, get_pack, missing_required
from warmnote.results import DraftResult, LeftOut
from warmnote.session import DraftingSession
from warmnote.settings import Settings
from warmnote.tabular import csv_rows, set_path, split_posts
from warmnote.terminal import printable

MAX_BATCH_BYTES = 32 << 20
"""32 MiB, as for ``check --jsonl``: thousands of contexts, each a few kilobytes."""
LIST_SEPARATOR = ";"
POSTS_FIELD = "recipient.recent_posts"

OUTPUT_COLUMNS = (
    "row",
    "key",
    "id",
    "recipient",
    "passed",
    "origin",
    "length",
    "limit",
    "text",
    "violations",
    "left_out",
    "model",
    "model_sha256",
    "pack",
    "pack_version",
    "seed",
    "attempts",
    "history_id",
)
"""The CSV output; JSON Lines has the same keys with ``violations`` and ``provenance`` whole."""
EARLIER_COLUMNS = (tuple(c for c in OUTPUT_COLUMNS if c != "left_out"),)
"""The CSV columns of earlier versions: a file begun with them is resumed with them."""
NOT_BATCH_OUTPUT = "not the output of `warmnote draft --batch`"
_JSONL_START = '{"row": '
"""How every JSON Lines record starts: ``row`` is the first key :func:`_record` writes."""


def _kind(annotation: Any) -> Literal["text", "list", "number"]:
    if typing.get_origin(annotation) is list:
        return "list"
    options = typing.get_args(annotation) if isinstance(annotation, types.UnionType) else ()
    return "number" if annotation is int or int in options else "text"


def _field_paths(model: type[BaseModel], prefix: str = "") -> Iterator[tuple[str, str]]:
    for name, info in model.model_fields.items():
        annotation = info.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            yield from _field_paths(annotation, f"{prefix}{name}.")
        else:
            yield f"{prefix}{name}", _kind(annotation)


CSV_FIELDS: dict[str, str] = dict(_field_paths(Context))
"""Every CSV column warmnote reads: the context's fields as dotted paths, and their kinds."""


@dataclass(frozen=True)
class BatchRow:
    """A row of the input: its line, a key that names its content, and its context or error."""

    line: int
    key: str
    where: str
    """``FILE:LINE``, as errors name the row."""
    context: Context | None = None
    error: str | None = None

    @property
    def done_key(self) -> str:
        return f"{self.line}:{self.key}"


def read_rows(path: Path) -> list[BatchRow]:
    """Every row of a ``.csv`` or ``.jsonl`` file; a bad header or file raises, a bad row is
    kept with its error."""
    suffix = path.suffix.casefold()
    if suffix not in (".csv", ".jsonl"):
        raise InputError("must end in .csv or .jsonl", file=path, field="--batch")
    text = decode_text(read_bytes_bounded(path, limit=MAX_BATCH_BYTES), file=path)
    return list(_csv_rows(text, path) if suffix == ".csv" else _jsonl_rows(text, path))


def _row(line: int, raw: str, data: Any, path: Path) -> BatchRow:
    key = hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]
    where = f"{path}:{line}"
    try:
        return BatchRow(line, key, where, context=validate(Context, data, file=where))
    except InputError as exc:
        return BatchRow(line, key, where, error=str(exc))


def _jsonl_rows(text: str, path: Path) -> Iterator[BatchRow]:
    for number, line in enumerate(text.removesuffix("\n").split("\n"), start=1):
        if not line.strip():
            continue
        try:
            data = parse_json(line, file=f"{path}:{number}")
        except InputError as exc:
            yield BatchRow(number, "", exc.file or "", error=str(exc))
            continue
        yield _row(number, line, data, path)


def _csv_rows(text: str, path: Path) -> Iterator[BatchRow]:
    reader = csv.reader(io.StringIO(text, newline=""))
    header = _csv_header(reader, path)
    for line, cells in csv_rows(reader, path):
        if len(cells) > len(header):
            where = f"{path}:{line}"
            yield BatchRow(line, "", where, error=f"{where}: more cells than columns")
            continue
        raw = json.dumps(cells, ensure_ascii=False)
        yield _row(line, raw, _csv_context(dict(zip(header, cells, strict=False))), path)


def _csv_header(reader: Iterator[list[str]], path: Path) -> list[str]:
    try:
        header = [cell.strip().casefold() for cell in next(reader)]
    except StopIteration:
        raise InputError("empty: the first row must name the columns", file=path) from None
    except csv.Error as exc:
        raise InputError(f"not valid CSV: {exc}", file=f"{path}:1") from None
    for column in header:
        if column not in CSV_FIELDS:
            raise InputError(
                f"unknown column (the columns are the context's fields: {', '.join(CSV_FIELDS)})",
                file=f"{path}:1",
                field=column or "(empty)",
            )
    duplicate = next((column for column in header if header.count(column) > 1), None)
    if duplicate:
        raise InputError("this column appears twice", file=f"{path}:1", field=duplicate)
    return header


def _csv_context(cells: dict[str, str]) -> dict[str, Any]:
    """The nested dict a Context validates from one CSV row; empty cells are left out."""
    data: dict[str, Any] = {}
    for column, cell in cells.items():
        value: Any = cell.strip()
        if not value:
            continue
        kind = CSV_FIELDS[column]
        if column == POSTS_FIELD:
            value = split_posts(value)
        elif kind == "list":
            value = [item.strip() for item in value.split(LIST_SEPARATOR) if item.strip()]
        elif kind == "number" and value.isdecimal():
            value = int(value)
        set_path(data, column, value)
    return data


class BatchOutput:
    """The output file, one record per drafted row, each flushed and fsynced as it is written."""

    def __init__(
        self,
        path: Path,
        handle: IO[bytes],
        done: set[str],
        columns: tuple[str, ...] = OUTPUT_COLUMNS,
    ) -> None:
        self.path = path
        self.done = done
        """``line:key`` of every row already written (from an earlier run when resuming)."""
        self.columns = columns
        """The CSV file's columns: an earlier version's when resuming a file it began."""
        self._handle = handle
        self._jsonl = path.suffix.casefold() == ".jsonl"

    @classmethod
    def open(cls, path: Path, *, resume: bool) -> BatchOutput:
        if path.suffix.casefold() not in (".csv", ".jsonl"):
            raise InputError("must end in .csv or .jsonl", file=path, field="--out")
        try:
            if resume and path.is_file() and path.stat().st_size:
                done, columns = _written_rows(path)
                return cls(path, path.open("ab"), done, columns)
            if not resume and path.exists() and path.is_file() and path.stat().st_size:
                raise InputError(
                    "already exists; add --resume to continue it, or choose another file",
                    file=path,
                )
            output = cls(path, locations.open_private(path), set())
        except OSError as exc:
            raise InputError(f"cannot write: {exc.strerror}", file=path) from None
        if not output._jsonl:
            output._write(_csv_line(OUTPUT_COLUMNS))
        return output

    def write(self, row: BatchRow, result: DraftResult, history_id: int | None) -> None:
        record = _record(row, result, history_id)
        if self._jsonl:
            self._write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            self._write(_csv_line(_csv_cells(record, self.columns)))
        self.done.add(row.done_key)

    def _write(self, text: str) -> None:
        self._handle.write(text.encode("utf-8"))
        self._handle.flush()
        os.fsync(self._handle.fileno())

    def close(self) -> None:
        self._handle.close()


def _csv_line(cells: tuple[object, ...]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(cells)
    return out.getvalue()


def _record(row: BatchRow, result: DraftResult, history_id: int | None) -> dict[str, Any]:
    assert row.context is not None
    return {
        "row": row.line,
        "key": row.key,
        "id": row.context.id,
        "recipient": row.context.recipient.name,
        "text": result.text,
        "passed": result.passed,
        "length": result.verdict.length,
        "limit": result.verdict.limit,
        "violations": [v.model_dump(mode="json") for v in result.violations],
        "provenance": result.provenance.model_dump(mode="json"),
        "left_out": [item.model_dump(mode="json") for item in result.left_out],
        "history_id": history_id,
    }


def _csv_cells(
    record: dict[str, Any], columns: tuple[str, ...] = OUTPUT_COLUMNS
) -> tuple[object, ...]:
    prov = record["provenance"]
    flat = {
        **record,
        "passed": "yes" if record["passed"] else "no",
        "origin": prov["origin"],
        "violations": "; ".join(f"{v['rule']}: {v['message']}" for v in record["violations"]),
        "left_out": "; ".join(LeftOut.model_validate(item).message for item in record["left_out"]),
        "model": prov["model_name"],
        "model_sha256": prov["model_sha256"],
        "pack": prov["pack"],
        "pack_version": prov["pack_version"],
        "seed": prov["seed"],
        "attempts": prov["attempts"],
    }
    return tuple(defuse("" if flat[c] is None else flat[c]) for c in columns)


def _written_rows(path: Path) -> tuple[set[str], tuple[str, ...]]:
    """``line:key`` of each complete record, and the CSV file's columns. A record cut short by a
    crash is cut from the file, so it is drafted again and the next record starts on a line of
    its own; nothing is cut before every complete record has been found to be batch output."""
    raw = path.read_bytes()
    text = decode_text(raw, file=path)
    records, end, columns = _complete_records(path, text)
    try:
        done = {f"{record['row']}:{record['key']}" for record in records}
    except (KeyError, TypeError, IndexError):
        raise InputError(NOT_BATCH_OUTPUT, file=path) from None
    kept = len(text[:end].encode("utf-8"))
    if kept < len(raw):
        with path.open("r+b") as handle:
            handle.truncate(kept)
    return done, columns


def _complete_records(path: Path, text: str) -> tuple[list[dict[str, Any]], int, tuple[str, ...]]:
    """The records up to the first one that is incomplete, the characters they take, and the
    columns of a CSV file (an earlier version's are read too).

    A record ends with a newline; a CSV record also has every column (a note may hold a
    newline, so a CSV line alone is not a record).
    """
    lines = re.split(r"(?<=\n)", text)
    if path.suffix.casefold() == ".jsonl":
        records, end = [], 0
        for number, line in enumerate(lines, start=1):
            if not line.endswith("\n"):
                break
            if line.strip():
                records.append(parse_json(line, file=f"{path}:{number}"))
            end += len(line)
        cut = text[end:]
        if cut and not (cut.startswith(_JSONL_START) or _JSONL_START.startswith(cut)):
            raise InputError(NOT_BATCH_OUTPUT, file=path)  # not a record of ours cut short
        return records, end, OUTPUT_COLUMNS
    consumed = 0

    def feed() -> Iterator[str]:
        nonlocal consumed
        for line in lines:
            consumed += len(line)
            yield line

    reader = csv.reader(feed())
    columns = tuple(next(reader, ()))
    if columns not in (OUTPUT_COLUMNS, *EARLIER_COLUMNS) or text[consumed - 1 : consumed] != "\n":
        raise InputError(NOT_BATCH_OUTPUT, file=path)
    rows, end = [], consumed
    try:
        for cells in reader:
            if len(cells) != len(columns) or text[consumed - 1 : consumed] != "\n":
                break
            rows.append(dict(zip(columns, cells, strict=True)))
            end = consumed
    except csv.Error:
        pass  # a quoted cell cut short
    return rows, end, columns


@dataclass
class BatchOutcome:
    rows: int = 0
    drafted: int = 0
    passed: int = 0
    bad: int = 0
    earlier: int = 0
    """Rows the output already held (``--resume``)."""
    interrupted: bool = False


@dataclass(frozen=True)
class BatchOptions:
    pack: str | None = None
    seed: int = 0
    attempts: int | None = None
    candidates: int | None = None
    limit: int | None = None


class Packs:
    """Packs by name, each loaded once; a pack that will not load is that row's error."""

    def __init__(self) -> None:
        self._cache: dict[str, PromptPack | WarmnoteError] = {}

    def get(self, name: str) -> PromptPack:
        if name not in self._cache:
            try:
                self._cache[name] = get_pack(name)
            except WarmnoteError as exc:
                self._cache[name] = exc
        found = self._cache[name]
        if isinstance(found, WarmnoteError):
            raise found
        return found


def run_batch(
    rows: list[BatchRow],
    output: BatchOutput,
    session: DraftingSession,
    options: BatchOptions,
    *,
    history: HistoryStore | None = None,
    progress: ProgressSink | None = None,
    report: Callable[[str], None] = print,
) -> BatchOutcome:
    """Draft every row not yet in ``output``; Ctrl+C stops after the rows already written.

    Every bad row is reported before drafting starts, so the reports stay apart from the
    progress line and a person can fix the file while the good rows are drafted.
    """
    outcome = BatchOutcome(rows=len(rows))
    packs = Packs()
    done: list[RunRecord] = []
    ready: list[tuple[BatchRow, Context, PromptPack]] = []
    for row in rows:
        if row.done_key in output.done:
            outcome.earlier += 1
            done.append(_progress_record(row))
            continue
        try:
            ready.append((row, *_prepare(row, session, options, packs)))
        except WarmnoteError as exc:
            outcome.bad += 1
            report(str(exc))
            done.append(_progress_record(row, skipped=str(exc)))
    if progress is not None:
        progress.start(len(rows), done)
    try:
        for row, context, pack in ready:
            record = _draft_row(row, context, pack, output, session, options, history)
            outcome.drafted += 1
            outcome.passed += record.result is not None and record.result.passed
            if progress is not None:
                progress.advance(record)
    except KeyboardInterrupt:
        outcome.interrupted = True
    finally:
        output.close()
        if progress is not None:
            progress.finish()
    return outcome


def _draft_row(
    row: BatchRow,
    context: Context,
    pack: PromptPack,
    output: BatchOutput,
    session: DraftingSession,
    options: BatchOptions,
    history: HistoryStore | None,
) -> RunRecord:
    """Draft one row as ``warmnote draft`` would, then save it to history and the output."""
    request = session.request(
        context, pack, seed=options.seed, attempts=options.attempts, candidates=options.candidates
    )
    result = session.draft(request)
    history_id = None
    if history is not None:
        history_id = history.save(context, result.text, result.verdict, result.provenance)
    output.write(row, result, history_id)
    return RunRecord(case=str(row.line), pack=pack.name, model="", seed=options.seed, result=result)


def _prepare(
    row: BatchRow, session: DraftingSession, options: BatchOptions, packs: Packs
) -> tuple[Context, PromptPack]:
    """The row's context with the account's or the given limit, and its pack; or why not."""
    if row.context is None:
        raise InputError(row.error or "unreadable row")
    context = session.settings.with_limit(row.context)
    if options.limit is not None:
        context = context.model_copy(update={"max_chars": options.limit})
    try:
        pack = packs.get(options.pack or context.scenario)
    except WarmnoteError as exc:
        raise InputError(f"{exc}", file=row.where, field="scenario") from None
    missing = missing_required(pack, context)
    if missing:
        raise InputError(f"the {pack.name} pack needs this field", file=row.where, field=missing[0])
    return context, pack


def _progress_record(row: BatchRow, skipped: str = "done earlier") -> RunRecord:
    return RunRecord(case=str(row.line), pack="", model="", seed=0, skipped=skipped)


def run_command(
    args: argparse.Namespace, settings: Settings, make_session: Callable[[], DraftingSession]
) -> int:
    """``warmnote draft --batch FILE --out FILE [--resume]``.

    Exit 130 when interrupted, 2 when a row was bad, 1 when a note was rejected, else 0.
    """
    from warmnote.evals.progress import progress_for

    _check_options(args)
    if args.pack is not None:
        get_pack(args.pack)  # a wrong --pack is bad input, not a bad row
    rows = read_rows(args.batch)
    options = BatchOptions(
        pack=args.pack,
        seed=settings.seed if args.seed is None else args.seed,
        attempts=args.attempts,
        candidates=args.candidates,
        limit=args.limit,
    )
    _check_not_input(args.out, args.batch)
    session = make_session()
    out = printable(str(args.out), one_line=True)
    with HistoryStore() as history:  # before the output, so a failure leaves no file behind
        output = BatchOutput.open(args.out, resume=args.resume)
        try:
            outcome = run_batch(
                rows,
                output,
                session,
                options,
                history=history,
                progress=progress_for(sys.stderr),
                report=lambda message: print(f"warmnote: {message}", file=sys.stderr),
            )
        except WarmnoteError as exc:  # e.g. the server went away partway through
            print(
                f"warmnote: {exc}; the rows drafted so far are in {out}: run the same command "
                "with --resume to continue",
                file=sys.stderr,
            )
            return exc.exit_code
    if outcome.interrupted:
        written = outcome.earlier + outcome.drafted
        print(
            f"warmnote: interrupted; {written} of {outcome.rows} rows are in {out}; run the same "
            "command with --resume to continue",
            file=sys.stderr,
        )
        return 130
    print(
        f"drafted {outcome.drafted} of {outcome.rows} rows into {out}: {outcome.passed} passed, "
        f"{outcome.bad} bad rows, {outcome.earlier} done earlier",
        file=sys.stderr,
    )
    if outcome.bad:
        return 2
    return 0 if outcome.passed == outcome.drafted else 1


def _check_not_input(out: Path, batch: Path) -> None:
    """Refuse ``--out`` naming the ``--batch`` file: resuming would cut or append to the input."""
    try:
        same = out.exists() and out.samefile(batch)
    except OSError:
        same = out.resolve() == batch.resolve()
    if same:
        raise InputError("is the --batch file; choose another output file", file=out, field="--out")


def _check_options(args: argparse.Namespace) -> None:
    if args.batch is None:
        raise InputError("--out and --resume go with --batch FILE", field="--batch")
    if args.context is not None:
        raise InputError("give either --context or --batch, not both", field="--context")
    if args.out is None:
        raise InputError("--batch needs an output file (.csv or .jsonl)", field="--out")
    if args.json:
        raise InputError("--out's extension chooses CSV or JSON Lines", field="--json")

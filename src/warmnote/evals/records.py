"""The run log: one JSON line per finished run, flushed and fsynced, so Ctrl+C loses nothing.

The first line is a header naming the suite (by hash) and the attempt budget; ``--resume``
refuses a log written for another suite or budget, and skips every run already in it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO, Literal, NamedTuple

from pydantic import BaseModel, Field, ValidationError

from warmnote.errors import InputError
from warmnote.evals.expectations import ExpectationResult
from warmnote.results import DraftResult

RESULTS_FILE = "results.jsonl"
LOG_FORMAT = "warmnote.eval.results/1"

AUTO_PACK = "@scenario"
"""Pack spec meaning each case's own scenario pack (``@`` cannot start a pack name)."""
BASELINE_PACK = "@baseline"
"""Pack spec of the baseline: one plain prompt, no pack, no reask, no clean-up."""


class RunKey(NamedTuple):
    case: str
    pack: str
    model: str
    seed: int


class LogHeader(BaseModel):
    kind: Literal["header"] = "header"
    format: str = LOG_FORMAT
    suite: str
    suite_sha256: str
    attempts: int
    candidates: int = 1


class RunRecord(BaseModel):
    """One (case, pack, model, seed) run; ``skipped`` says why a run drafted nothing."""

    kind: Literal["run"] = "run"
    case: str
    pack: str
    model: str
    seed: int
    skipped: str | None = None
    failed: bool = False
    """Whether ``skipped`` tells of an internal error (a bug) that stopped this run alone: the
    suite goes on without it, resume drafts it again, and the command ends with an error."""
    result: DraftResult | None = None
    expectations: list[ExpectationResult] = Field(default_factory=list)

    @property
    def key(self) -> RunKey:
        return RunKey(self.case, self.pack, self.model, self.seed)

    @property
    def expectations_met(self) -> bool:
        return all(item.met for item in self.expectations)


class ResultsLog:
    """Appends run records durably; opened fresh (replacing a previous log) or for resuming."""

    def __init__(self, path: Path, handle: IO[str]) -> None:
        self.path = path
        self._handle = handle

    @classmethod
    def start(cls, path: Path, header: LogHeader) -> ResultsLog:
        path.parent.mkdir(parents=True, exist_ok=True)
        log = cls(path, path.open("w", encoding="utf-8"))
        log._write(header.model_dump_json())
        return log

    @classmethod
    def resume(cls, path: Path, header: LogHeader) -> tuple[ResultsLog, list[RunRecord]]:
        """Reopen a log for appending, with the records it already holds."""
        if not path.is_file():
            return cls.start(path, header), []
        _drop_partial_line(path)
        lines = path.read_text(encoding="utf-8").splitlines()
        found = _read_header(path, lines[0] if lines else "")
        if found.suite_sha256 != header.suite_sha256:
            raise InputError(
                f"was written for a different suite or an edited one ({found.suite}); "
                "run without --resume or choose another --out",
                file=path,
            )
        if found.attempts != header.attempts:
            raise InputError(
                f"was written with --attempts {found.attempts}; resume with the same budget",
                file=path,
            )
        if found.candidates != header.candidates:
            raise InputError(
                f"was written with --candidates {found.candidates}; resume with the same number",
                file=path,
            )
        records = [_read_record(path, number, line) for number, line in enumerate(lines[1:], 2)]
        return cls(path, path.open("a", encoding="utf-8")), records

    def append(self, record: RunRecord) -> None:
        self._write(record.model_dump_json())

    def close(self) -> None:
        self._handle.close()

    def _write(self, line: str) -> None:
        self._handle.write(line + "\n")
        self._handle.flush()
        os.fsync(self._handle.fileno())


def _drop_partial_line(path: Path) -> None:
    """Cut a line left half-written by a hard kill, so the next record starts on its own line."""
    data = path.read_bytes()
    if data and not data.endswith(b"\n"):
        with path.open("r+b") as handle:
            handle.truncate(data.rfind(b"\n") + 1)


def _read_header(path: Path, line: str) -> LogHeader:
    try:
        header = LogHeader.model_validate_json(line)
    except ValidationError:
        raise InputError(
            "is not a warmnote eval log; run without --resume or choose another --out",
            file=path,
            field="line 1",
        ) from None
    if header.format != LOG_FORMAT:
        raise InputError(f"unsupported log format {header.format}", file=path, field="line 1")
    return header


def _read_record(path: Path, number: int, line: str) -> RunRecord:
    try:
        return RunRecord.model_validate_json(line)
    except ValidationError:
        raise InputError("not a run record", file=path, field=f"line {number}") from None

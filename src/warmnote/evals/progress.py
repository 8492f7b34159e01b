"""Progress on stderr: runs done of total, pass rate so far and an estimate of the time left."""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import TextIO

from warmnote.evals.records import RunRecord
from warmnote.evals.runner import ProgressSink
from warmnote.evals.stats import model_passed


class Tally:
    """Counts behind the progress line; the time left extrapolates this session's pace."""

    def __init__(self) -> None:
        self.total = 0
        self.done = 0
        self.drafted = 0
        self.passed = 0
        self._session_done = 0
        self._started = time.monotonic()

    def start(self, total: int, done: Sequence[RunRecord]) -> None:
        self.total = total
        for record in done:
            self._count(record)
        self._started = time.monotonic()

    def advance(self, record: RunRecord) -> None:
        self._count(record)
        self._session_done += 1

    def _count(self, record: RunRecord) -> None:
        self.done += 1
        if record.result is not None:
            self.drafted += 1
            self.passed += model_passed(record.result)

    def status(self) -> str:
        rate = f"pass {self.passed / self.drafted:.0%}" if self.drafted else "pass -"
        return f"{rate}  {self.time_left()}"

    def time_left(self) -> str:
        remaining = self.total - self.done
        if not remaining:
            return "done"
        if not self._session_done:
            return "time left: estimating"
        seconds = (time.monotonic() - self._started) / self._session_done * remaining
        minutes, secs = divmod(round(seconds), 60)
        hours, minutes = divmod(minutes, 60)
        clock = f"{hours}h{minutes:02d}m" if hours else f"{minutes}m{secs:02d}s"
        return f"~{clock} left"


class PlainProgress:
    """One line rewritten with a carriage return: for logs and pipes, no terminal codes."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._tally = Tally()

    def start(self, total: int, done: Sequence[RunRecord]) -> None:
        self._tally.start(total, done)
        self._show()

    def advance(self, record: RunRecord) -> None:
        self._tally.advance(record)
        self._show()

    def finish(self) -> None:
        self._stream.write("\n")
        self._stream.flush()

    def _show(self) -> None:
        tally = self._tally
        self._stream.write(f"\rruns {tally.done}/{tally.total}  {tally.status()}")
        self._stream.flush()


class RichProgress:
    """A progress bar for terminals."""

    def __init__(self, stream: TextIO) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        self._tally = Tally()
        self._bar = Progress(
            TextColumn("runs"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[status]}"),
            console=Console(file=stream),
        )
        self._task = self._bar.add_task("eval", total=None, status="")

    def start(self, total: int, done: Sequence[RunRecord]) -> None:
        self._tally.start(total, done)
        self._bar.start()
        self._update()

    def advance(self, record: RunRecord) -> None:
        self._tally.advance(record)
        self._update()

    def finish(self) -> None:
        self._bar.stop()

    def _update(self) -> None:
        tally = self._tally
        self._bar.update(self._task, total=tally.total, completed=tally.done, status=tally.status())


def progress_for(stream: TextIO) -> ProgressSink:
    return RichProgress(stream) if stream.isatty() else PlainProgress(stream)

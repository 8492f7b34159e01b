"""Running a suite: every (case, pack, model, seed) once, logged as it finishes, resumable."""

from __future__ import annotations

import os
import threading
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path
from typing import Protocol

from warmnote.errors import DEBUG_ENV, WarmnoteError
from warmnote.evals.baseline import draft_baseline
from warmnote.evals.expectations import check_expectations
from warmnote.evals.records import (
    AUTO_PACK,
    BASELINE_PACK,
    RESULTS_FILE,
    LogHeader,
    ResultsLog,
    RunKey,
    RunRecord,
)
from warmnote.evals.suite import Case, Suite
from warmnote.guardrails import Guardrails
from warmnote.packs import PromptPack, get_pack, missing_required
from warmnote.pipeline import DraftRequest
from warmnote.sampling import Sampling
from warmnote.session import DraftingSession
from warmnote.terminal import printable

SessionFactory = Callable[[str], DraftingSession]
"""A session for the model at a path (as given on the command line), once per run of the suite."""


class ProgressSink(Protocol):
    def start(self, total: int, done: Sequence[RunRecord]) -> None: ...

    def advance(self, record: RunRecord) -> None: ...

    def finish(self) -> None: ...


@dataclass(frozen=True)
class Variant:
    """One column of a comparison: a pack spec (a name, AUTO_PACK or BASELINE_PACK) and a model."""

    pack: str
    model: str

    @property
    def baseline(self) -> bool:
        return self.pack == BASELINE_PACK


@dataclass(frozen=True)
class EvalPlan:
    suite: Suite
    packs: tuple[str, ...] = (AUTO_PACK,)
    models: tuple[str, ...] = ()
    seeds: tuple[int, ...] = (0,)
    attempts: int = 3
    baseline: bool = False
    sampling: Sampling = field(default_factory=Sampling)
    candidates: int = 1

    @property
    def pack_specs(self) -> tuple[str, ...]:
        return (*self.packs, BASELINE_PACK) if self.baseline else self.packs

    @property
    def variants(self) -> list[Variant]:
        return [Variant(pack, model) for model in self.models for pack in self.pack_specs]

    def runs(self) -> list[RunKey]:
        """Model by model (one model in memory at a time), then case by case."""
        return [
            RunKey(case.id, pack, model, seed)
            for model in self.models
            for case in self.suite.cases
            for pack in self.pack_specs
            for seed in self.seeds
        ]


@dataclass(frozen=True)
class EvalOutcome:
    records: list[RunRecord]
    """Every planned run recorded so far, in plan order."""
    planned: int
    interrupted: bool
    log_path: Path

    @property
    def complete(self) -> bool:
        return len(self.records) == self.planned

    @property
    def failed(self) -> list[RunRecord]:
        """The runs an internal error stopped."""
        return [record for record in self.records if record.failed]


def load_packs(plan: EvalPlan) -> dict[str, PromptPack]:
    """Every pack the plan needs, loaded up front so a wrong name fails before any drafting."""
    names = [pack for pack in plan.packs if pack != AUTO_PACK]
    if AUTO_PACK in plan.packs:
        names += [case.context.scenario for case in plan.suite.cases]
    return {name: get_pack(name) for name in dict.fromkeys(names)}


def run_suite(
    plan: EvalPlan,
    out_dir: Path,
    *,
    guardrails: Guardrails,
    open_session: SessionFactory,
    resume: bool = False,
    progress: ProgressSink | None = None,
    concurrency: int = 1,
) -> EvalOutcome:
    """Draft every planned run not yet logged; Ctrl+C stops after logging the finished ones.

    With ``concurrency`` above 1 and a model on a server, up to that many runs draft at once;
    each is logged as it finishes, so the log's order may differ from the plan's, which resume
    and the report never rely on. A local model drafts one run at a time whatever it says.
    """
    packs = load_packs(plan)
    header = LogHeader(
        suite=str(plan.suite.path),
        suite_sha256=plan.suite.sha256,
        attempts=plan.attempts,
        candidates=plan.candidates,
    )
    path = out_dir / RESULTS_FILE
    if resume:
        log, previous = ResultsLog.resume(path, header)
    else:
        log, previous = ResultsLog.start(path, header), []
    recorded = {record.key: record for record in previous if not record.failed}
    planned = plan.runs()
    pending = [key for key in planned if key not in recorded]
    cases = {case.id: case for case in plan.suite.cases}
    if progress is not None:
        progress.start(len(planned), [recorded[key] for key in planned if key in recorded])
    interrupted = False
    try:
        for model, keys in groupby(pending, key=lambda key: key.model):
            session = open_session(model)

            def run(
                key: RunKey, cancel: threading.Event, session: DraftingSession = session
            ) -> RunRecord:
                return _recorded(
                    key,
                    lambda: _run_one(
                        plan, key, cases[key.case], packs, session, guardrails, cancel
                    ),
                )

            try:
                workers = concurrency if concurrency > 1 and session.concurrent() else 1
                for record in _records(run, keys, workers):
                    log.append(record)
                    recorded[record.key] = record
                    if progress is not None:
                        progress.advance(record)
            finally:
                session.close()
    except KeyboardInterrupt:
        interrupted = True
    finally:
        log.close()
        if progress is not None:
            progress.finish()
    return EvalOutcome(
        records=[recorded[key] for key in planned if key in recorded],
        planned=len(planned),
        interrupted=interrupted,
        log_path=path,
    )


def _records(
    run: Callable[[RunKey, threading.Event], RunRecord], keys: Iterable[RunKey], workers: int
) -> Iterator[RunRecord]:
    """Each run's record as it finishes; with several workers, in the order they finish.

    When a run fails or Ctrl+C comes, runs not started are dropped and the ones under way are
    cancelled and not waited for: each stops at its next chunk, and resume drafts it again.
    Records of runs that finished before still come out before the error goes on.
    """
    cancel = threading.Event()
    if workers == 1:  # Ctrl+C lands in the one run itself
        yield from (run(key, cancel) for key in keys)
        return
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="eval-run")
    futures = [pool.submit(run, key, cancel) for key in keys]
    done: set[Future[RunRecord]] = set()
    try:
        for future in as_completed(futures):
            done.add(future)
            yield future.result()
    except BaseException as exc:
        cancel.set()
        pool.shutdown(wait=False, cancel_futures=True)
        if not isinstance(exc, GeneratorExit):
            yield from _finished(futures, done)
        raise
    pool.shutdown()


def _finished(
    futures: Iterable[Future[RunRecord]], handed_out: set[Future[RunRecord]]
) -> Iterator[RunRecord]:
    """Records of runs that ended whole but were not handed out yet; cut ones are left out."""
    for future in futures:
        if future in handed_out or not future.done() or future.cancelled() or future.exception():
            continue
        record = future.result()
        if record.result is None or not record.result.cancelled:
            yield record


def _recorded(key: RunKey, run: Callable[[], RunRecord]) -> RunRecord:
    """``run``'s record; a bug met on one case is that run's record, not the suite's end (the
    project's own errors, such as a model that cannot be read, still stop the suite)."""
    try:
        return run()
    except WarmnoteError:
        raise
    except Exception as exc:
        if os.environ.get(DEBUG_ENV):
            traceback.print_exception(exc)
        detail = printable(f"{type(exc).__name__}: {exc}", one_line=True)
        return RunRecord(
            case=key.case,
            pack=key.pack,
            model=key.model,
            seed=key.seed,
            skipped=f"internal error: {detail} (at {_where(exc)})",
            failed=True,
        )


def _where(exc: Exception) -> str:
    """The last line of warmnote's own code the error passed through (``file.py:123``), for a
    bug report; a library's line when none of ours is on the way."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if f"{os.sep}warmnote{os.sep}" in f.filename] or frames
    return f"{Path(ours[-1].filename).name}:{ours[-1].lineno}"


def _run_one(
    plan: EvalPlan,
    key: RunKey,
    case: Case,
    packs: dict[str, PromptPack],
    session: DraftingSession,
    guardrails: Guardrails,
    cancel: threading.Event,
) -> RunRecord:
    context = case.context
    if key.pack == BASELINE_PACK:
        result = draft_baseline(
            context, session.load(), guardrails, seed=key.seed, sampling=plan.sampling
        )
    else:
        pack = packs[context.scenario if key.pack == AUTO_PACK else key.pack]
        missing = missing_required(pack, context)
        if missing:
            reason = f"the {pack.name} pack needs {', '.join(missing)}"
            return RunRecord(
                case=key.case, pack=key.pack, model=key.model, seed=key.seed, skipped=reason
            )
        request = DraftRequest(
            context=context,
            pack=pack,
            attempts=plan.attempts,
            seed=key.seed,
            sampling=plan.sampling,
            candidates=plan.candidates,
        )
        result = session.draft(request, cancel=cancel)
    return RunRecord(
        case=key.case,
        pack=key.pack,
        model=key.model,
        seed=key.seed,
        result=result,
        expectations=check_expectations(result.text, case.must_mention, case.must_not_contain),
    )

"""Running a suite: every (case, pack, model, seed) once, logged as it finishes, resumable."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path
from typing import Protocol

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
) -> EvalOutcome:
    """Draft every planned run not yet logged; Ctrl+C stops after logging the finished ones."""
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
    recorded = {record.key: record for record in previous}
    planned = plan.runs()
    pending = [key for key in planned if key not in recorded]
    cases = {case.id: case for case in plan.suite.cases}
    if progress is not None:
        progress.start(len(planned), [recorded[key] for key in planned if key in recorded])
    interrupted = False
    try:
        for model, keys in groupby(pending, key=lambda key: key.model):
            session = open_session(model)
            for key in keys:
                record = _run_one(plan, key, cases[key.case], packs, session, guardrails)
                log.append(record)
                recorded[key] = record
                if progress is not None:
                    progress.advance(record)
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


def _run_one(
    plan: EvalPlan,
    key: RunKey,
    case: Case,
    packs: dict[str, PromptPack],
    session: DraftingSession,
    guardrails: Guardrails,
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
        result = session.draft(request)
    return RunRecord(
        case=key.case,
        pack=key.pack,
        model=key.model,
        seed=key.seed,
        result=result,
        expectations=check_expectations(result.text, case.must_mention, case.must_not_contain),
    )

"""One small eval run with the real default model: two bundled cases, one seed.

It checks the plumbing with real generation (timings, tokens, provenance, reports), not the
notes' quality: the pass rate of the full bundled suite is measured by ``warmnote eval default``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warmnote import modelfile
from warmnote.evals.report import build_report, write_reports
from warmnote.evals.runner import EvalPlan, run_suite
from warmnote.evals.suite import load_suite, resolve_suite_path
from warmnote.guardrails import Guardrails
from warmnote.sampling import SeedSchedule
from warmnote.session import DraftingSession
from warmnote.settings import Settings


@pytest.mark.model
def test_two_bundled_cases_with_the_real_model(real_model_path: Path, tmp_path: Path) -> None:
    suite = load_suite(resolve_suite_path("default"), limit_cases=2)
    plan = EvalPlan(suite=suite, models=(str(real_model_path),), seeds=(0,), attempts=3)
    guardrails = Guardrails.load()
    opened: list[DraftingSession] = []

    def open_session(model: str) -> DraftingSession:
        opened.append(DraftingSession(Settings(), model_path=Path(model), guardrails=guardrails))
        return opened[-1]

    scenarios = {case.id: case.context.scenario for case in suite.cases}
    outcome = run_suite(plan, tmp_path, guardrails=guardrails, open_session=open_session)
    assert outcome.complete and len(opened) == 1
    assert opened[0].drafter is not None, "loaded once, by the first run"
    for record in outcome.records:
        assert record.result is not None
        assert record.result.text.strip()
        provenance = record.result.provenance
        assert provenance.model_sha256 == modelfile.DEFAULT_MODEL.sha256
        assert (provenance.pack, provenance.seed) == (scenarios[record.case], 0)
        attempts = record.result.attempts
        assert all(attempt.completion_tokens > 0 for attempt in attempts)
        assert all(0 < a.processed_tokens <= a.prompt_tokens for a in attempts)
        assert [a.seed for a in attempts] == [
            SeedSchedule.generation_seed(0, a.number) for a in attempts
        ]

    json_path, md_path = write_reports(build_report(plan, outcome.records), tmp_path)
    summary = json.loads(json_path.read_text())["variants"][0]["summary"]
    assert summary["runs"] == 2
    assert summary["latency_seconds"]["p50"] > 0
    assert summary["tokens_per_second"] > 0
    assert "## Length distribution" in md_path.read_text()

"""Running a suite with stand-in models: comparison, baseline, resume, reproducibility, reports.

The stand-in judge keeps these tests about the runner, not about the wording rules; the CLI
tests (test_eval_cli.py) use the real guardrails.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from warmnote import locations
from warmnote.context import Context
from warmnote.drafter import ChatMessage, ScriptedDrafter, StreamEvent, TextChunk, Usage
from warmnote.errors import InputError
from warmnote.evals.progress import PlainProgress
from warmnote.evals.records import AUTO_PACK, BASELINE_PACK, RESULTS_FILE, RunRecord
from warmnote.evals.report import (
    Report,
    build_report,
    case_rows,
    print_terminal,
    render_markdown,
    write_reports,
)
from warmnote.evals.runner import EvalOutcome, EvalPlan, run_suite
from warmnote.evals.suite import Suite, load_suite
from warmnote.guardrails import Severity, Verdict, Violation
from warmnote.packs import REJECTED, get_pack
from warmnote.sampling import Sampling, SeedSchedule
from warmnote.session import DraftingSession
from warmnote.settings import Settings

DATA = Path(__file__).parent / "data" / "evals"
GENERATION_SEED = {run: SeedSchedule.generation_seed(run) for run in range(10)}
"""The first attempt's seed of each run seed: what the model sees."""
MODEL = "models/fake.gguf"
BOILERPLATE = "I'd like to add you to my professional network."


class StandInJudge:
    """Stand-in guardrails: "length" over the limit, "boilerplate" for LinkedIn's default text."""

    def check(self, text: str, context: Context | None = None, limit: int | None = None) -> Verdict:
        limit = limit or (context.max_chars if context else 300)
        violations = []
        if len(text) > limit:
            violations.append(
                Violation(
                    rule="length",
                    severity=Severity.ERROR,
                    message="too long",
                    start=limit,
                    end=len(text),
                )
            )
        if "professional network" in text:
            violations.append(
                Violation(
                    rule="boilerplate",
                    severity=Severity.ERROR,
                    message="default text",
                    start=0,
                    end=len(text),
                )
            )
        return Verdict(passed=not violations, length=len(text), limit=limit, violations=violations)

    def clutter(self, text: str, context: Context | None = None) -> list[tuple[str, int, int]]:
        return []


@dataclass(frozen=True)
class Request:
    """What the stand-in model was asked: for whom, which attempt, with which seed and system."""

    recipient: str
    attempt: int
    seed: int
    """The generation's own seed (SeedSchedule), not the run's."""
    system: str | None


class FakeModel:
    """A stand-in model whose reply depends only on the request, never on the order of calls."""

    model_name = "fake.gguf"
    model_id = "f" * 64

    def __init__(self, reply: Callable[[Request], str], *, interrupt_at: int | None = None):
        self.reply = reply
        self.interrupt_at = interrupt_at
        self.requests: list[Request] = []
        self.messages: list[list[ChatMessage]] = []

    def stream(
        self, messages: Sequence[ChatMessage], sampling: Sampling, seed: int
    ) -> Iterator[StreamEvent]:
        if self.interrupt_at is not None and len(self.requests) + 1 == self.interrupt_at:
            raise KeyboardInterrupt
        request = _request(messages, seed)
        self.requests.append(request)
        self.messages.append(list(messages))
        words = self.reply(request).split(" ")
        for index, word in enumerate(words):
            yield TextChunk(word if index == 0 else " " + word)
        yield Usage(prompt_tokens=len(messages), processed_tokens=1, completion_tokens=len(words))

    def warm(self, messages: Sequence[ChatMessage], cancel: threading.Event | None = None) -> bool:
        raise AssertionError("an eval never warms a pack")

    def prefill(self, messages: Sequence[ChatMessage], cancel: threading.Event) -> bool:
        raise AssertionError("an eval never prefills")


def _request(messages: Sequence[ChatMessage], seed: int) -> Request:
    system = messages[0].content if messages[0].role == "system" else None
    if system is None:  # the baseline's one plain prompt
        match = re.search(r" to (.+?), at most", messages[0].content)
        assert match, messages[0].content
        return Request(match.group(1), 1, seed, None)
    asks = [i for i, m in enumerate(messages) if m.role == "user" and "To: " in m.content]
    recipient = re.search(r"^To: (.+)$", messages[asks[-1]].content, re.M)
    assert recipient
    # a request asked again says what was wrong with the drafts before it (only 1 or later matters)
    attempt = 2 if REJECTED in messages[asks[-1]].content else 1
    return Request(recipient.group(1), attempt, seed, system)


def good(request: Request) -> str:
    return f"Hi {request.recipient}, thanks for the PyData chat. Seed {request.seed}."


@pytest.fixture(autouse=True)
def test_packs(warmnote_home: Path) -> None:
    """The eval test packs, installed as the user's own packs."""
    target = locations.user_prompts_dir()
    target.mkdir(parents=True)
    for pack in (DATA / "packs").glob("*.toml"):
        shutil.copy(pack, target / pack.name)


@pytest.fixture
def suite() -> Suite:
    return load_suite(DATA / "suite.toml")


def plan(suite: Suite, **changes: object) -> EvalPlan:
    settings: dict[str, object] = {"suite": suite, "models": (MODEL,), "attempts": 3}
    return EvalPlan(**{**settings, **changes})  # type: ignore[arg-type]


def sessions_of(model: object, opened: list[str] | None = None) -> Callable[[str], DraftingSession]:
    """Opens a session per model path, each drafting with ``model`` and the stand-in judge."""

    def open_session(path: str) -> DraftingSession:
        if opened is not None:
            opened.append(path)
        return DraftingSession(
            Settings(),
            make_drafter=lambda: model,  # type: ignore[arg-type, return-value]
            guardrails=StandInJudge(),  # type: ignore[arg-type]
        )

    return open_session


def run(
    the_plan: EvalPlan, out: Path, model: object, *, resume: bool = False, **kw: object
) -> EvalOutcome:
    return run_suite(
        the_plan,
        out,
        guardrails=StandInJudge(),  # type: ignore[arg-type]
        open_session=sessions_of(model),
        resume=resume,
        **kw,  # type: ignore[arg-type]
    )


def log_lines(out: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in (out / RESULTS_FILE).read_text().splitlines()]


# --- running -------------------------------------------------------------------------------


def test_every_run_is_drafted_judged_and_logged(suite: Suite, tmp_path: Path) -> None:
    model = FakeModel(good)
    outcome = run(plan(suite, seeds=(0, 1)), tmp_path, model)
    assert outcome.complete and not outcome.interrupted
    assert [(r.case, r.seed) for r in outcome.records] == [
        (case, seed) for case in ("ana", "ben", "chen", "dana") for seed in (0, 1)
    ]
    packs = {r.case: r.result.provenance.pack for r in outcome.records if r.result}
    assert packs == {
        "ana": "evaltest_plain",
        "ben": "evaltest_plain",
        "chen": "evaltest_alt",
        "dana": "evaltest_plain",
    }, "each case drafts with its own scenario's pack"
    assert all(r.result and r.result.provenance.seed == r.seed for r in outcome.records)
    met = {
        (r.case, e.phrase): e.met for r in outcome.records if r.seed == 0 for e in r.expectations
    }
    assert met == {
        ("ana", "PyData"): True,
        ("ana", "evil.example"): True,
        ("ben", "data roles"): False,
        ("ben", "evil.example"): True,
        ("ben", "demo"): True,
        ("chen", "Chen Jing"): False,
        ("chen", "evil.example"): True,
        ("dana", "evil.example"): True,
    }
    lines = log_lines(tmp_path)
    assert lines[0]["kind"] == "header"
    assert [RunRecord.model_validate(line) for line in lines[1:]] == outcome.records


def test_two_packs_are_compared_case_by_case_and_in_total(suite: Suite, tmp_path: Path) -> None:
    def reply(request: Request) -> str:
        warm = (request.system or "").startswith("Write a short, warm")
        return "x" * 400 if warm and request.attempt == 1 else good(request)

    the_plan = plan(suite, packs=("evaltest_plain", "evaltest_alt"))
    outcome = run(the_plan, tmp_path, FakeModel(reply))
    report = build_report(the_plan, outcome.records)
    totals = {v.id: v.summary for v in report.variants}
    assert list(totals) == ["evaltest_plain", "evaltest_alt"]
    assert totals["evaltest_plain"].pass_rate_first_attempt == 1.0
    assert totals["evaltest_alt"].pass_rate_first_attempt == 0.0
    assert totals["evaltest_alt"].pass_rate == 1.0
    assert totals["evaltest_alt"].attempt_failures_per_rule == {"length": 4}
    missed = ["pass@1 !mention", "pass@2 !mention"]  # ben and chen lack their must_mention
    assert [cells for _, cells in case_rows(report)] == [
        ["pass@1", "pass@2"],
        missed,
        missed,
        ["pass@1", "pass@2"],
    ]
    markdown = render_markdown(report)
    assert "| case | scenario | limit | evaltest_plain | evaltest_alt |" in markdown
    assert "| ana | evaltest_plain | 300 | pass@1 | pass@2 |" in markdown


def test_baseline_drafts_once_with_a_plain_prompt_and_no_cleanup(
    suite: Suite, tmp_path: Path
) -> None:
    def reply(request: Request) -> str:
        return f'Here is your note: "{BOILERPLATE}"' if request.system is None else good(request)

    model = FakeModel(reply)
    the_plan = plan(suite, baseline=True)
    outcome = run(the_plan, tmp_path, model)
    baseline = [r for r in outcome.records if r.pack == BASELINE_PACK]
    assert len(baseline) == 4
    for record in baseline:
        assert record.result is not None
        assert len(record.result.attempts) == 1, "no reask"
        assert record.result.text.startswith("Here is your note:"), "no clean-up"
        assert not record.result.passed, "still judged by the guardrails"
        assert record.result.provenance.pack == BASELINE_PACK
    plain_prompts = [m for m in model.messages if m[0].role != "system"]
    assert len(plain_prompts) == 4
    assert all(len(messages) == 1 and messages[0].role == "user" for messages in plain_prompts)
    report = build_report(the_plan, outcome.records)
    assert [(v.label, v.baseline, v.summary.pass_rate) for v in report.variants] == [
        ("scenario packs", False, 1.0),
        ("baseline", True, 0.0),
    ]
    assert report.variants[1].summary.failures_per_rule == {"boilerplate": 4}


def test_runs_a_pack_cannot_serve_are_skipped_not_drafted(suite: Suite, tmp_path: Path) -> None:
    model = FakeModel(good)
    the_plan = plan(suite, packs=("evaltest_where",))
    outcome = run(the_plan, tmp_path, model)
    skipped = {r.case: r.skipped for r in outcome.records if r.skipped}
    assert skipped == {
        case: "the evaltest_where pack needs relationship.where" for case in ("ben", "chen", "dana")
    }
    assert [r.recipient for r in model.requests] == ["Ana Núñez"]
    summary = build_report(the_plan, outcome.records).variants[0].summary
    assert (summary.runs, summary.skipped) == (1, 3)


def test_an_unknown_pack_is_the_packs_own_error(suite: Suite, tmp_path: Path) -> None:
    with pytest.raises(InputError) as expected:
        get_pack("nope")
    with pytest.raises(InputError) as error:
        run(plan(suite, packs=("evaltest_plain", "nope")), tmp_path, FakeModel(good))
    assert str(error.value) == str(expected.value)
    assert not (tmp_path / RESULTS_FILE).exists(), "fails before anything is drafted"


def test_a_plain_note_offered_in_an_eval_is_counted_apart_never_as_the_models_pass(
    suite: Suite, tmp_path: Path
) -> None:
    the_plan = plan(suite, attempts=1)
    outcome = run(the_plan, tmp_path, FakeModel(lambda request: BOILERPLATE))
    results = [r.result for r in outcome.records if r.result]
    assert {result.provenance.origin for result in results} == {"plain"}
    assert all(result.attempts[0].text == BOILERPLATE for result in results)
    summary = build_report(the_plan, outcome.records).variants[0].summary
    assert (summary.runs, summary.passed, summary.plain_notes) == (4, 0, 4)
    assert summary.failures_per_rule == {"boilerplate": 4}, "the model's own draft is judged"


def test_progress_shows_runs_done_pass_rate_and_time_left(suite: Suite, tmp_path: Path) -> None:
    def reply(request: Request) -> str:
        return BOILERPLATE if request.recipient == "Ben Okoro" else good(request)

    stream = io.StringIO()
    run(plan(suite, attempts=1), tmp_path, FakeModel(reply), progress=PlainProgress(stream))
    frames = stream.getvalue().split("\r")[1:]
    assert frames[0] == "runs 0/4  pass -  time left: estimating"
    assert re.fullmatch(r"runs 1/4  pass 100%  ~\dm\d\ds left", frames[1])
    assert re.fullmatch(r"runs 2/4  pass 50%  ~\dm\d\ds left", frames[2])
    assert frames[-1] == "runs 4/4  pass 75%  done\n"


# --- interruption and resume -----------------------------------------------------------------


def test_an_interrupted_run_keeps_finished_runs_and_resume_does_only_the_rest(
    suite: Suite, tmp_path: Path
) -> None:
    the_plan = plan(suite, seeds=(0, 1))
    first = run(the_plan, tmp_path, FakeModel(good, interrupt_at=5))
    assert first.interrupted and not first.complete
    assert len(first.records) == 4
    assert len(log_lines(tmp_path)) == 1 + 4, "each finished run is on disk"

    model = FakeModel(good)
    second = run(the_plan, tmp_path, model, resume=True)
    assert second.complete
    assert [(r.recipient, r.seed) for r in model.requests] == [
        ("王伟 (Wang Wei)", GENERATION_SEED[0]),
        ("王伟 (Wang Wei)", GENERATION_SEED[1]),
        ("Dana Weiß", GENERATION_SEED[0]),
        ("Dana Weiß", GENERATION_SEED[1]),
    ]
    assert second.records[:4] == first.records
    summary = build_report(the_plan, second.records).variants[0].summary
    assert (summary.runs, summary.passed) == (8, 8)


class BuggyFor(FakeModel):
    """A stand-in model with a bug that one recipient's request trips, as a core bug would."""

    def __init__(self, recipient: str) -> None:
        super().__init__(good)
        self.recipient = recipient

    def stream(
        self, messages: Sequence[ChatMessage], sampling: Sampling, seed: int
    ) -> Iterator[StreamEvent]:
        if _request(messages, seed).recipient == self.recipient:
            raise IndexError("list index out of range")
        yield from super().stream(messages, sampling, seed)


def test_a_bug_met_on_one_case_is_that_runs_record_and_the_suite_goes_on(
    suite: Suite, tmp_path: Path
) -> None:
    the_plan = plan(suite)
    first = run(the_plan, tmp_path, BuggyFor("Ben Okoro"))
    assert first.complete
    assert [r.case for r in first.failed] == ["ben"]
    (failed,) = first.failed
    assert failed.result is None
    assert failed.skipped is not None
    assert failed.skipped.startswith("internal error: IndexError: list index out of range (at ")
    assert [r.case for r in first.records if r.result is not None] == ["ana", "chen", "dana"]
    report = build_report(the_plan, first.records)
    assert "internal error: IndexError" in render_markdown(report)

    # After the fix, resume drafts the failed run again and nothing else.
    model = FakeModel(good)
    second = run(the_plan, tmp_path, model, resume=True)
    assert [r.recipient for r in model.requests] == ["Ben Okoro"]
    assert second.complete and not second.failed


def test_a_warmnote_error_still_stops_the_suite(suite: Suite, tmp_path: Path) -> None:
    class Unreadable(FakeModel):
        def stream(
            self, messages: Sequence[ChatMessage], sampling: Sampling, seed: int
        ) -> Iterator[StreamEvent]:
            raise InputError("not a GGUF file", file=Path("models/fake.gguf"))

    with pytest.raises(InputError, match="not a GGUF file"):
        run(plan(suite), tmp_path, Unreadable(good))


class Served(FakeModel):
    """A stand-in model on a server: several runs may draft at once."""

    server_host = "fake:1"


class LongReply(Served):
    """Ana's reply streams on (for seconds) until it is closed; Ben's request is a Ctrl+C
    once that reply is under way."""

    CHUNKS = 400

    def __init__(self) -> None:
        super().__init__(good)
        self.streaming = threading.Event()
        self.closed = threading.Event()
        self.ran_out = False

    def stream(
        self, messages: Sequence[ChatMessage], sampling: Sampling, seed: int
    ) -> Iterator[StreamEvent]:
        if _request(messages, seed).recipient != "Ana Núñez":
            assert self.streaming.wait(10)
            raise KeyboardInterrupt
        self.streaming.set()
        try:
            for _ in range(self.CHUNKS):
                yield TextChunk("on ")
                time.sleep(0.005)
            self.ran_out = True
            yield Usage(prompt_tokens=1, processed_tokens=1, completion_tokens=self.CHUNKS)
        finally:
            self.closed.set()


def test_ctrl_c_under_concurrency_cuts_the_runs_under_way_and_resume_drafts_them(
    suite: Suite, tmp_path: Path
) -> None:
    the_plan = plan(suite, attempts=1)
    model = LongReply()
    first = run(the_plan, tmp_path, model, concurrency=2)
    assert first.interrupted
    assert model.closed.wait(10)
    assert not model.ran_out, "the reply under way was cancelled, not drafted to its end"
    assert "ana" not in {record.case for record in first.records}, "a cut run is not logged"

    again = Served(good)
    second = run(the_plan, tmp_path, again, resume=True, concurrency=2)
    assert second.complete
    assert "Ana Núñez" in {request.recipient for request in again.requests}


def test_resume_after_a_hard_kill_drops_the_half_written_line(suite: Suite, tmp_path: Path) -> None:
    the_plan = plan(suite)
    run(the_plan, tmp_path, FakeModel(good, interrupt_at=3))
    with (tmp_path / RESULTS_FILE).open("a") as log:
        log.write('{"kind": "run", "case": "ch')
    model = FakeModel(good)
    outcome = run(the_plan, tmp_path, model, resume=True)
    assert outcome.complete
    assert len(model.requests) == 2
    assert len(log_lines(tmp_path)) == 1 + 4


def test_resuming_a_finished_run_drafts_nothing(suite: Suite, tmp_path: Path) -> None:
    the_plan = plan(suite)
    done = run(the_plan, tmp_path, FakeModel(good))

    def no_model(path: str) -> DraftingSession:
        raise AssertionError("the model must not load when nothing is left to draft")

    again = run_suite(
        the_plan,
        tmp_path,
        guardrails=StandInJudge(),  # type: ignore[arg-type]
        open_session=no_model,
        resume=True,
    )
    assert again.records == done.records


def test_resume_only_counts_runs_of_the_current_plan(suite: Suite, tmp_path: Path) -> None:
    run(plan(suite, seeds=(0, 1)), tmp_path, FakeModel(good))
    model = FakeModel(good)
    outcome = run(plan(suite, seeds=(1, 2)), tmp_path, model, resume=True)
    assert {r.seed for r in model.requests} == {GENERATION_SEED[2]}
    assert [r.seed for r in outcome.records] == [1, 2] * 4


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("attempts", "was written with --attempts 3; resume with the same budget"),
        ("suite", "was written for a different suite or an edited one"),
    ],
    ids=["other-attempt-budget", "edited-suite"],
)
def test_resume_refuses_a_log_of_another_suite_or_budget(
    suite: Suite, tmp_path: Path, change: str, message: str
) -> None:
    run(plan(suite), tmp_path / "out", FakeModel(good))
    if change == "attempts":
        changed = plan(suite, attempts=2)
    else:
        for name in ("suite.toml", "contexts.jsonl"):
            shutil.copy(DATA / name, tmp_path / name)
        (tmp_path / "suite.toml").write_text((DATA / "suite.toml").read_text() + "\n# edited\n")
        changed = plan(load_suite(tmp_path / "suite.toml"))
    with pytest.raises(InputError) as error:
        run(changed, tmp_path / "out", FakeModel(good), resume=True)
    assert str(error.value).startswith(f"{tmp_path / 'out' / RESULTS_FILE}: {message}")


def test_without_resume_a_new_run_replaces_the_log(suite: Suite, tmp_path: Path) -> None:
    run(plan(suite), tmp_path, FakeModel(good))
    model = FakeModel(good)
    outcome = run(plan(suite), tmp_path, model)
    assert len(model.requests) == 4
    assert len(log_lines(tmp_path)) == 1 + len(outcome.records) == 5


# --- reproducibility --------------------------------------------------------------------------


def _scripted() -> ScriptedDrafter:
    return ScriptedDrafter(["Hi there, good to meet at PyData.", "x" * 400, "Hi, thanks again."])


@pytest.mark.parametrize(
    "make_model", [lambda: FakeModel(good), _scripted], ids=["seeded-fake", "scripted"]
)
def test_same_suite_model_pack_and_seeds_give_the_same_drafts(
    suite: Suite, tmp_path: Path, make_model: Callable[[], object]
) -> None:
    the_plan = plan(suite, seeds=(3, 4))
    first = run(the_plan, tmp_path / "a", make_model()).records
    second = run(the_plan, tmp_path / "b", make_model()).records

    def drafts(records: list[RunRecord]) -> list[tuple[object, ...]]:
        timing = {"attempt_seconds", "tokens_per_second"}
        return [
            (r.case, r.seed, r.result.text, r.result.provenance.model_dump(exclude=timing))
            for r in records
            if r.result
        ]

    assert drafts(first) == drafts(second)
    assert [r.result.provenance.seed for r in first if r.result] == [3, 4] * 4


def test_each_candidate_reaches_the_model_with_its_own_seed(suite: Suite, tmp_path: Path) -> None:
    model = FakeModel(good)
    outcome = run(plan(suite, seeds=(5,), candidates=2), tmp_path, model)
    assert [r.seed for r in model.requests] == [
        SeedSchedule.generation_seed(5, 1, candidate) for candidate in (0, 1)
    ] * 4
    for record in outcome.records:
        assert record.result is not None
        assert record.result.provenance.candidates == 2
        (attempt,) = record.result.attempts
        assert len(attempt.candidates) == 1, "the candidate not chosen is kept beside it"


def test_different_seeds_reach_the_model(suite: Suite, tmp_path: Path) -> None:
    model = FakeModel(good)
    outcome = run(plan(suite, seeds=(0, 7)), tmp_path, model)
    texts = {(r.case, r.seed): r.result.text for r in outcome.records if r.result}
    assert {r.seed for r in model.requests} == {GENERATION_SEED[0], GENERATION_SEED[7]}
    assert texts[("ana", 0)] != texts[("ana", 7)]


# --- reports ------------------------------------------------------------------------------------

REPORT_KEYS = {"format", "suite", "settings", "variants", "cases", "judged"}
SUITE_KEYS = {"name", "description", "path", "sha256", "cases"}
SETTINGS_KEYS = {"attempts", "candidates", "seeds", "packs", "models", "baseline", "sampling"}
VARIANT_KEYS = {"id", "label", "pack", "model", "model_name", "model_sha256", "baseline", "summary"}
SUMMARY_KEYS = {
    "runs",
    "skipped",
    "passed",
    "pass_rate",
    "plain_notes",
    "passed_with_warnings",
    "passed_first_attempt",
    "pass_rate_first_attempt",
    "expectations_met",
    "expectations_met_rate",
    "passed_with_expectations",
    "pass_rate_with_expectations",
    "mean_attempts",
    "failures_per_rule",
    "attempt_failures_per_rule",
    "grounding_failures",
    "expectation_failures",
    "length",
    "latency_seconds",
    "tokens_per_second",
    "completion_tokens",
    "diversity",
}
LENGTH_KEYS = {"min", "median", "max", "mean", "over_limit", "histogram"}
DIVERSITY_KEYS = {"mean_similarity", "pairs", "near_duplicate_threshold", "near_duplicates"}
CASE_KEYS = {
    "id",
    "scenario",
    "familiarity",
    "max_chars",
    "must_mention",
    "must_not_contain",
    "runs",
}
RUN_KEYS = {
    "variant",
    "seed",
    "skipped",
    "text",
    "passed",
    "plain",
    "passed_first_attempt",
    "attempts",
    "violations",
    "expectations",
    "expectations_met",
    "seconds",
    "tokens_per_second",
    "completion_tokens",
    "length",
    "limit",
    "near_duplicate_of",
    "provenance",
}
PROVENANCE_KEYS = {
    "model_name",
    "model_sha256",
    "pack",
    "pack_version",
    "seed",
    "sampling",
    "attempts",
    "attempt_seconds",
    "tokens_per_second",
    "origin",
    "candidates",
    "backend",
    "server_host",
    "tidy",
    "tidy_seconds",
}


@pytest.fixture
def report(suite: Suite, tmp_path: Path) -> Report:
    """Scenario packs against the baseline; every pack note is the same template."""

    def reply(request: Request) -> str:
        return BOILERPLATE if request.system is None else "Hi there, great PyData chat."

    the_plan = plan(suite, baseline=True)
    return build_report(the_plan, run(the_plan, tmp_path, FakeModel(reply)).records)


def test_report_json_keeps_its_documented_field_names(report: Report, tmp_path: Path) -> None:
    json_path, _ = write_reports(report, tmp_path / "reports")
    data = json.loads(json_path.read_text())
    assert set(data) == REPORT_KEYS
    assert data["format"] == "warmnote.eval.report/2"
    assert set(data["suite"]) == SUITE_KEYS
    assert set(data["settings"]) == SETTINGS_KEYS
    for variant in data["variants"]:
        assert set(variant) == VARIANT_KEYS
        assert set(variant["summary"]) == SUMMARY_KEYS
        assert set(variant["summary"]["length"]) == LENGTH_KEYS
        assert set(variant["summary"]["latency_seconds"]) == {"p50", "p95", "mean"}
        assert set(variant["summary"]["diversity"]) == DIVERSITY_KEYS
        assert all(
            set(b) == {"start", "end", "count"} for b in variant["summary"]["length"]["histogram"]
        )
    for case in data["cases"]:
        assert set(case) == CASE_KEYS
        for one in case["runs"]:
            assert set(one) == RUN_KEYS
            assert set(one["provenance"]) == PROVENANCE_KEYS
    assert [v["id"] for v in data["variants"]] == [AUTO_PACK, BASELINE_PACK]


def test_identical_notes_for_different_recipients_are_flagged(report: Report) -> None:
    diversity = report.variants[0].summary.diversity
    assert (diversity.pairs, diversity.mean_similarity) == (6, 1.0)
    assert len(diversity.near_duplicates) == 6
    ana = next(run for run in report.cases[0].runs if run.variant == AUTO_PACK)
    assert [ref.case for ref in ana.near_duplicate_of] == ["ben", "chen", "dana"]


def test_markdown_report_shows_totals_chart_and_every_draft(report: Report) -> None:
    markdown = render_markdown(report)
    assert "|  | scenario packs | baseline |" in markdown
    assert "| pass rate within 3 attempts | 100% (4/4) | 0% (0/4) |" in markdown
    assert "| boilerplate | 0 | 4 |" in markdown
    chart = re.findall(r"^\s*(\d+)-(\d+)\s*\| (█*) ?(\d*)$", markdown, re.M)
    assert ("25", "49", "█" * 40, "4") in chart, "the 28-character notes, all in one bucket"
    assert "`ana` (seed 0) and `ben` (seed 0): 1.00" in markdown
    for case in ("ana", "ben", "chen", "dana"):
        assert f"### {case}" in markdown
    assert f"  > {BOILERPLATE}" in markdown


def test_terminal_table_prints_cases_and_summary(
    report: Report, capsys: pytest.CaptureFixture[str]
) -> None:
    print_terminal(report)
    out = capsys.readouterr().out
    assert "cases" in out and "summary" in out
    assert "pass rate within 3 attempts" in out
    assert "FAIL(boilerplate)" in out
    assert all(case in out for case in ("ana", "ben", "chen", "dana"))
